/*
 * test_cut.c — cutting views at prefixes, suffixes and separators, and
 * stripping them: mv_startswith, mv_endswith, mv_removeprefix,
 * mv_removesuffix, mv_strip, mv_lstrip, mv_rstrip, mv_partition,
 * mv_rpartition, mv_split_next.
 *
 * Expected results come from two places: cases whose answers were taken
 * from CPython's bytes methods (noted at each), and a naive model that works
 * on plain arrays of the items (gathered through the index-list model of
 * mv_model.h), so that strided and reversed views are checked against the
 * same simple loops as contiguous ones.  Every result must be the sub-view
 * of the input the model names: its length, item 0's address, stride and
 * read-only flag.
 */
#include "mv_test.h"
#include "mv_model.h"
#include "mv_alloc.h"

/* ------------------------------------------------------------ the model */

/* The items of a view, gathered by the model from the base buffer. */
static size_t gather(const uint8_t *base, const mvt_model *m, uint8_t *out)
{
    for (size_t i = 0; i < m->len; i++)
        out[i] = base[m->idx[i]];
    return m->len;
}

static bool model_match(const uint8_t *a, size_t na, size_t at, const uint8_t *p, size_t np)
{
    if (at > na || np > na - at)
        return false;
    for (size_t j = 0; j < np; j++)
        if (a[at + j] != p[j])
            return false;
    return true;
}

/* bytes.find / bytes.rfind for np >= 1: the position, or -1. */
static long model_find(const uint8_t *a, size_t na, const uint8_t *p, size_t np)
{
    for (size_t k = 0; k + np <= na; k++)
        if (model_match(a, na, k, p, np))
            return (long)k;
    return -1;
}

static long model_rfind(const uint8_t *a, size_t na, const uint8_t *p, size_t np)
{
    long found = -1;
    for (size_t k = 0; k + np <= na; k++)
        if (model_match(a, na, k, p, np))
            found = (long)k;
    return found;
}

/* The set strip removes: chars' items, or Python's ASCII whitespace. */
static void model_set(const uint8_t *chars, size_t n, bool whitespace, bool set[256])
{
    memset(set, 0, 256 * sizeof set[0]);
    if (whitespace) {
        static const char ws[] = " \t\n\r\v\f";
        for (size_t i = 0; i < sizeof ws - 1; i++)
            set[(uint8_t)ws[i]] = true;
        return;
    }
    for (size_t i = 0; i < n; i++)
        set[chars[i]] = true;
}

/* -------------------------------------------------------------- helpers */

/* Whether r is v[off:off+len]: the model's addresses, v's flag. */
static bool sub_is(mv_view r, mv_view v, const uint8_t *base, const mvt_model *vm, size_t off,
                   size_t len, const char *file, int line)
{
    mvt_model want;
    if (off > vm->len || len > vm->len - off) {
        mvt_fail_prefix(file, line);
        printf("model cut %zu+%zu out of %zu\n", off, len, vm->len);
        return false;
    }
    mvt_model_cut(vm, off, len, &want);
    bool ok = mvt_view_is(r, base, &want, file, line);
    ok &= mvt_check(mv_readonly(r) == mv_readonly(v), file, line, "read-only flag kept");
    return ok;
}
#define CHECK_SUB(r, v, base, vm, off, len) sub_is((r), (v), (base), (vm), (off), (len), __FILE__, __LINE__)

/* A read-only view of a C string's bytes. */
static mv_view str_view(const char *s)
{
    size_t n = strlen(s);
    return mvt_from_const(n ? s : NULL, n);
}

/* Items of v as bytes (for the fixed cases). */
static bool view_is_str(mv_view v, const char *s, const char *file, int line)
{
    uint8_t got[256];
    size_t n = strlen(s), written = 0;
    if (!mvt_check_uint(mv_len(v), n, file, line, "mv_len(v) == strlen(want)"))
        return false;
    if (!mvt_check_status(mv_tobytes(v, got, sizeof got, &written), MV_OK, file, line, "mv_tobytes"))
        return false;
    return mvt_check_mem(got, s, n, file, line, "items");
}
#define CHECK_STR(v, s) view_is_str((v), (s), __FILE__, __LINE__)

/* ------------------------------------------------- prefixes and suffixes */

/* Answers from CPython: b'abc'.startswith(b'') is True, b''.startswith(b'')
 * True, b'ab'.startswith(b'abc') False, b'abc'.endswith(b'bc') True. */
static void prefix_suffix_cpython_cases(void)
{
    mv_view abc = str_view("abc"), empty = str_view(""), out;
    CHECK(mv_startswith(abc, empty));
    CHECK(mv_startswith(empty, empty));
    CHECK(mv_endswith(abc, empty));
    CHECK(!mv_startswith(str_view("ab"), abc));
    CHECK(!mv_endswith(str_view("bc"), abc));
    CHECK(mv_startswith(abc, str_view("ab")));
    CHECK(!mv_startswith(abc, str_view("b")));
    CHECK(mv_endswith(abc, str_view("bc")));
    CHECK(!mv_endswith(abc, str_view("ab")));
    CHECK(mv_startswith(abc, abc) && mv_endswith(abc, abc));
    /* b'abc'.removeprefix(b'ab') == b'c'; b'abc'.removesuffix(b'bc') == b'a';
     * b'abc'.removeprefix(b'abc') == b''; b'abc'.removeprefix(b'x') == b'abc'. */
    if (CHECK_ST(mv_removeprefix(abc, str_view("ab"), &out), MV_OK))
        CHECK_STR(out, "c");
    if (CHECK_ST(mv_removesuffix(abc, str_view("bc"), &out), MV_OK))
        CHECK_STR(out, "a");
    if (CHECK_ST(mv_removeprefix(abc, abc, &out), MV_OK))
        CHECK_STR(out, "");
    if (CHECK_ST(mv_removesuffix(abc, abc, &out), MV_OK))
        CHECK_STR(out, "");
    if (CHECK_ST(mv_removeprefix(abc, str_view("x"), &out), MV_OK))
        CHECK_STR(out, "abc");
    if (CHECK_ST(mv_removesuffix(empty, str_view("x"), &out), MV_OK))
        CHECK_STR(out, "");
}

/* No match: *out is v itself, whatever its shape. */
static void remove_without_match_gives_v(void)
{
    uint8_t buf[9] = "abcdefgh";
    mv_view v = mvt_slice(mvt_from(buf, 8), MV_OMIT, MV_OMIT, -3); /* h e b */
    mv_view out;
    MVT_FILL(out);
    if (CHECK_ST(mv_removeprefix(v, str_view("e"), &out), MV_OK)) {
        CHECK_PTR(mv_data(out), mv_data(v));
        CHECK_EQU(mv_len(out), mv_len(v));
        CHECK_EQ(mv_stride(out), mv_stride(v));
        CHECK(!mv_readonly(out));
    }
    MVT_FILL(out);
    if (CHECK_ST(mv_removesuffix(v, str_view("e"), &out), MV_OK)) {
        CHECK_PTR(mv_data(out), mv_data(v));
        CHECK_EQU(mv_len(out), mv_len(v));
        CHECK_EQ(mv_stride(out), mv_stride(v));
    }
    /* A match through a reversed view: v starts with "he", ends with "eb". */
    if (CHECK_ST(mv_removeprefix(v, str_view("he"), &out), MV_OK)) {
        CHECK_EQU(mv_len(out), 1);
        CHECK_PTR(mv_data(out), buf + 1);
    }
    if (CHECK_ST(mv_removesuffix(v, str_view("eb"), &out), MV_OK)) {
        CHECK_EQU(mv_len(out), 1);
        CHECK_PTR(mv_data(out), buf + 7);
    }
}

static void prefix_suffix_statuses(void)
{
    mv_view abc = str_view("abc"), ab = str_view("ab");
    mv_view gone = mvt_released(abc), out;
    /* Released views: false, and MV_ERELEASED with *out untouched. */
    CHECK(!mv_startswith(gone, str_view("")));
    CHECK(!mv_startswith(abc, mvt_released(ab)));
    CHECK(!mv_endswith(gone, str_view("")));
    CHECK(!mv_endswith(abc, mvt_released(ab)));
    CHECK_ST(mv_removeprefix(abc, ab, NULL), MV_EINVAL);
    CHECK_ST(mv_removesuffix(abc, ab, NULL), MV_EINVAL);
    CHECK_ST(mv_removeprefix(gone, ab, NULL), MV_EINVAL); /* NULL first */
    MVT_FILL(out);
    CHECK_ST(mv_removeprefix(gone, ab, &out), MV_ERELEASED);
    CHECK_ST(mv_removeprefix(abc, mvt_released(ab), &out), MV_ERELEASED);
    CHECK_ST(mv_removesuffix(gone, ab, &out), MV_ERELEASED);
    CHECK_ST(mv_removesuffix(abc, mvt_released(ab), &out), MV_ERELEASED);
    CHECK_SENTINEL(&out, sizeof out);
}

/* ------------------------------------------------------------ stripping */

/* Python: [c for c in range(256) if bytes([c]).strip() == b''] is
 * [9, 10, 11, 12, 13, 32]; b' \t\n\r\x0b\x0c\x1c x \x1f\x85\xa0'.strip()
 * == b'\x1c x \x1f\x85\xa0'. */
static void strip_default_is_ascii_whitespace(void)
{
    for (unsigned c = 0; c < 256; c++) {
        uint8_t b = (uint8_t)c;
        mv_view v = mvt_from_const(&b, 1), out;
        bool ws = c == 9 || c == 10 || c == 11 || c == 12 || c == 13 || c == 32;
        if (CHECK_ST(mv_strip(v, NULL, &out), MV_OK) && !CHECK_EQU(mv_len(out), ws ? 0 : 1))
            printf("  byte %u\n", c);
        if (CHECK_ST(mv_lstrip(v, NULL, &out), MV_OK))
            CHECK_EQU(mv_len(out), ws ? 0 : 1);
        if (CHECK_ST(mv_rstrip(v, NULL, &out), MV_OK))
            CHECK_EQU(mv_len(out), ws ? 0 : 1);
    }
    static const char text[] = " \t\n\r\x0b\x0c\x1c x \x1f\x85\xa0";
    mv_view v = mvt_from_const(text, sizeof text - 1), out;
    if (CHECK_ST(mv_strip(v, NULL, &out), MV_OK))
        CHECK_STR(out, "\x1c x \x1f\x85\xa0");
    if (CHECK_ST(mv_rstrip(v, NULL, &out), MV_OK))
        CHECK_EQU(mv_len(out), sizeof text - 1);
}

/* Python: b'xxaxx'.strip(b'x') == b'a', b'xx'.strip(b'x') == b'',
 * b'abc'.strip(b'') == b'abc', b'aba'.strip(b'ab') == b'',
 * b'xxaxx'.lstrip(b'x') == b'axx', b'xxaxx'.rstrip(b'x') == b'xxa'. */
static void strip_cpython_cases(void)
{
    mv_view x = str_view("x"), none = str_view(""), ab = str_view("ab"), out;
    if (CHECK_ST(mv_strip(str_view("xxaxx"), &x, &out), MV_OK))
        CHECK_STR(out, "a");
    if (CHECK_ST(mv_strip(str_view("xx"), &x, &out), MV_OK))
        CHECK_STR(out, "");
    if (CHECK_ST(mv_strip(str_view("abc"), &none, &out), MV_OK))
        CHECK_STR(out, "abc");
    if (CHECK_ST(mv_strip(str_view("aba"), &ab, &out), MV_OK))
        CHECK_STR(out, "");
    if (CHECK_ST(mv_lstrip(str_view("xxaxx"), &x, &out), MV_OK))
        CHECK_STR(out, "axx");
    if (CHECK_ST(mv_rstrip(str_view("xxaxx"), &x, &out), MV_OK))
        CHECK_STR(out, "xxa");
    if (CHECK_ST(mv_strip(str_view(""), NULL, &out), MV_OK))
        CHECK_STR(out, "");
}

static void strip_statuses(void)
{
    mv_view v = str_view(" a "), chars = str_view(" "), gone = mvt_released(chars), out;
    mv_status (*const fns[3])(mv_view, const mv_view *, mv_view *) = { mv_strip, mv_lstrip,
                                                                       mv_rstrip };
    for (size_t f = 0; f < 3; f++) {
        CHECK_ST(fns[f](v, &chars, NULL), MV_EINVAL);
        CHECK_ST(fns[f](mvt_released(v), NULL, NULL), MV_EINVAL);
        MVT_FILL(out);
        CHECK_ST(fns[f](mvt_released(v), NULL, &out), MV_ERELEASED);
        CHECK_ST(fns[f](mvt_released(v), &chars, &out), MV_ERELEASED);
        CHECK_ST(fns[f](v, &gone, &out), MV_ERELEASED);
        CHECK_SENTINEL(&out, sizeof out);
    }
}

/* ----------------------------------------------------------- separators */

/* The pieces of a partition as strings. */
static void check_parts(mv_status st, mv_view b, mv_view s, mv_view a, const char *wb,
                        const char *ws, const char *wa, const char *file, int line)
{
    if (!mvt_check_status(st, MV_OK, file, line, "partition"))
        return;
    view_is_str(b, wb, file, line);
    view_is_str(s, ws, file, line);
    view_is_str(a, wa, file, line);
}
#define CHECK_PARTS(st, b, s, a, wb, ws, wa) check_parts((st), (b), (s), (a), (wb), (ws), (wa), __FILE__, __LINE__)

/* Python: b'abc'.partition(b'x') == (b'abc', b'', b''),
 * b'abc'.rpartition(b'x') == (b'', b'', b'abc'),
 * b'aXbXc'.partition(b'X') == (b'a', b'X', b'bXc'),
 * b'aXbXc'.rpartition(b'X') == (b'aXb', b'X', b'c'),
 * b'aaa'.partition(b'aa') == (b'', b'aa', b'a'),
 * b'aaa'.rpartition(b'aa') == (b'a', b'aa', b''),
 * b''.partition(b'x') == (b'', b'', b''). */
static void partition_cpython_cases(void)
{
    mv_view b, s, a;
    CHECK_PARTS(mv_partition(str_view("abc"), str_view("x"), &b, &s, &a), b, s, a, "abc", "", "");
    CHECK_PARTS(mv_rpartition(str_view("abc"), str_view("x"), &b, &s, &a), b, s, a, "", "", "abc");
    CHECK_PARTS(mv_partition(str_view("aXbXc"), str_view("X"), &b, &s, &a), b, s, a, "a", "X", "bXc");
    CHECK_PARTS(mv_rpartition(str_view("aXbXc"), str_view("X"), &b, &s, &a), b, s, a, "aXb", "X", "c");
    CHECK_PARTS(mv_partition(str_view("aaa"), str_view("aa"), &b, &s, &a), b, s, a, "", "aa", "a");
    CHECK_PARTS(mv_rpartition(str_view("aaa"), str_view("aa"), &b, &s, &a), b, s, a, "a", "aa", "");
    CHECK_PARTS(mv_partition(str_view(""), str_view("x"), &b, &s, &a), b, s, a, "", "", "");
    CHECK_PARTS(mv_rpartition(str_view(""), str_view("x"), &b, &s, &a), b, s, a, "", "", "");
}

typedef mv_status (*partition_fn)(mv_view, mv_view, mv_view *, mv_view *, mv_view *);

static void partition_statuses(void)
{
    const partition_fn fns[2] = { mv_partition, mv_rpartition };
    mv_view v = str_view("a,b"), sep = str_view(","), empty = str_view("");
    for (size_t f = 0; f < 2; f++) {
        mv_view b, s, a;
        MVT_FILL(b);
        MVT_FILL(s);
        MVT_FILL(a);
        CHECK_ST(fns[f](v, sep, NULL, &s, &a), MV_EINVAL);
        CHECK_ST(fns[f](v, sep, &b, NULL, &a), MV_EINVAL);
        CHECK_ST(fns[f](v, sep, &b, &s, NULL), MV_EINVAL);
        CHECK_ST(fns[f](v, sep, &b, &b, &a), MV_EINVAL);
        CHECK_ST(fns[f](v, sep, &b, &s, &b), MV_EINVAL);
        CHECK_ST(fns[f](v, sep, &b, &s, &s), MV_EINVAL);
        CHECK_ST(fns[f](mvt_released(v), empty, &b, &s, &s), MV_EINVAL); /* pointers first */
        CHECK_ST(fns[f](mvt_released(v), sep, &b, &s, &a), MV_ERELEASED);
        CHECK_ST(fns[f](v, mvt_released(sep), &b, &s, &a), MV_ERELEASED);
        CHECK_ST(fns[f](mvt_released(v), empty, &b, &s, &a), MV_ERELEASED); /* before empty sep */
        /* b'a,b'.partition(b'') raises ValueError: empty separator. */
        CHECK_ST(fns[f](v, empty, &b, &s, &a), MV_EINVAL);
        CHECK_SENTINEL(&b, sizeof b);
        CHECK_SENTINEL(&s, sizeof s);
        CHECK_SENTINEL(&a, sizeof a);
    }
}

/* A separator longer than MV_FIND_STACK items: mv_find's table comes from
 * the heap.  When it cannot be had, mv_partition and mv_split_next answer
 * MV_ENOMEM and write nothing; when it can, they find the separator. */
#define LONG_SEP (MV_FIND_STACK + 44)
static void long_separator_and_enomem(void)
{
    static uint8_t hay[3 * LONG_SEP], sep[LONG_SEP];
    for (size_t i = 0; i < sizeof hay; i++)
        hay[i] = (uint8_t)(i % 7 == 3 ? 'x' : 'a' + i % 5);
    memcpy(sep, hay + LONG_SEP + 10, LONG_SEP);
    long want = model_find(hay, sizeof hay, sep, LONG_SEP);
    CHECK(want >= 0 && want <= LONG_SEP + 10);
    mv_view v = mvt_from(hay, sizeof hay), s = mvt_from_const(sep, LONG_SEP);
    mv_view b, m, a, rest = v, rest_copy, tok;

    mvt_alloc_reset();
    mvt_alloc.fail_all = true;
    MVT_FILL(b);
    MVT_FILL(m);
    MVT_FILL(a);
    MVT_FILL(tok);
    MVT_COPY(rest_copy, rest);
    CHECK_ST(mv_partition(v, s, &b, &m, &a), MV_ENOMEM);
    CHECK_ST(mv_split_next(&rest, s, &tok), MV_ENOMEM);
    CHECK(mvt_alloc.failed >= 2);
    mvt_alloc_reset();
    CHECK_SENTINEL(&b, sizeof b);
    CHECK_SENTINEL(&m, sizeof m);
    CHECK_SENTINEL(&a, sizeof a);
    CHECK_SENTINEL(&tok, sizeof tok);
    CHECK_UNCHANGED_VIEW(rest, rest_copy);

    mvt_model vm;
    mvt_model_whole(&vm, sizeof hay);
    if (CHECK_ST(mv_partition(v, s, &b, &m, &a), MV_OK) && want >= 0) {
        size_t p = (size_t)want;
        CHECK_SUB(b, v, hay, &vm, 0, p);
        CHECK_SUB(m, v, hay, &vm, p, LONG_SEP);
        CHECK_SUB(a, v, hay, &vm, p + LONG_SEP, sizeof hay - p - LONG_SEP);
    }
    if (CHECK_ST(mv_split_next(&rest, s, &tok), MV_OK) && want >= 0) {
        size_t p = (size_t)want;
        CHECK_SUB(tok, v, hay, &vm, 0, p);
        CHECK_SUB(rest, v, hay, &vm, p + LONG_SEP, sizeof hay - p - LONG_SEP);
    }
    long rwant = model_rfind(hay, sizeof hay, sep, LONG_SEP);
    if (CHECK_ST(mv_rpartition(v, s, &b, &m, &a), MV_OK) && rwant >= 0) {
        size_t p = (size_t)rwant;
        CHECK_SUB(b, v, hay, &vm, 0, p);
        CHECK_SUB(m, v, hay, &vm, p, LONG_SEP);
    }
}

/* All tokens of v split at sep, as strings joined by '|', or the status
 * that ended the iteration when it was not MV_ERELEASED. */
static void split_all(mv_view v, mv_view sep, char *out, size_t cap)
{
    mv_view rest = v, tok;
    mv_status st;
    size_t n = 0, tokens = 0;
    out[0] = '\0';
    while ((st = mv_split_next(&rest, sep, &tok)) == MV_OK) {
        size_t written = 0;
        if (tokens++ > 0 && n + 1 < cap)
            out[n++] = '|';
        if (mv_tobytes(tok, out + n, cap - n - 1, &written) != MV_OK)
            break;
        n += written;
        out[n] = '\0';
    }
    if (st != MV_ERELEASED)
        snprintf(out, cap, "(%s)", mvt_status_name(st));
}

/* Python: b''.split(b',') == [b''], b'a,,b,'.split(b',') ==
 * [b'a', b'', b'b', b''], b','.split(b',') == [b'', b''],
 * b'abc'.split(b'abc') == [b'', b''], b'aaa'.split(b'aa') == [b'', b'a'],
 * b'a<>b<>c'.split(b'<>') == [b'a', b'b', b'c'], b'abc'.split(b'x') ==
 * [b'abc']. */
static void split_cpython_cases(void)
{
    static const struct {
        const char *v, *sep, *want;
    } cases[] = {
        { "", ",", "" },         { "a,,b,", ",", "a||b|" }, { ",", ",", "|" },
        { "abc", "abc", "|" },   { "aaa", "aa", "|a" },     { "a<>b<>c", "<>", "a|b|c" },
        { "abc", "x", "abc" },   { ",,", ",", "||" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char got[64];
        split_all(str_view(cases[i].v), str_view(cases[i].sep), got, sizeof got);
        if (!CHECK(strcmp(got, cases[i].want) == 0))
            printf("  split(%s, %s): got '%s', want '%s'\n", cases[i].v, cases[i].sep, got,
                   cases[i].want);
    }
    /* The number of tokens of b''.split(b','): exactly one, empty. */
    mv_view rest = str_view(""), tok;
    CHECK_ST(mv_split_next(&rest, str_view(","), &tok), MV_OK);
    CHECK_EQU(mv_len(tok), 0);
    MVT_FILL(tok);
    CHECK_ST(mv_split_next(&rest, str_view(","), &tok), MV_ERELEASED);
    CHECK_SENTINEL(&tok, sizeof tok);
}

static void split_statuses(void)
{
    mv_view v = str_view("a,b"), sep = str_view(","), rest = v, copy, tok;
    MVT_FILL(tok);
    MVT_COPY(copy, rest);
    CHECK_ST(mv_split_next(NULL, sep, &tok), MV_EINVAL);
    CHECK_ST(mv_split_next(&rest, sep, NULL), MV_EINVAL);
    CHECK_ST(mv_split_next(&rest, sep, &rest), MV_EINVAL);
    CHECK_ST(mv_split_next(&rest, mvt_released(sep), &tok), MV_ERELEASED);
    /* b'a,b'.split(b'') raises ValueError: empty separator. */
    CHECK_ST(mv_split_next(&rest, str_view(""), &tok), MV_EINVAL);
    CHECK_SENTINEL(&tok, sizeof tok);
    CHECK_UNCHANGED_VIEW(rest, copy);
    mv_view gone = mvt_released(v), gone_copy;
    MVT_COPY(gone_copy, gone);
    CHECK_ST(mv_split_next(&gone, sep, &tok), MV_ERELEASED);
    CHECK_ST(mv_split_next(&gone, str_view(""), &tok), MV_ERELEASED); /* before empty sep */
    CHECK_SENTINEL(&tok, sizeof tok);
    CHECK_UNCHANGED_VIEW(gone, gone_copy);
}

/* ------------------------------------------------ random, against the model */

#define BASE 48
#define PAT 12

/* A random slice of a whole view of n bytes (and its model). */
static mv_view random_slice(mv_view whole, const mvt_model *wm, mvt_model *m)
{
    static const ptrdiff_t steps[] = { MV_OMIT, 1, 1, 1, -1, -1, 2, -2, 3, -3, 5 };
    ptrdiff_t n = (ptrdiff_t)wm->len;
    ptrdiff_t step = steps[mvt_below(sizeof steps / sizeof steps[0])];
    ptrdiff_t start = mvt_below(6) == 0 ? MV_OMIT : (ptrdiff_t)mvt_below((uint64_t)n + 5) - 2;
    ptrdiff_t stop = mvt_below(6) == 0 ? MV_OMIT : (ptrdiff_t)mvt_below((uint64_t)n + 5) - 2;
    if (mvt_below(4) == 0) { /* negative bounds count from the end */
        start = start == MV_OMIT ? start : start - n;
        stop = stop == MV_OMIT ? stop : stop - n;
    }
    mvt_model_slice(wm, start, stop, step, m);
    mv_view r = mvt_slice(whole, start, stop, step);
    return mvt_below(3) == 0 ? mvt_readonly(r) : r;
}

/* The bytes a random case is made of: few, so that matches are common. */
static uint8_t random_byte(void)
{
    static const uint8_t alphabet[] = { 'a', 'b', ',', ' ', '\t', '\n', 0x00, 0x80, 0xFF, 0x0b };
    return alphabet[mvt_below(sizeof alphabet / sizeof alphabet[0])];
}

/* A pattern view holding the np bytes of p[], laid out in buf at a random
 * stride (1, 2 or 3, forwards or backwards). */
static mv_view lay_out(const uint8_t *p, size_t np, uint8_t *buf, size_t cap)
{
    size_t k = 1 + mvt_below(3);
    bool back = mvt_below(2) == 0;
    memset(buf, 0x5A, cap);
    if (np == 0)
        return mvt_from_const(NULL, 0);
    for (size_t i = 0; i < np; i++)
        buf[k * (back ? np - 1 - i : i)] = p[i];
    mv_view whole = mvt_from_const(buf, k * (np - 1) + 1);
    return mvt_slice(whole, MV_OMIT, MV_OMIT, back ? -(ptrdiff_t)k : (ptrdiff_t)k);
}

/* A pattern: a run of v's own items (a likely match), or random bytes. */
static size_t random_pattern(const uint8_t *items, size_t n, uint8_t *p, size_t max, bool nonempty)
{
    size_t np = mvt_below(max + 1);
    if (nonempty && np == 0)
        np = 1;
    if (n > 0 && mvt_below(3) != 0) {
        size_t at = mvt_below(n);
        if (np > n - at)
            np = n - at;
        memcpy(p, items + at, np);
        if (np > 0 && mvt_below(5) == 0)
            p[mvt_below(np)] = random_byte(); /* a near miss */
    } else {
        for (size_t i = 0; i < np; i++)
            p[i] = random_byte();
    }
    if (nonempty && np == 0) {
        p[0] = random_byte();
        np = 1;
    }
    return np;
}

static uint8_t base[BASE];

/* Checks every function on one random view and pattern; false on the
 * first disagreement. */
static bool one_random_case(unsigned long c)
{
    for (size_t i = 0; i < BASE; i++)
        base[i] = random_byte();
    mv_view whole = mvt_from(base, BASE);
    mvt_model wm, vm;
    mvt_model_whole(&wm, BASE);
    mv_view v = random_slice(whole, &wm, &vm);
    uint8_t items[BASE], p[PAT], pbuf[3 * PAT];
    size_t n = gather(base, &vm, items);
    bool ok = true;

    /* Prefixes and suffixes: the pattern is often v's head or tail. */
    size_t np = random_pattern(items, n, p, PAT, false);
    if (n > 0 && mvt_below(3) == 0) {
        np = mvt_below(n < PAT ? n + 1 : PAT + 1);
        memcpy(p, mvt_below(2) ? items : items + n - np, np);
    }
    mv_view pat = lay_out(p, np, pbuf, sizeof pbuf);
    bool starts = model_match(items, n, 0, p, np);
    bool ends = np <= n && model_match(items, n, n - np, p, np);
    ok &= CHECK_EQ(mv_startswith(v, pat), starts);
    ok &= CHECK_EQ(mv_endswith(v, pat), ends);
    mv_view out;
    MVT_FILL(out);
    if (CHECK_ST(mv_removeprefix(v, pat, &out), MV_OK))
        ok &= starts ? CHECK_SUB(out, v, base, &vm, np, n - np) : CHECK_SUB(out, v, base, &vm, 0, n);
    MVT_FILL(out);
    if (CHECK_ST(mv_removesuffix(v, pat, &out), MV_OK))
        ok &= ends ? CHECK_SUB(out, v, base, &vm, 0, n - np) : CHECK_SUB(out, v, base, &vm, 0, n);

    /* Stripping: a random set, or the default. */
    bool whitespace = mvt_below(3) == 0;
    uint8_t chars[PAT], cbuf[3 * PAT];
    size_t nc = whitespace ? 0 : mvt_below(5);
    for (size_t i = 0; i < nc; i++)
        chars[i] = random_byte();
    mv_view cv = lay_out(chars, nc, cbuf, sizeof cbuf);
    bool set[256];
    model_set(chars, nc, whitespace, set);
    size_t lo = 0, hi = n;
    while (lo < n && set[items[lo]])
        lo++;
    while (hi > lo && set[items[hi - 1]])
        hi--;
    size_t rhi = n;
    while (rhi > 0 && set[items[rhi - 1]])
        rhi--;
    const mv_view *cp = whitespace ? NULL : &cv;
    if (CHECK_ST(mv_strip(v, cp, &out), MV_OK))
        ok &= CHECK_SUB(out, v, base, &vm, lo, hi - lo);
    if (CHECK_ST(mv_lstrip(v, cp, &out), MV_OK))
        ok &= CHECK_SUB(out, v, base, &vm, lo, n - lo);
    if (CHECK_ST(mv_rstrip(v, cp, &out), MV_OK))
        ok &= CHECK_SUB(out, v, base, &vm, 0, rhi);

    /* Separators: never empty. */
    uint8_t s[4], sbuf[12];
    size_t ns = random_pattern(items, n, s, 3, true);
    mv_view sep = lay_out(s, ns, sbuf, sizeof sbuf);
    long first = model_find(items, n, s, ns), last = model_rfind(items, n, s, ns);
    mv_view b, m, a;
    if (CHECK_ST(mv_partition(v, sep, &b, &m, &a), MV_OK)) {
        size_t at = first < 0 ? n : (size_t)first, len = first < 0 ? 0 : ns;
        ok &= CHECK_SUB(b, v, base, &vm, 0, at);
        ok &= CHECK_SUB(m, v, base, &vm, at, len);
        ok &= CHECK_SUB(a, v, base, &vm, at + len, n - at - len);
    }
    if (CHECK_ST(mv_rpartition(v, sep, &b, &m, &a), MV_OK)) {
        size_t at = last < 0 ? 0 : (size_t)last, len = last < 0 ? 0 : ns;
        ok &= CHECK_SUB(b, v, base, &vm, 0, at);
        ok &= CHECK_SUB(m, v, base, &vm, at, len);
        ok &= CHECK_SUB(a, v, base, &vm, at + len, n - at - len);
    }

    /* Split: token by token against the model's cuts. */
    mv_view rest = v, tok;
    size_t start = 0;
    for (;;) {
        long k = model_find(items + start, n - start, s, ns);
        mv_status st = mv_split_next(&rest, sep, &tok);
        if (!CHECK_ST(st, MV_OK)) {
            ok = false;
            break;
        }
        if (k < 0) {
            ok &= CHECK_SUB(tok, v, base, &vm, start, n - start);
            break;
        }
        ok &= CHECK_SUB(tok, v, base, &vm, start, (size_t)k);
        start += (size_t)k + ns;
        ok &= CHECK_SUB(rest, v, base, &vm, start, n - start);
        if (!ok)
            break;
    }
    MVT_FILL(tok);
    ok &= CHECK_ST(mv_split_next(&rest, sep, &tok), MV_ERELEASED);
    ok &= CHECK_SENTINEL(&tok, sizeof tok);
    if (!ok)
        printf("  random case %lu: len %zu, pattern %zu, chars %zu%s, sep %zu\n", c, n, np, nc,
               whitespace ? " (whitespace)" : "", ns);
    return ok;
}

static void random_cases_against_the_model(void)
{
    for (unsigned long c = 0; c < 20000; c++)
        if (!one_random_case(c))
            break;
}

static const mvt_case cases[] = {
    MVT(prefix_suffix_cpython_cases),
    MVT(remove_without_match_gives_v),
    MVT(prefix_suffix_statuses),
    MVT(strip_default_is_ascii_whitespace),
    MVT(strip_cpython_cases),
    MVT(strip_statuses),
    MVT(partition_cpython_cases),
    MVT(partition_statuses),
    MVT(long_separator_and_enomem),
    MVT(split_cpython_cases),
    MVT(split_statuses),
    MVT(random_cases_against_the_model),
};

MVT_MAIN(cases)
