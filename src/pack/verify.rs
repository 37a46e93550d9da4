//! `gongkai pack --verify DIR`: is this copy of a bundle complete and unmodified?
//!
//! USB sticks corrupt files without a word, and a copy pulled out early looks complete in
//! Explorer. Every file the manifest lists is read back and its size and SHA-256 compared;
//! a missing or changed file is an error naming the file. Files the manifest does not list
//! are warnings only: Windows drops `Thumbs.db` and `desktop.ini` into folders it shows.

use super::manifest::{self, Manifest, ReadError};
use crate::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::tr;
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::Path;

pub struct Verified {
    pub manifest: Manifest,
}

/// Check the bundle in `dir` against its manifest; `None` when the manifest cannot be read.
pub fn verify(dir: &Path, diags: &mut Diagnostics) -> Option<Verified> {
    if !dir.is_dir() {
        let shown = dir.display().to_string();
        diags.push(Diagnostic::error(
            Code::Io,
            shown.clone(),
            Pos::default(),
            tr!(
                "{shown} 不是文件夹或不存在",
                "{shown} is not a folder or does not exist"
            ),
            tr!(
                "写出打包文件夹的路径（zip 文件请先解压）",
                "Give the bundle's folder (unzip a zip file first)"
            ),
        ));
        return None;
    }
    let m = match manifest::read(dir) {
        Ok(m) => m,
        Err(e) => {
            let (zh, en) = match e {
                ReadError::Io(e) => (
                    format!("没有找到或无法读取清单 {}：{e}", manifest::NAME),
                    format!("the manifest {} is missing or unreadable: {e}", manifest::NAME),
                ),
                ReadError::Invalid(e) => (
                    format!("清单 {} 已损坏：{e}", manifest::NAME),
                    format!("the manifest {} is damaged: {e}", manifest::NAME),
                ),
            };
            diags.push(Diagnostic::error(
                Code::PackManifest,
                manifest::NAME,
                Pos::default(),
                crate::diag::Text::new(zh, en),
                Code::PackManifest.fix(),
            ));
            return None;
        }
    };
    let found: Vec<Diagnostic> = m.files.par_iter().filter_map(|entry| check_entry(dir, entry)).collect();
    diags.extend(found);
    let listed: HashSet<&str> = m.files.iter().map(|e| e.path.as_str()).collect();
    for e in walkdir::WalkDir::new(dir).into_iter().filter_map(Result::ok) {
        if !e.file_type().is_file() {
            continue;
        }
        let rel = crate::diag::rel_path(dir, e.path());
        if rel == manifest::NAME || listed.contains(rel.as_str()) {
            continue;
        }
        diags.push(Diagnostic::warning(
            Code::PackExtra,
            rel.clone(),
            Pos::default(),
            tr!(
                "文件 {rel} 不在清单中（不是打包时生成的）",
                "the file {rel} is not in the manifest (it was not packed)"
            ),
            Code::PackExtra.fix(),
        ));
    }
    Some(Verified { manifest: m })
}

/// A safe relative path: no `..`, no root, no drive (a manifest is data from a stick).
fn safe(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && !path.contains(':')
        && path.split('/').all(|p| !p.is_empty() && p != ".." && p != ".")
}

fn check_entry(dir: &Path, entry: &manifest::Entry) -> Option<Diagnostic> {
    let rel = &entry.path;
    if !safe(rel) {
        return Some(Diagnostic::error(
            Code::PackManifest,
            manifest::NAME,
            Pos::default(),
            tr!(
                "清单中的路径“{rel}”不在打包文件夹内，清单已被改动",
                "the manifest path `{rel}` leaves the bundle: the manifest was altered"
            ),
            Code::PackManifest.fix(),
        ));
    }
    let path = rel.split('/').fold(dir.to_path_buf(), |p, part| p.join(part));
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Some(Diagnostic::error(
                Code::PackMissing,
                rel.clone(),
                Pos::default(),
                tr!("缺少文件 {rel}", "the file {rel} is missing"),
                Code::PackMissing.fix(),
            ));
        }
        Err(e) => {
            return Some(Diagnostic::error(
                Code::PackModified,
                rel.clone(),
                Pos::default(),
                tr!("文件 {rel} 无法读取：{e}", "the file {rel} cannot be read: {e}"),
                Code::PackModified.fix(),
            ));
        }
    };
    let size = bytes.len() as u64;
    let want = entry.size;
    if size != want {
        return Some(Diagnostic::error(
            Code::PackModified,
            rel.clone(),
            Pos::default(),
            tr!(
                "文件 {rel} 大小不符：清单为 {want} 字节，实际为 {size} 字节",
                "the file {rel} has {size} bytes; the manifest says {want}"
            ),
            Code::PackModified.fix(),
        ));
    }
    if manifest::sha256_hex(&bytes) != entry.sha256 {
        return Some(Diagnostic::error(
            Code::PackModified,
            rel.clone(),
            Pos::default(),
            tr!(
                "文件 {rel} 内容已改变（SHA-256 校验值与清单不符）",
                "the file {rel} has changed (its SHA-256 differs from the manifest)"
            ),
            Code::PackModified.fix(),
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn unsafe_paths() {
        for p in ["../x", "/etc/passwd", "a/../../b", "C:/x", "a\\b", "", "a//b"] {
            assert!(!super::safe(p), "{p}");
        }
        assert!(super::safe("site/qingshan/index.html"));
        assert!(super::safe("打开网站.cmd"));
    }
}
