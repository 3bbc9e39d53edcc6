//! 第七条第（一）项: "吸纳脱贫人口就业人数5名以上；用工50人（含）以上的，吸纳脱贫人口就业人数须占
//! 务工总人数的10%以上。"
//!
//! - "以上" includes the number (民法典第一千二百五十九条): 5 or more; 10 % or more.
//! - Counted: the qualifying people, i.e. poverty-alleviated (含监测对象) with a valid ID who
//!   individually meet 第（二）、（三）、（四）项. The registered count (valid ID, any compliance)
//!   is shown beside it.
//! - Total workforce (务工总人数): everyone on the roster employed on the assessment date, whatever
//!   their status or ID; plus any qualifying seasonal worker who is off-season on that date, so
//!   that nobody is in the numerator without being in the denominator.
//! - Ratio in integers: `10 × qualifying ≥ total` when total ≥ 50 (50 need 5, 51 need 6, 120
//!   need 12). No floating point.
//! - When short, the shortfall says how many more qualifying people are needed among the current
//!   staff and, for a workforce of 50 or more, how many new poverty-alleviated hires it would take
//!   (a new hire also raises the total: the smallest k with 10 × (q + k) ≥ total + k).

use crate::finding::{CriterionId, Finding, PersonNote, Status};

/// The workforce from which the 10 % share applies.
pub const RATIO_FROM_WORKFORCE: u32 = 50;
/// The minimum number of poverty-alleviated employees.
pub const MINIMUM_PEOPLE: u32 = 5;

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
pub fn is_met(qualifying: u32, total: u32) -> bool {
    qualifying >= MINIMUM_PEOPLE
        && (total < RATIO_FROM_WORKFORCE || 10 * u64::from(qualifying) >= u64::from(total))
}

/// New poverty-alleviated hires (who would also qualify) needed to meet the item.
pub fn new_hires_needed(qualifying: u32, total: u32) -> u32 {
    let mut k = 0u32;
    while !is_met(qualifying + k, total + k) && k < 100_000 {
        k += 1;
    }
    k
}

/// The counts behind the finding.
pub(crate) struct Counts {
    pub registered: u32,
    pub qualifying: u32,
    pub total: u32,
    /// Registered-or-fixable people whose data is incomplete and might qualify once completed.
    pub open: u32,
    /// Qualifying seasonal workers off-season on the assessment date (added to the total).
    pub off_season: u32,
    pub roster_empty: bool,
}

/// The finding of 第七条第（一）项; `people` lists each poverty-alleviated person and whether they
/// count, `missing` the inputs that could change the counts, `earliest` the what-if date.
pub(crate) fn finding(
    c: &Counts,
    people: Vec<PersonNote>,
    missing: Vec<String>,
    earliest: Option<chrono::NaiveDate>,
) -> Finding {
    let need = required(c.total);
    let met = is_met(c.qualifying, c.total);
    let status = if c.roster_empty {
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
    let more = need.saturating_sub(c.qualifying);
    let mut shortfall = String::new();
    if status != Status::Met && !c.roster_empty {
        shortfall = format!("还需 {more} 名符合条件的脱贫人口");
        let hires = new_hires_needed(c.qualifying, c.total);
        if hires != more {
            shortfall.push_str(&format!(
                "（现有员工中再有 {more} 名达到条件即可；如新招聘脱贫人口，需新增 {hires} 名，因新员工也计入务工总人数）"
            ));
        }
        if let Some(d) = earliest {
            shortfall.push_str(&format!("；如其他情况不变，预计 {d} 起符合"));
        }
    }
    let summary = match status {
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
    let mut missing = missing;
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
        method: "符合条件 = 脱贫人口（含监测对象）、身份证号码有效且不重复，并且本人满足第（二）至（四）项；登记人数另行列出。务工总人数 = 评估日在职的全部人员（不论人员类别），另加计入本项但评估日不在岗期的季节性人员。“以上”含本数（民法典第一千二百五十九条）；比例用整数比较：10 × 符合条件人数 ≥ 务工总人数".into(),
        missing,
        people,
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
        assert!(f.shortfall.contains("需新增 2 名"), "{}", f.shortfall);
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
