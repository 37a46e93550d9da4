//! The board bundle (`gongkai board`): every notice on a village's board on a day, in one
//! self-contained HTML file to copy to any PC and print: a cover sheet listing them, then each
//! notice on its own pages, as its page prints. The stylesheet is inlined, QR codes are inline
//! SVG, local images become `data:` URIs; links go to the notice's section when it is in the
//! bundle, else to the site online (`base_url`).

use crate::board::Entry;
use crate::diag::Diagnostics;
use crate::render::notice_view::{self, NoticeLinks, NoticeView};
use crate::render::theme;
use crate::site::Site;
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;

#[derive(Serialize)]
struct BoardView<'a> {
    county: &'a str,
    township: &'a str,
    village: &'a str,
    village_code: &'a str,
    /// `YYYY-MM-DD`.
    date: String,
    days: u32,
}

/// A notice to take down: what identifies the sheet on the board.
#[derive(Serialize)]
struct DownView<'a> {
    title: &'a str,
    publisher: &'a str,
    /// Its last day on the board, `YYYY-MM-DD`.
    until: String,
    /// Whether `until` is the end of its 公示期 (else publish date + `days`).
    period: bool,
}

#[derive(Serialize)]
struct EntryView<'a> {
    /// 1-based: the number printed on the cover and on every page of the notice.
    seq: usize,
    /// Last day on the board, `YYYY-MM-DD`.
    until: String,
    n: NoticeView<'a>,
}

/// The bundle's HTML, or `None` when the theme failed (the errors are in `diags`).
pub fn render(
    site: &Site,
    township: usize,
    village: usize,
    entries: &[Entry],
    down: &[Entry],
    days: u32,
    diags: &mut Diagnostics,
) -> Option<String> {
    let theme = theme::load(&site.root, &site.config.site.theme, diags)?;
    let town = &site.config.townships[township];
    let vil = &town.villages[village];
    let by_source = notice_view::pages_by_source(site);
    let base = site.config.site.base_url.trim_end_matches('/');
    let prefix = (!base.is_empty()).then(|| format!("{base}/"));
    // A link to a notice in the bundle goes to its section.
    let in_bundle: HashMap<&str, usize> = entries
        .iter()
        .enumerate()
        .map(|(k, e)| (site.notices[e.notice].url.as_str(), k + 1))
        .collect();
    let views: Vec<EntryView> = entries
        .iter()
        .enumerate()
        .map(|(k, e)| {
            let n = &site.notices[e.notice];
            let links = NoticeLinks::new(site, n, &by_source);
            let link = |dest: &str| -> Option<String> {
                let path = links.local_path(dest)?;
                if let Some(uri) = image_data_uri(&path) {
                    return Some(uri);
                }
                let url = links.site_url(dest);
                Some(match (&prefix, url) {
                    (_, Some(u)) if in_bundle.contains_key(u.as_str()) => format!("#n{}", in_bundle[u.as_str()]),
                    (Some(p), Some(u)) => format!("{p}{u}"),
                    _ => "#".to_string(),
                })
            };
            EntryView {
                seq: k + 1,
                until: crate::dates::format_date(e.until),
                n: notice_view::build(site, e.notice, &link, prefix.as_deref()),
            }
        })
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert(
        "board",
        &BoardView {
            county: &site.config.site.county,
            township: &town.name,
            village: &vil.name,
            village_code: &vil.code,
            date: crate::dates::format_date(site.today),
            days,
        },
    );
    ctx.insert("entries", &views);
    let down: Vec<DownView> = down
        .iter()
        .map(|e| {
            let n = &site.notices[e.notice];
            DownView {
                title: &n.title,
                publisher: &n.publisher,
                until: crate::dates::format_date(e.until),
                period: n.period.is_some(),
            }
        })
        .collect();
    ctx.insert("down", &down);
    let css = theme
        .statics
        .get("style.css")
        .map(|b| String::from_utf8_lossy(b).replace("</", "<\\/"))
        .unwrap_or_default();
    ctx.insert("css", &css);
    match theme.tera.render("board.html", &ctx) {
        Ok(html) => Some(html),
        Err(e) => {
            theme::template_error(diags, "templates/board.html", &e);
            None
        }
    }
}

/// A local image as a `data:` URI, so that the bundle needs no other file. `None` for other
/// files, missing files and images over 5 MB.
fn image_data_uri(path: &Path) -> Option<String> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    let mime = match ext.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "svg" => "image/svg+xml",
        _ => return None,
    };
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > 5 * 1024 * 1024 {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    Some(format!("data:{mime};base64,{}", base64(&bytes)))
}

/// Standard base64 with padding (RFC 4648).
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let v = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(char::from(ABC[((v >> (18 - 6 * k)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::base64;

    #[test]
    fn base64_matches_rfc4648() {
        for (i, o) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(i.as_bytes()), o);
        }
    }
}
