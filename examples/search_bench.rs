//! Search index benchmark: builds the index of a generated corpus and reports its size and
//! build time; optionally writes a browsable site and measures elasticlunr-rs on the same notices.
//!
//! ```text
//! cargo run --release --example search_bench -- --content SITE/content [--out DIR] [--elasticlunr]
//! cargo run --release --example search_bench -- --jsonl corpus.jsonl [--out DIR] [--elasticlunr]
//! ```
//!
//! `--content` reads a `gen_site.py` content folder naively (front matter 标题/乡镇/事项/发布日期,
//! Markdown body with table pipes and heading marks removed); `--jsonl` reads `gen_corpus.py`
//! output. `--out DIR` writes `DIR/search/…`, `DIR/static/search.{js,css}` and `DIR/search.html`
//! so `bench/search_bench.py` can drive Chromium over it.

use std::path::{Path, PathBuf};
use std::time::Instant;

use gongkai::search::{SearchDoc, build_index, tokens};

fn main() {
    if let Err(e) = run() {
        eprintln!("search_bench: {e}");
        std::process::exit(1);
    }
}

struct Args {
    content: Option<PathBuf>,
    jsonl: Option<PathBuf>,
    out: Option<PathBuf>,
    elasticlunr: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        content: None,
        jsonl: None,
        out: None,
        elasticlunr: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--content" => args.content = it.next().map(PathBuf::from),
            "--jsonl" => args.jsonl = it.next().map(PathBuf::from),
            "--out" => args.out = it.next().map(PathBuf::from),
            "--elasticlunr" => args.elasticlunr = true,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if args.content.is_none() && args.jsonl.is_none() {
        return Err("give --content DIR or --jsonl FILE".into());
    }
    Ok(args)
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let t = Instant::now();
    let docs = match (&args.content, &args.jsonl) {
        (Some(dir), _) => read_content(dir)?,
        (None, Some(file)) => read_jsonl(file)?,
        _ => Vec::new(),
    };
    let text_bytes: usize = docs.iter().map(|d| d.text.get().len() + d.title.len()).sum();
    println!(
        "notices: {} ({} MB of title+text, read in {:.2?})",
        docs.len(),
        text_bytes / 1_000_000,
        t.elapsed()
    );

    let rss_before = memory("VmRSS");
    let t = Instant::now();
    let cpu = cpu_seconds();
    let files = build_index(&docs);
    let took = t.elapsed();
    let cpu = cpu_seconds()
        .zip(cpu)
        .map(|(b, a)| format!("{:.2} CPU-s", b - a))
        .unwrap_or_default();
    println!(
        "build_index: {took:.2?} wall, {cpu}, {} threads",
        rayon::current_num_threads()
    );
    report(&files);

    if let Some(out) = &args.out {
        write_site(out, &files)?;
        println!("wrote {}", out.display());
    }
    if let (Some(before), Some(peak)) = (rss_before, memory("VmHWM")) {
        println!(
            "memory: {} MB before build_index (corpus loaded), peak {} MB, so build_index added at most {} MB",
            before / 1024,
            peak / 1024,
            peak.saturating_sub(before) / 1024
        );
    }
    drop(files);
    if args.elasticlunr {
        elasticlunr_size(&docs);
    }
    Ok(())
}

/// A `/proc/self/status` field in KB, where `/proc` exists (Linux).
fn memory(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.trim_start_matches(field)
        .trim_start_matches(':')
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

/// User + system CPU time of this process so far, where `/proc` tells it (Linux).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after_name = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after_name.split(' ').collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn report(files: &[gongkai::search::OutputFile]) {
    let mut groups: std::collections::BTreeMap<&str, (usize, usize, usize)> = Default::default();
    for f in files {
        let group = match f.path.split('/').nth(1) {
            Some("i") => "postings   search/i/",
            Some("d") => "doc store  search/d/",
            Some("f") => "filters    search/f/",
            Some("dict.js") => "dictionary search/dict.js",
            _ => "meta       search/meta.js",
        };
        let g = groups.entry(group).or_default();
        g.0 += 1;
        g.1 += f.bytes.len();
        g.2 = g.2.max(f.bytes.len());
    }
    let total: usize = files.iter().map(|f| f.bytes.len()).sum();
    for (name, (count, bytes, max)) in &groups {
        println!(
            "  {name:<28} {count:>6} files {:>10.2} MB  (largest {:.1} KB)",
            *bytes as f64 / 1e6,
            *max as f64 / 1e3
        );
    }
    println!(
        "  total                        {:>6} files {:>10.2} MB",
        files.len(),
        total as f64 / 1e6
    );
}

fn write_site(out: &Path, files: &[gongkai::search::OutputFile]) -> Result<(), String> {
    let err = |e: std::io::Error| e.to_string();
    let _ = std::fs::remove_dir_all(out.join("search"));
    for f in files {
        let path = out.join(&f.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(err)?;
        }
        std::fs::write(&path, &f.bytes).map_err(err)?;
    }
    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static");
    std::fs::create_dir_all(out.join("static")).map_err(err)?;
    for name in ["search.js", "search.css"] {
        std::fs::copy(theme.join(name), out.join("static").join(name)).map_err(err)?;
    }
    std::fs::write(out.join("search.html"), SEARCH_HTML).map_err(err)?;
    Ok(())
}

const SEARCH_HTML: &str = r#"<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>搜索</title>
<link rel="stylesheet" href="static/search.css"></head><body>
<form id="search-form" action="search.html" method="get">
<input id="search-input" name="q" type="search">
<select id="search-township" name="township"><option value="">全部乡镇</option></select>
<select id="search-domain" name="domain"><option value="">全部领域</option></select>
<select id="search-year" name="year"><option value="">全部年份</option></select>
<button type="submit">搜索</button></form>
<div id="search-status" role="status" aria-live="polite"></div>
<div id="search-results"></div>
<script src="static/search.js" data-root="./"></script>
</body></html>
"#;

/// Markdown to rough plain text: enough for an index benchmark, not for the site.
fn plain(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    for line in md.lines() {
        let t = line.trim();
        if t.starts_with('|') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) {
            continue;
        }
        out.push_str(t.trim_start_matches('#').replace('|', " ").trim());
        out.push('\n');
    }
    out
}

fn read_content(dir: &Path) -> Result<Vec<SearchDoc<'static>>, String> {
    let mut paths = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))? {
            let p = entry.map_err(|e| e.to_string())?.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "md") {
                paths.push(p);
            }
        }
    }
    paths.sort();
    let mut docs = Vec::with_capacity(paths.len());
    for p in paths {
        let src = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let mut parts = src.splitn(3, "---\n");
        let (_, Some(front), Some(body)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let field = |key: &str| {
            front
                .lines()
                .find_map(|l| l.strip_prefix(key).and_then(|r| r.strip_prefix(':')))
                .map(|v| v.trim().to_string())
                .unwrap_or_default()
        };
        let item = field("事项");
        let (domain, item) = item
            .split_once('/')
            .map_or((item.clone(), String::new()), |(d, i)| (d.into(), i.into()));
        let rel = p.strip_prefix(dir).unwrap_or(&p).with_extension("html");
        let url = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        docs.push(SearchDoc {
            url,
            title: field("标题"),
            township: field("乡镇"),
            domain,
            item,
            date: field("发布日期"),
            text: plain(body).into(),
            ..Default::default()
        });
    }
    Ok(docs)
}

fn read_jsonl(file: &Path) -> Result<Vec<SearchDoc<'static>>, String> {
    use std::io::BufRead;
    let f = std::fs::File::open(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut docs = Vec::new();
    for line in std::io::BufReader::new(f).lines() {
        let line = line.map_err(|e| e.to_string())?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line).map_err(|e| e.to_string())?;
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or_default().to_string();
        docs.push(SearchDoc {
            url: format!("{}/n/{}.html", s("township_slug"), s("id")),
            title: s("title"),
            township: s("township"),
            domain: s("domain_name"),
            item: s("item"),
            date: s("published"),
            village: s("village"),
            text: plain(&s("body")).into(),
            ..Default::default()
        });
    }
    Ok(docs)
}

/// The design card's indexer, given the same units-and-bigrams tokenizer (its `zh` feature's
/// jieba cannot be reproduced in a browser) and `save_docs(false)`: the smallest index it can make.
struct Bigrams;

impl elasticlunr::lang::Language for Bigrams {
    fn name(&self) -> String {
        "Bigrams".into()
    }
    fn code(&self) -> String {
        "zh".into()
    }
    fn tokenize(&self, text: &str) -> Vec<String> {
        tokens(text, false)
    }
    fn make_pipeline(&self) -> elasticlunr::Pipeline {
        elasticlunr::Pipeline { queue: Vec::new() }
    }
}

fn elasticlunr_size(docs: &[SearchDoc]) {
    let t = Instant::now();
    let mut index = elasticlunr::IndexBuilder::with_language(Box::new(Bigrams))
        .save_docs(false)
        .add_fields(["title", "body"])
        .build();
    for (i, d) in docs.iter().enumerate() {
        index.add_doc(&i.to_string(), [d.title.as_str(), &d.text.get()]);
    }
    let json = index.to_json();
    println!(
        "elasticlunr-rs (bigram tokenizer, save_docs=false, no text for snippets): one file of {:.2} MB, {:.2?} single-threaded",
        json.len() as f64 / 1e6,
        t.elapsed()
    );
}
