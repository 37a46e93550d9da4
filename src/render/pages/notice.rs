//! The notice page: the notice with its metadata, table, attachments and a print block
//! (QR code, seal and date) that only paper shows. What the notice shows is built by
//! [`crate::render::notice_view`], shared with the board bundle.

use crate::render::notice_view::{self, NoticeLinks};
use crate::render::view::{Crumb, PageMeta, root_of};
use crate::render::{Output, RenderCx};
use crate::resolve::Notice;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;

/// Every notice page, each written out as soon as it is rendered.
pub fn render_all(cx: &RenderCx) {
    let by_source = notice_view::pages_by_source(cx.site);
    let places = cx.site.books.places();
    cx.site
        .notices
        .par_iter()
        .enumerate()
        .filter(|(i, _)| cx.wants(|s| s.notices.contains(i)))
        .for_each(|(i, n)| {
            let in_books = places.get(&i).map_or(&[][..], Vec::as_slice);
            let out = render_one(cx, i, n, &by_source, in_books);
            if let Some(s) = cx.select {
                s.record(i, out.iter().map(|o| o.path.clone()).collect());
            }
            cx.emit_all(out)
        });
}

fn render_one(
    cx: &RenderCx,
    i: usize,
    n: &Notice,
    by_source: &HashMap<PathBuf, &str>,
    places: &[crate::book::Place],
) -> Vec<Output> {
    let site = cx.site;
    let root = root_of(&n.url);
    // A withdrawn list's data file is not published any more: its table is gone from the page.
    let withdrawn = crate::render::notice_view::is_withdrawn(site, n);
    let mut out: Vec<Output> = n
        .attachments
        .iter()
        .chain(n.data.iter().filter(|_| !withdrawn))
        .map(|a| Output {
            path: a.url.clone(),
            content: crate::render::download::content(&a.source),
        })
        .collect();
    let links = NoticeLinks::new(site, n, by_source);
    // Other local files the body links to are copied beside the page, under ASCII names.
    for (p, u) in &links.extra {
        out.push(Output {
            path: u.clone(),
            content: crate::render::download::content(p),
        });
    }
    let link = |dest: &str| links.site_url(dest).map(|u| format!("{root}{u}"));
    let view = notice_view::build(site, i, &link, Some(&root));
    let town = &site.config.townships[n.township];
    let dom = site.catalogs.domain(n.item);
    let item = site.catalogs.item(n.item);
    let mut ctx = tera::Context::new();
    ctx.insert("n", &view);
    ctx.insert("books", &super::book::boxes(site, places));
    let meta = PageMeta {
        root,
        title: n.title.clone(),
        description: format!("{}{}：{}", town.name, dom.name, item.path()),
        column_name: dom.name.clone(),
        column_type: "信息公开目录".into(),
        article: Some(crate::render::view::ArticleMeta {
            title: n.title.clone(),
            pub_date: format!("{} 00:00", crate::dates::format_date(n.published)),
            source: n.publisher.clone(),
        }),
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
                name: item.level2.clone(),
                url: format!("{}#{}", crate::render::view::item_url(&item.id), town.slug),
            },
        ],
        url: n.url.clone(),
    };
    out.push(cx.page("notice.html", meta, ctx));
    out
}
