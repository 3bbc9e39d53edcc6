//! The list of all applications (受理编号, 经营主体名称, 受理日期, status, the app's verdict and the
//! reviewers' conclusion, what is due next), sortable and filterable, and its XLSX export with
//! the 第十一条 ledger columns (经营主体名称, 统一社会信用代码, 从业人员数量, 脱贫人口数, 监测对象数,
//! 占比, 月人均工资) and the dates of the procedure.
//!
//! Every figure comes from the rules' assessment of the newest version on the review date (or
//! today while there is none): the same numbers the application's own page shows.

use crate::application::Application;
use crate::choices::Conclusion;
use crate::reading::Reading;
use crate::status::{standing, Next, Stage};
use crate::workspace::Workspace;
use bangfu_io::error::ExportError;
use bangfu_io::ledger::{wage_level, Cell, TitledSheet};
use bangfu_model::text::{format_percent, parse_date};
use bangfu_model::{Choice, PovertyStatus};
use bangfu_rules::calendar::Calendar;
use bangfu_rules::Status;
use chrono::NaiveDate;

/// One application in the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub uid: String,
    pub number: String,
    pub applicant: String,
    pub credit_code: String,
    /// 受理日期 as typed.
    pub received_on: String,
    pub stage: Stage,
    pub next: Option<Next>,
    /// The app's overall verdict on the review date; `None` when the draft cannot be read.
    pub app_verdict: Option<Status>,
    pub conclusion: Conclusion,
    pub versions: usize,
    /// 从业人员数量 (务工总人数).
    pub workforce: u32,
    /// 脱贫人口 (not 监测对象) registered and employed.
    pub alleviated: u32,
    /// 监测对象 registered and employed.
    pub monitored: u32,
    /// (脱贫人口 + 监测对象) / 从业人员, e.g. 「12.5%」.
    pub share: String,
    /// e.g. 「月人均应发工资 2,450.00 元（2026-05，8 人）」, or empty.
    pub wage_level: String,
    pub review_date: String,
    /// 「2026-09-28 至 2026-10-09」 or empty.
    pub notice: String,
    pub submitted_on: String,
    /// Why the newest version cannot be read, when it cannot.
    pub unreadable: String,
}

/// The row of one application on `today`.
///
/// # Examples
/// ```
/// use bangfu_model::Envelope;
/// use bangfu_review::{overview, Workspace};
/// use bangfu_rules::{calendar::Calendar, sample::qualifying_draft};
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 6, 22).unwrap();
/// let file = Envelope::new(qualifying_draft(8, 6, today), "").to_json();
/// let mut ws = Workspace::default();
/// ws.receive("甲.json", file.as_bytes(), "", today).unwrap();
/// let row = overview::row(&ws.applications[0], Calendar::shipped(), today);
/// assert_eq!((row.workforce, row.stage.label()), (8, "已受理"));
/// ```
pub fn row(app: &Application, calendar: &Calendar, today: NaiveDate) -> Row {
    let latest = app.latest();
    let mut out = Row {
        uid: app.uid.clone(),
        number: app.number.trim().to_owned(),
        applicant: latest.map_or(String::new(), |v| v.applicant_name.clone()),
        credit_code: latest.map_or(String::new(), |v| v.credit_code.clone()),
        received_on: app.received_on.trim().to_owned(),
        stage: Stage::Received,
        next: None,
        app_verdict: None,
        conclusion: app.review.conclusion,
        versions: app.versions.len(),
        workforce: 0,
        alleviated: 0,
        monitored: 0,
        share: String::new(),
        wage_level: String::new(),
        review_date: app.review.review_date.trim().to_owned(),
        notice: notice_period(app),
        submitted_on: app.submission.submitted_on.trim().to_owned(),
        unreadable: String::new(),
    };
    let draft = match app.latest_draft() {
        Ok(d) => d,
        Err(e) => {
            out.unreadable = e.to_string();
            return out;
        }
    };
    let on = parse_date(&app.review.review_date).unwrap_or(today);
    let reading = Reading::of(&draft, on, today);
    let a = reading.current();
    let s = standing(app, a, calendar, today);
    out.stage = s.stage;
    out.next = s.next;
    out.app_verdict = Some(a.overall);
    out.workforce = a.total_workforce;
    for e in a
        .employees
        .iter()
        .filter(|e| e.registered && e.employed_on_assessment_date)
    {
        match draft.employee(e.key).map(|p| p.poverty_status) {
            Some(PovertyStatus::Monitored) => out.monitored += 1,
            _ => out.alleviated += 1,
        }
    }
    out.share = format_percent(out.alleviated + out.monitored, out.workforce);
    out.wage_level = wage_level(&draft).unwrap_or_default();
    out
}

fn notice_period(app: &Application) -> String {
    let (start, end) = (app.notice.start.trim(), app.notice.end.trim());
    if start.is_empty() && end.is_empty() {
        String::new()
    } else {
        format!("{start} 至 {end}")
    }
}

/// Every application's row, in the order received.
pub fn rows(workspace: &Workspace, calendar: &Calendar, today: NaiveDate) -> Vec<Row> {
    workspace
        .applications
        .iter()
        .map(|a| row(a, calendar, today))
        .collect()
}

/// What the list can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Number,
    Applicant,
    Received,
    Stage,
    /// The next date (applications without one last).
    Next,
}

/// Sorts the rows; ties keep their order.
pub fn sort(rows: &mut [Row], key: SortKey, descending: bool) {
    bangfu_model::order::sort_by(rows, |a, b| {
        let o = match key {
            SortKey::Number => a.number.cmp(&b.number),
            SortKey::Applicant => a.applicant.cmp(&b.applicant),
            SortKey::Received => parse_date(&a.received_on)
                .ok()
                .cmp(&parse_date(&b.received_on).ok()),
            SortKey::Stage => a.stage.cmp(&b.stage),
            SortKey::Next => {
                let date = |r: &Row| r.next.as_ref().map_or(NaiveDate::MAX, |n| n.date);
                date(a).cmp(&date(b))
            }
        };
        if descending {
            o.reverse()
        } else {
            o
        }
    });
}

/// Which rows to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub stage: Option<Stage>,
    /// Part of the number, the name or the USCC.
    pub text: String,
    pub overdue_only: bool,
}

impl Filter {
    /// Whether a row is shown.
    ///
    /// # Examples
    /// ```
    /// use bangfu_review::overview::Filter;
    /// let f = Filter { text: "合作社".into(), ..Filter::default() };
    /// assert!(f.text_matches("2026-001", "旺旺手工艺品合作社", ""));
    /// ```
    pub fn matches(&self, row: &Row) -> bool {
        self.stage.is_none_or(|s| s == row.stage)
            && (!self.overdue_only || row.next.as_ref().is_some_and(|n| n.overdue))
            && self.text_matches(&row.number, &row.applicant, &row.credit_code)
    }

    /// Whether the text filter finds the number, the name or the USCC (case-insensitive).
    pub fn text_matches(&self, number: &str, applicant: &str, credit_code: &str) -> bool {
        let t = self.text.trim().to_uppercase();
        t.is_empty()
            || [number, applicant, credit_code]
                .iter()
                .any(|s| s.to_uppercase().contains(&t))
    }
}

/// The export's columns and widths.
pub const XLSX_COLUMNS: [(&str, f64); 16] = [
    ("受理编号", 11.0),
    ("经营主体名称", 30.0),
    ("统一社会信用代码", 22.0),
    ("从业人员数量", 10.0),
    ("脱贫人口数", 9.0),
    ("监测对象数", 9.0),
    ("占比（脱贫人口含监测对象）", 12.0),
    ("月人均工资", 30.0),
    ("系统自评", 10.0),
    ("审查结论", 16.0),
    ("状态", 14.0),
    ("受理日期", 12.0),
    ("审查日期", 12.0),
    ("公示期", 24.0),
    ("报送旗县日期", 12.0),
    ("下一期限", 24.0),
];

/// The list as an XLSX workbook (as shown: sorted and filtered by the caller).
///
/// # Errors
/// [`ExportError`] when a value cannot be stored in XLSX.
pub fn to_xlsx(rows: &[Row], as_of: NaiveDate) -> Result<Vec<u8>, ExportError> {
    let cells: Vec<Vec<Cell>> = rows
        .iter()
        .map(|r| {
            let t = |s: &str| Cell::Text(s.to_owned());
            let next = r.next.as_ref().map_or(String::new(), |n| {
                let mut s = format!("{} {}", n.what, n.date);
                if n.overdue {
                    s.push_str("（已逾期）");
                }
                if !n.unverified.is_empty() {
                    s.push_str("（未核实）");
                }
                s
            });
            vec![
                t(&r.number),
                t(&r.applicant),
                t(&r.credit_code),
                Cell::Count(r.workforce),
                Cell::Count(r.alleviated),
                Cell::Count(r.monitored),
                t(&r.share),
                t(&r.wage_level),
                t(r.app_verdict.map_or("无法读取", Status::label)),
                t(if r.conclusion == Conclusion::Unspecified {
                    ""
                } else {
                    r.conclusion.label()
                }),
                t(r.stage.label()),
                t(&r.received_on),
                t(&r.review_date),
                t(&r.notice),
                t(&r.submitted_on),
                Cell::Text(next),
            ]
        })
        .collect();
    TitledSheet {
        sheet: "初审申请一览",
        title: "就业帮扶车间认定申请初审一览",
        note: &format!(
            "统计日期：{as_of}（《内蒙古自治区就业帮扶车间管理办法》第八条第（二）项、第十一条）"
        ),
        columns: &XLSX_COLUMNS,
        rows: &cells,
    }
    .to_xlsx()
}
