/*
 * memview/view.h — making views, reading their shape, and slicing them.
 *
 * Part of memview.h (include that); the rules stated there hold for every
 * function here.  No function here reads or writes the bytes a view
 * describes: views are made, cut and compared as addresses and lengths.
 * The shape functions, mv_slice, mv_sub, mv_advance and mv_split are
 * defined inline (memview/inline.h).
 */
#ifndef MEMVIEW_VIEW_H
#define MEMVIEW_VIEW_H

#include "../memview.h"

#ifdef __FRAMAC__
#include "mv_slice.acsl"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Making views                                                        */
/* ------------------------------------------------------------------ */

/* mv_from: a writable view of the n bytes at p (memoryview(bytearray)).
 * p may be NULL only when n == 0.  MV_EINVAL: out is NULL, or p is NULL
 * with n > 0.  MV_EOVERFLOW: n > PTRDIFF_MAX. */
/*@ requires out_valid: out == \null || \valid(out);
    requires bytes: p == \null || n == 0 || \valid((char *)p + (0 .. n - 1));
    terminates \true;
    assigns *out;
    behavior bad_pointer:
      assumes out == \null || !mv_bytes_arg((char *)p, n);
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior too_long:
      assumes out != \null && mv_bytes_arg((char *)p, n) && n > PTRDIFF_MAX;
      assigns \nothing;
      ensures result: \result == MV_EOVERFLOW;
    behavior made:
      assumes out != \null && mv_bytes_arg((char *)p, n) && n <= PTRDIFF_MAX;
      assigns *out;
      ensures result: \result == MV_OK;
      ensures valid: mv_valid(*out);
      ensures len: out->len == n;
      ensures data: n >= 1 ==> out->data == (char *)p;
      ensures stride: out->stride == 1;
      ensures access: out->readonly == 0 && out->released == 0;
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_from(void *p, size_t n, mv_view *out);

/* mv_from_const: a read-only view of the n bytes at p (memoryview(bytes)).
 * Same statuses as mv_from. */
/*@ requires out_valid: out == \null || \valid(out);
    requires bytes: p == \null || n == 0 || \valid_read((char *)p + (0 .. n - 1));
    terminates \true;
    assigns *out;
    behavior bad_pointer:
      assumes out == \null || !mv_bytes_arg((char *)p, n);
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior too_long:
      assumes out != \null && mv_bytes_arg((char *)p, n) && n > PTRDIFF_MAX;
      assigns \nothing;
      ensures result: \result == MV_EOVERFLOW;
    behavior made:
      assumes out != \null && mv_bytes_arg((char *)p, n) && n <= PTRDIFF_MAX;
      assigns *out;
      ensures result: \result == MV_OK;
      ensures valid: mv_valid(*out);
      ensures len: out->len == n;
      ensures data: n >= 1 ==> out->data == (char *)p;
      ensures stride: out->stride == 1;
      ensures access: out->readonly == 1 && out->released == 0;
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_from_const(const void *p, size_t n, mv_view *out);

/* ------------------------------------------------------------------ */
/* Reading a view's shape                                              */
/* ------------------------------------------------------------------ */

/* mv_len: the number of items; 0 for a released view. */
/*@ terminates \true;
    assigns \nothing;
    ensures len: \result == (v.released != 0 ? 0 : v.len);
*/
MV__VIEW_INLINE size_t mv_len(mv_view v);

/* mv_readonly: whether writes through v are refused; false when released. */
/*@ terminates \true;
    assigns \nothing;
    ensures result: \result == (v.released == 0 && v.readonly != 0);
*/
MV__VIEW_INLINE bool mv_readonly(mv_view v);

/* mv_contiguous: len <= 1 or stride == 1; false when released. */
/*@ terminates \true;
    assigns \nothing;
    ensures result: \result == (v.released == 0 && (v.len <= 1 || v.stride == 1));
*/
MV__VIEW_INLINE bool mv_contiguous(mv_view v);

/* mv_stride: the distance in bytes from item i to item i + 1 (CPython's
 * strides[0] whenever the view has two items or more); 0 when released. */
/*@ terminates \true;
    assigns \nothing;
    ensures result: \result == (v.released != 0 ? 0 : v.stride);
*/
MV__VIEW_INLINE ptrdiff_t mv_stride(mv_view v);

/* mv_data: the address of item 0; NULL for an empty or released view. */
/*@ terminates \true;
    assigns \nothing;
*/
MV__VIEW_INLINE const uint8_t *mv_data(mv_view v);

/* mv_is_valid: the run-time twin of the ACSL predicate mv_valid: every
 * part of it that does not depend on which memory is allocated.  True for
 * every view this library makes, released ones included. */
/*@ terminates \true;
    assigns \nothing;
    ensures result: \result == 1 <==> mv_shape(v);
*/
bool mv_is_valid(mv_view v);

/* ------------------------------------------------------------------ */
/* Slicing: new views of the same bytes                                */
/* ------------------------------------------------------------------ */

/* mv_slice: v[start:stop:step], exactly as CPython slices a
 * one-dimensional memoryview.  Negative bounds count from the end,
 * out-of-range bounds are clamped, MV_OMIT is None, a negative step
 * reverses.  The result keeps v's read-only flag.
 * MV_EINVAL: out is NULL, or step == 0.  MV_ERELEASED. */
/*@ requires valid: mv_valid(v);
    requires out_valid: out == \null || \valid(out);
    terminates \true;
    assigns *out;
    behavior null_out:
      assumes out == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes out != \null && !mv_live(v);
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior zero_step:
      assumes out != \null && mv_live(v) && step == 0;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior sliced:
      assumes out != \null && mv_live(v) && step != 0;
      assigns *out;
      ensures result: \result == MV_OK;
      ensures valid: mv_valid(*out);
      ensures len: out->len == mv_sl_len(v.len, start, stop, step);
      ensures item0: out->len >= 1 ==>
        out->data == v.data + mv_sl_start(v.len, start, step) * v.stride;
      ensures stride: out->len >= 2 ==> out->stride == v.stride * mv_py_step(step);
      ensures items: \forall integer j; 0 <= j < out->len ==>
        mv_item(*out, j) == mv_item(v, mv_sl_start(v.len, start, step) + j * mv_py_step(step));
      ensures in_range: mv_progression_in(mv_sl_start(v.len, start, step), mv_py_step(step),
                                          out->len, v.len);
      ensures access: out->readonly == v.readonly && out->released == 0;
    complete behaviors;
    disjoint behaviors;
*/
MV__VIEW_INLINE MV_NODISCARD mv_status mv_slice(mv_view v, ptrdiff_t start, ptrdiff_t stop, ptrdiff_t step,
                                mv_view *out);

/* mv_sub: the strict slice v[offset:offset+len].
 * MV_EINVAL: out is NULL.  MV_ERELEASED.  MV_ERANGE: offset + len > mv_len(v)
 * as a true sum: offsets and lengths near SIZE_MAX never wrap into range. */
/*@ requires valid: mv_valid(v);
    requires out_valid: out == \null || \valid(out);
    terminates \true;
    assigns *out;
    behavior null_out:
      assumes out == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes out != \null && !mv_live(v);
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior out_of_range:
      assumes out != \null && mv_live(v) && !mv_cut_in_range(v, offset, len);
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior cut:
      assumes out != \null && mv_live(v) && mv_cut_in_range(v, offset, len);
      assigns *out;
      ensures result: \result == MV_OK;
      ensures valid: mv_valid(*out);
      ensures len: out->len == len;
      ensures item0: len >= 1 ==> out->data == mv_item(v, offset);
      ensures stride: out->stride == v.stride;
      ensures access: out->readonly == v.readonly && out->released == 0;
    complete behaviors;
    disjoint behaviors;
*/
MV__VIEW_INLINE MV_NODISCARD mv_status mv_sub(mv_view v, size_t offset, size_t len, mv_view *out);

/* mv_buffer: Python 2's buffer(v, offset, size): a read-only view of up to
 * size items from offset; size == -1 means to the end; an offset past the
 * end gives an empty view; a size past the end is cut.
 * MV_EINVAL: out is NULL, or size < -1.  MV_ERELEASED. */
/*@ requires valid: mv_valid(v);
    requires out_valid: out == \null || \valid(out);
    terminates \true;
    assigns *out;
    behavior null_out:
      assumes out == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes out != \null && !mv_live(v);
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior bad_size:
      assumes out != \null && mv_live(v) && size < -1;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior cut:
      assumes out != \null && mv_live(v) && size >= -1;
      assigns *out;
      ensures result: \result == MV_OK;
      ensures valid: mv_valid(*out);
      ensures len: out->len == (offset >= v.len ? 0 :
                                (size == -1 || size > v.len - offset ? v.len - offset : size));
      ensures item0: out->len >= 1 ==> out->data == mv_item(v, offset);
      ensures stride: out->stride == v.stride;
      ensures access: out->readonly == 1 && out->released == 0;
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_buffer(mv_view v, size_t offset, ptrdiff_t size, mv_view *out);

/* mv_advance: *v = v[n:], the cursor step.  MV_EINVAL: v is NULL.
 * MV_ERELEASED.  MV_ERANGE: n > mv_len(*v). */
/*@ requires valid: v == \null || (\valid(v) && mv_valid(*v));
    terminates \true;
    assigns *v;
    behavior null_view:
      assumes v == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes v != \null && v->released != 0;
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior out_of_range:
      assumes v != \null && v->released == 0 && n > v->len;
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior advanced:
      assumes v != \null && v->released == 0 && n <= v->len;
      assigns *v;
      ensures result: \result == MV_OK;
      ensures valid: mv_valid(*v);
      ensures len: v->len == \old(v->len) - n;
      ensures item0: v->len >= 1 ==> v->data == \old(v->data) + n * \old(v->stride);
      ensures stride: v->stride == \old(v->stride);
      ensures access: v->readonly == \old(v->readonly) && v->released == 0;
    complete behaviors;
    disjoint behaviors;
*/
MV__VIEW_INLINE MV_NODISCARD mv_status mv_advance(mv_view *v, size_t n);

/* mv_split: *head = v[:at], *tail = v[at:].  MV_EINVAL: head or tail is
 * NULL, or both are the same object.  MV_ERELEASED.  MV_ERANGE: at > mv_len(v). */
/*@ requires valid: mv_valid(v);
    requires outs_valid: head == \null || \valid(head);
    requires outs_valid: tail == \null || \valid(tail);
    requires outs_apart: head == tail || \separated(head, tail);
    terminates \true;
    assigns *head, *tail;
    behavior bad_out:
      assumes !mv_outs_distinct(head, tail);
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes mv_outs_distinct(head, tail) && !mv_live(v);
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior out_of_range:
      assumes mv_outs_distinct(head, tail) && mv_live(v) && at > v.len;
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior split:
      assumes mv_outs_distinct(head, tail) && mv_live(v) && at <= v.len;
      assigns *head, *tail;
      ensures result: \result == MV_OK;
      ensures valid: mv_valid(*head) && mv_valid(*tail);
      ensures lens: head->len == at && tail->len == v.len - at;
      ensures item0: at >= 1 ==> head->data == v.data;
      ensures item0: tail->len >= 1 ==> tail->data == mv_item(v, at);
      ensures strides: head->stride == v.stride && tail->stride == v.stride;
      ensures access: head->readonly == v.readonly && tail->readonly == v.readonly;
      ensures access: head->released == 0 && tail->released == 0;
    complete behaviors;
    disjoint behaviors;
*/
MV__VIEW_INLINE MV_NODISCARD mv_status mv_split(mv_view v, size_t at, mv_view *head, mv_view *tail);

/* mv_toreadonly: memoryview.toreadonly(): the same items, read-only.
 * MV_EINVAL: out is NULL.  MV_ERELEASED. */
/*@ requires valid: mv_valid(v);
    requires out_valid: out == \null || \valid(out);
    terminates \true;
    assigns *out;
    behavior null_out:
      assumes out == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes out != \null && !mv_live(v);
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior made:
      assumes out != \null && mv_live(v);
      assigns *out;
      ensures result: \result == MV_OK;
      ensures valid: mv_valid(*out);
      ensures same: out->data == v.data && out->len == v.len && out->stride == v.stride;
      ensures access: out->readonly == 1 && out->released == 0;
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_toreadonly(mv_view v, mv_view *out);

/* mv_release: memoryview.release(): afterwards every operation on *v
 * answers MV_ERELEASED.  Idempotent.  Other copies of the view are not
 * affected (a view is a value).  MV_EINVAL: v is NULL. */
/*@ requires valid: v == \null || \valid(v);
    terminates \true;
    assigns *v;
    behavior null_view:
      assumes v == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes v != \null;
      assigns *v;
      ensures result: \result == MV_OK;
      ensures valid: mv_valid(*v);
      ensures state: v->released == 1 && v->len == 0 && v->data == \null;
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_release(mv_view *v);

#ifdef __cplusplus
}
#endif

#endif /* MEMVIEW_VIEW_H */
