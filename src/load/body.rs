//! What the later stages need to know about a notice's Markdown body, found in one pass:
//! its `##` headings (the catalog elements), links, tables (name lists), fill-in notes; and,
//! by [`plain_text`], the text a reader reads (for search).
//!
//! The plain text is not kept with the facts. It is about as large as the body itself and
//! only the search index reads it, at the very end of a build: holding it for every notice
//! from load to search cost 650 MB at 100k notices (`GONGKAI_TIMINGS=1`, issue 15), so the
//! index makes it a chunk of notices at a time and drops it.

use crate::diag::Pos;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The Markdown dialect of SPEC 3.2: CommonMark with GFM tables, footnotes, strikethrough.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

#[derive(Clone, Debug, Default)]
pub struct Heading {
    pub text: String,
    pub pos: Pos,
}

#[derive(Clone, Debug, Default)]
pub struct TableFacts {
    pub header: Vec<String>,
    /// Number of body rows. The cells themselves are not kept: the rules need the header,
    /// and a 10k county's name lists would otherwise hold millions of small strings.
    pub rows: usize,
    pub pos: Pos,
    /// The `##` heading the table stands under, if any.
    pub section: Option<String>,
}

/// A line that a clerk meant as a `##` heading but Markdown does not read as one: the rules
/// name the real mistake when a required element is then missing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookalike {
    /// `##初审`: no space after the `#`s, so it is a paragraph.
    NoSpace(u8),
    /// `**初审意见**` alone on a line: bold text, not a heading.
    Bold,
    /// `### 初审`: a heading, but not of level 2 (the number of `#`).
    Level(u8),
}

#[derive(Clone, Debug)]
pub struct NearHeading {
    pub text: String,
    pub pos: Pos,
    pub kind: Lookalike,
}

/// Text a template left to be replaced: `（在此填写审核程序。）`.
#[derive(Clone, Debug)]
pub struct Placeholder {
    pub text: String,
    pub pos: Pos,
}

#[derive(Clone, Debug, Default)]
pub struct BodyFacts {
    pub headings: Vec<Heading>,
    pub near_headings: Vec<NearHeading>,
    pub placeholders: Vec<Placeholder>,
    pub links: Vec<(String, Pos)>,
    pub tables: Vec<TableFacts>,
    pub has_html: bool,
}

/// Scan `body`, whose first line is line `first_line` of the file.
pub fn scan(body: &str, first_line: usize) -> BodyFacts {
    let lines = crate::util::text::LineIndex::new(body);
    let pos_at = |offset: usize| {
        let (line, col) = lines.line_col(offset);
        Pos::new(first_line + line - 1, col)
    };
    let mut f = BodyFacts::default();
    let mut heading: Option<(Heading, bool)> = None;
    let mut section: Option<String> = None;
    let mut table: Option<TableFacts> = None;
    let mut cell: Option<String> = None;
    let mut row: Vec<String> = Vec::new();
    // The paragraph being read: its start offset, and whether it is one bold span only.
    let mut para: Option<(usize, String)> = None;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        if let (Event::Text(t) | Event::Code(t), Some((_, p))) = (&event, para.as_mut()) {
            p.push_str(t);
        }
        match event {
            Event::Start(Tag::Paragraph) => para = Some((range.start, String::new())),
            Event::End(TagEnd::Paragraph) => {
                if let Some((start, text)) = para.take() {
                    paragraph(&mut f, &body[start..range.end], &text, pos_at(start));
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((
                    Heading {
                        text: String::new(),
                        pos: pos_at(range.start),
                    },
                    level == HeadingLevel::H2,
                ));
            }
            Event::End(TagEnd::Heading(level)) => {
                match heading.take() {
                    Some((h, true)) => {
                        section = Some(h.text.trim().to_string());
                        f.headings.push(Heading {
                            text: h.text.trim().to_string(),
                            pos: h.pos,
                        });
                    }
                    Some((h, false)) => f.near_headings.push(NearHeading {
                        text: h.text.trim().to_string(),
                        pos: h.pos,
                        kind: Lookalike::Level(level as u8),
                    }),
                    None => {}
                }
                placeholders(&mut f, &body[range.clone()], pos_at(range.start));
            }
            Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. }) => {
                f.links.push((dest_url.to_string(), pos_at(range.start)));
            }
            Event::Start(Tag::Table(_)) => {
                table = Some(TableFacts {
                    pos: pos_at(range.start),
                    section: section.clone(),
                    ..Default::default()
                });
            }
            Event::End(TagEnd::Table) => f.tables.extend(table.take()),
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                placeholders(&mut f, &body[range.clone()], pos_at(range.start));
                row.push(cell.take().unwrap_or_default().trim().to_string());
            }
            Event::End(TagEnd::TableHead) => {
                if let Some(t) = table.as_mut() {
                    t.header = std::mem::take(&mut row);
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Some(t) = table.as_mut() {
                    t.rows += 1;
                }
                row.clear();
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((h, _)) = heading.as_mut() {
                    h.text.push_str(&t);
                }
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => f.has_html = true,
            _ => {}
        }
    }
    f
}

/// The body as a reader reads it: the text of paragraphs, headings, list items and table rows
/// a line each, cells apart by a space, markup gone.
pub fn plain_text(body: &str) -> String {
    let mut text = String::with_capacity(body.len());
    // The text's length just after the space a soft line break wrote.
    let mut soft_at: Option<usize> = None;
    for event in Parser::new_ext(body, options()) {
        match event {
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableHead | TagEnd::TableRow | TagEnd::Item,
            ) => text.push('\n'),
            Event::End(TagEnd::TableCell) | Event::HardBreak => text.push(' '),
            Event::Text(t) | Event::Code(t) => {
                // A line break inside a paragraph between two Han characters (text pasted from
                // a PDF) is no word break to a reader: 最低生活\n保障 reads as 最低生活保障.
                if soft_at == Some(text.len())
                    && t.chars().next().is_some_and(is_han)
                    && text[..text.len() - 1].chars().next_back().is_some_and(is_han)
                {
                    text.pop();
                }
                text.push_str(&t);
            }
            Event::SoftBreak => {
                text.push(' ');
                soft_at = Some(text.len());
            }
            _ => {}
        }
    }
    text
}

/// What a paragraph (`raw` as written, `text` as read) may be besides text: a heading that
/// Markdown did not take for one, or a template's placeholder.
fn paragraph(f: &mut BodyFacts, raw: &str, text: &str, pos: Pos) {
    placeholders(f, raw, pos);
    let raw = raw.trim();
    let first = raw.lines().next().unwrap_or_default();
    let hashes = first.len() - first.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) {
        let rest = first[hashes..].trim();
        if !rest.is_empty() {
            f.near_headings.push(NearHeading {
                text: rest.to_string(),
                pos,
                kind: Lookalike::NoSpace(hashes as u8),
            });
        }
        return;
    }
    if raw.contains('\n') {
        return;
    }
    for mark in ["**", "__"] {
        if let Some(inner) = raw.strip_prefix(mark).and_then(|r| r.strip_suffix(mark)) {
            // One bold span, nothing around it (`**a** and **b**` is no heading).
            if !inner.contains(mark) && !inner.trim().is_empty() {
                f.near_headings.push(NearHeading {
                    text: text.trim().to_string(),
                    pos,
                    kind: Lookalike::Bold,
                });
            }
        }
    }
}

/// The words that open a template's fill-in text: `在此填写…`, `请在此…`, `此处填写…`, `请填写…`,
/// `请改为…`. An instruction verb must follow 在此/此处, so `（在此之前已享受…的除外）` is text.
const FILL_IN: [&str; 14] = [
    "在此填",
    "在此写",
    "在此粘贴",
    "在此输入",
    "在此补充",
    "在此注明",
    "在此列出",
    "请在此",
    "此处填",
    "此处写",
    "请填写",
    "请输入",
    "请改为",
    "待填写",
];

/// Every bracketed fill-in note in `raw`, with its byte offset: `（在此填写审核程序。）`,
/// `(在此…)`, `【请填写…】`, `[此处填写…]`. Whatever template wrote it (`gongkai new`, a
/// county's Word template pasted in), the clerk has not replaced it.
pub fn fill_in_notes(raw: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let b = raw.as_bytes();
    // Bytes, not `char_indices`: each opening bracket starts with `(`, `[`, 0xEF (`（`) or
    // 0xE3 (`【`), and decoding every character of every paragraph was 4% of a 100k `check`.
    for (i, &lead) in b.iter().enumerate() {
        let (c, close) = match lead {
            b'(' => ('(', ')'),
            b'[' => ('[', ']'),
            0xEF if b[i..].starts_with("（".as_bytes()) => ('（', '）'),
            0xE3 if b[i..].starts_with("【".as_bytes()) => ('【', '】'),
            _ => continue,
        };
        let inner = raw[i + c.len_utf8()..].trim_start_matches([' ', '　', '*', '_']);
        if !FILL_IN.iter().any(|w| inner.starts_with(w)) {
            continue;
        }
        let end = inner
            .find(close)
            .unwrap_or(inner.len())
            .min(inner.find('\n').unwrap_or(inner.len()));
        out.push((i, format!("{c}{}{close}", inner[..end].trim_end())));
    }
    out
}

/// The fill-in notes of `raw` (a paragraph, heading or table cell as written, starting at `pos`).
fn placeholders(f: &mut BodyFacts, raw: &str, pos: Pos) {
    let notes = fill_in_notes(raw);
    if notes.is_empty() {
        return;
    }
    let lines = crate::util::text::LineIndex::new(raw);
    for (i, text) in notes {
        let (line, col) = lines.line_col(i);
        let pos = if line == 1 {
            Pos::new(pos.line, pos.column + col - 1)
        } else {
            Pos::new(pos.line + line - 1, col)
        };
        f.placeholders.push(Placeholder { text, pos });
    }
}

/// Han characters, the ones a soft line break may split (same ranges as the search tokenizer).
fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x323AF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soft_line_breaks_between_han_characters_join() {
        let t = plain_text("本期最低生活\n保障对象12户，\n共30人。\n\n第二段 end\nnext");
        assert!(t.contains("最低生活保障对象12户，"), "{t}");
        assert!(
            t.contains("， 共30人"),
            "after punctuation the break stays a space: {t}"
        );
        assert!(t.contains("end next"), "{t}");
        let t = plain_text("低保  \n对象");
        assert!(t.contains("低保 "), "a hard break stays a break: {t}");
    }

    #[test]
    fn finds_headings_tables_and_links() {
        let body = "前言。\n\n## 办理条件\n\n见[附件](附件.pdf)。\n\n## 审核对象名单\n\n| 序号 | 户主姓名 |\n| --- | --- |\n| 1 | 王某 |\n";
        let f = scan(body, 5);
        assert_eq!(f.headings.len(), 2);
        assert_eq!(f.headings[0].text, "办理条件");
        assert_eq!(f.headings[0].pos.line, 7);
        assert_eq!(f.links, vec![("附件.pdf".to_string(), Pos::new(9, 2))]);
        assert_eq!(f.tables[0].header, vec!["序号", "户主姓名"]);
        assert_eq!(f.tables[0].rows, 1);
        assert_eq!(f.tables[0].section.as_deref(), Some("审核对象名单"));
        assert_eq!(
            plain_text(body),
            "前言。\n办理条件\n见附件。\n审核对象名单\n序号 户主姓名 \n1 王某 \n",
            "a line per paragraph, heading and row; cells apart"
        );
    }

    #[test]
    fn fill_in_notes_in_every_bracket() {
        let raw = "甲(在此填写名称)乙[此处填写日期]丙（请填写金额）丁【待填写】戊（在此之前）(请输入\n下一行";
        let notes: Vec<(usize, String)> = fill_in_notes(raw);
        let texts: Vec<&str> = notes.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "(在此填写名称)",
                "[此处填写日期]",
                "（请填写金额）",
                "【待填写】",
                "(请输入)"
            ]
        );
        for (i, t) in &notes {
            assert!(raw[*i..].starts_with(&t[..t.len() - t.chars().last().unwrap().len_utf8()]));
        }
    }

    #[test]
    fn fill_in_notes_and_heading_lookalikes() {
        let body = "（在此写公告导语。）\n\n##初审\n\n**审核程序**\n\n### 公示时间\n\n**加粗**的一句话。\n\n| a | b |\n| --- | --- |\n| 1 | 【请填写金额】 |\n\n（在此之前已享受的除外）\n";
        let f = scan(body, 10);
        let notes: Vec<(&str, usize, usize)> = f
            .placeholders
            .iter()
            .map(|p| (p.text.as_str(), p.pos.line, p.pos.column))
            .collect();
        assert_eq!(notes, [("（在此写公告导语。）", 10, 1), ("【请填写金额】", 22, 7)]);
        let near: Vec<(&str, &Lookalike, usize)> = f
            .near_headings
            .iter()
            .map(|h| (h.text.as_str(), &h.kind, h.pos.line))
            .collect();
        assert_eq!(
            near,
            [
                ("初审", &Lookalike::NoSpace(2), 12),
                ("审核程序", &Lookalike::Bold, 14),
                ("公示时间", &Lookalike::Level(3), 16)
            ]
        );
        assert!(f.headings.is_empty());
    }
}
