//! sitemap.xml and an Atom feed per township. These are the only places that use absolute
//! URLs (`base_url`); without one, they fall back to relative URLs.

use crate::render::markdown::escape;
use crate::render::{Content, Output, RenderCx};

fn absolute(base: &str, path: &str) -> String {
    if base.is_empty() {
        path.to_string()
    } else {
        format!("{}/{}", base.trim_end_matches('/'), path)
    }
}

pub fn render_all(cx: &RenderCx) -> Vec<Output> {
    let base = &cx.site.config.site.base_url;
    let mut out = vec![sitemap(cx, base)];
    for (t, town) in cx.site.config.townships.iter().enumerate() {
        out.push(atom(cx, base, t, town));
    }
    out
}

fn sitemap(cx: &RenderCx, base: &str) -> Output {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut push = |path: &str, date: Option<&str>| {
        xml.push_str("  <url><loc>");
        xml.push_str(&escape(&absolute(base, path)));
        xml.push_str("</loc>");
        if let Some(d) = date {
            xml.push_str("<lastmod>");
            xml.push_str(d);
            xml.push_str("</lastmod>");
        }
        xml.push_str("</url>\n");
    };
    for url in list_pages(cx) {
        push(&url, None);
    }
    for &i in &cx.index.newest {
        let c = &cx.index.cards[i];
        push(&c.url, Some(&c.published));
    }
    for (url, date) in super::policy_data::sitemap_entries(cx) {
        push(&url, Some(&date));
    }
    for url in super::policy::filter_urls(cx) {
        push(&url, None);
    }
    for url in crate::annual::pages::sitemap_entries(cx.site) {
        push(&url, None);
    }
    for url in super::book::sitemap_entries(cx.site) {
        push(&url, None);
    }
    xml.push_str("</urlset>\n");
    Output {
        path: "sitemap.xml".into(),
        content: Content::Bytes(xml.into_bytes()),
    }
}

/// Every list page the render makes, in the order a reader meets them: home, each township
/// with its township × domain tables and village pages, the item pages, the catalogs (not the in-site assessment report, which is for the county's office). The
/// sitemap is built from the same keys the page modules render from (`tests/checkers.rs`
/// checks that every page of a build is listed), not from the files written, because
/// `gongkai serve` re-renders only some pages and still serves a whole sitemap.
fn list_pages(cx: &RenderCx) -> Vec<String> {
    let site = cx.site;
    let mut v = vec!["index.html".to_string()];
    for t in &site.config.townships {
        v.push(format!("{}/index.html", t.slug));
        for d in &site.catalogs.domains {
            v.push(format!("{}/{}/index.html", t.slug, d.slug));
        }
        for vil in &t.villages {
            v.push(crate::render::view::village_url(&t.slug, &vil.slug));
        }
    }
    for r in cx.index.by_item.keys() {
        v.push(crate::render::view::item_url(&site.catalogs.item(*r).id));
    }
    v.push("catalogs/index.html".into());
    for d in &site.catalogs.domains {
        v.push(format!("catalogs/{}.html", d.slug));
    }
    v
}

fn atom(cx: &RenderCx, base: &str, t: usize, town: &crate::config::Township) -> Output {
    let ids = &cx.index.by_township[t];
    let updated = ids
        .first()
        .map(|&i| cx.index.cards[i].published.clone())
        .unwrap_or_else(|| crate::dates::format_date(cx.site.today));
    let self_path = format!("{}/atom.xml", town.slug);
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n  <title>{}</title>\n  <id>{}</id>\n  <link rel=\"self\" href=\"{}\"/>\n  <link href=\"{}\"/>\n  <updated>{updated}T00:00:00+08:00</updated>\n  <author><name>{}</name></author>\n",
        escape(&format!("{} · {}政务公开", cx.site.config.site.title, town.name)),
        escape(&absolute(base, &self_path)),
        escape(&absolute(base, &self_path)),
        escape(&absolute(base, &format!("{}/index.html", town.slug))),
        escape(&format!("{}人民政府", town.name)),
    );
    for &i in ids.iter().take(50) {
        let c = &cx.index.cards[i];
        let link = absolute(base, &c.url);
        xml.push_str(&format!(
            "  <entry>\n    <title>{}</title>\n    <id>{}</id>\n    <link href=\"{}\"/>\n    <updated>{}T00:00:00+08:00</updated>\n    <summary>{}</summary>\n  </entry>\n",
            escape(&c.title),
            escape(&link),
            escape(&link),
            c.published,
            escape(&format!("{}：{}", c.domain, c.item_path)),
        ));
    }
    xml.push_str("</feed>\n");
    Output {
        path: self_path,
        content: Content::Bytes(xml.into_bytes()),
    }
}
