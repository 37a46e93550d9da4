//! Issue 18: a notice written by `gongkai new` and left as it was is refused (GK170–GK172),
//! each leftover at its own line with its fix; once filled in, it passes. And a heading a
//! clerk wrote so that Markdown does not read it as `##` gets a GK033 that names the slip.

mod common;
use common::*;
use std::path::Path;

/// The 1-based line of the first line of `file` containing `needle`.
fn line_of(file: &Path, needle: &str) -> u64 {
    read(file)
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not in {}", file.display())) as u64
        + 1
}

/// `gongkai new ARGS` in `root`; the path it wrote (its first line of stdout).
fn new_notice(root: &Path, args: &[&str]) -> std::path::PathBuf {
    let mut all = vec!["new", "--root", root.to_str().unwrap()];
    all.extend_from_slice(args);
    let o = run(&all);
    assert!(o.status.success(), "new failed:\n{}", stderr(&o));
    let p = std::path::PathBuf::from(stdout(&o).lines().next().unwrap().trim());
    assert!(p.exists(), "{}", p.display());
    p
}

fn rel_of(root: &Path, p: &Path) -> String {
    p.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/")
}

#[test]
fn untouched_new_notice_is_refused_at_each_leftover() {
    let (_t, root) = site_with(&[]);
    let path = new_notice(
        &root,
        &[
            "社会救助/最低生活保障/审核信息",
            "--township",
            "青山镇",
            "--village",
            "柳河村",
            "--date",
            "2026-11-20",
        ],
    );
    let rel = rel_of(&root, &path);
    let (diags, status) = check_json(&root);
    assert_eq!(status, 1, "{diags:#?}");
    let mine: Vec<&serde_json::Value> = diags.iter().filter(|d| d["file"] == rel.as_str()).collect();
    let mut got: Vec<&str> = mine.iter().map(|d| d["code"].as_str().unwrap()).collect();
    got.sort();
    assert_eq!(got, ["GK170", "GK171", "GK172"], "{diags:#?}");
    let find = |code: &str| *mine.iter().find(|d| d["code"] == code).unwrap();
    let d = find("GK170");
    at(d, "GK170", &rel, line_of(&path, "（在此写公告导语。）"), Some(1));
    says(d, &["（在此写公告导语。）"], &["实际内容"]);
    assert_eq!(d["severity"], "error");
    let d = find("GK171");
    at(d, "GK171", &rel, line_of(&path, "| 序号 |"), Some(1));
    says(d, &["初审对象名单及相关信息", "户主姓名"], &["数据:"]);
    let d = find("GK172");
    at(d, "GK172", &rel, line_of(&path, "监督电话:"), None);
    says(d, &["监督电话"], &["0556-1234567", "_index.md"]);
    build_refused(&root);

    // Filled in, the same file passes every check.
    let text = read(&path)
        .replace(
            "（在此写公告导语。）",
            "经本人申请、入户调查、民主评议，现将柳河村2026年第四季度最低生活保障初审对象公示如下。",
        )
        .replace(
            "| --- | --- | --- | --- |\n",
            "| --- | --- | --- | --- |\n| 1 | 王建国 | 柳河村1组 | 635 |\n",
        )
        .replace("监督电话: \"\"", "监督电话: \"0556-1234567\"");
    std::fs::write(&path, text).unwrap();
    let (diags, status) = check_json(&root);
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(status, 0);
}

#[test]
fn every_placeholder_of_a_notice_is_named_in_english_too() {
    let (_t, root) = site_with(&[]);
    // An item with several required text elements: one GK170 per note, at its own line.
    let path = new_notice(
        &root,
        &[
            "社会救助/临时救助/办事指南",
            "--township",
            "青山镇",
            "--date",
            "2026-11-20",
        ],
    );
    let rel = rel_of(&root, &path);
    let text = read(&path);
    // A guide's notes stand alone, after a label (`咨询电话：（在此…）`) or in a table cell.
    let notes: Vec<(u64, String)> = text
        .lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let at = l.find("（在此")?;
            let end = l[at..].find('）')? + at + '）'.len_utf8();
            Some((i as u64 + 1, l[at..end].to_string()))
        })
        .collect();
    assert!(notes.len() >= 3, "{text}");
    let (diags, _) = check_json_at(&root, DATE, &["--lang", "en"]);
    let got: Vec<(u64, String)> = diags
        .iter()
        .filter(|d| d["code"] == "GK170" && d["file"] == rel.as_str())
        .map(|d| (d["line"].as_u64().unwrap(), d["message"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(got.len(), notes.len(), "{diags:#?}");
    for ((line, note), (dline, msg)) in notes.iter().zip(&got) {
        assert_eq!(line, dline);
        assert!(msg.contains(note.as_str()) && msg.contains("not replaced"), "{msg}");
    }
}

#[test]
fn a_county_template_note_and_a_policy_template_are_placeholders_too() {
    let (_t, root) = site_with(&[]);
    let f = root.join("content/qingshan/dibao-zhinan.md");
    let text = read(&f);
    // A note pasted from a Word template, inside a sentence and in a table cell.
    let text = text.replacen(
        "\n\n",
        "\n\n本镇【请填写办理地点】受理申请。\n\n| 事项 | 说明 |\n| --- | --- |\n| 材料 | (此处填写所需材料) |\n\n",
        1,
    );
    std::fs::write(&f, &text).unwrap();
    let path = new_notice(&root, &["政策文件", "--date", "2026-11-20"]);
    let prel = rel_of(&root, &path);
    let (diags, status) = check_json(&root);
    assert_eq!(status, 1);
    let notes: Vec<(&str, u64, &str)> = diags
        .iter()
        .filter(|d| d["code"] == "GK170")
        .map(|d| {
            (
                d["file"].as_str().unwrap(),
                d["line"].as_u64().unwrap(),
                d["message"].as_str().unwrap(),
            )
        })
        .collect();
    let zhinan = "content/qingshan/dibao-zhinan.md";
    assert!(
        notes.iter().any(|(f2, l, m)| *f2 == zhinan
            && *l == line_of(&f, "【请填写办理地点】")
            && m.contains("【请填写办理地点】")),
        "{notes:#?}"
    );
    assert!(
        notes.iter().any(|(f2, l, m)| *f2 == zhinan
            && *l == line_of(&f, "(此处填写所需材料)")
            && m.contains("(此处填写所需材料)")),
        "{notes:#?}"
    );
    assert!(
        notes
            .iter()
            .any(|(f2, l, m)| *f2 == prel && *l == line_of(&path, "标题:") && m.contains("（请改为正式标题）")),
        "{notes:#?}"
    );
    assert!(
        notes
            .iter()
            .any(|(f2, _, m)| *f2 == prel && m.contains("（在此粘贴文件正文。）")),
        "{notes:#?}"
    );
    build_refused(&root);
}

#[test]
fn words_in_brackets_that_are_not_notes_pass() {
    let (_t, root) = site_with(&[]);
    let f = root.join("content/qingshan/dibao-zhinan.md");
    let text = read(&f).replacen(
        "\n\n",
        "\n\n申请人（在此之前已享受特困供养的除外）可以申请。请填写申请表（见附件）。\n\n",
        1,
    );
    std::fs::write(&f, text).unwrap();
    // 在此之前 opens a bracket with 在此 but no instruction follows; 请填写 stands outside one.
    let (diags, status) = check_json(&root);
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(status, 0);
}

// ---- headings that are not `##` ----

fn lookalike(case: &str, line: u64, wrote: &str) {
    let file = format!("{case}.md");
    let dest = format!("content/qingshan/liuhe/{file}");
    let (_t, root) = site_with(&[(&file, &dest)]);
    let (diags, _) = check_json(&root);
    let d = only(&diags, "GK033", &dest, line, Some(1));
    says(
        d,
        &["初审对象名单及相关信息"],
        &[wrote, "## 初审对象名单及相关信息", &format!("第 {line} 行")],
    );
    build_refused(&root);
}

#[test]
fn no_space_after_hashes_is_named() {
    lookalike("heading-no-space", 12, "##初审对象名单及相关信息");
}

#[test]
fn bold_line_used_as_heading_is_named() {
    lookalike("heading-lookalikes", 12, "**初审对象名单及相关信息**");
}

#[test]
fn level_three_heading_is_named() {
    lookalike("heading-level3", 12, "### 初审对象名单及相关信息");
}
