"""The benchmark driver behind `make bench`.

Runs every benchmark program of bench/ (built by bench/bench.mk), the
CPython contenders, callgrind and gnuplot; interleaves the contenders of
each comparison (round-robin, the order rotating each repetition); reports
medians of the repetitions and their ratios; prints a table and writes
bench/results.md and bench/scaling.png.

Timings are reported, never judged: the targets are stated as "met" or
"missed by X%", and the driver exits 0 whenever it measured.  It exits
non-zero only when a benchmark could not run (a program failed, or a
transfer delivered wrong bytes).

    python3 bench/run.py BIN_DIR RESULTS_MD PLOT_PNG
    BENCH_QUICK=1   small sizes and few repetitions (for development)
"""
import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
import timeit

QUICK = os.environ.get("BENCH_QUICK", "") not in ("", "0")
MIB = 1 << 20
HERE = os.path.dirname(os.path.abspath(__file__))

if QUICK:
    SEED_SIZES = [1, 2]               # MiB
    SEED_REPS = 3
    NAIVE_BIG_REPS = 1                # naive loops at 8 MiB and more
    LIMIT_BYTES = 64 * MIB
    LIMIT_REPS = 3
    OPS_N = 2_000_000
    OPS_REPS = 3
    CG_N = 20_000
    PY_NUMBER = 200_000
    PY_REPS = 3
    VEC_MESSAGES = 50
    VEC_REPS = 3
else:
    SEED_SIZES = [1, 2, 4, 8, 16]
    SEED_REPS = 5
    NAIVE_BIG_REPS = 3
    LIMIT_BYTES = 1 << 30
    LIMIT_REPS = 9
    OPS_N = 20_000_000
    OPS_REPS = 7
    CG_N = 200_000
    PY_NUMBER = 1_000_000
    PY_REPS = 7
    VEC_MESSAGES = 300
    VEC_REPS = 7


def run(cmd, **kw):
    """Runs a command; any failure is fatal (the benchmark measured nothing)."""
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
    if p.returncode != 0:
        sys.stderr.write(p.stdout + p.stderr)
        sys.exit("bench: %s failed (exit %d)" % (" ".join(cmd), p.returncode))
    return p.stdout


def med(xs):
    return statistics.median(xs)


def rotated(items, rep):
    k = rep % len(items)
    return items[k:] + items[:k]


def fmt_time(s):
    if s >= 1:
        return "%.3f s" % s
    if s >= 1e-3:
        return "%.3f ms" % (s * 1e3)
    return "%.1f us" % (s * 1e6)


def target_ge(value, target):
    """A 'value >= target' goal, as met / missed by X%."""
    if value >= target:
        return "met"
    return "missed by %.1f%%" % ((target - value) / target * 100)


def target_le(value, target):
    if value <= target:
        return "met"
    return "missed by %.1f%%" % ((value - target) / target * 100)


def log(msg):
    print(msg, flush=True)


# ------------------------------------------------------------------ machine

def first_line(cmd):
    try:
        return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True).stdout.strip().splitlines()[0]
    except (OSError, IndexError):
        return "not available"


def machine():
    cpu = "unknown"
    info = {}
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if not line.strip():
                    break          # the first processor is enough
                key, _, value = line.partition(":")
                info[key.strip()] = value.strip()
    except OSError:
        pass
    if "model name" in info:
        cpu = info["model name"]
        ids = ["%s %s" % (k, info[k]) for k in ("cpu family", "model", "stepping") if k in info]
        if ids:
            cpu += " (" + ", ".join(ids) + ")"
    cc = os.environ.get("CC", "cc")
    # Which library was measured: the commit, and whether src/ differed from it.
    rev = os.environ.get("BENCH_LIB_REV", "")
    if not rev and shutil.which("git"):
        top = os.path.dirname(HERE)
        head = subprocess.run(["git", "-C", top, "rev-parse", "--short", "HEAD"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        if head.returncode == 0:
            dirty = subprocess.run(["git", "-C", top, "status", "--porcelain", "src"],
                                   stdout=subprocess.PIPE, text=True).stdout.strip()
            rev = head.stdout.strip() + (" with uncommitted changes in src/" if dirty else "")
    return {
        "library": rev or "unknown",
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "kernel": platform.system() + " " + platform.release(),
        "cc": first_line([cc, "--version"]),
        "python": "CPython " + platform.python_version(),
        "valgrind": first_line(["valgrind", "--version"]) if shutil.which("valgrind") else "not available",
        "load_start": os.getloadavg(),
    }


# ------------------------------------------------------------ seed scenario

SEED_CONTENDERS = [
    # key, label, command maker
    ("c_naive", "C naive loop (copy of message[sent:])",
     lambda b, n: [os.path.join(b, "seed"), "send-naive", str(n)]),
    ("c_view", "C mv_send_all",
     lambda b, n: [os.path.join(b, "seed"), "send-view", str(n)]),
    ("py_naive", "CPython bytes slicing",
     lambda b, n: [sys.executable, os.path.join(HERE, "seed.py"), "send-naive", str(n)]),
    ("py_view", "CPython memoryview",
     lambda b, n: [sys.executable, os.path.join(HERE, "seed.py"), "send-view", str(n)]),
    ("c_recv", "C mv_recv_all (1024-byte receives)",
     lambda b, n: [os.path.join(b, "seed"), "recv-view", str(n)]),
    ("py_recv", "CPython recv_into loop (view = view[n:])",
     lambda b, n: [sys.executable, os.path.join(HERE, "seed.py"), "recv-view", str(n)]),
]


def seed_scenario(bindir):
    results = {}   # (key, MiB) -> [seconds per loop]
    for mib in SEED_SIZES:
        n = mib * MIB
        for rep in range(SEED_REPS):
            for key, _, cmd in rotated(SEED_CONTENDERS, rep):
                # The naive loops are O(n^2): fewer repetitions when big.
                if key.endswith("naive") and mib >= 8 and rep >= NAIVE_BIG_REPS:
                    continue
                out = run(cmd(bindir, n))
                m = re.search(r"seconds ([0-9.e+-]+)", out)
                results.setdefault((key, mib), []).append(float(m.group(1)))
        log("  seed scenario: %d MiB done" % mib)
    return results


# ------------------------------------------------------------------- limit

def limit(bindir):
    out = run([os.path.join(bindir, "limit"), "throughput", str(LIMIT_BYTES), str(LIMIT_REPS)])
    secs = {}
    for line in out.splitlines():
        name, _, s, scpu, rcpu = line.split()
        d = secs.setdefault(name, {"s": [], "scpu": [], "rcpu": []})
        d["s"].append(float(s))
        d["scpu"].append(float(scpu))
        d["rcpu"].append(float(rcpu))
    log("  socket pair throughput done")
    mem = {}
    for mode in ("send-raw", "send-mv", "recv-raw", "recv-mv"):
        out = run([os.path.join(bindir, "limit"), "memory", mode, str(LIMIT_BYTES)])
        mem[mode] = {k: int(v) for k, v in re.findall(r"(\w+_kib) (\d+)", out)}
    log("  peak memory done")
    return secs, mem


# --------------------------------------------------------------------- ops

OPS = [
    # op, baseline loop, CPython statement (or None), description
    ("sub", "base_two", "v[o:e]", "mv_sub(v, off, len)  / v[off:end]"),
    ("advance", "base_one", "v[k:]", "mv_advance(&v, k)    / v = v[k:]"),
    ("get", "base_index", "v[j]", "mv_get(v, j)         / v[j] (j < 0 half the time)"),
    ("slice", "base_bounds", "v[a:b]", "mv_slice(v, a, b, MV_OMIT) / v[a:b] (bounds clamped)"),
    ("be32", "base_none", "unpack_from('>I', v, k)", "mv_read_be32(&cur)   / struct.unpack_from('>I', v, k)"),
]


def ops_times(bindir):
    out = run([os.path.join(bindir, "ops"), "time", str(OPS_N), str(OPS_REPS)])
    t = {}
    for line in out.splitlines():
        name, _, s = line.split()
        t.setdefault(name, []).append(float(s) / OPS_N * 1e9)   # ns per iteration
    return t


def callgrind_ir(bindir, loop, workdir):
    """Instructions executed inside loop_LOOP (callees included) for CG_N iterations."""
    outfile = os.path.join(workdir, "callgrind." + loop)
    run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + outfile,
         "--toggle-collect=loop_" + loop + "*",
         os.path.join(bindir, "ops"), "run", loop, str(CG_N)])
    with open(outfile) as f:
        for line in f:
            if line.startswith("summary:") or line.startswith("totals:"):
                return int(line.split()[1])
    sys.exit("bench: no callgrind summary for " + loop)


def ops_instructions(bindir):
    if not shutil.which("valgrind"):
        return None
    workdir = os.path.join(bindir, "callgrind")
    os.makedirs(workdir, exist_ok=True)
    ir = {}
    names = sorted({b for _, b, _, _ in OPS} |
                   {o + s for o, _, _, _ in OPS for s in ("_raw", "_call", "_mv")})
    for name in names:
        ir[name] = callgrind_ir(bindir, name, workdir)
    return ir


def python_ops():
    """ns per operation of CPython memoryview, the 'pass' statement's time subtracted."""
    setup = ("from struct import unpack_from\n"
             "v = memoryview(bytearray(4096))\n"
             "o, e, k, j, a, b = 1000, 3000, 1500, -5, -3000, 3900\n")
    stmts = [("pass", "pass")] + [(op, st) for op, _, st, _ in OPS]
    timers = {name: timeit.Timer(st, setup) for name, st in stmts}
    t = {}
    for rep in range(PY_REPS):
        for name, _ in rotated(stmts, rep):
            t.setdefault(name, []).append(timers[name].timeit(PY_NUMBER) / PY_NUMBER * 1e9)
    return t


# ---------------------------------------------------------------- vectored

def vectored(bindir):
    out = run([os.path.join(bindir, "vectored"), str(VEC_MESSAGES), str(VEC_REPS)])
    info = re.search(r"views (\d+) bytes (\d+)", out)
    res = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 5 and parts[0] in ("sendv", "each", "copy"):
            r = res.setdefault(parts[0], {"s": [], "calls": [], "cpu": []})
            r["s"].append(float(parts[2]))
            r["calls"].append(float(parts[3]))
            r["cpu"].append(float(parts[4]))
    return int(info.group(1)), int(info.group(2)), res


# ----------------------------------------------------------------- reports

def plot(seed, pngfile, workdir):
    datafile = os.path.join(workdir, "scaling.dat")
    keys = [k for k, _, _ in SEED_CONTENDERS]
    with open(datafile, "w") as f:
        f.write("# MiB " + " ".join(keys) + " (median seconds per whole loop)\n")
        for mib in SEED_SIZES:
            f.write("%d %s\n" % (mib, " ".join("%.9g" % med(seed[(k, mib)]) for k in keys)))
    if not shutil.which("gnuplot"):
        return "gnuplot not available: no plot"
    run(["gnuplot", "-e", "datafile='%s'; outfile='%s'" % (datafile, pngfile),
         os.path.join(HERE, "scaling.gp")])
    return None


def fmt_list(xs, f):
    return ", ".join(f(x) for x in xs)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    bindir, mdfile, pngfile = sys.argv[1:]
    started = time.time()
    m = machine()
    log("memview benchmarks%s (%s, %d cores, load %.2f)" %
        (" [BENCH_QUICK]" if QUICK else "", m["cpu"], m["cores"], m["load_start"][0]))

    seed = seed_scenario(bindir)
    lim_secs, lim_mem = limit(bindir)
    ops_t = ops_times(bindir)
    log("  ops timing done")
    ops_ir = ops_instructions(bindir)
    log("  ops instruction counts done")
    py_t = python_ops()
    log("  CPython memoryview timing done")
    nviews, vbytes, vec = vectored(bindir)
    log("  vectored sends done")
    plot_note = plot(seed, pngfile, bindir)
    elapsed = time.time() - started
    load_end = os.getloadavg()

    md = []   # results.md
    tab = []  # the table printed
    w = md.append

    w("# memview benchmark results")
    w("")
    w("Generated by `make bench`%s. Every comparison ran its contenders interleaved "
      "(round-robin, order rotating each repetition) in the same run; figures are "
      "medians of the repetitions, ratios are ratios of medians. Timings are reported, "
      "not judged: the targets below say *met* or *missed by X%%*." %
      (" with BENCH_QUICK=1 (small sizes, few repetitions: not the full run)" if QUICK else ""))
    w("")
    w("## Machine")
    w("")
    w("| | |")
    w("|---|---|")
    w("| date | %s |" % m["date"])
    w("| CPU | %s |" % m["cpu"])
    w("| cores | %d |" % m["cores"])
    w("| kernel | %s |" % m["kernel"])
    w("| library measured | commit %s |" % m["library"])
    w("| C compiler | %s, `-O2`, library linked statically (build/libmemview.a, `-O2`) |" % m["cc"])
    w("| Python | %s |" % m["python"])
    w("| instruction counts | %s (callgrind) |" % m["valgrind"])
    w("| load average (1 min) | %.2f at start, %.2f at end |" % (m["load_start"][0], load_end[0]))
    w("| run time of the driver | %.0f s |" % elapsed)
    w("")

    # ---- seed scenario
    w("## The seed's scenario: a message sent to a peer taking at most 1024 bytes per send")
    w("")
    w("Both C contenders call the same peer through the same `mv_transport`: its send "
      "copies the (at most 1024) bytes it takes into a 1 KiB sink and counts them. The "
      "naive loop mallocs and copies `message[sent:]` at every step, as Python's bytes "
      "slicing does. The CPython contenders are the seed's loops against an equivalent "
      "Python peer (`sink[:k] = data[:k]`). Time of one whole loop (median of "
      "%d repetitions; %d for the naive loops at 8 MiB and above)." % (SEED_REPS, NAIVE_BIG_REPS))
    w("")
    hdr = "| size | " + " | ".join(label for _, label, _ in SEED_CONTENDERS[:4]) + \
          " | C naive / mv_send_all | CPython bytes / memoryview |"
    w(hdr)
    w("|---" * (7) + "|")
    for mib in SEED_SIZES:
        row = [med(seed[(k, mib)]) for k, _, _ in SEED_CONTENDERS[:4]]
        w("| %d MiB | %s | %.0fx | %.0fx |" % (mib, " | ".join(fmt_time(x) for x in row),
                                                row[0] / row[1], row[2] / row[3]))
    w("")
    w("Receive side: a buffer filled by 1024-byte receives from a peer serving a 1 KiB source.")
    w("")
    w("| size | %s | %s | CPython / C |" % (SEED_CONTENDERS[4][1], SEED_CONTENDERS[5][1]))
    w("|---|---|---|---|")
    for mib in SEED_SIZES:
        c, p = med(seed[("c_recv", mib)]), med(seed[("py_recv", mib)])
        w("| %d MiB | %s | %s | %.0fx |" % (mib, fmt_time(c), fmt_time(p), p / c))
    w("")
    w("![time against message size, log-log](scaling.png)" if plot_note is None else plot_note)
    w("")
    w("<details><summary>every repetition (seconds per loop)</summary>")
    w("")
    for mib in SEED_SIZES:
        for k, label, _ in SEED_CONTENDERS:
            w("- %d MiB, %s: %s" % (mib, label, fmt_list(seed[(k, mib)], lambda x: "%.6g" % x)))
    w("")
    w("</details>")
    w("")

    # ---- limit
    gib = LIMIT_BYTES / (1 << 30)
    size_txt = "%g GiB" % gib if gib >= 1 else "%d MiB" % (LIMIT_BYTES // MIB)
    thr = {k: LIMIT_BYTES / med(v["s"]) / 1e9 for k, v in lim_secs.items()}
    best = {k: LIMIT_BYTES / min(v["s"]) / 1e9 for k, v in lim_secs.items()}
    scpu = {k: med(v["scpu"]) for k, v in lim_secs.items()}
    rcpu = {k: med(v["rcpu"]) for k, v in lim_secs.items()}
    w("## Against the limit: %s over an AF_UNIX socket pair" % size_txt)
    w("")
    w("Sender on the main thread, receiver on a second thread, a fresh blocking socket pair "
      "per transfer; time from the first send to the last byte received; the received bytes "
      "are compared with the message after each transfer. Raw loops: `send(fd, p, left, "
      "MSG_NOSIGNAL)` / `recv(fd, p, left, 0)` advancing a pointer. %d repetitions." % LIMIT_REPS)
    w("")
    w("| sender -> receiver | median time | throughput | best-run throughput | sender CPU "
      "| receiver CPU | every repetition (s) |")
    w("|---|---|---|---|---|---|---|")
    names = {"raw-raw": "raw send -> raw recv", "mv-raw": "mv_send_all -> raw recv",
             "raw-mv": "raw send -> mv_recv_all (chunk 0)",
             "raw-raw1k": "raw send -> raw recv of 1024 bytes",
             "raw-mv1k": "raw send -> mv_recv_all (chunk 1024)"}
    for k in ("raw-raw", "mv-raw", "raw-mv", "raw-raw1k", "raw-mv1k"):
        w("| %s | %s | %.2f GB/s | %.2f GB/s | %s | %s | %s |" %
          (names[k], fmt_time(med(lim_secs[k]["s"])), thr[k], best[k], fmt_time(scpu[k]),
           fmt_time(rcpu[k]), fmt_list(lim_secs[k]["s"], lambda x: "%.3f" % x)))
    send_ratio = thr["mv-raw"] / thr["raw-raw"]
    recv_ratio = thr["raw-mv"] / thr["raw-raw"]
    recv1k_ratio = thr["raw-mv1k"] / thr["raw-raw1k"]
    send_best = best["mv-raw"] / best["raw-raw"]
    recv_best = best["raw-mv"] / best["raw-raw"]
    recv1k_best = best["raw-mv1k"] / best["raw-raw1k"]
    # CPU time of the side that differs, raw over memview (> 1: memview cheaper).
    send_cpu = scpu["raw-raw"] / scpu["mv-raw"]
    recv_cpu = rcpu["raw-raw"] / rcpu["raw-mv"]
    recv1k_cpu = rcpu["raw-raw1k"] / rcpu["raw-mv1k"]
    w("")
    w("Throughput ratios, memview / raw, of the medians: mv_send_all **%.3f**; mv_recv_all "
      "**%.3f**; with 1024-byte receives **%.3f**. Of the best runs: %.3f, %.3f, %.3f. "
      "CPU time of the side that differs, raw / memview: sender %.3f, receiver %.3f, "
      "receiver with 1024-byte receives %.3f. (Blocking AF_UNIX sends take the whole "
      "message in one call, so the send loops make one system call per transfer; the "
      "receive loops make one per socket-buffer load, or per KiB.)" %
      (send_ratio, recv_ratio, recv1k_ratio, send_best, recv_best, recv1k_best,
       send_cpu, recv_cpu, recv1k_cpu))
    w("")
    w("Peak memory (getrusage `ru_maxrss`) of the process holding the %s message (the peer "
      "is a child process forked before the message is allocated). *cold*: peak after the "
      "transfer minus peak before it (the message already allocated and touched); *steady*: "
      "the same after a 4 KiB warm-up transfer through the same contender (first use of "
      "code pages excluded)." % size_txt)
    w("")
    w("| process | peak before transfer | peak after | cold extra | steady extra "
      "| resident before (smaps) | resident after | difference |")
    w("|---|---|---|---|---|---|---|---|")
    extra = {}
    for mode in ("send-raw", "send-mv", "recv-raw", "recv-mv"):
        r = lim_mem[mode]
        cold = r["rss_after_kib"] - r["rss_before_kib"]
        steady = r["rss_after_kib"] - r["rss_warm_kib"]
        extra[mode] = (cold, steady)
        w("| %s | %d KiB | %d KiB | %d KiB | %d KiB | %d KiB | %d KiB | %d KiB |" %
          (mode, r["rss_before_kib"], r["rss_after_kib"], cold, steady, r["rssnow_before_kib"],
           r["rssnow_after_kib"], r["rssnow_after_kib"] - r["rssnow_before_kib"]))
    w("")
    w("`ru_maxrss` comes from the kernel's per-CPU RSS counters, which are approximate by a "
      "few dozen pages; the resident columns count pages in /proc/self/smaps_rollup (exact, "
      "but not a peak). The message itself is %d KiB." % (LIMIT_BYTES // 1024))
    w("")

    # ---- ops
    w("## Cost of one operation")
    w("")
    w("Each loop reads its arguments from small tables, does one operation and hands the "
      "result to an empty `asm volatile` (nothing can be optimised away); the library is "
      "called through its out-of-line symbols as a user's program calls it. The raw "
      "contenders do the same work on a pointer and a length, inline: the same bounds checks, "
      "Python's negative indices and clamping where the library has them, no strides. The "
      "base loops (argument loads and hand-off only) are subtracted from both. ns/op: median "
      "of %d interleaved runs of %d iterations. Instructions/op: callgrind, %d iterations, "
      "counted inside the loop function only. CPython: `timeit` of the statement on a "
      "`memoryview(bytearray(4096))`, %d runs of %d, the `pass` statement's time subtracted."
      % (OPS_REPS, OPS_N, CG_N, PY_REPS, PY_NUMBER))
    w("")
    w("The processor overlaps a cheap operation with the loop's own work, so a net time "
      "near zero (even slightly negative, within noise) means the raw operation cost no "
      "measurable time beyond the loop; the instruction counts do not have that blur.")
    w("")
    w("| operation | raw ns/op | out-of-line raw ns/op | memview ns/op | CPython ns/op "
      "| raw instr/op | out-of-line raw instr/op | memview instr/op | memview / raw instr "
      "| memview / out-of-line instr | CPython / memview time |")
    w("|---|---|---|---|---|---|---|---|---|---|---|")
    py_pass = med(py_t["pass"])
    opsres = {}
    for op, basel, _, desc in OPS:
        b = med(ops_t[basel])
        raw_ns = med(ops_t[op + "_raw"]) - b
        call_ns = med(ops_t[op + "_call"]) - b
        mv_ns = med(ops_t[op + "_mv"]) - b
        py_ns = med(py_t[op]) - py_pass
        if ops_ir:
            raw_ir = (ops_ir[op + "_raw"] - ops_ir[basel]) / CG_N
            call_ir = (ops_ir[op + "_call"] - ops_ir[basel]) / CG_N
            mv_ir = (ops_ir[op + "_mv"] - ops_ir[basel]) / CG_N
            ir_txt = "%.1f | %.1f | %.1f | %.2fx | %.2fx" % (raw_ir, call_ir, mv_ir, mv_ir / raw_ir,
                                                           mv_ir / call_ir)
        else:
            raw_ir = call_ir = mv_ir = None
            ir_txt = "n/a | n/a | n/a | n/a | n/a"
        opsres[op] = (raw_ns, mv_ns, py_ns, raw_ir, mv_ir, call_ns, call_ir)
        w("| `%s` | %.2f | %.2f | %.2f | %.1f | %s | %.0fx |" % (desc, raw_ns, call_ns, mv_ns, py_ns,
                                                              ir_txt, py_ns / mv_ns))
    w("")
    w("*Out-of-line raw*: the raw code compiled in its own translation unit "
      "(bench/ops_outline.c) and called with a view struct of mv_view's size and layout passed "
      "by value, checking no more than the inline raw code: the difference between it and the "
      "inline raw code is what the call and the by-value struct cost; the difference between "
      "it and memview is what the library's own checks and code cost.")
    w("")
    w("Base loops: %s ns/iteration; CPython `pass`: %.1f ns." %
      (", ".join("%s %.2f" % (b, med(ops_t[b])) for b in
                 ("base_none", "base_one", "base_two", "base_index", "base_bounds")), py_pass))
    w("")

    # ---- vectored
    w("## Vectored sends: %d views of mixed sizes (%d bytes) per message" % (nviews, vbytes))
    w("")
    w("Over a real AF_UNIX socket pair drained by a receiver thread; the transport wraps "
      "`mv_transport_fd` and counts its calls (each is one system call: send or sendmsg). "
      "One untimed message per contender is checked at the receiver (byte count and sum). "
      "Median over %d interleaved repetitions of %d messages." % (VEC_REPS, VEC_MESSAGES))
    w("")
    w("| contender | time per message | sender CPU per message | system calls per message "
      "| every repetition (ms) |")
    w("|---|---|---|---|---|")
    vnames = {"sendv": "mv_sendv_all", "each": "mv_send_all per view",
              "copy": "copy into one buffer, then mv_send_all"}
    for k in ("sendv", "each", "copy"):
        w("| %s | %s | %s | %g | %s |" % (vnames[k], fmt_time(med(vec[k]["s"])),
                                          fmt_time(med(vec[k]["cpu"])), med(vec[k]["calls"]),
                                          fmt_list(vec[k]["s"], lambda x: "%.3f" % (x * 1e3))))
    vs, vc = med(vec["sendv"]["s"]), med(vec["sendv"]["cpu"])
    w("")
    w("Ratios to mv_sendv_all: per-view sends %.1fx the time (%.1fx the sender's CPU); "
      "copy-then-send %.2fx the time (%.2fx the sender's CPU). The sender CPU time is the "
      "sending thread's user + system time (CLOCK_THREAD_CPUTIME_ID); the elapsed time also "
      "waits for the receiver to drain the socket." %
      (med(vec["each"]["s"]) / vs, med(vec["each"]["cpu"]) / vc,
       med(vec["copy"]["s"]) / vs, med(vec["copy"]["cpu"]) / vc))
    w("")

    # ---- targets
    w("## Targets")
    w("")
    w("| target | measured | |")
    w("|---|---|---|")
    targets = []

    def t(name, measured, verdict):
        targets.append((name, measured, verdict))
        w("| %s | %s | %s |" % (name, measured, verdict))

    t("mv_send_all >= 0.97 of the raw loop's throughput",
      "%.3f (best runs %.3f; sender CPU raw/mv %.3f)" % (send_ratio, send_best, send_cpu),
      target_ge(send_ratio, 0.97))
    t("mv_recv_all >= 0.97 of the raw loop's throughput",
      "%.3f (best runs %.3f; receiver CPU raw/mv %.3f); 1024-byte receives %.3f (best %.3f)" %
      (recv_ratio, recv_best, recv_cpu, recv1k_ratio, recv1k_best), target_ge(recv_ratio, 0.97))
    cold, steady = extra["send-mv"]
    t("%s send adds < 1 MiB of memory" % size_txt, "%d KiB cold, %d KiB steady" % (cold, steady),
      target_le(cold, 1023))
    for op, lim in (("sub", 1.5), ("advance", 1.5), ("get", 1.5), ("slice", 3.0)):
        raw_ir, mv_ir = opsres[op][3], opsres[op][4]
        if raw_ir is None:
            t("mv_%s <= %gx the instructions of raw code" % (op, lim), "not measured (no valgrind)", "-")
        else:
            r = mv_ir / raw_ir
            call_ir = opsres[op][6]
            t("mv_%s <= %gx the instructions of raw code" % (op, lim),
              "%.2fx (%.1f vs %.1f; %.2fx the out-of-line raw call's %.1f)" %
              (r, mv_ir, raw_ir, mv_ir / call_ir, call_ir), target_le(r, lim))
    for op, what in (("slice", "slicing"), ("get", "indexing")):
        r = opsres[op][2] / opsres[op][1]
        t("%s >= 50x faster than CPython memoryview" % what,
          "%.0fx (%.2f ns vs %.1f ns)" % (r, opsres[op][1], opsres[op][2]), target_ge(r, 50))
    big = SEED_SIZES[-1]
    for lang, naive, view in (("C", "c_naive", "c_view"), ("CPython", "py_naive", "py_view")):
        r = med(seed[(naive, big)]) / med(seed[(view, big)])
        t("at %d MiB the view loop >= 100x faster than the naive loop (%s)" % (big, lang),
          "%.0fx" % r, target_ge(r, 100))
    w("")
    if m["load_start"][0] > 0.5 * m["cores"] or load_end[0] > 0.5 * m["cores"]:
        w("Note: the machine was busy during this run (load average above); timings are noisy.")
        w("")

    with open(mdfile, "w") as f:
        f.write("\n".join(md))

    # ---- the table printed
    log("")
    log("%-62s %s" % ("benchmark", "median"))
    for mib in SEED_SIZES:
        for k, label, _ in SEED_CONTENDERS:
            log("%-62s %s" % ("seed %2d MiB  %s" % (mib, label), fmt_time(med(seed[(k, mib)]))))
    for k in ("raw-raw", "mv-raw", "raw-mv", "raw-raw1k", "raw-mv1k"):
        log("%-62s %.2f GB/s" % ("%s  %s" % (size_txt, names[k]), thr[k]))
    for mode, (cold, steady) in extra.items():
        log("%-62s %d KiB cold, %d KiB steady" % ("peak memory added by %s %s" % (size_txt, mode), cold, steady))
    for op, _, _, desc in OPS:
        raw_ns, mv_ns, py_ns, raw_ir, mv_ir, _, _ = opsres[op]
        irs = "" if raw_ir is None else ", %.1f / %.1f instr" % (raw_ir, mv_ir)
        log("%-62s %.2f / %.2f / %.1f ns%s" % ("op %s (raw / memview / CPython)" % op, raw_ns, mv_ns, py_ns, irs))
    for k in ("sendv", "each", "copy"):
        log("%-62s %s, %s sender CPU, %g calls" % ("vectored: %s" % vnames[k], fmt_time(med(vec[k]["s"])),
                                                    fmt_time(med(vec[k]["cpu"])), med(vec[k]["calls"])))
    log("")
    log("targets:")
    for name, measured, verdict in targets:
        log("  %-72s %-28s %s" % (name, measured, verdict))
    log("")
    log("wrote %s%s (%.0f s)" % (mdfile, "" if plot_note else " and " + pngfile, elapsed))


if __name__ == "__main__":
    main()
