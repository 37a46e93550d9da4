//! What templates see. Plain serialisable structs, built once per notice and shared by every
//! page that lists it, so that no page does work that grows with the size of the site.

use crate::config::Footer;
use crate::resolve::{Notice, PeriodState};
use crate::site::Site;
use serde::Serialize;

#[derive(Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub county: &'a str,
    pub code: &'a str,
    pub base_url: &'a str,
    pub domain_name: String,
    pub footer: &'a Footer,
    pub townships: Vec<TownLink>,
    pub today: String,
    /// The site has a policy library (`policy/index.html`).
    pub policy: bool,
    /// The site has annual reports (`annual/index.html`, crate::annual).
    pub annual: bool,
    /// The site has 办事一本通 books (`books/index.html`).
    pub books: bool,
}

#[derive(Serialize, Clone)]
pub struct TownLink {
    pub name: String,
    pub slug: String,
    pub url: String,
}

/// Government page metadata (gov-norms 1.3) and navigation of one page.
#[derive(Serialize, Default)]
pub struct PageMeta {
    /// Relative prefix from this page to the site root: `""`, `"../"`, `"../../"`.
    pub root: String,
    /// This page's path from the site root.
    pub url: String,
    pub title: String,
    pub description: String,
    pub column_name: String,
    pub column_type: String,
    pub article: Option<ArticleMeta>,
    pub crumbs: Vec<Crumb>,
}

#[derive(Serialize)]
pub struct ArticleMeta {
    pub title: String,
    /// `YYYY-MM-DD HH:MM`, as the norm asks.
    pub pub_date: String,
    pub source: String,
}

#[derive(Serialize, Clone)]
pub struct Crumb {
    pub name: String,
    pub url: String,
}

#[derive(Serialize, Clone)]
pub struct PeriodView {
    pub start: String,
    pub end: String,
    pub state: PeriodState,
    pub state_zh: &'static str,
}

/// A notice as lists show it.
#[derive(Serialize, Clone)]
pub struct Card {
    pub title: String,
    pub url: String,
    pub township: String,
    pub township_slug: String,
    pub village: String,
    pub domain: String,
    pub domain_slug: String,
    pub item_id: String,
    pub item_path: String,
    pub published: String,
    pub period: Option<PeriodView>,
}

impl Card {
    pub fn new(site: &Site, n: &Notice) -> Card {
        let t = &site.config.townships[n.township];
        let d = site.catalogs.domain(n.item);
        let item = site.catalogs.item(n.item);
        Card {
            title: site.derived(n, &n.title).into_owned(),
            url: n.url.clone(),
            township: t.name.clone(),
            township_slug: t.slug.clone(),
            village: n.village.map(|v| t.villages[v].name.clone()).unwrap_or_default(),
            domain: d.name.clone(),
            domain_slug: d.slug.clone(),
            item_id: item.id.clone(),
            item_path: item.path(),
            published: crate::dates::format_date(n.published),
            period: period_view(site, n),
        }
    }
}

pub fn period_view(site: &Site, n: &Notice) -> Option<PeriodView> {
    let p = n.period?;
    let state = n.period_state(site.today, site.config.print.withdraw_after_days)?;
    Some(PeriodView {
        start: crate::dates::format_date(p.start),
        end: crate::dates::format_date(p.end),
        state,
        state_zh: match state {
            PeriodState::NotStarted => "尚未开始",
            PeriodState::Running => "公示中",
            PeriodState::Ended | PeriodState::Withdrawn => "公示期已结束",
        },
    })
}

/// The list page of one catalog item: its notices across the county, grouped by township,
/// with an anchor per township (`items/sa-05.html#qingshan`). One page per item rather than per
/// township and item keeps a large county's output to a few hundred list files.
pub fn item_url(item_id: &str) -> String {
    format!("items/{item_id}.html")
}

/// A village's page.
pub fn village_url(township: &str, village: &str) -> String {
    format!("{township}/v/{village}.html")
}

/// `"../"` repeated once per folder of `url`.
pub fn root_of(url: &str) -> String {
    "../".repeat(url.matches('/').count())
}

impl<'a> SiteView<'a> {
    pub fn new(site: &'a Site) -> SiteView<'a> {
        let c = &site.config;
        SiteView {
            title: &c.site.title,
            county: &c.site.county,
            code: &c.site.code,
            base_url: &c.site.base_url,
            domain_name: c
                .site
                .base_url
                .split("://")
                .nth(1)
                .map(|r| r.split('/').next().unwrap_or("").to_string())
                .unwrap_or_default(),
            footer: &c.footer,
            townships: c
                .townships
                .iter()
                .map(|t| TownLink {
                    name: t.name.clone(),
                    slug: t.slug.clone(),
                    url: format!("{}/index.html", t.slug),
                })
                .collect(),
            today: crate::dates::format_date(site.today),
            policy: !site.policy.is_empty(),
            annual: !site.annual.is_empty(),
            books: !site.books.books.is_empty(),
        }
    }
}
