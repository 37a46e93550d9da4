//! Rule family 6 (SPEC 5.6): personal information. Unmasked identifiers anywhere in a notice
//! (front matter, body, tables, data file) block the build, each with the masked form to use;
//! lists of people may only carry the columns the catalog allows.

use super::Ctx;
use crate::diag::{Code, Diagnostic, Pos};
use crate::privacy::{self, IdKind};
use crate::resolve::Notice;
use crate::tr;

pub fn check(cx: &mut Ctx, index: usize, n: &Notice) {
    let exempt = match &n.exemption {
        Some(reason) if reason.trim().is_empty() => {
            cx.push(Diagnostic::error(
                Code::EmptyExemption,
                &n.rel,
                Pos::new(1, 1),
                tr!("“隐私豁免”没有写明理由", "`隐私豁免` gives no reason"),
                Code::EmptyExemption.fix(),
            ));
            false
        }
        Some(_) => true,
        None => false,
    };
    identifiers(cx, index, n, exempt);
    columns(cx, index, n);
}

fn identifiers(cx: &mut Ctx, index: usize, n: &Notice, exempt: bool) {
    if exempt {
        return;
    }
    let contacts = cx.site.config.official_contacts();
    let mut scanner = privacy::Scanner::new(cx.site.today);
    scanner.allow(&contacts);
    let src = cx.site.source(n);
    for hit in scanner.scan(&src.text) {
        let pos = Pos::of_offset(&src.text, hit.start);
        cx.push(leak(&n.rel, pos, &hit));
    }
    if let (Some(table), Some(data)) = (cx.site.tables[index].as_ref(), &n.data) {
        for (r, row) in table.rows.iter().enumerate() {
            for cell in row {
                for hit in scanner.scan(cell) {
                    // Row r of the data is line r + 2 of the file (after the header).
                    let mut d = leak(&n.rel, data.pos, &hit);
                    d.message = crate::diag::Text::new(
                        format!("数据文件 {} 第 {} 行：{}", data.name, r + 2, d.message.zh),
                        format!("data file {} row {}: {}", data.name, r + 2, d.message.en),
                    );
                    cx.push(d);
                }
            }
        }
    }
}

fn leak(file: &str, pos: Pos, hit: &privacy::Hit) -> Diagnostic {
    let (code, zh, en) = match hit.kind {
        IdKind::ResidentId18 => (Code::IdNumber, "身份证号码", "resident ID number"),
        IdKind::ResidentId15 => (Code::OldIdNumber, "15位身份证号码", "15-digit ID number"),
        IdKind::Mobile => (Code::Mobile, "手机号码", "mobile number"),
        IdKind::BankCard => (Code::BankCard, "银行卡号", "bank card number"),
    };
    let masked = &hit.masked;
    Diagnostic::error(
        code,
        file,
        pos,
        tr!("发现未遮蔽的{zh}", "unmasked {en}"),
        tr!(
            "改为遮蔽形式：{masked}（全站统一遮蔽规则）；确需公开的，在信息头写明 隐私豁免: 理由。",
            "Write it masked: {masked} (the site-wide rule); if it must be published, give 隐私豁免: reason."
        ),
    )
}

/// Lists of people publish only allowed columns: never ID numbers, phones, bank accounts,
/// addresses, illness or hardship details.
fn columns(cx: &mut Ctx, index: usize, n: &Notice) {
    let item = cx.site.catalogs.item(n.item);
    let carries_people = item.personal_info || item.elements.iter().any(|e| e.people);
    let src = cx.site.source(n);
    let mut found: Vec<(Pos, String)> = Vec::new();
    for t in &src.facts.tables {
        let people_section = t.section.as_deref().is_some_and(|s| {
            item.people_elements()
                .any(|e| crate::util::text::heading_key(&e.name) == crate::util::text::heading_key(s))
        });
        if carries_people || people_section || looks_like_people(&t.header) {
            for h in &t.header {
                if privacy::is_sensitive(privacy::classify_column(h)) {
                    found.push((t.pos, h.clone()));
                }
            }
        }
    }
    if let (Some(table), Some(data)) = (&cx.site.tables[index], &n.data) {
        for h in &table.header {
            if privacy::is_sensitive(privacy::classify_column(h)) {
                found.push((data.pos, h.clone()));
            }
        }
    }
    for (pos, h) in found {
        cx.push(Diagnostic::error(
            Code::PeopleColumn,
            &n.rel,
            pos,
            tr!(
                "名单中有不得公开的列“{h}”",
                "the list has a column that may not be published: `{h}`"
            ),
            tr!(
                "删除“{h}”这一列。名单只公开户主姓名、所在村组、人数、金额等目录允许的信息。",
                "Remove the `{h}` column; lists publish only names, village/group, counts and amounts."
            ),
        ));
    }
}

/// A table with a name column is a list of people whatever the item.
fn looks_like_people(header: &[String]) -> bool {
    header
        .iter()
        .any(|h| privacy::classify_column(h) == privacy::ColumnKind::Name)
}
