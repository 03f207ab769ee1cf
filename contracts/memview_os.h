/* memview_os.h — the contracts taken on trust.
 *
 * The library's own code is proven; these are the functions it calls but
 * does not contain, and what it assumes of them: nothing beyond what the C
 * and POSIX standards promise.  Frama-C reads these declarations in place
 * of its own libc headers for the functions concerned, so each clause below
 * is exactly what the proof relies on.  README.md lists every one.
 *
 * Included only when Frama-C reads the sources (__FRAMAC__).
 */
#ifndef MEMVIEW_OS_H
#define MEMVIEW_OS_H

#include <stddef.h>

/* malloc: NULL, or size bytes of valid memory.  Nothing is assumed about
 * where the block lies: code that copies into a fresh block checks, with
 * address equality, that it overlaps nothing it reads. */
/*@ requires size: size >= 1;
    terminates \true;
    assigns \result \from size;
    ensures block: \result == \null || \valid((char *)\result + (0 .. size - 1));
*/
extern void *malloc(size_t size);

/* free: gives back a block malloc returned, or does nothing for NULL; it
 * changes no byte the library reads afterwards. */
/*@ terminates \true;
    assigns \nothing;
*/
extern void free(void *p);

#endif /* MEMVIEW_OS_H */
