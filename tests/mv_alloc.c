/*
 * mv_alloc.c — the fault-injecting allocator of the test build (see
 * mv_alloc.h).  Linked into every test binary.
 */
#include "mv_alloc.h"

#include <stdint.h>
#include <stdlib.h>

mvt_alloc_state mvt_alloc;

void mvt_alloc_reset(void)
{
    long live = mvt_alloc.live;
    mvt_alloc_state fresh = { 0 };
    mvt_alloc = fresh;
    mvt_alloc.live = live;
}

/* Whether p lies in the test's arena; compared as integers, since p may
 * point into any object. */
static bool in_arena(const void *p)
{
    uintptr_t a = (uintptr_t)mvt_alloc.arena, q = (uintptr_t)p;
    return mvt_alloc.arena != NULL && q >= a && q - a < mvt_alloc.arena_len;
}

void *mvt_malloc(size_t n)
{
    mvt_alloc.calls++;
    mvt_alloc.last_size = n;
    if (n == 0)
        mvt_alloc.zero_sized++;
    if (mvt_alloc.fail_all || mvt_alloc.calls == mvt_alloc.fail_nth) {
        mvt_alloc.failed++;
        return NULL;
    }
    if (mvt_alloc.give != NULL) {
        void *p = mvt_alloc.give;
        mvt_alloc.give = NULL;
        mvt_alloc.given++;
        return p;
    }
    void *p = malloc(n);
    if (p != NULL)
        mvt_alloc.live++;
    return p;
}

void mvt_free(void *p)
{
    if (p == NULL) {
        mvt_alloc.null_frees++;
        return;
    }
    mvt_alloc.frees++;
    if (in_arena(p)) {
        mvt_alloc.arena_frees++;
        mvt_alloc.last_arena_free = p;
        return;
    }
    mvt_alloc.live--;
    free(p);
}
