//! Text tables in the encodings and delimiters people's programs write: UTF-16 tab-separated
//! ("Unicode 文本" from Excel), semicolon CSV, GBK without any hint, quoted fields with line breaks.

mod common;
use bangfu_io::decode::TextEncoding;
use bangfu_model::Draft;
use common::*;

fn roster_text(sep: &str) -> String {
    let id = valid_id("19900307", 12);
    [
        ["姓名", "身份证号", "人员类别", "用工形式", "协议起始日期"].join(sep),
        ["张三", id.as_str(), "脱贫人口", "全日制", "2026-03-01"].join(sep),
    ]
    .join("\r\n")
}

#[test]
fn utf16_tab_separated_unicode_text() {
    let mut bytes = vec![0xFF, 0xFE];
    for u in roster_text("\t").encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let plan = plan_of(&Draft::default(), &[("花名册.txt", &bytes)]);
    assert_eq!(plan.sources[0].encoding, Some(TextEncoding::Utf16));
    assert_eq!(plan.people_added.len(), 1);
    assert_eq!(plan.people_added[0].name, "张三");
}

#[test]
fn semicolon_separated_csv() {
    let text = roster_text(";");
    let plan = plan_of(&Draft::default(), &[("花名册.csv", text.as_bytes())]);
    assert_eq!(plan.people_added.len(), 1);
}

#[test]
fn comma_csv_with_money_commas_inside_quotes_and_line_breaks() {
    let id = valid_id("19900307", 12);
    let roster = roster_text(",");
    let wages = format!(
        "姓名,身份证号,工资月份,应发工资,实发工资,备注\n张三,{id},2026-03,\"2,270.00\",\"2,270.00\",\"第一行\n第二行\"\n张三,{id},2026-04,\"2,300\",\"2,300\",\n"
    );
    let plan = plan_of(
        &Draft::default(),
        &[
            ("花名册.csv", roster.as_bytes()),
            ("工资.csv", wages.as_bytes()),
        ],
    );
    assert!(plan.rejected.is_empty(), "{:?}", plan.rejected);
    let rows: Vec<u32> = plan.wages_added.iter().map(|w| w.at.row).collect();
    assert_eq!(rows, [2, 3], "the quoted line break stays inside row 2");
    let d = bangfu_io::apply(&plan, &Draft::default());
    assert_eq!(d.employees[0].wages[0].gross, "2270.00");
    assert_eq!(d.employees[0].wages[1].net, "2300.00");
    assert_eq!(plan.sources[1].ignored_columns, ["备注"]);
}

#[test]
fn gbk_is_detected_without_a_bom_or_a_hint() {
    let text = roster_text(",");
    let (bytes, _, _) = encoding_rs::GB18030.encode(&text);
    let plan = plan_of(&Draft::default(), &[("花名册.csv", &bytes)]);
    assert_eq!(plan.sources[0].encoding, Some(TextEncoding::Gb18030));
    assert_eq!(plan.people_added[0].name, "张三");
}

/// A GBK CSV with rows pasted in as UTF-8 (or the other way round) is refused, naming a line of
/// each kind: read either way, part of it would be garbled.
#[test]
fn a_csv_mixing_gbk_and_utf8_rows_is_refused_with_the_lines() {
    let (gbk, _, _) = encoding_rs::GB18030.encode("王五,缝纫工\n");
    let mut bytes = "姓名,岗位\n".as_bytes().to_vec(); // UTF-8 header
    bytes.extend_from_slice(&gbk);
    let err = bangfu_io::decode::decode("花名册.csv", &bytes).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("第 1 行是 UTF-8") && text.contains("第 2 行是 GBK"),
        "{text}"
    );
    // All GBK, or all UTF-8, reads as before.
    let mut all_gbk = encoding_rs::GB18030.encode("姓名,岗位\n").0.to_vec();
    all_gbk.extend_from_slice(&gbk);
    assert!(bangfu_io::decode::decode("花名册.csv", &all_gbk).is_ok());
}
