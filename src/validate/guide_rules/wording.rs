//! GK184 and GK185: what a guide's fee and time limit say, read as a citizen reads them.

use super::{Ctx, Part, push};
use crate::diag::{Code, Diagnostic};
use crate::resolve::Notice;
use crate::tr;
use crate::util::text::heading_key;

/// The text with spaces and punctuation left out: `—`, `/`, `无。` are all nothing.
fn bare(text: &str) -> String {
    heading_key(text)
        .chars()
        .filter(|c| !"—–－-/／\\|·…".contains(*c))
        .collect()
}

pub(super) fn fee(cx: &mut Ctx, n: &Notice, p: &Part) {
    let t = &p.text;
    let free = ["不收费", "免费", "不收取", "免收", "零收费"]
        .iter()
        .any(|w| t.contains(w));
    if free {
        return;
    }
    let amount = has_amount(t);
    let basis = t.contains('《') || t.contains('〔') || t.contains("依据") || t.contains("根据");
    if amount && basis {
        return;
    }
    let title = &p.title;
    let said = first_line(t);
    let b = bare(t);
    let (message, hint) = if amount {
        (
            tr!(
                "“{title}”写了收费金额，但没有写收费依据",
                "`{title}` gives an amount but not its basis"
            ),
            tr!(
                "写明收费依据的文件名称和文号，例如：按《安徽省行政事业性收费项目目录》（皖财综〔2023〕1号）收取。",
                "Name the document the fee rests on, with its number."
            ),
        )
    } else if b.is_empty()
        || ["无", "没有", "暂无", "空", "否", "不", "无收费", "无费用", "没有费用"].contains(&b.as_str())
    {
        (
            tr!(
                "“{title}”写的是“{said}”，看不出是不收费还是没有填写",
                "`{title}` says `{said}`: free, or not filled in?"
            ),
            tr!(
                "不收费的写明“不收费”；收费的写明金额和收费依据。",
                "Write 不收费 when it is free; otherwise the amount and its basis."
            ),
        )
    } else {
        (
            tr!(
                "“{title}”没有写明是否收费（“{said}”）",
                "`{title}` does not say whether there is a fee (`{said}`)"
            ),
            tr!(
                "不收费的写明“不收费”；收费的写明每项金额和收费依据（文件名称和文号）。",
                "Write 不收费 when it is free; otherwise each amount and its basis (document and number)."
            ),
        )
    };
    push(cx, Diagnostic::error(Code::GuideFee, &n.rel, p.said_at, message, hint));
}

/// The first line of `t`, at most 30 characters, for quoting in a message.
fn first_line(t: &str) -> String {
    let l = t.lines().next().unwrap_or("").trim();
    let mut s: String = l.chars().take(30).collect();
    if l.chars().count() > 30 {
        s.push('…');
    }
    s
}

fn has_amount(t: &str) -> bool {
    let cs: Vec<char> = t.chars().collect();
    cs.windows(2).any(|w| w[0].is_ascii_digit() && w[1] == '元')
        || t.contains("元/")
        || cs
            .windows(2)
            .any(|w| "一二三四五六七八九十百千万".contains(w[0]) && w[1] == '元')
}

const NUMERALS: &str = "0123456789０１２３４５６７８９一二三四五六七八九十百零〇两";

/// The number written just before byte offset `at` of `t` (spaces and one 个 skipped).
fn number_before(t: &str, at: usize) -> Option<String> {
    let before = t[..at].trim_end();
    let before = before.strip_suffix('个').unwrap_or(before).trim_end();
    let digits: String = before
        .chars()
        .rev()
        .take_while(|c| NUMERALS.contains(*c))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    (!digits.is_empty()).then_some(digits)
}

/// Whether `t` gives a number of working days: `5个工作日`, `5 个工作日`, `十五个工作日`.
fn working_days(t: &str) -> bool {
    t.match_indices("工作日").any(|(i, _)| number_before(t, i).is_some())
}

/// A number of calendar days: `3天`, `15 日内`, `7个自然日`, not `工作日`.
fn calendar_days(t: &str) -> Option<String> {
    for unit in ["自然日", "天", "日"] {
        for (i, _) in t.match_indices(unit) {
            if unit == "日" && (t[..i].ends_with("工作") || t[..i].ends_with("自然")) {
                continue;
            }
            if let Some(n) = number_before(t, i) {
                return Some(n);
            }
        }
    }
    None
}

pub(super) fn time_limit(cx: &mut Ctx, n: &Notice, p: &Part) {
    let t = &p.text;
    let title = &p.title;
    let immediate = t.contains("即办");
    let now = ["当场", "即时", "立即", "马上", "现场办结"]
        .iter()
        .any(|w| t.contains(*w));
    // 即办 or a number of working days settles it, whatever else is said (材料齐全的当场受理，
    // 5个工作日内办结; 省内迁移即办，跨省20个工作日).
    let (message, hint) = if immediate || working_days(t) {
        return;
    } else if now {
        let said = first_line(t);
        (
            tr!(
                "“{title}”写的“{said}”没有说明是即办件",
                "`{title}` says `{said}` without saying it is 即办"
            ),
            tr!(
                "写成“即办（当场办结）”；需要审核的，写“自受理之日起 N 个工作日办结”。",
                "Write 即办（当场办结）; an item that needs review: 自受理之日起 N 个工作日办结."
            ),
        )
    } else if let Some(days) = calendar_days(t) {
        (
            tr!(
                "“{title}”写的是日历天数（{days} 天），办理时限要按工作日写",
                "`{title}` gives calendar days ({days}); a time limit is in working days"
            ),
            tr!(
                "改写成：自受理之日起 N 个工作日办结（N 为承诺的工作日数；{days} 天含周末和节假日，不能直接照抄）。",
                "Write: 自受理之日起 N 个工作日办结 (N the promised working days; {days} days include weekends and holidays)."
            ),
        )
    } else {
        let said = first_line(t);
        (
            tr!(
                "“{title}”写的“{said}”不是明确的时限",
                "`{title}` says `{said}`, which is no time limit"
            ),
            tr!(
                "写“即办”，或“自受理之日起 N 个工作日办结”（例如 自受理之日起 5 个工作日办结）。",
                "Write 即办, or 自受理之日起 N 个工作日办结 (e.g. 5)."
            ),
        )
    };
    push(
        cx,
        Diagnostic::error(Code::GuideTimeLimit, &n.rel, p.said_at, message, hint),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn working_and_calendar_days() {
        assert!(working_days("自受理之日起5个工作日办结"));
        assert!(working_days("自受理之日起 5 个工作日办结"));
        assert!(working_days("承诺十五个工作日"));
        assert!(!working_days("工作日8:30—17:30"));
        assert_eq!(calendar_days("3天内办结").as_deref(), Some("3"));
        assert_eq!(calendar_days("15 日内办结").as_deref(), Some("15"));
        assert_eq!(calendar_days("5个工作日"), None);
    }

    #[test]
    fn nothing_is_not_free() {
        assert_eq!(bare("—"), "");
        assert_eq!(bare("/ "), "");
        assert_eq!(bare("无。"), "无");
        assert!(has_amount("每份20元"));
        assert!(!has_amount("不收费"));
    }
}
