//! Lenient reading of what people type or paste: dates, months and money.
//!
//! People type `2026/3/1`, `2026年3月1日`, `¥2,270.00元` and full-width digits from Chinese input
//! methods. These functions accept all of those and say in Chinese what is wrong otherwise. Money is
//! read into fen (`i64`) without ever going through floating point.

use chrono::{Datelike, NaiveDate};
use std::fmt;

/// Why a typed value could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    Empty,
    BadDate,
    BadMonth,
    BadMoney,
    TooManyDecimals,
    Negative,
    BadNumber,
    /// A comma where a decimal point was probably meant (`2600,50`); holds the amount it would
    /// be with a point, to ask the user.
    CommaAsDecimal(String),
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ParseError::Empty => "未填写",
            ParseError::BadDate => "日期格式不对，请填写如 2026-03-01 或 2026年3月1日",
            ParseError::BadMonth => "月份格式不对，请填写如 2026-03",
            ParseError::BadMoney => "金额格式不对，请填写数字，如 2270 或 2,270.50",
            ParseError::TooManyDecimals => "金额最多保留两位小数（分）",
            ParseError::Negative => "不能为负数",
            ParseError::BadNumber => "请填写数字",
            ParseError::CommaAsDecimal(s) => {
                return write!(f, "逗号的位置不像千位分隔：是否为 {s}？小数点请用“.”");
            }
        })
    }
}

impl std::error::Error for ParseError {}

/// Characters that print as nothing but break matching and parsing: zero-width spaces and
/// joiners, the byte-order mark, soft hyphens and bidirectional marks (text pasted from WeChat
/// and web pages carries them). A bidi mark would also reverse the rest of a message.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Full-width ASCII (ＡＢＣ１２３，．／－) to half-width, ideographic space to space, invisible
/// characters ([`is_invisible`]) removed, trimmed.
pub fn normalize(s: &str) -> String {
    s.chars()
        .filter(|c| !is_invisible(*c))
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '。' => '.',
            _ => c,
        })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Reads a calendar date.
///
/// Accepts `2026-03-01`, `2026/3/1`, `2026.3.1`, `2026年3月1日`, `20260301`, with full-width
/// digits and surrounding spaces, and a trailing time (`2026-03-01 00:00:00`) as Excel writes.
///
/// # Errors
/// [`ParseError::Empty`] for blank input, [`ParseError::BadDate`] otherwise.
///
/// # Examples
/// ```
/// use bangfu_model::text::parse_date;
/// use chrono::NaiveDate;
/// let d = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
/// assert_eq!(parse_date("2026年3月1日"), Ok(d));
/// assert_eq!(parse_date("２０２６/3/1"), Ok(d));
/// assert!(parse_date("2026-02-30").is_err());
/// ```
pub fn parse_date(s: &str) -> Result<NaiveDate, ParseError> {
    let s = normalize(s);
    if s.is_empty() {
        return Err(ParseError::Empty);
    }
    // Drop a time part ("2026-03-01 00:00:00" or "2026-03-01T00:00").
    let date_part = s.split([' ', 'T']).next().unwrap_or("");
    if date_part.len() == 8 && date_part.bytes().all(|b| b.is_ascii_digit()) {
        let (y, m, d) = (&date_part[..4], &date_part[4..6], &date_part[6..]);
        return ymd(y, m, d);
    }
    let parts: Vec<&str> = date_part
        .split(['-', '/', '.', '年', '月', '日'])
        .filter(|p| !p.is_empty())
        .collect();
    match parts.as_slice() {
        [y, m, d] => ymd(y, m, d),
        _ => Err(ParseError::BadDate),
    }
}

fn ymd(y: &str, m: &str, d: &str) -> Result<NaiveDate, ParseError> {
    let num = |p: &str| -> Option<u32> {
        if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        p.parse().ok()
    };
    let (y, m, d) = (
        num(y).ok_or(ParseError::BadDate)?,
        num(m).ok_or(ParseError::BadDate)?,
        num(d).ok_or(ParseError::BadDate)?,
    );
    if !(1900..=2200).contains(&y) {
        return Err(ParseError::BadDate);
    }
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or(ParseError::BadDate)
}

/// Reads exactly `YYYY-MM-DD` (the form data files and canonical fields use), nothing else.
/// (chrono's `parse_from_str` would do, but its format-string machinery is ≈12 KB of the page's
/// wasm for this one shape.)
///
/// # Errors
/// [`ParseError::BadDate`] for any other text or a day that does not exist.
///
/// # Example
/// ```
/// use bangfu_model::text::parse_iso_date;
/// assert!(parse_iso_date("2026-02-28").is_ok());
/// assert!(parse_iso_date("2026-02-29").is_err());
/// assert!(parse_iso_date("2026/02/28").is_err());
/// assert!(parse_iso_date(" 2026-02-28").is_err());
/// ```
pub fn parse_iso_date(s: &str) -> Result<NaiveDate, ParseError> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return Err(ParseError::BadDate);
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().map_err(|_| ParseError::BadDate);
    let year = i32::try_from(num(0..4)?).map_err(|_| ParseError::BadDate)?;
    NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?).ok_or(ParseError::BadDate)
}

/// Reads a wage month as its first day. Accepts `2026-03`, `2026/3`, `2026年3月`, `202603`, and a
/// full date (its month is taken).
///
/// # Errors
/// [`ParseError::Empty`] or [`ParseError::BadMonth`].
pub fn parse_month(s: &str) -> Result<NaiveDate, ParseError> {
    let s = normalize(s);
    if s.is_empty() {
        return Err(ParseError::Empty);
    }
    if let Ok(d) = parse_date(&s) {
        return d.with_day(1).ok_or(ParseError::BadMonth);
    }
    if s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit()) {
        return ymd(&s[..4], &s[4..], "1").map_err(|_| ParseError::BadMonth);
    }
    let parts: Vec<&str> = s
        .split(['-', '/', '.', '年', '月'])
        .filter(|p| !p.is_empty())
        .collect();
    match parts.as_slice() {
        [y, m] => ymd(y, m, "1").map_err(|_| ParseError::BadMonth),
        _ => Err(ParseError::BadMonth),
    }
}

/// Formats a month as `YYYY-MM`.
pub fn format_month(d: NaiveDate) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

/// Reads an amount of money in yuan into fen.
///
/// Accepts `2270`, `2,270.5`, `¥2270.00`, `2270元`, `￥２２７０`, and spaces. At most two decimals.
///
/// # Errors
/// [`ParseError::Empty`], [`ParseError::Negative`], [`ParseError::TooManyDecimals`] or
/// [`ParseError::BadMoney`].
///
/// # Examples
/// ```
/// use bangfu_model::text::parse_money_fen;
/// assert_eq!(parse_money_fen("¥2,270.5元"), Ok(227_050));
/// assert_eq!(parse_money_fen("2270"), Ok(227_000));
/// assert!(parse_money_fen("2270.123").is_err());
/// ```
pub fn parse_money_fen(s: &str) -> Result<i64, ParseError> {
    let s = normalize(s);
    let unmarked: String = s
        .chars()
        .filter(|c| !matches!(c, '¥' | '￥' | ' ' | '元'))
        .map(|c| if c == '，' { ',' } else { c })
        .collect();
    let cleaned = thousands(&unmarked)?;
    let cleaned = cleaned.strip_prefix("RMB").unwrap_or(&cleaned);
    if cleaned.is_empty() {
        return Err(ParseError::Empty);
    }
    if cleaned.starts_with('-') {
        return Err(ParseError::Negative);
    }
    let (int, frac) = match cleaned.split_once('.') {
        Some((i, f)) => (i, f),
        None => (cleaned, ""),
    };
    if int.is_empty() && frac.is_empty() {
        return Err(ParseError::BadMoney);
    }
    if !int.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ParseError::BadMoney);
    }
    let frac = frac.trim_end_matches('0');
    if frac.len() > 2 {
        return Err(ParseError::TooManyDecimals);
    }
    if int.len() > 13 {
        return Err(ParseError::BadMoney);
    }
    let yuan: i64 = if int.is_empty() {
        0
    } else {
        int.parse().map_err(|_| ParseError::BadMoney)?
    };
    let fen: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().map_err(|_| ParseError::BadMoney)? * 10,
        _ => frac.parse().map_err(|_| ParseError::BadMoney)?,
    };
    Ok(yuan * 100 + fen)
}

/// Removes thousands separators, which must come in groups of three (`12,345.50`). A lone comma
/// before one or two digits is a decimal comma typed by mistake (`2600,50`): an error asking
/// whether 2600.50 was meant. Anything else with commas (`1,2,3`) is not a number.
fn thousands(s: &str) -> Result<String, ParseError> {
    if !s.contains(',') {
        return Ok(s.to_owned());
    }
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let groups: Vec<&str> = int.split(',').collect();
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let grouped = groups.len() > 1
        && groups.iter().all(|g| digits(g))
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
        && frac.is_none_or(|f| !f.contains(','));
    if grouped {
        let mut out = groups.concat();
        if let Some(f) = frac {
            out.push('.');
            out.push_str(f);
        }
        return Ok(out);
    }
    if let ([whole, cents], None) = (groups.as_slice(), frac) {
        if digits(whole) && digits(cents) && cents.len() <= 2 {
            return Err(ParseError::CommaAsDecimal(format!("{whole}.{cents}")));
        }
    }
    Err(ParseError::BadMoney)
}

/// Formats fen as yuan with two decimals and thousands separators: `2,270.00`.
pub fn format_fen(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let abs = fen.unsigned_abs();
    let yuan = (abs / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in yuan.chars().enumerate() {
        if i > 0 && (yuan.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}.{:02}", abs % 100)
}

/// Reads a non-negative decimal quantity (days, hours, square metres) in hundredths, so that
/// `21.5` days is `2150`. At most two decimals.
///
/// # Errors
/// [`ParseError::Empty`], [`ParseError::Negative`] or [`ParseError::BadNumber`].
pub fn parse_hundredths(s: &str) -> Result<i64, ParseError> {
    let s = normalize(s);
    let s = s.trim_end_matches(['天', '小', '时', 'h', '㎡']).trim();
    let s = s.strip_suffix("平方米").unwrap_or(s).trim();
    parse_money_fen(s).map_err(|e| match e {
        ParseError::BadMoney | ParseError::TooManyDecimals => ParseError::BadNumber,
        other => other,
    })
}

/// `part` as a share of `whole` with one decimal, rounded half up by integer arithmetic (the
/// 占比 the packet and the township's list print); 「—」 for an empty whole.
///
/// ```
/// use bangfu_model::text::format_percent;
/// assert_eq!(format_percent(1, 8), "12.5%");
/// assert_eq!(format_percent(2, 3), "66.7%");
/// assert_eq!(format_percent(0, 0), "—");
/// ```
pub fn format_percent(part: u32, whole: u32) -> String {
    if whole == 0 {
        return "—".into();
    }
    let permille = (u64::from(part) * 1000 + u64::from(whole) / 2) / u64::from(whole);
    format!("{}.{}%", permille / 10, permille % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_in_every_common_spelling() {
        for s in [
            "2026-03-01",
            "2026/3/1",
            "2026.3.1",
            "2026年3月1日",
            "20260301",
            " 2026-03-01 ",
            "２０２６－０３－０１",
            "2026-03-01 00:00:00",
            "2026-03-01T08:00",
        ] {
            assert_eq!(parse_date(s), Ok(d(2026, 3, 1)), "{s}");
        }
    }

    #[test]
    fn impossible_dates_are_refused() {
        for s in [
            "2026-02-29",
            "2026-13-01",
            "1-2-3",
            "abc",
            "2026-03",
            "0000-01-01",
        ] {
            assert!(parse_date(s).is_err(), "{s}");
        }
        assert_eq!(parse_date(""), Err(ParseError::Empty));
        assert_eq!(parse_date("2024-02-29"), Ok(d(2024, 2, 29)));
    }

    #[test]
    fn invisible_characters_pasted_from_chat_are_ignored() {
        assert_eq!(parse_date("\u{200B}2026-03-01\u{FEFF}"), Ok(d(2026, 3, 1)));
        assert_eq!(parse_money_fen("2\u{200E}270"), Ok(227_000));
        assert_eq!(normalize("\u{202E}王\u{200D}五"), "王五");
    }

    #[test]
    fn months() {
        for s in ["2026-03", "2026/3", "2026年3月", "202603", "2026-03-15"] {
            assert_eq!(parse_month(s), Ok(d(2026, 3, 1)), "{s}");
        }
        assert_eq!(parse_month("2026-13"), Err(ParseError::BadMonth));
        assert_eq!(format_month(d(2026, 3, 1)), "2026-03");
    }

    #[test]
    fn money_into_fen() {
        assert_eq!(parse_money_fen("2270"), Ok(227_000));
        assert_eq!(parse_money_fen("2,270.50"), Ok(227_050));
        assert_eq!(parse_money_fen("¥2270.5"), Ok(227_050));
        assert_eq!(parse_money_fen("￥２２７０元"), Ok(227_000));
        assert_eq!(parse_money_fen("2269.99"), Ok(226_999));
        assert_eq!(parse_money_fen(".5"), Ok(50));
        assert_eq!(parse_money_fen("2270.100"), Ok(227_010));
        assert_eq!(
            parse_money_fen("2270.123"),
            Err(ParseError::TooManyDecimals)
        );
        assert_eq!(parse_money_fen("-5"), Err(ParseError::Negative));
        assert_eq!(parse_money_fen("两千"), Err(ParseError::BadMoney));
        assert_eq!(parse_money_fen("."), Err(ParseError::BadMoney));
        assert_eq!(parse_money_fen(""), Err(ParseError::Empty));
        assert_eq!(
            parse_money_fen("99999999999999999999"),
            Err(ParseError::BadMoney)
        );
    }

    /// Commas: thousands separators only in groups of three; a lone comma before two digits is a
    /// question, not 260,050.00 元 passing the minimum wage.
    #[test]
    fn commas_are_thousands_separators_only_in_groups_of_three() {
        assert_eq!(parse_money_fen("2,270.50"), Ok(227_050));
        assert_eq!(parse_money_fen("12,345,678"), Ok(1_234_567_800));
        assert_eq!(parse_money_fen("2，270"), Ok(227_000));
        assert_eq!(
            parse_money_fen("2600,50"),
            Err(ParseError::CommaAsDecimal("2600.50".into()))
        );
        assert_eq!(
            parse_money_fen("2600,5"),
            Err(ParseError::CommaAsDecimal("2600.5".into()))
        );
        assert!(ParseError::CommaAsDecimal("2600.50".into())
            .to_string()
            .contains("是否为 2600.50？"));
        for bad in ["1,2,3", "22,70", "2,2700", ",270", "2,270,5"] {
            assert!(
                matches!(
                    parse_money_fen(bad),
                    Err(ParseError::BadMoney | ParseError::CommaAsDecimal(_))
                ),
                "{bad}"
            );
        }
        assert_eq!(parse_money_fen("1,2,3"), Err(ParseError::BadMoney));
    }

    #[test]
    fn fen_formatting() {
        assert_eq!(format_fen(227_050), "2,270.50");
        assert_eq!(format_fen(5), "0.05");
        assert_eq!(format_fen(123_456_789), "1,234,567.89");
        assert_eq!(format_fen(-100), "-1.00");
    }

    #[test]
    fn quantities() {
        assert_eq!(parse_hundredths("21.5"), Ok(2150));
        assert_eq!(parse_hundredths("22天"), Ok(2200));
        assert_eq!(parse_hundredths("120 平方米"), Ok(12000));
        assert_eq!(parse_hundredths("x"), Err(ParseError::BadNumber));
    }
}
