//! Deterministic sample drafts for tests, benchmarks, the PDF packet and browser benchmarks.
//!
//! [`qualifying_draft`] builds a realistic workshop: a company registered in 土默特左旗 with a
//! valid USCC, a leased site, rules and declarations in place, and `employees` people with valid
//! ID numbers (checksums computed), about 30 % poverty-alleviated (some 监测对象), full-time and
//! part-time agreements, work-injury or accident insurance over their whole employment, and wages
//! at or above the minimum wage of the county's tier, paid before the agreed pay day by the bank
//! (银行代发) into a 19-digit card.
//!
//! Everything is derived from the index of each person: the same arguments give the same draft.
//! The draft meets every criterion when `employees >= 5` and `months >= 3` and the assessment date
//! is one for which the county's wage tier is known (months from 2021-12 on).

use crate::calendar::{add_calendar_months, days_in_month, month_end, month_start};
use crate::validate::{credit_code, id_card};
use crate::wage_table::WageTable;
use bangfu_model::region::Regions;
use bangfu_model::text::format_month;
use bangfu_model::{
    AgreementType, Applicant, Declarations, Draft, Employee, EmploymentForm, EntityType,
    InsuranceKind, InsurancePeriod, PayMethod, PovertyStatus, RulesInPlace, Settings, Site,
    SiteTenure, Stint, WageMonth, WorkshopForm,
};
use chrono::{Datelike, Duration, NaiveDate};

/// The county every sample workshop is in: 土默特左旗 (wage tier 2).
pub const SAMPLE_COUNTY: &str = "150121";
/// The agreed pay day of sample drafts.
pub const SAMPLE_PAY_DAY: u32 = 15;

const SURNAMES: [&str; 24] = [
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋",
];
const GIVEN: [&str; 20] = [
    "建国", "秀英", "桂兰", "志强", "海燕", "玉梅", "文军", "红霞", "晓东", "丽娟", "永刚", "春花",
    "金山", "凤英", "德胜", "淑珍", "立新", "美玲", "宏伟", "翠兰",
];
/// Mongolian names are written without a surname.
const MONGOLIAN: [&str; 10] = [
    "巴特尔",
    "乌云其木格",
    "额尔敦",
    "萨仁高娃",
    "苏和",
    "娜仁",
    "宝音图",
    "其其格",
    "阿拉坦",
    "斯琴",
];

/// A valid 18-digit ID number for a region code, birth date and 3-digit sequence (odd = male).
pub fn id_number(region: &str, birth: NaiveDate, sequence: u16) -> String {
    let body = format!(
        "{region:0>6.6}{:04}{:02}{:02}{:03}",
        birth.year(),
        birth.month(),
        birth.day(),
        sequence % 1000
    );
    let check = id_card::check_char(&body).unwrap_or('0');
    format!("{body}{check}")
}

/// A valid USCC from its first 17 characters (falls back to a fixed valid code if the body is
/// not 17 characters of the charset).
pub fn credit_code(body: &str) -> String {
    match credit_code::check_char(body) {
        Some(c) => format!("{body}{c}"),
        None => "91350100M000100Y43".to_owned(),
    }
}

/// A 19-digit debit card number for sample person `i`: the 622848 prefix of a common debit card,
/// digits from `i` (distinct for every `i` below 10^11) and a Luhn check digit, so it looks like a
/// real card to anyone checking by eye or by tool.
pub fn bank_card(i: usize) -> String {
    let serial = (i as u64).wrapping_mul(7_919).wrapping_add(3_571_113) % 100_000_000_000;
    let body = format!("6228480{serial:011}");
    // Luhn: from the right of the body, every other digit (starting with the last) is doubled.
    let sum: u32 = body
        .bytes()
        .rev()
        .enumerate()
        .map(|(j, b)| {
            let d = u32::from(b - b'0');
            if j % 2 == 0 {
                let x = d * 2;
                x / 10 + x % 10
            } else {
                d
            }
        })
        .sum();
    format!("{body}{}", (10 - sum % 10) % 10)
}

/// The name of sample person `i`.
pub fn person_name(i: usize) -> String {
    if i % 6 == 5 {
        MONGOLIAN[(i / 6) % MONGOLIAN.len()].to_owned()
    } else {
        format!(
            "{}{}",
            SURNAMES[i % SURNAMES.len()],
            GIVEN[(i / SURNAMES.len() + i) % GIVEN.len()]
        )
    }
}

/// A workshop meeting 第六条 and 第七条 on `assessment_date` (see the module doc), with
/// `employees` people employed for `months` wage months before the assessment month.
pub fn qualifying_draft(employees: usize, months: u32, assessment_date: NaiveDate) -> Draft {
    let a = assessment_date;
    let regions = Regions::get();
    let township = regions.townships_of(SAMPLE_COUNTY).next();
    let applicant = Applicant {
        unknown: Default::default(),
        name: "土默特左旗巧手民族服饰有限公司".into(),
        credit_code: credit_code(&format!("91{SAMPLE_COUNTY}MA0N1B2C3")),
        entity_type: EntityType::Company,
        legal_rep: "王建国".into(),
        contact_person: "李海燕".into(),
        phone: "13947100000".into(),
        registered_address: "内蒙古自治区呼和浩特市土默特左旗察素齐镇团结路18号".into(),
        established: add_calendar_months(a, -66).to_string(),
    };
    let site = Site {
        unknown: Default::default(),
        prefecture_code: "1501".into(),
        county_code: SAMPLE_COUNTY.into(),
        township_code: township.map(|t| t.code.clone()).unwrap_or_default(),
        township_other: if township.is_some() {
            String::new()
        } else {
            "察素齐镇".into()
        },
        village: "把什村".into(),
        address: "把什村村委会东侧原村小学院内".into(),
        tenure: SiteTenure::Leased,
        area_m2: "320".into(),
        lease_start: add_calendar_months(a, -30).to_string(),
        lease_end: add_calendar_months(a, 30).to_string(),
        products: "蒙古族服饰、刺绣手工艺品".into(),
        workshop_form: WorkshopForm::LabourIntensive,
    };
    let first_wage_month = month_start(add_calendar_months(a, -(months as i32)));
    let people = (0..employees)
        .map(|i| sample_employee(i, months, first_wage_month, a))
        .collect();
    Draft {
        unknown: Default::default(),
        applicant,
        site,
        employees: people,
        pay_day: SAMPLE_PAY_DAY.to_string(),
        rules: RulesInPlace {
            unknown: Default::default(),
            safety: true,
            labour_discipline: true,
            workshop_management: true,
            stable_operation: true,
        },
        declarations: Declarations {
            unknown: Default::default(),
            lawful_operation: true,
            social_responsibility: true,
            no_illegal_activity: true,
            no_pollution: true,
            no_harmful_activity: true,
            materials_true: true,
        },
        assessment_date: a.to_string(),
        settings: Settings::default(),
        extra_holidays: vec![],
    }
}

/// Poverty status of sample person `i`: the first five and then 3 in 10 are poverty-alleviated,
/// one in five of those a monitored person.
pub fn sample_status(i: usize) -> PovertyStatus {
    if i < 5 || i % 10 < 3 {
        if i % 5 == 1 {
            PovertyStatus::Monitored
        } else {
            PovertyStatus::Alleviated
        }
    } else {
        PovertyStatus::NotApplicable
    }
}

fn sample_employee(i: usize, months: u32, first_wage_month: NaiveDate, a: NaiveDate) -> Employee {
    let status = sample_status(i);
    let part_time = i % 9 == 4;
    // Some people start a few days into their first month (pro-rata pay) when that still leaves
    // three calendar months before the assessment date.
    let offset = if months >= 4 { (i % 4) as i64 * 3 } else { 0 };
    let start = first_wage_month + Duration::days(offset);
    // Unique ID numbers: the sequence is i mod 1000 and the birth dates of i and i+1000k differ
    // (3671 · 1000k mod 12000 ≠ 0 for k < 12).
    let birth = add_calendar_months(a, -(18 * 12)) - Duration::days(((i * 3671) % 12_000) as i64);
    let region = match i % 10 {
        7 => "150221",
        8 => "130102",
        _ => SAMPLE_COUNTY,
    };
    let id = id_number(region, birth, (i % 1000) as u16);
    let form = if part_time {
        EmploymentForm::PartTime
    } else {
        EmploymentForm::FullTime
    };
    let stint = Stint {
        unknown: Default::default(),
        employment_form: form,
        agreement_type: if i.is_multiple_of(3) {
            AgreementType::LabourAgreement
        } else {
            AgreementType::EmploymentContract
        },
        start: start.to_string(),
        end: if i.is_multiple_of(3) {
            add_calendar_months(start, 36).to_string()
        } else {
            String::new()
        },
        leave_date: String::new(),
    };
    let insurance = if part_time {
        // Accident insurance is sold as one-year policies, renewed back to back.
        let mut v = Vec::new();
        let mut from = start;
        while from <= a {
            let to = add_calendar_months(from, 12) - Duration::days(1);
            v.push(InsurancePeriod {
                unknown: Default::default(),
                kind: InsuranceKind::Accident,
                start: from.to_string(),
                end: to.to_string(),
            });
            from = to + Duration::days(1);
        }
        v
    } else {
        vec![InsurancePeriod {
            unknown: Default::default(),
            kind: InsuranceKind::WorkInjury,
            start: start.to_string(),
            end: String::new(),
        }]
    };
    let table = WageTable::get();
    let county = Regions::get().county(SAMPLE_COUNTY);
    let mut wages = Vec::new();
    let mut m = first_wage_month;
    while m < month_start(a) {
        let n = i64::from(days_in_month(m.year(), m.month()));
        let employed_from = start.max(m);
        let e = (month_end(m) - employed_from).num_days() + 1;
        let standard = county.and_then(|c| table.applied_for(c, m).ok());
        let bonus = ((i * 13 + m.month() as usize) % 6) as i64 * 5_000;
        let (gross, hours, days, deductions) = match (standard, part_time) {
            (Some(s), true) => {
                let hours_h = (80 + (i % 5) as i64 * 8) * 100;
                // ceil(hours × hourly): never below the hourly minimum.
                let base = (hours_h * s.hourly_fen + 99) / 100;
                (base + bonus / 10, hours_h / 100, String::new(), 0)
            }
            (Some(s), false) => {
                let base = (s.monthly_fen * e + n - 1) / n;
                let gross = if i % 11 == 2 { base } else { base + bonus };
                (gross, 0, (e.min(22)).to_string(), gross * 105 / 1000)
            }
            // Outside known tiers: a plausible amount, the check will say it cannot decide.
            (None, _) => (250_000, 0, "22".into(), 26_250),
        };
        let due = pay_due(m);
        let paid = due - Duration::days((i % 3) as i64);
        wages.push(WageMonth {
            unknown: Default::default(),
            month: format_month(m),
            days_worked: days,
            hours: if hours > 0 {
                hours.to_string()
            } else {
                String::new()
            },
            gross: yuan(gross),
            deductions: yuan(deductions),
            net: yuan(gross - deductions),
            paid_date: if paid < a {
                paid.to_string()
            } else {
                String::new()
            },
        });
        m = add_calendar_months(m, 1);
    }
    Employee {
        unknown: Default::default(),
        key: i as u32 + 1,
        name: person_name(i),
        id_number: id,
        poverty_status: status,
        phone: format!("139{:08}", 47_100_000 + i),
        post: if part_time {
            "手工刺绣"
        } else {
            "缝纫工"
        }
        .into(),
        household_address: match region {
            "130102" => "河北省石家庄市长安区".into(),
            "150221" => "内蒙古自治区包头市土默特右旗".into(),
            _ => "内蒙古自治区呼和浩特市土默特左旗".into(),
        },
        pay_method: PayMethod::BankTransfer,
        bank_account: bank_card(i),
        stints: vec![stint],
        insurance,
        wages,
        guesses: Vec::new(),
    }
}

/// The agreed pay day of the month after `month`.
fn pay_due(month: NaiveDate) -> NaiveDate {
    let next = add_calendar_months(month_start(month), 1);
    next.with_day(SAMPLE_PAY_DAY.min(days_in_month(next.year(), next.month())))
        .unwrap_or(next)
}

fn yuan(fen: i64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::{parse_credit_code, parse_id_number};
    use std::collections::HashSet;

    #[test]
    fn sample_ids_and_credit_code_are_valid_and_unique() {
        let a = NaiveDate::from_ymd_opt(2026, 6, 20).unwrap();
        let draft = qualifying_draft(2_000, 12, a);
        assert!(parse_credit_code(&draft.applicant.credit_code).is_ok());
        let mut seen = HashSet::new();
        for e in &draft.employees {
            let id = parse_id_number(&e.id_number, a).unwrap();
            assert!(
                seen.insert(id.as_str().to_owned()),
                "duplicate {}",
                e.id_number
            );
        }
        assert_eq!(draft.employees.len(), 2_000);
        let cards: HashSet<&str> = draft
            .employees
            .iter()
            .map(|e| e.bank_account.as_str())
            .collect();
        assert_eq!(cards.len(), 2_000, "card numbers are distinct");
        assert!(draft.employees.iter().all(|e| e.wages.len() == 12));
    }

    #[test]
    fn sample_cards_are_19_digits_with_a_luhn_check_digit() {
        for i in [0, 1, 7, 999, 123_456] {
            let card = bank_card(i);
            assert_eq!(card.len(), 19, "{card}");
            assert_eq!(crate::validate::check_account(&card), Ok(19));
            let sum: u32 = card
                .bytes()
                .rev()
                .enumerate()
                .map(|(j, b)| {
                    let d = u32::from(b - b'0');
                    if j % 2 == 1 {
                        (d * 2) / 10 + (d * 2) % 10
                    } else {
                        d
                    }
                })
                .sum();
            assert_eq!(sum % 10, 0, "{card}");
        }
    }

    #[test]
    fn sample_is_deterministic_and_mixed() {
        let a = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        assert_eq!(qualifying_draft(30, 6, a), qualifying_draft(30, 6, a));
        let d = qualifying_draft(30, 6, a);
        let count = |s| d.employees.iter().filter(|e| e.poverty_status == s).count();
        assert_eq!(
            count(PovertyStatus::Alleviated) + count(PovertyStatus::Monitored),
            11
        );
        assert!(count(PovertyStatus::Monitored) >= 2);
        assert!(d
            .employees
            .iter()
            .any(|e| e.stints[0].employment_form == EmploymentForm::PartTime));
    }
}
