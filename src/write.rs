//! Stage 7: write. The whole output goes to a fresh folder beside the target, which then
//! replaces the target in two renames: a failed or interrupted build never leaves a
//! half-written site, and the previous output stays until the new one is complete.

use crate::render::{Content, Output};
use rayon::prelude::*;
use std::io;
use std::path::{Path, PathBuf};

/// Write `files` as the complete content of `target`.
pub fn write_atomically(target: &Path, files: &[Output]) -> io::Result<()> {
    let parent = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let name = target.file_name().and_then(|n| n.to_str()).unwrap_or("public");
    let staging = parent.join(format!(".{name}.gongkai-new-{}", std::process::id()));
    let old = parent.join(format!(".{name}.gongkai-old-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&staging);
    let result = fill(&staging, files).and_then(|()| swap(target, &staging, &old));
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

fn fill(dir: &Path, files: &[Output]) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut dirs: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| dir.join(&f.path).parent().map(Path::to_path_buf))
        .collect();
    dirs.sort();
    dirs.dedup();
    for d in &dirs {
        std::fs::create_dir_all(d)?;
    }
    files.par_iter().try_for_each(|f| {
        let dest = dir.join(&f.path);
        match &f.content {
            Content::Bytes(b) => std::fs::write(&dest, b),
            Content::Copy(src) => std::fs::copy(src, &dest).map(|_| ()),
        }
    })
}

fn swap(target: &Path, staging: &Path, old: &Path) -> io::Result<()> {
    if target.exists() {
        let _ = std::fs::remove_dir_all(old);
        std::fs::rename(target, old)?;
        if let Err(e) = std::fs::rename(staging, target) {
            // Put the previous site back before reporting.
            let _ = std::fs::rename(old, target);
            return Err(e);
        }
        let _ = std::fs::remove_dir_all(old);
        Ok(())
    } else {
        std::fs::rename(staging, target)
    }
}
