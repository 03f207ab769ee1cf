"""CPython as the reference model of memview, and the vector line format.

A case is a base buffer, up to two views cut from it by chains of steps,
and one operation; corpus/vectors/README.md describes the text form.  This
module evaluates a case with CPython's memoryview (and bytes, for the
searches Python 3.11 has only on bytes) and writes the line that the C
replayer (tests/run_vectors.c) checks the library against.

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
its offset in the base.

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
       "hex": "biz", "index": "bpp", "count": "b", "find": ""}
TWO_VIEW_OPS = ("assign", "equal", "compare", "ct_equal", "find")
VIEW_OPS = ("slice", "sub", "buffer", "advance", "toreadonly")


class Case:
    """buf: bytes; spec: its text form; v, w: chains (lists of tuples);
    op: a tuple (name, args...)."""

    def __init__(self, buf, spec, v, op, w=None):
        self.buf, self.spec, self.v, self.w, self.op = bytes(buf), spec, list(v), w, tuple(op)
        if op[0] in TWO_VIEW_OPS and w is None:
            self.w = []

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
    elif dead:
        status("ERELEASED")
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
    if views:
        for i, off in enumerate(first_items(case, len(case.buf))):
            if off is not None:
                exp["off" if i == 0 else "off2"] = off
    order = ("status", "value", "size", "released", "len", "off", "stride", "ro", "bytes",
             "len2", "off2", "stride2", "bytes2", "out", "base")
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

# Argument kinds of the cursor operations: 'z' size, 'u' unsigned value.
CURSOR_OPS = dict([("read_" + k, "") for k in INT_KINDS] + [("write_" + k, "u") for k in INT_KINDS] +
                  [("read_view", "z"), ("read_bytes", "z"), ("write_view", "")])


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
                if not 0 <= o[1] < 2 ** WRITE_BITS[o[0][6:]]:
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
#   - a source viewing a buffer's own contents is read as if copied
#     first; a released source is MV_ERELEASED (before MV_EBUSY).

SLOTS = tuple("e%d" % i for i in range(8))
BUF_STEPS = ("init", "from", "resize", "append", "export", "release", "free", "set")


class BufSeq:
    """steps: tuples ("init", buf, n), ("from", buf, src), ("resize", buf, n),
    ("append", buf, src), ("export", buf, slot, readonly), ("release", buf,
    slot), ("free", buf), ("set", buf, slot, index, byte); a src is
    (origin, chain) with origin "a", "b", a slot, or bytes."""

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
        if name in ("init", "from"):
            if self.holds[b] or self.count[b]:
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

    def _busy(self, b, ba):
        if not self.count[b]:
            raise ValueError("CPython refuses a resize of %s with no export in the model" % b)
        return "EBUSY"

    def _not_busy(self, b, ba, status):
        if self.count[b]:
            raise ValueError("CPython resized %s with exports in the model" % b)
        return status


def buf_results(seq):
    st = BufState()
    return [st.step(step) for step in seq.steps]


def buf_line(seq):
    parts = []
    for step, exp in zip(seq.steps, buf_results(seq)):
        parts.append(buf_step_text(step) + " => " +
                     " ".join("%s=%s" % kv for kv in exp.items()))
    return "seq " + " | ".join(parts)
