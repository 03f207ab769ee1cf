/* mv_cursor.c — a view used as a cursor: reads and writes that consume it.
 *
 * Module invariant: an operation first checks that the cursor has the
 * items it needs (or changes nothing), then touches exactly items
 * 0 .. n-1 of the cursor, then advances it by n.  Integers are assembled
 * least significant byte first, each byte shifted into place (byte << 8j,
 * which mv__lemma_byte_shift proves is byte * 256^j), and split by
 * divisions by 256: the orders in which the contracts' mv_be_of / mv_le_of
 * and mv_byte_of are defined.
 *
 * The integer functions are inline (memview/inline.h), each one call of
 * mv__read_uint or mv__write_uint with its width and order: a contiguous
 * cursor is read or written there directly; every other case comes here,
 * to one read (mv__load_uint) and one write (mv__store_uint) of n items of
 * any stride in either byte order, proven once for every n in 1..8,
 * external so that the inline definitions can call them.  The
 * status tests stay in the callers: WP checks a caller's `assigns \nothing`
 * behaviors against a callee's global assigns clause, so a core that could
 * fail would make every failing behavior of the caller unprovable.
 */
#define MV_DEFINE_CURSOR_INLINES
#include "memview.h"

#include "mv_internal.h"

/* The external definitions of the inline functions of memview/inline.h:
 * the integer reads and writes and the paths they share. */
extern inline mv_status mv_read_u8(mv_view *cur, uint8_t *out);
extern inline mv_status mv_read_be16(mv_view *cur, uint16_t *out);
extern inline mv_status mv_read_be24(mv_view *cur, uint32_t *out);
extern inline mv_status mv_read_be32(mv_view *cur, uint32_t *out);
extern inline mv_status mv_read_be64(mv_view *cur, uint64_t *out);
extern inline mv_status mv_read_le16(mv_view *cur, uint16_t *out);
extern inline mv_status mv_read_le32(mv_view *cur, uint32_t *out);
extern inline mv_status mv_read_le64(mv_view *cur, uint64_t *out);
extern inline mv_status mv_read_le24(mv_view *cur, uint32_t *out);
extern inline mv_status mv_read_i8(mv_view *cur, int8_t *out);
extern inline mv_status mv_read_be_i16(mv_view *cur, int16_t *out);
extern inline mv_status mv_read_le_i16(mv_view *cur, int16_t *out);
extern inline mv_status mv_read_be_i32(mv_view *cur, int32_t *out);
extern inline mv_status mv_read_le_i32(mv_view *cur, int32_t *out);
extern inline mv_status mv_read_be_i64(mv_view *cur, int64_t *out);
extern inline mv_status mv_read_le_i64(mv_view *cur, int64_t *out);
extern inline mv_status mv_read_be_uint(mv_view *cur, size_t n, uint64_t *value);
extern inline mv_status mv_read_le_uint(mv_view *cur, size_t n, uint64_t *value);
extern inline mv_status mv_write_u8(mv_view *cur, uint8_t v);
extern inline mv_status mv_write_be16(mv_view *cur, uint16_t v);
extern inline mv_status mv_write_be24(mv_view *cur, uint32_t v);
extern inline mv_status mv_write_be32(mv_view *cur, uint32_t v);
extern inline mv_status mv_write_be64(mv_view *cur, uint64_t v);
extern inline mv_status mv_write_le16(mv_view *cur, uint16_t v);
extern inline mv_status mv_write_le24(mv_view *cur, uint32_t v);
extern inline mv_status mv_write_le32(mv_view *cur, uint32_t v);
extern inline mv_status mv_write_le64(mv_view *cur, uint64_t v);
extern inline mv_status mv__cursor_status(const mv_view *cur, bool have_out, bool write, size_t n);
extern inline void mv__cursor_drop(mv_view *cur, size_t n);
extern inline uint64_t mv__take_uint(mv_view *cur, size_t n, bool big);
extern inline void mv__put_uint(mv_view *cur, size_t n, bool big, uint64_t value);
extern inline uint64_t mv__read_uint(mv_view *cur, size_t n, bool big);
extern inline void mv__write_uint(mv_view *cur, size_t n, bool big, uint64_t value);
extern inline int8_t mv__int8_of(uint64_t value);
extern inline int16_t mv__int16_of(uint64_t value);
extern inline int32_t mv__int32_of(uint64_t value);
extern inline int64_t mv__int64_of(uint64_t value);

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

/* Items 0 .. n-1 of v as an unsigned integer, built as mv__take_uint
 * builds it (memview/inline.h): step k adds the byte worth 256^k, item
 * n-1-k (big) or item k (little), so after k steps value holds the k least
 * significant bytes: mv_be_of(v, n - k, k), or mv_le_of(v, 0, k). */
/*@ requires valid: mv_valid(v);
    requires width: 1 <= n <= 8 && n <= v.len;
    terminates \true;
    assigns \nothing;
    ensures value: \result == mv_uint_of(v, n, big != 0);
    ensures bound: \result < mv_pow256(n);
*/
uint64_t mv__load_uint(mv_view v, size_t n, bool big)
{
    uint64_t value = 0;
    /*@ loop invariant k: 0 <= k <= n;
        loop invariant big: big ==> value == mv_be_of(v, n - k, k);
        loop invariant little: !big ==> value == mv_le_of(v, 0, k);
        loop invariant bound: value < mv_pow256(k);
        loop assigns k, value;
        loop variant n - k;
    */
    for (size_t k = 0; k < n; k++) {
        size_t index = big ? n - 1 - k : k;
        uint64_t byte = mv__u8(*mv__item(v, (ptrdiff_t)index));
        //@ assert byte: byte == mv_at(v, index);
        //@ ghost mv__lemma_byte_shift(byte, k);
        /* value < 256^k, so value + byte * 256^k < 256^(k+1) <= 2^64. */
        //@ assert room: value + byte * mv_pow256(k) < mv_pow256(k + 1);
        value += byte << (8 * k);
        //@ assert big: big ==> value == mv_be_of(v, n - 1 - k, k + 1);
        //@ assert little: !big ==> value == mv_le_of(v, 0, k + 1);
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
void mv__store_uint(mv_view v, size_t n, bool big, uint64_t value)
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

/* ------------------------------------------------------------ reads */

mv_status mv_read_view(mv_view *cur, size_t n, mv_view *out)
{
    mv_status status = mv__cursor_status(cur, out != NULL && out != cur, false, n);
    if (status != MV_OK)
        return status;
    mv__store_view(out, mv__cut(*cur, 0, n));
    mv__drop_front(cur, n);
    return MV_OK;
}

mv_status mv_read_bytes(mv_view *cur, void *dst, size_t n)
{
    mv_status status = mv__cursor_status(cur, !(dst == NULL && n > 0), false, n);
    if (status != MV_OK)
        return status;
    if (n > 0)
        mv__copy_items_out(*cur, dst, n);
    mv__drop_front(cur, n);
    return MV_OK;
}

/* ----------------------------------------------------------- writes */

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
    mv_view head = mv__cut(*cur, 0, src.len);
    //@ assert items: \forall integer i; 0 <= i < src.len ==> mv_item(head, i) == mv_item(*cur, i);
    mv_status status = mv_assign(head, src);
    /* Equal lengths, live views, writable destination: always MV_OK. */
    //@ assert status == MV_OK;
    (void)status;
    mv__drop_front(cur, src.len);
    return MV_OK;
}
