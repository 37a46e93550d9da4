//! `gongkai pack`: the checked site as one folder or zip that opens offline from a USB stick
//! in a reading room (政府信息公开查阅点) or is uploaded to a static host (issue 19).
//!
//! A bundle is the site exactly as `build` renders it, under `site/`, plus a launcher, a
//! plain README and `manifest.json` (every file's size and SHA-256, and the build date):
//!
//! ```text
//! 打开网站.html  打开网站.cmd  说明.txt  manifest.json  site/index.html …
//! ```
//!
//! The site goes through the same stages as a build (`pipeline::check`, then
//! `render::render`), into memory rather than a folder, because every file is needed again
//! for the kiosk pass, the path limits, the hashes and the zip; a site with errors is never
//! packed. All files are checked against Windows and FAT32 limits ([`limits`]) before
//! anything is written, and written in one place ([`write_outputs`]), atomically.

pub mod bundle;
pub mod diff;
pub mod kiosk;
pub mod limits;
pub mod manifest;
pub mod verify;
pub mod zipfile;

use crate::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::render::{Content, Output, Rendered};
use crate::site::Site;
use crate::tr;
use jiff::civil::Date;
use kiosk::Kiosk;
use limits::Problem;
use manifest::Manifest;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub struct Options {
    /// `FILE.zip` for a zip, anything else for a folder; `None`: [`default_output`].
    pub output: Option<PathBuf>,
    pub kiosk: Option<Kiosk>,
}

pub struct Packed {
    pub path: PathBuf,
    pub notices: usize,
    pub files: usize,
    pub bytes: u64,
}

/// `示例县政务公开-2026-11-28.zip` (`…-查阅机-…` for a kiosk) in the current folder: the
/// name says what and when, which is all a clerk has to tell sticks apart.
pub fn default_output(site: &Site, kiosk: bool) -> PathBuf {
    let date = crate::dates::format_date(site.today);
    let kind = if kiosk { "-查阅机" } else { "" };
    PathBuf::from(format!("{}政务公开{kind}-{date}.zip", site.config.site.county))
}

fn is_zip(p: &Path) -> bool {
    p.extension().is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}

/// Check, render and bundle the site at `root`. `None` when anything is wrong (reported).
pub fn pack(root: &Path, opts: Options, today: Date, diags: &mut Diagnostics) -> Option<Packed> {
    let site = crate::pipeline::check(root, today, diags)?;
    if diags.has_errors() {
        return None;
    }
    let target = opts
        .output
        .clone()
        .unwrap_or_else(|| default_output(&site, opts.kiosk.is_some()));
    target_ok(root, &target, diags)?;
    let memory = crate::render::Memory::default();
    // Every file of the bundle passes the privacy gate on its way into memory.
    let gate = crate::privacy::gate::Gate::new(&site, &memory);
    let rendered = crate::render::render(&site, &gate, diags);
    if !gate.finish(diags) {
        return None;
    }
    match rendered {
        Rendered::Files(_) => {}
        Rendered::TemplateError => return None,
        Rendered::Io(e) => {
            io_error(diags, &site.root.display().to_string(), &e);
            return None;
        }
    }
    let mut pages = memory.into_sorted();
    if let Some(k) = &opts.kiosk {
        let mut scanner = crate::privacy::Scanner::new(today);
        for t in &site.config.townships {
            scanner.allow(&t.contacts);
        }
        kiosk::apply(&mut pages, k, &scanner);
    }
    let mut files = Vec::with_capacity(pages.len() + 4);
    let sources = sources_of(&site);
    for out in pages {
        let path = format!("{}/{}", bundle::SITE_DIR, out.path);
        let bytes = match out.content {
            Content::Bytes(b) | Content::Packed { bytes: b, .. } => b,
            Content::Text(t) => t.into_bytes(),
            Content::Copy(src) => match read_copy(&src, &path, &sources, diags) {
                Some(b) => b,
                None => continue,
            },
        };
        files.push((path, bytes));
    }
    let title = &site.config.site.title;
    let date = crate::dates::format_date(today);
    let count = files.len() + 4;
    files.push((bundle::OPEN_HTML.into(), bundle::open_html(title).into_bytes()));
    files.push((
        bundle::LAUNCHER.into(),
        bundle::launcher(opts.kiosk.as_ref()).into_bytes(),
    ));
    files.push((
        bundle::README.into(),
        bundle::readme(title, &date, opts.kiosk.as_ref(), count).into_bytes(),
    ));
    let sizes: Vec<(&str, u64)> = files.iter().map(|(p, b)| (p.as_str(), b.len() as u64)).collect();
    for (path, problem) in limits::check(&sizes) {
        report_limit(&path, &problem, &sources, diags);
    }
    if diags.has_errors() {
        return None;
    }
    let manifest = Manifest {
        format: manifest::FORMAT,
        generator: format!("gongkai {}", env!("CARGO_PKG_VERSION")),
        site: title.clone(),
        code: site.config.site.code.clone(),
        date,
        kiosk: opts.kiosk.is_some(),
        files: Manifest::entries(files.iter().map(|(p, b)| (p.as_str(), b.as_slice()))),
    };
    files.push((manifest::NAME.into(), manifest.to_json()));
    let bytes = files.iter().map(|(_, b)| b.len() as u64).sum();
    let n = files.len();
    let outputs = files
        .into_iter()
        .map(|(path, b)| Output {
            path,
            content: Content::Bytes(b),
        })
        .collect();
    if let Err(e) = write_outputs(&target, outputs, today) {
        io_error(diags, &target.display().to_string(), &e);
        return None;
    }
    Some(Packed {
        path: target,
        notices: site.notices.len(),
        files: n,
        bytes,
    })
}

/// The one place `pack` writes: the whole bundle as a zip file (written beside, then renamed
/// over the target) or as a folder (`write::write_atomically`: staged, then swapped in).
/// Either way a failed run leaves the previous bundle as it was.
fn write_outputs(target: &Path, files: Vec<Output>, today: Date) -> std::io::Result<()> {
    if !is_zip(target) {
        return crate::write::write_atomically(target, files);
    }
    let entries = files.iter().filter_map(|f| Some((f.path.as_str(), f.content.bytes()?)));
    let zip = zipfile::bytes(entries, today)?;
    if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = target.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, zip)?;
    std::fs::rename(&tmp, target).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// A folder output replaces what is there, so it must be a previous bundle (it has a
/// manifest) or new or empty, and never the site itself or a folder holding it: `--output .`
/// in the site would otherwise swap the clerk's notices away.
fn target_ok(root: &Path, target: &Path, diags: &mut Diagnostics) -> Option<()> {
    let shown = target.display().to_string();
    let refuse = |diags: &mut Diagnostics, zh: String, en: String| {
        diags.push(Diagnostic::error(
            Code::PackTarget,
            shown.clone(),
            Pos::default(),
            crate::diag::Text::new(zh, en),
            Code::PackTarget.fix(),
        ));
    };
    if !target.exists() {
        return Some(());
    }
    if is_zip(target) {
        if target.is_dir() {
            refuse(
                diags,
                format!("输出 {shown} 是一个已有的文件夹，不能写成 zip 文件"),
                format!("the output {shown} is an existing folder, not a zip file"),
            );
            return None;
        }
        return Some(());
    }
    let (Ok(t), Ok(r)) = (std::fs::canonicalize(target), std::fs::canonicalize(root)) else {
        return Some(());
    };
    if !t.is_dir() {
        refuse(
            diags,
            format!("输出 {shown} 是一个已有的文件，不是文件夹"),
            format!("the output {shown} is an existing file, not a folder"),
        );
        return None;
    }
    if r.starts_with(&t) {
        refuse(
            diags,
            format!("输出文件夹 {shown} 是站点本身或包含站点，打包会覆盖站点的文件"),
            format!("the output folder {shown} is or holds the site; packing would replace the site's files"),
        );
        return None;
    }
    let empty = std::fs::read_dir(&t).map(|mut d| d.next().is_none()).unwrap_or(false);
    if !empty && !t.join(manifest::NAME).is_file() {
        refuse(
            diags,
            format!("输出文件夹 {shown} 已有其他文件，且不是 gongkai 打包的文件夹（没有 manifest.json），不能覆盖"),
            format!(
                "the output folder {shown} has other files and is not a gongkai bundle (no manifest.json); it is not replaced"
            ),
        );
        return None;
    }
    Some(())
}

/// Where an output file comes from, for messages: the source file, the line, and the field
/// with its value. Notice pages come from the notice's file name (line 1), attachments and
/// data files from their front-matter line.
struct Origin {
    file: String,
    pos: Pos,
    field: (&'static str, &'static str),
    value: String,
}

fn sources_of(site: &Site) -> HashMap<String, Origin> {
    let mut m = HashMap::new();
    for n in &site.notices {
        let name = n.rel.rsplit('/').next().unwrap_or(&n.rel).to_string();
        let at = |pos, field, value: &str| Origin {
            file: n.rel.clone(),
            pos,
            field,
            value: value.to_string(),
        };
        m.insert(n.url.clone(), at(Pos::new(1, 1), ("文件名", "file name"), &name));
        for a in &n.attachments {
            m.insert(a.url.clone(), at(a.pos, ("附件", "attachment"), &a.name));
        }
        if let Some(d) = &n.data {
            m.insert(d.url.clone(), at(d.pos, ("数据", "data file"), &d.name));
        }
    }
    m
}

fn origin<'a>(path: &str, sources: &'a HashMap<String, Origin>) -> Option<&'a Origin> {
    let in_site = path.strip_prefix(bundle::SITE_DIR)?.strip_prefix('/')?;
    sources.get(in_site)
}

/// The bytes of an attachment, unless it is too large for FAT32 or cannot be read.
fn read_copy(src: &Path, path: &str, sources: &HashMap<String, Origin>, diags: &mut Diagnostics) -> Option<Vec<u8>> {
    if let Ok(m) = std::fs::metadata(src)
        && m.len() > limits::MAX_FILE
    {
        report_limit(path, &Problem::TooLarge(m.len()), sources, diags);
        return None;
    }
    match std::fs::read(src) {
        Ok(b) => Some(b),
        Err(e) => {
            io_error(diags, &src.display().to_string(), &e);
            None
        }
    }
}

fn report_limit(path: &str, problem: &Problem, sources: &HashMap<String, Origin>, diags: &mut Diagnostics) {
    let (file, pos, field_zh, field_en) = match origin(path, sources) {
        Some(o) => (
            o.file.clone(),
            o.pos,
            format!("{}“{}”", o.field.0, o.value),
            format!("the {} `{}`", o.field.1, o.value),
        ),
        None => (
            path.to_string(),
            Pos::default(),
            "文件".to_string(),
            "the file".to_string(),
        ),
    };
    let max = limits::MAX_REL;
    let reserve = limits::FOLDER_RESERVE;
    let (code, message, hint) = match problem {
        Problem::TooLong(len) => (
            Code::PackPathTooLong,
            tr!(
                "{field_zh}生成的文件 {path} 路径长 {len} 个字符，超过 Windows 的路径长度限制（包内最多 {max} 个字符，另留 {reserve} 个给存放它的文件夹）",
                "{field_en} gives the file {path}, {len} characters long: over Windows' path limit ({max} inside the bundle, {reserve} kept for the folder it is copied into)"
            ),
            tr!(
                "把文件名改短（中文文件名会生成短的网页名），或改短 book.toml 中的 slug",
                "Shorten the file name (a Chinese name gets a short page name), or the slug in book.toml"
            ),
        ),
        Problem::BadName(name, why_zh, why_en) => (
            Code::PackBadName,
            tr!(
                "{field_zh}生成的文件 {path} 不能放进 U 盘或 Windows 电脑：“{name}”{why_zh}",
                "{field_en} gives the file {path}, which cannot go onto a USB stick or Windows: `{name}`: {why_en}"
            ),
            tr!(
                "给文件改个名字，例如在后面加上日期（aux.md → aux-2026.md），或用中文名",
                "Rename the file, e.g. add a date (aux.md → aux-2026.md), or use a Chinese name"
            ),
        ),
        Problem::SameIgnoringCase(other) => (
            Code::PackCaseClash,
            tr!(
                "文件 {path} 与 {other} 只有大小写不同，Windows 和 U 盘上只能保留一个",
                "the files {path} and {other} differ only in case; Windows and USB sticks keep only one"
            ),
            Code::PackCaseClash.fix(),
        ),
        Problem::TooLarge(size) => {
            let mib = size / (1024 * 1024);
            (
                Code::PackFileTooLarge,
                tr!(
                    "{field_zh}（{path}）有 {mib} MB，超过 U 盘常用的 FAT32 格式单个文件 4 GB 的上限",
                    "{field_en} ({path}) is {mib} MB, over FAT32's 4 GB limit for one file"
                ),
                Code::PackFileTooLarge.fix(),
            )
        }
    };
    diags.push(Diagnostic::error(code, file, pos, message, hint));
}

fn io_error(diags: &mut Diagnostics, shown: &str, e: &std::io::Error) {
    diags.push(Diagnostic::error(
        Code::Io,
        shown.to_string(),
        Pos::default(),
        tr!("无法读写 {shown}：{e}", "cannot read or write {shown}: {e}"),
        Code::Io.fix(),
    ));
}
