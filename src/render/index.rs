//! Lookups built once per build: notices by township, domain, item and village, newest first,
//! and the list cards every listing page shares.

use super::view::Card;
use crate::catalog::ItemRef;
use crate::site::Site;
use std::collections::BTreeMap;

pub struct SiteIndex {
    /// One card per notice, parallel to `site.notices`.
    pub cards: Vec<Card>,
    /// All notices, newest first (by publish date, then title for a stable order).
    pub newest: Vec<usize>,
    pub by_township: Vec<Vec<usize>>,
    pub by_township_domain: BTreeMap<(usize, usize), Vec<usize>>,
    pub by_township_item: BTreeMap<(usize, ItemRef), Vec<usize>>,
    pub by_item: BTreeMap<ItemRef, Vec<usize>>,
    pub by_village: BTreeMap<(usize, usize), Vec<usize>>,
}

impl SiteIndex {
    pub fn new(site: &Site) -> SiteIndex {
        let cards: Vec<Card> = site.notices.iter().map(|n| Card::new(site, n)).collect();
        let mut newest: Vec<usize> = (0..site.notices.len()).collect();
        newest.sort_by(|&a, &b| {
            let (na, nb) = (&site.notices[a], &site.notices[b]);
            nb.published.cmp(&na.published).then_with(|| na.url.cmp(&nb.url))
        });
        let mut by_township = vec![Vec::new(); site.config.townships.len()];
        let mut by_township_domain: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
        let mut by_township_item: BTreeMap<(usize, ItemRef), Vec<usize>> = BTreeMap::new();
        let mut by_village: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
        let mut by_item: BTreeMap<ItemRef, Vec<usize>> = BTreeMap::new();
        for &i in &newest {
            let n = &site.notices[i];
            by_township[n.township].push(i);
            by_township_domain
                .entry((n.township, n.item.domain))
                .or_default()
                .push(i);
            by_township_item.entry((n.township, n.item)).or_default().push(i);
            by_item.entry(n.item).or_default().push(i);
            if let Some(v) = n.village {
                by_village.entry((n.township, v)).or_default().push(i);
            }
        }
        SiteIndex {
            by_item,
            cards,
            newest,
            by_township,
            by_township_domain,
            by_township_item,
            by_village,
        }
    }

    pub fn cards<'a>(&'a self, ids: &'a [usize], limit: usize) -> Vec<&'a Card> {
        ids.iter().take(limit).map(|&i| &self.cards[i]).collect()
    }
}
