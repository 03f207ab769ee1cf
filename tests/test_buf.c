/*
 * test_buf.c — owner buffers: mv_buf_init, mv_buf_from, mv_buf_resize,
 * mv_buf_append, mv_buf_export, mv_buf_release, mv_buf_len,
 * mv_buf_exports, mv_buf_free, and the byte queue: mv_buf_reserve,
 * mv_buf_cap, mv_buf_clear, mv_buf_consume.
 *
 * The costs of the byte queue (geometric growth, compaction only when the
 * consumed prefix is at least as long as the contents) are checked from
 * the outside: bytes moved are counted whenever the contents' address
 * changes, blocks and their sizes through the test allocator.
 *
 * Expected contents come from a naive model: a plain byte array that a
 * resize truncates or extends with zeros and an append extends with the
 * source's items, read through the index-list model before the call (so a
 * source that views the buffer itself is modelled "as if copied first").
 * Every failure is checked to change nothing: the buffer struct byte for
 * byte, its contents, exported views, and the allocator's books.
 *
 * The library is built for the tests with the allocator of mv_alloc.h,
 * which these tests tell to fail a chosen call (every MV_ENOMEM path) or to
 * hand out a block of their choosing (the check in mv_buf_append that a
 * fresh block shares no byte with the old contents).  The buffer struct is
 * public, so tests read its fields to check the invariants the header
 * states (len <= cap <= PTRDIFF_MAX, data NULL exactly when cap is 0) and
 * set them directly for states no sequence of calls can reach (SIZE_MAX
 * live exports, contents at an address of the test's choosing).
 */
#include "mv_test.h"
#include "mv_model.h"
#include "mv_alloc.h"

#include "memview_sim.h"

#define N 24

static const struct shape {
    ptrdiff_t start, stop, step;
} shapes[] = {
    { MV_OMIT, MV_OMIT, MV_OMIT }, { MV_OMIT, MV_OMIT, -1 }, { 1, MV_OMIT, 2 },
    { MV_OMIT, MV_OMIT, -2 }, { 2, MV_OMIT, 3 }, { -1, MV_OMIT, -3 }, { 5, 6, 1 },
    { 7, 7, 1 }, { 3, 20, 5 }, { 20, 3, -5 }, { 0, MV_OMIT, N - 1 }, { -1, MV_OMIT, -(N - 1) },
    { 4, -4, 1 }, { -5, 3, -1 },
};
#define N_SHAPES (sizeof shapes / sizeof shapes[0])

/* A view of shape k over the n bytes at p, and the base indices of its
 * items. */
static mv_view shape_of(void *p, size_t n, size_t k, mvt_model *m)
{
    static mvt_model whole;
    mvt_model_whole(&whole, n);
    mvt_model_slice(&whole, shapes[k].start, shapes[k].stop, shapes[k].step, m);
    return mvt_slice(mvt_from(p, n), shapes[k].start, shapes[k].stop, shapes[k].step);
}

/* v[off:off+len], which must exist. */
static mv_view sub_of(mv_view v, size_t off, size_t len)
{
    mv_view r;
    if (mv_sub(v, off, len, &r) != MV_OK)
        abort();
    return r;
}

/* ------------------------------------------------------------ helpers */

static const uint8_t *bytes_of(const mv_buf *b)
{
    return (const uint8_t *)b->data;
}

/* The invariants the header gives the struct, and the two getters. */
static bool buf_ok(const mv_buf *b, const char *file, int line)
{
    bool ok = true;
    ok &= mvt_check(b->len <= b->cap, file, line, "b->len <= b->cap");
    ok &= mvt_check(b->cap <= (size_t)PTRDIFF_MAX, file, line, "b->cap <= PTRDIFF_MAX");
    ok &= mvt_check((b->cap == 0) == (b->data == NULL), file, line, "data NULL exactly when cap 0");
    ok &= mvt_check(b->head <= (size_t)PTRDIFF_MAX - b->cap, file, line,
                    "head + cap <= PTRDIFF_MAX");
    ok &= mvt_check(b->cap > 0 || b->head == 0, file, line, "head 0 when cap 0");
    ok &= mvt_check_uint(mv_buf_cap(b), b->cap, file, line, "mv_buf_cap(b)");
    ok &= mvt_check_uint(mv_buf_len(b), b->len, file, line, "mv_buf_len(b)");
    ok &= mvt_check_uint(mv_buf_exports(b), b->exports, file, line, "mv_buf_exports(b)");
    return ok;
}
#define CHECK_BUF_OK(b) buf_ok((b), __FILE__, __LINE__)

/* The contents are exactly want[0 .. n-1]. */
static bool buf_is(const mv_buf *b, const uint8_t *want, size_t n, const char *file, int line)
{
    if (!buf_ok(b, file, line))
        return false;
    if (!mvt_check_uint(mv_buf_len(b), n, file, line, "mv_buf_len(b)"))
        return false;
    return mvt_check_mem(bytes_of(b), want, n, file, line, "contents");
}
#define CHECK_BUF(b, want, n) buf_is((b), (want), (n), __FILE__, __LINE__)

/* A buffer as it was: its struct byte for byte, its contents, and how
 * many blocks the library held. */
typedef struct snap {
    mv_buf b;
    uint8_t bytes[4096];
    long live;
} snap;

static void take(snap *s, const mv_buf *b)
{
    memcpy(&s->b, b, sizeof *b);
    if (b->len > sizeof s->bytes)
        abort();
    if (b->len)
        memcpy(s->bytes, b->data, b->len);
    s->live = mvt_alloc.live;
}

/* Nothing changed: the struct, the contents, the blocks held (a block
 * taken and not given back, or the buffer's block freed, would show). */
static bool unchanged(const mv_buf *b, const snap *s, const char *file, int line)
{
    bool ok = mvt_check(memcmp(b, &s->b, sizeof *b) == 0, file, line, "buffer struct unchanged");
    if (ok && b->len)
        ok &= mvt_check_mem(bytes_of(b), s->bytes, b->len, file, line, "contents unchanged");
    ok &= mvt_check_int(mvt_alloc.live, s->live, file, line, "blocks held");
    return ok;
}
#define CHECK_UNCHANGED(b, s) unchanged((b), (s), __FILE__, __LINE__)

/* Set-up that must work. */
static void must(mv_status st, const char *what)
{
    if (st != MV_OK) {
        printf("setup: %s failed with %s\n", what, mvt_status_name(st));
        abort();
    }
}

/* A buffer holding the n bytes at p, with capacity exactly n. */
static void buf_of(mv_buf *b, const uint8_t *p, size_t n)
{
    must(mv_buf_from(b, mvt_from_const(p, n)), "mv_buf_from");
}

static void buf_free(mv_buf *b)
{
    must(mv_buf_free(b), "mv_buf_free");
}

/* The view mv_buf_export must return: the whole contents, stride 1. */
static bool is_export_of(mv_view v, const mv_buf *b, bool readonly, const char *file, int line)
{
    bool ok = mvt_check_uint(mv_len(v), b->len, file, line, "mv_len(export)");
    ok &= mvt_check(mv_is_valid(v), file, line, "mv_is_valid(export)");
    ok &= mvt_check_ptr(mv_data(v), b->len ? (const uint8_t *)b->data : NULL, file, line,
                        "mv_data(export)");
    ok &= mvt_check_int(mv_readonly(v), readonly, file, line, "mv_readonly(export)");
    ok &= mvt_check(mv_contiguous(v), file, line, "mv_contiguous(export)");
    if (b->len >= 2)
        ok &= mvt_check_int(mv_stride(v), 1, file, line, "mv_stride(export)");
    return ok;
}
#define CHECK_EXPORT(v, b, ro) is_export_of((v), (b), (ro), __FILE__, __LINE__)

static mv_view export_of(mv_buf *b, bool readonly)
{
    mv_view v;
    must(mv_buf_export(b, readonly, &v), "mv_buf_export");
    return v;
}

static void release_to(mv_buf *b, mv_view *v)
{
    must(mv_buf_release(b, v), "mv_buf_release");
}

/* A released view answers 0 / NULL / false and MV_ERELEASED. */
static bool is_released(mv_view v, const char *file, int line)
{
    uint8_t got = MVT_SENTINEL;
    bool ok = mvt_check(mv_is_valid(v), file, line, "mv_is_valid(released)");
    ok &= mvt_check_uint(mv_len(v), 0, file, line, "mv_len(released)");
    ok &= mvt_check_ptr(mv_data(v), NULL, file, line, "mv_data(released)");
    ok &= mvt_check(!mv_readonly(v) && !mv_contiguous(v) && mv_stride(v) == 0, file, line,
                    "released view's shape");
    ok &= mvt_check_status(mv_get(v, 0, &got), MV_ERELEASED, file, line, "mv_get(released)");
    ok &= mvt_check_status(mv_fill(v, 1), MV_ERELEASED, file, line, "mv_fill(released)");
    return ok;
}
#define CHECK_RELEASED(v) is_released((v), __FILE__, __LINE__)

/* Every test starts from pass-through allocation and leaves it so. */
static void fresh_alloc(void)
{
    mvt_alloc_reset();
}

/* ---------------------------------------------------------------- init */

static void init_lengths(void)
{
    const size_t lens[] = { 0, 1, 2, 7, 64, 1000, 65537 };
    for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
        size_t n = lens[i];
        mv_buf b;
        MVT_FILL(b); /* init does not look at what was there */
        fresh_alloc();
        if (!CHECK_ST(mv_buf_init(&b, n), MV_OK))
            continue;
        CHECK_BUF_OK(&b);
        CHECK_EQU(mv_buf_len(&b), n);
        CHECK_EQU(mv_buf_exports(&b), 0);
        bool zero = true;
        for (size_t k = 0; k < n; k++)
            zero &= bytes_of(&b)[k] == 0;
        CHECK(zero);
        CHECK_EQU(mvt_alloc.calls, n > 0); /* one block, none for nothing */
        if (n > 0)
            CHECK_EQU(mvt_alloc.last_size, n);
        CHECK_EQU(mvt_alloc.zero_sized, 0);
        buf_free(&b);
    }
}

static void init_failures_change_nothing(void)
{
    mv_buf b;
    fresh_alloc();
    CHECK_ST(mv_buf_init(NULL, 4), MV_EINVAL);
    CHECK_ST(mv_buf_init(NULL, SIZE_MAX), MV_EINVAL); /* the pointer first */
    MVT_FILL(b);
    const size_t huge[] = { (size_t)PTRDIFF_MAX + 1, SIZE_MAX - 1, SIZE_MAX };
    for (size_t i = 0; i < 3; i++)
        CHECK_ST(mv_buf_init(&b, huge[i]), MV_EOVERFLOW);
    CHECK_SENTINEL(&b, sizeof b);
    CHECK_EQU(mvt_alloc.calls, 0); /* refused before asking for memory */
}

static void init_enomem_changes_nothing(void)
{
    const size_t lens[] = { 1, 16, 4096 };
    for (size_t i = 0; i < 3; i++) {
        mv_buf b;
        MVT_FILL(b);
        fresh_alloc();
        long live = mvt_alloc.live;
        mvt_alloc.fail_nth = 1;
        CHECK_ST(mv_buf_init(&b, lens[i]), MV_ENOMEM);
        CHECK_SENTINEL(&b, sizeof b);
        CHECK_EQU(mvt_alloc.failed, 1);
        CHECK_EQ(mvt_alloc.live, live);
    }
    /* Nothing to allocate, nothing to fail. */
    mv_buf b;
    MVT_FILL(b);
    fresh_alloc();
    mvt_alloc.fail_all = true;
    if (CHECK_ST(mv_buf_init(&b, 0), MV_OK)) {
        CHECK_BUF_OK(&b);
        CHECK_EQU(mv_buf_len(&b), 0);
        CHECK_PTR(b.data, NULL);
    }
    CHECK_EQU(mvt_alloc.calls, 0);
    fresh_alloc();
}

/* PTRDIFF_MAX itself is a length the buffer may have: the request reaches
 * the allocator (told to fail it) with exactly that size. */
static void init_longest_length_reaches_the_allocator(void)
{
    mv_buf b;
    MVT_FILL(b);
    fresh_alloc();
    mvt_alloc.fail_all = true;
    CHECK_ST(mv_buf_init(&b, (size_t)PTRDIFF_MAX), MV_ENOMEM);
    CHECK_EQU(mvt_alloc.calls, 1);
    CHECK_EQU(mvt_alloc.last_size, (size_t)PTRDIFF_MAX);
    CHECK_SENTINEL(&b, sizeof b);
    fresh_alloc();
}

/* ---------------------------------------------------------------- from */

static void from_every_shape(void)
{
    uint8_t src[N];
    mvt_pattern(src, N);
    for (size_t k = 0; k < N_SHAPES; k++)
        for (int ro = 0; ro < 2; ro++) {
            mvt_model m;
            mv_view v = shape_of(src, N, k, &m);
            if (ro)
                v = mvt_readonly(v);
            uint8_t want[N], before[N];
            for (size_t i = 0; i < m.len; i++)
                want[i] = src[m.idx[i]];
            memcpy(before, src, N);
            mv_buf b;
            MVT_FILL(b);
            fresh_alloc();
            if (!CHECK_ST(mv_buf_from(&b, v), MV_OK))
                continue;
            CHECK_BUF(&b, want, m.len);
            CHECK_EQU(mv_buf_exports(&b), 0);
            CHECK_MEM(src, before, N); /* the source is only read */
            CHECK_EQU(mvt_alloc.calls, m.len > 0);
            CHECK_EQU(mvt_alloc.zero_sized, 0);
            /* A copy: writing the buffer leaves the source alone. */
            if (m.len) {
                mv_view e = export_of(&b, false);
                CHECK_ST(mv_fill(e, 0xEE), MV_OK);
                release_to(&b, &e);
                CHECK_MEM(src, before, N);
            }
            buf_free(&b);
        }
}

static void from_failures_change_nothing(void)
{
    uint8_t src[4] = { 1, 2, 3, 4 };
    mv_view v = mvt_from(src, 4), dead = mvt_released(v);
    mv_buf b;
    MVT_FILL(b);
    fresh_alloc();
    CHECK_ST(mv_buf_from(NULL, v), MV_EINVAL);
    CHECK_ST(mv_buf_from(NULL, dead), MV_EINVAL);
    CHECK_ST(mv_buf_from(&b, dead), MV_ERELEASED);
    CHECK_ST(mv_buf_from(&b, mvt_released(mvt_readonly(v))), MV_ERELEASED);
    CHECK_SENTINEL(&b, sizeof b);
    CHECK_EQU(mvt_alloc.calls, 0);
    /* Allocation failure: nothing written, the source untouched. */
    mvt_alloc.fail_nth = 1;
    CHECK_ST(mv_buf_from(&b, mvt_slice(v, MV_OMIT, MV_OMIT, -1)), MV_ENOMEM);
    CHECK_SENTINEL(&b, sizeof b);
    CHECK_EQU(src[0] + src[3], 5);
    /* An empty source needs no memory. */
    fresh_alloc();
    mvt_alloc.fail_all = true;
    if (CHECK_ST(mv_buf_from(&b, mvt_from(NULL, 0)), MV_OK)) {
        CHECK_BUF_OK(&b);
        CHECK_EQU(mv_buf_len(&b), 0);
    }
    CHECK_EQU(mvt_alloc.calls, 0);
    fresh_alloc();
}

/* The longest source: the allocator is asked for PTRDIFF_MAX bytes (and
 * told to refuse).  The view's items are never read: the copy comes after
 * the allocation. */
static void from_longest_source_reaches_the_allocator(void)
{
    static char one[1];
    mv_view huge;
    must(mv_from(one, (size_t)PTRDIFF_MAX, &huge), "mv_from");
    mv_buf b;
    MVT_FILL(b);
    fresh_alloc();
    mvt_alloc.fail_all = true;
    CHECK_ST(mv_buf_from(&b, huge), MV_ENOMEM);
    CHECK_EQU(mvt_alloc.last_size, (size_t)PTRDIFF_MAX);
    CHECK_SENTINEL(&b, sizeof b);
    fresh_alloc();
}

/* -------------------------------------------------------------- resize */

/* Every size in a walk up and down, including back up within the capacity
 * after the bytes there were written: new bytes are zero every time. */
static void resize_walk_keeps_and_zeroes(void)
{
    const size_t sizes[] = { 0, 5, 3, 10, 10, 0, 7, 1, 64, 2, 63, 64, 65, 1, 200, 0, 0, 9 };
    uint8_t want[256] = { 0 };
    size_t len = 0;
    mv_buf b;
    must(mv_buf_init(&b, 0), "mv_buf_init");
    fresh_alloc();
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        size_t n = sizes[i];
        if (!CHECK_ST(mv_buf_resize(&b, n), MV_OK))
            break;
        for (size_t k = len; k < n; k++)
            want[k] = 0; /* the model: truncate or extend with zeros */
        len = n;
        if (!CHECK_BUF(&b, want, len))
            printf("  after resize to %zu (step %zu)\n", n, i);
        /* Scribble over the contents through an export, so that stale
         * bytes would show if a later resize did not zero them. */
        if (len) {
            mv_view e = export_of(&b, false);
            CHECK_ST(mv_fill(e, (uint8_t)(0x40 + i)), MV_OK);
            release_to(&b, &e);
            memset(want, 0x40 + (int)i, len);
        }
    }
    CHECK_EQU(mvt_alloc.zero_sized, 0);
    buf_free(&b);
    fresh_alloc();
}

/* Shrinking and growing within the capacity allocate nothing; growing past
 * it allocates one block of the new size and frees the old one. */
static void resize_allocations(void)
{
    uint8_t src[16];
    mvt_pattern(src, 16);
    mv_buf b;
    buf_of(&b, src, 16);
    fresh_alloc();
    CHECK_ST(mv_buf_resize(&b, 16), MV_OK);
    CHECK_ST(mv_buf_resize(&b, 4), MV_OK);
    CHECK_ST(mv_buf_resize(&b, 16), MV_OK);
    CHECK_EQU(mvt_alloc.calls, 0);
    CHECK_EQU(mvt_alloc.frees, 0);
    uint8_t want[40] = { 0 };
    memcpy(want, src, 4);
    CHECK_BUF(&b, want, 16);
    char *old = b.data;
    if (CHECK_ST(mv_buf_resize(&b, 40), MV_OK)) {
        CHECK_EQU(mvt_alloc.calls, 1);
        CHECK_EQU(mvt_alloc.last_size, 40);
        CHECK_EQU(mvt_alloc.frees, 1);
        CHECK(b.data != old);
        CHECK_BUF(&b, want, 40);
    }
    buf_free(&b);
    fresh_alloc();
}

static void resize_failures_change_nothing(void)
{
    uint8_t src[6] = { 9, 8, 7, 6, 5, 4 };
    mv_buf b;
    snap s;
    fresh_alloc();
    CHECK_ST(mv_buf_resize(NULL, 0), MV_EINVAL);
    CHECK_ST(mv_buf_resize(NULL, SIZE_MAX), MV_EINVAL);
    buf_of(&b, src, 6);
    must(mv_buf_resize(&b, 3), "shrink"); /* capacity 6, length 3 */
    const size_t huge[] = { (size_t)PTRDIFF_MAX + 1, SIZE_MAX };
    take(&s, &b);
    fresh_alloc();
    for (size_t i = 0; i < 2; i++)
        CHECK_ST(mv_buf_resize(&b, huge[i]), MV_EOVERFLOW);
    CHECK_UNCHANGED(&b, &s);
    CHECK_EQU(mvt_alloc.calls, 0);
    /* Busy: every size is refused, the same size and the huge ones too
     * (busy is checked before the size), with one export or several, and
     * the exported views stay what they were. */
    const size_t sizes[] = { 0, 2, 3, 4, 6, 7, 100, (size_t)PTRDIFF_MAX, SIZE_MAX };
    for (int ro = 0; ro < 2; ro++)
        for (int count = 1; count <= 3; count++) {
            mv_view e[3], copy[3];
            for (int k = 0; k < count; k++) {
                e[k] = export_of(&b, ro && k == 0);
                MVT_COPY(copy[k], e[k]);
            }
            take(&s, &b);
            fresh_alloc();
            for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
                CHECK_ST(mv_buf_resize(&b, sizes[i]), MV_EBUSY);
            CHECK_UNCHANGED(&b, &s);
            CHECK_EQU(mvt_alloc.calls, 0);
            for (int k = 0; k < count; k++) {
                CHECK_UNCHANGED_VIEW(e[k], copy[k]);
                CHECK_EXPORT(e[k], &b, ro && k == 0);
            }
            for (int k = count - 1; k >= 0; k--)
                release_to(&b, &e[k]);
        }
    /* Allocation failure when growing past the capacity. */
    take(&s, &b);
    fresh_alloc();
    mvt_alloc.fail_nth = 1;
    CHECK_ST(mv_buf_resize(&b, 7), MV_ENOMEM);
    CHECK_UNCHANGED(&b, &s);
    CHECK_EQU(mvt_alloc.failed, 1);
    /* ... and the same call works once memory is there. */
    uint8_t want[7] = { 9, 8, 7, 0, 0, 0, 0 };
    if (CHECK_ST(mv_buf_resize(&b, 7), MV_OK))
        CHECK_BUF(&b, want, 7);
    buf_free(&b);
    fresh_alloc();
}

static void resize_to_the_longest_length_reaches_the_allocator(void)
{
    mv_buf b;
    snap s;
    must(mv_buf_init(&b, 3), "mv_buf_init");
    take(&s, &b);
    fresh_alloc();
    mvt_alloc.fail_all = true;
    CHECK_ST(mv_buf_resize(&b, (size_t)PTRDIFF_MAX), MV_ENOMEM);
    CHECK_EQU(mvt_alloc.last_size, (size_t)PTRDIFF_MAX);
    CHECK_UNCHANGED(&b, &s);
    fresh_alloc();
    buf_free(&b);
}

/* -------------------------------------------------------------- append */

/* b = want[0 .. len-1]; then append src (model items: src_items). */
static void model_append(uint8_t *want, size_t *len, const uint8_t *items, size_t n)
{
    memcpy(want + *len, items, n);
    *len += n;
}

/* Sources of every shape, from a separate array, onto empty and non-empty
 * buffers, read-only sources included. */
static void append_every_shape(void)
{
    uint8_t src[N];
    for (size_t i = 0; i < N; i++)
        src[i] = (uint8_t)(0xC0 + i);
    const size_t starts[] = { 0, 1, 5 };
    for (size_t s0 = 0; s0 < 3; s0++)
        for (size_t k = 0; k < N_SHAPES; k++)
            for (int ro = 0; ro < 2; ro++) {
                uint8_t first[8], want[64], items[N];
                size_t len = 0;
                mvt_pattern(first, starts[s0]);
                model_append(want, &len, first, starts[s0]);
                mv_buf b;
                buf_of(&b, first, starts[s0]);
                mvt_model m;
                mv_view v = shape_of(src, N, k, &m);
                if (ro)
                    v = mvt_readonly(v);
                for (size_t i = 0; i < m.len; i++)
                    items[i] = src[m.idx[i]];
                model_append(want, &len, items, m.len);
                if (CHECK_ST(mv_buf_append(&b, v), MV_OK))
                    CHECK_BUF(&b, want, len);
                CHECK_EQU(mv_buf_exports(&b), 0);
                buf_free(&b);
            }
}

/* A source that views the buffer's own contents (made with mv_from from
 * the public struct, not exported): the whole of it, slices, reversed and
 * strided, empty, one byte; with reallocation (the new length passes the
 * capacity) and without (capacity reserved by a larger init). */
static void append_own_contents(void)
{
    enum { L = 10 };
    for (int grow = 0; grow < 2; grow++)
        for (size_t k = 0; k < N_SHAPES; k++) {
            uint8_t first[L];
            mvt_pattern(first, L);
            mv_buf b;
            if (grow) {
                buf_of(&b, first, L); /* capacity L: any non-empty append moves it */
            } else {
                must(mv_buf_init(&b, 4 * L), "mv_buf_init");
                must(mv_buf_resize(&b, L), "mv_buf_resize");
                memcpy(b.data, first, L);
            }
            mvt_model m;
            mv_view v = shape_of(b.data, L, k, &m);
            uint8_t want[4 * L], items[L];
            size_t len = 0;
            for (size_t i = 0; i < m.len; i++)
                items[i] = first[m.idx[i]];
            model_append(want, &len, first, L);
            model_append(want, &len, items, m.len);
            fresh_alloc();
            if (CHECK_ST(mv_buf_append(&b, v), MV_OK)) {
                if (!CHECK_BUF(&b, want, len))
                    printf("  shape %zu, %s reallocation\n", k, grow ? "with" : "without");
                CHECK_EQU(mvt_alloc.calls, grow && m.len > 0);
                CHECK_EQU(mvt_alloc.frees, grow && m.len > 0);
            }
            /* Twice more: the second append's source is the grown buffer. */
            mv_view again = mvt_slice(mvt_from(b.data, len), MV_OMIT, MV_OMIT, -2);
            mvt_model whole, twice;
            mvt_model_whole(&whole, len);
            mvt_model_slice(&whole, MV_OMIT, MV_OMIT, -2, &twice);
            uint8_t items2[4 * L];
            for (size_t i = 0; i < twice.len; i++)
                items2[i] = want[twice.idx[i]];
            uint8_t want2[8 * L];
            size_t len2 = 0;
            model_append(want2, &len2, want, len);
            model_append(want2, &len2, items2, twice.len);
            if (CHECK_ST(mv_buf_append(&b, again), MV_OK))
                CHECK_BUF(&b, want2, len2);
            buf_free(&b);
        }
    fresh_alloc();
}

/* A source reaching past the contents into the spare capacity, so that it
 * overlaps the bytes being written (no reallocation): the result is the
 * source's items as they were before the call. */
static void append_source_overlapping_the_destination(void)
{
    enum { L = 8, CAP = 32 };
    const ptrdiff_t steps[] = { 1, -1, 2, -2, 3 };
    for (size_t s = 0; s < sizeof steps / sizeof steps[0]; s++)
        for (size_t from = 0; from < L; from++) {
            mv_buf b;
            must(mv_buf_init(&b, CAP), "mv_buf_init");
            for (size_t i = 0; i < CAP; i++)
                b.data[i] = (char)(0x10 + i); /* contents and spare bytes */
            must(mv_buf_resize(&b, L), "mv_buf_resize");
            /* Items from `from` stepping over [from, L + 6), in the block. */
            mv_view span = mvt_from(b.data, L + 6);
            mvt_model whole, m;
            mvt_model_whole(&whole, L + 6);
            ptrdiff_t st = steps[s];
            ptrdiff_t start = st > 0 ? (ptrdiff_t)from : (ptrdiff_t)(L + 5 - from);
            mvt_model_slice(&whole, start, MV_OMIT, st, &m);
            mv_view v = mvt_slice(span, start, MV_OMIT, st);
            uint8_t want[CAP], items[CAP];
            size_t len = 0;
            for (size_t i = 0; i < m.len; i++)
                items[i] = (uint8_t)b.data[m.idx[i]];
            model_append(want, &len, bytes_of(&b), L);
            model_append(want, &len, items, m.len);
            fresh_alloc();
            if (CHECK_ST(mv_buf_append(&b, v), MV_OK)) {
                if (!CHECK_BUF(&b, want, len))
                    printf("  step %td from %zu\n", st, from);
                CHECK_EQU(mvt_alloc.calls, 0);
            }
            buf_free(&b);
        }
    fresh_alloc();
}

/* One byte at a time from empty: the contents stay right through every
 * reallocation, and appends are amortized (the capacity grows
 * geometrically: a handful of allocations, not one per append). */
static void append_growth_one_byte_at_a_time(void)
{
    enum { L = 4096 };
    static uint8_t want[L];
    mv_buf b;
    must(mv_buf_init(&b, 0), "mv_buf_init");
    fresh_alloc();
    size_t requested = 0;
    for (size_t i = 0; i < L; i++) {
        uint8_t byte = (uint8_t)(i * 31 + 7);
        want[i] = byte;
        unsigned long before = mvt_alloc.calls;
        if (!CHECK_ST(mv_buf_append(&b, mvt_from_const(&byte, 1)), MV_OK))
            break;
        if (mvt_alloc.calls != before) {
            requested += mvt_alloc.last_size;
            CHECK(mvt_alloc.last_size >= i + 1);
        }
        if (i % 97 == 0 || i == L - 1)
            CHECK_BUF(&b, want, i + 1);
    }
    CHECK(mvt_alloc.calls <= 2 * 12 + 2); /* 2 log2(L) + 2 */
    CHECK(requested <= 4 * (size_t)L);
    CHECK_EQU(mvt_alloc.frees, mvt_alloc.calls - 1); /* every old block freed */
    CHECK_EQU(mvt_alloc.zero_sized, 0);
    buf_free(&b);
    fresh_alloc();
}

/* A random walk of appends (of random shapes, own contents included) and
 * resizes against the model. */
static void append_and_resize_random_walk(void)
{
    enum { MAXLEN = 3000 };
    static uint8_t want[MAXLEN], items[MAXLEN], ext[64];
    size_t len = 0;
    mv_buf b;
    must(mv_buf_init(&b, 0), "mv_buf_init");
    for (int step = 0; step < 4000; step++) {
        unsigned kind = (unsigned)mvt_below(10);
        if (kind < 3 || len > MAXLEN / 3) {
            size_t n = (size_t)mvt_below(len + 40);
            if (!CHECK_ST(mv_buf_resize(&b, n), MV_OK))
                break;
            for (size_t k = len; k < n; k++)
                want[k] = 0;
            len = n;
        } else {
            bool own = kind < 7 && len > 0;
            size_t n = own ? len : sizeof ext;
            if (!own)
                for (size_t i = 0; i < n; i++)
                    ext[i] = (uint8_t)mvt_rand();
            ptrdiff_t st = (ptrdiff_t)mvt_below(7) - 3;
            st = st ? st : 1;
            ptrdiff_t a = (ptrdiff_t)mvt_below(n + 1) - (ptrdiff_t)(n / 2);
            ptrdiff_t z = mvt_below(4) ? MV_OMIT : (ptrdiff_t)mvt_below(n + 1);
            mvt_model whole, m;
            mvt_model_whole(&whole, n);
            mvt_model_slice(&whole, a, z, st, &m);
            const uint8_t *base = own ? bytes_of(&b) : ext;
            for (size_t i = 0; i < m.len; i++)
                items[i] = base[m.idx[i]];
            mv_view v = mvt_slice(own ? mvt_from(b.data, n) : mvt_from(ext, n), a, z, st);
            if (!CHECK_ST(mv_buf_append(&b, v), MV_OK))
                break;
            model_append(want, &len, items, m.len);
        }
        if (!CHECK_BUF(&b, want, len)) {
            printf("  after step %d\n", step);
            break;
        }
    }
    buf_free(&b);
}

static void append_failures_change_nothing(void)
{
    uint8_t src[5] = { 1, 2, 3, 4, 5 }, other[3] = { 7, 8, 9 };
    mv_view ext = mvt_from(other, 3), dead = mvt_released(ext), empty = mvt_from(NULL, 0);
    mv_buf b;
    snap s;
    fresh_alloc();
    CHECK_ST(mv_buf_append(NULL, ext), MV_EINVAL);
    CHECK_ST(mv_buf_append(NULL, dead), MV_EINVAL);
    buf_of(&b, src, 5);
    take(&s, &b);
    CHECK_ST(mv_buf_append(&b, dead), MV_ERELEASED);
    CHECK_UNCHANGED(&b, &s);
    /* Busy: every source is refused, an empty one too (memview refuses any
     * append while exported; CPython lets one that changes nothing
     * through), a released source is reported first. */
    for (int ro = 0; ro < 2; ro++) {
        mv_view e = export_of(&b, ro), copy;
        MVT_COPY(copy, e);
        take(&s, &b);
        fresh_alloc();
        CHECK_ST(mv_buf_append(&b, ext), MV_EBUSY);
        CHECK_ST(mv_buf_append(&b, empty), MV_EBUSY);
        CHECK_ST(mv_buf_append(&b, e), MV_EBUSY); /* its own export as the source */
        CHECK_ST(mv_buf_append(&b, mvt_from(b.data, 5)), MV_EBUSY);
        CHECK_ST(mv_buf_append(&b, dead), MV_ERELEASED);
        CHECK_UNCHANGED(&b, &s);
        CHECK_UNCHANGED_VIEW(e, copy);
        CHECK_EQU(mvt_alloc.calls, 0);
        release_to(&b, &e);
    }
    /* Allocation failure on growth, with an outside source and with the
     * buffer's own bytes. */
    mv_view own = mvt_slice(mvt_from(b.data, 5), MV_OMIT, MV_OMIT, -1);
    mv_view sources[2] = { ext, own };
    for (int i = 0; i < 2; i++) {
        take(&s, &b);
        fresh_alloc();
        mvt_alloc.fail_nth = 1;
        CHECK_ST(mv_buf_append(&b, sources[i]), MV_ENOMEM);
        CHECK_UNCHANGED(&b, &s);
        CHECK_EQU(mvt_alloc.failed, 1);
    }
    fresh_alloc();
    buf_free(&b);
}

/* The new length may reach PTRDIFF_MAX but not pass it.  Sources claim
 * huge lengths over one byte: the checks come before any item is read, and
 * the one request that passes them is refused by the allocator. */
static void append_overflow(void)
{
    static char one[1];
    mv_view longest, shorter;
    must(mv_from(one, (size_t)PTRDIFF_MAX, &longest), "mv_from");
    must(mv_from(one, (size_t)PTRDIFF_MAX - 3, &shorter), "mv_from");
    uint8_t src[4] = { 1, 2, 3, 4 };
    mv_buf b;
    snap s;
    buf_of(&b, src, 4);
    take(&s, &b);
    fresh_alloc();
    CHECK_ST(mv_buf_append(&b, longest), MV_EOVERFLOW);
    CHECK_ST(mv_buf_append(&b, shorter), MV_EOVERFLOW); /* 4 + PTRDIFF_MAX - 3 */
    CHECK_UNCHANGED(&b, &s);
    CHECK_EQU(mvt_alloc.calls, 0);
    /* Busy comes before overflow. */
    mv_view e = export_of(&b, false);
    take(&s, &b);
    CHECK_ST(mv_buf_append(&b, longest), MV_EBUSY);
    CHECK_UNCHANGED(&b, &s);
    release_to(&b, &e);
    /* 3 + (PTRDIFF_MAX - 3) is exactly PTRDIFF_MAX: allowed. */
    must(mv_buf_resize(&b, 3), "mv_buf_resize");
    take(&s, &b);
    fresh_alloc();
    mvt_alloc.fail_all = true;
    CHECK_ST(mv_buf_append(&b, shorter), MV_ENOMEM);
    CHECK_EQU(mvt_alloc.calls, 1);
    CHECK_EQU(mvt_alloc.last_size, (size_t)PTRDIFF_MAX);
    CHECK_UNCHANGED(&b, &s);
    fresh_alloc();
    /* An empty source never overflows and never allocates. */
    if (CHECK_ST(mv_buf_append(&b, mvt_from(NULL, 0)), MV_OK))
        CHECK_UNCHANGED(&b, &s);
    CHECK_EQU(mvt_alloc.calls, 0);
    buf_free(&b);
}

/* The check in mv_buf_append that a fresh block shares no byte with the
 * old contents it is about to be filled from.  malloc never returns such
 * a block; the test's allocator does: the buffer's contents are put at a
 * fixed place in an arena the test owns, and the fresh block is placed at
 * every offset around them.  Whatever the placement, the call either
 * succeeds with the right contents, or returns MV_ENOMEM having changed
 * nothing (the arena included) and handed the fresh block back; a block
 * apart from everything must succeed, and a block whose appended part lands
 * on the old contents must be refused (copying there would destroy bytes
 * still to be read). */
static void append_fresh_block_overlapping_the_contents(void)
{
    enum { ARENA = 512, BASE = 200, L = 12, CAP = 12, SRC = 5 };
    static char arena[ARENA], before[ARENA];
    uint8_t ext[SRC] = { 0xE0, 0xE1, 0xE2, 0xE3, 0xE4 };
    const size_t newcap = 2 * CAP; /* what the doubling rule asks for */
    unsigned refused = 0, apart_ok = 0;
    for (int src_kind = 0; src_kind < 4; src_kind++)
        for (ptrdiff_t d = -(ptrdiff_t)newcap - 4; d <= CAP + 4; d++) {
            for (size_t i = 0; i < ARENA; i++)
                arena[i] = (char)(i * 13 + 1);
            mv_buf b = { arena + BASE, L, CAP, 0, 0, false, false };
            /* Sources: outside, the whole contents, reversed, strided. */
            mv_view own = mvt_from(b.data, L), v;
            mvt_model whole, m;
            mvt_model_whole(&whole, L);
            switch (src_kind) {
            case 0: v = mvt_from(ext, SRC); mvt_model_whole(&m, SRC); break;
            case 1: v = sub_of(own, 0, SRC); mvt_model_cut(&whole, 0, SRC, &m); break;
            case 2: v = mvt_slice(own, MV_OMIT, L - SRC - 1, -1); mvt_model_slice(&whole, MV_OMIT, L - SRC - 1, -1, &m); break;
            default: v = mvt_slice(own, 1, MV_OMIT, 2); mvt_model_slice(&whole, 1, MV_OMIT, 2, &m); break;
            }
            uint8_t want[64], items[SRC + L];
            size_t len = 0;
            const uint8_t *from = src_kind == 0 ? ext : bytes_of(&b);
            for (size_t i = 0; i < m.len; i++)
                items[i] = from[m.idx[i]];
            model_append(want, &len, bytes_of(&b), L);
            model_append(want, &len, items, m.len);
            memcpy(before, arena, ARENA);
            mv_buf saved = b;
            char *fresh = arena + BASE + d;
            fresh_alloc();
            mvt_alloc.arena = arena;
            mvt_alloc.arena_len = ARENA;
            mvt_alloc.give = fresh;
            mv_status st = mv_buf_append(&b, v);
            /* Where the appended items would land, against the contents. */
            bool lands_on_old = BASE + d + L < BASE + L && BASE + d + L + (ptrdiff_t)m.len > BASE;
            bool apart = BASE + d + (ptrdiff_t)newcap <= BASE || BASE + d >= BASE + CAP;
            bool ok = CHECK_EQU(mvt_alloc.calls, 1) && CHECK_EQU(mvt_alloc.given, 1) &&
                      CHECK_EQU(mvt_alloc.last_size, newcap);
            if (st == MV_ENOMEM) {
                refused++;
                ok &= CHECK(!apart);
                ok &= CHECK(memcmp(&b, &saved, sizeof b) == 0);
                ok &= CHECK(memcmp(arena, before, ARENA) == 0);
                ok &= CHECK_EQU(mvt_alloc.arena_frees, 1);
                ok &= CHECK_PTR(mvt_alloc.last_arena_free, fresh);
            } else if (CHECK_ST(st, MV_OK)) {
                apart_ok += apart;
                ok &= CHECK(!lands_on_old);
                ok &= CHECK_PTR(b.data, fresh);
                ok &= CHECK_EQU(b.cap, newcap);
                ok &= CHECK_BUF(&b, want, len);
                ok &= CHECK_EQU(mvt_alloc.arena_frees, 1); /* the old block */
                ok &= CHECK_PTR(mvt_alloc.last_arena_free, arena + BASE);
                /* Outside the new contents and the old block nothing moved. */
                for (size_t i = 0; i < ARENA; i++) {
                    ptrdiff_t at = (ptrdiff_t)i;
                    bool new_part = at >= BASE + d && at < BASE + d + (ptrdiff_t)len;
                    bool old_part = at >= BASE && at < BASE + CAP;
                    if (!new_part && !old_part && arena[i] != before[i]) {
                        ok &= CHECK(!"a byte outside both blocks changed");
                        break;
                    }
                }
            } else {
                ok = false;
            }
            if (!ok)
                printf("  source kind %d, fresh block at offset %td from the contents\n",
                       src_kind, d);
            mvt_alloc_reset();
        }
    CHECK(refused > 0);
    CHECK(apart_ok > 0);
}

/* -------------------------------------------------------------- export */

static void export_views_the_contents(void)
{
    uint8_t src[6] = { 10, 20, 30, 40, 50, 60 };
    mv_buf b;
    buf_of(&b, src, 6);
    fresh_alloc();
    mv_view rw, ro;
    MVT_FILL(rw);
    MVT_FILL(ro);
    if (CHECK_ST(mv_buf_export(&b, false, &rw), MV_OK))
        CHECK_EXPORT(rw, &b, false);
    CHECK_EQU(mv_buf_exports(&b), 1);
    if (CHECK_ST(mv_buf_export(&b, true, &ro), MV_OK))
        CHECK_EXPORT(ro, &b, true);
    CHECK_EQU(mv_buf_exports(&b), 2);
    CHECK_EQU(mvt_alloc.calls, 0); /* a view, not a copy */
    /* Writes through one export are the buffer's contents, seen by the
     * other; the read-only one refuses them. */
    CHECK_ST(mv_set(rw, -1, 0x99), MV_OK);
    uint8_t got = 0;
    CHECK_ST(mv_get(ro, 5, &got), MV_OK);
    CHECK_EQ(got, 0x99);
    CHECK_EQ(bytes_of(&b)[5], 0x99);
    CHECK_ST(mv_set(ro, 0, 1), MV_EREADONLY);
    CHECK_EQ(bytes_of(&b)[0], 10);
    release_to(&b, &ro);
    release_to(&b, &rw);
    CHECK_EQU(mv_buf_exports(&b), 0);
    buf_free(&b);
}

/* Empty buffers export empty views (no item 0): a fresh one, and one that
 * still holds a block after shrinking to 0. */
static void export_of_empty_buffers(void)
{
    mv_buf b;
    must(mv_buf_init(&b, 0), "mv_buf_init");
    mv_view v;
    MVT_FILL(v);
    if (CHECK_ST(mv_buf_export(&b, false, &v), MV_OK)) {
        CHECK_EXPORT(v, &b, false);
        CHECK_ST(mv_buf_resize(&b, 0), MV_EBUSY);
        CHECK_ST(mv_buf_free(&b), MV_EBUSY);
        CHECK_ST(mv_buf_release(&b, &v), MV_OK);
        CHECK_RELEASED(v);
    }
    must(mv_buf_resize(&b, 8), "mv_buf_resize");
    must(mv_buf_resize(&b, 0), "mv_buf_resize");
    CHECK(b.data != NULL); /* the block is kept */
    MVT_FILL(v);
    if (CHECK_ST(mv_buf_export(&b, true, &v), MV_OK)) {
        CHECK_EXPORT(v, &b, true);
        CHECK_PTR(mv_data(v), NULL);
        CHECK_ST(mv_buf_release(&b, &v), MV_OK);
    }
    buf_free(&b);
}

static void export_failures_change_nothing(void)
{
    mv_buf b;
    snap s;
    must(mv_buf_init(&b, 3), "mv_buf_init");
    mv_view out;
    MVT_FILL(out);
    take(&s, &b);
    CHECK_ST(mv_buf_export(NULL, false, &out), MV_EINVAL);
    CHECK_ST(mv_buf_export(&b, false, NULL), MV_EINVAL);
    CHECK_ST(mv_buf_export(NULL, true, NULL), MV_EINVAL);
    CHECK_SENTINEL(&out, sizeof out);
    CHECK_UNCHANGED(&b, &s);
    /* SIZE_MAX live exports cannot be reached by calls; the struct is
     * public, so the count is set directly.  One below: one more export
     * works; at SIZE_MAX: MV_EOVERFLOW and nothing written.  (NULL is still
     * reported first.) */
    b.exports = SIZE_MAX - 1;
    mv_view last;
    MVT_FILL(last);
    if (CHECK_ST(mv_buf_export(&b, true, &last), MV_OK)) {
        CHECK_EQU(mv_buf_exports(&b), SIZE_MAX);
        CHECK_EXPORT(last, &b, true);
    }
    take(&s, &b);
    CHECK_ST(mv_buf_export(&b, false, &out), MV_EOVERFLOW);
    CHECK_ST(mv_buf_export(&b, true, &out), MV_EOVERFLOW);
    CHECK_ST(mv_buf_export(&b, false, NULL), MV_EINVAL);
    CHECK_SENTINEL(&out, sizeof out);
    CHECK_UNCHANGED(&b, &s);
    /* Release works from SIZE_MAX down. */
    if (CHECK_ST(mv_buf_release(&b, &last), MV_OK))
        CHECK_EQU(mv_buf_exports(&b), SIZE_MAX - 1);
    b.exports = 0;
    buf_free(&b);
}

/* ------------------------------------------------------------- release */

static void release_ends_one_export(void)
{
    uint8_t src[4] = { 4, 3, 2, 1 };
    mv_buf b;
    buf_of(&b, src, 4);
    mv_view e[3];
    for (int k = 0; k < 3; k++)
        e[k] = export_of(&b, k == 1);
    for (int k = 0; k < 3; k++) {
        CHECK_ST(mv_buf_resize(&b, 2), MV_EBUSY);
        if (CHECK_ST(mv_buf_release(&b, &e[k]), MV_OK))
            CHECK_RELEASED(e[k]);
        CHECK_EQU(mv_buf_exports(&b), 2 - k);
    }
    uint8_t want[2] = { 4, 3 };
    if (CHECK_ST(mv_buf_resize(&b, 2), MV_OK)) /* no export left */
        CHECK_BUF(&b, want, 2);
    buf_free(&b);
}

/* Views are values: a copy of the exported view is the same view, and
 * handing it back ends the export. */
static void release_takes_a_copy_of_the_export(void)
{
    uint8_t src[3] = { 1, 2, 3 };
    mv_buf b;
    buf_of(&b, src, 3);
    mv_view e = export_of(&b, false), copy = e;
    if (CHECK_ST(mv_buf_release(&b, &copy), MV_OK)) {
        CHECK_RELEASED(copy);
        CHECK_EQU(mv_buf_exports(&b), 0);
    }
    /* e is now a view the buffer no longer counts: more than exported. */
    mv_view before;
    MVT_COPY(before, e);
    CHECK_ST(mv_buf_release(&b, &e), MV_EINVAL);
    CHECK_UNCHANGED_VIEW(e, before);
    CHECK_EQU(mv_buf_exports(&b), 0);
    buf_free(&b);
}

static void release_failures_change_nothing(void)
{
    uint8_t src[6] = { 1, 2, 3, 4, 5, 6 }, other_src[6] = { 6, 5, 4, 3, 2, 1 };
    static uint8_t outside[6];
    mv_buf b, other;
    snap s;
    buf_of(&b, src, 6);
    buf_of(&other, other_src, 6);
    mv_view e = export_of(&b, false), oe = export_of(&other, false);
    mv_view dead = mvt_released(e);
    /* NULL first, then a released view, then the arguments. */
    take(&s, &b);
    CHECK_ST(mv_buf_release(NULL, &e), MV_EINVAL);
    CHECK_ST(mv_buf_release(&b, NULL), MV_EINVAL);
    CHECK_ST(mv_buf_release(NULL, &dead), MV_EINVAL);
    CHECK_ST(mv_buf_release(&b, &dead), MV_ERELEASED);
    /* Views that are not the one b exported: another buffer's export, a
     * piece of b's export, b's bytes in another shape, other bytes of the
     * same length. */
    mv_view foreign[8];
    size_t nf = 0;
    foreign[nf++] = oe;
    foreign[nf++] = sub_of(e, 0, 5);
    foreign[nf++] = sub_of(e, 1, 5);
    foreign[nf++] = mvt_slice(e, MV_OMIT, MV_OMIT, -1);
    foreign[nf++] = mvt_slice(e, MV_OMIT, MV_OMIT, 2);
    foreign[nf++] = mvt_from(outside, 6);
    foreign[nf++] = mvt_from(NULL, 0);
    foreign[nf++] = sub_of(e, 6, 0);
    for (size_t i = 0; i < nf; i++) {
        mv_view before;
        MVT_COPY(before, foreign[i]);
        if (!CHECK_ST(mv_buf_release(&b, &foreign[i]), MV_EINVAL))
            printf("  foreign view %zu\n", i);
        CHECK_UNCHANGED_VIEW(foreign[i], before);
    }
    CHECK_UNCHANGED(&b, &s);
    CHECK_EQU(mv_buf_exports(&other), 1);
    /* A released view is reported before "no live export". */
    release_to(&b, &e);
    take(&s, &b);
    CHECK_ST(mv_buf_release(&b, &e), MV_ERELEASED);
    /* No live export: even b's own view shape is refused. */
    mv_view lookalike = mvt_from(b.data, 6);
    CHECK_ST(mv_buf_release(&b, &lookalike), MV_EINVAL);
    CHECK_UNCHANGED(&b, &s);
    release_to(&other, &oe);
    buf_free(&b);
    buf_free(&other);
}

/* Releasing more than was exported, one at a time. */
static void release_more_than_exported(void)
{
    uint8_t src[2] = { 1, 2 };
    mv_buf b;
    buf_of(&b, src, 2);
    mv_view e1 = export_of(&b, false), e2 = export_of(&b, true);
    mv_view c1 = e1, c2 = e2;
    release_to(&b, &e1);
    release_to(&b, &e2);
    snap s;
    take(&s, &b);
    CHECK_ST(mv_buf_release(&b, &c1), MV_EINVAL);
    CHECK_ST(mv_buf_release(&b, &c2), MV_EINVAL);
    CHECK_UNCHANGED(&b, &s);
    CHECK_EQU(mv_buf_exports(&b), 0);
    buf_free(&b);
}

/* ---------------------------------------------------------------- free */

static void free_and_reuse(void)
{
    uint8_t src[5] = { 1, 2, 3, 4, 5 };
    mv_buf b;
    buf_of(&b, src, 5);
    fresh_alloc();
    if (CHECK_ST(mv_buf_free(&b), MV_OK)) {
        /* As after mv_buf_init(b, 0). */
        CHECK_PTR(b.data, NULL);
        CHECK_EQU(b.len, 0);
        CHECK_EQU(b.cap, 0);
        CHECK_EQU(b.exports, 0);
        CHECK_EQU(mvt_alloc.frees, 1);
    }
    CHECK_ST(mv_buf_free(&b), MV_OK); /* again: nothing to free */
    CHECK_EQU(mvt_alloc.frees, 1);
    if (CHECK_ST(mv_buf_append(&b, mvt_from(src, 5)), MV_OK))
        CHECK_BUF(&b, src, 5);
    buf_free(&b);
    /* A freed buffer can be initialized again. */
    if (CHECK_ST(mv_buf_init(&b, 2), MV_OK))
        buf_free(&b);
    fresh_alloc();
}

static void free_failures_change_nothing(void)
{
    uint8_t src[3] = { 7, 7, 7 };
    mv_buf b;
    snap s;
    CHECK_ST(mv_buf_free(NULL), MV_EINVAL);
    buf_of(&b, src, 3);
    for (int ro = 0; ro < 2; ro++) {
        mv_view e = export_of(&b, ro), copy;
        MVT_COPY(copy, e);
        take(&s, &b);
        fresh_alloc();
        CHECK_ST(mv_buf_free(&b), MV_EBUSY);
        CHECK_UNCHANGED(&b, &s);
        CHECK_UNCHANGED_VIEW(e, copy);
        /* The export still views live bytes (ASan would see a free). */
        uint8_t got = 0;
        CHECK_ST(mv_get(e, 2, &got), MV_OK);
        CHECK_EQ(got, 7);
        release_to(&b, &e);
    }
    buf_free(&b);
}

/* ----------------------------------------------------- len and exports */

static void len_and_exports_of_null(void)
{
    CHECK_EQU(mv_buf_len(NULL), 0);
    CHECK_EQU(mv_buf_exports(NULL), 0);
    mv_buf b = { NULL, 0, 0, 0, 0, false, false };
    b.exports = 12345;
    CHECK_EQU(mv_buf_exports(&b), 12345);
}

/* --------------------------------------------- random, with failures */

/* Random operations on two buffers against the model, with allocation
 * failures injected at random: a call that fails with MV_ENOMEM changed
 * nothing (and an injected failure did happen); any other result is the
 * model's. */
typedef struct mbuf {
    uint8_t bytes[1024];
    size_t len;
    size_t exports;
    mv_view views[4];
    bool live[4];
} mbuf;

static void random_operations_with_allocation_failures(void)
{
    static mbuf model[2];
    mv_buf bufs[2];
    memset(model, 0, sizeof model);
    for (int i = 0; i < 2; i++)
        must(mv_buf_init(&bufs[i], 0), "mv_buf_init");
    unsigned long enomem = 0;
    for (int step = 0; step < 20000; step++) {
        int w = (int)mvt_below(2);
        mv_buf *b = &bufs[w];
        mbuf *m = &model[w];
        snap s;
        take(&s, b);
        fresh_alloc();
        if (mvt_below(2) == 0)
            mvt_alloc.fail_nth = 1;
        unsigned kind = (unsigned)mvt_below(14);
        size_t count = 0;
        mv_status st, want;
        uint8_t items[1024];
        size_t nitems = 0, newlen = m->len;
        int slot = (int)mvt_below(4);
        if (kind == 7 || kind == 8) /* release: a live slot when there is one */
            for (int k = 0; k < 4 && !m->live[slot]; k++)
                slot = (slot + 1) % 4;
        switch (kind) {
        case 0:
        case 1:
        case 2: /* resize */
            newlen = (size_t)mvt_below(300);
            want = m->exports ? MV_EBUSY : MV_OK;
            st = mv_buf_resize(b, newlen);
            break;
        case 3:
        case 4:
        case 5: { /* append a slice of either buffer */
            int from = (int)mvt_below(2);
            size_t n = bufs[from].len;
            ptrdiff_t stp = (ptrdiff_t)mvt_below(5) - 2;
            stp = stp ? stp : 1;
            mvt_model whole, sm;
            mvt_model_whole(&whole, n);
            ptrdiff_t a = (ptrdiff_t)mvt_below(n + 1);
            mvt_model_slice(&whole, a, MV_OMIT, stp, &sm);
            if (m->len + sm.len > 600)
                continue;
            for (size_t i = 0; i < sm.len; i++)
                items[i] = bytes_of(&bufs[from])[sm.idx[i]];
            nitems = sm.len;
            mv_view v = mvt_slice(mvt_from(bufs[from].data, n), a, MV_OMIT, stp);
            want = m->exports ? MV_EBUSY : MV_OK;
            newlen = m->len + nitems;
            st = mv_buf_append(b, v);
            break;
        }
        case 6: /* export into a free slot */
            if (m->live[slot])
                continue;
            want = MV_OK;
            st = mv_buf_export(b, mvt_below(2), &m->views[slot]);
            break;
        case 7:
        case 8: /* release a live slot, or a released view */
            if (m->live[slot]) {
                want = MV_OK;
                st = mv_buf_release(b, &m->views[slot]);
            } else {
                mv_view dead = mvt_released(mvt_from(NULL, 0));
                want = MV_ERELEASED;
                st = mv_buf_release(b, &dead);
            }
            break;
        case 9: /* free: an empty buffer again */
            want = m->exports ? MV_EBUSY : MV_OK;
            st = mv_buf_free(b);
            break;
        case 10: /* reserve room */
            count = (size_t)mvt_below(300);
            want = m->exports ? MV_EBUSY : MV_OK;
            st = mv_buf_reserve(b, count);
            break;
        case 11:
        case 12: /* consume, sometimes more than there is */
            count = (size_t)mvt_below(m->len + 3);
            want = m->exports ? MV_EBUSY : count > m->len ? MV_ERANGE : MV_OK;
            st = mv_buf_consume(b, count);
            break;
        default: /* clear */
            want = m->exports ? MV_EBUSY : MV_OK;
            st = mv_buf_clear(b);
            break;
        }
        bool injected = mvt_alloc.failed > 0;
        if (st == MV_ENOMEM) {
            enomem++;
            if (!(CHECK(injected) && CHECK_ST(want, MV_OK) && CHECK_UNCHANGED(b, &s)))
                printf("  step %d kind %u\n", step, kind);
            mvt_alloc_reset();
            continue;
        }
        mvt_alloc_reset();
        if (!CHECK_ST(st, want)) {
            printf("  step %d kind %u\n", step, kind);
            break;
        }
        if (st != MV_OK) {
            CHECK_UNCHANGED(b, &s);
        } else if (kind <= 2) {
            for (size_t k = m->len; k < newlen; k++)
                m->bytes[k] = 0;
            m->len = newlen;
        } else if (kind <= 5) {
            memcpy(m->bytes + m->len, items, nitems);
            m->len = newlen;
        } else if (kind == 6) {
            m->live[slot] = true;
            m->exports++;
        } else if (kind <= 8) {
            m->live[slot] = false;
            m->exports--;
        } else if (kind == 9) {
            m->len = 0;
        } else if (kind == 10) {
            CHECK(mv_buf_cap(b) - mv_buf_len(b) >= count);
        } else if (kind <= 12) {
            memmove(m->bytes, m->bytes + count, m->len - count);
            m->len -= count;
        } else {
            m->len = 0;
        }
        if (!(CHECK_BUF(b, m->bytes, m->len) && CHECK_EQU(mv_buf_exports(b), m->exports))) {
            printf("  step %d kind %u\n", step, kind);
            break;
        }
    }
    printf("info: %lu allocation failures\n", enomem);
    CHECK(enomem > 100);
    for (int i = 0; i < 2; i++) {
        for (int k = 0; k < 4; k++)
            if (model[i].live[k])
                release_to(&bufs[i], &model[i].views[k]);
        buf_free(&bufs[i]);
    }
}

/* ---------------------------------------------- byte queue: reserve */

/* A buffer of len pattern bytes whose first head bytes were consumed:
 * the contents are pat[head .. head + len - 1]. */
static void queue_of(mv_buf *b, uint8_t *pat, size_t head, size_t len)
{
    mvt_pattern(pat, head + len);
    buf_of(b, pat, head + len);
    must(mv_buf_consume(b, head), "mv_buf_consume");
}

/* mv_buf_wipe zeroes the whole block (consumed prefix, contents, spare
 * capacity), empties the buffer and keeps the block; refused while an
 * export or the spare view is out, changing nothing. */
static void wipe_zeroes_the_whole_block(void)
{
    uint8_t pat[32];
    mv_buf b;
    snap s;
    CHECK_ST(mv_buf_wipe(NULL), MV_EINVAL);
    queue_of(&b, pat, 5, 10);
    size_t block = b.head + b.cap;
    char *start = b.data - b.head;
    /* Refused while exported, and while the spare view is out. */
    mv_view e = export_of(&b, false), copy;
    MVT_COPY(copy, e);
    take(&s, &b);
    fresh_alloc();
    CHECK_ST(mv_buf_wipe(&b), MV_EBUSY);
    CHECK_UNCHANGED(&b, &s);
    CHECK_UNCHANGED_VIEW(e, copy);
    CHECK_EQU(mvt_alloc.calls + mvt_alloc.frees, 0);
    release_to(&b, &e);
    mv_view sp;
    must(mv_buf_spare(&b, 0, &sp), "mv_buf_spare");
    take(&s, &b);
    CHECK_ST(mv_buf_wipe(&b), MV_EBUSY);
    CHECK_UNCHANGED(&b, &s);
    must(mv_buf_commit(&b, &sp, 0), "mv_buf_commit");
    if (CHECK_ST(mv_buf_wipe(&b), MV_OK)) {
        CHECK_BUF(&b, pat, 0);
        CHECK_EQU(mv_buf_cap(&b), block);
        CHECK(b.data == start);
        CHECK_EQU(mvt_alloc.calls + mvt_alloc.frees, 0);
        /* Every byte of the block, read back through the spare view. */
        must(mv_buf_spare(&b, 0, &sp), "mv_buf_spare");
        CHECK_EQU(mv_len(sp), block);
        size_t nonzero = 0;
        for (size_t i = 0; i < mv_len(sp); i++)
            nonzero += mv_data(sp)[i] != 0;
        CHECK_EQU(nonzero, 0);
        must(mv_buf_commit(&b, &sp, 0), "mv_buf_commit");
    }
    buf_free(&b);
    /* A buffer with no block. */
    must(mv_buf_init(&b, 0), "mv_buf_init");
    CHECK_ST(mv_buf_wipe(&b), MV_OK);
    CHECK_EQU(mv_buf_cap(&b), 0);
    buf_free(&b);
}

/* ---------------------------------------------------------- secure mode */

/* The blocks a buffer gives back are read after it did: the allocator hands
 * the buffer blocks inside this arena, and mvt_free only counts frees of
 * pointers inside it, so their bytes stay readable. */
static char secret_arena[256];

enum { SECRET_BASE = 96, SECRET_LEN = 16 };

/* The secret: SECRET_LEN bytes none of which is zero. */
static void secret_bytes(uint8_t *p)
{
    for (size_t i = 0; i < SECRET_LEN; i++)
        p[i] = (uint8_t)(0xA0 + i);
}

/* *b holds the secret in a block of exactly SECRET_LEN bytes at
 * secret_arena + SECRET_BASE (the rest of the arena is 0x55), secure as
 * asked; allocation counters start at 0. */
static void secret_buf(mv_buf *b, bool secure)
{
    uint8_t sec[SECRET_LEN];
    secret_bytes(sec);
    memset(secret_arena, 0x55, sizeof secret_arena);
    fresh_alloc();
    mvt_alloc.arena = secret_arena;
    mvt_alloc.arena_len = sizeof secret_arena;
    mvt_alloc.give = secret_arena + SECRET_BASE;
    buf_of(b, sec, SECRET_LEN);
    if (b->data != secret_arena + SECRET_BASE)
        abort();
    CHECK(!b->secure);
    must(mv_buf_set_secure(b, secure), "mv_buf_set_secure");
    mvt_alloc_reset();
    mvt_alloc.arena = secret_arena;
    mvt_alloc.arena_len = sizeof secret_arena;
}

/* How many bytes of the secret's old block are not zero. */
static size_t secret_left(void)
{
    size_t n = 0;
    for (size_t i = 0; i < SECRET_LEN; i++)
        n += secret_arena[SECRET_BASE + i] != 0;
    return n;
}

/* The calls that give a block back: growth by each function that can
 * grow, and mv_buf_free.  Returns the status; *grown_by: bytes added. */
enum { BY_RESIZE, BY_APPEND, BY_RESERVE, BY_SPARE, BY_RECV, BY_FREE, BY_COUNT };
static const char *const by_name[BY_COUNT] = { "resize", "append", "reserve", "spare", "recv",
                                              "free" };

static mv_status give_back(mv_buf *b, int by, size_t *grown_by)
{
    static const uint8_t one = 0x11;
    *grown_by = 0;
    switch (by) {
    case BY_RESIZE:
        *grown_by = 1;
        return mv_buf_resize(b, SECRET_LEN + 1);
    case BY_APPEND:
        *grown_by = 1;
        return mv_buf_append(b, mvt_from_const(&one, 1));
    case BY_RESERVE:
        return mv_buf_reserve(b, 1);
    case BY_SPARE: {
        mv_view sp;
        mv_status st = mv_buf_spare(b, 1, &sp);
        if (st == MV_OK)
            must(mv_buf_commit(b, &sp, 0), "mv_buf_commit");
        return st;
    }
    case BY_RECV: {
        mv_sim sim;
        must(mv_sim_init(&sim, NULL, 0, NULL, 0, &one, 1), "mv_sim_init");
        mv_transport t = mv_sim_transport(&sim);
        size_t got = 0;
        mv_status st = mv_buf_recv(&t, b, 1, &got);
        *grown_by = got;
        return st;
    }
    default:
        return mv_buf_free(b);
    }
}

/* Every block a secure buffer gives back is zero by the time the allocator
 * has it back; a buffer that is not secure leaves the secret there (the
 * control: this test can see a block that was not wiped). */
static void secure_buffers_wipe_what_they_give_back(void)
{
    uint8_t sec[SECRET_LEN + 1];
    secret_bytes(sec);
    for (int secure = 0; secure <= 1; secure++)
        for (int by = 0; by < BY_COUNT; by++) {
            mv_buf b;
            secret_buf(&b, secure);
            size_t grown_by;
            if (!CHECK_ST(give_back(&b, by, &grown_by), MV_OK))
                printf("  (%s, secure %d)\n", by_name[by], secure);
            /* The old block went back once, and holds zeros exactly when
             * the buffer is secure. */
            CHECK_EQU(mvt_alloc.arena_frees, 1);
            CHECK(mvt_alloc.last_arena_free == secret_arena + SECRET_BASE);
            if (!CHECK_EQU(secret_left(), secure ? 0 : SECRET_LEN))
                printf("  (%s, secure %d)\n", by_name[by], secure);
            CHECK_EQU(b.secure, secure);
            if (by == BY_FREE) {
                CHECK_BUF(&b, sec, 0);
                CHECK(b.data == NULL && b.cap == 0);
            } else {
                /* The contents moved intact to a block outside the arena
                 * (resize adds a zero byte, append and recv the byte 0x11). */
                sec[SECRET_LEN] = by == BY_RESIZE ? 0 : 0x11;
                CHECK_BUF(&b, sec, SECRET_LEN + grown_by);
                CHECK(b.data < secret_arena || b.data >= secret_arena + sizeof secret_arena);
                buf_free(&b);
            }
            mvt_alloc_reset();
        }
}

/* A fresh block sharing a byte with the block a secure buffer is about to
 * wipe is refused (malloc never returns one; wiping would destroy the copied
 * contents): MV_ENOMEM, nothing changed, the fresh block handed back.  A
 * block apart from it is taken. */
static void secure_growth_refuses_an_overlapping_block(void)
{
    uint8_t sec[SECRET_LEN];
    secret_bytes(sec);
    const size_t fresh_len = 2 * SECRET_LEN; /* the doubling rule's size */
    unsigned refused = 0, taken = 0;
    for (int by = BY_RESIZE; by <= BY_RECV; by++)
        for (ptrdiff_t d = -(ptrdiff_t)fresh_len - 2; d <= SECRET_LEN + 2; d++) {
            mv_buf b;
            secret_buf(&b, true);
            char *fresh = secret_arena + SECRET_BASE + d;
            bool overlaps = d > -(ptrdiff_t)fresh_len && d < SECRET_LEN;
            mvt_alloc.give = fresh;
            snap s;
            take(&s, &b);
            size_t grown_by;
            mv_status st = give_back(&b, by, &grown_by);
            if (overlaps) {
                refused++;
                if (!CHECK_ST(st, MV_ENOMEM))
                    printf("  (%s, fresh block at %td)\n", by_name[by], d);
                CHECK_UNCHANGED(&b, &s);
                CHECK_EQU(mvt_alloc.arena_frees, 1);
                CHECK(mvt_alloc.last_arena_free == fresh);
                CHECK_EQU(secret_left(), SECRET_LEN);
            } else {
                taken++;
                if (!CHECK_ST(st, MV_OK))
                    printf("  (%s, fresh block at %td)\n", by_name[by], d);
                CHECK(b.data == fresh);
                CHECK_EQU(secret_left(), 0);
                CHECK_EQU(mv_buf_len(&b), SECRET_LEN + grown_by);
                CHECK(memcmp(b.data, sec, SECRET_LEN) == 0);
            }
            /* The buffer's block is in the arena either way: freeing it
             * only counts. */
            buf_free(&b);
            mvt_alloc_reset();
        }
    CHECK(refused > 0 && taken > 0);
}

/* The mode itself: NULL refused, off after init and from, kept by free,
 * settable while exports or the spare view are out (it moves nothing), and
 * changing no other field. */
static void secure_mode_is_a_flag(void)
{
    CHECK_ST(mv_buf_set_secure(NULL, true), MV_EINVAL);
    mv_buf b;
    memset(&b, 0xFF, sizeof b);
    must(mv_buf_init(&b, 4), "mv_buf_init");
    CHECK(!b.secure);
    mv_view e = export_of(&b, false), sp;
    mv_buf before = b;
    CHECK_ST(mv_buf_set_secure(&b, true), MV_OK);
    CHECK(b.secure);
    before.secure = true;
    CHECK(memcmp(&b, &before, sizeof b) == 0);
    release_to(&b, &e);
    must(mv_buf_spare(&b, 8, &sp), "mv_buf_spare");
    CHECK_ST(mv_buf_set_secure(&b, false), MV_OK);
    CHECK(!b.secure);
    CHECK_ST(mv_buf_set_secure(&b, true), MV_OK);
    must(mv_buf_commit(&b, &sp, 0), "mv_buf_commit");
    buf_free(&b);
    CHECK(b.secure);
    uint8_t x = 1;
    memset(&b, 0xFF, sizeof b);
    buf_of(&b, &x, 1);
    CHECK(!b.secure);
    buf_free(&b);
}

/* Two empty buffers export views that agree in every byte position (no
 * data, length 0): each buffer accepts only its own.  Before exported
 * views carried their buffer, the first buffer's view was accepted by the
 * second, leaving the first locked with nothing left to release. */
static void release_identity_of_empty_buffers(void)
{
    mv_buf a, b;
    must(mv_buf_init(&a, 0), "mv_buf_init");
    must(mv_buf_init(&b, 0), "mv_buf_init");
    mv_view ea = export_of(&a, false);
    mv_view eb = export_of(&b, false);
    snap sa, sb;
    take(&sa, &a);
    take(&sb, &b);
    mv_view before;
    MVT_COPY(before, ea);
    CHECK_ST(mv_buf_release(&b, &ea), MV_EINVAL);
    CHECK_UNCHANGED_VIEW(ea, before);
    MVT_COPY(before, eb);
    CHECK_ST(mv_buf_release(&a, &eb), MV_EINVAL);
    CHECK_UNCHANGED_VIEW(eb, before);
    CHECK_UNCHANGED(&a, &sa);
    CHECK_UNCHANGED(&b, &sb);
    /* A view of the same empty shape made from plain memory is refused. */
    mv_view plain = mvt_from(NULL, 0);
    CHECK_ST(mv_buf_release(&a, &plain), MV_EINVAL);
    CHECK_UNCHANGED(&a, &sa);
    /* Each buffer takes its own back, and is then free to go. */
    CHECK_ST(mv_buf_release(&a, &ea), MV_OK);
    CHECK_ST(mv_buf_release(&b, &eb), MV_OK);
    CHECK_EQU(mv_buf_exports(&a), 0);
    CHECK_EQU(mv_buf_exports(&b), 0);
    buf_free(&a);
    buf_free(&b);
}

static void reserve_makes_room_and_keeps_contents(void)
{
    uint8_t pat[64];
    const size_t extras[] = { 0, 1, 5, 6, 7, 20, 100 };
    for (size_t head = 0; head <= 10; head += 5)
        for (size_t i = 0; i < sizeof extras / sizeof extras[0]; i++) {
            mv_buf b;
            queue_of(&b, pat, head, 12);
            size_t block = b.head + b.cap;
            fresh_alloc();
            if (!CHECK_ST(mv_buf_reserve(&b, extras[i]), MV_OK))
                continue;
            CHECK_BUF(&b, pat + head, 12);
            CHECK(mv_buf_cap(&b) - mv_buf_len(&b) >= extras[i]);
            if (12 + extras[i] <= 12 + (block - head - 12)) {
                /* It fitted already: nothing allocated, nothing moved. */
                CHECK_EQU(mvt_alloc.calls, 0);
            } else if (head >= 12 && 12 + extras[i] <= block) {
                /* Fits once the consumed prefix (>= the contents) is
                 * reclaimed: moved back to the block's start, no block. */
                CHECK_EQU(mvt_alloc.calls, 0);
                CHECK_EQU(mv_buf_cap(&b), block);
            } else {
                /* A new block, at least twice the old one. */
                CHECK_EQU(mvt_alloc.calls, 1);
                CHECK_EQU(mvt_alloc.frees, 1);
                CHECK(mvt_alloc.last_size >= 2 * block);
                CHECK(mvt_alloc.last_size >= 12 + extras[i]);
                CHECK_EQU(mv_buf_cap(&b), mvt_alloc.last_size);
            }
            buf_free(&b);
        }
    /* An empty buffer with no block: reserve 0 allocates nothing. */
    mv_buf e;
    must(mv_buf_init(&e, 0), "mv_buf_init");
    fresh_alloc();
    CHECK_ST(mv_buf_reserve(&e, 0), MV_OK);
    CHECK_EQU(mvt_alloc.calls, 0);
    CHECK_ST(mv_buf_reserve(&e, 3), MV_OK);
    CHECK_EQU(mvt_alloc.last_size, 3);
    CHECK(CHECK_BUF_OK(&e) && mv_buf_cap(&e) >= 3 && mv_buf_len(&e) == 0);
    buf_free(&e);
    fresh_alloc();
}

static void reserve_failures_change_nothing(void)
{
    uint8_t pat[32];
    mv_buf b;
    snap s;
    fresh_alloc();
    CHECK_ST(mv_buf_reserve(NULL, 0), MV_EINVAL);
    CHECK_ST(mv_buf_reserve(NULL, SIZE_MAX), MV_EINVAL);
    queue_of(&b, pat, 4, 8);
    /* Overflow: len + extra > PTRDIFF_MAX, at the exact bound. */
    const size_t huge[] = { (size_t)PTRDIFF_MAX - 7, (size_t)PTRDIFF_MAX, SIZE_MAX };
    take(&s, &b);
    fresh_alloc();
    for (size_t i = 0; i < 3; i++)
        CHECK_ST(mv_buf_reserve(&b, huge[i]), MV_EOVERFLOW);
    CHECK_UNCHANGED(&b, &s);
    CHECK_EQU(mvt_alloc.calls, 0);
    /* PTRDIFF_MAX - len is not an overflow: it reaches the allocator. */
    mvt_alloc.fail_all = true;
    CHECK_ST(mv_buf_reserve(&b, (size_t)PTRDIFF_MAX - 8), MV_ENOMEM);
    CHECK_EQU(mvt_alloc.last_size, (size_t)PTRDIFF_MAX);
    CHECK_UNCHANGED(&b, &s);
    fresh_alloc();
    /* Busy, whatever the amount (0 included, and ones that fit). */
    const size_t extras[] = { 0, 1, 100, SIZE_MAX };
    for (int count = 1; count <= 2; count++) {
        mv_view e[2], copy[2];
        for (int k = 0; k < count; k++) {
            e[k] = export_of(&b, k == 1);
            MVT_COPY(copy[k], e[k]);
        }
        take(&s, &b);
        for (size_t i = 0; i < 4; i++)
            CHECK_ST(mv_buf_reserve(&b, extras[i]), MV_EBUSY);
        CHECK_UNCHANGED(&b, &s);
        CHECK_EQU(mvt_alloc.calls, 0);
        for (int k = 0; k < count; k++) {
            CHECK_UNCHANGED_VIEW(e[k], copy[k]);
            CHECK_EXPORT(e[k], &b, k == 1);
        }
        for (int k = count - 1; k >= 0; k--)
            release_to(&b, &e[k]);
    }
    /* Allocation failure. */
    take(&s, &b);
    mvt_alloc.fail_nth = 1;
    CHECK_ST(mv_buf_reserve(&b, 100), MV_ENOMEM);
    CHECK_UNCHANGED(&b, &s);
    CHECK_EQU(mvt_alloc.failed, 1);
    fresh_alloc();
    CHECK_ST(mv_buf_reserve(&b, 100), MV_OK);
    CHECK_BUF(&b, pat + 4, 8);
    buf_free(&b);
    fresh_alloc();
}

static void cap_of_null_and_of_buffers(void)
{
    CHECK_EQU(mv_buf_cap(NULL), 0);
    mv_buf b;
    must(mv_buf_init(&b, 0), "mv_buf_init");
    CHECK_EQU(mv_buf_cap(&b), 0);
    buf_free(&b);
    must(mv_buf_init(&b, 9), "mv_buf_init");
    CHECK_EQU(mv_buf_cap(&b), 9);
    must(mv_buf_resize(&b, 2), "mv_buf_resize");
    CHECK_EQU(mv_buf_cap(&b), 9);
    buf_free(&b);
}

/* ------------------------------------------------ byte queue: clear */

static void clear_keeps_the_block(void)
{
    uint8_t pat[32];
    mv_buf b;
    snap s;
    CHECK_ST(mv_buf_clear(NULL), MV_EINVAL);
    queue_of(&b, pat, 5, 10);
    size_t block = b.head + b.cap;
    mv_view e = export_of(&b, false), copy;
    MVT_COPY(copy, e);
    take(&s, &b);
    fresh_alloc();
    CHECK_ST(mv_buf_clear(&b), MV_EBUSY);
    CHECK_UNCHANGED(&b, &s);
    CHECK_UNCHANGED_VIEW(e, copy);
    release_to(&b, &e);
    if (CHECK_ST(mv_buf_clear(&b), MV_OK)) {
        CHECK_BUF(&b, pat, 0);
        /* The whole block is capacity again, nothing freed or taken. */
        CHECK_EQU(mv_buf_cap(&b), block);
        CHECK_EQU(mvt_alloc.calls + mvt_alloc.frees, 0);
    }
    CHECK_ST(mv_buf_clear(&b), MV_OK);
    CHECK_EQU(mv_buf_cap(&b), block);
    buf_free(&b);
    /* An empty buffer with no block. */
    must(mv_buf_init(&b, 0), "mv_buf_init");
    CHECK_ST(mv_buf_clear(&b), MV_OK);
    CHECK_BUF(&b, pat, 0);
    CHECK_EQU(mv_buf_cap(&b), 0);
    buf_free(&b);
    fresh_alloc();
}

/* ---------------------------------------------- byte queue: consume */

static void consume_drops_the_front(void)
{
    uint8_t pat[40];
    mvt_pattern(pat, 40);
    for (size_t first = 0; first <= 40; first += 3)
        for (size_t second = 0; second <= 40 - first; second += 7) {
            mv_buf b;
            buf_of(&b, pat, 40);
            fresh_alloc();
            CHECK_ST(mv_buf_consume(&b, first), MV_OK);
            CHECK_BUF(&b, pat + first, 40 - first);
            CHECK_ST(mv_buf_consume(&b, second), MV_OK);
            CHECK_BUF(&b, pat + first + second, 40 - first - second);
            /* Nothing copied or allocated: the front moves. */
            CHECK_EQU(mvt_alloc.calls + mvt_alloc.frees, 0);
            if (first + second < 40) {
                CHECK_EQU(mv_buf_cap(&b), 40 - first - second);
            } else {
                /* Empty: it starts over at the block's start. */
                CHECK_EQU(mv_buf_cap(&b), 40);
            }
            buf_free(&b);
        }
    fresh_alloc();
}

static void consume_failures_change_nothing(void)
{
    uint8_t pat[32];
    mv_buf b;
    snap s;
    CHECK_ST(mv_buf_consume(NULL, 0), MV_EINVAL);
    CHECK_ST(mv_buf_consume(NULL, 1), MV_EINVAL);
    queue_of(&b, pat, 3, 9);
    take(&s, &b);
    fresh_alloc();
    const size_t over[] = { 10, 11, (size_t)PTRDIFF_MAX, SIZE_MAX };
    for (size_t i = 0; i < 4; i++)
        CHECK_ST(mv_buf_consume(&b, over[i]), MV_ERANGE);
    CHECK_UNCHANGED(&b, &s);
    /* Busy before range; n == 0 refused too. */
    mv_view e = export_of(&b, true), copy;
    MVT_COPY(copy, e);
    take(&s, &b);
    const size_t any[] = { 0, 1, 9, 10, SIZE_MAX };
    for (size_t i = 0; i < 5; i++)
        CHECK_ST(mv_buf_consume(&b, any[i]), MV_EBUSY);
    CHECK_UNCHANGED(&b, &s);
    CHECK_UNCHANGED_VIEW(e, copy);
    CHECK_EXPORT(e, &b, true);
    release_to(&b, &e);
    CHECK_EQU(mvt_alloc.calls, 0);
    /* An empty buffer with no block: 0 works, 1 is out of range. */
    buf_free(&b);
    must(mv_buf_init(&b, 0), "mv_buf_init");
    take(&s, &b);
    CHECK_ST(mv_buf_consume(&b, 1), MV_ERANGE);
    CHECK_UNCHANGED(&b, &s);
    CHECK_ST(mv_buf_consume(&b, 0), MV_OK);
    CHECK_UNCHANGED(&b, &s);
    buf_free(&b);
    fresh_alloc();
}

/* --------------------------------------------- byte queue: the costs */

/* The bytes moved by one call that should only have added at the back:
 * the old contents when they are no longer where they were. */
static size_t moved_by(const mv_buf *b, const char *old_data, size_t old_len)
{
    return old_len > 0 && b->data != old_data ? old_len : 0;
}

/* A long run of small appends, reserves, resizes and consumes: the bytes
 * copied to move the contents (compaction or a new block) stay within a
 * constant factor of the bytes added, and the block within a constant
 * factor of the longest the contents ever were.  The bounds: a compaction
 * moves at most as many bytes as were consumed since the last one, a new
 * block moves at most its predecessor's size and is at least twice it
 * (so the moves to new blocks add up to less than the last block); a new
 * block is only needed when contents + request exceed the room after a
 * prefix shorter than the contents, so it is below 2 * (2 * longest +
 * request), and all blocks together below twice the last. */
static void queue_costs_are_amortised(void)
{
    static uint8_t model[8192];
    uint8_t chunk[64];
    for (int pattern = 0; pattern < 3; pattern++) {
        mv_buf b;
        must(mv_buf_init(&b, 0), "mv_buf_init");
        size_t len = 0, longest = 0, added = 0, moved = 0, allocated = 0;
        unsigned long allocs = 0;
        uint8_t next = 0;
        for (int step = 0; step < 200000; step++) {
            size_t n = 1 + (size_t)mvt_below(pattern == 0 ? 8 : 40);
            const char *old_data = b.data;
            size_t old_len = b.len;
            fresh_alloc();
            unsigned kind = (unsigned)mvt_below(pattern == 2 ? 3 : 4);
            if (len + n > 4096 || (kind == 0 && len > 0)) {
                /* Consume: the queue drains at about the rate it fills. */
                size_t k = (size_t)mvt_below(len + 1);
                if (!CHECK_ST(mv_buf_consume(&b, k), MV_OK))
                    break;
                old_len = 0; /* moving the front copies nothing */
                memmove(model, model + k, len - k);
                len -= k;
            } else if (kind == 1) {
                /* Reserve, then resize into the room: bytes added as 0. */
                if (!CHECK_ST(mv_buf_reserve(&b, n), MV_OK))
                    break;
                moved += moved_by(&b, old_data, old_len);
                old_data = b.data;
                if (!CHECK_ST(mv_buf_resize(&b, len + n), MV_OK))
                    break;
                CHECK(b.data == old_data);
                memset(model + len, 0, n);
                len += n;
                added += n;
            } else {
                for (size_t i = 0; i < n; i++)
                    chunk[i] = next++;
                if (!CHECK_ST(mv_buf_append(&b, mvt_from_const(chunk, n)), MV_OK))
                    break;
                memcpy(model + len, chunk, n);
                len += n;
                added += n;
            }
            moved += moved_by(&b, old_data, old_len);
            allocs += mvt_alloc.calls;
            if (mvt_alloc.calls)
                allocated += mvt_alloc.last_size;
            longest = len > longest ? len : longest;
        }
        if (!CHECK_BUF(&b, model, len))
            printf("  pattern %d\n", pattern);
        printf("info: pattern %d: %zu bytes added, %zu moved, %zu allocated in %lu blocks, "
               "block %zu for at most %zu\n",
               pattern, added, moved, allocated, allocs, b.head + b.cap, longest);
        CHECK(moved <= 2 * added + b.head + b.cap);
        CHECK(b.head + b.cap <= 4 * (longest + 64));
        CHECK(allocated <= 2 * (b.head + b.cap));
        CHECK(allocs <= 20);
        buf_free(&b);
    }
    fresh_alloc();
}

/* Appending one byte at a time to a growing buffer: the number of blocks
 * is logarithmic and each is at least twice the last. */
static void growth_is_geometric(void)
{
    mv_buf b;
    must(mv_buf_init(&b, 0), "mv_buf_init");
    uint8_t one = 7;
    size_t last = 0, blocks = 0;
    for (int i = 0; i < 100000; i++) {
        fresh_alloc();
        must(mv_buf_append(&b, mvt_from_const(&one, 1)), "mv_buf_append");
        if (mvt_alloc.calls) {
            blocks++;
            CHECK(mvt_alloc.last_size >= 2 * last);
            last = mvt_alloc.last_size;
        }
    }
    CHECK(blocks <= 18);
    /* resize past the capacity grows geometrically too. */
    for (int i = 0; i < 1000; i++) {
        size_t cap = b.cap;
        fresh_alloc();
        must(mv_buf_resize(&b, b.len + 1), "mv_buf_resize");
        if (mvt_alloc.calls)
            CHECK(mvt_alloc.last_size >= 2 * cap);
    }
    buf_free(&b);
    fresh_alloc();
}

/* Appends that need room use the consumed prefix when it is at least as
 * long as the contents, even for a source in another block; a source in
 * the buffer's own block makes a new block instead (the prefix it may view
 * is not overwritten). */
static void append_reclaims_the_consumed_prefix(void)
{
    uint8_t pat[16], more[6] = { 0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5 };
    uint8_t want[16];
    mv_buf b;
    queue_of(&b, pat, 10, 6); /* block 16: 10 consumed, 6 of contents */
    char *block = b.data - 10;
    fresh_alloc();
    if (CHECK_ST(mv_buf_append(&b, mvt_from_const(more, 6)), MV_OK)) {
        memcpy(want, pat + 10, 6);
        memcpy(want + 6, more, 6);
        CHECK_BUF(&b, want, 12);
        CHECK(b.data == block);
        CHECK_EQU(mvt_alloc.calls, 0);
    }
    buf_free(&b);
    /* A view of the consumed prefix (a copy of an export taken before the
     * consume): still read as it was. */
    mvt_pattern(pat, 16);
    buf_of(&b, pat, 16);
    mv_view e = export_of(&b, true), old = e;
    release_to(&b, &e);
    must(mv_buf_consume(&b, 10), "mv_buf_consume");
    fresh_alloc();
    mv_view prefix = sub_of(old, 0, 7);
    if (CHECK_ST(mv_buf_append(&b, prefix), MV_OK)) {
        memcpy(want, pat + 10, 6);
        memcpy(want + 6, pat, 7);
        CHECK_BUF(&b, want, 13);
        CHECK_EQU(mvt_alloc.calls, 1);
    }
    buf_free(&b);
    fresh_alloc();
}

/* ------------------------------------------ spare capacity and commit */

/* The view mv_buf_spare must return: all of the room after the contents,
 * writable, stride 1. */
static bool is_spare_of(mv_view v, const mv_buf *b, const char *file, int line)
{
    size_t room = b->cap - b->len;
    bool ok = mvt_check_uint(mv_len(v), room, file, line, "mv_len(spare)");
    ok &= mvt_check(mv_is_valid(v), file, line, "mv_is_valid(spare)");
    ok &= mvt_check_ptr(mv_data(v), room ? (const uint8_t *)b->data + b->len : NULL, file, line,
                        "mv_data(spare)");
    ok &= mvt_check(!mv_readonly(v) && mv_contiguous(v), file, line, "spare writable, contiguous");
    ok &= mvt_check(b->spare, file, line, "b->spare");
    return ok;
}
#define CHECK_SPARE(v, b) is_spare_of((v), (b), __FILE__, __LINE__)

static void spare_write_and_commit(void)
{
    uint8_t pat[32], want[64];
    const size_t mins[] = { 0, 1, 3, 4, 5, 20 };
    for (size_t head = 0; head <= 8; head += 8)
        for (size_t i = 0; i < sizeof mins / sizeof mins[0]; i++)
            for (size_t commit = 0; commit <= 6; commit += 3) {
                mv_buf b;
                queue_of(&b, pat, head, 12); /* room: 0 */
                mv_view sp;
                MVT_FILL(sp);
                if (!CHECK_ST(mv_buf_spare(&b, mins[i], &sp), MV_OK))
                    continue;
                CHECK_SPARE(sp, &b);
                CHECK(mv_len(sp) >= mins[i]);
                CHECK_BUF(&b, pat + head, 12);
                /* Write through the view, as a receive would. */
                size_t n = commit < mv_len(sp) ? commit : mv_len(sp);
                for (size_t k = 0; k < n; k++)
                    CHECK_ST(mv_set(sp, (ptrdiff_t)k, (uint8_t)(0xC0 + k)), MV_OK);
                if (!CHECK_ST(mv_buf_commit(&b, &sp, n), MV_OK))
                    continue;
                CHECK_RELEASED(sp);
                CHECK(!b.spare);
                memcpy(want, pat + head, 12);
                for (size_t k = 0; k < n; k++)
                    want[12 + k] = (uint8_t)(0xC0 + k);
                CHECK_BUF(&b, want, 12 + n);
                /* Handed back: the buffer is free to grow again. */
                CHECK_ST(mv_buf_reserve(&b, 1), MV_OK);
                buf_free(&b);
            }
    /* min 0 on a buffer with no block: an empty view, nothing allocated;
     * committing 0 hands it back. */
    mv_buf e;
    mv_view sp;
    must(mv_buf_init(&e, 0), "mv_buf_init");
    fresh_alloc();
    if (CHECK_ST(mv_buf_spare(&e, 0, &sp), MV_OK)) {
        CHECK_SPARE(sp, &e);
        CHECK_EQU(mv_len(sp), 0);
        CHECK_EQU(mvt_alloc.calls, 0);
        CHECK_ST(mv_buf_commit(&e, &sp, 0), MV_OK);
        CHECK_RELEASED(sp);
    }
    buf_free(&e);
    fresh_alloc();
}

/* While the spare view is out, every call that could move the contents is
 * refused and changes nothing; exports of the contents still work. */
static void spare_locks_the_buffer(void)
{
    uint8_t pat[32];
    mv_buf b, other;
    mv_view sp, copy, sp2;
    snap s;
    queue_of(&b, pat, 2, 10);
    must(mv_buf_spare(&b, 4, &sp), "mv_buf_spare");
    MVT_COPY(copy, sp);
    take(&s, &b);
    fresh_alloc();
    MVT_FILL(sp2);
    mv_view sp2_before = sp2;
    CHECK_ST(mv_buf_spare(&b, 0, &sp2), MV_EBUSY);
    CHECK(memcmp(&sp2, &sp2_before, sizeof sp2) == 0);
    CHECK_ST(mv_buf_resize(&b, 0), MV_EBUSY);
    CHECK_ST(mv_buf_resize(&b, 100), MV_EBUSY);
    CHECK_ST(mv_buf_append(&b, mvt_from_const(pat, 3)), MV_EBUSY);
    CHECK_ST(mv_buf_reserve(&b, 0), MV_EBUSY);
    CHECK_ST(mv_buf_consume(&b, 1), MV_EBUSY);
    CHECK_ST(mv_buf_clear(&b), MV_EBUSY);
    CHECK_ST(mv_buf_free(&b), MV_EBUSY);
    CHECK_UNCHANGED(&b, &s);
    CHECK_UNCHANGED_VIEW(sp, copy);
    CHECK_EQU(mvt_alloc.calls + mvt_alloc.frees, 0);
    /* It is not an export: mv_buf_exports does not count it and
     * mv_buf_release does not take it. */
    CHECK_EQU(mv_buf_exports(&b), 0);
    CHECK_ST(mv_buf_release(&b, &sp), MV_EINVAL);
    CHECK_UNCHANGED(&b, &s);
    CHECK_UNCHANGED_VIEW(sp, copy);
    /* Exports of the contents while it is out: allowed, and committing
     * waits for them. */
    mv_view e = export_of(&b, true);
    CHECK_EXPORT(e, &b, true);
    take(&s, &b);
    CHECK_ST(mv_buf_commit(&b, &sp, 1), MV_EBUSY);
    CHECK_UNCHANGED(&b, &s);
    CHECK_UNCHANGED_VIEW(sp, copy);
    release_to(&b, &e);
    /* A spare view of another buffer is foreign. */
    queue_of(&other, pat, 0, 5);
    mv_view osp;
    must(mv_buf_spare(&other, 2, &osp), "mv_buf_spare(other)");
    take(&s, &b);
    CHECK_ST(mv_buf_commit(&b, &osp, 0), MV_EINVAL);
    CHECK_ST(mv_buf_commit(&other, &sp, 0), MV_EINVAL);
    CHECK_UNCHANGED(&b, &s);
    CHECK_ST(mv_buf_commit(&other, &osp, 0), MV_OK);
    buf_free(&other);
    /* Then it is handed back and the buffer moves again. */
    CHECK_ST(mv_buf_commit(&b, &sp, 0), MV_OK);
    CHECK_BUF(&b, pat + 2, 10);
    CHECK_ST(mv_buf_append(&b, mvt_from_const(pat, 3)), MV_OK);
    buf_free(&b);
    fresh_alloc();
}

static void spare_failures_change_nothing(void)
{
    uint8_t pat[32];
    mv_buf b;
    mv_view sp, before;
    snap s;
    MVT_FILL(sp);
    before = sp;
    CHECK_ST(mv_buf_spare(NULL, 0, &sp), MV_EINVAL);
    CHECK(memcmp(&sp, &before, sizeof sp) == 0);
    queue_of(&b, pat, 3, 7);
    take(&s, &b);
    fresh_alloc();
    CHECK_ST(mv_buf_spare(&b, 0, NULL), MV_EINVAL);
    /* Busy through an export. */
    mv_view e = export_of(&b, false);
    take(&s, &b);
    CHECK_ST(mv_buf_spare(&b, 0, &sp), MV_EBUSY);
    CHECK_UNCHANGED(&b, &s);
    CHECK(memcmp(&sp, &before, sizeof sp) == 0);
    release_to(&b, &e);
    /* Overflow: len + min > PTRDIFF_MAX. */
    take(&s, &b);
    const size_t huge[] = { (size_t)PTRDIFF_MAX - 6, (size_t)PTRDIFF_MAX, SIZE_MAX };
    for (size_t i = 0; i < 3; i++)
        CHECK_ST(mv_buf_spare(&b, huge[i], &sp), MV_EOVERFLOW);
    CHECK_UNCHANGED(&b, &s);
    CHECK(memcmp(&sp, &before, sizeof sp) == 0);
    CHECK_EQU(mvt_alloc.calls, 0);
    /* Allocation failure while growing. */
    mvt_alloc.fail_nth = 1;
    CHECK_ST(mv_buf_spare(&b, 50, &sp), MV_ENOMEM);
    CHECK_UNCHANGED(&b, &s);
    CHECK(memcmp(&sp, &before, sizeof sp) == 0);
    CHECK(!b.spare);
    fresh_alloc();
    buf_free(&b);
    fresh_alloc();
}

static void commit_failures_change_nothing(void)
{
    uint8_t pat[32];
    mv_buf b;
    mv_view sp, copy;
    snap s;
    queue_of(&b, pat, 0, 6);
    must(mv_buf_spare(&b, 5, &sp), "mv_buf_spare");
    MVT_COPY(copy, sp);
    size_t room = mv_len(sp);
    take(&s, &b);
    CHECK_ST(mv_buf_commit(NULL, &sp, 0), MV_EINVAL);
    CHECK_ST(mv_buf_commit(&b, NULL, 0), MV_EINVAL);
    /* Too many bytes: at the bound and far past it. */
    const size_t over[] = { room + 1, (size_t)PTRDIFF_MAX, SIZE_MAX };
    for (size_t i = 0; i < 3; i++)
        CHECK_ST(mv_buf_commit(&b, &sp, over[i]), MV_ERANGE);
    CHECK_UNCHANGED(&b, &s);
    CHECK_UNCHANGED_VIEW(sp, copy);
    /* Not the spare view: a part of it, another view, a released view. */
    mv_view part = sub_of(sp, 1, room - 1), other = mvt_from(pat, room);
    mv_view dead = mvt_released(mvt_from(NULL, 0));
    CHECK_ST(mv_buf_commit(&b, &part, 0), MV_EINVAL);
    CHECK_ST(mv_buf_commit(&b, &other, 0), MV_EINVAL);
    CHECK_ST(mv_buf_commit(&b, &dead, 0), MV_ERELEASED);
    CHECK_UNCHANGED(&b, &s);
    CHECK_UNCHANGED_VIEW(sp, copy);
    /* Committed: a second commit of the same (now released) view, and of a
     * copy taken before, are refused. */
    CHECK_ST(mv_buf_commit(&b, &sp, room), MV_OK);
    take(&s, &b);
    CHECK_ST(mv_buf_commit(&b, &sp, 0), MV_ERELEASED);
    /* No spare out at all: even a view with the spare view's fields. */
    must(mv_buf_reserve(&b, 4), "mv_buf_reserve");
    mv_view lookalike = sub_of(mvt_from(b.data, b.cap), b.len, b.cap - b.len);
    take(&s, &b);
    CHECK_ST(mv_buf_commit(&b, &copy, 0), MV_EINVAL);
    CHECK_ST(mv_buf_commit(&b, &lookalike, 0), MV_EINVAL);
    CHECK_UNCHANGED(&b, &s);
    buf_free(&b);
    fresh_alloc();
}

/* Nothing in the test build leaks: every block the library took from the
 * allocator was given back (LeakSanitizer checks the same at exit). */
static void no_block_left(void)
{
    CHECK_EQ(mvt_alloc.live, 0);
}

static const mvt_case cases[] = {
    MVT(init_lengths),
    MVT(init_failures_change_nothing),
    MVT(init_enomem_changes_nothing),
    MVT(init_longest_length_reaches_the_allocator),
    MVT(from_every_shape),
    MVT(from_failures_change_nothing),
    MVT(from_longest_source_reaches_the_allocator),
    MVT(resize_walk_keeps_and_zeroes),
    MVT(resize_allocations),
    MVT(resize_failures_change_nothing),
    MVT(resize_to_the_longest_length_reaches_the_allocator),
    MVT(append_every_shape),
    MVT(append_own_contents),
    MVT(append_source_overlapping_the_destination),
    MVT(append_growth_one_byte_at_a_time),
    MVT(append_and_resize_random_walk),
    MVT(append_failures_change_nothing),
    MVT(append_overflow),
    MVT(append_fresh_block_overlapping_the_contents),
    MVT(export_views_the_contents),
    MVT(export_of_empty_buffers),
    MVT(export_failures_change_nothing),
    MVT(release_ends_one_export),
    MVT(release_takes_a_copy_of_the_export),
    MVT(release_failures_change_nothing),
    MVT(release_more_than_exported),
    MVT(free_and_reuse),
    MVT(free_failures_change_nothing),
    MVT(len_and_exports_of_null),
    MVT(reserve_makes_room_and_keeps_contents),
    MVT(reserve_failures_change_nothing),
    MVT(cap_of_null_and_of_buffers),
    MVT(clear_keeps_the_block),
    MVT(wipe_zeroes_the_whole_block),
    MVT(release_identity_of_empty_buffers),
    MVT(secure_buffers_wipe_what_they_give_back),
    MVT(secure_growth_refuses_an_overlapping_block),
    MVT(secure_mode_is_a_flag),
    MVT(consume_drops_the_front),
    MVT(consume_failures_change_nothing),
    MVT(queue_costs_are_amortised),
    MVT(growth_is_geometric),
    MVT(append_reclaims_the_consumed_prefix),
    MVT(spare_write_and_commit),
    MVT(spare_locks_the_buffer),
    MVT(spare_failures_change_nothing),
    MVT(commit_failures_change_nothing),
    MVT(random_operations_with_allocation_failures),
    MVT(no_block_left),
};

MVT_MAIN(cases)
