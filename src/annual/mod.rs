//! The 政府信息公开工作年度报告 (条例 Art. 49–50) in the format of 国办公开办函〔2021〕30号: six
//! sections, three tables. Table 2 comes from the policy library and `data.toml`, table 3 from
//! the 依申请 register, table 4 from `data.toml`; sections 一, 五, 六 from `sections.md`. A
//! unit's inputs live outside `content/`, so the register is never published:
//!
//! ```text
//! annual/2025/                 the county government (县政府)
//!   register.xlsx|csv          依申请登记 (or 依申请登记.xlsx / 依申请台账.xlsx)
//!   data.toml                  表二 (许可, 处罚, 强制, 收费), 表四, optional typed figures
//!   sections.md                ## 一、总体情况 / ## 五、… / ## 六、…
//! annual/2025/qingshan/        a township (its slug), the same three files
//! ```
//!
//! Only counts leave the register; every output is also checked not to contain any text of
//! the register's other cells (names, contacts, requests). Everything is read into an
//! [`Annual`] once; the HTML page, the XLSX and the JSON are written from it and from the one
//! [`layout`] of the tables, so the formats cannot disagree.

pub mod data;
pub mod deadline;
pub mod docx;
pub mod layout;
pub mod outcome;
pub mod pages;
pub mod register;
pub mod render;
pub mod sections;
pub mod table2;
pub mod table3;

use crate::diag::{Code, Diagnostic, Pos, Text};
use crate::site::Site;
use jiff::civil::Date;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

pub(crate) fn err(code: Code, file: &str, pos: Pos, message: Text) -> Diagnostic {
    Diagnostic::error(code, file, pos, message, code.fix())
}

pub(crate) fn warn(code: Code, file: &str, pos: Pos, message: Text) -> Diagnostic {
    Diagnostic::warning(code, file, pos, message, code.fix())
}

/// The reporting unit: the county government or one township's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    pub township: Option<usize>,
}

impl Unit {
    pub fn name(self, site: &Site) -> String {
        let county = &site.config.site.county;
        match self.township {
            None => format!("{county}人民政府"),
            Some(t) => format!("{}人民政府", site.config.townships[t].name),
        }
    }

    /// `annual/2025` or `annual/2025/qingshan`, relative to the site root.
    pub fn dir(self, site: &Site, year: i16) -> String {
        match self.township {
            None => format!("annual/{year}"),
            Some(t) => format!("annual/{year}/{}", site.config.townships[t].slug),
        }
    }

    /// The page's path in the site.
    pub fn url(self, site: &Site, year: i16) -> String {
        match self.township {
            None => format!("annual/{year}.html"),
            Some(t) => format!("annual/{year}-{}.html", site.config.townships[t].slug),
        }
    }

    /// `--unit`: 县政府 (or empty, the county's name), or a township's name, slug or code.
    pub fn find(site: &Site, q: Option<&str>) -> Result<Unit, Box<Diagnostic>> {
        let Some(q) = q.map(str::trim).filter(|q| !q.is_empty()) else {
            return Ok(Unit { township: None });
        };
        let county = &site.config.site.county;
        if ["县政府", "县", "county"].contains(&q) || q == county || q == format!("{county}人民政府") {
            return Ok(Unit { township: None });
        }
        crate::report::period::find_township(&site.config, q).map(|t| Unit { township: Some(t) })
    }
}

/// Everything of one unit's report for one year.
#[derive(Clone, Debug, Serialize)]
pub struct Annual {
    pub year: i16,
    pub unit: String,
    pub title: String,
    #[serde(serialize_with = "crate::report::date")]
    pub from: Date,
    /// 31 December, or the report's date while the year is not over.
    #[serde(serialize_with = "crate::report::date")]
    pub end: Date,
    pub complete_year: bool,
    pub table2: table2::Table2,
    pub table3: table3::Table3,
    pub table4: data::Table4,
    /// Late replies and overdue open applications (register rows and dates only).
    pub late: Vec<deadline::Late>,
    #[serde(skip)]
    pub sections: sections::Sections,
    /// Register cells the outputs must not contain.
    #[serde(skip)]
    pub private: Vec<String>,
    #[serde(skip)]
    pub url: String,
    /// Whose report it is (the county's or a township's).
    #[serde(skip)]
    pub of: Unit,
}

/// Years and units with an `annual/<year>[/<slug>]` folder, in order: the county's when the
/// year's folder holds any of its files, a township's when its slug's folder exists.
pub fn units(site: &Site) -> Vec<(i16, Unit)> {
    scan(site).0
}

/// Folders under `annual/<year>/` that are no township's slug (a typo would otherwise leave a
/// township's report out without a word).
pub fn stray_folders(site: &Site) -> Vec<String> {
    scan(site).1
}

fn has_inputs(dir: &std::path::Path) -> bool {
    dir.join(data::FILE).is_file() || dir.join(sections::FILE).is_file() || register::find(dir).is_some()
}

fn scan(site: &Site) -> (Vec<(i16, Unit)>, Vec<String>) {
    let mut out = Vec::new();
    let mut stray = Vec::new();
    let Ok(rd) = std::fs::read_dir(site.root.join("annual")) else {
        return (out, stray);
    };
    let mut years: Vec<i16> = rd
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().to_str()?.parse().ok())
        .collect();
    years.sort_unstable();
    for y in years {
        for u in std::iter::once(None).chain((0..site.config.townships.len()).map(Some)) {
            let unit = Unit { township: u };
            let dir = site.root.join(unit.dir(site, y));
            if (u.is_none() && has_inputs(&dir)) || (u.is_some() && dir.is_dir()) {
                out.push((y, unit));
            }
        }
        let mut names: Vec<String> = std::fs::read_dir(site.root.join(format!("annual/{y}")))
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .filter_map(|e| e.file_name().to_str().map(str::to_string))
            .filter(|n| !site.config.townships.iter().any(|t| &t.slug == n))
            .map(|n| format!("annual/{y}/{n}"))
            .collect();
        names.sort();
        stray.extend(names);
    }
    (out, stray)
}

/// The figures sections may name, `表三.一.总计` → `40`.
pub fn values(a: &Annual) -> BTreeMap<String, String> {
    let mut v = BTreeMap::new();
    let t = &a.table3;
    let cols = outcome::APPLICANTS.iter().chain(std::iter::once(&"总计"));
    for (c, col) in cols.enumerate() {
        let mut put = |k: String, n: u64| {
            v.insert(format!("{k}.{col}"), n.to_string());
        };
        put("表三.一".into(), t.new[c]);
        put("表三.二".into(), t.carried_in[c]);
        put("表三.三.七".into(), t.results_total[c]);
        put("表三.四".into(), t.carried_out[c]);
        for g in 0..6 {
            let total = table3::group_total(t, g)[c];
            put(format!("表三.三.{}", outcome::NUMERALS[g]), total);
        }
        for (i, o) in outcome::leaves().iter().enumerate() {
            if o.item > 0 {
                put(
                    format!("表三.三.{}.{}", outcome::NUMERALS[o.group], o.item),
                    t.results[i][c],
                );
            }
        }
    }
    v.insert("表三.逾期".into(), a.late.len().to_string());
    let t2 = &a.table2;
    for (name, c) in [("规章", t2.rules), ("行政规范性文件", t2.normative)] {
        v.insert(format!("表二.{name}.本年制发"), c.issued.to_string());
        v.insert(format!("表二.{name}.本年废止"), c.repealed.to_string());
        v.insert(format!("表二.{name}.现行有效"), c.in_force.to_string());
    }
    v.insert("表二.行政许可".into(), t2.licensing.to_string());
    v.insert("表二.行政处罚".into(), t2.penalties.to_string());
    v.insert("表二.行政强制".into(), t2.enforcement.to_string());
    v.insert("表二.行政事业性收费".into(), fees(t2.fees));
    for (g, name) in data::T4_GROUPS.iter().enumerate() {
        for (c, col) in data::T4_COLS.iter().enumerate() {
            v.insert(format!("表四.{name}.{col}"), a.table4.groups[g][c].to_string());
        }
    }
    v.insert("年度".into(), a.year.to_string());
    v.insert("机关".into(), a.unit.clone());
    v
}

/// An amount of 万元 as printed: at most four decimals, no trailing zeros.
pub fn fees(f: f64) -> String {
    let s = format!("{f:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

/// Read, compute and check one unit's report. Every problem is a diagnostic (pushed to
/// `diags`); the report is returned only when none of them is an error.
pub fn load(site: &Site, year: i16, unit: Unit, diags: &mut Vec<Diagnostic>) -> Option<Annual> {
    let before = diags.len();
    let dir_rel = unit.dir(site, year);
    let dir: PathBuf = site.root.join(&dir_rel);
    let from = jiff::civil::date(year, 1, 1);
    let dec31 = jiff::civil::date(year, 12, 31);
    let end = dec31.min(site.today);
    if site.today < from {
        diags.push(err(
            Code::AnnualData,
            &dir_rel,
            Pos::default(),
            Text::new(
                format!(
                    "{year} 年还没有开始（统计日期 {}）",
                    crate::dates::format_date(site.today)
                ),
                format!("{year} has not begun (date {})", crate::dates::format_date(site.today)),
            ),
        ));
        return None;
    }
    // data.toml
    let data_rel = format!("{dir_rel}/{}", data::FILE);
    let data = match std::fs::read(dir.join(data::FILE)) {
        Ok(bytes) => {
            let mut tmp = crate::diag::Diagnostics::new();
            let text = crate::load::decode::decode(&bytes, &data_rel, &mut tmp);
            diags.extend(tmp);
            text.and_then(|t| data::parse(&t, &data_rel, diags))
        }
        Err(e) => {
            diags.push(err(
                Code::AnnualData,
                &data_rel,
                Pos::default(),
                Text::new(
                    format!("无法读取 {data_rel}：{e}"),
                    format!("cannot read {data_rel}: {e}"),
                ),
            ));
            None
        }
    };
    // The register.
    let reg = match register::find(&dir) {
        Some(p) => {
            let rel = crate::diag::rel_path(&site.root, &p);
            register::read(&p, &rel, diags)
        }
        None => {
            diags.push(err(
                Code::AnnualRegister,
                &dir_rel,
                Pos::default(),
                Text::new(
                    format!("{dir_rel}/ 中没有依申请登记表（register.xlsx 或 register.csv）：本年没有申请时，也请放一个只有表头的登记表"),
                    format!("{dir_rel}/ has no register (register.xlsx or register.csv); with no applications, give one with only its header"),
                ),
            ));
            None
        }
    };
    let (mut data, mut reg) = (data?, reg?);
    // Place names of the site are everyone's, even when an applicant's cell is one.
    let places: Vec<&str> = std::iter::once(site.config.site.county.as_str())
        .chain(site.config.townships.iter().map(|t| t.name.as_str()))
        .chain(
            site.config
                .townships
                .iter()
                .flat_map(|t| t.villages.iter().map(|v| v.name.as_str())),
        )
        .collect();
    reg.private.retain(|p| !places.iter().any(|n| n.contains(p.as_str())));
    data::check_t4(&mut data, &data_rel, diags);
    let late = deadline::check(&site.calendar, &reg, end, diags);
    let mut t3 = table3::count(&reg, from, end);
    if let Some((typed, pos)) = data.carried_in {
        let from_register = t3.carried_in;
        if from_register[outcome::TOTAL] == 0 {
            // A register that starts this year: the typed figures stand in for last year's
            // rows, and their outcomes must then be in the register too (the identity says so).
            t3.carried_in = typed;
        } else if from_register != typed {
            diags.push(warn(
                Code::AnnualHandNumber,
                &data_rel,
                pos,
                Text::new(
                    format!(
                        "上年结转写的是 {}，登记表中上年收到、本年仍在办理的申请是 {} 件：以登记表为准",
                        typed[6], from_register[6]
                    ),
                    format!(
                        "上年结转 is typed as {}, the register holds {}: the register is used",
                        typed[6], from_register[6]
                    ),
                ),
            ));
        }
        for b in table3::identities(&t3) {
            let col = outcome::APPLICANTS.get(b.column).copied().unwrap_or("总计");
            diags.push(err(
                Code::AnnualIdentity,
                &data_rel,
                pos,
                Text::new(
                    format!(
                        "表三“{col}”列不满足 {}：{} ≠ {}。填写的上年结转申请，其办理结果也要登记在登记表中（收到日期写上年的日期）",
                        b.rule, b.left, b.right
                    ),
                    format!(
                        "table 3, column {col}: {} fails ({} ≠ {}). Carried-over applications need their rows in the register too",
                        b.rule, b.left, b.right
                    ),
                ),
            ));
        }
    } else {
        for b in table3::identities(&t3) {
            let col = outcome::APPLICANTS.get(b.column).copied().unwrap_or("总计");
            diags.push(err(
                Code::AnnualIdentity,
                &reg.file,
                Pos::new(1, 1),
                Text::new(
                    format!("表三“{col}”列不满足 {}：{} ≠ {}", b.rule, b.left, b.right),
                    format!("table 3, column {col}: {} fails ({} ≠ {})", b.rule, b.left, b.right),
                ),
            ));
        }
    }
    let t2 = table2::compute(&site.policy, unit.township, from, end, &data);
    for typed in &data.t2_typed {
        if let Some(computed) = table2::lookup(&t2, &typed.key)
            && computed != typed.value
        {
            let (k, v) = (&typed.key, typed.value);
            diags.push(warn(
                Code::AnnualHandNumber,
                &data_rel,
                typed.pos,
                Text::new(
                    format!("表二 {k} 填写的是 {v}，政策文件库算出的是 {computed}：表中用 {computed}；如政策文件库缺文件，请补上文件后重新生成"),
                    format!("table 2 {k} is typed as {v}; the policy library counts {computed}, which is used"),
                ),
            ));
        }
    }
    let title = format!("{}{year}年政府信息公开工作年度报告", unit.name(site));
    let mut a = Annual {
        year,
        unit: unit.name(site),
        title,
        from,
        end,
        complete_year: end == dec31,
        table2: t2,
        table3: t3,
        table4: data.t4.clone(),
        late,
        sections: sections::Sections::default(),
        private: reg.private.clone(),
        url: unit.url(site, year),
        of: unit,
    };
    let sec_rel = format!("{dir_rel}/{}", sections::FILE);
    match std::fs::read(dir.join(sections::FILE)) {
        Ok(bytes) => {
            let mut tmp = crate::diag::Diagnostics::new();
            let text = crate::load::decode::decode(&bytes, &sec_rel, &mut tmp);
            diags.extend(tmp);
            if let Some(t) = &text {
                for p in &a.private {
                    if let Some(at) = t.find(p.as_str()) {
                        diags.push(err(
                            Code::AnnualLeak,
                            &sec_rel,
                            Pos::of_offset(t, at),
                            Text::new(
                                "正文中出现了依申请登记表中申请人的姓名、名称或联系方式：年报只公开数字，请删去",
                                "the text names an applicant (name or contact) from the register: the report publishes counts only",
                            ),
                        ));
                    }
                }
            }
            if let Some(s) = text.and_then(|t| sections::parse(&t, &sec_rel, &values(&a), diags)) {
                a.sections = s;
            }
        }
        Err(e) => diags.push(err(
            Code::AnnualSections,
            &sec_rel,
            Pos::default(),
            Text::new(
                format!("无法读取 {sec_rel}：{e}"),
                format!("cannot read {sec_rel}: {e}"),
            ),
        )),
    }
    let failed = diags[before..]
        .iter()
        .any(|d| d.severity == crate::diag::Severity::Error);
    (!failed).then_some(a)
}

/// Whether `bytes` (an output) contain text of the register's private cells: the first such
/// text, for the message.
pub fn leaked<'a>(a: &'a Annual, bytes: &[u8]) -> Option<&'a str> {
    let text = String::from_utf8_lossy(bytes);
    a.private.iter().map(String::as_str).find(|p| text.contains(p))
}
