/*
 * test_search.c — comparing and searching: mv_equal, mv_compare,
 * mv_ct_equal, mv_index, mv_rindex, mv_count, mv_find, mv_rfind.
 *
 * The models work on plain arrays of the items (gathered through the
 * index-list model), so strided and reversed views are checked against
 * the same simple loops as contiguous ones.
 */
#include "mv_test.h"
#include "mv_model.h"
#include "mv_alloc.h"

#include <time.h>

/* The items of a view, gathered by the model from the base buffer. */
static size_t gather(const uint8_t *base, const mvt_model *m, uint8_t *out)
{
    for (size_t i = 0; i < m->len; i++)
        out[i] = base[m->idx[i]];
    return m->len;
}

/* bytes ordering, written as Python documents it. */
static int model_compare(const uint8_t *a, size_t na, const uint8_t *b, size_t nb)
{
    for (size_t i = 0; i < na && i < nb; i++)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return na < nb ? -1 : (na > nb ? 1 : 0);
}

/* ---------------------------------------------------- equal and compare */

/* Every pair of strings of length 0..3 over bytes that straddle the signed
 * boundary (0x00, 0x7F, 0x80, 0xFF), laid out forwards in one buffer and
 * backwards with stride -2 in another: content decides, never layout. */
static void compare_all_short_strings(void)
{
    static const uint8_t alphabet[] = { 0x00, 0x7F, 0x80, 0xFF };
    uint8_t strs[85][3];
    size_t lens[85], n = 0;
    for (size_t len = 0; len <= 3; len++) {
        size_t combos = 1;
        for (size_t i = 0; i < len; i++)
            combos *= 4;
        for (size_t c = 0; c < combos; c++) {
            size_t x = c;
            for (size_t i = 0; i < len; i++, x /= 4)
                strs[n][i] = alphabet[x % 4];
            lens[n++] = len;
        }
    }
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            uint8_t a[3], b[6];
            memcpy(a, strs[i], lens[i]);
            memset(b, 0x55, sizeof b); /* b holds strs[j] reversed at stride 2 */
            for (size_t k = 0; k < lens[j]; k++)
                b[2 * (lens[j] - 1 - k)] = strs[j][k];
            mv_view va = mvt_from_const(lens[i] ? a : NULL, lens[i]);
            mv_view vb = mvt_from_const(lens[j] ? b : NULL, lens[j] ? 2 * lens[j] - 1 : 0);
            vb = mvt_slice(vb, MV_OMIT, MV_OMIT, -2);
            int want = model_compare(strs[i], lens[i], strs[j], lens[j]);
            bool failed = !CHECK_EQ(mv_compare(va, vb), want);
            failed |= !CHECK_EQ(mv_equal(va, vb), want == 0);
            failed |= !CHECK_EQ(mv_ct_equal(va, vb), want == 0);
            failed |= !CHECK_EQ(mv_compare(vb, va), -want);
            if (failed)
                printf("  pair %zu, %zu\n", i, j);
        }
}

static void compare_is_exactly_minus_one_zero_one(void)
{
    uint8_t a[2] = { 0x00, 0x10 }, b[2] = { 0xFF, 0x10 };
    mv_view va = mvt_from(a, 2), vb = mvt_from(b, 2);
    CHECK_EQ(mv_compare(va, vb), -1);
    CHECK_EQ(mv_compare(vb, va), 1);
    CHECK_EQ(mv_compare(va, va), 0);
}

static void released_views_compare_as_nothing(void)
{
    uint8_t a[2] = { 1, 2 };
    mv_view v = mvt_from(a, 2), dead = mvt_released(v), e = mvt_from(NULL, 0);
    CHECK(!mv_equal(dead, dead));
    CHECK(!mv_equal(v, dead));
    CHECK(!mv_equal(dead, v));
    CHECK(!mv_equal(dead, e));
    CHECK(!mv_ct_equal(dead, dead));
    CHECK(!mv_ct_equal(v, dead));
    CHECK(!mv_ct_equal(e, dead));
    CHECK_EQ(mv_compare(dead, v), 0);
    CHECK_EQ(mv_compare(v, dead), 0);
    CHECK_EQ(mv_compare(e, dead), 0);
    /* Two empty views are equal. */
    CHECK(mv_equal(e, e));
    CHECK(mv_ct_equal(e, mvt_readonly(e)));
    CHECK_EQ(mv_compare(e, e), 0);
}

/* Random views of random buffers over a two-letter alphabet, so that long
 * common prefixes are common. */
static void compare_random_strided_views(void)
{
    uint8_t a[40], b[40], ia[40], ib[40];
    for (int round = 0; round < 20000; round++) {
        for (size_t i = 0; i < 40; i++) {
            a[i] = (uint8_t)(mvt_below(2) ? 0x80 : 0x7F);
            b[i] = (uint8_t)(mvt_below(2) ? 0x80 : 0x7F);
        }
        mvt_model whole, ma, mb;
        mvt_model_whole(&whole, 40);
        ptrdiff_t sa = (ptrdiff_t)mvt_below(7) - 3, sb = (ptrdiff_t)mvt_below(7) - 3;
        sa = sa ? sa : 1;
        sb = sb ? sb : 1;
        ptrdiff_t ta = (ptrdiff_t)mvt_below(40), tb = (ptrdiff_t)mvt_below(40);
        mvt_model_slice(&whole, ta, MV_OMIT, sa, &ma);
        mvt_model_slice(&whole, tb, MV_OMIT, sb, &mb);
        mv_view va = mvt_slice(mvt_from(a, 40), ta, MV_OMIT, sa);
        mv_view vb = mvt_slice(mvt_from(b, 40), tb, MV_OMIT, sb);
        size_t na = gather(a, &ma, ia), nb = gather(b, &mb, ib);
        int want = model_compare(ia, na, ib, nb);
        CHECK_EQ(mv_compare(va, vb), want);
        CHECK_EQ(mv_equal(va, vb), want == 0);
        CHECK_EQ(mv_ct_equal(va, vb), want == 0);
        /* Equal content through different layouts. */
        mv_view same = mvt_slice(mvt_from(ia, na), MV_OMIT, MV_OMIT, 1);
        CHECK(mv_equal(va, same));
        CHECK(mv_ct_equal(same, va));
        CHECK_EQ(mv_compare(va, same), 0);
    }
}

/* --------------------------------------------------------------- index */

/* memoryview.index(value, start, stop): slice bounds with step 1. */
static mv_status model_index(const uint8_t *items, size_t len, uint8_t value, ptrdiff_t start,
                             ptrdiff_t stop, size_t *pos)
{
    mvt_plan p = mvt_py_slice((mvt_i128)len, start, stop, 1);
    for (mvt_i128 i = p.first; i < p.first + p.count; i++)
        if (items[(size_t)i] == value) {
            *pos = (size_t)i;
            return MV_OK;
        }
    return MV_ENOTFOUND;
}

static void index_every_bound(void)
{
    /* items: 5 0 5 0 ... over a strided view, so positions are view indices */
    uint8_t buf[24];
    for (size_t i = 0; i < 24; i++)
        buf[i] = (uint8_t)(i % 4 == 0 ? 5 : (i % 4 == 2 ? 0 : 9));
    mvt_model whole, m;
    mvt_model_whole(&whole, 24);
    const struct {
        ptrdiff_t start, stop, step;
    } shapes[] = { { MV_OMIT, MV_OMIT, 2 }, { MV_OMIT, MV_OMIT, -2 }, { MV_OMIT, MV_OMIT, 1 },
                   { 3, 4, 1 }, { 3, 3, 1 } };
    for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
        mvt_model_slice(&whole, shapes[k].start, shapes[k].stop, shapes[k].step, &m);
        mv_view v = mvt_slice(mvt_from(buf, 24), shapes[k].start, shapes[k].stop, shapes[k].step);
        uint8_t items[24];
        size_t n = gather(buf, &m, items);
        ptrdiff_t len = (ptrdiff_t)n;
        const ptrdiff_t bounds[] = {
            MV_OMIT, PTRDIFF_MIN + 1, -len - 1, -len, -len + 1, -3, -1, 0, 1, 2, 3, len - 1, len,
            len + 1, PTRDIFF_MAX,
        };
        const uint8_t values[] = { 5, 0, 9, 1 };
        for (size_t a = 0; a < sizeof bounds / sizeof bounds[0]; a++)
            for (size_t b = 0; b < sizeof bounds / sizeof bounds[0]; b++)
                for (size_t x = 0; x < sizeof values / sizeof values[0]; x++) {
                    size_t want = 0, got;
                    memset(&got, MVT_SENTINEL, sizeof got);
                    mv_status st_want = model_index(items, n, values[x], bounds[a], bounds[b], &want);
                    mv_status st = mv_index(v, values[x], bounds[a], bounds[b], &got);
                    bool ok = CHECK_ST(st, st_want);
                    if (ok && st == MV_OK)
                        ok = CHECK_EQU(got, want);
                    else if (ok)
                        ok = CHECK_SENTINEL(&got, sizeof got);
                    if (!ok)
                        printf("  shape %zu index(%u, %td, %td)\n", k, values[x], bounds[a], bounds[b]);
                }
    }
}

static void index_failures(void)
{
    uint8_t buf[3] = { 1, 2, 3 };
    mv_view v = mvt_from(buf, 3), dead = mvt_released(v);
    size_t pos;
    memset(&pos, MVT_SENTINEL, sizeof pos);
    CHECK_ST(mv_index(v, 1, MV_OMIT, MV_OMIT, NULL), MV_EINVAL);
    CHECK_ST(mv_index(dead, 1, MV_OMIT, MV_OMIT, NULL), MV_EINVAL);
    CHECK_ST(mv_index(dead, 1, MV_OMIT, MV_OMIT, &pos), MV_ERELEASED);
    CHECK_ST(mv_index(v, 4, MV_OMIT, MV_OMIT, &pos), MV_ENOTFOUND);
    CHECK_ST(mv_index(v, 1, 1, MV_OMIT, &pos), MV_ENOTFOUND);
    CHECK_ST(mv_index(v, 3, 2, 1, &pos), MV_ENOTFOUND);
    CHECK_ST(mv_index(mvt_from(NULL, 0), 0, MV_OMIT, MV_OMIT, &pos), MV_ENOTFOUND);
    CHECK_SENTINEL(&pos, sizeof pos);
    /* Values above 127 are bytes like any other. */
    uint8_t hi[3] = { 0x7F, 0xFF, 0x80 };
    if (CHECK_ST(mv_index(mvt_from(hi, 3), 0x80, MV_OMIT, MV_OMIT, &pos), MV_OK))
        CHECK_EQU(pos, 2);
}

/* --------------------------------------------------------------- count */

static void count_every_shape(void)
{
    uint8_t buf[30];
    for (size_t i = 0; i < 30; i++)
        buf[i] = (uint8_t)(i % 3 == 0 ? 0xFF : i % 5);
    mvt_model whole, m;
    mvt_model_whole(&whole, 30);
    const ptrdiff_t steps[] = { 1, -1, 2, -2, 3, -3, 7, -29, PTRDIFF_MAX };
    for (size_t s = 0; s < sizeof steps / sizeof steps[0]; s++)
        for (ptrdiff_t start = -31; start <= 30; start++) {
            mvt_model_slice(&whole, start, MV_OMIT, steps[s], &m);
            mv_view v = mvt_slice(mvt_from(buf, 30), start, MV_OMIT, steps[s]);
            for (unsigned value = 0; value < 256; value += (value < 6 ? 1 : 249)) {
                size_t want = 0;
                for (size_t i = 0; i < m.len; i++)
                    want += buf[m.idx[i]] == value;
                if (!CHECK_EQU(mv_count(v, (uint8_t)value), want))
                    printf("  [%td::%td] count(%u)\n", start, steps[s], value);
            }
        }
}

static void count_of_empty_and_released(void)
{
    uint8_t buf[3] = { 0, 0, 0 };
    mv_view v = mvt_from(buf, 3);
    CHECK_EQU(mv_count(v, 0), 3);
    CHECK_EQU(mv_count(mvt_released(v), 0), 0);
    CHECK_EQU(mv_count(mvt_from(NULL, 0), 0), 0);
}

/* ---------------------------------------------------------------- find */

static mv_status model_find(const uint8_t *h, size_t nh, const uint8_t *n, size_t nn, size_t *pos)
{
    for (size_t k = 0; k + nn <= nh; k++)
        if (nn == 0 || memcmp(h + k, n, nn) == 0) {
            *pos = k;
            return MV_OK;
        }
    return MV_ENOTFOUND;
}

/* Random haystacks and needles over a two-letter alphabet (partial matches
 * everywhere), as strided and reversed views, cut from one buffer so that
 * needle and haystack may overlap too. */
static void find_random_strided_views(void)
{
    uint8_t buf[32], ih[32], in[32];
    mvt_model whole, mh, mn;
    mvt_model_whole(&whole, 32);
    for (int round = 0; round < 30000; round++) {
        for (size_t i = 0; i < 32; i++)
            buf[i] = (uint8_t)('a' + mvt_below(2));
        ptrdiff_t sh = (ptrdiff_t)mvt_below(5) - 2, sn = (ptrdiff_t)mvt_below(5) - 2;
        sh = sh ? sh : 1;
        sn = sn ? sn : -1;
        ptrdiff_t th = (ptrdiff_t)mvt_below(32), tn = (ptrdiff_t)mvt_below(32);
        ptrdiff_t un = tn + (sn > 0 ? 1 : -1) * (ptrdiff_t)mvt_below(5); /* short needles */
        mvt_model_slice(&whole, th, MV_OMIT, sh, &mh);
        mvt_model_slice(&whole, tn, un, sn, &mn);
        mv_view v = mvt_from(buf, 32);
        mv_view hay = mvt_slice(v, th, MV_OMIT, sh), needle = mvt_slice(v, tn, un, sn);
        size_t nh = gather(buf, &mh, ih), nn = gather(buf, &mn, in);
        size_t want = 0, got;
        memset(&got, MVT_SENTINEL, sizeof got);
        mv_status st_want = model_find(ih, nh, in, nn, &want);
        mv_status st = mv_find(hay, needle, &got);
        bool ok = CHECK_ST(st, st_want);
        if (ok && st == MV_OK)
            ok = CHECK_EQU(got, want);
        else if (ok)
            ok = CHECK_SENTINEL(&got, sizeof got);
        if (!ok)
            printf("  hay [%td::%td] needle [%td:%td:%td]\n", th, sh, tn, un, sn);
    }
}

static void find_edges(void)
{
    const uint8_t hay[] = "aaab", nb[] = "aab", nx[] = "abb";
    mv_view h = mvt_from_const(hay, 4), e = mvt_from(NULL, 0);
    size_t pos;
    if (CHECK_ST(mv_find(h, mvt_from_const(nb, 3), &pos), MV_OK))
        CHECK_EQU(pos, 1);
    if (CHECK_ST(mv_find(h, h, &pos), MV_OK))  /* a view contains itself at 0 */
        CHECK_EQU(pos, 0);
    if (CHECK_ST(mv_find(h, mvt_from_const(hay + 3, 1), &pos), MV_OK)) /* at the very end */
        CHECK_EQU(pos, 3);
    /* The empty needle is found at 0, in an empty haystack too. */
    if (CHECK_ST(mv_find(h, e, &pos), MV_OK))
        CHECK_EQU(pos, 0);
    if (CHECK_ST(mv_find(e, e, &pos), MV_OK))
        CHECK_EQU(pos, 0);
    memset(&pos, MVT_SENTINEL, sizeof pos);
    CHECK_ST(mv_find(h, mvt_from_const(nx, 3), &pos), MV_ENOTFOUND);
    CHECK_ST(mv_find(mvt_from_const(nb, 3), h, &pos), MV_ENOTFOUND); /* needle longer */
    CHECK_ST(mv_find(e, mvt_from_const(nb, 1), &pos), MV_ENOTFOUND);
    CHECK_SENTINEL(&pos, sizeof pos);
}

static void find_failures(void)
{
    const uint8_t hay[] = "abc";
    mv_view h = mvt_from_const(hay, 3), dead = mvt_released(h);
    size_t pos;
    memset(&pos, MVT_SENTINEL, sizeof pos);
    CHECK_ST(mv_find(h, h, NULL), MV_EINVAL);
    CHECK_ST(mv_find(dead, h, NULL), MV_EINVAL);
    CHECK_ST(mv_find(dead, h, &pos), MV_ERELEASED);
    CHECK_ST(mv_find(h, dead, &pos), MV_ERELEASED);
    CHECK_ST(mv_find(dead, dead, &pos), MV_ERELEASED);
    CHECK_ST(mv_find(mvt_from(NULL, 0), dead, &pos), MV_ERELEASED);
    CHECK_SENTINEL(&pos, sizeof pos);
}

/* ------------------------------------------------ fast paths and blocks */

/* Lengths around the fast paths' block sizes (mv_ct_equal's 256 bytes,
 * mv_count's 128) and their tails. */
static const size_t fast_lens[] = { 1,   2,   15,  16,  17,  63,  64,   65,   127,  128, 129,
                                    255, 256, 257, 383, 384, 385, 511,  512,  513,  1000, 4133 };
#define FAST_MAX 4133

/* n items as a contiguous view of `flat` and as a stride-2 view of `wide`
 * (item i at wide[2 * i]; the bytes between hold noise), the same items. */
static void fast_layouts(const uint8_t *items, size_t n, uint8_t *flat, uint8_t *wide,
                         mv_view *contig, mv_view *strided)
{
    for (size_t i = 0; i < n; i++) {
        flat[i] = items[i];
        wide[2 * i] = items[i];
        wide[2 * i + 1] = (uint8_t)mvt_rand();
    }
    *contig = mvt_from(flat, n);
    *strided = mvt_slice(mvt_from(wide, 2 * n), MV_OMIT, MV_OMIT, 2);
}

/* Differences at the first and last byte, at the first byte after the last
 * whole block (the tail), in the middle, across the signed boundary
 * (0x7F against 0x80), and lengths one shorter: every layout pair
 * (contiguous and stride 2, in both roles) agrees with the model. */
static void fast_compare_blocks_and_tails(void)
{
    static uint8_t x[FAST_MAX], y[FAST_MAX];
    static uint8_t fx[FAST_MAX], wx[2 * FAST_MAX], fy[FAST_MAX], wy[2 * FAST_MAX];
    for (size_t l = 0; l < sizeof fast_lens / sizeof fast_lens[0]; l++) {
        size_t n = fast_lens[l];
        const size_t spots[] = { 0, n - 1, n / 256 * 256, n / 128 * 128, n / 2 };
        for (size_t s = 0; s <= sizeof spots / sizeof spots[0]; s++) {
            for (int flip = 0; flip < 2; flip++) {
                for (size_t i = 0; i < n; i++)
                    x[i] = y[i] = (uint8_t)(mvt_below(2) ? 0x80 : 0x7F);
                if (s < sizeof spots / sizeof spots[0] && spots[s] < n)
                    y[spots[s]] = x[spots[s]] == 0x80 ? 0x7F : 0x80;
                size_t ny = n - (size_t)flip; /* flip: y is one item shorter */
                int want = model_compare(x, n, y, ny);
                mv_view cx, sx, cy, sy;
                fast_layouts(x, n, fx, wx, &cx, &sx);
                fast_layouts(y, ny, fy, wy, &cy, &sy);
                const mv_view as[] = { cx, sx, cx, sx }, bs[] = { cy, sy, sy, cy };
                for (size_t k = 0; k < 4; k++) {
                    bool ok = CHECK_EQ(mv_compare(as[k], bs[k]), want);
                    ok = CHECK_EQ(mv_compare(bs[k], as[k]), -want) && ok;
                    ok = CHECK_EQ(mv_equal(as[k], bs[k]), want == 0) && ok;
                    ok = CHECK_EQ(mv_ct_equal(as[k], bs[k]), want == 0) && ok;
                    ok = CHECK_EQ(mv_ct_equal(bs[k], as[k]), want == 0) && ok;
                    if (!ok)
                        printf("  len %zu spot %zu flip %d layout %zu\n", n, s, flip, k);
                }
            }
        }
    }
}

/* Every byte value in both positions of a one-byte difference at the end
 * of a whole block and in the tail: mv_ct_equal's per-byte difference
 * (x - y) mod 256 must be 0 exactly for equal bytes. */
static void fast_ct_every_byte_pair(void)
{
    static uint8_t a[300], b[300];
    memset(a, 0x41, sizeof a);
    for (unsigned u = 0; u < 256; u++)
        for (unsigned v = 0; v < 256; v++) {
            memcpy(b, a, sizeof b);
            a[255] = (uint8_t)u;
            b[255] = (uint8_t)v;
            a[299] = (uint8_t)v;
            b[299] = (uint8_t)v;
            bool want = u == v;
            if (!CHECK_EQ(mv_ct_equal(mvt_from(a, 300), mvt_from(b, 300)), want))
                printf("  block byte %u against %u\n", u, v);
            a[255] = 0x41;
            b[255] = 0x41;
            a[299] = (uint8_t)u;
            if (!CHECK_EQ(mv_ct_equal(mvt_from(a, 300), mvt_from(b, 300)), want))
                printf("  tail byte %u against %u\n", u, v);
            a[299] = 0x41;
        }
}

/* mv_index over [lo, hi) with matches placed just outside the bounds
 * (at lo - 1 and at hi) and inside: memchr must search exactly the items
 * lo .. hi - 1.  Contiguous and stride-2 views agree with the model. */
static void fast_index_bounds(void)
{
    static uint8_t items[FAST_MAX], flat[FAST_MAX], wide[2 * FAST_MAX];
    for (size_t l = 0; l < sizeof fast_lens / sizeof fast_lens[0]; l++) {
        size_t n = fast_lens[l];
        const size_t los[] = { 0, 1, n / 2, n - 1 };
        for (size_t a = 0; a < sizeof los / sizeof los[0]; a++) {
            size_t lo = los[a];
            const size_t his[] = { lo, lo + 1, lo + 2, (lo + n) / 2 + 1, n - 1, n };
            for (size_t b = 0; b < sizeof his / sizeof his[0]; b++) {
                size_t hi = his[b] > n ? n : his[b];
                for (int inside = 0; inside < 3; inside++) {
                    for (size_t i = 0; i < n; i++)
                        items[i] = (uint8_t)(1 + mvt_below(200)); /* never 0 or 0xFF */
                    uint8_t value = inside == 2 ? 0xFF : 0;
                    if (lo >= 1)
                        items[lo - 1] = value;
                    if (hi < n)
                        items[hi] = value;
                    if (inside && hi > lo)
                        items[hi - 1] = value;
                    mv_view c, s;
                    fast_layouts(items, n, flat, wide, &c, &s);
                    size_t want = 0;
                    mv_status st_want =
                        model_index(items, n, value, (ptrdiff_t)lo, (ptrdiff_t)hi, &want);
                    const mv_view vs[] = { c, s };
                    for (size_t k = 0; k < 2; k++) {
                        size_t got;
                        memset(&got, MVT_SENTINEL, sizeof got);
                        mv_status st = mv_index(vs[k], value, (ptrdiff_t)lo, (ptrdiff_t)hi, &got);
                        bool ok = CHECK_ST(st, st_want);
                        if (ok && st == MV_OK)
                            ok = CHECK_EQU(got, want);
                        else if (ok)
                            ok = CHECK_SENTINEL(&got, sizeof got);
                        if (!ok)
                            printf("  len %zu [%zu, %zu) value %u layout %zu\n", n, lo, hi, value, k);
                    }
                }
            }
        }
    }
}

/* mv_count over whole blocks and tails: sparse, dense and all-equal
 * items (a block of 128 matches is the most one block counts). */
static void fast_count_blocks(void)
{
    static uint8_t items[FAST_MAX], flat[FAST_MAX], wide[2 * FAST_MAX];
    for (size_t l = 0; l < sizeof fast_lens / sizeof fast_lens[0]; l++) {
        size_t n = fast_lens[l];
        for (unsigned density = 0; density < 4; density++) {
            for (size_t i = 0; i < n; i++)
                items[i] = density == 3 ? 0x80 : (uint8_t)(mvt_below(1u + 8 * density) ? 0x7F : 0x80);
            mv_view c, s;
            fast_layouts(items, n, flat, wide, &c, &s);
            const uint8_t values[] = { 0x80, 0x7F, 0 };
            for (size_t x = 0; x < sizeof values / sizeof values[0]; x++) {
                size_t want = 0;
                for (size_t i = 0; i < n; i++)
                    want += items[i] == values[x];
                bool ok = CHECK_EQU(mv_count(c, values[x]), want);
                ok = CHECK_EQU(mv_count(s, values[x]), want) && ok;
                if (!ok)
                    printf("  len %zu density %u count(%u)\n", n, density, values[x]);
            }
        }
    }
}

/* The needle's items, gathered into bytes: a strided or reversed needle
 * is searched for by content. */
static size_t find_naive_views(mv_view hay, mv_view needle, mv_status *st)
{
    size_t nh = mv_len(hay), nn = mv_len(needle), pos = 0;
    uint8_t *h = malloc(nh ? nh : 1), *n = malloc(nn ? nn : 1);
    for (size_t i = 0; i < nh; i++)
        if (mv_get(hay, (ptrdiff_t)i, &h[i]) != MV_OK)
            abort();
    for (size_t i = 0; i < nn; i++)
        if (mv_get(needle, (ptrdiff_t)i, &n[i]) != MV_OK)
            abort();
    *st = model_find(h, nh, n, nn, &pos);
    free(h);
    free(n);
    return pos;
}

/* mv_find against the naive model on the given views; *pos checked
 * untouched on failure. */
static bool find_agrees(mv_view hay, mv_view needle)
{
    mv_status want_st;
    size_t want = find_naive_views(hay, needle, &want_st), got;
    memset(&got, MVT_SENTINEL, sizeof got);
    mv_status st = mv_find(hay, needle, &got);
    bool ok = CHECK_ST(st, want_st);
    if (ok && st == MV_OK)
        ok = CHECK_EQU(got, want);
    else if (ok)
        ok = CHECK_SENTINEL(&got, sizeof got);
    return ok;
}

static double find_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The naive search's worst case: a^(k-1) b in a^(n-1) b, n = 1 MiB.  Found
 * at n - k, as CPython's (b'a' * (n - 1) + b'b').find(b'a' * (k - 1) + b'b')
 * says; a^(k-1) c is found nowhere.  The naive loop made about n * k
 * comparisons (10 s for k = 16 Ki); each search must now take well under
 * a second, even under the sanitizers and on a busy machine.  Contiguous
 * (memchr path), every other byte (stride 2) and reversed haystacks. */
static void find_adversarial_is_linear(void)
{
    const size_t n = (size_t)1 << 20;
    const size_t ks[] = { 1, 2, 255, 256, 257, 1024, 16384 };
    uint8_t *buf = malloc(2 * n), *nb = malloc(16384);
    if (!CHECK(buf != NULL && nb != NULL))
        return;
    for (size_t s = 0; s < 3; s++) {
        /* hay: a^(n-1) b, laid out with stride 1, 2 or -1 */
        memset(buf, 'a', 2 * n);
        mv_view hay;
        if (s == 0) {
            buf[n - 1] = 'b';
            hay = mvt_from_const(buf, n);
        } else if (s == 1) {
            for (size_t i = 1; i < 2 * n; i += 2)
                buf[i] = 'x';
            buf[2 * (n - 1)] = 'b';
            hay = mvt_slice(mvt_from_const(buf, 2 * n), 0, MV_OMIT, 2);
        } else {
            buf[0] = 'b';
            hay = mvt_slice(mvt_from_const(buf, n), MV_OMIT, MV_OMIT, -1);
        }
        CHECK_EQU(mv_len(hay), n);
        for (size_t i = 0; i < sizeof ks / sizeof ks[0]; i++) {
            size_t k = ks[i], pos;
            memset(nb, 'a', k);
            nb[k - 1] = 'b';
            double t0 = find_seconds();
            if (CHECK_ST(mv_find(hay, mvt_from_const(nb, k), &pos), MV_OK))
                CHECK_EQU(pos, n - k);
            nb[k - 1] = 'c';
            memset(&pos, MVT_SENTINEL, sizeof pos);
            CHECK_ST(mv_find(hay, mvt_from_const(nb, k), &pos), MV_ENOTFOUND);
            CHECK_SENTINEL(&pos, sizeof pos);
            double dt = find_seconds() - t0;
            if (!CHECK(dt < 1.0))
                printf("  stride case %zu, k = %zu: %.3f s\n", s, k, dt);
        }
    }
    free(buf);
    free(nb);
}

/* Needles at the very start and the very end of hay, short and longer than
 * the stack table (MV_FIND_STACK), for every stride combination. */
static void find_at_both_ends(void)
{
    const size_t ms[] = { 1, 2, 3, 255, 256, 257, 600 };
    const ptrdiff_t steps[] = { 1, 2, -1, -3 };
    enum { N = 2000 };
    static uint8_t hb[3 * N], nbuf[3 * 600];
    for (size_t si = 0; si < 4; si++)
        for (size_t ni = 0; ni < 4; ni++)
            for (size_t mi = 0; mi < sizeof ms / sizeof ms[0]; mi++) {
                size_t m = ms[mi];
                ptrdiff_t sh = steps[si], sn = steps[ni];
                size_t ah = (size_t)(sh < 0 ? -sh : sh), an = (size_t)(sn < 0 ? -sn : sn);
                for (size_t i = 0; i < sizeof hb; i++)
                    hb[i] = (uint8_t)('a' + mvt_below(2));
                mv_view hay = mvt_slice(mvt_from_const(hb, ah * N), MV_OMIT, MV_OMIT, sh);
                uint8_t items[N];
                for (size_t i = 0; i < N; i++)
                    if (mv_get(hay, (ptrdiff_t)i, &items[i]) != MV_OK)
                        abort();
                for (int end = 0; end < 2; end++) {
                    /* the needle is hay[0:m] or hay[N-m:N], copied into
                     * its own buffer with its own stride */
                    size_t at = end ? N - m : 0;
                    memset(nbuf, 0, sizeof nbuf);
                    mv_view needle = mvt_slice(mvt_from(nbuf, an * m), MV_OMIT, MV_OMIT, sn);
                    for (size_t j = 0; j < m; j++)
                        if (mv_set(needle, (ptrdiff_t)j, items[at + j]) != MV_OK)
                            abort();
                    if (!find_agrees(hay, needle))
                        printf("  strides %td/%td, m = %zu, end %d\n", sh, sn, m, end);
                    size_t pos;
                    if (CHECK_ST(mv_find(hay, needle, &pos), MV_OK))
                        CHECK(pos <= at); /* at, or an earlier occurrence */
                }
            }
}

/* Thousands of random cases over alphabets of one to three letters, with
 * periodic needles (the failure table's hard cases), contiguous haystacks
 * (the memchr path) and strided or reversed ones, against the naive model. */
static void find_random_small_alphabets(void)
{
    enum { H = 96 };
    static uint8_t hb[3 * H], nbuf[3 * 40];
    for (int round = 0; round < 20000; round++) {
        size_t letters = 1 + mvt_below(3);
        size_t nh = mvt_below(H + 1), nn = mvt_below(nh < 40 ? nh + 2 : 40);
        ptrdiff_t sh = mvt_below(2) ? 1 : ((ptrdiff_t)mvt_below(5) - 2);
        ptrdiff_t sn = mvt_below(2) ? 1 : ((ptrdiff_t)mvt_below(5) - 2);
        sh = sh ? sh : -1;
        sn = sn ? sn : 1;
        size_t ah = (size_t)(sh < 0 ? -sh : sh), an = (size_t)(sn < 0 ? -sn : sn);
        for (size_t i = 0; i < sizeof hb; i++)
            hb[i] = (uint8_t)(0x7F + mvt_below(letters)); /* 0x7F, 0x80, 0x81: both signs */
        /* a periodic needle: a random word of length p repeated, last item maybe changed */
        size_t p = 1 + mvt_below(4);
        uint8_t word[4], items[40];
        for (size_t i = 0; i < 4; i++)
            word[i] = (uint8_t)(0x7F + mvt_below(letters));
        for (size_t i = 0; i < nn; i++)
            items[i] = word[i % p];
        if (nn && mvt_below(2))
            items[nn - 1] = (uint8_t)(0x7F + mvt_below(letters));
        mv_view hay = mvt_slice(mvt_from_const(nh ? hb : NULL, ah * nh), MV_OMIT, MV_OMIT, sh);
        mv_view needle = mvt_slice(mvt_from(nn ? nbuf : NULL, an * nn), MV_OMIT, MV_OMIT, sn);
        for (size_t i = 0; i < nn; i++)
            if (mv_set(needle, (ptrdiff_t)i, items[i]) != MV_OK)
                abort();
        /* half the time, plant the needle in the haystack somewhere */
        if (nn && nn <= nh && mvt_below(2)) {
            mv_view w = mvt_slice(mvt_from(hb, ah * nh), MV_OMIT, MV_OMIT, sh);
            size_t at = mvt_below(nh - nn + 1);
            for (size_t i = 0; i < nn; i++)
                if (mv_set(w, (ptrdiff_t)(at + i), items[i]) != MV_OK)
                    abort();
        }
        if (!find_agrees(hay, needle)) {
            printf("  round %d: nh %zu nn %zu strides %td/%td\n", round, nh, nn, sh, sn);
            return;
        }
    }
}

/* Needles longer than the stack table: the table comes from the
 * allocator, exactly m * sizeof(size_t) bytes, and is given back. */
static void find_long_needles_use_the_heap(void)
{
    enum { H = 4000 };
    static uint8_t hb[H], nbuf[1500];
    for (int round = 0; round < 300; round++) {
        size_t nn = MV_FIND_STACK - 3 + mvt_below(1200), nh = nn + mvt_below(H - nn);
        size_t p = 1 + mvt_below(3);
        for (size_t i = 0; i < nh; i++)
            hb[i] = (uint8_t)(i % 97 == 96 || mvt_below(64) == 0 ? 'b' : 'a');
        for (size_t i = 0; i < nn; i++)
            nbuf[i] = (uint8_t)(i % p == p - 1 ? 'b' : 'a');
        if (mvt_below(2)) { /* plant it, maybe with its last item changed */
            size_t at = mvt_below(nh - nn + 1);
            memcpy(hb + at, nbuf, nn);
            if (mvt_below(2))
                hb[at + nn - 1] = 'c';
        }
        long live = mvt_alloc.live;
        mvt_alloc_reset();
        if (!find_agrees(mvt_from_const(hb, nh), mvt_from_const(nbuf, nn)))
            printf("  round %d: nh %zu nn %zu\n", round, nh, nn);
        /* find_agrees' model allocates twice through malloc, not mvt_malloc */
        CHECK_EQU(mvt_alloc.calls, nn > MV_FIND_STACK);
        if (nn > MV_FIND_STACK)
            CHECK_EQU(mvt_alloc.last_size, nn * sizeof(size_t));
        CHECK_EQ(mvt_alloc.live, live);
    }
}

/* A failed allocation is MV_ENOMEM and leaves *pos alone; needles that fit
 * the stack table, needles longer than hay and the empty needle never
 * allocate. */
static void find_enomem_changes_nothing(void)
{
    static uint8_t hb[1000], nb[600];
    memset(hb, 'a', sizeof hb);
    memset(nb, 'a', sizeof nb);
    size_t pos;
    mv_view hay = mvt_from_const(hb, sizeof hb);
    const size_t lens[] = { MV_FIND_STACK + 1, 600 };
    for (size_t i = 0; i < 2; i++) {
        mvt_alloc_reset();
        long live = mvt_alloc.live;
        mvt_alloc.fail_nth = 1;
        memset(&pos, MVT_SENTINEL, sizeof pos);
        CHECK_ST(mv_find(hay, mvt_from_const(nb, lens[i]), &pos), MV_ENOMEM);
        CHECK_SENTINEL(&pos, sizeof pos);
        CHECK_EQU(mvt_alloc.failed, 1);
        CHECK_EQ(mvt_alloc.live, live);
    }
    /* A strided needle of 257 items and a reversed haystack: the same. */
    mvt_alloc_reset();
    mvt_alloc.fail_all = true;
    mv_view strided = mvt_slice(mvt_from_const(nb, sizeof nb), 0, 2 * (MV_FIND_STACK + 1) - 1, 2);
    CHECK_EQU(mv_len(strided), MV_FIND_STACK + 1);
    CHECK_ST(mv_find(mvt_slice(hay, MV_OMIT, MV_OMIT, -1), strided, &pos), MV_ENOMEM);
    CHECK_SENTINEL(&pos, sizeof pos);
    CHECK_EQU(mvt_alloc.calls, 1);
    mvt_alloc_reset();
    mvt_alloc.fail_all = true;
    if (CHECK_ST(mv_find(hay, mvt_from_const(nb, MV_FIND_STACK), &pos), MV_OK))
        CHECK_EQU(pos, 0);
    if (CHECK_ST(mv_find(hay, mvt_from(NULL, 0), &pos), MV_OK))
        CHECK_EQU(pos, 0);
    memset(&pos, MVT_SENTINEL, sizeof pos);
    CHECK_ST(mv_find(mvt_from_const(hb, 500), mvt_from_const(nb, 501), &pos), MV_ENOTFOUND);
    CHECK_SENTINEL(&pos, sizeof pos);
    CHECK_EQU(mvt_alloc.calls, 0);
    mvt_alloc_reset();
}

/* An allocator that hands out a block holding *pos itself (malloc never
 * does; the test allocator can): mv_find must not build its table over
 * *pos, so it gives the block back and reports MV_ENOMEM, *pos unchanged.
 * A block elsewhere is used as any other. */
static void find_table_block_apart_from_pos(void)
{
    static uint8_t hb[1000], nb[300];
    static size_t arena[2 * 300];
    memset(hb, 'a', sizeof hb);
    memset(nb, 'a', sizeof nb);
    mv_view hay = mvt_from_const(hb, sizeof hb), needle = mvt_from_const(nb, sizeof nb);
    const size_t at[] = { 0, 1, 299 };
    for (size_t i = 0; i < 3; i++) {
        mvt_alloc_reset();
        mvt_alloc.arena = (char *)arena;
        mvt_alloc.arena_len = sizeof arena;
        mvt_alloc.give = arena;
        size_t *pos = &arena[at[i]];
        memset(pos, MVT_SENTINEL, sizeof *pos);
        CHECK_ST(mv_find(hay, needle, pos), MV_ENOMEM);
        CHECK_SENTINEL(pos, sizeof *pos);
        CHECK_EQU(mvt_alloc.given, 1);
        CHECK_EQU(mvt_alloc.arena_frees, 1);
    }
    /* *pos just past the block given: found as usual. */
    mvt_alloc_reset();
    mvt_alloc.arena = (char *)arena;
    mvt_alloc.arena_len = sizeof arena;
    mvt_alloc.give = arena;
    size_t *pos = &arena[300];
    if (CHECK_ST(mv_find(hay, needle, pos), MV_OK))
        CHECK_EQU(*pos, 0);
    CHECK_EQU(mvt_alloc.given, 1);
    CHECK_EQU(mvt_alloc.arena_frees, 1);
    mvt_alloc_reset();
    mvt_alloc.arena = NULL;
    mvt_alloc.arena_len = 0;
}

/* A needle too long for its failure table's size to fit in size_t
 * (more than SIZE_MAX / sizeof(size_t) items): MV_ENOMEM before anything
 * is read or allocated, *pos untouched.  The views claim lengths no
 * buffer has; mv_find must not touch their bytes to answer. */
static void find_table_size_overflow_is_enomem(void)
{
    static char byte;
    size_t huge = SIZE_MAX / sizeof(size_t) + 1; /* <= PTRDIFF_MAX */
    mv_view hay, needle;
    if (mv_from_const(&byte, huge, &hay) != MV_OK || mv_from_const(&byte, huge, &needle) != MV_OK)
        abort();
    size_t pos = 12345;
    mvt_alloc_reset();
    CHECK_ST(mv_find(hay, needle, &pos), MV_ENOMEM);
    CHECK_EQU(pos, 12345);
    CHECK_EQU(mvt_alloc.calls, 0);
}

/* --------------------------------------------------------------- rfind */

/* bytes.rfind: the highest k with h[k : k + nn] == n; an empty needle is
 * found at nh (CPython: b'abc'.rfind(b'') == 3). */
static mv_status model_rfind(const uint8_t *h, size_t nh, const uint8_t *n, size_t nn, size_t *pos)
{
    if (nn > nh)
        return MV_ENOTFOUND;
    for (size_t k = nh - nn + 1; k-- > 0;)
        if (nn == 0 || memcmp(h + k, n, nn) == 0) {
            *pos = k;
            return MV_OK;
        }
    return MV_ENOTFOUND;
}

/* mv_rfind against the model on views whose items are ih[nh], in[nn]. */
static bool rfind_agrees(mv_view hay, mv_view needle, const uint8_t *ih, size_t nh,
                         const uint8_t *in, size_t nn)
{
    size_t want = 0, got;
    memset(&got, MVT_SENTINEL, sizeof got);
    mv_status st_want = model_rfind(ih, nh, in, nn, &want);
    mv_status st = mv_rfind(hay, needle, &got);
    bool ok = CHECK_ST(st, st_want);
    if (ok && st == MV_OK)
        ok = CHECK_EQU(got, want);
    else if (ok)
        ok = CHECK_SENTINEL(&got, sizeof got);
    return ok;
}

/* As find_random_strided_views: a two-letter alphabet, strided and
 * reversed views of one buffer, needle and haystack possibly overlapping. */
static void rfind_random_strided_views(void)
{
    uint8_t buf[32], ih[32], in[32];
    mvt_model whole, mh, mn;
    mvt_model_whole(&whole, 32);
    for (int round = 0; round < 30000; round++) {
        for (size_t i = 0; i < 32; i++)
            buf[i] = (uint8_t)('a' + mvt_below(2));
        ptrdiff_t sh = (ptrdiff_t)mvt_below(5) - 2, sn = (ptrdiff_t)mvt_below(5) - 2;
        sh = sh ? sh : 1;
        sn = sn ? sn : -1;
        ptrdiff_t th = (ptrdiff_t)mvt_below(32), tn = (ptrdiff_t)mvt_below(32);
        ptrdiff_t un = tn + (sn > 0 ? 1 : -1) * (ptrdiff_t)mvt_below(5);
        mvt_model_slice(&whole, th, MV_OMIT, sh, &mh);
        mvt_model_slice(&whole, tn, un, sn, &mn);
        mv_view v = mvt_from(buf, 32);
        mv_view hay = mvt_slice(v, th, MV_OMIT, sh), needle = mvt_slice(v, tn, un, sn);
        size_t nh = gather(buf, &mh, ih), nn = gather(buf, &mn, in);
        if (!rfind_agrees(hay, needle, ih, nh, in, nn))
            printf("  hay [%td::%td] needle [%td:%td:%td]\n", th, sh, tn, un, sn);
    }
}

/* Contiguous haystacks and needles (the memcmp comparison), longer, over
 * three letters, the needle often cut from the haystack itself. */
static void rfind_random_contiguous(void)
{
    static uint8_t hb[300], nb[40];
    for (int round = 0; round < 5000; round++) {
        size_t nh = mvt_below(300), nn = mvt_below(40);
        for (size_t i = 0; i < nh; i++)
            hb[i] = (uint8_t)('a' + mvt_below(3));
        const uint8_t *needle = nb;
        if (nh > 0 && mvt_below(2)) {
            size_t at = mvt_below(nh);
            nn = nn > nh - at ? nh - at : nn;
            needle = hb + at;
        } else {
            for (size_t i = 0; i < nn; i++)
                nb[i] = (uint8_t)('a' + mvt_below(3));
        }
        if (!rfind_agrees(mvt_from_const(hb, nh), mvt_from_const(needle, nn), hb, nh, needle, nn))
            printf("  round %d: len(hay) %zu, len(needle) %zu\n", round, nh, nn);
    }
}

static void rfind_edges(void)
{
    const uint8_t hay[] = "abab", ab[] = "ab", nx[] = "abb";
    mv_view h = mvt_from_const(hay, 4), e = mvt_from(NULL, 0);
    /* The last of two occurrences, the whole view, a single item at each
     * end, the empty needle at len(hay), the needle longer than hay. */
    CHECK(rfind_agrees(h, mvt_from_const(ab, 2), hay, 4, ab, 2));
    CHECK(rfind_agrees(h, h, hay, 4, hay, 4));
    CHECK(rfind_agrees(h, mvt_from_const(hay, 1), hay, 4, hay, 1));
    CHECK(rfind_agrees(h, mvt_from_const(hay + 3, 1), hay, 4, hay + 3, 1));
    CHECK(rfind_agrees(h, e, hay, 4, NULL, 0));
    CHECK(rfind_agrees(e, e, NULL, 0, NULL, 0));
    CHECK(rfind_agrees(h, mvt_from_const(nx, 3), hay, 4, nx, 3));
    CHECK(rfind_agrees(mvt_from_const(nx, 3), h, nx, 3, hay, 4));
    CHECK(rfind_agrees(e, mvt_from_const(ab, 1), NULL, 0, ab, 1));
    size_t pos;
    if (CHECK_ST(mv_rfind(h, e, &pos), MV_OK)) /* CPython: b'abab'.rfind(b'') == 4 */
        CHECK_EQU(pos, 4);
}

static void rfind_failures(void)
{
    const uint8_t hay[] = "abc";
    mv_view h = mvt_from_const(hay, 3), dead = mvt_released(h);
    size_t pos;
    memset(&pos, MVT_SENTINEL, sizeof pos);
    CHECK_ST(mv_rfind(h, h, NULL), MV_EINVAL);
    CHECK_ST(mv_rfind(dead, h, NULL), MV_EINVAL);
    CHECK_ST(mv_rfind(dead, h, &pos), MV_ERELEASED);
    CHECK_ST(mv_rfind(h, dead, &pos), MV_ERELEASED);
    CHECK_ST(mv_rfind(dead, dead, &pos), MV_ERELEASED);
    CHECK_ST(mv_rfind(mvt_from(NULL, 0), dead, &pos), MV_ERELEASED);
    CHECK_ST(mv_rfind(h, mvt_from_const((const uint8_t *)"ca", 2), &pos), MV_ENOTFOUND);
    CHECK_SENTINEL(&pos, sizeof pos);
}

/* -------------------------------------------------------------- rindex */

/* bytes.rindex(value, start, stop): the last match in the slice bounds. */
static mv_status model_rindex(const uint8_t *items, size_t len, uint8_t value, ptrdiff_t start,
                              ptrdiff_t stop, size_t *pos)
{
    mvt_plan p = mvt_py_slice((mvt_i128)len, start, stop, 1);
    for (mvt_i128 i = p.first + p.count - 1; i >= p.first; i--)
        if (items[(size_t)i] == value) {
            *pos = (size_t)i;
            return MV_OK;
        }
    return MV_ENOTFOUND;
}

static void rindex_every_bound(void)
{
    uint8_t buf[24];
    for (size_t i = 0; i < 24; i++)
        buf[i] = (uint8_t)(i % 4 == 0 ? 5 : (i % 4 == 2 ? 0 : 9));
    mvt_model whole, m;
    mvt_model_whole(&whole, 24);
    const struct {
        ptrdiff_t start, stop, step;
    } shapes[] = { { MV_OMIT, MV_OMIT, 2 }, { MV_OMIT, MV_OMIT, -2 }, { MV_OMIT, MV_OMIT, 1 },
                   { MV_OMIT, MV_OMIT, -3 }, { 3, 4, 1 }, { 3, 3, 1 } };
    for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
        mvt_model_slice(&whole, shapes[k].start, shapes[k].stop, shapes[k].step, &m);
        mv_view v = mvt_slice(mvt_from(buf, 24), shapes[k].start, shapes[k].stop, shapes[k].step);
        uint8_t items[24];
        size_t n = gather(buf, &m, items);
        ptrdiff_t len = (ptrdiff_t)n;
        const ptrdiff_t bounds[] = {
            MV_OMIT, PTRDIFF_MIN + 1, -len - 1, -len, -len + 1, -3, -1, 0, 1, 2, 3, len - 1, len,
            len + 1, PTRDIFF_MAX,
        };
        const uint8_t values[] = { 5, 0, 9, 1 };
        for (size_t a = 0; a < sizeof bounds / sizeof bounds[0]; a++)
            for (size_t b = 0; b < sizeof bounds / sizeof bounds[0]; b++)
                for (size_t x = 0; x < sizeof values / sizeof values[0]; x++) {
                    size_t want = 0, got;
                    memset(&got, MVT_SENTINEL, sizeof got);
                    mv_status st_want = model_rindex(items, n, values[x], bounds[a], bounds[b], &want);
                    mv_status st = mv_rindex(v, values[x], bounds[a], bounds[b], &got);
                    bool ok = CHECK_ST(st, st_want);
                    if (ok && st == MV_OK)
                        ok = CHECK_EQU(got, want);
                    else if (ok)
                        ok = CHECK_SENTINEL(&got, sizeof got);
                    if (!ok)
                        printf("  shape %zu rindex(%u, %td, %td)\n", k, values[x], bounds[a], bounds[b]);
                }
    }
}

/* Random bytes, strides and bounds against the model. */
static void rindex_random_views(void)
{
    uint8_t buf[64], items[64];
    mvt_model whole, m;
    mvt_model_whole(&whole, 64);
    for (int round = 0; round < 20000; round++) {
        for (size_t i = 0; i < 64; i++)
            buf[i] = (uint8_t)mvt_below(4) * 0x55; /* 0x00 0x55 0xAA 0xFF */
        ptrdiff_t step = (ptrdiff_t)mvt_below(9) - 4;
        step = step ? step : 1;
        ptrdiff_t start = (ptrdiff_t)mvt_below(80) - 8;
        mvt_model_slice(&whole, start, MV_OMIT, step, &m);
        mv_view v = mvt_slice(mvt_from(buf, 64), start, MV_OMIT, step);
        size_t n = gather(buf, &m, items);
        ptrdiff_t lo = (ptrdiff_t)mvt_below(90) - 45, hi = (ptrdiff_t)mvt_below(90) - 45;
        uint8_t value = (uint8_t)(mvt_below(5) * 0x55);
        size_t want = 0, got;
        memset(&got, MVT_SENTINEL, sizeof got);
        mv_status st_want = model_rindex(items, n, value, lo, hi, &want);
        mv_status st = mv_rindex(v, value, lo, hi, &got);
        bool ok = CHECK_ST(st, st_want);
        if (ok && st == MV_OK)
            ok = CHECK_EQU(got, want);
        else if (ok)
            ok = CHECK_SENTINEL(&got, sizeof got);
        if (!ok)
            printf("  [%td::%td] rindex(%u, %td, %td)\n", start, step, value, lo, hi);
    }
}

static void rindex_failures(void)
{
    uint8_t buf[3] = { 1, 2, 3 };
    mv_view v = mvt_from(buf, 3), dead = mvt_released(v);
    size_t pos;
    memset(&pos, MVT_SENTINEL, sizeof pos);
    CHECK_ST(mv_rindex(v, 1, MV_OMIT, MV_OMIT, NULL), MV_EINVAL);
    CHECK_ST(mv_rindex(dead, 1, MV_OMIT, MV_OMIT, NULL), MV_EINVAL);
    CHECK_ST(mv_rindex(dead, 1, MV_OMIT, MV_OMIT, &pos), MV_ERELEASED);
    CHECK_ST(mv_rindex(v, 4, MV_OMIT, MV_OMIT, &pos), MV_ENOTFOUND);
    CHECK_ST(mv_rindex(v, 1, 1, MV_OMIT, &pos), MV_ENOTFOUND);
    CHECK_ST(mv_rindex(v, 3, MV_OMIT, 2, &pos), MV_ENOTFOUND);
    CHECK_ST(mv_rindex(v, 3, 2, 1, &pos), MV_ENOTFOUND);
    CHECK_ST(mv_rindex(mvt_from(NULL, 0), 0, MV_OMIT, MV_OMIT, &pos), MV_ENOTFOUND);
    CHECK_SENTINEL(&pos, sizeof pos);
    /* Values above 127 are bytes like any other; the last of two. */
    uint8_t hi[4] = { 0x80, 0x7F, 0x80, 0xFF };
    if (CHECK_ST(mv_rindex(mvt_from(hi, 4), 0x80, MV_OMIT, MV_OMIT, &pos), MV_OK))
        CHECK_EQU(pos, 2);
}

static const mvt_case cases[] = {
    MVT(find_table_size_overflow_is_enomem),
    MVT(compare_all_short_strings),
    MVT(compare_is_exactly_minus_one_zero_one),
    MVT(released_views_compare_as_nothing),
    MVT(compare_random_strided_views),
    MVT(index_every_bound),
    MVT(index_failures),
    MVT(count_every_shape),
    MVT(count_of_empty_and_released),
    MVT(fast_compare_blocks_and_tails),
    MVT(fast_ct_every_byte_pair),
    MVT(fast_index_bounds),
    MVT(fast_count_blocks),
    MVT(find_random_strided_views),
    MVT(find_edges),
    MVT(find_failures),
    MVT(find_adversarial_is_linear),
    MVT(find_at_both_ends),
    MVT(find_random_small_alphabets),
    MVT(find_long_needles_use_the_heap),
    MVT(find_enomem_changes_nothing),
    MVT(find_table_block_apart_from_pos),
    MVT(rfind_random_strided_views),
    MVT(rfind_random_contiguous),
    MVT(rfind_edges),
    MVT(rfind_failures),
    MVT(rindex_every_bound),
    MVT(rindex_random_views),
    MVT(rindex_failures),
};

MVT_MAIN(cases)
