//! A guide's body as structure: its `##` sections (the elements of a guide) with their
//! paragraphs, lists and tables, 申请材料 as a real table (rows and cells), for the printed
//! book and for the guide rules alike; and the eleven elements every guide carries, with the
//! other names real guides give them ([`Element`], [`covers`]), for the rules and for
//! `gongkai new`.

use crate::diag::Pos;
use crate::util::text::heading_key;
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
    /// 1–3 for `#`–`###`; 0 for the text before the first heading.
    pub level: u8,
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
    sections_to(body, first_line, HeadingLevel::H2)
}

/// As [`sections`], with headings down to `deepest` starting sections (the rules read `###`
/// too: clerks put an element under a `## 办事指南` heading); deeper ones stay paragraphs.
pub fn sections_to(body: &str, first_line: usize, deepest: HeadingLevel) -> Vec<Section> {
    let lines = crate::util::text::LineIndex::new(body);
    let pos_at = |offset: usize| {
        let (line, col) = lines.line_col(offset);
        Pos::new(first_line + line - 1, col)
    };
    let mut out = vec![Section {
        title: String::new(),
        level: 0,
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
            Event::Start(Tag::Heading { level, .. }) if level <= deepest => {
                in_heading = true;
                text.clear();
                out.push(Section {
                    title: String::new(),
                    level: level as u8,
                    pos: pos_at(range.start),
                    blocks: Vec::new(),
                });
            }
            Event::End(TagEnd::Heading(level)) if level <= deepest => {
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

/// The elements every guide must state (the provincial guide standards, DB33/T 2036,
/// DB31/T 544, agree on these eleven), in the order a guide gives them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Element {
    Name,
    Basis,
    Conditions,
    Materials,
    Steps,
    TimeLimit,
    Fee,
    Place,
    Hours,
    Enquiry,
    Complaint,
}

impl Element {
    pub const ALL: [Element; 11] = [
        Element::Name,
        Element::Basis,
        Element::Conditions,
        Element::Materials,
        Element::Steps,
        Element::TimeLimit,
        Element::Fee,
        Element::Place,
        Element::Hours,
        Element::Enquiry,
        Element::Complaint,
    ];

    /// The heading the standards use, and the one `gongkai new` writes.
    pub fn zh(self) -> &'static str {
        match self {
            Element::Name => "事项名称",
            Element::Basis => "设定依据",
            Element::Conditions => "申请条件",
            Element::Materials => "申请材料",
            Element::Steps => "办理流程",
            Element::TimeLimit => "办理时限",
            Element::Fee => "收费标准",
            Element::Place => "办理地点",
            Element::Hours => "办理时间",
            Element::Enquiry => "咨询电话",
            Element::Complaint => "监督投诉电话",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Element::Name => "item name",
            Element::Basis => "legal basis",
            Element::Conditions => "conditions",
            Element::Materials => "materials",
            Element::Steps => "steps",
            Element::TimeLimit => "time limit",
            Element::Fee => "fee",
            Element::Place => "place",
            Element::Hours => "opening hours",
            Element::Enquiry => "enquiry phone",
            Element::Complaint => "complaints phone",
        }
    }

    /// Other headings real guides give the element, matched as [`heading_key`] does
    /// (numbering and punctuation aside).
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Element::Name => &["办理事项", "事项", "服务事项", "事项名称及编码", "项目名称"],
            Element::Basis => &[
                "办理依据",
                "政策依据",
                "依据",
                "法律依据",
                "设定依据及实施依据",
                "服务依据",
            ],
            Element::Conditions => &["办理条件", "受理条件", "申请对象及条件", "申请条件及对象", "申请对象"],
            Element::Materials => &["所需材料", "申报材料", "办理材料", "申请材料清单", "提交材料"],
            Element::Steps => &["办事流程", "办理程序", "办理步骤", "办理基本流程"],
            Element::TimeLimit => &["承诺时限", "办结时限", "时限", "法定时限", "承诺办结时限"],
            Element::Fee => &["收费", "收费标准及依据", "是否收费", "收费依据及标准", "收费情况"],
            Element::Place => &["地点", "受理地点", "办公地址", "办理地址"],
            Element::Hours => &["时间", "受理时间", "办公时间", "办事时间"],
            Element::Enquiry => &["咨询方式", "联系电话", "咨询途径", "咨询查询途径"],
            Element::Complaint => &[
                "投诉电话",
                "监督电话",
                "监督投诉方式",
                "监督投诉渠道",
                "监督和投诉渠道",
                "投诉渠道",
            ],
        }
    }

    /// What to write under the heading (read after 写 / "write"), for the fixes.
    pub fn what(self) -> (&'static str, &'static str) {
        match self {
            Element::Name => ("办理事项的正式名称", "the item's official name"),
            Element::Basis => (
                "法律法规的名称和文号，例如《社会救助暂行办法》（国务院令第649号）",
                "the laws with their numbers, e.g. 《社会救助暂行办法》（国务院令第649号）",
            ),
            Element::Conditions => ("谁可以申请、要符合哪些条件", "who may apply and on what conditions"),
            Element::Materials => (
                "要带的材料，可写成表格 | 材料名称 | 原件/复印件 | 份数 | 备注 |",
                "what to bring, as a table | 材料名称 | 原件/复印件 | 份数 | 备注 |",
            ),
            Element::Steps => (
                "按顺序编号的步骤：1. 申请 2. 受理 3. 审核……",
                "numbered steps: 1. 申请 2. 受理 …",
            ),
            Element::TimeLimit => (
                "“即办”或“自受理之日起 N 个工作日办结”",
                "即办, or 自受理之日起 N 个工作日办结",
            ),
            Element::Fee => (
                "“不收费”，收费的写金额和依据",
                "不收费 when free, else the amount and its basis",
            ),
            Element::Place => ("窗口的详细地址", "the counter's full address"),
            Element::Hours => (
                "哪几天、几点到几点，例如 周一至周五 8:30—12:00、14:30—17:30，法定节假日除外",
                "the days and hours, e.g. 周一至周五 8:30—12:00、14:30—17:30，法定节假日除外",
            ),
            Element::Enquiry => ("区号-号码，例如 0556-1234567", "area code - number, e.g. 0556-1234567"),
            Element::Complaint => (
                "区号-号码，也可以在信息头写 监督电话",
                "area code - number, or 监督电话 in the front matter",
            ),
        }
    }

    pub fn is_phone(self) -> bool {
        matches!(self, Element::Enquiry | Element::Complaint)
    }
}

/// One element a heading stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cover {
    pub element: Element,
    /// The heading may stand for several phones (`## 联系方式`, `## 咨询及投诉`): its text
    /// names this one (`咨询电话：…`), or names no phone at all and [`Cover::unlabelled`] holds.
    pub named_in_text: bool,
    /// With [`Cover::named_in_text`]: a text that labels none of its numbers still gives this
    /// phone. A 联系方式 that just gives a number is where to ask, not where to complain: the
    /// complaints phone is another office's, and the reader must be told which one it is.
    pub unlabelled: bool,
}

/// Headings that stand for both 办理时间 and 办理地点.
const TIME_AND_PLACE: &[&str] = &[
    "办理时间地点",
    "办理地点和时间",
    "办理时间和地点",
    "办理地点及时间",
    "办理时间及地点",
    "办公地址和时间",
    "时间地点",
    "地点时间",
];

/// Headings that stand for the phones, which their text must tell apart.
const CONTACTS: &[&str] = &[
    "联系方式",
    "咨询及投诉",
    "咨询和投诉",
    "咨询投诉",
    "咨询及投诉电话",
    "联系方式及投诉",
];

/// The elements a heading (or a front-matter key) stands for: first its exact name among
/// the standard names and [`Element::aliases`]; failing that, by the word that decides it
/// (`各项老年人补贴依据` is a basis, `补贴申请材料清单及格式` the materials, `审批时限` the
/// time limit), since catalog rows name a guide's parts in their own words.
pub fn covers(title: &str) -> Vec<Cover> {
    let key = heading_key(title);
    let plain = |e: Element| Cover {
        element: e,
        named_in_text: false,
        unlabelled: false,
    };
    // A heading naming complaints (`咨询及投诉`) gives that phone when its text labels none;
    // one naming neither (`联系方式`) gives only the enquiry phone.
    let phones = || {
        let complaint = key.contains("投诉") || key.contains("监督");
        [
            Cover {
                element: Element::Enquiry,
                named_in_text: true,
                unlabelled: true,
            },
            Cover {
                element: Element::Complaint,
                named_in_text: true,
                unlabelled: complaint,
            },
        ]
    };
    if key.is_empty() {
        return Vec::new();
    }
    for e in Element::ALL {
        if heading_key(e.zh()) == key || e.aliases().iter().any(|a| heading_key(a) == key) {
            return vec![plain(e)];
        }
    }
    if TIME_AND_PLACE.iter().any(|a| heading_key(a) == key) {
        return vec![plain(Element::Place), plain(Element::Hours)];
    }
    if CONTACTS.iter().any(|a| heading_key(a) == key) {
        return phones().to_vec();
    }
    // By the deciding word, most specific first: 收费依据 is the fee, not the basis.
    let has = |w: &str| key.contains(w);
    for (words, e) in [
        (&["收费"][..], Element::Fee),
        (&["材料"][..], Element::Materials),
        (&["时限"][..], Element::TimeLimit),
        (&["流程", "程序", "步骤"][..], Element::Steps),
        (&["条件"][..], Element::Conditions),
        (&["依据"][..], Element::Basis),
        (&["名称"][..], Element::Name),
    ] {
        if words.iter().any(|w| has(w)) {
            return vec![plain(e)];
        }
    }
    if key.ends_with("对象") {
        return vec![plain(Element::Conditions)];
    }
    let mut out = Vec::new();
    if has("地点") || has("地址") {
        out.push(plain(Element::Place));
    }
    if has("时间") {
        out.push(plain(Element::Hours));
    }
    let (enquiry, complaint) = (has("咨询"), has("投诉") || has("监督"));
    match (enquiry, complaint) {
        (true, false) => out.push(plain(Element::Enquiry)),
        (false, true) => out.push(plain(Element::Complaint)),
        (true, true) => out.extend(phones()),
        (false, false) if has("联系") => out.extend(phones()),
        (false, false) => {}
    }
    out
}

/// Whether `text`, under a heading that stands for `c` ([`covers`]), gives that phone:
/// `咨询电话：…`, `监督投诉电话：…`, or no label at all where [`Cover::unlabelled`].
pub fn gives_phone(text: &str, c: &Cover) -> bool {
    let enquiry = text.contains("咨询");
    let complaint = text.contains("投诉") || text.contains("监督");
    match c.element {
        Element::Enquiry => enquiry || c.unlabelled && !complaint,
        Element::Complaint => complaint || c.unlabelled && !enquiry,
        _ => false,
    }
}

/// Whether an introduction cites the guide's basis: it says 根据/依据/按照 and names a
/// document in 《》. A 文号 alone (`示政〔2025〕97号`) does not tell a citizen what law it is.
pub fn intro_cites_basis(text: &str) -> bool {
    let cites = text
        .split('《')
        .skip(1)
        .any(|rest| rest.find('》').is_some_and(|end| end > 0));
    cites && ["根据", "依据", "按照", "依照"].iter().any(|w| text.contains(w))
}

/// The headings `gongkai new` writes for a guide item whose catalog row requires
/// `required` (in its order): the catalog's own names, since the catalog rules ask for them,
/// and each of the eleven elements none of them stands for, placed after the last heading
/// that stands for an element before it.
pub fn template_headings(required: &[String]) -> Vec<String> {
    let mut out: Vec<(String, Vec<Element>)> = required
        .iter()
        .map(|name| (name.clone(), covers(name).iter().map(|c| c.element).collect()))
        .collect();
    for e in Element::ALL {
        if out.iter().any(|(_, es)| es.contains(&e)) {
            continue;
        }
        let at = out
            .iter()
            .rposition(|(_, es)| es.iter().any(|x| *x < e))
            .map_or(0, |i| i + 1);
        out.insert(at, (e.zh().to_string(), vec![e]));
    }
    out.into_iter().map(|(name, _)| name).collect()
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

    #[test]
    fn headings_and_their_elements() {
        let one = |t: &str| covers(t).iter().map(|c| c.element).collect::<Vec<_>>();
        assert_eq!(one("办理事项"), vec![Element::Name]);
        assert_eq!(one("一、设定依据"), vec![Element::Basis]);
        assert_eq!(one("收费依据及标准"), vec![Element::Fee]);
        assert_eq!(one("各项老年人补贴依据"), vec![Element::Basis]);
        assert_eq!(one("补贴申请材料清单及格式"), vec![Element::Materials]);
        assert_eq!(one("办理时间、地点"), vec![Element::Place, Element::Hours]);
        assert_eq!(one("办理机构及地点"), vec![Element::Place]);
        assert_eq!(one("（三）承诺时限"), vec![Element::TimeLimit]);
        assert_eq!(one("咨询查询途径"), vec![Element::Enquiry]);
        assert_eq!(one("监督投诉渠道"), vec![Element::Complaint]);
        assert!(one("最低生活保障标准").is_empty());
        assert!(one("事项简述").is_empty());
        assert!(one("结果送达").is_empty());
        let c = covers("联系方式");
        assert_eq!(c.len(), 2);
        assert!(c.iter().all(|c| c.named_in_text && c.element.is_phone()));
        assert!(covers("咨询电话").iter().all(|c| !c.named_in_text));
        // A bare number under 联系方式 is where to ask; complaints must be named.
        assert!(gives_phone("0556-1234567", &c[0]));
        assert!(!gives_phone("0556-1234567", &c[1]));
        assert!(gives_phone("咨询电话：0556-1234567\n投诉电话：0556-1234568", &c[1]));
        assert!(!gives_phone("监督电话：0556-1234568", &c[0]));
        let both = covers("咨询及投诉");
        assert!(both.iter().all(|c| gives_phone("0556-1234567", c)));
    }

    #[test]
    fn only_a_cited_law_is_a_basis() {
        assert!(intro_cites_basis("根据《社会救助暂行办法》，现将……公布如下。"));
        assert!(!intro_cites_basis("本指南根据示政〔2025〕97号修订。"));
        assert!(!intro_cites_basis("《惠民一本通》收录本指南。"));
    }

    #[test]
    fn template_keeps_catalog_names_and_adds_the_rest() {
        let cat: Vec<String> = [
            "办理事项",
            "办理条件",
            "最低生活保障标准",
            "申请材料",
            "办理流程",
            "办理时间、地点",
            "联系方式",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(
            template_headings(&cat),
            vec![
                "办理事项",
                "设定依据",
                "办理条件",
                "最低生活保障标准",
                "申请材料",
                "办理流程",
                "办理时限",
                "收费标准",
                "办理时间、地点",
                "联系方式"
            ]
        );
        let none = template_headings(&[]);
        assert_eq!(none, Element::ALL.iter().map(|e| e.zh()).collect::<Vec<_>>());
    }

    #[test]
    fn level_three_headings_start_sections_when_asked() {
        let body = "## 办事指南\n\n### 收费标准\n\n不收费\n";
        assert_eq!(sections(body, 1).len(), 1);
        let s = sections_to(body, 1, HeadingLevel::H3);
        assert_eq!(s[1].title, "收费标准");
        assert_eq!(s[1].level, 3);
        assert_eq!(s[1].pos.line, 3);
    }
}
