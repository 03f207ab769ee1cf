/*
 * io_peer.c — the C side of tests/interop.py: memview's I/O loops talking
 * to CPython's socket module over TCP on 127.0.0.1.
 *
 *   io_peer send PORT BYTES SEED all|sendv|nonblock
 *       connects, sends BYTES pseudo-random bytes (splitmix64 from SEED,
 *       8-byte little-endian words) with mv_send_all, with mv_sendv_all over
 *       thousands of views, or with a non-blocking mv_send_all resumed after
 *       MV_EAGAIN; prints "sent N crc32 <8 hex digits>" and closes.
 *   io_peer recv PORT BYTES CHUNK all|into|recvv
 *       connects, receives BYTES bytes with mv_recv_all(chunk), with the
 *       seed's loop of mv_recv_into(view, min(chunk, len)), or with one
 *       mv_recvv_all into thousands of consecutive views (CHUNK seeds
 *       their lengths), checks that the stream then ends, prints
 *       "received N crc32 <8 hex digits>".
 *
 * Socket buffers are small so that sends and receives come in pieces.  A
 * watchdog (alarm) ends the process if the peer stalls.
 */
#define _XOPEN_SOURCE 700
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "memview.h"

#define SMALL_BUF 8192

/* CRC-32 (IEEE 802.3, reflected, as zlib.crc32 computes it). */
static uint32_t crc32_of(const uint8_t *p, size_t n)
{
    static uint32_t table[256];
    if (table[1] == 0)
        for (uint32_t i = 0; i < 256; i++) {
            uint32_t c = i;
            for (int k = 0; k < 8; k++)
                c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++)
        crc = table[(crc ^ p[i]) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

static uint64_t splitmix(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static int fail(const char *what, mv_status st, size_t progress)
{
    printf("error: %s: %s after %zu bytes (errno %d: %s)\n", what, mv_strerror(st), progress, errno,
           strerror(errno));
    return 1;
}

static int connect_to(unsigned port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int size = SMALL_BUF;
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons((uint16_t)port);
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof size) != 0 ||
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size) != 0 ||
        connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        printf("error: connect to 127.0.0.1:%u: %s\n", port, strerror(errno));
        exit(1);
    }
    return fd;
}

static int do_send(int fd, size_t n, uint64_t seed, const char *how)
{
    uint8_t *data = malloc(n ? n : 1);
    if (data == NULL)
        return 1;
    for (size_t i = 0; i < n; i += 8) {
        uint64_t w = splitmix(&seed);
        for (size_t k = 0; k < 8 && i + k < n; k++)
            data[i + k] = (uint8_t)(w >> (8 * k));
    }
    mv_transport t = mv_transport_fd(fd);
    mv_view all;
    size_t sent = 0;
    mv_status st = mv_from_const(data, n, &all);
    int rc = 0;
    if (st != MV_OK) {
        rc = fail("mv_from_const", st, 0);
    } else if (strcmp(how, "all") == 0) {
        st = mv_send_all(&t, all, &sent);
        if (st != MV_OK)
            rc = fail("mv_send_all", st, sent);
    } else if (strcmp(how, "sendv") == 0) {
        /* Views of 0 to 3000 bytes (some empty), consecutive over data. */
        size_t cap = n / 1000 + 16, count = 0, at = 0;
        mv_view *views = malloc(cap * sizeof *views);
        uint64_t cut = seed ^ 0xc0ffee;
        while (views != NULL && at < n && count < cap - 1) {
            size_t len = splitmix(&cut) % 7 == 0 ? 0 : (size_t)(splitmix(&cut) % 3001);
            if (len > n - at)
                len = n - at;
            if (mv_sub(all, at, len, &views[count]) != MV_OK)
                break;
            count++;
            at += len;
        }
        if (views != NULL && at < n && mv_sub(all, at, n - at, &views[count]) == MV_OK) {
            count++;
            at = n;
        }
        if (views == NULL || at != n) {
            rc = fail("cutting views", MV_EINVAL, 0);
        } else {
            st = mv_sendv_all(&t, views, count, &sent);
            if (st != MV_OK)
                rc = fail("mv_sendv_all", st, sent);
            fprintf(stderr, "io_peer: %zu views\n", count);
        }
        free(views);
    } else if (strcmp(how, "nonblock") == 0) {
        int fl = fcntl(fd, F_GETFL);
        unsigned long waits = 0;
        if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) != 0) {
            rc = fail("O_NONBLOCK", MV_ESYS, 0);
        } else {
            mv_view rest = all;
            for (;;) {
                size_t n_now = 0;
                st = mv_send_all(&t, rest, &n_now);
                sent += n_now;
                if (mv_advance(&rest, n_now) != MV_OK) {
                    rc = fail("mv_advance", MV_ERANGE, sent);
                    break;
                }
                if (st == MV_OK)
                    break;
                if (st != MV_EAGAIN) {
                    rc = fail("mv_send_all (non-blocking)", st, sent);
                    break;
                }
                waits++;
                struct pollfd p = { fd, POLLOUT, 0 };
                while (poll(&p, 1, 1000) < 0 && errno == EINTR)
                    ;
            }
            fprintf(stderr, "io_peer: %lu waits for room\n", waits);
        }
    } else {
        rc = fail("unknown send mode", MV_EINVAL, 0);
    }
    if (rc == 0)
        printf("sent %zu crc32 %08" PRIx32 "\n", sent, crc32_of(data, sent));
    free(data);
    return rc;
}

static int do_recv(int fd, size_t n, size_t chunk, const char *how)
{
    uint8_t *buf = malloc(n ? n : 1);
    if (buf == NULL)
        return 1;
    mv_transport t = mv_transport_fd(fd);
    mv_view view;
    size_t got = 0;
    int rc = 0;
    mv_status st = mv_from(buf, n, &view);
    if (st != MV_OK) {
        rc = fail("mv_from", st, 0);
    } else if (strcmp(how, "all") == 0) {
        st = mv_recv_all(&t, view, chunk, &got);
        if (st != MV_OK)
            rc = fail("mv_recv_all", st, got);
    } else if (strcmp(how, "into") == 0) {
        /* view = memoryview(bytearray(n))
         * while len(view): view = view[sock.recv_into(view, chunk):] */
        unsigned long calls = 0;
        while (mv_len(view) > 0) {
            size_t nbytes = chunk < mv_len(view) ? chunk : mv_len(view);
            size_t r = 0;
            st = mv_recv_into(&t, view, nbytes, &r);
            calls++;
            if (st != MV_OK || r == 0) {
                rc = fail(r == 0 && st == MV_OK ? "mv_recv_into: early end of stream" : "mv_recv_into",
                          st, got);
                break;
            }
            got += r;
            if (mv_advance(&view, r) != MV_OK) {
                rc = fail("mv_advance", MV_ERANGE, got);
                break;
            }
        }
        fprintf(stderr, "io_peer: %lu recv_into calls\n", calls);
    } else if (strcmp(how, "recvv") == 0) {
        /* Views of 0 to 3000 bytes (some empty), consecutive over buf. */
        size_t cap = n / 1000 + 16, count = 0, at = 0;
        mv_view *views = malloc(cap * sizeof *views);
        uint64_t cut = chunk ^ 0xfeed;
        while (views != NULL && at < n && count < cap - 1) {
            size_t len = splitmix(&cut) % 7 == 0 ? 0 : (size_t)(splitmix(&cut) % 3001);
            if (len > n - at)
                len = n - at;
            if (mv_sub(view, at, len, &views[count]) != MV_OK)
                break;
            count++;
            at += len;
        }
        if (views != NULL && at < n && mv_sub(view, at, n - at, &views[count]) == MV_OK) {
            count++;
            at = n;
        }
        if (views == NULL || at != n) {
            rc = fail("cutting views", MV_EINVAL, 0);
        } else {
            st = mv_recvv_all(&t, views, count, &got);
            if (st != MV_OK)
                rc = fail("mv_recvv_all", st, got);
            fprintf(stderr, "io_peer: %zu views\n", count);
        }
        free(views);
    } else {
        rc = fail("unknown receive mode", MV_EINVAL, 0);
    }
    if (rc == 0) {
        /* The peer closes after the last byte: the next receive is the end. */
        uint8_t extra;
        mv_view one;
        size_t r = 1;
        if (mv_from(&extra, 1, &one) != MV_OK || (st = mv_recv_into(&t, one, 0, &r)) != MV_OK || r != 0)
            rc = fail("the end of the stream", st, got);
    }
    if (rc == 0)
        printf("received %zu crc32 %08" PRIx32 "\n", got, crc32_of(buf, got));
    free(buf);
    return rc;
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    alarm(60);
    if (argc != 6) {
        fprintf(stderr, "usage: io_peer send PORT BYTES SEED all|sendv|nonblock\n"
                        "       io_peer recv PORT BYTES CHUNK all|into|recvv\n");
        return 2;
    }
    unsigned port = (unsigned)strtoul(argv[2], NULL, 10);
    size_t n = (size_t)strtoull(argv[3], NULL, 10);
    uint64_t arg = strtoull(argv[4], NULL, 10);
    int fd = connect_to(port);
    int rc = strcmp(argv[1], "send") == 0 ? do_send(fd, n, arg, argv[5])
           : strcmp(argv[1], "recv") == 0 ? do_recv(fd, n, (size_t)arg, argv[5])
                                          : 2;
    close(fd);
    return rc;
}
