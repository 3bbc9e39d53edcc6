//! Export then import into an empty draft gives the same roster and payroll (keys aside).

mod common;
use bangfu_io::{apply, export};
use bangfu_model::Draft;
use common::*;

fn employees_only(d: &Draft) -> Draft {
    Draft {
        employees: without_keys(d).employees,
        ..Draft::default()
    }
}

#[test]
fn xlsx_roster_and_payroll_files_import_back_to_the_same_draft() {
    let d = sample_draft();
    let roster = export::roster_xlsx(&d).unwrap();
    let wages = export::wages_xlsx(&d).unwrap();
    let plan = plan_of(
        &Draft::default(),
        &[("花名册.xlsx", &roster), ("工资.xlsx", &wages)],
    );
    assert!(plan.rejected.is_empty(), "{:?}", plan.rejected);
    assert_eq!(plan.people_added.len(), 3);
    assert_eq!(plan.wages_added.len(), 4);
    let back = apply(&plan, &Draft::default());
    assert_eq!(employees_only(&back), employees_only(&d));
}

#[test]
fn one_workbook_with_both_sheets_imports_back_whole() {
    let d = sample_draft();
    let book = export::workbook_xlsx(&d).unwrap();
    let plan = plan_of(&Draft::default(), &[("导出.xlsx", &book)]);
    assert_eq!(plan.sources.len(), 2);
    let back = apply(&plan, &Draft::default());
    assert_eq!(employees_only(&back), employees_only(&d));
}

#[test]
fn csv_roster_and_payroll_import_back_to_the_same_draft() {
    let d = sample_draft();
    let roster = export::roster_csv(&d);
    let wages = export::wages_csv(&d);
    assert!(roster.starts_with(b"\xEF\xBB\xBF"), "BOM for Excel");
    let plan = plan_of(
        &Draft::default(),
        &[("花名册.csv", &roster), ("工资.csv", &wages)],
    );
    assert!(plan.rejected.is_empty(), "{:?}", plan.rejected);
    let back = apply(&plan, &Draft::default());
    assert_eq!(employees_only(&back), employees_only(&d));
}

#[test]
fn importing_an_export_into_the_same_draft_changes_nothing() {
    let d = sample_draft();
    let book = export::workbook_xlsx(&d).unwrap();
    let plan = plan_of(&d, &[("导出.xlsx", &book)]);
    assert!(!plan.changes_anything(), "{}", plan.summary());
    assert_eq!(plan.people_unchanged.len(), 3);
    assert_eq!(plan.wages_unchanged.len(), 4);
    assert_eq!(apply(&plan, &d), d);
}

#[test]
fn values_typed_in_other_spellings_export_canonically_and_read_back_the_same() {
    let mut d = sample_draft();
    d.employees[0].stints[0].start = "2025年3月1日".into();
    d.employees[0].wages[0].gross = "¥2,270.5".into();
    let book = export::workbook_xlsx(&d).unwrap();
    let back = apply(
        &plan_of(&Draft::default(), &[("x.xlsx", &book)]),
        &Draft::default(),
    );
    assert_eq!(back.employees[0].stints[0].start, "2025-03-01");
    assert_eq!(back.employees[0].wages[0].gross, "2270.50");
    // And into the draft it came from: same meaning, so no change and the typed spelling stays.
    let plan = plan_of(&d, &[("x.xlsx", &book)]);
    assert!(!plan.changes_anything(), "{}", plan.summary());
}
