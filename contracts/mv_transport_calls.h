/* mv_transport_calls.h — the calls into a transport's callbacks, taken on
 * trust.
 *
 * A transport's send, recv, sendv and recvv are code the library does not contain
 * (the caller's, the simulated socket's, or the descriptor wrappers of
 * mv_io.c), reached through function pointers.  WP cannot follow a call
 * through a pointer to unknown code, so src/mv_transport.h makes each such
 * call in a one-line function; when Frama-C reads the sources it reads
 * these declarations instead, whose contracts are the trusted assumptions
 * about a transport: it returns, it reads or writes no memory but the
 * buffer it was given (and errno), and it may return any count at all,
 * which the library checks.  README.md lists them with the other trusted
 * contracts.  Read only by Frama-C (__FRAMAC__).
 */
#ifndef MV_TRANSPORT_CALLS_H
#define MV_TRANSPORT_CALLS_H

/*@ requires transport: \valid_read(t) && t->send != \null;
    requires bytes: len >= 1 && \valid_read(buf + (0 .. len - 1));
    terminates \true;
    exits \false;
    assigns \result, __fc_errno \from t->ctx, buf[0 .. len - 1], len;
*/
ssize_t mv__call_send(const mv_transport *t, const char *buf, size_t len);

/*@ requires transport: \valid_read(t) && t->recv != \null;
    requires bytes: len >= 1 && \valid(buf + (0 .. len - 1));
    terminates \true;
    exits \false;
    assigns buf[0 .. len - 1], \result, __fc_errno \from t->ctx, len;
*/
ssize_t mv__call_recv(const mv_transport *t, char *buf, size_t len);

/*@ requires transport: \valid_read(t) && t->sendv != \null;
    requires vector: 1 <= iovcnt <= IOV_MAX && \valid_read(iov + (0 .. iovcnt - 1));
    requires bytes: \forall integer i; 0 <= i < iovcnt ==> iov[i].iov_len == 0 ||
      \valid_read((char *)iov[i].iov_base + (0 .. iov[i].iov_len - 1));
    terminates \true;
    exits \false;
    assigns \result, __fc_errno \from t->ctx, iov[0 .. iovcnt - 1], iovcnt;
*/
ssize_t mv__call_sendv(const mv_transport *t, const struct iovec *iov, int iovcnt);

/*@ requires transport: \valid_read(t) && t->recvv != \null;
    requires vector: 1 <= iovcnt <= IOV_MAX && \valid_read(iov + (0 .. iovcnt - 1));
    requires bytes: \forall integer i; 0 <= i < iovcnt ==> iov[i].iov_len == 0 ||
      \valid((char *)iov[i].iov_base + (0 .. iov[i].iov_len - 1));
    terminates \true;
    exits \false;
    assigns { ((char *)iov[i].iov_base)[j] | integer i, j; 0 <= i < iovcnt && 0 <= j < iov[i].iov_len },
      \result, __fc_errno \from t->ctx, iov[0 .. iovcnt - 1], iovcnt;
*/
ssize_t mv__call_recvv(const mv_transport *t, const struct iovec *iov, int iovcnt);

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

#endif
