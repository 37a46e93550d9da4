//! `gongkai pack --diff OLD NEW`: what changed between two bundles, from their manifests, so
//! that a clerk who uploads through the county CMS or FTP sends only the new and changed
//! files (and deletes the removed ones) instead of the whole site again.

use super::manifest::Manifest;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Added,
    Changed,
    Removed,
}

impl Kind {
    pub fn label(self, lang: crate::diag::Lang) -> &'static str {
        match (self, lang) {
            (Kind::Added, crate::diag::Lang::Zh) => "新增",
            (Kind::Changed, crate::diag::Lang::Zh) => "修改",
            (Kind::Removed, crate::diag::Lang::Zh) => "删除",
            (Kind::Added, crate::diag::Lang::En) => "added",
            (Kind::Changed, crate::diag::Lang::En) => "changed",
            (Kind::Removed, crate::diag::Lang::En) => "removed",
        }
    }
}

/// Every path that differs, sorted by path.
pub fn diff(old: &Manifest, new: &Manifest) -> Vec<(Kind, String)> {
    let before: BTreeMap<&str, &str> = old.files.iter().map(|e| (e.path.as_str(), e.sha256.as_str())).collect();
    let after: BTreeMap<&str, &str> = new.files.iter().map(|e| (e.path.as_str(), e.sha256.as_str())).collect();
    let mut out: Vec<(Kind, String)> = Vec::new();
    for (path, hash) in &after {
        match before.get(path) {
            None => out.push((Kind::Added, path.to_string())),
            Some(h) if h != hash => out.push((Kind::Changed, path.to_string())),
            Some(_) => {}
        }
    }
    for path in before.keys().filter(|p| !after.contains_key(*p)) {
        out.push((Kind::Removed, path.to_string()));
    }
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(files: &[(&str, &[u8])]) -> Manifest {
        Manifest {
            format: 1,
            generator: String::new(),
            site: String::new(),
            code: String::new(),
            date: String::new(),
            kiosk: false,
            files: Manifest::entries(files.iter().copied()),
        }
    }

    #[test]
    fn added_changed_removed() {
        let old = m(&[("a", b"1"), ("b", b"2"), ("c", b"3")]);
        let new = m(&[("a", b"1"), ("b", b"x"), ("d", b"4")]);
        assert_eq!(
            diff(&old, &new),
            vec![
                (Kind::Changed, "b".into()),
                (Kind::Removed, "c".into()),
                (Kind::Added, "d".into())
            ]
        );
    }
}
