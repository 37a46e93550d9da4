//! gongkai: a static site generator for China's grassroots government-affairs disclosure
//! (基层政务公开标准化规范化).
//!
//! The program is a pipeline, one module per stage:
//!
//! ```text
//! config ─▶ load ─▶ resolve ─▶ validate ─▶ render ─▶ search ─▶ write
//! book.toml  decode   catalogs   SPEC 5      tera      bigram     atomic
//!            split    townships  rules       pages     shards     swap
//!            parse    dates
//! ```
//!
//! [`pipeline`] runs them in order; `main.rs` is a thin command line over it.

pub mod annual;
pub mod board;
pub mod book;
pub mod calendar;
pub mod catalog;
pub mod cli;
pub mod config;
pub mod dates;
pub mod diag;
pub mod import;
pub mod load;
pub mod pack;
pub mod pdf;
pub mod pipeline;
pub mod policy;
pub mod privacy;
pub mod render;
pub mod report;
pub mod resolve;
pub mod search;
pub mod serve;
pub mod site;
pub mod util;
pub mod validate;
pub mod write;
