//! The roster half of the import plan: roster rows grouped into people by 身份证号 (several rows
//! of one person are their stints), each person matched to the draft (added, updated with every
//! change listed, or unchanged), and the choice fields a record sets (for its guesses).

use super::{issue, row_label, DraftIndex, ImportPlan, NewPeople, PersonChange};
use crate::columns::Column;
use crate::guess::Target as Field;
use crate::merge::{self, FieldChange, PersonRecord};
use crate::records::{RosterRow, RowIssue, RowRef};
use crate::source::Source;
use bangfu_model::Draft;
use std::collections::HashMap;

/// Groups roster rows by 身份证号 into people, rejecting rows that contradict an earlier row.
pub(crate) fn group(
    sources: &[Source],
    rows: Vec<RosterRow>,
    rejected: &mut Vec<RowIssue>,
    notes: &mut Vec<RowIssue>,
) -> Vec<PersonRecord> {
    let mut people: Vec<PersonRecord> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    // For each person, the row each stint / insurance period came from.
    let mut stint_rows: Vec<Vec<RowRef>> = Vec::new();
    let mut insurance_rows: Vec<Vec<RowRef>> = Vec::new();
    for row in rows {
        let Some(&i) = by_id.get(&row.id_number) else {
            by_id.insert(row.id_number.clone(), people.len());
            stint_rows.push(row.stint.iter().map(|_| row.at).collect());
            insurance_rows.push(row.insurance.iter().map(|_| row.at).collect());
            people.push(PersonRecord {
                rows: vec![row.at],
                name: row.name,
                id_number: row.id_number,
                poverty_status: row.poverty_status,
                post: row.post,
                phone: row.phone,
                household_address: row.household_address,
                pay_method: row.pay_method,
                bank_account: row.bank_account,
                stints: row.stint.into_iter().collect(),
                insurance: row.insurance.into_iter().collect(),
                guesses: row.guesses,
            });
            continue;
        };
        let p = &mut people[i];
        let first = p.rows[0];
        let first_label = row_label(sources, first, row.at);
        // Contradictions about who the person is reject the row.
        let mut bad = Vec::new();
        if row.name != p.name {
            bad.push(issue(
                sources,
                row.at,
                Some(Column::Name),
                &row.name,
                format!(
                    "同一身份证号在{first_label}的姓名是“{}”，两处不一致",
                    p.name
                ),
            ));
        }
        use bangfu_model::PovertyStatus::Unspecified;
        if row.poverty_status != Unspecified
            && p.poverty_status != Unspecified
            && row.poverty_status != p.poverty_status
        {
            bad.push(issue(
                sources,
                row.at,
                Some(Column::PovertyStatus),
                merge::choice_label(row.poverty_status),
                format!(
                    "同一人在{first_label}的人员类别是“{}”，两处不一致",
                    merge::choice_label(p.poverty_status)
                ),
            ));
        }
        let stint_at = same_start_at(&p.stints, row.stint.as_ref(), |s| &s.start);
        if let Some((j, false)) = stint_at {
            let at = row_label(sources, stint_rows[i][j], row.at);
            bad.push(issue(
                sources,
                row.at,
                Some(Column::AgreementStart),
                row.stint.as_ref().map_or("", |s| s.start.as_str()),
                format!("同一人在{at}已有同一协议起始日期的用工时段，但内容不同"),
            ));
        }
        let insurance_at = same_start_at(&p.insurance, row.insurance.as_ref(), |s| &s.start);
        if let Some((j, false)) = insurance_at {
            let at = row_label(sources, insurance_rows[i][j], row.at);
            bad.push(issue(
                sources,
                row.at,
                Some(Column::InsuranceStart),
                row.insurance.as_ref().map_or("", |s| s.start.as_str()),
                format!("同一人在{at}已有同一参保起始日期的参保记录，但内容不同"),
            ));
        }
        if !bad.is_empty() {
            rejected.extend(bad);
            continue;
        }
        if p.poverty_status == Unspecified {
            p.poverty_status = row.poverty_status;
        }
        // How a person is paid is not who they are: a second row that says otherwise is noted,
        // like a second phone number, and the first row's value is kept.
        use bangfu_model::PayMethod;
        if p.pay_method == PayMethod::Unspecified {
            p.pay_method = row.pay_method;
        } else if row.pay_method != PayMethod::Unspecified && row.pay_method != p.pay_method {
            let mine = merge::choice_label(p.pay_method);
            notes.push(issue(
                sources,
                row.at,
                Some(Column::PayMethod),
                merge::choice_label(row.pay_method),
                format!("与{first_label}不同，采用{first_label}的“{mine}”"),
            ));
        }
        if p.bank_account.is_empty() {
            p.bank_account = row.bank_account;
        } else if !row.bank_account.is_empty()
            && !merge::same_account(&row.bank_account, &p.bank_account)
        {
            notes.push(issue(
                sources,
                row.at,
                Some(Column::BankAccount),
                &row.bank_account,
                format!(
                    "与{first_label}不同，采用{first_label}的“{}”",
                    p.bank_account
                ),
            ));
        }
        for (column, mine, theirs) in [
            (Column::Post, &mut p.post, row.post),
            (Column::Phone, &mut p.phone, row.phone),
            (
                Column::HouseholdAddress,
                &mut p.household_address,
                row.household_address,
            ),
        ] {
            if mine.is_empty() {
                *mine = theirs;
            } else if !theirs.is_empty() && *mine != theirs {
                notes.push(issue(
                    sources,
                    row.at,
                    Some(column),
                    &theirs,
                    format!("与{first_label}不同，采用{first_label}的“{mine}”"),
                ));
            }
        }
        p.rows.push(row.at);
        p.guesses.extend(row.guesses);
        if let (Some(s), None) = (row.stint, stint_at) {
            p.stints.push(s);
            stint_rows[i].push(row.at);
        }
        if let (Some(s), None) = (row.insurance, insurance_at) {
            p.insurance.push(s);
            insurance_rows[i].push(row.at);
        }
    }
    people
}

/// Where a person already has a record (用工时段 or 参保记录) starting on the same date as the
/// row's, and whether it is the same record: the same one is not added twice, another one with
/// that start is a conflict the import cannot settle by itself. No start date never matches.
fn same_start_at<T: PartialEq>(
    existing: &[T],
    new: Option<&T>,
    start: fn(&T) -> &String,
) -> Option<(usize, bool)> {
    let new = new?;
    let key = start(new);
    if key.is_empty() {
        return None;
    }
    let j = existing.iter().position(|x| start(x) == key)?;
    Some((j, existing[j] == *new))
}

/// Matches each grouped person to the draft: added, updated or unchanged.
pub(crate) fn classify(
    draft: &Draft,
    index: &DraftIndex,
    people: &[PersonRecord],
    plan: &mut ImportPlan,
) -> NewPeople {
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in people.iter().enumerate() {
        by_id.insert(p.id_number.clone(), i);
        by_name.entry(p.name.clone()).or_default().push(i);
        let existing = index
            .by_id
            .get(&p.id_number)
            .map(|&pos| &draft.employees[pos]);
        let summary = |key: Option<u32>, changes: Vec<FieldChange>| PersonChange {
            rows: p.rows.clone(),
            key,
            name: p.name.clone(),
            id_number: p.id_number.clone(),
            changes,
        };
        match existing {
            Some(e) => {
                let (_, changes) = merge::merge_person(e, p);
                if changes.is_empty() {
                    plan.people_unchanged.push(summary(Some(e.key), changes));
                } else {
                    plan.people_updated.push(summary(Some(e.key), changes));
                }
                plan.people.push((Some(e.key), p.clone()));
            }
            None => {
                plan.people_added.push(summary(None, Vec::new()));
                plan.people.push((None, p.clone()));
            }
        }
    }
    NewPeople { by_id, by_name }
}

/// The choice fields an import record sets (so that an earlier guess on them is dropped).
pub(crate) fn touched(rec: &PersonRecord) -> Vec<Field> {
    use bangfu_model::{AgreementType, EmploymentForm, InsuranceKind};
    let mut out = Vec::new();
    if rec.poverty_status != bangfu_model::PovertyStatus::Unspecified {
        out.push(Field::PovertyStatus);
    }
    if rec.pay_method != bangfu_model::PayMethod::Unspecified {
        out.push(Field::PayMethod);
    }
    for s in &rec.stints {
        if s.employment_form != EmploymentForm::Unspecified {
            out.push(Field::EmploymentForm {
                start: s.start.clone(),
            });
        }
        if s.agreement_type != AgreementType::Unspecified {
            out.push(Field::AgreementType {
                start: s.start.clone(),
            });
        }
    }
    for p in &rec.insurance {
        if p.kind != InsuranceKind::Unspecified {
            out.push(Field::InsuranceKind {
                start: p.start.clone(),
            });
        }
    }
    out
}
