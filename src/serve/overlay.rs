//! What serve adds to a page, and only in serve (the built site is unchanged): a small
//! live-reload script, and when the latest edit has errors an overlay over the last good page
//! that lists them as `check` does (file, line, column, message, the line itself, the fix).
//! Diagnostics show the masked form already; their source lines are masked here as well.

use crate::diag::{Diagnostic, Lang, Severity};
use crate::render::markdown::escape;

/// The script: wait on `/__gongkai/wait` (a long poll: no websocket crate, works everywhere)
/// and reload when the site's generation moves past the page's.
pub fn live_script(generation: u64) -> String {
    format!(
        "<script>(function(){{var g={generation};function w(){{fetch('/__gongkai/wait?since='+g,{{cache:'no-store'}}).then(function(r){{return r.text()}}).then(function(t){{var n=parseInt(t,10);if(n>g){{location.reload()}}else{{w()}}}}).catch(function(){{setTimeout(w,1000)}})}}w()}})();</script>"
    )
}

/// The overlay listing the errors (and warnings) of `problems`.
pub fn overlay(problems: &[Diagnostic], lang: Lang, scanner: &crate::privacy::Scanner) -> String {
    let errors = problems.iter().filter(|d| d.severity == Severity::Error).count();
    let (title, note, file_l, fix_l) = match lang {
        Lang::Zh => (
            format!("有 {errors} 个错误，网站未更新"),
            "下面是最近一次保存发现的问题；改正并保存后页面会自动刷新。在此之前显示的是上一次正确的版本。",
            "文件",
            "改法",
        ),
        Lang::En => (
            format!("{errors} error(s): the site was not updated"),
            "These are the problems of the latest save; fix them and save, and the page reloads. Until then this is the last good version.",
            "file",
            "fix",
        ),
    };
    let mut h = format!(
        "<div id=\"gongkai-overlay\" role=\"alertdialog\" aria-labelledby=\"gongkai-overlay-title\" style=\"position:fixed;inset:0;z-index:99999;overflow:auto;background:rgba(255,255,255,.97);color:#111;font:16px/1.6 sans-serif;padding:24px\"><h2 id=\"gongkai-overlay-title\" style=\"color:#b00020;margin-top:0\">{}</h2><p>{}</p><ol>",
        escape(&title),
        escape(note)
    );
    for d in problems {
        let sev = match (d.severity, lang) {
            (Severity::Error, Lang::Zh) => "错误",
            (Severity::Warning, Lang::Zh) => "警告",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
        };
        let place = if d.pos.line > 0 {
            match lang {
                Lang::Zh => format!("{}，第 {} 行第 {} 列", d.file, d.pos.line, d.pos.column),
                Lang::En => format!("{}, line {} column {}", d.file, d.pos.line, d.pos.column),
            }
        } else {
            d.file.clone()
        };
        h.push_str(&format!(
            "<li class=\"gongkai-problem\" data-code=\"{}\" data-file=\"{}\" data-line=\"{}\"><strong>{sev}[{}]</strong> {}<br>{file_l}：<code>{}</code>",
            d.code.as_str(),
            escape(&d.file),
            d.pos.line,
            d.code.as_str(),
            escape(&scanner.mask_all(d.message.get(lang))),
            escape(&place),
        ));
        if let Some(line) = &d.source_line {
            h.push_str(&format!(
                "<pre style=\"background:#f4f4f4;padding:4px 8px;white-space:pre-wrap\">{}</pre>",
                escape(&scanner.mask_all(line))
            ));
        }
        h.push_str(&format!(
            "<div class=\"gongkai-hint\">{fix_l}：{}</div></li>",
            escape(&scanner.mask_all(d.hint.get(lang)))
        ));
    }
    h.push_str("</ol></div>");
    h
}

/// `html` with the script (and overlay) put before its `</body>`, or appended.
pub fn inject(html: &[u8], generation: u64, overlay: Option<&str>) -> Vec<u8> {
    let add = format!("{}{}", overlay.unwrap_or(""), live_script(generation));
    let at = find_last(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + add.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(add.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w.eq_ignore_ascii_case(needle))
}

/// A page of its own for the problems, for when there is no good page to lay them over yet.
pub fn page(overlay: &str, generation: u64) -> Vec<u8> {
    let html = format!(
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>gongkai serve</title></head><body>{overlay}</body></html>"
    );
    inject(html.as_bytes(), generation, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_goes_before_the_last_body_end() {
        let out = String::from_utf8(inject(b"<html><body><p>x</p></body></html>", 7, Some("<div>o</div>"))).unwrap();
        assert!(out.contains("<p>x</p><div>o</div><script>"));
        assert!(out.ends_with("</script></body></html>"));
        assert!(out.contains("var g=7;"));
        let bare = String::from_utf8(inject(b"plain", 1, None)).unwrap();
        assert!(bare.starts_with("plain<script>"));
    }
}
