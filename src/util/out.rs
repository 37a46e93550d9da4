//! Printing that never panics on a closed pipe. `println!` panics when the reader has gone
//! (`gongkai catalog show 社会救助 | head -1`); these do not:
//!
//! - `outln!` / `out!` write to standard output; when the reader has closed it (BrokenPipe),
//!   nobody will read the rest, so the command stops quietly with exit status 0;
//! - `errln!` / `err!` write to standard error; if that fails the message is dropped and the
//!   command goes on, so its exit status still tells success from failure.

use std::fmt::Arguments;
use std::io::{ErrorKind, Write};

/// Write to standard output; exit 0 quietly if the reader has gone.
pub fn write_out(args: Arguments) {
    let result = {
        let mut o = std::io::stdout().lock();
        o.write_fmt(args).and_then(|()| o.flush())
    };
    if let Err(e) = result
        && e.kind() == ErrorKind::BrokenPipe
    {
        // Success: the output was wanted only as far as it was read.
        std::process::exit(0);
    }
}

/// Write to standard error; a failure drops the message.
pub fn write_err(args: Arguments) {
    let _ = std::io::stderr().lock().write_fmt(args);
}

/// `println!` that stops quietly (exit 0) when standard output is closed.
macro_rules! outln {
    () => {
        $crate::util::out::write_out(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::util::out::write_out(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `print!` that stops quietly (exit 0) when standard output is closed.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::util::out::write_out(format_args!($($arg)*))
    };
}

/// `eprintln!` that never panics.
macro_rules! errln {
    () => {
        $crate::util::out::write_err(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::util::out::write_err(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `eprint!` that never panics.
macro_rules! err {
    ($($arg:tt)*) => {
        $crate::util::out::write_err(format_args!($($arg)*))
    };
}

pub(crate) use {err, errln, out, outln};
