//! The page of each 政策文件, 政策解读, 征求意见 and 意见反馈. A document's page shows its
//! status with the day it changed and links to every 解读, call and feedback about it; each
//! of those links back, so a reader arriving at either end finds the other.

use super::policy::status_key;
use crate::dates::{format_date, format_date_zh};
use crate::policy::{Consultation, Library, Status};
use crate::render::markdown::{BodyOptions, to_html};
use crate::render::view::{ArticleMeta, Crumb, PageMeta, root_of};
use crate::render::{Output, RenderCx};
use jiff::civil::Date;
use serde::Serialize;

#[derive(Serialize)]
struct Row {
    label: &'static str,
    value: String,
    url: Option<String>,
}

#[derive(Serialize)]
struct Link {
    title: String,
    url: String,
    note: String,
}

#[derive(Serialize)]
struct Section {
    id: &'static str,
    heading: &'static str,
    items: Vec<Link>,
    empty: &'static str,
}

#[derive(Serialize)]
struct Redhead {
    issuer: String,
    docno: String,
}

/// 状态：已废止，自 2026年1月1日 起，依据《…》（…）废止。
#[derive(Serialize)]
struct StatusView {
    key: &'static str,
    label: &'static str,
    /// `YYYY-MM-DD` for `<time datetime>`, and the same day as people read it.
    since: Option<(String, String)>,
    /// What happened on that day: 施行, 失效, 废止 or 修改.
    event: &'static str,
    /// The document that repealed or amended it.
    by: Option<Link>,
    /// Said of the status besides: why a lapse happened, a clerk's reason for an override.
    note: String,
}

/// 《标题》（文号）, the form a document is cited in.
fn cite(d: &crate::policy::Document) -> String {
    format!("《{}》（{}）", d.title, d.docno.value)
}

fn status_view(lib: &Library, i: usize) -> StatusView {
    let d = &lib.documents[i];
    let st = &lib.status[i];
    // A document in force since its publication has no `since`: its 发布日期 is the day.
    let since = match st.status {
        Status::InForce | Status::NotYet => st.since.or(Some(d.in_force_from())),
        _ => st.since,
    };
    let event = match st.status {
        _ if st.reason.is_some() => "",
        Status::NotYet | Status::InForce => "施行",
        Status::Amended => "修改",
        Status::Repealed => "废止",
        Status::Lapsed => "失效",
    };
    let note = match (&st.reason, st.status, d.expires) {
        (Some(r), _, _) => r.clone(),
        (None, Status::Lapsed, Some(e)) => format!("有效期至 {}，期满未延续", format_date_zh(e)),
        _ => String::new(),
    };
    StatusView {
        key: status_key(st.status),
        label: st.status.zh(),
        since: since.map(|s| (format_date(s), format_date_zh(s))),
        event,
        by: st.by.map(|b| {
            let b = &lib.documents[b];
            Link {
                title: cite(b),
                url: b.url.clone(),
                note: String::new(),
            }
        }),
        note,
    }
}

fn row(label: &'static str, value: impl Into<String>) -> Row {
    Row {
        label,
        value: value.into(),
        url: None,
    }
}

fn link_row(label: &'static str, value: impl Into<String>, url: &str) -> Row {
    Row {
        label,
        value: value.into(),
        url: Some(url.to_string()),
    }
}

/// Where a call stands on `today`: what the library and the call's page say of it.
pub fn call_state(c: &Consultation, today: Date, answered: bool) -> &'static str {
    if today < c.start {
        "尚未开始"
    } else if today <= c.end {
        "正在征求意见"
    } else if answered {
        "已公布采纳情况"
    } else {
        "征求结束，待公布采纳情况"
    }
}

struct Page<'a> {
    kind: &'static str,
    url: &'a str,
    title: &'a str,
    published: Date,
    source: usize,
    township: Option<usize>,
    issuer: String,
}

pub fn render_all(cx: &RenderCx) -> Vec<Output> {
    let lib = &cx.site.policy;
    let mut out = Vec::new();
    for (i, d) in lib.documents.iter().enumerate() {
        let p = Page {
            kind: "政策文件",
            url: &d.url,
            title: &d.title,
            published: d.published.value,
            source: d.source,
            township: d.township,
            issuer: d.issuer.clone(),
        };
        let (rows, status, sections) = document(lib, i);
        let head = Redhead {
            issuer: d.issuer.clone(),
            docno: d.docno.value.to_string(),
        };
        out.push(page(cx, &p, Some(head), status, rows, sections));
    }
    for j in &lib.interpretations {
        let mut rows = Vec::new();
        match j.document.map(|i| &lib.documents[i]) {
            Some(d) => rows.push(link_row("关联文件", cite(d), &d.url)),
            None => rows.push(row("关联文件", j.target.value.clone())),
        }
        let text = |v: &Option<crate::policy::At<String>>| v.as_ref().map(|x| x.value.clone()).unwrap_or_default();
        rows.push(row("解读机关", text(&j.agency)));
        rows.push(row("解读人", text(&j.person)));
        rows.push(row("联系方式", text(&j.contact)));
        rows.push(row("解读形式", j.form.clone()));
        rows.push(row("发布日期", format_date_zh(j.published.value)));
        let p = Page {
            kind: "政策解读",
            url: &j.url,
            title: &j.title,
            published: j.published.value,
            source: j.source,
            township: j.township,
            issuer: text(&j.agency),
        };
        out.push(page(cx, &p, None, None, rows, Vec::new()));
    }
    let today = cx.site.today;
    for (c, k) in lib.consultations.iter().enumerate() {
        let feedback: Vec<Link> = lib
            .feedback_of(c)
            .into_iter()
            .map(|f| Link {
                title: lib.feedback[f].title.clone(),
                url: lib.feedback[f].url.clone(),
                note: format_date_zh(lib.feedback[f].published.value),
            })
            .collect();
        let mut rows = vec![
            row("类型", k.call_type.zh()),
            row(
                "起止日期",
                format!("{} 至 {}", format_date_zh(k.start), format_date_zh(k.end)),
            ),
            row("状态", call_state(k, today, !feedback.is_empty())),
            row("意见提交方式", k.how.clone()),
            row("联系方式", k.contact.clone()),
        ];
        if let Some(r) = &k.short_reason {
            rows.push(row("期限缩短理由", r.clone()));
        }
        if let Some(d) = k.document.map(|i| &lib.documents[i]) {
            rows.push(link_row("形成文件", cite(d), &d.url));
        }
        let sections = vec![Section {
            id: "fankui",
            heading: "意见采纳情况",
            items: feedback,
            empty: "尚未公布意见采纳情况。",
        }];
        let p = Page {
            kind: "征求意见",
            url: &k.url,
            title: &k.title,
            published: k.published.value,
            source: k.source,
            township: k.township,
            issuer: String::new(),
        };
        out.push(page(cx, &p, None, None, rows, sections));
    }
    for f in &lib.feedback {
        let mut rows = Vec::new();
        if let Some(k) = f.consultation.map(|c| &lib.consultations[c]) {
            rows.push(link_row("征求意见", k.title.clone(), &k.url));
            rows.push(row(
                "起止日期",
                format!("{} 至 {}", format_date_zh(k.start), format_date_zh(k.end)),
            ));
        }
        if let Some(d) = f
            .consultation
            .and_then(|c| lib.consultations[c].document)
            .map(|i| &lib.documents[i])
        {
            rows.push(link_row("形成文件", cite(d), &d.url));
        }
        rows.push(row("发布日期", format_date_zh(f.published.value)));
        let p = Page {
            kind: "意见反馈",
            url: &f.url,
            title: &f.title,
            published: f.published.value,
            source: f.source,
            township: f.township,
            issuer: String::new(),
        };
        out.push(page(cx, &p, None, None, rows, Vec::new()));
    }
    out
}

fn document(lib: &Library, i: usize) -> (Vec<Row>, Option<StatusView>, Vec<Section>) {
    let d = &lib.documents[i];
    let st = &lib.status[i];
    let mut rows = vec![
        row("文号", d.docno.value.to_string()),
        row("发文机关", d.issuer.clone()),
        row("类别", d.category.zh()),
        row("成文日期", format_date_zh(d.written.value)),
        row("发布日期", format_date_zh(d.published.value)),
    ];
    if let Some(e) = &d.effective {
        rows.push(row("施行日期", format_date_zh(e.value)));
    }
    if let Some(e) = d.expires {
        rows.push(row("有效期至", format_date_zh(e)));
    }
    let named = |lib: &Library, list: &[crate::policy::At<String>], label: &'static str, rows: &mut Vec<Row>| {
        for t in list {
            let found = crate::policy::docno::parse(&t.value)
                .ok()
                .and_then(|(n, _)| lib.by_docno(&n))
                .map(|o| &lib.documents[o]);
            rows.push(match found {
                Some(o) => link_row(label, cite(o), &o.url),
                None => row(label, t.value.clone()),
            });
        }
    };
    named(lib, &d.repeals, "废止文件", &mut rows);
    named(lib, &d.amends, "修改文件", &mut rows);
    let by = st.by.map(|b| &lib.documents[b]);
    if let Some(b) = by {
        rows.push(link_row(
            if st.status == Status::Repealed {
                "废止依据"
            } else {
                "修改依据"
            },
            cite(b),
            &b.url,
        ));
    }
    let status = Some(status_view(lib, i));
    let interps = lib
        .interpretations_of(i)
        .into_iter()
        .map(|j| {
            let x = &lib.interpretations[j];
            Link {
                title: x.title.clone(),
                url: x.url.clone(),
                note: format!("{} · {}", x.form, format_date_zh(x.published.value)),
            }
        })
        .collect();
    let mut calls = Vec::new();
    for c in lib.consultations_of(i) {
        let k = &lib.consultations[c];
        calls.push(Link {
            title: k.title.clone(),
            url: k.url.clone(),
            note: format!("{} 至 {}", format_date_zh(k.start), format_date_zh(k.end)),
        });
        for f in lib.feedback_of(c) {
            calls.push(Link {
                title: lib.feedback[f].title.clone(),
                url: lib.feedback[f].url.clone(),
                note: format!("意见采纳情况 · {}", format_date_zh(lib.feedback[f].published.value)),
            });
        }
    }
    let sections = vec![
        Section {
            id: "jiedu",
            heading: "政策解读",
            items: interps,
            empty: "暂无政策解读。",
        },
        Section {
            id: "zhengqiu",
            heading: "征求意见和采纳情况",
            items: calls,
            empty: "",
        },
    ];
    (rows, status, sections)
}

fn page(
    cx: &RenderCx,
    p: &Page,
    redhead: Option<Redhead>,
    status: Option<StatusView>,
    rows: Vec<Row>,
    sections: Vec<Section>,
) -> Output {
    let site = cx.site;
    let src = &site.sources[p.source];
    let no_link = |_: &str| None;
    let body = to_html(
        &src.body(),
        src.facts.has_html,
        &BodyOptions {
            link: &no_link,
            withdrawn: &[],
            withdrawn_note: "",
        },
    );
    let (prefix, scope_name) = match p.township {
        Some(t) => (
            format!("{}/", site.config.townships[t].slug),
            site.config.townships[t].name.clone(),
        ),
        None => (String::new(), site.config.site.county.clone()),
    };
    let mut crumbs = Vec::new();
    if !prefix.is_empty() {
        crumbs.push(Crumb {
            name: scope_name.clone(),
            url: format!("{prefix}index.html"),
        });
    }
    crumbs.push(Crumb {
        name: "政策文件".into(),
        url: format!("{prefix}policy/index.html"),
    });
    crumbs.push(Crumb {
        name: p.title.to_string(),
        url: p.url.to_string(),
    });
    let meta = PageMeta {
        root: root_of(p.url),
        url: p.url.to_string(),
        title: p.title.to_string(),
        description: format!("{}：{}", p.kind, p.title),
        article: Some(ArticleMeta {
            title: p.title.to_string(),
            pub_date: format!("{} 00:00", format_date(p.published)),
            source: if p.issuer.is_empty() {
                scope_name.clone()
            } else {
                p.issuer.clone()
            },
        }),
        crumbs,
        ..Default::default()
    };
    let mut ctx = tera::Context::new();
    ctx.insert("kind", p.kind);
    ctx.insert("redhead", &redhead);
    ctx.insert("status", &status);
    ctx.insert("rows", &rows);
    ctx.insert("sections", &sections);
    ctx.insert("body", &body);
    cx.page("policy_page.html", meta, ctx)
}
