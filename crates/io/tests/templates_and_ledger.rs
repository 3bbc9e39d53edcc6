//! The downloadable templates carry the headers (and the roster the two pay columns) and
//! import as empty tables; the Art. 11 ledger holds the five fields.

mod common;
use bangfu_io::columns::{ROSTER_COLUMNS, WAGE_COLUMNS};
use bangfu_io::ledger::{self, LedgerLine};
use bangfu_io::{template, TableKind};
use bangfu_model::Draft;
use calamine::{Data, Reader, Xlsx};
use std::io::Cursor;

fn first_rows(bytes: &[u8], sheet: &str, rows: usize) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    range
        .rows()
        .take(rows)
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn csv_templates_are_exactly_the_header_line() {
    assert_eq!(
        String::from_utf8(template::roster_csv()).unwrap(),
        "\u{feff}姓名,身份证号,人员类别,岗位,用工形式,协议类型,协议起始日期,协议终止日期,离职日期,联系电话,参保类型,参保起始日期,参保终止日期,发放方式,银行卡号\r\n"
    );
    assert_eq!(
        String::from_utf8(template::wages_csv()).unwrap(),
        "\u{feff}姓名,身份证号,工资月份,出勤天数,工时,应发工资,代扣个人社保,实发工资,发放日期\r\n"
    );
}

#[test]
fn xlsx_templates_have_the_headers_and_an_instructions_sheet() {
    let roster = template::roster_xlsx().unwrap();
    let wb: Xlsx<_> = Xlsx::new(Cursor::new(&roster[..])).unwrap();
    assert_eq!(wb.sheet_names(), ["员工花名册", "填写说明"]);
    let header = &first_rows(&roster, "员工花名册", 1)[0];
    let want: Vec<String> = ROSTER_COLUMNS
        .iter()
        .map(|c| c.label().to_owned())
        .collect();
    assert_eq!(header, &want);
    let hints = first_rows(&roster, "填写说明", 16);
    assert_eq!(hints[2][0], "身份证号");
    assert!(hints[2][1].contains("文本"));
    assert_eq!(hints[15][0], "银行卡号");
    assert!(hints[15][1].contains("文本"), "{}", hints[15][1]);

    let wages = template::wages_xlsx().unwrap();
    let header = &first_rows(&wages, "工资发放明细", 1)[0];
    let want: Vec<String> = WAGE_COLUMNS.iter().map(|c| c.label().to_owned()).collect();
    assert_eq!(header, &want);
    assert_eq!(
        template::file_name(TableKind::Wages, true),
        "工资发放明细模板.xlsx"
    );
}

#[test]
fn a_blank_template_imports_as_nothing_to_do() {
    for bytes in [
        template::roster_xlsx().unwrap(),
        template::wages_xlsx().unwrap(),
    ] {
        let plan = common::plan_of(&Draft::default(), &[("模板.xlsx", &bytes)]);
        assert!(!plan.changes_anything());
        assert_eq!(plan.summary(), "文件中没有可导入的数据行。");
        assert_eq!(
            plan.sources.len(),
            1,
            "the instructions sheet is not a table"
        );
    }
}

#[test]
fn wage_level_is_the_latest_months_average_gross() {
    let d = common::sample_draft();
    // Latest month with pay is 2026-02 (张三 only: 2300.00).
    assert_eq!(
        ledger::wage_level(&d).as_deref(),
        Some("月人均应发工资 2,300.00 元（2026-02，1 人）")
    );
    let mut d2 = d.clone();
    d2.employees[2].wages[0].month = "2026-02".into(); // 李四 1940.63 joins 2026-02
    assert_eq!(
        ledger::wage_level(&d2).as_deref(),
        Some("月人均应发工资 2,120.32 元（2026-02，2 人）")
    );
    assert_eq!(ledger::wage_level(&Draft::default()), None);
}

#[test]
fn ledger_xlsx_has_the_five_fields_of_article_11() {
    let line = LedgerLine {
        entity_name: "乌兰察布市某农民专业合作社".into(),
        workforce: 42,
        poverty_employed: 9,
        wage_level: "月人均应发工资 2,450.00 元（2026-03，42 人）".into(),
        policy_support: "一次性奖补 3 万元".into(),
    };
    let bytes = ledger::ledger_xlsx(&[line], "2026-03-31").unwrap();
    let rows = first_rows(&bytes, "帮扶车间台账", 4);
    assert_eq!(rows[0][0], "就业帮扶车间台账");
    assert!(rows[1][0].contains("2026-03-31") && rows[1][0].contains("第十一条"));
    assert_eq!(
        rows[2],
        [
            "序号",
            "经营主体名称",
            "从业人员数量",
            "脱贫人口就业数量",
            "薪资水平",
            "享受政策支持"
        ]
    );
    assert_eq!(
        rows[3],
        [
            "1",
            "乌兰察布市某农民专业合作社",
            "42",
            "9",
            "月人均应发工资 2,450.00 元（2026-03，42 人）",
            "一次性奖补 3 万元"
        ]
    );
}

#[test]
fn ledger_line_takes_its_counts_from_the_rules() {
    let d = common::sample_draft();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let a = bangfu_rules::assess(&d, today);
    let line = LedgerLine::from_assessment(&d, &a, " 一次性奖补 ");
    assert_eq!(line.entity_name, "乌兰察布市某农民专业合作社");
    assert_eq!(line.workforce, a.total_workforce);
    let employed_registered = a
        .employees
        .iter()
        .filter(|e| e.registered && e.employed_on_assessment_date)
        .count() as u32;
    assert_eq!(line.poverty_employed, employed_registered);
    assert!(line.poverty_employed <= line.workforce);
    assert_eq!(line.policy_support, "一次性奖补");
    assert!(line.wage_level.contains("2026-02"));
}
