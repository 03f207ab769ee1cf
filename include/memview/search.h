/*
 * memview/search.h — finding items and sub-sequences, and hex output.
 *
 * Part of memview.h (include that); the rules stated there hold for every
 * function here.
 */
#ifndef MEMVIEW_SEARCH_H
#define MEMVIEW_SEARCH_H

#include "../memview.h"

#ifdef __FRAMAC__
#include "mv_search.acsl"
#include "mv_hex.acsl"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Hex                                                                 */
/* ------------------------------------------------------------------ */

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

/* mv_hex: memoryview.hex(sep, bytes_per_sep) into dst: the
 * mv_hex_size(v, sep, bytes_per_sep) lowercase characters, then a NUL;
 * *written = the number of characters, without the NUL.  sep and
 * bytes_per_sep as for mv_hex_size.  dst must not overlap the view's bytes.
 * MV_EINVAL: written is NULL, or dst is NULL with cap > 0.  MV_ERELEASED.
 * MV_EINVAL: sep is not ASCII.  MV_EOVERFLOW: the size does not fit in
 * size_t.  MV_ERANGE: cap < size + 1.  On failure neither dst nor *written
 * is written. */
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
      assumes !mv_dst_given(dst, cap, written);
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes mv_dst_given(dst, cap, written) && !mv_live(v);
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior bad_separator:
      assumes mv_dst_ready(v, dst, cap, written) && !mv_ascii(sep);
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior too_big:
      assumes mv_hex_ready(v, dst, cap, sep, written) && !mv_hex_fits(v, sep, bytes_per_sep);
      assigns \nothing;
      ensures result: \result == MV_EOVERFLOW;
    behavior too_small:
      assumes mv_hex_ready(v, dst, cap, sep, written) && mv_hex_fits(v, sep, bytes_per_sep) &&
              !mv_hex_room(v, sep, bytes_per_sep, cap);
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior written:
      assumes mv_hex_ready(v, dst, cap, sep, written) && mv_hex_fits(v, sep, bytes_per_sep) &&
              mv_hex_room(v, sep, bytes_per_sep, cap);
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
/* ------------------------------------------------------------------ */
/* Searching                                                           */
/* ------------------------------------------------------------------ */


/* mv_index: memoryview.index(value, start, stop) (Python 3.14): *pos = the
 * first i in the slice bounds [start:stop] (clamped like a slice, MV_OMIT
 * allowed) with v[i] == value; *pos is an index into v, not into the slice.
 * MV_EINVAL: pos is NULL.  MV_ERELEASED.  MV_ENOTFOUND: no such i.  On
 * failure *pos is unchanged. */
/*@ requires valid: mv_valid(v);
    requires pos_valid: pos == \null || \valid(pos);
    terminates \true;
    assigns *pos;
    behavior null_pos:
      assumes pos == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes pos != \null && !mv_live(v);
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior absent:
      assumes pos != \null && mv_live(v) && mv_absent_from(v, value, start, stop);
      assigns \nothing;
      ensures result: \result == MV_ENOTFOUND;
    behavior found:
      assumes pos != \null && mv_live(v) && mv_found_in(v, value, start, stop);
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
 * 0 for a released view. */
/*@ requires valid: mv_valid(v);
    terminates \true;
    assigns \nothing;
    ensures result: \result == (v.released != 0 ? 0 : mv_count_in(v, value, v.len));
*/
size_t mv_count(mv_view v, uint8_t value);

/* mv_find: bytes.find: *pos = the lowest position at which needle's items
 * occur, in order, in hay (strides may differ); an empty needle is found
 * at 0.  MV_EINVAL: pos is NULL.  MV_ERELEASED (either view).
 * MV_ENOTFOUND: needle occurs nowhere.  On failure *pos is unchanged. */
/*@ requires valid: mv_valid(hay) && mv_valid(needle);
    requires pos_valid: pos == \null || \valid(pos);
    terminates \true;
    assigns *pos;
    behavior null_pos:
      assumes pos == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes pos != \null && !mv_both_live(hay, needle);
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior absent:
      assumes pos != \null && mv_both_live(hay, needle) && mv_no_match(hay, needle);
      assigns \nothing;
      ensures result: \result == MV_ENOTFOUND;
    behavior found:
      assumes pos != \null && mv_both_live(hay, needle) && mv_some_match(hay, needle);
      assigns *pos;
      ensures result: \result == MV_OK;
      ensures bounds: *pos + needle.len <= hay.len;
      ensures match: mv_match_at(hay, needle, *pos);
      ensures first: \forall integer k; 0 <= k < *pos ==> !mv_match_at(hay, needle, k);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_find(mv_view hay, mv_view needle, size_t *pos);

#ifdef __cplusplus
}
#endif

#endif /* MEMVIEW_SEARCH_H */
