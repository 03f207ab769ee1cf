/*
 * test_items.c — reading and writing items: mv_get, mv_set, mv_tobytes,
 * mv_fill, mv_assign.
 *
 * Expected bytes always come from a naive model run on a copy of the
 * buffer: items addressed through the index-list model, and mv_assign as
 * "copy the source items to a temporary array, then write them".
 */
#include "mv_test.h"
#include "mv_model.h"

#define N 24

/* Views over one buffer of N bytes, reached by a slice each. */
static const struct shape {
    ptrdiff_t start, stop, step;
} shapes[] = {
    { MV_OMIT, MV_OMIT, MV_OMIT }, { MV_OMIT, MV_OMIT, -1 }, { 1, MV_OMIT, 2 },
    { MV_OMIT, MV_OMIT, -2 }, { 2, MV_OMIT, 3 }, { -1, MV_OMIT, -3 }, { 5, 6, 1 },
    { 7, 7, 1 }, { 3, 20, 5 }, { 20, 3, -5 }, { 0, MV_OMIT, N - 1 }, { -1, MV_OMIT, -(N - 1) },
    { 4, -4, 1 }, { -5, 3, -1 },
};
#define N_SHAPES (sizeof shapes / sizeof shapes[0])

static mv_view shape_view(uint8_t *buf, size_t k, mvt_model *m)
{
    mvt_model whole;
    mvt_model_whole(&whole, N);
    mvt_model_slice(&whole, shapes[k].start, shapes[k].stop, shapes[k].step, m);
    return mvt_slice(mvt_from(buf, N), shapes[k].start, shapes[k].stop, shapes[k].step);
}

/* Indices worth trying on a view of len items. */
static size_t indices_for(ptrdiff_t len, ptrdiff_t *out)
{
    const ptrdiff_t values[] = {
        PTRDIFF_MIN, PTRDIFF_MIN + 1, -len - 1, -len, -len + 1, -1, 0, 1, len - 1, len, len + 1,
        PTRDIFF_MAX,
    };
    memcpy(out, values, sizeof values);
    return sizeof values / sizeof values[0];
}

/* Python's index rule: [-len, len) → [0, len), anything else is out. */
static bool model_index(size_t len, ptrdiff_t index, size_t *at)
{
    mvt_i128 i = index < 0 ? (mvt_i128)index + (mvt_i128)len : index;
    if (i < 0 || i >= (mvt_i128)len)
        return false;
    *at = (size_t)i;
    return true;
}

/* ------------------------------------------------------------- get, set */

static void get_every_index_of_every_shape(void)
{
    uint8_t buf[N];
    mvt_pattern(buf, N);
    ptrdiff_t idx[16];
    for (size_t k = 0; k < N_SHAPES; k++) {
        mvt_model m;
        mv_view v = shape_view(buf, k, &m);
        mv_view views[2] = { v, mvt_readonly(v) };
        size_t n = indices_for((ptrdiff_t)m.len, idx);
        for (size_t r = 0; r < 2; r++)
            for (size_t i = 0; i < n; i++) {
                uint8_t got = MVT_SENTINEL;
                size_t at;
                mv_status st = mv_get(views[r], idx[i], &got);
                if (model_index(m.len, idx[i], &at)) {
                    if (CHECK_ST(st, MV_OK))
                        CHECK_EQ(got, buf[m.idx[at]]);
                } else {
                    CHECK_ST(st, MV_ERANGE);
                    CHECK_EQ(got, MVT_SENTINEL);
                }
            }
    }
}

static void get_failures(void)
{
    uint8_t buf[3] = { 1, 2, 3 };
    mv_view v = mvt_from(buf, 3), dead = mvt_released(v), empty = mvt_from(NULL, 0);
    uint8_t got = MVT_SENTINEL;
    CHECK_ST(mv_get(v, 0, NULL), MV_EINVAL);
    CHECK_ST(mv_get(dead, 0, NULL), MV_EINVAL);
    CHECK_ST(mv_get(dead, 0, &got), MV_ERELEASED);
    CHECK_ST(mv_get(dead, PTRDIFF_MAX, &got), MV_ERELEASED);
    CHECK_ST(mv_get(empty, 0, &got), MV_ERANGE);
    CHECK_ST(mv_get(empty, -1, &got), MV_ERANGE);
    CHECK_ST(mv_get(empty, PTRDIFF_MIN, &got), MV_ERANGE);
    CHECK_EQ(got, MVT_SENTINEL);
}

static void set_every_index_of_every_shape(void)
{
    ptrdiff_t idx[16];
    for (size_t k = 0; k < N_SHAPES; k++) {
        uint8_t buf[N], want[N];
        mvt_model m;
        mvt_pattern(buf, N);
        mv_view v = shape_view(buf, k, &m);
        size_t n = indices_for((ptrdiff_t)m.len, idx);
        for (size_t i = 0; i < n; i++) {
            size_t at;
            uint8_t value = (uint8_t)(0xF0 + i);
            memcpy(want, buf, N);
            bool in = model_index(m.len, idx[i], &at);
            if (in)
                want[m.idx[at]] = value;
            CHECK_ST(mv_set(v, idx[i], value), in ? MV_OK : MV_ERANGE);
            CHECK_MEM(buf, want, N);
        }
    }
}

/* Each status of mv_set, and their order: released, read-only, index. */
static void set_failures_change_nothing(void)
{
    uint8_t buf[4] = { 1, 2, 3, 4 }, want[4] = { 1, 2, 3, 4 };
    mv_view v = mvt_from(buf, 4), ro = mvt_readonly(v);
    mv_view dead = mvt_released(v), dead_ro = mvt_released(ro);
    CHECK_ST(mv_set(ro, 0, 9), MV_EREADONLY);
    CHECK_ST(mv_set(ro, 99, 9), MV_EREADONLY);  /* read-only before the index */
    CHECK_ST(mv_set(dead, 0, 9), MV_ERELEASED);
    CHECK_ST(mv_set(dead_ro, 99, 9), MV_ERELEASED);
    CHECK_ST(mv_set(v, 4, 9), MV_ERANGE);
    CHECK_ST(mv_set(v, -5, 9), MV_ERANGE);
    CHECK_ST(mv_set(v, PTRDIFF_MIN, 9), MV_ERANGE);
    CHECK_ST(mv_set(v, PTRDIFF_MAX, 9), MV_ERANGE);
    CHECK_MEM(buf, want, 4);
    mv_view empty = mvt_from(NULL, 0);
    CHECK_ST(mv_set(empty, 0, 9), MV_ERANGE);
    CHECK_ST(mv_set(mvt_from_const(buf, 4), 0, 9), MV_EREADONLY);
}

/* Writes through one view are seen through every other view of the bytes. */
static void set_is_seen_through_other_views(void)
{
    uint8_t buf[N] = { 0 };
    mv_view v = mvt_from(buf, N);
    mv_view back = mvt_slice(v, MV_OMIT, MV_OMIT, -1), odd = mvt_slice(v, 1, MV_OMIT, 2);
    mv_view ro = mvt_readonly(odd);
    uint8_t got = 0;
    CHECK_ST(mv_set(back, 0, 0x11), MV_OK);      /* base[23] */
    CHECK_ST(mv_get(ro, -1, &got), MV_OK);       /* odd[-1] is base[23] */
    CHECK_EQ(got, 0x11);
    CHECK_ST(mv_set(odd, 3, 0x22), MV_OK);       /* base[7] */
    CHECK_ST(mv_get(back, 16, &got), MV_OK);     /* back[16] is base[7] */
    CHECK_EQ(got, 0x22);
    CHECK_EQ(buf[7], 0x22);
}

/* Byte values are unsigned: 0x80 and 0xFF come back as they went in. */
static void set_and_get_every_byte_value(void)
{
    uint8_t buf[1];
    mv_view v = mvt_from(buf, 1);
    for (unsigned b = 0; b < 256; b++) {
        uint8_t got = 0;
        CHECK_ST(mv_set(v, 0, (uint8_t)b), MV_OK);
        CHECK_ST(mv_get(v, -1, &got), MV_OK);
        CHECK_EQ(got, b);
        CHECK_EQ(buf[0], b);
    }
}

/* ------------------------------------------------------------- tobytes */

static void tobytes_every_shape_and_capacity(void)
{
    uint8_t buf[N];
    mvt_pattern(buf, N);
    for (size_t k = 0; k < N_SHAPES; k++) {
        mvt_model m;
        mv_view v = shape_view(buf, k, &m);
        uint8_t want[N];
        for (size_t i = 0; i < m.len; i++)
            want[i] = buf[m.idx[i]];
        const size_t caps[] = { 0, m.len ? m.len - 1 : 0, m.len, m.len + 1, N + 8 };
        for (size_t c = 0; c < sizeof caps / sizeof caps[0]; c++) {
            /* Exactly cap bytes, so the sanitizer sees any write past it. */
            uint8_t *dst = caps[c] ? malloc(caps[c]) : NULL;
            size_t written;
            if (caps[c])
                memset(dst, MVT_SENTINEL, caps[c]);
            memset(&written, MVT_SENTINEL, sizeof written);
            mv_status st = mv_tobytes(v, dst, caps[c], &written);
            if (caps[c] < m.len) {
                CHECK_ST(st, MV_ERANGE);
                CHECK_SENTINEL(&written, sizeof written);
                if (caps[c])
                    CHECK_SENTINEL(dst, caps[c]);
            } else if (CHECK_ST(st, MV_OK)) {
                CHECK_EQU(written, m.len);
                if (m.len)
                    CHECK_MEM(dst, want, m.len);
                if (caps[c] > m.len)
                    CHECK_SENTINEL(dst + m.len, caps[c] - m.len);
            }
            free(dst);
        }
    }
}

static void tobytes_failures(void)
{
    uint8_t buf[3] = { 1, 2, 3 }, dst[4];
    mv_view v = mvt_from(buf, 3), dead = mvt_released(v), empty = mvt_from(NULL, 0);
    size_t written;
    memset(dst, MVT_SENTINEL, sizeof dst);
    memset(&written, MVT_SENTINEL, sizeof written);
    CHECK_ST(mv_tobytes(v, dst, 4, NULL), MV_EINVAL);
    CHECK_ST(mv_tobytes(v, NULL, 4, &written), MV_EINVAL);
    CHECK_ST(mv_tobytes(dead, NULL, 4, &written), MV_EINVAL); /* pointers before the view */
    CHECK_ST(mv_tobytes(dead, dst, 4, &written), MV_ERELEASED);
    CHECK_ST(mv_tobytes(dead, NULL, 0, &written), MV_ERELEASED);
    CHECK_ST(mv_tobytes(v, dst, 2, &written), MV_ERANGE);
    CHECK_ST(mv_tobytes(v, NULL, 0, &written), MV_ERANGE);
    CHECK_SENTINEL(dst, sizeof dst);
    CHECK_SENTINEL(&written, sizeof written);
    /* An empty view needs no buffer at all. */
    if (CHECK_ST(mv_tobytes(empty, NULL, 0, &written), MV_OK))
        CHECK_EQU(written, 0);
}

/* ---------------------------------------------------------------- fill */

static void fill_every_shape(void)
{
    for (size_t k = 0; k < N_SHAPES; k++) {
        uint8_t buf[N], want[N];
        mvt_model m;
        mvt_pattern(buf, N);
        mv_view v = shape_view(buf, k, &m);
        memcpy(want, buf, N);
        for (size_t i = 0; i < m.len; i++)
            want[m.idx[i]] = 0x80;
        CHECK_ST(mv_fill(v, 0x80), MV_OK);
        CHECK_MEM(buf, want, N); /* the items changed, and nothing else */
    }
}

static void fill_failures(void)
{
    uint8_t buf[4] = { 1, 2, 3, 4 }, want[4] = { 1, 2, 3, 4 };
    mv_view v = mvt_from(buf, 4), ro = mvt_readonly(v);
    CHECK_ST(mv_fill(ro, 0), MV_EREADONLY);
    CHECK_ST(mv_fill(mvt_released(v), 0), MV_ERELEASED);
    CHECK_ST(mv_fill(mvt_released(ro), 0), MV_ERELEASED);
    CHECK_MEM(buf, want, 4);
    CHECK_ST(mv_fill(mvt_from(NULL, 0), 7), MV_OK);
    CHECK_ST(mv_fill(mvt_readonly(mvt_from(NULL, 0)), 7), MV_EREADONLY);
}

/* -------------------------------------------------------------- assign */

/* The naive model of dst[:] = src: gather, then scatter. */
static void model_assign(uint8_t *buf, const mvt_model *dst, const mvt_model *src)
{
    uint8_t tmp[MVT_MODEL_MAX];
    for (size_t i = 0; i < src->len; i++)
        tmp[i] = buf[src->idx[i]];
    for (size_t i = 0; i < dst->len; i++)
        buf[dst->idx[i]] = tmp[i];
}

/* Every view over a buffer of N bytes with start in [0, N), step in
 * ±1 .. ±4 and ±(N - 1), cut to len items. */
typedef struct family {
    size_t count;
    mvt_model m[N * 10];
    struct shape how[N * 10];
} family;

static void family_of_len(size_t len, family *f)
{
    const ptrdiff_t steps[] = { 1, -1, 2, -2, 3, -3, 4, -4, N - 1, -(N - 1) };
    mvt_model whole, sl;
    mvt_model_whole(&whole, N);
    f->count = 0;
    for (ptrdiff_t start = 0; start < N; start++)
        for (size_t s = 0; s < sizeof steps / sizeof steps[0]; s++) {
            mvt_model_slice(&whole, start, MV_OMIT, steps[s], &sl);
            if (sl.len < len)
                continue;
            if (len <= 1 && s > 0)
                continue; /* one shape per start is enough below two items */
            struct shape how = { start, MV_OMIT, steps[s] };
            mvt_model_cut(&sl, 0, len, &f->m[f->count]);
            f->how[f->count++] = how;
        }
}

static mv_view family_view(uint8_t *buf, const family *f, size_t i, size_t len)
{
    mv_view v = mvt_slice(mvt_from(buf, N), f->how[i].start, f->how[i].stop, f->how[i].step);
    mv_view r;
    if (mv_sub(v, 0, len, &r) != MV_OK)
        abort();
    return r;
}

/* Every ordered pair of same-length views of one buffer: overlapping both
 * ways, reversed, differently strided, identical. */
static void assign_every_overlap(void)
{
    static family f;
    const size_t lens[] = { 0, 1, 2, 3, 5, 8, 12 };
    for (size_t l = 0; l < sizeof lens / sizeof lens[0]; l++) {
        size_t len = lens[l];
        family_of_len(len, &f);
        size_t bad = 0;
        for (size_t d = 0; d < f.count; d++)
            for (size_t s = 0; s < f.count; s++) {
                uint8_t buf[N], want[N];
                mvt_pattern(buf, N);
                memcpy(want, buf, N);
                model_assign(want, &f.m[d], &f.m[s]);
                mv_view dst = family_view(buf, &f, d, len), src = family_view(buf, &f, s, len);
                bool ok = CHECK_ST(mv_assign(dst, src), MV_OK) && CHECK_MEM(buf, want, N);
                if (!ok && bad++ < 5)
                    printf("  len %zu dst [%td::%td] src [%td::%td]\n", len, f.how[d].start,
                           f.how[d].step, f.how[s].start, f.how[s].step);
            }
    }
}

/* Random pairs of same-length views of one 64-byte buffer with steps up
 * to +-9: every ratio of strides, overlaps at every distance. */
static void assign_random_overlaps(void)
{
    enum { M = 64 };
    mvt_model whole, md, ms;
    mvt_model_whole(&whole, M);
    for (int round = 0; round < 100000; round++) {
        uint8_t buf[M], want[M];
        ptrdiff_t sd = (ptrdiff_t)mvt_below(19) - 9, ss = (ptrdiff_t)mvt_below(19) - 9;
        sd = sd ? sd : 1;
        ss = ss ? ss : -1;
        ptrdiff_t td = (ptrdiff_t)mvt_below(M), ts = (ptrdiff_t)mvt_below(M);
        mvt_model_slice(&whole, td, MV_OMIT, sd, &md);
        mvt_model_slice(&whole, ts, MV_OMIT, ss, &ms);
        size_t len = md.len < ms.len ? md.len : ms.len;
        len = len ? (size_t)mvt_below(len) + 1 : 0;
        mvt_model_cut(&md, 0, len, &md);
        mvt_model_cut(&ms, 0, len, &ms);
        for (size_t i = 0; i < M; i++)
            buf[i] = (uint8_t)mvt_rand();
        memcpy(want, buf, M);
        model_assign(want, &md, &ms);
        mv_view v = mvt_from(buf, M), dst, src;
        if (mv_sub(mvt_slice(v, td, MV_OMIT, sd), 0, len, &dst) != MV_OK ||
            mv_sub(mvt_slice(v, ts, MV_OMIT, ss), 0, len, &src) != MV_OK)
            abort();
        if (!(CHECK_ST(mv_assign(dst, src), MV_OK) && CHECK_MEM(buf, want, M))) {
            printf("  len %zu dst [%td::%td] src [%td::%td]\n", len, td, sd, ts, ss);
            return;
        }
    }
}

/* Views of two different buffers, in both directions. */
static void assign_between_buffers(void)
{
    uint8_t a[N], b[N], want_a[N], want_b[N];
    mvt_pattern(a, N);
    for (size_t i = 0; i < N; i++)
        b[i] = (uint8_t)(200 - i);
    memcpy(want_a, a, N);
    memcpy(want_b, b, N);
    mv_view va = mvt_slice(mvt_from(a, N), 1, MV_OMIT, 3);   /* a[1], a[4], ... 8 items */
    mv_view vb = mvt_slice(mvt_from(b, N), -1, 8, -2);       /* b[23], b[21], ... 8 items */
    for (size_t i = 0; i < 8; i++)
        want_a[1 + 3 * i] = b[23 - 2 * i];
    if (CHECK_ST(mv_assign(va, vb), MV_OK))
        CHECK_MEM(a, want_a, N);
    CHECK_MEM(b, want_b, N);
    mvt_pattern(a, N);
    for (size_t i = 0; i < 8; i++)
        want_b[23 - 2 * i] = a[1 + 3 * i];
    if (CHECK_ST(mv_assign(vb, mvt_readonly(va)), MV_OK)) /* a read-only source is fine */
        CHECK_MEM(b, want_b, N);
}

/* The seed's size: a million bytes shifted by one, both directions. */
static void assign_large_overlap(void)
{
    const size_t n = 1000000;
    uint8_t *buf = malloc(n), *want = malloc(n);
    for (size_t i = 0; i < n; i++)
        buf[i] = (uint8_t)(i % 251);
    mv_view v = mvt_from(buf, n), lo, hi;
    if (mv_sub(v, 0, n - 1, &lo) != MV_OK || mv_sub(v, 1, n - 1, &hi) != MV_OK)
        abort();
    memcpy(want, buf, n);
    memmove(want, want + 1, n - 1);
    if (CHECK_ST(mv_assign(lo, hi), MV_OK))
        CHECK_MEM(buf, want, n);
    memmove(want + 1, want, n - 1);
    if (CHECK_ST(mv_assign(hi, lo), MV_OK))
        CHECK_MEM(buf, want, n);
    /* Reversing in place: a different stride over the same bytes. */
    mv_view back = mvt_slice(v, MV_OMIT, MV_OMIT, -1);
    for (size_t i = 0; i < n / 2; i++) {
        uint8_t t = want[i];
        want[i] = want[n - 1 - i];
        want[n - 1 - i] = t;
    }
    if (CHECK_ST(mv_assign(v, back), MV_OK))
        CHECK_MEM(buf, want, n);
    free(buf);
    free(want);
}

/* Each status of mv_assign, their order (released, read-only, lengths),
 * and that a failure leaves the destination's bytes alone. */
static void assign_failures_change_nothing(void)
{
    uint8_t buf[8], want[8];
    mvt_pattern(buf, 8);
    memcpy(want, buf, 8);
    mv_view v = mvt_from(buf, 8), a, b, c;
    if (mv_sub(v, 0, 4, &a) != MV_OK || mv_sub(v, 4, 4, &b) != MV_OK || mv_sub(v, 0, 3, &c) != MV_OK)
        abort();
    mv_view ro = mvt_readonly(a), dead = mvt_released(a);
    CHECK_ST(mv_assign(a, c), MV_EINVAL);
    CHECK_ST(mv_assign(c, a), MV_EINVAL);
    CHECK_ST(mv_assign(ro, b), MV_EREADONLY);
    CHECK_ST(mv_assign(ro, c), MV_EREADONLY);     /* read-only before the lengths */
    CHECK_ST(mv_assign(dead, b), MV_ERELEASED);
    CHECK_ST(mv_assign(a, mvt_released(b)), MV_ERELEASED);
    CHECK_ST(mv_assign(ro, mvt_released(b)), MV_ERELEASED); /* released before read-only */
    CHECK_ST(mv_assign(mvt_released(ro), c), MV_ERELEASED);
    CHECK_MEM(buf, want, 8);
    mv_view e = mvt_from(NULL, 0);
    CHECK_ST(mv_assign(e, e), MV_OK);
    CHECK_ST(mv_assign(mvt_readonly(e), e), MV_EREADONLY);
}

static const mvt_case cases[] = {
    MVT(get_every_index_of_every_shape),
    MVT(get_failures),
    MVT(set_every_index_of_every_shape),
    MVT(set_failures_change_nothing),
    MVT(set_is_seen_through_other_views),
    MVT(set_and_get_every_byte_value),
    MVT(tobytes_every_shape_and_capacity),
    MVT(tobytes_failures),
    MVT(fill_every_shape),
    MVT(fill_failures),
    MVT(assign_every_overlap),
    MVT(assign_random_overlaps),
    MVT(assign_between_buffers),
    MVT(assign_large_overlap),
    MVT(assign_failures_change_nothing),
};

MVT_MAIN(cases)
