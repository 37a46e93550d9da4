//! The dependency picture of `gongkai serve`: which notices an edited file touches, and which
//! pages a touched notice appears on. Two explicit maps, not "rebuild everything fast":
//!
//! * [`Readers`]: input file (relative path) → the notices that read it: the notice's own
//!   source, every `_index.md` it may inherit from (also ones that do not exist yet, so that
//!   a new `_index.md` finds its notices), its attachments and data file, and the local
//!   files its body links to (a renamed notice changes the links to it). Built from the
//!   latest checked site, used on the next edit: the touched notices are re-checked.
//! * [`Deps`]: notice → where it is listed (township, township × domain, item, village) and
//!   the output files its page produced, as last *published*. A touched notice re-renders
//!   its own page and every list it was on or is now on; the home page, feeds, sitemap and
//!   open data are small and list across the site, so they are re-rendered whenever any
//!   notice is touched. The search index is rebuilt after the pages are served.
//!
//! What the maps do not cover is a whole rebuild: book.toml, calendar.toml, a catalog or a
//! theme file changes every page.

use crate::catalog::ItemRef;
use crate::diag::rel_path;
use crate::render::Selection;
use crate::render::notice_view::normalize;
use crate::site::Site;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Input file → notices (by relative path) that read it.
#[derive(Default)]
pub struct Readers(BTreeMap<String, BTreeSet<String>>);

impl Readers {
    pub fn of(site: &Site) -> Readers {
        let root = &site.root;
        let mut map: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let content = root.join("content");
        for n in &site.notices {
            let src = site.source(n);
            let mut add = |p: &Path| {
                map.entry(rel_path(root, p)).or_default().insert(n.rel.clone());
            };
            add(&src.path);
            let mut dir = src.path.parent();
            while let Some(d) = dir.filter(|d| d.starts_with(&content)) {
                add(&d.join("_index.md"));
                dir = d.parent();
            }
            for a in n.attachments.iter().chain(&n.data) {
                add(&a.source);
            }
            let here = src.path.parent().unwrap_or(root);
            for (dest, _) in &src.facts.links {
                if let Some(t) = crate::validate::links::local_target(dest) {
                    add(&normalize(&here.join(t)));
                }
            }
        }
        Readers(map)
    }

    /// The notices (and other sources) an edit of `changed` touches: their readers, and the
    /// changed files themselves (a new notice has no readers yet).
    pub fn touched(&self, changed: &BTreeSet<String>) -> BTreeSet<String> {
        let mut out = changed.clone();
        for c in changed {
            if let Some(r) = self.0.get(c) {
                out.extend(r.iter().cloned());
            }
        }
        out
    }
}

/// Where a notice is listed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Listed {
    township: usize,
    domain: usize,
    item: ItemRef,
    village: Option<usize>,
}

/// Notice → its lists and its output files, as last published.
#[derive(Default)]
pub struct Deps {
    listed: BTreeMap<String, Listed>,
    produced: BTreeMap<String, Vec<String>>,
    /// The policy library's output files, as last rendered.
    policy: BTreeSet<String>,
    /// The notices in some book, as last published: their pages link their neighbours.
    guides: BTreeSet<String>,
}

/// The pages to render for an edit, and what to remove once they are rendered.
pub struct Plan {
    pub select: Selection,
    touched: BTreeSet<String>,
}

/// The relative paths of the notices in some book of `site`.
fn guide_rels(site: &Site) -> BTreeSet<String> {
    site.books
        .books
        .iter()
        .flat_map(|b| b.chapters.iter().flat_map(|c| c.guides.iter()))
        .map(|&i| site.notices[i].rel.clone())
        .collect()
}

fn listed(n: &crate::resolve::Notice) -> Listed {
    Listed {
        township: n.township,
        domain: n.item.domain,
        item: n.item,
        village: n.village,
    }
}

impl Plan {
    pub fn into_touched(self) -> BTreeSet<String> {
        self.touched
    }
}

impl Deps {
    /// After a whole render: `produced` maps notice index → its output files.
    pub fn of(site: &Site, produced: BTreeMap<usize, Vec<String>>, policy: Option<Vec<String>>) -> Deps {
        let mut d = Deps {
            policy: policy.unwrap_or_default().into_iter().collect(),
            ..Deps::default()
        };
        for n in &site.notices {
            d.listed.insert(n.rel.clone(), listed(n));
        }
        d.guides = guide_rels(site);
        for (i, paths) in produced {
            if let Some(n) = site.notices.get(i) {
                d.produced.insert(n.rel.clone(), paths);
            }
        }
        d
    }

    /// The pages `touched` notices (relative paths) were or are now on, in the new `site`.
    pub fn plan(&self, site: &Site, touched: BTreeSet<String>) -> Plan {
        let mut s = Selection::default();
        // An edit anywhere may change a document's status or its links: the library is
        // re-rendered whole (a few dozen pages).
        s.policy = true;
        let now: BTreeMap<&str, usize> = site
            .notices
            .iter()
            .enumerate()
            .map(|(i, n)| (n.rel.as_str(), i))
            .collect();
        let add = |l: Listed, s: &mut Selection| {
            s.townships.insert(l.township);
            s.domain_tables.insert((l.township, l.domain));
            s.items.insert(l.item);
            if let Some(v) = l.village {
                s.villages.insert((l.township, v));
            }
            s.home = true;
            s.feeds = true;
            s.data = true;
        };
        for rel in &touched {
            if !self.listed.contains_key(rel) && !now.contains_key(rel.as_str()) {
                // Not a notice: a policy page (or an `_index.md`). Township pages link to
                // their library when they have one, the sitemap lists its pages.
                s.townships.extend(0..site.config.townships.len());
                s.home = true;
                s.feeds = true;
            }
            if let Some(l) = self.listed.get(rel) {
                add(*l, &mut s);
            }
            if let Some(&i) = now.get(rel.as_str()) {
                s.notices.insert(i);
                add(listed(&site.notices[i]), &mut s);
            }
        }
        // The book pages list every guide's title: few, so rendered whenever anything is.
        // A touched guide (in a book before or now) also changes the 上一项 / 下一项 links
        // of its neighbours, which may be any guide once a tag moves it: every guide's page
        // is rendered again, the lists they are on are not (their cards did not change).
        s.books = true;
        let now_guides = guide_rels(site);
        if touched
            .iter()
            .any(|r| self.guides.contains(r) || now_guides.contains(r))
        {
            s.notices
                .extend(now_guides.iter().filter_map(|r| now.get(r.as_str()).copied()));
        }
        Plan { select: s, touched }
    }

    /// Record a rendered plan; returns the output files that no page produces any more (a
    /// deleted or renamed notice's page and attachments, an item page without notices).
    pub fn apply(&mut self, site: &Site, plan: &Plan) -> BTreeSet<String> {
        let mut gone = BTreeSet::new();
        let produced = plan.select.take_produced();
        let mut now_made: BTreeSet<&str> = BTreeSet::new();
        for paths in produced.values() {
            now_made.extend(paths.iter().map(String::as_str));
        }
        for rel in &plan.touched {
            self.listed.remove(rel);
            if let Some(old) = self.produced.remove(rel) {
                gone.extend(old.into_iter().filter(|p| !now_made.contains(p.as_str())));
            }
        }
        for (i, paths) in produced {
            let n = &site.notices[i];
            self.listed.insert(n.rel.clone(), listed(n));
            self.produced.insert(n.rel.clone(), paths);
        }
        self.guides = guide_rels(site);
        if let Some(now) = plan.select.take_policy_produced() {
            let now: BTreeSet<String> = now.into_iter().collect();
            gone.extend(self.policy.difference(&now).cloned());
            self.policy = now;
        }
        let used: BTreeSet<ItemRef> = site.notices.iter().map(|n| n.item).collect();
        for r in &plan.select.items {
            if !used.contains(r) {
                gone.insert(crate::render::view::item_url(&site.catalogs.item(*r).id));
            }
        }
        gone
    }
}
