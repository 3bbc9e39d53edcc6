//! Helpers for building drafts in tests: a workshop of a given size and a fully compliant person
//! whose fields the tests then change one at a time.

use crate::art7_3::pay_due;
use crate::calendar::{add_calendar_months, days_in_month, month_end, month_start};
use crate::sample::{self, SAMPLE_COUNTY};
use crate::wage_table::WageTable;
use crate::{assess, Assessment, CriterionId, Finding};
use bangfu_model::text::format_month;
use bangfu_model::{
    AgreementType, Draft, Employee, EmploymentForm, InsuranceKind, InsurancePeriod, PovertyStatus,
    Stint, WageMonth,
};
use chrono::{Datelike, Duration, NaiveDate};

pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The usual assessment date of the tests.
pub(crate) fn a() -> NaiveDate {
    d(2026, 6, 20)
}

/// A compliant workshop of `total` people employed since 2025-12 (full-time, 6 wage months), of
/// whom the first `alleviated` are 脱贫人口 and the rest 其他, assessed on [`a`].
pub(crate) fn workshop(total: usize, alleviated: usize) -> Draft {
    let mut draft = sample::qualifying_draft(total, 6, a());
    for (i, e) in draft.employees.iter_mut().enumerate() {
        e.poverty_status = if i < alleviated {
            PovertyStatus::Alleviated
        } else {
            PovertyStatus::NotApplicable
        };
    }
    draft
}

/// yuan text for fen.
pub(crate) fn yuan(fen: i64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

/// A compliant full-time 脱贫人口 employed from `start`, assessed on `date`: contract, work-injury
/// insurance from the start, wages of every month from the start month to the month before `date`
/// at the minimum wage + 50 yuan (pro rata), paid on the 10th of the following month.
pub(crate) fn person(key: u32, start: NaiveDate, date: NaiveDate) -> Employee {
    let birth = d(1985, 1, 1) + Duration::days(i64::from(key) * 37);
    let mut wages = Vec::new();
    let mut m = month_start(start);
    while m < month_start(date) {
        wages.push(wage_for(m, start, 5_000));
        m = add_calendar_months(m, 1);
    }
    Employee {
        key,
        name: format!("测试{key}"),
        id_number: sample::id_number(SAMPLE_COUNTY, birth, key as u16),
        poverty_status: PovertyStatus::Alleviated,
        stints: vec![Stint {
            unknown: Default::default(),
            employment_form: EmploymentForm::FullTime,
            agreement_type: AgreementType::EmploymentContract,
            start: start.to_string(),
            end: String::new(),
            leave_date: String::new(),
        }],
        insurance: vec![InsurancePeriod {
            unknown: Default::default(),
            kind: InsuranceKind::WorkInjury,
            start: start.to_string(),
            end: String::new(),
        }],
        wages,
        ..Employee::default()
    }
}

/// The monthly standard (fen) for the sample county in `month`.
pub(crate) fn standard(month: NaiveDate) -> i64 {
    WageTable::get()
        .applied(SAMPLE_COUNTY, month)
        .map(|s| s.monthly_fen)
        .unwrap_or(0)
}

/// A paid wage record for `month` of a person employed from `start`: the pro-rata minimum plus
/// `extra` fen, no deductions, paid on the 10th of the following month.
pub(crate) fn wage_for(month: NaiveDate, start: NaiveDate, extra: i64) -> WageMonth {
    let n = i64::from(days_in_month(month.year(), month.month()));
    let e = (month_end(month) - start.max(month)).num_days() + 1;
    let gross = (standard(month) * e + n - 1) / n + extra;
    WageMonth {
        unknown: Default::default(),
        month: format_month(month),
        days_worked: "22".into(),
        hours: String::new(),
        gross: yuan(gross),
        deductions: "0".into(),
        net: yuan(gross),
        paid_date: (pay_due(month, 15) - Duration::days(5)).to_string(),
    }
}

/// A workshop of four compliant 脱贫人口 employed for six months, plus `extra` (keys from 10 on),
/// assessed on `date`.
pub(crate) fn four_plus(extra: Employee, date: NaiveDate) -> Draft {
    let mut draft = sample::qualifying_draft(0, 6, date);
    let start = month_start(add_calendar_months(date, -6));
    for k in 1..=4 {
        draft.employees.push(person(k, start, date));
    }
    draft.employees.push(extra);
    draft
}

pub(crate) fn run(draft: &Draft) -> Assessment {
    assess(draft, a())
}

pub(crate) fn finding(draft: &Draft, id: CriterionId) -> Finding {
    run(draft).finding(id).cloned().unwrap()
}

/// The check of one person on one criterion.
pub(crate) fn check_of(a: &Assessment, key: u32, id: CriterionId) -> (crate::Status, String) {
    let e = a.employees.iter().find(|e| e.key == key).unwrap();
    let (_, s, r) = e.checks.iter().find(|c| c.0 == id).unwrap();
    (*s, r.to_string())
}

/// The wage record of `month` (`YYYY-MM`) of an employee.
pub(crate) fn wage_mut<'a>(e: &'a mut Employee, month: &str) -> &'a mut WageMonth {
    e.wages.iter_mut().find(|w| w.month == month).unwrap()
}
