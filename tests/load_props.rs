//! Property tests of the loader (SPEC 12: a bad input gets a diagnostic, never a panic):
//! front matter, Markdown and tables, from structured clerk-like pieces and from arbitrary
//! text and bytes. Every diagnostic points inside the file.

use gongkai::diag::Diagnostics;
use gongkai::load::{body, decode, parse_text, split};
use proptest::prelude::*;
use std::path::PathBuf;

/// Lines a notice is made of, right and wrong: fences and their look-alikes, keys with ASCII
/// and full-width colons, tabs, full-width spaces, YAML traps, table rows, headings, links.
fn line() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("---".to_string()),
        Just("———".to_string()),
        Just("...".to_string()),
        Just("标题: 柳河村2026年第四季度最低生活保障审核对象公示".to_string()),
        Just("事项：社会救助/最低生活保障/审核信息".to_string()),
        Just("事项: sa-05".to_string()),
        Just("乡镇: 青山镇".to_string()),
        Just("村:　柳河村".to_string()),
        Just("形成日期: 2026 年 11 月 16 日".to_string()),
        Just("发布日期: 2026/2/30".to_string()),
        Just("公示期: 从2026/11/18起至2026年11月27日止".to_string()),
        Just("公示期:\n  开始: 2026-11-18\n  结束: 2026-11-27".to_string()),
        Just("监督电话: 05561234567".to_string()),
        Just("隐私豁免: true".to_string()),
        Just("附件:\n\t- 名单.csv".to_string()),
        Just("附件: [a.pdf, \"b".to_string()),
        Just("标题: *重要* [公示]: {x}".to_string()),
        Just("关键词: &a 低保".to_string()),
        Just("  - 低保".to_string()),
        Just("## 初审对象名单及相关信息".to_string()),
        Just("| 序号 | 户主姓名 | 身份证号 |".to_string()),
        Just("| --- | :---: | ---: |".to_string()),
        Just("| 1 | 孙长林 | 341099196503120425 |".to_string()),
        Just("| 2 | 李秀英 \\| 王 | ".to_string()),
        Just("[申请表](../../../申请表.pdf) ![图](%E9%99%84.png)".to_string()),
        Just("<script>alert(1)</script><p onclick=\"x\">".to_string()),
        Just("[^1]: 注释 ~~删除~~ `code`".to_string()),
        Just(String::new()),
        "\\PC{0,40}",
        "[ -~\u{3000}：\t|#*\\-\\[\\]]{0,30}",
    ];
    pieces
}

fn notice() -> impl Strategy<Value = String> {
    (prop::collection::vec(line(), 0..30), any::<bool>(), any::<bool>()).prop_map(|(lines, crlf, bom)| {
        let nl = if crlf { "\r\n" } else { "\n" };
        let mut s = if bom { "\u{FEFF}".to_string() } else { String::new() };
        s.push_str(&lines.join(nl));
        s
    })
}

fn lines_of(text: &str) -> usize {
    text.split('\n').count()
}

/// What the loader does with `text`, checked: no panic, positions inside the file.
fn load(text: &str) {
    let mut diags = Diagnostics::new();
    let Some(decoded) = decode::decode(text.as_bytes(), "content/a.md", &mut diags) else {
        return;
    };
    let n = lines_of(&decoded);
    if let Some(src) = parse_text(
        "content/a.md".into(),
        PathBuf::from("content/a.md"),
        decoded.clone(),
        &mut diags,
    ) {
        assert!(src.body_start <= src.text().len());
        assert!(src.text().is_char_boundary(src.body_start));
        assert!(src.body_first_line >= 2 && src.body_first_line <= n + 1);
        for h in &src.facts.headings {
            assert!(h.pos.line >= src.body_first_line && h.pos.line <= n, "{h:?}");
        }
        for (_, pos) in &src.facts.links {
            assert!(pos.line >= src.body_first_line && pos.line <= n && pos.column >= 1);
        }
        for t in &src.facts.tables {
            assert!(t.pos.line >= src.body_first_line && t.pos.line <= n);
        }
    }
    for d in diags.iter() {
        assert!(d.pos.line >= 1 && d.pos.line <= n + 1, "{d:?} in a file of {n} lines");
        assert!(d.pos.column >= 1, "{d:?}");
        if let Some(l) = &d.source_line {
            // An excerpt of the line, never more than the cap.
            let line = decoded.split('\n').nth(d.pos.line - 1).unwrap_or_default();
            assert!(line.contains(l.as_str()), "{l:?} is not part of {line:?}");
            assert!(l.chars().count() <= gongkai::diag::EXCERPT_CHARS);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn notices_of_clerk_pieces_never_panic(text in notice()) {
        load(&text);
    }

    #[test]
    fn front_matter_then_anything_never_panics(fm in prop::collection::vec(line(), 0..12), body in "\\PC{0,200}") {
        load(&format!("---\n{}\n---\n{body}", fm.join("\n")));
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        load(&text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let mut diags = Diagnostics::new();
        if let Some(t) = decode::decode(&bytes, "a.md", &mut diags) {
            load(&t);
        }
    }

    #[test]
    fn split_keeps_the_body_a_suffix(text in notice()) {
        let mut diags = Diagnostics::new();
        if let Some(p) = split::split(&text, "a.md", &mut diags) {
            prop_assert!(text.ends_with(p.body));
            prop_assert_eq!(p.yaml_first_line, 2);
        }
    }

    #[test]
    fn body_scan_never_panics(body in prop::collection::vec(line(), 0..40), first in 1usize..500) {
        let text = body.join("\n");
        let facts = body::scan(&text, first);
        let last = first + lines_of(&text);
        for t in &facts.tables {
            prop_assert!(t.pos.line >= first && t.pos.line < last);
        }
        for h in &facts.headings {
            prop_assert!(h.pos.line >= first && h.pos.line < last);
        }
    }
}
