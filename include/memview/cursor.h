/*
 * memview/cursor.h — a view used as a cursor: reads and writes that consume
 * items from its front.
 *
 * Part of memview.h (include that); the rules stated there hold for every
 * function here.
 */
#ifndef MEMVIEW_CURSOR_H
#define MEMVIEW_CURSOR_H

#include "../memview.h"

#ifdef __FRAMAC__
#include "mv_cursor.acsl"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Cursor reads and writes                                             */
/* ------------------------------------------------------------------ */
/*
 * A view used as a cursor: each call consumes items from its front, as
 * mv_advance does, so parsing a record is a sequence of calls on one view.
 * Integers are read from and written to consecutive items of any stride:
 * be (big-endian: first item most significant) or le (little-endian).
 * MV_EINVAL: a required pointer is NULL.  MV_ERELEASED.  MV_EREADONLY (the
 * writes).  MV_ERANGE: fewer items than the operation needs.  On every
 * failure the cursor and the output are untouched.
 *
 * The contracts name their conditions with the predicates of
 * mv_cursor.acsl: mv_cursor_released / _short / _holds (reads),
 * mv_cursor_readonly / _no_room / _room (writes) for the status tests, and
 * for success mv_cursor_read / mv_cursor_wrote: "the first n items, in
 * this byte order, are the value; the cursor moved past them".
 * mv_read_be32 is written out in full below: it is what each of the
 * integer contracts says.
 *
 * The integer functions are defined inline (memview/inline.h): on a
 * contiguous cursor that keeps an item afterwards they load or store the
 * bytes directly; every other cursor takes the out-of-line path.  The
 * signed reads (mv_read_i8, mv_read_be_i16 ... mv_read_le_i64) return the
 * same items as two's complement (mv_cursor_read_signed); the
 * variable-width reads mv_read_be_uint / mv_read_le_uint take the width
 * as an argument and check it.
 */

/* ----------------------------------------------------- integer reads */

/* mv_read_be32: struct.unpack('>I'): *out = the first four items, the
 * first most significant; then cur = cur[4:].  The full form of what every
 * integer read promises, for its width and byte order. */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    requires out_valid: out == \null || \valid(out);
    requires apart: cur == \null || out == \null || \separated(cur, out);
    terminates \true;
    assigns *cur, *out;
    behavior bad_pointer:
      assumes cur == \null || out == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes cur != \null && out != \null && cur->released != 0;
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior short:
      assumes cur != \null && out != \null && cur->released == 0 && cur->len < 4;
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior read:
      assumes cur != \null && out != \null && cur->released == 0 && cur->len >= 4;
      assigns *cur, *out;
      ensures result: \result == MV_OK;
      ensures value: *out == mv_be_of{Pre}(\old(*cur), 0, 4);
      ensures cursor: mv_valid(*cur) && mv_advanced_by(*cur, \old(*cur), 4);
    complete behaviors;
    disjoint behaviors;
*/
MV__CURSOR_INLINE MV_NODISCARD mv_status mv_read_be32(mv_view *cur, uint32_t *out);

/* mv_read_u8: one item (either byte order says the same). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    requires out_valid: out == \null || \valid(out);
    requires apart: cur == \null || out == \null || \separated(cur, out);
    terminates \true; assigns *cur, *out;
    behavior bad_pointer: assumes cur == \null || out == \null;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes out != \null && mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior short: assumes out != \null && mv_cursor_short(cur, 1);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior read: assumes out != \null && mv_cursor_holds(cur, 1);
      ensures read: \result == MV_OK && mv_cursor_read{Pre,Post}(cur, 1, mv_big_endian, *out);
    complete behaviors; disjoint behaviors;
*/
MV__CURSOR_INLINE MV_NODISCARD mv_status mv_read_u8(mv_view *cur, uint8_t *out);

/* mv_read_be16: struct.unpack('>H'). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    requires out_valid: out == \null || \valid(out);
    requires apart: cur == \null || out == \null || \separated(cur, out);
    terminates \true; assigns *cur, *out;
    behavior bad_pointer: assumes cur == \null || out == \null;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes out != \null && mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior short: assumes out != \null && mv_cursor_short(cur, 2);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior read: assumes out != \null && mv_cursor_holds(cur, 2);
      ensures read: \result == MV_OK && mv_cursor_read{Pre,Post}(cur, 2, mv_big_endian, *out);
    complete behaviors; disjoint behaviors;
*/
MV__CURSOR_INLINE MV_NODISCARD mv_status mv_read_be16(mv_view *cur, uint16_t *out);

/* mv_read_be24: three items, big-endian, into the low 24 bits. */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    requires out_valid: out == \null || \valid(out);
    requires apart: cur == \null || out == \null || \separated(cur, out);
    terminates \true; assigns *cur, *out;
    behavior bad_pointer: assumes cur == \null || out == \null;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes out != \null && mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior short: assumes out != \null && mv_cursor_short(cur, 3);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior read: assumes out != \null && mv_cursor_holds(cur, 3);
      ensures read: \result == MV_OK && mv_cursor_read{Pre,Post}(cur, 3, mv_big_endian, *out);
    complete behaviors; disjoint behaviors;
*/
MV__CURSOR_INLINE MV_NODISCARD mv_status mv_read_be24(mv_view *cur, uint32_t *out);

/* mv_read_be64: struct.unpack('>Q'). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    requires out_valid: out == \null || \valid(out);
    requires apart: cur == \null || out == \null || \separated(cur, out);
    terminates \true; assigns *cur, *out;
    behavior bad_pointer: assumes cur == \null || out == \null;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes out != \null && mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior short: assumes out != \null && mv_cursor_short(cur, 8);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior read: assumes out != \null && mv_cursor_holds(cur, 8);
      ensures read: \result == MV_OK && mv_cursor_read{Pre,Post}(cur, 8, mv_big_endian, *out);
    complete behaviors; disjoint behaviors;
*/
MV__CURSOR_INLINE MV_NODISCARD mv_status mv_read_be64(mv_view *cur, uint64_t *out);

/* mv_read_le16: struct.unpack('<H'). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    requires out_valid: out == \null || \valid(out);
    requires apart: cur == \null || out == \null || \separated(cur, out);
    terminates \true; assigns *cur, *out;
    behavior bad_pointer: assumes cur == \null || out == \null;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes out != \null && mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior short: assumes out != \null && mv_cursor_short(cur, 2);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior read: assumes out != \null && mv_cursor_holds(cur, 2);
      ensures read: \result == MV_OK && mv_cursor_read{Pre,Post}(cur, 2, mv_little_endian, *out);
    complete behaviors; disjoint behaviors;
*/
MV__CURSOR_INLINE MV_NODISCARD mv_status mv_read_le16(mv_view *cur, uint16_t *out);

/* mv_read_le24: three items, little-endian, into the low 24 bits
 * (int.from_bytes(b[:3], 'little')). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    requires out_valid: out == \null || \valid(out);
    requires apart: cur == \null || out == \null || \separated(cur, out);
    terminates \true; assigns *cur, *out;
    behavior bad_pointer: assumes cur == \null || out == \null;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes out != \null && mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior short: assumes out != \null && mv_cursor_short(cur, 3);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior read: assumes out != \null && mv_cursor_holds(cur, 3);
      ensures read: \result == MV_OK && mv_cursor_read{Pre,Post}(cur, 3, mv_little_endian, *out);
    complete behaviors; disjoint behaviors;
*/
MV__CURSOR_INLINE MV_NODISCARD mv_status mv_read_le24(mv_view *cur, uint32_t *out);

/* mv_read_le32: struct.unpack('<I'). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    requires out_valid: out == \null || \valid(out);
    requires apart: cur == \null || out == \null || \separated(cur, out);
    terminates \true; assigns *cur, *out;
    behavior bad_pointer: assumes cur == \null || out == \null;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes out != \null && mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior short: assumes out != \null && mv_cursor_short(cur, 4);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior read: assumes out != \null && mv_cursor_holds(cur, 4);
      ensures read: \result == MV_OK && mv_cursor_read{Pre,Post}(cur, 4, mv_little_endian, *out);
    complete behaviors; disjoint behaviors;
*/
MV__CURSOR_INLINE MV_NODISCARD mv_status mv_read_le32(mv_view *cur, uint32_t *out);

/* mv_read_le64: struct.unpack('<Q'). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    requires out_valid: out == \null || \valid(out);
    requires apart: cur == \null || out == \null || \separated(cur, out);
    terminates \true; assigns *cur, *out;
    behavior bad_pointer: assumes cur == \null || out == \null;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes out != \null && mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior short: assumes out != \null && mv_cursor_short(cur, 8);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior read: assumes out != \null && mv_cursor_holds(cur, 8);
      ensures read: \result == MV_OK && mv_cursor_read{Pre,Post}(cur, 8, mv_little_endian, *out);
    complete behaviors; disjoint behaviors;
*/
MV__CURSOR_INLINE MV_NODISCARD mv_status mv_read_le64(mv_view *cur, uint64_t *out);

/* --------------------------------------------- signed integer reads */
/*
 * The same items as the unsigned reads of the same width and order, read
 * as two's complement: struct.unpack('b'), ('>h'), ('<h'), ('>i'), ('<i'),
 * ('>q'), ('<q').  The statuses, their order and what a failure leaves
 * unchanged are the unsigned reads'.
 */

/* mv_read_i8: struct.unpack('b'): one item (either byte order says the same). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    requires out_valid: out == \null || \valid(out);
    requires apart: cur == \null || out == \null || \separated(cur, out);
    terminates \true; assigns *cur, *out;
    behavior bad_pointer: assumes cur == \null || out == \null;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes out != \null && mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior short: assumes out != \null && mv_cursor_short(cur, 1);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior read: assumes out != \null && mv_cursor_holds(cur, 1);
      ensures read: \result == MV_OK && mv_cursor_read_signed{Pre,Post}(cur, 1, mv_big_endian, *out);
    complete behaviors; disjoint behaviors;
*/
MV__CURSOR_INLINE MV_NODISCARD mv_status mv_read_i8(mv_view *cur, int8_t *out);

/* mv_read_be_i16: struct.unpack('>h'). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    requires out_valid: out == \null || \valid(out);
    requires apart: cur == \null || out == \null || \separated(cur, out);
    terminates \true; assigns *cur, *out;
    behavior bad_pointer: assumes cur == \null || out == \null;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes out != \null && mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior short: assumes out != \null && mv_cursor_short(cur, 2);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior read: assumes out != \null && mv_cursor_holds(cur, 2);
      ensures read: \result == MV_OK && mv_cursor_read_signed{Pre,Post}(cur, 2, mv_big_endian, *out);
    complete behaviors; disjoint behaviors;
*/
MV__CURSOR_INLINE MV_NODISCARD mv_status mv_read_be_i16(mv_view *cur, int16_t *out);

/* mv_read_le_i16: struct.unpack('<h'). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    requires out_valid: out == \null || \valid(out);
    requires apart: cur == \null || out == \null || \separated(cur, out);
    terminates \true; assigns *cur, *out;
    behavior bad_pointer: assumes cur == \null || out == \null;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes out != \null && mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior short: assumes out != \null && mv_cursor_short(cur, 2);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior read: assumes out != \null && mv_cursor_holds(cur, 2);
      ensures read: \result == MV_OK && mv_cursor_read_signed{Pre,Post}(cur, 2, mv_little_endian, *out);
    complete behaviors; disjoint behaviors;
*/
MV__CURSOR_INLINE MV_NODISCARD mv_status mv_read_le_i16(mv_view *cur, int16_t *out);

/* mv_read_be_i32: struct.unpack('>i'). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    requires out_valid: out == \null || \valid(out);
    requires apart: cur == \null || out == \null || \separated(cur, out);
    terminates \true; assigns *cur, *out;
    behavior bad_pointer: assumes cur == \null || out == \null;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes out != \null && mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior short: assumes out != \null && mv_cursor_short(cur, 4);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior read: assumes out != \null && mv_cursor_holds(cur, 4);
      ensures read: \result == MV_OK && mv_cursor_read_signed{Pre,Post}(cur, 4, mv_big_endian, *out);
    complete behaviors; disjoint behaviors;
*/
MV__CURSOR_INLINE MV_NODISCARD mv_status mv_read_be_i32(mv_view *cur, int32_t *out);

/* mv_read_le_i32: struct.unpack('<i'). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    requires out_valid: out == \null || \valid(out);
    requires apart: cur == \null || out == \null || \separated(cur, out);
    terminates \true; assigns *cur, *out;
    behavior bad_pointer: assumes cur == \null || out == \null;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes out != \null && mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior short: assumes out != \null && mv_cursor_short(cur, 4);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior read: assumes out != \null && mv_cursor_holds(cur, 4);
      ensures read: \result == MV_OK && mv_cursor_read_signed{Pre,Post}(cur, 4, mv_little_endian, *out);
    complete behaviors; disjoint behaviors;
*/
MV__CURSOR_INLINE MV_NODISCARD mv_status mv_read_le_i32(mv_view *cur, int32_t *out);

/* mv_read_be_i64: struct.unpack('>q'). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    requires out_valid: out == \null || \valid(out);
    requires apart: cur == \null || out == \null || \separated(cur, out);
    terminates \true; assigns *cur, *out;
    behavior bad_pointer: assumes cur == \null || out == \null;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes out != \null && mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior short: assumes out != \null && mv_cursor_short(cur, 8);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior read: assumes out != \null && mv_cursor_holds(cur, 8);
      ensures read: \result == MV_OK && mv_cursor_read_signed{Pre,Post}(cur, 8, mv_big_endian, *out);
    complete behaviors; disjoint behaviors;
*/
MV__CURSOR_INLINE MV_NODISCARD mv_status mv_read_be_i64(mv_view *cur, int64_t *out);

/* mv_read_le_i64: struct.unpack('<q'). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    requires out_valid: out == \null || \valid(out);
    requires apart: cur == \null || out == \null || \separated(cur, out);
    terminates \true; assigns *cur, *out;
    behavior bad_pointer: assumes cur == \null || out == \null;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes out != \null && mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior short: assumes out != \null && mv_cursor_short(cur, 8);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior read: assumes out != \null && mv_cursor_holds(cur, 8);
      ensures read: \result == MV_OK && mv_cursor_read_signed{Pre,Post}(cur, 8, mv_little_endian, *out);
    complete behaviors; disjoint behaviors;
*/
MV__CURSOR_INLINE MV_NODISCARD mv_status mv_read_le_i64(mv_view *cur, int64_t *out);

/* ------------------------------------------- variable-width reads */
/*
 * n items (1 <= n <= 8) as an unsigned integer: int.from_bytes(b[:n],
 * 'big') or 'little'; then cur = cur[n:].  Statuses, in this order:
 * MV_EINVAL (cur or value is NULL), MV_ERELEASED, MV_EINVAL (n is 0 or
 * more than 8: checked after the pointers and the release, before the
 * length), MV_ERANGE (fewer than n items).  On every failure the cursor
 * and *value are untouched.
 */

/* mv_read_be_uint: int.from_bytes(cur[:n], 'big'), 1 <= n <= 8. */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    requires value_valid: value == \null || \valid(value);
    requires apart: cur == \null || value == \null || \separated(cur, value);
    terminates \true; assigns *cur, *value;
    behavior bad_pointer: assumes cur == \null || value == \null;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes value != \null && mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior bad_width: assumes value != \null && cur != \null && cur->released == 0 && !(1 <= n <= 8);
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior short: assumes value != \null && 1 <= n <= 8 && mv_cursor_short(cur, n);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior read: assumes value != \null && 1 <= n <= 8 && mv_cursor_holds(cur, n);
      ensures read: \result == MV_OK && mv_cursor_read{Pre,Post}(cur, n, mv_big_endian, *value);
    complete behaviors; disjoint behaviors;
*/
MV__CURSOR_INLINE MV_NODISCARD mv_status mv_read_be_uint(mv_view *cur, size_t n, uint64_t *value);

/* mv_read_le_uint: int.from_bytes(cur[:n], 'little'), 1 <= n <= 8. */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    requires value_valid: value == \null || \valid(value);
    requires apart: cur == \null || value == \null || \separated(cur, value);
    terminates \true; assigns *cur, *value;
    behavior bad_pointer: assumes cur == \null || value == \null;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes value != \null && mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior bad_width: assumes value != \null && cur != \null && cur->released == 0 && !(1 <= n <= 8);
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior short: assumes value != \null && 1 <= n <= 8 && mv_cursor_short(cur, n);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior read: assumes value != \null && 1 <= n <= 8 && mv_cursor_holds(cur, n);
      ensures read: \result == MV_OK && mv_cursor_read{Pre,Post}(cur, n, mv_little_endian, *value);
    complete behaviors; disjoint behaviors;
*/
MV__CURSOR_INLINE MV_NODISCARD mv_status mv_read_le_uint(mv_view *cur, size_t n, uint64_t *value);

/* ------------------------------------------------- views and bytes */

/* mv_read_view: *out = cur[:n] (no copy), then cur = cur[n:].
 * MV_EINVAL: cur or out is NULL, or both are the same object. */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    requires out_valid: out == \null || \valid(out);
    requires apart: cur == out || \separated(cur, out);
    terminates \true; assigns *cur, *out;
    behavior bad_pointer: assumes cur == \null || out == \null || cur == out;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes out != \null && cur != out && mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior short: assumes out != \null && cur != out && mv_cursor_short(cur, n);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior read: assumes out != \null && cur != out && mv_cursor_holds(cur, n);
      ensures result: \result == MV_OK;
      ensures view: mv_valid(*out) && out->len == n && out->stride == \old(cur->stride) &&
                    out->readonly == \old(cur->readonly) && out->released == 0 &&
                    (n >= 1 ==> out->data == \old(cur->data));
      ensures cursor: mv_cursor_advanced{Pre,Post}(cur, n);
    complete behaviors; disjoint behaviors;
*/
MV_NODISCARD mv_status mv_read_view(mv_view *cur, size_t n, mv_view *out);

/* mv_read_bytes: copies the first n items to dst (any stride), then
 * cur = cur[n:].  dst must not overlap the cursor's bytes.
 * MV_EINVAL: cur is NULL, or dst is NULL with n > 0. */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    requires dst_valid: dst == \null || n == 0 || \valid((char *)dst + (0 .. n - 1));
    requires apart: cur == \null || dst == \null || n == 0 || cur->len == 0 ||
      \separated((char *)dst + (0 .. n - 1),
                 cur->data + (mv_span_lo(cur->len, cur->stride) .. mv_span_hi(cur->len, cur->stride)));
    terminates \true; assigns *cur, ((char *)dst)[0 .. n - 1];
    behavior bad_pointer: assumes cur == \null || (dst == \null && n > 0);
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes !(dst == \null && n > 0) && mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior short: assumes !(dst == \null && n > 0) && mv_cursor_short(cur, n);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior read: assumes !(dst == \null && n > 0) && mv_cursor_holds(cur, n);
      ensures result: \result == MV_OK;
      ensures bytes: \forall integer i; 0 <= i < n ==> ((char *)dst)[i] == \old(*mv_item(*cur, i));
      ensures cursor: mv_cursor_advanced{Pre,Post}(cur, n);
    complete behaviors; disjoint behaviors;
*/
MV_NODISCARD mv_status mv_read_bytes(mv_view *cur, void *dst, size_t n);

/* ---------------------------------------------------- integer writes */

/* mv_write_u8: one item (either byte order says the same). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    terminates \true; assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 1 };
    behavior bad_pointer: assumes cur == \null;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior readonly: assumes mv_cursor_readonly(cur);
      assigns \nothing; ensures result: \result == MV_EREADONLY;
    behavior short: assumes mv_cursor_no_room(cur, 1);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior written: assumes mv_cursor_room(cur, 1);
      ensures written: \result == MV_OK && mv_cursor_wrote{Pre,Post}(cur, 1, mv_big_endian, v);
    complete behaviors; disjoint behaviors;
*/
MV__CURSOR_INLINE MV_NODISCARD mv_status mv_write_u8(mv_view *cur, uint8_t v);

/* mv_write_be16: struct.pack('>H'). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    terminates \true; assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 2 };
    behavior bad_pointer: assumes cur == \null;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior readonly: assumes mv_cursor_readonly(cur);
      assigns \nothing; ensures result: \result == MV_EREADONLY;
    behavior short: assumes mv_cursor_no_room(cur, 2);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior written: assumes mv_cursor_room(cur, 2);
      ensures written: \result == MV_OK && mv_cursor_wrote{Pre,Post}(cur, 2, mv_big_endian, v);
    complete behaviors; disjoint behaviors;
*/
MV__CURSOR_INLINE MV_NODISCARD mv_status mv_write_be16(mv_view *cur, uint16_t v);

/* mv_write_be24: the low 24 bits of v, big-endian, in three items
 * (the high 8 bits are ignored). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    terminates \true; assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 3 };
    behavior bad_pointer: assumes cur == \null;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior readonly: assumes mv_cursor_readonly(cur);
      assigns \nothing; ensures result: \result == MV_EREADONLY;
    behavior short: assumes mv_cursor_no_room(cur, 3);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior written: assumes mv_cursor_room(cur, 3);
      ensures written: \result == MV_OK && mv_cursor_wrote{Pre,Post}(cur, 3, mv_big_endian, v);
    complete behaviors; disjoint behaviors;
*/
MV__CURSOR_INLINE MV_NODISCARD mv_status mv_write_be24(mv_view *cur, uint32_t v);

/* mv_write_be32: struct.pack('>I'). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    terminates \true; assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 4 };
    behavior bad_pointer: assumes cur == \null;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior readonly: assumes mv_cursor_readonly(cur);
      assigns \nothing; ensures result: \result == MV_EREADONLY;
    behavior short: assumes mv_cursor_no_room(cur, 4);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior written: assumes mv_cursor_room(cur, 4);
      ensures written: \result == MV_OK && mv_cursor_wrote{Pre,Post}(cur, 4, mv_big_endian, v);
    complete behaviors; disjoint behaviors;
*/
MV__CURSOR_INLINE MV_NODISCARD mv_status mv_write_be32(mv_view *cur, uint32_t v);

/* mv_write_be64: struct.pack('>Q'). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    terminates \true; assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 8 };
    behavior bad_pointer: assumes cur == \null;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior readonly: assumes mv_cursor_readonly(cur);
      assigns \nothing; ensures result: \result == MV_EREADONLY;
    behavior short: assumes mv_cursor_no_room(cur, 8);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior written: assumes mv_cursor_room(cur, 8);
      ensures written: \result == MV_OK && mv_cursor_wrote{Pre,Post}(cur, 8, mv_big_endian, v);
    complete behaviors; disjoint behaviors;
*/
MV__CURSOR_INLINE MV_NODISCARD mv_status mv_write_be64(mv_view *cur, uint64_t v);

/* mv_write_le16: struct.pack('<H'). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    terminates \true; assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 2 };
    behavior bad_pointer: assumes cur == \null;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior readonly: assumes mv_cursor_readonly(cur);
      assigns \nothing; ensures result: \result == MV_EREADONLY;
    behavior short: assumes mv_cursor_no_room(cur, 2);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior written: assumes mv_cursor_room(cur, 2);
      ensures written: \result == MV_OK && mv_cursor_wrote{Pre,Post}(cur, 2, mv_little_endian, v);
    complete behaviors; disjoint behaviors;
*/
MV__CURSOR_INLINE MV_NODISCARD mv_status mv_write_le16(mv_view *cur, uint16_t v);

/* mv_write_le24: the low 24 bits of v, little-endian, in three items
 * (the high 8 bits are ignored). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    terminates \true; assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 3 };
    behavior bad_pointer: assumes cur == \null;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior readonly: assumes mv_cursor_readonly(cur);
      assigns \nothing; ensures result: \result == MV_EREADONLY;
    behavior short: assumes mv_cursor_no_room(cur, 3);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior written: assumes mv_cursor_room(cur, 3);
      ensures written: \result == MV_OK && mv_cursor_wrote{Pre,Post}(cur, 3, mv_little_endian, v);
    complete behaviors; disjoint behaviors;
*/
MV__CURSOR_INLINE MV_NODISCARD mv_status mv_write_le24(mv_view *cur, uint32_t v);

/* mv_write_le32: struct.pack('<I'). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    terminates \true; assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 4 };
    behavior bad_pointer: assumes cur == \null;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior readonly: assumes mv_cursor_readonly(cur);
      assigns \nothing; ensures result: \result == MV_EREADONLY;
    behavior short: assumes mv_cursor_no_room(cur, 4);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior written: assumes mv_cursor_room(cur, 4);
      ensures written: \result == MV_OK && mv_cursor_wrote{Pre,Post}(cur, 4, mv_little_endian, v);
    complete behaviors; disjoint behaviors;
*/
MV__CURSOR_INLINE MV_NODISCARD mv_status mv_write_le32(mv_view *cur, uint32_t v);

/* mv_write_le64: struct.pack('<Q'). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    terminates \true; assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 8 };
    behavior bad_pointer: assumes cur == \null;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes mv_cursor_released(cur);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior readonly: assumes mv_cursor_readonly(cur);
      assigns \nothing; ensures result: \result == MV_EREADONLY;
    behavior short: assumes mv_cursor_no_room(cur, 8);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior written: assumes mv_cursor_room(cur, 8);
      ensures written: \result == MV_OK && mv_cursor_wrote{Pre,Post}(cur, 8, mv_little_endian, v);
    complete behaviors; disjoint behaviors;
*/
MV__CURSOR_INLINE MV_NODISCARD mv_status mv_write_le64(mv_view *cur, uint64_t v);

/* mv_write_view: cur[:len(src)] = src (any overlap, as mv_assign), then
 * cur = cur[len(src):].  MV_EINVAL: cur is NULL.  MV_ERELEASED (either
 * view).  MV_EREADONLY.  MV_ERANGE: src is longer than the cursor. */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    requires src_valid: mv_valid(src);
    terminates \true; assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < src.len };
    behavior bad_pointer: assumes cur == \null;
      assigns \nothing; ensures result: \result == MV_EINVAL;
    behavior released: assumes cur != \null && (cur->released != 0 || src.released != 0);
      assigns \nothing; ensures result: \result == MV_ERELEASED;
    behavior readonly: assumes src.released == 0 && mv_cursor_readonly(cur);
      assigns \nothing; ensures result: \result == MV_EREADONLY;
    behavior short: assumes src.released == 0 && mv_cursor_no_room(cur, src.len);
      assigns \nothing; ensures result: \result == MV_ERANGE;
    behavior written: assumes src.released == 0 && mv_cursor_room(cur, src.len);
      ensures result: \result == MV_OK;
      ensures bytes: \forall integer i; 0 <= i < src.len ==>
        *mv_item(\old(*cur), i) == \old(*mv_item(src, i));
      ensures cursor: mv_cursor_advanced{Pre,Post}(cur, src.len);
    complete behaviors; disjoint behaviors;
*/
MV_NODISCARD mv_status mv_write_view(mv_view *cur, mv_view src);

#ifdef __cplusplus
}
#endif

#endif /* MEMVIEW_CURSOR_H */
