//! The import preview: what a set of files would add, update and leave unchanged in the draft,
//! and which rows are rejected and why, computed before anything changes.
//!
//! People are matched by 身份证号 (normalised: spaces removed, `x` upper-cased). Several rows with
//! the same 身份证号 are one person with several stints. Wage rows are matched to a person of the
//! draft or of the same import by 身份证号, or, when the row has none, by a name that only one
//! person has; then to an existing month (update) or a new one. Matching uses hash indexes, so a
//! 60,000-row payroll is linear work.

use crate::columns::{Column, TableKind};
use crate::error::ImportError;
use crate::guess::{self, Target as Field};
use crate::limits::MAX_ROWS;
use crate::merge::{self, month_key, FieldChange, PersonRecord};
use crate::records::{self, Origin, RosterRow, RowIssue, RowRef, WageRow};
use crate::source::{self, ImportOptions, InputFile, Source};
use bangfu_model::{Draft, Employee, WageMonth};
use bangfu_rules::validate::id_card::normalize_id;
use std::collections::HashMap;

/// A person the import adds, updates or leaves as is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonChange {
    /// The rows describing this person (one per stint).
    pub rows: Vec<RowRef>,
    /// The employee's key in the draft; `None` for a person the import adds.
    pub key: Option<u32>,
    pub name: String,
    pub id_number: String,
    /// For an update: every field that changes. For an addition: empty.
    pub changes: Vec<FieldChange>,
}

/// A month of pay the import adds, updates or leaves as is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WageChange {
    pub at: RowRef,
    /// The employee's key in the draft; `None` when the person is added by this import.
    pub key: Option<u32>,
    pub name: String,
    pub id_number: String,
    /// `YYYY-MM`.
    pub month: String,
    /// For an update: every field that changes. For an addition: empty.
    pub changes: Vec<FieldChange>,
}

/// Whom a wage row belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Target {
    /// An employee already in the draft (by key).
    Existing(u32),
    /// A person added by this import (index into `ImportPlan::people`).
    New(usize),
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct WageRecord {
    target: Target,
    wage: WageMonth,
}

/// What an import would do. Show it; on confirmation call [`crate::apply`].
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPlan {
    /// The sheets read, with their header row, ignored columns and encoding.
    pub sources: Vec<Source>,
    /// Sheets set aside because no roster or payroll header was found in them ("文件：工作表").
    pub skipped_sheets: Vec<String>,
    pub people_added: Vec<PersonChange>,
    pub people_updated: Vec<PersonChange>,
    pub people_unchanged: Vec<PersonChange>,
    pub wages_added: Vec<WageChange>,
    pub wages_updated: Vec<WageChange>,
    pub wages_unchanged: Vec<WageChange>,
    /// Rows not imported, with the column and reason. Several issues may name the same row.
    pub rejected: Vec<RowIssue>,
    /// Things the user should know that do not stop a row (rows skipped on purpose, a value kept
    /// from an earlier row, wage rows matched by name).
    pub notes: Vec<RowIssue>,
    /// People to add or update, in file order (the update target is found again by key on apply).
    people: Vec<(Option<u32>, PersonRecord)>,
    wages: Vec<WageRecord>,
}

impl ImportPlan {
    /// True when confirming would change the draft.
    pub fn changes_anything(&self) -> bool {
        !(self.people_added.is_empty()
            && self.people_updated.is_empty()
            && self.wages_added.is_empty()
            && self.wages_updated.is_empty())
    }

    /// Rows rejected (a row with several bad cells counts once).
    pub fn rejected_rows(&self) -> usize {
        let mut rows: Vec<(&str, &str, u32)> = self
            .rejected
            .iter()
            .map(|r| (r.file.as_str(), r.sheet.as_str(), r.row))
            .collect();
        rows.sort_unstable();
        rows.dedup();
        rows.len()
    }

    /// One line for the preview's heading, e.g.
    /// "新增 12 人，更新 3 人，新增工资记录 240 条，有 2 行未能导入".
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        let mut push = |n: usize, s: &str| {
            if n > 0 {
                parts.push(s.replace("{}", &n.to_string()));
            }
        };
        push(self.people_added.len(), "新增 {} 人");
        push(self.people_updated.len(), "更新 {} 人");
        push(self.people_unchanged.len(), "{} 人无变化");
        push(self.wages_added.len(), "新增工资记录 {} 条");
        push(self.wages_updated.len(), "更新工资记录 {} 条");
        push(self.wages_unchanged.len(), "{} 条工资记录无变化");
        push(self.rejected_rows(), "有 {} 行未能导入");
        if parts.is_empty() {
            return "文件中没有可导入的数据行。".to_owned();
        }
        parts.join("，")
    }

    /// "花名册.xlsx 工作表“Sheet1” 第 5 行": where a row reference points, for display.
    pub fn describe(&self, at: RowRef) -> String {
        match self.sources.get(at.source) {
            Some(s) if s.sheet.is_empty() => format!("{} 第 {} 行", s.file, at.row),
            Some(s) => format!("{} 工作表“{}” 第 {} 行", s.file, s.sheet, at.row),
            None => format!("第 {} 行", at.row),
        }
    }
}

/// Reads `files` and computes what importing them into `draft` would do. The draft is not changed.
///
/// # Errors
/// An [`ImportError`] when any file cannot be read as a whole (empty, wrong type, too large, no
/// header …); row-level problems are not errors but [`ImportPlan::rejected`].
pub fn preview(
    draft: &Draft,
    files: &[InputFile<'_>],
    options: &ImportOptions,
) -> Result<ImportPlan, ImportError> {
    if files.is_empty() {
        return Err(ImportError::NoFiles);
    }
    let mut sources = Vec::new();
    let mut skipped_sheets = Vec::new();
    let mut roster_rows = Vec::new();
    let mut wage_rows = Vec::new();
    let mut rejected = Vec::new();
    let mut notes = Vec::new();
    let mut budget = MAX_ROWS;
    for file in files {
        let found = source::read(file, options, budget, &mut skipped_sheets)?;
        for f in found {
            budget = budget.saturating_sub(f.sheet.rows.len());
            let index = sources.len();
            let origin = Origin {
                source: index,
                file: &f.source.file,
                sheet: &f.source.sheet,
            };
            match f.header.kind {
                TableKind::Roster => {
                    let read = records::roster(&f.sheet, &f.header, &origin);
                    roster_rows.extend(read.records);
                    rejected.extend(read.rejected);
                    notes.extend(read.notes);
                }
                TableKind::Wages => {
                    let read = records::wages(&f.sheet, &f.header, &origin);
                    wage_rows.extend(read.records);
                    rejected.extend(read.rejected);
                    notes.extend(read.notes);
                }
            }
            sources.push(f.source);
        }
    }
    Ok(build(
        draft,
        sources,
        skipped_sheets,
        roster_rows,
        wage_rows,
        rejected,
        notes,
    ))
}

/// An issue about a row of a known source.
fn issue(
    sources: &[Source],
    at: RowRef,
    column: Option<Column>,
    value: &str,
    reason: String,
) -> RowIssue {
    let (file, sheet) = sources
        .get(at.source)
        .map(|s| (s.file.clone(), s.sheet.clone()))
        .unwrap_or_default();
    RowIssue {
        file,
        sheet,
        row: at.row,
        column: column.map(|c| c.label().to_owned()).unwrap_or_default(),
        value: value.to_owned(),
        reason,
    }
}

fn row_label(sources: &[Source], at: RowRef, here: RowRef) -> String {
    if at.source == here.source {
        format!("第 {} 行", at.row)
    } else {
        sources.get(at.source).map_or_else(
            || format!("第 {} 行", at.row),
            |s| {
                if s.sheet.is_empty() {
                    format!("{} 第 {} 行", s.file, at.row)
                } else {
                    format!("工作表“{}”第 {} 行", s.sheet, at.row)
                }
            },
        )
    }
}

/// Groups roster rows by 身份证号 into people, rejecting rows that contradict an earlier row.
fn group_people(
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
        let same_start = |a: &str, b: &str| !a.is_empty() && a == b;
        let stint_at = row.stint.as_ref().and_then(|s| {
            p.stints
                .iter()
                .position(|x| same_start(&x.start, &s.start))
                .map(|j| (j, p.stints[j] == *s))
        });
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
        let insurance_at = row.insurance.as_ref().and_then(|s| {
            p.insurance
                .iter()
                .position(|x| same_start(&x.start, &s.start))
                .map(|j| (j, p.insurance[j] == *s))
        });
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

/// Index of the draft: canonical 身份证号 → position; name → positions.
struct DraftIndex {
    by_key: HashMap<u32, usize>,
    by_id: HashMap<String, usize>,
    by_name: HashMap<String, Vec<usize>>,
}

impl DraftIndex {
    fn new(employees: &[Employee]) -> Self {
        let mut by_id = HashMap::new();
        let mut by_key = HashMap::new();
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in employees.iter().enumerate() {
            by_key.entry(e.key).or_insert(i);
            let id = normalize_id(&e.id_number);
            if !id.is_empty() {
                by_id.entry(id).or_insert(i);
            }
            let name =
                crate::value::name(&crate::grid::Cell::Text(e.name.clone())).unwrap_or_default();
            if !name.is_empty() {
                by_name.entry(name).or_default().push(i);
            }
        }
        DraftIndex {
            by_key,
            by_id,
            by_name,
        }
    }
}

/// Canonical month → index in `wages`, for one employee.
fn month_index(wages: &[WageMonth]) -> HashMap<String, usize> {
    let mut m = HashMap::with_capacity(wages.len());
    for (i, w) in wages.iter().enumerate() {
        m.entry(month_key(&w.month)).or_insert(i);
    }
    m
}

#[allow(clippy::too_many_arguments)]
fn build(
    draft: &Draft,
    sources: Vec<Source>,
    skipped_sheets: Vec<String>,
    roster_rows: Vec<RosterRow>,
    wage_rows: Vec<WageRow>,
    mut rejected: Vec<RowIssue>,
    mut notes: Vec<RowIssue>,
) -> ImportPlan {
    let people = group_people(&sources, roster_rows, &mut rejected, &mut notes);
    let index = DraftIndex::new(&draft.employees);

    let mut plan = ImportPlan {
        sources: Vec::new(),
        skipped_sheets,
        people_added: Vec::new(),
        people_updated: Vec::new(),
        people_unchanged: Vec::new(),
        wages_added: Vec::new(),
        wages_updated: Vec::new(),
        wages_unchanged: Vec::new(),
        rejected: Vec::new(),
        notes: Vec::new(),
        people: Vec::new(),
        wages: Vec::new(),
    };

    // People: index of the import's people by ID, and who each one is in the draft.
    let mut new_by_id: HashMap<String, usize> = HashMap::new();
    let mut new_by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in people.iter().enumerate() {
        new_by_id.insert(p.id_number.clone(), i);
        new_by_name.entry(p.name.clone()).or_default().push(i);
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

    // Wages.
    let mut months_of: HashMap<usize, HashMap<String, usize>> = HashMap::new();
    // (person, month) → the first row and its index in `plan.wages`.
    let mut seen: HashMap<(Target, String), (RowRef, usize)> = HashMap::new();
    let mut matched_by_name: HashMap<usize, (RowRef, usize)> = HashMap::new();
    for row in wage_rows {
        let resolved = resolve(&row, draft, &index, &people, &new_by_id, &new_by_name);
        let (target, name, id, via_name) = match resolved {
            Ok(t) => t,
            Err((column, reason)) => {
                let value = match column {
                    Column::IdNumber => row.id_number.clone(),
                    _ => row.name.clone(),
                };
                rejected.push(issue(&sources, row.at, Some(column), &value, reason));
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
            let at = row_label(&sources, first, row.at);
            if plan.wages[earlier].wage == row.wage {
                notes.push(issue(
                    &sources,
                    row.at,
                    None,
                    "",
                    format!("与{at}完全相同，已忽略"),
                ));
            } else {
                rejected.push(issue(
                    &sources,
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
        notes.push(issue(
            &sources,
            first,
            Some(Column::IdNumber),
            "",
            format!("本表有 {n} 行没有填写身份证号，已按姓名对应到花名册中唯一同名的人，请核对"),
        ));
    }
    // In the order the files and sheets were read, then by row.
    let order: HashMap<(&str, &str), usize> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| ((s.file.as_str(), s.sheet.as_str()), i))
        .collect();
    let position = |r: &RowIssue| {
        let source = order
            .get(&(r.file.as_str(), r.sheet.as_str()))
            .copied()
            .unwrap_or(usize::MAX);
        (source, r.row)
    };
    rejected.sort_by_key(position);
    notes.sort_by_key(position);
    plan.sources = sources;
    plan.rejected = rejected;
    plan.notes = notes;
    plan
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

/// The draft after confirming `plan`: people added (with new keys) or updated by key, then months
/// of pay added or updated. `draft` itself is not changed, so the caller can keep it for undo.
///
/// The choice fields an import record sets (so that an earlier guess on them is dropped).
fn touched(rec: &PersonRecord) -> Vec<Field> {
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

/// The preview's list of guessed values: 「用工形式：「临时工」按“季节性”导入（12 行）」.
impl ImportPlan {
    pub fn guess_lines(&self) -> Vec<String> {
        guess::count_lines(self.people.iter().flat_map(|(_, r)| r.guesses.iter()))
    }
}

/// Applying a plan to the draft it was made from gives exactly what the preview showed. If the
/// draft changed in between, each person is merged again by the same rules (never overwriting with
/// blanks), and a person deleted in between is added back.
pub fn apply(plan: &ImportPlan, draft: &Draft) -> Draft {
    let mut d = draft.clone();
    let mut pos_of: HashMap<u32, usize> = d
        .employees
        .iter()
        .enumerate()
        .map(|(i, e)| (e.key, i))
        .collect();
    let mut next_key = d.next_employee_key();
    let mut new_pos: Vec<Option<usize>> = vec![None; plan.people.len()];
    for (i, (key, rec)) in plan.people.iter().enumerate() {
        match key.and_then(|k| pos_of.get(&k).copied()) {
            Some(pos) => {
                let (merged, changes) = merge::merge_person(&d.employees[pos], rec);
                if !changes.is_empty() {
                    d.employees[pos] = merged;
                }
                guess::apply(&mut d.employees[pos], &touched(rec), &rec.guesses);
                new_pos[i] = Some(pos);
            }
            None => {
                let key = next_key;
                next_key = next_key.saturating_add(1);
                pos_of.insert(key, d.employees.len());
                new_pos[i] = Some(d.employees.len());
                let mut e = merge::new_employee(rec, key);
                guess::apply(&mut e, &[], &rec.guesses);
                d.employees.push(e);
            }
        }
    }
    let mut months_of: HashMap<usize, HashMap<String, usize>> = HashMap::new();
    for w in &plan.wages {
        let pos = match w.target {
            Target::Existing(key) => pos_of.get(&key).copied(),
            Target::New(i) => new_pos.get(i).copied().flatten(),
        };
        // The person was deleted after the preview: their pay has nowhere to go.
        let Some(pos) = pos else { continue };
        let e = &mut d.employees[pos];
        let months = months_of
            .entry(pos)
            .or_insert_with(|| month_index(&e.wages));
        let key = month_key(&w.wage.month);
        match months.get(&key) {
            Some(&j) => {
                let (merged, changes) = merge::merge_wage(Some(&e.wages[j]), &w.wage);
                if !changes.is_empty() {
                    e.wages[j] = merged;
                }
            }
            None => {
                months.insert(key, e.wages.len());
                e.wages.push(w.wage.clone());
            }
        }
    }
    d
}
