/* mv_cursor.c — a view used as a cursor: reads and writes that consume it.
 *
 * Module invariant: an operation first checks that the cursor has the
 * items it needs (or changes nothing), then touches exactly items
 * 0 .. n-1 of the cursor, then advances it by n.  Integers are assembled
 * and split with multiplications and divisions by 256 only, which is what
 * the contracts' mv_be_of / mv_le_of / mv_byte_of say.
 */
#include "memview.h"

#include "mv_internal.h"

/* The checks every cursor operation starts with, in the documented order. */
/*@ requires cur_valid: cur == \null || (\valid_read(cur) && mv_valid(*cur));
    terminates \true;
    assigns \nothing;
    ensures bad_pointer: (cur == \null || !have_out) ==> \result == MV_EINVAL;
    ensures released: cur != \null && have_out && cur->released != 0 ==> \result == MV_ERELEASED;
    ensures writable: cur != \null && have_out && cur->released == 0 && write && cur->readonly != 0 ==>
      \result == MV_EREADONLY;
    ensures short: cur != \null && have_out && cur->released == 0 && !(write && cur->readonly != 0) &&
      cur->len < n ==> \result == MV_ERANGE;
    ensures ok: cur != \null && have_out && cur->released == 0 && !(write && cur->readonly != 0) &&
      cur->len >= n ==> \result == MV_OK;
*/
static mv_status mv__cursor_check(const mv_view *cur, bool have_out, bool write, size_t n)
{
    if (cur == NULL || !have_out)
        return MV_EINVAL;
    if (cur->released)
        return MV_ERELEASED;
    if (write && cur->readonly)
        return MV_EREADONLY;
    if (cur->len < n)
        return MV_ERANGE;
    return MV_OK;
}

/* cur = cur[n:]. */
/*@ requires cur_valid: \valid(cur) && mv_valid(*cur) && cur->released == 0;
    requires n: n <= cur->len;
    terminates \true;
    assigns *cur;
    ensures cursor: mv_valid(*cur) && mv_advanced_by(*cur, \old(*cur), n);
*/
static void mv__consume(mv_view *cur, size_t n)
{
    mv__put(cur, mv__cut(*cur, n, cur->len - n));
}

/* The first width items of v as a big-endian unsigned integer. */
/*@ requires valid: mv_valid(v);
    requires width: 1 <= width <= 8 && width <= v.len;
    terminates \true;
    assigns \nothing;
    ensures value: \result == mv_be_of(v, 0, width);
    ensures bound: \result < mv_pow256(width);
*/
static uint64_t mv__be_value(mv_view v, size_t width)
{
    uint64_t value = 0;
    /*@ loop invariant k: 0 <= k <= width;
        loop invariant value: value == mv_be_of(v, 0, k) && value < mv_pow256(k);
        loop assigns k, value;
        loop variant width - k;
    */
    for (size_t k = 0; k < width; k++) {
        /* value < 256^k <= 256^7, so value * 256 + byte < 2^64. */
        value = value * 256u + mv__u8(*mv__item(v, (ptrdiff_t)k));
    }
    return value;
}

/* The first width items of v as a little-endian unsigned integer. */
/*@ requires valid: mv_valid(v);
    requires width: 1 <= width <= 8 && width <= v.len;
    terminates \true;
    assigns \nothing;
    ensures value: \result == mv_le_of(v, 0, width);
    ensures bound: \result < mv_pow256(width);
*/
static uint64_t mv__le_value(mv_view v, size_t width)
{
    uint64_t value = 0;
    /*@ loop invariant k: 0 <= k <= width;
        loop invariant value: value == mv_le_of(v, k, width - k) && value < mv_pow256(width - k);
        loop assigns k, value;
        loop variant k;
    */
    for (size_t k = width; k > 0; k--)
        value = value * 256u + mv__u8(*mv__item(v, (ptrdiff_t)k - 1));
    return value;
}

/* Items 0 .. width-1 of v = the bytes of value, most significant first
 * (big) or least significant first (little). */
/*@ requires valid: mv_valid(v) && v.readonly == 0;
    requires width: 1 <= width <= 8 && width <= v.len;
    terminates \true;
    assigns { *mv_item(v, i) | integer i; 0 <= i < width };
    ensures big: big ==> \forall integer i; 0 <= i < width ==>
      mv_at(v, i) == mv_byte_of(value, width - 1 - i);
    ensures little: !big ==> \forall integer i; 0 <= i < width ==>
      mv_at(v, i) == mv_byte_of(value, i);
*/
static void mv__put_uint(mv_view v, size_t width, bool big, uint64_t value)
{
    uint64_t rest = value;
    /*@ loop invariant k: 0 <= k <= width;
        loop invariant rest: rest == mv_shift256(value, k);
        loop invariant big: big ==> \forall integer i; width - k <= i < width ==>
          mv_at(v, i) == mv_byte_of(value, width - 1 - i);
        loop invariant little: !big ==> \forall integer i; 0 <= i < k ==>
          mv_at(v, i) == mv_byte_of(value, i);
        loop assigns k, rest, { *mv_item(v, i) | integer i; 0 <= i < width };
        loop variant width - k;
    */
    for (size_t k = 0; k < width; k++) {
        size_t index = big ? width - 1 - k : k;
        //@ ghost mv__lemma_distinct(v, (ptrdiff_t)index);
        *mv__item(v, (ptrdiff_t)index) = mv__s8((uint8_t)(rest % 256u));
        rest /= 256u;
    }
}

/* ------------------------------------------------------------ reads */

mv_status mv_read_u8(mv_view *cur, uint8_t *out)
{
    mv_status status = mv__cursor_check(cur, out != NULL, false, 1);
    if (status != MV_OK)
        return status;
    *out = mv__u8(*cur->data);
    mv__consume(cur, 1);
    return MV_OK;
}

mv_status mv_read_be16(mv_view *cur, uint16_t *out)
{
    mv_status status = mv__cursor_check(cur, out != NULL, false, 2);
    if (status != MV_OK)
        return status;
    *out = (uint16_t)mv__be_value(*cur, 2);
    mv__consume(cur, 2);
    return MV_OK;
}

mv_status mv_read_be24(mv_view *cur, uint32_t *out)
{
    mv_status status = mv__cursor_check(cur, out != NULL, false, 3);
    if (status != MV_OK)
        return status;
    *out = (uint32_t)mv__be_value(*cur, 3);
    mv__consume(cur, 3);
    return MV_OK;
}

mv_status mv_read_be32(mv_view *cur, uint32_t *out)
{
    mv_status status = mv__cursor_check(cur, out != NULL, false, 4);
    if (status != MV_OK)
        return status;
    *out = (uint32_t)mv__be_value(*cur, 4);
    mv__consume(cur, 4);
    return MV_OK;
}

mv_status mv_read_be64(mv_view *cur, uint64_t *out)
{
    mv_status status = mv__cursor_check(cur, out != NULL, false, 8);
    if (status != MV_OK)
        return status;
    *out = mv__be_value(*cur, 8);
    mv__consume(cur, 8);
    return MV_OK;
}

mv_status mv_read_le16(mv_view *cur, uint16_t *out)
{
    mv_status status = mv__cursor_check(cur, out != NULL, false, 2);
    if (status != MV_OK)
        return status;
    *out = (uint16_t)mv__le_value(*cur, 2);
    mv__consume(cur, 2);
    return MV_OK;
}

mv_status mv_read_le32(mv_view *cur, uint32_t *out)
{
    mv_status status = mv__cursor_check(cur, out != NULL, false, 4);
    if (status != MV_OK)
        return status;
    *out = (uint32_t)mv__le_value(*cur, 4);
    mv__consume(cur, 4);
    return MV_OK;
}

mv_status mv_read_le64(mv_view *cur, uint64_t *out)
{
    mv_status status = mv__cursor_check(cur, out != NULL, false, 8);
    if (status != MV_OK)
        return status;
    *out = mv__le_value(*cur, 8);
    mv__consume(cur, 8);
    return MV_OK;
}

mv_status mv_read_view(mv_view *cur, size_t n, mv_view *out)
{
    mv_status status = mv__cursor_check(cur, out != NULL && out != cur, false, n);
    if (status != MV_OK)
        return status;
    mv__put(out, mv__cut(*cur, 0, n));
    mv__consume(cur, n);
    return MV_OK;
}

/* dst[0 .. n-1] = items 0 .. n-1 of v. */
/*@ requires valid: mv_valid(v) && 1 <= n <= v.len;
    requires dst: \valid(dst + (0 .. n - 1));
    requires apart: \separated(dst + (0 .. n - 1),
                               v.data + (mv_span_lo(v.len, v.stride) .. mv_span_hi(v.len, v.stride)));
    terminates \true;
    assigns dst[0 .. n - 1];
    ensures bytes: \forall integer i; 0 <= i < n ==> dst[i] == \old(*mv_item(v, i));
*/
static void mv__copy_out(mv_view v, char *dst, size_t n)
{
    const char *p = v.data;
    /*@ loop invariant i: 0 <= i < n;
        loop invariant p: p == mv_item(v, i);
        loop invariant done: \forall integer k; 0 <= k < i ==> dst[k] == \at(*mv_item(v, k), Pre);
        loop assigns i, p, dst[0 .. n - 1];
        loop variant n - i;
    */
    for (size_t i = 0;; i++) {
        //@ ghost mv__lemma_item_apart_from(v, (ptrdiff_t)i, dst, n);
        dst[i] = *p;
        if (i + 1 == n)
            break;
        p += v.stride;
    }
}

mv_status mv_read_bytes(mv_view *cur, void *dst, size_t n)
{
    mv_status status = mv__cursor_check(cur, !(dst == NULL && n > 0), false, n);
    if (status != MV_OK)
        return status;
    if (n > 0)
        mv__copy_out(*cur, dst, n);
    mv__consume(cur, n);
    return MV_OK;
}

/* ----------------------------------------------------------- writes */

mv_status mv_write_u8(mv_view *cur, uint8_t v)
{
    mv_status status = mv__cursor_check(cur, true, true, 1);
    if (status != MV_OK)
        return status;
    *cur->data = mv__s8(v);
    mv__consume(cur, 1);
    return MV_OK;
}

mv_status mv_write_be16(mv_view *cur, uint16_t v)
{
    mv_status status = mv__cursor_check(cur, true, true, 2);
    if (status != MV_OK)
        return status;
    mv__put_uint(*cur, 2, true, v);
    mv__consume(cur, 2);
    return MV_OK;
}

mv_status mv_write_be24(mv_view *cur, uint32_t v)
{
    mv_status status = mv__cursor_check(cur, true, true, 3);
    if (status != MV_OK)
        return status;
    mv__put_uint(*cur, 3, true, v);
    mv__consume(cur, 3);
    return MV_OK;
}

mv_status mv_write_be32(mv_view *cur, uint32_t v)
{
    mv_status status = mv__cursor_check(cur, true, true, 4);
    if (status != MV_OK)
        return status;
    mv__put_uint(*cur, 4, true, v);
    mv__consume(cur, 4);
    return MV_OK;
}

mv_status mv_write_be64(mv_view *cur, uint64_t v)
{
    mv_status status = mv__cursor_check(cur, true, true, 8);
    if (status != MV_OK)
        return status;
    mv__put_uint(*cur, 8, true, v);
    mv__consume(cur, 8);
    return MV_OK;
}

mv_status mv_write_le16(mv_view *cur, uint16_t v)
{
    mv_status status = mv__cursor_check(cur, true, true, 2);
    if (status != MV_OK)
        return status;
    mv__put_uint(*cur, 2, false, v);
    mv__consume(cur, 2);
    return MV_OK;
}

mv_status mv_write_le32(mv_view *cur, uint32_t v)
{
    mv_status status = mv__cursor_check(cur, true, true, 4);
    if (status != MV_OK)
        return status;
    mv__put_uint(*cur, 4, false, v);
    mv__consume(cur, 4);
    return MV_OK;
}

mv_status mv_write_le64(mv_view *cur, uint64_t v)
{
    mv_status status = mv__cursor_check(cur, true, true, 8);
    if (status != MV_OK)
        return status;
    mv__put_uint(*cur, 8, false, v);
    mv__consume(cur, 8);
    return MV_OK;
}

mv_status mv_write_view(mv_view *cur, mv_view src)
{
    if (cur == NULL)
        return MV_EINVAL;
    if (cur->released || src.released)
        return MV_ERELEASED;
    if (cur->readonly)
        return MV_EREADONLY;
    if (cur->len < src.len)
        return MV_ERANGE;
    mv_status status = mv_assign(mv__cut(*cur, 0, src.len), src);
    /* Equal lengths, live views, writable destination: always MV_OK. */
    //@ assert status == MV_OK;
    (void)status;
    mv__consume(cur, src.len);
    return MV_OK;
}
