//! Freshness on `--date`: sections (栏目: a township's domain) not updated for longer than
//! the norms allow, and periodic items due or overdue.
//!
//! - A section is **stale** when its newest notice is more than [`STALE_MONTHS`] months old:
//!   the inspection index (政府网站与政务新媒体检查指标, gov-norms 1.4) fails 通知公告/政策
//!   文件 columns with nothing in 6 months; it is **empty** when it never had a notice. Five or
//!   more of either is a single-veto failure (单项否决) of the whole site ([`VETO`]).
//! - A **periodic** item (the catalog's `periodic`) must have a notice in every period of its
//!   cadence (村务 each quarter, 财务 each month: 村民委员会组织法 Art. 30). Every complete
//!   period of the report's range without one is **overdue**; the period that contains
//!   `--date`, if it has none yet, is **due** (by its last day). Units are as in
//!   [`super::coverage`]: the township, and each village for village-level items.

use super::Cx;
use super::coverage::{all_items, township_scope, village_scope};
use crate::catalog::{Frequency, ItemRef};
use jiff::Span;
use jiff::civil::Date;
use serde::Serialize;

pub const STALE_MONTHS: i64 = 6;
pub const VETO: usize = 5;

#[derive(Clone, Debug, Serialize)]
pub struct Freshness {
    pub stale: Vec<Stale>,
    /// Sections (domains) with no notice at all.
    pub empty_sections: Vec<String>,
    /// Five or more stale, or five or more empty sections.
    pub veto: bool,
    pub periodic: Vec<Periodic>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Stale {
    pub domain: String,
    #[serde(serialize_with = "super::date")]
    pub last: Date,
    /// The day it became stale.
    #[serde(serialize_with = "super::date")]
    pub since: Date,
}

#[derive(Clone, Debug, Serialize)]
pub struct Slot {
    #[serde(serialize_with = "super::date")]
    pub from: Date,
    #[serde(serialize_with = "super::date")]
    pub to: Date,
    pub label: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Periodic {
    pub village: String,
    pub domain: String,
    pub item: String,
    pub path: String,
    pub every: &'static str,
    /// `overdue` (a complete period has no notice) or `due` (only the current one lacks it).
    pub status: &'static str,
    pub missed: Vec<Slot>,
    pub due: Option<Slot>,
    #[serde(serialize_with = "super::opt_date")]
    pub last: Option<Date>,
    /// The first day of being overdue: the day after the first missed period.
    #[serde(serialize_with = "super::opt_date")]
    pub since: Option<Date>,
}

pub fn township(cx: &Cx, t: usize, ids: &[usize]) -> Freshness {
    let site = cx.site;
    let today = site.today;
    let limit = today.checked_sub(Span::new().months(STALE_MONTHS)).unwrap_or(today);
    let mut stale = Vec::new();
    let mut empty = Vec::new();
    for (d, dom) in site.catalogs.domains.iter().enumerate() {
        if !dom.items.iter().any(|i| township_scope(i) || village_scope(i)) {
            continue;
        }
        let last = ids
            .iter()
            .map(|&i| &site.notices[i])
            .filter(|n| n.item.domain == d && n.published <= today)
            .map(|n| n.published)
            .max();
        match last {
            None => empty.push(dom.name.clone()),
            Some(l) if l < limit => stale.push(Stale {
                domain: dom.name.clone(),
                last: l,
                since: l.checked_add(Span::new().months(STALE_MONTHS)).unwrap_or(l),
            }),
            Some(_) => {}
        }
    }
    let veto = stale.len() >= VETO || empty.len() >= VETO;
    Freshness {
        stale,
        empty_sections: empty,
        veto,
        periodic: periodic(cx, t, ids),
    }
}

fn periodic(cx: &Cx, t: usize, ids: &[usize]) -> Vec<Periodic> {
    let site = cx.site;
    let mut out = Vec::new();
    let villages = site.config.townships[t].villages.len();
    for r in all_items(cx) {
        let item = site.catalogs.item(r);
        let Some(f) = item.frequency() else { continue };
        if township_scope(item) {
            out.extend(unit(cx, t, ids, r, f, None));
        }
        if village_scope(item) {
            for v in 0..villages {
                out.extend(unit(cx, t, ids, r, f, Some(v)));
            }
        }
    }
    out
}

/// One unit's duty for one periodic item.
fn unit(cx: &Cx, t: usize, ids: &[usize], r: ItemRef, f: Frequency, village: Option<usize>) -> Option<Periodic> {
    let site = cx.site;
    let today = site.today;
    let dates: Vec<Date> = ids
        .iter()
        .map(|&i| &site.notices[i])
        .filter(|n| n.item == r && n.published <= today)
        .filter(|n| match village {
            None => true,
            Some(v) => n.village.is_none() || n.village == Some(v),
        })
        .map(|n| n.published)
        .collect();
    let mut missed = Vec::new();
    let mut due = None;
    for slot in slots(cx.opt.from, cx.opt.to.min(today), f) {
        let has = dates.iter().any(|d| *d >= slot.from && *d <= slot.to);
        if has {
            continue;
        }
        if slot.to < today {
            missed.push(slot);
        } else if slot.from <= today {
            due = Some(slot);
        }
    }
    if missed.is_empty() && due.is_none() {
        return None;
    }
    let item = site.catalogs.item(r);
    let since = missed.first().map(|s| super::next_day(s.to));
    Some(Periodic {
        village: village
            .map(|v| site.config.townships[t].villages[v].name.clone())
            .unwrap_or_default(),
        domain: site.catalogs.domain(r).name.clone(),
        item: item.id.clone(),
        path: cx.item_path(r),
        every: f.key(),
        status: if missed.is_empty() { "due" } else { "overdue" },
        missed,
        due,
        last: dates.iter().max().copied(),
        since,
    })
}

/// The periods of cadence `f` that overlap `from..=to`, in order.
pub fn slots(from: Date, to: Date, f: Frequency) -> Vec<Slot> {
    let mut out = Vec::new();
    if from > to {
        return out;
    }
    let months = f.months();
    let first_month = ((from.month() - 1) / months) * months + 1;
    let Ok(mut start) = Date::new(from.year(), first_month, 1) else {
        return out;
    };
    while start <= to {
        let Ok(next) = start.checked_add(Span::new().months(i64::from(months))) else {
            break;
        };
        let end = next.yesterday().unwrap_or(next);
        out.push(Slot {
            from: start,
            to: end,
            label: label(start, f),
        });
        start = next;
    }
    out
}

/// `2026年3月`, `2026年第3季度`, `2026年上半年`, `2026年度`.
pub fn label(start: Date, f: Frequency) -> String {
    let (y, m) = (start.year(), start.month());
    match f {
        Frequency::Month => format!("{y}年{m}月"),
        Frequency::Quarter => format!("{y}年第{}季度", (m - 1) / 3 + 1),
        Frequency::HalfYear => format!("{y}年{}", if m <= 6 { "上半年" } else { "下半年" }),
        Frequency::Year => format!("{y}年度"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn quarters_of_a_year_up_to_a_day() {
        let s = slots(date(2026, 1, 1), date(2026, 11, 28), Frequency::Quarter);
        let labels: Vec<&str> = s.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(
            labels,
            ["2026年第1季度", "2026年第2季度", "2026年第3季度", "2026年第4季度"]
        );
        assert_eq!(s[1].to, date(2026, 6, 30));
        assert_eq!(s[3].to, date(2026, 12, 31));
    }

    #[test]
    fn months_and_halves_start_on_their_boundary() {
        let s = slots(date(2026, 2, 15), date(2026, 4, 1), Frequency::Month);
        assert_eq!(s.len(), 3);
        assert_eq!((s[0].from, s[0].to), (date(2026, 2, 1), date(2026, 2, 28)));
        let h = slots(date(2026, 8, 1), date(2026, 8, 2), Frequency::HalfYear);
        assert_eq!(h[0].label, "2026年下半年");
        assert_eq!(h[0].from, date(2026, 7, 1));
    }
}
