//! Real files in `tests/fixtures/`, imported and checked in detail: a GBK CSV as Chinese Excel
//! saves it, a UTF-8-BOM CSV, an XLSX with a merged title row above the header and a name merged
//! over a seasonal worker's two rows, and a payroll with Excel serial dates.
//!
//! The files are made by `generate_fixtures` below (run it with
//! `cargo test -p bangfu-io --test fixtures -- --ignored`), so they can be reproduced and
//! reviewed; the other tests only read them.

mod common;
use bangfu_io::{apply, TableKind};
use bangfu_model::{AgreementType, Draft, EmploymentForm, InsuranceKind, PovertyStatus, WageMonth};
use common::*;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

fn read(name: &str) -> Vec<u8> {
    match std::fs::read(fixture(name)) {
        Ok(b) => b,
        Err(e) => panic!("{name}: {e} (run the ignored generate_fixtures test)"),
    }
}

/// People used by the fixtures.
fn ids() -> [String; 4] {
    [
        valid_id("19900307", 12),
        valid_id("19850611", 21),
        valid_id("20000101", 7),
        valid_id("19780228", 30),
    ]
}

#[test]
fn gbk_csv_from_chinese_excel() {
    let plan = plan_of(
        &Draft::default(),
        &[("花名册-GBK.csv", &read("roster-gbk.csv"))],
    );
    let src = &plan.sources[0];
    assert_eq!(
        src.encoding.map(|e| e.label()),
        Some("GBK/GB18030（简体中文 Excel 默认）")
    );
    assert_eq!(src.kind, TableKind::Roster);
    assert_eq!(src.header_row, 3, "title and a blank line above the header");
    assert_eq!(src.ignored_columns, ["序号", "备注"]);
    assert_eq!(plan.people_added.len(), 3);
    assert_eq!(plan.rejected.len(), 1);
    assert_eq!(
        plan.rejected[0].to_string(),
        "第 8 行“协议起始日期”（2026年13月1日）：日期格式不对，请填写如 2026-03-01 或 2026年3月1日"
    );
    assert!(plan
        .notes
        .iter()
        .any(|n| n.row == 9 && n.reason.contains("合计")));

    let d = apply(&plan, &Draft::default());
    let [a, b, c, _] = ids();
    let zhang = &d.employees[0];
    assert_eq!(
        (zhang.name.as_str(), zhang.id_number.as_str()),
        ("张三", a.as_str())
    );
    assert_eq!(zhang.poverty_status, PovertyStatus::Alleviated);
    assert_eq!(zhang.stints[0].start, "2025-03-01", "2025/3/1");
    assert_eq!(
        zhang.stints[0].agreement_type,
        AgreementType::EmploymentContract
    );
    assert_eq!(zhang.stints[0].end, "", "无固定期限");
    assert_eq!(zhang.insurance[0].kind, InsuranceKind::WorkInjury);
    let wu = &d.employees[1];
    assert_eq!(wu.name, "乌力吉", "padding space removed");
    assert_eq!(wu.id_number, b, "full-width digits and lower-case x");
    assert_eq!(wu.poverty_status, PovertyStatus::Monitored, "监测户");
    assert_eq!(wu.stints.len(), 2);
    assert_eq!(wu.stints[0].start, "2025-04-01", "2025年4月1日");
    assert_eq!(
        wu.stints[1].employment_form,
        EmploymentForm::Seasonal,
        "临时工"
    );
    assert_eq!(wu.insurance[0].kind, InsuranceKind::Accident, "意外险");
    let li = &d.employees[2];
    assert_eq!(li.id_number, c);
    assert_eq!(li.stints[0].employment_form, EmploymentForm::PartTime);
    assert_eq!(li.phone, "04712345678");
}

#[test]
fn utf8_bom_csv_payroll_with_money_as_people_write_it() {
    // The roster comes from the GBK file in the same import.
    let plan = plan_of(
        &Draft::default(),
        &[
            ("花名册-GBK.csv", &read("roster-gbk.csv")),
            ("工资-UTF8.csv", &read("wages-utf8-bom.csv")),
        ],
    );
    assert_eq!(
        plan.sources[1].encoding.map(|e| e.label()),
        Some("UTF-8（带 BOM）")
    );
    assert_eq!(plan.sources[1].kind, TableKind::Wages);
    assert_eq!(plan.wages_added.len(), 4, "{:?}", plan.rejected);
    assert_eq!(plan.rejected.len(), 2, "{:#?}", plan.rejected);
    assert_eq!(
        plan.rejected[0].file, "花名册-GBK.csv",
        "the roster's bad date"
    );
    assert_eq!(
        (plan.rejected[1].row, plan.rejected[1].column.as_str()),
        (6, "身份证号")
    );
    assert!(
        plan.rejected[1].reason.contains("花名册中没有"),
        "{}",
        plan.rejected[1]
    );
    let d = apply(&plan, &Draft::default());
    let zhang = &d.employees[0];
    assert_eq!(
        zhang.wages,
        [
            WageMonth {
                unknown: Default::default(),
                month: "2026-01".into(),
                days_worked: "22".into(),
                hours: "".into(),
                gross: "2270.50".into(),
                deductions: "0.00".into(),
                net: "2270.50".into(),
                paid_date: "2026-02-15".into(),
            },
            WageMonth {
                unknown: Default::default(),
                month: "2026-02".into(),
                days_worked: "20.5".into(),
                hours: "".into(),
                gross: "2270.00".into(),
                deductions: "105.60".into(),
                net: "2164.40".into(),
                paid_date: "2026-03-15".into(),
            },
        ]
    );
    assert_eq!(d.employees[2].wages[0].hours, "86.25");
    assert!(
        plan.notes.iter().any(|n| n.reason.contains("按姓名")),
        "乌力吉's row has no ID and is matched by name"
    );
}

#[test]
fn xlsx_with_merged_title_and_merged_name_cells() {
    let plan = plan_of(
        &Draft::default(),
        &[("花名册.xlsx", &read("roster-title-merged.xlsx"))],
    );
    let src = &plan.sources[0];
    assert_eq!((src.sheet.as_str(), src.header_row), ("花名册", 3));
    assert_eq!(src.ignored_columns, ["序号", "备注"]);
    assert!(plan.rejected.is_empty(), "{:?}", plan.rejected);
    assert_eq!(plan.skipped_sheets, ["花名册.xlsx：说明"]);
    let d = apply(&plan, &Draft::default());
    assert_eq!(d.employees.len(), 3);
    let wu = &d.employees[1];
    assert_eq!(wu.name, "乌力吉");
    assert_eq!(wu.stints.len(), 2, "name and ID merged over two rows");
    assert_eq!(wu.stints[0].start, "2025-04-01", "date cell");
    assert_eq!(
        wu.stints[0].end, "2025-06-30",
        "serial number in a General cell"
    );
    assert_eq!(wu.stints[1].start, "2025-09-01");
    assert_eq!(d.employees[0].stints[0].start, "2025-03-01");
    assert_eq!(d.employees[2].id_number, ids()[3]);
}

#[test]
fn xlsx_payroll_with_serial_dates_and_one_sheet_per_month() {
    let roster = read("roster-title-merged.xlsx");
    let wages = read("wages-serial-dates.xlsx");
    let plan = plan_of(
        &Draft::default(),
        &[("花名册.xlsx", &roster), ("工资.xlsx", &wages)],
    );
    assert!(plan.rejected.is_empty(), "{:?}", plan.rejected);
    let month_sources: Vec<(&str, Option<&str>)> = plan
        .sources
        .iter()
        .filter(|s| s.kind == TableKind::Wages)
        .map(|s| (s.sheet.as_str(), s.title_month.as_deref()))
        .collect();
    assert_eq!(month_sources, [("3月", Some("2026-03")), ("4月", None)]);
    let d = apply(&plan, &Draft::default());
    let zhang = &d.employees[0];
    assert_eq!(zhang.wages.len(), 2);
    assert_eq!(
        zhang.wages[0].month, "2026-03",
        "from the title 2026年3月工资发放表"
    );
    assert_eq!(
        zhang.wages[0].paid_date, "2026-04-15",
        "serial 46127 in a General cell"
    );
    assert_eq!(
        zhang.wages[0].gross, "2270.00",
        "2269.9999999999995 from a formula"
    );
    assert_eq!(
        zhang.wages[1].month, "2026-04",
        "date cell 2026-04-01 in 工资月份"
    );
    assert_eq!(zhang.wages[1].paid_date, "2026-05-15", "date cell");
    assert_eq!(zhang.wages[1].net, "2164.40");
}

// ---------------------------------------------------------------------------------------------
// Generator

fn workbook() -> Workbook {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2026, 3, 1).unwrap_or_default();
    wb.set_properties(&DocProperties::new().set_creation_datetime(&created));
    wb
}

fn serial(y: i32, m: u32, d: u32) -> f64 {
    bangfu_io::grid::date_to_serial(chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default())
}

#[test]
#[ignore = "writes tests/fixtures; run on purpose"]
fn generate_fixtures() {
    let dir = fixture("");
    std::fs::create_dir_all(&dir).unwrap();
    let [a, b, c, d] = ids();

    // 1. GBK CSV as 简体中文 Excel saves it: title, blank line, header with 序号/备注 and 入职日期,
    //    columns in another order, dates in three spellings, full-width digits, lower-case x,
    //    a name padded with a full-width space, a bad date, a 合计 line.
    let b_fullwidth: String = b
        .to_lowercase()
        .chars()
        .map(|ch| match ch {
            '0'..='9' => char::from_u32(ch as u32 + 0xFEE0).unwrap_or(ch),
            other => other,
        })
        .collect();
    let roster = format!(
        "某某农民专业合作社员工花名册（2026年）,,,,,,,,,,,,,,\r\n\
         \r\n\
         序号,姓名,身份证号码,人员类别,岗位,用工形式,协议类型,入职日期,协议终止日期,离职日期,联系电话,参保类型,参保起始日期,参保终止日期,备注\r\n\
         1,张三,{a},脱贫人口,缝纫工,全日制,劳动合同,2025/3/1,无固定期限,,13800000001,工伤保险,2025/3/1,,\r\n\
         2,乌　力吉,{b_fullwidth},监测户,分拣员,季节性,劳务协议,2025年4月1日,2025年6月30日,,,意外险,2025-04-01,2025-06-30,\r\n\
         3,乌力吉,{b_fullwidth},监测户,分拣员,临时工,劳务协议,2025-09-01,2025-11-15,,,意外险,2025-09-01,2025-11-15,第二段\r\n\
         4,李四,{c},其他,,非全日制,未签订,2026-01-05,2026-12-31,2026-02-20,04712345678,,,,\r\n\
         5,王五,{d},脱贫人口,,全日制,劳动合同,2026年13月1日,,,,,,,日期写错\r\n\
         合计,,,,,,,,,,,,,,4人\r\n"
    );
    let (gbk, _, unmappable) = encoding_rs::GB18030.encode(&roster);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&gbk).is_err(), "really not UTF-8");
    std::fs::write(dir.join("roster-gbk.csv"), &gbk).unwrap();

    // 2. UTF-8 CSV with BOM: payroll with ¥, thousands commas, 元, trailing spaces, 2026年1月,
    //    a row without ID (matched by name) and a person not on the roster.
    let wages = format!(
        "\u{feff}姓名,身份证号,工资月份,出勤天数,工时,应发工资,代扣个人社保,实发工资,发放日期\r\n\
         张三,{a},2026年1月,22,,\"¥2,270.50\",0,\"2,270.50元 \",2026/2/15\r\n\
         张三,{a} ,2026-02,20.5,,2270元,105.6,2164.4,2026年3月15日\r\n\
         乌力吉,,2025-10,21,,2150,,2150,\r\n\
         李四,{c},2026-01,,86.25,1940.63,120,1820.63,2026-02-15\r\n\
         赵六,{},2026-01,22,,2300,0,2300,2026-02-15\r\n",
        valid_id("19700101", 99)
    );
    std::fs::write(dir.join("wages-utf8-bom.csv"), wages.as_bytes()).unwrap();

    // 3. XLSX: a title merged across the table, a note row, the header on row 3, 乌力吉's name
    //    and ID merged over two stint rows, dates as date cells and as bare serials, an
    //    instructions sheet after it.
    let mut wb = workbook();
    let ws = wb.add_worksheet();
    ws.set_name("花名册").unwrap();
    let title = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy/m/d");
    let text = Format::new().set_num_format("@");
    ws.merge_range(0, 0, 0, 14, "2026年某合作社员工花名册", &title)
        .unwrap();
    ws.write_string(1, 0, "填报日期：2026年3月1日").unwrap();
    let header = [
        "序号",
        "姓名",
        "身份证号",
        "人员类别",
        "岗位",
        "用工形式",
        "协议类型",
        "协议起始日期",
        "协议终止日期",
        "离职日期",
        "联系电话",
        "参保类型",
        "参保起始日期",
        "参保终止日期",
        "备注",
    ];
    for (i, h) in header.iter().enumerate() {
        ws.write_string(2, i as u16, *h).unwrap();
    }
    let row = |ws: &mut rust_xlsxwriter::Worksheet, r: u32, n: f64, cells: [&str; 6]| {
        ws.write_number(r, 0, n).unwrap();
        for (i, s) in cells.iter().enumerate() {
            if !s.is_empty() {
                ws.write_string(r, [3, 4, 5, 6, 11, 14][i], *s).unwrap();
            }
        }
    };
    // 张三
    ws.write_string(3, 1, "张三").unwrap();
    ws.write_string_with_format(3, 2, &a, &text).unwrap();
    row(
        ws,
        3,
        1.0,
        ["脱贫人口", "缝纫工", "全日制", "劳动合同", "工伤保险", ""],
    );
    ws.write_number_with_format(3, 7, serial(2025, 3, 1), &date)
        .unwrap();
    ws.write_number_with_format(3, 12, serial(2025, 3, 1), &date)
        .unwrap();
    // 乌力吉, two seasonal stints, name and ID merged vertically
    ws.merge_range(4, 1, 5, 1, "乌力吉", &Format::new())
        .unwrap();
    ws.merge_range(4, 2, 5, 2, &b, &text).unwrap();
    row(
        ws,
        4,
        2.0,
        [
            "监测对象",
            "分拣员",
            "季节性",
            "劳务协议",
            "人身意外伤害保险",
            "",
        ],
    );
    ws.write_number_with_format(4, 7, serial(2025, 4, 1), &date)
        .unwrap();
    ws.write_number(4, 8, serial(2025, 6, 30)).unwrap(); // General cell holding a serial
    row(
        ws,
        5,
        3.0,
        ["监测对象", "分拣员", "季节性", "劳务协议", "", "第二段"],
    );
    ws.write_number_with_format(5, 7, serial(2025, 9, 1), &date)
        .unwrap();
    ws.write_number(5, 8, serial(2025, 11, 15)).unwrap();
    // 王五 (a fourth person; 李四 is only in the CSV)
    ws.write_string(6, 1, "王五").unwrap();
    ws.write_string_with_format(6, 2, &d, &text).unwrap();
    row(ws, 6, 4.0, ["脱贫人口", "", "全日制", "劳动合同", "", ""]);
    ws.write_number_with_format(6, 7, serial(2026, 1, 10), &date)
        .unwrap();
    let notes = wb.add_worksheet();
    notes.set_name("说明").unwrap();
    notes.write_string(0, 0, "本表由合作社会计填写。").unwrap();
    std::fs::write(
        dir.join("roster-title-merged.xlsx"),
        wb.save_to_buffer().unwrap(),
    )
    .unwrap();

    // 4. XLSX payroll, one sheet per month. Sheet 3月: no 工资月份 column, the month is in the
    //    title; paid dates are bare serials; a gross computed by a formula carries float noise.
    //    Sheet 4月: 工资月份 as a date cell (what Excel makes of a typed 2026-04).
    let mut wb = workbook();
    let money = Format::new().set_num_format("#,##0.00");
    let ws = wb.add_worksheet();
    ws.set_name("3月").unwrap();
    ws.merge_range(0, 0, 0, 7, "2026年3月工资发放表", &title)
        .unwrap();
    for (i, h) in [
        "姓名",
        "身份证号",
        "出勤天数",
        "应发工资",
        "代扣个人社保",
        "实发工资",
        "发放日期",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(1, i as u16, *h).unwrap();
    }
    ws.write_string(2, 0, "张三").unwrap();
    ws.write_string(2, 1, &a).unwrap();
    ws.write_number(2, 2, 22.0).unwrap();
    ws.write_number_with_format(2, 3, 2269.9999999999995, &money)
        .unwrap();
    ws.write_number_with_format(2, 4, 0.0, &money).unwrap();
    ws.write_number_with_format(2, 5, 2270.0, &money).unwrap();
    ws.write_number(2, 6, serial(2026, 4, 15)).unwrap();
    ws.write_string(3, 0, "王五").unwrap();
    ws.write_string(3, 1, &d).unwrap();
    ws.write_number(3, 2, 21.0).unwrap();
    ws.write_number_with_format(3, 3, 2300.0, &money).unwrap();
    ws.write_number_with_format(3, 5, 2300.0, &money).unwrap();
    ws.write_number(3, 6, serial(2026, 4, 15)).unwrap();
    let ws = wb.add_worksheet();
    ws.set_name("4月").unwrap();
    for (i, h) in [
        "姓名",
        "身份证号",
        "工资月份",
        "出勤天数",
        "应发工资",
        "代扣个人社保",
        "实发工资",
        "发放日期",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, i as u16, *h).unwrap();
    }
    let month = Format::new().set_num_format("yyyy-mm");
    ws.write_string(1, 0, "张三").unwrap();
    ws.write_string(1, 1, &a).unwrap();
    ws.write_number_with_format(1, 2, serial(2026, 4, 1), &month)
        .unwrap();
    ws.write_number(1, 3, 20.5).unwrap();
    ws.write_number_with_format(1, 4, 2270.0, &money).unwrap();
    ws.write_number_with_format(1, 5, 105.6, &money).unwrap();
    ws.write_number_with_format(1, 6, 2164.4, &money).unwrap();
    ws.write_number_with_format(1, 7, serial(2026, 5, 15), &date)
        .unwrap();
    std::fs::write(
        dir.join("wages-serial-dates.xlsx"),
        wb.save_to_buffer().unwrap(),
    )
    .unwrap();
}
