#!/bin/bash -eu
# OSS-Fuzz / ClusterFuzzLite build of memview's harnesses.
#
# The builder sets CC, CFLAGS (sanitizer and coverage flags), CXX,
# CXXFLAGS, LIB_FUZZING_ENGINE, SRC, WORK and OUT.  Each harness
# fuzz/fuzz_NAME.c becomes $OUT/fuzz_NAME, with its seeds
# (corpus/NAME and corpus/regressions/NAME) as $OUT/fuzz_NAME_seed_corpus.zip
# and fuzz/NAME.dict as $OUT/fuzz_NAME.dict.
cd "$SRC/memview"

# The libraries (libmemview and the simulated socket), once, with the
# builder's flags.
objs=()
for src in src/*.c src/sim/*.c; do
    obj="$WORK/lib_$(basename "$src" .c).o"   # file names are unique across src/
    $CC $CFLAGS -std=c11 -Iinclude -Isrc -c "$src" -o "$obj"
    objs+=("$obj")
done

# zip -j, or Python's zipfile where zip is not installed.
zip_flat() {
    local out=$1
    shift
    rm -f "$out"
    if command -v zip >/dev/null 2>&1; then
        zip -q -j "$out" "$@"
    else
        python3 -c 'import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for f in sys.argv[2:]:
        z.write(f, os.path.basename(f))' "$out" "$@"
    fi
}

for harness in fuzz/fuzz_*.c; do
    name=$(basename "$harness" .c)
    short=${name#fuzz_}
    $CC $CFLAGS -std=c11 -Iinclude -Isrc -c "$harness" -o "$WORK/$name.o"
    # libFuzzer is C++: link with the C++ driver, as OSS-Fuzz projects do.
    $CXX $CXXFLAGS "$WORK/$name.o" "${objs[@]}" $LIB_FUZZING_ENGINE -o "$OUT/$name"
    seeds=()
    for f in corpus/"$short"/* corpus/regressions/"$short"/*; do
        [ -f "$f" ] && [ "$(basename "$f")" != README.md ] && seeds+=("$f")
    done
    if [ ${#seeds[@]} -gt 0 ]; then
        zip_flat "$OUT/${name}_seed_corpus.zip" "${seeds[@]}"
    fi
    if [ -f "fuzz/$short.dict" ]; then
        cp "fuzz/$short.dict" "$OUT/$name.dict"
    fi
done
