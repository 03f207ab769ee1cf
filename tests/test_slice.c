/*
 * test_slice.c — new views of the same bytes: mv_slice, mv_sub, mv_buffer,
 * mv_advance, mv_split, mv_toreadonly, mv_release.
 *
 * Shapes are compared with the index-list model of mv_model.h: length,
 * item 0's address, stride and every item's address.
 */
#include "mv_test.h"
#include "mv_model.h"

#define BASE_LEN 13

/* Parents to cut from: contiguous, reversed, strided, one item, empty,
 * read-only.  Each is described by the slice that makes it from a whole
 * writable view of the base. */
static const struct parent {
    const char *name;
    ptrdiff_t start, stop, step;
    bool readonly;
} parents[] = {
    { "v", MV_OMIT, MV_OMIT, MV_OMIT, false },
    { "v[::-1]", MV_OMIT, MV_OMIT, -1, false },
    { "v[1::2]", 1, MV_OMIT, 2, false },
    { "v[::-3]", MV_OMIT, MV_OMIT, -3, false },
    { "v[11:2:-4]", 11, 2, -4, false },
    { "v[5:6]", 5, 6, 1, false },
    { "v[4:4]", 4, 4, 1, false },
    { "ro(v[2:12])", 2, 12, 1, true },
};
#define N_PARENTS (sizeof parents / sizeof parents[0])

static uint8_t base[BASE_LEN];

/* Parent k as a view and as a model. */
static mv_view make_parent(size_t k, mvt_model *m)
{
    mvt_pattern(base, BASE_LEN);
    mv_view v = mvt_from(base, BASE_LEN);
    mvt_model whole;
    mvt_model_whole(&whole, BASE_LEN);
    mv_view p = mvt_slice(v, parents[k].start, parents[k].stop, parents[k].step);
    mvt_model_slice(&whole, parents[k].start, parents[k].stop, parents[k].step, m);
    return parents[k].readonly ? mvt_readonly(p) : p;
}

/* Bounds worth trying on a view of len items: the extremes of ptrdiff_t,
 * and every value around 0, -len and len. */
static size_t bounds_for(ptrdiff_t len, ptrdiff_t *out)
{
    const ptrdiff_t values[] = {
        MV_OMIT, PTRDIFF_MIN + 1, PTRDIFF_MIN / 2, -len - 2, -len - 1, -len, -len + 1,
        -2, -1, 0, 1, 2, len - 2, len - 1, len, len + 1, len + 2, PTRDIFF_MAX / 2,
        PTRDIFF_MAX - 1, PTRDIFF_MAX,
    };
    memcpy(out, values, sizeof values);
    return sizeof values / sizeof values[0];
}

/* Steps worth trying: None, ±1, ±2, ±3, ±len, ±(len ± 1), ±PTRDIFF_MAX,
 * PTRDIFF_MIN + 1 (= -PTRDIFF_MAX); never 0. */
static size_t steps_for(ptrdiff_t len, ptrdiff_t *out)
{
    const ptrdiff_t values[] = {
        MV_OMIT, PTRDIFF_MIN + 1, -(PTRDIFF_MAX - 1), PTRDIFF_MIN / 2, -len - 1, -len, -len + 1,
        -3, -2, -1, 1, 2, 3, len - 1, len, len + 1, PTRDIFF_MAX / 2, PTRDIFF_MAX - 1,
        PTRDIFF_MAX,
    };
    size_t n = 0;
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
        if (values[i] != 0)
            out[n++] = values[i];
    return n;
}

/* Every (start, stop, step) of the sets above on whole views of 0, 1, 2,
 * 3, 5, 8 and 40 items. */
static void slice_every_boundary_on_whole_views(void)
{
    static uint8_t buf[40];
    const size_t lens[] = { 0, 1, 2, 3, 5, 8, 40 };
    ptrdiff_t bounds[32], steps[32];
    for (size_t l = 0; l < sizeof lens / sizeof lens[0]; l++) {
        mvt_pattern(buf, sizeof buf);
        mv_view v = mvt_from(lens[l] ? buf : NULL, lens[l]);
        mvt_model m, want;
        mvt_model_whole(&m, lens[l]);
        size_t nb = bounds_for((ptrdiff_t)lens[l], bounds);
        size_t ns = steps_for((ptrdiff_t)lens[l], steps);
        for (size_t a = 0; a < nb; a++)
            for (size_t b = 0; b < nb; b++)
                for (size_t s = 0; s < ns; s++) {
                    mv_view r;
                    MVT_FILL(r);
                    if (!CHECK_ST(mv_slice(v, bounds[a], bounds[b], steps[s], &r), MV_OK))
                        continue;
                    mvt_model_slice(&m, bounds[a], bounds[b], steps[s], &want);
                    if (!CHECK_VIEW(r, buf, &want))
                        printf("  len %zu [%td:%td:%td]\n", lens[l], bounds[a], bounds[b], steps[s]);
                    CHECK(!mv_readonly(r));
                }
    }
}

/* Slices of reversed, strided, one-item, empty and read-only views. */
static void slice_of_slices(void)
{
    ptrdiff_t bounds[32], steps[32];
    for (size_t k = 0; k < N_PARENTS; k++) {
        mvt_model pm, want;
        mv_view p = make_parent(k, &pm);
        size_t nb = bounds_for((ptrdiff_t)pm.len, bounds);
        size_t ns = steps_for((ptrdiff_t)pm.len, steps);
        for (size_t a = 0; a < nb; a++)
            for (size_t b = 0; b < nb; b++)
                for (size_t s = 0; s < ns; s++) {
                    mv_view r;
                    MVT_FILL(r);
                    if (!CHECK_ST(mv_slice(p, bounds[a], bounds[b], steps[s], &r), MV_OK))
                        continue;
                    mvt_model_slice(&pm, bounds[a], bounds[b], steps[s], &want);
                    if (!CHECK_VIEW(r, base, &want))
                        printf("  %s[%td:%td:%td]\n", parents[k].name, bounds[a], bounds[b], steps[s]);
                    CHECK_EQ(mv_readonly(r), parents[k].readonly);
                }
    }
}

/* Random chains of six slices, each checked against the model. */
static void slice_chains(void)
{
    static uint8_t buf[64];
    for (int round = 0; round < 3000; round++) {
        size_t n = (size_t)mvt_below(65);
        mv_view v = mvt_from(n ? buf : NULL, n);
        mvt_model m;
        mvt_model_whole(&m, n);
        for (int depth = 0; depth < 6; depth++) {
            ptrdiff_t bounds[32], steps[32];
            size_t nb = bounds_for((ptrdiff_t)m.len, bounds);
            size_t ns = steps_for((ptrdiff_t)m.len, steps);
            ptrdiff_t a = bounds[mvt_below(nb)], b = bounds[mvt_below(nb)];
            ptrdiff_t s = steps[mvt_below(ns)];
            mv_view r;
            if (!CHECK_ST(mv_slice(v, a, b, s, &r), MV_OK))
                break;
            mvt_model next;
            mvt_model_slice(&m, a, b, s, &next);
            if (!CHECK_VIEW(r, buf, &next)) {
                printf("  round %d depth %d: [%td:%td:%td]\n", round, depth, a, b, s);
                break;
            }
            v = r;
            m = next;
        }
    }
}

/* A view of len <= 1 made by mv_slice has stride 1, whatever the parent's
 * stride and the step (CPython's stride only has to match from 2 items). */
static void slice_short_results_have_stride_1(void)
{
    uint8_t buf[40] = { 0 };
    mv_view whole = mvt_from(buf, 40);
    const mv_view parents_[] = {
        whole, mvt_slice(whole, MV_OMIT, MV_OMIT, -1), mvt_slice(whole, 1, MV_OMIT, 3),
        mvt_slice(whole, MV_OMIT, MV_OMIT, -7),
    };
    const ptrdiff_t steps[] = { MV_OMIT, 1, -1, 2, -2, 7, -7, PTRDIFF_MAX, PTRDIFF_MIN + 1 };
    for (size_t p = 0; p < sizeof parents_ / sizeof parents_[0]; p++)
        for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
            bool back = steps[i] != MV_OMIT && steps[i] < 0;
            mv_view one = mvt_slice(parents_[p], 2, back ? 1 : 3, steps[i]);
            mv_view none = mvt_slice(parents_[p], 2, 2, steps[i]);
            mv_view first = mvt_slice(parents_[p], MV_OMIT, MV_OMIT, back ? PTRDIFF_MIN + 1 : PTRDIFF_MAX);
            CHECK_EQU(mv_len(one), 1);
            CHECK_EQ(mv_stride(one), 1);
            CHECK_EQU(mv_len(none), 0);
            CHECK_EQ(mv_stride(none), 1);
            CHECK_PTR(mv_data(none), NULL);
            CHECK_EQU(mv_len(first), 1);
            CHECK_EQ(mv_stride(first), 1);
        }
}

/* Step 1 and None take mv_slice's inline path without a division; on a
 * reversed strided parent its results are written out by hand. */
static void slice_step_one_by_hand(void)
{
    uint8_t buf[10];
    for (size_t i = 0; i < 10; i++)
        buf[i] = (uint8_t)i;
    mv_view r = mvt_slice(mvt_from(buf, 10), MV_OMIT, MV_OMIT, -2);   /* 9 7 5 3 1 */
    const struct {
        ptrdiff_t start, stop, step;
        size_t len;
        ptrdiff_t first;   /* index into buf of item 0; -1: no item */
        ptrdiff_t stride;
    } want[] = {
        { 1, -1, 1, 3, 7, -2 },                 /* 7 5 3 */
        { -100, 100, MV_OMIT, 5, 9, -2 },        /* clamped both ends */
        { MV_OMIT, MV_OMIT, 1, 5, 9, -2 },
        { 4, 100, 1, 1, 1, 1 },                  /* one item: stride 1 */
        { 3, 1, 1, 0, -1, 1 },                   /* empty */
        { -2, MV_OMIT, MV_OMIT, 2, 3, -2 },      /* 3 1 */
        { MV_OMIT, -4, 1, 1, 9, 1 },
        { 5, MV_OMIT, 1, 0, -1, 1 },
        { PTRDIFF_MIN + 1, PTRDIFF_MAX, 1, 5, 9, -2 },
    };
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
        mv_view s = mvt_slice(r, want[k].start, want[k].stop, want[k].step);
        CHECK_EQU(mv_len(s), want[k].len);
        CHECK_EQ(mv_stride(s), want[k].stride);
        CHECK_PTR(mv_data(s), want[k].first < 0 ? NULL : buf + want[k].first);
        CHECK(!mv_readonly(s));
    }
}

/* MV_OMIT is PTRDIFF_MIN: None as a bound and as a step (step 1). */
static void slice_omit_is_ptrdiff_min_is_none(void)
{
    uint8_t buf[6];
    mvt_pattern(buf, 6);
    mv_view v = mvt_from(buf, 6);
    mv_view a = mvt_slice(v, PTRDIFF_MIN, PTRDIFF_MIN, PTRDIFF_MIN);
    CHECK_EQU(mv_len(a), 6);
    CHECK_PTR(mv_data(a), buf);
    CHECK_EQ(mv_stride(a), 1);
    mv_view b = mvt_slice(v, MV_OMIT, MV_OMIT, -1);
    CHECK_EQU(mv_len(b), 6);
    CHECK_PTR(mv_data(b), buf + 5);
    /* PTRDIFF_MIN + 1 is a real bound: far before the start. */
    mv_view c = mvt_slice(v, PTRDIFF_MIN + 1, MV_OMIT, 1);
    CHECK_EQU(mv_len(c), 6);
    mv_view d = mvt_slice(v, MV_OMIT, PTRDIFF_MIN + 1, 1);
    CHECK_EQU(mv_len(d), 0);
    mv_view e = mvt_slice(v, PTRDIFF_MIN + 1, MV_OMIT, -1);
    CHECK_EQU(mv_len(e), 0);
}

static void slice_failures(void)
{
    uint8_t buf[4] = { 0 };
    mv_view v = mvt_from(buf, 4), dead = mvt_released(v);
    mv_view out;
    MVT_FILL(out);
    CHECK_ST(mv_slice(v, 0, 4, 0, &out), MV_EINVAL);
    CHECK_SENTINEL(&out, sizeof out);
    CHECK_ST(mv_slice(dead, 0, 4, 1, &out), MV_ERELEASED);
    CHECK_SENTINEL(&out, sizeof out);
    /* Released comes before the step; NULL out before both. */
    CHECK_ST(mv_slice(dead, 0, 4, 0, &out), MV_ERELEASED);
    CHECK_SENTINEL(&out, sizeof out);
    CHECK_ST(mv_slice(v, 0, 4, 1, NULL), MV_EINVAL);
    CHECK_ST(mv_slice(dead, 0, 4, 0, NULL), MV_EINVAL);
    mv_view empty = mvt_from(NULL, 0);
    CHECK_ST(mv_slice(empty, MV_OMIT, MV_OMIT, 0, &out), MV_EINVAL);
    CHECK_SENTINEL(&out, sizeof out);
}

/* A view of PTRDIFF_MAX items (only measured, never read: see
 * test_from.c) sliced where every result starts at item 0. */
static void slice_of_the_longest_view(void)
{
    uint8_t byte = 0;
    mv_view v;
    if (!CHECK_ST(mv_from_const(&byte, (size_t)PTRDIFF_MAX, &v), MV_OK))
        return;
    const struct {
        ptrdiff_t start, stop, step;
    } cuts[] = {
        { MV_OMIT, MV_OMIT, MV_OMIT }, { MV_OMIT, MV_OMIT, 2 }, { 0, PTRDIFF_MAX, 3 },
        { MV_OMIT, MV_OMIT, PTRDIFF_MAX }, { 0, MV_OMIT, PTRDIFF_MAX - 1 },
        { PTRDIFF_MIN + 1, MV_OMIT, 1 }, { PTRDIFF_MIN + 1, -1, 1 }, { 0, -1, PTRDIFF_MAX / 2 },
        { 0, MV_OMIT, -1 }, { 0, PTRDIFF_MIN + 1, PTRDIFF_MIN + 1 }, { 0, 0, 1 },
        { PTRDIFF_MAX, MV_OMIT, 1 }, { PTRDIFF_MIN + 1, PTRDIFF_MIN + 2, 5 },
    };
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        mvt_plan p = mvt_py_slice(PTRDIFF_MAX, cuts[i].start, cuts[i].stop, cuts[i].step);
        mv_view r;
        MVT_FILL(r);
        if (!CHECK_ST(mv_slice(v, cuts[i].start, cuts[i].stop, cuts[i].step, &r), MV_OK))
            continue;
        CHECK_EQU(mv_len(r), (size_t)p.count);
        CHECK(mv_is_valid(r));
        if (p.count >= 1) {
            CHECK(p.first == 0); /* the table only has cuts that start at item 0 */
            CHECK_PTR(mv_data(r), &byte);
        } else {
            CHECK_PTR(mv_data(r), NULL);
        }
        if (p.count >= 2)
            CHECK_EQ(mv_stride(r), (ptrdiff_t)p.step);
        else
            CHECK_EQ(mv_stride(r), 1);
    }
}

/* ------------------------------------------------------------------ sub */

static size_t offsets_for(size_t len, size_t *out)
{
    const size_t values[] = {
        0, 1, 2, len / 2, len - 1, len, len + 1, (size_t)PTRDIFF_MAX, (size_t)PTRDIFF_MAX + 1,
        SIZE_MAX - 1, SIZE_MAX,
    };
    memcpy(out, values, sizeof values);
    return sizeof values / sizeof values[0];
}

static void sub_every_boundary(void)
{
    size_t offs[16];
    for (size_t k = 0; k < N_PARENTS; k++) {
        mvt_model pm, want;
        mv_view p = make_parent(k, &pm);
        size_t n = offsets_for(pm.len, offs);
        for (size_t a = 0; a < n; a++)
            for (size_t b = 0; b < n; b++) {
                size_t off = offs[a], len = offs[b];
                mv_view r;
                MVT_FILL(r);
                /* The model's range test in 128 bits: off + len never wraps. */
                bool fits = (mvt_i128)off + (mvt_i128)len <= (mvt_i128)pm.len;
                mv_status st = mv_sub(p, off, len, &r);
                if (!fits) {
                    CHECK_ST(st, MV_ERANGE);
                    CHECK_SENTINEL(&r, sizeof r);
                    continue;
                }
                if (!CHECK_ST(st, MV_OK))
                    continue;
                mvt_model_cut(&pm, off, len, &want);
                if (!CHECK_VIEW(r, base, &want))
                    printf("  %s sub(%zu, %zu)\n", parents[k].name, off, len);
                CHECK_EQ(mv_readonly(r), parents[k].readonly);
            }
    }
}

static void sub_failures(void)
{
    uint8_t buf[4] = { 0 };
    mv_view v = mvt_from(buf, 4), dead = mvt_released(v);
    mv_view out;
    MVT_FILL(out);
    CHECK_ST(mv_sub(v, 0, 4, NULL), MV_EINVAL);
    CHECK_ST(mv_sub(dead, 0, 0, NULL), MV_EINVAL);
    CHECK_ST(mv_sub(dead, 0, 0, &out), MV_ERELEASED);
    CHECK_ST(mv_sub(dead, SIZE_MAX, 1, &out), MV_ERELEASED);
    CHECK_SENTINEL(&out, sizeof out);
    /* off + len wraps to a small number: still out of range. */
    CHECK_ST(mv_sub(v, SIZE_MAX, 2, &out), MV_ERANGE);
    CHECK_ST(mv_sub(v, 2, SIZE_MAX, &out), MV_ERANGE);
    CHECK_ST(mv_sub(v, SIZE_MAX, SIZE_MAX, &out), MV_ERANGE);
    CHECK_SENTINEL(&out, sizeof out);
}

static void sub_of_the_longest_view(void)
{
    uint8_t byte = 0;
    mv_view v, out;
    MVT_FILL(out);
    if (!CHECK_ST(mv_from_const(&byte, (size_t)PTRDIFF_MAX, &v), MV_OK))
        return;
    if (CHECK_ST(mv_sub(v, 0, (size_t)PTRDIFF_MAX, &out), MV_OK))
        CHECK_EQU(mv_len(out), (size_t)PTRDIFF_MAX);
    MVT_FILL(out);
    CHECK_ST(mv_sub(v, 1, (size_t)PTRDIFF_MAX, &out), MV_ERANGE);
    CHECK_ST(mv_sub(v, 0, (size_t)PTRDIFF_MAX + 1, &out), MV_ERANGE);
    CHECK_ST(mv_sub(v, SIZE_MAX, (size_t)PTRDIFF_MAX + 2, &out), MV_ERANGE);
    CHECK_SENTINEL(&out, sizeof out);
}

/* --------------------------------------------------------------- buffer */

/* Python 2's buffer(obj, offset, size) as a model. */
static void buffer_model(const mvt_model *m, size_t off, ptrdiff_t size, mvt_model *out)
{
    if (off >= m->len) {
        out->len = 0;
        return;
    }
    size_t rest = m->len - off;
    size_t len = (size == -1 || (mvt_i128)size > (mvt_i128)rest) ? rest : (size_t)size;
    mvt_model_cut(m, off, len, out);
}

static void buffer_every_boundary(void)
{
    size_t offs[16];
    for (size_t k = 0; k < N_PARENTS; k++) {
        mvt_model pm, want;
        mv_view p = make_parent(k, &pm);
        ptrdiff_t len = (ptrdiff_t)pm.len;
        const ptrdiff_t sizes[] = {
            -1, 0, 1, 2, len - 1, len, len + 1, PTRDIFF_MAX - 1, PTRDIFF_MAX,
        };
        size_t n = offsets_for(pm.len, offs);
        for (size_t a = 0; a < n; a++)
            for (size_t b = 0; b < sizeof sizes / sizeof sizes[0]; b++) {
                if (sizes[b] < -1)
                    continue; /* len - 1 of an empty parent */
                mv_view r;
                MVT_FILL(r);
                if (!CHECK_ST(mv_buffer(p, offs[a], sizes[b], &r), MV_OK))
                    continue;
                buffer_model(&pm, offs[a], sizes[b], &want);
                if (!CHECK_VIEW(r, base, &want))
                    printf("  buffer(%s, %zu, %td)\n", parents[k].name, offs[a], sizes[b]);
                CHECK(mv_readonly(r));
            }
    }
}

static void buffer_failures(void)
{
    uint8_t buf[4] = { 0 };
    mv_view v = mvt_from(buf, 4), dead = mvt_released(v);
    mv_view out;
    MVT_FILL(out);
    const ptrdiff_t bad_sizes[] = { -2, -3, PTRDIFF_MIN + 1, PTRDIFF_MIN };
    for (size_t i = 0; i < sizeof bad_sizes / sizeof bad_sizes[0]; i++) {
        CHECK_ST(mv_buffer(v, 0, bad_sizes[i], &out), MV_EINVAL);
        CHECK_ST(mv_buffer(v, SIZE_MAX, bad_sizes[i], &out), MV_EINVAL);
        /* Released comes before the size. */
        CHECK_ST(mv_buffer(dead, 0, bad_sizes[i], &out), MV_ERELEASED);
    }
    CHECK_ST(mv_buffer(dead, 0, -1, &out), MV_ERELEASED);
    CHECK_SENTINEL(&out, sizeof out);
    CHECK_ST(mv_buffer(v, 0, -1, NULL), MV_EINVAL);
    CHECK_ST(mv_buffer(dead, 0, -2, NULL), MV_EINVAL);
}

static void buffer_is_read_only(void)
{
    uint8_t buf[4] = { 1, 2, 3, 4 };
    mv_view v = mvt_from(buf, 4), t;
    if (!CHECK_ST(mv_buffer(v, 1, 2, &t), MV_OK))
        return;
    CHECK(mv_readonly(t));
    CHECK_ST(mv_set(t, 0, 9), MV_EREADONLY);
    CHECK_ST(mv_fill(t, 9), MV_EREADONLY);
    uint8_t want[4] = { 1, 2, 3, 4 };
    CHECK_MEM(buf, want, 4);
}

/* -------------------------------------------------------------- advance */

static void advance_every_boundary(void)
{
    size_t offs[16];
    for (size_t k = 0; k < N_PARENTS; k++) {
        mvt_model pm, want;
        mv_view p = make_parent(k, &pm);
        size_t n = offsets_for(pm.len, offs);
        for (size_t a = 0; a < n; a++) {
            mv_view r;
            MVT_COPY(r, p);
            mv_status st = mv_advance(&r, offs[a]);
            if (offs[a] > pm.len) {
                CHECK_ST(st, MV_ERANGE);
                CHECK_UNCHANGED_VIEW(r, p);
                continue;
            }
            if (!CHECK_ST(st, MV_OK))
                continue;
            mvt_model_cut(&pm, offs[a], pm.len - offs[a], &want);
            if (!CHECK_VIEW(r, base, &want))
                printf("  advance(%s, %zu)\n", parents[k].name, offs[a]);
            CHECK_EQ(mv_readonly(r), parents[k].readonly);
        }
    }
}

static void advance_failures(void)
{
    uint8_t buf[4] = { 0 };
    mv_view v = mvt_from(buf, 4), dead = mvt_released(v), before;
    MVT_COPY(before, dead);
    CHECK_ST(mv_advance(NULL, 0), MV_EINVAL);
    CHECK_ST(mv_advance(&dead, 0), MV_ERELEASED);
    CHECK_ST(mv_advance(&dead, 5), MV_ERELEASED);
    CHECK_UNCHANGED_VIEW(dead, before);
}

/* The receive loop of the seed: view = view[n:] until empty. */
static void advance_to_the_end_in_steps(void)
{
    static uint8_t buf[1000];
    mv_view v = mvt_from(buf, sizeof buf);
    size_t steps = 0;
    while (mv_len(v) > 0) {
        size_t n = mv_len(v) < 7 ? mv_len(v) : 7;
        if (!CHECK_ST(mv_advance(&v, n), MV_OK))
            return;
        steps++;
        if (mv_len(v) > 0)
            CHECK_PTR(mv_data(v), buf + 7 * steps);
    }
    CHECK_EQU(steps, 143);
    CHECK_PTR(mv_data(v), NULL);
    CHECK_ST(mv_advance(&v, 0), MV_OK);
    CHECK_ST(mv_advance(&v, 1), MV_ERANGE);
}

/* ---------------------------------------------------------------- split */

static void split_every_boundary(void)
{
    size_t offs[16];
    for (size_t k = 0; k < N_PARENTS; k++) {
        mvt_model pm, want_head, want_tail;
        mv_view p = make_parent(k, &pm);
        size_t n = offsets_for(pm.len, offs);
        for (size_t a = 0; a < n; a++) {
            mv_view head, tail;
            MVT_FILL(head);
            MVT_FILL(tail);
            mv_status st = mv_split(p, offs[a], &head, &tail);
            if (offs[a] > pm.len) {
                CHECK_ST(st, MV_ERANGE);
                CHECK_SENTINEL(&head, sizeof head);
                CHECK_SENTINEL(&tail, sizeof tail);
                continue;
            }
            if (!CHECK_ST(st, MV_OK))
                continue;
            mvt_model_cut(&pm, 0, offs[a], &want_head);
            mvt_model_cut(&pm, offs[a], pm.len - offs[a], &want_tail);
            if (!CHECK_VIEW(head, base, &want_head) || !CHECK_VIEW(tail, base, &want_tail))
                printf("  split(%s, %zu)\n", parents[k].name, offs[a]);
            CHECK_EQ(mv_readonly(head), parents[k].readonly);
            CHECK_EQ(mv_readonly(tail), parents[k].readonly);
        }
    }
}

static void split_failures(void)
{
    uint8_t buf[4] = { 0 };
    mv_view v = mvt_from(buf, 4), dead = mvt_released(v);
    mv_view head, tail;
    MVT_FILL(head);
    MVT_FILL(tail);
    CHECK_ST(mv_split(v, 2, NULL, &tail), MV_EINVAL);
    CHECK_ST(mv_split(v, 2, &head, NULL), MV_EINVAL);
    CHECK_ST(mv_split(v, 2, NULL, NULL), MV_EINVAL);
    CHECK_ST(mv_split(v, 2, &head, &head), MV_EINVAL);
    /* The out-pointers are checked before the view and the position. */
    CHECK_ST(mv_split(dead, 9, &head, &head), MV_EINVAL);
    CHECK_ST(mv_split(dead, 9, NULL, &tail), MV_EINVAL);
    CHECK_ST(mv_split(dead, 0, &head, &tail), MV_ERELEASED);
    CHECK_ST(mv_split(dead, 9, &head, &tail), MV_ERELEASED);
    CHECK_ST(mv_split(v, SIZE_MAX, &head, &tail), MV_ERANGE);
    CHECK_SENTINEL(&head, sizeof head);
    CHECK_SENTINEL(&tail, sizeof tail);
}

/* ----------------------------------------------------------- toreadonly */

static void toreadonly_keeps_the_shape(void)
{
    for (size_t k = 0; k < N_PARENTS; k++) {
        mvt_model pm;
        mv_view p = make_parent(k, &pm), r;
        MVT_FILL(r);
        if (!CHECK_ST(mv_toreadonly(p, &r), MV_OK))
            continue;
        CHECK_VIEW(r, base, &pm);
        CHECK(mv_readonly(r));
        CHECK_EQ(mv_readonly(p), parents[k].readonly); /* the source is a value: unchanged */
        mv_view again;
        if (CHECK_ST(mv_toreadonly(r, &again), MV_OK))
            CHECK_VIEW(again, base, &pm);
        if (pm.len > 0) {
            CHECK_ST(mv_set(r, 0, 1), MV_EREADONLY);
            CHECK_EQ(base[pm.idx[0]], (uint8_t)(pm.idx[0] * 7 + 3));
        }
    }
}

static void toreadonly_failures(void)
{
    uint8_t buf[4] = { 0 };
    mv_view v = mvt_from(buf, 4), dead = mvt_released(v), out;
    MVT_FILL(out);
    CHECK_ST(mv_toreadonly(v, NULL), MV_EINVAL);
    CHECK_ST(mv_toreadonly(dead, NULL), MV_EINVAL);
    CHECK_ST(mv_toreadonly(dead, &out), MV_ERELEASED);
    CHECK_SENTINEL(&out, sizeof out);
}

/* -------------------------------------------------------------- release */

static void release_is_idempotent_and_local(void)
{
    uint8_t buf[4] = { 1, 2, 3, 4 };
    mv_view v = mvt_from(buf, 4), copy = v;
    CHECK_ST(mv_release(NULL), MV_EINVAL);
    CHECK_ST(mv_release(&v), MV_OK);
    CHECK_ST(mv_release(&v), MV_OK);
    CHECK(mv_is_valid(v));
    CHECK_EQU(mv_len(v), 0);
    CHECK_PTR(mv_data(v), NULL);
    /* A copy made before is a separate value and still works. */
    CHECK_EQU(mv_len(copy), 4);
    uint8_t got = 0;
    CHECK_ST(mv_get(copy, 3, &got), MV_OK);
    CHECK_EQ(got, 4);
    /* Views cut from the released one cannot be made. */
    mv_view out;
    MVT_FILL(out);
    CHECK_ST(mv_slice(v, MV_OMIT, MV_OMIT, MV_OMIT, &out), MV_ERELEASED);
    CHECK_SENTINEL(&out, sizeof out);
    /* Releasing an empty or read-only view works the same. */
    mv_view e = mvt_from(NULL, 0), r = mvt_from_const(buf, 4);
    CHECK_ST(mv_release(&e), MV_OK);
    CHECK_ST(mv_release(&r), MV_OK);
    CHECK(!mv_readonly(r));
    CHECK_ST(mv_set(r, 0, 0), MV_ERELEASED);
}

static const mvt_case cases[] = {
    MVT(slice_every_boundary_on_whole_views),
    MVT(slice_of_slices),
    MVT(slice_chains),
    MVT(slice_short_results_have_stride_1),
    MVT(slice_step_one_by_hand),
    MVT(slice_omit_is_ptrdiff_min_is_none),
    MVT(slice_failures),
    MVT(slice_of_the_longest_view),
    MVT(sub_every_boundary),
    MVT(sub_failures),
    MVT(sub_of_the_longest_view),
    MVT(buffer_every_boundary),
    MVT(buffer_failures),
    MVT(buffer_is_read_only),
    MVT(advance_every_boundary),
    MVT(advance_failures),
    MVT(advance_to_the_end_in_steps),
    MVT(split_every_boundary),
    MVT(split_failures),
    MVT(toreadonly_keeps_the_shape),
    MVT(toreadonly_failures),
    MVT(release_is_idempotent_and_local),
};

MVT_MAIN(cases)
