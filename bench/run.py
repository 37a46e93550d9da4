#!/usr/bin/env python3
"""gongkai benchmark: gongkai against Hugo, mdBook and Pagefind on the same notices, same run.

    python3 bench/run.py                      # 1k and 10k notices, 3 runs each, every tool
    python3 bench/run.py --big                # also 100k (1 run, gongkai and Hugo only)
    python3 bench/run.py --sizes 1000 --runs 5 --tools gongkai,hugo

What it does (SPEC 11):
  1. `cargo build --release` in the repository (binary target/release/gongkai);
     checks /usr/bin/time, hugo, mdbook (~/.cargo/bin) and pagefind (bench/out/node_modules).
  2. Generates, once per size and cached in bench/out/corpus/<N>/ (regenerated only when the
     generators, the catalogs, N or the seed change):
       site/          gen_site.py  -> a gongkai site (book.toml + content/)
       corpus.jsonl   gen_corpus.py -> the same notices as JSON lines
       anchors/hugo, anchors/mdbook   emit.py -> the same notices for Hugo and mdBook
  3. For each size and each run, runs every tool in turn (interleaved, so that all tools of a run
     see the same machine load), each from a clean output folder and after a `sync`:
       gongkai-build  gongkai build --root SITE --output OUT --date D   (checks + pages + search)
       gongkai-check  gongkai check --root SITE --date D
       hugo           hugo --quiet -s HUGO -d OUT                        (no search)
       pagefind       pagefind --site <Hugo's output of this run>        (search index only)
       mdbook         mdbook build MDBOOK -d OUT                         (with its search index)
     Each under `/usr/bin/time -f "%e %U %S %M"` (wall s, user s, sys s, peak RSS KiB), with a
     timeout (--timeout, --mdbook-timeout) and a memory watchdog (--mem-cap-mib) that kills an
     anchor before it can take the shared machine down. A tool that times out or is killed is
     reported as "did not finish" and not run again at that size.
     The gongkai site is generated from a level-filtered view of the catalogs (see gen_catalogs);
     the raw gen_site.py output is kept in site-raw/ and only checked (gongkai-check-raw).
  4. Prints a Markdown report (medians with min-max, per-run ratios to the anchors, the SPEC 11
     floors) and writes it to bench/out/results-<date>[-<label>].md, raw data to .json.

Not measured yet: the SPEC 11 one-file edit rebuild under `gongkai serve` (serve does not exist
yet), search download size and keystroke latency in Chromium.

Medians of several runs, ratios to anchors measured in the same run: the machine is shared.
Python 3 standard library only (the generators need PyYAML).
"""
import argparse
import re
import datetime
import inspect
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
OUT = os.path.join(HERE, "out")
TOOLS_DIR = os.environ.get("GONGKAI_BENCH_TOOLS", os.path.join(os.path.dirname(REPO), "shared", "tools"))
GONGKAI = os.path.join(REPO, "target", "release", "gongkai")
ALL_TOOLS = ["gongkai-build", "gongkai-check", "gongkai-check-raw", "hugo", "pagefind", "mdbook"]
MIB = 1024 * 1024


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def out_of(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout.strip()
    except Exception as e:  # noqa: BLE001 - informative only
        return "unavailable (%s)" % e


# ------------------------------------------------------------------------------------ tools
def find_mdbook():
    for p in (shutil.which("mdbook"), os.path.expanduser("~/.cargo/bin/mdbook")):
        if p and os.access(p, os.X_OK):
            return p
    return None


def find_pagefind():
    """The native binary shipped by the npm package (no node wrapper in the timings)."""
    nm = os.path.join(OUT, "node_modules")
    for p in (os.path.join(nm, "@pagefind", "linux-x64", "bin", "pagefind_extended"),
              os.path.join(nm, "@pagefind", "linux-x64", "bin", "pagefind"),
              os.path.join(nm, ".bin", "pagefind")):
        if os.access(p, os.X_OK):
            return p
    return None


def ensure_tools(a):
    if not os.access("/usr/bin/time", os.X_OK):
        log("installing GNU time (apt-get install time)")
        sh(["apt-get", "install", "-y", "time"])
    if not a.skip_cargo:
        log("cargo build --release in", REPO)
        sh(["cargo", "build", "--release", "--quiet"], cwd=REPO)
    if not os.access(GONGKAI, os.X_OK):
        sys.exit("no gongkai binary at " + GONGKAI)
    tools = {"gongkai": GONGKAI, "hugo": shutil.which("hugo"), "mdbook": find_mdbook()}
    if "pagefind" in a.tools and not find_pagefind():
        log("npm install pagefind into", OUT)
        os.makedirs(OUT, exist_ok=True)
        if not os.path.exists(os.path.join(OUT, "package.json")):
            sh(["npm", "init", "-y"], cwd=OUT, stdout=subprocess.DEVNULL)
        sh(["npm", "install", "pagefind"], cwd=OUT)
    tools["pagefind"] = find_pagefind()
    for t, need in (("hugo", "hugo"), ("mdbook", "mdbook"), ("pagefind", "pagefind")):
        if need in a.tools and not tools[t]:
            log("WARNING: %s not found; skipped (mdbook: `cargo install mdbook --locked`)" % t)
            a.tools = [x for x in a.tools if x != need]
    return tools


def versions(tools):
    v = {"gongkai": out_of([tools["gongkai"], "--version"]),
         "gongkai commit": out_of(["git", "-C", REPO, "describe", "--always", "--dirty"]),
         "rustc": out_of(["rustc", "--version"])}
    if tools.get("hugo"):
        v["hugo"] = out_of([tools["hugo"], "version"])
    if tools.get("mdbook"):
        v["mdbook"] = out_of([tools["mdbook"], "--version"])
    if tools.get("pagefind"):
        v["pagefind"] = out_of([tools["pagefind"], "--version"])
    return v


def machine():
    mem = {}
    with open("/proc/meminfo") as f:
        for line in f:
            k, v = line.split(":", 1)
            mem[k] = int(v.split()[0])
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "mem_total_mib": mem.get("MemTotal", 0) // 1024,
            "mem_available_mib_at_start": mem.get("MemAvailable", 0) // 1024,
            "kernel": platform.release(), "python": platform.python_version()}


class LoadSampler(threading.Thread):
    """1-minute load average every few seconds, for the report."""

    def __init__(self, every=5.0):
        super().__init__(daemon=True)
        self.every, self.samples, self.stop = every, [], threading.Event()

    def run(self):
        while not self.stop.is_set():
            with open("/proc/loadavg") as f:
                self.samples.append(float(f.read().split()[0]))
            self.stop.wait(self.every)


# ------------------------------------------------------------------------------------ corpus
def file_hash(paths):
    import hashlib
    h = hashlib.sha256()
    for p in paths:
        h.update(p.encode())
        with open(p, "rb") as f:
            h.update(f.read())
    return h.hexdigest()[:16]


def item_path(d, it):
    return "/".join([str(d.get("name"))] + [str(it[k]) for k in ("level1", "level2", "level3") if it.get(k)])


def gen_catalogs(dest):
    """A view of the project's catalogs for gen_site.py with only the items that are valid at both
    乡级 and 村级 (levels contain 村级, or name no known level) and whose path is unique.

    gen_site.py picks an item without looking at its levels, and two catalog items share a path,
    so about a quarter of its notices fail `gongkai check` (GK032, GK031; see docs/benchmarks.md).
    gongkai itself still validates against the full, unmodified catalogs embedded in the binary."""
    import yaml
    shutil.rmtree(dest, ignore_errors=True)
    os.makedirs(dest)
    cats = os.path.join(REPO, "catalogs")
    kept = total = 0
    for f in sorted(os.listdir(cats)):
        if not f.endswith((".yaml", ".yml")):
            continue
        with open(os.path.join(cats, f), encoding="utf-8") as fh:
            d = yaml.safe_load(fh)
        if isinstance(d, dict) and isinstance(d.get("items"), list):
            items = d["items"]
            seen = {}
            for it in items:
                seen[item_path(d, it)] = seen.get(item_path(d, it), 0) + 1

            def ok(it):
                lv = it.get("levels")
                lv = [x for x in map(str, lv) if x in ("县级", "乡级", "村级")] if isinstance(lv, list) else []
                return (not lv or "村级" in lv) and seen[item_path(d, it)] == 1
            d["items"] = [it for it in items if ok(it)] or items
            total += len(items)
            kept += len(d["items"])
        with open(os.path.join(dest, f), "w", encoding="utf-8") as fh:
            yaml.safe_dump(d, fh, allow_unicode=True, sort_keys=False)
    return kept, total


def corpus(n, a, raw):
    """Generate (or reuse) the gongkai site and the anchors' sources for n notices.

    DIR/site is made from the level-filtered catalog view (valid), DIR/site-raw from the project's
    catalogs as they are (raw, for the check figures only)."""
    d = os.path.join(OUT, "corpus", str(n))
    cats = os.path.join(REPO, "catalogs")
    inputs = [os.path.join(TOOLS_DIR, f) for f in ("gen_site.py", "gen_corpus.py", "emit.py")]
    inputs += sorted(os.path.join(cats, f) for f in os.listdir(cats) if f.endswith((".yaml", ".yml")))
    import hashlib
    view_src = hashlib.sha256(inspect.getsource(gen_catalogs).encode()).hexdigest()[:8]
    key = "n=%d seed=%d %s %s" % (n, a.seed, file_hash(inputs), view_src)
    stamp = os.path.join(d, "STAMP")
    py = sys.executable
    if os.path.exists(stamp) and open(stamp).read().strip() == key:
        log("corpus %d: cached (%s)" % (n, d))
    else:
        log("corpus %d: generating into %s" % (n, d))
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        t = time.time()
        view = os.path.join(d, "catalogs-for-gen")
        kept, total = gen_catalogs(view)
        log("corpus %d: catalog view keeps %d of %d items" % (n, kept, total))
        sh([py, os.path.join(TOOLS_DIR, "gen_site.py"), "--n", str(n), "--seed", str(a.seed),
            "--catalogs", view, "--out", os.path.join(d, "site")], stdout=subprocess.DEVNULL)
        sh([py, os.path.join(TOOLS_DIR, "gen_corpus.py"), "--n", str(n), "--seed", str(a.seed),
            "--out", os.path.join(d, "corpus.jsonl")])
        sh([py, os.path.join(TOOLS_DIR, "emit.py"), "--in", os.path.join(d, "corpus.jsonl"),
            "--out", os.path.join(d, "anchors"), "--targets", "hugo,mdbook"], stdout=subprocess.DEVNULL)
        with open(stamp, "w") as f:
            f.write(key + "\n")
        log("corpus %d: generated in %.0f s" % (n, time.time() - t))
    rawdir = os.path.join(d, "site-raw")
    if raw and not os.path.exists(os.path.join(rawdir, "DONE")):
        log("corpus %d: raw gen_site.py (unfiltered catalogs) into %s" % (n, rawdir))
        shutil.rmtree(rawdir, ignore_errors=True)
        sh([py, os.path.join(TOOLS_DIR, "gen_site.py"), "--n", str(n), "--seed", str(a.seed),
            "--catalogs", cats, "--out", rawdir], stdout=subprocess.DEVNULL)
        open(os.path.join(rawdir, "DONE"), "w").close()
    return d


def tree_size(path):
    """(apparent bytes, bytes on disk, files) of a folder; zeros when missing."""
    size = disk = files = 0
    if not os.path.exists(path):
        return None
    for root, _, names in os.walk(path):
        for nm in names:
            try:
                st = os.lstat(os.path.join(root, nm))
            except OSError:
                continue
            size += st.st_size
            disk += st.st_blocks * 512
            files += 1
    return {"bytes": size, "disk": disk, "files": files}


# ------------------------------------------------------------------------------------ timing
def descendants_rss_kib(pid):
    """Sum of VmRSS over pid and its descendants (for the memory watchdog)."""
    kids = {}
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % p) as f:
                s = f.read()
            ppid = int(s[s.rindex(")") + 2:].split()[1])
            kids.setdefault(ppid, []).append(int(p))
        except (OSError, ValueError):
            continue
    total, todo = 0, [pid]
    while todo:
        q = todo.pop()
        todo += kids.get(q, [])
        try:
            with open("/proc/%d/status" % q) as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def cpu_times():
    """Machine-wide (busy, iowait) seconds from /proc/stat, to tell a disk stall from a slow tool."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    hz = os.sysconf("SC_CLK_TCK")
    return (v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) / hz, v[4] / hz


CURRENT = []  # the process group being timed, killed if the benchmark itself is stopped


def stop_current(signum=None, frame=None):
    for pid in CURRENT:
        try:
            os.killpg(pid, signal.SIGKILL)
        except OSError:
            pass
    if signum is not None:
        sys.exit(128 + signum)


STAGE_LINE = re.compile(r"^\[timing\] (.+?)\s+([0-9.]+) ms(?:\s+rss\s+(\d+) MiB\s+peak\s+(\d+) MiB)?")


def stages_of(logfile):
    """The `GONGKAI_TIMINGS=1` lines of a gongkai log: [(stage, ms, rss MiB, peak MiB)]."""
    out = []
    try:
        for line in open(logfile, encoding="utf-8", errors="replace"):
            m = STAGE_LINE.match(line)
            if m:
                out.append((m.group(1).rstrip(), float(m.group(2)),
                            int(m.group(3)) if m.group(3) else None, int(m.group(4)) if m.group(4) else None))
    except OSError:
        pass
    return out


def timed(cmd, logfile, timeout, mem_cap_mib, cwd=None, env=None):
    """Run cmd under GNU time; returns a dict with wall, cpu, rss_mib, rc, status."""
    tfile = logfile + ".time"
    os.sync()  # flush the previous tool's writes and the clean-up, so that nobody pays for them
    full = ["/usr/bin/time", "-f", "%e %U %S %M", "-o", tfile] + cmd
    started = time.time()
    busy0, iow0 = cpu_times()
    with open(logfile, "w") as lf:
        lf.write("$ " + " ".join(cmd) + "\n")
        lf.flush()
        p = subprocess.Popen(full, stdout=lf, stderr=subprocess.STDOUT, cwd=cwd, start_new_session=True,
                             env=dict(os.environ, **(env or {})))
        CURRENT[:] = [p.pid]
        status = "ok"
        while True:
            try:
                p.wait(timeout=0.5)
                break
            except subprocess.TimeoutExpired:
                pass
            if time.time() - started > timeout:
                status = "timeout"
            elif mem_cap_mib and descendants_rss_kib(p.pid) > mem_cap_mib * 1024:
                status = "memcap"
            if status != "ok":
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()
                break
    CURRENT.clear()
    wall = time.time() - started
    busy1, iow1 = cpu_times()
    r = {"cmd": " ".join(cmd), "rc": p.returncode, "status": status, "wall": wall,
         "machine_busy": busy1 - busy0, "machine_iowait": iow1 - iow0}
    try:
        last = open(tfile).read().strip().splitlines()[-1].split()
        e, u, s, m = float(last[0]), float(last[1]), float(last[2]), int(last[3])
        r.update(wall=e, user=u, sys=s, cpu=u + s, rss_mib=m / 1024)
    except (OSError, IndexError, ValueError):
        pass  # killed: GNU time itself was killed with its group; wall from our clock
    if status == "ok" and p.returncode != 0:
        r["status"] = "exit %d" % p.returncode
    return r


TRASH = os.path.join(OUT, "trash")


def clean(path):
    """Move an old output out of the way; `empty_trash` deletes it when the run is over.

    Deleting right before a run is measured bills that run for the deletion: on ext4 without a
    journal (this machine's disk, and many CI micro-VMs) the inode allocator skips inodes freed
    in the last minute or more, one lookup each, so creating the 12,872 files of a 10k site
    just after deleting the previous 12,872 cost 3–5 s of system time instead of about 1 s
    (perf: `recently_deleted` and `find_get_block_common` were 58% of a file-creating
    process's samples). Moved aside, no tool's run pays for what the harness deleted."""
    if not os.path.lexists(path):
        return
    os.makedirs(TRASH, exist_ok=True)
    os.rename(path, os.path.join(TRASH, "%d-%d" % (os.getpid(), time.monotonic_ns())))


def empty_trash():
    shutil.rmtree(TRASH, ignore_errors=True)


def check_counts(tools, site, date, n):
    """Diagnostics of `gongkai check --format json`, counted by code and severity."""
    p = subprocess.run([tools["gongkai"], "check", "--root", site, "--date", date, "--format", "json"],
                       capture_output=True, text=True)
    counts, first = {}, []
    try:
        diags = json.loads(p.stdout or "[]")
    except ValueError:
        return {"rc": p.returncode, "unparsed": (p.stdout + p.stderr)[:2000]}
    for d in diags:
        k = "%s %s" % (d.get("code"), d.get("severity"))
        counts[k] = counts.get(k, 0) + 1
        if len(first) < 5 and d.get("severity") == "error":
            first.append("%s:%s %s %s" % (d.get("file"), d.get("line"), d.get("code"), d.get("message")))
    return {"rc": p.returncode, "counts": dict(sorted(counts.items())), "first_errors": first,
            "stderr": p.stderr[-1000:]}


def bench_size(n, a, tools, results):
    tools_here = [t for t in a.tools if n < 100000 or t in a.big_tools]
    cdir = corpus(n, a, "gongkai-check-raw" in tools_here)
    site = os.path.join(cdir, "site")
    site_raw = os.path.join(cdir, "site-raw")
    hugo_src = os.path.join(cdir, "anchors", "hugo")
    md_src = os.path.join(cdir, "anchors", "mdbook")
    bdir = os.path.join(OUT, "build", str(n))
    ldir = os.path.join(OUT, "logs", str(n))
    os.makedirs(bdir, exist_ok=True)
    os.makedirs(ldir, exist_ok=True)
    o = {t: os.path.join(bdir, t) for t in ("gongkai", "hugo", "mdbook")}
    runs = a.runs if n < 100000 else a.big_runs
    res = {"n": n, "runs": {t: [] for t in tools_here}, "sizes": {},
           "input": {"gongkai": tree_size(os.path.join(site, "content")),
                     "hugo": tree_size(os.path.join(hugo_src, "content")),
                     "mdbook": tree_size(os.path.join(md_src, "src"))}}
    results["sizes"][str(n)] = res
    log("size %d: gongkai check --format json (not timed)" % n)
    res["check"] = check_counts(tools, site, a.date, n)
    log("   valid corpus:", res["check"].get("counts"))
    if "gongkai-check-raw" in tools_here:
        res["check-raw"] = check_counts(tools, site_raw, a.date, n)
        log("   raw corpus:", res["check-raw"].get("counts"))
    dnf = set()
    for run in range(1, runs + 1):
        for t in tools_here:
            if t in dnf:
                continue
            lf = os.path.join(ldir, "%s-%d.log" % (t, run))
            if t == "gongkai-build":
                clean(o["gongkai"])
                # The stage timings cost a clock read and a /proc read per stage (and two clock
                # reads per file in the gate): kept on so that every run says where its time went.
                r = timed([tools["gongkai"], "build", "--root", site, "--output", o["gongkai"], "--date", a.date],
                          lf, a.timeout, 0, env={"GONGKAI_TIMINGS": "1"})
                r["stages"] = stages_of(lf)
                res["sizes"]["gongkai"] = tree_size(o["gongkai"])
                res["sizes"]["gongkai-search"] = tree_size(os.path.join(o["gongkai"], "search"))
            elif t == "gongkai-check":
                r = timed([tools["gongkai"], "check", "--root", site, "--date", a.date], lf, a.timeout, 0)
            elif t == "gongkai-check-raw":
                r = timed([tools["gongkai"], "check", "--root", site_raw, "--date", a.date], lf, a.timeout, 0)
                if r["status"] == "exit 1":
                    r["status"] = "ok"  # exit 1 = the site has errors, which is what this measures
            elif t == "hugo":
                clean(o["hugo"])
                r = timed([tools["hugo"], "--quiet", "-s", hugo_src, "-d", o["hugo"]], lf, a.timeout, a.mem_cap_mib)
                res["sizes"]["hugo"] = tree_size(o["hugo"])
            elif t == "pagefind":
                if not os.path.exists(os.path.join(o["hugo"], "index.html")):
                    log("  pagefind: no Hugo output to index; skipped")
                    continue
                clean(os.path.join(o["hugo"], "pagefind"))
                r = timed([tools["pagefind"], "--site", o["hugo"]], lf, a.timeout, a.mem_cap_mib)
                res["sizes"]["pagefind"] = tree_size(os.path.join(o["hugo"], "pagefind"))
            elif t == "mdbook":
                clean(o["mdbook"])
                to = a.mdbook_timeout if n >= 10000 else a.timeout
                r = timed([tools["mdbook"], "build", md_src, "-d", o["mdbook"]], lf, to, a.mem_cap_mib)
                r["timeout_s"] = to
                if r["status"] == "ok":
                    res["sizes"]["mdbook"] = tree_size(o["mdbook"])
                    res["sizes"]["mdbook-search"] = tree_size(os.path.join(o["mdbook"], "searchindex.js")) \
                        or tree_size(os.path.join(o["mdbook"], "searchindex.json"))
            with open("/proc/loadavg") as f:
                r["load1"] = float(f.read().split()[0])
            r["run"] = run
            res["runs"][t].append(r)
            log("  %6d run %d %-14s %-8s wall %7.2f s  cpu %7.2f s  rss %7.0f MiB  load %.1f" % (
                n, run, t, r["status"], r["wall"], r.get("cpu", float("nan")), r.get("rss_mib", float("nan")),
                r["load1"]))
            if r["status"] in ("timeout", "memcap"):
                dnf.add(t)
    if not a.keep_outputs:
        for t in ("gongkai", "hugo", "mdbook"):
            clean(o[t])
    return res


# ------------------------------------------------------------------------------------ report
def stats(rs, key):
    v = [r[key] for r in rs if r["status"] == "ok" and key in r]
    if not v:
        return None
    return {"median": statistics.median(v), "min": min(v), "max": max(v), "n": len(v)}


def fmt_s(s, unit="", nd=2):
    if not s:
        return "–"
    if s["n"] == 1:
        return "%.*f%s" % (nd, s["median"], unit)
    return "%.*f%s (%.*f–%.*f)" % (nd, s["median"], unit, nd, s["min"], nd, s["max"])


def fmt_bytes(b):
    if b is None:
        return "–"
    for u, d in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if b >= d:
            return "%.1f %s" % (b / d, u)
    return "%d B" % b


def paired_ratio(res, num, den, key="wall"):
    """Median over runs of num/den, pairing the two tools' measurements of the same run."""
    a = {r["run"]: r for r in res["runs"].get(num, []) if r["status"] == "ok"}
    b = {r["run"]: r for r in res["runs"].get(den, []) if r["status"] == "ok"}
    v = [a[k][key] / b[k][key] for k in a if k in b and b[k].get(key)]
    return statistics.median(v) if v else None


def report(results, a):
    L = []
    m, v = results["machine"], results["versions"]
    loads = results["load_samples"]
    L.append("## Run of %s\n" % results["started"])
    L.append("Command: `%s`\n" % results["command"])
    L.append("Machine: %d cores (%s), %d MiB memory (%d MiB available at start), Linux %s. "
             "Load average (1 min) during the run: median %.1f, min %.1f, max %.1f (%d samples). "
             "Date given to gongkai: `--date %s`; seed %d.\n" % (
                 m["nproc"], m["cpu"], m["mem_total_mib"], m["mem_available_mib_at_start"], m["kernel"],
                 statistics.median(loads) if loads else 0, min(loads or [0]), max(loads or [0]), len(loads),
                 a.date, a.seed))
    L.append("Versions: " + "; ".join("%s `%s`" % (k, v[k].splitlines()[0] if v[k] else "") for k in v) + "\n")
    L.append("### Timings (median, min–max over runs; wall and CPU in seconds, peak RSS in MiB)\n")
    L.append("load1: 1-minute load average at the end of each command. machine iowait: seconds the whole "
             "machine's CPUs sat waiting for the disk during the command (all processes, not only the tool); "
             "a wall time far above the CPU time with a large iowait is a disk stall on the shared machine. "
             "user s is the steadiest figure on a shared machine; sys s (file creation, page faults) swings "
             "with what the other users of the machine do, and with how many files were deleted on the disk "
             "in the last minutes (the harness moves old outputs aside and deletes them only at the end).\n")
    L.append("| notices | tool | runs | wall s | CPU s (user+sys) | user s | sys s | peak RSS MiB | load1 | machine iowait s | status |")
    L.append("|---:|---|---:|---|---|---|---|---|---|---|---|")
    for n, res in results["sizes"].items():
        for t, rs in res["runs"].items():
            if not rs:
                continue
            ok = [r for r in rs if r["status"] == "ok"]
            bad = [r for r in rs if r["status"] != "ok"]
            st = "ok" if not bad else ", ".join(sorted(set(
                ("did not finish in %d s" % r.get("timeout_s", a.timeout)) if r["status"] == "timeout"
                else ("killed at %d MiB RSS" % a.mem_cap_mib) if r["status"] == "memcap" else r["status"]
                for r in bad)))
            if not ok and bad:
                L.append("| %s | %s | %d | > %.0f | – | – | – | – | %.1f | – | %s |" % (
                    n, t, len(rs), max(r["wall"] for r in bad), rs[-1]["load1"], st))
                continue
            L.append("| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                n, t, len(rs), fmt_s(stats(rs, "wall")), fmt_s(stats(rs, "cpu")), fmt_s(stats(rs, "user")),
                fmt_s(stats(rs, "sys")), fmt_s(stats(rs, "rss_mib"), nd=0),
                fmt_s(stats(rs, "load1"), nd=1), fmt_s(stats(rs, "machine_iowait"), nd=1), st))
    L.append("")
    L.append("### Where gongkai build spends its time (`GONGKAI_TIMINGS=1`, median over runs)\n")
    L.append("Stages in order; indented ones are parts of the one above them. RSS and peak: resident "
             "memory after the stage and the highest so far, MiB. The gate line is CPU time summed "
             "over threads, spent inside the other stages.\n")
    for n, res in results["sizes"].items():
        runs = [r.get("stages") for r in res["runs"].get("gongkai-build", []) if r.get("stages")]
        if not runs:
            continue
        L.append("| %s notices: stage | ms | RSS MiB | peak MiB |" % n)
        L.append("|---|---:|---:|---:|")
        for k, (name, _, _, _) in enumerate(runs[0]):
            same = [st[k] for st in runs if len(st) > k and st[k][0] == name]
            med = lambda i: statistics.median([x[i] for x in same if x[i] is not None]) \
                if any(x[i] is not None for x in same) else None
            rss, peak = med(2), med(3)
            L.append("| %s | %.0f | %s | %s |" % (name.replace(" ", "\u00a0") if name.startswith(" ") else name,
                                                   med(1), "–" if rss is None else "%.0f" % rss,
                                                   "–" if peak is None else "%.0f" % peak))
        L.append("")
    L.append("### Output (last run)\n")
    L.append("| notices | what | files | size (apparent) | on disk (du) |")
    L.append("|---:|---|---:|---:|---:|")
    for n, res in results["sizes"].items():
        for what, label in (("gongkai", "gongkai site (all)"), ("gongkai-search", "gongkai search index `search/`"),
                            ("hugo", "Hugo site (no search)"), ("pagefind", "Pagefind index `pagefind/`"),
                            ("mdbook", "mdBook book"), ("mdbook-search", "mdBook `searchindex.js`")):
            s = res["sizes"].get(what)
            if s:
                L.append("| %s | %s | %d | %s | %s |" % (n, label, s["files"], fmt_bytes(s["bytes"]), fmt_bytes(s["disk"])))
        for what, label in (("gongkai", "input: gongkai `content/`"), ("hugo", "input: Hugo `content/`")):
            s = res["input"].get(what)
            if s:
                L.append("| %s | %s | %d | %s | %s |" % (n, label, s["files"], fmt_bytes(s["bytes"]), fmt_bytes(s["disk"])))
    L.append("")
    L.append("### gongkai check on the generated corpora\n")
    for n, res in results["sizes"].items():
        for key, label in (("check", "benchmarked corpus (level-filtered catalog view)"),
                           ("check-raw", "raw gen_site.py corpus (project catalogs as they are)")):
            c = res.get(key)
            if not c:
                continue
            L.append("- %s notices, %s: exit %s; diagnostics by code: %s" % (
                n, label, c.get("rc"), ", ".join("%s ×%d" % kv for kv in c.get("counts", {}).items()) or "none"))
            for e in c.get("first_errors", []):
                L.append("  - `%s`" % e)
    L.append("")
    L.append("### Ratios (same run) and SPEC 11 floors\n")
    L.append("| notices | measure | value | floor | met? |")
    L.append("|---:|---|---:|---|---|")

    def verdict(ok):
        return "–" if ok is None else ("**yes**" if ok else "**no**")

    sizes = results["sizes"]
    for n, res in sizes.items():
        g = stats(res["runs"].get("gongkai-build", []), "wall")
        gok = all(r["status"] == "ok" for r in res["runs"].get("gongkai-build", [])) and g
        rw = paired_ratio(res, "gongkai-build", "hugo", "wall")
        rc = paired_ratio(res, "gongkai-build", "hugo", "cpu")
        if rw is not None:
            L.append("| %s | gongkai build wall / Hugo wall (median of per-run ratios) | %.3f (1/%.1f) | ≤ 0.200 (1/5) at 10k | %s |" % (
                n, rw, 1 / rw if rw else 0, verdict(rw <= 0.2 and bool(gok)) if n == "10000" else "(not a floor)"))
        if rc is not None:
            L.append("| %s | gongkai build CPU / Hugo CPU (user+sys) | %.3f | – | – |" % (n, rc))
        ru = paired_ratio(res, "gongkai-build", "hugo", "user")
        if ru is not None:
            L.append("| %s | gongkai build user CPU / Hugo user CPU | %.3f | – | – |" % (n, ru))
        rss = stats(res["runs"].get("gongkai-build", []), "rss_mib")
        if rss:
            cap = {"10000": 300, "100000": 1536}.get(n)
            under = sum(1 for r in res["runs"]["gongkai-build"] if r["status"] == "ok" and r.get("rss_mib", 1e9) < (cap or 0))
            v = "–"
            if cap:
                v = verdict(rss["max"] < cap) + ("" if rss["n"] == 1 else " (%d of %d runs under)" % (under, rss["n"]))
            L.append("| %s | gongkai build peak RSS, median (max) over runs | %.0f MiB (%.0f) | %s | %s |" % (
                n, rss["median"], rss["max"], ("< %d MiB" % cap) if cap else "–", v))
        gs, pf = res["sizes"].get("gongkai-search"), res["sizes"].get("pagefind")
        if gs and pf:
            rd, rb = gs["disk"] / pf["disk"], gs["bytes"] / pf["bytes"]
            L.append("| %s | gongkai `search/` / Pagefind `pagefind/`, on disk (du) | %.3f (%s / %s) | < 0.25 at 10k | %s |" % (
                n, rd, fmt_bytes(gs["disk"]), fmt_bytes(pf["disk"]), verdict(rd < 0.25) if n == "10000" else "(not a floor)"))
            L.append("| %s | same, apparent bytes | %.3f (%s / %s) | – | – |" % (
                n, rb, fmt_bytes(gs["bytes"]), fmt_bytes(pf["bytes"])))
        elif n == "10000" and pf and not gs:
            L.append("| %s | gongkai `search/` | missing | < 0.25 of Pagefind at 10k | **no** (no index written) |" % n)
        if n == "100000" and g:
            L.append("| 100000 | gongkai build wall | %.2f s | < 30 s | %s |" % (g["median"], verdict(g["median"] < 30 and bool(gok))))
            g10 = stats(sizes.get("10000", {"runs": {}})["runs"].get("gongkai-build", []), "wall") if "10000" in sizes else None
            if g10:
                lin = g["median"] / g10["median"] / 10
                L.append("| 100000 | (100k wall / 10k wall) / 10 | %.2f | ≤ 1 (no worse than linear) | %s |" % (lin, verdict(lin <= 1)))
            c10 = stats(sizes["10000"]["runs"].get("gongkai-build", []), "cpu")
            c100 = stats(res["runs"].get("gongkai-build", []), "cpu")
            if c10 and c100:
                linc = c100["median"] / c10["median"] / 10
                L.append("| 100000 | (100k CPU / 10k CPU) / 10 | %.2f | (same floor, on CPU time) | %s |" % (linc, verdict(linc <= 1)))
            u10 = stats(sizes["10000"]["runs"].get("gongkai-build", []), "user")
            u100 = stats(res["runs"].get("gongkai-build", []), "user")
            if u10 and u100:
                linu = u100["median"] / u10["median"] / 10
                L.append("| 100000 | (100k user CPU / 10k user CPU) / 10 | %.2f | (same floor, on user CPU) | %s |" % (linu, verdict(linu <= 1)))
    L.append("")
    return "\n".join(L)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated notice counts (default 1000,10000)")
    ap.add_argument("--big", action="store_true", help="also 100000 notices (--big-runs runs, --big-tools only)")
    ap.add_argument("--runs", type=int, default=3, help="runs per size (default 3)")
    ap.add_argument("--big-runs", type=int, default=1, help="runs at 100000 (default 1)")
    ap.add_argument("--tools", default=",".join(ALL_TOOLS), help="subset of " + ",".join(ALL_TOOLS))
    ap.add_argument("--big-tools", default="gongkai-build,gongkai-check,hugo", help="tools run at 100000")
    ap.add_argument("--no-raw", action="store_true", help="skip the raw (unfiltered-catalog) corpus")
    ap.add_argument("--date", default="2026-11-28", help="--date given to gongkai (default 2026-11-28)")
    ap.add_argument("--seed", type=int, default=20260101)
    ap.add_argument("--timeout", type=int, default=900, help="per command, seconds (default 900)")
    ap.add_argument("--mdbook-timeout", type=int, default=300, help="mdBook at >= 10k notices (default 300 s)")
    ap.add_argument("--mem-cap-mib", type=int, default=0,
                    help="kill an anchor above this RSS (default: available memory at start minus 3 GiB, at most 16 GiB)")
    ap.add_argument("--skip-cargo", action="store_true", help="use the existing target/release/gongkai")
    ap.add_argument("--keep-outputs", action="store_true", help="keep bench/out/build/* after the run")
    ap.add_argument("--label", default="", help="suffix for the results file name")
    ap.add_argument("--report-only", metavar="JSON", help="print the report of an earlier results-*.json and exit")
    a = ap.parse_args()
    if a.report_only:
        with open(a.report_only, encoding="utf-8") as f:
            results = json.load(f)
        for k, v in results.get("args", {}).items():
            setattr(a, k, v)
        print(report(results, a))
        return
    a.tools = [t for t in ALL_TOOLS if t in a.tools.split(",")] + [t for t in a.tools.split(",") if t not in ALL_TOOLS]
    a.big_tools = [t for t in a.big_tools.split(",") if t]
    if a.no_raw:
        a.tools = [t for t in a.tools if t != "gongkai-check-raw"]
    bad = [t for t in a.tools + a.big_tools if t not in ALL_TOOLS]
    if bad:
        sys.exit("unknown tools: %s" % bad)
    sizes = [int(s) for s in a.sizes.split(",") if s]
    if a.big and 100000 not in sizes:
        sizes.append(100000)
    m = machine()
    if not a.mem_cap_mib:
        a.mem_cap_mib = max(2048, min(16384, m["mem_available_mib_at_start"] - 3072))
    os.makedirs(OUT, exist_ok=True)
    tools = ensure_tools(a)
    started = datetime.datetime.now()
    results = {"started": started.strftime("%Y-%m-%d %H:%M"), "command": " ".join(["python3", "bench/run.py"] + sys.argv[1:]),
               "machine": m, "versions": versions(tools), "mem_cap_mib": a.mem_cap_mib, "sizes": {},
               "args": {k: getattr(a, k) for k in ("date", "seed", "timeout", "mdbook_timeout", "mem_cap_mib")}}
    signal.signal(signal.SIGTERM, stop_current)
    signal.signal(signal.SIGINT, stop_current)
    sampler = LoadSampler()
    sampler.start()
    try:
        for n in sizes:
            bench_size(n, a, tools, results)
    finally:
        sampler.stop.set()
        empty_trash()
        results["load_samples"] = sampler.samples
        results["finished"] = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
        text = report(results, a)
        print(text)
        name = "results-%s%s" % (started.strftime("%Y-%m-%d"), ("-" + a.label) if a.label else "")
        with open(os.path.join(OUT, name + ".md"), "w", encoding="utf-8") as f:
            f.write(text + "\n")
        with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(results, f, ensure_ascii=False, indent=1)
        log("wrote", os.path.join(OUT, name + ".md"))


if __name__ == "__main__":
    main()
