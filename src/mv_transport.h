/* mv_transport.h — calling a transport's callbacks (internal).
 *
 * Each call through a transport's function pointers is made in a one-line
 * function here, so that the proof can take it as one trusted step: when
 * Frama-C reads the sources these are declarations whose contracts,
 * in contracts/mv_transport_calls.h, state all the library assumes of a
 * transport.  Compiled, they are the plain calls.
 */
#ifndef MV_TRANSPORT_H
#define MV_TRANSPORT_H

#include "memview.h"

#ifdef __FRAMAC__
#include "mv_transport_calls.h"
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

static inline ssize_t mv__call_recvv(const mv_transport *t, const struct iovec *iov, int iovcnt)
{
    return t->recvv(t->ctx, iov, iovcnt);
}

/* A descriptor kept in a transport's void * context, and back: an integer
 * in a pointer (implementation-defined, exact on the platforms memview
 * supports). */
static inline void *mv__fd_ctx(int fd)
{
    return (void *)(intptr_t)fd;
}

static inline int mv__ctx_fd(void *ctx)
{
    return (int)(intptr_t)ctx;
}

#endif /* __FRAMAC__ */

#endif /* MV_TRANSPORT_H */
