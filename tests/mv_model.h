/*
 * mv_model.h — the reference model the unit tests compare the library with.
 *
 * A view is modelled as the list of the base buffer's indices its items
 * live at.  Slicing the model picks entries of that list with Python's
 * slice rules, written here from the language reference in exact 128-bit
 * arithmetic: a different route to the same answer than the library's
 * proven code, so that an error in one is not repeated by the other.
 */
#ifndef MV_MODEL_H
#define MV_MODEL_H

#include "mv_test.h"

/* Longest modelled view; unit tests keep their buffers below it. */
#define MVT_MODEL_MAX 1024

typedef struct mvt_model {
    size_t len;
    size_t idx[MVT_MODEL_MAX]; /* base index of item i */
} mvt_model;

/* The model of a whole buffer of n bytes. */
static inline void mvt_model_whole(mvt_model *m, size_t n)
{
    if (n > MVT_MODEL_MAX) {
        printf("model: buffer of %zu bytes is too long\n", n);
        abort();
    }
    m->len = n;
    for (size_t i = 0; i < n; i++)
        m->idx[i] = i;
}

/* Python's v[start:stop:step] on a sequence of len items (MV_OMIT is
 * None): the first index, the item count and the step, or count 0. */
typedef struct mvt_plan {
    mvt_i128 first;
    mvt_i128 count;
    mvt_i128 step;
} mvt_plan;

static inline mvt_i128 mvt_ceil_div(mvt_i128 a, mvt_i128 b)
{
    return (a + b - 1) / b; /* a >= 0, b > 0 */
}

static inline mvt_plan mvt_py_slice(mvt_i128 len, ptrdiff_t start, ptrdiff_t stop, ptrdiff_t step)
{
    mvt_plan p = { 0, 0, step == MV_OMIT ? 1 : step };
    mvt_i128 lo, hi;
    if (p.step > 0) {
        /* Bounds clamp into [0, len]. */
        lo = start == MV_OMIT ? 0 : start;
        hi = stop == MV_OMIT ? len : stop;
        if (lo < 0) lo += len;
        if (hi < 0) hi += len;
        lo = lo < 0 ? 0 : (lo > len ? len : lo);
        hi = hi < 0 ? 0 : (hi > len ? len : hi);
        p.first = lo;
        p.count = hi > lo ? mvt_ceil_div(hi - lo, p.step) : 0;
    } else {
        /* Bounds clamp into [-1, len - 1]: -1 is "before item 0". */
        lo = start == MV_OMIT ? len - 1 : start;
        hi = stop == MV_OMIT ? -1 : stop;
        if (start != MV_OMIT && lo < 0) lo += len;
        if (stop != MV_OMIT && hi < 0) hi += len;
        lo = lo < -1 ? -1 : (lo > len - 1 ? len - 1 : lo);
        hi = hi < -1 ? -1 : (hi > len - 1 ? len - 1 : hi);
        p.first = lo;
        p.count = lo > hi ? mvt_ceil_div(lo - hi, -p.step) : 0;
    }
    return p;
}

/* out = m[start:stop:step]; step != 0. */
static inline void mvt_model_slice(const mvt_model *m, ptrdiff_t start, ptrdiff_t stop,
                                   ptrdiff_t step, mvt_model *out)
{
    mvt_plan p = mvt_py_slice((mvt_i128)m->len, start, stop, step);
    size_t count = (size_t)p.count;
    size_t idx[MVT_MODEL_MAX];
    for (size_t j = 0; j < count; j++)
        idx[j] = m->idx[(size_t)(p.first + (mvt_i128)j * p.step)];
    out->len = count;
    memcpy(out->idx, idx, count * sizeof idx[0]);
}

/* out = m[off:off+len] (the caller checked the range). */
static inline void mvt_model_cut(const mvt_model *m, size_t off, size_t len, mvt_model *out)
{
    size_t idx[MVT_MODEL_MAX];
    memcpy(idx, m->idx + off, len * sizeof idx[0]);
    out->len = len;
    memcpy(out->idx, idx, len * sizeof idx[0]);
}

/* Whether view v over base is exactly model m: its length, item 0's
 * address, its stride and every item's address; the shape functions agree
 * with each other.  Prints what differs. */
static inline bool mvt_view_is(mv_view v, const uint8_t *base, const mvt_model *m,
                               const char *file, int line)
{
    bool ok = true;
    ok &= mvt_check_uint(mv_len(v), m->len, file, line, "mv_len(v)");
    ok &= mvt_check(mv_is_valid(v), file, line, "mv_is_valid(v)");
    if (!ok)
        return false;
    if (m->len == 0) {
        ok &= mvt_check_ptr(mv_data(v), NULL, file, line, "mv_data(empty view)");
        ok &= mvt_check(mv_contiguous(v), file, line, "mv_contiguous(empty view)");
        return ok;
    }
    ok &= mvt_check_ptr(mv_data(v), base + m->idx[0], file, line, "mv_data(v)");
    if (m->len >= 2) {
        ptrdiff_t want = (ptrdiff_t)m->idx[1] - (ptrdiff_t)m->idx[0];
        ok &= mvt_check_int(mv_stride(v), want, file, line, "mv_stride(v)");
        for (size_t i = 2; ok && i < m->len; i++)
            ok &= mvt_check_int((ptrdiff_t)m->idx[i] - (ptrdiff_t)m->idx[0],
                                (ptrdiff_t)i * want, file, line, "item address");
    }
    ok &= mvt_check(mv_contiguous(v) == (m->len <= 1 || mv_stride(v) == 1), file, line,
                    "mv_contiguous(v) == (len <= 1 || stride == 1)");
    return ok;
}

#define CHECK_VIEW(v, base, m) mvt_view_is((v), (base), (m), __FILE__, __LINE__)

/* Views that must exist for a test to make sense. */
static inline mv_view mvt_from(void *p, size_t n)
{
    mv_view v;
    if (mv_from(p, n, &v) != MV_OK) {
        printf("setup: mv_from(%zu bytes) failed\n", n);
        abort();
    }
    return v;
}

static inline mv_view mvt_from_const(const void *p, size_t n)
{
    mv_view v;
    if (mv_from_const(p, n, &v) != MV_OK) {
        printf("setup: mv_from_const(%zu bytes) failed\n", n);
        abort();
    }
    return v;
}

static inline mv_view mvt_slice(mv_view v, ptrdiff_t start, ptrdiff_t stop, ptrdiff_t step)
{
    mv_view r;
    if (mv_slice(v, start, stop, step, &r) != MV_OK) {
        printf("setup: mv_slice failed\n");
        abort();
    }
    return r;
}

static inline mv_view mvt_readonly(mv_view v)
{
    mv_view r;
    if (mv_toreadonly(v, &r) != MV_OK) {
        printf("setup: mv_toreadonly failed\n");
        abort();
    }
    return r;
}

static inline mv_view mvt_released(mv_view v)
{
    if (mv_release(&v) != MV_OK) {
        printf("setup: mv_release failed\n");
        abort();
    }
    return v;
}

/* buf[i] = i * 7 + 3 (mod 256): every byte of a short buffer differs from
 * its neighbours, so a wrong address reads a wrong value. */
static inline void mvt_pattern(uint8_t *buf, size_t n)
{
    for (size_t i = 0; i < n; i++)
        buf[i] = (uint8_t)(i * 7 + 3);
}

#endif /* MV_MODEL_H */
