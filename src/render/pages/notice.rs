//! The notice page: the notice with its metadata, table, attachments and a print block
//! (QR code, seal and date) that only paper shows.

use crate::render::markdown::{BodyOptions, to_html};
use crate::render::view::{Crumb, PageMeta, period_view, root_of};
use crate::render::{Content, Output, RenderCx};
use crate::resolve::{Notice, PeriodState};
use crate::util::text::heading_key;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

#[derive(Serialize)]
struct FileLink {
    name: String,
    url: String,
}

pub fn render_all(cx: &RenderCx) -> Vec<Output> {
    let by_source: HashMap<PathBuf, &str> = cx
        .site
        .notices
        .iter()
        .map(|n| (cx.site.source(n).path.clone(), n.url.as_str()))
        .collect();
    cx.site
        .notices
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, n)| render_one(cx, i, n, &by_source))
        .collect()
}

fn render_one(cx: &RenderCx, i: usize, n: &Notice, by_source: &HashMap<PathBuf, &str>) -> Vec<Output> {
    let site = cx.site;
    let src = site.source(n);
    let dir = src.path.parent().unwrap_or(&site.root).to_path_buf();
    let root = root_of(&n.url);
    let mut out = Vec::new();
    let mut extra: Vec<(PathBuf, String)> = Vec::new();
    for a in n.attachments.iter().chain(&n.data) {
        out.push(Output {
            path: a.url.clone(),
            content: Content::Copy(a.source.clone()),
        });
    }
    let stem = n.url.trim_end_matches(".html").to_string();
    let link = |dest: &str| -> Option<String> {
        let target = crate::validate::links::local_target(dest)?;
        let path = normalize(&dir.join(&target));
        if let Some(url) = by_source.get(&path) {
            return Some(format!("{root}{url}"));
        }
        if let Some(a) = n
            .attachments
            .iter()
            .chain(&n.data)
            .find(|a| normalize(&a.source) == path)
        {
            return Some(format!("{root}{}", a.url));
        }
        None
    };
    // Other local files the body links to are copied beside the page, under ASCII names.
    for (dest, _) in &src.facts.links {
        if let Some(t) = crate::validate::links::local_target(dest) {
            let path = normalize(&dir.join(&t));
            if link(dest).is_none() && path.is_file() && !extra.iter().any(|(p, _)| *p == path) {
                let ext = path
                    .extension()
                    .and_then(|e| e.to_str())
                    .filter(|e| e.is_ascii())
                    .unwrap_or("bin")
                    .to_ascii_lowercase();
                extra.push((path, format!("{stem}-f{}.{ext}", extra.len() + 1)));
            }
        }
    }
    let link_all = |dest: &str| -> Option<String> {
        link(dest).or_else(|| {
            let t = crate::validate::links::local_target(dest)?;
            let path = normalize(&dir.join(&t));
            extra
                .iter()
                .find(|(p, _)| *p == path)
                .map(|(_, u)| format!("{root}{u}"))
        })
    };
    let state = n.period_state(site.today, site.config.print.withdraw_after_days);
    let withdrawn = state == Some(PeriodState::Withdrawn);
    let item = site.catalogs.item(n.item);
    let people: Vec<String> = if withdrawn {
        item.people_elements().map(|e| heading_key(&e.name)).collect()
    } else {
        Vec::new()
    };
    let withdraw_date = n
        .period
        .and_then(|p| {
            p.end
                .checked_add(jiff::Span::new().days(i64::from(site.config.print.withdraw_after_days)))
                .ok()
        })
        .map(crate::dates::format_date_zh)
        .unwrap_or_default();
    let note = format!("按规定，名单已于公示期满后撤下（{withdraw_date}），公告信息保留。");
    let body_html = to_html(
        src.body(),
        src.facts.has_html,
        &BodyOptions {
            link: &link_all,
            withdrawn: &people,
            withdrawn_note: &note,
        },
    );
    for (p, u) in &extra {
        out.push(Output {
            path: u.clone(),
            content: Content::Copy(p.clone()),
        });
    }
    let town = &site.config.townships[n.township];
    let dom = site.catalogs.domain(n.item);
    let village = n.village.map(|v| town.villages[v].name.clone()).unwrap_or_default();
    let online = if site.config.site.base_url.is_empty() {
        String::new()
    } else {
        format!("{}/{}", site.config.site.base_url.trim_end_matches('/'), n.url)
    };
    let qr = if online.is_empty() {
        String::new()
    } else {
        crate::render::qr::svg(&online)
    };
    let table = site.tables[i].as_ref().filter(|_| !withdrawn);
    let attachments: Vec<FileLink> = n
        .attachments
        .iter()
        .map(|a| FileLink {
            name: a.name.clone(),
            url: a.url.clone(),
        })
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert(
        "notice",
        &serde_json::json!({
            "title": n.title,
            "publisher": n.publisher,
            "formed": crate::dates::format_date(n.formed),
            "published": crate::dates::format_date(n.published),
            "contact": n.contact.clone().unwrap_or_default(),
            "village": village,
            "exemption": n.exemption.clone().unwrap_or_default(),
            "fm_elements": n.fm_elements,
        }),
    );
    ctx.insert("period", &period_view(site, n));
    ctx.insert("withdrawn", &withdrawn);
    ctx.insert("withdrawn_note", &note);
    ctx.insert("township", town);
    ctx.insert("domain", &serde_json::json!({"name": dom.name, "slug": dom.slug}));
    ctx.insert("item", item);
    ctx.insert("item_path", &item.path());
    ctx.insert("limit", &item.effective_limit().describe());
    ctx.insert("body", &body_html);
    ctx.insert("table", &table);
    ctx.insert("attachments", &attachments);
    ctx.insert(
        "data_file",
        &n.data.as_ref().map(|d| FileLink {
            name: d.name.clone(),
            url: d.url.clone(),
        }),
    );
    ctx.insert("online_url", &online);
    ctx.insert("qr", &qr);
    ctx.insert("seal", &site.config.print.seal);
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
                url: format!("{}/{}/{}/index.html", town.slug, dom.slug, item.id),
            },
        ],
        url: n.url.clone(),
    };
    out.push(cx.page("notice.html", meta, ctx));
    out
}

/// Lexical normalisation (`a/./b/../c` → `a/c`) without touching the disk.
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}
