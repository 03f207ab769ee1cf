/*
 * test_io_real.c — the I/O loops over real descriptors: an AF_UNIX socket
 * pair, a TCP connection on 127.0.0.1 and a pipe, with small socket
 * buffers so that short sends and receives really happen.
 *
 * Sender and receiver are different processes (fork): each has its own
 * 1 ms SIGALRM interval timer, installed without SA_RESTART, so blocking
 * calls really fail with EINTR; a counting transport around
 * mv_transport_fd sees every call and shows that they did.  The timer's
 * handler is also each process's watchdog (a deadline), since it takes the
 * place of the test binary's alarm() while it runs.
 *
 *  - 64 MiB of pseudo-random bytes over each link, byte-exact, the
 *    receiver taking random amounts (mv_recv_all with a chunk, mv_recv_into
 *    with nbytes) — the seed's two loops;
 *  - a non-blocking sender (and receiver) resuming after MV_EAGAIN with
 *    mv_advance, waiting in poll();
 *  - a receiver that closes mid-transfer: the sender gets MV_ESYS (EPIPE,
 *    or ECONNRESET on a socket) or MV_ECLOSED with its exact progress, and no
 *    SIGPIPE on sockets; a pipe raises SIGPIPE, or EPIPE when ignored;
 *  - mv_sendv_all of thousands of views scattered over the source, blocking
 *    and non-blocking.
 *
 * Every transfer is bounded in time; links are loopback only.
 */
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include "mv_test.h"
#include "mv_model.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>

#define BULK (64u << 20)        /* bytes per link in the bulk transfer */
#define SMALL_BUF 8192          /* SO_SNDBUF / SO_RCVBUF */
#define TRANSFER_SECONDS 30     /* deadline of one transfer */

/* ------------------------------------------------------- source bytes */

static uint8_t *source;         /* BULK pseudo-random bytes, made once */

static uint64_t mix(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static bool make_source(void)
{
    if (source != NULL)
        return true;
    source = malloc(BULK);
    if (source == NULL)
        return false;
    uint64_t st = 0x5eed;
    for (size_t i = 0; i < BULK; i += 8) {
        uint64_t w = mix(&st);
        memcpy(source + i, &w, 8);
    }
    return true;
}

/* ------------------------------------------------ timer and watchdog */

static volatile sig_atomic_t ticks;
static struct timespec deadline;
static unsigned watchdog_left;     /* the binary's alarm while the timer runs */
static struct timespec timer_began;

static void on_tick(int sig)
{
    (void)sig;
    int saved = errno;
    ticks++;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (now.tv_sec > deadline.tv_sec ||
        (now.tv_sec == deadline.tv_sec && now.tv_nsec > deadline.tv_nsec)) {
        static const char msg[] = "FAIL watchdog: a transfer did not finish in time\n";
        if (write(STDOUT_FILENO, msg, sizeof msg - 1) < 0)
            _exit(3);
        _exit(2);
    }
    errno = saved;
}

/* A 1 ms SIGALRM without SA_RESTART, and a deadline. */
static void timer_start(void)
{
    watchdog_left = alarm(0);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_tick;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: blocking calls fail with EINTR */
    sigaction(SIGALRM, &sa, NULL);
    clock_gettime(CLOCK_MONOTONIC, &timer_began);
    deadline = timer_began;
    deadline.tv_sec += TRANSFER_SECONDS;
    ticks = 0;
    struct itimerval it = { { 0, 1000 }, { 0, 1000 } };
    setitimer(ITIMER_REAL, &it, NULL);
}

/* Stops the timer and gives the binary its watchdog back. */
static void timer_stop(void)
{
    struct itimerval off;
    memset(&off, 0, sizeof off);
    setitimer(ITIMER_REAL, &off, NULL);
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    unsigned spent = (unsigned)(now.tv_sec - timer_began.tv_sec) + 1;
    signal(SIGALRM, mvt_on_alarm);
    if (watchdog_left > 0)
        alarm(watchdog_left > spent ? watchdog_left - spent : 1);
}

/* -------------------------------------------------- counting transport */

/* mv_transport_fd, with every call counted: what the library was told. */
typedef struct counted {
    mv_transport fd;
    unsigned long calls, eintr, eagain, failed;
    unsigned long recv_calls, recvv_calls;  /* of each receive function */
    size_t moved;   /* bytes the descriptor calls reported moved */
    int last_errno;
} counted;

static void tally(counted *c, ssize_t r, int err)
{
    c->calls++;
    if (r > 0) {
        c->moved += (size_t)r;
    } else if (r < 0) {
        if (err == EINTR)
            c->eintr++;
        else if (err == EAGAIN || err == EWOULDBLOCK)
            c->eagain++;
        else
            c->failed++;
        c->last_errno = err;
    }
}

static ssize_t counted_send(void *ctx, const void *buf, size_t len)
{
    counted *c = ctx;
    ssize_t r = c->fd.send(c->fd.ctx, buf, len);
    int err = errno;
    tally(c, r, err);
    errno = err;
    return r;
}

static ssize_t counted_recv(void *ctx, void *buf, size_t len)
{
    counted *c = ctx;
    c->recv_calls++;
    ssize_t r = c->fd.recv(c->fd.ctx, buf, len);
    int err = errno;
    tally(c, r, err);
    errno = err;
    return r;
}

static ssize_t counted_sendv(void *ctx, const struct iovec *iov, int iovcnt)
{
    counted *c = ctx;
    ssize_t r = c->fd.sendv(c->fd.ctx, iov, iovcnt);
    int err = errno;
    tally(c, r, err);
    errno = err;
    return r;
}

static ssize_t counted_recvv(void *ctx, const struct iovec *iov, int iovcnt)
{
    counted *c = ctx;
    c->recvv_calls++;
    ssize_t r = c->fd.recvv(c->fd.ctx, iov, iovcnt);
    int err = errno;
    tally(c, r, err);
    errno = err;
    return r;
}

static mv_transport counting(counted *c, int fd)
{
    memset(c, 0, sizeof *c);
    c->fd = mv_transport_fd(fd);
    mv_transport t = { c, counted_send, counted_recv, counted_sendv, counted_recvv };
    return t;
}

/* --------------------------------------------------------------- links */

enum { LINK_UNIX, LINK_TCP, LINK_PIPE, N_LINKS };
static const char *const link_names[] = { "AF_UNIX socketpair", "TCP 127.0.0.1", "pipe" };

typedef struct conn {
    int kind;
    int snd, rcv;
} conn;

static bool small_buffers(int fd)
{
    int size = SMALL_BUF;
    return setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof size) == 0 &&
           setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size) == 0;
}

static bool link_open(int kind, conn *l)
{
    l->kind = kind;
    l->snd = l->rcv = -1;
    int fds[2];
    if (kind == LINK_PIPE) {
        if (!CHECK(pipe(fds) == 0))
            return false;
        l->rcv = fds[0];
        l->snd = fds[1];
        return true;
    }
    if (kind == LINK_UNIX) {
        if (!CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0))
            return false;
        l->snd = fds[0];
        l->rcv = fds[1];
        return CHECK(small_buffers(l->snd) && small_buffers(l->rcv));
    }
    /* TCP: buffers set before listen/connect, so the window is small. */
    int lst = socket(AF_INET, SOCK_STREAM, 0);
    if (!CHECK(lst >= 0))
        return false;
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    socklen_t alen = sizeof a;
    bool ok = CHECK(small_buffers(lst)) && CHECK(bind(lst, (struct sockaddr *)&a, sizeof a) == 0) &&
              CHECK(listen(lst, 1) == 0) &&
              CHECK(getsockname(lst, (struct sockaddr *)&a, &alen) == 0);
    if (ok) {
        l->snd = socket(AF_INET, SOCK_STREAM, 0);
        ok = CHECK(l->snd >= 0) && CHECK(small_buffers(l->snd)) &&
             CHECK(connect(l->snd, (struct sockaddr *)&a, sizeof a) == 0);
    }
    if (ok) {
        l->rcv = accept(lst, NULL, NULL);
        ok = CHECK(l->rcv >= 0);
    }
    close(lst);
    return ok;
}

static void link_close(conn *l)
{
    if (l->snd >= 0)
        close(l->snd);
    if (l->rcv >= 0)
        close(l->rcv);
    l->snd = l->rcv = -1;
}

static bool set_nonblocking(int fd)
{
    int fl = fcntl(fd, F_GETFL);
    return fl >= 0 && fcntl(fd, F_SETFL, fl | O_NONBLOCK) == 0;
}

/* Waits until fd is ready for events (EINTR from the timer is no error). */
static void wait_for(int fd, short events)
{
    struct pollfd p = { fd, events, 0 };
    while (poll(&p, 1, 1000) < 0 && errno == EINTR)
        ;
}

/* ------------------------------------------------- results of a child */

/* What the child process of a transfer reports (in shared memory). */
typedef struct report {
    int finished;            /* the child got to the end of its part */
    mv_status status;
    int err;                 /* errno after the last call */
    size_t count;            /* bytes moved, as the library reported them */
    size_t wrapper_moved;    /* bytes moved, as the descriptor calls reported them */
    unsigned long calls, eintr, eagain, ticks, rounds;
    int exact;               /* received bytes matched */
    int progress_exact;      /* every call's counter matched the descriptor calls */
} report;

static report *shared_report(void)
{
    void *p = mmap(NULL, sizeof(report), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    memset(p, 0, sizeof(report));
    return p;
}

/* fork(), or the end of the binary (which then fails: no summary line). */
static pid_t start_child(void)
{
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        printf("FAIL %s: fork: %s\n", mvt_current, strerror(errno));
        exit(1);
    }
    return pid;
}

/* Waits for the child; returns its wait status. */
static int reap(pid_t pid)
{
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    return status;
}

static bool child_ok(int status)
{
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return true;
    printf("  child ended with %s %d\n", WIFEXITED(status) ? "status" : "signal",
           WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
    return false;
}

/* ------------------------------------------------------- the two sides */

/* Sleeps ms milliseconds in spite of the timer: a pause that leaves the
 * peer blocked long enough for a tick to interrupt it. */
static void pause_ms(long ms)
{
    struct timespec end, now;
    clock_gettime(CLOCK_MONOTONIC, &end);
    end.tv_nsec += ms * 1000000L;
    end.tv_sec += end.tv_nsec / 1000000000L;
    end.tv_nsec %= 1000000000L;
    for (;;) {
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec > end.tv_sec || (now.tv_sec == end.tv_sec && now.tv_nsec >= end.tv_nsec))
            return;
        struct timespec d = { 0, 200000L };
        nanosleep(&d, NULL);
    }
}

/* A receiver taking random amounts: mv_recv_all with a random chunk into a
 * random-length front of what is left, or one mv_recv_into of random
 * nbytes (0: the whole view).  Non-blocking descriptors are waited for.
 * Checks after every call that the counter is what the descriptor calls
 * moved.  Returns the last status; *total is what arrived. */
static mv_status receive_randomly(const mv_transport *t, counted *c, int fd, mv_view v, uint64_t seed,
                                  size_t *total, unsigned long *rounds, bool *progress_exact)
{
    uint64_t rs = seed;
    *total = 0;
    *rounds = 0;
    *progress_exact = true;
    size_t paused_at = 0;
    while (mv_len(v) > 0) {
        size_t left = mv_len(v);
        size_t before = c->moved;
        size_t n = 0;
        mv_status st;
        (*rounds)++;
        if (*total - paused_at >= (2u << 20)) {
            pause_ms(3);       /* the sender blocks on a full buffer meanwhile */
            paused_at = *total;
        }
        uint64_t r = mix(&rs);
        size_t chunk = (size_t)1 << (r % 17);            /* 1 .. 64 KiB */
        chunk += (size_t)(mix(&rs) % chunk);
        if ((r >> 8) % 3 != 0) {
            size_t part = 1 + (size_t)(mix(&rs) % (64 * chunk)); /* up to 64 calls */
            mv_view front;
            if (mv_sub(v, 0, part < left ? part : left, &front) != MV_OK)
                return MV_EINVAL;
            st = mv_recv_all(t, front, (r >> 16) % 8 == 0 ? 0 : chunk, &n);
        } else {
            size_t nbytes = (r >> 16) % 8 == 0 ? 0 : (chunk < left ? chunk : left);
            st = mv_recv_into(t, v, nbytes, &n);
            if (st == MV_OK && n == 0)
                st = MV_ECLOSED;                        /* the stream ended early */
        }
        if (n != c->moved - before)
            *progress_exact = false;
        *total += n;
        if (mv_advance(&v, n) != MV_OK)
            return MV_EINVAL;
        if (st == MV_EAGAIN) {
            wait_for(fd, POLLIN);
            continue;
        }
        if (st != MV_OK)
            return st;
    }
    return MV_OK;
}

/* Sends v; a non-blocking descriptor is resumed after MV_EAGAIN with
 * mv_advance once poll() says there is room. */
static mv_status send_resuming(const mv_transport *t, counted *c, int fd, mv_view v, size_t *total,
                               unsigned long *rounds, bool *progress_exact)
{
    *total = 0;
    *rounds = 0;
    *progress_exact = true;
    for (;;) {
        size_t before = c->moved, n = 0;
        (*rounds)++;
        mv_status st = mv_send_all(t, v, &n);
        if (n != c->moved - before)
            *progress_exact = false;
        *total += n;
        if (mv_advance(&v, n) != MV_OK)
            return MV_EINVAL;
        if (st != MV_EAGAIN)
            return st;
        wait_for(fd, POLLOUT);
    }
}

/* Drops the first n bytes of a list of views: whole views, then the front
 * of a partly sent one (what a caller of mv_sendv_all does to resume). */
static void drop_sent(mv_view **views, size_t *count, size_t n)
{
    while (n > 0 && *count > 0) {
        size_t l = mv_len((*views)[0]);
        if (n < l) {
            if (mv_advance(&(*views)[0], n) != MV_OK)
                abort();
            return;
        }
        n -= l;
        (*views)++;
        (*count)--;
    }
}

static mv_status sendv_resuming(const mv_transport *t, counted *c, int fd, mv_view *views, size_t count,
                                size_t *total, unsigned long *rounds, bool *progress_exact)
{
    *total = 0;
    *rounds = 0;
    *progress_exact = true;
    for (;;) {
        size_t before = c->moved, n = 0;
        (*rounds)++;
        mv_status st = mv_sendv_all(t, views, count, &n);
        if (n != c->moved - before)
            *progress_exact = false;
        *total += n;
        drop_sent(&views, &count, n);
        if (st != MV_EAGAIN)
            return st;
        wait_for(fd, POLLOUT);
    }
}

static void fill_report(report *rep, mv_status st, size_t count, const counted *c, unsigned long rounds,
                        bool progress_exact)
{
    rep->status = st;
    rep->err = c->last_errno;
    rep->count = count;
    rep->wrapper_moved = c->moved;
    rep->calls = c->calls;
    rep->eintr = c->eintr;
    rep->eagain = c->eagain;
    rep->ticks = (unsigned long)ticks;
    rep->rounds = rounds;
    rep->progress_exact = progress_exact;
    rep->finished = 1;
}

static void print_side(const char *link_name, const char *side, unsigned long calls, unsigned long eintr,
                       unsigned long eagain, unsigned long tick_count)
{
    printf("  %-18s %-9s %8lu calls, %6lu EINTR, %6lu EAGAIN, %6lu timer ticks\n", link_name, side,
           calls, eintr, eagain, tick_count);
}

/* ------------------------------------------------------------- transfers */

static unsigned long total_eintr;

/* 64 MiB: the child sends it with one mv_send_all, the parent receives in
 * random amounts; both are interrupted every millisecond. */
static void bulk_transfer(int kind)
{
    conn l;
    report *rep = shared_report();
    uint8_t *dst = malloc(BULK);
    if (!CHECK(rep != NULL && dst != NULL && make_source()) || !link_open(kind, &l)) {
        free(dst);
        return;
    }
    memset(dst, MVT_SENTINEL, BULK);
    pid_t pid = start_child();
    if (pid == 0) {
        close(l.rcv);
        timer_start();
        counted c;
        mv_transport t = counting(&c, l.snd);
        /* Eight mv_send_all calls of 8 MiB, pausing in between so that the
         * receiver blocks on an empty link. */
        size_t n = 0, total = 0;
        mv_status st = MV_OK;
        bool exact = true;
        for (size_t piece = 0; piece < 8 && st == MV_OK; piece++) {
            if (piece > 0)
                pause_ms(3);
            size_t before = c.moved;
            st = mv_send_all(&t, mvt_from_const(source + piece * (BULK / 8), BULK / 8), &n);
            exact &= n == c.moved - before;
            total += n;
        }
        fill_report(rep, st, total, &c, 8, exact);
        close(l.snd);
        _exit(0);
    }
    close(l.snd);
    l.snd = -1;
    timer_start();
    counted c;
    mv_transport t = counting(&c, l.rcv);
    size_t got = 0;
    unsigned long rounds = 0;
    bool exact = false;
    mv_status st = receive_randomly(&t, &c, l.rcv, mvt_from(dst, BULK), 0x1234 + (uint64_t)kind, &got,
                                    &rounds, &exact);
    /* Then the end of the stream: one receive of 0 bytes. */
    uint8_t one;
    size_t end = 1;
    mv_status st_end = mv_recv_into(&t, mvt_from(&one, 1), 0, &end);
    unsigned long my_ticks = (unsigned long)ticks;
    timer_stop();
    link_close(&l); /* a sender still blocked sees the end */
    int status = reap(pid);

    CHECK_ST(st, MV_OK);
    CHECK_EQU(got, BULK);
    CHECK(exact);
    CHECK_ST(st_end, MV_OK);
    CHECK_EQU(end, 0);
    CHECK_MEM(dst, source, BULK);
    if (CHECK(child_ok(status)) && CHECK(rep->finished)) {
        CHECK_ST(rep->status, MV_OK);
        CHECK_EQU(rep->count, BULK);
        CHECK_EQU(rep->wrapper_moved, BULK);
        CHECK(rep->progress_exact);
    }
    /* The timer did interrupt blocking calls on both sides, and they were
     * retried. */
    CHECK(rep->eintr > 0);
    CHECK(c.eintr > 0);
    total_eintr += c.eintr + rep->eintr;
    print_side(link_names[kind], "sender", rep->calls, rep->eintr, rep->eagain, rep->ticks);
    print_side(link_names[kind], "receiver", c.calls, c.eintr, c.eagain, my_ticks);
    link_close(&l);
    free(dst);
    munmap(rep, sizeof *rep);
}

static void bulk_64mib_unix(void)
{
    bulk_transfer(LINK_UNIX);
}

static void bulk_64mib_tcp(void)
{
    bulk_transfer(LINK_TCP);
}

static void bulk_64mib_pipe(void)
{
    bulk_transfer(LINK_PIPE);
}

#define NB_BYTES (16u << 20)

/* A non-blocking sender in this process (poll, mv_advance after each
 * MV_EAGAIN), a blocking receiver in the child taking random amounts. */
static void nonblocking_sender(int kind)
{
    conn l;
    report *rep = shared_report();
    if (!CHECK(rep != NULL && make_source()) || !link_open(kind, &l))
        return;
    pid_t pid = start_child();
    if (pid == 0) {
        close(l.snd);
        timer_start();
        uint8_t *dst = malloc(NB_BYTES);
        if (dst == NULL)
            _exit(1);
        counted c;
        mv_transport t = counting(&c, l.rcv);
        size_t got = 0;
        unsigned long rounds = 0;
        bool exact = false;
        mv_status st = receive_randomly(&t, &c, l.rcv, mvt_from(dst, NB_BYTES), 77 + (uint64_t)kind, &got,
                                        &rounds, &exact);
        fill_report(rep, st, got, &c, rounds, exact);
        rep->exact = got == NB_BYTES && memcmp(dst, source, NB_BYTES) == 0;
        free(dst);
        _exit(0);
    }
    close(l.rcv);
    l.rcv = -1;
    void (*old_pipe)(int) = signal(SIGPIPE, SIG_IGN); /* a dead reader of a pipe: EPIPE */
    CHECK(set_nonblocking(l.snd));
    timer_start();
    counted c;
    mv_transport t = counting(&c, l.snd);
    size_t sent = 0;
    unsigned long rounds = 0;
    bool exact = false;
    mv_status st = send_resuming(&t, &c, l.snd, mvt_from_const(source, NB_BYTES), &sent, &rounds, &exact);
    unsigned long my_ticks = (unsigned long)ticks;
    close(l.snd);
    l.snd = -1;
    timer_stop();
    int status = reap(pid);
    signal(SIGPIPE, old_pipe);

    CHECK_ST(st, MV_OK);
    CHECK_EQU(sent, NB_BYTES);
    CHECK(exact);
    CHECK(c.eagain > 0);           /* the socket did fill up */
    CHECK_EQU(rounds, c.eagain + 1);
    if (CHECK(child_ok(status)) && CHECK(rep->finished)) {
        CHECK_ST(rep->status, MV_OK);
        CHECK_EQU(rep->count, NB_BYTES);
        CHECK(rep->exact);
        CHECK(rep->progress_exact);
    }
    total_eintr += c.eintr + rep->eintr;
    print_side(link_names[kind], "nb sender", c.calls, c.eintr, c.eagain, my_ticks);
    print_side(link_names[kind], "receiver", rep->calls, rep->eintr, rep->eagain, rep->ticks);
    link_close(&l);
    munmap(rep, sizeof *rep);
}

static void nonblocking_sender_unix(void)
{
    nonblocking_sender(LINK_UNIX);
}

static void nonblocking_sender_tcp(void)
{
    nonblocking_sender(LINK_TCP);
}

static void nonblocking_sender_pipe(void)
{
    nonblocking_sender(LINK_PIPE);
}

/* A non-blocking receiver here, a blocking sender in the child. */
static void nonblocking_receiver(int kind)
{
    conn l;
    report *rep = shared_report();
    uint8_t *dst = malloc(NB_BYTES);
    if (!CHECK(rep != NULL && dst != NULL && make_source()) || !link_open(kind, &l)) {
        free(dst);
        return;
    }
    memset(dst, MVT_SENTINEL, NB_BYTES);
    pid_t pid = start_child();
    if (pid == 0) {
        close(l.rcv);
        timer_start();
        counted c;
        mv_transport t = counting(&c, l.snd);
        size_t n = 0;
        mv_status st = mv_send_all(&t, mvt_from_const(source, NB_BYTES), &n);
        fill_report(rep, st, n, &c, 1, n == c.moved);
        _exit(0);
    }
    close(l.snd);
    l.snd = -1;
    CHECK(set_nonblocking(l.rcv));
    timer_start();
    counted c;
    mv_transport t = counting(&c, l.rcv);
    size_t got = 0;
    unsigned long rounds = 0;
    bool exact = false;
    mv_status st = receive_randomly(&t, &c, l.rcv, mvt_from(dst, NB_BYTES), 99 + (uint64_t)kind, &got,
                                    &rounds, &exact);
    unsigned long my_ticks = (unsigned long)ticks;
    timer_stop();
    link_close(&l);
    int status = reap(pid);

    CHECK_ST(st, MV_OK);
    CHECK_EQU(got, NB_BYTES);
    CHECK(exact);
    CHECK(c.eagain > 0);
    CHECK_MEM(dst, source, NB_BYTES);
    if (CHECK(child_ok(status)) && CHECK(rep->finished)) {
        CHECK_ST(rep->status, MV_OK);
        CHECK_EQU(rep->count, NB_BYTES);
        CHECK(rep->progress_exact);
    }
    total_eintr += c.eintr + rep->eintr;
    print_side(link_names[kind], "sender", rep->calls, rep->eintr, rep->eagain, rep->ticks);
    print_side(link_names[kind], "nb recv", c.calls, c.eintr, c.eagain, my_ticks);
    link_close(&l);
    free(dst);
    munmap(rep, sizeof *rep);
}

static void nonblocking_receiver_unix(void)
{
    nonblocking_receiver(LINK_UNIX);
}

static void nonblocking_receiver_tcp(void)
{
    nonblocking_receiver(LINK_TCP);
}

static void nonblocking_receiver_pipe(void)
{
    nonblocking_receiver(LINK_PIPE);
}

/* ------------------------------------------------- a peer that goes away */

#define CLOSE_TOTAL (8u << 20)
#define CLOSE_AFTER ((1u << 20) + 12345u)

/* The child sends CLOSE_TOTAL bytes (with mv_send_all, or vectored: with
 * mv_sendv_all over 4 KiB views); this process takes CLOSE_AFTER of them
 * and closes.  ignore_sigpipe: the child ignores SIGPIPE (for a pipe that
 * is what turns the signal into EPIPE; sockets must not need it). */
static void peer_closes(int kind, bool ignore_sigpipe, bool vectored)
{
    conn l;
    report *rep = shared_report();
    uint8_t *dst = malloc(CLOSE_AFTER);
    if (!CHECK(rep != NULL && dst != NULL && make_source()) || !link_open(kind, &l)) {
        free(dst);
        return;
    }
    pid_t pid = start_child();
    if (pid == 0) {
        close(l.rcv);
        signal(SIGPIPE, ignore_sigpipe ? SIG_IGN : SIG_DFL);
        timer_start();
        counted c;
        mv_transport t = counting(&c, l.snd);
        size_t n = 0;
        mv_status st;
        static mv_view pieces[CLOSE_TOTAL / 4096];
        for (size_t i = 0; i < CLOSE_TOTAL / 4096; i++)
            pieces[i] = mvt_from_const(source + i * 4096, 4096);
        errno = 0;
        if (vectored)
            st = mv_sendv_all(&t, pieces, CLOSE_TOTAL / 4096, &n);
        else
            st = mv_send_all(&t, mvt_from_const(source, CLOSE_TOTAL), &n);
        int err = errno;
        fill_report(rep, st, n, &c, 1, n == c.moved);
        rep->err = err;
        _exit(0);
    }
    close(l.snd);
    l.snd = -1;
    timer_start();
    counted c;
    mv_transport t = counting(&c, l.rcv);
    size_t got = 0;
    mv_status st = mv_recv_all(&t, mvt_from(dst, CLOSE_AFTER), 4096, &got);
    close(l.rcv);
    l.rcv = -1;
    timer_stop();
    int status = reap(pid);

    CHECK_ST(st, MV_OK);
    CHECK_EQU(got, CLOSE_AFTER);
    CHECK_MEM(dst, source, CLOSE_AFTER);
    if (kind == LINK_PIPE && !ignore_sigpipe) {
        /* write(2) to a pipe without a reader: SIGPIPE, as documented. */
        if (!CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE))
            child_ok(status);
    } else if (CHECK(child_ok(status)) && CHECK(rep->finished)) {
        bool closed = rep->status == MV_ECLOSED;
        bool broken = rep->status == MV_ESYS &&
                      (rep->err == EPIPE || (kind != LINK_PIPE && rep->err == ECONNRESET));
        if (!CHECK(closed || broken))
            printf("  sender: %s, errno %d (%s)\n", mvt_status_name(rep->status), rep->err,
                   strerror(rep->err));
        /* Exact progress: what the descriptor calls moved, at least what
         * was read, short of everything. */
        CHECK_EQU(rep->count, rep->wrapper_moved);
        CHECK(rep->count >= CLOSE_AFTER);
        CHECK(rep->count < CLOSE_TOTAL);
        printf("  %-18s %s stopped after %zu of %u bytes: %s (%s)\n", link_names[kind],
               vectored ? "mv_sendv_all" : "mv_send_all", rep->count, CLOSE_TOTAL,
               mvt_status_name(rep->status), strerror(rep->err));
    }
    link_close(&l);
    free(dst);
    munmap(rep, sizeof *rep);
}

static void peer_closes_unix_no_sigpipe(void)
{
    peer_closes(LINK_UNIX, false, false);
    peer_closes(LINK_UNIX, false, true);
}

static void peer_closes_tcp_no_sigpipe(void)
{
    peer_closes(LINK_TCP, false, false);
    peer_closes(LINK_TCP, false, true);
}

static void peer_closes_pipe_sigpipe_ignored(void)
{
    peer_closes(LINK_PIPE, true, false);
    peer_closes(LINK_PIPE, true, true);
}

static void peer_closes_pipe_raises_sigpipe(void)
{
    peer_closes(LINK_PIPE, false, false);
    peer_closes(LINK_PIPE, false, true);
}

/* -------------------------------------------------------- many views */

#define N_VIEWS 5000

/* N_VIEWS views at random places of the source (a sixth of them empty),
 * sent with mv_sendv_all by the child, blocking or non-blocking (resumed
 * by dropping what was sent); the parent checks the concatenation. */
static void sendv_many_views(int kind, bool nonblocking)
{
    conn l;
    report *rep = shared_report();
    mv_view *views = malloc(N_VIEWS * sizeof *views);
    size_t total = 0;
    if (!CHECK(rep != NULL && views != NULL && make_source())) {
        free(views);
        return;
    }
    uint64_t rs = 4242 + (uint64_t)kind * 2 + nonblocking;
    for (size_t i = 0; i < N_VIEWS; i++) {
        size_t len = mix(&rs) % 6 == 0 ? 0 : (size_t)(mix(&rs) % 4000);
        size_t at = (size_t)(mix(&rs) % (BULK - len));
        views[i] = mvt_from_const(source + at, len);
        total += len;
    }
    uint8_t *expect = malloc(total), *dst = malloc(total);
    if (!CHECK(expect != NULL && dst != NULL) || !link_open(kind, &l)) {
        free(views);
        free(expect);
        free(dst);
        return;
    }
    for (size_t i = 0, at = 0; i < N_VIEWS; at += mv_len(views[i]), i++)
        if (mv_len(views[i]) > 0)
            memcpy(expect + at, mv_data(views[i]), mv_len(views[i]));
    memset(dst, MVT_SENTINEL, total);

    pid_t pid = start_child();
    if (pid == 0) {
        close(l.rcv);
        timer_start();
        if (nonblocking && !set_nonblocking(l.snd))
            _exit(1);
        counted c;
        mv_transport t = counting(&c, l.snd);
        size_t n = 0;
        unsigned long rounds = 0;
        bool exact = false;
        mv_status st = sendv_resuming(&t, &c, l.snd, views, N_VIEWS, &n, &rounds, &exact);
        fill_report(rep, st, n, &c, rounds, exact);
        _exit(0);
    }
    close(l.snd);
    l.snd = -1;
    timer_start();
    counted c;
    mv_transport t = counting(&c, l.rcv);
    size_t got = 0;
    unsigned long rounds = 0;
    bool exact = false;
    mv_status st = receive_randomly(&t, &c, l.rcv, mvt_from(dst, total), 5 + (uint64_t)kind, &got, &rounds,
                                    &exact);
    timer_stop();
    link_close(&l);
    int status = reap(pid);

    CHECK_ST(st, MV_OK);
    CHECK_EQU(got, total);
    CHECK_MEM(dst, expect, total);
    if (CHECK(child_ok(status)) && CHECK(rep->finished)) {
        CHECK_ST(rep->status, MV_OK);
        CHECK_EQU(rep->count, total);
        CHECK_EQU(rep->wrapper_moved, total);
        CHECK(rep->progress_exact);
        if (nonblocking)
            CHECK(rep->eagain > 0);
    }
    total_eintr += c.eintr + rep->eintr;
    printf("  %-18s %s mv_sendv_all: %d views, %zu bytes, %lu calls, %lu EAGAIN\n", link_names[kind],
           nonblocking ? "non-blocking" : "blocking", N_VIEWS, total, rep->calls, rep->eagain);
    link_close(&l);
    free(views);
    free(expect);
    free(dst);
    munmap(rep, sizeof *rep);
}

static void sendv_many_views_unix(void)
{
    sendv_many_views(LINK_UNIX, false);
    sendv_many_views(LINK_UNIX, true);
}

static void sendv_many_views_tcp(void)
{
    sendv_many_views(LINK_TCP, false);
    sendv_many_views(LINK_TCP, true);
}

static void sendv_many_views_pipe(void)
{
    sendv_many_views(LINK_PIPE, false);
    sendv_many_views(LINK_PIPE, true);
}

/* ------------------------------------------------------- small things */

/* mv_transport_fd picks the socket calls for sockets and read/write for
 * the rest; a descriptor that is not open fails with EBADF (MV_ESYS). */
static void transport_fd_on_bad_descriptors(void)
{
    int fds[2];
    if (!CHECK(pipe(fds) == 0))
        return;
    close(fds[0]);
    close(fds[1]);
    uint8_t buf[4] = { 1, 2, 3, 4 };
    mv_transport t = mv_transport_fd(fds[1]);
    size_t n;
    errno = 0;
    CHECK_ST(mv_send_all(&t, mvt_from_const(buf, 4), &n), MV_ESYS);
    CHECK_EQ(errno, EBADF);
    CHECK_EQU(n, 0);
    errno = 0;
    CHECK_ST(mv_recv_into(&t, mvt_from(buf, 4), 0, &n), MV_ESYS);
    CHECK_EQ(errno, EBADF);
    CHECK_EQU(n, 0);
    mv_view vs[2] = { mvt_from_const(buf, 2), mvt_from_const(buf + 2, 2) };
    errno = 0;
    CHECK_ST(mv_sendv_all(&t, vs, 2, &n), MV_ESYS);
    CHECK_EQ(errno, EBADF);
    CHECK_EQU(n, 0);
    t = mv_transport_fd(-1);
    errno = 0;
    CHECK_ST(mv_recv_all(&t, mvt_from(buf, 4), 0, &n), MV_ESYS);
    CHECK_EQ(errno, EBADF);
    CHECK_EQU(n, 0);
}

/* The end of the stream on each link: mv_recv_into gives 0, mv_recv_all
 * MV_ECLOSED with what did arrive. */
static void end_of_stream_on_each_link(void)
{
    for (int kind = 0; kind < N_LINKS; kind++) {
        conn l;
        if (!link_open(kind, &l))
            return;
        static const uint8_t msg[5] = { 'h', 'e', 'l', 'l', 'o' };
        mv_transport ts = mv_transport_fd(l.snd), tr = mv_transport_fd(l.rcv);
        size_t n;
        CHECK_ST(mv_send_all(&ts, mvt_from_const(msg, 5), &n), MV_OK);
        CHECK_EQU(n, 5);
        close(l.snd);
        l.snd = -1;
        uint8_t buf[8];
        memset(buf, MVT_SENTINEL, sizeof buf);
        CHECK_ST(mv_recv_all(&tr, mvt_from(buf, 8), 2, &n), MV_ECLOSED);
        CHECK_EQU(n, 5);
        CHECK_MEM(buf, msg, 5);
        CHECK_SENTINEL(buf + 5, 3);
        n = 99;
        CHECK_ST(mv_recv_into(&tr, mvt_from(buf, 8), 0, &n), MV_OK);
        CHECK_EQU(n, 0);
        link_close(&l);
    }
}

/* A regular file: write and writev, then read back to the end. */
static void regular_file_transport(void)
{
    FILE *f = tmpfile();
    if (!CHECK(f != NULL) || !CHECK(make_source())) {
        if (f != NULL)
            fclose(f);
        return;
    }
    int fd = fileno(f);
    mv_transport t = mv_transport_fd(fd);
    const size_t n = 100000;
    mv_view views[3] = { mvt_from_const(source, 40000), mvt_from_const(source + 40000, 0),
                         mvt_from_const(source + 40000, n - 40000) };
    size_t sent;
    CHECK_ST(mv_sendv_all(&t, views, 3, &sent), MV_OK);
    CHECK_EQU(sent, n);
    CHECK_ST(mv_send_all(&t, mvt_from_const(source, 5), &sent), MV_OK);
    CHECK_EQU(sent, 5);
    if (!CHECK(lseek(fd, 0, SEEK_SET) == 0)) {
        fclose(f);
        return;
    }
    uint8_t *buf = malloc(n + 10);
    if (!CHECK(buf != NULL)) {
        fclose(f);
        return;
    }
    memset(buf, MVT_SENTINEL, n + 10);
    size_t got;
    CHECK_ST(mv_recv_all(&t, mvt_from(buf, n + 10), 4096, &got), MV_ECLOSED);
    CHECK_EQU(got, n + 5);
    CHECK_MEM(buf, source, n);
    CHECK_MEM(buf + n, source, 5);
    CHECK_SENTINEL(buf + n + 5, 5);
    free(buf);
    fclose(f);
}

/* ---------------------------------------------- vectored receives */

/* Receives into views with mv_recvv_all, resuming after MV_EAGAIN by
 * dropping what arrived and waiting in poll(); every call's counter is
 * checked against what the descriptor calls reported. */
static mv_status recvv_resuming(const mv_transport *t, counted *c, int fd, mv_view *views, size_t count,
                                size_t *total, unsigned long *rounds, bool *progress_exact)
{
    *total = 0;
    *rounds = 0;
    *progress_exact = true;
    for (;;) {
        size_t before = c->moved, n = 0;
        (*rounds)++;
        mv_status st = mv_recvv_all(t, views, count, &n);
        if (n != c->moved - before)
            *progress_exact = false;
        *total += n;
        drop_sent(&views, &count, n);
        if (st != MV_EAGAIN)
            return st;
        wait_for(fd, POLLIN);
    }
}

/* N_VIEWS views of a destination buffer, a gap byte between each (a sixth
 * of them empty), filled with mv_recvv_all: with readv (t.recvv) or view
 * by view (t.recvv = NULL), blocking or not.  The child sends the first
 * bytes of the source with mv_send_all, pausing now and then so that the
 * receiver blocks and the timer interrupts it; the views laid end to end
 * must hold exactly those bytes, and the gaps must be untouched. */
static void recvv_many_views(int kind, bool nonblocking, bool fallback)
{
    conn l;
    report *rep = shared_report();
    mv_view *views = malloc(N_VIEWS * sizeof *views);
    size_t *lens = malloc(N_VIEWS * sizeof *lens);
    if (!CHECK(rep != NULL && views != NULL && lens != NULL && make_source())) {
        free(views);
        free(lens);
        return;
    }
    uint64_t rs = 777 + (uint64_t)kind * 4 + nonblocking * 2 + fallback;
    size_t total = 0;
    for (size_t i = 0; i < N_VIEWS; i++) {
        lens[i] = mix(&rs) % 6 == 0 ? 0 : (size_t)(mix(&rs) % 4000);
        total += lens[i];
    }
    size_t room = total + N_VIEWS;
    uint8_t *dst = malloc(room);
    if (!CHECK(dst != NULL) || !link_open(kind, &l)) {
        free(views);
        free(lens);
        free(dst);
        return;
    }
    memset(dst, MVT_SENTINEL, room);
    for (size_t i = 0, at = 0; i < N_VIEWS; at += lens[i] + 1, i++)
        views[i] = mvt_from(lens[i] ? dst + at : NULL, lens[i]);

    pid_t pid = start_child();
    if (pid == 0) {
        close(l.rcv);
        timer_start();
        counted c;
        mv_transport t = counting(&c, l.snd);
        size_t sent = 0;
        mv_status st = MV_OK;
        /* In pieces with pauses: the receiver waits for data meanwhile. */
        while (st == MV_OK && sent < total) {
            size_t part = total - sent < (1u << 20) ? total - sent : (1u << 20);
            size_t n = 0;
            st = mv_send_all(&t, mvt_from_const(source + sent, part), &n);
            sent += n;
            pause_ms(2);
        }
        fill_report(rep, st, sent, &c, 0, true);
        _exit(0);
    }
    close(l.snd);
    l.snd = -1;
    timer_start();
    if (nonblocking && !CHECK(set_nonblocking(l.rcv))) {
        timer_stop();
        link_close(&l);
        reap(pid);
        free(views);
        free(lens);
        free(dst);
        return;
    }
    counted c;
    mv_transport t = counting(&c, l.rcv);
    if (fallback)
        t.recvv = NULL;
    size_t got = 0;
    unsigned long rounds = 0;
    bool exact = false;
    mv_status st = recvv_resuming(&t, &c, l.rcv, views, N_VIEWS, &got, &rounds, &exact);
    timer_stop();
    link_close(&l);
    int status = reap(pid);

    CHECK_ST(st, MV_OK);
    CHECK_EQU(got, total);
    CHECK(exact);
    /* Each view holds its part of the stream; each gap byte is untouched. */
    bool same = true, gaps = true;
    for (size_t i = 0, at = 0, from = 0; i < N_VIEWS; at += lens[i] + 1, from += lens[i], i++) {
        if (lens[i] && memcmp(dst + at, source + from, lens[i]) != 0)
            same = false;
        if (dst[at + lens[i]] != MVT_SENTINEL)
            gaps = false;
    }
    CHECK(same);
    CHECK(gaps);
    if (fallback) {
        CHECK_EQU(c.recvv_calls, 0);
        CHECK(c.recv_calls > 0);
    } else {
        CHECK(c.recvv_calls > 0);
        CHECK_EQU(c.recv_calls, 0);
    }
    if (nonblocking)
        CHECK(c.eagain > 0);
    if (CHECK(child_ok(status)) && CHECK(rep->finished)) {
        CHECK_ST(rep->status, MV_OK);
        CHECK_EQU(rep->count, total);
    }
    total_eintr += c.eintr + rep->eintr;
    printf("  %-18s %s mv_recvv_all (%s): %d views, %zu bytes, %lu calls, %lu EINTR, %lu EAGAIN\n",
           link_names[kind], nonblocking ? "non-blocking" : "blocking", fallback ? "recv" : "readv",
           N_VIEWS, total, c.calls, c.eintr, c.eagain);
    free(views);
    free(lens);
    free(dst);
    munmap(rep, sizeof *rep);
}

static void recvv_many_views_unix(void)
{
    for (int mode = 0; mode < 4; mode++)
        recvv_many_views(LINK_UNIX, mode & 1, mode >> 1);
}

static void recvv_many_views_tcp(void)
{
    for (int mode = 0; mode < 4; mode++)
        recvv_many_views(LINK_TCP, mode & 1, mode >> 1);
}

static void recvv_many_views_pipe(void)
{
    for (int mode = 0; mode < 4; mode++)
        recvv_many_views(LINK_PIPE, mode & 1, mode >> 1);
}

/* The end of the stream and a bad descriptor, with and without readv: the
 * exact count of what arrived, the rest of the views untouched. */
static void recvv_end_of_stream_and_errors(void)
{
    for (int kind = 0; kind < N_LINKS; kind++)
        for (int fallback = 0; fallback <= 1; fallback++) {
            conn l;
            if (!link_open(kind, &l))
                return;
            static const uint8_t msg[7] = { 'm', 'e', 'm', 'v', 'i', 'e', 'w' };
            mv_transport ts = mv_transport_fd(l.snd), tr = mv_transport_fd(l.rcv);
            if (fallback)
                tr.recvv = NULL;
            size_t n;
            CHECK_ST(mv_send_all(&ts, mvt_from_const(msg, 7), &n), MV_OK);
            close(l.snd);
            l.snd = -1;
            uint8_t a[3], b[6];
            memset(a, MVT_SENTINEL, sizeof a);
            memset(b, MVT_SENTINEL, sizeof b);
            mv_view views[3] = { mvt_from(a, 3), mvt_from(NULL, 0), mvt_from(b, 6) };
            CHECK_ST(mv_recvv_all(&tr, views, 3, &n), MV_ECLOSED);
            CHECK_EQU(n, 7);
            CHECK_MEM(a, msg, 3);
            CHECK_MEM(b, msg + 3, 4);
            CHECK_SENTINEL(b + 4, 2);
            link_close(&l);
        }
    int fds[2];
    if (!CHECK(pipe(fds) == 0))
        return;
    close(fds[0]);
    close(fds[1]);
    uint8_t buf[4];
    memset(buf, MVT_SENTINEL, sizeof buf);
    mv_view vs[2] = { mvt_from(buf, 2), mvt_from(buf + 2, 2) };
    for (int fallback = 0; fallback <= 1; fallback++) {
        mv_transport t = mv_transport_fd(fds[0]);
        CHECK(t.recvv != NULL);
        if (fallback)
            t.recvv = NULL;
        size_t n;
        errno = 0;
        CHECK_ST(mv_recvv_all(&t, vs, 2, &n), MV_ESYS);
        CHECK_EQ(errno, EBADF);
        CHECK_EQU(n, 0);
    }
    CHECK_SENTINEL(buf, sizeof buf);
}

static void summary(void)
{
    printf("  %lu EINTRs retried over real descriptors in all\n", total_eintr);
}

static const mvt_case cases[] = {
    MVT(transport_fd_on_bad_descriptors),
    MVT(end_of_stream_on_each_link),
    MVT(regular_file_transport),
    MVT(bulk_64mib_unix),
    MVT(bulk_64mib_tcp),
    MVT(bulk_64mib_pipe),
    MVT(nonblocking_sender_unix),
    MVT(nonblocking_sender_tcp),
    MVT(nonblocking_sender_pipe),
    MVT(nonblocking_receiver_unix),
    MVT(nonblocking_receiver_tcp),
    MVT(nonblocking_receiver_pipe),
    MVT(peer_closes_unix_no_sigpipe),
    MVT(peer_closes_tcp_no_sigpipe),
    MVT(peer_closes_pipe_sigpipe_ignored),
    MVT(peer_closes_pipe_raises_sigpipe),
    MVT(sendv_many_views_unix),
    MVT(sendv_many_views_tcp),
    MVT(sendv_many_views_pipe),
    MVT(recvv_end_of_stream_and_errors),
    MVT(recvv_many_views_unix),
    MVT(recvv_many_views_tcp),
    MVT(recvv_many_views_pipe),
    MVT(summary),
};

MVT_MAIN(cases)
