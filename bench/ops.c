/*
 * ops.c — the cost of one view operation against raw pointer code doing
 * the same, one loop per contender.
 *
 *   ops time N REPS   every loop, N iterations, REPS rounds in rotating
 *                     order; prints "LOOP REP SECONDS" per run
 *   ops run LOOP N    one loop once (what callgrind counts: bench/run.py
 *                     runs it with --toggle-collect=loop_LOOP)
 *
 * Every loop reads its arguments from the same small tables (so the
 * compiler cannot fold them), does one operation, and hands the result to
 * an empty asm statement (so the compiler cannot drop it); the set loops
 * store into the buffer, which the compiler must assume is read later.
 * The library is called exactly as a user's program compiled against the
 * installed headers calls it: memview.h is included and the functions are
 * called, out of line while they are defined in src/, inline once the
 * headers define them (nothing here forces either).  BENCH_KEEP_VIEW hands
 * over each field of a resulting view where it already is, register or
 * memory, so it adds no instruction in either case and the loop still
 * cannot be dropped once the operation is inlined.  The base_* loops do
 * the argument loads and the hand-off without the operation: their cost is
 * subtracted from both contenders.
 *
 * The raw contenders do what the library call does, for a contiguous
 * buffer held as a pointer and a length: the same bounds checks, Python's
 * negative indices and clamping where the library has them, no strides.
 * The *_call loops run the same raw code out of line with a view struct
 * passed by value (bench/ops_outline.c): what the call itself costs.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "memview.h"
#include "ops_outline.h"

#define BUF 4096
#define NARGS 1024            /* a power of two: arguments cycle with i & MASK */
#define MASK (NARGS - 1)

static char base[BUF];
static mv_view whole;
static raw_view whole_raw;
static size_t a_off[NARGS], a_len[NARGS], a_adv[NARGS];
static ptrdiff_t a_idx[NARGS], a_start[NARGS], a_stop[NARGS];

static void setup(void)
{
    uint32_t s = 99;
    for (size_t i = 0; i < BUF; i++)
        base[i] = (char)bench_rand(&s);
    if (mv_from(base, BUF, &whole) != MV_OK)
        BENCH_DIE("mv_from");
    whole_raw = (raw_view){ base, BUF, 1, false, false, NULL };
    for (size_t i = 0; i < NARGS; i++) {
        a_off[i] = bench_rand(&s) % BUF;
        a_len[i] = bench_rand(&s) % (BUF - a_off[i] + 1);
        a_adv[i] = bench_rand(&s) % (BUF + 1);
        /* Python indices: negative ones count from the end. */
        a_idx[i] = (ptrdiff_t)(bench_rand(&s) % (2 * BUF)) - BUF;
        /* Bounds a little past both ends, so clamping is exercised. */
        a_start[i] = (ptrdiff_t)(bench_rand(&s) % (2 * BUF + 64)) - BUF - 32;
        a_stop[i] = (ptrdiff_t)(bench_rand(&s) % (2 * BUF + 64)) - BUF - 32;
    }
}

/* Each loop returns how many operations failed (or cursors were reset),
 * which main checks against what the arguments imply. */
typedef size_t (*loop_fn)(size_t n);

/* ------------------------------------------------------------ baselines */

static BENCH_NOINLINE size_t loop_base_none(size_t n)
{
    for (size_t i = 0; i < n; i++)
        BENCH_KEEP(i);
    return 0;
}

static BENCH_NOINLINE size_t loop_base_one(size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t k = a_adv[i & MASK];
        BENCH_KEEP(k);
    }
    return 0;
}

static BENCH_NOINLINE size_t loop_base_two(size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t off = a_off[i & MASK], l = a_len[i & MASK];
        BENCH_KEEP(off);
        BENCH_KEEP(l);
    }
    return 0;
}

static BENCH_NOINLINE size_t loop_base_index(size_t n)
{
    for (size_t i = 0; i < n; i++) {
        ptrdiff_t j = a_idx[i & MASK];
        BENCH_KEEP(j);
    }
    return 0;
}

static BENCH_NOINLINE size_t loop_base_bounds(size_t n)
{
    for (size_t i = 0; i < n; i++) {
        ptrdiff_t a = a_start[i & MASK], b = a_stop[i & MASK];
        BENCH_KEEP(a);
        BENCH_KEEP(b);
    }
    return 0;
}

/* ---------------------------------------------------------- v[off:off+l] */

static BENCH_NOINLINE size_t loop_sub_raw(size_t n)
{
    const char *p = base;
    size_t len = BUF, failed = 0;
    BENCH_HIDE(p);
    BENCH_HIDE(len);
    for (size_t i = 0; i < n; i++) {
        size_t off = a_off[i & MASK], l = a_len[i & MASK];
        if (off > len || l > len - off) {
            failed++;
            continue;
        }
        const char *q = p + off;
        BENCH_KEEP(q);
        BENCH_KEEP(l);
    }
    return failed;
}

static BENCH_NOINLINE size_t loop_sub_mv(size_t n)
{
    mv_view v = whole, out;
    size_t failed = 0;
    for (size_t i = 0; i < n; i++) {
        size_t off = a_off[i & MASK], l = a_len[i & MASK];
        if (mv_sub(v, off, l, &out) != MV_OK) {
            failed++;
            continue;
        }
        BENCH_KEEP_VIEW(out);
    }
    return failed;
}

static BENCH_NOINLINE size_t loop_sub_call(size_t n)
{
    raw_view v = whole_raw, out;
    size_t failed = 0;
    for (size_t i = 0; i < n; i++) {
        size_t off = a_off[i & MASK], l = a_len[i & MASK];
        if (raw_sub(v, off, l, &out) != 0) {
            failed++;
            continue;
        }
        BENCH_KEEP_VIEW(out);
    }
    return failed;
}

/* ------------------------------------------------------------ v = v[k:] */

static BENCH_NOINLINE size_t loop_advance_raw(size_t n)
{
    const char *p = base;
    size_t len = BUF, failed = 0;
    BENCH_HIDE(p);
    BENCH_HIDE(len);
    for (size_t i = 0; i < n; i++) {
        size_t k = a_adv[i & MASK];
        const char *q = p;
        size_t left = len;
        if (k > left) {
            failed++;
            continue;
        }
        q += k;
        left -= k;
        BENCH_KEEP(q);
        BENCH_KEEP(left);
    }
    return failed;
}

static BENCH_NOINLINE size_t loop_advance_mv(size_t n)
{
    mv_view v = whole;
    size_t failed = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = a_adv[i & MASK];
        mv_view c = v;
        if (mv_advance(&c, k) != MV_OK) {
            failed++;
            continue;
        }
        BENCH_KEEP_VIEW(c);
    }
    return failed;
}

static BENCH_NOINLINE size_t loop_advance_call(size_t n)
{
    raw_view v = whole_raw;
    size_t failed = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = a_adv[i & MASK];
        raw_view c = v;
        if (raw_advance(&c, k) != 0) {
            failed++;
            continue;
        }
        BENCH_KEEP_VIEW(c);
    }
    return failed;
}

/* ---------------------------------------------------------------- v[j] */

static BENCH_NOINLINE size_t loop_get_raw(size_t n)
{
    const char *p = base;
    size_t len = BUF, failed = 0;
    BENCH_HIDE(p);
    BENCH_HIDE(len);
    for (size_t i = 0; i < n; i++) {
        ptrdiff_t j = a_idx[i & MASK];
        if (j < 0)
            j += (ptrdiff_t)len;
        if (j < 0 || (size_t)j >= len) {
            failed++;
            continue;
        }
        uint8_t b = (uint8_t)p[j];
        BENCH_KEEP(b);
    }
    return failed;
}

static BENCH_NOINLINE size_t loop_get_mv(size_t n)
{
    mv_view v = whole;
    size_t failed = 0;
    for (size_t i = 0; i < n; i++) {
        ptrdiff_t j = a_idx[i & MASK];
        uint8_t b;
        if (mv_get(v, j, &b) != MV_OK) {
            failed++;
            continue;
        }
        BENCH_KEEP(b);
    }
    return failed;
}

static BENCH_NOINLINE size_t loop_get_call(size_t n)
{
    raw_view v = whole_raw;
    size_t failed = 0;
    for (size_t i = 0; i < n; i++) {
        ptrdiff_t j = a_idx[i & MASK];
        uint8_t b;
        if (raw_get(v, j, &b) != 0) {
            failed++;
            continue;
        }
        BENCH_KEEP(b);
    }
    return failed;
}

/* ------------------------------------------------------------ v[j] = x */

static BENCH_NOINLINE size_t loop_set_raw(size_t n)
{
    char *p = base;
    size_t len = BUF, failed = 0;
    BENCH_HIDE(p);
    BENCH_HIDE(len);
    for (size_t i = 0; i < n; i++) {
        ptrdiff_t j = a_idx[i & MASK];
        if (j < 0)
            j += (ptrdiff_t)len;
        if (j < 0 || (size_t)j >= len) {
            failed++;
            continue;
        }
        p[j] = (char)(uint8_t)i;
    }
    BENCH_CLOBBER();
    return failed;
}

static BENCH_NOINLINE size_t loop_set_mv(size_t n)
{
    mv_view v = whole;
    size_t failed = 0;
    for (size_t i = 0; i < n; i++) {
        ptrdiff_t j = a_idx[i & MASK];
        if (mv_set(v, j, (uint8_t)i) != MV_OK) {
            failed++;
            continue;
        }
    }
    BENCH_CLOBBER();
    return failed;
}

static BENCH_NOINLINE size_t loop_set_call(size_t n)
{
    raw_view v = whole_raw;
    size_t failed = 0;
    for (size_t i = 0; i < n; i++) {
        ptrdiff_t j = a_idx[i & MASK];
        if (raw_set(v, j, (uint8_t)i) != 0) {
            failed++;
            continue;
        }
    }
    BENCH_CLOBBER();
    return failed;
}

/* ------------------------------------------------------------- v[a:b] */

/* Python's clamping of one bound of a step-1 slice. */
static inline ptrdiff_t clamp_bound(ptrdiff_t x, ptrdiff_t n)
{
    if (x < 0) {
        x += n;
        return x < 0 ? 0 : x;
    }
    return x > n ? n : x;
}

static BENCH_NOINLINE size_t loop_slice_raw(size_t n)
{
    const char *p = base;
    size_t len = BUF;
    BENCH_HIDE(p);
    BENCH_HIDE(len);
    for (size_t i = 0; i < n; i++) {
        ptrdiff_t a = clamp_bound(a_start[i & MASK], (ptrdiff_t)len);
        ptrdiff_t b = clamp_bound(a_stop[i & MASK], (ptrdiff_t)len);
        size_t count = b > a ? (size_t)(b - a) : 0;
        const char *q = count > 0 ? p + a : NULL;
        BENCH_KEEP(q);
        BENCH_KEEP(count);
    }
    return 0;
}

static BENCH_NOINLINE size_t loop_slice_mv(size_t n)
{
    mv_view v = whole, out;
    size_t failed = 0;
    for (size_t i = 0; i < n; i++) {
        ptrdiff_t a = a_start[i & MASK], b = a_stop[i & MASK];
        if (mv_slice(v, a, b, MV_OMIT, &out) != MV_OK) {
            failed++;
            continue;
        }
        BENCH_KEEP_VIEW(out);
    }
    return failed;
}

static BENCH_NOINLINE size_t loop_slice_call(size_t n)
{
    raw_view v = whole_raw, out;
    size_t failed = 0;
    for (size_t i = 0; i < n; i++) {
        ptrdiff_t a = a_start[i & MASK], b = a_stop[i & MASK];
        if (raw_slice(v, a, b, &out) != 0) {
            failed++;
            continue;
        }
        BENCH_KEEP_VIEW(out);
    }
    return failed;
}

/* v[a:b:1]: the same slices with an explicit step of 1 (the raw and
 * out-of-line contenders are those of v[a:b], which have no step). */
static BENCH_NOINLINE size_t loop_slice1_mv(size_t n)
{
    mv_view v = whole, out;
    size_t failed = 0;
    for (size_t i = 0; i < n; i++) {
        ptrdiff_t a = a_start[i & MASK], b = a_stop[i & MASK];
        if (mv_slice(v, a, b, 1, &out) != MV_OK) {
            failed++;
            continue;
        }
        BENCH_KEEP_VIEW(out);
    }
    return failed;
}

/* ------------------------------------------- read a big-endian uint32 */

/* Both loops parse the buffer as 1024 words, then start again (one
 * iteration in 1025 resets the cursor instead of reading). */
static BENCH_NOINLINE size_t loop_be32_raw(size_t n)
{
    const char *p = base;
    size_t len = BUF, resets = 0;
    BENCH_HIDE(p);
    BENCH_HIDE(len);
    const char *q = p;
    size_t left = len;
    for (size_t i = 0; i < n; i++) {
        if (left < 4) {
            q = p;
            left = len;
            resets++;
            continue;
        }
        uint32_t x = (uint32_t)(uint8_t)q[0] << 24 | (uint32_t)(uint8_t)q[1] << 16 |
                     (uint32_t)(uint8_t)q[2] << 8 | (uint32_t)(uint8_t)q[3];
        q += 4;
        left -= 4;
        BENCH_KEEP(x);
    }
    return resets;
}

static BENCH_NOINLINE size_t loop_be32_mv(size_t n)
{
    mv_view v = whole, cur = whole;
    size_t resets = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t x;
        if (mv_read_be32(&cur, &x) != MV_OK) {
            cur = v;
            resets++;
            continue;
        }
        BENCH_KEEP(x);
    }
    return resets;
}

static BENCH_NOINLINE size_t loop_be32_call(size_t n)
{
    raw_view v = whole_raw, cur = whole_raw;
    size_t resets = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t x;
        if (raw_read_be32(&cur, &x) != 0) {
            cur = v;
            resets++;
            continue;
        }
        BENCH_KEEP(x);
    }
    return resets;
}

/* --------------------------------------------------------------- driver */

typedef struct loop {
    const char *name;
    loop_fn     fn;
    bool        resets;  /* fails once every 1025 iterations by design */
} loop;

static const loop loops[] = {
    { "base_none", loop_base_none, false },     { "base_one", loop_base_one, false },
    { "base_two", loop_base_two, false },       { "base_index", loop_base_index, false },
    { "base_bounds", loop_base_bounds, false }, { "sub_raw", loop_sub_raw, false },
    { "sub_call", loop_sub_call, false },       { "sub_mv", loop_sub_mv, false },
    { "advance_raw", loop_advance_raw, false }, { "advance_call", loop_advance_call, false },
    { "advance_mv", loop_advance_mv, false },   { "get_raw", loop_get_raw, false },
    { "get_call", loop_get_call, false },       { "get_mv", loop_get_mv, false },
    { "set_raw", loop_set_raw, false },         { "set_call", loop_set_call, false },
    { "set_mv", loop_set_mv, false },           { "slice1_mv", loop_slice1_mv, false },
    { "slice_raw", loop_slice_raw, false },     { "slice_call", loop_slice_call, false },
    { "slice_mv", loop_slice_mv, false },       { "be32_raw", loop_be32_raw, true },
    { "be32_call", loop_be32_call, true },      { "be32_mv", loop_be32_mv, true },
};
#define NLOOPS (sizeof loops / sizeof loops[0])

static void run_checked(const loop *l, size_t n)
{
    size_t expected = l->resets ? n / 1025 : 0;
    if (l->fn(n) != expected) {
        fprintf(stderr, "bench: loop %s: unexpected failure count\n", l->name);
        exit(2);
    }
}

int main(int argc, char **argv)
{
    setup();
    if (argc == 4 && strcmp(argv[1], "time") == 0) {
        size_t n = (size_t)strtoull(argv[2], NULL, 10);
        int reps = atoi(argv[3]);
        for (size_t k = 0; k < NLOOPS; k++)   /* warm up: code and tables in cache */
            run_checked(&loops[k], n / 16 + 1);
        for (int rep = 0; rep < reps; rep++)
            for (size_t k = 0; k < NLOOPS; k++) {
                const loop *l = &loops[(k + (size_t)rep) % NLOOPS];
                double start = bench_now();
                run_checked(l, n);
                printf("%s %d %.9f\n", l->name, rep, bench_now() - start);
            }
        return 0;
    }
    if (argc == 4 && strcmp(argv[1], "run") == 0) {
        for (size_t k = 0; k < NLOOPS; k++)
            if (strcmp(loops[k].name, argv[2]) == 0) {
                run_checked(&loops[k], (size_t)strtoull(argv[3], NULL, 10));
                return 0;
            }
        BENCH_DIE("unknown loop");
    }
    BENCH_DIE("usage: ops time N REPS | ops run LOOP N");
}
