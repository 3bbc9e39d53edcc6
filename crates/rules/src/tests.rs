//! Whole-assessment tests: sample workshops, empty and garbage drafts, duplicates, blank rows.

use crate::testkit::*;
use crate::{assess, sample, CriterionId, Status};
use bangfu_model::{Draft, Employee, PayMethod, PovertyStatus, Stint, WageMonth};

#[test]
fn sample_workshops_meet_every_criterion() {
    let cases = [
        (5, 3, d(2026, 6, 20)),
        (12, 6, d(2026, 1, 5)),
        (50, 12, d(2026, 6, 20)),
        (120, 4, d(2025, 12, 10)),
        (30, 6, d(2023, 3, 1)),
        (300, 12, d(2026, 11, 30)),
    ];
    for (n, months, date) in cases {
        let draft = sample::qualifying_draft(n, months, date);
        let a = assess(&draft, date);
        for f in &a.findings {
            assert_eq!(
                f.status,
                Status::Met,
                "{n}×{months} on {date}, {}: {} {:?} {:?}",
                f.criterion.code(),
                f.summary,
                f.missing,
                f.people
                    .iter()
                    .filter(|p| p.status != Status::Met)
                    .take(3)
                    .collect::<Vec<_>>()
            );
        }
        let hard: Vec<_> = a.field_errors.iter().filter(|e| !e.warning).collect();
        assert!(hard.is_empty(), "{hard:?}");
        assert_eq!(a.total_workforce, n as u32);
        assert_eq!(a.earliest_qualifying_date, None);
    }
}

#[test]
fn an_empty_draft_is_incomplete_everywhere_without_field_errors() {
    let today = d(2026, 6, 20);
    let a = assess(&Draft::default(), today);
    assert_eq!(a.date, today);
    assert_eq!(a.overall, Status::Incomplete);
    for f in &a.findings {
        assert_eq!(f.status, Status::Incomplete, "{}", f.criterion.code());
        assert!(!f.missing.is_empty(), "{}", f.criterion.code());
    }
    assert!(a.field_errors.is_empty(), "{:?}", a.field_errors);
    assert_eq!(a.findings.len(), 6);
    let order: Vec<_> = a.findings.iter().map(|f| f.criterion).collect();
    assert_eq!(order, CriterionId::ALL);
}

#[test]
fn a_just_added_blank_row_is_ignored() {
    let mut draft = workshop(5, 5);
    draft.add_employee();
    let a = run(&draft);
    assert_eq!(a.overall, Status::Met);
    assert_eq!(a.employees.len(), 5);
    assert!(a.field_errors.iter().all(|e| e.warning));
}

#[test]
fn the_same_person_entered_twice_counts_once() {
    let mut draft = workshop(6, 5);
    let mut twin = draft.employees[0].clone();
    twin.key = 99;
    twin.name = "重复录入".into();
    draft.employees.push(twin);
    let a = run(&draft);
    assert_eq!(a.registered, 5);
    assert_eq!(a.qualifying, 5);
    let e = a.errors_at("employee.99.id_number").next().unwrap();
    assert!(e.message.contains("重复"), "{}", e.message);
}

#[test]
fn person_notes_use_the_employee_key_and_name() {
    let date = d(2026, 6, 20);
    let draft = four_plus(person(10, d(2026, 5, 1), date), date);
    let a = assess(&draft, date);
    let f = a.finding(CriterionId::Art7_2).unwrap();
    let n = f.people.iter().find(|n| n.key == 10).unwrap();
    assert_eq!(&*n.name, "测试10");
    assert_eq!(&*n.reason, "测试10：入职不满3个月，2026年8月1日满3个月");
    assert_eq!(a.earliest_qualifying_date, Some(d(2026, 8, 1)));
}

#[test]
fn earliest_date_is_none_when_more_than_time_is_missing() {
    let date = d(2026, 6, 20);
    let mut e = person(10, d(2026, 5, 1), date);
    e.insurance.clear();
    let a = assess(&four_plus(e, date), date);
    assert_eq!(a.earliest_qualifying_date, None);
    // Art. 6 failing is not a matter of time either.
    let mut draft = four_plus(person(10, d(2026, 5, 1), date), date);
    draft.applicant.entity_type = bangfu_model::EntityType::IndividualBusiness;
    assert_eq!(assess(&draft, date).earliest_qualifying_date, None);
}

#[test]
fn roster_figures_for_the_packet() {
    let date = d(2026, 6, 20);
    let a = assess(&four_plus(person(10, d(2025, 11, 30), date), date), date);
    let e = a.employees.iter().find(|e| e.key == 10).unwrap();
    assert_eq!(e.employed_since, Some(d(2025, 11, 30)));
    assert_eq!(e.months_employed, Some(6));
    assert_eq!(e.wage_months.len(), 7);
    assert!(e.average_gross_fen.is_some_and(|g| g > 200_000));
}

#[test]
fn garbage_everywhere_never_panics_and_is_reported() {
    let junk = [
        "",
        " ",
        "？？",
        "2026-02-30",
        "-5",
        "99999999999999999999999",
        "１２",
        "x",
        "2026年13月",
        "😀",
    ];
    for (i, s) in junk.iter().enumerate() {
        let s = s.to_string();
        let mut draft = workshop(3, 2);
        draft.assessment_date = s.clone();
        draft.pay_day = s.clone();
        draft.applicant.credit_code = s.clone();
        draft.applicant.established = s.clone();
        draft.site.county_code = s.clone();
        draft.site.area_m2 = s.clone();
        draft.site.lease_end = s.clone();
        draft.extra_holidays = vec![s.clone()];
        draft.settings.seasonal_min_days = "0".into();
        draft.employees.push(Employee {
            key: 50 + i as u32,
            name: s.clone(),
            id_number: s.clone(),
            poverty_status: PovertyStatus::Monitored,
            bank_account: s.clone(),
            stints: vec![Stint {
                start: s.clone(),
                end: s.clone(),
                leave_date: s.clone(),
                ..Stint::default()
            }],
            wages: vec![WageMonth {
                unknown: Default::default(),
                month: s.clone(),
                gross: s.clone(),
                hours: s.clone(),
                net: s.clone(),
                paid_date: s.clone(),
                deductions: s.clone(),
                days_worked: s.clone(),
            }],
            ..Employee::default()
        });
        let a = assess(&draft, d(2026, 6, 20));
        assert_eq!(a.findings.len(), 6);
        assert_ne!(a.overall, Status::Met, "{s:?}");
        assert!(serde_json::to_string(&a).is_ok());
    }
}

/// The regulation does not prescribe how wages are paid: a missing or bad 银行卡号 is shown at its
/// field and changes no finding of 第六条 or 第七条.
#[test]
fn pay_method_and_bank_account_never_change_the_findings() {
    let draft = workshop(12, 6);
    let before = run(&draft);
    let variants: [(PayMethod, &str); 5] = [
        (PayMethod::BankTransfer, ""),
        (PayMethod::BankTransfer, "12345"),
        (PayMethod::Cash, "卡号未知"),
        (PayMethod::Other, ""),
        (PayMethod::Unspecified, ""),
    ];
    for (method, account) in variants {
        let mut d = draft.clone();
        for e in &mut d.employees {
            e.pay_method = method;
            e.bank_account = account.into();
        }
        let after = run(&d);
        assert_eq!(after.findings, before.findings, "{method:?} {account:?}");
        assert_eq!(after.overall, Status::Met);
        let at_field = after.errors_at("employee.1.bank_account").count();
        let want = usize::from(!(account.is_empty() && method != PayMethod::BankTransfer));
        assert_eq!(at_field, want, "{method:?} {account:?}");
    }
}

#[test]
fn unreadable_dates_are_reported_at_their_fields() {
    let date = d(2026, 6, 20);
    let mut e = person(10, d(2025, 12, 1), date);
    e.stints[0].leave_date = "2026/6/31".into();
    e.insurance[0].start = "明年".into();
    e.wages[0].paid_date = "2026-01-32".into();
    let a = assess(&four_plus(e, date), date);
    for p in [
        "employee.10.stint.0.leave_date",
        "employee.10.insurance.0.start",
        "employee.10.wage.0.paid_date",
    ] {
        assert_eq!(a.errors_at(p).count(), 1, "{p}");
    }
}

#[test]
fn huge_amounts_and_many_records_of_one_month_do_not_overflow() {
    let date = d(2026, 6, 20);
    let mut e = person(10, d(2025, 12, 1), date);
    let big = WageMonth {
        month: "2026-05".into(),
        gross: "9999999999999.99".into(),
        net: "9999999999999.99".into(),
        hours: "9999999999999.99".into(),
        paid_date: "2026-06-10".into(),
        ..WageMonth::default()
    };
    e.wages.extend(std::iter::repeat_n(big, 2_000));
    e.stints[0].employment_form = bangfu_model::EmploymentForm::PartTime;
    let a = assess(&four_plus(e, date), date);
    assert_eq!(a.findings.len(), 6);
}

#[test]
fn a_duplicate_row_is_not_counted_even_when_it_would_qualify() {
    let mut draft = workshop(6, 4);
    let mut twin = draft.employees[0].clone();
    twin.key = 99;
    draft.employees.push(twin);
    let f = run(&draft).finding(CriterionId::Art7_1).cloned().unwrap();
    // 4 distinct qualifying people: short by one, and the duplicate cannot make up for it.
    assert_eq!(f.status, Status::NotMet, "{}", f.summary);
    let note = f.people.iter().find(|n| n.key == 99).unwrap();
    assert_eq!(note.status, Status::NotMet);
    assert!(note.reason.contains("重复"), "{}", note.reason);
    assert_eq!(run(&draft).total_workforce, 6);
}

/// No vacuous 符合: a roster imported without employment dates leaves nothing to check wages
/// against; 第七条第（三）项 then says 信息不完整, not 「✓ 符合」.
#[test]
fn art7_3_with_no_employment_dates_is_incomplete_not_met() {
    let mut draft = workshop(6, 6);
    for e in &mut draft.employees {
        e.stints[0].start = String::new();
    }
    let a = run(&draft);
    for id in [
        CriterionId::Art7_2,
        CriterionId::Art7_3,
        CriterionId::Art7_4,
    ] {
        let f = a.finding(id).unwrap();
        assert_eq!(f.status, Status::Incomplete, "{}: {}", id.code(), f.summary);
    }
    assert_eq!(a.qualifying, 0);
}

/// A person counts for 第七条第（一）项 only once at least one of their wage months was judged: a
/// first month whose pay day has not come leaves 第（三）项 undecided for them.
#[test]
fn art7_1_a_person_with_no_wage_month_due_yet_does_not_count() {
    let date = d(2026, 6, 10);
    let mut e = person(10, d(2026, 5, 20), date);
    e.wages.clear();
    let a = assess(&four_plus(e, date), date);
    let emp = a.employees.iter().find(|e| e.key == 10).unwrap();
    assert!(!emp.qualifies);
    let (status, reason) = check_of(&a, 10, CriterionId::Art7_3);
    assert_eq!(status, Status::Incomplete, "{reason}");
    assert!(reason.contains("尚无到期"), "{reason}");
    // Time alone: 3 months on 2026-08-20, by when wages are due and assumed paid.
    assert_eq!(emp.qualifies_on, Some(d(2026, 8, 20)));
}

/// One gap, shown once: four fully compliant people meet 第（二）至（四）项; only 第（一）项 says a
/// fifth is needed.
#[test]
fn art7_1_four_compliant_people_fail_only_item_one() {
    let a = run(&workshop(4, 4));
    for id in [
        CriterionId::Art7_2,
        CriterionId::Art7_3,
        CriterionId::Art7_4,
    ] {
        let f = a.finding(id).unwrap();
        assert_eq!(f.status, Status::Met, "{}: {}", id.code(), f.summary);
        assert!(f.shortfall.is_empty(), "{}", f.shortfall);
    }
    let lines: Vec<&str> = a
        .findings
        .iter()
        .filter(|f| f.shortfall.contains("还需"))
        .map(|f| f.criterion.code())
        .collect();
    assert_eq!(lines, ["art7-1"]);
}

/// Say who: the shortfall of 第（一）项 names the people on the roster closest to counting and
/// what each lacks, then the new-hire route.
#[test]
fn art7_1_shortfall_names_the_people_closest_to_counting() {
    let date = d(2026, 6, 20);
    let mut draft = workshop(10, 4);
    // 王某 reaches 3 months on 2026-08-01; 赵某's ID has a wrong check digit.
    let mut wang = person(20, d(2026, 5, 1), date);
    wang.name = "王某".into();
    let mut zhao = person(21, d(2025, 12, 1), date);
    zhao.name = "赵某".into();
    let last = if zhao.id_number.ends_with('1') {
        '2'
    } else {
        '1'
    };
    zhao.id_number.pop();
    zhao.id_number.push(last);
    draft.employees.push(wang);
    draft.employees.push(zhao);
    let f = assess(&draft, date)
        .finding(CriterionId::Art7_1)
        .cloned()
        .unwrap();
    assert!(f.shortfall.starts_with("还需 1 名"), "{}", f.shortfall);
    assert!(
        f.shortfall.contains("王某：2026年8月1日满3个月"),
        "{}",
        f.shortfall
    );
    assert!(f.shortfall.contains("或新招 1 名"), "{}", f.shortfall);
}

/// One standing per person, from the rules: an incomplete check is 暂不计入 (not 不符合), and a
/// person of another status who has left is not said to be in the workforce.
#[test]
fn standing_says_incomplete_and_leavers_as_they_are() {
    let date = d(2026, 6, 20);
    let mut draft = workshop(8, 5);
    draft.employees[0].insurance.clear();
    draft.employees[7].stints[0].leave_date = "2026-05-31".into();
    let a = assess(&draft, date);
    let first = &a.employees[0].standing;
    assert_eq!(first.status, Some(Status::Incomplete), "{}", first.text);
    assert!(
        first.text.starts_with("暂不计入：第（四）项"),
        "{}",
        first.text
    );
    let left = &a.employees[7].standing;
    assert_eq!((left.status, left.in_workforce), (None, false));
    assert_eq!(&*left.text, "评估日不在职，不计入务工总人数");
    let other = &a.employees[6].standing;
    assert_eq!(&*other.text, "其他人员，计入务工总人数");
    assert!(a.employees[1].standing.text.starts_with("计入"));
}

/// A value the import guessed is pointed out at its field until the user confirms it.
#[test]
fn an_imported_guess_is_flagged_at_its_field() {
    let mut draft = workshop(5, 5);
    draft.employees[0].guesses.push(bangfu_model::Guess {
        unknown: Default::default(),
        field: "stint.0.employment_form".into(),
        typed: "临时工".into(),
    });
    let a = run(&draft);
    let key = draft.employees[0].key;
    let path = format!("employee.{key}.stint.0.employment_form");
    let msg = a.errors_at(&path).next().unwrap();
    assert!(
        msg.warning && msg.message.contains("「临时工」"),
        "{}",
        msg.message
    );
    assert_eq!(a.overall, Status::Met);
}
