//! `gongkai new ITEM`: a notice pre-filled for a catalog item, with each required element as a
//! `##` heading to fill in; a 办事指南 item also gets the headings of the eleven elements every
//! guide needs (the guide rules ask for them, see `validate::guide_rules`). Never overwrites a file. With `--data LIST` the name list is
//! masked (`crate::import::mask`) into a CSV beside the notice and referenced with `数据:`.

use crate::catalog::{Catalogs, Found};
use crate::diag::{Diagnostics, Lang};
use crate::util::out::{errln, outln};
use clap::Args;
use std::path::Path;

#[derive(Args, Debug)]
pub struct NewArgs {
    /// 目录事项：“领域/一级事项/二级事项”、其唯一后缀或事项编号；或 政策文件、政策解读、征求意见、意见反馈 / the catalog item, or a policy kind
    pub item: String,
    /// 乡镇名称、slug 或代码 / township
    #[arg(long)]
    pub township: Option<String>,
    /// 村（社区） / village
    #[arg(long)]
    pub village: Option<String>,
    /// 标题 / title
    #[arg(long)]
    pub title: Option<String>,
    /// 形成日期和发布日期（默认今天）/ date (default today)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// 名单表格：遮蔽后作为公告的数据文件 / a name list, masked into the notice's data file
    #[arg(long, value_name = "LIST")]
    pub data: Option<std::path::PathBuf>,
    /// 名单的工作表名称 / the list's sheet
    #[arg(long, requires = "data")]
    pub sheet: Option<String>,
}

pub(super) fn say(lang: Lang, zh: String, en: String) {
    errln!("{}", if lang == Lang::Zh { zh } else { en });
}

pub fn run(root: &Path, a: NewArgs, lang: Lang) -> i32 {
    let mut diags = Diagnostics::new();
    let Some(config) = crate::config::load(root, &mut diags) else {
        super::report(diags.sorted(), super::Format::Human, lang);
        return super::SITE_ERRORS;
    };
    if let Some(kind) = crate::load::Kind::named(&a.item).filter(|k| k.is_policy()) {
        let today = match super::today(a.date.as_deref(), lang) {
            Ok(d) => d,
            Err(c) => return c,
        };
        return super::new_policy::run(root, &config, kind, &a, today, lang);
    }
    let cats = Catalogs::load(root, &mut diags);
    let r = match cats.index.find(&a.item) {
        Found::One(r) => r,
        Found::Ambiguous(many) => {
            let list: Vec<&str> = many.iter().map(|r| cats.index.full_path(*r)).collect();
            say(
                lang,
                format!("事项“{}”对应多个目录事项：{}", a.item, list.join("；")),
                format!("`{}` matches several items: {}", a.item, list.join("; ")),
            );
            return super::USAGE;
        }
        Found::None { suggestions } => {
            say(
                lang,
                format!(
                    "目录中没有事项“{}”。{}",
                    a.item,
                    suggestions
                        .first()
                        .map(|s| format!("是不是“{s}”？"))
                        .unwrap_or_default()
                ),
                format!(
                    "no catalog item `{}`. {}",
                    a.item,
                    suggestions
                        .first()
                        .map(|s| format!("Did you mean `{s}`?"))
                        .unwrap_or_default()
                ),
            );
            return super::USAGE;
        }
    };
    let town = match &a.township {
        Some(t) => config
            .townships
            .iter()
            .find(|x| x.name == *t || x.slug == *t || x.code == *t),
        None if config.townships.len() == 1 => config.townships.first(),
        None => None,
    };
    let Some(town) = town else {
        let names: Vec<&str> = config.townships.iter().map(|t| t.name.as_str()).collect();
        say(
            lang,
            format!("请用 --township 指定乡镇：{}", names.join("、")),
            format!("pass --township, one of: {}", names.join(", ")),
        );
        return super::USAGE;
    };
    let village = match &a.village {
        Some(v) => match town
            .villages
            .iter()
            .find(|x| x.name == *v || x.slug == *v || x.code == *v)
        {
            Some(x) => Some(x),
            None => {
                say(
                    lang,
                    format!("{}下没有村（社区）“{v}”。", town.name),
                    format!("no village `{v}` under {}.", town.name),
                );
                return super::USAGE;
            }
        },
        None => None,
    };
    let today = match super::today(a.date.as_deref(), lang) {
        Ok(d) => d,
        Err(c) => return c,
    };
    let item = cats.item(r);
    let domain = cats.domain(r);
    let title = a.title.clone().unwrap_or_else(|| {
        // `办事指南` alone names no service: a guide is titled by what it guides through.
        let what = if matches!(item.level2.as_str(), "办事指南" | "服务指南") {
            format!("{}{}", item.level1, item.level2)
        } else {
            item.level2.clone()
        };
        format!("{}{}{what}", town.name, village.map_or("", |v| v.name.as_str()))
    });
    let dir = super::layout::notice_dir(root, &cats, domain, town, village);
    let file_name: String = title
        .chars()
        .map(|c| if "/\\:*?\"<>|".contains(c) { '_' } else { c })
        .collect();
    let data_name = format!("{file_name}.csv");
    let text = notice_text(
        &cats,
        r,
        town,
        village.map(|v| v.name.as_str()),
        &title,
        today,
        a.data.as_ref().map(|_| data_name.as_str()),
    );
    let path = dir.join(format!("{file_name}.md"));
    if let Some(list) = &a.data {
        let req = super::mask::NoticeWithData {
            list,
            sheet: a.sheet.as_deref(),
            notice: path,
            text,
            data: dir.join(&data_name),
        };
        return super::mask::new_with_data(root, item, req, today, lang);
    }
    if path.exists() {
        say(
            lang,
            format!("{} 已存在，不会覆盖。请换一个标题。", path.display()),
            format!("{} exists; nothing was overwritten.", path.display()),
        );
        return super::USAGE;
    }
    if let Err(e) = std::fs::create_dir_all(&dir).and_then(|()| write_new(&path, &text)) {
        say(
            lang,
            format!("无法写入 {}：{e}", path.display()),
            format!("cannot write {}: {e}", path.display()),
        );
        return super::USAGE;
    }
    outln!("{}", path.display());
    say(
        lang,
        "已新建公告，请填写各“##”标题下的内容，然后运行 gongkai check。".into(),
        "created; fill in each ## section, then run gongkai check.".into(),
    );
    super::SUCCESS
}

/// Create the file, failing if it appeared in the meantime.
pub(super) fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(path)?;
    f.write_all(text.as_bytes())
}

fn notice_text(
    cats: &Catalogs,
    r: crate::catalog::ItemRef,
    town: &crate::config::Township,
    village: Option<&str>,
    title: &str,
    today: jiff::civil::Date,
    data: Option<&str>,
) -> String {
    let item = cats.item(r);
    let contact = town.contacts.first().map(String::as_str);
    let town = &town.name;
    let d = crate::dates::format_date(today);
    let mut fm = format!(
        "---\n标题: {title}\n事项: {}/{}\n乡镇: {town}\n",
        cats.domain(r).name,
        item.path()
    );
    if let Some(v) = village {
        fm.push_str(&format!("村: {v}\n"));
    }
    fm.push_str(&format!("形成日期: {d}\n发布日期: {d}\n"));
    if let Some(p) = &item.notice_period {
        let days = p.days.unwrap_or(7);
        let cal = crate::calendar::Calendar::builtin();
        let end = if p.working {
            cal.add_working_days(today, days).ok()
        } else {
            today.checked_add(jiff::Span::new().days(i64::from(days))).ok()
        };
        let end = end.map(crate::dates::format_date).unwrap_or_else(|| "结束日期".into());
        fm.push_str(&format!("公示期: {d} 至 {end}\n"));
    }
    if let Some(d) = data {
        fm.push_str(&format!("数据: {d}\n"));
    }
    fm.push_str("监督电话: \"\"\n---\n\n");
    fm.push_str("（在此写公告导语。）\n");
    if crate::book::is_guide_item(cats, r) {
        guide_body(&mut fm, item, contact);
        return fm;
    }
    for e in item.elements.iter().filter(|e| e.required) {
        fm.push_str(&format!("\n## {}\n\n", e.name));
        if e.people && data.is_some() {
            fm.push_str("名单见下表（由 gongkai mask 按目录允许的列生成，号码已遮蔽）。\n");
        } else if e.people {
            let cols = if e.columns.is_empty() {
                vec![
                    "序号".to_string(),
                    "户主姓名".into(),
                    "所在村组".into(),
                    "金额（元）".into(),
                ]
            } else {
                e.columns.clone()
            };
            fm.push_str(&format!("| {} |\n|{}\n", cols.join(" | "), " --- |".repeat(cols.len())));
        } else {
            fm.push_str(&format!("（在此填写{}。）\n", e.name));
        }
    }
    fm
}

/// A guide's body: the catalog row's headings and the eleven elements of a guide
/// (`book::guide::template_headings`), each with a note saying what to write, which the
/// template rules catch until it is replaced; 申请材料 as the table a guide gives.
fn guide_body(out: &mut String, item: &crate::catalog::Item, contact: Option<&str>) {
    use crate::book::guide::{Element, covers, template_headings};
    let required: Vec<String> = item
        .elements
        .iter()
        .filter(|e| e.required)
        .map(|e| e.name.clone())
        .collect();
    let phone = contact.unwrap_or("0556-1234567");
    for h in template_headings(&required) {
        out.push_str(&format!("\n## {h}\n\n"));
        let of: Vec<Element> = covers(&h).iter().map(|c| c.element).collect();
        let note = match of.as_slice() {
            [] => format!("（在此填写{h}。）\n"),
            [Element::Name] => "（在此填写办理事项的正式名称。）\n".into(),
            [Element::Basis] => "（在此填写设定依据：法律、法规、规章和规范性文件的名称及文号。）\n".into(),
            [Element::Conditions] => "（在此填写申请条件：谁可以申请、要符合哪些条件。）\n".into(),
            [Element::Materials] => "| 材料名称 | 原件/复印件 | 份数 | 备注 |\n| --- | --- | --- | --- |\n| （在此填写材料名称，每种材料一行） | 原件 | 1 |  |\n".into(),
            [Element::Steps] => "（在此填写办理流程，按顺序编号：1. 申请 2. 受理 3. 审核 4. 办结。）\n".into(),
            [Element::TimeLimit] => "（在此填写办理时限：即办件写“即办”，承诺件写“自受理之日起 N 个工作日办结”。）\n".into(),
            [Element::Fee] => "（在此填写收费标准：不收费的写“不收费”，收费的写金额和收费依据。）\n".into(),
            [Element::Place] => "（在此填写办理地点：窗口的详细地址。）\n".into(),
            [Element::Hours] => "（在此填写办理时间，例如 周一至周五 8:30—12:00、14:30—17:30，法定节假日除外。）\n".into(),
            [Element::Place, Element::Hours] => "（在此填写办理时间和窗口的详细地址。）\n".into(),
            [Element::Enquiry] => format!("（在此填写咨询电话：区号-号码，例如 {phone}。）\n"),
            [Element::Complaint] => format!("（在此填写监督投诉电话：区号-号码，例如 {phone}。）\n"),
            _ if of.iter().all(|e| e.is_phone()) => format!(
                "咨询电话：（在此填写咨询电话，例如 {phone}。）\n\n监督投诉电话：（在此填写监督投诉电话，例如 {phone}。）\n"
            ),
            _ => format!("（在此填写{h}。）\n"),
        };
        out.push_str(&note);
    }
}
