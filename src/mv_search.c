/* mv_search.c — comparing views and searching their items.
 *
 * Module invariant: these functions only read.  Every loop walks item
 * pointers one stride at a time and stops at the last item, so no address
 * outside a view's span is formed.
 *
 * Contiguous views (len <= 1 or stride 1) take fast paths: memcmp and
 * memchr (contracts/mv_libc.h), called only with a length of 1 or more and
 * the address of a real item; mv_ct_equal and mv_count walk fixed-size
 * blocks whose trip count is a constant, which gcc -O2 vectorizes.
 */
#include "memview.h"

#include "mv_internal.h"

/* Bytes per block of the vectorized loops.  MV_CT_BLOCK bytes of
 * differences, each at most 255, sum to at most 65280: an unsigned short
 * holds the sum.  MV_COUNT_BLOCK matches fit an unsigned char. */
#define MV_CT_BLOCK 256u
#define MV_COUNT_BLOCK 128u

/* Unrolling mv_ct_equal's vectorized block loop (four 16-byte steps a
 * trip) makes it about a fifth faster with gcc -O2, which does not unroll
 * by itself.  The pragma is for the compilers only: Frama-C reads the loop
 * and its annotations as they are. */
#if defined(__GNUC__) && !defined(__FRAMAC__)
#define MV_UNROLL_4 _Pragma("GCC unroll 4")
#else
#define MV_UNROLL_4
#endif

/* Whether item i of v is at v.data + i for every i: a contiguous view. */
/*@ terminates \true;
    assigns \nothing;
    ensures result: \result == 1 <==> (v.len <= 1 || v.stride == 1);
*/
static bool mv__contig(mv_view v)
{
    return v.len <= 1 || v.stride == 1;
}

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
    if (a.len > 0 && mv__contig(a) && mv__contig(b)) {
        /*@ assert items: \forall integer i; 0 <= i < a.len ==>
              mv_item(a, i) == a.data + i && mv_item(b, i) == b.data + i; */
        return memcmp(a.data, b.data, a.len) == 0;
    }
    return mv__same_prefix(a, b, a.len);
}

/* When the first k items of a and b are equal, the order is decided from
 * item k on.  mv_order_from unfolds one item at a time, so the fact takes
 * an induction: a loop from k down to 0. */
/*@ ghost
  /@ requires k: 0 <= k <= a.len && k <= b.len;
     requires same: mv_same_items(a, b, k);
     terminates \true;
     assigns \nothing;
     ensures order: mv_order_from(a, b, 0) == mv_order_from(a, b, k);
  @/
  static void mv__lemma_order_skip(mv_view a, mv_view b, size_t k)
  {
    /@ loop invariant j: 0 <= j <= k;
       loop invariant order: mv_order_from(a, b, j) == mv_order_from(a, b, k);
       loop assigns j;
       loop variant j;
    @/
    for (size_t j = k; j > 0; j--) {
      /@ assert equal: mv_at(a, j - 1) == mv_at(b, j - 1); @/
    }
  }
*/

int mv_compare(mv_view a, mv_view b)
{
    if (a.released || b.released)
        return 0;
    size_t n = a.len < b.len ? a.len : b.len;
    if (n > 0 && mv__contig(a) && mv__contig(b)) {
        /*@ assert items: \forall integer i; 0 <= i < n ==>
              mv_item(a, i) == a.data + i && mv_item(b, i) == b.data + i; */
        int r = memcmp(a.data, b.data, n);
        if (r != 0) {
            /* memcmp's sign is that of some first difference; the ghost
             * loop finds its index d, from which the order is decided. */
            /*@ assert first: \exists integer i; 0 <= i < n && mv_same_items(a, b, i) &&
                  (r < 0 ? mv_at(a, i) < mv_at(b, i) : mv_at(a, i) > mv_at(b, i)); */
            /*@ ghost
              size_t d = 0;
              /@ loop invariant d: 0 <= d <= n;
                 loop invariant same: mv_same_items(a, b, d);
                 loop invariant before: \forall integer i; 0 <= i < d ==>
                   mv_at(a, i) == mv_at(b, i);
                 loop assigns d;
                 loop variant n - d;
              @/
              while (d < n && *(a.data + d) == *(b.data + d))
                d++;
              mv__lemma_order_skip(a, b, d);
            */
            return r < 0 ? -1 : 1;
        }
        //@ ghost mv__lemma_order_skip(a, b, n);
    } else if (n > 0) {
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

/* A stored char as the byte value 0..255, without the comparison of
 * mv__u8 (which an unoptimized build compiles to a branch on the byte):
 * c + 256 is 128..383, and % 256 of a known-positive value is a mask. */
/*@ terminates \true;
    assigns \nothing;
    ensures result: \result == mv_u8(c);
*/
static inline uint8_t mv__ct_u8(char c)
{
    return (uint8_t)((c + 256) % 256);
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

/* 1 when some of the n <= MV_CT_BLOCK bytes from offset i at p and q
 * differ, else 0.  Each pair adds (x - y) mod 256, 0 exactly when the bytes
 * are equal and at most 255, so the sum fits an unsigned short and is 0
 * exactly when all are equal.  Called with n == MV_CT_BLOCK the trip count
 * is a constant and the loop is byte subtractions and 16-bit additions,
 * which gcc -O2 vectorizes; nothing branches on the bytes. */
/*@ requires n: 1 <= n <= MV_CT_BLOCK && i + n <= SIZE_MAX;
    requires bytes: \valid_read(p + (i .. i + n - 1)) && \valid_read(q + (i .. i + n - 1));
    terminates \true;
    assigns \nothing;
    ensures result: \result <= 1;
    ensures differ: \result == 0 <==> \forall integer k; i <= k < i + n ==> p[k] == q[k];
*/
static inline unsigned mv__ct_run(const char *p, const char *q, size_t i, size_t n)
{
    unsigned short sum = 0;
    /*@ loop invariant k: 0 <= k <= n;
        loop invariant sum: sum <= 255 * k;
        loop invariant same: sum == 0 <==> \forall integer j; i <= j < i + k ==> p[j] == q[j];
        loop assigns k, sum;
        loop variant n - k;
    */
    MV_UNROLL_4
    for (size_t k = 0; k < n; k++) {
        uint8_t x = mv__ct_u8(p[i + k]);
        uint8_t y = mv__ct_u8(q[i + k]);
        uint8_t d = (uint8_t)((x - y + 256) % 256);
        //@ assert d: d == 0 <==> p[i + k] == q[i + k];
        sum = (unsigned short)(sum + d);
    }
    return ((unsigned)sum + 65535u) / 65536u;
}

/* Whether the n >= 1 bytes at p and q are equal, in time that depends on
 * n alone: whole blocks, then the tail. */
/*@ requires n: 1 <= n;
    requires bytes: \valid_read(p + (0 .. n - 1)) && \valid_read(q + (0 .. n - 1));
    terminates \true;
    assigns \nothing;
    ensures result: \result == 1 <==> \forall integer k; 0 <= k < n ==> p[k] == q[k];
*/
static bool mv__ct_same_bytes(const char *p, const char *q, size_t n)
{
    size_t differ = 0;
    size_t i = 0;
    /*@ loop invariant i: 0 <= i <= n;
        loop invariant differ: differ <= i;
        loop invariant same: differ == 0 <==> \forall integer k; 0 <= k < i ==> p[k] == q[k];
        loop assigns i, differ;
        loop variant n - i;
    */
    while (n - i >= MV_CT_BLOCK) {
        differ += mv__ct_run(p, q, i, MV_CT_BLOCK);
        i += MV_CT_BLOCK;
    }
    if (i < n)
        differ += mv__ct_run(p, q, i, n - i);
    return differ == 0;
}

bool mv_ct_equal(mv_view a, mv_view b)
{
    if (a.released || b.released || a.len != b.len)
        return false;
    if (a.len == 0)
        return true;
    /* Every item is visited and counted without a data-dependent branch:
     * the running time depends on the length (and the shapes) alone. */
    if (mv__contig(a) && mv__contig(b)) {
        /*@ assert items: \forall integer i; 0 <= i < a.len ==>
              mv_item(a, i) == a.data + i && mv_item(b, i) == b.data + i; */
        return mv__ct_same_bytes(a.data, b.data, a.len);
    }
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
        differ += mv__ct_differ(mv__ct_u8(*p), mv__ct_u8(*q));
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

/* The first item of the contiguous view w equal to value, or w.len:
 * memchr over exactly its items. */
/*@ requires valid: mv_valid(w);
    requires contiguous: w.len <= 1 || w.stride == 1;
    requires len: w.len >= 1;
    terminates \true;
    assigns \nothing;
    ensures range: 0 <= \result <= w.len;
    ensures absent: \forall integer k; 0 <= k < \result ==> mv_at(w, k) != value;
    ensures found: \result < w.len ==> mv_at(w, \result) == value;
*/
static size_t mv__memchr_items(mv_view w, uint8_t value)
{
    //@ assert items: \forall integer k; 0 <= k < w.len ==> mv_item(w, k) == w.data + k;
    const char *r = memchr(w.data, value, w.len);
    if (r == NULL)
        return w.len;
    return (size_t)(r - w.data);
}

/* The first i in [lo, hi) whose item equals value, or hi, for a
 * contiguous view: memchr over exactly the items lo .. hi - 1. */
/*@ requires valid: mv_valid(v);
    requires contiguous: v.len <= 1 || v.stride == 1;
    requires range: lo < hi <= v.len;
    terminates \true;
    assigns \nothing;
    ensures range: lo <= \result <= hi;
    ensures absent: \forall integer k; lo <= k < \result ==> mv_at(v, k) != value;
    ensures found: \result < hi ==> mv_at(v, \result) == value;
*/
static size_t mv__find_byte(mv_view v, uint8_t value, size_t lo, size_t hi)
{
    mv_view w = mv__cut(v, lo, hi - lo);
    size_t n = mv__memchr_items(w, value);
    /* The answer is stated from item lo (item 0 of w); the contract, from
     * item 0 of v: item k of w is item lo + k of v. */
    /*@ ghost
      size_t j = 0;
      /@ loop invariant j: 0 <= j <= n;
         loop invariant absent: \forall integer k; lo <= k < lo + j ==> mv_at(v, k) != value;
         loop assigns j;
         loop variant n - j;
      @/
      while (j < n) {
        /@ assert step: mv_at(w, j) != value && mv_item(w, j) == mv_item(v, lo + j); @/
        j++;
      }
    */
    //@ assert found: n < w.len ==> mv_item(w, n) == mv_item(v, lo + n);
    return lo + n;
}

/* The same for any stride: the items one stride apart. */
/*@ requires valid: mv_valid(v);
    requires range: lo < hi <= v.len;
    terminates \true;
    assigns \nothing;
    ensures range: lo <= \result <= hi;
    ensures absent: \forall integer k; lo <= k < \result ==> mv_at(v, k) != value;
    ensures found: \result < hi ==> mv_at(v, \result) == value;
*/
static size_t mv__scan_items(mv_view v, uint8_t value, size_t lo, size_t hi)
{
    const char *p = mv__item(v, (ptrdiff_t)lo);
    /*@ loop invariant i: lo <= i < hi;
        loop invariant p: p == mv_item(v, i);
        loop invariant absent: \forall integer k; lo <= k < i ==> mv_at(v, k) != value;
        loop assigns i, p;
        loop variant hi - i;
    */
    for (size_t i = lo;; i++) {
        //@ assert at: mv_at(v, i) == mv_u8(*p);
        if (mv__u8(*p) == value)
            return i;
        if (i + 1 == hi)
            return hi;
        p += v.stride;
    }
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
    size_t i = mv__contig(v) ? mv__find_byte(v, value, lo, hi) : mv__scan_items(v, value, lo, hi);
    if (i == hi)
        return MV_ENOTFOUND;
    *pos = i;
    return MV_OK;
}

/* Whether needle's items occur in hay from item k on: needle compared
 * with hay[k : k + len(needle)] by mv_equal (memcmp when both are
 * contiguous).  An empty needle occurs everywhere. */
/*@ requires valid: mv_valid(hay) && mv_valid(needle);
    requires live: hay.released == 0 && needle.released == 0;
    requires range: needle.len <= hay.len && k <= hay.len - needle.len;
    terminates \true;
    assigns \nothing;
    ensures result: \result == 1 <==> mv_match_at(hay, needle, k);
*/
static bool mv__match_at(mv_view hay, mv_view needle, size_t k)
{
    mv_view w = mv__cut(hay, k, needle.len);
    //@ assert items: \forall integer j; 0 <= j < needle.len ==> mv_item(w, j) == mv_item(hay, k + j);
    return mv_equal(w, needle);
}

mv_status mv_rfind(mv_view hay, mv_view needle, size_t *pos)
{
    if (pos == NULL)
        return MV_EINVAL;
    if (hay.released || needle.released)
        return MV_ERELEASED;
    if (needle.len > hay.len)
        return MV_ENOTFOUND;
    /* Candidate starts from the last one, hay.len - needle.len, down to 0;
     * none above k matches. */
    size_t k = hay.len - needle.len;
    /*@ loop invariant range: k <= hay.len - needle.len;
        loop invariant later: \forall integer j; k < j && j + needle.len <= hay.len ==>
          !mv_match_at(hay, needle, j);
        loop assigns k;
        loop variant k;
    */
    for (;;) {
        if (mv__match_at(hay, needle, k)) {
            *pos = k;
            return MV_OK;
        }
        if (k == 0) {
            //@ assert absent: mv_no_match(hay, needle);
            return MV_ENOTFOUND;
        }
        k--;
    }
}

/* The last i in [lo, hi) whose item equals value, or hi: the items one
 * stride apart, from item hi - 1 down. */
/*@ requires valid: mv_valid(v);
    requires range: lo < hi <= v.len;
    terminates \true;
    assigns \nothing;
    ensures range: lo <= \result <= hi;
    ensures absent: \result == hi ==> \forall integer k; lo <= k < hi ==> mv_at(v, k) != value;
    ensures found: \result < hi ==> mv_at(v, \result) == value;
    ensures last: \forall integer k; \result < k < hi ==> mv_at(v, k) != value;
*/
static size_t mv__rscan_items(mv_view v, uint8_t value, size_t lo, size_t hi)
{
    const char *p = mv__item(v, (ptrdiff_t)(hi - 1));
    /*@ loop invariant i: lo <= i < hi;
        loop invariant p: p == mv_item(v, i);
        loop invariant absent: \forall integer k; i < k < hi ==> mv_at(v, k) != value;
        loop assigns i, p;
        loop variant i;
    */
    for (size_t i = hi - 1;; i--) {
        //@ assert at: mv_at(v, i) == mv_u8(*p);
        if (mv__u8(*p) == value)
            return i;
        if (i == lo)
            return hi;
        p -= v.stride;
    }
}

mv_status mv_rindex(mv_view v, uint8_t value, ptrdiff_t start, ptrdiff_t stop, size_t *pos)
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
    size_t i = mv__rscan_items(v, value, lo, hi);
    if (i == hi)
        return MV_ENOTFOUND;
    *pos = i;
    return MV_OK;
}

/* The number of the n <= MV_COUNT_BLOCK items from item i of the
 * contiguous view v equal to value.  Called with n ==
 * MV_COUNT_BLOCK the trip count is a constant and the loop is byte
 * compares and byte additions, which gcc -O2 vectorizes. */
/*@ requires valid: mv_valid(v) && mv_shape(v);
    requires contiguous: \forall integer k; 0 <= k < v.len ==> mv_item(v, k) == v.data + k;
    requires n: 1 <= n <= MV_COUNT_BLOCK && i + n <= v.len;
    terminates \true;
    assigns \nothing;
    ensures result: \result == mv_count_in(v, value, i + n) - mv_count_in(v, value, i);
    ensures range: \result <= n;
*/
static inline unsigned mv__count_run(mv_view v, size_t i, size_t n, uint8_t value)
{
    const char *p = v.data + i;
    char c = mv__s8(value);
    unsigned char found = 0;
    /*@ loop invariant k: 0 <= k <= n;
        loop invariant found: found <= k &&
          found == mv_count_in(v, value, i + k) - mv_count_in(v, value, i);
        loop assigns k, found;
        loop variant n - k;
    */
    for (size_t k = 0; k < n; k++) {
        //@ assert at: mv_at(v, i + k) == mv_u8(p[k]);
        //@ assert match: p[k] == c <==> mv_at(v, i + k) == value;
        found = (unsigned char)(found + (p[k] == c));
    }
    return found;
}

size_t mv_count(mv_view v, uint8_t value)
{
    if (v.released || v.len == 0)
        return 0;
    size_t count = 0;
    if (mv__contig(v)) {
        //@ assert items: \forall integer k; 0 <= k < v.len ==> mv_item(v, k) == v.data + k;
        size_t i = 0;
        /*@ loop invariant i: 0 <= i <= v.len;
            loop invariant count: count == mv_count_in(v, value, i) && count <= i;
            loop assigns i, count;
            loop variant v.len - i;
        */
        while (v.len - i >= MV_COUNT_BLOCK) {
            count += mv__count_run(v, i, MV_COUNT_BLOCK, value);
            i += MV_COUNT_BLOCK;
        }
        if (i < v.len)
            count += mv__count_run(v, i, v.len - i, value);
        return count;
    }
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
