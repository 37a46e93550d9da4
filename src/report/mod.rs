//! `gongkai report` (SPEC 10): what the county's assessments (测评, 考评) look for, computed
//! from the checked [`Site`] before the assessors read the site.
//!
//! One module per section, each a pure function of the site and the [`Options`]:
//! [`coverage`] (blank columns), [`timeliness`] (late notices, on-time rate), [`freshness`]
//! (stale sections, periodic items due or overdue), [`periods`] (公示期 running, lists
//! withdrawn or still up), [`exemptions`], [`feedback`] (征求意见 still unanswered), [`counts`] (主动公开 by domain), and
//! [`rectify`], which turns every finding into one row of the 整改清单. They fill a
//! [`Report`], whose serde form is the JSON of SPEC 10; [`sheets`] flattens it into the tables
//! that [`csv`], [`xlsx`] and [`html`] write. Nothing here re-reads a source file or writes
//! one: the command (`cli/report.rs`) writes what these return, through one function.
//!
//! Every text that comes from a notice (title, file name, exemption reason) passes
//! [`crate::privacy::Scanner::mask_all`] when the report is built ([`Cx::clean`]), so no
//! format can carry an unmasked identifier, whatever the checks let through.

pub mod counts;
pub mod coverage;
pub mod csv;
pub mod exemptions;
pub mod feedback;
pub mod freshness;
pub mod html;
pub mod in_site;
pub mod json;
pub mod period;
pub mod periods;
pub mod rectify;
pub mod sheets;
pub mod timeliness;
pub mod xlsx;

pub use period::empty_townships;

use crate::privacy::Scanner;
use crate::resolve::Notice;
use crate::site::Site;
use jiff::civil::Date;
use serde::{Serialize, Serializer};

/// What to report on: a period (inclusive), optionally one township, and the site's "today"
/// (`site.today`) for everything that depends on the day (freshness, notice periods).
#[derive(Clone, Debug)]
pub struct Options {
    pub from: Date,
    pub to: Date,
    /// Index into `site.config.townships`; `None` for the whole county.
    pub township: Option<usize>,
}

/// The report. Its serde form is the JSON interface of SPEC 10 (`period`, `townships[]` with
/// `code`, `name`, `coverage{items, covered, blank[]}`, `late[]`, `in_notice_period[]`,
/// `counts{}`, and `privacy_exemptions[]`); the other keys are additions (docs/report.md).
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub period: PeriodRange,
    #[serde(serialize_with = "date")]
    pub date: Date,
    pub county: String,
    pub townships: Vec<TownshipReport>,
    pub privacy_exemptions: Vec<exemptions::Exemption>,
    /// 征求意见 closed without their 意见反馈 (GK162), county and townships.
    pub awaiting_feedback: Vec<feedback::Awaiting>,
    pub counts: counts::CountyCounts,
    pub rectification: Vec<rectify::Finding>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PeriodRange {
    #[serde(serialize_with = "date")]
    pub from: Date,
    #[serde(serialize_with = "date")]
    pub to: Date,
}

#[derive(Clone, Debug, Serialize)]
pub struct TownshipReport {
    /// Index into `site.config.townships`.
    #[serde(skip)]
    pub index: usize,
    pub code: String,
    pub name: String,
    pub slug: String,
    /// Notices of the township (its villages included) published in the period.
    pub notices: usize,
    pub coverage: coverage::Coverage,
    pub late: Vec<timeliness::Late>,
    pub timeliness: timeliness::Timeliness,
    pub freshness: freshness::Freshness,
    pub in_notice_period: Vec<periods::InPeriod>,
    pub withdrawn: Vec<periods::ListState>,
    pub still_up: Vec<periods::ListState>,
    pub counts: std::collections::BTreeMap<String, usize>,
}

/// What every section needs: the site, the options, and the scanner for notice text.
pub struct Cx<'a> {
    pub site: &'a Site,
    pub opt: &'a Options,
    scanner: Scanner,
}

impl<'a> Cx<'a> {
    pub fn new(site: &'a Site, opt: &'a Options) -> Cx<'a> {
        let mut scanner = Scanner::new(site.today);
        scanner.allow(&site.config.official_contacts());
        Cx { site, opt, scanner }
    }

    /// Notice text as it may appear in a report: every identifier masked. An exemption
    /// covers the notice page and its printout only (SPEC 5.6), never a derived output.
    pub fn clean(&self, s: &str) -> String {
        self.scanner.mask_all(s)
    }

    pub fn in_period(&self, n: &Notice) -> bool {
        n.published >= self.opt.from && n.published <= self.opt.to
    }

    /// The townships reported on, in book.toml order.
    pub fn townships(&self) -> Vec<usize> {
        match self.opt.township {
            Some(t) => vec![t],
            None => (0..self.site.config.townships.len()).collect(),
        }
    }

    /// Indexes of the notices of township `t` (its villages' included), in a stable order:
    /// by publish date, then file.
    pub fn notices_of(&self, t: usize) -> Vec<usize> {
        let mut v: Vec<usize> = (0..self.site.notices.len())
            .filter(|&i| self.site.notices[i].township == t)
            .collect();
        v.sort_by(|&a, &b| {
            let (na, nb) = (&self.site.notices[a], &self.site.notices[b]);
            na.published.cmp(&nb.published).then_with(|| na.rel.cmp(&nb.rel))
        });
        v
    }

    /// `社会救助/最低生活保障/审核信息`: the domain's name and the item's path.
    pub fn item_path(&self, r: crate::catalog::ItemRef) -> String {
        format!(
            "{}/{}",
            self.site.catalogs.domain(r).name,
            self.site.catalogs.item(r).path()
        )
    }

    pub fn village_name(&self, n: &Notice) -> String {
        n.village
            .map(|v| self.site.config.townships[n.township].villages[v].name.clone())
            .unwrap_or_default()
    }
}

/// Build the whole report. The caller has checked the options ([`period`]); a period with no
/// notice is refused there too, so every figure here describes real notices.
pub fn build(site: &Site, opt: &Options) -> Report {
    let cx = Cx::new(site, opt);
    let townships: Vec<TownshipReport> = cx.townships().into_iter().map(|t| township(&cx, t)).collect();
    let privacy_exemptions = exemptions::collect(&cx);
    let awaiting_feedback = feedback::collect(&cx);
    let counts = counts::county(&cx, &townships);
    let rectification = rectify::collect(&cx, &townships, &awaiting_feedback);
    Report {
        period: PeriodRange {
            from: opt.from,
            to: opt.to,
        },
        date: site.today,
        county: site.config.site.county.clone(),
        townships,
        privacy_exemptions,
        awaiting_feedback,
        counts,
        rectification,
    }
}

fn township(cx: &Cx, t: usize) -> TownshipReport {
    let town = &cx.site.config.townships[t];
    let ids = cx.notices_of(t);
    let (late, timeliness) = timeliness::township(cx, &ids);
    let (in_notice_period, withdrawn, still_up) = periods::township(cx, &ids);
    TownshipReport {
        index: t,
        code: town.code.clone(),
        name: town.name.clone(),
        slug: town.slug.clone(),
        notices: ids.iter().filter(|&&i| cx.in_period(&cx.site.notices[i])).count(),
        coverage: coverage::township(cx, t, &ids),
        late,
        timeliness,
        freshness: freshness::township(cx, t, &ids),
        in_notice_period,
        withdrawn,
        still_up,
        counts: counts::township(cx, &ids),
    }
}

/// Dates in every format are written one way, `2026-09-25`.
pub fn date<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::dates::format_date(*d))
}

pub fn opt_date<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&crate::dates::format_date(*d)),
        None => s.serialize_none(),
    }
}

/// The day after `d` (saturating at jiff's limit, which no real date reaches).
pub fn next_day(d: Date) -> Date {
    d.tomorrow().unwrap_or(d)
}

/// A share as a fraction rounded to four places (0.8571), `None` when there is nothing to
/// divide: "no notice" is not "0 % on time".
pub fn rate(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| ((part as f64 / whole as f64) * 10_000.0).round() / 10_000.0)
}
