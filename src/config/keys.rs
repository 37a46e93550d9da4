//! Where each key of a TOML file stands, so that schema errors point at a line.
//!
//! `toml` gives spans for syntax errors only; for "unknown key" and "bad value" we need the
//! line of a key inside `[[townships]]` number 3. A line scanner that follows table headers is
//! enough for the flat files `book.toml` and `calendar.toml` are.

use crate::diag::Pos;
use std::collections::HashMap;

/// Maps a dotted key path (`site.title`, `townships.2.villages.0.slug`) to its position.
#[derive(Debug, Default)]
pub struct KeyPositions {
    map: HashMap<String, Pos>,
}

impl KeyPositions {
    pub fn scan(src: &str) -> KeyPositions {
        let mut map = HashMap::new();
        let mut counters: HashMap<String, usize> = HashMap::new();
        let mut table = String::new();
        for (i, raw) in src.lines().enumerate() {
            let line = raw.trim_start();
            let indent = raw.chars().count() - line.chars().count();
            let pos = Pos::new(i + 1, indent + 1);
            if let Some(name) = line.strip_prefix("[[").and_then(|l| l.split("]]").next()) {
                let name = name.trim();
                let parent = array_parent(&table, name);
                let key = format!("{parent}{}", last_segment(name));
                let n = counters.entry(key.clone()).or_insert(0);
                table = format!("{key}.{n}");
                *n += 1;
                // Children arrays restart their count under a new parent element.
                let prefix = format!("{table}.");
                counters.retain(|k, _| !k.starts_with(&prefix));
                map.insert(table.clone(), pos);
            } else if let Some(name) = line.strip_prefix('[').and_then(|l| l.split(']').next()) {
                table = name.trim().to_string();
                map.insert(table.clone(), pos);
            } else if let Some((key, _)) = line.split_once('=') {
                let key = key.trim().trim_matches('"');
                if !key.is_empty() && !key.starts_with('#') {
                    let full = if table.is_empty() {
                        key.to_string()
                    } else {
                        format!("{table}.{key}")
                    };
                    map.entry(full).or_insert(pos);
                }
            }
        }
        KeyPositions { map }
    }

    /// The position of `path`, or of its nearest ancestor that is known.
    pub fn get(&self, path: &str) -> Pos {
        let mut p = path;
        loop {
            if let Some(pos) = self.map.get(p) {
                return *pos;
            }
            match p.rfind('.') {
                Some(i) => p = &p[..i],
                None => return Pos::default(),
            }
        }
    }
}

/// For `[[townships.villages]]` inside `townships.1`, the parent is `townships.1.`.
fn array_parent(current: &str, name: &str) -> String {
    let segments: Vec<&str> = name.split('.').collect();
    if segments.len() < 2 {
        return String::new();
    }
    let parent_name = segments[..segments.len() - 1].join(".");
    // `current` looks like `townships.1` or `townships.1.villages.0`.
    let mut out = String::new();
    let mut parts = current.split('.').peekable();
    for want in parent_name.split('.') {
        match parts.next() {
            Some(seg) if seg == want => {
                out.push_str(seg);
                out.push('.');
                if let Some(idx) = parts.peek().filter(|s| s.chars().all(|c| c.is_ascii_digit())) {
                    out.push_str(idx);
                    out.push('.');
                    parts.next();
                }
            }
            _ => return format!("{parent_name}."),
        }
    }
    out
}

fn last_segment(name: &str) -> &str {
    name.rsplit('.').next().unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_arrays_are_numbered_per_parent() {
        let src = "[site]\ntitle = \"x\"\n[[townships]]\nname = \"a\"\n  [[townships.villages]]\n  slug = \"v1\"\n[[townships]]\nname = \"b\"\n  [[townships.villages]]\n  slug = \"v2\"\n";
        let k = KeyPositions::scan(src);
        assert_eq!(k.get("site.title").line, 2);
        assert_eq!(k.get("townships.1.name").line, 8);
        assert_eq!(k.get("townships.1.villages.0.slug"), Pos::new(10, 3));
        assert_eq!(k.get("townships.0.villages.0.slug").line, 6);
    }
}
