//! Template filters the theme needs and tera 2 does not ship (it has no date filter).

use tera::{Kwargs, State, Tera};

pub fn register(tera: &mut Tera) {
    // "2026-09-25" → "2026年9月25日"
    tera.register_filter("zh_date", |s: &str, _: Kwargs, _: &State| {
        crate::dates::parse_date(s)
            .map(crate::dates::format_date_zh)
            .unwrap_or_else(|_| s.to_string())
    });
}
