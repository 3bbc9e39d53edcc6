//! What stands in the way of a conclusion, of the public notice and of the submission, each
//! problem at its field and in Chinese, citing the article where the regulation decides it:
//!
//! - 审查组 of at least 3 (第八条第（二）项): fewer blocks any conclusion;
//! - the 实地审查 (第八条第（二）项: 进行实地审查) needs its date, not after today;
//! - every criterion's row counts only once a reviewer confirmed it for the newest version, with
//!   at least one 审查方式 and a 核实结果; a result that differs from the app's verdict on the
//!   review date needs a 说明;
//! - 拟公示 only with every row 符合; 不符合 needs at least one row 不符合 and the written reasons
//!   of 第八条第（五）项; 待补正 needs a row 待补正 and the list of materials;
//! - the notice: a start not before the review date and at least 5 working days
//!   ([`crate::deadline::NoticePeriod`]); objections need their text.
//!
//! Warnings (`blocking: false`) are shown but do not stop anything: a member without 单位/职务,
//! a review date after the 10 working days, a 电话抽查 without anyone sampled.

use crate::application::Application;
use crate::choices::{Conclusion, Method, Objections, Reached, ReviewResult};
use crate::deadline::{review_due, NoticePeriod};
use crate::record::{CriterionReview, ReviewRecord};
use bangfu_model::text::parse_date;
use bangfu_model::Choice;
use bangfu_rules::calendar::{cn, Calendar};
use bangfu_rules::{Assessment, CriterionId, Finding, Status};
use chrono::NaiveDate;

/// The smallest 审查组 (第八条第（二）项).
pub const MIN_MEMBERS: usize = 3;

/// One thing to fix, at its field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where: `members`, `visit_date`, `review_date`, `rows.<criterion code>`, `sample.<i>`,
    /// `conclusion`, `reasons`, `materials`, `notice.start`, `notice.end`,
    /// `notice.objection_text`, `submission.submitted_on`, `received_on`.
    pub at: String,
    pub message: String,
    /// False for a warning.
    pub blocking: bool,
}

fn block(at: impl Into<String>, message: impl Into<String>) -> Problem {
    Problem {
        at: at.into(),
        message: message.into(),
        blocking: true,
    }
}

fn warn(at: impl Into<String>, message: impl Into<String>) -> Problem {
    Problem {
        at: at.into(),
        message: message.into(),
        blocking: false,
    }
}

/// A typed date, or the problem with it.
fn date_at(at: &str, typed: &str, what: &str, out: &mut Vec<Problem>) -> Option<NaiveDate> {
    match parse_date(typed) {
        Ok(d) => Some(d),
        Err(e) => {
            out.push(block(at, format!("{what}：{e}")));
            None
        }
    }
}

/// Whether a row's result agrees with the app's verdict (信息不完整 agrees with 待补正).
pub fn agrees(row: &CriterionReview, finding: &Finding) -> bool {
    row.result == ReviewResult::matching(finding.status)
}

/// Whether a row counts: confirmed for the newest version.
pub fn is_confirmed(row: &CriterionReview, app: &Application) -> bool {
    !row.confirmed_for.is_empty() && row.confirmed_for == app.latest_fingerprint()
}

/// Whether the reviewers have put anything into the field a problem is `at` (a date typed, a
/// member named, a row's 审查方式 ticked or the row confirmed, a sampled person's call
/// recorded). The page shows a field's problems once it has been worked on, and all of them
/// once a conclusion is chosen: a review just opened is a form to fill in, not a page of red.
///
/// # Examples
/// ```
/// use bangfu_review::{check, Application};
/// let mut app = Application::default();
/// assert!(!check::worked_on(&app, "visit_date"));
/// app.review.visit_date = "2026-12-0".into();
/// assert!(check::worked_on(&app, "visit_date"));
/// ```
pub fn worked_on(app: &Application, at: &str) -> bool {
    let r = &app.review;
    let typed = |s: &str| !s.trim().is_empty();
    if let Some(code) = at.strip_prefix("rows.") {
        return r
            .rows
            .iter()
            .find(|x| x.criterion == code)
            .is_some_and(|x| {
                !x.confirmed_for.is_empty() || !x.methods.is_empty() || typed(&x.note)
            });
    }
    if let Some(i) = at.strip_prefix("sample.") {
        return i
            .parse::<usize>()
            .ok()
            .and_then(|i| r.sample.picks.get(i))
            .is_some_and(|p| p.reached != Reached::Unspecified);
    }
    match at {
        "received_on" => typed(&app.received_on),
        "members" => r.members.iter().any(|m| typed(&m.name) || typed(&m.role)),
        "visit_date" => typed(&r.visit_date),
        "review_date" => typed(&r.review_date),
        "conclusion" | "reasons" | "materials" => r.conclusion != Conclusion::Unspecified,
        // The notice and the submission: their fields show only once they are due.
        _ => true,
    }
}

/// Everything that blocks (or should be looked at before) the review's conclusion.
///
/// `current` is the app's assessment on the review date ([`crate::reading::Reading::current`]).
///
/// # Examples
/// ```
/// use bangfu_review::{check, Application};
/// use bangfu_rules::{assess, calendar::Calendar, sample::qualifying_draft};
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 6, 20).unwrap();
/// let a = assess(&qualifying_draft(8, 6, today), today);
/// let problems = check::review(&Application::default(), &a, Calendar::shipped(), today);
/// assert!(problems.iter().any(|p| p.at == "members" && p.message.contains("第八条第（二）项")));
/// ```
pub fn review(
    app: &Application,
    current: &Assessment,
    calendar: &Calendar,
    today: NaiveDate,
) -> Vec<Problem> {
    let r = &app.review;
    let mut out = Vec::new();
    members(r, &mut out);
    let received = parse_date(&app.received_on).ok();
    if received.is_none() {
        out.push(block("received_on", "受理日期未填写或无法识别"));
    }
    if r.visit_date.trim().is_empty() {
        out.push(block(
            "visit_date",
            "未填写实地审查日期（第八条第（二）项：审查组进行实地审查）",
        ));
    } else if let Some(visit) = date_at("visit_date", &r.visit_date, "实地审查日期", &mut out)
    {
        if visit > today {
            out.push(block("visit_date", "实地审查日期晚于今天"));
        }
        if received.is_some_and(|rc| visit < rc) {
            out.push(warn("visit_date", "实地审查日期早于受理日期"));
        }
    }
    if r.review_date.trim().is_empty() {
        out.push(block("review_date", "未填写审查日期"));
    } else if let Some(date) = date_at("review_date", &r.review_date, "审查日期", &mut out) {
        if date > today {
            out.push(block("review_date", "审查日期晚于今天"));
        }
        if let Some(rc) = received {
            let due = review_due(rc, calendar);
            if date > due.date {
                out.push(warn(
                    "review_date",
                    format!(
                        "审查日期晚于受理后10个工作日（{}）{}",
                        cn(due.date),
                        due.caveat()
                    ),
                ));
            }
        }
    }
    rows(app, current, &mut out);
    sample(r, &mut out);
    conclusion(r, &mut out);
    out
}

fn members(r: &ReviewRecord, out: &mut Vec<Problem>) {
    let named = r.named_members().count();
    if named < MIN_MEMBERS {
        out.push(block(
            "members",
            format!("审查组须不少于{MIN_MEMBERS}人（第八条第（二）项），现有 {named} 人"),
        ));
    }
    for (i, m) in r.members.iter().enumerate() {
        if !m.name.trim().is_empty() && m.role.trim().is_empty() {
            out.push(warn(
                format!("members.{i}"),
                format!("请填写{}的单位/职务", m.name.trim()),
            ));
        }
    }
}

fn rows(app: &Application, current: &Assessment, out: &mut Vec<Problem>) {
    for id in CriterionId::ALL {
        let at = format!("rows.{}", id.code());
        let what = id.citation();
        let Some(row) = app.review.row(id) else {
            out.push(block(at, format!("{what}尚未审查")));
            continue;
        };
        if !is_confirmed(row, app) {
            out.push(block(
                &at,
                if row.confirmed_for.is_empty() {
                    format!("{what}尚未确认核实结果")
                } else {
                    format!("{what}是对旧版本材料确认的，收到新版本后须重新确认")
                },
            ));
        }
        if row.methods.iter().all(|m| *m == Method::Unspecified) {
            out.push(block(&at, format!("{what}未选择审查方式")));
        }
        if row.result == ReviewResult::Unspecified {
            out.push(block(&at, format!("{what}未选择核实结果")));
        } else if let Some(f) = current.finding(id) {
            if !agrees(row, f) && row.note.trim().is_empty() {
                out.push(block(
                    &at,
                    format!(
                        "{what}核实结果（{}）与系统自评（{}）不同，须填写说明",
                        row.result.label(),
                        f.status.label()
                    ),
                ));
            }
        }
    }
}

fn sample(r: &ReviewRecord, out: &mut Vec<Problem>) {
    for (i, p) in r.sample.picks.iter().enumerate() {
        if p.reached == Reached::Unspecified {
            out.push(block(
                format!("sample.{i}"),
                format!("抽查对象{}：未填写是否联系上", p.name),
            ));
        }
    }
    let phoned = r
        .rows
        .iter()
        .any(|row| row.methods.contains(&Method::PhoneCheck));
    if phoned && r.sample.picks.is_empty() {
        out.push(warn("sample", "选择了电话抽查，但尚未抽取抽查对象"));
    }
}

fn conclusion(r: &ReviewRecord, out: &mut Vec<Problem>) {
    let results: Vec<(CriterionId, ReviewResult)> = CriterionId::ALL
        .into_iter()
        .map(|id| {
            (
                id,
                r.row(id).map_or(ReviewResult::Unspecified, |x| x.result),
            )
        })
        .collect();
    let with = |res: ReviewResult| -> Vec<&'static str> {
        results
            .iter()
            .filter(|(_, x)| *x == res)
            .map(|(id, _)| id.citation())
            .collect()
    };
    match r.conclusion {
        Conclusion::Unspecified => {}
        Conclusion::Qualifies => {
            let not_met: Vec<&str> = results
                .iter()
                .filter(|(_, x)| *x != ReviewResult::Met)
                .map(|(id, _)| id.citation())
                .collect();
            if !not_met.is_empty() {
                out.push(block(
                    "conclusion",
                    format!("结论为符合条件，但{}的核实结果不是符合", not_met.join("、")),
                ));
            }
        }
        Conclusion::Rejected => {
            if with(ReviewResult::NotMet).is_empty() {
                out.push(block(
                    "conclusion",
                    "结论为不符合，但没有核实结果为不符合的项目",
                ));
            }
            if r.reasons.trim().is_empty() {
                out.push(block(
                    "reasons",
                    "不符合条件的，须书面说明原因及整改事项（第八条第（五）项）",
                ));
            }
        }
        Conclusion::ToSupplement => {
            if with(ReviewResult::ToSupplement).is_empty() {
                out.push(block(
                    "conclusion",
                    "结论为待补正，但没有核实结果为待补正的项目",
                ));
            }
            if r.materials.trim().is_empty() {
                out.push(block("materials", "请列出需要补正的材料"));
            }
        }
    }
}

/// What blocks publishing or closing the public notice of an application concluded 拟公示.
///
/// # Examples
/// ```
/// use bangfu_review::{check, Application};
/// use bangfu_rules::calendar::Calendar;
/// let mut app = Application::default();
/// app.review.review_date = "2026-09-25".into();
/// app.notice.start = "2026-09-28".into();
/// app.notice.end = "2026-10-08".into();
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 9, 28).unwrap();
/// let p = check::notice(&app, Calendar::shipped(), today);
/// assert!(p.iter().any(|p| p.at == "notice.end" && p.message.contains("只有 4 个工作日")));
/// ```
pub fn notice(app: &Application, calendar: &Calendar, today: NaiveDate) -> Vec<Problem> {
    let n = &app.notice;
    let mut out = Vec::new();
    let start = if n.start.trim().is_empty() {
        out.push(block("notice.start", "未填写公示开始日期"));
        None
    } else {
        date_at("notice.start", &n.start, "公示开始日期", &mut out)
    };
    if let (Some(start), Ok(reviewed)) = (start, parse_date(&app.review.review_date)) {
        if start < reviewed {
            out.push(block("notice.start", "公示开始日期早于审查日期"));
        }
    }
    let end = if n.end.trim().is_empty() {
        out.push(block("notice.end", "未填写公示结束日期"));
        None
    } else {
        date_at("notice.end", &n.end, "公示结束日期", &mut out)
    };
    if let (Some(start), Some(end)) = (start, end) {
        let period = NoticePeriod::of(start, end, calendar);
        if !period.is_enough() {
            out.push(block("notice.end", period.message()));
        }
        if n.objections == Objections::Unspecified && today > end {
            out.push(block("notice.objections", "公示期已满，请填写有无异议"));
        }
    }
    if n.objections == Objections::Some && n.objection_text.trim().is_empty() {
        out.push(block("notice.objection_text", "请填写收到的异议内容"));
    }
    out
}

/// What blocks recording the submission to the county: a notice that has ended without
/// objection (第八条第（二）项：公示无异议的，向旗县（市、区）乡村振兴部门提交认定申请).
pub fn submission(app: &Application, calendar: &Calendar, today: NaiveDate) -> Vec<Problem> {
    let mut out = Vec::new();
    if app.review.conclusion != Conclusion::Qualifies {
        out.push(block(
            "submission.submitted_on",
            "只有审查结论为符合条件并经公示无异议的，才向旗县提交",
        ));
        return out;
    }
    if !notice(app, calendar, today).iter().all(|p| !p.blocking) {
        out.push(block("submission.submitted_on", "公示信息尚不完整"));
    }
    if app.notice.objections != Objections::None {
        out.push(block(
            "submission.submitted_on",
            "公示无异议的，才向旗县（市、区）乡村振兴部门提交（第八条第（二）项）",
        ));
    }
    if let Some(on) = date_at(
        "submission.submitted_on",
        &app.submission.submitted_on,
        "报送日期",
        &mut out,
    ) {
        if parse_date(&app.notice.end).is_ok_and(|end| on <= end) {
            out.push(block("submission.submitted_on", "报送日期须在公示期满之后"));
        }
    }
    out
}

/// Pre-fills what the reviewers have not touched from the app's assessment on the review date:
/// each unconfirmed row's 核实结果 (the app's verdict) and 依据材料 (the checklist's materials
/// for the criterion), the reasons of a 不符合 and the materials of a 待补正. Confirmed rows and
/// anything typed are left as they are.
pub fn prefill(record: &mut ReviewRecord, current: &Assessment) {
    for f in &current.findings {
        let row = record.row_mut(f.criterion);
        if row.confirmed_for.is_empty() && row.result == ReviewResult::Unspecified {
            row.result = ReviewResult::matching(f.status);
        }
        if row.evidence.trim().is_empty() {
            // The application itself backs every row; naming it on each says nothing.
            row.evidence = bangfu_rules::materials::for_criterion(f.criterion)
                .filter(|m| *m != bangfu_rules::materials::APPLICATION)
                .map(|m| m.name)
                .collect::<Vec<_>>()
                .join(crate::record::EVIDENCE_SEPARATOR);
        }
    }
    if record.reasons.trim().is_empty() {
        record.reasons = suggested_reasons(current);
    }
    if record.materials.trim().is_empty() {
        record.materials = suggested_materials(current);
    }
}

/// The written reasons of 第八条第（五）项 from the failing findings: per criterion its citation,
/// why, and what would change it.
///
/// # Examples
/// ```
/// use bangfu_review::check::suggested_reasons;
/// use bangfu_rules::{assess, sample::qualifying_draft};
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 6, 20).unwrap();
/// let a = assess(&qualifying_draft(4, 6, today), today);
/// assert!(suggested_reasons(&a).starts_with("1. 第七条第（一）项"));
/// ```
pub fn suggested_reasons(current: &Assessment) -> String {
    numbered(current, Status::NotMet, |f| {
        let why = f.summary.trim().trim_end_matches('。');
        let mut s = format!(
            "{}（{}）：{why}",
            f.criterion.citation(),
            f.criterion.title()
        );
        if !f.shortfall.trim().is_empty() {
            s.push_str(&format!(
                "。整改事项：{}",
                f.shortfall.trim().trim_end_matches('。')
            ));
        }
        s
    })
}

/// The materials to supply, from the findings that are 信息不完整.
pub fn suggested_materials(current: &Assessment) -> String {
    numbered(current, Status::Incomplete, |f| {
        let missing = if f.missing.is_empty() {
            f.summary.clone()
        } else {
            f.missing.join("；")
        };
        format!("{}：{}", f.criterion.citation(), missing)
    })
}

fn numbered(current: &Assessment, status: Status, line: impl Fn(&Finding) -> String) -> String {
    current
        .findings
        .iter()
        .filter(|f| f.status == status)
        .enumerate()
        .map(|(i, f)| format!("{}. {}", i + 1, line(f)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether a conclusion is in effect: chosen, and nothing blocks it.
pub fn is_concluded(problems: &[Problem], record: &ReviewRecord) -> bool {
    record.conclusion != Conclusion::Unspecified && problems.iter().all(|p| !p.blocking)
}
