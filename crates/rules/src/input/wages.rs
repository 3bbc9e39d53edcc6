//! Wage records (工资发放明细) read into fen, hours and dates, combined per month.
//!
//! Several records for one month (e.g. a supplementary payment, 补发) are combined: gross, net and
//! hours are added and the month counts as paid on the last payment date; a warning says so.

use super::fast;
use super::person::optional_date;
use super::Typed;
use crate::calendar::days_in_month;
use crate::finding::FieldError;
use crate::path;
use bangfu_model::text::{format_month, ParseError};
use bangfu_model::WageMonth;
use chrono::{Datelike, NaiveDate};

/// One wage month of one person, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct MonthRec {
    /// First day of the month.
    pub month: NaiveDate,
    /// Index of the (first) record in `Employee::wages`, for field paths.
    pub index: usize,
    /// 应发工资, fen.
    pub gross: Typed<i64>,
    /// 代扣个人社保, fen (empty reads as 0).
    pub deductions: Typed<i64>,
    /// 实发工资, fen.
    pub net: Typed<i64>,
    /// 工时 in hundredths of an hour.
    pub hours: Typed<i64>,
    /// 出勤天数 in hundredths of a day.
    pub days: Typed<i64>,
    /// 发放日期; `Empty` = not paid (yet).
    pub paid: Typed<NaiveDate>,
}

fn too_much() -> String {
    "金额超过100万元，不像一个月的工资，请核对".into()
}

/// The most one month's pay can plausibly be: 1,000,000 元. More is a typing error (a missing
/// decimal point, digits pasted twice) that must not pass the minimum wage.
pub(crate) const MAX_MONTHLY_FEN: i64 = 100_000_000;

fn amount(
    s: &str,
    path: impl FnOnce() -> String,
    errors: &mut Vec<FieldError>,
    read: fn(&str) -> Result<i64, ParseError>,
    max: Option<(i64, &dyn Fn() -> String)>,
) -> Typed<i64> {
    match read(s) {
        // Bounded by meaning: a value past what the field can mean is a typing error.
        Ok(v) if max.as_ref().is_some_and(|(m, _)| v > *m) => {
            errors.push(FieldError {
                path: path(),
                message: max.map(|(_, say)| say()).unwrap_or_default(),
                warning: false,
            });
            Typed::Bad
        }
        Ok(v) => Typed::Value(v),
        Err(ParseError::Empty) => Typed::Empty,
        Err(e) => {
            errors.push(FieldError {
                path: path(),
                message: e.to_string(),
                warning: false,
            });
            Typed::Bad
        }
    }
}

fn add(a: Typed<i64>, b: Typed<i64>) -> Typed<i64> {
    match (a, b) {
        (Typed::Bad, _) | (_, Typed::Bad) => Typed::Bad,
        (Typed::Value(x), Typed::Value(y)) => Typed::Value(x.saturating_add(y)),
        _ => Typed::Empty,
    }
}

fn is_blank(w: &WageMonth) -> bool {
    [
        &w.month,
        &w.days_worked,
        &w.hours,
        &w.gross,
        &w.deductions,
        &w.net,
        &w.paid_date,
    ]
    .iter()
    .all(|s| s.trim().is_empty())
}

/// Reads a person's wage records; returns them by month and the records whose month is unusable.
pub(crate) fn read(
    key: u32,
    rows: &[WageMonth],
    date: NaiveDate,
    errors: &mut Vec<FieldError>,
) -> (Vec<MonthRec>, Vec<String>) {
    let mut months: Vec<MonthRec> = Vec::with_capacity(rows.len());
    let mut gaps = Vec::new();
    for (i, w) in rows.iter().enumerate() {
        if is_blank(w) {
            continue;
        }
        let month = match fast::month(&w.month) {
            Ok(m) => m,
            Err(ParseError::Empty) => {
                gaps.push(format!("第{}条工资记录的工资月份（未填写）", i + 1));
                continue;
            }
            Err(e) => {
                errors.push(FieldError {
                    path: path::wage(key, i, "month"),
                    message: e.to_string(),
                    warning: false,
                });
                gaps.push(format!("第{}条工资记录的工资月份（无法识别）", i + 1));
                continue;
            }
        };
        if month > date {
            errors.push(FieldError {
                path: path::wage(key, i, "month"),
                message: "工资月份晚于自评基准日，不计入本次评估".into(),
                warning: true,
            });
        }
        let gross = amount(
            &w.gross,
            || path::wage(key, i, "gross"),
            errors,
            fast::money,
            Some((MAX_MONTHLY_FEN, &too_much)),
        );
        let deductions = match amount(
            &w.deductions,
            || path::wage(key, i, "deductions"),
            errors,
            fast::money,
            Some((MAX_MONTHLY_FEN, &too_much)),
        ) {
            Typed::Empty => Typed::Value(0),
            other => other,
        };
        let net = amount(
            &w.net,
            || path::wage(key, i, "net"),
            errors,
            fast::money,
            Some((MAX_MONTHLY_FEN, &too_much)),
        );
        // Nobody attends more days than the month has, or works more than 24 hours a day.
        let month_days = i64::from(days_in_month(month.year(), month.month()));
        let days = amount(
            &w.days_worked,
            || path::wage(key, i, "days_worked"),
            errors,
            fast::quantity,
            Some((month_days * 100, &|| {
                format!(
                    "出勤天数不能超过当月天数（{}月共 {month_days} 天）",
                    month.month()
                )
            })),
        );
        let hours = amount(
            &w.hours,
            || path::wage(key, i, "hours"),
            errors,
            fast::quantity,
            Some((month_days * 24 * 100, &|| {
                format!(
                    "工时不能超过当月的 {} 小时（{month_days} 天 × 24 小时）",
                    month_days * 24
                )
            })),
        );
        let paid = optional_date(&w.paid_date, || path::wage(key, i, "paid_date"), errors);
        if let (Typed::Value(g), Typed::Value(d)) = (gross, deductions) {
            if d > g {
                errors.push(FieldError {
                    path: path::wage(key, i, "deductions"),
                    message: "代扣个人社保大于应发工资，请核对".into(),
                    warning: false,
                });
            }
        }
        if let Typed::Value(p) = paid {
            if p < month {
                errors.push(FieldError {
                    path: path::wage(key, i, "paid_date"),
                    message: format!("发放日期早于工资月份 {}，请核对", format_month(month)),
                    warning: true,
                });
            }
        }
        let rec = MonthRec {
            month,
            index: i,
            gross,
            deductions,
            net,
            hours,
            days,
            paid,
        };
        match months.iter_mut().find(|m| m.month == month) {
            Some(m) => {
                errors.push(FieldError {
                    path: path::wage(key, i, "month"),
                    message: format!(
                        "与第{}条同为 {}：两条合并计算（应发、实发、工时相加，按最后发放日期判断是否按时）",
                        m.index + 1,
                        format_month(month)
                    ),
                    warning: true,
                });
                m.gross = add(m.gross, rec.gross);
                m.deductions = add(m.deductions, rec.deductions);
                m.net = add(m.net, rec.net);
                m.hours = add(m.hours, rec.hours);
                m.days = add(m.days, rec.days);
                m.paid = match (m.paid, rec.paid) {
                    (Typed::Bad, _) | (_, Typed::Bad) => Typed::Bad,
                    (Typed::Value(a), Typed::Value(b)) => Typed::Value(a.max(b)),
                    _ => Typed::Empty,
                };
            }
            None => months.push(rec),
        }
    }
    bangfu_model::order::sort_by_key(&mut months, |m| m.month);
    (months, gaps)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn records_of_one_month_are_combined_with_a_warning() {
        let rows = vec![
            WageMonth {
                month: "2026-03".into(),
                gross: "2000".into(),
                net: "2000".into(),
                paid_date: "2026-04-10".into(),
                ..WageMonth::default()
            },
            WageMonth {
                month: "2026年3月".into(),
                gross: "300.5".into(),
                net: "300.5".into(),
                paid_date: "2026-04-12".into(),
                ..WageMonth::default()
            },
            WageMonth::default(),
        ];
        let mut errors = vec![];
        let (months, gaps) = read(7, &rows, d(2026, 6, 1), &mut errors);
        assert!(gaps.is_empty());
        assert_eq!(months.len(), 1);
        assert_eq!(months[0].gross, Typed::Value(230_050));
        assert_eq!(months[0].paid, Typed::Value(d(2026, 4, 12)));
        assert_eq!(months[0].deductions, Typed::Value(0));
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].path, "employee.7.wage.1.month");
        assert!(errors[0].warning);
    }

    #[test]
    fn attendance_and_hours_are_bounded_by_the_month() {
        let rows = vec![
            WageMonth {
                month: "2026-02".into(),
                days_worked: "2600".into(),
                hours: "673".into(),
                ..WageMonth::default()
            },
            WageMonth {
                month: "2026-03".into(),
                days_worked: "31".into(),
                hours: "744".into(),
                ..WageMonth::default()
            },
        ];
        let mut errors = vec![];
        let (months, _) = read(1, &rows, d(2026, 6, 1), &mut errors);
        let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            paths,
            ["employee.1.wage.0.days_worked", "employee.1.wage.0.hours"]
        );
        assert!(
            errors[0].message.contains("2月共 28 天"),
            "{}",
            errors[0].message
        );
        assert_eq!((months[0].days, months[0].hours), (Typed::Bad, Typed::Bad));
        assert_eq!(
            (months[1].days, months[1].hours),
            (Typed::Value(3100), Typed::Value(74_400))
        );
    }

    #[test]
    fn unreadable_values_are_reported_at_their_field() {
        let rows = vec![
            WageMonth {
                month: "2026-13".into(),
                ..WageMonth::default()
            },
            WageMonth {
                month: "2026-02".into(),
                gross: "两千".into(),
                net: "1,990.123".into(),
                paid_date: "2026-03-32".into(),
                hours: "八十".into(),
                ..WageMonth::default()
            },
        ];
        let mut errors = vec![];
        let (months, gaps) = read(1, &rows, d(2026, 6, 1), &mut errors);
        let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "employee.1.wage.0.month",
                "employee.1.wage.1.gross",
                "employee.1.wage.1.net",
                "employee.1.wage.1.hours",
                "employee.1.wage.1.paid_date"
            ]
        );
        assert_eq!(gaps.len(), 1);
        assert_eq!(months[0].gross, Typed::Bad);
        assert_eq!(months[0].paid, Typed::Bad);
    }
}
