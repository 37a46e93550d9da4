//! The `gongkai` command: parse the arguments, run, exit with the status SPEC 4 gives.

use clap::Parser;

fn main() {
    let cli = match gongkai::cli::Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            std::process::exit(if e.use_stderr() {
                gongkai::cli::USAGE
            } else {
                gongkai::cli::SUCCESS
            });
        }
    };
    std::process::exit(gongkai::cli::run(cli));
}
