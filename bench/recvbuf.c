/*
 * recvbuf.c — the owner buffer as a receive buffer, against what a C
 * programmer writes by hand.
 *
 *   recvbuf fill MIB REPS
 *        MIB MiB arrive over an AF_UNIX stream socket pair (a writer thread
 *        sends them in 64 KiB writes) and are received with 4 KiB of room
 *        asked per call:
 *          memview       mv_buf_recv(&t, &b, 4096, &got) (room for 4 KiB
 *                        made, then one receive into all the room there is)
 *                        into a buffer that starts empty and grows as it
 *                        needs
 *          spare         mv_buf_spare(&b, 4096, &spare), mv_recv_into(&t,
 *                        spare, 4096, &got), mv_buf_commit(&b, &spare,
 *                        got): exactly 4 KiB per receive, from empty too
 *          recv          recv(fd, p + off, 4096, 0) into one block of MIB
 *                        MiB, allocated and written once before the first
 *                        repetition and reused
 *          recv-fresh    the same into a block allocated before the clock
 *                        starts and not touched before
 *          memview-kept  mv_buf_recv into one buffer kept across
 *                        repetitions (mv_buf_clear before the clock)
 *        prints "fill CONTENDER REP SECONDS"
 *
 *   recvbuf parse MIB REPS
 *        MIB MiB of length-prefixed records (a 4-byte big-endian length,
 *        then that many bytes, 0 to 2000) arrive 4 KiB at a time from
 *        memory; after each arrival every complete record at the front is
 *        parsed and dropped, the partial one kept:
 *          memview   mv_buf_spare / mv_buf_commit to take the 4 KiB in,
 *                    an exported view and cursor reads (mv_read_be32,
 *                    mv_read_view) to parse, mv_buf_consume to drop
 *          hand      a malloc'd block grown by doubling, memcpy in, the
 *                    length assembled from bytes, memmove of the partial
 *                    tail to the front after each arrival
 *        prints "parse CONTENDER REP SECONDS RECORDS"
 *
 * Contenders alternate, the order rotating each repetition.  Every run is
 * checked before it is reported: the bytes received are compared with the
 * bytes sent, and each parse must find every record with its length and
 * the sum of its first and last bytes; a contender that disagrees stops
 * the program.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "bench.h"
#include "memview.h"

#define CHUNK 4096u
#define WRITE_CHUNK (64u << 10)

/* ------------------------------------------------------------------ fill */

typedef struct writer {
    int            fd;
    const uint8_t *bytes;
    size_t         n;
} writer;

static void *write_all(void *arg)
{
    writer *w = arg;
    size_t off = 0;
    while (off < w->n) {
        size_t want = w->n - off < WRITE_CHUNK ? w->n - off : WRITE_CHUNK;
        ssize_t k = send(w->fd, w->bytes + off, want, MSG_NOSIGNAL);
        if (k <= 0)
            BENCH_DIE("writer: send failed");
        off += (size_t)k;
    }
    return NULL;
}

/* One transfer of n bytes received by contender who; returns seconds. */
/* The contenders of fill.  The first two start from an empty buffer every
 * time, so their time includes growing it (new blocks, copies, the kernel
 * mapping fresh pages); "recv" reuses one block, mapped once, as a program
 * that knows the size up front does; "recv-fresh" gets a block allocated
 * before the clock starts and never touched, so it maps its pages as it
 * fills them; "memview-kept" keeps its buffer from one repetition to the
 * next (mv_buf_clear before the clock), as a server reusing its receive
 * buffer does. */
enum { FILL_MEMVIEW, FILL_SPARE, FILL_RECV, FILL_RECV_FRESH, FILL_MEMVIEW_KEPT, FILL_N };
static const char *const fill_names[FILL_N] = { "memview", "spare", "recv", "recv-fresh",
                                                "memview-kept" };

/* Receives n bytes into an owner buffer, with mv_buf_recv or with the
 * spare / mv_recv_into / commit triple of exactly CHUNK bytes. */
static void fill_buf(mv_transport *tr, mv_buf *b, size_t n, bool spare_form)
{
    while (mv_buf_len(b) < n) {
        size_t got;
        if (spare_form) {
            mv_view spare;
            if (mv_buf_spare(b, CHUNK, &spare) != MV_OK ||
                mv_recv_into(tr, spare, CHUNK, &got) != MV_OK ||
                mv_buf_commit(b, &spare, got) != MV_OK || got == 0)
                BENCH_DIE("mv_buf_spare / mv_recv_into / mv_buf_commit");
        } else if (mv_buf_recv(tr, b, CHUNK, &got) != MV_OK) {
            BENCH_DIE("mv_buf_recv");
        }
    }
}

static void fill_raw(int fd, uint8_t *p, size_t n)
{
    size_t off = 0;
    while (off < n) {
        size_t want = n - off < CHUNK ? n - off : CHUNK;
        ssize_t k = recv(fd, p + off, want, 0);
        if (k <= 0)
            BENCH_DIE("recv");
        off += (size_t)k;
    }
}

static double fill_once(int who, const uint8_t *bytes, size_t n, uint8_t *pre, mv_buf *kept)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
        BENCH_DIE("socketpair");
    writer w = { sv[0], bytes, n };
    mv_transport tr = mv_transport_fd(sv[1]);
    mv_buf fresh;
    mv_buf *b = who == FILL_MEMVIEW_KEPT ? kept : &fresh;
    uint8_t *dst = pre;
    if (who == FILL_MEMVIEW || who == FILL_SPARE) {
        if (mv_buf_init(&fresh, 0) != MV_OK)
            BENCH_DIE("mv_buf_init");
    } else if (who == FILL_MEMVIEW_KEPT) {
        if (mv_buf_clear(kept) != MV_OK)
            BENCH_DIE("mv_buf_clear");
    } else if (who == FILL_RECV_FRESH) {
        dst = malloc(n);
        if (dst == NULL)
            BENCH_DIE("malloc");
    }
    pthread_t th;
    double t0 = bench_now();
    if (pthread_create(&th, NULL, write_all, &w) != 0)
        BENCH_DIE("pthread_create");
    if (who == FILL_RECV || who == FILL_RECV_FRESH)
        fill_raw(sv[1], dst, n);
    else
        fill_buf(&tr, b, n, who == FILL_SPARE);
    double t = bench_now() - t0;
    bool ok;
    if (who == FILL_RECV || who == FILL_RECV_FRESH) {
        ok = memcmp(dst, bytes, n) == 0;
    } else {
        mv_view e;
        if (mv_buf_export(b, true, &e) != MV_OK)
            BENCH_DIE("mv_buf_export");
        ok = mv_len(e) == n && memcmp(mv_data(e), bytes, n) == 0;
        if (mv_buf_release(b, &e) != MV_OK)
            BENCH_DIE("mv_buf_release");
    }
    if (who == FILL_MEMVIEW || who == FILL_SPARE) {
        if (mv_buf_free(&fresh) != MV_OK)
            BENCH_DIE("mv_buf_free");
    }
    if (who == FILL_RECV_FRESH)
        free(dst);
    pthread_join(th, NULL);
    close(sv[0]);
    close(sv[1]);
    if (!ok)
        BENCH_DIE("received bytes differ from the bytes sent");
    return t;
}

static void fill(size_t n, int reps)
{
    uint8_t *bytes = malloc(n), *pre = malloc(n);
    if (bytes == NULL || pre == NULL)
        BENCH_DIE("malloc");
    uint32_t st = 7;
    for (size_t i = 0; i < n; i++)
        bytes[i] = (uint8_t)bench_rand(&st);
    /* The reused block and the kept buffer are filled once before the
     * first repetition, so every repetition finds them mapped. */
    memset(pre, 0, n);
    mv_buf kept;
    if (mv_buf_init(&kept, 0) != MV_OK || mv_buf_reserve(&kept, n) != MV_OK ||
        mv_buf_resize(&kept, n) != MV_OK)
        BENCH_DIE("mv_buf_reserve");
    for (int rep = 0; rep < reps; rep++)
        for (int k = 0; k < FILL_N; k++) {
            int c = (k + rep) % FILL_N;
            printf("fill %s %d %.9f\n", fill_names[c], rep, fill_once(c, bytes, n, pre, &kept));
            fflush(stdout);
        }
    if (mv_buf_free(&kept) != MV_OK)
        BENCH_DIE("mv_buf_free");
    free(bytes);
    free(pre);
}

/* ----------------------------------------------------------------- parse */

/* The stream: records until n bytes are filled (the last one shortened). */
static uint8_t *make_records(size_t n, size_t *records, uint64_t *check)
{
    uint8_t *s = malloc(n);
    if (s == NULL)
        BENCH_DIE("malloc");
    uint32_t st = 11;
    size_t off = 0;
    *records = 0;
    *check = 0;
    while (n - off >= 4) {
        size_t len = bench_rand(&st) % 2001;
        if (len > n - off - 4)
            len = n - off - 4;
        s[off] = (uint8_t)(len >> 24);
        s[off + 1] = (uint8_t)(len >> 16);
        s[off + 2] = (uint8_t)(len >> 8);
        s[off + 3] = (uint8_t)len;
        for (size_t i = 0; i < len; i++)
            s[off + 4 + i] = (uint8_t)bench_rand(&st);
        *check += len + (len ? (uint64_t)s[off + 4] + s[off + 3 + len] : 0);
        off += 4 + len;
        (*records)++;
    }
    while (off < n)
        s[off++] = 0; /* never read: fewer than 4 bytes cannot start a record */
    return s;
}

/* What a parse finds: records and the sum of their lengths, first and
 * last bytes. */
typedef struct found {
    size_t   records;
    uint64_t check;
} found;

/* Every complete record at the front of the exported contents e; returns
 * the bytes they take. */
static size_t parse_view(mv_view e, found *f)
{
    mv_view cur = e;
    size_t used = 0;
    for (;;) {
        mv_view peek = cur;
        uint32_t len;
        if (mv_read_be32(&peek, &len) != MV_OK || mv_len(peek) < len)
            return used;
        mv_view rec;
        if (mv_read_view(&peek, len, &rec) != MV_OK)
            BENCH_DIE("mv_read_view");
        const uint8_t *p = mv_data(rec);
        f->check += len + (len ? (uint64_t)p[0] + p[len - 1] : 0);
        f->records++;
        used += 4 + (size_t)len;
        cur = peek;
    }
}

static found parse_memview(const uint8_t *s, size_t n)
{
    found f = { 0, 0 };
    mv_buf b;
    if (mv_buf_init(&b, 0) != MV_OK)
        BENCH_DIE("mv_buf_init");
    for (size_t off = 0; off < n; off += CHUNK) {
        size_t k = n - off < CHUNK ? n - off : CHUNK;
        mv_view spare, chunk, room;
        if (mv_buf_spare(&b, k, &spare) != MV_OK || mv_from_const(s + off, k, &chunk) != MV_OK ||
            mv_sub(spare, 0, k, &room) != MV_OK || mv_assign(room, chunk) != MV_OK ||
            mv_buf_commit(&b, &spare, k) != MV_OK)
            BENCH_DIE("mv_buf_spare / mv_buf_commit");
        mv_view e;
        if (mv_buf_export(&b, true, &e) != MV_OK)
            BENCH_DIE("mv_buf_export");
        size_t used = parse_view(e, &f);
        if (mv_buf_release(&b, &e) != MV_OK || mv_buf_consume(&b, used) != MV_OK)
            BENCH_DIE("mv_buf_consume");
    }
    if (mv_buf_free(&b) != MV_OK)
        BENCH_DIE("mv_buf_free");
    return f;
}

static found parse_hand(const uint8_t *s, size_t n)
{
    found f = { 0, 0 };
    uint8_t *buf = NULL;
    size_t len = 0, cap = 0;
    for (size_t off = 0; off < n; off += CHUNK) {
        size_t k = n - off < CHUNK ? n - off : CHUNK;
        if (cap - len < k) {
            size_t ncap = cap ? cap : CHUNK;
            while (ncap - len < k)
                ncap *= 2;
            uint8_t *nb = realloc(buf, ncap);
            if (nb == NULL)
                BENCH_DIE("realloc");
            buf = nb;
            cap = ncap;
        }
        memcpy(buf + len, s + off, k);
        len += k;
        size_t used = 0;
        while (len - used >= 4) {
            const uint8_t *p = buf + used;
            size_t rlen = (size_t)p[0] << 24 | (size_t)p[1] << 16 | (size_t)p[2] << 8 | p[3];
            if (len - used - 4 < rlen)
                break;
            f.check += rlen + (rlen ? (uint64_t)p[4] + p[3 + rlen] : 0);
            f.records++;
            used += 4 + rlen;
        }
        memmove(buf, buf + used, len - used);
        len -= used;
    }
    free(buf);
    return f;
}

static void parse(size_t n, int reps)
{
    size_t records;
    uint64_t check;
    uint8_t *s = make_records(n, &records, &check);
    static const char *const who[2] = { "memview", "hand" };
    for (int rep = 0; rep < reps; rep++)
        for (int k = 0; k < 2; k++) {
            const char *c = who[(k + rep) % 2];
            double t0 = bench_now();
            found f = strcmp(c, "memview") == 0 ? parse_memview(s, n) : parse_hand(s, n);
            double t = bench_now() - t0;
            if (f.records != records || f.check != check)
                BENCH_DIE("a parse disagrees with the records written");
            printf("parse %s %d %.9f %zu\n", c, rep, t, f.records);
            fflush(stdout);
        }
    free(s);
}

int main(int argc, char **argv)
{
    if (argc != 4)
        BENCH_DIE("usage: recvbuf fill|parse MIB REPS");
    size_t n = (size_t)strtoul(argv[2], NULL, 10) << 20;
    int reps = atoi(argv[3]);
    if (n == 0 || reps <= 0)
        BENCH_DIE("MIB and REPS must be positive");
    if (strcmp(argv[1], "fill") == 0)
        fill(n, reps);
    else if (strcmp(argv[1], "parse") == 0)
        parse(n, reps);
    else
        BENCH_DIE("usage: recvbuf fill|parse MIB REPS");
    return 0;
}
