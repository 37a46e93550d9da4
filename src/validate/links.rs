//! Rule family 7 (SPEC 5.7): internal links, attachments and data files exist inside the site;
//! no path leaves the site root; no two notices write the same page.

use super::Ctx;
use crate::diag::{Code, Diagnostic, Pos};
use crate::resolve::Notice;
use crate::tr;
use std::collections::HashMap;
use std::path::{Component, Path};

pub fn check(cx: &mut Ctx, n: &Notice) {
    let src = &cx.site.sources[n.source];
    let dir = src.path.parent().unwrap_or(&cx.site.root).to_path_buf();
    for (dest, pos) in &src.facts.links {
        if let Some(path) = local_target(dest) {
            file_inside(cx, n, &dir, &path, *pos, Code::BrokenLink);
        }
    }
    for a in n.attachments.iter().chain(&n.data) {
        file_inside(cx, n, &dir, &a.name, a.pos, Code::MissingFile);
    }
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

fn file_inside(cx: &mut Ctx, n: &Notice, dir: &Path, target: &str, pos: Pos, missing: Code) {
    let root = cx.site.root.clone();
    let joined = if let Some(stripped) = target.strip_prefix('/') {
        root.join(stripped)
    } else {
        dir.join(target)
    };
    if leaves(&root, &joined) {
        cx.push(Diagnostic::error(
            Code::OutsideRoot,
            &n.rel,
            pos,
            tr!(
                "“{target}”指向站点目录之外",
                "`{target}` points outside the site folder"
            ),
            Code::OutsideRoot.fix(),
        ));
        return;
    }
    if !joined.is_file() {
        let hint = match missing {
            Code::MissingFile => tr!(
                "把文件“{target}”放在 {} 旁边，或改正文件名（注意扩展名）。",
                "Put `{target}` beside {} or fix the name (mind the extension).",
                n.rel
            ),
            _ => tr!(
                "检查链接“{target}”的路径；链接到其他公告请写它的 .md 文件相对路径。",
                "Check the path `{target}`; link other notices by their .md path."
            ),
        };
        cx.push(Diagnostic::error(
            missing,
            &n.rel,
            pos,
            tr!("文件“{target}”不存在", "file `{target}` does not exist"),
            hint,
        ));
    }
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
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
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
        cx.push(Diagnostic::error(
            Code::DuplicateOutput,
            &rel,
            Pos::new(1, 1),
            tr!(
                "{rel} 与 {first} 会生成同一个网页 {url}",
                "{rel} and {first} would both be written to {url}"
            ),
            tr!("给其中一个文件改名。", "Rename one of the two files."),
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
    }

    #[test]
    fn detects_escape() {
        let root = Path::new("/site");
        assert!(leaves(root, Path::new("/site/content/../../etc/passwd")));
        assert!(!leaves(root, Path::new("/site/content/a/../b.pdf")));
    }
}
