/* mv_buf_io.c — an owner buffer filled from a transport.
 *
 * mv_buf_recv makes room with mv_buf_reserve, then receives into the
 * bytes after the contents and lengthens the contents by what arrived.
 * The view of those bytes lives only inside this file, so the buffer is
 * unlocked (no export, no spare view out) on entry and on every return,
 * and nothing can be left pointing at bytes a later growth moves.
 */
#include "memview.h"

#include "mv_internal.h"

/* One receive into all of the room after the contents, appended.  A helper
 * of its own so that the receive's count is a local made after the block
 * exists: its address is then apart from the block the receive writes. */
/*@ requires args: mv_io_recv_args(t, received) && \valid_read(t) && \valid(received);
    requires ok: \valid(b) && mv_buf_ok(b) && mv_buf_unlocked(b) && b->len < b->cap;
    requires apart: \separated(b, received);
    terminates \true;
    assigns b->len, *received, __fc_errno, mv_io_last, b->data[b->len .. b->cap - 1];
    ensures result: \result == MV_OK || \result == MV_ECLOSED || \result == MV_EAGAIN ||
                    \result == MV_ESYS || \result == MV_EINVAL;
    ensures ok: mv_buf_ok(b) && mv_buf_unlocked(b);
    ensures block: b->data == \old(b->data) && b->cap == \old(b->cap);
    ensures appended: \result == MV_OK ==> 1 <= *received && b->len == \old(b->len) + *received;
    ensures failed: \result != MV_OK ==> *received == 0 && b->len == \old(b->len);
*/
static mv_status mv__recv_room(const mv_transport *t, mv_buf *b, size_t *received)
{
    size_t room = b->cap - b->len;
    mv_view spare = mv__whole(b->data + b->len, room, false);
    size_t got = 0;
    mv_status status = mv_recv_into(t, spare, 0, &got);
    /* Room was given: nothing received is the end of the stream. */
    if (status == MV_OK && got == 0)
        status = MV_ECLOSED;
    size_t kept = status == MV_OK ? got : 0;
    b->len += kept;
    *received = kept;
    return status;
}

mv_status mv_buf_recv(const mv_transport *t, mv_buf *b, size_t min_room, size_t *received)
{
    if (t == NULL || b == NULL || received == NULL || t->recv == NULL)
        return MV_EINVAL;
    if (b->exports > 0 || b->spare)
        return MV_EBUSY;
    /* A receive into no room could not tell the end of the stream from
     * an empty request: at least one byte of room. */
    size_t room = min_room > 0 ? min_room : 1;
    if (room > MV_LEN_MAX - b->len)
        return MV_EOVERFLOW;
    mv_status status = mv_buf_reserve(b, room);
    if (status != MV_OK) {
        //@ assert unchanged: mv_buf_same{Pre, Here}(b);
        *received = 0;
        //@ assert still_ok: mv_buf_ok(b) && mv_buf_unlocked(b) && mv_buf_wiped{Pre, Here}(b);
        return status;
    }
    //@ assert wiped: mv_buf_wiped{Pre, Here}(b);
    //@ assert apart: mv_buf_moved_apart{Pre, Here}(b);
    //@ assert kept: \forall integer i; 0 <= i < \at(b->len, Pre) ==> b->data[i] == \at(b->data[i], Pre);
    status = mv__recv_room(t, b, received);
    //@ assert still_wiped: mv_buf_wiped{Pre, Here}(b);
    //@ assert still_kept: \forall integer i; 0 <= i < \at(b->len, Pre) ==> b->data[i] == \at(b->data[i], Pre);
    return status;
}
