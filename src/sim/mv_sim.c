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

/* The next script byte as 0..255, or -1 when the script is used up. */
/*@ requires sim: mv_sim_ok(s);
    terminates \true;
    assigns s->script_pos;
    ensures sim: mv_sim_ok(s);
    ensures result: -1 <= \result <= 255;
*/
static int mv__sim_script_byte(mv_sim *s)
{
    if (s->script_pos == s->script_len)
        return -1;
    return mv__u8(s->script[s->script_pos++]);
}

/* Sets errno to err and returns -1: a failed call's result. */
/*@ terminates \true;
    assigns __fc_errno;
    ensures errno: __fc_errno == err;
    ensures result: \result == -1;
*/
static ssize_t mv__sim_fail(int err)
{
    errno = err;
    return -1;
}

/* Which way a call moves bytes.  It decides where the room is (the space
 * left in sent, the input not yet served) and how a closed peer or no room
 * ends the call (EPIPE and ENOSPC when sending, 0 when receiving). */
typedef enum mv__sim_way { MV__SIM_SENDING, MV__SIM_RECEIVING } mv__sim_way;

/* The outcome of one call of send, sendv or recv that asked for `asked`
 * bytes: counts the call and consumes its script instruction.  A call that
 * moves bytes gets *n = their count, 1 .. asked and at most the room left,
 * and that count as the result.  Any other call gets *n = 0 and its whole
 * result: -1 with errno set, 0, or asked + 1 (MV_SIM_CLAIM), as
 * memview_sim.h describes. */
/*@ requires sim: mv_sim_ok(s);
    requires out: \valid(n) && \separated(n, s);
    terminates \true;
    assigns s->script_pos, s->calls, *n, __fc_errno;
    ensures sim: mv_sim_ok(s);
    ensures count: *n <= asked &&
      (way == MV__SIM_SENDING ? *n <= s->sent_cap - s->sent_len : *n <= s->input_len - s->input_pos);
    ensures moving: *n > 0 ==> \result == *n;
    ensures other: *n == 0 ==> \result == -1 || \result == 0 || \result == asked + 1;
*/
static ssize_t mv__sim_outcome(mv_sim *s, size_t asked, mv__sim_way way, size_t *n)
{
    *n = 0;
    if (s->calls < SIZE_MAX)
        s->calls++;
    size_t count = asked; /* all asked: MV_SIM_ALL, a byte from 0xE7 up, no script left */
    int op = mv__sim_script_byte(s);
    switch (op) {
    case MV_SIM_EINTR:
        return mv__sim_fail(EINTR);
    case MV_SIM_EAGAIN:
        return mv__sim_fail(EAGAIN);
    case MV_SIM_ERROR: {
        int e = mv__sim_script_byte(s);
        return mv__sim_fail(e > 0 ? e : EIO);
    }
    case MV_SIM_CLOSE:
        return way == MV__SIM_SENDING ? mv__sim_fail(EPIPE) : 0;
    case MV_SIM_CLAIM:
        /* asked + 1 must fit in ssize_t, whose maximum is PTRDIFF_MAX */
        if (asked >= (size_t)PTRDIFF_MAX)
            return mv__sim_fail(EOVERFLOW);
        return (ssize_t)asked + 1;
    case MV_SIM_MANY: {
        int high = mv__sim_script_byte(s);
        int low = mv__sim_script_byte(s);
        count = (size_t)(high < 0 ? 0 : high) * 256u + (size_t)(low < 0 ? 0 : low);
        break;
    }
    default:
        if (0 <= op && op < (int)MV_SIM_ALL)
            count = (size_t)op;
        break;
    }
    size_t want = count < asked ? count : asked;
    /* room <= PTRDIFF_MAX (mv_sim_ok), so the count fits in ssize_t */
    size_t room = way == MV__SIM_SENDING ? s->sent_cap - s->sent_len : s->input_len - s->input_pos;
    if (want > room) {
        if (room == 0)
            return way == MV__SIM_SENDING ? mv__sim_fail(ENOSPC) : 0;
        want = room;
    }
    *n = want;
    return (ssize_t)want;
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
static void mv__sim_append(mv_sim *s, const char *src, size_t n)
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
    size_t n;
    ssize_t result = mv__sim_outcome(s, len, MV__SIM_SENDING, &n);
    if (n == 0)
        return result;
    mv__sim_append(s, buf, n);
    return result;
}

ssize_t mv_sim_recv(mv_sim *s, void *buf, size_t len)
{
    size_t n;
    ssize_t result = mv__sim_outcome(s, len, MV__SIM_RECEIVING, &n);
    if (n == 0)
        return result; /* input may be NULL (length 0): form no pointer from it */
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
    return result;
}

/* sent[sent_len ..] += the first want bytes of the iovecs, in order; returns
 * how many there were (fewer than want only if the iovecs hold fewer). */
/*@ requires sim: mv_sim_ok(s);
    requires room: want <= s->sent_cap - s->sent_len;
    requires vector: iovcnt >= 0 && (iovcnt == 0 || \valid_read(iov + (0 .. iovcnt - 1)));
    requires apart: iovcnt == 0 || \separated(s, iov + (0 .. iovcnt - 1));
    requires bytes: mv_sim_iov_readable(iov, iovcnt);
    requires apart: mv_sim_iov_apart(s, iov, iovcnt);
    terminates \true;
    assigns s->sent_len, s->sent[0 .. s->sent_cap - 1];
    ensures sim: mv_sim_ok(s) && s->sent_len == \old(s->sent_len) + \result;
    ensures moved: \result <= want;
    ensures kept: \forall integer i; 0 <= i < \old(s->sent_len) ==> s->sent[i] == \old(s->sent[i]);
*/
static size_t mv__sim_append_iov(mv_sim *s, const struct iovec *iov, int iovcnt, size_t want)
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
        mv__sim_append(s, iov[i].iov_base, piece);
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
    size_t n;
    ssize_t result = mv__sim_outcome(s, total, MV__SIM_SENDING, &n);
    if (n == 0)
        return result;
    return (ssize_t)mv__sim_append_iov(s, iov, iovcnt, n);
}

/* The first want input bytes not yet served go into the pieces, in order;
 * returns how many there were (fewer than want only if the pieces hold
 * fewer). */
/*@ requires sim: mv_sim_ok(s);
    requires room: want <= s->input_len - s->input_pos;
    requires vector: iovcnt >= 0 && (iovcnt == 0 || \valid_read(iov + (0 .. iovcnt - 1)));
    requires apart: iovcnt == 0 || \separated(s, iov + (0 .. iovcnt - 1));
    requires rooms: mv_sim_iov_writable(iov, iovcnt);
    requires apart: mv_sim_iov_apart_in(s, iov, iovcnt);
    terminates \true;
    exits \false;
    assigns s->input_pos, { ((char *)iov[i].iov_base)[j] | integer i, j; 0 <= i < iovcnt && 0 <= j < iov[i].iov_len };
    ensures sim: mv_sim_ok(s) && s->input_pos == \old(s->input_pos) + \result;
    ensures moved: \result <= want;
*/
static size_t mv__sim_serve_iov(mv_sim *s, const struct iovec *iov, int iovcnt, size_t want)
{
    size_t moved = 0;
    /*@ loop invariant i: 0 <= i <= iovcnt;
        loop invariant moved: moved <= want && s->input_pos == \at(s->input_pos, Pre) + moved;
        loop invariant sim: mv_sim_ok(s);
        loop assigns i, moved, s->input_pos, { ((char *)iov[i].iov_base)[j] | integer i, j; 0 <= i < iovcnt && 0 <= j < iov[i].iov_len };
        loop variant iovcnt - i;
    */
    for (int i = 0; i < iovcnt && moved < want; i++) {
        size_t piece = iov[i].iov_len < want - moved ? iov[i].iov_len : want - moved;
        if (piece == 0)
            continue; /* an empty piece may have a NULL base: form no pointer from it */
        char *dst = iov[i].iov_base;
        const char *src = s->input + s->input_pos;
        /*@ loop invariant k: 0 <= k <= piece;
            loop assigns k, dst[0 .. piece - 1];
            loop variant piece - k;
        */
        for (size_t k = 0; k < piece; k++)
            dst[k] = src[k];
        s->input_pos += piece;
        moved += piece;
    }
    return moved;
}

ssize_t mv_sim_recvv(mv_sim *s, const struct iovec *iov, int iovcnt)
{
    /* The room offered, saturating (only a count to compare with). */
    size_t total = 0;
    /*@ loop invariant i: 0 <= i <= iovcnt;
        loop assigns i, total;
        loop variant iovcnt - i;
    */
    for (int i = 0; i < iovcnt; i++)
        total = iov[i].iov_len > SIZE_MAX - total ? SIZE_MAX : total + iov[i].iov_len;
    size_t n;
    ssize_t result = mv__sim_outcome(s, total, MV__SIM_RECEIVING, &n);
    if (n == 0)
        return result;
    /* The outcome wrote only the simulator, apart from the iovecs. */
    /*@ assert pieces: \forall integer i; 0 <= i < iovcnt ==>
          iov[i].iov_len == \at(iov[i].iov_len, Pre) && iov[i].iov_base == \at(iov[i].iov_base, Pre);
    */
    return (ssize_t)mv__sim_serve_iov(s, iov, iovcnt, n);
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

static ssize_t mv__sim_recvv_cb(void *ctx, const struct iovec *iov, int iovcnt)
{
    return mv_sim_recvv(ctx, iov, iovcnt);
}
#endif

mv_transport mv_sim_transport(mv_sim *s)
{
    mv_transport t = { s, mv__sim_send_cb, mv__sim_recv_cb, mv__sim_sendv_cb, mv__sim_recvv_cb };
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
