//! What a notice shows, on its page and on paper. One view, built for the notice page and for
//! the board bundle (`gongkai board`), so that both show and print the same thing: the same
//! metadata, the same body, the same withdrawal of lists of people after their grace period.

use crate::load::table::DataTable;
use crate::render::closing::Signature;
use crate::render::markdown::{BodyOptions, to_parts};
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
    /// The body up to where the list goes, and after it (the clerk's signature taken out).
    pub body: String,
    pub body_after: String,
    /// The text names the list's place (a marker or 名单见下表): no heading of its own.
    pub list_anchored: bool,
    /// The clerk's signature: printed in the closing block instead of the generated one.
    pub signature: Option<Signature>,
    /// Whether the closing block still has to invite objections and give the 监督电话 (the
    /// body did not already).
    pub say_objection: bool,
    pub say_contact: bool,
    pub table: Option<TableView>,
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

/// A data file's list as the page shows it: numbers right-aligned with thousands separators
/// (as a clerk writes them in a Markdown table), short cells (names) never broken.
#[derive(Serialize)]
pub struct TableView {
    pub header: Vec<String>,
    /// Per column: all its cells are numbers.
    pub numeric: Vec<bool>,
    /// Per column: no cell is longer than a name, so none is broken on a phone.
    pub short: Vec<bool>,
    /// Per column: the cells' CSS classes (`num`, `nw`), from the two above.
    pub classes: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

/// A name is at most four characters (复姓 included); a column of such cells stays unbroken.
const SHORT_CELL: usize = 4;

impl TableView {
    pub fn new(t: &DataTable) -> TableView {
        let cols = t.header.len().max(t.rows.iter().map(Vec::len).max().unwrap_or(0));
        let cell = |r: &[String], c: usize| r.get(c).map_or("", |s| s.as_str()).to_string();
        let column = |c: usize| t.rows.iter().map(move |r| cell(r, c));
        let numeric: Vec<bool> = (0..cols)
            .map(|c| column(c).any(|v| !v.is_empty()) && column(c).all(|v| v.is_empty() || is_number(&v)))
            .collect();
        // Serial numbers, codes and years are numbers that are not quantities.
        let grouped: Vec<bool> = (0..cols)
            .map(|c| {
                let h = t.header.get(c).map_or("", |s| s.as_str());
                numeric[c]
                    && !["序号", "编号", "号", "代码", "年", "编码", "ID", "No"]
                        .iter()
                        .any(|w| h.contains(w))
            })
            .collect();
        let short: Vec<bool> = (0..cols)
            .map(|c| numeric[c] || column(c).all(|v| v.chars().count() <= SHORT_CELL))
            .collect();
        let rows = t
            .rows
            .iter()
            .map(|r| {
                (0..cols)
                    .map(|c| {
                        let v = cell(r, c);
                        if grouped[c] { group_thousands(&v) } else { v }
                    })
                    .collect()
            })
            .collect();
        let mut header = t.header.clone();
        header.resize(cols, String::new());
        let classes = (0..cols)
            .map(|c| match (numeric[c], short[c]) {
                (true, _) => "num nw",
                (false, true) => "nw",
                _ => "",
            })
            .collect();
        TableView {
            header,
            numeric,
            short,
            classes,
            rows,
        }
    }
}

/// `1680`, `-3.5`, `2,110,825.00`: a number as a list cell holds one.
fn is_number(s: &str) -> bool {
    let s = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let groups_ok = if int.contains(',') {
        let mut g = int.split(',');
        g.next().is_some_and(|f| (1..=3).contains(&f.len())) && g.all(|x| x.len() == 3)
    } else {
        !int.is_empty()
    };
    groups_ok
        && int.chars().all(|c| c.is_ascii_digit() || c == ',')
        && frac.chars().all(|c| c.is_ascii_digit())
        && !(s.contains('.') && frac.is_empty())
}

/// `1680` → `1,680`; numbers that already have separators, and short ones, stay as written.
fn group_thousands(s: &str) -> String {
    if s.contains(',') || !is_number(s) {
        return s.to_string();
    }
    let (sign, rest) = match s.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", s.strip_prefix('+').unwrap_or(s)),
    };
    let (int, frac) = rest.split_once('.').map_or((rest, None), |(a, b)| (a, Some(b)));
    let mut out = String::from(sign);
    for (k, c) in int.chars().enumerate() {
        if k > 0 && (int.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
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
    let v = build(site, i, &|_| None, None);
    let mut text = v.body + &v.body_after;
    if let Some(s) = v.signature {
        text.push_str(&format!(
            "<p>{}</p>",
            crate::render::markdown::escape(&(s.names.join(" ") + " " + &s.date))
        ));
    }
    text
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
    let contact = n.contact.clone().unwrap_or_default();
    let parts = to_parts(
        &src.body(),
        src.facts.has_html,
        &BodyOptions {
            link,
            withdrawn: &people,
            withdrawn_note: &withdrawn_note,
        },
        n.data.is_some(),
        &n.publisher,
        &contact,
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
        say_contact: !contact.is_empty() && !parts.number,
        say_objection: !parts.objection,
        contact,
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
        body: parts.before,
        body_after: parts.after,
        list_anchored: parts.anchored,
        signature: parts.signature,
        table: site.tables[i].as_ref().filter(|_| !withdrawn).map(TableView::new),
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
    use super::{css_string, group_thousands, is_number};

    #[test]
    fn list_numbers_are_grouped_as_written_in_tables() {
        for (a, b) in [
            ("1680", "1,680"),
            ("420", "420"),
            ("2110825.5", "2,110,825.5"),
            ("-12000", "-12,000"),
            ("1,200", "1,200"),
        ] {
            assert_eq!(group_thousands(a), b);
        }
        for n in ["0", "1,234", "3.25", "-7"] {
            assert!(is_number(n), "{n}");
        }
        for n in ["", "1,23", "12,3456", "3.", "138****5678", "1号", "一"] {
            assert!(!is_number(n), "{n}");
        }
    }

    #[test]
    fn css_strings_cannot_break_out() {
        assert_eq!(css_string("公示"), "\"公示\"");
        assert_eq!(css_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
        let s = css_string("</style><script>");
        assert!(!s.contains('<') && !s.contains('>'), "{s}");
        assert_eq!(css_string("a\nb"), "\"a b\"");
    }
}
