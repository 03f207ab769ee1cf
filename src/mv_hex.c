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

/* Division facts for the separator count, proven once (see mv_internal.h
 * on lemma functions). */
/*@ ghost
  /@ requires group: g >= 1;
     requires parts: 0 <= r < g && a == q * g + r;
     terminates \true;
     assigns \nothing;
     ensures quotient: a / g == q;
     ensures remainder: a % g == r;
  @/
  static void mv__lemma_divmod(size_t a, size_t q, size_t r, size_t g)
  {
    /@ assert q >= 0; @/
  }
*/

/*@ ghost
  /@ requires group: g >= 1;
     requires room: a < SIZE_MAX;
     terminates \true;
     assigns \nothing;
     ensures same_group: a % g + 1 < g ==> (a + 1) / g == a / g && (a + 1) % g == a % g + 1;
     ensures next_group: a % g + 1 >= g ==> (a + 1) / g == a / g + 1 && (a + 1) % g == 0;
  @/
  static void mv__lemma_divmod_step(size_t a, size_t g)
  {
    /@ assert a == (a / g) * g + a % g && 0 <= a % g < g; @/
    if (a % g + 1 < g)
      mv__lemma_divmod(a + 1, a / g, a % g + 1, g);
    else
      mv__lemma_divmod(a + 1, a / g + 1, 0, g);
  }
*/

/*@ ghost
  /@ requires order: a <= b;
     requires group: g >= 1;
     terminates \true;
     assigns \nothing;
     ensures monotonic: a / g <= b / g;
  @/
  static void mv__lemma_div_mono(size_t a, size_t b, size_t g)
  {
    /@ assert (b / g) * g <= b < (b / g) * g + g; @/
    /@ assert (a / g) * g <= a; @/
  }
*/

/* Item k's position with the grouping already resolved: on is whether
 * separators are written, g the group size, lead the padding of the first
 * group.  mv_hex_pos is this with g and lead taken from bytes_per_sep. */
/*@ logic integer mv_hpos(integer k, integer lead, integer g, integer on) =
      2 * k + (on != 0 ? (k + lead) / g : 0);
*/

/*@ ghost
  /@ requires on: on == (sep != 0 && bps != 0 ? 1 : 0);
     requires grouping: on != 0 ==> g == mv_hex_group(bps) && lead == mv_hex_lead(len, bps);
     requires grouping: on == 0 ==> g == 1 && lead == 0;
     terminates \true;
     assigns \nothing;
     ensures same: \forall integer k; mv_hex_pos(len, k, sep, bps) == mv_hpos(k, lead, g, on);
  @/
  static void mv__lemma_hpos(size_t len, char sep, ptrdiff_t bps, size_t lead, size_t g, int on)
  {
  }
*/

/* The digits and separators of a non-empty view into dst, size bytes. */
/*@ requires valid: mv_valid(v) && v.len >= 1;
    requires ascii: mv_ascii(sep);
    requires fits: mv_hex_len(v.len, sep, bps) < SIZE_MAX;
    requires size: size == mv_hex_len(v.len, sep, bps);
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
static void mv__hex_write(mv_view v, char *dst, size_t size, char sep, ptrdiff_t bps)
{
    (void)size; /* the bound the proof checks every write against */
    int on = sep != 0 && bps != 0;
    /* Without a separator every item is its own group and none is counted. */
    size_t group = on ? mv__hex_group(bps) : 1;
    size_t lead = on ? mv__hex_lead(v.len, bps) : 0;

    //@ ghost mv__lemma_div_mono(lead, v.len - 1 + lead, group);
    size_t phase = lead;     /* (i + lead) % group */
    size_t j = 0;            /* where item i's digits go */
    const char *p = v.data;
    size_t i = 0;
    /*@ loop invariant i: 0 <= i < v.len;
        loop invariant p: p == mv_item(v, i);
        loop invariant phase: phase == (i + lead) % group;
        loop invariant j: j == 2 * i + (on != 0 ? (i + lead) / group : 0);
        loop invariant below: \forall integer k; 0 <= k < i ==> mv_hpos(k, lead, group, on) + 2 <= j;
        loop invariant digits: \forall integer k; 0 <= k < i ==>
          dst[mv_hpos(k, lead, group, on)] == mv_hex_digit(mv_at{Pre}(v, k) / 16) &&
          dst[mv_hpos(k, lead, group, on) + 1] == mv_hex_digit(mv_at{Pre}(v, k) % 16);
        loop invariant separators: \forall integer k; 1 <= k <= i ==>
          mv_hpos(k, lead, group, on) == mv_hpos(k - 1, lead, group, on) + 3 ==>
          dst[mv_hpos(k, lead, group, on) - 1] == sep;
        loop assigns i, p, phase, j, dst[0 .. mv_hex_len(v.len, sep, bps) - 1];
        loop variant v.len - i;
    */
    for (;;) {
        //@ ghost mv__lemma_div_mono(i + lead, v.len - 1 + lead, group);
        //@ assert room: j + 1 < mv_hex_len(v.len, sep, bps);
        //@ assert here: mv_hpos(i, lead, group, on) == j;
        //@ ghost mv__lemma_item_apart_from(v, (ptrdiff_t)i, dst, size);
        //@ assert value: mv_u8(*p) == mv_at{Pre}(v, i);
        uint8_t b = mv__u8(*p);
        dst[j] = mv__hex_digit(b / 16u);
        dst[j + 1] = mv__hex_digit(b % 16u);
        j += 2;
        if (i + 1 == v.len) {
            /*@ assert all_digits: \forall integer k; 0 <= k < v.len ==>
                  dst[mv_hpos(k, lead, group, on)] == mv_hex_digit(mv_at{Pre}(v, k) / 16) &&
                  dst[mv_hpos(k, lead, group, on) + 1] == mv_hex_digit(mv_at{Pre}(v, k) % 16); */
            break;
        }
        p += v.stride;
        //@ ghost mv__lemma_divmod_step(i + lead, group);
        phase++;
        if (phase == group) {
            phase = 0;
            if (on) {
                //@ ghost mv__lemma_div_mono(i + 1 + lead, v.len - 1 + lead, group);
                //@ assert room: j < mv_hex_len(v.len, sep, bps);
                //@ assert next: mv_hpos(i + 1, lead, group, on) == j + 1;
                //@ assert next: mv_hpos(i + 1, lead, group, on) == mv_hpos(i, lead, group, on) + 3;
                dst[j] = sep;
                j++;
            } else {
                //@ assert next: mv_hpos(i + 1, lead, group, on) == j;
            }
        } else {
            //@ assert next: mv_hpos(i + 1, lead, group, on) == j;
        }
        i++;
    }
    //@ ghost mv__lemma_items_apart_from(v, dst, size);
    /*@ assert frame: \forall integer k; 0 <= k < v.len ==> mv_at(v, k) == mv_at{Pre}(v, k); */
    //@ ghost mv__lemma_hpos(v.len, sep, bps, lead, group, on);
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
        mv__hex_write(v, dst, size, sep, bytes_per_sep);
    dst[size] = '\0';
    *written = size;
    return MV_OK;
}
