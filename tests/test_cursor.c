/*
 * test_cursor.c — a view used as a cursor: mv_read_u8, mv_read_be16/be24/
 * be32/be64, mv_read_le16/le24/le32/le64, the signed reads mv_read_i8,
 * mv_read_be_i16 ... mv_read_le_i64, the variable-width reads
 * mv_read_be_uint / mv_read_le_uint, mv_read_view, mv_read_bytes,
 * mv_write_u8, mv_write_be16/be24/be32/be64, mv_write_le16/le24/le32/le64,
 * mv_write_view.
 *
 * Expected values come from naive models: the cursor is the index-list
 * model of mv_model.h, an integer is assembled from its items with shifts
 * and ORs (the library multiplies and divides by 256), a write sets the
 * items to the value's bytes taken with shifts, and mv_write_view is
 * "gather the source's items into a temporary, then scatter them".  After
 * every call the cursor must be exactly the model's rest (its length, item
 * 0's address, its stride, its flags); a failure leaves the cursor, the
 * output and the bytes as they were.  A signed read is checked twice: its
 * bits against the unsigned model, and its value against two's complement
 * computed arithmetically (u - 2^(8w) when u >= 2^(8w-1), in a wider type).
 */
#include "mv_test.h"
#include "mv_model.h"
#include "mv_alloc.h"

#define N 24

static const struct shape {
    ptrdiff_t start, stop, step;
} shapes[] = {
    { MV_OMIT, MV_OMIT, MV_OMIT }, { MV_OMIT, MV_OMIT, -1 }, { 1, MV_OMIT, 2 },
    { MV_OMIT, MV_OMIT, -2 }, { 2, MV_OMIT, 3 }, { -1, MV_OMIT, -3 }, { 5, 6, 1 },
    { 7, 7, 1 }, { 3, 20, 5 }, { 20, 3, -5 }, { 0, MV_OMIT, N - 1 }, { -1, MV_OMIT, -(N - 1) },
    { 4, -4, 1 }, { -5, 3, -1 }, { 0, 8, 1 }, { 16, MV_OMIT, -2 }, { 1, 17, 2 },
};
#define N_SHAPES (sizeof shapes / sizeof shapes[0])

static mv_view shape_view(uint8_t *buf, size_t k, mvt_model *m)
{
    static mvt_model whole;
    mvt_model_whole(&whole, N);
    mvt_model_slice(&whole, shapes[k].start, shapes[k].stop, shapes[k].step, m);
    return mvt_slice(mvt_from(buf, N), shapes[k].start, shapes[k].stop, shapes[k].step);
}

/* ------------------------------------------------- integer functions */

/* The integer readers and writers behind one signature each.  The output
 * goes to a sentinel-filled 8-byte union, so that a failure writing it, or
 * a success writing more than its type, shows. */
typedef union out8 {
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    uint64_t u64;
    int8_t i8;
    int16_t i16;
    int32_t i32;
    int64_t i64;
    unsigned char raw[8];
} out8;

static mv_status rd_u8(mv_view *c, out8 *o) { return mv_read_u8(c, o ? &o->u8 : NULL); }
static mv_status rd_be16(mv_view *c, out8 *o) { return mv_read_be16(c, o ? &o->u16 : NULL); }
static mv_status rd_be24(mv_view *c, out8 *o) { return mv_read_be24(c, o ? &o->u32 : NULL); }
static mv_status rd_be32(mv_view *c, out8 *o) { return mv_read_be32(c, o ? &o->u32 : NULL); }
static mv_status rd_be64(mv_view *c, out8 *o) { return mv_read_be64(c, o ? &o->u64 : NULL); }
static mv_status rd_le16(mv_view *c, out8 *o) { return mv_read_le16(c, o ? &o->u16 : NULL); }
static mv_status rd_le32(mv_view *c, out8 *o) { return mv_read_le32(c, o ? &o->u32 : NULL); }
static mv_status rd_le64(mv_view *c, out8 *o) { return mv_read_le64(c, o ? &o->u64 : NULL); }
static mv_status rd_le24(mv_view *c, out8 *o) { return mv_read_le24(c, o ? &o->u32 : NULL); }
static mv_status rd_i8(mv_view *c, out8 *o) { return mv_read_i8(c, o ? &o->i8 : NULL); }
static mv_status rd_be_i16(mv_view *c, out8 *o) { return mv_read_be_i16(c, o ? &o->i16 : NULL); }
static mv_status rd_le_i16(mv_view *c, out8 *o) { return mv_read_le_i16(c, o ? &o->i16 : NULL); }
static mv_status rd_be_i32(mv_view *c, out8 *o) { return mv_read_be_i32(c, o ? &o->i32 : NULL); }
static mv_status rd_le_i32(mv_view *c, out8 *o) { return mv_read_le_i32(c, o ? &o->i32 : NULL); }
static mv_status rd_be_i64(mv_view *c, out8 *o) { return mv_read_be_i64(c, o ? &o->i64 : NULL); }
static mv_status rd_le_i64(mv_view *c, out8 *o) { return mv_read_le_i64(c, o ? &o->i64 : NULL); }
#define RD_UINT(n)                                                                           \
    static mv_status rd_be_uint##n(mv_view *c, out8 *o) { return mv_read_be_uint(c, n, o ? &o->u64 : NULL); } \
    static mv_status rd_le_uint##n(mv_view *c, out8 *o) { return mv_read_le_uint(c, n, o ? &o->u64 : NULL); }
RD_UINT(1)
RD_UINT(2)
RD_UINT(3)
RD_UINT(4)
RD_UINT(5)
RD_UINT(6)
RD_UINT(7)
RD_UINT(8)

/* Arguments are converted to the parameter type, as a caller's would be. */
static mv_status wr_u8(mv_view *c, uint64_t v) { return mv_write_u8(c, (uint8_t)v); }
static mv_status wr_be16(mv_view *c, uint64_t v) { return mv_write_be16(c, (uint16_t)v); }
static mv_status wr_be24(mv_view *c, uint64_t v) { return mv_write_be24(c, (uint32_t)v); }
static mv_status wr_be32(mv_view *c, uint64_t v) { return mv_write_be32(c, (uint32_t)v); }
static mv_status wr_be64(mv_view *c, uint64_t v) { return mv_write_be64(c, v); }
static mv_status wr_le16(mv_view *c, uint64_t v) { return mv_write_le16(c, (uint16_t)v); }
static mv_status wr_le32(mv_view *c, uint64_t v) { return mv_write_le32(c, (uint32_t)v); }
static mv_status wr_le64(mv_view *c, uint64_t v) { return mv_write_le64(c, v); }
static mv_status wr_le24(mv_view *c, uint64_t v) { return mv_write_le24(c, (uint32_t)v); }

static const struct kind {
    const char *name;
    size_t width;      /* items consumed */
    bool big;          /* first item most significant */
    size_t out_size;   /* bytes of the output / parameter type */
    mv_status (*read)(mv_view *, out8 *);
    mv_status (*write)(mv_view *, uint64_t); /* NULL: a read only */
    bool is_signed;    /* two's complement */
} kinds[] = {
    { "u8", 1, true, 1, rd_u8, wr_u8, false },
    { "be16", 2, true, 2, rd_be16, wr_be16, false },
    { "be24", 3, true, 4, rd_be24, wr_be24, false },
    { "be32", 4, true, 4, rd_be32, wr_be32, false },
    { "be64", 8, true, 8, rd_be64, wr_be64, false },
    { "le16", 2, false, 2, rd_le16, wr_le16, false },
    { "le32", 4, false, 4, rd_le32, wr_le32, false },
    { "le64", 8, false, 8, rd_le64, wr_le64, false },
    { "le24", 3, false, 4, rd_le24, wr_le24, false },
    { "i8", 1, true, 1, rd_i8, NULL, true },
    { "be_i16", 2, true, 2, rd_be_i16, NULL, true },
    { "le_i16", 2, false, 2, rd_le_i16, NULL, true },
    { "be_i32", 4, true, 4, rd_be_i32, NULL, true },
    { "le_i32", 4, false, 4, rd_le_i32, NULL, true },
    { "be_i64", 8, true, 8, rd_be_i64, NULL, true },
    { "le_i64", 8, false, 8, rd_le_i64, NULL, true },
    { "be_uint1", 1, true, 8, rd_be_uint1, NULL, false },
    { "be_uint2", 2, true, 8, rd_be_uint2, NULL, false },
    { "be_uint3", 3, true, 8, rd_be_uint3, NULL, false },
    { "be_uint4", 4, true, 8, rd_be_uint4, NULL, false },
    { "be_uint5", 5, true, 8, rd_be_uint5, NULL, false },
    { "be_uint6", 6, true, 8, rd_be_uint6, NULL, false },
    { "be_uint7", 7, true, 8, rd_be_uint7, NULL, false },
    { "be_uint8", 8, true, 8, rd_be_uint8, NULL, false },
    { "le_uint1", 1, false, 8, rd_le_uint1, NULL, false },
    { "le_uint2", 2, false, 8, rd_le_uint2, NULL, false },
    { "le_uint3", 3, false, 8, rd_le_uint3, NULL, false },
    { "le_uint4", 4, false, 8, rd_le_uint4, NULL, false },
    { "le_uint5", 5, false, 8, rd_le_uint5, NULL, false },
    { "le_uint6", 6, false, 8, rd_le_uint6, NULL, false },
    { "le_uint7", 7, false, 8, rd_le_uint7, NULL, false },
    { "le_uint8", 8, false, 8, rd_le_uint8, NULL, false },
};
#define N_KINDS (sizeof kinds / sizeof kinds[0])

/* The value of output o as its type holds it. */
static uint64_t out_value(const out8 *o, size_t size)
{
    switch (size) {
    case 1: return o->u8;
    case 2: return o->u16;
    case 4: return o->u32;
    default: return o->u64;
    }
}

/* The model: items at[0 .. w-1] of base as an integer. */
static uint64_t model_value(const uint8_t *base, const size_t *at, size_t w, bool big)
{
    uint64_t v = 0;
    for (size_t k = 0; k < w; k++) {
        unsigned shift = (unsigned)(8 * (big ? w - 1 - k : k));
        v |= (uint64_t)base[at[k]] << shift;
    }
    return v;
}

/* The model of two's complement, by arithmetic in a wider type: the w-byte
 * unsigned u is u - 2^(8w) when its top bit is set. */
__extension__ typedef __int128 wide_int;
static int64_t model_signed(uint64_t u, size_t w)
{
    wide_int whole = (wide_int)1 << (8 * w);
    wide_int v = (wide_int)u;
    return (int64_t)(2 * v >= whole ? v - whole : v);
}

/* The value of a signed output as its type holds it. */
static int64_t out_signed(const out8 *o, size_t size)
{
    switch (size) {
    case 1: return o->i8;
    case 2: return o->i16;
    case 4: return o->i32;
    default: return o->i64;
    }
}

/* Output o of reader kd is the model's value of items at[0 .. width-1]:
 * its bits, and for a signed reader its two's complement value. */
static bool value_is(const struct kind *kd, const out8 *o, const uint8_t *base, const size_t *at,
                     const char *file, int line)
{
    uint64_t u = model_value(base, at, kd->width, kd->big);
    bool ok = mvt_check_uint(out_value(o, kd->out_size), u, file, line, "out == model");
    if (kd->is_signed)
        ok &= mvt_check_int(out_signed(o, kd->out_size), model_signed(u, kd->width), file, line,
                            "signed out == model");
    return ok;
}
#define CHECK_VALUE(kd, o, base, at) value_is((kd), (o), (base), (at), __FILE__, __LINE__)

/* The model of a write: item at[k] gets byte (w-1-k) or k of arg, the
 * value the function received (for be24 a uint32_t, whose top byte is
 * ignored: only bytes 0..2 are taken). */
static void model_write(uint8_t *base, const size_t *at, size_t w, bool big, uint64_t arg)
{
    for (size_t k = 0; k < w; k++) {
        unsigned shift = (unsigned)(8 * (big ? w - 1 - k : k));
        base[at[k]] = (uint8_t)(arg >> shift);
    }
}

/* The argument a writer of this kind receives from v. */
static uint64_t as_arg(const struct kind *k, uint64_t v)
{
    return k->out_size == 8 ? v : v & ((UINT64_C(1) << (8 * k->out_size)) - 1);
}

/* The cursor is exactly the model's rest with the original flags. */
static bool cursor_is(mv_view cur, const uint8_t *base, const mvt_model *rest, bool readonly,
                      const char *file, int line)
{
    bool ok = mvt_view_is(cur, base, rest, file, line);
    ok &= mvt_check_int(mv_readonly(cur), readonly, file, line, "mv_readonly(cursor)");
    return ok;
}
#define CHECK_CURSOR(c, base, rest, ro) cursor_is((c), (base), (rest), (ro), __FILE__, __LINE__)

static bool out_untouched(const out8 *o)
{
    return mvt_is_sentinel(o->raw, sizeof o->raw);
}

/* --------------------------------------------------------------- reads */

/* Every reader consumes every cursor shape to the end: each call reads the
 * model's value and leaves the model's rest; the call that finds too few
 * items changes nothing; the bytes are never written. */
static void read_every_kind_every_shape(void)
{
    uint8_t buf[N], before[N];
    mvt_pattern(buf, N);
    buf[3] = 0xFF;
    buf[4] = 0x80;
    memcpy(before, buf, N);
    for (size_t s = 0; s < N_SHAPES; s++)
        for (int ro = 0; ro < 2; ro++)
            for (size_t k = 0; k < N_KINDS; k++) {
                const struct kind *kd = &kinds[k];
                mvt_model m, rest;
                mv_view cur = shape_view(buf, s, &m);
                if (ro)
                    cur = mvt_readonly(cur);
                size_t pos = 0, reads = 0;
                for (;;) {
                    out8 o;
                    MVT_FILL(o);
                    mv_view was;
                    MVT_COPY(was, cur);
                    mv_status st = kd->read(&cur, &o);
                    if (pos + kd->width > m.len) {
                        CHECK_ST(st, MV_ERANGE);
                        CHECK(out_untouched(&o));
                        CHECK_UNCHANGED_VIEW(cur, was);
                        break;
                    }
                    bool ok = CHECK_ST(st, MV_OK);
                    if (ok) {
                        ok &= CHECK_VALUE(kd, &o, buf, m.idx + pos);
                        ok &= CHECK_SENTINEL(o.raw + kd->out_size, 8 - kd->out_size);
                        pos += kd->width;
                        mvt_model_cut(&m, pos, m.len - pos, &rest);
                        ok &= CHECK_CURSOR(cur, buf, &rest, ro);
                        reads++;
                    }
                    if (!ok) {
                        printf("  %s on shape %zu (ro %d) at item %zu\n", kd->name, s, ro, pos);
                        break;
                    }
                }
                CHECK_EQU(reads, m.len / kd->width);
                CHECK_MEM(buf, before, N);
            }
}

/* Random contents, every reader, at every offset of a reversed strided
 * cursor and a contiguous one. */
static void read_random_values(void)
{
    uint8_t buf[N];
    for (int round = 0; round < 300; round++) {
        for (size_t i = 0; i < N; i++)
            buf[i] = (uint8_t)mvt_rand();
        for (size_t s = 0; s < 2; s++) {
            mvt_model m, rest;
            mv_view start = shape_view(buf, s == 0 ? 0 : 5, &m); /* [::] and [-1::-3] */
            for (size_t k = 0; k < N_KINDS; k++)
                for (size_t at = 0; at + kinds[k].width <= m.len; at++) {
                    mv_view cur;
                    if (mv_sub(start, at, m.len - at, &cur) != MV_OK)
                        abort();
                    out8 o;
                    MVT_FILL(o);
                    if (!CHECK_ST(kinds[k].read(&cur, &o), MV_OK))
                        continue;
                    CHECK_VALUE(&kinds[k], &o, buf, m.idx + at);
                    mvt_model_cut(&m, at + kinds[k].width, m.len - at - kinds[k].width, &rest);
                    CHECK_CURSOR(cur, buf, &rest, false);
                }
        }
    }
}

/* Statuses of the readers, in the header's order: NULL pointers, then a
 * released cursor, then too few items. */
static void read_failures_change_nothing(void)
{
    uint8_t buf[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
    mv_view full = mvt_from(buf, 8), dead = mvt_released(full);
    for (size_t k = 0; k < N_KINDS; k++) {
        const struct kind *kd = &kinds[k];
        out8 o;
        MVT_FILL(o);
        mv_view cur, was;
        MVT_COPY(cur, full);
        MVT_COPY(was, cur);
        CHECK_ST(kd->read(NULL, &o), MV_EINVAL);
        CHECK_ST(kd->read(&cur, NULL), MV_EINVAL);
        CHECK_ST(kd->read(NULL, NULL), MV_EINVAL);
        mv_view d;
        MVT_COPY(d, dead);
        CHECK_ST(kd->read(&d, NULL), MV_EINVAL); /* the pointer before the release */
        CHECK_ST(kd->read(&d, &o), MV_ERELEASED);
        CHECK_UNCHANGED_VIEW(d, dead);
        CHECK_UNCHANGED_VIEW(cur, was);
        /* One item too few, and none. */
        mv_view shortc, empty = mvt_from(NULL, 0);
        if (mv_sub(full, 1, kd->width - 1, &shortc) != MV_OK)
            abort();
        MVT_COPY(was, shortc);
        CHECK_ST(kd->read(&shortc, &o), MV_ERANGE);
        CHECK_UNCHANGED_VIEW(shortc, was);
        MVT_COPY(was, empty);
        CHECK_ST(kd->read(&empty, &o), MV_ERANGE);
        CHECK_UNCHANGED_VIEW(empty, was);
        CHECK(out_untouched(&o));
    }
}

/* A cursor of exactly the width: one read takes it all and leaves an empty
 * cursor (no item 0); the next read finds nothing. */
static void read_exhausts_exactly(void)
{
    uint8_t buf[N];
    mvt_pattern(buf, N);
    for (size_t k = 0; k < N_KINDS; k++) {
        const struct kind *kd = &kinds[k];
        mvt_model whole, m;
        mvt_model_whole(&whole, N);
        mvt_model_slice(&whole, -1, MV_OMIT, -2, &m);
        mvt_model_cut(&m, 0, kd->width, &m);
        mv_view cur;
        if (mv_sub(mvt_slice(mvt_from(buf, N), -1, MV_OMIT, -2), 0, kd->width, &cur) != MV_OK)
            abort();
        out8 o;
        MVT_FILL(o);
        if (CHECK_ST(kd->read(&cur, &o), MV_OK)) {
            CHECK_VALUE(kd, &o, buf, m.idx);
            CHECK_EQU(mv_len(cur), 0);
            CHECK_PTR(mv_data(cur), NULL);
            CHECK(mv_is_valid(cur));
        }
        MVT_FILL(o);
        CHECK_ST(kd->read(&cur, &o), MV_ERANGE);
        CHECK(out_untouched(&o));
    }
    /* Widths that add up to the length: 8 + 4 + 3 + 2 + 1 = 18 items. */
    mvt_model whole, m, rest;
    mvt_model_whole(&whole, N);
    mvt_model_slice(&whole, 2, 20, 1, &m);
    mv_view cur = mvt_slice(mvt_from(buf, N), 2, 20, 1);
    const size_t order[] = { 4, 3, 2, 1, 0 }; /* be64, be32, be24, be16, u8 */
    size_t pos = 0;
    for (size_t i = 0; i < 5; i++) {
        const struct kind *kd = &kinds[order[i]];
        out8 o;
        MVT_FILL(o);
        if (!CHECK_ST(kd->read(&cur, &o), MV_OK))
            break;
        CHECK_EQU(out_value(&o, kd->out_size), model_value(buf, m.idx + pos, kd->width, kd->big));
        pos += kd->width;
        mvt_model_cut(&m, pos, m.len - pos, &rest);
        CHECK_CURSOR(cur, buf, &rest, false);
    }
    CHECK_EQU(mv_len(cur), 0);
}

/* -------------------------------------------------------------- writes */

static const uint64_t edge_values[] = {
    0, 1, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF, 0x10000, 0x123456, 0xFFFFFF,
    0x1000000, 0xAB123456, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, UINT64_C(0x100000000),
    UINT64_C(0x0102030405060708), UINT64_C(0x8000000000000000), UINT64_MAX,
};
#define N_EDGES (sizeof edge_values / sizeof edge_values[0])

/* Every writer fills every writable cursor shape to the end with edge and
 * random values: each call writes exactly the model's items and leaves the
 * model's rest; the call that finds too few items changes nothing. */
static void write_every_kind_every_shape(void)
{
    for (size_t s = 0; s < N_SHAPES; s++)
        for (size_t k = 0; k < N_KINDS; k++) {
            const struct kind *kd = &kinds[k];
            if (kd->write == NULL)
                continue;
            uint8_t buf[N], want[N];
            mvt_pattern(buf, N);
            memcpy(want, buf, N);
            mvt_model m, rest;
            mv_view cur = shape_view(buf, s, &m);
            size_t pos = 0, writes = 0;
            for (size_t i = 0;; i++) {
                uint64_t v = i < N_EDGES ? edge_values[i] : mvt_rand();
                mv_view was;
                MVT_COPY(was, cur);
                mv_status st = kd->write(&cur, v);
                if (pos + kd->width > m.len) {
                    CHECK_ST(st, MV_ERANGE);
                    CHECK_UNCHANGED_VIEW(cur, was);
                    CHECK_MEM(buf, want, N);
                    break;
                }
                model_write(want, m.idx + pos, kd->width, kd->big, as_arg(kd, v));
                bool ok = CHECK_ST(st, MV_OK) && CHECK_MEM(buf, want, N);
                pos += kd->width;
                mvt_model_cut(&m, pos, m.len - pos, &rest);
                ok &= CHECK_CURSOR(cur, buf, &rest, false);
                writes++;
                if (!ok) {
                    printf("  %s of 0x%" PRIx64 " on shape %zu at item %zu\n", kd->name, v, s,
                           pos - kd->width);
                    break;
                }
            }
            CHECK_EQU(writes, m.len / kd->width);
        }
}

/* Whatever is written is read back, on a reversed strided cursor. */
static void write_then_read_round_trip(void)
{
    uint8_t buf[N];
    for (int round = 0; round < 2000; round++) {
        const struct kind *kd = &kinds[mvt_below(N_KINDS)];
        if (kd->write == NULL)
            continue;
        uint64_t v = mvt_rand() >> mvt_below(64);
        mvt_pattern(buf, N);
        mv_view cur = mvt_slice(mvt_from(buf, N), -2, MV_OMIT, -2), w = cur, r = cur;
        if (!CHECK_ST(kd->write(&w, v), MV_OK))
            break;
        out8 o;
        MVT_FILL(o);
        if (!CHECK_ST(kd->read(&r, &o), MV_OK))
            break;
        uint64_t want = as_arg(kd, v);
        if (kd->width == 3)
            want &= 0xFFFFFF; /* be24: the low 24 bits */
        CHECK_EQU(out_value(&o, kd->out_size), want);
        CHECK(mvt_same_view(&w, &r)); /* both consumed the same items */
    }
}

/* be24 takes a uint32_t and writes its low 24 bits: the top byte is
 * ignored, whatever it is. */
static void write_be24_ignores_the_top_byte(void)
{
    for (unsigned top = 0; top < 256; top++) {
        uint8_t buf[5] = { 0xEE, 0xEE, 0xEE, 0xEE, 0xEE }, want[5];
        memcpy(want, buf, 5);
        uint32_t v = ((uint32_t)top << 24) | 0x00C0FFEEu;
        size_t at[3] = { 1, 2, 3 };
        model_write(want, at, 3, true, v & 0xFFFFFFu);
        mv_view cur;
        if (mv_sub(mvt_from(buf, 5), 1, 4, &cur) != MV_OK)
            abort();
        if (CHECK_ST(mv_write_be24(&cur, v), MV_OK)) {
            CHECK_MEM(buf, want, 5);
            CHECK_EQU(mv_len(cur), 1);
            CHECK_PTR(mv_data(cur), buf + 4);
        }
    }
}

/* le24 takes a uint32_t and writes its low 24 bits, least significant
 * first: the top byte is ignored, whatever it is. */
static void write_le24_ignores_the_top_byte(void)
{
    for (unsigned top = 0; top < 256; top++) {
        uint8_t buf[5] = { 0xEE, 0xEE, 0xEE, 0xEE, 0xEE }, want[5];
        memcpy(want, buf, 5);
        uint32_t v = ((uint32_t)top << 24) | 0x00C0FFEEu;
        size_t at[3] = { 1, 2, 3 };
        model_write(want, at, 3, false, v & 0xFFFFFFu);
        mv_view cur;
        if (mv_sub(mvt_from(buf, 5), 1, 4, &cur) != MV_OK)
            abort();
        if (CHECK_ST(mv_write_le24(&cur, v), MV_OK)) {
            CHECK_MEM(buf, want, 5);
            CHECK_EQU(mv_len(cur), 1);
            CHECK_PTR(mv_data(cur), buf + 4);
        }
    }
}

/* Signed reads against CPython: struct.unpack(fmt, bytes(b[:size]))[0]
 * for three byte strings, on a contiguous cursor with a byte to spare, on
 * one of exactly the width, and on a reversed copy read with stride -1. */
static void signed_reads_match_cpython(void)
{
    static const uint8_t src[3][8] = {
        { 0x80, 0x01, 0xff, 0xfe, 0x7f, 0x00, 0x00, 0x81 },
        { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff },
        { 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff },
    };
    /* 'b', '>h', '<h', '>i', '<i', '>q', '<q' */
    static const int64_t want[3][7] = {
        { -128, -32767, 384, -2147352578, -16842368, INT64_C(-9222809093360582527),
          INT64_C(-9151313893077876352) },
        { -1, -1, -1, -1, -1, -1, -1 },
        { 127, 32767, -129, 2147483647, -129, INT64_MAX, -129 },
    };
    static const size_t kind_of[7] = { 9, 10, 11, 12, 13, 14, 15 }; /* rows of kinds[] */
    for (size_t b = 0; b < 3; b++)
        for (size_t f = 0; f < 7; f++)
            for (int way = 0; way < 3; way++) {
                const struct kind *kd = &kinds[kind_of[f]];
                uint8_t buf[9], rev[9];
                memcpy(buf, src[b], 8);
                buf[8] = 0x42;
                for (size_t i = 0; i < 9; i++)
                    rev[i] = buf[8 - i];
                mv_view cur;
                if (way == 0)
                    cur = mvt_from(buf, 9);
                else if (way == 1)
                    cur = mvt_from(buf, kd->width);
                else
                    cur = mvt_slice(mvt_from(rev, 9), -1, MV_OMIT, -1);
                out8 o;
                MVT_FILL(o);
                if (CHECK_ST(kd->read(&cur, &o), MV_OK) &&
                    !CHECK_EQ(out_signed(&o, kd->out_size), want[b][f]))
                    printf("  %s of bytes %zu (way %d)\n", kd->name, b, way);
                CHECK_EQU(mv_len(cur), (way == 1 ? kd->width : 9) - kd->width);
            }
}

/* The variable-width reads check the width after the pointers and the
 * release and before the length: every pair of failures is reported by
 * the first in that order, and nothing changes. */
static void uint_width_checked_in_order(void)
{
    uint8_t buf[10] = { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 };
    static const size_t bad[] = { 0, 9, 10, 64, SIZE_MAX };
    mv_view full = mvt_from(buf, 10), dead = mvt_released(full), empty = mvt_from(NULL, 0);
    for (int big = 0; big < 2; big++) {
        mv_status (*rd)(mv_view *, size_t, uint64_t *) = big ? mv_read_be_uint : mv_read_le_uint;
        for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
            uint64_t v = 0x1122334455667788u;
            mv_view c, was;
            MVT_COPY(c, full);
            MVT_COPY(was, c);
            CHECK_ST(rd(NULL, bad[i], &v), MV_EINVAL);
            CHECK_ST(rd(&c, bad[i], NULL), MV_EINVAL);
            CHECK_ST(rd(&c, bad[i], &v), MV_EINVAL);
            CHECK_UNCHANGED_VIEW(c, was);
            MVT_COPY(c, dead);
            CHECK_ST(rd(&c, bad[i], &v), MV_ERELEASED); /* released before the width */
            CHECK_ST(rd(&c, bad[i], NULL), MV_EINVAL);  /* the pointer before the release */
            CHECK_UNCHANGED_VIEW(c, dead);
            MVT_COPY(c, empty);
            CHECK_ST(rd(&c, bad[i], &v), MV_EINVAL); /* the width before the length */
            CHECK_UNCHANGED_VIEW(c, empty);
            CHECK_EQU(v, 0x1122334455667788u);
        }
        /* Every good width: too few items, then exactly enough. */
        for (size_t n = 1; n <= 8; n++) {
            uint64_t v = 0x1122334455667788u;
            mv_view c, was;
            if (mv_sub(full, 0, n - 1, &c) != MV_OK)
                abort();
            MVT_COPY(was, c);
            CHECK_ST(rd(&c, n, &v), MV_ERANGE);
            CHECK_UNCHANGED_VIEW(c, was);
            CHECK_EQU(v, 0x1122334455667788u);
            if (mv_sub(full, 10 - n, n, &c) != MV_OK)
                abort();
            size_t at[8];
            for (size_t k = 0; k < n; k++)
                at[k] = 10 - n + k;
            if (CHECK_ST(rd(&c, n, &v), MV_OK))
                CHECK_EQU(v, model_value(buf, at, n, big));
            CHECK_EQU(mv_len(c), 0);
        }
    }
}

/* Statuses of the writers, in the header's order: NULL, released,
 * read-only, too few items. */
static void write_failures_change_nothing(void)
{
    uint8_t buf[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }, want[8];
    memcpy(want, buf, 8);
    mv_view full = mvt_from(buf, 8), ro = mvt_readonly(full);
    mv_view dead = mvt_released(full), dead_ro = mvt_released(ro);
    for (size_t k = 0; k < N_KINDS; k++) {
        const struct kind *kd = &kinds[k];
        if (kd->write == NULL)
            continue;
        CHECK_ST(kd->write(NULL, 0), MV_EINVAL);
        mv_view c, was, shortc, shortro;
        MVT_COPY(c, dead);
        MVT_COPY(was, c);
        CHECK_ST(kd->write(&c, 0x55), MV_ERELEASED);
        CHECK_UNCHANGED_VIEW(c, was);
        MVT_COPY(c, dead_ro);
        CHECK_ST(kd->write(&c, 0x55), MV_ERELEASED); /* released before read-only */
        MVT_COPY(c, ro);
        MVT_COPY(was, c);
        CHECK_ST(kd->write(&c, 0x55), MV_EREADONLY);
        CHECK_UNCHANGED_VIEW(c, was);
        if (mv_sub(ro, 0, kd->width - 1, &shortro) != MV_OK ||
            mv_sub(full, 8 - (kd->width - 1), kd->width - 1, &shortc) != MV_OK)
            abort();
        MVT_COPY(was, shortro);
        CHECK_ST(kd->write(&shortro, 0x55), MV_EREADONLY); /* read-only before the length */
        CHECK_UNCHANGED_VIEW(shortro, was);
        MVT_COPY(was, shortc);
        CHECK_ST(kd->write(&shortc, 0x55), MV_ERANGE);
        CHECK_UNCHANGED_VIEW(shortc, was);
        mv_view empty = mvt_from(NULL, 0);
        CHECK_ST(kd->write(&empty, 0x55), MV_ERANGE);
        /* Read-only bytes seen through a read-only cursor stay read-only. */
        mv_view cro = mvt_from_const(buf, 8);
        CHECK_ST(kd->write(&cro, 0x55), MV_EREADONLY);
        CHECK_MEM(buf, want, 8);
    }
}

/* A cursor of exactly the width: one write fills it and empties it. */
static void write_exhausts_exactly(void)
{
    for (size_t k = 0; k < N_KINDS; k++) {
        const struct kind *kd = &kinds[k];
        if (kd->write == NULL)
            continue;
        uint8_t buf[N], want[N];
        mvt_pattern(buf, N);
        memcpy(want, buf, N);
        mvt_model whole, m;
        mvt_model_whole(&whole, N);
        mvt_model_slice(&whole, 1, MV_OMIT, 3, &m);
        mvt_model_cut(&m, 0, kd->width, &m);
        mv_view cur;
        if (mv_sub(mvt_slice(mvt_from(buf, N), 1, MV_OMIT, 3), 0, kd->width, &cur) != MV_OK)
            abort();
        uint64_t v = UINT64_C(0xF1E2D3C4B5A69788);
        model_write(want, m.idx, kd->width, kd->big, as_arg(kd, v));
        if (CHECK_ST(kd->write(&cur, v), MV_OK)) {
            CHECK_MEM(buf, want, N);
            CHECK_EQU(mv_len(cur), 0);
            CHECK_PTR(mv_data(cur), NULL);
        }
        mv_view was;
        MVT_COPY(was, cur);
        CHECK_ST(kd->write(&cur, v), MV_ERANGE);
        CHECK_UNCHANGED_VIEW(cur, was);
        CHECK_MEM(buf, want, N);
    }
}

/* ----------------------------------------------------------- read_view */

static void read_view_every_shape_and_length(void)
{
    uint8_t buf[N], before[N];
    mvt_pattern(buf, N);
    memcpy(before, buf, N);
    for (size_t s = 0; s < N_SHAPES; s++)
        for (int ro = 0; ro < 2; ro++) {
            mvt_model m, head, rest;
            mv_view start = shape_view(buf, s, &m);
            if (ro)
                start = mvt_readonly(start);
            const size_t extra[] = { (size_t)PTRDIFF_MAX, (size_t)PTRDIFF_MAX + 1, SIZE_MAX };
            for (size_t i = 0; i < m.len + 2 + 3; i++) {
                size_t n = i < m.len + 2 ? i : extra[i - m.len - 2];
                mv_view cur, out, was;
                MVT_COPY(cur, start);
                MVT_COPY(was, cur);
                MVT_FILL(out);
                mv_status st = mv_read_view(&cur, n, &out);
                if (n > m.len) {
                    CHECK_ST(st, MV_ERANGE);
                    CHECK_SENTINEL(&out, sizeof out);
                    CHECK_UNCHANGED_VIEW(cur, was);
                    continue;
                }
                if (!CHECK_ST(st, MV_OK))
                    continue;
                mvt_model_cut(&m, 0, n, &head);
                mvt_model_cut(&m, n, m.len - n, &rest);
                /* No copy: out is the first n items where they are. */
                CHECK_CURSOR(out, buf, &head, ro);
                CHECK_EQ(mv_stride(out), mv_stride(start));
                CHECK_CURSOR(cur, buf, &rest, ro);
            }
            CHECK_MEM(buf, before, N);
        }
}

static void read_view_failures_change_nothing(void)
{
    uint8_t buf[4] = { 1, 2, 3, 4 };
    mv_view full = mvt_from(buf, 4), dead = mvt_released(full), cur, out, was;
    MVT_COPY(cur, full);
    MVT_COPY(was, cur);
    MVT_FILL(out);
    CHECK_ST(mv_read_view(NULL, 1, &out), MV_EINVAL);
    CHECK_ST(mv_read_view(&cur, 1, NULL), MV_EINVAL);
    CHECK_ST(mv_read_view(&cur, 1, &cur), MV_EINVAL); /* the same object */
    CHECK_ST(mv_read_view(&cur, 0, &cur), MV_EINVAL);
    CHECK_UNCHANGED_VIEW(cur, was);
    mv_view d;
    MVT_COPY(d, dead);
    CHECK_ST(mv_read_view(&d, 0, &d), MV_EINVAL); /* pointers before the release */
    CHECK_ST(mv_read_view(&d, 0, &out), MV_ERELEASED);
    CHECK_ST(mv_read_view(&d, 9, &out), MV_ERELEASED);
    CHECK_UNCHANGED_VIEW(d, dead);
    CHECK_ST(mv_read_view(&cur, 5, &out), MV_ERANGE);
    CHECK_ST(mv_read_view(&cur, SIZE_MAX, &out), MV_ERANGE);
    CHECK_UNCHANGED_VIEW(cur, was);
    CHECK_SENTINEL(&out, sizeof out);
}

/* ---------------------------------------------------------- read_bytes */

static void read_bytes_every_shape_and_length(void)
{
    uint8_t buf[N], before[N];
    mvt_pattern(buf, N);
    memcpy(before, buf, N);
    for (size_t s = 0; s < N_SHAPES; s++)
        for (int ro = 0; ro < 2; ro++) {
            mvt_model m, rest;
            mv_view start = shape_view(buf, s, &m);
            if (ro)
                start = mvt_readonly(start);
            for (size_t n = 0; n <= m.len + 2; n++) {
                /* Exactly n bytes, so that the sanitizer sees a write past them. */
                uint8_t *dst = n ? malloc(n) : NULL;
                if (n)
                    memset(dst, MVT_SENTINEL, n);
                mv_view cur, was;
                MVT_COPY(cur, start);
                MVT_COPY(was, cur);
                mv_status st = mv_read_bytes(&cur, dst, n);
                if (n > m.len) {
                    CHECK_ST(st, MV_ERANGE);
                    CHECK_SENTINEL(dst, n);
                    CHECK_UNCHANGED_VIEW(cur, was);
                } else if (CHECK_ST(st, MV_OK)) {
                    uint8_t want[N];
                    for (size_t i = 0; i < n; i++)
                        want[i] = buf[m.idx[i]];
                    CHECK_MEM(dst, want, n);
                    mvt_model_cut(&m, n, m.len - n, &rest);
                    CHECK_CURSOR(cur, buf, &rest, ro);
                }
                free(dst);
            }
            CHECK_MEM(buf, before, N);
        }
}

static void read_bytes_failures_change_nothing(void)
{
    uint8_t buf[4] = { 1, 2, 3, 4 }, dst[8];
    memset(dst, MVT_SENTINEL, sizeof dst);
    mv_view full = mvt_from(buf, 4), dead = mvt_released(full), cur, was;
    MVT_COPY(cur, full);
    MVT_COPY(was, cur);
    CHECK_ST(mv_read_bytes(NULL, dst, 1), MV_EINVAL);
    CHECK_ST(mv_read_bytes(&cur, NULL, 1), MV_EINVAL);
    mv_view d;
    MVT_COPY(d, dead);
    CHECK_ST(mv_read_bytes(&d, NULL, 1), MV_EINVAL); /* the pointer before the release */
    CHECK_ST(mv_read_bytes(&d, dst, 1), MV_ERELEASED);
    CHECK_ST(mv_read_bytes(&d, NULL, 0), MV_ERELEASED);
    CHECK_UNCHANGED_VIEW(d, dead);
    CHECK_ST(mv_read_bytes(&cur, dst, 5), MV_ERANGE);
    CHECK_ST(mv_read_bytes(&cur, dst, SIZE_MAX), MV_ERANGE);
    CHECK_UNCHANGED_VIEW(cur, was);
    CHECK_SENTINEL(dst, sizeof dst);
    /* Nothing to read needs no buffer, and consumes nothing. */
    if (CHECK_ST(mv_read_bytes(&cur, NULL, 0), MV_OK)) {
        CHECK_EQU(mv_len(cur), 4);
        CHECK_PTR(mv_data(cur), buf);
    }
    mv_view empty = mvt_from(NULL, 0);
    CHECK_ST(mv_read_bytes(&empty, NULL, 0), MV_OK);
    CHECK_ST(mv_read_bytes(&empty, dst, 1), MV_ERANGE);
}

/* ---------------------------------------------------------- write_view */

/* The model of cur[:len(src)] = src: gather, then scatter. */
static void model_write_view(uint8_t *base, const mvt_model *cur, const uint8_t *src_base,
                             const mvt_model *src)
{
    uint8_t tmp[MVT_MODEL_MAX];
    for (size_t i = 0; i < src->len; i++)
        tmp[i] = src_base[src->idx[i]];
    for (size_t i = 0; i < src->len; i++)
        base[cur->idx[i]] = tmp[i];
}

/* Sources cut from the cursor's own buffer (overlapping it every way) and
 * from another one, of every length up to the cursor's and one more. */
static void write_view_every_shape_and_overlap(void)
{
    for (size_t s = 0; s < N_SHAPES; s++)
        for (size_t t = 0; t < N_SHAPES; t++)
            for (int same = 0; same < 2; same++) {
                uint8_t probe[N] = { 0 };
                mvt_model cm, sm_full;
                (void)shape_view(probe, s, &cm);
                (void)shape_view(probe, t, &sm_full);
                size_t maxn = sm_full.len < cm.len + 1 ? sm_full.len : cm.len + 1;
                for (size_t n = 0; n <= maxn; n++) {
                    uint8_t buf[N], other[N], want[N];
                    mvt_pattern(buf, N);
                    for (size_t i = 0; i < N; i++)
                        other[i] = (uint8_t)(0xA0 + i);
                    memcpy(want, buf, N);
                    mvt_model m, sm, rest;
                    mv_view cur = shape_view(buf, s, &m);
                    mv_view src = shape_view(same ? buf : other, t, &sm);
                    if (mv_sub(src, 0, n, &src) != MV_OK)
                        abort();
                    mvt_model_cut(&sm, 0, n, &sm);
                    mv_view was;
                    MVT_COPY(was, cur);
                    mv_status st = mv_write_view(&cur, src);
                    if (n > m.len) {
                        CHECK_ST(st, MV_ERANGE);
                        CHECK_UNCHANGED_VIEW(cur, was);
                        CHECK_MEM(buf, want, N);
                        continue;
                    }
                    model_write_view(want, &m, same ? want : other, &sm);
                    bool ok = CHECK_ST(st, MV_OK) && CHECK_MEM(buf, want, N);
                    mvt_model_cut(&m, n, m.len - n, &rest);
                    ok &= CHECK_CURSOR(cur, buf, &rest, false);
                    if (!ok)
                        printf("  cursor shape %zu, source shape %zu (%s buffer), %zu items\n", s,
                               t, same ? "same" : "other", n);
                }
            }
}

static void write_view_failures_change_nothing(void)
{
    uint8_t buf[4] = { 1, 2, 3, 4 }, want[4], src_bytes[5] = { 9, 9, 9, 9, 9 };
    memcpy(want, buf, 4);
    mv_view full = mvt_from(buf, 4), ro = mvt_readonly(full);
    mv_view src = mvt_from(src_bytes, 3), longer = mvt_from(src_bytes, 5);
    mv_view dead_src = mvt_released(src), dead = mvt_released(full), c, was;
    CHECK_ST(mv_write_view(NULL, src), MV_EINVAL);
    CHECK_ST(mv_write_view(NULL, dead_src), MV_EINVAL);
    /* Released cursor or source (before read-only, before the length). */
    MVT_COPY(c, dead);
    MVT_COPY(was, c);
    CHECK_ST(mv_write_view(&c, src), MV_ERELEASED);
    CHECK_UNCHANGED_VIEW(c, was);
    MVT_COPY(c, full);
    MVT_COPY(was, c);
    CHECK_ST(mv_write_view(&c, dead_src), MV_ERELEASED);
    CHECK_UNCHANGED_VIEW(c, was);
    MVT_COPY(c, ro);
    MVT_COPY(was, c);
    CHECK_ST(mv_write_view(&c, dead_src), MV_ERELEASED);
    CHECK_ST(mv_write_view(&c, src), MV_EREADONLY);
    CHECK_ST(mv_write_view(&c, longer), MV_EREADONLY); /* read-only before the length */
    CHECK_ST(mv_write_view(&c, mvt_from(NULL, 0)), MV_EREADONLY);
    CHECK_UNCHANGED_VIEW(c, was);
    MVT_COPY(c, full);
    MVT_COPY(was, c);
    CHECK_ST(mv_write_view(&c, longer), MV_ERANGE);
    CHECK_UNCHANGED_VIEW(c, was);
    CHECK_MEM(buf, want, 4);
    /* An empty source writes nothing and consumes nothing; a read-only
     * source is fine. */
    if (CHECK_ST(mv_write_view(&c, mvt_from(NULL, 0)), MV_OK)) {
        CHECK_EQU(mv_len(c), 4);
        CHECK_PTR(mv_data(c), buf);
    }
    if (CHECK_ST(mv_write_view(&c, mvt_readonly(src)), MV_OK)) {
        uint8_t w2[4] = { 9, 9, 9, 4 };
        CHECK_MEM(buf, w2, 4);
        CHECK_EQU(mv_len(c), 1);
        CHECK_PTR(mv_data(c), buf + 3);
    }
}

/* ------------------------------------------------------------ records */

/* A record written field by field and read back field by field, on cursors
 * of several shapes over one buffer: every value comes back, both cursors
 * end empty at the same time, and reading sees exactly what was written. */
static void record_written_then_read(void)
{
    enum { REC = 1 + 2 + 2 + 3 + 4 + 4 + 8 + 8 + 5 };
    static const struct shape rec_shapes[] = {
        { 0, REC, 1 }, { REC - 1, MV_OMIT, -1 }, { 1, 3 * REC, 3 }, { 3 * REC - 2, MV_OMIT, -3 },
    };
    for (size_t s = 0; s < sizeof rec_shapes / sizeof rec_shapes[0]; s++)
        for (int round = 0; round < 50; round++) {
            uint8_t buf[3 * REC];
            memset(buf, 0x5A, sizeof buf);
            mv_view whole = mvt_from(buf, sizeof buf);
            mv_view cur = mvt_slice(whole, rec_shapes[s].start, rec_shapes[s].stop, rec_shapes[s].step);
            if (!CHECK_EQU(mv_len(cur), REC))
                return;
            uint64_t v[8];
            for (int i = 0; i < 8; i++)
                v[i] = mvt_rand();
            uint8_t tail[5];
            for (int i = 0; i < 5; i++)
                tail[i] = (uint8_t)mvt_rand();
            mv_view w = cur;
            bool ok = CHECK_ST(mv_write_u8(&w, (uint8_t)v[0]), MV_OK);
            ok &= CHECK_ST(mv_write_be16(&w, (uint16_t)v[1]), MV_OK);
            ok &= CHECK_ST(mv_write_le16(&w, (uint16_t)v[2]), MV_OK);
            ok &= CHECK_ST(mv_write_be24(&w, (uint32_t)v[3]), MV_OK);
            ok &= CHECK_ST(mv_write_be32(&w, (uint32_t)v[4]), MV_OK);
            ok &= CHECK_ST(mv_write_le32(&w, (uint32_t)v[5]), MV_OK);
            ok &= CHECK_ST(mv_write_be64(&w, v[6]), MV_OK);
            ok &= CHECK_ST(mv_write_le64(&w, v[7]), MV_OK);
            ok &= CHECK_ST(mv_write_view(&w, mvt_from(tail, 5)), MV_OK);
            ok &= CHECK_EQU(mv_len(w), 0);
            if (!ok)
                return;
            mv_view r = mvt_readonly(cur);
            uint8_t u8;
            uint16_t u16;
            uint32_t u32;
            uint64_t u64;
            uint8_t got_tail[5];
            mv_view rest;
            if (CHECK_ST(mv_read_u8(&r, &u8), MV_OK))
                CHECK_EQU(u8, (uint8_t)v[0]);
            if (CHECK_ST(mv_read_be16(&r, &u16), MV_OK))
                CHECK_EQU(u16, (uint16_t)v[1]);
            if (CHECK_ST(mv_read_le16(&r, &u16), MV_OK))
                CHECK_EQU(u16, (uint16_t)v[2]);
            if (CHECK_ST(mv_read_be24(&r, &u32), MV_OK))
                CHECK_EQU(u32, (uint32_t)v[3] & 0xFFFFFFu);
            if (CHECK_ST(mv_read_be32(&r, &u32), MV_OK))
                CHECK_EQU(u32, (uint32_t)v[4]);
            if (CHECK_ST(mv_read_le32(&r, &u32), MV_OK))
                CHECK_EQU(u32, (uint32_t)v[5]);
            if (CHECK_ST(mv_read_be64(&r, &u64), MV_OK))
                CHECK_EQU(u64, v[6]);
            if (CHECK_ST(mv_read_le64(&r, &u64), MV_OK))
                CHECK_EQU(u64, v[7]);
            mv_view copy = r;
            if (CHECK_ST(mv_read_view(&copy, 5, &rest), MV_OK))
                CHECK(mv_equal(rest, mvt_from(tail, 5)));
            if (CHECK_ST(mv_read_bytes(&r, got_tail, 5), MV_OK))
                CHECK_MEM(got_tail, tail, 5);
            CHECK_EQU(mv_len(r), 0);
            CHECK_EQU(mv_len(copy), 0);
            /* Bytes outside the cursor's items kept their filler. */
            size_t outside = 0;
            for (size_t i = 0; i < sizeof buf; i++)
                outside += buf[i] == 0x5A;
            CHECK(outside >= sizeof buf - REC);
        }
}

/* Cursor operations never allocate. */
static void cursors_never_allocate(void)
{
    CHECK_EQU(mvt_alloc.calls, 0);
}

/* A contiguous cursor with a byte left after the integer takes the inline
 * path that loads or stores the bytes directly; the last bytes of a cursor
 * and strided cursors take the other.  Both against values written out by
 * hand (no model). */
static void contiguous_and_last_bytes_by_hand(void)
{
    static const uint8_t bytes[9] = { 0x81, 0x02, 0xf3, 0x04, 0x05, 0x96, 0x07, 0xe8, 0x09 };
    static const struct {
        size_t w;
        bool big;
        uint64_t value;
    } want[] = {
        { 1, true, 0x81 },           { 2, true, 0x8102 },
        { 3, true, 0x8102f3 },       { 4, true, 0x8102f304 },
        { 8, true, 0x8102f304059607e8u }, { 2, false, 0x0281 },
        { 4, false, 0x04f30281 },    { 8, false, 0xe807960504f30281u },
    };
    uint8_t buf[9];
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++)
        for (size_t extra = 0; extra <= 1; extra++) {
            size_t w = want[k].w, len = w + extra;
            /* Reads. */
            memcpy(buf, bytes, sizeof buf);
            mv_view c = mvt_from(buf, len);
            uint64_t got = 0;
            mv_status st = MV_EINVAL;
            uint8_t u8;
            uint16_t u16;
            uint32_t u32;
            switch (w * 2 + want[k].big) {
            case 3: st = mv_read_u8(&c, &u8); got = u8; break;
            case 5: st = mv_read_be16(&c, &u16); got = u16; break;
            case 4: st = mv_read_le16(&c, &u16); got = u16; break;
            case 7: st = mv_read_be24(&c, &u32); got = u32; break;
            case 9: st = mv_read_be32(&c, &u32); got = u32; break;
            case 8: st = mv_read_le32(&c, &u32); got = u32; break;
            case 17: st = mv_read_be64(&c, &got); break;
            case 16: st = mv_read_le64(&c, &got); break;
            }
            CHECK_ST(st, MV_OK);
            CHECK_EQU(got, want[k].value);
            CHECK_EQU(mv_len(c), extra);
            CHECK_PTR(mv_data(c), extra ? buf + w : NULL);
            CHECK_EQ(mv_stride(c), 1);
            /* Writes: the bytes again, from the value. */
            memset(buf, 0, sizeof buf);
            c = mvt_from(buf, len);
            switch (w * 2 + want[k].big) {
            case 3: st = mv_write_u8(&c, (uint8_t)want[k].value); break;
            case 5: st = mv_write_be16(&c, (uint16_t)want[k].value); break;
            case 4: st = mv_write_le16(&c, (uint16_t)want[k].value); break;
            case 7: st = mv_write_be24(&c, (uint32_t)want[k].value | 0xab000000u); break;
            case 9: st = mv_write_be32(&c, (uint32_t)want[k].value); break;
            case 8: st = mv_write_le32(&c, (uint32_t)want[k].value); break;
            case 17: st = mv_write_be64(&c, want[k].value); break;
            case 16: st = mv_write_le64(&c, want[k].value); break;
            }
            CHECK_ST(st, MV_OK);
            CHECK_MEM(buf, bytes, w);
            CHECK_EQU(buf[w], 0);
            CHECK_EQU(mv_len(c), extra);
            CHECK_PTR(mv_data(c), extra ? buf + w : NULL);
        }
    /* Stride 2: items 0, 2, 4, 6 of the bytes. */
    memcpy(buf, bytes, sizeof buf);
    mv_view s = mvt_slice(mvt_from(buf, 9), MV_OMIT, MV_OMIT, 2);
    uint32_t x = 0;
    CHECK_ST(mv_read_be32(&s, &x), MV_OK);
    CHECK_EQU(x, 0x81f30507u);
    CHECK_EQU(mv_len(s), 1);
    CHECK_PTR(mv_data(s), buf + 8);
    s = mvt_slice(mvt_from(buf, 9), MV_OMIT, MV_OMIT, 2);
    CHECK_ST(mv_write_le32(&s, 0x11223344u), MV_OK);
    CHECK_EQU(buf[0], 0x44);
    CHECK_EQU(buf[1], 0x02);
    CHECK_EQU(buf[2], 0x33);
    CHECK_EQU(buf[4], 0x22);
    CHECK_EQU(buf[6], 0x11);
    CHECK_EQU(buf[7], 0xe8);
}

static const mvt_case cases[] = {
    MVT(read_every_kind_every_shape),
    MVT(read_random_values),
    MVT(read_failures_change_nothing),
    MVT(read_exhausts_exactly),
    MVT(write_every_kind_every_shape),
    MVT(write_then_read_round_trip),
    MVT(write_be24_ignores_the_top_byte),
    MVT(write_le24_ignores_the_top_byte),
    MVT(signed_reads_match_cpython),
    MVT(uint_width_checked_in_order),
    MVT(write_failures_change_nothing),
    MVT(write_exhausts_exactly),
    MVT(read_view_every_shape_and_length),
    MVT(read_view_failures_change_nothing),
    MVT(read_bytes_every_shape_and_length),
    MVT(read_bytes_failures_change_nothing),
    MVT(write_view_every_shape_and_overlap),
    MVT(write_view_failures_change_nothing),
    MVT(record_written_then_read),
    MVT(contiguous_and_last_bytes_by_hand),
    MVT(cursors_never_allocate),
};

MVT_MAIN(cases)
