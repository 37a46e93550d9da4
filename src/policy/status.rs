//! A document's 状态 on a date, from facts the clerk can check: its 施行日期 and 有效期, and
//! the later documents that repeal or amend it. Typing the status by hand is how a directory
//! of 现行有效 documents comes to list ones that lapsed years ago.

use super::{Library, docno};
use jiff::ToSpan;
use jiff::civil::Date;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Published, not yet in force.
    NotYet,
    InForce,
    /// In force as amended by a later document.
    Amended,
    Repealed,
    Lapsed,
}

impl Status {
    pub fn zh(self) -> &'static str {
        match self {
            Status::NotYet => "尚未施行",
            Status::InForce => "现行有效",
            Status::Amended => "已修改",
            Status::Repealed => "已废止",
            Status::Lapsed => "已失效",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        match s.trim() {
            "现行有效" | "有效" => Some(Status::InForce),
            "已修改" | "修改" => Some(Status::Amended),
            "已废止" | "废止" => Some(Status::Repealed),
            "已失效" | "失效" => Some(Status::Lapsed),
            "尚未施行" => Some(Status::NotYet),
            _ => None,
        }
    }

    /// Which of the three directories (现行有效 / 已废止 / 已失效) lists it: an amended or not
    /// yet effective document is still a valid one.
    pub fn directory(self) -> Status {
        match self {
            Status::NotYet | Status::InForce | Status::Amended => Status::InForce,
            other => other,
        }
    }

    /// Still applied: citing it as a basis is fine.
    pub fn is_valid(self) -> bool {
        self.directory() == Status::InForce
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Derived {
    pub status: Status,
    /// The day it took this status (`None` for 现行有效 since publication with no 施行日期).
    pub since: Option<Date>,
    /// The document that repealed or amended it.
    pub by: Option<usize>,
    /// The clerk's reason, when the status was set by hand.
    pub reason: Option<String>,
}

/// Repeal wins over lapse (a repealed document is listed as repealed even if its period
/// would have ended), lapse over amendment; the earliest act of a kind counts.
pub fn derive(lib: &Library, i: usize, today: Date) -> Derived {
    let d = &lib.documents[i];
    if let Some(o) = &d.status_override {
        return Derived {
            status: o.status,
            since: o.since,
            by: None,
            reason: Some(o.reason.clone()),
        };
    }
    let acting = |pick: fn(&super::Document) -> &Vec<super::At<String>>| {
        lib.documents
            .iter()
            .enumerate()
            .filter(|(j, o)| {
                *j != i
                    && o.in_force_from() <= today
                    && pick(o)
                        .iter()
                        .any(|t| docno::parse(&t.value).is_ok_and(|(n, _)| n == d.docno.value))
            })
            .map(|(j, o)| (o.in_force_from(), j))
            .min()
    };
    if let Some((since, by)) = acting(|o| &o.repeals) {
        return Derived {
            status: Status::Repealed,
            since: Some(since),
            by: Some(by),
            reason: None,
        };
    }
    if let Some(end) = d.expires.filter(|e| *e < today) {
        return Derived {
            status: Status::Lapsed,
            since: end.checked_add(1.day()).ok(),
            by: None,
            reason: None,
        };
    }
    if let Some((since, by)) = acting(|o| &o.amends) {
        return Derived {
            status: Status::Amended,
            since: Some(since),
            by: Some(by),
            reason: None,
        };
    }
    let from = d.in_force_from();
    Derived {
        status: if from > today { Status::NotYet } else { Status::InForce },
        since: d.effective.as_ref().map(|e| e.value),
        by: None,
        reason: None,
    }
}
