//! 第七条第（二）项: "与脱贫人口依法签订劳务协议且稳定就业时间3个月（含）以上；临时性、季节性务工
//! 就业的，年度累计用工时间须达到3个月（含）以上。"
//!
//! Per person (poverty-alleviated), two ways to meet it:
//! - Stable employment: the continuous period of employment covering the assessment date started on
//!   D and the assessment date is on or after D + 3 calendar months (民法典第二百零二条: same day of
//!   the third month after, or that month's last day: 2025-11-30 → 2026-02-28). The months count
//!   from the start of the continuous run under an agreement (劳动合同 or 劳务协议): earlier work
//!   without one is named and not counted; no agreement on the assessment date is not met.
//! - Seasonal work (only for people with a stint marked 季节性): days employed under an agreement
//!   within the counting period (default: the calendar year of the assessment date; or the 12
//!   months ending on it), calendar days with both ends included, up to the assessment date, at
//!   least `Settings::seasonal_min_days` (default 90 for "3个月"). Both settings are shown.
//! - "依法": employing anyone under 16 is unlawful; that is judged once, under 第（五）项
//!   ([`crate::art7_5::child_labour`]), and such a person is not judged here at all.
//!
//! The employment found here is also what 第（三）、（四）项 check wages and insurance over.

use crate::calendar::{add_calendar_months, cn};
use crate::employment::{self, Period, Span};
use crate::finding::{CriterionId, Finding, Status};
use crate::input::person::{Person, StintRec};
use crate::input::Context;
use crate::people::{self, Check, Row, Wording};
use bangfu_model::{AgreementType, EmploymentForm, SeasonalPeriod};
use chrono::{Datelike, Duration, NaiveDate};

pub const CITATION: &str = "第七条第（二）项";
pub const TITLE: &str = "签订劳动合同（劳务协议）且稳定就业3个月以上";
pub const TEXT: &str = "与脱贫人口依法签订劳务协议且稳定就业时间3个月（含）以上；临时性、季节性务工就业的，年度累计用工时间须达到3个月（含）以上。";

/// The employment the person was judged on, for 第（三）、（四）项 and the roster.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Basis {
    /// Days employed up to the assessment date that the other items check, oldest first.
    pub spans: Vec<Span>,
    pub employed_since: Option<NaiveDate>,
    pub months: Option<u32>,
    pub seasonal_days: Option<u32>,
}

/// The counting window for seasonal days ending on `t`.
pub(crate) fn seasonal_window(period: SeasonalPeriod, t: NaiveDate) -> NaiveDate {
    match period {
        SeasonalPeriod::Trailing12Months => add_calendar_months(t, -12) + Duration::days(1),
        _ => NaiveDate::from_ymd_opt(t.year(), 1, 1).unwrap_or(t),
    }
}

fn window_label(period: SeasonalPeriod, from: NaiveDate, date: NaiveDate) -> String {
    match period {
        SeasonalPeriod::Trailing12Months => format!("{}至{}（评估日前12个月）", cn(from), cn(date)),
        _ => format!("{}年自然年度内", date.year()),
    }
}

fn has_agreement(s: &StintRec) -> bool {
    matches!(
        s.agreement,
        AgreementType::EmploymentContract | AgreementType::LabourAgreement
    )
}

fn stint_name(p: &Person<'_>, s: &StintRec) -> String {
    if p.employee.stints.len() > 1 {
        format!("第{}段用工", s.index + 1)
    } else {
        "用工".into()
    }
}

/// One way of meeting the item, evaluated.
struct PathResult {
    check: Check,
    basis: Basis,
}

fn stable_path(p: &Person<'_>, employed: Period, date: NaiveDate) -> PathResult {
    let basis_from = |start: NaiveDate| Basis {
        spans: vec![Span { start, end: date }],
        employed_since: Some(start),
        months: Some(employment::whole_months(start, date)),
        seasonal_days: None,
    };
    // Employment without an agreement does not count towards the 3 months: the stable run is the
    // continuous employment under agreements (or not yet said) that covers the assessment date.
    let run = employment::current(
        &employment::merge(
            p.stints
                .iter()
                .filter(|s| s.agreement != AgreementType::NoAgreement),
        ),
        date,
    );
    let Some(run) = run else {
        let names: Vec<String> = p
            .stints
            .iter()
            .filter(|s| s.start <= date && s.end.is_none_or(|e| e >= date))
            .map(|s| stint_name(p, s))
            .collect();
        return PathResult {
            check: Check::not_met(format!("{}未签订劳动合同或劳务协议", names.join("、"))),
            basis: basis_from(employed.start),
        };
    };
    let basis = basis_from(run.start);
    let unspecified: Vec<String> = p
        .stints
        .iter()
        .filter(|s| run.contains(s.start) && s.start <= date)
        .filter(|s| s.agreement == AgreementType::Unspecified)
        .map(|s| format!("{}的协议类型（未选择）", stint_name(p, s)))
        .collect();
    if !unspecified.is_empty() {
        return PathResult {
            check: Check::incomplete("协议类型未选择，无法确认已签订劳务协议", unspecified),
            basis,
        };
    }
    let earlier = if run.start > employed.start {
        format!("（此前{}起的用工未签订协议，不计入）", cn(employed.start))
    } else {
        String::new()
    };
    let reached = add_calendar_months(run.start, 3);
    let months = employment::whole_months(run.start, date);
    let check = if reached <= date {
        Check::met(format!(
            "自{}起连续在职，{}满3个月（至评估日共 {months} 个整月）{earlier}",
            cn(run.start),
            cn(reached)
        ))
    } else if run.end.is_none_or(|e| e >= reached) {
        Check {
            met_on: Some(reached),
            ..Check::not_met(format!("入职不满3个月，{}满3个月{earlier}", cn(reached)))
        }
    } else {
        Check::not_met(format!(
            "入职不满3个月，且用工于{}结束，届时不满3个月（{}才满3个月）",
            run.end.map(cn).unwrap_or_default(),
            cn(reached)
        ))
    };
    PathResult { check, basis }
}

fn seasonal_path(p: &Person<'_>, input: &Context) -> PathResult {
    let date = input.date;
    let period = input.seasonal_period;
    let min = i64::from(input.seasonal_min_days);
    let from = seasonal_window(period, date);
    let label = window_label(period, from, date);
    let in_window = |s: &&StintRec| s.start <= date && s.end.is_none_or(|e| e >= from);
    let unspecified: Vec<String> = p
        .stints
        .iter()
        .filter(in_window)
        .filter(|s| s.agreement == AgreementType::Unspecified)
        .map(|s| format!("{}的协议类型（未选择）", stint_name(p, s)))
        .collect();
    let agreed = employment::merge(p.stints.iter().filter(|s| has_agreement(s)));
    let all = employment::merge(&p.stints);
    let days = employment::days_within(&agreed, from, date);
    let all_days = employment::days_within(&all, from, date);
    let spans: Vec<Span> = all
        .iter()
        .filter_map(|q| {
            Span {
                start: q.start,
                end: q.end_by(date),
            }
            .clip(from, date)
        })
        .collect();
    let basis = Basis {
        employed_since: spans.first().map(|s| s.start),
        months: Some((days / 30) as u32),
        seasonal_days: Some(days as u32),
        spans,
    };
    let mut reason = format!("季节性：{label}累计在职 {days} 天");
    if all_days > days {
        reason.push_str(&format!(
            "（另有 {} 天未签订劳务协议，不计）",
            all_days - days
        ));
    }
    let check = if days >= min {
        Check::met(format!("{reason}，达到 {min} 天"))
    } else if !unspecified.is_empty() {
        Check::incomplete(
            format!("{reason}，不足 {min} 天；有协议类型未选择"),
            unspecified,
        )
    } else {
        let met_on = project_seasonal(&agreed, period, date, min);
        let mut c = Check::not_met(match met_on {
            Some(d) => format!(
                "{reason}，不足 {min} 天；按现有用工期间，{}累计满 {min} 天",
                cn(d)
            ),
            None => format!("{reason}，不足 {min} 天"),
        });
        c.met_on = met_on;
        c
    };
    PathResult { check, basis }
}

/// The first day after `date` on which the seasonal count reaches `min`, if the periods as
/// entered get there within a year.
fn project_seasonal(
    agreed: &[Period],
    period: SeasonalPeriod,
    date: NaiveDate,
    min: i64,
) -> Option<NaiveDate> {
    let last_end = agreed
        .iter()
        .map(|p| p.end)
        .max_by_key(|e| e.unwrap_or(NaiveDate::MAX))?;
    let mut t = date;
    for _ in 0..370 {
        t += Duration::days(1);
        if last_end.is_some_and(|e| t > e) {
            return None;
        }
        if employment::days_within(agreed, seasonal_window(period, t), t) >= min {
            return Some(t);
        }
    }
    None
}

/// 第七条第（二）项 for one poverty-alleviated person.
pub(crate) fn check_person(p: &Person<'_>, input: &Context) -> (Check, Basis) {
    let date = input.date;
    if p.stints.is_empty() {
        let missing = if p.stint_gaps.is_empty() {
            vec!["协议起始日期（未填写）".to_owned()]
        } else {
            p.stint_gaps.clone()
        };
        return (
            Check::incomplete("用工期间未填写完整", missing),
            Basis::default(),
        );
    }
    let periods = employment::merge(&p.stints);
    let seasonal = p.stints.iter().any(|s| s.form == EmploymentForm::Seasonal);
    let stable = employment::current(&periods, date).map(|c| stable_path(p, c, date));
    let season = seasonal.then(|| seasonal_path(p, input));
    let mut result = match (stable, season) {
        (Some(a), Some(b)) => {
            // Met by either; otherwise the one that says more (incomplete, then the sooner date).
            let rank = |r: &PathResult| match r.check.status {
                Status::Met => (0, NaiveDate::MIN),
                Status::Incomplete => (1, NaiveDate::MIN),
                Status::NotMet => (2, r.check.met_on.unwrap_or(NaiveDate::MAX)),
            };
            if rank(&b) < rank(&a) {
                b
            } else {
                a
            }
        }
        (Some(a), None) => a,
        (None, Some(b)) => b,
        (None, None) => not_employed(&periods, date),
    };
    if !p.stint_gaps.is_empty() && result.check.status != Status::Met {
        let reason = format!("{}；另有用工信息不完整", result.check.reason);
        let mut missing = result.check.missing.clone();
        missing.extend(p.stint_gaps.iter().cloned());
        result.check = Check {
            status: if result.check.status == Status::NotMet && result.check.met_on.is_none() {
                Status::Incomplete
            } else {
                result.check.status
            },
            reason: reason.into(),
            said: "".into(),
            missing,
            met_on: result.check.met_on,
            awaiting: false,
        };
    }
    (result.check, result.basis)
}

/// Not employed on the assessment date and no seasonal work: left, or not started yet.
fn not_employed(periods: &[Period], date: NaiveDate) -> PathResult {
    if let Some(next) = periods.iter().find(|q| q.start > date) {
        let reached = add_calendar_months(next.start, 3);
        let mut check = Check::not_met(format!(
            "评估日尚未入职（{}入职），{}满3个月",
            cn(next.start),
            cn(reached)
        ));
        if next.end.is_none_or(|e| e >= reached) {
            check.met_on = Some(reached);
        }
        return PathResult {
            check,
            basis: Basis {
                employed_since: Some(next.start),
                ..Basis::default()
            },
        };
    }
    let last = periods.iter().rev().find(|q| q.start <= date);
    match last {
        Some(q) => {
            let end = q.end_by(date);
            PathResult {
                check: Check::not_met(format!(
                    "评估日不在职（{}至{}在职，已离职）",
                    cn(q.start),
                    cn(end)
                )),
                basis: Basis {
                    spans: vec![Span {
                        start: q.start,
                        end,
                    }],
                    employed_since: Some(q.start),
                    months: Some(employment::whole_months(q.start, end)),
                    ..Basis::default()
                },
            }
        }
        None => PathResult {
            check: Check::not_met("评估日不在职"),
            basis: Basis::default(),
        },
    }
}

/// The plain-Chinese explanation of this item.
pub(crate) fn explanation(input: &Context) -> String {
    format!(
        "每名脱贫人口都要签订劳动合同或劳务协议，从签订之日起连续干满3个月；季节性、临时性务工的，一年里累计干满 {} 天也可以。",
        input.seasonal_min_days
    )
}

/// The method text of this item.
pub(crate) fn method(input: &Context) -> String {
    let from = seasonal_window(input.seasonal_period, input.date);
    let period = match input.seasonal_period {
        SeasonalPeriod::Trailing12Months => window_label(input.seasonal_period, from, input.date),
        _ => format!("{}年自然年度（评估日所在年度）", input.date.year()),
    };
    format!(
        "稳定就业按自然月计算（民法典第二百零二条：自入职日起至第3个月的对应日满3个月，无对应日的为该月末日；续签当日或次日接续的视为连续）；自签订劳动合同或劳务协议的连续用工起算，此前未签协议的用工不计。季节性：{period}内已签协议的在职日历天数（含起止日，截至评估日）累计 {} 天以上。入职时未满16周岁的，按第（五）项认定为违法用工，不在本项核查。按人计：每名脱贫人口逐一核查，人数是否足够由第（一）项判断",
        input.seasonal_min_days
    )
}

/// The finding of 第七条第（二）项.
pub(crate) fn finding(rows: &[Row<'_>], input: &Context, need: u32, roster_empty: bool) -> Finding {
    people::finding(
        Wording {
            criterion: CriterionId::Art7_2,
            requirement: "签订劳动合同或劳务协议并稳定就业3个月以上",
            explanation: explanation(input),
            method: method(input),
            missing: vec![],
        },
        rows,
        need,
        roster_empty,
    )
}

#[cfg(test)]
mod tests {
    use crate::testkit::*;
    use crate::{CriterionId, Status};
    use bangfu_model::{AgreementType, EmploymentForm, InsuranceKind, SeasonalPeriod};

    #[test]
    fn art7_2_start_2025_11_30_reaches_three_months_on_2026_02_28() {
        let cases = [
            (d(2026, 2, 27), Status::NotMet, Some(d(2026, 2, 28))),
            (d(2026, 2, 28), Status::Met, None),
        ];
        for (date, want, qualifies_on) in cases {
            let draft = four_plus(person(10, d(2025, 11, 30), date), date);
            let a = crate::assess(&draft, date);
            let (status, reason) = check_of(&a, 10, CriterionId::Art7_2);
            assert_eq!(status, want, "{date}: {reason}");
            assert!(reason.contains("2026年2月28日满3个月"), "{reason}");
            let e = a.employees.iter().find(|e| e.key == 10).unwrap();
            assert_eq!(e.qualifies_on, qualifies_on, "{date}");
            // What-if: only time is missing, so the workshop qualifies on that date.
            assert_eq!(a.earliest_qualifying_date, qualifies_on, "{date}");
            assert_eq!(a.overall, want, "{date}");
            if want == Status::NotMet {
                let f = a.finding(CriterionId::Art7_1).unwrap();
                // Who is closest, with the date time alone brings, then the new-hire route.
                assert!(
                    f.shortfall
                        .contains("最接近的：测试10：2026年2月28日满3个月")
                        && f.shortfall.contains("预计2026年2月28日起符合"),
                    "{}",
                    f.shortfall
                );
                let note = a
                    .finding(CriterionId::Art7_2)
                    .unwrap()
                    .people
                    .iter()
                    .find(|n| n.key == 10)
                    .unwrap()
                    .reason
                    .clone();
                assert_eq!(&*note, "测试10：入职不满3个月，2026年2月28日满3个月");
            }
        }
    }

    #[test]
    fn art7_2_seasonal_89_and_90_days() {
        let date = d(2026, 6, 20);
        // (stint end, running, days, status, qualifies_on)
        let cases = [
            (Some(d(2026, 5, 28)), 89, Status::NotMet, None),
            (Some(d(2026, 5, 29)), 90, Status::Met, None),
            // Still employed since 04-01: 81 days, 90 reached on 06-29.
            (None, 81, Status::NotMet, Some(d(2026, 6, 29))),
        ];
        for (end, days, want, on) in cases {
            let start = if end.is_some() {
                d(2026, 3, 1)
            } else {
                d(2026, 4, 1)
            };
            let mut e = person(10, start, date);
            e.stints[0].employment_form = EmploymentForm::Seasonal;
            e.stints[0].agreement_type = AgreementType::LabourAgreement;
            e.stints[0].end = end.map(|d| d.to_string()).unwrap_or_default();
            let a = crate::assess(&four_plus(e, date), date);
            let (status, reason) = check_of(&a, 10, CriterionId::Art7_2);
            assert_eq!(status, want, "{days}: {reason}");
            assert!(
                reason.contains(&format!("2026年自然年度内累计在职 {days} 天")),
                "{reason}"
            );
            let emp = a.employees.iter().find(|e| e.key == 10).unwrap();
            assert_eq!(emp.seasonal_days, Some(days));
            assert_eq!(emp.qualifies_on, on, "{days}");
            if want == Status::Met {
                // Off-season on the assessment date, counted in both numerator and total.
                assert!(!emp.employed_on_assessment_date && emp.qualifies);
                assert_eq!((a.qualifying, a.total_workforce), (5, 5));
                assert_eq!(a.overall, Status::Met);
            }
        }
    }

    #[test]
    fn art7_2_seasonal_trailing_twelve_months_setting() {
        let date = d(2026, 2, 20);
        let mut e = person(10, d(2025, 10, 1), date);
        e.stints[0].employment_form = EmploymentForm::Seasonal;
        e.stints[0].end = "2025-12-31".into();
        let mut draft = four_plus(e, date);
        // Calendar year 2026: no days. Trailing 12 months: 92 days.
        let (s, r) = check_of(&crate::assess(&draft, date), 10, CriterionId::Art7_2);
        assert_eq!(s, Status::NotMet, "{r}");
        draft.settings.seasonal_period = SeasonalPeriod::Trailing12Months;
        let (s, r) = check_of(&crate::assess(&draft, date), 10, CriterionId::Art7_2);
        assert_eq!(s, Status::Met, "{r}");
        assert!(r.contains("累计在职 92 天"), "{r}");
    }

    #[test]
    fn art7_2_agreement_is_required() {
        let date = d(2026, 6, 20);
        let cases = [
            (AgreementType::EmploymentContract, Status::Met),
            (AgreementType::LabourAgreement, Status::Met),
            (AgreementType::NoAgreement, Status::NotMet),
            (AgreementType::Unspecified, Status::Incomplete),
        ];
        for (agreement, want) in cases {
            let mut e = person(10, d(2025, 12, 1), date);
            e.stints[0].agreement_type = agreement;
            let a = crate::assess(&four_plus(e, date), date);
            let (status, reason) = check_of(&a, 10, CriterionId::Art7_2);
            assert_eq!(status, want, "{agreement:?}: {reason}");
        }
    }

    #[test]
    fn art7_2_expired_agreement_without_leave_date_ends_employment_with_a_warning() {
        let date = d(2026, 6, 20);
        let mut e = person(10, d(2025, 12, 1), date);
        e.stints[0].end = "2026-05-31".into();
        e.insurance[0].kind = InsuranceKind::WorkInjury;
        let a = crate::assess(&four_plus(e, date), date);
        let (status, reason) = check_of(&a, 10, CriterionId::Art7_2);
        assert_eq!(status, Status::NotMet, "{reason}");
        assert!(reason.contains("不在职"), "{reason}");
        let w = a.errors_at("employee.10.stint.0.end").next().unwrap();
        assert!(w.warning && w.message.contains("续签"), "{}", w.message);
        // A renewal entered as a new stint from the next day is continuous.
        let mut e = person(10, d(2025, 12, 1), date);
        e.stints[0].end = "2026-05-31".into();
        let mut renewal = e.stints[0].clone();
        renewal.start = "2026-06-01".into();
        renewal.end = String::new();
        e.stints.push(renewal);
        let a = crate::assess(&four_plus(e, date), date);
        assert_eq!(check_of(&a, 10, CriterionId::Art7_2).0, Status::Met);
        assert_eq!(a.overall, Status::Met);
    }

    #[test]
    fn art7_2_missing_start_date_is_incomplete_and_named() {
        let date = d(2026, 6, 20);
        let mut e = person(10, d(2025, 12, 1), date);
        e.stints[0].start = String::new();
        let a = crate::assess(&four_plus(e, date), date);
        let f = a.finding(CriterionId::Art7_2).unwrap();
        assert_eq!(f.status, Status::Incomplete);
        assert!(
            f.missing
                .contains(&"测试10：协议起始日期（未填写）".to_owned()),
            "{:?}",
            f.missing
        );
    }

    #[test]
    fn art7_2_months_count_from_the_agreement_not_from_unagreed_work() {
        let date = d(2026, 6, 20);
        let cases = [("2026-02-01", Status::Met), ("2026-04-01", Status::NotMet)];
        for (signed, want) in cases {
            let mut e = person(10, d(2025, 12, 1), date);
            e.stints[0].agreement_type = AgreementType::NoAgreement;
            e.stints[0].end = (chrono::NaiveDate::parse_from_str(signed, "%Y-%m-%d").unwrap()
                - chrono::Duration::days(1))
            .to_string();
            let mut agreed = e.stints[0].clone();
            agreed.agreement_type = AgreementType::EmploymentContract;
            agreed.start = signed.into();
            agreed.end = String::new();
            e.stints.push(agreed);
            let a = crate::assess(&four_plus(e, date), date);
            let (status, reason) = check_of(&a, 10, CriterionId::Art7_2);
            assert_eq!(status, want, "{signed}: {reason}");
            assert!(
                reason.contains("此前2025年12月1日起的用工未签订协议"),
                "{reason}"
            );
            let emp = a.employees.iter().find(|e| e.key == 10).unwrap();
            assert_eq!(
                emp.employed_since.map(|d| d.to_string()).as_deref(),
                Some(signed)
            );
        }
    }
}
