//! The county home page.

use crate::render::view::{Card, PageMeta};
use crate::render::{Output, RenderCx};
use crate::resolve::PeriodState;
use serde::Serialize;

#[derive(Serialize)]
struct TownSummary<'a> {
    name: &'a str,
    url: String,
    count: usize,
    villages: usize,
}

pub fn render(cx: &RenderCx) -> Output {
    let site = cx.site;
    let towns: Vec<TownSummary> = site
        .config
        .townships
        .iter()
        .enumerate()
        .map(|(i, t)| TownSummary {
            name: &t.name,
            url: format!("{}/index.html", t.slug),
            count: cx.index.by_township[i].len(),
            villages: t.villages.len(),
        })
        .collect();
    let running: Vec<&Card> = cx
        .index
        .newest
        .iter()
        .map(|&i| &cx.index.cards[i])
        .filter(|c| c.period.as_ref().is_some_and(|p| p.state == PeriodState::Running))
        .take(super::LATEST)
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("townships", &towns);
    ctx.insert("latest", &cx.index.cards(&cx.index.newest, super::LATEST));
    ctx.insert("running", &running);
    ctx.insert("total", &site.notices.len());
    let domains: Vec<(&str, &str)> = site
        .catalogs
        .domains
        .iter()
        .map(|d| (d.name.as_str(), d.slug.as_str()))
        .collect();
    ctx.insert("domains", &domains);
    ctx.insert("books", &super::book::views(site));
    let meta = PageMeta {
        url: "index.html".into(),
        title: site.config.site.title.clone(),
        description: format!("{}基层政务公开：标准目录、公告公示、办事指南", site.config.site.county),
        column_name: "首页".into(),
        column_type: "首页".into(),
        ..Default::default()
    };
    cx.page("index.html", meta, ctx)
}
