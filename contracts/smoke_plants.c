/* smoke_plants.c — contradictions the smoke tests of `make prove` must catch.
 *
 * A smoke test passes when the prover cannot prove false from a contract
 * (a contract nothing satisfies would prove anything).  `make prove` runs
 * them with a short timeout; this file checks that the timeout is long
 * enough: each function below carries one planted contradiction of a kind
 * memview's contracts could contain, and `make prove` fails unless every
 * one is reported.  Read by Frama-C only; never compiled.
 */
#include "memview.h"
#include "mv_internal.h"

/* 1. contradictory requires on a view's shape */
/*@ requires valid: mv_valid(v);
    requires bad: v.len == 0 && v.data != \null;
    assigns \nothing;
*/
size_t planted_shape(mv_view v) { return v.len; }

/* 2. a requires contradicting another through arithmetic */
/*@ requires valid: mv_valid(v);
    requires r: v.len >= 2 && v.stride == 1 && (v.len - 1) * v.stride > PTRDIFF_MAX;
    assigns \nothing;
*/
size_t planted_arithmetic(mv_view v) { return v.len; }

/* 3. a loop invariant no state satisfies after one step */
/*@ requires valid: mv_valid(v) && v.len >= 1;
    assigns \nothing;
*/
size_t planted_invariant(mv_view v)
{
    size_t n = 0;
    /*@ loop invariant i: 0 <= k <= v.len;
        loop invariant bad: n == k && n != k * 1;
        loop assigns k, n;
        loop variant v.len - k; */
    for (size_t k = 0; k < v.len; k++)
        n++;
    return n;
}

/* 4. a behavior whose assumes contradicts the requires */
/*@ requires valid: mv_valid(v);
    requires live: v.released == 0;
    assigns \nothing;
    behavior gone:
      assumes v.released != 0 && v.len > 0;
      ensures \result == 0;
    behavior live:
      assumes v.released == 0;
      ensures \result == v.len;
*/
size_t planted_assumes(mv_view v) { return v.released ? 0 : v.len; }

/* 5. contradiction needing the span arithmetic: a valid view whose span is
 * both readable and claims an item past PTRDIFF_MAX */
/*@ requires valid: mv_valid(v) && v.len >= 3 && v.stride >= 1;
    requires bad: v.len * v.stride < 0;
    assigns \nothing;
*/
size_t planted_span(mv_view v) { return v.len; }
