//! 第八条: the recognition procedure as a timeline of latest dates from the application date.
//!
//! (二) township review within 10 working days of acceptance; public notice on the township
//! website of at least 5 working days; (三) the county's joint on-site check within 10 working days
//! of receiving the township's submission. Working days per `calendar` (counting starts the next
//! day, 民法典第二百零一条). The regulation sets no time between the end of the notice and the
//! submission to the county: the timeline assumes the next working day. Every date is the latest
//! the regulation allows if each step uses its full time; actual dates are the departments'.

use crate::calendar::{caveat, Calendar};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeSet;

/// Working days the township has for its review (第八条第（二）项).
pub const TOWNSHIP_REVIEW_DAYS: u32 = 10;
/// Minimum length of the public notice (第八条第（二）项).
pub const NOTICE_DAYS: u32 = 5;
/// Working days the county has for its on-site check (第八条第（三）项).
pub const COUNTY_CHECK_DAYS: u32 = 10;

/// One step of the procedure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    /// e.g. 苏木乡镇初审（实地审查）
    pub title: &'static str,
    pub citation: &'static str,
    /// The date the step starts (or happens).
    pub from: NaiveDate,
    /// The latest date it ends.
    pub until: NaiveDate,
    /// How the date was reckoned, in Chinese.
    pub note: String,
}

/// The procedure from an application date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Timeline {
    pub steps: Vec<Step>,
    /// Years reckoned without a holiday schedule (weekends only).
    pub assumed_years: Vec<i32>,
    /// What the dates mean, including the caveat for assumed years.
    pub note: String,
}

/// The timeline of 第八条 for an application accepted on `application`.
pub fn timeline(application: NaiveDate, calendar: &Calendar) -> Timeline {
    let mut assumed = BTreeSet::new();
    let review = calendar.add_working_days(application, TOWNSHIP_REVIEW_DAYS);
    assumed.extend(review.assumed_years.iter().copied());
    let notice_start = calendar.add_working_days(review.date, 1);
    let notice_end = calendar.add_working_days(review.date, NOTICE_DAYS);
    let submit = calendar.add_working_days(notice_end.date, 1);
    let check = calendar.add_working_days(submit.date, COUNTY_CHECK_DAYS);
    for r in [&notice_start, &notice_end, &submit, &check] {
        assumed.extend(r.assumed_years.iter().copied());
    }
    let steps = vec![
        Step {
            title: "向苏木乡镇人民政府提交书面申请（受理）",
            citation: "第八条第（一）项",
            from: application,
            until: application,
            note: "以受理之日为起算日".into(),
        },
        Step {
            title: "苏木乡镇初审（不少于3人的审查组实地审查）",
            citation: "第八条第（二）项",
            from: application,
            until: review.date,
            note: format!("自受理之日起{TOWNSHIP_REVIEW_DAYS}个工作日内（次日起算）"),
        },
        Step {
            title: "苏木乡镇人民政府网站公示",
            citation: "第八条第（二）项",
            from: notice_start.date,
            until: notice_end.date,
            note: format!("公示期不少于{NOTICE_DAYS}个工作日，按审查期满当日发布推算"),
        },
        Step {
            title: "公示无异议，向旗县（市、区）乡村振兴部门提交认定申请",
            citation: "第八条第（二）项",
            from: submit.date,
            until: submit.date,
            note: "办法未规定时限，按公示期满后下一个工作日推算".into(),
        },
        Step {
            title: "旗县（市、区）乡村振兴、人社部门现场核查，认定并公告",
            citation: "第八条第（三）项",
            from: submit.date,
            until: check.date,
            note: format!("自收到申请之日起{COUNTY_CHECK_DAYS}个工作日内（次日起算）"),
        },
    ];
    let assumed_years: Vec<i32> = assumed.into_iter().collect();
    let note = format!(
        "各环节按用足规定时限推算的最晚日期，实际以各部门安排为准；工作日按国务院节假日安排（含调休）计算{}",
        caveat(&assumed_years)
    );
    Timeline {
        steps,
        assumed_years,
        note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn art8_timeline_over_the_national_day_holiday() {
        let t = timeline(d(2025, 9, 26), Calendar::shipped());
        let until: Vec<NaiveDate> = t.steps.iter().map(|s| s.until).collect();
        // Review by 10-16 (domain guide); notice 10-17 … 10-23; submit 10-24; check by 11-07.
        assert_eq!(
            until,
            vec![
                d(2025, 9, 26),
                d(2025, 10, 16),
                d(2025, 10, 23),
                d(2025, 10, 24),
                d(2025, 11, 7)
            ]
        );
        assert_eq!(t.steps[2].from, d(2025, 10, 17));
        assert!(t.assumed_years.is_empty());
    }

    #[test]
    fn art8_timeline_into_an_unknown_year_says_so() {
        let t = timeline(d(2026, 12, 20), Calendar::shipped());
        assert_eq!(t.assumed_years, vec![2027]);
        assert!(t.note.contains("2027年"));
    }
}
