//! Import benchmark: a 5,000-row roster XLSX and a 60,000-row payroll XLSX, generated in memory,
//! read and previewed against an empty draft and against a draft that already holds them (the
//! update path, where every row is matched by ID and month), then applied.
//!
//! Run with `cargo bench -p bangfu-io --bench import`. Prints one line per step.

use bangfu_io::{apply, export, preview, ImportOptions, InputFile};
use bangfu_model::{
    AgreementType, Draft, Employee, EmploymentForm, InsuranceKind, InsurancePeriod, PayMethod,
    PovertyStatus, Stint, WageMonth,
};
use std::time::{Duration, Instant};

fn id(n: u32) -> String {
    let body = format!(
        "150102{:08}{:03}",
        19_800_101 + (n / 1000) * 10_000,
        n % 1000
    );
    // GB 11643's check character, computed by the rules crate (the one place it is written).
    let check = bangfu_rules::validate::id_card::check_char(&body).unwrap_or('0');
    format!("{body}{check}")
}

/// `people` employees with one stint each and `months` months of pay each.
fn draft(people: u32, months: u32) -> Draft {
    let mut d = Draft::default();
    for n in 0..people {
        d.employees.push(Employee {
            unknown: Default::default(),
            key: n + 1,
            name: format!("员工{n}"),
            id_number: id(n),
            poverty_status: if n % 3 == 0 {
                PovertyStatus::Alleviated
            } else {
                PovertyStatus::NotApplicable
            },
            phone: format!("138{:08}", n),
            post: "缝纫工".into(),
            household_address: String::new(),
            pay_method: PayMethod::BankTransfer,
            bank_account: format!("6228480000{n:09}"),
            stints: vec![Stint {
                unknown: Default::default(),
                employment_form: EmploymentForm::FullTime,
                agreement_type: AgreementType::EmploymentContract,
                start: "2021-03-01".into(),
                end: String::new(),
                leave_date: String::new(),
            }],
            insurance: vec![InsurancePeriod {
                unknown: Default::default(),
                kind: InsuranceKind::WorkInjury,
                start: "2021-03-01".into(),
                end: String::new(),
            }],
            wages: (0..months)
                .map(|m| WageMonth {
                    unknown: Default::default(),
                    month: format!("{}-{:02}", 2021 + m / 12, m % 12 + 1),
                    days_worked: "22".into(),
                    hours: String::new(),
                    gross: format!("{}.50", 2200 + n % 300),
                    deductions: "105.60".into(),
                    net: format!("{}.90", 2094 + n % 300),
                    paid_date: format!("{}-{:02}-15", 2021 + (m + 1) / 12, (m + 1) % 12 + 1),
                })
                .collect(),
            guesses: vec![],
        });
    }
    d
}

fn time<T>(label: &str, runs: u32, mut f: impl FnMut() -> T) -> T {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..runs {
        let t = Instant::now();
        let v = f();
        best = best.min(t.elapsed());
        out = Some(v);
    }
    println!(
        "{label:<58} {:>8.1} ms (best of {runs})",
        best.as_secs_f64() * 1e3
    );
    match out {
        Some(v) => v,
        None => panic!("no run"),
    }
}

fn main() {
    let runs = 3;
    // 5,000-row roster.
    let roster_draft = draft(5_000, 0);
    let roster = time("export 5,000-row roster XLSX", runs, || {
        export::roster_xlsx(&roster_draft).unwrap_or_default()
    });
    println!("  roster XLSX size: {} KB", roster.len() / 1024);
    let files = [InputFile {
        name: "花名册.xlsx",
        bytes: &roster,
    }];
    let opts = ImportOptions::default();
    let plan = time("preview 5,000-row roster into an empty draft", runs, || {
        preview(&Draft::default(), &files, &opts)
    });
    let Ok(plan) = plan else {
        panic!("roster preview failed")
    };
    assert_eq!(plan.people_added.len(), 5_000);
    let applied = time("apply 5,000 new people", runs, || {
        apply(&plan, &Draft::default())
    });
    assert_eq!(applied.employees.len(), 5_000);
    let plan = time(
        "preview 5,000-row roster into a draft holding them",
        runs,
        || preview(&roster_draft, &files, &opts),
    );
    let Ok(plan) = plan else {
        panic!("roster preview failed")
    };
    assert_eq!(plan.people_unchanged.len(), 5_000);

    // 60,000-row payroll: 5,000 people × 12 months.
    let wage_draft = draft(5_000, 12);
    let wages = time("export 60,000-row payroll XLSX", runs, || {
        export::wages_xlsx(&wage_draft).unwrap_or_default()
    });
    println!("  payroll XLSX size: {} KB", wages.len() / 1024);
    let sheets = time(
        "  of which: read 60,000 rows of cells (calamine)",
        runs,
        || bangfu_io::xlsx_read::read("工资.xlsx", &wages, None, 200_000).unwrap_or_default(),
    );
    let header = bangfu_io::header::find(&sheets[0], None, &[]);
    let Some(header) = header else {
        panic!("no header")
    };
    let origin = bangfu_io::records::Origin {
        source: 0,
        file: "工资.xlsx",
        sheet: "",
    };
    time("  of which: cells to wage records", runs, || {
        bangfu_io::records::wages(&sheets[0], &header, &origin)
            .records
            .len()
    });
    let files = [InputFile {
        name: "工资.xlsx",
        bytes: &wages,
    }];
    let plan = time(
        "preview 60,000-row payroll, people in the draft",
        runs,
        || preview(&roster_draft, &files, &opts),
    );
    let Ok(plan) = plan else {
        panic!("payroll preview failed")
    };
    assert_eq!(
        plan.wages_added.len(),
        60_000,
        "{:?}",
        plan.rejected.first()
    );
    let applied = time("apply 60,000 new months", runs, || {
        apply(&plan, &roster_draft)
    });
    assert_eq!(applied.employees[0].wages.len(), 12);
    let plan = time(
        "preview 60,000-row payroll into a draft holding it",
        runs,
        || preview(&wage_draft, &files, &opts),
    );
    let Ok(plan) = plan else {
        panic!("payroll preview failed")
    };
    assert_eq!(plan.wages_unchanged.len(), 60_000);

    let csv = export::wages_csv(&wage_draft);
    println!("  payroll CSV size: {} KB", csv.len() / 1024);
    let files = [InputFile {
        name: "工资.csv",
        bytes: &csv,
    }];
    let plan = time(
        "preview 60,000-row payroll CSV, people in the draft",
        runs,
        || preview(&roster_draft, &files, &opts),
    );
    let Ok(plan) = plan else {
        panic!("payroll preview failed")
    };
    assert_eq!(plan.wages_added.len(), 60_000);
}
