/*
 * memview/inline.h — the inline definitions of the O(1) functions.
 *
 * Part of memview.h (include that).  The functions below are documented,
 * with their contracts, in memview/view.h, memview/items.h and
 * memview/cursor.h; this file holds only their code, so that a call
 * compiles to the few instructions the operation needs instead of a call
 * that passes a 40-byte view through memory.  They are C99 inline
 * definitions: libmemview also holds one external definition of each
 * (the `extern inline` declarations of src/mv_view.c, src/mv_items.c and
 * src/mv_cursor.c), so every function stays an exported symbol for other
 * languages and for taking its address.
 *
 * An inline definition with external linkage may not use anything with
 * internal linkage (C11 6.7.4p3): the bodies are self-contained, and the
 * out-of-line paths they call (mv__*) are external functions of the
 * library, not part of the documented API.  The ACSL ghost code in them is
 * for the proof only and compiles to nothing.
 *
 * Under Frama-C each group of definitions is seen only by the .c file that
 * emits its external definition (MV_DEFINE_*_INLINES), so that WP proves
 * each function once; every other file sees the prototype and its
 * contract.  The compilers see the same text everywhere.
 */
#ifndef MEMVIEW_INLINE_H
#define MEMVIEW_INLINE_H

#include "../memview.h"

#if (defined(__GNUC__) || defined(__clang__)) && !defined(__FRAMAC__)
#define MV__LIKELY(x) __builtin_expect(!!(x), 1)
#else
#define MV__LIKELY(x) (x)
#endif

#ifdef __FRAMAC__
/* Lemma functions (see src/mv_internal.h) the inline definitions below
 * call in ghost code.  Only their contracts are here: WP proves each once,
 * where src/mv_internal.c defines them (src/mv_internal.h). */

/* Item i of a view of len items lies inside the view's span. */
/*@ ghost
  /@ requires index: 0 <= i < len;
     terminates \true;
     assigns \nothing;
     ensures span: mv_span_lo(len, s) <= i * s <= mv_span_hi(len, s);
  @/
  void mv__lemma_in_span(size_t len, ptrdiff_t s, ptrdiff_t i);
*/

/* A non-empty cut v[offset:offset+len] of a valid view, with its stride
 * and read-only flag, is valid: the goals of mv_sub and mv_advance are
 * then a rewriting. */
/*@ ghost
  /@ requires valid: mv_valid(v);
     requires range: 1 <= len && offset + len <= v.len;
     terminates \true;
     assigns \nothing;
     ensures valid: mv_valid({ v \with .data = v.data + offset * v.stride, .len = len, .released = (char)0 });
  @/
  void mv__lemma_cut(mv_view v, size_t offset, size_t len);
*/
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* memview/view.h                                                      */
/* ------------------------------------------------------------------ */
#if !defined(__FRAMAC__) || defined(MV_DEFINE_VIEW_INLINES)

MV__VIEW_INLINE size_t mv_len(mv_view v)
{
    return v.released ? 0 : v.len;
}

MV__VIEW_INLINE bool mv_readonly(mv_view v)
{
    return !v.released && v.readonly;
}

MV__VIEW_INLINE bool mv_contiguous(mv_view v)
{
    return !v.released && (v.len <= 1 || v.stride == 1);
}

MV__VIEW_INLINE ptrdiff_t mv_stride(mv_view v)
{
    return v.released ? 0 : v.stride;
}

/* The one pointer conversion of the library: the stored char * to the
 * const uint8_t * users read bytes through (README: trusted assumptions). */
MV__VIEW_INLINE const uint8_t *mv_data(mv_view v)
{
    return (const uint8_t *)v.data;
}

MV__VIEW_INLINE mv_status mv_sub(mv_view v, size_t offset, size_t len, mv_view *out)
{
    /* The common case first: a non-empty cut.  A released view has no
     * items, so len >= 1 items in range rule it out.  offset + len is
     * never formed: near SIZE_MAX it would wrap into range. */
    if (MV__LIKELY(out != NULL && offset <= v.len && len != 0 && len <= v.len - offset)) {
        //@ assert last: 0 <= offset + len - 1 < v.len;
        //@ ghost mv__lemma_in_span(v.len, v.stride, (ptrdiff_t)offset);
        //@ ghost mv__lemma_cut(v, offset, len);
        out->data = v.data + (ptrdiff_t)offset * v.stride;
        out->len = len;
        out->stride = v.stride;
        out->readonly = v.readonly;
        out->released = false;
        out->owner = v.owner;
        //@ assert cut: *out == { v \with .data = v.data + offset * v.stride, .len = len, .released = (char)0 };
        return MV_OK;
    }
    if (out == NULL)
        return MV_EINVAL;
    if (v.released)
        return MV_ERELEASED;
    if (offset > v.len || len > v.len - offset)
        return MV_ERANGE;
    out->data = NULL;
    out->len = 0;
    out->stride = v.stride;
    out->readonly = v.readonly;
    out->released = false;
    out->owner = v.owner;
    return MV_OK;
}

MV__VIEW_INLINE mv_status mv_advance(mv_view *v, size_t n)
{
    /* The common case first: at least one item stays (so the view is
     * live and its item 0 exists); only data and len change. */
    if (MV__LIKELY(v != NULL && n < v->len)) {
        //@ ghost mv__lemma_in_span(v->len, v->stride, (ptrdiff_t)n);
        //@ ghost mv__lemma_cut(*v, n, v->len - n);
        v->data = v->data + (ptrdiff_t)n * v->stride;
        v->len = v->len - n;
        /*@ assert advanced: *v == { \at(*v, Pre) \with .data = \at(v->data, Pre) + n * \at(v->stride, Pre),
                                                      .len = (size_t)(\at(v->len, Pre) - n) }; */
        return MV_OK;
    }
    if (v == NULL)
        return MV_EINVAL;
    if (v->released)
        return MV_ERELEASED;
    if (n > v->len)
        return MV_ERANGE;
    /* n == len: nothing is left. */
    v->data = NULL;
    v->len = 0;
    return MV_OK;
}

/* *out = v[offset:offset+len] with v's stride and flags (mv_split). */
/*@ requires valid: mv_valid(v) && mv_live(v);
    requires out_valid: \valid(out);
    requires range: offset <= v.len && len <= v.len - offset;
    terminates \true;
    assigns *out;
    ensures valid: mv_valid(*out);
    ensures len: out->len == len;
    ensures item0: len >= 1 ==> out->data == mv_item(v, offset);
    ensures stride: out->stride == v.stride;
    ensures access: out->readonly == v.readonly && out->released == 0;
*/
MV__VIEW_INLINE void mv__cut_into(mv_view v, size_t offset, size_t len, mv_view *out)
{
    if (len == 0) {
        out->data = NULL;
    } else {
        //@ assert last: 0 <= offset + len - 1 < v.len;
        //@ ghost mv__lemma_in_span(v.len, v.stride, (ptrdiff_t)offset);
        //@ ghost mv__lemma_in_span(v.len, v.stride, (ptrdiff_t)(offset + len - 1));
        //@ assert ring: (offset + len - 1) * v.stride == offset * v.stride + (len - 1) * v.stride;
        out->data = v.data + (ptrdiff_t)offset * v.stride;
    }
    out->len = len;
    out->stride = v.stride;
    out->readonly = v.readonly;
    out->released = false;
    out->owner = v.owner;
}

MV__VIEW_INLINE mv_status mv_split(mv_view v, size_t at, mv_view *head, mv_view *tail)
{
    if (head == NULL || tail == NULL || head == tail)
        return MV_EINVAL;
    if (v.released)
        return MV_ERELEASED;
    if (at > v.len)
        return MV_ERANGE;
    mv__cut_into(v, 0, at, head);
    mv__cut_into(v, at, v.len - at, tail);
    return MV_OK;
}

/* mv_slice for a step other than 1 (or MV_OMIT), once the checks have
 * passed: CPython's general slice arithmetic, out of line (src/mv_view.c).
 * What it ensures is the success behavior of mv_slice. */
/*@ requires valid: mv_valid(v) && mv_live(v);
    requires out_valid: \valid(out);
    requires step: step != 0;
    terminates \true;
    assigns *out;
    ensures valid: mv_valid(*out);
    ensures len: out->len == mv_sl_len(v.len, start, stop, step);
    ensures item0: out->len >= 1 ==>
      out->data == v.data + mv_sl_start(v.len, start, step) * v.stride;
    ensures stride: out->len >= 2 ==> out->stride == v.stride * mv_py_step(step);
    ensures items: \forall integer j; 0 <= j < out->len ==>
      mv_item(*out, j) == mv_item(v, mv_sl_start(v.len, start, step) + j * mv_py_step(step));
    ensures in_range: mv_progression_in(mv_sl_start(v.len, start, step), mv_py_step(step),
                                        out->len, v.len);
    ensures access: out->readonly == v.readonly && out->released == 0;
*/
void mv__slice_steps(mv_view v, ptrdiff_t start, ptrdiff_t stop, ptrdiff_t step, mv_view *out);

/* One bound of a slice of step 1, Python's clamping into 0 .. n: a
 * negative bound counts from the end; MV_OMIT (None) is `omitted`. */
/*@ requires n: 0 <= n <= PTRDIFF_MAX;
    requires omitted: omitted == 0 || omitted == PTRDIFF_MAX;
    terminates \true;
    assigns \nothing;
    ensures result: \result == mv_adjust(i == MV_OMIT ? omitted : i, n, 1);
    ensures range: 0 <= \result <= n;
*/
MV__VIEW_INLINE ptrdiff_t mv__clamp_unit(ptrdiff_t i, ptrdiff_t n, ptrdiff_t omitted)
{
    ptrdiff_t x = i == MV_OMIT ? omitted : i;
    if (x < 0) {
        /* x < 0 and n >= 0: the sum cannot overflow. */
        x += n;
        return x < 0 ? 0 : x;
    }
    return x > n ? n : x;
}

/* *out = v[a:a+n] for a slice of step 1: as mv_sub, except that (as in
 * CPython) a view of fewer than two items has stride 1. */
/*@ requires valid: mv_valid(v) && mv_live(v);
    requires out_valid: \valid(out);
    requires range: a <= v.len && n <= v.len - a;
    terminates \true;
    assigns *out;
    ensures valid: mv_valid(*out);
    ensures len: out->len == n;
    ensures item0: n >= 1 ==> out->data == v.data + a * v.stride;
    ensures stride: out->stride == (n >= 2 ? v.stride : 1);
    ensures items: \forall integer j; 0 <= j < n ==> mv_item(*out, j) == mv_item(v, a + j);
    ensures access: out->readonly == v.readonly && out->released == 0;
*/
MV__VIEW_INLINE void mv__slice_unit(mv_view v, size_t a, size_t n, mv_view *out)
{
    if (n >= 2) {
        //@ assert last: 0 <= a + n - 1 < v.len;
        //@ ghost mv__lemma_in_span(v.len, v.stride, (ptrdiff_t)a);
        //@ ghost mv__lemma_in_span(v.len, v.stride, (ptrdiff_t)(a + n - 1));
        //@ assert ring: (a + n - 1) * v.stride == a * v.stride + (n - 1) * v.stride;
        /*@ assert items: \forall integer j; 0 <= j < n ==>
              a * v.stride + j * v.stride == (a + j) * v.stride; */
        out->data = v.data + (ptrdiff_t)a * v.stride;
        out->len = n;
        out->stride = v.stride;
        //@ assert items: \forall integer j; 0 <= j < n ==> mv_item(*out, j) == mv_item(v, a + j);
    } else if (n == 1) {
        //@ ghost mv__lemma_in_span(v.len, v.stride, (ptrdiff_t)a);
        out->data = v.data + (ptrdiff_t)a * v.stride;
        out->len = 1;
        out->stride = 1;
        //@ assert items: \forall integer j; 0 <= j < n ==> mv_item(*out, j) == mv_item(v, a + j);
    } else {
        out->data = NULL;
        out->len = 0;
        out->stride = 1;
    }
    out->readonly = v.readonly;
    out->released = false;
    out->owner = v.owner;
}

/* mv_slice for step 1 (or MV_OMIT) once the checks have passed: no
 * division, Python's clamping of both bounds, then their difference.
 * What it ensures is mv__slice_steps's, for these steps. */
/*@ requires valid: mv_valid(v) && mv_live(v);
    requires out_valid: \valid(out);
    requires step: step == 1 || step == MV_OMIT;
    terminates \true;
    assigns *out;
    ensures valid: mv_valid(*out);
    ensures len: out->len == mv_sl_len(v.len, start, stop, step);
    ensures item0: out->len >= 1 ==>
      out->data == v.data + mv_sl_start(v.len, start, step) * v.stride;
    ensures stride: out->len >= 2 ==> out->stride == v.stride * mv_py_step(step);
    ensures items: \forall integer j; 0 <= j < out->len ==>
      mv_item(*out, j) == mv_item(v, mv_sl_start(v.len, start, step) + j * mv_py_step(step));
    ensures in_range: mv_progression_in(mv_sl_start(v.len, start, step), mv_py_step(step),
                                        out->len, v.len);
    ensures access: out->readonly == v.readonly && out->released == 0;
*/
MV__VIEW_INLINE void mv__slice_one(mv_view v, ptrdiff_t start, ptrdiff_t stop, ptrdiff_t step,
                                   mv_view *out)
{
    (void)step;   /* named by the contract: 1 and MV_OMIT slice alike */
    ptrdiff_t n = (ptrdiff_t)v.len;
    ptrdiff_t a = mv__clamp_unit(start, n, 0);
    ptrdiff_t b = mv__clamp_unit(stop, n, PTRDIFF_MAX);
    size_t first = (size_t)a;
    size_t count = a < b ? (size_t)(b - a) : 0;
    //@ assert unit: mv_py_step(step) == 1;
    //@ assert first: first == mv_sl_start(v.len, start, step);
    //@ assert stop: b == mv_sl_stop(v.len, stop, step);
    //@ assert count: count == mv_sl_len(v.len, start, stop, step);
    mv__slice_unit(v, first, count, out);
    //@ assert item0: count >= 1 ==> out->data == v.data + mv_sl_start(v.len, start, step) * v.stride;
    //@ assert stride: count >= 2 ==> out->stride == v.stride * mv_py_step(step);
    /*@ assert items: \forall integer j; 0 <= j < count ==>
          mv_item(*out, j) == mv_item(v, mv_sl_start(v.len, start, step) + j * mv_py_step(step)); */
    //@ assert in_range: mv_progression_in(mv_sl_start(v.len, start, step), mv_py_step(step), count, v.len);
}

MV__VIEW_INLINE mv_status mv_slice(mv_view v, ptrdiff_t start, ptrdiff_t stop, ptrdiff_t step,
                                   mv_view *out)
{
    /* Step 1 (or None), the common case, needs no division. */
    if (MV__LIKELY(out != NULL && !v.released && (step == 1 || step == MV_OMIT))) {
        mv__slice_one(v, start, stop, step, out);
        //@ assert sliced: mv_sliced(v, start, stop, step, *out);
        return MV_OK;
    }
    if (out == NULL)
        return MV_EINVAL;
    if (v.released)
        return MV_ERELEASED;
    if (step == 0)
        return MV_EINVAL;
    /* Only the success paths call out: the failures above assign nothing. */
    mv__slice_steps(v, start, stop, step, out);
    //@ assert sliced: mv_sliced(v, start, stop, step, *out);
    return MV_OK;
}

#endif /* view */

/* ------------------------------------------------------------------ */
/* memview/items.h                                                     */
/* ------------------------------------------------------------------ */
#if !defined(__FRAMAC__) || defined(MV_DEFINE_ITEMS_INLINES)

MV__ITEMS_INLINE mv_status mv_get(mv_view v, ptrdiff_t index, uint8_t *out)
{
    /* CPython's index normalisation; a negative index plus n >= 0 cannot
     * overflow.  A released view has no items, so an index in range rules
     * it out. */
    ptrdiff_t n = (ptrdiff_t)v.len;
    ptrdiff_t i = index < 0 ? index + n : index;
    if (MV__LIKELY(out != NULL && 0 <= i && i < n)) {
        //@ ghost mv__lemma_in_span(v.len, v.stride, i);
        char c = v.data[i * v.stride];
        *out = (uint8_t)(c < 0 ? c + 256 : c);
        return MV_OK;
    }
    if (out == NULL)
        return MV_EINVAL;
    if (v.released)
        return MV_ERELEASED;
    return MV_ERANGE;
}

MV__ITEMS_INLINE mv_status mv_set(mv_view v, ptrdiff_t index, uint8_t value)
{
    ptrdiff_t n = (ptrdiff_t)v.len;
    ptrdiff_t i = index < 0 ? index + n : index;
    if (MV__LIKELY(!v.readonly && 0 <= i && i < n)) {
        //@ ghost mv__lemma_in_span(v.len, v.stride, i);
        v.data[i * v.stride] = (char)(value > 127 ? value - 256 : value);
        return MV_OK;
    }
    if (v.released)
        return MV_ERELEASED;
    if (v.readonly)
        return MV_EREADONLY;
    return MV_ERANGE;
}

#endif /* items */

/* ------------------------------------------------------------------ */
/* memview/cursor.h: the integer reads and writes                      */
/* ------------------------------------------------------------------ */
#if !defined(__FRAMAC__) || defined(MV_DEFINE_CURSOR_INLINES)

/* A stored char as the byte value 0..255, and a byte value 0..255 as the
 * char that stores it (memview.h: bytes are char).  Written so that the
 * compilers see a byte load or store: gcc and clang fuse the shifted sums
 * below into one load or store (and a byte swap where the order needs
 * it). */
#define MV__BYTE(c) ((uint64_t)(uint8_t)((c) < 0 ? (c) + 256 : (c)))
#define MV__CHAR(b) ((char)((b) > 127 ? (int)(b) - 256 : (int)(b)))

/* The byte loops below run a constant number of times once inlined into a
 * public function; gcc -O2 unrolls such a loop only when told to (clang
 * does by itself), and only an unrolled loop is fused into one load. */
#if defined(__GNUC__) && !defined(__clang__) && !defined(__FRAMAC__)
#define MV__UNROLL_BYTES _Pragma("GCC unroll 8")
#else
#define MV__UNROLL_BYTES
#endif

#ifdef __FRAMAC__
/* Lemma functions: a left shift by 8 bits is a multiplication by 256, and
 * a byte shifted left by 8j bits is worth byte * 256^j.  WP's theory of <<
 * has only x << 1 == 2x and the sum of two shifts, so the first is built
 * one bit at a time and the second one byte at a time from the first. */
/*@ ghost
  /@ requires nonneg: 0 <= x;
     terminates \true;
     assigns \nothing;
     ensures shift8: (x << 8) == 256 * x;
  @/
  static void mv__lemma_shift8(uint64_t x)
  {
    /@ assert shift: (x << 1) == 2 * x; @/
    /@ assert step: ((2 * x) << 1) == 4 * x; @/
    /@ assert shift: (x << 2) == 4 * x; @/
    /@ assert step: ((4 * x) << 1) == 8 * x; @/
    /@ assert shift: (x << 3) == 8 * x; @/
    /@ assert step: ((8 * x) << 1) == 16 * x; @/
    /@ assert shift: (x << 4) == 16 * x; @/
    /@ assert step: ((16 * x) << 1) == 32 * x; @/
    /@ assert shift: (x << 5) == 32 * x; @/
    /@ assert step: ((32 * x) << 1) == 64 * x; @/
    /@ assert shift: (x << 6) == 64 * x; @/
    /@ assert step: ((64 * x) << 1) == 128 * x; @/
    /@ assert shift: (x << 7) == 128 * x; @/
    /@ assert step: ((128 * x) << 1) == 256 * x; @/
    /@ assert shift: (x << 8) == 256 * x; @/
  }
*/

/*@ ghost
  /@ requires byte: x < 256;
     requires position: j < 8;
     terminates \true;
     assigns \nothing;
     ensures shifted: (x << (8 * j)) == x * mv_pow256(j);
     ensures worth: 0 <= x * mv_pow256(j) <= 255 * mv_pow256(j);
     ensures next: mv_pow256(j + 1) == 256 * mv_pow256(j);
     ensures fits: mv_pow256(j + 1) <= 18446744073709551616;
  @/
  static void mv__lemma_byte_shift(uint64_t x, size_t j)
  {
    /@ loop invariant i: 0 <= i <= j;
       loop invariant shifted: (x << (8 * i)) == x * mv_pow256(i);
       loop invariant small: x * mv_pow256(i) < mv_pow256(i + 1);
       loop invariant positive: 1 <= mv_pow256(i);
       loop assigns i;
       loop variant j - i;
    @/
    for (size_t i = 0; i < j; i++) {
      /@ assert fits: mv_pow256(i + 1) <= mv_pow256(7); @/
      mv__lemma_shift8(x << (8 * i));
      /@ assert add: ((x << (8 * i)) << 8) == (x << (8 * i + 8)); @/
      /@ assert pow: mv_pow256(i + 1) == 256 * mv_pow256(i); @/
      /@ assert mul: x * mv_pow256(i + 1) == 256 * (x * mv_pow256(i)); @/
      /@ assert next: (x << (8 * i + 8)) == 256 * (x * mv_pow256(i)); @/
    }
    /@ assert pow: mv_pow256(j + 1) == 256 * mv_pow256(j); @/
    /@ assert worth: x * mv_pow256(j) <= 255 * mv_pow256(j); @/
  }
*/
#endif

/* The checks every cursor integer operation starts with, in the
 * documented order.  have_out: the caller's output pointer is usable;
 * write: the operation stores through the cursor. */
/*@ requires cur_valid: cur == \null || (\valid_read(cur) && mv_valid(*cur));
    terminates \true;
    assigns \nothing;
    ensures bad_pointer: (cur == \null || !have_out) ==> \result == MV_EINVAL;
    ensures released: cur != \null && have_out && cur->released != 0 ==> \result == MV_ERELEASED;
    ensures writable: cur != \null && have_out && cur->released == 0 && write && cur->readonly != 0 ==>
      \result == MV_EREADONLY;
    ensures short: cur != \null && have_out && cur->released == 0 && !(write && cur->readonly != 0) &&
      cur->len < n ==> \result == MV_ERANGE;
    ensures ok: cur != \null && have_out && cur->released == 0 && !(write && cur->readonly != 0) &&
      cur->len >= n ==> \result == MV_OK;
*/
MV__CURSOR_INLINE mv_status mv__cursor_status(const mv_view *cur, bool have_out, bool write, size_t n)
{
    if (cur == NULL || !have_out)
        return MV_EINVAL;
    if (cur->released)
        return MV_ERELEASED;
    if (write && cur->readonly)
        return MV_EREADONLY;
    if (cur->len < n)
        return MV_ERANGE;
    return MV_OK;
}

/* cur = cur[n:], for any stride; n may be all that is left. */
/*@ requires cur_valid: \valid(cur) && mv_valid(*cur) && cur->released == 0;
    requires n: n <= cur->len;
    terminates \true;
    assigns *cur;
    ensures cursor: mv_valid(*cur) && mv_advanced_by(*cur, \old(*cur), n);
*/
MV__CURSOR_INLINE void mv__cursor_drop(mv_view *cur, size_t n)
{
    if (n < cur->len) {
        //@ ghost mv__lemma_in_span(cur->len, cur->stride, (ptrdiff_t)n);
        //@ ghost mv__lemma_cut(*cur, n, cur->len - n);
        cur->data = cur->data + (ptrdiff_t)n * cur->stride;
        cur->len = cur->len - n;
        //@ assert same: *cur == { \at(*cur, Pre) \with .data = \at(cur->data, Pre) + n * \at(cur->stride, Pre), .len = (size_t)(\at(cur->len, Pre) - n), .released = (char)0 };
        //@ assert valid: mv_valid(*cur);
        //@ assert advanced: mv_advanced_by(*cur, \at(*cur, Pre), n);
        //@ assert cursor: mv_valid(*cur) && mv_advanced_by(*cur, \at(*cur, Pre), n);
    } else {
        /* n == len: nothing is left. */
        cur->data = NULL;
        cur->len = 0;
        //@ assert cursor: mv_valid(*cur) && mv_advanced_by(*cur, \at(*cur, Pre), n);
    }
}

/* The contiguous path, for every width n in 1..8 and both orders: a cursor
 * of stride 1 that keeps at least one item afterwards, its first n bytes
 * loaded (take) or stored (put) directly, then cur = cur[n:].  Step j
 * handles the byte worth 256^j: item n-1-j (big) or item j (little).
 * Inlined with a constant n and order, the loop unrolls into the shifted
 * sum of n bytes that the compilers turn into one load or store. */

/*@ requires cur_valid: \valid(cur) && mv_valid(*cur);
    requires width: 1 <= n <= 8;
    requires contiguous: cur->stride == 1 && n < cur->len;
    terminates \true;
    assigns *cur;
    ensures read: mv_cursor_read{Pre,Post}(cur, n, big != 0, \result);
    ensures bound: \result < mv_pow256(n);
*/
MV__CURSOR_INLINE uint64_t mv__take_uint(mv_view *cur, size_t n, bool big)
{
    const char *p = cur->data;
    uint64_t value = 0;
    /*@ loop invariant j: 0 <= j <= n;
        loop invariant big: big ==> value == mv_be_of(*cur, n - j, j);
        loop invariant little: !big ==> value == mv_le_of(*cur, 0, j);
        loop invariant bound: value < mv_pow256(j);
        loop assigns j, value;
        loop variant n - j;
    */
    MV__UNROLL_BYTES
    for (size_t j = 0; j < n; j++) {
        size_t index = big ? n - 1 - j : j;
        //@ assert item: p + index == mv_item(*cur, index);
        uint64_t byte = MV__BYTE(p[index]);
        //@ assert byte: byte == mv_at(*cur, index);
        //@ ghost mv__lemma_byte_shift(byte, j);
        /* value < 256^j, so value + byte * 256^j < 256^(j+1) <= 2^64. */
        //@ assert room: value + byte * mv_pow256(j) < mv_pow256(j + 1);
        value += byte << (8 * j);
        //@ assert big: big ==> value == mv_be_of(*cur, n - 1 - j, j + 1);
        //@ assert little: !big ==> value == mv_le_of(*cur, 0, j + 1);
    }
    mv__cursor_drop(cur, n);
    return value;
}

/*@ requires cur_valid: \valid(cur) && mv_valid(*cur);
    requires writable: cur->readonly == 0;
    requires width: 1 <= n <= 8;
    requires contiguous: cur->stride == 1 && n < cur->len;
    terminates \true;
    assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < n };
    ensures written: mv_cursor_wrote{Pre,Post}(cur, n, big != 0, value);
*/
MV__CURSOR_INLINE void mv__put_uint(mv_view *cur, size_t n, bool big, uint64_t value)
{
    char *p = cur->data;
    //@ assert items: \forall integer i; mv_item(*cur, i) == p + i;
    /* The cursor moves first: stored through a char pointer, the bytes
     * could be the cursor's own for all the compiler knows, and it would
     * read the cursor again after them. */
    mv__cursor_drop(cur, n);
    uint64_t rest = value;
    /*@ loop invariant j: 0 <= j <= n;
        loop invariant rest: rest == mv_shift256(value, j);
        loop invariant big: big ==> \forall integer i; n - j <= i < n ==>
          mv_at(\at(*cur, Pre), i) == mv_byte_of(value, n - 1 - i);
        loop invariant little: !big ==> \forall integer i; 0 <= i < j ==>
          mv_at(\at(*cur, Pre), i) == mv_byte_of(value, i);
        loop assigns j, rest, p[0 .. n - 1];
        loop variant n - j;
    */
    MV__UNROLL_BYTES
    for (size_t j = 0; j < n; j++) {
        size_t index = big ? n - 1 - j : j;
        p[index] = MV__CHAR(rest % 256u);
        //@ assert byte: mv_at(\at(*cur, Pre), index) == mv_byte_of(value, j);
        rest /= 256u;
    }
}

/* Items 0 .. n-1 of any stride, any width 1..8, read or written out of
 * line (src/mv_cursor.c, where their contracts are): a strided cursor,
 * and the last bytes of any cursor.  The view is passed by value, so the
 * caller's cursor need not live in memory for the fast path's sake. */
uint64_t mv__load_uint(mv_view v, size_t n, bool big);
void mv__store_uint(mv_view v, size_t n, bool big, uint64_t value);

/* The read and the write of n items (1..8) in either order, on a cursor
 * that holds them: a contiguous cursor that keeps an item afterwards takes
 * the fast path, any other goes out of line.  They cannot fail: every
 * public function first takes its status from mv__cursor_status (whose
 * `assigns \nothing` is what lets each failing behavior be proven to
 * change nothing), then calls one of them with its constant width and
 * order, so that each inlines into its own straight-line code. */
/*@ requires cur_valid: \valid(cur) && mv_valid(*cur) && cur->released == 0;
    requires width: 1 <= n <= 8 && n <= cur->len;
    terminates \true;
    assigns *cur;
    ensures read: mv_cursor_read{Pre,Post}(cur, n, big != 0, \result);
    ensures bound: \result < mv_pow256(n);
*/
MV__CURSOR_INLINE uint64_t mv__read_uint(mv_view *cur, size_t n, bool big)
{
    if (MV__LIKELY(cur->stride == 1 && n < cur->len))
        return mv__take_uint(cur, n, big);
    uint64_t value = mv__load_uint(*cur, n, big);
    mv__cursor_drop(cur, n);
    return value;
}

/*@ requires cur_valid: \valid(cur) && mv_valid(*cur) && cur->released == 0;
    requires writable: cur->readonly == 0;
    requires width: 1 <= n <= 8 && n <= cur->len;
    terminates \true;
    assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < n };
    ensures written: mv_cursor_wrote{Pre,Post}(cur, n, big != 0, value);
*/
MV__CURSOR_INLINE void mv__write_uint(mv_view *cur, size_t n, bool big, uint64_t value)
{
    if (MV__LIKELY(cur->stride == 1 && n < cur->len)) {
        mv__put_uint(cur, n, big, value);
        return;
    }
    mv__store_uint(*cur, n, big, value);
    mv__cursor_drop(cur, n);
}

/* The public reads and writes. */

MV__CURSOR_INLINE mv_status mv_read_u8(mv_view *cur, uint8_t *out)
{
    mv_status status = mv__cursor_status(cur, out != NULL, false, 1);
    if (status == MV_OK)
        *out = (uint8_t)mv__read_uint(cur, 1, true);
    return status;
}

MV__CURSOR_INLINE mv_status mv_read_be16(mv_view *cur, uint16_t *out)
{
    mv_status status = mv__cursor_status(cur, out != NULL, false, 2);
    if (status == MV_OK)
        *out = (uint16_t)mv__read_uint(cur, 2, true);
    return status;
}

MV__CURSOR_INLINE mv_status mv_read_be24(mv_view *cur, uint32_t *out)
{
    mv_status status = mv__cursor_status(cur, out != NULL, false, 3);
    if (status == MV_OK)
        *out = (uint32_t)mv__read_uint(cur, 3, true);
    return status;
}

MV__CURSOR_INLINE mv_status mv_read_be32(mv_view *cur, uint32_t *out)
{
    mv_status status = mv__cursor_status(cur, out != NULL, false, 4);
    if (status == MV_OK)
        *out = (uint32_t)mv__read_uint(cur, 4, true);
    return status;
}

MV__CURSOR_INLINE mv_status mv_read_be64(mv_view *cur, uint64_t *out)
{
    mv_status status = mv__cursor_status(cur, out != NULL, false, 8);
    if (status == MV_OK)
        *out = mv__read_uint(cur, 8, true);
    return status;
}

MV__CURSOR_INLINE mv_status mv_read_le16(mv_view *cur, uint16_t *out)
{
    mv_status status = mv__cursor_status(cur, out != NULL, false, 2);
    if (status == MV_OK)
        *out = (uint16_t)mv__read_uint(cur, 2, false);
    return status;
}

MV__CURSOR_INLINE mv_status mv_read_le32(mv_view *cur, uint32_t *out)
{
    mv_status status = mv__cursor_status(cur, out != NULL, false, 4);
    if (status == MV_OK)
        *out = (uint32_t)mv__read_uint(cur, 4, false);
    return status;
}

MV__CURSOR_INLINE mv_status mv_read_le64(mv_view *cur, uint64_t *out)
{
    mv_status status = mv__cursor_status(cur, out != NULL, false, 8);
    if (status == MV_OK)
        *out = mv__read_uint(cur, 8, false);
    return status;
}

MV__CURSOR_INLINE mv_status mv_write_u8(mv_view *cur, uint8_t v)
{
    mv_status status = mv__cursor_status(cur, true, true, 1);
    if (status == MV_OK)
        mv__write_uint(cur, 1, true, v);
    return status;
}

MV__CURSOR_INLINE mv_status mv_write_be16(mv_view *cur, uint16_t v)
{
    mv_status status = mv__cursor_status(cur, true, true, 2);
    if (status == MV_OK)
        mv__write_uint(cur, 2, true, v);
    return status;
}

MV__CURSOR_INLINE mv_status mv_write_be24(mv_view *cur, uint32_t v)
{
    mv_status status = mv__cursor_status(cur, true, true, 3);
    if (status == MV_OK)
        mv__write_uint(cur, 3, true, v);
    return status;
}

MV__CURSOR_INLINE mv_status mv_write_be32(mv_view *cur, uint32_t v)
{
    mv_status status = mv__cursor_status(cur, true, true, 4);
    if (status == MV_OK)
        mv__write_uint(cur, 4, true, v);
    return status;
}

MV__CURSOR_INLINE mv_status mv_write_be64(mv_view *cur, uint64_t v)
{
    mv_status status = mv__cursor_status(cur, true, true, 8);
    if (status == MV_OK)
        mv__write_uint(cur, 8, true, v);
    return status;
}

MV__CURSOR_INLINE mv_status mv_write_le16(mv_view *cur, uint16_t v)
{
    mv_status status = mv__cursor_status(cur, true, true, 2);
    if (status == MV_OK)
        mv__write_uint(cur, 2, false, v);
    return status;
}

MV__CURSOR_INLINE mv_status mv_write_le32(mv_view *cur, uint32_t v)
{
    mv_status status = mv__cursor_status(cur, true, true, 4);
    if (status == MV_OK)
        mv__write_uint(cur, 4, false, v);
    return status;
}

MV__CURSOR_INLINE mv_status mv_write_le64(mv_view *cur, uint64_t v)
{
    mv_status status = mv__cursor_status(cur, true, true, 8);
    if (status == MV_OK)
        mv__write_uint(cur, 8, false, v);
    return status;
}

MV__CURSOR_INLINE mv_status mv_read_le24(mv_view *cur, uint32_t *out)
{
    mv_status status = mv__cursor_status(cur, out != NULL, false, 3);
    if (status == MV_OK)
        *out = (uint32_t)mv__read_uint(cur, 3, false);
    return status;
}

MV__CURSOR_INLINE mv_status mv_write_le24(mv_view *cur, uint32_t v)
{
    mv_status status = mv__cursor_status(cur, true, true, 3);
    if (status == MV_OK)
        mv__write_uint(cur, 3, false, v);
    return status;
}

/* The signed reads: the unsigned value of the same items, then its two's
 * complement reading, computed without an out-of-range conversion: a
 * value with the top bit set is brought into the signed range before it
 * is converted. */

/*@ requires value: value < 256;
    terminates \true;
    assigns \nothing;
    ensures value: \result == mv_signed_of(value, 1);
*/
MV__CURSOR_INLINE int8_t mv__int8_of(uint64_t value)
{
    //@ assert pow: mv_pow256(1) == 256;
    return value > INT8_MAX ? (int8_t)((int)value - 256) : (int8_t)value;
}

/*@ requires value: value < 65536;
    terminates \true;
    assigns \nothing;
    ensures value: \result == mv_signed_of(value, 2);
*/
MV__CURSOR_INLINE int16_t mv__int16_of(uint64_t value)
{
    //@ assert pow: mv_pow256(2) == 65536;
    return value > INT16_MAX ? (int16_t)((int32_t)value - 65536) : (int16_t)value;
}

/*@ requires value: value < 4294967296;
    terminates \true;
    assigns \nothing;
    ensures value: \result == mv_signed_of(value, 4);
*/
MV__CURSOR_INLINE int32_t mv__int32_of(uint64_t value)
{
    //@ assert pow: mv_pow256(4) == 4294967296;
    return value > INT32_MAX ? (int32_t)((int64_t)value - 4294967296) : (int32_t)value;
}

/*@ terminates \true;
    assigns \nothing;
    ensures value: \result == mv_signed_of(value, 8);
*/
MV__CURSOR_INLINE int64_t mv__int64_of(uint64_t value)
{
    //@ assert pow: mv_pow256(8) == 18446744073709551616;
    return value > INT64_MAX ? -(int64_t)(UINT64_MAX - value) - 1 : (int64_t)value;
}

MV__CURSOR_INLINE mv_status mv_read_i8(mv_view *cur, int8_t *out)
{
    mv_status status = mv__cursor_status(cur, out != NULL, false, 1);
    if (status == MV_OK)
        *out = mv__int8_of(mv__read_uint(cur, 1, true));
    return status;
}

MV__CURSOR_INLINE mv_status mv_read_be_i16(mv_view *cur, int16_t *out)
{
    mv_status status = mv__cursor_status(cur, out != NULL, false, 2);
    if (status == MV_OK)
        *out = mv__int16_of(mv__read_uint(cur, 2, true));
    return status;
}

MV__CURSOR_INLINE mv_status mv_read_le_i16(mv_view *cur, int16_t *out)
{
    mv_status status = mv__cursor_status(cur, out != NULL, false, 2);
    if (status == MV_OK)
        *out = mv__int16_of(mv__read_uint(cur, 2, false));
    return status;
}

MV__CURSOR_INLINE mv_status mv_read_be_i32(mv_view *cur, int32_t *out)
{
    mv_status status = mv__cursor_status(cur, out != NULL, false, 4);
    if (status == MV_OK)
        *out = mv__int32_of(mv__read_uint(cur, 4, true));
    return status;
}

MV__CURSOR_INLINE mv_status mv_read_le_i32(mv_view *cur, int32_t *out)
{
    mv_status status = mv__cursor_status(cur, out != NULL, false, 4);
    if (status == MV_OK)
        *out = mv__int32_of(mv__read_uint(cur, 4, false));
    return status;
}

MV__CURSOR_INLINE mv_status mv_read_be_i64(mv_view *cur, int64_t *out)
{
    mv_status status = mv__cursor_status(cur, out != NULL, false, 8);
    if (status == MV_OK)
        *out = mv__int64_of(mv__read_uint(cur, 8, true));
    return status;
}

MV__CURSOR_INLINE mv_status mv_read_le_i64(mv_view *cur, int64_t *out)
{
    mv_status status = mv__cursor_status(cur, out != NULL, false, 8);
    if (status == MV_OK)
        *out = mv__int64_of(mv__read_uint(cur, 8, false));
    return status;
}

/* The variable-width reads.  A width outside 1..8 is refused after the
 * pointer and release checks and before the length check: with n = 0,
 * mv__cursor_status makes exactly the checks that come first. */

MV__CURSOR_INLINE mv_status mv_read_be_uint(mv_view *cur, size_t n, uint64_t *value)
{
    mv_status status = mv__cursor_status(cur, value != NULL, false, n == 0 || n > 8 ? 0 : n);
    if (status == MV_OK && (n == 0 || n > 8))
        return MV_EINVAL;
    if (status == MV_OK)
        *value = mv__read_uint(cur, n, true);
    return status;
}

MV__CURSOR_INLINE mv_status mv_read_le_uint(mv_view *cur, size_t n, uint64_t *value)
{
    mv_status status = mv__cursor_status(cur, value != NULL, false, n == 0 || n > 8 ? 0 : n);
    if (status == MV_OK && (n == 0 || n > 8))
        return MV_EINVAL;
    if (status == MV_OK)
        *value = mv__read_uint(cur, n, false);
    return status;
}

#endif /* cursor */

#ifdef __cplusplus
}
#endif

#endif /* MEMVIEW_INLINE_H */
