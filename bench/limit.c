/*
 * limit.c — mv_send_all and mv_recv_all against the hand-written pointer
 * loop on a real AF_UNIX socket pair, and the memory a big transfer adds.
 *
 *   limit throughput BYTES REPS
 *     One process, a sender thread (main) and a receiver thread, a fresh
 *     socket pair per transfer.  Per repetition, in rotating order:
 *       raw-raw    send(fd, p, left, MSG_NOSIGNAL) loop -> recv(fd, p, left, 0) loop
 *       mv-raw     mv_send_all                       -> recv loop
 *       raw-mv     send loop                         -> mv_recv_all (chunk 0)
 *       raw-raw1k  send loop -> recv loop of 1024-byte receives (the seed's chunk)
 *       raw-mv1k   send loop -> mv_recv_all (chunk 1024)
 *     The time runs from the first send to the last byte received; the
 *     received bytes are compared with the message after each transfer.
 *     Prints "CONFIG REP SECONDS SENDER_CPU RECEIVER_CPU" per transfer
 *     (the CPU times of the two threads, user + system).
 *
 *   limit memory send-raw|send-mv|recv-raw|recv-mv BYTES
 *     The peer is a child process forked before anything big is allocated;
 *     this process allocates and touches the message (or the receive
 *     buffer), then records its peak RSS (getrusage ru_maxrss) before a
 *     4 KiB warm-up transfer, after it, and after the transfer of BYTES,
 *     and its resident set (smaps_rollup) before and after.  Prints
 *     "rss_start_kib A rss_before_kib B rss_warm_kib W rss_after_kib C
 *     rssnow_before_kib R rssnow_after_kib S".
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"
#include "memview.h"

/* ------------------------------------------------------------ contenders */

static void raw_send(int fd, const char *p, size_t n)
{
    size_t left = n;
    while (left > 0) {
        ssize_t k = send(fd, p, left, MSG_NOSIGNAL);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            BENCH_DIE("send");
        p += k;
        left -= (size_t)k;
    }
}

static void raw_recv(int fd, char *p, size_t n, size_t chunk)
{
    size_t left = n;
    while (left > 0) {
        size_t ask = chunk != 0 && chunk < left ? chunk : left;
        ssize_t k = recv(fd, p, ask, 0);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            BENCH_DIE("recv");
        p += k;
        left -= (size_t)k;
    }
}

static void mv_send(int fd, const char *p, size_t n)
{
    mv_transport t = mv_transport_fd(fd);
    mv_view v;
    size_t sent;
    if (mv_from_const(p, n, &v) != MV_OK)
        BENCH_DIE("mv_from_const");
    if (mv_send_all(&t, v, &sent) != MV_OK || sent != n)
        BENCH_DIE("mv_send_all");
}

static void mv_recv(int fd, char *p, size_t n, size_t chunk)
{
    mv_transport t = mv_transport_fd(fd);
    mv_view v;
    size_t got;
    if (mv_from(p, n, &v) != MV_OK)
        BENCH_DIE("mv_from");
    if (mv_recv_all(&t, v, chunk, &got) != MV_OK || got != n)
        BENCH_DIE("mv_recv_all");
}

static void make_message(char *p, size_t n)
{
    uint32_t state = 7;
    for (size_t i = 0; i < n; i++)
        p[i] = (char)bench_rand(&state);
}

/* ------------------------------------------------------------ throughput */

typedef struct config {
    const char *name;
    bool        mv_sender;
    bool        mv_receiver;
    size_t      chunk;
} config;

static const config configs[] = {
    { "raw-raw", false, false, 0 },
    { "mv-raw", true, false, 0 },
    { "raw-mv", false, true, 0 },
    { "raw-raw1k", false, false, 1024 },
    { "raw-mv1k", false, true, 1024 },
};
#define NCONFIGS (sizeof configs / sizeof configs[0])

/* The calling thread's CPU time (user + system): what one side's loop
 * costs, less blurred than the elapsed time when the machine is busy. */
static double thread_cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct receiver {
    int           fd;
    char         *buffer;
    size_t        n;
    const config *c;
    double        done;
    double        cpu;
} receiver;

static void *receive(void *arg)
{
    receiver *r = arg;
    double cpu = thread_cpu();
    if (r->c->mv_receiver)
        mv_recv(r->fd, r->buffer, r->n, r->c->chunk);
    else
        raw_recv(r->fd, r->buffer, r->n, r->c->chunk);
    r->done = bench_now();
    r->cpu = thread_cpu() - cpu;
    return NULL;
}

typedef struct timing {
    double seconds;
    double sender_cpu;
    double receiver_cpu;
} timing;

static timing transfer(const config *c, const char *message, char *buffer, size_t n)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
        BENCH_DIE("socketpair");
    receiver r = { sv[1], buffer, n, c, 0, 0 };
    pthread_t thread;
    if (pthread_create(&thread, NULL, receive, &r) != 0)
        BENCH_DIE("pthread_create");
    double start = bench_now(), cpu = thread_cpu();
    if (c->mv_sender)
        mv_send(sv[0], message, n);
    else
        raw_send(sv[0], message, n);
    cpu = thread_cpu() - cpu;
    pthread_join(thread, NULL);
    close(sv[0]);
    close(sv[1]);
    if (memcmp(message, buffer, n) != 0)
        BENCH_DIE("the bytes received differ from the bytes sent");
    return (timing){ r.done - start, cpu, r.cpu };
}

static int throughput(size_t n, int reps)
{
    char *message = malloc(n), *buffer = malloc(n);
    if (message == NULL || buffer == NULL)
        BENCH_DIE("out of memory");
    make_message(message, n);
    memset(buffer, 0, n);
    /* One untimed transfer: threads, socket code and page tables warm. */
    (void)transfer(&configs[0], message, buffer, n);
    for (int rep = 0; rep < reps; rep++)
        for (size_t k = 0; k < NCONFIGS; k++) {
            /* Rotate the order so no contender always runs first. */
            const config *c = &configs[(k + (size_t)rep) % NCONFIGS];
            memset(buffer, 0, 4096);
            timing tm = transfer(c, message, buffer, n);
            printf("%s %d %.9f %.9f %.9f\n", c->name, rep, tm.seconds, tm.sender_cpu,
                   tm.receiver_cpu);
            fflush(stdout);
        }
    free(message);
    free(buffer);
    return 0;
}

/* ---------------------------------------------------------------- memory */

static long peak_kib(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* The resident set now, counted page by page (ru_maxrss comes from the
 * kernel's per-CPU counters, which are exact only to a few dozen pages);
 * -1 where /proc/self/smaps_rollup does not exist. */
static long rss_now_kib(void)
{
    FILE *f = fopen("/proc/self/smaps_rollup", "r");
    if (f == NULL)
        return -1;
    char line[256];
    long kib = -1;
    while (fgets(line, sizeof line, f) != NULL)
        if (sscanf(line, "Rss: %ld kB", &kib) == 1)
            break;
    fclose(f);
    return kib;
}

/* The child peer: drains (or feeds) n bytes through a 64 KiB buffer. */
static void peer(int fd, bool feed, size_t n)
{
    static char chunk[65536];
    size_t left = n;
    while (left > 0) {
        size_t k = left < sizeof chunk ? left : sizeof chunk;
        if (feed)
            raw_send(fd, chunk, k);
        else
            raw_recv(fd, chunk, k, 0);
        left -= k;
    }
    _exit(0);
}

/* One transfer of the n bytes at p, by the contender the mode names. */
static void move(bool sending, bool with_mv, int fd, char *p, size_t n)
{
    if (sending) {
        if (with_mv)
            mv_send(fd, p, n);
        else
            raw_send(fd, p, n);
    } else {
        if (with_mv)
            mv_recv(fd, p, n, 0);
        else
            raw_recv(fd, p, n, 0);
    }
}

/* A first small transfer faults in the code of the contender (the kernel
 * maps text pages 64 KiB at a time); the peak after it is the baseline of
 * the steady figure, the peak before it that of the cold one. */
#define WARMUP 4096u

static int memory(const char *mode, size_t n)
{
    bool sending = strncmp(mode, "send", 4) == 0;
    bool with_mv = strstr(mode, "-mv") != NULL;
    int sv[2];
    if (n < WARMUP)
        BENCH_DIE("BYTES must be at least 4096");
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
        BENCH_DIE("socketpair");
    long start = peak_kib();
    pid_t child = fork();
    if (child < 0)
        BENCH_DIE("fork");
    if (child == 0) {
        close(sv[0]);
        peer(sv[1], !sending, WARMUP + n);
    }
    close(sv[1]);
    char *p = malloc(n);
    if (p == NULL)
        BENCH_DIE("out of memory");
    make_message(p, n);            /* every page touched */
    (void)rss_now_kib();           /* its own code and buffers resident first */
    long before = peak_kib(), rss_before = rss_now_kib();
    move(sending, with_mv, sv[0], p, WARMUP);
    long warm = peak_kib();
    move(sending, with_mv, sv[0], p, n);
    long after = peak_kib(), rss_after = rss_now_kib();
    int status;
    close(sv[0]);
    if (waitpid(child, &status, 0) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        BENCH_DIE("the peer failed");
    printf("rss_start_kib %ld rss_before_kib %ld rss_warm_kib %ld rss_after_kib %ld "
           "rssnow_before_kib %ld rssnow_after_kib %ld\n",
           start, before, warm, after, rss_before, rss_after);
    free(p);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "throughput") == 0)
        return throughput((size_t)strtoull(argv[2], NULL, 10), atoi(argv[3]));
    if (argc == 4 && strcmp(argv[1], "memory") == 0)
        return memory(argv[2], (size_t)strtoull(argv[3], NULL, 10));
    BENCH_DIE("usage: limit throughput BYTES REPS | limit memory send-raw|send-mv|recv-raw|recv-mv BYTES");
}
