/* mv_items.c — reading and writing the items of a view (memview/items.h).
 *
 * Module invariant: every address dereferenced here is an item address
 * v.data + i * v.stride with 0 <= i < v.len of a valid view, reached by
 * stepping a pointer one stride at a time (never past the last item, so no
 * pointer is formed outside the object), or a byte of a caller buffer
 * below its capacity.
 */
#include "memview.h"

#include "mv_internal.h"


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

mv_status mv_tobytes(mv_view v, void *dst, size_t cap, size_t *written)
{
    if (written == NULL || (dst == NULL && cap > 0))
        return MV_EINVAL;
    if (v.released)
        return MV_ERELEASED;
    if (cap < v.len)
        return MV_ERANGE;
    if (v.len > 0)
        mv__copy_items_out(v, dst, v.len);
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
        //@ ghost mv__lemma_distinct(dst, (ptrdiff_t)i);
        *p = c;
        if (i + 1 == dst.len)
            break;
        p += dst.stride;
    }
    return MV_OK;
}
