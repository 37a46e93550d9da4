//! Which pages a render produces. A build renders everything (no selection at all, so the
//! full-build path is the same code as before); `gongkai serve` renders only the pages an
//! edit touched, named here by what they list (a township, a township × domain table, an
//! item, a village) rather than by path, so each page module can tell from its own keys
//! whether it is wanted. See `crate::serve::deps` for how an edit becomes a selection.

use crate::catalog::ItemRef;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

#[derive(Default)]
pub struct Selection {
    /// Notice pages (with their attachments), by index into `site.notices`.
    pub notices: BTreeSet<usize>,
    pub home: bool,
    pub townships: BTreeSet<usize>,
    /// (township, domain) catalog tables.
    pub domain_tables: BTreeSet<(usize, usize)>,
    pub items: BTreeSet<ItemRef>,
    /// (township, village) pages.
    pub villages: BTreeSet<(usize, usize)>,
    pub catalogs: bool,
    /// search.html, 404.html and the search index.
    pub search: bool,
    /// sitemap.xml and the Atom feeds.
    pub feeds: bool,
    /// data/notices.json and .csv.
    pub data: bool,
    /// The theme's static files.
    pub statics: bool,
    /// The policy library's pages and `data/policy.json`: few, and linked across files, so
    /// rendered whole or not at all.
    pub policy: bool,
    /// The 办事一本通 pages: a few per book, rendered together (a guide's new title shows
    /// in its book's 目录 and its chapter's list).
    pub books: bool,
    /// Output paths each selected notice produced, so a later edit can remove the ones it no
    /// longer produces (a deleted attachment, a renamed notice).
    produced: Mutex<BTreeMap<usize, Vec<String>>>,
    /// Every output path of the policy library when it was rendered, so that a page it no
    /// longer makes (a renamed document, a year no document has any more) can be removed.
    policy_produced: Mutex<Option<Vec<String>>>,
}

impl Selection {
    /// Every page of `site`.
    pub fn everything(site: &crate::site::Site) -> Selection {
        let towns = site.config.townships.len();
        let domains = site.catalogs.domains.len();
        Selection {
            notices: (0..site.notices.len()).collect(),
            home: true,
            townships: (0..towns).collect(),
            domain_tables: (0..towns).flat_map(|t| (0..domains).map(move |d| (t, d))).collect(),
            items: site.notices.iter().map(|n| n.item).collect(),
            villages: site
                .config
                .townships
                .iter()
                .enumerate()
                .flat_map(|(t, town)| (0..town.villages.len()).map(move |v| (t, v)))
                .collect(),
            catalogs: true,
            search: true,
            feeds: true,
            data: true,
            statics: true,
            policy: true,
            books: true,
            produced: Mutex::default(),
            policy_produced: Mutex::default(),
        }
    }

    /// Only the search page and index.
    pub fn search_only() -> Selection {
        Selection {
            search: true,
            ..Selection::default()
        }
    }

    pub(crate) fn record(&self, notice: usize, paths: Vec<String>) {
        if let Ok(mut m) = self.produced.lock() {
            m.insert(notice, paths);
        }
    }

    pub(crate) fn record_policy(&self, paths: Vec<String>) {
        if let Ok(mut m) = self.policy_produced.lock() {
            *m = Some(paths);
        }
    }

    /// The policy library's output paths, when it was rendered.
    pub fn take_policy_produced(&self) -> Option<Vec<String>> {
        self.policy_produced.lock().ok().and_then(|mut m| m.take())
    }

    /// What each rendered notice produced, by notice index.
    pub fn take_produced(&self) -> BTreeMap<usize, Vec<String>> {
        self.produced
            .lock()
            .map(|mut m| std::mem::take(&mut *m))
            .unwrap_or_default()
    }
}
