/*
 * record_reader.c — length-prefixed records read from a socket into an
 * owner buffer, parsed in place.
 *
 * A writer thread sends records (a 2-byte big-endian length, then that
 * many bytes) in writes of awkward sizes, so records arrive split across
 * receives.  The reader receives straight into the buffer's spare
 * capacity, parses every complete record at the front as a view (no
 * copy), drops them with mv_buf_consume and keeps the partial tail for
 * the next receive.  It checks every record against what was sent.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memview.h>

#define RECORDS 5000

/* Record r: r % 1000 bytes, byte i being (r + i) mod 251. */
static size_t record_len(unsigned r) { return r % 1000; }
static uint8_t record_byte(unsigned r, size_t i) { return (uint8_t)((r + i) % 251); }

static void *writer(void *arg)
{
    int fd = *(int *)arg;
    static uint8_t out[1 << 16];
    size_t n = 0, cut = 1;
    for (unsigned r = 0; r < RECORDS; r++) {
        size_t len = record_len(r);
        out[n++] = (uint8_t)(len >> 8);
        out[n++] = (uint8_t)len;
        for (size_t i = 0; i < len; i++)
            out[n++] = record_byte(r, i);
        /* Send in pieces of 1 to 700 bytes: records straddle receives. */
        size_t off = 0;
        while (n - off > 700 || (r + 1 == RECORDS && off < n)) {
            cut = cut * 7 % 701;
            size_t k = cut < n - off ? cut : n - off;
            if (send(fd, out + off, k, 0) != (ssize_t)k)
                return NULL;
            off += k;
        }
        memmove(out, out + off, n - off);
        n -= off;
    }
    shutdown(fd, SHUT_WR);
    return NULL;
}

/* Every complete record at the front of the contents: checked, counted;
 * returns the bytes they take.  cur is a view of the contents. */
static size_t parse_records(mv_view cur, unsigned *next, int *bad)
{
    size_t used = 0;
    for (;;) {
        mv_view rest = cur;
        uint16_t len;
        mv_view payload;
        if (mv_read_be16(&rest, &len) != MV_OK || mv_read_view(&rest, len, &payload) != MV_OK)
            return used; /* a partial record: kept for the next receive */
        /* payload is a view into the buffer: read in place, not copied. */
        const uint8_t *p = mv_data(payload);
        if (len != record_len(*next))
            *bad = 1;
        for (size_t i = 0; i < len && !*bad; i++)
            if (p[i] != record_byte(*next, i))
                *bad = 1;
        (*next)++;
        used += 2 + (size_t)len;
        cur = rest;
    }
}

int main(void)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
        return 1;
    pthread_t th;
    if (pthread_create(&th, NULL, writer, &sv[0]) != 0)
        return 1;

    mv_transport t = mv_transport_fd(sv[1]);
    mv_buf b;
    if (mv_buf_init(&b, 0) != MV_OK)
        return 1;
    unsigned next = 0;
    int bad = 0;
    size_t receives = 0;
    for (;;) {
        /* At least 4 KiB of spare capacity, as a writable view.  It counts
         * as an export: the buffer cannot move until it is committed. */
        mv_view spare;
        size_t got;
        if (mv_buf_spare(&b, 4096, &spare) != MV_OK)
            return 1;
        mv_status s = mv_recv_into(&t, spare, mv_len(spare), &got);
        if (mv_buf_commit(&b, &spare, s == MV_OK ? got : 0) != MV_OK || s != MV_OK)
            return 1;
        if (got == 0)
            break; /* the peer closed: recv_into's 0 */
        receives++;

        /* Parse what is complete, then drop it from the front. */
        mv_view contents;
        if (mv_buf_export(&b, true, &contents) != MV_OK)
            return 1;
        size_t used = parse_records(contents, &next, &bad);
        if (mv_buf_release(&b, &contents) != MV_OK || mv_buf_consume(&b, used) != MV_OK)
            return 1;
    }
    pthread_join(th, NULL);
    close(sv[0]);
    close(sv[1]);
    int ok = !bad && next == RECORDS && mv_buf_len(&b) == 0;
    printf("record_reader: %u records in %zu receives, %zu bytes of capacity at the end: %s\n",
           next, receives, mv_buf_cap(&b), ok ? "all as sent" : "MISMATCH");
    if (mv_buf_free(&b) != MV_OK)
        return 1;
    return ok ? 0 : 1;
}
