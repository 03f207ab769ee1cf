/* mv_cursor.c — a view used as a cursor: reads and writes that consume it.
 *
 * Module invariant: an operation first checks that the cursor has the
 * items it needs (or changes nothing), then touches exactly items
 * 0 .. n-1 of the cursor, then advances it by n.  Integers are assembled
 * and split with multiplications and divisions by 256 only, which is what
 * the contracts' mv_be_of / mv_le_of / mv_byte_of say.
 *
 * The sixteen integer functions are one read (mv__read_uint) and one write
 * (mv__write_uint) of n items in either byte order, proven once for every
 * n in 1..8; each public function passes its width and order and is proven
 * from those contracts and mv__cursor_check's alone.
 */
#include "memview.h"

#include "mv_internal.h"

/* The checks every cursor operation starts with, in the documented order.
 * have_out: the caller's output pointer is usable; write: the operation
 * stores through the cursor. */
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
static void mv__drop_front(mv_view *cur, size_t n)
{
    mv__store_view(cur, mv__cut(*cur, n, cur->len - n));
}

/* Items 0 .. n-1 of v as an unsigned integer.  One loop for both orders:
 * step k takes item k (big) or item n-1-k (little) as the next less
 * significant byte, so after k steps value holds the k most significant
 * bytes: mv_be_of(v, 0, k), or mv_le_of(v, n - k, k). */
/*@ requires valid: mv_valid(v);
    requires width: 1 <= n <= 8 && n <= v.len;
    terminates \true;
    assigns \nothing;
    ensures value: \result == mv_uint_of(v, n, big != 0);
    ensures bound: \result < mv_pow256(n);
*/
static uint64_t mv__load_uint(mv_view v, size_t n, bool big)
{
    uint64_t value = 0;
    /*@ loop invariant k: 0 <= k <= n;
        loop invariant big: big ==> value == mv_be_of(v, 0, k);
        loop invariant little: !big ==> value == mv_le_of(v, n - k, k);
        loop invariant bound: value < mv_pow256(k);
        loop assigns k, value;
        loop variant n - k;
    */
    for (size_t k = 0; k < n; k++) {
        size_t index = big ? k : n - 1 - k;
        /* value < 256^k <= 256^7, so value * 256 + byte < 2^64. */
        value = value * 256u + mv__u8(*mv__item(v, (ptrdiff_t)index));
    }
    return value;
}

/* Items 0 .. n-1 of v = the n low bytes of value, most significant first
 * (big) or least significant first (little). */
/*@ requires valid: mv_valid(v) && v.readonly == 0;
    requires width: 1 <= n <= 8 && n <= v.len;
    terminates \true;
    assigns { *mv_item(v, i) | integer i; 0 <= i < n };
    ensures bytes: \forall integer i; 0 <= i < n ==>
      mv_at(v, i) == mv_byte_of(value, big ? n - 1 - i : i);
*/
static void mv__store_uint(mv_view v, size_t n, bool big, uint64_t value)
{
    uint64_t rest = value;
    /*@ loop invariant k: 0 <= k <= n;
        loop invariant rest: rest == mv_shift256(value, k);
        loop invariant big: big ==> \forall integer i; n - k <= i < n ==>
          mv_at(v, i) == mv_byte_of(value, n - 1 - i);
        loop invariant little: !big ==> \forall integer i; 0 <= i < k ==>
          mv_at(v, i) == mv_byte_of(value, i);
        loop assigns k, rest, { *mv_item(v, i) | integer i; 0 <= i < n };
        loop variant n - k;
    */
    for (size_t k = 0; k < n; k++) {
        size_t index = big ? n - 1 - k : k;
        //@ ghost mv__lemma_distinct(v, (ptrdiff_t)index);
        *mv__item(v, (ptrdiff_t)index) = mv__s8((uint8_t)(rest % 256u));
        rest /= 256u;
    }
}

/* ---------------------------------------------- the two integer cores */
/* The sixteen integer functions test the cursor with mv__cursor_check and,
 * on MV_OK, call one of these two with their width and order.  The status
 * tests stay in the callers: WP checks a caller's `assigns \nothing`
 * behaviors against a callee's global assigns clause, so a core that could
 * fail would make every failing behavior of the caller unprovable. */

/* The integer reads, for any width 1..8: the first n items as an unsigned
 * integer in the given order, then cur = cur[n:].  bound lets the caller
 * narrow the value to its type without loss. */
/*@ requires cur_valid: \valid(cur) && mv_valid(*cur);
    requires holds: mv_cursor_holds(cur, n);
    requires width: 1 <= n <= 8;
    terminates \true;
    assigns *cur;
    ensures read: mv_cursor_read{Pre,Post}(cur, n, big != 0, \result);
    ensures bound: \result < mv_pow256(n);
*/
static uint64_t mv__read_uint(mv_view *cur, size_t n, bool big)
{
    uint64_t value = mv__load_uint(*cur, n, big);
    mv__drop_front(cur, n);
    return value;
}

/* The integer writes, for any width 1..8: the first n items = the n low
 * bytes of value in the given order, then cur = cur[n:]. */
/*@ requires cur_valid: \valid(cur) && mv_valid(*cur);
    requires room: mv_cursor_room(cur, n);
    requires width: 1 <= n <= 8;
    terminates \true;
    assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < n };
    ensures written: mv_cursor_wrote{Pre,Post}(cur, n, big != 0, value);
*/
static void mv__write_uint(mv_view *cur, size_t n, bool big, uint64_t value)
{
    mv__store_uint(*cur, n, big, value);
    mv__drop_front(cur, n);
}

/* ------------------------------------------------------------ reads */

/* Each read narrows a value that mv__read_uint bounds by 256^width, so the
 * cast keeps it whole. */

mv_status mv_read_u8(mv_view *cur, uint8_t *out)
{
    mv_status status = mv__cursor_check(cur, out != NULL, false, 1);
    if (status == MV_OK)
        *out = (uint8_t)mv__read_uint(cur, 1, true);
    return status;
}

mv_status mv_read_be16(mv_view *cur, uint16_t *out)
{
    mv_status status = mv__cursor_check(cur, out != NULL, false, 2);
    if (status == MV_OK)
        *out = (uint16_t)mv__read_uint(cur, 2, true);
    return status;
}

mv_status mv_read_be24(mv_view *cur, uint32_t *out)
{
    mv_status status = mv__cursor_check(cur, out != NULL, false, 3);
    if (status == MV_OK)
        *out = (uint32_t)mv__read_uint(cur, 3, true);
    return status;
}

mv_status mv_read_be32(mv_view *cur, uint32_t *out)
{
    mv_status status = mv__cursor_check(cur, out != NULL, false, 4);
    if (status == MV_OK)
        *out = (uint32_t)mv__read_uint(cur, 4, true);
    return status;
}

mv_status mv_read_be64(mv_view *cur, uint64_t *out)
{
    mv_status status = mv__cursor_check(cur, out != NULL, false, 8);
    if (status == MV_OK)
        *out = mv__read_uint(cur, 8, true);
    return status;
}

mv_status mv_read_le16(mv_view *cur, uint16_t *out)
{
    mv_status status = mv__cursor_check(cur, out != NULL, false, 2);
    if (status == MV_OK)
        *out = (uint16_t)mv__read_uint(cur, 2, false);
    return status;
}

mv_status mv_read_le32(mv_view *cur, uint32_t *out)
{
    mv_status status = mv__cursor_check(cur, out != NULL, false, 4);
    if (status == MV_OK)
        *out = (uint32_t)mv__read_uint(cur, 4, false);
    return status;
}

mv_status mv_read_le64(mv_view *cur, uint64_t *out)
{
    mv_status status = mv__cursor_check(cur, out != NULL, false, 8);
    if (status == MV_OK)
        *out = mv__read_uint(cur, 8, false);
    return status;
}

mv_status mv_read_view(mv_view *cur, size_t n, mv_view *out)
{
    mv_status status = mv__cursor_check(cur, out != NULL && out != cur, false, n);
    if (status != MV_OK)
        return status;
    mv__store_view(out, mv__cut(*cur, 0, n));
    mv__drop_front(cur, n);
    return MV_OK;
}

mv_status mv_read_bytes(mv_view *cur, void *dst, size_t n)
{
    mv_status status = mv__cursor_check(cur, !(dst == NULL && n > 0), false, n);
    if (status != MV_OK)
        return status;
    if (n > 0)
        mv__copy_items_out(*cur, dst, n);
    mv__drop_front(cur, n);
    return MV_OK;
}

/* ----------------------------------------------------------- writes */

mv_status mv_write_u8(mv_view *cur, uint8_t v)
{
    mv_status status = mv__cursor_check(cur, true, true, 1);
    if (status == MV_OK)
        mv__write_uint(cur, 1, true, v);
    return status;
}

mv_status mv_write_be16(mv_view *cur, uint16_t v)
{
    mv_status status = mv__cursor_check(cur, true, true, 2);
    if (status == MV_OK)
        mv__write_uint(cur, 2, true, v);
    return status;
}

mv_status mv_write_be24(mv_view *cur, uint32_t v)
{
    mv_status status = mv__cursor_check(cur, true, true, 3);
    if (status == MV_OK)
        mv__write_uint(cur, 3, true, v);
    return status;
}

mv_status mv_write_be32(mv_view *cur, uint32_t v)
{
    mv_status status = mv__cursor_check(cur, true, true, 4);
    if (status == MV_OK)
        mv__write_uint(cur, 4, true, v);
    return status;
}

mv_status mv_write_be64(mv_view *cur, uint64_t v)
{
    mv_status status = mv__cursor_check(cur, true, true, 8);
    if (status == MV_OK)
        mv__write_uint(cur, 8, true, v);
    return status;
}

mv_status mv_write_le16(mv_view *cur, uint16_t v)
{
    mv_status status = mv__cursor_check(cur, true, true, 2);
    if (status == MV_OK)
        mv__write_uint(cur, 2, false, v);
    return status;
}

mv_status mv_write_le32(mv_view *cur, uint32_t v)
{
    mv_status status = mv__cursor_check(cur, true, true, 4);
    if (status == MV_OK)
        mv__write_uint(cur, 4, false, v);
    return status;
}

mv_status mv_write_le64(mv_view *cur, uint64_t v)
{
    mv_status status = mv__cursor_check(cur, true, true, 8);
    if (status == MV_OK)
        mv__write_uint(cur, 8, false, v);
    return status;
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
    mv__drop_front(cur, src.len);
    return MV_OK;
}
