/* mv_search.c — comparing views and searching their items.
 *
 * Module invariant: these functions only read.  Every loop walks item
 * pointers one stride at a time and stops at the last item, so no address
 * outside a view's span is formed.
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

bool mv_equal(mv_view a, mv_view b)
{
    if (a.released || b.released || a.len != b.len)
        return false;
    return mv__same_prefix(a, b, a.len);
}

int mv_compare(mv_view a, mv_view b)
{
    if (a.released || b.released)
        return 0;
    size_t n = a.len < b.len ? a.len : b.len;
    if (n > 0) {
        const char *p = a.data;
        const char *q = b.data;
        /*@ loop invariant i: 0 <= i < n;
            loop invariant p: p == mv_item(a, i) && q == mv_item(b, i);
            loop invariant order: mv_order(a, b) == mv_order_from(a, b, i);
            loop assigns i, p, q;
            loop variant n - i;
        */
        for (size_t i = 0;; i++) {
            uint8_t x = mv__u8(*p);
            uint8_t y = mv__u8(*q);
            if (x != y)
                return x < y ? -1 : 1;
            if (i + 1 == n)
                break;
            p += a.stride;
            q += b.stride;
        }
    }
    if (a.len == b.len)
        return 0;
    return a.len < b.len ? -1 : 1;
}

/* 1 when two byte values differ, 0 when they are equal, computed without a
 * comparison (which a compiler may turn into a branch): (x - y)^2 is 0 for
 * equal bytes and between 1 and 65025 otherwise. */
/*@ requires bytes: x <= 255 && y <= 255;
    terminates \true;
    assigns \nothing;
    ensures result: \result == (x == y ? 0 : 1);
*/
static unsigned mv__ct_differ(unsigned x, unsigned y)
{
    int d = (int)x - (int)y;
    //@ assert d != 0 ==> 1 <= d * d <= 65025;
    return ((unsigned)(d * d) + 65535u) / 65536u;
}

bool mv_ct_equal(mv_view a, mv_view b)
{
    if (a.released || b.released || a.len != b.len)
        return false;
    if (a.len == 0)
        return true;
    /* Every item is visited and counted without a data-dependent branch:
     * the running time depends on the length alone. */
    size_t differ = 0;
    const char *p = a.data;
    const char *q = b.data;
    /*@ loop invariant i: 0 <= i < a.len;
        loop invariant p: p == mv_item(a, i) && q == mv_item(b, i);
        loop invariant differ: differ <= i;
        loop invariant same: differ == 0 <==> mv_same_items(a, b, i);
        loop assigns i, p, q, differ;
        loop variant a.len - i;
    */
    for (size_t i = 0;; i++) {
        differ += mv__ct_differ(mv__u8(*p), mv__u8(*q));
        if (i + 1 == a.len)
            break;
        p += a.stride;
        q += b.stride;
    }
    return differ == 0;
}

/* PySlice_AdjustIndices with step 1, for the bounds of index(). */
/*@ requires len: len <= PTRDIFF_MAX;
    terminates \true;
    assigns \nothing;
    ensures result: \result == mv_adjust(i, len, 1);
    ensures range: 0 <= \result <= len;
*/
static size_t mv__clamp_bound(ptrdiff_t i, size_t len)
{
    ptrdiff_t n = (ptrdiff_t)len;
    if (i < 0) {
        ptrdiff_t from_end = i + n;
        return from_end < 0 ? 0 : (size_t)from_end;
    }
    return i >= n ? len : (size_t)i;
}

mv_status mv_index(mv_view v, uint8_t value, ptrdiff_t start, ptrdiff_t stop, size_t *pos)
{
    if (pos == NULL)
        return MV_EINVAL;
    if (v.released)
        return MV_ERELEASED;
    size_t lo = mv__clamp_bound(start == MV_OMIT ? 0 : start, v.len);
    size_t hi = mv__clamp_bound(stop == MV_OMIT ? PTRDIFF_MAX : stop, v.len);
    //@ assert lo == mv_idx_lo(v.len, start) && hi == mv_idx_hi(v.len, stop);
    if (lo >= hi)
        return MV_ENOTFOUND;
    const char *p = mv__item(v, (ptrdiff_t)lo);
    /*@ loop invariant i: lo <= i < hi;
        loop invariant p: p == mv_item(v, i);
        loop invariant absent: \forall integer k; lo <= k < i ==> mv_at(v, k) != value;
        loop assigns i, p;
        loop variant hi - i;
    */
    for (size_t i = lo;; i++) {
        //@ assert at: mv_at(v, i) == mv_u8(*p);
        if (mv__u8(*p) == value) {
            *pos = i;
            return MV_OK;
        }
        if (i + 1 == hi)
            return MV_ENOTFOUND;
        p += v.stride;
    }
}

size_t mv_count(mv_view v, uint8_t value)
{
    if (v.released || v.len == 0)
        return 0;
    size_t count = 0;
    const char *p = v.data;
    /*@ loop invariant i: 0 <= i < v.len;
        loop invariant p: p == mv_item(v, i);
        loop invariant count: count == mv_count_in(v, value, i) && count <= i;
        loop assigns i, p, count;
        loop variant v.len - i;
    */
    for (size_t i = 0;; i++) {
        if (mv__u8(*p) == value)
            count++;
        if (i + 1 == v.len)
            return count;
        p += v.stride;
    }
}
