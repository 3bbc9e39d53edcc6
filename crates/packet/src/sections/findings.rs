//! 认定条件自评结果: the rules' findings exactly as the screen shows them, criterion by criterion:
//! its citation, what it asks in plain words, the verdict, actual against required and what would
//! change it; then the per-employee table of who counts for 第七条第（一）项 (each person's
//! standing, as the rules word it), and, smaller, an appendix with each criterion's exact method
//! and legal basis for the reviewer.

use bangfu_model::{Choice, PovertyStatus};
use bangfu_rules::{CriterionId, Status};

use super::{Ctx, SECTIONS};
use crate::facts;
use crate::grid::{self, label, value};
use crate::page::{Doc, Orientation, RED, TABLE, TABLE_MIN};
use crate::table::{col, draw_table, Align, Col, Row, Table};

const SIZE: f32 = 10.5;
const TITLE: &str = "认定条件自评结果";

/// The short form of a status in a table cell.
fn mark(s: Status) -> &'static str {
    match s {
        Status::Met => "符合",
        Status::NotMet => "不符合",
        Status::Incomplete => "不完整",
    }
}

pub fn draw(doc: &mut Doc, ctx: &Ctx) {
    doc.start_section(SECTIONS[3], Orientation::Portrait);
    let a = ctx.a;
    doc.title(TITLE, 20.0);

    // The overall verdict.
    let mut summary = vec![
        format!("自评基准日：{}", facts::date_cn(a.date)),
        format!(
            "务工总人数 {} 人；登记的脱贫人口（含监测对象）{} 人，其中符合第七条第（二）至（四）项条件的 {} 人",
            a.total_workforce, a.registered, a.qualifying
        ),
    ];
    if let Some(d) = a.earliest_qualifying_date {
        summary.push(format!(
            "如情况不变，预计 {} 起各项条件均可符合",
            facts::date_cn(d)
        ));
    }
    let l = doc.left();
    let w = doc.width();
    let top = doc.y;
    let verdict = format!("自评结论：{}", a.overall.label());
    let vs = 16.0;
    doc.y += vs * 1.6;
    if a.overall == Status::Met {
        doc.text(l + 12.0, doc.y, vs, true, &verdict);
    } else {
        let y = doc.y;
        doc.text_colored(l + 12.0, y, vs, true, RED, &verdict);
    }
    doc.y += 6.0;
    for line in summary {
        for wrapped in doc.m.wrap(&line, w - 24.0, SIZE, false) {
            doc.y += SIZE * 1.6;
            let y = doc.y;
            doc.text(l + 12.0, y, SIZE, false, &wrapped);
        }
    }
    doc.y += SIZE;
    doc.rect(l, top, w, doc.y - top, 1.0);
    doc.y += 14.0;

    // One block per criterion, in the regulation's order.
    for id in CriterionId::ALL {
        let Some(f) = a.finding(id) else {
            continue;
        };
        doc.ensure(ROW_MIN * 4.0);
        let head = format!("{}　{}", f.criterion.citation(), f.criterion.title());
        let placed = grid::row(
            doc,
            vec![
                grid::Cell {
                    frac: 8.2,
                    content: grid::Content::Label(head),
                    align: Align::Left,
                },
                grid::Cell {
                    frac: 1.8,
                    content: grid::Content::Blank,
                    align: Align::Center,
                },
            ],
            ROW_MIN,
            SIZE,
            TITLE,
        );
        // The verdict, bold; red when not met so a failing criterion is seen at a glance.
        let (x, cw) = placed.cells[1];
        let color = if f.status == Status::Met {
            crate::page::BLACK
        } else {
            RED
        };
        let verdict = f.status.label();
        let lw = doc.m.width(verdict, SIZE, true);
        doc.text_colored(
            x + (cw - lw) / 2.0,
            placed.top + placed.height / 2.0 + SIZE * 0.36,
            SIZE,
            true,
            color,
            verdict,
        );
        let mut rows = vec![("本项要求", f.explanation.clone())];
        rows.push(("结论说明", f.summary.clone()));
        rows.push(("实际情况", f.actual.clone()));
        rows.push(("认定要求", f.required.clone()));
        if !f.shortfall.trim().is_empty() {
            rows.push(("尚需", f.shortfall.clone()));
        }
        if !f.missing.is_empty() {
            rows.push(("缺少信息", f.missing.join("；")));
        }
        for (k, v) in rows {
            if v.trim().is_empty() {
                continue;
            }
            grid::row(
                doc,
                vec![label(1.8, k), value(8.2, v)],
                ROW_MIN,
                SIZE,
                TITLE,
            );
        }
        doc.y += 10.0;
    }

    field_messages(doc, ctx);
    per_employee(doc, ctx);
    methods(doc, ctx);
}

/// Size of the appendix text: smaller, it is for the reviewer who wants the exact rule.
const APPENDIX: f32 = 8.5;

/// 附：判断方法与依据: each criterion's exact method and legal basis, with the regulation's words.
fn methods(doc: &mut Doc, ctx: &Ctx) {
    doc.new_page(Orientation::Portrait);
    doc.title("附：判断方法与依据", 14.0);
    for f in &ctx.a.findings {
        doc.ensure(ROW_MIN * 3.0);
        grid::row(
            doc,
            vec![label(
                10.0,
                &format!("{}　{}", f.criterion.citation(), f.criterion.title()),
            )],
            ROW_MIN,
            SIZE,
            "附：判断方法与依据",
        );
        for (k, v) in [
            ("条文", f.criterion.text().to_owned()),
            ("判断方法", f.method.clone()),
        ] {
            grid::row(
                doc,
                vec![label(1.8, k), value(8.2, v)],
                ROW_MIN * 0.8,
                APPENDIX,
                "附：判断方法与依据",
            );
        }
        doc.y += 8.0;
    }
}

const ROW_MIN: f32 = 24.0;

/// Messages the rules attached to individual fields, with the person's name where the field
/// belongs to one.
fn field_messages(doc: &mut Doc, ctx: &Ctx) {
    let errors = &ctx.a.field_errors;
    if errors.is_empty() {
        return;
    }
    let rows = errors.iter().enumerate().map(|(i, e)| {
        let who = e
            .path
            .strip_prefix("employee.")
            .and_then(|rest| rest.split('.').next())
            .and_then(|k| k.parse::<u32>().ok())
            .and_then(|k| ctx.draft.employee(k))
            .map_or_else(|| "申请主体信息".to_owned(), |e| facts::or_blank(&e.name));
        Row::new(vec![
            (i + 1).to_string(),
            who,
            if e.warning { "提示" } else { "需补正" }.to_owned(),
            facts::clean(&e.message),
        ])
    });
    const COLS: [Col; 4] = [
        col("序号", 0.7, Align::Center),
        col("涉及人员或事项", 2.2, Align::Left),
        col("类别", 1.0, Align::Center),
        col("说明", 7.0, Align::Left),
    ];
    doc.y += 6.0;
    draw_table(
        doc,
        &Table {
            title: "填报信息核对提示",
            note_left: "",
            note_right: "",
            cols: &COLS,
            size: TABLE,
            min_size: TABLE_MIN,
        },
        rows,
    );
}

/// Who counts for 第七条第（一）项, person by person.
fn per_employee(doc: &mut Doc, ctx: &Ctx) {
    doc.new_page(Orientation::Landscape);
    const COLS: [Col; 10] = [
        col("序号", 0.7, Align::Center),
        col("姓名", 1.5, Align::Center),
        col("身份证号", 3.0, Align::Center),
        col("人员类别", 1.3, Align::Center),
        col("计入务工总人数", 1.2, Align::Center),
        col("稳定就业第七条第（二）项", 1.6, Align::Center),
        col("工资第七条第（三）项", 1.6, Align::Center),
        col("参保第七条第（四）项", 1.6, Align::Center),
        col("计入符合条件人数", 1.4, Align::Center),
        col("说明", 8.0, Align::Left),
    ];
    let rows = ctx.draft.employees.iter().enumerate().map(|(i, e)| {
        let f = ctx.employee(e.key);
        let status = |id: CriterionId| {
            f.and_then(|f| f.checks.iter().find(|c| c.0 == id))
                .map_or("—", |c| mark(c.1))
                .to_owned()
        };
        // The person's standing in the rules' words, then what else is wrong with their data.
        let mut notes: Vec<String> = Vec::new();
        if let Some(f) = f {
            notes.push(f.standing.text.to_string());
            notes.extend(
                f.problems
                    .iter()
                    .filter(|p| !f.standing.text.contains(p.as_str()))
                    .cloned(),
            );
        }
        let counted = f.map_or("—", |f| match f.standing.status {
            Some(Status::Met) => "计入",
            Some(_) if !f.checks.is_empty() => "不计入",
            _ => "—",
        });
        Row::new(vec![
            (i + 1).to_string(),
            facts::clean(&e.name),
            facts::id_number(&e.id_number),
            if e.poverty_status == PovertyStatus::Unspecified {
                "未填写".into()
            } else {
                e.poverty_status.label().to_owned()
            },
            f.map_or("—", |f| {
                if f.standing.in_workforce {
                    "是"
                } else {
                    "否"
                }
            })
            .to_owned(),
            status(CriterionId::Art7_2),
            status(CriterionId::Art7_3),
            status(CriterionId::Art7_4),
            counted.to_owned(),
            facts::clean(&notes.join("；")),
        ])
    });
    draw_table(
        doc,
        &Table {
            title: "逐人核对表（第七条第（一）项计入人数）",
            note_left: &format!("自评基准日：{}", facts::date_cn(ctx.a.date)),
            note_right: "“—”表示该项不适用",
            cols: &COLS,
            size: TABLE,
            min_size: TABLE_MIN,
        },
        rows,
    );
}
