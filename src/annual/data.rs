//! `data.toml`: what only other systems know (the decision counts of table 2, the fee total,
//! table 4), plus figures a clerk may type that the site also computes, which are then
//! compared, not trusted. Every value keeps its position so a wrong number is reported at
//! its line.

use super::err;
use super::outcome::APPLICANTS;
use super::table3::Row;
use crate::diag::{Code, Diagnostic, Pos};
use crate::tr;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use toml::Spanned;

pub const FILE: &str = "data.toml";

/// Table 4's groups and columns.
pub const T4_GROUPS: [&str; 3] = ["行政复议", "未经复议直接起诉", "复议后起诉"];
pub const T4_COLS: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(rename = "表二", default)]
    t2: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    #[serde(rename = "表三", default)]
    t3: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    #[serde(rename = "表四", default)]
    t4: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
}

/// A figure typed by hand that the site computes too.
#[derive(Clone, Debug)]
pub struct Typed {
    /// `规章.本年制发`, `上年结转.自然人` …
    pub key: String,
    pub value: u64,
    pub pos: Pos,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Table4 {
    /// Three groups × (维持, 纠正, 其他, 尚未审结, 总计).
    pub groups: [[u64; 5]; 3],
}

#[derive(Clone, Debug, Default)]
pub struct Data {
    pub licensing: u64,
    pub penalties: u64,
    pub enforcement: u64,
    /// 万元
    pub fees: f64,
    pub t2_typed: Vec<Typed>,
    /// 上年结转 typed for a register that holds only this year's applications.
    pub carried_in: Option<(Row, Pos)>,
    pub t4: Table4,
    /// Where each typed 总计 of table 4 was, to report a wrong one there.
    pub t4_total_pos: [Option<Pos>; 3],
}

/// A value as the clerk typed it, for messages (toml's `Display` is behind a feature).
fn shown(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => format!("\"{s}\""),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Float(f) => f.to_string(),
        toml::Value::Boolean(b) => b.to_string(),
        toml::Value::Datetime(d) => d.to_string(),
        toml::Value::Array(_) | toml::Value::Table(_) => "（一组值）".into(),
    }
}

/// The quoted text spans point into, and the way back to the clerk's.
struct Mapped<'a> {
    quoted: &'a str,
    original: &'a str,
    inserted: &'a [usize],
}

trait Where {
    fn at(&self, offset: usize) -> Pos;
    fn quoted(&self) -> &str;
}

impl Where for str {
    fn at(&self, offset: usize) -> Pos {
        Pos::of_offset(self, offset)
    }
    fn quoted(&self) -> &str {
        self
    }
}

impl Where for Mapped<'_> {
    fn at(&self, offset: usize) -> Pos {
        Pos::of_offset(self.original, unquoted(offset, self.inserted))
    }
    fn quoted(&self) -> &str {
        self.quoted
    }
}

fn pos<W: Where + ?Sized>(text: &W, at: usize) -> Pos {
    text.at(at)
}

fn count<W: Where + ?Sized>(
    text: &W,
    file: &str,
    key: &str,
    v: &Spanned<toml::Value>,
    diags: &mut Vec<Diagnostic>,
) -> Option<u64> {
    match v.get_ref() {
        toml::Value::Integer(i) if *i >= 0 => Some(*i as u64),
        other => {
            let shown = shown(other);
            diags.push(err(
                Code::AnnualData,
                file,
                pos(text, v.span().start),
                tr!(
                    "{key} 的值 {shown} 不是件数：写不带引号、不带“件”的非负整数，没有就写 0",
                    "{key} = {shown} is not a count: write a non-negative whole number, 0 if none"
                ),
            ));
            None
        }
    }
}

fn unknown<W: Where + ?Sized>(
    text: &W,
    file: &str,
    table: &str,
    k: &Spanned<String>,
    known: &[&str],
    diags: &mut Vec<Diagnostic>,
) {
    let name = k.get_ref();
    let all = known.join("、");
    let near = crate::util::suggest::closest(name, known.iter().copied())
        .map(|n| format!("是不是“{n}”？"))
        .unwrap_or_default();
    diags.push(err(
        Code::AnnualData,
        file,
        pos(text, k.span().start),
        tr!(
            "[{table}] 中没有“{name}”这一项。{near}可用：{all}",
            "[{table}] has no key `{name}`. Keys: {all}"
        ),
    ));
}

/// TOML's bare keys are ASCII only, and a clerk writes `行政许可 = 126`: every bare run of
/// words with a Chinese character (outside strings and comments) is quoted before parsing.
/// Returns the quoted text and, in its offsets, where each inserted quote stands, so that a
/// position can be mapped back to what the clerk wrote ([`unquoted`]).
fn quote_keys(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len() + 16);
    let mut inserted = Vec::new();
    let mut chars = text.char_indices().peekable();
    let special = |c: char| c.is_whitespace() || "=[]{},.\"'#".contains(c);
    while let Some((_, c)) = chars.next() {
        match c {
            '#' => {
                out.push(c);
                while let Some(&(_, n)) = chars.peek() {
                    if n == '\n' {
                        break;
                    }
                    out.push(n);
                    chars.next();
                }
            }
            '"' | '\'' => {
                out.push(c);
                while let Some((_, n)) = chars.next() {
                    out.push(n);
                    if n == '\\' && c == '"' {
                        if let Some((_, e)) = chars.next() {
                            out.push(e);
                        }
                    } else if n == c || n == '\n' {
                        break;
                    }
                }
            }
            c if !special(c) => {
                let mut word = String::from(c);
                while let Some(&(_, n)) = chars.peek() {
                    if special(n) {
                        break;
                    }
                    word.push(n);
                    chars.next();
                }
                if word.is_ascii() {
                    out.push_str(&word);
                } else {
                    inserted.push(out.len());
                    out.push('"');
                    out.push_str(&word);
                    inserted.push(out.len());
                    out.push('"');
                }
            }
            c => out.push(c),
        }
    }
    (out, inserted)
}

/// The offset in the clerk's text of offset `at` of the quoted text.
fn unquoted(at: usize, inserted: &[usize]) -> usize {
    at - inserted.iter().filter(|&&i| i < at).count()
}

/// Read `data.toml` (its text; `file` relative to the site root).
pub fn parse(original: &str, file: &str, diags: &mut Vec<Diagnostic>) -> Option<Data> {
    let (quoted, inserted) = quote_keys(original);
    let raw: Raw = match toml::from_str(&quoted) {
        Ok(r) => r,
        Err(e) => {
            let text = original;
            let at = e
                .span()
                .map_or(Pos::new(1, 1), |s| pos(text, unquoted(s.start, &inserted)));
            let msg = e.message().to_string();
            diags.push(err(
                Code::AnnualData,
                file,
                at,
                tr!("{file} 格式错误：{msg}", "{file}: {msg}"),
            ));
            return None;
        }
    };
    let before = diags.len();
    let mut d = Data::default();
    // Positions below are taken in the quoted text and mapped back in `pos`.
    let text = &Mapped {
        quoted: &quoted,
        original,
        inserted: &inserted,
    };
    // 表二
    const T2: [&str; 6] = [
        "行政许可",
        "行政处罚",
        "行政强制",
        "行政事业性收费",
        "规章",
        "行政规范性文件",
    ];
    let mut seen = Vec::new();
    for (k, v) in &raw.t2 {
        let key = k.get_ref().as_str();
        match key {
            "行政许可" | "行政处罚" | "行政强制" => {
                if let Some(n) = count(text, file, key, v, diags) {
                    *match key {
                        "行政许可" => &mut d.licensing,
                        "行政处罚" => &mut d.penalties,
                        _ => &mut d.enforcement,
                    } = n;
                }
            }
            "行政事业性收费" => match v.get_ref() {
                toml::Value::Integer(i) if *i >= 0 => d.fees = *i as f64,
                toml::Value::Float(f) if *f >= 0.0 && f.is_finite() => d.fees = *f,
                other => {
                    let shown = shown(other);
                    diags.push(err(
                        Code::AnnualData,
                        file,
                        pos(text, v.span().start),
                        tr!(
                            "行政事业性收费 的值 {shown} 不是金额：写以万元为单位的数字，如 35.6，没有就写 0",
                            "行政事业性收费 = {shown} is not an amount: write a number of 万元, 0 if none"
                        ),
                    ));
                }
            },
            "规章" | "行政规范性文件" => match v.get_ref() {
                toml::Value::Table(t) => {
                    for (col, val) in t {
                        if !["本年制发", "本年废止", "现行有效"].contains(&col.as_str()) {
                            let k = Spanned::new(v.span(), col.clone());
                            unknown(
                                text,
                                file,
                                &format!("表二.{key}"),
                                &k,
                                &["本年制发", "本年废止", "现行有效"],
                                diags,
                            );
                            continue;
                        }
                        let sv = Spanned::new(v.span(), val.clone());
                        if let Some(n) = count(text, file, col, &sv, diags) {
                            d.t2_typed.push(Typed {
                                key: format!("{key}.{col}"),
                                value: n,
                                pos: line_of_key(text, v.span().start, col),
                            });
                        }
                    }
                }
                _ => diags.push(err(
                    Code::AnnualData,
                    file,
                    pos(text, v.span().start),
                    tr!(
                        "{key} 要写成一组：{key} = {{ 本年制发 = 3 }}（可省略：由政策文件库计算）",
                        "{key} is a table: {key} = {{ 本年制发 = 3 }} (optional: computed from the policy library)"
                    ),
                )),
            },
            _ => {
                unknown(text, file, "表二", k, &T2, diags);
                continue;
            }
        }
        seen.push(key.to_string());
    }
    for need in &T2[..4] {
        if !seen.iter().any(|s| s == need) {
            diags.push(err(
                Code::AnnualData,
                file,
                Pos::new(1, 1),
                tr!(
                    "[表二] 缺少“{need}”：这个数字网站算不出，请从业务系统中查到后填写，没有就写 0",
                    "[表二] lacks `{need}`: the site cannot compute it; write it from the other system, 0 if none"
                ),
            ));
        }
    }
    // 表三: only 上年结转, for a register that starts this year.
    for (k, v) in &raw.t3 {
        if k.get_ref() != "上年结转" {
            unknown(text, file, "表三", k, &["上年结转"], diags);
            continue;
        }
        let toml::Value::Table(t) = v.get_ref() else {
            diags.push(err(
                Code::AnnualData,
                file,
                pos(text, v.span().start),
                tr!(
                    "上年结转 要按申请人类型写：上年结转 = {{ 自然人 = 2, 商业企业 = 1 }}",
                    "上年结转 is by applicant: 上年结转 = {{ 自然人 = 2, 商业企业 = 1 }}"
                ),
            ));
            continue;
        };
        let mut row = [0u64; 7];
        for (col, val) in t {
            let Some(c) = APPLICANTS.iter().position(|a| a == col) else {
                let k = Spanned::new(v.span(), col.clone());
                unknown(text, file, "表三.上年结转", &k, &APPLICANTS, diags);
                continue;
            };
            let sv = Spanned::new(v.span(), val.clone());
            if let Some(n) = count(text, file, col, &sv, diags) {
                row[c] = n;
                row[6] += n;
            }
        }
        d.carried_in = Some((row, pos(text, k.span().start)));
    }
    // 表四
    let mut groups_seen = [false; 3];
    for (k, v) in &raw.t4 {
        let Some(g) = T4_GROUPS.iter().position(|n| n == k.get_ref()) else {
            unknown(text, file, "表四", k, &T4_GROUPS, diags);
            continue;
        };
        groups_seen[g] = true;
        let toml::Value::Table(t) = v.get_ref() else {
            diags.push(err(
                Code::AnnualData,
                file,
                pos(text, v.span().start),
                tr!(
                    "[表四.{}] 要写成一组数字",
                    "[表四.{}] is a table of counts",
                    T4_GROUPS[g]
                ),
            ));
            continue;
        };
        for (col, val) in t {
            let Some(c) = T4_COLS.iter().position(|n| n == col) else {
                let kk = Spanned::new(v.span(), col.clone());
                unknown(text, file, &format!("表四.{}", T4_GROUPS[g]), &kk, &T4_COLS, diags);
                continue;
            };
            let sv = Spanned::new(v.span(), val.clone());
            if let Some(n) = count(text, file, col, &sv, diags) {
                d.t4.groups[g][c] = n;
                if c == 4 {
                    d.t4_total_pos[g] = Some(line_of_key(text, v.span().start, col));
                }
            }
        }
    }
    for (g, seen) in groups_seen.iter().enumerate() {
        if !seen {
            let name = T4_GROUPS[g];
            diags.push(err(
                Code::AnnualData,
                file,
                Pos::new(1, 1),
                tr!(
                    "缺少 [表四.{name}]：没有案件也要写，各项为 0",
                    "[表四.{name}] is missing: write it with zeros if there were no cases"
                ),
            ));
        }
    }
    (diags.len() == before).then_some(d)
}

/// The position of `key` written inside the table that starts at byte `from` (a `[表四.行政复议]`
/// section or an inline table): the line a clerk fixes.
fn line_of_key<W: Where + ?Sized>(w: &W, from: usize, key: &str) -> Pos {
    let text = w.quoted();
    let rest = &text[from.min(text.len())..];
    let at = rest
        .match_indices(key)
        .find(|(i, _)| {
            let after = rest[i + key.len()..].trim_start_matches(['"', ' ']);
            after.starts_with('=')
        })
        .map_or(from, |(i, _)| from + i);
    w.at(at)
}

/// Table 4's 总计 per group: the sum when none was typed; a typed one that differs is reported.
pub fn check_t4(d: &mut Data, file: &str, diags: &mut Vec<Diagnostic>) {
    for (g, name) in T4_GROUPS.iter().enumerate() {
        let sum: u64 = d.t4.groups[g][..4].iter().sum();
        match d.t4_total_pos[g] {
            Some(p) if d.t4.groups[g][4] != sum => {
                let typed = d.t4.groups[g][4];
                diags.push(err(
                    Code::AnnualIdentity,
                    file,
                    p,
                    tr!(
                        "[表四.{name}] 总计写的是 {typed}，但结果维持、结果纠正、其他结果、尚未审结之和是 {sum}",
                        "[表四.{name}] 总计 is {typed}, but its four columns add up to {sum}"
                    ),
                ));
            }
            _ => d.t4.groups[g][4] = sum,
        }
    }
}
