//! The 依申请 register (台账) the office keeps: one row per application. Read from the sheet
//! the office saves (xlsx/xls/et/ods, or CSV in UTF-8 or GBK) into typed applications; every
//! cell that cannot be read is a diagnostic at its row and column. Only the columns the
//! report needs are read as values; the rest (names, contacts, what was asked) are kept only
//! as strings the outputs are checked not to contain.

use super::outcome::{self, Outcome};
use super::{err, warn};
use crate::diag::{Code, Diagnostic, Pos};
use crate::import::sheet::{Sheet, column_letter};
use crate::tr;
use jiff::civil::Date;
use std::path::Path;

/// The file stems a register may have, in the order they are looked for.
pub const STEMS: [&str; 3] = ["register", "依申请登记", "依申请台账"];
pub const EXTS: [&str; 5] = ["xlsx", "xls", "et", "ods", "csv"];

#[derive(Clone, Debug)]
pub struct Application {
    /// Spreadsheet row (1-based).
    pub row: usize,
    pub received: Date,
    pub applicant: usize,
    pub replied: Option<Date>,
    pub outcome: Option<Outcome>,
    pub extended: bool,
    /// The day the applicant completed the application (补正): the clock restarts.
    pub completed: Option<Date>,
}

/// Where each column is, for messages about its cells.
#[derive(Clone, Debug, Default)]
pub struct Columns {
    pub received: usize,
    pub applicant: usize,
    pub replied: usize,
    pub outcome: usize,
    pub extended: Option<usize>,
    pub completed: Option<usize>,
}

#[derive(Clone, Debug, Default)]
pub struct Register {
    /// Relative to the site root.
    pub file: String,
    pub apps: Vec<Application>,
    pub cols: Columns,
    /// Text of the cells that name or reach an applicant (columns headed 姓名, 名称, 电话,
    /// 地址, 证件…): outputs must not contain any of it.
    pub private: Vec<String>,
}

/// The register file in `dir`, if any.
pub fn find(dir: &Path) -> Option<std::path::PathBuf> {
    STEMS
        .iter()
        .flat_map(|s| EXTS.iter().map(move |e| dir.join(format!("{s}.{e}"))))
        .find(|p| p.is_file())
}

/// Read the register at `path` (`file` is its name relative to the site root).
pub fn read(path: &Path, file: &str, diags: &mut Vec<Diagnostic>) -> Option<Register> {
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"))
        && let Ok(bytes) = std::fs::read(path)
        && std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes)).is_err()
    {
        diags.push(warn(
            Code::AnnualGbk,
            file,
            Pos::new(1, 1),
            tr!(
                "{file} 是 GBK/GB18030 编码（WPS、Excel 另存 CSV 的默认编码），已按 GB18030 读取",
                "{file} is GBK/GB18030 (what WPS and Excel save as CSV); it was read as GB18030"
            ),
        ));
    }
    let sheets = match crate::import::sheet::read(path) {
        Ok(s) => s,
        Err(why) => {
            diags.push(err(Code::AnnualRegister, file, Pos::new(1, 1), why));
            return None;
        }
    };
    let Some((sheet, header, cols)) = sheets.iter().find_map(|s| header(s).map(|(h, c)| (s, h, c))) else {
        diags.push(err(
            Code::AnnualRegister,
            file,
            Pos::new(1, 1),
            tr!(
                "{file} 中找不到表头：需要“收到日期”“申请人类型”“答复日期”“处理结果”四列（可另有“延期”“补正日期”）",
                "{file} has no header row naming 收到日期, 申请人类型, 答复日期 and 处理结果"
            ),
        ));
        return None;
    };
    let mut reg = Register {
        file: file.to_string(),
        cols: cols.clone(),
        ..Default::default()
    };
    let used: Vec<usize> = [cols.received, cols.applicant, cols.replied, cols.outcome]
        .into_iter()
        .chain(cols.extended)
        .chain(cols.completed)
        .collect();
    for r in header + 1..sheet.rows.len() {
        let row = &sheet.rows[r];
        if row.iter().all(|c| c.is_empty()) {
            continue;
        }
        for (c, cell) in row.iter().enumerate() {
            let min = personal(sheet.cell(header, c));
            if !used.contains(&c) && min > 0 && cell.text.chars().count() >= min {
                reg.private.push(cell.text.clone());
            }
        }
        if let Some(a) = application(sheet, r, &cols, file, diags) {
            reg.apps.push(a);
        }
    }
    reg.private.sort();
    reg.private.dedup();
    Some(reg)
}

/// The shortest text of a column that identifies or reaches the applicant (its header says
/// so) that counts as theirs: a name of two characters, an address only from six (`测试县`
/// alone is everyone's); 0 for other columns.
fn personal(header: &str) -> usize {
    if ["地址", "住址", "通讯"].iter().any(|w| header.contains(w)) {
        6
    } else if [
        "姓名",
        "名称",
        "申请人",
        "电话",
        "联系",
        "身份证",
        "证件",
        "邮箱",
        "手机",
    ]
    .iter()
    .any(|w| header.contains(w))
    {
        2
    } else {
        0
    }
}

/// The first of the first 20 rows that names the four required columns.
fn header(sheet: &Sheet) -> Option<(usize, Columns)> {
    for r in 0..sheet.rows.len().min(20) {
        let find = |words: &[&str], not: &[&str]| {
            (0..sheet.width()).find(|&c| {
                let t = sheet.cell(r, c);
                words.iter().any(|w| t.contains(w)) && !not.iter().any(|w| t.contains(w))
            })
        };
        let received = find(&["收到日期", "收到申请", "受理日期", "申请日期", "收到时间"], &["补正"]);
        let applicant = find(&["申请人类型", "申请人性质", "申请人类别", "申请主体"], &[]);
        let replied = find(&["答复日期", "答复时间", "办结日期"], &[]);
        let outcome = find(&["处理结果", "办理结果", "答复结果", "答复类型"], &[]);
        if let (Some(received), Some(applicant), Some(replied), Some(outcome)) = (received, applicant, replied, outcome)
        {
            let extended = find(&["延期"], &[]);
            let completed = find(&["补正"], &["通知", "告知"]);
            return Some((
                r,
                Columns {
                    received,
                    applicant,
                    replied,
                    outcome,
                    extended,
                    completed,
                },
            ));
        }
    }
    None
}

fn pos(r: usize, c: usize) -> Pos {
    Pos::new(r + 1, c + 1)
}

/// `第 5 行 C 列“答复日期”`: where a cell is, as the clerk sees it in WPS.
fn at(_: &Sheet, header_name: &str, r: usize, c: usize) -> (String, String) {
    let l = column_letter(c);
    (
        format!("第 {} 行 {l} 列（{header_name}）", r + 1),
        format!("row {}, column {l} ({header_name})", r + 1),
    )
}

fn date_cell(
    sheet: &Sheet,
    r: usize,
    c: usize,
    name: &str,
    file: &str,
    diags: &mut Vec<Diagnostic>,
) -> Result<Option<Date>, ()> {
    let t = sheet.cell(r, c);
    if t.is_empty() {
        return Ok(None);
    }
    match crate::dates::parse_date(t) {
        Ok(d) => Ok(Some(d)),
        Err(_) => {
            let (zh, en) = at(sheet, name, r, c);
            diags.push(err(
                Code::AnnualDate,
                file,
                pos(r, c),
                tr!("{zh}的“{t}”不是日期", "{en}: `{t}` is not a date"),
            ));
            Err(())
        }
    }
}

fn application(
    sheet: &Sheet,
    r: usize,
    cols: &Columns,
    file: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Application> {
    let before = diags.len();
    let received = date_cell(sheet, r, cols.received, "收到日期", file, diags);
    let replied = date_cell(sheet, r, cols.replied, "答复日期", file, diags);
    let completed = cols
        .completed
        .map(|c| date_cell(sheet, r, c, "补正日期", file, diags))
        .unwrap_or(Ok(None));
    let received = match received {
        Ok(Some(d)) => Some(d),
        Ok(None) => {
            let (zh, en) = at(sheet, "收到日期", r, cols.received);
            diags.push(err(
                Code::AnnualDate,
                file,
                pos(r, cols.received),
                tr!(
                    "{zh}是空的：每件申请都要有收到日期",
                    "{en} is empty: every application has a date of receipt"
                ),
            ));
            None
        }
        Err(()) => None,
    };
    let applicant_text = sheet.cell(r, cols.applicant);
    let applicant = match outcome::applicant(applicant_text) {
        Ok(i) => Some(i),
        Err(near) => {
            let (zh, en) = at(sheet, "申请人类型", r, cols.applicant);
            let all = outcome::APPLICANTS.join("、");
            let (hz, he) = match near {
                Some(n) => (format!("是不是“{n}”？"), format!("Did you mean `{n}`? ")),
                None => (String::new(), String::new()),
            };
            diags.push(err(
                Code::AnnualValue,
                file,
                pos(r, cols.applicant),
                tr!(
                    "{zh}的“{applicant_text}”不是申请人类型。{hz}可用：{all}",
                    "{en}: `{applicant_text}` is not an applicant type. {he}Types: {all}"
                ),
            ));
            None
        }
    };
    let outcome_text = sheet.cell(r, cols.outcome);
    let outcome = if outcome_text.is_empty() {
        None
    } else {
        match outcome::parse(outcome_text) {
            Ok(o) => Some(o),
            Err(near) => {
                let (zh, en) = at(sheet, "处理结果", r, cols.outcome);
                let (hz, he) = match near {
                    Some(n) => (format!("最接近的是“{n}”。"), format!("The nearest is `{n}`. ")),
                    None => (String::new(), String::new()),
                };
                diags.push(err(
                    Code::AnnualValue,
                    file,
                    pos(r, cols.outcome),
                    tr!(
                        "{zh}的“{outcome_text}”不是年报表三的办理结果。{hz}",
                        "{en}: `{outcome_text}` is not an outcome of table 3. {he}"
                    ),
                ));
                None
            }
        }
    };
    let extended = match cols.extended.map(|c| (c, sheet.cell(r, c))) {
        None => Some(false),
        Some((c, t)) => match t.trim() {
            "" | "否" | "无" | "N" | "n" | "no" | "No" | "0" | "×" | "-" => Some(false),
            "是" | "有" | "Y" | "y" | "yes" | "Yes" | "1" | "√" | "✓" | "延期" => Some(true),
            _ => {
                let (zh, en) = at(sheet, "延期", r, c);
                diags.push(err(
                    Code::AnnualValue,
                    file,
                    pos(r, c),
                    tr!("{zh}的“{t}”应写“是”或“否”", "{en}: `{t}` should be 是 or 否"),
                ));
                None
            }
        },
    };
    let (Ok(replied), Ok(completed)) = (replied, completed) else {
        return None;
    };
    let received = received?;
    // A reply with no outcome, an outcome with no reply date: either would put the
    // application in the wrong row of the table.
    match (replied, outcome_text.is_empty()) {
        (Some(_), true) => {
            let (zh, en) = at(sheet, "处理结果", r, cols.outcome);
            diags.push(err(
                Code::AnnualDate,
                file,
                pos(r, cols.outcome),
                tr!(
                    "{zh}是空的，但已有答复日期",
                    "{en} is empty although the reply has a date"
                ),
            ));
        }
        (None, false) => {
            let (zh, en) = at(sheet, "答复日期", r, cols.replied);
            diags.push(err(
                Code::AnnualDate,
                file,
                pos(r, cols.replied),
                tr!(
                    "{zh}是空的，但已写了处理结果“{outcome_text}”",
                    "{en} is empty although the outcome `{outcome_text}` is written"
                ),
            ));
        }
        _ => {}
    }
    if let Some(rep) = replied
        && rep < received
    {
        let (zh, en) = at(sheet, "答复日期", r, cols.replied);
        let (a, b) = (crate::dates::format_date(rep), crate::dates::format_date(received));
        diags.push(err(
            Code::AnnualDate,
            file,
            pos(r, cols.replied),
            tr!(
                "{zh}：答复日期 {a} 早于收到日期 {b}",
                "{en}: the reply {a} is before the receipt {b}"
            ),
        ));
    }
    if let (Some(done), Some(c)) = (completed, cols.completed) {
        let (zh, en) = at(sheet, "补正日期", r, c);
        let d = crate::dates::format_date(done);
        if done < received {
            diags.push(err(
                Code::AnnualDate,
                file,
                pos(r, c),
                tr!(
                    "{zh}：补正日期 {d} 早于收到日期",
                    "{en}: the completion {d} is before the receipt"
                ),
            ));
        } else if replied.is_some_and(|rep| rep < done) {
            diags.push(err(
                Code::AnnualDate,
                file,
                pos(r, cols.replied),
                tr!(
                    "{zh}：答复日期早于补正日期 {d}",
                    "{en}: the reply is before the completion {d}"
                ),
            ));
        }
    }
    if diags.len() > before {
        return None;
    }
    Some(Application {
        row: r + 1,
        received,
        applicant: applicant?,
        replied,
        outcome,
        extended: extended?,
        completed,
    })
}
