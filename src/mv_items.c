/* mv_items.c — reading and writing the items of a view (memview/items.h).
 *
 * Module invariant: every address dereferenced here is an item address
 * v.data + i * v.stride with 0 <= i < v.len of a valid view, reached by
 * stepping a pointer one stride at a time (never past the last item, so no
 * pointer is formed outside the object), or a byte of a caller buffer
 * below its capacity.
 */
#define MV_DEFINE_ITEMS_INLINES
#include "memview.h"

#include "mv_internal.h"

/* The external definitions of the inline functions of memview/inline.h. */
extern inline mv_status mv_get(mv_view v, ptrdiff_t index, uint8_t *out);
extern inline mv_status mv_set(mv_view v, ptrdiff_t index, uint8_t value);


/* mv_get and mv_set are inline (memview/inline.h): their index
 * normalisation is written there, since an inline definition cannot call
 * a static helper. */

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

/* Every byte of a contiguous view = value: libc's memset. */
/*@ requires valid: mv_valid(dst) && dst.len >= 1 && dst.stride == 1 && dst.readonly == 0;
    terminates \true;
    assigns { *mv_item(dst, k) | integer k; 0 <= k < dst.len };
    ensures set: \forall integer k; 0 <= k < dst.len ==> mv_at(dst, k) == value;
*/
static void mv__set_bytes(mv_view dst, uint8_t value)
{
    /* Stated before the call so that its write set is seen to be the items. */
    //@ assert items: \forall integer k; 0 <= k < dst.len ==> dst.data + k == mv_item(dst, k);
    memset(dst.data, value, dst.len);
}

mv_status mv_fill(mv_view dst, uint8_t value)
{
    if (dst.released)
        return MV_ERELEASED;
    if (dst.readonly)
        return MV_EREADONLY;
    if (dst.len == 0)
        return MV_OK;
    if (dst.stride == 1) {
        mv__set_bytes(dst, value);
        return MV_OK;
    }
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
