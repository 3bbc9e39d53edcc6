//! What 第七条第（二）、（三）、（四）项 share: a per-person [`Check`], and the finding of a criterion
//! that is judged person by person.
//!
//! Interpretation (shown in each `method`): these items describe the poverty-alleviated people a
//! workshop employs. A person who does not meet one of them is not counted for 第（一）项; the item
//! itself is met when enough registered people meet it to reach the number 第（一）项 requires
//! (5, or 10 % of a workforce of 50 or more). Every person who falls short is listed with why.

use crate::finding::{CriterionId, Finding, PersonNote, Status};
use crate::input::person::Person;
use chrono::NaiveDate;

/// One person's result on one criterion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Check {
    pub status: Status,
    /// Why, without the person's name.
    pub reason: String,
    /// Missing or unreadable inputs, without the person's name.
    pub missing: Vec<String>,
    /// When not met only because time has not passed: the date it will be met.
    pub met_on: Option<NaiveDate>,
}

impl Check {
    pub fn met(reason: impl Into<String>) -> Check {
        Check {
            status: Status::Met,
            reason: reason.into(),
            missing: vec![],
            met_on: None,
        }
    }
    pub fn not_met(reason: impl Into<String>) -> Check {
        Check {
            status: Status::NotMet,
            reason: reason.into(),
            missing: vec![],
            met_on: None,
        }
    }
    pub fn incomplete(reason: impl Into<String>, missing: Vec<String>) -> Check {
        Check {
            status: Status::Incomplete,
            reason: reason.into(),
            missing,
            met_on: None,
        }
    }
}

/// What differs between the three people criteria.
pub(crate) struct Wording {
    pub criterion: CriterionId,
    /// What the criterion requires of one person, e.g. "签订劳务协议且稳定就业3个月以上".
    pub requirement: &'static str,
    pub method: String,
    /// Criterion-level missing inputs (e.g. the pay day), listed before the people's.
    pub missing: Vec<String>,
}

/// The finding of a people criterion from each poverty-alleviated person's check.
/// `roster_empty`: no one is on the roster at all. `need`: the number 第（一）项 requires.
pub(crate) fn finding(
    wording: Wording,
    rows: &[(&Person<'_>, &Check)],
    need: u32,
    roster_empty: bool,
) -> Finding {
    let registered = rows.iter().filter(|(p, _)| p.is_registered()).count() as u32;
    let mut met = 0u32;
    let mut failed = 0u32;
    let mut open = 0u32;
    let mut missing = wording.missing.clone();
    let mut people = Vec::with_capacity(rows.len());
    for (p, c) in rows {
        // A person who meets the item but whose ID is invalid or duplicated is not counted yet.
        let status = match (c.status, p.is_registered()) {
            _ if p.duplicate_of.is_some() => {
                failed += 1;
                Status::NotMet
            }
            (Status::Met, true) => {
                met += 1;
                Status::Met
            }
            (Status::Met, false) | (Status::Incomplete, _) => {
                open += 1;
                Status::Incomplete
            }
            (Status::NotMet, _) => {
                failed += 1;
                Status::NotMet
            }
        };
        if c.status == Status::Incomplete {
            missing.extend(c.missing.iter().map(|m| p.say(m)));
        }
        let mut reason = c.reason.clone();
        if c.status == Status::Met && !p.is_registered() {
            reason.push_str(if p.duplicate_of.is_some() {
                "（身份证号码与其他人员重复，不重复计入）"
            } else {
                "（身份证号码未填写或无效，暂不计入）"
            });
        }
        people.push(PersonNote {
            key: p.key,
            name: p.label.clone(),
            status,
            reason: p.say(&reason),
        });
    }
    let status = if roster_empty {
        Status::Incomplete
    } else if met >= need {
        Status::Met
    } else if met + open >= need {
        Status::Incomplete
    } else {
        Status::NotMet
    };
    if roster_empty {
        missing.push("员工花名册（尚未填写任何人员）".into());
    }
    let requirement = wording.requirement;
    let mut actual = format!("满足本项的脱贫人口 {met} 名（登记 {registered} 名）");
    if failed > 0 {
        actual.push_str(&format!("，未满足 {failed} 名"));
    }
    if open > 0 {
        actual.push_str(&format!("，信息不完整 {open} 名"));
    }
    let summary = match status {
        Status::Met if failed + open == 0 => {
            format!("{met} 名脱贫人口均{requirement}，达到第（一）项所需的 {need} 名")
        }
        Status::Met => format!(
            "{met} 名脱贫人口{requirement}，达到第（一）项所需的 {need} 名；另有 {} 名未满足或信息不完整，不计入第（一）项",
            failed + open
        ),
        Status::NotMet if rows.is_empty() => "花名册中没有脱贫人口（含监测对象）".into(),
        Status::NotMet => {
            format!("{requirement}的脱贫人口 {met} 名，少于第（一）项所需的 {need} 名")
        }
        Status::Incomplete if roster_empty => "尚未填写员工花名册".into(),
        Status::Incomplete => format!(
            "{requirement}的脱贫人口目前 {met} 名，所需 {need} 名；有信息不完整，补全后再判断"
        ),
    };
    let shortfall = if status == Status::Met {
        String::new()
    } else {
        format!(
            "还需 {} 名脱贫人口{requirement}",
            need.saturating_sub(met).max(1)
        )
    };
    Finding {
        criterion: wording.criterion,
        status,
        summary,
        actual,
        required: format!("{requirement}的脱贫人口不少于 {need} 名（第（一）项所需人数）"),
        shortfall,
        method: wording.method,
        missing,
        people,
    }
}
