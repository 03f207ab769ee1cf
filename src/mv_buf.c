/* mv_buf.c — owner buffers: bytearray with export locking.
 *
 * Module invariant (mv_buf_ok): data holds cap valid bytes (data is NULL
 * exactly when cap is 0), len <= cap <= PTRDIFF_MAX, and exports counts the
 * views handed out and not yet handed back.  While exports > 0 the block
 * never moves, shrinks or goes away: every function that could do that
 * checks the count first and changes nothing when it is not zero.
 *
 * Bytes are copied with mv_assign, which is correct for any overlap, so a
 * copy does not depend on where malloc put the new block.  A new block is
 * installed in the buffer (and a new length recorded) before it is
 * written, so the buffer's fields always describe every byte written.  Where two
 * copies into a fresh block must not disturb each other's source (append
 * with growth), the block is first checked, with address equality, to
 * share no byte with that source.
 */
#include "memview.h"

#include "mv_internal.h"


/* p[from .. to-1] = 0. */
/*@ requires valid: from < to && \valid(p + (from .. to - 1));
    terminates \true;
    assigns p[from .. to - 1];
    ensures zero: \forall integer i; from <= i < to ==> p[i] == 0;
*/
static void mv__zero(char *p, size_t from, size_t to)
{
    /*@ loop invariant i: from <= i <= to;
        loop invariant zero: \forall integer k; from <= k < i ==> p[k] == 0;
        loop assigns i, p[from .. to - 1];
        loop variant to - i;
    */
    for (size_t i = from; i < to; i++)
        p[i] = 0;
}

/* p[0 .. n-1] = the items of src, for any overlap between them. */
/*@ requires valid: mv_valid(src) && src.released == 0 && src.len == n && n >= 1;
    requires dst: \valid(p + (0 .. n - 1));
    terminates \true;
    assigns p[0 .. n - 1];
    ensures copied: \forall integer i; 0 <= i < n ==> p[i] == \old(*mv_item(src, i));
*/
static void mv__copy_in(char *p, size_t n, mv_view src)
{
    mv_view dst = mv__whole(p, n, false);
    mv_status status = mv_assign(dst, src);
    /* Equal lengths, live views, writable destination: always MV_OK. */
    //@ assert status == MV_OK;
    (void)status;
    //@ assert \forall integer i; 0 <= i < n ==> mv_item(dst, i) == p + i;
}

/* The capacity for at least need bytes when cap is too small: doubling,
 * so that a run of appends copies each byte a bounded number of times. */
/*@ requires need: cap < need <= PTRDIFF_MAX;
    terminates \true;
    assigns \nothing;
    ensures grown: need <= \result <= PTRDIFF_MAX;
*/
static size_t mv__grown(size_t cap, size_t need)
{
    size_t doubled = cap <= MV_LEN_MAX / 2 ? 2 * cap : MV_LEN_MAX;
    return doubled > need ? doubled : need;
}

mv_status mv_buf_init(mv_buf *b, size_t n)
{
    if (b == NULL)
        return MV_EINVAL;
    if (n > MV_LEN_MAX)
        return MV_EOVERFLOW;
    char *data = NULL;
    if (n > 0) {
        data = MV_MALLOC(n);
        if (data == NULL)
            return MV_ENOMEM;
    }
    b->data = data;
    b->len = n;
    b->cap = n;
    b->exports = 0;
    if (n > 0)
        mv__zero(data, 0, n);
    return MV_OK;
}

mv_status mv_buf_from(mv_buf *b, mv_view src)
{
    if (b == NULL)
        return MV_EINVAL;
    if (src.released)
        return MV_ERELEASED;
    char *data = NULL;
    if (src.len > 0) {
        data = MV_MALLOC(src.len);
        if (data == NULL)
            return MV_ENOMEM;
    }
    b->data = data;
    b->len = src.len;
    b->cap = src.len;
    b->exports = 0;
    if (src.len > 0)
        mv__copy_in(data, src.len, src);
    return MV_OK;
}

mv_status mv_buf_resize(mv_buf *b, size_t n)
{
    if (b == NULL)
        return MV_EINVAL;
    if (b->exports > 0)
        return MV_EBUSY;
    if (n > MV_LEN_MAX)
        return MV_EOVERFLOW;
    size_t old_len = b->len;
    if (n <= b->cap) {
        b->len = n;
        /* Bytes past the old length may hold old contents: zero them. */
        if (n > old_len)
            mv__zero(b->data, old_len, n);
        return MV_OK;
    }
    char *data = MV_MALLOC(n);
    if (data == NULL)
        return MV_ENOMEM;
    char *old = b->data;
    b->data = data;
    b->len = n;
    b->cap = n;
    if (old_len > 0)
        mv__copy_in(data, old_len, mv__whole(old, old_len, true));
    mv__zero(data, old_len, n);
    MV_FREE(old);
    return MV_OK;
}

mv_status mv_buf_append(mv_buf *b, mv_view src)
{
    if (b == NULL)
        return MV_EINVAL;
    if (src.released)
        return MV_ERELEASED;
    if (b->exports > 0)
        return MV_EBUSY;
    if (src.len > MV_LEN_MAX - b->len)
        return MV_EOVERFLOW;
    if (src.len == 0)
        return MV_OK;
    size_t old_len = b->len;
    size_t len = old_len + src.len;
    if (len <= b->cap) {
        b->len = len;
        /* src may be a view of these very bytes: mv_assign copes. */
        mv__copy_in(b->data + old_len, src.len, src);
        /*@ assert kept: \forall integer i; 0 <= i < old_len ==>
              b->data[i] == \at(b->data[i], Pre); */
        return MV_OK;
    }
    size_t cap = mv__grown(b->cap, len);
    char *data = MV_MALLOC(cap);
    if (data == NULL)
        return MV_ENOMEM;
    char *old = b->data;
    /* src is copied first, while the old bytes (which it may view) are
     * still there; the old bytes must then still be intact.  malloc never
     * returns a block that overlaps a live one; checking it here lets the
     * proof rely on nothing more than malloc returning valid memory (were
     * it ever to fail, the result is MV_ENOMEM with the buffer unchanged). */
    if (old_len > 0 && !mv__blocks_apart(data + old_len, src.len, old, old_len)) {
        MV_FREE(data);
        return MV_ENOMEM;
    }
    b->data = data;
    b->len = len;
    b->cap = cap;
    mv__copy_in(data + old_len, src.len, src);
    if (old_len > 0)
        mv__copy_in(data, old_len, mv__whole(old, old_len, true));
    /*@ assert kept: \forall integer i; 0 <= i < old_len ==>
          data[i] == \at(b->data[i], Pre); */
    MV_FREE(old);
    return MV_OK;
}

mv_status mv_buf_export(mv_buf *b, bool readonly, mv_view *out)
{
    if (b == NULL || out == NULL)
        return MV_EINVAL;
    if (b->exports == SIZE_MAX)
        return MV_EOVERFLOW;
    mv__store_view(out, mv__whole(b->data, b->len, readonly));
    b->exports++;
    return MV_OK;
}

/* Whether v is, field for field, what mv_buf_export returns for b. */
/*@ requires valid: \valid_read(b) && \valid_read(v);
    terminates \true;
    assigns \nothing;
    ensures result: \result == 1 <==> (v->released == 0 && mv_exported_view(b, *v));
*/
static bool mv__is_export_of(const mv_buf *b, const mv_view *v)
{
    if (v->released || v->len != b->len || v->stride != 1)
        return false;
    return b->len == 0 ? v->data == NULL : v->data == b->data;
}

mv_status mv_buf_release(mv_buf *b, mv_view *exported)
{
    if (b == NULL || exported == NULL)
        return MV_EINVAL;
    if (exported->released)
        return MV_ERELEASED;
    if (b->exports == 0 || !mv__is_export_of(b, exported))
        return MV_EINVAL;
    b->exports--;
    mv_view gone = { NULL, 0, 1, true, true };
    mv__store_view(exported, gone);
    return MV_OK;
}

size_t mv_buf_len(const mv_buf *b)
{
    return b == NULL ? 0 : b->len;
}

size_t mv_buf_exports(const mv_buf *b)
{
    return b == NULL ? 0 : b->exports;
}

mv_status mv_buf_free(mv_buf *b)
{
    if (b == NULL)
        return MV_EINVAL;
    if (b->exports > 0)
        return MV_EBUSY;
    MV_FREE(b->data);
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    return MV_OK;
}
