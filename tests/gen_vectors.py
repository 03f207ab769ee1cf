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


FILES = (
    ("slice.txt", "mv_slice: boundaries crossed, chains of up to six slices", slices),
    ("views.txt", "mv_sub, mv_buffer, mv_advance, mv_split, mv_toreadonly, mv_release", views),
    ("items.txt", "mv_get, mv_set, mv_tobytes, mv_fill, mv_assign (overlaps)", items),
    ("compare.txt", "mv_equal, mv_compare, mv_ct_equal", compares),
    ("hex.txt", "mv_hex, mv_hex_size", hexes),
    ("search.txt", "mv_index, mv_count, mv_find", searches),
    ("status.txt", "the order of statuses", statuses),
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
                f.write(M.line(c) + "\n")
        print("%s: %d cases" % (path, len(cases)))
        total += len(cases)
    print("%d cases" % total)


if __name__ == "__main__":
    main()
