/*
 * memview.h — zero-copy views of bytes: Python's buffer / memoryview in C.
 *
 * This header is the manual.  It states the rules every function follows,
 * then, per function, what it does, what a failure leaves unchanged, and its
 * ACSL contract (proven against the code by Frama-C WP: `make prove`).
 *
 * Rules for every function
 * ------------------------
 *  - A view (mv_view) is a small value: pass it, copy it, return it.  It
 *    never owns memory; the bytes it describes must outlive it.  Its fields
 *    are the library's business: use the functions below.
 *  - A view describes mv_len(v) items of one byte each; item i is at address
 *    mv_data(v) + i * mv_stride(v).  Lengths never exceed PTRDIFF_MAX.
 *  - Every mv_status function either succeeds (MV_OK) or changes nothing:
 *    no out-parameter, view, cursor or caller buffer is written on failure.
 *    The only exception is the progress counter of the I/O functions, which
 *    is exact on every return.
 *  - Statuses are checked in this order: a required pointer that is NULL
 *    (MV_EINVAL), a released view (MV_ERELEASED), a write through a
 *    read-only view (MV_EREADONLY), then the arguments in the order the
 *    function lists them.
 *  - A byte pointer may be NULL only when its length or capacity is 0.
 *    Every other pointer parameter is required.
 *  - A released view answers MV_ERELEASED to every mv_status function;
 *    the functions that return a value return 0, false or NULL for it.
 *  - An empty view has no item 0: mv_data returns NULL for it.
 *  - No input makes a function crash, read or write outside the bytes it
 *    was given, overflow, or reach undefined behaviour.  The preconditions
 *    that remain are the ones C cannot check at run time: that a view was
 *    made by this library from memory that is still valid, and that output
 *    buffers are valid for the capacity given.
 */
#ifndef MEMVIEW_H
#define MEMVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __FRAMAC__
#include "memview_os.h"   /* the OS declarations the proof reads (trusted) */
#else
#include <sys/types.h>    /* ssize_t */
#include <sys/uio.h>      /* struct iovec */
#endif

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) || defined(__clang__)
#define MV_NODISCARD __attribute__((warn_unused_result))
#else
#define MV_NODISCARD
#endif

/* ------------------------------------------------------------------ */
/* Status codes                                                        */
/* ------------------------------------------------------------------ */

typedef enum mv_status {
    MV_OK = 0,
    MV_EINVAL,      /* NULL where a pointer is required, zero step, bad argument, lengths differ */
    MV_ERANGE,      /* index or bound out of range, destination too small */
    MV_EOVERFLOW,   /* a size or offset that does not fit (> PTRDIFF_MAX, wraps) */
    MV_EREADONLY,   /* write through a read-only view */
    MV_ENOTCONTIG,  /* the operation needs a contiguous view (all I/O does) */
    MV_ENOTFOUND,   /* index / find found nothing */
    MV_EBUSY,       /* an owner buffer has live exports */
    MV_ERELEASED,   /* the view was released */
    MV_ENOMEM,      /* allocation failed */
    MV_EAGAIN,      /* the transport would block; progress so far is reported */
    MV_ECLOSED,     /* the peer closed (or accepted nothing) before the work was done */
    MV_ESYS         /* the transport failed; errno is kept */
} mv_status;

/* ------------------------------------------------------------------ */
/* The view                                                            */
/* ------------------------------------------------------------------ */

/* A view of len one-byte items; item i is at data + i * stride.
 * Private: the fields may change between versions.  Bytes are addressed as
 * char because that is the type C gives to the bytes of any object. */
typedef struct mv_view {
    char     *data;      /* item 0; NULL exactly when len == 0 */
    size_t    len;       /* number of items, <= PTRDIFF_MAX */
    ptrdiff_t stride;    /* never 0; meaningless when len <= 1 */
    bool      readonly;  /* writes are refused */
    bool      released;  /* mv_release was called: len == 0, data == NULL */
} mv_view;

/* An owner buffer: bytearray with export locking.  The caller holds the
 * struct (on the stack or inside its own structs); the library owns the
 * bytes it points to.  Private: the fields may change between versions. */
typedef struct mv_buf {
    char  *data;      /* cap bytes from malloc; NULL exactly when cap == 0 */
    size_t len;       /* bytes in use, <= cap */
    size_t cap;       /* bytes allocated, <= PTRDIFF_MAX */
    size_t exports;   /* views handed out by mv_buf_export and not yet released */
} mv_buf;

/* An omitted slice bound or step: Python's None. */
#define MV_OMIT PTRDIFF_MIN

#ifdef __FRAMAC__
#include "memview_logic.acsl"
#endif

/* mv_strerror: a short English description of a status; never NULL, also
 * for values that are not mv_status codes. */
/*@ terminates \true;
    assigns \nothing;
    ensures non_null: \result != \null;
    ensures string: \valid_read(\result);
*/
const char *mv_strerror(mv_status s);

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
      assumes out == \null || (p == \null && n > 0);
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior too_long:
      assumes out != \null && !(p == \null && n > 0) && n > PTRDIFF_MAX;
      assigns \nothing;
      ensures result: \result == MV_EOVERFLOW;
    behavior made:
      assumes out != \null && !(p == \null && n > 0) && n <= PTRDIFF_MAX;
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
      assumes out == \null || (p == \null && n > 0);
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior too_long:
      assumes out != \null && !(p == \null && n > 0) && n > PTRDIFF_MAX;
      assigns \nothing;
      ensures result: \result == MV_EOVERFLOW;
    behavior made:
      assumes out != \null && !(p == \null && n > 0) && n <= PTRDIFF_MAX;
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
size_t mv_len(mv_view v);

/* mv_readonly: whether writes through v are refused; false when released. */
/*@ terminates \true;
    assigns \nothing;
    ensures result: \result == (v.released == 0 && v.readonly != 0);
*/
bool mv_readonly(mv_view v);

/* mv_contiguous: len <= 1 or stride == 1; false when released. */
/*@ terminates \true;
    assigns \nothing;
    ensures result: \result == (v.released == 0 && (v.len <= 1 || v.stride == 1));
*/
bool mv_contiguous(mv_view v);

/* mv_stride: the distance in bytes from item i to item i + 1 (CPython's
 * strides[0] whenever the view has two items or more); 0 when released. */
/*@ terminates \true;
    assigns \nothing;
    ensures result: \result == (v.released != 0 ? 0 : v.stride);
*/
ptrdiff_t mv_stride(mv_view v);

/* mv_data: the address of item 0; NULL for an empty or released view.
 * The conversion from the stored char pointer to const uint8_t * is the
 * one pointer cast WP's typed model cannot follow, so the contract states
 * only the NULL case; tests check the address itself. */
/*@ terminates \true;
    assigns \nothing;
*/
const uint8_t *mv_data(mv_view v);

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
      assumes out != \null && v.released != 0;
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior zero_step:
      assumes out != \null && v.released == 0 && step == 0;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior sliced:
      assumes out != \null && v.released == 0 && step != 0;
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
MV_NODISCARD mv_status mv_slice(mv_view v, ptrdiff_t start, ptrdiff_t stop, ptrdiff_t step,
                                mv_view *out);

/* mv_sub: the strict slice v[offset:offset+len].
 * MV_EINVAL: out is NULL.  MV_ERELEASED.  MV_ERANGE: offset + len > mv_len(v)
 * (SIZE_MAX offsets included: the sum is never formed). */
/*@ requires valid: mv_valid(v);
    requires out_valid: out == \null || \valid(out);
    terminates \true;
    assigns *out;
    behavior null_out:
      assumes out == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes out != \null && v.released != 0;
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior out_of_range:
      assumes out != \null && v.released == 0 && (offset > v.len || len > v.len - offset);
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior cut:
      assumes out != \null && v.released == 0 && offset <= v.len && len <= v.len - offset;
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
MV_NODISCARD mv_status mv_sub(mv_view v, size_t offset, size_t len, mv_view *out);

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
      assumes out != \null && v.released != 0;
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior bad_size:
      assumes out != \null && v.released == 0 && size < -1;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior cut:
      assumes out != \null && v.released == 0 && size >= -1;
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
MV_NODISCARD mv_status mv_advance(mv_view *v, size_t n);

/* mv_split: *head = v[:at], *tail = v[at:].  MV_EINVAL: head or tail is
 * NULL, or both are the same object.  MV_ERELEASED.  MV_ERANGE: at > mv_len(v). */
/*@ requires valid: mv_valid(v);
    requires outs_valid: head == \null || \valid(head);
    requires outs_valid: tail == \null || \valid(tail);
    requires outs_apart: head == tail || \separated(head, tail);
    terminates \true;
    assigns *head, *tail;
    behavior bad_out:
      assumes head == \null || tail == \null || head == tail;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes head != \null && tail != \null && head != tail && v.released != 0;
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior out_of_range:
      assumes head != \null && tail != \null && head != tail && v.released == 0 && at > v.len;
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior split:
      assumes head != \null && tail != \null && head != tail && v.released == 0 && at <= v.len;
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
MV_NODISCARD mv_status mv_split(mv_view v, size_t at, mv_view *head, mv_view *tail);

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
      assumes out != \null && v.released != 0;
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior made:
      assumes out != \null && v.released == 0;
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

/* ------------------------------------------------------------------ */
/* Items                                                               */
/* ------------------------------------------------------------------ */

/* mv_get: *out = v[index]; a negative index counts from the end.
 * MV_EINVAL: out is NULL.  MV_ERELEASED.  MV_ERANGE: index outside
 * [-len, len) (CPython's IndexError). */
/*@ requires valid: mv_valid(v);
    requires out_valid: out == \null || \valid(out);
    terminates \true;
    assigns *out;
    behavior null_out:
      assumes out == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes out != \null && v.released != 0;
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior out_of_range:
      assumes out != \null && v.released == 0 && (index < -v.len || index >= v.len);
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior read:
      assumes out != \null && v.released == 0 && -v.len <= index < v.len;
      assigns *out;
      ensures result: \result == MV_OK;
      ensures value: *out == mv_at{Pre}(v, index < 0 ? index + v.len : index);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_get(mv_view v, ptrdiff_t index, uint8_t *out);

/* mv_set: v[index] = value.  Seen through every view of the same bytes.
 * MV_ERELEASED.  MV_EREADONLY.  MV_ERANGE: index outside [-len, len). */
/*@ requires valid: mv_valid(v);
    terminates \true;
    assigns *mv_item(v, index < 0 ? index + v.len : index);
    behavior released:
      assumes v.released != 0;
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior readonly:
      assumes v.released == 0 && v.readonly != 0;
      assigns \nothing;
      ensures result: \result == MV_EREADONLY;
    behavior out_of_range:
      assumes v.released == 0 && v.readonly == 0 && (index < -v.len || index >= v.len);
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior written:
      assumes v.released == 0 && v.readonly == 0 && -v.len <= index < v.len;
      assigns *mv_item(v, index < 0 ? index + v.len : index);
      ensures result: \result == MV_OK;
      ensures value: mv_at(v, index < 0 ? index + v.len : index) == value;
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_set(mv_view v, ptrdiff_t index, uint8_t value);

/* mv_tobytes: copy the items, in order, to dst (any stride); *written =
 * mv_len(v).  dst must not overlap the view's bytes.
 * MV_EINVAL: written is NULL, or dst is NULL with cap > 0.  MV_ERELEASED.
 * MV_ERANGE: cap < mv_len(v); nothing is written. */
/*@ requires valid: mv_valid(v);
    requires written_valid: written == \null || \valid(written);
    requires dst_valid: dst == \null || cap == 0 || \valid((char *)dst + (0 .. cap - 1));
    requires apart: dst == \null || cap == 0 || v.len == 0 ||
      \separated((char *)dst + (0 .. cap - 1),
                 v.data + (mv_span_lo(v.len, v.stride) .. mv_span_hi(v.len, v.stride)));
    requires apart: written == \null || dst == \null || cap == 0 ||
      \separated(written, (char *)dst + (0 .. cap - 1));
    requires apart: written == \null || v.len == 0 ||
      \separated(written, v.data + (mv_span_lo(v.len, v.stride) .. mv_span_hi(v.len, v.stride)));
    terminates \true;
    assigns *written, ((char *)dst)[0 .. v.len - 1];
    behavior bad_pointer:
      assumes written == \null || (dst == \null && cap > 0);
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes written != \null && !(dst == \null && cap > 0) && v.released != 0;
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior too_small:
      assumes written != \null && !(dst == \null && cap > 0) && v.released == 0 && cap < v.len;
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior copied:
      assumes written != \null && !(dst == \null && cap > 0) && v.released == 0 && cap >= v.len;
      assigns *written, ((char *)dst)[0 .. v.len - 1];
      ensures result: \result == MV_OK;
      ensures written: *written == v.len;
      ensures bytes: \forall integer i; 0 <= i < v.len ==> ((char *)dst)[i] == *mv_item(v, i);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_tobytes(mv_view v, void *dst, size_t cap, size_t *written);

/* mv_assign: dst[:] = src.  Correct for any overlap and any strides: the
 * result is as if src had been copied to a temporary first, yet nothing is
 * allocated.  Views with the same stride are copied in the direction that
 * reads every source item before it is overwritten; overlapping views with
 * different strides in the order of the distance between each destination
 * item and its source item (see mv_assign.c).  Overlap is found by
 * comparing addresses for equality, which C defines for pointers into
 * different objects; an overlap check costs time proportional to the bytes
 * the two views span.
 * MV_ERELEASED (either view).  MV_EREADONLY: dst is read-only.  MV_EINVAL:
 * the lengths differ.  MV_ENOMEM is never returned. */
/*@ requires valid: mv_valid(dst) && mv_valid(src);
    terminates \true;
    assigns { *mv_item(dst, i) | integer i; 0 <= i < dst.len };
    behavior released:
      assumes dst.released != 0 || src.released != 0;
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior readonly:
      assumes dst.released == 0 && src.released == 0 && dst.readonly != 0;
      assigns \nothing;
      ensures result: \result == MV_EREADONLY;
    behavior lengths_differ:
      assumes dst.released == 0 && src.released == 0 && dst.readonly == 0 && dst.len != src.len;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior assign:
      assumes dst.released == 0 && src.released == 0 && dst.readonly == 0 && dst.len == src.len;
      assigns { *mv_item(dst, i) | integer i; 0 <= i < dst.len };
      ensures result: \result == MV_OK;
      ensures copied: \forall integer i; 0 <= i < dst.len ==>
        *mv_item(dst, i) == \old(*mv_item(src, i));
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_assign(mv_view dst, mv_view src);

/* mv_fill: every item of dst = value.
 * MV_ERELEASED.  MV_EREADONLY. */
/*@ requires valid: mv_valid(dst);
    terminates \true;
    assigns { *mv_item(dst, i) | integer i; 0 <= i < dst.len };
    behavior released:
      assumes dst.released != 0;
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior readonly:
      assumes dst.released == 0 && dst.readonly != 0;
      assigns \nothing;
      ensures result: \result == MV_EREADONLY;
    behavior filled:
      assumes dst.released == 0 && dst.readonly == 0;
      assigns { *mv_item(dst, i) | integer i; 0 <= i < dst.len };
      ensures result: \result == MV_OK;
      ensures value: \forall integer i; 0 <= i < dst.len ==> mv_at(dst, i) == value;
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_fill(mv_view dst, uint8_t value);

/* ------------------------------------------------------------------ */
/* Comparing and searching                                             */
/* ------------------------------------------------------------------ */

/* mv_equal: a == b for memoryviews of bytes: same length, same items.
 * False when either view is released. */
/*@ requires valid: mv_valid(a) && mv_valid(b);
    terminates \true;
    assigns \nothing;
    ensures result: \result == 1 <==>
      (a.released == 0 && b.released == 0 && a.len == b.len &&
       mv_same_items(a, b, a.len));
*/
bool mv_equal(mv_view a, mv_view b);

/* mv_compare: orders like bytes: the first differing item decides
 * (as unsigned bytes), else the shorter view comes first.  Returns -1, 0
 * or 1; 0 when either view is released. */
/*@ requires valid: mv_valid(a) && mv_valid(b);
    terminates \true;
    assigns \nothing;
    behavior released:
      assumes a.released != 0 || b.released != 0;
      ensures result: \result == 0;
    behavior compared:
      assumes a.released == 0 && b.released == 0;
      ensures result: \result == mv_order(a, b);
    complete behaviors;
    disjoint behaviors;
*/
int mv_compare(mv_view a, mv_view b);

/* mv_ct_equal: mv_equal whose running time depends only on the lengths,
 * never on the contents (for comparing secrets).  False when the lengths
 * differ or either view is released. */
/*@ requires valid: mv_valid(a) && mv_valid(b);
    terminates \true;
    assigns \nothing;
    ensures result: \result == 1 <==>
      (a.released == 0 && b.released == 0 && a.len == b.len &&
       mv_same_items(a, b, a.len));
*/
bool mv_ct_equal(mv_view a, mv_view b);

/* mv_hex_size: the number of characters memoryview.hex(sep, bytes_per_sep)
 * produces (without the terminating NUL).  sep == '\0' or bytes_per_sep
 * == 0 mean no separator; bytes_per_sep > 0 groups from the right, < 0 from
 * the left.  0 for a released view or a non-ASCII sep (which mv_hex
 * refuses); SIZE_MAX when the size does not fit in size_t. */
/*@ requires valid: mv_valid(v);
    terminates \true;
    assigns \nothing;
    ensures result: \result == mv_hex_size_of(v, sep, bytes_per_sep);
*/
size_t mv_hex_size(mv_view v, char sep, ptrdiff_t bytes_per_sep);

/* mv_hex: memoryview.hex(sep, bytes_per_sep) into dst: mv_hex_size(...)
 * lowercase characters plus a NUL; *written = the characters without the
 * NUL.  MV_EINVAL: written is NULL, or dst is NULL with cap > 0.
 * MV_ERELEASED.  MV_EINVAL: sep is not ASCII.  MV_EOVERFLOW: the size does not fit in size_t.
 * MV_ERANGE: cap < size + 1; nothing is written. */
/*@ requires valid: mv_valid(v);
    requires written_valid: written == \null || \valid(written);
    requires dst_valid: dst == \null || cap == 0 || \valid(dst + (0 .. cap - 1));
    requires apart: dst == \null || cap == 0 || v.len == 0 ||
      \separated(dst + (0 .. cap - 1),
                 v.data + (mv_span_lo(v.len, v.stride) .. mv_span_hi(v.len, v.stride)));
    requires apart: written == \null || dst == \null || cap == 0 ||
      \separated(written, dst + (0 .. cap - 1));
    terminates \true;
    assigns *written, dst[0 .. cap - 1];
    behavior bad_pointer:
      assumes written == \null || (dst == \null && cap > 0);
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes written != \null && !(dst == \null && cap > 0) && v.released != 0;
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior bad_separator:
      assumes written != \null && !(dst == \null && cap > 0) && v.released == 0 && !mv_ascii(sep);
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior too_big:
      assumes written != \null && !(dst == \null && cap > 0) && mv_ascii(sep) && v.released == 0 &&
              mv_hex_len(v.len, sep, bytes_per_sep) >= SIZE_MAX;
      assigns \nothing;
      ensures result: \result == MV_EOVERFLOW;
    behavior too_small:
      assumes written != \null && !(dst == \null && cap > 0) && mv_ascii(sep) && v.released == 0 &&
              mv_hex_len(v.len, sep, bytes_per_sep) < SIZE_MAX &&
              cap < mv_hex_len(v.len, sep, bytes_per_sep) + 1;
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior written:
      assumes written != \null && !(dst == \null && cap > 0) && mv_ascii(sep) && v.released == 0 &&
              mv_hex_len(v.len, sep, bytes_per_sep) < SIZE_MAX &&
              cap >= mv_hex_len(v.len, sep, bytes_per_sep) + 1;
      assigns *written, dst[0 .. mv_hex_len(v.len, sep, bytes_per_sep)];
      ensures result: \result == MV_OK;
      ensures written: *written == mv_hex_len(v.len, sep, bytes_per_sep);
      ensures digits: \forall integer i; 0 <= i < v.len ==>
        dst[mv_hex_pos(v.len, i, sep, bytes_per_sep)] == mv_hex_digit(mv_at(v, i) / 16) &&
        dst[mv_hex_pos(v.len, i, sep, bytes_per_sep) + 1] == mv_hex_digit(mv_at(v, i) % 16);
      ensures separators: \forall integer i; 1 <= i < v.len ==>
        mv_hex_pos(v.len, i, sep, bytes_per_sep) == mv_hex_pos(v.len, i - 1, sep, bytes_per_sep) + 3 ==>
        dst[mv_hex_pos(v.len, i, sep, bytes_per_sep) - 1] == sep;
      ensures terminated: dst[mv_hex_len(v.len, sep, bytes_per_sep)] == 0;
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_hex(mv_view v, char *dst, size_t cap, char sep, ptrdiff_t bytes_per_sep,
                              size_t *written);

/* mv_index: memoryview.index(value, start, stop) (Python 3.14): the first
 * i in the slice bounds [start:stop] (clamped like a slice, MV_OMIT allowed)
 * with v[i] == value; *pos is an index into v.
 * MV_EINVAL: pos is NULL.  MV_ERELEASED.  MV_ENOTFOUND. */
/*@ requires valid: mv_valid(v);
    requires pos_valid: pos == \null || \valid(pos);
    terminates \true;
    assigns *pos;
    behavior null_pos:
      assumes pos == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes pos != \null && v.released != 0;
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior absent:
      assumes pos != \null && v.released == 0 &&
        \forall integer i; mv_idx_lo(v.len, start) <= i < mv_idx_hi(v.len, stop) ==>
          mv_at(v, i) != value;
      assigns \nothing;
      ensures result: \result == MV_ENOTFOUND;
    behavior found:
      assumes pos != \null && v.released == 0 &&
        \exists integer i; mv_idx_lo(v.len, start) <= i < mv_idx_hi(v.len, stop) &&
          mv_at(v, i) == value;
      assigns *pos;
      ensures result: \result == MV_OK;
      ensures bounds: mv_idx_lo(v.len, start) <= *pos < mv_idx_hi(v.len, stop);
      ensures match: mv_at(v, *pos) == value;
      ensures first: \forall integer i; mv_idx_lo(v.len, start) <= i < *pos ==>
        mv_at(v, i) != value;
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_index(mv_view v, uint8_t value, ptrdiff_t start, ptrdiff_t stop,
                                size_t *pos);

/* mv_count: memoryview.count(value): how many items equal value;
 * 0 when released. */
/*@ requires valid: mv_valid(v);
    terminates \true;
    assigns \nothing;
    ensures result: \result == (v.released != 0 ? 0 : mv_count_in(v, value, v.len));
*/
size_t mv_count(mv_view v, uint8_t value);

/* mv_find: bytes.find: the lowest position at which needle's items occur
 * in hay; an empty needle is found at 0.
 * MV_EINVAL: pos is NULL.  MV_ERELEASED (either view).  MV_ENOTFOUND. */
/*@ requires valid: mv_valid(hay) && mv_valid(needle);
    requires pos_valid: pos == \null || \valid(pos);
    terminates \true;
    assigns *pos;
    behavior null_pos:
      assumes pos == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes pos != \null && (hay.released != 0 || needle.released != 0);
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior absent:
      assumes pos != \null && hay.released == 0 && needle.released == 0 &&
        \forall integer k; 0 <= k && k + needle.len <= hay.len ==> !mv_match_at(hay, needle, k);
      assigns \nothing;
      ensures result: \result == MV_ENOTFOUND;
    behavior found:
      assumes pos != \null && hay.released == 0 && needle.released == 0 &&
        \exists integer k; 0 <= k && k + needle.len <= hay.len && mv_match_at(hay, needle, k);
      assigns *pos;
      ensures result: \result == MV_OK;
      ensures bounds: *pos + needle.len <= hay.len;
      ensures match: mv_match_at(hay, needle, *pos);
      ensures first: \forall integer k; 0 <= k < *pos ==> !mv_match_at(hay, needle, k);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_find(mv_view hay, mv_view needle, size_t *pos);


/* ------------------------------------------------------------------ */
/* Owner buffers: bytearray with export locking                        */
/* ------------------------------------------------------------------ */
/*
 * An mv_buf owns its bytes (malloc'd).  Views of them are handed out by
 * mv_buf_export and handed back with mv_buf_release; while any export is
 * live, mv_buf_resize, mv_buf_append and mv_buf_free refuse with MV_EBUSY
 * and change nothing, so no view is ever left pointing at bytes that were
 * moved or freed (CPython: "Existing exports of data: object cannot be
 * re-sized").  Views are values, so the count is of exports, not of
 * copies: release exactly the views mv_buf_export returned.
 *
 * Allocation: every function either succeeds or returns MV_ENOMEM with the
 * buffer unchanged.  A fresh block is written only after checking, with
 * address equality, that it shares no byte with the bytes being copied
 * into it (malloc guarantees this; the check lets the proof rely on
 * nothing more than malloc returning valid memory).
 */

/* mv_buf_init: *b = bytearray(n): n zero bytes, no exports.  *b's previous
 * contents are not looked at: a buffer that held memory must be freed
 * first.  MV_EINVAL: b is NULL.  MV_EOVERFLOW: n > PTRDIFF_MAX.
 * MV_ENOMEM: *b unchanged. */
/*@ requires b_valid: b == \null || \valid(b);
    terminates \true;
    assigns *b, \at(b->data, Post)[0 .. n - 1];
    behavior null_buf:
      assumes b == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior too_long:
      assumes b != \null && n > PTRDIFF_MAX;
      assigns \nothing;
      ensures result: \result == MV_EOVERFLOW;
    behavior made:
      assumes b != \null && n <= PTRDIFF_MAX;
      assigns *b, \at(b->data, Post)[0 .. n - 1];
      ensures result: \result == MV_OK || (\result == MV_ENOMEM && n > 0);
      ensures made: \result == MV_OK ==>
        mv_buf_ok(b) && b->len == n && b->exports == 0 &&
        \forall integer i; 0 <= i < n ==> b->data[i] == 0;
      ensures unchanged: \result == MV_ENOMEM ==>
        b->data == \old(b->data) && b->len == \old(b->len) &&
        b->cap == \old(b->cap) && b->exports == \old(b->exports);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_buf_init(mv_buf *b, size_t n);

/* mv_buf_from: *b = bytearray(src): a copy of src's items, in order (any
 * stride), no exports.  *b's previous contents are not looked at.
 * MV_EINVAL: b is NULL.  MV_ERELEASED.  MV_ENOMEM: *b unchanged. */
/*@ requires b_valid: b == \null || \valid(b);
    requires src_valid: mv_valid(src);
    terminates \true;
    assigns *b, \at(b->data, Post)[0 .. src.len - 1];
    behavior null_buf:
      assumes b == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes b != \null && src.released != 0;
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior copied:
      assumes b != \null && src.released == 0;
      assigns *b, \at(b->data, Post)[0 .. src.len - 1];
      ensures result: \result == MV_OK || (\result == MV_ENOMEM && src.len > 0);
      ensures made: \result == MV_OK ==>
        mv_buf_ok(b) && b->len == src.len && b->exports == 0 &&
        \forall integer i; 0 <= i < src.len ==> b->data[i] == \old(*mv_item(src, i));
      ensures unchanged: \result == MV_ENOMEM ==>
        b->data == \old(b->data) && b->len == \old(b->len) &&
        b->cap == \old(b->cap) && b->exports == \old(b->exports);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_buf_from(mv_buf *b, mv_view src);

/* mv_buf_resize: the first min(len, n) bytes are kept, new bytes are zero.
 * MV_EINVAL: b is NULL.  MV_EBUSY: the buffer has exports.  MV_EOVERFLOW:
 * n > PTRDIFF_MAX.  MV_ENOMEM: unchanged. */
/*@ requires b_valid: b == \null || (\valid(b) && mv_buf_ok(b));
    terminates \true;
    assigns *b, \at(b->data, Post)[0 .. n - 1];
    behavior null_buf:
      assumes b == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior busy:
      assumes b != \null && b->exports > 0;
      assigns \nothing;
      ensures result: \result == MV_EBUSY;
    behavior too_long:
      assumes b != \null && b->exports == 0 && n > PTRDIFF_MAX;
      assigns \nothing;
      ensures result: \result == MV_EOVERFLOW;
    behavior resized:
      assumes b != \null && b->exports == 0 && n <= PTRDIFF_MAX;
      assigns *b, \at(b->data, Post)[0 .. n - 1];
      ensures result: \result == MV_OK || \result == MV_ENOMEM;
      ensures resized: \result == MV_OK ==> mv_buf_ok(b) && b->len == n && b->exports == 0;
      ensures kept: \result == MV_OK ==>
        \forall integer i; 0 <= i < n && i < \old(b->len) ==> b->data[i] == \old(b->data[i]);
      ensures zeroed: \result == MV_OK ==>
        \forall integer i; \old(b->len) <= i < n ==> b->data[i] == 0;
      ensures unchanged: \result == MV_ENOMEM ==>
        b->data == \old(b->data) && b->len == \old(b->len) && b->cap == \old(b->cap) &&
        \forall integer i; 0 <= i < b->len ==> b->data[i] == \old(b->data[i]);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_buf_resize(mv_buf *b, size_t n);

/* mv_buf_append: bytearray.extend(src): src's items after the contents.
 * src may be a view of this very buffer (not one it exported: that would
 * be MV_EBUSY).  MV_EINVAL: b is NULL.  MV_ERELEASED.  MV_EBUSY.
 * MV_EOVERFLOW: the new length would pass PTRDIFF_MAX.  MV_ENOMEM:
 * unchanged. */
/*@ requires b_valid: b == \null || (\valid(b) && mv_buf_ok(b));
    requires src_valid: mv_valid(src);
    terminates \true;
    assigns *b, \at(b->data, Post)[0 .. \at(b->len, Post) - 1];
    behavior null_buf:
      assumes b == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes b != \null && src.released != 0;
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior busy:
      assumes b != \null && src.released == 0 && b->exports > 0;
      assigns \nothing;
      ensures result: \result == MV_EBUSY;
    behavior too_long:
      assumes b != \null && src.released == 0 && b->exports == 0 &&
              src.len > PTRDIFF_MAX - b->len;
      assigns \nothing;
      ensures result: \result == MV_EOVERFLOW;
    behavior appended:
      assumes b != \null && src.released == 0 && b->exports == 0 &&
              src.len <= PTRDIFF_MAX - b->len;
      assigns *b, \at(b->data, Post)[0 .. \at(b->len, Post) - 1];
      ensures result: \result == MV_OK || \result == MV_ENOMEM;
      ensures appended: \result == MV_OK ==>
        mv_buf_ok(b) && b->len == \old(b->len) + src.len && b->exports == 0;
      ensures kept: \result == MV_OK ==>
        \forall integer i; 0 <= i < \old(b->len) ==> b->data[i] == \old(b->data[i]);
      ensures added: \result == MV_OK ==>
        \forall integer i; 0 <= i < src.len ==> b->data[\old(b->len) + i] == \old(*mv_item(src, i));
      ensures unchanged: \result == MV_ENOMEM ==>
        b->data == \old(b->data) && b->len == \old(b->len) && b->cap == \old(b->cap) &&
        \forall integer i; 0 <= i < b->len ==> b->data[i] == \old(b->data[i]);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_buf_append(mv_buf *b, mv_view src);

/* mv_buf_export: a view of the whole contents (writable unless readonly);
 * the buffer cannot be resized or freed until it is handed back with
 * mv_buf_release.  MV_EINVAL: b or out is NULL.  MV_EOVERFLOW: SIZE_MAX
 * exports are already live. */
/*@ requires b_valid: b == \null || (\valid(b) && mv_buf_ok(b));
    requires out_valid: out == \null || \valid(out);
    requires apart: b == \null || out == \null || \separated(b, out);
    terminates \true;
    assigns b->exports, *out;
    behavior bad_pointer:
      assumes b == \null || out == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior too_many:
      assumes b != \null && out != \null && b->exports == SIZE_MAX;
      assigns \nothing;
      ensures result: \result == MV_EOVERFLOW;
    behavior exported:
      assumes b != \null && out != \null && b->exports < SIZE_MAX;
      assigns b->exports, *out;
      ensures result: \result == MV_OK;
      ensures count: b->exports == \old(b->exports) + 1;
      ensures view: mv_valid(*out) && mv_exported_view(b, *out) && out->readonly == readonly;
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_buf_export(mv_buf *b, bool readonly, mv_view *out);

/* mv_buf_release: ends one export and releases that view (*exported
 * answers MV_ERELEASED afterwards).  Views are values, so the view is
 * recognised by its fields (the buffer's address, length and stride 1):
 * pass back exactly what mv_buf_export returned, once.  MV_EINVAL: b or exported is NULL.
 * MV_ERELEASED: *exported was already released.  MV_EINVAL: the buffer has
 * no live export (releasing more than was exported), or *exported is not a
 * view this buffer exported (it must be passed back as it was returned). */
/*@ requires b_valid: b == \null || (\valid(b) && mv_buf_ok(b));
    requires view_valid: exported == \null || \valid(exported);
    requires apart: b == \null || exported == \null || \separated(b, exported);
    terminates \true;
    assigns b->exports, *exported;
    behavior bad_pointer:
      assumes b == \null || exported == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes b != \null && exported != \null && exported->released != 0;
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior none_live:
      assumes b != \null && exported != \null && exported->released == 0 && b->exports == 0;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior foreign:
      assumes b != \null && exported != \null && exported->released == 0 && b->exports > 0 &&
              !mv_exported_view(b, *exported);
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior ended:
      assumes b != \null && exported != \null && exported->released == 0 && b->exports > 0 &&
              mv_exported_view(b, *exported);
      assigns b->exports, *exported;
      ensures result: \result == MV_OK;
      ensures count: b->exports == \old(b->exports) - 1;
      ensures view: exported->released == 1 && exported->len == 0 && exported->data == \null &&
                    mv_valid(*exported);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_buf_release(mv_buf *b, mv_view *exported);

/* mv_buf_len: len(bytearray); 0 for NULL. */
/*@ requires b_valid: b == \null || \valid_read(b);
    terminates \true;
    assigns \nothing;
    ensures result: \result == (b == \null ? 0 : b->len);
*/
size_t mv_buf_len(const mv_buf *b);

/* mv_buf_exports: how many exports are live; 0 for NULL. */
/*@ requires b_valid: b == \null || \valid_read(b);
    terminates \true;
    assigns \nothing;
    ensures result: \result == (b == \null ? 0 : b->exports);
*/
size_t mv_buf_exports(const mv_buf *b);

/* mv_buf_free: frees the bytes; *b is then an empty buffer (as after
 * mv_buf_init(b, 0)).  MV_EINVAL: b is NULL.  MV_EBUSY: the buffer has
 * exports (nothing is freed). */
/*@ requires b_valid: b == \null || (\valid(b) && mv_buf_ok(b));
    terminates \true;
    assigns *b;
    behavior null_buf:
      assumes b == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior busy:
      assumes b != \null && b->exports > 0;
      assigns \nothing;
      ensures result: \result == MV_EBUSY;
    behavior freed:
      assumes b != \null && b->exports == 0;
      assigns *b;
      ensures result: \result == MV_OK;
      ensures empty: mv_buf_ok(b) && b->len == 0 && b->cap == 0 && b->data == \null &&
                     b->exports == 0;
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_buf_free(mv_buf *b);

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

/* ------------------------------------------------------------------ */
/* Zero-copy I/O                                                       */
/* ------------------------------------------------------------------ */
/*
 * A transport moves bytes like send(2) and recv(2): each call returns the
 * number of bytes it moved (recv: 0 is the end of the stream) or -1 with
 * errno set.  mv_transport_fd wraps a file descriptor; memview_sim.h
 * provides a scripted one for tests.  The callbacks are the boundary of the
 * proof: the library assumes of them only what it assumes of send(2) and
 * recv(2) (they return, they touch no memory but the buffer given and
 * errno), and it checks every count they return.
 *
 * All four loops below send or receive without copying: the bytes go
 * straight from or into the view's memory.  For all four:
 *  - *sent / *received is the exact number of bytes moved, on every
 *    return, success or failure: resume with mv_advance(&v, *sent);
 *  - EINTR is retried, never reported (a transport interrupted more than
 *    MV_EINTR_RETRIES times in a row is reported as MV_ESYS with errno
 *    EINTR: that bound is what makes the loops provably terminate, and no
 *    real signal storm reaches it);
 *  - EAGAIN / EWOULDBLOCK is MV_EAGAIN, with the progress so far;
 *  - a transport that accepts 0 bytes of a non-empty send is MV_ECLOSED;
 *  - a transport that claims more bytes than it was given is MV_EINVAL,
 *    and the claim is not counted;
 *  - any other failure is MV_ESYS, with errno as the transport left it;
 *  - views must be contiguous (MV_ENOTCONTIG, like CPython's BufferError),
 *    receiving needs a writable view (MV_EREADONLY).
 */

typedef struct mv_transport {
    void *ctx;
    ssize_t (*send)(void *ctx, const void *buf, size_t len);            /* like send(2) */
    ssize_t (*recv)(void *ctx, void *buf, size_t len);                  /* like recv(2); 0 = end of stream */
    ssize_t (*sendv)(void *ctx, const struct iovec *iov, int iovcnt);   /* may be NULL */
} mv_transport;

/* Consecutive EINTR failures retried before giving up (see above). */
#define MV_EINTR_RETRIES 1000000u

/* mv_transport_fd: a transport over a file descriptor.  On a socket it
 * uses send/recv/sendmsg with MSG_NOSIGNAL (a closed peer gives EPIPE, not
 * SIGPIPE); on any other descriptor (pipe, file, terminal) read, write and
 * writev (writing to a pipe whose reader is gone raises SIGPIPE there, as
 * write(2) does: ignore the signal to get EPIPE).  The descriptor is not
 * owned: closing it is the caller's business. */
/*@ terminates \true;
    assigns __fc_errno;
    ensures functions: \result.send != \null && \result.recv != \null && \result.sendv != \null;
*/
mv_transport mv_transport_fd(int fd);

/* mv_send_all: sends every byte of v, resuming after short sends, without
 * copying (the seed's `while sent < len(m): sent += sock.send(m[sent:])`
 * without the copy).  MV_EINVAL: t or sent is NULL, or t->send is NULL.
 * MV_ERELEASED.  MV_ENOTCONTIG.  Then MV_OK (all sent), MV_EAGAIN,
 * MV_ECLOSED, MV_EINVAL (over-claim) or MV_ESYS, with *sent exact. */
/*@ requires t_valid: t == \null || \valid_read(t);
    requires view: mv_valid(v);
    requires sent_valid: sent == \null || \valid(sent);
    terminates \true;
    assigns *sent, __fc_errno;
    behavior bad_pointer:
      assumes t == \null || sent == \null || t->send == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes t != \null && sent != \null && t->send != \null && v.released != 0;
      assigns *sent;
      ensures result: \result == MV_ERELEASED && *sent == 0;
    behavior not_contiguous:
      assumes t != \null && sent != \null && t->send != \null && v.released == 0 &&
              v.len > 1 && v.stride != 1;
      assigns *sent;
      ensures result: \result == MV_ENOTCONTIG && *sent == 0;
    behavior sending:
      assumes t != \null && sent != \null && t->send != \null && v.released == 0 &&
              (v.len <= 1 || v.stride == 1);
      assigns *sent, __fc_errno;
      ensures result: \result == MV_OK || \result == MV_EAGAIN || \result == MV_ECLOSED ||
                      \result == MV_EINVAL || \result == MV_ESYS;
      ensures progress: *sent <= v.len;
      ensures done: \result == MV_OK <==> *sent == v.len;
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_send_all(const mv_transport *t, mv_view v, size_t *sent);

/* mv_sendv_all: sends every byte of views[0 .. count-1], in order, with
 * vectored sends of at most IOV_MAX pieces (t->sendv; without it, view by
 * view with t->send), skipping empty views and resuming exactly inside a
 * partly sent view.  MV_EINVAL: t or sent is NULL, t has no send function,
 * or views is NULL with count > 0.  MV_ERELEASED: a view is released.
 * MV_ENOTCONTIG: a view is not contiguous.  MV_EOVERFLOW: the total length
 * does not fit in size_t.  Then as mv_send_all, *sent counting bytes across
 * all the views. */
/*@ requires t_valid: t == \null || \valid_read(t);
    requires views_valid: views == \null || count == 0 || \valid_read(views + (0 .. count - 1));
    requires each: views == \null || \forall integer i; 0 <= i < count ==> mv_valid(views[i]);
    requires sent_valid: sent == \null || \valid(sent);
    requires apart: sent == \null || views == \null || count == 0 ||
      \separated(sent, views + (0 .. count - 1));
    terminates \true;
    assigns *sent, __fc_errno;
    behavior bad_pointer:
      assumes t == \null || sent == \null || (t->send == \null && t->sendv == \null) ||
              (views == \null && count > 0);
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior checked:
      assumes t != \null && sent != \null && !(t->send == \null && t->sendv == \null) &&
              !(views == \null && count > 0);
      assigns *sent, __fc_errno;
      ensures released: (\exists integer i; 0 <= i < count && views[i].released != 0) ==>
        \result == MV_ERELEASED && *sent == 0;
      ensures contiguous: (\forall integer i; 0 <= i < count ==> views[i].released == 0) &&
        (\exists integer i; 0 <= i < count && views[i].len > 1 && views[i].stride != 1) ==>
        \result == MV_ENOTCONTIG && *sent == 0;
      ensures result: \result == MV_OK || \result == MV_EAGAIN || \result == MV_ECLOSED ||
                      \result == MV_EINVAL || \result == MV_ESYS || \result == MV_ERELEASED ||
                      \result == MV_ENOTCONTIG || \result == MV_EOVERFLOW;
      ensures progress: *sent <= mv_total_len(views, count);
      ensures done: \result == MV_OK ==> *sent == mv_total_len(views, count);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_sendv_all(const mv_transport *t, const mv_view *views, size_t count,
                                    size_t *sent);

/* mv_recv_into: socket.recv_into(v, nbytes): one receive (EINTR retried)
 * of at most nbytes bytes (0: the whole view) into the front of v.
 * *received == 0 with MV_OK means the end of the stream (or an empty
 * request).  MV_EINVAL: t or received is NULL, or t->recv is NULL.
 * MV_ERELEASED.  MV_EREADONLY.  MV_ENOTCONTIG.  MV_ERANGE: nbytes > len.
 * Then MV_OK, MV_EAGAIN, MV_EINVAL (over-claim) or MV_ESYS. */
/*@ requires t_valid: t == \null || \valid_read(t);
    requires view: mv_valid(v);
    requires received_valid: received == \null || \valid(received);
    requires apart: received == \null || v.len == 0 ||
      \separated(received, v.data + (mv_span_lo(v.len, v.stride) .. mv_span_hi(v.len, v.stride)));
    terminates \true;
    assigns *received, __fc_errno, v.data[0 .. v.len - 1];
    behavior bad_pointer:
      assumes t == \null || received == \null || t->recv == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior refused:
      assumes t != \null && received != \null && t->recv != \null &&
              (v.released != 0 || v.readonly != 0 || (v.len > 1 && v.stride != 1) || nbytes > v.len);
      assigns *received;
      ensures released: v.released != 0 ==> \result == MV_ERELEASED;
      ensures readonly: v.released == 0 && v.readonly != 0 ==> \result == MV_EREADONLY;
      ensures contiguous: v.released == 0 && v.readonly == 0 && v.len > 1 && v.stride != 1 ==>
        \result == MV_ENOTCONTIG;
      ensures range: v.released == 0 && v.readonly == 0 && !(v.len > 1 && v.stride != 1) ==>
        \result == MV_ERANGE;
      ensures nothing: *received == 0;
    behavior receiving:
      assumes t != \null && received != \null && t->recv != \null && v.released == 0 &&
              v.readonly == 0 && (v.len <= 1 || v.stride == 1) && nbytes <= v.len;
      assigns *received, __fc_errno, v.data[0 .. (nbytes == 0 ? v.len : nbytes) - 1];
      ensures result: \result == MV_OK || \result == MV_EAGAIN || \result == MV_EINVAL ||
                      \result == MV_ESYS;
      ensures progress: *received <= (nbytes == 0 ? v.len : nbytes);
      ensures failed: \result != MV_OK ==> *received == 0;
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_recv_into(const mv_transport *t, mv_view v, size_t nbytes, size_t *received);

/* mv_recv_all: fills all of v with receives of at most chunk bytes each (0:
 * no limit): the seed's `while len(view): view = view[sock.recv_into(view,
 * chunk):]`.  MV_ECLOSED: the stream ended before v was full.  Statuses
 * otherwise as mv_recv_into (MV_OK: *received == len). */
/*@ requires t_valid: t == \null || \valid_read(t);
    requires view: mv_valid(v);
    requires received_valid: received == \null || \valid(received);
    requires apart: received == \null || v.len == 0 ||
      \separated(received, v.data + (mv_span_lo(v.len, v.stride) .. mv_span_hi(v.len, v.stride)));
    terminates \true;
    assigns *received, __fc_errno, v.data[0 .. v.len - 1];
    behavior bad_pointer:
      assumes t == \null || received == \null || t->recv == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior refused:
      assumes t != \null && received != \null && t->recv != \null &&
              (v.released != 0 || v.readonly != 0 || (v.len > 1 && v.stride != 1));
      assigns *received;
      ensures released: v.released != 0 ==> \result == MV_ERELEASED;
      ensures readonly: v.released == 0 && v.readonly != 0 ==> \result == MV_EREADONLY;
      ensures contiguous: v.released == 0 && v.readonly == 0 ==> \result == MV_ENOTCONTIG;
      ensures nothing: *received == 0;
    behavior receiving:
      assumes t != \null && received != \null && t->recv != \null && v.released == 0 &&
              v.readonly == 0 && (v.len <= 1 || v.stride == 1);
      assigns *received, __fc_errno, v.data[0 .. v.len - 1];
      ensures result: \result == MV_OK || \result == MV_EAGAIN || \result == MV_ECLOSED ||
                      \result == MV_EINVAL || \result == MV_ESYS;
      ensures progress: *received <= v.len;
      ensures done: \result == MV_OK <==> *received == v.len;
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_recv_all(const mv_transport *t, mv_view v, size_t chunk, size_t *received);

#ifdef __cplusplus
}
#endif

#endif /* MEMVIEW_H */
