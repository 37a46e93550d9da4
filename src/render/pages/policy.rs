//! The policy library's lists, for the county and for each township that has documents or
//! calls of its own: the 政策文件库 (`policy/index.html`), the three directories of 规章 and
//! 行政规范性文件 (现行有效 / 已废止 / 已失效), and one page per filter value (status, year,
//! 发文机关, category: `policy/f/*.html`). The filters are plain links to those pages, so
//! they work without JavaScript and from `file://`; `static/policy.js` only adds a form that
//! combines them on the library page. Document pages are in `policy_page`, open data and
//! search in `policy_data`.

use super::{policy_data, policy_page};
use crate::policy::{Category, Library, Status};
use crate::render::view::{Crumb, PageMeta, root_of};
use crate::render::{Output, RenderCx};
use serde::Serialize;

/// A document as lists show it.
#[derive(Serialize, Clone)]
pub struct DocRow {
    pub title: String,
    pub url: String,
    pub docno: String,
    pub issuer: String,
    pub category: &'static str,
    pub year: i16,
    pub published: String,
    pub status: &'static str,
    /// `in_force`, `repealed`, …: a CSS class and the filter's value.
    pub status_key: &'static str,
    /// The day it took its status, `YYYY-MM-DD`, or empty.
    pub since: String,
    pub interpretations: usize,
}

pub fn row(lib: &Library, i: usize) -> DocRow {
    let d = &lib.documents[i];
    let st = &lib.status[i];
    DocRow {
        title: d.title.clone(),
        url: d.url.clone(),
        docno: d.docno.value.to_string(),
        issuer: d.issuer.clone(),
        category: d.category.zh(),
        year: d.published.value.year(),
        published: crate::dates::format_date(d.published.value),
        status: st.status.zh(),
        status_key: status_key(st.status),
        since: st.since.map(crate::dates::format_date).unwrap_or_default(),
        interpretations: lib.interpretations_of(i).len(),
    }
}

pub fn status_key(s: Status) -> &'static str {
    match s {
        Status::NotYet => "not_yet",
        Status::InForce => "in_force",
        Status::Amended => "amended",
        Status::Repealed => "repealed",
        Status::Lapsed => "lapsed",
    }
}

fn category_key(c: Category) -> &'static str {
    match c {
        Category::Rule => "rule",
        Category::Normative => "normative",
        Category::Other => "other",
    }
}

/// The statuses in the order the filter lists them.
const STATUSES: [Status; 5] = [
    Status::InForce,
    Status::Amended,
    Status::NotYet,
    Status::Repealed,
    Status::Lapsed,
];

/// The three directories: (status, file name, title).
pub const DIRECTORIES: [(Status, &str, &str); 3] = [
    (Status::InForce, "xianxing", "现行有效规范性文件目录"),
    (Status::Repealed, "feizhi", "已废止规范性文件目录"),
    (Status::Lapsed, "shixiao", "已失效规范性文件目录"),
];

/// The county (`None`) or a township, as the library is split.
pub struct Scope {
    pub township: Option<usize>,
    /// `""` or `qingshan/`: where its pages go.
    pub prefix: String,
    pub name: String,
    /// Indices into `lib.documents`, newest first.
    pub docs: Vec<usize>,
    pub calls: Vec<usize>,
}

/// The county's scope, then each township's that has documents or calls.
pub fn scopes(cx: &RenderCx) -> Vec<Scope> {
    let lib = &cx.site.policy;
    let towns = &cx.site.config.townships;
    let mut out = Vec::new();
    for t in std::iter::once(None).chain((0..towns.len()).map(Some)) {
        let mut docs: Vec<usize> = (0..lib.documents.len())
            .filter(|&i| lib.documents[i].township == t)
            .collect();
        // Newest first; one day's documents by 文号, so the order never depends on file names.
        docs.sort_by(|&a, &b| {
            let (a, b) = (&lib.documents[a], &lib.documents[b]);
            (b.published.value, &a.docno.value).cmp(&(a.published.value, &b.docno.value))
        });
        let calls: Vec<usize> = (0..lib.consultations.len())
            .filter(|&i| lib.consultations[i].township == t)
            .collect();
        if t.is_some() && docs.is_empty() && calls.is_empty() {
            continue;
        }
        let (prefix, name) = match t {
            None => (String::new(), cx.site.config.site.county.clone()),
            Some(t) => (format!("{}/", towns[t].slug), towns[t].name.clone()),
        };
        out.push(Scope {
            township: t,
            prefix,
            name,
            docs,
            calls,
        });
    }
    out
}

pub fn render_all(cx: &RenderCx) {
    if !cx.wants(|s| s.policy) {
        return;
    }
    let out = render_library(cx);
    // `gongkai serve` removes what the library made last time and makes no more.
    if let Some(sel) = cx.select {
        sel.record_policy(out.iter().map(|o| o.path.clone()).collect());
    }
    cx.emit_all(out);
}

fn render_library(cx: &RenderCx) -> Vec<Output> {
    let lib = &cx.site.policy;
    let mut out = Vec::new();
    if lib.is_empty() {
        return out;
    }
    for scope in scopes(cx) {
        let facets = facets(lib, &scope);
        out.push(library(cx, &scope, &facets));
        for (status, file, title) in DIRECTORIES {
            let docs: Vec<usize> = scope
                .docs
                .iter()
                .copied()
                .filter(|&i| policy_data::in_directory(lib, i, status))
                .collect();
            let url = format!("{}policy/{file}.html", scope.prefix);
            out.push(list(cx, &scope, &facets, &url, title, &docs));
        }
        for f in &facets {
            for v in &f.values {
                let title = format!("政策文件（{}：{}）", f.label, v.name);
                out.push(list(cx, &scope, &facets, &v.url, &title, &v.docs));
            }
        }
    }
    out.extend(policy_page::render_all(cx));
    out.extend(policy_data::open_data(cx));
    out
}

/// The directories and filter pages of every scope (the sitemap lists them; the library
/// pages and documents come from `policy_data::sitemap_entries`).
pub fn filter_urls(cx: &RenderCx) -> Vec<String> {
    let lib = &cx.site.policy;
    if lib.is_empty() {
        return Vec::new();
    }
    let mut v = Vec::new();
    for scope in scopes(cx) {
        v.extend(
            DIRECTORIES
                .iter()
                .map(|(_, file, _)| format!("{}policy/{file}.html", scope.prefix)),
        );
        for f in facets(lib, &scope) {
            v.extend(f.values.into_iter().map(|x| x.url));
        }
    }
    v
}

/// One filter (状态, 年份, 发文机关, 类别) and its values, each a page of its own.
#[derive(Serialize)]
pub struct Facet {
    /// `status`, `year`, `issuer`, `category`: the form field `policy.js` reads.
    pub key: &'static str,
    pub label: &'static str,
    pub values: Vec<FacetValue>,
}

#[derive(Serialize)]
pub struct FacetValue {
    pub name: String,
    /// The value the rows carry in `data-<key>`.
    pub value: String,
    pub url: String,
    #[serde(skip)]
    pub docs: Vec<usize>,
    pub count: usize,
}

fn facets(lib: &Library, scope: &Scope) -> Vec<Facet> {
    let facet = |key: &'static str, label: &'static str, of: &dyn Fn(usize) -> (String, String, String)| {
        // (sort key, shown name, file-name part) → documents; BTreeMap keeps the order stable.
        let mut groups: std::collections::BTreeMap<(String, String, String), Vec<usize>> = Default::default();
        for &i in &scope.docs {
            groups.entry(of(i)).or_default().push(i);
        }
        let values = groups
            .into_iter()
            .map(|((_, name, slug), docs)| FacetValue {
                value: if key == "status" { slug.clone() } else { name.clone() },
                url: format!("{}policy/f/{key}-{slug}.html", scope.prefix),
                count: docs.len(),
                name,
                docs,
            })
            .collect();
        Facet { key, label, values }
    };
    let doc = |i: usize| &lib.documents[i];
    vec![
        facet("status", "状态", &|i| {
            let s = lib.status[i].status;
            let rank = STATUSES.iter().position(|x| *x == s).unwrap_or(0);
            (rank.to_string(), s.zh().to_string(), status_key(s).to_string())
        }),
        facet("year", "年份", &|i| {
            let y = doc(i).published.value.year();
            // Newest year first.
            ((9999 - y).to_string(), y.to_string(), y.to_string())
        }),
        facet("issuer", "发文机关", &|i| {
            let name = doc(i).issuer.clone();
            // Output paths are ASCII: the agency's name becomes a stable hash.
            let slug = crate::resolve::paths::short_hash(&name);
            (name.clone(), name, slug)
        }),
        facet("category", "类别", &|i| {
            let c = doc(i).category;
            let rank = Category::ALL.iter().position(|x| *x == c).unwrap_or(0);
            (rank.to_string(), c.zh().to_string(), category_key(c).to_string())
        }),
    ]
}

fn meta(cx: &RenderCx, scope: &Scope, url: &str, title: String, leaf: Option<&str>) -> PageMeta {
    let mut crumbs = Vec::new();
    if !scope.prefix.is_empty() {
        crumbs.push(Crumb {
            name: scope.name.clone(),
            url: format!("{}index.html", scope.prefix),
        });
    }
    crumbs.push(Crumb {
        name: "政策文件".into(),
        url: format!("{}policy/index.html", scope.prefix),
    });
    if let Some(l) = leaf {
        crumbs.push(Crumb {
            name: l.to_string(),
            url: url.to_string(),
        });
    }
    PageMeta {
        root: root_of(url),
        url: url.to_string(),
        description: format!(
            "{}的政策文件、政策解读和征求意见（{}）",
            scope.name, cx.site.config.site.county
        ),
        title,
        column_name: "政策文件".into(),
        column_type: "信息公开目录".into(),
        crumbs,
        ..Default::default()
    }
}

/// What every list page of a scope carries: the directory links and the filters.
fn common(lib: &Library, scope: &Scope, facets: &[Facet], docs: &[usize]) -> tera::Context {
    let dirs: Vec<(String, String)> = DIRECTORIES
        .iter()
        .map(|(_, f, t)| (t.to_string(), format!("{}policy/{f}.html", scope.prefix)))
        .collect();
    let rows: Vec<DocRow> = docs.iter().map(|&i| row(lib, i)).collect();
    let mut ctx = tera::Context::new();
    ctx.insert("docs", &rows);
    ctx.insert("directories", &dirs);
    ctx.insert("facets", facets);
    ctx.insert("scope_name", &scope.name);
    ctx.insert("library_url", &format!("{}policy/index.html", scope.prefix));
    ctx
}

/// A directory or a filter's page: the documents of one kind, in the library's order.
fn list(cx: &RenderCx, scope: &Scope, facets: &[Facet], url: &str, title: &str, docs: &[usize]) -> Output {
    let mut ctx = common(&cx.site.policy, scope, facets, docs);
    ctx.insert("library", &false);
    let meta = meta(cx, scope, url, format!("{}{title}", scope.name), Some(title));
    cx.page("policy_list.html", meta, ctx)
}

#[derive(Serialize)]
struct CallRow {
    title: String,
    url: String,
    call_type: &'static str,
    period: String,
    state: &'static str,
    feedback: Vec<(String, String)>,
}

/// The library page: every document, then the 解读, the calls and (for the county) the
/// townships' libraries.
fn library(cx: &RenderCx, scope: &Scope, facets: &[Facet]) -> Output {
    let lib = &cx.site.policy;
    let today = cx.site.today;
    let fmt = crate::dates::format_date;
    let call_rows: Vec<CallRow> = scope
        .calls
        .iter()
        .map(|&c| {
            let k = &lib.consultations[c];
            let feedback: Vec<(String, String)> = lib
                .feedback_of(c)
                .into_iter()
                .map(|f| (lib.feedback[f].title.clone(), lib.feedback[f].url.clone()))
                .collect();
            CallRow {
                title: k.title.clone(),
                url: k.url.clone(),
                call_type: k.call_type.zh(),
                period: format!("{} 至 {}", fmt(k.start), fmt(k.end)),
                state: policy_page::call_state(k, today, !feedback.is_empty()),
                feedback,
            }
        })
        .collect();
    let mut interps: Vec<usize> = (0..lib.interpretations.len())
        .filter(|&j| lib.interpretations[j].township == scope.township)
        .collect();
    interps.sort_by_key(|&j| std::cmp::Reverse(lib.interpretations[j].published.value));
    let interps: Vec<(String, String, String)> = interps
        .into_iter()
        .map(|j| {
            let x = &lib.interpretations[j];
            (x.title.clone(), x.url.clone(), fmt(x.published.value))
        })
        .collect();
    let townships: Vec<(String, String)> = match scope.township {
        Some(_) => Vec::new(),
        None => scopes(cx)
            .into_iter()
            .filter_map(|s| s.township.map(|_| (s.name, format!("{}policy/index.html", s.prefix))))
            .collect(),
    };
    let url = format!("{}policy/index.html", scope.prefix);
    let mut ctx = common(lib, scope, facets, &scope.docs);
    ctx.insert("library", &true);
    ctx.insert("calls", &call_rows);
    ctx.insert("interpretations", &interps);
    ctx.insert("townships", &townships);
    let meta = meta(cx, scope, &url, format!("{}政策文件库", scope.name), None);
    cx.page("policy_list.html", meta, ctx)
}
