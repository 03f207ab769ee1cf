#!/bin/sh
# run_suites.sh LOGDIR NAME COMMAND [NAME COMMAND ...]
#
# Runs each suite's command, keeps its whole output in LOGDIR/NAME.log and
# prints one line per suite.  A suite reports itself with its last output
# line, "N passed, N failed"; a suite that ends without that line (a
# sanitizer abort, a watchdog, a crash) or exits non-zero counts as one
# failure more, so nothing can pass by dying quietly.  The last line printed
# is the total, and the exit status is 1 when anything failed.
#
# A line "info: ..." in a suite's output is shown on its summary line (the
# conformance suite reports its seed that way).  Each suite also runs under
# an outer time limit (MV_SUITE_TIMEOUT seconds) in case its own watchdog
# cannot fire.

logdir=$1
shift
mkdir -p "$logdir"

# Sanitizer findings are fatal and reported with a stack.
ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=0:detect_leaks=1}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS UBSAN_OPTIONS

limit=${MV_SUITE_TIMEOUT:-300}
total_passed=0
total_failed=0

now_ms() {
    echo $(($(date +%s%N) / 1000000))
}

while [ $# -ge 2 ]; do
    name=$1
    cmd=$2
    shift 2
    log=$logdir/$name.log
    start=$(now_ms)
    timeout "$limit" sh -c "$cmd" > "$log" 2>&1
    rc=$?
    elapsed=$(( $(now_ms) - start ))
    last=$(tail -n 1 "$log")
    passed=0
    failed=0
    note=""
    if printf '%s\n' "$last" | grep -Eq '^[0-9]+ passed, [0-9]+ failed$'; then
        passed=${last%% passed*}
        failed=${last#*passed, }
        failed=${failed%% failed}
    else
        failed=1
        note="; ended without a summary (exit $rc)"
    fi
    if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
        failed=1
        note="; exit $rc"
    fi
    info=$(grep '^info: ' "$log" | tail -n 1 | cut -c7-)
    [ -n "$info" ] && note="; $info$note"
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    if [ "$failed" -eq 0 ]; then
        verdict=PASS
    else
        verdict=FAIL
        # The first failures, or the end of the output when the suite died.
        # (cut to a screen's width: a case line can hold kilobytes of hex).
        if grep -Eq '^(FAIL|MISMATCH)' "$log"; then
            grep -E '^(FAIL|MISMATCH|  )' "$log" | head -n 24 | cut -c1-240 | sed 's/^/    /'
        else
            tail -n 24 "$log" | cut -c1-240 | sed 's/^/    /'
        fi
    fi
    secs=$(printf '%d.%d' $((elapsed / 1000)) $((elapsed % 1000 / 100)))
    printf '%s %-12s %s passed, %s failed (%ss%s)\n' "$verdict" "$name" "$passed" "$failed" "$secs" "$note"
done

echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
