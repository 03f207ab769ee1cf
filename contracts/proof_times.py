#!/usr/bin/env python3
"""proof_times.py LOG... — the proof's measured cost per function, for
balancing `make prove`'s groups (contracts/proof_groups.py).

Reads the Frama-C logs of `make prove` (build/wp/N/prove.log) and prints
one line per function: its name and the seconds its goals cost, that is
the time Qed and the provers report for each goal, plus GOAL_OVERHEAD per
goal (Frama-C's generation of the goal and the round trip to the prover,
which the reported times leave out) and SMOKE_COST per smoke test (a
smoke test passes when the prover gives up, so it costs about the smoke
timeout).  `make prove PROVE_UPDATE=1` rewrites contracts/proof-times.txt
with it.  The figures only steer the grouping: they vary from run to run
and nothing is checked against them.
"""
import re
import sys

GOAL_OVERHEAD = 0.03
SMOKE_COST = 0.5
LINE = re.compile(r'^\[wp\] \[([^\]]+)\] (Goal|Smoke-test) typed_(\w+) : \w+(.*)$')
TIME = re.compile(r'\((?:Qed:)?([\d.]+)(ms|s)\)')


def seconds(text):
    return sum(float(v) / (1000 if unit == 'ms' else 1) for v, unit in TIME.findall(text))


def main():
    if len(sys.argv) < 3 or sys.argv[1] != '--functions':
        print('usage: proof_times.py --functions SUMMARY LOG...', file=sys.stderr)
        return 2
    summary, logs = sys.argv[2], sys.argv[3:]
    # Goal names are typed_<function>_<property>; WP drops a leading
    # underscore of the function's name.  The longest matching name wins.
    names = [m.group(1) for m in (re.match(r'^(\w+)\s+\d+/\d+\s', l) for l in open(summary)) if m]
    names = sorted(set(names), key=len, reverse=True)
    cost = {}
    for log in logs:
        for line in open(log, encoding='utf-8', errors='replace'):
            m = LINE.match(line)
            if not m:
                continue
            goal = m.group(3)
            fn = next((n for n in names if goal.startswith(n.lstrip('_').replace('__', '_') + '_')
                       or goal.startswith(n + '_')), None)
            if fn is None:
                continue
            t = SMOKE_COST if m.group(2) == 'Smoke-test' else GOAL_OVERHEAD + seconds(m.group(4))
            cost[fn] = cost.get(fn, 0.0) + t
    print('# seconds of proof per function (contracts/proof_times.py; steers the grouping only)')
    for fn in sorted(cost):
        print('%-32s %8.2f' % (fn, cost[fn]))
    return 0


if __name__ == '__main__':
    sys.exit(main())
