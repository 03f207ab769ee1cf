/*
 * fuzz_io.c — the five I/O loops over the simulated socket, against an
 * interpreter of the script written here from memview_sim.h.
 *
 * The input gives the script (short counts, 0, EINTR, EAGAIN, errors,
 * closes, over-claims, long counts), the bytes to serve, the capacity of
 * the sent buffer, the data buffer, which transport callbacks exist, and a
 * sequence of mv_send_all / mv_sendv_all / mv_recv_into / mv_recv_all /
 * mv_recvv_all calls on views of the data buffer (sub-ranges, strided, read-only,
 * released, empty).  After MV_EAGAIN (or any partial result) a call may
 * be resumed the way memview.h tells callers to: mv_advance by the
 * progress counter and call again.  Every return is checked against the
 * interpreter: the status, the exact progress counter, errno where the
 * status keeps it, the simulator's call / sent / served counters, the
 * bytes recorded as sent, and the data buffer against a shadow copy.
 */
#include "model.h"
#include "memview_sim.h"

#include <errno.h>

#define MAX_DATA   128
#define MAX_SCRIPT 512
#define MAX_INPUT  256
#define MAX_SENT   300
#define MAX_STEPS  12
#define MAX_VIEWS  6

/* ------------------------------------------- the interpreter of scripts */

typedef struct msim {
    const uint8_t *script;
    size_t slen, spos;
    uint8_t sent[MAX_SENT];
    size_t sent_cap, sent_len;
    const uint8_t *input;
    size_t ilen, ipos;
    size_t calls;
} msim;

enum { M_MOVE, M_FAIL, M_CLOSE, M_CLAIM };

static int mbyte(msim *m)
{
    return m->spos < m->slen ? m->script[m->spos++] : -1;
}

/* One instruction for a call asking for ask bytes. */
static int mnext(msim *m, size_t ask, size_t *count, int *err)
{
    m->calls++;
    *count = ask;
    int op = mbyte(m);
    if (op < 0)
        return M_MOVE; /* the script is used up: everything moves */
    if (op < 0xE0) {
        *count = (size_t)op < ask ? (size_t)op : ask;
        return M_MOVE;
    }
    switch (op) {
    case 0xE1: *err = EINTR; return M_FAIL;
    case 0xE2: *err = EAGAIN; return M_FAIL;
    case 0xE3: {
        int e = mbyte(m);
        *err = e > 0 ? e : EIO;
        return M_FAIL;
    }
    case 0xE4: return M_CLOSE;
    case 0xE5: return M_CLAIM;
    case 0xE6: {
        int h = mbyte(m), l = mbyte(m);
        size_t many = (size_t)(h < 0 ? 0 : h) * 256 + (size_t)(l < 0 ? 0 : l);
        *count = many < ask ? many : ask;
        return M_MOVE;
    }
    default: return M_MOVE; /* MV_SIM_ALL and every byte above MV_SIM_MANY */
    }
}

/* The simulator's send / sendv: bytes are the ask bytes offered. */
static long long msend(msim *m, const uint8_t *bytes, size_t ask, int *err)
{
    size_t count;
    switch (mnext(m, ask, &count, err)) {
    case M_FAIL: return -1;
    case M_CLOSE: *err = EPIPE; return -1;
    case M_CLAIM:
        if (ask >= (size_t)PTRDIFF_MAX) {
            *err = EOVERFLOW;
            return -1;
        }
        return (long long)ask + 1;
    default: break;
    }
    size_t room = m->sent_cap - m->sent_len;
    if (count > room) {
        if (room == 0) {
            *err = ENOSPC;
            return -1;
        }
        count = room;
    }
    if (count)
        memcpy(m->sent + m->sent_len, bytes, count);
    m->sent_len += count;
    return (long long)count;
}

/* The simulator's recv into dst (ask bytes of room). */
static long long mrecv(msim *m, uint8_t *dst, size_t ask, int *err)
{
    size_t count;
    switch (mnext(m, ask, &count, err)) {
    case M_FAIL: return -1;
    case M_CLOSE: return 0;
    case M_CLAIM:
        if (ask >= (size_t)PTRDIFF_MAX) {
            *err = EOVERFLOW;
            return -1;
        }
        return (long long)ask + 1;
    default: break;
    }
    size_t left = m->ilen - m->ipos;
    size_t n = count < left ? count : left;
    if (n)
        memcpy(dst, m->input + m->ipos, n);
    m->ipos += n;
    return (long long)n;
}

/* What a failed call becomes. */
static mv_status mfailure(int err)
{
    return err == EAGAIN || err == EWOULDBLOCK ? MV_EAGAIN : MV_ESYS;
}

/* One send of the ask >= 1 bytes at bytes, EINTR retried (memview.h:
 * MV_EINTR_RETRIES of them in a row, then MV_ESYS). */
static mv_status msend_once(msim *m, const uint8_t *bytes, size_t ask, size_t *taken, int *err)
{
    *taken = 0;
    for (unsigned long interrupted = 0;; interrupted++) {
        long long r = msend(m, bytes, ask, err);
        if (r > 0) {
            if ((unsigned long long)r > ask)
                return MV_EINVAL;
            *taken = (size_t)r;
            return MV_OK;
        }
        if (r == 0)
            return MV_ECLOSED;
        if (*err != EINTR || interrupted == MV_EINTR_RETRIES)
            return mfailure(*err);
    }
}

static mv_status mrecv_once(msim *m, uint8_t *dst, size_t ask, size_t *got, int *err)
{
    *got = 0;
    for (unsigned long interrupted = 0;; interrupted++) {
        long long r = mrecv(m, dst, ask, err);
        if (r >= 0) {
            if ((unsigned long long)r > ask)
                return MV_EINVAL;
            *got = (size_t)r;
            return MV_OK;
        }
        if (*err != EINTR || interrupted == MV_EINTR_RETRIES)
            return mfailure(*err);
    }
}

/* Sends len bytes (the loop of mv_send_all, and of mv_sendv_all with a
 * vectored send: the simulator treats both alike). */
static mv_status msend_all(msim *m, const uint8_t *bytes, size_t len, size_t *sent, int *err)
{
    size_t done = 0;
    while (done < len) {
        size_t taken;
        mv_status st = msend_once(m, bytes + done, len - done, &taken, err);
        if (st != MV_OK) {
            *sent = done;
            return st;
        }
        done += taken;
    }
    *sent = done;
    return MV_OK;
}

static mv_status mrecv_all(msim *m, uint8_t *dst, size_t len, size_t chunk, size_t *got, int *err)
{
    size_t done = 0;
    while (done < len) {
        size_t ask = len - done;
        if (chunk != 0 && chunk < ask)
            ask = chunk;
        size_t n;
        mv_status st = mrecv_once(m, dst + done, ask, &n, err);
        if (st != MV_OK) {
            *got = done;
            return st;
        }
        if (n == 0) {
            *got = done;
            return MV_ECLOSED;
        }
        done += n;
    }
    *got = done;
    return MV_OK;
}

/* ------------------------------------------------------------ the state */

typedef struct iview {
    mv_view v;
    size_t off, len;  /* contiguous views: bytes off .. off + len - 1 of data */
    bool strided;     /* two items or more, stride 2: not contiguous */
    bool ro, rel;
} iview;

typedef struct state {
    uint8_t *data;
    uint8_t shadow[MAX_DATA];
    size_t n;
    mv_sim sim;
    uint8_t *sent; /* the simulator's sent buffer, exactly sent_cap bytes */
    msim m;
    mv_transport t;
    bool has_send, has_sendv, has_recv, has_recvv;
} state;

static void check_state(const state *s, const char *what)
{
    FZ_CHECK(mv_sim_calls(&s->sim) == s->m.calls, "%s: %zu transport calls, model %zu", what,
             mv_sim_calls(&s->sim), s->m.calls);
    FZ_CHECK(mv_sim_sent(&s->sim) == s->m.sent_len, "%s: %zu bytes sent, model %zu", what,
             mv_sim_sent(&s->sim), s->m.sent_len);
    FZ_CHECK(mv_sim_served(&s->sim) == s->m.ipos, "%s: %zu bytes served, model %zu", what,
             mv_sim_served(&s->sim), s->m.ipos);
    FZ_CHECK(s->m.sent_len == 0 || memcmp(s->sent, s->m.sent, s->m.sent_len) == 0,
             "%s: the bytes sent differ from the model's", what);
    FZ_CHECK(s->n == 0 || memcmp(s->data, s->shadow, s->n) == 0, "%s: data differs from shadow",
             what);
}

static iview make_view(state *s, fz_in *d)
{
    iview r;
    memset(&r, 0, sizeof r);
    r.off = (size_t)fz_range(d, 0, s->n);
    r.len = (size_t)fz_range(d, 0, s->n - r.off);
    uint8_t how = fz_u8(d);
    mv_view whole;
    FZ_STATUS(mv_from(s->data, s->n, &whole), MV_OK, "mv_from");
    FZ_STATUS(mv_sub(whole, r.off, r.len, &r.v), MV_OK, "mv_sub");
    if ((how & 7) == 1 && r.len >= 3) {
        mv_view st;
        FZ_STATUS(mv_slice(r.v, 0, MV_OMIT, 2, &st), MV_OK, "mv_slice");
        r.v = st;
        r.strided = true;
        r.len = (r.len + 1) / 2;
    }
    if ((how & 0x18) == 0x18) {
        mv_view ro;
        FZ_STATUS(mv_toreadonly(r.v, &ro), MV_OK, "mv_toreadonly");
        r.v = ro;
        r.ro = true;
    }
    if ((how & 0xE0) == 0xE0) {
        FZ_STATUS(mv_release(&r.v), MV_OK, "mv_release");
        r.rel = true;
        r.len = 0;
    }
    return r;
}

/* The status a call must give, with the errno it keeps (0: any). */
static void expect_io(mv_status got, mv_status want, int model_err, size_t progress, size_t want_progress,
                      const char *what)
{
    FZ_STATUS(got, want, what);
    FZ_CHECK(progress == want_progress, "%s: progress %zu, model %zu", what, progress,
             want_progress);
    if (want == MV_ESYS || want == MV_EAGAIN)
        FZ_CHECK(errno == model_err, "%s: errno %d, model %d", what, errno, model_err);
}

/* mv_send_all, resumed with mv_advance while the input says so. */
static void op_send(state *s, fz_in *d)
{
    iview iv = make_view(s, d);
    int resumes = fz_u8(d) % 4;
    bool null_sent = fz_u8(d) == 0xFF;
    for (;;) {
        size_t sent = 12345;
        errno = 0;
        mv_status st = mv_send_all(&s->t, iv.v, null_sent ? NULL : &sent);
        if (null_sent || !s->has_send) {
            FZ_STATUS(st, MV_EINVAL, "mv_send_all(no send / NULL counter)");
            FZ_CHECK(sent == 12345, "mv_send_all: refused, yet wrote *sent");
            return;
        }
        if (iv.rel || iv.strided) {
            expect_io(st, iv.rel ? MV_ERELEASED : MV_ENOTCONTIG, 0, sent, 0, "mv_send_all(refused)");
            return;
        }
        size_t want_sent = 0;
        int err = 0;
        uint8_t bytes[MAX_DATA];
        memcpy(bytes, s->shadow + iv.off, iv.len);
        mv_status want = msend_all(&s->m, bytes, iv.len, &want_sent, &err);
        expect_io(st, want, err, sent, want_sent, "mv_send_all");
        check_state(s, "mv_send_all");
        if (st == MV_OK || resumes-- == 0)
            return;
        /* Resume where it stopped, as memview.h tells callers to. */
        FZ_STATUS(mv_advance(&iv.v, sent), MV_OK, "mv_advance(sent)");
        iv.off += sent;
        iv.len -= sent;
    }
}

/* Drops what a partial mv_sendv_all sent: the views fully sent, and the
 * front of the one it stopped inside. */
static void resume_views(iview *views, size_t *count, size_t sent)
{
    size_t k = 0;
    while (k < *count && sent >= views[k].len) {
        sent -= views[k].len;
        k++;
    }
    if (k < *count && sent > 0) {
        FZ_STATUS(mv_advance(&views[k].v, sent), MV_OK, "mv_advance(sent)");
        views[k].off += sent;
        views[k].len -= sent;
    }
    memmove(views, views + k, (*count - k) * sizeof views[0]);
    *count -= k;
}

static void op_sendv(state *s, fz_in *d)
{
    iview views[MAX_VIEWS];
    size_t count = (size_t)fz_range(d, 0, MAX_VIEWS);
    for (size_t k = 0; k < count; k++)
        views[k] = make_view(s, d);
    int resumes = fz_u8(d) % 4;
    bool null_views = count > 0 && fz_u8(d) == 0xFF;
    for (;;) {
        mv_view list[MAX_VIEWS];
        for (size_t k = 0; k < count; k++)
            list[k] = views[k].v;
        size_t sent = 12345;
        errno = 0;
        mv_status st = mv_sendv_all(&s->t, null_views ? NULL : list, count, &sent);
        if (null_views || (!s->has_send && !s->has_sendv)) {
            FZ_STATUS(st, MV_EINVAL, "mv_sendv_all(no send / NULL views)");
            FZ_CHECK(sent == 12345, "mv_sendv_all: refused, yet wrote *sent");
            return;
        }
        bool rel = false, strided = false;
        for (size_t k = 0; k < count; k++) {
            rel |= views[k].rel;
            strided |= views[k].strided;
        }
        if (count > 0 && (rel || strided)) {
            expect_io(st, rel ? MV_ERELEASED : MV_ENOTCONTIG, 0, sent, 0, "mv_sendv_all(refused)");
            return;
        }
        /* The bytes of the views one after another.  With a vectored send
         * the loop works on the concatenation; without it, view by view
         * with mv_send_all (an empty view makes no call either way). */
        uint8_t bytes[MAX_VIEWS * MAX_DATA];
        size_t total = 0;
        for (size_t k = 0; k < count; k++) {
            memcpy(bytes + total, s->shadow + views[k].off, views[k].len);
            total += views[k].len;
        }
        size_t want_sent = 0;
        int err = 0;
        mv_status want;
        if (s->has_sendv) {
            want = msend_all(&s->m, bytes, total, &want_sent, &err);
        } else {
            want = MV_OK;
            size_t at = 0;
            for (size_t k = 0; k < count && want == MV_OK; k++) {
                size_t part;
                want = msend_all(&s->m, bytes + at, views[k].len, &part, &err);
                want_sent += part;
                at += views[k].len;
            }
        }
        expect_io(st, want, err, sent, want_sent, "mv_sendv_all");
        check_state(s, "mv_sendv_all");
        if (st == MV_OK || resumes-- == 0)
            return;
        resume_views(views, &count, sent);
    }
}

static void op_recv_into(state *s, fz_in *d)
{
    iview iv = make_view(s, d);
    size_t nbytes = fz_size(d, iv.len);
    bool null_received = fz_u8(d) == 0xFF;
    size_t got = 12345;
    errno = 0;
    mv_status st = mv_recv_into(&s->t, iv.v, nbytes, null_received ? NULL : &got);
    if (null_received || !s->has_recv) {
        FZ_STATUS(st, MV_EINVAL, "mv_recv_into(no recv / NULL counter)");
        FZ_CHECK(got == 12345, "mv_recv_into: refused, yet wrote *received");
        return;
    }
    if (iv.rel || iv.ro || iv.strided || nbytes > iv.len) {
        mv_status want = iv.rel ? MV_ERELEASED : iv.ro ? MV_EREADONLY : iv.strided ? MV_ENOTCONTIG : MV_ERANGE;
        expect_io(st, want, 0, got, 0, "mv_recv_into(refused)");
        check_state(s, "mv_recv_into(refused)");
        return;
    }
    size_t ask = nbytes == 0 ? iv.len : nbytes;
    size_t want_got = 0;
    int err = 0;
    mv_status want = MV_OK;
    if (ask > 0)
        want = mrecv_once(&s->m, s->shadow + iv.off, ask, &want_got, &err);
    expect_io(st, want, err, got, want_got, "mv_recv_into");
    check_state(s, "mv_recv_into");
}

static void op_recv_all(state *s, fz_in *d)
{
    iview iv = make_view(s, d);
    size_t chunk = fz_size(d, iv.len);
    int resumes = fz_u8(d) % 4;
    for (;;) {
        size_t got = 12345;
        errno = 0;
        mv_status st = mv_recv_all(&s->t, iv.v, chunk, &got);
        if (!s->has_recv) {
            FZ_STATUS(st, MV_EINVAL, "mv_recv_all(no recv)");
            FZ_CHECK(got == 12345, "mv_recv_all: refused, yet wrote *received");
            return;
        }
        if (iv.rel || iv.ro || iv.strided) {
            mv_status want = iv.rel ? MV_ERELEASED : iv.ro ? MV_EREADONLY : MV_ENOTCONTIG;
            expect_io(st, want, 0, got, 0, "mv_recv_all(refused)");
            check_state(s, "mv_recv_all(refused)");
            return;
        }
        size_t want_got = 0;
        int err = 0;
        mv_status want = mrecv_all(&s->m, s->shadow + iv.off, iv.len, chunk, &want_got, &err);
        expect_io(st, want, err, got, want_got, "mv_recv_all");
        check_state(s, "mv_recv_all");
        if (st == MV_OK || resumes-- == 0)
            return;
        FZ_STATUS(mv_advance(&iv.v, got), MV_OK, "mv_advance(received)");
        iv.off += got;
        iv.len -= got;
    }
}

/* Writes the stream bytes [at, at + n) of a receive into the shadow, each
 * where the views laid end to end put it (views may overlap: later bytes
 * land last, as the receive writes them in order). */
static void scatter(state *s, const iview *views, size_t count, size_t at, const uint8_t *bytes, size_t n)
{
    size_t start = 0;
    for (size_t k = 0; k < count && n > 0; k++) {
        size_t end = start + views[k].len;
        while (n > 0 && at < end) {
            s->shadow[views[k].off + (at - start)] = *bytes++;
            at++;
            n--;
        }
        start = end;
    }
}

/* mv_recvv_all, resumed by dropping what arrived while the input says so.
 * With recvv the loop works on the concatenation of the views (never more
 * than IOV_MAX of them here); without it, view by view as mv_recv_all. */
static void op_recvv(state *s, fz_in *d)
{
    iview views[MAX_VIEWS];
    size_t count = (size_t)fz_range(d, 0, MAX_VIEWS);
    for (size_t k = 0; k < count; k++)
        views[k] = make_view(s, d);
    int resumes = fz_u8(d) % 4;
    uint8_t nulls = fz_u8(d);
    bool null_views = count > 0 && nulls == 0xFF;
    bool null_received = nulls == 0xFE;
    for (;;) {
        mv_view list[MAX_VIEWS];
        for (size_t k = 0; k < count; k++)
            list[k] = views[k].v;
        size_t got = 12345;
        errno = 0;
        mv_status st = mv_recvv_all(&s->t, null_views ? NULL : list, count, null_received ? NULL : &got);
        if (null_views || null_received || (!s->has_recv && !s->has_recvv)) {
            FZ_STATUS(st, MV_EINVAL, "mv_recvv_all(no recv / NULL views / NULL counter)");
            FZ_CHECK(got == 12345, "mv_recvv_all: refused, yet wrote *received");
            check_state(s, "mv_recvv_all(NULL)");
            return;
        }
        bool rel = false, ro = false, strided = false;
        for (size_t k = 0; k < count; k++) {
            rel |= views[k].rel;
            ro |= views[k].ro;
            strided |= views[k].strided;
        }
        if (count > 0 && (rel || ro || strided)) {
            mv_status want = rel ? MV_ERELEASED : ro ? MV_EREADONLY : MV_ENOTCONTIG;
            expect_io(st, want, 0, got, 0, "mv_recvv_all(refused)");
            check_state(s, "mv_recvv_all(refused)");
            return;
        }
        size_t total = 0;
        for (size_t k = 0; k < count; k++)
            total += views[k].len;
        uint8_t bytes[MAX_VIEWS * MAX_DATA];
        size_t want_got = 0;
        int err = 0;
        mv_status want = MV_OK;
        if (s->has_recvv) {
            while (want_got < total) {
                size_t n;
                want = mrecv_once(&s->m, bytes, total - want_got, &n, &err);
                if (want == MV_OK && n == 0)
                    want = MV_ECLOSED;
                if (want != MV_OK)
                    break;
                scatter(s, views, count, want_got, bytes, n);
                want_got += n;
            }
        } else {
            for (size_t k = 0; k < count && want == MV_OK; k++) {
                size_t part;
                want = mrecv_all(&s->m, bytes, views[k].len, 0, &part, &err);
                scatter(s, views, count, want_got, bytes, part);
                want_got += part;
            }
        }
        expect_io(st, want, err, got, want_got, "mv_recvv_all");
        check_state(s, "mv_recvv_all");
        if (st == MV_OK || resumes-- == 0)
            return;
        resume_views(views, &count, got);
    }
}

static void op_null_transport(state *s, fz_in *d)
{
    iview iv = make_view(s, d);
    size_t count = 12345;
    FZ_STATUS(mv_send_all(NULL, iv.v, &count), MV_EINVAL, "mv_send_all(NULL)");
    FZ_STATUS(mv_sendv_all(NULL, &iv.v, 1, &count), MV_EINVAL, "mv_sendv_all(NULL)");
    FZ_STATUS(mv_recv_into(NULL, iv.v, 0, &count), MV_EINVAL, "mv_recv_into(NULL)");
    FZ_STATUS(mv_recv_all(NULL, iv.v, 0, &count), MV_EINVAL, "mv_recv_all(NULL)");
    FZ_STATUS(mv_recv_all(&s->t, iv.v, 0, NULL), MV_EINVAL, "mv_recv_all(NULL counter)");
    FZ_STATUS(mv_recvv_all(NULL, &iv.v, 1, &count), MV_EINVAL, "mv_recvv_all(NULL)");
    FZ_CHECK(count == 12345, "a refused call wrote its counter");
    check_state(s, "NULL transport");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in d;
    fz_init(&d, data, size);
    state s;
    memset(&s.m, 0, sizeof s.m);
    size_t slen, ilen;
    const uint8_t *script = fz_blob(&d, MAX_SCRIPT, &slen);
    const uint8_t *input = fz_blob(&d, MAX_INPUT, &ilen);
    s.data = fz_base(&d, s.shadow, MAX_DATA, &s.n);
    s.m.sent_cap = (size_t)fz_range(&d, 0, MAX_SENT);
    s.sent = s.m.sent_cap ? malloc(s.m.sent_cap) : NULL;
    FZ_STATUS(mv_sim_init(&s.sim, script, slen, s.sent, s.m.sent_cap, input, ilen), MV_OK,
              "mv_sim_init");
    /* Refused set-ups change nothing (the simulator is used after this). */
    mv_sim spare;
    FZ_STATUS(mv_sim_init(NULL, script, slen, s.sent, s.m.sent_cap, input, ilen), MV_EINVAL,
              "mv_sim_init(NULL)");
    FZ_STATUS(mv_sim_init(&spare, NULL, 1, NULL, 0, NULL, 0), MV_EINVAL, "mv_sim_init(NULL script)");
    FZ_STATUS(mv_sim_init(&spare, NULL, 0, NULL, 0, NULL, 1), MV_EINVAL, "mv_sim_init(NULL input)");
    FZ_STATUS(mv_sim_init(&spare, NULL, 0, s.shadow, (size_t)PTRDIFF_MAX + 1, NULL, 0), MV_EOVERFLOW,
              "mv_sim_init(huge sent buffer)");
    s.m.script = script;
    s.m.slen = slen;
    s.m.input = input;
    s.m.ilen = ilen;
    s.t = mv_sim_transport(&s.sim);
    uint8_t which = fz_u8(&d);
    s.has_send = (which & 3) != 1;
    s.has_sendv = (which & 3) != 2;
    s.has_recv = (which & 3) != 3;
    s.has_recvv = (which & 4) == 0;
    if (!s.has_send)
        s.t.send = NULL;
    if (!s.has_sendv)
        s.t.sendv = NULL;
    if (!s.has_recv)
        s.t.recv = NULL;
    if (!s.has_recvv)
        s.t.recvv = NULL;
    for (int k = 0; k < MAX_STEPS && !fz_done(&d); k++) {
        switch (fz_u8(&d) % 11) {
        case 0: case 1: op_send(&s, &d); break;
        case 2: case 3: op_sendv(&s, &d); break;
        case 4: case 5: op_recv_into(&s, &d); break;
        case 6: case 7: op_recv_all(&s, &d); break;
        case 9: case 10: op_recvv(&s, &d); break;
        default: op_null_transport(&s, &d); break;
        }
    }
    check_state(&s, "end");
    free(s.sent);
    free(s.data);
    return 0;
}
