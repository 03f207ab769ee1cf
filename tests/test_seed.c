/*
 * test_seed.c — the two buffer examples memview started from, in C.
 *
 *   >>> s = 'Hello world'
 *   >>> t = buffer(s, 6, 5)          # 'world', no copy
 *
 *   >>> s = bytearray(1000000)
 *   >>> t = buffer(s, 1)
 *   >>> s[1] = 5
 *   >>> t[0]                         # '\x05': t sees the write
 */
#include "mv_test.h"
#include "mv_model.h"

static void buffer_of_hello_world_is_world(void)
{
    static const char s[] = "Hello world";
    mv_view hello = mvt_from_const(s, 11), t;
    MVT_FILL(t);
    if (!CHECK_ST(mv_buffer(hello, 6, 5, &t), MV_OK))
        return;
    CHECK_EQU(mv_len(t), 5);
    CHECK(mv_readonly(t));
    CHECK_PTR(mv_data(t), (const uint8_t *)s + 6); /* the same bytes: no copy */
    char out[6] = { 0 };
    size_t written = 0;
    if (CHECK_ST(mv_tobytes(t, out, 5, &written), MV_OK)) {
        CHECK_EQU(written, 5);
        CHECK_MEM(out, "world", 5);
    }
    CHECK(mv_equal(t, mvt_from_const("world", 5)));
}

static void write_through_s_is_seen_through_t(void)
{
    const size_t n = 1000000;
    uint8_t *bytes = calloc(n, 1);
    if (!CHECK(bytes != NULL))
        return;
    mv_view s = mvt_from(bytes, n), t;
    MVT_FILL(t);
    if (CHECK_ST(mv_buffer(s, 1, -1, &t), MV_OK)) {
        CHECK_EQU(mv_len(t), n - 1);
        uint8_t got = 0xFF;
        CHECK_ST(mv_get(t, 0, &got), MV_OK);
        CHECK_EQ(got, 0);
        CHECK_ST(mv_set(s, 1, 5), MV_OK);
        CHECK_ST(mv_get(t, 0, &got), MV_OK);
        CHECK_EQ(got, 5);
        /* t is read-only: the write goes through s only. */
        CHECK_ST(mv_set(t, 0, 6), MV_EREADONLY);
        CHECK_EQ(bytes[1], 5);
        CHECK_EQU(mv_count(t, 0), n - 2);
    }
    free(bytes);
}

static const mvt_case cases[] = {
    MVT(buffer_of_hello_world_is_world),
    MVT(write_through_s_is_seen_through_t),
};

MVT_MAIN(cases)
