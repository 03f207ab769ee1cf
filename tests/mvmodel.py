"""CPython as the reference model of memview, and the vector line format.

A case is a base buffer, up to two views cut from it by chains of steps,
and one operation; corpus/vectors/README.md describes the text form.  This
module evaluates a case with CPython's memoryview (and bytes, for the
searches Python 3.11 has only on bytes) and writes the line that the C
replayer (tests/replay.c) checks the library against.

Where CPython has the operation, CPython decides the result.  Where it has
none (mv_sub, mv_buffer, mv_advance, mv_split, mv_fill, mv_tobytes's
capacity, released views' values) the rule written in src/memview.h is
modelled here on top of CPython's slicing.  Statuses follow the header's
order: a released view first, then a read-only destination, then the
arguments (CPython agrees, except that for dst[:] = src it looks at dst's
read-only flag before src's release).

The address of item 0 is not visible from Python, so each case also runs
on two address buffers whose byte i holds i & 255 and i >> 8: slicing does
not depend on content, so item 0 of the same view of those buffers spells
its offset in the base.

Standard library only.
"""

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
    exp = evaluate(case)
    return case.inputs() + " => " + " ".join("%s=%s" % kv for kv in exp.items())
