//! Per catalog item: every notice of that item in the county, newest first, grouped by
//! township (`items/<id>.html#<township>`), for items that have notices.

use crate::render::RenderCx;
use crate::render::view::{Card, Crumb, PageMeta, item_url, root_of};
use rayon::prelude::*;
use serde::Serialize;

#[derive(Serialize)]
struct Group<'a> {
    name: &'a str,
    slug: &'a str,
    notices: Vec<&'a Card>,
}

pub fn render_all(cx: &RenderCx) {
    let keys: Vec<_> = cx
        .index
        .by_item
        .iter()
        .filter(|(r, _)| cx.wants(|s| s.items.contains(r)))
        .collect();
    keys.into_par_iter().for_each(|(&r, ids)| {
        let site = cx.site;
        let dom = site.catalogs.domain(r);
        let item = site.catalogs.item(r);
        let groups: Vec<Group> = site
            .config
            .townships
            .iter()
            .enumerate()
            .filter_map(|(t, town)| {
                let notices: Vec<&Card> = ids
                    .iter()
                    .filter(|&&i| site.notices[i].township == t)
                    .map(|&i| &cx.index.cards[i])
                    .collect();
                (!notices.is_empty()).then_some(Group {
                    name: &town.name,
                    slug: &town.slug,
                    notices,
                })
            })
            .collect();
        let mut ctx = tera::Context::new();
        ctx.insert("domain", &serde_json::json!({"name": dom.name, "slug": dom.slug}));
        ctx.insert("item", item);
        ctx.insert("limit", &item.effective_limit().describe());
        ctx.insert("groups", &groups);
        ctx.insert("total", &ids.len());
        let url = item_url(&item.id);
        let meta = PageMeta {
            root: root_of(&url),
            title: format!("{} · {}", dom.name, item.path()),
            description: format!("{}：{}", dom.name, item.path()),
            column_name: item.level2.clone(),
            column_type: "信息公开目录".into(),
            crumbs: vec![
                Crumb {
                    name: "标准目录".into(),
                    url: "catalogs/index.html".into(),
                },
                Crumb {
                    name: dom.name.clone(),
                    url: format!("catalogs/{}.html", dom.slug),
                },
                Crumb {
                    name: item.path(),
                    url: url.clone(),
                },
            ],
            url,
            ..Default::default()
        };
        cx.emit(cx.page("item.html", meta, ctx));
    });
}
