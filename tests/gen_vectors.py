#!/usr/bin/env python3
"""gen_vectors.py DIR — writes the conformance vectors of corpus/vectors.

Every expected result comes from CPython through tests/mvmodel.py.  The
cases are chosen systematically (boundaries crossed with each other) plus a
few seeded random chains, so the output is the same on every run: rerun
after a change of the model and review the diff.  The format is described
in corpus/vectors/README.md.

Standard library only.
"""

import os
import random
import sys

sys.dont_write_bytecode = True
import mvmodel as M  # noqa: E402
import conformance as C  # noqa: E402  (the random cursor and buffer cases)
import iomodel as IO  # noqa: E402

P = M.PTRDIFF_MAX
PMIN = M.PTRDIFF_MIN
SMAX = M.SIZE_MAX


def case(data, v, op, w=None):
    return M.Case(data, M.buf_spec(data), v, op, w)


def ramp(n):
    return bytes(i & 255 for i in range(n))


# Parents to operate on: the whole buffer, reversed, strided, one item,
# empty, read-only, released.
PARENTS = ([], [("s", None, None, -1)], [("s", 1, None, 2)], [("s", -2, None, -3)],
           [("s", 2, 3, None)], [("s", 3, 3, None)], [("ro",)], [("rel",)])


# ---------------------------------------------------------------- files

def slices():
    """mv_slice: every pair of boundary bounds with every boundary step on
    buffers of 1 and 3 bytes, the empty buffer, and chains."""
    out = []
    for n in (1, 3):
        bounds = (None, PMIN + 1, -n - 1, -1, 0, 1, n, P)
        steps = (None, 0, 1, -1, 2, -2, -n, P, -P)
        for a in bounds:
            for b in bounds:
                for s in steps:
                    out.append(case(ramp(n), [], ("slice", a, b, s)))
    for a in (None, PMIN + 1, -1, 0, 1, P):
        for s in (None, 0, 1, -1, P, -P):
            out.append(case(b"", [], ("slice", a, None, s)))
            out.append(case(b"", [], ("slice", None, a, s)))
    rng = random.Random(1)
    for _ in range(300):
        n = rng.choice((5, 8, 13, 40))
        chain, m = [], memoryview(bytearray(n))
        for _ in range(rng.randint(1, 6)):
            k = len(m)
            bounds = (None, PMIN + 1, -k - 1, -k, -1, 0, 1, k - 1, k, k + 1, P,
                      rng.randint(-k - 2, k + 2))
            steps = [s for s in (None, 1, -1, 2, -2, 3, -3, k, -k, k + 1, P, -P) if s != 0]
            chain.append(("s", rng.choice(bounds), rng.choice(bounds), rng.choice(steps)))
            m = M.apply_step(m, chain[-1])
        out.append(case(ramp(n), chain[:-1], ("slice",) + chain[-1][1:]))
    # A long buffer cut with long steps keeps the lines short.
    for a, b, s in ((None, None, -97), (999, None, -100), (PMIN + 1, P, 333), (-1, 0, -P),
                    (500, None, P), (None, -1000, -1), (1, None, 250)):
        out.append(case(ramp(1000), [], ("slice", a, b, s)))
    out.append(case(ramp(1000), [("s", None, None, -7), ("s", 3, None, 11)],
                    ("slice", None, None, -2)))
    return out


def views():
    """mv_sub, mv_buffer, mv_advance, mv_split, mv_toreadonly, mv_release on
    every parent, at the boundaries of each argument."""
    out = []
    data = bytes([0x10, 0x21, 0x32, 0x43, 0x54, 0x65, 0x76])
    for parent in PARENTS:
        n = len(M.view_of(bytearray(data), parent)) if ("rel",) not in parent else 0
        sizes = (0, 1, n, n + 1, P, SMAX)
        for off in sizes:
            for size in (0, 1, n - off if n >= off else 0, n + 1, SMAX):
                out.append(case(data, parent, ("sub", off, size)))
            for size in (-2, -1, 0, 1, n, P, PMIN):
                out.append(case(data, parent, ("buffer", off, size)))
            out.append(case(data, parent, ("advance", off)))
            out.append(case(data, parent, ("split", off)))
        out.append(case(data, parent, ("toreadonly",)))
        out.append(case(data, parent, ("release",)))
    # The seed: buffer('Hello world', 6, 5) is 'world'.
    out.append(case(b"Hello world", [], ("buffer", 6, 5)))
    out.append(case(b"Hello world", [("ro",)], ("buffer", 6, 5)))
    return out


def items():
    """mv_get, mv_set, mv_tobytes, mv_fill on every parent; mv_assign
    between every pair of a family of 3-item views of one buffer."""
    out = []
    data = bytes([0x00, 0x7F, 0x80, 0xFF, 0x01, 0xFE, 0x42])
    for parent in PARENTS:
        n = len(M.view_of(bytearray(data), parent)) if ("rel",) not in parent else 0
        for i in (PMIN, PMIN + 1, -n - 1, -n, -1, 0, n - 1, n, P):
            out.append(case(data, parent, ("get", i)))
            out.append(case(data, parent, ("set", i, 0xAB)))
        for cap in sorted({0, max(n - 1, 0), n, n + 3}):
            out.append(case(data, parent, ("tobytes", cap)))
        out.append(case(data, parent, ("fill", 0x99)))
    # dst[:] = src for overlapping, reversed and differently strided views
    # of one 9-byte buffer, both directions.
    family = []
    for step in (1, -1, 2, -2, 3, -3, 4):
        for start in range(9):
            v = [("s", start, None, step)]
            if len(M.view_of(bytearray(9), v)) >= 3:
                family.append(v + [("head", 3)])
    rng = random.Random(2)
    base = bytes(range(0x30, 0x39))
    pairs = [(d, s) for d in family for s in family]
    for d, s in rng.sample(pairs, 400):
        out.append(case(base, d, ("assign",), s))
    for d in family[:12]:
        out.append(case(base, d, ("assign",), d))             # onto itself
        out.append(case(base, d + [("ro",)], ("assign",), d))  # read-only
        out.append(case(base, d, ("assign",), d[:-1]))         # lengths differ
    return out


def compares():
    """mv_equal, mv_ct_equal and mv_compare between every pair of strings of
    0 to 2 bytes over 00 7f 80 ff, the second one stored reversed."""
    out = []
    alphabet = (0x00, 0x7F, 0x80, 0xFF)
    strings = [b""] + [bytes([a]) for a in alphabet] + [bytes([a, b]) for a in alphabet
                                                       for b in alphabet]
    for a in strings:
        for b in strings:
            data = a + b[::-1]
            v = [("head", len(a))]
            w = [("tail", len(a)), ("s", None, None, -1)]
            out.append(case(data, v, ("compare",), w))
            if len(a) == len(b) or (len(a) + len(b)) % 3 == 0:
                out.append(case(data, v, ("equal",), w))
                out.append(case(data, v, ("ct_equal",), w))
    for op in ("equal", "compare", "ct_equal"):
        out.append(case(b"ab", [("rel",)], (op,), []))
        out.append(case(b"ab", [], (op,), [("rel",)]))
        out.append(case(b"", [("rel",)], (op,), []))
    return out


def hexes():
    """mv_hex and mv_hex_size: every separator kind and group size on views
    of 0 to 5 bytes, exact and short capacities, strided and released."""
    out = []
    data = bytes([0xDE, 0xAD, 0xBE, 0xEF, 0x0A])
    seps = (0, ord(":"), ord("_"), ord("a"), 127, 128)
    groups = (0, 1, -1, 2, -2, 3, -3, 5, -5, 6, P, PMIN, PMIN + 1, 2 ** 31)
    for n in (0, 1, 2, 3, 5):
        v = [("head", n)]
        for sep in seps:
            for bps in groups:
                size = M.evaluate(case(data, v, ("hex", sep, bps, SMAX)))["size"]
                out.append(case(data, v, ("hex", sep, bps, size + 1)))
    for sep, bps in ((ord(":"), 2), (0, 1), (ord(" "), -2)):
        size = M.evaluate(case(data, [], ("hex", sep, bps, SMAX)))["size"]
        for cap in (0, 1, size, size + 1, size + 4):
            out.append(case(data, [], ("hex", sep, bps, cap)))
    for parent in PARENTS:
        out.append(case(data, parent, ("hex", ord("-"), 2, 32)))
        out.append(case(data, parent, ("hex", 200, 2, 32)))
    return out


def searches():
    """mv_index with every pair of boundary bounds, mv_count, and mv_find
    with needles cut from the same buffer."""
    out = []
    data = bytes([5, 0, 9, 5, 0, 9, 5, 0, 9, 0xFF])
    for parent in PARENTS:
        n = len(M.view_of(bytearray(data), parent)) if ("rel",) not in parent else 0
        bounds = (None, PMIN + 1, -n - 1, -2, 0, 2, n, P)
        for value in ((5, 9) if not parent else (9,)):
            for a in bounds:
                for b in bounds:
                    out.append(case(data, parent, ("index", value, a, b)))
        for value in (0, 5, 0xFF, 0x80):
            out.append(case(data, parent, ("count", value)))
    hay = b"abaabbaaabbbaaaab"
    rng = random.Random(3)
    for _ in range(200):
        n = len(hay)
        hv = [("s", rng.randrange(n + 1), None, rng.choice((1, 1, 2, -1, -2)))]
        cut = ("s", rng.randrange(n), None, rng.choice((1, -1, 2)))
        room = len(M.view_of(bytearray(hay), [cut]))
        needle = [cut, ("head", min(rng.randint(0, 4), room))]  # short: matches are common
        out.append(case(hay, hv, ("find",), needle))
    for parent in PARENTS:
        out.append(case(hay, parent, ("find",), [("s", 2, 4, None)]))
        out.append(case(hay, [], ("find",), parent))
    out.append(case(b"", [], ("find",), []))
    return out


def fromhexes():
    """mv_fromhex_size and mv_fromhex: texts valid and flawed in every way
    CPython tells apart (whitespace of each kind around pairs, a split
    pair, an odd digit, a non-hex or non-ASCII character, NUL), every kind
    of destination, capacities around the length, and strided, reversed
    and released texts."""
    out = []
    texts = (b"", b"00", b"ff", b"0aB1", b"DEADbeef", b" 01", b"01 ", b" \t\n\r\x0b\x0c",
             b"\t01\n02\r03\x0b04\x0c05 06", b"0 1", b"012", b"0", b"g0", b"0g", b"zz", b"01:02",
             b"\x8001", b"01\x00", b"\x1c01", b"01\xa0", b"-1", b"+1", b"0x01", b"  ")
    for text in texts:
        out.append(case(text, [], ("fromhex_size",)))
        good = M.unhex(memoryview(text))
        need = len(good) if good is not None else 1
        for cap in sorted({0, max(need - 1, 0), need, need + 2}):
            out.append(case(text, [], ("fromhex", cap, "rw")))
        out.append(case(text, [], ("fromhex", need + 1, "rev")))
    data = b"a0 1b2C3d 4e"
    for parent in PARENTS + ([("s", None, None, 2)], [("s", 1, None, 2)], [("s", 8, 2, -1)]):
        out.append(case(data, parent, ("fromhex_size",)))
        for dst in M.FROMHEX_DSTS:
            out.append(case(data, parent, ("fromhex", 6, dst)))
    # The order of statuses: released (text, then dst), read-only, text, room.
    for parent in ([], [("rel",)], [("head", 1)]):
        for dst in M.FROMHEX_DSTS:
            out.append(case(b"0102", parent, ("fromhex", 0, dst)))
    return out


def rsearches():
    """mv_rindex with every pair of boundary bounds, mv_rfind with needles
    cut from the same buffer."""
    out = []
    data = bytes([5, 0, 9, 5, 0, 9, 5, 0, 9, 0xFF])
    for parent in PARENTS:
        n = len(M.view_of(bytearray(data), parent)) if ("rel",) not in parent else 0
        bounds = (None, PMIN + 1, -n - 1, -2, 0, 2, n, P)
        for value in ((5, 9) if not parent else (9,)):
            for a in bounds:
                for b in bounds:
                    out.append(case(data, parent, ("rindex", value, a, b)))
    hay = b"abaabbaaabbbaaaab"
    rng = random.Random(6)
    for _ in range(200):
        n = len(hay)
        hv = [("s", rng.randrange(n + 1), None, rng.choice((1, 1, 2, -1, -2)))]
        cut = ("s", rng.randrange(n), None, rng.choice((1, -1, 2)))
        room = len(M.view_of(bytearray(hay), [cut]))
        needle = [cut, ("head", min(rng.randint(0, 4), room))]
        out.append(case(hay, hv, ("rfind",), needle))
    for parent in PARENTS:
        out.append(case(hay, parent, ("rfind",), [("s", 2, 4, None)]))
        out.append(case(hay, parent, ("rfind",), [("s", 0, 0, None)]))  # found at len(hay)
        out.append(case(hay, [], ("rfind",), parent))
    out.append(case(b"", [], ("rfind",), []))
    return out


SEPARATOR_OPS = ("partition", "rpartition", "split_next")


def cuts():
    """mv_startswith, mv_endswith, mv_removeprefix, mv_removesuffix between
    every pair of strings of 0 to 2 bytes (the second stored reversed);
    mv_strip, mv_lstrip, mv_rstrip with every kind of set of chars on every
    parent; seeded random cases."""
    out = []
    alphabet = (0x61, 0x62, 0xFF)
    strings = [b""] + [bytes([a]) for a in alphabet] + [bytes([a, b]) for a in alphabet
                                                       for b in alphabet]
    for a in strings:
        for b in strings:
            data = a + b[::-1]
            v = [("head", len(a))]
            w = [("tail", len(a)), ("s", None, None, -1)]
            for op in ("startswith", "endswith", "removeprefix", "removesuffix"):
                if op.startswith("remove") or len(b) <= len(a):
                    out.append(case(data, v, (op,), w))
    data = b"ab\tba ab\x0bba\n"
    for parent in PARENTS + ([("s", None, None, 2)],):
        for op in ("startswith", "endswith", "removeprefix", "removesuffix"):
            for w in ([("head", 2)], [("tail", 12)], [("s", 2, 0, -1)], [("head", 0)], [("rel",)],
                      parent):
                if ("rel",) in parent and ("rel",) in w:
                    continue
                out.append(case(data, parent, (op,), w))
    # Sets of chars: whitespace (none), empty, one char, several, strided
    # and reversed, the whole text (everything stripped), released.
    text = b" \t\nabcab \x0b\x0c\rba\x00 \n"
    sets = (None, [("head", 0)], [("head", 1)], [("sub", 3, 2)], [("s", 5, 2, -1)],
            [("s", 3, None, 3)], [], [("rel",)])
    for parent in PARENTS + ([("s", 2, -2, None)], [("sub", 3, 5)]):
        for chars in sets:
            if ("rel",) in parent and chars == [("rel",)]:
                continue
            for op in ("strip", "lstrip", "rstrip"):
                out.append(case(text, parent, (op,), chars))
    for t in (b"", b" ", b"\x1c\x1d\x1e\x1f\x85\xa0", b"\x0b\x0c", b"x"):
        for op in ("strip", "lstrip", "rstrip"):
            out.append(case(t, [], (op,), None))
    # Separators: every piece of a short text against it on every parent
    # (found first, last, nowhere, the whole text, empty, released).
    text = b"abaabba"
    seps = ([("s", 0, 1, None)], [("s", 1, 2, None)], [("s", 2, 4, None)], [("s", 3, 5, None)],
            [("s", None, None, -1), ("head", 2)], [], [("head", 0)], [("s", 1, None, 3)],
            [("rel",)])
    for op in SEPARATOR_OPS:
        for parent in PARENTS + ([("s", 1, None, 2)], [("sub", 2, 4)]):
            for sep in seps:
                if ("rel",) in parent and ("rel",) in sep:
                    continue
                out.append(case(text, parent, (op,), sep))
        for a in strings[:7]:
            for b in strings[1:7]:
                out.append(case(a + b, [("head", len(a))], (op,), [("tail", len(a))]))
    # bytes.split's own examples: empty text, empty tokens at either end
    # and in a row, overlapping separators, a separator longer than the text.
    for text, sep in ((b"", b","), (b"a,,b,", b","), (b",", b","), (b"aaaaa", b"aa"),
                      (b"ab", b"abc"), (b"a, b, c", b", "), (b"xyx", b"xyx")):
        data = text + sep
        out.append(case(data, [("head", len(text))], ("split_next",), [("tail", len(text))]))
        out.append(case(data, [("head", len(text))], ("partition",), [("tail", len(text))]))
        out.append(case(data, [("head", len(text))], ("rpartition",), [("tail", len(text))]))
    rng = random.Random(7)
    while len(out) < 2200:
        c = C.cut_case(rng)
        if not c.op[0].startswith(("fromhex", "r")) or c.op[0] == "rstrip":
            out.append(c)
    return out


def statuses():
    """The order of statuses: NULL pointers aside (they have no text form),
    a released view comes first, then a read-only destination, then the
    arguments in the order the function lists them."""
    out = []
    data = bytes([1, 2, 3, 4])
    bad_args = [("slice", 0, 4, 0), ("sub", 5, 5), ("buffer", 0, -2), ("advance", 9),
                ("split", 9), ("get", 9), ("set", 9, 0), ("tobytes", 0), ("fill", 0),
                ("hex", 200, 1, 0), ("hex", ord(":"), 1, 0), ("index", 9, None, None),
                ("toreadonly",), ("release",), ("count", 1)]
    for op in bad_args:
        for parent in ([], [("ro",)], [("rel",)], [("ro",), ("rel",)]):
            out.append(case(data, parent, op))
    for dst in ([], [("ro",)], [("rel",)], [("ro",), ("rel",)]):
        for src in ([], [("head", 3)], [("rel",)]):
            out.append(case(data, dst, ("assign",), src))
            out.append(case(data, dst, ("find",), src))
    return out


# ------------------------------------------------------------- cursors

def cursor(data, v, ops, w=None):
    return M.CursorCase(data, M.buf_spec(data), v, ops, w)


def edge_values(kind):
    bits = M.WRITE_BITS[kind]
    top = 2 ** bits - 1
    vals = {0, 1, 0x7F, 0x80, 0xFF, top, 2 ** (bits - 1), 2 ** (bits - 1) - 1,
            0x0102030405060708 & top}
    if kind == "be24":
        vals |= {0xFF000000, 0xAB123456, 0x00FFFFFF, 0x01000000}
    return sorted(vals)


CURSOR_PARENTS = PARENTS + ([("s", None, None, -2)], [("s", 1, None, 3)],
                            [("ro",), ("s", None, None, -1)])


def cursors():
    """Every reader and writer on every kind of cursor (whole, reversed,
    strided, one item, empty, read-only, released), at the exact lengths
    around its width, with edge values; read_view / read_bytes at the
    boundaries of n; write_view from sources overlapping the cursor every
    way; status order; sequences that exhaust the cursor exactly; seeded
    random sequences."""
    out = []
    data = bytes([0x00, 0x7F, 0x80, 0xFF, 0x01, 0xFE, 0x42, 0x13, 0x37, 0xC0, 0xDE, 0x99])
    for parent in CURSOR_PARENTS:
        for kind in M.INT_KINDS:
            # Twice: the second read takes the items after the first.
            out.append(cursor(data, parent, [("read_" + kind,), ("read_" + kind,)]))
            for value in edge_values(kind):
                out.append(cursor(data, parent, [("write_" + kind, value), ("read_u8",)]))
    # Cursors of exactly width - 1, width and width + 1 items, strided.
    long = bytes(range(0xA0, 0xA0 + 24))
    for kind, (_, width) in M.INT_KINDS.items():
        for n in (width - 1, width, width + 1):
            for shape in ([("s", None, None, -2), ("head", n)], [("s", 2, None, 2), ("head", n)],
                          [("head", n)], [("head", n), ("ro",)]):
                out.append(cursor(long, shape, [("read_" + kind,), ("read_" + kind,)]))
                out.append(cursor(long, shape, [("write_" + kind, edge_values(kind)[-1]),
                                                ("write_" + kind, 1)]))
    # Widths adding up to the length: each op takes the next items, the
    # last finds none.
    for shape in ([("s", None, None, -1)], [("s", 23, 4, -1)], [("s", 1, None, 1), ("head", 18)]):
        out.append(cursor(long, shape, [("read_be64",), ("read_le32",), ("read_be24",),
                                        ("read_be16",), ("read_u8",), ("read_u8",)]))
        out.append(cursor(long, shape, [("write_le64", 0x1122334455667788), ("write_be32", 0xCAFEBABE),
                                        ("write_be24", 0x123456), ("write_le16", 0xBEEF),
                                        ("write_u8", 0x5A), ("write_u8", 0)]))
        out.append(cursor(long, shape, [("read_view", 5), ("read_bytes", 5), ("read_view", 0),
                                        ("read_bytes", 0), ("read_view", 99)]))
    # read_view / read_bytes at the boundaries of n.
    for parent in CURSOR_PARENTS:
        k = 0 if ("rel",) in parent else len(M.view_of(bytearray(data), parent))
        for n in sorted({0, 1, max(k - 1, 0), k, k + 1, M.PTRDIFF_MAX, M.PTRDIFF_MAX + 1, M.SIZE_MAX}):
            for op in ("read_view", "read_bytes"):
                out.append(cursor(data, parent, [(op, n), ("read_u8",)]))
    # write_view: sources of the same base, every shape against every
    # cursor (overlaps both ways), and from released sources.
    sources = ([("head", 0)], [("head", 3)], [("s", None, None, -1), ("head", 4)],
               [("s", 1, None, 2), ("head", 4)], [("sub", 2, 5)], [("s", 6, 1, -1)],
               [("s", None, None, -3)], [("ro",), ("s", 3, 9, 2)], [("head", 3), ("rel",)], [])
    for parent in CURSOR_PARENTS:
        for w in sources:
            out.append(cursor(data, parent, [("write_view",), ("read_u8",)], w))
    out.append(cursor(data, [("s", 2, None, 1)], [("write_view",), ("write_view",)], [("head", 5)]))
    # Status order: released first (cursor or source), then read-only,
    # then the length.
    for parent in ([("rel",)], [("ro",), ("rel",)], [("ro",)], [("head", 1)],
                   [("ro",), ("head", 1)]):
        out.append(cursor(data, parent, [("write_be64", 1), ("write_view",), ("read_be64",)],
                          [("rel",)]))
        out.append(cursor(data, parent, [("write_view",), ("write_u8", 7)], [("head", 2)]))
    rng = random.Random(4)
    for _ in range(300):
        out.append(C.cursor_gen_case(rng))
    return out


def later_cursors():
    """read_le24 / write_le24, the signed reads and the reads of n items on
    every kind of cursor: twice in a row, at the exact lengths around
    their widths, every n from 0 to 9 and past, the sign boundaries, status
    order, and seeded random sequences mixing them with the other kinds."""
    out = []
    data = bytes([0x00, 0x7F, 0x80, 0xFF, 0x01, 0xFE, 0x42, 0x13, 0x37, 0xC0, 0xDE, 0x99])
    fixed = ("le24",) + tuple(M.SIGNED_KINDS)
    for parent in CURSOR_PARENTS:
        for kind in fixed:
            out.append(cursor(data, parent, [("read_" + kind,), ("read_" + kind,)]))
        for value in edge_values("be24"):
            out.append(cursor(data, parent, [("write_le24", value), ("read_u8",)]))
        for n in range(0, 10):
            out.append(cursor(data, parent, [("read_be_uint", n), ("read_le_uint", n)]))
        for n in (M.PTRDIFF_MAX, M.SIZE_MAX):
            out.append(cursor(data, parent, [("read_le_uint", n), ("read_be_uint", n)]))
    long = bytes(range(0xA0, 0xA0 + 24))
    for kind in fixed:
        width = M.kind_width(kind)
        for n in (width - 1, width, width + 1):
            for shape in ([("s", None, None, -2), ("head", n)], [("s", 2, None, 2), ("head", n)],
                          [("head", n)], [("head", n), ("ro",)]):
                out.append(cursor(long, shape, [("read_" + kind,), ("read_" + kind,)]))
                if kind == "le24":
                    out.append(cursor(long, shape, [("write_le24", 0xFFFFFFFF), ("write_le24", 1)]))
    for n in range(1, 9):
        for k in (n - 1, n, n + 1):
            for shape in ([("head", k)], [("s", None, None, -1), ("head", k)],
                          [("head", k), ("ro",)]):
                out.append(cursor(long, shape, [("read_be_uint", n), ("read_le_uint", n)]))
    # Every sign boundary: the items 7f ff .., 80 00 .., ff ff .., 00 .. 01.
    for first, rest in ((0x7F, 0xFF), (0x80, 0x00), (0xFF, 0xFF), (0x00, 0x00), (0x80, 0xFF)):
        be = bytes([first]) + bytes([rest]) * 7
        for kind in SIGNED_ORDER:
            raw = be if kind.startswith(("be", "i8")) else be[:M.kind_width(kind)][::-1]
            out.append(cursor(raw, [], [("read_" + kind,)]))
    # Status order: released first, then n outside 1 .. 8, then the length.
    for parent in ([("rel",)], [("head", 1)], [("head", 0)], [("ro",)]):
        for n in (0, 2, 9):
            out.append(cursor(data, parent, [("read_be_uint", n), ("read_le_uint", n),
                                             ("write_le24", 7), ("read_le_i64",)]))
    rng = random.Random(9)
    for _ in range(300):
        out.append(C.cursor_gen_case(rng, later=True))
    return out


SIGNED_ORDER = ("i8", "be_i16", "le_i16", "be_i32", "le_i32", "be_i64", "le_i64")


# ------------------------------------------------------------- buffers

def seq(*steps):
    return M.BufSeq(steps)


def hx(text, chain=()):
    return (bytes.fromhex(text), list(chain))


def own(b="a", *chain):
    return (b, list(chain))


FIVE = hx("1021324354")

# States to act on: empty, five bytes, exported (writable, read-only,
# twice), after a release, an exported empty buffer, spare capacity.
BUF_STATES = (
    ("empty", [("init", "a", 0)]),
    ("five", [("from", "a", FIVE)]),
    ("exported", [("from", "a", FIVE), ("export", "a", "e0", False)]),
    ("exported ro", [("from", "a", FIVE), ("export", "a", "e0", True)]),
    ("exported twice", [("from", "a", FIVE), ("export", "a", "e0", False),
                        ("export", "a", "e1", True)]),
    ("released", [("from", "a", FIVE), ("export", "a", "e0", False), ("release", "a", "e0")]),
    ("empty exported", [("init", "a", 0), ("export", "a", "e0", False)]),
    ("spare", [("from", "a", hx("00112233445566778899")), ("resize", "a", 4)]),
)

SELF_SHAPES = ([], [("s", None, None, -1)], [("s", 1, None, 2)], [("s", None, None, -3)],
               [("s", 2, 6, None)], [("head", 1)], [("s", 3, 3, None)], [("ro",)],
               [("buf", 2, -1)])


def buffers():
    """Every step in every state, the order of statuses, growth patterns,
    appends of the buffer's own contents with and without reallocation,
    two buffers and their exports, seeded random sequences."""
    out = []
    for _, prefix in BUF_STATES:
        st = M.BufState()
        for step in prefix:
            st.step(step)
        n = len(st.bufs["a"])
        slots = [s for s in st.slots]
        steps = []
        for size in sorted({0, max(n - 1, 0), n, n + 1, 12, M.PTRDIFF_MAX + 1, M.SIZE_MAX}):
            steps.append(("resize", "a", size))
        for src in (hx(""), hx("abcdef"), hx("abcdef", [("s", None, None, -1)]),
                    hx("abcdef", [("rel",)]), own(), own("a", ("s", None, None, -1)),
                    own("a", ("s", 1, None, 2)), own("a", ("head", 0)), own("a", ("rel",))):
            steps.append(("append", "a", src))
        for slot in slots:
            steps.append(("append", "a", (slot, [])))
        steps += [("export", "a", "e2", False), ("export", "a", "e2", True), ("free", "a")]
        for slot in slots + ["e3"]:
            steps.append(("release", "a", slot))
        for slot in slots:
            for index in sorted({0, -1, n - 1, n, -n - 1, M.PTRDIFF_MIN, M.PTRDIFF_MAX}):
                steps.append(("set", "a", slot, index, 0xAB))
        for step in steps:
            full = list(prefix)
            if step[0] == "release" and step[2] == "e3":
                full += [("from", "b", hx("77")), ("export", "b", "e3", False)]
            out.append(M.BufSeq(full + [step]))
    # The order of statuses.
    dead = hx("01", [("rel",)])
    out += [
        seq(("init", "a", M.PTRDIFF_MAX + 1)),
        seq(("init", "a", M.SIZE_MAX), ("init", "a", 2)),
        seq(("from", "a", dead), ("from", "a", FIVE)),
        seq(("from", "a", FIVE), ("export", "a", "e0", False), ("append", "a", dead),
            ("resize", "a", M.SIZE_MAX), ("append", "a", hx("")), ("resize", "a", 5),
            ("free", "a"), ("release", "a", "e0"), ("release", "a", "e0"),
            ("resize", "a", M.SIZE_MAX), ("append", "a", dead), ("free", "a")),
        seq(("from", "a", FIVE), ("export", "a", "e0", True), ("set", "a", "e0", 99, 1),
            ("release", "a", "e0"), ("set", "a", "e0", 99, 1)),
    ]
    # Growth: one byte at a time; doubling by appending the contents to
    # themselves; shrinking and growing again (the new bytes are zero).
    out.append(M.BufSeq([("init", "a", 0)] + [("append", "a", hx("%02x" % (i * 37 & 255)))
                                               for i in range(40)]))
    out.append(M.BufSeq([("from", "a", hx("01"))] + [("append", "a", own())] * 8))
    out.append(M.BufSeq([("from", "a", hx("0102"))] +
                        [("append", "a", own("a", ("s", None, None, -1)))] * 7))
    out.append(seq(("from", "a", hx("0102030405060708090a")), ("resize", "a", 3),
                   ("resize", "a", 10), ("append", "a", hx("ff")), ("resize", "a", 1),
                   ("append", "a", own()), ("resize", "a", 30), ("resize", "a", 0),
                   ("append", "a", hx("")), ("resize", "a", 4)))
    out.append(M.BufSeq([("init", "a", 0)] + [("resize", "a", n) for n in
                                               (1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 0)]))
    # The buffer's own contents appended: with reallocation (capacity = the
    # length) and without (capacity reserved, then shrunk).
    for shape in SELF_SHAPES:
        out.append(seq(("from", "a", hx("a0a1a2a3a4a5a6a7")), ("append", "a", own("a", *shape))))
        out.append(seq(("from", "a", hx("a0a1a2a3a4a5a6a7" + "00" * 16)), ("resize", "a", 8),
                       ("append", "a", own("a", *shape))))
    # Two buffers: copies between them, exports of one used by the other,
    # releases to the wrong buffer.
    out.append(seq(("from", "a", FIVE), ("from", "b", own("a", ("s", None, None, -1))),
                   ("append", "b", own("a", ("s", 1, None, 2))),
                   ("export", "a", "e0", False), ("append", "b", ("e0", [])),
                   ("append", "a", ("e0", [])), ("release", "b", "e0"),
                   ("export", "b", "e1", True), ("release", "b", "e0"), ("release", "a", "e1"),
                   ("set", "a", "e0", 2, 0xEE), ("append", "b", ("e0", [("s", None, None, -2)])),
                   ("release", "a", "e0"), ("release", "b", "e1"), ("append", "a", own("b")),
                   ("free", "b"), ("from", "b", ("e0", []))))
    out.append(seq(("init", "a", 3), ("export", "a", "e0", False), ("export", "a", "e1", False),
                   ("set", "a", "e0", 0, 1), ("set", "a", "e1", -1, 2), ("release", "a", "e1"),
                   ("resize", "a", 1), ("release", "a", "e0"), ("resize", "a", 1),
                   ("export", "a", "e1", False), ("set", "a", "e1", 1, 3), ("release", "a", "e1")))
    rng = random.Random(5)
    for _ in range(400):
        out.append(C.buf_gen_case(rng))
    return out


def queues():
    """The byte queue: reserve, clear and consume in every state, at the
    boundaries of n, the order of statuses, a queue filled at the back and
    drained at the front (the consumed prefix reclaimed), and seeded random
    sequences mixing them with every other step."""
    out = []
    for _, prefix in BUF_STATES:
        st = M.BufState()
        for step in prefix:
            st.step(step)
        n = len(st.bufs["a"])
        steps = [("clear", "a"), ("wipe", "a")]
        for size in sorted({0, 1, max(n - 1, 0), n, n + 1, 100, P - n, P - n + 1, SMAX}):
            if size <= n + 100 or size > P - n:
                steps.append(("reserve", "a", size))
            steps.append(("consume", "a", size))
        for step in steps:
            # The step, then the state it leaves used: an append and a read
            # of the whole contents through an export.
            out.append(M.BufSeq(list(prefix) + [step, ("append", "a", hx("5a"))]))
    out += [
        seq(("from", "a", FIVE), ("export", "a", "e0", True), ("reserve", "a", SMAX),
            ("consume", "a", SMAX), ("consume", "a", 0), ("clear", "a"), ("release", "a", "e0"),
            ("reserve", "a", SMAX), ("consume", "a", SMAX), ("consume", "a", 6),
            ("consume", "a", 5), ("consume", "a", 0), ("clear", "a")),
        seq(("init", "a", 0), ("clear", "a"), ("consume", "a", 0), ("reserve", "a", 0),
            ("consume", "a", 1), ("reserve", "a", 64), ("append", "a", FIVE),
            ("consume", "a", 2), ("export", "a", "e0", False), ("set", "a", "e0", 0, 0xEE),
            ("release", "a", "e0"), ("consume", "a", 3), ("append", "a", own())),
    ]
    # A queue: bytes in at the back, out at the front, the prefix reclaimed.
    steps = [("init", "a", 0)]
    for i in range(24):
        chunk = bytes((i * 7 + j) & 255 for j in range(i % 5 + 1))
        steps.append(("append", "a", hx(chunk.hex())))
        if i % 3 == 2:
            steps.append(("consume", "a", i % 4 + 1))
    out.append(M.BufSeq(steps[:40]))
    # wipe after the front was consumed, after a shrink (bytes past the
    # contents), with the spare view written and abandoned.
    out.append(seq(("from", "a", hx("00112233445566778899")), ("consume", "a", 3),
                   ("resize", "a", 2), ("wipe", "a"), ("append", "a", hx("abcd")),
                   ("spare", "a", "e4", 8), ("set", "a", "e4", 0, 0x55), ("wipe", "a"),
                   ("commit", "a", "e4", 0), ("wipe", "a"), ("export", "a", "e0", True),
                   ("wipe", "a"), ("release", "a", "e0"), ("wipe", "a"), ("free", "a"),
                   ("wipe", "a")))
    out.append(seq(("from", "a", hx("00112233445566778899")), ("consume", "a", 7),
                   ("append", "a", own()), ("append", "a", own("a", ("s", None, None, -1))),
                   ("consume", "a", 1), ("reserve", "a", 30), ("append", "a", hx("ff" * 9)),
                   ("clear", "a"), ("append", "a", hx("01")), ("consume", "a", 1),
                   ("reserve", "a", 3)))
    # The spare view in every state: asked for at the boundaries of min,
    # written, committed (or abandoned), and every step it locks out.
    for _, prefix in BUF_STATES:
        st = M.BufState()
        for step in prefix:
            st.step(step)
        n = len(st.bufs["a"])
        for least in sorted({0, 1, 3, 100, P - n + 1, SMAX}):
            steps = [("spare", "a", "e4", least)]
            probe = M.BufState()
            for step in list(prefix):
                probe.step(step)
            if probe.step(steps[0])["status"] != "OK":
                pass  # refused: nothing to write or commit
            elif least == 3:
                steps += [("set", "a", "e4", 0, 0xA1), ("set", "a", "e4", 2, 0xA3),
                          ("set", "a", "e4", 1, 0xA2), ("commit", "a", "e4", 2)]
            elif least == 1:
                steps += [("set", "a", "e4", 0, 0x77), ("commit", "a", "e4", 1)]
            else:
                steps += [("commit", "a", "e4", 0)]
            out.append(M.BufSeq(list(prefix) + steps + [("append", "a", hx("5a"))]))
    locked = [("resize", "a", 1), ("resize", "a", SMAX), ("append", "a", hx("01")),
              ("append", "a", hx("01", [("rel",)])), ("reserve", "a", 1), ("reserve", "a", SMAX),
              ("consume", "a", 0), ("consume", "a", 99), ("clear", "a"), ("wipe", "a"),
              ("free", "a"), ("spare", "a", "e5", 0), ("spare", "a", "e5", SMAX)]
    out.append(seq(*([("from", "a", FIVE), ("spare", "a", "e4", 2)] + locked +
                     [("set", "a", "e4", 0, 0xEE), ("set", "a", "e4", 1, 0xEF),
                      ("commit", "a", "e4", 2)] + locked[:-2] +
                     [("spare", "a", "e5", SMAX), ("spare", "a", "e6", 0)])))
    # Exports while the spare view is out: allowed, and they hold back
    # the commit; the order of the commit's statuses.
    out.append(seq(("from", "a", FIVE), ("spare", "a", "e4", 4), ("export", "a", "e0", False),
                   ("set", "a", "e0", 0, 0x11), ("set", "a", "e4", 0, 0x22),
                   ("commit", "a", "e4", SMAX), ("commit", "a", "e4", 1),
                   ("release", "a", "e0"), ("commit", "a", "e4", SMAX),
                   ("commit", "a", "e4", M.PTRDIFF_MAX + 1), ("commit", "a", "e4", 1),
                   ("commit", "a", "e4", 1), ("commit", "a", "e4", SMAX)))
    # A receive loop: spare, write, commit, consume what was parsed.
    steps = [("init", "a", 0)]
    for i in range(12):
        k = i % 4 + 1
        steps.append(("spare", "a", "e%d" % (4 + i % 4), k + 2))
        steps += [("set", "a", "e%d" % (4 + i % 4), j, (i * 16 + j) & 255) for j in range(k)]
        steps.append(("commit", "a", "e%d" % (4 + i % 4), k))
        if i % 3 == 2:
            steps.append(("consume", "a", 3))
    out.append(M.BufSeq(steps[:MAX_SEQ_STEPS]))
    rng = random.Random(8)
    for _ in range(300):
        out.append(C.buf_gen_case(rng, queue=True))
    return out


# ------------------------------------------------------------------ I/O

# One instruction of each kind (memview_sim.h), by name.
SPECIALS = (("move0", b"\x00"), ("move1", b"\x01"), ("move2", b"\x02"), ("all", b"\xe0"),
            ("all-e7", b"\xe7"), ("all-ff", b"\xff"), ("eintr", b"\xe1"), ("eagain", b"\xe2"),
            ("error-0", b"\xe3\x00"), ("error-eintr", b"\xe3\x04"), ("error-eagain", b"\xe3\x0b"),
            ("error-epipe", b"\xe3\x20"), ("error-104", b"\xe3\x68"), ("close", b"\xe4"),
            ("claim", b"\xe5"), ("many-3", b"\xe6\x00\x03"), ("many-256", b"\xe6\x01\x00"))

# Each loop once: (op, views over a 6-byte base, transport).
IO_SHAPES = ((("send_all",), [[]], None), (("sendv_all",), [[("sub", 0, 2)], [("sub", 2, 0)],
                                                            [("sub", 2, 4)]], "vec"),
             (("sendv_all",), [[("sub", 0, 2)], [("sub", 2, 0)], [("sub", 2, 4)]], "plain"),
             (("recv_into", 0), [[]], None), (("recv_into", 4), [[]], None),
             (("recv_all", 0), [[]], None), (("recv_all", 4), [[]], None),
             (("recvv_all",), [[("sub", 0, 2)], [("sub", 2, 0)], [("sub", 2, 4)]], "vec"),
             (("recvv_all",), [[("sub", 0, 2)], [("sub", 2, 0)], [("sub", 2, 4)]], "plain"))


def io(data, views, op, script, rounds=3, room=None, transport=None):
    """An I/O case; the peer has room (sends) or input (receives) for
    exactly the views' bytes unless room says otherwise."""
    cut = [M.view_of(bytearray(data), c) for c in views]
    room = sum(0 if M.released(m) else len(m) for m in cut) if room is None else room
    if op[0] in IO.SENDS:
        return IO.IoCase(data, views, op, script, rounds, cap=room, transport=transport)
    served = bytes((0xA0 + i) & 255 for i in range(room))
    return IO.IoCase(data, views, op, script, rounds, data=served, transport=transport)


def ios():
    """The I/O loops over the simulated socket: every instruction at every
    position of a schedule of 2-byte moves, for every loop; a peer with too
    little room or input; the refusals in their order; long moves; scripts
    cut inside an instruction; resumption after EAGAIN; then random
    schedules."""
    out = []
    data = ramp(6)
    for op, views, t in IO_SHAPES:
        for _, sp in SPECIALS:
            for pos in range(3):
                script = b"\x02" * pos + sp + b"\x02" * 3
                out.append(io(data, views, op, script, 4, transport=t))
        for room in (0, 3):
            out.append(io(data, views, op, b"", 2, room=room, transport=t))
            out.append(io(data, views, op, b"\x01\xe2\xe0", 3, room=room, transport=t))
        for tail in (b"\xe3", b"\xe6", b"\xe6\x00"):
            out.append(io(data, views, op, b"\x01" + tail, 2, transport=t))
    # The refusals, in memview's order, for each loop.
    bad = ([("rel",)], [("ro",)], [("s", None, None, 2)], [("s", None, None, -1)],
           [("sub", 2, 1), ("s", None, None, 3)], [("sub", 2, 0), ("s", None, None, 3)],
           [("sub", 2, 0)], [("ro",), ("rel",)])
    for op, _, t in IO_SHAPES:
        for chain in bad:
            views = [chain] if t is None else [[("sub", 0, 2)], chain, [("sub", 2, 4)]]
            out.append(io(data, views, op, b"", 1, transport=t))
        if t is not None:
            out.append(io(data, [], op, b"", 1, transport=t))
            out.append(io(data, [[("ro",)], [("rel",)]], op, b"", 1, transport=t))
            out.append(io(data, [[("s", None, None, 2)], [("ro",)]], op, b"", 1, transport=t))
    for nbytes in (0, 1, 6, 7, SMAX):
        out.append(io(data, [[]], ("recv_into", nbytes), b"\x03", 3))
    # Long moves: MV_SIM_MANY on a 700-byte base.
    big = bytes((i * 7 + 3) & 255 for i in range(700))
    halves = [[("sub", 0, 300)], [("sub", 300, 400)]]
    for op, t in ((("send_all",), None), (("sendv_all",), "vec"), (("sendv_all",), "plain"),
                  (("recv_all", 0), None), (("recv_all", 256), None), (("recvv_all",), "vec"),
                  (("recvv_all",), "plain")):
        views = [[]] if t is None else halves
        for script in (b"\xe6\x01\x2c", b"\xe6\x02\x00\xe6\x00\xc8", b"\xe6\x01\x00\xe2\xe6\xff\xff",
                       b"\xdf" * 4):
            out.append(io(big, views, op, script, 3, transport=t))
    # Resumption: EAGAIN before each move of a send or receive in pieces.
    for op, t in ((("send_all",), None), (("sendv_all",), "vec"), (("recv_into", 0), None),
                  (("recv_all", 2), None), (("recvv_all",), "plain")):
        views = [[]] if t is None else [[("sub", 0, 3)], [("sub", 3, 3)]]
        for pos in range(4):
            out.append(io(data, views, op, b"\x02" * pos + b"\xe2" + b"\x02\xe2" * 3, 8,
                          transport=t))
    rng = random.Random(9)
    for _ in range(300):
        out.append(C.io_case(rng))
    return out


MAX_SEQ_STEPS = 64  # the replayer's limit


FILES = (
    ("slice.txt", "mv_slice: boundaries crossed, chains of up to six slices", slices),
    ("views.txt", "mv_sub, mv_buffer, mv_advance, mv_split, mv_toreadonly, mv_release", views),
    ("items.txt", "mv_get, mv_set, mv_tobytes, mv_fill, mv_assign (overlaps)", items),
    ("compare.txt", "mv_equal, mv_compare, mv_ct_equal", compares),
    ("hex.txt", "mv_hex, mv_hex_size; mv_fromhex_size, mv_fromhex",
     lambda: hexes() + fromhexes()),
    ("search.txt", "mv_index, mv_count, mv_find; mv_rindex, mv_rfind",
     lambda: searches() + rsearches()),
    ("cut.txt", "mv_startswith, mv_endswith, mv_removeprefix, mv_removesuffix, mv_*strip, "
     "mv_partition, mv_rpartition, mv_split_next",
     cuts),
    ("status.txt", "the order of statuses", statuses),
    ("cursor.txt", "cursor reads and writes: mv_read_*, mv_write_*; le24, signed, n items",
     lambda: cursors() + later_cursors()),
    ("buf.txt", "owner buffers: mv_buf_* sequences; the byte queue (reserve, clear, consume, "
     "spare, commit, wipe)",
     lambda: buffers() + queues()),
    ("io.txt", "I/O loops over the simulated socket: mv_send_all, mv_sendv_all, mv_recv_into, "
     "mv_recv_all, mv_recvv_all", ios),
)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: gen_vectors.py DIR")
    total = 0
    for name, title, make in FILES:
        cases = make()
        path = os.path.join(sys.argv[1], name)
        with open(path, "w") as f:
            f.write("# %s\n" % title)
            f.write("# Generated from CPython by tests/gen_vectors.py; format: README.md.\n")
            for c in cases:
                f.write(C.case_line(c) + "\n")
        print("%s: %d cases" % (path, len(cases)))
        total += len(cases)
    print("%d cases" % total)


if __name__ == "__main__":
    main()
