//! From WPS and Excel: a county's own catalog table read into a catalog file, its changes
//! against the built-in catalog, and a name list made publishable (issue 16).
//!
//! Clerks do not write YAML; they hold Excel/WPS tables. [`sheet`] reads any of them (xlsx,
//! xls, et, ods, a GBK CSV) into a grid with merged cells filled; [`import_catalog`] finds the
//! header by its words and turns the rows into items with provenance (file, sheet, rows);
//! [`diff`] compares a catalog file with the built-in one row by row; [`mask`] keeps a name
//! list's allowed columns, masks identifiers with the site's one pattern and refuses numbers
//! that Excel already rounded. Every file these commands write goes through
//! [`output::write_outputs`], the one place where the output gate hooks in.

pub mod diff;
mod header;
mod limit;
mod marks;
pub mod mask;
mod numbers;
pub mod output;
mod rows;
pub mod sheet;
mod yaml;

use crate::catalog::{Catalogs, Domain, Item, Origin};
use crate::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::tr;
use std::path::Path;

/// A path for messages: relative to the site when inside it, else as given, with `/`.
pub fn display_path(root: &Path, path: &Path) -> String {
    let abs = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let (root, full) = (abs(root), abs(path));
    match full.strip_prefix(&root) {
        Ok(_) => crate::diag::rel_path(&root, &full),
        Err(_) => path.to_string_lossy().replace('\\', "/"),
    }
}

/// A table that could not be opened, or a choice that the clerk must make.
pub fn file_error(code: Code, file: &str, message: crate::diag::Text, hint: crate::diag::Text) -> Diagnostic {
    Diagnostic::error(code, file, Pos::new(1, 1), message, hint)
}

/// The sheet to read: the one named, or the only one that `usable` accepts.
pub fn choose_sheet<'a>(
    sheets: &'a [sheet::Sheet],
    want: Option<&str>,
    file: &str,
    usable: impl Fn(&sheet::Sheet) -> bool,
) -> Result<&'a sheet::Sheet, Box<Diagnostic>> {
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    let all = names.join("、");
    if let Some(w) = want {
        return sheets.iter().find(|s| s.name == w.trim()).ok_or_else(|| {
            Box::new(file_error(
                Code::SheetChoice,
                file,
                tr!("表格中没有名为“{w}”的工作表", "the workbook has no sheet `{w}`"),
                tr!(
                    "工作表有：{all}。用 --sheet 指定其中一个。",
                    "Its sheets: {all}. Pass one with --sheet."
                ),
            ))
        });
    }
    let fit: Vec<&sheet::Sheet> = sheets.iter().filter(|s| usable(s)).collect();
    match fit.as_slice() {
        [one] => Ok(one),
        [] => Err(Box::new(file_error(
            Code::TableNoHeader,
            file,
            tr!("表格中找不到表头（列名行）", "no header row found in the table"),
            tr!(
                "确认表格有一行列名（如 序号、一级事项、二级事项、公开内容、公开时限；名单则如 序号、户主姓名、所在村组）。工作表有：{all}。",
                "Make sure a row names the columns. Sheets: {all}."
            ),
        ))),
        many => {
            let fit: Vec<&str> = many.iter().map(|s| s.name.as_str()).collect();
            let fit = fit.join("、");
            Err(Box::new(file_error(
                Code::SheetChoice,
                file,
                tr!(
                    "表格有多个工作表：{fit}，不知道读哪一个",
                    "the workbook has several sheets: {fit}"
                ),
                tr!(
                    "用 --sheet 指定工作表，例如 --sheet {}。",
                    "Pick one with --sheet, e.g. --sheet {}.",
                    many[0].name
                ),
            )))
        }
    }
}

/// A catalog table read and written as a catalog file's text.
pub struct CatalogImport {
    pub domain: Domain,
    pub items: Vec<Item>,
    /// Ids that were matched to an existing item (the others are new).
    pub matched: usize,
    pub yaml: String,
    pub sheet: String,
}

/// Read the catalog table at `table`; `None` (with diagnostics) when anything in it could not be
/// read: a file is written whole or not at all.
pub fn import_catalog(
    table: &Path,
    file: &str,
    domain: Option<&str>,
    want_sheet: Option<&str>,
    cats: &Catalogs,
    diags: &mut Diagnostics,
) -> Option<CatalogImport> {
    let sheets = match sheet::read(table) {
        Ok(s) => s,
        Err(e) => {
            diags.push(file_error(Code::TableUnreadable, file, e, Code::TableUnreadable.fix()));
            return None;
        }
    };
    let chosen = match choose_sheet(&sheets, want_sheet, file, |s| header::find(s).is_some()) {
        Ok(s) => s,
        Err(d) => {
            diags.push(*d);
            return None;
        }
    };
    let Some(head) = header::find(chosen) else {
        diags.push(file_error(
            Code::TableNoHeader,
            file,
            tr!("工作表“{}”中找不到表头", "no header row in sheet `{}`", chosen.name),
            Code::TableNoHeader.fix(),
        ));
        return None;
    };
    let place = rows::Place { file, sheet: chosen };
    for (role, name) in [(header::Role::Level1, "一级事项"), (header::Role::Level2, "二级事项")] {
        if head.column(&role).is_none() {
            diags.push(place.at(
                Code::TableNoHeader,
                head.row,
                0,
                "表头",
                tr!("表头中没有“{name}”列", "the header has no `{name}` column"),
                tr!(
                    "在表头写出“{name}”（或在“公开事项”下分出 一级事项、二级事项 两列）。",
                    "Name a `{name}` column (or split 公开事项 into 一级事项 and 二级事项)."
                ),
            ));
        }
    }
    let found = match domain {
        Some(d) => cats.domain_by_slug(d.trim()),
        None => detect_domain(cats, chosen, &head, table),
    };
    let Some(domain) = found else {
        let given = domain.unwrap_or("");
        diags.push(file_error(
            Code::ImportDomain,
            file,
            match given {
                "" => tr!("看不出这张表属于哪个领域", "cannot tell which domain this table is"),
                d => tr!("没有领域“{d}”", "no domain `{d}`"),
            },
            tr!(
                "用 --domain 指定领域，例如 --domain 社会救助（gongkai catalog list 列出全部领域）。",
                "Pass --domain, e.g. --domain 社会救助 (gongkai catalog list shows them)."
            ),
        ));
        return None;
    };
    if diags.has_errors() {
        return None;
    }
    let mut read = rows::read(&place, &head, diags);
    if diags.has_errors() {
        return None;
    }
    if read.is_empty() {
        diags.push(place.at(
            Code::TableRow,
            head.row,
            0,
            "表头",
            tr!("表头下面没有可以读取的事项行", "no item rows under the header"),
            tr!(
                "确认事项写在表头下面的行里。",
                "Put the items in the rows under the header."
            ),
        ));
        return None;
    }
    let name = table
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let source = format!("{name} 工作表“{}”", chosen.name);
    let matched = assign_ids(cats, domain, &mut read);
    let items: Vec<Item> = read
        .into_iter()
        .map(|mut r| {
            let rows = match r.first_row == r.last_row {
                true => format!("第{}行", r.first_row),
                false => format!("第{}–{}行", r.first_row, r.last_row),
            };
            r.item.provenance = Some(format!("{source} {rows}"));
            r.item
        })
        .collect();
    let yaml = yaml::write(domain, &items, &source);
    // The file must be one that `check` accepts: parse it back with the loader itself.
    let mut verify = Diagnostics::new();
    let out = format!("catalogs/{}.yaml", domain.slug);
    crate::catalog::parse_file(&yaml, &out, Origin::Site(out.clone()), &mut verify);
    if verify.has_errors() {
        diags.extend(verify);
        return None;
    }
    Some(CatalogImport {
        domain: domain.clone(),
        items,
        matched,
        yaml,
        sheet: chosen.name.clone(),
    })
}

/// The domain a table names in its title rows, its sheet or its file name (社会救助领域…).
fn detect_domain<'a>(cats: &'a Catalogs, s: &sheet::Sheet, head: &header::Header, table: &Path) -> Option<&'a Domain> {
    let mut text: String = (0..head.row).map(|r| s.cell(r, 0)).collect::<Vec<_>>().join(" ");
    text.push_str(&s.name);
    text.push_str(
        &table
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    );
    cats.domains
        .iter()
        .flat_map(|d| std::iter::once(&d.name).chain(&d.aliases).map(move |n| (d, n)))
        .filter(|(_, n)| !n.is_empty() && text.contains(n.as_str()))
        .max_by_key(|(_, n)| n.chars().count())
        .map(|(d, _)| d)
}

/// The built-in (or current) id of each row whose path the domain already has, so that the
/// county's row replaces that item; `<prefix>-cNN` for rows the catalog lacks. Returns how
/// many were matched.
fn assign_ids(cats: &Catalogs, domain: &Domain, read: &mut [rows::RowItem]) -> usize {
    let key = |i: &Item| {
        format!(
            "{}/{}/{}",
            marks::letters(&i.level1),
            marks::letters(&i.level2),
            marks::letters(i.level3.as_deref().unwrap_or(""))
        )
    };
    let taken = |id: &str| cats.domains.iter().flat_map(|d| &d.items).any(|i| i.id == id);
    let prefix = domain.prefix.clone().unwrap_or_else(|| domain.slug.clone());
    let (mut matched, mut next) = (0, 1);
    let mut used: Vec<String> = Vec::new();
    for r in read.iter_mut() {
        let k = key(&r.item);
        match domain.items.iter().find(|i| key(i) == k && !used.contains(&i.id)) {
            Some(existing) => {
                r.item.id = existing.id.clone();
                matched += 1;
            }
            None => loop {
                let id = format!("{prefix}-c{next:02}");
                next += 1;
                if !taken(&id) && !used.contains(&id) {
                    r.item.id = id;
                    break;
                }
            },
        }
        used.push(r.item.id.clone());
    }
    matched
}
