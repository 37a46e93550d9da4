//! The search page and its index (SPEC 7). The index is built from the checked text of each
//! notice, so it can never hold an identifier the checks would have stopped.

use crate::render::view::{Crumb, PageMeta};
use crate::render::{Content, Output, RenderCx};
use crate::resolve::Notice;
use crate::search::{DocText, SearchDoc, write_index};

/// The notices' texts as search may hold them, made when the index reaches each notice: what
/// its page shows, less what has been taken down (a list of people past its grace period leaves
/// no trace in the index), with the numbers of a 隐私豁免 masked (an exemption covers the page,
/// not derived outputs), and its keywords (关键词 let 低保 find a notice that only says
/// 最低生活保障).
struct NoticeTexts<'a> {
    site: &'a crate::site::Site,
}

impl crate::search::TextSource for NoticeTexts<'_> {
    fn text(&self, i: usize) -> String {
        let site = self.site;
        let n = &site.notices[i];
        let body = if crate::render::notice_view::is_withdrawn(site, n) {
            let html = crate::render::notice_view::withdrawn_body(site, i);
            crate::util::text::html_to_text(&html)
        } else {
            crate::load::body::plain_text(&site.source(n).body())
        };
        let mut text = site.derived(n, &body).into_owned();
        if !n.keywords.is_empty() {
            text.push('\n');
            text.push_str(&n.keywords.join(" "));
        }
        text
    }
}

/// The notice's `##` headings, one a line, masked like the text (a heading is text too).
fn heading_lines(site: &crate::site::Site, n: &Notice) -> String {
    let lines: Vec<&str> = site.source(n).facts.headings.iter().map(|h| h.text.as_str()).collect();
    site.derived(n, &lines.join("\n")).into_owned()
}

pub fn render(cx: &RenderCx) -> Vec<Output> {
    let site = cx.site;
    let texts = NoticeTexts { site };
    let docs: Vec<SearchDoc> = site
        .notices
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let card = &cx.index.cards[i];
            SearchDoc {
                url: n.url.clone(),
                title: card.title.clone(),
                township: card.township.clone(),
                domain: card.domain.clone(),
                item: card.item_path.clone(),
                village: card.village.clone(),
                headings: heading_lines(site, n),
                date: card.published.clone(),
                text: DocText::Later(&texts, i),
            }
        })
        .chain(super::policy_data::search_docs(cx))
        .chain(super::book::search_docs(cx))
        .collect();
    // Each index file goes to the gate as soon as it is made: a county's store shards hold
    // every notice's text, and collecting them first doubled the peak of a 100k build.
    write_index(&docs, &|f| {
        cx.emit(Output {
            path: f.path,
            content: match f.readable {
                Some(readable) => Content::Packed {
                    bytes: f.bytes,
                    readable,
                },
                None => Content::Bytes(f.bytes),
            },
        })
    });
    drop(docs);
    let mut out = Vec::new();
    let mut ctx = tera::Context::new();
    let mut domains: Vec<&str> = site.catalogs.domains.iter().map(|d| d.name.as_str()).collect();
    if !site.policy.is_empty() {
        domains.push("政策文件");
    }
    if !site.books.books.is_empty() {
        domains.push(super::book::COLUMN);
    }
    ctx.insert("domains", &domains);
    let meta = PageMeta {
        url: "search.html".into(),
        title: "站内搜索".into(),
        description: format!("搜索{}的公开信息", site.config.site.county),
        column_name: "搜索".into(),
        column_type: "信息公开目录".into(),
        crumbs: vec![Crumb {
            name: "搜索".into(),
            url: "search.html".into(),
        }],
        ..Default::default()
    };
    out.push(cx.page("search.html", meta, ctx));
    let meta404 = PageMeta {
        url: "404.html".into(),
        title: "页面不存在".into(),
        column_name: "404".into(),
        column_type: "首页".into(),
        ..Default::default()
    };
    out.push(cx.page("404.html", meta404, tera::Context::new()));
    out
}
