/*
 * memview/buf.h — owner buffers: bytearray with export locking.
 *
 * Part of memview.h (include that); the rules stated there hold for every
 * function here.  The mv_buf type itself is declared in memview.h.
 */
#ifndef MEMVIEW_BUF_H
#define MEMVIEW_BUF_H

#include "../memview.h"

#ifdef __FRAMAC__
#include "mv_buf.acsl"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Owner buffers: bytearray with export locking                        */
/* ------------------------------------------------------------------ */
/*
 * An mv_buf owns its bytes (malloc'd).  Views of them are handed out by
 * mv_buf_export and handed back with mv_buf_release; while any export is
 * live, mv_buf_resize, mv_buf_append, mv_buf_reserve, mv_buf_consume,
 * mv_buf_clear and mv_buf_free refuse with MV_EBUSY and change nothing,
 * so no view is ever left pointing at bytes that were moved or freed
 * (CPython: "Existing exports of data: object cannot be re-sized").  Views are values, so the count is of exports, not of
 * copies: release exactly the views mv_buf_export returned.
 *
 * Allocation: every function either succeeds or returns MV_ENOMEM with the
 * buffer unchanged.
 *
 * Byte queue: bytes are added at the back (mv_buf_append, mv_buf_resize)
 * and dropped at the front (mv_buf_consume), as with Go's bytes.Buffer.
 * Growth is geometric: a new block is at least twice the old one (up to
 * PTRDIFF_MAX), and consumed bytes are reclaimed by moving the contents
 * back to the block's start only when the consumed prefix is at least as
 * long as the contents, so any sequence of calls copies each byte added a
 * bounded number of times on average (amortised O(1) per byte).  A call
 * that may move the contents (growth, mv_buf_consume, mv_buf_clear) is
 * refused with MV_EBUSY while exports are live.
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
      assumes b != \null && !mv_live(src);
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior copied:
      assumes b != \null && mv_live(src);
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
 * Growing past mv_buf_cap follows the growth policy above (geometric);
 * the block is never shrunk.  MV_EINVAL: b is NULL.  MV_EBUSY: the buffer has exports.  MV_EOVERFLOW:
 * n > PTRDIFF_MAX.  MV_ENOMEM: unchanged. */
/*@ requires b_valid: b == \null || (\valid(b) && mv_buf_ok(b));
    terminates \true;
    assigns *b, \at(b->data, Post)[0 .. n - 1], (b->data - b->head)[0 .. b->head + b->cap - 1];
    behavior null_buf:
      assumes b == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior busy:
      assumes mv_buf_locked(b);
      assigns \nothing;
      ensures result: \result == MV_EBUSY;
    behavior too_long:
      assumes mv_buf_unlocked(b) && n > PTRDIFF_MAX;
      assigns \nothing;
      ensures result: \result == MV_EOVERFLOW;
    behavior resized:
      assumes mv_buf_unlocked(b) && n <= PTRDIFF_MAX;
      assigns *b, \at(b->data, Post)[0 .. n - 1], (b->data - b->head)[0 .. b->head + b->cap - 1];
      ensures result: \result == MV_OK || \result == MV_ENOMEM;
      ensures resized: \result == MV_OK ==> mv_buf_ok(b) && b->len == n && b->exports == 0;
      ensures kept: \result == MV_OK ==>
        \forall integer i; 0 <= i < n && i < \old(b->len) ==> b->data[i] == \old(b->data[i]);
      ensures zeroed: \result == MV_OK ==>
        \forall integer i; \old(b->len) <= i < n ==> b->data[i] == 0;
      ensures wiped: mv_buf_wiped{Pre, Post}(b);
      ensures unchanged: \result == MV_ENOMEM ==>
        b->data == \old(b->data) && b->len == \old(b->len) && b->cap == \old(b->cap) &&
        \forall integer i; 0 <= i < b->len ==> b->data[i] == \old(b->data[i]);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_buf_resize(mv_buf *b, size_t n);

/* mv_buf_append: bytearray.extend(src): src's items after the contents,
 * growing as the policy above says.
 * src may be a view of this very buffer (not one it exported: that would
 * be MV_EBUSY).  MV_EINVAL: b is NULL.  MV_ERELEASED.  MV_EBUSY.
 * MV_EOVERFLOW: the new length would pass PTRDIFF_MAX.  MV_ENOMEM:
 * unchanged. */
/*@ requires b_valid: b == \null || (\valid(b) && mv_buf_ok(b));
    requires src_valid: mv_valid(src);
    terminates \true;
    assigns *b, \at(b->data, Post)[0 .. \at(b->len, Post) - 1],
            (b->data - b->head)[0 .. b->head + b->cap - 1];
    behavior null_buf:
      assumes b == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes b != \null && !mv_live(src);
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior busy:
      assumes mv_live(src) && mv_buf_locked(b);
      assigns \nothing;
      ensures result: \result == MV_EBUSY;
    behavior too_long:
      assumes mv_buf_unlocked(b) && mv_live(src) && !mv_buf_can_grow(b, src.len);
      assigns \nothing;
      ensures result: \result == MV_EOVERFLOW;
    behavior appended:
      assumes mv_buf_unlocked(b) && mv_live(src) && mv_buf_can_grow(b, src.len);
      assigns *b, \at(b->data, Post)[0 .. \at(b->len, Post) - 1],
              (b->data - b->head)[0 .. b->head + b->cap - 1];
      ensures result: \result == MV_OK || \result == MV_ENOMEM;
      ensures appended: \result == MV_OK ==>
        mv_buf_ok(b) && b->len == \old(b->len) + src.len && b->exports == 0;
      ensures kept: \result == MV_OK ==>
        \forall integer i; 0 <= i < \old(b->len) ==> b->data[i] == \old(b->data[i]);
      ensures added: \result == MV_OK ==>
        \forall integer i; 0 <= i < src.len ==> b->data[\old(b->len) + i] == \old(*mv_item(src, i));
      ensures wiped: mv_buf_wiped{Pre, Post}(b);
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
 * answers MV_ERELEASED afterwards).  An exported view carries the buffer
 * that exported it, so a buffer accepts only its own exports, even when
 * two buffers are empty and their exports otherwise look alike; the view
 * must also still cover the whole contents with stride 1.  Views are
 * values: pass back exactly what mv_buf_export returned, once.
 * MV_EINVAL: b or exported is NULL.  MV_ERELEASED: *exported was already
 * released.  MV_EINVAL: the buffer has no live export (releasing more than
 * was exported), or *exported is not a view this buffer exported (it must
 * be passed back as it was returned).  Nothing changes on failure. */
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
      assumes b != \null && exported != \null && !mv_live(*exported);
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior none_live:
      assumes mv_handed_back(b, exported) && b->exports == 0;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior foreign:
      assumes mv_handed_back(b, exported) && b->exports > 0 && !mv_exported_view(b, *exported);
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior ended:
      assumes mv_handed_back(b, exported) && mv_export_of(b, *exported);
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

/* mv_buf_free: frees the bytes (zeroed first when the buffer is secure,
 * see mv_buf_set_secure); *b is then an empty buffer, as after
 * mv_buf_init(b, 0) but keeping its secure mode.  MV_EINVAL: b is NULL.
 * MV_EBUSY: the buffer has exports or its spare view is out (nothing is
 * freed). */
/*@ requires b_valid: b == \null || (\valid(b) && mv_buf_ok(b));
    terminates \true;
    assigns *b, (b->data - b->head)[0 .. b->head + b->cap - 1];
    behavior null_buf:
      assumes b == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior busy:
      assumes mv_buf_locked(b);
      assigns \nothing;
      ensures result: \result == MV_EBUSY;
    behavior freed:
      assumes mv_buf_unlocked(b);
      assigns *b, (b->data - b->head)[0 .. b->head + b->cap - 1];
      ensures result: \result == MV_OK;
      ensures empty: mv_buf_ok(b) && b->len == 0 && b->cap == 0 && b->data == \null &&
                     b->exports == 0 && b->secure == \old(b->secure);
      ensures wiped: mv_buf_wiped{Pre, Post}(b);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_buf_free(mv_buf *b);

/* mv_buf_reserve: room for at least extra more bytes after the contents
 * without moving them again (mv_buf_cap(b) - mv_buf_len(b) >= extra); the
 * contents are unchanged (they may move to a new block, which is at least
 * twice the old one).  Like Rust's Vec::reserve.  MV_EINVAL: b is NULL.
 * MV_EBUSY: the buffer has exports.  MV_EOVERFLOW: len + extra >
 * PTRDIFF_MAX.  MV_ENOMEM: unchanged. */
/*@ requires b_valid: b == \null || (\valid(b) && mv_buf_ok(b));
    terminates \true;
    assigns *b, \at(b->data, Post)[0 .. \at(b->len, Post) - 1],
            (b->data - b->head)[0 .. b->head + b->cap - 1];
    behavior null_buf:
      assumes b == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior busy:
      assumes mv_buf_locked(b);
      assigns \nothing;
      ensures result: \result == MV_EBUSY;
    behavior too_long:
      assumes mv_buf_unlocked(b) && !mv_buf_can_grow(b, extra);
      assigns \nothing;
      ensures result: \result == MV_EOVERFLOW;
    behavior reserved:
      assumes mv_buf_unlocked(b) && mv_buf_can_grow(b, extra);
      assigns *b, \at(b->data, Post)[0 .. \at(b->len, Post) - 1],
              (b->data - b->head)[0 .. b->head + b->cap - 1];
      ensures result: \result == MV_OK || (\result == MV_ENOMEM && extra > 0);
      ensures reserved: \result == MV_OK ==>
        mv_buf_ok(b) && b->len == \old(b->len) && b->exports == 0 && b->spare == 0 &&
        extra <= b->cap - b->len;
      ensures kept: \result == MV_OK ==>
        \forall integer i; 0 <= i < b->len ==> b->data[i] == \old(b->data[i]);
      ensures wiped: mv_buf_wiped{Pre, Post}(b);
      ensures apart: mv_buf_moved_apart{Pre, Post}(b);
      ensures unchanged: \result == MV_ENOMEM ==> mv_buf_same{Pre, Post}(b);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_buf_reserve(mv_buf *b, size_t extra);

/* mv_buf_cap: how long the contents can grow without being moved (their
 * length plus the spare capacity after them); 0 for NULL. */
/*@ requires b_valid: b == \null || \valid_read(b);
    terminates \true;
    assigns \nothing;
    ensures result: \result == (b == \null ? 0 : b->cap);
*/
size_t mv_buf_cap(const mv_buf *b);

/* mv_buf_clear: bytearray.clear(): length 0; the block is kept (and the
 * consumed prefix becomes capacity again: mv_buf_cap does not shrink).
 * MV_EINVAL: b is NULL.  MV_EBUSY: the buffer has exports. */
/*@ requires b_valid: b == \null || (\valid(b) && mv_buf_ok(b));
    terminates \true;
    assigns b->data, b->len, b->cap, b->head;
    behavior null_buf:
      assumes b == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior busy:
      assumes mv_buf_locked(b);
      assigns \nothing;
      ensures result: \result == MV_EBUSY;
    behavior cleared:
      assumes mv_buf_unlocked(b);
      assigns b->data, b->len, b->cap, b->head;
      ensures result: \result == MV_OK;
      ensures cleared: mv_buf_ok(b) && b->len == 0 && b->head == 0 && b->exports == 0;
      ensures kept: b->cap == \old(b->head) + \old(b->cap);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_buf_clear(mv_buf *b);

/* mv_buf_consume: del bytearray[:n]: drops the first n bytes; the rest
 * stay where they are (no byte is copied: the front just moves forward, see
 * "Byte queue" above).  MV_EINVAL: b is NULL.  MV_EBUSY: the buffer has
 * exports.  MV_ERANGE: n > len.  Nothing changes on failure. */
/*@ requires b_valid: b == \null || (\valid(b) && mv_buf_ok(b));
    terminates \true;
    assigns b->data, b->len, b->cap, b->head;
    behavior null_buf:
      assumes b == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior busy:
      assumes mv_buf_locked(b);
      assigns \nothing;
      ensures result: \result == MV_EBUSY;
    behavior too_many:
      assumes mv_buf_unlocked(b) && n > b->len;
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior consumed:
      assumes mv_buf_unlocked(b) && n <= b->len;
      assigns b->data, b->len, b->cap, b->head;
      ensures result: \result == MV_OK;
      ensures consumed: mv_buf_ok(b) && b->len == \old(b->len) - n && b->exports == 0;
      ensures rest: \forall integer i; 0 <= i < b->len ==> b->data[i] == \old(b->data[n + i]);
      ensures block: b->head + b->cap == \old(b->head) + \old(b->cap);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_buf_consume(mv_buf *b, size_t n);

/* mv_buf_spare: *spare = a writable view (stride 1) of all the spare
 * capacity after the contents, at least min bytes (the buffer grows first
 * when it has fewer, by the policy above; min == 0 is allowed, and the view
 * may then be empty).  Write into it (mv_recv_into, mv_assign, ...), then
 * hand it back with mv_buf_commit, which appends the first n bytes written
 * to the contents; mv_buf_commit(b, spare, 0) abandons it.  Like Rust's
 * BytesMut::spare_capacity_mut + set_len, Go's bytes.Buffer.AvailableBuffer.
 *
 * The spare view locks the buffer as an export does: until it is handed
 * back, every call that could move, grow, shrink or free the contents
 * (resize, append, reserve, consume, clear, free, another mv_buf_spare)
 * answers MV_EBUSY, so it never points at moved bytes.  It is not one of
 * the exports mv_buf_exports counts and mv_buf_release does not take it
 * back: exports of the contents may be made and released while it is out.
 * At most one spare view is out at a time (the buffer records it).
 * MV_EINVAL: b or spare is NULL.  MV_EBUSY: the buffer has exports or a
 * spare view out.  MV_EOVERFLOW: len + min > PTRDIFF_MAX.  MV_ENOMEM:
 * nothing changed. */
/*@ requires b_valid: b == \null || (\valid(b) && mv_buf_ok(b));
    requires spare_valid: spare == \null || \valid(spare);
    requires apart: b == \null || spare == \null || \separated(b, spare);
    terminates \true;
    assigns *b, \at(b->data, Post)[0 .. \at(b->len, Post) - 1], *spare,
            (b->data - b->head)[0 .. b->head + b->cap - 1];
    behavior bad_pointer:
      assumes b == \null || spare == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior busy:
      assumes spare != \null && mv_buf_locked(b);
      assigns \nothing;
      ensures result: \result == MV_EBUSY;
    behavior too_long:
      assumes spare != \null && mv_buf_unlocked(b) && !mv_buf_can_grow(b, min);
      assigns \nothing;
      ensures result: \result == MV_EOVERFLOW;
    behavior made:
      assumes spare != \null && mv_buf_unlocked(b) && mv_buf_can_grow(b, min);
      assigns *b, \at(b->data, Post)[0 .. \at(b->len, Post) - 1], *spare,
            (b->data - b->head)[0 .. b->head + b->cap - 1];
      ensures result: \result == MV_OK || (\result == MV_ENOMEM && min > 0);
      ensures made: \result == MV_OK ==>
        mv_buf_ok(b) && b->len == \old(b->len) && b->exports == 0 && b->spare == 1 &&
        min <= b->cap - b->len;
      ensures kept: \result == MV_OK ==>
        \forall integer i; 0 <= i < b->len ==> b->data[i] == \old(b->data[i]);
      ensures view: \result == MV_OK ==>
        mv_valid(*spare) && mv_spare_view(b, *spare) && spare->readonly == 0;
      ensures wiped: mv_buf_wiped{Pre, Post}(b);
      ensures unchanged: \result == MV_ENOMEM ==> mv_buf_same{Pre, Post}(b) && b->spare == 0 &&
        spare->data == \old(spare->data) && spare->len == \old(spare->len) &&
        spare->stride == \old(spare->stride) && spare->readonly == \old(spare->readonly) &&
        spare->released == \old(spare->released);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_buf_spare(mv_buf *b, size_t min, mv_view *spare);

/* mv_buf_commit: hands back the spare view: the first n bytes written
 * through it become the last n bytes of the contents (no byte is copied),
 * and *spare is released (it answers MV_ERELEASED afterwards); n == 0
 * abandons it.  The view is recognised by the buffer it names and its
 * fields, as mv_buf_release recognises an export: pass back exactly what
 * mv_buf_spare returned.
 * MV_EINVAL: b or spare is NULL.  MV_ERELEASED: *spare was released.
 * MV_EINVAL: *spare is not this buffer's outstanding spare view.
 * MV_EBUSY: exports of the contents are live (their length would no
 * longer be the buffer's: release them first).  MV_ERANGE: n > the spare
 * view's length.  Nothing changes on failure. */
/*@ requires b_valid: b == \null || (\valid(b) && mv_buf_ok(b));
    requires spare_valid: spare == \null || \valid(spare);
    requires apart: b == \null || spare == \null || \separated(b, spare);
    terminates \true;
    assigns b->len, b->spare, *spare;
    behavior bad_pointer:
      assumes b == \null || spare == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes b != \null && spare != \null && !mv_live(*spare);
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior foreign:
      assumes mv_handed_back(b, spare) && !mv_spare_of(b, *spare);
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior busy:
      assumes mv_handed_back(b, spare) && mv_spare_of(b, *spare) && b->exports > 0;
      assigns \nothing;
      ensures result: \result == MV_EBUSY;
    behavior too_many:
      assumes mv_handed_back(b, spare) && mv_spare_of(b, *spare) && b->exports == 0 &&
              n > spare->len;
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior committed:
      assumes mv_handed_back(b, spare) && mv_spare_of(b, *spare) && b->exports == 0 &&
              n <= spare->len;
      assigns b->len, b->spare, *spare;
      ensures result: \result == MV_OK;
      ensures committed: mv_buf_ok(b) && b->len == \old(b->len) + n && b->spare == 0;
      ensures added: \forall integer i; 0 <= i < n ==>
        b->data[\old(b->len) + i] == \old(spare->data[i]);
      ensures view: spare->released == 1 && spare->len == 0 && spare->data == \null &&
                    mv_valid(*spare);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_buf_commit(mv_buf *b, mv_view *spare, size_t n);

/* mv_buf_wipe: for secrets: every byte of the buffer's block (the
 * contents, the consumed prefix and the spare capacity) is set to zero,
 * in a way the compiler may not drop as dead stores, and the buffer is
 * then empty, its block kept (as after mv_buf_clear).  Call it before
 * mv_buf_free on a buffer that held a secret.  Like aws-c-common's
 * aws_byte_buf_secure_zero.  A wipe cannot reach blocks the buffer gave
 * up earlier when it grew: for those, make the buffer secure
 * (mv_buf_set_secure) before it holds a secret.  MV_EINVAL: b is NULL.
 * MV_EBUSY: the buffer has exports or
 * its spare view is out (their bytes would change under them). */
/*@ requires b_valid: b == \null || (\valid(b) && mv_buf_ok(b));
    terminates \true;
    assigns b->data, b->len, b->cap, b->head,
            (b->data - b->head)[0 .. b->head + b->cap - 1];
    behavior null_buf:
      assumes b == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior busy:
      assumes mv_buf_locked(b);
      assigns \nothing;
      ensures result: \result == MV_EBUSY;
    behavior wiped:
      assumes mv_buf_unlocked(b);
      assigns b->data, b->len, b->cap, b->head,
              (b->data - b->head)[0 .. b->head + b->cap - 1];
      ensures result: \result == MV_OK;
      ensures cleared: mv_buf_ok(b) && b->len == 0 && b->head == 0 && b->exports == 0;
      ensures kept: b->cap == \old(b->head) + \old(b->cap) &&
                    b->data == \old(b->data) - \old(b->head);
      ensures zero: \forall integer i; 0 <= i < \old(b->head) + \old(b->cap) ==>
                      \old(b->data)[i - \old(b->head)] == 0;
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_buf_wipe(mv_buf *b);

/* mv_buf_set_secure: secure mode on or off.  A secure buffer zeroes every
 * block it gives back to the allocator before giving it back: the block it
 * outgrows when resize, append, reserve, spare or mv_buf_recv move the
 * contents to a bigger one, and the block mv_buf_free frees, with stores
 * the compiler may not drop (as mv_buf_wipe), so no byte it held is left
 * readable in freed memory.  The new block must then share no byte with
 * the old one (malloc guarantees it; the library checks it, and answers
 * MV_ENOMEM, changing nothing, were an allocator to break it).  Like
 * aws-c-common's secure byte buffers and s2n's stuffer wiping.  Buffers
 * start not secure (mv_buf_init, mv_buf_from); mv_buf_free keeps the mode.
 * The mode changes no byte and moves nothing, so it may be set while
 * exports or the spare view are out.  MV_EINVAL: b is NULL. */
/*@ requires b_valid: b == \null || (\valid(b) && mv_buf_ok(b));
    terminates \true;
    assigns b->secure;
    behavior null_buf:
      assumes b == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior set:
      assumes b != \null;
      assigns b->secure;
      ensures result: \result == MV_OK;
      ensures secure: b->secure == on && mv_buf_ok(b);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_buf_set_secure(mv_buf *b, bool on);

#ifdef __cplusplus
}
#endif

#endif /* MEMVIEW_BUF_H */
