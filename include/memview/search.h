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

/* mv_fromhex_size: the number of bytes bytes.fromhex(text) decodes to:
 * *n = the number of digit pairs in text's items (any stride), read as
 * mv_fromhex reads them.
 * MV_EINVAL: n is NULL.  MV_ERELEASED.  MV_EINVAL: text is not valid
 * fromhex input (see mv_fromhex).  On failure *n is unchanged. */
/*@ requires valid: mv_valid(text);
    requires n_valid: n == \null || \valid(n);
    terminates \true;
    assigns *n;
    behavior null_n:
      assumes n == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes n != \null && !mv_live(text);
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior bad_text:
      assumes n != \null && mv_live(text) && !mv_unhex_valid(text);
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior counted:
      assumes n != \null && mv_live(text) && mv_unhex_valid(text);
      assigns *n;
      ensures result: \result == MV_OK;
      ensures count: *n == mv_unhex_len(text);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_fromhex_size(mv_view text, size_t *n);

/* mv_fromhex: bytes.fromhex(text) (Python 3.7 and later) into the first
 * items of dst: text's items (any stride) are pairs of hex digits, either
 * case, each pair one byte, high digit first; ASCII whitespace (\t \n \v
 * \f \r and space) may come before, between and after pairs, but not
 * between a pair's two digits.  *written = the number of bytes, which
 * mv_fromhex_size gives beforehand; the items of dst past them are left
 * as they were.  The text is checked and counted in a first pass and
 * decoded in a second, so a failure writes nothing.  dst's items must not
 * overlap text's.
 * MV_EINVAL: written is NULL.  MV_ERELEASED (either view).  MV_EREADONLY:
 * dst is read-only.  MV_EINVAL: a character is neither a hex digit nor
 * whitespace, whitespace or the end splits a pair.  MV_ERANGE: dst has
 * fewer items than the bytes decoded.  On failure neither dst nor
 * *written is written. */
/*@ requires valid: mv_valid(text) && mv_valid(dst);
    requires written_valid: written == \null || \valid(written);
    requires apart: mv_items_apart(dst, text);
    terminates \true;
    assigns *written, { *mv_item(dst, i) | integer i; 0 <= i < dst.len };
    behavior null_written:
      assumes written == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes written != \null && !mv_both_live(text, dst);
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior readonly:
      assumes written != \null && mv_both_live(text, dst) && dst.readonly != 0;
      assigns \nothing;
      ensures result: \result == MV_EREADONLY;
    behavior bad_text:
      assumes mv_unhex_ready(text, dst, written) && !mv_unhex_valid(text);
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior too_small:
      assumes mv_unhex_ready(text, dst, written) && mv_unhex_valid(text) &&
              dst.len < mv_unhex_len(text);
      assigns \nothing;
      ensures result: \result == MV_ERANGE;
    behavior decoded:
      assumes mv_unhex_ready(text, dst, written) && mv_unhex_valid(text) &&
              mv_unhex_len(text) <= dst.len;
      assigns *written, { *mv_item(dst, i) | integer i; 0 <= i < mv_unhex_len(text) };
      ensures result: \result == MV_OK;
      ensures written: *written == \old(mv_unhex_len(text));
      ensures bytes: \forall integer i; 0 <= i < text.len ==> \old(mv_unhex_ends(text, i)) ==>
        mv_at(dst, \old(mv_unhex_count(text, i))) == \old(mv_unhex_byte(text, i));
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_fromhex(mv_view text, mv_view dst, size_t *written);
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

/* mv_rindex: bytes.rindex(value, start, stop): *pos = the last i in the
 * slice bounds [start:stop] (clamped like a slice, MV_OMIT allowed, as for
 * mv_index) with v[i] == value; *pos is an index into v, not into the
 * slice.  The items are read from the end, one stride apart.
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
      ensures last: \forall integer i; *pos < i < mv_idx_hi(v.len, stop) ==>
        mv_at(v, i) != value;
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_rindex(mv_view v, uint8_t value, ptrdiff_t start, ptrdiff_t stop,
                                 size_t *pos);

/* mv_count: memoryview.count(value): how many items equal value;
 * 0 for a released view.  Contiguous views are counted in blocks of 128
 * bytes that compilers vectorize. */
/*@ requires valid: mv_valid(v);
    terminates \true;
    assigns \nothing;
    ensures result: \result == (v.released != 0 ? 0 : mv_count_in(v, value, v.len));
*/
size_t mv_count(mv_view v, uint8_t value);

/* mv_find: bytes.find: *pos = the lowest position at which needle's items
 * occur, in order, in hay (strides may differ); an empty needle is found
 * at 0, a needle longer than hay nowhere.
 *
 * Knuth–Morris–Pratt: O(len(hay) + len(needle)) time in the worst case
 * (at most 2 * len(hay) + 2 * len(needle) item comparisons, whatever the
 * bytes); a contiguous haystack is skipped through with memchr while no
 * item of the needle is matched.  The needle's failure table (one size_t
 * per item) lives on the stack up to MV_FIND_STACK items (2 KiB) and comes
 * from malloc beyond, freed before returning.
 *
 * MV_EINVAL: pos is NULL.  MV_ERELEASED (either view).  MV_ENOTFOUND:
 * needle occurs nowhere.  MV_ENOMEM: the table of a needle longer than
 * MV_FIND_STACK items (and no longer than hay) could not be allocated
 * (or the allocator returned a block holding *pos); nothing is known of a
 * match then.  On failure *pos is unchanged. */
#define MV_FIND_STACK 256

#ifdef __FRAMAC__
#include "mv_find.acsl"
#endif

/* The table mv_find allocates is named in assigns through the ghost
 * mv_find_heap_table (contracts/mv_find.acsl): WP 25 cannot state that a block
 * from malloc is new.  MV_ENOMEM depends on the allocator, not on the
 * arguments, so it is a possible result of the absent and found behaviors
 * (mv_find_no_table) rather than a behavior of its own. */
/*@ requires valid: mv_valid(hay) && mv_valid(needle);
    requires pos_valid: pos == \null || \valid(pos);
    terminates \true;
    assigns *pos, mv_find_heap_table, \at(mv_find_heap_table, Post)[0 .. needle.len - 1];
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
      assigns mv_find_heap_table, \at(mv_find_heap_table, Post)[0 .. needle.len - 1];
      ensures result: \result == MV_ENOTFOUND || mv_find_no_table(hay, needle, \result);
      ensures unchanged: *pos == \old(*pos);
    behavior found:
      assumes pos != \null && mv_both_live(hay, needle) && mv_some_match(hay, needle);
      assigns *pos, mv_find_heap_table, \at(mv_find_heap_table, Post)[0 .. needle.len - 1];
      ensures result: \result == MV_OK || mv_find_no_table(hay, needle, \result);
      ensures bounds: \result == MV_OK ==> *pos + needle.len <= hay.len;
      ensures match: \result == MV_OK ==> mv_match_at(hay, needle, *pos);
      ensures first: \result == MV_OK ==>
        \forall integer k; 0 <= k < *pos ==> !mv_match_at(hay, needle, k);
      ensures unchanged: \result != MV_OK ==> *pos == \old(*pos);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_find(mv_view hay, mv_view needle, size_t *pos);

/* mv_rfind: bytes.rfind: *pos = the highest position at which needle's
 * items occur, in order, in hay (strides may differ); an empty needle is
 * found at len(hay) (b'abc'.rfind(b'') == 3), a needle longer than hay
 * nowhere.
 *
 * Tries the start positions from the last one down, comparing items until
 * the first difference: O(len(hay) * len(needle)) item comparisons in the
 * worst case, O(len(hay)) for the usual needles that differ early.  Needs
 * no table, so it never allocates and has no MV_ENOMEM.
 *
 * MV_EINVAL: pos is NULL.  MV_ERELEASED (either view).  MV_ENOTFOUND:
 * needle occurs nowhere.  On failure *pos is unchanged. */
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
      ensures last: \forall integer k; *pos < k && k + needle.len <= hay.len ==>
        !mv_match_at(hay, needle, k);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_rfind(mv_view hay, mv_view needle, size_t *pos);

#ifdef __cplusplus
}
#endif

#endif /* MEMVIEW_SEARCH_H */
