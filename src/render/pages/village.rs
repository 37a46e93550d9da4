//! A village's (community's) page: its own notices, for villagers who look for their village.

use crate::render::view::{Crumb, PageMeta, root_of};
use crate::render::{Output, RenderCx};

pub fn render_all(cx: &RenderCx) -> Vec<Output> {
    let mut out = Vec::new();
    for (t, town) in cx.site.config.townships.iter().enumerate() {
        for (v, village) in town.villages.iter().enumerate() {
            if !cx.wants(|s| s.villages.contains(&(t, v))) {
                continue;
            }
            let ids: &[usize] = cx.index.by_village.get(&(t, v)).map_or(&[], Vec::as_slice);
            let mut ctx = tera::Context::new();
            ctx.insert("township", town);
            ctx.insert("village", village);
            ctx.insert("notices", &cx.index.cards(ids, usize::MAX));
            let url = crate::render::view::village_url(&town.slug, &village.slug);
            let meta = PageMeta {
                root: root_of(&url),
                title: format!("{}{}村务公开", town.name, village.name),
                description: format!("{}{}的公开信息", town.name, village.name),
                column_name: village.name.clone(),
                column_type: "信息公开目录".into(),
                crumbs: vec![
                    Crumb {
                        name: town.name.clone(),
                        url: format!("{}/index.html", town.slug),
                    },
                    Crumb {
                        name: village.name.clone(),
                        url: url.clone(),
                    },
                ],
                url,
                ..Default::default()
            };
            out.push(cx.page("village.html", meta, ctx));
        }
    }
    out
}
