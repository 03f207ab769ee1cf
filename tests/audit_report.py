#!/usr/bin/env python3
"""audit_report.py — the audit page: build/report/index.html.

    python3 tests/audit_report.py [--out DIR] [--wp DIR] [--cov-build DIR] [--cflags FLAGS]

Run by `make report` (tests/report.mk) from the top directory once `make
prove` and `make coverage` have left their outputs.  It writes one static
page, readable from the file system without a network: a header (commit,
tool versions, totals), what needs attention, and one row per public
function with its contract's behaviors, its proof, its coverage, the fuzz
harnesses, unit tests and conformance vectors that exercise it, and the
trusted contracts it depends on.  Every figure is read from a file a
target wrote or computed from the sources; the page says how for each.

Sources of each column:
- the public functions and their behaviors: the headers of include/,
  parsed here as a C compiler sees them without __FRAMAC__ (mv__ names
  are the inline definitions' out-of-line paths, outside the API);
- the proof: build/wp/N/report.json, added up as contracts/proof_summary.py
  adds them (imported, so the figures equal build/wp/proof-summary.txt);
  prover time from build/wp/N/prove.log;
- which function calls which: gcc's own call graph (-fcallgraph-info) of
  every source, test and harness, compiled at -O0 without builtins so that
  every call in the source is a call in the graph;
- coverage: the lcov tracefile of `make coverage`, cut at each function's
  first and last line as gcov reports them;
- fuzz reach: each harness's corpus replayed again with the coverage
  build's replayer, its counters written apart (GCOV_PREFIX), and the
  functions it executed read back with gcov.
"""
import argparse
import datetime
import glob
import html
import json
import os
import platform
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "contracts"))
import proof_summary  # noqa: E402  (the proof's own adder, not a copy of it)

PUBLIC_HEADERS = ["include/memview.h", "include/memview_sim.h"]
TRUSTED_HEADERS = "contracts/*.h"
TOOLS = ["frama-c", "why3", "z3", "cvc4", "clang", "gcc", "lcov", "python3"]
INTERNAL_PREFIX = "mv__"


# ------------------------------------------------------------ small helpers

def rel(path):
    """path relative to the top directory (the page names no machine path)."""
    path = os.path.abspath(path)
    return os.path.relpath(path, ROOT) if path.startswith(ROOT + os.sep) else path


def read(path):
    with open(os.path.join(ROOT, path), encoding="utf-8", errors="replace") as f:
        return f.read()


def run(cmd, **kw):
    """stdout of a command run from the top directory; raises on failure."""
    return subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True, **kw).stdout


def percent(hit, found):
    return 100.0 if found == 0 else 100.0 * hit / found


def esc(text):
    return html.escape(str(text), quote=True)


# ------------------------------------------- C text: what a compiler sees

class Preprocessor:
    """Decides which #if branches a C compiler takes when __FRAMAC__ and
    __cplusplus are not defined: enough for the project's own headers,
    whose conditions test only those and the include guards."""

    ALWAYS = {"__GNUC__", "__STDC__", "__STDC_VERSION__"}

    def __init__(self):
        self.defined = set(self.ALWAYS)
        self.stack = []   # (enclosing active, a branch already taken)
        self.active = True

    def value(self, expr):
        expr = re.sub(r"defined\s*\(\s*(\w+)\s*\)|defined\s+(\w+)",
                      lambda m: "1" if (m.group(1) or m.group(2)) in self.defined else "0", expr)
        expr = re.sub(r"\b(\d+)[uUlL]+\b", r"\1", expr)
        expr = expr.replace("&&", " and ").replace("||", " or ")
        expr = re.sub(r"!(?!=)", " not ", expr)
        expr = re.sub(r"\b[A-Za-z_]\w*\b",
                      lambda m: m.group(0) if m.group(0) in ("and", "or", "not") else "0", expr)
        try:
            return bool(eval(expr, {"__builtins__": {}}))  # only 0, 1 and logic remain
        except SyntaxError:
            raise ValueError("cannot evaluate #if %s" % expr)

    def directive(self, line):
        m = re.match(r"#\s*(\w+)\s*(.*)", line.strip())
        if not m:
            return
        word, rest = m.group(1), re.sub(r"/\*.*?\*/|//.*", "", m.group(2)).strip()
        if word in ("if", "ifdef", "ifndef"):
            cond = {"if": lambda: self.value(rest), "ifdef": lambda: rest in self.defined,
                    "ifndef": lambda: rest not in self.defined}[word]() if self.active else False
            self.stack.append((self.active, cond))
            self.active = self.active and cond
        elif word == "elif":
            outer, taken = self.stack[-1]
            cond = outer and not taken and self.value(rest)
            self.stack[-1] = (outer, taken or cond)
            self.active = cond
        elif word == "else":
            outer, taken = self.stack[-1]
            self.stack[-1] = (outer, True)
            self.active = outer and not taken
        elif word == "endif":
            self.active = self.stack.pop()[0]
        elif word == "define" and self.active:
            self.defined.add(re.match(r"\w+", rest).group(0))


def top_level_items(text):
    """The file's top-level items as (kind, text, line): "acsl" for a /*@ */
    comment, "doc" for another block comment, "decl" for a statement ended
    by ';', "def" for a function head followed by its body.  Inactive
    preprocessor branches and directives are skipped; comments inside a
    statement are dropped from its text."""
    pp = Preprocessor()
    items, stmt, stmt_line = [], [], 1
    depth, in_body, line, i, n = 0, False, 1, 0, len(text)
    at_line_start = True
    while i < n:
        c = text[i]
        if at_line_start and c in " \t":
            i += 1
            continue
        if at_line_start and c == "#":
            end = i
            while True:
                end = text.find("\n", end)
                if end == -1:
                    end = n
                    break
                if text[end - 1] != "\\":
                    break
                end += 1
            pp.directive(text[i:end].replace("\\\n", " "))
            line += text.count("\n", i, end)
            i = end
            continue
        at_line_start = False
        if c == "\n":
            line += 1
            at_line_start = True
            if pp.active and depth == 0:
                stmt.append(" ")
            i += 1
            continue
        if not pp.active:
            i += 1
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end == -1 else end + 2
            body = text[i:end]
            if depth == 0:
                items.append(("acsl" if body.startswith("/*@") else "doc", body, line))
            line += body.count("\n")
            stmt.append(" ")
            i = end
            continue
        if text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end == -1 else end
            continue
        if c in "\"'":
            end = i + 1
            while end < n and text[end] != c:
                end += 2 if text[end] == "\\" else 1
            if depth == 0:
                stmt.append(text[i:end + 1])
            i = end + 1
            continue
        if c == "{":
            if depth == 0:
                head = "".join(stmt).strip()
                in_body = head.endswith(")")
                if in_body:
                    items.append(("def", head, stmt_line))
                    stmt = []
                else:
                    stmt.append("{")
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                if in_body:
                    in_body = False
                    stmt = []
                else:
                    stmt.append("}")
        elif depth == 0:
            if c == ";":
                items.append(("decl", "".join(stmt).strip(), stmt_line))
                stmt = []
            else:
                if not "".join(stmt).strip():
                    stmt_line = line
                stmt.append(c)
        i += 1
    return items


FUNCTION = re.compile(r"^(?P<head>[\w\s\*]*?)\b(?P<name>[A-Za-z_]\w*)\s*\((?P<params>.*)\)$", re.S)


def function_of(code):
    """(name, signature) when a top-level statement declares or defines a
    function, else None."""
    code = " ".join(code.split())
    if code.startswith(("typedef", "struct", "enum", "union", "#")) or "=" in code:
        return None
    m = FUNCTION.match(code)
    if not m or not m.group("head").strip():
        return None
    return m.group("name"), code


def declared_functions(path):
    """Every function declared or defined at the top level of one header:
    dicts with name, file, line, signature, contract (its ACSL comment or
    ""), doc (the comment before it)."""
    found, contract, docs, every_doc = [], "", [], []
    for kind, text, line in top_level_items(read(path)):
        if kind == "acsl":
            contract = text
        elif kind == "doc":
            docs.append(text)
            every_doc.append(text)
            contract = ""
        else:
            fn = function_of(text)
            if fn:
                found.append({"name": fn[0], "file": path, "line": line, "signature": fn[1],
                              "contract": contract, "doc": doc_of(fn[0], docs, every_doc),
                              "definition": kind == "def"})
            contract, docs = "", []
    return found


def doc_of(name, docs, earlier):
    """The comment that documents a function: the one before it that opens
    with its name (headers write "NAME: what it does"), else an earlier one
    that opens with a list of names holding it ("mv_strip, mv_lstrip: ..."),
    else the last one before it."""
    for doc in docs:
        if re.match(r"/\*+\s*%s\b" % re.escape(name), doc):
            return doc
    for doc in reversed(earlier):
        head = re.match(r"/\*+\s*((?:mv_\w+,?\s*(?:and\s+)?)+):", doc)
        if head and name in re.findall(r"mv_\w+", head.group(1)):
            return doc
    return docs[-1] if docs else ""


def public_header_files():
    concern = sorted(glob.glob(os.path.join(ROOT, "include/memview/*.h")))
    return PUBLIC_HEADERS + [rel(p) for p in concern]


def public_functions():
    """The functions users can call: every function the public headers
    declare, except the mv__ out-of-line paths of the inline definitions.
    One entry per name, the declaration that carries the contract first."""
    by_name = {}
    for header in public_header_files():
        for fn in declared_functions(header):
            if fn["name"].startswith(INTERNAL_PREFIX) or not fn["name"].startswith("mv_"):
                continue
            known = by_name.get(fn["name"])
            if known is None or (not known["contract"] and fn["contract"]):
                by_name[fn["name"]] = fn
    return sorted(by_name.values(), key=lambda f: (public_header_files().index(f["file"]), f["line"]))


def purpose(doc, name):
    """The first sentence of a function's doc comment, without its name."""
    text = " ".join(re.sub(r"^\s*/?\*+/?", "", l) for l in doc.strip("/*").splitlines()).strip()
    text = re.sub(r"^%s\s*:\s*" % re.escape(name), "", " ".join(text.split()))
    m = re.match(r"(.+?[.;])(\s|$)", text)
    return (m.group(1) if m else text)[:200]


BEHAVIOR = re.compile(r"\bbehavior\s+(\w+)\s*:")
RESULT_STATUS = re.compile(r"\\result\s*==\s*(MV_[A-Z]+)|(MV_[A-Z]+)\s*==\s*\\result")
RESULT_CLAUSE = re.compile(r"ensures\s+(?:\w+\s*:)?\s*([^;]*\\result[^;]*);")


PREDICATE = re.compile(r"\bpredicate\s+(\w+)\s*(?:\{[^}]*\})?\s*(?:\([^)]*\))?\s*=\s*(.*?);", re.S)
PREDICATE_CALL = re.compile(r"^\s*(\w+)\s*(?:\{[^}]*\})?\s*\(.*\\result.*\)\s*$", re.S)


def predicate_statuses():
    """{predicate: the MV_ statuses its definition names} over contracts/*.acsl."""
    found = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "contracts/*.acsl"))):
        for name, body in PREDICATE.findall(read(rel(path))):
            found[name] = re.findall(r"\bMV_[A-Z]+\b", body)
    return found


def statuses(text, predicates):
    """The statuses \\result is compared with in a piece of contract, and
    those of a predicate applied to \\result as a whole ensures clause or one
    alternative (||) of it, as mv_find_no_table(v, sep, \\result) states
    MV_ENOMEM."""
    seen = [a or b for a, b in RESULT_STATUS.findall(text)]
    for clause in re.findall(r"ensures\s+(?:\w+\s*:)?([^;]*);", text):
        for alternative in clause.split("||"):
            call = PREDICATE_CALL.match(alternative)
            if call:
                seen += predicates.get(call.group(1), [])
    return [s for i, s in enumerate(seen) if s not in seen[:i]]


def contract_summary(contract, predicates):
    """The named behaviors of a contract, each with the statuses its
    ensures clauses say \\result may take (or its \\result clause when it
    names no status), and whether the behaviors are complete and disjoint."""
    body = contract.strip("/*@").rstrip("*/")
    parts = BEHAVIOR.split(body)
    behaviors = []
    for k in range(1, len(parts), 2):
        text = re.split(r"\bcomplete\s+behaviors|\bdisjoint\s+behaviors", parts[k + 1])[0]
        clause = RESULT_CLAUSE.search(text)
        behaviors.append({"name": parts[k], "statuses": statuses(text, predicates),
                          "result": " ".join(clause.group(1).split()) if clause else ""})
    plain = RESULT_CLAUSE.search(parts[0]) if contract else None
    return {"behaviors": behaviors,
            "complete": bool(re.search(r"\bcomplete\s+behaviors", body)),
            "disjoint": bool(re.search(r"\bdisjoint\s+behaviors", body)),
            "statuses": statuses(parts[0], predicates),
            "result": " ".join(plain.group(1).split()) if plain else "",
            "has_contract": bool(contract)}


def trusted_functions():
    """The contracts taken on trust: every function declared in contracts/*.h."""
    found = {}
    for path in sorted(glob.glob(os.path.join(ROOT, TRUSTED_HEADERS))):
        for fn in declared_functions(rel(path)):
            found.setdefault(fn["name"], fn)
    return found


# ----------------------------------------------------------------- proof

GOAL_LINE = re.compile(r"^\[wp\] \[([^\]]+)\] Goal typed_(\w+) : (\w+)(.*)$")
TIME = re.compile(r"\((?:Qed:)?([\d.]+)(ms|s)\)")


def load_proof(wp_dir):
    """The WP reports of `make prove`: rows {name: [proved, total, {prover:
    goals}]} (lemmas under "(lemma) NAME"), the provers' versions, and the
    goals whose status is not valid."""
    reports = sorted(glob.glob(os.path.join(wp_dir, "*", "report.json")))
    rows, provers, open_goals = {}, set(), []
    for path in reports:
        with open(path) as f:
            report = json.load(f)
        proof_summary.merge(rows, proof_summary.summarise(report))
        provers.update(k for k in report.get("wp:global", {}) if ":" in k and not k.startswith("wp:"))
        open_goals += unproved_properties(report)
    return {"rows": rows, "reports": [rel(p) for p in reports], "provers": sorted(provers),
            "open": open_goals}


def unproved_properties(report):
    """(function, property, proved, total) of every property not fully valid."""
    found = []
    for name, props in report.get("wp:functions", {}).items():
        for prop, stats in props.items():
            main = stats.get("wp:main", {})
            if prop != "wp:section" and main.get("valid", 0) < main.get("total", 0):
                found.append((proof_summary.base_name(name), prop, main.get("valid", 0), main["total"]))
    return found


def proof_times(wp_dir, names):
    """Seconds of Qed and prover time the logs report per function (every
    pass; a cached result reports the time of the run that proved it),
    and how many of its goal lines came from the cache.  A goal
    typed_F_... belongs to the longest function name F that prefixes it
    (WP writes mv__x there as mv__x or as mv_x)."""
    forms = {(form, n) for n in names for form in (n, n.replace("__", "_"))}
    keys = sorted(forms, key=lambda k: (-len(k[0]), k[0] != k[1]))
    seconds, cached = {}, {}
    for log in sorted(glob.glob(os.path.join(wp_dir, "*", "prove.log"))):
        with open(log, encoding="utf-8", errors="replace") as f:
            for line in f:
                m = GOAL_LINE.match(line)
                if not m:
                    continue
                goal = m.group(2)
                owner = "(lemmas)" if goal.startswith("lemma_") else next(
                    (n for k, n in keys if goal.startswith(k + "_")), None)
                if owner is None:
                    continue
                t = sum(float(v) / (1000 if u == "ms" else 1) for v, u in TIME.findall(m.group(4)))
                seconds[owner] = seconds.get(owner, 0.0) + t
                if "(cached)" in m.group(4):
                    cached[owner] = cached.get(owner, 0) + 1
    return seconds, cached


# ------------------------------------------------------------ call graph

CI_NODE = re.compile(r'^node: \{ title: "([^"]+)" label: "([^"\\]+)(?:\\n([^:"]+):(\d+):\d+)?"')
CI_EDGE = re.compile(r'^edge: \{ sourcename: "([^"]+)" targetname: "([^"]+)"')


def callgraph_of(source, cflags, work):
    """gcc's call graph of one translation unit: (defined, edges), defined
    mapping each function the unit emits to the file and line of its
    definition, edges (caller, callee) by plain name (a static function
    and its copies in other units share a name)."""
    stem = os.path.join(work, source.replace("/", "_").rsplit(".", 1)[0])
    subprocess.run(["gcc"] + cflags + ["-O0", "-fno-builtin", "-fcallgraph-info", "-w",
                                       "-c", source, "-o", stem + ".o"],
                   cwd=ROOT, check=True, capture_output=True, text=True)
    defined, edges, names = {}, set(), {}
    with open(stem + ".ci") as f:
        for line in f:
            node = CI_NODE.match(line)
            if node:
                title, name, file, at = node.groups()
                names[title] = title if " " in name else name
                if not line.rstrip().endswith("shape : ellipse }") and file:
                    defined[names[title]] = (file, int(at))
                continue
            edge = CI_EDGE.match(line)
            if edge:
                edges.add(edge.groups())
    plain = {(names.get(a, a.rsplit(":", 1)[-1]), names.get(b, b.rsplit(":", 1)[-1])) for a, b in edges}
    return defined, plain


def library_graph(cflags, work):
    """The call graph of libmemview and libmemview_sim: {caller: {callees}}
    and where each function is defined."""
    calls, where = {}, {}
    for source in sorted(glob.glob("src/*.c", root_dir=ROOT) + glob.glob("src/sim/*.c", root_dir=ROOT)):
        defined, edges = callgraph_of(source, cflags, work)
        for name, place in defined.items():
            where.setdefault(name, place)
        for a, b in edges:
            calls.setdefault(a, set()).add(b)
    return calls, where


def reached_from_unit(source, cflags, work, public):
    """The public functions one test or harness source calls: reached from
    the functions defined in that file itself, through the helpers its unit
    compiles (shared test headers), stopping at public functions."""
    defined, edges = callgraph_of(source, cflags, work)
    calls = {}
    for a, b in edges:
        calls.setdefault(a, set()).add(b)
    todo = [n for n, (file, _) in defined.items() if file == source]
    seen, found = set(todo), set()
    while todo:
        for callee in calls.get(todo.pop(), ()):
            if callee in public:
                found.add(callee)
            elif callee in defined and callee not in seen:
                seen.add(callee)
                todo.append(callee)
    return found


def without_comments(text):
    """C text with its comments blanked, line numbers kept."""
    return re.sub(r"/\*.*?\*/|//[^\n]*", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)


def address_takers(names, extents):
    """{name: functions that use it other than by calling it} over src/: the
    functions a transport's callbacks are installed by, for one."""
    found = {}
    for path in sorted(glob.glob("src/**/*.[ch]", root_dir=ROOT, recursive=True)):
        for number, line in enumerate(without_comments(read(path)).splitlines(), 1):
            for name in names:
                if re.search(r"\b%s\b(?!\s*\()" % re.escape(name), line):
                    holder = next((n for n, (f, a, b) in extents.items() if f == path and a <= number <= b), None)
                    if holder:
                        found.setdefault(name, set()).add(holder)
    return found


def closure(start, calls, stop):
    """Every function reachable from start's callees, not going past a
    function for which stop(name) holds (those are included)."""
    seen, todo = set(), list(calls.get(start, ()))
    while todo:
        name = todo.pop()
        if name in seen or name == start:
            continue
        seen.add(name)
        if not stop(name):
            todo.extend(calls.get(name, ()))
    return seen


# --------------------------------------------------------------- coverage

def read_tracefile(path):
    """An lcov tracefile as {file: {"da": {line: hits}, "br": {(line, block,
    branch): taken or None}}}, records of the same file added together."""
    files, current = {}, None
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("SF:"):
                current = files.setdefault(rel(line[3:]), {"da": {}, "br": {}})
            elif line.startswith("DA:") and current is not None:
                at, hits = line[3:].split(",")[:2]
                current["da"][int(at)] = current["da"].get(int(at), 0) + int(hits)
            elif line.startswith("BRDA:") and current is not None:
                at, block, branch, taken = line[5:].split(",")
                key = (int(at), block, branch)
                old = current["br"].get(key)
                new = None if taken == "-" else int(taken)
                current["br"][key] = new if old is None else old + (new or 0)
    return files


def gcov_functions(gcda_files):
    """Every function gcov knows from these counter files: {(file, name):
    (first line, last line, executions)}."""
    found = {}
    for gcda in gcda_files:
        out = subprocess.run(["gcov", "--json-format", "--stdout", os.path.basename(gcda)],
                             cwd=os.path.dirname(gcda), check=True, capture_output=True, text=True).stdout
        for doc in out.splitlines():
            if not doc.strip():
                continue
            for f in json.loads(doc)["files"]:
                for fn in f["functions"]:
                    key = (f["file"], fn["name"])
                    first, last, runs = found.get(key, (fn["start_line"], fn["end_line"], 0))
                    found[key] = (first, last, runs + fn["execution_count"])
    return found


def function_extents(cov_build):
    """{name: (file, first line, last line)} of every function of the
    coverage build, from gcov's reading of its counter files."""
    gcda = glob.glob(os.path.join(cov_build, "lib", "**", "*.gcda"), recursive=True)
    return {name: (file, a, b) for (file, name), (a, b, _) in gcov_functions(gcda).items()}


def function_coverage(extent, gated, ungated):
    """Line and branch counts of one function's extent: (lines hit, lines,
    branches taken, branches, uncovered line numbers, gated)."""
    file, first, last = extent
    data = gated.get(file) or ungated.get(file)
    if data is None:
        return None
    lines = {l: h for l, h in data["da"].items() if first <= l <= last}
    branches = [t for (l, _, _), t in data["br"].items() if first <= l <= last]
    return {"lines_hit": sum(1 for h in lines.values() if h > 0), "lines": len(lines),
            "br_hit": sum(1 for t in branches if t), "branches": len(branches),
            "gated": file in gated, "file": file}


def uncovered(files, extents):
    """Lines never run and branches never taken, with the function holding them."""
    owner = {}
    for name, (file, first, last) in extents.items():
        owner.setdefault(file, []).append((first, last, name))

    def holder(file, at):
        return next((n for a, b, n in owner.get(file, []) if a <= at <= b), "?")

    lines, branches = [], {}
    for file, data in sorted(files.items()):
        lines += [(file, at, holder(file, at)) for at, h in sorted(data["da"].items()) if h == 0]
        for (at, _, _), taken in sorted(data["br"].items()):
            entry = branches.setdefault((file, at), [holder(file, at), 0, 0])
            entry[2] += 1
            if not taken:
                entry[1] += 1
    return lines, [(f, at, n, miss, total) for (f, at), (n, miss, total) in sorted(branches.items()) if miss]


# ------------------------------------------------------------ fuzz reach

def harness_names():
    return sorted(os.path.basename(p)[5:-2] for p in glob.glob(os.path.join(ROOT, "fuzz/fuzz_*.c")))


def corpus_files(folder):
    """The inputs the replayer reads from a folder: regular files, README.md skipped."""
    found = []
    for base, _, names in os.walk(os.path.join(ROOT, folder)):
        found += [os.path.join(base, n) for n in names if n != "README.md"]
    return found


def fuzz_reach(name, cov_build, work):
    """The functions a harness executes over its corpus and regression
    inputs: the coverage build's replayer run again with its counters
    written under work/NAME (GCOV_PREFIX), then read back with gcov."""
    replayer = os.path.join(cov_build, "fuzz", "replay_" + name)
    out = os.path.join(work, name)
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    inputs = [p for p in ("corpus/" + name, "corpus/regressions/" + name)
              if os.path.isdir(os.path.join(ROOT, p))]
    result = subprocess.run([replayer] + inputs, cwd=ROOT, capture_output=True, text=True,
                            env=dict(os.environ, GCOV_PREFIX=os.path.abspath(out)))
    last = (result.stdout.strip().splitlines() or ["no output"])[-1]
    gcda = glob.glob(os.path.join(out, "**", "*.gcda"), recursive=True)
    for counters in gcda:
        # The replayer wrote out + /abs/path/X.gcda; gcov wants X.gcno beside it.
        shutil.copyfile("/" + os.path.relpath(counters, out)[:-5] + ".gcno", counters[:-5] + ".gcno")
    executed = {fn for (_, fn), (_, _, runs) in gcov_functions(gcda).items() if runs > 0}
    return {"executed": executed, "replay": last, "status": result.returncode, "inputs": inputs}


# ---------------------------------------------------- conformance vectors

def vector_ops(line):
    """The public functions a vector line's operations name: op=NAME is
    mv_NAME (op=hex also checks mv_hex_size's answer, key size=), each of
    ops=A,B is mv_A, mv_B, and each step of a seq line is mv_buf_STEP
    (set: mv_set).  The view chains (v=, w=) are not counted."""
    line = line.strip()
    if not line or line.startswith("#"):
        return []
    if line.startswith("seq "):
        steps = [s.split()[0] for s in line[4:].split(" | ") if s.split()]
        return ["mv_set" if s == "set" else "mv_buf_" + s for s in steps]
    names = []
    for word in line.split(" => ")[0].split():
        if word.startswith("op="):
            op = word[3:].split(":")[0]
            names.append("mv_" + op)
            if op == "hex":
                names.append("mv_hex_size")
        elif word.startswith("ops="):
            names += ["mv_" + o.split(":")[0] for o in word[4:].split(",")]
    return names


def count_vectors(paths, public):
    """{function: lines naming it} over vector files, and the op names that
    name no public function."""
    counts, strangers = {}, set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                for name in set(vector_ops(line)):
                    if name in public:
                        counts[name] = counts.get(name, 0) + 1
                    else:
                        strangers.add(name)
    return counts, strangers


# ----------------------------------------------------- machine and inputs

def tool_version(tool):
    """(version, how it was found): the Debian package owning the tool,
    else the tool's own --version (python3: this interpreter)."""
    if tool == "python3":
        return platform.python_version(), "the interpreter running this report"
    path = shutil.which(tool)
    if path is None:
        return "not installed", ""
    real = os.path.realpath(path)
    owner = subprocess.run(["dpkg", "-S", real], capture_output=True, text=True)
    if owner.returncode == 0:
        package = owner.stdout.split(":")[0]
        version = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", package],
                                 capture_output=True, text=True).stdout.strip()
        return version, "Debian package " + package
    out = subprocess.run([path, "--version"], capture_output=True, text=True).stdout
    return (out.strip().splitlines() or ["?"])[0], tool + " --version"


def commit():
    try:
        head = run(["git", "rev-parse", "HEAD"]).strip()
        dirty = run(["git", "status", "--porcelain", "--untracked-files=no"]).strip()
    except (subprocess.CalledProcessError, FileNotFoundError):
        return "not a git checkout", False
    return head, bool(dirty)


def suite_totals(cov_build):
    """(suites, passed, failed) from the last lines of the coverage run's suite logs."""
    suites = passed = failed = 0
    for log in sorted(glob.glob(os.path.join(cov_build, "logs", "*.log"))):
        with open(log, encoding="utf-8", errors="replace") as f:
            lines = f.read().strip().splitlines()
        m = re.match(r"^(\d+) passed, (\d+) failed$", lines[-1] if lines else "")
        suites += 1
        if m:
            passed += int(m.group(1))
            failed += int(m.group(2))
        else:
            failed += 1
    return suites, passed, failed


def newest(patterns):
    """(mtime, path) of the newest file matching any pattern."""
    best = (0.0, "")
    for pattern in patterns:
        for path in glob.glob(os.path.join(ROOT, pattern), recursive=True):
            if os.path.isfile(path):
                best = max(best, (os.path.getmtime(path), rel(path)))
    return best


def stamp(t):
    return datetime.datetime.fromtimestamp(t).strftime("%Y-%m-%d %H:%M")


# ---------------------------------------------------------- the analysis

def analyse(args):
    """Everything the page shows, as plain data."""
    cflags = args.cflags.split()
    work = os.path.join(args.out, "work")
    os.makedirs(os.path.join(work, "cg"), exist_ok=True)
    functions = public_functions()
    public = {f["name"] for f in functions}
    trusted = trusted_functions()
    proof = load_proof(args.wp)
    fn_rows = {n: r for n, r in proof["rows"].items() if not n.startswith("(lemma) ")}
    seconds, cached = proof_times(args.wp, list(fn_rows))
    calls, where = library_graph(cflags, os.path.join(work, "cg"))
    gated = read_tracefile(args.tracefile)
    ungated = {f: d for f, d in read_tracefile(args.all_tracefile).items()
               if f not in gated and not f.startswith("/")} if os.path.exists(args.all_tracefile) else {}
    extents = function_extents(args.cov_build)
    harnesses = {}
    for h in harness_names():
        reach = fuzz_reach(h, args.cov_build, os.path.join(work, "reach"))
        reach["direct"] = reached_from_unit("fuzz/fuzz_%s.c" % h, cflags, os.path.join(work, "cg"), public)
        reach["corpus"] = len(corpus_files("corpus/" + h))
        reach["regressions"] = len(corpus_files("corpus/regressions/" + h))
        harnesses[h] = reach
    tests = {os.path.basename(p)[:-2]: reached_from_unit(rel(p), cflags, os.path.join(work, "cg"), public)
             for p in sorted(glob.glob(os.path.join(ROOT, "tests/test_*.c")))}
    committed = sorted(glob.glob(os.path.join(ROOT, "corpus/vectors/*.txt")))
    fresh = sorted(glob.glob(os.path.join(args.cov_build, "conf*.txt")))
    vectors, strangers = count_vectors(committed, public)
    fresh_vectors, fresh_strangers = count_vectors(fresh, public)
    return {"functions": functions, "public": public, "trusted": trusted, "proof": proof,
            "fn_rows": fn_rows, "seconds": seconds, "cached": cached, "calls": calls, "where": where,
            "gated": gated, "ungated": ungated, "extents": extents, "harnesses": harnesses,
            "tests": tests, "vectors": vectors, "fresh_vectors": fresh_vectors,
            "vector_files": [rel(p) for p in committed], "fresh_files": [rel(p) for p in fresh],
            "strangers": sorted(strangers | fresh_strangers), "args": args}


def per_function(a):
    """One record per public function with every column's figures."""
    public, trusted, calls = a["public"], a["trusted"], a["calls"]
    predicates = predicate_statuses()
    records = []
    for fn in a["functions"]:
        name = fn["name"]
        helpers = sorted(n for n in closure(name, calls, lambda x: x in public or x in trusted)
                         if n not in public and n not in trusted and n in a["fn_rows"])
        depends = sorted(n for n in closure(name, calls, lambda x: x in trusted) if n in trusted)
        own = a["fn_rows"].get(name)
        extent = a["extents"].get(name)
        records.append({
            "fn": fn, "contract": contract_summary(fn["contract"], predicates),
            "own": own, "helpers": helpers,
            "helper_goals": [sum(a["fn_rows"][h][0] for h in helpers),
                             sum(a["fn_rows"][h][1] for h in helpers)],
            "seconds": a["seconds"].get(name), "cached": a["cached"].get(name, 0),
            "coverage": function_coverage(extent, a["gated"], a["ungated"]) if extent else None,
            "extent": extent,
            "fuzz": sorted(h for h, r in a["harnesses"].items() if name in r["executed"]),
            "fuzz_direct_unreached": sorted(h for h, r in a["harnesses"].items()
                                            if name in r["direct"] and name not in r["executed"]),
            "tests": sorted(t for t, called in a["tests"].items() if name in called),
            "vectors": a["vectors"].get(name, 0), "fresh": a["fresh_vectors"].get(name, 0),
            "trusted": depends,
        })
    return records


# ------------------------------------------------------------------ page

CSS = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 0 1.5em 3em; color: #1b1b1b; }
h1 { margin: .5em 0 .1em; font-size: 1.5em; }
h2 { margin: 1.2em 0 .4em; font-size: 1.2em; border-bottom: 1px solid #ccc; }
code, .mono { font-family: ui-monospace, monospace; font-size: .95em; }
table { border-collapse: collapse; }
th, td { border: 1px solid #d5d5d5; padding: .2em .45em; vertical-align: top; text-align: left; }
th { background: #f1f3f5; }
.meta { margin: .2em 0 .6em; color: #333; }
.top { display: flex; flex-wrap: wrap; gap: 1em; align-items: flex-start; }
.totals { display: flex; flex-wrap: wrap; gap: .5em; flex: 1 1 40em; }
.total { border: 1px solid #d5d5d5; border-radius: 4px; padding: .3em .7em; min-width: 8em; }
.total b { display: block; font-size: 1.15em; }
.tools { font-size: 12px; }
.bad { color: #b00020; font-weight: 600; }
.ok { color: #0a7a2f; font-weight: 600; }
.warn { color: #8a5a00; font-weight: 600; }
.attention > ul { padding-left: 1.2em; margin: 0; }
.attention li { margin: .15em 0; }
.attention li.red { color: #b00020; }
.attention li.green { color: #0a7a2f; }
.attention li.amber { color: #8a5a00; }
.attention summary { cursor: pointer; }
.attention details ul { color: #1b1b1b; max-height: 16em; overflow: auto; }
#functions { font-size: 12.5px; width: 100%; }
#functions thead th { position: sticky; top: 0; z-index: 1; }
#functions th button { all: unset; cursor: pointer; font-weight: 600; }
#functions th[aria-sort=ascending] button::after { content: " \\25B2"; }
#functions th[aria-sort=descending] button::after { content: " \\25BC"; }
#functions ul { margin: 0; padding-left: 1.1em; }
.sub { color: #555; font-size: .92em; }
.filter { margin: .4em 0; }
.filter input { font-size: 1em; padding: .2em .4em; width: 22em; }
"""

SCRIPT = """
(function () {
  'use strict';
  var table = document.getElementById('functions');
  var body = table.tBodies[0];
  var headers = table.tHead.rows[0].cells;
  var rows = Array.prototype.slice.call(body.rows);
  var input = document.getElementById('filter');
  var shown = document.getElementById('shown');

  // A cell's sort key: its data-sort attribute, else its text.
  function key(row, col, numeric) {
    var cell = row.cells[col];
    var value = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent;
    return numeric ? parseFloat(value) : value.toLowerCase();
  }

  // Sorts by one column, ascending first, descending on the next click.
  function sortBy(col) {
    var th = headers[col];
    var numeric = th.getAttribute('data-type') === 'num';
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    var ordered = rows.slice().sort(function (a, b) {
      var x = key(a, col, numeric), y = key(b, col, numeric);
      var c = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? c : -c;
    });
    for (var i = 0; i < headers.length; i++) headers[i].removeAttribute('aria-sort');
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    ordered.forEach(function (row) { body.appendChild(row); });
  }

  // Keeps the rows whose text holds every word of the filter.
  function filter() {
    var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var count = 0;
    rows.forEach(function (row) {
      var text = row.textContent.toLowerCase();
      var keep = words.every(function (w) { return text.indexOf(w) !== -1; });
      row.hidden = !keep;
      if (keep) count++;
    });
    shown.textContent = count + ' of ' + rows.length + ' functions shown';
  }

  Array.prototype.forEach.call(headers, function (th, col) {
    th.addEventListener('click', function () { sortBy(col); });
  });
  input.addEventListener('input', filter);
  filter();
})();
"""


def href(out_dir, path, anchor=None):
    """A link from the page to a file of the repository, relative."""
    link = os.path.relpath(os.path.join(ROOT, path), out_dir).replace(os.sep, "/")
    return esc(link + ("#%d" % anchor if anchor else ""))


def lcov_page(out_dir, file, line=None):
    """The genhtml page of a file of the gated tracefile."""
    return href(out_dir, "coverage/html/%s.gcov.html" % file, line)


def fraction(hit, found, what):
    cls = "ok" if hit == found else "bad"
    return '<span class="%s">%d/%d</span> %s (%.1f%%)' % (cls, hit, found, what, percent(hit, found))


def header_section(a, totals):
    head, dirty = commit()
    tools = "".join("<tr><td>%s</td><td class=mono>%s</td><td class=sub>%s</td></tr>" % (
        esc(t), esc(v), esc(how)) for t, (v, how) in ((t, tool_version(t)) for t in TOOLS))
    provers = ", ".join(p.replace(":", " ") for p in a["proof"]["provers"]) or "none"
    dirty_note = ' <span class="warn">(the working tree differs from this commit)</span>' if dirty else ""
    cards = "".join('<div class="total" id="%s" %s>%s<b>%s</b></div>' % (
        i, " ".join('data-%s="%s"' % kv for kv in data.items()), esc(label), value)
        for i, label, value, data in totals)
    return """<header>
<h1>memview audit report</h1>
<p class="meta">commit <code id="commit">%s</code>%s &middot; generated %s by <code>make report</code>
(tests/audit_report.py) &middot; provers in the proof: %s &middot;
<a id="lcov-link" href="%s">line-by-line coverage (lcov)</a></p>
<div class="top"><div class="totals">%s</div>
<table class="tools"><tr><th>tool</th><th>version</th><th>from</th></tr>%s</table></div>
</header>""" % (esc(head), dirty_note, esc(datetime.datetime.now().strftime("%Y-%m-%d %H:%M")),
                esc(provers), href(a["args"].out, "coverage/html/index.html"), cards, tools)


def totals_of(a):
    """The header's figures as (id, label, html, data attributes)."""
    rows = a["proof"]["rows"]
    proved, total = sum(r[0] for r in rows.values()), sum(r[1] for r in rows.values())
    lines = [sum(1 for h in d["da"].values() if h > 0) for d in a["gated"].values()]
    found = [len(d["da"]) for d in a["gated"].values()]
    br_hit = sum(sum(1 for t in d["br"].values() if t) for d in a["gated"].values())
    br = sum(len(d["br"]) for d in a["gated"].values())
    fn_hit, fn_all = lcov_function_totals(a["args"].tracefile)
    suites, passed, failed = suite_totals(a["args"].cov_build)
    corpus = sum(h["corpus"] for h in a["harnesses"].values())
    units = len(a["tests"])
    return [
        ("total-goals", "goals proved", fraction(proved, total, "") ,
         {"proved": proved, "total": total}),
        ("total-lines", "lines covered (src/)", fraction(sum(lines), sum(found), ""),
         {"hit": sum(lines), "found": sum(found)}),
        ("total-branches", "branches covered (src/)", fraction(br_hit, br, ""), {"hit": br_hit, "found": br}),
        ("total-functions", "functions covered (src/)", fraction(fn_hit, fn_all, ""),
         {"hit": fn_hit, "found": fn_all}),
        ("total-harnesses", "fuzz harnesses", "%d <span class=sub>%d corpus inputs</span>" % (
            len(a["harnesses"]), corpus), {"count": len(a["harnesses"])}),
        ("total-tests", "tests (last make coverage)", "%d suites <span class=sub>%d unit test files; "
         "%s cases passed, <span class=%s>%d failed</span></span>" % (
             suites, units, format(passed, ","), "ok" if failed == 0 else "bad", failed),
         {"suites": suites, "passed": passed, "failed": failed}),
        ("total-public", "public functions", "%d" % len(a["functions"]), {"count": len(a["functions"])}),
    ]


def lcov_function_totals(tracefile):
    hit = found = 0
    with open(tracefile) as f:
        for line in f:
            if line.startswith("FNH:"):
                hit += int(line[4:])
            elif line.startswith("FNF:"):
                found += int(line[4:])
    return hit, found


def item(level, title, details=()):
    """One line of the attention list; its details fold under it."""
    if not details:
        return '<li class="%s">%s</li>' % (level, title)
    return '<li class="%s"><details><summary>%s</summary><ul>%s</ul></details></li>' % (
        level, title, "".join("<li>%s</li>" % d for d in details))


def attention_section(a, records):
    """What needs attention, red first; a green line where a check found nothing."""
    out = a["args"].out
    items = []
    rows = a["proof"]["rows"]
    open_rows = sorted(n for n, r in rows.items() if r[0] < r[1])
    if not a["proof"]["reports"]:
        items.append(item("red", "No WP report found under %s: run <code>make prove</code>." % esc(
            rel(a["args"].wp))))
    elif open_rows:
        items.append(item("red", "%d functions or lemmas with unproven goals" % len(open_rows),
                          ["<code>%s</code>: %d/%d proved" % (esc(n), rows[n][0], rows[n][1])
                           for n in open_rows] +
                          ["<code>%s</code> property <code>%s</code>: %d/%d" % tuple(map(esc, g))
                           for g in a["proof"]["open"]]))
    else:
        total = sum(r[1] for r in rows.values())
        items.append(item("green", "Every goal is proved: %d of %d, over %d WP reports." % (
            total, total, len(a["proof"]["reports"]))))
    items += staleness_items(a)
    items += coverage_items(a, out)
    unreached = [r["fn"]["name"] for r in records if not r["fuzz"]]
    if unreached:
        items.append(item("red", "%d public functions that no fuzz harness reaches" % len(unreached),
                          ["<code>%s</code>%s" % (esc(n), direct_note(a, n)) for n in unreached]))
    else:
        items.append(item("green", "Every public function is reached by at least one fuzz harness."))
    failed = [h for h, r in sorted(a["harnesses"].items()) if r["status"] != 0]
    if failed:
        items.append(item("red", "Corpus replays that failed: " + ", ".join(
            "<code>%s</code> (%s)" % (esc(h), esc(a["harnesses"][h]["replay"])) for h in failed)))
    unproven = [r["fn"]["name"] for r in records if r["own"] is None]
    if unproven:
        items.append(item("red", "%d public functions with no goals in the WP reports" % len(unproven),
                          ["<code>%s</code>" % esc(n) for n in unproven]))
    untested = [r["fn"]["name"] for r in records if not r["tests"]]
    if untested:
        items.append(item("amber", "%d public functions that no unit test (tests/test_*.c) calls "
                          "(other suites may exercise them: see their rows)" % len(untested),
                          ["<code>%s</code>" % esc(n) for n in untested]))
    if a["strangers"]:
        items.append(item("amber", "Vector operations that name no public function: " +
                          ", ".join("<code>%s</code>" % esc(s) for s in a["strangers"])))
    items.sort(key=lambda i: 0 if 'class="red"' in i else 1 if 'class="amber"' in i else 2)
    return ('<section id="attention" class="attention"><h2>Needs attention</h2><ul>%s</ul></section>'
            % "".join(items))


def direct_note(a, name):
    direct = [h for h, r in a["harnesses"].items() if name in r["direct"]]
    return " (called in the source of %s, never run by its corpus)" % ", ".join(direct) if direct else ""


def staleness_items(a):
    """Inputs older than the sources they describe."""
    items = []
    reports = [os.path.join(ROOT, r) for r in a["proof"]["reports"]]
    if reports:
        oldest = min(os.path.getmtime(r) for r in reports)
        when, path = newest(["src/**/*", "include/**/*", "contracts/*"])
        if when > oldest:
            items.append(item("amber", "The WP reports (%s) are older than <code>%s</code> (%s): "
                              "run <code>make prove</code> for figures of the current sources." % (
                                  stamp(oldest), esc(path), stamp(when))))
    traced = os.path.getmtime(a["args"].tracefile)
    when, path = newest(["src/**/*", "include/**/*", "tests/*.[ch]", "fuzz/*.[ch]", "corpus/**/*"])
    if when > traced:
        items.append(item("amber", "The coverage tracefile (%s) is older than <code>%s</code> (%s): "
                          "run <code>make coverage</code>." % (stamp(traced), esc(path), stamp(when))))
    return items


def coverage_items(a, out):
    items = []
    for files, label, gated in (
            (a["gated"], "src/ (gated by coverage/thresholds)", True),
            (a["ungated"], "the inline definitions of include/ (outside the gate)", False)):
        lines, branches = uncovered(files, a["extents"])

        def where(file, at, fn):
            text = "<code>%s:%d</code> in <code>%s</code>" % (esc(file), at, esc(fn))
            return '<a href="%s">%s</a>' % (lcov_page(out, file, at), text) if gated else text
        if lines:
            items.append(item("red", "%d lines never run in %s" % (len(lines), label),
                              [where(f, at, fn) for f, at, fn in lines]))
        else:
            items.append(item("green", "Every line of %s runs." % label))
        if branches:
            items.append(item("red", "%d branches never taken in %s, on %d lines" % (
                sum(b[3] for b in branches), label, len(branches)),
                [where(f, at, fn) + ": %d of %d branches never taken" % (miss, total)
                 for f, at, fn, miss, total in branches]))
        else:
            items.append(item("green", "Every branch of %s is taken." % label))
    return items


COLUMNS = [("Function", "text"), ("Contract behaviors → status", "num"), ("Goals", "num"),
           ("Proof time", "num"), ("Lines", "num"), ("Branches", "num"), ("Fuzz harnesses", "num"),
           ("Unit tests", "num"), ("Vectors", "num"), ("Trusted contracts", "num")]


def cell(html_text, sort=None):
    return "<td%s>%s</td>" % ("" if sort is None else ' data-sort="%s"' % esc(sort), html_text)


def function_cell(r, out):
    fn = r["fn"]
    return cell('<code>%s</code><div class="sub"><a href="%s">%s:%d</a></div><div>%s</div>' % (
        esc(fn["name"]), href(out, fn["file"]), esc(fn["file"]), fn["line"],
        esc(purpose(fn["doc"], fn["name"]))), fn["name"])


def behaviors_cell(c):
    if not c["has_contract"]:
        return cell('<span class="bad">no contract</span>', 0)
    if not c["behaviors"]:
        said = ", ".join(c["statuses"]) or c["result"] or "no \\result clause"
        return cell('<span class="sub">no named behaviors</span><br><code>%s</code>' % esc(said), 0)
    lines = "".join("<li><code>%s</code> → %s</li>" % (
        esc(b["name"]), esc(", ".join(s.replace("MV_", "") for s in b["statuses"]) or b["result"] or "—"))
        for b in c["behaviors"])
    flags = [w for w, on in (("complete", c["complete"]), ("disjoint", c["disjoint"])) if on]
    said = ", ".join(flags) or "neither complete nor disjoint"
    return cell("<ul>%s</ul><span class=sub>%s</span>" % (lines, esc(said)), len(c["behaviors"]))


def goals_cell(r, a):
    if r["own"] is None:
        return cell('<span class="bad">no goals</span>', -1)
    proved, total, by = r["own"]
    provers = " · ".join("%s %d" % (p, by[p]) for p in ("qed", "cvc4", "z3") if by[p])
    helpers = ""
    if r["helpers"]:
        hp, ht = r["helper_goals"]
        helpers = '<div class="sub" title="%s">+ %d helpers: <span class="%s">%d/%d</span></div>' % (
            esc(", ".join(r["helpers"])), len(r["helpers"]), "ok" if hp == ht else "bad", hp, ht)
    return cell('<span class="%s">%d/%d</span><div class="sub">%s</div>%s' % (
        "ok" if proved == total else "bad", proved, total, esc(provers), helpers), total)


def time_cell(r):
    if r["seconds"] is None:
        return cell("—", -1)
    note = ""
    if r["cached"]:
        note = ' <span class="sub" title="goals whose result came from the WP cache">(%d cached)</span>' % (
            r["cached"])
    return cell("%.2f s%s" % (r["seconds"], note), "%.3f" % r["seconds"])


def coverage_cells(r, out):
    cov = r["coverage"]
    if cov is None:
        missing = cell('<span class="bad">no data</span>', -1)
        return missing + missing
    first = r["extent"][1]
    link = '<div class="sub">outside the gate</div>'
    if cov["gated"]:
        link = '<div class="sub"><a href="%s">lcov</a></div>' % lcov_page(out, cov["file"], first)
    lines = fraction(cov["lines_hit"], cov["lines"], "")
    if cov["branches"]:
        branches = fraction(cov["br_hit"], cov["branches"], "")
        br_sort = "%.3f" % percent(cov["br_hit"], cov["branches"])
    else:
        branches, br_sort = '<span class="sub">no branches</span>', "100.001"
    return (cell(lines + link, "%.3f" % percent(cov["lines_hit"], cov["lines"])) + cell(branches, br_sort))


def fuzz_cell(r, a):
    if not r["fuzz"]:
        return cell('<span class="bad">none</span>', 0)
    names = ", ".join("%s <span class=sub>(%d)</span>" % (esc(h), a["harnesses"][h]["corpus"])
                      for h in r["fuzz"])
    unreached = ""
    if r["fuzz_direct_unreached"]:
        unreached = '<div class="sub warn">in the source of %s, never run by its corpus</div>' % esc(
            ", ".join(r["fuzz_direct_unreached"]))
    return cell(names + unreached, len(r["fuzz"]))


def list_cell(names, empty_class="warn"):
    if not names:
        return cell('<span class="%s">none</span>' % empty_class, 0)
    return cell(", ".join("<code>%s</code>" % esc(n) for n in names), len(names))


def vectors_cell(r):
    text = "%d" % r["vectors"] if r["vectors"] else '<span class="warn">0</span>'
    fresh = '<div class="sub">+ %s fresh</div>' % format(r["fresh"], ",") if r["fresh"] else ""
    return cell(text + fresh, r["vectors"])


def function_row(r, a, order):
    out = a["args"].out
    return '<tr data-fn="%s" data-order="%d">%s</tr>' % (esc(r["fn"]["name"]), order, "".join([
        function_cell(r, out), behaviors_cell(r["contract"]), goals_cell(r, a), time_cell(r),
        coverage_cells(r, out), fuzz_cell(r, a), list_cell(r["tests"]), vectors_cell(r),
        list_cell(r["trusted"], "sub")]))


def functions_section(a, records):
    heads = "".join('<th data-type="%s"><button type="button">%s</button></th>' % (t, esc(n))
                    for n, t in COLUMNS)
    rows = "".join(function_row(r, a, i) for i, r in enumerate(records))
    return """<section><h2>Public functions</h2>
<p>One row per function that include/memview.h, include/memview_sim.h and include/memview/*.h declare
for users (the <code>mv__</code> functions of include/memview/inline.h are the inline definitions'
out-of-line paths, outside the API).  Click a column header to sort; type to filter.</p>
<div class="filter"><label>Filter:
<input id="filter" type="search" placeholder="name, status, harness, test..."></label>
<span id="shown" class="sub"></span></div>
<table id="functions"><thead><tr>%s</tr></thead><tbody>%s</tbody></table></section>""" % (heads, rows)


def harness_section(a):
    rows = []
    for h, r in sorted(a["harnesses"].items()):
        public = sorted(n for n in r["executed"] if n in a["public"])
        missed = sorted(r["direct"] - r["executed"])
        rows.append("<tr><td><code>fuzz/fuzz_%s.c</code></td><td>%d</td><td>%d</td><td class=mono>%s</td>"
                    "<td>%d<div class=sub>%s</div></td><td>%d</td><td>%s</td></tr>" % (
                        esc(h), r["corpus"], r["regressions"], esc(r["replay"]), len(public),
                        esc(", ".join(public)), len(r["direct"]),
                        esc(", ".join(missed)) if missed else '<span class="ok">none</span>'))
    return """<section id="harnesses"><h2>Fuzz harnesses</h2>
<table><tr><th>harness</th><th>corpus inputs</th><th>regression inputs</th><th>replay</th>
<th>public functions run by the replay</th><th>public functions its source calls</th>
<th>called but never run</th></tr>
%s</table></section>""" % "".join(rows)


def trusted_section(a, records):
    callers = {}
    for caller, callees in a["calls"].items():
        for c in callees:
            callers.setdefault(c, set()).add(caller)
    rows = []
    for name, fn in sorted(a["trusted"].items(), key=lambda kv: (kv[1]["file"], kv[1]["line"])):
        users = [r["fn"]["name"] for r in records if name in r["trusted"]]
        # A trusted function's compiled body (a one-line wrapper) is not
        # what the proof reads: it is no caller here.
        direct = sorted(c for c in callers.get(name, ()) if c not in a["trusted"])
        rows.append("<tr><td><code>%s</code></td><td><a href=\"%s\">%s:%d</a></td><td>%s</td>"
                    "<td>%d<div class=sub>%s</div></td></tr>" % (
            esc(name), href(a["args"].out, fn["file"]), esc(fn["file"]), fn["line"],
            esc(", ".join(direct)) if direct else '<span class="sub">no direct call in the compiled code '
            '(reached through a function pointer, or compiled only for Frama-C)</span>',
            len(users), esc(", ".join(users))))
    return """<section id="trusted"><h2>Contracts taken on trust</h2>
<p>Every function declared in contracts/*.h: Frama-C reads these contracts in place of code it cannot
see (README.md, "Trusted assumptions"; their satisfiability is checked by contracts/smoke_trusted.c in
<code>make prove</code>).  A public function depends on one when its calls reach it, through its own
helpers or other public functions.</p>
<table><tr><th>function</th><th>contract</th><th>called directly by</th>
<th>public functions that depend on it</th></tr>
%s</table></section>""" % "".join(rows)


def goals_section(a, records):
    rows = a["fn_rows"]
    public_own = sum(r["own"][1] for r in records if r["own"])
    attributed = set(h for r in records for h in r["helpers"])
    internal = sorted(n for n in rows if n not in a["public"] and n != "(lemmas)")
    lemma_goals = sum(r[1] for n, r in a["proof"]["rows"].items() if n.startswith("(lemma) "))
    total = sum(r[1] for r in a["proof"]["rows"].values())
    internal_goals = sum(rows[n][1] for n in internal)
    lost = [n for n in internal if n not in attributed]

    takers = address_takers(lost, a["extents"])

    def place(n):
        if n not in a["where"]:
            return "not in the compiled code (ghost code or Frama-C only)"
        taken = takers.get(n)
        return "%s:%d%s" % (a["where"][n] + (
            "; called through a function pointer that %s installs" % ", ".join(sorted(taken)) if taken else "",))
    table = "".join("<tr><td><code>%s</code></td><td>%d/%d</td><td>%s</td></tr>" % (
        esc(n), rows[n][0], rows[n][1], esc(place(n))) for n in lost)
    return """<section id="goals"><h2>Goals and where they belong</h2>
<p>WP reports goals per C function.  A public function's own goals are those of its body and contract;
its helpers are the internal functions its calls reach before any other public function (a helper shared
by several public functions is shown in each of their rows).  Every goal is in exactly one of these:</p>
<ul><li>public functions' own goals: <b id="goals-public">%d</b></li>
<li>internal functions' goals: <b id="goals-internal">%d</b>
(%d functions; %d of them reached from a public function)</li>
<li>lemmas of contracts/*.acsl: <b id="goals-lemmas">%d</b></li>
<li>total: <b id="goals-total">%d</b> %s</li></ul>
<p>Internal functions no public function's compiled calls reach (lemma functions are called from ghost
code, which the compilers do not see):</p>
<table><tr><th>function</th><th>goals</th><th>defined</th></tr>%s</table></section>""" % (
        public_own, internal_goals, len(internal), len(internal) - len(lost), lemma_goals, total,
        '<span class="ok">(the parts add up)</span>' if public_own + internal_goals + lemma_goals == total
        else '<span class="bad">(the parts do not add up)</span>', table)


def method_section(a):
    vector_files = ", ".join(a["vector_files"]) or "none"
    fresh = ", ".join(a["fresh_files"]) or "none found"
    return """<section id="method"><h2>How each column was determined</h2><ul>
<li><b>Function</b>: the public headers parsed as a C compiler reads them without <code>__FRAMAC__</code>
(declarations and inline definitions; ghost declarations are comments).</li>
<li><b>Contract behaviors</b>: the ACSL comment before each declaration; for each named behavior, the
statuses its <code>ensures</code> clauses compare <code>\\result</code> with.</li>
<li><b>Goals</b>: build/wp/N/report.json added up by contracts/proof_summary.py (the figures of
build/wp/proof-summary.txt), per prover: the goals each closed.  <b>Proof time</b>: the Qed and prover times
the logs build/wp/N/prove.log report for the function's goals, every pass (smoke tests excluded).</li>
<li><b>Lines, Branches</b>: the lcov tracefile of <code>make coverage</code> (%s), cut at the function's
first and last line as gcov reports them; the inline definitions of include/memview/inline.h are outside the
tracefile (coverage/coverage.mk keeps src/ only) and come from %s, outside the gate.</li>
<li><b>Fuzz harnesses</b>: each harness's replayer from the coverage build (%s/fuzz/replay_NAME) run again
over corpus/NAME and corpus/regressions/NAME with its counters written apart (GCOV_PREFIX); a function is
reached when gcov counts at least one execution of it.  The count in brackets is the number of files in
corpus/NAME. "Called but never run" compares with the harness's source calls (gcc's call graph).</li>
<li><b>Unit tests</b>: the tests/test_*.c whose own functions call the function, directly or through the
helpers of the shared test headers, in gcc's call graph of that file (-fcallgraph-info, -O0, no
builtins).</li>
<li><b>Vectors</b>: lines of the committed vector files (%s) whose operation names the function
(<code>op=NAME</code> is <code>mv_NAME</code>, <code>op=hex</code> also checks <code>mv_hex_size</code>,
<code>ops=</code> lists cursor operations <code>mv_NAME</code>, a <code>seq</code> step is
<code>mv_buf_STEP</code>, <code>set</code> is <code>mv_set</code>); view chains are not counted.  "Fresh":
the CPython cases the last <code>make coverage</code> generated (%s).</li>
<li><b>Trusted contracts</b>: the functions declared in contracts/*.h that the function's calls reach in
gcc's call graph of src/, through internal helpers and other public functions.  The compiled code calls a
transport's callbacks through function pointers; for the proof these calls are the trusted
<code>mv__call_*</code> functions.</li>
</ul></section>""" % (esc(rel(a["args"].tracefile)), esc(rel(a["args"].all_tracefile)),
                      esc(rel(a["args"].cov_build)), esc(vector_files), esc(fresh))


def page(a, records):
    body = "".join([header_section(a, totals_of(a)), attention_section(a, records),
                    functions_section(a, records), harness_section(a), trusted_section(a, records),
                    goals_section(a, records), method_section(a)])
    return """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>memview audit report</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>%s</style></head>
<body>%s<script>%s</script></body></html>
""" % (CSS, body, SCRIPT)


def main(argv):
    parser = argparse.ArgumentParser(description="Writes the audit page of memview.")
    parser.add_argument("--out", default="build/report", help="folder of index.html")
    parser.add_argument("--wp", default="build/wp", help="make prove's output folder")
    parser.add_argument("--cov-build", default="build/coverage", help="make coverage's build folder")
    parser.add_argument("--tracefile", default=None, help="lcov tracefile (default COV_BUILD/src.info)")
    parser.add_argument("--all-tracefile", default=None,
                        help="lcov capture before the src/ cut (COV_BUILD/all.info)")
    parser.add_argument("--cflags", default="-std=c11 -Iinclude -Isrc -Itests -Ifuzz",
                        help="compile flags for gcc's call graphs")
    args = parser.parse_args(argv[1:])
    for name in ("out", "wp", "cov_build"):
        setattr(args, name, os.path.join(ROOT, getattr(args, name)))
    args.tracefile = os.path.join(ROOT, args.tracefile or os.path.join(args.cov_build, "src.info"))
    args.all_tracefile = os.path.join(ROOT, args.all_tracefile or os.path.join(args.cov_build, "all.info"))
    if not os.path.exists(args.tracefile):
        print("audit_report: no tracefile %s: run make coverage" % rel(args.tracefile), file=sys.stderr)
        return 1
    analysis = analyse(args)
    records = per_function(analysis)
    target = os.path.join(args.out, "index.html")
    with open(target, "w", encoding="utf-8") as f:
        f.write(page(analysis, records))
    rows = analysis["proof"]["rows"]
    print("audit report: %s (%d public functions, %d/%d goals, %d harnesses)" % (
        rel(target), len(records), sum(r[0] for r in rows.values()), sum(r[1] for r in rows.values()),
        len(analysis["harnesses"])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
