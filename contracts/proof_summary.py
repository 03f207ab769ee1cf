#!/usr/bin/env python3
"""Per-function proof summary from a Frama-C WP JSON report.

    proof_summary.py REPORT.json [REPORT.json ...]   print the summary
    proof_summary.py --compare OLD NEW               fail when goal counts differ

`make prove` proves the sources in groups, each by its own Frama-C in two
passes (cvc4 on every goal, then z3 on the goals cvc4 left open).  A
pass's report holds the status of every goal so far, so each group gives
the report of its last pass.  The groups' function rows are added up (the
copies Frama-C makes of a static function that several files define are
counted under its name); each lemma counts once, whichever group proves
it.  So the summary does not depend on how the sources are
grouped.

The summary lists, per function (and for the lemmas), the goals proved and
the goals generated, then how many goals Qed (WP's simplifier), z3 and cvc4
closed.  Both provers are raced on each goal, so which one closes a goal
first may vary from run to run: --compare checks the goal counts only, so
that no goal can quietly appear, disappear or stay unproven.
"""
import json
import re
import sys

PROVERS = (("qed", "qed"), ("z3", "Z3"), ("cvc4", "CVC4"))


def counts(stats):
    """(proved, total, {prover: valid}) of one property's or group's stats."""
    main = stats.get("wp:main", {})
    by_prover = {}
    for short, prefix in PROVERS:
        by_prover[short] = sum(v.get("valid", 0) for k, v in stats.items()
                               if k.startswith(prefix))
    return main.get("valid", 0), main.get("total", 0), by_prover


def section_stats(props):
    """The stats of a whole function or axiomatic: WP's own aggregate
    ("wp:section") when the report has it, else the sum of its properties
    (counting both would count every goal twice)."""
    if "wp:section" in props:
        return [props["wp:section"]]
    return list(props.values())


def base_name(name):
    """Frama-C renames the copies of one static function that several
    translation units define NAME_0, NAME_1, ...: they are counted under
    NAME.  (The helpers of src/mv_internal.h are no longer such copies:
    they are proven once, in src/mv_internal.c.)  No memview function name
    ends in _<digits>."""
    return re.sub(r'_[0-9]+$', '', name)


def add(row, stats):
    proved, total, by_prover = counts(stats)
    row[0] += proved
    row[1] += total
    for p in by_prover:
        row[2][p] += by_prover[p]


def summarise(report):
    """Rows of one group's report: a row per function (its copies added
    up) and a row per lemma, keyed "(lemma) NAME"."""
    rows = {}
    for section, entries in report.items():
        if section == "wp:global":
            continue
        for name, props in entries.items():
            if section == "wp:functions":
                row = rows.setdefault(base_name(name), [0, 0, {p: 0 for p, _ in PROVERS}])
                for stats in section_stats(props):
                    add(row, stats)
                continue
            # An axiomatic block: a row per lemma.
            for lemma, stats in props.items():
                if lemma != "wp:section":
                    add(rows.setdefault("(lemma) " + lemma, [0, 0, {p: 0 for p, _ in PROVERS}]), stats)
    return rows


def merge(rows, more):
    """Add one group's rows.  Every translation unit is in exactly one
    group, so functions add up; a lemma is proven by every group that reads
    its file, so it counts once.  The figures do not depend on the grouping."""
    for name, (proved, total, by) in more.items():
        row = rows.setdefault(name, [0, 0, {p: 0 for p, _ in PROVERS}])
        if name.startswith("(lemma) "):
            if (total, proved) > (row[1], row[0]):
                row[0], row[1], row[2] = proved, total, dict(by)
            continue
        row[0] += proved
        row[1] += total
        for p in by:
            row[2][p] += by[p]


def fold_lemmas(rows):
    """The lemma rows as one "(lemmas)" row."""
    folded = {n: r for n, r in rows.items() if not n.startswith("(lemma) ")}
    lemmas = [r for n, r in rows.items() if n.startswith("(lemma) ")]
    if lemmas:
        folded["(lemmas)"] = [sum(r[0] for r in lemmas), sum(r[1] for r in lemmas),
                              {p: sum(r[2][p] for r in lemmas) for p, _ in PROVERS}]
    return folded


def render(rows):
    lines = ["# memview proof summary (make prove): goals proved / generated per function.",
             "# The prover columns count goals each prover closed; both provers race,",
             "# so those columns may shift between runs.  The goal counts may not.",
             "%-28s %13s %6s %6s %6s" % ("function", "proved/total", "qed", "z3", "cvc4")]
    proved = total = 0
    for name in sorted(rows):
        p, t, by = rows[name]
        proved += p
        total += t
        lines.append("%-28s %13s %6d %6d %6d" % (name, "%d/%d" % (p, t), by["qed"], by["z3"], by["cvc4"]))
    lines.append("%-28s %13s" % ("TOTAL", "%d/%d" % (proved, total)))
    return "\n".join(lines) + "\n"


def goal_counts(path):
    result = {}
    with open(path) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.split()
            if fields[0] == "function":
                continue
            result[fields[0]] = fields[1]
    return result


def compare(old_path, new_path):
    old, new = goal_counts(old_path), goal_counts(new_path)
    drift = []
    for name in sorted(set(old) | set(new)):
        if old.get(name) != new.get(name):
            drift.append("  %-28s committed %-12s now %s" % (name, old.get(name, "-"), new.get(name, "-")))
    if drift:
        print("memview: the proof summary differs from contracts/proof-summary.txt:")
        print("\n".join(drift))
        print("If the change is intended, run `make prove PROVE_UPDATE=1` and commit the summary.")
        return 1
    return 0


def main(argv):
    if len(argv) == 4 and argv[1] == "--compare":
        return compare(argv[2], argv[3])
    if len(argv) < 2 or argv[1].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    rows = {}
    for path in argv[1:]:
        with open(path) as f:
            merge(rows, summarise(json.load(f)))
    rows = fold_lemmas(rows)
    unproved = [n for n, (p, t, _) in rows.items() if p != t]
    sys.stdout.write(render(rows))
    return 1 if unproved else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
