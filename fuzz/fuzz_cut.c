/*
 * fuzz_cut.c — prefixes, suffixes, stripping, partition and the split
 * iterator (memview/cut.h) against a naive model.
 *
 * One base buffer (allocated at its exact size, so the sanitizers see any
 * access past it).  Each step cuts a view v and a pattern out of the base
 * with slices of any step (so patterns often occur in v, and strided and
 * reversed layouts meet), sometimes released, and applies one family of
 * functions.  The model gathers v's and the pattern's items into plain
 * arrays and answers with simple loops (first and last match, the bytes
 * to strip); every result view must then be exactly the model's cut of v
 * (fuzz/model.h: item 0's address, length, stride, flags), every status
 * the model's, and a failure must leave its out-parameters untouched.
 */
#include "model.h"

#define MAX_BASE  96
#define MAX_STEPS 32

typedef struct state {
    uint8_t *base;
    uint8_t shadow[MAX_BASE];
    size_t n;
    bool ro;
} state;

/* A view cut from the base and its model; released when the input says. */
typedef struct cut {
    mv_view v;
    fz_view m;
    uint8_t items[MAX_BASE];
} cut;

static void make_cut(const state *s, fz_in *d, cut *c)
{
    mv_view whole;
    mv_status st = s->ro ? mv_from_const(s->base, s->n, &whole) : mv_from(s->base, s->n, &whole);
    FZ_STATUS(st, MV_OK, "mv_from(base)");
    fz_view wm = fzm_whole(s->n, s->ro);
    ptrdiff_t start = fz_index(d, s->n), stop = fz_index(d, s->n), step = fz_step(d, s->n);
    if (step == 0)
        step = 1;
    FZ_STATUS(mv_slice(whole, start, stop, step, &c->v), MV_OK, "mv_slice");
    c->m = fzm_slice(wm, start, stop, step);
    if (fz_u8(d) == 0xFF) {
        FZ_STATUS(mv_release(&c->v), MV_OK, "mv_release");
        c->m = fzm_released();
    }
    for (size_t i = 0; i < c->m.len; i++)
        c->items[i] = s->shadow[fzm_at(c->m, i)];
}

/* A failed call must leave its output as it was (sentinel-filled). */
static void sentinel(mv_view *out)
{
    memset(out, 0xA5, sizeof *out);
}

static void expect_untouched(const mv_view *out, const char *what)
{
    mv_view want;
    sentinel(&want);
    FZ_CHECK(memcmp(out, &want, sizeof want) == 0, "%s: a failure wrote its output", what);
}

/* r must be v[off:off+len]. */
static void expect_cut(const state *s, mv_view r, const cut *v, size_t off, size_t len,
                       const char *what)
{
    FZ_CHECK(off <= v->m.len && len <= v->m.len - off, "%s: model cut outside v", what);
    fzm_expect(r, s->base, s->n, fzm_cut(v->m, off, len), what);
}

/* ------------------------------------------------------------- the model */

static bool model_match(const cut *v, size_t at, const cut *p)
{
    if (at > v->m.len || p->m.len > v->m.len - at)
        return false;
    for (size_t j = 0; j < p->m.len; j++)
        if (v->items[at + j] != p->items[j])
            return false;
    return true;
}

/* The first / last k with v[k:k+len(p)] == p, from k = from on; -1 if none. */
static long model_first(const cut *v, size_t from, const cut *p)
{
    for (size_t k = from; k <= v->m.len; k++)
        if (model_match(v, k, p))
            return (long)k;
    return -1;
}

static long model_last(const cut *v, const cut *p)
{
    long found = -1;
    for (size_t k = 0; k <= v->m.len; k++)
        if (model_match(v, k, p))
            found = (long)k;
    return found;
}

/* ----------------------------------------------------------------- steps */

static void step_prefix(const state *s, const cut *v, const cut *p)
{
    bool live = !v->m.rel && !p->m.rel;
    size_t n = v->m.len, np = p->m.len;
    bool starts = live && model_match(v, 0, p);
    bool ends = live && np <= n && model_match(v, n - np, p);
    FZ_CHECK(mv_startswith(v->v, p->v) == starts, "mv_startswith: model %d", (int)starts);
    FZ_CHECK(mv_endswith(v->v, p->v) == ends, "mv_endswith: model %d", (int)ends);
    mv_status (*const fns[2])(mv_view, mv_view, mv_view *) = { mv_removeprefix, mv_removesuffix };
    for (int f = 0; f < 2; f++) {
        const char *what = f ? "mv_removesuffix" : "mv_removeprefix";
        mv_view out;
        sentinel(&out);
        FZ_STATUS(fns[f](v->v, p->v, NULL), MV_EINVAL, what);
        mv_status st = fns[f](v->v, p->v, &out);
        FZ_STATUS(st, live ? MV_OK : MV_ERELEASED, what);
        if (st != MV_OK) {
            expect_untouched(&out, what);
            continue;
        }
        bool hit = f ? ends : starts;
        expect_cut(s, out, v, hit && !f ? np : 0, hit ? n - np : n, what);
    }
}

static void step_strip(const state *s, fz_in *d, const cut *v, const cut *chars)
{
    bool deflt = fz_bool(d);
    bool set[256] = { false };
    if (deflt) {
        set[' '] = set['\t'] = set['\n'] = set['\r'] = set['\v'] = set['\f'] = true;
    } else {
        for (size_t i = 0; i < chars->m.len; i++)
            set[chars->items[i]] = true;
    }
    size_t n = v->m.len, lo = 0, hi = n, rhi = n;
    while (lo < n && set[v->items[lo]])
        lo++;
    while (hi > lo && set[v->items[hi - 1]])
        hi--;
    while (rhi > 0 && set[v->items[rhi - 1]])
        rhi--;
    bool live = !v->m.rel && (deflt || !chars->m.rel);
    const mv_view *cp = deflt ? NULL : &chars->v;
    mv_status (*const fns[3])(mv_view, const mv_view *, mv_view *) = { mv_strip, mv_lstrip,
                                                                       mv_rstrip };
    static const char *const names[3] = { "mv_strip", "mv_lstrip", "mv_rstrip" };
    const size_t offs[3] = { lo, lo, 0 }, lens[3] = { hi - lo, n - lo, rhi };
    for (int f = 0; f < 3; f++) {
        mv_view out;
        sentinel(&out);
        FZ_STATUS(fns[f](v->v, cp, NULL), MV_EINVAL, names[f]);
        mv_status st = fns[f](v->v, cp, &out);
        FZ_STATUS(st, live ? MV_OK : MV_ERELEASED, names[f]);
        if (st != MV_OK)
            expect_untouched(&out, names[f]);
        else
            expect_cut(s, out, v, offs[f], lens[f], names[f]);
    }
}

static void step_partition(const state *s, fz_in *d, const cut *v, const cut *sep, bool last)
{
    const char *what = last ? "mv_rpartition" : "mv_partition";
    mv_status (*fn)(mv_view, mv_view, mv_view *, mv_view *, mv_view *) =
        last ? mv_rpartition : mv_partition;
    mv_view b, m, a;
    sentinel(&b);
    sentinel(&m);
    sentinel(&a);
    uint8_t bad = fz_u8(d) % 8;
    mv_status st;
    if (bad == 1)
        st = fn(v->v, sep->v, NULL, &m, &a);
    else if (bad == 2)
        st = fn(v->v, sep->v, &b, &b, &a);
    else if (bad == 3)
        st = fn(v->v, sep->v, &b, &m, &m);
    else
        st = fn(v->v, sep->v, &b, &m, &a);
    mv_status want = bad >= 1 && bad <= 3 ? MV_EINVAL
                     : v->m.rel || sep->m.rel ? MV_ERELEASED
                     : sep->m.len == 0        ? MV_EINVAL
                                              : MV_OK;
    FZ_STATUS(st, want, what);
    if (st != MV_OK) {
        expect_untouched(&b, what);
        expect_untouched(&m, what);
        expect_untouched(&a, what);
        return;
    }
    long k = last ? model_last(v, sep) : model_first(v, 0, sep);
    size_t n = v->m.len;
    size_t at = k >= 0 ? (size_t)k : (last ? 0 : n), len = k >= 0 ? sep->m.len : 0;
    expect_cut(s, b, v, 0, at, what);
    expect_cut(s, m, v, at, len, what);
    expect_cut(s, a, v, at + len, n - at - len, what);
}

static void step_split(const state *s, const cut *v, const cut *sep)
{
    mv_view rest = v->v, tok, keep;
    sentinel(&tok);
    FZ_STATUS(mv_split_next(NULL, sep->v, &tok), MV_EINVAL, "mv_split_next(NULL rest)");
    FZ_STATUS(mv_split_next(&rest, sep->v, NULL), MV_EINVAL, "mv_split_next(NULL token)");
    FZ_STATUS(mv_split_next(&rest, sep->v, &rest), MV_EINVAL, "mv_split_next(rest == token)");
    memcpy(&keep, &rest, sizeof keep);
    mv_status first = mv_split_next(&rest, sep->v, &tok);
    mv_status want = v->m.rel || sep->m.rel ? MV_ERELEASED : sep->m.len == 0 ? MV_EINVAL : MV_OK;
    FZ_STATUS(first, want, "mv_split_next");
    if (first != MV_OK) {
        expect_untouched(&tok, "mv_split_next");
        FZ_CHECK(memcmp(&keep, &rest, sizeof keep) == 0, "mv_split_next: a failure moved rest");
        return;
    }
    /* Token by token: the model's cuts of v, then the end. */
    size_t start = 0, n = v->m.len, ns = sep->m.len;
    for (size_t tokens = 1;; tokens++) {
        long k = model_first(v, start, sep);
        if (k < 0) {
            expect_cut(s, tok, v, start, n - start, "mv_split_next: last token");
            fzm_expect(rest, s->base, s->n, fzm_released(), "mv_split_next: rest after the last");
            break;
        }
        expect_cut(s, tok, v, start, (size_t)k - start, "mv_split_next: token");
        start = (size_t)k + ns;
        expect_cut(s, rest, v, start, n - start, "mv_split_next: rest");
        FZ_CHECK(tokens <= n + 1, "mv_split_next: more tokens than items");
        FZ_STATUS(mv_split_next(&rest, sep->v, &tok), MV_OK, "mv_split_next");
    }
    sentinel(&tok);
    FZ_STATUS(mv_split_next(&rest, sep->v, &tok), MV_ERELEASED, "mv_split_next after the end");
    expect_untouched(&tok, "mv_split_next after the end");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in d;
    fz_init(&d, data, size);
    state s;
    s.base = fz_base(&d, s.shadow, MAX_BASE, &s.n);
    s.ro = fz_bool(&d);
    static cut v, p;
    for (int k = 0; k < MAX_STEPS && !fz_done(&d); k++) {
        uint8_t op = fz_u8(&d);
        make_cut(&s, &d, &v);
        make_cut(&s, &d, &p);
        switch (op % 5) {
        case 0: step_prefix(&s, &v, &p); break;
        case 1: step_strip(&s, &d, &v, &p); break;
        case 2: step_partition(&s, &d, &v, &p, false); break;
        case 3: step_partition(&s, &d, &v, &p, true); break;
        default: step_split(&s, &v, &p); break;
        }
    }
    FZ_CHECK(s.n == 0 || memcmp(s.base, s.shadow, s.n) == 0, "the base was written");
    free(s.base);
    return 0;
}
