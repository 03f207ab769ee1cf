/* mv_io.c — sending and receiving views without copying them.
 *
 * Module invariant: every transport call is given a pointer into the view
 * being sent or filled and a length that stays inside it; every count a
 * transport returns is checked against what it was given before it is
 * counted; the progress counters are written on every return.  Loops
 * terminate: each iteration either moves at least one byte or is one of at
 * most MV_EINTR_RETRIES consecutive interrupted calls.  Every transport
 * call is made by one step, mv__io_step, which turns the answer into a
 * status; the loops only count and resume.
 */
#define _XOPEN_SOURCE 700 /* IOV_MAX, sendmsg, MSG_NOSIGNAL */

#include "memview.h"

#include "mv_transport.h"
#include "mv_internal.h"

#ifndef __FRAMAC__
#include <errno.h>
#include <limits.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>
#endif

#ifndef IOV_MAX
#define IOV_MAX 1024
#endif

/* The proof's record of the last transport call (see mv_io.acsl). */
/*@ ghost mv_io_call_record mv_io_last; */

/* The pieces of one vectored send: IOV_MAX, kept to a stack-friendly size. */
#if IOV_MAX < 1024
#define MV_IOV_BATCH IOV_MAX
#else
#define MV_IOV_BATCH 1024
#endif

/* I/O needs the items to be consecutive bytes. */
/*@ terminates \true;
    exits \false;
    assigns \nothing;
    ensures result: \result == 1 <==> mv_io_contiguous(v);
*/
static bool mv__io_contiguous(mv_view v)
{
    return v.len <= 1 || v.stride == 1;
}

/* The checks of one view to send (writing false) or to receive into
 * (writing true), in the documented order. */
/*@ terminates \true;
    exits \false;
    assigns \nothing;
    ensures released: v.released != 0 ==> \result == MV_ERELEASED;
    ensures readonly: v.released == 0 && writing != 0 && v.readonly != 0 ==>
      \result == MV_EREADONLY;
    ensures contiguous: v.released == 0 && !(writing != 0 && v.readonly != 0) &&
      !mv_io_contiguous(v) ==> \result == MV_ENOTCONTIG;
    ensures ok: \result == MV_OK <==>
      v.released == 0 && !(writing != 0 && v.readonly != 0) && mv_io_contiguous(v);
*/
static mv_status mv__check_view(mv_view v, bool writing)
{
    if (v.released)
        return MV_ERELEASED;
    if (writing && v.readonly)
        return MV_EREADONLY;
    if (!mv__io_contiguous(v))
        return MV_ENOTCONTIG;
    return MV_OK;
}

/* The status of a failed transport call, from its errno. */
/*@ terminates \true;
    exits \false;
    assigns \nothing;
    ensures result: \result == mv_io_failure(err);
*/
static mv_status mv__failure(int err)
{
    return err == EAGAIN || err == EWOULDBLOCK ? MV_EAGAIN : MV_ESYS;
}

/* ------------------------------------------------- totals of view lists */

/* The total of views[0 .. k-1] never decreases with k and is never
 * negative.  mv_total_len is recursive: the solvers do not do induction,
 * so the ghost loop below walks it one view at a time. */
/*@ ghost
  /@ terminates \true;
     exits \false;
     assigns \nothing;
     ensures mono: \forall integer k; 0 <= k <= j ==>
       0 <= mv_total_len(views, k) <= mv_total_len(views, j);
  @/
  static void mv__lemma_total_mono(const mv_view *views, size_t j)
  {
    /@ loop invariant k: 0 <= k <= j;
       loop invariant mono: \forall integer m; 0 <= m <= k ==>
         0 <= mv_total_len(views, m) <= mv_total_len(views, k);
       loop assigns k;
       loop variant j - k;
    @/
    for (size_t k = 0; k < j; k++) {
      /@ assert step: mv_total_len(views, k + 1) == mv_total_len(views, k) + views[k].len; @/
      /@ assert len: views[k].len >= 0; @/
    }
  }
*/

/* *out = value, for a count kept next to a list of views.  A store
 * through out changes the memory the recursive mv_total_len reads, and
 * the solvers cannot see by themselves that the total stays the same: the
 * ghost loop shows it view by view, from the views being apart from out.
 * The views are ghost parameters: the compiled function is the store. */
/*@ requires out: \valid(out);
    requires apart: \separated(out, views + (0 .. count - 1));
    terminates \true;
    assigns *out;
    ensures stored: *out == value;
    ensures kept: mv_total_len(views, count) == \old(mv_total_len(views, count));
*/
static void mv__store_keeping_totals(size_t *out, size_t value) /*@ ghost (const mv_view *views, size_t count) */
{
    *out = value;
    /*@ ghost
      /@ loop invariant k: 0 <= k <= count;
         loop invariant kept: mv_total_len(views, k) == mv_total_len{Pre}(views, k);
         loop assigns k;
         loop variant count - k;
      @/
      for (size_t k = 0; k < count; k++) {
        /@ assert now: mv_total_len(views, k + 1) == mv_total_len(views, k) + views[k].len; @/
        /@ assert before: mv_total_len{Pre}(views, k + 1) ==
                          mv_total_len{Pre}(views, k) + views[k].len; @/
      }
    */
}

/* The same store, showing also that every view is unchanged: a refusal
 * then reports on the views exactly as they were checked. */
/*@ requires out: \valid(out);
    requires apart: \separated(out, views + (0 .. count - 1));
    terminates \true;
    assigns *out;
    ensures stored: *out == value;
    ensures kept: mv_total_len(views, count) == \old(mv_total_len(views, count));
    ensures views: \forall integer k; 0 <= k < count ==> views[k] == \old(views[k]);
*/
static void mv__store_keeping_views(size_t *out, size_t value) /*@ ghost (const mv_view *views, size_t count) */
{
    mv__store_keeping_totals(out, value) /*@ ghost (views, count) */;
}

/* ------------------------------------------------- the I/O step */

/* The four calls of a transport. */
typedef enum mv__io_kind { MV__IO_SEND, MV__IO_RECV, MV__IO_SENDV, MV__IO_RECVV } mv__io_kind;

/* One transport call: send the len bytes at out (MV__IO_SEND), receive at
 * most len bytes into in (MV__IO_RECV), send iovcnt pieces, len bytes in
 * all (MV__IO_SENDV), or receive into iovcnt pieces, len bytes of room in
 * all (MV__IO_RECVV: like a send, 0 bytes of a non-empty room is the end,
 * MV_ECLOSED).  The fields of the other kinds are left zero.
 * The pieces themselves travel beside the call, as a parameter iov (NULL
 * for the other kinds), and the contracts below state their validity
 * without a predicate.  Proof note: WP then models mv_sendv_all's iovec
 * array as an array of its own; an address stored in a struct or given to
 * a predicate puts it in the heap, where every write to it would hide from
 * the solvers that the recursive totals of the views are unchanged. */
typedef struct mv__io_call {
    mv__io_kind kind;
    const char *out;
    char *in;
    int iovcnt;
    size_t len;
} mv__io_call;

/*@ // c can be made through t: t has the function, and the bytes are valid.
    // (The pieces of a vectored send are required in the contracts below.)
    predicate mv_call_ok{L}(mv_transport *t, mv__io_call c) =
      \valid_read(t) && c.len >= 1 &&
      (c.kind == MV__IO_SEND || c.kind == MV__IO_RECV || c.kind == MV__IO_SENDV ||
       c.kind == MV__IO_RECVV) &&
      (c.kind == MV__IO_SEND ==> t->send != \null && \valid_read(c.out + (0 .. c.len - 1))) &&
      (c.kind == MV__IO_RECV ==> t->recv != \null && \valid(c.in + (0 .. c.len - 1))) &&
      (c.kind == MV__IO_SENDV ==> t->sendv != \null && 1 <= c.iovcnt <= MV_IOV_BATCH) &&
      (c.kind == MV__IO_RECVV ==> t->recvv != \null && 1 <= c.iovcnt <= MV_IOV_BATCH);

    // The bytes c may write: the room of a receive, none for a send.
    logic integer mv_call_room(mv__io_call c) = c.kind == MV__IO_RECV ? c.len : 0;
*/

/* Makes the call c (pieces iov) through t's function of its kind. */
/*@ requires call: mv_call_ok(t, c);
    requires pieces: c.kind == MV__IO_SENDV ==> \valid_read(iov + (0 .. c.iovcnt - 1)) &&
      \forall integer i; 0 <= i < c.iovcnt ==> iov[i].iov_len == 0 ||
        \valid_read((char *)iov[i].iov_base + (0 .. iov[i].iov_len - 1));
    requires rooms: c.kind == MV__IO_RECVV ==> \valid_read(iov + (0 .. c.iovcnt - 1)) &&
      \forall integer i; 0 <= i < c.iovcnt ==> iov[i].iov_len == 0 ||
        \valid((char *)iov[i].iov_base + (0 .. iov[i].iov_len - 1));
    terminates \true;
    exits \false;
    assigns __fc_errno, c.in[0 .. mv_call_room(c) - 1],
      { ((char *)iov[i].iov_base)[j] | integer i, j;
        c.kind == MV__IO_RECVV && 0 <= i < c.iovcnt && 0 <= j < iov[i].iov_len };
*/
static ssize_t mv__transport_call(const mv_transport *t, mv__io_call c, const struct iovec *iov)
{
    if (c.kind == MV__IO_SEND)
        return mv__call_send(t, c.out, c.len);
    if (c.kind == MV__IO_RECV)
        return mv__call_recv(t, c.in, c.len);
    if (c.kind == MV__IO_RECVV)
        return mv__call_recvv(t, iov, c.iovcnt);
    return mv__call_sendv(t, iov, c.iovcnt);
}

/* One step of every I/O loop: the call c (pieces iov), made again after
 * each EINTR (at most MV_EINTR_RETRIES times in a row), its answer checked
 * against the c.len bytes it was given:
 *   count > len                 MV_EINVAL (the over-claim is not counted)
 *   count == 0 of a send        MV_ECLOSED
 *   0 <= count <= len otherwise MV_OK, *moved = count (0: end of stream)
 *   count < 0, errno EAGAIN / EWOULDBLOCK   MV_EAGAIN
 *   count < 0, any other errno  MV_ESYS (EINTR only at the retry bound)
 * *moved is 0 unless MV_OK.  Any negative count is a failure with errno.
 * Proof: the ghost record mv_io_last is written after every call, so the
 * ensures clauses relate the status to the answer of the last call: each
 * branch below is pinned by one clause (the over-claim test by
 * "overclaim", the EINTR test by "retried"). */
/*@ requires call: mv_call_ok(t, c);
    requires pieces: c.kind == MV__IO_SENDV ==> \valid_read(iov + (0 .. c.iovcnt - 1)) &&
      \forall integer i; 0 <= i < c.iovcnt ==> iov[i].iov_len == 0 ||
        \valid_read((char *)iov[i].iov_base + (0 .. iov[i].iov_len - 1));
    requires rooms: c.kind == MV__IO_RECVV ==> \valid_read(iov + (0 .. c.iovcnt - 1)) &&
      \forall integer i; 0 <= i < c.iovcnt ==> iov[i].iov_len == 0 ||
        \valid((char *)iov[i].iov_base + (0 .. iov[i].iov_len - 1));
    requires out: \valid(moved) && \separated(moved, c.in + (0 .. mv_call_room(c) - 1));
    terminates \true;
    exits \false;
    assigns *moved, __fc_errno, mv_io_last, c.in[0 .. mv_call_room(c) - 1],
      { ((char *)iov[i].iov_base)[j] | integer i, j;
        c.kind == MV__IO_RECVV && 0 <= i < c.iovcnt && 0 <= j < iov[i].iov_len };
    ensures given: mv_io_last.given == c.len;
    ensures errno: mv_io_last.err == __fc_errno;
    ensures bound: mv_io_last.interrupted <= MV_EINTR_RETRIES;
    ensures ok: \result == MV_OK <==>
      0 <= mv_io_last.count <= c.len && (mv_io_last.count > 0 || c.kind == MV__IO_RECV);
    ensures overclaim: \result == MV_EINVAL <==> mv_io_last.count > c.len;
    ensures closed: \result == MV_ECLOSED <==> mv_io_last.count == 0 && c.kind != MV__IO_RECV;
    ensures failed: mv_io_last.count < 0 ==> \result == mv_io_failure(mv_io_last.err);
    ensures retried: mv_io_last.count < 0 && mv_io_last.err == EINTR ==>
      mv_io_last.interrupted == MV_EINTR_RETRIES;
    ensures moved: \result == MV_OK ==> *moved == mv_io_last.count;
    ensures none: \result != MV_OK ==> *moved == 0;
    ensures answered: mv_io_answered(\result);
*/
static mv_status mv__io_step(const mv_transport *t, mv__io_call c, const struct iovec *iov,
                             size_t *moved)
{
    *moved = 0;
    /*@ loop invariant tries: 0 <= interrupted <= MV_EINTR_RETRIES;
        loop invariant none: *moved == 0;
        loop assigns interrupted, __fc_errno, mv_io_last, c.in[0 .. mv_call_room(c) - 1],
          { ((char *)iov[i].iov_base)[j] | integer i, j;
          c.kind == MV__IO_RECVV && 0 <= i < c.iovcnt && 0 <= j < iov[i].iov_len };
        loop variant MV_EINTR_RETRIES - interrupted;
    */
    for (unsigned interrupted = 0;; interrupted++) {
        ssize_t r = mv__transport_call(t, c, iov);
        /*@ ghost
          mv_io_last.given = c.len;
          mv_io_last.count = r;
          mv_io_last.err = errno;
          mv_io_last.interrupted = interrupted;
        */
        if (r >= 0) {
            if ((size_t)r > c.len)
                return MV_EINVAL;
            if (r == 0 && c.kind != MV__IO_RECV)
                return MV_ECLOSED;
            *moved = (size_t)r;
            return MV_OK;
        }
        int err = errno;
        if (err != EINTR || interrupted == MV_EINTR_RETRIES)
            return mv__failure(err);
    }
}

/* ----------------------------------------------------------- the loops */

mv_status mv_send_all(const mv_transport *t, mv_view v, size_t *sent)
{
    if (t == NULL || sent == NULL || t->send == NULL)
        return MV_EINVAL;
    *sent = 0;
    mv_status status = mv__check_view(v, false);
    if (status != MV_OK)
        return status;
    size_t done = 0;
    /*@ loop invariant done: 0 <= done <= v.len;
        loop invariant counter: *sent == 0;
        loop assigns done, status, *sent, __fc_errno, mv_io_last;
        loop variant v.len - done;
    */
    while (done < v.len) {
        mv__io_call c = { .kind = MV__IO_SEND, .out = v.data + done, .len = v.len - done };
        size_t taken;
        status = mv__io_step(t, c, NULL, &taken);
        if (status != MV_OK) {
            *sent = done;
            return status;
        }
        done += taken;
    }
    *sent = done;
    return MV_OK;
}

mv_status mv_recv_into(const mv_transport *t, mv_view v, size_t nbytes, size_t *received)
{
    if (t == NULL || received == NULL || t->recv == NULL)
        return MV_EINVAL;
    *received = 0;
    mv_status status = mv__check_view(v, true);
    if (status != MV_OK)
        return status;
    if (nbytes > v.len)
        return MV_ERANGE;
    size_t want = nbytes == 0 ? v.len : nbytes;
    if (want == 0)
        return MV_OK;
    mv__io_call c = { .kind = MV__IO_RECV, .in = v.data, .len = want };
    return mv__io_step(t, c, NULL, received);
}

mv_status mv_recv_all(const mv_transport *t, mv_view v, size_t chunk, size_t *received)
{
    if (t == NULL || received == NULL || t->recv == NULL)
        return MV_EINVAL;
    *received = 0;
    mv_status status = mv__check_view(v, true);
    if (status != MV_OK)
        return status;
    size_t done = 0;
    /*@ loop invariant done: 0 <= done <= v.len;
        loop invariant counter: *received == 0;
        loop assigns done, status, *received, __fc_errno, mv_io_last, v.data[0 .. v.len - 1];
        loop variant v.len - done;
    */
    while (done < v.len) {
        size_t ask = v.len - done;
        if (chunk != 0 && chunk < ask)
            ask = chunk;
        mv__io_call c = { .kind = MV__IO_RECV, .in = v.data + done, .len = ask };
        size_t got;
        status = mv__io_step(t, c, NULL, &got);
        if (status != MV_OK) {
            *received = done;
            return status;
        }
        if (got == 0) {
            *received = done;
            return MV_ECLOSED;
        }
        done += got;
    }
    *received = done;
    return MV_OK;
}

/* ------------------------------------------------------ vectored sends */

/* The checks of every view, in the documented order: all for release,
 * then (receiving: writing true) all for writability, then all for
 * contiguity. */
/*@ requires views: count >= 1 && \valid_read(views + (0 .. count - 1));
    terminates \true;
    assigns \nothing;
    ensures released: (\exists integer i; 0 <= i < count && views[i].released != 0) ==>
      \result == MV_ERELEASED;
    ensures readonly: writing != 0 && (\forall integer i; 0 <= i < count ==> views[i].released == 0) &&
      (\exists integer i; 0 <= i < count && views[i].readonly != 0) ==> \result == MV_EREADONLY;
    ensures contiguous: (\forall integer i; 0 <= i < count ==>
                           views[i].released == 0 && !(writing != 0 && views[i].readonly != 0)) &&
      (\exists integer i; 0 <= i < count && views[i].len > 1 && views[i].stride != 1) ==>
      \result == MV_ENOTCONTIG;
    ensures result: \result == MV_OK || \result == MV_ERELEASED || \result == MV_ENOTCONTIG ||
                    (writing != 0 && \result == MV_EREADONLY);
    ensures ok: \result == MV_OK <==> \forall integer i; 0 <= i < count ==>
      mv_io_sendable(views[i]) && !(writing != 0 && views[i].readonly != 0);
*/
static mv_status mv__check_flags(const mv_view *views, size_t count, bool writing)
{
    /*@ loop invariant i: 0 <= i <= count;
        loop invariant live: \forall integer k; 0 <= k < i ==> views[k].released == 0;
        loop assigns i;
        loop variant count - i;
    */
    for (size_t i = 0; i < count; i++)
        if (views[i].released)
            return MV_ERELEASED;
    /*@ loop invariant i: 0 <= i <= count;
        loop invariant writable: \forall integer k; 0 <= k < i ==> !(writing != 0 && views[k].readonly != 0);
        loop assigns i;
        loop variant count - i;
    */
    for (size_t i = 0; i < count; i++)
        if (writing && views[i].readonly)
            return MV_EREADONLY;
    /*@ loop invariant i: 0 <= i <= count;
        loop invariant contiguous: \forall integer k; 0 <= k < i ==> mv_io_contiguous(views[k]);
        loop assigns i;
        loop variant count - i;
    */
    for (size_t i = 0; i < count; i++)
        if (!mv__io_contiguous(views[i]))
            return MV_ENOTCONTIG;
    return MV_OK;
}

/* *total = the total length of the views, when it fits in size_t. */
/*@ requires views: count >= 1 && \valid_read(views + (0 .. count - 1));
    requires out: \valid(total) && \separated(total, views + (0 .. count - 1));
    terminates \true;
    assigns *total;
    ensures result: \result == MV_OK || \result == MV_EOVERFLOW;
    ensures ok: \result == MV_OK <==> mv_total_len(views, count) <= SIZE_MAX;
    ensures total: \result == MV_OK ==> *total == mv_total_len(views, count);
    ensures kept: mv_total_len(views, count) == \old(mv_total_len(views, count));
*/
static mv_status mv__total_views(const mv_view *views, size_t count, size_t *total)
{
    //@ ghost mv__lemma_total_mono(views, count);
    size_t sum = 0;
    /*@ loop invariant i: 0 <= i <= count;
        loop invariant sum: sum == mv_total_len(views, i);
        loop assigns i, sum;
        loop variant count - i;
    */
    for (size_t i = 0; i < count; i++) {
        //@ assert step: mv_total_len(views, i + 1) == mv_total_len(views, i) + views[i].len;
        if (views[i].len > SIZE_MAX - sum)
            return MV_EOVERFLOW;
        sum += views[i].len;
    }
    mv__store_keeping_totals(total, sum) /*@ ghost (views, count) */;
    return MV_OK;
}

/* Checks every view up front, in the documented order, and totals their
 * lengths; views to receive into (writing true) must be writable. */
/*@ requires views: count >= 1 && \valid_read(views + (0 .. count - 1));
    requires out: \valid(total) && \separated(total, views + (0 .. count - 1));
    terminates \true;
    assigns *total;
    ensures released: (\exists integer i; 0 <= i < count && views[i].released != 0) ==>
      \result == MV_ERELEASED;
    ensures readonly: writing != 0 && (\forall integer i; 0 <= i < count ==> views[i].released == 0) &&
      (\exists integer i; 0 <= i < count && views[i].readonly != 0) ==> \result == MV_EREADONLY;
    ensures contiguous: (\forall integer i; 0 <= i < count ==>
                           views[i].released == 0 && !(writing != 0 && views[i].readonly != 0)) &&
      (\exists integer i; 0 <= i < count && views[i].len > 1 && views[i].stride != 1) ==>
      \result == MV_ENOTCONTIG;
    ensures result: \result == MV_OK || \result == MV_ERELEASED || \result == MV_ENOTCONTIG ||
                    \result == MV_EOVERFLOW || (writing != 0 && \result == MV_EREADONLY);
    ensures flags: (\forall integer i; 0 <= i < count ==>
      mv_io_sendable(views[i]) && !(writing != 0 && views[i].readonly != 0)) ==>
      \result == MV_OK || \result == MV_EOVERFLOW;
    ensures ok: \result == MV_OK ==>
      mv_total_len(views, count) <= SIZE_MAX && *total == mv_total_len(views, count) &&
      \forall integer i; 0 <= i < count ==>
        mv_io_sendable(views[i]) && !(writing != 0 && views[i].readonly != 0);
    ensures overflow: \result == MV_EOVERFLOW ==> mv_total_len(views, count) > SIZE_MAX;
    ensures kept: mv_total_len(views, count) == \old(mv_total_len(views, count));
*/
static mv_status mv__check_views(const mv_view *views, size_t count, bool writing, size_t *total)
{
    mv_status status = mv__check_flags(views, count, writing);
    if (status != MV_OK)
        return status;
    return mv__total_views(views, count, total);
}

/* A place in a list of views: byte off of view index; normalised, it is
 * either past the last view or inside a non-empty one. */
typedef struct mv__place {
    size_t index;
    size_t off;
} mv__place;

/*@ predicate mv_place_ok{L}(mv_view *views, integer count, mv__place p) =
      0 <= p.index <= count &&
      (p.index < count ==> p.off < views[p.index].len) &&
      (p.index == count ==> p.off == 0);
    logic integer mv_place_pos{L}(mv_view *views, mv__place p) =
      mv_total_len(views, p.index) + p.off;
*/

/* Moves a place forward by n bytes, skipping empty views.  After the step
 * the remaining views describe exactly the old bytes from n on: the place
 * is n bytes further along the concatenation of the views. */
/*@ requires views: count >= 1 && \valid_read(views + (0 .. count - 1));
    requires place: p.index <= count && (p.index < count ==> p.off <= views[p.index].len) &&
                    (p.index == count ==> p.off == 0);
    requires room: n <= mv_total_len(views, count) - mv_place_pos(views, p);
    terminates \true;
    assigns \nothing;
    ensures moved: mv_place_pos(views, \result) == mv_place_pos(views, p) + n;
    ensures normal: mv_place_ok(views, count, \result);
*/
static mv__place mv__place_forward(const mv_view *views, size_t count, mv__place p, size_t n)
{
    mv__place q = p;
    size_t rest = n;
    /*@ loop invariant place: q.index <= count && (q.index < count ==> q.off <= views[q.index].len) &&
                              (q.index == count ==> q.off == 0);
        loop invariant moved: mv_place_pos(views, q) + rest == mv_place_pos(views, p) + n;
        loop invariant room: rest <= mv_total_len(views, count) - mv_place_pos(views, q);
        loop assigns q, rest;
        loop variant mv_total_len(views, count) - mv_place_pos(views, q) + (count - q.index);
    */
    while (q.index < count) {
        size_t left = views[q.index].len - q.off;
        if (rest < left) {
            q.off += rest;
            rest = 0;
            break;
        }
        rest -= left;
        q.index++;
        q.off = 0;
    }
    return q;
}

/* The iovecs for the views from place p on, at most MV_IOV_BATCH of them,
 * empty views skipped; *asked = their total length. */
/*@ requires views: count >= 1 && \valid_read(views + (0 .. count - 1));
    requires each: \forall integer i; 0 <= i < count ==>
      mv_valid(views[i]) && mv_io_sendable(views[i]);
    requires place: mv_place_ok(views, count, p) && p.index < count;
    requires sum: mv_total_len(views, count) <= SIZE_MAX;
    requires out: \valid(iov + (0 .. MV_IOV_BATCH - 1)) && \valid(asked);
    requires apart: \separated(iov + (0 .. MV_IOV_BATCH - 1), views + (0 .. count - 1), asked);
    terminates \true;
    assigns iov[0 .. MV_IOV_BATCH - 1], *asked;
    ensures pieces: 1 <= \result <= MV_IOV_BATCH;
    ensures bytes: \forall integer i; 0 <= i < \result ==> iov[i].iov_len >= 1 &&
      \valid_read((char *)iov[i].iov_base + (0 .. iov[i].iov_len - 1));
    ensures asked: 1 <= *asked <= \old(mv_total_len(views, count) - mv_place_pos(views, p));
*/
static int mv__fill_batch(const mv_view *views, size_t count, mv__place p, struct iovec *iov, size_t *asked);

/* The iovec for the bytes of a contiguous view from off on. */
/*@ requires view: mv_valid(v) && mv_io_contiguous(v);
    requires off: off < v.len;
    requires out: \valid(io);
    terminates \true;
    exits \false;
    assigns io->iov_base \from v.data, off;
    assigns io->iov_len \from v.len, off;
    ensures len: io->iov_len == v.len - off;
    ensures base: (char *)io->iov_base == v.data + off;
    ensures bytes: \valid_read((char *)io->iov_base + (0 .. io->iov_len - 1));
    ensures room: v.readonly == 0 ==> \valid((char *)io->iov_base + (0 .. io->iov_len - 1));
*/
static void mv__tail_iovec(struct iovec *io, mv_view v, size_t off)
{
    io->iov_base = v.data + off;
    io->iov_len = v.len - off;
}

static int mv__fill_batch(const mv_view *views, size_t count, mv__place p, struct iovec *iov, size_t *asked)
{
    int n = 0;
    size_t total = 0;
    size_t i = p.index;
    size_t off = p.off;
    //@ ghost mv__lemma_total_mono(views, count);
    /* The totals below are taken in the memory on entry (Pre): filling
     * iov, which is apart from the views, then cannot disturb them. */
    /*@ loop invariant n: 0 <= n <= MV_IOV_BATCH;
        loop invariant i: p.index <= i <= count;
        loop invariant first: n == 0 ==> i == p.index && off == p.off;
        loop invariant later: n > 0 ==> i > p.index && off == 0 && total >= 1;
        loop invariant total: total + mv_place_pos{Pre}(views, p) == mv_total_len{Pre}(views, i) + off;
        loop invariant filled: \forall integer k; 0 <= k < n ==> iov[k].iov_len >= 1 &&
          \valid_read((char *)iov[k].iov_base + (0 .. iov[k].iov_len - 1));
        loop invariant views: \forall integer k; 0 <= k < count ==>
          mv_valid(views[k]) && mv_io_contiguous(views[k]) &&
          views[k].len == \at(views[k].len, Pre);
        loop assigns n, total, i, off, iov[0 .. MV_IOV_BATCH - 1];
        loop variant count - i;
    */
    while (i < count && n < MV_IOV_BATCH) {
        size_t len = views[i].len - off;
        if (len > 0) {
            mv__tail_iovec(&iov[n], views[i], off);
            n++;
        }
        //@ assert step: mv_total_len{Pre}(views, i + 1) == mv_total_len{Pre}(views, i) + views[i].len;
        total += len;
        i++;
        off = 0;
    }
    *asked = total;
    return n;
}

/* What sending one view moved.  Returned by value: the loop over the views
 * then stores nothing in memory until it returns, so the total of the
 * views it is proven against stays the same memory term throughout. */
typedef struct mv__moved {
    mv_status status;
    size_t bytes;
} mv__moved;

/* One view of a list, sent whole with mv_send_all. */
/*@ requires transport: \valid_read(t) && t->send != \null;
    requires view: mv_valid(v) && mv_io_sendable(v);
    terminates \true;
    assigns __fc_errno, mv_io_last;
    ensures result: \result.status == MV_OK || \result.status == MV_EAGAIN ||
                    \result.status == MV_ECLOSED || \result.status == MV_EINVAL ||
                    \result.status == MV_ESYS;
    ensures progress: \result.bytes <= v.len;
    ensures done: \result.status == MV_OK ==> \result.bytes == v.len;
    ensures transport: mv_io_answered(\result.status);
*/
static mv__moved mv__send_view(const mv_transport *t, mv_view v)
{
    size_t bytes;
    mv_status status = mv_send_all(t, v, &bytes);
    mv__moved r = { status, bytes };
    return r;
}

/* Views one after another with t->send: no sendv to batch them. */
/*@ requires transport: \valid_read(t) && t->send != \null;
    requires views: count >= 1 && \valid_read(views + (0 .. count - 1));
    requires each: \forall integer i; 0 <= i < count ==>
      mv_valid(views[i]) && mv_io_sendable(views[i]);
    requires total: mv_total_len(views, count) <= SIZE_MAX;
    requires out: \valid(sent) && \separated(sent, views + (0 .. count - 1));
    terminates \true;
    assigns *sent, __fc_errno, mv_io_last;
    ensures result: \result == MV_OK || \result == MV_EAGAIN || \result == MV_ECLOSED ||
                    \result == MV_EINVAL || \result == MV_ESYS;
    ensures progress: *sent <= mv_total_len(views, count);
    ensures done: \result == MV_OK ==> *sent == mv_total_len(views, count);
    ensures transport: mv_io_answered(\result);
*/
static mv_status mv__send_each(const mv_transport *t, const mv_view *views, size_t count, size_t *sent)
{
    size_t done = 0;
    //@ ghost mv__lemma_total_mono(views, count);
    /*@ loop invariant i: 0 <= i <= count;
        loop invariant done: done == mv_total_len(views, i);
        loop assigns i, done, __fc_errno, mv_io_last;
        loop variant count - i;
    */
    for (size_t i = 0; i < count; i++) {
        mv__moved part = mv__send_view(t, views[i]);
        //@ assert step: mv_total_len(views, i + 1) == mv_total_len(views, i) + views[i].len;
        if (part.status != MV_OK) {
            mv__store_keeping_totals(sent, done + part.bytes) /*@ ghost (views, count) */;
            return part.status;
        }
        done += part.bytes;
    }
    mv__store_keeping_totals(sent, done) /*@ ghost (views, count) */;
    return MV_OK;
}

mv_status mv_sendv_all(const mv_transport *t, const mv_view *views, size_t count, size_t *sent)
{
    if (t == NULL || sent == NULL || (t->send == NULL && t->sendv == NULL) ||
        (views == NULL && count > 0))
        return MV_EINVAL;
    *sent = 0;
    if (count == 0)
        return MV_OK;
    //@ ghost mv__lemma_total_mono(views, count);
    size_t total;
    mv_status status = mv__check_views(views, count, false, &total);
    if (status != MV_OK)
        return status;
    if (t->sendv == NULL)
        return mv__send_each(t, views, count, sent);
    mv__place here = mv__place_forward(views, count, (mv__place){ 0, 0 }, 0);
    size_t done = 0;
    struct iovec iov[MV_IOV_BATCH];
    /*@ loop invariant place: mv_place_ok(views, count, here);
        loop invariant done: done == mv_place_pos(views, here) && done <= total;
        loop invariant counter: *sent == 0;
        loop assigns here, done, iov[0 .. MV_IOV_BATCH - 1], *sent, __fc_errno, mv_io_last;
        loop variant total - done;
    */
    while (here.index < count) {
        size_t asked;
        int pieces = mv__fill_batch(views, count, here, iov, &asked);
        mv__io_call c = { .kind = MV__IO_SENDV, .iovcnt = pieces, .len = asked };
        size_t accepted;
        /* A status of this iteration only: the loop assigns nothing else. */
        mv_status outcome = mv__io_step(t, c, iov, &accepted);
        if (outcome != MV_OK) {
            mv__store_keeping_totals(sent, done) /*@ ghost (views, count) */;
            return outcome;
        }
        here = mv__place_forward(views, count, here, accepted);
        done += accepted;
    }
    mv__store_keeping_totals(sent, done) /*@ ghost (views, count) */;
    return MV_OK;
}

/* ---------------------------------------------------- vectored receives */

/*@ // Where piece k of a receive batch from place p starts in its view,
    // view p.index + k: the first one at p.off, the others at their start.
    logic integer mv_piece_off(mv__place p, integer k) = k == 0 ? p.off : 0;
*/

/* The piece of a receive for the bytes of a writable contiguous view from
 * off on: empty at the end of the view, its address then never used (no
 * arithmetic on it: an empty view's data may be NULL).  Returned by value:
 * the batch below keeps its pieces in an array of its own. */
/*@ requires view: mv_valid(v) && mv_io_receivable(v);
    requires off: off <= v.len;
    terminates \true;
    exits \false;
    assigns \nothing;
    ensures len: \result.iov_len == v.len - off;
    ensures base: \result.iov_len == 0 || (char *)\result.iov_base == v.data + off;
    ensures room: \result.iov_len == 0 ||
      \valid((char *)\result.iov_base + (0 .. \result.iov_len - 1));
*/
static struct iovec mv__room_piece(mv_view v, size_t off)
{
    struct iovec io;
    if (off < v.len) {
        mv__tail_iovec(&io, v, off);
    } else {
        io.iov_base = v.data;
        io.iov_len = 0;
    }
    return io;
}

/* View i of a list, filled whole with mv_recv_all.  Taking the list and
 * the index (not the view) names the bytes it writes as the caller names
 * them, views[i].data[...]. */
/*@ requires transport: \valid_read(t) && t->recv != \null;
    requires view: \valid_read(views + i) && mv_valid(views[i]) && mv_io_receivable(views[i]);
    terminates \true;
    exits \false;
    assigns __fc_errno, mv_io_last, views[i].data[0 .. views[i].len - 1];
    ensures result: \result.status == MV_OK || \result.status == MV_EAGAIN ||
                    \result.status == MV_ECLOSED || \result.status == MV_EINVAL ||
                    \result.status == MV_ESYS;
    ensures progress: \result.bytes <= views[i].len;
    ensures done: \result.status == MV_OK <==> \result.bytes == views[i].len;
    ensures given: \result.status != MV_OK ==>
      1 <= mv_io_last.given <= views[i].len - \result.bytes;
    ensures transport: mv_io_answered(\result.status);
*/
static mv__moved mv__recv_view(const mv_transport *t, const mv_view *views, size_t i)
{
    size_t bytes;
    mv_status status = mv_recv_all(t, views[i], 0, &bytes);
    mv__moved r = { status, bytes };
    return r;
}

/* Views one after another with t->recv: no recvv to batch them. */
/*@ requires transport: \valid_read(t) && t->recv != \null;
    requires views: count >= 1 && \valid_read(views + (0 .. count - 1));
    requires each: \forall integer i; 0 <= i < count ==>
      mv_valid(views[i]) && mv_io_receivable(views[i]);
    requires total: mv_total_len(views, count) <= SIZE_MAX;
    requires out: \valid(received) && \separated(received, views + (0 .. count - 1));
    terminates \true;
    assigns *received, __fc_errno, mv_io_last, { views[i].data[j] | integer i, j; 0 <= i < count && 0 <= j < views[i].len };
    ensures result: \result == MV_OK || \result == MV_EAGAIN || \result == MV_ECLOSED ||
                    \result == MV_EINVAL || \result == MV_ESYS;
    ensures progress: *received <= mv_total_len(views, count);
    ensures done: \result == MV_OK <==> *received == mv_total_len(views, count);
    ensures given: \result != MV_OK ==>
      1 <= mv_io_last.given <= mv_total_len(views, count) - *received;
    ensures transport: mv_io_answered(\result);
*/
static mv_status mv__recv_each(const mv_transport *t, const mv_view *views, size_t count,
                               size_t *received)
{
    size_t done = 0;
    //@ ghost mv__lemma_total_mono(views, count);
    /*@ loop invariant i: 0 <= i <= count;
        loop invariant done: done == mv_total_len(views, i);
        loop assigns i, done, __fc_errno, mv_io_last, { views[i].data[j] | integer i, j; 0 <= i < count && 0 <= j < views[i].len };
        loop variant count - i;
    */
    for (size_t i = 0; i < count; i++) {
        /*@ assert mine: \forall integer j; 0 <= j < views[i].len ==>
              \exists integer m, o; 0 <= m < count && 0 <= o < views[m].len &&
                views[i].data + j == views[m].data + o;
        */
        mv__moved part = mv__recv_view(t, views, i);
        //@ assert step: mv_total_len(views, i + 1) == mv_total_len(views, i) + views[i].len;
        if (part.status != MV_OK) {
            mv__store_keeping_totals(received, done + part.bytes) /*@ ghost (views, count) */;
            return part.status;
        }
        done += part.bytes;
    }
    mv__store_keeping_totals(received, done) /*@ ghost (views, count) */;
    return MV_OK;
}

/* One vectored receive into the views from place p on, given one piece
 * per view (empty views included, as empty pieces), at most MV_IOV_BATCH
 * of them.  Piece k is exactly the rest of view p.index + k: every byte
 * the call may write is a byte of a view.  The pieces are an array of this
 * function's own, so that filling it leaves the views' memory as it is. */
/*@ requires transport: \valid_read(t) && t->recvv != \null;
    requires views: count >= 1 && \valid_read(views + (0 .. count - 1));
    requires each: \forall integer i; 0 <= i < count ==>
      mv_valid(views[i]) && mv_io_receivable(views[i]);
    requires place: mv_place_ok(views, count, p) && p.index < count;
    requires sum: mv_total_len(views, count) <= SIZE_MAX;
    terminates \true;
    exits \false;
    assigns __fc_errno, mv_io_last,
      { views[i].data[j] | integer i, j; 0 <= i < count && 0 <= j < views[i].len };
    ensures result: \result.status == MV_OK || \result.status == MV_EAGAIN ||
                    \result.status == MV_ECLOSED || \result.status == MV_EINVAL ||
                    \result.status == MV_ESYS;
    ensures given: 1 <= mv_io_last.given <=
      \old(mv_total_len(views, count) - mv_place_pos(views, p));
    ensures moved: \result.status == MV_OK ==> 1 <= \result.bytes <= mv_io_last.given;
    ensures transport: mv_io_answered(\result.status);
*/
static mv__moved mv__recv_batch(const mv_transport *t, const mv_view *views, size_t count, mv__place p)
{
    struct iovec iov[MV_IOV_BATCH];
    int n = 0;
    size_t total = 0;
    size_t i = p.index;
    size_t off = p.off;
    //@ ghost mv__lemma_total_mono(views, count);
    /*@ loop invariant n: 0 <= n <= MV_IOV_BATCH && i == p.index + n;
        loop invariant i: p.index <= i <= count;
        loop invariant off: off == mv_piece_off(p, n) && (i < count ==> off <= views[i].len);
        loop invariant total: total + mv_place_pos(views, p) == mv_total_len(views, i) + off;
        loop invariant some: n > 0 ==> total >= 1;
        loop invariant lens: \forall integer k; 0 <= k < n ==>
          iov[k].iov_len == views[p.index + k].len - mv_piece_off(p, k);
        loop invariant bases: \forall integer k; 0 <= k < n ==> iov[k].iov_len == 0 ||
          (char *)iov[k].iov_base == views[p.index + k].data + mv_piece_off(p, k);
        loop invariant rooms: \forall integer k; 0 <= k < n ==> iov[k].iov_len == 0 ||
          \valid((char *)iov[k].iov_base + (0 .. iov[k].iov_len - 1));
        loop assigns n, total, i, off, iov[0 .. MV_IOV_BATCH - 1];
        loop variant count - i;
    */
    while (i < count && n < MV_IOV_BATCH) {
        iov[n] = mv__room_piece(views[i], off);
        //@ assert step: mv_total_len(views, i + 1) == mv_total_len(views, i) + views[i].len;
        total += views[i].len - off;
        n++;
        i++;
        off = 0;
    }
    /*@ assert within: \forall integer k, j; 0 <= k < n && 0 <= j < iov[k].iov_len ==>
          p.index + k < count && 0 <= mv_piece_off(p, k) + j < views[p.index + k].len &&
          (char *)iov[k].iov_base + j == views[p.index + k].data + (mv_piece_off(p, k) + j);
    */
    mv__io_call c = { .kind = MV__IO_RECVV, .iovcnt = n, .len = total };
    size_t got;
    mv_status status = mv__io_step(t, c, iov, &got);
    mv__moved r = { status, got };
    return r;
}

/* Views filled by vectored receives with t->recvv, batch after batch. */
/*@ requires transport: \valid_read(t) && t->recvv != \null;
    requires views: count >= 1 && \valid_read(views + (0 .. count - 1));
    requires each: \forall integer i; 0 <= i < count ==>
      mv_valid(views[i]) && mv_io_receivable(views[i]);
    requires total: mv_total_len(views, count) <= SIZE_MAX;
    requires out: \valid(received) && \separated(received, views + (0 .. count - 1));
    terminates \true;
    assigns *received, __fc_errno, mv_io_last, { views[i].data[j] | integer i, j; 0 <= i < count && 0 <= j < views[i].len };
    ensures result: \result == MV_OK || \result == MV_EAGAIN || \result == MV_ECLOSED ||
                    \result == MV_EINVAL || \result == MV_ESYS;
    ensures progress: *received <= mv_total_len(views, count);
    ensures done: \result == MV_OK <==> *received == mv_total_len(views, count);
    ensures given: \result != MV_OK ==>
      1 <= mv_io_last.given <= mv_total_len(views, count) - *received;
    ensures transport: mv_io_answered(\result);
*/
static mv_status mv__recv_batches(const mv_transport *t, const mv_view *views, size_t count,
                                  size_t *received)
{
    //@ ghost mv__lemma_total_mono(views, count);
    mv__place here = mv__place_forward(views, count, (mv__place){ 0, 0 }, 0);
    size_t done = 0;
    /*@ loop invariant place: mv_place_ok(views, count, here);
        loop invariant done: done == mv_place_pos(views, here) && done <= mv_total_len(views, count);
        loop assigns here, done, __fc_errno, mv_io_last,
          { views[i].data[j] | integer i, j; 0 <= i < count && 0 <= j < views[i].len };
        loop variant mv_total_len(views, count) - done;
    */
    while (here.index < count) {
        //@ assert inside: mv_total_len(views, here.index + 1) == mv_total_len(views, here.index) + views[here.index].len;
        mv__moved batch = mv__recv_batch(t, views, count, here);
        if (batch.status != MV_OK) {
            mv__store_keeping_totals(received, done) /*@ ghost (views, count) */;
            return batch.status;
        }
        here = mv__place_forward(views, count, here, batch.bytes);
        done += batch.bytes;
    }
    mv__store_keeping_totals(received, done) /*@ ghost (views, count) */;
    return MV_OK;
}

mv_status mv_recvv_all(const mv_transport *t, const mv_view *views, size_t count, size_t *received)
{
    if (t == NULL || received == NULL || (t->recv == NULL && t->recvv == NULL) ||
        (views == NULL && count > 0))
        return MV_EINVAL;
    /* Written first, keeping the views as they are: the checks below then
     * speak of the views exactly as the caller gave them. */
    mv__store_keeping_views(received, 0) /*@ ghost (views, count) */;
    if (count == 0) {
        //@ assert none: \at(mv_io_recvv_ok(views, count), Pre);
        return MV_OK;
    }
    size_t total;
    mv_status status = mv__check_views(views, count, true, &total);
    if (status != MV_OK)
        return status;
    //@ assert checked: \at(mv_io_recvv_ok(views, count), Pre);
    /* Each loop writes *received again on every return. */
    if (t->recvv == NULL)
        return mv__recv_each(t, views, count, received);
    return mv__recv_batches(t, views, count, received);
}

/* --------------------------------------------------- descriptor transport */

/*@ requires bytes: len == 0 || \valid_read((char *)buf + (0 .. len - 1));
    terminates \true;
    assigns \result, __fc_errno;
*/
static ssize_t mv__sock_send(void *ctx, const void *buf, size_t len)
{
    int fd = mv__ctx_fd(ctx);
    return send(fd, buf, len, MSG_NOSIGNAL);
}

/*@ requires bytes: len == 0 || \valid((char *)buf + (0 .. len - 1));
    terminates \true;
    assigns ((char *)buf)[0 .. len - 1], \result, __fc_errno;
*/
static ssize_t mv__sock_recv(void *ctx, void *buf, size_t len)
{
    int fd = mv__ctx_fd(ctx);
    return recv(fd, buf, len, 0);
}

/*@ requires vector: 1 <= iovcnt <= IOV_MAX && \valid_read(iov + (0 .. iovcnt - 1));
    requires bytes: \forall integer i; 0 <= i < iovcnt ==> iov[i].iov_len == 0 ||
      \valid_read((char *)iov[i].iov_base + (0 .. iov[i].iov_len - 1));
    terminates \true;
    assigns \result, __fc_errno;
*/
static ssize_t mv__sock_sendv(void *ctx, const struct iovec *iov, int iovcnt)
{
    int fd = mv__ctx_fd(ctx);
    struct msghdr msg = { 0 };
    /* sendmsg does not write through msg_iov; POSIX just does not say const. */
    msg.msg_iov = (struct iovec *)iov;
    msg.msg_iovlen = (size_t)iovcnt;
    return sendmsg(fd, &msg, MSG_NOSIGNAL);
}

/*@ requires bytes: len == 0 || \valid_read((char *)buf + (0 .. len - 1));
    terminates \true;
    assigns \result, __fc_errno;
*/
static ssize_t mv__file_write(void *ctx, const void *buf, size_t len)
{
    int fd = mv__ctx_fd(ctx);
    return write(fd, buf, len);
}

/*@ requires bytes: len == 0 || \valid((char *)buf + (0 .. len - 1));
    terminates \true;
    assigns ((char *)buf)[0 .. len - 1], \result, __fc_errno;
*/
static ssize_t mv__file_read(void *ctx, void *buf, size_t len)
{
    int fd = mv__ctx_fd(ctx);
    return read(fd, buf, len);
}

/*@ requires vector: 1 <= iovcnt <= IOV_MAX && \valid_read(iov + (0 .. iovcnt - 1));
    requires bytes: \forall integer i; 0 <= i < iovcnt ==> iov[i].iov_len == 0 ||
      \valid_read((char *)iov[i].iov_base + (0 .. iov[i].iov_len - 1));
    terminates \true;
    assigns \result, __fc_errno;
*/
static ssize_t mv__file_writev(void *ctx, const struct iovec *iov, int iovcnt)
{
    int fd = mv__ctx_fd(ctx);
    return writev(fd, iov, iovcnt);
}

/*@ requires vector: 1 <= iovcnt <= IOV_MAX && \valid_read(iov + (0 .. iovcnt - 1));
    requires bytes: \forall integer i; 0 <= i < iovcnt ==> iov[i].iov_len == 0 ||
      \valid((char *)iov[i].iov_base + (0 .. iov[i].iov_len - 1));
    terminates \true;
    assigns { ((char *)iov[i].iov_base)[j] | integer i, j; 0 <= i < iovcnt && 0 <= j < iov[i].iov_len },
      \result, __fc_errno;
*/
static ssize_t mv__fd_readv(void *ctx, const struct iovec *iov, int iovcnt)
{
    int fd = mv__ctx_fd(ctx);
    return readv(fd, iov, iovcnt);
}

mv_transport mv_transport_fd(int fd)
{
    struct stat st;
    /* The context carries the descriptor itself (mv__ctx_fd takes it
     * back out). */
    void *ctx = mv__fd_ctx(fd);
    if (fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode)) {
        mv_transport t = { ctx, mv__sock_send, mv__sock_recv, mv__sock_sendv, mv__fd_readv };
        return t;
    }
    mv_transport t = { ctx, mv__file_write, mv__file_read, mv__file_writev, mv__fd_readv };
    return t;
}
