//! Stage 4: validate. Every rule of SPEC 5 that needs a resolved notice, one file per rule
//! family. Notices are checked in parallel; each rule only reads the [`Site`] and pushes
//! diagnostics, so rules never depend on one another's order.

mod catalog_rules;
pub mod links;
mod privacy_rules;
mod time_rules;

use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::resolve::Notice;
use crate::site::Site;
use crate::tr;
use rayon::prelude::*;

/// What a rule sees: the whole site, read-only, and its own list of findings.
pub struct Ctx<'a> {
    pub site: &'a Site,
    diags: Diagnostics,
}

impl Ctx<'_> {
    pub fn push(&mut self, d: Diagnostic) {
        let d = match self.site.sources.iter().find(|s| s.rel == d.file) {
            Some(s) if d.source_line.is_none() => d.with_source(&s.text),
            _ => d,
        };
        self.diags.push(d);
    }

    /// A date fell in a year the calendar does not cover: say so once per place, never guess.
    pub fn missing_year(&mut self, n: &Notice, pos: Pos, year: i16) {
        self.push(Diagnostic::warning(
            crate::diag::Code::NoCalendar,
            &n.rel,
            pos,
            tr!(
                "日历中没有 {year} 年的法定节假日安排，无法按工作日计算",
                "no official holiday calendar for {year}: working days cannot be counted"
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
    let per_notice: Vec<Diagnostics> = site
        .notices
        .par_iter()
        .enumerate()
        .map(|(i, n)| {
            let mut cx = Ctx {
                site,
                diags: Diagnostics::new(),
            };
            catalog_rules::check(&mut cx, n);
            time_rules::check(&mut cx, n);
            privacy_rules::check(&mut cx, i, n);
            links::check(&mut cx, n);
            cx.diags
        })
        .collect();
    for d in per_notice {
        diags.extend(d);
    }
    let mut cx = Ctx {
        site,
        diags: Diagnostics::new(),
    };
    links::duplicates(&mut cx);
    diags.extend(cx.diags);
}
