//! 办事一本通 (issue 14): service guides gathered into handbooks. A notice is a *guide* when
//! its catalog item is a 办事指南/服务指南 item or a book's chapter chooses it; this is
//! decided once, when the site is put together ([`resolve`]), so the printed book, the
//! guide rules and the hints read [`Books`] instead of asking each notice again.

pub mod guide;
pub mod print;

use crate::catalog::{Catalogs, Found, ItemRef};
use crate::config::Config;
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::resolve::Notice;
use crate::tr;

/// A book with its chapters resolved to notices.
#[derive(Clone, Debug)]
pub struct Book {
    /// Index into `config.books`.
    pub config: usize,
    /// ASCII name of its pages' folder (`books/<slug>/`), see [`slugs`].
    pub slug: String,
    pub chapters: Vec<Chapter>,
}

#[derive(Clone, Debug)]
pub struct Chapter {
    pub title: String,
    /// Indexes into `site.notices`, in the order of the chapter's choices, then by path.
    pub guides: Vec<usize>,
}

/// Every book, and which notices are guides.
#[derive(Clone, Debug, Default)]
pub struct Books {
    pub books: Vec<Book>,
    /// Parallel to `site.notices`: whether the notice is a guide.
    pub is_guide: Vec<bool>,
}

/// Whether a catalog item's notices are service guides.
pub fn is_guide_item(catalogs: &Catalogs, r: ItemRef) -> bool {
    let item = catalogs.item(r);
    let says = |s: &str| s.contains("办事指南") || s.contains("服务指南");
    says(&item.level2) || item.level3.as_deref().is_some_and(says)
}

/// Resolves the `[[book]]` chapters of `config` to notices; unknown items and paths, and
/// chapters that choose nothing, are reported at their lines in book.toml.
pub fn resolve(
    root: &std::path::Path,
    config: &Config,
    catalogs: &Catalogs,
    notices: &[Notice],
    diags: &mut Diagnostics,
) -> Books {
    let mut is_guide: Vec<bool> = notices.iter().map(|n| is_guide_item(catalogs, n.item)).collect();
    let slugs = slugs(&config.books);
    let mut books = Vec::new();
    for (bi, b) in config.books.iter().enumerate() {
        let mut chapters = Vec::new();
        for c in &b.chapters {
            let mut chosen: Vec<usize> = Vec::new();
            let add = |i: usize, chosen: &mut Vec<usize>| {
                if !chosen.contains(&i) {
                    chosen.push(i);
                }
            };
            for query in &c.items {
                match catalogs.index.find(query) {
                    Found::One(r) => {
                        let mut of: Vec<usize> = (0..notices.len()).filter(|&i| notices[i].item == r).collect();
                        of.sort_by(|&a, &b| notices[a].rel.cmp(&notices[b].rel));
                        for i in of {
                            add(i, &mut chosen);
                        }
                    }
                    Found::Ambiguous(_) | Found::None { .. } => {
                        diags.push(Diagnostic::error(
                            Code::BookItem,
                            crate::config::FILE,
                            c.items_pos,
                            tr!(
                                "大项“{}”的 items 中“{query}”不是目录中的事项",
                                "chapter {}: \"{query}\" in items is not a catalog item",
                                c.title
                            ),
                            tr!(
                                "写成 gongkai catalog list 列出的完整事项路径，例如 社会救助/最低生活保障/办事指南。",
                                "Use a full item path from gongkai catalog list, e.g. 社会救助/最低生活保障/办事指南."
                            ),
                        ));
                    }
                }
            }
            for tag in &c.tags {
                for (i, n) in notices.iter().enumerate() {
                    if n.keywords.iter().any(|k| k == tag) {
                        add(i, &mut chosen);
                    }
                }
            }
            for p in &c.paths {
                let want = p.trim_end_matches('/');
                if !root.join(want).exists() {
                    diags.push(Diagnostic::error(
                        Code::BookItem,
                        crate::config::FILE,
                        c.paths_pos,
                        tr!(
                            "大项“{}”的 paths 中“{p}”不存在",
                            "chapter {}: path \"{p}\" does not exist",
                            c.title
                        ),
                        tr!(
                            "写站点目录下的相对路径，例如 content/qingshan/社会救助/低保指南.md，或一个目录。",
                            "Use a path relative to the site, e.g. content/qingshan/guide.md, or a folder."
                        ),
                    ));
                    continue;
                }
                let mut of: Vec<usize> = (0..notices.len())
                    .filter(|&i| {
                        let rel = notices[i].rel.as_str();
                        rel == want || rel.starts_with(&format!("{want}/"))
                    })
                    .collect();
                of.sort_by(|&a, &b| notices[a].rel.cmp(&notices[b].rel));
                for i in of {
                    add(i, &mut chosen);
                }
            }
            if chosen.is_empty() && !c.title.is_empty() {
                diags.push(Diagnostic::warning(
                    Code::BookEmpty,
                    crate::config::FILE,
                    c.pos,
                    tr!(
                        "《{}》的大项“{}”没有选到任何办事指南",
                        "chapter {1} of {0} chooses no guide",
                        b.title,
                        c.title
                    ),
                    Code::BookEmpty.fix(),
                ));
            }
            for &i in &chosen {
                is_guide[i] = true;
            }
            chapters.push(Chapter {
                title: c.title.clone(),
                guides: chosen,
            });
        }
        books.push(Book {
            config: bi,
            slug: slugs[bi].clone(),
            chapters,
        });
    }
    Books { books, is_guide }
}

/// The folder name of each book's pages: `slug` from book.toml when given, else `huimin` or
/// `huiqi` by audience (`book<N>` for another audience). Derived from what book.toml says
/// rather than the order of the list alone, so links to 惠民 stay put when a book is added in
/// front of it; a name taken by an earlier book gets `-<N>` (its place in the list).
pub fn slugs(books: &[crate::config::BookConfig]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, b) in books.iter().enumerate() {
        let base = if !b.slug.is_empty() {
            b.slug.clone()
        } else {
            match b.audience {
                crate::config::Audience::Residents => "huimin".to_string(),
                crate::config::Audience::Business => "huiqi".to_string(),
                crate::config::Audience::Other => format!("book{}", i + 1),
            }
        };
        let mut slug = base.clone();
        let mut k = i + 1;
        while out.contains(&slug) {
            slug = format!("{base}-{k}");
            k += 1;
        }
        out.push(slug);
    }
    out
}

/// Chinese ordinal of chapter `i` (from 0), as the printed book and the pages number them.
pub fn numeral(i: usize) -> String {
    const NUMERALS: &[&str] = &[
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六",
        "十七", "十八", "十九", "二十",
    ];
    NUMERALS.get(i).map_or_else(|| (i + 1).to_string(), |s| s.to_string())
}

/// The 说明 of `book`: its `preface`, or the standard text that says what the book holds.
/// One function for paper and pages, so the two never describe the book differently.
pub fn preface(site: &crate::site::Site, book: &Book) -> String {
    let cfg = &site.config.books[book.config];
    if !cfg.preface.is_empty() {
        return cfg.preface.clone();
    }
    let guides: usize = book.chapters.iter().map(|c| c.guides.len()).sum();
    format!(
        "为方便{}办事，{}编印本书，收录{}{}个大项、{}项办事指南，每项写明设定依据、申请条件、申请材料、办理流程、办理时限、收费标准、办理地点、办理时间和咨询、监督投诉电话。\n各项内容以{}网站公布的最新版本为准。",
        match cfg.audience {
            crate::config::Audience::Business => "企业和个体工商户",
            _ => "群众",
        },
        cfg.issuer,
        site.config.site.county,
        book.chapters.len(),
        guides,
        site.config.site.title,
    )
}

/// Where a guide stands in a book: its chapter and its place in the book's reading order
/// (chapters one after another), for the 上一项 / 下一项 links.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub book: usize,
    pub chapter: usize,
    /// Index within the chapter (from 0): the guide is numbered `chapter+1 . index+1`.
    pub index: usize,
    pub prev: Option<usize>,
    pub next: Option<usize>,
}

impl Books {
    /// Every place of every guide, by notice index: a guide in two books (or two chapters)
    /// has a place in each. Built once per render; the notice pages read it.
    pub fn places(&self) -> std::collections::HashMap<usize, Vec<Place>> {
        let mut out: std::collections::HashMap<usize, Vec<Place>> = std::collections::HashMap::new();
        for (bi, b) in self.books.iter().enumerate() {
            let order: Vec<(usize, usize, usize)> = b
                .chapters
                .iter()
                .enumerate()
                .flat_map(|(ci, c)| c.guides.iter().enumerate().map(move |(gi, &n)| (ci, gi, n)))
                .collect();
            for (k, &(ci, gi, n)) in order.iter().enumerate() {
                out.entry(n).or_default().push(Place {
                    book: bi,
                    chapter: ci,
                    index: gi,
                    prev: k.checked_sub(1).map(|j| order[j].2),
                    next: order.get(k + 1).map(|x| x.2),
                });
            }
        }
        out
    }

    /// Whether notice `i` is in some book.
    pub fn in_a_book(&self, i: usize) -> bool {
        self.books
            .iter()
            .any(|b| b.chapters.iter().any(|c| c.guides.contains(&i)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Audience, BookConfig};

    fn book(title: &str, audience: Audience, slug: &str) -> BookConfig {
        BookConfig {
            title: title.into(),
            audience,
            audience_word: String::new(),
            issuer: String::new(),
            date: String::new(),
            paper: crate::pdf::Paper::A4,
            preface: String::new(),
            slug: slug.into(),
            chapters: Vec::new(),
            index: 0,
        }
    }

    #[test]
    fn slugs_are_ascii_by_audience_and_never_repeat() {
        let books = [
            book("惠民", Audience::Residents, ""),
            book("惠企", Audience::Business, ""),
            book("惠民（乡镇版）", Audience::Residents, ""),
            book("其他", Audience::Other, ""),
            book("自定", Audience::Business, "qiye"),
            book("重名", Audience::Other, "huiqi"),
            book("撞上改过的名", Audience::Other, "huiqi-6"),
        ];
        assert_eq!(
            slugs(&books),
            ["huimin", "huiqi", "huimin-3", "book4", "qiye", "huiqi-6", "huiqi-6-7"]
        );
    }

    #[test]
    fn places_chain_a_book_in_reading_order_and_a_guide_in_two_books_has_two() {
        let chapter = |guides: Vec<usize>| Chapter {
            title: String::new(),
            guides,
        };
        let books = Books {
            books: vec![
                Book {
                    config: 0,
                    slug: "huimin".into(),
                    chapters: vec![chapter(vec![3, 1]), chapter(vec![]), chapter(vec![2])],
                },
                Book {
                    config: 1,
                    slug: "huiqi".into(),
                    chapters: vec![chapter(vec![2, 5])],
                },
            ],
            is_guide: Vec::new(),
        };
        let p = books.places();
        let only = |n: usize| {
            assert_eq!(p[&n].len(), 1);
            p[&n][0]
        };
        assert_eq!((only(3).prev, only(3).next), (None, Some(1)));
        assert_eq!((only(1).prev, only(1).next), (Some(3), Some(2)));
        assert_eq!((only(1).chapter, only(1).index), (0, 1));
        // 2 ends 惠民 (after an empty chapter) and starts 惠企.
        let two = &p[&2];
        assert_eq!(two.len(), 2);
        assert_eq!(
            (two[0].book, two[0].chapter, two[0].prev, two[0].next),
            (0, 2, Some(1), None)
        );
        assert_eq!(
            (two[1].book, two[1].chapter, two[1].prev, two[1].next),
            (1, 0, None, Some(5))
        );
        assert_eq!(only(5).next, None);
    }
}
