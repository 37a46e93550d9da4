//! Turning diagnostics into what a person or a program reads.

use super::{Code, Diagnostic, Lang, Severity};

/// The human format: one block per problem, with the source line and a caret under the column,
/// then a summary line. CJK characters are two columns wide in a terminal, so the caret is
/// indented by display width, not by character count.
pub fn render_human(diags: &[Diagnostic], lang: Lang) -> String {
    let mut out = String::new();
    for d in diags {
        let sev = match (d.severity, lang) {
            (Severity::Error, Lang::Zh) => "错误",
            (Severity::Warning, Lang::Zh) => "警告",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
        };
        out.push_str(&format!("{sev}[{}]: {}\n", d.code.as_str(), d.message.get(lang)));
        if d.pos.line > 0 {
            out.push_str(&format!("  --> {}:{}:{}\n", d.file, d.pos.line, d.pos.column));
        } else {
            out.push_str(&format!("  --> {}\n", d.file));
        }
        if let Some(line) = &d.source_line {
            let num = d.pos.line.to_string();
            let pad = " ".repeat(num.len());
            let shown: String = line.chars().take(160).collect();
            let caret_at: usize = line
                .chars()
                .take(d.pos.column.saturating_sub(1))
                .map(display_width)
                .sum();
            out.push_str(&format!(
                "{pad} |\n{num} | {shown}\n{pad} | {}^\n",
                " ".repeat(caret_at)
            ));
        }
        let hint = match lang {
            Lang::Zh => "提示",
            Lang::En => "hint",
        };
        out.push_str(&format!("  = {hint}: {}\n\n", d.hint.get(lang)));
    }
    let errors = diags.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = diags.len() - errors;
    out.push_str(&match lang {
        Lang::Zh => format!("共 {errors} 个错误，{warnings} 个警告。\n"),
        Lang::En => format!("{errors} error(s), {warnings} warning(s).\n"),
    });
    out
}

fn display_width(c: char) -> usize {
    let wide = matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF |
        0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF |
        0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
    if wide { 2 } else { 1 }
}

/// The JSON format of SPEC 5: one array of `{code, severity, file, line, column, message, hint}`.
pub fn render_json(diags: &[Diagnostic], lang: Lang) -> String {
    let items: Vec<serde_json::Value> = diags
        .iter()
        .map(|d| {
            serde_json::json!({
                "code": d.code.as_str(),
                "severity": d.severity.as_str(),
                "file": d.file,
                "line": d.pos.line,
                "column": d.pos.column,
                "message": d.message.get(lang),
                "hint": d.hint.get(lang),
            })
        })
        .collect();
    serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into())
}

/// A short example of the mistake and its correction, for `explain`.
pub(super) fn example(code: Code, lang: Lang) -> Option<String> {
    let (wrong, right) = match code {
        Code::FullWidthColon => ("标题：青山镇2026年低保审核公示", "标题: 青山镇2026年低保审核公示"),
        Code::FullWidthSpace => ("标题:　青山镇公告", "标题: 青山镇公告"),
        Code::Tab => ("附件:\n\t- 名单.csv", "附件:\n  - 名单.csv"),
        Code::NotText => ("监督电话: 05561234567", "监督电话: \"0556-1234567\""),
        Code::BadDate => ("发布日期: 2026-02-30", "发布日期: 2026-02-27"),
        Code::UnknownKey => ("发布时间: 2026-09-25", "发布日期: 2026-09-25"),
        Code::IdNumber => ("张三 340825199001011234", "张三 340825********1234"),
        Code::Mobile => ("联系人：李四 13812345678", "联系人：李四 138****5678"),
        Code::BadPeriod => ("公示期: 2026-10-08 至 2026-09-25", "公示期: 2026-09-25 至 2026-10-08"),
        Code::UnknownItem => ("事项: 社会救助/低保/审核", "事项: 社会救助/最低生活保障/审核信息"),
        Code::UnclosedFrontMatter => ("---\n标题: 公告\n正文……", "---\n标题: 公告\n---\n正文……"),
        Code::MissingElement => ("（没有“办理流程”标题）", "## 办理流程\n\n1. 申请人向村委会提出申请……"),
        _ => return None,
    };
    Some(match lang {
        Lang::Zh => format!("错误写法：\n{wrong}\n\n正确写法：\n{right}\n"),
        Lang::En => format!("Wrong:\n{wrong}\n\nRight:\n{right}\n"),
    })
}
