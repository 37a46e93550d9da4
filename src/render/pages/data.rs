//! The notices as open data: `data/notices.json` and `data/notices.csv` (metadata only: the
//! bodies and lists of people stay on their pages).

use crate::render::{Content, Output, RenderCx};
use serde::Serialize;

#[derive(Serialize)]
struct Row<'a> {
    title: &'a str,
    township: &'a str,
    township_code: &'a str,
    village: &'a str,
    domain: &'a str,
    item_id: &'a str,
    item: &'a str,
    publisher: String,
    formed: String,
    published: &'a str,
    notice_from: String,
    notice_to: String,
    url: &'a str,
}

pub fn render(cx: &RenderCx) -> Vec<Output> {
    let site = cx.site;
    let rows: Vec<Row> = cx
        .index
        .newest
        .iter()
        .map(|&i| {
            let n = &site.notices[i];
            let c = &cx.index.cards[i];
            Row {
                title: &c.title,
                township: &c.township,
                township_code: &site.config.townships[n.township].code,
                village: &c.village,
                domain: &c.domain,
                item_id: &c.item_id,
                item: &c.item_path,
                publisher: site.derived(n, &n.publisher).into_owned(),
                formed: crate::dates::format_date(n.formed),
                published: &c.published,
                notice_from: n.period.map(|p| crate::dates::format_date(p.start)).unwrap_or_default(),
                notice_to: n.period.map(|p| crate::dates::format_date(p.end)).unwrap_or_default(),
                url: &c.url,
            }
        })
        .collect();
    let json = serde_json::to_vec_pretty(&rows).unwrap_or_default();
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in &rows {
        let _ = w.serialize(r);
    }
    // A BOM so that Excel and WPS on Chinese Windows open the CSV as UTF-8.
    let mut csv_bytes = b"\xEF\xBB\xBF".to_vec();
    csv_bytes.extend(w.into_inner().unwrap_or_default());
    vec![
        Output {
            path: "data/notices.json".into(),
            content: Content::Bytes(json),
        },
        Output {
            path: "data/notices.csv".into(),
            content: Content::Bytes(csv_bytes),
        },
    ]
}
