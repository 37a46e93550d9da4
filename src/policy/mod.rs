//! The county's and townships' own policy library (SPEC 13, issue 12): documents with their
//! 文号, the 解读 of them, the 征求意见 calls before them and the feedback after. Typed by the
//! resolve stage (`resolve::policy`); their 状态 is derived here from dates and the other
//! documents, never typed by hand.

pub mod docno;
pub mod status;

pub use docno::DocNo;
pub use status::{Derived, Status};

use crate::diag::Pos;
use jiff::civil::Date;

/// Which documents need a 解读 and how their calls are timed depend on this.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum Category {
    /// 规章
    Rule,
    /// 行政规范性文件
    Normative,
    /// 其他政策文件
    Other,
}

impl Category {
    pub const ALL: [Category; 3] = [Category::Rule, Category::Normative, Category::Other];

    pub fn zh(self) -> &'static str {
        match self {
            Category::Rule => "规章",
            Category::Normative => "行政规范性文件",
            Category::Other => "其他政策文件",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        match s.trim() {
            "规章" | "政府规章" | "rule" => Some(Category::Rule),
            "行政规范性文件" | "规范性文件" | "normative" => Some(Category::Normative),
            "其他政策文件" | "其他" | "政策文件" | "other" => Some(Category::Other),
            _ => None,
        }
    }

    /// 规章 and 行政规范性文件 must be interpreted and are listed in the three directories.
    pub fn is_normative(self) -> bool {
        matches!(self, Category::Rule | Category::Normative)
    }
}

/// The kind of decision a call is about: it sets the shortest allowed period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallType {
    Major,
    Normative,
    Rule,
    Other,
}

impl CallType {
    pub fn zh(self) -> &'static str {
        match self {
            CallType::Major => "重大行政决策",
            CallType::Normative => "规范性文件",
            CallType::Rule => "规章",
            CallType::Other => "其他",
        }
    }

    pub fn parse(s: &str) -> Option<CallType> {
        match s.trim() {
            "重大行政决策" | "重大决策" | "major" => Some(CallType::Major),
            "规范性文件" | "行政规范性文件" | "normative" => Some(CallType::Normative),
            "规章" | "政府规章" | "rule" => Some(CallType::Rule),
            "其他" | "other" => Some(CallType::Other),
            _ => None,
        }
    }
}

/// A value of the front matter and where it was written.
#[derive(Clone, Debug)]
pub struct At<T> {
    pub value: T,
    pub pos: Pos,
}

/// A clerk's override of the derived status, which must give its reason.
#[derive(Clone, Debug)]
pub struct Override {
    pub status: Status,
    pub since: Option<Date>,
    pub reason: String,
    pub pos: Pos,
}

#[derive(Clone, Debug)]
pub struct Document {
    pub source: usize,
    pub rel: String,
    pub title: String,
    pub docno: At<DocNo>,
    pub issuer: String,
    /// `None`: a county document; otherwise the township's index in book.toml.
    pub township: Option<usize>,
    pub written: At<Date>,
    pub published: At<Date>,
    pub effective: Option<At<Date>>,
    pub category: Category,
    /// Last day of validity, from `有效期至` or `有效期` counted from the 施行日期.
    pub expires: Option<Date>,
    pub repeals: Vec<At<String>>,
    pub amends: Vec<At<String>>,
    pub status_override: Option<Override>,
    pub url: String,
}

impl Document {
    /// The day it takes effect: its 施行日期, else its 发布日期.
    pub fn in_force_from(&self) -> Date {
        self.effective.as_ref().map_or(self.published.value, |e| e.value)
    }
}

#[derive(Clone, Debug)]
pub struct Interpretation {
    pub source: usize,
    pub rel: String,
    pub title: String,
    /// `关联文件` as written: a 文号 or a path.
    pub target: At<String>,
    /// The document it names, when it exists.
    pub document: Option<usize>,
    pub agency: Option<At<String>>,
    pub person: Option<At<String>>,
    pub contact: Option<At<String>>,
    pub form: String,
    pub township: Option<usize>,
    pub published: At<Date>,
    pub title_pos: Pos,
    pub url: String,
}

#[derive(Clone, Debug)]
pub struct Consultation {
    pub source: usize,
    pub rel: String,
    pub title: String,
    pub start: Date,
    pub end: Date,
    pub period_pos: Pos,
    pub how: String,
    pub contact: String,
    pub call_type: CallType,
    /// `涉企: 是`: closely tied to businesses, so 30 days for a 规范性文件.
    pub business: bool,
    /// Why the call is shorter than its type allows, when it is.
    pub short_reason: Option<String>,
    /// `关联文件` as written, when the call names the document it drafts.
    pub target: Option<At<String>>,
    /// The document that came of it (optional), by 文号 or path.
    pub document: Option<usize>,
    pub township: Option<usize>,
    pub published: At<Date>,
    pub title_pos: Pos,
    pub url: String,
}

#[derive(Clone, Debug)]
pub struct Feedback {
    pub source: usize,
    pub rel: String,
    pub title: String,
    pub target: At<String>,
    pub consultation: Option<usize>,
    pub township: Option<usize>,
    pub published: At<Date>,
    pub url: String,
}

/// Everything of the policy library, with each document's status on the build date.
#[derive(Clone, Debug, Default)]
pub struct Library {
    pub documents: Vec<Document>,
    pub interpretations: Vec<Interpretation>,
    pub consultations: Vec<Consultation>,
    pub feedback: Vec<Feedback>,
    /// Parallel to `documents`, filled by [`Library::derive`].
    pub status: Vec<Derived>,
}

impl Library {
    pub fn is_empty(&self) -> bool {
        self.documents.is_empty() && self.interpretations.is_empty() && self.consultations.is_empty()
    }

    /// The first document with this 文号.
    pub fn by_docno(&self, d: &DocNo) -> Option<usize> {
        self.documents.iter().position(|x| x.docno.value == *d)
    }

    /// Each document's status on `today`.
    pub fn derive(&mut self, today: Date) {
        self.status = (0..self.documents.len())
            .map(|i| status::derive(self, i, today))
            .collect();
    }

    /// The 解读 of document `i`, in publication order.
    pub fn interpretations_of(&self, i: usize) -> Vec<usize> {
        let mut v: Vec<usize> = (0..self.interpretations.len())
            .filter(|&j| self.interpretations[j].document == Some(i))
            .collect();
        v.sort_by_key(|&j| self.interpretations[j].published.value);
        v
    }

    pub fn consultations_of(&self, i: usize) -> Vec<usize> {
        (0..self.consultations.len())
            .filter(|&j| self.consultations[j].document == Some(i))
            .collect()
    }

    pub fn feedback_of(&self, c: usize) -> Vec<usize> {
        (0..self.feedback.len())
            .filter(|&j| self.feedback[j].consultation == Some(c))
            .collect()
    }

    /// Calls closed more than `days` days before `today` with no 意见反馈 published by then,
    /// with the day the feedback was due: one answer for the rule (GK162) and the report.
    pub fn awaiting_feedback(&self, today: Date, days: u32) -> Vec<(usize, Date)> {
        self.consultations
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let due = c.end.checked_add(jiff::Span::new().days(i64::from(days))).ok()?;
                let answered = self
                    .feedback_of(i)
                    .iter()
                    .any(|&f| self.feedback[f].published.value <= today);
                (due < today && !answered).then_some((i, due))
            })
            .collect()
    }
}
