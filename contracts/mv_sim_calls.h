/* mv_sim_calls.h — the simulated socket's transport callbacks, taken on
 * trust.
 *
 * The simulator's callbacks turn the transport's void * context back
 * into the mv_sim it is (a conversion WP does not follow) and call the
 * proven mv_sim_send, mv_sim_recv, mv_sim_sendv and mv_sim_recvv.  No proven code calls
 * them directly: the library reaches them through mv__call_* (see
 * mv_transport_calls.h).  Read only by Frama-C (__FRAMAC__).
 */
#ifndef MV_SIM_CALLS_H
#define MV_SIM_CALLS_H

/*@ terminates \true;
    assigns \result, __fc_errno, *(mv_sim *)ctx,
      ((mv_sim *)ctx)->sent[0 .. ((mv_sim *)ctx)->sent_cap - 1];
*/
ssize_t mv__sim_send_cb(void *ctx, const void *buf, size_t len);
/*@ terminates \true;
    assigns \result, __fc_errno, *(mv_sim *)ctx, ((char *)buf)[0 .. len - 1];
*/
ssize_t mv__sim_recv_cb(void *ctx, void *buf, size_t len);
/*@ terminates \true;
    assigns \result, __fc_errno, *(mv_sim *)ctx,
      ((mv_sim *)ctx)->sent[0 .. ((mv_sim *)ctx)->sent_cap - 1];
*/
ssize_t mv__sim_sendv_cb(void *ctx, const struct iovec *iov, int iovcnt);
/*@ terminates \true;
    assigns \result, __fc_errno, *(mv_sim *)ctx, { ((char *)iov[i].iov_base)[j] | integer i, j; 0 <= i < iovcnt && 0 <= j < iov[i].iov_len };
*/
ssize_t mv__sim_recvv_cb(void *ctx, const struct iovec *iov, int iovcnt);

#endif
