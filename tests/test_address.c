/*
 * test_address.c — mv__offset_in, the library's one trusted function that
 * is not libc's or the OS's (contracts/mv_address.h).
 *
 * Its contract says what a search comparing p with each byte of the block
 * for equality would find; the definition compares addresses as integers.
 * The oracle here is that search, run on pointers inside, before and after
 * blocks of one array and on pointers into other objects.
 */
#include "mv_test.h"
#include "mv_internal.h"

/* The contract's own statement: the first k with block + k == p, else n. */
static size_t scan_offset(const char *block, size_t n, const char *p)
{
    for (size_t k = 0; k < n; k++)
        if (block + k == p)
            return k;
    return n;
}

#define ARENA 96

/* Every block [lo, lo + n) of one array against every pointer into it
 * (one past the end included): inside, just before, just after. */
static void test_every_block_of_one_array(void)
{
    static char arena[ARENA];
    for (size_t lo = 0; lo < ARENA; lo++)
        for (size_t n = 1; lo + n <= ARENA; n++)
            for (size_t at = 0; at <= ARENA; at++) {
                const char *block = arena + lo, *p = arena + at;
                size_t want = scan_offset(block, n, p);
                if (!CHECK_EQU(mv__offset_in(block, n, p), want))
                    return;
            }
}

/* Pointers into other objects are never inside the block, whatever their
 * addresses are relative to it. */
static void test_other_objects(void)
{
    static char below[16], block[32], above[16];
    char on_stack[8];
    char *heap = malloc(8);
    CHECK(heap != NULL);
    const char *others[] = { below, below + 15, above, above + 15, on_stack, on_stack + 7, heap, heap + 7 };
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
        for (size_t n = 1; n <= sizeof block; n++)
            CHECK_EQU(mv__offset_in(block, n, others[i]), n);
    free(heap);
}

/* mv__blocks_apart, built on it: two blocks of one array share a byte
 * exactly when their index ranges intersect. */
static void test_blocks_apart(void)
{
    static char arena[40];
    for (size_t a = 0; a < 40; a++)
        for (size_t n = 1; a + n <= 40; n++)
            for (size_t b = 0; b < 40; b++)
                for (size_t m = 1; b + m <= 40; m++) {
                    bool intersect = a < b + m && b < a + n;
                    if (!CHECK(mv__blocks_apart(arena + a, n, arena + b, m) == !intersect))
                        return;
                }
}

static const mvt_case cases[] = {
    MVT(test_every_block_of_one_array),
    MVT(test_other_objects),
    MVT(test_blocks_apart),
};

MVT_MAIN(cases)
