/*
 * replay.c — runs conformance vectors against the library.
 *
 *   replay FILE...
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
 * capacity passed, so the sanitizers see any write past it.
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
 * 'b' byte. */
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
    OP_INDEX, OP_COUNT, OP_FIND,
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
    [OP_FIND] = { "find", "" },
};

typedef struct call {
    int id;            /* index into its spec table */
    ptrdiff_t p[3];    /* 'p' and 'i' arguments */
    size_t z[3];       /* 'z' arguments */
    uint8_t b[3];      /* 'b' arguments */
} call;

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
    mv_status status;
    ptrdiff_t value, stride, stride2;
    size_t size, len, off, len2, off2;
    bool released, ro;
    uint8_t *bytes, *bytes2, *base;
    size_t nbytes, nbytes2, nbase;
    const char *out;
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
    if (strcmp(k, "base") == 0) { ONCE(e->has_base); return parse_hex(v, &e->base, &e->nbase); }
    if (strcmp(k, "out") == 0) { ONCE(e->has_out); e->out = v; return parse_out(v); }
    return false;
}

static void free_expect(expect *e)
{
    free(e->bytes);
    free(e->bytes2);
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
    expect e;
} vcase;

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
        } else {
            return "unknown or repeated field";
        }
    }
    if (!seen_buf || !seen_v || !seen_op || !in_expect)
        return "missing buf, v, op or =>";
    bool two = c->op.id == OP_ASSIGN || c->op.id == OP_EQUAL || c->op.id == OP_COMPARE ||
               c->op.id == OP_CT_EQUAL || c->op.id == OP_FIND;
    if (two != c->has_w)
        return "w= given to a one-view op or missing for a two-view op";
    return NULL;
}

/* Applies a chain to the whole writable view of the base; every step must
 * succeed (chains are set-up). */
static bool make_view(vcase *c, const call *steps, size_t n, mv_view *out, const char *which)
{
    mv_view v, r, t;
    mv_status st = mv_from(c->base, c->n, &v);
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
    if (st != MV_OK) {
        fail("set-up of %s: mv_from failed with %s", which, mvt_status_name(st));
        return false;
    }
    *out = v;
    return true;
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
    case OP_ADVANCE: {
        mv_status st;
        if (op->id == OP_SLICE)
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
                if (run_case(line))
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
