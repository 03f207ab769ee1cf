/*
 * bulk.c — the bulk operations and the search against the libc call (or
 * the simple loop) a user would write instead.
 *
 *   bulk table TARGET_MS REPS CAP_S BUDGET_S N...
 *        every bulk operation at every size N (items), contiguous and with
 *        stride 2, each against its contenders
 *   bulk search TARGET_MS REPS CAP_S BUDGET_S
 *        mv_find against memmem: needles of 4, 8 and 64 bytes, present
 *        near the end and absent, in 1 MiB of text-like bytes
 *   bulk adv TARGET_MS REPS CAP_S BUDGET_S K...
 *        mv_find against memmem: needle a^K b in haystack a^(1 MiB) b
 *
 * Output, one line per measurement:
 *   CASE CONTENDER REP NS_PER_CALL ITERATIONS WALL_NS_PER_CALL
 * NS_PER_CALL is the thread's CPU time (CLOCK_THREAD_CPUTIME_ID) of the
 * batch over its calls: time spent descheduled by other load on a shared
 * machine is not counted.  WALL_NS_PER_CALL is the elapsed time.
 * CASE is "OP/LAYOUT/N" (table), "find/WHAT/M" (search) or "adv/K".  REP
 * is "single" for a contender whose one call took more than CAP_S seconds
 * (measured once, never repeated, so the run stays bounded whatever the
 * implementation); a contender also stops being repeated once it has
 * spent BUDGET_S seconds of one case.
 *
 * Contenders of a case run interleaved (round robin, the order rotating
 * each repetition); each measurement is a batch of calls lasting about
 * TARGET_MS milliseconds.  Every call's result is stored to memory behind
 * a compiler barrier that also makes every buffer "read and written", so
 * no call can be dropped, merged with the next or hoisted out of the loop.
 * The simple loops are written here, in the way a user would write them,
 * and compiled with the same flags (BENCH_CFLAGS, -O2).  Before timing,
 * every contender's result is checked once against a reference.
 */
#define _GNU_SOURCE            /* memmem */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "memview.h"

/* ------------------------------------------------------------ context */

typedef struct ctx {
    size_t    n;        /* items per view */
    ptrdiff_t s;        /* stride of every view (1 or 2) */
    uint8_t  *src;      /* n*s random bytes */
    uint8_t  *eq;       /* a copy of src (equal, compare) */
    uint8_t  *dst;      /* n*s bytes written by the copies */
    uint8_t  *scan;     /* n*s bytes, item n-1 is the only 0xff item */
    char     *out;      /* 2n + 1 hex characters */
    size_t    hay_len;  /* search cases: the haystack (contiguous) */
    const uint8_t *hay;
    size_t    needle_len;
    const uint8_t *needle;
    mv_view   vsrc, veq, vdst, vscan, vhay, vneedle;
    mv_buf    buf;      /* capacity n, emptied before each append */
    size_t    res;      /* every contender stores its result here */
} ctx;

#define COUNT_VALUE 0x5a
#define INDEX_VALUE 0xff
#define FILL_VALUE 0x33
#define NOT_FOUND SIZE_MAX

/* xorshift64*: bench_rand's low bits repeat every 2^16 bytes, which would
 * put copies of the needle early in the haystack. */
static uint32_t rnd(uint64_t *st)
{
    *st ^= *st >> 12;
    *st ^= *st << 25;
    *st ^= *st >> 27;
    return (uint32_t)((*st * 2685821657736338717ull) >> 32);
}

static void fail(const char *what)
{
    fprintf(stderr, "bench: %s\n", what);
    exit(2);
}

/* -------------------------------------- the simple loops a user writes */

static void gather_loop(uint8_t *d, const uint8_t *p, size_t n, ptrdiff_t s)
{
    for (size_t i = 0; i < n; i++)
        d[i] = p[(ptrdiff_t)i * s];
}

static void copy_loop(uint8_t *d, const uint8_t *p, size_t n, ptrdiff_t s)
{
    for (size_t i = 0; i < n; i++)
        d[(ptrdiff_t)i * s] = p[(ptrdiff_t)i * s];
}

static void fill_loop(uint8_t *d, uint8_t v, size_t n, ptrdiff_t s)
{
    for (size_t i = 0; i < n; i++)
        d[(ptrdiff_t)i * s] = v;
}

static bool equal_loop(const uint8_t *a, const uint8_t *b, size_t n, ptrdiff_t s)
{
    for (size_t i = 0; i < n; i++)
        if (a[(ptrdiff_t)i * s] != b[(ptrdiff_t)i * s])
            return false;
    return true;
}

static int compare_loop(const uint8_t *a, const uint8_t *b, size_t n, ptrdiff_t s)
{
    for (size_t i = 0; i < n; i++) {
        uint8_t x = a[(ptrdiff_t)i * s], y = b[(ptrdiff_t)i * s];
        if (x != y)
            return x < y ? -1 : 1;
    }
    return 0;
}

/* Constant time: every byte is read whatever the data (OR of XORs). */
static bool ct_loop(const uint8_t *a, const uint8_t *b, size_t n, ptrdiff_t s)
{
    uint8_t acc = 0;
    for (size_t i = 0; i < n; i++)
        acc |= (uint8_t)(a[(ptrdiff_t)i * s] ^ b[(ptrdiff_t)i * s]);
    return acc == 0;
}

static size_t index_loop(const uint8_t *p, uint8_t v, size_t n, ptrdiff_t s)
{
    for (size_t i = 0; i < n; i++)
        if (p[(ptrdiff_t)i * s] == v)
            return i;
    return NOT_FOUND;
}

static size_t count_loop(const uint8_t *p, uint8_t v, size_t n, ptrdiff_t s)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += p[(ptrdiff_t)i * s] == v;
    return c;
}

static size_t find_loop(const uint8_t *p, size_t n, ptrdiff_t s, const uint8_t *nd, size_t m)
{
    if (m > n)
        return NOT_FOUND;
    for (size_t k = 0; k <= n - m; k++) {
        const uint8_t *q = p + (ptrdiff_t)k * s;
        size_t j = 0;
        while (j < m && q[(ptrdiff_t)j * s] == nd[j])
            j++;
        if (j == m)
            return k;
    }
    return NOT_FOUND;
}

static size_t hex_loop(char *out, const uint8_t *p, size_t n, ptrdiff_t s)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        uint8_t b = p[(ptrdiff_t)i * s];
        out[2 * i] = digits[b >> 4];
        out[2 * i + 1] = digits[b & 15];
    }
    out[2 * n] = '\0';
    return 2 * n;
}

/* ---------------------------------------------------------- contenders */

typedef void (*cfn)(ctx *c, size_t iters);

#define CONTENDER(name, ...)                                  \
    static BENCH_NOINLINE void name(ctx *c, size_t iters)     \
    {                                                         \
        for (size_t it = 0; it < iters; it++) {               \
            __VA_ARGS__                                       \
            BENCH_CLOBBER();                                  \
        }                                                     \
    }

#define OK(call)                         \
    do {                                 \
        if ((call) != MV_OK)             \
            fail(#call " failed");       \
    } while (0)

/* mv_tobytes */
CONTENDER(tobytes_mv, size_t w; OK(mv_tobytes(c->vsrc, c->dst, c->n, &w)); c->res = w;)
CONTENDER(tobytes_memcpy, memcpy(c->dst, c->src, c->n); c->res = c->n;)
CONTENDER(tobytes_loop, gather_loop(c->dst, c->src, c->n, c->s); c->res = c->n;)
/* mv_assign, no overlap */
CONTENDER(assign_mv, OK(mv_assign(c->vdst, c->vsrc)); c->res = c->n;)
CONTENDER(assign_memmove, memmove(c->dst, c->src, c->n); c->res = c->n;)
CONTENDER(assign_loop, copy_loop(c->dst, c->src, c->n, c->s); c->res = c->n;)
/* mv_fill */
CONTENDER(fill_mv, OK(mv_fill(c->vdst, FILL_VALUE)); c->res = c->n;)
CONTENDER(fill_memset, memset(c->dst, FILL_VALUE, c->n); c->res = c->n;)
CONTENDER(fill_loop_c, fill_loop(c->dst, FILL_VALUE, c->n, c->s); c->res = c->n;)
/* mv_equal (equal contents: every byte compared) */
CONTENDER(equal_mv, c->res = mv_equal(c->vsrc, c->veq);)
CONTENDER(equal_memcmp, c->res = memcmp(c->src, c->eq, c->n) == 0;)
CONTENDER(equal_loop_c, c->res = equal_loop(c->src, c->eq, c->n, c->s);)
/* mv_compare */
CONTENDER(compare_mv, c->res = (size_t)(mv_compare(c->vsrc, c->veq) + 1);)
CONTENDER(compare_memcmp,
          int r = memcmp(c->src, c->eq, c->n); c->res = (size_t)((r > 0) - (r < 0) + 1);)
CONTENDER(compare_loop_c, c->res = (size_t)(compare_loop(c->src, c->eq, c->n, c->s) + 1);)
/* mv_ct_equal */
CONTENDER(ct_mv, c->res = mv_ct_equal(c->vsrc, c->veq);)
CONTENDER(ct_memcmp, c->res = memcmp(c->src, c->eq, c->n) == 0;)
CONTENDER(ct_loop_c, c->res = ct_loop(c->src, c->eq, c->n, c->s);)
/* mv_index (the value is the last item) */
CONTENDER(index_mv, size_t pos; OK(mv_index(c->vscan, INDEX_VALUE, 0, MV_OMIT, &pos)); c->res = pos;)
CONTENDER(index_memchr, const uint8_t *q = memchr(c->scan, INDEX_VALUE, c->n);
          c->res = q ? (size_t)(q - c->scan) : NOT_FOUND;)
CONTENDER(index_loop_c, c->res = index_loop(c->scan, INDEX_VALUE, c->n, c->s);)
/* mv_count */
CONTENDER(count_mv, c->res = mv_count(c->vsrc, COUNT_VALUE);)
CONTENDER(count_loop_c, c->res = count_loop(c->src, COUNT_VALUE, c->n, c->s);)
/* mv_find (search cases: vhay / vneedle) */
CONTENDER(find_mv, size_t pos; mv_status st = mv_find(c->vhay, c->vneedle, &pos);
          if (st != MV_OK && st != MV_ENOTFOUND) fail("mv_find");
          c->res = st == MV_OK ? pos : NOT_FOUND;)
CONTENDER(find_memmem, const uint8_t *q = memmem(c->hay, c->hay_len, c->needle, c->needle_len);
          c->res = q ? (size_t)(q - c->hay) : NOT_FOUND;)
CONTENDER(find_loop_c, c->res = find_loop(c->hay, c->hay_len, c->s, c->needle, c->needle_len);)
/* mv_hex */
CONTENDER(hex_mv, size_t w; OK(mv_hex(c->vsrc, c->out, 2 * c->n + 1, '\0', 0, &w)); c->res = w;)
CONTENDER(hex_loop_c, c->res = hex_loop(c->out, c->src, c->n, c->s);)
/* mv_buf_append into a buffer of sufficient capacity */
CONTENDER(append_mv, OK(mv_buf_resize(&c->buf, 0)); OK(mv_buf_append(&c->buf, c->vsrc));
          c->res = mv_buf_len(&c->buf);)
CONTENDER(append_memcpy, memcpy(c->dst, c->src, c->n); c->res = c->n;)
CONTENDER(append_loop, gather_loop(c->dst, c->src, c->n, c->s); c->res = c->n;)
/* cursors */
CONTENDER(read_mv, mv_view cur = c->vsrc; OK(mv_read_bytes(&cur, c->dst, c->n)); c->res = c->n - mv_len(cur);)
CONTENDER(read_memcpy, memcpy(c->dst, c->src, c->n); c->res = c->n;)
CONTENDER(read_loop, gather_loop(c->dst, c->src, c->n, c->s); c->res = c->n;)
CONTENDER(write_mv, mv_view cur = c->vdst; OK(mv_write_view(&cur, c->vsrc)); c->res = c->n - mv_len(cur);)
CONTENDER(write_memcpy, memcpy(c->dst, c->src, c->n); c->res = c->n;)
CONTENDER(write_loop, copy_loop(c->dst, c->src, c->n, c->s); c->res = c->n;)

/* ---------------------------------------------------------- the engine */

typedef struct contender {
    const char *name;
    cfn         fn;
} contender;

/* The calling thread's CPU time: time the process spends descheduled (the
 * machine is shared) is not counted; on a quiet machine it is the elapsed
 * time of these CPU-bound calls. */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static size_t calibrate(ctx *c, cfn fn, double target, double first)
{
    if (first >= target)
        return 1;
    size_t iters = 1;
    double t = first;
    /* Grow until a batch lasts at least a quarter of the target. */
    while (t < target / 4) {
        iters *= 2;
        double start = cpu_now();
        fn(c, iters);
        t = cpu_now() - start;
    }
    double k = target / t * (double)iters;
    return k < 1 ? 1 : (size_t)k;
}

typedef bool (*check_fn)(ctx *c, const char *who);

/* Runs the contenders of one case interleaved; prints every measurement. */
static void measure(const char *cas, ctx *c, const contender *cs, size_t nc, check_fn check,
                    double target, int reps, double cap, double budget)
{
    size_t iters[8];
    double spent[8];
    bool done[8];
    if (nc > 8)
        fail("too many contenders");
    for (size_t k = 0; k < nc; k++) {
        /* The first call checks the result and measures one call. */
        if (check)
            check(c, NULL);          /* reset outputs */
        c->res = NOT_FOUND - 1;
        double first_wall = bench_now();
        double start = cpu_now();
        cs[k].fn(c, 1);
        double first = cpu_now() - start;
        first_wall = bench_now() - first_wall;
        if (check && !check(c, cs[k].name)) {
            fprintf(stderr, "bench: %s: %s gave a wrong result\n", cas, cs[k].name);
            exit(2);
        }
        spent[k] = first;
        done[k] = false;
        if (first > cap) {
            printf("%s %s single %.1f 1 %.1f\n", cas, cs[k].name, first * 1e9, first_wall * 1e9);
            done[k] = true;
            continue;
        }
        iters[k] = calibrate(c, cs[k].fn, target, first);
    }
    for (int rep = 0; rep < reps; rep++)
        for (size_t j = 0; j < nc; j++) {
            size_t k = (j + (size_t)rep) % nc;
            if (done[k])
                continue;
            double wall = bench_now();
            double start = cpu_now();
            cs[k].fn(c, iters[k]);
            double t = cpu_now() - start;
            wall = bench_now() - wall;
            spent[k] += t;
            printf("%s %s %d %.3f %zu %.3f\n", cas, cs[k].name, rep, t / (double)iters[k] * 1e9,
                   iters[k], wall / (double)iters[k] * 1e9);
            if (spent[k] > budget)
                done[k] = true;
        }
    fflush(stdout);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n);
    if (p == NULL)
        fail("out of memory");
    return p;
}

/* ------------------------------------------------------------ the table */

typedef enum { CHK_COPY, CHK_STRIDED_COPY, CHK_FILL, CHK_TRUE, CHK_ZERO_CMP, CHK_INDEX,
               CHK_COUNT, CHK_FIND, CHK_HEX, CHK_APPEND } check_kind;

static check_kind g_kind;
static size_t g_expect;

static bool check_table(ctx *c, const char *who)
{
    size_t n = c->n;
    ptrdiff_t s = c->s;
    if (who == NULL) {           /* reset what the contenders write */
        memset(c->dst, 0, n * (size_t)s);
        memset(c->out, 0, 2 * n + 1);
        return true;
    }
    switch (g_kind) {
    case CHK_COPY:
        for (size_t i = 0; i < n; i++)
            if (c->dst[i] != c->src[(ptrdiff_t)i * s])
                return false;
        return c->res == n;
    case CHK_STRIDED_COPY:
        for (size_t i = 0; i < n; i++)
            if (c->dst[(ptrdiff_t)i * s] != c->src[(ptrdiff_t)i * s])
                return false;
        return c->res == n;
    case CHK_FILL:
        for (size_t i = 0; i < n; i++)
            if (c->dst[(ptrdiff_t)i * s] != FILL_VALUE)
                return false;
        return c->res == n;
    case CHK_TRUE:
        return c->res == 1;
    case CHK_ZERO_CMP:
        return c->res == 1;     /* compare result 0, stored + 1 */
    case CHK_INDEX:
        return c->res == n - 1;
    case CHK_COUNT:
        return c->res == g_expect;
    case CHK_FIND:
        return c->res == g_expect;
    case CHK_HEX: {
        static const char digits[] = "0123456789abcdef";
        for (size_t i = 0; i < n; i++) {
            uint8_t b = c->src[(ptrdiff_t)i * s];
            if (c->out[2 * i] != digits[b >> 4] || c->out[2 * i + 1] != digits[b & 15])
                return false;
        }
        return c->out[2 * n] == '\0' && c->res == 2 * n;
    }
    case CHK_APPEND:
        if (strcmp(who, "memview") == 0) {
            if (c->buf.len != n)
                return false;
            for (size_t i = 0; i < n; i++)
                if ((uint8_t)c->buf.data[i] != c->src[(ptrdiff_t)i * s])
                    return false;
            return c->res == n;
        }
        g_kind = CHK_COPY;
        bool ok = check_table(c, who);
        g_kind = CHK_APPEND;
        return ok;
    }
    return false;
}

typedef struct bulk_op {
    const char *op;
    check_kind  kind;
    contender   contig[3];   /* memview first; NULL-terminated */
    contender   strided[3];
} bulk_op;

static const bulk_op bulk_ops[] = {
    { "tobytes", CHK_COPY, { { "memview", tobytes_mv }, { "memcpy", tobytes_memcpy } },
      { { "memview", tobytes_mv }, { "loop", tobytes_loop } } },
    { "assign", CHK_STRIDED_COPY, { { "memview", assign_mv }, { "memmove", assign_memmove } },
      { { "memview", assign_mv }, { "loop", assign_loop } } },
    { "fill", CHK_FILL, { { "memview", fill_mv }, { "memset", fill_memset } },
      { { "memview", fill_mv }, { "loop", fill_loop_c } } },
    { "equal", CHK_TRUE, { { "memview", equal_mv }, { "memcmp", equal_memcmp } },
      { { "memview", equal_mv }, { "loop", equal_loop_c } } },
    { "compare", CHK_ZERO_CMP, { { "memview", compare_mv }, { "memcmp", compare_memcmp } },
      { { "memview", compare_mv }, { "loop", compare_loop_c } } },
    { "ct_equal", CHK_TRUE,
      { { "memview", ct_mv }, { "memcmp", ct_memcmp }, { "ct_loop", ct_loop_c } },
      { { "memview", ct_mv }, { "ct_loop", ct_loop_c } } },
    { "index", CHK_INDEX, { { "memview", index_mv }, { "memchr", index_memchr } },
      { { "memview", index_mv }, { "loop", index_loop_c } } },
    { "count", CHK_COUNT, { { "memview", count_mv }, { "count_loop", count_loop_c } },
      { { "memview", count_mv }, { "loop", count_loop_c } } },
    { "find", CHK_FIND, { { "memview", find_mv }, { "memmem", find_memmem } },
      { { "memview", find_mv }, { "loop", find_loop_c } } },
    { "hex", CHK_HEX, { { "memview", hex_mv }, { "hex_loop", hex_loop_c } },
      { { "memview", hex_mv }, { "loop", hex_loop_c } } },
    { "buf_append", CHK_APPEND, { { "memview", append_mv }, { "memcpy", append_memcpy } },
      { { "memview", append_mv }, { "loop", append_loop } } },
    { "read_bytes", CHK_COPY, { { "memview", read_mv }, { "memcpy", read_memcpy } },
      { { "memview", read_mv }, { "loop", read_loop } } },
    { "write_view", CHK_STRIDED_COPY, { { "memview", write_mv }, { "memcpy", write_memcpy } },
      { { "memview", write_mv }, { "loop", write_loop } } },
};
#define NBULK (sizeof bulk_ops / sizeof bulk_ops[0])

static void strided_view(uint8_t *p, size_t n, ptrdiff_t s, bool readonly, mv_view *out)
{
    mv_view whole;
    if (readonly)
        OK(mv_from_const(p, n * (size_t)s, &whole));
    else
        OK(mv_from(p, n * (size_t)s, &whole));
    if (s == 1)
        *out = whole;
    else
        OK(mv_slice(whole, 0, MV_OMIT, s, out));
    if (mv_len(*out) != n)
        fail("strided view length");
}

static void table(double target, int reps, double cap, double budget, int nsizes, char **sizes)
{
    for (int si = 0; si < nsizes; si++) {
        size_t n = (size_t)strtoull(sizes[si], NULL, 10);
        if (n < 16)
            fail("size below 16");
        for (ptrdiff_t s = 1; s <= 2; s++) {
            ctx c = { 0 };
            size_t bytes = n * (size_t)s;
            c.n = n;
            c.s = s;
            c.src = xmalloc(bytes);
            c.eq = xmalloc(bytes);
            c.dst = xmalloc(bytes);
            c.scan = xmalloc(bytes);
            c.out = xmalloc(2 * n + 1);
            uint64_t st = 12345;
            for (size_t i = 0; i < bytes; i++) {
                c.src[i] = (uint8_t)rnd(&st);
                c.scan[i] = (uint8_t)(rnd(&st) % 255);   /* never 0xff */
            }
            c.scan[(n - 1) * (size_t)s] = INDEX_VALUE;
            memcpy(c.eq, c.src, bytes);
            strided_view(c.src, n, s, true, &c.vsrc);
            strided_view(c.eq, n, s, true, &c.veq);
            strided_view(c.dst, n, s, false, &c.vdst);
            strided_view(c.scan, n, s, true, &c.vscan);
            OK(mv_buf_init(&c.buf, n));
            /* find: the last 8 items of src, searched for in src */
            uint8_t needle[8];
            for (size_t j = 0; j < 8; j++)
                needle[j] = c.src[(ptrdiff_t)(n - 8 + j) * s];
            c.hay = c.src;
            c.hay_len = n;   /* items: the strided loop steps by s, memmem (s == 1) by bytes */
            c.vhay = c.vsrc;
            c.needle = needle;
            c.needle_len = 8;
            OK(mv_from_const(needle, 8, &c.vneedle));
            size_t expect_count = count_loop(c.src, COUNT_VALUE, n, s);
            size_t expect_find = find_loop(c.src, n, s, needle, 8);
            for (size_t o = 0; o < NBULK; o++) {
                const bulk_op *b = &bulk_ops[o];
                const contender *cs = s == 1 ? b->contig : b->strided;
                size_t nc = 0;
                while (nc < 3 && cs[nc].name != NULL)
                    nc++;
                g_kind = b->kind;
                g_expect = b->kind == CHK_COUNT ? expect_count : expect_find;
                char cas[96];
                snprintf(cas, sizeof cas, "%s/%s/%zu", b->op, s == 1 ? "contiguous" : "stride2", n);
                measure(cas, &c, cs, nc, check_table, target, reps, cap, budget);
            }
            OK(mv_buf_free(&c.buf));
            free(c.src);
            free(c.eq);
            free(c.dst);
            free(c.scan);
            free(c.out);
        }
    }
}

/* ----------------------------------------------------------- searching */

static bool check_find(ctx *c, const char *who)
{
    return who == NULL || c->res == g_expect;
}

static const contender find_contenders[] = { { "memview", find_mv }, { "memmem", find_memmem } };

static void search_case(const char *cas, ctx *c, double target, int reps, double cap, double budget)
{
    OK(mv_from_const(c->hay, c->hay_len, &c->vhay));
    OK(mv_from_const(c->needle, c->needle_len, &c->vneedle));
    const uint8_t *q = memmem(c->hay, c->hay_len, c->needle, c->needle_len);
    g_expect = q ? (size_t)(q - c->hay) : NOT_FOUND;
    if (q)
        printf("case %s position %zu of %zu\n", cas, g_expect, c->hay_len);
    else
        printf("case %s absent of %zu\n", cas, c->hay_len);
    measure(cas, c, find_contenders, 2, check_find, target, reps, cap, budget);
}

/* Text-like bytes: words of lowercase letters (English-like letter
 * frequencies) drawn from a vocabulary with Zipf-like frequencies,
 * separated by spaces, with some commas, full stops and newlines. */
static void make_text(uint8_t *t, size_t n)
{
    static const char letters[] = "eeeeeeeeeeeetttttttttaaaaaaaaoooooooiiiiiiinnnnnnnsssssshhhhhh"
                                  "rrrrrrddddllllcccuuummmwwwffggyyppbbvkjxqz";
    enum { VOCAB = 4000 };
    static char words[VOCAB][16];
    uint64_t st = 2024;
    for (size_t w = 0; w < VOCAB; w++) {
        size_t len = 1 + rnd(&st) % 4 + rnd(&st) % 5 + rnd(&st) % 4;
        for (size_t i = 0; i < len; i++)
            words[w][i] = letters[rnd(&st) % (sizeof letters - 1)];
        words[w][len] = '\0';
    }
    size_t i = 0;
    while (i < n) {
        double u = (double)(rnd(&st) % 1000000) / 1e6;
        size_t w = (size_t)((double)VOCAB * u * u * u);   /* small indices are frequent */
        for (const char *p = words[w]; *p && i < n; p++)
            t[i++] = (uint8_t)*p;
        uint32_t r = rnd(&st) % 100;
        const char *sep = r < 4 ? ", " : r < 7 ? ". " : r < 8 ? ".\n" : " ";
        for (const char *p = sep; *p && i < n; p++)
            t[i++] = (uint8_t)*p;
    }
}

static void search(double target, int reps, double cap, double budget)
{
    size_t n = 1u << 20;
    uint8_t *text = xmalloc(n);
    make_text(text, n);
    ctx c = { 0 };
    c.s = 1;
    c.hay = text;
    c.hay_len = n;
    static const size_t lens[] = { 4, 8, 64 };
    for (size_t li = 0; li < 3; li++) {
        size_t m = lens[li];
        /* Present: the latest substring ending before the last 1 KiB whose
         * first occurrence is where it is taken from (no earlier copy). */
        size_t p = n - 1024 - m;
        for (;; p--) {
            const uint8_t *q = memmem(text, n, text + p, m);
            if (q == text + p)
                break;
            if (p < n / 2)
                fail("no late unique substring");
        }
        uint8_t present[64], absent[64];
        memcpy(present, text + p, m);
        /* Absent: the same with one letter changed, until it occurs nowhere. */
        bool found_absent = false;
        for (size_t j = m / 2; j < m && !found_absent; j++)
            for (char l = 'a'; l <= 'z' && !found_absent; l++) {
                memcpy(absent, present, m);
                absent[j] = (uint8_t)l;
                if (memmem(text, n, absent, m) == NULL)
                    found_absent = true;
            }
        if (!found_absent)
            fail("no absent needle");
        char cas[64];
        c.needle = present;
        c.needle_len = m;
        snprintf(cas, sizeof cas, "find/present/%zu", m);
        search_case(cas, &c, target, reps, cap, budget);
        c.needle = absent;
        snprintf(cas, sizeof cas, "find/absent/%zu", m);
        search_case(cas, &c, target, reps, cap, budget);
    }
    free(text);
}

static void adversarial(double target, int reps, double cap, double budget, int nk, char **ks)
{
    size_t n = 1u << 20;
    uint8_t *hay = xmalloc(n + 1);
    memset(hay, 'a', n);
    hay[n] = 'b';
    for (int i = 0; i < nk; i++) {
        size_t k = (size_t)strtoull(ks[i], NULL, 10);
        if (k > n)
            fail("k above n");
        uint8_t *needle = xmalloc(k + 1);
        memset(needle, 'a', k);
        needle[k] = 'b';
        ctx c = { 0 };
        c.s = 1;
        c.hay = hay;
        c.hay_len = n + 1;
        c.needle = needle;
        c.needle_len = k + 1;
        char cas[64];
        snprintf(cas, sizeof cas, "adv/%zu", k);
        search_case(cas, &c, target, reps, cap, budget);
        if (g_expect != n - k)
            fail("adversarial needle not where expected");
        free(needle);
    }
    free(hay);
}

int main(int argc, char **argv)
{
    if (argc >= 6) {
        double target = atof(argv[2]) * 1e-3;
        int reps = atoi(argv[3]);
        double cap = atof(argv[4]), budget = atof(argv[5]);
        if (strcmp(argv[1], "table") == 0 && argc > 6) {
            table(target, reps, cap, budget, argc - 6, argv + 6);
            return 0;
        }
        if (strcmp(argv[1], "search") == 0 && argc == 6) {
            search(target, reps, cap, budget);
            return 0;
        }
        if (strcmp(argv[1], "adv") == 0 && argc > 6) {
            adversarial(target, reps, cap, budget, argc - 6, argv + 6);
            return 0;
        }
    }
    BENCH_DIE("usage: bulk table|search|adv TARGET_MS REPS CAP_S BUDGET_S [N... | K...]");
}
