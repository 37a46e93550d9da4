//! `gongkai serve`: the real binary on a copy of the example site, on a free port of
//! 127.0.0.1, edited the way clerks' editors save, and read back over HTTP. Every wait polls
//! with a bounded timeout; no test sleeps for a fixed time.

mod common;

use common::{DATE, bin, copy_site, repo, sel, texts};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(60);

/// A running `gongkai serve`; stopped (its own child process) when dropped.
struct Serve {
    child: Child,
    port: u16,
    out: Arc<Mutex<String>>,
    err: Arc<Mutex<String>>,
    _tmp: tempfile::TempDir,
    site: PathBuf,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn pipe_to(r: impl Read + Send + 'static, buf: Arc<Mutex<String>>) {
    std::thread::spawn(move || {
        for line in BufReader::new(r).lines().map_while(Result::ok) {
            let mut b = buf.lock().unwrap();
            b.push_str(&line);
            b.push('\n');
        }
    });
}

fn start_on(tmp: tempfile::TempDir, site: PathBuf, extra: &[&str]) -> Serve {
    let mut child = Command::new(bin())
        .args(["serve", "--root", site.to_str().unwrap(), "--date", DATE])
        .args(extra)
        .env("LANG", "zh_CN.UTF-8")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start gongkai serve");
    let out = Arc::new(Mutex::new(String::new()));
    let err = Arc::new(Mutex::new(String::new()));
    pipe_to(child.stdout.take().unwrap(), out.clone());
    pipe_to(child.stderr.take().unwrap(), err.clone());
    let mut s = Serve {
        child,
        port: 0,
        out,
        err,
        _tmp: tmp,
        site,
    };
    let o = s.out.clone();
    let found = wait_until("the preview URL on stdout", || {
        let t = o.lock().unwrap();
        t.split("http://127.0.0.1:")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .and_then(|p| p.parse::<u16>().ok())
    });
    s.port = found;
    s
}

/// The example site, copied, served on a port the system picks.
fn start(extra: &[&str]) -> Serve {
    let (tmp, site) = copy_site(&repo());
    let mut args = vec!["--port", "0"];
    args.extend_from_slice(extra);
    start_on(tmp, site, &args)
}

/// Poll `f` every 50 ms until it gives `Some`, or fail after [`TIMEOUT`].
fn wait_until<T>(what: &str, mut f: impl FnMut() -> Option<T>) -> T {
    let t0 = Instant::now();
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(t0.elapsed() < TIMEOUT, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

impl Serve {
    /// GET `path` (already URL-safe or not: it is percent-encoded here): (status, body).
    fn get(&self, path: &str) -> (u16, String) {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let enc: String = path
            .bytes()
            .map(|b| {
                if b.is_ascii_graphic() {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect();
        write!(s, "GET {enc} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
        let mut raw = Vec::new();
        let _ = s.read_to_end(&mut raw);
        let text = String::from_utf8_lossy(&raw).into_owned();
        let status = text.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
        let body = text
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_string())
            .unwrap_or_default();
        (status, body)
    }

    fn page(&self, path: &str) -> scraper::Html {
        scraper::Html::parse_document(&self.get(path).1)
    }

    /// Wait until the page at `path` satisfies `ok`.
    fn wait_page(&self, what: &str, path: &str, ok: impl Fn(u16, &scraper::Html) -> bool) -> scraper::Html {
        wait_until(what, || {
            let (status, body) = self.get(path);
            let doc = scraper::Html::parse_document(&body);
            ok(status, &doc).then_some(doc)
        })
    }

    fn notice_url(&self, title: &str) -> Option<String> {
        let (_, body) = self.get("/data/notices.json");
        let rows: Vec<serde_json::Value> = serde_json::from_str(&body).ok()?;
        rows.iter()
            .find(|r| r["title"] == title)
            .and_then(|r| r["url"].as_str().map(|u| format!("/{u}")))
    }

    fn stdout(&self) -> String {
        self.out.lock().unwrap().clone()
    }

    fn stderr(&self) -> String {
        self.err.lock().unwrap().clone()
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.site.join(rel)
    }
}

const NOTICE: &str = "content/liuhe/social-assistance/柳河乡2026年第三季度临时救助审核审批结果公示.md";
const TITLE: &str = "柳河乡2026年第三季度临时救助审核审批结果公示";

fn h1(doc: &scraper::Html) -> String {
    texts(doc, "h1").join(" ")
}

fn listed(doc: &scraper::Html, title: &str) -> bool {
    doc.select(&sel("main a"))
        .any(|a| a.text().collect::<String>().contains(title))
}

fn set_title(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from));
    std::fs::write(path, text.replacen(&format!("标题: {from}"), &format!("标题: {to}"), 1)).unwrap();
}

#[test]
fn an_edited_title_is_served_on_the_notice_page_and_every_list() {
    let s = start(&[]);
    let url = s.notice_url(TITLE).expect("the notice is in the open data");
    assert_eq!(h1(&s.page(&url)), TITLE);
    // The served page carries the reload script; the item page lists the notice.
    assert!(s.get(&url).1.contains("/__gongkai/wait"));
    let new = "柳河乡2026年第三季度临时救助审核审批结果公示（更正）";
    set_title(&s.path(NOTICE), TITLE, new);
    s.wait_page("the new title on the notice page", &url, |st, d| {
        st == 200 && h1(d) == new
    });
    assert!(listed(&s.page("/liuhe/index.html"), new), "township page");
    assert!(listed(&s.page("/index.html"), new), "home page");
    assert!(s.notice_url(new).is_some(), "open data");
    assert!(s.get("/liuhe/atom.xml").1.contains(new), "feed");
    // The terminal says what changed, with a time.
    let out = s.stdout();
    assert!(out.contains("有变化：更新") && out.contains("毫秒"), "{out}");
    // Nothing was written into the site: no public/, content unchanged but for our edit.
    assert!(!s.path("public").exists());
}

#[test]
fn a_new_notice_joins_the_lists_and_a_deleted_one_leaves_them() {
    let s = start(&[]);
    let text = std::fs::read_to_string(s.path(NOTICE)).unwrap();
    let title = "柳河乡2026年第四季度临时救助审核审批结果公示";
    let added = s.path("content/liuhe/social-assistance/第四季度临时救助.md");
    std::fs::write(&added, text.replacen(TITLE, title, 1)).unwrap();
    let url = wait_until("the new notice in the open data", || s.notice_url(title));
    assert_eq!(h1(&s.page(&url)), title);
    assert!(listed(&s.page("/liuhe/index.html"), title));
    let domain_table = "/liuhe/social-assistance/index.html";
    assert!(listed(&s.page(domain_table), title), "catalog table of the township");
    let item_pages: Vec<String> = s
        .page(&url)
        .select(&sel("a[href*='items/']"))
        .filter_map(|a| {
            a.value()
                .attr("href")
                .map(|h| h.split('#').next().unwrap().trim_start_matches("../").to_string())
        })
        .collect();
    let item = format!("/{}", item_pages.first().expect("the notice links its item page"));
    assert!(listed(&s.page(&item), title), "item page");

    std::fs::remove_file(&added).unwrap();
    s.wait_page("the deleted notice's page gone", &url, |st, _| st == 404);
    assert!(!listed(&s.page("/liuhe/index.html"), title));
    assert!(!listed(&s.page(domain_table), title));
    assert!(!listed(&s.page(&item), title));
    assert!(s.notice_url(title).is_none());
    // The other notice of that item is still there.
    assert!(listed(&s.page(&item), TITLE));
}

#[test]
fn a_save_by_rename_with_editor_litter_is_seen() {
    let s = start(&[]);
    let url = s.notice_url(TITLE).unwrap();
    let target = s.path(NOTICE);
    let dir = target.parent().unwrap().to_path_buf();
    // vim: a swap file and the 4913 probe; then write a temp file and rename it over.
    std::fs::write(dir.join(".柳河乡.md.swp"), b"\0\0binary swap").unwrap();
    std::fs::write(dir.join("4913"), b"").unwrap();
    let _ = std::fs::remove_file(dir.join("4913"));
    let new = "柳河乡临时救助审核审批结果公示（改名保存）";
    let text = std::fs::read_to_string(&target).unwrap().replacen(TITLE, new, 1);
    let tmp = dir.join("柳河乡.md.tmp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, &target).unwrap();
    s.wait_page("the renamed-over file's title", &url, |_, d| h1(d) == new);
    // The swap file is not a notice and produced no problem.
    assert!(!s.get("/index.html").1.contains("gongkai-overlay"));
}

#[test]
fn broken_front_matter_shows_the_error_and_keeps_the_last_good_site_until_fixed() {
    let s = start(&[]);
    let url = s.notice_url(TITLE).unwrap();
    let path = s.path(NOTICE);
    let good = std::fs::read_to_string(&path).unwrap();
    let broken = good.replacen("事项: 社会救助", "事项: \"社会救助", 1);
    std::fs::write(&path, &broken).unwrap();
    let doc = s.wait_page("the error overlay", &url, |_, d| {
        d.select(&sel("#gongkai-overlay")).next().is_some()
    });
    // The last good page is still what is served under the overlay.
    assert_eq!(h1(&doc), TITLE);
    // The site's other findings (the annual register's late replies) are listed too.
    let problem = doc
        .select(&sel(".gongkai-problem"))
        .find(|p| p.value().attr("data-file") == Some(NOTICE))
        .expect("the notice's problem listed");
    assert_eq!(problem.value().attr("data-line"), Some("3"));
    assert_eq!(problem.value().attr("data-code"), Some("GK012"));
    let text: String = problem.text().collect();
    assert!(text.contains("第 3 行") && text.contains("引号没有配对"), "{text}");
    assert!(texts(&doc, ".gongkai-hint").iter().any(|h| h.contains("英文双引号")));
    // Every page shows it, and the terminal has it in check's form.
    assert!(s.get("/index.html").1.contains("gongkai-overlay"));
    let err = wait_until("the error on stderr", || {
        let e = s.stderr();
        e.contains("错误[GK012]").then_some(e)
    });
    assert!(err.contains(&format!("{NOTICE}:3:")), "{err}");
    // The clerk's file is as they saved it: serve never writes into content/.
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);

    let fixed = good.replacen(TITLE, "柳河乡临时救助结果公示（已改正）", 1);
    std::fs::write(&path, fixed).unwrap();
    let doc = s.wait_page("recovery", &url, |_, d| {
        d.select(&sel("#gongkai-overlay")).next().is_none()
    });
    assert_eq!(h1(&doc), "柳河乡临时救助结果公示（已改正）");
    assert!(!s.path("public").exists());
}

#[test]
fn book_toml_and_catalog_edits_rebuild_the_site_and_a_broken_catalog_is_shown() {
    let s = start(&[]);
    let book = s.path("book.toml");
    let cfg = std::fs::read_to_string(&book).unwrap();
    std::fs::write(
        &book,
        cfg.replacen(
            "title = \"示例县基层政务公开\"",
            "title = \"示例县政务公开（预览）\"",
            1,
        ),
    )
    .unwrap();
    s.wait_page("the new site title", "/liuhe/index.html", |_, d| {
        d.select(&sel("meta[name=SiteName]"))
            .any(|m| m.value().attr("content") == Some("示例县政务公开（预览）"))
    });
    let cat = s.path("catalogs/affordable-housing.yaml");
    let yaml = std::fs::read_to_string(&cat).unwrap();
    std::fs::write(&cat, yaml.replacen("    basis: ", "    basis: 本县修订 ", 1)).unwrap();
    s.wait_page("the catalog change", "/catalogs/affordable-housing.html", |_, d| {
        d.root_element().text().collect::<String>().contains("本县修订")
    });
    // A catalog with a syntax error: shown, and the last good site stays.
    std::fs::write(&cat, format!("{yaml}\n  - id: [unclosed\n")).unwrap();
    let doc = s.wait_page("the catalog error", "/index.html", |_, d| {
        d.select(&sel("#gongkai-overlay")).next().is_some()
    });
    let files: Vec<String> = doc
        .select(&sel(".gongkai-problem"))
        .filter_map(|p| p.value().attr("data-file").map(str::to_string))
        .collect();
    assert!(files.iter().any(|f| f.contains("affordable-housing.yaml")), "{files:?}");
    assert!(
        doc.select(&sel("meta[name=SiteName]"))
            .any(|m| m.value().attr("content") == Some("示例县政务公开（预览）"))
    );
    std::fs::write(&cat, &yaml).unwrap();
    s.wait_page("recovery", "/index.html", |_, d| {
        d.select(&sel("#gongkai-overlay")).next().is_none()
    });
}

#[test]
fn odd_input_never_takes_the_server_down() {
    let mut s = start(&[]);
    let dir = s.path("content/liuhe/social-assistance");
    // A GBK file from Notepad, an empty file, a file deleted right after it was written,
    // a Word document renamed to .md.
    let notice = std::fs::read_to_string(s.path(NOTICE))
        .unwrap()
        .replacen(TITLE, "柳河乡GBK编码的公告", 1);
    let (gbk, _, _) = encoding_rs::GBK.encode(&notice);
    std::fs::write(dir.join("gbk.md"), &gbk).unwrap();
    std::fs::write(dir.join("empty.md"), b"").unwrap();
    std::fs::write(dir.join("gone.md"), b"---\n").unwrap();
    std::fs::remove_file(dir.join("gone.md")).unwrap();
    std::fs::write(dir.join("word.md"), b"PK\x03\x04\0\0\xff\xfe\x00binary").unwrap();
    s.wait_page("the problems listed", "/index.html", |_, d| {
        d.select(&sel(".gongkai-problem")).next().is_some()
    });
    assert_eq!(s.get("/liuhe/index.html").0, 200);
    for f in ["empty.md", "word.md"] {
        std::fs::remove_file(dir.join(f)).unwrap();
    }
    // With only the GBK notice left (a warning: it is decoded), the site builds again.
    let url = wait_until("the GBK notice, decoded", || s.notice_url("柳河乡GBK编码的公告"));
    assert_eq!(h1(&s.page(&url)), "柳河乡GBK编码的公告");
    assert!(s.child_alive());
}

#[test]
fn a_taken_port_is_named_and_the_next_one_used() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let (tmp, site) = copy_site(&repo());
    let s = start_on(tmp, site, &["--port", &port.to_string()]);
    assert_ne!(s.port, port);
    assert!(
        s.stdout().contains(&format!("端口 {port} 已被占用，改用 {}", s.port)),
        "{}",
        s.stdout()
    );
    assert_eq!(s.get("/").0, 200);
}

#[test]
fn polling_mode_sees_an_edit() {
    let s = start(&["--poll"]);
    let url = s.notice_url(TITLE).unwrap();
    let new = "柳河乡临时救助审核审批结果公示（轮询）";
    set_title(&s.path(NOTICE), TITLE, new);
    s.wait_page("the polled edit", &url, |_, d| h1(d) == new);
}

impl Serve {
    fn child_alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

#[test]
fn a_policy_edit_rerenders_the_library_and_removes_pages_no_longer_made() {
    let (tmp, site) = copy_site(&common::fixture("policy"));
    let s = start_on(tmp, site, &["--port", "0"]);
    let doc = "/policy/wenjian/renju-huanjing-2025.html";
    let issuer_page = |s: &Serve| {
        s.page("/policy/index.html")
            .select(&sel("nav.policy-facets a"))
            .find(|a| a.text().collect::<String>().starts_with("测试县人民政府（"))
            // `../policy/f/…` from `policy/index.html`.
            .and_then(|a| {
                a.value()
                    .attr("href")
                    .map(|h| format!("/{}", h.trim_start_matches("../")))
            })
    };
    let only = issuer_page(&s).expect("a filter page for 测试县人民政府");
    assert_eq!(s.get(&only).0, 200);
    // The only document of 测试县人民政府 is re-issued by its office: that agency's filter
    // page goes, the document's page and the library say the new agency.
    let p = s.path("content/zhengce/wenjian/renju-huanjing-2025.md");
    let text = std::fs::read_to_string(&p).unwrap();
    std::fs::write(
        &p,
        text.replacen("发文机关: 测试县人民政府\n", "发文机关: 测试县人民政府办公室\n", 1),
    )
    .unwrap();
    s.wait_page("the new agency on the document page", doc, |st, d| {
        st == 200 && texts(d, ".redhead-issuer") == vec!["测试县人民政府办公室文件".to_string()]
    });
    wait_until("the stale filter page removed", || {
        (s.get(&only).0 == 404).then_some(())
    });
    assert!(issuer_page(&s).is_none());
}

#[test]
fn an_edit_of_the_annual_report_text_is_served() {
    // annual/ is watched like catalogs/: an edit of sections.md re-checks the site and the
    // 政府信息公开年报 page shows the new text.
    let s = start(&[]);
    let url = "/annual/2025.html";
    let (status, page) = s.get(url);
    assert_eq!(status, 200, "{page}");
    let added = "本年度新增政务公开专区一处，已对外开放。";
    assert!(!page.contains(added));
    let path = s.path("annual/2025/sections.md");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(&format!("\n{added}\n"));
    std::fs::write(&path, text).unwrap();
    s.wait_page("the new sentence on the annual report's page", url, |st, d| {
        st == 200 && d.root_element().text().collect::<String>().contains(added)
    });
    assert!(!s.path("public").exists());
}

#[test]
fn a_guide_edit_is_served_on_its_book_pages_and_its_neighbours() {
    // 柳河乡参保单位注销登记办事指南 is 3.1 of 《示例县惠企事项一本通》, between the 工伤
    // guide (2.3) and 柳河乡养老机构备案办事指南 (3.2): a new title shows in the 目录, on the
    // chapter page and in both neighbours' 上一项 / 下一项 links.
    let s = start(&[]);
    let old = "柳河乡参保单位注销登记办事指南";
    let new = "柳河乡参保单位社会保险注销登记办事指南";
    let mentions = |d: &scraper::Html, t: &str| d.root_element().text().collect::<String>().contains(t);
    let book = s.page("/books/huiqi/index.html");
    assert!(mentions(&book, old));
    let neighbours: Vec<String> = book
        .select(&sel("ol.toc-guides a"))
        .map(|a| a.value().attr("href").unwrap().trim_start_matches("../..").to_string())
        .collect();
    let at = neighbours
        .iter()
        .position(|u| s.notice_url(old).as_deref() == Some(u.as_str()))
        .expect("the guide is in the 目录");
    let (before, after) = (neighbours[at - 1].clone(), neighbours[at + 1].clone());
    set_title(
        &s.path("content/liuhe/social-insurance/柳河乡参保单位注销登记办事指南.md"),
        old,
        new,
    );
    for page in ["/books/huiqi/index.html", "/books/huiqi/3.html", &before, &after] {
        s.wait_page(&format!("the new title on {page}"), page, |st, d| {
            st == 200 && mentions(d, new)
        });
    }
}

#[test]
fn a_book_toml_edit_renames_a_chapter_on_the_book_pages_and_the_guide_boxes() {
    let s = start(&[]);
    let path = s.path("book.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let (old, new) = ("title = \"单位注销和机构备案\"", "title = \"注销登记和养老机构备案\"");
    assert!(text.contains(old));
    std::fs::write(&path, text.replacen(old, new, 1)).unwrap();
    let label = "三、注销登记和养老机构备案";
    s.wait_page("the new 大项 on the book page", "/books/huiqi/index.html", |st, d| {
        st == 200 && texts(d, "li.toc-chapter > a").iter().any(|t| t == label)
    });
    assert_eq!(texts(&s.page("/books/huiqi/3.html"), "h1"), vec![label.to_string()]);
    let guide = s.notice_url("柳河乡参保单位注销登记办事指南").unwrap();
    assert!(s.get(&guide).1.contains("第三大项“注销登记和养老机构备案”"));
}

#[test]
fn a_guide_whose_tag_is_removed_leaves_its_book_and_its_neighbours_link_past_it() {
    // 青山镇参保单位基本信息变更办事指南 is 惠企 2.1 by its tag 企业参保, after 1.2 (创业担保贷款)
    // and before 2.2 (企业职工参保). Without the tag it is in no book: no box on its page, and
    // the two guides around it link to each other.
    let s = start(&[]);
    let rel = "content/qingshan/社会保险/青山镇参保单位基本信息变更办事指南.md";
    let url = s.notice_url("青山镇参保单位基本信息变更办事指南").unwrap();
    let before = s.notice_url("青山镇创业担保贷款申请办事指南").unwrap();
    let after = s.notice_url("石桥镇企业职工参加社会保险登记办事指南").unwrap();
    let next_of = |page: &str| -> Vec<String> {
        s.page(page)
            .select(&sel("aside.book-box a[rel=next]"))
            .map(|a| a.value().attr("href").unwrap().trim_start_matches("../..").to_string())
            .collect()
    };
    assert_eq!(next_of(&before), vec![url.clone()]);
    let text = std::fs::read_to_string(s.path(rel)).unwrap();
    std::fs::write(s.path(rel), text.replacen("关键词: [企业参保]\n", "", 1)).unwrap();
    s.wait_page("the guide out of its book", &url, |st, d| {
        st == 200 && d.select(&sel("aside.book-box")).next().is_none()
    });
    wait_until("the guide before it linking past it", || {
        (next_of(&before) == vec![after.clone()]).then_some(())
    });
    let prev: Vec<String> = s
        .page(&after)
        .select(&sel("aside.book-box a[rel=prev]"))
        .map(|a| a.value().attr("href").unwrap().trim_start_matches("../..").to_string())
        .collect();
    assert_eq!(prev, vec![before]);
}
