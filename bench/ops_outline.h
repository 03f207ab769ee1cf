/*
 * ops_outline.h — the raw contenders of bench/ops.c once more, compiled
 * out of line in their own translation unit and taking a view struct of
 * the same size and layout as mv_view by value, as the library does.
 * Comparing them with the library separates what a call through a
 * 40-byte by-value struct costs from what the library's own checks cost.
 * They check what the inline raw code checks and no more (no NULL, no
 * released view, no stride).
 */
#ifndef MEMVIEW_BENCH_OPS_OUTLINE_H
#define MEMVIEW_BENCH_OPS_OUTLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct raw_view {
    char     *data;
    size_t    len;
    ptrdiff_t stride;
    bool      readonly;
    bool      released;
    const void *owner;
} raw_view;

int raw_sub(raw_view v, size_t off, size_t len, raw_view *out);
int raw_advance(raw_view *v, size_t n);
int raw_get(raw_view v, ptrdiff_t index, uint8_t *out);
int raw_set(raw_view v, ptrdiff_t index, uint8_t value);
int raw_slice(raw_view v, ptrdiff_t start, ptrdiff_t stop, raw_view *out);
int raw_read_be32(raw_view *cur, uint32_t *out);

#endif
