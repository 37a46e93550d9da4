//! The one place where `catalog import`, `mask` and `new --data` write files.
//!
//! Every byte these commands produce passes through [`write_outputs`], so the site's output
//! gate (SPEC 5.6: every output passes one scanner before it is written) hooks in here and
//! nowhere else. Until then it refuses any output in which the scanner still finds an unmasked
//! identifier. Files are written whole: each to a temporary name beside it, then renamed; if
//! any file fails, the ones already written by this call are removed again. An existing file
//! is only replaced when the caller says so, and a clerk's original table never is.

use crate::privacy::Scanner;
use std::io;
use std::path::{Path, PathBuf};

/// One file to write.
#[derive(Clone, Debug)]
pub struct OutFile {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// Why nothing was written.
#[derive(Debug)]
pub enum WriteError {
    /// The file exists and replacing was not allowed.
    Exists(PathBuf),
    /// The output would replace one of the inputs.
    IsInput(PathBuf),
    /// An unmasked identifier reached an output (a bug upstream; nothing is written).
    Leak(PathBuf, String),
    Io(PathBuf, io::Error),
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// Write `files`, all or none. `inputs` are never replaced; others only with `replace`.
pub fn write_outputs(
    files: Vec<OutFile>,
    inputs: &[&Path],
    replace: bool,
    scanner: &Scanner,
) -> Result<(), WriteError> {
    for f in &files {
        if inputs.iter().any(|i| same_file(i, &f.path)) {
            return Err(WriteError::IsInput(f.path.clone()));
        }
        if !replace && f.path.exists() {
            return Err(WriteError::Exists(f.path.clone()));
        }
        let text = String::from_utf8_lossy(&f.bytes);
        if let Some(hit) = scanner.scan(&text).first() {
            return Err(WriteError::Leak(f.path.clone(), hit.masked.clone()));
        }
    }
    let mut done: Vec<PathBuf> = Vec::new();
    for f in files {
        if let Err(e) = write_one(&f) {
            for p in done {
                let _ = std::fs::remove_file(p);
            }
            return Err(WriteError::Io(f.path, e));
        }
        done.push(f.path);
    }
    Ok(())
}

fn write_one(f: &OutFile) -> io::Result<()> {
    if let Some(dir) = f.path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut tmp = f.path.clone().into_os_string();
    tmp.push(".gongkai-tmp");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, &f.bytes)?;
    std::fs::rename(&tmp, &f.path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

impl WriteError {
    /// The message for the terminal, in both languages.
    pub fn text(&self) -> crate::diag::Text {
        use crate::tr;
        match self {
            WriteError::Exists(p) => {
                let p = p.display();
                tr!(
                    "{p} 已存在，没有覆盖。换一个 --output，或加 --force 覆盖。",
                    "{p} exists and was not overwritten; choose another --output or pass --force."
                )
            }
            WriteError::IsInput(p) => {
                let p = p.display();
                tr!(
                    "输出文件 {p} 就是原表格；原表格不会被改动，请另选 --output。",
                    "the output {p} is the input table, which is never changed; choose another --output."
                )
            }
            WriteError::Leak(p, m) => {
                let p = p.display();
                tr!(
                    "{p} 中仍有未遮蔽的号码（应为 {m}），没有写入任何文件。",
                    "{p} would still carry an unmasked number (should be {m}); nothing was written."
                )
            }
            WriteError::Io(p, e) => {
                let p = p.display();
                tr!("无法写入 {p}：{e}", "cannot write {p}: {e}")
            }
        }
    }
}
