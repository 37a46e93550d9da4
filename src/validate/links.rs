//! Rule family 7 (SPEC 5.7): internal links, attachments and data files exist inside the site;
//! no path leaves the site root; no two notices write the same page.

use super::Ctx;
use crate::diag::{Code, Diagnostic, Pos};
use crate::load::Source;
use crate::resolve::Notice;
use crate::tr;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

pub fn check(cx: &mut Ctx, index: usize, n: &Notice) {
    let src = &cx.site.sources[n.source];
    let files: Vec<(&str, &str, Pos)> = n
        .attachments
        .iter()
        .map(|a| ("附件", a.name.as_str(), a.pos))
        .chain(n.data.iter().map(|d| ("数据", d.name.as_str(), d.pos)))
        .collect();
    if let Some(bad) = check_source(cx, src, &files) {
        // The pipeline read the data file once; only a failure is read again, for its reason.
        if cx.site.tables[index].is_none() {
            bad_data(cx, src, bad);
        }
    }
}

/// Sources that are not resolved notices (`_index.md`, notices dropped for other errors):
/// their links and files are checked all the same, so every problem shows in one run.
pub fn other_source(cx: &mut Ctx, src: &Source) {
    let files: Vec<(&str, &str, Pos)> = src
        .fm
        .attachments
        .iter()
        .map(|a| ("附件", a.value.as_str(), a.pos))
        .chain(src.fm.data.iter().map(|d| ("数据", d.value.as_str(), d.pos)))
        .collect();
    if let Some(bad) = check_source(cx, src, &files) {
        bad_data(cx, src, bad);
    }
}

/// Check the links and the files `(key, name, pos)` of one source; returns the data file
/// (name, pos, path) when it exists, for the caller to check that it can be read.
fn check_source<'a>(cx: &mut Ctx, src: &Source, files: &[(&str, &'a str, Pos)]) -> Option<(&'a str, Pos, PathBuf)> {
    let dir = src.path.parent().unwrap_or(&cx.site.root).to_path_buf();
    // A destination found good once is good everywhere in this source: a body that repeats one
    // link 300,000 times must not stat the file 300,000 times. A bad one is reported at each
    // place it is written (the per-file cap keeps that bounded).
    let mut good: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (dest, pos) in &src.facts.links {
        if good.contains(dest.as_str()) {
            continue;
        }
        if dest.trim().to_ascii_lowercase().starts_with("file:") {
            outside(cx, src, "链接", dest, *pos);
        } else if let Some(path) = local_target(dest) {
            if file_inside(cx, src, &dir, "链接", &path, *pos, Code::BrokenLink).is_some() {
                good.insert(dest);
            }
        } else {
            good.insert(dest);
        }
    }
    let mut data = None;
    for (key, name, pos) in files {
        if let Some(path) = file_inside(cx, src, &dir, key, name.trim(), *pos, Code::MissingFile)
            && *key == "数据"
        {
            data = Some((*name, *pos, path));
        }
    }
    data
}

fn bad_data(cx: &mut Ctx, src: &Source, (name, pos, path): (&str, Pos, PathBuf)) {
    let Err(why) = crate::load::table::read(&path) else {
        return;
    };
    let (zh, en) = (why.zh, why.en);
    cx.push(Diagnostic::error(
        Code::BadData,
        &src.rel,
        pos,
        tr!(
            "“数据”文件“{name}”无法读取：{zh}",
            "data file `{name}` cannot be read: {en}"
        ),
        tr!(
            "在 Excel 或 WPS 中把名单另存为“CSV UTF-8（逗号分隔）”或 .xlsx，第一行写列名，再写 数据: 文件名。",
            "Save the list from Excel or WPS as CSV UTF-8 or .xlsx with a header row."
        ),
    ));
}

/// The local file a link points to, or `None` for web links, anchors and mail.
pub fn local_target(dest: &str) -> Option<String> {
    let d = dest.trim();
    if d.is_empty() || d.starts_with('#') || d.starts_with("//") || has_scheme(d) {
        return None;
    }
    let d = d.split(['#', '?']).next().unwrap_or("");
    if d.is_empty() {
        return None;
    }
    Some(percent_decode(d))
}

/// `https:`, `mailto:`, `javascript:` …: an RFC 3986 scheme. A Windows drive (`C:`) is a
/// single letter and counts as a local path (and is then caught as leaving the site).
fn has_scheme(d: &str) -> bool {
    match d.split_once(':') {
        Some((s, _)) => {
            s.len() > 1
                && s.starts_with(|c: char| c.is_ascii_alphabetic())
                && s.chars().all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
        }
        None => false,
    }
}

fn outside(cx: &mut Ctx, src: &Source, key: &str, target: &str, pos: Pos) {
    cx.push(Diagnostic::error(
        Code::OutsideRoot,
        &src.rel,
        pos,
        tr!(
            "{key}“{target}”指向站点目录之外",
            "{key} `{target}` points outside the site folder"
        ),
        tr!(
            "把文件复制到公告旁边（content/ 之内），再写文件名，不要写 ../ 或 C:\\ 这样的路径。",
            "Copy the file next to the notice (inside content/) and write its name, not ../ or C:\\ paths."
        ),
    ));
}

/// Check that `target` (relative to `dir`, or to the site root with a leading `/`) is a file
/// inside the site; returns its path when it is.
fn file_inside(
    cx: &mut Ctx,
    src: &Source,
    dir: &Path,
    key: &str,
    target: &str,
    pos: Pos,
    missing: Code,
) -> Option<PathBuf> {
    let root = cx.site.root.clone();
    let joined = if let Some(stripped) = target.strip_prefix('/') {
        root.join(stripped)
    } else {
        dir.join(target)
    };
    if leaves(&root, &joined) {
        outside(cx, src, key, target, pos);
        return None;
    }
    if joined.is_file() {
        return Some(joined);
    }
    if !cx.wants(&src.rel, missing) {
        return None;
    }
    let near = nearest_file(&joined);
    let hint = match (&near, missing) {
        (Some(f), _) => tr!(
            "文件夹里有“{f}”，是不是这个文件？文件名要与{key}中写的完全一致（包括扩展名）。",
            "There is `{f}` in that folder: is that the file? The name must match exactly, extension included."
        ),
        (None, Code::MissingFile) => tr!(
            "把文件“{target}”放在 {} 旁边，或改正文件名（注意扩展名）。",
            "Put `{target}` beside {} or fix the name (mind the extension).",
            src.rel
        ),
        (None, _) => tr!(
            "检查链接“{target}”的路径；链接到其他公告请写它的 .md 文件相对路径。",
            "Check the path `{target}`; link other notices by their .md path."
        ),
    };
    cx.push(Diagnostic::error(
        missing,
        &src.rel,
        pos,
        tr!(
            "{key}指向的文件“{target}”不存在",
            "the file `{target}` named by {key} does not exist"
        ),
        hint,
    ));
    None
}

/// The file in `path`'s folder whose name is closest to `path`'s, for "did you mean".
fn nearest_file(path: &Path) -> Option<String> {
    let want = path.file_name()?.to_string_lossy().into_owned();
    let names: Vec<String> = std::fs::read_dir(path.parent()?)
        .ok()?
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".md"))
        .collect();
    crate::util::suggest::closest(&want, names.iter().map(String::as_str)).map(str::to_owned)
}

/// Whether `path` (not necessarily existing) lies outside `root`, judged on its components so
/// that it works before the file exists and on every OS.
fn leaves(root: &Path, path: &Path) -> bool {
    let Ok(rest) = path.strip_prefix(root) else { return true };
    let mut depth: i32 = 0;
    for c in rest.components() {
        match c {
            Component::ParentDir => depth -= 1,
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
            _ => return true,
        }
        if depth < 0 {
            return true;
        }
    }
    false
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        // Decoded from the bytes, not by slicing `s`: `%中` must not cut a character in two.
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// Two notices that would be written to the same page.
pub fn duplicates(cx: &mut Ctx) {
    let mut seen: HashMap<&str, &Notice> = HashMap::new();
    let mut found = Vec::new();
    for n in &cx.site.notices {
        if let Some(first) = seen.insert(&n.url, n) {
            found.push((n.rel.clone(), first.rel.clone(), n.url.clone()));
        }
    }
    for (rel, first, url) in found {
        let stem = Path::new(&rel)
            .file_stem()
            .map_or(String::new(), |s| s.to_string_lossy().into_owned());
        let renamed = format!("{stem}-2.md");
        cx.push(Diagnostic::error(
            Code::DuplicateOutput,
            &rel,
            Pos::new(1, 1),
            tr!(
                "{rel} 与 {first} 会生成同一个网页 {url}",
                "{rel} and {first} would both be written to {url}"
            ),
            tr!(
                "两个文件同名、同乡镇、同领域：给其中一个改名，例如 {renamed}。",
                "Same name, township and domain: rename one of them, e.g. {renamed}."
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_links() {
        assert_eq!(local_target("https://www.gov.cn/"), None);
        assert_eq!(local_target("#sec"), None);
        assert_eq!(local_target("附件.pdf#page=2").as_deref(), Some("附件.pdf"));
        assert_eq!(local_target("%E9%99%84.pdf").as_deref(), Some("附.pdf"));
        assert_eq!(local_target("a%41").as_deref(), Some("aA"));
        assert_eq!(local_target("%中文.pdf").as_deref(), Some("%中文.pdf"));
    }

    #[test]
    fn detects_escape() {
        let root = Path::new("/site");
        assert!(leaves(root, Path::new("/site/content/../../etc/passwd")));
        assert!(!leaves(root, Path::new("/site/content/a/../b.pdf")));
    }
}
