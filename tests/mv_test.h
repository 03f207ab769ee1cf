/*
 * mv_test.h — the smallest test framework that does the job.
 *
 * A suite is one C file with static test functions, a table listing them
 * and MVT_MAIN(table).  Checks never stop a test: every failed check prints
 * one line (file:line, the expression, the values), the test is counted as
 * failed, and the next test runs.  The binary's last line is
 * "N passed, N failed" (tests, not checks) and its exit status is non-zero
 * when a test failed, so the runner can add suites up.
 *
 * A watchdog (alarm) ends the binary when a test hangs: a hang must fail,
 * never block the run.  MVT_TIMEOUT in the environment overrides its
 * seconds.
 *
 * Include this header first: it selects the POSIX API (alarm, write) before
 * any system header is read.
 */
#ifndef MV_TEST_H
#define MV_TEST_H

#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <inttypes.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "memview.h"

/* Exact integer arithmetic for models: every ptrdiff_t and size_t value and
 * their sums and products fit, so a model never has to reason about wrap. */
__extension__ typedef __int128 mvt_i128;

typedef struct mvt_case {
    const char *name;
    void (*fn)(void);
} mvt_case;

#define MVT(fn) { #fn, fn }

/* State of the running binary; static so each suite has its own. */
static const char *mvt_current = "(none)";
static unsigned long mvt_test_failures;  /* failed checks in the current test */
static unsigned long mvt_checks;         /* checks run, for the summary */

static inline void mvt_fail_prefix(const char *file, int line)
{
    printf("FAIL %s: %s:%d: ", mvt_current, file, line);
    mvt_test_failures++;
}

static inline bool mvt_check(bool ok, const char *file, int line, const char *expr)
{
    mvt_checks++;
    if (!ok) {
        mvt_fail_prefix(file, line);
        printf("%s\n", expr);
    }
    return ok;
}

static inline bool mvt_check_int(intmax_t got, intmax_t want, const char *file, int line,
                                 const char *expr)
{
    mvt_checks++;
    if (got != want) {
        mvt_fail_prefix(file, line);
        printf("%s: got %" PRIdMAX ", want %" PRIdMAX "\n", expr, got, want);
    }
    return got == want;
}

static inline bool mvt_check_uint(uintmax_t got, uintmax_t want, const char *file, int line,
                                  const char *expr)
{
    mvt_checks++;
    if (got != want) {
        mvt_fail_prefix(file, line);
        printf("%s: got %" PRIuMAX ", want %" PRIuMAX "\n", expr, got, want);
    }
    return got == want;
}

/* Status names as they appear in the header, for readable failures. */
static inline const char *mvt_status_name(mv_status s)
{
    static const char *const names[] = {
        "MV_OK", "MV_EINVAL", "MV_ERANGE", "MV_EOVERFLOW", "MV_EREADONLY", "MV_ENOTCONTIG",
        "MV_ENOTFOUND", "MV_EBUSY", "MV_ERELEASED", "MV_ENOMEM", "MV_EAGAIN", "MV_ECLOSED",
        "MV_ESYS",
    };
    if ((unsigned)s < sizeof names / sizeof names[0])
        return names[s];
    return "(not a status)";
}

static inline bool mvt_check_status(mv_status got, mv_status want, const char *file, int line,
                                    const char *expr)
{
    mvt_checks++;
    if (got != want) {
        mvt_fail_prefix(file, line);
        printf("%s: got %s, want %s\n", expr, mvt_status_name(got), mvt_status_name(want));
    }
    return got == want;
}

static inline bool mvt_check_ptr(const void *got, const void *want, const char *file, int line,
                                 const char *expr)
{
    mvt_checks++;
    if (got != want) {
        mvt_fail_prefix(file, line);
        printf("%s: got %p, want %p\n", expr, (void *)(uintptr_t)got, (void *)(uintptr_t)want);
    }
    return got == want;
}

static inline bool mvt_check_mem(const void *got, const void *want, size_t n, const char *file,
                                 int line, const char *expr)
{
    mvt_checks++;
    if (n == 0 || memcmp(got, want, n) == 0)
        return true;
    mvt_fail_prefix(file, line);
    const unsigned char *g = got, *w = want;
    size_t at = 0;
    while (g[at] == w[at])
        at++;
    printf("%s: %zu bytes differ first at %zu (got 0x%02x, want 0x%02x)\n", expr, n, at, g[at],
           w[at]);
    return false;
}

/* Each macro evaluates its arguments once and returns whether it held, so
 * a test can skip dependent checks: if (CHECK_ST(...)) { ... }. */
#define CHECK(c)            mvt_check((c), __FILE__, __LINE__, #c)
#define CHECK_EQ(g, w)      mvt_check_int((intmax_t)(g), (intmax_t)(w), __FILE__, __LINE__, #g " == " #w)
#define CHECK_EQU(g, w)     mvt_check_uint((uintmax_t)(g), (uintmax_t)(w), __FILE__, __LINE__, #g " == " #w)
#define CHECK_ST(g, w)      mvt_check_status((g), (w), __FILE__, __LINE__, #g)
#define CHECK_PTR(g, w)     mvt_check_ptr((g), (w), __FILE__, __LINE__, #g " == " #w)
#define CHECK_MEM(g, w, n)  mvt_check_mem((g), (w), (n), __FILE__, __LINE__, #g " == " #w)

/* ------------------------------------------------------------ sentinels */

/* The byte that pre-fills every out-parameter and caller buffer before a
 * call that must fail: after the failure it must still be there. */
#define MVT_SENTINEL 0xA5

/* Pre-fills an out-parameter or caller buffer object with the sentinel.
 * In place, never by assigning a filled struct: copying a struct need not
 * copy its padding bytes, and a byte-wise check would then see a change
 * nobody made. */
#define MVT_FILL(x) memset(&(x), MVT_SENTINEL, sizeof(x))

/* A byte-for-byte copy of a view (padding included), to compare with later. */
#define MVT_COPY(dst, src) memcpy(&(dst), &(src), sizeof(dst))

static inline bool mvt_is_sentinel(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        if (b[i] != MVT_SENTINEL)
            return false;
    return true;
}

/* Whether two view objects hold the same bytes: what "unchanged" means for
 * a view (compare a view with an MVT_COPY of itself). */
static inline bool mvt_same_view(const mv_view *a, const mv_view *b)
{
    return memcmp(a, b, sizeof *a) == 0;
}

#define CHECK_SENTINEL(p, n) mvt_check(mvt_is_sentinel((p), (n)), __FILE__, __LINE__, #p " untouched")
#define CHECK_UNCHANGED_VIEW(g, w) \
    mvt_check(mvt_same_view(&(g), &(w)), __FILE__, __LINE__, #g " unchanged")

/* ------------------------------------------------------ deterministic rng */

/* splitmix64: tests that draw random cases draw the same ones every run. */
static uint64_t mvt_rng_state = 0x6d656d76696577ull;

static inline uint64_t mvt_rand(void)
{
    uint64_t z = (mvt_rng_state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* A value in [0, n); n > 0. */
static inline uint64_t mvt_below(uint64_t n)
{
    return mvt_rand() % n;
}

/* ------------------------------------------------------------- running */

static inline void mvt_on_alarm(int sig)
{
    (void)sig;
    /* Only async-signal-safe calls here: the test may be stuck anywhere. */
    static const char msg1[] = "FAIL watchdog: test ";
    static const char msg2[] = " did not finish in time\n";
    if (write(STDOUT_FILENO, msg1, sizeof msg1 - 1) < 0 ||
        write(STDOUT_FILENO, mvt_current, strlen(mvt_current)) < 0 ||
        write(STDOUT_FILENO, msg2, sizeof msg2 - 1) < 0)
        _exit(3);
    _exit(2);
}

static inline void mvt_start_watchdog(unsigned seconds)
{
    const char *env = getenv("MVT_TIMEOUT");
    if (env != NULL && *env != '\0')
        seconds = (unsigned)strtoul(env, NULL, 10);
    signal(SIGALRM, mvt_on_alarm);
    alarm(seconds);
}

static inline int mvt_run(const mvt_case *cases, size_t n)
{
    unsigned long passed = 0, failed = 0;
    setvbuf(stdout, NULL, _IOLBF, 0);
    mvt_start_watchdog(60);
    for (size_t i = 0; i < n; i++) {
        mvt_current = cases[i].name;
        mvt_test_failures = 0;
        cases[i].fn();
        if (mvt_test_failures == 0)
            passed++;
        else
            failed++;
    }
    printf("info: %lu checks\n", mvt_checks);
    printf("%lu passed, %lu failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}

#define MVT_MAIN(table)                                           \
    int main(void)                                                \
    {                                                             \
        return mvt_run(table, sizeof table / sizeof table[0]);   \
    }

#endif /* MV_TEST_H */
