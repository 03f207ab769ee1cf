/*
 * test_sim_huge.c — the simulated socket's vectored send asked for more
 * bytes than ssize_t (or size_t) can count.
 *
 * memview_sim.h: MV_SIM_CLAIM claims one byte more than asked, and fails
 * with EOVERFLOW when that count would not fit in ssize_t; a move
 * instruction moves min(n, len) bytes, len being everything asked for.
 * For a writev-style call "everything asked" is the sum of the pieces, which
 * can pass PTRDIFF_MAX and even SIZE_MAX while every piece is readable
 * memory: the pieces may all describe the same bytes.  One large read-only
 * mapping (reserved, never touched beyond a few zero bytes) is repeated in
 * as many pieces as it takes to reach totals around PTRDIFF_MAX and past
 * SIZE_MAX.  The expected results are computed here in 128-bit arithmetic
 * from the exact total, which the simulator must not wrap.
 */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, MAP_NORESERVE */
#include "mv_test.h"

#include <errno.h>
#include <sys/mman.h>
#include <sys/uio.h>

#include "memview_sim.h"

#define SENT_CAP 64

/* The shared read-only region every piece points into. */
static char *region;
static size_t region_len;

/* Reserves the largest read-only region from 2^46 bytes down that the
 * address space grants (a few GiB at least), so that the piece counts stay
 * small.  Reserved only: nothing is committed, and only its first bytes
 * (zero-filled pages) are ever read. */
static bool map_region(void)
{
    if (region != NULL)
        return true;
    for (unsigned shift = 46; shift >= 32; shift--) {
        size_t len = (size_t)1 << shift;
        void *p = mmap(NULL, len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p != MAP_FAILED) {
            region = p;
            region_len = len;
            return true;
        }
    }
    printf("setup: no read-only mapping of 4 GiB or more\n");
    return false;
}

/* Pieces whose lengths add up to exactly total (every piece at most
 * region_len long, all of them region).  Returns the count, or -1 when it
 * would not fit in an int or the array cannot be had. */
static int pieces_for(mvt_i128 total, struct iovec **out)
{
    mvt_i128 whole = total / (mvt_i128)region_len;
    size_t rest = (size_t)(total % (mvt_i128)region_len);
    mvt_i128 n = whole + (rest > 0 ? 1 : 0);
    if (n > (1 << 24)) {
        printf("setup: %lld pieces is too many\n", (long long)n);
        return -1;
    }
    struct iovec *iov = malloc((size_t)(n > 0 ? n : 1) * sizeof *iov);
    if (iov == NULL) {
        printf("setup: out of memory\n");
        return -1;
    }
    for (mvt_i128 i = 0; i < whole; i++)
        iov[(size_t)i] = (struct iovec){ region, region_len };
    if (rest > 0)
        iov[(size_t)whole] = (struct iovec){ region, rest };
    *out = iov;
    return (int)n;
}

/* One sendv of pieces totalling total, made under instruction after a
 * one-byte send.  Checks the result, errno for a failure, the calls counted
 * and the sent buffer: the prefix kept, then as many zero bytes (the
 * region's) as the call moved, nothing past them. */
static void sendv_total(mvt_i128 total, unsigned instruction, ssize_t want, int want_errno)
{
    struct iovec *iov;
    int n = pieces_for(total, &iov);
    if (!CHECK(n >= 0))
        return;
    /* The first instruction serves one send made before, so that the
     * buffer holds a prefix to keep. */
    unsigned char script[2] = { MV_SIM_ALL, (unsigned char)instruction };
    unsigned char sent[SENT_CAP];
    memset(sent, MVT_SENTINEL, sizeof sent);
    mv_sim sim;
    if (!CHECK_ST(mv_sim_init(&sim, script, sizeof script, sent, sizeof sent, NULL, 0), MV_OK)) {
        free(iov);
        return;
    }
    unsigned char one = 0x11;
    CHECK_EQ(mv_sim_send(&sim, &one, 1), 1);
    errno = 0;
    ssize_t got = mv_sim_sendv(&sim, iov, n);
    bool failed = !CHECK_EQ(got, want);
    if (want < 0)
        failed |= !CHECK_EQ(errno, want_errno);
    failed |= !CHECK_EQU(mv_sim_calls(&sim), 2);
    size_t moved = want > 0 ? (size_t)want : 0;
    failed |= !CHECK_EQU(mv_sim_sent(&sim), 1 + (instruction == MV_SIM_CLAIM ? 0 : moved));
    failed |= !CHECK_EQ(sent[0], 0x11);
    if (instruction != MV_SIM_CLAIM)
        for (size_t i = 1; i <= moved && i < sizeof sent; i++)
            failed |= !CHECK_EQ(sent[i], 0);
    size_t untouched = instruction == MV_SIM_CLAIM ? 1 : 1 + moved;
    if (untouched < sizeof sent)
        failed |= !CHECK_SENTINEL(sent + untouched, sizeof sent - untouched);
    if (failed)
        printf("  total 0x%016llx%016llx, instruction 0x%02x, %d pieces\n",
               (unsigned long long)(total >> 64), (unsigned long long)total, instruction, n);
    free(iov);
}

static const mvt_i128 two64 = (mvt_i128)1 << 64;

/* Totals around PTRDIFF_MAX: the claim (total + 1) fits in ssize_t up to
 * a total of PTRDIFF_MAX - 1 and fails with EOVERFLOW from PTRDIFF_MAX on. */
static void claims_around_ptrdiff_max(void)
{
    if (!map_region())
        CHECK(region != NULL);
    if (region == NULL)
        return;
    const mvt_i128 totals[] = {
        (mvt_i128)region_len,       (mvt_i128)PTRDIFF_MAX - 1, (mvt_i128)PTRDIFF_MAX,
        (mvt_i128)PTRDIFF_MAX + 1,  (mvt_i128)SIZE_MAX,
    };
    for (size_t i = 0; i < sizeof totals / sizeof totals[0]; i++) {
        mvt_i128 claim = totals[i] + 1;
        bool fits = claim <= (mvt_i128)PTRDIFF_MAX;
        sendv_total(totals[i], MV_SIM_CLAIM, fits ? (ssize_t)claim : -1, fits ? 0 : EOVERFLOW);
    }
}

/* Totals past SIZE_MAX: counted as "more than any size", never wrapped.
 * A wrapped total of 3 would claim 4 bytes, move 3 under MV_SIM_ALL and
 * move 3 under "move 7". */
static void totals_past_size_max(void)
{
    if (!map_region())
        CHECK(region != NULL);
    if (region == NULL)
        return;
    const mvt_i128 totals[] = { two64, two64 + 3, 2 * two64 - 2 };
    for (size_t i = 0; i < sizeof totals / sizeof totals[0]; i++) {
        sendv_total(totals[i], MV_SIM_CLAIM, -1, EOVERFLOW);
        /* Everything asked, up to the room left in sent (SENT_CAP - 1). */
        sendv_total(totals[i], MV_SIM_ALL, SENT_CAP - 1, 0);
        sendv_total(totals[i], 7, 7, 0);
        /* More than the room: cut to it. */
        sendv_total(totals[i], 0xDF, SENT_CAP - 1, 0);
    }
}

static const mvt_case tests[] = {
    MVT(claims_around_ptrdiff_max),
    MVT(totals_past_size_max),
};

MVT_MAIN(tests)
