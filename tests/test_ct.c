/*
 * test_ct.c — mv_ct_equal runs in constant time, checked by valgrind
 * memcheck (the ctgrind method).
 *
 * Before each call the compared bytes are marked undefined
 * (VALGRIND_MAKE_MEM_UNDEFINED); after it only the result is marked
 * defined again.  Memcheck reports every conditional jump and every memory
 * address that depends on an undefined value, so any branch or table
 * lookup on the bytes inside mv_ct_equal is an error, and the suite runs
 * the program under `valgrind --error-exitcode=1`.  Outside valgrind the
 * client requests do nothing and the program only checks the results.
 *
 * Cases: contiguous and stride-2 (and reversed) views, equal and unequal
 * (first byte, last byte, a byte in the tail after the last whole block),
 * lengths around the block size of the contiguous path (256) and its tail,
 * and lengths 1 and 2, which take either path.
 *
 * The check can fail, and does: MV_CT_SELFTEST=memcmp in the environment
 * makes the program compare with memcmp (contiguous) or an early-exit loop
 * (strided) on the same marked bytes instead of mv_ct_equal.  Those branch
 * on the bytes, and valgrind then reports "Conditional jump or move depends
 * on uninitialised value(s)" and exits 1.  The ct suite of tests/tests.mk
 * runs that control first and fails when valgrind does not flag it (a
 * valgrind that checked nothing would otherwise pass everything).  The
 * switch is in this program only; the library has none.
 *
 * Built without sanitizers (valgrind cannot run ASan binaries), against
 * the library compiled into the program with the shipped flags (-O2): the
 * property is of the code users run.
 */
#include "mv_test.h"

#include <valgrind/memcheck.h>

#define CT_MAX 70000

static uint8_t bufa[2 * CT_MAX], bufb[2 * CT_MAX];

/* The deliberately branching comparison of MV_CT_SELFTEST=memcmp. */
static bool branching_equal(mv_view a, mv_view b)
{
    size_t n = mv_len(a);
    if (n != mv_len(b))
        return false;
    if (n == 0)
        return true;
    if (mv_contiguous(a) && mv_contiguous(b))
        return memcmp(mv_data(a), mv_data(b), n) == 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t x = 0, y = 0;
        if (mv_get(a, (ptrdiff_t)i, &x) != MV_OK || mv_get(b, (ptrdiff_t)i, &y) != MV_OK)
            return false;
        if (x != y)
            return false;
    }
    return true;
}

static bool selftest;

/* a and b compared with every byte of both buffers (span bytes) undefined;
 * the result alone made defined again. */
static bool ct_compare(mv_view a, mv_view b, size_t span)
{
    VALGRIND_MAKE_MEM_UNDEFINED(bufa, span);
    VALGRIND_MAKE_MEM_UNDEFINED(bufb, span);
    volatile bool r = selftest ? branching_equal(a, b) : mv_ct_equal(a, b);
    VALGRIND_MAKE_MEM_DEFINED((const void *)&r, sizeof r);
    VALGRIND_MAKE_MEM_DEFINED(bufa, span);
    VALGRIND_MAKE_MEM_DEFINED(bufb, span);
    return r;
}

static const size_t lens[] = { 1,   2,   3,   31,  32,  33,  63,  64,  65,   127,  128,
                               129, 255, 256, 257, 300, 511, 512, 513, 1000, 65536, 65537 };

/* n items at stride `stride` (1, 2 or -1) in both buffers, equal, then
 * differing at the first item, the last, the first of the tail after the
 * last whole block of 256 and one in the middle of a block. */
static void ct_layout(ptrdiff_t stride)
{
    for (size_t l = 0; l < sizeof lens / sizeof lens[0]; l++) {
        size_t n = lens[l];
        size_t span = stride == 2 ? 2 * n : n;
        const size_t spots[] = { SIZE_MAX, 0, n - 1, n / 256 * 256, n / 2 };
        for (size_t s = 0; s < sizeof spots / sizeof spots[0]; s++) {
            for (size_t i = 0; i < span; i++)
                bufa[i] = bufb[i] = (uint8_t)(mvt_rand() >> 17);
            size_t at = spots[s];
            bool want = true;
            if (at < n) {
                size_t byte = stride == 2 ? 2 * at : (stride < 0 ? n - 1 - at : at);
                bufb[byte] ^= (uint8_t)(1u << (at % 8));
                want = false;
            }
            mv_view a, b;
            if (mv_from(bufa, span, &a) != MV_OK || mv_from(bufb, span, &b) != MV_OK ||
                mv_slice(a, MV_OMIT, MV_OMIT, stride, &a) != MV_OK ||
                mv_slice(b, MV_OMIT, MV_OMIT, stride, &b) != MV_OK) {
                CHECK(!"views");
                return;
            }
            if (!CHECK_EQ(ct_compare(a, b, span), want))
                printf("  stride %td len %zu difference at %zu\n", stride, n, at);
        }
    }
}

static void ct_contiguous(void)
{
    ct_layout(1);
}

static void ct_stride_two(void)
{
    ct_layout(2);
}

static void ct_reversed(void)
{
    ct_layout(-1);
}

/* Lengths that differ are refused before any byte is read; a contiguous
 * view against a strided one of the same items takes the item loop. */
static void ct_mixed_layouts(void)
{
    for (size_t n = 1; n <= 600; n += 37) {
        for (size_t i = 0; i < 2 * n; i++)
            bufa[i] = bufb[i] = (uint8_t)mvt_rand();
        for (size_t i = 0; i < n; i++)
            bufb[i] = bufa[2 * i];
        mv_view a, b, shorter;
        if (mv_from(bufa, 2 * n, &a) != MV_OK || mv_slice(a, MV_OMIT, MV_OMIT, 2, &a) != MV_OK ||
            mv_from(bufb, n, &b) != MV_OK || mv_from(bufb, n - 1, &shorter) != MV_OK) {
            CHECK(!"views");
            return;
        }
        bool ok = CHECK(ct_compare(a, b, 2 * n));
        ok = CHECK(!ct_compare(a, shorter, 2 * n)) && ok;
        bufb[n - 1] ^= 0x80;
        ok = CHECK(!ct_compare(b, a, 2 * n)) && ok;
        if (!ok)
            printf("  len %zu\n", n);
    }
}

static const mvt_case cases[] = {
    MVT(ct_contiguous),
    MVT(ct_stride_two),
    MVT(ct_reversed),
    MVT(ct_mixed_layouts),
};

int main(void)
{
    const char *mode = getenv("MV_CT_SELFTEST");
    selftest = mode != NULL && strcmp(mode, "memcmp") == 0;
    if (selftest)
        printf("info: control run: a branching comparison valgrind must flag\n");
    return mvt_run(cases, sizeof cases / sizeof cases[0]);
}
