//! The cover: title, who applies and where, the date, and the table of contents with the page on
//! which each part starts.

use super::{Ctx, SECTIONS};
use crate::facts;
use crate::page::{Doc, Item, Orientation, RULE};

pub fn draw(doc: &mut Doc, ctx: &Ctx) {
    doc.start_section(SECTIONS[0], Orientation::Portrait);
    let (left, right) = (doc.left(), doc.right());
    let cx = (left + right) / 2.0;

    doc.text_centered(cx, 170.0, 28.0, true, crate::TITLE);

    let d = ctx.draft;
    let fields = [
        ("申请主体（盖章）", facts::or_blank(&d.applicant.name)),
        (
            "统一社会信用代码",
            facts::or_blank(&d.applicant.credit_code),
        ),
        (
            "法定代表人（负责人）",
            facts::or_blank(&d.applicant.legal_rep),
        ),
        (
            "所在苏木乡镇",
            facts::or_blank(&facts::site_region(&d.site)),
        ),
        (
            "联系人及电话",
            facts::or_blank(
                &[d.applicant.contact_person.trim(), d.applicant.phone.trim()]
                    .join("  ")
                    .to_string(),
            ),
        ),
        ("申报日期", facts::date_cn(ctx.today)),
    ];
    let size = 14.0;
    let label_right = left + 150.0;
    let value_right = right - 20.0;
    let mut y = 250.0;
    for (label, value) in fields {
        doc.text_right(label_right, y, size, false, &format!("{label}："));
        let lines = doc
            .m
            .wrap(&value, value_right - label_right - 8.0, size, false);
        for (i, line) in lines.iter().enumerate() {
            let ly = y + i as f32 * size * 1.5;
            doc.text(label_right + 6.0, ly, size, false, line);
            doc.line(label_right + 2.0, ly + 4.0, value_right, ly + 4.0, 0.6);
        }
        y += lines.len().max(1) as f32 * size * 1.5 + size * 0.9;
    }

    // Table of contents.
    let mut y = y.max(470.0) + 10.0;
    doc.text_centered(cx, y, 16.0, true, "目　　录");
    y += 30.0;
    let size = 12.0;
    let (tl, tr) = (left + 30.0, right - 30.0);
    for (i, title) in SECTIONS.iter().enumerate().skip(1) {
        doc.text(tl, y, size, false, title);
        let tw = doc.m.width(title, size, false);
        // Dotted leader up to the page number.
        doc.push(Item::Line {
            x1: tl + tw + 4.0,
            y1: y - 1.0,
            x2: tr - 22.0,
            y2: y - 1.0,
            width: 0.8,
            color: RULE,
            dotted: true,
        });
        doc.push(Item::PageRef {
            section: i,
            x_right: tr,
            y,
            size,
        });
        y += size * 2.0;
    }
    doc.y = y;
}
