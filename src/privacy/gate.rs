//! The output gate: the one place every byte passes on its way out of gongkai (SPEC 5.6).
//!
//! The checks of the validate stage read the sources; the gate reads what is about to be
//! written, after templates, Markdown, search encoding and file copies have done their work,
//! so that no path from a source to an output can carry an identifier past it: a page (tags
//! and entities undone by the scanner, so markup cannot split a number), the search index and
//! its document store (read as the text they decode to), open data, feeds, the sitemap, every
//! copied attachment and data file (every sheet, every row, DOCX text) and every output path.
//!
//! [`Gate`] wraps the write stage's [`Sink`]: a clean file goes on, a file with a hit is held
//! back and the hit recorded; [`Gate::finish`] turns the hits into diagnostics that name the
//! source the number came from, and the build then commits nothing. A notice with 隐私豁免
//! may show its own numbers on its own page, its printout and its own files, nowhere else:
//! the derived outputs mask them before they get here ([`crate::site::Site::derived`]), and
//! the gate holds any that did not.

use super::extract::Extracted;
use super::{Hit, Scanner};
use crate::diag::{Code, Diagnostic, Diagnostics, Pos, rel_path};
use crate::render::{Content, Output, Sink};
use crate::site::Site;
use crate::tr;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// An identifier found in an output.
#[derive(Debug, Clone)]
struct Leak {
    /// The output file (relative to the output folder).
    output: String,
    /// The number's digits, to find the source it came from.
    digits: String,
    kind: super::IdKind,
    masked: String,
}

/// Wraps a sink so that nothing with an identifier reaches it.
pub struct Gate<'a> {
    inner: &'a dyn Sink,
    site: &'a Site,
    scanner: Scanner,
    /// Output paths that may carry the numbers of their own exempted notice.
    exempt: HashMap<String, HashSet<String>>,
    leaks: Mutex<Vec<Leak>>,
    unchecked: Mutex<Vec<(PathBuf, crate::diag::Text)>>,
    /// CPU time spent scanning, summed over threads, and files seen: `GONGKAI_TIMINGS=1`
    /// prints them, to keep the gate's share of a build in sight.
    spent_ns: std::sync::atomic::AtomicU64,
    files: std::sync::atomic::AtomicU64,
}

impl<'a> Gate<'a> {
    pub fn new(site: &'a Site, inner: &'a dyn Sink) -> Gate<'a> {
        let scanner = site_scanner(site);
        let mut exempt = HashMap::new();
        for n in site.notices.iter().filter(|n| n.exemption.is_some()) {
            let allowed = own_numbers(site, &scanner, n);
            let own_files = n.attachments.iter().chain(&n.data).map(|a| a.url.clone());
            for path in std::iter::once(n.url.clone()).chain(own_files) {
                exempt.insert(path, allowed.clone());
            }
        }
        Gate {
            inner,
            site,
            scanner,
            exempt,
            leaks: Mutex::new(Vec::new()),
            unchecked: Mutex::new(Vec::new()),
            spent_ns: std::sync::atomic::AtomicU64::new(0),
            files: std::sync::atomic::AtomicU64::new(0),
        }
    }

    /// The hits in `out` that its exemption (if any) does not allow.
    fn inspect(&self, out: &Output) -> Vec<Hit> {
        let mut hits = self.scanner.scan(&out.path);
        match &out.content {
            // Pages are UTF-8: checked with the fast validator first; the lossy decoder (slower
            // on valid text, 2.4% of a 10k build) only for what is not, e.g. an image.
            Content::Bytes(b) => hits.extend(match std::str::from_utf8(b) {
                Ok(text) => self.scanner.scan(text),
                Err(_) => self.scanner.scan(&String::from_utf8_lossy(b)),
            }),
            Content::Text(text) => hits.extend(self.scanner.scan(text)),
            Content::Packed { readable, .. } => hits.extend(self.scanner.scan(readable)),
            Content::Copy(src) => hits.extend(self.scan_file(src)),
        }
        if let Some(allowed) = self.exempt.get(&out.path) {
            hits.retain(|h| !allowed.contains(&h.digits));
        }
        hits
    }

    fn scan_file(&self, src: &Path) -> Vec<Hit> {
        let read = self.site.extracted.get(src);
        if let Some(why) = read.unchecked()
            && let Ok(mut u) = self.unchecked.lock()
        {
            u.push((src.to_path_buf(), why));
        }
        read.texts().into_iter().flat_map(|t| self.scanner.scan(t)).collect()
    }

    /// Scans a file written outside a render (a report, a bundle): whether it is clean.
    /// `printed` are the notices it prints whole (a `board` bundle), whose exemptions cover
    /// their printout.
    pub fn check_file(&mut self, name: &str, bytes: &[u8], printed: &[usize]) -> bool {
        let mut allowed = HashSet::new();
        for &i in printed {
            if let Some(own) = self.site.notices.get(i).and_then(|n| self.exempt.get(&n.url)) {
                allowed.extend(own.iter().cloned());
            }
        }
        if !allowed.is_empty() {
            self.exempt.insert(name.to_string(), allowed);
        }
        let out = Output {
            path: name.to_string(),
            content: Content::Bytes(bytes.to_vec()),
        };
        self.record(&out)
    }

    /// Scans a PDF that gongkai itself wrote (the printed 办事一本通) as a reader sees it:
    /// page by page through its fonts' ToUnicode maps, as the gate reads attached PDFs. A
    /// PDF the reader cannot open is held back too: what cannot be read cannot be cleared.
    pub fn check_pdf(&mut self, name: &str, bytes: &[u8]) -> bool {
        let read = super::pdf::pages(bytes);
        if read.unchecked().is_some() {
            if let Ok(mut u) = self.unchecked.lock() {
                u.push((
                    PathBuf::from(name),
                    tr!("生成的 PDF 无法读回文字", "the PDF written cannot be read back"),
                ));
            }
            return false;
        }
        let text = read.texts().join("\n");
        self.check_file(name, text.as_bytes(), &[])
    }

    /// Records the leaks of `out`; whether it is clean.
    fn record(&self, out: &Output) -> bool {
        use std::sync::atomic::Ordering::Relaxed;
        let started = std::time::Instant::now();
        let hits = self.inspect(out);
        let ns = u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX);
        self.spent_ns.fetch_add(ns, Relaxed);
        self.files.fetch_add(1, Relaxed);
        if hits.is_empty() {
            return true;
        }
        if let Ok(mut leaks) = self.leaks.lock() {
            leaks.extend(hits.into_iter().map(|h| Leak {
                output: out.path.clone(),
                digits: h.digits,
                kind: h.kind,
                masked: h.masked,
            }));
        }
        false
    }

    /// The gate's findings as diagnostics; `true` if nothing was held back.
    pub fn finish(self, diags: &mut Diagnostics) -> bool {
        if std::env::var_os("GONGKAI_TIMINGS").is_some() {
            let ms = self.spent_ns.into_inner() as f64 / 1e6;
            crate::util::out::errln!(
                "[timing] gate cpu   {ms:>8.1} ms over {} files",
                self.files.into_inner()
            );
        }
        let leaks = self.leaks.into_inner().unwrap_or_default();
        let clean = leaks.is_empty();
        if !clean {
            let origins = origins(self.site, &self.scanner);
            let mut seen = HashSet::new();
            for leak in leaks {
                if seen.insert((leak.output.clone(), leak.digits.clone())) {
                    diags.push(leak_diagnostic(&leak, origins.get(&leak.digits)));
                }
            }
        }
        let mut unchecked = self.unchecked.into_inner().unwrap_or_default();
        unchecked.sort_by(|a, b| a.0.cmp(&b.0));
        unchecked.dedup_by(|a, b| a.0 == b.0);
        for (path, why) in unchecked {
            diags.push(unchecked_diagnostic(&rel_path(&self.site.root, &path), &why));
        }
        clean
    }
}

impl Sink for Gate<'_> {
    fn put(&self, out: Output) -> std::io::Result<()> {
        if self.record(&out) { self.inner.put(out) } else { Ok(()) }
    }
}

/// The scanner of the whole site: official contacts of book.toml pass.
pub fn site_scanner(site: &Site) -> Scanner {
    let mut scanner = Scanner::new(site.today);
    scanner.allow(&site.config.official_contacts());
    scanner
}

/// The numbers an exempted notice carries itself: in its text, its data file, its files.
fn own_numbers(site: &Site, scanner: &Scanner, n: &crate::resolve::Notice) -> HashSet<String> {
    let mut digits: HashSet<String> = scanner
        .scan(&site.source(n).text())
        .into_iter()
        .map(|h| h.digits)
        .collect();
    for file in n.attachments.iter().chain(&n.data) {
        let read = site.extracted.get(&file.source);
        digits.extend(read.texts().into_iter().flat_map(|t| scanner.scan(t)).map(|h| h.digits));
    }
    digits
}

/// Where each number of the site's sources stands: (file, position), found only when the
/// gate held something back (one pass over the sources and their files).
fn origins(site: &Site, scanner: &Scanner) -> HashMap<String, (String, Pos)> {
    let mut map: HashMap<String, (String, Pos)> = HashMap::new();
    for src in &site.sources {
        let text = src.text();
        let lines = crate::util::text::LineIndex::new(&text);
        for h in scanner.scan(&text) {
            let (line, col) = lines.line_col(h.start);
            map.entry(h.digits).or_insert((src.rel.clone(), Pos::new(line, col)));
        }
        let path_hits = scanner.scan(&src.rel);
        for h in path_hits {
            map.entry(h.digits).or_insert((src.rel.clone(), Pos::default()));
        }
    }
    for n in &site.notices {
        for file in n.attachments.iter().chain(&n.data) {
            let rel = rel_path(&site.root, &file.source);
            match &*site.extracted.get(&file.source) {
                Extracted::Cells(cells) => {
                    for c in cells {
                        for h in scanner.scan(&c.text) {
                            map.entry(h.digits).or_insert((rel.clone(), Pos::new(c.row, c.col + 1)));
                        }
                    }
                }
                other => {
                    for h in other.texts().into_iter().flat_map(|t| scanner.scan(t)) {
                        map.entry(h.digits).or_insert((rel.clone(), Pos::default()));
                    }
                }
            }
        }
    }
    map
}

fn leak_diagnostic(leak: &Leak, origin: Option<&(String, Pos)>) -> Diagnostic {
    let (output, masked, kind) = (&leak.output, &leak.masked, leak.kind.label_zh());
    let (file, pos) = origin.cloned().unwrap_or_else(|| (output.clone(), Pos::default()));
    Diagnostic::error(
        Code::OutputLeak,
        file,
        pos,
        tr!(
            "生成的文件 {output} 中会出现未遮蔽的{kind}（{masked}），已停止生成",
            "the output {output} would carry an unmasked identifier ({masked}); nothing was written"
        ),
        tr!(
            "在这里把号码改为遮蔽形式 {masked}（号码可能被空格、标记、文件名或链接拆开写）；确需公开的，在该公告信息头写明 隐私豁免: 理由（只对公告本页有效）。",
            "Mask the number here as {masked} (it may be split by spaces, markup, a file name or a link); an exemption (隐私豁免) covers only the notice's own page."
        ),
    )
}

pub(crate) fn unchecked_diagnostic(file: &str, why: &crate::diag::Text) -> Diagnostic {
    let (zh, en) = (&why.zh, &why.en);
    Diagnostic::warning(
        Code::UncheckedAttachment,
        file,
        Pos::default(),
        tr!(
            "无法自动检查此文件中的个人信息：{zh}",
            "this file cannot be checked for identifiers: {en}"
        ),
        Code::UncheckedAttachment.fix(),
    )
}
