/* memview_os.h — the contracts taken on trust.
 *
 * The library's own code is proven; these are the functions it calls but
 * does not contain, and what it assumes of them: nothing beyond what the C
 * and POSIX standards promise.  Frama-C reads these declarations in place
 * of its own libc headers for the functions concerned, so each clause below
 * is exactly what the proof relies on.  README.md lists every one.
 *
 * Included only when Frama-C reads the sources (__FRAMAC__).
 */
#ifndef MEMVIEW_OS_H
#define MEMVIEW_OS_H

#include <stddef.h>
#include <errno.h>
#include <limits.h>
#include <sys/types.h>

/* malloc: NULL, or size bytes of valid memory.  Nothing is assumed about
 * where the block lies: code that copies into a fresh block checks, with
 * address equality, that it overlaps nothing it reads. */
/*@ requires size: size >= 1;
    terminates \true;
    assigns \result \from size;
    ensures block: \result == \null || \valid((char *)\result + (0 .. size - 1));
*/
extern void *malloc(size_t size);

/* free: gives back a block malloc returned, or does nothing for NULL; it
 * changes no byte the library reads afterwards. */
/*@ terminates \true;
    assigns \nothing;
*/
extern void free(void *p);

/* The same two for a block of n size_t (mv_find's failure table,
 * src/mv_find.c): malloc(n * sizeof(size_t)) and free, whose void * WP's
 * typed model cannot convert to size_t *.  Nothing more is assumed than of
 * malloc and free above. */
/*@ requires count: 1 <= n <= SIZE_MAX / sizeof(size_t);
    terminates \true;
    assigns \result \from n;
    ensures block: \result == \null || \valid(\result + (0 .. n - 1));
*/
extern size_t *mv__table_alloc(size_t n);

/*@ terminates \true;
    assigns \nothing;
*/
extern void mv__table_free(size_t *t);

/* ------------------------------------------------------------ I/O types
 * The POSIX types the I/O layer uses, with the fields it touches.  Only
 * their field names matter to the proof; the C compiler sees the system's
 * own definitions. */

struct iovec {
    void  *iov_base;
    size_t iov_len;
};

struct msghdr {
    void         *msg_name;
    unsigned int  msg_namelen;
    struct iovec *msg_iov;
    size_t        msg_iovlen;
    void         *msg_control;
    size_t        msg_controllen;
    int           msg_flags;
};

struct stat {
    unsigned int st_mode;
};

#define MSG_NOSIGNAL 0x4000
#define S_IFMT   0170000
#define S_IFSOCK 0140000
#define S_ISSOCK(m) (((m) & S_IFMT) == S_IFSOCK)

/* ------------------------------------------------------- I/O functions
 * What POSIX promises and no more: a result of -1 (with errno set) or a
 * count no larger than what was asked; the bytes of the buffer given are
 * the only memory read (send, write) or written (recv, read). */

/*@ requires bytes: len == 0 || \valid_read((char *)buf + (0 .. len - 1));
    terminates \true;
    assigns \result, __fc_errno \from fd, ((char *)buf)[0 .. len - 1], len, flags;
    ensures result: -1 <= \result <= len;
*/
extern ssize_t send(int fd, const void *buf, size_t len, int flags);

/*@ requires bytes: len == 0 || \valid((char *)buf + (0 .. len - 1));
    terminates \true;
    assigns ((char *)buf)[0 .. len - 1], \result, __fc_errno \from fd, len, flags;
    ensures result: -1 <= \result <= len;
*/
extern ssize_t recv(int fd, void *buf, size_t len, int flags);

/*@ requires bytes: len == 0 || \valid_read((char *)buf + (0 .. len - 1));
    terminates \true;
    assigns \result, __fc_errno \from fd, ((char *)buf)[0 .. len - 1], len;
    ensures result: -1 <= \result <= len;
*/
extern ssize_t write(int fd, const void *buf, size_t len);

/*@ requires bytes: len == 0 || \valid((char *)buf + (0 .. len - 1));
    terminates \true;
    assigns ((char *)buf)[0 .. len - 1], \result, __fc_errno \from fd, len;
    ensures result: -1 <= \result <= len;
*/
extern ssize_t read(int fd, void *buf, size_t len);

/* writev and sendmsg: the byte count is checked by the caller against the
 * total it asked for, so only its sign is assumed. */
/*@ requires vector: 1 <= iovcnt <= IOV_MAX && \valid_read(iov + (0 .. iovcnt - 1));
    requires bytes: \forall integer i; 0 <= i < iovcnt ==> iov[i].iov_len == 0 ||
      \valid_read((char *)iov[i].iov_base + (0 .. iov[i].iov_len - 1));
    terminates \true;
    assigns \result, __fc_errno \from fd, iov[0 .. iovcnt - 1], iovcnt;
    ensures result: -1 <= \result;
*/
extern ssize_t writev(int fd, const struct iovec *iov, int iovcnt);

/* readv: the same, the pieces written instead of read (and nothing else:
 * POSIX fills them in order, which the library does not rely on). */
/*@ requires vector: 1 <= iovcnt <= IOV_MAX && \valid_read(iov + (0 .. iovcnt - 1));
    requires bytes: \forall integer i; 0 <= i < iovcnt ==> iov[i].iov_len == 0 ||
      \valid((char *)iov[i].iov_base + (0 .. iov[i].iov_len - 1));
    terminates \true;
    assigns { ((char *)iov[i].iov_base)[j] | integer i, j; 0 <= i < iovcnt && 0 <= j < iov[i].iov_len },
      \result, __fc_errno \from fd, iov[0 .. iovcnt - 1], iovcnt;
    ensures result: -1 <= \result;
*/
extern ssize_t readv(int fd, const struct iovec *iov, int iovcnt);

/*@ requires message: \valid_read(msg) && 1 <= msg->msg_iovlen <= IOV_MAX &&
      \valid_read(msg->msg_iov + (0 .. msg->msg_iovlen - 1));
    requires bytes: \forall integer i; 0 <= i < msg->msg_iovlen ==> msg->msg_iov[i].iov_len == 0 ||
      \valid_read((char *)msg->msg_iov[i].iov_base + (0 .. msg->msg_iov[i].iov_len - 1));
    terminates \true;
    assigns \result, __fc_errno \from fd, *msg, msg->msg_iov[0 .. msg->msg_iovlen - 1], flags;
    ensures result: -1 <= \result;
*/
extern ssize_t sendmsg(int fd, const struct msghdr *msg, int flags);

/*@ requires out: \valid(st);
    terminates \true;
    assigns *st, \result, __fc_errno \from fd;
    ensures result: \result == 0 || \result == -1;
*/
extern int fstat(int fd, struct stat *st);

#endif /* MEMVIEW_OS_H */
