/* mv_buf.c — owner buffers: bytearray with export locking, and a byte
 * queue (grows at the back, consumed at the front).
 *
 * Module invariant (mv_buf_ok): the buffer owns one block of head + cap
 * valid bytes starting at data - head (none, data NULL and head 0, exactly
 * when cap is 0): head consumed bytes, the len bytes of contents at data,
 * then cap - len spare bytes; head + cap <= PTRDIFF_MAX, exports counts
 * the views handed out and not yet handed back, and spare says whether the
 * view of the spare bytes (mv_buf_spare) is out.  While either is, the
 * block never moves, shrinks or goes away and the contents stay where they
 * are: every function that could do that checks both first and changes
 * nothing when one is set.  The spare view is recognised, when handed back
 * to mv_buf_commit, by its fields: it is all the room after the contents,
 * which cannot change while it is out.
 *
 * Cost: growth is geometric (a new block is at least twice the old one,
 * up to PTRDIFF_MAX), and consuming only moves data forward.  When the
 * contents must grow past the block's end, they are moved back to the
 * block's start (compaction) if the consumed prefix is at least as long as
 * they are (so each consumed byte pays for at most one moved byte), and
 * otherwise moved to a new block.  A buffer that becomes empty starts over
 * at the block's start.  Every byte appended or reserved is thus copied a
 * bounded number of times on average.
 *
 * Secure mode: every block given back to the allocator (outgrown or
 * freed) goes through mv__discard, which zeroes it first when the buffer
 * is secure; the copy into the new block happens before, and the new block
 * must share no byte with the old one (mv__may_replace).
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

/* p[0 .. n-1] = 0 by stores that stay: the program may never read the
 * bytes again (they are about to be freed), so a compiler could drop
 * plain stores; an empty asm that is given p and may read all memory
 * keeps them. */
/*@ requires valid: n >= 1 && \valid(p + (0 .. n - 1));
    terminates \true;
    assigns p[0 .. n - 1];
    ensures zero: \forall integer i; 0 <= i < n ==> p[i] == 0;
*/
static void mv__wipe_bytes(char *p, size_t n)
{
    mv__zero(p, 0, n);
#ifndef __FRAMAC__
    __asm__ __volatile__("" : : "r"(p) : "memory");
#endif
}

/* Gives back a block of size bytes the buffer no longer uses (NULL when
 * size is 0), zeroed first when the buffer is secure. */
/*@ requires block: size == 0 ? block == \null : \valid(block + (0 .. size - 1));
    terminates \true;
    assigns block[0 .. (secure ? size : 0) - 1];
    behavior plain:
      assumes !secure;
      assigns \nothing;
    behavior wiped:
      assumes secure;
      assigns block[0 .. size - 1];
      ensures zero: \forall integer i; 0 <= i < size ==> block[i] == 0;
    complete behaviors;
    disjoint behaviors;
*/
static void mv__discard(char *block, size_t size, bool secure)
{
    if (secure && size > 0)
        mv__wipe_bytes(block, size);
    MV_FREE(block);
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

/* The size of a new block for at least need bytes when the block of size
 * bytes cannot hold them: at least doubling, so that a run of appends
 * copies each byte a bounded number of times. */
/*@ requires need: 1 <= need <= PTRDIFF_MAX;
    requires size: size <= PTRDIFF_MAX;
    terminates \true;
    assigns \nothing;
    ensures grown: need <= \result <= PTRDIFF_MAX;
    ensures doubled: \result >= 2 * size || \result == PTRDIFF_MAX;
*/
static size_t mv__grown(size_t size, size_t need)
{
    size_t doubled = size <= MV_LEN_MAX / 2 ? 2 * size : MV_LEN_MAX;
    return doubled > need ? doubled : need;
}

/* The block the buffer owns (what malloc returned), NULL when none. */
/*@ requires ok: \valid_read(b) && mv_buf_ok(b);
    terminates \true;
    assigns \nothing;
    ensures none: b->cap == 0 ==> \result == \null;
    ensures block: b->cap > 0 ==> \result == b->data - b->head;
*/
static char *mv__block(const mv_buf *b)
{
    return b->cap == 0 ? NULL : b->data - b->head;
}

/* An empty buffer starts over at its block's start: the consumed prefix
 * becomes capacity again. */
/*@ requires ok: \valid(b) && mv_buf_ok(b);
    terminates \true;
    assigns b->data, b->len, b->cap, b->head;
    ensures ok: mv_buf_ok(b) && b->len == 0 && b->head == 0;
    ensures cap: b->cap == \old(b->head) + \old(b->cap);
    ensures data: b->data == \old(b->data) - \old(b->head);
*/
static void mv__empty(mv_buf *b)
{
    if (b->head > 0) {
        //@ assert \valid(b->data - b->head + (0 .. b->head + b->cap - 1));
        b->data -= b->head;
        b->cap += b->head;
        b->head = 0;
    }
    b->len = 0;
}

/* Moves the contents back to the block's start.  The consumed prefix is
 * at least as long as the contents, so their old and new places share no
 * byte: the contents stay intact where they were, and only the prefix is
 * written. */
/*@ requires ok: \valid(b) && mv_buf_ok(b);
    requires prefix: 0 < b->head && b->len <= b->head;
    terminates \true;
    assigns b->data, b->cap, b->head, \at(b->data, Post)[0 .. b->len - 1];
    ensures ok: mv_buf_ok(b) && b->head == 0 && b->len == \old(b->len);
    ensures moved: b->data == \old(b->data) - \old(b->head);
    ensures cap: b->cap == \old(b->head) + \old(b->cap);
    ensures kept: \forall integer i; 0 <= i < b->len ==> b->data[i] == \old(b->data[i]);
*/
static void mv__compact(mv_buf *b)
{
    char *old = b->data;
    size_t len = b->len;
    //@ assert \valid(b->data - b->head + (0 .. b->head + b->cap - 1));
    b->data -= b->head;
    b->cap += b->head;
    b->head = 0;
    if (len > 0) {
        mv_view src = mv__whole(old, len, true);
        mv__copy_in(b->data, len, src);
        //@ assert \forall integer i; 0 <= i < len ==> mv_item(src, i) == old + i;
    }
}

/* Whether a fresh block of size bytes may replace b's block: in secure
 * mode the old block is wiped after the copy, so the two must share no
 * byte.  malloc never returns a block overlapping a live one; the proof
 * trusts malloc for valid memory only, so this is checked (with address
 * equality), and a failure is reported as MV_ENOMEM. */
/*@ requires ok: \valid_read(b) && mv_buf_ok(b);
    requires fresh: size >= 1 && \valid(data + (0 .. size - 1));
    terminates \true;
    assigns \nothing;
    ensures apart: \result == 1 && b->secure && b->cap > 0 ==>
      \separated(data + (0 .. size - 1), mv_buf_block(b) + (0 .. b->head + b->cap - 1));
*/
static bool mv__may_replace(const mv_buf *b, const char *data, size_t size)
{
    return !b->secure || b->cap == 0 || mv__blocks_apart(data, size, b->data - b->head, b->head + b->cap);
}

/* dst[0 .. n-1] = src[0 .. n-1], for any overlap between them. */
/*@ requires bytes: 1 <= n <= PTRDIFF_MAX && \valid_read(src + (0 .. n - 1)) &&
                    \valid(dst + (0 .. n - 1));
    terminates \true;
    assigns dst[0 .. n - 1];
    ensures copied: \forall integer i; 0 <= i < n ==> dst[i] == \old(src[i]);
*/
static void mv__copy_bytes(char *dst, char *src, size_t n)
{
    mv_view from = mv__whole(src, n, true);
    mv__copy_in(dst, n, from);
    //@ assert \forall integer i; 0 <= i < n ==> mv_item(from, i) == src + i;
}

/* Moves the contents to a new block of at least need bytes (and at least
 * twice the old block), freeing the old one (wiped first when the buffer
 * is secure: the new block must then share no byte with it, which malloc
 * guarantees and the proof, trusting malloc for validity only, checks).
 * MV_ENOMEM: unchanged. */
/*@ requires ok: \valid(b) && mv_buf_ok(b);
    requires need: b->len <= need <= PTRDIFF_MAX && need >= 1;
    terminates \true;
    assigns b->data, b->cap, b->head, \at(b->data, Post)[0 .. b->len - 1],
            (b->data - b->head)[0 .. b->head + b->cap - 1];
    ensures result: \result == MV_OK || \result == MV_ENOMEM;
    ensures ok: mv_buf_ok(b) && b->len == \old(b->len);
    ensures room: \result == MV_OK ==> need <= b->cap;
    ensures kept: \result == MV_OK ==>
      \forall integer i; 0 <= i < b->len ==> b->data[i] == \old(b->data[i]);
    ensures wiped: mv_buf_wiped{Pre, Post}(b);
    ensures apart: mv_buf_moved_apart{Pre, Post}(b);
    ensures unchanged: \result == MV_ENOMEM ==> mv_buf_same{Pre, Post}(b);
*/
static mv_status mv__move(mv_buf *b, size_t need)
{
    size_t size = mv__grown(b->head + b->cap, need);
    char *data = MV_MALLOC(size);
    if (data == NULL)
        return MV_ENOMEM;
    if (!mv__may_replace(b, data, size)) {
        MV_FREE(data);
        return MV_ENOMEM;
    }
    char *block = mv__block(b);
    size_t block_size = b->head + b->cap;
    bool secure = b->secure;
    //@ assert block: block_size > 0 ==> block == mv_buf_block(b);
    /*@ assert apart: secure && block_size > 0 ==>
          \separated(data + (0 .. size - 1), block + (0 .. block_size - 1)); */
    char *old = b->data;
    size_t len = b->len;
    b->data = data;
    b->cap = size;
    b->head = 0;
    if (len > 0)
        mv__copy_bytes(data, old, len);
    //@ assert kept: mv_buf_kept{Pre, Here}(b);
    mv__discard(block, block_size, secure);
    /*@ assert wiped: secure && block_size > 0 ==>
          \forall integer i; 0 <= i < block_size ==> block[i] == 0; */
    return MV_OK;
}

/* Room for need bytes of contents from data: nothing to do, compaction or
 * a new block (see the top of the file).  MV_ENOMEM: unchanged. */
/*@ requires ok: \valid(b) && mv_buf_ok(b);
    requires need: b->len <= need <= PTRDIFF_MAX;
    terminates \true;
    assigns b->data, b->cap, b->head, \at(b->data, Post)[0 .. b->len - 1],
            (b->data - b->head)[0 .. b->head + b->cap - 1];
    ensures result: \result == MV_OK || \result == MV_ENOMEM;
    ensures ok: mv_buf_ok(b) && b->len == \old(b->len);
    ensures room: \result == MV_OK ==> need <= b->cap;
    ensures fits: need <= \old(b->cap) ==> \result == MV_OK;
    ensures kept: \result == MV_OK ==> mv_buf_kept{Pre, Post}(b);
    ensures wiped: mv_buf_wiped{Pre, Post}(b);
    ensures apart: mv_buf_moved_apart{Pre, Post}(b);
    ensures unchanged: \result == MV_ENOMEM ==> mv_buf_same{Pre, Post}(b);
*/
static mv_status mv__make_room(mv_buf *b, size_t need)
{
    if (need <= b->cap)
        return MV_OK;
    /* need > cap: head + cap >= need implies head > 0. */
    if (b->head >= b->len && need - b->cap <= b->head) {
        mv__compact(b);
        //@ assert kept: mv_buf_kept{Pre, Here}(b);
        return MV_OK;
    }
    mv_status status = mv__move(b, need);
    //@ assert kept: status == MV_OK ==> mv_buf_kept{Pre, Here}(b);
    return status;
}

/* The lowest byte of a non-empty view's span. */
/*@ requires valid: mv_valid(v) && v.len >= 1;
    terminates \true;
    assigns \nothing;
    ensures result: \result == v.data + mv_span_lo(v.len, v.stride);
*/
static const char *mv__span_low(mv_view v)
{
    return v.stride >= 0 ? v.data : mv__item(v, (ptrdiff_t)v.len - 1);
}

/* The number of bytes a non-empty view's span covers. */
/*@ requires valid: mv_valid(v) && v.len >= 1;
    terminates \true;
    assigns \nothing;
    ensures result: \result == mv_span_hi(v.len, v.stride) - mv_span_lo(v.len, v.stride) + 1;
*/
static size_t mv__span_bytes(mv_view v)
{
    /* (len - 1) * stride fits: that is part of a valid view's shape. */
    ptrdiff_t extent = ((ptrdiff_t)v.len - 1) * v.stride;
    return (size_t)(extent < 0 ? -extent : extent) + 1;
}

/* Whether no item of src lies in b's block (checked with address
 * equality only, see mv__blocks_apart). */
/*@ requires ok: \valid_read(b) && mv_buf_ok(b) && b->cap > 0;
    requires src: mv_valid(src) && src.len >= 1;
    terminates \true;
    assigns \nothing;
    ensures apart: \result == 1 ==> \forall integer i; 0 <= i < src.len ==>
      \separated(mv_item(src, i), (b->data - b->head) + (0 .. b->head + b->cap - 1));
*/
static bool mv__apart_from_block(const mv_buf *b, mv_view src)
{
    if (!mv__blocks_apart(mv__span_low(src), mv__span_bytes(src), b->data - b->head, b->head + b->cap))
        return false;
    //@ ghost mv__lemma_items_apart_from(src, b->data - b->head, b->head + b->cap);
    return true;
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
    b->head = 0;
    b->spare = false;
    b->secure = false;
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
    b->head = 0;
    b->spare = false;
    b->secure = false;
    if (src.len > 0)
        mv__copy_in(data, src.len, src);
    return MV_OK;
}

mv_status mv_buf_resize(mv_buf *b, size_t n)
{
    if (b == NULL)
        return MV_EINVAL;
    if (b->exports > 0 || b->spare)
        return MV_EBUSY;
    if (n > MV_LEN_MAX)
        return MV_EOVERFLOW;
    if (n == 0) {
        mv__empty(b);
        return MV_OK;
    }
    size_t old_len = b->len;
    if (n > b->cap) {
        mv_status status = mv__make_room(b, n);
        if (status != MV_OK)
            return status;
    }
    //@ assert wiped: mv_buf_wiped{Pre, Here}(b);
    //@ assert apart: mv_buf_moved_apart{Pre, Here}(b);
    //@ assert kept: \forall integer i; 0 <= i < old_len ==> b->data[i] == \at(b->data[i], Pre);
    b->len = n;
    /* Bytes past the old length may hold old contents: zero them. */
    if (n > old_len)
        mv__zero(b->data, old_len, n);
    //@ assert still_kept: \forall integer i; 0 <= i < old_len && i < n ==> b->data[i] == \at(b->data[i], Pre);
    return MV_OK;
}

/* The contract the three ways of appending share: src's items after the
 * contents, which are kept. */
/*@ predicate mv_buf_appended{L1, L2}(mv_buf *b, mv_view src) =
      \at(b->len, L2) == \at(b->len, L1) + src.len
   && (\forall integer i; 0 <= i < \at(b->len, L1) ==>
         \at(b->data[i], L2) == \at(b->data[i], L1))
   && (\forall integer i; 0 <= i < src.len ==>
         \at(b->data[\at(b->len, L1) + i], L2) == \at(*mv_item(src, i), L1));
*/

/* Appends src when the contents plus src fit in the capacity. */
/*@ requires ok: \valid(b) && mv_buf_ok(b);
    requires src: mv_valid(src) && mv_live(src) && src.len >= 1;
    requires fits: src.len <= b->cap - b->len;
    terminates \true;
    assigns b->len, \at(b->data, Post)[0 .. \at(b->len, Post) - 1];
    ensures ok: mv_buf_ok(b) && b->data == \old(b->data);
    ensures appended: mv_buf_appended{Pre, Post}(b, src);
*/
static void mv__append_in_place(mv_buf *b, mv_view src)
{
    size_t old_len = b->len;
    b->len = old_len + src.len;
    /* src may be a view of these very bytes: mv_assign copes. */
    mv__copy_in(b->data + old_len, src.len, src);
    /*@ assert kept: \forall integer i; 0 <= i < old_len ==>
          b->data[i] == \at(b->data[i], Pre); */
}

/* Appends src after moving the contents back to the block's start.  src
 * views no byte of the block, so the move leaves its items alone. */
/*@ requires ok: \valid(b) && mv_buf_ok(b);
    requires prefix: 0 < b->head && b->len <= b->head;
    requires src: mv_valid(src) && mv_live(src) && src.len >= 1;
    requires fits: src.len <= b->head + b->cap - b->len;
    requires apart: \forall integer i; 0 <= i < src.len ==>
      \separated(mv_item(src, i), (b->data - b->head) + (0 .. b->head + b->cap - 1));
    terminates \true;
    assigns b->data, b->len, b->cap, b->head, \at(b->data, Post)[0 .. \at(b->len, Post) - 1];
    ensures ok: mv_buf_ok(b);
    ensures len: b->len == \old(b->len) + src.len;
    ensures kept: \forall integer i; 0 <= i < \old(b->len) ==> b->data[i] == \old(b->data[i]);
    ensures added: \forall integer i; 0 <= i < src.len ==>
      b->data[\old(b->len) + i] == \old(*mv_item(src, i));
    ensures same_block: mv_buf_block(b) == \old(mv_buf_block(b));
*/
static void mv__append_compacted(mv_buf *b, mv_view src)
{
    mv__compact(b);
    /*@ assert src_kept: \forall integer i; 0 <= i < src.len ==>
          *mv_item(src, i) == \at(*mv_item(src, i), Pre); */
    //@ assert moved: mv_buf_kept{Pre, Here}(b);
    size_t old_len = b->len;
    //@ assert old_len == \at(b->len, Pre);
    b->len = old_len + src.len;
    mv__copy_in(b->data + old_len, src.len, src);
    /*@ assert added: \forall integer i; 0 <= i < src.len ==>
          b->data[old_len + i] == \at(*mv_item(src, i), Pre); */
    /*@ assert kept: \forall integer i; 0 <= i < old_len ==>
          b->data[i] == \at(b->data[i], Pre); */
    //@ assert same_block: mv_buf_block(b) == \at(mv_buf_block(b), Pre);
}

/* Appends src by moving the contents to a new block of at least len bytes
 * (at least twice the old block).  src may view the old block anywhere:
 * it is copied first, while the old bytes are still there, into a part of
 * the new block checked to share no byte with the old contents, which must
 * then still be intact.  malloc never returns a block that overlaps a live
 * one; checking it here lets the proof rely on nothing more than malloc
 * returning valid memory (were it ever to fail, the result is MV_ENOMEM
 * with the buffer unchanged).  MV_ENOMEM: unchanged. */
/*@ requires ok: \valid(b) && mv_buf_ok(b);
    requires src: mv_valid(src) && mv_live(src) && src.len >= 1;
    requires len: len == b->len + src.len && len <= PTRDIFF_MAX;
    terminates \true;
    assigns b->data, b->len, b->cap, b->head, \at(b->data, Post)[0 .. \at(b->len, Post) - 1],
            (b->data - b->head)[0 .. b->head + b->cap - 1];
    ensures result: \result == MV_OK || \result == MV_ENOMEM;
    ensures ok: mv_buf_ok(b) && b->exports == \old(b->exports);
    ensures appended: \result == MV_OK ==> mv_buf_appended{Pre, Post}(b, src);
    ensures wiped: mv_buf_wiped{Pre, Post}(b);
    ensures unchanged: \result == MV_ENOMEM ==> mv_buf_same{Pre, Post}(b);
*/
static mv_status mv__append_moved(mv_buf *b, mv_view src, size_t len)
{
    size_t old_len = b->len;
    size_t cap = mv__grown(b->head + b->cap, len);
    char *data = MV_MALLOC(cap);
    if (data == NULL)
        return MV_ENOMEM;
    char *old = b->data;
    char *block = mv__block(b);
    size_t block_size = b->head + b->cap;
    if ((old_len > 0 && !mv__blocks_apart(data + old_len, src.len, old, old_len)) ||
        !mv__may_replace(b, data, cap)) {
        MV_FREE(data);
        return MV_ENOMEM;
    }
    b->data = data;
    b->len = len;
    b->cap = cap;
    b->head = 0;
    mv__copy_in(data + old_len, src.len, src);
    if (old_len > 0) {
        mv_view contents = mv__whole(old, old_len, true);
        //@ assert contents.data == old && contents.stride == 1;
        //@ assert \forall integer i; 0 <= i < old_len ==> mv_item(contents, i) == old + i;
        mv__copy_in(data, old_len, contents);
    }
    /*@ assert kept: \forall integer i; 0 <= i < old_len ==>
          data[i] == \at(b->data[i], Pre); */
    mv__discard(block, block_size, b->secure);
    return MV_OK;
}

mv_status mv_buf_append(mv_buf *b, mv_view src)
{
    if (b == NULL)
        return MV_EINVAL;
    if (src.released)
        return MV_ERELEASED;
    if (b->exports > 0 || b->spare)
        return MV_EBUSY;
    if (src.len > MV_LEN_MAX - b->len)
        return MV_EOVERFLOW;
    if (src.len == 0)
        return MV_OK;
    mv_status status = MV_OK;
    if (src.len <= b->cap - b->len) {
        mv__append_in_place(b, src);
        //@ assert same_block: mv_buf_block(b) == \at(mv_buf_block(b), Pre);
    } else if (b->head >= b->len && src.len <= b->head + b->cap - b->len &&
               mv__apart_from_block(b, src)) {
        /* Room after compaction, which writes only the consumed prefix:
         * src must not view it. */
        mv__append_compacted(b, src);
        //@ assert same_block: mv_buf_block(b) == \at(mv_buf_block(b), Pre);
    } else {
        status = mv__append_moved(b, src, b->len + src.len);
        //@ assert wiped: mv_buf_wiped{Pre, Here}(b);
    }
    //@ assert appended: status == MV_OK ==> mv_buf_appended{Pre, Here}(b, src);
    return status;
}

mv_status mv_buf_export(mv_buf *b, bool readonly, mv_view *out)
{
    if (b == NULL || out == NULL)
        return MV_EINVAL;
    if (b->exports == SIZE_MAX)
        return MV_EOVERFLOW;
    mv_view v = mv__whole(b->data, b->len, readonly);
    v.owner = b;
    mv__store_view(out, v);
    b->exports++;
    return MV_OK;
}

/* Whether v is, field for field, what mv_buf_export returns for b: the
 * buffer it names first, so that two empty buffers' exports (no data,
 * length 0) are told apart. */
/*@ requires valid: \valid_read(b) && \valid_read(v);
    terminates \true;
    assigns \nothing;
    ensures result: \result == 1 <==> (v->released == 0 && mv_exported_view(b, *v));
*/
static bool mv__is_export_of(const mv_buf *b, const mv_view *v)
{
    if (v->owner != b || v->released || v->len != b->len || v->stride != 1)
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
    mv_view gone = { NULL, 0, 1, true, true, NULL };
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
    if (b->exports > 0 || b->spare)
        return MV_EBUSY;
    char *block = mv__block(b);
    size_t size = b->head + b->cap;
    //@ assert block: size > 0 ==> block == mv_buf_block(b);
    mv__discard(block, size, b->secure);
    /*@ assert wiped: b->secure && size > 0 ==>
          \forall integer i; 0 <= i < size ==> block[i] == 0; */
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->head = 0;
    return MV_OK;
}

mv_status mv_buf_reserve(mv_buf *b, size_t extra)
{
    if (b == NULL)
        return MV_EINVAL;
    if (b->exports > 0 || b->spare)
        return MV_EBUSY;
    if (extra > MV_LEN_MAX - b->len)
        return MV_EOVERFLOW;
    return mv__make_room(b, b->len + extra);
}

size_t mv_buf_cap(const mv_buf *b)
{
    return b == NULL ? 0 : b->cap;
}

mv_status mv_buf_clear(mv_buf *b)
{
    if (b == NULL)
        return MV_EINVAL;
    if (b->exports > 0 || b->spare)
        return MV_EBUSY;
    mv__empty(b);
    return MV_OK;
}

mv_status mv_buf_consume(mv_buf *b, size_t n)
{
    if (b == NULL)
        return MV_EINVAL;
    if (b->exports > 0 || b->spare)
        return MV_EBUSY;
    if (n > b->len)
        return MV_ERANGE;
    if (n == b->len) {
        mv__empty(b);
        return MV_OK;
    }
    /* 0 <= n < len <= cap: data + n stays inside the block. */
    b->data += n;
    b->len -= n;
    b->cap -= n;
    b->head += n;
    return MV_OK;
}

mv_status mv_buf_spare(mv_buf *b, size_t min, mv_view *spare)
{
    if (b == NULL || spare == NULL)
        return MV_EINVAL;
    if (b->exports > 0 || b->spare)
        return MV_EBUSY;
    if (min > MV_LEN_MAX - b->len)
        return MV_EOVERFLOW;
    mv_status status = mv__make_room(b, b->len + min);
    if (status != MV_OK)
        return status;
    size_t room = b->cap - b->len;
    /* No room: an empty view (no pointer arithmetic on a NULL data). */
    mv_view v = mv__whole(room > 0 ? b->data + b->len : NULL, room, false);
    v.owner = b;
    //@ assert fresh: mv_valid(v) && v.len == room && v.stride == 1 && v.released == 0 && v.readonly == 0;
    mv__store_view(spare, v);
    b->spare = true;
    //@ assert stored: spare->owner == b && spare->len == b->cap - b->len && spare->stride == 1;
    return MV_OK;
}

/* Whether v is, field for field, what mv_buf_spare returns for b. */
/*@ requires valid: \valid_read(b) && \valid_read(v) && mv_buf_ok(b);
    terminates \true;
    assigns \nothing;
    ensures result: \result == 1 <==> (v->released == 0 && mv_spare_view(b, *v));
*/
static bool mv__is_spare_of(const mv_buf *b, const mv_view *v)
{
    if (v->owner != b || v->released || v->len != b->cap - b->len || v->stride != 1)
        return false;
    return v->len == 0 ? v->data == NULL : v->data == b->data + b->len;
}

mv_status mv_buf_commit(mv_buf *b, mv_view *spare, size_t n)
{
    if (b == NULL || spare == NULL)
        return MV_EINVAL;
    if (spare->released)
        return MV_ERELEASED;
    if (!b->spare || !mv__is_spare_of(b, spare))
        return MV_EINVAL;
    if (b->exports > 0)
        return MV_EBUSY;
    if (n > spare->len)
        return MV_ERANGE;
    /* n <= cap - len: the committed bytes are spare bytes of the block. */
    b->len += n;
    b->spare = false;
    mv_view gone = mv__whole(NULL, 0, false);
    gone.readonly = true;
    gone.released = true;
    mv__store_view(spare, gone);
    return MV_OK;
}

/* mv_buf_wipe once the checks have passed: the buffer emptied, then its
 * whole block zeroed. */
/*@ requires ok: \valid(b) && mv_buf_ok(b);
    terminates \true;
    assigns b->data, b->len, b->cap, b->head,
            (b->data - b->head)[0 .. b->head + b->cap - 1];
    ensures cleared: mv_buf_ok(b) && b->len == 0 && b->head == 0;
    ensures kept: b->cap == \old(b->head) + \old(b->cap) &&
                  b->data == \old(b->data) - \old(b->head);
    ensures zero: \forall integer i; 0 <= i < \old(b->head) + \old(b->cap) ==>
                      \old(b->data)[i - \old(b->head)] == 0;
*/
static void mv__wipe(mv_buf *b)
{
    mv__empty(b);
    if (b->cap == 0)
        return;
    mv__wipe_bytes(b->data, b->cap);
}

mv_status mv_buf_wipe(mv_buf *b)
{
    if (b == NULL)
        return MV_EINVAL;
    if (b->exports > 0 || b->spare)
        return MV_EBUSY;
    mv__wipe(b);
    return MV_OK;
}

mv_status mv_buf_set_secure(mv_buf *b, bool on)
{
    if (b == NULL)
        return MV_EINVAL;
    b->secure = on;
    return MV_OK;
}
