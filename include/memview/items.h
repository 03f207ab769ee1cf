/*
 * memview/items.h — reading, writing, copying and comparing the items of a
 * view, for any stride.
 *
 * Part of memview.h (include that); the rules stated there hold for every
 * function here.
 */
#ifndef MEMVIEW_ITEMS_H
#define MEMVIEW_ITEMS_H

#include "../memview.h"

#ifdef __FRAMAC__
#include "mv_search.acsl"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Items                                                               */
/* ------------------------------------------------------------------ */

/* mv_get and mv_set are defined inline (memview/inline.h). */

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
      assumes out != \null && !mv_live(v);
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior out_of_range:
      assumes out != \null && mv_live(v) && !mv_has_index(v, index);
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior read:
      assumes out != \null && mv_live(v) && mv_has_index(v, index);
      assigns *out;
      ensures result: \result == MV_OK;
      ensures value: *out == mv_at{Pre}(v, index < 0 ? index + v.len : index);
    complete behaviors;
    disjoint behaviors;
*/
MV__ITEMS_INLINE MV_NODISCARD mv_status mv_get(mv_view v, ptrdiff_t index, uint8_t *out);

/* mv_set: v[index] = value.  Seen through every view of the same bytes.
 * MV_ERELEASED.  MV_EREADONLY.  MV_ERANGE: index outside [-len, len). */
/*@ requires valid: mv_valid(v);
    terminates \true;
    assigns *mv_item(v, index < 0 ? index + v.len : index);
    behavior released:
      assumes !mv_live(v);
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior readonly:
      assumes mv_live(v) && v.readonly != 0;
      assigns \nothing;
      ensures result: \result == MV_EREADONLY;
    behavior out_of_range:
      assumes mv_writable(v) && !mv_has_index(v, index);
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior written:
      assumes mv_writable(v) && mv_has_index(v, index);
      assigns *mv_item(v, index < 0 ? index + v.len : index);
      ensures result: \result == MV_OK;
      ensures value: mv_at(v, index < 0 ? index + v.len : index) == value;
    complete behaviors;
    disjoint behaviors;
*/
MV__ITEMS_INLINE MV_NODISCARD mv_status mv_set(mv_view v, ptrdiff_t index, uint8_t value);

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
      assumes !mv_dst_given((char *)dst, cap, written);
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes mv_dst_given((char *)dst, cap, written) && !mv_live(v);
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior too_small:
      assumes mv_dst_ready(v, (char *)dst, cap, written) && cap < v.len;
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior copied:
      assumes mv_dst_ready(v, (char *)dst, cap, written) && cap >= v.len;
      assigns *written, ((char *)dst)[0 .. v.len - 1];
      ensures result: \result == MV_OK;
      ensures written: *written == v.len;
      ensures bytes: \forall integer i; 0 <= i < v.len ==> ((char *)dst)[i] == *mv_item(v, i);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_tobytes(mv_view v, void *dst, size_t cap, size_t *written);

/* mv_assign: dst[:] = src, item by item.  Correct for any overlap and any
 * strides: afterwards dst holds what src held before, as if src had been
 * copied to a temporary first; nothing is allocated, so MV_ENOMEM is never
 * returned.  When the strides differ, the time also grows with the number
 * of bytes the two views span.
 * MV_ERELEASED (either view).  MV_EREADONLY: dst is read-only.  MV_EINVAL:
 * the lengths differ.  On failure no byte is written. */
/*@ requires valid: mv_valid(dst) && mv_valid(src);
    terminates \true;
    assigns { *mv_item(dst, i) | integer i; 0 <= i < dst.len };
    behavior released:
      assumes !mv_both_live(dst, src);
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior readonly:
      assumes mv_both_live(dst, src) && dst.readonly != 0;
      assigns \nothing;
      ensures result: \result == MV_EREADONLY;
    behavior lengths_differ:
      assumes mv_both_live(dst, src) && mv_writable(dst) && dst.len != src.len;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior assign:
      assumes mv_both_live(dst, src) && mv_writable(dst) && dst.len == src.len;
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
      assumes !mv_live(dst);
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior readonly:
      assumes mv_live(dst) && dst.readonly != 0;
      assigns \nothing;
      ensures result: \result == MV_EREADONLY;
    behavior filled:
      assumes mv_writable(dst);
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
      (mv_both_live(a, b) && a.len == b.len && mv_same_items(a, b, a.len));
*/
bool mv_equal(mv_view a, mv_view b);

/* mv_compare: orders like bytes: the first differing item decides
 * (as unsigned bytes), else the shorter view comes first.  Returns -1, 0
 * or 1; 0 when either view is released. */
/*@ requires valid: mv_valid(a) && mv_valid(b);
    terminates \true;
    assigns \nothing;
    behavior released:
      assumes !mv_both_live(a, b);
      ensures result: \result == 0;
    behavior compared:
      assumes mv_both_live(a, b);
      ensures result: \result == mv_order(a, b);
    complete behaviors;
    disjoint behaviors;
*/
int mv_compare(mv_view a, mv_view b);

/* mv_ct_equal: mv_equal whose running time depends only on the lengths
 * and the views' shapes, never on the contents (for comparing secrets): no
 * branch and no memory address depends on the bytes.  Contiguous views are
 * compared in blocks of 256 bytes that compilers vectorize, others item by
 * item.  tests/test_ct.c checks the compiled code under valgrind (bytes
 * marked undefined, every branch on them an error).  False when the
 * lengths differ or either view is released. */
/*@ requires valid: mv_valid(a) && mv_valid(b);
    terminates \true;
    assigns \nothing;
    ensures result: \result == 1 <==>
      (mv_both_live(a, b) && a.len == b.len && mv_same_items(a, b, a.len));
*/
bool mv_ct_equal(mv_view a, mv_view b);

#ifdef __cplusplus
}
#endif

#endif /* MEMVIEW_ITEMS_H */
