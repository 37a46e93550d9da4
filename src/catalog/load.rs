//! Loading catalogs: the embedded defaults, then a site's own files on top (SPEC 3, 3.3).

use super::model::{Domain, Item, Level, Origin};
use crate::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::tr;
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(rust_embed::RustEmbed)]
#[folder = "catalogs/"]
#[include = "*.yaml"]
struct Builtin;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    domain: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    prefix: Option<String>,
    #[serde(default)]
    ministry: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    provenance: Option<OneOrMany>,
    #[serde(default)]
    items: Vec<Spanned<Item>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// The embedded catalog files, by file name, for `init --eject` and for `catalog show`.
pub fn builtin_files() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = Builtin::iter()
        .filter_map(|name| Builtin::get(&name).map(|f| (name.to_string(), f.data.into_owned())))
        .collect();
    files.sort();
    files
}

/// Load every catalog: embedded first, then `root/catalogs/*.yaml` merged over them.
pub fn load_all(root: &Path, diags: &mut Diagnostics) -> Vec<Domain> {
    let mut domains: BTreeMap<String, Domain> = BTreeMap::new();
    let builtin = builtin_files();
    for (name, bytes) in &builtin {
        let file = format!("(内置)catalogs/{name}");
        if let Some(d) = parse_file(&String::from_utf8_lossy(bytes), &file, Origin::Builtin, diags) {
            domains.insert(d.slug.clone(), d);
        }
    }
    let dir = root.join("catalogs");
    let mut site_files: Vec<_> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")))
        .collect();
    site_files.sort();
    for path in site_files {
        let rel = crate::diag::rel_path(root, &path);
        let Ok(bytes) = std::fs::read(&path) else { continue };
        // The example site's own catalogs are the embedded ones: identical bytes are not an override.
        let fname = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if builtin.iter().any(|(n, b)| n == fname && *b == bytes) {
            continue;
        }
        let Some(text) = crate::load::decode::decode(&bytes, &rel, diags) else {
            continue;
        };
        if let Some(d) = parse_file(&text, &rel, Origin::Site(rel.clone()), diags) {
            merge(&mut domains, d);
        }
    }
    let list: Vec<Domain> = domains.into_values().collect();
    check_unique_ids(&list, diags);
    list
}

fn merge(domains: &mut BTreeMap<String, Domain>, site: Domain) {
    match domains.get_mut(&site.slug) {
        None => {
            domains.insert(site.slug.clone(), site);
        }
        Some(base) => {
            for (item, origin) in site.items.into_iter().zip(site.origins) {
                match base.items.iter().position(|i| i.id == item.id) {
                    Some(i) => {
                        base.items[i] = item;
                        base.origins[i] = origin;
                    }
                    None => {
                        base.items.push(item);
                        base.origins.push(origin);
                    }
                }
            }
            for a in site.aliases {
                if !base.aliases.contains(&a) {
                    base.aliases.push(a);
                }
            }
        }
    }
}

/// Parse one catalog file. Any problem is reported at its line; a file with errors yields `None`.
pub fn parse_file(text: &str, file: &str, origin: Origin, diags: &mut Diagnostics) -> Option<Domain> {
    let parsed: CatalogFile = match serde_saphyr::from_str(text) {
        Ok(c) => c,
        Err(e) => {
            let pos = e
                .location()
                .map(|l| Pos::new(l.line() as usize, l.column() as usize))
                .unwrap_or(Pos::new(1, 1));
            let msg = first_line(&e.to_string());
            diags.push(
                Diagnostic::error(
                    Code::CatalogSyntax,
                    file,
                    pos,
                    tr!("目录文件格式错误：{msg}", "catalog file error: {msg}"),
                    Code::CatalogSyntax.fix(),
                )
                .with_source(text),
            );
            return None;
        }
    };
    let before = diags.count(crate::diag::Severity::Error);
    let mut items = Vec::with_capacity(parsed.items.len());
    for spanned in parsed.items {
        let pos = Pos::new(
            spanned.referenced.line().max(1) as usize,
            spanned.referenced.column().max(1) as usize,
        );
        check_item(&spanned.value, file, pos, text, diags);
        items.push(spanned.value);
    }
    if parsed.domain.trim().is_empty()
        || !parsed
            .domain
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        let d = parsed.domain.clone();
        diags.push(invalid(
            file,
            Pos::new(1, 1),
            text,
            tr!(
                "domain 应为小写英文 slug，而不是 \"{d}\"",
                "domain must be a lowercase ASCII slug, not \"{d}\""
            ),
        ));
    }
    if diags.count(crate::diag::Severity::Error) > before {
        return None;
    }
    let origins = vec![origin.clone(); items.len()];
    Some(Domain {
        slug: parsed.domain,
        name: parsed.name,
        aliases: parsed.aliases,
        prefix: parsed.prefix,
        ministry: parsed.ministry,
        source: parsed.source,
        provenance: match parsed.provenance {
            Some(OneOrMany::One(s)) => vec![s],
            Some(OneOrMany::Many(v)) => v,
            None => Vec::new(),
        },
        items,
        origins,
        origin,
    })
}

fn check_item(item: &Item, file: &str, pos: Pos, text: &str, diags: &mut Diagnostics) {
    let id = &item.id;
    if id.trim().is_empty() || !id.is_ascii() {
        diags.push(invalid(
            file,
            pos,
            text,
            tr!(
                "事项 id \"{id}\" 应为非空的英文编号，如 sa-05",
                "item id \"{id}\" must be a non-empty ASCII id such as sa-05"
            ),
        ));
    }
    if item.level1.trim().is_empty() || item.level2.trim().is_empty() {
        diags.push(invalid(
            file,
            pos,
            text,
            tr!("事项 {id} 缺少 level1 或 level2", "item {id} lacks level1 or level2"),
        ));
    }
    for l in &item.levels {
        if Level::parse(l).is_none() {
            diags.push(invalid(
                file,
                pos,
                text,
                tr!(
                    "事项 {id} 的层级 \"{l}\" 应为 县级、乡级 或 村级",
                    "item {id}: level \"{l}\" must be 县级, 乡级 or 村级"
                ),
            ));
        }
    }
    for limit in [&item.time_limit, &item.notice_period].into_iter().flatten() {
        if limit.days == Some(0) {
            diags.push(invalid(
                file,
                pos,
                text,
                tr!("事项 {id} 的天数不能为 0", "item {id}: days may not be 0"),
            ));
        }
    }
    if let Some(p) = item
        .periodic
        .as_ref()
        .filter(|p| super::model::Frequency::parse(&p.every).is_none())
    {
        let (every, allowed) = (&p.every, super::model::Frequency::ALLOWED);
        let at = line_within_item(text, pos, "every").unwrap_or(pos);
        diags.push(
            Diagnostic::error(
                Code::CatalogPeriodic,
                file,
                at,
                tr!(
                    "事项 {id} 的更新周期 periodic.every 为 \"{every}\"，无法识别",
                    "item {id}: periodic.every \"{every}\" is not a known cadence"
                ),
                tr!(
                    "periodic.every 只能写 {allowed}；事件性事项（征地、救灾等）不写 periodic。",
                    "Write one of month, quarter, half-year, year; event-driven items have no periodic."
                ),
            )
            .with_source(text),
        );
    }
    if item.elements.iter().any(|e| e.name.trim().is_empty()) {
        diags.push(invalid(
            file,
            pos,
            text,
            tr!("事项 {id} 有名称为空的要素", "item {id} has an element without a name"),
        ));
    }
}

/// The position of the first line at or after the item's start (before the next item) that
/// holds `key`, so that a field's error points at the field, not the item's `- id:` line.
fn line_within_item(text: &str, item: Pos, key: &str) -> Option<Pos> {
    let start = item.line.checked_sub(1)?;
    for (i, line) in text.lines().enumerate().skip(start) {
        if i > start && line.trim_start().starts_with("- id:") {
            return None;
        }
        if let Some(col) = line.find(key) {
            return Some(Pos::new(i + 1, line[..col].chars().count() + 1));
        }
    }
    None
}

fn invalid(file: &str, pos: Pos, text: &str, message: crate::diag::Text) -> Diagnostic {
    Diagnostic::error(Code::CatalogInvalid, file, pos, message, Code::CatalogInvalid.fix()).with_source(text)
}

fn check_unique_ids(domains: &[Domain], diags: &mut Diagnostics) {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for d in domains {
        for (item, origin) in d.items.iter().zip(&d.origins) {
            if let Some(other) = seen.insert(&item.id, &d.slug) {
                let id = &item.id;
                diags.push(Diagnostic::error(
                    Code::DuplicateItemId,
                    match origin {
                        Origin::Builtin => format!("(内置)catalogs/{}.yaml", d.slug),
                        Origin::Site(p) => p.clone(),
                    },
                    Pos::default(),
                    tr!(
                        "事项编号 {id} 在 {other} 和 {} 中重复",
                        "item id {id} appears in both {other} and {}",
                        d.slug
                    ),
                    Code::DuplicateItemId.fix(),
                ));
            }
        }
    }
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").trim().to_string()
}
