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
    /// Columns the rules need that a sheet lacks, one line each (said loudly).
    pub missing: Vec<String>,
    /// Headers that were not recognised, for the user to map to a column.
    pub unmapped: Vec<UnmappedColumn>,
}

/// A header the user may map to a column.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnmappedColumn {
    /// The header text as in the file.
    pub header: String,
    /// 「花名册.csv」 or 「工资表.xlsx 工作表“3月”」.
    pub source: String,
    /// The code of the column it probably means ([`crate::columns::Column::code`]).
    pub suggestion: Option<String>,
    /// The codes of the columns of that table, to choose from.
    pub choices: Vec<String>,
}

/// What a sheet without a column the rules need loses.
fn missing_line(source: &str, column: crate::columns::Column) -> String {
    use crate::columns::Column;
    let consequence = match column {
        Column::AgreementStart => {
            "导入后这些人都没有入职（协议起始）日期：无法判断第七条第（二）项，也不计入务工总人数"
        }
        Column::IdNumber => "没有身份证号就无法识别每个人，也不计入登记人数",
        Column::PovertyStatus => "导入后这些人都没有人员类别：无法判断是否为脱贫人口",
        Column::Month => "没有工资月份，工资记录无法对应到月",
        Column::Gross => "没有应发工资，无法核对最低工资标准（第七条第（三）项）",
        _ => "部分条件将无法判断",
    };
    format!("「{source}」缺少“{}”列：{consequence}。如表中这一列用了别的名称，请在下方“未识别的列”中对应。", column.label())
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
            missing: self
                .sources
                .iter()
                .flat_map(|s| {
                    let name = source_name(s);
                    s.missing.iter().map(move |c| missing_line(&name, *c))
                })
                .collect(),
            unmapped: self
                .sources
                .iter()
                .flat_map(|s| {
                    let name = source_name(s);
                    let choices: Vec<String> = s
                        .kind
                        .columns()
                        .iter()
                        .chain(s.kind.optional_columns())
                        .map(|c| c.code().to_owned())
                        .collect();
                    s.unmapped.iter().map(move |u| UnmappedColumn {
                        header: u.header.clone(),
                        source: name.clone(),
                        suggestion: u.suggestion.map(|c| c.code().to_owned()),
                        choices: choices.clone(),
                    })
                })
                .collect(),
        }
    }
}

/// 「花名册.csv」 or 「工资表.xlsx 工作表“3月”」.
fn source_name(s: &crate::Source) -> String {
    if s.sheet.is_empty() {
        s.file.clone()
    } else {
        format!("{} 工作表“{}”", s.file, s.sheet)
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
