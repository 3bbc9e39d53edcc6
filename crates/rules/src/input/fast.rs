//! Allocation-free readers for the canonical spellings the app itself writes (`2026-05-15`,
//! `2026-05`, `2310.00`, `15`); anything else goes to the lenient readers of
//! [`bangfu_model::text`], which give the same answer for these spellings (tested below).
//!
//! Why: the UI re-assesses on every keystroke and a roster of 2,000 people has some 150,000 typed
//! values; the lenient readers normalise (allocate) every one of them.

use bangfu_model::text::{self, ParseError};
use chrono::NaiveDate;

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || b.len() > 9 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
}

fn year_ok(y: u32) -> bool {
    (1900..=2200).contains(&y)
}

/// `YYYY-MM-DD`, else [`text::parse_date`].
pub(crate) fn date(s: &str) -> Result<NaiveDate, ParseError> {
    let b = s.as_bytes();
    if b.is_empty() {
        return Err(ParseError::Empty);
    }
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        if let (Some(y), Some(m), Some(d)) = (digits(&b[..4]), digits(&b[5..7]), digits(&b[8..])) {
            if year_ok(y) {
                return NaiveDate::from_ymd_opt(y as i32, m, d).ok_or(ParseError::BadDate);
            }
        }
    }
    text::parse_date(s)
}

/// `YYYY-MM` (as the first day), else [`text::parse_month`].
pub(crate) fn month(s: &str) -> Result<NaiveDate, ParseError> {
    let b = s.as_bytes();
    if b.is_empty() {
        return Err(ParseError::Empty);
    }
    if b.len() == 7 && b[4] == b'-' {
        if let (Some(y), Some(m)) = (digits(&b[..4]), digits(&b[5..])) {
            if year_ok(y) {
                return NaiveDate::from_ymd_opt(y as i32, m, 1).ok_or(ParseError::BadMonth);
            }
        }
    }
    text::parse_month(s)
}

/// `123`, `123.4`, `123.45` (up to 13 integer digits) in hundredths, else `slow`.
fn hundredths(s: &str, slow: fn(&str) -> Result<i64, ParseError>) -> Result<i64, ParseError> {
    let b = s.as_bytes();
    if b.is_empty() {
        return Err(ParseError::Empty);
    }
    let (int, frac) = match b.iter().position(|c| *c == b'.') {
        Some(i) => (&b[..i], Some(&b[i + 1..])),
        None => (b, None),
    };
    let plain = !int.is_empty()
        && int.len() <= 13
        && int.iter().all(u8::is_ascii_digit)
        && frac.is_none_or(|f| (1..=2).contains(&f.len()) && f.iter().all(u8::is_ascii_digit));
    if !plain {
        return slow(s);
    }
    let whole = int.iter().fold(0i64, |n, d| n * 10 + i64::from(d - b'0'));
    let cents = match frac.unwrap_or(&[]) {
        [a] => i64::from(a - b'0') * 10,
        [a, c] => i64::from(a - b'0') * 10 + i64::from(c - b'0'),
        _ => 0,
    };
    Ok(whole * 100 + cents)
}

/// Money in fen, see [`text::parse_money_fen`].
pub(crate) fn money(s: &str) -> Result<i64, ParseError> {
    hundredths(s, text::parse_money_fen)
}

/// A quantity in hundredths, see [`text::parse_hundredths`].
pub(crate) fn quantity(s: &str) -> Result<i64, ParseError> {
    hundredths(s, text::parse_hundredths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_paths_agree_with_the_lenient_readers() {
        let dates = [
            "2026-05-15",
            "2026-02-29",
            "2024-02-29",
            "1899-01-01",
            "2201-01-01",
            "0000-01-01",
            "2026-13-01",
            "2026-5-15",
            "2026/05/15",
            "",
            " 2026-05-15",
            "2026-05-1a",
        ];
        for s in dates {
            assert_eq!(date(s), text::parse_date(s), "{s:?}");
        }
        let months = [
            "2026-05", "2026-13", "2026-00", "1899-12", "2026-5", "202605", "",
        ];
        for s in months {
            assert_eq!(month(s), text::parse_month(s), "{s:?}");
        }
        let amounts = [
            "2310",
            "2310.0",
            "2310.00",
            "2310.5",
            "0.05",
            "2310.",
            ".5",
            "2310.123",
            "2310.100",
            "1234567890123",
            "12345678901234",
            "2,310",
            "-5",
            "",
            "¥2310",
            "2310 ",
            "1.2.3",
        ];
        for s in amounts {
            assert_eq!(money(s), text::parse_money_fen(s), "{s:?}");
            assert_eq!(quantity(s), text::parse_hundredths(s), "{s:?}");
        }
    }
}
