//! The dates clerks write, read leniently and written out one way (SPEC 3.2).
//!
//! Clerks type dates in Word, WPS and Excel habits: `2026-09-25`, `2026/9/25`, `2026.9.25`,
//! `2026年9月25日`, with full-width digits from a Chinese input method (`２０２６年９月２５日`),
//! stray ASCII or full-width spaces (`2026 年 9 月 25 日`), a weekday in brackets
//! (`2026年9月25日（星期五）`) or the Chinese numerals of older 公文 (`二〇二六年九月二十五日`).
//! All of these are accepted; what is not a real date gets a [`DateError`] that says what is
//! wrong (no 30 February, month 13, missing year) so that the diagnostic can tell the clerk
//! how to fix it, in Chinese ([`DateError::message_zh`]).
//!
//! Output is always `2026-09-25` ([`format_date`]) or `2026年9月25日` ([`format_date_zh`]).

use std::fmt;

use jiff::civil::{Date, Weekday};

/// Years accepted in notices. A disclosure notice dated before 1900 or after 2100 is a typo
/// (`0226`, `2206`), and saying so beats silently accepting it.
const YEARS: std::ops::RangeInclusive<i16> = 1900..=2100;

/// Why a text is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateError {
    /// Nothing but spaces.
    Empty,
    /// Not in any of the accepted shapes.
    NotADate,
    /// A month and day without a year (`9月25日`).
    NoYear,
    /// A two-digit year (`26年9月25日`), ambiguous in a register that spans decades.
    TwoDigitYear,
    /// A year outside 1900–2100, almost surely a typo.
    YearOutOfRange { year: u32 },
    /// A month that does not exist (`2026-13-01`).
    InvalidMonth { year: i16, month: u32 },
    /// A day the month does not have (`2026-02-30`, `2026-04-31`).
    InvalidDay {
        year: i16,
        month: i8,
        day: u32,
        /// How many days that month has, for the hint.
        days_in_month: i8,
    },
    /// The weekday written beside the date is not that date's weekday
    /// (`2026年9月25日（星期四）`: the 25th is a Friday), so one of them is wrong.
    WrongWeekday {
        date: Date,
        /// The weekday written.
        written: Weekday,
    },
}

impl DateError {
    /// The message in Chinese, for clerks: what is wrong and how to write it instead.
    pub fn message_zh(&self) -> String {
        match *self {
            DateError::Empty => "日期为空".to_string(),
            DateError::NotADate => "无法识别的日期，请写成 2026-09-25 或 2026年9月25日 的形式".to_string(),
            DateError::NoYear => "日期缺少年份，请写全，如 2026年9月25日".to_string(),
            DateError::TwoDigitYear => "年份请写全四位，如 2026年9月25日".to_string(),
            DateError::YearOutOfRange { year } => {
                format!("年份 {year} 不合理（应在 1900—2100 之间），请检查是否笔误")
            }
            DateError::InvalidMonth { month, .. } => {
                format!("月份 {month} 不存在，月份应为 1—12")
            }
            DateError::InvalidDay {
                year,
                month,
                day,
                days_in_month,
            } => format!("{year}年{month}月没有{day}日（该月只有{days_in_month}天）"),
            DateError::WrongWeekday { date, written } => format!(
                "{}是{}，不是{}，请核对日期",
                format_date_zh(date),
                weekday_zh(date.weekday()),
                weekday_zh(written)
            ),
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            DateError::Empty => write!(f, "the date is empty"),
            DateError::NotADate => write!(f, "not a date; write it as 2026-09-25 or 2026年9月25日"),
            DateError::NoYear => write!(f, "the date has no year"),
            DateError::TwoDigitYear => write!(f, "write the year with four digits"),
            DateError::YearOutOfRange { year } => {
                write!(f, "year {year} is out of range (1900-2100)")
            }
            DateError::InvalidMonth { month, .. } => write!(f, "there is no month {month}"),
            DateError::InvalidDay {
                year,
                month,
                day,
                days_in_month,
            } => write!(f, "{year}-{month:02} has no day {day} (it has {days_in_month} days)"),
            DateError::WrongWeekday { date, written } => {
                write!(f, "{} is a {:?}, not a {written:?}", format_date(date), date.weekday())
            }
        }
    }
}

impl std::error::Error for DateError {}

/// Why a text is not a period (公示期).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PeriodError {
    /// Nothing but spaces.
    Empty,
    /// A single date: the end of the period is missing.
    MissingEnd,
    /// Not two dates joined by 至, —, -, ~ or 到.
    NotAPeriod,
    /// The start date is wrong.
    Start(DateError),
    /// The end date is wrong.
    End(DateError),
    /// The period ends before it starts.
    EndBeforeStart { start: Date, end: Date },
}

impl PeriodError {
    /// The message in Chinese, for clerks.
    pub fn message_zh(&self) -> String {
        match *self {
            PeriodError::Empty => "公示期为空".to_string(),
            PeriodError::MissingEnd => "公示期只有一个日期，请写明起止日期，如 2026-09-25 至 2026-10-08".to_string(),
            PeriodError::NotAPeriod => "无法识别的公示期，请写成 2026-09-25 至 2026-10-08 的形式".to_string(),
            PeriodError::Start(e) => format!("公示期开始日期有误：{}", e.message_zh()),
            PeriodError::End(e) => format!("公示期结束日期有误：{}", e.message_zh()),
            PeriodError::EndBeforeStart { start, end } => format!(
                "公示期结束日期 {} 早于开始日期 {}",
                format_date_zh(end),
                format_date_zh(start)
            ),
        }
    }
}

impl fmt::Display for PeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            PeriodError::Empty => write!(f, "the period is empty"),
            PeriodError::MissingEnd => write!(f, "the period has a start but no end"),
            PeriodError::NotAPeriod => write!(f, "not a period; write it as 2026-09-25 至 2026-10-08"),
            PeriodError::Start(e) => write!(f, "start date: {e}"),
            PeriodError::End(e) => write!(f, "end date: {e}"),
            PeriodError::EndBeforeStart { start, end } => write!(
                f,
                "the period ends ({}) before it starts ({})",
                format_date(end),
                format_date(start)
            ),
        }
    }
}

impl std::error::Error for PeriodError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PeriodError::Start(e) | PeriodError::End(e) => Some(e),
            _ => None,
        }
    }
}

/// `2026-09-25`: the one way dates are written out (pages, open data, reports).
pub fn format_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// `2026年9月25日`: the form of printed notices and Chinese messages.
pub fn format_date_zh(d: Date) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// Reads a date in any of the forms clerks write (see the module documentation).
pub fn parse_date(text: &str) -> Result<Date, DateError> {
    let s = normalize(text);
    if s.is_empty() {
        return Err(DateError::Empty);
    }
    let (body, weekday) = split_weekday(&s);
    let date = parse_body(body)?;
    match weekday {
        Some(written) if written != date.weekday() => Err(DateError::WrongWeekday { date, written }),
        _ => Ok(date),
    }
}

/// Reads a period: two dates joined by `至`, `到`, `—`, `–`, `-`, `~` or `～` (spaces
/// optional), or `从…起至…止` / `自…起至…止`. The end may leave out its year when the start has
/// one (`2026年9月25日至10月8日`); it then takes the start's year, or the next one when the
/// month-day comes before the start (`2026年12月25日至1月5日`). The end must not precede the
/// start; a one-day period is allowed.
pub fn parse_period(text: &str) -> Result<(Date, Date), PeriodError> {
    let s = normalize(text);
    let s = strip_period_frame(&s);
    if s.is_empty() {
        return Err(PeriodError::Empty);
    }
    let (start, end) = match split_unambiguous(s) {
        Some((left, right)) => parse_sides(left, right)?,
        None => split_on_hyphen(s)?,
    };
    if end < start {
        return Err(PeriodError::EndBeforeStart { start, end });
    }
    Ok((start, end))
}

/// Separators that never occur inside a date, so the first one splits the period.
const UNAMBIGUOUS: [char; 5] = ['至', '到', '~', '—', '–'];

/// Splits at the one unambiguous separator; `None` when there is none (or several: then the
/// hyphen search reports the failure).
fn split_unambiguous(s: &str) -> Option<(&str, &str)> {
    let mut found = s.match_indices(|c| UNAMBIGUOUS.contains(&c));
    let (at, sep) = found.next()?;
    if found.next().is_some() {
        return None;
    }
    Some((&s[..at], &s[at + sep.len()..]))
}

/// Parses both sides of a split whose position is certain, blaming the side that is wrong.
fn parse_sides(left: &str, right: &str) -> Result<(Date, Date), PeriodError> {
    let left = left.strip_suffix('起').unwrap_or(left);
    if left.is_empty() && right.is_empty() {
        return Err(PeriodError::NotAPeriod);
    }
    let start = parse_date(left).map_err(PeriodError::Start)?;
    let end = parse_end(right, start).map_err(PeriodError::End)?;
    Ok((start, end))
}

/// `-` is both a separator and the inside of ISO dates: try every hyphen and keep the split
/// where both sides are dates. When none works, report the side errors of a split whose sides
/// both have the shape of a date (`2026-02-30-2026-03-05`: the start has no 30 February).
fn split_on_hyphen(s: &str) -> Result<(Date, Date), PeriodError> {
    let mut shaped_failure = None;
    for (at, _) in s.match_indices('-') {
        match parse_sides(&s[..at], &s[at + 1..]) {
            Ok(found) => return Ok(found),
            Err(e) if shaped_failure.is_none() && is_shaped(&e) => shaped_failure = Some(e),
            Err(_) => {}
        }
    }
    if let Some(e) = shaped_failure {
        return Err(e);
    }
    match parse_date(s) {
        Ok(_) => Err(PeriodError::MissingEnd),
        Err(_) => Err(PeriodError::NotAPeriod),
    }
}

/// Whether a failed split still had a recognisable date on both sides.
fn is_shaped(e: &PeriodError) -> bool {
    match e {
        PeriodError::Start(d) | PeriodError::End(d) => {
            !matches!(d, DateError::NotADate | DateError::Empty | DateError::NoYear)
        }
        _ => false,
    }
}

/// The end of a period: a full date, or a month-day (`10月8日`) taking the start's year.
fn parse_end(text: &str, start: Date) -> Result<Date, DateError> {
    let text = text.strip_suffix('止').unwrap_or(text);
    match parse_date(text) {
        Err(DateError::NoYear) => parse_month_day_after(text, start),
        other => other,
    }
}

/// `10月8日` after `start`: in the start's year, or the next when that would precede `start`.
fn parse_month_day_after(text: &str, start: Date) -> Result<Date, DateError> {
    let (body, weekday) = split_weekday(text);
    let (month, rest) = body.split_once('月').ok_or(DateError::NotADate)?;
    let (month, day) = (parse_number(month)?, parse_number(strip_day_suffix(rest))?);
    let in_year = |y: i16| make_date(u32::try_from(y).unwrap_or(0), month, day);
    let mut date = in_year(start.year())?;
    if date < start {
        date = in_year(start.year().saturating_add(1))?;
    }
    match weekday {
        Some(written) if written != date.weekday() => Err(DateError::WrongWeekday { date, written }),
        _ => Ok(date),
    }
}

/// Removes the `从…起至…止` / `自…` frame around a period (`起` is handled at the split).
fn strip_period_frame(s: &str) -> &str {
    let s = s.strip_prefix('从').or_else(|| s.strip_prefix('自')).unwrap_or(s);
    s.strip_suffix('止').unwrap_or(s)
}

/// Full-width digits and punctuation to ASCII, dash variants folded, all spaces removed.
///
/// Spaces carry no meaning in a date (`2026 年 9 月 25 日`, `2026-09-25 - 2026-10-08`), so
/// dropping them keeps the grammar small. Runs of long dashes (`——`) become one `—`.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '－' | '﹣' | '‐' | '‑' | '−' => '-',
            '／' => '/',
            '．' => '.',
            '～' | '〜' => '~',
            '―' | '─' | '━' => '—',
            '（' => '(',
            '）' => ')',
            c if c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}' => continue,
            c => c,
        };
        if c == '—' && out.ends_with('—') {
            continue;
        }
        out.push(c);
    }
    out
}

/// Splits a trailing `(星期五)` / `(周五)` off a date.
fn split_weekday(s: &str) -> (&str, Option<Weekday>) {
    let Some(inner) = s.strip_suffix(')') else {
        return (s, None);
    };
    let Some(open) = inner.rfind('(') else {
        return (s, None);
    };
    match parse_weekday(&inner[open + 1..]) {
        Some(w) => (&s[..open], Some(w)),
        None => (s, None),
    }
}

/// `星期五`, `周五`, `礼拜天` → the weekday.
fn parse_weekday(s: &str) -> Option<Weekday> {
    let day = ["星期", "周", "礼拜"].iter().find_map(|p| s.strip_prefix(p))?;
    Some(match day {
        "一" => Weekday::Monday,
        "二" => Weekday::Tuesday,
        "三" => Weekday::Wednesday,
        "四" => Weekday::Thursday,
        "五" => Weekday::Friday,
        "六" => Weekday::Saturday,
        "日" | "天" => Weekday::Sunday,
        _ => return None,
    })
}

fn weekday_zh(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "星期一",
        Weekday::Tuesday => "星期二",
        Weekday::Wednesday => "星期三",
        Weekday::Thursday => "星期四",
        Weekday::Friday => "星期五",
        Weekday::Saturday => "星期六",
        Weekday::Sunday => "星期日",
    }
}

/// A normalized date without its weekday: `年月日`, `Y-M-D` / `Y/M/D` / `Y.M.D`, or `YYYYMMDD`.
fn parse_body(s: &str) -> Result<Date, DateError> {
    if s.contains('年') {
        return parse_zh(s);
    }
    if s.contains('月') {
        return Err(DateError::NoYear);
    }
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        let n = |r: std::ops::Range<usize>| s.get(r).map_or(Ok(0), parse_number);
        return make_date(n(0..4)?, n(4..6)?, n(6..8)?);
    }
    parse_separated(s)
}

/// `2026-9-25`, `2026/09/25`, `2026.9.25`: the same separator twice, a four-digit year.
fn parse_separated(s: &str) -> Result<Date, DateError> {
    let sep = s
        .chars()
        .find(|c| matches!(c, '-' | '/' | '.'))
        .ok_or(DateError::NotADate)?;
    let parts: Vec<&str> = s.split(sep).collect();
    let [year, month, day] = parts[..] else {
        return Err(DateError::NotADate);
    };
    let all_digits = |p: &str, max: usize| !p.is_empty() && p.len() <= max && p.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(year, 4) && all_digits(month, 2) && all_digits(day, 2)) {
        return Err(DateError::NotADate);
    }
    if year.len() == 2 {
        return Err(DateError::TwoDigitYear);
    }
    if year.len() != 4 {
        return Err(DateError::NotADate);
    }
    make_date(parse_number(year)?, parse_number(month)?, parse_number(day)?)
}

/// `2026年9月25日` (or `号`, or no suffix), with Arabic or Chinese numerals.
fn parse_zh(s: &str) -> Result<Date, DateError> {
    let (year, rest) = s.split_once('年').ok_or(DateError::NotADate)?;
    let (month, day) = rest.split_once('月').ok_or(DateError::NotADate)?;
    let year = parse_year(year)?;
    make_date(year, parse_number(month)?, parse_number(strip_day_suffix(day))?)
}

fn strip_day_suffix(s: &str) -> &str {
    s.strip_suffix('日').or_else(|| s.strip_suffix('号')).unwrap_or(s)
}

/// A four-digit year in Arabic digits or digit-by-digit Chinese numerals (`二〇二六`), not a
/// mix of both.
fn parse_year(s: &str) -> Result<u32, DateError> {
    let ascii: Option<Vec<u32>> = s.chars().map(|c| c.to_digit(10)).collect();
    let digits = ascii.or_else(|| s.chars().map(chinese_digit).collect());
    match digits {
        Some(d) if d.len() == 4 => Ok(d.iter().fold(0, |acc, x| acc * 10 + x)),
        Some(d) if d.len() == 2 => Err(DateError::TwoDigitYear),
        _ => Err(DateError::NotADate),
    }
}

/// A month or day: one or two Arabic digits, or a Chinese number up to 三十一 (`二十五`).
fn parse_number(s: &str) -> Result<u32, DateError> {
    if !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().map_err(|_| DateError::NotADate);
    }
    parse_chinese_number(s).ok_or(DateError::NotADate)
}

/// `九` → 9, `十` → 10, `十二` → 12, `二十` → 20, `三十一` → 31.
fn parse_chinese_number(s: &str) -> Option<u32> {
    let chars: Vec<char> = s.chars().collect();
    match chars[..] {
        ['十'] => Some(10),
        [d] => chinese_digit(d).filter(|v| *v > 0),
        ['十', u] => Some(10 + chinese_digit(u)?),
        [t, '十'] => Some(10 * chinese_digit(t)?),
        [t, '十', u] => Some(10 * chinese_digit(t)? + chinese_digit(u)?),
        _ => None,
    }
}

/// The value of one Chinese numeral (〇, ○, 零 and the letter O, often typed for 〇, are zero).
fn chinese_digit(c: char) -> Option<u32> {
    let v = match c {
        '〇' | '○' | '零' | 'O' | 'o' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    };
    Some(v)
}

/// Checks year, month and day in that order, so the error names the first thing wrong.
fn make_date(year: u32, month: u32, day: u32) -> Result<Date, DateError> {
    let y = i16::try_from(year)
        .ok()
        .filter(|y| YEARS.contains(y))
        .ok_or(DateError::YearOutOfRange { year })?;
    let m = i8::try_from(month)
        .ok()
        .filter(|m| (1..=12).contains(m))
        .ok_or(DateError::InvalidMonth { year: y, month })?;
    let days_in_month = Date::new(y, m, 1).map_or(31, |d| d.days_in_month());
    let d = i8::try_from(day)
        .ok()
        .filter(|d| (1..=days_in_month).contains(d))
        .ok_or(DateError::InvalidDay {
            year: y,
            month: m,
            day,
            days_in_month,
        })?;
    Date::new(y, m, d).map_err(|_| DateError::NotADate)
}

#[cfg(test)]
mod tests;
