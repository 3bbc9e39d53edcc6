//! Plain facts about the draft as the packet prints them: dates and money in one spelling, the
//! site's region, sex from the ID number, how a person is paid, counts by employment form.
//! Nothing here decides eligibility; verdicts come only from the rules' [`bangfu_rules::Assessment`].

use bangfu_model::text::{format_fen, parse_date, parse_hundredths, parse_money_fen, parse_month};
use bangfu_model::{region::Regions, Choice, Employee, PayMethod, Site, Stint};
use chrono::NaiveDate;

/// 「2026年3月1日」 and 「2026年3月」: the one spelling of dates in running text, the rules'.
pub use bangfu_rules::calendar::{cn as date_cn, cn_month as month_cn};

/// A typed date as `YYYY-MM-DD`, or as typed when it does not read as a date.
pub fn date(s: &str) -> String {
    match parse_date(s) {
        Ok(d) => d.format("%Y-%m-%d").to_string(),
        Err(_) => clean(s),
    }
}

/// A typed amount in yuan as `2,270.00`, or as typed when it does not read as money.
pub fn money(s: &str) -> String {
    match parse_money_fen(s) {
        Ok(f) => format_fen(f),
        Err(_) => clean(s),
    }
}

/// A typed quantity (days, hours, m²) without trailing zeros: `21.5`, `22`.
pub fn quantity(s: &str) -> String {
    match parse_hundredths(s) {
        Ok(h) => hundredths(h),
        Err(_) => clean(s),
    }
}

/// A quantity in hundredths without trailing zeros: `2150` → `21.5`.
pub fn hundredths(h: i64) -> String {
    if h % 100 == 0 {
        (h / 100).to_string()
    } else if h % 10 == 0 {
        format!("{}.{}", h / 100, (h % 100) / 10)
    } else {
        format!("{}.{:02}", h / 100, h % 100)
    }
}

/// Free text on one line: control characters and runs of whitespace become one space.
pub fn clean(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text`, or 「（未填写）」 when it is blank.
pub fn or_blank(s: &str) -> String {
    let c = clean(s);
    if c.is_empty() {
        "（未填写）".into()
    } else {
        c
    }
}

/// 盟市 + 旗县 + 苏木乡镇 of the site, from the region data (or the township typed in).
pub fn site_region(site: &Site) -> String {
    Regions::get().describe(site)
}

/// The full site address, each place name once ([`Regions::site_address`]).
pub fn site_address(site: &Site) -> String {
    clean(&Regions::get().site_address(site))
}

/// The township's name and whether it is a 街道 (addressed as 街道办事处, not 人民政府).
pub fn township(site: &Site) -> Option<(String, bool)> {
    if let Some(t) = Regions::get().township(&site.township_code) {
        return Some((t.name.clone(), t.kind == "街道"));
    }
    let other = clean(&site.township_other);
    (!other.is_empty()).then(|| {
        let street = other.ends_with("街道");
        (other, street)
    })
}

/// 男 / 女 from a valid ID number; empty otherwise.
pub fn sex(id: &str, today: NaiveDate) -> &'static str {
    bangfu_rules::validate::parse_id_number(id, today).map_or("", |n| n.sex().label())
}

/// The ID number as typed, normalised (upper-case X, no spaces).
pub fn id_number(id: &str) -> String {
    bangfu_rules::validate::id_card::normalize_id(id)
}

/// Digits in groups of four, as printed on a bank card: `6222 0212 3456 7890 123`.
pub fn group_digits(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 4);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// The 工资发放明细表 cell 发放方式/银行卡号: 「银行代发」 and on a second line 「6222 0212 3456 7890
/// 123」 (the number kept whole on its line where the column allows), 「现金」, 「其他」; empty when
/// nothing was entered.
///
/// A card number without a method is a bank transfer (what else would it be for); cash has no
/// account, so one typed anyway is not printed beside 现金. A number the rules refuse is printed
/// as typed: the UI has already flagged it, and the reviewer should see what was entered.
pub fn pay(e: &Employee) -> String {
    let account = match bangfu_rules::validate::check_account(&e.bank_account) {
        Ok(0) => String::new(),
        Ok(_) => group_digits(&bangfu_rules::validate::account_digits(&e.bank_account)),
        Err(_) => clean(&e.bank_account),
    };
    let method = match (e.pay_method, account.is_empty()) {
        (PayMethod::Unspecified, true) => return String::new(),
        (PayMethod::Cash, _) => return "现金".into(),
        (PayMethod::BankTransfer | PayMethod::Unspecified, _) => "银行代发",
        // The short word: the column is narrow and 微信、支付宝 are only examples.
        (PayMethod::Other, _) => "其他",
    };
    if account.is_empty() {
        method.to_owned()
    } else {
        format!("{method}\n{account}")
    }
}

/// The person's latest stint (the one shown in rosters).
pub fn current_stint(e: &Employee) -> Option<&Stint> {
    e.stints
        .iter()
        .max_by_key(|s| parse_date(&s.start).ok())
        .or(e.stints.first())
}

/// 「2025-03-01 至 2026-02-28」 or 「2025-03-01 起（无固定期限）」.
pub fn stint_period(s: &Stint) -> String {
    let start = date(&s.start);
    let end = date(&s.end);
    match (start.is_empty(), end.is_empty()) {
        (true, true) => String::new(),
        (false, true) => format!("{start}起（无固定期限）"),
        _ => format!("{start}至{end}"),
    }
}

/// The wage months named in the draft, sorted, each once.
pub fn wage_months(employees: &[Employee]) -> Vec<NaiveDate> {
    let mut months: Vec<NaiveDate> = employees
        .iter()
        .flat_map(|e| e.wages.iter().filter_map(|w| parse_month(&w.month).ok()))
        .collect();
    months.sort_unstable();
    months.dedup();
    months
}

/// Counts of the labels of a choice over people, in the choice's order: 「全日制 3 人；季节性 1 人」.
pub fn count_labels<T: Choice>(values: impl Iterator<Item = T>, unit: &str) -> String {
    let values: Vec<T> = values.collect();
    T::ALL
        .iter()
        .filter_map(|v| {
            let n = values.iter().filter(|x| *x == v).count();
            (n > 0).then(|| {
                let label = if *v == T::ALL[0] {
                    "未填写"
                } else {
                    v.label()
                };
                format!("{label} {n} {unit}")
            })
        })
        .collect::<Vec<_>>()
        .join("；")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_values_print_in_one_spelling() {
        assert_eq!(date("2026年3月1日"), "2026-03-01");
        assert_eq!(date("三月"), "三月");
        assert_eq!(money("2270"), "2,270.00");
        assert_eq!(quantity("21.50"), "21.5");
        assert_eq!(quantity("22"), "22");
        assert_eq!(clean(" 甲\n乙\t丙 "), "甲 乙 丙");
    }

    #[test]
    fn pay_cell_shows_the_method_and_the_card_in_groups_of_four() {
        let cases = [
            (PayMethod::Unspecified, "", ""),
            (
                PayMethod::BankTransfer,
                "6222021234567890123",
                "银行代发\n6222 0212 3456 7890 123",
            ),
            (
                PayMethod::BankTransfer,
                "6222-0212-3456-7890-123",
                "银行代发\n6222 0212 3456 7890 123",
            ),
            (PayMethod::BankTransfer, "", "银行代发"),
            (
                PayMethod::Unspecified,
                "6222 0212 3456 7890",
                "银行代发\n6222 0212 3456 7890",
            ),
            (PayMethod::Cash, "", "现金"),
            (PayMethod::Cash, "6222021234567890123", "现金"),
            (PayMethod::Other, "", "其他"),
            (PayMethod::Other, "1234567890", "其他\n1234 5678 90"),
            (
                PayMethod::BankTransfer,
                "6222 O212\n3456",
                "银行代发\n6222 O212 3456",
            ),
        ];
        for (method, account, want) in cases {
            let e = Employee {
                pay_method: method,
                bank_account: account.into(),
                ..Default::default()
            };
            assert_eq!(pay(&e), want, "{method:?} {account:?}");
        }
    }
}
