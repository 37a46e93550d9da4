//! A township's page, and per township × domain the catalog table with each item's notices
//! (the view of a 基层政务公开专栏, where blank columns show up).

use crate::render::view::{Crumb, PageMeta, root_of};
use crate::render::{Output, RenderCx};
use crate::resolve::PeriodState;
use rayon::prelude::*;
use serde::Serialize;

#[derive(Serialize)]
struct DomainRow<'a> {
    name: &'a str,
    slug: &'a str,
    url: String,
    count: usize,
    items: usize,
    covered: usize,
}

pub fn render_all(cx: &RenderCx) -> Vec<Output> {
    let n = cx.site.config.townships.len();
    let mut out: Vec<Output> = (0..n)
        .into_par_iter()
        .filter(|t| cx.wants(|s| s.townships.contains(t)))
        .map(|t| township(cx, t))
        .collect();
    let pairs: Vec<(usize, usize)> = (0..n)
        .flat_map(|t| (0..cx.site.catalogs.domains.len()).map(move |d| (t, d)))
        .filter(|p| cx.wants(|s| s.domain_tables.contains(p)))
        .collect();
    out.extend(
        pairs
            .into_par_iter()
            .map(|(t, d)| domain_table(cx, t, d))
            .collect::<Vec<_>>(),
    );
    out
}

fn township(cx: &RenderCx, t: usize) -> Output {
    let site = cx.site;
    let town = &site.config.townships[t];
    let domains: Vec<DomainRow> = site
        .catalogs
        .domains
        .iter()
        .enumerate()
        .map(|(d, dom)| DomainRow {
            name: &dom.name,
            slug: &dom.slug,
            url: format!("{}/{}/index.html", town.slug, dom.slug),
            count: cx.index.by_township_domain.get(&(t, d)).map_or(0, Vec::len),
            items: dom.items.len(),
            covered: (0..dom.items.len())
                .filter(|&i| {
                    cx.index
                        .by_township_item
                        .contains_key(&(t, crate::catalog::ItemRef { domain: d, item: i }))
                })
                .count(),
        })
        .collect();
    let ids = &cx.index.by_township[t];
    let running: Vec<_> = ids
        .iter()
        .map(|&i| &cx.index.cards[i])
        .filter(|c| c.period.as_ref().is_some_and(|p| p.state == PeriodState::Running))
        .collect();
    let villages: Vec<(String, String, usize)> = town
        .villages
        .iter()
        .enumerate()
        .map(|(v, vil)| {
            (
                vil.name.clone(),
                crate::render::view::village_url(&town.slug, &vil.slug),
                cx.index.by_village.get(&(t, v)).map_or(0, Vec::len),
            )
        })
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("township", town);
    ctx.insert("domains", &domains);
    ctx.insert("latest", &cx.index.cards(ids, super::LATEST));
    ctx.insert("running", &running);
    ctx.insert("villages", &villages);
    ctx.insert("total", &ids.len());
    // The township's own policy library, when it issues documents or calls of its own.
    let lib = &site.policy;
    let own_policy =
        lib.documents.iter().any(|d| d.township == Some(t)) || lib.consultations.iter().any(|c| c.township == Some(t));
    ctx.insert(
        "policy_url",
        &own_policy.then(|| format!("{}/policy/index.html", town.slug)),
    );
    let url = format!("{}/index.html", town.slug);
    let meta = PageMeta {
        root: root_of(&url),
        title: format!("{}政务公开", town.name),
        description: format!("{}基层政务公开专栏", town.name),
        column_name: town.name.clone(),
        column_type: "信息公开目录".into(),
        crumbs: vec![Crumb {
            name: town.name.clone(),
            url: url.clone(),
        }],
        url,
        ..Default::default()
    };
    cx.page("township.html", meta, ctx)
}

#[derive(Serialize)]
struct ItemRow<'a> {
    seq: usize,
    id: &'a str,
    level1: &'a str,
    level2: &'a str,
    level3: &'a str,
    elements: String,
    limit: String,
    levels: String,
    url: String,
    count: usize,
    /// The item is published by the county, not the township: not a blank column here.
    county_only: bool,
    notices: Vec<&'a crate::render::view::Card>,
}

fn domain_table(cx: &RenderCx, t: usize, d: usize) -> Output {
    let site = cx.site;
    let town = &site.config.townships[t];
    let dom = &site.catalogs.domains[d];
    let rows: Vec<ItemRow> = dom
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let ids: &[usize] = cx
                .index
                .by_township_item
                .get(&(t, crate::catalog::ItemRef { domain: d, item: i }))
                .map_or(&[], Vec::as_slice);
            ItemRow {
                seq: i + 1,
                id: &item.id,
                level1: &item.level1,
                level2: &item.level2,
                level3: item.level3.as_deref().unwrap_or(""),
                elements: item
                    .elements
                    .iter()
                    .map(|e| e.name.as_str())
                    .collect::<Vec<_>>()
                    .join("；"),
                limit: item.effective_limit().describe(),
                levels: item.levels.join("、"),
                url: format!("{}#{}", crate::render::view::item_url(&item.id), town.slug),
                count: ids.len(),
                county_only: !item.allows(crate::catalog::Level::Township),
                notices: cx.index.cards(ids, 5),
            }
        })
        .collect();
    let blank = rows.iter().filter(|r| r.count == 0 && !r.county_only).count();
    let mut ctx = tera::Context::new();
    ctx.insert("township", town);
    ctx.insert(
        "domain",
        &serde_json::json!({"name": dom.name, "slug": dom.slug, "ministry": dom.ministry, "source": dom.source}),
    );
    ctx.insert("rows", &rows);
    ctx.insert("blank", &blank);
    let url = format!("{}/{}/index.html", town.slug, dom.slug);
    let meta = PageMeta {
        root: root_of(&url),
        title: format!("{} · {}", town.name, dom.name),
        description: format!("{}{}领域基层政务公开标准目录", town.name, dom.name),
        column_name: dom.name.clone(),
        column_type: "信息公开目录".into(),
        crumbs: vec![
            Crumb {
                name: town.name.clone(),
                url: format!("{}/index.html", town.slug),
            },
            Crumb {
                name: dom.name.clone(),
                url: url.clone(),
            },
        ],
        url,
        ..Default::default()
    };
    cx.page("domain.html", meta, ctx)
}
