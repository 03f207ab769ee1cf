#!/bin/sh
# afl.sh BINDIR WORKDIR SECONDS JOBS HARNESS...
#
# An AFL++ campaign: for each harness, JOBS instances of afl-fuzz on one
# output folder WORKDIR/NAME (one -M main, the others -S sN), each for
# SECONDS, seeded from corpus/NAME and corpus/regressions/NAME, with
# fuzz/NAME.dict when there is one.  The summary is afl-whatsup -s per
# harness (afl-whatsup -s -d: the instances have stopped by then) and a
# table of executions and crashes.  Exits 1 when any
# instance saved a crash (inputs in WORKDIR/NAME/*/crashes).
set -u
bindir=$1 work=$2 secs=$3 jobs=$4
shift 4

export AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_ALLOW_TMP=1
export AFL_SUPPRESS_HARNESS_WARNINGS=1 AFL_QUIET=1
# The sanitizers abort on a finding, so that AFL++ sees a crash.
export ASAN_OPTIONS=abort_on_error=1:symbolize=0:detect_leaks=0
export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:symbolize=0

mkdir -p "$work"
summary=$work/summary.txt
: > "$summary"
status=0
for name in "$@"; do
    out=$work/$name
    seeds=$work/$name-seeds
    rm -rf "$out" "$seeds"
    mkdir -p "$seeds"
    cp corpus/"$name"/* "$seeds"/ 2>/dev/null
    for f in corpus/regressions/"$name"/*; do
        case $f in *README.md|*'*') ;; *) cp "$f" "$seeds"/ ;; esac
    done
    [ -n "$(ls "$seeds")" ] || printf 'seed' > "$seeds/seed"
    dict=""
    [ -f "fuzz/$name.dict" ] && dict="-x fuzz/$name.dict"
    echo "== afl fuzz_$name: ${secs}s, $jobs instance(s)"
    pids=""
    for i in $(seq 1 "$jobs"); do
        if [ "$i" -eq 1 ]; then role="-M main"; else role="-S s$i"; fi
        # shellcheck disable=SC2086
        afl-fuzz $role -i "$seeds" -o "$out" -m none -t 5000 -V "$secs" $dict \
            -- "$bindir/fuzz_$name" > "$work/$name-$i.log" 2>&1 &
        pids="$pids $!"
    done
    # Progress every 10 s until the instances stop.
    while :; do
        sleep 10
        alive=0
        for p in $pids; do kill -0 "$p" 2>/dev/null && alive=$((alive + 1)); done
        [ "$alive" -gt 0 ] || break
        execs=$(cat "$out"/*/fuzzer_stats 2>/dev/null | awk -F: '/^execs_done/ {s += $2} END {print s + 0}')
        paths=$(cat "$out"/*/fuzzer_stats 2>/dev/null | awk -F: '/^corpus_count/ {s += $2} END {print s + 0}')
        echo "  [$name] $alive instance(s) running: $execs executions, $paths corpus entries"
    done
    rc=0
    for p in $pids; do wait "$p" || rc=$?; done
    if [ ! -f "$out/main/fuzzer_stats" ]; then
        echo "  [$name] afl-fuzz did not start; the end of its log:"
        tail -n 20 "$work/$name-1.log" | sed 's/^/    /'
        status=1
        continue
    fi
    # -d: the instances have stopped by now; count them anyway.
    TERM=dumb afl-whatsup -s -d "$out" 2>/dev/null | sed 's/^/  /'
    execs=$(cat "$out"/*/fuzzer_stats | awk -F: '/^execs_done/ {s += $2} END {print s + 0}')
    eps=$(cat "$out"/*/fuzzer_stats | awk -F: '/^execs_per_sec/ {s += $2} END {printf "%d", s}')
    corp=$(cat "$out"/*/fuzzer_stats | awk -F: '/^corpus_count/ {s += $2} END {print s + 0}')
    crashes=$(cat "$out"/*/fuzzer_stats | awk -F: '/^saved_crashes/ {s += $2} END {print s + 0}')
    [ "$crashes" -eq 0 ] || status=1
    printf '%-8s %12s %10s %8s %8s\n' "$name" "$execs" "$eps" "$corp" "$crashes" >> "$summary"
done
echo
echo "AFL++ campaign: ${secs}s per harness, $jobs instance(s) each (work dir: $work)"
printf '%-8s %12s %10s %8s %8s\n' harness executions exec/s corpus crashes
cat "$summary"
[ "$status" -eq 0 ] || echo "CRASHES or failures: see $work/<harness>/*/crashes"
exit $status
