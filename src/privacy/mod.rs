//! The personal-information scanner (SPEC 5.6).
//!
//! Government sites have repeatedly published full ID numbers, phone numbers and bank accounts
//! in 低保, 扶贫 and 危房改造 lists. gongkai scans every notice's text, tables and data files for
//! unmasked identifiers and blocks the build on each one, offering the masked form to use
//! instead. Two halves:
//!
//! - [`Scanner::scan`] finds 18-digit resident ID numbers (GB 11643 check character and birth
//!   date; a typo'd check character is still reported), 15-digit legacy IDs, mainland mobile
//!   numbers and bank card numbers (Luhn) in free text, full-width digits included, with byte
//!   offsets into the text as written.
//! - [`classify_column`] tells from a table header whether a column is about something that a
//!   list of people may not show at all (ID number, phone, bank account, address, health,
//!   hardship), whatever its cells contain.
//!
//! The scanner errs on the side of silence only where a number is plainly part of something
//! else: a longer run of digits or letters (索引号, credit codes, project codes), a landline, an
//! amount, a date, a 文号, or a number that is already masked.

mod columns;
pub mod extract;
pub mod gate;
mod ids;
mod normal;
mod pdf;
mod regions;
mod scan;

use jiff::civil::Date;

pub use columns::{ColumnKind, classify_column, is_sensitive};

/// The kind of identifier found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IdKind {
    /// 18-character 公民身份号码 (GB 11643-1999), also 港澳台居民居住证 (81–83) and the 2023
    /// 外国人永久居留身份证 (first digit 9, with a correct check character only).
    ResidentId18,
    /// 15-digit legacy 身份证号码 (GB 11643-1989).
    ResidentId15,
    /// Mainland mobile number, with or without `+86`.
    Mobile,
    /// Bank card number (16–19 digits, Luhn).
    BankCard,
}

impl IdKind {
    /// The kind's name in Chinese, for diagnostics.
    pub fn label_zh(self) -> &'static str {
        match self {
            IdKind::ResidentId18 => "身份证号码",
            IdKind::ResidentId15 => "15位旧身份证号码",
            IdKind::Mobile => "手机号码",
            IdKind::BankCard => "银行卡号",
        }
    }
}

/// One unmasked identifier in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// What it is.
    pub kind: IdKind,
    /// Byte offset of its first character in the scanned text (a char boundary).
    pub start: usize,
    /// Byte offset just past it (a char boundary).
    pub end: usize,
    /// The text as written (`text[start..end]`, full-width digits and separators included).
    pub found: String,
    /// The site-wide masked form to publish instead (see [`mask`]).
    pub masked: String,
    /// The number proper as plain ASCII (`13812345678`, `11010519491231002X`), however it
    /// was written: what two sightings of one number have in common.
    pub digits: String,
}

/// Scans texts for unmasked identifiers.
///
/// Deterministic: "today" (the latest plausible birth date) is given, not read from the clock,
/// so that `gongkai build --date D` gives the same diagnostics on any day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scanner {
    today: Date,
    allowed: Vec<String>,
}

impl Scanner {
    /// A scanner for which birth dates after `today` are impossible.
    pub fn new(today: Date) -> Scanner {
        Scanner {
            today,
            allowed: Vec::new(),
        }
    }

    /// Lets numbers through that are official contacts (book.toml `contacts`, a supervision
    /// hotline): a township's published mobile is not a leak. Compared on digits only, so
    /// `138-1234-5678`, `+86 13812345678` and `１３８１２３４５６７８` all match one entry.
    pub fn allow(&mut self, contact_numbers: &[String]) -> &mut Scanner {
        for number in contact_numbers {
            let digits = digits_of(number);
            if !digits.is_empty() && !self.allowed.contains(&digits) {
                self.allowed.push(digits);
            }
        }
        self
    }

    /// Every unmasked identifier in `text`, in order, not overlapping.
    pub fn scan(&self, text: &str) -> Vec<Hit> {
        scan::find(text, self.today, &self.allowed)
    }

    /// `text` with every hit replaced by its masked form: the safety net for outputs (search
    /// index, open data) that must never carry an identifier, whatever the checks let through.
    pub fn mask_all(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for hit in self.scan(text) {
            out.push_str(text.get(last..hit.start).unwrap_or_default());
            out.push_str(&hit.masked);
            last = hit.end;
        }
        out.push_str(text.get(last..).unwrap_or_default());
        out
    }
}

/// The one masking pattern of the whole site (SPEC 5.6). Two lists masked differently could
/// be combined to rebuild a number (one showing the first 14 digits, another the last 4), so
/// every output uses these and nothing else:
///
/// - 18-digit ID: first 6 + `********` + last 4 (`340825********1234`): the birth date hidden;
/// - 15-digit ID: first 6 + `*****` + last 4 (`340825*****1234`);
/// - mobile: first 3 + `****` + last 4 (`138****5678`);
/// - bank card: `****` + last 4 only (`****0128`): a card's issuer prefix narrows it down
///   more than a phone's, and payment lists need no more than the tail to be recognised.
///
/// `number` is the identifier's own characters (ASCII digits, a final `X`), no separators.
pub fn mask(kind: IdKind, number: &str) -> String {
    let chars: Vec<char> = number.chars().collect();
    let head = |n: usize| chars.iter().take(n).collect::<String>();
    let tail = |n: usize| chars[chars.len().saturating_sub(n)..].iter().collect::<String>();
    match kind {
        IdKind::ResidentId18 => format!("{}********{}", head(6), tail(4)),
        IdKind::ResidentId15 => format!("{}*****{}", head(6), tail(4)),
        IdKind::Mobile => format!("{}****{}", head(3), tail(4)),
        IdKind::BankCard => format!("****{}", tail(4)),
    }
}

/// The ASCII digits of a number as written anywhere (full-width digits folded); a `+86` /
/// `86` country code in front of a mobile number is dropped.
fn digits_of(number: &str) -> String {
    let digits: String = number
        .chars()
        .filter_map(|c| match c {
            '0'..='9' => Some(c),
            '０'..='９' => char::from_u32(c as u32 - 0xFEE0),
            _ => None,
        })
        .collect();
    match digits.strip_prefix("86") {
        Some(rest) if rest.len() == 11 && rest.starts_with('1') => rest.to_string(),
        _ => digits,
    }
}

#[cfg(test)]
mod disguise_tests;
#[cfg(test)]
mod tests;
