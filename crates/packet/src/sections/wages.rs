//! 工资发放明细表, one table per wage month of the draft (第八条第（一）项 "工资发放明细"), with the
//! minimum wage each row had to reach as the rules worked it out (第七条第（三）项: the standard in
//! force on the month's first day for the county's tier, pro rata for a partial month or for days
//! attended, or hours × the hourly standard), a column for each person's signature and the
//! month's totals. People the rules found employed in a month without a pay record are listed
//! too, so that a gap is visible rather than hidden. The column 发放方式/银行卡号 (domain guide)
//! shows how each person is paid, the card number in groups of four on its own line
//! ([`facts::pay`]). The standard's name is said once per table, in its caption.

use bangfu_model::text::{format_fen, parse_money_fen, parse_month};
use bangfu_model::{Choice, EmploymentForm, WageMonth};
use bangfu_rules::{Prorata, WageMonthCheck};

use super::{Ctx, SECTIONS};
use crate::facts;
use crate::page::{Doc, Orientation, TABLE, TABLE_MIN};
use crate::table::{col, draw_table, Align, Col, Row, Table};

const COLS: [Col; 12] = [
    col("序号", 0.7, Align::Center),
    col("姓名", 1.4, Align::Center),
    col("身份证号", 2.9, Align::Center),
    col("用工形式", 1.1, Align::Center),
    col("出勤天数或工时", 1.3, Align::Center),
    col("应发工资", 1.5, Align::Right),
    col("代扣个人社保", 1.4, Align::Right),
    col("实发工资", 1.5, Align::Right),
    col("发放日期", 1.5, Align::Center),
    col("发放方式/银行卡号", 2.4, Align::Center),
    col("对应最低工资标准", 1.9, Align::Right),
    col("本人签字", 1.5, Align::Center),
];

pub fn draw(doc: &mut Doc, ctx: &Ctx) {
    doc.start_section(SECTIONS[8], Orientation::Landscape);
    let months = facts::wage_months(&ctx.draft.employees);
    if months.is_empty() {
        draw_table(
            doc,
            &Table {
                title: "工资发放明细表",
                note_left: &format!("填报单位（盖章）：{}", ctx.applicant),
                note_right: "金额单位：元",
                cols: &COLS,
                size: TABLE,
                min_size: TABLE_MIN,
            },
            [Row::new(vec![
                String::new(),
                "（未填写工资发放记录）".into(),
            ])],
        );
        return;
    }
    for (k, month) in months.into_iter().enumerate() {
        if k > 0 && doc.space() < 160.0 {
            doc.new_page(Orientation::Landscape);
        }
        // The rules' check of each person in this month, when the month is in the review window.
        let check_of = |key: u32| -> Option<&WageMonthCheck> {
            ctx.employee(key)
                .and_then(|f| f.wage_months.iter().find(|c| c.month == month))
        };
        let mut caption = String::new();
        let mut rows = Vec::new();
        let (mut gross, mut ded, mut net) = (0i64, 0i64, 0i64);
        let mut paid = 0usize;
        for e in &ctx.draft.employees {
            let record: Option<&WageMonth> = e
                .wages
                .iter()
                .find(|w| parse_month(&w.month).ok() == Some(month));
            let check = check_of(e.key);
            if record.is_none() && check.is_none() {
                continue;
            }
            if caption.is_empty() {
                if let Some(c) = check.filter(|c| c.monthly_fen.is_some()) {
                    caption = c.standard_name.clone();
                }
            }
            let form =
                facts::current_stint(e).map_or(EmploymentForm::Unspecified, |s| s.employment_form);
            let min = minimum_cell(check, form);
            let form_label = if form == EmploymentForm::Unspecified {
                String::new()
            } else {
                form.label().to_owned()
            };
            let n = rows.len() + 1;
            let row = match record {
                Some(w) => {
                    gross = gross.saturating_add(parse_money_fen(&w.gross).unwrap_or(0));
                    ded = ded.saturating_add(parse_money_fen(&w.deductions).unwrap_or(0));
                    net = net.saturating_add(parse_money_fen(&w.net).unwrap_or(0));
                    paid += 1;
                    let attendance =
                        if form == EmploymentForm::PartTime || w.days_worked.trim().is_empty() {
                            if w.hours.trim().is_empty() {
                                String::new()
                            } else {
                                format!("{} 小时", facts::quantity(&w.hours))
                            }
                        } else {
                            format!("{} 天", facts::quantity(&w.days_worked))
                        };
                    let paid_date = facts::date(&w.paid_date);
                    vec![
                        n.to_string(),
                        facts::clean(&e.name),
                        facts::id_number(&e.id_number),
                        form_label,
                        attendance,
                        facts::money(&w.gross),
                        facts::money(&w.deductions),
                        facts::money(&w.net),
                        if paid_date.is_empty() {
                            "未发放".into()
                        } else {
                            paid_date
                        },
                        facts::pay(e),
                        min,
                        String::new(),
                    ]
                }
                None => vec![
                    n.to_string(),
                    facts::clean(&e.name),
                    facts::id_number(&e.id_number),
                    form_label,
                    String::new(),
                    "—".into(),
                    "—".into(),
                    "—".into(),
                    "无发放记录".into(),
                    String::new(),
                    min,
                    String::new(),
                ],
            };
            rows.push(Row::new(row));
        }
        let note = if caption.is_empty() {
            "对应最低工资标准：本月不在自评核查期内或无法确定".to_owned()
        } else {
            format!("适用最低工资标准：{caption}")
        };
        let mut total = Row::new(vec![
            String::new(),
            "合计".into(),
            format!("发放 {paid} 人"),
            String::new(),
            String::new(),
            format_fen(gross),
            format_fen(ded),
            format_fen(net),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]);
        total.emphasis = true;
        rows.push(total);
        let title = format!("工资发放明细表（{}）", facts::month_cn(month));
        let note = note.as_str();
        draw_table(
            doc,
            &Table {
                title: &title,
                note_left: &format!("填报单位（盖章）：{}　　{note}", ctx.applicant),
                note_right: "金额单位：元",
                cols: &COLS,
                size: TABLE,
                min_size: TABLE_MIN,
            },
            rows,
        );
    }
}

/// The 对应最低工资标准 cell: the amount the rules required of this person in this month
/// (「2,310.00」, 「1,192.26（在职16/31天）」, 「2,230.35（出勤21天）」, 「22.80/小时」), or 「—」
/// when the month is outside the review window.
fn minimum_cell(check: Option<&WageMonthCheck>, form: EmploymentForm) -> String {
    let Some(c) = check else {
        return "—".into();
    };
    let Some(required) = c.required_fen else {
        return "无法确定".into();
    };
    if form == EmploymentForm::PartTime {
        return format_fen(required);
    }
    match c.prorata {
        Prorata::None => format_fen(required),
        Prorata::CalendarDays => format!(
            "{}\n（在职{}/{}天）",
            format_fen(required),
            c.days_employed,
            c.days_in_month
        ),
        Prorata::Attendance => format!(
            "{}\n（出勤{}天）",
            format_fen(required),
            facts::hundredths(c.attendance.unwrap_or(0))
        ),
    }
}
