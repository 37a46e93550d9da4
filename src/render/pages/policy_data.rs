//! The policy library as open data and as search documents: outputs derived from the
//! library rather than pages of it.
//!
//! Open data follows `data.rs`: the same rows as JSON (`data/policy.json`) and as CSV with a
//! BOM (`data/policy.csv`, every document), plus one CSV per directory of 规章 and
//! 行政规范性文件 (`data/policy-xianxing.csv`, `-feizhi`, `-shixiao`), the three lists a
//! county must keep, for the whole site (the 乡镇 column tells them apart).

use super::policy::DIRECTORIES;
use crate::dates::format_date;
use crate::policy::Library;
use crate::render::{Content, Output, RenderCx};
use crate::search::SearchDoc;
use serde::Serialize;

#[derive(Serialize)]
struct Row {
    docno: String,
    title: String,
    issuer: String,
    /// Empty for a county document.
    township: String,
    category: &'static str,
    written: String,
    published: String,
    effective: String,
    expires: String,
    status: &'static str,
    status_since: String,
    /// The directory's own name for it: 现行有效, 已废止 or 已失效.
    directory: &'static str,
    url: String,
    /// The pages of its 解读, separated by spaces (a CSV cell holds no list).
    interpretations: String,
}

fn rows(cx: &RenderCx) -> Vec<(usize, Row)> {
    let lib = &cx.site.policy;
    let towns = &cx.site.config.townships;
    // In the libraries' order: by scope, then newest first.
    super::policy::scopes(cx)
        .into_iter()
        .flat_map(|s| s.docs)
        .map(|i| {
            let d = &lib.documents[i];
            let st = &lib.status[i];
            let row = Row {
                docno: d.docno.value.to_string(),
                title: d.title.clone(),
                issuer: d.issuer.clone(),
                township: d.township.map(|t| towns[t].name.clone()).unwrap_or_default(),
                category: d.category.zh(),
                written: format_date(d.written.value),
                published: format_date(d.published.value),
                effective: d.effective.as_ref().map(|e| format_date(e.value)).unwrap_or_default(),
                expires: d.expires.map(format_date).unwrap_or_default(),
                status: st.status.zh(),
                status_since: st.since.map(format_date).unwrap_or_default(),
                directory: st.status.directory().zh(),
                url: d.url.clone(),
                interpretations: lib
                    .interpretations_of(i)
                    .into_iter()
                    .map(|j| lib.interpretations[j].url.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            };
            (i, row)
        })
        .collect()
}

/// CSV as `data/notices.csv` writes it: header row, UTF-8 with a BOM so that Excel and WPS
/// on Chinese Windows open it as UTF-8.
fn csv_file(path: String, rows: &[&Row]) -> Output {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        let _ = w.serialize(r);
    }
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(w.into_inner().unwrap_or_default());
    Output {
        path,
        content: Content::Bytes(bytes),
    }
}

pub fn open_data(cx: &RenderCx) -> Vec<Output> {
    let lib = &cx.site.policy;
    let all = rows(cx);
    let refs: Vec<&Row> = all.iter().map(|(_, r)| r).collect();
    let json = serde_json::json!({
        "date": format_date(cx.site.today),
        "documents": refs,
    });
    let mut out = vec![
        Output {
            path: "data/policy.json".into(),
            content: Content::Bytes(serde_json::to_vec_pretty(&json).unwrap_or_default()),
        },
        csv_file("data/policy.csv".into(), &refs),
    ];
    for (status, file, _) in DIRECTORIES {
        let listed: Vec<&Row> = all
            .iter()
            .filter(|(i, _)| in_directory(lib, *i, status))
            .map(|(_, r)| r)
            .collect();
        out.push(csv_file(format!("data/policy-{file}.csv"), &listed));
    }
    out
}

/// Whether document `i` is on the directory of `status`: 规章 and 行政规范性文件 only.
pub fn in_directory(lib: &Library, i: usize, status: crate::policy::Status) -> bool {
    lib.documents[i].category.is_normative() && lib.status[i].status.directory() == status
}

/// Every page of the library as search sees it. A document's 文号 is part of its title, item
/// line and text, so `测政办〔2024〕3号` (or `测政办[2024]3号`, cut into the same units) finds it.
pub fn search_docs<'a>(cx: &'a RenderCx) -> Vec<SearchDoc<'a>> {
    let site = cx.site;
    let lib = &site.policy;
    let place = |t: Option<usize>| match t {
        Some(t) => site.config.townships[t].name.clone(),
        None => site.config.site.county.clone(),
    };
    let text = |source: usize, head: String| {
        let body = crate::load::body::plain_text(&site.sources[source].body());
        format!("{head}\n{body}").into()
    };
    let mut docs = Vec::new();
    for (i, d) in lib.documents.iter().enumerate() {
        let docno = d.docno.value.to_string();
        docs.push(SearchDoc {
            url: d.url.clone(),
            // Cited as 标题（文号）: the 文号 in the title ranks the document itself first
            // when someone searches for its number (title hits come first).
            title: format!("{}（{docno}）", d.title),
            township: place(d.township),
            domain: "政策文件".into(),
            item: format!("{} · {docno} · {}", d.category.zh(), lib.status[i].status.zh()),
            date: format_date(d.published.value),
            text: text(d.source, format!("{docno} {}", d.issuer)),
            ..Default::default()
        });
    }
    for j in &lib.interpretations {
        let about = j.document.map(|i| lib.documents[i].docno.value.to_string());
        docs.push(SearchDoc {
            url: j.url.clone(),
            title: j.title.clone(),
            township: place(j.township),
            domain: "政策文件".into(),
            item: format!(
                "政策解读{}",
                about.as_deref().map(|d| format!(" · {d}")).unwrap_or_default()
            ),
            date: format_date(j.published.value),
            text: text(j.source, about.unwrap_or_default()),
            ..Default::default()
        });
    }
    for k in &lib.consultations {
        docs.push(SearchDoc {
            url: k.url.clone(),
            title: k.title.clone(),
            township: place(k.township),
            domain: "政策文件".into(),
            item: format!("征求意见 · {}", k.call_type.zh()),
            date: format_date(k.published.value),
            text: text(k.source, String::new()),
            ..Default::default()
        });
    }
    for f in &lib.feedback {
        docs.push(SearchDoc {
            url: f.url.clone(),
            title: f.title.clone(),
            township: place(f.township),
            domain: "政策文件".into(),
            item: "意见反馈".into(),
            date: format_date(f.published.value),
            text: text(f.source, String::new()),
            ..Default::default()
        });
    }
    docs
}

/// (page, 发布日期) of every page of the library and its lists, for `sitemap.xml`.
pub fn sitemap_entries(cx: &RenderCx) -> Vec<(String, String)> {
    let lib = &cx.site.policy;
    if lib.is_empty() {
        return Vec::new();
    }
    let mut v: Vec<(String, String)> = Vec::new();
    for s in super::policy::scopes(cx) {
        v.push((format!("{}policy/index.html", s.prefix), format_date(cx.site.today)));
    }
    let pages = lib
        .documents
        .iter()
        .map(|d| (&d.url, d.published.value))
        .chain(lib.interpretations.iter().map(|j| (&j.url, j.published.value)))
        .chain(lib.consultations.iter().map(|k| (&k.url, k.published.value)))
        .chain(lib.feedback.iter().map(|f| (&f.url, f.published.value)));
    v.extend(pages.map(|(u, d)| (u.clone(), format_date(d))));
    v
}
