//! How `check`, `build` and `explain` report (SPEC 4, 5): the JSON shape, English on request,
//! the human format with the source line, exit codes, `explain`, book.toml and catalog files
//! (SPEC 5.8), and a failed build that leaves the previous output byte for byte.

mod common;
use common::*;

#[test]
fn json_is_an_array_of_objects_with_the_seven_keys() {
    let (_t, root) = site_with(&[
        ("fullwidth-colon.md", "content/qingshan/a.md"),
        ("late.md", "content/qingshan/b.md"),
    ]);
    let (diags, status) = check_json(&root);
    assert_eq!(diags.len(), 2);
    for d in &diags {
        let obj = d.as_object().expect("an object");
        let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(keys, ["code", "column", "file", "hint", "line", "message", "severity"]);
        assert!(d["code"].as_str().unwrap().starts_with("GK"));
        assert!(d["line"].is_u64() && d["column"].is_u64());
        assert!(["error", "warning"].contains(&d["severity"].as_str().unwrap()));
    }
    assert_eq!(status, 1);
}

#[test]
fn clean_site_json_is_an_empty_array() {
    let (_t, root) = site_with(&[]);
    let o = run(&[
        "check",
        "--root",
        root.to_str().unwrap(),
        "--format",
        "json",
        "--date",
        DATE,
    ]);
    assert_eq!(stdout(&o).trim(), "[]");
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn lang_en_gives_english() {
    let (_t, root) = site_with(&[("short-period.md", "content/qingshan/liuhe/x.md")]);
    let (diags, _) = check_json_at(&root, DATE, &["--lang", "en"]);
    let d = only(&diags, "GK035", "content/qingshan/liuhe/x.md", 6, Some(6));
    says(d, &["notice period", "working days"], &["2026-11-27"]);
    let m = d["message"].as_str().unwrap();
    assert!(!m.contains("只有"), "{m}");
}

#[test]
fn lang_environment_en_gives_english() {
    let (_t, root) = site_with(&[("unknown-key.md", "content/qingshan/x.md")]);
    let o = std::process::Command::new(bin())
        .args(["check", "--root", root.to_str().unwrap(), "--date", DATE])
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap();
    let err = stderr(&o);
    assert!(
        err.contains("error[GK020]: unknown front-matter key `发布时间`"),
        "{err}"
    );
    assert!(err.contains("did you mean `发布日期`"), "{err}");
    assert!(err.contains("1 error(s), 0 warning(s)."), "{err}");
}

#[test]
fn human_format_shows_the_line_and_a_caret() {
    let (_t, root) = site_with(&[("fullwidth-colon.md", "content/qingshan/x.md")]);
    let o = run(&["check", "--root", root.to_str().unwrap(), "--date", DATE]);
    let err = stderr(&o);
    let want = "错误[GK013]: 第 3 行“事项”后面用了中文全角冒号“：”\n --> content/qingshan/x.md:3:3\n  |\n3 | 事项： 社会救助/临时救助/政策法规文件\n  |     ^\n  = 提示: ";
    assert!(err.contains(want), "{err}");
    assert!(err.contains("共 1 个错误，0 个警告。"), "{err}");
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn explain_gk013_prints_the_explanation() {
    let o = run(&["explain", "GK013"]);
    let out = stdout(&o);
    assert!(out.starts_with("GK013: 信息头使用了中文全角冒号“：”"), "{out}");
    assert!(out.contains("错误写法：\n标题：青山镇2026年低保审核公示"), "{out}");
    assert!(out.contains("正确写法：\n标题: 青山镇2026年低保审核公示"), "{out}");
    assert!(out.contains("怎样改正"), "{out}");
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn explain_in_english_and_lowercase() {
    let o = run(&["--lang", "en", "explain", "gk042"]);
    let out = stdout(&o);
    assert!(out.starts_with("GK042: No official holiday calendar"), "{out}");
    assert!(out.contains("calendar.toml"), "{out}");
}

#[test]
fn explain_unknown_code_is_a_usage_error() {
    let o = run(&["explain", "GK999"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("GK013"));
}

#[test]
fn exit_codes_usage_and_io_are_2() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run(&["check", "--root", tmp.path().join("nowhere").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let (_t, root) = site_with(&[]);
    let o = run(&["check", "--root", root.to_str().unwrap(), "--date", "2026-02-30"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["check", "--no-such-flag"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn failed_build_leaves_the_previous_output_byte_identical() {
    let (tmp, root) = site_with(&[]);
    let out = tmp.path().join("out");
    build(&root, &out);
    let before = snapshot(&out);
    let content_before = snapshot(&root);
    std::fs::copy(case_file("id-number.md"), root.join("content/qingshan/liuhe/x.md")).unwrap();
    let content_before_build = snapshot(&root);
    let o = run_build(&root, &out);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("GK050"));
    assert!(snapshot(&out) == before, "the previous output changed");
    assert!(snapshot(&root) == content_before_build, "a content file changed");
    assert!(content_before.len() + 1 == content_before_build.len());
}

#[test]
fn check_writes_nothing() {
    let (_t, root) = site_with(&[("late.md", "content/qingshan/late.md")]);
    let before = snapshot(&root);
    let (_, status) = check_json(&root);
    assert_eq!(status, 0);
    assert!(snapshot(&root) == before);
    assert!(!root.join("public").exists());
}

// ---- SPEC 5.8: book.toml and catalog files ----

fn edit_book(root: &std::path::Path, from: &str, to: &str) {
    let p = root.join("book.toml");
    let text = read(&p);
    assert!(text.contains(from), "book.toml lacks {from}");
    std::fs::write(&p, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn book_toml_syntax_gk070() {
    let (_t, root) = site_with(&[]);
    edit_book(&root, "title = \"测试县基层政务公开\"", "title：“测试县基层政务公开”");
    let (diags, _) = check_json(&root);
    let d = only(&diags, "GK070", "book.toml", 3, None);
    says(d, &["book.toml"], &["="]);
    build_refused(&root);
}

#[test]
fn book_toml_unknown_key_gk071() {
    let (_t, root) = site_with(&[]);
    edit_book(&root, "base_url =", "baseurl =");
    let (diags, _) = check_json(&root);
    let d = only(&diags, "GK071", "book.toml", 6, Some(1));
    says(d, &["baseurl"], &["base_url"]);
    build_refused(&root);
}

#[test]
fn book_toml_bad_value_gk072() {
    let (_t, root) = site_with(&[]);
    edit_book(&root, "slug = \"taoyuan\"", "slug = \"桃园\"");
    edit_book(&root, "code = \"341099201\"", "code = \"34109920\"");
    let (diags, _) = check_json(&root);
    assert_eq!(codes(&diags), ["GK072", "GK072"], "{diags:#?}");
    at(&diags[0], "GK072", "book.toml", 33, Some(3));
    says(&diags[0], &["桃园"], &["拼音", "taoyuan"]);
    at(&diags[1], "GK072", "book.toml", 36, Some(1));
    says(&diags[1], &["34109920"], &["341099"]);
    build_refused(&root);
}

#[cfg(not(feature = "minify"))]
#[test]
fn minify_without_the_feature_warns() {
    let (_t, root) = site_with(&[]);
    edit_book(&root, "output = \"public\"", "output = \"public\"\nminify = true");
    let (diags, status) = check_json(&root);
    assert_eq!(codes(&diags), ["GK072"], "{diags:#?}");
    assert_eq!(diags[0]["severity"], "warning");
    says(&diags[0], &["site.minify"], &["--features minify"]);
    assert_eq!(status, 0);
}

#[test]
fn site_catalog_syntax_gk080() {
    let (_t, root) = site_with(&[]);
    std::fs::create_dir_all(root.join("catalogs")).unwrap();
    std::fs::write(
        root.join("catalogs/local.yaml"),
        "domain: local-affairs\nname: 本地事务\nitems:\n  - id: la-01\n    level1: 村务\n    level2: \"财务公开\n",
    )
    .unwrap();
    let (diags, _) = check_json(&root);
    assert_eq!(codes(&diags), ["GK080"], "{diags:#?}");
    assert_eq!(diags[0]["file"], "catalogs/local.yaml");
    build_refused(&root);
}

#[test]
fn site_catalog_invalid_gk081() {
    let (_t, root) = site_with(&[]);
    std::fs::create_dir_all(root.join("catalogs")).unwrap();
    std::fs::write(
        root.join("catalogs/local.yaml"),
        "domain: local-affairs\nname: 本地事务\nitems:\n  - id: la-01\n    level1: 村务\n    level2: 财务公开\n    levels: [省级]\n",
    )
    .unwrap();
    let (diags, _) = check_json(&root);
    let d = only(&diags, "GK081", "catalogs/local.yaml", 4, None);
    says(d, &["省级", "县级"], &[]);
    build_refused(&root);
}

#[test]
fn site_catalog_duplicate_id_gk082() {
    let (_t, root) = site_with(&[]);
    std::fs::create_dir_all(root.join("catalogs")).unwrap();
    std::fs::write(
        root.join("catalogs/local.yaml"),
        "domain: local-affairs\nname: 本地事务\nitems:\n  - id: sa-05\n    level1: 村务\n    level2: 财务公开\n",
    )
    .unwrap();
    let (diags, _) = check_json(&root);
    assert_eq!(codes(&diags), ["GK082"], "{diags:#?}");
    says(&diags[0], &["sa-05"], &[]);
    build_refused(&root);
}
