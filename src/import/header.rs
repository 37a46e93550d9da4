//! Finding the header of a catalog table by its words, not its position.
//!
//! County tables start with a title row or two (太湖县社会救助领域基层政务公开标准目录, a date, a
//! unit), then one or two header rows: 公开事项 over 一级事项 / 二级事项, 公开渠道和载体 over its
//! channels, 公开对象 over 全社会 / 特定群体, and so on, merged. The header is the first row that
//! names at least four of the table's columns; the row under it is a second header row when a
//! group header (渠道, 对象, 方式, 层级, 事项) spans more than one column.

use super::marks;
use super::sheet::Sheet;

/// What a column of a catalog table holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Role {
    Seq,
    Level1,
    Level2,
    Level3,
    Elements,
    Basis,
    TimeLimit,
    Publisher,
    /// A text column of channels (`政府网站、村公示栏`).
    Channels,
    /// One channel's tick column, with the channel's name.
    Channel(String),
    Audience,
    AudienceMark(String),
    Method,
    MethodMark(String),
    Levels,
    LevelMark(String),
}

/// Where the header is and what each column means.
#[derive(Clone, Debug)]
pub struct Header {
    /// 0-based index of the first data row.
    pub first_data_row: usize,
    /// 0-based index of the (first) header row.
    pub row: usize,
    /// `(column, role)`, in column order.
    pub columns: Vec<(usize, Role)>,
}

impl Header {
    pub fn column(&self, role: &Role) -> Option<usize> {
        self.columns.iter().find(|(_, r)| r == role).map(|(c, _)| *c)
    }
}

/// The group a top header names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Group {
    Seq,
    Item,
    Level1,
    Level2,
    Level3,
    Elements,
    Basis,
    TimeLimit,
    Publisher,
    Channels,
    Audience,
    Method,
    Levels,
}

fn group_of(header: &str) -> Option<Group> {
    let h = marks::letters(header);
    const WORDS: &[(Group, &[&str])] = &[
        (Group::Seq, &["序号"]),
        (Group::Level1, &["一级事项", "一级"]),
        (Group::Level2, &["二级事项", "二级"]),
        (Group::Level3, &["三级事项", "三级"]),
        (Group::Elements, &["公开内容", "要素"]),
        (Group::Basis, &["公开依据", "依据"]),
        (Group::TimeLimit, &["公开时限", "时限"]),
        (Group::Publisher, &["公开主体", "主体"]),
        (Group::Channels, &["公开渠道", "渠道", "载体"]),
        (Group::Audience, &["公开对象"]),
        (Group::Method, &["公开方式"]),
        (Group::Levels, &["公开层级", "层级"]),
        (Group::Item, &["公开事项", "事项"]),
    ];
    if h.is_empty() || h.chars().count() > 12 {
        return None;
    }
    WORDS
        .iter()
        .find(|(_, words)| words.iter().any(|w| h.contains(w)))
        .map(|(g, _)| *g)
}

/// The header of a catalog sheet, or `None` when no row in the first 30 names four columns.
pub fn find(sheet: &Sheet) -> Option<Header> {
    let width = sheet.width();
    let row = (0..sheet.rows.len().min(30)).find(|&r| {
        let mut groups: Vec<Group> = (0..width).filter_map(|c| group_of(sheet.cell(r, c))).collect();
        groups.sort_by_key(|g| *g as u8);
        groups.dedup();
        groups.len() >= 4
    })?;
    let top: Vec<Option<Group>> = (0..width).map(|c| group_of(sheet.cell(row, c))).collect();
    // A group header merged over several columns means the next row names the sub-columns.
    let spans = |g: Group| top.iter().filter(|t| **t == Some(g)).count() > 1;
    let two_rows = [
        Group::Item,
        Group::Channels,
        Group::Audience,
        Group::Method,
        Group::Levels,
    ]
    .into_iter()
    .any(spans);
    let mut columns = Vec::new();
    for (c, g) in top.iter().enumerate() {
        let Some(g) = *g else { continue };
        let sub = if two_rows { sheet.cell(row + 1, c) } else { "" };
        let sub_differs = !sub.is_empty() && marks::letters(sub) != marks::letters(sheet.cell(row, c));
        let role = match g {
            Group::Seq => Role::Seq,
            Group::Level1 => Role::Level1,
            Group::Level2 => Role::Level2,
            Group::Level3 => Role::Level3,
            Group::Item => match group_of(sub) {
                Some(Group::Level1) => Role::Level1,
                Some(Group::Level2) => Role::Level2,
                Some(Group::Level3) => Role::Level3,
                _ => continue,
            },
            Group::Elements => Role::Elements,
            Group::Basis => Role::Basis,
            Group::TimeLimit => Role::TimeLimit,
            Group::Publisher => Role::Publisher,
            Group::Channels if sub_differs => Role::Channel(marks::channel_name(sub)),
            Group::Channels => Role::Channels,
            Group::Audience if sub_differs => Role::AudienceMark(marks::letters(sub)),
            Group::Audience => Role::Audience,
            Group::Method if sub_differs => Role::MethodMark(marks::letters(sub)),
            Group::Method => Role::Method,
            Group::Levels if sub_differs => Role::LevelMark(marks::letters(sub)),
            Group::Levels => Role::Levels,
        };
        // A merged text column (公开依据 over two rows) is one column, not two.
        if !columns.iter().any(|(_, r)| *r == role) || matches!(role, Role::Channel(_)) {
            columns.push((c, role));
        }
    }
    Some(Header {
        first_data_row: row + if two_rows { 2 } else { 1 },
        row,
        columns,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::sheet::Cell;

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet {
            name: "s".into(),
            rows: rows.iter().map(|r| r.iter().map(|c| Cell::text(c)).collect()).collect(),
        }
    }

    #[test]
    fn two_header_rows_under_a_title() {
        let s = sheet(&[
            &["某县社会救助领域基层政务公开标准目录"; 8],
            &[
                "序号",
                "公开事项",
                "公开事项",
                "公开内容（要素）",
                "公开时限",
                "公开渠道和载体",
                "公开渠道和载体",
                "公开层级",
            ],
            &[
                "序号",
                "一级事项",
                "二级事项",
                "公开内容（要素）",
                "公开时限",
                "政府网站",
                "村公示栏(电子屏)",
                "公开层级",
            ],
            &["1", "最低生活保障", "审核信息", "名单", "公示7天", "■", "□", "乡级"],
        ]);
        let h = find(&s).unwrap();
        assert_eq!((h.row, h.first_data_row), (1, 3));
        assert_eq!(h.column(&Role::Level2), Some(2));
        assert_eq!(
            h.column(&Role::Channel("社区/企事业单位/村公示栏（电子屏）".into())),
            Some(6)
        );
        assert_eq!(h.column(&Role::Levels), Some(7));
    }
}
