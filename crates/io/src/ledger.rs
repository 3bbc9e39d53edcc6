//! The ledger line of 第十一条 (旗县乡村振兴部门 keeps a 台账 of each workshop: 经营主体名称,
//! 从业人员数量, 脱贫人口就业数量, 薪资水平, 享受政策支持), as an XLSX sheet for township and county
//! staff.
//!
//! The counts are plain inputs: the rules crate computes them ([`LedgerLine::from_assessment`]
//! takes them from a [`bangfu_rules::Assessment`]); this module only lays them out.

use crate::error::ExportError;
use crate::xlsx_write;
use bangfu_model::text::{self, format_fen, format_month};
use bangfu_model::Draft;
use bangfu_rules::Assessment;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder};

/// One workshop's line in the ledger.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LedgerLine {
    /// 经营主体名称
    pub entity_name: String,
    /// 从业人员数量 (total workforce on the assessment date)
    pub workforce: u32,
    /// 脱贫人口就业数量 (poverty-alleviated and monitored people employed on that date)
    pub poverty_employed: u32,
    /// 薪资水平, e.g. "月人均应发工资 2,450.00 元（2026-03）"
    pub wage_level: String,
    /// 享受政策支持, as the user describes it (e.g. "一次性奖补 5 万元").
    pub policy_support: String,
}

/// The ledger's column headers, in order.
pub const LEDGER_COLUMNS: [&str; 6] = [
    "序号",
    "经营主体名称",
    "从业人员数量",
    "脱贫人口就业数量",
    "薪资水平",
    "享受政策支持",
];

impl LedgerLine {
    /// The line for a draft as assessed: workforce from [`Assessment::total_workforce`];
    /// poverty-alleviated employed = people both registered (脱贫人口/监测对象 with a valid ID) and
    /// employed on the assessment date; wage level from [`wage_level`].
    pub fn from_assessment(draft: &Draft, assessment: &Assessment, policy_support: &str) -> Self {
        let poverty_employed = assessment
            .employees
            .iter()
            .filter(|e| e.registered && e.employed_on_assessment_date)
            .count();
        LedgerLine {
            entity_name: draft.applicant.name.trim().to_owned(),
            workforce: assessment.total_workforce,
            poverty_employed: u32::try_from(poverty_employed).unwrap_or(u32::MAX),
            wage_level: wage_level(draft).unwrap_or_default(),
            policy_support: policy_support.trim().to_owned(),
        }
    }
}

/// The average 应发工资 of the latest month with readable pay, e.g.
/// "月人均应发工资 2,450.00 元（2026-03，12 人）"; `None` without any.
pub fn wage_level(draft: &Draft) -> Option<String> {
    let mut latest: Option<(chrono::NaiveDate, i128, i128)> = None;
    for e in &draft.employees {
        for w in &e.wages {
            let (Ok(month), Ok(fen)) =
                (text::parse_month(&w.month), text::parse_money_fen(&w.gross))
            else {
                continue;
            };
            // Summed in i128: no typed amount can overflow it (an absurd one is refused by the
            // rules at its field; here it must not wrap around into a wrong average).
            latest = match latest {
                Some((m, _, _)) if m > month => latest,
                Some((m, sum, n)) if m == month => Some((m, sum + i128::from(fen), n + 1)),
                _ => Some((month, i128::from(fen), 1)),
            };
        }
    }
    let (month, sum, n) = latest?;
    // Rounded half up to the fen, in integers.
    let average = i64::try_from((sum + n / 2) / n).ok()?;
    Some(format!(
        "月人均应发工资 {} 元（{}，{} 人）",
        format_fen(average),
        format_month(month),
        n
    ))
}

/// One cell of a titled sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    /// A count, written as a number (so the sheet can sum it).
    Count(u32),
}

/// A one-sheet workbook for staff: a merged title, one line of note (the date it is as of and
/// the article it serves), the header and the rows, every cell bordered. The 第十一条 ledger and
/// the township's list of applications are both written with it.
#[derive(Clone, Debug, PartialEq)]
pub struct TitledSheet<'a> {
    /// The sheet tab's name (at most 31 characters).
    pub sheet: &'a str,
    pub title: &'a str,
    pub note: &'a str,
    /// Header label and column width (characters).
    pub columns: &'a [(&'a str, f64)],
    pub rows: &'a [Vec<Cell>],
}

impl TitledSheet<'_> {
    /// The workbook's bytes.
    ///
    /// # Errors
    /// [`ExportError`] when a value cannot be stored in XLSX.
    ///
    /// # Examples
    /// ```
    /// use bangfu_io::ledger::{Cell, TitledSheet};
    /// let rows = [vec![Cell::Text("甲合作社".into()), Cell::Count(12)]];
    /// let sheet = TitledSheet { sheet: "申请", title: "初审一览", note: "", columns: &[("名称", 30.0), ("人数", 8.0)], rows: &rows };
    /// assert!(sheet.to_xlsx().unwrap().starts_with(b"PK"));
    /// ```
    pub fn to_xlsx(&self) -> Result<Vec<u8>, ExportError> {
        let mut wb = xlsx_write::workbook();
        let ws = wb.add_worksheet();
        ws.set_name(self.sheet)?;
        let title = Format::new()
            .set_bold()
            .set_font_size(16)
            .set_align(FormatAlign::Center);
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::VerticalCenter);
        let last = (self.columns.len().max(1) - 1) as u16;
        ws.merge_range(0, 0, 0, last, self.title, &title)?;
        ws.write_string(1, 0, self.note)?;
        let header = xlsx_write::header_format();
        for (c, (label, width)) in self.columns.iter().enumerate() {
            ws.write_string_with_format(2, c as u16, *label, &header)?;
            ws.set_column_width(c as u16, *width)?;
        }
        ws.set_freeze_panes(3, 0)?;
        for (i, row) in self.rows.iter().enumerate() {
            let r = i as u32 + 3;
            for (c, value) in row.iter().enumerate() {
                match value {
                    Cell::Text(s) => ws.write_string_with_format(r, c as u16, s, &cell)?,
                    Cell::Count(n) => {
                        ws.write_number_with_format(r, c as u16, f64::from(*n), &cell)?
                    }
                };
            }
        }
        Ok(wb.save_to_buffer()?)
    }
}

/// The ledger as an XLSX workbook: a title, the date it is as of, the header and one row per line.
///
/// # Errors
/// [`ExportError`] when a value cannot be stored in XLSX.
pub fn ledger_xlsx(lines: &[LedgerLine], as_of: &str) -> Result<Vec<u8>, ExportError> {
    let widths = [6.0, 34.0, 14.0, 18.0, 36.0, 36.0];
    let columns: Vec<(&str, f64)> = LEDGER_COLUMNS.iter().copied().zip(widths).collect();
    let rows: Vec<Vec<Cell>> = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            vec![
                Cell::Count(u32::try_from(i + 1).unwrap_or(u32::MAX)),
                Cell::Text(line.entity_name.clone()),
                Cell::Count(line.workforce),
                Cell::Count(line.poverty_employed),
                Cell::Text(line.wage_level.clone()),
                Cell::Text(line.policy_support.clone()),
            ]
        })
        .collect();
    TitledSheet {
        sheet: "帮扶车间台账",
        title: "就业帮扶车间台账",
        note: &format!("统计日期：{as_of}（《内蒙古自治区就业帮扶车间管理办法》第十一条）"),
        columns: &columns,
        rows: &rows,
    }
    .to_xlsx()
}
