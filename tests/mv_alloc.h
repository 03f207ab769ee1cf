/*
 * mv_alloc.h — the allocator of the test build: malloc and free, unless a
 * test tells it to fail or to hand out a block of its choosing.
 *
 * tests/tests.mk builds the library for the tests with
 *   -include tests/mv_alloc.h -DMV_MALLOC=mvt_malloc -DMV_FREE=mvt_free
 * (see the top of src/mv_buf.c) and links tests/mv_alloc.c into every test
 * binary.  By default every call passes through to malloc / free, so the
 * suites that do not care see no difference; a test that does care sets
 * fields of mvt_alloc between calls and reads the counters after them.
 *
 * This header is included into library sources: plain C11, no test
 * framework, no side effects.
 */
#ifndef MV_ALLOC_H
#define MV_ALLOC_H

#include <stdbool.h>
#include <stddef.h>

void *mvt_malloc(size_t n);
void mvt_free(void *p);

typedef struct mvt_alloc_state {
    /* What happened since the last mvt_alloc_reset. */
    unsigned long calls;       /* mvt_malloc calls (each one counts, failed or not) */
    unsigned long failed;      /* calls answered with NULL on purpose */
    unsigned long given;       /* calls answered with the give block */
    unsigned long zero_sized;  /* requests for 0 bytes (implementation-defined in C) */
    size_t last_size;          /* the size of the last request */
    unsigned long frees;       /* mvt_free calls with a non-NULL pointer */
    unsigned long null_frees;  /* mvt_free(NULL) calls */
    long live;                 /* blocks from malloc not freed yet */
    unsigned long arena_frees; /* mvt_free calls on a pointer inside the arena */
    void *last_arena_free;     /* the last such pointer */

    /* What to do next (a test sets these). */
    unsigned long fail_nth;    /* call number fail_nth (1 = the first after reset) fails; 0: none */
    bool fail_all;             /* every call fails */
    void *give;                /* the next call returns this pointer (then give is cleared) */
    char *arena;               /* [arena, arena + arena_len): memory the test owns; */
    size_t arena_len;          /* mvt_free of a pointer inside it only counts */
} mvt_alloc_state;

extern mvt_alloc_state mvt_alloc;

/* Pass-through again, every counter 0 (live is kept: blocks still held by
 * buffers stay accounted for). */
void mvt_alloc_reset(void);

#endif /* MV_ALLOC_H */
