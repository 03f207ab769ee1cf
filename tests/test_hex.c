/*
 * test_hex.c — mv_hex and mv_hex_size: memoryview.hex(sep, bytes_per_sep);
 * mv_fromhex and mv_fromhex_size: bytes.fromhex.
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

/* ------------------------------------------------------------- fromhex */

/* bytes.fromhex, written from its documentation: skip whitespace; then a
 * pair needs two hex digits in a row.  Returns the byte count, or -1 for
 * invalid text; out (when given) receives the bytes. */
static long model_fromhex(const uint8_t *text, size_t len, uint8_t *out)
{
    static const char hex[] = "0123456789abcdef";
    static const char space[] = " \t\n\v\f\r";
    long n = 0;
    size_t i = 0;
    for (;;) {
        while (i < len && text[i] != 0 && strchr(space, text[i]) != NULL)
            i++;
        if (i == len)
            return n;
        if (i + 1 == len)
            return -1;
        int v[2];
        for (int k = 0; k < 2; k++) {
            uint8_t c = text[i + (size_t)k];
            uint8_t lower = (c >= 'A' && c <= 'Z') ? (uint8_t)(c + 32) : c;
            const char *at = lower != 0 ? strchr(hex, lower) : NULL;
            if (at == NULL)
                return -1;
            v[k] = (int)(at - hex);
        }
        if (out != NULL)
            out[n] = (uint8_t)(v[0] * 16 + v[1]);
        n++;
        i += 2;
    }
}

/* Whether bytes.fromhex accepts each text: this table mirrors CPython's
 * answers (3.7 and later whitespace rules).  The model and the library
 * must both agree with it. */
static const struct {
    const char *text;
    bool valid;
} fromhex_table[] = {
    { " 1f 2e ", true },  { "1 f", false },       { "1f2", false },       { "", true },
    { "   ", true },      { "AbCd", true },       { "1f\v2e", true },     { "1f\f2e", true },
    { "1f\x1c" "2e", false }, { "1f\x85" "2e", false }, { "1f\xa0" "2e", false },
    { "g0", false },      { "\t\n\r 1f", true },  { "0x1f", false },      { "1", false },
    { "1f 2", false },    { " f", false },        { "1f\t", true },       { "Ff", true },
    { "1\t2", false },    { "1f\x1f" "2e", false }, { "1f\x08" "2e", false },
    { "1f\x0e" "2e", false }, { "FG", false },    { "@0", false },        { "`a", false },
    { "/0", false },      { ":0", false },        { "1f\xff", false },
};

static void fromhex_table_mirrors_cpython(void)
{
    for (size_t k = 0; k < sizeof fromhex_table / sizeof fromhex_table[0]; k++) {
        const uint8_t *text = (const uint8_t *)fromhex_table[k].text;
        size_t len = strlen(fromhex_table[k].text);
        uint8_t want[8], got[8];
        long n = model_fromhex(text, len, want);
        bool ok = CHECK_EQ(n >= 0, fromhex_table[k].valid);
        size_t written = 0, size = 0;
        mv_status st = mv_fromhex(mvt_from_const(len ? text : NULL, len), mvt_from(got, 8), &written);
        mv_status st_size = mv_fromhex_size(mvt_from_const(len ? text : NULL, len), &size);
        if (fromhex_table[k].valid) {
            ok &= CHECK_ST(st, MV_OK) && CHECK_ST(st_size, MV_OK) && CHECK_EQU(written, (size_t)n) &&
                  CHECK_EQU(size, (size_t)n) && CHECK_MEM(got, want, written);
        } else {
            ok &= CHECK_ST(st, MV_EINVAL) && CHECK_ST(st_size, MV_EINVAL);
        }
        if (!ok)
            printf("  case %zu\n", k);
    }
    /* A NUL byte in the text is no whitespace. */
    const uint8_t nul[3] = { '1', 'f', 0 };
    size_t written;
    CHECK_ST(mv_fromhex(mvt_from_const(nul, 3), mvt_from(&(uint8_t){ 0 }, 1), &written), MV_EINVAL);
    CHECK_EQ(model_fromhex(nul, 3, NULL), -1);
}

/* Bytes out through mv_hex (with no separator and with a space, which
 * fromhex skips) and back through mv_fromhex, contiguous and strided. */
static void fromhex_round_trips_hex(void)
{
    uint8_t bytes[64], spread[128], back[64];
    char text[3 * 64 + 1];
    for (int round = 0; round < 2000; round++) {
        size_t len = mvt_below(65);
        for (size_t i = 0; i < len; i++)
            bytes[i] = (uint8_t)mvt_below(256);
        char sep = mvt_below(2) ? ' ' : '\0';
        ptrdiff_t bps = (ptrdiff_t)mvt_below(7) - 3;
        size_t n;
        if (!CHECK_ST(mv_hex(mvt_from_const(len ? bytes : NULL, len), text, sizeof text, sep, bps, &n), MV_OK))
            continue;
        /* The text upper-cased half of the time: either case decodes. */
        if (mvt_below(2))
            for (size_t i = 0; i < n; i++)
                if (text[i] >= 'a' && text[i] <= 'f')
                    text[i] = (char)(text[i] - 32);
        mv_view tv = mvt_from_const(n ? text : NULL, n);
        size_t size = 0, written = 0;
        bool ok = CHECK_ST(mv_fromhex_size(tv, &size), MV_OK) && CHECK_EQU(size, len);
        memset(spread, MVT_SENTINEL, sizeof spread);
        mv_view dst = mvt_slice(mvt_from(spread, sizeof spread), 1, MV_OMIT, 2);
        if (CHECK_ST(mv_fromhex(tv, dst, &written), MV_OK)) {
            for (size_t i = 0; i < len; i++)
                back[i] = spread[1 + 2 * i];
            ok &= CHECK_EQU(written, len) && CHECK_MEM(back, bytes, len);
            for (size_t i = 0; i < sizeof spread; i++)
                if (i % 2 == 0 || i >= 1 + 2 * len)
                    ok &= CHECK_EQ(spread[i], MVT_SENTINEL);
        } else {
            ok = false;
        }
        if (!ok)
            printf("  round %d: len %zu sep 0x%02x bps %td\n", round, len, (unsigned)(uint8_t)sep, bps);
    }
}

/* Random texts, mostly digits and whitespace with a few bad bytes, read
 * through strided and reversed views, into strided and reversed views of
 * random lengths: status, count, bytes and untouched items against the
 * model. */
static void fromhex_random_views(void)
{
    static const char alphabet[] = "0123456789abcdefABCDEF \t\n\v\f\r";
    static const uint8_t bad[] = { 'g', 'G', 'x', '/', ':', '@', '`', 0x00, 0x08, 0x0E, 0x1C,
                                   0x7F, 0x80, 0x85, 0xA0, 0xFF };
    uint8_t buf[48], items[48], out[48], want[48];
    mvt_model whole, mt, md;
    mvt_model_whole(&whole, 48);
    for (int round = 0; round < 40000; round++) {
        int bad_odds = (int)mvt_below(4); /* 0: no bad byte */
        for (size_t i = 0; i < 48; i++)
            buf[i] = bad_odds != 0 && mvt_below(40) < (uint64_t)bad_odds
                         ? bad[mvt_below(sizeof bad)]
                         : (uint8_t)alphabet[mvt_below(sizeof alphabet - 1)];
        ptrdiff_t st_ = (ptrdiff_t)mvt_below(5) - 2;
        st_ = st_ ? st_ : 1;
        ptrdiff_t from = (ptrdiff_t)mvt_below(48), to = (ptrdiff_t)mvt_below(49);
        mvt_model_slice(&whole, from, to, st_, &mt);
        mv_view text = mvt_slice(mvt_from(buf, 48), from, to, st_);
        size_t nt = 0;
        for (size_t i = 0; i < mt.len; i++)
            items[nt++] = buf[mt.idx[i]];
        long n = model_fromhex(items, nt, want);

        ptrdiff_t sd = mvt_below(2) ? 1 : -2;
        ptrdiff_t dstart = (ptrdiff_t)mvt_below(48);
        mvt_model_slice(&whole, dstart, MV_OMIT, sd, &md);
        memset(out, MVT_SENTINEL, sizeof out);
        mv_view dst = mvt_slice(mvt_from(out, 48), dstart, MV_OMIT, sd);
        size_t written, size;
        memset(&written, MVT_SENTINEL, sizeof written);
        memset(&size, MVT_SENTINEL, sizeof size);
        mv_status st = mv_fromhex(text, dst, &written);
        mv_status st_size = mv_fromhex_size(text, &size);
        mv_status st_want = n < 0 ? MV_EINVAL : ((size_t)n > md.len ? MV_ERANGE : MV_OK);
        bool ok = CHECK_ST(st, st_want) && CHECK_ST(st_size, n < 0 ? MV_EINVAL : MV_OK);
        if (ok && n >= 0)
            ok &= CHECK_EQU(size, (size_t)n);
        else
            ok &= CHECK_SENTINEL(&size, sizeof size);
        if (ok && st == MV_OK)
            ok &= CHECK_EQU(written, (size_t)n);
        else
            ok &= CHECK_SENTINEL(&written, sizeof written);
        /* Byte k at dst item k when decoded; every other byte untouched. */
        uint8_t expect[48];
        memset(expect, MVT_SENTINEL, sizeof expect);
        if (st_want == MV_OK)
            for (size_t k = 0; k < (size_t)n; k++)
                expect[md.idx[k]] = want[k];
        ok &= CHECK_MEM(out, expect, sizeof out);
        if (!ok)
            printf("  round %d: text [%td:%td:%td] dst [%td::%td]\n", round, from, to, st_, dstart, sd);
    }
}

/* Exactly enough items decodes; one fewer is MV_ERANGE, nothing written. */
static void fromhex_room_is_exact(void)
{
    const char text[] = "de ad be ef";
    mv_view tv = mvt_from_const(text, sizeof text - 1);
    uint8_t want[4];
    CHECK_EQ(model_fromhex((const uint8_t *)text, sizeof text - 1, want), 4);
    uint8_t out[6];
    size_t written;
    for (size_t cap = 0; cap < 4; cap++) {
        memset(out, MVT_SENTINEL, sizeof out);
        memset(&written, MVT_SENTINEL, sizeof written);
        CHECK_ST(mv_fromhex(tv, mvt_from(cap ? out : NULL, cap), &written), MV_ERANGE);
        CHECK_SENTINEL(out, sizeof out);
        CHECK_SENTINEL(&written, sizeof written);
    }
    memset(out, MVT_SENTINEL, sizeof out);
    if (CHECK_ST(mv_fromhex(tv, mvt_from(out, 4), &written), MV_OK)) {
        CHECK_EQU(written, 4);
        CHECK_MEM(out, want, 4);
        CHECK_SENTINEL(out + 4, 2);
    }
    /* Nothing to decode needs no items at all. */
    if (CHECK_ST(mv_fromhex(mvt_from_const(" \n", 2), mvt_from(NULL, 0), &written), MV_OK))
        CHECK_EQU(written, 0);
}

/* Every status, in the library's order, each leaving dst and the count
 * untouched. */
static void fromhex_failures_change_nothing(void)
{
    const char good[] = "0a0b", bad[] = "0a0";
    mv_view g = mvt_from_const(good, 4), b = mvt_from_const(bad, 3);
    uint8_t out[4];
    memset(out, MVT_SENTINEL, sizeof out);
    mv_view d = mvt_from(out, 4), ro = mvt_readonly(d), dead_d = mvt_released(d);
    mv_view dead_t = mvt_released(g);
    size_t written, size;
    memset(&written, MVT_SENTINEL, sizeof written);
    memset(&size, MVT_SENTINEL, sizeof size);
    CHECK_ST(mv_fromhex(g, d, NULL), MV_EINVAL);
    CHECK_ST(mv_fromhex(dead_t, dead_d, NULL), MV_EINVAL);          /* the pointer first */
    CHECK_ST(mv_fromhex(dead_t, d, &written), MV_ERELEASED);
    CHECK_ST(mv_fromhex(g, dead_d, &written), MV_ERELEASED);
    CHECK_ST(mv_fromhex(dead_t, ro, &written), MV_ERELEASED);       /* before read-only */
    CHECK_ST(mv_fromhex(g, ro, &written), MV_EREADONLY);
    CHECK_ST(mv_fromhex(b, ro, &written), MV_EREADONLY);            /* before the text */
    CHECK_ST(mv_fromhex(b, d, &written), MV_EINVAL);
    CHECK_ST(mv_fromhex(b, mvt_from(NULL, 0), &written), MV_EINVAL); /* before the room */
    CHECK_ST(mv_fromhex(g, mvt_from(out, 1), &written), MV_ERANGE);
    CHECK_SENTINEL(out, sizeof out);
    CHECK_SENTINEL(&written, sizeof written);
    CHECK_ST(mv_fromhex_size(g, NULL), MV_EINVAL);
    CHECK_ST(mv_fromhex_size(dead_t, NULL), MV_EINVAL);
    CHECK_ST(mv_fromhex_size(dead_t, &size), MV_ERELEASED);
    CHECK_ST(mv_fromhex_size(b, &size), MV_EINVAL);
    CHECK_SENTINEL(&size, sizeof size);
    /* The same text and views succeed once the fault is gone. */
    if (CHECK_ST(mv_fromhex(g, d, &written), MV_OK))
        CHECK_EQU(written, 2);
}

static const mvt_case cases[] = {
    MVT(hex_every_byte_value_both_loops),
    MVT(hex_every_length_separator_and_group),
    MVT(hex_capacity_is_exact),
    MVT(hex_failures_change_nothing),
    MVT(hex_released_before_bad_separator),
    MVT(hex_size_of_the_longest_view),
    MVT(fromhex_table_mirrors_cpython),
    MVT(fromhex_round_trips_hex),
    MVT(fromhex_random_views),
    MVT(fromhex_room_is_exact),
    MVT(fromhex_failures_change_nothing),
};

MVT_MAIN(cases)
