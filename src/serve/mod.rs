//! `gongkai serve` (SPEC 9): a live preview on 127.0.0.1 while the clerk edits.
//!
//! Shape: [`http`] answers from an in-memory [`store::Store`]; [`watch`] turns editor saves
//! into [`watch::Change`]s; [`engine`] re-checks only the touched files; [`deps`] says which
//! pages a touched notice is on; the pages are rendered through `render::Sink`
//! ([`store::Batch`]) and swapped in under one lock; [`overlay`] adds the live-reload script
//! and, after a bad edit, the list of problems over the last good page. Nothing is written to
//! disk: not `public/`, not `content/`.
//!
//! One thread rebuilds; changes that arrive during a rebuild queue up in the channel and are
//! taken together by the next one, so a burst of saves gives one more rebuild, not one each.

mod deps;
mod engine;
mod http;
mod overlay;
mod store;
pub mod watch;

use crate::diag::{Code, Diagnostic, Diagnostics, Lang, Pos, Severity, render_human};
use crate::render::{Rendered, Selection};
use crate::tr;
use deps::{Deps, Plan};
use engine::Engine;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::Instant;
use store::{Apply, Batch, Store};
use watch::Change;

pub struct Options {
    pub root: PathBuf,
    pub port: u16,
    pub today: jiff::civil::Date,
    pub poll: bool,
    pub open: bool,
    pub lang: Lang,
}

/// Run the preview until the process is stopped. Returns an exit status only when it
/// cannot start (2: no port, no site folder).
pub fn run(o: Options) -> i32 {
    let lang = o.lang;
    let root = match std::fs::canonicalize(&o.root) {
        Ok(r) => strip_verbatim(r),
        Err(e) => {
            let shown = o.root.display().to_string();
            print_diags(
                &[Diagnostic::error(
                    Code::Io,
                    &shown,
                    Pos::default(),
                    tr!(
                        "找不到站点目录 {shown}：{e}",
                        "cannot open the site folder {shown}: {e}"
                    ),
                    Code::Io.fix(),
                )],
                lang,
            );
            return crate::cli::USAGE;
        }
    };
    let bound = match http::bind(o.port) {
        Ok(b) => b,
        Err(e) => {
            let p = o.port;
            let last = p.saturating_add(20);
            print_diags(
                &[Diagnostic::error(
                    Code::PortTaken,
                    "--port",
                    Pos::default(),
                    tr!(
                        "无法在 127.0.0.1 上使用端口 {p}（到 {last} 都被占用或不可用：{e}）",
                        "cannot listen on 127.0.0.1 port {p} (up to {last} taken or unavailable: {e})"
                    ),
                    tr!(
                        "关掉占用端口的程序（可能是另一个 gongkai serve），或换一个端口：gongkai serve --port 9000。",
                        "Stop the program using the port (maybe another gongkai serve) or pick another: gongkai serve --port 9000."
                    ),
                )],
                lang,
            );
            return crate::cli::USAGE;
        }
    };
    if o.port != 0 && bound.port != o.port {
        let (asked, got) = (o.port, bound.port);
        say(
            lang,
            tr!(
                "端口 {asked} 已被占用，改用 {got}。",
                "port {asked} is taken; using {got}."
            ),
        );
    }
    let url = format!("http://127.0.0.1:{}/", bound.port);
    let store = Arc::new(Store::default());
    let (tx, rx) = std::sync::mpsc::channel();
    let wake = tx.clone();
    let watcher = match watch::start(&root, o.poll, tx.clone()) {
        Ok(w) => w,
        Err(e) => {
            // Native events unavailable (no inotify left, an odd file system): poll instead.
            let shown = root.display().to_string();
            print_diags(
                &[Diagnostic::warning(
                    Code::WatchFailed,
                    &shown,
                    Pos::default(),
                    tr!(
                        "无法接收文件变化通知（{e}），改为每半秒检查一次",
                        "no file change events ({e}); polling every half second instead"
                    ),
                    Code::WatchFailed.fix(),
                )],
                lang,
            );
            match watch::start(&root, true, tx) {
                Ok(w) => w,
                Err(e) => {
                    say(lang, tr!("无法监视站点目录：{e}", "cannot watch the site folder: {e}"));
                    return crate::cli::USAGE;
                }
            }
        }
    };
    let http_store = store.clone();
    let server = bound.server;
    let spawned = std::thread::Builder::new().spawn(move || http::serve(server, http_store, lang, wake));
    if spawned.is_err() {
        return crate::cli::USAGE;
    }
    let mut rb = Rebuilder {
        engine: Engine::new(&root, o.today),
        deps: Deps::default(),
        pending: Pending::Whole,
        store,
        lang,
        root,
    };
    let started = Instant::now();
    rb.engine.whole();
    rb.publish(&tr!("首次生成", "first build"), started, true);
    say(lang, tr!("预览地址：{url}", "preview at {url}"));
    say(
        lang,
        tr!(
            "正在监视 content/、catalogs/、themes/、annual/、book.toml、calendar.toml 的变化；按 Ctrl+C 结束。",
            "watching content/, catalogs/, themes/, annual/, book.toml and calendar.toml; Ctrl+C to stop."
        ),
    );
    if o.open {
        open_browser(&url);
    }
    rb.run(&rx);
    drop(watcher);
    crate::cli::SUCCESS
}

/// What has changed since the last published site.
enum Pending {
    None,
    Whole,
    Notices(BTreeSet<String>),
}

struct Rebuilder {
    engine: Engine,
    deps: Deps,
    pending: Pending,
    store: Arc<Store>,
    lang: Lang,
    root: PathBuf,
}

impl Rebuilder {
    fn run(&mut self, rx: &Receiver<Vec<Change>>) {
        loop {
            let Ok(first) = rx.recv() else { return };
            // An empty batch is the HTTP side asking for the search index.
            if first.is_empty() {
                if self.store.search_stale() {
                    self.search();
                }
                continue;
            }
            let mut changes: BTreeSet<Change> = first.into_iter().collect();
            let mut wanted_search = false;
            while let Ok(more) = rx.try_recv() {
                wanted_search |= more.is_empty();
                changes.extend(more);
            }
            let started = Instant::now();
            let whole: Vec<&str> = changes
                .iter()
                .filter_map(|c| match c {
                    Change::Whole(s) => Some(s.as_str()),
                    Change::Content(_) => None,
                })
                .collect();
            let content: Vec<PathBuf> = changes
                .iter()
                .filter_map(|c| match c {
                    Change::Content(p) => Some(p.clone()),
                    Change::Whole(_) => None,
                })
                .collect();
            let what = describe(&self.root, &whole, &content);
            if !whole.is_empty() {
                self.engine.whole();
                self.pending = Pending::Whole;
            } else {
                match self.engine.edit(&content) {
                    Some(touched) => self.pending = merge(std::mem::replace(&mut self.pending, Pending::None), touched),
                    None => self.pending = Pending::Whole,
                }
            }
            self.publish(&what, started, false);
            if wanted_search && self.store.search_stale() {
                self.search();
            }
        }
    }

    /// Render what is pending and swap it in, or show the problems over the last good site.
    fn publish(&mut self, what: &crate::diag::Text, started: Instant, first: bool) {
        let lang = self.lang;
        let mut problems = self.engine.problems();
        let scanner = self.scanner();
        let Some((site, theme)) = self.engine.site() else {
            return self.failed(&problems, what);
        };
        if problems.iter().any(|d| d.severity == Severity::Error) {
            return self.failed(&problems, what);
        }
        let plan: Option<Plan> = match std::mem::replace(&mut self.pending, Pending::None) {
            Pending::Whole => None,
            Pending::Notices(t) => Some(self.deps.plan(site, t)),
            Pending::None => Some(self.deps.plan(site, BTreeSet::new())),
        };
        let everything;
        let select = match &plan {
            Some(p) => &p.select,
            None => {
                everything = Selection::everything(site);
                &everything
            }
        };
        let batch = Batch::default();
        let mut rd = Diagnostics::new();
        // What the preview serves passes the same privacy gate as a build's files.
        let gate = crate::privacy::gate::Gate::new(site, &batch);
        let rendered = crate::render::render_selected(site, theme, &gate, Some(select), &mut rd);
        let rendered = match (gate.finish(&mut rd), rendered) {
            (false, Rendered::Files(_)) => Rendered::TemplateError,
            (_, r) => r,
        };
        let files = match rendered {
            Rendered::Files(n) => n,
            Rendered::TemplateError | Rendered::Io(_) => {
                if let Rendered::Io(e) = rendered {
                    rd.push(Diagnostic::error(
                        Code::Io,
                        "content",
                        Pos::default(),
                        tr!("读取附件失败：{e}", "reading an attachment failed: {e}"),
                        Code::Io.fix(),
                    ));
                }
                problems.extend(rd.sorted());
                self.pending = match plan {
                    Some(p) => Pending::Notices(p.into_touched()),
                    None => Pending::Whole,
                };
                return self.failed(&problems, what);
            }
        };
        let put = batch.into_files();
        let apply = match &plan {
            None => {
                self.deps = Deps::of(site, select.take_produced(), select.take_policy_produced());
                self.store.set_search_stale(false);
                Apply::Replace(put)
            }
            Some(p) => {
                let remove = self.deps.apply(site, p);
                self.store.set_search_stale(true);
                Apply::Patch { remove, put }
            }
        };
        self.store.publish(Some(apply), None, true);
        if first && !problems.is_empty() {
            print_masked(&problems, lang, &scanner);
        }
        let ms = started.elapsed().as_millis();
        let (wz, we) = (what.zh.clone(), what.en.clone());
        say(
            lang,
            tr!(
                "[{}] {wz}：更新 {files} 个文件，用时 {ms} 毫秒",
                "[{}] {we}: {files} files updated in {ms} ms",
                clock()
            ),
        );
    }

    /// The search index after incremental rebuilds: it reads every notice, so it is rebuilt
    /// only when a search page is asked for (Zola#2133), never in the way of an edit.
    fn search(&mut self) {
        let Some((site, theme)) = self.engine.site() else {
            return;
        };
        let select = Selection::search_only();
        let batch = Batch::default();
        let mut rd = Diagnostics::new();
        let gate = crate::privacy::gate::Gate::new(site, &batch);
        let rendered = crate::render::render_selected(site, theme, &gate, Some(&select), &mut rd);
        if let (true, Rendered::Files(_)) = (gate.finish(&mut rd), rendered) {
            let put = batch.into_files();
            let remove = self.store.read(|s| {
                s.files
                    .keys()
                    .filter(|k| k.starts_with("search/") && !put.contains_key(*k))
                    .cloned()
                    .collect()
            });
            self.store.publish(Some(Apply::Patch { remove, put }), None, false);
        }
        self.store.set_search_stale(false);
    }

    fn failed(&self, problems: &[Diagnostic], what: &crate::diag::Text) {
        let scanner = self.scanner();
        let overlay = overlay::overlay(problems, self.lang, &scanner);
        self.store.publish(None, Some(overlay), true);
        let errors: Vec<Diagnostic> = problems
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .cloned()
            .collect();
        print_masked(&errors, self.lang, &scanner);
        let (wz, we) = (what.zh.clone(), what.en.clone());
        say(
            self.lang,
            tr!(
                "[{}] {wz}：有错误，浏览器中仍显示上一次正确的网站；改正并保存后自动更新",
                "[{}] {we}: errors; the browser keeps the last good site until the next good save",
                clock()
            ),
        );
    }

    fn scanner(&self) -> crate::privacy::Scanner {
        let mut s = crate::privacy::Scanner::new(jiff::civil::date(2000, 1, 1));
        if let Some((site, _)) = self.engine.site() {
            s = crate::privacy::Scanner::new(site.today);
            s.allow(&site.config.official_contacts());
        }
        s
    }
}

fn merge(old: Pending, touched: BTreeSet<String>) -> Pending {
    match old {
        Pending::Whole => Pending::Whole,
        Pending::None => Pending::Notices(touched),
        Pending::Notices(mut t) => {
            t.extend(touched);
            Pending::Notices(t)
        }
    }
}

/// "content/a.md 等 3 个文件" for the terminal line.
fn describe(root: &Path, whole: &[&str], content: &[PathBuf]) -> crate::diag::Text {
    let mut names: Vec<String> = whole.iter().map(|s| s.to_string()).collect();
    names.extend(content.iter().map(|p| crate::diag::rel_path(root, p)));
    let n = names.len();
    let first = names.first().cloned().unwrap_or_default();
    let more = n.saturating_sub(1);
    if n > 1 {
        tr!("{first} 等 {n} 个文件有变化", "{first} and {more} more changed")
    } else {
        tr!("{first} 有变化", "{first} changed")
    }
}

fn clock() -> String {
    let tz = jiff::tz::TimeZone::fixed(jiff::tz::offset(8));
    jiff::Timestamp::now()
        .to_zoned_datetime(tz)
        .strftime("%H:%M:%S")
        .to_string()
}

/// One line on stdout (the URL line is read by people and by the tests). A closed pipe is
/// ignored: the preview keeps running.
fn say(lang: Lang, t: crate::diag::Text) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", t.get(lang));
    let _ = out.flush();
}

fn print_diags(d: &[Diagnostic], lang: Lang) {
    use std::io::Write;
    let _ = write!(std::io::stderr(), "{}", render_human(d, lang));
}

fn print_masked(d: &[Diagnostic], lang: Lang, scanner: &crate::privacy::Scanner) {
    use std::io::Write;
    if !d.is_empty() {
        let _ = write!(std::io::stderr(), "{}", scanner.mask_all(&render_human(d, lang)));
    }
}

/// `\\?\C:\site` (what canonicalize gives on Windows) → `C:\site`, so paths in messages and
/// watcher events look like the clerk's.
fn strip_verbatim(p: PathBuf) -> PathBuf {
    let s = p.to_string_lossy();
    match s.strip_prefix(r"\\?\") {
        Some(rest) if !rest.starts_with("UNC") => PathBuf::from(rest),
        _ => p,
    }
}

fn open_browser(url: &str) {
    let mut cmd = if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", "", url]);
        c
    } else if cfg!(target_os = "macos") {
        let mut c = std::process::Command::new("open");
        c.arg(url);
        c
    } else {
        let mut c = std::process::Command::new("xdg-open");
        c.arg(url);
        c
    };
    let _ = cmd
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}
