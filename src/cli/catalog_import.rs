//! `gongkai catalog import TABLE` and `gongkai catalog diff [FILE|DOMAIN]`: thin commands over
//! `crate::import` (reading the table, writing the catalog file, comparing it).

use super::{Format, report};
use crate::catalog::{Catalogs, Domain, Origin};
use crate::diag::{Code, Diagnostic, Diagnostics, Lang};
use crate::import::{self, output};
use clap::Args;
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// 本县的目录表格：.xlsx、.xls、.et、.ods 或 .csv / the county's catalog table
    pub table: PathBuf,
    /// 领域名或英文标识（默认从表格标题识别），如 社会救助 / the domain (default: read from the title)
    #[arg(long)]
    pub domain: Option<String>,
    /// 工作表名称（表格有多个目录工作表时）/ the sheet, when several hold a catalog
    #[arg(long)]
    pub sheet: Option<String>,
    /// 写到哪个文件（默认 catalogs/<领域标识>.yaml）/ the file to write
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// 覆盖已存在的目录文件 / replace an existing catalog file
    #[arg(long)]
    pub force: bool,
}

fn say(lang: Lang, t: crate::diag::Text) {
    err_line(t.get(lang));
}

/// A line on stdout; a closed pipe (`| head`) ends the output quietly instead of a panic.
pub(super) fn out_line(s: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stdout().lock(), "{s}");
}

/// A line on stderr, likewise.
pub(super) fn err_line(s: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{s}");
}

/// The scanner every written byte passes: the site's official numbers are allowed.
pub(super) fn scanner(root: &Path, today: jiff::civil::Date) -> crate::privacy::Scanner {
    let mut s = crate::privacy::Scanner::new(today);
    if let Some(config) = crate::config::load(root, &mut Diagnostics::new()) {
        s.allow(&config.official_contacts());
    }
    s
}

/// Exit status for a table's diagnostics: 2 when the file could not be read at all.
pub(super) fn status(diags: &Diagnostics) -> i32 {
    let unreadable = diags.iter().all(|d| d.code == Code::TableUnreadable);
    if unreadable { super::USAGE } else { super::SITE_ERRORS }
}

pub fn import(root: &Path, cats: &Catalogs, a: ImportArgs, format: Format, lang: Lang) -> i32 {
    let file = import::display_path(root, &a.table);
    let mut diags = Diagnostics::new();
    let got = import::import_catalog(
        &a.table,
        &file,
        a.domain.as_deref(),
        a.sheet.as_deref(),
        cats,
        &mut diags,
    );
    let Some(got) = got else {
        let code = status(&diags);
        report(diags.sorted(), format, lang);
        return code;
    };
    let out = a
        .output
        .clone()
        .unwrap_or_else(|| root.join("catalogs").join(format!("{}.yaml", got.domain.slug)));
    let Ok(today) = super::today(None, lang) else {
        return super::USAGE;
    };
    let files = vec![output::OutFile {
        path: out.clone(),
        bytes: got.yaml.into_bytes(),
    }];
    if let Err(e) = output::write_outputs(files, &[&a.table], a.force, &scanner(root, today)) {
        say(lang, e.text());
        return super::USAGE;
    }
    let (n, m) = (got.items.len(), got.matched);
    let (new, sheet, name, shown) = (n - m, &got.sheet, &got.domain.name, out.display());
    say(
        lang,
        crate::tr!(
            "已从 {file} 工作表“{sheet}”读取{name}领域 {n} 个事项（{m} 个对应内置事项，{new} 个新增），写入 {shown}（原表格未改动）。\n运行 gongkai catalog diff 查看本县目录调整，再运行 gongkai check。",
            "read {n} items of {name} from {file}, sheet `{sheet}` ({m} matching built-in items, {new} new) into {shown}; the table is unchanged.\nRun gongkai catalog diff to see the changes, then gongkai check."
        ),
    );
    out_line(&out.display().to_string());
    super::SUCCESS
}

/// The site's catalog files to compare: the one named, the ones of the domain named, or all
/// that differ from the built-in files.
fn county_files(root: &Path, what: Option<&str>) -> Vec<PathBuf> {
    if let Some(w) = what {
        for p in [root.join(w), PathBuf::from(w)] {
            if p.is_file() {
                return vec![p];
            }
        }
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("catalogs"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")))
        .collect();
    files.sort();
    let builtin = crate::catalog::builtin_files();
    files.retain(|p| {
        let bytes = std::fs::read(p).unwrap_or_default();
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        what.is_some() || !builtin.iter().any(|(n, b)| n == name && *b == bytes)
    });
    files
}

pub fn diff(root: &Path, what: Option<&str>, format: Format, lang: Lang) -> i32 {
    let mut diags = Diagnostics::new();
    let mut diffs = Vec::new();
    let wanted = what.and_then(|w| {
        Catalogs::load(root, &mut Diagnostics::new())
            .domain_by_slug(w)
            .map(|d| d.slug.clone())
    });
    for path in county_files(root, what) {
        let rel = import::display_path(root, &path);
        let Some(text) = std::fs::read(&path)
            .ok()
            .and_then(|b| crate::load::decode::decode(&b, &rel, &mut Diagnostics::new()))
        else {
            diags.push(Diagnostic::error(
                Code::Io,
                &rel,
                crate::diag::Pos::new(1, 1),
                crate::tr!("无法读取目录文件", "cannot read the catalog file"),
                Code::Io.fix(),
            ));
            continue;
        };
        let Some(county) = crate::catalog::parse_file(&text, &rel, Origin::Site(rel.clone()), &mut diags) else {
            continue;
        };
        if what.is_some() && wanted.is_some() && wanted.as_deref() != Some(county.slug.as_str()) {
            continue;
        }
        let base = import::diff::builtin(&county.slug).unwrap_or_else(|| empty(&county));
        diffs.push(import::diff::diff(&base, &county, &rel));
    }
    if diags.has_errors() {
        report(diags.sorted(), Format::Human, lang);
        return super::SITE_ERRORS;
    }
    if diffs.is_empty() {
        say(
            lang,
            match what {
                Some(w) => crate::tr!("站点中没有“{w}”的目录文件。", "the site has no catalog file for `{w}`."),
                None => crate::tr!(
                    "站点的目录与内置目录相同，没有调整。",
                    "the site's catalogs are the built-in ones; nothing changed."
                ),
            },
        );
        return if what.is_some() { super::USAGE } else { super::SUCCESS };
    }
    match format {
        Format::Json => out_line(&serde_json::to_string_pretty(&diffs).unwrap_or_default()),
        Format::Human => {
            for d in &diffs {
                out_line(d.human(lang == Lang::En).trim_end());
            }
        }
    }
    super::SUCCESS
}

/// A local domain has no built-in catalog: every item is new.
fn empty(county: &Domain) -> Domain {
    Domain {
        items: Vec::new(),
        origins: Vec::new(),
        ..county.clone()
    }
}
