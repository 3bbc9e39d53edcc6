//! What the rules say: one [`Finding`] per criterion and one [`EmployeeFinding`] per person,
//! gathered in an [`Assessment`]. The UI, the PDF packet and the exports all render these values;
//! none of them recomputes a verdict.

use chrono::NaiveDate;
use serde::Serialize;

/// The verdict on one criterion, or overall.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Status {
    /// 符合
    Met,
    /// 不符合
    NotMet,
    /// 信息不完整: something needed to decide is missing or unreadable (see `Finding::missing`).
    Incomplete,
}

impl Status {
    /// `met`, `not-met` or `incomplete`: the value of the UI's `data-status` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::NotMet => "not-met",
            Status::Incomplete => "incomplete",
        }
    }

    /// 符合 / 不符合 / 信息不完整
    pub fn label(self) -> &'static str {
        match self {
            Status::Met => "符合",
            Status::NotMet => "不符合",
            Status::Incomplete => "信息不完整",
        }
    }

    /// Combines verdicts: any not met → not met; else any incomplete → incomplete; else met.
    pub fn all<I: IntoIterator<Item = Status>>(it: I) -> Status {
        let mut out = Status::Met;
        for s in it {
            match s {
                Status::NotMet => return Status::NotMet,
                Status::Incomplete => out = Status::Incomplete,
                Status::Met => {}
            }
        }
        out
    }
}

/// The criteria of 第六条 and 第七条, in the order the regulation lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
pub enum CriterionId {
    Art6,
    Art7_1,
    Art7_2,
    Art7_3,
    Art7_4,
    Art7_5,
}

impl CriterionId {
    pub const ALL: [CriterionId; 6] = [
        CriterionId::Art6,
        CriterionId::Art7_1,
        CriterionId::Art7_2,
        CriterionId::Art7_3,
        CriterionId::Art7_4,
        CriterionId::Art7_5,
    ];

    /// `art6`, `art7-1` … `art7-5`: the UI's `data-criterion` attribute.
    pub fn code(self) -> &'static str {
        match self {
            CriterionId::Art6 => "art6",
            CriterionId::Art7_1 => "art7-1",
            CriterionId::Art7_2 => "art7-2",
            CriterionId::Art7_3 => "art7-3",
            CriterionId::Art7_4 => "art7-4",
            CriterionId::Art7_5 => "art7-5",
        }
    }

    /// The citation, e.g. 第七条第（一）项. Each criterion's module owns it.
    pub fn citation(self) -> &'static str {
        match self {
            CriterionId::Art6 => crate::art6::CITATION,
            CriterionId::Art7_1 => crate::art7_1::CITATION,
            CriterionId::Art7_2 => crate::art7_2::CITATION,
            CriterionId::Art7_3 => crate::art7_3::CITATION,
            CriterionId::Art7_4 => crate::art7_4::CITATION,
            CriterionId::Art7_5 => crate::art7_5::CITATION,
        }
    }

    /// The item's number within 第七条, e.g. 第（三）项; the whole citation for 第六条. Used where
    /// the article is already named (per-person notes under 第七条).
    pub fn short_citation(self) -> &'static str {
        let c = self.citation();
        c.strip_prefix("第七条").unwrap_or(c)
    }

    /// A short Chinese title of what the criterion asks.
    pub fn title(self) -> &'static str {
        match self {
            CriterionId::Art6 => crate::art6::TITLE,
            CriterionId::Art7_1 => crate::art7_1::TITLE,
            CriterionId::Art7_2 => crate::art7_2::TITLE,
            CriterionId::Art7_3 => crate::art7_3::TITLE,
            CriterionId::Art7_4 => crate::art7_4::TITLE,
            CriterionId::Art7_5 => crate::art7_5::TITLE,
        }
    }

    /// The regulation's own words for the criterion (the one copy the UI and the PDF quote).
    pub fn text(self) -> &'static str {
        match self {
            CriterionId::Art6 => crate::art6::TEXT,
            CriterionId::Art7_1 => crate::art7_1::TEXT,
            CriterionId::Art7_2 => crate::art7_2::TEXT,
            CriterionId::Art7_3 => crate::art7_3::TEXT,
            CriterionId::Art7_4 => crate::art7_4::TEXT,
            CriterionId::Art7_5 => crate::art7_5::TEXT,
        }
    }
}

/// The verdict on one criterion with everything needed to explain it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub criterion: CriterionId,
    pub status: Status,
    /// One sentence saying why, in Chinese, e.g. "符合条件的脱贫人口 3 名，少于 5 名".
    pub summary: String,
    /// The actual value, e.g. "符合条件的脱贫人口 3 名（登记 4 名），务工总人数 40 人".
    pub actual: String,
    /// The required value, e.g. "5 名以上".
    pub required: String,
    /// What would change the verdict, naming the people it concerns first; empty when met.
    pub shortfall: String,
    /// What the criterion asks, in plain Chinese for the clerk (no article numbers, no formulas).
    pub explanation: String,
    /// Exactly how it was decided, with the legal basis, e.g. "按自然月计算（民法典第二百零二条）"
    /// (folded on screen, in the packet's appendix).
    pub method: String,
    /// Inputs that are missing or unreadable (for `Incomplete`), in Chinese, naming the field.
    pub missing: Vec<String>,
    /// Per-person notes for criteria about people (7(1): counted or not and why; 7(2)-(4): met or
    /// not and why), one per poverty-alleviated person; empty for 第六条 and 第七条第（五）项.
    /// Shared with the evaluations the assessor keeps: one keystroke makes one person's notes.
    pub people: Vec<std::sync::Arc<PersonNote>>,
}

/// One person's position on one criterion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PersonNote {
    /// `Employee::key` in the draft.
    pub key: u32,
    /// Shared with the person's other notes and findings (`Arc`): a keystroke's findings repeat
    /// everyone's names and reasons, mostly unchanged, and compare them by pointer first.
    pub name: std::sync::Arc<str>,
    pub status: Status,
    /// e.g. "张三：入职不满3个月，2026年12月14日满3个月".
    pub reason: std::sync::Arc<str>,
}

/// Where one person stands, in one line: the same words on the roster, on the results page and in
/// the packet. Decided once, by the rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Standing {
    /// `Met`: counted for 第七条第（一）项; `NotMet` / `Incomplete`: a poverty-alleviated person not
    /// counted (for a reason that must be corrected / because something is missing), or anyone
    /// employed unlawfully; `None`: other staff, about whom the criteria say nothing.
    pub status: Option<Status>,
    /// Counted in the total workforce (务工总人数).
    pub in_workforce: bool,
    /// e.g. 「计入：满足第（二）至（四）项」, 「暂不计入：第（四）项：未填写参保记录」,
    /// 「其他人员，计入务工总人数」, 「评估日不在职，不计入务工总人数」. Shared: a person's standing
    /// is worded once per change of their row, not once per keystroke anywhere in the roster.
    pub text: std::sync::Arc<str>,
}

impl Standing {
    /// `met`, `not-met`, `incomplete` or `other`: the UI's class and `data-standing`.
    pub fn code(&self) -> &'static str {
        self.status.map_or("other", Status::code)
    }
}

/// Everything the rules know about one employee.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EmployeeFinding {
    pub key: u32,
    /// The name as typed, or 「第3行（未填姓名）」 (shared, like [`PersonNote::name`]).
    pub name: std::sync::Arc<str>,
    /// Poverty status is 脱贫人口 or 监测对象, the ID number is valid and not a duplicate of an
    /// earlier row: counted as "registered".
    pub registered: bool,
    /// Registered and meets 7(2), 7(3) and 7(4) individually: counted as "qualifying" for 7(1).
    pub qualifies: bool,
    /// Employed on the assessment date (and lawfully: see 第七条第（五）项).
    pub employed_on_assessment_date: bool,
    /// The person's one-line standing, rendered everywhere the person is listed.
    pub standing: Standing,
    /// Per criterion (7(2), 7(3), 7(4)) status and reason; empty for people who are not poverty-
    /// alleviated (the criteria are about 脱贫人口).
    pub checks: std::sync::Arc<[(CriterionId, Status, std::sync::Arc<str>)]>,
    /// Problems with the person's own data (invalid ID, under 16 …), in Chinese.
    pub problems: Vec<String>,
    /// If this person does not qualify yet only because time has not passed: the date they will.
    pub qualifies_on: Option<NaiveDate>,
    /// Start of the employment that 7(2)-(4) were judged on (the continuous employment covering
    /// the assessment date, or the first seasonal day in the counting period).
    pub employed_since: Option<NaiveDate>,
    /// Whole calendar months of that employment up to the assessment date (花名册 "累计就业月数";
    /// for seasonal work: cumulative days ÷ 30, rounded down). The packet prints this figure.
    pub months_employed: Option<u32>,
    /// Cumulative days employed in the seasonal counting period (seasonal work only).
    pub seasonal_days: Option<u32>,
    /// Mean gross pay (fen) over the wage months of the review window with a readable amount
    /// (花名册 "月均工资"). The packet prints this figure.
    pub average_gross_fen: Option<i64>,
    /// The wage months of the review window, oldest first, each with the standard applied: the
    /// months 第七条第（三）项 judges for a poverty-alleviated person, and the same reckoning for
    /// everyone else (the packet's 工资发放明细表 prints each person's).
    /// Shared (not copied) with the evaluation kept for the next keystroke.
    pub wage_months: std::sync::Arc<[WageMonthCheck]>,
}

/// One wage month of one person as checked for 第七条第（三）项.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WageMonthCheck {
    /// First day of the wage month.
    pub month: NaiveDate,
    pub status: Status,
    /// The standard applied (its label, with 【旗县档次未核实】 where the county's tier is
    /// assumed), or why none could be applied.
    pub standard: String,
    /// The standard's name without that note (what the applicant's wage table prints); empty
    /// when none applies.
    pub standard_name: String,
    /// The amount the pay had to reach (fen): the monthly standard, pro rata for a partial month
    /// or for days attended, or hours × the hourly standard; `None` when it could not be computed.
    /// The packet's 对应最低工资标准 column prints this figure.
    pub required_fen: Option<i64>,
    /// The standard's full monthly amount (fen) before any pro rata, when a standard applies.
    pub monthly_fen: Option<i64>,
    /// How `required_fen` was reduced from the full standard, if it was.
    pub prorata: Prorata,
    /// 出勤天数 as read, in hundredths of a day.
    pub attendance: Option<i64>,
    /// 应发工资 as typed, in fen.
    pub gross_fen: Option<i64>,
    /// Calendar days employed in the month / days in the month.
    pub days_employed: u32,
    pub days_in_month: u32,
    /// The agreed pay day for this month's wages (in the following month).
    pub due: Option<NaiveDate>,
    pub paid: Option<NaiveDate>,
    /// Why, in Chinese, e.g. "2026年3月：应发 2,199.99 元，低于最低工资 2,200.00 元".
    pub reason: String,
}

/// How a month's minimum wage was reduced from the full monthly standard (第七条第（三）项).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub enum Prorata {
    /// The full monthly standard (or the hourly standard for part-time work).
    #[default]
    None,
    /// Employed only part of the month: calendar days employed ÷ days in the month.
    CalendarDays,
    /// Fewer days attended than the monthly 计薪天数: days attended ÷ 21.75.
    Attendance,
}

/// A message for one input field, shown next to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// Dotted path of the field, see [`crate::path`].
    pub path: String,
    pub message: String,
    /// True for a warning that does not block (e.g. a USCC registered outside Inner Mongolia).
    pub warning: bool,
}

/// The whole self-assessment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Assessment {
    /// The date assessed (the draft's, or today when it is empty or unreadable).
    pub date: NaiveDate,
    pub overall: Status,
    /// One finding per criterion, in [`CriterionId::ALL`] order.
    pub findings: Vec<Finding>,
    /// Each person's finding, in roster order; shared with the assessor's kept evaluation, so
    /// one keystroke rebuilds only the edited person's.
    pub employees: Vec<std::sync::Arc<EmployeeFinding>>,
    /// Poverty-alleviated (incl. monitored) people on the roster with a valid ID.
    pub registered: u32,
    /// Of those, the ones who individually meet 7(2)-(4).
    pub qualifying: u32,
    /// Everyone employed on the assessment date (务工总人数).
    pub total_workforce: u32,
    /// Qualifying people 7(1) requires for this workforce: 5, or ⌈10 % of the workforce⌉ when it
    /// is 50 or more.
    pub required_qualifying: u32,
    /// The earliest date on which every criterion would be met if nothing else changes, when that
    /// is only a matter of time; `None` when time alone will not do it or it is met already.
    pub earliest_qualifying_date: Option<NaiveDate>,
    /// Messages for individual fields.
    pub field_errors: Vec<std::sync::Arc<FieldError>>,
}

impl Assessment {
    /// The finding for one criterion.
    pub fn finding(&self, id: CriterionId) -> Option<&Finding> {
        self.findings.iter().find(|f| f.criterion == id)
    }

    /// Messages for one field path.
    pub fn errors_at<'a>(&'a self, path: &'a str) -> impl Iterator<Item = &'a FieldError> {
        self.field_errors
            .iter()
            .map(|e| &**e)
            .filter(move |e| e.path == path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_combination() {
        use Status::*;
        assert_eq!(Status::all([Met, Met]), Met);
        assert_eq!(Status::all([Met, Incomplete]), Incomplete);
        assert_eq!(Status::all([Incomplete, NotMet, Met]), NotMet);
        assert_eq!(Status::all([]), Met);
    }

    #[test]
    fn codes_match_the_ui_contract() {
        let codes: Vec<_> = CriterionId::ALL.iter().map(|c| c.code()).collect();
        assert_eq!(
            codes,
            ["art6", "art7-1", "art7-2", "art7-3", "art7-4", "art7-5"]
        );
        assert_eq!(Status::NotMet.code(), "not-met");
    }
}
