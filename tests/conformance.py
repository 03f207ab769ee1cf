#!/usr/bin/env python3
"""conformance.py OUT — random conformance cases, CPython as the oracle.

Writes CONFORMANCE_CASES cases (default 100000) drawn with the seed
CONFORMANCE_SEED (default 1) to OUT, one per line in the vector format of
corpus/vectors/README.md, each with the results CPython gives; the C
replayer (tests/replay.c) then runs them against the library.  The same
seed and count always give the same file, so a failure is reproduced with

    CONFORMANCE_SEED=<seed> make test

About a third of the cases are chains of up to six slices with extreme
bounds and steps (zero, None, +-PTRDIFF_MAX, PTRDIFF_MIN + 1, values
around the length), on buffers of 0 to 40 bytes and a few near 1000; the
rest exercise every other view operation on views cut by random chains
(slices, sub, buffer, advance, split halves, read-only, released).

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


# ----------------------------------------------------------- arguments

def pick(rng, *choices):
    return rng.choice(choices)


def bound(rng, n):
    """A slice or index bound for a view of n items."""
    if rng.random() < 0.45:
        return rng.randint(-n - 3, n + 3)
    return pick(rng, None, None, PMIN + 1, -P // 2, -n - 2, -n - 1, -n, -n + 1, -1, 0, 1,
                n - 1, n, n + 1, P // 2, P - 1, P)


def step(rng, n, zero_ok=False):
    """A slice step; 0 only where the operation may fail on it."""
    if zero_ok and rng.random() < 0.03:
        return 0
    if rng.random() < 0.5:
        s = pick(rng, 1, -1, 1, -1, 2, -2, 3, -3)
    else:
        s = pick(rng, None, P, -P, P - 1, -(P - 1), P // 3, n, -n, n + 1, -n - 1, n - 1,
                 -n + 1, rng.randint(-n - 2, n + 2))
    return s if s != 0 else 1


def size_arg(rng, n):
    """An offset or count for a view of n items: mostly in range."""
    if rng.random() < 0.7:
        return rng.randint(0, n)
    return pick(rng, n + 1, n + 2, P, P + 1, SMAX - 1, SMAX)


def index_arg(rng, n):
    if rng.random() < 0.5:
        return rng.randint(-n - 2, n + 2)
    return pick(rng, PMIN, PMIN + 1, -n - 1, -n, -1, 0, n - 1, n, n + 1, P)


def byte_arg(rng, data):
    if data and rng.random() < 0.7:
        return rng.choice(data)
    return rng.randrange(256)


# ----------------------------------------------------------- buffers

ALPHABETS = (bytes([0, 1]), bytes([0, 0x7F, 0x80, 0xFF]), b"ab", bytes(range(256)))


def base_len(rng):
    r = rng.random()
    if r < 0.04:
        return rng.randint(990, 1010)
    if r < 0.12:
        return rng.randint(0, 2)
    return rng.randint(0, 40)


def base_bytes(rng, n, ramp):
    if ramp or (n > 100 and rng.random() < 0.7):
        return bytes(i & 255 for i in range(n))
    alphabet = rng.choice(ALPHABETS)
    return bytes(rng.choice(alphabet) for _ in range(n))


# ------------------------------------------------------------- chains

def chain(rng, data, max_steps, kinds, rel_rate=0.0):
    """A chain of set-up steps that all succeed on data; returns the steps
    and the memoryview they make (for the lengths of what follows)."""
    m = memoryview(bytearray(data))
    steps = []
    for _ in range(rng.randint(0, max_steps)):
        n = len(m)
        kind = rng.choice(kinds)
        if kind == "s":
            s = ("s", bound(rng, n), bound(rng, n), step(rng, n))
        elif kind == "sub":
            off = rng.randint(0, n)
            s = ("sub", off, rng.randint(0, n - off))
        elif kind == "buf":
            off = rng.randint(0, n + 2) if rng.random() < 0.9 else pick(rng, P, SMAX)
            size = pick(rng, -1, rng.randint(0, n + 2), P)
            s = ("buf", off, size)
        elif kind in ("adv", "head", "tail"):
            s = (kind, rng.randint(0, n))
        else:
            s = (kind,)
        steps.append(s)
        m = M.apply_step(m, s)
    if rng.random() < rel_rate:
        steps.append(("rel",))
        m = M.apply_step(m, ("rel",))
    return steps, m


MIXED = ("s", "s", "s", "sub", "buf", "adv", "head", "tail", "ro")


def same_length_view(rng, n_base, length):
    """A chain making a view of exactly length items of an n_base-byte
    base, with a random step of +-1..3, or None when none fits."""
    if length == 0:
        k = rng.randint(0, n_base)
        return [("s", k, k, 1)]
    for _ in range(8):
        s = pick(rng, 1, -1, 2, -2, 3, -3)
        span = (length - 1) * abs(s)
        if span >= n_base:
            continue
        if s > 0:
            start = rng.randint(0, n_base - 1 - span)
        else:
            start = rng.randint(span, n_base - 1)
        return [("s", start, None, s), ("head", length)]
    return None


# ---------------------------------------------------------------- cases

def slice_case(rng):
    n = base_len(rng)
    data = base_bytes(rng, n, ramp=True)
    v, m = chain(rng, data, 5, ("s",))
    k = len(m)
    return M.Case(data, M.buf_spec(data), v, ("slice", bound(rng, k), bound(rng, k),
                                              step(rng, k, zero_ok=True)))


def op_case(rng, name):
    n = base_len(rng)
    data = base_bytes(rng, n, ramp=False)
    spec = M.buf_spec(data)
    rel_rate = 0.05
    v, m = chain(rng, data, 3, MIXED, rel_rate)
    k = 0 if M.released(m) else len(m)
    items = list(m.tobytes()) if not M.released(m) else []
    w = None
    if name == "slice":
        args = (bound(rng, k), bound(rng, k), step(rng, k, zero_ok=True))
    elif name == "sub":
        args = (size_arg(rng, k), size_arg(rng, k) if rng.random() < 0.3 else rng.randint(0, k))
    elif name == "buffer":
        args = (size_arg(rng, k), pick(rng, -2, -1, -1, 0, 1, k, k + 1, P, PMIN,
                                       rng.randint(-3, k + 3)))
    elif name in ("advance", "split"):
        args = (size_arg(rng, k),)
    elif name in ("toreadonly", "release"):
        args = ()
    elif name == "get":
        args = (index_arg(rng, k),)
    elif name == "set":
        args = (index_arg(rng, k), rng.randrange(256))
    elif name == "tobytes":
        args = (pick(rng, k, k, k + 1, max(k - 1, 0), 0, k + 7),)
    elif name == "fill":
        args = (rng.randrange(256),)
    elif name in ("index",):
        args = (byte_arg(rng, items), bound(rng, k), bound(rng, k))
    elif name == "count":
        args = (byte_arg(rng, items),)
    elif name == "hex":
        sep = pick(rng, 0, 58, 32, 95, 45, 97, 48, 1, 127, 128, 200, 255)
        bps = pick(rng, 0, 1, -1, 2, -2, 3, -3, k, -k, k + 1, -k - 1, 2 ** 31 - 1, 2 ** 31,
                   -(2 ** 31), P, -P, PMIN, rng.randint(-8, 8))
        probe = M.Case(data, spec, v, ("hex", sep, bps, SMAX))
        size = M.evaluate(probe)["size"]
        args = (sep, bps, pick(rng, size + 1, size + 1, size, 0, size + 5, max(size - 1, 0)))
    else:
        w = two_view_chain(rng, name, data, v, k, rel_rate)
        args = ()
    return M.Case(data, spec, v, (name,) + args, w)


def two_view_chain(rng, name, data, v, k, rel_rate):
    """The second view of assign (source), equal/compare/ct_equal and find
    (needle), over the same base so that overlaps are common."""
    r = rng.random()
    if name == "assign" and r < 0.85:
        w = same_length_view(rng, len(data), k)
        if w is not None:
            if rng.random() < rel_rate:
                w.append(("rel",))
            return w
    if name in ("equal", "compare", "ct_equal") and r < 0.3:
        return list(v)  # the same items: equal
    if name == "find" and r < 0.5 and k > 0:
        # A piece of the haystack itself: found, unless an earlier match.
        a = rng.randint(0, k)
        return list(v) + [("sub", a, rng.randint(0, min(4, k - a)))]
    w, _ = chain(rng, data, 2, MIXED)
    if name == "find" and rng.random() < 0.7:
        w.append(("s", None, rng.randint(0, 4), None))  # short needles match more often
    if rng.random() < rel_rate:
        w.append(("rel",))
    return w


OPS = (("slice", 4), ("sub", 3), ("buffer", 3), ("advance", 2), ("split", 3),
       ("toreadonly", 1), ("release", 1), ("get", 3), ("set", 3), ("tobytes", 2),
       ("fill", 2), ("assign", 8), ("equal", 2), ("compare", 3), ("ct_equal", 2),
       ("hex", 5), ("index", 4), ("count", 2), ("find", 5))


def gen_case(rng):
    if rng.random() < 0.35:
        return slice_case(rng)
    names = [name for name, weight in OPS for _ in range(weight)]
    return op_case(rng, rng.choice(names))


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: conformance.py OUT")
    seed = int(os.environ.get("CONFORMANCE_SEED") or 1)
    count = int(os.environ.get("CONFORMANCE_CASES") or 100000)
    rng = random.Random(seed)
    with open(sys.argv[1], "w") as out:
        out.write("# conformance cases: seed %d, %d cases\n" % (seed, count))
        for _ in range(count):
            out.write(M.line(gen_case(rng)) + "\n")
    print("info: seed=%d cases=%d" % (seed, count))


if __name__ == "__main__":
    main()
