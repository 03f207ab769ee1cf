/* mv_bytes.c — reading and writing the items of a view.
 *
 * Module invariant: every address dereferenced here is an item address
 * v.data + i * v.stride with 0 <= i < v.len of a valid view, reached by
 * stepping a pointer one stride at a time (never past the last item, so no
 * pointer is formed outside the object), or a byte of a caller buffer
 * below its capacity.
 */
#include "memview.h"

#include "mv_internal.h"

#ifdef __FRAMAC__
#include "memview_os.h"
#endif
#include <stdlib.h>

/* CPython's index normalisation: index in [-len, len) → [0, len), or -1. */
/*@ requires len: len <= PTRDIFF_MAX;
    terminates \true;
    assigns \nothing;
    ensures out_of_range: (index < -len || index >= len) ==> \result == -1;
    ensures in_range: -len <= index < len ==>
      \result == (index < 0 ? index + len : index) && 0 <= \result < len;
*/
static ptrdiff_t mv__norm_index(size_t len, ptrdiff_t index)
{
    ptrdiff_t n = (ptrdiff_t)len;
    if (index < -n || index >= n)
        return -1;
    return index < 0 ? index + n : index;
}

mv_status mv_get(mv_view v, ptrdiff_t index, uint8_t *out)
{
    if (out == NULL)
        return MV_EINVAL;
    if (v.released)
        return MV_ERELEASED;
    ptrdiff_t i = mv__norm_index(v.len, index);
    if (i < 0)
        return MV_ERANGE;
    *out = mv__u8(*mv__item(v, i));
    return MV_OK;
}

mv_status mv_set(mv_view v, ptrdiff_t index, uint8_t value)
{
    if (v.released)
        return MV_ERELEASED;
    if (v.readonly)
        return MV_EREADONLY;
    ptrdiff_t i = mv__norm_index(v.len, index);
    if (i < 0)
        return MV_ERANGE;
    *mv__item(v, i) = mv__s8(value);
    return MV_OK;
}

/* dst[0 .. len-1] = the items of v, in order. */
/*@ requires valid: mv_valid(v) && v.len >= 1;
    requires dst: \valid(dst + (0 .. v.len - 1));
    requires apart: \separated(dst + (0 .. v.len - 1),
                               v.data + (mv_span_lo(v.len, v.stride) .. mv_span_hi(v.len, v.stride)));
    terminates \true;
    assigns dst[0 .. v.len - 1];
    ensures bytes: \forall integer i; 0 <= i < v.len ==> dst[i] == *mv_item(v, i);
*/
static void mv__gather(mv_view v, char *dst)
{
    const char *p = v.data;
    /*@ loop invariant i: 0 <= i < v.len;
        loop invariant p: p == mv_item(v, i);
        loop invariant done: \forall integer k; 0 <= k < i ==> dst[k] == *mv_item(v, k);
        loop assigns i, p, dst[0 .. v.len - 1];
        loop variant v.len - i;
    */
    for (size_t i = 0;; i++) {
        //@ assert mv_span_lo(v.len, v.stride) <= i * v.stride <= mv_span_hi(v.len, v.stride);
        dst[i] = *p;
        if (i + 1 == v.len)
            break;
        p += v.stride;
    }
}

mv_status mv_tobytes(mv_view v, void *dst, size_t cap, size_t *written)
{
    if (written == NULL || (dst == NULL && cap > 0))
        return MV_EINVAL;
    if (v.released)
        return MV_ERELEASED;
    if (cap < v.len)
        return MV_ERANGE;
    if (v.len > 0)
        mv__gather(v, dst);
    *written = v.len;
    return MV_OK;
}

mv_status mv_fill(mv_view dst, uint8_t value)
{
    if (dst.released)
        return MV_ERELEASED;
    if (dst.readonly)
        return MV_EREADONLY;
    if (dst.len == 0)
        return MV_OK;
    char c = mv__s8(value);
    char *p = dst.data;
    /*@ loop invariant i: 0 <= i < dst.len;
        loop invariant p: p == mv_item(dst, i);
        loop invariant done: \forall integer k; 0 <= k < i ==> mv_at(dst, k) == value;
        loop assigns i, p, { *mv_item(dst, k) | integer k; 0 <= k < dst.len };
        loop variant dst.len - i;
    */
    for (size_t i = 0;; i++) {
        *p = c;
        if (i + 1 == dst.len)
            break;
        p += dst.stride;
    }
    return MV_OK;
}

/* Whether dst's item 0 is one of src's items 1 .. len-1: then a forward
 * copy between views of the same stride would overwrite source items
 * before reading them.  Only pointer equality is used, which C defines for
 * pointers into different objects (an ordering comparison is not). */
/*@ requires valid: mv_valid(src) && src.len >= 1;
    terminates \true;
    assigns \nothing;
    ensures \result == 1 <==> \exists integer t; 1 <= t < src.len && target == mv_item(src, t);
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
        if (q == target)
            return true;
    }
    return false;
}

/* dst[i] = src[i] for i = 0, 1, ...: safe when no destination item
 * coincides with a source item that is read later. */
/*@ requires valid: mv_valid(dst) && mv_valid(src);
    requires writable: dst.readonly == 0 && dst.len == src.len && dst.len >= 1;
    requires same_stride: dst.stride == src.stride;
    requires forward_safe: \forall integer t; 1 <= t < src.len ==> dst.data != mv_item(src, t);
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
    requires same_stride: dst.stride == src.stride;
    requires backward_safe: \exists integer t; 1 <= t < src.len && dst.data == mv_item(src, t);
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

/* Whether the byte at b is one of the n bytes starting at a. */
/*@ requires valid: n >= 1 && \valid_read(a + (0 .. n - 1));
    terminates \true;
    assigns \nothing;
    ensures \result == 1 <==> \exists integer k; 0 <= k < n && a + k == b;
*/
static bool mv__byte_in(const char *a, size_t n, const char *b)
{
    /*@ loop invariant k: 0 <= k <= n;
        loop invariant none: \forall integer j; 0 <= j < k ==> a + j != b;
        loop assigns k;
        loop variant n - k;
    */
    for (size_t k = 0; k < n; k++)
        if (a + k == b)
            return true;
    return false;
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

/* Whether the spans of two non-empty views share a byte. */
/*@ requires valid: mv_valid(a) && mv_valid(b) && a.len >= 1 && b.len >= 1;
    terminates \true;
    assigns \nothing;
    ensures apart: \result == 0 ==>
      \separated(a.data + (mv_span_lo(a.len, a.stride) .. mv_span_hi(a.len, a.stride)),
                 b.data + (mv_span_lo(b.len, b.stride) .. mv_span_hi(b.len, b.stride)));
*/
static bool mv__spans_meet(mv_view a, mv_view b)
{
    const char *la = mv__span_low(a);
    const char *lb = mv__span_low(b);
    return mv__byte_in(la, mv__span_bytes(a), lb) || mv__byte_in(lb, mv__span_bytes(b), la);
}

/* dst[i] = src[i] in any order: the two views share no byte. */
/*@ requires valid: mv_valid(dst) && mv_valid(src);
    requires writable: dst.readonly == 0 && dst.len == src.len && dst.len >= 1;
    requires apart:
      \separated(dst.data + (mv_span_lo(dst.len, dst.stride) .. mv_span_hi(dst.len, dst.stride)),
                 src.data + (mv_span_lo(src.len, src.stride) .. mv_span_hi(src.len, src.stride)));
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
        loop assigns i, d, s, { *mv_item(dst, k) | integer k; 0 <= k < dst.len };
        loop variant dst.len - i;
    */
    for (size_t i = 0;; i++) {
        *d = *s;
        if (i + 1 == dst.len)
            break;
        d += dst.stride;
        s += src.stride;
    }
}

/* The items of v = src[0 .. len-1]. */
/*@ requires valid: mv_valid(v) && v.len >= 1 && v.readonly == 0;
    requires src: \valid_read(src + (0 .. v.len - 1));
    requires apart: \separated(src + (0 .. v.len - 1),
                               v.data + (mv_span_lo(v.len, v.stride) .. mv_span_hi(v.len, v.stride)));
    terminates \true;
    assigns { *mv_item(v, i) | integer i; 0 <= i < v.len };
    ensures bytes: \forall integer i; 0 <= i < v.len ==> *mv_item(v, i) == src[i];
*/
static void mv__scatter(mv_view v, const char *src)
{
    char *p = v.data;
    /*@ loop invariant i: 0 <= i < v.len;
        loop invariant p: p == mv_item(v, i);
        loop invariant done: \forall integer k; 0 <= k < i ==> *mv_item(v, k) == src[k];
        loop assigns i, p, { *mv_item(v, k) | integer k; 0 <= k < v.len };
        loop variant v.len - i;
    */
    for (size_t i = 0;; i++) {
        *p = src[i];
        if (i + 1 == v.len)
            break;
        p += v.stride;
    }
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
        if (mv__is_later_item(src, dst.data))
            mv__copy_backward(dst, src);
        else
            mv__copy_forward(dst, src);
        return MV_OK;
    }
    if (!mv__spans_meet(dst, src)) {
        mv__copy_apart(dst, src);
        return MV_OK;
    }
    /* Different strides over shared bytes: no copying order is safe in
     * general, so the source is staged in a temporary. */
    char *tmp = malloc(src.len);
    if (tmp == NULL)
        return MV_ENOMEM;
    mv__gather(src, tmp);
    mv__scatter(dst, tmp);
    free(tmp);
    return MV_OK;
}
