//! Counts for the annual report: notices proactively disclosed (主动公开) in the period, by
//! domain, per township and for the county, the figures 总体情况/主动公开 of the 政府信息公开
//! 工作年度报告 states ("全年主动公开政府信息 N 条，其中……"). Items whose method is 依申请
//! are not proactive disclosure and are left out.

use super::{Cx, TownshipReport};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Serialize)]
pub struct CountyCounts {
    pub total: usize,
    /// In catalog order.
    pub domains: Vec<DomainCount>,
}

#[derive(Clone, Debug, Serialize)]
pub struct DomainCount {
    pub domain: String,
    pub count: usize,
}

fn proactive(cx: &Cx, i: usize) -> bool {
    let n = &cx.site.notices[i];
    cx.in_period(n) && cx.site.catalogs.item(n.item).method.as_deref() != Some("依申请")
}

/// Domain name → notices, for the township of `ids`.
pub fn township(cx: &Cx, ids: &[usize]) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for &i in ids.iter().filter(|&&i| proactive(cx, i)) {
        let d = cx.site.catalogs.domain(cx.site.notices[i].item);
        *m.entry(d.name.clone()).or_insert(0) += 1;
    }
    m
}

pub fn county(cx: &Cx, townships: &[TownshipReport]) -> CountyCounts {
    let domains: Vec<DomainCount> = cx
        .site
        .catalogs
        .domains
        .iter()
        .map(|d| DomainCount {
            domain: d.name.clone(),
            count: townships.iter().filter_map(|t| t.counts.get(&d.name)).sum(),
        })
        .filter(|d| d.count > 0)
        .collect();
    CountyCounts {
        total: domains.iter().map(|d| d.count).sum(),
        domains,
    }
}
