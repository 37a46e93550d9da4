//! Coverage: for each township, every catalog item at a level it publishes, with its notices
//! in the period; items with none are the blank columns (空白栏目) assessments fail.
//!
//! Who answers for an item (its *scope*):
//!
//! - the township, when the item's levels include 乡级 or the table shows no level (then any
//!   level may publish it, as [`crate::catalog::Item::allows`] has it). Any notice of the
//!   township counts, its villages' included: the township's column on the site lists them.
//! - each village, when the levels include 村级 (`村级`, `乡、村级`). The village's own
//!   notice counts, and so does the township's own notice of the item, which goes on every
//!   village's board ([`crate::board`]).
//!
//! A blank is marked `periodic` or `event`: a periodic item (the catalog's `periodic`) left
//! blank is a failure; an item that only arises on an event (征地, 救灾) may be blank because
//! nothing happened, so it is listed but not put on the 整改清单.

use super::Cx;
use crate::catalog::{Item, ItemRef, Level};
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct Coverage {
    /// Items the township itself answers for.
    pub items: usize,
    pub covered: usize,
    pub blank: Vec<Blank>,
    pub rate: Option<f64>,
    /// Per village, the village-level items.
    pub villages: Vec<VillageCoverage>,
    /// Per domain, township and village scopes together (the heat map's cells).
    pub domains: Vec<DomainCoverage>,
    /// Every item of the township's scopes with its number of notices in the period.
    #[serde(skip)]
    pub rows: Vec<Row>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Blank {
    pub domain: String,
    /// The item's id (`sa-05`).
    pub item: String,
    pub path: String,
    /// `periodic` or `event`.
    pub kind: &'static str,
    /// The cadence (`quarter`) of a periodic item.
    pub every: Option<&'static str>,
}

#[derive(Clone, Debug, Serialize)]
pub struct VillageCoverage {
    pub code: String,
    pub name: String,
    pub items: usize,
    pub covered: usize,
    pub blank: Vec<Blank>,
}

#[derive(Clone, Debug, Serialize)]
pub struct DomainCoverage {
    pub domain: String,
    pub items: usize,
    pub covered: usize,
    pub rate: Option<f64>,
}

/// One line of the full coverage table.
#[derive(Clone, Debug)]
pub struct Row {
    pub village: Option<usize>,
    pub item: ItemRef,
    pub notices: usize,
}

/// The township answers for the item.
pub fn township_scope(item: &Item) -> bool {
    let levels = item.parsed_levels();
    item.levels.is_empty() || levels.contains(&Level::Township)
}

/// Each village answers for the item.
pub fn village_scope(item: &Item) -> bool {
    item.levels
        .iter()
        .any(|l| Level::parse(l) == Some(Level::Village) || l.contains('村'))
}

/// Every item, in catalog order.
pub fn all_items(cx: &Cx) -> Vec<ItemRef> {
    let mut v = Vec::new();
    for (d, dom) in cx.site.catalogs.domains.iter().enumerate() {
        for i in 0..dom.items.len() {
            v.push(ItemRef { domain: d, item: i });
        }
    }
    v
}

pub fn blank(cx: &Cx, r: ItemRef) -> Blank {
    let item = cx.site.catalogs.item(r);
    let every = item.frequency().map(|f| f.key());
    Blank {
        domain: cx.site.catalogs.domain(r).name.clone(),
        item: item.id.clone(),
        path: cx.item_path(r),
        kind: if every.is_some() { "periodic" } else { "event" },
        every,
    }
}

pub fn township(cx: &Cx, t: usize, ids: &[usize]) -> Coverage {
    let site = cx.site;
    let town = &site.config.townships[t];
    // (village or None for the township's own, item) of the notices in the period.
    let mut seen: std::collections::HashMap<(Option<usize>, ItemRef), usize> = Default::default();
    let mut count_of_item: std::collections::HashMap<ItemRef, usize> = Default::default();
    for &i in ids {
        let n = &site.notices[i];
        if cx.in_period(n) {
            *seen.entry((n.village, n.item)).or_default() += 1;
            *count_of_item.entry(n.item).or_default() += 1;
        }
    }
    let items = all_items(cx);
    let mut rows = Vec::new();
    let mut blanks = Vec::new();
    let (mut total, mut covered) = (0, 0);
    let mut per_domain = vec![(0usize, 0usize); site.catalogs.domains.len()];
    for &r in &items {
        if !township_scope(site.catalogs.item(r)) {
            continue;
        }
        let notices = count_of_item.get(&r).copied().unwrap_or(0);
        total += 1;
        per_domain[r.domain].0 += 1;
        if notices > 0 {
            covered += 1;
            per_domain[r.domain].1 += 1;
        } else {
            blanks.push(blank(cx, r));
        }
        rows.push(Row {
            village: None,
            item: r,
            notices,
        });
    }
    let mut villages = Vec::new();
    for (v, vil) in town.villages.iter().enumerate() {
        let (mut vt, mut vc, mut vb) = (0, 0, Vec::new());
        for &r in &items {
            if !village_scope(site.catalogs.item(r)) {
                continue;
            }
            let own = seen.get(&(Some(v), r)).copied().unwrap_or(0);
            let township_own = seen.get(&(None, r)).copied().unwrap_or(0);
            let notices = own + township_own;
            vt += 1;
            per_domain[r.domain].0 += 1;
            if notices > 0 {
                vc += 1;
                per_domain[r.domain].1 += 1;
            } else {
                vb.push(blank(cx, r));
            }
            rows.push(Row {
                village: Some(v),
                item: r,
                notices,
            });
        }
        villages.push(VillageCoverage {
            code: vil.code.clone(),
            name: vil.name.clone(),
            items: vt,
            covered: vc,
            blank: vb,
        });
    }
    let domains = site
        .catalogs
        .domains
        .iter()
        .zip(per_domain)
        .filter(|(_, (n, _))| *n > 0)
        .map(|(d, (n, c))| DomainCoverage {
            domain: d.name.clone(),
            items: n,
            covered: c,
            rate: super::rate(c, n),
        })
        .collect();
    Coverage {
        items: total,
        covered,
        blank: blanks,
        rate: super::rate(covered, total),
        villages,
        domains,
        rows,
    }
}
