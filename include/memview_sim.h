/*
 * memview_sim.h — a simulated socket: a deterministic mv_transport driven by
 * a byte script, for testing I/O loops against every partial-I/O schedule.
 *
 * Each call of the transport's send, sendv, recv or recvv reads its fate
 * from the script, one instruction per call:
 *
 *   0x00 .. 0xDF   move min(n, len) bytes, n being the byte itself
 *                  (0x00: move nothing: send returns 0, recv returns 0,
 *                  which is the end of the stream; n counts bytes across
 *                  all the pieces of sendv and recvv)
 *   MV_SIM_ALL     move everything asked (also: any byte from 0xE7 up,
 *                  and every call once the script is used up)
 *   MV_SIM_EINTR   fail with errno EINTR
 *   MV_SIM_EAGAIN  fail with errno EAGAIN
 *   MV_SIM_ERROR e fail with errno e (the next script byte; 0 means EIO)
 *   MV_SIM_CLOSE   the peer is gone: send fails with EPIPE, recv returns 0
 *                  (sendv and recvv: as send and recv)
 *   MV_SIM_CLAIM   claim one byte more than asked, moving nothing (a broken
 *                  transport, which callers must not believe; when that
 *                  count would not fit in ssize_t, fail with EOVERFLOW)
 *   MV_SIM_MANY h l  move min(h * 256 + l, len) bytes
 *
 * A script that ends inside an instruction reads the missing bytes as 0
 * (MV_SIM_ERROR then fails with EIO; MV_SIM_MANY moves the count read).
 *
 * What send and sendv move is appended to the `sent` buffer the simulator
 * was given (a send finding it full fails with ENOSPC); what recv and
 * recvv move is taken from the `input` bytes in order (recvv filling its
 * pieces one after another; both return 0 once the input is all served).  Nothing is allocated; the simulator only reads the script and
 * input and writes the sent buffer, within the sizes given.
 */
#ifndef MEMVIEW_SIM_H
#define MEMVIEW_SIM_H

#include "memview.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MV_SIM_ALL    0xE0u
#define MV_SIM_EINTR  0xE1u
#define MV_SIM_EAGAIN 0xE2u
#define MV_SIM_ERROR  0xE3u
#define MV_SIM_CLOSE  0xE4u
#define MV_SIM_CLAIM  0xE5u
#define MV_SIM_MANY   0xE6u

/* The simulator's state.  Private: use the functions and the counters. */
typedef struct mv_sim {
    const char *script;     /* the schedule */
    size_t      script_len;
    size_t      script_pos;
    char       *sent;       /* what send/sendv moved */
    size_t      sent_cap;
    size_t      sent_len;
    const char *input;      /* what recv serves */
    size_t      input_len;
    size_t      input_pos;
    size_t      calls;      /* transport calls made */
} mv_sim;

#ifdef __FRAMAC__
#include "mv_sim.acsl"
#endif

/* mv_sim_init: a simulator following script, recording into sent (cap
 * bytes) and serving input.  Each pointer may be NULL when its length is 0.
 * The buffers must outlive the simulator and sent must not overlap the
 * others.  MV_EINVAL: s is NULL, or a pointer is NULL with a length > 0.
 * MV_EOVERFLOW: sent_cap or input_len is larger than PTRDIFF_MAX. */
/*@ requires s_valid: s == \null || \valid(s);
    requires script_valid: script == \null || script_len == 0 ||
      \valid_read((char *)script + (0 .. script_len - 1));
    requires sent_valid: sent == \null || sent_cap == 0 || \valid((char *)sent + (0 .. sent_cap - 1));
    requires input_valid: input == \null || input_len == 0 ||
      \valid_read((char *)input + (0 .. input_len - 1));
    requires apart: sent == \null || sent_cap == 0 || s == \null ||
      \separated((char *)sent + (0 .. sent_cap - 1), s);
    requires apart: sent == \null || sent_cap == 0 || script == \null || script_len == 0 ||
      \separated((char *)sent + (0 .. sent_cap - 1), (char *)script + (0 .. script_len - 1));
    requires apart: sent == \null || sent_cap == 0 || input == \null || input_len == 0 ||
      \separated((char *)sent + (0 .. sent_cap - 1), (char *)input + (0 .. input_len - 1));
    terminates \true;
    assigns *s;
    behavior bad_pointer:
      assumes !mv_sim_args_given(s, script, script_len, sent, sent_cap, input, input_len);
      assigns \nothing;
      ensures result: \result == MV_EINVAL;
    behavior too_big:
      assumes mv_sim_args_too_big(s, script, script_len, sent, sent_cap, input, input_len);
      assigns \nothing;
      ensures result: \result == MV_EOVERFLOW;
    behavior made:
      assumes mv_sim_args_usable(s, script, script_len, sent, sent_cap, input, input_len);
      assigns *s;
      ensures result: \result == MV_OK;
      ensures state: mv_sim_ok(s) && s->script_pos == 0 && s->sent_len == 0 && s->input_pos == 0 &&
                     s->calls == 0;
    complete behaviors;
    disjoint behaviors;
*/
MV_NODISCARD mv_status mv_sim_init(mv_sim *s, const void *script, size_t script_len, void *sent,
                                   size_t sent_cap, const void *input, size_t input_len);

/* mv_sim_transport: the transport (send, recv, sendv and recvv) of a simulator.
 * s must stay valid while the transport is used.  (The contract cannot
 * state ctx == s: WP's typed model does not follow the conversion of an
 * mv_sim pointer to void *.) */
/*@ terminates \true;
    assigns \nothing;
    ensures functions: \result.send != \null && \result.recv != \null && \result.sendv != \null &&
                       \result.recvv != \null;
*/
mv_transport mv_sim_transport(mv_sim *s);

/* mv_sim_send, mv_sim_recv, mv_sim_sendv: the simulator's send(2),
 * recv(2) and writev(2): what the transport's callbacks do, callable
 * directly.  Each consumes one script instruction (two or three for
 * MV_SIM_ERROR and MV_SIM_MANY) and counts one call. */
/*@ requires sim: mv_sim_ok(s);
    requires bytes: len == 0 || \valid_read((char *)buf + (0 .. len - 1));
    requires apart: len == 0 || s->sent_cap == 0 ||
      \separated(s->sent + (0 .. s->sent_cap - 1), (char *)buf + (0 .. len - 1));
    terminates \true;
    assigns *s, s->sent[0 .. s->sent_cap - 1], __fc_errno;
    ensures sim: mv_sim_ok(s) && s->sent == \old(s->sent) && s->sent_cap == \old(s->sent_cap);
    ensures result: -1 <= \result <= len + 1;
    ensures moved: 0 <= \result <= len ==> s->sent_len == \old(s->sent_len) + \result &&
      \forall integer i; 0 <= i < \result ==> s->sent[\old(s->sent_len) + i] == ((char *)buf)[i];
    ensures kept: \forall integer i; 0 <= i < \old(s->sent_len) ==> s->sent[i] == \old(s->sent[i]);
*/
ssize_t mv_sim_send(mv_sim *s, const void *buf, size_t len);

/*@ requires sim: mv_sim_ok(s);
    requires bytes: len == 0 || \valid((char *)buf + (0 .. len - 1));
    requires apart: len == 0 || \separated(s, (char *)buf + (0 .. len - 1));
    requires apart: len == 0 || s->input_len == 0 ||
      \separated(s->input + (0 .. s->input_len - 1), (char *)buf + (0 .. len - 1));
    requires apart: len == 0 || s->sent_cap == 0 ||
      \separated(s->sent + (0 .. s->sent_cap - 1), (char *)buf + (0 .. len - 1));
    terminates \true;
    assigns *s, ((char *)buf)[0 .. len - 1], __fc_errno;
    ensures sim: mv_sim_ok(s) && s->sent == \old(s->sent) && s->sent_len == \old(s->sent_len);
    ensures result: -1 <= \result <= len + 1;
    ensures moved: 0 <= \result <= len ==> s->input_pos == \old(s->input_pos) + \result &&
      \forall integer i; 0 <= i < \result ==> ((char *)buf)[i] == s->input[\old(s->input_pos) + i];
*/
ssize_t mv_sim_recv(mv_sim *s, void *buf, size_t len);

/*@ requires sim: mv_sim_ok(s);
    requires vector: iovcnt >= 0 && (iovcnt == 0 || \valid_read(iov + (0 .. iovcnt - 1)));
    requires apart: iovcnt == 0 || \separated(s, iov + (0 .. iovcnt - 1));
    requires bytes: mv_sim_iov_readable(iov, iovcnt);
    requires apart: mv_sim_iov_apart(s, iov, iovcnt);
    terminates \true;
    assigns *s, s->sent[0 .. s->sent_cap - 1], __fc_errno;
    ensures sim: mv_sim_ok(s) && s->sent == \old(s->sent) && s->sent_cap == \old(s->sent_cap);
    ensures result: \result >= -1;
    ensures kept: \forall integer i; 0 <= i < \old(s->sent_len) ==> s->sent[i] == \old(s->sent[i]);
*/
ssize_t mv_sim_sendv(mv_sim *s, const struct iovec *iov, int iovcnt);

/* mv_sim_recvv: the simulator's readv(2), callable directly: one script
 * instruction for the room of all the pieces together, the bytes it moves
 * served into the pieces in order. */
/*@ requires sim: mv_sim_ok(s);
    requires vector: iovcnt >= 0 && (iovcnt == 0 || \valid_read(iov + (0 .. iovcnt - 1)));
    requires apart: iovcnt == 0 || \separated(s, iov + (0 .. iovcnt - 1));
    requires rooms: mv_sim_iov_writable(iov, iovcnt);
    requires apart: mv_sim_iov_apart_in(s, iov, iovcnt);
    terminates \true;
    assigns *s, __fc_errno, { ((char *)iov[i].iov_base)[j] | integer i, j; 0 <= i < iovcnt && 0 <= j < iov[i].iov_len };
    ensures sim: mv_sim_ok(s) && s->sent == \old(s->sent) && s->sent_len == \old(s->sent_len);
    ensures result: \result >= -1;
*/
ssize_t mv_sim_recvv(mv_sim *s, const struct iovec *iov, int iovcnt);

/* mv_sim_sent: the number of bytes send and sendv have moved so far. */
/*@ requires s_valid: s == \null || \valid_read(s);
    terminates \true;
    assigns \nothing;
    ensures result: \result == (s == \null ? 0 : s->sent_len);
*/
size_t mv_sim_sent(const mv_sim *s);

/* mv_sim_served: the number of input bytes recv has served so far. */
/*@ requires s_valid: s == \null || \valid_read(s);
    terminates \true;
    assigns \nothing;
    ensures result: \result == (s == \null ? 0 : s->input_pos);
*/
size_t mv_sim_served(const mv_sim *s);

/* mv_sim_calls: the number of transport calls made so far. */
/*@ requires s_valid: s == \null || \valid_read(s);
    terminates \true;
    assigns \nothing;
    ensures result: \result == (s == \null ? 0 : s->calls);
*/
size_t mv_sim_calls(const mv_sim *s);

#ifdef __cplusplus
}
#endif

#endif /* MEMVIEW_SIM_H */
