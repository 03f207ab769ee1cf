/*
 * memview/cut.h — cutting views at separators: prefixes and suffixes,
 * partition, a split iterator and stripping (bytes.partition, bytes.split,
 * bytes.strip ... one view at a time, copying nothing).
 *
 * Part of memview.h (include that); the rules stated there hold for every
 * function here.
 */
#ifndef MEMVIEW_CUT_H
#define MEMVIEW_CUT_H

#include "../memview.h"

#ifdef __FRAMAC__
#include "mv_cut.acsl"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Every view these functions return is a sub-view of their input v: a run
 * of consecutive items of v with v's stride and read-only flag (an empty
 * one has no item 0).  Nothing is copied: a write through a result is a
 * write to v's bytes.  (The one exception is the released *rest that
 * mv_split_next leaves after the last token.)  Items are compared as
 * bytes, and v, the pattern and the chars to strip may each have any
 * stride, reversed ones included.
 */

/* ------------------------------------------------------------------ */
/* Prefixes and suffixes                                               */
/* ------------------------------------------------------------------ */

/* mv_startswith: bytes.startswith(prefix): whether v's first mv_len(prefix)
 * items are prefix's (an empty prefix: true).  False when either view is
 * released. */
/*@ requires valid: mv_valid(v) && mv_valid(prefix);
    terminates \true;
    assigns \nothing;
    ensures result: \result == 1 <==> (mv_both_live(v, prefix) && mv_starts_with(v, prefix));
*/
bool mv_startswith(mv_view v, mv_view prefix);

/* mv_endswith: bytes.endswith(suffix): whether v's last mv_len(suffix)
 * items are suffix's (an empty suffix: true).  False when either view is
 * released. */
/*@ requires valid: mv_valid(v) && mv_valid(suffix);
    terminates \true;
    assigns \nothing;
    ensures result: \result == 1 <==> (mv_both_live(v, suffix) && mv_ends_with(v, suffix));
*/
bool mv_endswith(mv_view v, mv_view suffix);

/* mv_removeprefix: bytes.removeprefix(prefix): *out = v[len(prefix):] when
 * v starts with prefix, else *out = v (the same view, unchanged).
 * MV_EINVAL: out is NULL.  MV_ERELEASED (either view).  On failure *out is
 * unchanged. */
/*@ requires valid: mv_valid(v) && mv_valid(prefix);
    requires out_valid: out == \null || \valid(out);
    terminates \true;
    assigns *out;
    behavior null_out:
      assumes out == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes out != \null && !mv_both_live(v, prefix);
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior removed:
      assumes out != \null && mv_both_live(v, prefix) && mv_starts_with(v, prefix);
      assigns *out;
      ensures result: \result == MV_OK;
      ensures rest: mv_subview(*out, v, prefix.len, v.len - prefix.len);
    behavior kept:
      assumes out != \null && mv_both_live(v, prefix) && !mv_starts_with(v, prefix);
      assigns *out;
      ensures result: \result == MV_OK;
      ensures same: out->data == v.data && out->len == v.len && out->stride == v.stride &&
                    out->readonly == v.readonly && out->released == v.released;
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_removeprefix(mv_view v, mv_view prefix, mv_view *out);

/* mv_removesuffix: bytes.removesuffix(suffix): *out = v[:len(v) -
 * len(suffix)] when v ends with suffix, else *out = v (the same view,
 * unchanged).  MV_EINVAL: out is NULL.  MV_ERELEASED (either view).  On
 * failure *out is unchanged. */
/*@ requires valid: mv_valid(v) && mv_valid(suffix);
    requires out_valid: out == \null || \valid(out);
    terminates \true;
    assigns *out;
    behavior null_out:
      assumes out == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes out != \null && !mv_both_live(v, suffix);
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior removed:
      assumes out != \null && mv_both_live(v, suffix) && mv_ends_with(v, suffix);
      assigns *out;
      ensures result: \result == MV_OK;
      ensures rest: mv_subview(*out, v, 0, v.len - suffix.len);
    behavior kept:
      assumes out != \null && mv_both_live(v, suffix) && !mv_ends_with(v, suffix);
      assigns *out;
      ensures result: \result == MV_OK;
      ensures same: out->data == v.data && out->len == v.len && out->stride == v.stride &&
                    out->readonly == v.readonly && out->released == v.released;
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_removesuffix(mv_view v, mv_view suffix, mv_view *out);

/* ------------------------------------------------------------------ */
/* Stripping                                                           */
/* ------------------------------------------------------------------ */

/* mv_strip, mv_lstrip, mv_rstrip: bytes.strip(chars), bytes.lstrip(chars),
 * bytes.rstrip(chars): *out = v without its leading and trailing items
 * (strip), its leading items (lstrip) or its trailing items (rstrip) that
 * are in the set chars.  The set is the items of the view *chars (any
 * stride; an empty view strips nothing), or, when chars is NULL, ASCII
 * whitespace b' \t\n\r\x0b\x0c', the set bytes.strip() uses when given
 * None (so chars, unlike memview.h's other pointers, may be NULL); out
 * must not point to *chars.  When every item is stripped,
 * *out is empty.
 * MV_EINVAL: out is NULL.  MV_ERELEASED: v, or *chars, is released.  On
 * failure *out is unchanged.  Each takes O(items stripped * len(chars))
 * comparisons (a range test when chars is NULL).  The contracts read
 * *chars as it was on entry (\at(..., Pre)); the call does not change it. */
/*@ requires valid: mv_valid(v);
    requires chars_valid: mv_chars_arg(chars);
    requires out_valid: out == \null || \valid(out);
    requires apart: chars == \null || out == \null || \separated(chars, out);
    terminates \true;
    assigns *out;
    behavior null_out:
      assumes out == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes out != \null && !(mv_live(v) && mv_chars_live(chars));
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior stripped:
      assumes out != \null && mv_live(v) && mv_chars_live(chars);
      assigns *out;
      ensures result: \result == MV_OK;
      ensures stripped: \let n = out->len; \exists integer lo;
        \at(mv_lstripped(v, chars, lo) && mv_rstripped(v, chars, lo, lo + n), Pre) &&
        mv_subview(*out, v, lo, n);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_strip(mv_view v, const mv_view *chars, mv_view *out);

/*@ requires valid: mv_valid(v);
    requires chars_valid: mv_chars_arg(chars);
    requires out_valid: out == \null || \valid(out);
    requires apart: chars == \null || out == \null || \separated(chars, out);
    terminates \true;
    assigns *out;
    behavior null_out:
      assumes out == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes out != \null && !(mv_live(v) && mv_chars_live(chars));
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior stripped:
      assumes out != \null && mv_live(v) && mv_chars_live(chars);
      assigns *out;
      ensures result: \result == MV_OK;
      ensures stripped: \let n = out->len;
        \at(mv_lstripped(v, chars, v.len - n), Pre) && mv_subview(*out, v, v.len - n, n);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_lstrip(mv_view v, const mv_view *chars, mv_view *out);

/*@ requires valid: mv_valid(v);
    requires chars_valid: mv_chars_arg(chars);
    requires out_valid: out == \null || \valid(out);
    requires apart: chars == \null || out == \null || \separated(chars, out);
    terminates \true;
    assigns *out;
    behavior null_out:
      assumes out == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes out != \null && !(mv_live(v) && mv_chars_live(chars));
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior stripped:
      assumes out != \null && mv_live(v) && mv_chars_live(chars);
      assigns *out;
      ensures result: \result == MV_OK;
      ensures stripped: \let n = out->len;
        \at(mv_rstripped(v, chars, 0, n), Pre) && mv_subview(*out, v, 0, n);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_rstrip(mv_view v, const mv_view *chars, mv_view *out);

/* ------------------------------------------------------------------ */
/* Separators                                                          */
/* ------------------------------------------------------------------ */

/* mv_partition: bytes.partition(sep): cuts v around the first occurrence
 * of sep's items into *before = v[:i], *sep_out = v[i:i+len(sep)] (v's own
 * items that matched, not sep) and *after = v[i+len(sep):].  When sep
 * occurs nowhere: *before = v[:] (all of v), *sep_out and *after empty,
 * like CPython's (v, b'', b'').  sep is never empty, so mv_len(*sep_out)
 * == 0 exactly when sep was not found.
 *
 * Searches with mv_find (linear time; a sep longer than MV_FIND_STACK
 * items needs a heap table).  MV_EINVAL: before, sep_out or after is NULL,
 * or two of them are the same object.  MV_ERELEASED (either view).
 * MV_EINVAL: sep is empty (CPython's ValueError: empty separator).
 * MV_ENOMEM: mv_find could not allocate its table.  On failure no
 * out-parameter is written. */
/*@ requires valid: mv_valid(v) && mv_valid(sep);
    requires outs_valid: before == \null || \valid(before);
    requires outs_valid: sep_out == \null || \valid(sep_out);
    requires outs_valid: after == \null || \valid(after);
    requires outs_apart: mv_outs_apart(before, sep_out) && mv_outs_apart(before, after) &&
                         mv_outs_apart(sep_out, after);
    terminates \true;
    assigns *before, *sep_out, *after,
            mv_find_heap_table, \at(mv_find_heap_table, Post)[0 .. sep.len - 1];
    behavior bad_out:
      assumes !mv_outs_distinct3(before, sep_out, after);
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes mv_outs_distinct3(before, sep_out, after) && !mv_both_live(v, sep);
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior empty_sep:
      assumes mv_outs_distinct3(before, sep_out, after) && mv_both_live(v, sep) && sep.len == 0;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior absent:
      assumes mv_outs_distinct3(before, sep_out, after) && mv_both_live(v, sep) &&
              sep.len >= 1 && mv_no_match(v, sep);
      assigns *before, *sep_out, *after,
              mv_find_heap_table, \at(mv_find_heap_table, Post)[0 .. sep.len - 1];
      ensures result: \result == MV_OK || mv_find_no_table(v, sep, \result);
      ensures parts: \result == MV_OK ==> mv_parts(v, *before, *sep_out, *after, v.len, 0);
    behavior found:
      assumes mv_outs_distinct3(before, sep_out, after) && mv_both_live(v, sep) &&
              sep.len >= 1 && mv_some_match(v, sep);
      assigns *before, *sep_out, *after,
              mv_find_heap_table, \at(mv_find_heap_table, Post)[0 .. sep.len - 1];
      ensures result: \result == MV_OK || mv_find_no_table(v, sep, \result);
      ensures parts: \result == MV_OK ==>
        mv_parts(v, *before, *sep_out, *after, before->len, sep.len);
      ensures first: \result == MV_OK ==> mv_first_match(v, sep, before->len);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_partition(mv_view v, mv_view sep, mv_view *before, mv_view *sep_out,
                                    mv_view *after);

/* mv_split_next: bytes.split(sep) one token at a time.  Each call cuts the
 * next token off the front of *rest: when sep occurs in *rest, *token =
 * the items before its first occurrence and *rest = the items after it;
 * when it does not, *token = all of *rest (the last token) and *rest is
 * released.  So a view cut into k separators gives k + 1 tokens, empty
 * ones included (b''.split(b',') == [b''], b'a,,b,'.split(b',') ==
 * [b'a', b'', b'b', b'']), and the call after the last token answers
 * MV_ERELEASED: a released *rest means "no token left", distinct from an
 * empty live *rest, which still holds one empty token.
 *
 *     mv_view rest = v, token;
 *     mv_status st;
 *     while ((st = mv_split_next(&rest, sep, &token)) == MV_OK)
 *         use(token);
 *     if (st != MV_ERELEASED)
 *         fail(st);   (MV_EINVAL or MV_ENOMEM; rest and token unchanged)
 *
 * (A v that is released before the first call also ends the loop at once
 * with MV_ERELEASED.)  Searches with mv_find: each call is linear in the
 * length of its token plus len(sep).  MV_EINVAL: rest or token is NULL, or
 * both are the same object.  MV_ERELEASED: *rest (after the last token) or
 * sep is released.  MV_EINVAL: sep is empty (CPython's ValueError: empty
 * separator).  MV_ENOMEM: mv_find could not allocate its table.  On
 * failure neither *rest nor *token is written. */
/*@ requires rest_valid: rest == \null || (\valid(rest) && mv_valid(*rest));
    requires token_valid: token == \null || \valid(token);
    requires valid: mv_valid(sep);
    requires outs_apart: mv_outs_apart(rest, token);
    terminates \true;
    assigns *rest, *token, mv_find_heap_table, \at(mv_find_heap_table, Post)[0 .. sep.len - 1];
    behavior bad_out:
      assumes !mv_outs_distinct(rest, token);
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes mv_outs_distinct(rest, token) && !mv_both_live(*rest, sep);
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior empty_sep:
      assumes mv_outs_distinct(rest, token) && mv_both_live(*rest, sep) && sep.len == 0;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior last:
      assumes mv_outs_distinct(rest, token) && mv_both_live(*rest, sep) && sep.len >= 1 &&
              mv_no_match(*rest, sep);
      assigns *rest, *token, mv_find_heap_table, \at(mv_find_heap_table, Post)[0 .. sep.len - 1];
      ensures result: \result == MV_OK || mv_find_no_table(\old(*rest), sep, \result);
      ensures token: \result == MV_OK ==> mv_subview(*token, \old(*rest), 0, \old(rest->len));
      ensures ended: \result == MV_OK ==>
        mv_valid(*rest) && rest->released == 1 && rest->len == 0 && rest->data == \null;
    behavior token:
      assumes mv_outs_distinct(rest, token) && mv_both_live(*rest, sep) && sep.len >= 1 &&
              mv_some_match(*rest, sep);
      assigns *rest, *token, mv_find_heap_table, \at(mv_find_heap_table, Post)[0 .. sep.len - 1];
      ensures result: \result == MV_OK || mv_find_no_table(\old(*rest), sep, \result);
      ensures token: \result == MV_OK ==> mv_subview(*token, \old(*rest), 0, token->len);
      ensures first: \result == MV_OK ==> mv_first_match(\old(*rest), sep, token->len);
      ensures rest: \result == MV_OK ==>
        mv_subview(*rest, \old(*rest), token->len + sep.len,
                   \old(rest->len) - (token->len + sep.len));
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_split_next(mv_view *rest, mv_view sep, mv_view *token);

/* mv_rpartition: bytes.rpartition(sep): as mv_partition, around the last
 * occurrence of sep's items (b'aaa'.rpartition(b'aa') == (b'a', b'aa',
 * b'')).  When sep occurs nowhere: *before and *sep_out empty, *after =
 * v[:] (all of v), like CPython's (b'', b'', v); mv_len(*sep_out) == 0
 * exactly when sep was not found.
 *
 * Searches with mv_rfind (no table, never MV_ENOMEM).  MV_EINVAL: before,
 * sep_out or after is NULL, or two of them are the same object.
 * MV_ERELEASED (either view).  MV_EINVAL: sep is empty.  On failure no
 * out-parameter is written. */
/*@ requires valid: mv_valid(v) && mv_valid(sep);
    requires outs_valid: before == \null || \valid(before);
    requires outs_valid: sep_out == \null || \valid(sep_out);
    requires outs_valid: after == \null || \valid(after);
    requires outs_apart: mv_outs_apart(before, sep_out) && mv_outs_apart(before, after) &&
                         mv_outs_apart(sep_out, after);
    terminates \true;
    assigns *before, *sep_out, *after;
    behavior bad_out:
      assumes !mv_outs_distinct3(before, sep_out, after);
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes mv_outs_distinct3(before, sep_out, after) && !mv_both_live(v, sep);
      assigns \nothing;
      ensures result: \result == MV_ERELEASED;
    behavior empty_sep:
      assumes mv_outs_distinct3(before, sep_out, after) && mv_both_live(v, sep) && sep.len == 0;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior absent:
      assumes mv_outs_distinct3(before, sep_out, after) && mv_both_live(v, sep) &&
              sep.len >= 1 && mv_no_match(v, sep);
      assigns *before, *sep_out, *after;
      ensures result: \result == MV_OK;
      ensures parts: mv_parts(v, *before, *sep_out, *after, 0, 0);
    behavior found:
      assumes mv_outs_distinct3(before, sep_out, after) && mv_both_live(v, sep) &&
              sep.len >= 1 && mv_some_match(v, sep);
      assigns *before, *sep_out, *after;
      ensures result: \result == MV_OK;
      ensures parts: mv_parts(v, *before, *sep_out, *after, before->len, sep.len);
      ensures last: mv_last_match(v, sep, before->len);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_rpartition(mv_view v, mv_view sep, mv_view *before, mv_view *sep_out,
                                     mv_view *after);

#ifdef __cplusplus
}
#endif

#endif /* MEMVIEW_CUT_H */
