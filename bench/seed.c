/*
 * seed.c — the seed's scenario in C: a message sent to a peer that takes
 * at most 1024 bytes per send, and a buffer filled by 1024-byte receives.
 *
 *   seed send-naive BYTES   sent = 0; while sent < n: sent += send(copy of message[sent:])
 *                           (malloc + memcpy of the rest at every step, as
 *                           Python's bytes slicing does)
 *   seed send-view BYTES    mv_send_all(&peer, message, &sent): no copy
 *   seed recv-view BYTES    mv_recv_all(&peer, view, 1024, &got)
 *
 * Both send contenders call the same peer through the same transport: its
 * send copies what it takes (at most 1024 bytes) into a 1 KiB sink and
 * counts it, as a kernel copies into a socket buffer.  Its recv copies
 * min(asked, 1024) bytes from a 1 KiB source.
 *
 * Prints "seconds S loops N": the time of one whole loop (the mean over N
 * loops, N chosen so the measurement lasts at least BENCH_MIN_SECONDS).
 * bench/seed.py is the same in CPython; bench/run.py interleaves them.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "memview.h"

#define PEER_MAX 1024u
#define MIN_SECONDS 0.05

typedef struct peer {
    char   sink[PEER_MAX];
    char   source[PEER_MAX];
    size_t moved;
} peer;

static ssize_t peer_send(void *ctx, const void *buf, size_t len)
{
    peer *p = ctx;
    size_t k = len < PEER_MAX ? len : PEER_MAX;
    memcpy(p->sink, buf, k);
    p->moved += k;
    return (ssize_t)k;
}

static ssize_t peer_recv(void *ctx, void *buf, size_t len)
{
    peer *p = ctx;
    size_t k = len < PEER_MAX ? len : PEER_MAX;
    memcpy(buf, p->source, k);
    p->moved += k;
    return (ssize_t)k;
}

/* The naive loop: every step sends a fresh copy of what is left. */
static void send_naive(const mv_transport *t, char *message, size_t n)
{
    size_t sent = 0;
    while (sent < n) {
        size_t left = n - sent;
        char *rest = malloc(left);
        if (rest == NULL)
            BENCH_DIE("out of memory");
        memcpy(rest, message + sent, left);
        ssize_t k = t->send(t->ctx, rest, left);
        free(rest);
        if (k <= 0)
            BENCH_DIE("peer refused");
        sent += (size_t)k;
    }
}

static void send_view(const mv_transport *t, char *message, size_t n)
{
    mv_view v;
    size_t sent;
    if (mv_from_const(message, n, &v) != MV_OK)
        BENCH_DIE("mv_from_const");
    if (mv_send_all(t, v, &sent) != MV_OK || sent != n)
        BENCH_DIE("mv_send_all");
}

static void recv_view(const mv_transport *t, char *buffer, size_t n)
{
    mv_view v;
    size_t got;
    if (mv_from(buffer, n, &v) != MV_OK)
        BENCH_DIE("mv_from");
    if (mv_recv_all(t, v, PEER_MAX, &got) != MV_OK || got != n)
        BENCH_DIE("mv_recv_all");
}

int main(int argc, char **argv)
{
    if (argc != 3)
        BENCH_DIE("usage: seed send-naive|send-view|recv-view BYTES");
    const char *mode = argv[1];
    size_t n = (size_t)strtoull(argv[2], NULL, 10);
    if (n == 0)
        BENCH_DIE("BYTES must be positive");

    char *buffer = malloc(n);
    if (buffer == NULL)
        BENCH_DIE("out of memory");
    uint32_t state = 1;
    for (size_t i = 0; i < n; i++)
        buffer[i] = (char)bench_rand(&state);

    static peer p;
    for (size_t i = 0; i < PEER_MAX; i++)
        p.source[i] = (char)i;
    mv_transport t = { &p, peer_send, peer_recv, NULL, NULL };

    void (*run)(const mv_transport *, char *, size_t);
    if (strcmp(mode, "send-naive") == 0)
        run = send_naive;
    else if (strcmp(mode, "send-view") == 0)
        run = send_view;
    else if (strcmp(mode, "recv-view") == 0)
        run = recv_view;
    else
        BENCH_DIE("unknown mode");

    unsigned long loops = 0;
    double start = bench_now(), elapsed;
    do {
        p.moved = 0;
        run(&t, buffer, n);
        if (p.moved != n)
            BENCH_DIE("the peer did not see every byte");
        loops++;
        elapsed = bench_now() - start;
    } while (elapsed < MIN_SECONDS);

    /* The peer really had the bytes: its sink holds the message's last
     * piece (send) or the buffer ends with the peer's source (recv). */
    size_t tail = n % PEER_MAX == 0 ? PEER_MAX : n % PEER_MAX;
    bool ok = strncmp(mode, "send", 4) == 0 ? memcmp(p.sink, buffer + n - tail, tail) == 0
                                            : memcmp(buffer + n - tail, p.source, tail) == 0;
    if (!ok)
        BENCH_DIE("wrong bytes at the peer");
    printf("seconds %.9f loops %lu\n", elapsed / (double)loops, loops);
    free(buffer);
    return 0;
}
