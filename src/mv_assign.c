/* mv_assign.c — dst[:] = src for any overlap and any strides, without
 * allocating.
 *
 * Module invariant: every write is to an item of dst, every read from an
 * item of src, and no source item is overwritten before it has been read:
 * each copying order below is chosen so that, whenever writing dst[i]
 * lands on a source item src[j], j has already been copied.  Overlap is
 * found by mv__offset_in (src/mv_internal.h): whether one span's first
 * byte is a byte of the other, in constant time.
 *
 * The copying orders:
 *  - Both views contiguous: memmove, which copes with any overlap.
 *  - Spans apart (found in constant time, mv__offset_in): front to back.
 *  - Equal strides, spans sharing a byte: if dst's item 0 is a later item
 *    of src, back to front, else front to back; either reads every source
 *    item before it is overwritten.
 *  - Different strides, spans sharing a byte: in the order of the distance
 *    ("gap") between each destination item and its source item, as
 *    explained further down.
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
 * coincides with a source item that is read later.  Used for equal strides
 * when dst's item 0 is no later item of src, and for views that share no
 * byte (mv__lemma_apart). */
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
    assigns \result \from v;
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
    /* (len - 1) * stride fits: that is part of a valid view's shape. */
    ptrdiff_t extent = ((ptrdiff_t)v.len - 1) * v.stride;
    return (size_t)(extent < 0 ? -extent : extent) + 1;
}

/* Views whose spans share no byte share no item, so a forward copy is
 * safe between them. */
/*@ ghost
  /@ requires shape: mv_shape(a) && mv_shape(b) && a.len >= 1 && b.len >= 1;
     requires lengths: a.len == b.len;
     requires apart:
       \separated(a.data + (mv_span_lo(a.len, a.stride) .. mv_span_hi(a.len, a.stride)),
                  b.data + (mv_span_lo(b.len, b.stride) .. mv_span_hi(b.len, b.stride)));
     terminates \true;
     assigns \nothing;
     ensures apart: mv_items_apart(a, b);
     ensures forward_safe: mv_no_later_alias(a, b);
  @/
  static void mv__lemma_apart(mv_view a, mv_view b)
  {
    /@ assert \forall integer i; 0 <= i < a.len ==>
         mv_span_lo(a.len, a.stride) <= i * a.stride <= mv_span_hi(a.len, a.stride); @/
    /@ assert \forall integer k; 0 <= k < b.len ==>
         mv_span_lo(b.len, b.stride) <= k * b.stride <= mv_span_hi(b.len, b.stride); @/
  }
*/

/* ---------------------------------------------------------------------
 * Overlapping views with different strides.
 *
 * Write D_i for the address of dst item i and S_j for src item j.  Writing
 * D_i destroys S_j exactly when D_i == S_j; item j must then be copied
 * first.  Both views lie in one object, so every address has a position
 * (an integer) in it, and lin(i) = pos(D_i) - pos(S_i) is linear in i with
 * slope a - b (a = dst stride, b = src stride); gap(i) = |lin(i)|.
 * When D_i == S_j, lin(i) == (j - i) * b and lin(j) == (j - i) * a, so
 * gap(j) * |b| == gap(i) * |a|: with |a| <= |b|, the item to copy first
 * never has a larger gap, so copying in increasing gap order is safe; with
 * |a| > |b| it has a strictly larger gap, so decreasing gap order is safe.
 * Equal magnitudes (opposite strides, as in m[:] = m[::-1]) pair items of
 * equal gap, which are copied two at a time, both read before either is
 * written.  No temporary buffer is needed.  pos, lin, gap and the orders'
 * preconditions are defined in ACSL in contracts/mv_assign.acsl.
 * ------------------------------------------------------------------- */

/* Positions in the shared object, measured from the lower of the two span
 * starts.  Each base is an offset inside one span (at most PTRDIFF_MAX), and
 * an item's position adds at most a span's extent (at most PTRDIFF_MAX),
 * so every position fits in size_t. */
typedef struct mv__frame {
    bool   overlap;    /* the spans share a byte; the bases are meaningful */
    size_t dst_base;   /* position of dst's span start */
    size_t src_base;   /* position of src's span start */
} mv__frame;

#ifdef __FRAMAC__
#include "mv_assign.acsl"
#endif

/* (k - k0) * slope has the sign of k - k0 when the slope is positive. */
/*@ ghost
  /@ requires slope: hi > lo;
     terminates \true;
     assigns \nothing;
     ensures below: \forall integer k; k < k0 ==> (k0 - k) * (hi - lo) > 0;
     ensures above: \forall integer k; k0 < k ==> (k - k0) * (hi - lo) > 0;
  @/
  static void mv__lemma_slope(ptrdiff_t hi, ptrdiff_t lo, size_t k0)
  {
  }
*/

/* lin(i) is linear with a non-zero slope: rise is strictly increasing. */
/*@ ghost
  /@ requires strides: d.stride != s.stride;
     terminates \true;
     assigns \nothing;
     ensures below: \forall integer k; k < k0 ==> mv__rise(f, d, s, k) < mv__rise(f, d, s, k0);
     ensures above: \forall integer k; k0 < k ==> mv__rise(f, d, s, k0) < mv__rise(f, d, s, k);
  @/
  static void mv__lemma_rising(mv__frame f, mv_view d, mv_view s, size_t k0)
  {
    if (d.stride > s.stride)
      mv__lemma_slope(d.stride, s.stride, k0);
    else
      mv__lemma_slope(s.stride, d.stride, k0);
    /@ assert linear: \forall integer k;
         mv__lin(f, d, s, k) - mv__lin(f, d, s, k0) == (k - k0) * (d.stride - s.stride); @/
  }
*/

/* D_i == S_j gives lin(i) == (j - i) * b and lin(j) == (j - i) * a. */
/*@ ghost
  /@ requires framed: mv__framed(f, d, s);
     requires shape: d.len == s.len;
     terminates \true;
     assigns \nothing;
     ensures gaps: \forall integer i, j; 0 <= i < d.len && 0 <= j < s.len ==>
       mv_item(d, i) == mv_item(s, j) ==>
       mv__gap(f, d, s, i) == \abs(j - i) * \abs(s.stride) &&
       mv__gap(f, d, s, j) == \abs(j - i) * \abs(d.stride);
  @/
  static void mv__lemma_hit_gaps(mv__frame f, mv_view d, mv_view s)
  {
    /@ assert lin: \forall integer i, j; 0 <= i < d.len && 0 <= j < s.len ==>
         mv_item(d, i) == mv_item(s, j) ==>
         mv__lin(f, d, s, i) == (j - i) * s.stride &&
         mv__lin(f, d, s, j) == (j - i) * d.stride; @/
    /@ assert product: \forall integer t; \abs(t * s.stride) == \abs(t) * \abs(s.stride) &&
         \abs(t * d.stride) == \abs(t) * \abs(d.stride); @/
  }
*/

/* Scaling both sides of a comparison by a positive count keeps it. */
/*@ ghost
  /@ terminates \true;
     assigns \nothing;
     ensures le: \abs(a) <= \abs(b) ==> \forall integer t; t >= 1 ==> t * \abs(a) <= t * \abs(b);
     ensures gt: \abs(a) > \abs(b) ==> \forall integer t; t >= 1 ==> t * \abs(a) > t * \abs(b);
  @/
  static void mv__lemma_scale(ptrdiff_t a, ptrdiff_t b)
  {
  }
*/

/* Hence gap(j) * |b| == gap(i) * |a|, with |j - i| >= 1. */
/*@ ghost
  /@ requires framed: mv__framed(f, d, s);
     requires shape: d.len == s.len;
     terminates \true;
     assigns \nothing;
     ensures closer: \abs(d.stride) <= \abs(s.stride) ==> mv__hits_closer(f, d, s);
     ensures farther: \abs(d.stride) > \abs(s.stride) ==> mv__hits_farther(f, d, s);
  @/
  static void mv__lemma_hits(mv__frame f, mv_view d, mv_view s)
  {
    mv__lemma_hit_gaps(f, d, s);
    mv__lemma_scale(d.stride, s.stride);
  }
*/

/* Where the next item to copy is chosen, in decreasing gap order: the
 * pending items form a run [l, h] and, lin being linear, the largest gap
 * is at an end; a destination item lands only on a source item of larger
 * gap, so the end with the larger gap hits no pending source item. */
/*@ ghost
  /@ requires farther: mv__hits_farther(f, d, s);
     requires shape: d.len == s.len && d.stride != s.stride;
     requires run: l <= h < d.len;
     terminates \true;
     assigns \nothing;
     ensures low: mv__gap(f, d, s, l) >= mv__gap(f, d, s, h) ==>
       \forall integer k; l < k <= h ==> mv_item(d, l) != mv_item(s, k);
     ensures high: mv__gap(f, d, s, l) < mv__gap(f, d, s, h) ==>
       \forall integer k; l <= k < h ==> mv_item(d, h) != mv_item(s, k);
  @/
  static void mv__lemma_inward_step(mv__frame f, mv_view d, mv_view s, size_t l, size_t h)
  {
    mv__lemma_rising(f, d, s, l);
    mv__lemma_rising(f, d, s, h);
    /@ assert \forall integer k; l <= k <= h ==>
         mv__gap(f, d, s, k) <= mv__gap(f, d, s, l) || mv__gap(f, d, s, k) <= mv__gap(f, d, s, h); @/
  }
*/

/* Where the next item to copy is chosen, in increasing gap order: the
 * items below the split point sp have rise < 0 (their gap grows as i
 * falls), the others rise >= 0 (their gap grows with i); the pending items
 * are [0, lo) and [hi, n), so the candidates are lo - 1 and hi, and every
 * other pending item has a strictly larger gap than the one copied.  A
 * destination item lands only on a source item of no larger gap: the
 * copied item hits no pending source item (except, with equal gaps, the
 * other candidate, copied in the same step). */
/*@ ghost
  /@ requires closer: mv__hits_closer(f, d, s);
     requires shape: d.len == s.len && d.stride != s.stride;
     requires run: lo <= sp <= hi <= d.len;
     requires below: \forall integer k; 0 <= k < sp ==> mv__rise(f, d, s, k) < 0;
     requires above: \forall integer k; sp <= k < d.len ==> mv__rise(f, d, s, k) >= 0;
     terminates \true;
     assigns \nothing;
     ensures high: hi < d.len && (lo == 0 || mv__gap(f, d, s, hi) < mv__gap(f, d, s, lo - 1)) ==>
       \forall integer k; (0 <= k < lo || hi < k < d.len) ==> mv_item(d, hi) != mv_item(s, k);
     ensures low: lo > 0 && (hi == d.len || mv__gap(f, d, s, lo - 1) < mv__gap(f, d, s, hi)) ==>
       \forall integer k; (0 <= k < lo - 1 || hi <= k < d.len) ==> mv_item(d, lo - 1) != mv_item(s, k);
     ensures both: lo > 0 && hi < d.len && mv__gap(f, d, s, lo - 1) == mv__gap(f, d, s, hi) ==>
       \forall integer k; (0 <= k < lo - 1 || hi < k < d.len) ==>
         mv_item(d, lo - 1) != mv_item(s, k) && mv_item(d, hi) != mv_item(s, k);
  @/
  static void mv__lemma_outward_step(mv__frame f, mv_view d, mv_view s, size_t sp, size_t lo, size_t hi)
  {
    if (lo > 0) {
      mv__lemma_rising(f, d, s, lo - 1);
      /@ assert \forall integer k; 0 <= k < lo - 1 ==> mv__gap(f, d, s, k) > mv__gap(f, d, s, lo - 1); @/
    }
    if (hi < d.len) {
      mv__lemma_rising(f, d, s, hi);
      /@ assert \forall integer k; hi < k < d.len ==> mv__gap(f, d, s, k) > mv__gap(f, d, s, hi); @/
    }
  }
*/

/* Position of item i of v whose span starts at position base. */
/*@ requires valid: mv_valid(v);
    requires index: i < v.len;
    requires base: base <= PTRDIFF_MAX;
    terminates \true;
    assigns \nothing;
    ensures result: \result == mv__pos(v, base, i);
*/
static size_t mv__position(mv_view v, size_t base, size_t i)
{
    //@ ghost mv__lemma_in_span(v.len, v.stride, (ptrdiff_t)i);
    ptrdiff_t offset = (ptrdiff_t)i * v.stride;
    ptrdiff_t low = v.stride >= 0 ? 0 : ((ptrdiff_t)v.len - 1) * v.stride;
    /* low <= offset <= low + the span's extent, which fits in ptrdiff_t */
    return base + (size_t)(offset - low);
}

/*@ requires valid: mv_valid(dst) && mv_valid(src);
    requires index: i < dst.len && i < src.len;
    requires bases: f.dst_base <= PTRDIFF_MAX && f.src_base <= PTRDIFF_MAX;
    terminates \true;
    assigns \nothing;
    ensures result: \result == mv__gap(f, dst, src, i);
*/
static size_t mv__gap_at(mv__frame f, mv_view dst, mv_view src, size_t i)
{
    size_t pd = mv__position(dst, f.dst_base, i);
    size_t ps = mv__position(src, f.src_base, i);
    return pd >= ps ? pd - ps : ps - pd;
}

/* |x| as a size_t, PTRDIFF_MIN included. */
/*@ terminates \true;
    assigns \nothing;
    ensures result: \result == \abs(x);
*/
static size_t mv__magnitude(ptrdiff_t x)
{
    return x < 0 ? (size_t)(-(x + 1)) + 1 : (size_t)x;
}

/*@ requires valid: mv_valid(dst) && mv_valid(src);
    requires writable: dst.readonly == 0;
    requires index: i < dst.len && i < src.len;
    terminates \true;
    assigns *mv_item(dst, i);
    ensures copied: *mv_item(dst, i) == \old(*mv_item(src, i));
*/
static void mv__copy_one(mv_view dst, mv_view src, size_t i)
{
    *mv__item(dst, (ptrdiff_t)i) = *mv__item(src, (ptrdiff_t)i);
}

/* Items i and j together: both read before either is written. */
/*@ requires valid: mv_valid(dst) && mv_valid(src);
    requires writable: dst.readonly == 0;
    requires index: i < dst.len && i < src.len && j < dst.len && j < src.len && i != j;
    terminates \true;
    assigns *mv_item(dst, i), *mv_item(dst, j);
    ensures copied: *mv_item(dst, i) == \old(*mv_item(src, i));
    ensures copied: *mv_item(dst, j) == \old(*mv_item(src, j));
*/
static void mv__copy_two(mv_view dst, mv_view src, size_t i, size_t j)
{
    char x = *mv__item(src, (ptrdiff_t)i);
    char y = *mv__item(src, (ptrdiff_t)j);
    //@ ghost mv__lemma_distinct(dst, (ptrdiff_t)j);
    *mv__item(dst, (ptrdiff_t)i) = x;
    *mv__item(dst, (ptrdiff_t)j) = y;
}

/* The split point of the outward sweep: the number of items whose rise is
 * negative, found by a scan (rise is increasing, so they come first). */
/*@ requires valid: mv_valid(dst) && mv_valid(src);
    requires shape: dst.len == src.len && dst.stride != src.stride;
    requires bases: f.dst_base <= PTRDIFF_MAX && f.src_base <= PTRDIFF_MAX;
    terminates \true;
    assigns \nothing;
    ensures range: \result <= dst.len;
    ensures below: \forall integer k; 0 <= k < \result ==> mv__rise(f, dst, src, k) < 0;
    ensures above: \forall integer k; \result <= k < dst.len ==> mv__rise(f, dst, src, k) >= 0;
*/
static size_t mv__outward_start(mv__frame f, mv_view dst, mv_view src)
{
    bool rising = dst.stride > src.stride;   /* lin itself grows with i */
    size_t k = 0;
    /*@ loop invariant range: k <= dst.len;
        loop invariant below: \forall integer j; 0 <= j < k ==> mv__rise(f, dst, src, j) < 0;
        loop assigns k;
        loop variant dst.len - k;
    */
    while (k < dst.len) {
        size_t pd = mv__position(dst, f.dst_base, k);
        size_t ps = mv__position(src, f.src_base, k);
        if (rising ? pd >= ps : pd <= ps)
            break;
        k++;
    }
    /*@ ghost
      if (k < dst.len)
        mv__lemma_rising(f, dst, src, k);
    */
    return k;
}

/* Increasing gap: from the split point outwards.  Gaps grow away from the
 * split point on both sides, so the pending item of smallest gap is always
 * lo - 1 or hi; an equal-gap pair is copied in one step. */
/*@ requires valid: mv_valid(dst) && mv_valid(src);
    requires writable: dst.readonly == 0 && dst.len == src.len && dst.len >= 1;
    requires strides: dst.stride != src.stride;
    requires bases: f.dst_base <= PTRDIFF_MAX && f.src_base <= PTRDIFF_MAX;
    requires closer: mv__hits_closer(f, dst, src);
    requires split: sp <= dst.len;
    requires below: \forall integer k; 0 <= k < sp ==> mv__rise(f, dst, src, k) < 0;
    requires above: \forall integer k; sp <= k < dst.len ==> mv__rise(f, dst, src, k) >= 0;
    terminates \true;
    assigns { *mv_item(dst, i) | integer i; 0 <= i < dst.len };
    ensures copied: \forall integer i; 0 <= i < dst.len ==> *mv_item(dst, i) == \old(*mv_item(src, i));
*/
static void mv__copy_outward(mv__frame f, mv_view dst, mv_view src, size_t sp)
{
    size_t n = dst.len;
    size_t lo = sp;   /* pending: [0, lo) and [hi, n) */
    size_t hi = sp;
    /*@ loop invariant range: lo <= sp <= hi <= n;
        loop invariant done: \forall integer k; lo <= k < hi ==>
          *mv_item(dst, k) == \at(*mv_item(src, k), Pre);
        loop invariant pending: \forall integer k; 0 <= k < lo || hi <= k < n ==>
          *mv_item(src, k) == \at(*mv_item(src, k), Pre);
        loop assigns lo, hi, { *mv_item(dst, k) | integer k; 0 <= k < dst.len };
        loop variant lo + (n - hi);
    */
    while (lo > 0 || hi < n) {
        //@ ghost mv__lemma_outward_step(f, dst, src, sp, lo, hi);
        /* the candidates' gaps; SIZE_MAX for a side with none left, which
         * the tests below never take */
        size_t gl = lo > 0 ? mv__gap_at(f, dst, src, lo - 1) : SIZE_MAX;
        size_t gh = hi < n ? mv__gap_at(f, dst, src, hi) : SIZE_MAX;
        if (lo == 0 || (hi < n && gh < gl)) {
            //@ ghost mv__lemma_distinct(dst, (ptrdiff_t)hi);
            mv__copy_one(dst, src, hi);
            hi++;
        } else if (hi == n || gl < gh) {
            lo--;
            //@ ghost mv__lemma_distinct(dst, (ptrdiff_t)lo);
            mv__copy_one(dst, src, lo);
        } else {
            lo--;
            //@ ghost mv__lemma_distinct(dst, (ptrdiff_t)lo);
            //@ ghost mv__lemma_distinct(dst, (ptrdiff_t)hi);
            mv__copy_two(dst, src, lo, hi);
            hi++;
        }
    }
}

/* Decreasing gap: from both ends inwards.  An equal-gap pair needs no
 * special care here: a destination item lands only on a source item of
 * strictly larger gap. */
/*@ requires valid: mv_valid(dst) && mv_valid(src);
    requires writable: dst.readonly == 0 && dst.len == src.len && dst.len >= 1;
    requires strides: dst.stride != src.stride;
    requires bases: f.dst_base <= PTRDIFF_MAX && f.src_base <= PTRDIFF_MAX;
    requires farther: mv__hits_farther(f, dst, src);
    terminates \true;
    assigns { *mv_item(dst, i) | integer i; 0 <= i < dst.len };
    ensures copied: \forall integer i; 0 <= i < dst.len ==> *mv_item(dst, i) == \old(*mv_item(src, i));
*/
static void mv__copy_inward(mv__frame f, mv_view dst, mv_view src)
{
    size_t lo = 0;
    size_t hi = dst.len;   /* pending: [lo, hi) */
    /*@ loop invariant range: lo <= hi <= dst.len;
        loop invariant done_low: \forall integer k; 0 <= k < lo ==>
          *mv_item(dst, k) == \at(*mv_item(src, k), Pre);
        loop invariant done_high: \forall integer k; hi <= k < dst.len ==>
          *mv_item(dst, k) == \at(*mv_item(src, k), Pre);
        loop invariant pending: \forall integer k; lo <= k < hi ==>
          *mv_item(src, k) == \at(*mv_item(src, k), Pre);
        loop assigns lo, hi, { *mv_item(dst, k) | integer k; 0 <= k < dst.len };
        loop variant hi - lo;
    */
    while (lo < hi) {
        //@ ghost mv__lemma_inward_step(f, dst, src, lo, hi - 1);
        if (mv__gap_at(f, dst, src, lo) >= mv__gap_at(f, dst, src, hi - 1)) {
            //@ ghost mv__lemma_distinct(dst, (ptrdiff_t)lo);
            mv__copy_one(dst, src, lo);
            lo++;
        } else {
            hi--;
            //@ ghost mv__lemma_distinct(dst, (ptrdiff_t)hi);
            mv__copy_one(dst, src, hi);
        }
    }
}

/* Whether the dst_bytes bytes at dst and the src_bytes bytes at src share
 * a byte, and if so the positions of the two starts, measured from the
 * lower one: two blocks overlap exactly when one's start is a byte of the
 * other, so each start is looked for among the other's bytes. */
/*@ requires bytes: dst_bytes >= 1 && src_bytes >= 1;
    terminates \true;
    assigns \nothing;
    ensures apart: !\result.overlap ==>
      \separated(dst + (0 .. dst_bytes - 1), src + (0 .. src_bytes - 1));
    ensures frame: \result.overlap ==>
      (\result.dst_base == 0 && \result.src_base < dst_bytes && src == dst + \result.src_base) ||
      (\result.src_base == 0 && \result.dst_base < src_bytes && dst == src + \result.dst_base);
*/
static mv__frame mv__blocks_frame(const char *dst, size_t dst_bytes, const char *src, size_t src_bytes)
{
    mv__frame r = { false, 0, 0 };
    size_t at = mv__offset_in(dst, dst_bytes, src);
    if (at < dst_bytes) {
        r.overlap = true;
        r.src_base = at;
        return r;
    }
    at = mv__offset_in(src, src_bytes, dst);
    if (at < src_bytes) {
        r.overlap = true;
        r.dst_base = at;
    }
    return r;
}

/* Whether the spans of two non-empty views share a byte; if so, the frame
 * that gives each of their items a position. */
/*@ requires valid: mv_valid(dst) && mv_valid(src) && dst.len >= 1 && src.len >= 1;
    terminates \true;
    assigns \nothing;
    ensures apart: !\result.overlap ==>
      \separated(dst.data + (mv_span_lo(dst.len, dst.stride) .. mv_span_hi(dst.len, dst.stride)),
                 src.data + (mv_span_lo(src.len, src.stride) .. mv_span_hi(src.len, src.stride)));
    ensures framed: \result.overlap ==> mv__framed(\result, dst, src);
*/
static mv__frame mv__spans_frame(mv_view dst, mv_view src)
{
    return mv__blocks_frame(mv__span_low(dst), mv__span_bytes(dst), mv__span_low(src), mv__span_bytes(src));
}

/* Item i of a non-empty view is byte i from its start: one item, or
 * stride 1. */
/*@ requires len: v.len >= 1;
    terminates \true;
    assigns \nothing;
    ensures result: \result == 1 <==> (v.len == 1 || v.stride == 1);
*/
static bool mv__is_contiguous(mv_view v)
{
    return v.len == 1 || v.stride == 1;
}

/* dst[:] = src for contiguous views: libc's memmove, which copes with any
 * overlap as if through a temporary, so no overlap test is needed. */
/*@ requires valid: mv_valid(dst) && mv_valid(src);
    requires writable: dst.readonly == 0 && dst.len == src.len && dst.len >= 1;
    requires contiguous: (dst.len == 1 || dst.stride == 1) && (src.len == 1 || src.stride == 1);
    terminates \true;
    assigns { *mv_item(dst, i) | integer i; 0 <= i < dst.len };
    ensures copied: \forall integer i; 0 <= i < dst.len ==> *mv_item(dst, i) == \old(*mv_item(src, i));
*/
static void mv__move_bytes(mv_view dst, mv_view src)
{
    /* Stated before the call so that its write set is seen to be the items. */
    //@ assert items: \forall integer k; 0 <= k < dst.len ==> dst.data + k == mv_item(dst, k);
    //@ assert items: \forall integer k; 0 <= k < src.len ==> src.data + k == mv_item(src, k);
    memmove(dst.data, src.data, dst.len);
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
    if (mv__is_contiguous(dst) && mv__is_contiguous(src)) {
        mv__move_bytes(dst, src);
        return MV_OK;
    }
    mv__frame frame = mv__spans_frame(dst, src);
    if (!frame.overlap) {
        //@ ghost mv__lemma_apart(dst, src);
        mv__copy_forward(dst, src);
        return MV_OK;
    }
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
    //@ ghost mv__lemma_hits(frame, dst, src);
    if (mv__magnitude(dst.stride) <= mv__magnitude(src.stride))
        mv__copy_outward(frame, dst, src, mv__outward_start(frame, dst, src));
    else
        mv__copy_inward(frame, dst, src);
    return MV_OK;
}
