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
 * live, mv_buf_resize, mv_buf_append and mv_buf_free refuse with MV_EBUSY
 * and change nothing, so no view is ever left pointing at bytes that were
 * moved or freed (CPython: "Existing exports of data: object cannot be
 * re-sized").  Views are values, so the count is of exports, not of
 * copies: release exactly the views mv_buf_export returned.
 *
 * Allocation: every function either succeeds or returns MV_ENOMEM with the
 * buffer unchanged.
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
      assumes mv_buf_unlocked(b) && n > PTRDIFF_MAX;
      assigns \nothing;
      ensures result: \result == MV_EOVERFLOW;
    behavior resized:
      assumes mv_buf_unlocked(b) && n <= PTRDIFF_MAX;
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
      assumes b != \null && !mv_live(src);
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior busy:
      assumes b != \null && mv_live(src) && b->exports > 0;
      assigns \nothing;
      ensures result: \result == MV_EBUSY;
    behavior too_long:
      assumes mv_buf_unlocked(b) && mv_live(src) && !mv_buf_can_grow(b, src.len);
      assigns \nothing;
      ensures result: \result == MV_EOVERFLOW;
    behavior appended:
      assumes mv_buf_unlocked(b) && mv_live(src) && mv_buf_can_grow(b, src.len);
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
 * pass back exactly what mv_buf_export returned, once.
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
      assumes mv_buf_unlocked(b);
      assigns *b;
      ensures result: \result == MV_OK;
      ensures empty: mv_buf_ok(b) && b->len == 0 && b->cap == 0 && b->data == \null &&
                     b->exports == 0;
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_buf_free(mv_buf *b);

#ifdef __cplusplus
}
#endif

#endif /* MEMVIEW_BUF_H */
