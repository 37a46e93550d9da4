//! Data files (`数据:`): a CSV or XLSX name list rendered as the notice's table.
//!
//! Excel and WPS on Chinese Windows save CSV in GBK, so CSV bytes go through the same decoder
//! as notices. Only the first sheet of a workbook is read.

use std::path::Path;

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct DataTable {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Where the header and each row stand in the file as the clerk opens it: the CSV line or
    /// the spreadsheet row number (blank rows are skipped, so these are not `index + 2`).
    #[serde(skip)]
    pub header_line: usize,
    #[serde(skip)]
    pub lines: Vec<usize>,
}

/// Why a data file could not be read (already in Chinese and English).
pub type TableError = crate::diag::Text;

pub fn read(path: &Path) -> Result<DataTable, TableError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "csv" | "txt" => read_csv(path),
        "xlsx" | "xls" | "xlsm" | "ods" => read_sheet(path),
        _ => Err(crate::tr!(
            "数据文件只支持 .csv 和 .xlsx，而不是 .{ext}",
            "data files must be .csv or .xlsx, not .{ext}"
        )),
    }
}

fn read_csv(path: &Path) -> Result<DataTable, TableError> {
    let bytes = std::fs::read(path).map_err(|e| crate::tr!("无法读取：{e}", "cannot read: {e}"))?;
    let mut ignore = crate::diag::Diagnostics::new();
    let text = crate::load::decode::decode(&bytes, "", &mut ignore)
        .ok_or_else(|| crate::tr!("不是 UTF-8 或 GBK 文本", "neither UTF-8 nor GBK text"))?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let line_of = |r: &csv::StringRecord| r.position().map_or(0, |p| p.line() as usize);
    let mut records = reader.records();
    let (header, header_line) = match records.next() {
        Some(Ok(r)) => (r.iter().map(|c| c.trim().to_string()).collect(), line_of(&r)),
        Some(Err(e)) => return Err(crate::tr!("CSV 格式错误：{e}", "CSV error: {e}")),
        None => return Err(crate::tr!("文件是空的", "the file is empty")),
    };
    let mut rows = Vec::new();
    let mut lines = Vec::new();
    for r in records {
        let r = r.map_err(|e| crate::tr!("CSV 格式错误：{e}", "CSV error: {e}"))?;
        let row: Vec<String> = r.iter().map(|c| c.trim().to_string()).collect();
        if row.iter().any(|c| !c.is_empty()) {
            rows.push(row);
            lines.push(line_of(&r));
        }
    }
    Ok(DataTable {
        header,
        rows,
        header_line,
        lines,
    })
}

fn read_sheet(path: &Path) -> Result<DataTable, TableError> {
    use calamine::{Data, Reader, open_workbook_auto};
    let mut wb = open_workbook_auto(path).map_err(|e| crate::tr!("无法打开表格：{e}", "cannot open workbook: {e}"))?;
    let range = wb
        .worksheet_range_at(0)
        .ok_or_else(|| crate::tr!("表格中没有工作表", "the workbook has no sheet"))?
        .map_err(|e| crate::tr!("无法读取工作表：{e}", "cannot read sheet: {e}"))?;
    let cell = |d: &Data| match d {
        Data::Empty => String::new(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => other.to_string().trim().to_string(),
    };
    // Row numbers as the spreadsheet shows them: 1-based, from where the used range starts.
    let first_row = range.start().map_or(1, |(r, _)| r as usize + 1);
    let mut rows = range
        .rows()
        .enumerate()
        .map(|(i, r)| (first_row + i, r.iter().map(cell).collect::<Vec<_>>()));
    let (header_line, header) = rows
        .next()
        .ok_or_else(|| crate::tr!("工作表是空的", "the sheet is empty"))?;
    let (lines, rows) = rows.filter(|(_, r)| r.iter().any(|c| !c.is_empty())).unzip();
    Ok(DataTable {
        header,
        rows,
        header_line,
        lines,
    })
}
