//! The printed book: cover, 说明, 目录 with page numbers, then each chapter's title page and
//! its guides, each guide on a new page, under a running header of book and chapter.
//!
//! The body is laid out first and numbered from 1; the front matter is laid out after it and
//! goes in front unnumbered, so the numbers in the 目录 are the body's own and cannot be
//! moved by the 目录's length.

use super::Book;
use super::guide::{Block, sections};
use crate::pdf::{Draw, Measure, Page, Typesetter};
use crate::site::Site;

/// A line of the 目录: depth (0 chapter, 1 guide), text, printed page number.
#[derive(Clone, Debug)]
pub struct TocEntry {
    pub depth: u8,
    pub text: String,
    pub page: u32,
}

pub struct Printed {
    pub pages: Vec<Page>,
    pub toc: Vec<TocEntry>,
}

use super::numeral;

/// Lays out `book` of `site` with the measures of `m`.
pub fn layout(site: &Site, book: &Book, m: &dyn Measure) -> Printed {
    let cfg = &site.config.books[book.config];
    let paper = cfg.paper;
    let size = paper.text_size();
    let mut body = Typesetter::new(m, paper);
    let mut toc = Vec::new();
    for (ci, ch) in book.chapters.iter().enumerate() {
        let chapter = format!("{}、{}", numeral(ci), ch.title);
        let header = format!("{}　{chapter}", cfg.title);
        let p = body.new_page(&header);
        toc.push(TocEntry {
            depth: 0,
            text: chapter.clone(),
            page: p as u32 + 1,
        });
        body.skip_to(size * 12.0);
        body.centered(&chapter, size * 2.0);
        body.space(size);
        for &g in &ch.guides {
            let n = &site.notices[g];
            body.centered(&format!("{}　{}", site.catalogs.item(n.item).level1, n.title), size);
        }
        for (gi, &g) in ch.guides.iter().enumerate() {
            let n = &site.notices[g];
            let src = site.source(n);
            let p = body.new_page(&header);
            let title = format!("{}.{}　{}", ci + 1, gi + 1, n.title);
            toc.push(TocEntry {
                depth: 1,
                text: title.clone(),
                page: p as u32 + 1,
            });
            body.heading(&title, size * 1.4);
            for s in sections(&src.body(), src.body_first_line) {
                if !s.title.is_empty() {
                    body.heading(&format!("【{}】", s.title), size * 1.05);
                }
                for b in &s.blocks {
                    match b {
                        Block::Para(t) => body.para(t, size, false),
                        Block::List { ordered, items } => {
                            for (k, it) in items.iter().enumerate() {
                                let marker = if *ordered { format!("{}.", k + 1) } else { "•".into() };
                                body.item(&marker, it, size);
                            }
                        }
                        Block::Table { header, rows } => body.table(header, rows, size * 0.9),
                    }
                }
            }
        }
    }
    let mut pages = body.pages;
    for (i, p) in pages.iter_mut().enumerate() {
        p.number = Some(i as u32 + 1);
    }

    let mut front = Typesetter::new(m, paper);
    front.new_page("");
    front.skip_to(size * 14.0);
    front.centered(&cfg.title, size * 2.4);
    front.space(size * 16.0);
    front.centered(&cfg.issuer, size * 1.4);
    front.centered(
        &crate::dates::parse_date(&cfg.date)
            .map_or_else(|_| cfg.date.clone(), |d| format!("{}年{}月", d.year(), d.month())),
        size * 1.2,
    );

    front.new_page("");
    front.centered("说　明", size * 1.6);
    front.space(size);
    let preface = super::preface(site, book);
    for para in preface.lines().filter(|l| !l.trim().is_empty()) {
        front.para(para.trim(), size, true);
    }

    front.new_page("");
    front.centered("目　录", size * 1.6);
    front.space(size);
    for e in &toc {
        let indent = f32::from(e.depth) * size * 2.0;
        front.toc_line(indent, &e.text, e.page, size);
    }
    let mut all = front.pages;
    all.append(&mut pages);
    Printed { pages: all, toc }
}

/// Everything the book prints, for the privacy gate.
pub fn text_of(pages: &[Page]) -> String {
    let mut out = String::new();
    for p in pages {
        out.push_str(&p.header);
        out.push('\n');
        for d in &p.items {
            if let Draw::Text { text, .. } = d {
                out.push_str(text);
                out.push('\n');
            }
        }
    }
    out
}
