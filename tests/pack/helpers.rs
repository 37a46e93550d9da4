//! Helpers of the pack tests: run `gongkai pack`, unzip, read the manifest, drive Chromium.

use crate::common::*;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Output};

pub fn pack(root: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "pack",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--date",
        DATE,
    ];
    args.extend_from_slice(extra);
    run(&args)
}

#[track_caller]
pub fn pack_ok(root: &Path, out: &Path, extra: &[&str]) {
    let o = pack(root, out, extra);
    assert!(o.status.success(), "pack failed:\n{}", stderr(&o));
}

pub fn verify(dir: &Path) -> Output {
    run(&["pack", "--verify", dir.to_str().unwrap()])
}

/// Every entry of a zip, unpacked into `dir` (names as stored, `/`-separated).
pub fn unzip(zip: &Path, dir: &Path) -> Vec<String> {
    let mut a = zip::ZipArchive::new(std::fs::File::open(zip).unwrap()).unwrap();
    let mut names = Vec::new();
    for i in 0..a.len() {
        let mut e = a.by_index(i).unwrap();
        let name = e.name().unwrap().to_string();
        let to = name.split('/').fold(dir.to_path_buf(), |p, part| p.join(part));
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        let mut bytes = Vec::new();
        e.read_to_end(&mut bytes).unwrap();
        std::fs::write(&to, bytes).unwrap();
        names.push(name);
    }
    names
}

pub fn manifest(dir: &Path) -> serde_json::Value {
    serde_json::from_str(&read(&dir.join("manifest.json"))).unwrap()
}

/// `chromium --dump-dom URL` after `budget_ms` of virtual time.
pub fn dom_after(chrome: &Path, url: &str, budget_ms: u32) -> scraper::Html {
    let profile = tempfile::tempdir().unwrap();
    let o = Command::new(chrome)
        .args(HEADLESS)
        .arg(format!("--virtual-time-budget={budget_ms}"))
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(url)
        .output()
        .expect("run chromium");
    scraper::Html::parse_document(&String::from_utf8_lossy(&o.stdout))
}

pub fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"/._-".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// `file://` URL with the path percent-encoded (Chinese folder and file names).
pub fn url_of(p: &Path) -> String {
    format!(
        "file://{}",
        enc(&std::fs::canonicalize(p).unwrap().display().to_string())
    )
}
