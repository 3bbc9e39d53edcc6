//! Where an application stands and what is due next, as the overview lists them.
//!
//! A conclusion is in effect only when nothing blocks it ([`crate::check::is_concluded`]); until
//! then the application is 审查中 and the review's 10 working days run. After 拟公示 the notice
//! dates decide: 公示中 while it runs, 公示期满 once it has ended without objection (the file may
//! go to the county: the regulation sets no time for that, so it is offered, never overdue).

use crate::application::Application;
use crate::check::{self, Problem};
use crate::choices::{Conclusion, Objections};
use crate::deadline::{review_due, submission_from};
use bangfu_model::text::parse_date;
use bangfu_rules::calendar::{caveat, Calendar};
use bangfu_rules::Assessment;
use chrono::NaiveDate;

/// The stage of an application.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    /// 已受理: nothing recorded yet.
    Received,
    /// 审查中
    InReview,
    /// 待补正: waiting for the applicant's materials.
    ToSupplement,
    /// 不符合: the written reasons go to the applicant (第八条第（五）项).
    Rejected,
    /// 拟公示: concluded, the notice not yet running.
    ToPublish,
    /// 公示中
    Publishing,
    /// 公示有异议: to be dealt with before anything goes to the county.
    Objected,
    /// 公示期满: ready for the county.
    NoticeEnded,
    /// 已提交旗县
    Submitted,
}

impl Stage {
    /// Every stage, in the order of the procedure (the overview's filter lists them so).
    pub const ALL: [Stage; 9] = [
        Stage::Received,
        Stage::InReview,
        Stage::ToSupplement,
        Stage::Rejected,
        Stage::ToPublish,
        Stage::Publishing,
        Stage::Objected,
        Stage::NoticeEnded,
        Stage::Submitted,
    ];

    /// The Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Received => "已受理",
            Stage::InReview => "审查中",
            Stage::ToSupplement => "待补正",
            Stage::Rejected => "不符合",
            Stage::ToPublish => "拟公示",
            Stage::Publishing => "公示中",
            Stage::Objected => "公示有异议",
            Stage::NoticeEnded => "公示期满，待报送",
            Stage::Submitted => "已提交旗县",
        }
    }

    /// A stable ASCII code (the UI's `data-stage`, the filter's value).
    pub fn code(self) -> &'static str {
        match self {
            Stage::Received => "received",
            Stage::InReview => "in-review",
            Stage::ToSupplement => "to-supplement",
            Stage::Rejected => "rejected",
            Stage::ToPublish => "to-publish",
            Stage::Publishing => "publishing",
            Stage::Objected => "objected",
            Stage::NoticeEnded => "notice-ended",
            Stage::Submitted => "submitted",
        }
    }
}

/// The next date that matters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Next {
    /// e.g. 审查截止, 公示结束, 可报送旗县.
    pub what: &'static str,
    pub date: NaiveDate,
    /// Past a deadline the regulation sets.
    pub overdue: bool,
    /// Why the date is 未核实 (reckoned through a year without a holiday schedule), or empty.
    pub unverified: String,
}

/// An application's stage, next date and the review's problems.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing {
    pub stage: Stage,
    pub next: Option<Next>,
    /// [`check::review`] of the record.
    pub problems: Vec<Problem>,
}

/// Where `app` stands on `today`, `current` being the app's assessment on the review date.
///
/// # Examples
/// ```
/// use bangfu_review::{status::{standing, Stage}, Application};
/// use bangfu_rules::{assess, calendar::Calendar, sample::qualifying_draft};
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 20).unwrap();
/// let mut app = Application::default();
/// app.received_on = "2026-03-02".into();
/// let a = assess(&qualifying_draft(8, 6, today), today);
/// let s = standing(&app, &a, Calendar::shipped(), today);
/// assert_eq!(s.stage, Stage::Received);
/// let next = s.next.unwrap();
/// assert_eq!((next.what, next.date.to_string(), next.overdue), ("审查截止", "2026-03-16".into(), true));
/// ```
pub fn standing(
    app: &Application,
    current: &Assessment,
    calendar: &Calendar,
    today: NaiveDate,
) -> Standing {
    let problems = check::review(app, current, calendar, today);
    let concluded = check::is_concluded(&problems, &app.review);
    let received = parse_date(&app.received_on).ok();
    let review_next = || {
        received.map(|r| {
            let due = review_due(r, calendar);
            Next {
                what: "审查截止",
                date: due.date,
                overdue: today > due.date,
                unverified: caveat(&due.assumed_years),
            }
        })
    };
    let (stage, next) = if parse_date(&app.submission.submitted_on).is_ok()
        && check::submission(app, calendar, today).is_empty()
    {
        (Stage::Submitted, None)
    } else if !concluded {
        let stage = if app.review.is_started() {
            Stage::InReview
        } else {
            Stage::Received
        };
        (stage, review_next())
    } else {
        match app.review.conclusion {
            Conclusion::Rejected => (Stage::Rejected, None),
            Conclusion::ToSupplement => (Stage::ToSupplement, None),
            _ => notice_stage(app, calendar, today),
        }
    };
    Standing {
        stage,
        next,
        problems,
    }
}

fn notice_stage(app: &Application, calendar: &Calendar, today: NaiveDate) -> (Stage, Option<Next>) {
    let n = &app.notice;
    let (Ok(start), Ok(end)) = (parse_date(&n.start), parse_date(&n.end)) else {
        return (Stage::ToPublish, None);
    };
    if today < start {
        return (Stage::ToPublish, None);
    }
    if today <= end {
        let (_, years) = crate::deadline::working_days(start, end, calendar);
        let next = Next {
            what: "公示结束",
            date: end,
            overdue: false,
            unverified: caveat(&years),
        };
        return (Stage::Publishing, Some(next));
    }
    match n.objections {
        Objections::Some => (Stage::Objected, None),
        answered => {
            let from = submission_from(end, calendar);
            let next = Next {
                what: if answered == Objections::None {
                    "可报送旗县"
                } else {
                    "待填写有无异议"
                },
                date: from.date,
                overdue: false,
                unverified: from.caveat(),
            };
            (Stage::NoticeEnded, Some(next))
        }
    }
}
