//! 文号: `机关代字〔年份〕序号号` (`示政办〔2026〕12号`). Clerks type the brackets every way their
//! keyboard allows (`[2026]`, `(2026)`, `（2026）`, `【2026】`); they are one 文号 and are
//! compared in one form, or a document would not find the 解读 that names it.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocNo {
    pub agency: String,
    pub year: i16,
    pub seq: u32,
}

impl fmt::Display for DocNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}〔{}〕{}号", self.agency, self.year, self.seq)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocNoError {
    NoAgency,
    NoYear,
    NoNumber,
    NoHao,
}

impl DocNoError {
    pub fn zh(self) -> &'static str {
        match self {
            DocNoError::NoAgency => "缺少机关代字",
            DocNoError::NoYear => "缺少用六角括号〔〕括起的年份",
            DocNoError::NoNumber => "缺少序号",
            DocNoError::NoHao => "序号后缺少“号”字",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            DocNoError::NoAgency => "the issuing agency's abbreviation is missing",
            DocNoError::NoYear => "the year in 〔〕 is missing",
            DocNoError::NoNumber => "the serial number is missing",
            DocNoError::NoHao => "号 is missing after the number",
        }
    }
}

const OPEN: &[char] = &['〔', '[', '［', '(', '（', '【', '〖', '｛', '{'];
const CLOSE: &[char] = &['〕', ']', '］', ')', '）', '】', '〗', '｝', '}'];

/// The 文号 in `text`, and whether it had to be normalised (brackets, stray spaces, leading
/// zeros): the clerk is told the one form, the site shows it.
pub fn parse(text: &str) -> Result<(DocNo, bool), DocNoError> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut normalized = compact.chars().count() != text.trim().chars().count();
    let open = compact.find(OPEN).ok_or(DocNoError::NoYear)?;
    let agency = compact[..open].to_string();
    if agency.is_empty() {
        return Err(DocNoError::NoAgency);
    }
    let rest = &compact[open..];
    let first = rest.chars().next().unwrap_or('〔');
    let after_open = &rest[first.len_utf8()..];
    let close = after_open.find(CLOSE).ok_or(DocNoError::NoYear)?;
    let year_text = &after_open[..close];
    let closing = after_open[close..].chars().next().unwrap_or('〕');
    normalized |= first != '〔' || closing != '〕';
    let year: i16 = year_text
        .parse()
        .ok()
        .filter(|y| (1949..=2100).contains(y))
        .ok_or(DocNoError::NoYear)?;
    let tail = &after_open[close + closing.len_utf8()..];
    let tail = match tail.strip_prefix('第') {
        Some(t) => {
            normalized = true;
            t
        }
        None => tail,
    };
    let digits: String = tail.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return Err(DocNoError::NoNumber);
    }
    let after = &tail[digits.len()..];
    if after != "号" {
        return Err(DocNoError::NoHao);
    }
    normalized |= digits.starts_with('0');
    let seq = digits.parse().map_err(|_| DocNoError::NoNumber)?;
    Ok((DocNo { agency, year, seq }, normalized))
}

impl DocNo {
    /// Every way a notice's text may cite this 文号, for finding citations of a lapsed one.
    pub fn spellings(&self) -> Vec<String> {
        let (a, y, n) = (&self.agency, self.year, self.seq);
        [
            ('〔', '〕'),
            ('[', ']'),
            ('［', '］'),
            ('(', ')'),
            ('（', '）'),
            ('【', '】'),
        ]
        .iter()
        .map(|(o, c)| format!("{a}{o}{y}{c}{n}号"))
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bracket_is_one_docno() {
        let (canon, n) = parse("示政办〔2026〕12号").unwrap();
        assert!(!n);
        assert_eq!(canon.to_string(), "示政办〔2026〕12号");
        for v in [
            "示政办[2026]12号",
            "示政办(2026)12号",
            "示政办（2026）12号",
            "示政办【2026】012号",
            "示政办 〔2026〕 12 号",
        ] {
            let (d, n) = parse(v).unwrap();
            assert_eq!(d, canon, "{v}");
            assert!(n, "{v} is not the standard form");
        }
    }

    #[test]
    fn broken_docnos_say_what_is_missing() {
        assert_eq!(parse("示政办〔2026〕12"), Err(DocNoError::NoHao));
        assert_eq!(parse("示政办2026年12号"), Err(DocNoError::NoYear));
        assert_eq!(parse("〔2026〕12号"), Err(DocNoError::NoAgency));
        assert_eq!(parse("示政办〔2026〕号"), Err(DocNoError::NoNumber));
    }
}
