//! The incremental check. The checked [`Site`] is kept between edits with every file's
//! findings apart; an edit re-loads only the changed Markdown files, resolves the notices
//! again (cheap: front matter is already parsed, and the `_index.md` cascade and the catalog
//! lookups need the whole set), re-reads the data files and re-runs the per-file rules only
//! for the notices [`Readers`] says the edit touches, and re-runs the site-wide rules
//! (duplicate output paths). book.toml, calendar.toml, catalogs and themes make a whole check.

use super::deps::Readers;
use crate::catalog::Catalogs;
use crate::diag::{Diagnostic, Diagnostics, rel_path};
use crate::load::{Loaded, Source};
use crate::render::theme::Theme;
use crate::site::Site;
use jiff::civil::Date;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

pub struct Engine {
    root: PathBuf,
    today: Date,
    /// book.toml, calendar, catalogs and theme findings of the last whole check.
    base: Vec<Diagnostic>,
    site: Option<Site>,
    theme: Option<Theme>,
    /// Per file: what loading it found (encoding, front matter syntax).
    loaded: BTreeMap<String, Vec<Diagnostic>>,
    /// Everything resolve found (it runs over all notices on every edit).
    resolved: Vec<Diagnostic>,
    /// Per file: what the per-file rules found.
    checked: BTreeMap<String, Vec<Diagnostic>>,
    /// Site-wide rules.
    sitewide: Vec<Diagnostic>,
    readers: Readers,
}

impl Engine {
    pub fn new(root: &Path, today: Date) -> Engine {
        Engine {
            root: root.to_path_buf(),
            today,
            base: Vec::new(),
            site: None,
            theme: None,
            loaded: BTreeMap::new(),
            resolved: Vec::new(),
            checked: BTreeMap::new(),
            sitewide: Vec::new(),
            readers: Readers::default(),
        }
    }

    /// The site and theme of the latest check, when book.toml could be read.
    pub fn site(&self) -> Option<(&Site, &Theme)> {
        Some((self.site.as_ref()?, self.theme.as_ref()?))
    }

    /// Every finding of the latest check, sorted as `check` prints them.
    pub fn problems(&self) -> Vec<Diagnostic> {
        let mut d = Diagnostics::new();
        d.extend(self.base.iter().cloned());
        d.extend(self.loaded.values().flatten().cloned());
        d.extend(self.resolved.iter().cloned());
        d.extend(self.checked.values().flatten().cloned());
        d.extend(self.sitewide.iter().cloned());
        d.sorted()
    }

    /// Check everything from scratch.
    pub fn whole(&mut self) {
        let root = &self.root;
        let mut d = Diagnostics::new();
        let config = crate::config::load(root, &mut d);
        let calendar = crate::pipeline::load_calendar(root, &mut d);
        let catalogs = Catalogs::load(root, &mut d);
        self.theme = config
            .as_ref()
            .and_then(|c| crate::render::theme::load(root, &c.site.theme, &mut d));
        self.base = d.into_iter().collect();
        self.loaded.clear();
        self.checked.clear();
        let Some(config) = config else {
            self.site = None;
            return;
        };
        let results: Vec<(String, Option<Source>, Diagnostics)> = markdown_files(root)
            .par_iter()
            .map(|p| {
                let mut d = Diagnostics::new();
                let s = crate::load::load_one(root, p, &mut d);
                (rel_path(root, p), s, d)
            })
            .collect();
        let mut sources = Vec::with_capacity(results.len());
        for (rel, s, d) in results {
            self.loaded.insert(rel, d.into_iter().collect());
            sources.extend(s);
        }
        self.site = Some(Site {
            root: root.clone(),
            config,
            catalogs,
            calendar,
            sources,
            notices: Vec::new(),
            tables: Vec::new(),
            policy: crate::policy::Library::default(),
            books: crate::book::Books::default(),
            annual: Vec::new(),
            extracted: Default::default(),
            today: self.today,
        });
        self.resolve_and_check(None);
    }

    /// Check after an edit of `changed` (files under `content/`); returns the touched notices
    /// (relative paths), or `None` when there is no site to patch and a whole check was run.
    pub fn edit(&mut self, changed: &[PathBuf]) -> Option<BTreeSet<String>> {
        if self.site.is_none() {
            self.whole();
            return None;
        }
        let root = self.root.clone();
        let rels: BTreeSet<String> = changed.iter().map(|p| rel_path(&root, p)).collect();
        let site = self.site.as_mut()?;
        for p in changed.iter().filter(|p| is_markdown(p)) {
            let rel = rel_path(&root, p);
            site.sources.retain(|s| s.rel != rel);
            self.loaded.remove(&rel);
            // A file deleted or renamed away (also mid-save) simply is not there any more.
            if !p.is_file() {
                continue;
            }
            let mut d = Diagnostics::new();
            if let Some(s) = crate::load::load_one(&root, p, &mut d) {
                let at = site.sources.partition_point(|x| x.path < s.path);
                site.sources.insert(at, s);
            }
            self.loaded.insert(rel, d.into_iter().collect());
        }
        let touched = self.readers.touched(&rels);
        self.resolve_and_check(Some(&touched));
        Some(touched)
    }

    /// Resolve every notice; re-check the `touched` ones (all for `None`).
    fn resolve_and_check(&mut self, touched: Option<&BTreeSet<String>>) {
        let Some(site) = self.site.as_mut() else { return };
        let loaded = Loaded {
            sources: std::mem::take(&mut site.sources),
        };
        let mut rd = Diagnostics::new();
        let notices = crate::resolve::resolve(&self.root, &site.config, &site.catalogs, &loaded, &mut rd);
        // The library is small and its references run across files: typed again whole.
        site.policy = crate::resolve::policy::resolve(&self.root, &site.config, &loaded, &mut rd);
        site.policy.derive(site.today);
        site.books = crate::book::resolve(&self.root, &site.config, &site.catalogs, &notices, &mut rd);
        site.sources = loaded.sources;
        self.resolved = rd.into_iter().collect();
        let is_touched = |rel: &str| touched.is_none_or(|t| t.contains(rel));
        // Data tables of untouched notices are kept; touched ones are read again.
        let mut old: BTreeMap<String, Option<crate::load::table::DataTable>> = std::mem::take(&mut site.notices)
            .into_iter()
            .map(|n| n.rel)
            .zip(std::mem::take(&mut site.tables))
            .collect();
        site.tables = notices
            .iter()
            .map(|n| match old.remove(&n.rel) {
                Some(t) if !is_touched(&n.rel) => t,
                _ => n.data.as_ref().and_then(|d| crate::load::table::read(&d.source).ok()),
            })
            .collect();
        site.notices = notices;
        // The annual reports read the policy library, so they are checked again with it.
        let mut ad = Diagnostics::new();
        site.annual = crate::annual::pages::check_site(site, &mut ad);
        self.resolved.extend(ad);
        let checked = &self.checked;
        let fresh = |rel: &str| is_touched(rel) || !checked.contains_key(rel);
        let site = &*site;
        let found =
            crate::validate::validate_files(site, &|i| fresh(&site.notices[i].rel), &|i| fresh(&site.sources[i].rel));
        for (i, d) in found.notices {
            self.checked
                .insert(site.notices[i].rel.clone(), d.into_iter().collect());
        }
        for (i, d) in found.others {
            self.checked
                .insert(site.sources[i].rel.clone(), d.into_iter().collect());
        }
        let present: BTreeSet<&str> = site.sources.iter().map(|s| s.rel.as_str()).collect();
        self.checked.retain(|r, _| present.contains(r.as_str()));
        self.sitewide = found.site.into_iter().collect();
        self.readers = Readers::of(site);
    }
}

fn is_markdown(p: &Path) -> bool {
    p.extension().is_some_and(|e| e.eq_ignore_ascii_case("md"))
}

/// Every `.md` below `content/`, sorted, as the load stage finds them.
fn markdown_files(root: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(root.join("content"))
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| is_markdown(p))
        .collect();
    paths.sort();
    paths
}
