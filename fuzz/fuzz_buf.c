/*
 * fuzz_buf.c — owner-buffer sequences against a model of bytearray with
 * export locking.
 *
 * Two owner buffers and six export slots.  Each step is an init, from,
 * resize, append (from a literal, from the other buffer's live export, or
 * from a strided / reversed view of the buffer itself), export, release
 * (into the right or the wrong buffer, twice, with no exports), a write
 * through an export, a free, a reserve, a consume (the byte queue's front),
 * a clear, a spare view of the room after the contents (which locks the
 * buffer as an export does) or its commit, with bytes written through it
 * (or a commit of a view that is not the spare view), or a receive from a
 * simulated socket (mv_buf_recv), secure mode on or off, or a wipe (mv_buf_wipe).  The model keeps each buffer's bytes and
 * export count and each slot's owner; after every step the statuses,
 * lengths, export counts and contents must match it, and a refused step
 * must change nothing.  At the end every export is handed back and both
 * buffers are freed, so LeakSanitizer reports anything the library kept.
 */
#include "model.h"

#include "memview_sim.h"

#define MAX_LEN   192
#define MAX_STEPS 40
#define SLOTS     6

typedef struct mbuf {
    uint8_t bytes[MAX_LEN];
    size_t len;
    size_t exports;
    bool made;   /* holds whatever init / from gave it: must be freed */
    bool spare;  /* its spare view is out (state.spare) */
    bool secure; /* mv_buf_set_secure's mode */
} mbuf;

/* An export or the spare view is out: the buffer may not move. */
static bool locked(const mbuf *m)
{
    return m->exports > 0 || m->spare;
}

typedef struct state {
    mv_buf b[2];
    mbuf m[2];
    mv_view slot[SLOTS];
    bool live[SLOTS];
    int owner[SLOTS];
    size_t vlen[SLOTS]; /* the export's length (its buffer's length then) */
    bool ro[SLOTS];
    mv_view spare[2];   /* each buffer's spare view while m.spare */
} state;

static void check_buf(const state *s, int i, const char *what)
{
    const mv_buf *b = &s->b[i];
    const mbuf *m = &s->m[i];
    if (!m->made)
        return;
    FZ_CHECK(mv_buf_len(b) == m->len, "%s: buffer %d: len %zu, model %zu", what, i, mv_buf_len(b),
             m->len);
    FZ_CHECK(mv_buf_exports(b) == m->exports, "%s: buffer %d: exports %zu, model %zu", what, i,
             mv_buf_exports(b), m->exports);
    FZ_CHECK(b->secure == m->secure, "%s: buffer %d: secure %d, model %d", what, i, b->secure,
             m->secure);
    /* The contents, read from the struct (the harness is the library's
     * test: it may look inside). */
    FZ_CHECK(m->len == 0 || memcmp(b->data, m->bytes, m->len) == 0, "%s: buffer %d: contents differ",
             what, i);
}

/* The spare view of buffer i: all the room after the contents, writable,
 * and the buffer says it is out. */
static void check_spare(const state *s, int i, const char *what)
{
    const mv_buf *b = &s->b[i];
    if (!s->m[i].made)
        return;
    FZ_CHECK(b->spare == s->m[i].spare, "%s: buffer %d: spare flag %d, model %d", what, i, b->spare,
             s->m[i].spare);
    if (!s->m[i].spare)
        return;
    size_t room = b->cap - b->len;
    fzm_expect(s->spare[i], room ? (const uint8_t *)b->data + b->len : NULL, room,
               fzm_whole(room, false), what);
}

static void check_all(const state *s, const char *what)
{
    check_buf(s, 0, what);
    check_buf(s, 1, what);
    check_spare(s, 0, what);
    check_spare(s, 1, what);
    for (int k = 0; k < SLOTS; k++) {
        if (!s->live[k])
            continue;
        /* A buffer's length cannot change while it counts the export; an
         * empty export may stop being counted (see step_release) and then
         * stays an empty view. */
        fz_view want = fzm_whole(s->vlen[k], s->ro[k]);
        const uint8_t *base = s->vlen[k] ? (const uint8_t *)s->b[s->owner[k]].data : NULL;
        fzm_expect(s->slot[k], base, s->vlen[k], want, what);
    }
    FZ_CHECK(mv_buf_len(NULL) == 0 && mv_buf_exports(NULL) == 0, "NULL buffer");
}

/* Whether a step may hand the buffer new memory: a buffer that holds
 * some is freed first (init and from do not look at the old contents). */
static bool make_room(state *s, int i)
{
    if (!s->m[i].made)
        return true;
    mv_status want = locked(&s->m[i]) ? MV_EBUSY : MV_OK;
    FZ_STATUS(mv_buf_free(&s->b[i]), want, "mv_buf_free");
    if (want != MV_OK)
        return false;
    s->m[i].made = false;
    return true;
}

static void step_init(state *s, fz_in *d, int i)
{
    size_t n = fz_size(d, 64);
    if (n > MAX_LEN && n <= (size_t)PTRDIFF_MAX)
        return; /* a real allocation this size: not the model's business */
    if (!make_room(s, i))
        return;
    memset(&s->b[i], 0xA5, sizeof s->b[i]); /* init must not look at it */
    mv_status want = n > (size_t)PTRDIFF_MAX ? MV_EOVERFLOW : MV_OK;
    mv_buf before = s->b[i];
    FZ_STATUS(mv_buf_init(&s->b[i], n), want, "mv_buf_init");
    FZ_STATUS(mv_buf_init(NULL, n), MV_EINVAL, "mv_buf_init(NULL)");
    if (want != MV_OK) {
        FZ_CHECK(memcmp(&before, &s->b[i], sizeof before) == 0, "mv_buf_init: failure changed it");
        FZ_STATUS(mv_buf_init(&s->b[i], 0), MV_OK, "mv_buf_init(0)");
        n = 0;
    }
    s->m[i].made = true;
    s->m[i].len = n;
    s->m[i].exports = 0;
    s->m[i].secure = false;
    memset(s->m[i].bytes, 0, n);
}

/* A source view: a literal (strided or reversed), a live export of either
 * buffer, or a released view.  *items receives its items. */
static mv_view source(state *s, fz_in *d, uint8_t *items, size_t *n, bool *released,
                      uint8_t *lit, size_t lit_cap)
{
    mv_view v;
    uint8_t how = fz_u8(d) % 4;
    *released = false;
    int k = fz_u8(d) % SLOTS;
    if (how == 1 && s->live[k]) {
        v = s->slot[k];
        *n = s->vlen[k];
        memcpy(items, s->m[s->owner[k]].bytes, *n);
        return v;
    }
    size_t len = (size_t)fz_range(d, 0, lit_cap);
    fz_fill(d, lit, len);
    FZ_STATUS(mv_from_const(len ? lit : NULL, len, &v), MV_OK, "mv_from_const");
    ptrdiff_t step = how == 2 ? -1 - (ptrdiff_t)(fz_u8(d) % 3) : 1 + (ptrdiff_t)(fz_u8(d) % 3);
    mv_view r;
    FZ_STATUS(mv_slice(v, MV_OMIT, MV_OMIT, step, &r), MV_OK, "mv_slice");
    fz_view m = fzm_slice(fzm_whole(len, true), MV_OMIT, MV_OMIT, step);
    *n = m.len;
    for (size_t i = 0; i < m.len; i++)
        items[i] = lit[fzm_at(m, i)];
    if (how == 3 && fz_bool(d)) {
        FZ_STATUS(mv_release(&r), MV_OK, "mv_release");
        *released = true;
        *n = 0;
    }
    return r;
}

static void step_from(state *s, fz_in *d, int i)
{
    uint8_t items[MAX_LEN], lit[64];
    size_t n;
    bool rel;
    mv_view src = source(s, d, items, &n, &rel, lit, sizeof lit);
    if (!make_room(s, i))
        return;
    memset(&s->b[i], 0xA5, sizeof s->b[i]);
    mv_buf before = s->b[i];
    mv_status want = rel ? MV_ERELEASED : MV_OK;
    FZ_STATUS(mv_buf_from(&s->b[i], src), want, "mv_buf_from");
    FZ_STATUS(mv_buf_from(NULL, src), MV_EINVAL, "mv_buf_from(NULL)");
    if (want != MV_OK) {
        FZ_CHECK(memcmp(&before, &s->b[i], sizeof before) == 0, "mv_buf_from: failure changed it");
        return;
    }
    s->m[i].made = true;
    s->m[i].len = n;
    s->m[i].exports = 0;
    s->m[i].secure = false;
    memcpy(s->m[i].bytes, items, n);
}

static void step_resize(state *s, fz_in *d, int i)
{
    mbuf *m = &s->m[i];
    if (!m->made)
        return;
    size_t n = fz_size(d, m->len);
    if (n > MAX_LEN && n <= (size_t)PTRDIFF_MAX)
        return;
    mv_status want = locked(m) ? MV_EBUSY : n > (size_t)PTRDIFF_MAX ? MV_EOVERFLOW : MV_OK;
    mv_buf before = s->b[i];
    FZ_STATUS(mv_buf_resize(&s->b[i], n), want, "mv_buf_resize");
    FZ_STATUS(mv_buf_resize(NULL, n), MV_EINVAL, "mv_buf_resize(NULL)");
    if (want != MV_OK) {
        FZ_CHECK(memcmp(&before, &s->b[i], sizeof before) == 0, "mv_buf_resize: failure changed it");
        return;
    }
    if (n > m->len)
        memset(m->bytes + m->len, 0, n - m->len);
    m->len = n;
}

static void step_append(state *s, fz_in *d, int i)
{
    mbuf *m = &s->m[i];
    if (!m->made)
        return;
    uint8_t items[MAX_LEN], lit[64];
    size_t n;
    bool rel;
    mv_view src;
    if (fz_bool(d) && m->exports == 0) {
        /* A view of the buffer itself that is not an export: export, keep a
         * copy, hand the export back, then slice the copy. */
        mv_view e, copy;
        FZ_STATUS(mv_buf_export(&s->b[i], true, &e), MV_OK, "mv_buf_export");
        copy = e;
        FZ_STATUS(mv_buf_release(&s->b[i], &e), MV_OK, "mv_buf_release");
        ptrdiff_t start = fz_index(d, m->len), stop = fz_index(d, m->len), step = fz_step(d, m->len);
        if (step == 0)
            step = 1;
        FZ_STATUS(mv_slice(copy, start, stop, step, &src), MV_OK, "mv_slice(self)");
        fz_view sm = fzm_slice(fzm_whole(m->len, true), start, stop, step);
        n = sm.len;
        for (size_t k = 0; k < n; k++)
            items[k] = m->bytes[fzm_at(sm, k)];
        rel = false;
    } else {
        src = source(s, d, items, &n, &rel, lit, sizeof lit);
    }
    if (m->len + n > MAX_LEN)
        return;
    mv_status want = rel ? MV_ERELEASED : locked(m) ? MV_EBUSY : MV_OK;
    mv_buf before = s->b[i];
    FZ_STATUS(mv_buf_append(&s->b[i], src), want, "mv_buf_append");
    FZ_STATUS(mv_buf_append(NULL, src), MV_EINVAL, "mv_buf_append(NULL)");
    if (want != MV_OK) {
        FZ_CHECK(memcmp(&before, &s->b[i], sizeof before) == 0, "mv_buf_append: failure changed it");
        return;
    }
    memcpy(m->bytes + m->len, items, n);
    m->len += n;
}

static void step_export(state *s, fz_in *d, int i)
{
    int k = fz_u8(d) % SLOTS;
    bool ro = fz_bool(d);
    if (!s->m[i].made || s->live[k])
        return;
    FZ_STATUS(mv_buf_export(&s->b[i], ro, NULL), MV_EINVAL, "mv_buf_export(NULL)");
    FZ_STATUS(mv_buf_export(NULL, ro, &s->slot[k]), MV_EINVAL, "mv_buf_export(NULL buffer)");
    FZ_STATUS(mv_buf_export(&s->b[i], ro, &s->slot[k]), MV_OK, "mv_buf_export");
    s->live[k] = true;
    s->owner[k] = i;
    s->ro[k] = ro;
    s->vlen[k] = s->m[i].len;
    s->m[i].exports++;
}

/* What mv_buf_release(buffer i, slot k) must answer for a slot that is not
 * released: only buffer i's own live export is taken back (an exported
 * view carries its buffer: an empty view from plain memory, or the other
 * empty buffer's export, is refused though its fields look alike). */
static mv_status release_status(const state *s, int i, int k)
{
    bool matches = s->live[k] && s->owner[k] == i && s->vlen[k] == s->m[i].len;
    return s->m[i].exports == 0 || !matches ? MV_EINVAL : MV_OK;
}

static void step_release(state *s, fz_in *d, int i)
{
    int k = fz_u8(d) % SLOTS;
    if (!s->m[i].made)
        return;
    mbuf *m = &s->m[i];
    mv_view before = s->slot[k];
    bool rel = !s->live[k] && (before.released || fz_bool(d));
    if (!s->live[k] && !before.released) {
        /* An empty slot: a fresh empty view, which looks like an empty
         * buffer's export field for field but is not one. */
        FZ_STATUS(mv_from(NULL, 0, &s->slot[k]), MV_OK, "mv_from(NULL, 0)");
        if (rel)
            FZ_STATUS(mv_release(&s->slot[k]), MV_OK, "mv_release");
        before = s->slot[k];
    }
    mv_status want;
    if (s->slot[k].released) {
        want = MV_ERELEASED;
    } else {
        want = release_status(s, i, k);
    }
    FZ_STATUS(mv_buf_release(&s->b[i], NULL), MV_EINVAL, "mv_buf_release(NULL)");
    FZ_STATUS(mv_buf_release(NULL, &s->slot[k]), MV_EINVAL, "mv_buf_release(NULL buffer)");
    FZ_STATUS(mv_buf_release(&s->b[i], &s->slot[k]), want, "mv_buf_release");
    if (want != MV_OK) {
        FZ_CHECK(memcmp(&before, &s->slot[k], sizeof before) == 0,
                 "mv_buf_release: failure changed the view");
        return;
    }
    fzm_expect(s->slot[k], NULL, 0, fzm_released(), "mv_buf_release");
    m->exports--;
    s->live[k] = false;
    /* Releasing it again: already released. */
    FZ_STATUS(mv_buf_release(&s->b[i], &s->slot[k]), MV_ERELEASED, "mv_buf_release(again)");
}

static void step_set(state *s, fz_in *d)
{
    int k = fz_u8(d) % SLOTS;
    if (!s->live[k])
        return;
    mbuf *m = &s->m[s->owner[k]];
    ptrdiff_t index = fz_index(d, s->vlen[k]);
    uint8_t value = fz_u8(d);
    fz_i128 at = index < 0 ? (fz_i128)index + (fz_i128)s->vlen[k] : index;
    bool in = at >= 0 && at < (fz_i128)s->vlen[k];
    mv_status want = s->ro[k] ? MV_EREADONLY : in ? MV_OK : MV_ERANGE;
    FZ_STATUS(mv_set(s->slot[k], index, value), want, "mv_set(export)");
    if (want == MV_OK)
        m->bytes[(size_t)at] = value;
}

/* mv_buf_reserve: room after the contents, which stay as they are. */
static void step_reserve(state *s, fz_in *d, int i)
{
    mbuf *m = &s->m[i];
    if (!m->made)
        return;
    size_t n = fz_size(d, MAX_LEN - m->len);
    bool over = n > (size_t)PTRDIFF_MAX - m->len;
    if (n > MAX_LEN && !over)
        return; /* a real allocation this size: not the model's business */
    mv_status want = locked(m) ? MV_EBUSY : over ? MV_EOVERFLOW : MV_OK;
    mv_buf before = s->b[i];
    FZ_STATUS(mv_buf_reserve(&s->b[i], n), want, "mv_buf_reserve");
    FZ_STATUS(mv_buf_reserve(NULL, n), MV_EINVAL, "mv_buf_reserve(NULL)");
    if (want != MV_OK) {
        FZ_CHECK(memcmp(&before, &s->b[i], sizeof before) == 0, "mv_buf_reserve: failure changed it");
        return;
    }
    FZ_CHECK(mv_buf_cap(&s->b[i]) - mv_buf_len(&s->b[i]) >= n, "mv_buf_reserve: room %zu < %zu",
             mv_buf_cap(&s->b[i]) - mv_buf_len(&s->b[i]), n);
}

/* mv_buf_consume: del b[:n]. */
static void step_consume(state *s, fz_in *d, int i)
{
    mbuf *m = &s->m[i];
    if (!m->made)
        return;
    size_t n = fz_size(d, m->len);
    mv_status want = locked(m) ? MV_EBUSY : n > m->len ? MV_ERANGE : MV_OK;
    mv_buf before = s->b[i];
    FZ_STATUS(mv_buf_consume(&s->b[i], n), want, "mv_buf_consume");
    FZ_STATUS(mv_buf_consume(NULL, n), MV_EINVAL, "mv_buf_consume(NULL)");
    if (want != MV_OK) {
        FZ_CHECK(memcmp(&before, &s->b[i], sizeof before) == 0, "mv_buf_consume: failure changed it");
        return;
    }
    memmove(m->bytes, m->bytes + n, m->len - n);
    m->len -= n;
    /* The block is kept: the capacity only moves with the front. */
    FZ_CHECK(s->b[i].head + s->b[i].cap == before.head + before.cap, "mv_buf_consume: block changed");
}

/* mv_buf_set_secure: the mode, and nothing else, changes. */
static void step_secure(state *s, fz_in *d, int i)
{
    mbuf *m = &s->m[i];
    if (!m->made)
        return;
    bool on = fz_bool(d);
    mv_buf before = s->b[i];
    FZ_STATUS(mv_buf_set_secure(NULL, on), MV_EINVAL, "mv_buf_set_secure(NULL)");
    FZ_STATUS(mv_buf_set_secure(&s->b[i], on), MV_OK, "mv_buf_set_secure");
    before.secure = on;
    FZ_CHECK(memcmp(&before, &s->b[i], sizeof before) == 0, "mv_buf_set_secure: changed more");
    m->secure = on;
}

/* mv_buf_clear: empty, the block kept. */
static void step_clear(state *s, int i)
{
    mbuf *m = &s->m[i];
    if (!m->made)
        return;
    mv_status want = locked(m) ? MV_EBUSY : MV_OK;
    mv_buf before = s->b[i];
    FZ_STATUS(mv_buf_clear(&s->b[i]), want, "mv_buf_clear");
    FZ_STATUS(mv_buf_clear(NULL), MV_EINVAL, "mv_buf_clear(NULL)");
    if (want != MV_OK) {
        FZ_CHECK(memcmp(&before, &s->b[i], sizeof before) == 0, "mv_buf_clear: failure changed it");
        return;
    }
    m->len = 0;
    FZ_CHECK(mv_buf_cap(&s->b[i]) == before.head + before.cap, "mv_buf_clear: capacity %zu, block %zu",
             mv_buf_cap(&s->b[i]), before.head + before.cap);
}

/* mv_buf_wipe: empty, the block kept, every byte of it zero. */
static void step_wipe(state *s, int i)
{
    mbuf *m = &s->m[i];
    if (!m->made)
        return;
    mv_status want = locked(m) ? MV_EBUSY : MV_OK;
    mv_buf before = s->b[i];
    FZ_STATUS(mv_buf_wipe(&s->b[i]), want, "mv_buf_wipe");
    FZ_STATUS(mv_buf_wipe(NULL), MV_EINVAL, "mv_buf_wipe(NULL)");
    if (want != MV_OK) {
        FZ_CHECK(memcmp(&before, &s->b[i], sizeof before) == 0, "mv_buf_wipe: failure changed it");
        return;
    }
    m->len = 0;
    size_t block = before.head + before.cap;
    FZ_CHECK(mv_buf_cap(&s->b[i]) == block, "mv_buf_wipe: capacity %zu, block %zu",
             mv_buf_cap(&s->b[i]), block);
    const char *start = before.head ? before.data - before.head : before.data;
    FZ_CHECK(s->b[i].data == start, "mv_buf_wipe: the block moved");
    for (size_t k = 0; k < block; k++)
        FZ_CHECK(s->b[i].data[k] == 0, "mv_buf_wipe: byte %zu of %zu left", k, block);
}

/* mv_buf_spare: a view of the room after the contents. */
static void step_spare(state *s, fz_in *d, int i)
{
    mbuf *m = &s->m[i];
    if (!m->made)
        return;
    size_t min = fz_size(d, MAX_LEN - m->len);
    bool over = min > (size_t)PTRDIFF_MAX - m->len;
    if (min > MAX_LEN && !over)
        return;
    mv_status want = locked(m) ? MV_EBUSY : over ? MV_EOVERFLOW : MV_OK;
    mv_view v, vbefore;
    memset(&v, 0x5A, sizeof v);
    vbefore = v;
    mv_buf before = s->b[i];
    FZ_STATUS(mv_buf_spare(&s->b[i], min, NULL), MV_EINVAL, "mv_buf_spare(NULL)");
    FZ_STATUS(mv_buf_spare(NULL, min, &v), MV_EINVAL, "mv_buf_spare(NULL buffer)");
    FZ_STATUS(mv_buf_spare(&s->b[i], min, &v), want, "mv_buf_spare");
    if (want != MV_OK) {
        FZ_CHECK(memcmp(&before, &s->b[i], sizeof before) == 0, "mv_buf_spare: failure changed it");
        FZ_CHECK(memcmp(&vbefore, &v, sizeof v) == 0, "mv_buf_spare: failure wrote the view");
        return;
    }
    FZ_CHECK(mv_len(v) >= min, "mv_buf_spare: %zu bytes, asked for %zu", mv_len(v), min);
    s->spare[i] = v;
    m->spare = true;
}

/* mv_buf_commit: the first n bytes written through the spare view join the
 * contents; a view that is not the spare view is refused. */
static void step_commit(state *s, fz_in *d, int i)
{
    mbuf *m = &s->m[i];
    if (!m->made)
        return;
    FZ_STATUS(mv_buf_commit(NULL, &s->spare[i], 0), MV_EINVAL, "mv_buf_commit(NULL buffer)");
    FZ_STATUS(mv_buf_commit(&s->b[i], NULL, 0), MV_EINVAL, "mv_buf_commit(NULL)");
    mv_buf before = s->b[i];
    if (!m->spare || fz_bool(d)) {
        /* Not the spare view: a released one, a live export, or a copy
         * of the spare view cut short. */
        mv_view v;
        mv_status want;
        int k = fz_u8(d) % SLOTS;
        if (m->spare && mv_len(s->spare[i]) > 0) {
            FZ_STATUS(mv_sub(s->spare[i], 1, mv_len(s->spare[i]) - 1, &v), MV_OK, "mv_sub(spare)");
            want = MV_EINVAL;
        } else if (s->live[k] && s->vlen[k] > 0) {
            v = s->slot[k];
            want = MV_EINVAL;
        } else {
            FZ_STATUS(mv_from(NULL, 0, &v), MV_OK, "mv_from(NULL, 0)");
            FZ_STATUS(mv_release(&v), MV_OK, "mv_release");
            want = MV_ERELEASED;
        }
        mv_view vbefore = v;
        FZ_STATUS(mv_buf_commit(&s->b[i], &v, fz_size(d, 4)), want, "mv_buf_commit(not the spare)");
        FZ_CHECK(memcmp(&before, &s->b[i], sizeof before) == 0, "mv_buf_commit: failure changed it");
        FZ_CHECK(memcmp(&vbefore, &v, sizeof v) == 0, "mv_buf_commit: failure changed the view");
        return;
    }
    size_t room = mv_len(s->spare[i]);
    size_t n = fz_size(d, room);
    mv_status want = m->exports ? MV_EBUSY : n > room ? MV_ERANGE : MV_OK;
    if (want == MV_OK && n > MAX_LEN - m->len)
        return;
    /* Bytes written through the view: n of them when n fits. */
    uint8_t lit[MAX_LEN];
    size_t w = n <= room && n <= MAX_LEN ? n : 0;
    fz_fill(d, lit, w);
    if (w)
        memcpy(s->spare[i].data, lit, w);
    mv_view vbefore = s->spare[i];
    FZ_STATUS(mv_buf_commit(&s->b[i], &s->spare[i], n), want, "mv_buf_commit");
    if (want != MV_OK) {
        FZ_CHECK(memcmp(&before, &s->b[i], sizeof before) == 0, "mv_buf_commit: failure changed it");
        FZ_CHECK(memcmp(&vbefore, &s->spare[i], sizeof vbefore) == 0,
                 "mv_buf_commit: failure changed the view");
        return;
    }
    fzm_expect(s->spare[i], NULL, 0, fzm_released(), "mv_buf_commit");
    memcpy(m->bytes + m->len, lit, n);
    m->len += n;
    m->spare = false;
    FZ_STATUS(mv_buf_commit(&s->b[i], &s->spare[i], 0), MV_ERELEASED, "mv_buf_commit(again)");
}

/* mv_buf_recv: one receive from a simulated socket into the room after the
 * contents.  The script is one instruction, whose outcome memview_sim.h
 * fixes: k bytes (at most the room and the input left), the end of the
 * stream, EAGAIN, EIO, an over-claim, or EINTR (retried: the used-up script
 * then moves everything asked). */
static void step_recv(state *s, fz_in *d, int i)
{
    static const uint8_t kinds[] = { MV_SIM_EINTR, MV_SIM_EAGAIN, MV_SIM_ERROR,
                                     MV_SIM_CLOSE, MV_SIM_CLAIM, 0 };
    mbuf *m = &s->m[i];
    if (!m->made)
        return;
    size_t min_room = fz_size(d, MAX_LEN - m->len);
    size_t ask = min_room > 0 ? min_room : 1;
    bool over = ask > (size_t)PTRDIFF_MAX - m->len;
    if (ask > MAX_LEN - m->len && !over)
        return; /* a real allocation this size: not the model's business */
    uint8_t op = fz_u8(d);
    uint8_t script[1] = { op % 2 ? (uint8_t)(1 + op / 2 % 0xDF) : kinds[op / 2 % 6] };
    uint8_t input[MAX_LEN];
    size_t input_len = fz_size(d, MAX_LEN - m->len);
    if (input_len > MAX_LEN - m->len)
        input_len = MAX_LEN - m->len;
    fz_fill(d, input, input_len);
    mv_sim sim;
    FZ_STATUS(mv_sim_init(&sim, script, sizeof script, NULL, 0, input, input_len), MV_OK,
              "mv_sim_init");
    mv_transport t = mv_sim_transport(&sim);
    size_t got = 12345, unset = 12345;
    mv_buf before = s->b[i];
    FZ_STATUS(mv_buf_recv(NULL, &s->b[i], min_room, &got), MV_EINVAL, "mv_buf_recv(NULL transport)");
    FZ_STATUS(mv_buf_recv(&t, NULL, min_room, &got), MV_EINVAL, "mv_buf_recv(NULL buffer)");
    FZ_STATUS(mv_buf_recv(&t, &s->b[i], min_room, NULL), MV_EINVAL, "mv_buf_recv(NULL count)");
    mv_status want = locked(m) ? MV_EBUSY : over ? MV_EOVERFLOW : MV_OK;
    if (want != MV_OK) {
        FZ_STATUS(mv_buf_recv(&t, &s->b[i], min_room, &got), want, "mv_buf_recv");
        FZ_CHECK(got == unset, "mv_buf_recv: refused call wrote the count");
        FZ_CHECK(memcmp(&before, &s->b[i], sizeof before) == 0, "mv_buf_recv: refusal changed it");
        FZ_CHECK(mv_sim_calls(&sim) == 0, "mv_buf_recv: refused call received");
        return;
    }
    mv_status st = mv_buf_recv(&t, &s->b[i], min_room, &got);
    /* The room the receive was given: the block's room after any growth. */
    size_t room = mv_buf_cap(&s->b[i]) - m->len;
    FZ_CHECK(room >= ask, "mv_buf_recv: room %zu < %zu", room, ask);
    size_t k = room < input_len ? room : input_len;
    uint8_t ins = script[0];
    if (ins >= 1 && ins <= 0xDF)
        k = k < ins ? k : ins;
    mv_status expect = k == 0 ? MV_ECLOSED : MV_OK;
    if (ins == MV_SIM_EAGAIN) { expect = MV_EAGAIN; k = 0; }
    if (ins == MV_SIM_ERROR) { expect = MV_ESYS; k = 0; }
    if (ins == MV_SIM_CLOSE || ins == 0) { expect = MV_ECLOSED; k = 0; }
    if (ins == MV_SIM_CLAIM) { expect = MV_EINVAL; k = 0; }
    FZ_STATUS(st, expect, "mv_buf_recv");
    FZ_CHECK(got == k, "mv_buf_recv: received %zu, model %zu", got, k);
    FZ_CHECK(mv_sim_served(&sim) == k, "mv_buf_recv: served %zu, model %zu", mv_sim_served(&sim), k);
    memcpy(m->bytes + m->len, input, k);
    m->len += k;
}

static void step_free(state *s, int i)
{
    if (!s->m[i].made)
        return;
    mv_status want = locked(&s->m[i]) ? MV_EBUSY : MV_OK;
    mv_buf before = s->b[i];
    FZ_STATUS(mv_buf_free(&s->b[i]), want, "mv_buf_free");
    FZ_STATUS(mv_buf_free(NULL), MV_EINVAL, "mv_buf_free(NULL)");
    if (want != MV_OK) {
        FZ_CHECK(memcmp(&before, &s->b[i], sizeof before) == 0, "mv_buf_free: failure changed it");
        return;
    }
    /* Freed: an empty buffer, as after mv_buf_init(b, 0). */
    s->m[i].len = 0;
    FZ_CHECK(mv_buf_len(&s->b[i]) == 0 && mv_buf_exports(&s->b[i]) == 0, "mv_buf_free: not empty");
}

/* Hands every export back and frees both buffers. */
static void cleanup(state *s)
{
    for (int k = 0; k < SLOTS; k++)
        if (s->live[k]) {
            /* Every live export goes back to its own buffer. */
            mbuf *m = &s->m[s->owner[k]];
            FZ_STATUS(release_status(s, s->owner[k], k), MV_OK, "model: clean-up release");
            FZ_STATUS(mv_buf_release(&s->b[s->owner[k]], &s->slot[k]), MV_OK, "clean-up release");
            m->exports--;
            s->live[k] = false;
        }
    for (int i = 0; i < 2; i++) {
        if (!s->m[i].made)
            continue;
        /* Only the holders of its exports could hand them back: none is
         * left counted. */
        FZ_CHECK(s->m[i].exports == 0, "model: exports nobody holds");
        FZ_CHECK(mv_buf_exports(&s->b[i]) == 0, "mv_buf_exports after every export came back");
        if (s->m[i].spare) {
            FZ_STATUS(mv_buf_commit(&s->b[i], &s->spare[i], 0), MV_OK, "clean-up commit");
            s->m[i].spare = false;
        }
        check_buf(s, i, "clean-up");
        FZ_STATUS(mv_buf_free(&s->b[i]), MV_OK, "clean-up free");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in d;
    fz_init(&d, data, size);
    state s;
    memset(&s, 0, sizeof s);
    for (int k = 0; k < SLOTS; k++)
        memset(&s.slot[k], 0, sizeof s.slot[k]);
    for (int k = 0; k < MAX_STEPS && !fz_done(&d); k++) {
        uint8_t op = fz_u8(&d);
        int i = op >> 7;
#ifdef FZ_TRACE
        fprintf(stderr, "step %d: op %d on buffer %d (len %zu exports %zu)\n", k, op % 16, i,
                s.m[i].len, s.m[i].exports);
#endif
        switch (op % 16) {
        case 0: step_init(&s, &d, i); break;
        case 1: step_from(&s, &d, i); break;
        case 2: step_resize(&s, &d, i); break;
        case 3: case 10: step_append(&s, &d, i); break;
        case 4: case 5: step_export(&s, &d, i); break;
        case 6: step_release(&s, &d, i); break;
        case 7: step_set(&s, &d); break;
        case 8: step_free(&s, i); break;
        case 9: step_reserve(&s, &d, i); break;
        case 11: step_consume(&s, &d, i); break;
        case 12: step_recv(&s, &d, i); break;
        case 13: step_spare(&s, &d, i); break;
        case 14: step_commit(&s, &d, i); break;
        default:
            switch (fz_u8(&d) % 3) {
            case 0: step_secure(&s, &d, i); break;
            case 1: step_clear(&s, i); break;
            default: step_wipe(&s, i); break;
            }
            break;
        }
        check_all(&s, "after a step");
    }
    cleanup(&s);
    return 0;
}
