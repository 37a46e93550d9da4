//! GK186: the phone numbers of a guide, found in its lines and read in area-code form.

use super::{Ctx, push};
use crate::diag::{Code, Diagnostic, Pos};
use crate::resolve::Notice;
use crate::tr;

/// A run of a phone's characters in a line: where it starts (1-based column), as written,
/// and half-width.
struct Run {
    column: usize,
    written: String,
    plain: String,
}

fn is_sep(c: char) -> bool {
    matches!(c, '-' | '—' | '–' | '(' | ')')
}

/// The stretches of `line` that may be phone numbers: digits with `-` and brackets between,
/// at least five digits, not an amount, a count, a date or a 文号 (`12号`, `2026-03-12`).
fn runs(line: &str) -> Vec<Run> {
    let chars: Vec<(char, char)> = line
        .chars()
        .map(|c| {
            (
                c,
                crate::util::text::to_half_width(&c.to_string())
                    .chars()
                    .next()
                    .unwrap_or(c),
            )
        })
        .collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let part = |c: char| c.is_ascii_digit() || is_sep(c);
        if !part(chars[k].1) {
            k += 1;
            continue;
        }
        let start = k;
        while k < chars.len() && part(chars[k].1) {
            k += 1;
        }
        let (mut a, mut b) = (start, k);
        while a < b && !chars[a].1.is_ascii_digit() && chars[a].1 != '(' {
            a += 1;
        }
        while b > a && !chars[b - 1].1.is_ascii_digit() {
            b -= 1;
        }
        let plain: String = chars[a..b].iter().map(|c| c.1).collect();
        let digits = plain.chars().filter(char::is_ascii_digit).count();
        let unit = chars
            .get(b)
            .is_some_and(|c| "元年月日号个份人户岁周次天万楼室层栋米%".contains(c.1));
        // Part of a web or mail address, or a postcode: not a phone.
        let joined = |c: Option<&(char, char)>| c.is_some_and(|c| c.1.is_ascii_alphanumeric() || "@._/".contains(c.1));
        let before: String = chars[a.saturating_sub(6)..a].iter().map(|c| c.1).collect();
        let other = joined(a.checked_sub(1).and_then(|i| chars.get(i)))
            || joined(chars.get(b))
            || before.contains("邮编")
            || before.contains("邮政编码");
        let date = {
            let p: Vec<&str> = plain.split('-').collect();
            p.len() == 3 && p[0].len() == 4 && p[1].len() <= 2 && p[2].len() <= 2
        };
        if digits >= 5 && !unit && !date && !other {
            out.push(Run {
                column: a + 1,
                written: chars[a..b].iter().map(|c| c.0).collect(),
                plain,
            });
        }
    }
    out
}

/// Whether `plain` (half-width) is a phone a guide may give.
fn good_phone(plain: &str) -> bool {
    let digits: String = plain.chars().filter(char::is_ascii_digit).collect();
    let all_digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let parts: Vec<&str> = plain.split('-').collect();
    let landline = matches!(parts.len(), 2 | 3)
        && parts.iter().all(|p| all_digits(p))
        && parts[0].starts_with('0')
        && (3..=4).contains(&parts[0].len())
        && (7..=8).contains(&parts[1].len())
        && parts.get(2).is_none_or(|x| x.len() <= 5);
    let hotline = plain == digits
        && digits.len() == 5
        && (digits.starts_with("123") || digits.starts_with("95") || digits.starts_with("96"));
    let toll_free = digits.len() == 10 && (digits.starts_with("400") || digits.starts_with("800"));
    landline || hotline || toll_free
}

fn is_mobile(digits: &str) -> bool {
    let b = digits.as_bytes();
    digits.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1])
}

/// The area code of the township's (or the site's) own numbers.
fn area_code(cx: &Ctx, n: &Notice) -> Option<String> {
    let t = &cx.site.config.townships[n.township];
    t.contacts
        .iter()
        .chain(std::iter::once(&cx.site.config.footer.contact))
        .filter_map(|c| c.split_once('-').map(|(a, _)| a.trim()))
        .find(|a| a.starts_with('0') && (3..=4).contains(&a.len()) && a.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_string)
}

/// GK186 for each phone of `line`, line `at` of the file.
pub(super) fn phones(cx: &mut Ctx, n: &Notice, line: &str, at: usize, field: &str) {
    for r in runs(line) {
        let digits: String = r.plain.chars().filter(char::is_ascii_digit).collect();
        if is_mobile(&digits) || good_phone(&r.plain) {
            continue;
        }
        let written = &r.written;
        let fixed = if digits.starts_with('0') && (10..=12).contains(&digits.len()) {
            let area = if digits.starts_with("01") || digits.starts_with("02") {
                3
            } else {
                4
            };
            (7..=8)
                .contains(&(digits.len() - area))
                .then(|| format!("{}-{}", &digits[..area], &digits[area..]))
        } else if (7..=8).contains(&digits.len()) {
            Some(format!(
                "{}-{digits}",
                area_code(cx, n).unwrap_or_else(|| "区号".into())
            ))
        } else {
            None
        };
        let no_area = !digits.starts_with('0') && (7..=8).contains(&digits.len());
        let message = if no_area {
            tr!(
                "“{field}”中的电话“{written}”没有区号",
                "the phone `{written}` in `{field}` has no area code"
            )
        } else {
            tr!(
                "“{field}”中的电话“{written}”不是“区号-号码”格式",
                "the phone `{written}` in `{field}` is not area code - number"
            )
        };
        let hint = match fixed {
            Some(f) => tr!(
                "改成：{f}（区号和号码之间用半角“-”连接）；服务热线写 12345 这样的号码。",
                "Write: {f} (an ASCII `-` between area code and number); a hotline as 12345."
            ),
            None => Code::GuidePhone.fix(),
        };
        push(
            cx,
            Diagnostic::error(Code::GuidePhone, &n.rel, Pos::new(at, r.column), message, hint),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_in_a_line() {
        let found = |l: &str| runs(l).into_iter().map(|r| r.plain).collect::<Vec<_>>();
        assert_eq!(found("咨询电话：0556-1234567；12333。"), vec!["0556-1234567", "12333"]);
        assert!(found("工作日8:30—12:00、14:30—17:30，新街168号").is_empty());
        assert!(found("2026-03-12 起，每月720元，共20个工作日，12345678元").is_empty());
        assert_eq!(found("电话（0556）1234567"), vec!["(0556)1234567"]);
        assert!(found("邮编：246000；邮箱 12345678@qq.com；www.a12345.cn").is_empty());
        assert!(good_phone("0556-1234567"));
        assert!(good_phone("010-12345678"));
        assert!(good_phone("0556-1234567-801"));
        assert!(good_phone("12345"));
        assert!(good_phone("400-123-4567"));
        assert!(!good_phone("1234567"));
        assert!(!good_phone("05561234567"));
        assert!(!good_phone("(0556)1234567"));
    }
}
