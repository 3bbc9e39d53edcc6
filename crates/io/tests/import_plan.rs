//! The preview before anything changes: additions, updates with every changed field, unchanged
//! people, rejected rows with row, column and reason; and `apply` doing exactly that.

mod common;
use bangfu_io::{apply, preview, ImportOptions, InputFile, TableKind};
use bangfu_model::{Draft, EmploymentForm, PovertyStatus};
use common::*;

const ROSTER_HEADER: &str = "姓名,身份证号,人员类别,岗位,用工形式,协议类型,协议起始日期,协议终止日期,离职日期,联系电话,参保类型,参保起始日期,参保终止日期\n";
const WAGE_HEADER: &str =
    "姓名,身份证号,工资月份,出勤天数,工时,应发工资,代扣个人社保,实发工资,发放日期\n";

fn csv(header: &str, rows: &[String]) -> Vec<u8> {
    let mut s = header.to_owned();
    for r in rows {
        s.push_str(r);
        s.push('\n');
    }
    s.into_bytes()
}

#[test]
fn new_people_are_added_and_a_seasonal_worker_with_two_rows_is_one_person() {
    let a = valid_id("19900307", 1);
    let b = valid_id("19880101", 2);
    let file = csv(
        ROSTER_HEADER,
        &[
            format!("王五,{a},脱贫人口,缝纫工,全日制,劳动合同,2026-03-01,,,13800000000,工伤保险,2026-03-01,"),
            format!("赵六,{b},监测对象,采摘工,季节性,劳务协议,2025-05-01,2025-07-31,,,人身意外伤害保险,2025-05-01,2025-07-31"),
            format!("赵六,{b},监测对象,采摘工,季节性,劳务协议,2025-09-01,2025-10-31,,,人身意外伤害保险,2025-09-01,2025-10-31"),
        ],
    );
    let plan = plan_of(&Draft::default(), &[("花名册.csv", &file)]);
    assert_eq!(plan.summary(), "新增 2 人");
    assert_eq!(plan.people_added[1].rows.len(), 2);
    assert_eq!(
        plan.people_added[1]
            .rows
            .iter()
            .map(|r| r.row)
            .collect::<Vec<_>>(),
        [3, 4],
        "row numbers as Excel shows them (header is row 1)"
    );
    let d = apply(&plan, &Draft::default());
    assert_eq!(d.employees.len(), 2);
    let zhao = &d.employees[1];
    assert_eq!(zhao.poverty_status, PovertyStatus::Monitored);
    assert_eq!(zhao.stints.len(), 2);
    assert_eq!(zhao.stints[1].start, "2025-09-01");
    assert_eq!(zhao.insurance.len(), 2);
    assert_ne!(d.employees[0].key, d.employees[1].key);
}

#[test]
fn an_update_lists_each_change_and_never_blanks_a_field() {
    let mut draft = sample_draft();
    draft.employees[0].phone = "13800000001".into();
    let id = draft.employees[0].id_number.to_lowercase(); // lower-case x or not, same person
    let file = csv(
        ROSTER_HEADER,
        &[format!(
            "张三,{id},脱贫人口,质检员,全日制,劳动合同,2025-03-01,2027-02-28,,,工伤保险,2025-03-01,"
        )],
    );
    let plan = plan_of(&draft, &[("花名册.csv", &file)]);
    assert_eq!(plan.summary(), "更新 1 人");
    let u = &plan.people_updated[0];
    assert_eq!(u.key, Some(1));
    let changes: Vec<String> = u.changes.iter().map(ToString::to_string).collect();
    assert_eq!(
        changes,
        [
            "岗位：缝纫工 → 质检员",
            "用工时段（2025-03-01 起）协议终止日期： → 2027-02-28"
        ]
    );
    let after = apply(&plan, &draft);
    assert_eq!(after.employees[0].post, "质检员");
    assert_eq!(
        after.employees[0].phone, "13800000001",
        "blank phone cell kept the old one"
    );
    assert_eq!(after.employees[0].wages, draft.employees[0].wages);
    assert_eq!(after.employees[1..], draft.employees[1..]);
}

#[test]
fn the_preview_in_words_names_each_person_their_row_and_each_change() {
    let mut draft = sample_draft();
    draft.employees[0].phone = "13800000001".into();
    let id = draft.employees[0].id_number.clone();
    let new = valid_id("19900307", 1);
    let file = csv(
        ROSTER_HEADER,
        &[
            format!("张三,{id},脱贫人口,质检员,全日制,劳动合同,2025-03-01,,,,工伤保险,2025-03-01,"),
            format!("王五,{new},脱贫人口,缝纫工,全日制,劳动合同,2026-03-01,,,,,,"),
            "赵六,1101051949,其他,,全日制,,,,,,,,".to_owned(),
        ],
    );
    let plan = plan_of(&draft, &[("花名册.csv", &file)]);
    let s = plan.to_summary();
    assert_eq!(s.summary, plan.summary());
    assert!(s.changes_anything);
    assert_eq!(s.sources.len(), 1);
    assert!(s.sources[0].starts_with("花名册.csv："), "{}", s.sources[0]);
    assert!(s.sources[0].contains("表头在第 1 行"), "{}", s.sources[0]);
    assert_eq!(s.people_added.len(), 1);
    assert!(
        s.people_added[0].starts_with(&format!("王五 {new}（")),
        "{}",
        s.people_added[0]
    );
    assert!(
        s.people_added[0].contains("第 3 行"),
        "{}",
        s.people_added[0]
    );
    assert_eq!(s.people_updated.len(), 1);
    assert!(
        s.people_updated[0].ends_with("：岗位：缝纫工 → 质检员"),
        "{}",
        s.people_updated[0]
    );
    assert_eq!(s.rejected.len(), plan.rejected.len());
    assert!(
        s.rejected[0].starts_with("花名册.csv "),
        "{}",
        s.rejected[0]
    );
    // It crosses from the worker to the page as JSON.
    let json = serde_json::to_string(&s).expect("serialises");
    assert_eq!(
        serde_json::from_str::<bangfu_io::PlanSummary>(&json).ok(),
        Some(s)
    );
}

#[test]
fn rejected_rows_name_the_row_the_column_and_why() {
    let ok = valid_id("19900307", 1);
    let file = csv(
        ROSTER_HEADER,
        &[
            format!("王五,{ok},脱贫人口,,全日制,劳动合同,2026-02-30,,,,,,"),
            "赵六,1101051949,其他,,全日制,,,,,,,,".to_owned(),
            format!("孙七,{},贫困户,,,,,,,,,,", valid_id("19700101", 3)),
            ",,,,全日制,,,,,,,,".to_owned(),
        ],
    );
    let plan = plan_of(&Draft::default(), &[("花名册.csv", &file)]);
    assert!(plan.people_added.is_empty());
    let lines: Vec<String> = plan.rejected.iter().map(|r| r.to_string()).collect();
    assert_eq!(
        lines,
        [
            "第 2 行“协议起始日期”（2026-02-30）：日期格式不对，请填写如 2026-03-01 或 2026年3月1日",
            "第 3 行“身份证号”（1101051949）：身份证号应为18位（17位数字加1位数字或X），这里是10位",
            "第 4 行“人员类别”（贫困户）：应填写：脱贫人口、监测对象、其他",
            "第 5 行“身份证号”：身份证号未填写（每个人按身份证号识别）",
            "第 5 行“姓名”：姓名未填写",
        ]
    );
    assert_eq!(plan.rejected_rows(), 4);
    assert_eq!(plan.summary(), "有 4 行未能导入");
    assert_eq!(apply(&plan, &Draft::default()), Draft::default());
}

#[test]
fn conflicting_rows_for_one_person_are_rejected_not_merged() {
    let id = valid_id("19900307", 1);
    let file = csv(
        ROSTER_HEADER,
        &[
            format!("王五,{id},脱贫人口,,季节性,劳务协议,2026-03-01,2026-05-31,,,,,"),
            format!("王伍,{id},脱贫人口,,季节性,劳务协议,2026-07-01,2026-08-31,,,,,"),
            format!("王五,{id},其他,,季节性,劳务协议,2026-09-01,2026-10-31,,,,,"),
            format!("王五,{id},脱贫人口,,季节性,劳务协议,2026-03-01,2026-06-30,,,,,"),
            format!("王五,{id},脱贫人口,,季节性,劳务协议,2026-03-01,2026-05-31,,,,,"),
        ],
    );
    let plan = plan_of(&Draft::default(), &[("花名册.csv", &file)]);
    let reasons: Vec<(u32, &str)> = plan
        .rejected
        .iter()
        .map(|r| (r.row, r.column.as_str()))
        .collect();
    assert_eq!(reasons, [(3, "姓名"), (4, "人员类别"), (5, "协议起始日期")]);
    assert!(plan.rejected[0].reason.contains("第 2 行的姓名是“王五”"));
    let d = apply(&plan, &Draft::default());
    assert_eq!(d.employees.len(), 1);
    assert_eq!(
        d.employees[0].stints.len(),
        1,
        "the identical repeated row adds nothing"
    );
}

#[test]
fn wages_match_people_by_id_in_the_draft_or_the_same_import() {
    let draft = sample_draft();
    let zhang = draft.employees[0].id_number.clone();
    let newcomer = valid_id("19950505", 9);
    let roster = csv(
        ROSTER_HEADER,
        &[format!(
            "钱八,{newcomer},其他,,全日制,劳动合同,2026-01-01,,,,,,"
        )],
    );
    let wages = csv(
        WAGE_HEADER,
        &[
            format!("张三,{zhang},2026-02,22,,2300,0,2300,2026-02-28"), // unchanged
            format!("张三,{zhang},2026-01,22,,2280.50,0,2280.50,2026-01-28"), // update
            format!("张三,{zhang},2026-03,22,,2310,0,2310,2026-04-28"), // add
            format!("钱八,{newcomer},2026-01,20,,2100,0,2100,2026-02-28"), // new person
            format!("周九,{},2026-01,20,,2100,0,2100,", valid_id("19800101", 4)), // unknown
            format!("李四,{zhang},2026-01,20,,2100,0,2100,"),           // name mismatch
        ],
    );
    let plan = plan_of(&draft, &[("花名册.csv", &roster), ("工资.csv", &wages)]);
    assert_eq!(plan.wages_unchanged.len(), 1);
    assert_eq!(plan.wages_updated.len(), 1);
    let fields: Vec<&str> = plan.wages_updated[0]
        .changes
        .iter()
        .map(|c| c.field.as_str())
        .collect();
    assert_eq!(fields, ["2026-01 应发工资", "2026-01 实发工资"]);
    assert_eq!(plan.wages_updated[0].changes[0].before, "2270.50");
    assert_eq!(plan.wages_added.len(), 2);
    assert_eq!(
        plan.wages_added[1].key, None,
        "belongs to a person added by this import"
    );
    let rejected: Vec<(u32, &str)> = plan
        .rejected
        .iter()
        .map(|r| (r.row, r.column.as_str()))
        .collect();
    assert_eq!(rejected, [(6, "身份证号"), (7, "姓名")]);
    assert!(plan.rejected[0].reason.contains("花名册中没有"));
    assert!(plan.rejected[1].reason.contains("张三"));

    let after = apply(&plan, &draft);
    let z = &after.employees[0];
    assert_eq!(z.wages.len(), 3);
    assert_eq!(z.wages[0].gross, "2280.50");
    assert_eq!(z.wages[2].month, "2026-03");
    let q = after.employees.iter().find(|e| e.name == "钱八").unwrap();
    assert_eq!(q.wages.len(), 1);
    assert_eq!(
        draft,
        sample_draft(),
        "the draft given to preview and apply is untouched"
    );
}

#[test]
fn wage_rows_without_id_match_a_unique_name_and_refuse_an_ambiguous_one() {
    let mut draft = sample_draft();
    let mut twin = draft.employees[2].clone();
    twin.key = 9;
    twin.id_number = valid_id("19990909", 5);
    draft.employees.push(twin); // two people called 李四
    let wages = csv(
        WAGE_HEADER,
        &[
            "张三,,2026-03,22,,2310,0,2310,".to_owned(),
            "李四,,2026-03,22,,2310,0,2310,".to_owned(),
            "无名氏,,2026-03,22,,2310,0,2310,".to_owned(),
        ],
    );
    let plan = plan_of(&draft, &[("工资.csv", &wages)]);
    assert_eq!(plan.wages_added.len(), 1);
    assert_eq!(plan.wages_added[0].key, Some(1));
    assert!(
        plan.rejected[0].reason.contains("有 2 人叫“李四”"),
        "{}",
        plan.rejected[0]
    );
    assert!(plan.rejected[1].reason.contains("没有叫“无名氏”"));
    assert!(plan.notes.iter().any(|n| n.reason.contains("按姓名")));
}

#[test]
fn duplicate_months_in_a_payroll_are_caught() {
    let draft = sample_draft();
    let zhang = draft.employees[0].id_number.clone();
    let wages = csv(
        WAGE_HEADER,
        &[
            format!("张三,{zhang},2026-03,22,,2310,0,2310,"),
            format!("张三,{zhang},2026-03,22,,2310,0,2310,"),
            format!("张三,{zhang},2026年3月,22,,2400,0,2400,"),
        ],
    );
    let plan = plan_of(&draft, &[("工资.csv", &wages)]);
    assert_eq!(plan.wages_added.len(), 1);
    assert_eq!(plan.rejected.len(), 1);
    assert_eq!(plan.rejected[0].row, 4);
    assert!(plan
        .notes
        .iter()
        .any(|n| n.row == 3 && n.reason.contains("完全相同")));
}

#[test]
fn a_chosen_sheet_or_table_is_respected() {
    let d = sample_draft();
    let book = bangfu_io::export::workbook_xlsx(&d).unwrap();
    let only = |sheet: Option<&str>, table: Option<TableKind>| {
        preview(
            &Draft::default(),
            &[InputFile {
                name: "导出.xlsx",
                bytes: &book,
            }],
            &ImportOptions {
                sheet: sheet.map(str::to_owned),
                table,
                ..ImportOptions::default()
            },
        )
    };
    let plan = only(Some("员工花名册"), None).unwrap();
    assert_eq!(plan.sources.len(), 1);
    assert_eq!(plan.people_added.len(), 3);
    let plan = only(None, Some(TableKind::Roster)).unwrap();
    assert_eq!(plan.sources.len(), 1);
    assert_eq!(plan.skipped_sheets, ["导出.xlsx：工资发放明细"]);
    let err = only(Some("Sheet9"), None).unwrap_err();
    assert!(
        err.to_string().contains("员工花名册、工资发放明细"),
        "{err}"
    );
    assert_eq!(
        bangfu_io::sheet_names("导出.xlsx", &book).unwrap(),
        ["员工花名册", "工资发放明细"]
    );
}

#[test]
fn the_empty_starting_row_of_the_app_is_filled_not_duplicated() {
    let mut draft = Draft::default();
    let key = draft.add_employee();
    let id = valid_id("19900307", 1);
    if let Some(e) = draft.employee_mut(key) {
        e.name = "王五".into();
        e.id_number = id.clone();
    }
    let file = csv(
        ROSTER_HEADER,
        &[format!(
            "王五,{id},脱贫人口,,全日制,劳动合同,2026-03-01,,,,,,"
        )],
    );
    let after = apply(&plan_of(&draft, &[("a.csv", &file)]), &draft);
    assert_eq!(after.employees.len(), 1);
    assert_eq!(after.employees[0].stints.len(), 1);
    assert_eq!(
        after.employees[0].stints[0].employment_form,
        EmploymentForm::FullTime
    );
}

/// Imported guesses are named: a value read from another word than its label (临时工 → 季节性,
/// 是 → 脱贫人口) is listed with its count before confirming, and kept in the draft as a guess
/// at its field until the user confirms it.
#[test]
fn guessed_values_are_listed_before_confirming_and_marked_in_the_draft() {
    let a = valid_id("19900307", 1);
    let b = valid_id("19880101", 2);
    let file = csv(
        ROSTER_HEADER,
        &[
            format!("王五,{a},是,缝纫工,临时工,劳动合同,2026-03-01,,,,工伤保险,2026-03-01,"),
            format!("赵六,{b},脱贫人口,缝纫工,临时工,劳务协议,2026-03-01,,,,工伤,2026-03-01,"),
        ],
    );
    let plan = plan_of(&Draft::default(), &[("花名册.csv", &file)]);
    let lines = plan.to_summary().guesses;
    assert_eq!(
        lines,
        [
            "用工形式：「临时工」按“季节性”导入（2 行）",
            "人员类别：「是」按“脱贫人口”导入（1 行）",
            "参保类型：「工伤」按“工伤保险”导入（1 行）",
        ]
    );
    let d = apply(&plan, &Draft::default());
    let fields = |i: usize| -> Vec<String> {
        d.employees[i]
            .guesses
            .iter()
            .map(|g| g.field.clone())
            .collect()
    };
    assert_eq!(fields(0), ["poverty_status", "stint.0.employment_form"]);
    assert_eq!(fields(1), ["stint.0.employment_form", "insurance.0.kind"]);
    assert_eq!(
        d.employees[0].stints[0].employment_form,
        EmploymentForm::Seasonal
    );
    // The rules point each guess out at its field.
    let today = chrono::NaiveDate::from_ymd_opt(2026, 6, 20).unwrap();
    let assessment = bangfu_rules::assess(&d, today);
    let key = d.employees[0].key;
    let path = format!("employee.{key}.poverty_status");
    assert!(assessment
        .errors_at(&path)
        .any(|e| e.message.contains("「是」")));
}

/// One ID normaliser: a number typed in the draft with a hyphen or spaces is the same person as
/// the imported row without them.
#[test]
fn an_id_typed_with_a_hyphen_or_spaces_matches_the_imported_row() {
    let a = valid_id("19900307", 1);
    for typed in [
        format!("{}-{}", &a[..6], &a[6..]),
        format!("{} {} {}", &a[..6], &a[6..14], &a[14..]),
    ] {
        let mut draft = Draft::default();
        let key = draft.add_employee();
        if let Some(e) = draft.employee_mut(key) {
            e.name = "王五".into();
            e.id_number = typed.clone();
        }
        let file = csv(
            ROSTER_HEADER,
            &[format!(
                "王五,{a},脱贫人口,缝纫工,全日制,劳动合同,2026-03-01,,,,工伤保险,2026-03-01,"
            )],
        );
        let plan = plan_of(&draft, &[("花名册.csv", &file)]);
        assert!(plan.people_added.is_empty(), "{typed}: {}", plan.summary());
        assert_eq!(plan.people_updated.len(), 1, "{typed}");
    }
}

/// A column under an unknown name (入职时间 instead of 入职日期) is offered for mapping with a
/// guess, the missing start dates are said loudly, and once mapped the start dates are read.
#[test]
fn an_unknown_column_is_offered_for_mapping_and_mapped_it_is_read() {
    let a = valid_id("19900307", 1);
    let file =
        format!("姓名,身份证号,人员类别,入职时间\n王五,{a},脱贫人口,2026-03-01\n").into_bytes();
    let plan = plan_of(&Draft::default(), &[("花名册.csv", &file)]);
    let summary = plan.to_summary();
    assert!(
        summary
            .missing
            .iter()
            .any(|m| m.contains("缺少“协议起始日期”列")),
        "{:?}",
        summary.missing
    );
    let u = &summary.unmapped[0];
    assert_eq!(
        (u.header.as_str(), u.suggestion.as_deref()),
        ("入职时间", Some("协议起始日期"))
    );
    // Mapped by the user: the start date is there.
    let options = ImportOptions {
        mapping: vec![(
            "入职时间".into(),
            bangfu_io::columns::Column::AgreementStart,
        )],
        ..ImportOptions::default()
    };
    let plan = preview(
        &Draft::default(),
        &[InputFile {
            name: "花名册.csv",
            bytes: &file,
        }],
        &options,
    )
    .unwrap();
    assert!(plan.to_summary().missing.is_empty());
    let d = apply(&plan, &Draft::default());
    assert_eq!(d.employees[0].stints[0].start, "2026-03-01");
}

/// Invalid IDs are named row by row in the preview, before anything is imported.
#[test]
fn an_id_with_a_wrong_check_digit_is_named_in_the_preview() {
    let mut a = valid_id("19900307", 1);
    let last = if a.ends_with('1') { '2' } else { '1' };
    a.pop();
    a.push(last);
    let file = csv(
        ROSTER_HEADER,
        &[format!(
            "王五,{a},脱贫人口,缝纫工,全日制,劳动合同,2026-03-01,,,,工伤保险,2026-03-01,"
        )],
    );
    let plan = plan_of(&Draft::default(), &[("花名册.csv", &file)]);
    let notes = plan.to_summary().notes.join("\n");
    assert!(
        notes.contains("第 2 行") && notes.contains("校验位"),
        "{notes}"
    );
}
