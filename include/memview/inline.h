/*
 * memview/inline.h — the inline definitions of the O(1) functions.
 *
 * Part of memview.h (include that).  The functions below are documented,
 * with their contracts, in memview/view.h, memview/items.h and
 * memview/cursor.h; this file holds only their code, so that a call
 * compiles to the few instructions the operation needs instead of a call
 * that passes a 32-byte view through memory.  They are C99 inline
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
/* A lemma function (see src/mv_internal.h): item i of a view of len items
 * lies inside the view's span.  Here rather than in mv_internal.h because
 * the inline definitions below call it in ghost code. */
/*@ ghost
  /@ requires index: 0 <= i < len;
     terminates \true;
     assigns \nothing;
     ensures span: mv_span_lo(len, s) <= i * s <= mv_span_hi(len, s);
  @/
  static void mv__lemma_in_span(size_t len, ptrdiff_t s, ptrdiff_t i)
  {
    /@ assert s >= 0 ==> 0 <= (len - 1 - i) * s; @/
    /@ assert s < 0 ==> (len - 1 - i) * s <= 0; @/
  }
*/

/* A lemma function: a non-empty cut v[offset:offset+len] of a valid view,
 * with its stride and read-only flag, is valid.  Proven once here, so that
 * the goals of mv_sub and mv_advance are a rewriting. */
/*@ ghost
  /@ requires valid: mv_valid(v);
     requires range: 1 <= len && offset + len <= v.len;
     terminates \true;
     assigns \nothing;
     ensures valid: mv_valid({ v \with .data = v.data + offset * v.stride, .len = len, .released = (char)0 });
  @/
  static void mv__lemma_cut(mv_view v, size_t offset, size_t len)
  {
    mv__lemma_in_span(v.len, v.stride, (ptrdiff_t)offset);
    mv__lemma_in_span(v.len, v.stride, (ptrdiff_t)(offset + len - 1));
    /@ assert ring: (offset + len - 1) * v.stride == offset * v.stride + (len - 1) * v.stride; @/
  }
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
 * compilers see a byte load or store: gcc and clang fuse the shifts and
 * sums below into one load or store (and a byte swap where the order
 * needs it). */
#define MV__BYTE(c) ((uint64_t)(uint8_t)((c) < 0 ? (c) + 256 : (c)))
#define MV__CHAR(b) ((char)((b) > 127 ? (int)(b) - 256 : (int)(b)))

#ifdef __FRAMAC__
/* A lemma function: a left shift by 8k bits is a multiplication by 256^k.
 * WP's theory of << has only x << 1 == 2x and the sum of two shifts, so
 * each step is stated once, from the one before. */
/*@ ghost
  /@ requires nonneg: 0 <= x;
     terminates \true;
     assigns \nothing;
     ensures shift8: (x << 8) == 256 * x;
     ensures shift16: (x << 16) == 65536 * x;
     ensures shift24: (x << 24) == 16777216 * x;
     ensures shift32: (x << 32) == 4294967296 * x;
     ensures shift40: (x << 40) == 1099511627776 * x;
     ensures shift48: (x << 48) == 281474976710656 * x;
     ensures shift56: (x << 56) == 72057594037927936 * x;
  @/
  static void mv__lemma_shifts(uint64_t x)
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
    /@ assert step: ((256 * x) << 1) == 512 * x; @/
    /@ assert shift: (x << 9) == 512 * x; @/
    /@ assert step: ((512 * x) << 1) == 1024 * x; @/
    /@ assert shift: (x << 10) == 1024 * x; @/
    /@ assert step: ((1024 * x) << 1) == 2048 * x; @/
    /@ assert shift: (x << 11) == 2048 * x; @/
    /@ assert step: ((2048 * x) << 1) == 4096 * x; @/
    /@ assert shift: (x << 12) == 4096 * x; @/
    /@ assert step: ((4096 * x) << 1) == 8192 * x; @/
    /@ assert shift: (x << 13) == 8192 * x; @/
    /@ assert step: ((8192 * x) << 1) == 16384 * x; @/
    /@ assert shift: (x << 14) == 16384 * x; @/
    /@ assert step: ((16384 * x) << 1) == 32768 * x; @/
    /@ assert shift: (x << 15) == 32768 * x; @/
    /@ assert step: ((32768 * x) << 1) == 65536 * x; @/
    /@ assert shift: (x << 16) == 65536 * x; @/
    /@ assert step: ((65536 * x) << 1) == 131072 * x; @/
    /@ assert shift: (x << 17) == 131072 * x; @/
    /@ assert step: ((131072 * x) << 1) == 262144 * x; @/
    /@ assert shift: (x << 18) == 262144 * x; @/
    /@ assert step: ((262144 * x) << 1) == 524288 * x; @/
    /@ assert shift: (x << 19) == 524288 * x; @/
    /@ assert step: ((524288 * x) << 1) == 1048576 * x; @/
    /@ assert shift: (x << 20) == 1048576 * x; @/
    /@ assert step: ((1048576 * x) << 1) == 2097152 * x; @/
    /@ assert shift: (x << 21) == 2097152 * x; @/
    /@ assert step: ((2097152 * x) << 1) == 4194304 * x; @/
    /@ assert shift: (x << 22) == 4194304 * x; @/
    /@ assert step: ((4194304 * x) << 1) == 8388608 * x; @/
    /@ assert shift: (x << 23) == 8388608 * x; @/
    /@ assert step: ((8388608 * x) << 1) == 16777216 * x; @/
    /@ assert shift: (x << 24) == 16777216 * x; @/
    /@ assert step: ((16777216 * x) << 1) == 33554432 * x; @/
    /@ assert shift: (x << 25) == 33554432 * x; @/
    /@ assert step: ((33554432 * x) << 1) == 67108864 * x; @/
    /@ assert shift: (x << 26) == 67108864 * x; @/
    /@ assert step: ((67108864 * x) << 1) == 134217728 * x; @/
    /@ assert shift: (x << 27) == 134217728 * x; @/
    /@ assert step: ((134217728 * x) << 1) == 268435456 * x; @/
    /@ assert shift: (x << 28) == 268435456 * x; @/
    /@ assert step: ((268435456 * x) << 1) == 536870912 * x; @/
    /@ assert shift: (x << 29) == 536870912 * x; @/
    /@ assert step: ((536870912 * x) << 1) == 1073741824 * x; @/
    /@ assert shift: (x << 30) == 1073741824 * x; @/
    /@ assert step: ((1073741824 * x) << 1) == 2147483648 * x; @/
    /@ assert shift: (x << 31) == 2147483648 * x; @/
    /@ assert step: ((2147483648 * x) << 1) == 4294967296 * x; @/
    /@ assert shift: (x << 32) == 4294967296 * x; @/
    /@ assert step: ((4294967296 * x) << 1) == 8589934592 * x; @/
    /@ assert shift: (x << 33) == 8589934592 * x; @/
    /@ assert step: ((8589934592 * x) << 1) == 17179869184 * x; @/
    /@ assert shift: (x << 34) == 17179869184 * x; @/
    /@ assert step: ((17179869184 * x) << 1) == 34359738368 * x; @/
    /@ assert shift: (x << 35) == 34359738368 * x; @/
    /@ assert step: ((34359738368 * x) << 1) == 68719476736 * x; @/
    /@ assert shift: (x << 36) == 68719476736 * x; @/
    /@ assert step: ((68719476736 * x) << 1) == 137438953472 * x; @/
    /@ assert shift: (x << 37) == 137438953472 * x; @/
    /@ assert step: ((137438953472 * x) << 1) == 274877906944 * x; @/
    /@ assert shift: (x << 38) == 274877906944 * x; @/
    /@ assert step: ((274877906944 * x) << 1) == 549755813888 * x; @/
    /@ assert shift: (x << 39) == 549755813888 * x; @/
    /@ assert step: ((549755813888 * x) << 1) == 1099511627776 * x; @/
    /@ assert shift: (x << 40) == 1099511627776 * x; @/
    /@ assert step: ((1099511627776 * x) << 1) == 2199023255552 * x; @/
    /@ assert shift: (x << 41) == 2199023255552 * x; @/
    /@ assert step: ((2199023255552 * x) << 1) == 4398046511104 * x; @/
    /@ assert shift: (x << 42) == 4398046511104 * x; @/
    /@ assert step: ((4398046511104 * x) << 1) == 8796093022208 * x; @/
    /@ assert shift: (x << 43) == 8796093022208 * x; @/
    /@ assert step: ((8796093022208 * x) << 1) == 17592186044416 * x; @/
    /@ assert shift: (x << 44) == 17592186044416 * x; @/
    /@ assert step: ((17592186044416 * x) << 1) == 35184372088832 * x; @/
    /@ assert shift: (x << 45) == 35184372088832 * x; @/
    /@ assert step: ((35184372088832 * x) << 1) == 70368744177664 * x; @/
    /@ assert shift: (x << 46) == 70368744177664 * x; @/
    /@ assert step: ((70368744177664 * x) << 1) == 140737488355328 * x; @/
    /@ assert shift: (x << 47) == 140737488355328 * x; @/
    /@ assert step: ((140737488355328 * x) << 1) == 281474976710656 * x; @/
    /@ assert shift: (x << 48) == 281474976710656 * x; @/
    /@ assert step: ((281474976710656 * x) << 1) == 562949953421312 * x; @/
    /@ assert shift: (x << 49) == 562949953421312 * x; @/
    /@ assert step: ((562949953421312 * x) << 1) == 1125899906842624 * x; @/
    /@ assert shift: (x << 50) == 1125899906842624 * x; @/
    /@ assert step: ((1125899906842624 * x) << 1) == 2251799813685248 * x; @/
    /@ assert shift: (x << 51) == 2251799813685248 * x; @/
    /@ assert step: ((2251799813685248 * x) << 1) == 4503599627370496 * x; @/
    /@ assert shift: (x << 52) == 4503599627370496 * x; @/
    /@ assert step: ((4503599627370496 * x) << 1) == 9007199254740992 * x; @/
    /@ assert shift: (x << 53) == 9007199254740992 * x; @/
    /@ assert step: ((9007199254740992 * x) << 1) == 18014398509481984 * x; @/
    /@ assert shift: (x << 54) == 18014398509481984 * x; @/
    /@ assert step: ((18014398509481984 * x) << 1) == 36028797018963968 * x; @/
    /@ assert shift: (x << 55) == 36028797018963968 * x; @/
    /@ assert step: ((36028797018963968 * x) << 1) == 72057594037927936 * x; @/
    /@ assert shift: (x << 56) == 72057594037927936 * x; @/
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
        //@ ghost mv__lemma_in_span(cur->len, cur->stride, (ptrdiff_t)(cur->len - 1));
        //@ assert ring: (cur->len - 1) * cur->stride == n * cur->stride + (cur->len - n - 1) * cur->stride;
        cur->data = cur->data + (ptrdiff_t)n * cur->stride;
        cur->len = cur->len - n;
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

/* The contiguous paths of the sixteen functions, one per width and order:
 * a cursor of stride 1 that keeps at least one item, its first bytes
 * loaded (take) or stored (put) directly, then cur = cur[n:].  What
 * mv__load_uint / mv__store_uint and mv__cursor_drop do for any stride. */

/*@ requires cur_valid: \valid(cur) && mv_valid(*cur);
    requires contiguous: cur->stride == 1 && 1 < cur->len;
    terminates \true;
    assigns *cur;
    ensures read: mv_cursor_read{Pre,Post}(cur, 1, mv_big_endian, \result);
    ensures bound: \result < mv_pow256(1);
*/
MV__CURSOR_INLINE uint64_t mv__take_u8(mv_view *cur)
{
    const char *p = cur->data;
    uint64_t b0 = MV__BYTE(p[0]);
    //@ assert byte: b0 == mv_at(*cur, 0);
    //@ assert be: mv_be_of(*cur, 0, 1) == mv_be_of(*cur, 0, 0) * 256 + mv_at(*cur, 0);
    //@ assert pow: mv_pow256(1) == 256;
    uint64_t value = b0;
    //@ assert value: value == mv_uint_of(*cur, 1, mv_big_endian);
    mv__cursor_drop(cur, 1);
    return value;
}

/*@ requires cur_valid: \valid(cur) && mv_valid(*cur);
    requires writable: cur->readonly == 0;
    requires contiguous: cur->stride == 1 && 1 < cur->len;
    terminates \true;
    assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 1 };
    ensures written: mv_cursor_wrote{Pre,Post}(cur, 1, mv_big_endian, value);
*/
MV__CURSOR_INLINE void mv__put_u8(mv_view *cur, uint64_t value)
{
    char *p = cur->data;
    uint64_t r = value;
    //@ assert shift: r == mv_shift256(value, 0);
    //@ assert at: p + 0 == mv_item(*cur, 0);
    p[0] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 0) == mv_byte_of(value, 0);
    //@ assert kept: mv_at(*cur, 0) == mv_byte_of(value, 0);
    mv__cursor_drop(cur, 1);
}

/*@ requires cur_valid: \valid(cur) && mv_valid(*cur);
    requires contiguous: cur->stride == 1 && 2 < cur->len;
    terminates \true;
    assigns *cur;
    ensures read: mv_cursor_read{Pre,Post}(cur, 2, mv_big_endian, \result);
    ensures bound: \result < mv_pow256(2);
*/
MV__CURSOR_INLINE uint64_t mv__take_be16(mv_view *cur)
{
    const char *p = cur->data;
    uint64_t b0 = MV__BYTE(p[0]);
    uint64_t b1 = MV__BYTE(p[1]);
    //@ assert byte: b0 == mv_at(*cur, 0);
    //@ assert byte: b1 == mv_at(*cur, 1);
    //@ ghost mv__lemma_shifts(b0);
    //@ assert be: mv_be_of(*cur, 0, 1) == mv_be_of(*cur, 0, 0) * 256 + mv_at(*cur, 0);
    //@ assert be: mv_be_of(*cur, 0, 2) == mv_be_of(*cur, 0, 1) * 256 + mv_at(*cur, 1);
    //@ assert pow: mv_pow256(2) == 65536;
    uint64_t value = (b0 << 8) + b1;
    //@ assert value: value == mv_uint_of(*cur, 2, mv_big_endian);
    mv__cursor_drop(cur, 2);
    return value;
}

/*@ requires cur_valid: \valid(cur) && mv_valid(*cur);
    requires writable: cur->readonly == 0;
    requires contiguous: cur->stride == 1 && 2 < cur->len;
    terminates \true;
    assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 2 };
    ensures written: mv_cursor_wrote{Pre,Post}(cur, 2, mv_big_endian, value);
*/
MV__CURSOR_INLINE void mv__put_be16(mv_view *cur, uint64_t value)
{
    char *p = cur->data;
    uint64_t r = value;
    //@ assert shift: r == mv_shift256(value, 0);
    //@ assert at: p + 1 == mv_item(*cur, 1);
    p[1] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 1) == mv_byte_of(value, 0);
    r /= 256u;
    //@ assert shift: r == mv_shift256(value, 1);
    //@ assert at: p + 0 == mv_item(*cur, 0);
    p[0] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 0) == mv_byte_of(value, 1);
    //@ assert kept: mv_at(*cur, 0) == mv_byte_of(value, 1);
    //@ assert kept: mv_at(*cur, 1) == mv_byte_of(value, 0);
    mv__cursor_drop(cur, 2);
}

/*@ requires cur_valid: \valid(cur) && mv_valid(*cur);
    requires contiguous: cur->stride == 1 && 3 < cur->len;
    terminates \true;
    assigns *cur;
    ensures read: mv_cursor_read{Pre,Post}(cur, 3, mv_big_endian, \result);
    ensures bound: \result < mv_pow256(3);
*/
MV__CURSOR_INLINE uint64_t mv__take_be24(mv_view *cur)
{
    const char *p = cur->data;
    uint64_t b0 = MV__BYTE(p[0]);
    uint64_t b1 = MV__BYTE(p[1]);
    uint64_t b2 = MV__BYTE(p[2]);
    //@ assert byte: b0 == mv_at(*cur, 0);
    //@ assert byte: b1 == mv_at(*cur, 1);
    //@ assert byte: b2 == mv_at(*cur, 2);
    //@ ghost mv__lemma_shifts(b0);
    //@ ghost mv__lemma_shifts(b1);
    //@ assert be: mv_be_of(*cur, 0, 1) == mv_be_of(*cur, 0, 0) * 256 + mv_at(*cur, 0);
    //@ assert be: mv_be_of(*cur, 0, 2) == mv_be_of(*cur, 0, 1) * 256 + mv_at(*cur, 1);
    //@ assert be: mv_be_of(*cur, 0, 3) == mv_be_of(*cur, 0, 2) * 256 + mv_at(*cur, 2);
    //@ assert pow: mv_pow256(3) == 16777216;
    uint64_t value = (b0 << 16) + (b1 << 8) + b2;
    //@ assert value: value == mv_uint_of(*cur, 3, mv_big_endian);
    mv__cursor_drop(cur, 3);
    return value;
}

/*@ requires cur_valid: \valid(cur) && mv_valid(*cur);
    requires writable: cur->readonly == 0;
    requires contiguous: cur->stride == 1 && 3 < cur->len;
    terminates \true;
    assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 3 };
    ensures written: mv_cursor_wrote{Pre,Post}(cur, 3, mv_big_endian, value);
*/
MV__CURSOR_INLINE void mv__put_be24(mv_view *cur, uint64_t value)
{
    char *p = cur->data;
    uint64_t r = value;
    //@ assert shift: r == mv_shift256(value, 0);
    //@ assert at: p + 2 == mv_item(*cur, 2);
    p[2] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 2) == mv_byte_of(value, 0);
    r /= 256u;
    //@ assert shift: r == mv_shift256(value, 1);
    //@ assert at: p + 1 == mv_item(*cur, 1);
    p[1] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 1) == mv_byte_of(value, 1);
    r /= 256u;
    //@ assert shift: r == mv_shift256(value, 2);
    //@ assert at: p + 0 == mv_item(*cur, 0);
    p[0] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 0) == mv_byte_of(value, 2);
    //@ assert kept: mv_at(*cur, 0) == mv_byte_of(value, 2);
    //@ assert kept: mv_at(*cur, 1) == mv_byte_of(value, 1);
    //@ assert kept: mv_at(*cur, 2) == mv_byte_of(value, 0);
    mv__cursor_drop(cur, 3);
}

/*@ requires cur_valid: \valid(cur) && mv_valid(*cur);
    requires contiguous: cur->stride == 1 && 4 < cur->len;
    terminates \true;
    assigns *cur;
    ensures read: mv_cursor_read{Pre,Post}(cur, 4, mv_big_endian, \result);
    ensures bound: \result < mv_pow256(4);
*/
MV__CURSOR_INLINE uint64_t mv__take_be32(mv_view *cur)
{
    const char *p = cur->data;
    uint64_t b0 = MV__BYTE(p[0]);
    uint64_t b1 = MV__BYTE(p[1]);
    uint64_t b2 = MV__BYTE(p[2]);
    uint64_t b3 = MV__BYTE(p[3]);
    //@ assert byte: b0 == mv_at(*cur, 0);
    //@ assert byte: b1 == mv_at(*cur, 1);
    //@ assert byte: b2 == mv_at(*cur, 2);
    //@ assert byte: b3 == mv_at(*cur, 3);
    //@ ghost mv__lemma_shifts(b0);
    //@ ghost mv__lemma_shifts(b1);
    //@ ghost mv__lemma_shifts(b2);
    //@ assert be: mv_be_of(*cur, 0, 1) == mv_be_of(*cur, 0, 0) * 256 + mv_at(*cur, 0);
    //@ assert be: mv_be_of(*cur, 0, 2) == mv_be_of(*cur, 0, 1) * 256 + mv_at(*cur, 1);
    //@ assert be: mv_be_of(*cur, 0, 3) == mv_be_of(*cur, 0, 2) * 256 + mv_at(*cur, 2);
    //@ assert be: mv_be_of(*cur, 0, 4) == mv_be_of(*cur, 0, 3) * 256 + mv_at(*cur, 3);
    //@ assert pow: mv_pow256(4) == 4294967296;
    uint64_t value = (b0 << 24) + (b1 << 16) + (b2 << 8) + b3;
    //@ assert value: value == mv_uint_of(*cur, 4, mv_big_endian);
    mv__cursor_drop(cur, 4);
    return value;
}

/*@ requires cur_valid: \valid(cur) && mv_valid(*cur);
    requires writable: cur->readonly == 0;
    requires contiguous: cur->stride == 1 && 4 < cur->len;
    terminates \true;
    assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 4 };
    ensures written: mv_cursor_wrote{Pre,Post}(cur, 4, mv_big_endian, value);
*/
MV__CURSOR_INLINE void mv__put_be32(mv_view *cur, uint64_t value)
{
    char *p = cur->data;
    uint64_t r = value;
    //@ assert shift: r == mv_shift256(value, 0);
    //@ assert at: p + 3 == mv_item(*cur, 3);
    p[3] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 3) == mv_byte_of(value, 0);
    r /= 256u;
    //@ assert shift: r == mv_shift256(value, 1);
    //@ assert at: p + 2 == mv_item(*cur, 2);
    p[2] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 2) == mv_byte_of(value, 1);
    r /= 256u;
    //@ assert shift: r == mv_shift256(value, 2);
    //@ assert at: p + 1 == mv_item(*cur, 1);
    p[1] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 1) == mv_byte_of(value, 2);
    r /= 256u;
    //@ assert shift: r == mv_shift256(value, 3);
    //@ assert at: p + 0 == mv_item(*cur, 0);
    p[0] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 0) == mv_byte_of(value, 3);
    //@ assert kept: mv_at(*cur, 0) == mv_byte_of(value, 3);
    //@ assert kept: mv_at(*cur, 1) == mv_byte_of(value, 2);
    //@ assert kept: mv_at(*cur, 2) == mv_byte_of(value, 1);
    //@ assert kept: mv_at(*cur, 3) == mv_byte_of(value, 0);
    mv__cursor_drop(cur, 4);
}

/*@ requires cur_valid: \valid(cur) && mv_valid(*cur);
    requires contiguous: cur->stride == 1 && 8 < cur->len;
    terminates \true;
    assigns *cur;
    ensures read: mv_cursor_read{Pre,Post}(cur, 8, mv_big_endian, \result);
    ensures bound: \result < mv_pow256(8);
*/
MV__CURSOR_INLINE uint64_t mv__take_be64(mv_view *cur)
{
    const char *p = cur->data;
    uint64_t b0 = MV__BYTE(p[0]);
    uint64_t b1 = MV__BYTE(p[1]);
    uint64_t b2 = MV__BYTE(p[2]);
    uint64_t b3 = MV__BYTE(p[3]);
    uint64_t b4 = MV__BYTE(p[4]);
    uint64_t b5 = MV__BYTE(p[5]);
    uint64_t b6 = MV__BYTE(p[6]);
    uint64_t b7 = MV__BYTE(p[7]);
    //@ assert byte: b0 == mv_at(*cur, 0);
    //@ assert byte: b1 == mv_at(*cur, 1);
    //@ assert byte: b2 == mv_at(*cur, 2);
    //@ assert byte: b3 == mv_at(*cur, 3);
    //@ assert byte: b4 == mv_at(*cur, 4);
    //@ assert byte: b5 == mv_at(*cur, 5);
    //@ assert byte: b6 == mv_at(*cur, 6);
    //@ assert byte: b7 == mv_at(*cur, 7);
    //@ ghost mv__lemma_shifts(b0);
    //@ ghost mv__lemma_shifts(b1);
    //@ ghost mv__lemma_shifts(b2);
    //@ ghost mv__lemma_shifts(b3);
    //@ ghost mv__lemma_shifts(b4);
    //@ ghost mv__lemma_shifts(b5);
    //@ ghost mv__lemma_shifts(b6);
    //@ assert be: mv_be_of(*cur, 0, 1) == mv_be_of(*cur, 0, 0) * 256 + mv_at(*cur, 0);
    //@ assert be: mv_be_of(*cur, 0, 2) == mv_be_of(*cur, 0, 1) * 256 + mv_at(*cur, 1);
    //@ assert be: mv_be_of(*cur, 0, 3) == mv_be_of(*cur, 0, 2) * 256 + mv_at(*cur, 2);
    //@ assert be: mv_be_of(*cur, 0, 4) == mv_be_of(*cur, 0, 3) * 256 + mv_at(*cur, 3);
    //@ assert be: mv_be_of(*cur, 0, 5) == mv_be_of(*cur, 0, 4) * 256 + mv_at(*cur, 4);
    //@ assert be: mv_be_of(*cur, 0, 6) == mv_be_of(*cur, 0, 5) * 256 + mv_at(*cur, 5);
    //@ assert be: mv_be_of(*cur, 0, 7) == mv_be_of(*cur, 0, 6) * 256 + mv_at(*cur, 6);
    //@ assert be: mv_be_of(*cur, 0, 8) == mv_be_of(*cur, 0, 7) * 256 + mv_at(*cur, 7);
    //@ assert pow: mv_pow256(8) == 18446744073709551616;
    uint64_t value = (b0 << 56) + (b1 << 48) + (b2 << 40) + (b3 << 32) + (b4 << 24) + (b5 << 16) + (b6 << 8) + b7;
    //@ assert value: value == mv_uint_of(*cur, 8, mv_big_endian);
    mv__cursor_drop(cur, 8);
    return value;
}

/*@ requires cur_valid: \valid(cur) && mv_valid(*cur);
    requires writable: cur->readonly == 0;
    requires contiguous: cur->stride == 1 && 8 < cur->len;
    terminates \true;
    assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 8 };
    ensures written: mv_cursor_wrote{Pre,Post}(cur, 8, mv_big_endian, value);
*/
MV__CURSOR_INLINE void mv__put_be64(mv_view *cur, uint64_t value)
{
    char *p = cur->data;
    uint64_t r = value;
    //@ assert shift: r == mv_shift256(value, 0);
    //@ assert at: p + 7 == mv_item(*cur, 7);
    p[7] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 7) == mv_byte_of(value, 0);
    r /= 256u;
    //@ assert shift: r == mv_shift256(value, 1);
    //@ assert at: p + 6 == mv_item(*cur, 6);
    p[6] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 6) == mv_byte_of(value, 1);
    r /= 256u;
    //@ assert shift: r == mv_shift256(value, 2);
    //@ assert at: p + 5 == mv_item(*cur, 5);
    p[5] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 5) == mv_byte_of(value, 2);
    r /= 256u;
    //@ assert shift: r == mv_shift256(value, 3);
    //@ assert at: p + 4 == mv_item(*cur, 4);
    p[4] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 4) == mv_byte_of(value, 3);
    r /= 256u;
    //@ assert shift: r == mv_shift256(value, 4);
    //@ assert at: p + 3 == mv_item(*cur, 3);
    p[3] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 3) == mv_byte_of(value, 4);
    r /= 256u;
    //@ assert shift: r == mv_shift256(value, 5);
    //@ assert at: p + 2 == mv_item(*cur, 2);
    p[2] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 2) == mv_byte_of(value, 5);
    r /= 256u;
    //@ assert shift: r == mv_shift256(value, 6);
    //@ assert at: p + 1 == mv_item(*cur, 1);
    p[1] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 1) == mv_byte_of(value, 6);
    r /= 256u;
    //@ assert shift: r == mv_shift256(value, 7);
    //@ assert at: p + 0 == mv_item(*cur, 0);
    p[0] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 0) == mv_byte_of(value, 7);
    //@ assert kept: mv_at(*cur, 0) == mv_byte_of(value, 7);
    //@ assert kept: mv_at(*cur, 1) == mv_byte_of(value, 6);
    //@ assert kept: mv_at(*cur, 2) == mv_byte_of(value, 5);
    //@ assert kept: mv_at(*cur, 3) == mv_byte_of(value, 4);
    //@ assert kept: mv_at(*cur, 4) == mv_byte_of(value, 3);
    //@ assert kept: mv_at(*cur, 5) == mv_byte_of(value, 2);
    //@ assert kept: mv_at(*cur, 6) == mv_byte_of(value, 1);
    //@ assert kept: mv_at(*cur, 7) == mv_byte_of(value, 0);
    mv__cursor_drop(cur, 8);
}

/*@ requires cur_valid: \valid(cur) && mv_valid(*cur);
    requires contiguous: cur->stride == 1 && 2 < cur->len;
    terminates \true;
    assigns *cur;
    ensures read: mv_cursor_read{Pre,Post}(cur, 2, mv_little_endian, \result);
    ensures bound: \result < mv_pow256(2);
*/
MV__CURSOR_INLINE uint64_t mv__take_le16(mv_view *cur)
{
    const char *p = cur->data;
    uint64_t b0 = MV__BYTE(p[0]);
    uint64_t b1 = MV__BYTE(p[1]);
    //@ assert byte: b0 == mv_at(*cur, 0);
    //@ assert byte: b1 == mv_at(*cur, 1);
    //@ ghost mv__lemma_shifts(b1);
    //@ assert le: mv_le_of(*cur, 1, 1) == mv_le_of(*cur, 2, 0) * 256 + mv_at(*cur, 1);
    //@ assert le: mv_le_of(*cur, 0, 2) == mv_le_of(*cur, 1, 1) * 256 + mv_at(*cur, 0);
    //@ assert pow: mv_pow256(2) == 65536;
    uint64_t value = (b1 << 8) + b0;
    //@ assert value: value == mv_uint_of(*cur, 2, mv_little_endian);
    mv__cursor_drop(cur, 2);
    return value;
}

/*@ requires cur_valid: \valid(cur) && mv_valid(*cur);
    requires writable: cur->readonly == 0;
    requires contiguous: cur->stride == 1 && 2 < cur->len;
    terminates \true;
    assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 2 };
    ensures written: mv_cursor_wrote{Pre,Post}(cur, 2, mv_little_endian, value);
*/
MV__CURSOR_INLINE void mv__put_le16(mv_view *cur, uint64_t value)
{
    char *p = cur->data;
    uint64_t r = value;
    //@ assert shift: r == mv_shift256(value, 0);
    //@ assert at: p + 0 == mv_item(*cur, 0);
    p[0] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 0) == mv_byte_of(value, 0);
    r /= 256u;
    //@ assert shift: r == mv_shift256(value, 1);
    //@ assert at: p + 1 == mv_item(*cur, 1);
    p[1] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 1) == mv_byte_of(value, 1);
    //@ assert kept: mv_at(*cur, 0) == mv_byte_of(value, 0);
    //@ assert kept: mv_at(*cur, 1) == mv_byte_of(value, 1);
    mv__cursor_drop(cur, 2);
}

/*@ requires cur_valid: \valid(cur) && mv_valid(*cur);
    requires contiguous: cur->stride == 1 && 4 < cur->len;
    terminates \true;
    assigns *cur;
    ensures read: mv_cursor_read{Pre,Post}(cur, 4, mv_little_endian, \result);
    ensures bound: \result < mv_pow256(4);
*/
MV__CURSOR_INLINE uint64_t mv__take_le32(mv_view *cur)
{
    const char *p = cur->data;
    uint64_t b0 = MV__BYTE(p[0]);
    uint64_t b1 = MV__BYTE(p[1]);
    uint64_t b2 = MV__BYTE(p[2]);
    uint64_t b3 = MV__BYTE(p[3]);
    //@ assert byte: b0 == mv_at(*cur, 0);
    //@ assert byte: b1 == mv_at(*cur, 1);
    //@ assert byte: b2 == mv_at(*cur, 2);
    //@ assert byte: b3 == mv_at(*cur, 3);
    //@ ghost mv__lemma_shifts(b1);
    //@ ghost mv__lemma_shifts(b2);
    //@ ghost mv__lemma_shifts(b3);
    //@ assert le: mv_le_of(*cur, 3, 1) == mv_le_of(*cur, 4, 0) * 256 + mv_at(*cur, 3);
    //@ assert le: mv_le_of(*cur, 2, 2) == mv_le_of(*cur, 3, 1) * 256 + mv_at(*cur, 2);
    //@ assert le: mv_le_of(*cur, 1, 3) == mv_le_of(*cur, 2, 2) * 256 + mv_at(*cur, 1);
    //@ assert le: mv_le_of(*cur, 0, 4) == mv_le_of(*cur, 1, 3) * 256 + mv_at(*cur, 0);
    //@ assert pow: mv_pow256(4) == 4294967296;
    uint64_t value = (b3 << 24) + (b2 << 16) + (b1 << 8) + b0;
    //@ assert value: value == mv_uint_of(*cur, 4, mv_little_endian);
    mv__cursor_drop(cur, 4);
    return value;
}

/*@ requires cur_valid: \valid(cur) && mv_valid(*cur);
    requires writable: cur->readonly == 0;
    requires contiguous: cur->stride == 1 && 4 < cur->len;
    terminates \true;
    assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 4 };
    ensures written: mv_cursor_wrote{Pre,Post}(cur, 4, mv_little_endian, value);
*/
MV__CURSOR_INLINE void mv__put_le32(mv_view *cur, uint64_t value)
{
    char *p = cur->data;
    uint64_t r = value;
    //@ assert shift: r == mv_shift256(value, 0);
    //@ assert at: p + 0 == mv_item(*cur, 0);
    p[0] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 0) == mv_byte_of(value, 0);
    r /= 256u;
    //@ assert shift: r == mv_shift256(value, 1);
    //@ assert at: p + 1 == mv_item(*cur, 1);
    p[1] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 1) == mv_byte_of(value, 1);
    r /= 256u;
    //@ assert shift: r == mv_shift256(value, 2);
    //@ assert at: p + 2 == mv_item(*cur, 2);
    p[2] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 2) == mv_byte_of(value, 2);
    r /= 256u;
    //@ assert shift: r == mv_shift256(value, 3);
    //@ assert at: p + 3 == mv_item(*cur, 3);
    p[3] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 3) == mv_byte_of(value, 3);
    //@ assert kept: mv_at(*cur, 0) == mv_byte_of(value, 0);
    //@ assert kept: mv_at(*cur, 1) == mv_byte_of(value, 1);
    //@ assert kept: mv_at(*cur, 2) == mv_byte_of(value, 2);
    //@ assert kept: mv_at(*cur, 3) == mv_byte_of(value, 3);
    mv__cursor_drop(cur, 4);
}

/*@ requires cur_valid: \valid(cur) && mv_valid(*cur);
    requires contiguous: cur->stride == 1 && 8 < cur->len;
    terminates \true;
    assigns *cur;
    ensures read: mv_cursor_read{Pre,Post}(cur, 8, mv_little_endian, \result);
    ensures bound: \result < mv_pow256(8);
*/
MV__CURSOR_INLINE uint64_t mv__take_le64(mv_view *cur)
{
    const char *p = cur->data;
    uint64_t b0 = MV__BYTE(p[0]);
    uint64_t b1 = MV__BYTE(p[1]);
    uint64_t b2 = MV__BYTE(p[2]);
    uint64_t b3 = MV__BYTE(p[3]);
    uint64_t b4 = MV__BYTE(p[4]);
    uint64_t b5 = MV__BYTE(p[5]);
    uint64_t b6 = MV__BYTE(p[6]);
    uint64_t b7 = MV__BYTE(p[7]);
    //@ assert byte: b0 == mv_at(*cur, 0);
    //@ assert byte: b1 == mv_at(*cur, 1);
    //@ assert byte: b2 == mv_at(*cur, 2);
    //@ assert byte: b3 == mv_at(*cur, 3);
    //@ assert byte: b4 == mv_at(*cur, 4);
    //@ assert byte: b5 == mv_at(*cur, 5);
    //@ assert byte: b6 == mv_at(*cur, 6);
    //@ assert byte: b7 == mv_at(*cur, 7);
    //@ ghost mv__lemma_shifts(b1);
    //@ ghost mv__lemma_shifts(b2);
    //@ ghost mv__lemma_shifts(b3);
    //@ ghost mv__lemma_shifts(b4);
    //@ ghost mv__lemma_shifts(b5);
    //@ ghost mv__lemma_shifts(b6);
    //@ ghost mv__lemma_shifts(b7);
    //@ assert le: mv_le_of(*cur, 7, 1) == mv_le_of(*cur, 8, 0) * 256 + mv_at(*cur, 7);
    //@ assert le: mv_le_of(*cur, 6, 2) == mv_le_of(*cur, 7, 1) * 256 + mv_at(*cur, 6);
    //@ assert le: mv_le_of(*cur, 5, 3) == mv_le_of(*cur, 6, 2) * 256 + mv_at(*cur, 5);
    //@ assert le: mv_le_of(*cur, 4, 4) == mv_le_of(*cur, 5, 3) * 256 + mv_at(*cur, 4);
    //@ assert le: mv_le_of(*cur, 3, 5) == mv_le_of(*cur, 4, 4) * 256 + mv_at(*cur, 3);
    //@ assert le: mv_le_of(*cur, 2, 6) == mv_le_of(*cur, 3, 5) * 256 + mv_at(*cur, 2);
    //@ assert le: mv_le_of(*cur, 1, 7) == mv_le_of(*cur, 2, 6) * 256 + mv_at(*cur, 1);
    //@ assert le: mv_le_of(*cur, 0, 8) == mv_le_of(*cur, 1, 7) * 256 + mv_at(*cur, 0);
    //@ assert pow: mv_pow256(8) == 18446744073709551616;
    uint64_t value = (b7 << 56) + (b6 << 48) + (b5 << 40) + (b4 << 32) + (b3 << 24) + (b2 << 16) + (b1 << 8) + b0;
    //@ assert value: value == mv_uint_of(*cur, 8, mv_little_endian);
    mv__cursor_drop(cur, 8);
    return value;
}

/*@ requires cur_valid: \valid(cur) && mv_valid(*cur);
    requires writable: cur->readonly == 0;
    requires contiguous: cur->stride == 1 && 8 < cur->len;
    terminates \true;
    assigns *cur, { *mv_item(*cur, i) | integer i; 0 <= i < 8 };
    ensures written: mv_cursor_wrote{Pre,Post}(cur, 8, mv_little_endian, value);
*/
MV__CURSOR_INLINE void mv__put_le64(mv_view *cur, uint64_t value)
{
    char *p = cur->data;
    uint64_t r = value;
    //@ assert shift: r == mv_shift256(value, 0);
    //@ assert at: p + 0 == mv_item(*cur, 0);
    p[0] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 0) == mv_byte_of(value, 0);
    r /= 256u;
    //@ assert shift: r == mv_shift256(value, 1);
    //@ assert at: p + 1 == mv_item(*cur, 1);
    p[1] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 1) == mv_byte_of(value, 1);
    r /= 256u;
    //@ assert shift: r == mv_shift256(value, 2);
    //@ assert at: p + 2 == mv_item(*cur, 2);
    p[2] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 2) == mv_byte_of(value, 2);
    r /= 256u;
    //@ assert shift: r == mv_shift256(value, 3);
    //@ assert at: p + 3 == mv_item(*cur, 3);
    p[3] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 3) == mv_byte_of(value, 3);
    r /= 256u;
    //@ assert shift: r == mv_shift256(value, 4);
    //@ assert at: p + 4 == mv_item(*cur, 4);
    p[4] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 4) == mv_byte_of(value, 4);
    r /= 256u;
    //@ assert shift: r == mv_shift256(value, 5);
    //@ assert at: p + 5 == mv_item(*cur, 5);
    p[5] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 5) == mv_byte_of(value, 5);
    r /= 256u;
    //@ assert shift: r == mv_shift256(value, 6);
    //@ assert at: p + 6 == mv_item(*cur, 6);
    p[6] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 6) == mv_byte_of(value, 6);
    r /= 256u;
    //@ assert shift: r == mv_shift256(value, 7);
    //@ assert at: p + 7 == mv_item(*cur, 7);
    p[7] = MV__CHAR(r % 256u);
    //@ assert byte: mv_at(*cur, 7) == mv_byte_of(value, 7);
    //@ assert kept: mv_at(*cur, 0) == mv_byte_of(value, 0);
    //@ assert kept: mv_at(*cur, 1) == mv_byte_of(value, 1);
    //@ assert kept: mv_at(*cur, 2) == mv_byte_of(value, 2);
    //@ assert kept: mv_at(*cur, 3) == mv_byte_of(value, 3);
    //@ assert kept: mv_at(*cur, 4) == mv_byte_of(value, 4);
    //@ assert kept: mv_at(*cur, 5) == mv_byte_of(value, 5);
    //@ assert kept: mv_at(*cur, 6) == mv_byte_of(value, 6);
    //@ assert kept: mv_at(*cur, 7) == mv_byte_of(value, 7);
    mv__cursor_drop(cur, 8);
}

/* Items 0 .. n-1 of any stride, any width 1..8, read or written out of
 * line (src/mv_cursor.c, where their contracts are): a strided cursor,
 * and the last bytes of any cursor.  The view is passed by value, so the
 * caller's cursor need not live in memory for the fast path's sake. */
uint64_t mv__load_uint(mv_view v, size_t n, bool big);
void mv__store_uint(mv_view v, size_t n, bool big, uint64_t value);

/* The sixteen functions: a contiguous cursor that keeps an item after the
 * integer is read or written directly; anything else is checked and goes
 * out of line.  A released cursor has no items, so the first test rules
 * it out. */

MV__CURSOR_INLINE mv_status mv_read_u8(mv_view *cur, uint8_t *out)
{
    if (MV__LIKELY(cur != NULL && out != NULL && cur->stride == 1 && cur->len > 1)) {
        *out = (uint8_t)mv__take_u8(cur);
        return MV_OK;
    }
    mv_status status = mv__cursor_status(cur, out != NULL, false, 1);
    if (status == MV_OK) {
        *out = (uint8_t)mv__load_uint(*cur, 1, true);
        mv__cursor_drop(cur, 1);
    }
    return status;
}

MV__CURSOR_INLINE mv_status mv_read_be16(mv_view *cur, uint16_t *out)
{
    if (MV__LIKELY(cur != NULL && out != NULL && cur->stride == 1 && cur->len > 2)) {
        *out = (uint16_t)mv__take_be16(cur);
        return MV_OK;
    }
    mv_status status = mv__cursor_status(cur, out != NULL, false, 2);
    if (status == MV_OK) {
        *out = (uint16_t)mv__load_uint(*cur, 2, true);
        mv__cursor_drop(cur, 2);
    }
    return status;
}

MV__CURSOR_INLINE mv_status mv_read_be24(mv_view *cur, uint32_t *out)
{
    if (MV__LIKELY(cur != NULL && out != NULL && cur->stride == 1 && cur->len > 3)) {
        *out = (uint32_t)mv__take_be24(cur);
        return MV_OK;
    }
    mv_status status = mv__cursor_status(cur, out != NULL, false, 3);
    if (status == MV_OK) {
        *out = (uint32_t)mv__load_uint(*cur, 3, true);
        mv__cursor_drop(cur, 3);
    }
    return status;
}

MV__CURSOR_INLINE mv_status mv_read_be32(mv_view *cur, uint32_t *out)
{
    if (MV__LIKELY(cur != NULL && out != NULL && cur->stride == 1 && cur->len > 4)) {
        *out = (uint32_t)mv__take_be32(cur);
        return MV_OK;
    }
    mv_status status = mv__cursor_status(cur, out != NULL, false, 4);
    if (status == MV_OK) {
        *out = (uint32_t)mv__load_uint(*cur, 4, true);
        mv__cursor_drop(cur, 4);
    }
    return status;
}

MV__CURSOR_INLINE mv_status mv_read_be64(mv_view *cur, uint64_t *out)
{
    if (MV__LIKELY(cur != NULL && out != NULL && cur->stride == 1 && cur->len > 8)) {
        *out = mv__take_be64(cur);
        return MV_OK;
    }
    mv_status status = mv__cursor_status(cur, out != NULL, false, 8);
    if (status == MV_OK) {
        *out = mv__load_uint(*cur, 8, true);
        mv__cursor_drop(cur, 8);
    }
    return status;
}

MV__CURSOR_INLINE mv_status mv_read_le16(mv_view *cur, uint16_t *out)
{
    if (MV__LIKELY(cur != NULL && out != NULL && cur->stride == 1 && cur->len > 2)) {
        *out = (uint16_t)mv__take_le16(cur);
        return MV_OK;
    }
    mv_status status = mv__cursor_status(cur, out != NULL, false, 2);
    if (status == MV_OK) {
        *out = (uint16_t)mv__load_uint(*cur, 2, false);
        mv__cursor_drop(cur, 2);
    }
    return status;
}

MV__CURSOR_INLINE mv_status mv_read_le32(mv_view *cur, uint32_t *out)
{
    if (MV__LIKELY(cur != NULL && out != NULL && cur->stride == 1 && cur->len > 4)) {
        *out = (uint32_t)mv__take_le32(cur);
        return MV_OK;
    }
    mv_status status = mv__cursor_status(cur, out != NULL, false, 4);
    if (status == MV_OK) {
        *out = (uint32_t)mv__load_uint(*cur, 4, false);
        mv__cursor_drop(cur, 4);
    }
    return status;
}

MV__CURSOR_INLINE mv_status mv_read_le64(mv_view *cur, uint64_t *out)
{
    if (MV__LIKELY(cur != NULL && out != NULL && cur->stride == 1 && cur->len > 8)) {
        *out = mv__take_le64(cur);
        return MV_OK;
    }
    mv_status status = mv__cursor_status(cur, out != NULL, false, 8);
    if (status == MV_OK) {
        *out = mv__load_uint(*cur, 8, false);
        mv__cursor_drop(cur, 8);
    }
    return status;
}

MV__CURSOR_INLINE mv_status mv_write_u8(mv_view *cur, uint8_t v)
{
    if (MV__LIKELY(cur != NULL && !cur->readonly && cur->stride == 1 && cur->len > 1)) {
        mv__put_u8(cur, v);
        return MV_OK;
    }
    mv_status status = mv__cursor_status(cur, true, true, 1);
    if (status == MV_OK) {
        mv__store_uint(*cur, 1, true, v);
        mv__cursor_drop(cur, 1);
    }
    return status;
}

MV__CURSOR_INLINE mv_status mv_write_be16(mv_view *cur, uint16_t v)
{
    if (MV__LIKELY(cur != NULL && !cur->readonly && cur->stride == 1 && cur->len > 2)) {
        mv__put_be16(cur, v);
        return MV_OK;
    }
    mv_status status = mv__cursor_status(cur, true, true, 2);
    if (status == MV_OK) {
        mv__store_uint(*cur, 2, true, v);
        mv__cursor_drop(cur, 2);
    }
    return status;
}

MV__CURSOR_INLINE mv_status mv_write_be24(mv_view *cur, uint32_t v)
{
    if (MV__LIKELY(cur != NULL && !cur->readonly && cur->stride == 1 && cur->len > 3)) {
        mv__put_be24(cur, v);
        return MV_OK;
    }
    mv_status status = mv__cursor_status(cur, true, true, 3);
    if (status == MV_OK) {
        mv__store_uint(*cur, 3, true, v);
        mv__cursor_drop(cur, 3);
    }
    return status;
}

MV__CURSOR_INLINE mv_status mv_write_be32(mv_view *cur, uint32_t v)
{
    if (MV__LIKELY(cur != NULL && !cur->readonly && cur->stride == 1 && cur->len > 4)) {
        mv__put_be32(cur, v);
        return MV_OK;
    }
    mv_status status = mv__cursor_status(cur, true, true, 4);
    if (status == MV_OK) {
        mv__store_uint(*cur, 4, true, v);
        mv__cursor_drop(cur, 4);
    }
    return status;
}

MV__CURSOR_INLINE mv_status mv_write_be64(mv_view *cur, uint64_t v)
{
    if (MV__LIKELY(cur != NULL && !cur->readonly && cur->stride == 1 && cur->len > 8)) {
        mv__put_be64(cur, v);
        return MV_OK;
    }
    mv_status status = mv__cursor_status(cur, true, true, 8);
    if (status == MV_OK) {
        mv__store_uint(*cur, 8, true, v);
        mv__cursor_drop(cur, 8);
    }
    return status;
}

MV__CURSOR_INLINE mv_status mv_write_le16(mv_view *cur, uint16_t v)
{
    if (MV__LIKELY(cur != NULL && !cur->readonly && cur->stride == 1 && cur->len > 2)) {
        mv__put_le16(cur, v);
        return MV_OK;
    }
    mv_status status = mv__cursor_status(cur, true, true, 2);
    if (status == MV_OK) {
        mv__store_uint(*cur, 2, false, v);
        mv__cursor_drop(cur, 2);
    }
    return status;
}

MV__CURSOR_INLINE mv_status mv_write_le32(mv_view *cur, uint32_t v)
{
    if (MV__LIKELY(cur != NULL && !cur->readonly && cur->stride == 1 && cur->len > 4)) {
        mv__put_le32(cur, v);
        return MV_OK;
    }
    mv_status status = mv__cursor_status(cur, true, true, 4);
    if (status == MV_OK) {
        mv__store_uint(*cur, 4, false, v);
        mv__cursor_drop(cur, 4);
    }
    return status;
}

MV__CURSOR_INLINE mv_status mv_write_le64(mv_view *cur, uint64_t v)
{
    if (MV__LIKELY(cur != NULL && !cur->readonly && cur->stride == 1 && cur->len > 8)) {
        mv__put_le64(cur, v);
        return MV_OK;
    }
    mv_status status = mv__cursor_status(cur, true, true, 8);
    if (status == MV_OK) {
        mv__store_uint(*cur, 8, false, v);
        mv__cursor_drop(cur, 8);
    }
    return status;
}

#endif /* cursor */

#ifdef __cplusplus
}
#endif

#endif /* MEMVIEW_INLINE_H */
