/*
 * test_search.c — comparing and searching: mv_equal, mv_compare,
 * mv_ct_equal, mv_index, mv_count, mv_find.
 *
 * The models work on plain arrays of the items (gathered through the
 * index-list model), so strided and reversed views are checked against
 * the same simple loops as contiguous ones.
 */
#include "mv_test.h"
#include "mv_model.h"

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

static const mvt_case cases[] = {
    MVT(compare_all_short_strings),
    MVT(compare_is_exactly_minus_one_zero_one),
    MVT(released_views_compare_as_nothing),
    MVT(compare_random_strided_views),
    MVT(index_every_bound),
    MVT(index_failures),
    MVT(count_every_shape),
    MVT(count_of_empty_and_released),
    MVT(find_random_strided_views),
    MVT(find_edges),
    MVT(find_failures),
};

MVT_MAIN(cases)
