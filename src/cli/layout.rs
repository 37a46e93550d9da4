//! Where `gongkai new` puts a notice: in the folders the site already has. A county that
//! names its domain folders in Chinese (`content/qingshan/社会救助/`) gets its new notice
//! there, not in a `social-assistance/` beside it; a village's notice goes into the folder
//! whose `_index.md` gives that `村`. Only when the site has no such folder yet does the
//! notice go to `content/<township slug>/<domain slug>/`, and then the domain folder follows
//! how the township's other domain folders are named.

use crate::catalog::{Catalogs, Domain};
use crate::config::{Township, Village};
use std::path::{Path, PathBuf};

/// The folder for a notice of `domain` by `town` (and `village`).
pub fn notice_dir(
    root: &Path,
    cats: &Catalogs,
    domain: &Domain,
    town: &Township,
    village: Option<&Village>,
) -> PathBuf {
    let content = root.join("content");
    let town_dir = township_dir(&content, town);
    if let Some(v) = village.and_then(|v| village_dir(&town_dir, v)) {
        return v;
    }
    let children = subfolders(&town_dir);
    // The domain's own folder, under any of its names.
    if let Some(dir) = children.iter().find(|d| {
        let name = folder_name(d);
        cats.domain_by_slug(&name).is_some_and(|x| x.slug == domain.slug)
    }) {
        return dir.clone();
    }
    // Otherwise name it as the township's other domain folders are named.
    let (mut zh, mut en) = (0, 0);
    for d in &children {
        let name = folder_name(d);
        if cats.domain_by_slug(&name).is_some() {
            if name.is_ascii() { en += 1 } else { zh += 1 }
        }
    }
    town_dir.join(if zh > en { &domain.name } else { &domain.slug })
}

/// `content/<slug>/`, or the folder under `content/` named after the township or whose
/// `_index.md` gives it as `乡镇`.
fn township_dir(content: &Path, town: &Township) -> PathBuf {
    let own = content.join(&town.slug);
    if own.is_dir() {
        return own;
    }
    let is_town = |v: &str| v == town.name || v == town.slug || v == town.code;
    subfolders(content)
        .into_iter()
        .find(|d| is_town(&folder_name(d)) || index_value(d, &["乡镇", "township"]).is_some_and(|v| is_town(&v)))
        .unwrap_or(own)
}

/// A folder up to two levels below the township's (`桃园村/`, `villages/hewan/`) whose
/// `_index.md` gives the village as `村`, or named after it.
fn village_dir(town_dir: &Path, village: &Village) -> Option<PathBuf> {
    let is_village = |v: &str| v == village.name || v == village.slug || v == village.code;
    let first = subfolders(town_dir);
    let second = first.iter().flat_map(|d| subfolders(d));
    let all: Vec<PathBuf> = first.iter().cloned().chain(second).collect();
    all.iter()
        .find(|d| index_value(d, &["村", "village", "社区"]).is_some_and(|v| is_village(&v)))
        .or_else(|| all.iter().find(|d| is_village(&folder_name(d))))
        .cloned()
}

fn subfolders(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    v.sort();
    v
}

fn folder_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The value of one of `keys` in the front matter of `dir/_index.md`, read line by line (a
/// folder's defaults are one-line `键: 值` entries; an unreadable file just says nothing).
fn index_value(dir: &Path, keys: &[&str]) -> Option<String> {
    let text = std::fs::read_to_string(dir.join("_index.md")).ok()?;
    let fm = text.trim_start_matches('\u{feff}').strip_prefix("---")?;
    let fm = &fm[..fm.find("\n---").unwrap_or(fm.len())];
    fm.lines().find_map(|l| {
        let (k, v) = l.split_once([':', '：'])?;
        keys.contains(&k.trim())
            .then(|| v.trim().trim_matches(['"', '\'']).to_string())
    })
}
