#!/usr/bin/env python3
"""Save-to-served latency of `gongkai serve` (issue 10, SPEC 11: under 150 ms at 10k notices).

Generates (or reuses) a gen_site.py corpus, starts `gongkai serve --port 0` on it, then edits
one notice's title N times and, for each save, polls the notice's URL until the new title is
served. Prints the median and the spread, and the server's resident memory (VmRSS, Linux).

    python3 bench/serve_bench.py --n 1000 --edits 20 [--bin target/release/gongkai] [--site DIR]

Everything it writes stays in bench/out/serve/ (git-ignored). Hugo's and Zola's servers on the
same corpus are not driven yet (see docs/benchmarks.md).
"""
import argparse, json, os, re, shutil, statistics, subprocess, sys, time, urllib.request, urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.read().decode("utf-8", "replace")
    except Exception:
        return ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--edits", type=int, default=20)
    ap.add_argument("--bin", default=str(REPO / "target/release/gongkai"))
    ap.add_argument("--site", help="an existing site folder (copied) instead of a generated one")
    a = ap.parse_args()
    out = HERE / "out" / "serve"
    site = out / f"site-{a.n}" if not a.site else out / "site-given"
    if site.exists():
        shutil.rmtree(site)
    out.mkdir(parents=True, exist_ok=True)
    if a.site:
        shutil.copytree(a.site, site, ignore=shutil.ignore_patterns("target", "public", ".git", "bench"))
    else:
        subprocess.run([sys.executable, str(REPO.parent / "shared/tools/gen_site.py"), "--n", str(a.n),
                        "--catalogs", str(REPO / "catalogs"), "--out", str(site)], check=True)
    p = subprocess.Popen([a.bin, "serve", "--root", str(site), "--port", "0", "--date", "2026-11-28"],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        base = None
        t0 = time.time()
        for line in p.stdout:
            m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            if m:
                base = m.group(0)
                break
        print(f"first build and start: {time.time() - t0:.2f} s")
        rows = json.loads(get(base + "data/notices.json"))
        row = rows[len(rows) // 2]
        url = base + urllib.parse.quote(row["url"])
        src = next(f for f in (site / "content").rglob("*.md") if f"标题: {row['title']}" in f.read_text("utf-8"))
        text = src.read_text("utf-8")
        times = []
        for i in range(a.edits):
            title = f"{row['title']}（第{i + 1}次修改）"
            start = time.perf_counter()
            src.write_text(text.replace(f"标题: {row['title']}", f"标题: {title}", 1), "utf-8")
            while title not in get(url):
                if time.perf_counter() - start > 30:
                    sys.exit(f"edit {i + 1} not served after 30 s")
                time.sleep(0.002)
            times.append((time.perf_counter() - start) * 1000)
            time.sleep(0.3)
        rss = ""
        status = Path(f"/proc/{p.pid}/status")
        if status.exists():
            rss = next((l.split(":", 1)[1].strip() for l in status.read_text().splitlines() if l.startswith("VmRSS")), "")
        print(f"{len(rows)} notices, {a.edits} edits: median {statistics.median(times):.0f} ms "
              f"(min {min(times):.0f}, max {max(times):.0f}); server RSS {rss}")
    finally:
        p.terminate()
        p.wait()


if __name__ == "__main__":
    main()
