/*
 * fuzz_slice.c — chains of view-shaping calls against the integer model.
 *
 * One base buffer (allocated at its exact size, so the sanitizers see any
 * access past it) and four view slots.  Each step applies mv_slice,
 * mv_sub, mv_buffer, mv_advance, mv_split, mv_toreadonly, mv_release,
 * mv_from / mv_from_const, or reads and writes one item, with arguments
 * that reach every extreme (fuzz/decoder.h).  The model (fuzz/model.h)
 * keeps each slot as (offset, length, stride) integers; after every step
 * each slot must match it, the status must be the model's, a failure must
 * leave its outputs untouched, and the base must equal a shadow copy that
 * the model updates on every write.
 */
#include "model.h"

#define MAX_BASE  96
#define MAX_STEPS 48
#define SLOTS     4

typedef struct state {
    uint8_t *base;
    uint8_t shadow[MAX_BASE];
    size_t n;
    mv_view v[SLOTS];
    fz_view m[SLOTS];
} state;

static void check_all(const state *s, const char *what)
{
    for (int i = 0; i < SLOTS; i++)
        fzm_expect(s->v[i], s->base, s->n, s->m[i], what);
    FZ_CHECK(s->n == 0 || memcmp(s->base, s->shadow, s->n) == 0, "%s: base differs from shadow",
             what);
}

/* A failed call must leave its output as it was (sentinel-filled). */
static void expect_untouched(const mv_view *out, const char *what)
{
    mv_view sentinel;
    memset(&sentinel, 0xA5, sizeof sentinel);
    FZ_CHECK(memcmp(out, &sentinel, sizeof sentinel) == 0, "%s: a failure wrote its output", what);
}

static void step_slice(state *s, fz_in *d, int a, int b)
{
    size_t len = s->m[a].len;
    ptrdiff_t start = fz_index(d, len), stop = fz_index(d, len), step = fz_step(d, len);
    bool null_out = fz_u8(d) == 0xFF;
    mv_view out;
    memset(&out, 0xA5, sizeof out);
    mv_status st = mv_slice(s->v[a], start, stop, step, null_out ? NULL : &out);
    mv_status want = null_out ? MV_EINVAL
                     : s->m[a].rel ? MV_ERELEASED
                     : step == 0   ? MV_EINVAL
                                   : MV_OK;
    FZ_STATUS(st, want, "mv_slice");
    if (st != MV_OK) {
        expect_untouched(&out, "mv_slice");
        return;
    }
    s->m[b] = fzm_slice(s->m[a], start, stop, step);
    s->v[b] = out;
}

static void step_sub(state *s, fz_in *d, int a, int b)
{
    size_t len = s->m[a].len;
    size_t off = fz_size(d, len), cnt = fz_size(d, len);
    mv_view out;
    memset(&out, 0xA5, sizeof out);
    FZ_STATUS(mv_sub(s->v[a], off, cnt, NULL), MV_EINVAL, "mv_sub(NULL)");
    mv_status st = mv_sub(s->v[a], off, cnt, &out);
    mv_status want = s->m[a].rel ? MV_ERELEASED : (off > len || cnt > len - off) ? MV_ERANGE : MV_OK;
    FZ_STATUS(st, want, "mv_sub");
    if (st != MV_OK) {
        expect_untouched(&out, "mv_sub");
        return;
    }
    s->m[b] = fzm_cut(s->m[a], off, cnt);
    s->v[b] = out;
}

static void step_buffer(state *s, fz_in *d, int a, int b)
{
    size_t len = s->m[a].len;
    size_t off = fz_size(d, len);
    ptrdiff_t size = fz_index(d, len);
    mv_view out;
    memset(&out, 0xA5, sizeof out);
    FZ_STATUS(mv_buffer(s->v[a], off, size, NULL), MV_EINVAL, "mv_buffer(NULL)");
    mv_status st = mv_buffer(s->v[a], off, size, &out);
    mv_status want = s->m[a].rel ? MV_ERELEASED : size < -1 ? MV_EINVAL : MV_OK;
    FZ_STATUS(st, want, "mv_buffer");
    if (st != MV_OK) {
        expect_untouched(&out, "mv_buffer");
        return;
    }
    /* Python 2's buffer(): offset past the end is empty, -1 or a size past
     * the end runs to the end. */
    size_t cnt = 0;
    if (off < len) {
        size_t rest = len - off;
        cnt = (size == -1 || (fz_i128)size > (fz_i128)rest) ? rest : (size_t)size;
    }
    s->m[b] = fzm_cut(s->m[a], off < len ? off : 0, cnt);
    s->m[b].ro = true;
    s->v[b] = out;
}

static void step_advance(state *s, fz_in *d, int a)
{
    size_t len = s->m[a].len;
    size_t k = fz_size(d, len);
    mv_view before = s->v[a];
    mv_status st = mv_advance(&s->v[a], k);
    mv_status want = s->m[a].rel ? MV_ERELEASED : k > len ? MV_ERANGE : MV_OK;
    FZ_STATUS(st, want, "mv_advance");
    if (st != MV_OK) {
        FZ_CHECK(memcmp(&before, &s->v[a], sizeof before) == 0, "mv_advance: failure moved the view");
        return;
    }
    s->m[a] = fzm_cut(s->m[a], k, len - k);
}

static void step_split(state *s, fz_in *d, int a, int b, int c)
{
    size_t len = s->m[a].len;
    size_t at = fz_size(d, len);
    mv_view src = s->v[a];
    if (b == c) {
        /* The same object for head and tail is refused. */
        mv_view keep = s->v[b];
        FZ_STATUS(mv_split(src, at, &s->v[b], &s->v[b]), MV_EINVAL, "mv_split(head == tail)");
        FZ_CHECK(memcmp(&keep, &s->v[b], sizeof keep) == 0, "mv_split: failure wrote");
        FZ_STATUS(mv_split(src, at, NULL, &s->v[b]), MV_EINVAL, "mv_split(NULL head)");
        FZ_STATUS(mv_split(src, at, &s->v[b], NULL), MV_EINVAL, "mv_split(NULL tail)");
        return;
    }
    mv_view head, tail;
    memset(&head, 0xA5, sizeof head);
    memset(&tail, 0xA5, sizeof tail);
    mv_status st = mv_split(src, at, &head, &tail);
    mv_status want = s->m[a].rel ? MV_ERELEASED : at > len ? MV_ERANGE : MV_OK;
    FZ_STATUS(st, want, "mv_split");
    if (st != MV_OK) {
        expect_untouched(&head, "mv_split head");
        expect_untouched(&tail, "mv_split tail");
        return;
    }
    fz_view ma = s->m[a];
    s->m[b] = fzm_cut(ma, 0, at);
    s->m[c] = fzm_cut(ma, at, len - at);
    s->v[b] = head;
    s->v[c] = tail;
}

static void step_toreadonly(state *s, int a, int b)
{
    mv_view out;
    memset(&out, 0xA5, sizeof out);
    mv_status st = mv_toreadonly(s->v[a], &out);
    FZ_STATUS(st, s->m[a].rel ? MV_ERELEASED : MV_OK, "mv_toreadonly");
    FZ_STATUS(mv_toreadonly(s->v[a], NULL), MV_EINVAL, "mv_toreadonly(NULL)");
    if (st != MV_OK) {
        expect_untouched(&out, "mv_toreadonly");
        return;
    }
    s->m[b] = s->m[a];
    s->m[b].ro = true;
    s->v[b] = out;
}

static void step_release(state *s, int a)
{
    FZ_STATUS(mv_release(&s->v[a]), MV_OK, "mv_release");
    FZ_STATUS(mv_release(NULL), MV_EINVAL, "mv_release(NULL)");
    s->m[a] = fzm_released();
    /* Every operation on it now answers MV_ERELEASED. */
    mv_view out;
    uint8_t byte;
    FZ_STATUS(mv_slice(s->v[a], 0, 1, 1, &out), MV_ERELEASED, "mv_slice(released)");
    FZ_STATUS(mv_get(s->v[a], 0, &byte), MV_ERELEASED, "mv_get(released)");
    FZ_STATUS(mv_set(s->v[a], 0, 1), MV_ERELEASED, "mv_set(released)");
}

/* A fresh view of part of the base (or a bad request). */
static void step_from(state *s, fz_in *d, int b)
{
    size_t off = (size_t)fz_range(d, 0, s->n);
    size_t k = fz_size(d, s->n - off);
    bool ro = fz_bool(d);
    bool null_p = fz_u8(d) >= 0xF0;
    mv_view out;
    memset(&out, 0xA5, sizeof out);
    /* The pointer is formed only where it lies inside the base; the
     * library must not look at the bytes of a request it refuses. */
    uint8_t *p = null_p || s->n == 0 ? NULL : s->base + off;
    if (p == NULL)
        off = 0;
    mv_status st = ro ? mv_from_const(p, k, &out) : mv_from(p, k, &out);
    mv_status want = (p == NULL && k > 0) ? MV_EINVAL : k > (size_t)PTRDIFF_MAX ? MV_EOVERFLOW : MV_OK;
    FZ_STATUS(st, want, ro ? "mv_from_const" : "mv_from");
    if (st != MV_OK) {
        expect_untouched(&out, "mv_from");
        return;
    }
    FZ_CHECK(mv_len(out) == k && mv_readonly(out) == ro && mv_is_valid(out) &&
                 mv_data(out) == (k ? p : NULL),
             "mv_from(%zu bytes): len %zu", k, mv_len(out));
    if (p != NULL && k > s->n - off)
        return; /* describes bytes outside the base: checked, not kept */
    s->m[b] = fzm_whole(k, ro);
    s->m[b].off = (fz_i128)off;
    s->v[b] = out;
}

static void step_get(state *s, fz_in *d, int a)
{
    fz_view m = s->m[a];
    ptrdiff_t index = fz_index(d, m.len);
    uint8_t out = 0x5A;
    bool null_out = fz_u8(d) == 0xFF;
    mv_status st = mv_get(s->v[a], index, null_out ? NULL : &out);
    fz_i128 i = index < 0 ? (fz_i128)index + (fz_i128)m.len : index;
    mv_status want = null_out ? MV_EINVAL
                     : m.rel  ? MV_ERELEASED
                     : (i < 0 || i >= (fz_i128)m.len) ? MV_ERANGE
                                                       : MV_OK;
    FZ_STATUS(st, want, "mv_get");
    if (st != MV_OK) {
        FZ_CHECK(out == 0x5A, "mv_get: failure wrote its output");
        return;
    }
    uint8_t expect = s->shadow[fzm_at(m, (size_t)i)];
    FZ_CHECK(out == expect, "mv_get(%td): %u, shadow %u", index, out, expect);
}

static void step_set(state *s, fz_in *d, int a)
{
    fz_view m = s->m[a];
    ptrdiff_t index = fz_index(d, m.len);
    uint8_t value = fz_u8(d);
    mv_status st = mv_set(s->v[a], index, value);
    fz_i128 i = index < 0 ? (fz_i128)index + (fz_i128)m.len : index;
    mv_status want = m.rel  ? MV_ERELEASED
                     : m.ro ? MV_EREADONLY
                     : (i < 0 || i >= (fz_i128)m.len) ? MV_ERANGE
                                                       : MV_OK;
    FZ_STATUS(st, want, "mv_set");
    if (st == MV_OK)
        s->shadow[fzm_at(m, (size_t)i)] = value;
}

/* Every item read through the view is the shadow's byte at the model's
 * index. */
static void step_walk(state *s, int a)
{
    fz_view m = s->m[a];
    for (size_t i = 0; i < m.len; i++) {
        uint8_t out;
        FZ_STATUS(mv_get(s->v[a], (ptrdiff_t)i, &out), MV_OK, "mv_get(walk)");
        FZ_CHECK(out == s->shadow[fzm_at(m, i)], "walk: item %zu is %u, shadow %u", i, out,
                 s->shadow[fzm_at(m, i)]);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in d;
    fz_init(&d, data, size);
    state s;
    s.base = fz_base(&d, s.shadow, MAX_BASE, &s.n);
    bool ro = fz_bool(&d);
    /* Any value, status code or not, has a description. */
    const char *text = mv_strerror((mv_status)fz_u8(&d));
    FZ_CHECK(text != NULL && strlen(text) > 0, "mv_strerror: no description");
    for (int i = 0; i < SLOTS; i++) {
        mv_status st = ro ? mv_from_const(s.base, s.n, &s.v[i]) : mv_from(s.base, s.n, &s.v[i]);
        FZ_STATUS(st, MV_OK, "mv_from(base)");
        s.m[i] = fzm_whole(s.n, ro);
    }
    check_all(&s, "start");
    for (int k = 0; k < MAX_STEPS && !fz_done(&d); k++) {
        uint8_t op = fz_u8(&d);
        int a = op >> 4 & 3, b = op >> 6 & 3, c = (op >> 4 ^ 1) & 3;
        /* Only a step's outputs can change: check those (all four at the
         * end), and the base after a write. */
        unsigned touched = 0;
        switch (op % 12) {
        case 0: case 1: step_slice(&s, &d, a, b); touched = 1u << b; break;
        case 2: step_sub(&s, &d, a, b); touched = 1u << b; break;
        case 3: step_buffer(&s, &d, a, b); touched = 1u << b; break;
        case 4: step_advance(&s, &d, a); touched = 1u << a; break;
        case 5: step_split(&s, &d, a, b, c); touched = 1u << b | 1u << c; break;
        case 6: step_toreadonly(&s, a, b); touched = 1u << b; break;
        case 7: step_release(&s, a); touched = 1u << a; break;
        case 8: step_from(&s, &d, b); touched = 1u << b; break;
        case 9: step_get(&s, &d, a); break;
        case 10: step_set(&s, &d, a); touched = 1u << SLOTS; break;
        default: step_walk(&s, a); break;
        }
        for (int i = 0; i < SLOTS; i++)
            if (touched & 1u << i)
                fzm_expect(s.v[i], s.base, s.n, s.m[i], "after a step");
        if (touched & 1u << SLOTS)
            FZ_CHECK(s.n == 0 || memcmp(s.base, s.shadow, s.n) == 0, "mv_set: base differs from shadow");
    }
    check_all(&s, "end");
    free(s.base);
    return 0;
}
