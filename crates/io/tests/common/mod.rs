//! Helpers shared by the integration tests: valid ID numbers, a sample draft, fixture paths.
#![allow(dead_code)]

use bangfu_io::{preview, ImportOptions, ImportPlan, InputFile};
use bangfu_model::{
    AgreementType, Draft, Employee, EmploymentForm, InsuranceKind, InsurancePeriod, PayMethod,
    PovertyStatus, Stint, WageMonth,
};
use std::path::PathBuf;

/// A valid 18-character ID (GB 11643 check character) for a person born on `birth` (YYYYMMDD)
/// in 呼和浩特市新城区, with sequence number `seq` (0..=999).
pub fn valid_id(birth: &str, seq: u32) -> String {
    let body = format!("150102{birth}{seq:03}");
    // GB 11643's check character, computed by the rules crate (the one place it is written).
    let check = bangfu_rules::validate::id_card::check_char(&body).unwrap_or('0');
    format!("{body}{check}")
}

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
}

pub fn plan_of(draft: &Draft, files: &[(&str, &[u8])]) -> ImportPlan {
    let inputs: Vec<InputFile> = files
        .iter()
        .map(|(name, bytes)| InputFile { name, bytes })
        .collect();
    match preview(draft, &inputs, &ImportOptions::default()) {
        Ok(p) => p,
        Err(e) => panic!("preview failed: {e}"),
    }
}

pub fn stint(form: EmploymentForm, start: &str, end: &str) -> Stint {
    Stint {
        unknown: Default::default(),
        employment_form: form,
        agreement_type: AgreementType::LabourAgreement,
        start: start.into(),
        end: end.into(),
        leave_date: String::new(),
    }
}

pub fn wage(month: &str, gross: &str) -> WageMonth {
    WageMonth {
        unknown: Default::default(),
        month: month.into(),
        days_worked: "22".into(),
        hours: String::new(),
        gross: gross.into(),
        deductions: "0.00".into(),
        net: gross.into(),
        paid_date: format!("{month}-28"),
    }
}

/// A draft with the variety a round trip must keep: several stints, several insurance periods,
/// a part-time worker with hours, an address, a card number grouped by spaces, each way of pay,
/// blank optional fields.
pub fn sample_draft() -> Draft {
    let mut d = Draft::default();
    d.applicant.name = "乌兰察布市某农民专业合作社".into();
    d.employees.push(Employee {
        unknown: Default::default(),
        key: 1,
        name: "张三".into(),
        id_number: valid_id("19900307", 12),
        poverty_status: PovertyStatus::Alleviated,
        phone: "13800000001".into(),
        post: "缝纫工".into(),
        household_address: "察哈尔右翼前旗某村".into(),
        pay_method: PayMethod::BankTransfer,
        bank_account: "6222 0212 3456 7890 123".into(),
        stints: vec![Stint {
            unknown: Default::default(),
            employment_form: EmploymentForm::FullTime,
            agreement_type: AgreementType::EmploymentContract,
            start: "2025-03-01".into(),
            end: String::new(),
            leave_date: String::new(),
        }],
        insurance: vec![InsurancePeriod {
            unknown: Default::default(),
            kind: InsuranceKind::WorkInjury,
            start: "2025-03-01".into(),
            end: String::new(),
        }],
        wages: vec![wage("2026-01", "2270.50"), wage("2026-02", "2300.00")],
        guesses: vec![],
    });
    d.employees.push(Employee {
        unknown: Default::default(),
        key: 2,
        name: "乌力吉".into(),
        id_number: valid_id("19850611", 21),
        poverty_status: PovertyStatus::Monitored,
        phone: "04712345678".into(),
        post: "分拣员".into(),
        household_address: String::new(),
        pay_method: PayMethod::Cash,
        bank_account: String::new(),
        stints: vec![
            stint(EmploymentForm::Seasonal, "2025-04-01", "2025-06-30"),
            stint(EmploymentForm::Seasonal, "2025-09-01", "2025-11-15"),
        ],
        insurance: vec![
            InsurancePeriod {
                unknown: Default::default(),
                kind: InsuranceKind::Accident,
                start: "2025-04-01".into(),
                end: "2025-06-30".into(),
            },
            InsurancePeriod {
                unknown: Default::default(),
                kind: InsuranceKind::Accident,
                start: "2025-09-01".into(),
                end: "2025-11-15".into(),
            },
            InsurancePeriod {
                unknown: Default::default(),
                kind: InsuranceKind::Accident,
                start: "2026-04-01".into(),
                end: "2026-10-31".into(),
            },
        ],
        wages: vec![WageMonth {
            unknown: Default::default(),
            month: "2025-10".into(),
            days_worked: "21.5".into(),
            hours: String::new(),
            gross: "2150.00".into(),
            deductions: String::new(),
            net: "2150.00".into(),
            paid_date: String::new(),
        }],
        guesses: vec![],
    });
    d.employees.push(Employee {
        unknown: Default::default(),
        key: 5,
        name: "李四".into(),
        id_number: valid_id("20000101", 7),
        poverty_status: PovertyStatus::NotApplicable,
        phone: String::new(),
        post: String::new(),
        household_address: String::new(),
        pay_method: PayMethod::Other,
        bank_account: String::new(),
        stints: vec![Stint {
            unknown: Default::default(),
            employment_form: EmploymentForm::PartTime,
            agreement_type: AgreementType::NoAgreement,
            start: "2026-01-05".into(),
            end: "2026-12-31".into(),
            leave_date: "2026-02-20".into(),
        }],
        insurance: vec![],
        wages: vec![WageMonth {
            unknown: Default::default(),
            month: "2026-01".into(),
            days_worked: String::new(),
            hours: "86.25".into(),
            gross: "1940.63".into(),
            deductions: "120.00".into(),
            net: "1820.63".into(),
            paid_date: "2026-02-15".into(),
        }],
        guesses: vec![],
    });
    d
}

/// The draft with employee keys renumbered 1.. in order (keys are local and never exported).
pub fn without_keys(d: &Draft) -> Draft {
    let mut d = d.clone();
    for (i, e) in d.employees.iter_mut().enumerate() {
        e.key = i as u32 + 1;
    }
    d
}
