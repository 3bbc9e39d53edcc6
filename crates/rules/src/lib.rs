//! Articles 6 and 7 of 《内蒙古自治区就业帮扶车间管理办法》 (内乡振字〔2022〕17号), as code.
//!
//! [`assess`] turns a draft (everything as typed) into an [`Assessment`]: one [`Finding`] per
//! criterion, one [`EmployeeFinding`] per person, the counts of 第七条第（一）项, the earliest
//! date the workshop would qualify if only time is missing, and a [`FieldError`] for every value
//! that cannot be read. The UI, the PDF packet and the exports render these; none recomputes a
//! verdict.
//!
//! One criterion, one module: [`art6`], [`art7_1`] … [`art7_5`], each with its citation,
//! evaluation, explanation and tests. Shared pieces: [`validate`] (ID, USCC), [`calendar`]
//! (calendar months, working days), [`wage_table`] (minimum wages by county tier),
//! [`procedure`] (the 第八条 timeline), [`sample`] (deterministic drafts for tests and benches).
//! Every interpretation is written in the module that makes it and in the finding's `method`.

pub mod art6;
pub mod art7_1;
pub mod art7_2;
pub mod art7_3;
pub mod art7_4;
pub mod art7_5;
pub mod calendar;
mod employment;
pub mod finding;
mod input;
pub mod path;
mod people;
pub mod procedure;
pub mod sample;
pub mod validate;
pub mod wage_table;
mod whatif;

pub use finding::*;

use art7_3::Standards;
use bangfu_model::{Draft, PovertyStatus};
use chrono::NaiveDate;
use input::person::Person;
use people::Check;
use validate::id_card::sixteenth_birthday;
use validate::IdError;

/// What 第七条第（二）至（四）项 found for one poverty-alleviated person.
struct Evaluation {
    art7_2: Check,
    basis: art7_2::Basis,
    art7_3: art7_3::WageResult,
    art7_4: art7_4::CoverResult,
}

impl Evaluation {
    fn all_met(&self) -> bool {
        [&self.art7_2, &self.art7_3.check, &self.art7_4.check]
            .iter()
            .all(|c| c.status == Status::Met)
    }

    fn status(&self) -> Status {
        Status::all([
            self.art7_2.status,
            self.art7_3.check.status,
            self.art7_4.check.status,
        ])
    }

    /// The date this person qualifies if only time is missing.
    fn qualifies_on(&self, p: &Person<'_>, date: NaiveDate) -> Option<NaiveDate> {
        let on = self.art7_2.met_on?;
        let ok = p.is_registered()
            && self.art7_2.status == Status::NotMet
            && self.art7_3.check.status == Status::Met
            && self.art7_4.check.status != Status::NotMet
            && art7_4::covers_through(p, self.basis.employed_since.unwrap_or(date).max(date), on);
        ok.then_some(on)
    }
}

fn employed_on(p: &Person<'_>, date: NaiveDate) -> bool {
    p.stints
        .iter()
        .any(|s| s.start <= date && s.end.is_none_or(|e| e >= date))
}

/// Assesses a draft on its assessment date (or `today` when that is empty or unreadable).
pub fn assess(draft: &Draft, today: NaiveDate) -> Assessment {
    let mut errors = Vec::new();
    let date = input::assessment_date(draft, today, &mut errors);
    if !draft.extra_holidays.is_empty() {
        errors.extend(calendar::Calendar::for_draft(draft).1);
    }
    let art6 = art6::assess(draft, date, &mut errors);
    let art7_5 = art7_5::assess(draft, date, &mut errors);
    let input = input::read(draft, date, today, &mut errors);
    let standards = Standards::new(&draft.site.county_code, date);

    let mut evaluations: Vec<Option<Evaluation>> = input
        .people
        .iter()
        .map(|p| {
            p.is_poverty_alleviated().then(|| {
                let (c2, basis) = art7_2::check_person(p, &input);
                let c3 = art7_3::check_person(p, &basis.spans, &input, &standards);
                let c4 = art7_4::check_person(p, &basis.spans);
                Evaluation {
                    art7_2: c2,
                    basis,
                    art7_3: c3,
                    art7_4: c4,
                }
            })
        })
        .collect();

    // Counts for 第七条第（一）项.
    let mut registered = 0u32;
    let mut qualifying = 0u32;
    let mut employed = 0u32;
    let mut off_season = 0u32;
    let mut open = 0u32;
    let mut unknown_employment = 0u32;
    let mut missing_7_1: Vec<String> = Vec::new();
    let mut notes_7_1 = Vec::new();
    let mut outlook = whatif::Outlook::default();
    let mut employees = Vec::with_capacity(input.people.len());
    for (p, slot) in input.people.iter().zip(evaluations.iter_mut()) {
        // The wage months move into the employee finding; the rest stays for the findings.
        let wage_months = slot
            .as_mut()
            .map(|e| std::mem::take(&mut e.art7_3.months))
            .unwrap_or_default();
        let ev = &*slot;
        // A second row with the same ID number is the same person: not counted twice anywhere.
        let is_employed = employed_on(p, date) && p.duplicate_of.is_none();
        let qualifies = p.is_registered() && ev.as_ref().is_some_and(Evaluation::all_met);
        if is_employed {
            employed += 1;
        } else if qualifies {
            off_season += 1;
        } else if p.stints.is_empty() && !p.stint_gaps.is_empty() {
            unknown_employment += 1;
            missing_7_1.push(p.say("协议起始日期（无法确定评估日是否在职，未计入务工总人数）"));
        }
        if is_employed {
            if let Some(last) = p
                .stints
                .iter()
                .filter(|s| s.start <= date)
                .filter_map(|s| s.end)
                .filter(|e| *e >= date)
                .max()
            {
                // Open-ended stints keep the person; only a dated end makes them leave.
                if !p.stints.iter().any(|s| s.start <= date && s.end.is_none()) {
                    outlook.leaving.push(last);
                    if qualifies {
                        outlook.leaving_qualifying.push(last);
                    }
                }
            }
        } else if let Some(next) = p
            .stints
            .iter()
            .filter(|s| s.start > date)
            .map(|s| s.start)
            .min()
        {
            outlook.joining.push(next);
        }
        if p.is_registered() {
            registered += 1;
        }
        if qualifies {
            qualifying += 1;
        }

        let mut problems = Vec::new();
        match (&p.id, p.status) {
            (Err(IdError::Empty), PovertyStatus::Alleviated | PovertyStatus::Monitored) => {
                problems.push("未填写身份证号码，不计入登记人数".to_owned());
            }
            (Err(IdError::Empty), _) => {}
            (Err(e), _) => problems.push(format!("{e}（不计入登记人数）")),
            (Ok(id), _) => {
                if let Some(s) = p
                    .stints
                    .iter()
                    .find(|s| s.start < sixteenth_birthday(id.birth_date()))
                {
                    problems.push(format!(
                        "{} 入职时未满16周岁（《劳动法》第十五条禁止招用未满16周岁的未成年人）",
                        s.start
                    ));
                }
            }
        }
        if let Some(other) = &p.duplicate_of {
            problems.push(format!("身份证号码与“{other}”重复，不重复计入"));
        }
        if p.status == PovertyStatus::Unspecified {
            problems.push("未选择人员类别".to_owned());
            if is_employed {
                open += 1;
                missing_7_1.push(p.say("人员类别（未选择：脱贫人口、监测对象或其他）"));
            }
        }

        let mut checks = Vec::new();
        let mut qualifies_on = None;
        if let Some(ev) = ev {
            checks = vec![
                (
                    CriterionId::Art7_2,
                    ev.art7_2.status,
                    ev.art7_2.reason.clone(),
                ),
                (
                    CriterionId::Art7_3,
                    ev.art7_3.check.status,
                    ev.art7_3.check.reason.clone(),
                ),
                (
                    CriterionId::Art7_4,
                    ev.art7_4.check.status,
                    ev.art7_4.check.reason.clone(),
                ),
            ];
            qualifies_on = if qualifies {
                None
            } else {
                ev.qualifies_on(p, date)
            };
            if let Some(d) = qualifies_on {
                outlook.pending.push(d);
            }
            // 第七条第（一）项 per person: counted or not, and why.
            let (status, reason) = if qualifies {
                (Status::Met, "计入：满足第（二）至（四）项".to_owned())
            } else {
                let mut why: Vec<String> = checks
                    .iter()
                    .filter(|(_, s, _)| *s != Status::Met)
                    .map(|(c, _, r)| format!("{}：{r}", short_citation(*c)))
                    .collect();
                if !p.is_registered() {
                    why.insert(0, problems.first().cloned().unwrap_or_default());
                }
                // A duplicate row can never count; anything else not failed may once completed.
                let status = match ev.status() {
                    _ if p.duplicate_of.is_some() => Status::NotMet,
                    Status::NotMet => Status::NotMet,
                    _ => Status::Incomplete,
                };
                if status == Status::Incomplete {
                    open += 1;
                    for c in [&ev.art7_2, &ev.art7_3.check, &ev.art7_4.check] {
                        missing_7_1.extend(c.missing.iter().map(|m| p.say(m)));
                    }
                    match &p.id {
                        Err(IdError::Empty) => missing_7_1.push(p.say("身份证号码（未填写）")),
                        Err(e) => missing_7_1.push(p.say(&format!("身份证号码（{e}）"))),
                        Ok(_) => {}
                    }
                }
                (status, format!("不计入：{}", why.join("；")))
            };
            notes_7_1.push(PersonNote {
                key: p.key,
                name: p.label.clone(),
                status,
                reason: p.say(&reason),
            });
        }

        let (employed_since, months_employed, seasonal_days) = match ev {
            Some(ev) => (
                ev.basis.employed_since,
                ev.basis.months,
                ev.basis.seasonal_days,
            ),
            None => {
                let periods = employment::merge(&p.stints);
                let cur = employment::current(&periods, date);
                (
                    cur.map(|c| c.start),
                    cur.map(|c| employment::whole_months(c.start, date)),
                    None,
                )
            }
        };
        employees.push(EmployeeFinding {
            key: p.key,
            name: p.label.clone(),
            registered: p.is_registered(),
            qualifies,
            employed_on_assessment_date: is_employed,
            checks,
            problems,
            qualifies_on,
            employed_since,
            months_employed,
            seasonal_days,
            average_gross_fen: ev.as_ref().and_then(|e| e.art7_3.average_gross_fen),
            wage_months,
        });
    }
    let total = employed + off_season;
    let need = art7_1::required(total);
    let roster_empty = input.people.is_empty();

    // 第七条第（二）至（四）项.
    let rows = |pick: fn(&Evaluation) -> &Check| -> Vec<(&Person<'_>, &Check)> {
        input
            .people
            .iter()
            .zip(&evaluations)
            .filter_map(|(p, ev)| ev.as_ref().map(|ev| (p, pick(ev))))
            .collect()
    };
    let art7_2 = art7_2::finding(&rows(|e| &e.art7_2), &input, need, roster_empty);
    let art7_3 = art7_3::finding(
        &rows(|e| &e.art7_3.check),
        &input,
        &standards,
        need,
        roster_empty,
    );
    let art7_4 = art7_4::finding(&rows(|e| &e.art7_4.check), need, roster_empty);

    // What-if, then 第七条第（一）项 (its shortfall mentions the date).
    let others_met = art6.status == Status::Met && art7_5.status == Status::Met;
    let earliest = if art7_1::is_met(qualifying, total) || !others_met {
        None
    } else {
        whatif::earliest(outlook, qualifying, total)
    };
    let counts = art7_1::Counts {
        registered,
        qualifying,
        total,
        open,
        off_season,
        roster_empty,
    };
    let mut art7_1 = art7_1::finding(&counts, notes_7_1, missing_7_1, earliest);
    if art7_1.status == Status::Met
        && unknown_employment > 0
        && !art7_1::is_met(qualifying, total + unknown_employment)
    {
        art7_1.status = Status::Incomplete;
        art7_1
            .summary
            .push_str("；但有人员用工期间无法识别，计入后比例可能不足");
    }

    let findings = vec![art6, art7_1, art7_2, art7_3, art7_4, art7_5];
    let overall = Status::all(findings.iter().map(|f| f.status));
    Assessment {
        date,
        overall,
        findings,
        employees,
        registered,
        qualifying,
        total_workforce: total,
        required_qualifying: need,
        earliest_qualifying_date: if overall == Status::Met {
            None
        } else {
            earliest
        },
        field_errors: errors,
    }
}

/// 第（二）项 … for per-person notes.
fn short_citation(c: CriterionId) -> &'static str {
    match c {
        CriterionId::Art7_2 => "第（二）项",
        CriterionId::Art7_3 => "第（三）项",
        CriterionId::Art7_4 => "第（四）项",
        _ => c.citation(),
    }
}

#[cfg(test)]
mod testkit;
#[cfg(test)]
mod tests;
