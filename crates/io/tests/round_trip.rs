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

/// CSV injection (OWASP): a name, post or address typed as a formula is written with a leading
/// `'` in every CSV export, so a spreadsheet shows it as text; importing the export gives back
/// exactly what was typed.
#[test]
fn formula_like_text_is_neutralised_in_csv_and_comes_back_unchanged() {
    let mut d = sample_draft();
    let hostile = [
        "=HYPERLINK(\"http://x\",\"点击\")",
        "+1+1",
        "-2",
        "@SUM(A1)",
        "=1+2",
    ];
    d.employees[0].name = hostile[0].into();
    d.employees[0].post = hostile[1].into();
    d.employees[0].household_address = hostile[2].into();
    d.employees[1].post = hostile[3].into();
    d.employees[1].household_address = hostile[4].into();
    // An unreadable amount is exported as typed (and refused, with its row, on import).
    d.employees[0].wages[0].gross = "=2000".into();
    for csv in [export::roster_csv(&d), export::wages_csv(&d)] {
        let text = String::from_utf8(csv).unwrap();
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\r']),
                    "a cell a spreadsheet would run: «{cell}»"
                );
            }
        }
    }
    let plan = plan_of(
        &Draft::default(),
        &[
            ("花名册.csv", &export::roster_csv(&d)),
            ("工资.csv", &export::wages_csv(&d)),
        ],
    );
    let back = apply(&plan, &Draft::default());
    let names: Vec<&str> = back.employees.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&hostile[0]), "{names:?}");
    let first = back
        .employees
        .iter()
        .find(|e| e.name == hostile[0])
        .unwrap();
    assert_eq!(
        (first.post.as_str(), first.household_address.as_str()),
        (hostile[1], hostile[2])
    );
}
