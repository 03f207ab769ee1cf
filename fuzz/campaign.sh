#!/bin/sh
# campaign.sh BINDIR WORKDIR SECONDS JOBS HARNESS...
#
# A libFuzzer campaign: each harness BINDIR/fuzz_NAME runs for SECONDS
# (JOBS > 1: that many worker processes in libFuzzer's fork mode) on a
# copy of corpus/NAME in WORKDIR/NAME/corpus, with corpus/regressions/NAME
# as extra seeds and fuzz/NAME.dict when there is one.  Progress lines are
# shown while it runs; the end is a table per harness: executions, exec/s,
# coverage (cov) and features (ft), new corpus entries, crashes.  Exits 1
# when any harness crashed or failed a check (the inputs are kept in
# WORKDIR/NAME/artifacts).
set -u
bindir=$1 work=$2 secs=$3 jobs=$4
shift 4

summary=$work/summary.txt
mkdir -p "$work"
: > "$summary"
status=0
for name in "$@"; do
    dir=$work/$name
    rm -rf "$dir/artifacts"
    mkdir -p "$dir/corpus" "$dir/artifacts"
    [ -d "corpus/$name" ] && cp -n corpus/"$name"/* "$dir/corpus/" 2>/dev/null
    before=$(ls "$dir/corpus" | wc -l)
    seeds=""
    [ -d "corpus/regressions/$name" ] && seeds="corpus/regressions/$name"
    dict=""
    [ -f "fuzz/$name.dict" ] && dict="-dict=fuzz/$name.dict"
    if [ "$jobs" -gt 1 ]; then
        mode="-fork=$jobs -ignore_crashes=0"
    else
        mode=""
    fi
    echo "== fuzz_$name: ${secs}s, $jobs job(s), $before seeds"
    start=$(date +%s)
    # shellcheck disable=SC2086
    "$bindir/fuzz_$name" $mode $dict -max_total_time="$secs" -timeout=5 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$dir/artifacts/" \
        "$dir/corpus" $seeds > "$dir/log.txt" 2>&1 &
    pid=$!
    # Progress: the fuzzer's own status lines, as they come.
    tail -n +1 -f "$dir/log.txt" --pid=$pid 2>/dev/null |
        grep --line-buffered -E 'INITED|pulse|^#[0-9]+: cov|DONE|ERROR|check failed|SUMMARY' |
        sed -u "s/^/  [$name] /"
    wait $pid
    rc=$?
    elapsed=$(( $(date +%s) - start ))
    [ "$elapsed" -gt 0 ] || elapsed=1
    execs=$(grep -E 'stat::number_of_executed_units' "$dir/log.txt" | awk '{s += $2} END {print s + 0}')
    if [ "$execs" -eq 0 ]; then
        # fork mode reports the total on its status lines: "#N: cov: ..."
        execs=$(grep -E '^#[0-9]+: cov' "$dir/log.txt" | tail -n 1 | sed 's/^#\([0-9]*\):.*/\1/')
        execs=${execs:-0}
    fi
    covline=$(grep -E 'cov: [0-9]+ ft: [0-9]+' "$dir/log.txt" | tail -n 1)
    cov=$(printf '%s\n' "$covline" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
    ft=$(printf '%s\n' "$covline" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
    # New corpus entries: libFuzzer's own count (files also appear when
    # an entry is replaced by a smaller one).
    added=$(grep -E 'stat::new_units_added' "$dir/log.txt" | awk '{s += $2} END {print s + 0}')
    if ! grep -q 'stat::new_units_added' "$dir/log.txt"; then
        first=$(grep -E '^#[0-9]+: cov' "$dir/log.txt" | head -n 1 | sed -n 's/.*corp: \([0-9]*\).*/\1/p')
        last=$(grep -E '^#[0-9]+: cov' "$dir/log.txt" | tail -n 1 | sed -n 's/.*corp: \([0-9]*\).*/\1/p')
        added=$(( ${last:-0} - ${first:-0} ))
    fi
    crashes=$(ls "$dir/artifacts" | grep -cE '^(crash|leak|timeout|oom|slow-unit)-')
    if [ "$rc" -ne 0 ] && [ "$crashes" -eq 0 ]; then
        crashes=1 # died without writing an input: still a failure
        echo "  [$name] exited with status $rc; the end of its log:"
        tail -n 20 "$dir/log.txt" | sed 's/^/    /'
    fi
    [ "$crashes" -eq 0 ] || status=1
    printf '%-8s %12s %10s %6s %7s %8s %8s\n' "$name" "$execs" "$((execs / elapsed))" \
        "${cov:-?}" "${ft:-?}" "$added" "$crashes" >> "$summary"
done

echo
echo "libFuzzer campaign: ${secs}s per harness, $jobs job(s) each (work dir: $work)"
printf '%-8s %12s %10s %6s %7s %8s %8s\n' harness executions exec/s cov ft new crashes
cat "$summary"
if [ "$status" -ne 0 ]; then
    echo "CRASHES: the inputs are in $work/<harness>/artifacts; see corpus/regressions/README.md"
fi
exit $status
