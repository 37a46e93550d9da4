//! 征求意见 calls still without their 意见反馈 (issue 12): the warning GK162 of `check`, as a
//! list the county can hand out. A call is listed once it closed more than
//! `[rules] feedback_days` days before the report's date and no feedback was published by
//! then, whatever the period: an unanswered call stays a finding until it is answered.

use super::Cx;
use jiff::civil::Date;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct Awaiting {
    /// The township's name, or the county's for a county call.
    pub unit: String,
    /// Empty for a county call, so `--township` and the summary can group by it.
    pub township: String,
    pub title: String,
    pub file: String,
    #[serde(serialize_with = "super::date")]
    pub end: Date,
    /// The last day the feedback was due.
    #[serde(serialize_with = "super::date")]
    pub due: Date,
    /// Calendar days from `due` to the report's date.
    pub days_overdue: i64,
}

pub fn collect(cx: &Cx) -> Vec<Awaiting> {
    let site = cx.site;
    let lib = &site.policy;
    let mut out: Vec<Awaiting> = lib
        .awaiting_feedback(site.today, site.config.rules.feedback_days)
        .into_iter()
        .filter_map(|(i, due)| {
            let c = &lib.consultations[i];
            if cx.opt.township.is_some() && c.township != cx.opt.township {
                return None;
            }
            let township = c
                .township
                .map(|t| site.config.townships[t].name.clone())
                .unwrap_or_default();
            Some(Awaiting {
                unit: if township.is_empty() {
                    site.config.site.county.clone()
                } else {
                    township.clone()
                },
                township,
                title: cx.clean(&c.title),
                file: cx.clean(&c.rel),
                end: c.end,
                due,
                days_overdue: (site.today - due).get_days().into(),
            })
        })
        .collect();
    out.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| a.file.cmp(&b.file)));
    out
}
