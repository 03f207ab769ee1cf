/* mv_cut.c — cutting views at prefixes, suffixes and separators, and
 * stripping them.
 *
 * Module invariant: every view handed out is a sub-view of an input view
 * (mv_subview, contracts/mv_cut.acsl), made by mv__cut from an offset and a
 * length already known to lie within it, so it is valid whenever the input
 * is, and no byte is read or written beyond the items compared.  The out-
 * parameters are stored only once every check has passed and the search
 * has succeeded: a failure changes nothing.
 */
#include "memview.h"

#include "mv_internal.h"

/* The items of a sub-view are its parent's, shifted by the offset: a fact
 * of distributivity ((off + i) * s == off * s + i * s) that the solvers
 * find faster once stated. */
/*@ ghost
  /@ requires sub: mv_subview(r, v, off, n);
     requires range: 0 <= off && off + n <= v.len;
     terminates \true;
     assigns \nothing;
     ensures items: \forall integer i; 0 <= i < n ==> mv_item(r, i) == mv_item(v, off + i);
  @/
  static void mv__lemma_sub_items(mv_view r, mv_view v, size_t off, size_t n)
  {
    /@ assert \forall integer i; (off + i) * v.stride == off * v.stride + i * v.stride; @/
  }
*/

/* Whether v's n items from off are pattern's items (off + n <= v.len). */
/*@ requires valid: mv_valid(v) && mv_valid(pattern);
    requires live: v.released == 0 && pattern.released == 0;
    requires range: off + pattern.len <= v.len;
    terminates \true;
    assigns \nothing;
    ensures result: \result == 1 <==> mv_match_at(v, pattern, off);
*/
static bool mv__matches_at(mv_view v, mv_view pattern, size_t off)
{
    mv_view here = mv__cut(v, off, pattern.len);
    //@ ghost mv__lemma_sub_items(here, v, off, pattern.len);
    return mv_equal(here, pattern);
}

bool mv_startswith(mv_view v, mv_view prefix)
{
    if (v.released || prefix.released || prefix.len > v.len)
        return false;
    return mv__matches_at(v, prefix, 0);
}

bool mv_endswith(mv_view v, mv_view suffix)
{
    if (v.released || suffix.released || suffix.len > v.len)
        return false;
    return mv__matches_at(v, suffix, v.len - suffix.len);
}

mv_status mv_removeprefix(mv_view v, mv_view prefix, mv_view *out)
{
    if (out == NULL)
        return MV_EINVAL;
    if (v.released || prefix.released)
        return MV_ERELEASED;
    if (mv_startswith(v, prefix))
        mv__store_view(out, mv__cut(v, prefix.len, v.len - prefix.len));
    else
        mv__store_view(out, v);
    return MV_OK;
}

mv_status mv_removesuffix(mv_view v, mv_view suffix, mv_view *out)
{
    if (out == NULL)
        return MV_EINVAL;
    if (v.released || suffix.released)
        return MV_ERELEASED;
    if (mv_endswith(v, suffix))
        mv__store_view(out, mv__cut(v, 0, v.len - suffix.len));
    else
        mv__store_view(out, v);
    return MV_OK;
}

/* Whether strip removes byte b: b is one of chars' items, or ASCII
 * whitespace when chars is NULL. */
/*@ requires chars_valid: mv_chars_arg(chars) && mv_chars_live(chars);
    terminates \true;
    assigns \nothing;
    ensures result: \result == 1 <==> mv_strips(chars, b);
*/
static bool mv__strips(uint8_t b, const mv_view *chars)
{
    if (chars == NULL)
        return b == ' ' || (b >= '\t' && b <= '\r');
    size_t pos;
    /* MV_OMIT bounds: memoryview.index(b) over all of chars. */
    //@ assert all: mv_idx_lo(chars->len, MV_OMIT) == 0 && mv_idx_hi(chars->len, MV_OMIT) == chars->len;
    return mv_index(*chars, b, MV_OMIT, MV_OMIT, &pos) == MV_OK;
}

/* The index of v's first item that strip keeps (v.len when none). */
/*@ requires valid: mv_valid(v) && v.released == 0;
    requires chars_valid: mv_chars_arg(chars) && mv_chars_live(chars);
    terminates \true;
    assigns \nothing;
    ensures lead: mv_lstripped(v, chars, \result);
*/
static size_t mv__lead(mv_view v, const mv_view *chars)
{
    size_t lo = 0;
    /*@ loop invariant range: 0 <= lo <= v.len;
        loop invariant stripped: mv_all_strip(v, chars, 0, lo);
        loop assigns lo;
        loop variant v.len - lo;
    */
    while (lo < v.len && mv__strips(mv__u8(*mv__item(v, (ptrdiff_t)lo)), chars))
        lo++;
    return lo;
}

/* One past v's last item that strip keeps, looking no lower than lo
 * (lo when none). */
/*@ requires valid: mv_valid(v) && v.released == 0;
    requires chars_valid: mv_chars_arg(chars) && mv_chars_live(chars);
    requires lo: lo <= v.len;
    terminates \true;
    assigns \nothing;
    ensures trail: mv_rstripped(v, chars, lo, \result);
*/
static size_t mv__trail(mv_view v, const mv_view *chars, size_t lo)
{
    size_t hi = v.len;
    /*@ loop invariant range: lo <= hi <= v.len;
        loop invariant stripped: mv_all_strip(v, chars, hi, v.len);
        loop assigns hi;
        loop variant hi;
    */
    while (hi > lo && mv__strips(mv__u8(*mv__item(v, (ptrdiff_t)(hi - 1))), chars))
        hi--;
    return hi;
}

mv_status mv_strip(mv_view v, const mv_view *chars, mv_view *out)
{
    if (out == NULL)
        return MV_EINVAL;
    if (v.released || (chars != NULL && chars->released))
        return MV_ERELEASED;
    size_t lo = mv__lead(v, chars);
    size_t hi = mv__trail(v, chars, lo);
    mv__store_view(out, mv__cut(v, lo, hi - lo));
    return MV_OK;
}

mv_status mv_lstrip(mv_view v, const mv_view *chars, mv_view *out)
{
    if (out == NULL)
        return MV_EINVAL;
    if (v.released || (chars != NULL && chars->released))
        return MV_ERELEASED;
    size_t lo = mv__lead(v, chars);
    mv__store_view(out, mv__cut(v, lo, v.len - lo));
    return MV_OK;
}

mv_status mv_rstrip(mv_view v, const mv_view *chars, mv_view *out)
{
    if (out == NULL)
        return MV_EINVAL;
    if (v.released || (chars != NULL && chars->released))
        return MV_ERELEASED;
    size_t hi = mv__trail(v, chars, 0);
    mv__store_view(out, mv__cut(v, 0, hi));
    return MV_OK;
}

/* Where a search found the separator.  Returned by value so that the
 * public functions take no address of a local: a local whose address is
 * taken is a block of its own for WP, and the views' validity would have
 * to be carried across its end. */
typedef struct mv__hit {
    mv_status status; /* MV_OK, MV_ENOTFOUND, or mv_find's MV_ENOMEM */
    size_t pos;       /* the match's position when status is MV_OK */
} mv__hit;

/* The first match of sep in v (mv_find). */
/*@ requires valid: mv_valid(v) && mv_valid(sep);
    requires live: v.released == 0 && sep.released == 0;
    requires sep: sep.len >= 1;
    terminates \true;
    assigns mv_find_heap_table, \at(mv_find_heap_table, Post)[0 .. sep.len - 1];
    ensures status: \result.status == MV_OK || \result.status == MV_ENOTFOUND ||
                    mv_find_no_table(v, sep, \result.status);
    ensures found: \result.status == MV_OK ==> mv_first_match(v, sep, \result.pos);
    ensures absent: \result.status == MV_ENOTFOUND ==> mv_no_match(v, sep);
*/
static mv__hit mv__first(mv_view v, mv_view sep)
{
    size_t pos = 0;
    mv_status st = mv_find(v, sep, &pos);
    mv__hit hit = { st, pos };
    return hit;
}

/* The last match of sep in v (mv_rfind). */
/*@ requires valid: mv_valid(v) && mv_valid(sep);
    requires live: v.released == 0 && sep.released == 0;
    requires sep: sep.len >= 1;
    terminates \true;
    assigns \nothing;
    ensures status: \result.status == MV_OK || \result.status == MV_ENOTFOUND;
    ensures found: \result.status == MV_OK ==> mv_last_match(v, sep, \result.pos);
    ensures absent: \result.status == MV_ENOTFOUND ==> mv_no_match(v, sep);
*/
static mv__hit mv__last(mv_view v, mv_view sep)
{
    size_t pos = 0;
    mv_status st = mv_rfind(v, sep, &pos);
    mv__hit hit = { st, pos };
    return hit;
}

/* Whether the three out-parameters are given and distinct objects. */
/*@ terminates \true;
    assigns \nothing;
    ensures result: \result == 1 <==> mv_outs_distinct3(a, b, c);
*/
static bool mv__three_outs(const mv_view *a, const mv_view *b, const mv_view *c)
{
    return a != NULL && b != NULL && c != NULL && a != b && a != c && b != c;
}

/* *before, *mid, *after = v[:pos], v[pos:pos+n], v[pos+n:]. */
/*@ requires valid: mv_valid(v) && v.released == 0;
    requires range: pos <= v.len && n <= v.len - pos;
    requires outs: \valid(before) && \valid(mid) && \valid(after);
    requires outs_apart: \separated(before, mid, after);
    terminates \true;
    assigns *before, *mid, *after;
    ensures parts: mv_parts(v, *before, *mid, *after, pos, n);
    ensures pos: before->len == pos;
*/
static void mv__store_parts(mv_view v, size_t pos, size_t n, mv_view *before, mv_view *mid,
                            mv_view *after)
{
    mv_view b = mv__cut(v, 0, pos);
    mv_view m = mv__cut(v, pos, n);
    mv_view a = mv__cut(v, pos + n, v.len - (pos + n));
    //@ assert cut: mv_parts(v, b, m, a, pos, n);
    mv__store_view(before, b);
    mv__store_view(mid, m);
    mv__store_view(after, a);
    //@ assert stored: *before == b && *mid == m && *after == a;
}

mv_status mv_partition(mv_view v, mv_view sep, mv_view *before, mv_view *sep_out, mv_view *after)
{
    if (!mv__three_outs(before, sep_out, after))
        return MV_EINVAL;
    if (v.released || sep.released)
        return MV_ERELEASED;
    if (sep.len == 0)
        return MV_EINVAL;
    mv__hit hit = mv__first(v, sep);
    if (hit.status == MV_ENOTFOUND) {
        /* The whole of v comes before an empty separator. */
        mv__store_parts(v, v.len, 0, before, sep_out, after);
        return MV_OK;
    }
    if (hit.status != MV_OK)
        return hit.status;
    mv__store_parts(v, hit.pos, sep.len, before, sep_out, after);
    return MV_OK;
}

mv_status mv_split_next(mv_view *rest, mv_view sep, mv_view *token)
{
    if (rest == NULL || token == NULL || rest == token)
        return MV_EINVAL;
    if (rest->released || sep.released)
        return MV_ERELEASED;
    if (sep.len == 0)
        return MV_EINVAL;
    /* Read before the search: its table may be allocated anywhere. */
    mv_view r = *rest;
    mv__hit hit = mv__first(r, sep);
    if (hit.status == MV_ENOTFOUND) {
        /* The last token: all that is left.  A released *rest then marks
         * the end, for the next call to report. */
        mv_view t = mv__cut(r, 0, r.len);
        mv__store_view(token, t);
        mv_status st = mv_release(rest);
        //@ assert stored: *token == t;
        return st;
    }
    if (hit.status != MV_OK)
        return hit.status;
    mv_view t = mv__cut(r, 0, hit.pos);
    mv_view n = mv__cut(r, hit.pos + sep.len, r.len - (hit.pos + sep.len));
    mv__store_view(token, t);
    mv__store_view(rest, n);
    //@ assert stored: *token == t && *rest == n;
    return MV_OK;
}

mv_status mv_rpartition(mv_view v, mv_view sep, mv_view *before, mv_view *sep_out, mv_view *after)
{
    if (!mv__three_outs(before, sep_out, after))
        return MV_EINVAL;
    if (v.released || sep.released)
        return MV_ERELEASED;
    if (sep.len == 0)
        return MV_EINVAL;
    mv__hit hit = mv__last(v, sep);
    if (hit.status == MV_ENOTFOUND) {
        /* An empty separator, and the whole of v after it. */
        mv__store_parts(v, 0, 0, before, sep_out, after);
        return MV_OK;
    }
    mv__store_parts(v, hit.pos, sep.len, before, sep_out, after);
    return MV_OK;
}
