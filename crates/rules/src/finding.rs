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

    /// The citation, e.g. 第七条第（一）项.
    pub fn citation(self) -> &'static str {
        match self {
            CriterionId::Art6 => "第六条",
            CriterionId::Art7_1 => "第七条第（一）项",
            CriterionId::Art7_2 => "第七条第（二）项",
            CriterionId::Art7_3 => "第七条第（三）项",
            CriterionId::Art7_4 => "第七条第（四）项",
            CriterionId::Art7_5 => "第七条第（五）项",
        }
    }

    /// A short Chinese title of what the criterion asks.
    pub fn title(self) -> &'static str {
        match self {
            CriterionId::Art6 => "申请主体资格（依法注册、独立法人）",
            CriterionId::Art7_1 => "吸纳脱贫人口就业人数及比例",
            CriterionId::Art7_2 => "签订劳务协议且稳定就业3个月以上",
            CriterionId::Art7_3 => "工资不低于最低工资标准并按时足额发放",
            CriterionId::Art7_4 => "为脱贫人口缴纳工伤保险或人身意外伤害保险",
            CriterionId::Art7_5 => "固定场所、生产经营稳定、制度健全、无违法污染有害经营",
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
    /// What would change the verdict, e.g. "还需 2 名符合条件的脱贫人口"; empty when met.
    pub shortfall: String,
    /// How it was decided, e.g. "按自然月计算（民法典第二百零二条）".
    pub method: String,
    /// Inputs that are missing or unreadable (for `Incomplete`), in Chinese, naming the field.
    pub missing: Vec<String>,
    /// Per-person notes for criteria about people (7(1): counted or not and why; 7(2)-(4): met or
    /// not and why), one per poverty-alleviated person; empty for 第六条 and 第七条第（五）项.
    pub people: Vec<PersonNote>,
}

/// One person's position on one criterion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PersonNote {
    /// `Employee::key` in the draft.
    pub key: u32,
    pub name: String,
    pub status: Status,
    /// e.g. "张三：入职不满3个月，2026-12-14 满3个月".
    pub reason: String,
}

/// Everything the rules know about one employee.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EmployeeFinding {
    pub key: u32,
    pub name: String,
    /// Poverty status is 脱贫人口 or 监测对象, the ID number is valid and not a duplicate of an
    /// earlier row: counted as "registered".
    pub registered: bool,
    /// Registered and meets 7(2), 7(3) and 7(4) individually: counted as "qualifying" for 7(1).
    pub qualifies: bool,
    /// Employed on the assessment date: counted in the total workforce.
    pub employed_on_assessment_date: bool,
    /// Per criterion (7(2), 7(3), 7(4)) status and reason; empty for people who are not poverty-
    /// alleviated (the criteria are about 脱贫人口).
    pub checks: Vec<(CriterionId, Status, String)>,
    /// Problems with the person's own data (invalid ID, under 16 …), in Chinese.
    pub problems: Vec<String>,
    /// If this person does not qualify yet only because time has not passed: the date they will.
    pub qualifies_on: Option<NaiveDate>,
    /// Start of the employment that 7(2)-(4) were judged on (the continuous employment covering
    /// the assessment date, or the first seasonal day in the counting period).
    pub employed_since: Option<NaiveDate>,
    /// Whole calendar months of that employment up to the assessment date (花名册 "累计就业月数";
    /// for seasonal work: cumulative days ÷ 30, rounded down).
    pub months_employed: Option<u32>,
    /// Cumulative days employed in the seasonal counting period (seasonal work only).
    pub seasonal_days: Option<u32>,
    /// Mean gross pay (fen) over the wage months checked for 7(3) that have a readable amount.
    pub average_gross_fen: Option<i64>,
    /// The wage months checked for 7(3), oldest first, each with the standard applied.
    pub wage_months: Vec<WageMonthCheck>,
}

/// One wage month of one person as checked for 第七条第（三）项.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WageMonthCheck {
    /// First day of the wage month.
    pub month: NaiveDate,
    pub status: Status,
    /// The standard applied (its label), or why none could be applied.
    pub standard: String,
    /// The amount the pay had to reach (fen): the monthly standard, pro rata for a partial month,
    /// or hours × the hourly standard; `None` when it could not be computed.
    pub required_fen: Option<i64>,
    /// 应发工资 as typed, in fen.
    pub gross_fen: Option<i64>,
    /// Calendar days employed in the month / days in the month.
    pub days_employed: u32,
    pub days_in_month: u32,
    /// The agreed pay day for this month's wages (in the following month).
    pub due: Option<NaiveDate>,
    pub paid: Option<NaiveDate>,
    /// Why, in Chinese, e.g. "2026-03：应发 2,199.99 元，低于最低工资 2,200.00 元".
    pub reason: String,
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
    pub employees: Vec<EmployeeFinding>,
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
    pub field_errors: Vec<FieldError>,
}

impl Assessment {
    /// The finding for one criterion.
    pub fn finding(&self, id: CriterionId) -> Option<&Finding> {
        self.findings.iter().find(|f| f.criterion == id)
    }

    /// Messages for one field path.
    pub fn errors_at<'a>(&'a self, path: &'a str) -> impl Iterator<Item = &'a FieldError> {
        self.field_errors.iter().filter(move |e| e.path == path)
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
