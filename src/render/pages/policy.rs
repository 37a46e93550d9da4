//! The policy library's lists: per county and township a 政策文件库 (filterable by status,
//! year, 发文机关 and category), the three directories of 规章 and 行政规范性文件 (现行有效 /
//! 已废止 / 已失效), and the calls for comment; and `data/policy.json`, the same directories
//! as open data. The pages of single documents are in `policy_page`.

use super::policy_page;
use crate::policy::{Library, Status};
use crate::render::view::{Crumb, PageMeta, root_of};
use crate::render::{Content, Output, RenderCx};
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
    pub status_key: String,
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
        status_key: status_key(st.status).into(),
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

/// The three directories: (status, file name, title).
pub const DIRECTORIES: [(Status, &str, &str); 3] = [
    (Status::InForce, "xianxing", "现行有效规范性文件目录"),
    (Status::Repealed, "feizhi", "已废止规范性文件目录"),
    (Status::Lapsed, "shixiao", "已失效规范性文件目录"),
];

#[derive(Serialize)]
struct CallRow {
    title: String,
    url: String,
    call_type: &'static str,
    period: String,
    state: &'static str,
    feedback: Vec<(String, String)>,
}

pub fn render_all(cx: &RenderCx) {
    let lib = &cx.site.policy;
    if lib.is_empty() || !cx.wants(|s| s.policy) {
        return;
    }
    let towns = &cx.site.config.townships;
    let scopes = std::iter::once(None).chain((0..towns.len()).map(Some));
    for scope in scopes {
        let docs: Vec<usize> = (0..lib.documents.len())
            .filter(|&i| lib.documents[i].township == scope)
            .collect();
        let calls: Vec<usize> = (0..lib.consultations.len())
            .filter(|&i| lib.consultations[i].township == scope)
            .collect();
        if scope.is_some() && docs.is_empty() && calls.is_empty() {
            continue;
        }
        let (prefix, name) = match scope {
            None => (String::new(), cx.site.config.site.county.clone()),
            Some(t) => (format!("{}/", towns[t].slug), towns[t].name.clone()),
        };
        cx.emit(library(cx, scope, &prefix, &name, &docs, &calls));
        for (status, file, title) in DIRECTORIES {
            let rows: Vec<DocRow> = docs
                .iter()
                .filter(|&&i| lib.documents[i].category.is_normative() && lib.status[i].status.directory() == status)
                .map(|&i| row(lib, i))
                .collect();
            let url = format!("{prefix}policy/{file}.html");
            let mut ctx = tera::Context::new();
            ctx.insert("docs", &rows);
            ctx.insert("directories", &directory_links(&prefix));
            ctx.insert("scope_name", &name);
            ctx.insert("filters", &false);
            ctx.insert("library_url", &format!("{prefix}policy/index.html"));
            let meta = meta(cx, &url, format!("{name}{title}"), &prefix, &name, Some(title));
            cx.emit(cx.page("policy_list.html", meta, ctx));
        }
    }
    policy_page::render_all(cx);
    cx.emit(open_data(cx));
}

fn directory_links(prefix: &str) -> Vec<(String, String)> {
    DIRECTORIES
        .iter()
        .map(|(_, f, t)| (t.to_string(), format!("{prefix}policy/{f}.html")))
        .collect()
}

fn meta(cx: &RenderCx, url: &str, title: String, prefix: &str, name: &str, leaf: Option<&str>) -> PageMeta {
    let mut crumbs = Vec::new();
    if !prefix.is_empty() {
        crumbs.push(Crumb {
            name: name.to_string(),
            url: format!("{prefix}index.html"),
        });
    }
    crumbs.push(Crumb {
        name: "政策文件".into(),
        url: format!("{prefix}policy/index.html"),
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
        description: format!("{name}的政策文件、政策解读和征求意见（{}）", cx.site.config.site.county),
        title,
        column_name: "政策文件".into(),
        column_type: "信息公开目录".into(),
        crumbs,
        ..Default::default()
    }
}

fn library(cx: &RenderCx, scope: Option<usize>, prefix: &str, name: &str, docs: &[usize], calls: &[usize]) -> Output {
    let lib = &cx.site.policy;
    let mut rows: Vec<DocRow> = docs.iter().map(|&i| row(lib, i)).collect();
    rows.sort_by(|a, b| b.published.cmp(&a.published).then(a.docno.cmp(&b.docno)));
    let mut years: Vec<i16> = rows.iter().map(|r| r.year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let mut issuers: Vec<String> = rows.iter().map(|r| r.issuer.clone()).collect();
    issuers.sort();
    issuers.dedup();
    let today = cx.site.today;
    let call_rows: Vec<CallRow> = calls
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
                period: format!(
                    "{} 至 {}",
                    crate::dates::format_date(k.start),
                    crate::dates::format_date(k.end)
                ),
                state: policy_page::call_state(k, today, !feedback.is_empty()),
                feedback,
            }
        })
        .collect();
    let interps: Vec<(String, String, String)> = (0..lib.interpretations.len())
        .filter(|&j| lib.interpretations[j].township == scope)
        .map(|j| {
            let x = &lib.interpretations[j];
            (
                x.title.clone(),
                x.url.clone(),
                crate::dates::format_date(x.published.value),
            )
        })
        .collect();
    let townships: Vec<(String, String)> = match scope {
        Some(_) => Vec::new(),
        None => cx
            .site
            .config
            .townships
            .iter()
            .enumerate()
            .filter(|(t, _)| {
                lib.documents.iter().any(|d| d.township == Some(*t))
                    || lib.consultations.iter().any(|d| d.township == Some(*t))
            })
            .map(|(_, t)| (t.name.clone(), format!("{}/policy/index.html", t.slug)))
            .collect(),
    };
    let url = format!("{prefix}policy/index.html");
    let mut ctx = tera::Context::new();
    ctx.insert("docs", &rows);
    ctx.insert("directories", &directory_links(prefix));
    ctx.insert("scope_name", name);
    ctx.insert("filters", &true);
    ctx.insert("library_url", &url);
    ctx.insert("years", &years);
    ctx.insert("issuers", &issuers);
    ctx.insert("categories", &crate::policy::Category::ALL.map(|c| c.zh()));
    ctx.insert("calls", &call_rows);
    ctx.insert("interpretations", &interps);
    ctx.insert("townships", &townships);
    let meta = meta(cx, &url, format!("{name}政策文件库"), prefix, name, None);
    cx.page("policy_list.html", meta, ctx)
}

#[derive(Serialize)]
struct OpenDoc {
    docno: String,
    title: String,
    issuer: String,
    township: String,
    category: &'static str,
    written: String,
    published: String,
    effective: String,
    expires: String,
    status: &'static str,
    status_since: String,
    /// The three directories' own name for it: 现行有效, 已废止 or 已失效.
    directory: &'static str,
    url: String,
    interpretations: Vec<String>,
}

/// `data/policy.json`: every document with its derived status on the build date.
fn open_data(cx: &RenderCx) -> Output {
    let lib = &cx.site.policy;
    let towns = &cx.site.config.townships;
    let docs: Vec<OpenDoc> = lib
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| OpenDoc {
            docno: d.docno.value.to_string(),
            title: d.title.clone(),
            issuer: d.issuer.clone(),
            township: d.township.map(|t| towns[t].name.clone()).unwrap_or_default(),
            category: d.category.zh(),
            written: crate::dates::format_date(d.written.value),
            published: crate::dates::format_date(d.published.value),
            effective: d
                .effective
                .as_ref()
                .map(|e| crate::dates::format_date(e.value))
                .unwrap_or_default(),
            expires: d.expires.map(crate::dates::format_date).unwrap_or_default(),
            status: lib.status[i].status.zh(),
            status_since: lib.status[i].since.map(crate::dates::format_date).unwrap_or_default(),
            directory: lib.status[i].status.directory().zh(),
            url: d.url.clone(),
            interpretations: lib
                .interpretations_of(i)
                .into_iter()
                .map(|j| lib.interpretations[j].url.clone())
                .collect(),
        })
        .collect();
    let body = serde_json::json!({
        "date": crate::dates::format_date(cx.site.today),
        "documents": docs,
    });
    Output {
        path: "data/policy.json".into(),
        content: Content::Bytes(serde_json::to_vec_pretty(&body).unwrap_or_default()),
    }
}
