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

/* The digits by lookup, for the loop without separators: one load where
 * mv__hex_digit needs a comparison. */
static const char mv__hex_digits[16] = {
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f',
};

/*@ requires digit: d < 16;
    terminates \true;
    assigns \nothing;
    ensures result: \result == mv_hex_digit(d);
*/
static inline char mv__hex_digit_of(unsigned d)
{
    return mv__hex_digits[d];
}

/* Division facts for the separator count, proven once (see mv_internal.h
 * on lemma functions).  They rest on mv_le_div_iff at products of plain
 * variables (lo * g, hi * g): Qed expands a product such as (q + 1) * g
 * before the solvers could match the lemma against it. */
/*@ ghost
  /@ requires group: g >= 1;
     requires within: lo * g <= m < hi * g;
     terminates \true;
     assigns \nothing;
     ensures within: lo <= m / g < hi;
  @/
  static void mv__lemma_div_within(size_t m, size_t lo, size_t hi, size_t g)
  {
    /@ assert lo <= m / g; @/
    /@ assert !(hi <= m / g); @/
  }
*/

/*@ ghost
  /@ requires group: g >= 1;
     requires room: a <= SIZE_MAX - 2;
     terminates \true;
     assigns \nothing;
     ensures range: 0 <= a % g < g;
     ensures same_group: a % g + 1 < g ==> (a + 1) / g == a / g && (a + 1) % g == a % g + 1;
     ensures next_group: a % g + 1 >= g ==> (a + 1) / g == a / g + 1 && (a + 1) % g == 0;
  @/
  static void mv__lemma_divmod_step(size_t a, size_t g)
  {
    /@ assert a == (a / g) * g + a % g && 0 <= a % g < g; @/
    if (a % g + 1 < g)
      mv__lemma_div_within(a + 1, a / g, a / g + 1, g);
    else
      mv__lemma_div_within(a + 1, a / g + 1, a / g + 2, g);
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
    /@ assert (a / g) * g <= a; @/
    /@ assert (a / g) * g <= b; @/
  }
*/

/* mv_hex_pos and mv_hex_sep_before are mv_hex_item_pos and mv_hex_item_sep
 * with the grouping resolved as mv__hex_write resolves it. */
/*@ ghost
  /@ requires on: on == (sep != 0 && bps != 0 ? 1 : 0);
     requires grouping: on != 0 ==> g == mv_hex_group(bps) && lead == mv_hex_lead(len, bps);
     requires grouping: on == 0 ==> g == 1 && lead == 0;
     terminates \true;
     assigns \nothing;
     ensures same: \forall integer k;
       mv_hex_pos(len, k, sep, bps) == mv_hex_item_pos(k, lead, g, on);
     ensures same_sep: \forall integer k;
       mv_hex_sep_before(len, k, sep, bps) <==> mv_hex_item_sep(k, lead, g, on);
  @/
  static void mv__lemma_item_pos(size_t len, char sep, ptrdiff_t bps, size_t lead, size_t g, int on)
  {
  }
*/

/* From item k to item k + 1: the place in the group moves on by one, and
 * the position by two digits, plus a separator when a group starts. */
/*@ ghost
  /@ requires group: g >= 1;
     requires room: k + lead <= SIZE_MAX - 2;
     terminates \true;
     assigns \nothing;
     ensures range: (k + lead) % g < g;
     ensures same_group: (k + lead) % g + 1 < g ==>
       (k + 1 + lead) % g == (k + lead) % g + 1 &&
       mv_hex_item_pos(k + 1, lead, g, on) == mv_hex_item_pos(k, lead, g, on) + 2 &&
       !mv_hex_item_sep(k + 1, lead, g, on);
     ensures next_group: (k + lead) % g + 1 >= g ==>
       (k + 1 + lead) % g == 0 &&
       mv_hex_item_pos(k + 1, lead, g, on) == mv_hex_item_pos(k, lead, g, on) + (on != 0 ? 3 : 2) &&
       (mv_hex_item_sep(k + 1, lead, g, on) <==> on != 0);
  @/
  static void mv__lemma_item_pos_step(size_t k, size_t lead, size_t g, int on)
  {
    mv__lemma_divmod_step(k + lead, g);
  }
*/

/* The separators before items 1 .. i - 1 and the one before item i are
 * those before items 1 .. i.  Stated apart so that the loop's goal need
 * not find the case k == i by itself. */
/*@ ghost
  /@ requires before: \forall integer k; 1 <= k < i ==>
       mv_hex_item_sep(k, lead, g, on) ==> dst[mv_hex_item_pos(k, lead, g, on) - 1] == sep;
     requires last: i != 0 ==>
       mv_hex_item_sep(i, lead, g, on) ==> dst[mv_hex_item_pos(i, lead, g, on) - 1] == sep;
     terminates \true;
     assigns \nothing;
     ensures upto: \forall integer k; 1 <= k <= i ==>
       mv_hex_item_sep(k, lead, g, on) ==> dst[mv_hex_item_pos(k, lead, g, on) - 1] == sep;
  @/
  static void mv__lemma_seps_extend(char *dst, size_t i, char sep, size_t lead, size_t g, int on)
  {
  }
*/

/* One item: the separator before it when gap is 1, then its two digits.
 * Returns where the next item starts. */
/*@ requires gap: gap <= 1;
    requires room: j + gap + 2 <= SIZE_MAX && \valid(dst + (j .. j + gap + 1));
    terminates \true;
    assigns dst[j .. j + gap + 1];
    ensures separator: gap == 1 ==> dst[j] == sep;
    ensures high: dst[j + gap] == mv_hex_digit(b / 16);
    ensures low: dst[j + gap + 1] == mv_hex_digit(b % 16);
    ensures next: \result == j + gap + 2;
*/
static size_t mv__hex_write_item(char *dst, size_t j, size_t gap, char sep, uint8_t b)
{
    if (gap != 0)
        dst[j] = sep;
    j += gap;
    dst[j] = mv__hex_digit(b / 16u);
    dst[j + 1] = mv__hex_digit(b % 16u);
    return j + 2;
}

/* The digits and separators of a non-empty view into dst, size bytes,
 * with the grouping resolved (see mv_hex_item_pos).  Each item's byte is
 * read at its own index, so no pointer has to be kept in step with i. */
/*@ requires valid: mv_valid(v) && v.len >= 1;
    requires grouping: 1 <= group && lead < group && lead <= PTRDIFF_MAX;
    requires size: size == mv_hex_item_pos(v.len - 1, lead, group, on) + 2;
    requires dst: \valid(dst + (0 .. size - 1));
    requires apart: \separated(dst + (0 .. size - 1),
                               v.data + (mv_span_lo(v.len, v.stride) .. mv_span_hi(v.len, v.stride)));
    terminates \true;
    assigns dst[0 .. size - 1];
    ensures digits: \forall integer k; 0 <= k < v.len ==>
      dst[mv_hex_item_pos(k, lead, group, on)] == mv_hex_digit(mv_at(v, k) / 16) &&
      dst[mv_hex_item_pos(k, lead, group, on) + 1] == mv_hex_digit(mv_at(v, k) % 16);
    ensures separators: \forall integer k; 1 <= k < v.len ==>
      mv_hex_item_sep(k, lead, group, on) ==> dst[mv_hex_item_pos(k, lead, group, on) - 1] == sep;
    ensures below: \forall integer k; 0 <= k < v.len ==> mv_hex_item_pos(k, lead, group, on) + 2 <= size;
*/
static void mv__hex_write_items(mv_view v, char *dst, size_t size, char sep, size_t lead, size_t group,
                          int on)
{
    (void)size; /* the bound the proof checks every write against */
    //@ ghost mv__lemma_div_within(lead, 0, 1, group);
    size_t phase = lead; /* (i + lead) % group: item i's place in its group */
    size_t j = 0;        /* where item i's separator, if any, or digits go */
    /*@ loop invariant i: 0 <= i <= v.len;
        loop invariant phase: phase == (i + lead) % group;
        loop invariant below: \forall integer k; 0 <= k < i ==> mv_hex_item_pos(k, lead, group, on) + 2 <= j;
        loop invariant bound: j <= size;
        loop invariant digits: \forall integer k; 0 <= k < i ==>
          dst[mv_hex_item_pos(k, lead, group, on)] == mv_hex_digit(mv_at{Pre}(v, k) / 16) &&
          dst[mv_hex_item_pos(k, lead, group, on) + 1] == mv_hex_digit(mv_at{Pre}(v, k) % 16);
        loop invariant separators: \forall integer k; 1 <= k < i ==>
          mv_hex_item_sep(k, lead, group, on) ==> dst[mv_hex_item_pos(k, lead, group, on) - 1] == sep;
        loop invariant here: mv_hex_item_pos(i, lead, group, on) == j + (on != 0 && i != 0 && phase == 0 ? 1 : 0);
        loop invariant starts: i != 0 ==> (mv_hex_item_sep(i, lead, group, on) <==> on != 0 && phase == 0);
        loop assigns i, phase, j, dst[0 .. size - 1];
        loop variant v.len - i;
    */
    for (size_t i = 0; i < v.len; i++) {
        /* Every group but the first starts with a separator. */
        size_t gap = on != 0 && i != 0 && phase == 0 ? 1 : 0;
        //@ ghost mv__lemma_div_mono(i + lead, v.len - 1 + lead, group);
        //@ assert room: j + gap + 2 <= size;
        //@ ghost mv__lemma_item_apart_from(v, (ptrdiff_t)i, dst, size);
        uint8_t b = mv__u8(*mv__item(v, (ptrdiff_t)i));
        //@ assert value: b == mv_at{Pre}(v, i);
        //@ assert at: mv_hex_item_pos(i, lead, group, on) == j + gap;
        j = mv__hex_write_item(dst, j, gap, sep, b);
        //@ assert next: j == mv_hex_item_pos(i, lead, group, on) + 2;
        //@ ghost mv__lemma_seps_extend(dst, i, sep, lead, group, on);
        //@ ghost mv__lemma_item_pos_step(i, lead, group, on);
        phase = phase + 1 == group ? 0 : phase + 1;
    }
    //@ ghost mv__lemma_items_apart_from(v, dst, size);
    /*@ assert frame: \forall integer k; 0 <= k < v.len ==> mv_at(v, k) == mv_at{Pre}(v, k); */
}

/* The digits of a contiguous view without separators: item k's two digits
 * at 2k and 2k + 1, written by the simple loop a user would write.  The
 * contract is mv__hex_write's for this case. */
/*@ requires valid: mv_valid(v) && v.len >= 1 && v.stride == 1;
    requires plain: sep == 0 || bps == 0;
    requires size: size == mv_hex_len(v.len, sep, bps) && size < SIZE_MAX;
    requires dst: \valid(dst + (0 .. size));
    requires apart: \separated(dst + (0 .. size), v.data + (0 .. v.len - 1));
    terminates \true;
    assigns dst[0 .. size];
    ensures digits: \forall integer i; 0 <= i < v.len ==>
      dst[mv_hex_pos(v.len, i, sep, bps)] == mv_hex_digit(mv_at(v, i) / 16) &&
      dst[mv_hex_pos(v.len, i, sep, bps) + 1] == mv_hex_digit(mv_at(v, i) % 16);
    ensures separators: \forall integer i; 1 <= i < v.len ==>
      mv_hex_sep_before(v.len, i, sep, bps) ==> dst[mv_hex_pos(v.len, i, sep, bps) - 1] == sep;
    ensures terminated: dst[size] == 0;
*/
static void mv__hex_write_plain(mv_view v, char *dst, size_t size, char sep, ptrdiff_t bps)
{
    (void)sep; /* sep and bps name the layout the contract states */
    (void)bps;
    //@ assert size: size == 2 * v.len;
    //@ assert items: \forall integer k; 0 <= k < v.len ==> mv_item(v, k) == v.data + k;
    const char *p = v.data;
    /*@ loop invariant i: 0 <= i <= v.len;
        loop invariant digits: \forall integer k; 0 <= k < i ==>
          dst[2 * k] == mv_hex_digit(mv_u8(\at(v.data[k], Pre)) / 16) &&
          dst[2 * k + 1] == mv_hex_digit(mv_u8(\at(v.data[k], Pre)) % 16);
        loop invariant kept: \forall integer k; 0 <= k < v.len ==> p[k] == \at(v.data[k], Pre);
        loop assigns i, dst[0 .. size - 1];
        loop variant v.len - i;
    */
    for (size_t i = 0; i < v.len; i++) {
        unsigned b = mv__u8(p[i]);
        dst[2 * i] = mv__hex_digit_of(b / 16u);
        dst[2 * i + 1] = mv__hex_digit_of(b % 16u);
    }
    dst[size] = '\0';
    //@ assert kept: \forall integer k; 0 <= k < v.len ==> mv_at(v, k) == mv_u8(\at(v.data[k], Pre));
    //@ assert at: \forall integer k; mv_hex_pos(v.len, k, sep, bps) == 2 * k;
    //@ assert none: \forall integer k; !mv_hex_sep_before(v.len, k, sep, bps);
}

/* Whether mv__hex_write_plain's loop can write v: contiguous, not empty,
 * no separator.  One test, so that the two writers' results meet in one
 * branch of the proof rather than in one per condition. */
/*@ terminates \true;
    assigns \nothing;
    ensures result: \result == 1 <==> (v.len >= 1 && v.stride == 1 && (sep == 0 || bps == 0));
*/
static bool mv__hex_is_plain(mv_view v, char sep, ptrdiff_t bps)
{
    return v.len > 0 && v.stride == 1 && (sep == 0 || bps == 0);
}

/* The general case: any stride, with or without separators. */
/*@ requires valid: mv_valid(v);
    requires size: size == mv_hex_len(v.len, sep, bps) && size < SIZE_MAX;
    requires dst: \valid(dst + (0 .. size));
    requires apart: v.len == 0 ||
      \separated(dst + (0 .. size), v.data + (mv_span_lo(v.len, v.stride) .. mv_span_hi(v.len, v.stride)));
    terminates \true;
    assigns dst[0 .. size];
    ensures digits: \forall integer i; 0 <= i < v.len ==>
      dst[mv_hex_pos(v.len, i, sep, bps)] == mv_hex_digit(mv_at(v, i) / 16) &&
      dst[mv_hex_pos(v.len, i, sep, bps) + 1] == mv_hex_digit(mv_at(v, i) % 16);
    ensures separators: \forall integer i; 1 <= i < v.len ==>
      mv_hex_sep_before(v.len, i, sep, bps) ==> dst[mv_hex_pos(v.len, i, sep, bps) - 1] == sep;
    ensures terminated: dst[size] == 0;
*/
static void mv__hex_write_grouped(mv_view v, char *dst, size_t size, char sep, ptrdiff_t bps)
{
    if (v.len > 0) {
        int on = sep != 0 && bps != 0;
        /* Without a separator every item is its own group and none is counted. */
        size_t group = on ? mv__hex_group(bps) : 1;
        size_t lead = on ? mv__hex_lead(v.len, bps) : 0;
        //@ ghost mv__lemma_item_pos(v.len, sep, bps, lead, group, on);
        mv__hex_write_items(v, dst, size, sep, lead, group, on);
    }
    //@ ghost mv__lemma_items_apart_from(v, dst, size + 1);
    dst[size] = '\0';
}

/* memoryview.hex into dst: the digits and separators (size characters),
 * then a NUL.  The separators are stated with mv_hex_sep_before rather than
 * with mv_hex_pos at i and i - 1 (see mv_hex_item_sep in
 * contracts/mv_hex.acsl); mv_hex turns one into the other. */
/*@ requires valid: mv_valid(v);
    requires size: size == mv_hex_len(v.len, sep, bps) && size < SIZE_MAX;
    requires dst: \valid(dst + (0 .. size));
    requires apart: v.len == 0 ||
      \separated(dst + (0 .. size), v.data + (mv_span_lo(v.len, v.stride) .. mv_span_hi(v.len, v.stride)));
    terminates \true;
    assigns dst[0 .. size];
    ensures digits: \forall integer i; 0 <= i < v.len ==>
      dst[mv_hex_pos(v.len, i, sep, bps)] == mv_hex_digit(mv_at(v, i) / 16) &&
      dst[mv_hex_pos(v.len, i, sep, bps) + 1] == mv_hex_digit(mv_at(v, i) % 16);
    ensures separators: \forall integer i; 1 <= i < v.len ==>
      mv_hex_sep_before(v.len, i, sep, bps) ==> dst[mv_hex_pos(v.len, i, sep, bps) - 1] == sep;
    ensures terminated: dst[size] == 0;
*/
static void mv__hex_write(mv_view v, char *dst, size_t size, char sep, ptrdiff_t bps)
{
    if (mv__hex_is_plain(v, sep, bps))
        mv__hex_write_plain(v, dst, size, sep, bps);
    else
        mv__hex_write_grouped(v, dst, size, sep, bps);
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
    /* cap > size >= 0, and dst may be NULL only with cap == 0. */
    //@ assert dst: dst != \null;
    mv__hex_write(v, dst, size, sep, bytes_per_sep);
    *written = size;
    return MV_OK;
}
