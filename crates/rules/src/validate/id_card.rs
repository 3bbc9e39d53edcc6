//! 居民身份证号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence
//! (odd = male, even = female), 1 check character (ISO 7064 MOD 11-2).
//!
//! Any province's code is accepted: migrant workers from outside Inner Mongolia are common. The
//! birth date must be a real date, not after `today`. A lowercase `x` is accepted and normalised to
//! `X` ([`normalize_id`]); the old 15-digit numbers are refused with a message saying so.
//!
//! Age: 《劳动法》第十五条 forbids employing anyone under 16. [`sixteenth_birthday`] is reached on
//! the 16th birthday itself (same convention as the 3-month rule of 第七条第（二）项 in the domain
//! guide; a 29 February birthday falls on 28 February, 民法典第二百零二条).

use crate::calendar::add_calendar_months;
use bangfu_model::text::normalize;
use chrono::NaiveDate;
use serde::Serialize;
use std::fmt;

/// GB 11643-1999 weights for the first 17 digits (2^(18-i) mod 11).
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// The check character for each remainder `sum mod 11`.
const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// 性别, from the 17th digit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    /// 男 / 女
    pub fn label(self) -> &'static str {
        match self {
            Sex::Male => "男",
            Sex::Female => "女",
        }
    }
}

/// A valid 18-character ID number with what it encodes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IdNumber {
    number: String,
    birth: NaiveDate,
    sex: Sex,
}

impl IdNumber {
    /// The normalised number (upper-case `X`).
    pub fn as_str(&self) -> &str {
        &self.number
    }
    pub fn birth_date(&self) -> NaiveDate {
        self.birth
    }
    /// The number as one integer (the 17 digits, then the check character with `X` as 10): equal
    /// exactly when the numbers are, and quicker to compare and hash than the text when the
    /// whole roster is searched for repeats on every keystroke.
    pub fn packed(&self) -> u64 {
        self.number.bytes().fold(0u64, |acc, b| match b {
            b'0'..=b'9' => acc * 11 + u64::from(b - b'0'),
            _ => acc * 11 + 10,
        })
    }
    pub fn sex(&self) -> Sex {
        self.sex
    }
    /// The 6-digit address code of the place of first registration (not necessarily today's 户籍地).
    pub fn region_code(&self) -> &str {
        self.number.get(..6).unwrap_or("")
    }
    /// The number with the birth date and sequence hidden (`150121********123X`), for lists that
    /// do not need the whole number.
    pub fn masked(&self) -> String {
        mask_id(&self.number)
    }
}

/// An ID number as typed, with everything but its first 6 and last 4 characters hidden (the
/// county and the check digits, which a worker can confirm on the phone): what printed lists of
/// people show. Anything shorter than 11 characters hides nothing to hide behind and is shown as
/// it is.
///
/// ```
/// use bangfu_rules::validate::id_card::mask_id;
/// assert_eq!(mask_id("150121199001011234"), "150121********1234");
/// assert_eq!(mask_id("12"), "12");
/// ```
pub fn mask_id(id: &str) -> String {
    let chars: Vec<char> = id.trim().chars().collect();
    let n = chars.len();
    if n < 11 {
        return chars.into_iter().collect();
    }
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| if i < 6 || i >= n - 4 { *c } else { '*' })
        .collect()
}

/// Why an ID number is refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum IdError {
    Empty,
    /// A first-generation 15-digit number.
    OldFifteenDigit,
    WrongLength(usize),
    BadCharacter,
    BadBirthDate,
    FutureBirthDate,
    Checksum,
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdError::Empty => f.write_str("请填写身份证号码"),
            IdError::OldFifteenDigit => {
                f.write_str("这是15位旧身份证号码，已停止使用，请填写18位居民身份证号码")
            }
            IdError::WrongLength(n) => write!(f, "身份证号码应为18位，现为{n}位"),
            IdError::BadCharacter => f.write_str("身份证号码前17位应为数字，最后一位为数字或X"),
            IdError::BadBirthDate => {
                f.write_str("身份证号码第7-14位的出生日期不是有效日期，请核对")
            }
            IdError::FutureBirthDate => f.write_str("身份证号码中的出生日期晚于今天，请核对"),
            IdError::Checksum => {
                f.write_str("身份证号码校验位不符（GB 11643-1999），可能有数字输错，请逐位核对")
            }
        }
    }
}

impl std::error::Error for IdError {}

/// What the app stores for a typed number: half-width, no spaces, upper-case `X`.
pub fn normalize_id(s: &str) -> String {
    normalize(s)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The check character for 17 leading digits, or `None` if they are not 17 ASCII digits.
pub fn check_char(first17: &str) -> Option<char> {
    let bytes = first17.as_bytes();
    if bytes.len() != 17 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let sum: u32 = bytes
        .iter()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    CHECK.get((sum % 11) as usize).copied()
}

/// Validates an ID number typed by a person; `today` bounds the birth date.
///
/// # Errors
/// An [`IdError`] whose `Display` is the Chinese message for the field.
///
/// # Examples
/// ```
/// use bangfu_rules::validate::parse_id_number;
/// use chrono::NaiveDate;
/// let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
/// let id = parse_id_number("11010519491231002x", today).unwrap();
/// assert_eq!(id.as_str(), "11010519491231002X");
/// assert!(parse_id_number("110101202311012171", today).is_err());
/// ```
pub fn parse_id_number(s: &str, today: NaiveDate) -> Result<IdNumber, IdError> {
    let number = normalize_id(s);
    let len = number.chars().count();
    if len == 0 {
        return Err(IdError::Empty);
    }
    if len == 15 && number.bytes().all(|b| b.is_ascii_digit()) {
        return Err(IdError::OldFifteenDigit);
    }
    if len != 18 {
        return Err(IdError::WrongLength(len));
    }
    // 18 chars; from here on the string is ASCII if the first 17 are digits and the last is 0-9/X.
    let last = number.chars().last().unwrap_or(' ');
    let body: String = number.chars().take(17).collect();
    if !body.bytes().all(|b| b.is_ascii_digit()) || !matches!(last, '0'..='9' | 'X') {
        return Err(IdError::BadCharacter);
    }
    let body = body.as_str();
    let birth = birth_from(body).ok_or(IdError::BadBirthDate)?;
    if birth > today {
        return Err(IdError::FutureBirthDate);
    }
    if check_char(body) != Some(last) {
        return Err(IdError::Checksum);
    }
    let sex = if (body.as_bytes()[16] - b'0') % 2 == 1 {
        Sex::Male
    } else {
        Sex::Female
    };
    Ok(IdNumber { number, birth, sex })
}

fn birth_from(body: &str) -> Option<NaiveDate> {
    let y: i32 = body.get(6..10)?.parse().ok()?;
    let m: u32 = body.get(10..12)?.parse().ok()?;
    let d: u32 = body.get(12..14)?.parse().ok()?;
    if y < 1900 {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The day a person born on `birth` turns 16 (《劳动法》第十五条), by calendar months.
pub fn sixteenth_birthday(birth: NaiveDate) -> NaiveDate {
    add_calendar_months(birth, 16 * 12)
}

/// Whole years of age on `on` (0 before the first birthday).
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> u32 {
    let mut years = 0u32;
    while years < 200 && add_calendar_months(birth, (years as i32 + 1) * 12) <= on {
        years += 1;
    }
    years
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn packed_numbers_are_equal_exactly_when_the_numbers_are() {
        let today = d(2026, 6, 1);
        let ids = [
            "11010519491231002X",
            "150902198501031006",
            "15090219850103100X",
        ];
        let valid: Vec<IdNumber> = ids
            .iter()
            .filter_map(|s| parse_id_number(s, today).ok())
            .collect();
        assert!(valid.len() >= 2, "the vectors include valid numbers");
        for a in &valid {
            for b in &valid {
                assert_eq!(a.packed() == b.packed(), a.as_str() == b.as_str());
            }
        }
        let lower = parse_id_number("11010519491231002x", today).unwrap();
        assert_eq!(lower.packed(), valid[0].packed(), "x is read as X");
        assert_eq!(lower.packed() % 11, 10, "the check character X packs as 10");
    }

    #[test]
    fn domain_guide_vectors() {
        let today = d(2026, 6, 1);
        type Want = Result<(NaiveDate, Sex), IdError>;
        let cases: &[(&str, Want)] = &[
            ("11010519491231002X", Ok((d(1949, 12, 31), Sex::Female))),
            ("11010519491231002x", Ok((d(1949, 12, 31), Sex::Female))),
            ("110101202311012176", Ok((d(2023, 11, 1), Sex::Male))),
            ("110101202311012171", Err(IdError::Checksum)),
        ];
        for (input, want) in cases {
            let got = parse_id_number(input, today).map(|id| (id.birth_date(), id.sex()));
            assert_eq!(&got, want, "{input}");
        }
    }

    #[test]
    fn id_bad_checksum_is_refused_with_a_chinese_message() {
        let err = parse_id_number("110101202311012171", d(2026, 1, 1)).unwrap_err();
        assert!(err.to_string().contains("校验位"));
    }

    #[test]
    fn malformed_numbers_say_what_is_wrong() {
        let today = d(2026, 6, 1);
        let cases: &[(&str, IdError)] = &[
            ("", IdError::Empty),
            ("   ", IdError::Empty),
            ("110105491231002", IdError::OldFifteenDigit),
            ("1101051949123100", IdError::WrongLength(16)),
            ("11010519491231002Y", IdError::BadCharacter),
            ("1101051949123100X2", IdError::BadCharacter),
            ("张三0519491231002121", IdError::BadCharacter),
            ("110105194902300028", IdError::BadBirthDate),
            ("110105180001010028", IdError::BadBirthDate),
            ("110105203001010028", IdError::FutureBirthDate),
        ];
        for (input, want) in cases {
            assert_eq!(
                parse_id_number(input, today).as_ref().err(),
                Some(want),
                "{input}"
            );
        }
    }

    #[test]
    fn full_width_and_spaces_are_accepted_and_normalised() {
        let id = parse_id_number(" １１０１０５ 19491231002ｘ ", d(2026, 1, 1)).unwrap();
        assert_eq!(id.as_str(), "11010519491231002X");
        assert_eq!(normalize_id("11010519491231002x"), "11010519491231002X");
        assert_eq!(id.region_code(), "110105");
        assert_eq!(id.masked(), "110105********002X");
    }

    #[test]
    fn check_char_matches_the_standard() {
        assert_eq!(check_char("11010519491231002"), Some('X'));
        assert_eq!(check_char("11010120231101217"), Some('6'));
        assert_eq!(check_char("1101012023110121"), None);
        assert_eq!(check_char("1101012023110121a"), None);
    }

    #[test]
    fn age_and_sixteenth_birthday() {
        let cases = [
            (d(2010, 3, 15), d(2026, 3, 14), 15, d(2026, 3, 15)),
            (d(2010, 3, 15), d(2026, 3, 15), 16, d(2026, 3, 15)),
            (d(2008, 2, 29), d(2024, 2, 28), 15, d(2024, 2, 29)),
            (d(2008, 2, 29), d(2025, 2, 28), 17, d(2024, 2, 29)),
            (d(2012, 2, 29), d(2028, 2, 29), 16, d(2028, 2, 29)),
            (d(2011, 2, 28), d(2027, 2, 27), 15, d(2027, 2, 28)),
        ];
        for (birth, on, age, sixteen) in cases {
            assert_eq!(age_on(birth, on), age, "{birth} on {on}");
            assert_eq!(sixteenth_birthday(birth), sixteen, "{birth}");
        }
        // A 29 February birthday in a common year: 28 February (民法典第二百零二条).
        assert_eq!(sixteenth_birthday(d(2009, 2, 28)), d(2025, 2, 28));
        assert_eq!(add_calendar_months(d(2008, 2, 29), 17 * 12), d(2025, 2, 28));
    }
}
