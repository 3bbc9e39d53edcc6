//! 初审审查意见表: header, 审查组 with signature lines, one row per criterion, the 抽查 and the
//! conclusion, with the township's seal and date.

use super::{build, issuer_block, unfinished};
use crate::fonts::Fonts;
use crate::grid::{self, label, value};
use crate::page::{Doc, Orientation, BODY};
use crate::{PacketError, PacketOptions};
use bangfu_review::documents::OpinionSheet;

/// The 审查意见表 as a PDF.
///
/// # Errors
/// [`PacketError::MissingChars`] when a character of the sheet is in no font of `fonts`, or
/// [`PacketError::Font`] / [`PacketError::Pdf`] when the file cannot be written.
pub fn opinion_pdf(
    sheet: &OpinionSheet,
    fonts: &Fonts,
    opts: &PacketOptions,
) -> Result<Vec<u8>, PacketError> {
    let applicant = sheet.header.first().map_or("", |h| h.1.as_str());
    build(
        sheet.title,
        applicant,
        Orientation::Portrait,
        fonts,
        opts,
        |doc| {
            draw(doc, sheet);
        },
    )
}

fn draw(doc: &mut Doc, s: &OpinionSheet) {
    let t = s.title;
    let size = 10.0;
    doc.title(t, 17.0);
    doc.y += 6.0;
    unfinished(doc, &s.unfinished);
    for (k, v) in &s.header {
        grid::row(
            doc,
            vec![label(1.6, k), value(6.4, v.as_str())],
            22.0,
            size,
            t,
        );
    }
    doc.y += 10.0;
    section(doc, "审查组（不少于3人，第八条第（二）项）");
    grid::row(
        doc,
        vec![
            label(0.6, "序号"),
            label(2.0, "姓名"),
            label(3.6, "单位/职务"),
            label(1.8, "签字"),
        ],
        20.0,
        size,
        t,
    );
    for (i, (name, role)) in s.members.iter().enumerate() {
        grid::row(
            doc,
            vec![
                label(0.6, &(i + 1).to_string()),
                value(2.0, name.as_str()),
                value(3.6, role.as_str()),
                grid::blank(1.8),
            ],
            26.0,
            size,
            t,
        );
    }
    doc.y += 10.0;
    section(doc, "逐项审查情况");
    let small = 9.0;
    grid::row(
        doc,
        vec![
            label(1.7, "审查项目"),
            label(1.2, "审查方式"),
            label(0.8, "核实结果"),
            label(1.9, "依据材料"),
            label(1.7, "说明"),
            label(0.7, "系统自评"),
        ],
        20.0,
        small,
        t,
    );
    for r in &s.rows {
        grid::row(
            doc,
            vec![
                value(1.7, r.item.as_str()),
                value(1.2, r.methods.as_str()),
                label(0.8, &r.result),
                value(1.9, r.evidence.as_str()),
                value(1.7, r.note.as_str()),
                label(0.7, &r.app),
            ],
            28.0,
            small,
            t,
        );
    }
    doc.y += 10.0;
    section(doc, "抽查情况");
    if s.sample.is_empty() {
        doc.paragraph("未抽查。", size, 0.0, 1.6);
    } else {
        doc.paragraph(&s.sample_heading, size, 0.0, 1.6);
        grid::row(
            doc,
            vec![
                label(1.0, "姓名"),
                label(1.8, "身份证号"),
                label(1.0, "联系情况"),
                label(0.6, "在岗"),
                label(0.8, "工资到账"),
                label(0.8, "签订协议"),
                label(1.6, "备注"),
            ],
            20.0,
            small,
            t,
        );
        for p in &s.sample {
            grid::row(
                doc,
                vec![
                    value(1.0, p.name.as_str()),
                    value(1.8, p.id.as_str()),
                    label(1.0, &p.reached),
                    label(0.6, &p.on_post),
                    label(0.8, &p.wages_received),
                    label(0.8, &p.agreement_signed),
                    value(1.6, p.note.as_str()),
                ],
                22.0,
                small,
                t,
            );
        }
    }
    doc.y += 10.0;
    section(doc, "审查结论");
    let conclusion = if s.conclusion.is_empty() {
        "（尚未作出结论）".to_owned()
    } else {
        s.conclusion.clone()
    };
    grid::row(
        doc,
        vec![label(1.6, "结论"), value(6.4, conclusion)],
        24.0,
        size,
        t,
    );
    if let Some((k, v)) = &s.conclusion_detail {
        grid::row(
            doc,
            vec![label(1.6, k), value(6.4, v.as_str())],
            40.0,
            size,
            t,
        );
    }
    grid::row(
        doc,
        vec![label(1.6, "审查意见"), value(6.4, s.opinion.as_str())],
        48.0,
        size,
        t,
    );
    issuer_block(doc, &s.issuer, &s.date, BODY);
}

fn section(doc: &mut Doc, title: &str) {
    let size = 11.5;
    doc.ensure(size * 4.0);
    let left = doc.left();
    doc.text(left, doc.y + size, size, true, title);
    doc.y += size * 1.8;
}
