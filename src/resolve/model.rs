//! The resolved site: notices whose every reference (item, township, village, dates) has been
//! looked up. A [`Notice`] cannot exist with a missing title or an unknown item: the resolve
//! stage drops such notices after reporting them.

use crate::catalog::{ItemRef, Level};
use crate::diag::Pos;
use jiff::civil::Date;
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub start: Date,
    pub end: Date,
}

/// Where a notice's period stands on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodState {
    NotStarted,
    Running,
    Ended,
    /// Ended, and longer ago than `withdraw_after_days`: the list of people is taken down.
    Withdrawn,
}

#[derive(Clone, Debug)]
pub struct Attachment {
    /// As written in the front matter (shown as the link text).
    pub name: String,
    pub source: PathBuf,
    /// Output path relative to the site root, ASCII.
    pub url: String,
    pub pos: Pos,
}

#[derive(Clone, Debug)]
pub struct Notice {
    /// Index into the loaded sources (text, body facts).
    pub source: usize,
    pub rel: String,
    pub title: String,
    pub item: ItemRef,
    /// Where the notice itself names its item; `None` when it comes from an `_index.md`.
    pub item_pos: Option<Pos>,
    pub township: usize,
    pub village: Option<usize>,
    /// Where the notice itself names its village; `None` when inherited or absent.
    pub village_pos: Option<Pos>,
    /// The `_index.md` the village was inherited from, for hints.
    pub village_from: Option<String>,
    pub publisher: String,
    pub formed: Date,
    pub formed_pos: Pos,
    pub published: Date,
    pub published_pos: Pos,
    pub period: Option<Period>,
    pub period_pos: Pos,
    /// `公示期` was written, even if it could not be read (then it has been reported).
    pub period_written: bool,
    pub contact: Option<String>,
    pub attachments: Vec<Attachment>,
    pub data: Option<Attachment>,
    pub exemption: Option<String>,
    pub exemption_pos: Pos,
    pub keywords: Vec<String>,
    /// `张贴村`: the villages (indexes under `township`) whose boards carry this township
    /// notice, whatever its item's channels; empty when not given.
    pub boards: Vec<usize>,
    /// Elements given as front-matter keys: (name, value).
    pub fm_elements: Vec<(String, String)>,
    /// Output page, relative to the site root.
    pub url: String,
}

impl Notice {
    pub fn level(&self) -> Level {
        if self.village.is_some() {
            Level::Village
        } else {
            Level::Township
        }
    }

    pub fn period_state(&self, today: Date, withdraw_after_days: u32) -> Option<PeriodState> {
        let p = self.period?;
        Some(if today < p.start {
            PeriodState::NotStarted
        } else if today <= p.end {
            PeriodState::Running
        } else if today
            > p.end
                .saturating_add(jiff::Span::new().days(i64::from(withdraw_after_days)))
        {
            PeriodState::Withdrawn
        } else {
            PeriodState::Ended
        })
    }
}
