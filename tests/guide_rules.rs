//! Issue 14's guide rules GK182–GK186 on `tests/fixtures/guide_bad/`: each guide under
//! `guides/` carries one mistake a clerk makes (missing elements, 收费 "无", 时限 "尽快办理",
//! "3天" or "当场办结", a phone without its area code, a blank section, a materials table
//! without names), `complete.md` and `aliases.md` are written in full (the second with the
//! other names guides use, `###` sections, a phone written into its heading and its basis in
//! the introduction), and
//! `other/not-in-book.md` is in no book. Each test runs the real `gongkai check` with an
//! explicit `--date`, and asserts code, file, line and column, the field named and the fix;
//! a site with errors is refused by `gongkai build`, which writes nothing. A finding about
//! what a section says points at its text, one about a blank section at its heading.

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;

const GUIDES: &str = "content/qingshan/guides";

fn site() -> (tempfile::TempDir, std::path::PathBuf) {
    copy_site(&fixture("guide_bad"))
}

/// The site with only the guides written in full (and the one in no book).
fn clean_site() -> (tempfile::TempDir, std::path::PathBuf) {
    let (t, root) = site();
    for e in std::fs::read_dir(root.join(GUIDES)).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_stem().unwrap().to_string_lossy().into_owned();
        if name != "complete" && name != "aliases" {
            std::fs::remove_file(&p).unwrap();
        }
    }
    (t, root)
}

fn guide(name: &str) -> String {
    format!("{GUIDES}/{name}.md")
}

/// The findings `gongkai check` makes in `file` (`check` itself must change nothing).
fn findings_in(root: &Path, file: &str, extra: &[&str]) -> Vec<Value> {
    let before = snapshot(root);
    let (diags, _) = check_json_at(root, DATE, extra);
    assert!(snapshot(root) == before, "gongkai check changed the site's files");
    diags.into_iter().filter(|d| d["file"] == file).collect()
}

/// The one finding of `case`, at `line:column`, with `code`; and the site's build refused.
#[track_caller]
fn one(case: &str, code: &str, line: u64, column: u64) -> Value {
    let (_t, root) = site();
    let file = guide(case);
    let found = findings_in(&root, &file, &[]);
    let d = only(&found, code, &file, line, Some(column)).clone();
    assert_eq!(d["severity"], "error", "{d:#?}");
    build_refused(&root);
    d
}

#[test]
fn guides_written_in_full_pass_whatever_their_headings_are_called() {
    let (_t, root) = site();
    for name in ["complete", "aliases"] {
        let found = findings_in(&root, &guide(name), &[]);
        assert!(found.is_empty(), "{name}: {found:#?}");
    }
    // Without the broken ones the site is clean but for the hint, and builds.
    let (_t, root) = clean_site();
    let (diags, status) = check_json(&root);
    assert_eq!(codes(&diags), ["GK182"], "{diags:#?}");
    assert_eq!(status, 0);
    let out = root.parent().unwrap().join("out");
    build(&root, &out);
    assert!(out.join("index.html").is_file());
}

/// Without `[rules] guide = "error"` the same mistakes are warnings, and the site builds: a
/// county's older guides must not stop its build the day it upgrades gongkai.
#[test]
fn without_rules_guide_error_the_mistakes_are_warnings_and_the_site_builds() {
    let (_t, root) = site();
    let toml = root.join("book.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, text.replace("guide = \"error\"\n", "")).unwrap();
    let (diags, status) = check_json(&root);
    let guide_codes = ["GK183", "GK184", "GK185", "GK186"];
    let guide: Vec<&Value> = diags
        .iter()
        .filter(|d| guide_codes.contains(&d["code"].as_str().unwrap_or("")))
        .collect();
    for code in guide_codes {
        assert!(guide.iter().any(|d| d["code"] == code), "no {code}: {diags:#?}");
    }
    assert!(guide.iter().all(|d| d["severity"] == "warning"), "{guide:#?}");
    // What is left as errors are other rules' (an untouched template), not these: without
    // those files the site builds, the incomplete guides with it.
    let errors: Vec<&Value> = diags.iter().filter(|d| d["severity"] == "error").collect();
    assert!(
        errors
            .iter()
            .all(|d| !guide_codes.contains(&d["code"].as_str().unwrap_or(""))),
        "{errors:#?}"
    );
    assert_eq!(status != 0, !errors.is_empty());
    for d in &errors {
        let _ = std::fs::remove_file(root.join(d["file"].as_str().unwrap()));
    }
    let out = root.parent().unwrap().join("out");
    build(&root, &out);
    let files = std::fs::read_dir(&out).unwrap().count();
    assert!(files > 0 && out.join("index.html").is_file());
    let (diags, status) = check_json(&root);
    assert_eq!(status, 0, "{diags:#?}");
    assert!(diags.iter().any(|d| d["code"] == "GK183" && d["severity"] == "warning"));
}

#[test]
fn gk183_all_missing_elements_in_one_finding_with_the_headings_to_add() {
    let d = one("missing-basis-fee", "GK183", 9, 1);
    says(
        &d,
        &["缺少 2 项", "设定依据", "收费标准"],
        &["## 设定依据", "文号", "## 收费标准", "不收费"],
    );
    let m = d["message"].as_str().unwrap();
    for present in ["事项名称", "申请材料", "办理时限", "咨询电话"] {
        assert!(!m.contains(present), "{present} is there: {m}");
    }
}

#[test]
fn gk183_a_blank_section_is_reported_at_its_heading() {
    let d = one("blank-time-limit", "GK183", 42, 1);
    says(&d, &["办理时限", "没有内容"], &["## 办理时限", "个工作日"]);
}

#[test]
fn gk183_a_materials_table_must_name_the_materials() {
    let d = one("materials-no-name", "GK183", 27, 1);
    says(&d, &["申请材料", "材料名称", "序号"], &["材料名称", "序号"]);
}

#[test]
fn an_empty_materials_table_is_the_template_rule_s_alone() {
    // Header and no rows: GK171 with a hint for materials, and no GK183 on top.
    let d = one("materials-header-only", "GK171", 29, 1);
    says(&d, &["申请材料", "材料名称"], &["每种材料写一行", "居民身份证"]);
}

#[test]
fn gk184_a_fee_of_wu_must_say_bu_shoufei() {
    let d = one("fee-none", "GK184", 48, 1);
    says(&d, &["收费标准", "“无”"], &["不收费"]);
}

#[test]
fn gk185_asap_is_no_time_limit() {
    let d = one("time-asap", "GK185", 44, 1);
    says(&d, &["办理时限", "尽快办理"], &["即办", "自受理之日起 N 个工作日办结"]);
}

#[test]
fn gk185_calendar_days_are_not_working_days() {
    let d = one("time-days", "GK185", 44, 1);
    says(&d, &["办理时限", "3 天"], &["个工作日", "周末和节假日"]);
}

#[test]
fn gk185_on_the_spot_alone_is_vague() {
    let d = one("on-the-spot", "GK185", 44, 1);
    says(&d, &["办理时限", "当场办结", "即办件"], &["即办（当场办结）"]);
}

#[test]
fn gk186_a_phone_without_area_code_gets_the_township_s() {
    // The number's own column on `咨询电话：1234567`.
    let d = one("phone-no-area", "GK186", 56, 6);
    says(&d, &["联系方式", "1234567", "没有区号"], &["0556-1234567"]);
}

#[test]
fn gk186_the_front_matter_phone_is_checked_too() {
    let d = one("contact-no-dash", "GK186", 6, 8);
    says(&d, &["监督电话", "05561234568"], &["0556-1234568"]);
}

#[test]
fn a_section_and_its_subsection_are_checked_once() {
    let (_t, root) = site();
    let f = root.join(guide("complete"));
    let text = read(&f)
        .replace("## 收费标准\n\n不收费。", "## 收费标准\n\n### 收费依据\n\n无")
        .replace("咨询电话：0556-1234567", "### 咨询电话\n\n1234567");
    std::fs::write(&f, text).unwrap();
    let found = findings_in(&root, &guide("complete"), &[]);
    assert_eq!(codes(&found), ["GK184", "GK186"], "{found:#?}");
}

#[test]
fn a_mobile_number_is_the_privacy_rule_s_not_a_phone_format_finding() {
    let (_t, root) = site();
    let f = root.join(guide("complete"));
    std::fs::write(&f, read(&f).replace("咨询电话：0556-1234567", "咨询电话：13812345678")).unwrap();
    let found = findings_in(&root, &guide("complete"), &[]);
    assert_eq!(codes(&found), ["GK052"], "{found:#?}");
}

#[test]
fn gk182_a_guide_in_no_book_is_a_hint_only_where_there_are_books() {
    let (_t, root) = clean_site();
    let file = "content/qingshan/other/not-in-book.md";
    let found = findings_in(&root, file, &[]);
    let d = only(&found, "GK182", file, 2, Some(5));
    assert_eq!(d["severity"], "warning");
    says(
        d,
        &["提示：", "没有编入任何一本通", "这不是错误"],
        &[
            "paths = [\"content/qingshan/other/not-in-book.md\"]",
            "items = [\"社会救助/临时救助/办事指南\"]",
        ],
    );
    // A site without books gets no such hint; a guide by its item is still checked, while
    // one that only a book made a guide is an ordinary notice again.
    let (_t, root) = site();
    let toml = read(&root.join("book.toml"));
    let cut = toml.find("[[book]]").unwrap();
    std::fs::write(root.join("book.toml"), &toml[..cut]).unwrap();
    let (diags, _) = check_json(&root);
    assert!(!codes(&diags).contains(&"GK182".to_string()), "{diags:#?}");
    assert!(
        diags
            .iter()
            .any(|d| d["code"] == "GK184" && d["file"] == guide("fee-none").as_str())
    );
    let aliases = read(&root.join(guide("aliases"))).replace("## 投诉电话：0556-1234568\n", "");
    std::fs::write(root.join(guide("aliases")), aliases).unwrap();
    assert!(findings_in(&root, &guide("aliases"), &[]).is_empty());
}

#[test]
fn english_on_request() {
    let (_t, root) = site();
    let found = findings_in(&root, &guide("missing-basis-fee"), &["--lang", "en"]);
    let d = only(&found, "GK183", &guide("missing-basis-fee"), 9, Some(1));
    says(
        d,
        &[
            "the guide lacks 2 required element(s)",
            "设定依据 (legal basis)",
            "收费标准 (fee)",
        ],
        &["Add these headings", "## 设定依据", "## 收费标准: 不收费"],
    );
    let found = findings_in(&root, &guide("time-days"), &["--lang", "en"]);
    says(&found[0], &["calendar days (3)"], &["working days"]);
    let found = findings_in(&root, "content/qingshan/other/not-in-book.md", &["--lang", "en"]);
    says(
        &found[0],
        &["hint: this guide is in no book (this is not an error)"],
        &["paths = ["],
    );
}

/// What a clerk writes in place of each note `gongkai new` left in a guide, by the heading
/// it stands under (or the label before it).
fn filled_in(text: &str) -> String {
    let mut heading = String::new();
    let mut out = String::new();
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            heading = h.to_string();
        }
        let line = match (line.find("（在此"), line.find('）')) {
            (Some(a), Some(_)) => {
                let end = a + line[a..].find('）').unwrap() + '）'.len_utf8();
                let with = match heading.as_str() {
                    _ if line.starts_with("| ") => "临时救助申请书",
                    _ if line.starts_with("咨询电话") => "0556-1234567",
                    _ if line.starts_with("监督投诉电话") => "0556-1234568",
                    "" => "现将临时救助办理事项公布如下。",
                    "办理事项" => "临时救助审核审批。",
                    "设定依据" => "《社会救助暂行办法》（国务院令第649号）。",
                    "办理条件" => "基本生活暂时出现严重困难的家庭或个人。",
                    "救助标准" => "按月最低生活保障标准的2至6倍确定。",
                    "办理流程" => "1. 申请 2. 受理 3. 审批 4. 发放",
                    "办理时限" => "自受理之日起 10 个工作日办结。",
                    "收费标准" => "不收费。",
                    "办理时间、地点" => "工作日 8:30—17:30，青山镇便民服务中心 3 号窗口。",
                    other => panic!("a note under `{other}` this test does not fill in: {line}"),
                };
                format!("{}{with}{}", &line[..a], &line[end..])
            }
            _ => line.to_string(),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out.replace("监督电话: \"\"", "监督电话: \"0556-1234568\"")
}

#[test]
fn an_untouched_new_guide_gets_the_template_findings_only_and_passes_once_filled_in() {
    let (_t, root) = clean_site();
    let o = run(&[
        "new",
        "社会救助/临时救助/办事指南",
        "--township",
        "青山镇",
        "--date",
        "2026-11-20",
        "--root",
        root.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let path = std::path::PathBuf::from(stdout(&o).lines().next().unwrap().trim());
    let rel = path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
    let text = read(&path);
    assert!(text.contains("标题: 青山镇临时救助办事指南"), "{text}");
    // The catalog's headings, and the guide's elements the catalog row does not name.
    for h in [
        "## 办理事项",
        "## 设定依据",
        "## 办理条件",
        "## 救助标准",
        "## 申请材料",
        "## 办理流程",
        "## 办理时限",
        "## 收费标准",
        "## 办理时间、地点",
        "## 联系方式",
    ] {
        assert!(text.contains(&format!("\n{h}\n")), "{h} missing:\n{text}");
    }
    assert!(text.contains("| 材料名称 | 原件/复印件 | 份数 | 备注 |"), "{text}");
    let found = findings_in(&root, &rel, &[]);
    let mut got: Vec<&str> = found.iter().map(|d| d["code"].as_str().unwrap()).collect();
    got.sort();
    got.dedup();
    // GK182 too when `new` put it outside the book's folder: a hint, not a guide finding.
    got.retain(|c| *c != "GK182");
    assert_eq!(got, ["GK170", "GK172"], "{found:#?}");
    build_refused(&root);

    std::fs::write(&path, filled_in(&text)).unwrap();
    let found = findings_in(&root, &rel, &[]);
    assert!(found.iter().all(|d| d["code"] == "GK182"), "{found:#?}");
    let out = root.parent().unwrap().join("out");
    build(&root, &out);
}

/// The example site's guides (every notice titled …办事指南 or …服务指南, most of them of
/// items that are no guide items until a book chooses them) are complete: put in a book, not
/// one GK182–GK186 comes up.
#[test]
fn the_example_site_s_guides_pass_once_in_a_book() {
    let (_t, root) = copy_site(&repo());
    let mut paths: Vec<String> = files(&root.join("content"))
        .into_iter()
        .filter(|f| f.ends_with(".md"))
        .filter(|f| {
            read(&root.join("content").join(f))
                .lines()
                .find_map(|l| l.strip_prefix("标题:"))
                .is_some_and(|t| t.contains("办事指南") || t.contains("服务指南"))
        })
        .map(|f| format!("\"content/{f}\""))
        .collect();
    paths.sort();
    assert!(paths.len() >= 13, "{paths:?}");
    let mut toml = read(&root.join("book.toml"));
    toml.push_str(&format!(
        "\n[[book]]\ntitle = \"测试一本通\"\naudience = \"惠民\"\nissuer = \"示例县人民政府办公室\"\ndate = \"2026-11-01\"\npaper = \"A4\"\n\n  [[book.chapters]]\n  title = \"全部指南\"\n  paths = [{}]\n",
        paths.join(", ")
    ));
    std::fs::write(root.join("book.toml"), toml).unwrap();
    let (diags, _) = check_json(&root);
    let guide_codes = ["GK180", "GK181", "GK182", "GK183", "GK184", "GK185", "GK186"];
    let found: Vec<&Value> = diags
        .iter()
        .filter(|d| guide_codes.contains(&d["code"].as_str().unwrap_or("")))
        .collect();
    assert!(found.is_empty(), "{found:#?}");
    assert!(diags.iter().all(|d| d["severity"] == "warning"), "{diags:#?}");
}
