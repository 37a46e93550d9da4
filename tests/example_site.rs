//! The bundled example county (the repository root) builds, every link of its output works,
//! and a failed build leaves the previous output untouched.

mod common;
use common::*;

#[test]
fn example_builds_and_links_resolve() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build(&repo(), &out);
    let all = files(&out);
    let notices = all
        .iter()
        .filter(|f| f.matches('/').count() == 2 && f.ends_with(".html") && !f.contains("/v/"))
        .count();
    assert!(notices >= 80, "example has only {notices} notice pages");
    check_links(&out);
}

#[test]
fn example_checks_clean() {
    let (errors, o_status) = check_errors(&repo());
    assert!(errors.is_empty(), "example site has errors: {errors:#?}");
    assert_eq!(o_status, Some(0));
}

#[test]
fn failed_build_leaves_previous_output_untouched() {
    let (tmp, site) = copy_site(&fixture("basic"));
    let out = tmp.path().join("out");
    build(&site, &out);
    let before: Vec<(String, Vec<u8>)> = files(&out)
        .into_iter()
        .map(|f| {
            let b = std::fs::read(out.join(&f)).unwrap();
            (f, b)
        })
        .collect();
    // A clerk's slip: a full-width colon in the front matter.
    let bad = site.join("content/qingshan/坏公告.md");
    std::fs::write(
        &bad,
        "---\n标题：坏公告\n事项: 社会救助/综合业务/监督检查\n形成日期: 2026-11-20\n发布日期: 2026-11-20\n---\n正文\n",
    )
    .unwrap();
    let o = run(&[
        "build",
        "--root",
        site.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--date",
        DATE,
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("GK013"));
    let after: Vec<(String, Vec<u8>)> = files(&out)
        .into_iter()
        .map(|f| {
            let b = std::fs::read(out.join(&f)).unwrap();
            (f, b)
        })
        .collect();
    assert!(before == after, "output changed after a failed build");
    assert!(
        std::fs::read_dir(tmp.path()).unwrap().all(|e| !e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .contains("gongkai-new")),
        "staging folder left behind"
    );
}

#[test]
fn init_makes_a_site_that_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("新站点");
    // The sample notice is dated `--date`, so the site builds on any day the suite runs.
    let o = run(&[
        "init",
        dir.to_str().unwrap(),
        "--county",
        "测试县",
        "--code",
        "341088",
        "--date",
        DATE,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = tmp.path().join("out");
    build(&dir, &out);
    assert!(read(&out.join("index.html")).contains("测试县基层政务公开"));
    // init never overwrites.
    let again = run(&["init", dir.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
}

#[test]
fn browser_opens_home_from_file_and_follows_a_link_to_a_notice() {
    let Some(chrome) = chromium() else { return };
    let (tmp, site) = copy_site(&fixture("basic"));
    let out = tmp.path().join("out");
    build(&site, &out);
    let home = dump_dom(&chrome, &file_url(&out.join("index.html")));
    let doc = scraper::Html::parse_document(&home);
    let href = doc
        .select(&sel("#main .cards a"))
        .filter_map(|a| a.value().attr("href"))
        .find(|h| h.contains("social-assistance/"))
        .expect("a notice link on the home page")
        .to_string();
    let page = dump_dom(&chrome, &file_url(&out.join(&href)));
    let doc = scraper::Html::parse_document(&page);
    let h1 = texts(&doc, "h1");
    assert!(
        h1[0].contains("公示") || h1[0].contains("公告") || h1[0].contains("指南"),
        "{h1:?}"
    );
    // The large-font toggle appears once scripts run.
    assert!(doc.select(&sel("#large-toggle:not([hidden])")).next().is_some());
}

/// Issue 12's example set: a dozen documents over three years, each 规范性文件 with its 解读,
/// one repealed and one lapsed; two calls answered and one township call still unanswered.
#[test]
fn example_policy_library_is_a_realistic_set() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    run_build_at(&repo(), &out, DATE);
    let lib: serde_json::Value = serde_json::from_str(&read(&out.join("data/policy.json"))).unwrap();
    let docs = lib["documents"].as_array().unwrap();
    assert!(docs.len() >= 12, "{} documents", docs.len());
    let years: std::collections::BTreeSet<&str> = docs.iter().map(|d| &d["published"].as_str().unwrap()[..4]).collect();
    assert!(years.len() >= 3, "{years:?}");
    let status = |s: &str| docs.iter().filter(|d| d["status"] == s).count();
    assert!(status("已废止") >= 1 && status("已失效") >= 1 && status("现行有效") >= 8);
    for d in docs.iter().filter(|d| d["category"] == "行政规范性文件") {
        assert!(
            d["interpretations"].as_str().is_some_and(|s| s.contains("jiedu/")),
            "{d:#?}"
        );
    }
    let (diags, _) = check_json_at(&repo(), DATE, &[]);
    let unanswered: Vec<&str> = diags
        .iter()
        .filter(|d| d["code"] == "GK162")
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(unanswered, ["content/qingshan/zhengce/nongmao-shichang.md"]);
    let feedback = files(&repo().join("content"))
        .into_iter()
        .filter(|f| f.ends_with(".md") && read(&repo().join("content").join(f)).contains("种类: 意见反馈"))
        .count();
    assert!(feedback >= 2, "{feedback} feedback notices");
}
