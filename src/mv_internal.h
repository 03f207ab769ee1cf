/* mv_internal.h — small proven building blocks shared by the .c files.
 *
 * Each helper carries its own contract, so that the public functions are
 * proven from these facts rather than from the arithmetic again.
 */
#ifndef MV_INTERNAL_H
#define MV_INTERNAL_H

#include "memview.h"

/* The allocator: malloc and free unless the build names others (tests use
 * this to make allocation fail on purpose).  Their contracts for the proof
 * are in contracts/memview_os.h (trusted). */
#ifdef __FRAMAC__
#include "memview_os.h"
#else
#include <stdlib.h>
#endif
#ifndef MV_MALLOC
#define MV_MALLOC malloc
#endif
#ifndef MV_FREE
#define MV_FREE free
#endif

/* The libc functions of the fast paths: their standard contracts for the
 * proof (trusted, contracts/mv_libc.h), the system's header otherwise. */
#ifdef __FRAMAC__
#include "mv_libc.h"
#else
#include <string.h>
#endif

/* Every helper below is proven once.  The compilers see static inline
 * definitions in every file, so the hot paths (advance, cursor reads)
 * compile to straight-line code.  Under Frama-C the helpers have external
 * linkage and their bodies are seen by one file only, src/mv_internal.c
 * (MV_DEFINE_INTERNAL), where WP proves them; every other file is proven
 * from their contracts, stated once on the prototypes below.  (Proving
 * the bodies in every file that includes this header cost a tenth of the
 * whole proof, ten times over.) */
#ifdef __FRAMAC__
#define MV__HELPER
#else
#define MV__HELPER static inline
#endif
#if !defined(__FRAMAC__) || defined(MV_DEFINE_INTERNAL)
#define MV__HELPER_BODIES
#endif

/* The longest view: lengths and offsets must fit in ptrdiff_t. */
#define MV_LEN_MAX ((size_t)PTRDIFF_MAX)

/* ---------------------------------------------------------------------
 * Lemma functions.  Ghost functions whose contract is a fact of integer
 * arithmetic the solvers find slow to rediscover (products of two
 * variables).  WP proves each one once, from its requires alone; a ghost
 * call then hands the fact, instantiated, to the goal that needs it.  They
 * exist only for the proof and compile to nothing.
 * ------------------------------------------------------------------- */

/* The contracts of mv__lemma_in_span (item i lies in the span) and
 * mv__lemma_cut are in memview/inline.h, whose inline definitions call
 * them; their bodies are below, with the other helpers'. */

/* A factor no larger in magnitude than m scales s to no more than m * s in
 * magnitude, whichever the signs. */
/*@ ghost
  /@ requires within: m >= 0 && -m <= x <= m;
     terminates \true;
     assigns \nothing;
     ensures nonneg: s >= 0 ==> -(m * s) <= x * s <= m * s;
     ensures neg: s < 0 ==> m * s <= x * s <= -(m * s);
  @/
  void mv__lemma_scaled_within(ptrdiff_t m, ptrdiff_t x, ptrdiff_t s);
*/

/*@ ghost
  /@ requires index: 0 <= i < v.len;
     requires stride: v.stride != 0;
     terminates \true;
     assigns \nothing;
     ensures distinct: \forall integer k; 0 <= k < v.len && k != i ==>
       mv_item(v, k) != mv_item(v, i);
  @/
  void mv__lemma_distinct(mv_view v, ptrdiff_t i);
*/

/* Every item of a view whose span is apart from n bytes at q is apart
 * from them too. */
/*@ ghost
  /@ requires shape: mv_shape(v);
     requires apart: v.len == 0 || n == 0 ||
       \separated(q + (0 .. n - 1), v.data + (mv_span_lo(v.len, v.stride) .. mv_span_hi(v.len, v.stride)));
     terminates \true;
     assigns \nothing;
     ensures apart: \forall integer i; 0 <= i < v.len ==> n == 0 ||
       \separated(mv_item(v, i), q + (0 .. n - 1));
  @/
  void mv__lemma_items_apart_from(mv_view v, char *q, size_t n);
*/

/* One item of a view whose span is apart from n bytes at q is apart from
 * them too. */
/*@ ghost
  /@ requires shape: mv_shape(v);
     requires index: 0 <= i < v.len;
     requires apart: n >= 1 &&
       \separated(q + (0 .. n - 1), v.data + (mv_span_lo(v.len, v.stride) .. mv_span_hi(v.len, v.stride)));
     terminates \true;
     assigns \nothing;
     ensures apart: \separated(mv_item(v, i), q + (0 .. n - 1));
  @/
  void mv__lemma_item_apart_from(mv_view v, ptrdiff_t i, char *q, size_t n);
*/

/* A stored char as the byte value 0..255. */
/*@ terminates \true;
    assigns \nothing;
    ensures result: \result == mv_u8(c);
*/
MV__HELPER uint8_t mv__u8(char c);

/* A byte value as the char that stores it. */
/*@ terminates \true;
    assigns \nothing;
    ensures result: \result == mv_s8(b);
    ensures round_trip: mv_u8(\result) == b;
*/
MV__HELPER char mv__s8(uint8_t b);

/* A view of n whole bytes with stride 1. */
/*@ requires len: n <= PTRDIFF_MAX;
    requires bytes: n == 0 || (readonly ? \valid_read(p + (0 .. n - 1)) : \valid(p + (0 .. n - 1)));
    terminates \true;
    assigns \nothing;
    ensures valid: mv_valid(\result);
    ensures len: \result.len == n && \result.stride == 1;
    ensures data: n >= 1 ==> \result.data == p;
    ensures access: \result.readonly == readonly && \result.released == 0;
    ensures owner: \result.owner == \null;
*/
MV__HELPER mv_view mv__whole(char *p, size_t n, bool readonly);

/* The address of item i. */
/*@ requires valid: mv_valid(v);
    requires index: 0 <= i < v.len;
    terminates \true;
    assigns \nothing;
    ensures result: \result == mv_item(v, i);
    ensures span: mv_span_lo(v.len, v.stride) <= i * v.stride <= mv_span_hi(v.len, v.stride);
*/
MV__HELPER char *mv__item(mv_view v, ptrdiff_t i);

/* v.stride * step, for a slice that has two items or more: its step spans
 * at most len - 1 items of v, so the product is bounded by v's extent. */
/*@ requires valid: mv_valid(v);
    requires step: -(v.len - 1) <= step <= v.len - 1 && step != 0;
    terminates \true;
    assigns \nothing;
    ensures result: \result == v.stride * step;
*/
MV__HELPER ptrdiff_t mv__stride_product(mv_view v, ptrdiff_t step);

/* v[offset:offset+len] with the same stride and flags. */
/*@ requires valid: mv_valid(v);
    requires live: v.released == 0;
    requires range: offset <= v.len && len <= v.len - offset;
    terminates \true;
    assigns \nothing;
    ensures valid: mv_valid(\result);
    ensures len: \result.len == len;
    ensures item0: len >= 1 ==> \result.data == mv_item(v, offset);
    ensures stride: \result.stride == v.stride;
    ensures access: \result.readonly == v.readonly && \result.released == 0;
*/
MV__HELPER mv_view mv__cut(mv_view v, size_t offset, size_t len);

/* *out = r, stored field by field: WP models a whole-struct store as a
 * havoc of the destination followed by a reload, which costs the solvers
 * far more than five plain stores. */
/*@ requires out_valid: \valid(out);
    terminates \true;
    assigns out->data, out->len, out->stride, out->readonly, out->released, out->owner;
    ensures fields: out->data == r.data && out->len == r.len && out->stride == r.stride;
    ensures flags: out->readonly == r.readonly && out->released == r.released;
    ensures owner: out->owner == r.owner;
*/
MV__HELPER void mv__store_view(mv_view *out, mv_view r);

/* dst[0 .. n-1] = items 0 .. n-1 of v, in order: contiguous items copied
 * by memcpy, strided items gathered into contiguous bytes (mv_tobytes,
 * mv_read_bytes).  dst lies outside the
 * span of v, so no store reaches an item: every item keeps its value, and
 * each is read after the stores before it. */
/*@ requires valid: mv_valid(v) && 1 <= n <= v.len;
    requires dst: \valid(dst + (0 .. n - 1));
    requires apart: \separated(dst + (0 .. n - 1),
                               v.data + (mv_span_lo(v.len, v.stride) .. mv_span_hi(v.len, v.stride)));
    terminates \true;
    assigns dst[0 .. n - 1];
    ensures bytes: \forall integer i; 0 <= i < n ==> dst[i] == \old(*mv_item(v, i));
    ensures kept: \forall integer i; 0 <= i < v.len ==> *mv_item(v, i) == \old(*mv_item(v, i));
*/
MV__HELPER void mv__copy_items_out(mv_view v, char *dst, size_t n);

/* The offset of p among the n bytes at block, or n when p is none of them:
 * the library's one use of address order.  C defines the order of pointers
 * into one object only, and a scan comparing p with each byte for equality
 * (which C defines for any two pointers) costs a pass over the block; the
 * addresses compared as integers give the same answer at once on every
 * flat-address target.  Frama-C reads the trusted contract in
 * contracts/mv_address.h instead of this body; tests/test_address.c checks
 * the body against that scan. */
#ifdef __FRAMAC__
#include "mv_address.h"
#else
#include <stdint.h>
static inline size_t mv__offset_in(const char *block, size_t n, const char *p)
{
    uintptr_t start = (uintptr_t)block;
    uintptr_t at = (uintptr_t)p;
    return at >= start && at - start < n ? (size_t)(at - start) : n;
}
#endif

/* Whether the n bytes at a and the m bytes at b share no byte: two blocks
 * overlap exactly when one's start is a byte of the other. */
/*@ requires bytes: n >= 1 && m >= 1;
    terminates \true;
    assigns \nothing;
    ensures apart: \result == 1 ==> \separated(a + (0 .. n - 1), b + (0 .. m - 1));
*/
MV__HELPER bool mv__blocks_apart(const char *a, size_t n, const char *b, size_t m);

/* ---------------------------------------------------------------------
 * The helpers' bodies: compiled everywhere; under Frama-C only in
 * src/mv_internal.c, where WP proves them against the contracts above.
 * ------------------------------------------------------------------- */
#ifdef MV__HELPER_BODIES

/*@ ghost
  void mv__lemma_in_span(size_t len, ptrdiff_t s, ptrdiff_t i)
  {
    /@ assert rest: 0 <= len - 1 - i <= len - 1; @/
    /@ assert bounds: s >= 0 ==> 0 <= (len - 1 - i) * s <= (len - 1) * s; @/
    /@ assert bounds_neg: s < 0 ==> (len - 1) * s <= (len - 1 - i) * s <= 0; @/
  }
*/

/*@ ghost
  void mv__lemma_cut(mv_view v, size_t offset, size_t len)
  {
    mv__lemma_in_span(v.len, v.stride, (ptrdiff_t)offset);
    mv__lemma_in_span(v.len, v.stride, (ptrdiff_t)(offset + len - 1));
    /@ assert ring: (offset + len - 1) * v.stride == offset * v.stride + (len - 1) * v.stride; @/
  }
*/

/*@ ghost
  void mv__lemma_scaled_within(ptrdiff_t m, ptrdiff_t x, ptrdiff_t s)
  {
    if (s >= 0) {
      /@ assert 0 <= m * s; @/
    } else {
      /@ assert 0 <= m * -s; @/
      /@ assert -(m * -s) <= x * -s <= m * -s; @/
    }
  }
*/

/*@ ghost
  void mv__lemma_distinct(mv_view v, ptrdiff_t i)
  {
    /@ assert \forall integer k; k != i ==> k * v.stride != i * v.stride; @/
  }
*/

/*@ ghost
  void mv__lemma_items_apart_from(mv_view v, char *q, size_t n)
  {
    /@ assert \forall integer i; 0 <= i < v.len ==>
         mv_span_lo(v.len, v.stride) <= i * v.stride <= mv_span_hi(v.len, v.stride); @/
  }
*/

/*@ ghost
  void mv__lemma_item_apart_from(mv_view v, ptrdiff_t i, char *q, size_t n)
  {
    mv__lemma_in_span(v.len, v.stride, i);
  }
*/

MV__HELPER uint8_t mv__u8(char c)
{
    return (uint8_t)(c < 0 ? c + 256 : c);
}

MV__HELPER char mv__s8(uint8_t b)
{
    return (char)(b > 127 ? b - 256 : b);
}

MV__HELPER mv_view mv__whole(char *p, size_t n, bool readonly)
{
    mv_view r = { n == 0 ? NULL : p, n, 1, readonly, false, NULL };
    return r;
}

MV__HELPER char *mv__item(mv_view v, ptrdiff_t i)
{
    //@ ghost mv__lemma_in_span(v.len, v.stride, i);
    return v.data + i * v.stride;
}

MV__HELPER ptrdiff_t mv__stride_product(mv_view v, ptrdiff_t step)
{
    //@ ghost mv__lemma_scaled_within((ptrdiff_t)(v.len - 1), step, v.stride);
    return v.stride * step;
}

MV__HELPER mv_view mv__cut(mv_view v, size_t offset, size_t len)
{
    mv_view r = v;
    r.len = len;
    if (len == 0) {
        r.data = NULL;
    } else {
        //@ assert 0 <= offset + len - 1 < v.len;
        r.data = mv__item(v, (ptrdiff_t)offset);
        //@ ghost mv__lemma_in_span(v.len, v.stride, (ptrdiff_t)(offset + len - 1));
        //@ assert (offset + len - 1) * v.stride == offset * v.stride + (len - 1) * v.stride;
    }
    return r;
}

MV__HELPER void mv__store_view(mv_view *out, mv_view r)
{
    out->data = r.data;
    out->len = r.len;
    out->stride = r.stride;
    out->readonly = r.readonly;
    out->released = r.released;
    out->owner = r.owner;
}

MV__HELPER void mv__copy_items_out(mv_view v, char *dst, size_t n)
{
    if (v.stride == 1) {
        /* Contiguous items are the bytes v.data[0 .. n-1]: libc's copy. */
        memcpy(dst, v.data, n);
        //@ assert bytes: \forall integer i; 0 <= i < n ==> mv_item(v, i) == v.data + i;
        return;
    }
    const char *p = v.data;
    //@ ghost mv__lemma_items_apart_from(v, dst, n);
    /*@ loop invariant i: 0 <= i < n;
        loop invariant p: p == mv_item(v, i);
        loop invariant done: \forall integer k; 0 <= k < i ==> dst[k] == \at(*mv_item(v, k), Pre);
        loop invariant kept: \forall integer k; 0 <= k < v.len ==>
          *mv_item(v, k) == \at(*mv_item(v, k), Pre);
        loop assigns i, p, dst[0 .. n - 1];
        loop variant n - i;
    */
    for (size_t i = 0;; i++) {
        //@ ghost mv__lemma_item_apart_from(v, (ptrdiff_t)i, dst, n);
        dst[i] = *p;
        if (i + 1 == n)
            break;
        /* i + 1 < n <= v.len: the next item exists, so p stays inside. */
        p += v.stride;
    }
}

MV__HELPER bool mv__blocks_apart(const char *a, size_t n, const char *b, size_t m)
{
    return mv__offset_in(a, n, b) == n && mv__offset_in(b, m, a) == m;
}

#endif /* MV__HELPER_BODIES */

#endif /* MV_INTERNAL_H */
