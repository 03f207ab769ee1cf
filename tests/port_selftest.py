#!/usr/bin/env python3
"""port_selftest.py DRIVER [OUT] — the port runner must catch bad ports.

Runs tests/port_runner.py against ports that are wrong on purpose, built
around the C reference driver (DRIVER --port) so that every other case is
answered right, and checks that the runner reports exactly the cases each
one spoils, and nothing else:

  control       the driver itself: no mismatch, exit status 0
  lie           a wrong answer to every slice case: those cases, and only
                those, are mismatches
  crash         killed by SIGSEGV on every hex case, exit status 3 on every
                find case: those cases are "<crashed: signal SIGSEGV>" and
                "<crashed: exit status 3>", the port is started again and
                every other case matches
  hang          sleeps on every fill case: those cases are "<hung>"
  unsupported   answers "unsupported" to every I/O case: counted apart, not
                a mismatch (exit 0); with --no-unsupported, mismatches
  wrong         a shell one-liner answering "wrong" to everything
  dead          a port that exits at once: the runner gives up, non-zero
  bad-exit      right answers, then exit status 1 at the end of its input
  vectors       the driver over a committed vector file (--vectors)
  python        tests/port_driver.py, the example port: no mismatch; with
                MV_PORT_PLANT=negative-step-clamp, caught, the first
                mismatch printed as input, expected and actual

The cases each bad port spoils are counted here from the same seeded cases
the runner draws (port_runner.random_cases), so every expectation is
computed, not written down.  Prints one line per check and ends with
"N passed, N failed".

Run with --act KIND DRIVER, this script is itself the bad port KIND.
Standard library only.
"""

import os
import re
import resource
import signal
import subprocess
import sys
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import port_runner as R  # noqa: E402

SEED, CASES, TIMEOUT = 7, 600, 0.5
RUNNER = os.path.join(HERE, "port_runner.py")
ME = os.path.abspath(__file__)

# What each bad port does to which cases (a substring of the input line).
LIE_ON, SEGV_ON, EXIT_ON, HANG_ON = " op=slice:", " op=hex:", " op=find", " op=fill:"


# ------------------------------------------------------- the bad ports

def act(kind, driver):
    """Answers stdin like the driver, spoiling the cases kind names."""
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a SIGSEGV leaves no core file
    ref = subprocess.Popen([driver, "--port"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                           text=True, bufsize=1)
    for line in sys.stdin:
        if kind == "crash" and SEGV_ON in line:
            os.kill(os.getpid(), signal.SIGSEGV)
        if kind == "crash" and EXIT_ON in line:
            os._exit(3)
        if kind == "hang" and HANG_ON in line:
            time.sleep(3600)
        if kind == "unsupported" and line.startswith("io "):
            answer = "unsupported"
        else:
            ref.stdin.write(line)
            ref.stdin.flush()
            answer = ref.stdout.readline().rstrip("\n")
            if kind == "lie" and LIE_ON in line:
                answer += " len=0"
        print(answer, flush=True)
    ref.stdin.close()
    ref.wait()
    sys.exit(1 if kind == "bad-exit" else 0)


# ------------------------------------------------------------- checking

def cases_matching(pattern):
    """Numbers of the runner's cases (same seed and count) whose input
    holds pattern, or, for a callable, satisfies it."""
    found = set()
    for number, (_, line) in enumerate(R.random_cases(SEED, CASES, [f for f, _, _ in R.FAMILIES]),
                                       1):
        inputs, _ = R.split_vector(line)
        if (pattern(inputs) if callable(pattern) else pattern in inputs):
            found.add(number)
    return found


def run_runner(out, port, *options):
    cmd = [sys.executable, RUNNER, "--seed", str(SEED), "--cases", str(CASES), "--timeout",
           str(TIMEOUT), "--start-timeout", "5", "--out", out] + list(options) + ["--"] + port
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return done.returncode, done.stdout


def mismatches(out):
    """{case number: actual} from the runner's mismatches.txt."""
    found, number = {}, None
    with open(os.path.join(out, "mismatches.txt")) as f:
        for line in f:
            m = re.match(r"# case (\d+) ", line)
            if m:
                number = int(m.group(1))
            elif line.startswith("actual:   "):
                found[number] = line[len("actual:   "):].rstrip("\n")
    return found


class Checks:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print("ok   %s" % name)
        else:
            self.failed += 1
            print("FAIL %s %s" % (name, detail))


def summary_of(text):
    m = re.search(r"^(\d+) cases, (\d+) mismatches(?:, (\d+) unsupported)?$", text, re.M)
    return tuple(int(g or 0) for g in m.groups()) if m else None


def main():
    args = sys.argv[1:]
    if len(args) == 3 and args[0] == "--act":
        act(args[1], args[2])
    if len(args) not in (1, 2):
        sys.exit("usage: port_selftest.py DRIVER [OUT]")
    driver = os.path.abspath(args[0])
    base = args[1] if len(args) == 2 else "build/port-selftest"
    t = Checks()

    def bad_port(kind):
        return [sys.executable, ME, "--act", kind, driver]

    def expect_spoiled(kind, spoiled, actual_of, *options):
        """The runner reports exactly the spoiled cases, with their
        actual answers as actual_of(number) says."""
        out = os.path.join(base, kind)
        rc, text = run_runner(out, bad_port(kind), *options)
        got = mismatches(out)
        t.check("%s: the port spoils some cases" % kind, len(spoiled) > 0, "(none at this seed)")
        t.check("%s: exactly the spoiled cases are mismatches" % kind, set(got) == spoiled,
                "(%d reported, %d spoiled)" % (len(got), len(spoiled)))
        wrong = [n for n in got if not actual_of(n, got[n])]
        t.check("%s: each is reported as it happened" % kind, not wrong,
                "(case %s: %s)" % (wrong[0], got[wrong[0]]) if wrong else "")
        t.check("%s: summary and exit status" % kind,
                summary_of(text) == (CASES, len(spoiled), 0) and rc == 1,
                "(exit %d, %s)" % (rc, summary_of(text)))

    # control: the driver itself.
    rc, text = run_runner(os.path.join(base, "control"), [driver, "--port"])
    t.check("control: no mismatch, exit 0", summary_of(text) == (CASES, 0, 0) and rc == 0,
            "(exit %d, %s)" % (rc, summary_of(text)))

    lies = cases_matching(LIE_ON)
    expect_spoiled("lie", lies, lambda n, a: a.endswith(" len=0"))

    segv, exits = cases_matching(SEGV_ON), cases_matching(EXIT_ON)
    t.check("crash: both kinds of crash occur", segv and exits)
    expect_spoiled("crash", segv | exits,
                   lambda n, a: a == ("<crashed: signal SIGSEGV>" if n in segv
                                      else "<crashed: exit status 3>"))

    expect_spoiled("hang", cases_matching(HANG_ON), lambda n, a: a == "<hung>")

    io = cases_matching(lambda inputs: inputs.startswith("io "))
    out = os.path.join(base, "unsupported")
    rc, text = run_runner(out, bad_port("unsupported"))
    t.check("unsupported: counted apart, exit 0",
            io and summary_of(text) == (CASES, 0, len(io)) and rc == 0,
            "(exit %d, %s)" % (rc, summary_of(text)))
    rc, text = run_runner(out, bad_port("unsupported"), "--no-unsupported")
    t.check("unsupported: mismatches with --no-unsupported",
            set(mismatches(out)) == io and summary_of(text) == (CASES, len(io), 0) and rc == 1,
            "(exit %d, %s)" % (rc, summary_of(text)))

    out = os.path.join(base, "wrong")
    rc, text = run_runner(out, ["sh", "-c", "while read -r line; do echo wrong; done"])
    t.check("wrong: every case a mismatch",
            summary_of(text) == (CASES, CASES, 0) and rc == 1 and
            set(mismatches(out).values()) == {"wrong"}, "(exit %d, %s)" % (rc, summary_of(text)))

    rc, text = run_runner(os.path.join(base, "dead"), ["sh", "-c", "exit 7"])
    t.check("dead: the runner gives up, non-zero",
            rc != 0 and "giving up" in text and
            summary_of(text) == (R.GIVE_UP_AFTER, R.GIVE_UP_AFTER, 0),
            "(exit %d, %s)" % (rc, summary_of(text)))

    rc, text = run_runner(os.path.join(base, "bad-exit"), bad_port("bad-exit"))
    t.check("bad-exit: no mismatch, yet exit non-zero",
            summary_of(text) == (CASES, 0, 0) and rc == 1 and "ended badly: exit status 1" in text,
            "(exit %d, %s)" % (rc, summary_of(text)))

    vectors = os.path.join(HERE, "..", "corpus", "vectors", "io.txt")
    with open(vectors) as f:
        lines = sum(1 for line in f if line.strip() and not line.startswith("#"))
    rc, text = run_runner(os.path.join(base, "vectors"), [driver, "--port"], "--vectors", vectors)
    t.check("vectors: the driver replays io.txt",
            summary_of(text) == (lines, 0, 0) and rc == 0, "(exit %d, %s)" % (rc, summary_of(text)))

    # The Python driver, the example port: exact as shipped; with its
    # planted difference (an off-by-one in negative-step clamping) it must
    # be caught, and its first mismatch shown as input, expected, actual.
    python_port = [sys.executable, os.path.join(HERE, "port_driver.py")]
    rc, text = run_runner(os.path.join(base, "python"), python_port, "--no-unsupported")
    t.check("python: the Python driver matches every case",
            summary_of(text) == (CASES, 0, 0) and rc == 0, "(exit %d, %s)" % (rc, summary_of(text)))
    os.environ["MV_PORT_PLANT"] = "negative-step-clamp"
    try:
        rc, text = run_runner(os.path.join(base, "python-plant"), python_port)
    finally:
        del os.environ["MV_PORT_PLANT"]
    shown = re.search(r"^MISMATCH 1 of \d+: case \d+ .*\n  input: .*\n  expected: .*\n  actual: .*$",
                      text, flags=re.M)
    t.check("python plant: caught, the first mismatch printed",
            rc == 1 and (summary_of(text) or (0, 0, 0))[1] > 0 and shown is not None,
            "(exit %d, %s)" % (rc, summary_of(text)))

    print("%d passed, %d failed" % (t.passed, t.failed))
    sys.exit(1 if t.failed else 0)


if __name__ == "__main__":
    main()
