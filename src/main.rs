//! The `gongkai` command: parse the arguments, run, exit with the status SPEC 4 gives.

use clap::Parser;

fn main() {
    let cli = match gongkai::cli::Cli::try_parse() {
        Ok(c) => c,
        Err(e) => std::process::exit(gongkai::cli::clap_error(&e)),
    };
    std::process::exit(gongkai::cli::run(cli));
}
