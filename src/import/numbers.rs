//! Long numbers that Excel stored as numbers, and so already lost digits.
//!
//! Excel keeps 15 significant digits. An 18-digit ID number typed or pasted into a cell with
//! the general format becomes `341099198001011000` (the last three digits gone) and shows as
//! `3.41099E+17`; a CSV saved from it carries either form. The true number cannot be
//! recovered, and masking a wrong number publishes a wrong list (and a wrong last four
//! digits is someone else's), so such a cell is refused with the fix: format the column as
//! text (文本) and take the numbers again from the source system.

use super::sheet::Cell;

/// Why a cell's number cannot be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Broken {
    /// Stored as a number with 16 or more digits: Excel kept only the first 15.
    StoredAsNumber,
    /// Scientific notation text such as `3.41099E+17`.
    Scientific,
    /// 16–19 digits ending in `000` that are neither a valid ID number nor a valid card
    /// number: the trace of a number that Excel rounded, saved as text afterwards.
    LostDigits,
}

impl Broken {
    pub fn describe_zh(self) -> &'static str {
        match self {
            Broken::StoredAsNumber => "被存成了数值，Excel/WPS 只保留 15 位有效数字，后面的位数已经丢失",
            Broken::Scientific => "显示为科学计数法，原来的位数已经丢失",
            Broken::LostDigits => "末尾几位变成了 0，多半是曾被存成数值、位数已经丢失",
        }
    }

    pub fn describe_en(self) -> &'static str {
        match self {
            Broken::StoredAsNumber => "was stored as a number; Excel/WPS keep 15 significant digits, the rest is lost",
            Broken::Scientific => "is in scientific notation; its digits are lost",
            Broken::LostDigits => "ends in zeros that were digits once: it was stored as a number and rounded",
        }
    }
}

/// Whether `cell` holds a long number whose digits were lost.
pub fn broken(cell: &Cell) -> Option<Broken> {
    if let Some(f) = cell.number
        && f.abs() >= 1e15
    {
        return Some(Broken::StoredAsNumber);
    }
    let t = cell.text.trim();
    if is_scientific(t) {
        return Some(Broken::Scientific);
    }
    let digits = t.len();
    if (16..=19).contains(&digits)
        && t.bytes().all(|b| b.is_ascii_digit())
        && t.ends_with("000")
        && !(digits == 18 && id_check_ok(t))
        && !luhn_ok(t)
    {
        return Some(Broken::LostDigits);
    }
    None
}

/// `3.41099E+17`, `3.41099e17`, `1E+18`: a mantissa, an `E` and an exponent of 10 or more.
fn is_scientific(t: &str) -> bool {
    let Some((mantissa, exp)) = t.split_once(['E', 'e']) else {
        return false;
    };
    let exp = exp.strip_prefix('+').unwrap_or(exp);
    let mantissa_ok = !mantissa.is_empty()
        && mantissa.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && mantissa.bytes().filter(|b| *b == b'.').count() <= 1
        && mantissa.as_bytes()[0].is_ascii_digit();
    mantissa_ok
        && !exp.is_empty()
        && exp.bytes().all(|b| b.is_ascii_digit())
        && exp.parse::<u32>().is_ok_and(|e| e >= 10)
}

/// The GB 11643 check character of an 18-digit ID number.
fn id_check_ok(id: &str) -> bool {
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const C: &[u8; 11] = b"10X98765432";
    let b = id.as_bytes();
    if b.len() != 18 {
        return false;
    }
    let sum: u32 = b[..17].iter().zip(W).map(|(d, w)| u32::from(d - b'0') * w).sum();
    C[(sum % 11) as usize] == b[17].to_ascii_uppercase()
}

fn luhn_ok(n: &str) -> bool {
    let sum: u32 = n
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(f: f64) -> Cell {
        Cell {
            text: format!("{f}"),
            number: Some(f),
        }
    }

    #[test]
    fn ids_stored_as_numbers_are_refused() {
        assert_eq!(broken(&num(341099198001011234.0)), Some(Broken::StoredAsNumber));
        assert_eq!(broken(&Cell::text("3.41099E+17")), Some(Broken::Scientific));
        assert_eq!(broken(&Cell::text("341099198001011000")), Some(Broken::LostDigits));
    }

    #[test]
    fn real_numbers_pass() {
        assert_eq!(broken(&num(1680.0)), None);
        assert_eq!(broken(&num(13812345678.0)), None);
        assert_eq!(broken(&Cell::text("340825198001011236")), None);
        assert_eq!(broken(&Cell::text("6222021234567890128")), None);
        assert_eq!(broken(&Cell::text("2E+3")), None);
        assert_eq!(broken(&Cell::text("柳河村E组")), None);
    }
}
