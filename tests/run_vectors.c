/*
 * run_vectors.c — runs conformance vectors against the library; the C
 * reference port of the port line protocol (PORTING.md).
 *
 *   run_vectors FILE...    checks every vector line of every FILE
 *   run_vectors --port     answers cases read on stdin, one line each
 *
 * Both modes share one path: a case's inputs (a vector line of
 * corpus/vectors/README.md without its expected results) are parsed, run
 * against the library, and its results written as text, in the vector
 * format (answer()).  Check mode splits each line of each FILE (blank lines
 * and lines starting with '#' skipped) into inputs and expected results;
 * the case passes when the text answer() writes is exactly the expected
 * text.  The last line printed is "N passed, N failed", and each failing
 * case is printed whole, with what differed, so it can be replayed alone.
 * Port mode writes each answer and flushes it before reading the next line,
 * so that a runner can tell which case a crash or a hang belongs to.
 *
 * Beyond the results, every case checks the library's rules, which a line
 * of results cannot spell: a failure leaves out-parameters, caller buffers
 * and the base untouched (they are pre-filled with a sentinel), operations
 * that do not write leave the base untouched, result views are valid and
 * lie in the base, and caller buffers are allocated at exactly the capacity
 * passed, so the sanitizers see any write past it (fromhex's destination
 * too: a separate array of exactly its capacity, its items past the bytes
 * decoded checked untouched).  A broken rule fails the case in check mode;
 * in port mode the answer is "error memview broke a rule: ...".
 *
 * Four kinds of line: view cases ("op="); cursor cases ("ops=": reads and
 * writes that consume one view, each checked as it happens); buffer
 * sequences ("seq ...": steps on two owner buffers and their exports, the
 * state checked after every step); I/O cases ("io ...": the send and
 * receive loops over the simulated socket of memview_sim.h, up to eight
 * calls resuming where the last one stopped).  Owner buffers are the one
 * place where the test build's allocator hands out memory; every case gives
 * back what it took, so LeakSanitizer sees a leak as a failure.
 *
 * The input is untrusted text: lines are split in place, every number is
 * parsed with explicit range checks, and any malformed field makes the
 * answer "error REASON" instead of being guessed at.
 */
#include "mv_test.h"

#include <errno.h>
#include <stdarg.h>

#include "memview_sim.h"

#define MAX_BUF   (1u << 24) /* largest base buffer or capacity a vector may ask for */
#define MAX_WORDS 32
#define MAX_STEPS 16
#define MAX_SHOWN 40         /* failing cases printed in full */
#define MAX_OPS   16         /* cursor operations in one case */
#define MAX_SEQ   64         /* steps in one buffer sequence */
#define N_SLOTS   8          /* export slots e0 .. e7 */
#define MAX_VIEWS 16         /* views of one I/O case */
#define MAX_ROUNDS 8         /* calls of one I/O case */

/* ----------------------------------------------------------------- text */

/* A growing string: the answer of a case, and the pieces it is made of. */
typedef struct strbuf {
    char *s;
    size_t len, cap;
} strbuf;

static void tx_room(strbuf *t, size_t more)
{
    if (t->s != NULL && more < t->cap - t->len)
        return;
    size_t cap = t->cap ? t->cap : 256;
    while (cap - t->len <= more)
        cap *= 2;
    char *s = realloc(t->s, cap);
    if (s == NULL) {
        fputs("run_vectors: out of memory\n", stderr);
        exit(2);
    }
    t->s = s;
    t->cap = cap;
}

static void tx_clear(strbuf *t)
{
    tx_room(t, 0);
    t->len = 0;
    t->s[0] = '\0';
}

static void tx_free(strbuf *t)
{
    free(t->s);
    t->s = NULL;
    t->len = t->cap = 0;
}

__attribute__((format(printf, 2, 3)))
static void tx_add(strbuf *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    tx_room(t, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
    va_end(ap);
    t->len += (size_t)n;
}

static void tx_hex(strbuf *t, const uint8_t *b, size_t n)
{
    static const char digits[] = "0123456789abcdef";
    tx_room(t, 2 * n);
    for (size_t i = 0; i < n; i++) {
        t->s[t->len++] = digits[b[i] >> 4];
        t->s[t->len++] = digits[b[i] & 15];
    }
    t->s[t->len] = '\0';
}

/* "key=" as the next field: a space before every field but the first. */
static void tx_key(strbuf *t, const char *key, const char *suffix)
{
    tx_add(t, "%s%s%s=", t->len ? " " : "", key, suffix);
}

/* ------------------------------------------------------------ reporting */

static bool port_mode;             /* --port: rules broken go into the answer */
static strbuf results;             /* the answer of the current case */
static const char *cur_file;
static unsigned long cur_line;
static const char *cur_text;       /* the case as read, for reports */
static unsigned case_failures;     /* rules broken in the current case */
static unsigned long shown;
static char first_rule[200];       /* port mode: the first rule broken */
static bool is_bad;                /* the case cannot be run as written */
static char bad_reason[200];

/* A failing case is introduced once, by its whole line. */
static bool show_case(void)
{
    if (case_failures++ == 0 && shown++ < MAX_SHOWN)
        printf("MISMATCH %s:%lu: %s\n", cur_file, cur_line, cur_text);
    return shown <= MAX_SHOWN;
}

/* memview broke one of its rules. */
__attribute__((format(printf, 1, 2)))
static void fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (port_mode) {
        if (case_failures++ == 0)
            vsnprintf(first_rule, sizeof first_rule, fmt, ap);
    } else if (show_case()) {
        printf("  ");
        vprintf(fmt, ap);
        printf("\n");
    }
    va_end(ap);
}

/* The case cannot be run as written (a malformed field, a chain the
 * library refuses where CPython did not): its answer is "error REASON",
 * the first reason found. */
__attribute__((format(printf, 1, 2)))
static void bad(const char *fmt, ...)
{
    if (is_bad)
        return;
    is_bad = true;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(bad_reason, sizeof bad_reason, fmt, ap);
    va_end(ap);
}

/* Status names as the vectors write them: the C names without "MV_". */
static const char *status_word(mv_status s)
{
    const char *name = mvt_status_name(s);
    return strncmp(name, "MV_", 3) == 0 ? name + 3 : "NOT_A_STATUS";
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

/* "hex:HH..", "ramp:N" or "zero:N": a fresh base of exactly its length. */
static bool parse_buffer(const char *s, uint8_t **base, size_t *len)
{
    size_t n;
    if (strncmp(s, "hex:", 4) == 0)
        return parse_hex(s + 4, base, len);
    bool ramp = strncmp(s, "ramp:", 5) == 0, zero = strncmp(s, "zero:", 5) == 0;
    if ((!ramp && !zero) || !parse_size(s + 5, &n) || n > MAX_BUF)
        return false;
    *len = n;
    *base = n ? malloc(n) : NULL;
    for (size_t i = 0; i < n; i++)
        (*base)[i] = ramp ? (uint8_t)(i & 255) : 0;
    return true;
}

/* "buf=... v=... [w=...] op=..." (or ops=); returns a reason on failure. */
static const char *parse_case(char *text, vcase *c)
{
    char *words[MAX_WORDS];
    size_t n = split(text, ' ', words, MAX_WORDS);
    bool seen_buf = false, seen_v = false, seen_op = false;
    if (n == 0)
        return "too many fields";
    for (size_t i = 0; i < n; i++) {
        char *word = words[i];
        if (strncmp(word, "buf=", 4) == 0 && !seen_buf) {
            seen_buf = true;
            if (!parse_buffer(word + 4, &c->base, &c->n))
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
    if (!seen_buf || !seen_v || !seen_op)
        return "missing buf, v or op";
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

/* Applies a chain to v; every step must succeed (chains are set-up, and
 * CPython ran them all). */
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
            bad("set-up of %s: step %zu (%s) failed with %s", which, i + 1,
                step_specs[s->id].name, status_word(st));
            return false;
        }
        v = r;
    }
    *out = v;
    return true;
}

/* Applies a chain to the whole writable view of a base. */
static bool make_view(uint8_t *base, size_t n, const call *steps, size_t nsteps, mv_view *out,
                      const char *which)
{
    mv_view v;
    mv_status st = mv_from(base, n, &v);
    if (st != MV_OK) {
        bad("set-up of %s: mv_from failed with %s", which, status_word(st));
        return false;
    }
    return apply_chain(v, steps, nsteps, out, which);
}

/* ------------------------------------------------------------ results */

/* A caller buffer of exactly cap bytes, pre-filled with the sentinel. */
static uint8_t *caller_buffer(size_t cap)
{
    uint8_t *b = cap ? malloc(cap) : NULL;
    if (cap)
        memset(b, MVT_SENTINEL, cap);
    return b;
}

static void check_released(mv_view r)
{
    if (mv_len(r) != 0 || mv_stride(r) != 0 || mv_data(r) != NULL || mv_readonly(r) ||
        mv_contiguous(r) || !mv_is_valid(r))
        fail("a released view must answer 0 / NULL / false, and be valid");
}

/* "status=S", and that a failure wrote nothing (the sentinel is intact). */
static bool put_status(mv_status got, const void *outs, size_t nouts)
{
    tx_key(&results, "status", "");
    tx_add(&results, "%s", status_word(got));
    if (got != MV_OK && outs != NULL && !mvt_is_sentinel(outs, nouts))
        fail("a failure wrote its out-parameter");
    return got == MV_OK;
}

static void put_int(const char *key, intmax_t v)
{
    tx_key(&results, key, "");
    tx_add(&results, "%jd", v);
}

static void put_size(const char *key, size_t v)
{
    tx_key(&results, key, "");
    tx_add(&results, "%zu", v);
}

/* The items of any view, in hex, through mv_tobytes. */
static void tx_items(strbuf *t, mv_view v)
{
    size_t n = mv_len(v), written = 0;
    uint8_t *b = n ? malloc(n) : NULL;
    if (mv_tobytes(v, b, n, &written) != MV_OK || written != n)
        fail("mv_tobytes of a view of %zu items failed", n);
    else
        tx_hex(t, b, n);
    free(b);
}

/* A result view of the base: len, off (with an item), stride (with two),
 * ro (for the first view of a result), bytes, each key with the suffix;
 * the items are read from the base at the offsets the view says, after
 * checking they lie in it, and must agree with mv_tobytes. */
static void put_view(const vcase *c, mv_view r, const char *suffix, bool with_ro)
{
    size_t len = mv_len(r);
    if (!mv_is_valid(r))
        fail("mv_is_valid(result%s) is false", suffix);
    tx_key(&results, "len", suffix);
    tx_add(&results, "%zu", len);
    ptrdiff_t stride = len >= 2 ? mv_stride(r) : 0;
    /* Compared as integers: the view may point anywhere. */
    uintptr_t at = (uintptr_t)mv_data(r) - (uintptr_t)c->base;
    mvt_i128 last = (mvt_i128)at + (mvt_i128)(len ? len - 1 : 0) * stride;
    if (len > 0 && (at >= c->n || last < 0 || last >= (mvt_i128)c->n)) {
        fail("result%s: items outside the base", suffix);
        tx_add(&results, " off%s=outside", suffix);
        return;
    }
    if (len == 0 && mv_data(r) != NULL)
        fail("mv_data(result%s) of an empty view is not NULL", suffix);
    if (len > 0) {
        tx_key(&results, "off", suffix);
        tx_add(&results, "%zu", (size_t)at);
    }
    if (len >= 2) {
        tx_key(&results, "stride", suffix);
        tx_add(&results, "%td", stride);
    }
    if (with_ro)
        put_int("ro", mv_readonly(r));
    if (mv_contiguous(r) != (len <= 1 || stride == 1))
        fail("mv_contiguous(result%s) is %d", suffix, mv_contiguous(r));
    uint8_t *items = len ? malloc(len) : NULL, *copy = len ? malloc(len) : NULL;
    for (size_t i = 0; i < len; i++)
        items[i] = c->base[(size_t)((ptrdiff_t)at + (ptrdiff_t)i * stride)];
    tx_key(&results, "bytes", suffix);
    tx_hex(&results, items, len);
    /* The same bytes through mv_tobytes, into exactly len bytes. */
    size_t written = 0;
    mv_status st = mv_tobytes(r, copy, len, &written);
    if (st != MV_OK || written != len || (len && memcmp(copy, items, len) != 0))
        fail("mv_tobytes(result%s) disagrees with its items (%s)", suffix, status_word(st));
    free(items);
    free(copy);
}

/* Views of one result share the first one's read-only flag (the vectors
 * write it once). */
static void same_flag(mv_view a, mv_view b, const char *which)
{
    if (mv_readonly(a) != mv_readonly(b))
        fail("the %s view's read-only flag differs from the first one's", which);
}

/* mv_fromhex into a fresh array of exactly cap bytes (sentinel-filled),
 * viewed as the destination word says: only the first items it decodes
 * may change, and a failure changes none. */
static void run_fromhex(mv_view v, size_t cap, int how)
{
    if (cap > MAX_BUF) {
        bad("capacity above %u", MAX_BUF);
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
        bad("set-up of the destination failed with %s", status_word(st));
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
    if (put_status(st, &written, sizeof written)) {
        if (written > cap) {
            fail("mv_fromhex wrote %zu bytes into %zu", written, cap);
        } else {
            /* dst item i is arr[i], or arr[cap - 1 - i] reversed. */
            uint8_t *items = written ? malloc(written) : NULL;
            for (size_t i = 0; i < cap; i++) {
                size_t at = how == DST_REV ? cap - 1 - i : i;
                if (i < written)
                    items[i] = arr[at];
                else if (arr[at] != MVT_SENTINEL)
                    fail("mv_fromhex: dst item %zu, past the bytes decoded, is 0x%02x", i, arr[at]);
            }
            put_size("value", written);
            tx_key(&results, "bytes", "");
            tx_hex(&results, items, written);
            free(items);
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
    if (!put_status(st, parts, sizeof parts))
        return;
    put_view(c, parts[0], "", true);
    put_view(c, parts[1], "2", false);
    put_view(c, parts[2], "3", false);
    same_flag(parts[0], parts[1], "sep");
    same_flag(parts[0], parts[2], "after");
}

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

/* mv_split_next called until it stops: status, the number of tokens and
 * the tokens.  Each token must be in place in v (the run after the
 * earlier tokens and their separators), the rest after each token the run
 * of v after its separator, released after the last one; the call that
 * stops changes neither the rest nor the token. */
static void run_split_next(mv_view v, mv_view w)
{
    size_t count = 0, at = 0, seplen = mv_len(w);
    strbuf tokens = { 0 };
    tx_clear(&tokens);
    mv_view rest = v, token, was;
    mv_status st;
    for (;;) {
        MVT_COPY(was, rest);
        MVT_FILL(token);
        st = mv_split_next(&rest, w, &token);
        if (st != MV_OK)
            break;
        size_t n = mv_len(token);
        if (++count > mv_len(v) + 1 || !is_run_of(token, v, at, n)) {
            fail("token %zu: not the run of v at %zu", count, at);
            break;
        }
        tx_add(&tokens, "%s", count > 1 ? "," : "");
        tx_items(&tokens, token);
        at += n;
        if (rest.released) {
            check_released(rest);
            if (at != mv_len(v))
                fail("the rest was released before the end of v");
            continue;
        }
        at += seplen;
        if (at > mv_len(v) || !is_run_of(rest, v, at, mv_len(v) - at)) {
            fail("token %zu: the rest is not v after the separator", count);
            break;
        }
    }
    if (st != MV_OK && (!mvt_same_view(&rest, &was) || !mvt_is_sentinel(&token, sizeof token)))
        fail("the call that stopped (%s) changed the rest or the token", status_word(st));
    put_status(st, NULL, 0);
    put_size("value", count);
    if (count > 0) {
        tx_key(&results, "tokens", "");
        tx_add(&results, "%s", tokens.s);
    }
    tx_free(&tokens);
}

/* mv_hex_size and mv_hex: "size", then the text with every separator
 * written '_'.  Separators can be hex digits ('a', '0'), so the text is
 * asked for again with '_' as the separator, and the two must agree. */
static void run_hex(mv_view v, uint8_t sep_byte, ptrdiff_t bps, size_t cap)
{
    char sep = (char)sep_byte;
    size_t size = mv_hex_size(v, sep, bps), written;
    if (cap > MAX_BUF) {
        bad("capacity above %u", MAX_BUF);
        return;
    }
    char *dst = (char *)caller_buffer(cap);
    memset(&written, MVT_SENTINEL, sizeof written);
    mv_status st = mv_hex(v, dst, cap, sep, bps, &written);
    if (st != MV_OK && cap && !mvt_is_sentinel(dst, cap))
        fail("a failed mv_hex wrote to dst");
    bool ok = put_status(st, &written, sizeof written);
    put_size("size", size);
    if (ok && (written >= cap || dst[written] != '\0' ||
               !mvt_is_sentinel(dst + written + 1, cap - written - 1))) {
        fail("mv_hex wrote %zu characters and a NUL badly into %zu", written, cap);
        ok = false;
    }
    if (ok) {
        if (written != size)
            fail("mv_hex wrote %zu characters, mv_hex_size says %zu", written, size);
        char *marked = malloc(written + 1);
        size_t again = 0;
        if (sep != '\0' && mv_hex(v, marked, written + 1, '_', bps, &again) == MV_OK &&
            again == written) {
            for (size_t i = 0; i < written; i++)
                if (dst[i] != (marked[i] == '_' ? sep : marked[i])) {
                    fail("mv_hex with sep 0x%02x and with '_' disagree at %zu", sep_byte, i);
                    break;
                }
        } else if (sep != '\0') {
            fail("mv_hex with '_' as the separator did not write as many characters");
            memcpy(marked, dst, written + 1);
        } else {
            memcpy(marked, dst, written + 1);
        }
        tx_key(&results, "out", "");
        tx_add(&results, "%.*s", (int)written, marked);
        free(marked);
    }
    free(dst);
}

/* mv_tobytes into exactly cap bytes. */
static void run_tobytes(mv_view v, size_t cap)
{
    size_t written;
    if (cap > MAX_BUF) {
        bad("capacity above %u", MAX_BUF);
        return;
    }
    uint8_t *dst = caller_buffer(cap);
    memset(&written, MVT_SENTINEL, sizeof written);
    mv_status st = mv_tobytes(v, dst, cap, &written);
    if (st != MV_OK && cap && !mvt_is_sentinel(dst, cap))
        fail("a failed mv_tobytes wrote to dst");
    if (put_status(st, &written, sizeof written)) {
        if (written > cap) {
            fail("mv_tobytes wrote %zu bytes into %zu", written, cap);
        } else {
            put_size("value", written);
            tx_key(&results, "bytes", "");
            tx_hex(&results, dst, written);
            if (cap > written && !mvt_is_sentinel(dst + written, cap - written))
                fail("mv_tobytes wrote past the items");
        }
    }
    free(dst);
}

/* The operations whose result is one view. */
static mv_status view_op(const call *op, bool has_w, mv_view v, mv_view w, mv_view *r)
{
    const mv_view *chars = has_w ? &w : NULL;
    switch (op->id) {
    case OP_REMOVEPREFIX: return mv_removeprefix(v, w, r);
    case OP_REMOVESUFFIX: return mv_removesuffix(v, w, r);
    case OP_STRIP:        return mv_strip(v, chars, r);
    case OP_LSTRIP:       return mv_lstrip(v, chars, r);
    case OP_RSTRIP:       return mv_rstrip(v, chars, r);
    case OP_SLICE:        return mv_slice(v, op->p[0], op->p[1], op->p[2], r);
    case OP_SUB:          return mv_sub(v, op->z[0], op->z[1], r);
    case OP_BUFFER:       return mv_buffer(v, op->z[0], op->p[1], r);
    case OP_TOREADONLY:   return mv_toreadonly(v, r);
    default: {
        /* advance: the view itself moves, or on failure does not */
        mv_view was;
        MVT_COPY(was, v);
        MVT_COPY(*r, v);
        mv_status st = mv_advance(r, op->z[0]);
        if (st != MV_OK && !mvt_same_view(r, &was))
            fail("a failed mv_advance changed the view");
        if (st != MV_OK)
            MVT_FILL(*r);
        return st;
    }
    }
}

/* Runs a view case's operation and writes its results; returns whether
 * the base belongs to them (a write that succeeded). */
static bool run_op(vcase *c, mv_view v, mv_view w)
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
    case OP_RSTRIP:
        if (put_status(view_op(op, c->has_w, v, w, &r), &r, sizeof r)) {
            put_view(c, r, "", true);
            /* memview's rule where CPython has none: a slice of fewer than
             * two items has stride 1. */
            if (op->id == OP_SLICE && mv_len(r) <= 1 && mv_stride(r) != 1)
                fail("mv_stride of a slice of %zu items: got %td, want 1", mv_len(r), mv_stride(r));
        }
        return false;
    case OP_SPLIT:
        MVT_FILL(views);
        if (put_status(mv_split(v, op->z[0], &views[0], &views[1]), views, sizeof views)) {
            put_view(c, views[0], "", true);
            put_view(c, views[1], "2", false);
            same_flag(views[0], views[1], "tail");
        }
        return false;
    case OP_RELEASE:
        r = v;
        if (put_status(mv_release(&r), NULL, 0)) {
            check_released(r);
            put_int("released", r.released);
        }
        return false;
    case OP_GET:
        if (put_status(mv_get(v, op->p[0], &byte), &byte, 1))
            put_int("value", byte);
        return false;
    case OP_SET:
        return put_status(mv_set(v, op->p[0], op->b[1]), NULL, 0);
    case OP_FILL:
        return put_status(mv_fill(v, op->b[0]), NULL, 0);
    case OP_ASSIGN:
        return put_status(mv_assign(v, w), NULL, 0);
    case OP_TOBYTES:
        run_tobytes(v, op->z[0]);
        return false;
    case OP_HEX:
        run_hex(v, op->b[0], op->p[1], op->z[2]);
        return false;
    case OP_INDEX:
    case OP_RINDEX: {
        mv_status st = op->id == OP_INDEX ? mv_index(v, op->b[0], op->p[1], op->p[2], &pos)
                                          : mv_rindex(v, op->b[0], op->p[1], op->p[2], &pos);
        if (put_status(st, &pos, sizeof pos))
            put_size("value", pos);
        return false;
    }
    case OP_FIND:
    case OP_RFIND:
        if (put_status(op->id == OP_FIND ? mv_find(v, w, &pos) : mv_rfind(v, w, &pos), &pos,
                       sizeof pos))
            put_size("value", pos);
        return false;
    case OP_STARTSWITH:
        put_int("value", mv_startswith(v, w));
        return false;
    case OP_ENDSWITH:
        put_int("value", mv_endswith(v, w));
        return false;
    case OP_FROMHEX_SIZE:
        if (put_status(mv_fromhex_size(v, &pos), &pos, sizeof pos))
            put_size("size", pos);
        return false;
    case OP_FROMHEX:
        run_fromhex(v, op->z[0], op->b[1]);
        return false;
    case OP_PARTITION:
    case OP_RPARTITION:
        run_partition(c, v, w, op->id == OP_RPARTITION);
        return false;
    case OP_SPLIT_NEXT:
        run_split_next(v, w);
        return false;
    case OP_COUNT:
        put_size("value", mv_count(v, op->b[0]));
        return false;
    case OP_EQUAL:
        put_int("value", mv_equal(v, w));
        return false;
    case OP_CT_EQUAL:
        put_int("value", mv_ct_equal(v, w));
        return false;
    default:
        put_int("value", mv_compare(v, w));
        return false;
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


/* A read's value in decimal, negative for a signed read below zero (a
 * static buffer). */
static const char *i128_text(mvt_i128 v)
{
    static char digits[48];
    if (v < 0)
        snprintf(digits, sizeof digits, "-%" PRIu64, (uint64_t)(-(v + 1)) + 1);
    else
        snprintf(digits, sizeof digits, "%" PRIu64, (uint64_t)v);
    return digits;
}

/* One cursor operation: its result word ("STATUS" or "STATUS:VALUE") onto
 * res, the rules checked on the spot.  Returns whether it was a write that
 * succeeded. */
static bool run_cursor_op(vcase *c, size_t k, mv_view *cur, mv_view w, strbuf *res, uint8_t *before,
                          uint8_t *touched)
{
    const call *op = &c->ops[k];
    const char *name = cursor_specs[op->id].name;
    int_op k_int = { 0, 0, false, false };
    bool is_int = int_op_of(op, &k_int);
    mv_view was, view;
    MVT_COPY(was, *cur);
    MVT_FILL(view);
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
            bad("%s of a value wider than its parameter", name);
            return false;
        }
        consumed = k_int.width;
        writes = true;
        st = cursor_write(op->id, cur, op->u[0]);
    } else if (op->id == CU_READ_VIEW) {
        consumed = op->z[0];
        st = mv_read_view(cur, op->z[0], &view);
    } else if (op->id == CU_READ_BYTES) {
        consumed = op->z[0];
        /* Exactly n bytes when n is reasonable; a short buffer otherwise,
         * for a call that must fail before writing (no cursor holds more
         * than MAX_BUF items; the sanitizer would see a write). */
        dcap = consumed <= MAX_BUF ? consumed : 16;
        dst = caller_buffer(dcap);
        st = mv_read_bytes(cur, dst, consumed);
    } else {
        consumed = mv_len(w);
        writes = true;
        st = mv_write_view(cur, w);
    }
    tx_add(res, "%s%s", k ? "," : "", status_word(st));
    if (st != MV_OK) {
        /* A failure changes nothing. */
        if (!mvt_same_view(cur, &was))
            fail("op %zu (%s): a failure moved the cursor", k + 1, name);
        if (c->n && memcmp(c->base, before, c->n) != 0)
            fail("op %zu (%s): a failure wrote the base", k + 1, name);
        if (!mvt_is_sentinel(o.raw, sizeof o.raw) || !mvt_is_sentinel(&view, sizeof view) ||
            (dcap && !mvt_is_sentinel(dst, dcap)))
            fail("op %zu (%s): a failure wrote its output", k + 1, name);
        free(dst);
        return false;
    }
    /* The cursor is the old one less its first `consumed` items. */
    size_t left = mv_len(was) - consumed;
    bool moved = consumed <= mv_len(was) && mv_len(*cur) == left && mv_is_valid(*cur) &&
                 mv_stride(*cur) == mv_stride(was) && mv_readonly(*cur) == mv_readonly(was) &&
                 mv_data(*cur) == (left ? mv_data(was) + (ptrdiff_t)consumed * mv_stride(was) : NULL);
    if (!moved)
        fail("op %zu (%s): the cursor is not the old one less %zu items", k + 1, name, consumed);
    /* Only the consumed items may change, and only by a write. */
    if (c->n && moved) {
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
        size_t size = k_int.bits / 8;
        tx_add(res, ":%s", i128_text(out_value(&k_int, &o)));
        if (!mvt_is_sentinel(o.raw + size, sizeof o.raw - size))
            fail("op %zu (%s): wrote past its output", k + 1, name);
    } else if (op->id == CU_READ_VIEW) {
        bool shape = mv_len(view) == consumed && mv_is_valid(view) &&
                     mv_readonly(view) == mv_readonly(was) &&
                     mv_data(view) == (consumed ? mv_data(was) : NULL) &&
                     mv_stride(view) == mv_stride(was);
        if (!shape)
            fail("op %zu (read_view): the view is not the cursor's first %zu items", k + 1,
                 consumed);
        tx_add(res, ":");
        tx_items(res, view);
    } else if (op->id == CU_READ_BYTES) {
        if (consumed > dcap)
            fail("op %zu (read_bytes): %zu bytes read from a cursor of %zu items", k + 1,
                 consumed, mv_len(was));
        tx_add(res, ":");
        tx_hex(res, dst, consumed <= dcap ? consumed : 0);
    }
    free(dst);
    return writes;
}

/* A cursor case: res, then the cursor at the end.  Returns whether a write
 * succeeded (the base then belongs to the results). */
static bool run_cursor(vcase *c, mv_view v, mv_view w)
{
    strbuf res = { 0 };
    tx_clear(&res);
    uint8_t *before = c->n ? malloc(c->n) : NULL, *touched = c->n ? malloc(c->n) : NULL;
    mv_view cur = v;
    bool wrote = false;
    for (size_t k = 0; k < c->nops && !is_bad; k++)
        wrote |= run_cursor_op(c, k, &cur, w, &res, before, touched);
    free(before);
    free(touched);
    tx_key(&results, "res", "");
    tx_add(&results, "%s", res.s);
    tx_free(&res);
    if (cur.released) {
        check_released(cur);
        put_int("released", 1);
    } else {
        put_view(c, cur, "", true);
    }
    return wrote;
}

/* A view or cursor case: parse, set up, run, write the results. */
static void run_case(char *line)
{
    static vcase c;
    memset(&c, 0, sizeof c);
    const char *reason = parse_case(line, &c);
    if (reason != NULL) {
        bad("%s", reason);
    } else {
        c.orig = c.n ? malloc(c.n) : NULL;
        if (c.n)
            memcpy(c.orig, c.base, c.n);
        mv_view v, w;
        MVT_FILL(w);
        if (make_view(c.base, c.n, c.v, c.nv, &v, "v") &&
            (!c.has_w || make_view(c.base, c.n, c.w, c.nw, &w, "w"))) {
            bool wrote = c.is_cursor ? run_cursor(&c, v, w) : run_op(&c, v, w);
            /* The base changes only by a write that succeeded, and is then
             * part of the results. */
            if (wrote) {
                tx_key(&results, "base", "");
                tx_hex(&results, c.base, c.n);
            } else if (c.n && memcmp(c.base, c.orig, c.n) != 0) {
                fail("the base changed");
            }
        }
        free(c.orig);
    }
    free(c.base);
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
/* Whether a step would have the allocator find more than MAX_BUF bytes
 * (n: the size asked for, or for append the source's length).  The
 * vectors never ask that of a real allocator, and a driver must not die
 * of an input: such a step is refused as bad input instead of run.  A
 * size past PTRDIFF_MAX, a locked buffer and a length plus room past
 * PTRDIFF_MAX are refused by the library before it allocates. */
static bool seq_too_big(const seqstate *q, int bi, const char *name, size_t n)
{
    const mv_buf *b = &q->bufs[bi];
    bool growable = q->made[bi] && b->exports == 0 && !b->spare;
    if (strcmp(name, "init") == 0)
        return n > MAX_BUF && n <= (size_t)PTRDIFF_MAX;
    if (strcmp(name, "resize") == 0)
        return growable && n > MAX_BUF && n <= (size_t)PTRDIFF_MAX;
    if (strcmp(name, "reserve") == 0 || strcmp(name, "spare") == 0 ||
        strcmp(name, "append") == 0)
        return growable && n <= (size_t)PTRDIFF_MAX - b->len && b->len + n > MAX_BUF;
    return false;
}

/* "NAME BUF ARGS...": runs one step and writes its results to res
 * ("status=S", then "len=N exports=N bytes=HEX" once the buffer is made).
 * Returns false when the step cannot be run as written. */
static bool run_seq_step(seqstate *q, char *line, size_t k, strbuf *res)
{
    char *words[8];
    size_t nw = split(line, ' ', words, 8);
    int bi = nw >= 2 ? buf_index(words[1]) : -1;
    if (nw < 2 || bi < 0) {
        bad("step %zu: no buffer named", k);
        return false;
    }

    const char *name = words[0];
    mv_buf *b = &q->bufs[bi];
    uint8_t *lit = NULL;
    mv_view src;
    int si = -1;
    size_t n = 0;
    const char *why = NULL;
    /* Arguments, and the set-up each step needs. */
    if (strcmp(name, "init") == 0 || strcmp(name, "resize") == 0 ||
        strcmp(name, "reserve") == 0 || strcmp(name, "consume") == 0) {
        if (nw != 3 || !parse_size(words[2], &n))
            why = "bad size";
        else if (seq_too_big(q, bi, name, n))
            why = "a size the allocator would really have to find";
    } else if (strcmp(name, "from") == 0 || strcmp(name, "append") == 0) {
        if (nw != 3 || !seq_source(q, words[2], &src, &lit))
            why = "bad source";
        else if (name[0] == 'a' && seq_too_big(q, bi, name, mv_len(src)))
            why = "a buffer longer than the vectors allow";
    } else if (strcmp(name, "spare") == 0 || strcmp(name, "commit") == 0) {
        si = nw == 4 ? slot_index(words[2]) : -1;
        if (si < 0 || !parse_size(words[3], &n))
            why = "spare and commit take a slot and a size";
        else if (name[0] == 's' && q->used[si] && !q->slots[si].released)
            why = "spare into a live slot would lose its view";
        else if (name[0] == 'c' && (!q->used[si] || !q->spare[si]))
            why = "commit of a slot that holds no spare view";
        else if (seq_too_big(q, bi, name, n))
            why = "a size the allocator would really have to find";
    } else if (strcmp(name, "export") == 0 || strcmp(name, "release") == 0 ||
               strcmp(name, "set") == 0) {
        si = nw >= 3 ? slot_index(words[2]) : -1;
        if (si < 0)
            why = "bad slot";
        else if (name[0] == 'e' && (nw != 4 || (strcmp(words[3], "ro") && strcmp(words[3], "rw"))))
            why = "export needs ro or rw";
        else if (name[0] == 'e' && q->used[si] && !q->slots[si].released)
            why = "export into a live slot would lose its view";
        else if (name[0] != 'e' && !q->used[si])
            why = "an empty slot";
        else if (name[0] == 'r' && nw != 3)
            why = "release takes a slot";
    } else if ((strcmp(name, "free") != 0 && strcmp(name, "clear") != 0 &&
                strcmp(name, "wipe") != 0) || nw != 2) {
        why = "unknown step";
    }
    if (why == NULL && (name[0] == 'i' || name[0] == 'f') && strcmp(name, "free") != 0 &&
        q->made[bi] && (b->cap > 0 || b->exports > 0))
        why = "init or from would lose a block or exports";
    if (why == NULL && strcmp(name, "init") != 0 && strcmp(name, "from") != 0 && !q->made[bi])
        why = "a step on a buffer not made yet";
    ptrdiff_t index = 0;
    uint8_t byte = 0;
    if (why == NULL && strcmp(name, "set") == 0 &&
        (nw != 5 || !parse_ptrdiff(words[3], false, &index) || !parse_byte(words[4], &byte)))
        why = "set needs an index and a byte";
    if (why != NULL) {
        bad("step %zu: %s", k, why);
        free(lit);
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

    tx_key(res, "status", "");
    tx_add(res, "%s", status_word(st));
    if (st != MV_OK) {
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
    if (q->made[bi]) {
        tx_add(res, " len=%zu exports=%zu bytes=", mv_buf_len(b), mv_buf_exports(b));
        tx_hex(res, (const uint8_t *)b->data, b->len);
    }
    free(lit);
    return true;
}
static void seq_cleanup(seqstate *q)
{
    bool failing = case_failures > 0 || is_bad;
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

/* "seq STEP | STEP | ...": each step's results, joined by " | ". */
static void run_seq(char *line)
{
    static seqstate q;
    memset(&q, 0, sizeof q);
    memset(q.bufs, MVT_SENTINEL, sizeof q.bufs);
    char *steps[MAX_SEQ];
    size_t ns = 0;
    for (char *p = line;;) {
        if (ns == MAX_SEQ) {
            bad("more than %d steps", MAX_SEQ);
            return;
        }
        steps[ns++] = p;
        char *bar = strstr(p, " | ");
        if (bar == NULL)
            break;
        *bar = '\0';
        p = bar + 3;
    }
    strbuf res = { 0 };
    for (size_t i = 0; i < ns; i++) {
        tx_clear(&res);
        if (!run_seq_step(&q, steps[i], i + 1, &res))
            break;
        tx_add(&results, "%s%s", i ? " | " : "", res.s);
    }
    tx_free(&res);
    seq_cleanup(&q);
}

/* ------------------------------------------------------------ I/O cases */

/* The five loops of memview/io.h. */
enum io_id { IO_SEND_ALL, IO_SENDV_ALL, IO_RECV_INTO, IO_RECV_ALL, IO_RECVV_ALL };

static const spec io_specs[] = {
    [IO_SEND_ALL] = { "send_all", "" },    [IO_SENDV_ALL] = { "sendv_all", "" },
    [IO_RECV_INTO] = { "recv_into", "z" }, [IO_RECV_ALL] = { "recv_all", "z" },
    [IO_RECVV_ALL] = { "recvv_all", "" },
};

/* The transports of the vectored loops: all four functions, or send and
 * recv only (sendv and recvv NULL: view by view). */
enum transport_id { T_VEC, T_PLAIN };
static const char *const transport_words[] = { "vec", "plain" };

typedef struct iocase {
    uint8_t *base;         /* exactly n bytes, every view is cut from it */
    size_t n;
    call chains[MAX_VIEWS][MAX_STEPS];
    size_t nsteps[MAX_VIEWS], nviews;
    call op;
    uint8_t transport;     /* enum transport_id */
    uint8_t *script, *input;
    size_t script_len, input_len, cap, rounds;
    bool has_buf, has_v, has_views, has_op, has_t, has_script, has_cap, has_input, has_rounds;
} iocase;

static bool io_sending(const iocase *c)
{
    return c->op.id == IO_SEND_ALL || c->op.id == IO_SENDV_ALL;
}

static bool io_vectored(const iocase *c)
{
    return c->op.id == IO_SENDV_ALL || c->op.id == IO_RECVV_ALL;
}

/* "none" (no view) or "CHAIN;CHAIN;...". */
static bool parse_views(char *s, iocase *c)
{
    c->nviews = 0;
    if (strcmp(s, "none") == 0)
        return true;
    char *parts[MAX_VIEWS];
    size_t count = split(s, ';', parts, MAX_VIEWS);
    if (count == 0)
        return false;
    for (size_t i = 0; i < count; i++)
        if (!parse_chain(parts[i], c->chains[i], &c->nsteps[i]))
            return false;
    c->nviews = count;
    return true;
}

static bool parse_hex_field(const char *s, uint8_t **out, size_t *len)
{
    return strncmp(s, "hex:", 4) == 0 && parse_hex(s + 4, out, len);
}

/* Whether key is name, seen for the first time. */
static bool first_of(const char *key, const char *name, bool *seen)
{
    if (strcmp(key, name) != 0 || *seen)
        return false;
    *seen = true;
    return true;
}

/* One "key=value" of an I/O case; false when it is malformed, unknown or
 * repeated. */
static bool parse_io_field(const char *key, char *val, iocase *c)
{
#define IO_FIELD(name, flag) first_of(key, name, &c->flag)
    if (IO_FIELD("buf", has_buf))
        return parse_buffer(val, &c->base, &c->n);
    if (IO_FIELD("v", has_v)) {
        c->nviews = 1;
        return parse_chain(val, c->chains[0], &c->nsteps[0]);
    }
    if (IO_FIELD("views", has_views))
        return parse_views(val, c);
    if (IO_FIELD("op", has_op))
        return parse_call(val, io_specs, sizeof io_specs / sizeof io_specs[0], &c->op);
    if (IO_FIELD("t", has_t))
        return parse_word(val, transport_words, 2, &c->transport);
    if (IO_FIELD("script", has_script))
        return parse_hex_field(val, &c->script, &c->script_len);
    if (IO_FIELD("cap", has_cap))
        return parse_size(val, &c->cap) && c->cap <= MAX_BUF;
    if (IO_FIELD("input", has_input))
        return parse_hex_field(val, &c->input, &c->input_len);
    if (IO_FIELD("rounds", has_rounds))
        return parse_size(val, &c->rounds) && c->rounds >= 1 && c->rounds <= MAX_ROUNDS;
    return false;
#undef IO_FIELD
}

/* "buf=... v=...|views=... op=... [t=...] script=... cap=...|input=...
 * rounds=..."; returns a reason on failure. */
static const char *parse_io(char *line, iocase *c)
{
    char *words[MAX_WORDS];
    size_t n = split(line, ' ', words, MAX_WORDS);
    if (n == 0)
        return "too many fields";
    for (size_t i = 0; i < n; i++) {
        char *eq = strchr(words[i], '=');
        if (eq == NULL)
            return "a field without =";
        *eq = '\0';
        if (!parse_io_field(words[i], eq + 1, c))
            return "a bad, unknown or repeated field";
    }
    if (!c->has_buf || !c->has_op || !c->has_script || !c->has_rounds)
        return "missing buf, op, script or rounds";
    if (io_vectored(c) ? !c->has_views || c->has_v || !c->has_t : !c->has_v || c->has_views || c->has_t)
        return "views= and t= go with sendv_all and recvv_all, v= with the others";
    if (io_sending(c) ? !c->has_cap || c->has_input : !c->has_input || c->has_cap)
        return "cap= goes with the sends, input= with the receives";
    return NULL;
}

/* The bytes left to move: the views' lengths (a released view has none). */
static size_t io_left(const mv_view *views, size_t count)
{
    size_t total = 0;
    for (size_t i = 0; i < count; i++)
        total += mv_len(views[i]);
    return total;
}

static mv_status io_call(const iocase *c, const mv_transport *t, const mv_view *views,
                         size_t count, size_t *moved)
{
    switch (c->op.id) {
    case IO_SEND_ALL:  return mv_send_all(t, views[0], moved);
    case IO_SENDV_ALL: return mv_sendv_all(t, views, count, moved);
    case IO_RECV_INTO: return mv_recv_into(t, views[0], c->op.z[0], moved);
    case IO_RECV_ALL:  return mv_recv_all(t, views[0], c->op.z[0], moved);
    default:           return mv_recvv_all(t, views, count, moved);
    }
}

/* What a caller resumes with: the views less the first n bytes moved.  A
 * single view is advanced (to empty, if need be); from a list, the views
 * wholly moved are dropped and the one the count falls in is advanced. */
static void io_advance(mv_view *views, size_t *first, size_t count, size_t n, bool single)
{
    if (single && n > 0 && mv_advance(&views[0], n) != MV_OK)
        fail("mv_advance by the count moved failed");
    while (!single && n > 0 && *first < count) {
        size_t len = mv_len(views[*first]);
        if (n >= len) {
            n -= len;
            (*first)++;
        } else {
            if (mv_advance(&views[*first], n) != MV_OK)
                fail("mv_advance by the count moved failed");
            n = 0;
        }
    }
}

/* Calls fn(c, at, k, arg) for each base byte at of the first n bytes of
 * the views (k: its place among them); stops early when fn says so. */
static void io_each_byte(const iocase *c, const mv_view *views, size_t count, size_t n,
                         bool (*fn)(const iocase *c, size_t at, size_t k, void *arg), void *arg)
{
    for (size_t i = 0, k = 0; i < count && k < n; i++) {
        size_t take = mv_len(views[i]) < n - k ? mv_len(views[i]) : n - k;
        if (take == 0)
            continue;
        size_t at = (size_t)(mv_data(views[i]) - c->base);
        for (size_t j = 0; j < take; j++)
            if (!fn(c, at + j, k + j, arg))
                return;
        k += take;
    }
}

/* Counts a byte's writes (1, or 2 for more). */
static bool io_mark(const iocase *c, size_t at, size_t k, void *arg)
{
    (void)c;
    (void)k;
    uint8_t *mark = arg;
    mark[at] = mark[at] ? 2 : 1;
    return true;
}

/* The byte is the k-th input byte served by the call (arg: where it began). */
static bool io_is_served(const iocase *c, size_t at, size_t k, void *arg)
{
    size_t served = *(const size_t *)arg;
    if (c->base[at] == c->input[served + k])
        return true;
    fail("received byte %zu is not the input's", k);
    return false;
}

/* A receive of n bytes wrote the first n bytes of the views and nothing
 * else of the base; when no two views share a byte, those are the input
 * bytes served, in order. */
static void io_check_received(const iocase *c, const mv_view *views, size_t count, size_t n,
                              const uint8_t *before, uint8_t *mark, size_t served)
{
    if (c->n == 0 || n == 0)
        return;
    for (size_t i = 0; i < count; i++)
        if (!mv_contiguous(views[i])) {
            fail("bytes received into a view that is not contiguous");
            return;
        }
    memset(mark, 0, c->n);
    io_each_byte(c, views, count, n, io_mark, mark);
    bool apart = true;
    for (size_t i = 0; i < c->n; i++) {
        apart &= mark[i] <= 1;
        if (!mark[i] && c->base[i] != before[i]) {
            fail("a receive wrote base byte %zu, outside the bytes it counts", i);
            return;
        }
    }
    if (apart)
        io_each_byte(c, views, count, n, io_is_served, &served);
}

/* The rules of one call: a refusal makes no transport call and moves
 * nothing; the count is the simulator's; a send leaves the base alone. */
static bool io_check_call(const iocase *c, mv_status st, size_t moved, size_t left,
                          const mv_sim *sim, const mv_sim *was, size_t round)
{
    bool refused = st == MV_ERELEASED || st == MV_EREADONLY || st == MV_ENOTCONTIG ||
                   st == MV_ERANGE || st == MV_EOVERFLOW;
    if (moved > left) {
        fail("round %zu: %zu bytes moved of %zu", round, moved, left);
        return false;
    }
    if (refused && (moved != 0 || mv_sim_calls(sim) != mv_sim_calls(was)))
        fail("round %zu: a refusal (%s) moved bytes or called the transport", round,
             status_word(st));
    size_t done = io_sending(c) ? mv_sim_sent(sim) - mv_sim_sent(was)
                                : mv_sim_served(sim) - mv_sim_served(was);
    if (done != moved) {
        fail("round %zu: the simulator moved %zu bytes, the count says %zu", round, done, moved);
        return false;
    }
    return true;
}

/* An I/O case: the loop called up to `rounds` times on a simulator
 * following the script, each call resuming with what is left after one
 * that answered MV_EAGAIN, or MV_OK having moved bytes; then the calls'
 * results, the transport calls made, and what the peer got (sends) or the
 * base (receives). */
static void run_io(char *line)
{
    static iocase c;
    memset(&c, 0, sizeof c);
    const char *reason = parse_io(line, &c);
    mv_view views[MAX_VIEWS];
    for (size_t i = 0; reason == NULL && i < c.nviews; i++)
        if (!make_view(c.base, c.n, c.chains[i], c.nsteps[i], &views[i], "a view"))
            reason = bad_reason;
    if (reason != NULL) {
        bad("%s", reason);
        free(c.base);
        free(c.script);
        free(c.input);
        return;
    }
    bool sending = io_sending(&c), single = !io_vectored(&c);
    uint8_t *sent = sending ? caller_buffer(c.cap) : NULL;
    uint8_t *before = c.n ? malloc(c.n) : NULL, *mark = c.n ? malloc(c.n) : NULL;
    mv_sim sim;
    if (mv_sim_init(&sim, c.script, c.script_len, sent, sending ? c.cap : 0, c.input,
                    c.input_len) != MV_OK)
        bad("the simulator refused its buffers");
    mv_transport t = mv_sim_transport(&sim);
    if (c.transport == T_PLAIN) {
        t.sendv = NULL;
        t.recvv = NULL;
    }
    strbuf res = { 0 };
    tx_clear(&res);
    size_t first = 0;
    for (size_t r = 1; !is_bad && r <= c.rounds; r++) {
        mv_view *rest = views + first;
        size_t count = c.nviews - first, left = io_left(rest, count), moved;
        mv_sim was = sim;
        if (c.n)
            memcpy(before, c.base, c.n);
        memset(&moved, MVT_SENTINEL, sizeof moved);
        errno = 0;
        mv_status st = io_call(&c, &t, rest, count, &moved);
        int err = errno;
        tx_add(&res, "%s%s:%zu", r > 1 ? "," : "", status_word(st), moved);
        if (st == MV_ESYS)
            tx_add(&res, ":%d", err);
        if (!io_check_call(&c, st, moved, left, &sim, &was, r))
            break;
        if (!sending)
            io_check_received(&c, rest, count, moved, before, mark, mv_sim_served(&was));
        else if (c.n && memcmp(c.base, before, c.n) != 0)
            fail("round %zu: a send wrote the base", r);
        io_advance(views, &first, c.nviews, moved, single);
        bool resumes = st == MV_EAGAIN || (st == MV_OK && moved > 0);
        if (!resumes || io_left(views + first, c.nviews - first) == 0)
            break;
    }
    tx_key(&results, "res", "");
    tx_add(&results, "%s", res.s);
    put_size("calls", mv_sim_calls(&sim));
    if (sending) {
        size_t n = mv_sim_sent(&sim);
        tx_key(&results, "peer", "");
        tx_hex(&results, sent, n);
        if (n < c.cap && !mvt_is_sentinel(sent + n, c.cap - n))
            fail("the simulator's sent buffer was written past what it counts");
    } else {
        tx_key(&results, "base", "");
        tx_hex(&results, c.base, c.n);
    }
    tx_free(&res);
    free(sent);
    free(before);
    free(mark);
    free(c.base);
    free(c.script);
    free(c.input);
}

/* ------------------------------------------------------------- answers */

/* The results of one case, given as the protocol's input line (a vector
 * line without its expected results), into results. */
static void answer(char *input)
{
    tx_clear(&results);
    case_failures = 0;
    is_bad = false;
    first_rule[0] = '\0';
    if (input[0] == '\0')
        bad("an empty line");
    else if (strncmp(input, "seq ", 4) == 0)
        run_seq(input + 4);
    else if (strncmp(input, "io ", 3) == 0)
        run_io(input + 3);
    else
        run_case(input);
    if (is_bad) {
        tx_clear(&results);
        tx_add(&results, "error %s", bad_reason);
    } else if (port_mode && case_failures > 0) {
        tx_clear(&results);
        tx_add(&results, "error memview broke a rule: %s", first_rule);
    }
}

/* A vector line as the protocol's input and the answer it expects: a view,
 * cursor or I/O case is split at " => "; each step of a sequence loses its
 * " => RESULTS", and the results are joined by " | " in order.  Returns a
 * reason when expected results are missing where they belong. */
static const char *split_vector(char *line, strbuf *input, strbuf *want)
{
    tx_clear(input);
    tx_clear(want);
    bool seq = strncmp(line, "seq ", 4) == 0;
    char *p = line;
    if (seq) {
        tx_add(input, "seq ");
        p += 4;
    }
    for (size_t k = 0;; k++) {
        char *bar = seq ? strstr(p, " | ") : NULL;
        if (bar != NULL)
            *bar = '\0';
        char *arrow = strstr(p, " => ");
        if (arrow == NULL)
            return "no \" => \" before the expected results";
        *arrow = '\0';
        tx_add(input, "%s%s", k ? " | " : "", p);
        tx_add(want, "%s%s", k ? " | " : "", arrow + 4);
        if (bar == NULL)
            return NULL;
        p = bar + 3;
    }
}

/* Where the answer first differs from the expected one (the words there),
 * then the whole answer. */
static void show_difference(const char *want, const char *got)
{
    size_t at = 0;
    while (want[at] != '\0' && want[at] == got[at])
        at++;
    while (at > 0 && want[at - 1] != ' ')
        at--;
    int wn = (int)strcspn(want + at, " "), gn = (int)strcspn(got + at, " ");
    printf("  first difference: want %.*s, got %.*s\n", wn < 100 ? wn : 100, want + at,
           gn < 100 ? gn : 100, got + at);
    printf("  got: %s\n", got);
}

/* Check mode: one vector line; returns whether it passed. */
static bool check_line(char *line)
{
    static strbuf input, want;
    case_failures = 0;
    const char *reason = split_vector(line, &input, &want);
    if (reason != NULL) {
        if (show_case())
            printf("  bad vector: %s\n", reason);
        return false;
    }
    answer(input.s);
    if (strcmp(results.s, want.s) != 0 && show_case())
        show_difference(want.s, results.s);
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


/* Port mode: one answer line per input line, flushed at once. */
static int port_main(void)
{
    port_mode = true;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, stdin)) >= 0) {
        if (n > 0 && line[n - 1] == '\n')
            line[n - 1] = '\0';
        answer(line);
        printf("%s\n", results.s);
        fflush(stdout);
    }
    free(line);
    tx_free(&results);
    return 0;
}

int main(int argc, char **argv)
{
    unsigned long passed = 0, failed = 0;
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc == 2 && strcmp(argv[1], "--port") == 0)
        return port_main();
    mvt_start_watchdog(240);
    if (argc < 2) {
        printf("usage: %s FILE... | --port\n", argv[0]);
        return 2;
    }
    for (int a = 1; a < argc; a++) {
        size_t len;
        char *contents = read_file(argv[a], &len);
        if (contents == NULL) {
            printf("MISMATCH %s: cannot read: %s\n", argv[a], strerror(errno));
            failed++;
            continue;
        }
        cur_file = argv[a];
        char *line = contents;
        for (cur_line = 1; line < contents + len; cur_line++) {
            char *end = strchr(line, '\n');
            if (end != NULL)
                *end = '\0';
            if (line[0] != '\0' && line[0] != '#') {
                char *copy = strdup(line);
                cur_text = copy;
                if (check_line(line))
                    passed++;
                else
                    failed++;
                free(copy);
            }
            if (end == NULL)
                break;
            line = end + 1;
        }
        free(contents);
    }
    tx_free(&results);
    if (shown > MAX_SHOWN)
        printf("(%lu failing cases not shown)\n", shown - MAX_SHOWN);
    printf("%lu passed, %lu failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
