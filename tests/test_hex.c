/*
 * test_hex.c — mv_hex and mv_hex_size: memoryview.hex(sep, bytes_per_sep).
 *
 * The model writes the digits item by item and puts a separator before
 * item i when a group boundary falls there: counted from the right end
 * for bytes_per_sep > 0, from the left for < 0.
 */
#include "mv_test.h"
#include "mv_model.h"

#define MAXLEN 40

/* memoryview.hex into out (NUL-terminated); returns the length. */
static size_t model_hex(const uint8_t *items, size_t len, char sep, ptrdiff_t bps, char *out)
{
    static const char digits[] = "0123456789abcdef";
    mvt_i128 group = bps < 0 ? -(mvt_i128)bps : (mvt_i128)bps;
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (i > 0 && sep != '\0' && bps != 0) {
            mvt_i128 from_edge = bps > 0 ? (mvt_i128)(len - i) : (mvt_i128)i;
            if (from_edge % group == 0)
                out[n++] = sep;
        }
        out[n++] = digits[items[i] >> 4];
        out[n++] = digits[items[i] & 15];
    }
    out[n] = '\0';
    return n;
}

static const ptrdiff_t group_sizes[] = {
    0, 1, -1, 2, -2, 3, -3, 4, -4, 7, -7, 39, -39, 40, -40, 41, -41, INT32_MAX,
    (ptrdiff_t)INT32_MAX + 1, PTRDIFF_MAX, PTRDIFF_MIN + 1, PTRDIFF_MIN,
};

static const char seps[] = { '\0', ':', ' ', '-', 'a', '0', '\x01', '\x7f' };

/* mv_hex and mv_hex_size agree with the model for every length 0..40,
 * every separator and group size above, contiguous and reversed. */
static void hex_every_length_separator_and_group(void)
{
    uint8_t buf[MAXLEN], items[MAXLEN];
    for (size_t i = 0; i < MAXLEN; i++)
        buf[i] = (uint8_t)(i * 37 + 0x0F);
    char want[4 * MAXLEN + 1], got[4 * MAXLEN + 8];
    for (size_t len = 0; len <= MAXLEN; len++)
        for (int reversed = 0; reversed < 2; reversed++) {
            mv_view v = mvt_from_const(len ? buf : NULL, len);
            for (size_t i = 0; i < len; i++)
                items[i] = reversed ? buf[len - 1 - i] : buf[i];
            if (reversed)
                v = mvt_slice(v, MV_OMIT, MV_OMIT, -1);
            for (size_t s = 0; s < sizeof seps; s++)
                for (size_t g = 0; g < sizeof group_sizes / sizeof group_sizes[0]; g++) {
                    size_t n = model_hex(items, len, seps[s], group_sizes[g], want);
                    size_t written;
                    bool ok = CHECK_EQU(mv_hex_size(v, seps[s], group_sizes[g]), n);
                    memset(got, MVT_SENTINEL, sizeof got);
                    if (CHECK_ST(mv_hex(v, got, n + 1, seps[s], group_sizes[g], &written), MV_OK)) {
                        ok &= CHECK_EQU(written, n);
                        ok &= CHECK_MEM(got, want, n + 1);
                        ok &= CHECK_SENTINEL(got + n + 1, sizeof got - n - 1);
                    } else {
                        ok = false;
                    }
                    if (!ok)
                        printf("  len %zu%s sep 0x%02x bps %td: want \"%s\"\n", len,
                               reversed ? " reversed" : "", (unsigned)(uint8_t)seps[s],
                               group_sizes[g], want);
                }
        }
}

/* cap must hold the characters and the NUL; one less writes nothing. */
static void hex_capacity_is_exact(void)
{
    uint8_t buf[5] = { 0xDE, 0xAD, 0xBE, 0xEF, 0x01 };
    mv_view v = mvt_from(buf, 5);
    const struct {
        char sep;
        ptrdiff_t bps;
        size_t size;
    } cases[] = { { '\0', 1, 10 }, { ':', 1, 14 }, { ':', 2, 12 }, { ':', -4, 11 } };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = cases[i].size, written;
        CHECK_EQU(mv_hex_size(v, cases[i].sep, cases[i].bps), n);
        for (size_t cap = 0; cap <= n; cap++) {
            /* Exactly cap bytes, so the sanitizer sees any write past it. */
            char *dst = cap ? malloc(cap) : NULL;
            if (cap)
                memset(dst, MVT_SENTINEL, cap);
            memset(&written, MVT_SENTINEL, sizeof written);
            CHECK_ST(mv_hex(v, dst, cap, cases[i].sep, cases[i].bps, &written), MV_ERANGE);
            CHECK_SENTINEL(&written, sizeof written);
            if (cap)
                CHECK_SENTINEL(dst, cap);
            free(dst);
        }
        char *dst = malloc(n + 1);
        if (CHECK_ST(mv_hex(v, dst, n + 1, cases[i].sep, cases[i].bps, &written), MV_OK)) {
            CHECK_EQU(written, n);
            CHECK_EQ(dst[n], '\0');
        }
        free(dst);
    }
    /* The empty view needs one byte for the NUL, and no buffer for nothing. */
    mv_view e = mvt_from(NULL, 0);
    char one = 'x';
    size_t written;
    CHECK_EQU(mv_hex_size(e, ':', 1), 0);
    CHECK_ST(mv_hex(e, NULL, 0, ':', 1, &written), MV_ERANGE);
    if (CHECK_ST(mv_hex(e, &one, 1, ':', 1, &written), MV_OK)) {
        CHECK_EQU(written, 0);
        CHECK_EQ(one, '\0');
    }
}

static void hex_failures_change_nothing(void)
{
    uint8_t buf[2] = { 1, 2 };
    mv_view v = mvt_from(buf, 2), dead = mvt_released(v);
    char dst[8];
    size_t written;
    memset(dst, MVT_SENTINEL, sizeof dst);
    memset(&written, MVT_SENTINEL, sizeof written);
    CHECK_ST(mv_hex(v, dst, 8, ':', 1, NULL), MV_EINVAL);
    CHECK_ST(mv_hex(v, NULL, 8, ':', 1, &written), MV_EINVAL);
    CHECK_ST(mv_hex(dead, NULL, 8, ':', 1, &written), MV_EINVAL); /* pointers first */
    CHECK_ST(mv_hex(dead, dst, 8, ':', 1, &written), MV_ERELEASED);
    CHECK_ST(mv_hex(dead, NULL, 0, '\0', 0, &written), MV_ERELEASED);
    /* Non-ASCII separators are refused, and their size is 0. */
    const char bad[] = { (char)0x80, (char)0xFF, (char)0xC3 };
    for (size_t i = 0; i < sizeof bad; i++) {
        CHECK_ST(mv_hex(v, dst, 8, bad[i], 1, &written), MV_EINVAL);
        CHECK_ST(mv_hex(v, dst, 8, bad[i], 0, &written), MV_EINVAL);
        CHECK_EQU(mv_hex_size(v, bad[i], 1), 0);
        CHECK_EQU(mv_hex_size(v, bad[i], 0), 0);
    }
    CHECK_SENTINEL(dst, sizeof dst);
    CHECK_SENTINEL(&written, sizeof written);
    CHECK_EQU(mv_hex_size(dead, ':', 1), 0);
    CHECK_EQU(mv_hex_size(dead, '\0', 0), 0);
}

/* The header's rule: a released view is reported before any argument, and
 * the separator is an argument (CPython agrees: memoryview.hex checks the
 * release first). */
static void hex_released_before_bad_separator(void)
{
    uint8_t buf[2] = { 1, 2 };
    mv_view dead = mvt_released(mvt_from(buf, 2));
    char dst[8];
    size_t written;
    memset(dst, MVT_SENTINEL, sizeof dst);
    memset(&written, MVT_SENTINEL, sizeof written);
    CHECK_ST(mv_hex(dead, dst, 8, (char)0x80, 1, &written), MV_ERELEASED);
    CHECK_SENTINEL(dst, sizeof dst);
    CHECK_SENTINEL(&written, sizeof written);
}

/* Sizes near SIZE_MAX, on a view of PTRDIFF_MAX items that is only
 * measured (see test_from.c): mv_hex refuses before it would read. */
static void hex_size_of_the_longest_view(void)
{
    uint8_t byte = 0;
    mv_view v;
    if (!CHECK_ST(mv_from_const(&byte, (size_t)PTRDIFF_MAX, &v), MV_OK))
        return;
    const size_t digits = 2 * (size_t)PTRDIFF_MAX; /* SIZE_MAX - 1: still fits */
    CHECK_EQU(mv_hex_size(v, '\0', 1), digits);
    CHECK_EQU(mv_hex_size(v, ':', 0), digits);
    CHECK_EQU(mv_hex_size(v, ':', PTRDIFF_MAX), digits);
    CHECK_EQU(mv_hex_size(v, ':', PTRDIFF_MIN), digits);
    CHECK_EQU(mv_hex_size(v, ':', PTRDIFF_MIN + 1), digits);
    /* One separator more than fits: 2 * PTRDIFF_MAX + 1 == SIZE_MAX. */
    CHECK_EQU(mv_hex_size(v, ':', PTRDIFF_MAX - 1), SIZE_MAX);
    CHECK_EQU(mv_hex_size(v, ':', 1), SIZE_MAX);
    CHECK_EQU(mv_hex_size(v, ':', -2), SIZE_MAX);
    char dst[4];
    size_t written;
    memset(dst, MVT_SENTINEL, sizeof dst);
    memset(&written, MVT_SENTINEL, sizeof written);
    CHECK_ST(mv_hex(v, dst, sizeof dst, ':', 1, &written), MV_EOVERFLOW);
    CHECK_ST(mv_hex(v, dst, sizeof dst, ':', -(PTRDIFF_MAX - 1), &written), MV_EOVERFLOW);
    CHECK_ST(mv_hex(v, dst, sizeof dst, '\0', 1, &written), MV_ERANGE);
    CHECK_ST(mv_hex(v, dst, sizeof dst, ':', PTRDIFF_MAX, &written), MV_ERANGE);
    CHECK_SENTINEL(dst, sizeof dst);
    CHECK_SENTINEL(&written, sizeof written);
}

/* Every byte value, through the contiguous loop without separators and
 * through the general one (stride 2, and with a separator), against
 * printf's own hexadecimal digits. */
static void hex_every_byte_value_both_loops(void)
{
    static uint8_t spread[512];
    uint8_t bytes[256];
    for (size_t i = 0; i < 256; i++) {
        bytes[i] = (uint8_t)(255 - i);
        spread[2 * i] = bytes[i];
        spread[2 * i + 1] = (uint8_t)i;
    }
    char want[3 * 256 + 1], got[3 * 256 + 1];
    for (size_t i = 0; i < 256; i++)
        snprintf(want + 2 * i, 3, "%02x", bytes[i]);
    mv_view contiguous = mvt_from_const(bytes, 256);
    mv_view strided = mvt_slice(mvt_from_const(spread, 512), MV_OMIT, MV_OMIT, 2);
    mv_view views[] = { contiguous, strided };
    for (size_t k = 0; k < 2; k++) {
        size_t written = 0;
        memset(got, MVT_SENTINEL, sizeof got);
        if (CHECK_ST(mv_hex(views[k], got, sizeof got, '\0', 0, &written), MV_OK)) {
            CHECK_EQU(written, 512);
            CHECK_MEM(got, want, 513);
        }
    }
    char sep_want[3 * 256 + 1];
    for (size_t i = 0; i < 256; i++) {
        snprintf(sep_want + 3 * i, 4, "%02x:", bytes[i]);
    }
    sep_want[3 * 256 - 1] = '\0';
    for (size_t k = 0; k < 2; k++) {
        size_t written = 0;
        if (CHECK_ST(mv_hex(views[k], got, sizeof got, ':', 1, &written), MV_OK)) {
            CHECK_EQU(written, 3 * 256 - 1);
            CHECK_MEM(got, sep_want, 3 * 256);
        }
    }
}

static const mvt_case cases[] = {
    MVT(hex_every_byte_value_both_loops),
    MVT(hex_every_length_separator_and_group),
    MVT(hex_capacity_is_exact),
    MVT(hex_failures_change_nothing),
    MVT(hex_released_before_bad_separator),
    MVT(hex_size_of_the_longest_view),
};

MVT_MAIN(cases)
