//! The township's list of applications and its XLSX export, read back as a spreadsheet.

use bangfu_model::{Envelope, PovertyStatus};
use bangfu_review::overview::{self, Filter, SortKey};
use bangfu_review::status::Stage;
use bangfu_review::Workspace;
use bangfu_rules::calendar::Calendar;
use bangfu_rules::sample::qualifying_draft;
use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use std::io::Cursor;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn workspace() -> Workspace {
    let mut ws = Workspace::default();
    for (n, name, code, received) in [
        (8, "甲服装加工合作社", "91350100M000100Y43", d(2026, 6, 1)),
        (60, "乙食品有限公司", "12100000400009880K", d(2026, 6, 8)),
        (4, "丙手工艺品店", "", d(2026, 6, 15)),
    ] {
        let mut draft = qualifying_draft(n, 6, d(2026, 6, 20));
        draft.applicant.name = name.into();
        draft.applicant.credit_code = code.into();
        let file = Envelope::new(draft, "").to_json();
        ws.receive(&format!("{name}.json"), file.as_bytes(), "", received)
            .unwrap();
    }
    ws
}

#[test]
fn the_list_shows_each_application_with_the_rules_figures() {
    let ws = workspace();
    let today = d(2026, 6, 20);
    let rows = overview::rows(&ws, Calendar::shipped(), today);
    let numbers: Vec<&str> = rows.iter().map(|r| r.number.as_str()).collect();
    assert_eq!(numbers, ["2026-001", "2026-002", "2026-003"]);
    let yi = &rows[1];
    assert_eq!(yi.workforce, 60);
    let draft = ws.applications[1].latest_draft().unwrap();
    let monitored = draft
        .employees
        .iter()
        .filter(|e| e.poverty_status == PovertyStatus::Monitored)
        .count() as u32;
    assert_eq!(yi.monitored, monitored);
    assert!(yi.alleviated > 0);
    assert_eq!(
        yi.share,
        bangfu_model::text::format_percent(yi.alleviated + yi.monitored, 60)
    );
    assert!(
        yi.wage_level.starts_with("月人均应发工资"),
        "{}",
        yi.wage_level
    );
    // 甲 received on 1 June 2026: due 15 June (端午 is 19 June), overdue on the 20th.
    let next = rows[0].next.as_ref().unwrap();
    assert_eq!((next.date, next.overdue), (d(2026, 6, 15), true));
    // 丙 has four people: the app says 不符合.
    assert_eq!(rows[2].app_verdict, Some(bangfu_rules::Status::NotMet));

    // Sorting and filtering.
    let mut sorted = rows.clone();
    overview::sort(&mut sorted, SortKey::Applicant, false);
    assert_eq!(sorted[0].applicant, "丙手工艺品店");
    overview::sort(&mut sorted, SortKey::Received, true);
    assert_eq!(sorted[0].number, "2026-003");
    let f = Filter {
        text: "12100000".into(),
        ..Filter::default()
    };
    assert_eq!(rows.iter().filter(|r| f.matches(r)).count(), 1);
    let f = Filter {
        stage: Some(Stage::InReview),
        ..Filter::default()
    };
    assert_eq!(rows.iter().filter(|r| f.matches(r)).count(), 0);
    let f = Filter {
        overdue_only: true,
        ..Filter::default()
    };
    assert_eq!(rows.iter().filter(|r| f.matches(r)).count(), 1);
}

#[test]
fn the_export_has_the_ledger_columns_and_one_row_per_application() {
    let ws = workspace();
    let today = d(2026, 6, 20);
    let rows = overview::rows(&ws, Calendar::shipped(), today);
    let bytes = overview::to_xlsx(&rows, today).unwrap();
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let range = wb.worksheet_range("初审申请一览").unwrap();
    let cells: Vec<Vec<String>> = range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect();
    assert_eq!(cells[0][0], "就业帮扶车间认定申请初审一览");
    assert!(cells[1][0].contains("2026-06-20") && cells[1][0].contains("第十一条"));
    let header: Vec<&str> = overview::XLSX_COLUMNS.iter().map(|c| c.0).collect();
    assert_eq!(cells[2], header);
    assert_eq!(cells.len(), 3 + 3);
    let yi = &cells[4];
    assert_eq!(
        &yi[..4],
        ["2026-002", "乙食品有限公司", "12100000400009880K", "60"]
    );
    assert_eq!(yi[6], rows[1].share);
    assert_eq!(yi[10], "已受理");
    assert!(cells[3][15].contains("已逾期"), "{:?}", cells[3]);
}
