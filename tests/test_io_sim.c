/*
 * test_io_sim.c — mv_send_all, mv_sendv_all, mv_recv_into and mv_recv_all
 * against the simulated socket of memview_sim.h, schedule by schedule.
 *
 * The expected results come from a reference interpreter written here from
 * the documentation alone: memview_sim.h says what each script byte makes
 * one transport call do, and memview.h ("Zero-copy I/O") says what the
 * loops make of the calls' results.  Every scenario is run as a caller
 * would: after a failure it resumes with mv_advance (or, for a list of
 * views, drops what was sent) and calls again until it is done or the
 * script has nothing left to say.  After every call the status, the
 * progress counter, errno (for MV_ESYS) and the simulator's call, sent and
 * served counters must be what the interpreter says; at the end the bytes
 * the simulator recorded (or the receive buffer) must be the expected
 * prefix, and nothing past it may have been written.
 *
 * A second transport wraps the simulator for vectored sends and checks the
 * shape of every call: at most IOV_MAX pieces, no empty piece, the first
 * piece starting at exactly the next unsent byte (inside a partly sent
 * view), the others whole views in order.
 */
#define _XOPEN_SOURCE 700 /* IOV_MAX */
#include "mv_test.h"
#include "mv_model.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <sys/uio.h>
#include <sys/wait.h>

#include "memview_sim.h"

#ifndef IOV_MAX
#error "IOV_MAX is needed to check the batch size of vectored sends"
#endif

/* ------------------------------------------------------------- scripts */

typedef struct script {
    uint8_t *b;
    size_t len, cap;
} script;

static void sc_put(script *s, unsigned byte)
{
    if (s->len == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 64;
        s->b = realloc(s->b, s->cap);
        if (s->b == NULL) {
            printf("setup: out of memory\n");
            abort();
        }
    }
    s->b[s->len++] = (uint8_t)byte;
}

/* A "move n bytes" instruction: one byte below MV_SIM_ALL or MV_SIM_MANY. */
static void sc_move(script *s, size_t n)
{
    if (n < MV_SIM_ALL) {
        sc_put(s, (unsigned)n);
    } else {
        sc_put(s, MV_SIM_MANY);
        sc_put(s, (unsigned)(n >> 8) & 0xFFu);
        sc_put(s, (unsigned)n & 0xFFu);
    }
}

static void sc_free(script *s)
{
    free(s->b);
    s->b = NULL;
    s->len = s->cap = 0;
}

/* One instruction as bytes (a chunk size or a special). */
typedef struct instr {
    uint8_t b[3];
    size_t n;
    const char *name;
} instr;

static void sc_instr(script *s, const instr *in)
{
    for (size_t i = 0; i < in->n; i++)
        sc_put(s, in->b[i]);
}

/* ----------------------------------------------- the reference interpreter */

enum { SIDE_SEND, SIDE_RECV };

typedef struct model {
    const uint8_t *script;
    size_t script_len, pos;
    size_t sent_cap, sent_len;  /* what sends recorded */
    size_t input_len, served;   /* what receives served */
    size_t calls;
} model;

static void model_init(model *m, const script *s, size_t sent_cap, size_t input_len)
{
    memset(m, 0, sizeof *m);
    m->script = s->b;
    m->script_len = s->len;
    m->sent_cap = sent_cap;
    m->input_len = input_len;
}

static unsigned model_arg(model *m)
{
    if (m->pos >= m->script_len) {
        printf("model: a script ends inside an instruction\n");
        abort();
    }
    return m->script[m->pos++];
}

/* One transport call asking for len bytes, as memview_sim.h describes it:
 * the count the call returns (more than len for a claim) or -1 with *err. */
static long long model_call(model *m, int side, size_t len, int *err)
{
    size_t n = len; /* MV_SIM_ALL, a byte from 0xE7 up, or the script used up */
    m->calls++;
    if (m->pos < m->script_len) {
        unsigned op = m->script[m->pos++];
        if (op < 0xE0) {
            n = op < len ? op : len;
        } else if (op == 0xE1) {
            *err = EINTR;
            return -1;
        } else if (op == 0xE2) {
            *err = EAGAIN;
            return -1;
        } else if (op == 0xE3) {
            unsigned e = model_arg(m);
            *err = e == 0 ? EIO : (int)e;
            return -1;
        } else if (op == 0xE4) {
            if (side == SIDE_SEND) {
                *err = EPIPE;
                return -1;
            }
            return 0;
        } else if (op == 0xE5) {
            return (long long)len + 1;
        } else if (op == 0xE6) {
            unsigned h = model_arg(m);
            unsigned l = model_arg(m);
            size_t many = (size_t)h * 256 + l;
            n = many < len ? many : len;
        }
    }
    if (side == SIDE_SEND) {
        size_t room = m->sent_cap - m->sent_len;
        if (n > room) {
            if (room == 0) {
                *err = ENOSPC;
                return -1;
            }
            n = room;
        }
        m->sent_len += n;
    } else {
        size_t left = m->input_len - m->served;
        if (n > left)
            n = left;
        m->served += n;
    }
    return (long long)n;
}

/* One call of a loop, EINTR retried (memview.h: up to MV_EINTR_RETRIES
 * consecutive ones), its result turned into a status. */
static mv_status model_once(model *m, int side, size_t len, size_t *got, int *err)
{
    *got = 0;
    for (unsigned long interrupted = 0;; interrupted++) {
        int e = 0;
        long long r = model_call(m, side, len, &e);
        if (r >= 0) {
            if ((unsigned long long)r > len)
                return MV_EINVAL;       /* an over-claim, not counted */
            if (r == 0 && side == SIDE_SEND)
                return MV_ECLOSED;      /* accepted nothing */
            *got = (size_t)r;
            return MV_OK;
        }
        if (e == EINTR && interrupted < MV_EINTR_RETRIES)
            continue;
        *err = e;
        return e == EAGAIN || e == EWOULDBLOCK ? MV_EAGAIN : MV_ESYS;
    }
}

static mv_status model_send_all(model *m, size_t len, size_t *sent, int *err)
{
    size_t done = 0;
    while (done < len) {
        size_t got;
        mv_status st = model_once(m, SIDE_SEND, len - done, &got, err);
        if (st != MV_OK) {
            *sent = done;
            return st;
        }
        done += got;
    }
    *sent = done;
    return MV_OK;
}

/* mv_sendv_all over views of the given lengths: vectored sends of at most
 * IOV_MAX non-empty pieces each, every batch as full as it can be; or,
 * without sendv, view after view. */
static mv_status model_sendv_all(model *m, const size_t *lens, size_t count, bool vectored,
                                 size_t *sent, int *err)
{
    size_t done = 0;
    if (!vectored) {
        for (size_t i = 0; i < count; i++) {
            size_t part;
            mv_status st = model_send_all(m, lens[i], &part, err);
            done += part;
            if (st != MV_OK) {
                *sent = done;
                return st;
            }
        }
        *sent = done;
        return MV_OK;
    }
    size_t i = 0, off = 0;
    for (;;) {
        while (i < count && off == lens[i]) {
            i++;
            off = 0;
        }
        if (i == count)
            break;
        size_t asked = lens[i] - off;
        size_t pieces = 1;
        for (size_t j = i + 1; j < count && pieces < IOV_MAX; j++)
            if (lens[j] > 0) {
                asked += lens[j];
                pieces++;
            }
        size_t got;
        mv_status st = model_once(m, SIDE_SEND, asked, &got, err);
        if (st != MV_OK) {
            *sent = done;
            return st;
        }
        done += got;
        while (got > 0) {
            size_t left = lens[i] - off;
            if (got < left) {
                off += got;
                got = 0;
            } else {
                got -= left;
                i++;
                off = 0;
            }
        }
    }
    *sent = done;
    return MV_OK;
}

static mv_status model_recv_all(model *m, size_t len, size_t chunk, size_t *received, int *err)
{
    size_t done = 0;
    while (done < len) {
        size_t ask = len - done;
        if (chunk != 0 && chunk < ask)
            ask = chunk;
        size_t got;
        mv_status st = model_once(m, SIDE_RECV, ask, &got, err);
        if (st == MV_OK && got == 0)
            st = MV_ECLOSED;
        if (st != MV_OK) {
            *received = done;
            return st;
        }
        done += got;
    }
    *received = done;
    return MV_OK;
}

static mv_status model_recv_into(model *m, size_t len, size_t nbytes, size_t *received, int *err)
{
    *received = 0;
    if (nbytes > len)
        return MV_ERANGE;
    size_t want = nbytes == 0 ? len : nbytes;
    if (want == 0)
        return MV_OK;
    return model_once(m, SIDE_RECV, want, received, err);
}

/* mv_recvv_all over views of the given lengths: vectored receives, each
 * given one piece per view from the first unfilled byte on (the first
 * piece non-empty, empty views after it included), at most IOV_MAX pieces;
 * or, without recvv, view after view as mv_recv_all does it. */
static mv_status model_recvv_all(model *m, const size_t *lens, size_t count, bool vectored,
                                 size_t *received, int *err)
{
    size_t done = 0;
    if (!vectored) {
        for (size_t i = 0; i < count; i++) {
            size_t part;
            mv_status st = model_recv_all(m, lens[i], 0, &part, err);
            done += part;
            if (st != MV_OK) {
                *received = done;
                return st;
            }
        }
        *received = done;
        return MV_OK;
    }
    size_t i = 0, off = 0;
    for (;;) {
        while (i < count && off == lens[i]) {
            i++;
            off = 0;
        }
        if (i == count)
            break;
        size_t asked = lens[i] - off;
        for (size_t j = i + 1; j < count && j - i < IOV_MAX; j++)
            asked += lens[j];
        size_t got;
        mv_status st = model_once(m, SIDE_RECV, asked, &got, err);
        if (st == MV_OK && got == 0)
            st = MV_ECLOSED;
        if (st != MV_OK) {
            *received = done;
            return st;
        }
        done += got;
        while (got > 0) {
            size_t left = lens[i] - off;
            if (got < left) {
                off += got;
                got = 0;
            } else {
                got -= left;
                i++;
                off = 0;
            }
        }
    }
    *received = done;
    return MV_OK;
}

/* ------------------------------------------------------------ reporting */

/* Scenario failures print the scenario once, then what differed; a test
 * prints at most MAX_REPORTS scenarios (it is failed by the first). */
#define MAX_REPORTS 8
static unsigned long reports;
static const char *last_test;

static void describe(const char *what, const script *s)
{
    printf("  scenario: %s; script (%zu bytes):", what, s->len);
    for (size_t i = 0; i < s->len && i < 48; i++)
        printf(" %02x", s->b[i]);
    printf("%s\n", s->len > 48 ? " ..." : "");
}

typedef struct scen {
    const char *what;
    const script *s;
    bool failed;
} scen;

static bool sc_check(scen *c, bool ok, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static bool sc_check(scen *c, bool ok, int line, const char *fmt, ...)
{
    mvt_checks++;
    if (ok)
        return true;
    int saved = errno;
    if (last_test != mvt_current) {
        last_test = mvt_current;
        reports = 0;
    }
    if (!c->failed)
        reports++;
    if (reports <= MAX_REPORTS) {
        if (!c->failed) {
            mvt_fail_prefix(__FILE__, line);
            printf("scenario does not match the model\n");
            describe(c->what, c->s);
        }
        va_list ap;
        va_start(ap, fmt);
        printf("    ");
        vprintf(fmt, ap);
        printf("\n");
        va_end(ap);
    } else {
        mvt_test_failures++;
    }
    c->failed = true;
    errno = saved;
    return false;
}

#define SC(c, ok, ...) sc_check((c), (ok), __LINE__, __VA_ARGS__)

static const char *stname(mv_status s)
{
    return mvt_status_name(s);
}

/* Compares one call's results with the interpreter's. */
static bool same_call(scen *c, size_t round, mv_status st, size_t n, int err, mv_status mst, size_t mn,
                      int merr, const mv_sim *sim, const model *m)
{
    bool ok = SC(c, st == mst, "round %zu: status %s, model %s", round, stname(st), stname(mst));
    ok &= SC(c, n == mn, "round %zu: progress %zu, model %zu", round, n, mn);
    if (mst == MV_ESYS)
        ok &= SC(c, err == merr, "round %zu: errno %d, model %d", round, err, merr);
    ok &= SC(c, mv_sim_calls(sim) == m->calls, "round %zu: transport calls %zu, model %zu", round,
             mv_sim_calls(sim), m->calls);
    ok &= SC(c, mv_sim_sent(sim) == m->sent_len, "round %zu: sim sent %zu, model %zu", round,
             mv_sim_sent(sim), m->sent_len);
    ok &= SC(c, mv_sim_served(sim) == m->served, "round %zu: sim served %zu, model %zu", round,
             mv_sim_served(sim), m->served);
    return ok;
}

/* ------------------------------------------------------------ test data */

static uint8_t *random_bytes(size_t n)
{
    uint8_t *p = malloc(n ? n : 1);
    if (p == NULL) {
        printf("setup: out of memory\n");
        abort();
    }
    for (size_t i = 0; i < n; i++)
        p[i] = (uint8_t)mvt_rand();
    return p;
}

/* ------------------------------------------- checking transport (sendv) */

/* Wraps a simulator and follows the stream: pieces[] are the views' bytes
 * (their original addresses), seg/off the next byte not yet accepted. */
typedef struct shape {
    mv_sim *sim;
    scen *c;
    const uint8_t *const *base;
    const size_t *len;
    size_t count;
    size_t seg, off;
    size_t calls_v, calls_s;
} shape;

static void shape_normalise(shape *k)
{
    while (k->seg < k->count && k->off == k->len[k->seg]) {
        k->seg++;
        k->off = 0;
    }
}

static void shape_advance(shape *k, size_t n)
{
    while (n > 0 && k->seg < k->count) {
        size_t left = k->len[k->seg] - k->off;
        if (n < left) {
            k->off += n;
            n = 0;
        } else {
            n -= left;
            k->seg++;
            k->off = 0;
        }
    }
    shape_normalise(k);
}

static ssize_t shape_sendv(void *ctx, const struct iovec *iov, int n)
{
    shape *k = ctx;
    k->calls_v++;
    shape_normalise(k);
    size_t nonempty = 0;
    for (size_t j = k->seg; j < k->count; j++)
        nonempty += k->len[j] > 0;
    size_t want = nonempty < IOV_MAX ? nonempty : IOV_MAX;
    SC(k->c, n >= 1 && (size_t)n == want, "sendv call %zu: %d pieces, want %zu (IOV_MAX %d)",
       k->calls_v, n, want, IOV_MAX);
    size_t j = k->seg, off = k->off;
    for (int i = 0; i < n && (size_t)i < want; i++) {
        while (j < k->count && k->len[j] == 0)
            j++;
        if (j == k->count)
            break;
        const uint8_t *wb = k->base[j] + off;
        size_t wl = k->len[j] - off;
        if (!SC(k->c, iov[i].iov_base == (const void *)wb && iov[i].iov_len == wl,
                "sendv call %zu piece %d: %p+%zu, want %p+%zu (view %zu, offset %zu)", k->calls_v, i,
                iov[i].iov_base, iov[i].iov_len, (const void *)wb, wl, j, off))
            break;
        j++;
        off = 0;
    }
    ssize_t r = mv_sim_sendv(k->sim, iov, n);
    if (r > 0) {
        size_t asked = 0;
        for (int i = 0; i < n; i++)
            asked += iov[i].iov_len;
        if ((size_t)r <= asked) {
            int saved = errno;
            shape_advance(k, (size_t)r);
            errno = saved;
        }
    }
    return r;
}

static ssize_t shape_send(void *ctx, const void *buf, size_t len)
{
    shape *k = ctx;
    k->calls_s++;
    shape_normalise(k);
    if (SC(k->c, k->seg < k->count, "send call %zu after the last view", k->calls_s)) {
        const uint8_t *wb = k->base[k->seg] + k->off;
        size_t wl = k->len[k->seg] - k->off;
        SC(k->c, buf == (const void *)wb && len == wl, "send call %zu: %p+%zu, want %p+%zu",
           k->calls_s, buf, len, (const void *)wb, wl);
    }
    ssize_t r = mv_sim_send(k->sim, buf, len);
    if (r > 0 && (size_t)r <= len) {
        int saved = errno;
        shape_advance(k, (size_t)r);
        errno = saved;
    }
    return r;
}

static ssize_t shape_recv(void *ctx, void *buf, size_t len)
{
    shape *k = ctx;
    return mv_sim_recv(k->sim, buf, len);
}

/* ------------------------------------------------------- send scenarios */

typedef enum send_op {
    OP_SEND_ALL,       /* mv_send_all of the views one after another (count 1 in practice) */
    OP_SENDV,          /* mv_sendv_all with sendv (and send) */
    OP_SENDV_ONLY,     /* mv_sendv_all with sendv and no send */
    OP_SENDV_FALLBACK  /* mv_sendv_all with send only: t.sendv = NULL */
} send_op;

static const char *const send_op_names[] = { "mv_send_all", "mv_sendv_all", "mv_sendv_all (no send)",
                                             "mv_sendv_all (t.sendv = NULL)" };

/* Runs one send scenario: views of the given lengths (each its own
 * allocation of exactly that size), the script, a sent buffer of sent_cap
 * bytes (SIZE_MAX: room for everything).  The caller resumes after every
 * failure until MV_OK or the script is used up.  Returns the final total
 * sent (also through *status the last status). */
static bool run_send(send_op op, const size_t *lens, size_t count, const script *s, size_t sent_cap,
                     const char *what, mv_status *last, size_t *total_out)
{
    scen c = { what, s, false };
    char desc[160];
    snprintf(desc, sizeof desc, "%s, %zu views, %s", send_op_names[op], count, what);
    c.what = desc;

    size_t total_len = 0;
    for (size_t i = 0; i < count; i++)
        total_len += lens[i];
    if (sent_cap == SIZE_MAX)
        sent_cap = total_len;

    uint8_t **bufs = calloc(count ? count : 1, sizeof *bufs);
    mv_view *views = calloc(count ? count : 1, sizeof *views);
    size_t *mlens = calloc(count ? count : 1, sizeof *mlens);
    uint8_t *expect = malloc(total_len ? total_len : 1);
    uint8_t *sentbuf = malloc(sent_cap ? sent_cap : 1);
    if (!bufs || !views || !mlens || !expect || !sentbuf) {
        printf("setup: out of memory\n");
        abort();
    }
    size_t at = 0;
    for (size_t i = 0; i < count; i++) {
        bufs[i] = lens[i] ? random_bytes(lens[i]) : NULL;
        views[i] = mvt_from_const(bufs[i], lens[i]);
        mlens[i] = lens[i];
        if (lens[i])
            memcpy(expect + at, bufs[i], lens[i]);
        at += lens[i];
    }
    memset(sentbuf, MVT_SENTINEL, sent_cap ? sent_cap : 1);

    mv_sim sim;
    if (mv_sim_init(&sim, s->b, s->len, sentbuf, sent_cap, NULL, 0) != MV_OK) {
        printf("setup: mv_sim_init failed\n");
        abort();
    }
    shape k = { &sim, &c, (const uint8_t *const *)bufs, lens, count, 0, 0, 0, 0 };
    mv_transport t = { &k, shape_send, shape_recv, shape_sendv, NULL };
    if (op == OP_SENDV_ONLY)
        t.send = NULL;
    if (op == OP_SENDV_FALLBACK || op == OP_SEND_ALL)
        t.sendv = NULL;

    model m;
    model_init(&m, s, sent_cap, 0);

    size_t first = 0;           /* views[first ..] remain */
    size_t total = 0;
    mv_status st = MV_OK;
    size_t limit = s->len + count + 4;
    for (size_t round = 0; round < limit; round++) {
        /* Once the script is used up every call moves all it can: a round
         * that still fails then would fail the same way forever. */
        bool exhausted = m.pos >= m.script_len;
        size_t n;
        MVT_FILL(n);
        size_t mn = 0;
        int merr = 0;
        mv_status mst;
        errno = 0;
        if (op == OP_SEND_ALL) {
            /* One view at a time, as a caller of mv_send_all would. */
            while (first < count && mv_len(views[first]) == 0 && mlens[first] == 0)
                first++;
            mv_view v = first < count ? views[first] : mvt_from_const(NULL, 0);
            st = mv_send_all(&t, v, &n);
            mst = model_send_all(&m, first < count ? mlens[first] : 0, &mn, &merr);
        } else {
            st = mv_sendv_all(&t, views + first, count - first, &n);
            mst = model_sendv_all(&m, mlens + first, count - first, op != OP_SENDV_FALLBACK, &mn,
                                  &merr);
        }
        int err = errno;
        if (!same_call(&c, round, st, n, err, mst, mn, merr, &sim, &m))
            break;
        total += n;
        /* Drop what was sent: whole views, then the front of a partly sent one. */
        size_t rest = n;
        while (rest > 0 && first < count) {
            size_t l = mv_len(views[first]);
            size_t step = rest < l ? rest : l;
            if (!SC(&c, mv_advance(&views[first], step) == MV_OK, "mv_advance failed"))
                break;
            mlens[first] -= step;
            rest -= step;
            if (mlens[first] == 0)
                first++;
        }
        if (op == OP_SEND_ALL && st == MV_OK && first < count)
            continue;           /* the next view */
        if (st == MV_OK || exhausted)
            break;
    }
    SC(&c, total == m.sent_len, "total sent %zu, model %zu", total, m.sent_len);
    size_t rec = mv_sim_sent(&sim);
    if (SC(&c, rec <= total_len && rec <= sent_cap, "recorded %zu of %zu", rec, total_len)) {
        SC(&c, rec == 0 || memcmp(sentbuf, expect, rec) == 0, "recorded bytes differ from the views");
        SC(&c, mvt_is_sentinel(sentbuf + rec, sent_cap - rec), "bytes past the recorded ones written");
    }
    *last = st;
    *total_out = total;

    for (size_t i = 0; i < count; i++)
        free(bufs[i]);
    free(bufs);
    free(views);
    free(mlens);
    free(expect);
    free(sentbuf);
    return !c.failed;
}

/* ---------------------------------------------------- receive scenarios */

typedef enum recv_op {
    OP_RECV_ALL,   /* mv_recv_all(v, chunk) */
    OP_RECV_INTO   /* the seed's loop: view = view[recv_into(view, min(chunk, len)):] */
} recv_op;

static bool run_recv(recv_op op, size_t len, size_t chunk, size_t input_len, const script *s,
                     const char *what, mv_status *last, size_t *total_out)
{
    char desc[160];
    snprintf(desc, sizeof desc, "%s, len %zu, chunk %zu, input %zu, %s",
             op == OP_RECV_ALL ? "mv_recv_all" : "mv_recv_into loop", len, chunk, input_len, what);
    scen c = { desc, s, false };

    uint8_t *buf = malloc(len ? len : 1);
    uint8_t *input = random_bytes(input_len);
    if (buf == NULL) {
        printf("setup: out of memory\n");
        abort();
    }
    memset(buf, MVT_SENTINEL, len ? len : 1);
    mv_view v = mvt_from(len ? buf : NULL, len);
    mv_sim sim;
    if (mv_sim_init(&sim, s->b, s->len, NULL, 0, input, input_len) != MV_OK) {
        printf("setup: mv_sim_init failed\n");
        abort();
    }
    mv_transport t = mv_sim_transport(&sim);
    model m;
    model_init(&m, s, 0, input_len);

    size_t total = 0, mlen = len;
    mv_status st = MV_OK;
    size_t limit = s->len + len + 4;
    for (size_t round = 0; round < limit; round++) {
        bool exhausted = m.pos >= m.script_len;
        size_t n, mn = 0;
        int merr = 0;
        mv_status mst;
        MVT_FILL(n);
        errno = 0;
        if (op == OP_RECV_ALL) {
            st = mv_recv_all(&t, v, chunk, &n);
            mst = model_recv_all(&m, mlen, chunk, &mn, &merr);
        } else {
            size_t nb = chunk < mv_len(v) ? chunk : mv_len(v);
            size_t mnb = chunk < mlen ? chunk : mlen;
            st = mv_recv_into(&t, v, nb, &n);
            mst = model_recv_into(&m, mlen, mnb, &mn, &merr);
        }
        int err = errno;
        if (!same_call(&c, round, st, n, err, mst, mn, merr, &sim, &m))
            break;
        total += n;
        if (!SC(&c, mv_advance(&v, n) == MV_OK, "mv_advance(%zu) failed", n))
            break;
        mlen -= mn;
        bool done = op == OP_RECV_ALL ? st == MV_OK : mlen == 0;
        if (done)
            break;
        if ((st != MV_OK || n == 0) && exhausted)
            break;
    }
    SC(&c, total == m.served, "total received %zu, model %zu", total, m.served);
    if (SC(&c, total <= len && total <= input_len, "received %zu into %zu", total, len)) {
        SC(&c, total == 0 || memcmp(buf, input, total) == 0, "received bytes differ from the input");
        SC(&c, mvt_is_sentinel(buf + total, len - total), "bytes past the received ones written");
    }
    *last = st;
    *total_out = total;
    free(buf);
    free(input);
    return !c.failed;
}

/* ---------------------------------------- vectored receive scenarios */

/* Wraps a simulator's recvv and checks the shape of every call: one piece
 * per view from the first unfilled byte on, at most IOV_MAX of them, each
 * at the view's own memory. */
typedef struct rshape {
    mv_sim *sim;
    scen *c;
    uint8_t *const *base;
    const size_t *len;
    size_t count;
    size_t seg, off;
    size_t calls;
} rshape;

static void rshape_normalise(rshape *k)
{
    while (k->seg < k->count && k->off == k->len[k->seg]) {
        k->seg++;
        k->off = 0;
    }
}

static ssize_t rshape_recvv(void *ctx, const struct iovec *iov, int n)
{
    rshape *k = ctx;
    k->calls++;
    rshape_normalise(k);
    size_t left = k->count - k->seg;
    size_t want = left < IOV_MAX ? left : IOV_MAX;
    SC(k->c, n >= 1 && (size_t)n == want, "recvv call %zu: %d pieces, want %zu", k->calls, n, want);
    for (int i = 0; i < n && (size_t)i < want; i++) {
        size_t j = k->seg + (size_t)i, off = i == 0 ? k->off : 0;
        size_t wl = k->len[j] - off;
        bool ok = iov[i].iov_len == wl && (wl == 0 || iov[i].iov_base == (void *)(k->base[j] + off));
        if (!SC(k->c, ok, "recvv call %zu piece %d: %p+%zu, want %p+%zu (view %zu, offset %zu)", k->calls,
                i, iov[i].iov_base, iov[i].iov_len, wl ? (void *)(k->base[j] + off) : NULL, wl, j, off))
            break;
    }
    ssize_t r = mv_sim_recvv(k->sim, iov, n);
    size_t room = 0;
    for (int i = 0; i < n; i++)
        room += iov[i].iov_len;
    if (r > 0 && (size_t)r <= room) { /* an over-claim moved nothing */
        size_t got = (size_t)r;
        while (got > 0 && k->seg < k->count) {
            size_t rest = k->len[k->seg] - k->off;
            size_t step = got < rest ? got : rest;
            k->off += step;
            got -= step;
            rshape_normalise(k);
        }
    }
    return r;
}

static ssize_t rshape_recv(void *ctx, void *buf, size_t len)
{
    rshape *k = ctx;
    return mv_sim_recv(k->sim, buf, len);
}

typedef enum recvv_op {
    OP_RECVV,          /* mv_recvv_all with recvv (and recv) */
    OP_RECVV_ONLY,     /* mv_recvv_all with recvv and no recv */
    OP_RECVV_FALLBACK  /* mv_recvv_all with recv only: t.recvv = NULL */
} recvv_op;

static const char *const recvv_op_names[] = { "mv_recvv_all", "mv_recvv_all (no recv)",
                                              "mv_recvv_all (t.recvv = NULL)" };

/* Runs one vectored receive scenario: views of the given lengths (each its
 * own allocation of exactly that size, filled with sentinels), input_len
 * random bytes for the simulator's peer to send, the script.  The caller
 * resumes after every failure, dropping what was received, until MV_OK or
 * the script is used up.  At the end the views, laid end to end, must hold
 * exactly the first *total_out bytes the peer sent, and sentinels after. */
static bool run_recvv(recvv_op op, const size_t *lens, size_t count, size_t input_len, const script *s,
                      const char *what, mv_status *last, size_t *total_out)
{
    char desc[160];
    snprintf(desc, sizeof desc, "%s, %zu views, input %zu, %s", recvv_op_names[op], count, input_len,
             what);
    scen c = { desc, s, false };

    size_t total_len = 0;
    for (size_t i = 0; i < count; i++)
        total_len += lens[i];
    uint8_t **bufs = calloc(count ? count : 1, sizeof *bufs);
    mv_view *views = calloc(count ? count : 1, sizeof *views);
    size_t *mlens = calloc(count ? count : 1, sizeof *mlens);
    uint8_t *input = random_bytes(input_len);
    if (!bufs || !views || !mlens) {
        printf("setup: out of memory\n");
        abort();
    }
    for (size_t i = 0; i < count; i++) {
        bufs[i] = lens[i] ? malloc(lens[i]) : NULL;
        if (lens[i] && bufs[i] == NULL) {
            printf("setup: out of memory\n");
            abort();
        }
        if (lens[i])
            memset(bufs[i], MVT_SENTINEL, lens[i]);
        views[i] = mvt_from(bufs[i], lens[i]);
        mlens[i] = lens[i];
    }
    mv_sim sim;
    if (mv_sim_init(&sim, s->b, s->len, NULL, 0, input, input_len) != MV_OK) {
        printf("setup: mv_sim_init failed\n");
        abort();
    }
    rshape k = { &sim, &c, bufs, lens, count, 0, 0, 0 };
    mv_transport t = { .ctx = &k, .recv = rshape_recv, .recvv = rshape_recvv };
    if (op == OP_RECVV_ONLY)
        t.recv = NULL;
    if (op == OP_RECVV_FALLBACK) {
        t = mv_sim_transport(&sim);
        t.recvv = NULL;
    }
    model m;
    model_init(&m, s, 0, input_len);

    size_t first = 0, total = 0;
    mv_status st = MV_OK;
    size_t limit = s->len + count + 4;
    for (size_t round = 0; round < limit; round++) {
        bool exhausted = m.pos >= m.script_len;
        size_t n, mn = 0;
        int merr = 0;
        MVT_FILL(n);
        errno = 0;
        st = mv_recvv_all(&t, views + first, count - first, &n);
        int err = errno;
        mv_status mst = model_recvv_all(&m, mlens + first, count - first, op != OP_RECVV_FALLBACK, &mn,
                                        &merr);
        if (!same_call(&c, round, st, n, err, mst, mn, merr, &sim, &m))
            break;
        total += n;
        size_t rest = n;
        while (rest > 0 && first < count) {
            size_t l = mv_len(views[first]);
            size_t step = rest < l ? rest : l;
            if (!SC(&c, mv_advance(&views[first], step) == MV_OK, "mv_advance failed"))
                break;
            mlens[first] -= step;
            rest -= step;
            if (mlens[first] == 0)
                first++;
        }
        if (st == MV_OK || exhausted)
            break;
    }
    SC(&c, total == m.served, "total received %zu, model %zu", total, m.served);
    if (SC(&c, total <= total_len && total <= input_len, "received %zu into %zu", total, total_len)) {
        size_t at = 0;
        for (size_t i = 0; i < count; i++) {
            size_t filled = total - at < lens[i] ? total - at : lens[i];
            if (!SC(&c, filled == 0 || memcmp(bufs[i], input + at, filled) == 0,
                    "view %zu: received bytes differ from what the peer sent", i) ||
                !SC(&c, lens[i] == 0 || mvt_is_sentinel(bufs[i] + filled, lens[i] - filled),
                    "view %zu: bytes past the received ones written", i))
                break;
            at += filled;
        }
    }
    *last = st;
    *total_out = total;
    for (size_t i = 0; i < count; i++)
        free(bufs[i]);
    free(bufs);
    free(views);
    free(mlens);
    free(input);
    return !c.failed;
}

/* --------------------------------------------------------- instructions */

static instr chunk_instr(size_t n)
{
    instr in = { { 0 }, 0, NULL };
    if (n < MV_SIM_ALL) {
        in.b[0] = (uint8_t)n;
        in.n = 1;
    } else {
        in.b[0] = MV_SIM_MANY;
        in.b[1] = (uint8_t)(n >> 8);
        in.b[2] = (uint8_t)n;
        in.n = 3;
    }
    return in;
}

static instr raw_instr(unsigned a)
{
    instr in = { { (uint8_t)a }, 1, NULL };
    return in;
}

/* Chunk instructions worth trying: every size from 1 to 17, sizes around
 * powers of two, the largest single byte, MV_SIM_MANY sizes, and the
 * "everything" bytes. */
static size_t chunk_list(instr *out)
{
    size_t n = 0;
    for (size_t c = 1; c <= 17; c++)
        out[n++] = chunk_instr(c);
    const size_t more[] = { 18, 31, 32, 33, 63, 64, 65, 100, 127, 128, 129, 200, 0xDF };
    for (size_t i = 0; i < sizeof more / sizeof more[0]; i++)
        out[n++] = chunk_instr(more[i]);
    const size_t many[] = { 1, 2, 224, 255, 256, 257, 1000, 4096, 65535 };
    for (size_t i = 0; i < sizeof many / sizeof many[0]; i++) {
        instr in = { { MV_SIM_MANY, (uint8_t)(many[i] >> 8), (uint8_t)many[i] }, 3, NULL };
        out[n++] = in;
    }
    const unsigned all[] = { MV_SIM_ALL, 0xE7, 0xF0, 0xFF };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        out[n++] = raw_instr(all[i]);
    return n;
}

static void describe_instr(const instr *in, char *out, size_t cap)
{
    if (in->n == 1)
        snprintf(out, cap, "%02x", in->b[0]);
    else
        snprintf(out, cap, "%02x %02x %02x", in->b[0], in->b[1], in->b[2]);
}

/* The script "in, in, in, ..." repeated reps times. */
static void sc_repeat(script *s, const instr *in, size_t reps)
{
    for (size_t i = 0; i < reps; i++)
        sc_instr(s, in);
}

/* ------------------------------------------------------------- tests: sizes */

static const size_t LENS[] = { 0, 1, 2, 3, 16, 17, 18, 100, 1000, 4099 };
#define N_LENS (sizeof LENS / sizeof LENS[0])

static void send_all_every_chunk_size(void)
{
    instr chunks[64];
    size_t nc = chunk_list(chunks);
    for (size_t ci = 0; ci < nc; ci++)
        for (size_t li = 0; li < N_LENS; li++)
            for (size_t reps = 1; reps <= 2; reps++) {
                /* reps 1: the script runs out early (then everything moves);
                 * reps 2: a script long enough for the whole view. */
                size_t len = LENS[li];
                script s = { 0 };
                sc_repeat(&s, &chunks[ci], reps == 1 ? 3 : len + 1);
                char what[64], ib[16];
                describe_instr(&chunks[ci], ib, sizeof ib);
                snprintf(what, sizeof what, "chunk %s, view %zu", ib, len);
                mv_status st;
                size_t total;
                if (run_send(OP_SEND_ALL, &len, 1, &s, SIZE_MAX, what, &st, &total)) {
                    CHECK_ST(st, MV_OK);
                    CHECK_EQU(total, len);
                }
                sc_free(&s);
            }
}

static void recv_all_every_chunk_size(void)
{
    instr chunks[64];
    size_t nc = chunk_list(chunks);
    const size_t asks[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 100, 1024 };
    for (size_t ci = 0; ci < nc; ci++)
        for (size_t li = 0; li < N_LENS; li++)
            for (size_t ai = 0; ai < sizeof asks / sizeof asks[0]; ai++) {
                size_t len = LENS[li];
                if (len > 1000 && ai % 4 != 0)
                    continue; /* enough of the long ones */
                script s = { 0 };
                sc_repeat(&s, &chunks[ci], len + 1);
                char what[64], ib[16];
                describe_instr(&chunks[ci], ib, sizeof ib);
                snprintf(what, sizeof what, "chunk %s", ib);
                mv_status st;
                size_t total;
                /* Input longer than the view: the rest stays unserved. */
                if (run_recv(OP_RECV_ALL, len, asks[ai], len + 7, &s, what, &st, &total)) {
                    CHECK_ST(st, MV_OK);
                    CHECK_EQU(total, len);
                }
                sc_free(&s);
            }
}

static void recv_into_loop_every_chunk_size(void)
{
    instr chunks[64];
    size_t nc = chunk_list(chunks);
    const size_t asks[] = { 0, 1, 2, 3, 5, 7, 8, 16, 17, 1024 };
    for (size_t ci = 0; ci < nc; ci++)
        for (size_t li = 0; li < N_LENS; li++)
            for (size_t ai = 0; ai < sizeof asks / sizeof asks[0]; ai++) {
                size_t len = LENS[li];
                script s = { 0 };
                sc_repeat(&s, &chunks[ci], len + 1);
                char what[64], ib[16];
                describe_instr(&chunks[ci], ib, sizeof ib);
                snprintf(what, sizeof what, "chunk %s", ib);
                mv_status st;
                size_t total;
                if (run_recv(OP_RECV_INTO, len, asks[ai], len, &s, what, &st, &total))
                    CHECK_EQU(total, len);
                sc_free(&s);
            }
}

/* Views of random lengths (a quarter of them empty) for vectored sends. */
static size_t random_lens(size_t *lens, size_t count, size_t max)
{
    size_t total = 0;
    for (size_t i = 0; i < count; i++) {
        lens[i] = mvt_below(4) == 0 ? 0 : (size_t)mvt_below(max + 1);
        total += lens[i];
    }
    return total;
}

static void sendv_every_chunk_size(void)
{
    instr chunks[64];
    size_t nc = chunk_list(chunks);
    for (size_t ci = 0; ci < nc; ci++)
        for (size_t trial = 0; trial < 6; trial++) {
            size_t lens[24];
            size_t count = 1 + (size_t)mvt_below(24);
            size_t total = random_lens(lens, count, trial < 3 ? 20 : 300);
            for (send_op op = OP_SENDV; op <= OP_SENDV_FALLBACK; op++) {
                script s = { 0 };
                sc_repeat(&s, &chunks[ci], total + count + 1);
                char what[64], ib[16];
                describe_instr(&chunks[ci], ib, sizeof ib);
                snprintf(what, sizeof what, "chunk %s, %zu bytes", ib, total);
                mv_status st;
                size_t sent;
                if (run_send(op, lens, count, &s, SIZE_MAX, what, &st, &sent)) {
                    CHECK_ST(st, MV_OK);
                    CHECK_EQU(sent, total);
                }
                sc_free(&s);
            }
        }
}

/* ------------------------------------------------- tests: special calls */

/* The specials put at every position of a schedule, and the status the
 * first failing round must report (a cross-check of the interpreter). */
typedef struct special {
    instr in;
    const char *name;
    mv_status send_st, recv_st;  /* recv_st for mv_recv_all */
    int err;                      /* errno with MV_ESYS */
} special;

static size_t special_list(special *out)
{
    size_t n = 0;
    out[n++] = (special){ { { MV_SIM_EAGAIN }, 1, NULL }, "EAGAIN", MV_EAGAIN, MV_EAGAIN, 0 };
    out[n++] = (special){ { { 0x00 }, 1, NULL }, "move 0", MV_ECLOSED, MV_ECLOSED, 0 };
    out[n++] = (special){ { { MV_SIM_MANY, 0, 0 }, 3, NULL }, "many 0", MV_ECLOSED, MV_ECLOSED, 0 };
    out[n++] = (special){ { { MV_SIM_CLAIM }, 1, NULL }, "claim", MV_EINVAL, MV_EINVAL, 0 };
    out[n++] = (special){ { { MV_SIM_CLOSE }, 1, NULL }, "close", MV_ESYS, MV_ECLOSED, EPIPE };
    out[n++] = (special){ { { MV_SIM_ERROR, 0 }, 2, NULL }, "error 0 (EIO)", MV_ESYS, MV_ESYS, EIO };
    out[n++] = (special){ { { MV_SIM_ERROR, ECONNRESET }, 2, NULL }, "ECONNRESET", MV_ESYS, MV_ESYS,
                          ECONNRESET };
    out[n++] = (special){ { { MV_SIM_ERROR, ETIMEDOUT }, 2, NULL }, "ETIMEDOUT", MV_ESYS, MV_ESYS,
                          ETIMEDOUT };
    out[n++] = (special){ { { MV_SIM_ERROR, ENOBUFS }, 2, NULL }, "ENOBUFS", MV_ESYS, MV_ESYS, ENOBUFS };
    out[n++] = (special){ { { MV_SIM_ERROR, 255 }, 2, NULL }, "errno 255", MV_ESYS, MV_ESYS, 255 };
    /* errno EAGAIN and EINTR chosen by number mean what they mean. */
    out[n++] = (special){ { { MV_SIM_ERROR, EAGAIN }, 2, NULL }, "error EAGAIN", MV_EAGAIN, MV_EAGAIN, 0 };
    out[n++] = (special){ { { MV_SIM_ERROR, EINTR }, 2, NULL }, "error EINTR", MV_OK, MV_OK, 0 };
    out[n++] = (special){ { { MV_SIM_EINTR }, 1, NULL }, "EINTR", MV_OK, MV_OK, 0 };
    return n;
}

/* A schedule of chunk-sized moves with sp put before move number pos. */
static void sc_with_special(script *s, const instr *chunk, size_t moves, size_t pos, const instr *sp)
{
    for (size_t i = 0; i <= moves; i++) {
        if (i == pos)
            sc_instr(s, sp);
        if (i < moves)
            sc_instr(s, chunk);
    }
}

static void specials_at_every_position_send(void)
{
    special sp[16];
    size_t ns = special_list(sp);
    const size_t chunk_sizes[] = { 1, 2, 3, 5, 7, 16, 17, 64, 1000 };
    const size_t len = 40;
    for (size_t si = 0; si < ns; si++)
        for (size_t ci = 0; ci < sizeof chunk_sizes / sizeof chunk_sizes[0]; ci++) {
            instr chunk = chunk_instr(chunk_sizes[ci]);
            size_t moves = (len + chunk_sizes[ci] - 1) / chunk_sizes[ci];
            for (size_t pos = 0; pos <= moves; pos++) {
                script s = { 0 };
                sc_with_special(&s, &chunk, moves, pos, &sp[si].in);
                char what[96];
                snprintf(what, sizeof what, "%s before move %zu of %zu-byte chunks, view %zu",
                         sp[si].name, pos, chunk_sizes[ci], len);
                mv_status st;
                size_t total;
                size_t l = len;
                run_send(OP_SEND_ALL, &l, 1, &s, SIZE_MAX, what, &st, &total);

                /* The first round alone, checked against the special's
                 * documented meaning (not only against the interpreter). */
                if (pos < moves) {
                    uint8_t *data = random_bytes(len);
                    uint8_t *rec = malloc(len);
                    mv_sim sim;
                    if (mv_sim_init(&sim, s.b, s.len, rec, len, NULL, 0) == MV_OK) {
                        mv_transport t = mv_sim_transport(&sim);
                        size_t sent;
                        errno = 0;
                        mv_status first = mv_send_all(&t, mvt_from_const(data, len), &sent);
                        int err = errno;
                        size_t before = pos * chunk_sizes[ci];
                        CHECK_ST(first, sp[si].send_st);
                        CHECK_EQU(sent, sp[si].send_st == MV_OK ? len : before);
                        if (sp[si].send_st == MV_ESYS)
                            CHECK_EQ(err, sp[si].err);
                    }
                    free(data);
                    free(rec);
                }
                sc_free(&s);
            }
        }
}

static void specials_at_every_position_sendv(void)
{
    special sp[16];
    size_t ns = special_list(sp);
    const size_t chunk_sizes[] = { 1, 2, 3, 5, 7, 16, 17, 64 };
    /* Views cut so that chunks end inside views, at their ends, and
     * around empty ones. */
    const size_t lens[] = { 3, 0, 5, 1, 0, 0, 7, 2, 9, 0, 4 };
    const size_t count = sizeof lens / sizeof lens[0];
    size_t len = 0;
    for (size_t i = 0; i < count; i++)
        len += lens[i];
    for (size_t si = 0; si < ns; si++)
        for (size_t ci = 0; ci < sizeof chunk_sizes / sizeof chunk_sizes[0]; ci++) {
            instr chunk = chunk_instr(chunk_sizes[ci]);
            /* Enough moves for the fallback, which sends view by view. */
            size_t moves = len + count;
            for (size_t pos = 0; pos <= (len + chunk_sizes[ci] - 1) / chunk_sizes[ci] + count; pos++)
                for (send_op op = OP_SENDV; op <= OP_SENDV_FALLBACK; op++) {
                    script s = { 0 };
                    sc_with_special(&s, &chunk, moves, pos, &sp[si].in);
                    char what[96];
                    snprintf(what, sizeof what, "%s before move %zu of %zu-byte chunks", sp[si].name, pos,
                             chunk_sizes[ci]);
                    mv_status st;
                    size_t total;
                    if (run_send(op, lens, count, &s, SIZE_MAX, what, &st, &total)) {
                        CHECK_ST(st, MV_OK);
                        CHECK_EQU(total, len);
                    }
                    sc_free(&s);
                }
        }
}

static void specials_at_every_position_recv(void)
{
    special sp[16];
    size_t ns = special_list(sp);
    const size_t chunk_sizes[] = { 1, 2, 3, 5, 7, 16, 17, 64, 1000 };
    const size_t asks[] = { 0, 1, 3, 16 };
    const size_t len = 40;
    for (size_t si = 0; si < ns; si++)
        for (size_t ci = 0; ci < sizeof chunk_sizes / sizeof chunk_sizes[0]; ci++)
            for (size_t ai = 0; ai < sizeof asks / sizeof asks[0]; ai++) {
                instr chunk = chunk_instr(chunk_sizes[ci]);
                size_t moves = len + 1;
                size_t per = chunk_sizes[ci];
                if (asks[ai] != 0 && asks[ai] < per)
                    per = asks[ai];
                for (size_t pos = 0; pos <= len / per + 2; pos++)
                    for (recv_op op = OP_RECV_ALL; op <= OP_RECV_INTO; op++) {
                        script s = { 0 };
                        sc_with_special(&s, &chunk, moves, pos, &sp[si].in);
                        char what[96];
                        snprintf(what, sizeof what, "%s before move %zu of %zu-byte chunks", sp[si].name,
                                 pos, chunk_sizes[ci]);
                        mv_status st;
                        size_t total;
                        /* Input one byte short half of the time: then the
                         * stream ends before the view is full. */
                        size_t input = (pos & 1) ? len : len - 1;
                        if (run_recv(op, len, asks[ai], input, &s, what, &st, &total))
                            CHECK_EQU(total, input < len ? input : len);
                        sc_free(&s);
                    }
            }
}

/* The documented meaning of each special, on a receive, checked directly. */
static void specials_first_round_recv(void)
{
    special sp[16];
    size_t ns = special_list(sp);
    for (size_t si = 0; si < ns; si++)
        for (size_t pos = 0; pos < 10; pos++) {
            script s = { 0 };
            instr three = chunk_instr(3);
            sc_with_special(&s, &three, 20, pos, &sp[si].in);
            uint8_t input[30], buf[30];
            for (size_t i = 0; i < sizeof input; i++)
                input[i] = (uint8_t)mvt_rand();
            memset(buf, MVT_SENTINEL, sizeof buf);
            mv_sim sim;
            if (!CHECK_ST(mv_sim_init(&sim, s.b, s.len, NULL, 0, input, sizeof input), MV_OK)) {
                sc_free(&s);
                return;
            }
            mv_transport t = mv_sim_transport(&sim);
            size_t got;
            errno = 0;
            mv_status st = mv_recv_all(&t, mvt_from(buf, sizeof buf), 0, &got);
            int err = errno;
            CHECK_ST(st, sp[si].recv_st);
            CHECK_EQU(got, sp[si].recv_st == MV_OK ? sizeof buf : pos * 3);
            if (st == MV_ESYS)
                CHECK_EQ(err, sp[si].err);
            CHECK_MEM(buf, input, got);
            CHECK_SENTINEL(buf + got, sizeof buf - got);
            sc_free(&s);
        }
}

/* EAGAIN at every position; the caller resumes with mv_advance until
 * done; the bytes arrive exactly once and in order. */
static void eagain_resumption_until_done(void)
{
    const size_t len = 57;
    for (size_t c = 1; c <= 17; c++) {
        size_t moves = (len + c - 1) / c;
        for (size_t pos = 0; pos <= moves; pos++)
            for (size_t burst = 1; burst <= 3; burst++) {
                /* burst EAGAINs at pos, another one two moves later. */
                script s = { 0 };
                instr chunk = chunk_instr(c);
                for (size_t i = 0; i <= moves; i++) {
                    if (i == pos || i == pos + 2)
                        for (size_t b = 0; b < burst; b++)
                            sc_put(&s, MV_SIM_EAGAIN);
                    if (i < moves)
                        sc_instr(&s, &chunk);
                }
                char what[64];
                snprintf(what, sizeof what, "%zu EAGAIN at moves %zu and %zu, chunk %zu", burst, pos,
                         pos + 2, c);
                mv_status st;
                size_t total;
                size_t l = len;
                if (run_send(OP_SEND_ALL, &l, 1, &s, SIZE_MAX, what, &st, &total)) {
                    CHECK_ST(st, MV_OK);
                    CHECK_EQU(total, len);
                }
                if (run_recv(OP_RECV_ALL, len, c % 5, len, &s, what, &st, &total)) {
                    CHECK_ST(st, MV_OK);
                    CHECK_EQU(total, len);
                }
                sc_free(&s);
            }
    }
}

/* Long runs of EINTR (below the bound) between moves, for every loop. */
static void eintr_storms(void)
{
    const size_t runs[] = { 1, 2, 3, 17, 255, 1000, 100000 };
    for (size_t ri = 0; ri < sizeof runs / sizeof runs[0]; ri++)
        for (size_t c = 1; c <= 17; c += (runs[ri] > 1000 ? 8 : 1)) {
            const size_t len = runs[ri] > 1000 ? 20 : 50;
            script s = { 0 };
            instr chunk = chunk_instr(c);
            size_t moves = len + 1;
            for (size_t i = 0; i < moves; i++) {
                for (size_t k = 0; k < runs[ri]; k++)
                    sc_put(&s, MV_SIM_EINTR);
                sc_instr(&s, &chunk);
            }
            char what[64];
            snprintf(what, sizeof what, "runs of %zu EINTR, chunk %zu", runs[ri], c);
            mv_status st;
            size_t total;
            size_t l = len;
            if (run_send(OP_SEND_ALL, &l, 1, &s, SIZE_MAX, what, &st, &total)) {
                CHECK_ST(st, MV_OK);
                CHECK_EQU(total, len);
            }
            size_t lens[] = { 7, 0, 13, 30 };
            for (send_op op = OP_SENDV; op <= OP_SENDV_FALLBACK; op++)
                if (run_send(op, lens, 4, &s, SIZE_MAX, what, &st, &total)) {
                    CHECK_ST(st, MV_OK);
                    CHECK_EQU(total, 50);
                }
            if (run_recv(OP_RECV_ALL, len, 4, len, &s, what, &st, &total)) {
                CHECK_ST(st, MV_OK);
                CHECK_EQU(total, len);
            }
            if (run_recv(OP_RECV_INTO, len, 0, len, &s, what, &st, &total))
                CHECK_EQU(total, len);
            sc_free(&s);
        }
}

/* MV_EINTR_RETRIES consecutive EINTRs are retried; one more is MV_ESYS
 * with errno EINTR, the progress before the storm kept. */
static void eintr_retry_bound(void)
{
    for (size_t extra = 0; extra <= 1; extra++)
        for (size_t head = 0; head <= 3; head += 3) {
            script s = { 0 };
            if (head)
                sc_move(&s, head);
            for (unsigned long k = 0; k < MV_EINTR_RETRIES + extra; k++)
                sc_put(&s, MV_SIM_EINTR);
            sc_move(&s, 5);
            char what[80];
            snprintf(what, sizeof what, "%zu bytes, then MV_EINTR_RETRIES%s EINTRs", head,
                     extra ? " + 1" : "");
            mv_status want = extra ? MV_ESYS : MV_OK;
            const size_t len = 10;

            uint8_t data[10], rec[10], in[10];
            for (size_t i = 0; i < len; i++)
                data[i] = in[i] = (uint8_t)mvt_rand();
            mv_sim sim;
            size_t n;
            int err;
            mv_status st;

            /* mv_send_all, directly: the documented status and counters. */
            if (!CHECK_ST(mv_sim_init(&sim, s.b, s.len, rec, len, NULL, 0), MV_OK))
                break;
            mv_transport t = mv_sim_transport(&sim);
            errno = 0;
            st = mv_send_all(&t, mvt_from_const(data, len), &n);
            err = errno;
            CHECK_ST(st, want);
            CHECK_EQU(n, extra ? head : len);
            if (extra)
                CHECK_EQ(err, EINTR);
            /* [head], the storm, then (without the extra EINTR) 5 bytes and the rest. */
            CHECK_EQU(mv_sim_calls(&sim), (head ? 1 : 0) + MV_EINTR_RETRIES + (extra ? 1 : 2));

            /* mv_recv_into: one receive. */
            if (!CHECK_ST(mv_sim_init(&sim, s.b + (head ? 1 : 0), s.len - (head ? 1 : 0), NULL, 0, in,
                                      len),
                          MV_OK))
                break;
            t = mv_sim_transport(&sim);
            uint8_t buf[10];
            memset(buf, MVT_SENTINEL, sizeof buf);
            errno = 0;
            st = mv_recv_into(&t, mvt_from(buf, len), 0, &n);
            err = errno;
            CHECK_ST(st, want);
            CHECK_EQU(n, extra ? 0 : 5);
            if (extra)
                CHECK_EQ(err, EINTR);
            CHECK_EQU(mv_sim_calls(&sim), MV_EINTR_RETRIES + 1);

            /* Every loop through the runners and the interpreter. */
            size_t total;
            size_t l = len;
            run_send(OP_SEND_ALL, &l, 1, &s, SIZE_MAX, what, &st, &total);
            size_t lens[] = { 2, 0, 8 };
            for (send_op op = OP_SENDV; op <= OP_SENDV_FALLBACK; op++)
                run_send(op, lens, 3, &s, SIZE_MAX, what, &st, &total);
            run_recv(OP_RECV_ALL, len, 0, len, &s, what, &st, &total);
            run_recv(OP_RECV_ALL, len, 2, len, &s, what, &st, &total);
            run_recv(OP_RECV_INTO, len, 4, len, &s, what, &st, &total);
            sc_free(&s);
        }
}

/* ------------------------------------------------- tests: vectored sends */

/* More views than IOV_MAX: several batches, each as full as allowed, the
 * boundaries falling inside views and on empty ones. */
static void sendv_more_views_than_iov_max(void)
{
    const size_t counts[] = { IOV_MAX - 1, IOV_MAX, IOV_MAX + 1, 2 * IOV_MAX + 17, 3000 };
    for (size_t k = 0; k < sizeof counts / sizeof counts[0]; k++) {
        size_t count = counts[k];
        size_t *lens = malloc(count * sizeof *lens);
        if (lens == NULL)
            return;
        for (int variant = 0; variant < 4; variant++) {
            size_t total = 0;
            for (size_t i = 0; i < count; i++) {
                /* 0: all one byte; 1: random 0..5; 2: every other empty; 3: empty runs */
                lens[i] = variant == 0 ? 1 : variant == 1 ? (size_t)mvt_below(6)
                        : variant == 2 ? (i & 1) : (i % 100 < 60 ? 0 : 1 + (size_t)mvt_below(3));
                total += lens[i];
            }
            const instr scripts[] = { raw_instr(MV_SIM_ALL), chunk_instr(1), chunk_instr(7),
                                      chunk_instr(1000), chunk_instr(0xDF) };
            for (size_t si = 0; si < sizeof scripts / sizeof scripts[0]; si++)
                for (send_op op = OP_SENDV; op <= OP_SENDV_FALLBACK; op++) {
                    if (op == OP_SENDV_FALLBACK && si != 0 && si != 3)
                        continue; /* one view at a time is slow; enough with two */
                    script s = { 0 };
                    /* A few EAGAINs in the middle: resumption across batches. */
                    size_t reps = total + count + 2;
                    for (size_t i = 0; i < reps; i++) {
                        if (i % 97 == 50)
                            sc_put(&s, MV_SIM_EAGAIN);
                        sc_instr(&s, &scripts[si]);
                    }
                    char what[80], ib[16];
                    describe_instr(&scripts[si], ib, sizeof ib);
                    snprintf(what, sizeof what, "lens variant %d, %zu bytes, chunk %s", variant, total,
                             ib);
                    mv_status st;
                    size_t sent;
                    if (run_send(op, lens, count, &s, SIZE_MAX, what, &st, &sent)) {
                        CHECK_ST(st, MV_OK);
                        CHECK_EQU(sent, total);
                    }
                    sc_free(&s);
                }
        }
        free(lens);
    }
}

/* A vectored send cut inside a view resumes at exactly the next byte
 * (the checking transport compares the first piece's address). */
static void sendv_resumes_inside_a_view(void)
{
    const size_t lens[] = { 10, 10, 0, 10 };
    for (size_t cut = 1; cut < 30; cut++)
        for (send_op op = OP_SENDV; op <= OP_SENDV_FALLBACK; op++) {
            script s = { 0 };
            sc_move(&s, cut);
            sc_put(&s, MV_SIM_EAGAIN); /* the caller resumes here */
            sc_move(&s, 1);
            sc_put(&s, MV_SIM_EINTR);  /* the library resumes here */
            sc_put(&s, MV_SIM_ALL);
            char what[64];
            snprintf(what, sizeof what, "cut after %zu bytes", cut);
            mv_status st;
            size_t sent;
            if (run_send(op, lens, 4, &s, SIZE_MAX, what, &st, &sent)) {
                CHECK_ST(st, MV_OK);
                CHECK_EQU(sent, 30);
            }
            sc_free(&s);
        }
}

/* ---------------------------------------------- tests: random schedules */

/* A random script of whole instructions, with each kind well represented. */
static void random_script(script *s, size_t instrs)
{
    for (size_t i = 0; i < instrs; i++) {
        unsigned r = (unsigned)mvt_below(100);
        if (r < 40)
            sc_put(s, 1 + (unsigned)mvt_below(17));
        else if (r < 50)
            sc_put(s, (unsigned)mvt_below(0xE0));
        else if (r < 55)
            sc_move(s, (size_t)mvt_below(600));
        else if (r < 62)
            sc_put(s, mvt_below(2) ? MV_SIM_ALL : 0xE7 + (unsigned)mvt_below(0x19));
        else if (r < 75) {
            size_t run = 1 + (size_t)mvt_below(mvt_below(4) == 0 ? 300 : 4);
            for (size_t k = 0; k < run; k++)
                sc_put(s, MV_SIM_EINTR);
        } else if (r < 84)
            sc_put(s, MV_SIM_EAGAIN);
        else if (r < 88) {
            static const unsigned errs[] = { 0, EIO, ECONNRESET, EINTR, EAGAIN, ENOBUFS, 200 };
            sc_put(s, MV_SIM_ERROR);
            sc_put(s, errs[mvt_below(sizeof errs / sizeof errs[0])]);
        } else if (r < 92)
            sc_put(s, MV_SIM_CLOSE);
        else if (r < 96)
            sc_put(s, MV_SIM_CLAIM);
        else
            sc_put(s, 0);
    }
}

static void random_schedules(void)
{
    for (int iter = 0; iter < 4000; iter++) {
        script s = { 0 };
        random_script(&s, 1 + (size_t)mvt_below(60));
        char what[48];
        snprintf(what, sizeof what, "random schedule %d", iter);
        mv_status st;
        size_t total;
        size_t len = (size_t)mvt_below(mvt_below(4) == 0 ? 3000 : 200);
        /* Sometimes a simulator that cannot hold everything (ENOSPC). */
        size_t cap = mvt_below(6) == 0 ? (size_t)mvt_below(len + 1) : SIZE_MAX;
        size_t l = len;
        run_send(OP_SEND_ALL, &l, 1, &s, cap, what, &st, &total);
        size_t lens[40];
        size_t count = (size_t)mvt_below(40);
        size_t sum = random_lens(lens, count, mvt_below(2) ? 9 : 200);
        size_t vcap = mvt_below(6) == 0 ? (size_t)mvt_below(sum + 1) : SIZE_MAX;
        for (send_op op = OP_SENDV; op <= OP_SENDV_FALLBACK; op++)
            run_send(op, lens, count, &s, vcap, what, &st, &total);
        size_t input = mvt_below(3) == 0 ? (size_t)mvt_below(len + 1) : len + (size_t)mvt_below(5);
        size_t chunk = mvt_below(3) == 0 ? 0 : 1 + (size_t)mvt_below(40);
        run_recv(OP_RECV_ALL, len, chunk, input, &s, what, &st, &total);
        run_recv(OP_RECV_INTO, len, chunk, input, &s, what, &st, &total);
        sc_free(&s);
        if (mvt_test_failures > 0)
            break;
    }
}

/* ---------------------------------------------------- tests: bad input */

static void sim_transport_with(mv_sim *sim, mv_transport *t, const void *script, size_t n, void *rec,
                               size_t cap, const void *in, size_t in_len)
{
    if (mv_sim_init(sim, script, n, rec, cap, in, in_len) != MV_OK) {
        printf("setup: mv_sim_init failed\n");
        abort();
    }
    *t = mv_sim_transport(sim);
}

static void null_arguments_change_nothing(void)
{
    uint8_t data[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }, buf[8];
    mv_sim sim;
    mv_transport t;
    sim_transport_with(&sim, &t, NULL, 0, buf, sizeof buf, data, sizeof data);
    mv_view v = mvt_from(data, sizeof data), w = mvt_from(buf, sizeof buf);
    size_t n;

    MVT_FILL(n);
    CHECK_ST(mv_send_all(NULL, v, &n), MV_EINVAL);
    CHECK_SENTINEL(&n, sizeof n);
    CHECK_ST(mv_send_all(&t, v, NULL), MV_EINVAL);
    mv_transport no_send = t;
    no_send.send = NULL;
    CHECK_ST(mv_send_all(&no_send, v, &n), MV_EINVAL);
    CHECK_SENTINEL(&n, sizeof n);

    CHECK_ST(mv_sendv_all(NULL, &v, 1, &n), MV_EINVAL);
    CHECK_SENTINEL(&n, sizeof n);
    CHECK_ST(mv_sendv_all(&t, &v, 1, NULL), MV_EINVAL);
    CHECK_ST(mv_sendv_all(&t, NULL, 1, &n), MV_EINVAL);
    CHECK_SENTINEL(&n, sizeof n);
    mv_transport neither = t;
    neither.send = NULL;
    neither.sendv = NULL;
    CHECK_ST(mv_sendv_all(&neither, &v, 1, &n), MV_EINVAL);
    CHECK_SENTINEL(&n, sizeof n);
    /* No views at all is nothing to send. */
    CHECK_ST(mv_sendv_all(&t, NULL, 0, &n), MV_OK);
    CHECK_EQU(n, 0);

    MVT_FILL(n);
    CHECK_ST(mv_recv_into(NULL, w, 0, &n), MV_EINVAL);
    CHECK_SENTINEL(&n, sizeof n);
    CHECK_ST(mv_recv_into(&t, w, 0, NULL), MV_EINVAL);
    mv_transport no_recv = t;
    no_recv.recv = NULL;
    CHECK_ST(mv_recv_into(&no_recv, w, 0, &n), MV_EINVAL);
    CHECK_SENTINEL(&n, sizeof n);
    CHECK_ST(mv_recv_all(NULL, w, 0, &n), MV_EINVAL);
    CHECK_SENTINEL(&n, sizeof n);
    CHECK_ST(mv_recv_all(&t, w, 0, NULL), MV_EINVAL);
    CHECK_ST(mv_recv_all(&no_recv, w, 0, &n), MV_EINVAL);
    CHECK_SENTINEL(&n, sizeof n);

    /* NULL comes before every other check: a released view too. */
    mv_view gone = v;
    CHECK_ST(mv_release(&gone), MV_OK);
    CHECK_ST(mv_send_all(NULL, gone, &n), MV_EINVAL);
    CHECK_ST(mv_recv_all(&no_recv, gone, 0, &n), MV_EINVAL);
    CHECK_SENTINEL(&n, sizeof n);

    CHECK_EQU(mv_sim_calls(&sim), 0);
}

static void zero_length_views_make_no_call(void)
{
    uint8_t buf[4];
    mv_sim sim;
    mv_transport t;
    static const uint8_t all_fail[] = { MV_SIM_ERROR, 0, MV_SIM_ERROR, 0 };
    sim_transport_with(&sim, &t, all_fail, sizeof all_fail, buf, sizeof buf, NULL, 0);
    mv_view empty = mvt_from(NULL, 0), cut = mvt_slice(mvt_from(buf, 4), 2, 2, 1);
    size_t n;
    MVT_FILL(n);
    CHECK_ST(mv_send_all(&t, empty, &n), MV_OK);
    CHECK_EQU(n, 0);
    MVT_FILL(n);
    CHECK_ST(mv_send_all(&t, cut, &n), MV_OK);
    CHECK_EQU(n, 0);
    mv_view views[5] = { empty, cut, empty, cut, empty };
    MVT_FILL(n);
    CHECK_ST(mv_sendv_all(&t, views, 5, &n), MV_OK);
    CHECK_EQU(n, 0);
    mv_transport fallback = t;
    fallback.sendv = NULL;
    MVT_FILL(n);
    CHECK_ST(mv_sendv_all(&fallback, views, 5, &n), MV_OK);
    CHECK_EQU(n, 0);
    MVT_FILL(n);
    CHECK_ST(mv_sendv_all(&t, views, 0, &n), MV_OK);
    CHECK_EQU(n, 0);
    MVT_FILL(n);
    CHECK_ST(mv_recv_into(&t, empty, 0, &n), MV_OK);
    CHECK_EQU(n, 0);
    MVT_FILL(n);
    CHECK_ST(mv_recv_into(&t, cut, 0, &n), MV_OK);
    CHECK_EQU(n, 0);
    MVT_FILL(n);
    CHECK_ST(mv_recv_into(&t, empty, 1, &n), MV_ERANGE);
    CHECK_EQU(n, 0);
    MVT_FILL(n);
    CHECK_ST(mv_recv_all(&t, empty, 0, &n), MV_OK);
    CHECK_EQU(n, 0);
    MVT_FILL(n);
    CHECK_ST(mv_recv_all(&t, cut, 5, &n), MV_OK);
    CHECK_EQU(n, 0);
    CHECK_EQU(mv_sim_calls(&sim), 0);
    CHECK_EQU(mv_sim_sent(&sim), 0);
}

static void recv_into_nbytes(void)
{
    /* nbytes == 0: the whole view; 0 < nbytes <= len: at most nbytes;
     * nbytes > len: MV_ERANGE, no call. */
    uint8_t in[32];
    for (size_t i = 0; i < sizeof in; i++)
        in[i] = (uint8_t)mvt_rand();
    for (size_t len = 0; len <= 20; len++)
        for (size_t nb = 0; nb <= len + 2; nb++) {
            uint8_t *buf = malloc(len ? len : 1);
            memset(buf, MVT_SENTINEL, len ? len : 1);
            mv_sim sim;
            mv_transport t;
            sim_transport_with(&sim, &t, NULL, 0, NULL, 0, in, sizeof in);
            size_t n;
            MVT_FILL(n);
            mv_status st = mv_recv_into(&t, mvt_from(len ? buf : NULL, len), nb, &n);
            if (nb > len) {
                CHECK_ST(st, MV_ERANGE);
                CHECK_EQU(n, 0);
                CHECK_EQU(mv_sim_calls(&sim), 0);
            } else {
                size_t want = nb == 0 ? len : nb;
                CHECK_ST(st, MV_OK);
                CHECK_EQU(n, want);
                CHECK_EQU(mv_sim_calls(&sim), want ? 1 : 0);
                CHECK_MEM(buf, in, n);
                CHECK_SENTINEL(buf + n, len - n);
            }
            free(buf);
        }
}

static void non_contiguous_views_refused(void)
{
    uint8_t data[16], buf[16];
    for (size_t i = 0; i < sizeof data; i++)
        data[i] = (uint8_t)i;
    memset(buf, MVT_SENTINEL, sizeof buf);
    mv_sim sim;
    mv_transport t;
    sim_transport_with(&sim, &t, NULL, 0, buf, sizeof buf, data, sizeof data);
    const ptrdiff_t steps[] = { 2, 3, -1, -2, 15, -15 };
    for (size_t k = 0; k < sizeof steps / sizeof steps[0]; k++) {
        mv_view whole = mvt_from(data, sizeof data);
        mv_view odd = mvt_slice(whole, MV_OMIT, MV_OMIT, steps[k]);
        size_t n;
        MVT_FILL(n);
        CHECK_ST(mv_send_all(&t, odd, &n), MV_ENOTCONTIG);
        CHECK_EQU(n, 0);
        mv_view list[3] = { whole, odd, whole };
        MVT_FILL(n);
        CHECK_ST(mv_sendv_all(&t, list, 3, &n), MV_ENOTCONTIG);
        CHECK_EQU(n, 0);
        mv_transport fallback = t;
        fallback.sendv = NULL;
        MVT_FILL(n);
        CHECK_ST(mv_sendv_all(&fallback, list, 3, &n), MV_ENOTCONTIG);
        CHECK_EQU(n, 0);
        mv_view into = mvt_slice(mvt_from(buf, sizeof buf), MV_OMIT, MV_OMIT, steps[k]);
        MVT_FILL(n);
        CHECK_ST(mv_recv_into(&t, into, 0, &n), MV_ENOTCONTIG);
        CHECK_EQU(n, 0);
        MVT_FILL(n);
        CHECK_ST(mv_recv_into(&t, into, 100, &n), MV_ENOTCONTIG); /* before the range */
        CHECK_EQU(n, 0);
        MVT_FILL(n);
        CHECK_ST(mv_recv_all(&t, into, 1, &n), MV_ENOTCONTIG);
        CHECK_EQU(n, 0);
        /* One item with any stride is contiguous: it moves. */
        mv_view one = mvt_slice(odd, 0, 1, 1);
        MVT_FILL(n);
        CHECK_ST(mv_send_all(&t, one, &n), MV_OK);
        CHECK_EQU(n, 1);
        CHECK_EQ(buf[mv_sim_sent(&sim) - 1], data[mv_data(one) - (const uint8_t *)data]);
    }
    /* Only the single-item sends reached the transport. */
    CHECK_EQU(mv_sim_calls(&sim), sizeof steps / sizeof steps[0]);
}

static void readonly_receive_views_refused(void)
{
    static const uint8_t konst[8] = { 0 };
    uint8_t buf[8], in[8] = { 9, 9, 9, 9, 9, 9, 9, 9 };
    memset(buf, MVT_SENTINEL, sizeof buf);
    mv_sim sim;
    mv_transport t;
    sim_transport_with(&sim, &t, NULL, 0, NULL, 0, in, sizeof in);
    mv_view ro1 = mvt_from_const(konst, sizeof konst), ro2;
    CHECK_ST(mv_toreadonly(mvt_from(buf, sizeof buf), &ro2), MV_OK);
    mv_view ro_odd = mvt_slice(ro2, MV_OMIT, MV_OMIT, 2);
    const mv_view ros[] = { ro1, ro2, ro_odd };
    for (size_t k = 0; k < 3; k++) {
        size_t n;
        MVT_FILL(n);
        CHECK_ST(mv_recv_into(&t, ros[k], 0, &n), MV_EREADONLY);
        CHECK_EQU(n, 0);
        MVT_FILL(n);
        CHECK_ST(mv_recv_into(&t, ros[k], 99, &n), MV_EREADONLY); /* before the range */
        CHECK_EQU(n, 0);
        MVT_FILL(n);
        CHECK_ST(mv_recv_all(&t, ros[k], 3, &n), MV_EREADONLY);
        CHECK_EQU(n, 0);
    }
    CHECK_SENTINEL(buf, sizeof buf);
    CHECK_EQU(mv_sim_calls(&sim), 0);
    /* Sending from a read-only view is fine. */
    uint8_t rec[8];
    sim_transport_with(&sim, &t, NULL, 0, rec, sizeof rec, NULL, 0);
    size_t n;
    CHECK_ST(mv_send_all(&t, ro1, &n), MV_OK);
    CHECK_EQU(n, sizeof konst);
    CHECK_MEM(rec, konst, sizeof konst);
}

static void released_views_refused(void)
{
    uint8_t data[8] = { 0 }, buf[8];
    memset(buf, MVT_SENTINEL, sizeof buf);
    mv_sim sim;
    mv_transport t;
    sim_transport_with(&sim, &t, NULL, 0, buf, sizeof buf, data, sizeof data);
    mv_view whole = mvt_from(data, sizeof data), gone = whole;
    CHECK_ST(mv_release(&gone), MV_OK);
    mv_view gone_ro = mvt_from_const(data, 4);
    CHECK_ST(mv_release(&gone_ro), MV_OK);
    size_t n;
    MVT_FILL(n);
    CHECK_ST(mv_send_all(&t, gone, &n), MV_ERELEASED);
    CHECK_EQU(n, 0);
    /* Released comes first: before a non-contiguous view earlier in the list. */
    mv_view odd = mvt_slice(whole, MV_OMIT, MV_OMIT, 2);
    mv_view list[4] = { whole, odd, gone, whole };
    MVT_FILL(n);
    CHECK_ST(mv_sendv_all(&t, list, 4, &n), MV_ERELEASED);
    CHECK_EQU(n, 0);
    mv_transport fallback = t;
    fallback.sendv = NULL;
    MVT_FILL(n);
    CHECK_ST(mv_sendv_all(&fallback, list, 4, &n), MV_ERELEASED);
    CHECK_EQU(n, 0);
    MVT_FILL(n);
    CHECK_ST(mv_recv_into(&t, gone, 0, &n), MV_ERELEASED);
    CHECK_EQU(n, 0);
    MVT_FILL(n);
    CHECK_ST(mv_recv_into(&t, gone_ro, 5, &n), MV_ERELEASED);
    CHECK_EQU(n, 0);
    MVT_FILL(n);
    CHECK_ST(mv_recv_all(&t, gone, 0, &n), MV_ERELEASED);
    CHECK_EQU(n, 0);
    CHECK_EQU(mv_sim_calls(&sim), 0);
    CHECK_SENTINEL(buf, sizeof buf);
}

/* Views whose lengths add up past SIZE_MAX: refused before any call.  No
 * memory that large exists; these views are never read (the check comes
 * first, and the sanitizers would see a read). */
static void sendv_total_overflow_refused(void)
{
    static uint8_t small[1];
    mv_view big;
    if (!CHECK_ST(mv_from(small, (size_t)PTRDIFF_MAX, &big), MV_OK))
        return;
    mv_view list[3] = { big, big, big };
    mv_sim sim;
    mv_transport t;
    sim_transport_with(&sim, &t, NULL, 0, NULL, 0, NULL, 0);
    size_t n;
    MVT_FILL(n);
    CHECK_ST(mv_sendv_all(&t, list, 3, &n), MV_EOVERFLOW);
    CHECK_EQU(n, 0);
    CHECK_EQU(mv_sim_calls(&sim), 0);
}

/* Script tails cut inside an instruction (MV_SIM_ERROR or MV_SIM_MANY
 * without their bytes): memview_sim.h does not say what they do; whatever
 * it is, the loops stay consistent with the simulator's counters. */
static void truncated_script_tails(void)
{
    static const uint8_t tails[][3] = { { 5, MV_SIM_ERROR }, { 5, MV_SIM_MANY }, { 5, MV_SIM_MANY, 1 } };
    const size_t tail_len[] = { 2, 2, 3 };
    for (size_t k = 0; k < 3; k++) {
        uint8_t data[300], rec[300], buf[300];
        for (size_t i = 0; i < sizeof data; i++)
            data[i] = (uint8_t)mvt_rand();
        mv_sim sim;
        mv_transport t;
        sim_transport_with(&sim, &t, tails[k], tail_len[k], rec, sizeof rec, NULL, 0);
        size_t n;
        mv_status st = mv_send_all(&t, mvt_from_const(data, sizeof data), &n);
        CHECK(st == MV_OK || st == MV_ESYS || st == MV_ECLOSED);
        CHECK_EQU(n, mv_sim_sent(&sim));
        CHECK_MEM(rec, data, n);
        sim_transport_with(&sim, &t, tails[k], tail_len[k], NULL, 0, data, sizeof data);
        st = mv_recv_all(&t, mvt_from(buf, sizeof buf), 0, &n);
        CHECK(st == MV_OK || st == MV_ESYS || st == MV_ECLOSED);
        CHECK_EQU(n, mv_sim_served(&sim));
        CHECK_MEM(buf, data, n);
    }
}

/* The simulator itself, called directly (the ground the other tests stand
 * on): random scripts, random lengths (0 included), sends, vectored sends
 * with empty pieces and receives, each call's result, errno, recorded and
 * served bytes compared with the interpreter. */
static void sim_calls_match_the_interpreter(void)
{
    for (int iter = 0; iter < 3000; iter++) {
        script s = { 0 };
        random_script(&s, 1 + (size_t)mvt_below(40));
        size_t cap = (size_t)mvt_below(400), in_len = (size_t)mvt_below(400);
        uint8_t *rec = malloc(cap + 1), *input = random_bytes(in_len);
        uint8_t src[300], dst[300];
        for (size_t i = 0; i < sizeof src; i++)
            src[i] = (uint8_t)mvt_rand();
        mv_sim sim;
        model m;
        scen c = { "direct simulator calls", &s, false };
        if (!CHECK_ST(mv_sim_init(&sim, s.b, s.len, rec, cap, input, in_len), MV_OK))
            break;
        model_init(&m, &s, cap, in_len);
        size_t expect_rec = 0;
        uint8_t *expect = malloc(cap + 1);
        for (int call = 0; call < 60 && !c.failed; call++) {
            int kind = (int)mvt_below(3);
            size_t len = (size_t)mvt_below(mvt_below(4) == 0 ? 300 : 20);
            size_t served_before = m.served;
            int merr = 0;
            long long want = model_call(&m, kind == 2 ? SIDE_RECV : SIDE_SEND, len, &merr);
            ssize_t got;
            errno = 0;
            if (kind == 0) {
                got = mv_sim_send(&sim, src, len);
            } else if (kind == 1) {
                /* The same len bytes of src in up to four pieces, some empty. */
                struct iovec iov[4];
                size_t at = 0;
                for (int i = 0; i < 4; i++) {
                    size_t piece = i == 3 ? len - at : (size_t)mvt_below(len - at + 1);
                    iov[i].iov_base = src + at;
                    iov[i].iov_len = piece;
                    at += piece;
                }
                got = mv_sim_sendv(&sim, iov, 4);
            } else {
                memset(dst, MVT_SENTINEL, sizeof dst);
                got = mv_sim_recv(&sim, dst, len);
            }
            int err = errno;
            SC(&c, got == want, "call %d (%s of %zu): returned %zd, model %lld", call,
               kind == 0 ? "send" : kind == 1 ? "sendv" : "recv", len, got, want);
            if (want < 0)
                SC(&c, err == merr, "call %d: errno %d, model %d", call, err, merr);
            if (kind != 2 && want > 0 && (size_t)want <= len) {
                memcpy(expect + expect_rec, src, (size_t)want);
                expect_rec += (size_t)want;
            }
            if (kind == 2) {
                size_t moved = m.served - served_before;
                SC(&c, memcmp(dst, input + served_before, moved) == 0, "call %d: received bytes", call);
                SC(&c, mvt_is_sentinel(dst + moved, sizeof dst - moved), "call %d: bytes past the received",
                   call);
            }
            SC(&c, mv_sim_calls(&sim) == m.calls, "call %d: calls %zu, model %zu", call, mv_sim_calls(&sim),
               m.calls);
            SC(&c, mv_sim_sent(&sim) == m.sent_len && m.sent_len == expect_rec,
               "call %d: sent %zu, model %zu", call, mv_sim_sent(&sim), m.sent_len);
            SC(&c, mv_sim_served(&sim) == m.served, "call %d: served %zu, model %zu", call,
               mv_sim_served(&sim), m.served);
        }
        SC(&c, memcmp(rec, expect, expect_rec) == 0, "recorded bytes");
        free(expect);
        free(rec);
        free(input);
        sc_free(&s);
        if (c.failed)
            break;
    }
}

static void sim_init_statuses(void)
{
    uint8_t b[4] = { 0 };
    mv_sim sim;
    MVT_FILL(sim);
    CHECK_ST(mv_sim_init(NULL, b, 1, b, 0, NULL, 0), MV_EINVAL);
    CHECK_ST(mv_sim_init(&sim, NULL, 1, NULL, 0, NULL, 0), MV_EINVAL);
    CHECK_ST(mv_sim_init(&sim, NULL, 0, NULL, 1, NULL, 0), MV_EINVAL);
    CHECK_ST(mv_sim_init(&sim, NULL, 0, NULL, 0, NULL, 1), MV_EINVAL);
    CHECK_SENTINEL(&sim, sizeof sim);
    /* Sizes past PTRDIFF_MAX are refused without touching the memory. */
    CHECK_ST(mv_sim_init(&sim, NULL, 0, b, (size_t)PTRDIFF_MAX + 1, NULL, 0), MV_EOVERFLOW);
    CHECK_ST(mv_sim_init(&sim, NULL, 0, NULL, 0, b, (size_t)PTRDIFF_MAX + 1), MV_EOVERFLOW);
    CHECK_SENTINEL(&sim, sizeof sim);
    CHECK_ST(mv_sim_init(&sim, NULL, 0, NULL, 0, NULL, 0), MV_OK);
    CHECK_EQU(mv_sim_calls(&sim), 0);
    CHECK_EQU(mv_sim_sent(&sim), 0);
    CHECK_EQU(mv_sim_served(&sim), 0);
    CHECK_EQU(mv_sim_calls(NULL), 0);
    CHECK_EQU(mv_sim_sent(NULL), 0);
    CHECK_EQU(mv_sim_served(NULL), 0);
    mv_transport t = mv_sim_transport(&sim);
    CHECK(t.send != NULL && t.recv != NULL && t.sendv != NULL);
    CHECK_PTR(t.ctx, &sim);
}

/* memview_sim.h: "Each pointer may be NULL when its length is 0", and no
 * input may reach undefined behaviour ("NULL + 0 included").  A simulator
 * without a sent buffer whose send moves nothing, and one without input
 * that is asked to receive, must both just work.  Each runs in a child
 * process, so that a sanitizer report there fails this test only. */
static void null_sent_buffer_send_moving_nothing(void)
{
    static const uint8_t nothing[] = { 0x00 };
    static const uint8_t data[4] = { 1, 2, 3, 4 };
    mv_sim sim;
    mv_transport t;
    sim_transport_with(&sim, &t, nothing, sizeof nothing, NULL, 0, NULL, 0);
    size_t n;
    mv_status st = mv_send_all(&t, mvt_from_const(data, sizeof data), &n);
    _exit(st == MV_ECLOSED && n == 0 ? 0 : 1);
}

static void null_input_recv(void)
{
    uint8_t buf[4];
    mv_sim sim;
    mv_transport t;
    sim_transport_with(&sim, &t, NULL, 0, NULL, 0, NULL, 0);
    size_t n;
    mv_status st = mv_recv_into(&t, mvt_from(buf, sizeof buf), 0, &n);
    _exit(st == MV_OK && n == 0 ? 0 : 1);
}

static void in_child(void (*fn)(void), const char *what)
{
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        CHECK(pid >= 0);
        return;
    }
    if (pid == 0) {
        fn();
        _exit(0);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (!CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0))
        printf("  %s: the child ended with %s %d (its report is above)\n", what,
               WIFEXITED(status) ? "status" : "signal",
               WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
}

static void sim_null_buffers_of_length_zero(void)
{
    in_child(null_sent_buffer_send_moving_nothing,
             "mv_sim_init(&s, {0x00}, 1, NULL, 0, NULL, 0); mv_send_all of 4 bytes");
    in_child(null_input_recv, "mv_sim_init(&s, NULL, 0, NULL, 0, NULL, 0); mv_recv_into of 4 bytes");
}

/* ------------------------------------------------ tests: vectored receives */

static void recvv_every_chunk_size(void)
{
    instr chunks[64];
    size_t nc = chunk_list(chunks);
    for (size_t ci = 0; ci < nc; ci++)
        for (size_t trial = 0; trial < 4; trial++) {
            size_t lens[24];
            size_t count = 1 + (size_t)mvt_below(24);
            size_t total = random_lens(lens, count, trial < 2 ? 20 : 300);
            for (recvv_op op = OP_RECVV; op <= OP_RECVV_FALLBACK; op++) {
                script s = { 0 };
                sc_repeat(&s, &chunks[ci], total + count + 1);
                char what[64], ib[16];
                describe_instr(&chunks[ci], ib, sizeof ib);
                snprintf(what, sizeof what, "chunk %s, %zu bytes", ib, total);
                mv_status st;
                size_t got;
                /* The peer sends more than the views hold: the rest stays. */
                if (run_recvv(op, lens, count, total + 5, &s, what, &st, &got)) {
                    CHECK_ST(st, MV_OK);
                    CHECK_EQU(got, total);
                }
                sc_free(&s);
            }
        }
}

/* Every special at every position of a schedule, for views cut so that
 * chunks end inside views, at their ends and around empty ones; the peer
 * sends one byte too few half of the time (MV_ECLOSED at the end). */
static void specials_at_every_position_recvv(void)
{
    special sp[16];
    size_t ns = special_list(sp);
    const size_t chunk_sizes[] = { 1, 2, 3, 7, 17, 64 };
    const size_t lens[] = { 0, 3, 0, 5, 1, 0, 0, 7, 2, 9, 0, 4 };
    const size_t count = sizeof lens / sizeof lens[0];
    size_t len = 0;
    for (size_t i = 0; i < count; i++)
        len += lens[i];
    for (size_t si = 0; si < ns; si++)
        for (size_t ci = 0; ci < sizeof chunk_sizes / sizeof chunk_sizes[0]; ci++) {
            instr chunk = chunk_instr(chunk_sizes[ci]);
            size_t moves = len + count;
            for (size_t pos = 0; pos <= (len + chunk_sizes[ci] - 1) / chunk_sizes[ci] + count; pos++)
                for (recvv_op op = OP_RECVV; op <= OP_RECVV_FALLBACK; op++) {
                    script s = { 0 };
                    sc_with_special(&s, &chunk, moves, pos, &sp[si].in);
                    char what[96];
                    snprintf(what, sizeof what, "%s before move %zu of %zu-byte chunks", sp[si].name, pos,
                             chunk_sizes[ci]);
                    mv_status st;
                    size_t got;
                    size_t input = (pos & 1) ? len : len - 1;
                    if (run_recvv(op, lens, count, input, &s, what, &st, &got)) {
                        CHECK_ST(st, input < len ? MV_ECLOSED : MV_OK);
                        CHECK_EQU(got, input);
                    }
                    sc_free(&s);
                }
        }
}

/* The documented meaning of each special on the first vectored receive,
 * checked directly (not through the interpreter): status, errno and the
 * exact count, the bytes where they belong and nothing else written. */
static void specials_first_round_recvv(void)
{
    special sp[16];
    size_t ns = special_list(sp);
    for (size_t si = 0; si < ns; si++)
        for (size_t pos = 0; pos < 10; pos++)
            for (int fallback = 0; fallback <= 1; fallback++) {
                script s = { 0 };
                instr three = chunk_instr(3);
                sc_with_special(&s, &three, 20, pos, &sp[si].in);
                uint8_t input[30], a[7], b[13], d[10];
                for (size_t i = 0; i < sizeof input; i++)
                    input[i] = (uint8_t)mvt_rand();
                memset(a, MVT_SENTINEL, sizeof a);
                memset(b, MVT_SENTINEL, sizeof b);
                memset(d, MVT_SENTINEL, sizeof d);
                mv_sim sim;
                if (!CHECK_ST(mv_sim_init(&sim, s.b, s.len, NULL, 0, input, sizeof input), MV_OK)) {
                    sc_free(&s);
                    return;
                }
                mv_transport t = mv_sim_transport(&sim);
                if (fallback)
                    t.recvv = NULL;
                mv_view views[4] = { mvt_from(a, sizeof a), mvt_from(NULL, 0), mvt_from(b, sizeof b),
                                     mvt_from(d, sizeof d) };
                size_t got;
                errno = 0;
                mv_status st = mv_recvv_all(&t, views, 4, &got);
                int err = errno;
                /* Moves of 3 bytes each; the fallback's per-view moves are
                 * cut at the ends of views 7 and 13 (3+3+1, 3+3+3+3+1). */
                static const size_t fb_at[] = { 0, 3, 6, 7, 10, 13, 16, 19, 20, 23 };
                size_t before = fallback ? fb_at[pos] : pos * 3;
                CHECK_ST(st, sp[si].recv_st);
                CHECK_EQU(got, sp[si].recv_st == MV_OK ? 30 : before);
                if (st == MV_ESYS)
                    CHECK_EQ(err, sp[si].err);
                uint8_t all[30];
                memcpy(all, a, 7);
                memcpy(all + 7, b, 13);
                memcpy(all + 20, d, 10);
                CHECK_MEM(all, input, got);
                CHECK_SENTINEL(all + got, sizeof all - got);
                sc_free(&s);
            }
}

/* More views than IOV_MAX: several calls, each with IOV_MAX pieces (empty
 * ones included), boundaries inside views and on empty ones. */
static void recvv_more_views_than_iov_max(void)
{
    const size_t counts[] = { IOV_MAX - 1, IOV_MAX + 1, 2 * IOV_MAX + 17 };
    for (size_t k = 0; k < sizeof counts / sizeof counts[0]; k++) {
        size_t count = counts[k];
        size_t *lens = malloc(count * sizeof *lens);
        if (lens == NULL)
            return;
        for (int variant = 0; variant < 4; variant++) {
            size_t total = 0;
            for (size_t i = 0; i < count; i++) {
                lens[i] = variant == 0 ? 1 : variant == 1 ? (size_t)mvt_below(6)
                        : variant == 2 ? (i & 1) : (i % 100 < 60 ? 0 : 1 + (size_t)mvt_below(3));
                total += lens[i];
            }
            /* Every call costs a batch of IOV_MAX pieces here: a few
             * schedules are enough (the fallback with one). */
            const instr scripts[] = { raw_instr(MV_SIM_ALL), chunk_instr(7), chunk_instr(1000) };
            for (size_t si = 0; si < sizeof scripts / sizeof scripts[0]; si++)
                for (recvv_op op = OP_RECVV; op <= OP_RECVV_FALLBACK; op++) {
                    if (op == OP_RECVV_FALLBACK && si != 0)
                        continue;
                    script s = { 0 };
                    size_t reps = total + count + 2;
                    for (size_t i = 0; i < reps; i++) {
                        if (i % 97 == 50)
                            sc_put(&s, MV_SIM_EAGAIN);
                        sc_instr(&s, &scripts[si]);
                    }
                    char what[80], ib[16];
                    describe_instr(&scripts[si], ib, sizeof ib);
                    snprintf(what, sizeof what, "lens variant %d, %zu bytes, chunk %s", variant, total, ib);
                    mv_status st;
                    size_t got;
                    if (run_recvv(op, lens, count, total, &s, what, &st, &got)) {
                        CHECK_ST(st, MV_OK);
                        CHECK_EQU(got, total);
                    }
                    sc_free(&s);
                }
        }
        free(lens);
    }
}

/* A receive cut inside a view resumes at exactly the next byte, after an
 * EAGAIN (the caller resumes) and an EINTR (the library resumes). */
static void recvv_resumes_inside_a_view(void)
{
    const size_t lens[] = { 10, 10, 0, 10 };
    for (size_t cut = 1; cut < 30; cut++)
        for (recvv_op op = OP_RECVV; op <= OP_RECVV_FALLBACK; op++) {
            script s = { 0 };
            sc_move(&s, cut);
            sc_put(&s, MV_SIM_EAGAIN);
            sc_move(&s, 1);
            sc_put(&s, MV_SIM_EINTR);
            sc_put(&s, MV_SIM_ALL);
            sc_put(&s, MV_SIM_ALL);
            char what[64];
            snprintf(what, sizeof what, "cut after %zu bytes", cut);
            mv_status st;
            size_t got;
            if (run_recvv(op, lens, 4, 30, &s, what, &st, &got)) {
                CHECK_ST(st, MV_OK);
                CHECK_EQU(got, 30);
            }
            sc_free(&s);
        }
}

/* Runs of EINTR between moves, and the retry bound: MV_EINTR_RETRIES in a
 * row are retried, one more is MV_ESYS with errno EINTR. */
static void recvv_eintr(void)
{
    const size_t lens[] = { 7, 0, 13, 30 };
    const size_t runs[] = { 1, 2, 17, 1000 };
    for (size_t ri = 0; ri < sizeof runs / sizeof runs[0]; ri++)
        for (size_t c = 1; c <= 17; c += 4) {
            script s = { 0 };
            instr chunk = chunk_instr(c);
            for (size_t i = 0; i < 55; i++) {
                for (size_t k = 0; k < runs[ri]; k++)
                    sc_put(&s, MV_SIM_EINTR);
                sc_instr(&s, &chunk);
            }
            char what[64];
            snprintf(what, sizeof what, "runs of %zu EINTR, chunk %zu", runs[ri], c);
            mv_status st;
            size_t got;
            for (recvv_op op = OP_RECVV; op <= OP_RECVV_FALLBACK; op++)
                if (run_recvv(op, lens, 4, 50, &s, what, &st, &got)) {
                    CHECK_ST(st, MV_OK);
                    CHECK_EQU(got, 50);
                }
            sc_free(&s);
        }
    for (size_t extra = 0; extra <= 1; extra++)
        for (int fallback = 0; fallback <= 1; fallback++) {
            script s = { 0 };
            sc_move(&s, 3);
            for (unsigned long k = 0; k < MV_EINTR_RETRIES + extra; k++)
                sc_put(&s, MV_SIM_EINTR);
            uint8_t in[10], a[2], b[8];
            for (size_t i = 0; i < sizeof in; i++)
                in[i] = (uint8_t)mvt_rand();
            memset(a, MVT_SENTINEL, sizeof a);
            memset(b, MVT_SENTINEL, sizeof b);
            mv_sim sim;
            if (!CHECK_ST(mv_sim_init(&sim, s.b, s.len, NULL, 0, in, sizeof in), MV_OK))
                break;
            mv_transport t = mv_sim_transport(&sim);
            if (fallback)
                t.recvv = NULL;
            mv_view views[2] = { mvt_from(a, 2), mvt_from(b, 8) };
            size_t got;
            errno = 0;
            mv_status st = mv_recvv_all(&t, views, 2, &got);
            int err = errno;
            /* The fallback's first move is cut at the end of view 0 (2 bytes). */
            size_t head = fallback ? 2 : 3;
            CHECK_ST(st, extra ? MV_ESYS : MV_OK);
            CHECK_EQU(got, extra ? head : 10);
            if (extra)
                CHECK_EQ(err, EINTR);
            CHECK_MEM(a, in, got < 2 ? got : 2);
            if (got > 2)
                CHECK_MEM(b, in + 2, got - 2);
            CHECK_SENTINEL(b + (got > 2 ? got - 2 : 0), 8 - (got > 2 ? got - 2 : 0));
            sc_free(&s);
        }
}

static void recvv_random_schedules(void)
{
    for (int iter = 0; iter < 1500; iter++) {
        script s = { 0 };
        random_script(&s, 1 + (size_t)mvt_below(60));
        char what[48];
        snprintf(what, sizeof what, "random schedule %d", iter);
        size_t lens[40];
        size_t count = (size_t)mvt_below(40);
        size_t sum = random_lens(lens, count, mvt_below(2) ? 9 : 200);
        size_t input = mvt_below(3) == 0 ? (size_t)mvt_below(sum + 1) : sum + (size_t)mvt_below(5);
        mv_status st;
        size_t got;
        for (recvv_op op = OP_RECVV; op <= OP_RECVV_FALLBACK; op++)
            run_recvv(op, lens, count, input, &s, what, &st, &got);
        sc_free(&s);
        if (mvt_test_failures > 0)
            break;
    }
}

/* Every refusal, in the documented order, before any call, changing
 * nothing: no byte of any view, *received untouched (MV_EINVAL) or 0. */
static void recvv_refusals_change_nothing(void)
{
    uint8_t in[16], a[8], b[8];
    static const uint8_t konst[4] = { 0 };
    for (size_t i = 0; i < sizeof in; i++)
        in[i] = (uint8_t)mvt_rand();
    memset(a, MVT_SENTINEL, sizeof a);
    memset(b, MVT_SENTINEL, sizeof b);
    mv_sim sim;
    mv_transport t;
    sim_transport_with(&sim, &t, NULL, 0, NULL, 0, in, sizeof in);
    mv_view va = mvt_from(a, sizeof a), vb = mvt_from(b, sizeof b);
    mv_view gone = vb, ro = mvt_from_const(konst, sizeof konst), ro_w;
    CHECK_ST(mv_release(&gone), MV_OK);
    CHECK_ST(mv_toreadonly(vb, &ro_w), MV_OK);
    mv_view odd = mvt_slice(vb, MV_OMIT, MV_OMIT, 2);
    mv_view rev = mvt_slice(vb, MV_OMIT, MV_OMIT, -1);
    size_t n;

    /* MV_EINVAL: NULL pointers and a transport without a receive function. */
    mv_view list[2] = { va, vb };
    MVT_FILL(n);
    CHECK_ST(mv_recvv_all(NULL, list, 2, &n), MV_EINVAL);
    CHECK_SENTINEL(&n, sizeof n);
    CHECK_ST(mv_recvv_all(&t, list, 2, NULL), MV_EINVAL);
    CHECK_ST(mv_recvv_all(&t, NULL, 1, &n), MV_EINVAL);
    CHECK_SENTINEL(&n, sizeof n);
    mv_transport neither = t;
    neither.recv = NULL;
    neither.recvv = NULL;
    CHECK_ST(mv_recvv_all(&neither, list, 2, &n), MV_EINVAL);
    CHECK_SENTINEL(&n, sizeof n);
    /* NULL comes first, before a released view. */
    mv_view bad[3] = { gone, ro, odd };
    CHECK_ST(mv_recvv_all(&neither, bad, 3, &n), MV_EINVAL);
    CHECK_SENTINEL(&n, sizeof n);

    /* Each view check, with views before it that would pass. */
    struct {
        mv_view list[4];
        size_t count;
        mv_status want;
    } cases[] = {
        { { va, gone }, 2, MV_ERELEASED },
        { { va, odd, ro, gone }, 4, MV_ERELEASED },    /* released first */
        { { va, ro }, 2, MV_EREADONLY },
        { { ro_w, va }, 2, MV_EREADONLY },
        { { va, odd, ro_w }, 3, MV_EREADONLY },        /* read-only before contiguity */
        { { va, odd }, 2, MV_ENOTCONTIG },
        { { rev, va }, 2, MV_ENOTCONTIG },
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
        for (int fallback = 0; fallback <= 1; fallback++) {
            mv_transport u = t;
            if (fallback)
                u.recvv = NULL;
            MVT_FILL(n);
            CHECK_ST(mv_recvv_all(&u, cases[k].list, cases[k].count, &n), cases[k].want);
            CHECK_EQU(n, 0);
        }
    /* A total past SIZE_MAX: no memory that large exists, and these views
     * are never written (the check comes first). */
    static uint8_t small[1];
    mv_view big;
    if (CHECK_ST(mv_from(small, (size_t)PTRDIFF_MAX, &big), MV_OK)) {
        mv_view huge[3] = { va, big, big };
        huge[2] = big;
        MVT_FILL(n);
        CHECK_ST(mv_recvv_all(&t, huge, 3, &n), MV_EOVERFLOW);
        CHECK_EQU(n, 0);
    }
    CHECK_SENTINEL(a, sizeof a);
    CHECK_SENTINEL(b, sizeof b);
    CHECK_EQU(mv_sim_calls(&sim), 0);
    CHECK_EQU(mv_sim_served(&sim), 0);

    /* No views, or only empty ones: MV_OK with no call. */
    MVT_FILL(n);
    CHECK_ST(mv_recvv_all(&t, NULL, 0, &n), MV_OK);
    CHECK_EQU(n, 0);
    mv_view empties[3] = { mvt_from(NULL, 0), mvt_slice(va, 3, 3, 1), mvt_from(NULL, 0) };
    for (int fallback = 0; fallback <= 1; fallback++) {
        mv_transport u = t;
        if (fallback)
            u.recvv = NULL;
        MVT_FILL(n);
        CHECK_ST(mv_recvv_all(&u, empties, 3, &n), MV_OK);
        CHECK_EQU(n, 0);
    }
    CHECK_EQU(mv_sim_calls(&sim), 0);
    CHECK_SENTINEL(a, sizeof a);
}

/* A transport built by hand with designated initializers, without recvv
 * (as code written before it existed does), receives view by view. */
static void recvv_designated_transport(void)
{
    uint8_t in[20], a[5], b[15];
    for (size_t i = 0; i < sizeof in; i++)
        in[i] = (uint8_t)mvt_rand();
    mv_sim sim;
    mv_transport full;
    static const uint8_t sc[] = { 3, 3, 3, 3, 3, 3, 3, 3 };
    sim_transport_with(&sim, &full, sc, sizeof sc, NULL, 0, in, sizeof in);
    mv_transport t = { .ctx = full.ctx, .send = full.send, .recv = full.recv };
    CHECK(t.recvv == NULL && t.sendv == NULL);
    mv_view views[2] = { mvt_from(a, sizeof a), mvt_from(b, sizeof b) };
    size_t n;
    CHECK_ST(mv_recvv_all(&t, views, 2, &n), MV_OK);
    CHECK_EQU(n, 20);
    CHECK_MEM(a, in, 5);
    CHECK_MEM(b, in + 5, 15);
    /* 3+2 into a, then 3+3+3+3+3 into b: one recv a move. */
    CHECK_EQU(mv_sim_calls(&sim), 7);
}

static const mvt_case cases[] = {
    MVT(send_all_every_chunk_size),
    MVT(recv_all_every_chunk_size),
    MVT(recv_into_loop_every_chunk_size),
    MVT(sendv_every_chunk_size),
    MVT(specials_at_every_position_send),
    MVT(specials_at_every_position_sendv),
    MVT(specials_at_every_position_recv),
    MVT(specials_first_round_recv),
    MVT(eagain_resumption_until_done),
    MVT(eintr_storms),
    MVT(eintr_retry_bound),
    MVT(sendv_more_views_than_iov_max),
    MVT(sendv_resumes_inside_a_view),
    MVT(random_schedules),
    MVT(null_arguments_change_nothing),
    MVT(zero_length_views_make_no_call),
    MVT(recv_into_nbytes),
    MVT(non_contiguous_views_refused),
    MVT(readonly_receive_views_refused),
    MVT(released_views_refused),
    MVT(sendv_total_overflow_refused),
    MVT(truncated_script_tails),
    MVT(sim_calls_match_the_interpreter),
    MVT(sim_init_statuses),
    MVT(sim_null_buffers_of_length_zero),
    MVT(recvv_every_chunk_size),
    MVT(specials_at_every_position_recvv),
    MVT(specials_first_round_recvv),
    MVT(recvv_more_views_than_iov_max),
    MVT(recvv_resumes_inside_a_view),
    MVT(recvv_eintr),
    MVT(recvv_random_schedules),
    MVT(recvv_refusals_change_nothing),
    MVT(recvv_designated_transport),
};

MVT_MAIN(cases)
