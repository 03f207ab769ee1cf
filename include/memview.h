/*
 * memview.h — zero-copy views of bytes: Python's buffer / memoryview in C.
 *
 * Include this header and link -lmemview (pkg-config memview).  It states
 * the rules every function follows, the status codes and the two types;
 * the functions themselves are documented, each with its ACSL contract
 * (proven against the code by Frama-C WP: `make prove`), in the headers it
 * includes:
 *
 *   memview/view.h     making views, their shape, slicing    mv_from, mv_slice, mv_sub, mv_advance ...
 *   memview/items.h    items: get, set, copy, fill, compare  mv_get, mv_tobytes, mv_assign, mv_equal ...
 *   memview/search.h   searching and hex output              mv_index, mv_count, mv_find, mv_hex ...
 *   memview/cut.h      cutting at separators, stripping      mv_partition, mv_split_next, mv_strip ...
 *   memview/buf.h      owner buffers with export locking     mv_buf_init, mv_buf_export ...
 *   memview/cursor.h   cursor reads and writes               mv_read_be32, mv_write_view ...
 *   memview/io.h       zero-copy send and receive loops      mv_send_all, mv_recv_all ...
 *
 * The simulated socket for tests is a separate library: memview_sim.h,
 * -lmemview_sim.
 *
 * Rules for every function
 * ------------------------
 *  - A view (mv_view) is a small value: pass it, copy it, return it.  It
 *    never owns memory; the bytes it describes must outlive it.  Its fields
 *    are the library's business: use the functions below.
 *  - A view describes mv_len(v) items of one byte each; item i is at address
 *    mv_data(v) + i * mv_stride(v).  Lengths never exceed PTRDIFF_MAX.
 *  - Every mv_status function either succeeds (MV_OK) or changes nothing:
 *    no out-parameter, view, cursor or caller buffer is written on failure.
 *    The only exception is the progress counter of the I/O functions, which
 *    is exact on every return.
 *  - Statuses are checked in this order: a required pointer that is NULL
 *    (MV_EINVAL), a released view (MV_ERELEASED), a write through a
 *    read-only view (MV_EREADONLY), then the arguments in the order the
 *    function lists them.
 *  - A byte pointer may be NULL only when its length or capacity is 0.
 *    Every other pointer parameter is required.
 *  - A released view answers MV_ERELEASED to every mv_status function;
 *    the functions that return a value return 0, false or NULL for it.
 *  - An empty view has no item 0: mv_data returns NULL for it.
 *  - No input makes a function crash, read or write outside the bytes it
 *    was given, overflow, or reach undefined behaviour.  The preconditions
 *    that remain are the ones C cannot check at run time: that a view was
 *    made by this library from memory that is still valid, and that output
 *    buffers are valid for the capacity given.
 */
#ifndef MEMVIEW_H
#define MEMVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Results a caller must look at: every mv_status function. */
#if defined(__GNUC__) || defined(__clang__)
#define MV_NODISCARD __attribute__((warn_unused_result))
#else
#define MV_NODISCARD
#endif

/* ------------------------------------------------------------------ */
/* Status codes                                                        */
/* ------------------------------------------------------------------ */

typedef enum mv_status {
    MV_OK = 0,
    MV_EINVAL,      /* NULL where a pointer is required, zero step, bad argument, lengths differ */
    MV_ERANGE,      /* index or bound out of range, destination too small */
    MV_EOVERFLOW,   /* a size or offset that does not fit (> PTRDIFF_MAX, wraps) */
    MV_EREADONLY,   /* write through a read-only view */
    MV_ENOTCONTIG,  /* the operation needs a contiguous view (all I/O does) */
    MV_ENOTFOUND,   /* index / find found nothing */
    MV_EBUSY,       /* an owner buffer has live exports */
    MV_ERELEASED,   /* the view was released */
    MV_ENOMEM,      /* allocation failed */
    MV_EAGAIN,      /* the transport would block; progress so far is reported */
    MV_ECLOSED,     /* the peer closed (or accepted nothing) before the work was done */
    MV_ESYS         /* the transport failed; errno is kept */
} mv_status;

/* ------------------------------------------------------------------ */
/* The view                                                            */
/* ------------------------------------------------------------------ */

/* A view of len one-byte items; item i is at data + i * stride.
 * Private: the fields may change between versions.  Bytes are addressed as
 * char because that is the type C gives to the bytes of any object. */
typedef struct mv_view {
    char     *data;      /* item 0; NULL exactly when len == 0 */
    size_t    len;       /* number of items, <= PTRDIFF_MAX */
    ptrdiff_t stride;    /* never 0; meaningless when len <= 1 */
    bool      readonly;  /* writes are refused */
    bool      released;  /* mv_release was called: len == 0, data == NULL */
    const struct mv_buf *owner;  /* the owner buffer that exported this view
                                    (or the view it was cut from); NULL for
                                    views made from plain memory */
} mv_view;

/* An owner buffer: bytearray with export locking, and a byte queue that
 * grows at the back and is consumed at the front.  The caller holds the
 * struct (on the stack or inside its own structs); the library owns the
 * block of head + cap bytes from malloc that starts at data - head: head
 * consumed bytes, then the len bytes of contents, then cap - len bytes of
 * spare capacity.  Private: the fields may change between versions. */
typedef struct mv_buf {
    char  *data;      /* the contents' first byte; NULL exactly when cap == 0 */
    size_t len;       /* bytes of contents, <= cap */
    size_t cap;       /* bytes from data to the block's end, <= PTRDIFF_MAX - head */
    size_t exports;   /* views handed out by mv_buf_export and not yet released */
    size_t head;      /* consumed bytes before data; 0 when cap == 0 */
    bool   spare;     /* the view of the spare capacity (mv_buf_spare) is out */
    bool   secure;    /* every block freed or outgrown is zeroed first (mv_buf_set_secure) */
} mv_buf;

/* An omitted slice bound or step: Python's None. */
#define MV_OMIT PTRDIFF_MIN

#ifdef __FRAMAC__
#include "mv_spans.acsl"
#endif


/* mv_strerror: a short English description of a status; never NULL, also
 * for values that are not mv_status codes. */
/*@ terminates \true;
    assigns \nothing;
    ensures non_null: \result != \null;
    ensures string: \valid_read(\result);
*/
const char *mv_strerror(mv_status s);

/* The O(1) functions (the shape of a view, mv_sub, mv_advance, mv_split,
 * mv_slice, mv_get, mv_set, the cursor's integer reads and writes) are
 * inline definitions in memview/inline.h, and libmemview exports each as
 * an ordinary symbol as well.  Under Frama-C a group's definitions are seen
 * only by the source file that emits its symbols (MV_DEFINE_*_INLINES),
 * so each is proven once; elsewhere its prototype and contract stand. */
#if defined(__FRAMAC__) && !defined(MV_DEFINE_VIEW_INLINES)
#define MV__VIEW_INLINE
#else
#define MV__VIEW_INLINE inline
#endif
#if defined(__FRAMAC__) && !defined(MV_DEFINE_ITEMS_INLINES)
#define MV__ITEMS_INLINE
#else
#define MV__ITEMS_INLINE inline
#endif
#if defined(__FRAMAC__) && !defined(MV_DEFINE_CURSOR_INLINES)
#define MV__CURSOR_INLINE
#else
#define MV__CURSOR_INLINE inline
#endif

#ifdef __cplusplus
}
#endif

#include "memview/view.h"
#include "memview/items.h"
#include "memview/search.h"
#include "memview/cut.h"
#include "memview/buf.h"
#include "memview/cursor.h"
#include "memview/io.h"
#include "memview/inline.h"

#endif /* MEMVIEW_H */
