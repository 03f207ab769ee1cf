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
 * writes).  MV_ERANGE: fewer items than the operation needs; the cursor
 * and the output are untouched.
 */

/* mv_read_u8: one byte. */
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
      assumes cur != \null && out != \null && cur->released == 0 && cur->len < 1;
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior read:
      assumes cur != \null && out != \null && cur->released == 0 && cur->len >= 1;
      assigns *cur, *out;
      ensures result: \result == MV_OK;
      ensures value: *out == mv_at{Pre}(\old(*cur), 0);
      ensures cursor: mv_valid(*cur) && mv_advanced_by(*cur, \old(*cur), 1);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_read_u8(mv_view *cur, uint8_t *out);

/* mv_read_be16: struct.unpack('>H'). */
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
      assumes cur != \null && out != \null && cur->released == 0 && cur->len < 2;
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior read:
      assumes cur != \null && out != \null && cur->released == 0 && cur->len >= 2;
      assigns *cur, *out;
      ensures result: \result == MV_OK;
      ensures value: *out == mv_be_of{Pre}(\old(*cur), 0, 2);
      ensures cursor: mv_valid(*cur) && mv_advanced_by(*cur, \old(*cur), 2);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_read_be16(mv_view *cur, uint16_t *out);

/* mv_read_be24: three items, big-endian, into the low 24 bits. */
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
      assumes cur != \null && out != \null && cur->released == 0 && cur->len < 3;
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior read:
      assumes cur != \null && out != \null && cur->released == 0 && cur->len >= 3;
      assigns *cur, *out;
      ensures result: \result == MV_OK;
      ensures value: *out == mv_be_of{Pre}(\old(*cur), 0, 3);
      ensures cursor: mv_valid(*cur) && mv_advanced_by(*cur, \old(*cur), 3);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_read_be24(mv_view *cur, uint32_t *out);

/* mv_read_be32: struct.unpack('>I'). */
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
MV_NODISCARD mv_status mv_read_be32(mv_view *cur, uint32_t *out);

/* mv_read_be64: struct.unpack('>Q'). */
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
      assumes cur != \null && out != \null && cur->released == 0 && cur->len < 8;
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior read:
      assumes cur != \null && out != \null && cur->released == 0 && cur->len >= 8;
      assigns *cur, *out;
      ensures result: \result == MV_OK;
      ensures value: *out == mv_be_of{Pre}(\old(*cur), 0, 8);
      ensures cursor: mv_valid(*cur) && mv_advanced_by(*cur, \old(*cur), 8);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_read_be64(mv_view *cur, uint64_t *out);

/* mv_read_le16: struct.unpack('<H'). */
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
      assumes cur != \null && out != \null && cur->released == 0 && cur->len < 2;
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior read:
      assumes cur != \null && out != \null && cur->released == 0 && cur->len >= 2;
      assigns *cur, *out;
      ensures result: \result == MV_OK;
      ensures value: *out == mv_le_of{Pre}(\old(*cur), 0, 2);
      ensures cursor: mv_valid(*cur) && mv_advanced_by(*cur, \old(*cur), 2);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_read_le16(mv_view *cur, uint16_t *out);

/* mv_read_le32: struct.unpack('<I'). */
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
      ensures value: *out == mv_le_of{Pre}(\old(*cur), 0, 4);
      ensures cursor: mv_valid(*cur) && mv_advanced_by(*cur, \old(*cur), 4);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_read_le32(mv_view *cur, uint32_t *out);

/* mv_read_le64: struct.unpack('<Q'). */
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
      assumes cur != \null && out != \null && cur->released == 0 && cur->len < 8;
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior read:
      assumes cur != \null && out != \null && cur->released == 0 && cur->len >= 8;
      assigns *cur, *out;
      ensures result: \result == MV_OK;
      ensures value: *out == mv_le_of{Pre}(\old(*cur), 0, 8);
      ensures cursor: mv_valid(*cur) && mv_advanced_by(*cur, \old(*cur), 8);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_read_le64(mv_view *cur, uint64_t *out);

/* mv_read_view: *out = cur[:n] (no copy), then cur = cur[n:].
 * MV_EINVAL: cur or out is NULL, or both are the same object. */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    requires out_valid: out == \null || \valid(out);
    requires apart: cur == out || \separated(cur, out);
    terminates \true;
    assigns *cur, *out;
    behavior bad_pointer:
      assumes cur == \null || out == \null || cur == out;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes cur != \null && out != \null && cur != out && cur->released != 0;
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior short:
      assumes cur != \null && out != \null && cur != out && cur->released == 0 && cur->len < n;
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior read:
      assumes cur != \null && out != \null && cur != out && cur->released == 0 && cur->len >= n;
      assigns *cur, *out;
      ensures result: \result == MV_OK;
      ensures view: mv_valid(*out) && out->len == n && out->stride == \old(cur->stride) &&
                    out->readonly == \old(cur->readonly) && out->released == 0 &&
                    (n >= 1 ==> out->data == \old(cur->data));
      ensures cursor: mv_valid(*cur) && mv_advanced_by(*cur, \old(*cur), n);
    complete behaviors;
    disjoint behaviors;
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
    terminates \true;
    assigns *cur, ((char *)dst)[0 .. n - 1];
    behavior bad_pointer:
      assumes cur == \null || (dst == \null && n > 0);
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes cur != \null && !(dst == \null && n > 0) && cur->released != 0;
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior short:
      assumes cur != \null && !(dst == \null && n > 0) && cur->released == 0 && cur->len < n;
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior read:
      assumes cur != \null && !(dst == \null && n > 0) && cur->released == 0 && cur->len >= n;
      assigns *cur, ((char *)dst)[0 .. n - 1];
      ensures result: \result == MV_OK;
      ensures bytes: \forall integer i; 0 <= i < n ==> ((char *)dst)[i] == \old(*mv_item(*cur, i));
      ensures cursor: mv_valid(*cur) && mv_advanced_by(*cur, \old(*cur), n);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_read_bytes(mv_view *cur, void *dst, size_t n);

/* mv_write_u8: one byte. */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    terminates \true;
    assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 1 };
    behavior bad_pointer:
      assumes cur == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes cur != \null && cur->released != 0;
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior readonly:
      assumes cur != \null && cur->released == 0 && cur->readonly != 0;
      assigns \nothing;
      ensures result: \result == MV_EREADONLY;
    behavior short:
      assumes cur != \null && cur->released == 0 && cur->readonly == 0 && cur->len < 1;
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior written:
      assumes cur != \null && cur->released == 0 && cur->readonly == 0 && cur->len >= 1;
      assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 1 };
      ensures result: \result == MV_OK;
      ensures bytes: mv_at(\old(*cur), 0) == v;
      ensures cursor: mv_valid(*cur) && mv_advanced_by(*cur, \old(*cur), 1);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_write_u8(mv_view *cur, uint8_t v);

/* mv_write_be16: struct.pack('>H'). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    terminates \true;
    assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 2 };
    behavior bad_pointer:
      assumes cur == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes cur != \null && cur->released != 0;
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior readonly:
      assumes cur != \null && cur->released == 0 && cur->readonly != 0;
      assigns \nothing;
      ensures result: \result == MV_EREADONLY;
    behavior short:
      assumes cur != \null && cur->released == 0 && cur->readonly == 0 && cur->len < 2;
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior written:
      assumes cur != \null && cur->released == 0 && cur->readonly == 0 && cur->len >= 2;
      assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 2 };
      ensures result: \result == MV_OK;
      ensures bytes: \forall integer i; 0 <= i < 2 ==> mv_at(\old(*cur), i) == mv_byte_of(v, 1 - i);
      ensures cursor: mv_valid(*cur) && mv_advanced_by(*cur, \old(*cur), 2);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_write_be16(mv_view *cur, uint16_t v);

/* mv_write_be24: the low 24 bits of v, big-endian, in three items
 * (the high 8 bits are ignored). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    terminates \true;
    assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 3 };
    behavior bad_pointer:
      assumes cur == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes cur != \null && cur->released != 0;
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior readonly:
      assumes cur != \null && cur->released == 0 && cur->readonly != 0;
      assigns \nothing;
      ensures result: \result == MV_EREADONLY;
    behavior short:
      assumes cur != \null && cur->released == 0 && cur->readonly == 0 && cur->len < 3;
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior written:
      assumes cur != \null && cur->released == 0 && cur->readonly == 0 && cur->len >= 3;
      assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 3 };
      ensures result: \result == MV_OK;
      ensures bytes: \forall integer i; 0 <= i < 3 ==> mv_at(\old(*cur), i) == mv_byte_of(v, 2 - i);
      ensures cursor: mv_valid(*cur) && mv_advanced_by(*cur, \old(*cur), 3);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_write_be24(mv_view *cur, uint32_t v);

/* mv_write_be32: struct.pack('>I'). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    terminates \true;
    assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 4 };
    behavior bad_pointer:
      assumes cur == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes cur != \null && cur->released != 0;
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior readonly:
      assumes cur != \null && cur->released == 0 && cur->readonly != 0;
      assigns \nothing;
      ensures result: \result == MV_EREADONLY;
    behavior short:
      assumes cur != \null && cur->released == 0 && cur->readonly == 0 && cur->len < 4;
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior written:
      assumes cur != \null && cur->released == 0 && cur->readonly == 0 && cur->len >= 4;
      assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 4 };
      ensures result: \result == MV_OK;
      ensures bytes: \forall integer i; 0 <= i < 4 ==> mv_at(\old(*cur), i) == mv_byte_of(v, 3 - i);
      ensures cursor: mv_valid(*cur) && mv_advanced_by(*cur, \old(*cur), 4);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_write_be32(mv_view *cur, uint32_t v);

/* mv_write_be64: struct.pack('>Q'). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    terminates \true;
    assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 8 };
    behavior bad_pointer:
      assumes cur == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes cur != \null && cur->released != 0;
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior readonly:
      assumes cur != \null && cur->released == 0 && cur->readonly != 0;
      assigns \nothing;
      ensures result: \result == MV_EREADONLY;
    behavior short:
      assumes cur != \null && cur->released == 0 && cur->readonly == 0 && cur->len < 8;
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior written:
      assumes cur != \null && cur->released == 0 && cur->readonly == 0 && cur->len >= 8;
      assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 8 };
      ensures result: \result == MV_OK;
      ensures bytes: \forall integer i; 0 <= i < 8 ==> mv_at(\old(*cur), i) == mv_byte_of(v, 7 - i);
      ensures cursor: mv_valid(*cur) && mv_advanced_by(*cur, \old(*cur), 8);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_write_be64(mv_view *cur, uint64_t v);

/* mv_write_le16: struct.pack('<H'). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    terminates \true;
    assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 2 };
    behavior bad_pointer:
      assumes cur == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes cur != \null && cur->released != 0;
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior readonly:
      assumes cur != \null && cur->released == 0 && cur->readonly != 0;
      assigns \nothing;
      ensures result: \result == MV_EREADONLY;
    behavior short:
      assumes cur != \null && cur->released == 0 && cur->readonly == 0 && cur->len < 2;
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior written:
      assumes cur != \null && cur->released == 0 && cur->readonly == 0 && cur->len >= 2;
      assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 2 };
      ensures result: \result == MV_OK;
      ensures bytes: \forall integer i; 0 <= i < 2 ==> mv_at(\old(*cur), i) == mv_byte_of(v, i);
      ensures cursor: mv_valid(*cur) && mv_advanced_by(*cur, \old(*cur), 2);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_write_le16(mv_view *cur, uint16_t v);

/* mv_write_le32: struct.pack('<I'). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    terminates \true;
    assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 4 };
    behavior bad_pointer:
      assumes cur == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes cur != \null && cur->released != 0;
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior readonly:
      assumes cur != \null && cur->released == 0 && cur->readonly != 0;
      assigns \nothing;
      ensures result: \result == MV_EREADONLY;
    behavior short:
      assumes cur != \null && cur->released == 0 && cur->readonly == 0 && cur->len < 4;
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior written:
      assumes cur != \null && cur->released == 0 && cur->readonly == 0 && cur->len >= 4;
      assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 4 };
      ensures result: \result == MV_OK;
      ensures bytes: \forall integer i; 0 <= i < 4 ==> mv_at(\old(*cur), i) == mv_byte_of(v, i);
      ensures cursor: mv_valid(*cur) && mv_advanced_by(*cur, \old(*cur), 4);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_write_le32(mv_view *cur, uint32_t v);

/* mv_write_le64: struct.pack('<Q'). */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    terminates \true;
    assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 8 };
    behavior bad_pointer:
      assumes cur == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes cur != \null && cur->released != 0;
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior readonly:
      assumes cur != \null && cur->released == 0 && cur->readonly != 0;
      assigns \nothing;
      ensures result: \result == MV_EREADONLY;
    behavior short:
      assumes cur != \null && cur->released == 0 && cur->readonly == 0 && cur->len < 8;
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior written:
      assumes cur != \null && cur->released == 0 && cur->readonly == 0 && cur->len >= 8;
      assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 8 };
      ensures result: \result == MV_OK;
      ensures bytes: \forall integer i; 0 <= i < 8 ==> mv_at(\old(*cur), i) == mv_byte_of(v, i);
      ensures cursor: mv_valid(*cur) && mv_advanced_by(*cur, \old(*cur), 8);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_write_le64(mv_view *cur, uint64_t v);

/* mv_write_view: cur[:len(src)] = src (any overlap, as mv_assign), then
 * cur = cur[len(src):].  MV_EINVAL: cur is NULL.  MV_ERELEASED (either
 * view).  MV_EREADONLY.  MV_ERANGE: src is longer than the cursor. */
/*@ requires cur_valid: cur == \null || (\valid(cur) && mv_valid(*cur));
    requires src_valid: mv_valid(src);
    terminates \true;
    assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < src.len };
    behavior bad_pointer:
      assumes cur == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes cur != \null && (cur->released != 0 || src.released != 0);
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior readonly:
      assumes cur != \null && cur->released == 0 && src.released == 0 && cur->readonly != 0;
      assigns \nothing;
      ensures result: \result == MV_EREADONLY;
    behavior short:
      assumes cur != \null && cur->released == 0 && src.released == 0 && cur->readonly == 0 &&
              cur->len < src.len;
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior written:
      assumes cur != \null && cur->released == 0 && src.released == 0 && cur->readonly == 0 &&
              cur->len >= src.len;
      assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < src.len };
      ensures result: \result == MV_OK;
      ensures bytes: \forall integer i; 0 <= i < src.len ==>
        *mv_item(\old(*cur), i) == \old(*mv_item(src, i));
      ensures cursor: mv_valid(*cur) && mv_advanced_by(*cur, \old(*cur), src.len);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_write_view(mv_view *cur, mv_view src);

#ifdef __cplusplus
}
#endif

#endif /* MEMVIEW_CURSOR_H */
