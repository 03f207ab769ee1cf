#!/usr/bin/env python3
"""proof_groups.py [--z3-first F,...] SUMMARY TIMES N FILE... — the sources
split into N proof groups.

`make prove` runs one Frama-C per group, side by side.  The groups are
balanced by the measured seconds of proof per function (TIMES, written by
contracts/proof_times.py from the logs of the last `make prove
PROVE_UPDATE=1`), largest file first into the lightest group, then files
moved or swapped out of the heaviest group while that lowers it; a function
TIMES does not know yet is charged its goals from the committed summary
(SUMMARY) at the average cost of a goal.  A function's goals are charged to the file WP proves
it in: the file that defines it, or, for the bodies kept in headers, the
file that asks for them (MV_DEFINE_*_INLINES for a section of
include/memview/inline.h, MV_DEFINE_INTERNAL for src/mv_internal.h).
Goal counts alone balance badly: the goals of the I/O loops take the
provers several times longer than the cursor's.  A file neither knows
counts as the average file.  Prints one line per group: its files
separated by commas, a colon, then those of the --z3-first functions
that the group's files prove (separated by commas; nothing when none).
"""
import os
import re
import sys


def goals_per_function(summary):
    """{function: goals generated} of the committed summary."""
    goals = {}
    for line in open(summary, encoding='utf-8'):
        m = re.match(r'^(\w+)\s+\d+/(\d+)\s', line)
        if m:
            goals[m.group(1)] = int(m.group(2))
    return goals


def seconds_per_function(times):
    """{function: seconds} of proof_times.py's output; {} when missing."""
    try:
        lines = open(times, encoding='utf-8').readlines()
    except FileNotFoundError:
        return {}
    found = {}
    for line in lines:
        m = re.match(r'^(\w+)\s+([\d.]+)\s*$', line)
        if m:
            found[m.group(1)] = float(m.group(2))
    return found


def cost_per_function(summary, times):
    """{function: seconds}: measured where known, else goals at the
    average measured cost of a goal (1 s a goal when nothing is known)."""
    goals = goals_per_function(summary)
    secs = seconds_per_function(times)
    known = [fn for fn in goals if fn in secs]
    per_goal = (sum(secs[fn] for fn in known) / max(1, sum(goals[fn] for fn in known))) if known else 1.0
    return {fn: secs.get(fn, per_goal * n) for fn, n in goals.items()}


# A definition: a name followed by its parameter list and a body, at the
# start of a line (static, inline and return type before it).
# Ghost functions (the lemma functions) sit indented in ghost comments.
FUNCTION_DEFINITION = r'^ {0,2}[A-Za-z_][\w \*]*?\b(\w+)\s*\([^;{]*\)\s*(?:/\*@ ghost[^*]*\*/\s*)?\{'


def defined_functions(path):
    text = open(path, encoding='utf-8').read()
    return set(re.findall(FUNCTION_DEFINITION, text, flags=re.M))


# The project root: this script lives in ROOT/contracts.
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INLINE_HEADER = 'include/memview/inline.h'
INTERNAL_HEADER = 'src/mv_internal.h'


def header_functions(path):
    """The functions whose bodies path's text asks WP to prove: its own,
    and those of the header sections it defines."""
    text = open(path, encoding='utf-8').read()
    found = defined_functions(path)
    for macro in re.findall(r'^#define (MV_DEFINE_\w+_INLINES)\b', text, flags=re.M):
        header = open(os.path.join(ROOT, INLINE_HEADER), encoding='utf-8').read()
        # The sections: from a line naming a macro to the next such line.
        parts = re.split(r'^#if !defined\(__FRAMAC__\) \|\| defined\((MV_DEFINE_\w+_INLINES)\)',
                         header, flags=re.M)
        for name, body in zip(parts[1::2], parts[2::2]):
            if name == macro:
                found |= set(re.findall(FUNCTION_DEFINITION, body, flags=re.M))
    if re.search(r'^#define MV_DEFINE_INTERNAL\b', text, flags=re.M):
        found |= defined_functions(os.path.join(ROOT, INTERNAL_HEADER))
    return found


def even_out(groups, cost):
    """Moves or swaps files between the heaviest group and another while
    that lowers the heaviest group's cost: the slowest group sets the
    proof's time, and the greedy split above can leave it well over the
    average."""
    while True:
        heavy = max(groups, key=lambda g: g[0])
        best = None  # (new maximum, from heavy, into other, other)
        for other in groups:
            if other is heavy:
                continue
            for f in heavy[1]:
                for g in [None] + other[1]:
                    delta = cost[f] - (cost[g] if g else 0)
                    peak = max(heavy[0] - delta, other[0] + delta)
                    if peak < heavy[0] - 1e-9 and (best is None or peak < best[0]):
                        best = (peak, f, g, other)
        if best is None:
            return
        _, f, g, other = best
        heavy[1].remove(f)
        other[1].append(f)
        heavy[0] -= cost[f]
        other[0] += cost[f]
        if g:
            other[1].remove(g)
            heavy[1].append(g)
            other[0] -= cost[g]
            heavy[0] += cost[g]


def main():
    args = sys.argv[1:]
    z3_first = set()
    if args[:1] == ['--z3-first']:
        z3_first = {fn for fn in args[1].split(',') if fn}
        args = args[2:]
    summary, times, n, files = args[0], args[1], int(args[2]), args[3:]
    goals = cost_per_function(summary, times)
    proves = {f: header_functions(f) for f in files}
    unknown = z3_first - set().union(*proves.values())
    if unknown:
        sys.exit('proof_groups.py: no file proves ' + ', '.join(sorted(unknown)))
    cost = {f: sum(goals.get(fn, 0) for fn in proves[f]) for f in files}
    known = [c for c in cost.values() if c > 0]
    average = sum(known) // len(known) if known else 1
    cost = {f: (c if c > 0 else average) for f, c in cost.items()}
    groups = [[0, []] for _ in range(n)]
    for f in sorted(files, key=lambda f: (-cost[f], f)):
        lightest = min(groups, key=lambda g: g[0])
        lightest[0] += cost[f]
        lightest[1].append(f)
    even_out(groups, cost)
    for _, members in groups:
        if members:
            mine = sorted(z3_first & set().union(*(proves[f] for f in members)))
            print(','.join(sorted(members)) + ':' + ','.join(mine))


if __name__ == '__main__':
    main()
