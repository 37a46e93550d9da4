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

/// `gongkai build` of `root` into `out` for the fixed test date, whatever its outcome.
pub fn run_build(root: &Path, out: &Path) -> Output {
    run_build_at(root, out, DATE)
}

/// `gongkai build` of `root` into `out` as on `date`, whatever its outcome.
pub fn run_build_at(root: &Path, out: &Path, date: &str) -> Output {
    run(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--date",
        date,
    ])
}

/// Build `root` into `out` for the fixed test date; panics with the messages on failure.
pub fn build(root: &Path, out: &Path) -> Output {
    let o = run_build(root, out);
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

/// Whether this run is on CI: the `CI` environment variable is set (CI services set `CI=true`)
/// to anything but empty, `0` or `false`.
pub fn on_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.trim().to_ascii_lowercase().as_str(), "" | "0" | "false"))
}

/// A tool a test needs is not installed. On CI (see [`on_ci`]) the test fails here, so a
/// missing browser or PDF reader can never pass as a green run; elsewhere it says so loudly
/// and the caller returns (the test is skipped). Every such test decides through here.
#[track_caller]
pub fn missing(tool: &str, what: &str) {
    if on_ci() {
        panic!(
            "{tool} is not installed, and CI is set: {what} must run on CI, not be skipped. Install it (CI installs chromium, poppler-utils and zbar-tools)."
        );
    }
    eprintln!("\n!!!!!!!! SKIPPED: {tool} is not installed; {what} not run (CI installs it) !!!!!!!!\n");
}

/// Headless Chromium, or `None` (with a loud message; a failure on CI) where it is not installed.
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
    missing("Chromium", "this browser test");
    None
}

/// Headless Chromium as root on a machine without network: no sandbox, no GPU, and none of
/// the background connections that would be refused here.
pub const HEADLESS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
];

/// `chromium --dump-dom URL` after the page's scripts ran.
pub fn dump_dom(chrome: &Path, url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let o = Command::new(chrome)
        .args(HEADLESS)
        .args(["--virtual-time-budget=5000"])
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

/// The result links the site's search page shows for `q`, in order, loaded from file:// in
/// headless Chromium as a reader opens it from a USB stick.
pub fn search_hits(chrome: &Path, out: &Path, q: &str) -> Vec<String> {
    let q: String = q
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let url = format!("{}?q={q}", file_url(&out.join("search.html")));
    let dom = scraper::Html::parse_document(&dump_dom(chrome, &url));
    dom.select(&sel("#search-results a[href]"))
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect()
}

/// The output file a relative link on `page` points at, both relative to the output folder
/// (`?query` and `#fragment` left off).
pub fn link_target(page: &str, href: &str) -> String {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for seg in href.split(['#', '?']).next().unwrap().split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// Every relative `href`/`src` of every page points at a file of the output; no resource
/// (script, style, image) comes from another host.
pub fn check_links(out: &Path) {
    let mut checked = 0;
    for f in files(out).iter().filter(|f| f.ends_with(".html")) {
        let page = out.join(f);
        let doc = html(&page);
        for el in doc.select(&sel("[href], [src]")) {
            let is_src = el.value().attr("src").is_some();
            let link = el.value().attr("href").or(el.value().attr("src")).unwrap();
            if link.starts_with('#') || link.starts_with("mailto:") || link.starts_with("tel:") {
                continue;
            }
            if link.contains("://") || link.starts_with("//") {
                assert!(
                    !is_src && el.value().name() == "a",
                    "{f}: resource from another host: {link}"
                );
                continue;
            }
            let path = link.split(['#', '?']).next().unwrap();
            assert!(!path.starts_with('/'), "{f}: absolute path {link}");
            if path.is_empty() {
                continue;
            }
            let target = page.parent().unwrap().join(path);
            assert!(target.is_file(), "{f}: broken link {link}");
            checked += 1;
        }
    }
    assert!(checked > 50, "too few links checked: {checked}");
}

/// The page in `dir` whose `<h1>` contains `title`.
pub fn page_titled(dir: &Path, title: &str) -> PathBuf {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "html"))
        .find(|p| texts(&html(p), "h1").iter().any(|h| h.contains(title)))
        .unwrap_or_else(|| panic!("no page titled {title} in {}", dir.display()))
}

/// The poppler and zbar tools the print tests read PDFs with, or `None` (with a loud message;
/// a failure on CI) where one is missing.
pub fn pdf_tools() -> Option<()> {
    for tool in ["pdfinfo", "pdftotext", "pdffonts", "pdftoppm", "zbarimg"] {
        if Command::new(tool).arg("-v").output().is_err() {
            missing(&format!("{tool} (poppler-utils, zbar-tools)"), "this print test");
            return None;
        }
    }
    Some(())
}

/// Print `url` to `pdf` with headless Chromium (fresh profile, no browser header or footer:
/// the page's own `@page` rules decide size, margins and page numbers).
pub fn print_to_pdf(chrome: &Path, url: &str, pdf: &Path) {
    let profile = tempfile::tempdir().unwrap();
    let o = Command::new(chrome)
        .args(HEADLESS)
        .args(["--no-pdf-header-footer"])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(url)
        .output()
        .expect("run chromium");
    assert!(
        pdf.is_file(),
        "chromium wrote no PDF for {url}:\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Run a poppler tool on `pdf` (then `after`); its standard output.
fn poppler(name: &str, args: &[&str], pdf: &Path, after: &[&str]) -> String {
    let o = Command::new(name).args(args).arg(pdf).args(after).output().expect(name);
    assert!(
        o.status.success(),
        "{name} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// (pages, width pt, height pt) from `pdfinfo`.
pub fn pdf_info(pdf: &Path) -> (usize, f64, f64) {
    let info = poppler("pdfinfo", &[], pdf, &[]);
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(name))
            .unwrap_or_else(|| panic!("pdfinfo gives no {name}:\n{info}"))
            .trim()
            .to_string()
    };
    let pages = field("Pages:").parse().unwrap();
    // "Page size:       594.96 x 841.92 pts (A4)"
    let size = field("Page size:");
    let mut nums = size.split_whitespace().filter_map(|w| w.parse::<f64>().ok());
    (pages, nums.next().unwrap(), nums.next().unwrap())
}

/// Whether a size in points is A4 (595.28 × 841.89 pt; Chromium rounds to whole pixels).
pub fn is_a4(w: f64, h: f64) -> bool {
    (w - 595.28).abs() < 1.5 && (h - 841.89).abs() < 1.5
}

/// The text of every page (index 0 is page 1), laid out (`pdftotext -layout -f N -l N`: a
/// table row is one line).
pub fn pdf_pages_text(pdf: &Path) -> Vec<String> {
    let (pages, _, _) = pdf_info(pdf);
    (1..=pages)
        .map(|p| {
            let p = p.to_string();
            poppler(
                "pdftotext",
                &["-layout", "-enc", "UTF-8", "-f", &p, "-l", &p],
                pdf,
                &["-"],
            )
        })
        .collect()
}

/// The text of every page in the order it was drawn (`pdftotext -raw -f N -l N`: the text of
/// a table cell stays together, however the columns wrap).
pub fn pdf_pages_raw(pdf: &Path) -> Vec<String> {
    let (pages, _, _) = pdf_info(pdf);
    (1..=pages)
        .map(|p| {
            let p = p.to_string();
            poppler("pdftotext", &["-raw", "-enc", "UTF-8", "-f", &p, "-l", &p], pdf, &["-"])
        })
        .collect()
}

/// The rows of `pdffonts` (without its two header lines).
pub fn pdf_fonts(pdf: &Path) -> Vec<String> {
    poppler("pdffonts", &[], pdf, &[])
        .lines()
        .skip(2)
        .map(str::to_string)
        .collect()
}

/// Every font of the PDF is embedded (so no glyph depends on the reader's fonts). Chromium
/// embeds CFF-flavoured CJK fonts such as Noto CJK as nameless Type 3 fonts, so names cannot
/// be relied on; the text checks (Chinese extracted from every page) show the glyphs are CJK.
pub fn assert_fonts_embedded(pdf: &Path) {
    let fonts = pdf_fonts(pdf);
    assert!(!fonts.is_empty(), "no fonts in the PDF");
    for f in &fonts {
        let cols: Vec<&str> = f.split_whitespace().collect();
        assert!(cols.len() >= 6, "{f}");
        assert_eq!(cols[cols.len() - 5], "yes", "font not embedded: {f}");
    }
}

/// Every QR code on the PDF's pages, decoded: the pages rendered at 200 dpi
/// (`pdftoppm -r 200 -png`) and read with `zbarimg --raw -q`.
pub fn pdf_qr_codes(pdf: &Path) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let o = Command::new("pdftoppm")
        .args(["-r", "200", "-png"])
        .arg(pdf)
        .arg(dir.path().join("page"))
        .output()
        .expect("pdftoppm");
    assert!(o.status.success(), "pdftoppm: {}", String::from_utf8_lossy(&o.stderr));
    let pngs: Vec<PathBuf> = files(dir.path()).into_iter().map(|f| dir.path().join(f)).collect();
    let o = Command::new("zbarimg")
        .args(["--raw", "-q"])
        .args(&pngs)
        .output()
        .expect("zbarimg");
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

// ---- Check rules: a base site plus one clerk's mistake ----

/// The check fixtures: `check-base/` (a clean site) and `check-cases/` (one mistake each).
pub fn case_file(name: &str) -> PathBuf {
    fixture("check-cases").join(name)
}

/// A copy of `check-base` with the case files `(case, destination under the site)` added.
/// A case that is a folder is laid over the site root as it is.
pub fn site_with(cases: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let (tmp, root) = copy_site(&fixture("check-base"));
    for (case, dest) in cases {
        let from = case_file(case);
        if from.is_dir() {
            copy_dir(&from, &root);
        } else {
            let to = root.join(dest);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(&from, &to).unwrap_or_else(|e| panic!("copy {}: {e}", from.display()));
        }
    }
    (tmp, root)
}

/// `gongkai check --format json` on `root` for `date`, with more args: the parsed array and
/// the exit status.
pub fn check_json_at(root: &Path, date: &str, extra: &[&str]) -> (Vec<serde_json::Value>, i32) {
    let mut args = vec![
        "check",
        "--root",
        root.to_str().unwrap(),
        "--format",
        "json",
        "--date",
        date,
    ];
    args.extend_from_slice(extra);
    let o = run(&args);
    let out = stdout(&o);
    let v: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}):\n{out}\n{}", stderr(&o)));
    (
        v.as_array().expect("a JSON array").clone(),
        o.status.code().unwrap_or(-1),
    )
}

pub fn check_json(root: &Path) -> (Vec<serde_json::Value>, i32) {
    check_json_at(root, DATE, &[])
}

/// The codes of a list of diagnostics, in order.
pub fn codes(diags: &[serde_json::Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect()
}

/// The one diagnostic of a run, which must have `code` at `file:line[:column]`.
#[track_caller]
pub fn only<'a>(
    diags: &'a [serde_json::Value],
    code: &str,
    file: &str,
    line: u64,
    column: Option<u64>,
) -> &'a serde_json::Value {
    assert_eq!(codes(diags), vec![code.to_string()], "diagnostics: {diags:#?}");
    at(&diags[0], code, file, line, column);
    &diags[0]
}

/// Assert the place of one diagnostic.
#[track_caller]
pub fn at(d: &serde_json::Value, code: &str, file: &str, line: u64, column: Option<u64>) {
    assert_eq!(d["code"], code, "{d:#?}");
    assert_eq!(d["file"], file, "{d:#?}");
    assert_eq!(d["line"], line, "{d:#?}");
    if let Some(c) = column {
        assert_eq!(d["column"], c, "{d:#?}");
    }
}

/// Assert that the message and the hint of `d` contain the given texts.
#[track_caller]
pub fn says(d: &serde_json::Value, message: &[&str], hint: &[&str]) {
    let (m, h) = (d["message"].as_str().unwrap(), d["hint"].as_str().unwrap());
    for s in message {
        assert!(m.contains(s), "message {m:?} lacks {s:?}");
    }
    for s in hint {
        assert!(h.contains(s), "hint {h:?} lacks {s:?}");
    }
}

/// Every file below `dir` with its bytes.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    files(dir)
        .into_iter()
        .map(|f| {
            let b = std::fs::read(dir.join(&f)).unwrap();
            (f, b)
        })
        .collect()
}

/// `gongkai build` of a site with errors: exit status 1, no output folder, and not one byte
/// of the site's own files changed.
#[track_caller]
pub fn build_refused(root: &Path) {
    let before = snapshot(root);
    let out = root.parent().unwrap().join("out");
    let o = run_build(root, &out);
    assert_eq!(o.status.code(), Some(1), "build should fail:\n{}", stderr(&o));
    assert!(!out.exists(), "a failed build wrote {}", out.display());
    assert!(!root.join("public").exists(), "a failed build wrote public/");
    assert!(snapshot(root) == before, "a failed build changed the site's files");
}

/// The error diagnostics of `gongkai check --format json` on `root` (warnings left out), and
/// its exit status.
pub fn check_errors(root: &Path) -> (Vec<serde_json::Value>, Option<i32>) {
    let o = run(&[
        "check",
        "--root",
        root.to_str().unwrap(),
        "--format",
        "json",
        "--date",
        DATE,
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("check --format json");
    let errors = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .cloned()
        .collect();
    (errors, o.status.code())
}

/// A file of an npm package the checker tests use (`vnu-jar`, `axe-core`), installed by
/// `.ci/run` into `target/tools` (or the folder `GONGKAI_TOOLS` names), or `None` (with a
/// loud message; a failure on CI) where it is not.
pub fn node_tool(package: &str, file: &str, what: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("GONGKAI_TOOLS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("target/tools"));
    let path = dir.join("node_modules").join(package).join(file);
    if path.is_file() {
        Some(path)
    } else {
        missing(
            &format!("{package} (npm install --prefix target/tools {package})"),
            what,
        );
        None
    }
}
