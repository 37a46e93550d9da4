//! A guide's body as structure: its `##` sections (the elements of a guide) with their
//! paragraphs, lists and tables, 申请材料 as a real table (rows and cells), for the printed
//! book and for the guide rules alike.

use crate::diag::Pos;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Para(String),
    List {
        ordered: bool,
        items: Vec<String>,
    },
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

#[derive(Clone, Debug)]
pub struct Section {
    pub title: String,
    pub pos: Pos,
    pub blocks: Vec<Block>,
}

impl Section {
    /// The section's text, blocks joined by line breaks.
    pub fn text(&self) -> String {
        let mut out = Vec::new();
        for b in &self.blocks {
            match b {
                Block::Para(t) => out.push(t.clone()),
                Block::List { items, .. } => out.extend(items.iter().cloned()),
                Block::Table { header, rows } => {
                    out.push(header.join(" "));
                    out.extend(rows.iter().map(|r| r.join(" ")));
                }
            }
        }
        out.join("\n")
    }
}

/// The sections of `body` (whose first line is `first_line` of its file); text before the
/// first `##` goes to a section with an empty title.
pub fn sections(body: &str, first_line: usize) -> Vec<Section> {
    let lines = crate::util::text::LineIndex::new(body);
    let pos_at = |offset: usize| {
        let (line, col) = lines.line_col(offset);
        Pos::new(first_line + line - 1, col)
    };
    let mut out = vec![Section {
        title: String::new(),
        pos: Pos::new(first_line, 1),
        blocks: Vec::new(),
    }];
    let mut text = String::new();
    let mut in_heading = false;
    let mut list: Option<(bool, Vec<String>)> = None;
    let mut in_item = false;
    let mut table: Option<(Vec<String>, Vec<Vec<String>>)> = None;
    let mut row: Vec<String> = Vec::new();
    for (event, range) in Parser::new_ext(body, crate::load::body::options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) if level <= HeadingLevel::H2 => {
                in_heading = true;
                text.clear();
                out.push(Section {
                    title: String::new(),
                    pos: pos_at(range.start),
                    blocks: Vec::new(),
                });
            }
            Event::End(TagEnd::Heading(level)) if level <= HeadingLevel::H2 => {
                in_heading = false;
                if let Some(s) = out.last_mut() {
                    s.title = std::mem::take(&mut text).trim().to_string();
                }
            }
            Event::Start(Tag::Heading { .. }) | Event::Start(Tag::Paragraph) if list.is_none() && table.is_none() => {
                text.clear();
            }
            Event::End(TagEnd::Heading(_)) | Event::End(TagEnd::Paragraph) if list.is_none() && table.is_none() => {
                let t = std::mem::take(&mut text).trim().to_string();
                if !t.is_empty()
                    && let Some(s) = out.last_mut()
                {
                    s.blocks.push(Block::Para(t));
                }
            }
            Event::Start(Tag::List(first)) => list = Some((first.is_some(), Vec::new())),
            Event::End(TagEnd::List(_)) => {
                if let (Some((ordered, items)), Some(s)) = (list.take(), out.last_mut()) {
                    s.blocks.push(Block::List { ordered, items });
                }
            }
            Event::Start(Tag::Item) => {
                in_item = true;
                text.clear();
            }
            Event::End(TagEnd::Item) => {
                in_item = false;
                if let Some((_, items)) = list.as_mut() {
                    items.push(std::mem::take(&mut text).trim().to_string());
                }
            }
            Event::Start(Tag::Table(_)) => table = Some((Vec::new(), Vec::new())),
            Event::End(TagEnd::Table) => {
                if let (Some((header, rows)), Some(s)) = (table.take(), out.last_mut()) {
                    s.blocks.push(Block::Table { header, rows });
                }
            }
            Event::Start(Tag::TableCell) => text.clear(),
            Event::End(TagEnd::TableCell) => row.push(std::mem::take(&mut text).trim().to_string()),
            Event::End(TagEnd::TableHead) => {
                if let Some((header, _)) = table.as_mut() {
                    *header = std::mem::take(&mut row);
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Some((_, rows)) = table.as_mut() {
                    rows.push(std::mem::take(&mut row));
                }
            }
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak if in_item || in_heading => text.push(' '),
            Event::SoftBreak => {}
            Event::HardBreak => text.push('\n'),
            _ => {}
        }
    }
    out.retain(|s| !s.title.is_empty() || !s.blocks.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn materials_stay_a_table() {
        let body = "## 申请材料\n\n| 材料名称 | 原件/复印件 | 份数 |\n|---|---|---|\n| 居民身份证 | 原件 | 1 |\n| 户口簿 | 复印件 | 1 |\n\n## 办理流程\n\n1. 申请\n2. 审核\n";
        let s = sections(body, 5);
        assert_eq!(s[0].title, "申请材料");
        assert_eq!(s[0].pos.line, 5);
        assert_eq!(
            s[0].blocks[0],
            Block::Table {
                header: vec!["材料名称".into(), "原件/复印件".into(), "份数".into()],
                rows: vec![
                    vec!["居民身份证".into(), "原件".into(), "1".into()],
                    vec!["户口簿".into(), "复印件".into(), "1".into()]
                ]
            }
        );
        assert_eq!(
            s[1].blocks[0],
            Block::List {
                ordered: true,
                items: vec!["申请".into(), "审核".into()]
            }
        );
    }
}
