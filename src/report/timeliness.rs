//! Timeliness: the notices published in the period after their time limit, with the days
//! late in the limit's unit (working days on the official calendar, 调休 included), and the
//! on-time rate per township and domain. The arithmetic is the check's own
//! ([`crate::validate::notice_days_late`]), so the report and GK040 never
//! disagree. A notice whose dates fall in a year the calendar lacks is counted apart
//! (`unchecked`): neither on time nor late, never a guess.

use super::Cx;
use crate::calendar::TimeLimit;
use jiff::civil::Date;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct Late {
    pub file: String,
    pub title: String,
    /// The item's id.
    pub item: String,
    pub path: String,
    pub domain: String,
    pub village: String,
    #[serde(serialize_with = "super::date")]
    pub formed: Date,
    #[serde(serialize_with = "super::date")]
    pub published: Date,
    /// The last day it could have been published.
    #[serde(serialize_with = "super::date")]
    pub deadline: Date,
    pub days_late: i64,
    /// `working` (工作日) or `calendar` (自然日).
    pub unit: &'static str,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Tally {
    pub notices: usize,
    pub on_time: usize,
    pub late: usize,
    pub unchecked: usize,
    /// on_time / (on_time + late).
    pub rate: Option<f64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct DomainTally {
    pub domain: String,
    #[serde(flatten)]
    pub tally: Tally,
}

#[derive(Clone, Debug, Serialize)]
pub struct Timeliness {
    #[serde(flatten)]
    pub total: Tally,
    pub domains: Vec<DomainTally>,
}

impl Tally {
    fn add(&mut self, late: Option<bool>) {
        self.notices += 1;
        match late {
            Some(true) => self.late += 1,
            Some(false) => self.on_time += 1,
            None => self.unchecked += 1,
        }
        self.rate = super::rate(self.on_time, self.on_time + self.late);
    }
}

/// The late notices of a township (`ids`: its notices), and its tallies.
pub fn township(cx: &Cx, ids: &[usize]) -> (Vec<Late>, Timeliness) {
    let site = cx.site;
    let mut late = Vec::new();
    let mut total = Tally::default();
    let mut per_domain: Vec<Tally> = vec![Tally::default(); site.catalogs.domains.len()];
    for &i in ids {
        let n = &site.notices[i];
        if !cx.in_period(n) {
            continue;
        }
        let days = crate::validate::notice_days_late(site, n).ok();
        let is_late = days.map(|d| d > 0);
        total.add(is_late);
        per_domain[n.item.domain].add(is_late);
        let Some(days) = days.filter(|&d| d > 0) else { continue };
        let item = site.catalogs.item(n.item);
        let limit = item.effective_limit();
        let Some(deadline) = limit.days.and_then(|d| {
            let tl = TimeLimit {
                days: d,
                working: limit.working,
            };
            site.calendar.deadline(n.formed, tl).ok()
        }) else {
            continue;
        };
        late.push(Late {
            file: cx.clean(&n.rel),
            title: cx.clean(&n.title),
            item: item.id.clone(),
            path: cx.item_path(n.item),
            domain: site.catalogs.domain(n.item).name.clone(),
            village: cx.village_name(n),
            formed: n.formed,
            published: n.published,
            deadline,
            days_late: days,
            unit: if limit.working { "working" } else { "calendar" },
        });
    }
    let domains = site
        .catalogs
        .domains
        .iter()
        .zip(per_domain)
        .filter(|(_, t)| t.notices > 0)
        .map(|(d, tally)| DomainTally {
            domain: d.name.clone(),
            tally,
        })
        .collect();
    (late, Timeliness { total, domains })
}
