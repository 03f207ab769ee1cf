/*
 * fuzz_buf.c — owner-buffer sequences against a model of bytearray with
 * export locking.
 *
 * Two owner buffers and six export slots.  Each step is an init, from,
 * resize, append (from a literal, from the other buffer's live export, or
 * from a strided / reversed view of the buffer itself), export, release
 * (into the right or the wrong buffer, twice, with no exports), a write
 * through an export, or a free.  The model keeps each buffer's bytes and
 * export count and each slot's owner; after every step the statuses,
 * lengths, export counts and contents must match it, and a refused step
 * must change nothing.  At the end every export is handed back and both
 * buffers are freed, so LeakSanitizer reports anything the library kept.
 */
#include "model.h"

#define MAX_LEN   192
#define MAX_STEPS 40
#define SLOTS     6

typedef struct mbuf {
    uint8_t bytes[MAX_LEN];
    size_t len;
    size_t exports;
    bool made;   /* holds whatever init / from gave it: must be freed */
} mbuf;

typedef struct state {
    mv_buf b[2];
    mbuf m[2];
    mv_view slot[SLOTS];
    bool live[SLOTS];
    int owner[SLOTS];
    size_t vlen[SLOTS]; /* the export's length (its buffer's length then) */
    bool ro[SLOTS];
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
    /* The contents, read from the struct (the harness is the library's
     * test: it may look inside). */
    FZ_CHECK(m->len == 0 || memcmp(b->data, m->bytes, m->len) == 0, "%s: buffer %d: contents differ",
             what, i);
}

static void check_all(const state *s, const char *what)
{
    check_buf(s, 0, what);
    check_buf(s, 1, what);
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
    mv_status want = s->m[i].exports ? MV_EBUSY : MV_OK;
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
    mv_status want = m->exports ? MV_EBUSY : n > (size_t)PTRDIFF_MAX ? MV_EOVERFLOW : MV_OK;
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
    mv_status want = rel ? MV_ERELEASED : m->exports ? MV_EBUSY : MV_OK;
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
 * released: the view is recognised by its fields, the same length and the
 * same bytes (an empty export has none, so any empty view is one). */
static mv_status release_status(const state *s, int i, int k)
{
    size_t vlen = s->live[k] ? s->vlen[k] : 0;
    bool matches = vlen == s->m[i].len && (vlen == 0 || s->owner[k] == i);
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
        /* An empty slot: a fresh empty view, which matches an empty
         * buffer's export field for field. */
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
    /* When the slot was the other (empty) buffer's export, it is counted
     * off this one: the other keeps an export nobody holds (see cleanup). */
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

static void step_free(state *s, int i)
{
    if (!s->m[i].made)
        return;
    mv_status want = s->m[i].exports ? MV_EBUSY : MV_OK;
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
            /* A live export whose count an empty view already took back
             * (any empty view is an empty buffer's export) is refused. */
            mbuf *m = &s->m[s->owner[k]];
            mv_status want = release_status(s, s->owner[k], k);
            FZ_STATUS(mv_buf_release(&s->b[s->owner[k]], &s->slot[k]), want, "clean-up release");
            if (want == MV_OK)
                m->exports--;
            s->live[k] = false;
        }
    for (int i = 0; i < 2; i++) {
        if (!s->m[i].made)
            continue;
        /* Exports counted off the other buffer: an empty buffer takes any
         * empty view back. */
        while (s->m[i].exports > 0) {
            mv_view e;
            FZ_CHECK(s->m[i].len == 0, "model: a non-empty buffer with exports nobody holds");
            FZ_STATUS(mv_from(NULL, 0, &e), MV_OK, "mv_from(NULL, 0)");
            FZ_STATUS(mv_buf_release(&s->b[i], &e), MV_OK, "clean-up release");
            s->m[i].exports--;
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
        fprintf(stderr, "step %d: op %d on buffer %d (len %zu exports %zu)\n", k, op % 10, i,
                s.m[i].len, s.m[i].exports);
#endif
        switch (op % 10) {
        case 0: step_init(&s, &d, i); break;
        case 1: step_from(&s, &d, i); break;
        case 2: step_resize(&s, &d, i); break;
        case 3: step_append(&s, &d, i); break;
        case 4: case 5: step_export(&s, &d, i); break;
        case 6: step_release(&s, &d, i); break;
        case 7: step_set(&s, &d); break;
        default: step_free(&s, i); break;
        }
        check_all(&s, "after a step");
    }
    cleanup(&s);
    return 0;
}
