/* memview_transport.h — the calls into a transport's callbacks.
 *
 * A transport's send, recv and sendv are code the library does not contain
 * (the caller's, the simulated socket's, or the descriptor wrappers of
 * mv_io.c), reached through function pointers.  WP cannot follow a call
 * through a pointer to unknown code, so each such call is made here, in a
 * one-line function.  When Frama-C reads the sources (__FRAMAC__) these are
 * declarations whose contracts are the trusted assumptions about a
 * transport: it returns, it reads or writes no memory but the buffer it was
 * given (and errno), and it may return any count at all, which the
 * library checks.  README.md lists them with the other trusted contracts.
 */
#ifndef MEMVIEW_TRANSPORT_H
#define MEMVIEW_TRANSPORT_H

#include "memview.h"
#include "memview_sim.h"

#ifdef __FRAMAC__

/*@ requires transport: \valid_read(t) && t->send != \null;
    requires bytes: len >= 1 && \valid_read(buf + (0 .. len - 1));
    terminates \true;
    assigns \result, __fc_errno \from t->ctx, buf[0 .. len - 1], len;
*/
ssize_t mv__call_send(const mv_transport *t, const char *buf, size_t len);

/*@ requires transport: \valid_read(t) && t->recv != \null;
    requires bytes: len >= 1 && \valid(buf + (0 .. len - 1));
    terminates \true;
    assigns buf[0 .. len - 1], \result, __fc_errno \from t->ctx, len;
*/
ssize_t mv__call_recv(const mv_transport *t, char *buf, size_t len);

/*@ requires transport: \valid_read(t) && t->sendv != \null;
    requires vector: 1 <= iovcnt <= IOV_MAX && \valid_read(iov + (0 .. iovcnt - 1));
    requires bytes: \forall integer i; 0 <= i < iovcnt ==> iov[i].iov_len == 0 ||
      \valid_read((char *)iov[i].iov_base + (0 .. iov[i].iov_len - 1));
    terminates \true;
    assigns \result, __fc_errno \from t->ctx, iov[0 .. iovcnt - 1], iovcnt;
*/
ssize_t mv__call_sendv(const mv_transport *t, const struct iovec *iov, int iovcnt);

/* The simulator's callbacks: they turn the transport's void * context back
 * into the mv_sim it is (a conversion WP does not follow) and call the
 * proven mv_sim_send, mv_sim_recv and mv_sim_sendv.  No proven code calls
 * them directly: the library reaches them through mv__call_*. */
/*@ terminates \true;
    assigns \result, __fc_errno, *(mv_sim *)ctx,
      ((mv_sim *)ctx)->sent[0 .. ((mv_sim *)ctx)->sent_cap - 1];
*/
ssize_t mv__sim_send_cb(void *ctx, const void *buf, size_t len);
/*@ terminates \true;
    assigns \result, __fc_errno, *(mv_sim *)ctx, ((char *)buf)[0 .. len - 1];
*/
ssize_t mv__sim_recv_cb(void *ctx, void *buf, size_t len);
/*@ terminates \true;
    assigns \result, __fc_errno, *(mv_sim *)ctx,
      ((mv_sim *)ctx)->sent[0 .. ((mv_sim *)ctx)->sent_cap - 1];
*/
ssize_t mv__sim_sendv_cb(void *ctx, const struct iovec *iov, int iovcnt);

/* A descriptor kept in a transport's void * context, and back: an integer
 * in a pointer (implementation-defined, exact on the platforms memview
 * supports).  Any int may come back; the system calls reject bad ones. */
/*@ terminates \true;
    assigns \nothing;
*/
void *mv__fd_ctx(int fd);
/*@ terminates \true;
    assigns \nothing;
*/
int mv__ctx_fd(void *ctx);

#else

static inline ssize_t mv__call_send(const mv_transport *t, const char *buf, size_t len)
{
    return t->send(t->ctx, buf, len);
}

static inline ssize_t mv__call_recv(const mv_transport *t, char *buf, size_t len)
{
    return t->recv(t->ctx, buf, len);
}

static inline ssize_t mv__call_sendv(const mv_transport *t, const struct iovec *iov, int iovcnt)
{
    return t->sendv(t->ctx, iov, iovcnt);
}

static inline void *mv__fd_ctx(int fd)
{
    return (void *)(intptr_t)fd;
}

static inline int mv__ctx_fd(void *ctx)
{
    return (int)(intptr_t)ctx;
}

static inline ssize_t mv__sim_send_cb(void *ctx, const void *buf, size_t len)
{
    return mv_sim_send(ctx, buf, len);
}

static inline ssize_t mv__sim_recv_cb(void *ctx, void *buf, size_t len)
{
    return mv_sim_recv(ctx, buf, len);
}

static inline ssize_t mv__sim_sendv_cb(void *ctx, const struct iovec *iov, int iovcnt)
{
    return mv_sim_sendv(ctx, iov, iovcnt);
}

#endif /* __FRAMAC__ */

#endif /* MEMVIEW_TRANSPORT_H */
