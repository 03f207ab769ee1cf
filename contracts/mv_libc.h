/* mv_libc.h — the five string.h functions the fast paths call, taken on
 * trust exactly as the C standard (C11 7.24) states them.
 *
 * Frama-C reads these declarations in place of <string.h> (src/mv_internal.h
 * chooses); C compilers use the system's own.  Each clause says no more than
 * the standard does:
 *  - requires: the pointers are valid even when n is 0 (7.24.1p2), the
 *    objects have n characters, and memcpy's two objects do not overlap
 *    (7.24.2.1: "the behavior is undefined" otherwise);
 *  - ensures: the bytes the standard says are copied, set, compared or
 *    found, each "interpreted as unsigned char" (mv_u8 of the stored char,
 *    contracts/mv_spans.acsl), and the documented return value;
 *  - assigns: the n destination characters and nothing else.
 * README.md lists them with the other trusted contracts.
 *
 * Included only when Frama-C reads the sources (__FRAMAC__).
 */
#ifndef MV_LIBC_H
#define MV_LIBC_H

#include <stddef.h>
#include "mv_spans.acsl"

/*@ requires nonnull: s1 != \null && s2 != \null;
    requires dst: \valid((char *)s1 + (0 .. n - 1));
    requires src: \valid_read((char *)s2 + (0 .. n - 1));
    requires apart: \separated((char *)s1 + (0 .. n - 1), (char *)s2 + (0 .. n - 1));
    terminates \true;
    assigns ((char *)s1)[0 .. n - 1] \from ((char *)s2)[0 .. n - 1];
    assigns \result \from s1;
    ensures copied: \forall integer i; 0 <= i < n ==> ((char *)s1)[i] == \old(((char *)s2)[i]);
    ensures result: \result == s1;
*/
extern void *memcpy(void *restrict s1, const void *restrict s2, size_t n);

/* memmove: "as if the n characters from the object pointed to by s2 are
 * first copied into a temporary array": any overlap is allowed. */
/*@ requires nonnull: s1 != \null && s2 != \null;
    requires dst: \valid((char *)s1 + (0 .. n - 1));
    requires src: \valid_read((char *)s2 + (0 .. n - 1));
    terminates \true;
    assigns ((char *)s1)[0 .. n - 1] \from ((char *)s2)[0 .. n - 1];
    assigns \result \from s1;
    ensures copied: \forall integer i; 0 <= i < n ==> ((char *)s1)[i] == \old(((char *)s2)[i]);
    ensures result: \result == s1;
*/
extern void *memmove(void *s1, const void *s2, size_t n);

/* memset: c converted to unsigned char into each of the first n characters. */
/*@ requires nonnull: s != \null;
    requires dst: \valid((char *)s + (0 .. n - 1));
    terminates \true;
    assigns ((char *)s)[0 .. n - 1] \from c;
    assigns \result \from s;
    ensures set: \forall integer i; 0 <= i < n ==> mv_u8(((char *)s)[i]) == (unsigned char)c;
    ensures result: \result == s;
*/
extern void *memset(void *s, int c, size_t n);

/* memcmp: zero when the first n characters are equal; otherwise its sign is
 * that of the difference of the first pair that differs, as unsigned char.
 * Nothing is said of its magnitude. */
/*@ requires nonnull: s1 != \null && s2 != \null;
    requires s1: \valid_read((char *)s1 + (0 .. n - 1));
    requires s2: \valid_read((char *)s2 + (0 .. n - 1));
    terminates \true;
    assigns \result \from ((char *)s1)[0 .. n - 1], ((char *)s2)[0 .. n - 1];
    ensures equal: \result == 0 <==>
      \forall integer k; 0 <= k < n ==> ((char *)s1)[k] == ((char *)s2)[k];
    ensures less: \result < 0 ==> \exists integer i; 0 <= i < n &&
      (\forall integer k; 0 <= k < i ==> ((char *)s1)[k] == ((char *)s2)[k]) &&
      mv_u8(((char *)s1)[i]) < mv_u8(((char *)s2)[i]);
    ensures greater: \result > 0 ==> \exists integer i; 0 <= i < n &&
      (\forall integer k; 0 <= k < i ==> ((char *)s1)[k] == ((char *)s2)[k]) &&
      mv_u8(((char *)s1)[i]) > mv_u8(((char *)s2)[i]);
*/
extern int memcmp(const void *s1, const void *s2, size_t n);

/* memchr: the first of the n characters equal to c converted to unsigned
 * char, or a null pointer when none is. */
/*@ requires nonnull: s != \null;
    requires bytes: \valid_read((char *)s + (0 .. n - 1));
    terminates \true;
    assigns \result \from s, ((char *)s)[0 .. n - 1], c, n;
    ensures found: \result != \null ==> \exists integer i; 0 <= i < n &&
      (char *)\result == (char *)s + i && mv_u8(((char *)s)[i]) == (unsigned char)c &&
      \forall integer k; 0 <= k < i ==> mv_u8(((char *)s)[k]) != (unsigned char)c;
    ensures absent: \result == \null ==>
      \forall integer k; 0 <= k < n ==> mv_u8(((char *)s)[k]) != (unsigned char)c;
*/
extern void *memchr(const void *s, int c, size_t n);

#endif /* MV_LIBC_H */
