//! 银行卡号 / 工资卡号: the account an employee's wages are paid into, printed in the 工资发放明细表
//! column 发放方式/银行卡号 (第八条第（一）项 "工资发放明细").
//!
//! Not a criterion: the regulation does not say how wages are paid, so nothing here touches a
//! finding; a bad number is only shown at its field. The number is read after removing the
//! spaces and hyphens people group digits with (`6222 0212 3456 7890 123`, `6222-0212-…`) and
//! converting full-width digits from Chinese input methods. Bank card numbers (ISO/IEC 7812) have
//! 16-19 digits and passbook or corporate account numbers as few as 10 or as many as 25, so the
//! length accepted is [`MIN_DIGITS`]..=[`MAX_DIGITS`]; no check digit is required, because
//! passbook and account numbers have none.
//!
//! Reading allocates nothing unless the number is bad: the UI re-checks every row on each
//! keystroke.

use std::fmt;

/// Fewest digits of an account number (some passbook numbers).
pub const MIN_DIGITS: usize = 10;
/// Most digits of an account number (some corporate and passbook numbers).
pub const MAX_DIGITS: usize = 25;

/// Why a typed account number is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AccountError {
    /// A character that is neither a digit nor a separator, as typed (e.g. the letter `O` for 0).
    BadCharacter(char),
    /// The number of digits, outside [`MIN_DIGITS`]..=[`MAX_DIGITS`].
    WrongLength(usize),
}

impl fmt::Display for AccountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AccountError::BadCharacter(c) => {
                write!(f, "银行卡号只能包含数字，当前含有“{c}”")
            }
            AccountError::WrongLength(n) => write!(
                f,
                "银行卡号应为 {MIN_DIGITS}–{MAX_DIGITS} 位数字，当前 {n} 位"
            ),
        }
    }
}

impl std::error::Error for AccountError {}

/// Spaces (also the ideographic one) and hyphens (also the full-width one) group the digits.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || c == '-' || c == '－'
}

/// The digit a character stands for: ASCII or full-width.
fn digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(c as u32 - 0xFEE0),
        _ => None,
    }
}

/// The digits of a typed account number, separators removed; the caller checks it first with
/// [`check_account`] if it needs a valid number (other characters are dropped here).
pub fn account_digits(s: &str) -> String {
    s.chars().filter_map(digit).collect()
}

/// Checks a typed account number. `Ok(0)` when nothing but separators was typed (empty),
/// `Ok(n)` for a valid number of `n` digits.
///
/// # Errors
/// An [`AccountError`] whose `Display` is the Chinese message for the field: the first
/// character that is not a digit, else the wrong number of digits.
///
/// # Examples
/// ```
/// use bangfu_rules::validate::check_account;
/// assert_eq!(check_account("6222 0212 3456 7890 123"), Ok(19));
/// assert_eq!(check_account(""), Ok(0));
/// assert!(check_account("6222O212345678").is_err());
/// ```
pub fn check_account(s: &str) -> Result<usize, AccountError> {
    let mut n = 0usize;
    for c in s.chars() {
        if is_separator(c) {
            continue;
        }
        if digit(c).is_none() {
            return Err(AccountError::BadCharacter(c));
        }
        n += 1;
    }
    if n == 0 || (MIN_DIGITS..=MAX_DIGITS).contains(&n) {
        Ok(n)
    } else {
        Err(AccountError::WrongLength(n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_lengths_and_separators() {
        let nine = "1".repeat(9);
        let ten = "1".repeat(10);
        let twenty_five = "1".repeat(25);
        let twenty_six = "1".repeat(26);
        let cases: [(&str, Result<usize, AccountError>); 16] = [
            ("", Ok(0)),
            ("  ", Ok(0)),
            (&nine, Err(AccountError::WrongLength(9))),
            (&ten, Ok(10)),
            (&twenty_five, Ok(25)),
            (&twenty_six, Err(AccountError::WrongLength(26))),
            ("6222021234567890123", Ok(19)),
            ("6222 0212 3456 7890 123", Ok(19)),
            ("6222-0212-3456-7890-123", Ok(19)),
            (" 6222\u{3000}0212－3456 7890\t123 ", Ok(19)),
            ("６２２２０２１２３４５６７８９０", Ok(16)),
            ("12345678", Err(AccountError::WrongLength(8))),
            ("6222O21234567890123", Err(AccountError::BadCharacter('O'))),
            ("6.22202E+18", Err(AccountError::BadCharacter('.'))),
            (
                "工行6222021234567890123",
                Err(AccountError::BadCharacter('工')),
            ),
            ("6222_0212_3456", Err(AccountError::BadCharacter('_'))),
        ];
        for (input, want) in cases {
            assert_eq!(check_account(input), want, "{input:?}");
        }
    }

    #[test]
    fn messages_say_what_is_wrong_in_chinese() {
        assert_eq!(
            check_account("6222X0212").unwrap_err().to_string(),
            "银行卡号只能包含数字，当前含有“X”"
        );
        assert_eq!(
            check_account("1234-5678").unwrap_err().to_string(),
            "银行卡号应为 10–25 位数字，当前 8 位"
        );
    }

    #[test]
    fn digits_lose_their_grouping() {
        assert_eq!(
            account_digits("6222 0212-3456 7890 123"),
            "6222021234567890123"
        );
        assert_eq!(account_digits("６２２２ ０２１２"), "62220212");
        assert_eq!(account_digits(""), "");
    }
}
