//! `gongkai serve`: arguments only; the preview itself is `crate::serve`.

use super::today;
use crate::diag::Lang;
use clap::Args;
use std::path::Path;

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// 端口（默认 8000；被占用时自动改用后面的空闲端口；0 由系统分配）/ port
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
    /// 以此日期为“今天” / "today", as for build
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// 定时检查文件变化（网络盘、U 盘、WSL 用）/ poll for changes (network drives, USB, WSL)
    #[arg(long)]
    pub poll: bool,
    /// 启动后打开浏览器 / open the browser
    #[arg(long)]
    pub open: bool,
}

pub fn run(root: &Path, a: ServeArgs, lang: Lang) -> i32 {
    let today = match today(a.date.as_deref(), lang) {
        Ok(d) => d,
        Err(code) => return code,
    };
    crate::serve::run(crate::serve::Options {
        root: root.to_path_buf(),
        port: a.port,
        today,
        poll: a.poll,
        open: a.open,
        lang,
    })
}
