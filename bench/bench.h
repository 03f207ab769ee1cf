/*
 * bench.h — what every benchmark program shares: a monotonic clock, a way
 * to keep a result alive without the compiler seeing through it, and the
 * "NAME value" lines the driver (bench/run.py) reads.
 *
 * Each program times one contender per invocation or interleaves its
 * contenders itself; the driver takes medians and ratios.
 */
#ifndef MEMVIEW_BENCH_H
#define MEMVIEW_BENCH_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define BENCH_NOINLINE __attribute__((noinline))

/* The compiler must compute x (into a register) but learns nothing about
 * how it is used: no dead-code elimination, no hoisting across iterations. */
#define BENCH_KEEP(x) __asm__ volatile("" : : "r"(x))
/* The same for an object in memory (a view filled in by the library). */
#define BENCH_KEEP_MEM(x) __asm__ volatile("" : : "m"(x))
/* Every field of a view, each kept where it already is (register, memory
 * or constant): no store or load is added whether the view came back
 * through a pointer from an out-of-line call or lives in registers after
 * an inline one, so the sink costs both the same (nothing). */
#define BENCH_KEEP_VIEW(v)                                                  \
    __asm__ volatile("" : : "g"((v).data), "g"((v).len), "g"((v).stride), \
                     "g"((v).readonly), "g"((v).released), "g"((v).owner))
/* Memory may have been read and written: stores before it happen, loads
 * after it are redone (a call cannot be hoisted out of a timing loop). */
#define BENCH_CLOBBER() __asm__ volatile("" : : : "memory")
/* The compiler must forget what it knew about x (a value it could fold). */
#define BENCH_HIDE(x) __asm__ volatile("" : "+r"(x))

static inline double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* A fatal setup error: the benchmark measured nothing. */
#define BENCH_DIE(msg)                                                  \
    do {                                                                \
        fprintf(stderr, "bench: %s (%s:%d)\n", (msg), __FILE__, __LINE__); \
        exit(2);                                                        \
    } while (0)

/* Deterministic bytes, so a transfer can be checked without a copy kept. */
static inline uint32_t bench_rand(uint32_t *state)
{
    *state = *state * 1103515245u + 12345u;
    return *state >> 8;
}

#endif
