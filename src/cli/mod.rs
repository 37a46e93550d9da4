//! The command line (SPEC 4). Each command is a small module that calls the pipeline and
//! prints; exit status 0 success, 1 the site has errors, 2 usage or I/O error.

mod annual;
mod board;
mod book;
mod build;
mod catalog;
mod catalog_import;
mod explain;
mod init;
mod layout;
mod mask;
mod new;
mod new_policy;
mod pack;
mod report;
mod serve;

use crate::diag::{Diagnostic, Lang, render_human, render_json};
use crate::util::out::{err, errln, outln};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

pub const SUCCESS: i32 = 0;
pub const SITE_ERRORS: i32 = 1;
pub const USAGE: i32 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "gongkai",
    version,
    about = "基层政务公开标准化规范化静态站点生成器",
    long_about = "gongkai 把乡镇的公开公告（Markdown + 信息头）按国家基层政务公开标准目录检查后，生成可离线浏览、可搜索、可打印的静态网站。\n\ngongkai checks township disclosure notices against the national standard catalogs and builds a static, searchable, printable site."
)]
pub struct Cli {
    /// 站点目录（默认：当前目录）/ site folder
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// 提示语言：zh（默认）或 en / message language
    #[arg(long, global = true, value_name = "zh|en")]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// 检查并生成网站 / check, then write the site
    Build(build::BuildArgs),
    /// 只检查，不写任何文件 / run every check, write nothing
    Check(build::CheckArgs),
    /// 为某个目录事项新建公告 / a new notice for a catalog item
    New(new::NewArgs),
    /// 新建站点 / create a new site
    Init(init::InitArgs),
    /// 查看标准目录 / show the catalogs
    Catalog(catalog::CatalogArgs),
    /// 生成名单的公开版本：只留目录允许的列，号码遮蔽 / the publishable version of a name list
    Mask(mask::MaskArgs),
    /// 本机预览：修改后自动更新并刷新浏览器 / live preview on 127.0.0.1
    Serve(serve::ServeArgs),
    /// 生成某村公示栏的打印文件 / printable bundle of a village's notice board
    Board(board::BoardArgs),
    /// 办事一本通：每本书生成一个可送印的 PDF（目录带页码）/ the 办事一本通 as printable PDFs
    Book(book::BookArgs),
    /// 打包为离线网站（U 盘、查阅机、上传）；校验拷贝；比较两次打包 / offline bundle, verify, diff
    Pack(pack::PackArgs),
    /// 测评自查报告：覆盖、及时、更新、公示期、整改清单 / assessment report (coverage, timeliness, rectification)
    Report(report::ReportArgs),
    /// 政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）/ the annual disclosure report
    Annual(annual::AnnualArgs),
    /// 解释某个检查代码 / explain a diagnostic code
    Explain(explain::ExplainArgs),
}

#[derive(Clone, Copy, Debug, Default, ValueEnum)]
pub enum Format {
    #[default]
    Human,
    Json,
}

/// Run the command line; returns the exit status.
pub fn run(cli: Cli) -> i32 {
    let lang = match cli.lang.as_deref() {
        None => Lang::detect(None),
        Some(v) => match Lang::from_flag(v) {
            Some(l) => l,
            None => {
                // Said in the language `LANG` gives (Chinese by default), as the flag is void.
                let values = Lang::FLAG_VALUES.join(", ");
                errln!(
                    "{}",
                    match Lang::detect(None) {
                        Lang::Zh => format!("--lang 的值“{v}”不可用。可用的值：{values}（zh 中文，默认；en 英文）。"),
                        Lang::En => format!(
                            "--lang `{v}` is not a language gongkai speaks. Accepted values: {values} (zh Chinese, the default; en English)."
                        ),
                    }
                );
                return USAGE;
            }
        },
    };
    let root = cli.root.clone().unwrap_or_else(|| PathBuf::from("."));
    match cli.command {
        Command::Build(a) => build::build(&root, a, lang),
        Command::Check(a) => build::check(&root, a, lang),
        Command::New(a) => new::run(&root, a, lang),
        Command::Init(a) => init::run(a, lang),
        Command::Catalog(a) => catalog::run(&root, a, lang),
        Command::Board(a) => board::run(&root, a, lang),
        Command::Book(a) => book::run(&root, a, lang),
        Command::Pack(a) => pack::run(&root, a, lang),
        Command::Mask(a) => mask::run(&root, a, lang),
        Command::Serve(a) => serve::run(&root, a, lang),
        Command::Report(a) => report::run(&root, a, lang),
        Command::Annual(a) => annual::run(&root, a, lang),
        Command::Explain(a) => explain::run(a, lang),
    }
}

/// Print diagnostics to stderr (human) or stdout (json).
pub fn report(diags: Vec<Diagnostic>, format: Format, lang: Lang) {
    match format {
        Format::Human => {
            if !diags.is_empty() {
                err!("{}", render_human(&diags, lang));
            }
        }
        Format::Json => outln!("{}", render_json(&diags, lang)),
    }
}

/// `--date` or today's date in China.
pub fn today(flag: Option<&str>, lang: Lang) -> Result<jiff::civil::Date, i32> {
    match flag {
        Some(s) => crate::dates::parse_date(s).map_err(|_| {
            errln!(
                "{}",
                match lang {
                    Lang::Zh => format!("--date 的值“{s}”不是有效日期，请写成 2026-09-25。"),
                    Lang::En => format!("--date `{s}` is not a valid date; write 2026-09-25."),
                }
            );
            USAGE
        }),
        None => {
            // China has one time zone; a fixed +08:00 needs no tz database on the clerk's PC.
            let tz = jiff::tz::TimeZone::fixed(jiff::tz::offset(8));
            Ok(jiff::Timestamp::now().to_zoned_datetime(tz).date())
        }
    }
}

/// Whether a run's diagnostics make it a usage/I/O failure rather than a site error.
fn exit_for(diags: &[Diagnostic]) -> i32 {
    use crate::diag::{Code, Severity};
    let errors: Vec<&Diagnostic> = diags.iter().filter(|d| d.severity == Severity::Error).collect();
    if errors.is_empty() {
        SUCCESS
    } else if errors.iter().all(|d| d.code == Code::Io) {
        USAGE
    } else {
        SITE_ERRORS
    }
}

/// The language for a command line clap could not read: `--lang` as far as it can be seen
/// in the raw arguments, else `LANG` (Chinese by default).
fn raw_lang(args: &[String]) -> Lang {
    let flag = args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--lang=")
            .map(str::to_string)
            .or_else(|| (a == "--lang").then(|| args.get(i + 1).cloned().unwrap_or_default()))
    });
    flag.as_deref()
        .and_then(Lang::from_flag)
        .unwrap_or_else(|| Lang::detect(None))
}

/// Report an error of clap's (a mistyped command, a missing or unknown argument, a bad
/// value) in the clerk's language, and return the exit status: 2, or 0 for `--help` and
/// `--version`, which clap prints as they are (the help is already in both languages).
pub fn clap_error(e: &clap::Error) -> i32 {
    use clap::error::{ContextKind, ErrorKind};
    let args: Vec<String> = std::env::args().collect();
    let status = if e.use_stderr() { USAGE } else { SUCCESS };
    // `gongkai` alone prints the (bilingual) help, as `--help` does.
    if !e.use_stderr() || e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand || raw_lang(&args) == Lang::En
    {
        let _ = e.print();
        return status;
    }
    let ctx = |k: ContextKind| e.get(k).map(|v| v.to_string()).unwrap_or_default();
    let suggestion = |k: ContextKind| e.get(k).map(|v| format!("\n是不是要写“{v}”？")).unwrap_or_default();
    let msg = match e.kind() {
        ErrorKind::InvalidSubcommand => format!(
            "没有命令“{}”。{}",
            ctx(ContextKind::InvalidSubcommand),
            suggestion(ContextKind::SuggestedSubcommand)
        ),
        ErrorKind::MissingRequiredArgument => {
            format!("缺少必填的参数：{}", ctx(ContextKind::InvalidArg).replace(',', "、"))
        }
        ErrorKind::MissingSubcommand => "缺少命令，例如 gongkai build、gongkai check。".to_string(),
        ErrorKind::UnknownArgument => format!(
            "不认识的参数“{}”。{}",
            ctx(ContextKind::InvalidArg),
            suggestion(ContextKind::SuggestedArg)
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let valid = ctx(ContextKind::ValidValue);
            format!(
                "{} 的值“{}”不可用。{}",
                ctx(ContextKind::InvalidArg),
                ctx(ContextKind::InvalidValue),
                if valid.is_empty() {
                    String::new()
                } else {
                    format!("可用的值：{valid}。")
                }
            )
        }
        ErrorKind::ArgumentConflict => format!(
            "参数 {} 不能与 {} 同时使用。",
            ctx(ContextKind::InvalidArg),
            ctx(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues => {
            format!("参数“{}”的值太多。", ctx(ContextKind::InvalidArg))
        }
        _ => format!("命令行有误：{}", e.kind()),
    };
    let usage = ctx(ContextKind::Usage);
    let usage = usage.trim().strip_prefix("Usage:").unwrap_or(usage.trim()).trim();
    errln!("错误：{}", msg.trim_end());
    if !usage.is_empty() {
        errln!("\n用法：{usage}");
    }
    errln!("\n运行 gongkai --help（或 gongkai 命令 --help）查看说明；加 --lang en 显示英文。");
    status
}
