//! What the import preview shows, as plain lines: [`PlanSummary`] is an [`ImportPlan`] put into
//! words, small enough to send from the import worker to the page (the plan itself, with every
//! record, stays in the worker until the user confirms).

use serde::{Deserialize, Serialize};

use crate::{ImportPlan, PersonChange, WageChange};

/// An import preview in lines of Chinese text, list by list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanSummary {
    /// 「将新增 3 名员工、更新 1 名……」
    pub summary: String,
    /// Whether confirming would change the draft.
    pub changes_anything: bool,
    /// One line per sheet read: file, sheet, kind, header row, encoding, ignored columns.
    pub sources: Vec<String>,
    /// Sheets set aside because no header was recognised (「文件：工作表」).
    pub skipped_sheets: Vec<String>,
    pub rejected: Vec<String>,
    pub people_added: Vec<String>,
    pub people_updated: Vec<String>,
    pub wages_added: Vec<String>,
    pub wages_updated: Vec<String>,
    pub notes: Vec<String>,
    /// Values read from a word other than the field's label, with how many rows: the user sees
    /// each mapping before confirming.
    pub guesses: Vec<String>,
}

impl ImportPlan {
    /// The preview in words.
    pub fn to_summary(&self) -> PlanSummary {
        PlanSummary {
            summary: self.summary(),
            changes_anything: self.changes_anything(),
            sources: self.sources.iter().map(source_line).collect(),
            skipped_sheets: self.skipped_sheets.clone(),
            rejected: self
                .rejected
                .iter()
                .map(|r| {
                    if r.file.is_empty() {
                        r.to_string()
                    } else {
                        format!("{} {r}", r.file)
                    }
                })
                .collect(),
            people_added: self
                .people_added
                .iter()
                .map(|p| person_line(self, p))
                .collect(),
            people_updated: self
                .people_updated
                .iter()
                .map(|p| person_line(self, p))
                .collect(),
            wages_added: self
                .wages_added
                .iter()
                .map(|w| wage_line(self, w))
                .collect(),
            wages_updated: self
                .wages_updated
                .iter()
                .map(|w| wage_line(self, w))
                .collect(),
            notes: self.notes.iter().map(ToString::to_string).collect(),
            guesses: self.guess_lines(),
        }
    }
}

fn source_line(s: &crate::Source) -> String {
    let mut line = if s.sheet.is_empty() {
        format!(
            "{}：{}，表头在第 {} 行",
            s.file,
            s.kind.label(),
            s.header_row
        )
    } else {
        format!(
            "{} 工作表“{}”：{}，表头在第 {} 行",
            s.file,
            s.sheet,
            s.kind.label(),
            s.header_row
        )
    };
    if let Some(enc) = s.encoding {
        line.push_str(&format!("，编码 {}", enc.label()));
    }
    if let Some(m) = &s.title_month {
        line.push_str(&format!("，工资月份取自标题 {m}"));
    }
    if !s.ignored_columns.is_empty() {
        line.push_str(&format!("；未导入的列：{}", s.ignored_columns.join("、")));
    }
    line
}

/// 「张三 150102…（花名册.xlsx 第 3 行）：岗位：空 → 缝纫工」
fn person_line(plan: &ImportPlan, p: &PersonChange) -> String {
    let at = p
        .rows
        .first()
        .map(|r| plan.describe(*r))
        .unwrap_or_default();
    let name = if p.name.is_empty() {
        "（未填姓名）"
    } else {
        &p.name
    };
    let mut line = format!("{name} {}（{at}）", p.id_number);
    if !p.changes.is_empty() {
        let changes: Vec<String> = p
            .changes
            .iter()
            .map(|c| {
                let before = if c.before.is_empty() {
                    "空"
                } else {
                    &c.before
                };
                let after = if c.after.is_empty() { "空" } else { &c.after };
                format!("{}：{before} → {after}", c.field)
            })
            .collect();
        line.push('：');
        line.push_str(&changes.join("；"));
    }
    line
}

/// 「张三 150102… 2025-09（工资表.xlsx 第 4 行）：实发工资：1,800.00 → 1,900.00」
fn wage_line(plan: &ImportPlan, w: &WageChange) -> String {
    let mut line = format!(
        "{} {} {}（{}）",
        w.name,
        w.id_number,
        w.month,
        plan.describe(w.at)
    );
    if !w.changes.is_empty() {
        let changes: Vec<String> = w.changes.iter().map(ToString::to_string).collect();
        line.push('：');
        line.push_str(&changes.join("；"));
    }
    line
}
