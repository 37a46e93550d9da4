//! A name list exported from the provincial system, made publishable (SPEC 5.6).
//!
//! The list carries ID numbers, phones, bank accounts and addresses; the notice may show only
//! what the catalog allows. Columns are judged by their header with the same classifier the
//! check uses ([`crate::privacy::classify_column`]): a sensitive column is always dropped; when
//! the item's list element names its columns (`columns:` in the catalog), only columns of those
//! names or kinds are kept; otherwise the columns of a known, non-sensitive kind (序号, 姓名,
//! 村组, 人数, 金额, 类别, 日期, 备注 …) are kept and anything unknown is dropped, since a column
//! nobody vouched for is not published by default. Every kept cell then goes through the
//! site's one masking pattern ([`crate::privacy::Scanner::mask_all`]), so an ID that a clerk
//! typed into 备注 is published as `340825********1234` like everywhere else. Long numbers that
//! Excel already rounded are refused (`numbers.rs`), in any column: masking a wrong number
//! publishes a wrong list, and an export that rounded its IDs is broken for every other use
//! too, so the clerk hears of it before anything is made from it.

use super::numbers;
use super::rows::Place;
use super::sheet::Sheet;
use crate::catalog::Item;
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::privacy::{self, ColumnKind, Scanner};
use crate::tr;

/// The publishable list.
#[derive(Clone, Debug, Default)]
pub struct Masked {
    pub sheet: String,
    /// 1-based spreadsheet row of the header.
    pub header_row: usize,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Dropped columns: header and the kind that decided it.
    pub dropped: Vec<(String, ColumnKind)>,
    /// How many identifiers were masked in kept columns.
    pub masked: usize,
}

impl Masked {
    /// The list as CSV, UTF-8 with a BOM so that Excel and WPS open it without mojibake.
    pub fn to_csv(&self) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new().from_writer(b"\xEF\xBB\xBF".to_vec());
        let _ = w.write_record(&self.header);
        for r in &self.rows {
            let _ = w.write_record(r);
        }
        w.into_inner().unwrap_or_default()
    }
}

/// The columns the catalog allows for the item's lists, `None` when it names none.
fn allowed_columns(item: &Item) -> Option<Vec<String>> {
    let cols: Vec<String> = item.people_elements().flat_map(|e| e.columns.iter().cloned()).collect();
    (!cols.is_empty()).then_some(cols)
}

/// Whether a column with this header may be published for `item`.
pub fn keep(header: &str, allowed: Option<&[String]>) -> bool {
    let kind = privacy::classify_column(header);
    if privacy::is_sensitive(kind) || header.trim().is_empty() {
        return false;
    }
    match allowed {
        Some(list) => list.iter().any(|a| {
            super::marks::letters(a) == super::marks::letters(header)
                || (kind != ColumnKind::Other && privacy::classify_column(a) == kind)
        }),
        None => kind != ColumnKind::Other,
    }
}

/// The header row of a name list: the first row with two or more distinct cells of a known
/// kind, one of them a name (a title row merged across repeats one text).
fn header_row(sheet: &Sheet) -> Option<usize> {
    (0..sheet.rows.len().min(30)).find(|&r| {
        let mut known: Vec<&str> = sheet.rows[r]
            .iter()
            .map(|c| c.text.as_str())
            .filter(|t| !t.is_empty() && t.chars().count() <= 16 && privacy::classify_column(t) != ColumnKind::Other)
            .collect();
        known.sort_unstable();
        known.dedup();
        known.len() >= 2 && known.iter().any(|t| privacy::classify_column(t) == ColumnKind::Name)
    })
}

/// Whether a sheet looks like a name list (for choosing among several sheets).
pub fn is_list(sheet: &Sheet) -> bool {
    header_row(sheet).is_some()
}

/// Rows under a list that are not people: 注：…, 制表人, 审核人 (a merged row repeats one text).
fn is_note(cells: &[String]) -> bool {
    let mut texts: Vec<&str> = cells.iter().map(String::as_str).filter(|t| !t.is_empty()).collect();
    texts.dedup();
    let first = texts.first().copied().unwrap_or("");
    texts.len() <= 2
        && ["注", "说明", "备注：", "制表", "填表", "审核人", "负责人", "公示期"]
            .iter()
            .any(|w| first.starts_with(w))
}

/// The publishable version of `sheet` for `item`; `None` with diagnostics when the list
/// cannot be published as it is.
pub fn mask(place: &Place, item: &Item, scanner: &Scanner, diags: &mut Diagnostics) -> Option<Masked> {
    let sheet = place.sheet;
    let people = item.personal_info || item.people_elements().next().is_some();
    if !people {
        let path = item.path();
        diags.push(super::file_error(
            Code::MaskNoList,
            place.file,
            tr!(
                "事项“{path}”不是名单类事项，目录没有为它规定可公开的名单",
                "item `{path}` has no list of people"
            ),
            Code::MaskNoList.fix(),
        ));
        return None;
    }
    let Some(h) = header_row(sheet) else {
        diags.push(super::file_error(
            Code::TableNoHeader,
            place.file,
            tr!(
                "工作表“{}”中找不到名单的列名行",
                "no header row in sheet `{}`",
                sheet.name
            ),
            Code::TableNoHeader.fix(),
        ));
        return None;
    };
    let allowed = allowed_columns(item);
    let width = sheet.rows[h].len();
    let header: Vec<String> = (0..width).map(|c| sheet.cell(h, c).replace(['\n', '\r'], "")).collect();
    let kept: Vec<usize> = (0..width).filter(|&c| keep(&header[c], allowed.as_deref())).collect();
    if !kept
        .iter()
        .any(|&c| privacy::classify_column(&header[c]) == ColumnKind::Name)
    {
        diags.push(place.at(
            Code::MaskNoList,
            h,
            0,
            "列名",
            tr!(
                "名单中没有可以公开的姓名列",
                "the list has no name column that may be published"
            ),
            Code::MaskNoList.fix(),
        ));
        return None;
    }
    let mut out = Masked {
        sheet: sheet.name.clone(),
        header_row: h + 1,
        header: kept.iter().map(|&c| header[c].clone()).collect(),
        dropped: (0..width)
            .filter(|c| !kept.contains(c) && !header[*c].trim().is_empty())
            .map(|c| (header[c].clone(), privacy::classify_column(&header[c])))
            .collect(),
        ..Masked::default()
    };
    for r in h + 1..sheet.rows.len() {
        let cells: Vec<String> = (0..width).map(|c| sheet.cell(r, c).to_string()).collect();
        if cells.iter().all(String::is_empty) || is_note(&cells) {
            continue;
        }
        let mut ok = true;
        for (c, cell) in sheet.rows[r].iter().enumerate().take(width) {
            if let Some(b) = numbers::broken(cell) {
                let what = header.get(c).cloned().unwrap_or_default();
                diags.push(broken_number(place, r, c, &what, &cell.text, b));
                ok = false;
            }
        }
        if !ok {
            continue;
        }
        let row = kept
            .iter()
            .map(|&c| {
                let hits = scanner.scan(&cells[c]).len();
                out.masked += hits;
                if hits == 0 {
                    cells[c].clone()
                } else {
                    scanner.mask_all(&cells[c])
                }
            })
            .collect();
        out.rows.push(row);
    }
    (!diags.has_errors()).then_some(out)
}

fn broken_number(place: &Place, r: usize, c: usize, what: &str, text: &str, b: numbers::Broken) -> Diagnostic {
    // The number is shown masked: even a rounded ID is most of a person's ID.
    let shown = match text.chars().count() {
        n if n > 10 => format!("{}…", text.chars().take(6).collect::<String>()),
        _ => text.to_string(),
    };
    let (zh, en) = (b.describe_zh(), b.describe_en());
    place.at(
        Code::NumberAsNumber,
        r,
        c,
        what,
        tr!("号码 {shown} {zh}", "the number {shown} {en}"),
        Code::NumberAsNumber.fix(),
    )
}

/// Read the list at `path`, choose its sheet (`want`, or the only one that is a list) and
/// mask it for `item`.
pub fn mask_table(
    path: &std::path::Path,
    file: &str,
    want: Option<&str>,
    item: &Item,
    scanner: &Scanner,
    diags: &mut Diagnostics,
) -> Option<Masked> {
    let sheets = match super::sheet::read(path) {
        Ok(s) => s,
        Err(e) => {
            diags.push(super::file_error(
                Code::TableUnreadable,
                file,
                e,
                Code::TableUnreadable.fix(),
            ));
            return None;
        }
    };
    let sheet = match super::choose_sheet(&sheets, want, file, is_list) {
        Ok(s) => s,
        Err(d) => {
            diags.push(*d);
            return None;
        }
    };
    mask(&Place { file, sheet }, item, scanner, diags)
}
