/*
 * fuzz_cursor.c — cursor reads and writes against the integer model.
 *
 * A base buffer (exact size) with a shadow copy, and a cursor cut from it
 * by a slice (strided, reversed, read-only or released).  Each step reads
 * or writes an integer of every width and byte order, reads a signed
 * integer (two's complement of the model's unsigned value, computed in a
 * wider type) or an integer of a width given at run time (0 .. 9, so that
 * the refused widths are driven too), reads a view or bytes, writes a view
 * (overlapping the cursor or not), advances, or does a write then a read
 * of the same integer through a copy of the cursor.  Expected values are
 * computed from the shadow through the model's item indices; the cursor
 * must advance by exactly the bytes consumed, and MV_EINVAL / MV_ERANGE /
 * MV_EREADONLY / MV_ERELEASED must leave the cursor, the output and the
 * base untouched.
 */
#include "model.h"

#define MAX_BASE  48
#define MAX_STEPS 40

typedef struct state {
    uint8_t *base;
    uint8_t shadow[MAX_BASE];
    size_t n;
    mv_view cur;
    fz_view m;
} state;

/* The nine unsigned integer formats: width in bytes and byte order. */
typedef struct fmt {
    size_t width;
    bool big;
    const char *name;
} fmt;

#define N_FMTS 9
static const fmt fmts[N_FMTS] = {
    { 1, true, "u8" },   { 2, true, "be16" },  { 3, true, "be24" },  { 4, true, "be32" },
    { 8, true, "be64" }, { 2, false, "le16" }, { 4, false, "le32" }, { 8, false, "le64" },
    { 3, false, "le24" },
};

/* The seven signed formats. */
#define N_SFMTS 7
static const fmt sfmts[N_SFMTS] = {
    { 1, true, "i8" },      { 2, true, "be_i16" }, { 2, false, "le_i16" }, { 4, true, "be_i32" },
    { 4, false, "le_i32" }, { 8, true, "be_i64" }, { 8, false, "le_i64" },
};

static mv_status read_fmt(int f, mv_view *cur, uint64_t *out, bool null_out)
{
    uint8_t a = 0x5A;
    uint16_t b = 0x5A5A;
    uint32_t c = 0x5A5A5A5A;
    uint64_t e = 0x5A5A5A5A5A5A5A5Au;
    mv_status st;
    switch (f) {
    case 0: st = mv_read_u8(cur, null_out ? NULL : &a); *out = a; break;
    case 1: st = mv_read_be16(cur, null_out ? NULL : &b); *out = b; break;
    case 2: st = mv_read_be24(cur, null_out ? NULL : &c); *out = c; break;
    case 3: st = mv_read_be32(cur, null_out ? NULL : &c); *out = c; break;
    case 4: st = mv_read_be64(cur, null_out ? NULL : &e); *out = e; break;
    case 5: st = mv_read_le16(cur, null_out ? NULL : &b); *out = b; break;
    case 6: st = mv_read_le32(cur, null_out ? NULL : &c); *out = c; break;
    case 7: st = mv_read_le64(cur, null_out ? NULL : &e); *out = e; break;
    default: st = mv_read_le24(cur, null_out ? NULL : &c); *out = c; break;
    }
    return st;
}

/* The signed reads; *out is the sentinel of the output's type when the
 * call wrote nothing. */
static mv_status read_sfmt(int f, mv_view *cur, int64_t *out, bool null_out)
{
    int8_t a = 0x5A;
    int16_t b = 0x5A5A;
    int32_t c = 0x5A5A5A5A;
    int64_t e = 0x5A5A5A5A5A5A5A5A;
    mv_status st;
    switch (f) {
    case 0: st = mv_read_i8(cur, null_out ? NULL : &a); *out = a; break;
    case 1: st = mv_read_be_i16(cur, null_out ? NULL : &b); *out = b; break;
    case 2: st = mv_read_le_i16(cur, null_out ? NULL : &b); *out = b; break;
    case 3: st = mv_read_be_i32(cur, null_out ? NULL : &c); *out = c; break;
    case 4: st = mv_read_le_i32(cur, null_out ? NULL : &c); *out = c; break;
    case 5: st = mv_read_be_i64(cur, null_out ? NULL : &e); *out = e; break;
    default: st = mv_read_le_i64(cur, null_out ? NULL : &e); *out = e; break;
    }
    return st;
}

static int64_t sentinel_of(size_t width)
{
    switch (width) {
    case 1: return 0x5A;
    case 2: return 0x5A5A;
    case 4: return 0x5A5A5A5A;
    default: return 0x5A5A5A5A5A5A5A5A;
    }
}

/* What read_fmt leaves in *out when the call wrote nothing. */
static uint64_t untouched(int f)
{
    static const uint64_t v[N_FMTS] = { 0x5A, 0x5A5A, 0x5A5A5A5A, 0x5A5A5A5A, 0x5A5A5A5A5A5A5A5Au,
                                        0x5A5A, 0x5A5A5A5A, 0x5A5A5A5A5A5A5A5Au, 0x5A5A5A5A };
    return v[f];
}

static mv_status write_fmt(int f, mv_view *cur, uint64_t v)
{
    switch (f) {
    case 0: return mv_write_u8(cur, (uint8_t)v);
    case 1: return mv_write_be16(cur, (uint16_t)v);
    case 2: return mv_write_be24(cur, (uint32_t)v);
    case 3: return mv_write_be32(cur, (uint32_t)v);
    case 4: return mv_write_be64(cur, v);
    case 5: return mv_write_le16(cur, (uint16_t)v);
    case 6: return mv_write_le32(cur, (uint32_t)v);
    case 7: return mv_write_le64(cur, v);
    default: return mv_write_le24(cur, (uint32_t)v);
    }
}

/* The value the first width items of the model cursor hold. */
static uint64_t model_value(const state *s, fz_view m, fmt f)
{
    uint64_t v = 0;
    for (size_t k = 0; k < f.width; k++) {
        size_t item = f.big ? k : f.width - 1 - k;
        v = v << 8 | s->shadow[fzm_at(m, item)];
    }
    return v;
}

static void model_store(state *s, fz_view m, fmt f, uint64_t v)
{
    for (size_t k = 0; k < f.width; k++) {
        size_t item = f.big ? f.width - 1 - k : k;
        s->shadow[fzm_at(m, item)] = (uint8_t)(v >> (8 * k));
    }
}

/* Two's complement of the width-byte unsigned u, by arithmetic in a wider
 * type: u - 2^(8 width) when its top bit is set. */
__extension__ typedef __int128 fz_wide;
static int64_t model_signed(uint64_t u, size_t width)
{
    fz_wide whole = (fz_wide)1 << (8 * width), v = (fz_wide)u;
    return (int64_t)(2 * v >= whole ? v - whole : v);
}

static uint64_t width_mask(size_t width)
{
    return width == 8 ? UINT64_MAX : ((uint64_t)1 << (8 * width)) - 1;
}

static void check(const state *s, const char *what)
{
    fzm_expect(s->cur, s->base, s->n, s->m, what);
    FZ_CHECK(s->n == 0 || memcmp(s->base, s->shadow, s->n) == 0, "%s: base differs from shadow",
             what);
}

static void new_cursor(state *s, fz_in *d)
{
    uint8_t how = fz_u8(d);
    mv_view v;
    FZ_STATUS((how & 1) ? mv_from_const(s->base, s->n, &v) : mv_from(s->base, s->n, &v), MV_OK,
              "mv_from");
    fz_view m = fzm_whole(s->n, how & 1);
    if (how & 2) {
        ptrdiff_t start = fz_index(d, s->n), stop = fz_index(d, s->n), step = fz_step(d, s->n);
        if (step == 0)
            step = 1;
        mv_view r;
        FZ_STATUS(mv_slice(v, start, stop, step, &r), MV_OK, "mv_slice");
        v = r;
        m = fzm_slice(m, start, stop, step);
    }
    if ((how & 0x1C) == 0x1C) {
        FZ_STATUS(mv_release(&v), MV_OK, "mv_release");
        m = fzm_released();
    }
    s->cur = v;
    s->m = m;
}

static mv_status expect_status(const fz_view m, bool write, size_t need)
{
    if (m.rel)
        return MV_ERELEASED;
    if (write && m.ro)
        return MV_EREADONLY;
    return m.len < need ? MV_ERANGE : MV_OK;
}

static void op_read(state *s, fz_in *d)
{
    int f = fz_u8(d) % N_FMTS;
    bool null_out = fz_u8(d) == 0xFF;
    mv_view before = s->cur;
    uint64_t got;
    mv_status st = read_fmt(f, &s->cur, &got, null_out);
    mv_status want = null_out ? MV_EINVAL : expect_status(s->m, false, fmts[f].width);
    FZ_STATUS(st, want, fmts[f].name);
    if (st != MV_OK) {
        FZ_CHECK(memcmp(&before, &s->cur, sizeof before) == 0, "read %s: failure moved the cursor",
                 fmts[f].name);
        FZ_CHECK(got == untouched(f), "read %s: failure wrote the output", fmts[f].name);
        return;
    }
    uint64_t expect = model_value(s, s->m, fmts[f]);
    FZ_CHECK(got == expect, "read %s: %llx, model %llx", fmts[f].name, (unsigned long long)got,
             (unsigned long long)expect);
    s->m = fzm_cut(s->m, fmts[f].width, s->m.len - fmts[f].width);
}

static void op_write(state *s, fz_in *d)
{
    int f = fz_u8(d) % N_FMTS;
    uint64_t v = fz_u64(d);
    mv_view before = s->cur;
    mv_status st = write_fmt(f, &s->cur, v);
    FZ_STATUS(st, expect_status(s->m, true, fmts[f].width), fmts[f].name);
    if (st != MV_OK) {
        FZ_CHECK(memcmp(&before, &s->cur, sizeof before) == 0, "write %s: failure moved the cursor",
                 fmts[f].name);
        return;
    }
    model_store(s, s->m, fmts[f], v);
    s->m = fzm_cut(s->m, fmts[f].width, s->m.len - fmts[f].width);
}

/* Write through one copy of the cursor, read back through another: the
 * value (cut to the width) comes back and both copies end at the same
 * place. */
static void op_round_trip(state *s, fz_in *d)
{
    int f = fz_u8(d) % N_FMTS;
    uint64_t v = fz_u64(d);
    mv_view reader = s->cur;
    mv_status st = write_fmt(f, &s->cur, v);
    FZ_STATUS(st, expect_status(s->m, true, fmts[f].width), fmts[f].name);
    if (st != MV_OK)
        return;
    model_store(s, s->m, fmts[f], v);
    uint64_t back;
    FZ_STATUS(read_fmt(f, &reader, &back, false), MV_OK, fmts[f].name);
    FZ_CHECK(back == (v & width_mask(fmts[f].width)), "round trip %s: wrote %llx, read %llx",
             fmts[f].name, (unsigned long long)v, (unsigned long long)back);
    FZ_CHECK(memcmp(&reader, &s->cur, sizeof reader) == 0, "round trip %s: cursors differ",
             fmts[f].name);
    s->m = fzm_cut(s->m, fmts[f].width, s->m.len - fmts[f].width);
}

static void op_read_signed(state *s, fz_in *d)
{
    int f = fz_u8(d) % N_SFMTS;
    bool null_out = fz_u8(d) == 0xFF;
    mv_view before = s->cur;
    int64_t got;
    mv_status st = read_sfmt(f, &s->cur, &got, null_out);
    mv_status want = null_out ? MV_EINVAL : expect_status(s->m, false, sfmts[f].width);
    FZ_STATUS(st, want, sfmts[f].name);
    if (st != MV_OK) {
        FZ_CHECK(memcmp(&before, &s->cur, sizeof before) == 0, "read %s: failure moved the cursor",
                 sfmts[f].name);
        FZ_CHECK(got == sentinel_of(sfmts[f].width), "read %s: failure wrote the output",
                 sfmts[f].name);
        return;
    }
    int64_t expect = model_signed(model_value(s, s->m, sfmts[f]), sfmts[f].width);
    FZ_CHECK(got == expect, "read %s: %lld, model %lld", sfmts[f].name, (long long)got,
             (long long)expect);
    s->m = fzm_cut(s->m, sfmts[f].width, s->m.len - sfmts[f].width);
}

/* mv_read_be_uint / mv_read_le_uint with a width of 0 .. 9: 0 and 9 are
 * refused after the pointer and release checks, before the length. */
static void op_read_uint(state *s, fz_in *d)
{
    uint8_t sel = fz_u8(d);
    size_t n = sel % 10;
    bool big = (sel / 10) % 2 == 0, null_out = sel >= 250;
    mv_view before = s->cur;
    uint64_t got = 0x5A5A5A5A5A5A5A5Au;
    mv_status st = big ? mv_read_be_uint(&s->cur, n, null_out ? NULL : &got)
                       : mv_read_le_uint(&s->cur, n, null_out ? NULL : &got);
    mv_status want = null_out ? MV_EINVAL
                   : s->m.rel ? MV_ERELEASED
                   : (n == 0 || n > 8) ? MV_EINVAL
                   : expect_status(s->m, false, n);
    FZ_STATUS(st, want, big ? "mv_read_be_uint" : "mv_read_le_uint");
    if (st != MV_OK) {
        FZ_CHECK(memcmp(&before, &s->cur, sizeof before) == 0, "read uint %zu: failure moved it", n);
        FZ_CHECK(got == 0x5A5A5A5A5A5A5A5Au, "read uint %zu: failure wrote the output", n);
        return;
    }
    fmt f = { n, big, "uint" };
    uint64_t expect = model_value(s, s->m, f);
    FZ_CHECK(got == expect, "read uint %zu (big %d): %llx, model %llx", n, big,
             (unsigned long long)got, (unsigned long long)expect);
    s->m = fzm_cut(s->m, n, s->m.len - n);
}

static void op_read_view(state *s, fz_in *d)
{
    size_t k = fz_size(d, s->m.len);
    uint8_t sel = fz_u8(d);
    mv_view out, before = s->cur;
    memset(&out, 0xA5, sizeof out);
    mv_view keep = out;
    mv_status st;
    mv_status want;
    if (sel == 0xFF) {
        st = mv_read_view(&s->cur, k, NULL);
        want = MV_EINVAL;
    } else if (sel == 0xFE) {
        st = mv_read_view(&s->cur, k, &s->cur); /* the same object twice */
        want = MV_EINVAL;
    } else if (sel == 0xFD) {
        st = mv_read_view(NULL, k, &out);
        want = MV_EINVAL;
    } else {
        st = mv_read_view(&s->cur, k, &out);
        want = expect_status(s->m, false, k);
    }
    FZ_STATUS(st, want, "mv_read_view");
    if (st != MV_OK) {
        FZ_CHECK(memcmp(&before, &s->cur, sizeof before) == 0, "mv_read_view: failure moved it");
        FZ_CHECK(memcmp(&keep, &out, sizeof out) == 0, "mv_read_view: failure wrote the output");
        return;
    }
    fzm_expect(out, s->base, s->n, fzm_cut(s->m, 0, k), "mv_read_view output");
    s->m = fzm_cut(s->m, k, s->m.len - k);
}

static void op_read_bytes(state *s, fz_in *d)
{
    size_t k = fz_size(d, s->m.len);
    bool small = k <= MAX_BASE + 2;
    uint8_t *dst = small && k ? malloc(k) : NULL;
    if (dst)
        memset(dst, 0xA5, k);
    mv_view before = s->cur;
    mv_status st = mv_read_bytes(&s->cur, dst, small ? k : 0);
    size_t asked = small ? k : 0;
    FZ_STATUS(st, expect_status(s->m, false, asked), "mv_read_bytes");
    if (st != MV_OK) {
        FZ_CHECK(memcmp(&before, &s->cur, sizeof before) == 0, "mv_read_bytes: failure moved it");
        for (size_t i = 0; i < asked; i++)
            FZ_CHECK(dst[i] == 0xA5, "mv_read_bytes: failure wrote dst[%zu]", i);
        free(dst);
        return;
    }
    for (size_t i = 0; i < asked; i++)
        FZ_CHECK(dst[i] == s->shadow[fzm_at(s->m, i)], "mv_read_bytes: byte %zu", i);
    free(dst);
    s->m = fzm_cut(s->m, asked, s->m.len - asked);
    if (!small)
        FZ_STATUS(mv_read_bytes(&s->cur, NULL, k), MV_EINVAL, "mv_read_bytes(NULL, k > 0)");
}

/* cur[:len(src)] = src, src another view of the same base (overlapping
 * the cursor, any step) or a literal. */
static void op_write_view(state *s, fz_in *d)
{
    uint8_t lit[MAX_BASE];
    uint8_t items[MAX_BASE];
    mv_view src;
    fz_view sm;
    bool same_base = fz_bool(d);
    if (same_base) {
        FZ_STATUS(mv_from(s->base, s->n, &src), MV_OK, "mv_from");
        ptrdiff_t start = fz_index(d, s->n), stop = fz_index(d, s->n), step = fz_step(d, s->n);
        if (step == 0)
            step = -1;
        mv_view r;
        FZ_STATUS(mv_slice(src, start, stop, step, &r), MV_OK, "mv_slice");
        src = r;
        sm = fzm_slice(fzm_whole(s->n, false), start, stop, step);
        for (size_t i = 0; i < sm.len; i++)
            items[i] = s->shadow[fzm_at(sm, i)];
    } else {
        size_t k = (size_t)fz_range(d, 0, MAX_BASE);
        fz_fill(d, lit, k);
        FZ_STATUS(mv_from_const(k ? lit : NULL, k, &src), MV_OK, "mv_from_const");
        sm = fzm_whole(k, true);
        memcpy(items, lit, k);
    }
    bool released = fz_u8(d) == 0xFF;
    if (released) {
        FZ_STATUS(mv_release(&src), MV_OK, "mv_release");
        sm = fzm_released();
    }
    mv_view before = s->cur;
    mv_status st = mv_write_view(&s->cur, src);
    mv_status want = (s->m.rel || sm.rel) ? MV_ERELEASED : expect_status(s->m, true, sm.len);
    FZ_STATUS(st, want, "mv_write_view");
    FZ_STATUS(mv_write_view(NULL, src), MV_EINVAL, "mv_write_view(NULL)");
    if (st != MV_OK) {
        FZ_CHECK(memcmp(&before, &s->cur, sizeof before) == 0, "mv_write_view: failure moved it");
        return;
    }
    for (size_t i = 0; i < sm.len; i++)
        s->shadow[fzm_at(s->m, i)] = items[i];
    s->m = fzm_cut(s->m, sm.len, s->m.len - sm.len);
}

static void op_advance(state *s, fz_in *d)
{
    size_t k = fz_size(d, s->m.len);
    mv_view before = s->cur;
    mv_status st = mv_advance(&s->cur, k);
    FZ_STATUS(st, expect_status(s->m, false, k), "mv_advance");
    FZ_STATUS(mv_advance(NULL, k), MV_EINVAL, "mv_advance(NULL)");
    if (st != MV_OK) {
        FZ_CHECK(memcmp(&before, &s->cur, sizeof before) == 0, "mv_advance: failure moved it");
        return;
    }
    s->m = fzm_cut(s->m, k, s->m.len - k);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in d;
    fz_init(&d, data, size);
    state s;
    s.base = fz_base(&d, s.shadow, MAX_BASE, &s.n);
    new_cursor(&s, &d);
    check(&s, "start");
    for (int k = 0; k < MAX_STEPS && !fz_done(&d); k++) {
        uint8_t op = fz_u8(&d);
        switch (op % 11) {
        case 0: case 1: op_read(&s, &d); break;
        case 2: case 3: op_write(&s, &d); break;
        case 4: op_round_trip(&s, &d); break;
        case 5: op_read_view(&s, &d); break;
        case 6: op_read_bytes(&s, &d); break;
        case 7: op_write_view(&s, &d); break;
        case 8: op_read_signed(&s, &d); break;
        case 9: op_read_uint(&s, &d); break;
        default: if (op & 0x80) new_cursor(&s, &d); else op_advance(&s, &d); break;
        }
        check(&s, "after a step");
    }
    uint64_t dummy;
    FZ_STATUS(read_fmt(0, NULL, &dummy, false), MV_EINVAL, "mv_read_u8(NULL)");
    FZ_STATUS(write_fmt(0, NULL, 0), MV_EINVAL, "mv_write_u8(NULL)");
    int64_t sdummy;
    FZ_STATUS(read_sfmt(0, NULL, &sdummy, false), MV_EINVAL, "mv_read_i8(NULL)");
    FZ_STATUS(mv_read_be_uint(NULL, 9, &dummy), MV_EINVAL, "mv_read_be_uint(NULL, 9)");
    free(s.base);
    return 0;
}
