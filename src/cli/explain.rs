//! `gongkai explain CODE`.

use crate::diag::{Code, Lang, explain};
use crate::util::out::{errln, out};
use clap::Args;

#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// 检查代码，如 GK013 / a diagnostic code such as GK013
    pub code: String,
}

pub fn run(a: ExplainArgs, lang: Lang) -> i32 {
    match Code::parse(&a.code) {
        Some(code) => {
            out!("{}", explain(code, lang));
            super::SUCCESS
        }
        None => {
            let all: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
            match lang {
                Lang::Zh => errln!("没有检查代码“{}”。可用的代码：{}", a.code, all.join(" ")),
                Lang::En => errln!("no diagnostic code `{}`. Known codes: {}", a.code, all.join(" ")),
            }
            super::USAGE
        }
    }
}
