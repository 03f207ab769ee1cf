/* mv_find.c — finding a view's items inside another's (bytes.find), in
 * linear worst-case time: Knuth–Morris–Pratt.
 *
 * The failure table t of the needle N (m items) holds, for 1 <= q < m, the
 * length of the longest border of N[0..q) (contracts/mv_find.acsl): after
 * q items matched and a mismatch, the next start that can still match is
 * q - t[q] further on, with t[q] items already matched.  A match starting
 * in between would make a border longer than t[q]; the table's maximality
 * is what proves that none is skipped (mv__lemma_skip).
 *
 * Running time, the potential argument: the scan's state is (i, q), i the
 * haystack items consumed, q the needle items matched.  Each step either
 * consumes an item (i + 1, q + 1, or i + 1 with q = 0) or falls back
 * (q = t[q] < q), so 2 * i - q grows by at least 1 each step and never
 * exceeds 2 * n: at most 2 * n steps, one comparison each.  The memchr skip
 * (contiguous haystack, nothing matched) only increases i, and reads each
 * byte it skips once.  The table is built the same way over the needle
 * (2 * q - k grows): at most 2 * m steps.  Both bounds are the loops'
 * variants (2 * (n - i) + q and 2 * (m - q) + k decrease), so WP checks
 * them.
 *
 * The table is a stack array for needles of up to MV_FIND_STACK items
 * (2 KiB of stack: small enough for any thread, large enough that the
 * usual delimiters and tokens never allocate), and a malloc'd block beyond.
 */
#include "memview.h"

#include "mv_internal.h"

#ifndef __FRAMAC__
#include <stdint.h>
#endif

/*@ ghost size_t *mv_find_heap_table; */

/* The table's block: n size_t from malloc, and back to free.  For the
 * proof these are declared in contracts/memview_os.h with malloc's and
 * free's contracts restated for a block of size_t (WP's typed memory model
 * cannot follow the conversion between void * and size_t *).  The caller
 * keeps n * sizeof(size_t) within size_t. */
#ifndef __FRAMAC__
static size_t *mv__table_alloc(size_t n)
{
    return MV_MALLOC(n * sizeof(size_t));
}

static void mv__table_free(size_t *t)
{
    MV_FREE(t);
}
#endif

/* ---------------------------------------------------------------------
 * Lemma functions: facts about borders and partial matches, each proven
 * once; every step of the two loops below calls the one it needs.
 * ------------------------------------------------------------------- */

/* A border of N[0..q+1) of c >= 1 items is a border of N[0..q) of c - 1
 * items followed by N[q]. */
/*@ ghost
  /@ requires q: q >= 1;
     terminates \true;
     assigns \nothing;
     ensures shrink: \forall integer c; 1 <= c ==> mv_border(v, q + 1, c) ==>
       mv_border(v, q, c - 1) && *mv_item(v, c - 1) == *mv_item(v, q);
  @/
  static void mv__lemma_shrink(mv_view v, size_t q)
  {
  }
*/

/* Two borders of one prefix: the shorter is a border of the longer. */
/*@ ghost
  /@ requires border: mv_border(v, q, k);
     terminates \true;
     assigns \nothing;
     ensures nested: \forall integer b; b < k ==> mv_border(v, q, b) ==> mv_border(v, k, b);
  @/
  static void mv__lemma_nested(mv_view v, size_t q, size_t k)
  {
    /@ assert \forall integer j; 0 <= j < k ==> *mv_item(v, j) == *mv_item(v, q - k + j); @/
  }
*/

/* A border of a border is a border. */
/*@ ghost
  /@ requires outer: mv_border(v, q, k);
     requires inner: mv_border(v, k, b);
     terminates \true;
     assigns \nothing;
     ensures border: mv_border(v, q, b);
  @/
  static void mv__lemma_trans(mv_view v, size_t q, size_t k, size_t b)
  {
    /@ assert \forall integer j; 0 <= j < b ==> *mv_item(v, k - b + j) == *mv_item(v, q - b + j); @/
  }
*/

/* Table step: N[k] == N[q] extends the border k of N[0..q), and no longer
 * border extends, so k + 1 is the longest border of N[0..q+1). */
/*@ ghost
  /@ requires range: k < q;
     requires border: mv_border(v, q, k);
     requires longest: mv_no_longer_extension(v, q, k);
     requires equal: *mv_item(v, k) == *mv_item(v, q);
     terminates \true;
     assigns \nothing;
     ensures border: mv_border(v, q + 1, k + 1);
     ensures longest: mv_longest_border(v, q + 1, k + 1);
     ensures next: mv_no_longer_extension(v, q + 1, k + 1);
  @/
  static void mv__lemma_extend(mv_view v, size_t q, size_t k)
  {
    mv__lemma_shrink(v, q);
  }
*/

/* Table step: no border of N[0..q) extends by N[q], and neither does the
 * empty one: N[0..q+1) has no border but the empty one. */
/*@ ghost
  /@ requires range: q >= 1;
     requires longest: mv_no_longer_extension(v, q, 0);
     requires differ: *mv_item(v, 0) != *mv_item(v, q);
     terminates \true;
     assigns \nothing;
     ensures border: mv_border(v, q + 1, 0);
     ensures longest: mv_longest_border(v, q + 1, 0);
     ensures next: mv_no_longer_extension(v, q + 1, 0);
  @/
  static void mv__lemma_restart(mv_view v, size_t q)
  {
    mv__lemma_shrink(v, q);
    /@ assert none: \forall integer c; 0 < c < q + 1 ==> !mv_border(v, q + 1, c); @/
  }
*/

/* Table step: the border k of N[0..q) does not extend by N[q]; the next
 * candidate is the longest border tk of N[0..k), itself a border of
 * N[0..q), and no border in between extends either (one would be a border
 * of N[0..k) longer than tk). */
/*@ ghost
  /@ requires range: 0 < k < q;
     requires border: mv_border(v, q, k);
     requires longest: mv_no_longer_extension(v, q, k);
     requires differ: *mv_item(v, k) != *mv_item(v, q);
     requires table: mv_longest_border(v, k, tk);
     terminates \true;
     assigns \nothing;
     ensures border: mv_border(v, q, tk);
     ensures longest: mv_no_longer_extension(v, q, tk);
  @/
  static void mv__lemma_fall_back(mv_view v, size_t q, size_t k, size_t tk)
  {
    mv__lemma_trans(v, q, k, tk);
    mv__lemma_nested(v, q, k);
  }
*/

/* Scan step: hay[i] == N[q] extends the partial match. */
/*@ ghost
  /@ requires prefix: mv_prefix_before(h, n, i, q);
     requires equal: *mv_item(h, i) == *mv_item(n, q);
     terminates \true;
     assigns \nothing;
     ensures prefix: mv_prefix_before(h, n, i + 1, q + 1);
  @/
  static void mv__lemma_advance(mv_view h, mv_view n, size_t i, size_t q)
  {
  }
*/

/* A match starts with N[0]. */
/*@ ghost
  /@ requires needle: n.len >= 1;
     terminates \true;
     assigns \nothing;
     ensures first: \forall integer k; mv_match_at(h, n, k) ==> *mv_item(h, k) == *mv_item(n, 0);
  @/
  static void mv__lemma_first(mv_view h, mv_view n)
  {
    /@ assert \forall integer k; mv_match_at(h, n, k) ==> *mv_item(h, k + 0) == *mv_item(n, 0); @/
  }
*/

/* Scan step (memchr): none of the d items of a contiguous hay from item i
 * on (at from) is N[0], so no match starts there. */
/*@ ghost
  /@ requires needle: n.len >= 1;
     requires contiguous: h.stride == 1 && from == mv_item(h, i);
     requires skipped: mv_no_match_before(h, n, i);
     requires differ: \forall integer k; 0 <= k < d ==> mv_u8(from[k]) != mv_u8(*mv_item(n, 0));
     terminates \true;
     assigns \nothing;
     ensures skipped: mv_no_match_before(h, n, i + d);
  @/
  static void mv__lemma_skip_to(mv_view h, mv_view n, size_t i, size_t d, const char *from)
  {
    mv__lemma_first(h, n);
    /@ assert at: \forall integer k; i <= k < i + d ==> mv_item(h, k) == from + (k - i); @/
    /@ assert differ: \forall integer k; i <= k < i + d ==>
         mv_u8(*mv_item(h, k)) != mv_u8(*mv_item(n, 0)) && *mv_item(h, k) != *mv_item(n, 0); @/
  }
*/

/* Scan step (strided skip): none of items i .. j-1 is N[0], so no match
 * starts there. */
/*@ ghost
  /@ requires needle: n.len >= 1;
     requires skipped: mv_no_match_before(h, n, i);
     requires differ: \forall integer k; i <= k < j ==> *mv_item(h, k) != *mv_item(n, 0);
     terminates \true;
     assigns \nothing;
     ensures skipped: mv_no_match_before(h, n, j);
  @/
  static void mv__lemma_skip_items(mv_view h, mv_view n, size_t i, size_t j)
  {
    mv__lemma_first(h, n);
  }
*/

/* Scan end: no match starts before s, and none can start at s or later
 * and fit in hay. */
/*@ ghost
  /@ requires skipped: mv_no_match_before(h, n, s);
     requires short: h.len < s + n.len;
     terminates \true;
     assigns \nothing;
     ensures absent: mv_no_match(h, n);
  @/
  static void mv__lemma_too_short(mv_view h, mv_view n, size_t s)
  {
  }
*/

/* Scan step: q items matched before i and hay[i] != N[q].  A match
 * starting at k, i - q < k < i, would make i - k a border of N[0..q)
 * longer than t[q]; one starting at i - q would need hay[i] == N[q].  So
 * the next start is i - t[q], with t[q] items matched. */
/*@ ghost
  /@ requires range: 1 <= q < n.len && q <= i;
     requires prefix: mv_prefix_before(h, n, i, q);
     requires differ: *mv_item(h, i) != *mv_item(n, q);
     requires table: mv_longest_border(n, q, tq);
     requires skipped: mv_no_match_before(h, n, i - q);
     terminates \true;
     assigns \nothing;
     ensures prefix: mv_prefix_before(h, n, i, tq);
     ensures skipped: mv_no_match_before(h, n, i - tq);
  @/
  static void mv__lemma_skip(mv_view h, mv_view n, size_t i, size_t q, size_t tq)
  {
    /@ assert borders: \forall integer k; i - q < k < i ==> mv_match_at(h, n, k) ==>
         mv_border(n, q, i - k); @/
  }
*/

/* ---------------------------------------------------------------------
 * The table and the scan.
 * ------------------------------------------------------------------- */

/* Item i of v, as stored. */
/*@ requires valid: mv_valid(v);
    requires index: i < v.len;
    terminates \true;
    assigns \nothing;
    ensures result: \result == *mv_item(v, i);
*/
static inline char mv__find_item(mv_view v, size_t i)
{
    //@ assert span: mv_span_lo(v.len, v.stride) <= i * v.stride <= mv_span_hi(v.len, v.stride);
    return v.data[(ptrdiff_t)i * v.stride];
}

/* The address of item i of v (an opaque value for the provers, so that
 * memchr's result about the bytes from it keeps a simple shape). */
/*@ requires valid: mv_valid(v);
    requires index: i < v.len;
    terminates \true;
    assigns \nothing;
    ensures result: \result == mv_item(v, i);
*/
static inline const char *mv__find_ptr(mv_view v, size_t i)
{
    //@ assert span: mv_span_lo(v.len, v.stride) <= i * v.stride <= mv_span_hi(v.len, v.stride);
    return v.data + (ptrdiff_t)i * v.stride;
}

/* The first index j of i .. last whose item is c, or last + 1: the strided
 * haystack's twin of the memchr skip, a tight loop over item pointers. */
/*@ requires valid: mv_valid(v);
    requires range: i <= last < v.len;
    terminates \true;
    assigns \nothing;
    ensures range: i <= \result <= last + 1;
    ensures differ: \forall integer k; i <= k < \result ==> *mv_item(v, k) != c;
    ensures found: \result <= last ==> *mv_item(v, \result) == c;
*/
static size_t mv__skip_to_item(mv_view v, size_t i, size_t last, char c)
{
    const char *p = mv__find_ptr(v, i);
    /*@ loop invariant range: i <= j <= last;
        loop invariant p: p == mv_item(v, j);
        loop invariant differ: \forall integer k; i <= k < j ==> *mv_item(v, k) != c;
        loop assigns j, p;
        loop variant last - j;
    */
    for (size_t j = i;; j++) {
        if (*p == c)
            return j;
        if (j == last)
            return last + 1;
        /* j + 1 <= last: the next item exists, so p stays inside. */
        p += v.stride;
    }
}

/* t[q] = b, the longest border of N[0..q), after t[1 .. q-1]. */
/*@ requires index: q >= 1 && \valid(t + q);
    requires table: mv_fail_table(v, t, q);
    requires border: mv_longest_border(v, q, b);
    terminates \true;
    assigns t[q];
    ensures table: mv_fail_table(v, t, q + 1);
*/
static inline void mv__kmp_set(mv_view v, size_t *t, size_t q, size_t b)
{
    (void)v; /* the proof's */
    t[q] = b;
    //@ assert kept: \forall integer j; 1 <= j < q ==> t[j] == \at(t[j], Pre);
}

/* t[1 .. m-1] = the failure table of the needle's m items.  k is the
 * border of N[0..q) being tried for N[0..q+1): the longest one that may
 * still extend by N[q]. */
/*@ requires valid: mv_valid(needle) && needle.len >= 2;
    requires table: \valid(t + (1 .. needle.len - 1));
    terminates \true;
    assigns t[1 .. needle.len - 1];
    ensures table: mv_fail_table(needle, t, needle.len);
*/
static void mv__kmp_table(mv_view needle, size_t *t)
{
    size_t m = needle.len, q = 1, k = 0;
    mv__kmp_set(needle, t, 1, 0);
    /*@ loop invariant range: 1 <= q < m && k < q;
        loop invariant table: mv_fail_table(needle, t, q + 1);
        loop invariant border: mv_border(needle, q, k);
        loop invariant longest: mv_no_longer_extension(needle, q, k);
        loop assigns q, k, t[2 .. m - 1];
        loop variant 2 * (m - q) + k;
    */
    while (q + 1 < m) {
        char c = mv__find_item(needle, q);
        if (mv__find_item(needle, k) == c) {
            //@ ghost mv__lemma_extend(needle, q, k);
            mv__kmp_set(needle, t, q + 1, k + 1);
            k++;
            q++;
        } else if (k == 0) {
            //@ ghost mv__lemma_restart(needle, q);
            mv__kmp_set(needle, t, q + 1, 0);
            q++;
        } else {
            //@ ghost mv__lemma_fall_back(needle, q, k, t[k]);
            k = t[k];
        }
    }
}

/* The first match of needle in hay, or hay.len when there is none.  q
 * items of the needle are matched before hay item i, and no match starts
 * before i - q. */
/*@ requires valid: mv_valid(hay) && mv_valid(needle);
    requires lens: 1 <= needle.len <= hay.len;
    requires table: needle.len == 1 || \valid_read(t + (1 .. needle.len - 1));
    requires failure: mv_fail_table(needle, t, needle.len);
    terminates \true;
    assigns \nothing;
    ensures range: \result <= hay.len;
    ensures found: \result < hay.len ==> \result + needle.len <= hay.len &&
      mv_match_at(hay, needle, \result) && mv_no_match_before(hay, needle, \result);
    ensures absent: \result == hay.len ==> mv_no_match(hay, needle);
*/
static size_t mv__kmp_scan(mv_view hay, mv_view needle, const size_t *t)
{
    size_t n = hay.len, m = needle.len, i = 0, q = 0;
    char first = mv__find_item(needle, 0);
    /*@ loop invariant range: q < m && q <= i <= n;
        loop invariant prefix: mv_prefix_before(hay, needle, i, q);
        loop invariant skipped: mv_no_match_before(hay, needle, i - q);
        loop assigns i, q;
        loop variant 2 * (n - i) + q;
    */
    for (;;) {
        if (n - i < m - q) {
            /* Too few items left to complete a match from here or later. */
            //@ ghost mv__lemma_too_short(hay, needle, i - q);
            return n;
        }
        if (q == 0 && hay.stride == 1) {
            /* Nothing matched: no match starts before the next N[0]. */
            const char *from = mv__find_ptr(hay, i);
            size_t room = n - m - i + 1;
            const char *p = memchr(from, mv__u8(first), room);
            if (p == NULL) {
                //@ ghost mv__lemma_skip_to(hay, needle, i, room, from);
                //@ ghost mv__lemma_too_short(hay, needle, n - m + 1);
                return n;
            }
            size_t d = (size_t)(p - from);
            //@ ghost mv__lemma_skip_to(hay, needle, i, d, from);
            //@ assert found: mv_u8(from[d]) == mv_u8(first) && from + d == mv_item(hay, i + d);
            i += d;
            //@ assert at_first: *mv_item(hay, i) == first;
        } else if (q == 0) {
            /* The same skip over a strided hay. */
            size_t j = mv__skip_to_item(hay, i, n - m, first);
            //@ ghost mv__lemma_skip_items(hay, needle, i, j);
            if (j > n - m) {
                //@ ghost mv__lemma_too_short(hay, needle, n - m + 1);
                return n;
            }
            i = j;
        }
        //@ assert at_first: q == 0 ==> *mv_item(hay, i) == *mv_item(needle, 0);
        char c = mv__find_item(hay, i);
        if (c == mv__find_item(needle, q)) {
            //@ ghost mv__lemma_advance(hay, needle, i, q);
            i++;
            q++;
            if (q == m) {
                //@ assert match: mv_match_at(hay, needle, i - m);
                return i - m;
            }
        } else {
            /* q >= 1: with nothing matched, the skip above stopped at N[0]. */
            //@ ghost mv__lemma_skip(hay, needle, i, q, t[q]);
            q = t[q];
        }
    }
}

/* Whether p is none of the n items at block.  Pointer equality only (C
 * defines it for any two pointers).  malloc never returns a block that
 * holds a live object such as *pos; checking it lets the proof rely on
 * nothing more than malloc returning valid memory. */
/*@ requires items: n >= 1;
    terminates \true;
    assigns \nothing;
    ensures apart: \result == 1 ==> \separated(p, block + (0 .. n - 1));
*/
static bool mv__apart(const size_t *block, size_t n, const size_t *p)
{
    /*@ loop invariant range: k <= n;
        loop invariant apart: k == 0 || \separated(p, block + (0 .. k - 1));
        loop assigns k;
        loop variant n - k;
    */
    for (size_t k = 0; k < n; k++)
        if (block + k == p)
            return false;
    return true;
}

/* mv__kmp_scan after building the table in t (m entries). */
/*@ requires valid: mv_valid(hay) && mv_valid(needle);
    requires lens: 1 <= needle.len <= hay.len;
    requires table: \valid(t + (0 .. needle.len - 1));
    terminates \true;
    assigns t[1 .. needle.len - 1];
    ensures range: \result <= hay.len;
    ensures found: \result < hay.len ==> \result + needle.len <= hay.len &&
      mv_match_at(hay, needle, \result) && mv_no_match_before(hay, needle, \result);
    ensures absent: \result == hay.len ==> mv_no_match(hay, needle);
*/
static size_t mv__kmp(mv_view hay, mv_view needle, size_t *t)
{
    if (needle.len >= 2)
        mv__kmp_table(needle, t);
    return mv__kmp_scan(hay, needle, t);
}

mv_status mv_find(mv_view hay, mv_view needle, size_t *pos)
{
    if (pos == NULL)
        return MV_EINVAL;
    if (hay.released || needle.released)
        return MV_ERELEASED;
    if (needle.len > hay.len)
        return MV_ENOTFOUND;
    if (needle.len == 0) {
        //@ assert empty: mv_match_at(hay, needle, 0);
        *pos = 0;
        return MV_OK;
    }
    size_t at;
    if (needle.len <= MV_FIND_STACK) {
        size_t stack[MV_FIND_STACK];
        at = mv__kmp(hay, needle, stack);
    } else {
        /* A table whose size does not fit in size_t cannot be allocated. */
        if (needle.len > SIZE_MAX / sizeof(size_t))
            return MV_ENOMEM;
        size_t *t = mv__table_alloc(needle.len);
        if (t == NULL)
            return MV_ENOMEM;
        //@ ghost mv_find_heap_table = t;
        if (!mv__apart(t, needle.len, pos)) {
            mv__table_free(t);
            return MV_ENOMEM;
        }
        at = mv__kmp(hay, needle, t);
        mv__table_free(t);
    }
    if (at == hay.len) {
        //@ assert absent: mv_no_match(hay, needle);
        return MV_ENOTFOUND;
    }
    //@ assert match: at + needle.len <= hay.len && mv_match_at(hay, needle, at);
    //@ assert not_absent: !mv_no_match(hay, needle);
    *pos = at;
    return MV_OK;
}
