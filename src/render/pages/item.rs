//! Per township and catalog item: every notice of that item, newest first.

use crate::render::RenderCx;
use crate::render::view::{Crumb, PageMeta, root_of};
use rayon::prelude::*;

pub fn render_all(cx: &RenderCx) {
    let keys: Vec<_> = cx.index.by_township_item.iter().collect();
    keys.into_par_iter().for_each(|(&(t, r), ids)| {
        let site = cx.site;
        let town = &site.config.townships[t];
        let dom = site.catalogs.domain(r);
        let item = site.catalogs.item(r);
        let mut ctx = tera::Context::new();
        ctx.insert("township", town);
        ctx.insert("domain", &serde_json::json!({"name": dom.name, "slug": dom.slug}));
        ctx.insert("item", item);
        ctx.insert("limit", &item.effective_limit().describe());
        ctx.insert("notices", &cx.index.cards(ids, usize::MAX));
        let url = crate::render::view::item_url(&town.slug, &dom.slug, &item.id);
        let meta = PageMeta {
            root: root_of(&url),
            title: format!("{} · {}", town.name, item.path()),
            description: format!("{}{}：{}", town.name, dom.name, item.path()),
            column_name: item.level2.clone(),
            column_type: "信息公开目录".into(),
            crumbs: vec![
                Crumb {
                    name: town.name.clone(),
                    url: format!("{}/index.html", town.slug),
                },
                Crumb {
                    name: dom.name.clone(),
                    url: format!("{}/{}/index.html", town.slug, dom.slug),
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
