//! Writing an imported catalog as a catalog file (docs/catalog-format.md).
//!
//! The project reads YAML with serde-saphyr, which does not write it, so the file is written
//! here in the layout of the built-in catalogs. Every string is a double-quoted scalar made by
//! serde_json: JSON's string escapes are valid YAML, so a 公开依据 with a colon, a `#`, quotes or
//! a line break cannot change the file's structure. Fields the table does not show are left
//! out, never filled with a default (SPEC 3.3).

use crate::catalog::{Domain, Item, Limit};

fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

fn list(v: &[String]) -> String {
    let parts: Vec<String> = v.iter().map(|s| q(s)).collect();
    format!("[{}]", parts.join(", "))
}

fn limit(l: &Limit) -> String {
    let mut parts = Vec::new();
    if let Some(d) = l.days {
        parts.push(format!("days: {d}"));
        parts.push(format!("working: {}", l.working));
    }
    if let Some(t) = &l.text {
        parts.push(format!("text: {}", q(t)));
    }
    format!("{{{}}}", parts.join(", "))
}

/// The catalog file for `items` of `domain`, read from `source` (file name and sheet).
pub fn write(domain: &Domain, items: &[Item], source: &str) -> String {
    let mut y = String::new();
    y.push_str(&format!(
        "# {}领域基层政务公开标准目录（本县）\n# 由 gongkai catalog import 从 {source} 生成；与内置目录的差别见 gongkai catalog diff。\n",
        domain.name
    ));
    y.push_str(&format!("domain: {}\nname: {}\n", domain.slug, q(&domain.name)));
    if let Some(p) = &domain.prefix {
        y.push_str(&format!("prefix: {}\n", q(p)));
    }
    if let Some(m) = &domain.ministry {
        y.push_str(&format!("ministry: {}\n", q(m)));
    }
    if let Some(s) = &domain.source {
        y.push_str(&format!("source: {}\n", q(s)));
    }
    y.push_str(&format!("provenance:\n  - {}\nitems:\n", q(source)));
    for item in items {
        y.push_str(&format!("  - id: {}\n", q(&item.id)));
        y.push_str(&format!(
            "    level1: {}\n    level2: {}\n",
            q(&item.level1),
            q(&item.level2)
        ));
        if let Some(l3) = &item.level3 {
            y.push_str(&format!("    level3: {}\n", q(l3)));
        }
        if !item.elements.is_empty() {
            y.push_str("    elements:\n");
            for e in &item.elements {
                y.push_str(&format!(
                    "      - name: {}\n        required: {}\n",
                    q(&e.name),
                    e.required
                ));
                if e.people {
                    y.push_str("        people: true\n");
                }
                if !e.columns.is_empty() {
                    y.push_str(&format!("        columns: {}\n", list(&e.columns)));
                }
            }
        }
        let text = |k: &str, v: &Option<String>, y: &mut String| {
            if let Some(v) = v {
                y.push_str(&format!("    {k}: {}\n", q(v)));
            }
        };
        text("basis", &item.basis, &mut y);
        if let Some(l) = &item.time_limit {
            y.push_str(&format!("    time_limit: {}\n", limit(l)));
        }
        if let Some(l) = &item.notice_period {
            y.push_str(&format!("    notice_period: {}\n", limit(l)));
        }
        text("publisher", &item.publisher, &mut y);
        if !item.channels.is_empty() {
            y.push_str(&format!("    channels: {}\n", list(&item.channels)));
        }
        text("audience", &item.audience, &mut y);
        text("method", &item.method, &mut y);
        if !item.levels.is_empty() {
            y.push_str(&format!("    levels: {}\n", list(&item.levels)));
        }
        if item.personal_info {
            y.push_str("    personal_info: true\n");
        }
        text("provenance", &item.provenance, &mut y);
        y.push('\n');
    }
    y
}
