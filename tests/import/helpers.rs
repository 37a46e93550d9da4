//! Helpers of tests/import.rs and tests/mask.rs: a site with a desk beside it, and readers of
//! what the commands wrote.
#![allow(dead_code)]

use crate::common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A copy of check-base and a folder beside it (outside the site) for the clerk's tables.
pub fn site() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let (tmp, root) = copy_site(&fixture("check-base"));
    let desk = tmp.path().join("desk");
    std::fs::create_dir_all(&desk).unwrap();
    (tmp, root, desk)
}

pub fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

pub fn json(o: &std::process::Output) -> Value {
    serde_json::from_str(&stdout(o)).unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", stdout(o), stderr(o)))
}

/// The built page whose `<h1>` has `title`, anywhere in the output.
pub fn page(out: &Path, title: &str) -> scraper::Html {
    let path = walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .find(|p| texts(&html(p), "h1").iter().any(|h| h.contains(title)))
        .unwrap_or_else(|| panic!("no page titled {title}"));
    html(&path)
}

pub fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    let text = String::from_utf8(bytes).expect("the output is UTF-8");
    let text = text.strip_prefix('\u{feff}').expect("with a BOM for Excel and WPS");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

pub fn item<'a>(show: &'a Value, id: &str) -> &'a Value {
    show["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("no item {id}"))
}

/// Every text file of the output, concatenated.
pub fn read_all(out: &Path) -> String {
    files(out)
        .iter()
        .filter_map(|f| std::fs::read_to_string(out.join(f)).ok())
        .collect()
}
