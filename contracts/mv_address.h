/* mv_address.h — the one function of the library taken on trust that is
 * not a libc or OS function: where a pointer lies within a block, found in
 * constant time by comparing addresses.
 *
 * C orders only pointers into the same object, and WP's typed memory model
 * cannot state an address as a number, so no proof can reach the order of
 * two unrelated pointers.  The library's own definition (src/mv_internal.h)
 * converts both pointers to uintptr_t and compares the integers, which is
 * exact on every flat-address target; Frama-C reads this declaration
 * instead, and tests/test_address.c checks the definition against the
 * byte-by-byte search this contract describes.  README.md lists it with
 * the other trusted contracts.
 *
 * Included only when Frama-C reads the sources (__FRAMAC__).
 */
#ifndef MV_ADDRESS_H
#define MV_ADDRESS_H

#include <stddef.h>

/* The offset of p among the n bytes at block, or n when p is none of them.
 * Only equality of p with a byte of the block is stated: the same facts a
 * search comparing p with block + 0, ..., block + n - 1 would establish. */
/*@ requires bytes: n >= 1;
    terminates \true;
    assigns \result \from block, n, p;
    ensures range: \result <= n;
    ensures found: \result < n ==> p == block + \result;
    ensures absent: \result == n ==> \separated(p, block + (0 .. n - 1));
*/
extern size_t mv__offset_in(const char *block, size_t n, const char *p);

#endif /* MV_ADDRESS_H */
