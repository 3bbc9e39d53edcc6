//! What 第七条第（二）、（三）、（四）项 share: a per-person [`Check`], and the finding of a criterion
//! that is judged person by person.
//!
//! Interpretation (shown in each `method`): these items describe the poverty-alleviated people a
//! workshop employs. A person who does not meet one of them is not counted for 第（一）项. The
//! item itself:
//! - is 符合 when every registered person who could be judged meets it, or when enough of them
//!   meet it to reach the number 第（一）项 requires (5, or 10 % of a workforce of 50 or more) —
//!   too few people in all is 第（一）项's shortfall, said there once, not four times;
//! - is 不符合 only when some registered person fails it *and* those who meet it are too few
//!   for 第（一）项, with the people who fail it named;
//! - is 信息不完整 when there is nobody to judge yet (no poverty-alleviated person on the roster,
//!   or nothing of theirs is due for checking), or when missing information could still decide it.

use crate::calendar::cn;
use crate::finding::{CriterionId, Finding, PersonNote, Status};
use chrono::NaiveDate;
use std::sync::Arc;

/// One person's result on one criterion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Check {
    pub status: Status,
    /// Why, without the person's name. Shared (`Arc`): every keystroke's findings carry the
    /// reasons of everyone on the roster, and most of them are the ones judged before.
    pub reason: Arc<str>,
    /// 「name：reason」, the person's note on this criterion, once [`Check::label`] has run
    /// (when the person is evaluated), so a re-aggregation does not format it again.
    pub said: Arc<str>,
    /// Missing or unreadable inputs, without the person's name.
    pub missing: Vec<String>,
    /// When not met only because time has not passed: the date it will be met.
    pub met_on: Option<NaiveDate>,
    /// Incomplete only because nothing is due for checking yet (a first month whose pay day has
    /// not come): time alone settles it, as far as the what-if is concerned.
    pub awaiting: bool,
}

impl Check {
    pub fn met(reason: impl Into<String>) -> Check {
        Check {
            status: Status::Met,
            reason: Arc::from(reason.into()),
            said: Arc::from(""),
            missing: vec![],
            met_on: None,
            awaiting: false,
        }
    }
    pub fn not_met(reason: impl Into<String>) -> Check {
        Check {
            status: Status::NotMet,
            ..Check::met(reason)
        }
    }
    pub fn incomplete(reason: impl Into<String>, missing: Vec<String>) -> Check {
        Check {
            status: Status::Incomplete,
            missing,
            ..Check::met(reason)
        }
    }

    /// Words the reason for `label`'s notes (see [`Check::said`]).
    pub fn label(&mut self, label: &str) {
        self.said = said(label, &self.reason).into();
    }

    /// What the person still lacks on this criterion, in a few words for a shortfall list:
    /// 「2026年12月15日满3个月」, 「补填 2026年7月 实发工资（未填写）」, or the first reason.
    pub fn lacks(&self) -> String {
        if let Some(d) = self.met_on {
            return format!("{}起满足{}", cn(d), first_clause(&self.reason));
        }
        match self.status {
            Status::Incomplete if !self.missing.is_empty() => {
                format!("补填{}", self.missing[0])
            }
            _ => first_clause(&self.reason).to_owned(),
        }
    }
}

/// 「name：text」, how every note about a person is worded (built by hand: `format!` was a good
/// part of re-aggregating the whole roster after each keystroke).
pub(crate) fn said(label: &str, text: &str) -> String {
    let mut s = String::with_capacity(label.len() + '：'.len_utf8() + text.len());
    s.push_str(label);
    s.push('：');
    s.push_str(text);
    s
}

/// The first of several reasons joined with 「；」.
fn first_clause(s: &str) -> &str {
    s.split('；').next().unwrap_or(s)
}

/// One row of a people criterion: a poverty-alleviated person, how they stand on the roster, and
/// their check.
pub(crate) struct Row<'a> {
    pub key: u32,
    pub label: &'a Arc<str>,
    /// Valid ID, not a duplicate row: counted as registered.
    pub registered: bool,
    /// The earlier row with the same ID number, when this row repeats one.
    pub duplicate_of: Option<&'a str>,
    pub check: &'a Check,
    /// The person's note on this criterion when already made ([`note`] of this row, kept with
    /// the person's evaluation by [`crate::art7_1`]); `None`: made here.
    pub note: Option<&'a Arc<PersonNote>>,
}

/// A person's note on a people criterion: counted or not, and why, in their name. A person who
/// meets the item but whose ID is invalid is not counted yet; a repeated row never counts.
pub(crate) fn note(r: &Row<'_>) -> PersonNote {
    let say = |what: &str| said(r.label, what);
    let status = match (r.check.status, r.registered) {
        _ if r.duplicate_of.is_some() => Status::NotMet,
        (Status::Met, true) => Status::Met,
        (Status::Met, false) | (Status::Incomplete, _) => Status::Incomplete,
        (Status::NotMet, _) => Status::NotMet,
    };
    let reason: Arc<str> = if let Some(other) = r.duplicate_of {
        say(&format!("身份证号码与“{other}”重复，不重复计入")).into()
    } else if r.check.status == Status::Met && !r.registered {
        say(&format!(
            "{}（身份证号码未填写或无效，暂不计入）",
            r.check.reason
        ))
        .into()
    } else if r.check.said.is_empty() {
        say(&r.check.reason).into()
    } else {
        r.check.said.clone()
    };
    PersonNote {
        key: r.key,
        name: r.label.clone(),
        status,
        reason,
    }
}

/// What differs between the three people criteria.
pub(crate) struct Wording {
    pub criterion: CriterionId,
    /// What the criterion requires of one person, e.g. "签订劳务协议且稳定就业3个月以上".
    pub requirement: &'static str,
    pub explanation: String,
    pub method: String,
    /// Criterion-level missing inputs (e.g. the pay day), listed before the people's.
    pub missing: Vec<String>,
}

/// How many people's names a shortfall lists before 「等 N 人」.
const NAMED: usize = 5;

/// The finding of a people criterion from each poverty-alleviated person's check.
/// `roster_empty`: no one is on the roster at all. `need`: the number 第（一）项 requires.
pub(crate) fn finding(
    wording: Wording,
    rows: &[Row<'_>],
    need: u32,
    roster_empty: bool,
) -> Finding {
    let registered = rows.iter().filter(|r| r.registered).count() as u32;
    let mut met = 0u32;
    let mut failed: Vec<String> = Vec::new();
    let mut open = 0u32;
    let mut missing = wording.missing.clone();
    let mut people = Vec::with_capacity(rows.len());
    for r in rows {
        let note = match r.note {
            Some(n) => n.clone(),
            None => Arc::new(note(r)),
        };
        // A repeated row counts nowhere (its note says why).
        if r.duplicate_of.is_none() {
            match note.status {
                Status::Met => met += 1,
                Status::Incomplete => open += 1,
                Status::NotMet => failed.push(said(r.label, &r.check.lacks())),
            }
        }
        if r.check.status == Status::Incomplete {
            missing.extend(r.check.missing.iter().map(|m| said(r.label, m)));
        }
        people.push(note);
    }
    let judged = met + failed.len() as u32;
    let status = if rows.is_empty() || (judged == 0 && open == 0) {
        Status::Incomplete
    } else if met >= need || (failed.is_empty() && open == 0) {
        Status::Met
    } else if failed.is_empty() || met + open >= need {
        Status::Incomplete
    } else {
        Status::NotMet
    };
    if roster_empty {
        missing.push("员工花名册（尚未填写任何人员）".into());
    } else if rows.is_empty() {
        missing.push("脱贫人口（花名册中尚无脱贫人口或监测对象）".into());
    }
    let requirement = wording.requirement;
    let mut actual = format!("满足本项的脱贫人口 {met} 名（登记 {registered} 名）");
    if !failed.is_empty() {
        actual.push_str(&format!("，未满足 {} 名", failed.len()));
    }
    if open > 0 {
        actual.push_str(&format!("，信息不完整 {open} 名"));
    }
    let others = failed.len() as u32 + open;
    let summary = match status {
        Status::Met if others == 0 => {
            format!("登记的 {met} 名脱贫人口均{requirement}")
        }
        Status::Met => format!(
            "{met} 名脱贫人口{requirement}，达到第（一）项所需的 {need} 名；另有 {others} 名未满足或信息不完整，不计入第（一）项"
        ),
        Status::NotMet => format!(
            "{} 名脱贫人口未{requirement}，其余满足的 {met} 名少于第（一）项所需的 {need} 名",
            failed.len()
        ),
        Status::Incomplete if roster_empty => "尚未填写员工花名册".into(),
        Status::Incomplete if rows.is_empty() => "花名册中尚无脱贫人口（含监测对象）".into(),
        Status::Incomplete if judged == 0 && open == 0 => "尚无可核查的人员".into(),
        Status::Incomplete => format!("{open} 名脱贫人口信息不完整，补全后再判断"),
    };
    let shortfall = match status {
        Status::Met => String::new(),
        Status::NotMet => format!("须纠正：{}", named(&failed)),
        Status::Incomplete => format!("补全：{}", named(&missing)),
    };
    Finding {
        criterion: wording.criterion,
        status,
        summary,
        actual,
        required: format!("每名脱贫人口{requirement}（至少 {need} 名满足，即第（一）项所需人数）"),
        shortfall,
        explanation: wording.explanation,
        method: wording.method,
        missing,
        people,
    }
}

/// 「A；B；C」, or the first [`NAMED`] and 「等 N 项」.
pub(crate) fn named(items: &[String]) -> String {
    if items.len() <= NAMED {
        return items.join("；");
    }
    format!("{}；等共 {} 项", items[..NAMED].join("；"), items.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    static SOMEONE: std::sync::LazyLock<Arc<str>> = std::sync::LazyLock::new(|| "某人".into());

    fn row<'a>(key: u32, registered: bool, check: &'a Check) -> Row<'a> {
        Row {
            key,
            label: &SOMEONE,
            registered,
            duplicate_of: None,
            check,
            note: None,
        }
    }

    fn wording() -> Wording {
        Wording {
            criterion: CriterionId::Art7_4,
            requirement: "缴纳工伤保险或人身意外伤害保险",
            explanation: String::new(),
            method: String::new(),
            missing: vec![],
        }
    }

    /// One gap, shown once: four people who all meet the item make it 符合 even though 第（一）项
    /// needs five; with exactly five registered and one failing, the four who meet it are too
    /// few (不符合); with six registered and one failing, five meet it (符合).
    #[test]
    fn art7_4_one_failing_person_with_exactly_five_or_six_registered() {
        let ok = Check::met("参保");
        let bad = Check::not_met("用工期间内有未参保的时段：2026年3月1日至2026年3月31日");
        let cases = [
            (4, 0, Status::Met),
            (5, 1, Status::NotMet),
            (6, 1, Status::Met),
            (5, 0, Status::Met),
        ];
        for (registered, failing, want) in cases {
            let rows: Vec<Row> = (0..registered)
                .map(|k| row(k, true, if k < failing { &bad } else { &ok }))
                .collect();
            let f = finding(wording(), &rows, 5, false);
            assert_eq!(f.status, want, "{registered}/{failing}: {}", f.summary);
            if want == Status::NotMet {
                assert!(f.shortfall.starts_with("须纠正：某人："), "{}", f.shortfall);
                assert!(!f.shortfall.contains("还需"), "{}", f.shortfall);
            } else {
                assert!(f.shortfall.is_empty(), "{}", f.shortfall);
            }
        }
    }

    /// No vacuous 符合: nobody to judge, or nothing judged yet, is 信息不完整.
    #[test]
    fn nothing_to_judge_is_incomplete_never_met() {
        let f = finding(wording(), &[], 5, false);
        assert_eq!(f.status, Status::Incomplete);
        assert!(!f.missing.is_empty());
        let waiting = Check {
            awaiting: true,
            ..Check::incomplete("评估日前尚无应核查的工资月份", vec!["工资月份".into()])
        };
        let rows = [row(1, true, &waiting)];
        assert_eq!(
            finding(wording(), &rows, 5, false).status,
            Status::Incomplete
        );
    }

    #[test]
    fn a_missing_value_that_could_decide_keeps_it_incomplete() {
        let ok = Check::met("参保");
        let bad = Check::not_met("未参保");
        let open = Check::incomplete("未填写参保记录", vec!["参保记录".into()]);
        // 3 met + 1 open could reach 4 but not 5; with a failure it is not met.
        let rows = [
            row(1, true, &ok),
            row(2, true, &ok),
            row(3, true, &ok),
            row(4, true, &open),
            row(5, true, &bad),
        ];
        assert_eq!(finding(wording(), &rows, 5, false).status, Status::NotMet);
        // 4 met + 1 open could reach 5: incomplete.
        let rows = [
            row(1, true, &ok),
            row(2, true, &ok),
            row(3, true, &ok),
            row(4, true, &ok),
            row(5, true, &open),
            row(6, true, &bad),
        ];
        let f = finding(wording(), &rows, 5, false);
        assert_eq!(f.status, Status::Incomplete);
        assert!(f.shortfall.starts_with("补全："), "{}", f.shortfall);
    }
}
