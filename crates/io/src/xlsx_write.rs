//! Writing a table sheet with `rust_xlsxwriter`: a bold frozen header, column widths, text format
//! on the ID, phone, 银行卡号 and month columns (so Excel keeps all 18 digits of an ID number or
//! 19 of a card number typed later),
//! date and money formats, and drop-down lists on the choice columns.

use crate::columns::Column;
use crate::grid::date_to_serial;
use bangfu_model::{
    AgreementType, Choice, EmploymentForm, InsuranceKind, PayMethod, PovertyStatus,
};
use chrono::NaiveDate;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format,
    FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

/// One exported cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Out {
    Blank,
    /// Text, written as typed (also values that do not parse, so nothing is lost).
    Text(String),
    Date(NaiveDate),
    /// Fen.
    Money(i64),
    /// Hundredths (days, hours).
    Quantity(i64),
}

impl Out {
    /// The cell as CSV text: dates `YYYY-MM-DD`, money `2270.50`, quantities `21.5`.
    pub fn csv_text(&self) -> String {
        match self {
            Out::Blank => String::new(),
            Out::Text(s) => s.clone(),
            Out::Date(d) => d.format("%Y-%m-%d").to_string(),
            Out::Money(fen) => crate::value::format_yuan(*fen),
            Out::Quantity(h) => crate::value::format_hundredths(*h),
        }
    }
}

/// How a column is formatted.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    General,
    Text,
    Date,
    Money,
    Quantity,
}

fn style(column: Column) -> Style {
    match column {
        Column::IdNumber | Column::Phone | Column::BankAccount | Column::Month => Style::Text,
        Column::AgreementStart
        | Column::AgreementEnd
        | Column::LeaveDate
        | Column::InsuranceStart
        | Column::InsuranceEnd
        | Column::PaidDate => Style::Date,
        Column::Gross | Column::Deductions | Column::Net => Style::Money,
        Column::DaysWorked | Column::Hours => Style::Quantity,
        _ => Style::General,
    }
}

fn width(column: Column) -> f64 {
    match column {
        Column::IdNumber => 22.0,
        Column::BankAccount => 26.0,
        Column::PayMethod => 22.0,
        Column::HouseholdAddress => 30.0,
        Column::InsuranceKind => 20.0,
        Column::Phone | Column::Post => 14.0,
        Column::Name => 10.0,
        _ => 13.0,
    }
}

fn labels<T: Choice>() -> Vec<&'static str> {
    T::ALL[1..].iter().map(|v| v.label()).collect()
}

/// The drop-down list for a choice column.
fn choices(column: Column) -> Option<Vec<&'static str>> {
    match column {
        Column::PovertyStatus => Some(labels::<PovertyStatus>()),
        Column::EmploymentForm => Some(labels::<EmploymentForm>()),
        Column::AgreementType => Some(labels::<AgreementType>()),
        Column::InsuranceKind => Some(labels::<InsuranceKind>()),
        Column::PayMethod => Some(labels::<PayMethod>()),
        _ => None,
    }
}

/// A workbook with fixed document properties, so the same content gives the same bytes (and no
/// clock is needed to build one).
pub fn workbook() -> Workbook {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2026, 1, 1).unwrap_or_default();
    wb.set_properties(
        &DocProperties::new()
            .set_title("帮扶车间自评申报")
            .set_creation_datetime(&created),
    );
    wb
}

pub fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
}

/// Writes a header row and data rows from row 0 into `ws`.
pub fn write_table(
    ws: &mut Worksheet,
    name: &str,
    columns: &[Column],
    rows: &[Vec<Out>],
) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    let header = header_format();
    let text = Format::new().set_num_format("@");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let money = Format::new().set_num_format("0.00");
    let general = Format::new();
    for (c, column) in columns.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, column.label(), &header)?;
        ws.set_column_width(c, width(*column))?;
        let format = match style(*column) {
            Style::Text => &text,
            Style::Date => &date,
            Style::Money => &money,
            Style::General | Style::Quantity => &general,
        };
        ws.set_column_format(c, format)?;
    }
    ws.set_freeze_panes(1, 0)?;
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, (out, column)) in row.iter().zip(columns).enumerate() {
            let c = c as u16;
            match out {
                Out::Blank => {}
                Out::Text(s) if style(*column) == Style::Text => {
                    ws.write_string_with_format(r, c, s, &text)?;
                }
                Out::Text(s) => {
                    ws.write_string(r, c, s)?;
                }
                Out::Date(d) => {
                    ws.write_number_with_format(r, c, date_to_serial(*d), &date)?;
                }
                Out::Money(fen) => {
                    ws.write_number_with_format(r, c, *fen as f64 / 100.0, &money)?;
                }
                Out::Quantity(h) => {
                    ws.write_number(r, c, *h as f64 / 100.0)?;
                }
            }
        }
    }
    // Drop-down lists on the rows in use and a generous margin for rows added later. A value
    // outside the list only warns: the importer also accepts common other words.
    let last = (rows.len() as u32 + 1000).max(2000);
    for (c, column) in columns.iter().enumerate() {
        if let Some(list) = choices(*column) {
            let dv = DataValidation::new()
                .allow_list_strings(&list)?
                .set_error_style(DataValidationErrorStyle::Warning)
                .set_error_message(format!("请从下拉列表中选择：{}", list.join("、")))?;
            ws.add_data_validation(1, c as u16, last, c as u16, &dv)?;
        }
    }
    Ok(())
}

/// A 填写说明 sheet: each column with how to fill it.
pub fn write_hints(ws: &mut Worksheet, columns: &[Column]) -> Result<(), XlsxError> {
    ws.set_name("填写说明")?;
    let header = header_format();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    ws.write_string_with_format(0, 0, "列名", &header)?;
    ws.write_string_with_format(0, 1, "填写说明", &header)?;
    ws.set_column_width(0, 16.0)?;
    ws.set_column_width(1, 80.0)?;
    for (r, column) in columns.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string_with_format(r, 0, column.label(), &wrap)?;
        ws.write_string_with_format(r, 1, column.hint(), &wrap)?;
    }
    let note_row = columns.len() as u32 + 2;
    ws.write_string(
        note_row,
        0,
        "导入时表头可以不在第一行，列的顺序可以不同，多余的列会被忽略；请勿修改第一张工作表的列名。",
    )?;
    Ok(())
}
