//! One cell to the canonical string the draft stores: dates `YYYY-MM-DD`, months `YYYY-MM`, money
//! in plain yuan (`2270.50`), quantities without trailing zeros (`21.5`), ID numbers with an
//! upper-case `X`, and choices as enum variants.
//!
//! Text is read with the lenient parsers of [`bangfu_model::text`] (full-width digits, `¥`, `元`,
//! `2026年3月1日` …); what only spreadsheets do is handled here: Excel serial dates, numbers that
//! Excel stored as floating point, `="…"` and `'` text markers, error values. Every function
//! returns the reason in Chinese when the cell cannot be read; a blank cell reads as empty.

use crate::grid::{format_number, serial_to_date, Cell};
use crate::limits::MAX_CELL_CHARS;
use bangfu_model::text::{self, format_month, ParseError};
use bangfu_model::Choice;
use bangfu_rules::validate::id_card::normalize_id;
use chrono::NaiveDate;

const EXCEL_NUMBER_ID: &str = "身份证号被 Excel 存成了数字，后几位已经丢失。请把这一列设置为“文本”格式，重新填写身份证号后再导入";
const EXCEL_NUMBER_ACCOUNT: &str =
    "银行卡号在表格中存成了数字，已丢失末尾几位；请把该列设为文本后重新导入";

/// Excel keeps 15 significant digits of a number: a number cell of 16 or more digits has lost
/// the ones after the 15th (they read as zeros), so it must not be imported as if exact.
fn number_lost_digits(n: f64) -> bool {
    !n.is_finite() || n.abs() >= 1e15
}

/// A long number as Excel shows it in a General cell (`6.22202E+18`, `1.10105E+17`), which is
/// also how a CSV saved from such a cell holds it: the digits are gone.
fn is_scientific(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_digit()) && (s.contains("E+") || s.contains("e+"))
}

/// Text of a cell, cleaned: `="…"` (how some systems force Excel to keep text) and a leading `'`
/// removed, full-width ASCII made half-width, trimmed.
fn clean(cell: &Cell) -> Result<String, String> {
    match cell {
        Cell::Error(e) => Err(format!("单元格是 Excel 错误值 {e}，请改为实际内容")),
        Cell::Bool(_) => Err("单元格是“是/否”（TRUE/FALSE）值".to_owned()),
        Cell::Text(raw)
            if raw.is_ascii() && !raw.starts_with(['=', '\'']) && raw.len() <= MAX_CELL_CHARS =>
        {
            // Nothing full-width to convert: trimming is all normalize would do.
            Ok(raw.trim().to_owned())
        }
        other => {
            let raw = other.display();
            let mut s = text::normalize(&raw);
            if let Some(inner) = s.strip_prefix("=\"").and_then(|r| r.strip_suffix('"')) {
                s = inner.trim().to_owned();
            }
            if let Some(rest) = s.strip_prefix('\'') {
                // The quote our CSV export puts before a formula-like text (and Excel's own
                // "text" mark): what follows is the value as typed.
                s = rest.trim().to_owned();
            }
            if s.chars().count() > MAX_CELL_CHARS {
                return Err(format!(
                    "单元格内容过长（{} 个字符，最多 {MAX_CELL_CHARS} 个），请核对",
                    s.chars().count()
                ));
            }
            Ok(s)
        }
    }
}

/// Free text (岗位, 户籍地).
pub fn plain(cell: &Cell) -> Result<String, String> {
    clean(cell)
}

/// A person's name: Chinese names padded for alignment (`张　三`) lose the padding.
pub fn name(cell: &Cell) -> Result<String, String> {
    let s = clean(cell)?;
    let cjk = s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let latin = s.chars().any(|c| c.is_ascii_alphabetic());
    if cjk && !latin {
        return Ok(s.chars().filter(|c| !c.is_whitespace()).collect());
    }
    Ok(s)
}

/// A 居民身份证号码: 18 characters, 17 digits then a digit or `X` (stored upper-case). The check
/// digit itself is judged by the rules, which show it at the field; here only what makes a row
/// unusable as a match key is refused.
pub fn id_number(cell: &Cell) -> Result<String, String> {
    if let Cell::Number(_) = cell {
        return Err(EXCEL_NUMBER_ID.to_owned());
    }
    let s = normalize_id(&clean(cell)?);
    if s.is_empty() {
        return Ok(s);
    }
    if is_scientific(&s) {
        return Err(EXCEL_NUMBER_ID.to_owned());
    }
    let digits = s.bytes().filter(u8::is_ascii_digit).count();
    if s.len() == 15 && digits == 15 {
        return Err("这是15位旧身份证号，请填写18位身份证号".to_owned());
    }
    let ok = s.len() == 18
        && s.as_bytes()[..17].iter().all(u8::is_ascii_digit)
        && matches!(s.as_bytes()[17], b'0'..=b'9' | b'X');
    if ok {
        Ok(s)
    } else {
        Err(format!(
            "身份证号应为18位（17位数字加1位数字或X），这里是{}位",
            s.chars().count()
        ))
    }
}

/// A phone number; a number cell is written without `.0` or exponent.
pub fn phone(cell: &Cell) -> Result<String, String> {
    clean(cell)
}

/// A 银行卡号, kept as typed (spaces and hyphens grouping the digits stay; the rules read it and
/// say at the field what is wrong with it). A number cell is taken only while Excel kept every
/// digit (up to 15); a longer one, or its `6.22202E+18` text in a CSV, is refused rather than
/// imported as a wrong number.
pub fn bank_account(cell: &Cell) -> Result<String, String> {
    if let Cell::Number(n) = cell {
        if number_lost_digits(*n) {
            return Err(EXCEL_NUMBER_ACCOUNT.to_owned());
        }
        return Ok(format_number(*n));
    }
    let s = clean(cell)?;
    if is_scientific(&s) {
        return Err(EXCEL_NUMBER_ACCOUNT.to_owned());
    }
    Ok(s)
}

/// Digits with at most one decimal point: how a serial date or a bare number looks as text.
fn plain_number(s: &str) -> Option<f64> {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `YYYY-MM-DD` read without the general parser (the common case in exports and templates).
fn canonical_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &b[r];
        if !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(part.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let y = num(0..4)?;
    if !(1900..=2200).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y as i32, num(5..7)?, num(8..10)?)
}

fn format_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Serials for 1900-01-01 ..= 2200-12-31, the years [`text::parse_date`] accepts.
fn serial_in_range(n: f64) -> bool {
    (1.0..=110_000.0).contains(&n)
}

fn date_value(cell: &Cell, date_1904: bool) -> Result<Option<NaiveDate>, String> {
    let bad = || ParseError::BadDate.to_string();
    match cell {
        Cell::Date { date, .. } => date.map(Some).ok_or_else(bad),
        Cell::Number(n) => {
            let n = *n;
            if n.fract() == 0.0 && (19_000_101.0..=22_001_231.0).contains(&n) {
                // 20260301 typed as a number.
                return text::parse_date(&format_number(n))
                    .map(Some)
                    .map_err(|e| e.to_string());
            }
            if serial_in_range(n) {
                return serial_to_date(n, date_1904).map(Some).ok_or_else(bad);
            }
            Err(bad())
        }
        _ => {
            let s = clean(cell)?;
            if s.is_empty() {
                return Ok(None);
            }
            if let Some(d) = canonical_date(&s) {
                return Ok(Some(d));
            }
            // A bare number of up to 6 digits is a serial date (CSV saved from a date column
            // formatted as General); 8 digits is 20260301, read by parse_date.
            if let Some(n) = plain_number(&s) {
                if s.split('.').next().is_some_and(|int| int.len() <= 6) {
                    return if serial_in_range(n) {
                        serial_to_date(n, date_1904).map(Some).ok_or_else(bad)
                    } else {
                        Err(bad())
                    };
                }
            }
            text::parse_date(&s).map(Some).map_err(|e| e.to_string())
        }
    }
}

/// A date as `YYYY-MM-DD`; blank reads as empty.
pub fn date(cell: &Cell, date_1904: bool) -> Result<String, String> {
    Ok(date_value(cell, date_1904)?
        .map(format_date)
        .unwrap_or_default())
}

/// Words meaning "no end date" in 协议终止日期 / 离职日期 / 参保终止日期: read as blank.
const OPEN_ENDED: [&str; 10] = [
    "无固定期限",
    "无",
    "长期",
    "至今",
    "在职",
    "在保",
    "未离职",
    "-",
    "/",
    "——",
];

/// A date where blank, or a word such as 无固定期限 or 至今, means "open-ended".
pub fn end_date(cell: &Cell, date_1904: bool) -> Result<String, String> {
    if let Cell::Text(s) = cell {
        let s = text::normalize(s);
        if OPEN_ENDED.contains(&s.as_str()) {
            return Ok(String::new());
        }
    }
    date(cell, date_1904)
}

/// A wage month as `YYYY-MM`. Excel turns a typed `2026-03` into the date 2026-03-01; that, a
/// serial, `202603`, `2026年3月` and a full date all read as the month.
pub fn month(cell: &Cell, date_1904: bool) -> Result<String, String> {
    let bad = || ParseError::BadMonth.to_string();
    match cell {
        Cell::Date { date, .. } => date.map(format_month).ok_or_else(bad),
        Cell::Number(n) => {
            let n = *n;
            if n.fract() == 0.0 && (190_001.0..=220_012.0).contains(&n) {
                return text::parse_month(&format_number(n))
                    .map(format_month)
                    .map_err(|_| bad());
            }
            if serial_in_range(n) {
                return serial_to_date(n, date_1904)
                    .map(format_month)
                    .ok_or_else(bad);
            }
            Err(bad())
        }
        _ => {
            let s = clean(cell)?;
            if s.is_empty() || is_canonical_month(&s) {
                return Ok(s);
            }
            if let Some(n) = plain_number(&s) {
                if s.len() <= 5 && serial_in_range(n) {
                    return serial_to_date(n, date_1904)
                        .map(format_month)
                        .ok_or_else(bad);
                }
            }
            text::parse_month(&s).map(format_month).map_err(|_| bad())
        }
    }
}

/// A floating-point cell to hundredths (fen for money), refusing values that are not a whole
/// number of hundredths up to rounding noise (a formula `=A1-B1` gives `2269.9999999999995`).
fn hundredths_from_f64(n: f64) -> Result<i64, ParseError> {
    if !n.is_finite() {
        return Err(ParseError::BadMoney);
    }
    if n < 0.0 {
        return Err(ParseError::Negative);
    }
    let x = n * 100.0;
    if x >= 1e15 {
        return Err(ParseError::BadMoney);
    }
    let r = x.round();
    let tolerance = (x.abs() * 1e-12).max(1e-6);
    if (x - r).abs() > tolerance {
        return Err(ParseError::TooManyDecimals);
    }
    Ok(r as i64)
}

/// Fen as plain yuan with two decimals: `227050` → `2270.50`.
pub fn format_yuan(fen: i64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

/// Hundredths without trailing zeros: `2150` → `21.5`, `2200` → `22`.
pub fn format_hundredths(h: i64) -> String {
    match h % 100 {
        0 => format!("{}", h / 100),
        r if r % 10 == 0 => format!("{}.{}", h / 100, r / 10),
        r => format!("{}.{:02}", h / 100, r),
    }
}

/// An amount of money in yuan, as `2270.50`; blank reads as empty.
pub fn money(cell: &Cell) -> Result<String, String> {
    let fen = match cell {
        Cell::Number(n) | Cell::Date { serial: n, .. } => hundredths_from_f64(*n),
        _ => {
            let s = clean(cell)?;
            if s.is_empty() {
                return Ok(s);
            }
            text::parse_money_fen(&s)
        }
    };
    fen.map(format_yuan).map_err(|e| e.to_string())
}

/// Days or hours, up to two decimals; blank reads as empty.
pub fn quantity(cell: &Cell) -> Result<String, String> {
    let h = match cell {
        Cell::Number(n) | Cell::Date { serial: n, .. } => {
            hundredths_from_f64(*n).map_err(|e| match e {
                ParseError::Negative => e,
                _ => ParseError::BadNumber,
            })
        }
        _ => {
            let s = clean(cell)?;
            if s.is_empty() {
                return Ok(s);
            }
            text::parse_hundredths(&s)
        }
    };
    h.map(format_hundredths).map_err(|e| match e {
        ParseError::BadNumber => "请填写数字（最多两位小数）".to_owned(),
        other => other.to_string(),
    })
}

/// A choice from a fixed list, by its label or a common other word for it; blank reads as
/// `Unspecified`.
pub fn choice<T: Choice>(cell: &Cell, aliases: &[(&str, T)]) -> Result<T, String> {
    let s: String = clean(cell)?
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if s.is_empty() {
        return Ok(T::ALL[0]);
    }
    if let Some(v) = T::from_label(&s).filter(|v| *v != T::ALL[0]) {
        return Ok(v);
    }
    if let Some((_, v)) = aliases.iter().find(|(a, _)| *a == s) {
        return Ok(*v);
    }
    // The cell was normalised (full-width brackets made half-width): a label with brackets, such
    // as 其他（微信、支付宝等）, is compared normalised too.
    if let Some(v) = T::ALL[1..]
        .iter()
        .copied()
        .find(|v| v.label().contains('（') && text::normalize(v.label()) == s)
    {
        return Ok(v);
    }
    let labels: Vec<&str> = T::ALL[1..].iter().map(|v| v.label()).collect();
    Err(format!("应填写：{}", labels.join("、")))
}

/// The key wage months are matched by: `YYYY-MM` when readable, else the text as typed.
pub fn month_key(month: &str) -> String {
    if is_canonical_month(month) {
        return month.to_owned();
    }
    text::parse_month(month)
        .map(format_month)
        .unwrap_or_else(|_| text::normalize(month))
}

/// `YYYY-MM` with a month 01-12: already what [`month_key`] would return.
pub(crate) fn is_canonical_month(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 7
        && b[4] == b'-'
        && b[..4].iter().chain(&b[5..]).all(u8::is_ascii_digit)
        && matches!((b[5], b[6]), (b'0', b'1'..=b'9') | (b'1', b'0'..=b'2'))
        && b[0] != b'0'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::columns::{
        EMPLOYMENT_FORM_ALIASES, INSURANCE_ALIASES, PAY_METHOD_ALIASES, POVERTY_ALIASES,
    };
    use bangfu_model::{EmploymentForm, InsuranceKind, PayMethod, PovertyStatus};

    fn t(s: &str) -> Cell {
        Cell::Text(s.to_owned())
    }

    #[test]
    fn dates_in_every_spelling_a_file_has() {
        for cell in [
            t("2026-03-01"),
            t("2026/3/1"),
            t("2026年3月1日"),
            t("２０２６年３月１日 "),
            t("46082"),
            t("20260301"),
            Cell::Number(46082.0),
            Cell::Number(20260301.0),
            Cell::Date {
                date: NaiveDate::from_ymd_opt(2026, 3, 1),
                serial: 46082.0,
            },
        ] {
            assert_eq!(date(&cell, false), Ok("2026-03-01".to_owned()), "{cell:?}");
        }
        assert_eq!(date(&Cell::Empty, false), Ok(String::new()));
        assert!(date(&t("2026-02-30"), false).is_err());
        assert!(date(&t("下个月"), false).is_err());
        assert!(date(&Cell::Error("#REF!".into()), false)
            .unwrap_err()
            .contains("#REF!"));
    }

    #[test]
    fn open_ended_words_read_as_blank() {
        assert_eq!(end_date(&t("无固定期限"), false), Ok(String::new()));
        assert_eq!(end_date(&t("至今"), false), Ok(String::new()));
        assert_eq!(end_date(&t("2026-12-31"), false), Ok("2026-12-31".into()));
    }

    #[test]
    fn months() {
        for cell in [
            t("2026-03"),
            t("2026年3月"),
            t("202603"),
            t("2026/03/01"),
            Cell::Number(202603.0),
            Cell::Number(46082.0),
            Cell::Date {
                date: NaiveDate::from_ymd_opt(2026, 3, 1),
                serial: 46082.0,
            },
        ] {
            assert_eq!(month(&cell, false), Ok("2026-03".to_owned()), "{cell:?}");
        }
        assert!(month(&t("2026-13"), false).is_err());
    }

    #[test]
    fn money_as_people_write_it() {
        for (cell, want) in [
            (t("2270.5"), "2270.50"),
            (t("¥2,270.50"), "2270.50"),
            (t("2270元"), "2270.00"),
            (t("２２７０．５０ "), "2270.50"),
            (t("￥2,270"), "2270.00"),
            (Cell::Number(2270.5), "2270.50"),
            (Cell::Number(2269.9999999999995), "2270.00"),
            (Cell::Number(0.1 + 0.2), "0.30"),
        ] {
            assert_eq!(money(&cell), Ok(want.to_owned()), "{cell:?}");
        }
        assert_eq!(money(&Cell::Empty), Ok(String::new()));
        assert!(money(&t("两千")).is_err());
        assert!(money(&Cell::Number(-5.0)).unwrap_err().contains("负数"));
        assert!(money(&Cell::Number(2270.123))
            .unwrap_err()
            .contains("两位小数"));
    }

    #[test]
    fn quantities() {
        assert_eq!(quantity(&t("21.5")), Ok("21.5".into()));
        assert_eq!(quantity(&t("22天")), Ok("22".into()));
        assert_eq!(quantity(&Cell::Number(86.25)), Ok("86.25".into()));
        assert!(quantity(&t("全勤")).is_err());
    }

    #[test]
    fn id_numbers() {
        assert_eq!(
            id_number(&t("11010519491231002x ")),
            Ok("11010519491231002X".into())
        );
        assert_eq!(
            id_number(&t("\t110105194912310021")),
            Ok("110105194912310021".into())
        );
        assert_eq!(
            id_number(&t("=\"110105194912310021\"")),
            Ok("110105194912310021".into())
        );
        assert_eq!(
            id_number(&t("'110105194912310021")),
            Ok("110105194912310021".into())
        );
        assert_eq!(
            id_number(&t("１１０１０５１９４９１２３１００２Ｘ")),
            Ok("11010519491231002X".into())
        );
        assert!(id_number(&Cell::Number(1.10105194912310e17))
            .unwrap_err()
            .contains("文本"));
        assert!(id_number(&t("1.10105E+17")).unwrap_err().contains("文本"));
        assert!(id_number(&t("110105491231002"))
            .unwrap_err()
            .contains("15位"));
        assert!(id_number(&t("1101051949")).unwrap_err().contains("18位"));
        assert_eq!(id_number(&Cell::Empty), Ok(String::new()));
    }

    #[test]
    fn bank_accounts_are_kept_as_typed_unless_excel_lost_digits() {
        for (cell, want) in [
            (t("6222 0212 3456 7890 123"), "6222 0212 3456 7890 123"),
            (t("\t6222021234567890123"), "6222021234567890123"),
            (t("'6222021234567890123"), "6222021234567890123"),
            (t("=\"6222021234567890123\""), "6222021234567890123"),
            (
                t("６２２２０２１２３４５６７８９０１２３"),
                "6222021234567890123",
            ),
            // The rules say at the field what is wrong with this one; the row is kept.
            (t("6222O2"), "6222O2"),
            (Cell::Number(123_456_789_012.0), "123456789012"),
            (Cell::Number(999_999_999_999_999.0), "999999999999999"),
            (Cell::Empty, ""),
        ] {
            assert_eq!(bank_account(&cell), Ok(want.to_owned()), "{cell:?}");
        }
        for cell in [
            Cell::Number(6.222_021_234_567_89e18),
            Cell::Number(1e15),
            Cell::Number(f64::INFINITY),
            t("6.22202E+18"),
            t("6.22202e+18"),
        ] {
            assert_eq!(
                bank_account(&cell),
                Err(
                    "银行卡号在表格中存成了数字，已丢失末尾几位；请把该列设为文本后重新导入"
                        .to_owned()
                ),
                "{cell:?}"
            );
        }
    }

    #[test]
    fn pay_methods_by_label_or_common_word() {
        for (text, want) in [
            ("银行代发", PayMethod::BankTransfer),
            ("银行", PayMethod::BankTransfer),
            ("代发", PayMethod::BankTransfer),
            ("转账", PayMethod::BankTransfer),
            ("现金", PayMethod::Cash),
            (" 现 金 ", PayMethod::Cash),
            ("微信", PayMethod::Other),
            ("支付宝", PayMethod::Other),
            ("其他", PayMethod::Other),
            ("其他（微信、支付宝等）", PayMethod::Other),
            ("", PayMethod::Unspecified),
        ] {
            assert_eq!(choice(&t(text), PAY_METHOD_ALIASES), Ok(want), "{text}");
        }
        assert_eq!(
            choice(&t("汇票"), PAY_METHOD_ALIASES),
            Err("应填写：银行代发、现金、其他（微信、支付宝等）".to_owned())
        );
    }

    #[test]
    fn names_lose_alignment_padding() {
        assert_eq!(name(&t("张　三")), Ok("张三".into()));
        assert_eq!(name(&t(" 乌力吉·巴图 ")), Ok("乌力吉·巴图".into()));
        assert_eq!(name(&t("Anna Li")), Ok("Anna Li".into()));
    }

    #[test]
    fn choices_by_label_or_common_word() {
        assert_eq!(
            choice(&t("脱贫人口"), POVERTY_ALIASES),
            Ok(PovertyStatus::Alleviated)
        );
        assert_eq!(
            choice(&t(" 监测户"), POVERTY_ALIASES),
            Ok(PovertyStatus::Monitored)
        );
        assert_eq!(
            choice(&Cell::Empty, POVERTY_ALIASES),
            Ok(PovertyStatus::Unspecified)
        );
        assert_eq!(
            choice(&t("临时工"), EMPLOYMENT_FORM_ALIASES),
            Ok(EmploymentForm::Seasonal)
        );
        assert_eq!(
            choice(&t("意外险"), INSURANCE_ALIASES),
            Ok(InsuranceKind::Accident)
        );
        let err = choice(&t("贫困户"), POVERTY_ALIASES).unwrap_err();
        assert_eq!(err, "应填写：脱贫人口、监测对象、其他");
        assert!(choice(&t("请选择"), POVERTY_ALIASES).is_err());
    }
}
