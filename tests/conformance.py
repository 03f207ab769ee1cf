#!/usr/bin/env python3
"""conformance.py [--cursors | --buffers | --cuts | --io] OUT — random conformance cases,
CPython as the oracle.

Writes CONFORMANCE_CASES cases (default 100000) drawn with the seed
CONFORMANCE_SEED (default 1) to OUT, one per line in the vector format of
corpus/vectors/README.md, each with the results CPython gives; the C
replayer (tests/run_vectors.c) then runs them against the library.  The same
seed and count always give the same file, so a failure is reproduced with

    CONFORMANCE_SEED=<seed> make test

--cursors writes CONFORMANCE_CURSOR_CASES (default 50000) cursor cases
instead: up to eight reads and writes consuming one view cut by a random
chain (strided, reversed, read-only, released), struct.pack / unpack
deciding the integers (le24, the signed reads and int.from_bytes for the
reads of n items included).  --buffers writes CONFORMANCE_BUF_CASES (default
20000) owner-buffer sequences: up to sixteen steps of init, from, resize,
append (sources cut from the buffers themselves included), export,
release, free, writes through exports, and the byte queue's reserve,
clear, consume, spare and commit (writes through the spare view, then
committed) and wipe, on two buffers, bytearray and memoryview deciding the
contents and the refusals.  --cuts writes CONFORMANCE_CUT_CASES (default
30000) cases of search.h's and cut.h's newer functions: rfind, rindex,
startswith, endswith, removeprefix, removesuffix, strip, lstrip, rstrip,
partition, rpartition, split_next (patterns, separators and sets of chars
mostly cut from the view itself), fromhex_size and fromhex (texts of
digit pairs and whitespace with an occasional flaw, into whole, reversed,
read-only and released destinations).  --io writes CONFORMANCE_IO_CASES
(default 30000) I/O cases: mv_send_all, mv_sendv_all, mv_recv_into,
mv_recv_all and mv_recvv_all over the simulated socket of memview_sim.h,
on scripts of partial moves, EINTR, EAGAIN, errors, closes, over-claims,
long moves and cut-off tails, a peer with too little room or input, bad
views, and up to eight calls resuming where the last one stopped
(tests/iomodel.py is the oracle).  Each mode
draws from its own stream of the seed, so adding one never changes
another's cases.

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
import iomodel as IO  # noqa: E402

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


# ------------------------------------------------- searches and cuts

HEX_TEXT = b"0123456789abcdefABCDEF"
TEXT_ALPHABETS = (b"ab", b"ab ", b" \t\n\r\x0b\x0cx", b"aab", bytes([0, 0x7F, 0x80, 0xFF]))


def hex_text(rng):
    """fromhex input: digit pairs with ASCII whitespace around them, and
    now and then a flaw (a character that is neither, a split pair, an odd
    digit at the end)."""
    words = []
    for _ in range(rng.randint(0, 12)):
        if rng.random() < 0.3:
            words.append(bytes(rng.choice(b" \t\n\r\x0b\x0c") for _ in range(rng.randint(1, 3))))
        else:
            words.append(bytes(rng.choice(HEX_TEXT) for _ in range(2)))
    text = b"".join(words)
    if text and rng.random() < 0.25:
        i = rng.randrange(len(text) + 1)
        flaw = pick(rng, b"g", b"0", b"0 ", b"\x00", b"\x80", b"\x1c", b":", b"x", b"-")
        text = text[:i] + flaw + text[i:]
    return text


def cut_base(rng, name):
    if name in ("fromhex", "fromhex_size"):
        return hex_text(rng) if rng.random() < 0.9 else base_bytes(rng, base_len(rng), False)
    n = base_len(rng) if rng.random() < 0.2 else rng.randint(0, 16)
    alphabet = rng.choice(TEXT_ALPHABETS if name in ("strip", "lstrip", "rstrip")
                          else TEXT_ALPHABETS[:2] + (b"a", bytes(range(256))))
    return bytes(rng.choice(alphabet) for _ in range(n))


def pattern_chain(rng, name, data, v, k):
    """The second view: a piece of v where a match is wanted (its front
    for a prefix, its back for a suffix, anywhere for rfind), else a chain
    of its own; for the strip family a set of chars, or none (whitespace)."""
    r = rng.random()
    if name in ("strip", "lstrip", "rstrip") and r < 0.3:
        return None
    if r < 0.55 and k > 0:
        a = rng.randint(0, k)
        lo = 1 if name.endswith(("partition", "split_next")) and rng.random() < 0.9 else 0
        n = rng.randint(min(lo, k - a), min(5, k - a))
        if name in ("startswith", "removeprefix") and rng.random() < 0.7:
            return list(v) + [("head", n)]
        if name in ("endswith", "removesuffix") and rng.random() < 0.7:
            return list(v) + [("tail", k - n)]
        return list(v) + [("sub", a, n)]
    w, _ = chain(rng, data, 2, MIXED)
    if rng.random() < 0.7:
        w.append(("s", None, rng.randint(1 if name.endswith(("partition", "split_next")) else 0, 4),
                  None))
    return w


def cut_case(rng):
    names = [name for name, weight in CUT_OPS for _ in range(weight)]
    name = rng.choice(names)
    data = cut_base(rng, name)
    if name.startswith("fromhex") and rng.random() < 0.6:
        v, m = chain(rng, data, 0, (), 0.02)  # the whole text: mostly valid
    elif rng.random() < 0.5:
        v, m = chain(rng, data, 3, MIXED, 0.04)
    else:
        v, m = chain(rng, data, 1, ("head", "tail", "ro", "s"), 0.02)
    k = 0 if M.released(m) else len(m)
    items = list(m.tobytes()) if not M.released(m) else []
    w = None
    if name == "rindex":
        args = (byte_arg(rng, items), bound(rng, k), bound(rng, k))
    elif name == "fromhex":
        probe = M.unhex(m) if not M.released(m) else None
        need = len(probe) if probe is not None else k // 2
        args = (pick(rng, need, need, need, need + 1, max(need - 1, 0), 0, need + 4),
                pick(rng, "rw", "rw", "rw", "rev", "rev", "rev", "ro", "rel"))
    else:
        args = ()
        if name not in ("fromhex_size",):
            w = pattern_chain(rng, name, data, v, k)
            if w is not None and rng.random() < 0.04:
                w.append(("rel",))
    return M.Case(data, M.buf_spec(data), v, (name,) + args, w)


CUT_OPS = (("rfind", 5), ("rindex", 4), ("startswith", 3), ("endswith", 3), ("removeprefix", 3),
           ("removesuffix", 3), ("strip", 3), ("lstrip", 2), ("rstrip", 2), ("fromhex", 6),
           ("fromhex_size", 2), ("partition", 4), ("rpartition", 3), ("split_next", 4))


# --------------------------------------------------------------- cursors

def write_value(rng, kind):
    bits = M.WRITE_BITS[kind]
    if rng.random() < 0.3:
        return pick(rng, 0, 1, 0x7F, 0x80, 0xFF, 2 ** bits - 1, 2 ** (bits - 1),
                    2 ** (bits - 1) - 1) & (2 ** bits - 1)
    return rng.getrandbits(bits)


INT_NAMES = tuple(M.INT_KINDS)


def cursor_ops(rng, length, exhaust):
    """Up to eight cursor operations on a cursor of length items; with
    exhaust, integer reads and writes whose widths add up to exactly
    length while they fit (then one more, which finds nothing)."""
    ops = []
    left = length
    for _ in range(rng.randint(1, 8)):
        r = rng.random()
        if exhaust and left > 0:
            fits = [k for k in INT_NAMES if M.INT_KINDS[k][1] <= left]
            kind = rng.choice(fits)
            ops.append(("read_" + kind,) if rng.random() < 0.5 else
                       ("write_" + kind, write_value(rng, kind)))
            left -= M.INT_KINDS[kind][1]
            continue
        if r < 0.42:
            ops.append(("read_" + rng.choice(INT_NAMES),))
        elif r < 0.8:
            kind = rng.choice(INT_NAMES)
            ops.append(("write_" + kind, write_value(rng, kind)))
        elif r < 0.92:
            n = rng.randint(0, left + 1) if rng.random() < 0.85 else pick(rng, P, P + 1, SMAX)
            ops.append((rng.choice(("read_view", "read_bytes")), n))
        else:
            ops.append(("write_view",))
        left = max(left - 2, 0)
    return ops


LATER_FIXED = ("le24",) + tuple(M.SIGNED_KINDS)


def cursor_ops_later(rng, length, exhaust):
    """As cursor_ops, with the later kinds too: read_le24 / write_le24, the
    signed reads, and reads of n items (n mostly 1 .. 8, now and then 0, 9
    or huge)."""
    ops = []
    left = length
    for _ in range(rng.randint(1, 8)):
        r = rng.random()
        if exhaust and left > 0:
            fits = [k for k in INT_NAMES + LATER_FIXED if M.kind_width(k) <= left]
            kind = rng.choice(fits)
            if kind in M.SIGNED_KINDS or rng.random() < 0.5:
                ops.append(("read_" + kind,))
            else:
                ops.append(("write_" + kind, write_value(rng, "be24" if kind == "le24" else kind)))
            left -= M.kind_width(kind)
            continue
        if r < 0.3:
            ops.append(("read_" + rng.choice(LATER_FIXED),))
        elif r < 0.45:
            n = rng.randint(1, 8) if rng.random() < 0.85 else pick(rng, 0, 9, P, SMAX)
            ops.append((rng.choice(tuple("read_" + k for k in M.UINT_KINDS)), n))
        elif r < 0.55:
            ops.append(("write_le24", write_value(rng, "be24")))
        elif r < 0.75:
            ops.append(("read_" + rng.choice(INT_NAMES),))
        elif r < 0.9:
            kind = rng.choice(INT_NAMES)
            ops.append(("write_" + kind, write_value(rng, kind)))
        else:
            n = rng.randint(0, left + 1)
            ops.append((rng.choice(("read_view", "read_bytes")), n))
        left = max(left - 3, 0)
    return ops


def cursor_gen_case(rng, later=False):
    n = base_len(rng) if rng.random() < 0.3 else rng.randint(8, 64)
    data = base_bytes(rng, n, ramp=False) if rng.random() < 0.3 else bytes(
        rng.randrange(256) for _ in range(n))
    r = rng.random()
    if r < 0.45:
        # A strided or reversed cursor of a random length.
        v = same_length_view(rng, n, rng.randint(0, n)) or []
        if rng.random() < 0.15:
            v.append(("ro",))
        if rng.random() < 0.03:
            v.append(("rel",))
    elif r < 0.6:
        v = rng.choice(([], [("s", None, None, -1)], [("ro",)]))
    else:
        v, _ = chain(rng, data, 3, MIXED, rel_rate=0.04)
    m = M.view_of(bytearray(data), v)
    k = 0 if M.released(m) else len(m)
    ops = (cursor_ops_later if later else cursor_ops)(rng, k, rng.random() < 0.3)
    w = None
    if any(op[0] == "write_view" for op in ops):
        # Sources over the same base: overlapping the cursor is common.
        w = same_length_view(rng, n, rng.randint(0, max(k, 1))) if rng.random() < 0.6 else None
        if w is None:
            w, _ = chain(rng, data, 2, MIXED)
            w.append(("s", None, rng.randint(0, 8), None))
        if rng.random() < 0.04:
            w.append(("rel",))
    return M.CursorCase(data, M.buf_spec(data), v, ops, w)


# --------------------------------------------------------------- buffers

def small_bytes(rng, lo=0, hi=12):
    return bytes(rng.randrange(256) for _ in range(rng.randint(lo, hi)))


def src_chain(rng, n):
    """A chain that succeeds on n items, mostly slices (reversed, strided)."""
    chain, m = [], memoryview(bytearray(n))
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        k = len(m)
        r = rng.random()
        if r < 0.7:
            s = ("s", bound(rng, k), bound(rng, k), step(rng, k))
        elif r < 0.85:
            s = ("head", rng.randint(0, k))
        elif r < 0.95:
            s = ("ro",)
        else:
            s = ("buf", rng.randint(0, k), rng.randint(-1, k))
        chain.append(s)
        m = M.apply_step(m, s)
    return chain


def buf_source(rng, st, b):
    """A source view: a fresh array, a buffer's own contents, an export."""
    r = rng.random()
    ready = [x for x in ("a", "b") if st.ready[x]]
    slots = [s for s in st.slots]
    if r < 0.35 or not ready:
        origin = small_bytes(rng)
        chain = src_chain(rng, len(origin))
    elif r < 0.8:
        origin = b if (st.ready[b] and rng.random() < 0.7) else rng.choice(ready)
        chain = src_chain(rng, len(st.bufs[origin]))
    elif slots:
        origin = rng.choice(slots)
        chain = src_chain(rng, len(st.slots[origin][1])) if st.live(origin) else []
    else:
        origin, chain = small_bytes(rng, 1, 4), []
    if rng.random() < 0.04 and not (isinstance(origin, str) and origin in st.slots
                                    and not st.live(origin)):
        chain = chain + [("rel",)]
    return (origin, chain)


def buf_size(rng, n):
    r = rng.random()
    if r < 0.6:
        return rng.randint(0, n + 12)
    if r < 0.9:
        return pick(rng, 0, n, n, max(n - 1, 0), n + 1, 2 * n, rng.randint(40, 300))
    return pick(rng, P + 1, SMAX)


def buf_make(rng, st, b):
    if rng.random() < 0.5:
        return ("init", b, rng.randint(0, 24) if rng.random() < 0.95 else pick(rng, 200, P + 1))
    return ("from", b, buf_source(rng, st, b))


SPARE_SLOTS = M.SLOTS[4:]  # exports take e0 .. e3


def buf_spare_step(rng, st, b):
    """spare, writes through the spare view, commit."""
    slot = st.spare_out[b]
    if slot is None:
        free = [x for x in SPARE_SLOTS if not (x in st.spares and st.spares[x].live)]
        if not free:
            return ("clear", b)
        n = len(st.bufs[b])
        least = rng.randint(0, 16) if rng.random() < 0.9 else pick(rng, 200, P - n + 1, SMAX)
        return ("spare", b, rng.choice(free), least)
    sp = st.spares[slot]
    r = rng.random()
    if r < 0.5 and sp.least > 0:
        k = sp.prefix()
        index = k if k < sp.least and rng.random() < 0.8 else rng.randrange(sp.least)
        return ("set", b, slot, index, rng.randrange(256))
    k = sp.prefix()
    return ("commit", b, slot, rng.randint(0, k) if rng.random() < 0.9 else pick(rng, P + 1, SMAX))


def buf_queue_step(rng, st, b):
    """A step of the byte-queue functions: reserve, clear, consume, and
    the spare view."""
    if rng.random() < 0.4:
        return buf_spare_step(rng, st, b)
    n = len(st.bufs[b])
    r = rng.random()
    if r < 0.3:
        return ("reserve", b, buf_size(rng, n) if rng.random() < 0.8 else
                pick(rng, P - n + 1, P + 1, SMAX))
    if r < 0.38:
        return ("clear", b)
    if r < 0.45:
        return ("wipe", b)
    return ("consume", b, rng.randint(0, n) if rng.random() < 0.85 else
            pick(rng, n + 1, n + 2, P, SMAX))


def buf_random_step(rng, st, queue=False):
    """One step; with queue, the byte-queue steps too (drawn from the
    stream only then, so that the cases without them stay the same)."""
    b = "a" if (rng.random() < 0.75 or not st.ready["b"]) else "b"
    if not st.ready[b]:
        return buf_make(rng, st, b)
    if queue and rng.random() < 0.3:
        return buf_queue_step(rng, st, b)
    if not st.ready["b"] and rng.random() < 0.08:
        return buf_make(rng, st, "b")
    ba = st.bufs[b]
    r = rng.random()
    if r < 0.3:
        return ("append", b, buf_source(rng, st, b))
    if r < 0.45:
        return ("resize", b, buf_size(rng, len(ba)))
    if r < 0.6:
        free = [s for s in M.SLOTS[:4] if not st.live(s)]
        if free:
            return ("export", b, rng.choice(free), rng.random() < 0.3)
    if r < 0.77 and st.slots:
        mine = [s for s in st.slots if st.live(s) and st.slots[s][0] == b]
        slot = rng.choice(mine) if mine and rng.random() < 0.8 else rng.choice(list(st.slots))
        owner, m = st.slots[slot]
        if not (owner != b and st.live(slot) and st.count[b] and len(m) == 0 and len(ba) == 0):
            return ("release", b, slot)
    if r < 0.87 and st.slots:
        slot = rng.choice(list(st.slots))
        owner = st.slots[slot][0]
        k = len(st.bufs[owner])
        return ("set", owner, slot, rng.randint(-k - 1, k) if rng.random() < 0.9 else
                pick(rng, M.PTRDIFF_MIN, P), rng.randrange(256))
    if r < 0.93:
        return ("free", b)
    if not st.holds[b] and not st.locked(b):
        return buf_make(rng, st, b)
    return ("resize", b, buf_size(rng, len(ba)))


def buf_gen_case(rng, queue=False):
    st = M.BufState()
    steps = []
    for _ in range(rng.randint(1, 16)):
        s = buf_random_step(rng, st, queue)
        st.step(s)
        steps.append(s)
    return M.BufSeq(steps)


# ------------------------------------------------------- I/O schedules

IO_ERRNOS = (0, IO.EINTR, IO.EIO, IO.EAGAIN, IO.EPIPE, 1, 104, 110, 255)


def io_instr(rng, size):
    """One script instruction, for a transfer of about size bytes."""
    r = rng.random()
    if r < 0.38:
        return bytes([rng.randint(1, max(1, min(size + 2, IO.SIM_ALL - 1)))])
    if r < 0.46:
        return bytes([pick(rng, IO.SIM_ALL, IO.SIM_ALL, 0xE7, 0xFF)])
    if r < 0.56:
        return bytes([IO.SIM_EINTR])
    if r < 0.66:
        return bytes([IO.SIM_EAGAIN])
    if r < 0.72:
        return bytes([IO.SIM_ERROR, rng.choice(IO_ERRNOS)])
    if r < 0.77:
        return bytes([IO.SIM_CLOSE])
    if r < 0.83:
        return bytes([IO.SIM_CLAIM])
    if r < 0.92:
        n = rng.randint(0, size + 300) if rng.random() < 0.8 else pick(rng, 0, 255, 256, 65535)
        return bytes([IO.SIM_MANY, n >> 8, n & 255])
    return b"\x00"


def io_script(rng, size):
    script = b"".join(io_instr(rng, size) for _ in range(rng.randint(0, 10)))
    if rng.random() < 0.05:
        # Cut off inside an instruction: the missing bytes read as 0.
        script += pick(rng, bytes([IO.SIM_ERROR]), bytes([IO.SIM_MANY]),
                       bytes([IO.SIM_MANY, rng.randrange(3)]))
    return script


def io_flags(rng, chain):
    """Now and then read-only, strided (not contiguous unless one item
    long) or released."""
    r = rng.random()
    if r < 0.06:
        return chain + [("ro",)]
    if r < 0.10:
        return chain + [("s", None, None, pick(rng, 2, -1, -2, 3))]
    if r < 0.13:
        return chain + [("rel",)]
    return chain


def io_view(rng, n):
    if rng.random() < 0.4:
        return io_flags(rng, [])
    off = rng.randint(0, n)
    return io_flags(rng, [("sub", off, rng.randint(0, n - off))])


def io_views(rng, n, receiving):
    """Up to 16 views: consecutive pieces of the base (some empty), in
    order or, for a send, shuffled or overlapping."""
    k = rng.randint(0, 6) if rng.random() < 0.9 else rng.randint(7, IO.MAX_VIEWS)
    cuts = sorted(rng.randint(0, n) for _ in range(k + 1))
    views = [io_flags(rng, [("sub", a, b - a)]) if rng.random() < 0.3 else [("sub", a, b - a)]
             for a, b in zip(cuts, cuts[1:])]
    if not receiving and rng.random() < 0.2:
        rng.shuffle(views)
    if not receiving and views and rng.random() < 0.1:
        views[rng.randrange(len(views))] = io_view(rng, n)
    return views


def io_size(rng):
    return rng.randint(0, 64) if rng.random() < 0.9 else rng.randint(200, 700)


def io_case(rng):
    names = [name for name, weight in IO_WEIGHTS for _ in range(weight)]
    name = rng.choice(names)
    receiving = name not in IO.SENDS
    n = io_size(rng)
    data = bytes(rng.randrange(256) for _ in range(n))
    if name in IO.VECTORED:
        views = io_views(rng, n, receiving)
        transport = "vec" if rng.random() < 0.65 else "plain"
    else:
        views = [io_view(rng, n)]
        transport = None
    base = bytearray(data)
    ms = [M.view_of(base, c) for c in views]
    total = sum(0 if M.released(m) else len(m) for m in ms)
    if name == "recv_into":
        k = 0 if M.released(ms[0]) else len(ms[0])
        op = (name, 0 if rng.random() < 0.5 else rng.randint(0, k + 1))
    elif name == "recv_all":
        op = (name, pick(rng, 0, 0, rng.randint(1, 8), rng.randint(1, total + 2)))
    else:
        op = (name,)
    script = io_script(rng, total)
    rounds = pick(rng, 1, 1, 1, 2, 2, 3, 4, IO.MAX_ROUNDS)
    if not receiving:
        cap = pick(rng, total, total, total, rng.randint(0, total), total + rng.randint(1, 9))
        return IO.IoCase(data, views, op, script, rounds, cap=cap, transport=transport)
    size = pick(rng, total, total, rng.randint(0, total), total + rng.randint(1, 20))
    served = bytes(rng.randrange(256) for _ in range(size))
    return IO.IoCase(data, views, op, script, rounds, data=served, transport=transport)


IO_WEIGHTS = (("send_all", 2), ("sendv_all", 3), ("recv_into", 2), ("recv_all", 2),
              ("recvv_all", 3))


def case_line(case):
    """A case's vector line, whatever its family."""
    return IO.line(case) if isinstance(case, IO.IoCase) else M.line(case)


MODES = {
    "": ("CONFORMANCE_CASES", 100000, gen_case, lambda seed: seed),
    "--cursors": ("CONFORMANCE_CURSOR_CASES", 50000, lambda rng: cursor_gen_case(rng, later=True),
                  lambda seed: "%d/cursors" % seed),
    "--buffers": ("CONFORMANCE_BUF_CASES", 20000, lambda rng: buf_gen_case(rng, queue=True),
                  lambda seed: "%d/buffers" % seed),
    "--cuts": ("CONFORMANCE_CUT_CASES", 30000, cut_case, lambda seed: "%d/cuts" % seed),
    "--io": ("CONFORMANCE_IO_CASES", 30000, io_case, lambda seed: "%d/io" % seed),
}


def main():
    args = sys.argv[1:]
    mode = args.pop(0) if args and args[0].startswith("--") else ""
    if len(args) != 1 or mode not in MODES:
        sys.exit("usage: conformance.py [--cursors | --buffers | --cuts | --io] OUT")
    env, default, gen, stream = MODES[mode]
    seed = int(os.environ.get("CONFORMANCE_SEED") or 1)
    count = int(os.environ.get(env) or default)
    rng = random.Random(stream(seed))
    with open(args[0], "w") as out:
        out.write("# conformance cases%s: seed %d, %d cases\n" % (" " + mode[2:] if mode else "",
                                                               seed, count))
        for _ in range(count):
            out.write(case_line(gen(rng)) + "\n")
    print("info: seed=%d cases=%d" % (seed, count))


if __name__ == "__main__":
    main()
