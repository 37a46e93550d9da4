//! What a template leaves for the clerk to replace (issue 18): `gongkai new` writes a notice
//! that is syntactically complete, so without these rules a notice nobody filled in passes
//! every other check and is published. Three leftovers, found by their shape rather than by
//! the exact words of one template: a bracketed fill-in note (`（在此填写审核程序。）`, see
//! `load::body`), a table with its header and no rows, and an empty `监督电话`.

use super::Ctx;
use crate::diag::{Code, Diagnostic};
use crate::load::Source;
use crate::resolve::Notice;
use crate::tr;

/// A catalog notice: its body, and its 监督电话.
pub fn check(cx: &mut Ctx, n: &Notice) {
    let src = &cx.site.sources[n.source];
    body(cx, src);
    if let Some(c) = src.fm.contact.as_ref().filter(|c| c.value.trim().is_empty()) {
        cx.push(Diagnostic::error(
            Code::EmptyContact,
            &n.rel,
            c.pos,
            tr!("监督电话是空的", "监督电话 (the complaints phone) is empty"),
            tr!(
                "在引号中写上监督举报电话（座机，例如 监督电话: \"0556-1234567\"）；本乡镇的 _index.md 已统一写了监督电话的，删掉这一行。",
                "Write the complaints phone in the quotes (an office line, e.g. 监督电话: \"0556-1234567\"), or delete the line when the township's _index.md gives it."
            ),
        ));
    }
}

/// Any other page with a body (policy documents, 解读, calls: `gongkai new 政策文件` leaves
/// notes too); an `_index.md` has no page body of its own to check.
pub fn other_source(cx: &mut Ctx, src: &Source) {
    if !src.is_index() {
        body(cx, src);
    }
}

fn body(cx: &mut Ctx, src: &Source) {
    let rel = src.rel.as_str();
    // `gongkai new 政策文件` titles the file `示例县政策文件（请改为正式标题）`.
    let title = src.fm.title.iter().flat_map(|t| {
        crate::load::body::fill_in_notes(&t.value)
            .into_iter()
            .map(|(_, text)| crate::load::body::Placeholder { text, pos: t.pos })
    });
    let notes: Vec<crate::load::body::Placeholder> = title.chain(src.facts.placeholders.iter().cloned()).collect();
    for p in notes {
        let text = p.text;
        cx.push(Diagnostic::error(
            Code::Placeholder,
            rel,
            p.pos,
            tr!("模板的提示文字“{text}”还没有替换", "the template's note `{text}` was not replaced"),
            tr!(
                "把“{text}”整段删掉，换成这一部分的实际内容；没有内容的部分连同标题一起删除（目录要求的要素除外）。",
                "Replace `{text}` with the actual content; delete a section that has none (except the elements the catalog requires)."
            ),
        ));
    }
    for t in src.facts.tables.iter().filter(|t| t.rows == 0) {
        let header = t.header.join(" | ");
        let (under_zh, under_en) = t
            .section
            .as_ref()
            .map(|s| (format!("“{s}”下的"), format!("under `{s}` ")))
            .unwrap_or_default();
        // A guide's 申请材料 table lists what to bring, not people.
        let materials = t.section.as_deref().is_some_and(|s| {
            crate::book::guide::covers(s)
                .iter()
                .any(|c| c.element == crate::book::guide::Element::Materials)
        });
        let hint = if materials {
            tr!(
                "在表头和 | --- | 行下面每种材料写一行，例如 | 居民身份证 | 原件 | 1 | 现场核验 |。",
                "Add one row per material below the header and `| --- |` line, e.g. | 居民身份证 | 原件 | 1 | 现场核验 |."
            )
        } else {
            tr!(
                "在表头和 | --- | 行下面每人（每户）写一行，例如 | 1 | 王某某 | 一组 | 650 |；名单在表格文件里的，删掉这个空表格，在信息头写 数据: 名单.csv。",
                "Add one row per person below the header and `| --- |` line; for a list kept in a spreadsheet, delete the empty table and add `数据: list.csv`."
            )
        };
        cx.push(Diagnostic::error(
            Code::EmptyTable,
            rel,
            t.pos,
            tr!(
                "{under_zh}表格只有表头（{header}），没有一行内容",
                "the table {under_en}has a header ({header}) and no rows"
            ),
            hint,
        ));
    }
}
