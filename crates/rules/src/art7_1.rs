//! 第七条第（一）项: "吸纳脱贫人口就业人数5名以上；用工50人（含）以上的，吸纳脱贫人口就业人数须占
//! 务工总人数的10%以上。"
//!
//! This module also owns the roster as a whole ([`Roster`]): once every person has been judged on
//! their own ([`crate::evaluate`]), it finds repeated ID numbers, decides who is registered, who
//! counts and who is in the total workforce, each person's one-line [`Standing`], and the counts.
//!
//! - "以上" includes the number (民法典第一千二百五十九条): 5 or more; 10 % or more.
//! - Counted: the qualifying people, i.e. poverty-alleviated (含监测对象) with a valid ID who
//!   individually meet 第（二）、（三）、（四）项. The registered count (valid ID, any compliance)
//!   is shown beside it.
//! - Total workforce (务工总人数): everyone on the roster employed on the assessment date, whatever
//!   their status or ID; plus any qualifying seasonal worker who is off-season on that date, so
//!   that nobody is in the numerator without being in the denominator. Not counted anywhere: a
//!   second row with the same ID number, and anyone employed under 16 (第（五）项: unlawful).
//! - Ratio in integers: `10 × qualifying ≥ total` when total ≥ 50 (50 need 5, 51 need 6, 120
//!   need 12). No floating point.
//! - When short, the shortfall names the people already on the roster who are closest to
//!   counting and what each still lacks (a date where time alone does it), and only then how many
//!   new poverty-alleviated hires it would take (a new hire also raises the total: the smallest
//!   k with 10 × (q + k) ≥ total + k).

use crate::calendar::cn;
use crate::evaluate::{Checks, PersonEval};
use crate::finding::{
    CriterionId, EmployeeFinding, FieldError, Finding, PersonNote, Standing, Status,
};
use crate::input;
use crate::people::{said, Row};
use crate::validate::IdError;
use crate::whatif::Outlook;
use bangfu_model::PovertyStatus;
use chrono::NaiveDate;
use std::borrow::Cow;
use std::sync::Arc;

pub const CITATION: &str = "第七条第（一）项";
pub const TITLE: &str = "吸纳脱贫人口就业人数及比例";
pub const TEXT: &str = "吸纳脱贫人口就业人数5名以上；用工50人（含）以上的，吸纳脱贫人口就业人数须占务工总人数的10%以上。";

/// The workforce from which the 10 % share applies.
pub const RATIO_FROM_WORKFORCE: u32 = 50;
/// The minimum number of poverty-alleviated employees.
pub const MINIMUM_PEOPLE: u32 = 5;
/// How many of the people closest to counting a shortfall names at most.
const CLOSEST_NAMED: usize = 10;

/// The number of qualifying people a workforce of `total` requires.
///
/// ```
/// use bangfu_rules::art7_1::required;
/// assert_eq!((required(49), required(50), required(51), required(120)), (5, 5, 6, 12));
/// ```
pub fn required(total: u32) -> u32 {
    if total >= RATIO_FROM_WORKFORCE {
        // ⌈total / 10⌉, i.e. the smallest q with 10 × q ≥ total.
        MINIMUM_PEOPLE.max(total.div_ceil(10))
    } else {
        MINIMUM_PEOPLE
    }
}

/// Whether `qualifying` out of `total` meets the item, in integers.
///
/// ```
/// use bangfu_rules::art7_1::is_met;
/// assert!(is_met(5, 50) && !is_met(5, 51) && is_met(6, 51));
/// ```
pub fn is_met(qualifying: u32, total: u32) -> bool {
    qualifying >= MINIMUM_PEOPLE
        && (total < RATIO_FROM_WORKFORCE || 10 * u64::from(qualifying) >= u64::from(total))
}

/// New poverty-alleviated hires (who would also qualify) needed to meet the item.
///
/// ```
/// use bangfu_rules::art7_1::new_hires_needed;
/// assert_eq!(new_hires_needed(5, 60), 2); // 6 of 61 is short, 7 of 62 is enough
/// ```
pub fn new_hires_needed(qualifying: u32, total: u32) -> u32 {
    let mut k = 0u32;
    while !is_met(qualifying + k, total + k) && k < 100_000 {
        k += 1;
    }
    k
}

/// The counts behind the finding.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Counts {
    pub registered: u32,
    pub qualifying: u32,
    pub total: u32,
    /// Registered-or-fixable people whose data is incomplete and might qualify once completed.
    pub open: u32,
    /// Qualifying seasonal workers off-season on the assessment date (added to the total).
    pub off_season: u32,
    /// People whose employment dates cannot be read (not in the total).
    pub unknown_employment: u32,
    pub roster_empty: bool,
}

/// The whole roster after every person was judged on their own.
pub(crate) struct Roster<'a> {
    evals: &'a [&'a PersonEval],
    duplicate_of: Vec<Option<String>>,
    registered: Vec<bool>,
    qualifies: Vec<bool>,
    pub counts: Counts,
    /// What the rules say about each person (their finding, with its standing, and their note),
    /// gathered once: the finding's notes and the per-person findings both use it.
    said: std::cell::OnceCell<Vec<Cow<'a, Said>>>,
}

impl<'a> Roster<'a> {
    /// Finds repeated ID numbers (with a message at each repeated row) and counts.
    pub fn new(evals: &'a [&'a PersonEval], errors: &mut Vec<FieldError>) -> Roster<'a> {
        let duplicate_of = input::duplicate_ids(
            evals.iter().map(|e| (e.key, &*e.label, e.id_packed)),
            errors,
        );
        let mut registered = Vec::with_capacity(evals.len());
        let mut qualifies = Vec::with_capacity(evals.len());
        let mut c = Counts {
            roster_empty: evals.is_empty(),
            ..Counts::default()
        };
        for (e, dup) in evals.iter().zip(&duplicate_of) {
            let lawful = e.child_labour.is_none() && dup.is_none();
            let reg = is_registered(e, dup.as_deref());
            let q = is_counted(e, dup.as_deref());
            registered.push(reg);
            qualifies.push(q);
            c.registered += u32::from(reg);
            c.qualifying += u32::from(q);
            if lawful && e.employed {
                c.total += 1;
            } else if q {
                c.off_season += 1;
                c.total += 1;
            } else if lawful && e.unknown_employment {
                c.unknown_employment += 1;
            }
            if lawful && !q && is_open(e) {
                c.open += 1;
            }
        }
        Roster {
            evals,
            duplicate_of,
            registered,
            qualifies,
            counts: c,
            said: std::cell::OnceCell::new(),
        }
    }

    /// The rows of one people criterion (第七条第（二）、（三）或（四）项): every
    /// poverty-alleviated person judged on it, with their note on it.
    pub fn rows(&self, criterion: CriterionId) -> Vec<Row<'_>> {
        let said = self.said();
        let mut rows = Vec::with_capacity(self.evals.len());
        rows.extend(self.evals.iter().enumerate().filter_map(|(i, e)| {
            let (n, (_, check)) = e
                .checks
                .as_ref()?
                .each()
                .into_iter()
                .enumerate()
                .find(|(_, (id, _))| *id == criterion)?;
            Some(Row {
                key: e.key,
                label: &e.label,
                registered: self.registered[i],
                duplicate_of: self.duplicate_of[i].as_deref(),
                check,
                note: said[i].notes.get(n),
            })
        }));
        rows
    }

    /// Each person employed under 16, by name, with why (for 第（五）项).
    pub fn child_labour(&self) -> Vec<(String, String)> {
        self.evals
            .iter()
            .filter_map(|e| {
                e.child_labour
                    .as_ref()
                    .map(|c| (e.label.to_string(), c.reason.clone()))
            })
            .collect()
    }

    /// When a registered person who does not count yet will, by time alone.
    fn qualifies_on(&self, i: usize) -> Option<NaiveDate> {
        qualifies_on(self.evals[i], self.duplicate_of[i].as_deref())
    }

    /// The dated events that would change the counts, for the what-if.
    pub fn outlook(&self) -> Outlook {
        let mut o = Outlook::default();
        for (i, e) in self.evals.iter().enumerate() {
            if e.child_labour.is_some() || self.duplicate_of[i].is_some() {
                continue;
            }
            if let Some(d) = self.qualifies_on(i) {
                o.pending.push(d);
            }
            if e.employed {
                if let Some(last) = e.leaving {
                    o.leaving.push(last);
                    if self.qualifies[i] {
                        o.leaving_qualifying.push(last);
                    }
                }
            } else if !self.qualifies[i] {
                if let Some(next) = e.joining {
                    o.joining.push(next);
                }
            }
        }
        o
    }

    /// What the rules say about everyone, in roster order (gathered on first use).
    fn said(&self) -> &[Cow<'a, Said>] {
        self.said
            .get_or_init(|| (0..self.evals.len()).map(|i| self.say(i)).collect())
    }

    /// What the rules say about one person: worded once per evaluation
    /// ([`crate::evaluate::Worded`]) unless another row repeats their ID number.
    fn say(&self, i: usize) -> Cow<'a, Said> {
        let e: &'a PersonEval = self.evals[i];
        match self.duplicate_of[i].as_deref() {
            Some(other) if e.child_labour.is_none() => Cow::Owned(Said::of(e, Some(other))),
            _ => Cow::Borrowed(e.worded.0.get_or_init(|| Said::of(e, None))),
        }
    }

    /// The people not counting yet, closest first, each with what they still lack.
    fn closest(&self) -> Vec<String> {
        let mut out: Vec<((u8, usize, NaiveDate), String)> = Vec::new();
        for (i, e) in self.evals.iter().enumerate() {
            let Some(checks) = &e.checks else { continue };
            if self.qualifies[i] || self.duplicate_of[i].is_some() {
                continue;
            }
            if let Some(d) = self.qualifies_on(i) {
                out.push(((0, 0, d), format!("{}：{}满3个月", e.label, cn(d))));
                continue;
            }
            let mut lacks: Vec<String> = Vec::new();
            if let Some(err) = &e.id_error {
                lacks.push(id_problem(err));
            }
            let mut failing = 0;
            for (_, c) in checks.each() {
                if c.status != Status::Met {
                    failing += usize::from(c.status == Status::NotMet);
                    lacks.push(c.lacks());
                }
            }
            let rank = (1, lacks.len() + failing, NaiveDate::MAX);
            out.push((rank, said(&e.label, &lacks.join("；"))));
        }
        bangfu_model::order::sort_by_key(&mut out, |a| a.0);
        out.into_iter().map(|(_, s)| s).collect()
    }

    /// What 第（一）项 still needs to know: per person, what is missing.
    fn missing(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (i, e) in self.evals.iter().enumerate() {
            if e.child_labour.is_some() || self.duplicate_of[i].is_some() {
                continue;
            }
            let say = |what: &str| said(&e.label, what);
            if e.status == PovertyStatus::Unspecified && e.employed {
                out.push(say("人员类别（未选择：脱贫人口、监测对象或其他）"));
            }
            if e.unknown_employment && e.checks.is_none() {
                out.push(say(
                    "协议起始日期（无法确定评估日是否在职，未计入务工总人数）",
                ));
            }
            let Some(checks) = &e.checks else { continue };
            if self.qualifies[i] || !is_open(e) {
                continue;
            }
            for (_, c) in checks.each() {
                out.extend(c.missing.iter().map(|m| say(m)));
            }
            match &e.id_error {
                Some(IdError::Empty) => out.push(say("身份证号码（未填写）")),
                Some(err) => out.push(say(&format!("身份证号码（{err}）"))),
                None => {}
            }
        }
        out
    }

    /// The per-person notes of the finding: each poverty-alleviated person, counted or not.
    fn notes(&self) -> Vec<Arc<PersonNote>> {
        (0..self.evals.len())
            .filter(|&i| self.evals[i].checks.is_some())
            .map(|i| self.said()[i].art7_1.clone())
            .collect()
    }

    /// What the rules say about each person, in roster order.
    /// The last use of the roster: each person's finding moves out of it.
    pub fn employee_findings(mut self) -> Vec<Arc<EmployeeFinding>> {
        self.said();
        let said = self.said.take().unwrap_or_default();
        said.into_iter()
            .map(|s| match s {
                Cow::Borrowed(s) => s.finding.clone(),
                Cow::Owned(s) => s.finding,
            })
            .collect()
    }
}

/// What the rules say about one person: their finding (with their standing), their note for
/// 第七条第（一）项 (「name：standing」) and, when poverty-alleviated, their notes for 第（二）、
/// （三）、（四）项 in that order. Shared by every assessment while their row, and whether another
/// row repeats their ID number, do not change.
#[derive(Clone, Debug)]
pub(crate) struct Said {
    pub finding: Arc<EmployeeFinding>,
    pub art7_1: Arc<PersonNote>,
    pub notes: Vec<Arc<PersonNote>>,
}

impl Said {
    /// What the rules say about `e`, given the earlier row (if any) with the same ID number.
    fn of(e: &PersonEval, duplicate_of: Option<&str>) -> Said {
        let standing = word(e, duplicate_of);
        let art7_1 = Arc::new(PersonNote {
            key: e.key,
            name: e.label.clone(),
            status: standing.status.unwrap_or(Status::Incomplete),
            reason: said(&e.label, &standing.text).into(),
        });
        let registered = is_registered(e, duplicate_of);
        let notes = e.checks.as_ref().map_or_else(Vec::new, |checks| {
            checks
                .each()
                .iter()
                .map(|(_, check)| {
                    Arc::new(crate::people::note(&Row {
                        key: e.key,
                        label: &e.label,
                        registered,
                        duplicate_of,
                        check,
                        note: None,
                    }))
                })
                .collect()
        });
        let finding = EmployeeFinding {
            key: e.key,
            name: e.label.clone(),
            registered,
            qualifies: is_counted(e, duplicate_of),
            employed_on_assessment_date: e.employed && e.child_labour.is_none(),
            standing,
            checks: e.check_list.clone(),
            problems: e.problems(duplicate_of),
            qualifies_on: qualifies_on(e, duplicate_of),
            employed_since: e.employed_since,
            months_employed: e.months_employed,
            seasonal_days: e.seasonal_days,
            average_gross_fen: e.average_gross_fen,
            wage_months: e.wage_months.clone(),
        };
        Said {
            finding: Arc::new(finding),
            art7_1,
            notes,
        }
    }
}

/// Registered (登记): poverty-alleviated with a valid ID number, lawfully employed (not under 16)
/// and not a repeat of another row.
fn is_registered(e: &PersonEval, duplicate_of: Option<&str>) -> bool {
    e.child_labour.is_none()
        && duplicate_of.is_none()
        && e.is_poverty_alleviated()
        && e.id.is_some()
}

/// Counted for this item: registered and meeting 第（二）至（四）项.
fn is_counted(e: &PersonEval, duplicate_of: Option<&str>) -> bool {
    is_registered(e, duplicate_of) && e.checks.as_ref().is_some_and(Checks::all_met)
}

/// When a registered person not counted yet will count by time alone.
fn qualifies_on(e: &PersonEval, duplicate_of: Option<&str>) -> Option<NaiveDate> {
    if !is_registered(e, duplicate_of) || is_counted(e, duplicate_of) {
        return None;
    }
    e.checks.as_ref().and_then(|c| c.qualifies_on)
}

/// One person's one-line standing, given whether another row repeats their ID number.
fn word(e: &PersonEval, duplicate_of: Option<&str>) -> Standing {
    if let Some(c) = &e.child_labour {
        return Standing {
            status: Some(Status::NotMet),
            in_workforce: false,
            text: format!("不计入任何人数：{}", c.reason).into(),
        };
    }
    if let Some(other) = duplicate_of {
        return Standing {
            status: Some(Status::NotMet),
            in_workforce: false,
            text: format!("不计入：身份证号码与“{other}”重复，同一人只计一次").into(),
        };
    }
    if let Some(checks) = &e.checks {
        if is_counted(e, duplicate_of) {
            let mut text = "计入：满足第（二）至（四）项".to_owned();
            if !e.employed {
                text.push_str("（评估日为季节性不在岗期，仍计入务工总人数）");
            }
            return Standing {
                status: Some(Status::Met),
                in_workforce: true,
                text: text.into(),
            };
        }
        let failing = checks.status() == Status::NotMet;
        let mut why: Vec<String> = Vec::new();
        if let Some(err) = &e.id_error {
            why.push(id_problem(err));
        }
        why.extend(
            checks
                .each()
                .iter()
                .filter(|(_, c)| c.status != Status::Met)
                .map(|(id, c)| format!("{}：{}", id.short_citation(), c.lacks())),
        );
        let on = qualifies_on(e, duplicate_of);
        let prefix = if failing && on.is_none() {
            "不计入"
        } else {
            "暂不计入"
        };
        let mut text = format!("{prefix}：{}", why.join("；"));
        if let Some(d) = on {
            text.push_str(&format!("（如无其他变化，{}起可计入）", cn(d)));
        }
        return Standing {
            status: Some(if failing {
                Status::NotMet
            } else {
                Status::Incomplete
            }),
            in_workforce: e.employed,
            text: text.into(),
        };
    }
    let (status, text) = match (e.status, e.employed, e.unknown_employment) {
        (PovertyStatus::Unspecified, true, _) => (
            Some(Status::Incomplete),
            "未选择人员类别（已计入务工总人数）".to_owned(),
        ),
        (PovertyStatus::Unspecified, false, _) => {
            (Some(Status::Incomplete), "未选择人员类别".to_owned())
        }
        (_, true, _) => (None, "其他人员，计入务工总人数".to_owned()),
        (_, false, true) => (
            Some(Status::Incomplete),
            "用工期间无法识别，未计入务工总人数".to_owned(),
        ),
        (_, false, false) => (None, "评估日不在职，不计入务工总人数".to_owned()),
    };
    Standing {
        status,
        in_workforce: e.employed,
        text: text.into(),
    }
}

/// Incomplete rather than failed: poverty-alleviated with nothing failing for good (an invalid
/// ID, or a check still missing something), or not yet said whether poverty-alleviated.
fn is_open(e: &PersonEval) -> bool {
    match &e.checks {
        Some(c) => {
            let status = c.status();
            status == Status::Incomplete || (status == Status::Met && e.id.is_none())
        }
        None => e.status == PovertyStatus::Unspecified && e.employed,
    }
}

/// 「身份证号码校验位不符…，请核对」 for a shortfall or a standing.
fn id_problem(err: &IdError) -> String {
    match err {
        IdError::Empty => "身份证号码未填写".into(),
        other => other.to_string(),
    }
}

/// The finding of 第七条第（一）项; `earliest` is the what-if date.
pub(crate) fn finding(roster: &Roster<'_>, earliest: Option<NaiveDate>) -> Finding {
    let c = roster.counts;
    let need = required(c.total);
    let met = is_met(c.qualifying, c.total);
    let mut status = if c.roster_empty {
        Status::Incomplete
    } else if met {
        Status::Met
    } else if is_met(c.qualifying + c.open, c.total) {
        Status::Incomplete
    } else {
        Status::NotMet
    };
    let mut actual = format!(
        "符合条件的脱贫人口 {} 名（登记 {} 名），务工总人数 {} 人",
        c.qualifying, c.registered, c.total
    );
    if c.off_season > 0 {
        actual.push_str(&format!("（含不在岗期的季节性人员 {} 人）", c.off_season));
    }
    if c.total >= RATIO_FROM_WORKFORCE {
        actual.push_str(&format!(
            "；10 × {} = {} {} {}",
            c.qualifying,
            10 * c.qualifying,
            if 10 * c.qualifying >= c.total {
                "≥"
            } else {
                "<"
            },
            c.total
        ));
    }
    let required_text = if c.total >= RATIO_FROM_WORKFORCE {
        format!(
            "5 名以上，且不低于务工总人数的10%（{} 人需 {need} 名）",
            c.total
        )
    } else {
        "5 名以上（务工总人数不足50人，不要求比例）".to_owned()
    };
    let more = need.saturating_sub(c.qualifying).max(1);
    let mut shortfall = String::new();
    if status != Status::Met && !c.roster_empty {
        shortfall = format!("还需 {more} 名符合条件的脱贫人口");
        let closest = roster.closest();
        let named: Vec<&String> = closest
            .iter()
            .take((more as usize).min(CLOSEST_NAMED))
            .collect();
        let hires = new_hires_needed(c.qualifying, c.total);
        let note = |k: u32| {
            if k != more {
                "（新员工也计入务工总人数）"
            } else {
                ""
            }
        };
        if named.is_empty() {
            shortfall.push_str(&format!("：需新招 {hires} 名脱贫人口{}", note(hires)));
        } else {
            let list: Vec<&str> = named.iter().map(|s| s.as_str()).collect();
            shortfall.push_str(&format!("。最接近的：{}", list.join("；")));
            if named.len() as u32 >= more {
                shortfall.push_str(&format!("。或新招 {hires} 名脱贫人口{}", note(hires)));
            } else {
                let rest = new_hires_needed(c.qualifying + named.len() as u32, c.total);
                shortfall.push_str(&format!("；另需新招 {rest} 名脱贫人口"));
            }
        }
        if let Some(d) = earliest {
            shortfall.push_str(&format!("；如其他情况不变，预计{}起符合", cn(d)));
        }
    }
    let mut summary = match status {
        Status::Met => format!(
            "符合条件的脱贫人口 {} 名，达到所需的 {need} 名",
            c.qualifying
        ),
        Status::NotMet => format!(
            "符合条件的脱贫人口 {} 名，少于所需的 {need} 名",
            c.qualifying
        ),
        Status::Incomplete if c.roster_empty => "尚未填写员工花名册".into(),
        Status::Incomplete => format!(
            "符合条件的脱贫人口目前 {} 名，所需 {need} 名；另有 {} 名信息不完整，补全后再判断",
            c.qualifying, c.open
        ),
    };
    if status == Status::Met
        && c.unknown_employment > 0
        && !is_met(c.qualifying, c.total + c.unknown_employment)
    {
        status = Status::Incomplete;
        summary.push_str("；但有人员用工期间无法识别，计入后比例可能不足");
    }
    let mut missing = roster.missing();
    if c.roster_empty {
        missing.insert(0, "员工花名册（尚未填写任何人员）".into());
    }
    Finding {
        criterion: CriterionId::Art7_1,
        status,
        summary,
        actual,
        required: required_text,
        shortfall,
        explanation: "车间至少要有5名符合条件的脱贫人口（含监测对象）；员工总数在50人以上的，符合条件的脱贫人口还要占员工总数的十分之一以上。符合条件，是指签了合同或协议、干满3个月、工资不低于最低工资并按时发放、上了工伤或意外保险。".into(),
        method: "符合条件 = 脱贫人口（含监测对象）、身份证号码有效且不重复，并且本人满足第（二）至（四）项；登记人数另行列出。务工总人数 = 评估日在职的全部人员（不论人员类别），另加计入本项但评估日不在岗期的季节性人员；同一身份证号码的重复行、未满16周岁时在职的人员（第（五）项）不计入任何人数。“以上”含本数（民法典第一千二百五十九条）；比例用整数比较：10 × 符合条件人数 ≥ 务工总人数".into(),
        missing,
        people: roster.notes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn art7_1_required_counts_at_the_boundaries() {
        let cases = [
            (0, 5),
            (10, 5),
            (49, 5),
            (50, 5),
            (51, 6),
            (59, 6),
            (60, 6),
            (61, 7),
            (120, 12),
            (121, 13),
        ];
        for (total, need) in cases {
            assert_eq!(required(total), need, "{total}");
        }
    }

    #[test]
    fn art7_1_is_met_table() {
        let cases = [
            (4, 10, false),
            (5, 10, true),
            (5, 49, true),
            (5, 50, true),
            (5, 51, false),
            (6, 51, true),
            (11, 120, false),
            (12, 120, true),
        ];
        for (q, total, want) in cases {
            assert_eq!(is_met(q, total), want, "{q}/{total}");
        }
    }

    #[test]
    fn art7_1_new_hires_also_raise_the_total() {
        // 60 staff, 5 qualifying: one more among current staff (6 of 60), but two new hires
        // (6 of 61 is short; 7 of 62 is enough).
        assert_eq!(required(60) - 5, 1);
        assert_eq!(new_hires_needed(5, 60), 2);
        assert_eq!(new_hires_needed(4, 10), 1);
        assert_eq!(new_hires_needed(5, 10), 0);
    }
}

#[cfg(test)]
mod assess_tests {
    use crate::testkit::*;
    use crate::{CriterionId, Status};
    use bangfu_model::PovertyStatus;

    #[test]
    fn art7_1_staff_and_alleviated_boundaries() {
        use Status::*;
        let cases = [
            (10, 4, NotMet, "还需 1 名"),
            (10, 5, Met, ""),
            (49, 5, Met, ""),
            (50, 5, Met, ""),
            (51, 5, NotMet, "还需 1 名"),
            (120, 11, NotMet, "还需 1 名"),
            (120, 12, Met, ""),
        ];
        for (total, alleviated, want, shortfall) in cases {
            let a = run(&workshop(total, alleviated));
            let f = a.finding(CriterionId::Art7_1).unwrap();
            assert_eq!(
                f.status, want,
                "{alleviated}/{total}: {} {:?}",
                f.summary, f.missing
            );
            assert_eq!(
                (a.total_workforce, a.qualifying, a.registered),
                (total as u32, alleviated as u32, alleviated as u32)
            );
            assert!(
                f.shortfall.contains(shortfall),
                "{alleviated}/{total}: {}",
                f.shortfall
            );
            assert_eq!(a.overall, want, "{alleviated}/{total}");
        }
    }

    #[test]
    fn art7_1_new_hires_needed_are_spelled_out_when_they_differ() {
        let f = finding(&workshop(120, 11), CriterionId::Art7_1);
        assert!(f.shortfall.contains("需新招 2 名"), "{}", f.shortfall);
        assert!(f.actual.contains("10 × 11 = 110 < 120"), "{}", f.actual);
    }

    #[test]
    fn art7_1_monitored_person_counts() {
        let mut draft = workshop(10, 5);
        draft.employees[0].poverty_status = PovertyStatus::Monitored;
        let a = run(&draft);
        assert_eq!(a.finding(CriterionId::Art7_1).unwrap().status, Status::Met);
        assert_eq!(a.qualifying, 5);
        assert!(a.employees[0].qualifies);
    }

    #[test]
    fn art7_1_person_with_bad_id_checksum_is_flagged_not_counted() {
        let mut draft = workshop(10, 5);
        let id = &mut draft.employees[2].id_number;
        let last = if id.ends_with('1') { '2' } else { '1' };
        id.pop();
        id.push(last);
        let a = run(&draft);
        let f = a.finding(CriterionId::Art7_1).unwrap();
        assert_eq!((a.registered, a.qualifying), (4, 4));
        // Fixable: incomplete, naming the field, not silently "not met".
        assert_eq!(f.status, Status::Incomplete, "{}", f.summary);
        assert!(
            f.missing.iter().any(|m| m.contains("身份证号码")),
            "{:?}",
            f.missing
        );
        let key = draft.employees[2].key;
        let e = a.employees.iter().find(|e| e.key == key).unwrap();
        assert!(!e.registered && !e.qualifies);
        assert!(
            e.problems.iter().any(|p| p.contains("校验位")),
            "{:?}",
            e.problems
        );
        assert_eq!(
            a.errors_at(&crate::path::employee(key, "id_number"))
                .count(),
            1
        );
        // Still on the roster and in the total workforce.
        assert_eq!(a.total_workforce, 10);
    }

    #[test]
    fn art7_1_removing_one_employee_needs_one_more() {
        let mut draft = workshop(8, 5);
        assert_eq!(run(&draft).overall, Status::Met);
        draft.employees.remove(0);
        let f = finding(&draft, CriterionId::Art7_1);
        assert_eq!(f.status, Status::NotMet);
        assert!(f.shortfall.starts_with("还需 1 名"), "{}", f.shortfall);
        assert!(f.people.iter().all(|p| p.status == Status::Met));
    }

    #[test]
    fn art7_1_people_not_counted_say_why() {
        let mut draft = workshop(10, 5);
        draft.employees[1].insurance.clear();
        let f = finding(&draft, CriterionId::Art7_1);
        let note = f
            .people
            .iter()
            .find(|p| p.key == draft.employees[1].key)
            .unwrap();
        assert_eq!(note.status, Status::Incomplete);
        assert!(
            note.reason.contains("不计入") && note.reason.contains("第（四）项"),
            "{}",
            note.reason
        );
    }
}
