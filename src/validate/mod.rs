//! Stage 4: validate. Every rule of SPEC 5 that needs a resolved notice, one file per rule
//! family. Notices are checked in parallel; each rule only reads the [`Site`] and pushes
//! diagnostics, so rules never depend on one another's order.

mod catalog_rules;
mod guide_rules;
pub mod links;
mod policy_rules;
mod privacy_rules;
mod template_rules;
mod time_rules;

pub use time_rules::notice_days_late;

use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::resolve::Notice;
use crate::site::Site;
use crate::tr;
use rayon::prelude::*;
use std::collections::HashMap;

/// What a rule sees: the whole site, read-only, and its own list of findings.
pub struct Ctx<'a> {
    pub site: &'a Site,
    /// Source index by relative path, to attach the source line to a finding (a linear search
    /// per finding would be quadratic on a 100k-notice site with many warnings).
    by_rel: &'a HashMap<&'a str, usize>,
    diags: Diagnostics,
}

impl<'a> Ctx<'a> {
    fn new(site: &'a Site, by_rel: &'a HashMap<&'a str, usize>) -> Ctx<'a> {
        Ctx {
            site,
            by_rel,
            diags: Diagnostics::new(),
        }
    }

    /// Whether a finding of `code` in `file` would still be kept; when not, it is counted and
    /// the caller skips building it (a "did you mean" hint reads a folder).
    pub fn wants(&mut self, file: &str, code: crate::diag::Code) -> bool {
        if self.diags.wants(file, code) {
            return true;
        }
        self.diags.count_only(file, code);
        false
    }

    pub fn push(&mut self, d: Diagnostic) {
        if !self.wants(&d.file, d.code) {
            return;
        }
        let d = match self.by_rel.get(d.file.as_str()) {
            Some(&i) if d.source_line.is_none() => d.with_source(&self.site.sources[i].text()),
            _ => d,
        };
        self.diags.push(d);
    }

    /// A date fell in a year the calendar does not cover: say so once per place, never guess.
    /// `what` says which check could not be made.
    pub fn missing_year(&mut self, n: &Notice, pos: Pos, year: i16, what: crate::diag::Text) {
        let (zh, en) = (what.zh, what.en);
        self.push(Diagnostic::warning(
            crate::diag::Code::NoCalendar,
            &n.rel,
            pos,
            tr!(
                "日历中没有 {year} 年的法定节假日和调休安排，{zh}",
                "no official holiday calendar for {year}: {en}"
            ),
            tr!(
                "在站点根目录的 calendar.toml 中加入 {year} 年的放假和调休安排（格式见 gongkai explain GK042）。",
                "Add {year}'s holidays and make-up days to calendar.toml (see gongkai explain GK042)."
            ),
        ));
    }
}

/// Run every rule over every notice of `site`.
pub fn validate(site: &Site, diags: &mut Diagnostics) {
    let found = validate_files(site, &|_| true, &|_| true);
    for (_, d) in found.notices {
        diags.append(d);
    }
    for (_, d) in found.others {
        diags.append(d);
    }
    diags.append(found.site);
}

/// The findings of [`validate_files`], each file's apart so that `gongkai serve` can keep
/// them and re-check only the files an edit touched.
pub struct Found {
    /// (index into `site.notices`, its findings), in notice order.
    pub notices: Vec<(usize, Diagnostics)>,
    /// (index into `site.sources`, its findings) for sources that are not notices.
    pub others: Vec<(usize, Diagnostics)>,
    /// Rules over the whole site (duplicate output paths): always run.
    pub site: Diagnostics,
}

/// Run the per-file rules over the notices and other sources the filters pick, and the
/// site-wide rules.
pub fn validate_files(
    site: &Site,
    notice: &(dyn Fn(usize) -> bool + Sync),
    other: &(dyn Fn(usize) -> bool + Sync),
) -> Found {
    let by_rel: HashMap<&str, usize> = site
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.rel.as_str(), i))
        .collect();
    let by_rel = &by_rel;
    let notices: Vec<(usize, Diagnostics)> = site
        .notices
        .par_iter()
        .enumerate()
        .filter(|(i, _)| notice(*i))
        .map(|(i, n)| {
            let mut cx = Ctx::new(site, by_rel);
            catalog_rules::check(&mut cx, n);
            template_rules::check(&mut cx, n);
            time_rules::check(&mut cx, n);
            privacy_rules::check(&mut cx, i, n);
            links::check(&mut cx, i, n);
            policy_rules::citations(&mut cx, n);
            guide_rules::check(&mut cx, i, n);
            (i, cx.diags)
        })
        .collect();
    let mut is_notice = vec![false; site.sources.len()];
    for n in &site.notices {
        is_notice[n.source] = true;
    }
    let others: Vec<(usize, Diagnostics)> = site
        .sources
        .par_iter()
        .enumerate()
        .filter(|(i, _)| !is_notice[*i] && other(*i))
        .map(|(i, s)| {
            let mut cx = Ctx::new(site, by_rel);
            privacy_rules::other_source(&mut cx, s);
            links::other_source(&mut cx, s);
            template_rules::other_source(&mut cx, s);
            (i, cx.diags)
        })
        .collect();
    let mut cx = Ctx::new(site, by_rel);
    links::duplicates(&mut cx);
    policy_rules::check(&mut cx);
    Found {
        notices,
        others,
        site: cx.diags,
    }
}
