/*
 * run_vectors.c — runs conformance vectors against the library.
 *
 *   run_vectors FILE...
 *
 * Each non-blank line of each FILE that does not start with '#' is one
 * case in the format of corpus/vectors/README.md: a base buffer, up to two
 * views cut from it, an operation, and after "=>" what CPython says must
 * come out.  Every case is one test: the last line printed is
 * "N passed, N failed", and each failing case is printed whole, with what
 * differed, so it can be replayed alone.
 *
 * Beyond the expected fields, every case checks the library's rules: a
 * failure leaves out-parameters, caller buffers and the base untouched
 * (they are pre-filled with a sentinel), operations that do not write leave
 * the base untouched, and caller buffers are allocated at exactly the
 * capacity passed, so the sanitizers see any write past it (fromhex's
 * destination too: a separate array of exactly its capacity, its items past
 * the bytes decoded checked untouched).
 *
 * Two more kinds of line: cursor cases ("ops=" instead of "op=": reads and
 * writes that consume one view, each checked as it happens), and buffer
 * sequences ("seq ...": steps on two owner buffers and their exports, the
 * state checked after every step).  Owner buffers are the one place where
 * the test build's allocator hands out memory; every case gives back what
 * it took, so LeakSanitizer sees a leak as a failure.
 *
 * The input is untrusted text: lines are split in place, every number is
 * parsed with explicit range checks, and any malformed field fails its case
 * instead of being guessed at.
 */
#include "mv_test.h"

#include <errno.h>
#include <stdarg.h>

#define MAX_BUF   (1u << 24) /* largest base buffer or capacity a vector may ask for */
#define MAX_WORDS 32
#define MAX_STEPS 16
#define MAX_SHOWN 40         /* failing cases printed in full */
#define MAX_OPS   16         /* cursor operations in one case */
#define MAX_SEQ   64         /* steps in one buffer sequence */
#define N_SLOTS   8          /* export slots e0 .. e7 */

/* ------------------------------------------------------------ reporting */

static const char *cur_file;
static unsigned long cur_line;
static const char *cur_text;       /* the case as read, for reports */
static unsigned case_failures;     /* in the current case */
static unsigned long shown;

static void fail(const char *fmt, ...)
{
    if (case_failures++ == 0 && shown++ < MAX_SHOWN)
        printf("MISMATCH %s:%lu: %s\n", cur_file, cur_line, cur_text);
    if (shown > MAX_SHOWN)
        return;
    va_list ap;
    va_start(ap, fmt);
    printf("  ");
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
}

/* -------------------------------------------------------------- parsing */

/* Decimal digits only (1 to 20 of them), no sign, no spaces. */
static bool parse_u64(const char *s, uint64_t *out)
{
    uint64_t v = 0;
    if (*s == '\0')
        return false;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return false;
        unsigned d = (unsigned)(*s - '0');
        if (v > (UINT64_MAX - d) / 10)
            return false;
        v = v * 10 + d;
    }
    *out = v;
    return true;
}

static bool parse_size(const char *s, size_t *out)
{
    uint64_t v;
    if (!parse_u64(s, &v) || v > SIZE_MAX)
        return false;
    *out = (size_t)v;
    return true;
}

/* An optionally negative decimal in ptrdiff_t's range; "none" is MV_OMIT
 * where allow_none. */
static bool parse_ptrdiff(const char *s, bool allow_none, ptrdiff_t *out)
{
    if (strcmp(s, "none") == 0) {
        *out = MV_OMIT;
        return allow_none;
    }
    bool neg = *s == '-';
    uint64_t mag;
    if (!parse_u64(s + neg, &mag))
        return false;
    if (neg) {
        if (mag > (uint64_t)PTRDIFF_MAX + 1)
            return false;
        /* -(mag - 1) - 1 reaches PTRDIFF_MIN without overflowing. */
        *out = mag == 0 ? 0 : -(ptrdiff_t)(mag - 1) - 1;
    } else {
        if (mag > (uint64_t)PTRDIFF_MAX)
            return false;
        *out = (ptrdiff_t)mag;
    }
    return true;
}

static bool parse_byte(const char *s, uint8_t *out)
{
    uint64_t v;
    if (!parse_u64(s, &v) || v > 255)
        return false;
    *out = (uint8_t)v;
    return true;
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* Lowercase hex into a fresh allocation of exactly the decoded length
 * (NULL for none). */
static bool parse_hex(const char *s, uint8_t **out, size_t *len)
{
    size_t n = strlen(s);
    if (n % 2 != 0 || n / 2 > MAX_BUF)
        return false;
    uint8_t *b = n ? malloc(n / 2) : NULL;
    for (size_t i = 0; i < n / 2; i++) {
        int hi = hex_digit(s[2 * i]), lo = hex_digit(s[2 * i + 1]);
        if (hi < 0 || lo < 0) {
            free(b);
            return false;
        }
        b[i] = (uint8_t)(hi * 16 + lo);
    }
    *out = b;
    *len = n / 2;
    return true;
}

/* Splits s at every sep, in place; returns the number of parts or 0 when
 * there are more than max. */
static size_t split(char *s, char sep, char **parts, size_t max)
{
    size_t n = 0;
    for (;;) {
        if (n == max)
            return 0;
        parts[n++] = s;
        char *at = strchr(s, sep);
        if (at == NULL)
            return n;
        *at = '\0';
        s = at + 1;
    }
}

/* ------------------------------------------------------- steps and ops */

/* Argument kinds: 'p' ptrdiff_t or none, 'i' ptrdiff_t, 'z' size_t,
 * 'b' byte, 'u' unsigned 64-bit, 'd' a destination word (dst_words,
 * stored in b[] as its index). */
typedef struct spec {
    const char *name;
    const char *kinds;
} spec;

enum step_id { ST_SLICE, ST_SUB, ST_BUF, ST_ADV, ST_HEAD, ST_TAIL, ST_RO, ST_REL };

static const spec step_specs[] = {
    [ST_SLICE] = { "s", "ppp" }, [ST_SUB] = { "sub", "zz" }, [ST_BUF] = { "buf", "zi" },
    [ST_ADV] = { "adv", "z" },   [ST_HEAD] = { "head", "z" }, [ST_TAIL] = { "tail", "z" },
    [ST_RO] = { "ro", "" },      [ST_REL] = { "rel", "" },
};

enum op_id {
    OP_SLICE, OP_SUB, OP_BUFFER, OP_ADVANCE, OP_SPLIT, OP_TOREADONLY, OP_RELEASE, OP_GET,
    OP_SET, OP_TOBYTES, OP_FILL, OP_ASSIGN, OP_EQUAL, OP_COMPARE, OP_CT_EQUAL, OP_HEX,
    OP_INDEX, OP_COUNT, OP_FIND, OP_RFIND, OP_RINDEX, OP_STARTSWITH, OP_ENDSWITH,
    OP_REMOVEPREFIX, OP_REMOVESUFFIX, OP_STRIP, OP_LSTRIP, OP_RSTRIP, OP_FROMHEX_SIZE,
    OP_FROMHEX, OP_PARTITION, OP_RPARTITION, OP_SPLIT_NEXT,
};

static const spec op_specs[] = {
    [OP_SLICE] = { "slice", "ppp" },   [OP_SUB] = { "sub", "zz" },
    [OP_BUFFER] = { "buffer", "zi" },  [OP_ADVANCE] = { "advance", "z" },
    [OP_SPLIT] = { "split", "z" },     [OP_TOREADONLY] = { "toreadonly", "" },
    [OP_RELEASE] = { "release", "" },  [OP_GET] = { "get", "i" },
    [OP_SET] = { "set", "ib" },        [OP_TOBYTES] = { "tobytes", "z" },
    [OP_FILL] = { "fill", "b" },       [OP_ASSIGN] = { "assign", "" },
    [OP_EQUAL] = { "equal", "" },      [OP_COMPARE] = { "compare", "" },
    [OP_CT_EQUAL] = { "ct_equal", "" }, [OP_HEX] = { "hex", "biz" },
    [OP_INDEX] = { "index", "bpp" },   [OP_COUNT] = { "count", "b" },
    [OP_FIND] = { "find", "" },        [OP_RFIND] = { "rfind", "" },
    [OP_RINDEX] = { "rindex", "bpp" }, [OP_STARTSWITH] = { "startswith", "" },
    [OP_ENDSWITH] = { "endswith", "" }, [OP_REMOVEPREFIX] = { "removeprefix", "" },
    [OP_REMOVESUFFIX] = { "removesuffix", "" }, [OP_STRIP] = { "strip", "" },
    [OP_LSTRIP] = { "lstrip", "" },    [OP_RSTRIP] = { "rstrip", "" },
    [OP_FROMHEX_SIZE] = { "fromhex_size", "" }, [OP_FROMHEX] = { "fromhex", "zd" },
    [OP_PARTITION] = { "partition", "" }, [OP_RPARTITION] = { "rpartition", "" },
    [OP_SPLIT_NEXT] = { "split_next", "" },
};

/* The destinations of fromhex ('d' arguments): a fresh array of CAP bytes
 * viewed whole, read-only, reversed, or released. */
enum dst_id { DST_RW, DST_RO, DST_REV, DST_REL };
static const char *const dst_words[] = { "rw", "ro", "rev", "rel" };

/* Cursor operations: the integer readers and writers in the same order
 * (u8, be16, be24, be32, be64, le16, le32, le64), then the rest. */
enum cursor_id {
    CU_READ_U8, CU_READ_BE16, CU_READ_BE24, CU_READ_BE32, CU_READ_BE64, CU_READ_LE16,
    CU_READ_LE32, CU_READ_LE64, CU_WRITE_U8, CU_WRITE_BE16, CU_WRITE_BE24, CU_WRITE_BE32,
    CU_WRITE_BE64, CU_WRITE_LE16, CU_WRITE_LE32, CU_WRITE_LE64, CU_READ_VIEW, CU_READ_BYTES,
    CU_WRITE_VIEW,
    /* The later kinds: le24, the signed reads, the reads of n items. */
    CU_READ_LE24, CU_WRITE_LE24, CU_READ_I8, CU_READ_BE_I16, CU_READ_LE_I16, CU_READ_BE_I32,
    CU_READ_LE_I32, CU_READ_BE_I64, CU_READ_LE_I64, CU_READ_BE_UINT, CU_READ_LE_UINT,
};

static const spec cursor_specs[] = {
    [CU_READ_U8] = { "read_u8", "" },      [CU_READ_BE16] = { "read_be16", "" },
    [CU_READ_BE24] = { "read_be24", "" },  [CU_READ_BE32] = { "read_be32", "" },
    [CU_READ_BE64] = { "read_be64", "" },  [CU_READ_LE16] = { "read_le16", "" },
    [CU_READ_LE32] = { "read_le32", "" },  [CU_READ_LE64] = { "read_le64", "" },
    [CU_WRITE_U8] = { "write_u8", "u" },   [CU_WRITE_BE16] = { "write_be16", "u" },
    [CU_WRITE_BE24] = { "write_be24", "u" }, [CU_WRITE_BE32] = { "write_be32", "u" },
    [CU_WRITE_BE64] = { "write_be64", "u" }, [CU_WRITE_LE16] = { "write_le16", "u" },
    [CU_WRITE_LE32] = { "write_le32", "u" }, [CU_WRITE_LE64] = { "write_le64", "u" },
    [CU_READ_VIEW] = { "read_view", "z" }, [CU_READ_BYTES] = { "read_bytes", "z" },
    [CU_WRITE_VIEW] = { "write_view", "" },
    [CU_READ_LE24] = { "read_le24", "" },  [CU_WRITE_LE24] = { "write_le24", "u" },
    [CU_READ_I8] = { "read_i8", "" },      [CU_READ_BE_I16] = { "read_be_i16", "" },
    [CU_READ_LE_I16] = { "read_le_i16", "" }, [CU_READ_BE_I32] = { "read_be_i32", "" },
    [CU_READ_LE_I32] = { "read_le_i32", "" }, [CU_READ_BE_I64] = { "read_be_i64", "" },
    [CU_READ_LE_I64] = { "read_le_i64", "" }, [CU_READ_BE_UINT] = { "read_be_uint", "z" },
    [CU_READ_LE_UINT] = { "read_le_uint", "z" },
};


/* Items consumed by, and bits of the C parameter or output of, each
 * integer kind (index: id % 8). */
static const struct {
    size_t width;
    unsigned bits;
} int_kinds[8] = { { 1, 8 }, { 2, 16 }, { 3, 32 }, { 4, 32 }, { 8, 64 }, { 2, 16 }, { 4, 32 }, { 8, 64 } };

typedef struct call {
    int id;            /* index into its spec table */
    ptrdiff_t p[3];    /* 'p' and 'i' arguments */
    size_t z[3];       /* 'z' arguments */
    uint8_t b[3];      /* 'b' arguments */
    uint64_t u[3];     /* 'u' arguments: unsigned 64-bit values */
} call;

/* An integer operation: the items it takes, the bits of its C parameter
 * or output, whether that is signed, whether it writes. */
typedef struct int_op {
    size_t width;
    unsigned bits;
    bool is_signed, writes;
} int_op;

/* false for the operations that are not integer reads or writes. */
static bool int_op_of(const call *op, int_op *k)
{
    static const int_op later[] = {
        [CU_READ_LE24 - CU_READ_LE24] = { 3, 32, false, false },
        [CU_WRITE_LE24 - CU_READ_LE24] = { 3, 32, false, true },
        [CU_READ_I8 - CU_READ_LE24] = { 1, 8, true, false },
        [CU_READ_BE_I16 - CU_READ_LE24] = { 2, 16, true, false },
        [CU_READ_LE_I16 - CU_READ_LE24] = { 2, 16, true, false },
        [CU_READ_BE_I32 - CU_READ_LE24] = { 4, 32, true, false },
        [CU_READ_LE_I32 - CU_READ_LE24] = { 4, 32, true, false },
        [CU_READ_BE_I64 - CU_READ_LE24] = { 8, 64, true, false },
        [CU_READ_LE_I64 - CU_READ_LE24] = { 8, 64, true, false },
    };
    if (op->id <= CU_WRITE_LE64) {
        k->width = int_kinds[op->id % 8].width;
        k->bits = int_kinds[op->id % 8].bits;
        k->is_signed = false;
        k->writes = op->id >= CU_WRITE_U8;
        return true;
    }
    if (op->id == CU_READ_BE_UINT || op->id == CU_READ_LE_UINT) {
        *k = (int_op){ op->z[0], 64, false, false };
        return true;
    }
    if (op->id >= CU_READ_LE24) {
        *k = later[op->id - CU_READ_LE24];
        return true;
    }
    return false;
}

/* One of a list of words: *out = its index. */
static bool parse_word(const char *s, const char *const *words, size_t n, uint8_t *out)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(s, words[i]) == 0) {
            *out = (uint8_t)i;
            return true;
        }
    return false;
}

/* "name:arg:arg" against a table of specs. */
static bool parse_call(char *text, const spec *specs, size_t nspecs, call *c)
{
    char *parts[5];
    size_t n = split(text, ':', parts, 5);
    if (n == 0)
        return false;
    for (size_t k = 0; k < nspecs; k++) {
        if (specs[k].name == NULL || strcmp(parts[0], specs[k].name) != 0)
            continue;
        if (strlen(specs[k].kinds) != n - 1)
            return false;
        memset(c, 0, sizeof *c);
        c->id = (int)k;
        for (size_t a = 0; a < n - 1; a++) {
            const char *arg = parts[a + 1];
            bool ok;
            switch (specs[k].kinds[a]) {
            case 'p': ok = parse_ptrdiff(arg, true, &c->p[a]); break;
            case 'i': ok = parse_ptrdiff(arg, false, &c->p[a]); break;
            case 'z': ok = parse_size(arg, &c->z[a]); break;
            case 'u': ok = parse_u64(arg, &c->u[a]); break;
            case 'd': ok = parse_word(arg, dst_words, sizeof dst_words / sizeof dst_words[0],
                                      &c->b[a]);
                      break;
            default:  ok = parse_byte(arg, &c->b[a]); break;
            }
            if (!ok)
                return false;
        }
        return true;
    }
    return false;
}

/* "-" or "step,step,...". */
static bool parse_chain(char *text, call *steps, size_t *n)
{
    *n = 0;
    if (strcmp(text, "-") == 0)
        return true;
    char *parts[MAX_STEPS];
    size_t count = split(text, ',', parts, MAX_STEPS);
    if (count == 0)
        return false;
    for (size_t i = 0; i < count; i++)
        if (!parse_call(parts[i], step_specs, sizeof step_specs / sizeof step_specs[0], &steps[i]))
            return false;
    *n = count;
    return true;
}

/* ---------------------------------------------------------- expectation */

typedef struct expect {
    bool has_status, has_value, has_size, has_released, has_len, has_off, has_stride, has_ro;
    bool has_bytes, has_len2, has_off2, has_stride2, has_bytes2, has_out, has_base;
    bool has_len3, has_off3, has_stride3, has_bytes3;
    mv_status status;
    ptrdiff_t value, stride, stride2, stride3;
    size_t size, len, off, len2, off2, len3, off3;
    bool released, ro;
    uint8_t *bytes, *bytes2, *bytes3, *base;
    size_t nbytes, nbytes2, nbytes3, nbase;
    const char *out;
    bool has_res;
    char *res;         /* cursor cases: one result per operation */
    bool has_tokens;
    char *tokens;      /* split_next: the tokens in hex, separated by ',' */
} expect;

static bool parse_status(const char *s, mv_status *out)
{
    for (int i = 0; i <= MV_ESYS; i++)
        if (strcmp(mvt_status_name((mv_status)i) + 3, s) == 0) { /* names without "MV_" */
            *out = (mv_status)i;
            return true;
        }
    return false;
}

static bool parse_flag(const char *s, bool *out)
{
    if (strcmp(s, "0") != 0 && strcmp(s, "1") != 0)
        return false;
    *out = s[0] == '1';
    return true;
}

/* Only [0-9a-f_]: hex digits and the separator placeholder. */
static bool parse_out(const char *s)
{
    for (; *s; s++)
        if (hex_digit(*s) < 0 && *s != '_')
            return false;
    return true;
}

#define ONCE(flag) if (flag) return false; flag = true

static bool parse_expect_word(char *word, expect *e)
{
    char *eq = strchr(word, '=');
    if (eq == NULL)
        return false;
    *eq = '\0';
    const char *k = word, *v = eq + 1;
    if (strcmp(k, "status") == 0) { ONCE(e->has_status); return parse_status(v, &e->status); }
    if (strcmp(k, "value") == 0) { ONCE(e->has_value); return parse_ptrdiff(v, false, &e->value); }
    if (strcmp(k, "size") == 0) { ONCE(e->has_size); return parse_size(v, &e->size); }
    if (strcmp(k, "released") == 0) { ONCE(e->has_released); return parse_flag(v, &e->released); }
    if (strcmp(k, "len") == 0) { ONCE(e->has_len); return parse_size(v, &e->len); }
    if (strcmp(k, "off") == 0) { ONCE(e->has_off); return parse_size(v, &e->off); }
    if (strcmp(k, "stride") == 0) { ONCE(e->has_stride); return parse_ptrdiff(v, false, &e->stride); }
    if (strcmp(k, "ro") == 0) { ONCE(e->has_ro); return parse_flag(v, &e->ro); }
    if (strcmp(k, "bytes") == 0) { ONCE(e->has_bytes); return parse_hex(v, &e->bytes, &e->nbytes); }
    if (strcmp(k, "len2") == 0) { ONCE(e->has_len2); return parse_size(v, &e->len2); }
    if (strcmp(k, "off2") == 0) { ONCE(e->has_off2); return parse_size(v, &e->off2); }
    if (strcmp(k, "stride2") == 0) { ONCE(e->has_stride2); return parse_ptrdiff(v, false, &e->stride2); }
    if (strcmp(k, "bytes2") == 0) { ONCE(e->has_bytes2); return parse_hex(v, &e->bytes2, &e->nbytes2); }
    if (strcmp(k, "len3") == 0) { ONCE(e->has_len3); return parse_size(v, &e->len3); }
    if (strcmp(k, "off3") == 0) { ONCE(e->has_off3); return parse_size(v, &e->off3); }
    if (strcmp(k, "stride3") == 0) { ONCE(e->has_stride3); return parse_ptrdiff(v, false, &e->stride3); }
    if (strcmp(k, "bytes3") == 0) { ONCE(e->has_bytes3); return parse_hex(v, &e->bytes3, &e->nbytes3); }
    if (strcmp(k, "base") == 0) { ONCE(e->has_base); return parse_hex(v, &e->base, &e->nbase); }
    if (strcmp(k, "out") == 0) { ONCE(e->has_out); e->out = v; return parse_out(v); }
    if (strcmp(k, "res") == 0) { ONCE(e->has_res); e->res = eq + 1; return *e->res != '\0'; }
    if (strcmp(k, "tokens") == 0) { ONCE(e->has_tokens); e->tokens = eq + 1; return true; }
    return false;
}

static void free_expect(expect *e)
{
    free(e->bytes);
    free(e->bytes2);
    free(e->bytes3);
    free(e->base);
}

/* ------------------------------------------------------------- the case */

typedef struct vcase {
    uint8_t *base;     /* exactly n bytes (NULL when n == 0) */
    uint8_t *orig;     /* the base as it was before the operation */
    size_t n;
    call v[MAX_STEPS], w[MAX_STEPS], op;
    size_t nv, nw;
    bool has_w;
    bool is_cursor;    /* ops= instead of op= */
    call ops[MAX_OPS];
    size_t nops;
    expect e;
} vcase;

/* "op,op,..." of cursor operations. */
static bool parse_ops(char *text, vcase *c)
{
    char *parts[MAX_OPS];
    size_t count = split(text, ',', parts, MAX_OPS);
    if (count == 0)
        return false;
    for (size_t i = 0; i < count; i++)
        if (!parse_call(parts[i], cursor_specs, sizeof cursor_specs / sizeof cursor_specs[0],
                        &c->ops[i]))
            return false;
    c->nops = count;
    return true;
}

static bool parse_buffer(const char *s, vcase *c)
{
    size_t n;
    if (strncmp(s, "hex:", 4) == 0)
        return parse_hex(s + 4, &c->base, &c->n);
    bool ramp = strncmp(s, "ramp:", 5) == 0, zero = strncmp(s, "zero:", 5) == 0;
    if ((!ramp && !zero) || !parse_size(s + 5, &n) || n > MAX_BUF)
        return false;
    c->n = n;
    c->base = n ? malloc(n) : NULL;
    for (size_t i = 0; i < n; i++)
        c->base[i] = ramp ? (uint8_t)(i & 255) : 0;
    return true;
}

/* "buf=... v=... [w=...] op=... => key=value ..."; returns a reason on
 * failure. */
static const char *parse_case(char *text, vcase *c)
{
    char *words[MAX_WORDS];
    size_t n = split(text, ' ', words, MAX_WORDS);
    bool seen_buf = false, seen_v = false, seen_op = false, in_expect = false;
    if (n == 0)
        return "too many fields";
    for (size_t i = 0; i < n; i++) {
        char *word = words[i];
        if (in_expect) {
            if (!parse_expect_word(word, &c->e))
                return "bad expected field";
        } else if (strcmp(word, "=>") == 0) {
            in_expect = true;
        } else if (strncmp(word, "buf=", 4) == 0 && !seen_buf) {
            seen_buf = true;
            if (!parse_buffer(word + 4, c))
                return "bad buf";
        } else if (strncmp(word, "v=", 2) == 0 && !seen_v) {
            seen_v = true;
            if (!parse_chain(word + 2, c->v, &c->nv))
                return "bad v chain";
        } else if (strncmp(word, "w=", 2) == 0 && !c->has_w) {
            c->has_w = true;
            if (!parse_chain(word + 2, c->w, &c->nw))
                return "bad w chain";
        } else if (strncmp(word, "op=", 3) == 0 && !seen_op) {
            seen_op = true;
            if (!parse_call(word + 3, op_specs, sizeof op_specs / sizeof op_specs[0], &c->op))
                return "bad op";
        } else if (strncmp(word, "ops=", 4) == 0 && !seen_op) {
            seen_op = true;
            c->is_cursor = true;
            if (!parse_ops(word + 4, c))
                return "bad ops";
        } else {
            return "unknown or repeated field";
        }
    }
    if (!seen_buf || !seen_v || !seen_op || !in_expect)
        return "missing buf, v, op or =>";
    int id = c->op.id;
    bool two = id == OP_ASSIGN || id == OP_EQUAL || id == OP_COMPARE || id == OP_CT_EQUAL ||
               id == OP_FIND || id == OP_RFIND || id == OP_STARTSWITH || id == OP_ENDSWITH ||
               id == OP_REMOVEPREFIX || id == OP_REMOVESUFFIX || id == OP_PARTITION ||
               id == OP_RPARTITION || id == OP_SPLIT_NEXT;
    /* The strip family: w= is the set of chars when given, else NULL. */
    if (!c->is_cursor && (id == OP_STRIP || id == OP_LSTRIP || id == OP_RSTRIP))
        two = c->has_w;
    if (c->is_cursor) {
        two = false;
        for (size_t i = 0; i < c->nops; i++)
            two |= c->ops[i].id == CU_WRITE_VIEW;
    }
    if (two != c->has_w)
        return "w= given to a one-view op or missing for a two-view op";
    return NULL;
}

/* Applies a chain to v; every step must succeed (chains are set-up). */
static bool apply_chain(mv_view v, const call *steps, size_t n, mv_view *out, const char *which)
{
    mv_view r, t;
    mv_status st = MV_OK;
    for (size_t i = 0; st == MV_OK && i < n; i++) {
        const call *s = &steps[i];
        switch (s->id) {
        case ST_SLICE: st = mv_slice(v, s->p[0], s->p[1], s->p[2], &r); break;
        case ST_SUB:   st = mv_sub(v, s->z[0], s->z[1], &r); break;
        case ST_BUF:   st = mv_buffer(v, s->z[0], s->p[1], &r); break;
        case ST_ADV:   r = v; st = mv_advance(&r, s->z[0]); break;
        case ST_HEAD:  st = mv_split(v, s->z[0], &r, &t); break;
        case ST_TAIL:  st = mv_split(v, s->z[0], &t, &r); break;
        case ST_RO:    st = mv_toreadonly(v, &r); break;
        default:       r = v; st = mv_release(&r); break;
        }
        if (st != MV_OK) {
            fail("set-up of %s: step %zu (%s) failed with %s", which, i + 1,
                 step_specs[s->id].name, mvt_status_name(st));
            return false;
        }
        v = r;
    }
    *out = v;
    return true;
}

/* Applies a chain to the whole writable view of the base. */
static bool make_view(vcase *c, const call *steps, size_t n, mv_view *out, const char *which)
{
    mv_view v;
    mv_status st = mv_from(c->base, c->n, &v);
    if (st != MV_OK) {
        fail("set-up of %s: mv_from failed with %s", which, mvt_status_name(st));
        return false;
    }
    return apply_chain(v, steps, n, out, which);
}

/* ------------------------------------------------------------- checking */

static bool need(bool has, const char *field)
{
    if (!has)
        fail("bad vector: no %s= field", field);
    return has;
}

/* A result view against len / off / stride / ro / bytes. */
static void check_view(const vcase *c, mv_view r, size_t len, bool has_off, size_t off,
                       bool has_stride, ptrdiff_t stride, const uint8_t *bytes, size_t nbytes,
                       const char *which)
{
    char what[64];
    snprintf(what, sizeof what, "mv_len(%s)", which);
    if (mv_len(r) != len) {
        fail("%s: got %zu, want %zu", what, mv_len(r), len);
        return;
    }
    if (!mv_is_valid(r))
        fail("mv_is_valid(%s) is false", which);
    if (c->e.has_ro && mv_readonly(r) != c->e.ro)
        fail("mv_readonly(%s): got %d, want %d", which, mv_readonly(r), c->e.ro);
    if (nbytes != len) {
        fail("bad vector: %zu expected bytes for %zu items", nbytes, len);
        return;
    }
    if (len == 0) {
        if (mv_data(r) != NULL)
            fail("mv_data(%s) of an empty view is not NULL", which);
        return;
    }
    if (!need(has_off, "off") || (len >= 2 && !need(has_stride, "stride")))
        return;
    /* Every expected item must lie in the base before anything is read. */
    mvt_i128 last = (mvt_i128)off + (mvt_i128)(len - 1) * (len >= 2 ? stride : 0);
    if (off >= c->n || last < 0 || last >= (mvt_i128)c->n) {
        fail("bad vector: items outside the base");
        return;
    }
    if (mv_data(r) != c->base + off) {
        fail("item 0 of %s: got offset %td, want %zu", which, mv_data(r) - c->base, off);
        return;
    }
    if (len >= 2 && mv_stride(r) != stride) {
        fail("mv_stride(%s): got %td, want %td", which, mv_stride(r), stride);
        return;
    }
    ptrdiff_t step = len >= 2 ? stride : 0;
    if (mv_contiguous(r) != (len <= 1 || stride == 1))
        fail("mv_contiguous(%s) is %d", which, mv_contiguous(r));
    for (size_t i = 0; i < len; i++) {
        uint8_t b = c->base[(size_t)((ptrdiff_t)off + (ptrdiff_t)i * step)];
        if (b != bytes[i]) {
            fail("item %zu of %s: got 0x%02x, want 0x%02x", i, which, b, bytes[i]);
            return;
        }
    }
    /* The same bytes through mv_tobytes, into exactly len bytes. */
    uint8_t *dst = malloc(len);
    size_t written = 0;
    mv_status st = mv_tobytes(r, dst, len, &written);
    if (st != MV_OK || written != len || memcmp(dst, bytes, len) != 0)
        fail("mv_tobytes(%s) disagrees with its items (%s)", which, mvt_status_name(st));
    free(dst);
}

static void check_released(mv_view r)
{
    if (mv_len(r) != 0 || mv_stride(r) != 0 || mv_data(r) != NULL || mv_readonly(r) ||
        mv_contiguous(r) || !mv_is_valid(r))
        fail("a released view must answer 0 / NULL / false, and be valid");
}

/* The status, and that a failure wrote nothing (the sentinel is intact). */
static bool check_status(const vcase *c, mv_status got, const void *outs, size_t nouts)
{
    if (!need(c->e.has_status, "status"))
        return false;
    if (got != c->e.status) {
        fail("status: got %s, want %s", mvt_status_name(got), mvt_status_name(c->e.status));
        return false;
    }
    if (got != MV_OK && outs != NULL && !mvt_is_sentinel(outs, nouts))
        fail("a failure wrote its out-parameter");
    return got == MV_OK;
}

static void check_value(const vcase *c, intmax_t got)
{
    if (need(c->e.has_value, "value") && got != c->e.value)
        fail("value: got %jd, want %td", got, c->e.value);
}

/* A caller buffer of exactly cap bytes, pre-filled with the sentinel. */
static uint8_t *caller_buffer(size_t cap)
{
    uint8_t *b = cap ? malloc(cap) : NULL;
    if (cap)
        memset(b, MVT_SENTINEL, cap);
    return b;
}

/* mv_fromhex into a fresh array of exactly cap bytes (sentinel-filled),
 * viewed as the destination word says: only the first items it decodes
 * may change, and a failure changes none. */
static void run_fromhex(const vcase *c, mv_view v, size_t cap, int how)
{
    if (cap > MAX_BUF) {
        fail("bad vector: capacity above %u", MAX_BUF);
        return;
    }
    uint8_t *arr = caller_buffer(cap);
    mv_view d;
    mv_status st = mv_from(arr, cap, &d);
    if (st == MV_OK && how == DST_RO)
        st = mv_toreadonly(d, &d);
    if (st == MV_OK && how == DST_REV)
        st = mv_slice(d, MV_OMIT, MV_OMIT, -1, &d);
    if (st == MV_OK && how == DST_REL)
        st = mv_release(&d);
    if (st != MV_OK) {
        fail("set-up of the destination failed with %s", mvt_status_name(st));
        free(arr);
        return;
    }
    mv_view was;
    MVT_COPY(was, d);
    size_t written;
    memset(&written, MVT_SENTINEL, sizeof written);
    st = mv_fromhex(v, d, &written);
    if (!mvt_same_view(&d, &was))
        fail("mv_fromhex changed the destination view");
    if (st != MV_OK && cap && !mvt_is_sentinel(arr, cap))
        fail("a failed mv_fromhex wrote to dst");
    if (check_status(c, st, &written, sizeof written) && need(c->e.has_bytes, "bytes")) {
        check_value(c, (intmax_t)written);
        if (written != c->e.nbytes || written > cap) {
            fail("mv_fromhex wrote %zu bytes, want %zu", written, c->e.nbytes);
        } else {
            /* dst item i is arr[i], or arr[cap - 1 - i] reversed. */
            for (size_t i = 0; i < cap; i++) {
                size_t at = how == DST_REV ? cap - 1 - i : i;
                if (i < written ? arr[at] != c->e.bytes[i] : arr[at] != MVT_SENTINEL) {
                    fail("mv_fromhex: dst item %zu is 0x%02x (%s)", i, arr[at],
                         i < written ? "a wrong byte" : "past the bytes decoded");
                    break;
                }
            }
        }
    }
    free(arr);
}

/* mv_partition / mv_rpartition: three result views, before / the
 * matched items / after; a failure writes none of them. */
static void run_partition(const vcase *c, mv_view v, mv_view w, bool last)
{
    mv_view parts[3];
    MVT_FILL(parts);
    mv_status st = last ? mv_rpartition(v, w, &parts[0], &parts[1], &parts[2])
                        : mv_partition(v, w, &parts[0], &parts[1], &parts[2]);
    if (!check_status(c, st, parts, sizeof parts))
        return;
    const expect *e = &c->e;
    if (!need(e->has_len && e->has_len2 && e->has_len3, "len, len2 and len3") ||
        !need(e->has_bytes && e->has_bytes2 && e->has_bytes3, "bytes, bytes2 and bytes3"))
        return;
    check_view(c, parts[0], e->len, e->has_off, e->off, e->has_stride, e->stride, e->bytes,
               e->nbytes, "before");
    check_view(c, parts[1], e->len2, e->has_off2, e->off2, e->has_stride2, e->stride2, e->bytes2,
               e->nbytes2, "sep");
    check_view(c, parts[2], e->len3, e->has_off3, e->off3, e->has_stride3, e->stride3, e->bytes3,
               e->nbytes3, "after");
}

static bool items_are(mv_view v, const char *want_hex);

/* r is v's items at .. at + n - 1 in place: v's stride and flag. */
static bool is_run_of(mv_view r, mv_view v, size_t at, size_t n)
{
    if (!mv_is_valid(r) || mv_len(r) != n || mv_readonly(r) != mv_readonly(v))
        return false;
    if (n == 0)
        return mv_data(r) == NULL;
    return mv_data(r) == mv_data(v) + (ptrdiff_t)at * mv_stride(v) &&
           (n < 2 || mv_stride(r) == mv_stride(v));
}

/* mv_split_next called until it stops: each token against CPython's, in
 * place in v; the rest after each token is the run of v after the
 * separator, released after the last; the call that stops changes
 * neither the rest nor the token. */
static void run_split_next(vcase *c, mv_view v, mv_view w)
{
    if (!need(c->e.has_value, "value") || c->e.value < 0 ||
        (c->e.value > 0 && !need(c->e.has_tokens, "tokens")))
        return;
    size_t want = (size_t)c->e.value, count = 0, at = 0;
    size_t seplen = mv_len(w);
    char *next = c->e.tokens;
    mv_view rest = v, token, was;
    mv_status st;
    for (;;) {
        MVT_COPY(was, rest);
        MVT_FILL(token);
        st = mv_split_next(&rest, w, &token);
        if (st != MV_OK)
            break;
        if (++count > want) {
            fail("mv_split_next: more than CPython's %zu tokens", want);
            return;
        }
        char *comma = strchr(next, ',');
        if ((comma != NULL) != (count < want)) {
            fail("bad vector: %zu tokens for value=%zu", count, want);
            return;
        }
        if (comma != NULL)
            *comma = '\0';
        size_t n = mv_len(token);
        if (!items_are(token, next) || !is_run_of(token, v, at, n)) {
            fail("token %zu: not CPython's (\"%s\") in place in v", count, next);
            return;
        }
        at += n;
        if (count < want) {
            at += seplen;
            if (at > mv_len(v) || !is_run_of(rest, v, at, mv_len(v) - at)) {
                fail("token %zu: the rest is not v after the separator", count);
                return;
            }
        } else {
            check_released(rest);
            if (!rest.released)
                fail("the rest after the last token is not released");
        }
        next = comma != NULL ? comma + 1 : next + strlen(next);
    }
    if (!mvt_same_view(&rest, &was) || !mvt_is_sentinel(&token, sizeof token))
        fail("the call that stopped (%s) changed the rest or the token", mvt_status_name(st));
    check_status(c, st, NULL, 0);
    if (count != want)
        fail("mv_split_next: %zu tokens, CPython %zu", count, want);
}

static void run_op(vcase *c, mv_view v, mv_view w)
{
    const call *op = &c->op;
    mv_view r;
    MVT_FILL(r);
    mv_view views[2];
    size_t pos;
    uint8_t byte = MVT_SENTINEL;
    memset(&pos, MVT_SENTINEL, sizeof pos);
    switch (op->id) {
    case OP_SLICE:
    case OP_SUB:
    case OP_BUFFER:
    case OP_TOREADONLY:
    case OP_ADVANCE:
    case OP_REMOVEPREFIX:
    case OP_REMOVESUFFIX:
    case OP_STRIP:
    case OP_LSTRIP:
    case OP_RSTRIP: {
        mv_status st;
        const mv_view *chars = c->has_w ? &w : NULL;
        if (op->id == OP_REMOVEPREFIX)
            st = mv_removeprefix(v, w, &r);
        else if (op->id == OP_REMOVESUFFIX)
            st = mv_removesuffix(v, w, &r);
        else if (op->id == OP_STRIP)
            st = mv_strip(v, chars, &r);
        else if (op->id == OP_LSTRIP)
            st = mv_lstrip(v, chars, &r);
        else if (op->id == OP_RSTRIP)
            st = mv_rstrip(v, chars, &r);
        else if (op->id == OP_SLICE)
            st = mv_slice(v, op->p[0], op->p[1], op->p[2], &r);
        else if (op->id == OP_SUB)
            st = mv_sub(v, op->z[0], op->z[1], &r);
        else if (op->id == OP_BUFFER)
            st = mv_buffer(v, op->z[0], op->p[1], &r);
        else if (op->id == OP_TOREADONLY)
            st = mv_toreadonly(v, &r);
        else {
            MVT_COPY(r, v);
            st = mv_advance(&r, op->z[0]);
            if (st != MV_OK && !mvt_same_view(&r, &v))
                fail("a failed mv_advance changed the view");
            if (st != MV_OK)
                MVT_FILL(r);
        }
        if (check_status(c, st, &r, sizeof r) && need(c->e.has_len, "len") &&
            need(c->e.has_bytes, "bytes")) {
            check_view(c, r, c->e.len, c->e.has_off, c->e.off, c->e.has_stride, c->e.stride,
                       c->e.bytes, c->e.nbytes, "result");
            /* memview's rule where CPython has none: a slice of fewer than
             * two items has stride 1. */
            if (op->id == OP_SLICE && mv_len(r) <= 1 && mv_stride(r) != 1)
                fail("mv_stride of a slice of %zu items: got %td, want 1", mv_len(r), mv_stride(r));
        }
        break;
    }
    case OP_SPLIT:
        MVT_FILL(views[0]);
        MVT_FILL(views[1]);
        if (check_status(c, mv_split(v, op->z[0], &views[0], &views[1]), views, sizeof views) &&
            need(c->e.has_len && c->e.has_len2, "len and len2") &&
            need(c->e.has_bytes && c->e.has_bytes2, "bytes and bytes2")) {
            check_view(c, views[0], c->e.len, c->e.has_off, c->e.off, c->e.has_stride,
                       c->e.stride, c->e.bytes, c->e.nbytes, "head");
            check_view(c, views[1], c->e.len2, c->e.has_off2, c->e.off2, c->e.has_stride2,
                       c->e.stride2, c->e.bytes2, c->e.nbytes2, "tail");
        }
        break;
    case OP_RELEASE:
        r = v;
        if (check_status(c, mv_release(&r), NULL, 0))
            check_released(r);
        break;
    case OP_GET:
        if (check_status(c, mv_get(v, op->p[0], &byte), &byte, 1))
            check_value(c, byte);
        break;
    case OP_SET:
        check_status(c, mv_set(v, op->p[0], op->b[1]), NULL, 0);
        break;
    case OP_FILL:
        check_status(c, mv_fill(v, op->b[0]), NULL, 0);
        break;
    case OP_ASSIGN:
        check_status(c, mv_assign(v, w), NULL, 0);
        break;
    case OP_TOBYTES: {
        size_t cap = op->z[0], written;
        if (cap > MAX_BUF) {
            fail("bad vector: capacity above %u", MAX_BUF);
            break;
        }
        uint8_t *dst = caller_buffer(cap);
        memset(&written, MVT_SENTINEL, sizeof written);
        mv_status st = mv_tobytes(v, dst, cap, &written);
        if (st != MV_OK && cap && !mvt_is_sentinel(dst, cap))
            fail("a failed mv_tobytes wrote to dst");
        if (check_status(c, st, &written, sizeof written) && need(c->e.has_bytes, "bytes")) {
            check_value(c, (intmax_t)written);
            if (written != c->e.nbytes || written > cap)
                fail("mv_tobytes wrote %zu bytes, want %zu", written, c->e.nbytes);
            else if (written && memcmp(dst, c->e.bytes, written) != 0)
                fail("mv_tobytes: wrong bytes");
            else if (cap > written && !mvt_is_sentinel(dst + written, cap - written))
                fail("mv_tobytes wrote past the items");
        }
        free(dst);
        break;
    }
    case OP_HEX: {
        char sep = (char)op->b[0];
        ptrdiff_t bps = op->p[1];
        size_t cap = op->z[2], written;
        if (need(c->e.has_size, "size") && mv_hex_size(v, sep, bps) != c->e.size)
            fail("mv_hex_size: got %zu, want %zu", mv_hex_size(v, sep, bps), c->e.size);
        if (cap > MAX_BUF) {
            fail("bad vector: capacity above %u", MAX_BUF);
            break;
        }
        char *dst = (char *)caller_buffer(cap);
        memset(&written, MVT_SENTINEL, sizeof written);
        mv_status st = mv_hex(v, dst, cap, sep, bps, &written);
        if (st != MV_OK && cap && !mvt_is_sentinel(dst, cap))
            fail("a failed mv_hex wrote to dst");
        if (check_status(c, st, &written, sizeof written) && need(c->e.has_out, "out")) {
            size_t n = strlen(c->e.out);
            if (written != n || n >= cap) {
                fail("mv_hex wrote %zu characters, want %zu", written, n);
            } else {
                bool same = dst[n] == '\0' && mvt_is_sentinel(dst + n + 1, cap - n - 1);
                for (size_t i = 0; i < n; i++)
                    same &= dst[i] == (c->e.out[i] == '_' ? sep : c->e.out[i]);
                if (!same)
                    fail("mv_hex: got \"%.*s\", want \"%s\" ('_' = sep)", (int)n, dst, c->e.out);
            }
        }
        free(dst);
        break;
    }
    case OP_INDEX:
        if (check_status(c, mv_index(v, op->b[0], op->p[1], op->p[2], &pos), &pos, sizeof pos))
            check_value(c, (intmax_t)pos);
        break;
    case OP_FIND:
        if (check_status(c, mv_find(v, w, &pos), &pos, sizeof pos))
            check_value(c, (intmax_t)pos);
        break;
    case OP_RFIND:
        if (check_status(c, mv_rfind(v, w, &pos), &pos, sizeof pos))
            check_value(c, (intmax_t)pos);
        break;
    case OP_RINDEX:
        if (check_status(c, mv_rindex(v, op->b[0], op->p[1], op->p[2], &pos), &pos, sizeof pos))
            check_value(c, (intmax_t)pos);
        break;
    case OP_STARTSWITH:
        check_value(c, mv_startswith(v, w));
        break;
    case OP_ENDSWITH:
        check_value(c, mv_endswith(v, w));
        break;
    case OP_FROMHEX_SIZE:
        if (check_status(c, mv_fromhex_size(v, &pos), &pos, sizeof pos) && need(c->e.has_size, "size") &&
            pos != c->e.size)
            fail("mv_fromhex_size: got %zu, want %zu", pos, c->e.size);
        break;
    case OP_FROMHEX:
        run_fromhex(c, v, op->z[0], op->b[1]);
        break;
    case OP_PARTITION:
    case OP_RPARTITION:
        run_partition(c, v, w, op->id == OP_RPARTITION);
        break;
    case OP_SPLIT_NEXT:
        run_split_next(c, v, w);
        break;
    case OP_COUNT:
        check_value(c, (intmax_t)mv_count(v, op->b[0]));
        break;
    case OP_EQUAL:
        check_value(c, mv_equal(v, w));
        break;
    case OP_CT_EQUAL:
        check_value(c, mv_ct_equal(v, w));
        break;
    case OP_COMPARE:
        check_value(c, mv_compare(v, w));
        break;
    }
}

/* ------------------------------------------------------------ cursors */

/* The output of an integer read: a sentinel-filled 8-byte union, so a
 * failure that wrote it, or a success that wrote past its type, shows. */
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

static mv_status cursor_read(const call *op, mv_view *cur, out8 *o)
{
    switch (op->id) {
    case CU_READ_LE24:    return mv_read_le24(cur, &o->u32);
    case CU_READ_I8:      return mv_read_i8(cur, &o->i8);
    case CU_READ_BE_I16:  return mv_read_be_i16(cur, &o->i16);
    case CU_READ_LE_I16:  return mv_read_le_i16(cur, &o->i16);
    case CU_READ_BE_I32:  return mv_read_be_i32(cur, &o->i32);
    case CU_READ_LE_I32:  return mv_read_le_i32(cur, &o->i32);
    case CU_READ_BE_I64:  return mv_read_be_i64(cur, &o->i64);
    case CU_READ_LE_I64:  return mv_read_le_i64(cur, &o->i64);
    case CU_READ_BE_UINT: return mv_read_be_uint(cur, op->z[0], &o->u64);
    case CU_READ_LE_UINT: return mv_read_le_uint(cur, op->z[0], &o->u64);
    case CU_READ_U8:   return mv_read_u8(cur, &o->u8);
    case CU_READ_BE16: return mv_read_be16(cur, &o->u16);
    case CU_READ_BE24: return mv_read_be24(cur, &o->u32);
    case CU_READ_BE32: return mv_read_be32(cur, &o->u32);
    case CU_READ_BE64: return mv_read_be64(cur, &o->u64);
    case CU_READ_LE16: return mv_read_le16(cur, &o->u16);
    case CU_READ_LE32: return mv_read_le32(cur, &o->u32);
    default:           return mv_read_le64(cur, &o->u64);
    }
}

/* The output as a signed 128-bit value, of its own width and sign. */
static mvt_i128 out_value(const int_op *k, const out8 *o)
{
    /* Each arm converted on its own: a ?: of int32_t and uint32_t would
     * convert the signed one to unsigned. */
    switch (k->bits) {
    case 8:  return k->is_signed ? (mvt_i128)o->i8 : (mvt_i128)o->u8;
    case 16: return k->is_signed ? (mvt_i128)o->i16 : (mvt_i128)o->u16;
    case 32: return k->is_signed ? (mvt_i128)o->i32 : (mvt_i128)o->u32;
    default: return k->is_signed ? (mvt_i128)o->i64 : (mvt_i128)o->u64;
    }
}

/* v fits the parameter (the vector checked it). */
static mv_status cursor_write(int id, mv_view *cur, uint64_t v)
{
    switch (id) {
    case CU_WRITE_U8:   return mv_write_u8(cur, (uint8_t)v);
    case CU_WRITE_BE16: return mv_write_be16(cur, (uint16_t)v);
    case CU_WRITE_BE24: return mv_write_be24(cur, (uint32_t)v);
    case CU_WRITE_BE32: return mv_write_be32(cur, (uint32_t)v);
    case CU_WRITE_BE64: return mv_write_be64(cur, v);
    case CU_WRITE_LE16: return mv_write_le16(cur, (uint16_t)v);
    case CU_WRITE_LE32: return mv_write_le32(cur, (uint32_t)v);
    case CU_WRITE_LE24: return mv_write_le24(cur, (uint32_t)v);
    default:            return mv_write_le64(cur, v);
    }
}

/* A read's value: unsigned 64-bit, or signed 64-bit for a signed read. */
static bool parse_int_value(const char *s, bool is_signed, mvt_i128 *out)
{
    if (is_signed) {
        ptrdiff_t p;
        if (!parse_ptrdiff(s, false, &p))
            return false;
        *out = p;
        return true;
    }
    uint64_t u;
    if (!parse_u64(s, &u))
        return false;
    *out = u;
    return true;
}

/* A value read, in decimal, for a report (a static buffer). */
static const char *i128_text(mvt_i128 v)
{
    static char text[48];
    if (v < 0)
        snprintf(text, sizeof text, "-%" PRIu64, (uint64_t)(-(v + 1)) + 1);
    else
        snprintf(text, sizeof text, "%" PRIu64, (uint64_t)v);
    return text;
}

/* The bytes a view's items hold equal the hex text want. */
static bool items_are(mv_view v, const char *want_hex)
{
    uint8_t *want;
    size_t n;
    if (!parse_hex(want_hex, &want, &n)) {
        fail("bad vector: result bytes are not hex");
        return false;
    }
    bool same = false;
    if (n == mv_len(v)) {
        uint8_t *got = n ? malloc(n) : NULL;
        size_t written;
        same = mv_tobytes(v, got, n, &written) == MV_OK && written == n &&
               (n == 0 || memcmp(got, want, n) == 0);
        free(got);
    }
    free(want);
    return same;
}

/* One cursor operation: the status and value against its result word,
 * the rules checked on the spot.  Returns whether to go on. */
static bool run_cursor_op(vcase *c, size_t k, mv_view *cur, mv_view w, char *result,
                          uint8_t *before, uint8_t *touched)
{
    const call *op = &c->ops[k];
    const char *name = cursor_specs[op->id].name;
    char *colon = strchr(result, ':');
    if (colon != NULL)
        *colon = '\0';
    mv_status want;
    if (!parse_status(result, &want)) {
        fail("bad vector: result %zu", k + 1);
        return false;
    }
    const char *value = colon != NULL ? colon + 1 : NULL;
    int_op k_int = { 0, 0, false, false };
    bool is_int = int_op_of(op, &k_int);
    bool has_value = (is_int && !k_int.writes) || op->id == CU_READ_VIEW || op->id == CU_READ_BYTES;
    if ((want == MV_OK && has_value) != (value != NULL)) {
        fail("bad vector: result %zu has %s value", k + 1, value ? "a" : "no");
        return false;
    }
    mv_view was, out;
    MVT_COPY(was, *cur);
    MVT_FILL(out);
    if (c->n)
        memcpy(before, c->base, c->n);
    out8 o;
    MVT_FILL(o);
    uint8_t *dst = NULL;
    size_t consumed = 0, dcap = 0;
    bool writes = false;
    mv_status st;
    if (is_int && !k_int.writes) {
        consumed = k_int.width;
        st = cursor_read(op, cur, &o);
    } else if (is_int) {
        if (k_int.bits < 64 && op->u[0] >> k_int.bits) {
            fail("bad vector: %s of a value wider than its parameter", name);
            return false;
        }
        consumed = k_int.width;
        writes = true;
        st = cursor_write(op->id, cur, op->u[0]);
    } else if (op->id == CU_READ_VIEW) {
        consumed = op->z[0];
        st = mv_read_view(cur, op->z[0], &out);
    } else if (op->id == CU_READ_BYTES) {
        consumed = op->z[0];
        /* Exactly n bytes when n is reasonable; a short buffer otherwise,
         * for a call that must fail before writing (the sanitizer would
         * see a write). */
        dcap = consumed <= MAX_BUF ? consumed : 16;
        if (consumed > MAX_BUF && want == MV_OK) {
            fail("bad vector: read_bytes of more than %u bytes", MAX_BUF);
            return false;
        }
        dst = caller_buffer(dcap);
        st = mv_read_bytes(cur, dst, consumed);
    } else {
        consumed = mv_len(w);
        writes = true;
        st = mv_write_view(cur, w);
    }
    bool ok = true;
    if (st != want) {
        fail("op %zu (%s): status got %s, want %s", k + 1, name, mvt_status_name(st),
             mvt_status_name(want));
        ok = false;
    } else if (st != MV_OK) {
        /* A failure changes nothing. */
        if (!mvt_same_view(cur, &was))
            fail("op %zu (%s): a failure moved the cursor", k + 1, name);
        if (c->n && memcmp(c->base, before, c->n) != 0)
            fail("op %zu (%s): a failure wrote the base", k + 1, name);
        if (!mvt_is_sentinel(o.raw, sizeof o.raw) || !mvt_is_sentinel(&out, sizeof out) ||
            (dcap && !mvt_is_sentinel(dst, dcap)))
            fail("op %zu (%s): a failure wrote its output", k + 1, name);
    } else {
        /* The cursor is the old one less its first `consumed` items. */
        size_t left = mv_len(was) - consumed;
        bool moved = consumed <= mv_len(was) && mv_len(*cur) == left && mv_is_valid(*cur) &&
                     mv_stride(*cur) == mv_stride(was) && mv_readonly(*cur) == mv_readonly(was) &&
                     mv_data(*cur) == (left ? mv_data(was) + (ptrdiff_t)consumed * mv_stride(was)
                                            : NULL);
        if (!moved)
            fail("op %zu (%s): the cursor is not the old one less %zu items", k + 1, name,
                 consumed);
        /* Only the consumed items may change, and only by a write. */
        if (c->n) {
            memset(touched, 0, c->n);
            for (size_t i = 0; writes && i < consumed; i++)
                touched[(mv_data(was) - c->base) + (ptrdiff_t)i * mv_stride(was)] = 1;
            for (size_t i = 0; i < c->n; i++)
                if (!touched[i] && c->base[i] != before[i]) {
                    fail("op %zu (%s): base byte %zu changed outside the items", k + 1, name, i);
                    break;
                }
        }
        if (is_int && !k_int.writes) {
            mvt_i128 want_v;
            size_t size = k_int.bits / 8;
            if (!parse_int_value(value, k_int.is_signed, &want_v))
                fail("bad vector: result %zu is not a number", k + 1);
            else if (out_value(&k_int, &o) != want_v)
                fail("op %zu (%s): got %s, want %s", k + 1, name, i128_text(out_value(&k_int, &o)),
                     value);
            if (!mvt_is_sentinel(o.raw + size, sizeof o.raw - size))
                fail("op %zu (%s): wrote past its output", k + 1, name);
        } else if (op->id == CU_READ_VIEW) {
            bool shape = mv_len(out) == consumed && mv_is_valid(out) &&
                         mv_readonly(out) == mv_readonly(was) &&
                         mv_data(out) == (consumed ? mv_data(was) : NULL) &&
                         mv_stride(out) == mv_stride(was);
            if (!shape)
                fail("op %zu (read_view): the view is not the cursor's first %zu items", k + 1,
                     consumed);
            else if (!items_are(out, value))
                fail("op %zu (read_view): wrong items", k + 1);
        } else if (op->id == CU_READ_BYTES) {
            mv_view got;
            if (mv_from(dst, consumed, &got) != MV_OK || !items_are(got, value))
                fail("op %zu (read_bytes): wrong bytes", k + 1);
        }
    }
    free(dst);
    return ok;
}

static void run_cursor(vcase *c, mv_view v, mv_view w)
{
    if (!need(c->e.has_res, "res"))
        return;
    char *results[MAX_OPS];
    size_t nres = split(c->e.res, ',', results, MAX_OPS);
    if (nres != c->nops) {
        fail("bad vector: %zu results for %zu operations", nres, c->nops);
        return;
    }
    uint8_t *before = c->n ? malloc(c->n) : NULL, *touched = c->n ? malloc(c->n) : NULL;
    mv_view cur = v;
    bool ok = true;
    for (size_t k = 0; ok && k < c->nops; k++)
        ok = run_cursor_op(c, k, &cur, w, results[k], before, touched);
    free(before);
    free(touched);
    if (!ok)
        return;
    /* The cursor at the end. */
    if (c->e.has_released) {
        check_released(cur);
    } else if (need(c->e.has_len, "len") && need(c->e.has_bytes, "bytes")) {
        check_view(c, cur, c->e.len, c->e.has_off, c->e.off, c->e.has_stride, c->e.stride,
                   c->e.bytes, c->e.nbytes, "cursor");
    }
}

/* One case line: parse, set up, run, compare.  Returns whether it passed. */
static bool run_case(char *text)
{
    static vcase c;
    memset(&c, 0, sizeof c);
    case_failures = 0;
    const char *bad = parse_case(text, &c);
    if (bad != NULL) {
        fail("bad vector: %s", bad);
    } else {
        c.orig = c.n ? malloc(c.n) : NULL;
        if (c.n)
            memcpy(c.orig, c.base, c.n);
        mv_view v, w;
        MVT_FILL(w);
        if (make_view(&c, c.v, c.nv, &v, "v") && (!c.has_w || make_view(&c, c.w, c.nw, &w, "w"))) {
            if (c.is_cursor)
                run_cursor(&c, v, w);
            else
                run_op(&c, v, w);
            /* The base changes only by a write that succeeded, and then to
             * exactly what CPython wrote. */
            if (c.e.has_base) {
                if (c.e.nbase != c.n || (c.n && memcmp(c.base, c.e.base, c.n) != 0))
                    fail("base after the write differs from CPython's");
            } else if (c.n && memcmp(c.base, c.orig, c.n) != 0) {
                fail("the base changed");
            }
        }
        free(c.orig);
    }
    free(c.base);
    free_expect(&c.e);
    return case_failures == 0;
}

/* ----------------------------------------------------- buffer sequences */

/* Two owner buffers (a, b) and the export slots, across the steps of one
 * sequence.  A buffer not made yet (by init or from) holds the sentinel:
 * init and from must not look at it, and a failure must leave it. */
typedef struct seqstate {
    mv_buf bufs[2];
    bool made[2];
    mv_view slots[N_SLOTS];
    bool used[N_SLOTS];
    int owner[N_SLOTS];     /* the buffer that exported the slot's view */
    bool spare[N_SLOTS];    /* the slot holds a spare view (mv_buf_spare), not an export */
} seqstate;

static int buf_index(const char *s)
{
    return strcmp(s, "a") == 0 ? 0 : strcmp(s, "b") == 0 ? 1 : -1;
}

static int slot_index(const char *s)
{
    if (s[0] != 'e' || s[1] < '0' || s[1] >= '0' + N_SLOTS || s[2] != '\0')
        return -1;
    return s[1] - '0';
}

/* "ORIGIN[/CHAIN]": a fresh array (hex:..., allocated into *lit), a view of
 * a buffer's contents (not exported), or a slot's view; then the chain. */
static bool seq_source(seqstate *q, char *text, mv_view *out, uint8_t **lit)
{
    char *slash = strchr(text, '/');
    if (slash != NULL)
        *slash = '\0';
    mv_view v;
    int bi = buf_index(text), si = slot_index(text);
    if (strncmp(text, "hex:", 4) == 0) {
        size_t n;
        if (!parse_hex(text + 4, lit, &n) || mv_from(*lit, n, &v) != MV_OK)
            return false;
    } else if (bi >= 0 && q->made[bi]) {
        if (mv_from(q->bufs[bi].data, q->bufs[bi].len, &v) != MV_OK)
            return false;
    } else if (si >= 0 && q->used[si]) {
        v = q->slots[si];
    } else {
        return false;
    }
    if (slash != NULL) {
        call steps[MAX_STEPS];
        size_t n;
        if (!parse_chain(slash + 1, steps, &n) || !apply_chain(v, steps, n, &v, "source"))
            return false;
    }
    *out = v;
    return true;
}

/* A made buffer's struct keeps the header's invariants. */
static void check_buf_invariants(const mv_buf *b, const char *which)
{
    if (b->len > b->cap || b->cap > (size_t)PTRDIFF_MAX || b->head > (size_t)PTRDIFF_MAX - b->cap ||
        (b->cap == 0) != (b->data == NULL) || (b->cap == 0 && b->head != 0))
        fail("buffer %s: len %zu, cap %zu, head %zu, data %p break the invariants", which, b->len,
             b->cap, b->head, (void *)b->data);
    if (mv_buf_len(b) != b->len || mv_buf_exports(b) != b->exports || mv_buf_cap(b) != b->cap)
        fail("buffer %s: mv_buf_len / mv_buf_exports / mv_buf_cap disagree with the struct", which);
}

/* The byte queue's promises on capacity, where CPython has none:
 * reserve leaves room for n more bytes; consume leaves the bytes it keeps
 * where they were (the front moves forward, the room after them is the
 * same); clear, wipe and a consume of everything empty the buffer without
 * shrinking its capacity, and wipe zeroes the whole block. */
static void check_queue_step(const char *name, size_t k, const mv_buf *b, const mv_buf *was,
                             size_t n)
{
    size_t room = mv_buf_cap(b) - mv_buf_len(b), room_was = was->cap - was->len;
    if (strcmp(name, "reserve") == 0) {
        if (room < n)
            fail("step %zu (reserve): room for %zu bytes after reserving %zu", k, room, n);
    } else if (strcmp(name, "consume") == 0 && n < was->len) {
        if (b->data != was->data + n || room != room_was)
            fail("step %zu (consume): the bytes kept moved, or the room after them changed", k);
    } else if (strcmp(name, "clear") == 0 || strcmp(name, "consume") == 0 ||
               strcmp(name, "wipe") == 0) {
        if (mv_buf_len(b) != 0 || mv_buf_cap(b) < was->cap || (was->cap && b->data == NULL))
            fail("step %zu (%s): the buffer is not empty with its block kept", k, name);
    }
    /* wipe: every byte of the block is zero, the consumed prefix included
     * (it is the block's start again). */
    if (strcmp(name, "wipe") == 0)
        for (size_t i = 0; i < mv_buf_cap(b); i++)
            if (b->data[i] != 0) {
                fail("step %zu (wipe): byte %zu of the block is 0x%02x", k, i,
                     (unsigned)(unsigned char)b->data[i]);
                break;
            }
}

/* Everything a step may not change when it fails: both structs, both
 * contents, every slot. */
typedef struct seqsnap {
    mv_buf bufs[2];
    uint8_t *bytes[2];
    mv_view slots[N_SLOTS];
} seqsnap;

static void seq_take(const seqstate *q, seqsnap *s)
{
    memcpy(s->bufs, q->bufs, sizeof s->bufs);
    memcpy(s->slots, q->slots, sizeof s->slots);
    for (int i = 0; i < 2; i++) {
        size_t n = q->made[i] ? q->bufs[i].len : 0;
        s->bytes[i] = n ? malloc(n) : NULL;
        if (n)
            memcpy(s->bytes[i], q->bufs[i].data, n);
    }
}

static bool seq_buf_same(const seqstate *q, const seqsnap *s, int i)
{
    if (memcmp(&q->bufs[i], &s->bufs[i], sizeof q->bufs[i]) != 0)
        return false;
    return !q->made[i] || q->bufs[i].len == 0 ||
           memcmp(q->bufs[i].data, s->bytes[i], q->bufs[i].len) == 0;
}

static void seq_drop(seqsnap *s)
{
    free(s->bytes[0]);
    free(s->bytes[1]);
}

/* "NAME BUF ARGS... => status=S [len=N exports=N bytes=HEX]". */
static bool run_seq_step(seqstate *q, char *text, size_t k)
{
    char *arrow = strstr(text, " => ");
    if (arrow == NULL) {
        fail("bad vector: step %zu has no =>", k);
        return false;
    }
    *arrow = '\0';
    char *words[8], *results[8];
    size_t nw = split(text, ' ', words, 8), nr = split(arrow + 4, ' ', results, 8);
    int bi = nw >= 2 ? buf_index(words[1]) : -1;
    if (nw < 2 || nr == 0 || bi < 0) {
        fail("bad vector: step %zu", k);
        return false;
    }
    bool has_status = false, has_len = false, has_exports = false, has_bytes = false;
    mv_status want = MV_OK;
    size_t want_len = 0, want_exports = 0, nbytes = 0;
    uint8_t *bytes = NULL;
    bool good = true;
    for (size_t i = 0; good && i < nr; i++) {
        char *eq = strchr(results[i], '=');
        if (eq == NULL) {
            good = false;
            break;
        }
        *eq = '\0';
        const char *key = results[i], *val = eq + 1;
        if (strcmp(key, "status") == 0 && !has_status)
            good = has_status = parse_status(val, &want);
        else if (strcmp(key, "len") == 0 && !has_len)
            good = has_len = parse_size(val, &want_len);
        else if (strcmp(key, "exports") == 0 && !has_exports)
            good = has_exports = parse_size(val, &want_exports);
        else if (strcmp(key, "bytes") == 0 && !has_bytes)
            good = has_bytes = parse_hex(val, &bytes, &nbytes);
        else
            good = false;
    }
    if (!good || !has_status) {
        fail("bad vector: results of step %zu", k);
        free(bytes);
        return false;
    }

    const char *name = words[0];
    mv_buf *b = &q->bufs[bi];
    uint8_t *lit = NULL;
    mv_view src;
    int si = -1;
    size_t n = 0;
    const char *bad = NULL;
    /* Arguments, and the set-up each step needs. */
    if (strcmp(name, "init") == 0 || strcmp(name, "resize") == 0 ||
        strcmp(name, "reserve") == 0 || strcmp(name, "consume") == 0) {
        if (nw != 3 || !parse_size(words[2], &n))
            bad = "bad size";
        else if (name[0] != 'c' && n > MAX_BUF && n <= (size_t)PTRDIFF_MAX &&
                 (name[2] != 's' || (q->made[bi] && b->exports == 0 &&
                                     n <= (size_t)PTRDIFF_MAX - b->len)))
            bad = "a size the allocator would really have to find";
    } else if (strcmp(name, "from") == 0 || strcmp(name, "append") == 0) {
        if (nw != 3 || !seq_source(q, words[2], &src, &lit))
            bad = "bad source";
    } else if (strcmp(name, "spare") == 0 || strcmp(name, "commit") == 0) {
        si = nw == 4 ? slot_index(words[2]) : -1;
        if (si < 0 || !parse_size(words[3], &n))
            bad = "spare and commit take a slot and a size";
        else if (name[0] == 's' && q->used[si] && !q->slots[si].released)
            bad = "spare into a live slot would lose its view";
        else if (name[0] == 'c' && (!q->used[si] || !q->spare[si]))
            bad = "commit of a slot that holds no spare view";
        else if (name[0] == 's' && n > MAX_BUF && n <= (size_t)PTRDIFF_MAX && q->made[bi] &&
                 b->exports == 0 && !b->spare && n <= (size_t)PTRDIFF_MAX - b->len)
            bad = "a size the allocator would really have to find";
    } else if (strcmp(name, "export") == 0 || strcmp(name, "release") == 0 ||
               strcmp(name, "set") == 0) {
        si = nw >= 3 ? slot_index(words[2]) : -1;
        if (si < 0)
            bad = "bad slot";
        else if (name[0] == 'e' && (nw != 4 || (strcmp(words[3], "ro") && strcmp(words[3], "rw"))))
            bad = "export needs ro or rw";
        else if (name[0] == 'e' && q->used[si] && !q->slots[si].released)
            bad = "export into a live slot would lose its view";
        else if (name[0] != 'e' && !q->used[si])
            bad = "an empty slot";
        else if (name[0] == 'r' && nw != 3)
            bad = "release takes a slot";
    } else if ((strcmp(name, "free") != 0 && strcmp(name, "clear") != 0 &&
                strcmp(name, "wipe") != 0) || nw != 2) {
        bad = "unknown step";
    }
    if (bad == NULL && (name[0] == 'i' || name[0] == 'f') && strcmp(name, "free") != 0 &&
        q->made[bi] && (b->cap > 0 || b->exports > 0))
        bad = "init or from would lose a block or exports";
    if (bad == NULL && strcmp(name, "init") != 0 && strcmp(name, "from") != 0 && !q->made[bi])
        bad = "a step on a buffer not made yet";
    ptrdiff_t index = 0;
    uint8_t byte = 0;
    if (bad == NULL && strcmp(name, "set") == 0 &&
        (nw != 5 || !parse_ptrdiff(words[3], false, &index) || !parse_byte(words[4], &byte)))
        bad = "set needs an index and a byte";
    if (bad != NULL) {
        fail("bad vector: step %zu: %s", k, bad);
        free(lit);
        free(bytes);
        return false;
    }

    /* A failed export or spare must leave its out-parameter as it was: the
     * sentinel is put there, checked, and the slot's earlier (released)
     * view put back. */
    bool fills = name[0] == 'e' || strcmp(name, "spare") == 0;
    mv_view prev;
    if (fills) {
        MVT_COPY(prev, q->slots[si]);
        MVT_FILL(q->slots[si]);
    }
    seqsnap snap;
    seq_take(q, &snap);
    mv_status st;
    if (strcmp(name, "init") == 0)
        st = mv_buf_init(b, n);
    else if (strcmp(name, "from") == 0)
        st = mv_buf_from(b, src);
    else if (strcmp(name, "resize") == 0)
        st = mv_buf_resize(b, n);
    else if (strcmp(name, "append") == 0)
        st = mv_buf_append(b, src);
    else if (strcmp(name, "export") == 0)
        st = mv_buf_export(b, strcmp(words[3], "ro") == 0, &q->slots[si]);
    else if (strcmp(name, "release") == 0)
        st = mv_buf_release(b, &q->slots[si]);
    else if (strcmp(name, "set") == 0)
        st = mv_set(q->slots[si], index, byte);
    else if (strcmp(name, "reserve") == 0)
        st = mv_buf_reserve(b, n);
    else if (strcmp(name, "clear") == 0)
        st = mv_buf_clear(b);
    else if (strcmp(name, "consume") == 0)
        st = mv_buf_consume(b, n);
    else if (strcmp(name, "wipe") == 0)
        st = mv_buf_wipe(b);
    else if (strcmp(name, "spare") == 0)
        st = mv_buf_spare(b, n, &q->slots[si]);
    else if (strcmp(name, "commit") == 0)
        st = mv_buf_commit(b, &q->slots[si], n);
    else
        st = mv_buf_free(b);

    bool ok = st == want;
    if (!ok) {
        fail("step %zu (%s %s): status got %s, want %s", k, name, words[1], mvt_status_name(st),
             mvt_status_name(want));
    } else if (st != MV_OK) {
        if (!seq_buf_same(q, &snap, 0) || !seq_buf_same(q, &snap, 1))
            fail("step %zu (%s): a failure changed a buffer", k, name);
        if (memcmp(q->slots, snap.slots, sizeof q->slots) != 0)
            fail("step %zu (%s): a failure changed an exported view", k, name);
    } else {
        if (name[0] == 'i' || (name[0] == 'f' && name[1] == 'r' && name[2] == 'o'))
            q->made[bi] = true;
        /* The other buffer and the other slots are not this step's. */
        if (strcmp(name, "set") != 0 && !seq_buf_same(q, &snap, 1 - bi))
            fail("step %zu (%s %s): the other buffer changed", k, name, words[1]);
        for (int i = 0; i < N_SLOTS; i++)
            if (i != si && memcmp(&q->slots[i], &snap.slots[i], sizeof q->slots[i]) != 0)
                fail("step %zu (%s): slot e%d changed", k, name, i);
        if (strcmp(name, "export") == 0) {
            mv_view e = q->slots[si];
            bool shape = mv_is_valid(e) && mv_len(e) == b->len &&
                         mv_data(e) == (b->len ? (const uint8_t *)b->data : NULL) &&
                         (b->len < 2 || mv_stride(e) == 1) &&
                         mv_readonly(e) == (strcmp(words[3], "ro") == 0);
            if (!shape)
                fail("step %zu: the export is not a view of the whole contents", k);
            q->used[si] = true;
            q->owner[si] = bi;
            q->spare[si] = false;
        } else if (strcmp(name, "release") == 0 || strcmp(name, "commit") == 0) {
            check_released(q->slots[si]);
        } else if (strcmp(name, "spare") == 0) {
            /* All of the spare capacity, at least n bytes, writable, right
             * after the contents. */
            mv_view e = q->slots[si];
            size_t room = b->cap - b->len;
            bool shape = mv_is_valid(e) && mv_len(e) == room && mv_len(e) >= n &&
                         !mv_readonly(e) && mv_data(e) == (room ? (uint8_t *)b->data + b->len : NULL) &&
                         (room < 2 || mv_stride(e) == 1);
            if (!shape)
                fail("step %zu: the spare view is not all the room after the contents", k);
            q->used[si] = true;
            q->owner[si] = bi;
            q->spare[si] = true;
        } else {
            check_queue_step(name, k, b, &snap.bufs[bi], n);
        }
    }
    if (fills && st != MV_OK)
        MVT_COPY(q->slots[si], prev);
    seq_drop(&snap);
    for (int i = 0; i < 2; i++)
        if (q->made[i])
            check_buf_invariants(&q->bufs[i], i ? "b" : "a");
    if (ok && has_len != q->made[bi])
        fail("bad vector: step %zu reports %s state", k, has_len ? "an unmade buffer's" : "no");
    if (ok && has_len) {
        if (!has_exports || !has_bytes || nbytes != want_len)
            fail("bad vector: step %zu: len, exports and bytes go together", k);
        else if (mv_buf_len(b) != want_len)
            fail("step %zu (%s %s): mv_buf_len got %zu, want %zu", k, name, words[1],
                 mv_buf_len(b), want_len);
        else if (mv_buf_exports(b) != want_exports)
            fail("step %zu (%s %s): mv_buf_exports got %zu, want %zu", k, name, words[1],
                 mv_buf_exports(b), want_exports);
        else if (want_len && memcmp(b->data, bytes, want_len) != 0)
            fail("step %zu (%s %s): contents differ from CPython's", k, name, words[1]);
    }
    free(lit);
    free(bytes);
    return ok && case_failures == 0;
}

/* Everything handed back: live exports released, buffers freed. */
static void seq_cleanup(seqstate *q)
{
    bool failing = case_failures > 0;
    for (int pass = 0; pass < 2; pass++) /* exports first: a commit waits for them */
        for (int i = 0; i < N_SLOTS; i++) {
            if (!q->used[i] || q->slots[i].released || q->spare[i] != (pass == 1))
                continue;
            mv_buf *b = &q->bufs[q->owner[i]];
            mv_status st = pass == 0 ? mv_buf_release(b, &q->slots[i])
                                     : mv_buf_commit(b, &q->slots[i], 0);
            if (st != MV_OK && !failing)
                fail("clean-up: handing back e%d failed with %s", i, mvt_status_name(st));
        }
    for (int i = 0; i < 2; i++) {
        if (!q->made[i])
            continue;
        if (failing) { /* after a mismatch: give the memory back anyway */
            q->bufs[i].exports = 0;
            q->bufs[i].spare = false;
        }
        mv_status st = mv_buf_free(&q->bufs[i]);
        if (st != MV_OK)
            fail("clean-up: freeing %s failed with %s", i ? "b" : "a", mvt_status_name(st));
    }
}

/* "seq STEP => RESULTS | STEP => RESULTS | ..."; returns whether it passed. */
static bool run_seq(char *text)
{
    static seqstate q;
    memset(&q, 0, sizeof q);
    memset(q.bufs, MVT_SENTINEL, sizeof q.bufs);
    case_failures = 0;
    char *steps[MAX_SEQ];
    size_t ns = 0;
    for (char *p = text;;) {
        if (ns == MAX_SEQ) {
            fail("bad vector: more than %d steps", MAX_SEQ);
            return false;
        }
        steps[ns++] = p;
        char *bar = strstr(p, " | ");
        if (bar == NULL)
            break;
        *bar = '\0';
        p = bar + 3;
    }
    for (size_t i = 0; i < ns; i++)
        if (!run_seq_step(&q, steps[i], i + 1))
            break;
    seq_cleanup(&q);
    return case_failures == 0;
}

/* ---------------------------------------------------------------- files */

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    for (;;) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        cap *= 2;
        buf = realloc(buf, cap + 1);
    }
    bool err = ferror(f);
    fclose(f);
    if (err) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    unsigned long passed = 0, failed = 0;
    setvbuf(stdout, NULL, _IOLBF, 0);
    mvt_start_watchdog(240);
    if (argc < 2) {
        printf("usage: %s FILE...\n", argv[0]);
        return 2;
    }
    for (int a = 1; a < argc; a++) {
        size_t len;
        char *text = read_file(argv[a], &len);
        if (text == NULL) {
            printf("MISMATCH %s: cannot read: %s\n", argv[a], strerror(errno));
            failed++;
            continue;
        }
        cur_file = argv[a];
        char *line = text;
        for (cur_line = 1; line < text + len; cur_line++) {
            char *end = strchr(line, '\n');
            if (end != NULL)
                *end = '\0';
            if (line[0] != '\0' && line[0] != '#') {
                char *copy = strdup(line);
                cur_text = copy;
                bool ok = strncmp(line, "seq ", 4) == 0 ? run_seq(line + 4) : run_case(line);
                if (ok)
                    passed++;
                else
                    failed++;
                free(copy);
            }
            if (end == NULL)
                break;
            line = end + 1;
        }
        free(text);
    }
    if (shown > MAX_SHOWN)
        printf("(%lu failing cases not shown)\n", shown - MAX_SHOWN);
    printf("%lu passed, %lu failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
