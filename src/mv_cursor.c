/* mv_cursor.c — a view used as a cursor: reads and writes that consume it.
 *
 * Module invariant: an operation first checks that the cursor has the
 * items it needs (or changes nothing), then touches exactly items
 * 0 .. n-1 of the cursor, then advances it by n.  Integers are assembled
 * and split with multiplications and divisions by 256 only, which is what
 * the contracts' mv_be_of / mv_le_of / mv_byte_of say.
 *
 * The sixteen integer functions are inline (memview/inline.h): a
 * contiguous cursor is read or written there directly; every other case
 * comes here, to one read (mv__load_uint) and one write (mv__store_uint)
 * of n items of any stride in either byte order, proven once for every n
 * in 1..8, external so that the inline definitions can call them.  The
 * status tests stay in the callers: WP checks a caller's `assigns \nothing`
 * behaviors against a callee's global assigns clause, so a core that could
 * fail would make every failing behavior of the caller unprovable.
 */
#define MV_DEFINE_CURSOR_INLINES
#include "memview.h"

#include "mv_internal.h"

/* The external definitions of the inline functions of memview/inline.h:
 * the sixteen integer reads and writes and their contiguous paths. */
extern inline mv_status mv_read_u8(mv_view *cur, uint8_t *out);
extern inline mv_status mv_read_be16(mv_view *cur, uint16_t *out);
extern inline mv_status mv_read_be24(mv_view *cur, uint32_t *out);
extern inline mv_status mv_read_be32(mv_view *cur, uint32_t *out);
extern inline mv_status mv_read_be64(mv_view *cur, uint64_t *out);
extern inline mv_status mv_read_le16(mv_view *cur, uint16_t *out);
extern inline mv_status mv_read_le32(mv_view *cur, uint32_t *out);
extern inline mv_status mv_read_le64(mv_view *cur, uint64_t *out);
extern inline mv_status mv_write_u8(mv_view *cur, uint8_t v);
extern inline mv_status mv_write_be16(mv_view *cur, uint16_t v);
extern inline mv_status mv_write_be24(mv_view *cur, uint32_t v);
extern inline mv_status mv_write_be32(mv_view *cur, uint32_t v);
extern inline mv_status mv_write_be64(mv_view *cur, uint64_t v);
extern inline mv_status mv_write_le16(mv_view *cur, uint16_t v);
extern inline mv_status mv_write_le32(mv_view *cur, uint32_t v);
extern inline mv_status mv_write_le64(mv_view *cur, uint64_t v);
extern inline mv_status mv__cursor_status(const mv_view *cur, bool have_out, bool write, size_t n);
extern inline void mv__cursor_drop(mv_view *cur, size_t n);
extern inline uint64_t mv__take_u8(mv_view *cur);
extern inline uint64_t mv__take_be16(mv_view *cur);
extern inline uint64_t mv__take_be24(mv_view *cur);
extern inline uint64_t mv__take_be32(mv_view *cur);
extern inline uint64_t mv__take_be64(mv_view *cur);
extern inline uint64_t mv__take_le16(mv_view *cur);
extern inline uint64_t mv__take_le32(mv_view *cur);
extern inline uint64_t mv__take_le64(mv_view *cur);
extern inline void mv__put_u8(mv_view *cur, uint64_t value);
extern inline void mv__put_be16(mv_view *cur, uint64_t value);
extern inline void mv__put_be24(mv_view *cur, uint64_t value);
extern inline void mv__put_be32(mv_view *cur, uint64_t value);
extern inline void mv__put_be64(mv_view *cur, uint64_t value);
extern inline void mv__put_le16(mv_view *cur, uint64_t value);
extern inline void mv__put_le32(mv_view *cur, uint64_t value);
extern inline void mv__put_le64(mv_view *cur, uint64_t value);

/* The checks the out-of-line reads (mv_read_view, mv_read_bytes) start
 * with, in the documented order.  have_out: the caller's output pointer is
 * usable.  (The integer reads and writes check inline: memview/inline.h.) */
/*@ requires cur_valid: cur == \null || (\valid_read(cur) && mv_valid(*cur));
    terminates \true;
    assigns \nothing;
    ensures bad_pointer: (cur == \null || !have_out) ==> \result == MV_EINVAL;
    ensures released: cur != \null && have_out && cur->released != 0 ==> \result == MV_ERELEASED;
    ensures short: cur != \null && have_out && cur->released == 0 && cur->len < n ==> \result == MV_ERANGE;
    ensures ok: cur != \null && have_out && cur->released == 0 && cur->len >= n ==> \result == MV_OK;
*/
static mv_status mv__cursor_check(const mv_view *cur, bool have_out, size_t n)
{
    if (cur == NULL || !have_out)
        return MV_EINVAL;
    if (cur->released)
        return MV_ERELEASED;
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
uint64_t mv__load_uint(mv_view v, size_t n, bool big)
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
    mv_status status = mv__cursor_check(cur, out != NULL && out != cur, n);
    if (status != MV_OK)
        return status;
    mv__store_view(out, mv__cut(*cur, 0, n));
    mv__drop_front(cur, n);
    return MV_OK;
}

mv_status mv_read_bytes(mv_view *cur, void *dst, size_t n)
{
    mv_status status = mv__cursor_check(cur, !(dst == NULL && n > 0), n);
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
    mv_status status = mv_assign(mv__cut(*cur, 0, src.len), src);
    /* Equal lengths, live views, writable destination: always MV_OK. */
    //@ assert status == MV_OK;
    (void)status;
    mv__drop_front(cur, src.len);
    return MV_OK;
}
