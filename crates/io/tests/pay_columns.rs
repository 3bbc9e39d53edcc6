//! 发放方式 and 银行卡号 on the roster: read under the names real files use, from a GBK CSV and an
//! XLSX; a card number Excel stored as a number (and so cut to 15 digits) refused, not imported
//! wrong; the same card in another grouping is no change.

mod common;
use bangfu_io::decode::TextEncoding;
use bangfu_io::{apply, export};
use bangfu_model::{Draft, PayMethod};
use common::*;
use rust_xlsxwriter::{Format, Workbook};

const LOST_DIGITS: &str = "银行卡号在表格中存成了数字，已丢失末尾几位；请把该列设为文本后重新导入";

#[test]
fn gbk_csv_with_pay_method_and_card_number_under_other_names() {
    let id = |seq| valid_id("19900307", seq);
    let text = format!(
        "姓名,身份证号码,人员类别,工资发放方式,工资卡号,用工形式,协议起始日期\r\n\
         张三,{},脱贫人口,银行,6222 0212 3456 7890 123,全日制,2026-03-01\r\n\
         李四,{},其他,现金,,全日制,2026-03-01\r\n\
         王五,{},脱贫人口,微信,,季节性,2026-03-01\r\n\
         赵六,{},脱贫人口,汇票,6222021234567890123,全日制,2026-03-01\r\n\
         孙七,{},脱贫人口,代发,6.22202E+18,全日制,2026-03-01\r\n\
         周八,{},脱贫人口,,6222-0212-3456-7890-124,全日制,2026-03-01\r\n",
        id(1),
        id(2),
        id(3),
        id(4),
        id(5),
        id(6)
    );
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    let plan = plan_of(&Draft::default(), &[("花名册.csv", &bytes)]);
    let src = &plan.sources[0];
    assert_eq!(src.encoding, Some(TextEncoding::Gb18030));
    assert!(src.ignored_columns.is_empty(), "{:?}", src.ignored_columns);
    let lines: Vec<String> = plan.rejected.iter().map(|r| r.to_string()).collect();
    assert_eq!(
        lines,
        [
            "第 5 行“发放方式”（汇票）：应填写：银行代发、现金、其他（微信、支付宝等）".to_owned(),
            format!("第 6 行“银行卡号”（6.22202E+18）：{LOST_DIGITS}"),
        ]
    );
    let d = apply(&plan, &Draft::default());
    let got: Vec<(&str, PayMethod, &str)> = d
        .employees
        .iter()
        .map(|e| (e.name.as_str(), e.pay_method, e.bank_account.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("张三", PayMethod::BankTransfer, "6222 0212 3456 7890 123"),
            ("李四", PayMethod::Cash, ""),
            ("王五", PayMethod::Other, ""),
            // A card without a method is kept; the packet prints it as 银行代发.
            ("周八", PayMethod::Unspecified, "6222-0212-3456-7890-124"),
        ]
    );
}

#[test]
fn xlsx_card_number_stored_as_a_number_is_refused_not_cut_short() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let text = Format::new().set_num_format("@");
    for (c, h) in ["姓名", "身份证号", "人员类别", "发放方式", "银行卡号"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let people = [
        ("张三", valid_id("19900307", 1)),
        ("李四", valid_id("19900307", 2)),
        ("王五", valid_id("19900307", 3)),
    ];
    for (r, (name, id)) in people.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(r, 0, *name).unwrap();
        ws.write_string_with_format(r, 1, id, &text).unwrap();
        ws.write_string(r, 2, "脱贫人口").unwrap();
        ws.write_string(r, 3, "银行代发").unwrap();
    }
    // A text cell keeps all 19 digits.
    ws.write_string_with_format(1, 4, "6222021234567890123", &text)
        .unwrap();
    // Typed into a General cell, Excel keeps 15 significant digits: 6222021234567890000.
    ws.write_number(2, 4, 6_222_021_234_567_890_000.0).unwrap();
    // A shorter passbook number as a number has lost nothing.
    ws.write_number(3, 4, 123_456_789_012.0).unwrap();
    let bytes = wb.save_to_buffer().unwrap();

    let plan = plan_of(&Draft::default(), &[("花名册.xlsx", &bytes)]);
    assert_eq!(plan.rejected.len(), 1, "{:?}", plan.rejected);
    let r = &plan.rejected[0];
    assert_eq!((r.row, r.column.as_str()), (3, "银行卡号"));
    assert_eq!(r.reason, LOST_DIGITS);
    let d = apply(&plan, &Draft::default());
    let got: Vec<(&str, &str)> = d
        .employees
        .iter()
        .map(|e| (e.name.as_str(), e.bank_account.as_str()))
        .collect();
    assert_eq!(
        got,
        [("张三", "6222021234567890123"), ("王五", "123456789012")]
    );
    assert!(d
        .employees
        .iter()
        .all(|e| e.pay_method == PayMethod::BankTransfer));
}

#[test]
fn the_same_card_in_another_grouping_is_no_change_and_a_new_one_is_listed() {
    let draft = sample_draft();
    let zhang = &draft.employees[0];
    assert_eq!(zhang.bank_account, "6222 0212 3456 7890 123");
    let row = |card: &str| {
        format!(
            "姓名,身份证号,人员类别,发放方式,银行卡号\n张三,{},脱贫人口,银行代发,{card}\n",
            zhang.id_number
        )
    };
    let plan = plan_of(
        &draft,
        &[("花名册.csv", row("6222021234567890123").as_bytes())],
    );
    assert!(!plan.changes_anything(), "{}", plan.summary());

    let plan = plan_of(
        &draft,
        &[("花名册.csv", row("6228480000000000017").as_bytes())],
    );
    let changes: Vec<String> = plan.people_updated[0]
        .changes
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        changes,
        ["银行卡号：6222 0212 3456 7890 123 → 6228480000000000017"]
    );
    let after = apply(&plan, &draft);
    assert_eq!(after.employees[0].bank_account, "6228480000000000017");
}

#[test]
fn two_rows_of_one_person_with_different_cards_keep_the_first_and_say_so() {
    let id = valid_id("19900307", 1);
    let text = format!(
        "姓名,身份证号,发放方式,银行卡号,用工形式,协议起始日期\n\
         赵六,{id},银行代发,6222021234567890123,季节性,2025-05-01\n\
         赵六,{id},现金,6222 0212 3456 7890 999,季节性,2025-09-01\n"
    );
    let plan = plan_of(&Draft::default(), &[("花名册.csv", text.as_bytes())]);
    assert!(plan.rejected.is_empty(), "{:?}", plan.rejected);
    let notes: Vec<String> = plan.notes.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        notes,
        [
            "第 3 行“发放方式”（现金）：与第 2 行不同，采用第 2 行的“银行代发”",
            "第 3 行“银行卡号”（6222 0212 3456 7890 999）：与第 2 行不同，采用第 2 行的“6222021234567890123”",
        ]
    );
    let d = apply(&plan, &Draft::default());
    assert_eq!(d.employees[0].stints.len(), 2);
    assert_eq!(d.employees[0].pay_method, PayMethod::BankTransfer);
    assert_eq!(d.employees[0].bank_account, "6222021234567890123");
}

#[test]
fn exported_card_numbers_are_text_and_import_back_whole() {
    let d = sample_draft();
    let csv = String::from_utf8(export::roster_csv(&d)).unwrap();
    let header = csv.lines().next().unwrap_or_default();
    assert!(
        header.contains("参保终止日期,发放方式,银行卡号"),
        "{header}"
    );
    // A leading tab keeps Excel from turning the card into 6.22202E+18.
    assert!(csv.contains("银行代发,\t6222 0212 3456 7890 123"), "{csv}");
    assert!(csv.contains(",现金,"), "{csv}");
    let back = apply(
        &plan_of(&Draft::default(), &[("花名册.csv", csv.as_bytes())]),
        &Draft::default(),
    );
    let pay: Vec<(PayMethod, &str)> = back
        .employees
        .iter()
        .map(|e| (e.pay_method, e.bank_account.as_str()))
        .collect();
    assert_eq!(
        pay,
        [
            (PayMethod::BankTransfer, "6222 0212 3456 7890 123"),
            (PayMethod::Cash, ""),
            (PayMethod::Other, ""),
        ]
    );
}
