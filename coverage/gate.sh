#!/bin/sh
# gate.sh THRESHOLDS SUMMARY
#
# Fails when a figure of an lcov --summary output is under its threshold.
# THRESHOLDS holds lines "lines N" and "branches N" (percent; '#' starts a
# comment).  lcov 1.16 can gate lines only, and it rounds the percentage
# it prints, so the comparison is done here on the exact counts of the
# summary ("lines......: 99.9% (799 of 800 lines)"): hit * 100 >= N * found.

thresholds=$1
summary=$2
status=0

# The hit and found counts of one kind from the summary, or nothing.
counts() {
    sed -n "s/^ *$1\.*: .*(\([0-9][0-9]*\) of \([0-9][0-9]*\) .*/\1 \2/p" "$summary"
}

while read -r kind want rest; do
    case $kind in ''|'#'*) continue ;; esac
    set -- $(counts "$kind")
    if [ $# -ne 2 ]; then
        echo "coverage: no $kind figure in the summary" >&2
        status=1
        continue
    fi
    hit=$1 found=$2
    if awk -v h="$hit" -v f="$found" -v w="$want" 'BEGIN { exit !(f > 0 && h * 100 >= w * f) }'; then
        echo "coverage: $kind $hit of $found, threshold $want%: ok"
    else
        echo "coverage: $kind $hit of $found, under the threshold of $want%" >&2
        status=1
    fi
done < "$thresholds"
exit $status
