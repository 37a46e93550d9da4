//! The 办事一本通 online (issue 14), on the real binary's output.
//!
//! The example site has two books: 《示例县惠民事项一本通》 (books/huimin/) and
//! 《示例县惠企事项一本通》 (books/huiqi/), three 大项 each, chosen by items, tags and paths,
//! and 柳河乡养老机构备案办事指南 is in both. Its tests check what holds for any site: every
//! link of every book page and guide box resolves, the 目录 follows book.toml, the 上一项 /
//! 下一项 chain walks the 目录, the home page, the sitemap and search know the books, and a book
//! page prints on A4.
//!
//! `tests/fixtures/book` has a story small enough to write down, so the exact order is
//! checked there: 惠民 = 社会救助 [青山镇最低生活保障, 青山镇特困人员救助供养] (items, in the
//! order written), 急难 [石桥乡临时救助] (tag), 养老服务 [石桥乡高龄津贴] (path); 惠企 =
//! 企业开办 [食品经营许可, 药品零售企业许可] (tag, by path), 救助帮扶 [青山镇最低生活保障]
//! (item) — the 低保 guide is in both.

mod common;
use common::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// `root` built for the fixed test date: (guard, output folder).
fn built(root: &Path) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    build(root, &out);
    (tmp, out)
}

fn example() -> (tempfile::TempDir, PathBuf) {
    built(&repo())
}

/// The books' folders (`books/<slug>/`) as the list page links them, in its order.
fn book_pages(out: &Path) -> Vec<String> {
    let doc = html(&out.join("books/index.html"));
    doc.select(&sel("main .book-list a"))
        .map(|a| link_target("books/index.html", a.value().attr("href").unwrap()))
        .collect()
}

/// One 大项 of a book page's 目录: its label and its guides (number, title, page).
#[derive(Debug, PartialEq)]
struct TocChapter {
    label: String,
    page: String,
    guides: Vec<(String, String, String)>,
}

fn toc(out: &Path, book: &str) -> Vec<TocChapter> {
    let doc = html(&out.join(book));
    doc.select(&sel("ol.toc > li.toc-chapter"))
        .map(|li| {
            let a = li.select(&sel(":scope > a")).next().unwrap();
            TocChapter {
                label: a.text().collect::<String>().trim().to_string(),
                page: link_target(book, a.value().attr("href").unwrap()),
                guides: li
                    .select(&sel("ol.toc-guides > li"))
                    .map(|g| {
                        let no = g.select(&sel(".toc-no")).next().unwrap().text().collect::<String>();
                        let a = g.select(&sel("a")).next().unwrap();
                        (
                            no.trim().to_string(),
                            a.text().collect::<String>().trim().to_string(),
                            link_target(book, a.value().attr("href").unwrap()),
                        )
                    })
                    .collect(),
            }
        })
        .collect()
}

/// A guide page's boxes: book title → (book page, chapter page, number, prev page, next page).
type Boxes = BTreeMap<String, (String, String, String, Option<String>, Option<String>)>;

fn boxes(out: &Path, page: &str) -> Boxes {
    let doc = html(&out.join(page));
    doc.select(&sel("aside.book-box"))
        .map(|b| {
            let href = |css: &str| {
                b.select(&sel(css))
                    .next()
                    .map(|a| link_target(page, a.value().attr("href").unwrap()))
            };
            let title = b
                .select(&sel("a.book-link"))
                .next()
                .unwrap()
                .text()
                .collect::<String>()
                .trim_matches(['《', '》'])
                .to_string();
            let text = b.text().collect::<String>();
            let number = text
                .split("为第 ")
                .nth(1)
                .and_then(|r| r.split(' ').next())
                .unwrap_or_default()
                .to_string();
            (
                title,
                (
                    href("a.book-link").unwrap(),
                    href("a.chapter-link").unwrap(),
                    number,
                    href("a[rel=prev]"),
                    href("a[rel=next]"),
                ),
            )
        })
        .collect()
}

fn book_toml(root: &Path) -> toml::Table {
    read(&root.join("book.toml")).parse().unwrap()
}

#[test]
fn every_link_on_the_book_pages_and_guide_boxes_resolves() {
    let (_t, out) = example();
    let books = book_pages(&out);
    assert_eq!(books, vec!["books/huimin/index.html", "books/huiqi/index.html"]);
    let mut pages: Vec<String> = files(&out)
        .into_iter()
        .filter(|f| f.starts_with("books/") && f.ends_with(".html"))
        .collect();
    // Each guide page with a box: the box's links are book links too.
    for b in &books {
        for c in toc(&out, b) {
            pages.extend(c.guides.into_iter().map(|g| g.2));
        }
    }
    pages.sort();
    pages.dedup();
    assert!(pages.len() > 20, "{pages:?}");
    let mut checked = 0;
    for p in &pages {
        let doc = html(&out.join(p));
        for el in doc.select(&sel("[href], [src]")) {
            let link = el.value().attr("href").or(el.value().attr("src")).unwrap();
            if link.starts_with('#') || (link.contains("://") && el.value().name() == "a") {
                continue;
            }
            assert!(
                !link.starts_with('/') && !link.contains("://"),
                "{p}: {link} is not relative (the site must work from file://)"
            );
            let target = link_target(p, link);
            assert!(out.join(&target).is_file(), "{p}: broken link {link} ({target})");
            checked += 1;
        }
    }
    assert!(checked > 500, "only {checked} links checked");
    // No page of the books' own is left out of the 目录 chain: every chapter page is linked.
    for b in &books {
        let chapters: Vec<String> = toc(&out, b).into_iter().map(|c| c.page).collect();
        let dir = b.trim_end_matches("index.html");
        let on_disk: Vec<String> = files(&out)
            .into_iter()
            .filter(|f| f.starts_with(dir) && !f.ends_with("index.html"))
            .collect();
        assert_eq!(chapters, on_disk, "{b}");
    }
}

#[test]
fn the_contents_follow_book_toml_and_prev_next_walk_them() {
    let root = repo();
    let (_t, out) = example();
    let config = book_toml(&root);
    let listed = config["book"].as_array().unwrap();
    let books = book_pages(&out);
    assert_eq!(books.len(), listed.len());
    let numerals = ["一", "二", "三", "四", "五", "六"];
    for (b, cfg) in books.iter().zip(listed) {
        let title = cfg["title"].as_str().unwrap();
        assert_eq!(texts(&html(&out.join(b)), "h1"), vec![title.to_string()]);
        let chapters = toc(&out, b);
        let want: Vec<String> = cfg["chapters"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{}、{}", numerals[i], c["title"].as_str().unwrap()))
            .collect();
        let got: Vec<String> = chapters.iter().map(|c| c.label.clone()).collect();
        assert_eq!(got, want, "{b}: the 大项 are not in book.toml's order");
        // Numbered as in the printed book, 1.1, 1.2, 2.1 …; each chapter page lists the same.
        let mut order = Vec::new();
        for (ci, c) in chapters.iter().enumerate() {
            assert!(!c.guides.is_empty(), "{b}: {} is empty", c.label);
            let numbers: Vec<String> = c.guides.iter().map(|g| g.0.clone()).collect();
            let want: Vec<String> = (1..=c.guides.len()).map(|k| format!("{}.{k}", ci + 1)).collect();
            assert_eq!(numbers, want);
            let chapter = html(&out.join(&c.page));
            assert_eq!(texts(&chapter, "h1"), vec![c.label.clone()]);
            let on_page: Vec<String> = chapter
                .select(&sel("main ol.toc-guides a"))
                .map(|a| link_target(&c.page, a.value().attr("href").unwrap()))
                .collect();
            let in_toc: Vec<String> = c.guides.iter().map(|g| g.2.clone()).collect();
            assert_eq!(on_page, in_toc, "{}", c.page);
            order.extend(c.guides.iter().map(|g| (g.2.clone(), c.page.clone(), g.0.clone())));
        }
        // 上一项 / 下一项: from the first guide, `next` visits the 目录 in order and stops
        // at the end; `prev` is its mirror; each box names the guide's chapter and number.
        for (k, (page, chapter, number)) in order.iter().enumerate() {
            let bx = boxes(&out, page);
            let (book_page, ch, no, prev, next) = bx
                .get(title)
                .unwrap_or_else(|| panic!("{page} has no box for 《{title}》: {bx:?}"));
            assert_eq!(book_page, b);
            assert_eq!(ch, chapter, "{page}");
            assert_eq!(no, number, "{page}");
            assert_eq!(prev.as_ref(), k.checked_sub(1).map(|j| &order[j].0), "{page}: 上一项");
            assert_eq!(next.as_ref(), order.get(k + 1).map(|x| &x.0), "{page}: 下一项");
            if let Some(n) = next {
                assert_eq!(
                    boxes(&out, n)[title].3.as_ref(),
                    Some(page),
                    "{n}: 上一项 is not {page}"
                );
            }
        }
    }
}

#[test]
fn the_fixture_books_have_the_order_of_their_story_and_a_guide_in_both_shows_both() {
    let (_t, out) = built(&fixture("book"));
    let titles = |book: &str| -> Vec<(String, Vec<String>)> {
        toc(&out, book)
            .into_iter()
            .map(|c| (c.label, c.guides.into_iter().map(|g| g.1).collect()))
            .collect()
    };
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        titles("books/huimin/index.html"),
        vec![
            (
                "一、社会救助".to_string(),
                s(&["青山镇最低生活保障办事指南", "青山镇特困人员救助供养办事指南"])
            ),
            ("二、急难救助".to_string(), s(&["石桥乡临时救助办事指南"])),
            ("三、养老服务".to_string(), s(&["石桥乡高龄津贴申领办事指南"])),
        ]
    );
    assert_eq!(
        titles("books/huiqi/index.html"),
        vec![
            (
                "一、企业开办".to_string(),
                s(&["食品经营许可办事指南", "药品零售企业许可办事指南"])
            ),
            ("二、救助帮扶".to_string(), s(&["青山镇最低生活保障办事指南"])),
        ]
    );
    // The 低保 guide: first of 惠民 (no 上一项), last of 惠企 (no 下一项), one box each.
    let dibao = &toc(&out, "books/huimin/index.html")[0].guides[0].2;
    let bx = boxes(&out, dibao);
    assert_eq!(bx.len(), 2, "{bx:?}");
    let (_, ch, no, prev, next) = &bx["测试县惠民事项一本通"];
    assert_eq!((ch.as_str(), no.as_str()), ("books/huimin/1.html", "1.1"));
    assert!(prev.is_none());
    assert!(next.is_some());
    let (_, ch, no, prev, next) = &bx["测试县惠企事项一本通"];
    assert_eq!((ch.as_str(), no.as_str()), ("books/huiqi/2.html", "2.1"));
    assert!(prev.is_some());
    assert!(next.is_none());
    let text = read(&out.join(dibao));
    assert!(text.contains("第一大项“社会救助”") && text.contains("第二大项“救助帮扶”"));
    // A notice in no book has no box.
    for f in files(&out).iter().filter(|f| f.ends_with(".html")) {
        let page = read(&out.join(f));
        if !page.contains("class=\"book-box") {
            continue;
        }
        assert!(
            toc(&out, "books/huimin/index.html")
                .iter()
                .chain(toc(&out, "books/huiqi/index.html").iter())
                .any(|c| c.guides.iter().any(|g| &g.2 == f)),
            "{f} has a box but is in no book"
        );
    }
}

#[test]
fn home_sitemap_and_meta_know_the_books() {
    let (_t, out) = example();
    let home = html(&out.join("index.html"));
    let linked: Vec<String> = home
        .select(&sel("main a[href^=\"books/\"]"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    let mut want = book_pages(&out);
    want.push("books/index.html".into());
    assert_eq!(
        linked, want,
        "the home page's 办事一本通 block: each book, then the column"
    );
    assert!(texts(&home, "main h2").contains(&"办事一本通".to_string()));
    let sitemap = read(&out.join("sitemap.xml"));
    let pages: Vec<String> = files(&out)
        .into_iter()
        .filter(|f| f.starts_with("books/") && f.ends_with(".html"))
        .collect();
    assert_eq!(pages.len(), 1 + 2 * 4, "{pages:?}");
    for p in &pages {
        assert!(
            sitemap.contains(&format!("/gongkai/{p}</loc>")),
            "sitemap.xml does not list {p}"
        );
        let doc = html(&out.join(p));
        let meta = |name: &str| {
            doc.select(&sel(&format!("meta[name={name}]")))
                .next()
                .and_then(|m| m.value().attr("content").map(str::to_string))
        };
        assert_eq!(meta("ColumnName").as_deref(), Some("办事一本通"), "{p}");
        assert_eq!(meta("ColumnType").as_deref(), Some("办事服务"), "{p}");
        assert_eq!(texts(&doc, "nav.crumbs a")[1], "办事一本通", "{p}");
    }
    let book = html(&out.join("books/huimin/index.html"));
    let facts = texts(&book, "dl.facts dd");
    assert_eq!(
        facts[..3],
        [
            "惠民".to_string(),
            "示例县人民政府办公室".into(),
            "2026年11月20日".into()
        ]
    );
    assert!(texts(&book, "h2").contains(&"说明".to_string()));
}

#[test]
fn the_menu_leads_to_the_books_from_every_page_and_only_on_a_site_that_has_them() {
    let (_t, out) = example();
    let pages: Vec<String> = files(&out).into_iter().filter(|f| f.ends_with(".html")).collect();
    assert!(pages.len() > 100, "{}", pages.len());
    for p in &pages {
        let doc = html(&out.join(p));
        let menu: Vec<(String, String)> = doc
            .select(&sel("header .site-nav a"))
            .map(|a| {
                let text = a.text().collect::<String>().trim().to_string();
                (text, link_target(p, a.value().attr("href").unwrap()))
            })
            .collect();
        if menu.is_empty() {
            continue; // a page without the site's chrome (the board bundle's, a redirect)
        }
        assert!(
            menu.contains(&("办事一本通".to_string(), "books/index.html".to_string())),
            "{p}: the menu has no 办事一本通 → books/index.html: {menu:?}"
        );
    }
    let (_b, bare) = built(&repo().join("tests/fixtures/basic"));
    assert!(!bare.join("books").exists(), "the basic fixture defines no book");
    let home = read(&bare.join("index.html"));
    assert!(
        !home.contains("books/index.html"),
        "a menu entry to a column the site lacks"
    );
}

#[test]
fn searching_a_book_title_finds_its_page_from_file_urls() {
    let Some(chrome) = chromium() else { return };
    let (_t, out) = example();
    for (q, page) in [
        ("惠民事项一本通", "books/huimin/index.html"),
        ("示例县惠企事项一本通", "books/huiqi/index.html"),
    ] {
        let hits = search_hits(&chrome, &out, q);
        assert!(
            hits.first().is_some_and(|h| h.ends_with(page)),
            "searching {q} should find {page} first: {hits:?}"
        );
    }
}

#[test]
fn a_book_page_prints_on_a4_without_the_site_chrome() {
    let Some(chrome) = chromium() else { return };
    if pdf_tools().is_none() {
        return;
    }
    let (t, out) = example();
    for page in ["books/huimin/index.html", "books/huiqi/2.html"] {
        let pdf = t.path().join(format!("{}.pdf", page.replace('/', "-")));
        print_to_pdf(&chrome, &file_url(&out.join(page)), &pdf);
        let (pages, w, h) = pdf_info(&pdf);
        assert!(pages >= 1, "{page}: {pages} pages");
        assert!(is_a4(w, h), "{page}: {w} × {h} pt is not A4");
        let text: String = pdf_pages_text(&pdf).concat();
        let squeezed: String = text.split_whitespace().collect();
        assert!(squeezed.contains("一本通"), "{page}: {text}");
        // Navigation, search and footer stay on screen.
        for chrome_text in ["跳到正文", "主办单位", "网站标识码"] {
            assert!(!squeezed.contains(chrome_text), "{page} prints {chrome_text}:\n{text}");
        }
    }
}
