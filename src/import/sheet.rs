//! A clerk's spreadsheet as a grid of cells, the way Excel or WPS shows it.
//!
//! Official tables merge cells: 一级事项 over the rows of its 二级事项, 公开渠道和载体 over its
//! channel columns, 序号 over two header rows. calamine gives a merged cell's value only at its
//! top-left corner, so every merged region is filled with that value here, once, and the readers
//! above (catalog rows, name lists) never see a hole that was really a merge. Rows and columns
//! keep their spreadsheet numbers (`rows[0]` is row 1, `cells[0]` column A) so that every message
//! names the row and column the clerk sees. A cell remembers whether Excel stored it as a
//! number, which is how an ID number that lost its last digits is caught (`numbers.rs`).

use crate::diag::Text;
use crate::tr;
use std::path::Path;

/// One cell: its text as shown, and the number when the spreadsheet stored a number.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cell {
    pub text: String,
    pub number: Option<f64>,
}

impl Cell {
    pub fn text(s: &str) -> Cell {
        Cell {
            text: s.trim().to_string(),
            number: None,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// One worksheet (a CSV file is one sheet named after the file).
#[derive(Clone, Debug, Default)]
pub struct Sheet {
    pub name: String,
    /// `rows[r][c]` is spreadsheet row `r + 1`, column `c + 1`; rows may differ in length.
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    /// The cell at 0-based `(row, col)`, empty where the row is short.
    pub fn cell(&self, row: usize, col: usize) -> &str {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .map_or("", |c| c.text.as_str())
    }

    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// Whether the sheet has any non-empty cell.
    pub fn has_data(&self) -> bool {
        self.rows.iter().flatten().any(|c| !c.is_empty())
    }
}

/// The letter name of a 0-based column: 0 → A, 26 → AA.
pub fn column_letter(col: usize) -> String {
    let mut n = col + 1;
    let mut s = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Read every sheet of a workbook (xlsx, xlsm, xls, et, ods) or a CSV file (UTF-8 or GBK).
pub fn read(path: &Path) -> Result<Vec<Sheet>, Text> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "csv" | "txt" => read_csv(path).map(|s| vec![s]),
        "xlsx" | "xlsm" | "xls" | "et" | "ods" => read_workbook(path),
        _ => Err(tr!(
            "只能读取 .xlsx、.xls、.et、.ods 或 .csv 表格，而不是 .{ext}（WPS 中“另存为 Excel 工作簿”即可）",
            "only .xlsx, .xls, .et, .ods or .csv tables can be read, not .{ext}"
        )),
    }
}

fn read_csv(path: &Path) -> Result<Sheet, Text> {
    let bytes = std::fs::read(path).map_err(|e| tr!("无法读取：{e}", "cannot read: {e}"))?;
    // The decoder's GBK warning is for notices; a county's CSV is GBK as a rule.
    let text = crate::load::decode::decode(&bytes, "", &mut crate::diag::Diagnostics::new())
        .ok_or_else(|| tr!("不是 UTF-8 或 GBK 编码的文本", "neither UTF-8 nor GBK text"))?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| tr!("CSV 格式错误：{e}", "CSV error: {e}"))?;
        // A quoted cell may span lines: keep spreadsheet rows = CSV records, as Excel opens it.
        rows.push(record.iter().map(Cell::text).collect());
    }
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Sheet { name, rows })
}

fn read_workbook(path: &Path) -> Result<Vec<Sheet>, Text> {
    use calamine::{Reader, Sheets, open_workbook_auto};
    let mut wb = open_workbook_auto(path).map_err(|e| {
        tr!(
            "无法打开表格（文件可能已损坏，或仍在 WPS/Excel 中打开）：{e}",
            "cannot open the workbook: {e}"
        )
    })?;
    let mut sheets = Vec::new();
    for name in wb.sheet_names() {
        let range = wb
            .worksheet_range(&name)
            .map_err(|e| tr!("无法读取工作表“{name}”：{e}", "cannot read sheet `{name}`: {e}"))?;
        let merges = match &mut wb {
            Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            Sheets::Xls(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            _ => Vec::new(),
        };
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        if let Some((r0, c0)) = range.start() {
            for (r, c, data) in range.cells() {
                let (r, c) = (r0 as usize + r, c0 as usize + c);
                put(&mut rows, r, c, cell_of(data));
            }
        }
        fill_merges(&mut rows, &merges);
        sheets.push(Sheet { name, rows });
    }
    if sheets.is_empty() {
        return Err(tr!("表格中没有工作表", "the workbook has no sheet"));
    }
    Ok(sheets)
}

fn put(rows: &mut Vec<Vec<Cell>>, r: usize, c: usize, cell: Cell) {
    if rows.len() <= r {
        rows.resize_with(r + 1, Vec::new);
    }
    let row = &mut rows[r];
    if row.len() <= c {
        row.resize_with(c + 1, Cell::default);
    }
    row[c] = cell;
}

/// Copy each merged region's top-left value into every cell of the region. Regions are
/// bounded to what a real table can hold, so a sheet formatted down to row 1,048,576 does
/// not turn into a million rows.
fn fill_merges(rows: &mut Vec<Vec<Cell>>, merges: &[calamine::Dimensions]) {
    const MAX_ROWS: usize = 200_000;
    const MAX_COLS: usize = 500;
    for m in merges {
        let (r0, c0) = (m.start.0 as usize, m.start.1 as usize);
        let value = rows.get(r0).and_then(|r| r.get(c0)).cloned().unwrap_or_default();
        if value.is_empty() {
            continue;
        }
        let r1 = (m.end.0 as usize).min(r0 + MAX_ROWS).min(rows.len().max(r0 + 1) + 64);
        let c1 = (m.end.1 as usize).min(c0 + MAX_COLS);
        for r in r0..=r1 {
            for c in c0..=c1 {
                if (r, c) != (r0, c0) {
                    put(rows, r, c, value.clone());
                }
            }
        }
    }
}

fn cell_of(d: &calamine::Data) -> Cell {
    use calamine::Data;
    match d {
        Data::Empty => Cell::default(),
        Data::String(s) => Cell::text(s),
        Data::Float(f) => Cell {
            text: number_text(*f),
            number: Some(*f),
        },
        Data::Int(i) => Cell {
            text: i.to_string(),
            number: Some(*i as f64),
        },
        Data::Bool(b) => Cell::text(if *b { "是" } else { "否" }),
        Data::DateTime(dt) => Cell::text(&excel_date(dt.as_f64())),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::text(s),
        Data::Error(e) => Cell::text(&format!("#{e:?}")),
    }
}

/// A number as Excel shows it with the general format: integers without `.0`.
fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// An Excel date serial as `2026-11-20` (day 0 is 1899-12-30 in the 1900 date system).
fn excel_date(serial: f64) -> String {
    let base = jiff::civil::date(1899, 12, 30);
    let days = serial.floor() as i64;
    base.checked_add(jiff::Span::new().days(days))
        .map(crate::dates::format_date)
        .unwrap_or_else(|_| format!("{serial}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
    }

    #[test]
    fn merges_are_filled_from_the_corner() {
        let mut rows = vec![
            vec![Cell::text("最低生活保障"), Cell::text("审核信息")],
            vec![Cell::default(), Cell::text("审批信息")],
        ];
        fill_merges(&mut rows, &[calamine::Dimensions::new((0, 0), (1, 0))]);
        assert_eq!(rows[1][0].text, "最低生活保障");
    }

    #[test]
    fn excel_serials_become_dates() {
        assert_eq!(excel_date(46346.0), "2026-11-20");
    }
}
