/* smoke_trusted.c — every trusted contract can be met.
 *
 * The contracts of contracts/ are taken on trust: no code proves them.  A
 * trusted contract no state satisfies would let WP prove anything after a
 * call to it, so `make prove` checks each one here: every function below
 * calls one trusted function in the most general state its precondition
 * allows, and the smoke tests (dead calls, and dead code for each outcome
 * the caller tells apart) must all pass, that is, the prover must fail to
 * derive false after the call and in every branch.
 *
 * The library's own functions need no such check at their call sites:
 * each is proven to terminate and to establish its postcondition from its
 * precondition, so a state after the call exists.  `make prove` therefore
 * runs its smoke tests for contradictory requires, assumes and loop
 * invariants everywhere, and for dead calls here.  Read by Frama-C only;
 * never compiled.
 */
#include "memview.h"
#include "mv_internal.h"
#include "mv_transport_calls.h"

int trusted_outcome; /* where each caller records what it saw */

/*@ requires size: size >= 1;
    assigns trusted_outcome;
*/
void trusted_malloc(size_t size)
{
    char *p = malloc(size);
    if (p == NULL)
        trusted_outcome = 0;
    else {
        trusted_outcome = 1;
        free(p);
    }
}

/*@ requires count: 1 <= n <= SIZE_MAX / sizeof(size_t);
    assigns trusted_outcome;
*/
void trusted_table_alloc(size_t n)
{
    size_t *t = mv__table_alloc(n);
    if (t == NULL)
        trusted_outcome = 0;
    else {
        trusted_outcome = 1;
        mv__table_free(t);
    }
}

/*@ requires nonnull: s1 != \null && s2 != \null;
    requires dst: \valid(s1 + (0 .. n - 1));
    requires src: \valid_read(s2 + (0 .. n - 1));
    requires apart: \separated(s1 + (0 .. n - 1), s2 + (0 .. n - 1));
    assigns s1[0 .. n - 1];
*/
void trusted_memcpy(char *s1, const char *s2, size_t n)
{
    memcpy(s1, s2, n);
}

/*@ requires nonnull: s1 != \null && s2 != \null;
    requires dst: \valid(s1 + (0 .. n - 1));
    requires src: \valid_read(s2 + (0 .. n - 1));
    assigns s1[0 .. n - 1];
*/
void trusted_memmove(char *s1, const char *s2, size_t n)
{
    memmove(s1, s2, n);
}

/*@ requires nonnull: s != \null;
    requires dst: \valid(s + (0 .. n - 1));
    assigns s[0 .. n - 1];
*/
void trusted_memset(char *s, int c, size_t n)
{
    memset(s, c, n);
}

/*@ requires nonnull: s1 != \null && s2 != \null;
    requires s1: \valid_read(s1 + (0 .. n - 1));
    requires s2: \valid_read(s2 + (0 .. n - 1));
    assigns trusted_outcome;
*/
void trusted_memcmp(const char *s1, const char *s2, size_t n)
{
    int r = memcmp(s1, s2, n);
    if (r < 0)
        trusted_outcome = -1;
    else if (r > 0)
        trusted_outcome = 1;
    else
        trusted_outcome = 0;
}

/*@ requires nonnull: s != \null;
    requires bytes: \valid_read(s + (0 .. n - 1));
    assigns trusted_outcome;
*/
void trusted_memchr(const char *s, int c, size_t n)
{
    const char *r = memchr(s, c, n);
    if (r == NULL)
        trusted_outcome = 0;
    else
        trusted_outcome = 1;
}

/*@ requires bytes: n >= 1;
    assigns trusted_outcome;
*/
void trusted_offset_in(const char *block, size_t n, const char *p)
{
    size_t at = mv__offset_in(block, n, p);
    if (at < n)
        trusted_outcome = 1;
    else
        trusted_outcome = 0;
}

/*@ requires bytes: len == 0 || \valid(buf + (0 .. len - 1));
    assigns buf[0 .. len - 1], trusted_outcome, __fc_errno;
*/
void trusted_fd_calls(int fd, char *buf, size_t len)
{
    ssize_t r = send(fd, buf, len, 0);
    trusted_outcome = r < 0 ? -1 : r == 0 ? 0 : 1;
    r = recv(fd, buf, len, 0);
    trusted_outcome = r < 0 ? -1 : r == 0 ? 0 : 1;
    r = write(fd, buf, len);
    trusted_outcome = r < 0 ? -1 : r == 0 ? 0 : 1;
    r = read(fd, buf, len);
    trusted_outcome = r < 0 ? -1 : r == 0 ? 0 : 1;
}

/*@ requires vector: 1 <= iovcnt <= IOV_MAX && \valid_read(iov + (0 .. iovcnt - 1));
    requires bytes: \forall integer i; 0 <= i < iovcnt ==> iov[i].iov_len == 0 ||
      \valid((char *)iov[i].iov_base + (0 .. iov[i].iov_len - 1));
    assigns { ((char *)iov[i].iov_base)[j] | integer i, j; 0 <= i < iovcnt && 0 <= j < iov[i].iov_len },
      trusted_outcome, __fc_errno;
*/
void trusted_fd_vectors(int fd, const struct iovec *iov, int iovcnt)
{
    ssize_t r = writev(fd, iov, iovcnt);
    trusted_outcome = r < 0 ? -1 : r == 0 ? 0 : 1;
    r = readv(fd, iov, iovcnt);
    trusted_outcome = r < 0 ? -1 : r == 0 ? 0 : 1;
}

/*@ requires message: \valid_read(msg) && 1 <= msg->msg_iovlen <= IOV_MAX &&
      \valid_read(msg->msg_iov + (0 .. msg->msg_iovlen - 1));
    requires bytes: \forall integer i; 0 <= i < msg->msg_iovlen ==> msg->msg_iov[i].iov_len == 0 ||
      \valid_read((char *)msg->msg_iov[i].iov_base + (0 .. msg->msg_iov[i].iov_len - 1));
    requires out: \valid(st);
    assigns *st, trusted_outcome, __fc_errno;
*/
void trusted_fd_other(int fd, const struct msghdr *msg, struct stat *st)
{
    ssize_t r = sendmsg(fd, msg, 0);
    trusted_outcome = r < 0 ? -1 : r == 0 ? 0 : 1;
    int s = fstat(fd, st);
    trusted_outcome = s;
    void *ctx = mv__fd_ctx(fd);
    trusted_outcome = mv__ctx_fd(ctx);
}

/*@ requires transport: \valid_read(t) && t->send != \null && t->recv != \null;
    requires bytes: len >= 1 && \valid(buf + (0 .. len - 1));
    assigns buf[0 .. len - 1], trusted_outcome, __fc_errno;
*/
void trusted_transport_calls(const mv_transport *t, char *buf, size_t len)
{
    ssize_t r = mv__call_send(t, buf, len);
    trusted_outcome = r < 0 ? -1 : r == 0 ? 0 : 1;
    r = mv__call_recv(t, buf, len);
    trusted_outcome = r < 0 ? -1 : r == 0 ? 0 : 1;
}

/*@ requires transport: \valid_read(t) && t->sendv != \null && t->recvv != \null;
    requires vector: 1 <= iovcnt <= IOV_MAX && \valid_read(iov + (0 .. iovcnt - 1));
    requires bytes: \forall integer i; 0 <= i < iovcnt ==> iov[i].iov_len == 0 ||
      \valid((char *)iov[i].iov_base + (0 .. iov[i].iov_len - 1));
    assigns { ((char *)iov[i].iov_base)[j] | integer i, j; 0 <= i < iovcnt && 0 <= j < iov[i].iov_len },
      trusted_outcome, __fc_errno;
*/
void trusted_transport_vectors(const mv_transport *t, const struct iovec *iov, int iovcnt)
{
    ssize_t r = mv__call_sendv(t, iov, iovcnt);
    trusted_outcome = r < 0 ? -1 : r == 0 ? 0 : 1;
    r = mv__call_recvv(t, iov, iovcnt);
    trusted_outcome = r < 0 ? -1 : r == 0 ? 0 : 1;
}
