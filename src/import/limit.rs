//! 公开时限 cells read into `time_limit` and `notice_period` (docs/catalog-format.md).
//!
//! The cell is kept verbatim as `text`; the numbers are read from it: `20个工作日内` is 20
//! working days, `7日内` / `7天` 7 calendar days, Chinese numerals (`二十个工作日`) too. A
//! clause in which 公示 comes before its number (`公示7天`, `公示期为5个工作日`) is the 公示期;
//! a number before 公示 (`审核后3个工作日内公示`) is the time limit. A cell with no number
//! (实时公开, 长期公开) gives a limit with only `text`, as the format says; nothing is invented.

use crate::catalog::Limit;

/// What a 公开时限 cell says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    pub time_limit: Option<Limit>,
    pub notice_period: Option<Limit>,
}

pub fn parse(cell: &str) -> Parsed {
    let text = cell.split_whitespace().collect::<Vec<_>>().join("");
    if text.is_empty() {
        return Parsed::default();
    }
    let folded = fold_digits(&text);
    let mut out = Parsed::default();
    let mut limit_found = false;
    for clause in folded.split(['，', ',', '；', ';', '。']) {
        for (at, days, working) in numbers(clause) {
            let period = clause.find("公示").is_some_and(|p| p < at);
            if period && out.notice_period.is_none() {
                out.notice_period = Some(Limit {
                    days: Some(days),
                    working,
                    text: Some(clause.to_string()),
                });
            } else if !period && !limit_found {
                limit_found = true;
                out.time_limit = Some(Limit {
                    days: Some(days),
                    working,
                    text: Some(text.clone()),
                });
            }
        }
    }
    if !limit_found && out.notice_period.is_none() {
        out.time_limit = Some(Limit {
            days: None,
            working: true,
            text: Some(text),
        });
    }
    out
}

/// `(byte offset, days, working)` of each `N个工作日` / `N日` / `N天` in a clause.
fn numbers(clause: &str) -> Vec<(usize, u32, bool)> {
    let mut found = Vec::new();
    let bytes = clause.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let n: u32 = clause[start..i].parse().unwrap_or(0);
            let rest = clause[i..].strip_prefix('个').unwrap_or(&clause[i..]);
            let unit = if rest.starts_with("工作日") {
                Some(true)
            } else if rest.starts_with("自然日") || rest.starts_with('日') || rest.starts_with('天') {
                Some(false)
            } else {
                None
            };
            if let Some(working) = unit
                && n > 0
            {
                found.push((start, n, working));
            }
        } else {
            i += 1;
        }
    }
    found
}

/// Full-width digits and Chinese numerals (up to 九十九) as ASCII digits.
fn fold_digits(s: &str) -> String {
    let digit = |c: char| "零一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32);
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if ('０'..='９').contains(&c) {
            out.push(char::from_u32(c as u32 - 0xFEE0).unwrap_or(c));
            i += 1;
            continue;
        }
        if digit(c).is_some() || c == '十' {
            let mut j = i;
            while j < chars.len() && (digit(chars[j]).is_some() || chars[j] == '十') {
                j += 1;
            }
            // Only a numeral before a unit is a number: 一级事项 stays as written.
            let after: String = chars[j..].iter().take(3).collect();
            if let Some(n) = chinese_number(&chars[i..j]).filter(|_| {
                after.starts_with('个')
                    || after.starts_with('日')
                    || after.starts_with('天')
                    || after.starts_with("工作")
            }) {
                out.push_str(&n.to_string());
            } else {
                out.extend(&chars[i..j]);
            }
            i = j;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

fn chinese_number(cs: &[char]) -> Option<u32> {
    let digit = |c: &char| "零一二三四五六七八九".chars().position(|d| d == *c).map(|p| p as u32);
    match cs {
        ['十'] => Some(10),
        [d] => digit(d),
        ['十', u] => Some(10 + digit(u)?),
        [t, '十'] => Some(digit(t)? * 10),
        [t, '十', u] => Some(digit(t)? * 10 + digit(u)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lim(days: u32, working: bool) -> Option<(u32, bool)> {
        Some((days, working))
    }

    fn short(l: &Option<Limit>) -> Option<(u32, bool)> {
        l.as_ref().and_then(|l| l.days.map(|d| (d, l.working)))
    }

    #[test]
    fn working_and_calendar_days() {
        let p = parse("自信息形成或者变更之日起20个工作日内");
        assert_eq!(short(&p.time_limit), lim(20, true));
        assert_eq!(
            p.time_limit.unwrap().text.as_deref(),
            Some("自信息形成或者变更之日起20个工作日内")
        );
        assert_eq!(short(&parse("7日内").time_limit), lim(7, false));
        assert_eq!(short(&parse("二十个工作日内").time_limit), lim(20, true));
        assert_eq!(short(&parse("１０个工作日").time_limit), lim(10, true));
    }

    #[test]
    fn notice_periods() {
        let p = parse("公示7天");
        assert_eq!(p.time_limit, None);
        assert_eq!(short(&p.notice_period), lim(7, false));
        assert_eq!(p.notice_period.unwrap().text.as_deref(), Some("公示7天"));
        let p = parse("审核后3个工作日内公示，公示期为5个工作日");
        assert_eq!(short(&p.time_limit), lim(3, true));
        assert_eq!(short(&p.notice_period), lim(5, true));
    }

    #[test]
    fn no_number_keeps_the_text_only() {
        let p = parse("实时公开");
        assert_eq!(p.time_limit.as_ref().unwrap().days, None);
        assert_eq!(p.time_limit.unwrap().text.as_deref(), Some("实时公开"));
        assert_eq!(parse(""), Parsed::default());
    }
}
