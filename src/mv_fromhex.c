/* mv_fromhex.c — bytes.fromhex: hex digit pairs back to bytes.
 *
 * Module invariant: the text is read through the state machine of
 * contracts/mv_hex.acsl (0 between pairs, 1 after a pair's first digit,
 * 2 failed), and dst is written only by the second pass, after the first
 * has checked the whole text and found room in dst for every byte: a
 * failure writes nothing.  The second pass writes byte k to item k of dst,
 * k below the count the first pass returned.
 */
#include "memview.h"

#include "mv_internal.h"

/* The value of a hex digit of either case, or -1. */
/*@ terminates \true;
    assigns \nothing;
    ensures result: \result == mv_unhex_digit(mv_u8(c));
    ensures range: -1 <= \result <= 15;
*/
static int mv__unhex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Whether c is the ASCII whitespace bytes.fromhex skips between pairs. */
/*@ terminates \true;
    assigns \nothing;
    ensures result: \result == 1 <==> mv_unhex_space(mv_u8(c));
*/
static bool mv__unhex_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* The state after item c read in state s (mv_unhex_step). */
/*@ requires state: s <= 2;
    terminates \true;
    assigns \nothing;
    ensures result: \result == mv_unhex_step(s, mv_u8(c));
    ensures range: \result <= 2;
*/
static unsigned mv__unhex_step(unsigned s, char c)
{
    bool digit = mv__unhex_digit(c) >= 0;
    if (s == 0)
        return digit ? 1u : (mv__unhex_space(c) ? 0u : 2u);
    return s == 1 && digit ? 0u : 2u;
}

/* Pairs end at increasing items, so the counts of the text's prefixes
 * lie between 0 and the whole text's: every byte's index is one of the
 * first mv_unhex_len items of dst. */
/*@ ghost
  /@ terminates \true;
     assigns \nothing;
     ensures grows: \forall integer i; 0 <= i <= t.len ==>
       0 <= mv_unhex_count(t, i) <= mv_unhex_len(t);
  @/
  static void mv__lemma_unhex_grows(mv_view t)
  {
    /@ loop invariant j: 0 <= j <= t.len;
       loop invariant grows: \forall integer i; 0 <= i <= j ==>
         0 <= mv_unhex_count(t, i) <= mv_unhex_count(t, j);
       loop assigns j;
       loop variant t.len - j;
    @/
    for (size_t j = 0; j < t.len; j++) {
      /@ assert step: mv_unhex_count(t, j) <= mv_unhex_count(t, j + 1); @/
    }
  }
*/

/* Pass 1: whether text is valid fromhex input; *n = the bytes it decodes
 * to.  A failed state stays failed, so the scan simply runs to the end. */
/*@ requires valid: mv_valid(text);
    requires n_valid: \valid(n);
    terminates \true;
    assigns *n;
    ensures result: \result == 1 <==> mv_unhex_valid(text);
    ensures count: *n == mv_unhex_len(text);
*/
static bool mv__unhex_scan(mv_view text, size_t *n)
{
    size_t count = 0;
    unsigned state = 0;
    const char *p = text.data;
    /*@ loop invariant i: 0 <= i <= text.len;
        loop invariant p: i < text.len ==> p == mv_item(text, i);
        loop invariant state: state == mv_unhex_state(text, i) && state <= 2;
        loop invariant count: count == mv_unhex_count(text, i) && count <= i;
        loop assigns i, p, state, count;
        loop variant text.len - i;
    */
    for (size_t i = 0; i < text.len; i++) {
        //@ assert at: mv_at(text, i) == mv_u8(*p);
        if (state == 1 && mv__unhex_digit(*p) >= 0)
            count++;
        state = mv__unhex_step(state, *p);
        if (i + 1 < text.len)
            p += text.stride;
    }
    *n = count;
    return state == 0;
}

/* Pass 2: the byte of every pair of text to its item of dst.  Stated
 * about the text as it was on entry (Pre): only dst's items, none of
 * them one of text's, are written. */
/*@ requires valid: mv_valid(text) && mv_valid(dst);
    requires writable: dst.readonly == 0;
    requires apart: mv_items_apart(dst, text);
    requires room: mv_unhex_len(text) <= dst.len;
    terminates \true;
    assigns { *mv_item(dst, k) | integer k; 0 <= k < mv_unhex_len(text) };
    ensures bytes: \forall integer i; 0 <= i < text.len ==> \old(mv_unhex_ends(text, i)) ==>
      mv_at(dst, \old(mv_unhex_count(text, i))) == \old(mv_unhex_byte(text, i));
*/
static void mv__unhex_write(mv_view text, mv_view dst)
{
    //@ ghost mv__lemma_unhex_grows(text);
    size_t count = 0;
    unsigned state = 0;
    int hi = 0;
    const char *p = text.data;
    /*@ loop invariant i: 0 <= i <= text.len;
        loop invariant p: i < text.len ==> p == mv_item(text, i);
        loop invariant state: state == mv_unhex_state{Pre}(text, i) && state <= 2;
        loop invariant count: count == mv_unhex_count{Pre}(text, i) && count <= i;
        loop invariant pending: state == 1 ==> 0 <= hi <= 15 && 1 <= i &&
          hi == mv_unhex_digit(mv_at{Pre}(text, i - 1));
        loop invariant below: \forall integer k; 0 <= k < i ==> mv_unhex_ends{Pre}(text, k) ==>
          mv_unhex_count{Pre}(text, k) < count;
        loop invariant done: \forall integer k; 0 <= k < i ==> mv_unhex_ends{Pre}(text, k) ==>
          mv_at(dst, mv_unhex_count{Pre}(text, k)) == mv_unhex_byte{Pre}(text, k);
        loop assigns i, p, state, count, hi,
          { *mv_item(dst, k) | integer k; 0 <= k < mv_unhex_len{Pre}(text) };
        loop variant text.len - i;
    */
    for (size_t i = 0; i < text.len; i++) {
        //@ assert unchanged: mv_at(text, i) == mv_at{Pre}(text, i);
        //@ assert at: mv_at{Pre}(text, i) == mv_u8(*p);
        int d = mv__unhex_digit(*p);
        if (state == 1 && d >= 0) {
            /* The pair ends here: its byte is the count-th of the text. */
            //@ assert ends: mv_unhex_ends{Pre}(text, i);
            //@ assert next: mv_unhex_count{Pre}(text, i + 1) == count + 1;
            //@ assert index: count < mv_unhex_len{Pre}(text) <= dst.len;
            //@ ghost mv__lemma_distinct(dst, (ptrdiff_t)count);
            *mv__item(dst, (ptrdiff_t)count) = mv__s8((uint8_t)(hi * 16 + d));
            //@ assert new: mv_at(dst, count) == mv_unhex_byte{Pre}(text, i);
            /*@ assert kept: \forall integer k; 0 <= k < i ==> mv_unhex_ends{Pre}(text, k) ==>
                  mv_at(dst, mv_unhex_count{Pre}(text, k)) == mv_unhex_byte{Pre}(text, k); */
            count++;
        }
        state = mv__unhex_step(state, *p);
        hi = d;
        if (i + 1 < text.len)
            p += text.stride;
    }
}

mv_status mv_fromhex_size(mv_view text, size_t *n)
{
    if (n == NULL)
        return MV_EINVAL;
    if (text.released)
        return MV_ERELEASED;
    size_t count;
    if (!mv__unhex_scan(text, &count))
        return MV_EINVAL;
    *n = count;
    return MV_OK;
}

mv_status mv_fromhex(mv_view text, mv_view dst, size_t *written)
{
    if (written == NULL)
        return MV_EINVAL;
    if (text.released || dst.released)
        return MV_ERELEASED;
    if (dst.readonly)
        return MV_EREADONLY;
    size_t n;
    if (!mv__unhex_scan(text, &n))
        return MV_EINVAL;
    if (n > dst.len)
        return MV_ERANGE;
    mv__unhex_write(text, dst);
    *written = n;
    return MV_OK;
}
