#!/usr/bin/env python3
"""port_runner.py — checks a port of memview against CPython, case by case.

    port_runner.py [OPTIONS] -- PORT-COMMAND [ARG...]
    port_runner.py [OPTIONS] --vectors FILE... -- PORT-COMMAND [ARG...]

The port is any program speaking the line protocol of PORTING.md: one case
per line on its standard input, one result line per case on its standard
output, flushed before it reads the next case.  The runner draws fresh
random cases of every family (view operations, cursors, owner-buffer
sequences, searches and cuts, I/O over the simulated socket) with the
generators of conformance.py, computes the expected results with CPython
(mvmodel.py) and the I/O model (iomodel.py), feeds the port one case at a
time and compares each answer, as a string, with the expected one.  With
--vectors it replays vector files (corpus/vectors/*.txt) instead.

One case is outstanding at a time, so a crash or a hang is the case's own:
a port that exits, or closes its output, before answering is reported as
"<crashed: ...>" against that case, one that does not answer within the
timeout as "<hung>" (and is killed); either way it is started again and the
run goes on.  The answer "unsupported" is counted apart (a port may leave a
family out), unless --no-unsupported.

The seed is printed first; CONFORMANCE_SEED=<seed> repeats the run
exactly.  At the end: the first mismatches, three lines each (input,
expected, actual; long words cut in the middle), then "N cases, M
mismatches" (and the unsupported count).  Every mismatch is written in full
to OUT/mismatches.txt, and its vector line to OUT/mismatches-vectors.txt
(replay those alone with --vectors); the port's standard error goes to
OUT/port-stderr.txt.  The exit status is 0 only when every case matched
and the port ended cleanly at the end of its input.

Environment: CONFORMANCE_SEED, CONFORMANCE_CASES (all families together,
default 100000), CONFORMANCE_TIMEOUT (seconds per case, default 5).

Standard library only.
"""

import argparse
import os
import random
import select
import signal
import subprocess
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import conformance as C  # noqa: E402  (the generators, and each case's line)

# Family, conformance.py mode, share of the cases (in percent).
FAMILIES = (("views", "", 40), ("cursors", "--cursors", 20), ("buffers", "--buffers", 10),
            ("cuts", "--cuts", 15), ("io", "--io", 15))
GIVE_UP_AFTER = 20      # consecutive starts that answered nothing
CUT_WORD = 60           # longer words are shown cut in the middle


# ------------------------------------------------------------- the cases

def split_vector(line):
    """A vector line as the protocol's input and the answer it expects
    (PORTING.md): a sequence's steps each lose their " => RESULTS", and the
    results are joined by " | "; any other line is split at " => "."""
    if line.startswith("seq "):
        inputs, results = [], []
        for step in line[4:].split(" | "):
            head, arrow, tail = step.partition(" => ")
            if not arrow:
                raise ValueError("a step without =>: " + step)
            inputs.append(head)
            results.append(tail)
        return "seq " + " | ".join(inputs), " | ".join(results)
    head, arrow, tail = line.partition(" => ")
    if not arrow:
        raise ValueError("a line without =>")
    return head, tail


def family_of(line):
    if line.startswith("seq "):
        return "buffers"
    if line.startswith("io "):
        return "io"
    return "cursors" if " ops=" in line else "views"


def shares(total, names):
    """total split over the families named, by their shares."""
    chosen = [(f, w) for f, _, w in FAMILIES if f in names]
    weight = sum(w for _, w in chosen)
    counts = {f: total * w // weight for f, w in chosen}
    for f, _ in chosen[:total - sum(counts.values())]:
        counts[f] += 1
    return counts


def random_cases(seed, total, names):
    """(family, vector line) for total random cases: each family drawn from
    its own stream of the seed, as conformance.py draws it, and the
    families interleaved in an order drawn from the seed too."""
    counts = shares(total, names)
    streams = {}
    for name, mode, _ in FAMILIES:
        if name in counts:
            _, _, gen, stream = C.MODES[mode]
            streams[name] = (gen, random.Random(stream(seed)))
    order = [name for name in counts for _ in range(counts[name])]
    random.Random("%d/order" % seed).shuffle(order)
    for name in order:
        gen, rng = streams[name]
        yield name, C.case_line(gen(rng))


def vector_cases(paths):
    for path in paths:
        with open(path) as f:
            for line in f:
                line = line.rstrip("\n")
                if line and not line.startswith("#"):
                    yield family_of(line), line


# --------------------------------------------------------------- the port

def describe_exit(code):
    if code is None:
        return "closed its output"
    if code < 0:
        try:
            return "signal " + signal.Signals(-code).name
        except ValueError:
            return "signal %d" % -code
    return "exit status %d" % code


class Port:
    """The port as a child process, one case outstanding at a time."""

    def __init__(self, argv, stderr_path, timeout, start_timeout):
        self.argv, self.timeout, self.start_timeout = argv, timeout, start_timeout
        self.stderr = open(stderr_path, "wb")
        self.proc, self.pending = None, b""
        self.answered = 0      # answers since the last start

    def start(self, case_number):
        self.stderr.write(b"== started before case %d\n" % case_number)
        self.stderr.flush()
        # A session of its own: a hung port is killed with all its children.
        self.proc = subprocess.Popen(self.argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.stderr, bufsize=0, start_new_session=True)
        os.set_blocking(self.proc.stdin.fileno(), False)
        self.pending, self.answered = b"", 0

    def kill(self):
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()
        self._close_pipes()

    def _close_pipes(self):
        for pipe in (self.proc.stdin, self.proc.stdout):
            try:
                pipe.close()
            except OSError:
                pass

    def _ended(self):
        """The port ended or closed its output: how, once it is gone."""
        try:
            code = self.proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self.kill()
            return "<crashed: closed its output>"
        self._close_pipes()
        return "<crashed: %s>" % describe_exit(code)

    def ask(self, line, case_number):
        """The port's answer to one input line, or "<crashed: ...>" /
        "<hung>"; afterwards the port is running again or stopped."""
        if self.proc is None:
            self.start(case_number)
        # A port just started may first have to load (an interpreter, a VM).
        limit = self.timeout if self.answered else max(self.timeout, self.start_timeout)
        deadline = time.monotonic() + limit
        data = line.encode() + b"\n"
        try:
            while data:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([], [self.proc.stdin], [], left)[1]:
                    return self._hung()
                try:
                    data = data[os.write(self.proc.stdin.fileno(), data):]
                except BlockingIOError:
                    continue
        except BrokenPipeError:
            return self._gone()
        out = self.proc.stdout.fileno()
        while b"\n" not in self.pending:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([out], [], [], left)[0]:
                return self._hung()
            chunk = os.read(out, 65536)
            if not chunk:
                return self._gone()
            self.pending += chunk
        answer, _, self.pending = self.pending.partition(b"\n")
        self.answered += 1
        return answer.decode("utf-8", "replace")

    def _hung(self):
        self.kill()
        self.proc = None
        return "<hung>"

    def _gone(self):
        how = self._ended()
        self.proc = None
        return how

    def stop(self):
        """Closes the port's input; how it ended (None: cleanly)."""
        if self.proc is None:
            return None
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            code = self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.kill()
            return "it did not exit within 30 s of the end of its input"
        self._close_pipes()
        self.proc = None
        return None if code == 0 else describe_exit(code) + " at the end of its input"


# ------------------------------------------------------------- reporting

def shorten(text):
    """Long words (hex) cut in the middle, so a mismatch reads on one line."""
    words = []
    for w in text.split(" "):
        if len(w) > CUT_WORD:
            w = "%s...(%d more)...%s" % (w[:32], len(w) - 44, w[-12:])
        words.append(w)
    return " ".join(words)


class Report:
    def __init__(self, out_dir, show, strict):
        os.makedirs(out_dir, exist_ok=True)
        self.full = open(os.path.join(out_dir, "mismatches.txt"), "w")
        self.vectors = open(os.path.join(out_dir, "mismatches-vectors.txt"), "w")
        self.show, self.strict = show, strict
        self.shown = []
        self.cases = self.mismatches = self.unsupported = 0
        self.by_family = {}

    def record(self, number, family, line, inputs, expected, actual):
        self.cases += 1
        counts = self.by_family.setdefault(family, [0, 0, 0])
        counts[0] += 1
        if actual == expected:
            return
        if actual == "unsupported" and not self.strict:
            self.unsupported += 1
            counts[2] += 1
            return
        self.mismatches += 1
        counts[1] += 1
        self.full.write("# case %d (%s)\ninput:    %s\nexpected: %s\nactual:   %s\n\n"
                        % (number, family, inputs, expected, actual))
        self.vectors.write(line + "\n")
        if len(self.shown) < self.show:
            self.shown.append((number, family, inputs, expected, actual))

    def close(self):
        self.full.close()
        self.vectors.close()

    def print_mismatches(self):
        for k, (number, family, inputs, expected, actual) in enumerate(self.shown, 1):
            print("MISMATCH %d of %d: case %d (%s)" % (k, self.mismatches, number, family))
            print("  input:    " + shorten(inputs))
            print("  expected: " + shorten(expected))
            print("  actual:   " + shorten(actual))

    def family_line(self):
        parts = []
        for name, (n, bad, unsupported) in sorted(self.by_family.items()):
            extra = ", ".join(x for x in ("%d mismatches" % bad if bad else "",
                                          "%d unsupported" % unsupported if unsupported else "")
                              if x)
            parts.append("%s %d%s" % (name, n, " (%s)" % extra if extra else ""))
        return "by family: " + ", ".join(parts)

    def summary(self):
        text = "%d cases, %d mismatches" % (self.cases, self.mismatches)
        if self.unsupported:
            text += ", %d unsupported" % self.unsupported
        return text


# ------------------------------------------------------------------ main

def parse_args():
    p = argparse.ArgumentParser(description="Checks a port of memview (PORTING.md).")
    p.add_argument("--cases", type=int, default=int(os.environ.get("CONFORMANCE_CASES") or 100000),
                   help="random cases in all (CONFORMANCE_CASES, default 100000)")
    p.add_argument("--seed", type=int, default=None,
                   help="the seed (CONFORMANCE_SEED; default: --default-seed, else the clock)")
    p.add_argument("--default-seed", type=int, default=None,
                   help="the seed when CONFORMANCE_SEED is not set")
    p.add_argument("--families", default=",".join(f for f, _, _ in FAMILIES),
                   help="families to draw from (default: all)")
    p.add_argument("--timeout", type=float,
                   default=float(os.environ.get("CONFORMANCE_TIMEOUT") or 5),
                   help="seconds a case may take (CONFORMANCE_TIMEOUT, default 5)")
    p.add_argument("--start-timeout", type=float, default=30,
                   help="seconds for the first answer of a port just started (default 30)")
    p.add_argument("--show", type=int, default=5, help="mismatches printed (default 5)")
    p.add_argument("--out", default="build/conformance", help="where the reports go")
    p.add_argument("--vectors", nargs="+", metavar="FILE", help="replay vector files instead")
    p.add_argument("--no-unsupported", action="store_true",
                   help="count the answer 'unsupported' as a mismatch")
    p.add_argument("--suite", action="store_true",
                   help="end with 'N passed, N failed' (make test)")
    p.add_argument("port", nargs="+", help="the port's command and arguments")
    args = p.parse_args()
    names = args.families.split(",")
    unknown = [n for n in names if n not in [f for f, _, _ in FAMILIES]]
    if unknown or args.cases < 0 or args.timeout <= 0:
        p.error("bad --families, --cases or --timeout")
    return args, names


def pick_seed(args):
    if args.seed is not None:
        return args.seed
    env = os.environ.get("CONFORMANCE_SEED")
    if env:
        return int(env)
    if args.default_seed is not None:
        return args.default_seed
    return int(time.time() * 1000) % 1000000000


def run(args, names):
    if args.vectors:
        print("vectors: " + " ".join(args.vectors), flush=True)
        cases, seed, total = vector_cases(args.vectors), None, None
    else:
        seed = pick_seed(args)
        print("seed %d (CONFORMANCE_SEED=%d repeats this run), %d cases"
              % (seed, seed, args.cases), flush=True)
        cases, total = random_cases(seed, args.cases, names), args.cases
    report = Report(args.out, args.show, args.no_unsupported)
    port = Port(args.port, os.path.join(args.out, "port-stderr.txt"), args.timeout,
                args.start_timeout)
    started, fruitless, gave_up = time.monotonic(), 0, False
    for number, (family, line) in enumerate(cases, 1):
        try:
            inputs, expected = split_vector(line)
        except ValueError as e:
            sys.exit("port_runner: case %d: %s: %s" % (number, e, line[:200]))
        actual = port.ask(inputs, number)
        report.record(number, family, line, inputs, expected, actual)
        fruitless = fruitless + 1 if port.proc is None and port.answered == 0 else 0
        if fruitless >= GIVE_UP_AFTER:
            print("the port ended %d times in a row without answering a case: giving up"
                  % fruitless)
            gave_up = True
            break
        if total and total >= 20000 and number % (total // 5) == 0 and number < total:
            print("... %d cases, %d mismatches (%.0f s)"
                  % (number, report.mismatches, time.monotonic() - started), flush=True)
    ending = port.stop()
    port.stderr.close()
    report.close()
    report.print_mismatches()
    if report.mismatches:
        print("all %d mismatches in full: %s (vector lines: %s)"
              % (report.mismatches, os.path.join(args.out, "mismatches.txt"),
                 os.path.join(args.out, "mismatches-vectors.txt")))
    if ending:
        print("the port ended badly: %s (its stderr: %s)"
              % (ending, os.path.join(args.out, "port-stderr.txt")))
    print(report.family_line())
    print("%.1f s%s" % (time.monotonic() - started,
                        "" if seed is None else "; seed %d" % seed))
    print(report.summary())
    failed = report.mismatches + (1 if ending else 0) + (1 if gave_up else 0)
    if args.suite:
        # make test's reference port must answer everything.
        failed += report.unsupported
        if seed is not None:
            print("info: seed=%d cases=%d" % (seed, report.cases))
        print("%d passed, %d failed" % (report.cases - report.mismatches - report.unsupported,
                                        failed))
    return 0 if failed == 0 else 1

def main():
    args, names = parse_args()
    try:
        sys.exit(run(args, names))
    except (FileNotFoundError, PermissionError) as e:
        sys.exit("port_runner: cannot start the port: %s" % e)


if __name__ == "__main__":
    main()
