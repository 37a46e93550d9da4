//! Sections 一, 五 and 六 are the office's own words (`sections.md`, one file per year), with
//! the tables' figures written as placeholders (`{{表三.一.总计}}`), so that the text and the
//! tables come from the same count and cannot disagree. A figure typed as digits beside the
//! words that name it (`新收政府信息公开申请42件`) is compared with the table and flagged.

use super::{err, warn};
use crate::diag::{Code, Diagnostic, Pos};
use crate::tr;
use std::collections::BTreeMap;

pub const FILE: &str = "sections.md";

/// The three sections the office writes: (number, title, a word its heading must contain).
pub const SECTIONS: [(&str, &str, &str); 3] = [
    ("一", "总体情况", "总体情况"),
    ("五", "存在的主要问题及改进情况", "存在的主要问题"),
    ("六", "其他需要报告的事项", "其他需要报告"),
];

/// Words that name a figure, and the placeholder whose value they must equal.
const NAMED: [(&str, &str); 5] = [
    ("新收", "表三.一.总计"),
    ("上年结转", "表三.二.总计"),
    ("结转下年度", "表三.四.总计"),
    ("逾期答复", "表三.逾期"),
    ("行政复议", "表四.行政复议.总计"),
];

/// The three sections' Markdown with every placeholder replaced.
#[derive(Clone, Debug, Default)]
pub struct Sections {
    pub bodies: [String; 3],
}

/// Fill and check `text`; `values` maps placeholder names to figures.
pub fn parse(
    text: &str,
    file: &str,
    values: &BTreeMap<String, String>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Sections> {
    let before = diags.len();
    let mut filled = String::with_capacity(text.len());
    let mut rest = text;
    let mut offset = 0;
    while let Some(i) = rest.find("{{") {
        filled.push_str(&rest[..i]);
        let Some(j) = rest[i..].find("}}") else {
            diags.push(err(
                Code::AnnualSections,
                file,
                Pos::of_offset(text, offset + i),
                tr!("“{{{{”没有配对的“}}}}”", "`{{{{` has no closing `}}}}`"),
            ));
            filled.push_str(&rest[i..]);
            rest = "";
            break;
        };
        let name: String = rest[i + 2..i + j].chars().filter(|c| !c.is_whitespace()).collect();
        let name = name.replace(['。', '．'], ".");
        match values.get(&name) {
            Some(v) => filled.push_str(v),
            None => {
                let near = crate::util::suggest::closest(&name, values.keys().map(String::as_str))
                    .map(|n| format!("是不是 {{{{{n}}}}}？"))
                    .unwrap_or_default();
                diags.push(err(
                    Code::AnnualSections,
                    file,
                    Pos::of_offset(text, offset + i),
                    tr!(
                        "没有名为 {name} 的数字。{near}可用的名称见 docs/annual.md",
                        "no figure is named {name}; the names are in docs/annual.md"
                    ),
                ));
            }
        }
        offset += i + j + 2;
        rest = &rest[i + j + 2..];
    }
    filled.push_str(rest);
    typed_figures(text, file, values, diags);
    // Split at the level-2 headings.
    let mut bodies: [Option<String>; 3] = Default::default();
    let mut current: Option<usize> = None;
    let mut line_no = 0;
    for line in filled.lines() {
        line_no += 1;
        if let Some(h) = line.strip_prefix("## ") {
            current = SECTIONS.iter().position(|(_, _, w)| h.contains(w));
            if current.is_none() {
                diags.push(err(
                    Code::AnnualSections,
                    file,
                    Pos::new(line_no, 1),
                    tr!(
                        "“{h}”不是年报中由机关自己撰写的部分：只写“## 一、总体情况”“## 五、存在的主要问题及改进情况”“## 六、其他需要报告的事项”（二、三、四 是表格，由 gongkai 生成）",
                        "`{h}` is not a section the office writes: only 一、总体情况, 五、存在的主要问题及改进情况 and 六、其他需要报告的事项 (二–四 are the generated tables)"
                    ),
                ));
            }
            continue;
        }
        if let Some(c) = current {
            let b = bodies[c].get_or_insert_with(String::new);
            b.push_str(line);
            b.push('\n');
        }
    }
    for (k, (num, title, _)) in SECTIONS.iter().enumerate() {
        if bodies[k].as_ref().is_none_or(|b| b.trim().is_empty()) {
            diags.push(err(
                Code::AnnualSections,
                file,
                Pos::new(1, 1),
                tr!(
                    "缺少“## {num}、{title}”一节或该节是空的",
                    "the section `## {num}、{title}` is missing or empty"
                ),
            ));
        }
    }
    if diags.len() > before {
        return None;
    }
    Some(Sections {
        bodies: bodies.map(|b| b.unwrap_or_default()),
    })
}

/// A number typed right after the words that name a figure (within a few characters, before
/// 件/个/次) that differs from the figure.
fn typed_figures(text: &str, file: &str, values: &BTreeMap<String, String>, diags: &mut Vec<Diagnostic>) {
    for (word, key) in NAMED {
        let Some(want) = values.get(key) else { continue };
        for (i, _) in text.match_indices(word) {
            let after = &text[i + word.len()..];
            // Up to 12 characters of words (no sentence break), then digits, then 件/个/次.
            let mut at = None;
            for (seen, (b, ch)) in after.char_indices().enumerate() {
                if ch.is_ascii_digit() {
                    at = Some(b);
                    break;
                }
                if "。；;，,\n{".contains(ch) || seen >= 12 {
                    break;
                }
            }
            let Some(b) = at else { continue };
            let digits: String = after[b..].chars().take_while(char::is_ascii_digit).collect();
            let unit = after[b + digits.len()..].trim_start().chars().next();
            if !matches!(unit, Some('件' | '个' | '次' | '宗')) || digits == *want {
                continue;
            }
            diags.push(warn(
                Code::AnnualHandNumber,
                file,
                Pos::of_offset(text, i + word.len() + b),
                tr!(
                    "正文写的是“{word}…{digits}”，而表格算出的是 {want}：改写为 {{{{{key}}}}}，让正文与表格一致",
                    "the text says `{word}…{digits}` but the table counts {want}: write {{{{{key}}}}} instead"
                ),
            ));
        }
    }
}
