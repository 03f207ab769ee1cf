/* memview_os.h — the contracts taken on trust.
 *
 * The library's own code is proven; these are the functions it calls but
 * does not contain, and what it assumes of them.  Frama-C merges each of
 * these contracts with the one its own libc headers give (whose \fresh and
 * \freeable clauses WP 25 does not implement and therefore ignores), so
 * each clause below is stated only because WP needs it to follow the
 * call.  README.md lists every one of them.
 *
 * Included only when Frama-C reads the sources (__FRAMAC__).
 */
#ifndef MEMVIEW_OS_H
#define MEMVIEW_OS_H

#include <stdlib.h>

/* malloc: a NULL result, or size bytes that are valid and belong to no
 * block that was valid before the call (WP's rendering of \fresh). */
/*@ terminates \true;
    assigns __fc_heap_status \from size, __fc_heap_status;
    assigns \result \from indirect:size, indirect:__fc_heap_status;
    ensures mv_block: \result != \null ==> \valid((char *)\result + (0 .. size - 1));
    ensures mv_fresh: \result != \null ==>
      \forall char *p; \valid_read{Pre}(p) ==> \base_addr(p) != \base_addr((char *)\result);
*/
extern void *malloc(size_t size);

/* free: releases a block malloc returned (or does nothing for NULL) and
 * touches no other memory. */
/*@ terminates \true;
    assigns __fc_heap_status \from __fc_heap_status;
*/
extern void free(void *p);

#endif /* MEMVIEW_OS_H */
