#!/usr/bin/env python3
"""Hostile notices at two sizes ten times apart: `gongkai check` and `gongkai build` must grow
linearly in time and memory (issue 9). Three inputs, each measured on the released binary:

- one line of N broken links (each a diagnostic: capped per file, excerpts not whole lines);
- one line of N links to an existing file (columns counted on, not from the line start);
- N nested <div>s of raw HTML (flattened past 100 levels before the sanitiser).

Usage: python3 bench/hostile.py [--sizes 20000,200000] [--runs 3] [--bin target/release/gongkai]
Prints a Markdown table of medians (wall seconds, peak RSS MiB) and the large/small ratios.
"""

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASE = os.path.join(ROOT, "tests", "fixtures", "check-base")
FRONT = (
    "---\n标题: 青山镇社会救助政策文件汇编\n事项: 社会救助/综合业务/政策法规文件\n"
    "形成日期: 2026-11-16\n发布日期: 2026-11-18\n---\n\n"
)


def hostile(kind, n):
    if kind == "broken-links":
        return FRONT + "".join(f"[文件{i}](missing-{i}.pdf) " for i in range(n)) + "\n"
    if kind == "links":
        return FRONT + "[汇编](ok.txt) " * n + "\n"
    if kind == "nested-div":
        return FRONT + "<div>" * n + "政策文件" + "</div>" * n + "\n"
    raise ValueError(kind)


def one(args, kind, n, op):
    code = (
        "import resource,subprocess,sys,time;"
        "t=time.perf_counter();p=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
        "w=time.perf_counter()-t;print(w,resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024,p.returncode)"
    )
    tmp = tempfile.mkdtemp(prefix="gk-hostile-")
    try:
        site = os.path.join(tmp, "site")
        shutil.copytree(BASE, site)
        d = os.path.join(site, "content", "qingshan")
        with open(os.path.join(d, "hostile.md"), "w", encoding="utf-8") as f:
            f.write(hostile(kind, n))
        with open(os.path.join(d, "ok.txt"), "w", encoding="utf-8") as f:
            f.write("政策文件汇编\n")
        cmd = [args.bin, op, "--root", site, "--date", "2026-11-28"]
        if op == "build":
            cmd += ["--output", os.path.join(tmp, "out")]
        out = subprocess.run([sys.executable, "-c", code] + cmd, capture_output=True, text=True).stdout.split()
        return float(out[0]), float(out[1]), int(out[2])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="20000,200000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "gongkai"))
    args = ap.parse_args()
    small, large = [int(s) for s in args.sizes.split(",")]
    print(f"| input | op | N | wall s (median of {args.runs}) | peak RSS MiB | exit |")
    print("|---|---|---|---|---|---|")
    ratios = []
    for kind in ["broken-links", "links", "nested-div"]:
        for op in ["check", "build"]:
            med = {}
            for n in (small, large):
                rs = [one(args, kind, n, op) for _ in range(args.runs)]
                wall = statistics.median(r[0] for r in rs)
                rss = statistics.median(r[1] for r in rs)
                med[n] = (wall, rss)
                print(f"| {kind} | {op} | {n} | {wall:.2f} | {rss:.0f} | {rs[0][2]} |")
            ratios.append((kind, op, med[large][0] / max(med[small][0], 1e-3), med[large][1] / max(med[small][1], 1)))
    print()
    print(f"| input | op | time ratio ×{large // small} N | memory ratio |")
    print("|---|---|---|---|")
    for kind, op, t, m in ratios:
        print(f"| {kind} | {op} | {t:.1f} | {m:.1f} |")


if __name__ == "__main__":
    main()
