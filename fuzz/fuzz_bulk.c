/*
 * fuzz_bulk.c — the item and bulk operations against naive loops.
 *
 * Two base buffers (each allocated at its exact size) with shadow copies,
 * and three view slots cut from them by slices with any bounds and small
 * or extreme steps (strided, reversed, read-only, released, overlapping
 * each other).  Each step runs mv_get, mv_set, mv_tobytes, mv_assign,
 * mv_fill, mv_equal, mv_ct_equal, mv_compare, mv_hex_size, mv_hex,
 * mv_index, mv_rindex, mv_count, mv_find, mv_rfind, mv_fromhex_size or
 * mv_fromhex; the expected result is computed by a
 * naive loop over the shadow copies through the integer model of each
 * view (fuzz/model.h), writes are applied to the shadows, and both bases
 * must equal their shadows after every step.  Caller buffers are
 * allocated at exactly the capacity passed and pre-filled with a
 * sentinel, so a write past the capacity or on failure is caught.
 */
#include "model.h"

#define MAX_BASE  64
#define MAX_STEPS 24
#define SLOTS     3

typedef struct state {
    uint8_t *base[2];
    uint8_t shadow[2][MAX_BASE];
    size_t n[2];
    mv_view v[SLOTS];
    fz_view m[SLOTS];
    int owner[SLOTS];
} state;

static uint8_t item(const state *s, int a, size_t i)
{
    return s->shadow[s->owner[a]][fzm_at(s->m[a], i)];
}

static void check_bases(const state *s, const char *what)
{
    for (int b = 0; b < 2; b++)
        FZ_CHECK(s->n[b] == 0 || memcmp(s->base[b], s->shadow[b], s->n[b]) == 0,
                 "%s: base %d differs from its shadow", what, b);
    for (int a = 0; a < SLOTS; a++)
        fzm_expect(s->v[a], s->base[s->owner[a]], s->n[s->owner[a]], s->m[a], what);
}

/* Slot a = base[owner][start:stop:step], maybe read-only or released. */
static void make_view(state *s, fz_in *d, int a)
{
    int owner = fz_u8(d) & 1;
    size_t n = s->n[owner];
    uint8_t how = fz_u8(d);
    mv_view v;
    mv_status st = (how & 1) ? mv_from_const(s->base[owner], n, &v) : mv_from(s->base[owner], n, &v);
    FZ_STATUS(st, MV_OK, "mv_from");
    fz_view m = fzm_whole(n, how & 1);
    if (how & 2) {
        ptrdiff_t start = fz_index(d, n), stop = fz_index(d, n), step = fz_step(d, n);
        if (step == 0)
            step = -1;
        mv_view r;
        FZ_STATUS(mv_slice(v, start, stop, step, &r), MV_OK, "mv_slice");
        v = r;
        m = fzm_slice(m, start, stop, step);
    }
    if ((how & 12) == 12) {
        FZ_STATUS(mv_release(&v), MV_OK, "mv_release");
        m = fzm_released();
    }
    s->v[a] = v;
    s->m[a] = m;
    s->owner[a] = owner;
}

static void op_get_set(state *s, fz_in *d, int a)
{
    fz_view m = s->m[a];
    ptrdiff_t index = fz_index(d, m.len);
    fz_i128 i = index < 0 ? (fz_i128)index + (fz_i128)m.len : index;
    bool in = !m.rel && i >= 0 && i < (fz_i128)m.len;
    if (fz_bool(d)) {
        uint8_t value = fz_u8(d);
        mv_status want = m.rel ? MV_ERELEASED : m.ro ? MV_EREADONLY : in ? MV_OK : MV_ERANGE;
        FZ_STATUS(mv_set(s->v[a], index, value), want, "mv_set");
        if (want == MV_OK)
            s->shadow[s->owner[a]][fzm_at(m, (size_t)i)] = value;
    } else {
        uint8_t out = 0x5A;
        mv_status want = m.rel ? MV_ERELEASED : in ? MV_OK : MV_ERANGE;
        FZ_STATUS(mv_get(s->v[a], index, &out), want, "mv_get");
        FZ_CHECK(out == (want == MV_OK ? item(s, a, (size_t)i) : 0x5A), "mv_get(%td): %u", index,
                 out);
    }
}

static void op_tobytes(state *s, fz_in *d, int a)
{
    fz_view m = s->m[a];
    size_t cap = (size_t)fz_range(d, 0, m.len + 2);
    bool null_dst = cap == 0 && fz_bool(d);
    bool null_written = fz_u8(d) == 0xFF;
    uint8_t *dst = null_dst ? NULL : malloc(cap ? cap : 1);
    if (dst)
        memset(dst, 0xA5, cap ? cap : 1);
    size_t written = 12345;
    FZ_STATUS(mv_tobytes(s->v[a], NULL, cap + 1, &written), MV_EINVAL, "mv_tobytes(NULL, cap > 0)");
    mv_status st = mv_tobytes(s->v[a], dst, cap, null_written ? NULL : &written);
    mv_status want = null_written ? MV_EINVAL : m.rel ? MV_ERELEASED : cap < m.len ? MV_ERANGE : MV_OK;
    FZ_STATUS(st, want, "mv_tobytes");
    if (st == MV_OK) {
        FZ_CHECK(written == m.len, "mv_tobytes: written %zu, len %zu", written, m.len);
        for (size_t i = 0; i < m.len; i++)
            FZ_CHECK(dst[i] == item(s, a, i), "mv_tobytes: byte %zu", i);
        for (size_t i = m.len; i < cap; i++)
            FZ_CHECK(dst[i] == 0xA5, "mv_tobytes: wrote past the items at %zu", i);
    } else {
        FZ_CHECK(written == 12345, "mv_tobytes: failure wrote *written");
        for (size_t i = 0; dst && i < cap; i++)
            FZ_CHECK(dst[i] == 0xA5, "mv_tobytes: failure wrote dst[%zu]", i);
    }
    free(dst);
}

static void op_assign(state *s, int a, int b)
{
    fz_view md = s->m[a], ms = s->m[b];
    mv_status want = (md.rel || ms.rel) ? MV_ERELEASED
                     : md.ro            ? MV_EREADONLY
                     : md.len != ms.len ? MV_EINVAL
                                        : MV_OK;
    FZ_STATUS(mv_assign(s->v[a], s->v[b]), want, "mv_assign");
    if (want != MV_OK)
        return;
    uint8_t tmp[MAX_BASE];
    for (size_t i = 0; i < ms.len; i++)
        tmp[i] = item(s, b, i);
    for (size_t i = 0; i < md.len; i++)
        s->shadow[s->owner[a]][fzm_at(md, i)] = tmp[i];
}

/* dst[:] = dst[::-1] (or another step over the same items): the most
 * overlapping assignment there is. */
static void op_assign_self(state *s, fz_in *d, int a)
{
    if (s->m[a].rel)
        return;
    ptrdiff_t step = fz_bool(d) ? -1 : 1;
    mv_view r;
    FZ_STATUS(mv_slice(s->v[a], MV_OMIT, MV_OMIT, step, &r), MV_OK, "mv_slice");
    int b = (a + 1) % SLOTS;
    s->v[b] = r;
    s->m[b] = fzm_slice(s->m[a], MV_OMIT, MV_OMIT, step);
    s->owner[b] = s->owner[a];
    op_assign(s, a, b);
}

/* Two views of the same base with the same length, each from its own start
 * with its own small step: shifted copies in both directions with equal
 * strides, and crossing ones with different strides. */
static void op_assign_overlap(state *s, fz_in *d, int a)
{
    int owner = fz_u8(d) & 1, b = (a + 1) % SLOTS;
    size_t n = s->n[owner];
    if (n == 0)
        return;
    size_t len = (size_t)fz_range(d, 1, n);
    mv_view whole;
    FZ_STATUS(mv_from(s->base[owner], n, &whole), MV_OK, "mv_from");
    int slot[2] = { a, b };
    for (int k = 0; k < 2; k++) {
        ptrdiff_t step = (ptrdiff_t)fz_range(d, 1, 3) * (fz_bool(d) ? -1 : 1);
        ptrdiff_t start = (ptrdiff_t)fz_range(d, 0, n - 1);
        ptrdiff_t stop = start + (ptrdiff_t)len * step; /* |..| < 4 * MAX_BASE */
        if (stop < 0)
            stop = MV_OMIT; /* past the front: None, not a count from the end */
        mv_view r;
        FZ_STATUS(mv_slice(whole, start, stop, step, &r), MV_OK, "mv_slice");
        s->v[slot[k]] = r;
        s->m[slot[k]] = fzm_slice(fzm_whole(n, false), start, stop, step);
        s->owner[slot[k]] = owner;
    }
    op_assign(s, a, b);
}

static void op_fill(state *s, fz_in *d, int a)
{
    fz_view m = s->m[a];
    uint8_t value = fz_u8(d);
    mv_status want = m.rel ? MV_ERELEASED : m.ro ? MV_EREADONLY : MV_OK;
    FZ_STATUS(mv_fill(s->v[a], value), want, "mv_fill");
    if (want == MV_OK)
        for (size_t i = 0; i < m.len; i++)
            s->shadow[s->owner[a]][fzm_at(m, i)] = value;
}

static void op_compare(state *s, int a, int b)
{
    fz_view ma = s->m[a], mb = s->m[b];
    bool live = !ma.rel && !mb.rel;
    int order = 0;
    size_t common = ma.len < mb.len ? ma.len : mb.len;
    for (size_t i = 0; live && order == 0 && i < common; i++) {
        uint8_t x = item(s, a, i), y = item(s, b, i);
        order = x < y ? -1 : x > y ? 1 : 0;
    }
    if (live && order == 0)
        order = ma.len < mb.len ? -1 : ma.len > mb.len ? 1 : 0;
    bool equal = live && ma.len == mb.len && order == 0;
    FZ_CHECK(mv_equal(s->v[a], s->v[b]) == equal, "mv_equal: model %d", (int)equal);
    FZ_CHECK(mv_ct_equal(s->v[a], s->v[b]) == equal, "mv_ct_equal: model %d", (int)equal);
    int got = mv_compare(s->v[a], s->v[b]);
    FZ_CHECK(got == order, "mv_compare: %d, model %d", got, order);
}

/* memoryview.hex(sep, bytes_per_sep), written out naively: the size, and
 * whether a separator goes before item i. */
static bool hex_sep_before(size_t len, size_t i, char sep, ptrdiff_t bps)
{
    if (sep == '\0' || bps == 0 || i == 0)
        return false;
    fz_i128 group = bps < 0 ? -(fz_i128)bps : (fz_i128)bps;
    fz_i128 from = bps > 0 ? (fz_i128)(len - i) : (fz_i128)i;
    return from % group == 0;
}

static void op_hex(state *s, fz_in *d, int a)
{
    fz_view m = s->m[a];
    uint8_t sel = fz_u8(d);
    char sep = sel < 64 ? '\0' : sel < 128 ? ':' : sel < 192 ? (char)(sel & 0x7F) : (char)sel;
    ptrdiff_t bps = fz_index(d, m.len);
    bool ascii = (unsigned char)sep < 128;
    size_t size = 0;
    for (size_t i = 0; i < m.len; i++)
        size += 2 + hex_sep_before(m.len, i, sep, bps);
    size_t want_size = (m.rel || !ascii) ? 0 : size;
    size_t got_size = mv_hex_size(s->v[a], sep, bps);
    FZ_CHECK(got_size == want_size, "mv_hex_size: %zu, model %zu", got_size, want_size);

    ptrdiff_t delta = (ptrdiff_t)fz_range(d, 0, 4) - 2;
    size_t cap = (ptrdiff_t)size + 1 + delta < 0 ? 0 : (size_t)((ptrdiff_t)size + 1 + delta);
    bool null_dst = cap == 0 && fz_bool(d);
    bool null_written = fz_u8(d) == 0xFF;
    char *dst = null_dst ? NULL : malloc(cap ? cap : 1);
    if (dst)
        memset(dst, 0xA5, cap ? cap : 1);
    size_t written = 12345;
    FZ_STATUS(mv_hex(s->v[a], NULL, cap + 1, sep, bps, &written), MV_EINVAL, "mv_hex(NULL, cap > 0)");
    mv_status st = mv_hex(s->v[a], dst, cap, sep, bps, null_written ? NULL : &written);
    mv_status want = null_written  ? MV_EINVAL
                     : m.rel       ? MV_ERELEASED
                     : !ascii      ? MV_EINVAL
                     : cap < size + 1 ? MV_ERANGE
                                      : MV_OK;
    FZ_STATUS(st, want, "mv_hex");
    if (st != MV_OK) {
        FZ_CHECK(written == 12345, "mv_hex: failure wrote *written");
        for (size_t i = 0; dst && i < cap; i++)
            FZ_CHECK((uint8_t)dst[i] == 0xA5, "mv_hex: failure wrote dst[%zu]", i);
        free(dst);
        return;
    }
    FZ_CHECK(written == size, "mv_hex: written %zu, model %zu", written, size);
    static const char digits[] = "0123456789abcdef";
    size_t k = 0;
    for (size_t i = 0; i < m.len; i++) {
        if (hex_sep_before(m.len, i, sep, bps))
            FZ_CHECK(dst[k++] == sep, "mv_hex: no separator before item %zu", i);
        uint8_t x = item(s, a, i);
        FZ_CHECK(dst[k] == digits[x >> 4] && dst[k + 1] == digits[x & 15], "mv_hex: item %zu", i);
        k += 2;
    }
    FZ_CHECK(dst[k] == '\0', "mv_hex: no NUL at %zu", k);
    for (size_t i = k + 1; i < cap; i++)
        FZ_CHECK((uint8_t)dst[i] == 0xA5, "mv_hex: wrote past the NUL at %zu", i);
    free(dst);
}

/* A slice bound of memoryview.index: clamped into [0, len]. */
static size_t clamp_bound(ptrdiff_t x, size_t len, size_t omitted)
{
    if (x == MV_OMIT)
        return omitted;
    fz_i128 v = x < 0 ? (fz_i128)x + (fz_i128)len : (fz_i128)x;
    return v < 0 ? 0 : v > (fz_i128)len ? len : (size_t)v;
}

static void op_index(state *s, fz_in *d, int a)
{
    fz_view m = s->m[a];
    uint8_t value = fz_bool(d) && m.len ? item(s, a, (size_t)fz_range(d, 0, m.len - 1)) : fz_u8(d);
    ptrdiff_t start = fz_index(d, m.len), stop = fz_index(d, m.len);
    bool null_pos = fz_u8(d) == 0xFF;
    size_t lo = clamp_bound(start, m.len, 0), hi = clamp_bound(stop, m.len, m.len);
    size_t found = SIZE_MAX;
    for (size_t i = lo; !m.rel && i < hi && found == SIZE_MAX; i++)
        if (item(s, a, i) == value)
            found = i;
    mv_status want = null_pos ? MV_EINVAL : m.rel ? MV_ERELEASED : found == SIZE_MAX ? MV_ENOTFOUND : MV_OK;
    size_t pos = 12345;
    FZ_STATUS(mv_index(s->v[a], value, start, stop, null_pos ? NULL : &pos), want, "mv_index");
    FZ_CHECK(pos == (want == MV_OK ? found : 12345), "mv_index: pos %zu, model %zu", pos, found);
}

static void op_count(state *s, fz_in *d, int a)
{
    fz_view m = s->m[a];
    uint8_t value = fz_bool(d) && m.len ? item(s, a, (size_t)fz_range(d, 0, m.len - 1)) : fz_u8(d);
    size_t count = 0;
    for (size_t i = 0; i < m.len; i++)
        count += item(s, a, i) == value;
    size_t got = mv_count(s->v[a], value);
    FZ_CHECK(got == count, "mv_count: %zu, model %zu", got, count);
}

static void op_find(state *s, fz_in *d, int a, int b)
{
    fz_view mh = s->m[a], mn = s->m[b];
    bool null_pos = fz_u8(d) == 0xFF;
    size_t found = SIZE_MAX;
    for (size_t k = 0; !mh.rel && !mn.rel && found == SIZE_MAX && mn.len <= mh.len &&
                       k <= mh.len - mn.len;
         k++) {
        size_t j = 0;
        while (j < mn.len && item(s, a, k + j) == item(s, b, j))
            j++;
        if (j == mn.len)
            found = k;
    }
    mv_status want = null_pos ? MV_EINVAL
                     : (mh.rel || mn.rel) ? MV_ERELEASED
                     : found == SIZE_MAX  ? MV_ENOTFOUND
                                          : MV_OK;
    size_t pos = 12345;
    FZ_STATUS(mv_find(s->v[a], s->v[b], null_pos ? NULL : &pos), want, "mv_find");
    FZ_CHECK(pos == (want == MV_OK ? found : 12345), "mv_find: pos %zu, model %zu", pos, found);
}

static void op_rfind(state *s, fz_in *d, int a, int b)
{
    fz_view mh = s->m[a], mn = s->m[b];
    bool null_pos = fz_u8(d) == 0xFF;
    size_t found = SIZE_MAX;
    /* Every start from 0 up, keeping the last that matches. */
    for (size_t k = 0; !mh.rel && !mn.rel && mn.len <= mh.len && k <= mh.len - mn.len; k++) {
        size_t j = 0;
        while (j < mn.len && item(s, a, k + j) == item(s, b, j))
            j++;
        if (j == mn.len)
            found = k;
    }
    mv_status want = null_pos ? MV_EINVAL
                     : (mh.rel || mn.rel) ? MV_ERELEASED
                     : found == SIZE_MAX  ? MV_ENOTFOUND
                                          : MV_OK;
    size_t pos = 12345;
    FZ_STATUS(mv_rfind(s->v[a], s->v[b], null_pos ? NULL : &pos), want, "mv_rfind");
    FZ_CHECK(pos == (want == MV_OK ? found : 12345), "mv_rfind: pos %zu, model %zu", pos, found);
}

static void op_rindex(state *s, fz_in *d, int a)
{
    fz_view m = s->m[a];
    uint8_t value = fz_bool(d) && m.len ? item(s, a, (size_t)fz_range(d, 0, m.len - 1)) : fz_u8(d);
    ptrdiff_t start = fz_index(d, m.len), stop = fz_index(d, m.len);
    bool null_pos = fz_u8(d) == 0xFF;
    size_t lo = clamp_bound(start, m.len, 0), hi = clamp_bound(stop, m.len, m.len);
    size_t found = SIZE_MAX;
    for (size_t i = lo; !m.rel && i < hi; i++)
        if (item(s, a, i) == value)
            found = i;
    mv_status want = null_pos ? MV_EINVAL : m.rel ? MV_ERELEASED : found == SIZE_MAX ? MV_ENOTFOUND : MV_OK;
    size_t pos = 12345;
    FZ_STATUS(mv_rindex(s->v[a], value, start, stop, null_pos ? NULL : &pos), want, "mv_rindex");
    FZ_CHECK(pos == (want == MV_OK ? found : 12345), "mv_rindex: pos %zu, model %zu", pos, found);
}

/* bytes.fromhex as its documentation says: whitespace skipped, then two
 * hex digits of either case, again and again.  The byte count, or -1. */
static int hex_value(uint8_t c)
{
    static const char digits[] = "0123456789abcdef";
    uint8_t lower = c >= 'A' && c <= 'Z' ? (uint8_t)(c | 0x20) : c;
    for (int v = 0; v < 16; v++)
        if (digits[v] == lower)
            return v;
    return -1;
}

static long unhex_model(const uint8_t *t, size_t len, uint8_t *out)
{
    long n = 0;
    size_t i = 0;
    while (i < len) {
        if (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\v' || t[i] == '\f' || t[i] == '\r') {
            i++;
            continue;
        }
        if (i + 1 == len || hex_value(t[i]) < 0 || hex_value(t[i + 1]) < 0)
            return -1;
        out[n++] = (uint8_t)(hex_value(t[i]) * 16 + hex_value(t[i + 1]));
        i += 2;
    }
    return n;
}

/* Whether the items of slots a and b may share a byte: mv_fromhex's text
 * and destination must not. */
static bool may_share(const state *s, int a, int b)
{
    return s->owner[a] == s->owner[b] && s->m[a].len != 0 && s->m[b].len != 0;
}

/* mv_fromhex_size and mv_fromhex.  The text is slot a's items, or
 * mv_hex's output for them (with a space, no separator or an invalid ':',
 * upper-cased or not); the destination is slot b when it cannot share a
 * byte with the text, else a buffer of exactly the capacity chosen,
 * forwards or reversed. */
static void op_fromhex(state *s, fz_in *d, int a, int b)
{
    fz_view mt = s->m[a];
    uint8_t how = fz_u8(d);
    uint8_t items[4 * MAX_BASE];
    char *hexbuf = NULL;
    mv_view text = s->v[a];
    bool text_rel = mt.rel;
    size_t nt = mt.len;
    for (size_t i = 0; i < mt.len; i++)
        items[i] = item(s, a, i);
    if ((how & 3) == 3 && !mt.rel) {
        char sep = (how & 4) ? ' ' : (how & 8) ? ':' : '\0';
        ptrdiff_t bps = (ptrdiff_t)(how >> 5) - 3;
        size_t cap = mv_hex_size(text, sep, bps) + 1;
        hexbuf = malloc(cap);
        FZ_STATUS(mv_hex(text, hexbuf, cap, sep, bps, &nt), MV_OK, "mv_hex (fromhex's text)");
        for (size_t i = 0; i < nt; i++) {
            if ((how & 16) && hexbuf[i] >= 'a' && hexbuf[i] <= 'f')
                hexbuf[i] = (char)(hexbuf[i] - 'a' + 'A');
            items[i] = (uint8_t)hexbuf[i];
        }
        FZ_STATUS(mv_from_const(hexbuf, nt, &text), MV_OK, "mv_from_const");
    }
    uint8_t want[4 * MAX_BASE];
    long n = unhex_model(items, nt, want);
    bool null_out = fz_u8(d) == 0xFF;

    size_t size = 12345;
    mv_status want_size = null_out ? MV_EINVAL : text_rel ? MV_ERELEASED : n < 0 ? MV_EINVAL : MV_OK;
    FZ_STATUS(mv_fromhex_size(text, null_out ? NULL : &size), want_size, "mv_fromhex_size");
    FZ_CHECK(size == (want_size == MV_OK ? (size_t)n : 12345), "mv_fromhex_size: %zu, model %ld", size, n);

    bool to_slot = !may_share(s, a, b) || hexbuf != NULL;
    fz_view md = s->m[b];
    mv_view dst = s->v[b];
    uint8_t *buf = NULL;
    size_t cap = 0;
    if (!to_slot || fz_bool(d)) {
        to_slot = false;
        cap = (size_t)fz_range(d, 0, (n < 0 ? 0 : (size_t)n) + 2);
        buf = malloc(cap ? cap : 1);
        memset(buf, 0xA5, cap ? cap : 1);
        FZ_STATUS(mv_from(cap ? buf : NULL, cap, &dst), MV_OK, "mv_from");
        md = fzm_whole(cap, false);
        if (fz_bool(d)) {
            mv_view r;
            FZ_STATUS(mv_slice(dst, MV_OMIT, MV_OMIT, -1, &r), MV_OK, "mv_slice");
            dst = r;
            md = fzm_slice(md, MV_OMIT, MV_OMIT, -1);
        }
    }
    size_t written = 12345;
    mv_status want_st = null_out                 ? MV_EINVAL
                        : (text_rel || md.rel)   ? MV_ERELEASED
                        : md.ro                  ? MV_EREADONLY
                        : n < 0                  ? MV_EINVAL
                        : (size_t)n > md.len     ? MV_ERANGE
                                                 : MV_OK;
    FZ_STATUS(mv_fromhex(text, dst, null_out ? NULL : &written), want_st, "mv_fromhex");
    FZ_CHECK(written == (want_st == MV_OK ? (size_t)n : 12345), "mv_fromhex: written %zu, model %ld",
             written, n);
    if (to_slot) {
        /* The bases are compared with their shadows after the step. */
        for (size_t k = 0; want_st == MV_OK && k < (size_t)n; k++)
            s->shadow[s->owner[b]][fzm_at(md, k)] = want[k];
    } else {
        uint8_t expect[4 * MAX_BASE];
        memset(expect, 0xA5, cap);
        for (size_t k = 0; want_st == MV_OK && k < (size_t)n; k++)
            expect[fzm_at(md, k)] = want[k];
        FZ_CHECK(cap == 0 || memcmp(buf, expect, cap) == 0, "mv_fromhex: destination bytes (%s)",
                 fz_st(want_st));
    }
    free(buf);
    free(hexbuf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in d;
    fz_init(&d, data, size);
    state s;
    for (int b = 0; b < 2; b++) {
        s.base[b] = fz_base(&d, s.shadow[b], MAX_BASE, &s.n[b]);
    }
    for (int a = 0; a < SLOTS; a++)
        make_view(&s, &d, a);
    check_bases(&s, "start");
    for (int k = 0; k < MAX_STEPS && !fz_done(&d); k++) {
        uint8_t op = fz_u8(&d);
        int a = (op >> 4) % SLOTS, b = (op >> 6) % SLOTS;
        switch (op % 13) {
        case 0: op_get_set(&s, &d, a); break;
        case 1: op_tobytes(&s, &d, a); break;
        case 2: op_assign(&s, a, b); break;
        case 3: op_assign_self(&s, &d, a); break;
        case 4: op_fill(&s, &d, a); break;
        case 5: op_compare(&s, a, b); break;
        case 6: op_hex(&s, &d, a); break;
        case 7: op_index(&s, &d, a); break;
        case 8: op_count(&s, &d, a); break;
        case 9: op_find(&s, &d, a, b); break;
        case 10: op_assign_overlap(&s, &d, a); break;
        case 12: /* the newer operations share one case: older inputs keep their meaning */
            switch (fz_u8(&d) % 3) {
            case 0: op_rfind(&s, &d, a, b); break;
            case 1: op_rindex(&s, &d, a); break;
            default: op_fromhex(&s, &d, a, b); break;
            }
            break;
        default: make_view(&s, &d, a); break;
        }
        check_bases(&s, "after a step");
    }
    free(s.base[0]);
    free(s.base[1]);
    return 0;
}
