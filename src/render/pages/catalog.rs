//! The catalogs themselves, laid out as the official tables are (序号, 一级/二级事项, 公开内容,
//! 依据, 时限, 主体, 渠道 with ■/□, 对象, 方式, 层级), printable.

use crate::catalog::Domain;
use crate::render::view::{Crumb, PageMeta, root_of};
use crate::render::{Output, RenderCx};
use serde::Serialize;

/// The national channel vocabulary, in the order the official tables print it.
pub const CHANNELS: &[&str] = &[
    "政府网站",
    "政府公报",
    "两微一端",
    "发布会/听证会",
    "广播电视",
    "纸质媒体",
    "公开查阅点",
    "政务服务中心",
    "便民服务站",
    "入户/现场",
    "社区/企事业单位/村公示栏（电子屏）",
    "精准推送",
    "其他",
];

#[derive(Serialize)]
struct Row<'a> {
    seq: usize,
    item: &'a crate::catalog::Item,
    elements: String,
    limit: String,
    period: String,
    channels: Vec<bool>,
    other_channels: String,
    county: bool,
    township: bool,
    village: bool,
    all_public: bool,
    origin: String,
}

pub fn render_all(cx: &RenderCx) -> Vec<Output> {
    let mut out: Vec<Output> = cx.site.catalogs.domains.iter().map(|d| domain(cx, d)).collect();
    let list: Vec<_> = cx
        .site
        .catalogs
        .domains
        .iter()
        .map(|d| serde_json::json!({"name": d.name, "slug": d.slug, "items": d.items.len(), "ministry": d.ministry}))
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("domains", &list);
    let url = "catalogs/index.html".to_string();
    let meta = PageMeta {
        root: root_of(&url),
        title: "基层政务公开标准目录".into(),
        description: "26个试点领域基层政务公开标准目录".into(),
        column_name: "标准目录".into(),
        column_type: "信息公开目录".into(),
        crumbs: vec![Crumb {
            name: "标准目录".into(),
            url: url.clone(),
        }],
        url,
        ..Default::default()
    };
    out.push(cx.page("catalogs.html", meta, ctx));
    out
}

fn matches_channel(written: &str, canonical: &str) -> bool {
    let norm = |s: &str| s.replace(['(', ')', '（', '）', ' '], "");
    let (w, c) = (norm(written), norm(canonical));
    w == c || (c.contains("村公示栏") && w.contains("公示栏")) || (c == "两微一端" && w.contains("新媒体"))
}

fn domain(cx: &RenderCx, d: &Domain) -> Output {
    let rows: Vec<Row> = d
        .items
        .iter()
        .zip(&d.origins)
        .enumerate()
        .map(|(i, (item, origin))| {
            let channels: Vec<bool> = CHANNELS
                .iter()
                .map(|c| item.channels.iter().any(|w| matches_channel(w, c)))
                .collect();
            let other: Vec<&str> = item
                .channels
                .iter()
                .filter(|w| !CHANNELS.iter().any(|c| matches_channel(w, c)))
                .map(String::as_str)
                .collect();
            let levels = item.parsed_levels();
            Row {
                seq: i + 1,
                item,
                elements: item
                    .elements
                    .iter()
                    .map(|e| e.name.as_str())
                    .collect::<Vec<_>>()
                    .join("；"),
                limit: item.time_limit.as_ref().map(|l| l.describe()).unwrap_or_default(),
                period: item.notice_period.as_ref().map(|l| l.describe()).unwrap_or_default(),
                channels,
                other_channels: other.join("、"),
                county: levels.contains(&crate::catalog::Level::County),
                township: levels.contains(&crate::catalog::Level::Township),
                village: levels.contains(&crate::catalog::Level::Village),
                all_public: item.audience.as_deref() == Some("全社会"),
                origin: origin.describe(),
            }
        })
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("domain", &serde_json::json!({"name": d.name, "slug": d.slug, "ministry": d.ministry, "source": d.source, "provenance": d.provenance}));
    ctx.insert("rows", &rows);
    ctx.insert("channels", CHANNELS);
    let url = format!("catalogs/{}.html", d.slug);
    let meta = PageMeta {
        root: root_of(&url),
        title: format!("{}领域基层政务公开标准目录", d.name),
        description: format!("{}领域基层政务公开标准目录", d.name),
        column_name: d.name.clone(),
        column_type: "信息公开目录".into(),
        crumbs: vec![
            Crumb {
                name: "标准目录".into(),
                url: "catalogs/index.html".into(),
            },
            Crumb {
                name: d.name.clone(),
                url: url.clone(),
            },
        ],
        url,
        ..Default::default()
    };
    cx.page("catalog.html", meta, ctx)
}
