//! The 办事一本通 online (issue 14): the list of books (`books/index.html`), one page per book
//! with its cover facts, 说明 and 目录 (`books/<slug>/index.html`), and one page per 大项
//! (`books/<slug>/<n>.html`, `n` from 1). Each guide keeps its own notice page; the box there
//! that places it in its books is built here too ([`boxes`]), so pages and box number a guide
//! the same way the printed book does (`一、…`, `1.2`).
//!
//! Everything comes from `site.books`, resolved once with the site: no page re-reads
//! book.toml or asks a notice which chapter it is in.

use crate::book::{Book, Place, numeral};
use crate::render::RenderCx;
use crate::render::view::{Card, Crumb, PageMeta, root_of};
use crate::search::SearchDoc;
use crate::site::Site;
use serde::Serialize;

pub const COLUMN: &str = "办事一本通";
pub const COLUMN_TYPE: &str = "办事服务";
pub const INDEX: &str = "books/index.html";

pub fn book_url(b: &Book) -> String {
    format!("books/{}/index.html", b.slug)
}

pub fn chapter_url(b: &Book, chapter: usize) -> String {
    format!("books/{}/{}.html", b.slug, chapter + 1)
}

/// `一、社会救助`
fn chapter_label(c: usize, title: &str) -> String {
    format!("{}、{title}", numeral(c))
}

/// A guide as the 目录 and the chapter pages list it.
#[derive(Serialize)]
struct GuideRow<'a> {
    number: String,
    card: &'a Card,
}

#[derive(Serialize)]
struct ChapterView<'a> {
    label: String,
    url: String,
    guides: Vec<GuideRow<'a>>,
}

/// A book as its pages and the home page show it.
#[derive(Serialize)]
pub struct BookView<'a> {
    pub title: &'a str,
    pub url: String,
    pub audience: &'a str,
    pub issuer: &'a str,
    pub date: String,
    pub chapters: usize,
    pub guides: usize,
}

/// The book's 印发日期 as `YYYY-MM-DD`, however book.toml wrote it.
fn date(cfg: &crate::config::BookConfig) -> String {
    crate::dates::parse_date(&cfg.date).map_or_else(|_| cfg.date.clone(), crate::dates::format_date)
}

pub fn book_view<'a>(site: &'a Site, b: &Book) -> BookView<'a> {
    let cfg = &site.config.books[b.config];
    BookView {
        title: &cfg.title,
        url: book_url(b),
        audience: &cfg.audience_word,
        issuer: &cfg.issuer,
        date: date(cfg),
        chapters: b.chapters.len(),
        guides: b.chapters.iter().map(|c| c.guides.len()).sum(),
    }
}

/// Every book, as the home page's 办事一本通 block lists them.
pub fn views(site: &Site) -> Vec<BookView<'_>> {
    site.books.books.iter().map(|b| book_view(site, b)).collect()
}

fn chapters<'a>(cx: &'a RenderCx, b: &Book) -> Vec<ChapterView<'a>> {
    b.chapters
        .iter()
        .enumerate()
        .map(|(ci, c)| ChapterView {
            label: chapter_label(ci, &c.title),
            url: chapter_url(b, ci),
            guides: c
                .guides
                .iter()
                .enumerate()
                .map(|(gi, &n)| GuideRow {
                    number: format!("{}.{}", ci + 1, gi + 1),
                    card: &cx.index.cards[n],
                })
                .collect(),
        })
        .collect()
}

fn meta(cx: &RenderCx, url: String, title: String, crumbs: Vec<Crumb>, article: Option<&Book>) -> PageMeta {
    let site = cx.site;
    PageMeta {
        root: root_of(&url),
        description: format!("{}{title}", site.config.site.county),
        url,
        column_name: COLUMN.into(),
        column_type: COLUMN_TYPE.into(),
        article: article.map(|b| {
            let cfg = &site.config.books[b.config];
            crate::render::view::ArticleMeta {
                title: cfg.title.clone(),
                pub_date: format!("{} 00:00", date(cfg)),
                source: cfg.issuer.clone(),
            }
        }),
        crumbs,
        title,
    }
}

fn index_crumb() -> Crumb {
    Crumb {
        name: COLUMN.into(),
        url: INDEX.into(),
    }
}

/// Every book page (nothing when book.toml has no `[[book]]`).
pub fn render_all(cx: &RenderCx) {
    if !cx.wants(|s| s.books) || cx.site.books.books.is_empty() {
        return;
    }
    let site = cx.site;
    let mut ctx = tera::Context::new();
    ctx.insert("books", &views(site));
    let m = meta(cx, INDEX.into(), COLUMN.into(), vec![index_crumb()], None);
    cx.emit(cx.page("books.html", m, ctx));
    for b in &site.books.books {
        let cfg = &site.config.books[b.config];
        let book_crumb = Crumb {
            name: cfg.title.clone(),
            url: book_url(b),
        };
        let chs = chapters(cx, b);
        let mut ctx = tera::Context::new();
        ctx.insert("book", &book_view(site, b));
        let preface: Vec<String> = crate::book::preface(site, b)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect();
        ctx.insert("preface", &preface);
        ctx.insert("chapters", &chs);
        let m = meta(
            cx,
            book_url(b),
            cfg.title.clone(),
            vec![index_crumb(), book_crumb.clone()],
            Some(b),
        );
        cx.emit(cx.page("book.html", m, ctx));
        for (ci, ch) in chs.iter().enumerate() {
            let link = |c: &ChapterView| Link {
                title: c.label.clone(),
                url: c.url.clone(),
            };
            let mut ctx = tera::Context::new();
            ctx.insert("book", &book_view(site, b));
            ctx.insert("chapter", ch);
            ctx.insert("prev", &ci.checked_sub(1).map(|j| link(&chs[j])));
            ctx.insert("next", &chs.get(ci + 1).map(link));
            let m = meta(
                cx,
                ch.url.clone(),
                format!("{}：{}", cfg.title, ch.label),
                vec![
                    index_crumb(),
                    book_crumb.clone(),
                    Crumb {
                        name: ch.label.clone(),
                        url: ch.url.clone(),
                    },
                ],
                None,
            );
            cx.emit(cx.page("book_chapter.html", m, ctx));
        }
    }
}

#[derive(Serialize, Clone)]
pub struct Link {
    pub title: String,
    pub url: String,
}

/// The box on a guide's page for one of its places: the book and 大项 it is in, its number,
/// and the guides before and after it in that book. URLs are from the site root.
#[derive(Serialize)]
pub struct BookBox {
    pub book: String,
    pub book_url: String,
    /// `第一大项`
    pub chapter_no: String,
    pub chapter: String,
    pub chapter_url: String,
    /// `1.2`
    pub number: String,
    pub prev: Option<Link>,
    pub next: Option<Link>,
}

pub fn boxes(site: &Site, places: &[Place]) -> Vec<BookBox> {
    let guide = |n: usize| Link {
        title: site.derived(&site.notices[n], &site.notices[n].title).into_owned(),
        url: site.notices[n].url.clone(),
    };
    places
        .iter()
        .map(|p| {
            let b = &site.books.books[p.book];
            let cfg = &site.config.books[b.config];
            BookBox {
                book: cfg.title.clone(),
                book_url: book_url(b),
                chapter_no: format!("第{}大项", numeral(p.chapter)),
                chapter: b.chapters[p.chapter].title.clone(),
                chapter_url: chapter_url(b, p.chapter),
                number: format!("{}.{}", p.chapter + 1, p.index + 1),
                prev: p.prev.map(guide),
                next: p.next.map(guide),
            }
        })
        .collect()
}

/// Every book page for `sitemap.xml`: the list, then each book and its chapters.
pub fn sitemap_entries(site: &Site) -> Vec<String> {
    if site.books.books.is_empty() {
        return Vec::new();
    }
    let mut v = vec![INDEX.to_string()];
    for b in &site.books.books {
        v.push(book_url(b));
        v.extend((0..b.chapters.len()).map(|c| chapter_url(b, c)));
    }
    v
}

/// The book and chapter pages as search sees them: a book is found by its title (and its
/// audience, issuer and guides' titles), a chapter by its title and its guides'.
pub fn search_docs<'a>(cx: &'a RenderCx) -> Vec<SearchDoc<'a>> {
    let site = cx.site;
    let county = &site.config.site.county;
    let mut docs = Vec::new();
    for b in &site.books.books {
        let cfg = &site.config.books[b.config];
        let titles = |c: &crate::book::Chapter| -> Vec<String> {
            c.guides.iter().map(|&n| cx.index.cards[n].title.clone()).collect()
        };
        let mut toc = Vec::new();
        for (ci, c) in b.chapters.iter().enumerate() {
            toc.push(chapter_label(ci, &c.title));
            toc.extend(titles(c));
        }
        docs.push(SearchDoc {
            url: book_url(b),
            title: cfg.title.clone(),
            township: county.clone(),
            domain: COLUMN.into(),
            item: format!("{} · {}", cfg.audience_word, cfg.issuer),
            date: date(cfg),
            text: format!("{}\n{}", crate::book::preface(site, b), toc.join("\n")).into(),
            ..Default::default()
        });
        for (ci, c) in b.chapters.iter().enumerate() {
            docs.push(SearchDoc {
                url: chapter_url(b, ci),
                // The book's title is on the card's item line, not in the title: searching
                // the book's name must put the book's own page first (title hits rank first).
                title: chapter_label(ci, &c.title),
                township: county.clone(),
                domain: COLUMN.into(),
                item: format!("《{}》第{}大项", cfg.title, numeral(ci)),
                date: date(cfg),
                text: titles(c).join("\n").into(),
                ..Default::default()
            });
        }
    }
    docs
}
