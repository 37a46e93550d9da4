//! What kind of page a source is, decided once at load from its `种类` key, so that each later
//! stage takes the path of its kind instead of asking the front matter again.
//!
//! A file without `种类` is a catalog notice (SPEC 3.2): every site written before the policy
//! library keeps meaning what it meant.

use super::FrontMatter;
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::tr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A notice of a catalog item.
    Notice,
    /// 政策文件: a 规章, 行政规范性文件 or other policy document with its 文号.
    Document,
    /// 政策解读 of a document.
    Interpretation,
    /// 征求意见: a call for public comment on a draft.
    Consultation,
    /// 意见反馈: what became of the comments of a call (意见采纳情况).
    Feedback,
    /// `种类` names no kind (reported): the file is only scanned, never published.
    Unknown,
}

/// (kind, Chinese name, accepted spellings).
const NAMES: &[(Kind, &str, &[&str])] = &[
    (Kind::Notice, "公告", &["公告", "notice"]),
    (
        Kind::Document,
        "政策文件",
        &["政策文件", "文件", "规范性文件", "document", "policy"],
    ),
    (
        Kind::Interpretation,
        "政策解读",
        &["政策解读", "解读", "interpretation"],
    ),
    (
        Kind::Consultation,
        "征求意见",
        &["征求意见", "意见征集", "consultation"],
    ),
    (
        Kind::Feedback,
        "意见反馈",
        &["意见反馈", "反馈", "采纳情况", "意见采纳情况", "feedback"],
    ),
];

impl Kind {
    pub fn name_zh(self) -> &'static str {
        NAMES.iter().find(|(k, _, _)| *k == self).map_or("未知", |(_, n, _)| n)
    }

    pub fn is_policy(self) -> bool {
        matches!(
            self,
            Kind::Document | Kind::Interpretation | Kind::Consultation | Kind::Feedback
        )
    }

    /// The kind a name (`政策文件`, `解读`, `consultation`…) stands for, as `种类` reads it.
    pub fn named(v: &str) -> Option<Kind> {
        NAMES
            .iter()
            .find(|(_, _, words)| words.iter().any(|w| w.eq_ignore_ascii_case(v.trim())))
            .map(|(k, _, _)| *k)
    }

    /// The kind `fm` declares; an unknown `种类` is reported at its line.
    pub fn of(fm: &FrontMatter, rel: &str, text: &str, diags: &mut Diagnostics) -> Kind {
        let Some(f) = &fm.kind else { return Kind::Notice };
        let v = f.value.trim();
        if let Some((k, _, _)) = NAMES
            .iter()
            .find(|(_, _, words)| words.iter().any(|w| w.eq_ignore_ascii_case(v)))
        {
            return *k;
        }
        let known = NAMES.iter().map(|(_, n, _)| *n).collect::<Vec<_>>().join("、");
        let hint = match crate::util::suggest::closest(v, NAMES.iter().map(|(_, n, _)| *n)) {
            Some(s) => tr!("是不是“{s}”？改成：种类: {s}", "did you mean `{s}`? Write: 种类: {s}"),
            None => tr!("种类只能是：{known}", "种类 must be one of: {known}"),
        };
        diags.push(
            Diagnostic::error(
                Code::UnknownKind,
                rel,
                f.pos,
                tr!("种类“{v}”无法识别", "unknown 种类 `{v}`"),
                hint,
            )
            .with_source(text),
        );
        Kind::Unknown
    }
}
