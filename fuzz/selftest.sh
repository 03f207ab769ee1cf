#!/bin/sh
# selftest.sh BINDIR WORKDIR SECONDS PLANT:HARNESS...
#
# Each BINDIR/PLANT/fuzz_HARNESS is a harness built against a copy of the
# library with the bug of fuzz/plants/PLANT.plant planted in it.  It is fuzzed from an empty corpus for at most SECONDS; the
# harness must find the bug (a failed check or a crash) in that time.
# Prints how long each took and exits 1 when any planted bug was missed.
set -u
bindir=$1 work=$2 secs=$3
shift 3
status=0
mkdir -p "$work"
printf '%-14s %-8s %-8s %s\n' plant harness result seconds > "$work/summary.txt"
for pair in "$@"; do
    plant=${pair%%:*} name=${pair#*:}
    dir=$work/$plant
    rm -rf "$dir"
    mkdir -p "$dir/corpus" "$dir/artifacts"
    dict=""
    [ -f "fuzz/$name.dict" ] && dict="-dict=fuzz/$name.dict"
    start=$(date +%s%N)
    # shellcheck disable=SC2086
    "$bindir/$plant/fuzz_$name" $dict -max_total_time="$secs" -timeout=5 -seed=1 \
        -artifact_prefix="$dir/artifacts/" "$dir/corpus" > "$dir/log.txt" 2>&1
    rc=$?
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    took=$(printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100)))
    found=$(ls "$dir/artifacts" | grep -cE '^(crash|leak|timeout|oom)-')
    if [ "$rc" -ne 0 ] && [ "$found" -gt 0 ]; then
        result=caught
        why=$(grep -m 1 -E 'check failed|ERROR: (Address|Leak|UndefinedBehavior)|runtime error' "$dir/log.txt")
        echo "== $plant: caught by fuzz_$name in ${took}s: $why"
    else
        result=MISSED
        status=1
        echo "== $plant: NOT caught by fuzz_$name in ${secs}s"
    fi
    printf '%-14s %-8s %-8s %s\n' "$plant" "$name" "$result" "$took" >> "$work/summary.txt"
done
echo
cat "$work/summary.txt"
exit $status
