#!/usr/bin/env python3
"""Search quality: recall@10 and MRR per kind of query, through the real search.js and the real
index of built sites, in headless Chromium (issue 17).

    python3 bench/search_quality.py --site ex=/tmp/ex-out --site 10k=/tmp/10k-out [--json out.json]

Each SITE is a folder written by `gongkai build`. The queries and what makes a notice relevant
to each are in bench/search_queries.tsv; relevance is judged on data/notices.json (title, item
path, township, village) and, for `page~`, on the notice page's text, never on the index.

recall@10 = relevant notices among the first ten / min(10, relevant notices); MRR = 1 / rank of
the first relevant notice (0 when none is in the first ten). Both averaged per kind.
"""
import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CHROMIUM = "/usr/bin/chromium"


def read_queries(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            site, kind, query, rel = line.split("\t")
            out.append({"site": site, "kind": kind, "q": query, "rel": rel})
    return out


def page_text(site, url, cache):
    if url not in cache:
        try:
            with open(os.path.join(site, url), encoding="utf-8") as f:
                raw = f.read()
        except OSError:
            raw = ""
        main = re.search(r"<main.*?</main>", raw, re.S)
        raw = main.group(0) if main else raw
        cache[url] = html.unescape(re.sub(r"<[^>]+>", "", raw))
    return cache[url]


def relevant(site, notices, rel, cache):
    conds = [c.strip() for c in rel.split("&")]
    fields = {"title": "title", "town": "township", "village": "village"}
    keep = []
    for n in notices:
        ok = True
        for c in conds:
            m = re.match(r"(\w+)([~=])(.*)", c)
            field, op, want = m.group(1), m.group(2), m.group(3)
            if field == "path":
                value = n["domain"] + "/" + n["item"]
            elif field == "page":
                value = page_text(site, n["url"], cache)
            else:
                value = n.get(fields[field], "") or ""
            if op == "=":
                ok = value == want
            else:
                ok = any(w in value for w in want.split("|"))
            if not ok:
                break
        if ok:
            keep.append(n["url"])
    return set(keep)


def run_queries(site, queries):
    shutil.copy(os.path.join(HERE, "search_harness.html"), os.path.join(site, "_quality.html"))
    with open(os.path.join(site, "quality_queries.js"), "w", encoding="utf-8") as f:
        f.write("window.QUERIES = " + json.dumps(queries, ensure_ascii=False) + ";\n")
    profile = tempfile.mkdtemp(prefix="gk-quality-")
    try:
        out = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--no-first-run", "--allow-file-access-from-files", "--user-data-dir=" + profile,
             "--virtual-time-budget=900000", "--dump-dom",
             "file://" + os.path.abspath(os.path.join(site, "_quality.html"))],
            capture_output=True, text=True, timeout=900).stdout
    finally:
        shutil.rmtree(profile, ignore_errors=True)
        for name in ("_quality.html", "quality_queries.js"):
            try:
                os.remove(os.path.join(site, name))
            except OSError:
                pass
    m = re.search(r"<pre id=\"out\">RESULTS(.*?)END</pre>", out, re.S)
    if not m:
        sys.exit("harness produced no results for " + site)
    return json.loads(html.unescape(m.group(1)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", action="append", required=True, help="NAME=BUILT_SITE_DIR")
    ap.add_argument("--queries", default=os.path.join(HERE, "search_queries.tsv"))
    ap.add_argument("--json")
    ap.add_argument("--show", action="store_true", help="print every query that misses")
    args = ap.parse_args()
    queries = read_queries(args.queries)
    rows = []
    for spec in args.site:
        name, site = spec.split("=", 1)
        with open(os.path.join(site, "data", "notices.json"), encoding="utf-8") as f:
            notices = json.load(f)
        mine = [q for q in queries if q["site"] == name]
        got = run_queries(site, [q["q"] for q in mine])
        cache = {}
        for q, g in zip(mine, got):
            rel = relevant(site, notices, q["rel"], cache)
            links = [l[2:] if l.startswith("./") else l for l in g["links"]]
            hits = [l in rel for l in links[:10]]
            recall = sum(hits) / min(10, len(rel)) if rel else 0.0
            rr = next((1.0 / (i + 1) for i, h in enumerate(hits) if h), 0.0)
            rows.append({"site": name, "kind": q["kind"], "q": q["q"], "relevant": len(rel),
                         "found": g["total"], "recall": recall, "rr": rr, "ms": g["ms"]})
            if args.show and recall < 1:
                print(f"  {name} {q['kind']:9} {q['q']:12} relevant={len(rel):4} found={g['total']:5} "
                      f"recall@10={recall:.2f} rr={rr:.2f}")
    kinds = []
    for r in rows:
        if (r["site"], r["kind"]) not in kinds:
            kinds.append((r["site"], r["kind"]))
    print("| site | kind | queries | recall@10 | MRR |")
    print("|---|---|---:|---:|---:|")
    for site, kind in kinds:
        sel = [r for r in rows if r["site"] == site and r["kind"] == kind]
        print(f"| {site} | {kind} | {len(sel)} | {sum(r['recall'] for r in sel) / len(sel):.2f} | "
              f"{sum(r['rr'] for r in sel) / len(sel):.2f} |")
    print(f"| all | all | {len(rows)} | {sum(r['recall'] for r in rows) / len(rows):.2f} | "
          f"{sum(r['rr'] for r in rows) / len(rows):.2f} |")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(rows, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
