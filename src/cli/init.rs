//! `gongkai init DIR`: a new site that builds at once with the embedded catalogs and theme.

use crate::diag::Lang;
use crate::util::out::errln;
use clap::Args;
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub struct InitArgs {
    /// 新站点的目录 / folder of the new site
    pub dir: PathBuf,
    /// 县（区）名称 / county name
    #[arg(long, default_value = "示例县")]
    pub county: String,
    /// 6 位县级区划代码 / 6-digit county code
    #[arg(long, default_value = "341099")]
    pub code: String,
    /// 同时把内置目录和主题复制出来以便修改 / also copy the built-in catalogs and theme out
    #[arg(long)]
    pub eject: bool,
    /// 示例公告的形成和发布日期（默认今天），使新站点可重现 / dates of the sample notice (default today)
    #[arg(long)]
    pub date: Option<String>,
}

pub fn run(a: InitArgs, lang: Lang) -> i32 {
    if a.code.len() != 6 || !a.code.bytes().all(|b| b.is_ascii_digit()) {
        match lang {
            Lang::Zh => errln!("--code 应为 6 位数字的县级区划代码，而不是“{}”。", a.code),
            Lang::En => errln!("--code must be a 6-digit county code, not `{}`.", a.code),
        }
        return super::USAGE;
    }
    let today = match super::today(a.date.as_deref(), lang) {
        Ok(d) => d,
        Err(code) => return code,
    };
    if a.dir.join("book.toml").exists() {
        match lang {
            Lang::Zh => errln!("{} 中已有 book.toml，不会覆盖。", a.dir.display()),
            Lang::En => errln!("{} already has a book.toml; nothing was overwritten.", a.dir.display()),
        }
        return super::USAGE;
    }
    match write_site(&a, today) {
        Ok(()) => {
            match lang {
                Lang::Zh => errln!(
                    "已在 {} 创建新站点。下一步：编辑 book.toml 中的乡镇和页脚信息，然后运行 gongkai build --root {}",
                    a.dir.display(),
                    a.dir.display()
                ),
                Lang::En => errln!(
                    "created a new site in {}. Next: edit book.toml, then gongkai build --root {}",
                    a.dir.display(),
                    a.dir.display()
                ),
            }
            super::SUCCESS
        }
        Err(e) => {
            errln!("{e}");
            super::USAGE
        }
    }
}

fn write_site(a: &InitArgs, today: jiff::civil::Date) -> std::io::Result<()> {
    let dir = &a.dir;
    let town_code = format!("{}100", a.code);
    std::fs::create_dir_all(dir.join("content").join("zhen"))?;
    std::fs::write(dir.join("book.toml"), book_toml(&a.county, &a.code, &town_code))?;
    std::fs::write(
        dir.join("content").join("zhen").join("_index.md"),
        "---\n乡镇: 城关镇\n---\n",
    )?;
    let sample = format!(
        "---\n标题: 城关镇政务公开工作联系方式\n事项: 社会救助/综合业务/监督检查\n形成日期: {d}\n发布日期: {d}\n监督电话: 0000-0000000\n---\n\n为方便群众监督，现将社会救助信访通讯地址和投诉举报电话公布如下。\n\n## 社会救助信访通讯地址\n\n{county}城关镇人民政府民政办（城关镇人民路1号）。\n\n## 社会救助投诉举报电话\n\n0000-0000000（工作日 8:30—17:30）。\n",
        d = crate::dates::format_date(today),
        county = a.county
    );
    std::fs::write(dir.join("content").join("zhen").join("社会救助监督电话.md"), sample)?;
    if a.eject {
        eject(dir)?;
    }
    Ok(())
}

fn eject(dir: &Path) -> std::io::Result<()> {
    for (name, bytes) in crate::catalog::builtin_files() {
        let p = dir.join("catalogs").join(&name);
        std::fs::create_dir_all(p.parent().unwrap_or(dir))?;
        std::fs::write(p, bytes)?;
    }
    for (name, bytes) in crate::render::theme::embedded_files() {
        let p: PathBuf = dir.join("themes").join("default").join(&name);
        std::fs::create_dir_all(p.parent().unwrap_or(dir))?;
        std::fs::write(p, bytes)?;
    }
    Ok(())
}

fn book_toml(county: &str, code: &str, town_code: &str) -> String {
    format!(
        r#"# 站点配置（键名为英文，注释为中文）。改完后运行 gongkai check 检查。

[site]
title = "{county}基层政务公开"      # 每个页面顶部显示的站点名称
county = "{county}"
code = "{code}"                    # 6 位县级区划代码
base_url = ""                      # 可选：网站正式地址，仅用于站点地图、订阅和二维码
theme = "default"
output = "public"                  # 生成的网站所在目录

[footer]                           # 政府网站每个页面底部必须显示的信息
sponsor = "{county}人民政府办公室"   # 主办单位
organizer = "{county}数据资源局"     # 承办单位
site_id = "{code}0001"             # 网站标识码
icp = "ICP备00000000号"
psb = "公网安备00000000000000号"
contact = "0000-0000000"

[[townships]]
code = "{town_code}"               # 9 位乡级区划代码
name = "城关镇"
slug = "chengguan"                 # 英文小写，用于网址
contacts = ["0000-0000000"]        # 可以出现在公告中的公务电话

  [[townships.villages]]
  code = "{town_code}201"          # 12 位村级区划代码
  name = "东村"
  slug = "dongcun"

[print]
seal = "（盖章）"
withdraw_after_days = 30           # 公示期满后多少天撤下人员名单

[rules]
late = "warning"                   # 超过公开时限：warning（警告）或 error（错误）
guide = "error"                    # 办事指南缺要素、收费或时限含糊、电话无区号：新站点从一开始就按错误检查
"#
    )
}
