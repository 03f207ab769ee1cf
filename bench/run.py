"""The benchmark driver behind `make bench`.

Runs every benchmark program of bench/ (built by bench/bench.mk), the
CPython contenders, callgrind and gnuplot; interleaves the contenders of
each comparison (round-robin, the order rotating each repetition); reports
medians of the repetitions and their ratios; prints a table and writes
bench/results.md, bench/scaling.png and bench/find.png.  The stride-2 bulk
figures are compared with bench/baseline_stride2.txt (the library before
the fast paths), which `make bench-baseline` writes through
`run.py --stride2-baseline BIN_DIR FILE`.

Timings are reported, never judged: the targets are stated as "met" or
"missed by X%", and the driver exits 0 whenever it measured.  It exits
non-zero only when a benchmark could not run (a program failed, or a
transfer delivered wrong bytes).

    python3 bench/run.py BIN_DIR RESULTS_MD PLOT_PNG [FIND_PNG]
    python3 bench/run.py --stride2-baseline BIN_DIR BASELINE_TXT
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
    BULK_TARGET_MS = 2        # each measurement: a batch of calls lasting this long
    BULK_REPS = 3
    SEARCH_REPS = 3
    FIND_CAP_S = 1.0          # a call longer than this is measured once, never repeated
    FIND_BUDGET_S = 1.0       # a contender stops repeating after this long in one case
    ADV_KS = [8, 64, 512, 4096, 16384]
    RECV_MIB = 2
    RECV_REPS = 3
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
    BULK_TARGET_MS = 10
    BULK_REPS = 9
    SEARCH_REPS = 9
    FIND_CAP_S = 2.0
    FIND_BUDGET_S = 3.0
    ADV_KS = [8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384]
    RECV_MIB = 16
    RECV_REPS = 9
BULK_SIZES = [4096, 65536, MIB]   # items per view
BULK_CAP_S = 2.0
BULK_BUDGET_S = 5.0
ADV_N = MIB
BASELINE_FILE = os.path.join(HERE, "baseline_stride2.txt")


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


STARTED = time.time()


def log(msg):
    if msg.startswith("  ") and msg.endswith("done"):
        msg += " (%.0f s)" % (time.time() - STARTED)
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
            # The headers count too: inline functions are defined there.
            dirty = subprocess.run(["git", "-C", top, "status", "--porcelain", "src", "include"],
                                   stdout=subprocess.PIPE, text=True).stdout.strip()
            rev = head.stdout.strip() + (" with uncommitted changes in src/ or include/" if dirty else "")
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
    # op, baseline loop, CPython statement, description, raw loop, out-of-line raw loop
    ("sub", "base_two", "v[o:e]", "mv_sub(v, off, len)  / v[off:end]", "sub_raw", "sub_call"),
    ("advance", "base_one", "v[k:]", "mv_advance(&v, k)    / v = v[k:]", "advance_raw", "advance_call"),
    ("get", "base_index", "v[j]", "mv_get(v, j)         / v[j] (j < 0 half the time)", "get_raw", "get_call"),
    ("set", "base_index", "v[j] = 7", "mv_set(v, j, x)      / v[j] = x (j < 0 half the time)", "set_raw", "set_call"),
    ("slice", "base_bounds", "v[a:b]", "mv_slice(v, a, b, MV_OMIT) / v[a:b] (bounds clamped)", "slice_raw", "slice_call"),
    ("slice1", "base_bounds", "v[a:b:1]", "mv_slice(v, a, b, 1) / v[a:b:1] (bounds clamped)", "slice_raw", "slice_call"),
    ("be32", "base_none", "unpack_from('>I', v, k)", "mv_read_be32(&cur)   / struct.unpack_from('>I', v, k)", "be32_raw", "be32_call"),
]
OPS_NAMES = {"sub": "mv_sub", "advance": "mv_advance", "get": "mv_get", "set": "mv_set",
             "slice": "mv_slice", "slice1": "mv_slice (step 1)", "be32": "mv_read_be32"}
# Instruction-count targets, memview / inline raw code.
OPS_TARGETS = {"sub": 1.5, "advance": 1.5, "get": 1.5, "set": 1.5, "slice": 2.0, "slice1": 2.0, "be32": 2.0}


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
    names = sorted({o[1] for o in OPS} | {o[4] for o in OPS} | {o[5] for o in OPS} |
                   {o[0] + "_mv" for o in OPS})
    for name in names:
        ir[name] = callgrind_ir(bindir, name, workdir)
    return ir


def python_ops():
    """ns per operation of CPython memoryview, the 'pass' statement's time subtracted."""
    setup = ("from struct import unpack_from\n"
             "v = memoryview(bytearray(4096))\n"
             "o, e, k, j, a, b = 1000, 3000, 1500, -5, -3000, 3900\n")
    stmts = [("pass", "pass")] + [(o[0], o[2]) for o in OPS]
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


# ------------------------------------------------------ receive buffer

def recvbuf(bindir):
    """fill: {contender: [seconds]}; parse: {contender: [seconds]}, records."""
    fill, parse, records = {}, {}, 0
    for mode, res in (("fill", fill), ("parse", parse)):
        out = run([os.path.join(bindir, "recvbuf"), mode, str(RECV_MIB), str(RECV_REPS)])
        for line in out.splitlines():
            parts = line.split()
            if parts and parts[0] == mode:
                res.setdefault(parts[1], []).append(float(parts[3]))
                if mode == "parse":
                    records = int(parts[4])
    return fill, parse, records


# -------------------------------------------------------- bulk and search

BULK_OPS = [
    # op, what memview calls, libc contender (contiguous), target kind
    ("tobytes", "mv_tobytes(v, dst, cap, &w)", "memcpy", "libc"),
    ("assign", "mv_assign(dst, src), no overlap", "memmove", "libc"),
    ("fill", "mv_fill(dst, x)", "memset", "libc"),
    ("equal", "mv_equal(a, b), equal contents", "memcmp", "libc"),
    ("compare", "mv_compare(a, b), equal contents", "memcmp", "libc"),
    ("ct_equal", "mv_ct_equal(a, b), equal contents", "memcmp", "ct"),
    ("ct_equal", "mv_ct_equal(a, b), equal contents", "ct_loop", "none"),
    ("index", "mv_index(v, x, 0, MV_OMIT, &pos), x only at the end", "memchr", "libc"),
    ("count", "mv_count(v, x)", "count_loop", "loop"),
    ("find", "mv_find(v, needle, &pos), 8-byte needle at the end, random bytes", "memmem", "find"),
    ("hex", "mv_hex(v, out, cap, 0, 0, &w)", "hex_loop", "loop"),
    ("buf_append", "mv_buf_resize(&b, 0) + mv_buf_append(&b, v), capacity kept", "memcpy", "libc"),
    ("read_bytes", "mv_read_bytes(&cur, dst, n)", "memcpy", "libc"),
    ("write_view", "mv_write_view(&cur, src)", "memcpy", "libc"),
]
CONTENDER_TXT = {
    "memcpy": "memcpy", "memmove": "memmove", "memset": "memset", "memcmp": "memcmp",
    "memchr": "memchr", "memmem": "memmem (glibc)", "ct_loop": "constant-time loop (OR of XORs)",
    "count_loop": "simple counting loop", "hex_loop": "simple table-lookup loop",
}
STRIDED_TXT = {
    "tobytes": "gather loop d[i] = p[i * s]", "assign": "strided copy loop", "fill": "strided store loop",
    "equal": "strided compare loop", "compare": "strided compare loop",
    "ct_equal": "strided constant-time loop", "index": "strided search loop",
    "count": "strided counting loop", "find": "strided naive search loop",
    "hex": "strided table-lookup loop", "buf_append": "gather loop into a preallocated buffer",
    "read_bytes": "gather loop", "write_view": "strided copy loop",
}


def parse_bulk(out):
    """(case, contender) -> {"ns": [...], "single": bool}; case -> info text."""
    res, info = {}, {}
    for line in out.splitlines():
        p = line.split()
        if not p:
            continue
        if p[0] == "case":
            info[p[1]] = p[2:]
            continue
        r = res.setdefault((p[0], p[1]), {"ns": [], "single": False})
        r["ns"].append(float(p[3]))
        if p[2] == "single":
            r["single"] = True
    return res, info


def bulk_table(bindir, target_ms=None, reps=None):
    out = run([os.path.join(bindir, "bulk"), "table", str(target_ms or BULK_TARGET_MS),
               str(reps or BULK_REPS), str(BULK_CAP_S), str(BULK_BUDGET_S)] +
              [str(n) for n in BULK_SIZES])
    return parse_bulk(out)[0]


def search_typical(bindir):
    out = run([os.path.join(bindir, "bulk"), "search", str(BULK_TARGET_MS), str(SEARCH_REPS),
               str(FIND_CAP_S), str(FIND_BUDGET_S)])
    return parse_bulk(out)


def search_adversarial(bindir):
    out = run([os.path.join(bindir, "bulk"), "adv", str(BULK_TARGET_MS), str(SEARCH_REPS),
               str(FIND_CAP_S), str(FIND_BUDGET_S)] + [str(k) for k in ADV_KS])
    return parse_bulk(out)


def size_txt_of(n):
    return "%d MiB" % (n // MIB) if n >= MIB else "%d KiB" % (n // 1024)


def fmt_ns(ns):
    if ns < 1e3:
        return "%.0f ns" % ns
    if ns < 1e4:
        return "%.2f us" % (ns / 1e3)
    return fmt_time(ns * 1e-9)


def read_baseline(path=BASELINE_FILE):
    """(op, n) -> (memview ns, loop ns) of the stride-2 baseline, and its header lines."""
    base, header = {}, []
    try:
        with open(path) as f:
            for line in f:
                if line.startswith("#"):
                    header.append(line[1:].strip())
                    continue
                p = line.split()
                if len(p) == 4:
                    base[(p[0], int(p[1]))] = (float(p[2]), float(p[3]))
    except OSError:
        return None, []
    return base, header


def write_baseline(bindir, path):
    """Measures the stride-2 table of the library in BIN_DIR and writes it as the baseline."""
    m = machine()
    res = bulk_table(bindir)
    lines = ["# Stride-2 bulk baseline: median ns per call of each memview operation on views",
             "# of stride 2 (memview) and of the simple strided loop run interleaved with it",
             "# (loop), as bench/bulk.c measures them.  make bench shows new / baseline.",
             "# library: %s" % os.environ.get("BENCH_LIB_REV", m["library"]),
             "# measured: %s, %s, %d cores, load %.2f at start%s" %
             (m["date"], m["cpu"], m["cores"], m["load_start"][0],
              ", BENCH_QUICK" if QUICK else ""),
             "# written by: make bench-baseline (bench/bench.mk)",
             "# op items memview_ns loop_ns"]
    seen = set()
    for op, _, _, _ in BULK_OPS:
        if op in seen:
            continue
        seen.add(op)
        for n in BULK_SIZES:
            case = "%s/stride2/%d" % (op, n)
            lines.append("%s %d %.1f %.1f" % (op, n, med(res[(case, "memview")]["ns"]),
                                              med(res[(case, "loop" if op != "ct_equal" else "ct_loop")]["ns"])))
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    log("wrote %s" % path)


def plot_find(adv, pngfile, workdir):
    datafile = os.path.join(workdir, "find.dat")
    with open(datafile, "w") as f:
        f.write("# k memview_s memmem_s (median seconds per call; needle a^k b, haystack a^n b, n = %d)\n"
                % ADV_N)
        for k in ADV_KS:
            f.write("%d %.9g %.9g\n" % (k, med(adv[("adv/%d" % k, "memview")]["ns"]) * 1e-9,
                                        med(adv[("adv/%d" % k, "memmem")]["ns"]) * 1e-9))
    if not shutil.which("gnuplot"):
        return "gnuplot not available: no plot"
    run(["gnuplot", "-e", "datafile='%s'; outfile='%s'" % (datafile, pngfile),
         os.path.join(HERE, "find.gp")])
    return None


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


def py_ratio(py_ns, mv_ns):
    """CPython / memview time; a net memview time near zero has no meaningful ratio."""
    if mv_ns <= 0.05:
        return "> %.0fx (memview below resolution)" % (py_ns / 0.05)
    return "%.0fx" % (py_ns / mv_ns)


def fmt_list(xs, f):
    return ", ".join(f(x) for x in xs)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--stride2-baseline":
        write_baseline(sys.argv[2], sys.argv[3])
        return
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    bindir, mdfile, pngfile = sys.argv[1:4]
    findpng = sys.argv[4] if len(sys.argv) == 5 else os.path.join(os.path.dirname(pngfile), "find.png")
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
    rfill, rparse, rrecords = recvbuf(bindir)
    log("  receive buffer done")
    bulk = bulk_table(bindir)
    log("  bulk operations done")
    typ, typ_info = search_typical(bindir)
    log("  typical searches done")
    adv, _ = search_adversarial(bindir)
    log("  adversarial searches done")
    baseline, base_hdr = read_baseline()
    plot_note = plot(seed, pngfile, bindir)
    find_note = plot_find(adv, findpng, bindir)
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
      "called as a user's program compiled against the installed headers calls it. The raw "
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
      "| memview / out-of-line instr | target (memview / raw instr) | CPython / memview time |")
    w("|---|---|---|---|---|---|---|---|---|---|---|---|")
    py_pass = med(py_t["pass"])
    opsres = {}
    for op, basel, _, desc, rawk, callk in OPS:
        b = med(ops_t[basel])
        raw_ns = med(ops_t[rawk]) - b
        call_ns = med(ops_t[callk]) - b
        mv_ns = med(ops_t[op + "_mv"]) - b
        py_ns = med(py_t[op]) - py_pass
        if ops_ir:
            raw_ir = (ops_ir[rawk] - ops_ir[basel]) / CG_N
            call_ir = (ops_ir[callk] - ops_ir[basel]) / CG_N
            mv_ir = (ops_ir[op + "_mv"] - ops_ir[basel]) / CG_N
            ir_txt = "%.1f | %.1f | %.1f | %.2fx | %.2fx | %s" % (
                raw_ir, call_ir, mv_ir, mv_ir / raw_ir, mv_ir / call_ir,
                "<= %gx: %s" % (OPS_TARGETS[op], target_le(mv_ir / raw_ir, OPS_TARGETS[op])))
        else:
            raw_ir = call_ir = mv_ir = None
            ir_txt = "n/a | n/a | n/a | n/a | n/a | <= %gx: not measured" % OPS_TARGETS[op]
        opsres[op] = (raw_ns, mv_ns, py_ns, raw_ir, mv_ir, call_ns, call_ir)
        w("| `%s` | %.2f | %.2f | %.2f | %.1f | %s | %s |" % (desc, raw_ns, call_ns, mv_ns, py_ns,
                                                            ir_txt, py_ratio(py_ns, mv_ns)))
    w("")
    w("*Out-of-line raw*: the raw code compiled in its own translation unit "
      "(bench/ops_outline.c) and called with a view struct of mv_view's size and layout passed "
      "by value, checking no more than the inline raw code: the difference between it and the "
      "inline raw code is what the call and the by-value struct cost; the difference between "
      "it and memview is what the library's own checks and code cost. `mv_slice(v, a, b, 1)` "
      "is measured against the same raw code as `mv_slice(v, a, b, MV_OMIT)` (a step of 1 "
      "is no step). The library functions are called as a user's program compiled against "
      "the installed headers calls them: out of line while they are defined in src/, inline "
      "once the headers define them; either way every iteration's result goes to an empty "
      "`asm volatile` that takes each field where it already is (register or memory), so "
      "the loop cannot be dropped and the sink adds no instruction to either side; `mv_set` "
      "and its raw contender store into the 4 KiB buffer.")
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

    # ---- receive buffer
    w("## The owner buffer as a receive buffer")
    w("")
    w("bench/recvbuf.c. *Filling*: %d MiB arrive over an AF_UNIX socket pair (a writer thread "
      "sends 64 KiB at a time) and are received asking for 4 KiB of room per call. memview: "
      "`mv_buf_recv(&t, &b, 4096, &got)` into a buffer that starts empty and grows "
      "geometrically (room for 4 KiB is made, then one receive fills as much of the spare "
      "capacity as arrives, so a call may take more than 4 KiB); spare: `mv_buf_spare(&b, 4096, "
      "&spare)`, `mv_recv_into(&t, spare, 4096, &got)`, `mv_buf_commit(&b, &spare, got)`, "
      "exactly 4 KiB per receive, from empty too; recv: `recv` of 4 KiB into one block of %d MiB "
      "allocated and written once before the first repetition (its pages already mapped); "
      "recv-fresh: the same into a block allocated before the clock starts and not touched (the "
      "kernel maps its pages as they fill, as it must for a growing buffer); memview-kept: "
      "`mv_buf_recv` into one buffer kept across repetitions (`mv_buf_clear` before the clock), "
      "as a server reusing its receive buffer. *Parsing*: the same amount of "
      "length-prefixed records (4-byte big-endian length, 0 to 2000 bytes) arrives 4 KiB at a "
      "time from memory; after each arrival every complete record at the front is parsed and "
      "dropped. memview takes the bytes in with `mv_buf_spare` / `mv_buf_commit`, parses an "
      "exported view with `mv_read_be32` / `mv_read_view` and drops them with "
      "`mv_buf_consume`; the hand-written loop keeps a malloc'd block grown by doubling and "
      "`memmove`s the partial record to the front after each arrival. Every run is checked "
      "(bytes received against bytes sent; records, lengths and end bytes against the ones "
      "written). Median of %d interleaved repetitions." % (RECV_MIB, RECV_MIB, RECV_REPS))
    w("")
    w("| comparison | memview | by hand | ratio | every repetition (ms), memview / by hand |")
    w("|---|---|---|---|---|")

    def recv_row(label, mine, theirs, res):
        r = med(res[mine]) / med(res[theirs])
        w("| %s | %s | %s | %.2fx | %s / %s |" %
          (label, fmt_time(med(res[mine])), fmt_time(med(res[theirs])), r,
           fmt_list(res[mine], lambda x: "%.1f" % (x * 1e3)),
           fmt_list(res[theirs], lambda x: "%.1f" % (x * 1e3))))
        return r

    fill_ratio = recv_row("fill %d MiB from empty (`mv_buf_recv`) vs recv into a mapped block" % RECV_MIB,
                          "memview", "recv", rfill)
    fill_fresh_ratio = recv_row("fill from empty (`mv_buf_recv`) vs recv into a fresh block",
                                "memview", "recv-fresh", rfill)
    recv_row("fill from empty (spare / recv_into / commit, 4 KiB each) vs recv into a mapped block",
                                "spare", "recv", rfill)
    fill_kept_ratio = recv_row("fill a kept buffer (`mv_buf_recv`) vs recv into a mapped block",
                               "memview-kept", "recv", rfill)
    parse_ratio = recv_row("parse %d records (%d MiB)" % (rrecords, RECV_MIB), "memview", "hand", rparse)
    w("")

    # ---- bulk
    bulk_verdicts = {"contiguous": [], "stride2": []}

    def cell(res, case, who):
        r = res[(case, who)]
        return med(r["ns"]), r["single"]

    def ns_txt(ns, single):
        return fmt_ns(ns) + (" (1 call, > %g s)" % BULK_CAP_S if single else "")

    w("## Bulk operations against what a user would write instead")
    w("")
    w("bench/bulk.c: each operation on views of 4 KiB, 64 KiB and 1 MiB items, against the "
      "libc call a user would write (glibc; `memmem` with `_GNU_SOURCE`) or, where libc has "
      "none, the simple loop a user would write (in bench/bulk.c, compiled with the same "
      "`-O2` flags as the rest of the benchmark, as a user's code would be). Contenders of a "
      "case run interleaved (round robin, order rotating), %d repetitions; each repetition "
      "is a batch of calls lasting about %d ms; the figure is the median time per call, "
      "measured as the thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`: time the process spent "
      "descheduled by other load on a shared machine is not counted; on a quiet machine it "
      "is the elapsed time of these CPU-bound calls). "
      "Every call's result is stored to memory behind an `asm volatile` memory barrier, so "
      "no call can be dropped, merged or hoisted; every contender's result is checked once "
      "before timing. Data: random bytes; equal / compare / ct_equal compare two equal "
      "buffers (every byte is read); index looks for the only 0xff byte, the last item; "
      "find looks for the last 8 items (no earlier copy); hex writes `2n` characters and a "
      "NUL; buf_append empties a buffer of sufficient capacity (`mv_buf_resize(&b, 0)`, which "
      "keeps the capacity) and appends the view; the cursor rows start each call from a "
      "fresh cursor over the whole view." % (BULK_REPS, BULK_TARGET_MS))
    w("")
    w("Targets, for the contiguous rows at 64 KiB and 1 MiB (4 KiB is reported only): "
      "every operation against libc <= 1.25x; `mv_ct_equal` <= 2x `memcmp` (the "
      "constant-time loop is shown for reference, without a target); `mv_count` and "
      "`mv_hex` at least as fast as the simple loop (<= 1x); `mv_find` (random bytes, "
      "8-byte needle) <= 2x `memmem`, the target of typical searches.")
    w("")
    w("### Contiguous views")
    w("")
    w("| operation | against | size | memview | contender | memview / contender | target | |")
    w("|---|---|---|---|---|---|---|---|")
    for op, what, cont, kind in BULK_OPS:
        for n in BULK_SIZES:
            case = "%s/contiguous/%d" % (op, n)
            mv, mvs = cell(bulk, case, "memview")
            c, cs = cell(bulk, case, cont)
            r = mv / c
            lim = {"libc": 1.25, "ct": 2.0, "loop": 1.0, "find": 2.0}.get(kind)
            if lim is None or n < 65536:
                tgt, verdict = ("-", "-") if lim is None else ("<= %gx at 64 KiB, 1 MiB" % lim, "-")
            else:
                tgt, verdict = "<= %gx" % lim, target_le(r, lim)
                bulk_verdicts["contiguous"].append(("%s vs %s, %s" % (op, cont, size_txt_of(n)), r, lim, verdict))
            w("| `%s` | %s | %s | %s | %s | %.2fx | %s | %s |" %
              (what, CONTENDER_TXT[cont], size_txt_of(n), ns_txt(mv, mvs), ns_txt(c, cs), r, tgt, verdict))
    w("")
    w("### Stride 2")
    w("")
    if baseline is None:
        w("No stride-2 baseline (bench/baseline_stride2.txt is missing: `make bench-baseline` "
          "writes it): the *new / baseline* column is empty.")
    else:
        w("Every view has stride 2 (the items are every other byte of a buffer twice the "
          "size); plain buffers (tobytes' and read_bytes' destination, the hex output, the "
          "owner buffer, find's 8-byte needle) are contiguous. libc has no strided calls: the "
          "contender is the simple strided loop a user would write (`p[i * stride]`, the "
          "stride a run-time value). Target: no slower than before the fast paths: *new / "
          "baseline* <= 1.00, where the baseline is bench/baseline_stride2.txt (%s). That file "
          "was measured on another occasion: compare also *memview / loop* now with the "
          "baseline's, which does not depend on the machine's speed that day; differences "
          "of a few percent are within the noise between runs." %
          "; ".join(h for h in base_hdr if h.startswith("library") or h.startswith("measured")))
    w("")
    w("| operation | against (strided loop) | size | memview | loop | memview / loop "
      "| baseline memview | baseline memview / loop | new / baseline | target | |")
    w("|---|---|---|---|---|---|---|---|---|---|---|")
    seen = set()
    for op, what, _, _ in BULK_OPS:
        if op in seen:
            continue
        seen.add(op)
        cont = "ct_loop" if op == "ct_equal" else "loop"
        for n in BULK_SIZES:
            case = "%s/stride2/%d" % (op, n)
            mv, mvs = cell(bulk, case, "memview")
            c, cs = cell(bulk, case, cont)
            if baseline is not None and (op, n) in baseline:
                bmv, bloop = baseline[(op, n)]
                rb = mv / bmv
                verdict = target_le(rb, 1.0)
                bulk_verdicts["stride2"].append(("%s, %s" % (op, size_txt_of(n)), rb, 1.0, verdict))
                btxt = "%s | %.2fx | %.2f | <= 1.00 | %s" % (fmt_ns(bmv), bmv / bloop, rb, verdict)
            else:
                btxt = "- | - | - | <= 1.00 | no baseline"
            w("| `%s` | %s | %s | %s | %s | %.2fx | %s |" %
              ("mv_" + op, STRIDED_TXT[op], size_txt_of(n), ns_txt(mv, mvs), ns_txt(c, cs),
               mv / c, btxt))
    w("")

    # ---- searching
    w("## Searching: mv_find against memmem")
    w("")
    w("glibc's `memmem` (with `_GNU_SOURCE`), interleaved with `mv_find` on the same "
      "contiguous haystack and needle, %d repetitions, median time per call (thread CPU "
      "time, as above). A contender "
      "whose single call takes more than %g s is measured once and not repeated (marked "
      "*1 call*), and one stops repeating after %g s in a case, so the run stays bounded "
      "whatever the implementation." % (SEARCH_REPS, FIND_CAP_S, FIND_BUDGET_S))
    w("")
    w("Typical: a 1 MiB haystack of text-like bytes (words of lowercase letters with "
      "English-like letter frequencies drawn from a 4000-word vocabulary with Zipf-like "
      "frequencies, separated by spaces, commas, full stops and newlines). *Present*: the "
      "latest substring ending at least 1 KiB before the end that occurs nowhere earlier; "
      "*absent*: the same with one letter changed so that it occurs nowhere. "
      "Target: <= 2x `memmem`.")
    w("")
    w("| needle | case | found at | memview | memmem | memview / memmem | target | |")
    w("|---|---|---|---|---|---|---|---|")
    find_verdicts = []

    def fcell(res, case, who):
        r = res[(case, who)]
        return med(r["ns"]), r["single"], len(r["ns"])

    def fns(ns, single):
        return fmt_ns(ns) + (" (1 call)" if single else "")

    for m_len in (4, 8, 64):
        for what in ("present", "absent"):
            case = "find/%s/%d" % (what, m_len)
            mv, mvs, _ = fcell(typ, case, "memview")
            mm, mms, _ = fcell(typ, case, "memmem")
            inf = typ_info.get(case, [])
            at = "%s of %s" % (inf[1], inf[3]) if inf and inf[0] == "position" else "absent"
            r = mv / mm
            v = target_le(r, 2.0)
            find_verdicts.append(("typical, %d-byte needle %s" % (m_len, what), r, 2.0, v))
            w("| %d bytes | %s | %s | %s | %s | %.2fx | <= 2x | %s |" %
              (m_len, what, at, fns(mv, mvs), fns(mm, mms), r, v))
    w("")
    w("Adversarial: needle `a`^k `b` in haystack `a`^n `b`, n = %d (1 MiB): found at n - k "
      "after every shorter window has matched up to its last byte. Target: <= 3x `memmem`." % ADV_N)
    w("")
    w("| k | memview | memmem | memview / memmem | memview calls timed | target | |")
    w("|---|---|---|---|---|---|---|")
    for k in ADV_KS:
        case = "adv/%d" % k
        mv, mvs, mvn = fcell(adv, case, "memview")
        mm, mms, _ = fcell(adv, case, "memmem")
        r = mv / mm
        v = target_le(r, 3.0)
        find_verdicts.append(("adversarial, k = %d" % k, r, 3.0, v))
        w("| %d | %s | %s | %.1fx | %s | <= 3x | %s |" %
          (k, fns(mv, mvs), fns(mm, mms), r, "1 (> %g s per call)" % FIND_CAP_S if mvs else
           "%d batches" % mvn, v))
    w("")
    w("![mv_find and memmem against the needle length, log-log](find.png)"
      if find_note is None else find_note)
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
    for op, lim in sorted(OPS_TARGETS.items(), key=lambda kv: [o[0] for o in OPS].index(kv[0])):
        raw_ir, mv_ir = opsres[op][3], opsres[op][4]
        if raw_ir is None:
            t("%s <= %gx the instructions of raw code" % (OPS_NAMES[op], lim), "not measured (no valgrind)", "-")
        else:
            r = mv_ir / raw_ir
            call_ir = opsres[op][6]
            t("%s <= %gx the instructions of raw code" % (OPS_NAMES[op], lim),
              "%.2fx (%.1f vs %.1f; %.2fx the out-of-line raw call's %.1f)" %
              (r, mv_ir, raw_ir, mv_ir / call_ir, call_ir), target_le(r, lim))
    for op, what in (("slice", "slicing"), ("get", "indexing")):
        if opsres[op][1] <= 0.05:
            t("%s >= 50x faster than CPython memoryview" % what,
              "memview %.2f ns: below the loop's resolution (CPython %.1f ns)" %
              (opsres[op][1], opsres[op][2]), "met")
            continue
        r = opsres[op][2] / opsres[op][1]
        t("%s >= 50x faster than CPython memoryview" % what,
          "%.0fx (%.2f ns vs %.1f ns)" % (r, opsres[op][1], opsres[op][2]), target_ge(r, 50))
    big = SEED_SIZES[-1]
    for lang, naive, view in (("C", "c_naive", "c_view"), ("CPython", "py_naive", "py_view")):
        r = med(seed[(naive, big)]) / med(seed[(view, big)])
        t("at %d MiB the view loop >= 100x faster than the naive loop (%s)" % (big, lang),
          "%.0fx" % r, target_ge(r, 100))

    def group(name, items, what):
        if not items:
            t(name, "not measured (%s)" % what, "-")
            return
        missed = [(n, r, lim) for n, r, lim, v in items if v != "met"]
        worst = max(items, key=lambda x: x[1] / x[2])
        measured = "%d of %d met; worst %s: %.2fx" % (len(items) - len(missed), len(items),
                                                      worst[0], worst[1])
        if not missed:
            t(name, measured, "met")
        else:
            t(name, measured, "missed: " + "; ".join("%s %.2fx (by %.1f%%)" % (n, r, (r / lim - 1) * 100)
                                                     for n, r, lim in missed))

    t("filling %d MiB through 4 KiB mv_buf_recv calls from an empty buffer <= 1.5x recv into a "
      "preallocated, already mapped block" % RECV_MIB, "%.2fx" % fill_ratio, target_le(fill_ratio, 1.5))
    t("the same against a preallocated block not yet mapped (both map the pages they fill)",
      "%.2fx" % fill_fresh_ratio, target_le(fill_fresh_ratio, 1.5))
    t("a receive buffer kept across messages (mv_buf_clear) <= 1.5x recv into a mapped block",
      "%.2fx" % fill_kept_ratio, target_le(fill_kept_ratio, 1.5))
    group("contiguous bulk operations at 64 KiB and 1 MiB: <= 1.25x libc; mv_ct_equal <= 2x memcmp; "
          "mv_count, mv_hex <= 1x the simple loop; mv_find <= 2x memmem",
          bulk_verdicts["contiguous"], "")
    group("stride 2 no slower than the baseline (new / baseline <= 1.00)", bulk_verdicts["stride2"],
          "no baseline file")
    group("mv_find typical searches <= 2x memmem",
          [x for x in find_verdicts if x[0].startswith("typical")], "")
    group("mv_find adversarial searches (a^k b in a^n b) <= 3x memmem",
          [x for x in find_verdicts if x[0].startswith("adversarial")], "")
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
    for op, _, _, desc, _, _ in OPS:
        raw_ns, mv_ns, py_ns, raw_ir, mv_ir, _, _ = opsres[op]
        irs = "" if raw_ir is None else ", %.1f / %.1f instr" % (raw_ir, mv_ir)
        log("%-62s %.2f / %.2f / %.1f ns%s" % ("op %s (raw / memview / CPython)" % op, raw_ns, mv_ns, py_ns, irs))
    for k in ("sendv", "each", "copy"):
        log("%-62s %s, %s sender CPU, %g calls" % ("vectored: %s" % vnames[k], fmt_time(med(vec[k]["s"])),
                                                    fmt_time(med(vec[k]["cpu"])), med(vec[k]["calls"])))
    seen = set()
    for op, _, cont, _ in BULK_OPS:
        rows = [("contiguous", cont)]
        if op not in seen:
            seen.add(op)
            rows.append(("stride2", "ct_loop" if op == "ct_equal" else "loop"))
        for lay, c2 in rows:
            log("%-62s %s" % ("bulk %s %s memview/%s" % (op, lay, c2), ", ".join(
                "%s %.2fx" % (size_txt_of(n), med(bulk[("%s/%s/%d" % (op, lay, n), "memview")]["ns"]) /
                              med(bulk[("%s/%s/%d" % (op, lay, n), c2)]["ns"])) for n in BULK_SIZES)))
    for m_len in (4, 8, 64):
        for what in ("present", "absent"):
            case = "find/%s/%d" % (what, m_len)
            log("%-62s %s / %s" % ("find %d-byte needle %s (memview / memmem)" % (m_len, what),
                                   fmt_ns(med(typ[(case, "memview")]["ns"])),
                                   fmt_ns(med(typ[(case, "memmem")]["ns"]))))
    for k in ADV_KS:
        case = "adv/%d" % k
        log("%-62s %s / %s%s" % ("find a^%d b in a^n b (memview / memmem)" % k,
                                 fmt_ns(med(adv[(case, "memview")]["ns"])),
                                 fmt_ns(med(adv[(case, "memmem")]["ns"])),
                                 " (memview: 1 call)" if adv[(case, "memview")]["single"] else ""))
    log("")
    log("targets:")
    for name, measured, verdict in targets:
        log("  %-72s %-28s %s" % (name, measured, verdict))
    log("")
    log("wrote %s%s%s (%.0f s)" % (mdfile, "" if plot_note else " and " + pngfile,
                                   "" if find_note else " and " + findpng, elapsed))


if __name__ == "__main__":
    main()
