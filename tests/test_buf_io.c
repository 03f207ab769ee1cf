/*
 * test_buf_io.c — mv_buf_recv: one receive from a transport into an owner
 * buffer's spare capacity, against the simulated socket of memview_sim.h.
 *
 * Expected results come from the documentation alone: memview_sim.h says
 * how many bytes one call moves (min of the script's count, the room asked
 * and the input left) and what it fails with; memview/io.h says what
 * mv_buf_recv makes of it.  Bytes received are compared with the
 * simulator's input, never with the buffer's own answer.  Every status is
 * checked in the documented order, and every failure to change what the
 * header says it does not change: before the receive, the buffer struct
 * byte for byte, its contents, the blocks held and *received; after it,
 * the length, the contents and *received == 0 (the block may have grown).
 * After every call the buffer must be unlocked again: an export and an
 * append succeed.
 */
#include "mv_test.h"
#include "mv_model.h"
#include "mv_alloc.h"

#include <errno.h>

#include "memview_sim.h"

/* ------------------------------------------------------------ helpers */

/* Set-up that must work. */
static void must(mv_status st, const char *what)
{
    if (st != MV_OK) {
        printf("setup: %s failed with %s\n", what, mvt_status_name(st));
        abort();
    }
}

static void *must_alloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (p == NULL) {
        printf("setup: out of memory\n");
        abort();
    }
    return p;
}

/* n deterministic pseudo-random bytes (the peer's data). */
static uint8_t *random_bytes(size_t n)
{
    uint8_t *p = must_alloc(n);
    for (size_t i = 0; i < n; i++)
        p[i] = (uint8_t)mvt_rand();
    return p;
}

static size_t min_size(size_t a, size_t b)
{
    return a < b ? a : b;
}

/* The invariants the header gives the struct, and the getters. */
static bool buf_ok(const mv_buf *b, const char *file, int line)
{
    bool ok = true;
    ok &= mvt_check(b->len <= b->cap, file, line, "b->len <= b->cap");
    ok &= mvt_check(b->cap <= (size_t)PTRDIFF_MAX, file, line, "b->cap <= PTRDIFF_MAX");
    ok &= mvt_check((b->cap == 0) == (b->data == NULL), file, line, "data NULL exactly when cap 0");
    ok &= mvt_check(!b->spare, file, line, "no spare view out");
    ok &= mvt_check_uint(mv_buf_cap(b), b->cap, file, line, "mv_buf_cap(b)");
    ok &= mvt_check_uint(mv_buf_len(b), b->len, file, line, "mv_buf_len(b)");
    return ok;
}

/* The contents are exactly want[0 .. n-1]. */
static bool buf_is(const mv_buf *b, const uint8_t *want, size_t n, const char *file, int line)
{
    if (!buf_ok(b, file, line))
        return false;
    if (!mvt_check_uint(mv_buf_len(b), n, file, line, "mv_buf_len(b)"))
        return false;
    return mvt_check_mem(b->data, want, n, file, line, "contents");
}
#define CHECK_BUF(b, want, n) buf_is((b), (want), (n), __FILE__, __LINE__)

/* A buffer as it was: its struct byte for byte, its contents, and how
 * many blocks the library held. */
typedef struct snap {
    mv_buf b;
    uint8_t *bytes;
    long live;
} snap;

static void take(snap *s, const mv_buf *b)
{
    memcpy(&s->b, b, sizeof *b);
    s->bytes = must_alloc(b->len);
    if (b->len)
        memcpy(s->bytes, b->data, b->len);
    s->live = mvt_alloc.live;
}

static void drop(snap *s)
{
    free(s->bytes);
    s->bytes = NULL;
}

/* Nothing changed: the struct, the contents, the blocks held. */
static bool unchanged(const mv_buf *b, const snap *s, const char *file, int line)
{
    bool ok = mvt_check(memcmp(b, &s->b, sizeof *b) == 0, file, line, "buffer struct unchanged");
    if (ok && b->len)
        ok &= mvt_check_mem(b->data, s->bytes, b->len, file, line, "contents unchanged");
    ok &= mvt_check_int(mvt_alloc.live, s->live, file, line, "blocks held");
    return ok;
}
#define CHECK_UNCHANGED(b, s) unchanged((b), (s), __FILE__, __LINE__)

/* A failed receive: same length and contents (the block may have moved or
 * grown), no export, no spare view out, no block leaked. */
static bool kept(const mv_buf *b, const snap *s, const char *file, int line)
{
    bool ok = buf_ok(b, file, line);
    ok &= mvt_check_uint(b->len, s->b.len, file, line, "length unchanged");
    ok &= mvt_check_uint(b->exports, s->b.exports, file, line, "exports unchanged");
    if (ok && b->len)
        ok &= mvt_check_mem(b->data, s->bytes, b->len, file, line, "contents unchanged");
    ok &= mvt_check_int(mvt_alloc.live, s->live, file, line, "blocks held");
    return ok;
}
#define CHECK_KEPT(b, s) kept((b), (s), __FILE__, __LINE__)

/* The buffer is not locked: an export can be made and released, and one
 * byte can be appended (contents checked). */
static bool unlocked(mv_buf *b, const char *file, int line)
{
    mv_view v;
    bool ok = mvt_check_status(mv_buf_export(b, true, &v), MV_OK, file, line, "mv_buf_export");
    if (ok)
        ok &= mvt_check_status(mv_buf_release(b, &v), MV_OK, file, line, "mv_buf_release");
    size_t len = b->len;
    static const uint8_t one = 0x5C;
    ok &= mvt_check_status(mv_buf_append(b, mvt_from_const(&one, 1)), MV_OK, file, line,
                           "mv_buf_append");
    if (ok)
        ok &= mvt_check(b->len == len + 1 && (uint8_t)b->data[len] == one, file, line,
                        "byte appended");
    return ok;
}
#define CHECK_UNLOCKED(b) unlocked((b), __FILE__, __LINE__)

/* A buffer holding the n bytes at p, with capacity exactly n. */
static void buf_of(mv_buf *b, const uint8_t *p, size_t n)
{
    must(mv_buf_from(b, mvt_from_const(p, n)), "mv_buf_from");
}

static void buf_done(mv_buf *b)
{
    must(mv_buf_free(b), "mv_buf_free");
}

/* A simulated peer: script and input must outlive it; it must not move
 * (the transport points at it). */
typedef struct peer {
    mv_sim sim;
    mv_transport t;
} peer;

static void peer_init(peer *p, const uint8_t *script, size_t script_len, const uint8_t *input,
                      size_t input_len)
{
    must(mv_sim_init(&p->sim, script, script_len, NULL, 0, input, input_len), "mv_sim_init");
    p->t = mv_sim_transport(&p->sim);
}

static const uint8_t hello[] = "hello, world";
#define HELLO_LEN (sizeof hello - 1)

/* A peer that serves everything asked from n random bytes (*input, the
 * caller frees it), and a buffer holding hello. */
static void hello_peer(peer *p, uint8_t **input, size_t n, mv_buf *b)
{
    static const uint8_t script[] = { MV_SIM_ALL };
    *input = random_bytes(n);
    peer_init(p, script, sizeof script, *input, n);
    buf_of(b, hello, HELLO_LEN);
}

/* The peer was never called, and the buffer is not left locked. */
#define nothing_taken(p, b) nothing_taken_at((p), (b), __FILE__, __LINE__)
static void nothing_taken_at(peer *p, mv_buf *b, const char *file, int line)
{
    mvt_check_uint(mv_sim_calls(&p->sim), 0, file, line, "mv_sim_calls == 0");
    mvt_check_uint(mv_sim_served(&p->sim), 0, file, line, "mv_sim_served == 0");
    unlocked(b, file, line);
}

/* ------------------------------------------- refusals before the receive */

static void test_null_pointers(void)
{
    uint8_t *input;
    peer p;
    mv_buf b;
    hello_peer(&p, &input, 64, &b);
    must(mv_buf_reserve(&b, 32), "mv_buf_reserve");
    snap s;
    take(&s, &b);
    size_t n;

    MVT_FILL(n);
    CHECK_ST(mv_buf_recv(NULL, &b, 8, &n), MV_EINVAL);
    CHECK_SENTINEL(&n, sizeof n);
    CHECK_UNCHANGED(&b, &s);

    /* b NULL: nothing to look at but *received and the peer. */
    MVT_FILL(n);
    CHECK_ST(mv_buf_recv(&p.t, NULL, 8, &n), MV_EINVAL);
    CHECK_SENTINEL(&n, sizeof n);

    CHECK_ST(mv_buf_recv(&p.t, &b, 8, NULL), MV_EINVAL);
    CHECK_UNCHANGED(&b, &s);

    /* No recv, though recvv is there: the doc asks for recv. */
    mv_transport no_recv = p.t;
    no_recv.recv = NULL;
    CHECK(no_recv.recvv != NULL);
    MVT_FILL(n);
    CHECK_ST(mv_buf_recv(&no_recv, &b, 8, &n), MV_EINVAL);
    CHECK_SENTINEL(&n, sizeof n);
    CHECK_UNCHANGED(&b, &s);

    /* min_room 0 does not change the order either. */
    MVT_FILL(n);
    CHECK_ST(mv_buf_recv(&no_recv, &b, 0, &n), MV_EINVAL);
    CHECK_SENTINEL(&n, sizeof n);
    CHECK_UNCHANGED(&b, &s);

    /* No receive was attempted. */
    nothing_taken(&p, &b);
    drop(&s);
    buf_done(&b);
    free(input);
}

/* Every mv_buf_recv of rooms[0 .. k-1] is refused with MV_EBUSY, writing
 * nothing, receiving nothing and changing nothing. */
static void refused_busy(peer *p, mv_buf *b, const snap *s, const size_t *rooms, size_t k)
{
    for (size_t i = 0; i < k; i++) {
        size_t n;
        MVT_FILL(n);
        CHECK_ST(mv_buf_recv(&p->t, b, rooms[i], &n), MV_EBUSY);
        CHECK_SENTINEL(&n, sizeof n);
        CHECK_UNCHANGED(b, s);
    }
    CHECK_EQU(mv_sim_calls(&p->sim), 0);
}

/* Once the lock is gone, a receive works again. */
static void receives_again(peer *p, mv_buf *b)
{
    size_t n;
    MVT_FILL(n);
    if (CHECK_ST(mv_buf_recv(&p->t, b, 1, &n), MV_OK))
        CHECK(n >= 1);
}

static void test_busy_export(void)
{
    uint8_t *input;
    peer p;
    mv_buf b;
    hello_peer(&p, &input, 64, &b);
    mv_view e;
    must(mv_buf_export(&b, false, &e), "mv_buf_export");
    snap s;
    take(&s, &b);

    /* Full buffer (would have to grow) and roomy min_room alike. */
    const size_t rooms[] = { 0, 1, 7, 4096 };
    refused_busy(&p, &b, &s, rooms, sizeof rooms / sizeof rooms[0]);
    /* Status order: a NULL pointer first, then the lock before the size. */
    size_t n;
    MVT_FILL(n);
    CHECK_ST(mv_buf_recv(NULL, &b, 1, &n), MV_EINVAL);
    CHECK_SENTINEL(&n, sizeof n);
    refused_busy(&p, &b, &s, (const size_t[]){ SIZE_MAX }, 1);
    /* The export still sees the contents. */
    CHECK_EQU(mv_len(e), HELLO_LEN);

    must(mv_buf_release(&b, &e), "mv_buf_release");
    receives_again(&p, &b);
    drop(&s);
    buf_done(&b);
    free(input);
}

static void test_busy_spare(void)
{
    uint8_t *input;
    peer p;
    mv_buf b;
    hello_peer(&p, &input, 64, &b);
    mv_view sp;
    must(mv_buf_spare(&b, 16, &sp), "mv_buf_spare");
    snap s;
    take(&s, &b);

    const size_t rooms[] = { 0, 1, 16, 4096, SIZE_MAX };
    refused_busy(&p, &b, &s, rooms, sizeof rooms / sizeof rooms[0]);
    /* The spare view is still the buffer's: it can be committed. */
    must(mv_buf_commit(&b, &sp, 0), "mv_buf_commit");
    receives_again(&p, &b);
    drop(&s);
    buf_done(&b);
    free(input);
}

static void test_overflow(void)
{
    static const uint8_t script[] = { MV_SIM_ALL };
    uint8_t *input = random_bytes(16);
    peer p;
    peer_init(&p, script, sizeof script, input, 16);
    const size_t max = (size_t)PTRDIFF_MAX;

    /* Empty (no block) and holding bytes. */
    for (int full = 0; full <= 1; full++) {
        mv_buf b;
        if (full)
            buf_of(&b, hello, HELLO_LEN);
        else
            must(mv_buf_init(&b, 0), "mv_buf_init");
        size_t len = b.len;
        snap s;
        take(&s, &b);
        size_t n;
        const size_t rooms[] = { max - len + 1, max + 1, SIZE_MAX, SIZE_MAX - len };
        for (size_t i = 0; i < sizeof rooms / sizeof rooms[0]; i++) {
            MVT_FILL(n);
            mvt_alloc_reset();
            mvt_alloc.fail_all = true; /* an overflow must not try to allocate */
            CHECK_ST(mv_buf_recv(&p.t, &b, rooms[i], &n), MV_EOVERFLOW);
            CHECK_EQU(mvt_alloc.calls, 0);
            mvt_alloc_reset();
            CHECK_SENTINEL(&n, sizeof n);
            CHECK_UNCHANGED(&b, &s);
        }
        /* The boundary: len + room == PTRDIFF_MAX is not an overflow; it
         * gets as far as the allocation. */
        MVT_FILL(n);
        mvt_alloc.fail_all = true;
        CHECK_ST(mv_buf_recv(&p.t, &b, max - len, &n), MV_ENOMEM);
        mvt_alloc_reset();
        CHECK_EQU(n, 0);
        CHECK_UNCHANGED(&b, &s);
        CHECK_EQU(mv_sim_calls(&p.sim), 0);
        CHECK_UNLOCKED(&b);
        drop(&s);
        buf_done(&b);
    }
    free(input);
}

static void test_nomem(void)
{
    static const uint8_t script[] = { MV_SIM_ALL };
    uint8_t *input = random_bytes(64);
    const size_t rooms[] = { 0, 1, 2, 100, 5000 };
    for (int full = 0; full <= 1; full++) {
        for (size_t i = 0; i < sizeof rooms / sizeof rooms[0]; i++) {
            peer p;
            peer_init(&p, script, sizeof script, input, 64);
            mv_buf b;
            if (full)
                buf_of(&b, hello, HELLO_LEN); /* cap == len: any room needs a block */
            else
                must(mv_buf_init(&b, 0), "mv_buf_init");
            snap s;
            take(&s, &b);
            size_t n;
            MVT_FILL(n);
            mvt_alloc_reset();
            mvt_alloc.fail_nth = 1;
            CHECK_ST(mv_buf_recv(&p.t, &b, rooms[i], &n), MV_ENOMEM);
            CHECK_EQU(mvt_alloc.failed, 1);
            mvt_alloc_reset();
            CHECK_EQU(n, 0);
            CHECK_UNCHANGED(&b, &s);
            /* Nothing was taken from the peer. */
            nothing_taken(&p, &b);
            drop(&s);
            buf_done(&b);
        }
    }
    free(input);
}

/* Room already there: no allocation at all, so a failing allocator does
 * not matter, and the receive may fill all of the spare capacity. */
static void test_no_growth_needed(void)
{
    static const uint8_t script[] = { MV_SIM_ALL };
    const size_t input_len = 500;
    uint8_t *input = random_bytes(input_len);
    peer p;
    peer_init(&p, script, sizeof script, input, input_len);
    mv_buf b;
    buf_of(&b, hello, HELLO_LEN);
    must(mv_buf_reserve(&b, 100), "mv_buf_reserve");
    size_t spare = b.cap - b.len;
    char *data = b.data;
    CHECK(spare >= 100 && spare < input_len);
    size_t n;
    MVT_FILL(n);
    mvt_alloc_reset();
    mvt_alloc.fail_all = true;
    mv_status st = mv_buf_recv(&p.t, &b, 10, &n);
    CHECK_EQU(mvt_alloc.calls, 0);
    mvt_alloc_reset();
    if (CHECK_ST(st, MV_OK)) {
        /* One call, asked for all of the spare capacity. */
        CHECK_EQU(n, spare);
        CHECK_EQU(mv_sim_served(&p.sim), spare);
        CHECK_EQU(mv_sim_calls(&p.sim), 1);
        CHECK_PTR(b.data, data);
        uint8_t *want = must_alloc(HELLO_LEN + spare);
        memcpy(want, hello, HELLO_LEN);
        memcpy(want + HELLO_LEN, input, spare);
        CHECK_BUF(&b, want, HELLO_LEN + spare);
        free(want);
    }
    CHECK_UNLOCKED(&b);
    buf_done(&b);
    free(input);
}

/* ------------------------------------------------------------ receiving */

/* One receive of a chunk into a buffer of a given starting state: the
 * bytes appended are the peer's next ones, *received is what one call
 * moves by memview_sim.h (min of the chunk, the spare capacity and the
 * input), the contents before are kept and the room was made. */
static void one_receive(const uint8_t *start, size_t start_len, size_t consume, size_t reserve,
                        size_t min_room, size_t chunk)
{
    uint8_t script[3];
    size_t script_len;
    if (chunk < MV_SIM_ALL) {
        script[0] = (uint8_t)chunk;
        script_len = 1;
    } else {
        script[0] = MV_SIM_MANY;
        script[1] = (uint8_t)(chunk >> 8);
        script[2] = (uint8_t)chunk;
        script_len = 3;
    }
    const size_t input_len = 3000;
    uint8_t *input = random_bytes(input_len);
    peer p;
    peer_init(&p, script, script_len, input, input_len);
    mv_buf b;
    if (start_len)
        buf_of(&b, start, start_len);
    else
        must(mv_buf_init(&b, 0), "mv_buf_init");
    must(mv_buf_consume(&b, consume), "mv_buf_consume");
    if (reserve)
        must(mv_buf_reserve(&b, reserve), "mv_buf_reserve");
    size_t old_len = b.len;
    uint8_t *want = must_alloc(old_len + input_len);
    memcpy(want, start + consume, old_len);

    size_t n;
    MVT_FILL(n);
    unsigned long failures = mvt_test_failures;
    mv_status st = mv_buf_recv(&p.t, &b, min_room, &n);
    if (CHECK_ST(st, MV_OK)) {
        size_t room = b.cap - old_len;
        CHECK(room >= (min_room ? min_room : 1));
        size_t expect = min_size(min_size(chunk, room), input_len);
        CHECK_EQU(n, expect);
        CHECK(n >= 1);
        CHECK_EQU(mv_sim_served(&p.sim), expect);
        CHECK_EQU(mv_sim_calls(&p.sim), 1);
        memcpy(want + old_len, input, expect);
        CHECK_BUF(&b, want, old_len + expect);
    }
    CHECK_UNLOCKED(&b);
    if (mvt_test_failures != failures)
        printf("  (start %zu, consumed %zu, reserved %zu, min_room %zu, chunk %zu)\n", start_len,
               consume, reserve, min_room, chunk);
    buf_done(&b);
    free(want);
    free(input);
}

static void test_ok_single(void)
{
    uint8_t *start = random_bytes(300);
    /* start len, consumed, reserved, min_room, chunk */
    one_receive(start, 0, 0, 0, 0, 1);      /* empty, no block, min 0 */
    one_receive(start, 0, 0, 0, 0, 200);    /* min 0: at least one byte of room */
    one_receive(start, 0, 0, 0, 1, 5);
    one_receive(start, 0, 0, 0, 64, 64);
    one_receive(start, 0, 0, 0, 64, 1000);  /* chunk past the room made */
    one_receive(start, 12, 0, 0, 0, 3);     /* full block (cap == len) */
    one_receive(start, 12, 0, 0, 0, 500);
    one_receive(start, 12, 0, 0, 1, 1);
    one_receive(start, 12, 0, 0, 40, 7);
    one_receive(start, 12, 0, 0, 40, 40);
    one_receive(start, 12, 0, 0, 2000, 2000);
    one_receive(start, 12, 0, 8, 8, 100);   /* room already there */
    one_receive(start, 12, 0, 8, 9, 100);   /* one more than there: grows */
    one_receive(start, 12, 0, 50, 0, 30);
    one_receive(start, 300, 250, 0, 16, 16); /* consumed prefix, contents kept */
    one_receive(start, 300, 299, 0, 1000, 999);
    one_receive(start, 300, 300, 0, 0, 9);   /* all consumed */
    one_receive(start, 300, 100, 0, 5, 2500);
    free(start);
}

/* EINTR is retried inside the one receive. */
static void test_eintr(void)
{
    static const uint8_t script[] = { MV_SIM_EINTR, MV_SIM_EINTR, 5 };
    uint8_t *input = random_bytes(32);
    peer p;
    peer_init(&p, script, sizeof script, input, 32);
    mv_buf b;
    buf_of(&b, hello, HELLO_LEN);
    size_t n;
    MVT_FILL(n);
    if (CHECK_ST(mv_buf_recv(&p.t, &b, 16, &n), MV_OK)) {
        CHECK_EQU(n, 5);
        CHECK_EQU(mv_sim_calls(&p.sim), 3);
        uint8_t want[HELLO_LEN + 5];
        memcpy(want, hello, HELLO_LEN);
        memcpy(want + HELLO_LEN, input, 5);
        CHECK_BUF(&b, want, sizeof want);
    }
    CHECK_UNLOCKED(&b);
    buf_done(&b);
    free(input);
}

/* A run of receives fills a buffer from empty in many small chunks: every
 * call moves what the simulator's rules say, the total is the input and
 * every byte is the peer's; then the end of the stream. */
static void test_fill_loop(void)
{
    const size_t input_len = 20000;
    uint8_t *input = random_bytes(input_len);
    const size_t max_chunks = input_len + 1;
    uint8_t *script = must_alloc(max_chunks);
    size_t *chunks = must_alloc(max_chunks * sizeof *chunks);
    /* Chunk sizes 1 .. 37 (never 0, which would end the stream early),
     * enough of them to serve everything; then the script is used up and
     * every call moves all it is asked, until the input runs out. */
    size_t script_len = 0, covered = 0;
    while (covered < input_len / 2) {
        size_t c = 1 + (size_t)mvt_below(37);
        script[script_len] = (uint8_t)c;
        chunks[script_len] = c;
        script_len++;
        covered += c;
    }
    peer p;
    peer_init(&p, script, script_len, input, input_len);
    mv_buf b;
    must(mv_buf_init(&b, 0), "mv_buf_init");

    size_t total = 0, calls = 0, growths = 0;
    long blocks = mvt_alloc.live;
    bool ended = false;
    for (size_t round = 0; round < input_len + 10 && !ended; round++) {
        size_t min_room = (size_t)mvt_below(70); /* 0 included */
        size_t old_len = b.len;
        char *old_data = b.data;
        size_t old_cap = b.cap;
        size_t n;
        MVT_FILL(n);
        mv_status st = mv_buf_recv(&p.t, &b, min_room, &n);
        calls++;
        if (!buf_ok(&b, __FILE__, __LINE__))
            break;
        size_t room = b.cap - old_len;
        size_t chunk = calls <= script_len ? chunks[calls - 1] : (size_t)-1;
        size_t expect = min_size(min_size(chunk, room), input_len - total);
        if (expect == 0) {
            CHECK_ST(st, MV_ECLOSED);
            CHECK_EQU(n, 0);
            CHECK_EQU(b.len, old_len);
            ended = true;
        } else {
            if (!CHECK_ST(st, MV_OK) || !CHECK_EQU(n, expect))
                break;
            CHECK(room >= (min_room ? min_room : 1));
            /* The block changes only when the room asked was not there. */
            if (b.data != old_data) {
                CHECK(old_cap - old_len < (min_room ? min_room : 1));
                growths++;
            }
            if (!CHECK_MEM(b.data + old_len, input + total, n))
                break;
            total += n;
            if (!CHECK_EQU(b.len, total))
                break;
        }
        CHECK_EQU(mv_sim_served(&p.sim), total);
        CHECK_EQU(mv_sim_calls(&p.sim), calls);
        CHECK_EQ(mvt_alloc.live, blocks + 1 - (b.cap == 0));
    }
    CHECK(ended);
    CHECK_EQU(total, input_len);
    CHECK_BUF(&b, input, input_len);
    CHECK(calls > script_len);
    /* Geometric growth (each block at least twice the last, the first at
     * least 1 byte): at most 16 blocks for 20000 bytes (1, 2, .. 32768),
     * where growing by the room asked would take hundreds. */
    CHECK(growths >= 1 && growths <= 16);
    printf("info: %zu receives, %zu blocks\n", calls, growths);
    CHECK_UNLOCKED(&b);
    buf_done(&b);
    free(chunks);
    free(script);
    free(input);
}

/* ------------------------------------------- failures of the receive */

/* The receive fails with want (errno want_errno for MV_ESYS): *received
 * 0, length and contents unchanged, unlocked, and a next receive still
 * gets the peer's bytes from the first on (nothing was lost). */
static void failed_receive(const uint8_t *script, size_t script_len, size_t input_len,
                           mv_status want, int want_errno, bool full, size_t min_room,
                           const char *what)
{
    unsigned long failures = mvt_test_failures;
    uint8_t *input = random_bytes(input_len ? input_len : 1);
    peer p;
    peer_init(&p, script, script_len, input, input_len);
    mv_buf b;
    buf_of(&b, hello, HELLO_LEN);
    if (!full)
        must(mv_buf_reserve(&b, 64), "mv_buf_reserve");
    snap s;
    take(&s, &b);
    size_t n;
    MVT_FILL(n);
    errno = 0;
    mv_status st = mv_buf_recv(&p.t, &b, min_room, &n);
    int err = errno;
    CHECK_ST(st, want);
    if (want == MV_ESYS)
        CHECK_EQ(err, want_errno);
    CHECK_EQU(n, 0);
    CHECK_KEPT(&b, &s);
    /* The room was made and the receive tried before it failed. */
    CHECK(b.cap - b.len >= (min_room ? min_room : 1));
    CHECK(mv_sim_calls(&p.sim) >= 1);
    CHECK_EQU(mv_sim_served(&p.sim), 0);
    if (s.b.cap - s.b.len >= (min_room ? min_room : 1))
        CHECK_PTR(b.data, s.b.data); /* no growth needed, none done */

    /* The next receive (script used up: moves all asked) gets the input
     * from its first byte. */
    if (input_len > 0 && want != MV_ECLOSED) {
        MVT_FILL(n);
        if (CHECK_ST(mv_buf_recv(&p.t, &b, 1, &n), MV_OK)) {
            size_t expect = min_size(b.cap - HELLO_LEN, input_len);
            CHECK_EQU(n, expect);
            uint8_t *wantb = must_alloc(HELLO_LEN + expect);
            memcpy(wantb, hello, HELLO_LEN);
            memcpy(wantb + HELLO_LEN, input, expect);
            CHECK_BUF(&b, wantb, HELLO_LEN + expect);
            free(wantb);
        }
    }
    CHECK_UNLOCKED(&b);
    if (mvt_test_failures != failures)
        printf("  (%s, %s, min_room %zu)\n", what, full ? "full block" : "spare reserved", min_room);
    drop(&s);
    buf_done(&b);
    free(input);
}

static void test_closed(void)
{
    static const uint8_t zero[] = { 0x00 };
    static const uint8_t close[] = { MV_SIM_CLOSE };
    static const uint8_t all[] = { MV_SIM_ALL };
    static const uint8_t eintr_zero[] = { MV_SIM_EINTR, 0x00 };
    for (int full = 0; full <= 1; full++) {
        for (size_t room = 0; room <= 40; room += 20) {
            failed_receive(zero, sizeof zero, 50, MV_ECLOSED, 0, full, room, "recv returns 0");
            failed_receive(close, sizeof close, 50, MV_ECLOSED, 0, full, room, "peer closed");
            failed_receive(all, sizeof all, 0, MV_ECLOSED, 0, full, room, "no input left");
            failed_receive(eintr_zero, sizeof eintr_zero, 50, MV_ECLOSED, 0, full, room,
                           "EINTR then 0");
        }
    }
}

/* The end of the stream after data: the bytes received before stay. */
static void test_closed_after_data(void)
{
    static const uint8_t script[] = { 9, MV_SIM_ALL };
    uint8_t *input = random_bytes(20);
    peer p;
    peer_init(&p, script, sizeof script, input, 20);
    mv_buf b;
    must(mv_buf_init(&b, 0), "mv_buf_init");
    size_t n, total = 0;
    MVT_FILL(n);
    if (CHECK_ST(mv_buf_recv(&p.t, &b, 32, &n), MV_OK) && CHECK_EQU(n, 9))
        total += n;
    MVT_FILL(n);
    if (CHECK_ST(mv_buf_recv(&p.t, &b, 32, &n), MV_OK) && CHECK_EQU(n, 11))
        total += n;
    CHECK_BUF(&b, input, total);
    snap s;
    take(&s, &b);
    for (int i = 0; i < 2; i++) {
        MVT_FILL(n);
        CHECK_ST(mv_buf_recv(&p.t, &b, (size_t)i * 1000, &n), MV_ECLOSED);
        CHECK_EQU(n, 0);
        CHECK_KEPT(&b, &s);
    }
    CHECK_BUF(&b, input, 20);
    CHECK_UNLOCKED(&b);
    drop(&s);
    buf_done(&b);
    free(input);
}

static void test_eagain(void)
{
    static const uint8_t script[] = { MV_SIM_EAGAIN };
    static const uint8_t script2[] = { MV_SIM_EINTR, MV_SIM_EAGAIN };
    for (int full = 0; full <= 1; full++) {
        failed_receive(script, sizeof script, 50, MV_EAGAIN, 0, full, 0, "EAGAIN");
        failed_receive(script, sizeof script, 50, MV_EAGAIN, 0, full, 33, "EAGAIN");
        failed_receive(script2, sizeof script2, 50, MV_EAGAIN, 0, full, 1, "EINTR, EAGAIN");
    }
}

static void test_esys(void)
{
    static const uint8_t reset[] = { MV_SIM_ERROR, ECONNRESET };
    static const uint8_t eio[] = { MV_SIM_ERROR, 0 };
    static const uint8_t eintr_perm[] = { MV_SIM_EINTR, MV_SIM_ERROR, EPERM };
    for (int full = 0; full <= 1; full++) {
        failed_receive(reset, sizeof reset, 50, MV_ESYS, ECONNRESET, full, 0, "ECONNRESET");
        failed_receive(reset, sizeof reset, 50, MV_ESYS, ECONNRESET, full, 100, "ECONNRESET");
        failed_receive(eio, sizeof eio, 50, MV_ESYS, EIO, full, 5, "EIO");
        failed_receive(eintr_perm, sizeof eintr_perm, 50, MV_ESYS, EPERM, full, 5, "EPERM");
    }
}

static void test_overclaim(void)
{
    static const uint8_t claim[] = { MV_SIM_CLAIM };
    static const uint8_t eintr_claim[] = { MV_SIM_EINTR, MV_SIM_CLAIM };
    for (int full = 0; full <= 1; full++) {
        failed_receive(claim, sizeof claim, 50, MV_EINVAL, 0, full, 0, "over-claim");
        failed_receive(claim, sizeof claim, 50, MV_EINVAL, 0, full, 77, "over-claim");
        failed_receive(eintr_claim, sizeof eintr_claim, 50, MV_EINVAL, 0, full, 3,
                       "EINTR, over-claim");
    }
}

/* A failed receive after the block grew: the old block was given back,
 * the new one is the buffer's (no leak, nothing freed twice: ASan). */
static void test_failure_after_growth(void)
{
    static const uint8_t script[] = { MV_SIM_EAGAIN };
    uint8_t *input = random_bytes(8);
    peer p;
    peer_init(&p, script, sizeof script, input, 8);
    mv_buf b;
    buf_of(&b, hello, HELLO_LEN);
    snap s;
    take(&s, &b);
    size_t n;
    MVT_FILL(n);
    CHECK_ST(mv_buf_recv(&p.t, &b, 1000, &n), MV_EAGAIN);
    CHECK_EQU(n, 0);
    CHECK_KEPT(&b, &s);
    CHECK(b.cap >= HELLO_LEN + 1000);
    CHECK_UNLOCKED(&b);
    drop(&s);
    buf_done(&b);
    CHECK_EQ(mvt_alloc.live, s.live - 1);
    free(input);
}

static const mvt_case cases[] = {
    MVT(test_null_pointers),
    MVT(test_busy_export),
    MVT(test_busy_spare),
    MVT(test_overflow),
    MVT(test_nomem),
    MVT(test_no_growth_needed),
    MVT(test_ok_single),
    MVT(test_eintr),
    MVT(test_fill_loop),
    MVT(test_closed),
    MVT(test_closed_after_data),
    MVT(test_eagain),
    MVT(test_esys),
    MVT(test_overclaim),
    MVT(test_failure_after_growth),
};

MVT_MAIN(cases)
