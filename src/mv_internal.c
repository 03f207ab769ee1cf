/* mv_internal.c — where the shared helpers of mv_internal.h are proven.
 *
 * Compiled, this file holds nothing: every other file has the helpers as
 * static inline definitions of its own.  Under Frama-C it is the one file
 * that sees their bodies (MV_DEFINE_INTERNAL), so WP proves each helper
 * and lemma function once, against the contract every other file is
 * proven from.
 */
#define MV_DEFINE_INTERNAL
#include "mv_internal.h"
