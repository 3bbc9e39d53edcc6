//! The rosters 第八条第（一）项 asks for ("吸纳脱贫人口身份信息、劳务协议"): the roster of
//! poverty-alleviated employees (with a column for each person's signature), the full roster, the
//! list of agreements and the list of insurance cover.

use bangfu_model::text::format_fen;
use bangfu_model::{Choice, Employee, PovertyStatus};

use super::{Ctx, SECTIONS};
use crate::facts;
use crate::page::{Doc, Orientation, TABLE, TABLE_MIN};
use crate::table::{col, draw_table, Align, Col, Row, Table};

fn is_poor(e: &Employee) -> bool {
    matches!(
        e.poverty_status,
        PovertyStatus::Alleviated | PovertyStatus::Monitored
    )
}

fn label_or_blank<T: Choice>(v: T) -> String {
    if v == T::ALL[0] {
        String::new()
    } else {
        v.label().to_owned()
    }
}

/// 「无」 rows keep an empty table recognisable as deliberately empty.
fn none_row(cols: usize, text: &str) -> Row {
    let mut cells = vec![String::new(); cols];
    if cols > 1 {
        cells[1] = text.to_owned();
    }
    Row::new(cells)
}

/// Draws one of the landscape lists: the applicant's name and seal line on the left, `note_right`
/// on the right, and a 「（无）」 row when there is nothing to list.
fn draw_list(
    doc: &mut Doc,
    ctx: &Ctx,
    title: &str,
    note_right: &str,
    cols: &[Col],
    mut rows: Vec<Row>,
) {
    if rows.is_empty() {
        rows.push(none_row(cols.len(), "（无）"));
    }
    draw_table(
        doc,
        &Table {
            title,
            note_left: &format!("填报单位（盖章）：{}", ctx.applicant),
            note_right,
            cols,
            size: TABLE,
            min_size: TABLE_MIN,
        },
        rows,
    );
}

/// The first cells of the agreement and insurance lists: 序号, 姓名, 身份证号, 人员类别.
fn person_cells(n: usize, e: &Employee) -> Vec<String> {
    vec![
        n.to_string(),
        facts::clean(&e.name),
        facts::id_number(&e.id_number),
        label_or_blank(e.poverty_status),
    ]
}

/// The insurance cover of a person in one cell: 「工伤保险 2025-03-01起」.
fn insurance_summary(e: &Employee) -> String {
    let parts: Vec<String> = e
        .insurance
        .iter()
        .filter(|i| i.kind != bangfu_model::InsuranceKind::Unspecified)
        .map(|i| {
            let start = facts::date(&i.start);
            let end = facts::date(&i.end);
            match (start.is_empty(), end.is_empty()) {
                (true, _) => i.kind.label().to_owned(),
                (false, true) => format!("{} {start}起", i.kind.label()),
                (false, false) => format!("{} {start}至{end}", i.kind.label()),
            }
        })
        .collect();
    if parts.is_empty() {
        "未参保".into()
    } else {
        parts.join("；")
    }
}

/// 吸纳脱贫人口就业花名册 (columns of the domain guide).
pub fn draw_alleviated(doc: &mut Doc, ctx: &Ctx) {
    doc.start_section(SECTIONS[4], Orientation::Landscape);
    const COLS: [Col; 14] = [
        col("序号", 0.75, Align::Center),
        col("姓名", 1.5, Align::Center),
        col("性别", 0.7, Align::Center),
        col("身份证号", 3.0, Align::Center),
        col("户籍地", 2.2, Align::Left),
        col("人员类别", 1.25, Align::Center),
        col("联系电话", 1.85, Align::Center),
        col("岗位", 1.3, Align::Center),
        col("用工形式", 1.2, Align::Center),
        col("合同起止日期", 2.1, Align::Center),
        col("累计就业月数", 1.1, Align::Center),
        col("月均工资（元）", 1.5, Align::Right),
        col("参保情况", 2.6, Align::Left),
        col("本人签字", 1.6, Align::Center),
    ];
    let on = ctx.a.date;
    let rows: Vec<Row> = ctx
        .draft
        .employees
        .iter()
        .filter(|e| is_poor(e))
        .enumerate()
        .map(|(i, e)| {
            let stint = facts::current_stint(e);
            Row::new(vec![
                (i + 1).to_string(),
                facts::clean(&e.name),
                facts::sex(&e.id_number, ctx.today).to_owned(),
                facts::id_number(&e.id_number),
                facts::clean(&e.household_address),
                e.poverty_status.label().to_owned(),
                facts::clean(&e.phone),
                facts::clean(&e.post),
                stint.map_or_else(String::new, |s| label_or_blank(s.employment_form)),
                stint.map_or_else(String::new, facts::stint_period),
                // The rules' figures: the months of the employment 第七条第（二）项 judged, and
                // the mean pay of the wage months 第（三）项 reviewed.
                ctx.employee(e.key)
                    .and_then(|f| f.months_employed)
                    .map_or_else(String::new, |m| m.to_string()),
                ctx.employee(e.key)
                    .and_then(|f| f.average_gross_fen)
                    .map_or_else(String::new, format_fen),
                insurance_summary(e),
                String::new(),
            ])
        })
        .collect();
    let right = format!("截至{}", facts::date_cn(on));
    draw_list(doc, ctx, "吸纳脱贫人口就业花名册", &right, &COLS, rows);
}

/// 员工花名册: everyone on the roster.
pub fn draw_all(doc: &mut Doc, ctx: &Ctx) {
    doc.start_section(SECTIONS[5], Orientation::Landscape);
    const COLS: [Col; 12] = [
        col("序号", 0.75, Align::Center),
        col("姓名", 1.5, Align::Center),
        col("性别", 0.7, Align::Center),
        col("身份证号", 3.0, Align::Center),
        col("人员类别", 1.25, Align::Center),
        col("联系电话", 2.0, Align::Center),
        col("岗位", 1.6, Align::Center),
        col("用工形式", 1.2, Align::Center),
        col("入职日期", 1.6, Align::Center),
        col("离职日期", 1.6, Align::Center),
        col("评估日在岗", 1.1, Align::Center),
        col("户籍地", 3.0, Align::Left),
    ];
    let rows: Vec<Row> = ctx
        .draft
        .employees
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let stint = facts::current_stint(e);
            let employed = ctx.employee(e.key).map_or("", |f| {
                if f.employed_on_assessment_date {
                    "是"
                } else {
                    "否"
                }
            });
            Row::new(vec![
                (i + 1).to_string(),
                facts::clean(&e.name),
                facts::sex(&e.id_number, ctx.today).to_owned(),
                facts::id_number(&e.id_number),
                label_or_blank(e.poverty_status),
                facts::clean(&e.phone),
                facts::clean(&e.post),
                stint.map_or_else(String::new, |s| label_or_blank(s.employment_form)),
                stint.map_or_else(String::new, |s| facts::date(&s.start)),
                stint.map_or_else(String::new, |s| facts::date(&s.leave_date)),
                employed.to_owned(),
                facts::clean(&e.household_address),
            ])
        })
        .collect();
    let right = format!(
        "务工总人数 {} 人（截至{}）",
        ctx.a.total_workforce,
        facts::date_cn(ctx.a.date)
    );
    draw_list(doc, ctx, "员工花名册", &right, &COLS, rows);
}

/// 劳动合同（劳务协议）签订情况表: one row per agreement (a seasonal worker may have several).
pub fn draw_agreements(doc: &mut Doc, ctx: &Ctx) {
    doc.start_section(SECTIONS[6], Orientation::Landscape);
    const COLS: [Col; 9] = [
        col("序号", 0.75, Align::Center),
        col("姓名", 1.5, Align::Center),
        col("身份证号", 3.0, Align::Center),
        col("人员类别", 1.25, Align::Center),
        col("协议类型", 1.5, Align::Center),
        col("用工形式", 1.2, Align::Center),
        col("起始日期", 1.6, Align::Center),
        col("终止日期", 1.8, Align::Center),
        col("离职日期", 1.6, Align::Center),
    ];
    let mut n = 0;
    let mut rows: Vec<Row> = Vec::new();
    for e in &ctx.draft.employees {
        for s in &e.stints {
            n += 1;
            let end = facts::date(&s.end);
            let mut cells = person_cells(n, e);
            cells.extend([
                label_or_blank(s.agreement_type),
                label_or_blank(s.employment_form),
                facts::date(&s.start),
                if end.is_empty() && !s.start.trim().is_empty() {
                    "无固定期限".into()
                } else {
                    end
                },
                facts::date(&s.leave_date),
            ]);
            rows.push(Row::new(cells));
        }
    }
    draw_list(
        doc,
        ctx,
        "劳动合同（劳务协议）签订情况表",
        "协议文本复印件附后",
        &COLS,
        rows,
    );
}

/// 参保情况表: one row per insurance period; a poverty-alleviated person without any is listed
/// as 未参保 (第七条第（四）项 is about them).
pub fn draw_insurance(doc: &mut Doc, ctx: &Ctx) {
    doc.start_section(SECTIONS[7], Orientation::Landscape);
    const COLS: [Col; 7] = [
        col("序号", 0.75, Align::Center),
        col("姓名", 1.5, Align::Center),
        col("身份证号", 3.0, Align::Center),
        col("人员类别", 1.25, Align::Center),
        col("参保险种", 2.2, Align::Center),
        col("起始日期", 1.6, Align::Center),
        col("终止日期", 1.6, Align::Center),
    ];
    let mut n = 0;
    let mut rows: Vec<Row> = Vec::new();
    for e in &ctx.draft.employees {
        let periods: Vec<_> = e
            .insurance
            .iter()
            .filter(|i| i.kind != bangfu_model::InsuranceKind::Unspecified)
            .collect();
        if periods.is_empty() {
            if is_poor(e) {
                n += 1;
                let mut cells = person_cells(n, e);
                cells.extend(["未参保".into(), String::new(), String::new()]);
                rows.push(Row::new(cells));
            }
            continue;
        }
        for i in periods {
            n += 1;
            let end = facts::date(&i.end);
            let mut cells = person_cells(n, e);
            cells.extend([
                i.kind.label().to_owned(),
                facts::date(&i.start),
                if end.is_empty() { "至今".into() } else { end },
            ]);
            rows.push(Row::new(cells));
        }
    }
    draw_list(
        doc,
        ctx,
        "参保情况表",
        "参保证明（保单）复印件附后",
        &COLS,
        rows,
    );
}
