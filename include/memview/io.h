/*
 * memview/io.h — zero-copy I/O: send and receive loops over a transport.
 *
 * Part of memview.h (include that); the rules stated there hold for every
 * function here.  This is the only memview header that pulls in POSIX
 * headers (ssize_t, struct iovec).
 */
#ifndef MEMVIEW_IO_H
#define MEMVIEW_IO_H

#include "../memview.h"

#ifdef __FRAMAC__
#include "memview_os.h"   /* the OS declarations the proof reads (trusted) */
#else
#include <sys/types.h>    /* ssize_t */
#include <sys/uio.h>      /* struct iovec */
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Zero-copy I/O                                                       */
/* ------------------------------------------------------------------ */
/*
 * A transport moves bytes like send(2) and recv(2), and optionally like
 * writev(2) (sendv) and readv(2) (recvv): each call returns the number of
 * bytes it moved (recv, recvv: 0 is the end of the stream) or -1 with
 * errno set.  A transport built with designated initializers that leave
 * sendv and recvv out (NULL) works with every loop.  mv_transport_fd wraps a file descriptor; memview_sim.h
 * provides a scripted one for tests.  The callbacks are the boundary of the
 * proof: the library assumes of them only what it assumes of send(2) and
 * recv(2) (they return, they touch no memory but the buffer given and
 * errno), and it checks every count they return.
 *
 * All five loops below send or receive without copying: the bytes go
 * straight from or into the view's memory.  For all five:
 *  - *sent / *received is the exact number of bytes moved, on every
 *    return, success or failure: resume with mv_advance(&v, *sent);
 *  - EINTR is retried, never reported (a transport interrupted more than
 *    MV_EINTR_RETRIES times in a row is reported as MV_ESYS with errno
 *    EINTR: that bound is what makes the loops provably terminate, and no
 *    real signal storm reaches it);
 *  - EAGAIN / EWOULDBLOCK is MV_EAGAIN, with the progress so far;
 *  - a transport that accepts 0 bytes of a non-empty send is MV_ECLOSED;
 *  - a transport that claims more bytes than it was given is MV_EINVAL,
 *    and the claim is not counted;
 *  - any other failure is MV_ESYS, with errno as the transport left it;
 *  - views must be contiguous (MV_ENOTCONTIG, like CPython's BufferError),
 *    receiving needs a writable view (MV_EREADONLY).
 * The contracts prove each of these: mv_io_answered (contracts/mv_io.acsl)
 * ties a status to the transport's last answer, kept for the proof in the
 * ghost record mv_io_last (what the call was given, what it returned, its
 * errno, the EINTR failures retried before it).
 */

typedef struct mv_transport {
    void *ctx;
    ssize_t (*send)(void *ctx, const void *buf, size_t len);            /* like send(2) */
    ssize_t (*recv)(void *ctx, void *buf, size_t len);                  /* like recv(2); 0 = end of stream */
    ssize_t (*sendv)(void *ctx, const struct iovec *iov, int iovcnt);   /* may be NULL */
    ssize_t (*recvv)(void *ctx, const struct iovec *iov, int iovcnt);   /* like readv(2); may be NULL */
} mv_transport;

/* Consecutive EINTR failures retried before giving up (see above). */
#define MV_EINTR_RETRIES 1000000u

#ifdef __FRAMAC__
#include "mv_io.acsl"     /* the predicates of the contracts below */
#endif

/* mv_transport_fd: a transport over a file descriptor.  On a socket it
 * uses send/recv/sendmsg with MSG_NOSIGNAL (a closed peer gives EPIPE, not
 * SIGPIPE), and readv; on any other descriptor (pipe, file, terminal) read,
 * write, writev and readv (writing to a pipe whose reader is gone raises SIGPIPE there, as
 * write(2) does: ignore the signal to get EPIPE).  The descriptor is not
 * owned: closing it is the caller's business. */
/*@ terminates \true;
    assigns __fc_errno;
    ensures functions: \result.send != \null && \result.recv != \null && \result.sendv != \null &&
                       \result.recvv != \null;
*/
mv_transport mv_transport_fd(int fd);

/* mv_send_all: sends every byte of v, resuming after short sends, without
 * copying (the seed's `while sent < len(m): sent += sock.send(m[sent:])`
 * without the copy).  MV_EINVAL: t or sent is NULL, or t->send is NULL.
 * MV_ERELEASED.  MV_ENOTCONTIG.  Then MV_OK (all sent), MV_EAGAIN,
 * MV_ECLOSED, MV_EINVAL (the last call claimed more than the v.len - *sent
 * bytes it was given: a complete send is never MV_EINVAL) or MV_ESYS, with
 * *sent exact. */
/*@ requires t_valid: t == \null || \valid_read(t);
    requires view: mv_valid(v);
    requires sent_valid: sent == \null || \valid(sent);
    terminates \true;
    assigns *sent, __fc_errno, mv_io_last;
    behavior bad_pointer:
      assumes !mv_io_send_args(t, sent);
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior released:
      assumes mv_io_send_args(t, sent) && v.released != 0;
      assigns *sent;
      ensures result: \result == MV_ERELEASED && *sent == 0;
    behavior not_contiguous:
      assumes mv_io_send_args(t, sent) && v.released == 0 && !mv_io_contiguous(v);
      assigns *sent;
      ensures result: \result == MV_ENOTCONTIG && *sent == 0;
    behavior sending:
      assumes mv_io_send_args(t, sent) && mv_io_sendable(v);
      assigns *sent, __fc_errno, mv_io_last;
      ensures result: \result == MV_OK || \result == MV_EAGAIN || \result == MV_ECLOSED ||
                      \result == MV_EINVAL || \result == MV_ESYS;
      ensures progress: *sent <= v.len;
      ensures done: \result == MV_OK <==> *sent == v.len;
      ensures given: \result != MV_OK ==> mv_io_last.given == v.len - *sent;
      ensures transport: mv_io_answered(\result);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_send_all(const mv_transport *t, mv_view v, size_t *sent);

/* mv_sendv_all: sends every byte of views[0 .. count-1], in order, with
 * vectored sends of at most IOV_MAX pieces (t->sendv; without it, view by
 * view with t->send), skipping empty views and resuming exactly inside a
 * partly sent view.  MV_EINVAL: t or sent is NULL, t has no send function,
 * or views is NULL with count > 0.  MV_ERELEASED: a view is released.
 * MV_ENOTCONTIG: a view is not contiguous.  MV_EOVERFLOW: the total length
 * does not fit in size_t.  Then as mv_send_all, *sent counting bytes across
 * all the views. */
/*@ requires t_valid: t == \null || \valid_read(t);
    requires views_valid: views == \null || count == 0 || \valid_read(views + (0 .. count - 1));
    requires each: views == \null || \forall integer i; 0 <= i < count ==> mv_valid(views[i]);
    requires sent_valid: sent == \null || \valid(sent);
    requires apart: sent == \null || views == \null || count == 0 ||
      \separated(sent, views + (0 .. count - 1));
    terminates \true;
    assigns *sent, __fc_errno, mv_io_last;
    behavior bad_pointer:
      assumes !mv_io_sendv_args(t, sent, views, count);
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior checked:
      assumes mv_io_sendv_args(t, sent, views, count);
      assigns *sent, __fc_errno, mv_io_last;
      ensures released: (\exists integer i; 0 <= i < count && views[i].released != 0) ==>
        \result == MV_ERELEASED && *sent == 0;
      ensures contiguous: (\forall integer i; 0 <= i < count ==> views[i].released == 0) &&
        (\exists integer i; 0 <= i < count && views[i].len > 1 && views[i].stride != 1) ==>
        \result == MV_ENOTCONTIG && *sent == 0;
      ensures result: \result == MV_OK || \result == MV_EAGAIN || \result == MV_ECLOSED ||
                      \result == MV_EINVAL || \result == MV_ESYS || \result == MV_ERELEASED ||
                      \result == MV_ENOTCONTIG || \result == MV_EOVERFLOW;
      ensures progress: *sent <= mv_total_len(views, count);
      ensures done: \result == MV_OK ==> *sent == mv_total_len(views, count);
      ensures transport: mv_io_answered(\result);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_sendv_all(const mv_transport *t, const mv_view *views, size_t count,
                                    size_t *sent);

/* mv_recv_into: socket.recv_into(v, nbytes): one receive (EINTR retried)
 * of at most nbytes bytes (0: the whole view) into the front of v.
 * *received == 0 with MV_OK means the end of the stream (or an empty
 * request).  MV_EINVAL: t or received is NULL, or t->recv is NULL.
 * MV_ERELEASED.  MV_EREADONLY.  MV_ENOTCONTIG.  MV_ERANGE: nbytes > len.
 * Then MV_OK, MV_EAGAIN, MV_EINVAL (over-claim) or MV_ESYS. */
/*@ requires t_valid: t == \null || \valid_read(t);
    requires view: mv_valid(v);
    requires received_valid: received == \null || \valid(received);
    requires apart: received == \null || v.len == 0 ||
      \separated(received, v.data + (mv_span_lo(v.len, v.stride) .. mv_span_hi(v.len, v.stride)));
    terminates \true;
    assigns *received, __fc_errno, mv_io_last, v.data[0 .. v.len - 1];
    behavior bad_pointer:
      assumes !mv_io_recv_args(t, received);
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior refused:
      assumes mv_io_recv_args(t, received) && !(mv_io_receivable(v) && nbytes <= v.len);
      assigns *received;
      ensures released: v.released != 0 ==> \result == MV_ERELEASED;
      ensures readonly: v.released == 0 && v.readonly != 0 ==> \result == MV_EREADONLY;
      ensures contiguous: v.released == 0 && v.readonly == 0 && v.len > 1 && v.stride != 1 ==>
        \result == MV_ENOTCONTIG;
      ensures range: v.released == 0 && v.readonly == 0 && !(v.len > 1 && v.stride != 1) ==>
        \result == MV_ERANGE;
      ensures nothing: *received == 0;
    behavior receiving:
      assumes mv_io_recv_args(t, received) && mv_io_receivable(v) && nbytes <= v.len;
      assigns *received, __fc_errno, mv_io_last, v.data[0 .. (nbytes == 0 ? v.len : nbytes) - 1];
      ensures result: \result == MV_OK || \result == MV_EAGAIN || \result == MV_EINVAL ||
                      \result == MV_ESYS;
      ensures progress: *received <= (nbytes == 0 ? v.len : nbytes);
      ensures failed: \result != MV_OK ==> *received == 0;
      ensures given: \result != MV_OK ==> mv_io_last.given == (nbytes == 0 ? v.len : nbytes);
      ensures transport: mv_io_answered(\result);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_recv_into(const mv_transport *t, mv_view v, size_t nbytes, size_t *received);

/* mv_recv_all: fills all of v with receives of at most chunk bytes each (0:
 * no limit): the seed's `while len(view): view = view[sock.recv_into(view,
 * chunk):]`.  MV_ECLOSED: the stream ended before v was full.  Statuses
 * otherwise as mv_recv_into (MV_OK: *received == len). */
/*@ requires t_valid: t == \null || \valid_read(t);
    requires view: mv_valid(v);
    requires received_valid: received == \null || \valid(received);
    requires apart: received == \null || v.len == 0 ||
      \separated(received, v.data + (mv_span_lo(v.len, v.stride) .. mv_span_hi(v.len, v.stride)));
    terminates \true;
    exits \false;
    assigns *received, __fc_errno, mv_io_last, v.data[0 .. v.len - 1];
    behavior bad_pointer:
      assumes !mv_io_recv_args(t, received);
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior refused:
      assumes mv_io_recv_args(t, received) && !mv_io_receivable(v);
      assigns *received;
      ensures released: v.released != 0 ==> \result == MV_ERELEASED;
      ensures readonly: v.released == 0 && v.readonly != 0 ==> \result == MV_EREADONLY;
      ensures contiguous: v.released == 0 && v.readonly == 0 ==> \result == MV_ENOTCONTIG;
      ensures nothing: *received == 0;
    behavior receiving:
      assumes mv_io_recv_args(t, received) && mv_io_receivable(v);
      assigns *received, __fc_errno, mv_io_last, v.data[0 .. v.len - 1];
      ensures result: \result == MV_OK || \result == MV_EAGAIN || \result == MV_ECLOSED ||
                      \result == MV_EINVAL || \result == MV_ESYS;
      ensures progress: *received <= v.len;
      ensures done: \result == MV_OK <==> *received == v.len;
      ensures given: \result != MV_OK ==> 1 <= mv_io_last.given <= v.len - *received;
      ensures transport: mv_io_answered(\result);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_recv_all(const mv_transport *t, mv_view v, size_t chunk, size_t *received);

/* mv_recvv_all: fills views[0 .. count-1], in order, each completely before
 * the next, with vectored receives (t->recvv), each given one piece per
 * view from the first byte not yet filled on, empty views included as
 * empty pieces, at most IOV_MAX pieces a call; without t->recvv, view by
 * view with mv_recv_all's loop on t->recv.  It resumes exactly inside a
 * partly filled view: the receiving twin of mv_sendv_all, and of a loop of
 * socket.recv_into over the views.  Every
 * view is checked before anything is received.  MV_EINVAL: t or received
 * is NULL, t has no receive function (recv nor recvv), or views is NULL
 * with count > 0.  MV_ERELEASED: a view is released.  MV_EREADONLY: a view
 * is read-only.  MV_ENOTCONTIG: a view is not contiguous.  MV_EOVERFLOW:
 * the total length does not fit in size_t.  These leave every view's bytes
 * unchanged, with *received == 0.  Then as mv_recv_all: MV_OK (all views
 * full), MV_EAGAIN, MV_ECLOSED (the stream ended first), MV_EINVAL (the last
 * call claimed more than it was given) or MV_ESYS, *received counting the
 * bytes across all the views (resume with the views from that byte on). */
/*@ requires t_valid: t == \null || \valid_read(t);
    requires views_valid: views == \null || count == 0 || \valid_read(views + (0 .. count - 1));
    requires each: views == \null || \forall integer i; 0 <= i < count ==> mv_valid(views[i]);
    requires received_valid: received == \null || \valid(received);
    requires apart: received == \null || views == \null || count == 0 ||
      \separated(received, views + (0 .. count - 1));
    requires apart_bytes: received == \null || views == \null ||
      \forall integer i; 0 <= i < count ==> views[i].len == 0 ||
        \separated(received, views[i].data + (mv_span_lo(views[i].len, views[i].stride) ..
                                              mv_span_hi(views[i].len, views[i].stride)));
    terminates \true;
    assigns *received, __fc_errno, mv_io_last,
      { views[i].data[j] | integer i, j; 0 <= i < count && 0 <= j < views[i].len };
    behavior bad_pointer:
      assumes !mv_io_recvv_args(t, received, views, count);
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior refused:
      assumes mv_io_recvv_args(t, received, views, count) && !mv_io_recvv_ok(views, count);
      assigns *received;
      ensures released: (\exists integer i; 0 <= i < count && views[i].released != 0) ==>
        \result == MV_ERELEASED;
      ensures readonly: (\forall integer i; 0 <= i < count ==> views[i].released == 0) &&
        (\exists integer i; 0 <= i < count && views[i].readonly != 0) ==> \result == MV_EREADONLY;
      ensures contiguous: (\forall integer i; 0 <= i < count ==>
                             views[i].released == 0 && views[i].readonly == 0) &&
        (\exists integer i; 0 <= i < count && views[i].len > 1 && views[i].stride != 1) ==>
        \result == MV_ENOTCONTIG;
      ensures overflow: (\forall integer i; 0 <= i < count ==> mv_io_receivable(views[i])) ==>
        \result == MV_EOVERFLOW;
      ensures nothing: *received == 0;
    behavior receiving:
      assumes mv_io_recvv_args(t, received, views, count) && mv_io_recvv_ok(views, count);
      assigns *received, __fc_errno, mv_io_last,
        { views[i].data[j] | integer i, j; 0 <= i < count && 0 <= j < views[i].len };
      ensures result: \result == MV_OK || \result == MV_EAGAIN || \result == MV_ECLOSED ||
                      \result == MV_EINVAL || \result == MV_ESYS;
      ensures progress: *received <= mv_total_len(views, count);
      ensures done: \result == MV_OK <==> *received == mv_total_len(views, count);
      ensures given: \result != MV_OK ==>
        1 <= mv_io_last.given <= mv_total_len(views, count) - *received;
      ensures transport: mv_io_answered(\result);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_recvv_all(const mv_transport *t, const mv_view *views, size_t count,
                                    size_t *received);

/* ------------------------------------------------------------------ */
/* Owner buffers meet transports                                       */
/* ------------------------------------------------------------------ */

/* mv_buf_recv: the growing form of socket.recv_into: one receive from t
 * into b's spare capacity, appended to the contents.  Room for at least
 * min_room bytes (0 counts as 1) is made first, by the growth policy of
 * memview/buf.h (geometric: a run of receives costs amortised O(1) per
 * byte); then one mv_recv_into of up to all of the spare capacity, and the
 * bytes received are committed (mv_buf_spare, mv_recv_into, mv_buf_commit
 * in one call, the spare view never leaving the function).
 * MV_EINVAL: t, b or received is NULL, or t->recv is NULL.  MV_EBUSY: the
 * buffer has exports or its spare view is out.  MV_EOVERFLOW: the length
 * plus the room would pass PTRDIFF_MAX.  Nothing changes on these.  Then
 * MV_ENOMEM (nothing changed), or the receive's own answer: MV_OK with
 * *received >= 1 bytes appended; MV_ECLOSED at the end of the stream;
 * MV_EAGAIN, MV_ESYS, MV_EINVAL (the transport claimed more than it was
 * given).  On every one of those *received is exact (0 on failure) and
 * the contents are unchanged but for the bytes appended; the block may
 * have grown even when the receive then failed (a secure buffer wipes the
 * block it outgrows, see mv_buf_set_secure). */
/*@ requires t_valid: t == \null || \valid_read(t);
    requires b_valid: b == \null || (\valid(b) && mv_buf_ok(b));
    requires received_valid: received == \null || \valid(received);
    requires apart: b == \null || received == \null || \separated(b, received);
    requires apart_transport: b == \null || t == \null || \separated(b, t);
    terminates \true;
    assigns *b, *received, __fc_errno, mv_io_last,
            \at(b->data, Post)[0 .. \at(b->len, Post) - 1],
            \at(b->data, Post)[0 .. \at(b->cap, Post) - 1],
            (b->data - b->head)[0 .. b->head + b->cap - 1];
    behavior bad_pointer:
      assumes !mv_io_recv_args(t, received) || b == \null;
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior busy:
      assumes mv_io_recv_args(t, received) && mv_buf_locked(b);
      assigns \nothing;
      ensures result: \result == MV_EBUSY;
    behavior too_long:
      assumes mv_io_recv_args(t, received) && mv_buf_unlocked(b) &&
              !mv_buf_can_grow(b, min_room == 0 ? 1 : min_room);
      assigns \nothing;
      ensures result: \result == MV_EOVERFLOW;
    behavior receiving:
      assumes mv_io_recv_args(t, received) && mv_buf_unlocked(b) &&
              mv_buf_can_grow(b, min_room == 0 ? 1 : min_room);
      assigns *b, *received, __fc_errno, mv_io_last,
              \at(b->data, Post)[0 .. \at(b->len, Post) - 1],
              \at(b->data, Post)[0 .. \at(b->cap, Post) - 1],
              (b->data - b->head)[0 .. b->head + b->cap - 1];
      ensures result: \result == MV_OK || \result == MV_ENOMEM || \result == MV_ECLOSED ||
                      \result == MV_EAGAIN || \result == MV_ESYS || \result == MV_EINVAL;
      ensures ok: mv_buf_ok(b) && mv_buf_unlocked(b);
      ensures appended: \result == MV_OK ==> 1 <= *received && b->len == \old(b->len) + *received;
      ensures failed: \result != MV_OK ==> *received == 0 && b->len == \old(b->len);
      ensures kept: \forall integer i; 0 <= i < \old(b->len) ==> b->data[i] == \old(b->data[i]);
      ensures wiped: mv_buf_wiped{Pre, Post}(b);
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_buf_recv(const mv_transport *t, mv_buf *b, size_t min_room,
                                   size_t *received);


#ifdef __cplusplus
}
#endif

#endif /* MEMVIEW_IO_H */
