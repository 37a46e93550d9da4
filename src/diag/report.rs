//! Turning diagnostics into what a person or a program reads.

use super::{Diagnostic, Lang, Severity};

/// What leaves gongkai for a terminal, a CI log or another program passes the same scanner as
/// the site's files: a message that quotes a clerk's value, or the source line under it, shows
/// any identifier in it masked (SPEC 5.6). The scanner's "today" is far ahead so that every
/// plausible birth date counts: here a false mask costs nothing.
fn masked(text: &str) -> std::borrow::Cow<'_, str> {
    thread_local! {
        static SCANNER: crate::privacy::Scanner = crate::privacy::Scanner::new(jiff::civil::date(2100, 1, 1));
    }
    if text.bytes().filter(u8::is_ascii_digit).nth(10).is_none() && !text.contains(|c: char| ('０'..='９').contains(&c))
    {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(SCANNER.with(|s| s.mask_all(text)))
}

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
        out.push_str(&format!(
            "{sev}[{}]: {}\n",
            d.code.as_str(),
            masked(d.message.get(lang))
        ));
        // The gutter is as wide as the line number, as in rustc, so that `-->`, `|` and `=`
        // line up whatever the number of digits.
        let num = d.pos.line.to_string();
        let pad = " ".repeat(num.len());
        if d.pos.line > 0 {
            out.push_str(&format!(
                "{pad}--> {}:{}:{}\n",
                masked(&d.file),
                d.pos.line,
                d.pos.column
            ));
        } else {
            out.push_str(&format!("{pad}--> {}\n", masked(&d.file)));
        }
        if let Some(line) = &d.source_line {
            let shown = masked(line);
            let caret_at: usize = shown
                .chars()
                .take(d.pos.column.saturating_sub(d.source_from))
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
        out.push_str(&format!("{pad} = {hint}: {}\n\n", masked(d.hint.get(lang))));
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
                "file": masked(&d.file),
                "line": d.pos.line,
                "column": d.pos.column,
                "message": masked(d.message.get(lang)),
                "hint": masked(d.hint.get(lang)),
            })
        })
        .collect();
    serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into())
}
