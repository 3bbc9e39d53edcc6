//! The payroll half of the import plan: each pay row matched to a person (of the draft or of the
//! same import) by 身份证号 or by a name only one person has, then to a month of theirs (added,
//! updated with every change listed, or unchanged); a second row of one person and month is
//! rejected unless identical.

use super::{issue, row_label, DraftIndex, ImportPlan, Issues, NewPeople, WageChange};
use crate::columns::Column;
use crate::merge::{self, PersonRecord};
use crate::records::{RowRef, WageRow};
use crate::value::month_key;
use bangfu_model::{Draft, WageMonth};
use bangfu_rules::validate::id_card::normalize_id;
use std::collections::HashMap;

/// Whom a wage row belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Target {
    /// An employee already in the draft (by key).
    Existing(u32),
    /// A person added by this import (index into `ImportPlan::people`).
    New(usize),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct WageRecord {
    pub target: Target,
    pub wage: WageMonth,
}

/// Canonical month → index in `wages`, for one employee.
pub(crate) fn month_index(wages: &[WageMonth]) -> HashMap<String, usize> {
    let mut m = HashMap::with_capacity(wages.len());
    for (i, w) in wages.iter().enumerate() {
        m.entry(month_key(&w.month)).or_insert(i);
    }
    m
}

/// Matches each pay row to a person and a month.
pub(crate) fn classify(
    draft: &Draft,
    index: &DraftIndex,
    people: &[PersonRecord],
    new: &NewPeople,
    wage_rows: Vec<WageRow>,
    plan: &mut ImportPlan,
    issues: &mut Issues<'_>,
) {
    let sources = issues.sources;
    let mut months_of: HashMap<usize, HashMap<String, usize>> = HashMap::new();
    // (person, month) → the first row and its index in `plan.wages`.
    let mut seen: HashMap<(Target, String), (RowRef, usize)> = HashMap::new();
    let mut matched_by_name: HashMap<usize, (RowRef, usize)> = HashMap::new();
    for row in wage_rows {
        let resolved = resolve(&row, draft, index, people, &new.by_id, &new.by_name);
        let (target, name, id, via_name) = match resolved {
            Ok(t) => t,
            Err((column, reason)) => {
                let value = match column {
                    Column::IdNumber => row.id_number.clone(),
                    _ => row.name.clone(),
                };
                issues
                    .rejected
                    .push(issue(sources, row.at, Some(column), &value, reason));
                continue;
            }
        };
        if via_name {
            matched_by_name
                .entry(row.at.source)
                .and_modify(|(_, n)| *n += 1)
                .or_insert((row.at, 1));
        }
        let month = month_key(&row.wage.month);
        if let Some(&(first, earlier)) = seen.get(&(target, month.clone())) {
            let at = row_label(sources, first, row.at);
            if plan.wages[earlier].wage == row.wage {
                issues.notes.push(issue(
                    sources,
                    row.at,
                    None,
                    "",
                    format!("与{at}完全相同，已忽略"),
                ));
            } else {
                issues.rejected.push(issue(
                    sources,
                    row.at,
                    Some(Column::Month),
                    &month,
                    format!("同一人 {month} 的工资在{at}已有一行，内容不同；请只保留正确的一行"),
                ));
            }
            continue;
        }
        seen.insert((target, month.clone()), (row.at, plan.wages.len()));
        let existing = match target {
            Target::Existing(key) => index.by_key.get(&key).copied(),
            Target::New(_) => None,
        };
        let key = match target {
            Target::Existing(k) => Some(k),
            Target::New(_) => None,
        };
        let change = |changes| WageChange {
            at: row.at,
            key,
            name: name.clone(),
            id_number: id.clone(),
            month: month.clone(),
            changes,
        };
        let current = existing.and_then(|pos| {
            let months = months_of
                .entry(pos)
                .or_insert_with(|| month_index(&draft.employees[pos].wages));
            months.get(&month).map(|&w| &draft.employees[pos].wages[w])
        });
        match current {
            None => plan.wages_added.push(change(Vec::new())),
            Some(w) => {
                let (_, changes) = merge::merge_wage(Some(w), &row.wage);
                if changes.is_empty() {
                    plan.wages_unchanged.push(change(changes));
                } else {
                    plan.wages_updated.push(change(changes));
                }
            }
        }
        plan.wages.push(WageRecord {
            target,
            wage: row.wage,
        });
    }
    let mut by_name: Vec<_> = matched_by_name.into_iter().collect();
    by_name.sort_by_key(|(source, _)| *source);
    for (_, (first, n)) in by_name {
        issues.notes.push(issue(
            sources,
            first,
            Some(Column::IdNumber),
            "",
            format!("本表有 {n} 行没有填写身份证号，已按姓名对应到花名册中唯一同名的人，请核对"),
        ));
    }
}

type Resolved = (Target, String, String, bool);

/// Finds whose pay a wage row is: by 身份证号 (the import's people first, then the draft), or by a
/// name only one person has. Returns the target, the person's name and ID, and whether the name was
/// used; or the column and reason for rejecting the row.
fn resolve(
    row: &WageRow,
    draft: &Draft,
    index: &DraftIndex,
    people: &[PersonRecord],
    new_by_id: &HashMap<String, usize>,
    new_by_name: &HashMap<String, Vec<usize>>,
) -> Result<Resolved, (Column, String)> {
    if !row.id_number.is_empty() {
        let id = &row.id_number;
        let (target, name) = if let Some(&pos) = index.by_id.get(id) {
            let e = &draft.employees[pos];
            // A person updated by the import is named as the import names them.
            let name = new_by_id
                .get(id)
                .map_or(e.name.as_str(), |&i| people[i].name.as_str());
            (Target::Existing(e.key), name.to_owned())
        } else if let Some(&i) = new_by_id.get(id) {
            (Target::New(i), people[i].name.clone())
        } else {
            return Err((
                Column::IdNumber,
                "花名册中没有这个身份证号的人：请先在花名册中添加此人（或把花名册和工资表一起导入）".to_owned(),
            ));
        };
        if !row.name.is_empty() && row.name != name {
            return Err((
                Column::Name,
                format!("这个身份证号在花名册中的姓名是“{name}”，与工资表不一致，请核对身份证号"),
            ));
        }
        return Ok((target, name, id.clone(), false));
    }
    // By name: candidates in the draft and in the import, counting a person in both once.
    let mut ids: Vec<(Target, String)> = Vec::new();
    for &pos in index.by_name.get(&row.name).into_iter().flatten() {
        let e = &draft.employees[pos];
        ids.push((Target::Existing(e.key), normalize_id(&e.id_number)));
    }
    for &i in new_by_name.get(&row.name).into_iter().flatten() {
        let id = &people[i].id_number;
        if let Some(&pos) = index.by_id.get(id) {
            let key = draft.employees[pos].key;
            if !ids.iter().any(|(t, _)| *t == Target::Existing(key)) {
                ids.push((Target::Existing(key), id.clone()));
            }
        } else {
            ids.push((Target::New(i), id.clone()));
        }
    }
    match ids.as_slice() {
        [(target, id)] => Ok((*target, row.name.clone(), id.clone(), true)),
        [] => Err((
            Column::Name,
            format!("花名册中没有叫“{}”的人，且本行没有身份证号", row.name),
        )),
        many => Err((
            Column::IdNumber,
            format!(
                "花名册中有 {} 人叫“{}”，请填写身份证号以区分",
                many.len(),
                row.name
            ),
        )),
    }
}
