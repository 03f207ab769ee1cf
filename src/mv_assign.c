/* mv_assign.c — dst[:] = src for any overlap and any strides, without
 * allocating.
 *
 * Module invariant: every write is to an item of dst, every read from an
 * item of src, and no source item is overwritten before it has been read:
 * each copying order below is chosen so that, whenever writing dst[i]
 * lands on a source item src[j], j has already been copied.  Overlap is
 * detected with pointer equality only, which C defines for pointers into
 * different objects (ordering comparisons are not).
 */
#include "memview.h"

#include "mv_internal.h"

/* Whether dst's item 0 is one of src's items 1 .. len-1: then a forward
 * copy between views of the same stride would overwrite source items
 * before reading them.  Only pointer equality is used, which C defines for
 * pointers into different objects (an ordering comparison is not). */
/*@ requires valid: mv_valid(src) && src.len >= 1;
    terminates \true;
    assigns \nothing;
    ensures found: \result == 1 ==> \exists integer t; 1 <= t < src.len && target == mv_item(src, t);
    ensures absent: \result == 0 ==> \forall integer t; 1 <= t < src.len ==> target != mv_item(src, t);
*/
static bool mv__is_later_item(mv_view src, const char *target)
{
    const char *q = src.data;
    /*@ loop invariant t: 1 <= t <= src.len;
        loop invariant q: q == mv_item(src, t - 1);
        loop invariant none: \forall integer k; 1 <= k < t ==> target != mv_item(src, k);
        loop assigns t, q;
        loop variant src.len - t;
    */
    for (size_t t = 1; t < src.len; t++) {
        q += src.stride;
        //@ assert q == mv_item(src, t);
        if (q == target)
            return true;
    }
    return false;
}

/* With equal strides, "dst's item 0 is no later item of src" means no
 * destination item is a source item still to be read by a forward copy. */
/*@ ghost
  /@ requires same: dst.stride == src.stride && dst.len == src.len && src.stride != 0;
     requires absent: \forall integer t; 1 <= t < src.len ==> dst.data != mv_item(src, t);
     terminates \true;
     assigns \nothing;
     ensures safe: mv_no_later_alias(dst, src);
  @/
  static void mv__lemma_forward_safe(mv_view dst, mv_view src)
  {
    /@ assert \forall integer i, k; 0 <= i < k < src.len ==>
         (k - i) * src.stride + i * src.stride == k * src.stride; @/
    /@ assert \forall integer i, k; 0 <= i < k < src.len ==>
         mv_item(dst, i) == mv_item(src, k) ==> dst.data == mv_item(src, k - i); @/
  }
*/

/* With equal strides, "dst's item 0 is a later item t of src" means
 * destination item i is source item i + t: never an earlier one. */
/*@ ghost
  /@ requires same: dst.stride == src.stride && dst.len == src.len && src.stride != 0;
     requires found: \exists integer t; 1 <= t < src.len && dst.data == mv_item(src, t);
     terminates \true;
     assigns \nothing;
     ensures safe: mv_no_earlier_alias(dst, src);
  @/
  static void mv__lemma_backward_safe(mv_view dst, mv_view src)
  {
    /@ assert \forall integer t, i, k; 1 <= t && 0 <= k < i ==> (t + i - k) * src.stride != 0; @/
  }
*/

/* dst[i] = src[i] for i = 0, 1, ...: safe when no destination item
 * coincides with a source item that is read later. */
/*@ requires valid: mv_valid(dst) && mv_valid(src);
    requires writable: dst.readonly == 0 && dst.len == src.len && dst.len >= 1;
    requires forward_safe: mv_no_later_alias(dst, src);
    terminates \true;
    assigns { *mv_item(dst, i) | integer i; 0 <= i < dst.len };
    ensures copied: \forall integer i; 0 <= i < dst.len ==> *mv_item(dst, i) == \old(*mv_item(src, i));
*/
static void mv__copy_forward(mv_view dst, mv_view src)
{
    char *d = dst.data;
    const char *s = src.data;
    /*@ loop invariant i: 0 <= i < dst.len;
        loop invariant d: d == mv_item(dst, i) && s == mv_item(src, i);
        loop invariant done: \forall integer k; 0 <= k < i ==>
          *mv_item(dst, k) == \at(*mv_item(src, k), Pre);
        loop invariant pending: \forall integer k; i <= k < src.len ==>
          *mv_item(src, k) == \at(*mv_item(src, k), Pre);
        loop assigns i, d, s, { *mv_item(dst, k) | integer k; 0 <= k < dst.len };
        loop variant dst.len - i;
    */
    for (size_t i = 0;; i++) {
        //@ ghost mv__lemma_distinct(dst, (ptrdiff_t)i);
        *d = *s;
        if (i + 1 == dst.len)
            break;
        d += dst.stride;
        s += src.stride;
    }
}

/* dst[i] = src[i] for i = len-1, ..., 0: safe when dst's item 0 is a later
 * item of src (then no destination item is an earlier source item). */
/*@ requires valid: mv_valid(dst) && mv_valid(src);
    requires writable: dst.readonly == 0 && dst.len == src.len && dst.len >= 1;
    requires backward_safe: mv_no_earlier_alias(dst, src);
    terminates \true;
    assigns { *mv_item(dst, i) | integer i; 0 <= i < dst.len };
    ensures copied: \forall integer i; 0 <= i < dst.len ==> *mv_item(dst, i) == \old(*mv_item(src, i));
*/
static void mv__copy_backward(mv_view dst, mv_view src)
{
    char *d = mv__item(dst, (ptrdiff_t)dst.len - 1);
    const char *s = mv__item(src, (ptrdiff_t)src.len - 1);
    /*@ loop invariant i: 0 <= i < dst.len;
        loop invariant d: d == mv_item(dst, i) && s == mv_item(src, i);
        loop invariant done: \forall integer k; i < k < dst.len ==>
          *mv_item(dst, k) == \at(*mv_item(src, k), Pre);
        loop invariant pending: \forall integer k; 0 <= k <= i ==>
          *mv_item(src, k) == \at(*mv_item(src, k), Pre);
        loop assigns i, d, s, { *mv_item(dst, k) | integer k; 0 <= k < dst.len };
        loop variant i;
    */
    for (size_t i = dst.len - 1;; i--) {
        //@ ghost mv__lemma_distinct(dst, (ptrdiff_t)i);
        *d = *s;
        if (i == 0)
            break;
        d -= dst.stride;
        s -= src.stride;
    }
}

/* The lowest byte of a view's span (the span is a run of extent bytes). */
/*@ requires valid: mv_valid(v) && v.len >= 1;
    terminates \true;
    assigns \nothing;
    ensures result: \result == v.data + mv_span_lo(v.len, v.stride);
*/
static char *mv__span_low(mv_view v)
{
    return v.stride >= 0 ? v.data : mv__item(v, (ptrdiff_t)v.len - 1);
}

/* The number of bytes a non-empty view's span covers. */
/*@ requires valid: mv_valid(v) && v.len >= 1;
    terminates \true;
    assigns \nothing;
    ensures result: \result == mv_span_hi(v.len, v.stride) - mv_span_lo(v.len, v.stride) + 1;
*/
static size_t mv__span_bytes(mv_view v)
{
    if (v.len == 1)
        return 1;
    /* (len - 1) * stride fits: that is part of a valid view's shape. */
    ptrdiff_t extent = ((ptrdiff_t)v.len - 1) * v.stride;
    return (size_t)(extent < 0 ? -extent : extent) + 1;
}

/* Views whose spans share no byte share no item. */
/*@ ghost
  /@ requires shape: mv_shape(a) && mv_shape(b) && a.len >= 1 && b.len >= 1;
     requires apart:
       \separated(a.data + (mv_span_lo(a.len, a.stride) .. mv_span_hi(a.len, a.stride)),
                  b.data + (mv_span_lo(b.len, b.stride) .. mv_span_hi(b.len, b.stride)));
     terminates \true;
     assigns \nothing;
     ensures apart: mv_items_apart(a, b);
  @/
  static void mv__lemma_apart(mv_view a, mv_view b)
  {
    /@ assert \forall integer i; 0 <= i < a.len ==>
         mv_span_lo(a.len, a.stride) <= i * a.stride <= mv_span_hi(a.len, a.stride); @/
    /@ assert \forall integer k; 0 <= k < b.len ==>
         mv_span_lo(b.len, b.stride) <= k * b.stride <= mv_span_hi(b.len, b.stride); @/
  }
*/

/* dst[i] = src[i] in any order: the two views share no byte. */
/*@ requires valid: mv_valid(dst) && mv_valid(src);
    requires writable: dst.readonly == 0 && dst.len == src.len && dst.len >= 1;
    requires apart: mv_items_apart(dst, src);
    terminates \true;
    assigns { *mv_item(dst, i) | integer i; 0 <= i < dst.len };
    ensures copied: \forall integer i; 0 <= i < dst.len ==> *mv_item(dst, i) == \old(*mv_item(src, i));
*/
static void mv__copy_apart(mv_view dst, mv_view src)
{
    char *d = dst.data;
    const char *s = src.data;
    /*@ loop invariant i: 0 <= i < dst.len;
        loop invariant d: d == mv_item(dst, i) && s == mv_item(src, i);
        loop invariant done: \forall integer k; 0 <= k < i ==>
          *mv_item(dst, k) == \at(*mv_item(src, k), Pre);
        loop invariant pending: \forall integer k; i <= k < src.len ==>
          *mv_item(src, k) == \at(*mv_item(src, k), Pre);
        loop assigns i, d, s, { *mv_item(dst, k) | integer k; 0 <= k < dst.len };
        loop variant dst.len - i;
    */
    for (size_t i = 0;; i++) {
        //@ ghost mv__lemma_distinct(dst, (ptrdiff_t)i);
        *d = *s;
        if (i + 1 == dst.len)
            break;
        d += dst.stride;
        s += src.stride;
    }
}

/* ---------------------------------------------------------------------
 * Overlapping views with different strides.
 *
 * Write D_i for the address of dst item i and S_j for src item j.  Writing
 * D_i destroys S_j exactly when D_i == S_j; item j must then be copied
 * first.  Both views lie in one object, so every address has a position
 * (an integer) in it, and gap(i) = |pos(D_i) - pos(S_i)| is |linear| in i.
 * When D_i == S_j, gap(j) * |src stride| == gap(i) * |dst stride|: with a
 * dst stride smaller in magnitude, the item to copy first always has a
 * smaller gap, so copying in increasing gap order is safe; with a larger
 * one, in decreasing gap order.  Equal magnitudes (opposite strides, as in
 * m[:] = m[::-1]) pair items of equal gap, which are copied two at a time,
 * both read before either is written.  No temporary buffer is needed.
 * ------------------------------------------------------------------- */

/* Positions in the shared object, measured from the lower of the two span
 * starts, which lie within k bytes of each other.  All values are below
 * the sum of the two span sizes, so they fit in size_t. */
typedef struct mv__frame {
    size_t dst_base;   /* position of dst's span start */
    size_t src_base;   /* position of src's span start */
} mv__frame;

/* Position of item i of v whose span starts at position base. */
static size_t mv__pos(mv_view v, size_t base, size_t i)
{
    ptrdiff_t offset = (ptrdiff_t)i * v.stride;
    ptrdiff_t low = v.stride >= 0 ? 0 : ((ptrdiff_t)v.len - 1) * v.stride;
    return base + (size_t)(offset - low);
}

static size_t mv__gap(mv__frame f, mv_view dst, mv_view src, size_t i)
{
    size_t pd = mv__pos(dst, f.dst_base, i);
    size_t ps = mv__pos(src, f.src_base, i);
    return pd >= ps ? pd - ps : ps - pd;
}

static size_t mv__magnitude(ptrdiff_t x)
{
    return x < 0 ? (size_t)(-(x + 1)) + 1 : (size_t)x;
}

static void mv__copy_one(mv_view dst, mv_view src, size_t i)
{
    *mv__item(dst, (ptrdiff_t)i) = *mv__item(src, (ptrdiff_t)i);
}

/* Items i and j together: both read before either is written. */
static void mv__copy_two(mv_view dst, mv_view src, size_t i, size_t j)
{
    char x = *mv__item(src, (ptrdiff_t)i);
    char y = *mv__item(src, (ptrdiff_t)j);
    *mv__item(dst, (ptrdiff_t)i) = x;
    *mv__item(dst, (ptrdiff_t)j) = y;
}

/* Increasing gap: from the smallest gap outwards. */
static void mv__copy_outward(mv__frame f, mv_view dst, mv_view src)
{
    size_t n = dst.len;
    size_t m = 0;
    size_t best = mv__gap(f, dst, src, 0);
    for (size_t i = 1; i < n; i++) {
        size_t g = mv__gap(f, dst, src, i);
        if (g < best) {
            best = g;
            m = i;
        }
    }
    /* Pending: items below lo_end and from hi on; lo_end - 1 is next below. */
    size_t lo_end = m + 1;
    size_t hi = m + 1;
    while (lo_end > 0 || hi < n) {
        if (lo_end == 0) {
            mv__copy_one(dst, src, hi++);
        } else if (hi == n) {
            mv__copy_one(dst, src, --lo_end);
        } else {
            size_t gl = mv__gap(f, dst, src, lo_end - 1);
            size_t gh = mv__gap(f, dst, src, hi);
            if (gl < gh) {
                mv__copy_one(dst, src, --lo_end);
            } else if (gh < gl) {
                mv__copy_one(dst, src, hi++);
            } else {
                lo_end--;
                mv__copy_two(dst, src, lo_end, hi);
                hi++;
            }
        }
    }
}

/* Decreasing gap: from both ends inwards. */
static void mv__copy_inward(mv__frame f, mv_view dst, mv_view src)
{
    size_t lo = 0;
    size_t hi_end = dst.len;   /* pending: [lo, hi_end) */
    while (lo < hi_end) {
        if (hi_end - lo == 1) {
            mv__copy_one(dst, src, lo++);
        } else {
            size_t gl = mv__gap(f, dst, src, lo);
            size_t gh = mv__gap(f, dst, src, hi_end - 1);
            if (gl > gh) {
                mv__copy_one(dst, src, lo++);
            } else if (gh > gl) {
                mv__copy_one(dst, src, --hi_end);
            } else {
                hi_end--;
                mv__copy_two(dst, src, lo, hi_end);
                lo++;
            }
        }
    }
}

/* Whether the spans of two non-empty views share a byte; if so, where
 * their starts lie relative to each other. */
static bool mv__spans_frame(mv_view a, mv_view b, mv__frame *f)
{
    const char *la = mv__span_low(a);
    const char *lb = mv__span_low(b);
    size_t na = mv__span_bytes(a);
    size_t nb = mv__span_bytes(b);
    for (size_t k = 0; k < na; k++)
        if (la + k == lb) {
            f->dst_base = 0;
            f->src_base = k;
            return true;
        }
    for (size_t k = 0; k < nb; k++)
        if (lb + k == la) {
            f->dst_base = k;
            f->src_base = 0;
            return true;
        }
    return false;
}

mv_status mv_assign(mv_view dst, mv_view src)
{
    if (dst.released || src.released)
        return MV_ERELEASED;
    if (dst.readonly)
        return MV_EREADONLY;
    if (dst.len != src.len)
        return MV_EINVAL;
    if (dst.len == 0)
        return MV_OK;
    if (dst.stride == src.stride) {
        if (mv__is_later_item(src, dst.data)) {
            //@ ghost mv__lemma_backward_safe(dst, src);
            mv__copy_backward(dst, src);
        } else {
            //@ ghost mv__lemma_forward_safe(dst, src);
            mv__copy_forward(dst, src);
        }
        return MV_OK;
    }
    mv__frame frame;
    if (!mv__spans_frame(dst, src, &frame)) {
        mv__copy_apart(dst, src);
    } else if (mv__magnitude(dst.stride) <= mv__magnitude(src.stride)) {
        mv__copy_outward(frame, dst, src);
    } else {
        mv__copy_inward(frame, dst, src);
    }
    return MV_OK;
}
