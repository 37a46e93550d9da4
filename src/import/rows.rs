//! The data rows of a catalog table, read into catalog items.
//!
//! One item per 二级事项 (三级 where the table has one): rows that repeat the same path (a
//! merged 二级事项 over several 公开内容 rows) are one item. 一级事项 is filled down from the row
//! above when the cell is empty, which is what a CSV saved from merged cells looks like. A
//! row that cannot be read (no 二级事项, a mark that is no mark, a level that is no level) is a
//! diagnostic at its sheet, row and column and yields no item: never a half-filled one. Notes
//! under the table (注：…) and repeated header rows are skipped.

use super::header::{Header, Role};
use super::marks::{self, Mark};
use super::sheet::{Sheet, column_letter};
use crate::catalog::{Element, Item, Level};
use crate::diag::{Code, Diagnostic, Diagnostics, Pos, Text};
use crate::tr;

/// An item read from the table, without its id yet, and the rows it came from (1-based).
#[derive(Clone, Debug)]
pub struct RowItem {
    pub item: Item,
    pub first_row: usize,
    pub last_row: usize,
}

/// Where a table is, for messages: the file as shown to the clerk and the sheet.
pub struct Place<'a> {
    pub file: &'a str,
    pub sheet: &'a Sheet,
}

impl Place<'_> {
    /// A diagnostic at a cell (0-based row and column) that names sheet, row and column.
    pub fn at(&self, code: Code, row: usize, col: usize, what: &str, message: Text, hint: Text) -> Diagnostic {
        let (sheet, r, letter) = (&self.sheet.name, row + 1, column_letter(col));
        let (mz, me) = (message.zh, message.en);
        Diagnostic::error(
            code,
            self.file,
            Pos::new(r, col + 1),
            tr!(
                "工作表“{sheet}”第 {r} 行 {letter} 列（{what}）：{mz}",
                "sheet `{sheet}`, row {r}, column {letter} ({what}): {me}"
            ),
            hint,
        )
    }
}

pub fn read(place: &Place, header: &Header, diags: &mut Diagnostics) -> Vec<RowItem> {
    let sheet = place.sheet;
    let col = |role: &Role| header.column(role);
    let get = |r: usize, role: &Role| col(role).map_or("", |c| sheet.cell(r, c));
    let mut items: Vec<RowItem> = Vec::new();
    let mut last_l1 = String::new();
    for r in header.first_data_row..sheet.rows.len() {
        if is_note(sheet, r) || marks::letters(get(r, &Role::Level2)) == "二级事项" {
            continue;
        }
        let text_of = |role: &Role| get(r, role).trim().to_string();
        let (l2, l3) = (text_of(&Role::Level2), text_of(&Role::Level3));
        let has_content = [&l2, &l3].iter().any(|s| !s.is_empty())
            || [Role::Elements, Role::Basis, Role::TimeLimit, Role::Publisher]
                .iter()
                .any(|role| !get(r, role).is_empty());
        if !has_content {
            continue;
        }
        let mut l1 = text_of(&Role::Level1);
        if l1.is_empty() {
            l1 = last_l1.clone();
        }
        let before = diags.count(crate::diag::Severity::Error);
        if l1.is_empty() {
            let c = col(&Role::Level1).unwrap_or(0);
            diags.push(place.at(
                Code::TableRow,
                r,
                c,
                "一级事项",
                tr!("这一行没有一级事项，上面也没有可以沿用的", "no 一级事项 here or above"),
                tr!(
                    "填上一级事项（合并单元格也可以）。",
                    "Fill in the 一级事项 (a merged cell is fine)."
                ),
            ));
        }
        if l2.is_empty() {
            let c = col(&Role::Level2).unwrap_or(0);
            diags.push(place.at(
                Code::TableRow,
                r,
                c,
                "二级事项",
                tr!("这一行有内容，但没有二级事项", "the row has content but no 二级事项"),
                tr!(
                    "填上二级事项；如果这一行是上一事项的续行，把二级事项单元格与上一行合并。",
                    "Fill in the 二级事项, or merge the cell with the row above if the row continues it."
                ),
            ));
        }
        last_l1 = l1.clone();
        let Some(item) = item_of(place, header, r, l1, l2, l3, diags) else {
            continue;
        };
        if diags.count(crate::diag::Severity::Error) > before {
            continue;
        }
        match items.last_mut() {
            Some(prev) if prev.item.path() == item.path() && prev.last_row + 1 == r => {
                prev.last_row = r + 1;
                merge_into(&mut prev.item, item);
            }
            _ => items.push(RowItem {
                item,
                first_row: r + 1,
                last_row: r + 1,
            }),
        }
    }
    items
}

/// Rows under the table: 注：…, 说明：…, 填表人 … (a merged row repeats one text across).
fn is_note(sheet: &Sheet, r: usize) -> bool {
    let row = &sheet.rows[r];
    let mut texts: Vec<&str> = row.iter().map(|c| c.text.as_str()).filter(|t| !t.is_empty()).collect();
    texts.dedup();
    let first = texts.first().copied().unwrap_or("");
    texts.len() <= 2
        && ["注", "说明", "备注", "填表", "制表", "附：", "审核人", "联系人"]
            .iter()
            .any(|w| first.starts_with(w))
}

fn item_of(
    place: &Place,
    header: &Header,
    r: usize,
    level1: String,
    level2: String,
    level3: String,
    diags: &mut Diagnostics,
) -> Option<Item> {
    let sheet = place.sheet;
    let opt = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    let mut item = Item {
        id: String::new(),
        level1,
        level2,
        level3: opt(&level3),
        elements: Vec::new(),
        basis: None,
        time_limit: None,
        notice_period: None,
        publisher: None,
        channels: Vec::new(),
        audience: None,
        audience_note: None,
        method: None,
        levels: Vec::new(),
        personal_info: false,
        provenance: None,
        variant: None,
        periodic: None,
    };
    let mut ok = true;
    for (c, role) in &header.columns {
        let v = sheet.cell(r, *c);
        let mark = |what: &str, diags: &mut Diagnostics| match marks::parse_mark(v) {
            Some(m) => Some(m == Mark::Yes),
            None => {
                diags.push(place.at(
                    Code::TableRow,
                    r,
                    *c,
                    what,
                    tr!("“{v}”不是勾选符号", "`{v}` is not a tick mark"),
                    tr!(
                        "勾选的格子写 ■ 或 √，不勾选的留空或写 □。",
                        "Tick with ■ or √; leave unticked cells empty or □."
                    ),
                ));
                None
            }
        };
        match role {
            Role::Elements => item.elements = elements(v),
            Role::Basis => item.basis = opt(v),
            Role::Publisher => item.publisher = opt(v),
            Role::TimeLimit => {
                let p = super::limit::parse(v);
                item.time_limit = p.time_limit;
                item.notice_period = p.notice_period;
            }
            Role::Channels => {
                for part in v
                    .split(['、', '，', ',', '；', ';', '\n'])
                    .filter(|p| !p.trim().is_empty())
                {
                    push_new(&mut item.channels, marks::channel_name(part.trim()));
                }
            }
            Role::Channel(name) => match mark(name, diags) {
                Some(true) => push_new(&mut item.channels, name.clone()),
                Some(false) => {}
                None => ok = false,
            },
            Role::Audience => item.audience = opt(v),
            Role::AudienceMark(name) => match mark(name, diags) {
                Some(true) if item.audience.is_none() => item.audience = Some(name.clone()),
                Some(_) => {}
                None => ok = false,
            },
            Role::Method => item.method = opt(v),
            Role::MethodMark(name) => match mark(name, diags) {
                // 主动 wins where both are ticked: the annual report counts it as proactive.
                Some(true) if item.method.as_deref() != Some("主动") => item.method = Some(name.clone()),
                Some(_) => {}
                None => ok = false,
            },
            Role::LevelMark(name) => match (mark(name, diags), Level::parse(name)) {
                (Some(true), Some(l)) => push_new(&mut item.levels, l.zh().to_string()),
                (None, _) => ok = false,
                _ => {}
            },
            Role::Levels => match levels(v) {
                Some(ls) => item.levels = ls,
                None => {
                    diags.push(place.at(
                        Code::TableRow,
                        r,
                        *c,
                        "公开层级",
                        tr!("“{v}”不是公开层级", "`{v}` is not a level"),
                        tr!(
                            "写 县级、乡级 或 村级，多个用顿号分开。",
                            "Write 县级, 乡级 or 村级, separated by 、."
                        ),
                    ));
                    ok = false;
                }
            },
            Role::Seq | Role::Level1 | Role::Level2 | Role::Level3 => {}
        }
    }
    item.personal_info = item.elements.iter().any(|e| e.people);
    ok.then_some(item)
}

fn push_new(list: &mut Vec<String>, v: String) {
    if !list.contains(&v) {
        list.push(v);
    }
}

/// A levels cell: `县级、乡级`, `乡、村级`, `县级 乡级`; `None` when a part is no level.
fn levels(cell: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    if cell.trim().is_empty() {
        return Some(out);
    }
    if let Some(l) = Level::parse(cell) {
        // 乡、村级 names two levels in one.
        push_new(&mut out, l.zh().to_string());
        if cell.contains('村') && l == Level::Township {
            push_new(&mut out, Level::Village.zh().to_string());
        }
        return Some(out);
    }
    for part in cell
        .split(['、', '，', ',', '/', ' ', '\n'])
        .filter(|p| !p.trim().is_empty())
    {
        let p = part.trim();
        let l = Level::parse(p).or(match p {
            "县" | "区" => Some(Level::County),
            "乡" | "镇" => Some(Level::Township),
            "村" | "社区" => Some(Level::Village),
            _ => None,
        })?;
        push_new(&mut out, l.zh().to_string());
    }
    Some(out)
}

/// The 公开内容（要素）cell as elements: one per line, `；`, or enumeration; a one-line cell
/// is split at `、`. Titles of documents (《…》) and open lists (各地配套…) are not required; an
/// element that is a 名单 is a list of people.
fn elements(cell: &str) -> Vec<Element> {
    let mut parts: Vec<String> = cell
        .split(['\n', '；', ';', '。'])
        .map(strip_enumeration)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() == 1 && parts[0].contains('、') && !parts[0].starts_with('《') {
        parts = parts[0]
            .split('、')
            .map(strip_enumeration)
            .filter(|p| !p.is_empty())
            .collect();
    }
    parts
        .into_iter()
        .map(|name| Element {
            required: !(name.starts_with('《') || name.contains("配套") || name.starts_with("各地")),
            people: ["名单", "名册", "花名册"].iter().any(|w| name.contains(w)),
            columns: Vec::new(),
            time_limit: None,
            name,
        })
        .collect()
}

/// `1.办理事项`, `（2）办理条件`, `③联系方式` → the name alone.
fn strip_enumeration(s: &str) -> String {
    let t = s.trim();
    let t = t.trim_start_matches(|c: char| "①②③④⑤⑥⑦⑧⑨⑩".contains(c));
    let t = t.trim_start_matches(['(', '（']);
    let digits = t.trim_start_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
    let t = if digits.len() < t.len() {
        digits.trim_start_matches(['.', '、', '．', ')', '）', ' '])
    } else {
        t
    };
    t.trim().to_string()
}

fn merge_into(prev: &mut Item, next: Item) {
    for e in next.elements {
        if !prev.elements.iter().any(|p| p.name == e.name) {
            prev.elements.push(e);
        }
    }
    prev.personal_info |= next.personal_info;
    prev.basis = prev.basis.take().or(next.basis);
    prev.time_limit = prev.time_limit.take().or(next.time_limit);
    prev.notice_period = prev.notice_period.take().or(next.notice_period);
    prev.publisher = prev.publisher.take().or(next.publisher);
    prev.audience = prev.audience.take().or(next.audience);
    prev.method = prev.method.take().or(next.method);
    for c in next.channels {
        push_new(&mut prev.channels, c);
    }
    for l in next.levels {
        push_new(&mut prev.levels, l);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_split_and_flagged() {
        let e = elements("1.办理事项\n2.办理条件\n（3）低保对象名单");
        let names: Vec<&str> = e.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["办理事项", "办理条件", "低保对象名单"]);
        assert!(e[2].people && e[2].required);
        let e = elements("《社会救助暂行办法》；各地配套政策法规文件");
        assert!(e.iter().all(|e| !e.required));
        assert_eq!(elements("办理事项、办理条件").len(), 2);
    }

    #[test]
    fn level_cells() {
        assert_eq!(levels("县级、乡级"), Some(vec!["县级".to_string(), "乡级".into()]));
        assert_eq!(levels("乡、村级"), Some(vec!["乡级".to_string(), "村级".into()]));
        assert_eq!(levels("省级"), None);
    }
}
