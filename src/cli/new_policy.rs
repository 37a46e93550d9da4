//! `gongkai new 政策文件|政策解读|征求意见|意见反馈`: a policy page source with every key of
//! its kind, each with a Chinese comment saying what to write. What only the clerk knows (the
//! 文号, the 解读人…) is left as `""`: `gongkai check` then names each such line until it is
//! filled in, so a template can never be published half-done.

use super::new::{say, write_new};
use crate::config::Config;
use crate::diag::Lang;
use crate::load::Kind;
use crate::util::out::outln;
use jiff::civil::Date;
use std::path::{Path, PathBuf};

/// The file of `kind` for `town` (`None`: the county), titled `title`, dated `today`.
pub fn run(root: &Path, config: &Config, kind: Kind, a: &super::new::NewArgs, today: Date, lang: Lang) -> i32 {
    let town = match &a.township {
        None => None,
        Some(t) => match config
            .townships
            .iter()
            .find(|x| x.name == *t || x.slug == *t || x.code == *t)
        {
            Some(x) => Some(x),
            None => {
                let names: Vec<&str> = config.townships.iter().map(|t| t.name.as_str()).collect();
                say(
                    lang,
                    format!("没有乡镇“{t}”。乡镇写：{}；县级文件不写 --township。", names.join("、")),
                    format!(
                        "no township `{t}`: one of {}; a county document has no --township.",
                        names.join(", ")
                    ),
                );
                return super::USAGE;
            }
        },
    };
    let who = town.map_or(config.site.county.as_str(), |t| t.name.as_str());
    let title = a
        .title
        .clone()
        .unwrap_or_else(|| format!("{who}{}（请改为正式标题）", kind.name_zh()));
    let text = template(kind, town.map(|t| t.name.as_str()), &config.site.county, &title, today);
    let dir = folder(root, town.map(|t| t.slug.as_str()), kind);
    let file: String = title
        .chars()
        .map(|c| if "/\\:*?\"<>|".contains(c) { '_' } else { c })
        .collect();
    let path = dir.join(format!("{file}.md"));
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
        "已新建，请按每行上方的说明填写引号中留空的项，然后运行 gongkai check。".into(),
        "created; fill in each empty \"\" value as its comment says, then run gongkai check.".into(),
    );
    super::SUCCESS
}

/// `content/[乡镇/]zhengce/{wenjian,jiedu,zhengqiu}`: a 反馈 lives beside its call, so that
/// `征求意见:` is just the call's file name.
fn folder(root: &Path, town: Option<&str>, kind: Kind) -> PathBuf {
    let mut p = root.join("content");
    if let Some(t) = town {
        p.push(t);
    }
    p.push("zhengce");
    p.push(match kind {
        Kind::Document => "wenjian",
        Kind::Interpretation => "jiedu",
        _ => "zhengqiu",
    });
    p
}

fn template(kind: Kind, town: Option<&str>, county: &str, title: &str, today: Date) -> String {
    let d = crate::dates::format_date(today);
    let mut t = format!("---\n种类: {}\n标题: {title}\n", kind.name_zh());
    match town {
        Some(n) => t.push_str(&format!(
            "# 乡镇：本乡镇的文件写乡镇名称；县级文件删除这一行\n乡镇: {n}\n"
        )),
        None => t.push_str("# 县级文件不写 乡镇；乡镇的文件加一行 乡镇: 乡镇名称\n"),
    }
    match kind {
        Kind::Document => {
            let issuer = town.map_or_else(|| format!("{county}人民政府办公室"), |n| format!("{n}人民政府"));
            t.push_str(&format!(
                "# 文号：机关代字〔年份〕序号号，年份用六角括号〔〕，如 示政规〔{y}〕3号\n\
                 文号: \"\"\n\
                 # 发文机关：文件落款的机关全称\n\
                 发文机关: {issuer}\n\
                 # 成文日期：文件落款（签发）的日期\n\
                 成文日期: {d}\n\
                 # 发布日期：在本网站公开的日期\n\
                 发布日期: {d}\n\
                 # 施行日期：文件“自…起施行”的日期；留空则自发布之日起施行\n\
                 施行日期: \"\"\n\
                 # 类别：规章、行政规范性文件 或 其他政策文件；规章和行政规范性文件须在3个工作日内发布解读\n\
                 类别: 行政规范性文件\n\
                 # 有效期：如“5年”“2年（试行）”，或“长期”；也可以改写为 有效期至: 日期\n\
                 有效期: 5年\n\
                 # 废止、修改：本文件废止或修改的旧文件的文号，多个用顿号隔开；没有就留空\n\
                 废止: \"\"\n\
                 修改: \"\"\n\
                 # 状态（现行有效、已修改、已废止、已失效）由施行日期、有效期和废止关系自动得出，不要手写；\n\
                 # 另有决定需要手工调整时，才加 状态、状态理由、状态日期 三行（见 docs/policy.md）\n\
                 ---\n\n\
                 （在此粘贴文件正文。）\n",
                y = today.year()
            ));
        }
        Kind::Interpretation => t.push_str(&format!(
            "# 关联文件：被解读文件的文号（如 示政规〔{y}〕3号），或该文件的路径\n\
             关联文件: \"\"\n\
             # 解读机关：负责解读的单位（一般是文件起草单位）\n\
             解读机关: \"\"\n\
             # 解读人：姓名和职务，如 王明（县民政局副局长）\n\
             解读人: \"\"\n\
             # 联系方式：办公电话，供群众咨询；不写个人手机\n\
             联系方式: \"\"\n\
             # 解读形式：文字、图解、问答、视频 等\n\
             解读形式: 文字\n\
             # 发布日期：与文件同步发布，最迟在文件公开后3个工作日内\n\
             发布日期: {d}\n\
             ---\n\n\
             ## 一、制定背景\n\n（在此填写。）\n\n\
             ## 二、主要内容\n\n（在此填写。）\n\n\
             ## 三、与原政策相比的变化\n\n（在此填写；新制定的文件可删除本节。）\n",
            y = today.year()
        )),
        Kind::Consultation => {
            let end = today
                .checked_add(jiff::Span::new().days(30))
                .map_or_else(|_| "结束日期".into(), crate::dates::format_date);
            t.push_str(&format!(
                "# 类型：重大行政决策、规范性文件、规章 或 其他；重大行政决策和规章不少于30日，规范性文件不少于7个工作日\n\
                 类型: 重大行政决策\n\
                 # 起止日期：开始 至 结束，首日不计\n\
                 起止日期: {d} 至 {end}\n\
                 # 涉企：与企业切身利益密切相关的写“是”（规范性文件也要不少于30日）\n\
                 涉企: 否\n\
                 # 意见提交方式：电子邮箱、通信地址或当面提交的地点\n\
                 意见提交方式: \"\"\n\
                 # 联系方式：办公电话\n\
                 联系方式: \"\"\n\
                 # 缩短理由：确需短于规定期限的，写明理由；否则留空\n\
                 缩短理由: \"\"\n\
                 # 关联文件：草案定稿印发后，可写正式文件的文号；现在留空\n\
                 关联文件: \"\"\n\
                 发布日期: {d}\n\
                 ---\n\n\
                 （在此写征求意见的说明，附征求意见稿全文或附件。）\n"
            ));
        }
        _ => t.push_str(&format!(
            "# 征求意见：对应征求意见的文件名（在同一文件夹时），或以 content/ 开头的路径\n\
             征求意见: \"\"\n\
             # 发布日期：征求意见结束后及时公布\n\
             发布日期: {d}\n\
             ---\n\n\
             ## 意见收集情况\n\n（共收到意见建议多少条，来自哪些方面。）\n\n\
             ## 意见采纳情况\n\n\
             | 序号 | 意见摘要 | 采纳情况 | 理由 |\n| --- | --- | --- | --- |\n| 1 | （意见摘要） | 采纳 | |\n"
        )),
    }
    t
}
