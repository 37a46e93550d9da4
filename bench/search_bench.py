#!/usr/bin/env python3
"""Search benchmark (SPEC 11): index size, bytes a query downloads, keystroke-to-results time.

    python3 bench/search_bench.py --jsonl corpus-10000.jsonl          # build, then measure
    python3 bench/search_bench.py --content SITE/content               # a gen_site.py site
    python3 bench/search_bench.py --site DIR                           # an already built DIR
    python3 bench/search_bench.py --jsonl c.jsonl --queries 低保,危房改造 --runs 5

1. Builds the index with `cargo run --release --example search_bench -- ... --out DIR`, which
   prints the index size on disk by part and the build time, and writes DIR/search.html,
   DIR/static/search.{js,css} and DIR/search/.
2. Serves DIR from 127.0.0.1 (python http.server, no compression) and drives headless Chromium
   through the DevTools protocol (--remote-debugging-pipe, no third-party package). For every
   query and run it opens search.html in a fresh browser context (empty cache), waits until the
   page has loaded its metadata, then sets the query in #search-input and dispatches an `input`
   event, as one IME commit does, and waits for the page's `gongkai:search` event.
3. Reports per query: results, bytes downloaded in total since the page opened (search.js,
   meta, postings shards, dictionary, document shards: Resource Timing encodedBodySize), and the
   time from the input event to rendered results (median of --runs; it includes the page's
   40 ms debounce and the loading of every shard the query needs).

Python 3 standard library only. Timings on a shared machine are noisy: compare medians.
"""
import argparse
import functools
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
DEFAULT_QUERIES = "低保,补贴,荷叶,村民代表,危房改造,特困人员救助,2026,3600元"


def build(args, out):
    cmd = ["cargo", "run", "--quiet", "--release", "--example", "search_bench", "--"]
    cmd += ["--jsonl", args.jsonl] if args.jsonl else ["--content", args.content]
    cmd += ["--out", out]
    print("$ " + " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=REPO, check=True)


def serve(directory):
    handler = functools.partial(Quiet, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Browser:
    """Headless Chromium over --remote-debugging-pipe (fd 3 in, fd 4 out, NUL-separated JSON)."""

    def __init__(self):
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()

        def fds():
            # Chromium's pipe protocol wants fd 3 (commands in) and fd 4 (replies out). Move
            # them via high numbers so the two dup2s cannot clobber each other.
            a, b = os.dup(to_chrome_r) + 100, os.dup(from_chrome_w) + 100
            os.dup2(to_chrome_r, a)
            os.dup2(from_chrome_w, b)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.profile = tempfile.mkdtemp(prefix="gk-bench-")
        self.proc = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--no-first-run", "--remote-debugging-pipe",
             "--user-data-dir=" + self.profile, "about:blank"],
            preexec_fn=fds, close_fds=False,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buf = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_chrome, json.dumps(msg).encode() + b"\0")
        want = self.next_id
        while True:
            reply = self.read()
            if reply.get("id") == want:
                if "error" in reply:
                    raise RuntimeError("%s: %s" % (method, reply["error"]))
                return reply.get("result", {})
            self.events.append(reply)

    def read(self):
        while b"\0" not in self.buf:
            chunk = os.read(self.from_chrome, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def wait_event(self, method, session, timeout=30):
        end = time.time() + timeout
        while time.time() < end:
            for i, e in enumerate(self.events):
                if e.get("method") == method and e.get("sessionId") == session:
                    del self.events[i]
                    return e
            self.events.append(self.read())
        raise RuntimeError("no %s within %d s" % (method, timeout))

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


MEASURE = r"""
new Promise(function (resolve) {
  var q = %s;
  var results = document.getElementById('search-results');
  var input = document.getElementById('search-input');
  function ready() {
    var names = performance.getEntriesByType('resource').map(function (r) { return r.name; });
    return window.gongkaiSearch && document.getElementById('search-township').options.length > 1 &&
      document.readyState === 'complete';
  }
  function go() {
    var t0, first = null;
    new MutationObserver(function () {
      if (first === null && results.querySelector('a[href]')) first = performance.now() - t0;
    }).observe(results, { childList: true, subtree: true });
    results.addEventListener('gongkai:search', function (e) {
      if (e.detail.query !== q) return;
      var ms = performance.now() - t0;
      setTimeout(function () {
        var parts = {}, phases = {};
        performance.getEntriesByType('resource').forEach(function (r) {
          var kind = (r.name.match(/\/search\/([a-z]+)/) || [])[1];
          if (kind && r.startTime >= t0) {
            phases[kind + ' start'] = Math.min(phases[kind + ' start'] || 1e9, Math.round(r.startTime - t0));
            phases[kind + ' end'] = Math.max(phases[kind + ' end'] || 0, Math.round(r.responseEnd - t0));
          }
          var m = r.name.match(/\/(search\/[a-z]+|static\/[a-z.]+|search\/[a-z]+\.js)/);
          var key = m ? m[1].replace(/^search\/(meta|dict)$/, 'search/$1.js') : r.name;
          parts[key] = (parts[key] || 0) + r.encodedBodySize;
        });
        resolve(JSON.stringify({ ms: ms, first: first, total: e.detail.total, shown: results.querySelectorAll('a[href]').length,
                                 marks: results.querySelectorAll('mark').length, parts: parts, phases: phases, error: e.detail.error || null }));
      }, 0);
    });
    t0 = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
  (function wait() { if (ready()) setTimeout(go, 300); else setTimeout(wait, 10); })();
})
"""


def top_functions(profile, count=15):
    """Self time per function of a CDP CPU profile, largest first."""
    by_id = {n["id"]: n for n in profile["nodes"]}
    self_us = {}
    for node_id, delta in zip(profile.get("samples", []), profile.get("timeDeltas", [])):
        frame = by_id[node_id]["callFrame"]
        key = "%s (%s:%d)" % (frame["functionName"] or "(anonymous)", frame["url"].rsplit("/", 1)[-1], frame["lineNumber"] + 1)
        self_us[key] = self_us.get(key, 0) + delta
    return sorted(self_us.items(), key=lambda kv: -kv[1])[:count]


def measure(browser, url, query, profile=False):
    ctx = browser.send("Target.createBrowserContext")["browserContextId"]
    target = browser.send("Target.createTarget", {"url": "about:blank", "browserContextId": ctx})["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    browser.send("Page.enable", session=session)
    browser.send("Page.navigate", {"url": url}, session=session)
    browser.wait_event("Page.loadEventFired", session)
    if profile:
        browser.send("Profiler.enable", session=session)
        browser.send("Profiler.setSamplingInterval", {"interval": 100}, session=session)
        browser.send("Profiler.start", session=session)
    res = browser.send("Runtime.evaluate", {"expression": MEASURE % json.dumps(query, ensure_ascii=False),
                                            "awaitPromise": True, "returnByValue": True, "timeout": 30000},
                       session=session)
    prof = browser.send("Profiler.stop", session=session)["profile"] if profile else None
    browser.send("Target.closeTarget", {"targetId": target})
    browser.send("Target.disposeBrowserContext", {"browserContextId": ctx})
    browser.events.clear()
    value = res.get("result", {}).get("value")
    if value is None:
        raise RuntimeError("no result for %s: %s" % (query, res))
    out = json.loads(value)
    if prof:
        out["profile"] = top_functions(prof)
    return out


def disk_size(directory):
    total = files = 0
    for root, _, names in os.walk(os.path.join(directory, "search")):
        for n in names:
            total += os.path.getsize(os.path.join(root, n))
            files += 1
    return total, files


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--jsonl", help="gen_corpus.py output")
    src.add_argument("--content", help="a gen_site.py content/ folder")
    src.add_argument("--site", help="a folder already written by the search_bench example")
    ap.add_argument("--queries", default=DEFAULT_QUERIES, help="comma-separated")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--file", action="store_true",
                    help="open the page from file:// (kiosk case; byte counts are not available there)")
    ap.add_argument("--profile", action="store_true", help="also print a CPU profile of each query")
    ap.add_argument("--keep", help="write the built site here instead of a temp folder")
    args = ap.parse_args()
    if not os.path.exists(CHROMIUM):
        sys.exit("chromium not found at %s (set CHROMIUM=...)" % CHROMIUM)

    site = args.site
    tmp = None
    if not site:
        site = args.keep or tempfile.mkdtemp(prefix="gk-search-site-")
        tmp = None if args.keep else site
        build(args, site)
    size, files = disk_size(site)
    print("\nindex on disk: %.2f MB in %d files (Pagefind on 10k of these notices: 88 MB)\n" % (size / 1e6, files))

    server = serve(site)
    url = "http://127.0.0.1:%d/search.html" % server.server_address[1]
    if args.file:
        url = "file://" + os.path.abspath(os.path.join(site, "search.html"))
    browser = Browser()
    rows = []
    try:
        for q in [q for q in args.queries.split(",") if q]:
            runs = [measure(browser, url, q) for _ in range(args.runs)]
            if args.profile:
                prof = measure(browser, url, q, profile=True)["profile"]
                print("CPU profile of one more run of %s (self time):" % q)
                for name, us in prof:
                    print("  %7.1f ms  %s" % (us / 1000, name))
            first = runs[0]
            ms = statistics.median(r["ms"] for r in runs)
            first_ms = statistics.median((r["first"] if r["first"] is not None else r["ms"]) for r in runs)
            total = sum(first["parts"].values())
            rows.append((q, first, (first_ms, ms), total))
    finally:
        browser.close()
        server.shutdown()
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)

    print("| query | chars | results | shown | bytes downloaded | of which index | keystroke→first result | →page of %d (medians of %d) |" % (10, args.runs))
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for q, first, (first_ms, ms), total in rows:
        index = sum(v for k, v in first["parts"].items() if k.startswith("search/"))
        print("| %s | %d | %s | %d | %.1f KB | %.1f KB | %.0f ms | %.0f ms |" % (
            q, len(q), first["total"], first["shown"], total / 1e3, index / 1e3, first_ms, ms))
    print("\nwhen the index files arrived, ms after the input event (first run):")
    for q, first, _, _ in rows:
        print("  %s: %s, first result at %.0f, page at %.0f" % (q, ", ".join("%s %s" % kv for kv in sorted(first["phases"].items(), key=lambda kv: kv[1])), first["first"] or -1, first["ms"]))
    print("\nbytes by part, first run of each query:")
    for q, first, _, _ in rows:
        print("  %s: %s" % (q, ", ".join("%s %.1f KB" % (k, v / 1e3) for k, v in sorted(first["parts"].items()))))


if __name__ == "__main__":
    main()
