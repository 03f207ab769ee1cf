#!/bin/sh
# test_install.sh WORKDIR — the library as a user installs it.
#
# A plain `make` (which writes build/memview.pc for the default prefix),
# then `make install PREFIX=WORKDIR/prefix`, then a program that includes
# <memview.h> and calls the library, compiled and linked only with what
# `pkg-config --cflags --libs memview` says, run against the shared
# library.  Then the same through a DESTDIR staging with another PREFIX:
# the staged .pc must name the PREFIX, not the staging folder.  Each check
# is one test; "N passed, N failed" last.
set -u
work=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$work" && mkdir -p "$work"
unset MAKEFLAGS MAKELEVEL MFLAGS
passed=0 failed=0
check() {   # check NAME COMMAND...
    name=$1; shift
    if "$@" >> "$work/log.txt" 2>&1; then
        passed=$((passed + 1)); echo "ok   $name"
    else
        failed=$((failed + 1)); echo "FAIL $name (see $work/log.txt)"
    fi
}

build=$work/build prefix=$work/prefix
cat > "$work/user.c" <<'C'
#include <memview.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    char text[] = "hello, world";
    mv_view v, word;
    if (mv_from(text, strlen(text), &v) != MV_OK || mv_sub(v, 7, 5, &word) != MV_OK)
        return 1;
    char out[8] = { 0 };
    size_t n = 0;
    if (mv_tobytes(word, out, sizeof out, &n) != MV_OK || n != 5)
        return 1;
    printf("%s %zu\n", out, mv_len(v));
    return strcmp(out, "world") == 0 && mv_len(v) == 12 ? 0 : 1;
}
C

check "plain make" make -C "$root" --no-print-directory BUILD="$build" lib
check "make install PREFIX" make -C "$root" --no-print-directory BUILD="$build" PREFIX="$prefix" install
check "installed headers" test -f "$prefix/include/memview.h" -a -f "$prefix/include/memview/io.h" \
    -a -f "$prefix/include/memview_sim.h"
check "installed libraries" test -f "$prefix/lib/libmemview.a" -a -L "$prefix/lib/libmemview.so" \
    -a -f "$prefix/lib/libmemview_sim.a"
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
check ".pc names the prefix" grep -qx "prefix=$prefix" "$prefix/lib/pkgconfig/memview.pc"
check "pkg-config --cflags" sh -c "pkg-config --cflags memview | grep -q -- '-I$prefix/include'"
check "compile through pkg-config" sh -c \
    "cc -std=c11 -Wall -Werror \$(pkg-config --cflags memview) '$work/user.c' \$(pkg-config --libs memview) -o '$work/user'"
check "run against the installed library" env LD_LIBRARY_PATH="$prefix/lib" "$work/user"
check "linked to the installed library" sh -c \
    "LD_LIBRARY_PATH='$prefix/lib' ldd '$work/user' | grep -q '$prefix/lib/libmemview.so'"

stage=$work/stage
check "make install DESTDIR" make -C "$root" --no-print-directory BUILD="$build" PREFIX=/opt/memview \
    DESTDIR="$stage" install
check "staged .pc names the PREFIX" grep -qx "prefix=/opt/memview" "$stage/opt/memview/lib/pkgconfig/memview.pc"
check "uninstall" sh -c "make -C '$root' --no-print-directory BUILD='$build' PREFIX='$prefix' uninstall && \
    ! test -e '$prefix/include/memview.h' && ! test -e '$prefix/lib/libmemview.so'"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
