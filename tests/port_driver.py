#!/usr/bin/env python3
"""port_driver.py — memview's conformance protocol, answered by CPython.

A port of memview is checked by a driver: a program that reads the cases of
corpus/vectors/README.md on stdin, one a line with its expected results cut
off, and writes one result line per case, flushing after each, in the words
the vectors use.  This driver answers with Python's own memoryview,
bytearray, bytes, struct and int.from_bytes.  It shows that the protocol
can be implemented outside C, and it is the shape a driver for another
language can follow:

  1. Parse the line into a case (`parse_view_case`, `parse_seq`,
     `parse_io`): numbers are checked against the C parameter types (bound,
     int, size, byte), and a line that does not parse gets
     `error <reason>`, never a crash.
  2. Build the views.  `buf=` is a bytearray; `v=` and `w=` are chains of
     steps (CHAIN_STEPS) applied to a fresh memoryview of it.
  3. Run the operation through a table from op name to a small function
     (VIEW_OPS, CURSOR_OPS, SEQ_STEPS, IO_OPS).  Each function checks the
     statuses in memview's order (a released view first, then a read-only
     destination, then the arguments as the C function lists them), raising
     Fail(status) for the first that applies, and otherwise lets the
     language's own type do the work.
  4. Format the results (`view_words`, `buffer_state`, `run_io`).

What CPython has no word for is done here as plainly as possible:
  * the offset of item 0 in the base: every View carries, next to its
    memoryview, a range of base positions sliced exactly like it (the same
    slicing rules apply to both), so `where[0]` is the offset;
  * the statuses where memview is stricter than CPython (strict `sub`,
    `advance`, `read_view`; refusing a change that would change nothing
    while a buffer is exported; MV_OMIT, the value -2**63, as None);
  * the owner buffer's export count (the live slots it exported to) and its
    spare view (a separate bytearray of MIN bytes, appended on commit, that
    locks the buffer as an export does).

I/O cases (`io ...`) run the loops of memview/io.h against a simulated
socket written here from memview_sim.h's documentation (`SimSocket`): one
function per loop (IO_OPS), sharing the loop that moves every byte
(`move_all`), and `run_io` calling it again after EAGAIN or a partial
move, as a caller would.

Setting MV_PORT_PLANT=negative-step-clamp plants a known difference (see
`planted_stop`), so that a runner can show it catches one; without it the
driver is exact.

Usage: port_driver.py < cases > results
"""

import os
import re
import struct
import sys
from functools import partial

PTRDIFF_MAX = 2 ** 63 - 1
PTRDIFF_MIN = -2 ** 63
SIZE_MAX = 2 ** 64 - 1
MV_OMIT = PTRDIFF_MIN

# The largest block this driver will allocate for a base or a buffer.  The
# vectors stay far below it; above it the driver answers as the library does
# when an allocation fails (ENOMEM) instead of exhausting the machine.
MAX_BLOCK = 1 << 28

PLANTS = ("negative-step-clamp",)
PLANT = os.environ.get("MV_PORT_PLANT", "")


class Fail(Exception):
    """An operation stopped with a memview status other than OK."""

    def __init__(self, status):
        super().__init__(status)
        self.status = status


class BadLine(Exception):
    """The line is not a case this driver can read: answered `error ...`."""


# ------------------------------------------------------------- numbers

NUMBER = re.compile(r"-?[0-9]+\Z")


def number(word, lo, hi, what):
    if not NUMBER.match(word):
        raise BadLine("bad %s %r" % (what, word))
    x = int(word)
    if not lo <= x <= hi:
        raise BadLine("%s out of range %s" % (what, word))
    return x


def parse_bound(word):
    """A slice bound or step: `none`, or a 64-bit int where -2**63 is
    MV_OMIT, which is None as well."""
    if word == "none":
        return None
    x = number(word, PTRDIFF_MIN, PTRDIFF_MAX, "bound")
    return None if x == MV_OMIT else x


def parse_int(word):
    return number(word, PTRDIFF_MIN, PTRDIFF_MAX, "int")


def parse_size(word):
    return number(word, 0, SIZE_MAX, "size")


def parse_byte(word):
    return number(word, 0, 255, "byte")


def parse_dst(word):
    if word not in ("rw", "ro", "rev", "rel"):
        raise BadLine("bad destination %r" % word)
    return word


ARG_TYPES = {"bound": parse_bound, "int": parse_int, "size": parse_size,
             "byte": parse_byte, "dst": parse_dst}


def parse_args(words, types, what):
    if len(words) != len(types):
        raise BadLine("%s takes %d arguments" % (what, len(types)))
    return [ARG_TYPES[t](w) for t, w in zip(types, words)]


# --------------------------------------------------------------- views

class View:
    """A memoryview and the base positions of its items.

    CPython answers everything about the items: their values, the stride,
    the read-only flag, whether the view was released.  `where` is a range
    over the base's positions, sliced exactly as the memoryview is (ranges
    and memoryviews clamp slices by the same rules), so where[0] is the
    offset of item 0, which CPython does not expose."""

    __slots__ = ("mem", "where")

    def __init__(self, mem, where):
        self.mem = mem
        self.where = where

    @classmethod
    def of(cls, array):
        """A fresh writable view of a whole bytearray (C: mv_from)."""
        return cls(memoryview(array), range(len(array)))

    @property
    def released(self):
        try:
            self.mem.nbytes  # every attribute of a released memoryview raises
        except ValueError:
            return True
        return False

    def __len__(self):
        return 0 if self.released else len(self.mem)

    def cut(self, key):
        return View(self.mem[key], self.where[key])

    def items(self):
        return self.mem.tobytes()


def live(*views):
    """A released view is reported first, before anything else."""
    for v in views:
        if v.released:
            raise Fail("ERELEASED")


def writable(v):
    if v.mem.readonly:
        raise Fail("EREADONLY")


def planted_stop(n, stop, step):
    """The planted difference (MV_PORT_PLANT=negative-step-clamp): with a
    negative step, a stop below -n should clamp to just before item 0 (so
    item 0 is included); here it wrongly clamps to item 0 itself, so
    v[k:-n-1:-1] loses its last item."""
    if step is not None and step < 0 and stop is not None and stop < -n:
        return 0
    return stop


def do_slice(v, start, stop, step):
    """mv_slice: v[start:stop:step]."""
    live(v)
    if step == 0:
        raise Fail("EINVAL")
    if PLANT == "negative-step-clamp":
        stop = planted_stop(len(v.mem), stop, step)
    return v.cut(slice(start, stop, step))


def do_sub(v, off, n):
    """mv_sub: the strict v[off:off+n]."""
    live(v)
    if off + n > len(v.mem):
        raise Fail("ERANGE")
    return v.cut(slice(off, off + n))


def do_buffer(v, off, size):
    """mv_buffer: Python 2's buffer(v, off, size), a read-only slice that
    stops at the end."""
    live(v)
    if size < -1:
        raise Fail("EINVAL")
    n = len(v.mem)
    end = n if size == -1 or off + size > n else off + size
    part = v.cut(slice(min(off, n), end))
    return View(part.mem.toreadonly(), part.where)


def do_advance(v, n):
    """mv_advance: v[n:], n <= len(v)."""
    live(v)
    if n > len(v.mem):
        raise Fail("ERANGE")
    return v.cut(slice(n, None))


def do_split(v, at):
    """mv_split: v[:at] and v[at:], at <= len(v)."""
    live(v)
    if at > len(v.mem):
        raise Fail("ERANGE")
    return v.cut(slice(None, at)), v.cut(slice(at, None))


def do_toreadonly(v):
    live(v)
    return View(v.mem.toreadonly(), v.where)


def do_release(v):
    """mv_release: idempotent, as memoryview.release() is."""
    v.mem.release()
    return v


def chain_slice(v, a):
    return do_slice(v, *parse_args(a, ("bound", "bound", "bound"), "s"))


def chain_sub(v, a):
    return do_sub(v, *parse_args(a, ("size", "size"), "sub"))


def chain_buffer(v, a):
    return do_buffer(v, *parse_args(a, ("size", "int"), "buf"))


def chain_advance(v, a):
    return do_advance(v, *parse_args(a, ("size",), "adv"))


def chain_head(v, a):
    return do_split(v, *parse_args(a, ("size",), "head"))[0]


def chain_tail(v, a):
    return do_split(v, *parse_args(a, ("size",), "tail"))[1]


def chain_readonly(v, a):
    parse_args(a, (), "ro")
    return do_toreadonly(v)


def chain_release(v, a):
    parse_args(a, (), "rel")
    return do_release(v)


CHAIN_STEPS = {"s": chain_slice, "sub": chain_sub, "buf": chain_buffer,
               "adv": chain_advance, "head": chain_head, "tail": chain_tail,
               "ro": chain_readonly, "rel": chain_release}


def apply_chain(v, text):
    """Runs a `v=` chain (`-` is empty); every step must succeed."""
    if text == "-":
        return v
    for step in text.split(","):
        name, *args = step.split(":")
        if name not in CHAIN_STEPS:
            raise BadLine("unknown chain step %r" % name)
        try:
            v = CHAIN_STEPS[name](v, args)
        except Fail as f:
            raise BadLine("chain step %s fails with %s" % (step, f.status))
    return v


def make_base(text):
    """`buf=`: hex:HH..., ramp:N or zero:N."""
    kind, _, arg = text.partition(":")
    if kind == "hex":
        try:
            return bytearray(bytes.fromhex(arg))
        except ValueError:
            raise BadLine("bad hex")
    if kind in ("ramp", "zero"):
        n = parse_size(arg)
        if n > MAX_BLOCK:
            raise BadLine("base too large")
        return bytearray(i & 255 for i in range(n)) if kind == "ramp" else bytearray(n)
    raise BadLine("bad buf=")


# -------------------------------------------------------------- results

def shape_words(v, tag=""):
    """len, then off when there is an item 0, stride when there are two."""
    n = len(v.mem)
    words = ["len%s=%d" % (tag, n)]
    if n >= 1:
        words.append("off%s=%d" % (tag, v.where[0]))
    if n >= 2:
        words.append("stride%s=%d" % (tag, v.mem.strides[0]))
    return words


def view_words(*views):
    """status=OK and one to three result views (`ro` is the first's)."""
    first = views[0]
    words = ["status=OK"] + shape_words(first)
    words += ["ro=%d" % first.mem.readonly, "bytes=" + first.mem.hex()]
    for tag, v in zip("23", views[1:]):
        words += shape_words(v, tag) + ["bytes%s=%s" % (tag, v.mem.hex())]
    return words


def base_words(case):
    return ["status=OK", "base=" + case.base.hex()]


# ----------------------------------------------------------- view ops

class ViewCase:
    __slots__ = ("base", "v", "w")


def need_w(case):
    if case.w is None:
        raise BadLine("op needs w=")
    return case.w


def op_slice(case, start, stop, step):
    return view_words(do_slice(case.v, start, stop, step))


def op_sub(case, off, n):
    return view_words(do_sub(case.v, off, n))


def op_buffer(case, off, size):
    return view_words(do_buffer(case.v, off, size))


def op_advance(case, n):
    return view_words(do_advance(case.v, n))


def op_split(case, at):
    return view_words(*do_split(case.v, at))


def op_toreadonly(case):
    return view_words(do_toreadonly(case.v))


def op_release(case):
    do_release(case.v)
    return ["status=OK", "released=1"]


def op_get(case, index):
    live(case.v)
    try:
        return ["status=OK", "value=%d" % case.v.mem[index]]
    except IndexError:
        raise Fail("ERANGE")


def op_set(case, index, value):
    live(case.v)
    writable(case.v)
    try:
        case.v.mem[index] = value
    except IndexError:
        raise Fail("ERANGE")
    return base_words(case)


def op_tobytes(case, cap):
    live(case.v)
    if cap < len(case.v.mem):
        raise Fail("ERANGE")
    data = case.v.items()
    return ["status=OK", "value=%d" % len(data), "bytes=" + data.hex()]


def op_fill(case, value):
    v = case.v
    live(v)
    writable(v)
    v.mem[:] = bytes([value]) * len(v.mem)
    return base_words(case)


def op_assign(case):
    v, w = case.v, need_w(case)
    live(v, w)
    writable(v)
    if len(v.mem) != len(w.mem):
        raise Fail("EINVAL")
    v.mem[:] = w.mem  # CPython copies through a temporary when they overlap
    return base_words(case)


def op_equal(case):
    v, w = case.v, need_w(case)
    same = not v.released and not w.released and v.mem == w.mem
    return ["value=%d" % same]


def op_compare(case):
    v, w = case.v, need_w(case)
    if v.released or w.released:
        return ["value=0"]
    a, b = v.items(), w.items()
    return ["value=%d" % ((a > b) - (a < b))]


def op_hex(case, sep, per_sep, cap):
    """memoryview.hex(sep, bytes_per_sep); every separator is written `_`
    so that the text stays one word, whatever sep is."""
    v = case.v
    if v.released:
        return ["status=ERELEASED", "size=0"]
    if sep >= 128:
        return ["status=EINVAL", "size=0"]
    n = len(v.mem)
    # CPython takes a C int; a group as long as the view has no separator.
    if sep == 0 or per_sep == 0 or abs(per_sep) >= n:
        text = v.mem.hex()
    else:
        text = v.mem.hex("_", per_sep)
    if cap < len(text) + 1:
        return ["status=ERANGE", "size=%d" % len(text)]
    return ["status=OK", "size=%d" % len(text), "out=" + text]


def op_index(case, value, start, stop):
    live(case.v)
    try:
        return ["status=OK", "value=%d" % case.v.items().index(value, start, stop)]
    except ValueError:
        raise Fail("ENOTFOUND")


def op_rindex(case, value, start, stop):
    live(case.v)
    try:
        return ["status=OK", "value=%d" % case.v.items().rindex(value, start, stop)]
    except ValueError:
        raise Fail("ENOTFOUND")


def op_count(case, value):
    v = case.v
    return ["value=%d" % (0 if v.released else v.items().count(value))]


def search_with(case, method):
    """bytes.find or bytes.rfind of w's items in v's: the position, or
    ENOTFOUND."""
    v, w = case.v, need_w(case)
    live(v, w)
    at = getattr(v.items(), method)(w.items())
    if at < 0:
        raise Fail("ENOTFOUND")
    return ["status=OK", "value=%d" % at]


def op_find(case):
    return search_with(case, "find")


def op_rfind(case):
    return search_with(case, "rfind")


def test_with(case, method):
    """bytes.startswith or bytes.endswith; a released view answers 0."""
    v, w = case.v, need_w(case)
    yes = not v.released and not w.released and getattr(v.items(), method)(w.items())
    return ["value=%d" % yes]


def op_startswith(case):
    return test_with(case, "startswith")


def op_endswith(case):
    return test_with(case, "endswith")


def op_removeprefix(case):
    v, w = case.v, need_w(case)
    live(v, w)
    if v.items().startswith(w.items()):
        return view_words(v.cut(slice(len(w.mem), None)))
    return view_words(v)


def op_removesuffix(case):
    v, w = case.v, need_w(case)
    live(v, w)
    if v.items().endswith(w.items()):
        return view_words(v.cut(slice(None, len(v.mem) - len(w.mem))))
    return view_words(v)


def strip_chars(case):
    """The set to strip: w's items, or None (ASCII whitespace) without w=."""
    live(case.v)
    if case.w is None:
        return None
    live(case.w)
    return case.w.items()


def kept_run(v, start, kept):
    """The run of v's items where CPython's result `kept` starts."""
    return v.cut(slice(start, start + len(kept)))


def op_strip(case):
    chars = strip_chars(case)
    items = case.v.items()
    kept = items.strip(chars)
    return view_words(kept_run(case.v, len(items) - len(items.lstrip(chars)), kept))


def op_lstrip(case):
    chars = strip_chars(case)
    items = case.v.items()
    kept = items.lstrip(chars)
    return view_words(kept_run(case.v, len(items) - len(kept), kept))


def op_rstrip(case):
    chars = strip_chars(case)
    return view_words(kept_run(case.v, 0, case.v.items().rstrip(chars)))


def partition_views(v, before, sep):
    """v's own items: before, the ones that matched, after."""
    a, b = len(before), len(before) + len(sep)
    return v.cut(slice(None, a)), v.cut(slice(a, b)), v.cut(slice(b, None))


def separator(case):
    v, w = case.v, need_w(case)
    live(v, w)
    sep = w.items()
    if not sep:
        raise Fail("EINVAL")  # CPython: ValueError: empty separator
    return sep


def op_partition(case):
    sep = separator(case)
    before, found, _ = case.v.items().partition(sep)
    return view_words(*partition_views(case.v, before, found))


def op_rpartition(case):
    sep = separator(case)
    before, found, _ = case.v.items().rpartition(sep)
    return view_words(*partition_views(case.v, before, found))


def op_split_next(case):
    """bytes.split(sep), one token per mv_split_next call; the call after
    the last token stops with ERELEASED."""
    try:
        sep = separator(case)
    except Fail as f:
        return ["status=" + f.status, "value=0"]
    tokens = case.v.items().split(sep)
    return ["status=ERELEASED", "value=%d" % len(tokens),
            "tokens=" + ",".join(t.hex() for t in tokens)]


def hex_text(v):
    """v's items read as Latin-1 characters (a byte >= 128 is not ASCII)."""
    return v.items().decode("latin-1")


def decode_hex(v):
    try:
        return bytes.fromhex(hex_text(v))
    except ValueError:
        raise Fail("EINVAL")


def op_fromhex_size(case):
    live(case.v)
    return ["status=OK", "size=%d" % len(decode_hex(case.v))]


def destination(cap, kind):
    """The fromhex destination, cut from a separate array of CAP bytes.
    Only its first items can be written, so a huge CAP is stood in for by
    an array long enough for any text of this case."""
    array = View.of(bytearray(cap))
    if kind == "rev":
        return array.cut(slice(None, None, -1))
    if kind == "ro":
        return do_toreadonly(array)
    if kind == "rel":
        return do_release(array)
    return array


def op_fromhex(case, cap, kind):
    v = case.v
    dst = destination(min(cap, len(v) + 1), kind)
    live(v, dst)
    writable(dst)
    data = decode_hex(v)
    if len(data) > cap:
        raise Fail("ERANGE")
    dst.mem[:len(data)] = data
    return ["status=OK", "value=%d" % len(data), "bytes=" + dst.mem[:len(data)].hex()]


# op name -> (argument types, function)
VIEW_OPS = {
    "slice": (("bound", "bound", "bound"), op_slice),
    "sub": (("size", "size"), op_sub),
    "buffer": (("size", "int"), op_buffer),
    "advance": (("size",), op_advance),
    "split": (("size",), op_split),
    "toreadonly": ((), op_toreadonly),
    "release": ((), op_release),
    "get": (("int",), op_get),
    "set": (("int", "byte"), op_set),
    "tobytes": (("size",), op_tobytes),
    "fill": (("byte",), op_fill),
    "assign": ((), op_assign),
    "equal": ((), op_equal),
    "ct_equal": ((), op_equal),  # same answer; the constant time is C's
    "compare": ((), op_compare),
    "hex": (("byte", "int", "size"), op_hex),
    "index": (("byte", "bound", "bound"), op_index),
    "rindex": (("byte", "bound", "bound"), op_rindex),
    "count": (("byte",), op_count),
    "find": ((), op_find),
    "rfind": ((), op_rfind),
    "startswith": ((), op_startswith),
    "endswith": ((), op_endswith),
    "removeprefix": ((), op_removeprefix),
    "removesuffix": ((), op_removesuffix),
    "strip": ((), op_strip),
    "lstrip": ((), op_lstrip),
    "rstrip": ((), op_rstrip),
    "partition": ((), op_partition),
    "rpartition": ((), op_rpartition),
    "split_next": ((), op_split_next),
    "fromhex_size": ((), op_fromhex_size),
    "fromhex": (("size", "dst"), op_fromhex),
}


# --------------------------------------------------------- cursor ops

# kind: (items, struct format, bits of a VALUE to write, or None for the
# kinds memview only reads).  The 24-bit kinds go through the 32-bit
# formats: a zero byte added on the high side to read, that byte dropped
# to write (memview ignores the value's top 8 bits).
INT_KINDS = {
    "u8": (1, "B", 8), "i8": (1, "b", None),
    "be16": (2, ">H", 16), "le16": (2, "<H", 16),
    "be_i16": (2, ">h", None), "le_i16": (2, "<h", None),
    "be24": (3, ">I", 32), "le24": (3, "<I", 32),
    "be32": (4, ">I", 32), "le32": (4, "<I", 32),
    "be_i32": (4, ">i", None), "le_i32": (4, "<i", None),
    "be64": (8, ">Q", 64), "le64": (8, "<Q", 64),
    "be_i64": (8, ">q", None), "le_i64": (8, "<q", None),
}


def unpack(kind, items):
    width, fmt, _ = INT_KINDS[kind]
    if width == 3:
        items = b"\0" + items if fmt[0] == ">" else items + b"\0"
    return struct.unpack(fmt, items)[0]


def pack(kind, value):
    width, fmt, _ = INT_KINDS[kind]
    data = struct.pack(fmt, value)
    return data[1:] if width == 3 and fmt[0] == ">" else data[:width]


def take(cur, n):
    """The cursor's first n items and the cursor after them, or ERANGE."""
    if n > len(cur.mem):
        raise Fail("ERANGE")
    return cur.cut(slice(None, n)), cur.cut(slice(n, None))


def read_int(kind, cur, arg, w):
    live(cur)
    head, rest = take(cur, INT_KINDS[kind][0])
    return rest, "OK:%d" % unpack(kind, head.items())


def write_int(kind, cur, value, w):
    live(cur)
    writable(cur)
    head, rest = take(cur, INT_KINDS[kind][0])
    head.mem[:] = pack(kind, value)
    return rest, "OK"


def read_uint(order, cur, n, w):
    """int.from_bytes of n items; memview's output is 64 bits, so 1 <= n <= 8."""
    live(cur)
    if not 1 <= n <= 8:
        raise Fail("EINVAL")
    head, rest = take(cur, n)
    return rest, "OK:%d" % int.from_bytes(head.items(), order)


def read_view(cur, n, w):
    live(cur)
    head, rest = take(cur, n)  # all n items, where CPython's cur[:n] would clamp
    return rest, "OK:" + head.mem.hex()


def read_bytes(cur, n, w):
    live(cur)
    head, rest = take(cur, n)
    return rest, "OK:" + head.items().hex()


def write_view(cur, arg, w):
    live(cur, w)
    writable(cur)
    head, rest = take(cur, len(w.mem))
    head.mem[:] = w.mem  # any overlap: CPython copies through a temporary
    return rest, "OK"


def cursor_table():
    """op name -> (argument: None, "size" or the bits of a VALUE;
    function(cursor, argument, w) -> (cursor after, result word))."""
    ops = {"read_view": ("size", read_view), "read_bytes": ("size", read_bytes),
           "write_view": (None, write_view),
           "read_be_uint": ("size", partial(read_uint, "big")),
           "read_le_uint": ("size", partial(read_uint, "little"))}
    for kind, (_, _, bits) in INT_KINDS.items():
        ops["read_" + kind] = (None, partial(read_int, kind))
        if bits is not None:
            ops["write_" + kind] = (bits, partial(write_int, kind))
    return ops


CURSOR_OPS = cursor_table()


def parse_cursor_op(text):
    name, *args = text.split(":")
    if name not in CURSOR_OPS:
        raise BadLine("unknown cursor op %r" % name)
    kind, fn = CURSOR_OPS[name]
    if kind is None:
        parse_args(args, (), name)
        return name, fn, None
    if len(args) != 1:
        raise BadLine("%s takes 1 argument" % name)
    if kind == "size":
        return name, fn, parse_size(args[0])
    return name, fn, number(args[0], 0, 2 ** kind - 1, "value")


def run_cursor(case, ops):
    cur, words, wrote = case.v, [], False
    for name, fn, arg in ops:
        try:
            cur, word = fn(cur, arg, case.w)
            wrote = wrote or name.startswith("write_")
        except Fail as f:
            word = f.status
        words.append(word)
    out = ["res=" + ",".join(words)]
    if cur.released:
        out.append("released=1")
    else:
        out += view_words(cur)[1:]
    if wrote:
        out.append("base=" + case.base.hex())
    return out


# ------------------------------------------------------ view-case lines

def parse_fields(words):
    fields = {}
    for word in words:
        key, eq, value = word.partition("=")
        if not eq or key not in ("buf", "v", "w", "op", "ops"):
            raise BadLine("bad field %r" % word)
        if key in fields:
            raise BadLine("%s= twice" % key)
        fields[key] = value
    for key in ("buf", "v"):
        if key not in fields:
            raise BadLine("no %s=" % key)
    if ("op" in fields) == ("ops" in fields):
        raise BadLine("need one of op= and ops=")
    return fields


def parse_view_case(words):
    """Returns a function that runs the case and gives its result words."""
    fields = parse_fields(words)
    case = ViewCase()
    case.base = make_base(fields["buf"])
    case.v = apply_chain(View.of(case.base), fields["v"])
    case.w = apply_chain(View.of(case.base), fields["w"]) if "w" in fields else None
    if "ops" in fields:
        ops = [parse_cursor_op(t) for t in fields["ops"].split(",")]
        if case.w is None and any(op[0] == "write_view" for op in ops):
            raise BadLine("write_view needs w=")
        return lambda: run_cursor(case, ops)
    name, *args = fields["op"].split(":")
    if name not in VIEW_OPS:
        raise BadLine("unknown op %r" % name)
    types, fn = VIEW_OPS[name]
    values = parse_args(args, types, name)

    def run():
        try:
            return fn(case, *values)
        except Fail as f:
            return ["status=" + f.status]
    return run


# ------------------------------------------------- owner-buffer sequences

class OwnerBuffer:
    """One of a sequence's buffers: a bytearray (None until init or from)
    and the slot its spare view is in.  Its exports are the slots holding a
    live memoryview of it, so CPython itself refuses to resize it while they
    are out; the spare view holds such a memoryview too (`spare_lock`)."""

    def __init__(self):
        self.data = None
        self.spare_slot = None
        self.spare_lock = None


class Slot:
    """e0 .. e7: a view and the buffer it came from (an export or a spare)."""

    def __init__(self, owner, view, spare=False):
        self.owner, self.view, self.spare = owner, view, spare


class SeqState:
    def __init__(self):
        self.bufs = {"a": OwnerBuffer(), "b": OwnerBuffer()}
        self.slots = {}

    def exports(self, buf):
        return sum(1 for s in self.slots.values()
                   if s.owner is buf and not s.spare and not s.view.released)

    def refuse_if_locked(self, buf):
        """memview refuses any change of an exported buffer, also one that
        would change nothing (CPython lets those through), and of a buffer
        whose spare view is out."""
        if self.exports(buf) or buf.spare_slot is not None:
            raise Fail("EBUSY")

    def made(self, name):
        buf = self.bufs[name]
        if buf.data is None:
            raise BadLine("buffer %s used before init or from" % name)
        return buf

    def slot(self, name):
        if name not in self.slots:
            # A slot never filled: C's zeroed view, empty and of no buffer.
            self.slots[name] = Slot(None, View.of(bytearray()))
        return self.slots[name]

    def source(self, text):
        """A SRC: hex:HH..., a or b (a copy of the contents), or a slot's
        view, then an optional chain after `/`."""
        origin, _, chain = text.partition("/")
        if origin.startswith("hex:"):
            view = View.of(make_base(origin))
        elif origin in self.bufs:
            view = View.of(bytearray(self.made(origin).data))
        elif origin in SLOT_NAMES:
            # C passes views by value: releasing the source must not
            # release the slot's own view, so a live one is cut afresh.
            view = self.slot(origin).view
            if not view.released:
                view = view.cut(slice(None))
        else:
            raise BadLine("bad source %r" % origin)
        return apply_chain(view, chain or "-")


def allocatable(n):
    if n > MAX_BLOCK:
        raise Fail("ENOMEM")


def step_init(st, buf, n):
    if n > PTRDIFF_MAX:
        raise Fail("EOVERFLOW")
    allocatable(n)
    buf.data = bytearray(n)


def step_from(st, buf, text):
    src = st.source(text)
    live(src)
    buf.data = bytearray(src.items())


def step_resize(st, buf, n):
    st.refuse_if_locked(buf)
    if n > PTRDIFF_MAX:
        raise Fail("EOVERFLOW")
    if n <= len(buf.data):
        del buf.data[n:]
    else:
        allocatable(n)
        buf.data.extend(bytes(n - len(buf.data)))


def step_append(st, buf, text):
    src = st.source(text)
    live(src)
    st.refuse_if_locked(buf)
    buf.data.extend(src.items())  # a copy first, also of the buffer's own bytes


def step_export(st, buf, slot, access):
    old = st.slots.get(slot)
    if old is not None and not old.view.released:
        raise BadLine("export to %s, which holds a live view" % slot)
    mem = memoryview(buf.data)
    st.slots[slot] = Slot(buf, View(mem.toreadonly() if access == "ro" else mem,
                                    range(len(buf.data))))


def step_release(st, buf, slot):
    s = st.slot(slot)
    live(s.view)
    if not st.exports(buf) or s.owner is not buf or s.spare:
        raise Fail("EINVAL")
    do_release(s.view)


def step_free(st, buf):
    st.refuse_if_locked(buf)
    buf.data = bytearray()


def step_set(st, buf, slot, index, value):
    view = st.slot(slot).view
    live(view)
    writable(view)
    try:
        view.mem[index] = value
    except IndexError:
        raise Fail("ERANGE")


def step_reserve(st, buf, n):
    """Capacity is the library's: only the refusals are visible."""
    st.refuse_if_locked(buf)
    if len(buf.data) + n > PTRDIFF_MAX:
        raise Fail("EOVERFLOW")


def step_clear(st, buf):
    st.refuse_if_locked(buf)
    buf.data.clear()


def step_consume(st, buf, n):
    st.refuse_if_locked(buf)
    if n > len(buf.data):
        raise Fail("ERANGE")  # CPython's del b[:n] would clamp
    del buf.data[:n]


def step_wipe(st, buf):
    st.refuse_if_locked(buf)
    buf.data[:] = bytes(len(buf.data))
    buf.data.clear()


def step_spare(st, buf, slot, least):
    """The room after the contents, as a separate array of `least` bytes."""
    st.refuse_if_locked(buf)
    if len(buf.data) + least > PTRDIFF_MAX:
        raise Fail("EOVERFLOW")
    allocatable(least)
    old = st.slots.get(slot)
    if old is not None and not old.view.released:
        raise BadLine("spare to %s, which holds a live view" % slot)
    st.slots[slot] = Slot(buf, View.of(bytearray(least)), spare=True)
    buf.spare_slot = slot
    buf.spare_lock = memoryview(buf.data)


def step_commit(st, buf, slot, n):
    s = st.slot(slot)
    live(s.view)
    if not s.spare or s.owner is not buf or buf.spare_slot != slot:
        raise Fail("EINVAL")
    if st.exports(buf):
        raise Fail("EBUSY")
    if n > len(s.view.mem):
        raise Fail("ERANGE")
    buf.spare_lock.release()
    buf.data.extend(s.view.mem[:n])
    do_release(s.view)
    buf.spare_slot = buf.spare_lock = None


SLOT_NAMES = tuple("e%d" % i for i in range(8))


def parse_slot(word):
    if word not in SLOT_NAMES:
        raise BadLine("bad slot %r" % word)
    return word


def parse_access(word):
    if word not in ("rw", "ro"):
        raise BadLine("bad access %r" % word)
    return word


# Step arguments after the buffer's name: a parser each.  A source is kept
# as text and resolved when its step runs (it may name a buffer's contents).
SEQ_ARGS = {"size": parse_size, "int": parse_int, "byte": parse_byte,
            "slot": parse_slot, "access": parse_access, "src": str}

# step name -> (argument types, function(state, buffer, *args))
SEQ_STEPS = {
    "init": (("size",), step_init),
    "from": (("src",), step_from),
    "resize": (("size",), step_resize),
    "append": (("src",), step_append),
    "export": (("slot", "access"), step_export),
    "release": (("slot",), step_release),
    "free": ((), step_free),
    "set": (("slot", "int", "byte"), step_set),
    "reserve": (("size",), step_reserve),
    "clear": ((), step_clear),
    "consume": (("size",), step_consume),
    "spare": (("slot", "size"), step_spare),
    "commit": (("slot", "size"), step_commit),
    "wipe": ((), step_wipe),
}


def parse_seq_step(text):
    name, *words = text.split(" ")
    if name not in SEQ_STEPS or not words or words[0] not in ("a", "b"):
        raise BadLine("bad step %r" % text)
    types, fn = SEQ_STEPS[name]
    if len(words) - 1 != len(types):
        raise BadLine("%s takes %d arguments" % (name, len(types)))
    return name, fn, words[0], [SEQ_ARGS[t](w) for t, w in zip(types, words[1:])]


def buffer_state(st, buf, status):
    """The step's status, then the buffer once init or from made it."""
    if buf.data is None:
        return "status=" + status
    return "status=%s len=%d exports=%d bytes=%s" % (
        status, len(buf.data), st.exports(buf), buf.data.hex())


def run_seq_step(st, name, fn, bname, args):
    # init and from make a new buffer, as C's do without looking at the old
    # struct (so its exports and spare view are not the new one's); a
    # failure leaves the old one.
    anew = name in ("init", "from")
    buf = OwnerBuffer() if anew else st.made(bname)
    try:
        fn(st, buf, *args)
        status = "OK"
        if anew:
            st.bufs[bname] = buf
    except Fail as f:
        status = f.status
    return buffer_state(st, st.bufs[bname], status)


def parse_seq(text):
    steps = [parse_seq_step(s) for s in text.split(" | ")]

    def run():
        st = SeqState()
        return [" | ".join(run_seq_step(st, *s) for s in steps)]
    return run


# ------------------------------------------------------------ I/O cases
#
# An `io` case runs one of memview's I/O loops (memview/io.h) against the
# simulated socket of memview_sim.h, up to `rounds` times, each call
# resuming where the last one stopped.  The socket and the loops are
# written here from their documentation: a transport call answers a count,
# or -1 and an errno, as send(2) and recv(2) do, and the loops judge those
# answers as the C library does.

# Linux's errno values, which the vectors use.
EINTR, EIO, EAGAIN, ENOSPC, EPIPE = 4, 5, 11, 28, 32

EINTR_RETRIES = 1000000  # MV_EINTR_RETRIES: EINTRs retried in a row

# Script instructions; 0x00 .. 0xDF move that many bytes, and every byte
# from 0xE7 up moves everything, as SIM_ALL does.
SIM_ALL, SIM_EINTR, SIM_EAGAIN, SIM_ERROR, SIM_CLOSE, SIM_CLAIM, SIM_MANY = range(0xE0, 0xE7)

MAX_IO_VIEWS = 16
MAX_ROUNDS = 8


def total_len(views):
    return sum(len(v.mem) for v in views)


def front(views, n):
    """The first n bytes of views, as views: the pieces a call is given."""
    pieces = []
    for v in views:
        k = min(n, len(v.mem))
        pieces.append(v.cut(slice(None, k)))
        n -= k
    return pieces


def after(views, n):
    """The views from byte n of theirs on: the views wholly moved dropped,
    the one byte n is inside advanced (mv_advance)."""
    rest = list(views)
    while rest and n >= len(rest[0].mem):
        n -= len(rest.pop(0).mem)
    if rest:
        rest[0] = rest[0].cut(slice(n, None))
    return rest


class SimSocket:
    """memview_sim.h: each call of send or recv reads its fate from the
    script, one instruction a call; sends go to the peer's buffer of `cap`
    bytes, receives are served from `input`."""

    def __init__(self, script, cap, input_bytes):
        self.script, self.pos = script, 0
        self.cap, self.peer = cap, bytearray()
        self.input, self.served = input_bytes, 0
        self.calls = 0

    def script_byte(self):
        """The next script byte; a script cut inside an instruction reads
        the missing bytes as 0."""
        if self.pos >= len(self.script):
            return 0
        self.pos += 1
        return self.script[self.pos - 1]

    def fate(self, asked):
        """One instruction: ("move", at most asked), ("fail", errno),
        ("close", 0) or ("claim", 0)."""
        if self.pos >= len(self.script):
            return "move", asked  # the script used up: everything moves
        code = self.script_byte()
        if code < SIM_ALL:
            return "move", min(code, asked)
        if code == SIM_EINTR:
            return "fail", EINTR
        if code == SIM_EAGAIN:
            return "fail", EAGAIN
        if code == SIM_ERROR:
            return "fail", self.script_byte() or EIO
        if code == SIM_CLOSE:
            return "close", 0
        if code == SIM_CLAIM:
            return "claim", 0
        if code == SIM_MANY:
            high = self.script_byte()
            low = self.script_byte()
            return "move", min(high * 256 + low, asked)
        return "move", asked  # SIM_ALL, and every byte from 0xE7 up

    def send(self, pieces):
        """send(2) and writev(2): (count, 0) or (-1, errno)."""
        self.calls += 1
        asked = total_len(pieces)
        fate, n = self.fate(asked)
        if fate == "fail":
            return -1, n
        if fate == "close":
            return -1, EPIPE
        if fate == "claim":
            return asked + 1, 0
        room = self.cap - len(self.peer)
        if n > room:
            if room == 0:
                return -1, ENOSPC  # only a call that would move bytes finds no room
            n = room
        self.peer += b"".join(p.items() for p in pieces)[:n]
        return n, 0

    def recv(self, pieces):
        """recv(2) and readv(2): (count, 0) or (-1, errno); 0 is the end
        of the stream.  The bytes fill the pieces one after another."""
        self.calls += 1
        asked = total_len(pieces)
        fate, n = self.fate(asked)
        if fate == "fail":
            return -1, n
        if fate == "close":
            return 0, 0
        if fate == "claim":
            return asked + 1, 0
        n = min(n, len(self.input) - self.served)
        data = self.input[self.served:self.served + n]
        self.served += n
        at = 0
        for p in pieces:
            k = min(len(p.mem), n - at)
            p.mem[:k] = data[at:at + k]
            at += k
        return n, 0


def transport_call(move, pieces):
    """One call as the loops make it: EINTR retried, up to EINTR_RETRIES
    times in a row (the next EINTR is then reported)."""
    retried = 0
    while True:
        count, err = move(pieces)
        if count >= 0 or err != EINTR or retried == EINTR_RETRIES:
            return count, err
        retried += 1


# A loop's answer: (status, bytes moved, errno for ESYS or None).

def failed(err, moved):
    """A transport failure (-1): EAGAIN is the caller's to retry, any other
    errno is ESYS."""
    if err == EAGAIN:
        return "EAGAIN", moved, None
    return "ESYS", moved, err


def move_all(move, views, chunk):
    """send_all's and recv_all's loop, also the vectored one: calls until
    every byte of views is moved, each call given all that is left (at most
    chunk bytes, 0: no limit).  A call that moves nothing is ECLOSED (a
    send refused, the end of a stream); one that claims more than it was
    given is EINVAL, the claim not counted."""
    moved, rest = 0, views
    while total_len(rest) > 0:
        asked = total_len(rest) if chunk == 0 else min(chunk, total_len(rest))
        count, err = transport_call(move, front(rest, asked))
        if count < 0:
            return failed(err, moved)
        if count > asked:
            return "EINVAL", moved, None
        if count == 0:
            return "ECLOSED", moved, None
        moved += count
        rest = after(rest, count)
    return "OK", moved, None


def view_by_view(move, views):
    """sendv_all and recvv_all without a vectored call: move_all on each
    view in turn, the count running across them."""
    moved = 0
    for v in views:
        status, count, err = move_all(move, [v], 0)
        moved += count
        if status != "OK":
            return status, moved, err
    return "OK", moved, None


def receive_once(move, v, nbytes):
    """recv_into's single receive of nbytes (0: all of v); 0 received is OK,
    the end of the stream, and a failure counts 0."""
    asked = nbytes or len(v.mem)
    if asked == 0:
        return "OK", 0, None
    count, err = transport_call(move, [v.cut(slice(None, asked))])
    if count < 0:
        return failed(err, 0)
    if count > asked:
        return "EINVAL", 0, None
    return "OK", count, None


def refuse_views(views, receiving):
    """The checks before any call, each over all the views in turn:
    released, then (receiving) read-only, then not contiguous.  A view of
    fewer than two items is contiguous whatever its stride."""
    live(*views)
    if receiving:
        for v in views:
            writable(v)
    for v in views:
        if len(v.mem) >= 2 and v.mem.strides[0] != 1:
            raise Fail("ENOTCONTIG")


def io_send_all(case, views):
    return move_all(case.sim.send, views, 0)


def io_sendv_all(case, views):
    if case.plain:
        return view_by_view(case.sim.send, views)
    return move_all(case.sim.send, views, 0)


def io_recv_into(case, views):
    v = views[0]
    if case.arg > len(v.mem):
        raise Fail("ERANGE")
    return receive_once(case.sim.recv, v, case.arg)


def io_recv_all(case, views):
    return move_all(case.sim.recv, views, case.arg)


def io_recvv_all(case, views):
    if case.plain:
        return view_by_view(case.sim.recv, views)
    return move_all(case.sim.recv, views, 0)


# op name -> (argument: None or "size", receives, takes views=, function)
IO_OPS = {
    "send_all": (None, False, False, io_send_all),
    "sendv_all": (None, False, True, io_sendv_all),
    "recv_into": ("size", True, False, io_recv_into),
    "recv_all": ("size", True, False, io_recv_all),
    "recvv_all": (None, True, True, io_recvv_all),
}


class IoCase:
    __slots__ = ("base", "views", "loop", "arg", "receiving", "plain", "sim", "rounds")


def io_word(status, count, err):
    if status == "ESYS":
        return "%s:%d:%d" % (status, count, err)
    return "%s:%d" % (status, count)


def io_call(case, views):
    try:
        refuse_views(views, case.receiving)
        return case.loop(case, views)
    except Fail as f:
        return f.status, 0, None  # a refusal makes no call and counts 0


def run_io(case):
    """Calls the loop until it answers other than EAGAIN or OK with bytes
    moved, everything is moved, or the rounds are used up; each call gets
    the views from the first byte not yet moved on."""
    words, views = [], case.views
    for _ in range(case.rounds):
        status, count, err = io_call(case, views)
        words.append(io_word(status, count, err))
        if not (status == "EAGAIN" or (status == "OK" and count > 0)):
            break
        views = after(views, count)
        if total_len(views) == 0:
            break
    out = ["res=" + ",".join(words), "calls=%d" % case.sim.calls]
    if case.receiving:
        return out + ["base=" + case.base.hex()]
    return out + ["peer=" + case.sim.peer.hex()]


def hex_field(text, key):
    """`script=` and `input=`: hex:HH... only."""
    if not text.startswith("hex:"):
        raise BadLine("%s= is not hex:" % key)
    return bytes(make_base(text))


def io_fields(words, allowed):
    fields = {}
    for word in words:
        key, eq, value = word.partition("=")
        if not eq or key not in allowed:
            raise BadLine("bad field %r" % word)
        if key in fields:
            raise BadLine("%s= twice" % key)
        fields[key] = value
    missing = [k for k in allowed if k not in fields]
    if missing:
        raise BadLine("no %s=" % missing[0])
    return fields


def io_views(case, text):
    """`views=`: chains separated by `;`, or `none` for no view."""
    if text == "none":
        return []
    chains = text.split(";")
    if len(chains) > MAX_IO_VIEWS:
        raise BadLine("more than %d views" % MAX_IO_VIEWS)
    return [apply_chain(View.of(case.base), c) for c in chains]


def parse_io(words):
    """`io buf= v=|views= op= [t=] script= cap=|input= rounds=`."""
    op = next((w[3:] for w in words if w.startswith("op=")), None)
    if op is None:
        raise BadLine("no op=")
    name, *args = op.split(":")
    if name not in IO_OPS:
        raise BadLine("unknown io op %r" % name)
    arg_type, receiving, vectored, loop = IO_OPS[name]
    allowed = ["buf", "views" if vectored else "v", "op"] + (["t"] if vectored else [])
    allowed += ["script", "input" if receiving else "cap", "rounds"]
    fields = io_fields(words, allowed)
    case = IoCase()
    case.loop, case.receiving = loop, receiving
    values = parse_args(args, (arg_type,) if arg_type else (), name)
    case.arg = values[0] if values else None
    if vectored and fields["t"] not in ("vec", "plain"):
        raise BadLine("bad t= %r" % fields["t"])
    case.plain = vectored and fields["t"] == "plain"
    case.base = make_base(fields["buf"])
    if vectored:
        case.views = io_views(case, fields["views"])
    else:
        case.views = [apply_chain(View.of(case.base), fields["v"])]
    script = hex_field(fields["script"], "script")
    if receiving:
        case.sim = SimSocket(script, 0, hex_field(fields["input"], "input"))
    else:
        case.sim = SimSocket(script, parse_size(fields["cap"]), b"")
    case.rounds = number(fields["rounds"], 1, MAX_ROUNDS, "rounds")
    return lambda: run_io(case)


# ---------------------------------------------------------------- lines

def answer(line):
    """The result line for one input line."""
    line = line.rstrip("\r\n")
    try:
        if line.startswith("seq "):
            run = parse_seq(line[4:])
        elif line == "io" or line.startswith("io "):
            run = parse_io(line[3:].split(" "))
        elif not line.strip():
            raise BadLine("empty line")
        else:
            run = parse_view_case(line.split(" "))
        return " ".join(run())
    except BadLine as e:
        return "error " + str(e)
    except Exception as e:  # a fault of this driver: reported, never a crash
        return "error internal %s: %s" % (type(e).__name__, e)


def main():
    if PLANT and PLANT not in PLANTS:
        sys.exit("port_driver.py: unknown MV_PORT_PLANT %r (known: %s)" % (PLANT, ", ".join(PLANTS)))
    out = sys.stdout.buffer
    for raw in sys.stdin.buffer:
        result = answer(raw.decode("latin-1")).replace("\n", " ")
        out.write(result.encode("ascii", "backslashreplace") + b"\n")
        out.flush()  # one answer per case before the next is read


if __name__ == "__main__":
    main()
