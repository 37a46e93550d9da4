//! The 政府信息公开年报 column of the site: one page per unit and year with an `annual/<year>/`
//! folder, and the column's list (`annual/index.html`). The inputs are checked with the rest
//! of the site (`gongkai check` reports them; a build stops on their errors), and each page
//! leaves through the render sink, so it passes the output gate like every page; the
//! register's personal cells are looked for in it as well.

use super::{Annual, leaked, load, units};
use crate::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::render::RenderCx;
use crate::render::view::{Crumb, PageMeta, root_of};
use crate::site::Site;
use crate::tr;

pub const COLUMN: &str = "政府信息公开年报";
pub const COLUMN_TYPE: &str = "信息公开年报";
pub const INDEX: &str = "annual/index.html";

/// Every unit's report, checked; the diagnostics go to `diags`.
pub fn check_site(site: &Site, diags: &mut Diagnostics) -> Vec<Annual> {
    let mut list = Vec::new();
    let mut out = Vec::new();
    for dir in super::stray_folders(site) {
        let slugs: Vec<&str> = site.config.townships.iter().map(|t| t.slug.as_str()).collect();
        let name = dir.rsplit('/').next().unwrap_or("");
        let near = crate::util::suggest::closest(name, slugs.iter().copied())
            .map(|s| format!("是不是“{s}”？"))
            .unwrap_or_default();
        let all = slugs.join("、");
        list.push(Diagnostic::error(
            Code::AnnualData,
            &dir,
            Pos::default(),
            tr!(
                "{dir}/ 不是任何乡镇的 slug，其中的年报材料不会被读取。{near}可用：{all}",
                "{dir}/ is no township's slug; its report would be left out. Slugs: {all}"
            ),
            Code::AnnualData.fix(),
        ));
    }
    for (year, unit) in units(site) {
        if let Some(a) = load(site, year, unit, &mut list) {
            out.push(a);
        }
    }
    diags.extend(list);
    out
}

/// The column's pages for the sitemap: the list first, then one page per checked report.
pub fn sitemap_entries(site: &Site) -> Vec<String> {
    if site.annual.is_empty() {
        return Vec::new();
    }
    let mut out = vec![INDEX.to_string()];
    out.extend(site.annual.iter().map(|a| a.url.clone()));
    out
}

/// The pages of the column (nothing when the site has no `annual/` folder).
pub fn render_all(cx: &RenderCx) {
    if !cx.wants(|s| s.home) {
        return;
    }
    let reports = &cx.site.annual;
    if reports.is_empty() {
        return;
    }
    for a in reports {
        let meta = PageMeta {
            root: root_of(&a.url),
            url: a.url.clone(),
            title: a.title.clone(),
            description: a.title.clone(),
            column_name: COLUMN.into(),
            column_type: COLUMN_TYPE.into(),
            article: Some(crate::render::view::ArticleMeta {
                title: a.title.clone(),
                pub_date: format!("{} 00:00", crate::dates::format_date(a.end)),
                source: a.unit.clone(),
            }),
            crumbs: vec![
                Crumb {
                    name: COLUMN.into(),
                    url: INDEX.into(),
                },
                Crumb {
                    name: a.title.clone(),
                    url: a.url.clone(),
                },
            ],
        };
        let out = cx.page("annual.html", meta, super::render::context(a));
        if let Some(b) = out.content.bytes()
            && leaked(a, b).is_some()
        {
            // `load` refuses sections that quote the register, so this is a second lock: the
            // page is held back rather than published.
            continue;
        }
        cx.emit(out);
    }
    #[derive(serde::Serialize)]
    struct Link {
        title: String,
        url: String,
    }
    // Newest year first; within a year the county, then townships in book.toml order.
    let mut order: Vec<&Annual> = reports.iter().collect();
    order.sort_by_key(|a| -a.year);
    let links: Vec<Link> = order
        .iter()
        .map(|a| Link {
            title: a.title.clone(),
            url: a.url.clone(),
        })
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("reports", &links);
    let meta = PageMeta {
        root: root_of(INDEX),
        url: INDEX.into(),
        title: COLUMN.into(),
        description: format!("{}及各乡镇政府信息公开工作年度报告", cx.site.config.site.county),
        column_name: COLUMN.into(),
        column_type: COLUMN_TYPE.into(),
        article: None,
        crumbs: vec![Crumb {
            name: COLUMN.into(),
            url: INDEX.into(),
        }],
    };
    cx.emit(cx.page("annual_index.html", meta, ctx));
}

/// The register's personal cells in an output: an error naming the output, never the text.
pub fn leak_diagnostic(output: &str) -> Diagnostic {
    Diagnostic::error(
        Code::AnnualLeak,
        output,
        Pos::default(),
        tr!(
            "{output} 含有依申请登记表中申请人的信息（姓名、名称或联系方式），未写出",
            "{output} contains an applicant's details from the register (name or contact); it was not written"
        ),
        Code::AnnualLeak.fix(),
    )
}
