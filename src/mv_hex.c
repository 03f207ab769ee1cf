/* mv_hex.c — memoryview.hex(sep, bytes_per_sep).
 *
 * Module invariant: the output is written strictly below the size computed
 * first (mv_hex_len), which the caller's capacity was checked against, and
 * that size is computed without overflow (or reported as MV_EOVERFLOW).
 */
#include "memview.h"

#include "mv_internal.h"

/*@ terminates \true;
    assigns \nothing;
    ensures result: \result == 1 <==> mv_ascii(c);
*/
static bool mv__is_ascii(char c)
{
    int code = c;
    return code >= 0 && code <= 127;
}

/* |bytes_per_sep| as a size_t, PTRDIFF_MIN included. */
/*@ requires nonzero: bps != 0;
    terminates \true;
    assigns \nothing;
    ensures result: \result == mv_hex_group(bps) && \result >= 1;
*/
static size_t mv__hex_group(ptrdiff_t bps)
{
    return bps < 0 ? (size_t)(-(bps + 1)) + 1 : (size_t)bps;
}

/* How many phantom items pad the first group when grouping from the right. */
/*@ requires len: 1 <= len <= PTRDIFF_MAX;
    requires nonzero: bps != 0;
    terminates \true;
    assigns \nothing;
    ensures result: \result == mv_hex_lead(len, bps);
    ensures range: 0 <= \result < mv_hex_group(bps);
*/
static size_t mv__hex_lead(size_t len, ptrdiff_t bps)
{
    if (bps < 0)
        return 0;
    size_t group = (size_t)bps;
    return (group - len % group) % group;
}

/* mv_hex_len, or SIZE_MAX when it does not fit below SIZE_MAX. */
/*@ requires len: len <= PTRDIFF_MAX;
    terminates \true;
    assigns \nothing;
    ensures result: \result == (mv_hex_len(len, sep, bps) >= SIZE_MAX ? SIZE_MAX : mv_hex_len(len, sep, bps));
*/
static size_t mv__hex_len(size_t len, char sep, ptrdiff_t bps)
{
    if (len == 0)
        return 0;
    size_t seps = 0;
    if (sep != 0 && bps != 0)
        seps = (len - 1 + mv__hex_lead(len, bps)) / mv__hex_group(bps);
    /* len <= PTRDIFF_MAX, so 2 * len fits in size_t. */
    size_t digits = 2 * len;
    if (seps >= SIZE_MAX - digits)
        return SIZE_MAX;
    return digits + seps;
}

size_t mv_hex_size(mv_view v, char sep, ptrdiff_t bytes_per_sep)
{
    if (v.released || !mv__is_ascii(sep))
        return 0;
    return mv__hex_len(v.len, sep, bytes_per_sep);
}

/*@ requires digit: 0 <= d <= 15;
    terminates \true;
    assigns \nothing;
    ensures result: \result == mv_hex_digit(d);
*/
static char mv__hex_digit(unsigned d)
{
    return (char)(d < 10 ? '0' + (int)d : 'a' + (int)d - 10);
}

/* The digits and separators of a non-empty view into dst. */
/*@ requires valid: mv_valid(v) && v.len >= 1;
    requires ascii: mv_ascii(sep);
    requires fits: mv_hex_len(v.len, sep, bps) < SIZE_MAX;
    requires dst: \valid(dst + (0 .. mv_hex_len(v.len, sep, bps) - 1));
    requires apart: \separated(dst + (0 .. mv_hex_len(v.len, sep, bps) - 1),
                               v.data + (mv_span_lo(v.len, v.stride) .. mv_span_hi(v.len, v.stride)));
    terminates \true;
    assigns dst[0 .. mv_hex_len(v.len, sep, bps) - 1];
    ensures digits: \forall integer i; 0 <= i < v.len ==>
      dst[mv_hex_pos(v.len, i, sep, bps)] == mv_hex_digit(mv_at(v, i) / 16) &&
      dst[mv_hex_pos(v.len, i, sep, bps) + 1] == mv_hex_digit(mv_at(v, i) % 16);
    ensures separators: \forall integer i; 1 <= i < v.len ==>
      mv_hex_pos(v.len, i, sep, bps) == mv_hex_pos(v.len, i - 1, sep, bps) + 3 ==>
      dst[mv_hex_pos(v.len, i, sep, bps) - 1] == sep;
*/
static void mv__hex_write(mv_view v, char *dst, char sep, ptrdiff_t bps)
{
    bool with_sep = sep != 0 && bps != 0;
    size_t group = with_sep ? mv__hex_group(bps) : 1;
    size_t phase = with_sep ? mv__hex_lead(v.len, bps) : 0; /* (i + lead) % group */
    size_t j = 0;                                           /* where item i starts */
    const char *p = v.data;
    for (size_t i = 0;; i++) {
        uint8_t b = mv__u8(*p);
        dst[j] = mv__hex_digit(b / 16u);
        dst[j + 1] = mv__hex_digit(b % 16u);
        j += 2;
        if (i + 1 == v.len)
            break;
        p += v.stride;
        phase++;
        if (phase == group) {
            phase = 0;
            if (with_sep) {
                dst[j] = sep;
                j++;
            }
        }
    }
}

mv_status mv_hex(mv_view v, char *dst, size_t cap, char sep, ptrdiff_t bytes_per_sep,
                 size_t *written)
{
    if (written == NULL || (dst == NULL && cap > 0))
        return MV_EINVAL;
    if (v.released)
        return MV_ERELEASED;
    if (!mv__is_ascii(sep))
        return MV_EINVAL;
    size_t size = mv__hex_len(v.len, sep, bytes_per_sep);
    if (size == SIZE_MAX)
        return MV_EOVERFLOW;
    if (cap <= size)
        return MV_ERANGE;
    if (v.len > 0)
        mv__hex_write(v, dst, sep, bytes_per_sep);
    dst[size] = '\0';
    *written = size;
    return MV_OK;
}
