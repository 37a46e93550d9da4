//! Issue 12's rules GK150–GK166, one clerk's mistake per test: a file of
//! `tests/fixtures/policy_bad/` laid over the clean policy site `tests/fixtures/policy`, then the
//! real `gongkai check` with an explicit `--date` (no test depends on today). Each asserts the
//! code, file, line and column, the field and value named, the fix in the hint, and that
//! nothing was written or changed (an error also refuses `gongkai build`). Where a rule
//! depends on the date (working days, the 30 days of feedback, a repeal taking effect) it is
//! checked on both sides of the day it changes, with the official holiday calendar.

mod common;
use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

const WENJIAN: &str = "content/zhengce/wenjian";
const JIEDU: &str = "content/zhengce/jiedu";
const ZHENGQIU: &str = "content/zhengce/zhengqiu";

/// The clean policy site with each `(case, folder)` copied in as `folder/case.md`.
fn site(cases: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let (tmp, root) = copy_site(&fixture("policy"));
    for (case, dir) in cases {
        let from = fixture("policy_bad").join(format!("{case}.md"));
        let to = root.join(dir).join(format!("{case}.md"));
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&from, &to).unwrap_or_else(|e| panic!("copy {}: {e}", from.display()));
    }
    (tmp, root)
}

fn key(d: &Value) -> (String, String, u64) {
    (
        d["code"].as_str().unwrap_or("").to_string(),
        d["file"].as_str().unwrap_or("").to_string(),
        d["line"].as_u64().unwrap_or(0),
    )
}

/// What `gongkai check --date DATE` finds in `root` beyond what it finds in the clean site on
/// that date (the clean site has a call of 2025 that never got its feedback), and its exit
/// status. `check` itself must not write or change a byte.
fn found(root: &Path, date: &str) -> (Vec<Value>, i32) {
    let (_t, clean) = site(&[]);
    let (base, _) = check_json_at(&clean, date, &[]);
    let base: Vec<_> = base.iter().map(key).collect();
    let before = snapshot(root);
    let (diags, status) = check_json_at(root, date, &[]);
    assert!(snapshot(root) == before, "gongkai check changed the site's files");
    assert!(!root.join("public").exists(), "gongkai check wrote public/");
    let new = diags.into_iter().filter(|d| !base.contains(&key(d))).collect();
    (new, status)
}

fn case(name: &str, dir: &str, date: &str) -> (tempfile::TempDir, PathBuf, Vec<Value>, i32) {
    let (t, root) = site(&[(name, dir)]);
    let (d, s) = found(&root, date);
    (t, root, d, s)
}

fn file(dir: &str, name: &str) -> String {
    format!("{dir}/{name}.md")
}

#[track_caller]
fn severity(d: &Value, s: &str) {
    assert_eq!(d["severity"], s, "{d:#?}");
}

#[test]
fn clean_policy_site_has_no_error() {
    let (_t, root) = site(&[]);
    let (diags, status) = check_json_at(&root, DATE, &[]);
    assert!(diags.iter().all(|d| d["severity"] == "warning"), "{diags:#?}");
    assert_eq!(status, 0);
}

// ---- the kinds and their keys ----

#[test]
fn gk150_unknown_kind_suggests_the_right_one() {
    let (_t, root, diags, status) = case("unknown-kind", WENJIAN, DATE);
    let d = only(&diags, "GK150", &file(WENJIAN, "unknown-kind"), 2, Some(5));
    says(d, &["种类", "政策性文件"], &["种类: 政策文件"]);
    assert_eq!(status, 1);
    build_refused(&root);
}

#[test]
fn gk151_missing_written_date_says_which_key_and_where() {
    let (_t, root, diags, _) = case("missing-written", WENJIAN, DATE);
    // At the closing `---`, where the line is to be added.
    let d = only(&diags, "GK151", &file(WENJIAN, "missing-written"), 8, Some(1));
    says(d, &["成文日期", "政策文件"], &["成文日期: "]);
    build_refused(&root);
}

#[test]
fn gk166_unknown_category_lists_the_three() {
    let (_t, root, diags, _) = case("bad-category", WENJIAN, DATE);
    let d = only(&diags, "GK166", &file(WENJIAN, "bad-category"), 8, Some(5));
    says(d, &["类别", "红头文件"], &["规章", "行政规范性文件", "其他政策文件"]);
    build_refused(&root);
}

#[test]
fn gk165_status_typed_without_reason() {
    let (_t, root, diags, _) = case("status-no-reason", WENJIAN, DATE);
    let d = only(&diags, "GK165", &file(WENJIAN, "status-no-reason"), 9, Some(5));
    says(d, &["状态: 已废止", "理由"], &["状态理由: "]);
    build_refused(&root);
}

// ---- 文号 ----

#[test]
fn gk152_docno_without_hao() {
    let (_t, root, diags, _) = case("docno-no-hao", WENJIAN, DATE);
    let d = only(&diags, "GK152", &file(WENJIAN, "docno-no-hao"), 4, Some(5));
    says(d, &["测政办〔2026〕15", "号"], &["〔2026〕12号"]);
    build_refused(&root);
}

#[test]
fn gk153_half_width_and_round_brackets_are_read_as_the_standard_form() {
    for (written, canon) in [
        ("测政办[2026]15号", "测政办〔2026〕15号"),
        ("测政办(2026)15号", "测政办〔2026〕15号"),
        ("测政办（2026）015号", "测政办〔2026〕15号"),
    ] {
        let (_t, root) = site(&[("docno-half-width", WENJIAN)]);
        let f = root.join(file(WENJIAN, "docno-half-width"));
        std::fs::write(&f, read(&f).replace("测政办[2026]15号", written)).unwrap();
        let (diags, status) = found(&root, DATE);
        let d = only(&diags, "GK153", &file(WENJIAN, "docno-half-width"), 4, Some(5));
        severity(d, "warning");
        says(d, &[written, canon], &[&format!("文号: {canon}")]);
        assert_eq!(status, 0, "a warning alone does not fail check");
    }
}

#[test]
fn gk154_copied_file_keeps_the_old_docno() {
    // The 2026 plan was copied from the 2025 one and its 文号 not changed: the later one is
    // reported, naming the earlier, whatever the file names' order.
    let (_t, root, diags, _) = case("duplicate-docno", WENJIAN, DATE);
    let d = only(&diags, "GK154", &file(WENJIAN, "duplicate-docno"), 4, Some(5));
    says(d, &["测政〔2025〕3号", "renju-huanjing-2025.md"], &["改正"]);
    build_refused(&root);
}

#[test]
fn gk155_repealing_a_document_not_in_the_library() {
    // Of the two it repeals, only the one missing from the library is reported.
    let (_t, root, diags, _) = case("repeals-unknown", WENJIAN, DATE);
    let d = only(&diags, "GK155", &file(WENJIAN, "repeals-unknown"), 9, Some(5));
    says(d, &["废止", "测政办〔2023〕8号"], &["收入政策文件库"]);
    assert!(!d["message"].as_str().unwrap().contains("2024"), "{d:#?}");
    build_refused(&root);
}

#[test]
fn gk156_effective_date_year_mistyped() {
    let (_t, root, diags, _) = case("effective-before-written", WENJIAN, DATE);
    let d = only(&diags, "GK156", &file(WENJIAN, "effective-before-written"), 8, Some(7));
    says(d, &["施行日期", "2025-04-01", "2026-03-06"], &["施行"]);
    build_refused(&root);
}

// ---- 解读 ----

#[test]
fn gk157_no_interpretation_warns_then_fails_after_three_working_days() {
    // Published Wed 2026-09-30, the eve of the National Day holiday (10-01..10-07) with
    // Saturday 10-10 a make-up working day: the 3 working days end on 10-10, not 10-03.
    let f = file(WENJIAN, "no-interpretation");
    for (date, days, sev, status) in [
        ("2026-10-07", "0", "warning", 0),
        ("2026-10-10", "3", "warning", 0),
        ("2026-10-12", "4", "error", 1),
    ] {
        let (_t, root, diags, st) = case("no-interpretation", WENJIAN, date);
        let d = only(&diags, "GK157", &f, 4, Some(5));
        severity(d, sev);
        says(
            d,
            &["测政办〔2026〕14号", days, "解读"],
            &["关联文件: 测政办〔2026〕14号", "3个工作日"],
        );
        assert_eq!(st, status, "{date}");
        if status == 1 {
            build_refused(&root);
        }
    }
}

#[test]
fn gk157_a_repealed_document_needs_no_interpretation() {
    // Repealed the day it was published (by a 决定 citing it): no 解读 is demanded.
    let (_t, root) = site(&[("no-interpretation", WENJIAN), ("repeals-unknown", WENJIAN)]);
    let f = root.join(file(WENJIAN, "repeals-unknown"));
    let text = read(&f)
        .replace("测政办〔2023〕8号、", "")
        .replace("测政办〔2024〕3号", "测政办〔2026〕14号")
        .replace("2026-06-2", "2026-09-2");
    std::fs::write(&f, text).unwrap();
    let (diags, _) = found(&root, "2026-10-12");
    assert!(codes(&diags).iter().all(|c| c != "GK157"), "{diags:#?}");
}

#[test]
fn gk158_interpretation_on_the_fourth_working_day_is_late() {
    let (_t, root) = site(&[("no-interpretation", WENJIAN), ("late-interpretation", JIEDU)]);
    let (diags, status) = found(&root, DATE);
    let d = only(&diags, "GK158", &file(JIEDU, "late-interpretation"), 9, Some(7));
    // The fixture's book.toml sets [rules] late = "warning".
    severity(d, "warning");
    says(
        d,
        &["测政办〔2026〕14号", "2026-09-30", "第 4 个工作日"],
        &["3个工作日", "发布日期"],
    );
    assert_eq!(status, 0);
    // On the third working day (Saturday 10-10, a make-up day) it is on time.
    let f = root.join(file(JIEDU, "late-interpretation"));
    std::fs::write(&f, read(&f).replace("发布日期: 2026-10-12", "发布日期: 2026-10-10")).unwrap();
    let (diags, _) = found(&root, DATE);
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn gk158_is_an_error_where_the_county_makes_lateness_one() {
    let (_t, root) = site(&[("no-interpretation", WENJIAN), ("late-interpretation", JIEDU)]);
    let b = root.join("book.toml");
    std::fs::write(&b, read(&b).replace("late = \"warning\"", "late = \"error\"")).unwrap();
    let (diags, status) = found(&root, DATE);
    let d = only(&diags, "GK158", &file(JIEDU, "late-interpretation"), 9, Some(7));
    severity(d, "error");
    assert_eq!(status, 1);
}

#[test]
fn gk159_interpretation_of_a_mistyped_docno() {
    // 21号 typed as 12号.
    let (_t, root, diags, _) = case("unknown-document", JIEDU, DATE);
    let d = only(&diags, "GK159", &file(JIEDU, "unknown-document"), 4, Some(7));
    says(d, &["关联文件", "测政办〔2025〕12号"], &["文号", "路径"]);
    build_refused(&root);
}

#[test]
fn gk159_consultation_naming_a_missing_document() {
    let (_t, root) = site(&[]);
    let f = root.join(file(ZHENGQIU, "linshi-jiuzhu"));
    std::fs::write(
        &f,
        read(&f).replace("关联文件: 测政办〔2025〕21号", "关联文件: 测政办〔2025〕20号"),
    )
    .unwrap();
    let (diags, _) = found(&root, DATE);
    let d = only(&diags, "GK159", &file(ZHENGQIU, "linshi-jiuzhu"), 8, Some(7));
    says(d, &["测政办〔2025〕20号"], &["文号"]);
    build_refused(&root);
}

#[test]
fn gk160_interpretation_without_interpreter_or_contact() {
    let (_t, root, diags, _) = case("interpretation-incomplete", JIEDU, DATE);
    let d = only(&diags, "GK160", &file(JIEDU, "interpretation-incomplete"), 8, Some(1));
    says(d, &["解读人", "联系方式"], &["解读人: ", "联系方式: ", "办公电话"]);
    assert!(!d["message"].as_str().unwrap().contains("解读机关"), "{d:#?}");
    build_refused(&root);
}

#[test]
fn gk159_and_gk160_together_in_one_run() {
    let (_t, root) = site(&[("interpretation-incomplete", JIEDU)]);
    let f = root.join(file(JIEDU, "interpretation-incomplete"));
    std::fs::write(&f, read(&f).replace("测政办〔2025〕21号", "测政办〔2025〕12号")).unwrap();
    let (diags, _) = found(&root, DATE);
    let mut c = codes(&diags);
    c.sort();
    assert_eq!(c, ["GK159", "GK160"], "{diags:#?}");
}

// ---- 征求意见 and 反馈 ----

#[test]
fn gk161_normative_call_of_eleven_days_has_only_four_working_days() {
    // 09-28 to 10-09 spans the National Day holiday: 11 days, 4 working days.
    let date = "2026-10-20";
    let f = file(ZHENGQIU, "short-normative");
    let (_t, root, diags, _) = case("short-normative", ZHENGQIU, date);
    let d = only(&diags, "GK161", &f, 5, Some(7));
    says(
        d,
        &["4 个工作日", "7个工作日"],
        &["起止日期: 2026-09-28 至 2026-10-13", "缩短理由"],
    );
    build_refused(&root);
    // A reason stated: accepted.
    let p = root.join(&f);
    std::fs::write(
        &p,
        read(&p).replace("发布日期:", "缩短理由: 上级要求11月1日前出台，时间紧迫\n发布日期:"),
    )
    .unwrap();
    let (diags, _) = found(&root, date);
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn gk161_business_call_needs_thirty_days() {
    let (_t, root, diags, _) = case("short-business", ZHENGQIU, DATE);
    let d = only(&diags, "GK161", &file(ZHENGQIU, "short-business"), 6, Some(7));
    says(d, &["18 日", "企业", "30日"], &["2026-11-02 至 2026-12-02"]);
    build_refused(&root);
    // The same call without 涉企 is a plain 规范性文件: 14 working days are enough.
    let p = root.join(file(ZHENGQIU, "short-business"));
    std::fs::write(&p, read(&p).replace("涉企: 是\n", "")).unwrap();
    let (diags, _) = found(&root, DATE);
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn gk161_major_decision_needs_thirty_days() {
    let (_t, root, diags, _) = case("short-major", ZHENGQIU, DATE);
    let d = only(&diags, "GK161", &file(ZHENGQIU, "short-major"), 5, Some(7));
    says(
        d,
        &["14 日", "重大行政决策", "30日"],
        &["起止日期: 2026-11-02 至 2026-12-02"],
    );
    build_refused(&root);
}

#[test]
fn gk162_no_feedback_after_thirty_days_then_configurable() {
    let f = file(ZHENGQIU, "no-feedback");
    // Closed 10-13: due 30 days later, 11-12.
    let (_t, root, diags, _) = case("no-feedback", ZHENGQIU, "2026-11-12");
    assert!(diags.is_empty(), "{diags:#?}");
    let (diags, status) = found(&root, "2026-11-13");
    let d = only(&diags, "GK162", &f, 3, Some(5));
    severity(d, "warning");
    says(
        d,
        &["2026-10-13", "30 天"],
        &["种类: 意见反馈", "征求意见: no-feedback.md"],
    );
    assert_eq!(status, 0);
    // [rules] feedback_days = 60: not yet due.
    let b = root.join("book.toml");
    std::fs::write(&b, format!("{}feedback_days = 60\n", read(&b))).unwrap();
    let (diags, _) = found(&root, "2026-11-13");
    assert!(diags.is_empty(), "{diags:#?}");
    let (diags, _) = found(&root, "2026-12-13");
    only(&diags, "GK162", &f, 3, Some(5));
}

#[test]
fn gk162_a_published_feedback_answers_the_call() {
    let (_t, root) = site(&[("no-feedback", ZHENGQIU)]);
    std::fs::write(
        root.join(ZHENGQIU).join("no-feedback-fk.md"),
        "---\n种类: 意见反馈\n标题: 《测试县农村供水工程运行管理办法》征求意见采纳情况\n征求意见: no-feedback.md\n发布日期: 2026-10-30\n---\n\n共收到意见5条，采纳3条。\n",
    )
    .unwrap();
    let (diags, _) = found(&root, DATE);
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn gk163_feedback_in_another_folder_is_told_the_calls_exact_path() {
    // Saved under 解读 while its call is in 征求意见: the bare file name is not beside it.
    let (_t, root, diags, _) = case("unknown-consultation", JIEDU, DATE);
    let d = only(&diags, "GK163", &file(JIEDU, "unknown-consultation"), 4, Some(7));
    says(
        d,
        &["linshi-jiuzhu.md"],
        &["征求意见: content/zhengce/zhengqiu/linshi-jiuzhu.md"],
    );
    build_refused(&root);
}

#[test]
fn gk163_a_call_named_without_md_beside_its_feedback_is_found() {
    // A clerk names the page, not the file: `征求意见: linshi-jiuzhu` means linshi-jiuzhu.md.
    let (_t, root) = site(&[("unknown-consultation", ZHENGQIU)]);
    let f = root.join(ZHENGQIU).join("unknown-consultation.md");
    std::fs::write(&f, read(&f).replace("linshi-jiuzhu.md", "linshi-jiuzhu")).unwrap();
    let (diags, status) = found(&root, DATE);
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(status, 0);
}

// ---- citations of documents no longer in force ----

#[test]
fn gk164_notice_cites_a_repealed_document_once_its_repeal_takes_effect() {
    // 测政办〔2024〕3号 is repealed by 测政办〔2025〕21号, in force from 2026-01-01.
    let f = "content/qingshan/cites-repealed.md";
    let (_t, root, diags, _) = case("cites-repealed", "content/qingshan", "2025-12-20");
    assert!(diags.is_empty(), "still in force on 2025-12-20: {diags:#?}");
    let (diags, status) = found(&root, "2026-01-02");
    let d = only(&diags, "GK164", f, 11, Some(18));
    severity(d, "warning");
    says(
        d,
        &["测政办〔2024〕3号", "已废止"],
        &["测政办〔2025〕21号", "测试县城乡居民临时救助实施办法"],
    );
    assert_eq!(status, 0);
}

#[test]
fn gk164_notice_cites_a_lapsed_document_after_its_validity() {
    // 测政办〔2024〕9号: 2 years from its 施行日期 2024-07-01, so in force to 2026-06-30.
    let (_t, root) = site(&[("cites-repealed", "content/qingshan")]);
    let p = root.join("content/qingshan/cites-repealed.md");
    let text = read(&p)
        .replace(
            "《测试县临时救助暂行办法》（测政办〔2024〕3号）",
            "《测试县养老服务补贴办法（试行）》（测政办〔2024〕9号）",
        )
        .replace("2025-12-1", "2026-06-1");
    std::fs::write(&p, text).unwrap();
    let (diags, _) = found(&root, "2026-06-30");
    assert!(diags.is_empty(), "{diags:#?}");
    let (diags, _) = found(&root, "2026-07-01");
    let d = only(&diags, "GK164", "content/qingshan/cites-repealed.md", 11, None);
    says(d, &["测政办〔2024〕9号", "已失效"], &[]);
}

// ---- explain ----

#[test]
fn every_policy_code_is_explained_in_chinese_and_english() {
    for n in 150..=166 {
        let code = format!("GK{n}");
        let zh = run(&["explain", &code]);
        assert!(zh.status.success(), "{code}: {}", stderr(&zh));
        let t = stdout(&zh);
        assert!(
            t.starts_with(&code) && t.contains("错误写法：") && t.contains("怎样改正："),
            "{t}"
        );
        let en = run(&["explain", &code, "--lang", "en"]);
        let t = stdout(&en);
        assert!(t.contains("Wrong:") && t.contains("How to fix:"), "{t}");
    }
}

// ---- gongkai new ----

#[test]
fn new_policy_templates_check_names_only_their_blanks() {
    let expect: &[(&str, &str, &[&str])] = &[
        ("政策文件", "wenjian", &["文号"]),
        ("政策解读", "jiedu", &["关联文件", "解读机关", "解读人", "联系方式"]),
        ("征求意见", "zhengqiu", &["意见提交方式", "联系方式"]),
        ("意见反馈", "zhengqiu", &["征求意见"]),
    ];
    for (kind, folder, blanks) in expect {
        for town in [None, Some("青山镇")] {
            let (_t, root) = site(&[]);
            let title = format!("测试{kind}模板");
            let mut args = vec![
                "new",
                kind,
                "--title",
                &title,
                "--date",
                "2026-11-20",
                "--root",
                root.to_str().unwrap(),
            ];
            if let Some(t) = town {
                args.extend(["--township", t]);
            }
            let o = run(&args);
            assert!(o.status.success(), "{}", stderr(&o));
            let path = PathBuf::from(stdout(&o).trim());
            let rel = path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
            let dir = if town.is_some() {
                "content/qingshan/zhengce"
            } else {
                "content/zhengce"
            };
            assert_eq!(rel, format!("{dir}/{folder}/{title}.md"));
            let text = read(&path);
            assert!(text.contains(&format!("种类: {kind}")) && text.contains("# "), "{text}");
            let (all, _) = found(&root, "2026-11-20");
            // The template's bracketed notes are GK170, one at each note's line (issue 18).
            let notes: Vec<u64> = text
                .lines()
                .enumerate()
                .filter(|(_, l)| l.contains("（在此"))
                .map(|(i, _)| i as u64 + 1)
                .collect();
            let got170: Vec<u64> = all
                .iter()
                .filter(|d| d["code"] == "GK170")
                .map(|d| d["line"].as_u64().unwrap())
                .collect();
            assert_eq!(got170, notes, "{kind}: {all:#?}");
            let diags: Vec<serde_json::Value> = all.into_iter().filter(|d| d["code"] != "GK170").collect();
            let got: Vec<_> = diags
                .iter()
                .map(|d| (d["code"].as_str().unwrap().to_string(), d["line"].as_u64().unwrap()))
                .collect();
            assert_eq!(got.len(), blanks.len(), "{kind}: {diags:#?}");
            for (d, key) in diags.iter().zip(blanks.iter()) {
                assert_eq!(d["code"], "GK151", "{d:#?}");
                assert_eq!(d["file"], rel.as_str());
                says(d, &[key, "还没有填写"], &[&format!("{key}: ")]);
                // At the blank's own line.
                let line = text
                    .lines()
                    .position(|l| l.starts_with(&format!("{key}: \"\"")))
                    .unwrap()
                    + 1;
                assert_eq!(d["line"], line as u64, "{d:#?}");
            }
            // Never overwrites.
            let again = run(&args);
            assert_eq!(again.status.code(), Some(2));
            assert_eq!(read(&path), text);
        }
    }
}
