//! Front matter: the YAML tree of a notice mapped onto the keys of SPEC 3.2.
//!
//! Keys are Chinese, with English aliases for engineers. Values keep their positions so that
//! later stages can point at them. Keys this module does not know are kept aside: they may be
//! element names of the catalog item (SPEC 3.2: an element may be given as a key), which only
//! the resolve stage can tell.

use super::yaml::{Node, pos_of};
use crate::diag::{Code, Diagnostic, Diagnostics, Pos, Text};
use crate::tr;
use serde_saphyr::Spanned;

/// A value and where it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct Field<T> {
    pub value: T,
    pub pos: Pos,
}

/// A notice period as written: one string, or a start and an end.
#[derive(Clone, Debug, PartialEq)]
pub enum PeriodRaw {
    Text(String),
    Range { start: Field<String>, end: Field<String> },
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct FrontMatter {
    /// `种类`: which kind of page this is (see [`super::Kind`]); absent for a catalog notice.
    pub kind: Option<Field<String>>,
    pub title: Option<Field<String>>,
    pub item: Option<Field<String>>,
    pub township: Option<Field<String>>,
    pub village: Option<Field<String>>,
    pub publisher: Option<Field<String>>,
    pub formed: Option<Field<String>>,
    pub published: Option<Field<String>>,
    pub notice_period: Option<Field<PeriodRaw>>,
    pub contact: Option<Field<String>>,
    pub attachments: Vec<Field<String>>,
    pub data: Option<Field<String>>,
    pub privacy_exemption: Option<Field<String>>,
    pub keywords: Vec<Field<String>>,
    /// `张贴村`: the villages whose boards carry a township notice (`crate::board`).
    pub boards: Vec<Field<String>>,
    /// Keys not in the table above, with a text form of their value.
    pub other: Vec<(Field<String>, Field<String>)>,
    /// Every known key written, canonical, even where its value was unusable: a key that is
    /// there with a bad value has been reported already and is not also "missing".
    pub present: Vec<&'static str>,
    /// The YAML could not be read at all (reported); nothing can be said about missing keys.
    pub broken: bool,
}

/// (canonical Chinese key, English alias).
pub const KEYS: &[(&str, &str)] = &[
    ("种类", "kind"),
    ("标题", "title"),
    ("事项", "item"),
    ("乡镇", "township"),
    ("村", "village"),
    ("发布主体", "publisher"),
    ("形成日期", "formed"),
    ("发布日期", "published"),
    ("公示期", "notice_period"),
    ("监督电话", "contact"),
    ("附件", "attachments"),
    ("数据", "data"),
    ("隐私豁免", "privacy_exemption"),
    ("关键词", "keywords"),
    ("张贴村", "boards"),
];

/// The keys an `_index.md` may give to the notices below it.
pub const CASCADING: &[&str] = &["乡镇", "村", "事项", "发布主体", "监督电话"];

/// Whether `key` is one of the keys of SPEC 3.2 (Chinese or alias).
pub fn is_known_key(key: &str) -> bool {
    canonical(key).is_some()
}

fn canonical(key: &str) -> Option<&'static str> {
    let k = key.trim();
    KEYS.iter()
        .find(|(zh, en)| *zh == k || en.eq_ignore_ascii_case(k))
        .map(|(zh, _)| *zh)
        .or(match k {
            "社区" | "村（社区）" | "村(社区)" => Some("村"),
            _ => None,
        })
}

/// Read the tree `root` (YAML positions shifted by `first_line`).
pub fn read(root: &Spanned<Node>, first_line: usize, file: &str, src: &str, diags: &mut Diagnostics) -> FrontMatter {
    let mut fm = FrontMatter::default();
    let entries = match &root.value {
        Node::Map(e) => e,
        Node::Null => return fm,
        other => {
            diags.push(
                Diagnostic::error(
                    Code::YamlSyntax,
                    file,
                    pos_of(root, first_line),
                    crate::diag::Text::new(
                        format!("信息头应当是“键: 值”的列表，而不是{}", other.kind_zh()),
                        format!("the front matter must be `key: value` lines, not a {}", other.kind_en()),
                    ),
                    Code::YamlSyntax.fix(),
                )
                .with_source(src),
            );
            return fm;
        }
    };
    let mut r = Reader {
        first_line,
        file,
        src,
        diags,
    };
    let mut seen: Vec<(&'static str, Pos)> = Vec::new();
    for (k, v) in entries {
        let key_pos = pos_of(k, first_line);
        let key = match &k.value {
            Node::Str(s) => s.clone(),
            other => scalar_text(other),
        };
        let canon = canonical(&key);
        if let Some(c) = canon {
            if let Some((_, first)) = seen.iter().find(|(s, _)| *s == c) {
                let first = first.line;
                r.push(
                    Code::DuplicateKey,
                    key_pos,
                    tr!(
                        "“{c}”写了两次（第 {first} 行和第 {} 行），只能保留一个",
                        "`{c}` is given twice (lines {first} and {}); keep one",
                        key_pos.line
                    ),
                    tr!(
                        "删除其中一行；两个值都要保留时，写成一个列表或合并成一段文字。",
                        "Delete one of the lines; to keep both values, make them one list or one text."
                    ),
                );
                continue;
            }
            seen.push((c, key_pos));
            fm.present.push(c);
        }
        match canon {
            Some("种类") => fm.kind = r.text(v, "种类"),
            Some("标题") => fm.title = r.text(v, "标题"),
            Some("事项") => fm.item = r.text(v, "事项"),
            Some("乡镇") => fm.township = r.text(v, "乡镇"),
            Some("村") => fm.village = r.text(v, "村"),
            Some("发布主体") => fm.publisher = r.text(v, "发布主体"),
            Some("形成日期") => fm.formed = r.text(v, "形成日期"),
            Some("发布日期") => fm.published = r.text(v, "发布日期"),
            Some("监督电话") => fm.contact = r.text(v, "监督电话"),
            Some("数据") => fm.data = r.text(v, "数据"),
            Some("隐私豁免") => fm.privacy_exemption = r.text(v, "隐私豁免"),
            Some("附件") => fm.attachments = r.list(v, "附件"),
            Some("关键词") => fm.keywords = r.list(v, "关键词"),
            Some("张贴村") => fm.boards = r.list(v, "张贴村"),
            Some("公示期") => fm.notice_period = r.period(v),
            _ => fm.other.push((
                Field {
                    value: key,
                    pos: key_pos,
                },
                Field {
                    value: scalar_text(&v.value),
                    pos: pos_of(v, first_line),
                },
            )),
        }
    }
    fm
}

struct Reader<'a> {
    first_line: usize,
    file: &'a str,
    src: &'a str,
    diags: &'a mut Diagnostics,
}

impl Reader<'_> {
    fn push(&mut self, code: Code, pos: Pos, message: Text, hint: Text) {
        self.diags
            .push(Diagnostic::error(code, self.file, pos, message, hint).with_source(self.src));
    }

    /// A text value. Numbers and booleans are the classic YAML trap (`05561234567` loses its
    /// zero, `是` stays text but `true` does not): they are errors with a quoting hint.
    fn text(&mut self, v: &Spanned<Node>, key: &str) -> Option<Field<String>> {
        let pos = pos_of(v, self.first_line);
        match &v.value {
            Node::Str(s) => Some(Field {
                value: s.trim().to_string(),
                pos,
            }),
            Node::Int(_) | Node::Float(_) | Node::Bool(_) => {
                let raw = raw_value(self.src, pos);
                let hint = match key {
                    "隐私豁免" => tr!(
                        "隐私豁免要写明理由，而不是 {raw}，例如 隐私豁免: 经本人书面同意公开联系电话",
                        "Give the reason, not {raw}, e.g. 隐私豁免: 经本人书面同意公开联系电话"
                    ),
                    "形成日期" | "发布日期" | "公示期" => tr!(
                        "日期的年、月、日之间要有分隔，例如 {key}: 2026-09-25 或 {key}: 2026年9月25日",
                        "Separate year, month and day, e.g. {key}: 2026-09-25"
                    ),
                    _ => tr!("给值加上英文双引号：{key}: \"{raw}\"", "Quote it: {key}: \"{raw}\""),
                };
                self.push(
                    Code::NotText,
                    pos,
                    crate::diag::Text::new(
                        format!("“{key}”的值 {raw} 被读成了{}，不是文字", v.value.kind_zh()),
                        format!(
                            "the value {raw} of `{key}` was read as a {}, not text",
                            v.value.kind_en()
                        ),
                    ),
                    hint,
                );
                // `隐私豁免: true` is no reason, and `20261118` no date the clerk meant: both are
                // left out rather than guessed at.
                match key {
                    "隐私豁免" | "形成日期" | "发布日期" | "公示期" => None,
                    _ => Some(Field { value: raw, pos }),
                }
            }
            Node::Null => {
                self.push(
                    Code::WrongType,
                    pos,
                    tr!("“{key}”没有填写内容", "`{key}` has no value"),
                    tr!(
                        "在“{key}: ”后面写上内容，或删除这一行。",
                        "Write a value after `{key}: ` or delete the line."
                    ),
                );
                None
            }
            other => {
                self.push(
                    Code::WrongType,
                    pos,
                    crate::diag::Text::new(
                        format!("“{key}”应当是一段文字，而不是{}", other.kind_zh()),
                        format!("`{key}` must be text, not a {}", other.kind_en()),
                    ),
                    tr!("写成一行：{key}: 内容", "Write it on one line: {key}: value"),
                );
                None
            }
        }
    }

    fn list(&mut self, v: &Spanned<Node>, key: &str) -> Vec<Field<String>> {
        match &v.value {
            Node::Seq(items) => items.iter().filter_map(|i| self.text(i, key)).collect(),
            Node::Str(s) => s
                .split(['，', ',', '、', '；', ';'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| Field {
                    value: s.to_string(),
                    pos: pos_of(v, self.first_line),
                })
                .collect(),
            _ => self.text(v, key).into_iter().collect(),
        }
    }

    fn period(&mut self, v: &Spanned<Node>) -> Option<Field<PeriodRaw>> {
        let pos = pos_of(v, self.first_line);
        match &v.value {
            Node::Map(entries) => {
                let mut start = None;
                let mut end = None;
                for (k, val) in entries {
                    let key = k.value.as_str().unwrap_or("").trim().to_string();
                    match key.as_str() {
                        "开始" | "起" | "开始日期" | "start" | "from" => start = self.text(val, "公示期"),
                        "结束" | "止" | "结束日期" | "end" | "to" => end = self.text(val, "公示期"),
                        _ => self.push(
                            Code::BadPeriod,
                            pos_of(k, self.first_line),
                            tr!("公示期中有未知的键 “{key}”", "unknown key `{key}` in 公示期"),
                            tr!("写成 开始: 日期 和 结束: 日期 两项。", "Use `开始:` and `结束:`."),
                        ),
                    }
                }
                match (start, end) {
                    (Some(start), Some(end)) => Some(Field {
                        value: PeriodRaw::Range { start, end },
                        pos,
                    }),
                    _ => {
                        self.push(
                            Code::BadPeriod,
                            pos,
                            tr!("公示期缺少开始或结束日期", "公示期 lacks a start or an end"),
                            Code::BadPeriod.fix(),
                        );
                        None
                    }
                }
            }
            _ => self.text(v, "公示期").map(|f| Field {
                value: PeriodRaw::Text(f.value),
                pos: f.pos,
            }),
        }
    }
}

/// The raw text of a scalar value as the clerk typed it (YAML turned `05561234567` into a number;
/// the message must show what was written).
fn raw_value(src: &str, pos: Pos) -> String {
    src.lines()
        .nth(pos.line.saturating_sub(1))
        .map(|l| l.chars().skip(pos.column.saturating_sub(1)).collect::<String>())
        .map(|s| s.split(" #").next().unwrap_or("").trim().to_string())
        .unwrap_or_default()
}

fn scalar_text(n: &Node) -> String {
    match n {
        Node::Null => String::new(),
        Node::Bool(b) => b.to_string(),
        Node::Int(i) => i.to_string(),
        Node::Float(f) => f.to_string(),
        Node::Str(s) => s.clone(),
        Node::Seq(items) => items
            .iter()
            .map(|i| scalar_text(&i.value))
            .collect::<Vec<_>>()
            .join("、"),
        Node::Map(_) => String::new(),
    }
}
