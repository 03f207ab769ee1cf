"""CPython as the reference model of memview, and the vector line format.

A case is a base buffer, up to two views cut from it by chains of steps,
and one operation; corpus/vectors/README.md describes the text form.  This
module evaluates a case with CPython's memoryview (and bytes, for the
searches, cuts and hex decoding Python 3.11 has only on bytes) and writes
the line that the C replayer (tests/run_vectors.c) checks the library
against.

Where CPython has the operation, CPython decides the result.  Where it has
none (mv_sub, mv_buffer, mv_advance, mv_split, mv_fill, mv_tobytes's
capacity, released views' values) the rule written in include/memview.h is
modelled here on top of CPython's slicing.  Statuses follow the header's
order: a released view first, then a read-only destination, then the
arguments (CPython agrees, except that for dst[:] = src it looks at dst's
read-only flag before src's release).

The address of item 0 is not visible from Python, so each case also runs
on two address buffers whose byte i holds i & 255 and i >> 8: slicing does
not depend on content, so item 0 of the same view of those buffers spells
its offset in the base.  The cuts (removeprefix, strip, partition ...) do
depend on content: their results are placed from where CPython's result
starts in bytes(v), v's own item 0 and v's stride.

Cursor cases (a sequence of reads and writes that consume one view) and
owner-buffer sequences (bytearray with export locking) have their own
lines and their own evaluation below: struct.pack / struct.unpack decide
the cursor's integers, and bytearray + memoryview decide the buffers'
contents and when a resize is refused (BufferError).

Standard library only.
"""

import struct

PTRDIFF_MIN = -(2 ** 63)
PTRDIFF_MAX = 2 ** 63 - 1
SIZE_MAX = 2 ** 64 - 1
NONE = None  # MV_OMIT (PTRDIFF_MIN) in a slice or index bound or step

STATUS_NAMES = ("OK", "EINVAL", "ERANGE", "EOVERFLOW", "EREADONLY", "ENOTCONTIG",
                "ENOTFOUND", "EBUSY", "ERELEASED", "ENOMEM", "EAGAIN", "ECLOSED", "ESYS")

# Argument kinds of every chain step and operation: 'p' ptrdiff_t or none,
# 'i' ptrdiff_t, 'z' size_t, 'b' a byte 0..255.
STEPS = {"s": "ppp", "sub": "zz", "buf": "zi", "adv": "z", "head": "z", "tail": "z",
         "ro": "", "rel": ""}
OPS = {"slice": "ppp", "sub": "zz", "buffer": "zi", "advance": "z", "split": "z",
       "toreadonly": "", "release": "", "get": "i", "set": "ib", "tobytes": "z",
       "fill": "b", "assign": "", "equal": "", "compare": "", "ct_equal": "",
       "hex": "biz", "index": "bpp", "count": "b", "find": "",
       # search.h and cut.h: 'd' is a destination word (rw, ro, rev, rel).
       "rfind": "", "rindex": "bpp", "startswith": "", "endswith": "", "removeprefix": "",
       "removesuffix": "", "strip": "", "lstrip": "", "rstrip": "", "fromhex_size": "",
       "fromhex": "zd", "partition": "", "rpartition": "", "split_next": ""}
TWO_VIEW_OPS = ("assign", "equal", "compare", "ct_equal", "find", "rfind", "startswith",
                "endswith", "removeprefix", "removesuffix", "partition", "rpartition",
                "split_next")
# w= is the set of chars when present, ASCII whitespace (C: NULL) when not.
OPTIONAL_W_OPS = ("strip", "lstrip", "rstrip")
FROMHEX_DSTS = ("rw", "ro", "rev", "rel")
VIEW_OPS = ("slice", "sub", "buffer", "advance", "toreadonly")


class Case:
    """buf: bytes; spec: its text form; v, w: chains (lists of tuples);
    op: a tuple (name, args...)."""

    def __init__(self, buf, spec, v, op, w=None):
        self.buf, self.spec, self.v, self.w, self.op = bytes(buf), spec, list(v), w, tuple(op)
        if op[0] in TWO_VIEW_OPS and w is None:
            self.w = []
        if op[0] not in OPS or len(op) - 1 != len(OPS[op[0]]):
            raise ValueError("bad op %r" % (op,))
        if w is not None and op[0] not in TWO_VIEW_OPS + OPTIONAL_W_OPS:
            raise ValueError("w= given to %s" % op[0])

    def inputs(self):
        words = ["buf=" + self.spec, "v=" + chain_text(self.v)]
        if self.w is not None:
            words.append("w=" + chain_text(self.w))
        words.append("op=" + step_text(self.op))
        return " ".join(words)


# ------------------------------------------------------------------ text

def num(x):
    return "none" if x is None else str(x)


def step_text(step):
    return ":".join([step[0]] + [num(a) for a in step[1:]])


def chain_text(chain):
    return ",".join(step_text(s) for s in chain) if chain else "-"


def buf_spec(data):
    """The shortest spec of a buffer: ramp or zero when it is one."""
    n = len(data)
    if n >= 8 and data == bytes(i & 255 for i in range(n)):
        return "ramp:%d" % n
    if n >= 8 and data == bytes(n):
        return "zero:%d" % n
    return "hex:" + data.hex()


def buf_from_spec(spec):
    kind, _, arg = spec.partition(":")
    if kind == "hex":
        return bytes.fromhex(arg)
    if kind == "ramp":
        return bytes(i & 255 for i in range(int(arg)))
    if kind == "zero":
        return bytes(int(arg))
    raise ValueError("unknown buffer spec " + spec)


# ------------------------------------------------------------- the model

def released(m):
    try:
        len(m)
        return False
    except ValueError:
        return True


def py2_buffer(m, off, size):
    """Python 2's buffer(m, off, size) on a memoryview: read-only."""
    n = len(m)
    if off >= n:
        r = m[n:]
    elif size == -1 or size > n - off:
        r = m[off:]
    else:
        r = m[off:off + size]
    return r.toreadonly()


def apply_step(m, step):
    """One chain step; chains are set-up, so every step must succeed."""
    name, args = step[0], step[1:]
    if released(m):
        raise ValueError("step after release")
    if name == "s":
        if args[2] == 0:
            raise ValueError("zero step in a chain")
        return m[slice(*args)]
    if name == "sub":
        off, n = args
        if off + n > len(m):
            raise ValueError("sub out of range in a chain")
        return m[off:off + n]
    if name == "buf":
        if args[1] < -1:
            raise ValueError("bad buffer size in a chain")
        return py2_buffer(m, *args)
    if name in ("adv", "head", "tail"):
        if args[0] > len(m):
            raise ValueError(name + " out of range in a chain")
        return m[:args[0]] if name == "head" else m[args[0]:]
    if name == "ro":
        return m.toreadonly()
    if name == "rel":
        m.release()
        return m
    raise ValueError("unknown step " + name)


def view_of(base, chain):
    m = memoryview(base)
    for step in chain:
        m = apply_step(m, step)
    return m


def cmp(a, b):
    return (a > b) - (a < b)


def hex_of(m, sep, bps):
    """memoryview.hex(sep, bytes_per_sep) with memview's conventions: sep 0
    or bps 0 is no separator.  CPython takes bytes_per_sep as a C int; a
    group longer than the view puts no separator anywhere, so a larger
    |bps| is passed as len + 1 with its sign: the same text."""
    if sep >= 128:
        return m.hex(chr(sep), 1)  # CPython raises ValueError: not ASCII
    if sep == 0 or bps == 0:
        return m.hex()
    if abs(bps) > 2 ** 31 - 1:
        bps = (len(m) + 1) * (1 if bps > 0 else -1)
    return m.hex(chr(sep), bps)


def view_fields(m, suffix=""):
    """The shape of a result view; off is filled in from the address runs."""
    n = len(m)
    out = {"len" + suffix: n, "ro": int(m.readonly), "bytes" + suffix: m.tobytes().hex()}
    if n >= 2:
        out["stride" + suffix] = m.strides[0]
    return out


def run(case, base):
    """Evaluate case on base (a bytearray, written in place).  Returns the
    expected fields and the result views whose item-0 offsets are needed."""
    v = view_of(base, case.v)
    w = view_of(base, case.w) if case.w is not None else None
    name, args = case.op[0], case.op[1:]
    dead = released(v) or (w is not None and released(w))
    exp, views = {}, []

    def status(s):
        exp["status"] = s

    if name in ("equal", "ct_equal"):
        exp["value"] = 0 if dead else int(v == w)
    elif name == "compare":
        exp["value"] = 0 if dead else cmp(v.tobytes(), w.tobytes())
    elif name == "count":
        exp["value"] = 0 if dead else v.tobytes().count(args[0])
    elif name == "release":
        v.release()
        status("OK")
        exp["released"] = 1
    elif name == "hex":
        sep, bps, cap = args
        try:
            text = None if dead else hex_of(v, sep, bps)
        except ValueError:
            text = None
        exp["size"] = 0 if text is None else len(text)
        if dead:
            status("ERELEASED")
        elif text is None:
            status("EINVAL")
        elif cap <= len(text):
            status("ERANGE")
        else:
            status("OK")
            # Separators are written '_' (never a hex digit): the same
            # call with '_' as sep puts them in the same places.
            exp["out"] = hex_of(v, ord("_"), bps) if sep else text
    elif name in ("startswith", "endswith"):
        exp["value"] = 0 if dead else int(getattr(v.tobytes(), name)(w.tobytes()))
    elif name == "split_next":
        # mv_split_next called until it stops: the tokens of
        # bytes(v).split(bytes(w)), then ERELEASED (the rest is released
        # after the last token); a released view or an empty w stops the
        # first call.
        if dead:
            status("ERELEASED")
            exp["value"] = 0
        elif len(w) == 0:
            status("EINVAL")
            exp["value"] = 0
        else:
            tokens = v.tobytes().split(w.tobytes())
            status("ERELEASED")
            exp["value"] = len(tokens)
            exp["tokens"] = ",".join(t.hex() for t in tokens)
    elif name == "fromhex":
        cap, dst = args
        text = None if released(v) else unhex(v)
        if released(v) or dst == "rel":
            status("ERELEASED")
        elif dst == "ro":
            status("EREADONLY")
        elif text is None:
            status("EINVAL")
        elif cap < len(text):
            status("ERANGE")
        else:
            status("OK")
            exp["value"] = len(text)
            exp["bytes"] = text.hex()
    elif dead:
        status("ERELEASED")
    elif name in CUT_OPS:
        # The result is v[at:at + n]: its items depend on the contents, so
        # the address buffers cannot recompute it; evaluate() places it
        # from v's own item 0 and stride.
        at, n = cut_of(name, v.tobytes(), None if w is None else w.tobytes())
        status("OK")
        exp.update(view_fields(v[at:at + n]))
        views.append(("at", at, n))
    elif name in ("partition", "rpartition"):
        try:
            parts = getattr(v.tobytes(), name)(w.tobytes())
        except ValueError:
            status("EINVAL")  # an empty separator
        else:
            # Three runs of v: before, the items that matched, after (for
            # no match CPython gives (v, b'', b'') and (b'', b'', v)).
            status("OK")
            at = 0
            for suffix, part in zip(("", "2", "3"), parts):
                exp.update(view_fields(v[at:at + len(part)], suffix))
                views.append(("at", at, len(part)))
                at += len(part)
    elif name == "fromhex_size":
        text = unhex(v)
        if text is None:
            status("EINVAL")
        else:
            status("OK")
            exp["size"] = len(text)
    elif name == "rfind":
        pos = v.tobytes().rfind(w.tobytes())
        if pos < 0:
            status("ENOTFOUND")
        else:
            status("OK")
            exp["value"] = pos
    elif name == "rindex":
        try:
            exp["value"] = v.tobytes().rindex(args[0], args[1], args[2])
            status("OK")
        except ValueError:
            status("ENOTFOUND")
    elif name == "slice":
        try:
            r = v[slice(*args)]
        except ValueError:
            status("EINVAL")
        else:
            status("OK")
            exp.update(view_fields(r))
            views.append(r)
    elif name in ("sub", "advance", "split"):
        off = args[0]
        size = args[1] if name == "sub" else 0
        if off + size > len(v):
            status("ERANGE")
        else:
            status("OK")
            if name == "sub":
                views.append(v[off:off + size])
            elif name == "advance":
                views.append(v[off:])
            else:
                views += [v[:off], v[off:]]
                exp.update(view_fields(views[1], "2"))
            exp.update(view_fields(views[0]))
    elif name == "buffer":
        if args[1] < -1:
            status("EINVAL")
        else:
            status("OK")
            views.append(py2_buffer(v, *args))
            exp.update(view_fields(views[0]))
    elif name == "toreadonly":
        status("OK")
        views.append(v.toreadonly())
        exp.update(view_fields(views[0]))
    elif name == "get":
        try:
            exp["value"] = v[args[0]]
            status("OK")
        except IndexError:
            status("ERANGE")
    elif name == "set":
        try:
            v[args[0]] = args[1]
            status("OK")
        except TypeError:
            status("EREADONLY")
        except IndexError:
            status("ERANGE")
    elif name == "tobytes":
        if args[0] < len(v):
            status("ERANGE")
        else:
            status("OK")
            exp["value"] = len(v)
            exp["bytes"] = v.tobytes().hex()
    elif name == "fill":
        if v.readonly:
            status("EREADONLY")
        else:
            status("OK")
            for i in range(len(v)):
                v[i] = args[0]
    elif name == "assign":
        try:
            v[:] = w
            status("OK")
        except TypeError:
            status("EREADONLY")
        except ValueError:
            status("EINVAL")
    elif name == "index":
        try:
            exp["value"] = v.tobytes().index(args[0], args[1], args[2])
            status("OK")
        except ValueError:
            status("ENOTFOUND")
    elif name == "find":
        pos = v.tobytes().find(w.tobytes())
        if pos < 0:
            status("ENOTFOUND")
        else:
            status("OK")
            exp["value"] = pos
    else:
        raise ValueError("unknown op " + name)
    if name in ("set", "fill", "assign") and exp["status"] == "OK":
        exp["base"] = bytes(base).hex()
    return exp, views


CUT_OPS = ("removeprefix", "removesuffix", "strip", "lstrip", "rstrip")


def cut_of(name, s, w):
    """Where the result of a cut op lies in s (v's items): (at, n), from
    CPython's bytes methods (w: the pattern or chars; None: whitespace)."""
    if name == "removeprefix":
        r = s.removeprefix(w)
        return len(s) - len(r), len(r)
    if name == "removesuffix":
        return 0, len(s.removesuffix(w))
    chars = w  # None: CPython's own default, ASCII whitespace
    if s.strip(chars) == b"":
        return 0, 0  # every item stripped: an empty view
    at = len(s) - len(s.lstrip(chars))
    if name == "strip":
        return at, len(s.strip(chars))
    if name == "lstrip":
        return at, len(s) - at
    return 0, len(s.rstrip(chars))


def unhex(v):
    """bytes.fromhex of v's items read as text (latin-1: every byte one
    character; a non-ASCII one is invalid); None when CPython refuses."""
    try:
        return bytes.fromhex(v.tobytes().decode("latin-1"))
    except ValueError:
        return None


def chain_offset(case, chain):
    """The offset in the base of item 0 of chain's view (None when it has
    no items), spelled by the address buffers."""
    n = len(case.buf)
    lo = view_of(bytearray(i & 255 for i in range(n)), chain)
    hi = view_of(bytearray(i >> 8 for i in range(n)), chain)
    if released(lo) or len(lo) == 0:
        return None
    return lo[0] | hi[0] << 8


def first_items(case, n):
    """Item 0 of each result view of case run on an address buffer."""
    lo = bytearray(i & 255 for i in range(n))
    hi = bytearray(i >> 8 for i in range(n))
    _, vlo = run(case, lo)
    _, vhi = run(case, hi)
    return [(a[0] | b[0] << 8) if len(a) else None for a, b in zip(vlo, vhi)]


def evaluate(case):
    """The expected fields of a case, in the order they are written."""
    if len(case.buf) >= 1 << 16:
        raise ValueError("address buffers spell offsets below 65536 only")
    exp, views = run(case, bytearray(case.buf))
    if views and isinstance(views[0], tuple):
        for i, (_, at, k) in enumerate(views):
            if k:
                v = view_of(bytearray(case.buf), case.v)
                step = v.strides[0] if len(v) >= 2 else 0
                exp["off" + ("", "2", "3")[i]] = chain_offset(case, case.v) + at * step
    elif views:
        for i, off in enumerate(first_items(case, len(case.buf))):
            if off is not None:
                exp["off" if i == 0 else "off2"] = off
    order = ("status", "value", "size", "released", "len", "off", "stride", "ro", "bytes",
             "len2", "off2", "stride2", "bytes2", "len3", "off3", "stride3", "bytes3", "tokens",
             "out", "base")
    return {k: exp[k] for k in order if k in exp}


def line(case):
    if isinstance(case, CursorCase):
        exp = evaluate_cursor(case)
    elif isinstance(case, BufSeq):
        return buf_line(case)
    else:
        exp = evaluate(case)
    return case.inputs() + " => " + " ".join("%s=%s" % kv for kv in exp.items())


# ---------------------------------------------------------------- cursors
#
# A cursor case is a view v (cut from the base by a chain, as above) and a
# sequence of cursor operations that consume it from the front, each one
# on what the previous ones left.  The items of the cursor are what is
# packed and unpacked: for a strided or reversed cursor, the items in the
# cursor's order.

# struct format and width of each integer kind; be24 is '>I' with a zero
# first byte (unpack) or without its first byte (pack).
INT_KINDS = {"u8": ("B", 1), "be16": (">H", 2), "be24": (">I", 3), "be32": (">I", 4),
             "be64": (">Q", 8), "le16": ("<H", 2), "le32": ("<I", 4), "le64": ("<Q", 8)}
# Bits of the C parameter of each writer: the range of a write's argument.
WRITE_BITS = {"u8": 8, "be16": 16, "be24": 32, "be32": 32, "be64": 64, "le16": 16,
              "le32": 32, "le64": 64}

# The later kinds: le24 (read and write: '<I' without its last byte),
# the signed reads, and the reads of 1 to 8 items (int.from_bytes).
LE24 = ("<I", 3)
SIGNED_KINDS = {"i8": ("b", 1), "be_i16": (">h", 2), "le_i16": ("<h", 2), "be_i32": (">i", 4),
                "le_i32": ("<i", 4), "be_i64": (">q", 8), "le_i64": ("<q", 8)}
UINT_KINDS = {"be_uint": "big", "le_uint": "little"}
WRITE_BITS_LATER = {"le24": 32}

# Argument kinds of the cursor operations: 'z' size, 'u' unsigned value.
CURSOR_OPS = dict([("read_" + k, "") for k in INT_KINDS] + [("write_" + k, "u") for k in INT_KINDS] +
                  [("read_view", "z"), ("read_bytes", "z"), ("write_view", "")] +
                  [("read_le24", ""), ("write_le24", "u")] +
                  [("read_" + k, "") for k in SIGNED_KINDS] +
                  [("read_" + k, "z") for k in UINT_KINDS])


def kind_width(kind):
    """Items a fixed-width integer kind takes (old or later kinds)."""
    if kind in INT_KINDS:
        return INT_KINDS[kind][1]
    if kind == "le24":
        return 3
    return SIGNED_KINDS[kind][1]


def unpack(kind, raw):
    """The integer in raw; struct.error when raw is too short."""
    if kind == "be24":
        return struct.unpack(">I", b"\0" + raw)[0]
    return struct.unpack(INT_KINDS[kind][0], raw)[0]


def pack(kind, value):
    """The bytes a writer of this kind puts in the cursor's items; value is
    the C argument (be24 takes a 32-bit value and writes its low 24 bits)."""
    if kind == "be24":
        return struct.pack(">I", value)[1:]
    return struct.pack(INT_KINDS[kind][0], value)


class CursorCase:
    """buf, spec: the base; v: the cursor's chain; ops: a list of tuples
    (name, args...); w: the chain of write_view's source (present exactly
    when some op is write_view)."""

    def __init__(self, buf, spec, v, ops, w=None):
        self.buf, self.spec, self.v, self.ops = bytes(buf), spec, list(v), [tuple(o) for o in ops]
        self.w = w
        if any(o[0] == "write_view" for o in self.ops) and w is None:
            self.w = []
        for o in self.ops:
            if o[0] not in CURSOR_OPS or len(o) - 1 != len(CURSOR_OPS[o[0]]):
                raise ValueError("bad cursor op %r" % (o,))
            if o[0].startswith("write_") and o[0] != "write_view":
                bits = WRITE_BITS.get(o[0][6:]) or WRITE_BITS_LATER[o[0][6:]]
                if not 0 <= o[1] < 2 ** bits:
                    raise ValueError("value out of the parameter's range in %r" % (o,))

    def inputs(self):
        words = ["buf=" + self.spec, "v=" + chain_text(self.v)]
        if self.w is not None:
            words.append("w=" + chain_text(self.w))
        words.append("ops=" + ",".join(step_text(o) for o in self.ops))
        return " ".join(words)


def cursor_op(m, w, name, args):
    """One operation on cursor m: (status, value, items consumed).  A
    released view first (either one for write_view), then what CPython
    says: struct.error for too few items to unpack, TypeError for a
    read-only destination, ValueError for a destination shorter than what
    is assigned to it."""
    if released(m) or (name == "write_view" and released(w)):
        return "ERELEASED", None, 0
    if name in ("read_le24", "read_be_uint", "read_le_uint") or name[5:] in SIGNED_KINDS:
        return later_read(m, name[5:], args)
    if name == "write_le24":
        data = struct.pack("<I", args[0])[:3]
        try:
            m[:3] = data
        except TypeError:
            return "EREADONLY", None, 0
        except ValueError:
            return "ERANGE", None, 0
        return "OK", None, 3
    if name.startswith("read_") and name[5:] in INT_KINDS:
        kind = name[5:]
        try:
            value = unpack(kind, m[:INT_KINDS[kind][1]].tobytes())
        except struct.error:
            return "ERANGE", None, 0
        return "OK", value, INT_KINDS[kind][1]
    if name.startswith("write_") and name[6:] in INT_KINDS:
        kind = name[6:]
        data = pack(kind, args[0])
        try:
            m[:len(data)] = data
        except TypeError:
            return "EREADONLY", None, 0
        except ValueError:
            return "ERANGE", None, 0
        return "OK", None, len(data)
    if name in ("read_view", "read_bytes"):
        # memview's rule: all n items or none (CPython's m[:n] would clamp).
        if args[0] > len(m):
            return "ERANGE", None, 0
        return "OK", m[:args[0]].tobytes(), args[0]
    if name == "write_view":
        try:
            m[:len(w)] = w
        except TypeError:
            return "EREADONLY", None, 0
        except ValueError:
            return "ERANGE", None, 0
        return "OK", None, len(w)
    raise ValueError("unknown cursor op " + name)


def later_read(m, kind, args):
    """read_le24 ('<I' with a zero last byte), the signed reads (struct's
    signed formats) and the reads of n items (int.from_bytes; n outside
    1 .. 8 is MV_EINVAL, before the length)."""
    if kind in UINT_KINDS:
        n = args[0]
        if not 1 <= n <= 8:
            return "EINVAL", None, 0
        raw = m[:n].tobytes()
        if len(raw) < n:
            return "ERANGE", None, 0
        return "OK", int.from_bytes(raw, UINT_KINDS[kind]), n
    width = kind_width(kind)
    raw = m[:width].tobytes()
    try:
        if kind == "le24":
            value = struct.unpack("<I", raw + b"\0")[0]
        else:
            value = struct.unpack(SIGNED_KINDS[kind][0], raw)[0]
    except struct.error:
        return "ERANGE", None, 0
    return "OK", value, width


def run_cursor(case, base, moves=None):
    """Runs the ops on base (written in place).  Returns the per-op results
    and the final cursor.  With moves (items consumed per op, from an
    earlier run), only moves the cursor: the address runs."""
    m = view_of(base, case.v)
    w = view_of(base, case.w) if case.w is not None else None
    results = []
    for i, op in enumerate(case.ops):
        if moves is not None:
            if moves[i]:
                m = m[moves[i]:]
            continue
        status, value, n = cursor_op(m, w, op[0], op[1:])
        results.append((status, value, n))
        if status == "OK":
            m = m[n:]
    return results, m


def evaluate_cursor(case):
    base = bytearray(case.buf)
    if len(base) >= 1 << 16:
        raise ValueError("address buffers spell offsets below 65536 only")
    results, m = run_cursor(case, base)
    words = []
    for (status, value, _), op in zip(results, case.ops):
        if value is None:
            words.append(status)
        elif isinstance(value, bytes):
            words.append("%s:%s" % (status, value.hex()))
        else:
            words.append("%s:%d" % (status, value))
    exp = {"res": ",".join(words)}
    if released(m):
        exp["released"] = 1
    else:
        exp.update(view_fields(m))
        if len(m):
            moves = [n for _, _, n in results]
            n = len(case.buf)
            _, lo = run_cursor(case, bytearray(i & 255 for i in range(n)), moves)
            _, hi = run_cursor(case, bytearray(i >> 8 for i in range(n)), moves)
            exp["off"] = lo[0] | hi[0] << 8
    if any(op[0].startswith("write_") and r[0] == "OK" for op, r in zip(case.ops, results)):
        exp["base"] = bytes(base).hex()
    order = ("res", "released", "len", "off", "stride", "ro", "bytes", "base")
    return {k: exp[k] for k in order if k in exp}


# ------------------------------------------------------- owner buffers
#
# A buffer sequence runs steps on two owner buffers, a and b, with export
# slots e0 .. e7 holding exported views.  Each step names the buffer whose
# state it reports.  bytearray is the buffer, memoryview(bytearray) the
# export: CPython decides the contents after every step and, through
# BufferError, whether a resize is refused.  memview's own rules where
# CPython has nothing to say or says otherwise:
#   - any resize, append or free of an exported buffer is MV_EBUSY, also
#     one that would change nothing (CPython lets a same-size resize, an
#     append of nothing or clear() of an empty bytearray through);
#   - mv_buf_release: a released view is MV_ERELEASED; a buffer with no
#     live export, or a view that is not the buffer's export, MV_EINVAL;
#   - sizes above PTRDIFF_MAX are MV_EOVERFLOW (after MV_EBUSY);
#   - mv_buf_reserve (no CPython equivalent): MV_EBUSY, MV_EOVERFLOW when
#     len + n passes PTRDIFF_MAX, else the contents are unchanged;
#   - mv_buf_consume of more than the length is MV_ERANGE (CPython's
#     del b[:n] clamps), after MV_EBUSY; mv_buf_clear and mv_buf_consume
#     of an exported buffer are MV_EBUSY also when nothing would change;
#   - mv_buf_wipe is clear() that zeroes the whole block first: the same
#     statuses and contents;
#   - the spare view (mv_buf_spare: at least min bytes after the contents,
#     their values unknown until written) locks the buffer as an export
#     does without being counted in mv_buf_exports: every step that could
#     move the contents is MV_EBUSY while it is out, exports are not;
#     mv_buf_commit appends the first n bytes written through it (a commit
#     is MV_ERELEASED for a spare view already handed back, MV_EBUSY while
#     exports are live, MV_ERANGE past the view).  Only the first min items
#     of the view are known to exist, so sequences write and commit only
#     those (or commit more than PTRDIFF_MAX: MV_ERANGE).
#   - a source viewing a buffer's own contents is read as if copied
#     first; a released source is MV_ERELEASED (before MV_EBUSY).

SLOTS = tuple("e%d" % i for i in range(8))
BUF_STEPS = ("init", "from", "resize", "append", "export", "release", "free", "set", "reserve",
             "clear", "consume", "spare", "commit", "wipe")


class BufSeq:
    """steps: tuples ("init", buf, n), ("from", buf, src), ("resize", buf, n),
    ("append", buf, src), ("export", buf, slot, readonly), ("release", buf,
    slot), ("free", buf), ("set", buf, slot, index, byte), ("reserve", buf,
    n), ("clear", buf), ("consume", buf, n), ("spare", buf, slot, min),
    ("commit", buf, slot, n), ("wipe", buf); a src is (origin, chain) with origin "a", "b",
    a slot, or bytes."""

    def __init__(self, steps):
        self.steps = [tuple(s) for s in steps]


def src_text(src):
    origin, chain = src
    text = "hex:" + origin.hex() if isinstance(origin, bytes) else origin
    return text + ("/" + chain_text(chain) if chain else "")


def buf_step_text(step):
    name, b, args = step[0], step[1], step[2:]
    words = [name, b]
    if name in ("from", "append"):
        words.append(src_text(args[0]))
    elif name == "export":
        words += [args[0], "ro" if args[1] else "rw"]
    else:
        words += [num(a) for a in args]
    return " ".join(words)


def resize_bytearray(ba, n):
    """bytearray to n bytes: truncated, or extended with zeros (BufferError
    when it has exports)."""
    if n < len(ba):
        del ba[n:]
    elif n > len(ba):
        ba.extend(bytes(n - len(ba)))


def cpython_busy(ba):
    """CPython's answer to whether ba can change size now: BufferError
    while it has exports.  Asked with a one-byte append undone at once."""
    try:
        ba.append(0)
    except BufferError:
        return True
    ba.pop()
    return False


class BufState:
    def __init__(self):
        self.bufs = {"a": bytearray(), "b": bytearray()}
        self.ready = {"a": False, "b": False}   # made by init or from
        self.holds = {"a": False, "b": False}   # holds a block (init/from would leak it)
        self.count = {"a": 0, "b": 0}            # live exports (mv_buf_exports)
        self.slots = {}                          # slot -> (buffer, memoryview)
        self.spares = {}                         # slot -> Spare
        self.spare_out = {"a": None, "b": None}  # the slot of the spare view out

    def locked(self, b):
        return self.count[b] > 0 or self.spare_out[b] is not None

    def live(self, slot):
        return slot in self.slots and not released(self.slots[slot][1])

    def src_view(self, src):
        """The source view: a copy of a buffer's contents for "a"/"b" (the
        C side views them without exporting; here, as if copied first), the
        slot's own view, or a fresh array; then the chain."""
        origin, chain = src
        if isinstance(origin, bytes):
            m = memoryview(bytearray(origin))
        elif origin in self.bufs:
            if not self.ready[origin]:
                raise ValueError("source buffer %s not made yet" % origin)
            m = memoryview(bytearray(self.bufs[origin]))
        else:
            # A view is a value in C: the chain works on a copy (m[:] is
            # a new memoryview of the same export, not a new export).
            m = self.slots[origin][1]
            m = m if released(m) else m[:]
        for step in chain:
            m = apply_step(m, step)
        return m

    def step(self, step):
        """Runs one step; returns the expected fields."""
        name, b = step[0], step[1]
        args = step[2:]
        if name not in ("init", "from") and not self.ready[b]:
            raise ValueError("step on buffer %s before init or from" % b)
        ba = self.bufs[b]
        status = self._run(name, b, ba, args)
        exp = {"status": status}
        if self.ready[b]:
            ba = self.bufs[b]
            exp.update({"len": len(ba), "exports": self.count[b], "bytes": bytes(ba).hex()})
        return exp

    def _run(self, name, b, ba, args):
        if name in ("resize", "free", "clear", "consume", "reserve", "wipe") and self.spare_out[b]:
            return "EBUSY"  # memview's: the spare view is out
        if name in ("spare", "commit") or (name == "set" and args[0] in self.spares):
            return self._spare_step(name, b, ba, args)
        if name in ("init", "from"):
            if self.holds[b] or self.locked(b):
                raise ValueError("init/from on a buffer that holds memory or exports")
            if name == "init":
                if args[0] > PTRDIFF_MAX:
                    return "EOVERFLOW"
                new = bytearray(args[0])
            else:
                v = self.src_view(args[0])
                if released(v):
                    return "ERELEASED"
                new = bytearray(v.tobytes())
                del v
            self.bufs[b], self.ready[b], self.holds[b] = new, True, len(new) > 0
            return "OK"
        if name == "resize":
            n = args[0]
            if n <= PTRDIFF_MAX and n != len(ba):
                try:
                    resize_bytearray(ba, n)
                except BufferError:
                    return self._busy(b, ba)
                self.holds[b] |= n > 0
                return self._not_busy(b, ba, "OK")
            if cpython_busy(ba):
                return self._busy(b, ba)
            return self._not_busy(b, ba, "EOVERFLOW" if n > PTRDIFF_MAX else "OK")
        if name == "append":
            v = self.src_view(args[0])
            if released(v):
                return "ERELEASED"
            items = v.tobytes()
            del v
            if self.spare_out[b]:
                return "EBUSY"
            if items:
                try:
                    ba.extend(items)
                except BufferError:
                    return self._busy(b, ba)
                self.holds[b] = True
                return self._not_busy(b, ba, "OK")
            return self._busy(b, ba) if cpython_busy(ba) else self._not_busy(b, ba, "OK")
        if name == "free":
            if ba:
                try:
                    ba.clear()
                except BufferError:
                    return self._busy(b, ba)
            elif cpython_busy(ba):
                return self._busy(b, ba)
            self.holds[b] = False
            return self._not_busy(b, ba, "OK")
        if name == "reserve":
            # No CPython equivalent (capacity is not a bytearray notion):
            # memview's rule, the contents unchanged.
            if self.count[b]:
                return "EBUSY"
            if args[0] > PTRDIFF_MAX - len(ba):
                return "EOVERFLOW"
            self.holds[b] = True  # it may have made a block, even for 0
            return "OK"
        if name in ("clear", "wipe"):
            # wipe: clear() that also zeroes the block (memview's own: the
            # replayer checks the zeros; CPython decides the rest).
            if ba:
                try:
                    ba.clear()
                except BufferError:
                    return self._busy(b, ba)
            elif cpython_busy(ba):
                return self._busy(b, ba)
            return self._not_busy(b, ba, "OK")  # the block is kept
        if name == "consume":
            # del ba[:n]; CPython clamps an n past the end, memview refuses.
            n = args[0]
            if 0 < n <= len(ba):
                try:
                    del ba[:n]
                except BufferError:
                    return self._busy(b, ba)
                return self._not_busy(b, ba, "OK")
            if cpython_busy(ba):
                return self._busy(b, ba)
            return self._not_busy(b, ba, "ERANGE" if n > len(ba) else "OK")
        if name == "export":
            slot, readonly = args
            if self.live(slot):
                raise ValueError("export into a live slot would lose its view")
            m = memoryview(ba)
            if readonly:
                r = m.toreadonly()
                m.release()
                m = r
            self.slots[slot] = (b, m)
            self.count[b] += 1
            return "OK"
        if name == "release":
            owner, m = self.slots[args[0]]
            if released(m):
                return "ERELEASED"
            if self.count[b] == 0:
                return "EINVAL"
            if owner != b:
                if len(m) == 0 and len(ba) == 0:
                    raise ValueError("an empty export of another buffer equals this one's")
                return "EINVAL"
            m.release()
            self.count[b] -= 1
            return "OK"
        if name == "set":
            slot, index, value = args
            m = self.slots[slot][1]
            if released(m):
                return "ERELEASED"
            try:
                m[index] = value
            except TypeError:
                return "EREADONLY"
            except IndexError:
                return "ERANGE"
            return "OK"
        raise ValueError("unknown buffer step " + name)

    def _spare_step(self, name, b, ba, args):
        if name == "spare":
            slot, least = args
            if self.live(slot) or (slot in self.spares and self.spares[slot].live):
                raise ValueError("spare into a live slot would lose its view")
            if self.locked(b):
                return "EBUSY"
            if least > PTRDIFF_MAX - len(ba):
                return "EOVERFLOW"
            self.spares[slot] = Spare(b, least)
            self.spare_out[b] = slot
            self.holds[b] = True
            return "OK"
        sp = self.spares[args[0]]
        if name == "set":
            index, value = args[1:]
            if not sp.live:
                return "ERELEASED"
            if not 0 <= index < sp.least:
                raise ValueError("a write to the spare view past its min: its length is unknown")
            sp.known[index] = value
            return "OK"
        n = args[1]
        if not sp.live:
            return "ERELEASED"
        if sp.buf != b:
            raise ValueError("a commit to another buffer: empty views may look alike")
        if self.count[b]:
            return "EBUSY"
        if n > PTRDIFF_MAX:
            return "ERANGE"
        if any(i not in sp.known for i in range(n)):
            raise ValueError("a commit of spare bytes never written: their values are unknown")
        ba.extend(bytes(sp.known[i] for i in range(n)))
        sp.live = False
        self.spare_out[b] = None
        return "OK"

    def _busy(self, b, ba):
        if not self.count[b]:
            raise ValueError("CPython refuses a resize of %s with no export in the model" % b)
        return "EBUSY"

    def _not_busy(self, b, ba, status):
        if self.count[b]:
            raise ValueError("CPython resized %s with exports in the model" % b)
        return status


class Spare:
    """A spare view: its buffer, the min it was asked for (its length is
    the library's, at least that), the bytes written through it."""

    def __init__(self, buf, least):
        self.buf, self.least, self.known, self.live = buf, least, {}, True

    def prefix(self):
        """How many of its first items were written."""
        n = 0
        while n in self.known:
            n += 1
        return n


def buf_results(seq):
    st = BufState()
    return [st.step(step) for step in seq.steps]


def buf_line(seq):
    parts = []
    for step, exp in zip(seq.steps, buf_results(seq)):
        parts.append(buf_step_text(step) + " => " +
                     " ".join("%s=%s" % kv for kv in exp.items()))
    return "seq " + " | ".join(parts)
