//! China's official working-day calendar.
//!
//! Time limits in disclosure catalogs are counted in **working days** (政府信息公开条例 Art. 26:
//! "20 个工作日"). A working day is Monday–Friday, minus the days off that the State Council's
//! yearly notice (国务院办公厅关于部分节假日安排的通知) grants, plus the weekend days it marks as
//! make-up working days (调休上班). Neither can be derived from a rule: the notice for a year
//! appears around November of the year before. So the calendar is **data**, one table per year,
//! and any date in a year without a table is an error ([`MissingYear`]), never a guess: a
//! guessed deadline that is off by the seven days of 国庆 would mark notices late (or on time)
//! wrongly, silently.
//!
//! Counting follows 民法典 Art. 201–203: the day a period starts from is not counted, counting
//! begins the next day, and a period whose last day is a rest day ends on the next working day.
//!
//! The built-in tables (`calendar/holidays.toml`, embedded in the binary) cover the years
//! confirmed against the notices; a site can add years in its own file of the same format:
//!
//! ```toml
//! [2026]
//! source = "国务院办公厅关于2026年部分节假日安排的通知"
//! holidays = ["2026-01-01..2026-01-03", "2026-02-15..2026-02-23"]   # days off, ranges inclusive
//! workdays = ["2026-01-04", "2026-02-14"]                           # 调休上班 (weekend days)
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

use jiff::Span;
use jiff::civil::{Date, Weekday};
use serde::Deserialize;
use toml::Spanned;

/// The built-in tables, shipped with the binary so that a new site needs no set-up.
const BUILTIN: &str = include_str!("../../calendar/holidays.toml");

/// Years a table may describe. Outside this range a year key is almost surely a typo (`[2206]`),
/// and the bound keeps day-by-day arithmetic far from jiff's date limits.
const YEARS: std::ops::RangeInclusive<i16> = 1949..=2999;

/// A date fell in a year the calendar has no table for.
///
/// Callers turn this into a warning ("the calendar lacks 2027; add it to the site's calendar
/// file") rather than computing a deadline that might be wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MissingYear(pub i16);

impl fmt::Display for MissingYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the working-day calendar has no table for {}", self.0)
    }
}

impl std::error::Error for MissingYear {}

impl MissingYear {
    /// The same message in Chinese, for the clerk-facing diagnostics.
    pub fn message_zh(&self) -> String {
        format!(
            "工作日历缺少 {} 年的节假日安排（国务院办公厅通知），无法计算工作日",
            self.0
        )
    }
}

/// A calendar file could not be read: where (1-based line and column, columns counted in
/// characters so that they match what an editor shows for Chinese text) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong, in English; names the value.
    pub message: String,
}

impl fmt::Display for CalendarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for CalendarError {}

/// A time limit as catalogs give it: `{days: 20, working: true}` is "20 个工作日".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeLimit {
    /// Length of the period.
    pub days: u32,
    /// `true`: working days on the official calendar; `false`: calendar days (自然日).
    pub working: bool,
}

/// One year's table: the notice's days off and make-up working days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearTable {
    source: String,
    holidays: BTreeSet<Date>,
    workdays: BTreeSet<Date>,
}

impl YearTable {
    /// The notice the table was taken from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Every day off the notice grants (weekends bridged into a holiday included).
    pub fn holidays(&self) -> impl Iterator<Item = Date> + '_ {
        self.holidays.iter().copied()
    }

    /// The weekend days the notice makes working days (调休上班).
    pub fn workdays(&self) -> impl Iterator<Item = Date> + '_ {
        self.workdays.iter().copied()
    }

    /// A make-up working day wins over everything; a granted day off over the weekday rule.
    fn is_working_day(&self, date: Date) -> bool {
        if self.workdays.contains(&date) {
            return true;
        }
        if self.holidays.contains(&date) {
            return false;
        }
        !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
    }
}

/// The working-day calendar: a table per year.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Calendar {
    years: BTreeMap<i16, YearTable>,
}

impl Calendar {
    /// The tables shipped with gongkai (2024–2026 at the time of writing).
    pub fn builtin() -> Calendar {
        static PARSED: OnceLock<Calendar> = OnceLock::new();
        // The embedded file is checked by the unit tests; should it ever be broken, an empty
        // calendar makes every computation report a missing year rather than crash the build.
        PARSED
            .get_or_init(|| Calendar::parse(BUILTIN).unwrap_or_default())
            .clone()
    }

    /// Reads a calendar file (the format in the module documentation).
    pub fn parse(text: &str) -> Result<Calendar, CalendarError> {
        let raw: BTreeMap<Spanned<String>, Spanned<RawYear>> =
            toml::from_str(text).map_err(|e| toml_error(text, &e))?;
        let mut years = BTreeMap::new();
        for (key, table) in raw {
            let year = parse_year_key(text, &key)?;
            years.insert(year, build_year(text, year, table.into_inner())?);
        }
        Ok(Calendar { years })
    }

    /// Adds another calendar's tables; for a year both have, `other`'s table wins (the site
    /// knows its own local arrangements, or a correction, better than the built-in data).
    pub fn merge(&mut self, other: Calendar) {
        self.years.extend(other.years);
    }

    /// The years that have a table, in order.
    pub fn years(&self) -> impl Iterator<Item = i16> + '_ {
        self.years.keys().copied()
    }

    /// The table of one year, if loaded.
    pub fn year(&self, year: i16) -> Option<&YearTable> {
        self.years.get(&year)
    }

    /// Whether `date` is a working day on the official calendar.
    pub fn is_working_day(&self, date: Date) -> Result<bool, MissingYear> {
        let table = self.years.get(&date.year()).ok_or(MissingYear(date.year()))?;
        Ok(table.is_working_day(date))
    }

    /// The number of working days in `(from, to]`: the day `from` is not counted (民法典 Art.
    /// 201), `to` is. Negative when `to` is before `from` (minus the working days in
    /// `(to, from]`). Every counted day must be in a year with a table.
    pub fn working_days_after(&self, from: Date, to: Date) -> Result<i64, MissingYear> {
        if to < from {
            return self.working_days_after(to, from).map(|n| -n);
        }
        let mut count = 0;
        let mut day = from;
        while day < to {
            day = next_day(day)?;
            if self.is_working_day(day)? {
                count += 1;
            }
        }
        Ok(count)
    }

    /// The `n`th working day after `from` (`from` itself not counted): the last day of a period
    /// of `n` working days starting from `from`. With `n == 0` it is `from` itself.
    pub fn add_working_days(&self, from: Date, n: u32) -> Result<Date, MissingYear> {
        let mut left = n;
        let mut day = from;
        while left > 0 {
            day = next_day(day)?;
            if self.is_working_day(day)? {
                left -= 1;
            }
        }
        Ok(day)
    }

    /// The last day of a period of `n` calendar days (自然日) starting from `from`: `from + n`,
    /// moved on to the next working day when it is a rest day (民法典 Art. 203: a period whose
    /// last day is a statutory rest day ends on the day after the rest ends). That move is why
    /// this needs the calendar, and why it can fail with [`MissingYear`].
    pub fn add_calendar_days(&self, from: Date, n: u32) -> Result<Date, MissingYear> {
        let mut day = from
            .checked_add(Span::new().days(i64::from(n)))
            .map_err(|_| MissingYear(from.year().saturating_add(1)))?;
        while !self.is_working_day(day)? {
            day = next_day(day)?;
        }
        Ok(day)
    }

    /// The deadline of a time limit counted from `formed` (the first day not counted).
    pub fn deadline(&self, formed: Date, limit: TimeLimit) -> Result<Date, MissingYear> {
        if limit.working {
            self.add_working_days(formed, limit.days)
        } else {
            self.add_calendar_days(formed, limit.days)
        }
    }

    /// How late `published` is for information formed on `formed` under `limit`: `Ok(0)` when on
    /// time, otherwise the days past the deadline, in the limit's own unit.
    ///
    /// For a working-day limit, a publication on a rest day after the deadline counts as if it
    /// were on the next working day, so that anything late is at least 1 day late (a notice put
    /// up on the Saturday after a Friday deadline is late, not "0 working days" late).
    pub fn days_late(&self, formed: Date, published: Date, limit: TimeLimit) -> Result<i64, MissingYear> {
        let deadline = self.deadline(formed, limit)?;
        if published <= deadline {
            return Ok(0);
        }
        if !limit.working {
            return Ok(calendar_days_between(deadline, published));
        }
        let mut effective = published;
        while !self.is_working_day(effective)? {
            effective = next_day(effective)?;
        }
        self.working_days_after(deadline, effective)
    }
}

/// The day after `day`; past jiff's last date there is no table either.
fn next_day(day: Date) -> Result<Date, MissingYear> {
    day.tomorrow().map_err(|_| MissingYear(day.year().saturating_add(1)))
}

/// Calendar days from `a` to `b` (positive when `b` is later).
fn calendar_days_between(a: Date, b: Date) -> i64 {
    a.duration_until(b).as_hours() / 24
}

/// One year's table as written in the file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawYear {
    source: Spanned<String>,
    #[serde(default)]
    holidays: Vec<Spanned<String>>,
    #[serde(default)]
    workdays: Vec<Spanned<String>>,
}

/// `[2026]` → 2026, checked to be a plausible year.
fn parse_year_key(text: &str, key: &Spanned<String>) -> Result<i16, CalendarError> {
    let value = key.get_ref();
    let year = (value.len() == 4)
        .then(|| value.parse::<i16>().ok())
        .flatten()
        .filter(|y| YEARS.contains(y));
    year.ok_or_else(|| {
        error_at(
            text,
            key.span(),
            format!("table name `{value}` is not a year (expected e.g. [2026])"),
        )
    })
}

/// Checks one year's lists and turns them into a table.
fn build_year(text: &str, year: i16, raw: RawYear) -> Result<YearTable, CalendarError> {
    if raw.source.get_ref().trim().is_empty() {
        return Err(error_at(
            text,
            raw.source.span(),
            "`source` is empty: name the State Council notice".to_string(),
        ));
    }
    let mut holidays = BTreeSet::new();
    for entry in &raw.holidays {
        holidays.extend(parse_entry(text, year, entry, true)?);
    }
    let mut workdays = BTreeSet::new();
    for entry in &raw.workdays {
        for day in parse_entry(text, year, entry, false)? {
            check_workday(text, entry, day, &holidays)?;
            workdays.insert(day);
        }
    }
    Ok(YearTable {
        source: raw.source.into_inner(),
        holidays,
        workdays,
    })
}

/// A make-up working day is a weekend day that is not also a day off: anything else is a typo.
fn check_workday(
    text: &str,
    entry: &Spanned<String>,
    day: Date,
    holidays: &BTreeSet<Date>,
) -> Result<(), CalendarError> {
    if !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) {
        return Err(error_at(
            text,
            entry.span(),
            format!(
                "workday {day} is a {:?}: make-up working days (调休上班) are weekend days",
                day.weekday()
            ),
        ));
    }
    if holidays.contains(&day) {
        return Err(error_at(
            text,
            entry.span(),
            format!("{day} is listed both as a holiday and as a workday"),
        ));
    }
    Ok(())
}

/// `"2026-01-01"` or `"2026-02-15..2026-02-23"` (inclusive) → the days, all in `year`.
fn parse_entry(
    text: &str,
    year: i16,
    entry: &Spanned<String>,
    ranges_allowed: bool,
) -> Result<Vec<Date>, CalendarError> {
    let fail = |message: String| error_at(text, entry.span(), message);
    let value = entry.get_ref().trim();
    let (first, last) = match value.split_once("..") {
        Some(_) if !ranges_allowed => {
            return Err(fail(format!("`{value}`: list workdays one by one, not as a range")));
        }
        Some((a, b)) => (parse_iso(a).map_err(&fail)?, parse_iso(b).map_err(&fail)?),
        None => {
            let day = parse_iso(value).map_err(&fail)?;
            (day, day)
        }
    };
    if first.year() != year || last.year() != year {
        return Err(fail(format!(
            "`{value}` is not in {year}: each table lists only its own year's dates"
        )));
    }
    if last < first {
        return Err(fail(format!("`{value}`: the range ends before it starts")));
    }
    Ok(first.series(Span::new().days(1)).take_while(|d| *d <= last).collect())
}

/// Strict `YYYY-MM-DD`: a data file has no business with the lenient forms clerks type.
fn parse_iso(s: &str) -> Result<Date, String> {
    let b = s.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return Err(format!("`{s}` is not a date of the form YYYY-MM-DD"));
    }
    let num = |r: Range<usize>| s.get(r).and_then(|p| p.parse::<i16>().ok()).unwrap_or(0);
    let (y, m, d) = (num(0..4), num(5..7), num(8..10));
    let (m, d) = (i8::try_from(m).unwrap_or(0), i8::try_from(d).unwrap_or(0));
    Date::new(y, m, d).map_err(|_| format!("`{s}` is not a real date"))
}

/// A TOML syntax or shape error, placed where the parser says.
fn toml_error(text: &str, e: &toml::de::Error) -> CalendarError {
    let message = e.message().trim().to_string();
    match e.span() {
        Some(span) => error_at(text, span, message),
        None => CalendarError {
            line: 1,
            column: 1,
            message,
        },
    }
}

/// Builds an error at the start of a byte span.
fn error_at(text: &str, span: Range<usize>, message: String) -> CalendarError {
    let (line, column) = line_column(text, span.start);
    CalendarError { line, column, message }
}

/// 1-based line and character column of a byte offset (clamped into the text).
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests;
