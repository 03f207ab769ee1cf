/*
 * model.h — the harnesses' reference model of a view.
 *
 * A view of a base buffer is three plain integers: the base index of item
 * 0, the number of items and the stride in bytes (item i lives at base
 * index off + i * stride), plus the read-only and released flags.  Slicing
 * follows CPython's PySlice_Unpack and PySlice_AdjustIndices, computed in
 * 128-bit arithmetic so that no bound can overflow: a route to the answer
 * that shares nothing with the library's ptrdiff_t code.
 */
#ifndef FUZZ_MODEL_H
#define FUZZ_MODEL_H

#include "decoder.h"
#include "memview.h"

__extension__ typedef __int128 fz_i128; /* exact for any size_t or ptrdiff_t sum or product used here */

typedef struct fz_view {
    fz_i128 off;    /* base index of item 0 (meaningful when len >= 1) */
    size_t len;
    fz_i128 stride; /* meaningful when len >= 2 */
    bool ro;
    bool rel;
} fz_view;

static inline fz_view fzm_whole(size_t n, bool ro)
{
    fz_view m = { 0, n, 1, ro, false };
    return m;
}

static inline fz_view fzm_released(void)
{
    fz_view m = { 0, 0, 1, true, true };
    return m;
}

/* Base index of item i (i < len). */
static inline size_t fzm_at(fz_view m, size_t i)
{
    return (size_t)(m.off + (fz_i128)i * m.stride);
}

/* CPython: one bound of a slice of len items, after PySlice_Unpack gave
 * it a value (None already replaced). */
static inline fz_i128 fzm_adjust(fz_i128 i, fz_i128 len, fz_i128 step)
{
    if (i < 0) {
        i += len;
        if (i < 0)
            i = step < 0 ? -1 : 0;
    } else if (i >= len) {
        i = step < 0 ? len - 1 : len;
    }
    return i;
}

typedef struct fzm_plan {
    fz_i128 first, count, step;
} fzm_plan;

/* v[start:stop:step] on a sequence of len items; step != 0. */
static inline fzm_plan fzm_py_slice(fz_i128 len, ptrdiff_t start, ptrdiff_t stop, ptrdiff_t step)
{
    fz_i128 st = step == MV_OMIT ? 1 : step;
    if (st < -(fz_i128)PTRDIFF_MAX)
        st = -(fz_i128)PTRDIFF_MAX;
    fz_i128 lo = start == MV_OMIT ? (st < 0 ? (fz_i128)PTRDIFF_MAX : 0) : start;
    fz_i128 hi = stop == MV_OMIT ? (st < 0 ? (fz_i128)PTRDIFF_MIN : (fz_i128)PTRDIFF_MAX) : stop;
    lo = fzm_adjust(lo, len, st);
    hi = fzm_adjust(hi, len, st);
    fzm_plan p = { lo, 0, st };
    if (st < 0 && hi < lo)
        p.count = (lo - hi - 1) / -st + 1;
    else if (st > 0 && lo < hi)
        p.count = (hi - lo - 1) / st + 1;
    return p;
}

/* m[start:stop:step] for a live view; step != 0. */
static inline fz_view fzm_slice(fz_view m, ptrdiff_t start, ptrdiff_t stop, ptrdiff_t step)
{
    fzm_plan p = fzm_py_slice((fz_i128)m.len, start, stop, step);
    fz_view r = m;
    r.len = (size_t)p.count;
    if (r.len >= 1) {
        FZ_CHECK(p.first >= 0 && p.first < (fz_i128)m.len, "model: first item outside the view");
        FZ_CHECK(p.first + (p.count - 1) * p.step >= 0 &&
                     p.first + (p.count - 1) * p.step < (fz_i128)m.len,
                 "model: last item outside the view");
        r.off = m.off + p.first * m.stride;
    }
    r.stride = r.len >= 2 ? m.stride * p.step : 1;
    return r;
}

/* m[off : off + len] (the caller checked off + len <= m.len). */
static inline fz_view fzm_cut(fz_view m, size_t off, size_t len)
{
    fz_view r = m;
    r.len = len;
    r.off = len ? m.off + (fz_i128)off * m.stride : 0;
    r.stride = len >= 2 ? m.stride : 1;
    return r;
}

static inline long long fzm_ll(fz_i128 x)
{
    return (long long)x;
}

/* The library's view v over base (n bytes) must be exactly m: its shape
 * functions, item 0's address and the stride; every item inside the base. */
static inline void fzm_expect(mv_view v, const uint8_t *base, size_t n, fz_view m, const char *what)
{
    FZ_CHECK(mv_is_valid(v), "%s: mv_is_valid false", what);
    FZ_CHECK(mv_len(v) == m.len, "%s: mv_len %zu, model %zu", what, mv_len(v), m.len);
    FZ_CHECK(mv_readonly(v) == (m.ro && !m.rel), "%s: mv_readonly %d, model %d", what,
             (int)mv_readonly(v), (int)(m.ro && !m.rel));
    if (m.rel) {
        FZ_CHECK(mv_data(v) == NULL && mv_stride(v) == 0 && !mv_contiguous(v),
                 "%s: a released view answers data %p stride %td contiguous %d", what,
                 (const void *)mv_data(v), mv_stride(v), (int)mv_contiguous(v));
        return;
    }
    if (m.len == 0) {
        FZ_CHECK(mv_data(v) == NULL && mv_contiguous(v), "%s: empty view: data %p contiguous %d",
                 what, (const void *)mv_data(v), (int)mv_contiguous(v));
        return;
    }
    FZ_CHECK(m.off >= 0 && m.off < (fz_i128)n, "%s: model item 0 outside the base", what);
    FZ_CHECK(mv_data(v) == base + (size_t)m.off, "%s: item 0 at base%+td, model %lld", what,
             mv_data(v) - base, fzm_ll(m.off));
    if (m.len >= 2) {
        fz_i128 last = m.off + (fz_i128)(m.len - 1) * m.stride;
        FZ_CHECK(last >= 0 && last < (fz_i128)n, "%s: model last item outside the base", what);
        FZ_CHECK(mv_stride(v) == (ptrdiff_t)m.stride, "%s: stride %td, model %lld", what,
                 mv_stride(v), fzm_ll(m.stride));
        FZ_CHECK(mv_contiguous(v) == (m.stride == 1), "%s: mv_contiguous %d with stride %lld",
                 what, (int)mv_contiguous(v), fzm_ll(m.stride));
    } else {
        FZ_CHECK(mv_contiguous(v), "%s: one item, not contiguous", what);
    }
}

/* Status names for reports. */
static inline const char *fz_st(mv_status s)
{
    return mv_strerror(s);
}

#define FZ_STATUS(got, want, what)                                                   \
    FZ_CHECK((got) == (want), "%s: status %d (%s), model %d (%s)", (what), (int)(got), \
             fz_st(got), (int)(want), fz_st(want))

#endif /* FUZZ_MODEL_H */
