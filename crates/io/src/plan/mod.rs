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
use crate::guess;
use crate::limits::MAX_ROWS;
use crate::merge::{self, FieldChange, PersonRecord};
mod people;
mod wages;
use crate::records::{self, Origin, RosterRow, RowIssue, RowRef, WageRow};
use crate::source::{self, ImportOptions, InputFile, Source};
use crate::value::month_key;
use bangfu_model::{Draft, Employee};
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
    pub(crate) people: Vec<(Option<u32>, PersonRecord)>,
    pub(crate) wages: Vec<wages::WageRecord>,
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
        Reading {
            sources,
            skipped_sheets,
            roster_rows,
            wage_rows,
            rejected,
            notes,
        },
    ))
}

/// An issue about a row of a known source.
pub(crate) fn issue(
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

pub(crate) fn row_label(sources: &[Source], at: RowRef, here: RowRef) -> String {
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

/// Index of the draft: canonical 身份证号 → position; name → positions.
pub(crate) struct DraftIndex {
    pub by_key: HashMap<u32, usize>,
    pub by_id: HashMap<String, usize>,
    pub by_name: HashMap<String, Vec<usize>>,
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

/// What reading the files gave, before matching it to the draft.
struct Reading {
    sources: Vec<Source>,
    skipped_sheets: Vec<String>,
    roster_rows: Vec<RosterRow>,
    wage_rows: Vec<WageRow>,
    rejected: Vec<RowIssue>,
    notes: Vec<RowIssue>,
}

/// The plan: people grouped and matched to the draft ([`people`]), then pay rows matched to
/// people ([`wages`]); issues in file and row order.
fn build(draft: &Draft, r: Reading) -> ImportPlan {
    let Reading {
        sources,
        skipped_sheets,
        roster_rows,
        wage_rows,
        mut rejected,
        mut notes,
    } = r;
    let grouped = people::group(&sources, roster_rows, &mut rejected, &mut notes);
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
    let new = people::classify(draft, &index, &grouped, &mut plan);
    let mut issues = Issues {
        sources: &sources,
        rejected: &mut rejected,
        notes: &mut notes,
    };
    wages::classify(
        draft,
        &index,
        &grouped,
        &new,
        wage_rows,
        &mut plan,
        &mut issues,
    );
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

/// Where row issues go while the plan is built.
pub(crate) struct Issues<'a> {
    pub sources: &'a [Source],
    pub rejected: &'a mut Vec<RowIssue>,
    pub notes: &'a mut Vec<RowIssue>,
}

/// The import's people by ID and by name (indexes into the grouped people).
pub(crate) struct NewPeople {
    pub by_id: HashMap<String, usize>,
    pub by_name: HashMap<String, Vec<usize>>,
}

/// The preview's list of guessed values: 「用工形式：「临时工」按“季节性”导入（12 行）」.
impl ImportPlan {
    pub fn guess_lines(&self) -> Vec<String> {
        guess::count_lines(self.people.iter().flat_map(|(_, r)| r.guesses.iter()))
    }
}

/// The draft after confirming `plan`: people added (with new keys) or updated by key, then months
/// of pay added or updated. `draft` itself is not changed, so the caller can keep it for undo.
///
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
                guess::apply(&mut d.employees[pos], &people::touched(rec), &rec.guesses);
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
            wages::Target::Existing(key) => pos_of.get(&key).copied(),
            wages::Target::New(i) => new_pos.get(i).copied().flatten(),
        };
        // The person was deleted after the preview: their pay has nowhere to go.
        let Some(pos) = pos else { continue };
        let e = &mut d.employees[pos];
        let months = months_of
            .entry(pos)
            .or_insert_with(|| wages::month_index(&e.wages));
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
