/* mv_find.c — finding a view's items inside another's (bytes.find).
 */
#include "memview.h"

#include "mv_internal.h"

/* Whether the first n items of a and b are equal. */
/*@ requires valid: mv_valid(a) && mv_valid(b);
    requires n: n <= a.len && n <= b.len;
    terminates \true;
    assigns \nothing;
    ensures result: \result == 1 <==> mv_same_items(a, b, n);
*/
static bool mv__same_prefix(mv_view a, mv_view b, size_t n)
{
    if (n == 0)
        return true;
    const char *p = a.data;
    const char *q = b.data;
    /*@ loop invariant i: 0 <= i < n;
        loop invariant p: p == mv_item(a, i) && q == mv_item(b, i);
        loop invariant same: mv_same_items(a, b, i);
        loop assigns i, p, q;
        loop variant n - i;
    */
    for (size_t i = 0;; i++) {
        if (*p != *q)
            return false;
        if (i + 1 == n)
            return true;
        p += a.stride;
        q += b.stride;
    }
}

mv_status mv_find(mv_view hay, mv_view needle, size_t *pos)
{
    if (pos == NULL)
        return MV_EINVAL;
    if (hay.released || needle.released)
        return MV_ERELEASED;
    if (needle.len > hay.len)
        return MV_ENOTFOUND;
    size_t last = hay.len - needle.len;
    /*@ loop invariant k: 0 <= k <= last + 1;
        loop invariant absent: \forall integer j; 0 <= j < k ==> !mv_match_at(hay, needle, j);
        loop assigns k;
        loop variant last + 1 - k;
    */
    for (size_t k = 0; k <= last; k++) {
        mv_view window = mv__cut(hay, k, needle.len);
        /*@ assert window_items: \forall integer j; 0 <= j < needle.len ==>
              mv_item(window, j) == mv_item(hay, k + j); */
        if (mv__same_prefix(window, needle, needle.len)) {
            //@ assert match: mv_match_at(hay, needle, k);
            *pos = k;
            return MV_OK;
        }
    }
    return MV_ENOTFOUND;
}
