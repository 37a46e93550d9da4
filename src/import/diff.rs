//! What a county's catalog file changes against the built-in catalog: its 目录调整, row by row.
//!
//! Items are matched by id (import gives a county row the id of the built-in row with the same
//! path). A changed item lists each field that differs with before and after; an added item is
//! a local row; a built-in item the county file does not list is shown too, marked as still in
//! force, because a site's file adds and replaces items but never removes one.

use crate::catalog::{Domain, Item, Limit};
use serde::Serialize;

/// One field that differs.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Field {
    /// The field's key in the catalog file.
    pub field: &'static str,
    /// Its name in the county's table.
    pub label: &'static str,
    pub before: String,
    pub after: String,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Changed {
    pub id: String,
    pub path: String,
    pub fields: Vec<Field>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Row {
    pub id: String,
    pub path: String,
}

/// A county file against the built-in domain.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Diff {
    pub domain: String,
    pub name: String,
    pub file: String,
    pub changed: Vec<Changed>,
    pub added: Vec<Row>,
    /// Built-in items the county file does not list (still in force).
    pub not_listed: Vec<Row>,
    pub unchanged: usize,
}

fn limit(l: &Option<Limit>) -> String {
    match l {
        None => String::new(),
        Some(l) => {
            let days = l
                .days
                .map(|d| format!("{d}{}", if l.working { "个工作日" } else { "日" }));
            match (days, &l.text) {
                (Some(d), Some(t)) if !t.contains(&d) => format!("{d}（{t}）"),
                (_, Some(t)) => t.clone(),
                (Some(d), None) => d,
                (None, None) => String::new(),
            }
        }
    }
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

fn fields(a: &Item, b: &Item) -> Vec<Field> {
    let elements = |i: &Item| {
        i.elements
            .iter()
            .map(|e| format!("{}{}", e.name, if e.required { "*" } else { "" }))
            .collect::<Vec<_>>()
            .join("；")
    };
    let limit_key = |l: &Option<Limit>| l.as_ref().map(|l| (l.days, l.working || l.days.is_none()));
    let pairs: [(&'static str, &'static str, String, String, bool); 10] = [
        ("elements", "公开内容（要素）", elements(a), elements(b), true),
        ("basis", "公开依据", opt(&a.basis), opt(&b.basis), true),
        (
            "time_limit",
            "公开时限",
            limit(&a.time_limit),
            limit(&b.time_limit),
            limit_key(&a.time_limit) != limit_key(&b.time_limit),
        ),
        (
            "notice_period",
            "公示期",
            limit(&a.notice_period),
            limit(&b.notice_period),
            limit_key(&a.notice_period) != limit_key(&b.notice_period),
        ),
        ("publisher", "公开主体", opt(&a.publisher), opt(&b.publisher), true),
        (
            "channels",
            "公开渠道和载体",
            a.channels.join("、"),
            b.channels.join("、"),
            true,
        ),
        ("audience", "公开对象", opt(&a.audience), opt(&b.audience), true),
        ("method", "公开方式", opt(&a.method), opt(&b.method), true),
        ("levels", "公开层级", a.levels.join("、"), b.levels.join("、"), true),
        ("level3", "三级事项", opt(&a.level3), opt(&b.level3), true),
    ];
    pairs
        .into_iter()
        .filter(|(_, _, x, y, differs)| *differs && x != y)
        .map(|(field, label, before, after, _)| Field {
            field,
            label,
            before,
            after,
        })
        .collect()
}

/// `county` (a site's file of the same domain) against `builtin`.
pub fn diff(builtin: &Domain, county: &Domain, file: &str) -> Diff {
    let mut d = Diff {
        domain: builtin.slug.clone(),
        name: builtin.name.clone(),
        file: file.to_string(),
        changed: Vec::new(),
        added: Vec::new(),
        not_listed: Vec::new(),
        unchanged: 0,
    };
    for item in &county.items {
        match builtin.items.iter().find(|b| b.id == item.id) {
            Some(b) => {
                let f = fields(b, item);
                if f.is_empty() {
                    d.unchanged += 1;
                } else {
                    d.changed.push(Changed {
                        id: item.id.clone(),
                        path: item.path(),
                        fields: f,
                    });
                }
            }
            None => d.added.push(Row {
                id: item.id.clone(),
                path: item.path(),
            }),
        }
    }
    for b in &builtin.items {
        if !county.items.iter().any(|i| i.id == b.id) {
            d.not_listed.push(Row {
                id: b.id.clone(),
                path: b.path(),
            });
        }
    }
    d
}

impl Diff {
    /// The diff as a clerk reads it on the terminal (Chinese; the labels are the table's).
    pub fn human(&self, en: bool) -> String {
        let mut s = if en {
            format!(
                "{} ({}): {} against the built-in catalog\n",
                self.name, self.domain, self.file
            )
        } else {
            format!("{}（{}）：{} 与内置目录对比\n", self.name, self.domain, self.file)
        };
        for c in &self.changed {
            s.push_str(&format!("  ~ {} {}\n", c.id, c.path));
            for f in &c.fields {
                let none = if en { "(none)" } else { "（无）" };
                let show = |v: &str| if v.is_empty() { none.to_string() } else { v.to_string() };
                s.push_str(&format!(
                    "      {}：{} → {}\n",
                    f.label,
                    show(&f.before),
                    show(&f.after)
                ));
            }
        }
        for r in &self.added {
            let tag = if en {
                " (new in the county's table)"
            } else {
                "（县目录新增）"
            };
            s.push_str(&format!("  + {} {}{tag}\n", r.id, r.path));
        }
        for r in &self.not_listed {
            let tag = if en {
                " (not in the county's table; the built-in item stays in force)"
            } else {
                "（县目录未列；内置事项仍然有效）"
            };
            s.push_str(&format!("  - {} {}{tag}\n", r.id, r.path));
        }
        let (c, a, n, u) = (
            self.changed.len(),
            self.added.len(),
            self.not_listed.len(),
            self.unchanged,
        );
        s.push_str(&if en {
            format!("{c} changed, {a} added, {n} not listed, {u} unchanged.\n")
        } else {
            format!("共 {c} 项修改，{a} 项新增，{n} 项县目录未列，{u} 项未变。\n")
        });
        s
    }
}

/// The built-in catalog of a domain (by slug), as the binary embeds it.
pub fn builtin(slug: &str) -> Option<Domain> {
    crate::catalog::builtin_files().into_iter().find_map(|(name, bytes)| {
        let mut ignore = crate::diag::Diagnostics::new();
        let text = String::from_utf8_lossy(&bytes);
        crate::catalog::parse_file(&text, &name, crate::catalog::Origin::Builtin, &mut ignore)
            .filter(|d| d.slug == slug)
    })
}
