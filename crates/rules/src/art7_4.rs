//! 第七条第（四）项: "依据岗位工种需要，按规定为脱贫人口缴纳工伤保险或人身意外伤害保险。"
//!
//! Per person (poverty-alleviated): work-injury insurance (工伤保险) or personal accident insurance
//! (人身意外伤害保险), either or both, must cover every day of the employment found by 第（二）项
//! up to the assessment date (for stable employment: the whole continuous period; for seasonal
//! work: the days employed in the counting period). Periods that touch (the next starts the day
//! after the previous ends) are continuous. A lapse is not met and its dates are named. No record
//! at all is incomplete (nothing entered yet); a record of 无 (none) is not met.
//!
//! The regulation's "依据岗位工种需要" is not weighed: every poverty-alleviated employee is
//! expected to be covered, which is what reviewers check in practice.

use crate::calendar::cn;
use crate::employment::{self, Span};
use crate::finding::{CriterionId, Finding};
use crate::input::person::{Person, StintRec};
use crate::people::{self, Check, Row, Wording};
use bangfu_model::{AgreementType, EmploymentForm, InsuranceKind};
use chrono::{Duration, NaiveDate};

pub const CITATION: &str = "第七条第（四）项";
pub const TITLE: &str = "为脱贫人口缴纳工伤保险或人身意外伤害保险";
pub const TEXT: &str = "依据岗位工种需要，按规定为脱贫人口缴纳工伤保险或人身意外伤害保险。";

fn kinds(p: &Person<'_>) -> String {
    let wi = p.covers.iter().any(|c| c.kind == InsuranceKind::WorkInjury);
    let acc = p.covers.iter().any(|c| c.kind == InsuranceKind::Accident);
    match (wi, acc) {
        (true, true) => "工伤保险、人身意外伤害保险",
        (true, false) => "工伤保险",
        _ => "人身意外伤害保险",
    }
    .to_owned()
}

/// Insurance periods merged into continuous cover (reusing the employment merge).
fn merged_cover(p: &Person<'_>) -> Vec<employment::Period> {
    let as_stints: Vec<StintRec> = p
        .covers
        .iter()
        .map(|c| StintRec {
            index: 0,
            form: EmploymentForm::Unspecified,
            agreement: AgreementType::Unspecified,
            start: c.start,
            end: c.end,
        })
        .collect();
    employment::merge(&as_stints)
}

/// Days of `span` not covered by `cover`, as spans.
fn gaps(span: Span, cover: &[employment::Period]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut cursor = span.start;
    for c in cover {
        if cursor > span.end {
            break;
        }
        let c_end = c.end.unwrap_or(NaiveDate::MAX);
        if c_end < cursor {
            continue;
        }
        if c.start > cursor {
            let gap_end = (c.start - Duration::days(1)).min(span.end);
            out.push(Span {
                start: cursor,
                end: gap_end,
            });
        }
        if c_end >= span.end {
            cursor = NaiveDate::MAX;
            break;
        }
        cursor = cursor.max(c_end + Duration::days(1));
    }
    if cursor <= span.end {
        out.push(Span {
            start: cursor,
            end: span.end,
        });
    }
    out
}

/// 第七条第（四）项 for one poverty-alleviated person over the employment `spans` from 第（二）项.
pub(crate) fn check_person(p: &Person<'_>, spans: &[Span]) -> Check {
    let cover = merged_cover(p);
    let check = if p.covers.is_empty() && p.cover_gaps.is_empty() {
        if p.declared_uninsured {
            Check::not_met("未参加工伤保险或人身意外伤害保险")
        } else {
            Check::incomplete(
                "未填写参保记录",
                vec!["参保记录（工伤保险或人身意外伤害保险，未填写）".into()],
            )
        }
    } else if spans.is_empty() {
        // Nothing to check the cover against is not 符合 (no vacuous verdict).
        Check::incomplete("没有可核对参保的用工期间", vec![])
    } else {
        let holes: Vec<Span> = spans.iter().flat_map(|s| gaps(*s, &cover)).collect();
        let first = spans.first().map(|s| s.start);
        let last = spans.last().map(|s| s.end);
        match (holes.is_empty(), p.cover_gaps.is_empty()) {
            (true, _) => Check::met(format!(
                "{}覆盖用工期间（{}至{}）",
                kinds(p),
                first.map(cn).unwrap_or_default(),
                last.map(cn).unwrap_or_default()
            )),
            (false, gaps_ok) => {
                let list: Vec<String> = holes
                    .iter()
                    .map(|h| {
                        if h.start == h.end {
                            cn(h.start)
                        } else {
                            format!("{}至{}", cn(h.start), cn(h.end))
                        }
                    })
                    .collect();
                let reason = if p.covers.is_empty() {
                    "参保记录不完整，无法核对".to_owned()
                } else {
                    format!("用工期间内有未参保的时段：{}", list.join("；"))
                };
                if gaps_ok {
                    Check::not_met(reason)
                } else {
                    Check::incomplete(reason, p.cover_gaps.clone())
                }
            }
        }
    };
    check
}

/// Whether the cover runs without a lapse from `from` through `until`.
pub(crate) fn covers_through(p: &Person<'_>, from: NaiveDate, until: NaiveDate) -> bool {
    gaps(
        Span {
            start: from,
            end: until,
        },
        &merged_cover(p),
    )
    .is_empty()
}

/// The plain-Chinese explanation of this item.
pub(crate) fn explanation() -> String {
    "每名脱贫人口在岗的每一天都要有工伤保险或人身意外伤害保险（有一种即可），中间不能断保。".into()
}

/// The method text of this item.
pub(crate) fn method() -> String {
    "工伤保险或人身意外伤害保险（任一或两者接续）须覆盖第（二）项认定的用工期间的每一天（稳定就业：自连续在职之日起至评估日；季节性：计数期间内的在职日），前后衔接（次日续保）视为连续；中途断保的列明未参保日期。未区分岗位工种，所有脱贫人口均须参保。按人计：每名脱贫人口逐一核查，人数是否足够由第（一）项判断".into()
}

/// The finding of 第七条第（四）项.
pub(crate) fn finding(rows: &[Row<'_>], need: u32, roster_empty: bool) -> Finding {
    people::finding(
        Wording {
            criterion: CriterionId::Art7_4,
            requirement: "参加工伤保险或人身意外伤害保险",
            explanation: explanation(),
            method: method(),
            missing: vec![],
        },
        rows,
        need,
        roster_empty,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn art7_4_gaps_are_the_uncovered_days() {
        let p = |s, e| employment::Period { start: s, end: e };
        let span = Span {
            start: d(2026, 1, 1),
            end: d(2026, 6, 30),
        };
        type Case = (Vec<employment::Period>, Vec<(NaiveDate, NaiveDate)>);
        let cases: Vec<Case> = vec![
            (vec![p(d(2025, 12, 1), None)], vec![]),
            (
                vec![
                    p(d(2026, 1, 1), Some(d(2026, 2, 28))),
                    p(d(2026, 4, 1), None),
                ],
                vec![(d(2026, 3, 1), d(2026, 3, 31))],
            ),
            (
                vec![p(d(2026, 1, 10), Some(d(2026, 5, 31)))],
                vec![
                    (d(2026, 1, 1), d(2026, 1, 9)),
                    (d(2026, 6, 1), d(2026, 6, 30)),
                ],
            ),
            (vec![], vec![(d(2026, 1, 1), d(2026, 6, 30))]),
            (
                vec![p(d(2026, 7, 1), None)],
                vec![(d(2026, 1, 1), d(2026, 6, 30))],
            ),
        ];
        for (cover, want) in cases {
            let got: Vec<(NaiveDate, NaiveDate)> = gaps(span, &cover)
                .iter()
                .map(|s| (s.start, s.end))
                .collect();
            assert_eq!(got, want, "{cover:?}");
        }
    }

    use crate::testkit::*;
    use crate::{CriterionId, Status};
    use bangfu_model::{InsuranceKind, InsurancePeriod};

    fn cover(kind: InsuranceKind, start: &str, end: &str) -> InsurancePeriod {
        InsurancePeriod {
            unknown: Default::default(),
            kind,
            start: start.into(),
            end: end.into(),
        }
    }

    #[test]
    fn art7_4_insurance_over_the_whole_employment() {
        use InsuranceKind::*;
        let date = d(2026, 6, 20);
        let cases: Vec<(Vec<InsurancePeriod>, Status, &str)> = vec![
            (
                vec![cover(WorkInjury, "2025-12-01", "")],
                Status::Met,
                "工伤保险覆盖用工期间",
            ),
            (
                vec![
                    cover(WorkInjury, "2025-12-01", "2026-02-28"),
                    cover(WorkInjury, "2026-04-01", ""),
                ],
                Status::NotMet,
                "2026年3月1日至2026年3月31日",
            ),
            (
                vec![cover(Accident, "2025-12-15", "")],
                Status::NotMet,
                "2025年12月1日至2025年12月14日",
            ),
            (
                vec![cover(WorkInjury, "2025-12-01", "2026-06-19")],
                Status::NotMet,
                "2026年6月20日",
            ),
            (
                vec![
                    cover(Accident, "2025-12-01", "2026-02-28"),
                    cover(WorkInjury, "2026-03-01", ""),
                ],
                Status::Met,
                "工伤保险、人身意外伤害保险",
            ),
            (vec![], Status::Incomplete, "未填写参保记录"),
            (vec![cover(NoInsurance, "", "")], Status::NotMet, "未参加"),
            (
                vec![cover(Unspecified, "2025-12-01", "")],
                Status::Incomplete,
                "",
            ),
        ];
        for (covers, want, text) in cases {
            let mut e = person(10, d(2025, 12, 1), date);
            e.insurance = covers.clone();
            let a = crate::assess(&four_plus(e, date), date);
            let (status, reason) = check_of(&a, 10, CriterionId::Art7_4);
            assert_eq!(status, want, "{covers:?}: {reason}");
            assert!(reason.contains(text), "{reason}");
        }
    }
}
