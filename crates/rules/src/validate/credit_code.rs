//! 统一社会信用代码 (GB 32100-2015), the USCC (`credit_code`).
//!
//! 18 characters from `0123456789ABCDEFGHJKLMNPQRTUWXY` (I, O, S, V and Z are never used):
//! 1 registering-authority code, 1 category code, 6 characters of the registering authority's
//! administrative division (GB/T 2260), 9 characters of organisation code, 1 check character
//! (weights `3^i mod 31`, check value `31 - sum mod 31`, 31 → 0).
//!
//! What the rules read from it (第六条):
//! - characters 3-4 = `15`: registered in Inner Mongolia. Anything else is a warning, not a refusal:
//!   an entity registered elsewhere may operate here, and the township reviewer decides.
//! - characters 1-2: `91` enterprise, `92` 个体工商户, `93` 农民专业合作社. Used to cross-check the
//!   entity type the applicant chose.

use bangfu_model::text::normalize;
use serde::Serialize;
use std::fmt;

/// The 31 characters of the code, in value order (value = index).
const CHARSET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/// Weights for the first 17 characters.
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// What characters 1-2 say about the kind of entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum CodeKind {
    /// `91`: 企业 (公司、个人独资企业、合伙企业、分支机构 …)
    Enterprise,
    /// `92`: 个体工商户
    IndividualBusiness,
    /// `93`: 农民专业合作社
    FarmerCooperative,
    /// Anything else (机关、事业单位、社会组织 …)
    Other,
}

impl CodeKind {
    /// Chinese name of the category.
    pub fn label(self) -> &'static str {
        match self {
            CodeKind::Enterprise => "企业",
            CodeKind::IndividualBusiness => "个体工商户",
            CodeKind::FarmerCooperative => "农民专业合作社",
            CodeKind::Other => "其他组织",
        }
    }
}

/// A valid USCC.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CreditCode {
    code: String,
}

impl CreditCode {
    /// The normalised code (upper case, no spaces).
    pub fn as_str(&self) -> &str {
        &self.code
    }
    /// Characters 1-2, e.g. `91`.
    pub fn category(&self) -> &str {
        self.code.get(..2).unwrap_or("")
    }
    /// Characters 3-8: the registering authority's administrative division code.
    pub fn division(&self) -> &str {
        self.code.get(2..8).unwrap_or("")
    }
    /// Characters 3-4 = `15` (内蒙古自治区).
    pub fn registered_in_inner_mongolia(&self) -> bool {
        self.code.get(2..4) == Some("15")
    }
    /// The kind of entity per characters 1-2.
    pub fn kind(&self) -> CodeKind {
        match self.category() {
            "91" => CodeKind::Enterprise,
            "92" => CodeKind::IndividualBusiness,
            "93" => CodeKind::FarmerCooperative,
            _ => CodeKind::Other,
        }
    }
}

/// Why a USCC is refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum CreditCodeError {
    Empty,
    WrongLength(usize),
    /// 1-based position and the character found.
    BadCharacter(usize, char),
    Checksum,
}

impl fmt::Display for CreditCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CreditCodeError::Empty => f.write_str("请填写统一社会信用代码"),
            CreditCodeError::WrongLength(n) => {
                write!(f, "统一社会信用代码应为18位，现为{n}位")
            }
            CreditCodeError::BadCharacter(pos, c) => write!(
                f,
                "统一社会信用代码第{pos}位“{c}”不是有效字符（只用数字和除I、O、S、V、Z以外的大写字母）"
            ),
            CreditCodeError::Checksum => f.write_str(
                "统一社会信用代码校验位不符（GB 32100-2015），可能有字符输错，请对照营业执照核对",
            ),
        }
    }
}

impl std::error::Error for CreditCodeError {}

fn value(c: char) -> Option<u32> {
    CHARSET.find(c).map(|i| i as u32)
}

/// What the app stores for a typed code: half-width, upper case, no spaces or hyphens.
pub fn normalize_credit_code(s: &str) -> String {
    normalize(s)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The check character for the first 17 characters, or `None` if any is outside the charset.
pub fn check_char(first17: &str) -> Option<char> {
    if first17.chars().count() != 17 {
        return None;
    }
    let mut sum = 0u32;
    for (c, w) in first17.chars().zip(WEIGHTS) {
        sum += value(c)? * w;
    }
    let check = (31 - sum % 31) % 31;
    CHARSET.chars().nth(check as usize)
}

/// Validates a USCC as typed.
///
/// # Errors
/// A [`CreditCodeError`] whose `Display` is the Chinese message for the field.
///
/// # Examples
/// ```
/// use bangfu_rules::validate::parse_credit_code;
/// assert!(parse_credit_code("91350100M000100Y43").is_ok());
/// assert!(parse_credit_code("91350100M000100Y44").is_err());
/// ```
pub fn parse_credit_code(s: &str) -> Result<CreditCode, CreditCodeError> {
    let code = normalize_credit_code(s);
    let len = code.chars().count();
    if len == 0 {
        return Err(CreditCodeError::Empty);
    }
    if len != 18 {
        return Err(CreditCodeError::WrongLength(len));
    }
    for (i, c) in code.chars().enumerate() {
        if value(c).is_none() {
            return Err(CreditCodeError::BadCharacter(i + 1, c));
        }
    }
    let body: String = code.chars().take(17).collect();
    if check_char(&body) != code.chars().nth(17) {
        return Err(CreditCodeError::Checksum);
    }
    Ok(CreditCode { code })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_guide_vectors() {
        for ok in [
            "91350100M000100Y43",
            "12100000400009880K",
            "91350100m000100y43",
        ] {
            assert!(parse_credit_code(ok).is_ok(), "{ok}");
        }
        assert_eq!(
            parse_credit_code("91350100M000100Y44"),
            Err(CreditCodeError::Checksum)
        );
    }

    #[test]
    fn malformed_codes_say_what_is_wrong() {
        let cases: &[(&str, CreditCodeError)] = &[
            ("", CreditCodeError::Empty),
            ("91350100M000100Y4", CreditCodeError::WrongLength(17)),
            ("91350100M000100I43", CreditCodeError::BadCharacter(16, 'I')),
            ("91350100M000100O43", CreditCodeError::BadCharacter(16, 'O')),
            (
                "9135010０M000100Z43",
                CreditCodeError::BadCharacter(16, 'Z'),
            ),
            (
                "91350100M00010统Y43",
                CreditCodeError::BadCharacter(15, '统'),
            ),
        ];
        for (input, want) in cases {
            assert_eq!(
                parse_credit_code(input).as_ref().err(),
                Some(want),
                "{input}"
            );
        }
    }

    #[test]
    fn kind_and_division_are_read() {
        let body = "92150121MA0N1B2C3";
        let code = format!("{body}{}", check_char(body).unwrap());
        let c = parse_credit_code(&code).unwrap();
        assert_eq!(c.kind(), CodeKind::IndividualBusiness);
        assert_eq!(c.division(), "150121");
        assert!(c.registered_in_inner_mongolia());
        let fj = parse_credit_code("91350100M000100Y43").unwrap();
        assert_eq!(fj.kind(), CodeKind::Enterprise);
        assert!(!fj.registered_in_inner_mongolia());
        assert_eq!(
            parse_credit_code("12100000400009880K").unwrap().kind(),
            CodeKind::Other
        );
    }

    #[test]
    fn check_char_wraps_31_to_zero() {
        // Find a body whose weighted sum is a multiple of 31: its check char must be '0'.
        let mut found = false;
        for n in 0..31u32 {
            let body = format!(
                "9115000000000000{}",
                CHARSET.chars().nth(n as usize).unwrap()
            );
            let sum: u32 = body
                .chars()
                .zip(WEIGHTS)
                .map(|(c, w)| value(c).unwrap() * w)
                .sum();
            if sum.is_multiple_of(31) {
                assert_eq!(check_char(&body), Some('0'));
                found = true;
            }
        }
        assert!(found);
    }
}
