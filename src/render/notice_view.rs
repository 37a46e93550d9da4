//! What a notice shows, on its page and on paper. One view, built for the notice page and for
//! the board bundle (`gongkai board`), so that both show and print the same thing: the same
//! metadata, the same body, the same withdrawal of lists of people after their grace period.

use crate::load::table::DataTable;
use crate::render::markdown::{BodyOptions, to_html};
use crate::render::view::{PeriodView, period_view};
use crate::resolve::{Notice, PeriodState};
use crate::site::Site;
use crate::util::text::heading_key;
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

#[derive(Serialize, Clone)]
pub struct FileLink {
    pub name: String,
    pub url: String,
    /// The clerk's own file name (`低保名单.csv`), for the link's `download` attribute: the
    /// published path is ASCII (`…-data.csv`), and a static host sends no
    /// `Content-Disposition` to name the saved file.
    pub download: String,
}

impl FileLink {
    fn of(a: &crate::resolve::Attachment, url: String) -> FileLink {
        let download = Path::new(a.name.trim())
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_else(|| a.name.clone());
        FileLink {
            name: a.name.clone(),
            url,
            download,
        }
    }
}

/// Everything `_notice.html` shows. URLs are complete (relative to the page, or absolute on
/// paper); an empty URL means "no link".
#[derive(Serialize)]
pub struct NoticeView<'a> {
    pub title: String,
    pub publisher: String,
    pub formed: String,
    pub published: String,
    pub contact: String,
    pub county: String,
    pub township: String,
    pub village: String,
    pub exemption: String,
    pub fm_elements: &'a [(String, String)],
    pub domain: String,
    pub domain_url: String,
    pub item_id: String,
    pub item_path: String,
    pub basis: String,
    pub limit: String,
    pub period: Option<PeriodView>,
    pub withdrawn: bool,
    pub withdrawn_note: String,
    pub body: String,
    pub table: Option<&'a DataTable>,
    pub data_file: Option<FileLink>,
    pub attachments: Vec<FileLink>,
    /// The notice's address online (`base_url` + page path), or empty.
    pub online_url: String,
    /// Inline SVG QR code of `online_url`, or empty.
    pub qr: String,
    pub seal: String,
    /// A CSS string literal for the printed running head (`@page` margin box): title and 公示期.
    pub running_head: String,
}

/// How a notice's links resolve: every notice's source file → its page, and the other local
/// files its body links to, which are copied beside the page under ASCII names.
///
/// Each distinct destination is resolved once, when the links are built: a body may repeat
/// one link hundreds of thousands of times, and joining, normalising and stat-ing the path
/// per occurrence made such a page cost seconds.
pub struct NoticeLinks<'a> {
    n: &'a Notice,
    dir: PathBuf,
    by_source: &'a HashMap<PathBuf, &'a str>,
    /// (source file, output path) of files the body links to that are neither notices nor
    /// attachments.
    pub extra: Vec<(PathBuf, String)>,
    /// Destination as written → its output path, for every destination the body links to.
    urls: HashMap<&'a str, Option<String>>,
}

/// Every notice's source file (normalised: `--root .` gives `./content/…`) → its page URL,
/// for rewriting links between notices.
pub fn pages_by_source(site: &Site) -> HashMap<PathBuf, &str> {
    site.notices
        .iter()
        .map(|n| (normalize(&site.source(n).path), n.url.as_str()))
        .collect()
}

impl<'a> NoticeLinks<'a> {
    pub fn new(site: &'a Site, n: &'a Notice, by_source: &'a HashMap<PathBuf, &'a str>) -> NoticeLinks<'a> {
        let src = site.source(n);
        let dir = src.path.parent().unwrap_or(&site.root).to_path_buf();
        let mut me = NoticeLinks {
            n,
            dir,
            by_source,
            extra: Vec::new(),
            urls: HashMap::new(),
        };
        let stem = n.url.trim_end_matches(".html").to_string();
        let mut extra_at: HashMap<PathBuf, usize> = HashMap::new();
        for (dest, _) in &src.facts.links {
            let dest = dest.trim();
            if me.urls.contains_key(dest) {
                continue;
            }
            let url = me.local_path(dest).and_then(|path| {
                if let Some(url) = me.known(&path) {
                    return Some(url);
                }
                if let Some(&k) = extra_at.get(&path) {
                    return Some(me.extra[k].1.clone());
                }
                if !path.is_file() {
                    return None;
                }
                let ext = path
                    .extension()
                    .and_then(|e| e.to_str())
                    .filter(|e| e.is_ascii())
                    .unwrap_or("bin")
                    .to_ascii_lowercase();
                let url = format!("{stem}-f{}.{ext}", me.extra.len() + 1);
                extra_at.insert(path.clone(), me.extra.len());
                me.extra.push((path, url.clone()));
                Some(url)
            });
            me.urls.insert(dest, url);
        }
        me
    }

    /// The local file a link destination points at (`None` for web links and anchors).
    pub fn local_path(&self, dest: &str) -> Option<PathBuf> {
        let target = crate::validate::links::local_target(dest)?;
        Some(normalize(&self.dir.join(target)))
    }

    /// The output path (from the site root) of a local file: a notice's page, an attachment
    /// or an extra file.
    pub fn site_url(&self, dest: &str) -> Option<String> {
        let dest = dest.trim();
        if let Some(url) = self.urls.get(dest) {
            return url.clone();
        }
        // A destination the loader did not record (none is expected): resolve it here.
        let path = self.local_path(dest)?;
        self.known(&path)
            .or_else(|| self.extra.iter().find(|(p, _)| *p == path).map(|(_, u)| u.clone()))
    }

    fn known(&self, path: &Path) -> Option<String> {
        if let Some(url) = self.by_source.get(path) {
            return Some((*url).to_string());
        }
        self.n
            .attachments
            .iter()
            .chain(&self.n.data)
            .find(|a| normalize(&a.source) == path)
            .map(|a| a.url.clone())
    }
}

/// Whether notice `n`'s list of people has been taken down on the site's "today".
pub fn is_withdrawn(site: &Site, n: &crate::resolve::Notice) -> bool {
    n.period_state(site.today, site.config.print.withdraw_after_days) == Some(PeriodState::Withdrawn)
}

/// The body of withdrawn notice `i` as its page shows it (people's tables replaced by the
/// note), without links: what search may still hold of it.
pub fn withdrawn_body(site: &Site, i: usize) -> String {
    build(site, i, &|_| None, None).body
}

/// Build the view of notice `i`. `link` maps a body link as written to the URL to use;
/// `site_prefix` goes before site paths in the view's own links (`"../../"` on a page, the
/// `base_url` on paper, or `None` for no links).
pub fn build<'a>(
    site: &'a Site,
    i: usize,
    link: &dyn Fn(&str) -> Option<String>,
    site_prefix: Option<&str>,
) -> NoticeView<'a> {
    let n = &site.notices[i];
    let src = site.source(n);
    let withdrawn = is_withdrawn(site, n);
    let item = site.catalogs.item(n.item);
    let people: Vec<String> = if withdrawn {
        item.people_elements().map(|e| heading_key(&e.name)).collect()
    } else {
        Vec::new()
    };
    let withdraw_date = n
        .period
        .and_then(|p| {
            p.end
                .checked_add(jiff::Span::new().days(i64::from(site.config.print.withdraw_after_days)))
                .ok()
        })
        .map(crate::dates::format_date_zh)
        .unwrap_or_default();
    let withdrawn_note = format!("按规定，名单已于公示期满后撤下（{withdraw_date}），公告信息保留。");
    let body = to_html(
        src.body(),
        src.facts.has_html,
        &BodyOptions {
            link,
            withdrawn: &people,
            withdrawn_note: &withdrawn_note,
        },
    );
    let town = &site.config.townships[n.township];
    let dom = site.catalogs.domain(n.item);
    let url = |path: &str| site_prefix.map(|p| format!("{p}{path}")).unwrap_or_default();
    let online_url = online_url(site, n);
    let period = period_view(site, n);
    let mut head = n.title.clone();
    if let Some(p) = n.period {
        let (a, b) = (
            crate::dates::format_date_zh(p.start),
            crate::dates::format_date_zh(p.end),
        );
        head.push_str(&format!("　公示期：{a} 至 {b}"));
    }
    NoticeView {
        title: n.title.clone(),
        publisher: n.publisher.clone(),
        formed: crate::dates::format_date(n.formed),
        published: crate::dates::format_date(n.published),
        contact: n.contact.clone().unwrap_or_default(),
        county: site.config.site.county.clone(),
        township: town.name.clone(),
        village: n.village.map(|v| town.villages[v].name.clone()).unwrap_or_default(),
        exemption: n.exemption.clone().unwrap_or_default(),
        fm_elements: &n.fm_elements,
        domain: dom.name.clone(),
        domain_url: url(&format!("{}/{}/index.html", town.slug, dom.slug)),
        item_id: item.id.clone(),
        item_path: item.path(),
        basis: item.basis.clone().unwrap_or_default(),
        limit: item.effective_limit().describe(),
        period,
        withdrawn,
        withdrawn_note,
        body,
        table: site.tables[i].as_ref().filter(|_| !withdrawn),
        // The download of a withdrawn list goes with its table.
        data_file: n
            .data
            .as_ref()
            .filter(|_| !withdrawn)
            .map(|d| FileLink::of(d, url(&d.url))),
        attachments: n.attachments.iter().map(|a| FileLink::of(a, url(&a.url))).collect(),
        qr: if online_url.is_empty() {
            String::new()
        } else {
            crate::render::qr::svg(&online_url)
        },
        online_url,
        seal: site.config.print.seal.clone(),
        running_head: css_string(&head),
    }
}

/// `base_url` + the page path, or empty when the site has no `base_url`.
pub fn online_url(site: &Site, n: &Notice) -> String {
    let base = site.config.site.base_url.trim_end_matches('/');
    if base.is_empty() {
        String::new()
    } else {
        format!("{base}/{}", n.url)
    }
}

/// A double-quoted CSS string that is safe inside `<style>`: quotes and backslashes escaped,
/// `<` and `>` written as escapes (so no `</style>` can close the element), line breaks and
/// other control characters dropped.
pub fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\3c "),
            '>' => out.push_str("\\3e "),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Lexical normalisation (`a/./b/../c` → `a/c`) without touching the disk.
pub fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::css_string;

    #[test]
    fn css_strings_cannot_break_out() {
        assert_eq!(css_string("公示"), "\"公示\"");
        assert_eq!(css_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
        let s = css_string("</style><script>");
        assert!(!s.contains('<') && !s.contains('>'), "{s}");
        assert_eq!(css_string("a\nb"), "\"a b\"");
    }
}
