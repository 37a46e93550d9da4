//! What the later stages need to know about a notice's Markdown body, found in one pass:
//! its `##` headings (the catalog elements), links, tables (name lists), and plain text
//! (for search and for the summary).

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

#[derive(Clone, Debug, Default)]
pub struct BodyFacts {
    pub headings: Vec<Heading>,
    pub links: Vec<(String, Pos)>,
    pub tables: Vec<TableFacts>,
    pub text: String,
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
    // The text's length just after the space a soft line break wrote.
    let mut soft_at: Option<usize> = None;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((
                    Heading {
                        text: String::new(),
                        pos: pos_at(range.start),
                    },
                    level == HeadingLevel::H2,
                ));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((h, true)) = heading.take() {
                    section = Some(h.text.trim().to_string());
                    f.headings.push(Heading {
                        text: h.text.trim().to_string(),
                        pos: h.pos,
                    });
                }
                f.text.push('\n');
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
                row.push(cell.take().unwrap_or_default().trim().to_string());
                f.text.push(' ');
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
                f.text.push('\n');
            }
            Event::Text(t) | Event::Code(t) => {
                // A line break inside a paragraph between two Han characters (text pasted from
                // a PDF) is no word break to a reader: 最低生活\n保障 reads as 最低生活保障.
                if soft_at == Some(f.text.len())
                    && t.chars().next().is_some_and(is_han)
                    && f.text[..f.text.len() - 1].chars().next_back().is_some_and(is_han)
                {
                    f.text.pop();
                }
                if let Some((h, _)) = heading.as_mut() {
                    h.text.push_str(&t);
                }
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
                f.text.push_str(&t);
            }
            Event::Html(_) | Event::InlineHtml(_) => f.has_html = true,
            Event::SoftBreak => {
                f.text.push(' ');
                soft_at = Some(f.text.len());
            }
            Event::HardBreak => f.text.push(' '),
            Event::End(TagEnd::Paragraph) | Event::End(TagEnd::Item) => f.text.push('\n'),
            _ => {}
        }
    }
    // Kept for the whole build (search, checks): give back what growing the string reserved.
    f.text.shrink_to_fit();
    f
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
        let f = scan("本期最低生活\n保障对象12户，\n共30人。\n\n第二段 end\nnext", 1);
        assert!(f.text.contains("最低生活保障对象12户，"), "{}", f.text);
        assert!(
            f.text.contains("， 共30人"),
            "after punctuation the break stays a space: {}",
            f.text
        );
        assert!(f.text.contains("end next"), "{}", f.text);
        let f = scan("低保  \n对象", 1);
        assert!(f.text.contains("低保 "), "a hard break stays a break: {}", f.text);
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
        assert!(f.text.contains("王某"));
    }
}
