/*
 * decoder.h — turns a fuzzer's byte string into structured arguments.
 *
 * The convention of libFuzzer's FuzzedDataProvider: blobs (buffer
 * contents, scripts) are taken from the front of the input, integers
 * (choices, lengths, indices) from the back, so that a mutation of one
 * rarely shifts the other.  Every function is total: once the input is
 * used up, integers read as 0 and blobs as empty, and nothing ever reads
 * outside the bytes given.
 *
 * Integers meant as sizes or indices come through fz_size / fz_index,
 * which reach, with one selector byte, the values where bugs live: 0, 1,
 * the length and its neighbours, negative lengths, SIZE_MAX, PTRDIFF_MIN
 * (MV_OMIT), PTRDIFF_MIN + 1, PTRDIFF_MAX and raw 64-bit values.
 */
#ifndef FUZZ_DECODER_H
#define FUZZ_DECODER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fz_in {
    const uint8_t *data; /* the bytes not yet consumed: [data, data + len) */
    size_t len;
} fz_in;

static inline void fz_init(fz_in *d, const uint8_t *data, size_t size)
{
    d->data = size ? data : NULL;
    d->len = size ? size : 0;
}

static inline bool fz_done(const fz_in *d)
{
    return d->len == 0;
}

/* One byte from the back, 0 once the input is used up. */
static inline uint8_t fz_u8(fz_in *d)
{
    if (d->len == 0)
        return 0;
    d->len--;
    return d->data[d->len];
}

/* n <= 8 bytes from the back, the last byte least significant. */
static inline uint64_t fz_bits(fz_in *d, unsigned n)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < n && d->len > 0; i++)
        v = (v << 8) | fz_u8(d);
    return v;
}

static inline uint64_t fz_u64(fz_in *d)
{
    return fz_bits(d, 8);
}

static inline bool fz_bool(fz_in *d)
{
    return fz_u8(d) & 1u;
}

/* A value in [lo, hi] (lo <= hi), taking only as many bytes as the range
 * needs. */
static inline uint64_t fz_range(fz_in *d, uint64_t lo, uint64_t hi)
{
    uint64_t span = hi - lo;
    if (span == 0)
        return lo;
    unsigned n = 0;
    for (uint64_t s = span; s != 0; s >>= 8)
        n++;
    uint64_t v = fz_bits(d, n);
    if (span == UINT64_MAX)
        return v;
    return lo + v % (span + 1);
}

/* A size for something of n items: small values, n and its neighbours,
 * or the extremes of size_t. */
static inline size_t fz_size(fz_in *d, size_t n)
{
    uint8_t sel = fz_u8(d);
    switch (sel % 16) {
    case 0: return 0;
    case 1: return 1;
    case 2: return n;
    case 3: return n + 1;
    case 4: return n ? n - 1 : 0;
    case 5: return SIZE_MAX;
    case 6: return SIZE_MAX - 1;
    case 7: return (size_t)PTRDIFF_MAX;
    case 8: return (size_t)PTRDIFF_MAX + 1;
    case 9: return (size_t)fz_u64(d);
    default: return (size_t)fz_range(d, 0, (uint64_t)n + 2);
    }
}

/* A signed index or bound for something of n items: small values of
 * either sign, +-n and neighbours, MV_OMIT and the other extremes. */
static inline ptrdiff_t fz_index(fz_in *d, size_t n)
{
    ptrdiff_t sn = n > (size_t)PTRDIFF_MAX ? PTRDIFF_MAX : (ptrdiff_t)n;
    uint8_t sel = fz_u8(d);
    switch (sel % 20) {
    case 0: return 0;
    case 1: return 1;
    case 2: return -1;
    case 3: return sn;
    case 4: return -sn;
    case 5: return sn - 1;
    case 6: return -sn - 1;
    case 7: return sn + 1;
    case 8: return PTRDIFF_MIN; /* MV_OMIT */
    case 9: return PTRDIFF_MIN + 1;
    case 10: return PTRDIFF_MAX;
    case 11: return PTRDIFF_MAX - 1;
    case 12: return (ptrdiff_t)(int64_t)fz_u64(d);
    default: return (ptrdiff_t)fz_range(d, 0, 2 * (uint64_t)sn + 6) - sn - 3;
    }
}

/* A step for a slice of n items: mostly small, sometimes extreme. */
static inline ptrdiff_t fz_step(fz_in *d, size_t n)
{
    uint8_t sel = fz_u8(d);
    if (sel < 160)
        return (ptrdiff_t)(sel % 9) - 4;              /* -4 .. 4, 0 included */
    if (sel < 200)
        return fz_index(d, n);
    return (ptrdiff_t)(sel % 2 ? 1 : -1) * (ptrdiff_t)fz_range(d, 1, 300);
}

/* Up to max bytes from the front; the count comes from the back.  *n is
 * the number of bytes returned (the pointer is NULL when it is 0). */
static inline const uint8_t *fz_blob(fz_in *d, size_t max, size_t *n)
{
    size_t want = (size_t)fz_range(d, 0, max);
    if (want > d->len)
        want = d->len;
    *n = want;
    if (want == 0)
        return NULL;
    const uint8_t *p = d->data;
    d->data += want;
    d->len -= want;
    return p;
}

/* Fills dst[0 .. n-1] from the front of the input, the rest (if the input
 * runs out) from a pattern in which neighbouring bytes differ. */
static inline void fz_fill(fz_in *d, uint8_t *dst, size_t n)
{
    size_t k = n < d->len ? n : d->len;
    if (k) { /* no arithmetic on a NULL data pointer */
        memcpy(dst, d->data, k);
        d->data += k;
        d->len -= k;
    }
    for (size_t i = k; i < n; i++)
        dst[i] = (uint8_t)(i * 7 + 3);
}

/* The buffer a harness works on: up to max bytes from the input, kept in
 * shadow (the model's copy) and in a block of their own (the library's,
 * so that ASan sees any access past its end).  *n is its length; NULL when
 * it is empty. */
static inline uint8_t *fz_base(fz_in *d, uint8_t *shadow, size_t max, size_t *n)
{
    *n = (size_t)fz_range(d, 0, max);
    fz_fill(d, shadow, *n);
    if (*n == 0)
        return NULL;
    uint8_t *base = malloc(*n);
    if (base != NULL)
        memcpy(base, shadow, *n);
    return base;
}

/* ------------------------------------------------------------ checking */

/* A harness found a difference with its model: say what, then abort so
 * that every fuzzer records the input. */
#define FZ_CHECK(cond, ...)                                                   \
    do {                                                                      \
        if (!(cond)) {                                                        \
            fprintf(stderr, "%s:%d: check failed: %s\n  ", __FILE__, __LINE__, \
                    #cond);                                                   \
            fprintf(stderr, __VA_ARGS__);                                     \
            fprintf(stderr, "\n");                                            \
            abort();                                                          \
        }                                                                     \
    } while (0)

#endif /* FUZZ_DECODER_H */
