//! The JSON form: the [`super::Report`]'s serde form, pretty-printed. Its core is SPEC 10's
//! fixed shape, read by county and provincial dashboards; docs/report.md lists every key.

pub fn render(report: &super::Report) -> String {
    let mut s = serde_json::to_string_pretty(report).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}
