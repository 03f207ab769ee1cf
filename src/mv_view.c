/* mv_view.c — making, inspecting and slicing views.
 *
 * Module invariant: every view this file hands out satisfies mv_valid (see
 * contracts/mv_spans.acsl): its items lie inside memory the caller
 * gave, (len - 1) * |stride| fits in ptrdiff_t, and data is NULL exactly
 * when len is 0.  Slicing only ever narrows a view, so the invariant is
 * inherited, and every address computed here lies inside the span of the
 * view it is computed from: no pointer is formed outside an object.
 */
#define MV_DEFINE_VIEW_INLINES
#include "memview.h"

#include "mv_internal.h"

/* The external definitions of the inline functions of memview/inline.h. */
extern inline size_t mv_len(mv_view v);
extern inline bool mv_readonly(mv_view v);
extern inline bool mv_contiguous(mv_view v);
extern inline ptrdiff_t mv_stride(mv_view v);
extern inline const uint8_t *mv_data(mv_view v);
extern inline mv_status mv_sub(mv_view v, size_t offset, size_t len, mv_view *out);
extern inline mv_status mv_advance(mv_view *v, size_t n);
extern inline mv_status mv_split(mv_view v, size_t at, mv_view *head, mv_view *tail);
extern inline mv_status mv_slice(mv_view v, ptrdiff_t start, ptrdiff_t stop, ptrdiff_t step,
                                 mv_view *out);
extern inline void mv__slice_unit(mv_view v, size_t a, size_t n, mv_view *out);
extern inline ptrdiff_t mv__clamp_unit(ptrdiff_t i, ptrdiff_t n, ptrdiff_t omitted);
extern inline void mv__slice_one(mv_view v, ptrdiff_t start, ptrdiff_t stop, ptrdiff_t step,
                                 mv_view *out);
extern inline void mv__cut_into(mv_view v, size_t offset, size_t len, mv_view *out);

const char *mv_strerror(mv_status s)
{
    switch (s) {
    case MV_OK:         return "success";
    case MV_EINVAL:     return "invalid argument";
    case MV_ERANGE:     return "index or bound out of range";
    case MV_EOVERFLOW:  return "size or offset does not fit";
    case MV_EREADONLY:  return "view is read-only";
    case MV_ENOTCONTIG: return "view is not contiguous";
    case MV_ENOTFOUND:  return "not found";
    case MV_EBUSY:      return "buffer has live exports";
    case MV_ERELEASED:  return "view was released";
    case MV_ENOMEM:     return "out of memory";
    case MV_EAGAIN:     return "transport would block";
    case MV_ECLOSED:    return "peer closed";
    case MV_ESYS:       return "transport failed";
    default:            return "unknown status";
    }
}

/* ------------------------------------------------------------ making */

mv_status mv_from(void *p, size_t n, mv_view *out)
{
    if (out == NULL || (p == NULL && n > 0))
        return MV_EINVAL;
    if (n > MV_LEN_MAX)
        return MV_EOVERFLOW;
    mv__store_view(out, mv__whole(p, n, false));
    return MV_OK;
}

mv_status mv_from_const(const void *p, size_t n, mv_view *out)
{
    if (out == NULL || (p == NULL && n > 0))
        return MV_EINVAL;
    if (n > MV_LEN_MAX)
        return MV_EOVERFLOW;
    /* The const is restored by the read-only flag: no write goes through
     * a read-only view. */
    mv__store_view(out, mv__whole((char *)p, n, true));
    return MV_OK;
}

/* ----------------------------------------------------------- reading */

/* mv_len, mv_readonly, mv_contiguous, mv_stride and mv_data are inline
 * (memview/inline.h).  mv_data is the one pointer conversion of the
 * library: WP's typed model cannot relate pointers of the two byte types,
 * so its contract says only that nothing is written; the tests check the
 * address itself (README: trusted assumptions). */

/*@ requires stride: stride != 0;
    terminates \true;
    assigns \nothing;
    ensures result: \result == 1 <==> -PTRDIFF_MAX <= last * stride <= PTRDIFF_MAX;
*/
static bool mv__extent_fits(size_t last, ptrdiff_t stride)
{
    if (last == 0)
        return true;
    if (stride == PTRDIFF_MIN)
        return false;
    size_t magnitude = stride < 0 ? (size_t)-stride : (size_t)stride;
    //@ assert magnitude > 0;
    return last <= MV_LEN_MAX / magnitude;
}

bool mv_is_valid(mv_view v)
{
    if (v.stride == 0 || v.len > MV_LEN_MAX)
        return false;
    if ((v.len == 0) != (v.data == NULL))
        return false;
    if (v.released)
        return v.len == 0;
    if (v.len == 0)
        return true;
    return mv__extent_fits(v.len - 1, v.stride);
}

/* ----------------------------------------------------------- slicing */

/* The first failure of a function that stores a view of v into *out:
 * MV_EINVAL for a NULL out, then MV_ERELEASED; MV_OK when there is none. */
/*@ terminates \true;
    assigns \nothing;
    ensures result: \result == (out == \null ? MV_EINVAL : v.released != 0 ? MV_ERELEASED : MV_OK);
*/
static mv_status mv__out_check(mv_view v, const mv_view *out)
{
    if (out == NULL)
        return MV_EINVAL;
    if (v.released)
        return MV_ERELEASED;
    return MV_OK;
}

/* PySlice_AdjustIndices for one bound that is not None. */
/*@ requires len: 0 <= len <= PTRDIFF_MAX;
    requires step: step != 0;
    terminates \true;
    assigns \nothing;
    ensures result: \result == mv_adjust(i, len, step);
    ensures range: -1 <= \result <= len;
    ensures range: step > 0 ==> 0 <= \result;
    ensures range: step < 0 ==> \result <= len - 1;
*/
static ptrdiff_t mv__adjust_bound(ptrdiff_t i, ptrdiff_t len, ptrdiff_t step)
{
    if (i < 0) {
        /* i < 0 and len >= 0: the sum cannot overflow. */
        ptrdiff_t from_end = i + len;
        if (from_end < 0)
            return step < 0 ? -1 : 0;
        return from_end;
    }
    if (i >= len)
        return step < 0 ? len - 1 : len;
    return i;
}

/* The slice length of PySlice_AdjustIndices, from adjusted bounds. */
/*@ requires step: step != 0 && step >= -PTRDIFF_MAX;
    requires bounds: -1 <= start <= PTRDIFF_MAX && -1 <= stop <= PTRDIFF_MAX;
    requires adjusted: step > 0 ==> 0 <= start && 0 <= stop;
    requires adjusted: step < 0 ==> start < PTRDIFF_MAX && stop < PTRDIFF_MAX;
    terminates \true;
    assigns \nothing;
    ensures result: \result == mv_count_of(start, stop, step);
*/
static size_t mv__slice_length(ptrdiff_t start, ptrdiff_t stop, ptrdiff_t step)
{
    if (step < 0) {
        if (stop < start)
            return (size_t)((start - stop - 1) / -step) + 1;
        return 0;
    }
    if (start < stop)
        return (size_t)((stop - start - 1) / step) + 1;
    return 0;
}

/* Where a slice of a view of len items starts, how many items it has and
 * its step in items: CPython's PySlice_Unpack + PySlice_AdjustIndices. */
typedef struct mv__plan {
    ptrdiff_t first;
    size_t    count;
    ptrdiff_t step;
} mv__plan;

/*@ requires len: len <= PTRDIFF_MAX;
    requires step: step != 0;
    terminates \true;
    assigns \nothing;
    ensures count: \result.count == mv_sl_len(len, start, stop, step);
    ensures first: \result.first == mv_sl_start(len, start, step);
    ensures step: \result.step == mv_py_step(step) && \result.step != 0;
    ensures in_range: \result.count >= 1 ==>
      0 <= \result.first < len &&
      0 <= \result.first + (\result.count - 1) * \result.step < len;
*/
static mv__plan mv__plan_slice(size_t len, ptrdiff_t start, ptrdiff_t stop, ptrdiff_t step)
{
    /* MV_OMIT is None.  The only step below -PTRDIFF_MAX is MV_OMIT itself,
     * so CPython's clamp of the step never has anything left to do. */
    ptrdiff_t py_step = step == MV_OMIT ? 1 : step;
    ptrdiff_t n = (ptrdiff_t)len;
    ptrdiff_t start_bound = start == MV_OMIT ? (py_step < 0 ? PTRDIFF_MAX : 0) : start;
    ptrdiff_t stop_bound = stop == MV_OMIT ? (py_step < 0 ? PTRDIFF_MIN : PTRDIFF_MAX) : stop;
    mv__plan plan;
    plan.first = mv__adjust_bound(start_bound, n, py_step);
    ptrdiff_t last_bound = mv__adjust_bound(stop_bound, n, py_step);
    plan.count = mv__slice_length(plan.first, last_bound, py_step);
    plan.step = py_step;
    /*@ assert last: plan.count >= 1 ==> py_step > 0 ==>
          (plan.count - 1) * py_step <= last_bound - plan.first - 1; */
    /*@ assert last: plan.count >= 1 ==> py_step < 0 ==>
          (plan.count - 1) * -py_step <= plan.first - last_bound - 1; */
    return plan;
}

/* The view of items first, first + step, ... (count of them) of v. */
/*@ requires valid: mv_valid(v);
    requires live: v.released == 0;
    requires step: step != 0;
    requires in_range: count >= 1 ==>
      0 <= first < v.len && 0 <= first + (count - 1) * step < v.len;
    terminates \true;
    assigns \nothing;
    ensures valid: mv_valid(\result);
    ensures len: \result.len == count;
    ensures item0: count >= 1 ==> \result.data == mv_item(v, first);
    ensures stride: count >= 2 ==> \result.stride == v.stride * step;
    ensures items: \forall integer j; 0 <= j < count ==>
      mv_item(\result, j) == mv_item(v, first + j * step);
    ensures in_range: mv_progression_in(first, step, count, v.len);
    ensures access: \result.readonly == v.readonly && \result.released == 0;
*/
static mv_view mv__take(mv_view v, ptrdiff_t first, size_t count, ptrdiff_t step)
{
    mv_view r = v;
    r.len = count;
    if (count == 0) {
        r.data = NULL;
        r.stride = 1;
        return r;
    }
    r.data = mv__item(v, first);
    if (count == 1) {
        r.stride = 1;
        return r;
    }
    /* The last item's index, for the proof only. */
    //@ ghost ptrdiff_t last = first + ((ptrdiff_t)count - 1) * step;
    //@ assert -(v.len - 1) <= (count - 1) * step <= v.len - 1;
    //@ assert -(v.len - 1) <= step <= v.len - 1;
    r.stride = mv__stride_product(v, step);
    //@ assert last_in: 0 <= last < v.len;
    //@ ghost mv__lemma_in_span(v.len, v.stride, last);
    //@ assert a: mv_span_lo(v.len, v.stride) <= first * v.stride <= mv_span_hi(v.len, v.stride);
    //@ assert b: mv_span_lo(v.len, v.stride) <= last * v.stride <= mv_span_hi(v.len, v.stride);
    //@ assert ring: (count - 1) * r.stride == last * v.stride - first * v.stride;
    /*@ assert items: \forall integer j; 0 <= j < count ==>
          first * v.stride + j * r.stride == (first + j * step) * v.stride; */
    return r;
}

/* mv_slice is inline (memview/inline.h) and handles step 1 itself; every
 * other step comes here once its checks have passed. */
void mv__slice_steps(mv_view v, ptrdiff_t start, ptrdiff_t stop, ptrdiff_t step, mv_view *out)
{
    mv__plan plan = mv__plan_slice(v.len, start, stop, step);
    mv__store_view(out, mv__take(v, plan.first, plan.count, plan.step));
}

/* mv_sub is inline (memview/inline.h). */

mv_status mv_buffer(mv_view v, size_t offset, ptrdiff_t size, mv_view *out)
{
    mv_status status = mv__out_check(v, out);
    if (status != MV_OK)
        return status;
    if (size < -1)
        return MV_EINVAL;
    size_t len = 0;
    if (offset < v.len) {
        size_t rest = v.len - offset;
        len = (size == -1 || (size_t)size > rest) ? rest : (size_t)size;
    } else {
        offset = v.len;
    }
    mv_view r = mv__cut(v, offset, len);
    r.readonly = true;
    mv__store_view(out, r);
    return MV_OK;
}

/* mv_advance and mv_split are inline (memview/inline.h). */

mv_status mv_toreadonly(mv_view v, mv_view *out)
{
    mv_status status = mv__out_check(v, out);
    if (status != MV_OK)
        return status;
    mv_view r = v;
    r.readonly = true;
    mv__store_view(out, r);
    return MV_OK;
}

mv_status mv_release(mv_view *v)
{
    if (v == NULL)
        return MV_EINVAL;
    mv_view r = { NULL, 0, 1, true, true, NULL };
    mv__store_view(v, r);
    return MV_OK;
}
