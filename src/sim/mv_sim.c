/* mv_sim.c — the simulated socket of memview_sim.h.
 *
 * Module invariant (mv_sim_ok): the three positions stay within their
 * buffers, every byte written lands in sent[sent_len .. sent_cap - 1] or in
 * the caller's receive buffer, and every byte read comes from the script,
 * the input or the caller's send buffer, within their lengths.
 */
#include "memview_sim.h"

#include "../mv_internal.h"

#ifdef __FRAMAC__
#include "mv_sim_calls.h"
#else
#include <errno.h>
#endif

mv_status mv_sim_init(mv_sim *s, const void *script, size_t script_len, void *sent, size_t sent_cap,
                      const void *input, size_t input_len)
{
    if (s == NULL || (script == NULL && script_len > 0) || (sent == NULL && sent_cap > 0) ||
        (input == NULL && input_len > 0))
        return MV_EINVAL;
    if (sent_cap > MV_LEN_MAX || input_len > MV_LEN_MAX)
        return MV_EOVERFLOW;
    s->script = script;
    s->script_len = script_len;
    s->script_pos = 0;
    s->sent = sent;
    s->sent_cap = sent_cap;
    s->sent_len = 0;
    s->input = input;
    s->input_len = input_len;
    s->input_pos = 0;
    s->calls = 0;
    return MV_OK;
}

/* What the script says one call does. */
typedef enum mv__sim_kind {
    MV__SIM_MOVE,   /* move up to count bytes */
    MV__SIM_FAIL,   /* fail with errno err */
    MV__SIM_CLOSE,  /* the peer is gone */
    MV__SIM_CLAIM   /* claim one byte more than asked */
} mv__sim_kind;

typedef struct mv__sim_step {
    mv__sim_kind kind;
    size_t count;
    int err;
} mv__sim_step;

/* The next script byte as 0..255, or -1 when the script is used up. */
/*@ requires sim: mv_sim_ok(s);
    terminates \true;
    assigns s->script_pos;
    ensures sim: mv_sim_ok(s);
    ensures result: -1 <= \result <= 255;
*/
static int mv__sim_byte(mv_sim *s)
{
    if (s->script_pos == s->script_len)
        return -1;
    return mv__u8(s->script[s->script_pos++]);
}

/* Reads one instruction for a call that asked for len bytes, and counts
 * the call. */
/*@ requires sim: mv_sim_ok(s);
    terminates \true;
    assigns s->script_pos, s->calls;
    ensures sim: mv_sim_ok(s);
    ensures kind: \result.kind == MV__SIM_MOVE || \result.kind == MV__SIM_FAIL ||
                  \result.kind == MV__SIM_CLOSE || \result.kind == MV__SIM_CLAIM;
    ensures count: \result.kind == MV__SIM_MOVE ==> \result.count <= len;
*/
static mv__sim_step mv__sim_next(mv_sim *s, size_t len)
{
    mv__sim_step step = { MV__SIM_MOVE, len, 0 };
    if (s->calls < SIZE_MAX)
        s->calls++;
    int op = mv__sim_byte(s);
    if (op < 0)
        return step;
    if (op < (int)MV_SIM_ALL) {
        step.count = (size_t)op < len ? (size_t)op : len;
        return step;
    }
    switch (op) {
    case MV_SIM_EINTR:
        step.kind = MV__SIM_FAIL;
        step.err = EINTR;
        break;
    case MV_SIM_EAGAIN:
        step.kind = MV__SIM_FAIL;
        step.err = EAGAIN;
        break;
    case MV_SIM_ERROR: {
        int e = mv__sim_byte(s);
        step.kind = MV__SIM_FAIL;
        step.err = e > 0 ? e : EIO;
        break;
    }
    case MV_SIM_CLOSE:
        step.kind = MV__SIM_CLOSE;
        break;
    case MV_SIM_CLAIM:
        step.kind = MV__SIM_CLAIM;
        break;
    case MV_SIM_MANY: {
        int high = mv__sim_byte(s);
        int low = mv__sim_byte(s);
        size_t many = (size_t)(high < 0 ? 0 : high) * 256u + (size_t)(low < 0 ? 0 : low);
        step.count = many < len ? many : len;
        break;
    }
    default:
        break;
    }
    return step;
}

/* One more than len, as a count: what MV_SIM_CLAIM returns (a failure
 * with EOVERFLOW when that count does not exist). */
/*@ terminates \true;
    assigns __fc_errno;
    ensures result: \result == (len < PTRDIFF_MAX ? len + 1 : -1);
*/
static ssize_t mv__sim_claim(size_t len)
{
    if (len >= (size_t)PTRDIFF_MAX) {
        errno = EOVERFLOW;
        return -1;
    }
    return (ssize_t)len + 1;
}

/* sent[sent_len ..] += src[0 .. n-1]. */
/*@ requires sim: mv_sim_ok(s);
    requires room: n <= s->sent_cap - s->sent_len;
    requires bytes: n == 0 || \valid_read(src + (0 .. n - 1));
    requires apart: n == 0 || s->sent_cap == 0 ||
      \separated(s->sent + (0 .. s->sent_cap - 1), src + (0 .. n - 1));
    terminates \true;
    assigns s->sent_len, s->sent[0 .. s->sent_cap - 1];
    ensures sim: mv_sim_ok(s) && s->sent_len == \old(s->sent_len) + n;
    ensures recorded: \forall integer i; 0 <= i < n ==> s->sent[\old(s->sent_len) + i] == src[i];
    ensures kept: \forall integer i; 0 <= i < \old(s->sent_len) ==> s->sent[i] == \old(s->sent[i]);
*/
static void mv__sim_record(mv_sim *s, const char *src, size_t n)
{
    if (n == 0)
        return; /* sent may be NULL (capacity 0): form no pointer from it */
    char *dst = s->sent + s->sent_len;
    /*@ loop invariant i: 0 <= i <= n;
        loop invariant copied: \forall integer k; 0 <= k < i ==> dst[k] == src[k];
        loop invariant kept: \forall integer k; 0 <= k < \at(s->sent_len, Pre) ==>
          s->sent[k] == \at(s->sent[k], Pre);
        loop assigns i, s->sent[0 .. s->sent_cap - 1];
        loop variant n - i;
    */
    for (size_t i = 0; i < n; i++)
        dst[i] = src[i];
    s->sent_len += n;
}

ssize_t mv_sim_send(mv_sim *s, const void *buf, size_t len)
{
    mv__sim_step step = mv__sim_next(s, len);
    if (step.kind == MV__SIM_FAIL) {
        errno = step.err;
        return -1;
    }
    if (step.kind == MV__SIM_CLOSE) {
        errno = EPIPE;
        return -1;
    }
    if (step.kind == MV__SIM_CLAIM)
        return mv__sim_claim(len);
    size_t room = s->sent_cap - s->sent_len;
    size_t n = step.count;
    if (n > room) {
        if (room == 0) {
            errno = ENOSPC;
            return -1;
        }
        n = room;
    }
    mv__sim_record(s, buf, n);
    return (ssize_t)n;
}

ssize_t mv_sim_recv(mv_sim *s, void *buf, size_t len)
{
    mv__sim_step step = mv__sim_next(s, len);
    if (step.kind == MV__SIM_FAIL) {
        errno = step.err;
        return -1;
    }
    if (step.kind == MV__SIM_CLOSE)
        return 0;
    if (step.kind == MV__SIM_CLAIM)
        return mv__sim_claim(len);
    size_t left = s->input_len - s->input_pos;
    size_t n = step.count < left ? step.count : left;
    if (n == 0)
        return 0; /* input may be NULL (length 0): form no pointer from it */
    char *dst = buf;
    const char *src = s->input + s->input_pos;
    /*@ loop invariant i: 0 <= i <= n;
        loop invariant copied: \forall integer k; 0 <= k < i ==> dst[k] == src[k];
        loop assigns i, dst[0 .. len - 1];
        loop variant n - i;
    */
    for (size_t i = 0; i < n; i++)
        dst[i] = src[i];
    s->input_pos += n;
    return (ssize_t)n;
}

/* sent[sent_len ..] += the first want bytes of the iovecs, in order. */
/*@ requires sim: mv_sim_ok(s);
    requires room: want <= s->sent_cap - s->sent_len;
    requires vector: iovcnt >= 0 && (iovcnt == 0 || \valid_read(iov + (0 .. iovcnt - 1)));
    requires apart: iovcnt == 0 || \separated(s, iov + (0 .. iovcnt - 1));
    requires bytes: \forall integer i; 0 <= i < iovcnt ==> iov[i].iov_len == 0 ||
      \valid_read((char *)iov[i].iov_base + (0 .. iov[i].iov_len - 1));
    requires apart: \forall integer i; 0 <= i < iovcnt ==> iov[i].iov_len == 0 || s->sent_cap == 0 ||
      \separated(s->sent + (0 .. s->sent_cap - 1),
                 (char *)iov[i].iov_base + (0 .. iov[i].iov_len - 1));
    terminates \true;
    assigns s->sent_len, s->sent[0 .. s->sent_cap - 1];
    ensures sim: mv_sim_ok(s) && s->sent_len == \old(s->sent_len) + \result;
    ensures moved: \result <= want;
    ensures kept: \forall integer i; 0 <= i < \old(s->sent_len) ==> s->sent[i] == \old(s->sent[i]);
*/
static size_t mv__sim_record_iov(mv_sim *s, const struct iovec *iov, int iovcnt, size_t want)
{
    size_t moved = 0;
    /*@ loop invariant i: 0 <= i <= iovcnt;
        loop invariant moved: moved <= want && s->sent_len == \at(s->sent_len, Pre) + moved;
        loop invariant sim: mv_sim_ok(s);
        loop invariant kept: \forall integer k; 0 <= k < \at(s->sent_len, Pre) ==>
          s->sent[k] == \at(s->sent[k], Pre);
        loop assigns i, moved, s->sent_len, s->sent[0 .. s->sent_cap - 1];
        loop variant iovcnt - i;
    */
    for (int i = 0; i < iovcnt && moved < want; i++) {
        size_t piece = iov[i].iov_len < want - moved ? iov[i].iov_len : want - moved;
        mv__sim_record(s, iov[i].iov_base, piece);
        moved += piece;
    }
    return moved;
}

ssize_t mv_sim_sendv(mv_sim *s, const struct iovec *iov, int iovcnt)
{
    /* The bytes asked for, saturating (only a count to compare with). */
    size_t total = 0;
    /*@ loop invariant i: 0 <= i <= iovcnt;
        loop assigns i, total;
        loop variant iovcnt - i;
    */
    for (int i = 0; i < iovcnt; i++)
        total = iov[i].iov_len > SIZE_MAX - total ? SIZE_MAX : total + iov[i].iov_len;
    mv__sim_step step = mv__sim_next(s, total);
    if (step.kind == MV__SIM_FAIL) {
        errno = step.err;
        return -1;
    }
    if (step.kind == MV__SIM_CLOSE) {
        errno = EPIPE;
        return -1;
    }
    if (step.kind == MV__SIM_CLAIM)
        return mv__sim_claim(total);
    size_t room = s->sent_cap - s->sent_len;
    size_t want = step.count;
    if (want > room) {
        if (room == 0) {
            errno = ENOSPC;
            return -1;
        }
        want = room;
    }
    return (ssize_t)mv__sim_record_iov(s, iov, iovcnt, want);
}

#ifndef __FRAMAC__
/* The transport's callbacks: the void * context back to the simulator it
 * is.  Frama-C reads their trusted declarations instead
 * (contracts/mv_sim_calls.h): WP does not follow that conversion. */
static ssize_t mv__sim_send_cb(void *ctx, const void *buf, size_t len)
{
    return mv_sim_send(ctx, buf, len);
}

static ssize_t mv__sim_recv_cb(void *ctx, void *buf, size_t len)
{
    return mv_sim_recv(ctx, buf, len);
}

static ssize_t mv__sim_sendv_cb(void *ctx, const struct iovec *iov, int iovcnt)
{
    return mv_sim_sendv(ctx, iov, iovcnt);
}
#endif

mv_transport mv_sim_transport(mv_sim *s)
{
    mv_transport t = { s, mv__sim_send_cb, mv__sim_recv_cb, mv__sim_sendv_cb };
    return t;
}

size_t mv_sim_sent(const mv_sim *s)
{
    return s == NULL ? 0 : s->sent_len;
}

size_t mv_sim_served(const mv_sim *s)
{
    return s == NULL ? 0 : s->input_pos;
}

size_t mv_sim_calls(const mv_sim *s)
{
    return s == NULL ? 0 : s->calls;
}
