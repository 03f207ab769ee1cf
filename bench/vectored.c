/*
 * vectored.c — a message made of 1,000 views of mixed sizes, sent over a
 * real AF_UNIX socket pair three ways:
 *
 *   sendv   mv_sendv_all(&t, views, 1000, &sent)   (vectored sends)
 *   each    mv_send_all(&t, views[i], &sent) for every view
 *   copy    memcpy every view into one buffer, then mv_send_all of it
 *
 *   vectored MESSAGES REPS
 *
 * A receiver thread drains the socket; one untimed message per contender
 * is checked (byte count and sum), then the timed ones are counted.  The transport counts its calls: it
 * wraps mv_transport_fd, each of its send/sendv calls is one system call.
 * Per repetition (rotating order) each contender sends MESSAGES messages;
 * prints "CONTENDER REP SECONDS_PER_MESSAGE CALLS_PER_MESSAGE
 * SENDER_CPU_SECONDS_PER_MESSAGE".
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "memview.h"

#define VIEWS 1000
#define BACKING (4u << 20)

/* ------------------------------------------------- the counting transport */

typedef struct counting {
    mv_transport inner;
    unsigned long calls;
} counting;

static ssize_t count_send(void *ctx, const void *buf, size_t len)
{
    counting *c = ctx;
    c->calls++;
    return c->inner.send(c->inner.ctx, buf, len);
}

static ssize_t count_recv(void *ctx, void *buf, size_t len)
{
    counting *c = ctx;
    c->calls++;
    return c->inner.recv(c->inner.ctx, buf, len);
}

static ssize_t count_sendv(void *ctx, const struct iovec *iov, int iovcnt)
{
    counting *c = ctx;
    c->calls++;
    return c->inner.sendv(c->inner.ctx, iov, iovcnt);
}

/* -------------------------------------------------------------- receiver */

/* Sums the bytes only while checking (the untimed first message of each
 * contender), so the timed messages meet a receiver that only copies. */
typedef struct drain {
    int                      fd;
    atomic_bool              checking;
    _Atomic unsigned long long bytes;
    _Atomic unsigned long long sum;
} drain;

static void *receive(void *arg)
{
    drain *d = arg;
    static unsigned char buf[1 << 18];
    for (;;) {
        ssize_t k = recv(d->fd, buf, sizeof buf, 0);
        if (k <= 0)
            break;
        if (atomic_load(&d->checking)) {
            unsigned long long s = 0;
            for (ssize_t i = 0; i < k; i++)
                s += buf[i];
            atomic_fetch_add(&d->sum, s);
        }
        atomic_fetch_add(&d->bytes, (unsigned long long)k);
    }
    return NULL;
}

/* The sending thread's CPU time (user + system): what the sender itself
 * spends, whoever the receiver waits for. */
static double thread_cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ------------------------------------------------------------ contenders */

static mv_view views[VIEWS];
static char *joined;
static size_t total;

static void send_sendv(const mv_transport *t)
{
    size_t sent;
    if (mv_sendv_all(t, views, VIEWS, &sent) != MV_OK || sent != total)
        BENCH_DIE("mv_sendv_all");
}

static void send_each(const mv_transport *t)
{
    for (size_t i = 0; i < VIEWS; i++) {
        size_t sent;
        if (mv_send_all(t, views[i], &sent) != MV_OK || sent != mv_len(views[i]))
            BENCH_DIE("mv_send_all");
    }
}

static void send_copy(const mv_transport *t)
{
    size_t at = 0;
    for (size_t i = 0; i < VIEWS; i++) {
        memcpy(joined + at, mv_data(views[i]), mv_len(views[i]));
        at += mv_len(views[i]);
    }
    mv_view one;
    size_t sent;
    if (mv_from_const(joined, at, &one) != MV_OK)
        BENCH_DIE("mv_from_const");
    if (mv_send_all(t, one, &sent) != MV_OK || sent != total)
        BENCH_DIE("mv_send_all");
}

typedef struct contender {
    const char *name;
    void (*send)(const mv_transport *t);
} contender;

static const contender contenders[] = {
    { "sendv", send_sendv },
    { "each", send_each },
    { "copy", send_copy },
};
#define NCONTENDERS (sizeof contenders / sizeof contenders[0])

int main(int argc, char **argv)
{
    if (argc != 3)
        BENCH_DIE("usage: vectored MESSAGES REPS");
    unsigned long messages = strtoul(argv[1], NULL, 10);
    int reps = atoi(argv[2]);

    /* 1,000 views of mixed sizes (1 B to 4 KiB, many small ones, as
     * protocol headers and payloads mix) at scattered places in one
     * backing buffer. */
    char *backing = malloc(BACKING);
    if (backing == NULL)
        BENCH_DIE("out of memory");
    uint32_t s = 5;
    for (size_t i = 0; i < BACKING; i++)
        backing[i] = (char)bench_rand(&s);
    static const size_t sizes[] = { 1, 2, 4, 8, 16, 40, 64, 200, 512, 1460, 2048, 4096 };
    uint64_t message_sum = 0;
    for (size_t i = 0; i < VIEWS; i++) {
        size_t len = sizes[bench_rand(&s) % (sizeof sizes / sizeof sizes[0])];
        size_t off = bench_rand(&s) % (BACKING - len);
        if (mv_from_const(backing + off, len, &views[i]) != MV_OK)
            BENCH_DIE("mv_from_const");
        total += len;
        for (size_t k = 0; k < len; k++)
            message_sum += (unsigned char)backing[off + k];
    }
    joined = malloc(total);
    if (joined == NULL)
        BENCH_DIE("out of memory");
    printf("views %d bytes %zu\n", VIEWS, total);

    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
        BENCH_DIE("socketpair");
    static drain d;
    d.fd = sv[1];
    atomic_store(&d.checking, true);
    pthread_t thread;
    if (pthread_create(&thread, NULL, receive, &d) != 0)
        BENCH_DIE("pthread_create");
    counting c = { mv_transport_fd(sv[0]), 0 };
    mv_transport t = { &c, count_send, count_recv, count_sendv, NULL };

    /* One checked message per contender: the receiver must see exactly
     * the message's bytes (count and sum) after each. */
    unsigned long long seen = 0;
    for (size_t k = 0; k < NCONTENDERS; k++) {
        contenders[k].send(&t);
        seen += total;
        while (atomic_load(&d.bytes) < seen)
            nanosleep(&(struct timespec){ 0, 100000 }, NULL);
        if (atomic_load(&d.bytes) != seen ||
            atomic_load(&d.sum) != (unsigned long long)(k + 1) * message_sum)
            BENCH_DIE("the receiver did not get the bytes sent");
    }
    atomic_store(&d.checking, false);

    unsigned long sent_messages = 0;
    for (int rep = 0; rep < reps; rep++)
        for (size_t k = 0; k < NCONTENDERS; k++) {
            const contender *ct = &contenders[(k + (size_t)rep) % NCONTENDERS];
            c.calls = 0;
            double start = bench_now(), cpu_start = thread_cpu();
            for (unsigned long m = 0; m < messages; m++)
                ct->send(&t);
            double elapsed = bench_now() - start, cpu = thread_cpu() - cpu_start;
            sent_messages += messages;
            printf("%s %d %.9f %.3f %.9f\n", ct->name, rep, elapsed / (double)messages,
                   (double)c.calls / (double)messages, cpu / (double)messages);
        }
    shutdown(sv[0], SHUT_WR);
    pthread_join(thread, NULL);
    if (atomic_load(&d.bytes) != seen + (unsigned long long)sent_messages * total)
        BENCH_DIE("the receiver did not get every byte sent");
    return 0;
}
