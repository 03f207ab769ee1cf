#!/usr/bin/env python3
"""proof_groups.py SUMMARY N FILE... — the sources split into N proof groups.

`make prove` runs one Frama-C per group, side by side.  The groups are
balanced by the goal counts of the committed per-function summary (each
function's goals charged to the file that defines it; a file the summary
does not know yet counts as the average file), largest file first into
the lightest group.  Prints one line per group, its files separated by
commas.
"""
import re
import sys


def goals_per_function(summary):
    goals = {}
    for line in open(summary, encoding='utf-8'):
        m = re.match(r'^(\w+)\s+\d+/(\d+)\s', line)
        if m:
            goals[m.group(1)] = int(m.group(2))
    return goals


def defined_functions(path):
    text = open(path, encoding='utf-8').read()
    # A definition: a name followed by its parameter list and a body, at
    # the start of a line (static, inline and return type before it).
    return set(re.findall(r'^[A-Za-z_][\w \*]*?\b(\w+)\s*\([^;{]*\)\s*(?:/\*@ ghost[^*]*\*/\s*)?\{',
                          text, flags=re.M))


def main():
    summary, n, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    goals = goals_per_function(summary)
    cost = {f: sum(goals.get(fn, 0) for fn in defined_functions(f)) for f in files}
    known = [c for c in cost.values() if c > 0]
    average = sum(known) // len(known) if known else 1
    cost = {f: (c if c > 0 else average) for f, c in cost.items()}
    groups = [[0, []] for _ in range(n)]
    for f in sorted(files, key=lambda f: (-cost[f], f)):
        lightest = min(groups, key=lambda g: g[0])
        lightest[0] += cost[f]
        lightest[1].append(f)
    for _, members in groups:
        if members:
            print(','.join(sorted(members)))


if __name__ == '__main__':
    main()
