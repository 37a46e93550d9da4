//! Helpers shared by the integration tests: run the real binary on a real site folder, and
//! look at what it wrote.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const DATE: &str = "2026-11-28";

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_gongkai"))
}

/// The repository root, which is the bundled example site.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests").join("fixtures").join(name)
}

/// Run `gongkai ARGS` (Chinese messages unless the args say otherwise).
pub fn run(args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .expect("run gongkai")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Copy a folder (a fixture site) into a fresh temp dir and return (guard, path).
pub fn copy_site(src: &Path) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dst = tmp.path().join("site");
    copy_dir(src, &dst);
    (tmp, dst)
}

pub fn copy_dir(src: &Path, dst: &Path) {
    for e in walkdir::WalkDir::new(src).into_iter().filter_map(Result::ok) {
        let rel = e.path().strip_prefix(src).unwrap();
        let first = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        if matches!(first.as_str(), "target" | "public" | ".git" | "bench") {
            continue;
        }
        let to = dst.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(e.path(), &to).unwrap();
        }
    }
}

/// Build `root` into `out` for the fixed test date; panics with the messages on failure.
pub fn build(root: &Path, out: &Path) -> Output {
    let o = run(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--date",
        DATE,
    ]);
    assert!(o.status.success(), "build failed:\n{}", stderr(&o));
    o
}

pub fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("read {}: {e}", p.display()))
}

pub fn html(p: &Path) -> scraper::Html {
    scraper::Html::parse_document(&read(p))
}

pub fn sel(s: &str) -> scraper::Selector {
    scraper::Selector::parse(s).unwrap()
}

/// Text of every element matching `css`.
pub fn texts(doc: &scraper::Html, css: &str) -> Vec<String> {
    doc.select(&sel(css))
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect()
}

/// Every file below `dir`, relative, `/`-separated, sorted.
pub fn files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/"))
        .collect();
    v.sort();
    v
}

/// Headless Chromium, or `None` (with a loud message) where it is not installed.
pub fn chromium() -> Option<PathBuf> {
    for c in [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ] {
        if Path::new(c).exists() {
            return Some(PathBuf::from(c));
        }
    }
    eprintln!("\n!!!!!!!! SKIPPED: Chromium is not installed; browser test not run (CI installs it) !!!!!!!!\n");
    None
}

/// `chromium --dump-dom URL` after the page's scripts ran.
pub fn dump_dom(chrome: &Path, url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let o = Command::new(chrome)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(url)
        .output()
        .expect("run chromium");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// `file://` URL of a local path.
pub fn file_url(p: &Path) -> String {
    let abs = std::fs::canonicalize(p).unwrap();
    format!("file://{}", abs.display())
}
