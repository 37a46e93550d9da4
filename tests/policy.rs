//! The policy library's pages on built HTML (issue 12): the real binary builds
//! `tests/fixtures/policy` as on several days, and each document must be listed under the
//! status it has on that day, its page must say since when and why, and every 解读, 征求意见
//! and 反馈 must link to it and back. The fixture's story:
//!
//! * 测政办〔2024〕3号 (临时救助暂行办法), in force from 2024-04-01, repealed from 2026-01-01 by
//!   测政办〔2025〕21号, which is published 2025-12-10 and takes effect that day;
//! * 测政办〔2024〕6号 (医疗救助办法), amended from 2025-11-03 by 测政办〔2025〕18号;
//! * 测政办〔2024〕9号 (养老服务补贴办法（试行）), 2 years from 2024-07-01: lapses 2026-07-01;
//! * 测政〔2025〕3号, an 其他政策文件: never on the three directories;
//! * 青政〔2025〕7号, 青山镇's own document, on 青山镇's library only.
//!
//! The fixture cannot be built before 2025-12-10 (documents published later would be in the
//! future, GK041), so the dates are: 2025-12-15 (21号 published, not yet in force), 2026-02-01
//! (3号 repealed) and 2026-07-15 (9号 lapsed).

mod common;
use common::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const BEFORE: &str = "2025-12-15";
const REPEALED: &str = "2026-02-01";
const LAPSED: &str = "2026-07-15";

const TEMP_2024: &str = "测政办〔2024〕3号";
const TEMP_2025: &str = "测政办〔2025〕21号";
const MEDICAL: &str = "测政办〔2024〕6号";
const MEDICAL_AMEND: &str = "测政办〔2025〕18号";
const ELDERLY: &str = "测政办〔2024〕9号";
const RURAL: &str = "测政〔2025〕3号";
const TOWN: &str = "青政〔2025〕7号";

/// The fixture built as on `date`: (guard, output folder).
fn built(date: &str) -> (tempfile::TempDir, PathBuf) {
    let (tmp, site) = copy_site(&fixture("policy"));
    let out = tmp.path().join("out");
    let o = run_build_at(&site, &out, date);
    assert!(o.status.success(), "build on {date} failed:\n{}", stderr(&o));
    (tmp, out)
}

/// 文号 → status as a list page's table shows it.
fn statuses(page: &Path) -> BTreeMap<String, String> {
    let doc = html(page);
    doc.select(&sel("table.policy-docs tbody tr"))
        .map(|tr| {
            let cell = |css: &str| {
                tr.select(&sel(css))
                    .next()
                    .map(|e| e.text().collect::<String>().trim().to_string())
                    .unwrap_or_default()
            };
            (cell("td.docno"), cell("span.policy-status"))
        })
        .collect()
}

/// The 文号 a list page lists, sorted.
fn listed(page: &Path) -> Vec<String> {
    statuses(page).into_keys().collect()
}

fn expect(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

fn sorted(v: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = v.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

/// Every link target of `page` inside `css`, relative to `out`.
fn links(out: &Path, page: &str, css: &str) -> Vec<String> {
    let doc = html(&out.join(page));
    doc.select(&sel(&format!("{css} a[href]")))
        .map(|a| link_target(page, a.value().attr("href").unwrap()))
        .collect()
}

#[test]
fn library_lists_each_document_under_its_status_on_each_date() {
    let cases = [
        (
            BEFORE,
            expect(&[
                (TEMP_2024, "现行有效"),
                (TEMP_2025, "尚未施行"),
                (MEDICAL, "已修改"),
                (MEDICAL_AMEND, "现行有效"),
                (ELDERLY, "现行有效"),
                (RURAL, "现行有效"),
            ]),
        ),
        (
            REPEALED,
            expect(&[
                (TEMP_2024, "已废止"),
                (TEMP_2025, "现行有效"),
                (MEDICAL, "已修改"),
                (MEDICAL_AMEND, "现行有效"),
                (ELDERLY, "现行有效"),
                (RURAL, "现行有效"),
            ]),
        ),
        (
            LAPSED,
            expect(&[
                (TEMP_2024, "已废止"),
                (TEMP_2025, "现行有效"),
                (MEDICAL, "已修改"),
                (MEDICAL_AMEND, "现行有效"),
                (ELDERLY, "已失效"),
                (RURAL, "现行有效"),
            ]),
        ),
    ];
    for (date, want) in cases {
        let (_t, out) = built(date);
        assert_eq!(
            statuses(&out.join("policy/index.html")),
            want,
            "county library on {date}"
        );
        // The township's own document is on its library, not the county's.
        assert_eq!(
            statuses(&out.join("qingshan/policy/index.html")),
            expect(&[(TOWN, "现行有效")]),
            "青山镇 library on {date}"
        );
        let caption = texts(&html(&out.join("policy/index.html")), "table.policy-docs caption").join("");
        assert!(
            caption.contains(date),
            "the library says which day its statuses are for: {caption}"
        );
    }
}

#[test]
fn three_directories_list_normative_documents_by_status() {
    let cases = [
        (
            BEFORE,
            vec![TEMP_2024, TEMP_2025, MEDICAL, MEDICAL_AMEND, ELDERLY],
            vec![],
            vec![],
        ),
        (
            REPEALED,
            vec![TEMP_2025, MEDICAL, MEDICAL_AMEND, ELDERLY],
            vec![TEMP_2024],
            vec![],
        ),
        (
            LAPSED,
            vec![TEMP_2025, MEDICAL, MEDICAL_AMEND],
            vec![TEMP_2024],
            vec![ELDERLY],
        ),
    ];
    for (date, xianxing, feizhi, shixiao) in cases {
        let (_t, out) = built(date);
        // Amended and not yet effective documents are still valid ones; the 其他政策文件
        // 测政〔2025〕3号 is on no directory.
        assert_eq!(
            listed(&out.join("policy/xianxing.html")),
            sorted(&xianxing),
            "现行有效 on {date}"
        );
        assert_eq!(
            listed(&out.join("policy/feizhi.html")),
            sorted(&feizhi),
            "已废止 on {date}"
        );
        assert_eq!(
            listed(&out.join("policy/shixiao.html")),
            sorted(&shixiao),
            "已失效 on {date}"
        );
        assert_eq!(listed(&out.join("qingshan/policy/xianxing.html")), sorted(&[TOWN]));
        let h1 = texts(&html(&out.join("policy/feizhi.html")), "h1");
        assert_eq!(h1, vec!["测试县已废止规范性文件目录"]);
    }
}

/// CSV rows (header first) of an open-data file, after its BOM.
fn csv_rows(p: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(p).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "{} has no BOM for Excel/WPS",
        p.display()
    );
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    text.lines()
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

#[test]
fn open_data_holds_the_three_directories() {
    let (_t, out) = built(LAPSED);
    let column = |rows: &[Vec<String>], name: &str| -> Vec<String> {
        let k = rows[0]
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"));
        let mut v: Vec<String> = rows[1..].iter().map(|r| r[k].clone()).collect();
        v.sort();
        v
    };
    let xianxing = csv_rows(&out.join("data/policy-xianxing.csv"));
    assert_eq!(
        column(&xianxing, "docno"),
        sorted(&[TEMP_2025, MEDICAL, MEDICAL_AMEND, TOWN])
    );
    let feizhi = csv_rows(&out.join("data/policy-feizhi.csv"));
    assert_eq!(column(&feizhi, "docno"), sorted(&[TEMP_2024]));
    assert_eq!(column(&feizhi, "status_since"), vec!["2026-01-01"]);
    let shixiao = csv_rows(&out.join("data/policy-shixiao.csv"));
    assert_eq!(column(&shixiao, "docno"), sorted(&[ELDERLY]));
    assert_eq!(column(&shixiao, "status_since"), vec!["2026-07-01"]);
    // Every document, with its derived status and directory, as CSV and JSON.
    let all = csv_rows(&out.join("data/policy.csv"));
    assert_eq!(all.len(), 1 + 7, "{all:?}");
    let json: serde_json::Value = serde_json::from_str(&read(&out.join("data/policy.json"))).unwrap();
    assert_eq!(json["date"], LAPSED);
    let docs = json["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 7);
    let elderly = docs.iter().find(|d| d["docno"] == ELDERLY).unwrap();
    assert_eq!(elderly["status"], "已失效");
    assert_eq!(elderly["directory"], "已失效");
    assert_eq!(elderly["expires"], "2026-06-30");
    let town = docs.iter().find(|d| d["docno"] == TOWN).unwrap();
    assert_eq!(town["township"], "青山镇");
}

#[test]
fn document_page_shows_status_since_when_and_its_related_pages() {
    let (_t, out) = built(REPEALED);
    let page = "policy/wenjian/linshi-jiuzhu-2024.html";
    let doc = html(&out.join(page));
    // 红头: the agency over a rule, then the title, then the 文号 under it.
    assert_eq!(texts(&doc, ".redhead h1"), vec!["测试县临时救助暂行办法"]);
    assert_eq!(texts(&doc, ".redhead h1 + .redhead-docno"), vec![TEMP_2024]);
    assert_eq!(texts(&doc, ".redhead-issuer"), vec!["测试县人民政府办公室文件"]);
    let status = texts(&doc, "#status").join("");
    assert!(
        status.contains("已废止") && status.contains("2026年1月1日") && status.contains(TEMP_2025),
        "{status}"
    );
    let time = doc.select(&sel("#status time")).next().unwrap();
    assert_eq!(time.value().attr("datetime"), Some("2026-01-01"));
    assert_eq!(
        links(&out, page, "#status"),
        vec!["policy/wenjian/linshi-jiuzhu-2025.html"]
    );
    // Its 解读, and the 解读 links back.
    let jd = links(&out, page, "#jiedu");
    assert_eq!(jd, vec!["policy/jiedu/linshi-jiuzhu-2024-jd.html"]);
    assert!(links(&out, &jd[0], "dl.facts").contains(&page.to_string()));

    // The repealing document: its 解读, its call for comment and that call's feedback.
    let page = "policy/wenjian/linshi-jiuzhu-2025.html";
    let status = texts(&html(&out.join(page)), "#status").join("");
    assert!(
        status.contains("现行有效") && status.contains("2026年1月1日"),
        "{status}"
    );
    assert_eq!(
        links(&out, page, "#jiedu"),
        vec!["policy/jiedu/linshi-jiuzhu-2025-jd.html"]
    );
    let calls = links(&out, page, "#zhengqiu");
    assert_eq!(
        calls,
        vec![
            "policy/zhengqiu/linshi-jiuzhu.html",
            "policy/fankui/linshi-jiuzhu-fk.html"
        ]
    );
    // The call links to the document and to its feedback; the feedback to the call.
    let call = links(&out, &calls[0], "article");
    assert!(call.contains(&page.to_string()), "{call:?}");
    assert!(call.contains(&calls[1]), "{call:?}");
    let fk = links(&out, &calls[1], "dl.facts");
    assert!(fk.contains(&calls[0]), "{fk:?}");
    assert!(fk.contains(&page.to_string()), "{fk:?}");
    // The repealed document is linked from the one that repealed it.
    assert!(links(&out, page, "dl.facts").contains(&"policy/wenjian/linshi-jiuzhu-2024.html".to_string()));
}

#[test]
fn document_page_status_follows_the_date() {
    let page = |date: &str, file: &str| {
        let (_t, out) = built(date);
        texts(&html(&out.join("policy/wenjian").join(file)), "#status").join("")
    };
    let s = page(BEFORE, "linshi-jiuzhu-2025.html");
    assert!(s.contains("尚未施行") && s.contains("2026年1月1日"), "{s}");
    let s = page(BEFORE, "linshi-jiuzhu-2024.html");
    assert!(s.contains("现行有效") && s.contains("2024年4月1日"), "{s}");
    let s = page(BEFORE, "yiliao-jiuzhu-2024.html");
    assert!(
        s.contains("已修改") && s.contains("2025年11月3日") && s.contains(MEDICAL_AMEND),
        "{s}"
    );
    let s = page(LAPSED, "yanglao-butie-2024.html");
    assert!(
        s.contains("已失效") && s.contains("2026年7月1日") && s.contains("2026年6月30日"),
        "{s}"
    );
    // A document without a 施行日期 is in force from its 发布日期.
    let s = page(LAPSED, "renju-huanjing-2025.html");
    assert!(s.contains("现行有效") && s.contains("2025年2月10日"), "{s}");
}

#[test]
fn filters_are_links_that_work_without_javascript() {
    let (_t, out) = built(LAPSED);
    let page = "policy/index.html";
    let doc = html(&out.join(page));
    // The JavaScript form is hidden until the script shows it; the links are always there.
    let form = doc.select(&sel("form#policy-filter")).next().unwrap();
    assert!(form.value().attr("hidden").is_some());
    let facets: Vec<String> = links(&out, page, "nav.policy-facets");
    for f in [
        "policy/f/status-in_force.html",
        "policy/f/status-amended.html",
        "policy/f/status-repealed.html",
        "policy/f/status-lapsed.html",
        "policy/f/year-2024.html",
        "policy/f/year-2025.html",
        "policy/f/category-normative.html",
        "policy/f/category-other.html",
    ] {
        assert!(facets.contains(&f.to_string()), "no filter link {f} in {facets:?}");
    }
    assert_eq!(
        facets.iter().filter(|f| f.contains("/f/issuer-")).count(),
        2,
        "{facets:?}"
    );
    for f in &facets {
        assert!(out.join(f).is_file(), "filter page {f} missing");
    }
    assert_eq!(listed(&out.join("policy/f/status-lapsed.html")), sorted(&[ELDERLY]));
    assert_eq!(listed(&out.join("policy/f/status-amended.html")), sorted(&[MEDICAL]));
    assert_eq!(listed(&out.join("policy/f/category-other.html")), sorted(&[RURAL]));
    assert_eq!(
        listed(&out.join("policy/f/year-2024.html")),
        sorted(&[TEMP_2024, MEDICAL, ELDERLY])
    );
    // The issuer pages: 测试县人民政府 issued only the 其他政策文件.
    let gov = doc
        .select(&sel("nav.policy-facets a"))
        .find(|a| a.text().collect::<String>().starts_with("测试县人民政府（"))
        .map(|a| link_target(page, a.value().attr("href").unwrap()))
        .unwrap();
    assert_eq!(listed(&out.join(gov)), sorted(&[RURAL]));
    // Offline from a USB stick: the script reads no file.
    let js = read(&out.join("static/policy.js"));
    assert!(!js.contains("fetch(") && !js.contains("XMLHttpRequest"), "{js}");
}

#[test]
fn policy_pages_are_reachable_and_every_link_resolves() {
    let (_t, out) = built(LAPSED);
    check_links(&out);
    let home = html(&out.join("index.html"));
    let nav: Vec<&str> = home
        .select(&sel("nav.site-nav a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(nav.contains(&"policy/index.html"), "{nav:?}");
    assert!(
        links(&out, "policy/index.html", "main").contains(&"qingshan/policy/index.html".to_string()),
        "the county library links to 青山镇's"
    );
    // 青山镇's page leads to its library; 石桥乡 has none of its own.
    assert!(links(&out, "qingshan/index.html", "main").contains(&"qingshan/policy/index.html".to_string()));
    assert!(!out.join("shiqiao/policy").exists());
    let sitemap = read(&out.join("sitemap.xml"));
    for page in [
        "policy/index.html",
        "policy/wenjian/linshi-jiuzhu-2024.html",
        "qingshan/policy/jiedu/yishi-yiyi-jd.html",
    ] {
        assert!(
            sitemap.contains(&format!("https://gk.example.gov.cn/{page}</loc>")),
            "sitemap lacks {page}"
        );
    }
    // zh-CN, one main landmark, one h1 (the rest of SPEC 6 is checked by
    // tests/accessibility.rs, which reads this fixture too).
    for page in [
        "policy/index.html",
        "policy/wenjian/yiliao-jiuzhu-2024.html",
        "policy/jiedu/yiliao-jiuzhu-2024-jd.html",
    ] {
        let text = read(&out.join(page));
        assert!(text.contains("<html lang=\"zh-CN\""), "{page}");
        let doc = html(&out.join(page));
        assert_eq!(doc.select(&sel("main")).count(), 1, "{page}");
        assert_eq!(doc.select(&sel("h1")).count(), 1, "{page}");
    }
}

#[test]
fn print_stylesheet_has_the_redhead() {
    let (_t, out) = built(LAPSED);
    let css = read(&out.join("static/style.css"));
    let print = &css[css.find("@media print").unwrap()..];
    assert!(
        print.contains(".redhead-issuer") && print.contains(".redhead-docno"),
        "no 红头 in print CSS"
    );
    assert!(css.contains("size: A4"));
}

#[test]
fn search_finds_a_policy_document_by_its_docno() {
    // The index as the build writes it: the document store's text (what the privacy gate
    // reads) names the document, its 文号 and its page.
    let mut diags = gongkai::diag::Diagnostics::new();
    let day: jiff::civil::Date = LAPSED.parse().unwrap();
    let site = gongkai::pipeline::check(&fixture("policy"), day, &mut diags).expect("site checks");
    let sink = gongkai::render::Memory::default();
    let _ = gongkai::render::render(&site, &sink, &mut diags);
    let store: String = sink
        .into_sorted()
        .into_iter()
        .filter(|o| o.path.starts_with("search/d/"))
        .filter_map(|o| match o.content {
            gongkai::render::Content::Packed { readable, .. } => Some(readable),
            _ => None,
        })
        .collect();
    for needle in [
        TEMP_2024,
        "测试县临时救助暂行办法",
        "policy/wenjian/linshi-jiuzhu-2024.html",
        TOWN,
    ] {
        assert!(store.contains(needle), "search store lacks {needle}");
    }

    // And in a browser, from file:// as on a USB stick, the 文号 finds the page.
    let Some(chrome) = chromium() else { return };
    let (_t, out) = built(LAPSED);
    let hits = search_hits(&chrome, &out, TEMP_2024);
    // The document itself first: its 文号 is in its title (《标题》（文号）).
    assert!(
        hits.first()
            .is_some_and(|h| h.ends_with("policy/wenjian/linshi-jiuzhu-2024.html")),
        "searching {TEMP_2024} should find the document first: {hits:?}"
    );
}

#[test]
fn a_policy_page_with_an_unmasked_id_is_never_written() {
    let (_t, site) = copy_site(&fixture("policy"));
    let f = site.join("content/zhengce/jiedu/yiliao-jiuzhu-2024-jd.md");
    let text = read(&f);
    // A valid resident ID (GB 11643 check character), typed into a 解读 by mistake.
    std::fs::write(&f, format!("{text}\n咨询人身份证号 11010519491231002X。\n")).unwrap();
    let before = snapshot(&site);
    let out = site.parent().unwrap().join("out");
    let o = run_build_at(&site, &out, LAPSED);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!out.exists(), "a refused build wrote {}", out.display());
    assert!(snapshot(&site) == before);
    let said = stderr(&o);
    assert!(
        said.contains("GK0") && said.contains("yiliao-jiuzhu-2024-jd.md"),
        "{said}"
    );
    assert!(!said.contains("11010519491231002X"), "diagnostics must mask the number");
}

#[test]
fn a_document_prints_on_a4_with_its_redhead() {
    let Some(chrome) = chromium() else { return };
    if pdf_tools().is_none() {
        return;
    }
    let (t, out) = built(REPEALED);
    let pdf = t.path().join("doc.pdf");
    print_to_pdf(
        &chrome,
        &file_url(&out.join("policy/wenjian/linshi-jiuzhu-2024.html")),
        &pdf,
    );
    let (pages, w, h) = pdf_info(&pdf);
    assert!(is_a4(w, h), "{w} x {h} pt is not A4");
    assert_eq!(pages, 1, "a short document fits one page");
    let text = pdf_pages_text(&pdf)[0].replace(' ', "");
    // The 红头 in order: agency, title, 文号; then the status; no site navigation.
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} not printed:\n{text}"));
    assert!(at("测试县人民政府办公室文件") < at("测试县临时救助暂行办法"));
    assert!(at("测试县临时救助暂行办法") < at(TEMP_2024));
    assert!(at(TEMP_2024) < at("已废止"));
    assert!(!text.contains("按条件查看") && !text.contains("首页"), "{text}");
}

// ---------------------------------------------------------------------------------------
// One case per rule family of `validate::policy_rules` (the full bad-input set, rule by rule,
// is tests/policy_rules.rs): each edits a copy of the fixture and names the file the clerk
// must open. Cases are checked on LAPSED unless they say otherwise.
// ---------------------------------------------------------------------------------------

/// A copy of the fixture with `edits` applied: (file, old text, new text); an empty old text
/// writes the file whole, and an empty new text with a `-` old text deletes it.
fn edited(edits: &[(&str, &str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let (tmp, site) = copy_site(&fixture("policy"));
    for (file, old, new) in edits {
        let p = site.join(file);
        if *old == "-" {
            std::fs::remove_file(&p).unwrap();
        } else if old.is_empty() {
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, new).unwrap();
        } else {
            let text = read(&p);
            assert!(text.contains(old), "{file} has no {old:?}");
            std::fs::write(&p, text.replacen(old, new, 1)).unwrap();
        }
    }
    (tmp, site)
}

/// The diagnostics with `code`, as `(severity, file)`.
fn found(diags: &[serde_json::Value], code: &str) -> Vec<(String, String)> {
    diags
        .iter()
        .filter(|d| d["code"] == code)
        .map(|d| {
            (
                d["severity"].as_str().unwrap_or("").to_string(),
                d["file"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[track_caller]
fn flags(date: &str, edits: &[(&str, &str, &str)], code: &str, severity: &str, file: &str) {
    let (_t, site) = edited(edits);
    let (diags, _) = check_json_at(&site, date, &[]);
    let hits = found(&diags, code);
    assert!(
        hits.contains(&(severity.to_string(), file.to_string())),
        "expected {severity} {code} in {file}, got {hits:?}; all: {:?}",
        codes(&diags)
    );
}

const W: &str = "content/zhengce/wenjian/";
const J: &str = "content/zhengce/jiedu/";
const Z: &str = "content/zhengce/zhengqiu/";

#[test]
fn the_fixture_itself_has_only_the_missing_feedback_warning() {
    let (diags, status) = check_json_at(&fixture("policy"), LAPSED, &[]);
    assert_eq!(status, 0, "{diags:#?}");
    assert_eq!(
        found(&diags, "GK162"),
        vec![("warning".into(), "content/qingshan/zhengce/nongmao-shichang.md".into())]
    );
    assert_eq!(codes(&diags), vec!["GK162"], "{diags:#?}");
}

#[test]
fn rules_on_documents() {
    let renju = &format!("{W}renju-huanjing-2025.md");
    // Half-width brackets are read, and the one form is asked for.
    flags(
        LAPSED,
        &[(renju, "测政〔2025〕3号", "测政[2025]3号")],
        "GK153",
        "warning",
        renju,
    );
    flags(
        LAPSED,
        &[(renju, "测政〔2025〕3号", "测政〔2025〕3")],
        "GK152",
        "error",
        renju,
    );
    // Two documents with one 文号.
    let (_t, site) = edited(&[(renju, "测政〔2025〕3号", "测政办〔2024〕9号")]);
    let (diags, _) = check_json_at(&site, LAPSED, &[]);
    assert!(!found(&diags, "GK154").is_empty(), "{:?}", codes(&diags));
    let temp = &format!("{W}linshi-jiuzhu-2025.md");
    flags(
        LAPSED,
        &[(temp, "废止: 测政办〔2024〕3号", "废止: 测政办〔2023〕99号")],
        "GK155",
        "error",
        temp,
    );
    let elderly = &format!("{W}yanglao-butie-2024.md");
    flags(
        LAPSED,
        &[(elderly, "施行日期: 2024-07-01", "施行日期: 2024-06-01")],
        "GK156",
        "error",
        elderly,
    );
}

#[test]
fn rules_on_interpretations() {
    // A 行政规范性文件 whose only 解读 is gone: an error long after publication.
    let medical = &format!("{W}yiliao-jiuzhu-2024.md");
    flags(
        LAPSED,
        &[(&format!("{J}yiliao-jiuzhu-2024-jd.md"), "-", "")],
        "GK157",
        "error",
        medical,
    );
    let jd = &format!("{J}yanglao-butie-2024-jd.md");
    flags(
        LAPSED,
        &[(jd, "发布日期: 2024-06-21", "发布日期: 2024-07-15")],
        "GK158",
        "warning",
        jd,
    );
    let jd = &format!("{J}linshi-jiuzhu-2024-jd.md");
    flags(
        LAPSED,
        &[(jd, "关联文件: 测政办〔2024〕3号", "关联文件: 测政办〔2024〕33号")],
        "GK159",
        "error",
        jd,
    );
    flags(
        LAPSED,
        &[(jd, "解读人: 李华（县民政局副局长）\n", "")],
        "GK160",
        "error",
        jd,
    );
}

#[test]
fn rules_on_consultations_and_feedback() {
    // A 规范性文件 call of 5 days where 7 working days are the floor.
    let call = &format!("{Z}linshi-jiuzhu.md");
    flags(
        LAPSED,
        &[(
            call,
            "起止日期: 2025-10-20 至 2025-10-31",
            "起止日期: 2025-10-20 至 2025-10-24",
        )],
        "GK161",
        "error",
        call,
    );
    let fk = &format!("{Z}yanglao-buju-fk.md");
    flags(
        LAPSED,
        &[(fk, "征求意见: yanglao-buju.md", "征求意见: yanglao-guihua.md")],
        "GK163",
        "error",
        fk,
    );
    // Without its feedback, the closed call is a warning, and its page and the library say
    // the feedback is still to come.
    let (_t, site) = edited(&[(fk, "-", "")]);
    let (diags, _) = check_json_at(&site, LAPSED, &[]);
    assert!(found(&diags, "GK162").contains(&("warning".into(), format!("{Z}yanglao-buju.md"))));
    let out = site.parent().unwrap().join("out");
    let o = run_build_at(&site, &out, LAPSED);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = texts(&html(&out.join("policy/zhengqiu/yanglao-buju.html")), "#fankui").join("");
    assert!(page.contains("尚未公布意见采纳情况"), "{page}");
    let lib = texts(&html(&out.join("policy/index.html")), "#h-zhengqiu + ul li").join("\n");
    assert!(lib.contains("征求结束，待公布采纳情况"), "{lib}");
}

#[test]
fn a_notice_citing_a_repealed_document_is_warned() {
    let notice = "content/qingshan/linshi-jiuzhu-zhinan.md";
    let text = "---\n标题: 青山镇临时救助办事指南\n事项: sa-04\n形成日期: 2025-12-11\n发布日期: 2025-12-12\n---\n\n依据《测试县临时救助暂行办法》（测政办〔2024〕3号）办理。\n\n## 办理事项\n\n临时救助。\n\n## 办理条件\n\n突发困难。\n\n## 最低生活保障标准\n\n按县标准。\n\n## 申请材料\n\n申请书。\n\n## 办理流程\n\n申请、审核。\n\n## 办理时限\n\n自受理之日起 10 个工作日办结。\n\n## 收费标准\n\n不收费。\n\n## 办理时间、地点\n\n工作日，便民服务中心。\n\n## 联系方式\n\n咨询电话：0556-1234567。\n\n监督投诉电话：0556-1234567。\n";
    // Before the repeal the citation is fine; after it, a warning at the notice.
    let (_t, site) = edited(&[(notice, "", text)]);
    let (before, _) = check_json_at(&site, BEFORE, &[]);
    assert!(found(&before, "GK164").is_empty(), "{before:#?}");
    let errors: Vec<_> = before.iter().filter(|d| d["severity"] == "error").collect();
    assert!(errors.is_empty(), "the added notice is valid: {errors:#?}");
    let (after, _) = check_json_at(&site, REPEALED, &[]);
    assert_eq!(
        found(&after, "GK164"),
        vec![("warning".into(), notice.into())],
        "{after:#?}"
    );
}

#[test]
fn a_reasoned_override_is_shown_with_its_reason_and_date() {
    let renju = &format!("{W}renju-huanjing-2025.md");
    let (_t, site) = edited(&[(
        renju,
        "类别: 其他政策文件\n",
        "类别: 其他政策文件\n状态: 已失效\n状态理由: 经县政府第12次常务会议决定停止执行\n状态日期: 2026-03-01\n",
    )]);
    let out = site.parent().unwrap().join("out");
    let o = run_build_at(&site, &out, LAPSED);
    assert!(o.status.success(), "{}", stderr(&o));
    let s = texts(&html(&out.join("policy/wenjian/renju-huanjing-2025.html")), "#status").join("");
    assert!(
        s.contains("已失效") && s.contains("2026年3月1日") && s.contains("经县政府第12次常务会议决定停止执行"),
        "{s}"
    );
    assert_eq!(statuses(&out.join("policy/index.html"))[RURAL], "已失效");
    // An 其他政策文件 stays off the directories of 规范性文件 whatever its status.
    assert!(!listed(&out.join("policy/shixiao.html")).contains(&RURAL.to_string()));
}
