//! 第七条第（三）项: "月工资或计时工资原则上不低于当地当年最低工资标准，并按时足额发放。"
//!
//! Per person (poverty-alleviated), every wage month in the review window in which the person was
//! employed (the employment found by 第（二）项):
//! - Review window: the 12 calendar months before the assessment month. Older months are not
//!   checked (records are rarely kept that long, and tiers before 2021-12 are unknown).
//! - Standard: the one in force on the month's first day, at the workshop county's tier for that
//!   standard (`wage_table`); its label, with 「未核实」 where the tier is assumed, is shown with
//!   each month. Months under the 2017 standard cannot be decided (no county tiers): incomplete.
//! - Full-time and seasonal: gross pay (应发, nothing deducted: the standard includes the
//!   employee's own social insurance) ≥ the monthly standard, compared in integers. Equality
//!   passes. The standard is reduced pro rata:
//!   - for a month not fully employed, by calendar days employed ÷ days in the month
//!     (`gross × days_in_month ≥ standard × days_employed`);
//!   - for a month with fewer 出勤天数 than the monthly 计薪天数 21.75 (劳社部发〔2008〕3号), by days
//!     attended ÷ 21.75, because the minimum wage presupposes 正常劳动 within the agreed working
//!     time (《最低工资规定》第三条) and unpaid personal leave is not 正常劳动
//!     (`gross × 2175 ≥ standard × attended_hundredths`). A setting, on by default;
//!   - when both apply, the lower of the two amounts.
//! - Part-time (非全日制): `gross × 100 ≥ hours_in_hundredths × hourly_standard_fen`.
//! - On time: paid no later than the agreed pay day of the following month (`Draft::pay_day`; a
//!   short month uses its last day). A month whose pay day has passed must have a record and a
//!   payment date. Without a pay day, timeliness cannot be judged (incomplete) and a month is
//!   required once the whole following month has passed.
//! - In full: net (实发) present and ≥ gross − withheld social insurance (代扣).
//! - Nothing to judge is never 符合: a person with no wage month due yet is 信息不完整 (and, for
//!   the what-if, waiting for time only); so a person counts for 第（一）项 only once at least one
//!   of their wage months has been judged.

use crate::calendar::{add_calendar_months, cn, cn_month, days_in_month, month_end, month_start};
use crate::employment::Span;
use crate::finding::{CriterionId, Finding, Prorata, Status, WageMonthCheck};
use crate::input::person::Person;
use crate::input::wages::MonthRec;
use crate::input::{Context, Typed};
use crate::people::{self, Check, Row, Wording};
use crate::wage_table::{AppliedStandard, NoStandard, WageTable};
use bangfu_model::region::Regions;
use bangfu_model::text::format_fen;
use bangfu_model::EmploymentForm;
use chrono::{Datelike, NaiveDate};

pub const CITATION: &str = "第七条第（三）项";
pub const TITLE: &str = "工资不低于最低工资标准并按时足额发放";
pub const TEXT: &str = "月工资或计时工资原则上不低于当地当年最低工资标准，并按时足额发放。";

/// How many wage months before the assessment month are checked.
pub const REVIEW_MONTHS: i32 = 12;

/// The monthly 计薪天数 in hundredths of a day: (365 − 104 weekend days) ÷ 12 = 21.75
/// (劳社部发〔2008〕3号).
pub const PAY_DAYS_HUNDREDTHS: i64 = 2175;

/// The standards of the review window's months, looked up once per assessment.
pub(crate) struct Standards {
    /// First day of the oldest month in the window.
    pub first: NaiveDate,
    /// First day of the assessment month (the window ends the month before).
    pub end: NaiveDate,
    months: Vec<Result<AppliedStandard, NoStandard>>,
}

impl Standards {
    pub fn new(county_code: &str, date: NaiveDate) -> Standards {
        let end = month_start(date);
        let first = add_calendar_months(end, -REVIEW_MONTHS);
        let table = WageTable::get();
        let county = Regions::get().county(county_code.trim());
        let months = (0..REVIEW_MONTHS)
            .map(|i| {
                let m = add_calendar_months(first, i);
                match county {
                    Some(c) => table.applied_for(c, m),
                    None => Err(NoStandard::NoCounty),
                }
            })
            .collect();
        Standards { first, end, months }
    }

    fn get(&self, month: NaiveDate) -> &Result<AppliedStandard, NoStandard> {
        const NONE: Result<AppliedStandard, NoStandard> = Err(NoStandard::BeforeData);
        let i = crate::calendar::months_between(self.first, month) as usize;
        self.months.get(i).unwrap_or(&NONE)
    }

    pub fn county_missing(&self) -> bool {
        self.months
            .iter()
            .any(|m| matches!(m, Err(NoStandard::NoCounty)))
    }

    /// The distinct labels of the standards applied in the window, oldest first.
    pub fn labels(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for m in self.months.iter().flatten() {
            if !out.contains(&m.label) {
                out.push(m.label.clone());
            }
        }
        out
    }
}

/// The agreed pay day for `month`'s wages: day `pay_day` of the next month, or its last day.
pub fn pay_due(month: NaiveDate, pay_day: u32) -> NaiveDate {
    let next = add_calendar_months(month_start(month), 1);
    let day = pay_day.min(days_in_month(next.year(), next.month())).max(1);
    next.with_day(day).unwrap_or(next)
}

/// Comparisons are made in i128 so that no typed amount can overflow them.
fn wide(v: i64) -> i128 {
    i128::from(v)
}

/// ⌈a × b / c⌉ for non-negative a, b and positive c, without overflow.
fn ceil_mul_div(a: i64, b: i64, c: i64) -> i64 {
    if c <= 0 {
        return a;
    }
    let v = (wide(a) * wide(b) + wide(c) - 1) / wide(c);
    i64::try_from(v).unwrap_or(i64::MAX)
}

fn days_in(spans: &[Span], from: NaiveDate, to: NaiveDate) -> i64 {
    spans
        .iter()
        .filter_map(|s| s.clip(from, to))
        .map(|s| s.days())
        .sum()
}

/// The employment form for a month: the form of the stint with most days in it.
fn form_in(p: &Person<'_>, from: NaiveDate, to: NaiveDate, date: NaiveDate) -> EmploymentForm {
    p.stints
        .iter()
        .filter_map(|s| {
            let span = Span {
                start: s.start,
                end: s.end.map_or(date, |e| e.min(date)),
            };
            span.clip(from, to).map(|c| (c.days(), s.form))
        })
        .max_by_key(|(d, f)| (*d, *f == EmploymentForm::FullTime))
        .map_or(EmploymentForm::Unspecified, |(_, f)| f)
}

/// `21.75` / `15` from hundredths of a day.
fn format_days(hundredths: i64) -> String {
    format_hours(hundredths)
}

/// The monthly amount a full-time or seasonal month had to reach, and how it was reduced.
/// `employed` calendar days of `n`; `attended` 出勤天数 in hundredths when given and read.
fn monthly_required(standard: i64, employed: i64, n: i64, attended: Option<i64>) -> (i64, Prorata) {
    let calendar = ceil_mul_div(standard, employed, n);
    let by_calendar = if employed < n {
        (calendar, Prorata::CalendarDays)
    } else {
        (standard, Prorata::None)
    };
    match attended {
        Some(a) if a < PAY_DAYS_HUNDREDTHS => {
            let by_attendance = ceil_mul_div(standard, a, PAY_DAYS_HUNDREDTHS);
            if by_attendance < by_calendar.0 {
                (by_attendance, Prorata::Attendance)
            } else {
                by_calendar
            }
        }
        _ => by_calendar,
    }
}

fn month_check(
    p: &Person<'_>,
    month: NaiveDate,
    employed: i64,
    rec: Option<&MonthRec>,
    input: &Context,
) -> Option<(WageMonthCheck, Vec<String>)> {
    let date = input.date;
    let m = cn_month(month);
    let n = i64::from(days_in_month(month.year(), month.month()));
    let due = input.pay_day.value().map(|d| pay_due(month, d));
    let owed = match due {
        Some(d) => d < date,
        // Without a pay day: owed once the whole following month has passed.
        None => add_calendar_months(month, 2) <= date,
    };
    let standard = input.standards.get(month);
    let standard_text = match standard {
        Ok(s) => s.label.clone(),
        Err(e) => e.message(),
    };
    let mut check = WageMonthCheck {
        month,
        status: Status::Met,
        standard: standard_text,
        standard_name: standard
            .as_ref()
            .map(|s| s.name.clone())
            .unwrap_or_default(),
        required_fen: None,
        monthly_fen: standard.as_ref().ok().map(|s| s.monthly_fen),
        prorata: Prorata::None,
        attendance: rec.and_then(|r| r.days.value()),
        gross_fen: None,
        days_employed: employed as u32,
        days_in_month: n as u32,
        due,
        paid: None,
        reason: String::new(),
    };
    let Some(r) = rec else {
        if !owed {
            return None;
        }
        check.status = Status::NotMet;
        check.reason = match due {
            Some(d) => format!("{m}：无工资发放记录（约定发薪日{}已过）", cn(d)),
            None => format!("{m}：无工资发放记录"),
        };
        return Some((check, vec![]));
    };
    let mut parts: Vec<(Status, String)> = Vec::new();
    let mut missing: Vec<String> = Vec::new();
    let gross = r.gross.value();
    check.gross_fen = gross;
    // Amount against the minimum wage.
    match (r.gross, standard) {
        (Typed::Empty, _) => {
            parts.push((Status::Incomplete, "应发工资未填写".into()));
            missing.push(format!("{m} 应发工资（未填写）"));
        }
        (Typed::Bad, _) => {
            parts.push((Status::Incomplete, "应发工资无法识别".into()));
            missing.push(format!("{m} 应发工资（无法识别）"));
        }
        (Typed::Value(_), Err(e)) => parts.push((Status::Incomplete, e.message())),
        (Typed::Value(g), Ok(s)) => match form_in(p, month, month_end(month), date) {
            EmploymentForm::PartTime => match r.hours {
                Typed::Value(h) if h > 0 => {
                    let required = ceil_mul_div(h, s.hourly_fen, 100);
                    check.required_fen = Some(required);
                    let per_hour = i64::try_from(wide(g) * 100 / wide(h)).unwrap_or(i64::MAX);
                    let (verdict, word) = if wide(g) * 100 >= wide(h) * wide(s.hourly_fen) {
                        (Status::Met, "不低于")
                    } else {
                        (Status::NotMet, "低于")
                    };
                    parts.push((
                        verdict,
                        format!(
                            "非全日制 {} 小时，应发 {} 元，折合每小时 {} 元，{word}小时最低工资 {} 元",
                            format_hours(h),
                            format_fen(g),
                            format_fen(per_hour),
                            format_fen(s.hourly_fen)
                        ),
                    ));
                }
                Typed::Value(_) => {
                    parts.push((Status::Incomplete, "非全日制工时为0".into()));
                    missing.push(format!("{m} 工时（为0）"));
                }
                Typed::Empty => {
                    parts.push((Status::Incomplete, "非全日制须填写工时".into()));
                    missing.push(format!("{m} 工时（非全日制按小时核算，未填写）"));
                }
                Typed::Bad => {
                    parts.push((Status::Incomplete, "工时无法识别".into()));
                    missing.push(format!("{m} 工时（无法识别）"));
                }
            },
            EmploymentForm::FullTime | EmploymentForm::Seasonal => {
                let attended = if input.attendance {
                    r.days.value()
                } else {
                    None
                };
                let (required, prorata) = monthly_required(s.monthly_fen, employed, n, attended);
                check.required_fen = Some(required);
                check.prorata = prorata;
                let how = match prorata {
                    Prorata::None => String::new(),
                    Prorata::CalendarDays => format!("（当月在职 {employed}/{n} 天，按比例折算）"),
                    Prorata::Attendance => format!(
                        "（出勤 {} 天，按出勤天数 ÷ 21.75 折算）",
                        format_days(attended.unwrap_or(0))
                    ),
                };
                let met = wide(g) >= wide(required);
                let verdict = if met {
                    Status::Met
                } else if input.attendance && r.days == Typed::Bad {
                    // Days attended might lower the standard: cannot decide until they are read.
                    missing.push(format!("{m} 出勤天数（无法识别）"));
                    Status::Incomplete
                } else {
                    Status::NotMet
                };
                parts.push((
                    verdict,
                    format!(
                        "应发 {} 元，{}最低工资 {} 元{how}",
                        format_fen(g),
                        if met { "不低于" } else { "低于" },
                        format_fen(required),
                    ),
                ));
            }
            EmploymentForm::Unspecified => {
                parts.push((
                    Status::Incomplete,
                    "用工形式未选择，无法确定按月或按小时核算".into(),
                ));
                missing.push("用工形式（未选择）".into());
            }
        },
    }
    // On time.
    match (r.paid, due) {
        (Typed::Empty, _) if owed => parts.push((
            Status::NotMet,
            match due {
                Some(d) => format!("工资未发放（约定发薪日{}已过）", cn(d)),
                None => "工资未发放".into(),
            },
        )),
        (Typed::Empty, Some(d)) => parts.push((Status::Met, format!("尚未到约定发薪日{}", cn(d)))),
        (Typed::Empty, None) => parts.push((Status::Met, "尚未发放".into())),
        (Typed::Bad, _) => {
            parts.push((Status::Incomplete, "发放日期无法识别".into()));
            missing.push(format!("{m} 发放日期（无法识别）"));
        }
        (Typed::Value(pd), Some(d)) => {
            check.paid = Some(pd);
            if pd > d {
                parts.push((
                    Status::NotMet,
                    format!("迟发：应于{}前发放，实际{}发放", cn(d), cn(pd)),
                ));
            } else {
                parts.push((Status::Met, format!("{}发放", cn(pd))));
            }
        }
        (Typed::Value(pd), None) => {
            check.paid = Some(pd);
            parts.push((
                Status::Incomplete,
                format!("{}发放，未填写约定发薪日，无法判断是否按时", cn(pd)),
            ));
        }
    }
    // In full: only once paid.
    if let Typed::Value(_) = r.paid {
        match (r.net, gross, r.deductions) {
            (Typed::Empty, _, _) => {
                parts.push((Status::Incomplete, "实发工资未填写".into()));
                missing.push(format!("{m} 实发工资（未填写）"));
            }
            (Typed::Bad, _, _) | (_, _, Typed::Bad) => {
                parts.push((Status::Incomplete, "实发工资或代扣金额无法识别".into()));
                missing.push(format!("{m} 实发工资或代扣个人社保（无法识别）"));
            }
            (Typed::Value(net), Some(g), Typed::Value(ded)) => {
                let owed_net = g.saturating_sub(ded);
                if net < owed_net {
                    parts.push((
                        Status::NotMet,
                        format!(
                            "未足额发放：应发 {} − 代扣 {} = {} 元，实发 {} 元",
                            format_fen(g),
                            format_fen(ded),
                            format_fen(owed_net),
                            format_fen(net)
                        ),
                    ));
                }
            }
            _ => {}
        }
    }
    check.status = Status::all(parts.iter().map(|(s, _)| *s));
    let shown: Vec<&str> = match check.status {
        Status::Met => parts.iter().map(|(_, t)| t.as_str()).collect(),
        bad => parts
            .iter()
            .filter(|(s, _)| *s == bad)
            .map(|(_, t)| t.as_str())
            .collect(),
    };
    check.reason = format!("{m}：{}", shown.join("，"));
    Some((check, missing))
}

fn format_hours(hundredths: i64) -> String {
    if hundredths % 100 == 0 {
        (hundredths / 100).to_string()
    } else {
        format!("{}.{:02}", hundredths / 100, hundredths % 100)
            .trim_end_matches('0')
            .to_owned()
    }
}

/// What 第（三）项 found for one person.
pub(crate) struct WageResult {
    pub check: Check,
    pub months: Vec<WageMonthCheck>,
    pub average_gross_fen: Option<i64>,
}

/// 第七条第（三）项 for one poverty-alleviated person over the employment `spans` from 第（二）项.
pub(crate) fn check_person(p: &Person<'_>, spans: &[Span], input: &Context) -> WageResult {
    let standards = &input.standards;
    let mut months = Vec::new();
    let mut missing = Vec::new();
    let mut month = standards.first;
    let mut employed_any = false;
    while month < standards.end {
        let employed = days_in(spans, month, month_end(month));
        if employed > 0 {
            employed_any = true;
            let rec = p
                .wages
                .binary_search_by_key(&month, |r| r.month)
                .ok()
                .and_then(|i| p.wages.get(i));
            if let Some((c, m)) = month_check(p, month, employed, rec, input) {
                months.push(c);
                missing.extend(m);
            }
        }
        month = add_calendar_months(month, 1);
    }
    let grosses: Vec<i64> = months.iter().filter_map(|m| m.gross_fen).collect();
    let average_gross_fen = (!grosses.is_empty())
        .then(|| grosses.iter().fold(0i64, |a, g| a.saturating_add(*g)) / grosses.len() as i64);
    let reasons = |s: Status| -> String {
        months
            .iter()
            .filter(|m| m.status == s)
            .map(|m| m.reason.as_str())
            .collect::<Vec<_>>()
            .join("；")
    };
    let check = match (
        Status::all(months.iter().map(|m| m.status)),
        months.first(),
        months.last(),
    ) {
        (Status::Met, Some(first), Some(last)) => Check::met(format!(
            "核查 {} 个工资月份（{}至{}），均不低于最低工资标准并按时足额发放",
            months.len(),
            cn_month(first.month),
            cn_month(last.month)
        )),
        // Nothing judged: never 符合 (no vacuous verdict).
        (Status::Met, _, _) if employed_any || !spans.is_empty() => Check {
            awaiting: true,
            ..Check::incomplete(
                "评估日前尚无到期应核查的工资月份",
                vec!["工资发放记录（尚无到期的工资月份）".into()],
            )
        },
        (Status::Met, _, _) => Check::incomplete("没有可核查的用工期间，无法核查工资", vec![]),
        (Status::NotMet, _, _) => Check::not_met(reasons(Status::NotMet)),
        (Status::Incomplete, _, _) => {
            if !p.wage_gaps.is_empty() {
                missing.extend(p.wage_gaps.iter().cloned());
            }
            Check::incomplete(reasons(Status::Incomplete), missing)
        }
    };
    WageResult {
        check,
        months,
        average_gross_fen,
    }
}

/// The plain-Chinese explanation of this item.
pub(crate) fn explanation(input: &Context) -> String {
    let mut s = "每个月的工资（应发工资，不扣个人社保）不能低于车间所在旗县当时的最低工资标准，并且要在约定的发薪日前足额发放。只干了半个月的，按在职天数折算".to_owned();
    if input.attendance {
        s.push_str("；请事假等少出勤的月份，按实际出勤天数折算");
    }
    s.push('。');
    s
}

/// The method text of this item.
pub(crate) fn method(input: &Context) -> String {
    let standards = &input.standards;
    let last = add_calendar_months(standards.end, -1);
    let pay = match input.pay_day {
        Typed::Value(d) => format!("次月{d}日（无该日的为当月末日）"),
        _ => "次月约定发薪日（未填写）".into(),
    };
    let attendance = if input.attendance {
        "填写了出勤天数且少于月计薪天数21.75天的（劳社部发〔2008〕3号），按“出勤天数 ÷ 21.75”折算，因最低工资以提供正常劳动为前提（《最低工资规定》第三条），事假等未出勤不属于正常劳动；两种折算都适用时取较低者；"
    } else {
        "出勤天数不作折算（已在设置中关闭）；"
    };
    format!(
        "逐月核查评估日前12个自然月（{}至{}）中在职的月份。适用该月1日有效的最低工资标准、车间所在旗县的档次。全日制、季节性：应发工资（不扣除个人社保和公积金，标准已含个人缴纳部分）不低于月最低工资；未满整月的按“当月在职日历天数 ÷ 当月天数”折算；{attendance}用整数比较，等于即符合。非全日制：应发 ÷ 工时 ≥ 小时最低工资（整数比较：应发 × 100 ≥ 工时 × 100 × 小时标准）。按时：{pay}前发放，发薪日已过的月份须有发放记录；足额：实发 ≥ 应发 − 代扣个人社保。尚无到期工资月份的人员为信息不完整，不计入第（一）项。按人计：每名脱贫人口逐一核查，人数是否足够由第（一）项判断",
        cn_month(standards.first),
        cn_month(last)
    )
}

/// The finding of 第七条第（三）项.
pub(crate) fn finding(rows: &[Row<'_>], input: &Context, need: u32, roster_empty: bool) -> Finding {
    let mut missing = Vec::new();
    match input.pay_day {
        Typed::Empty => missing.push("约定发薪日（每月几号发上月工资，未填写）".to_owned()),
        Typed::Bad => missing.push("约定发薪日（无法识别）".to_owned()),
        Typed::Value(_) => {}
    }
    if input.standards.county_missing() {
        missing.push("车间所在旗县（市、区）（用于确定最低工资档次，未选择）".to_owned());
    }
    let mut f = people::finding(
        Wording {
            criterion: CriterionId::Art7_3,
            requirement: "按时足额领取不低于最低工资标准的工资",
            explanation: explanation(input),
            method: method(input),
            missing,
        },
        rows,
        need,
        roster_empty,
    );
    let labels = input.standards.labels();
    if !labels.is_empty() {
        f.required = format!("{}。适用标准：{}", f.required, labels.join("；"));
    }
    f
}

#[cfg(test)]
mod tests {
    use super::pay_due;
    use crate::testkit::*;
    use crate::{CriterionId, Status};
    use bangfu_model::EmploymentForm;

    fn month_of<'a>(a: &'a crate::Assessment, key: u32, m: &str) -> &'a crate::WageMonthCheck {
        let e = a.employees.iter().find(|e| e.key == key).unwrap();
        e.wage_months
            .iter()
            .find(|w| bangfu_model::text::format_month(w.month) == m)
            .unwrap()
    }

    #[test]
    fn art7_3_wage_equal_to_the_minimum_passes_one_fen_below_fails() {
        let date = d(2026, 6, 20);
        let cases = [
            ("2310.00", Status::Met),
            ("2309.99", Status::NotMet),
            ("2310.01", Status::Met),
        ];
        for (gross, want) in cases {
            let mut e = person(10, d(2025, 12, 1), date);
            let w = wage_mut(&mut e, "2026-05");
            w.gross = gross.into();
            w.net = gross.into();
            let a = crate::assess(&four_plus(e, date), date);
            let m = month_of(&a, 10, "2026-05");
            assert_eq!(m.status, want, "{gross}: {}", m.reason);
            assert_eq!(m.required_fen, Some(231_000));
            // The 2025 tier of 土默特左旗 is assumed: shown as unverified next to the verdict.
            assert!(m.standard.contains("未核实"), "{}", m.standard);
            let (status, reason) = check_of(&a, 10, CriterionId::Art7_3);
            assert_eq!(status, want, "{reason}");
            if want == Status::NotMet {
                assert!(
                    reason.contains("2026年5月：应发 2,309.99 元，低于最低工资 2,310.00 元"),
                    "{reason}"
                );
            }
        }
    }

    #[test]
    fn art7_3_november_2025_uses_the_2024_standard_december_the_2025_one() {
        let date = d(2026, 1, 20);
        let mut e = person(10, d(2025, 10, 1), date);
        for m in ["2025-11", "2025-12"] {
            let w = wage_mut(&mut e, m);
            w.gross = "2200.00".into();
            w.net = "2200.00".into();
        }
        let a = crate::assess(&four_plus(e, date), date);
        let nov = month_of(&a, 10, "2025-11");
        let dec = month_of(&a, 10, "2025-12");
        assert_eq!((nov.status, nov.required_fen), (Status::Met, Some(220_000)));
        assert_eq!(
            (dec.status, dec.required_fen),
            (Status::NotMet, Some(231_000))
        );
        assert!(
            nov.standard.starts_with("2024年12月1日起 二类地区"),
            "{}",
            nov.standard
        );
        assert!(!nov.standard.contains("未核实"));
        assert!(
            dec.standard.starts_with("2025年12月1日起 二类地区"),
            "{}",
            dec.standard
        );
        let f = a.finding(CriterionId::Art7_3).unwrap();
        assert!(
            f.required.contains("2024年12月1日起") && f.required.contains("2025年12月1日起"),
            "{}",
            f.required
        );
    }

    #[test]
    fn art7_3_part_time_pay_is_compared_per_hour() {
        let date = d(2026, 6, 20);
        let cases = [("2280.00", Status::Met), ("2279.99", Status::NotMet)];
        for (may, want) in cases {
            let mut e = person(10, d(2025, 12, 1), date);
            e.stints[0].employment_form = EmploymentForm::PartTime;
            for w in &mut e.wages {
                w.hours = "100".into();
                w.gross = "2280.00".into();
                w.net = "2280.00".into();
            }
            let w = wage_mut(&mut e, "2026-05");
            w.gross = may.into();
            w.net = may.into();
            let a = crate::assess(&four_plus(e, date), date);
            let m = month_of(&a, 10, "2026-05");
            assert_eq!(m.status, want, "{may}: {}", m.reason);
            assert_eq!(m.required_fen, Some(228_000));
            assert!(m.reason.contains("小时最低工资 22.80 元"), "{}", m.reason);
        }
        // Without hours a part-time month cannot be judged.
        let mut e = person(10, d(2025, 12, 1), date);
        e.stints[0].employment_form = EmploymentForm::PartTime;
        let a = crate::assess(&four_plus(e, date), date);
        assert_eq!(check_of(&a, 10, CriterionId::Art7_3).0, Status::Incomplete);
    }

    #[test]
    fn art7_3_partial_first_month_is_pro_rata_by_calendar_days() {
        // Employed 16 of March's 31 days: ⌈231000 × 16 / 31⌉ = 119226 fen.
        let date = d(2026, 6, 20);
        for (gross, want) in [("1192.26", Status::Met), ("1192.25", Status::NotMet)] {
            let mut e = person(10, d(2026, 3, 16), date);
            let w = wage_mut(&mut e, "2026-03");
            w.gross = gross.into();
            w.net = gross.into();
            let a = crate::assess(&four_plus(e, date), date);
            let m = month_of(&a, 10, "2026-03");
            assert_eq!(
                (m.status, m.required_fen),
                (want, Some(119_226)),
                "{gross}: {}",
                m.reason
            );
            assert_eq!((m.days_employed, m.days_in_month), (16, 31));
            assert!(
                m.reason.contains("当月在职 16/31 天，按比例折算"),
                "{}",
                m.reason
            );
        }
    }

    #[test]
    fn art7_3_missing_late_unpaid_and_short_payments() {
        let date = d(2026, 6, 20);
        type Edit = fn(&mut bangfu_model::Employee);
        let cases: [(&str, Edit, Status, &str); 6] = [
            (
                "missing month",
                |e| e.wages.retain(|w| w.month != "2026-03"),
                Status::NotMet,
                "2026年3月：无工资发放记录（约定发薪日2026年4月15日已过）",
            ),
            (
                "late",
                |e| wage_mut(e, "2026-04").paid_date = "2026-05-16".into(),
                Status::NotMet,
                "迟发：应于2026年5月15日前发放，实际2026年5月16日发放",
            ),
            (
                "on the pay day",
                |e| wage_mut(e, "2026-04").paid_date = "2026-05-15".into(),
                Status::Met,
                "",
            ),
            (
                "unpaid",
                |e| wage_mut(e, "2026-04").paid_date = String::new(),
                Status::NotMet,
                "工资未发放（约定发薪日2026年5月15日已过）",
            ),
            (
                "short",
                |e| wage_mut(e, "2026-04").net = "100".into(),
                Status::NotMet,
                "未足额发放",
            ),
            (
                "net missing",
                |e| wage_mut(e, "2026-04").net = String::new(),
                Status::Incomplete,
                "实发工资未填写",
            ),
        ];
        for (name, edit, want, text) in cases {
            let mut e = person(10, d(2025, 12, 1), date);
            edit(&mut e);
            let a = crate::assess(&four_plus(e, date), date);
            let (status, reason) = check_of(&a, 10, CriterionId::Art7_3);
            assert_eq!(status, want, "{name}: {reason}");
            assert!(reason.contains(text), "{name}: {reason}");
        }
    }

    #[test]
    fn art7_3_a_month_not_yet_due_needs_no_record() {
        // Assessed on 06-15 = pay day: May is not owed yet.
        let date = d(2026, 6, 15);
        let mut e = person(10, d(2025, 12, 1), date);
        e.wages.retain(|w| w.month != "2026-05");
        let a = crate::assess(&four_plus(e, date), date);
        assert_eq!(check_of(&a, 10, CriterionId::Art7_3).0, Status::Met);
    }

    #[test]
    fn art7_3_without_a_pay_day_timeliness_is_incomplete() {
        let date = d(2026, 6, 20);
        let mut draft = four_plus(person(10, d(2025, 12, 1), date), date);
        draft.pay_day = String::new();
        let f = crate::assess(&draft, date)
            .finding(CriterionId::Art7_3)
            .cloned()
            .unwrap();
        assert_eq!(f.status, Status::Incomplete);
        assert!(f.missing[0].contains("约定发薪日"), "{:?}", f.missing);
    }

    #[test]
    fn art7_3_months_under_the_2017_standard_are_not_guessed() {
        let date = d(2022, 3, 20);
        let draft = four_plus(person(10, d(2021, 9, 1), date), date);
        let a = crate::assess(&draft, date);
        let m = month_of(&a, 10, "2021-10");
        assert_eq!(m.status, Status::Incomplete);
        assert!(m.standard.contains("不作推测"), "{}", m.standard);
        assert_eq!(month_of(&a, 10, "2021-12").status, Status::Met);
        assert_eq!(
            a.finding(CriterionId::Art7_3).unwrap().status,
            Status::Incomplete
        );
    }

    #[test]
    fn art7_3_pay_due_dates() {
        let cases = [
            (d(2026, 1, 1), 15, d(2026, 2, 15)),
            (d(2026, 1, 1), 31, d(2026, 2, 28)),
            (d(2026, 12, 1), 10, d(2027, 1, 10)),
        ];
        for (m, day, want) in cases {
            assert_eq!(pay_due(m, day), want);
        }
    }

    /// Attendance: a month with unpaid leave is judged against the standard pro rata to the
    /// days attended over 21.75 (《最低工资规定》第三条, 劳社部发〔2008〕3号); 21.75 days is a
    /// full month; the setting can turn it off.
    #[test]
    fn art7_3_attendance_21_75_21_and_0_days() {
        use crate::Prorata;
        let date = d(2026, 6, 20);
        // ⌈231000 × 2100 / 2175⌉ = 223035 fen.
        let cases = [
            (
                "21.75",
                "2310.00",
                true,
                Status::Met,
                231_000,
                Prorata::None,
            ),
            (
                "21.75",
                "2309.99",
                true,
                Status::NotMet,
                231_000,
                Prorata::None,
            ),
            (
                "21",
                "2230.35",
                true,
                Status::Met,
                223_035,
                Prorata::Attendance,
            ),
            (
                "21",
                "2230.34",
                true,
                Status::NotMet,
                223_035,
                Prorata::Attendance,
            ),
            ("0", "0", true, Status::Met, 0, Prorata::Attendance),
            (
                "21",
                "2230.35",
                false,
                Status::NotMet,
                231_000,
                Prorata::None,
            ),
        ];
        for (days, gross, on, want, required, prorata) in cases {
            let mut e = person(10, d(2025, 12, 1), date);
            let w = wage_mut(&mut e, "2026-05");
            w.days_worked = days.into();
            w.gross = gross.into();
            w.net = gross.into();
            let mut draft = four_plus(e, date);
            draft.settings.attendance_prorating = on;
            let a = crate::assess(&draft, date);
            let m = month_of(&a, 10, "2026-05");
            assert_eq!(m.status, want, "{days}/{gross}/{on}: {}", m.reason);
            assert_eq!(
                (m.required_fen, m.prorata),
                (Some(required), prorata),
                "{days}"
            );
            assert_eq!(m.monthly_fen, Some(231_000));
            if prorata == Prorata::Attendance {
                assert!(
                    m.reason.contains(&format!("出勤 {days} 天")),
                    "{}",
                    m.reason
                );
            }
            let f = a.finding(CriterionId::Art7_3).unwrap();
            assert_eq!(f.method.contains("21.75"), on, "{}", f.method);
        }
    }

    /// A partial first month with few days attended: the lower of the two pro-rata amounts.
    #[test]
    fn art7_3_partial_month_and_attendance_take_the_lower_amount() {
        use crate::Prorata;
        let date = d(2026, 6, 20);
        let mut e = person(10, d(2026, 3, 16), date);
        let w = wage_mut(&mut e, "2026-03");
        // Calendar: ⌈231000 × 16 / 31⌉ = 119226; attendance 10 days: ⌈231000 × 1000 / 2175⌉ = 106207.
        w.days_worked = "10".into();
        w.gross = "1062.07".into();
        w.net = "1062.07".into();
        let a = crate::assess(&four_plus(e, date), date);
        let m = month_of(&a, 10, "2026-03");
        assert_eq!(
            (m.status, m.required_fen, m.prorata),
            (Status::Met, Some(106_207), Prorata::Attendance)
        );
    }
}
