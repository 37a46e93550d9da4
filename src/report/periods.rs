//! Notice periods (公示期) on `--date`: the notices in theirs, the lists of people the site has
//! withdrawn after the grace period (`[print] withdraw_after_days`), and the lists still up
//! past it.
//!
//! The site withdraws a list by itself ([`crate::render::notice_view`]): the notice's data
//! file, and every table under a heading of one of the item's `people` elements. A table of
//! a notice whose item carries personal data but that stands under any other heading (or
//! none) is not recognised as the list and stays on the page after the grace period: that
//! is the list "still up", and the fix is to put it under the element's heading or into the
//! notice's `数据` file.

use super::Cx;
use crate::resolve::PeriodState;
use crate::util::text::heading_key;
use jiff::civil::Date;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct InPeriod {
    pub file: String,
    pub title: String,
    pub item: String,
    pub village: String,
    #[serde(serialize_with = "super::date")]
    pub from: Date,
    #[serde(serialize_with = "super::date")]
    pub to: Date,
}

#[derive(Clone, Debug, Serialize)]
pub struct ListState {
    pub file: String,
    pub title: String,
    pub item: String,
    pub path: String,
    pub domain: String,
    pub village: String,
    /// The last day of the 公示期.
    #[serde(serialize_with = "super::date")]
    pub ended: Date,
    /// The day the list came (or should have come) down.
    #[serde(serialize_with = "super::date")]
    pub withdraw_on: Date,
    /// Tables of people concerned.
    pub lists: usize,
}

/// (in their 公示期, withdrawn, still up) for the notices `ids` of a township.
pub fn township(cx: &Cx, ids: &[usize]) -> (Vec<InPeriod>, Vec<ListState>, Vec<ListState>) {
    let site = cx.site;
    let grace = site.config.print.withdraw_after_days;
    let (mut running, mut withdrawn, mut still) = (Vec::new(), Vec::new(), Vec::new());
    for &i in ids {
        let n = &site.notices[i];
        let (Some(p), Some(state)) = (n.period, n.period_state(site.today, grace)) else {
            continue;
        };
        if n.published > site.today {
            continue;
        }
        let item = site.catalogs.item(n.item);
        match state {
            PeriodState::Running => running.push(InPeriod {
                file: cx.clean(&n.rel),
                title: cx.clean(&n.title),
                item: item.id.clone(),
                village: cx.village_name(n),
                from: p.start,
                to: p.end,
            }),
            PeriodState::Withdrawn => {
                let withdraw_on = p
                    .end
                    .checked_add(jiff::Span::new().days(i64::from(grace)))
                    .map(super::next_day)
                    .unwrap_or(p.end);
                let people: Vec<String> = item.people_elements().map(|e| heading_key(&e.name)).collect();
                let tables = &site.source(n).facts.tables;
                let under_people = |s: &Option<String>| s.as_ref().is_some_and(|s| people.contains(&heading_key(s)));
                let taken = tables.iter().filter(|t| under_people(&t.section)).count() + usize::from(n.data.is_some());
                let personal = item.personal_info || !people.is_empty();
                let left = if personal {
                    tables.iter().filter(|t| !under_people(&t.section)).count()
                } else {
                    0
                };
                let entry = |lists| ListState {
                    file: cx.clean(&n.rel),
                    title: cx.clean(&n.title),
                    item: item.id.clone(),
                    path: cx.item_path(n.item),
                    domain: site.catalogs.domain(n.item).name.clone(),
                    village: cx.village_name(n),
                    ended: p.end,
                    withdraw_on,
                    lists,
                };
                if left > 0 {
                    still.push(entry(left));
                }
                // Lists the build took down, in the report's period.
                if taken > 0 && withdraw_on >= cx.opt.from && withdraw_on <= cx.opt.to {
                    withdrawn.push(entry(taken));
                }
            }
            PeriodState::NotStarted | PeriodState::Ended => {}
        }
    }
    (running, withdrawn, still)
}
