//! The parts of the packet, in the order of issue 5 (and of what a township office expects):
//! cover and contents, application letter, application form, self-assessment, rosters, wage
//! tables, commitment letter and checklist. Then [`decorate`] adds what every page carries.

pub mod cover;
pub mod findings;
pub mod form;
pub mod letter;
pub mod pledge;
pub mod rosters;
pub mod wages;

use std::collections::HashMap;

use bangfu_model::Draft;
use bangfu_rules::{Assessment, EmployeeFinding, Status};
use chrono::NaiveDate;

use crate::facts;
use crate::page::{Doc, Item, GREY, RED, RED_FILL, WATERMARK};

/// Section titles as listed in the table of contents; index = section number (0 = cover).
pub const SECTIONS: [&str; 11] = [
    "封面",
    "一、就业帮扶车间认定申请书",
    "二、就业帮扶车间认定申请表",
    "三、认定条件自评结果",
    "四、吸纳脱贫人口就业花名册",
    "五、员工花名册",
    "六、劳动合同（劳务协议）签订情况表",
    "七、参保情况表",
    "八、工资发放明细表",
    "九、承诺书",
    "十、申报材料清单",
];

/// What every section reads.
pub struct Ctx<'a> {
    pub draft: &'a Draft,
    pub a: &'a Assessment,
    /// The day the packet is made (the application date).
    pub today: NaiveDate,
    /// The applicant's name as printed (「（未填写）」 when blank).
    pub applicant: String,
    by_key: HashMap<u32, usize>,
}

impl<'a> Ctx<'a> {
    pub fn new(draft: &'a Draft, a: &'a Assessment, today: NaiveDate) -> Ctx<'a> {
        let by_key = a
            .employees
            .iter()
            .enumerate()
            .map(|(i, e)| (e.key, i))
            .collect();
        Ctx {
            draft,
            a,
            today,
            applicant: facts::or_blank(&draft.applicant.name),
            by_key,
        }
    }

    /// The rules' finding on one employee.
    pub fn employee(&self, key: u32) -> Option<&'a EmployeeFinding> {
        self.by_key
            .get(&key)
            .and_then(|&i| self.a.employees.get(i))
            .map(|e| &**e)
    }

    /// The addressee: 「某某镇人民政府」 or 「某某街道办事处」, or a blank to fill in.
    pub fn addressee(&self) -> String {
        match facts::township(&self.draft.site) {
            Some((name, true)) => format!("{name}办事处"),
            Some((name, false)) => format!("{name}人民政府"),
            None => "________苏木乡镇人民政府".into(),
        }
    }

    /// Whether the 「自评未通过」 banner and watermark are printed.
    pub fn failed(&self) -> bool {
        self.a.overall != Status::Met
    }
}

/// Lays out all sections.
pub fn lay_out(doc: &mut Doc, ctx: &Ctx) {
    cover::draw(doc, ctx);
    letter::draw(doc, ctx);
    form::draw(doc, ctx);
    findings::draw(doc, ctx);
    rosters::draw_alleviated(doc, ctx);
    rosters::draw_all(doc, ctx);
    rosters::draw_agreements(doc, ctx);
    rosters::draw_insurance(doc, ctx);
    wages::draw(doc, ctx);
    pledge::draw_commitment(doc, ctx);
    pledge::draw_checklist(doc, ctx);
}

/// Citations joined compactly: 「第七条第（一）、（三）项」 rather than repeating the article.
pub fn join_citations(ids: &[bangfu_rules::CriterionId]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut items: Vec<&str> = Vec::new();
    let flush = |items: &mut Vec<&str>, out: &mut Vec<String>| {
        if !items.is_empty() {
            out.push(format!("第七条第{}项", items.join("、")));
            items.clear();
        }
    };
    for id in ids {
        let c = id.citation();
        match c
            .strip_prefix("第七条第")
            .and_then(|r| r.strip_suffix("项"))
        {
            Some(item) => items.push(item),
            None => {
                flush(&mut items, &mut out);
                out.push(c.to_owned());
            }
        }
    }
    flush(&mut items, &mut out);
    out.join("、")
}

/// The banner text when the verdict is not met: which criteria fail or lack information.
pub fn banner_text(a: &Assessment) -> String {
    let list = |s: Status| {
        let ids: Vec<_> = a
            .findings
            .iter()
            .filter(|f| f.status == s)
            .map(|f| f.criterion)
            .collect();
        join_citations(&ids)
    };
    let (not_met, incomplete) = (list(Status::NotMet), list(Status::Incomplete));
    let mut parts = Vec::new();
    if !not_met.is_empty() {
        parts.push(format!("{not_met}不符合"));
    }
    if !incomplete.is_empty() {
        parts.push(format!("{incomplete}信息不完整"));
    }
    if parts.is_empty() {
        parts.push(a.overall.label().to_owned());
    }
    format!(
        "{}。本材料仅供核对，不能作为认定申请提交。",
        parts.join("，")
    )
}

/// Header, banner and watermark, footer with 「第 x 页 共 n 页」 and the applicant, and the page
/// numbers of the table of contents.
pub fn decorate(doc: &mut Doc, ctx: &Ctx) {
    let n = doc.pages.len();
    let firsts: Vec<usize> = doc.sections.iter().map(|s| s.first_page).collect();
    let banner = ctx.failed().then(|| banner_text(ctx.a));
    let m = doc.m;
    for (i, page) in doc.pages.iter_mut().enumerate() {
        let (w, h) = page.orientation.size();
        let mx = page.orientation.margin_x();
        let mut extra = Vec::new();
        // Resolve table-of-contents page numbers.
        for item in page.items.iter_mut() {
            if let Item::PageRef {
                section,
                x_right,
                y,
                size,
            } = *item
            {
                let text = firsts
                    .get(section)
                    .map_or_else(String::new, |p| (p + 1).to_string());
                let tw = m.width(&text, size, false);
                *item = Item::Text {
                    x: x_right - tw,
                    y,
                    size,
                    bold: false,
                    color: crate::page::BLACK,
                    text,
                    spacing: 0.0,
                };
            }
        }
        // Header: a running title, or the banner.
        let section_title = SECTIONS.get(page.section).copied().unwrap_or("");
        match &banner {
            Some(detail) => {
                let size = 9.0;
                let (top, bh) = (22.0, 24.0);
                extra.push(Item::Fill {
                    x: mx,
                    y: top,
                    w: w - 2.0 * mx,
                    h: bh,
                    color: RED_FILL,
                });
                let head = "自评未通过";
                let hw = m.width(head, 11.0, true);
                let base = top + bh / 2.0 + 3.8;
                extra.push(text_item(mx + 8.0, base, 11.0, true, RED, head));
                let avail = w - 2.0 * mx - hw - 24.0;
                let line = format!("：{detail}");
                // Shrink to fit the banner; cut only what still does not fit at 7 pt.
                let size = m.shrink_to_fit(&line, avail, size, 7.0).unwrap_or(7.0);
                let mut shown = String::new();
                for c in line.chars() {
                    shown.push(c);
                    if m.width(&shown, size, false) > avail {
                        shown.pop();
                        shown.push('…');
                        break;
                    }
                }
                extra.push(text_item(
                    mx + 8.0 + hw,
                    base - 0.6,
                    size,
                    false,
                    RED,
                    &shown,
                ));
                for (x1, y1, x2, y2) in [
                    (mx, top, w - mx, top),
                    (mx, top + bh, w - mx, top + bh),
                    (mx, top, mx, top + bh),
                    (w - mx, top, w - mx, top + bh),
                ] {
                    extra.push(Item::Line {
                        x1,
                        y1,
                        x2,
                        y2,
                        width: 1.0,
                        color: RED,
                        dotted: false,
                    });
                }
                // Watermark across the middle of the page.
                let size = if w > h { 96.0 } else { 80.0 };
                let tw = m.width(head, size, true);
                let angle: f32 = if w > h { 20.0 } else { 40.0 };
                let (s, c) = angle.to_radians().sin_cos();
                extra.push(Item::Rotated {
                    x: w / 2.0 - c * tw / 2.0 + s * size * 0.35,
                    y: h / 2.0 + s * tw / 2.0 + c * size * 0.35,
                    size,
                    color: WATERMARK,
                    text: head.to_owned(),
                    angle,
                });
            }
            None if i > 0 => {
                let y = 36.0;
                extra.push(text_item(mx, y, 9.0, false, GREY, crate::TITLE));
                let tw = m.width(section_title, 9.0, false);
                extra.push(text_item(w - mx - tw, y, 9.0, false, GREY, section_title));
                extra.push(Item::Line {
                    x1: mx,
                    y1: y + 5.0,
                    x2: w - mx,
                    y2: y + 5.0,
                    width: 0.5,
                    color: GREY,
                    dotted: false,
                });
            }
            None => {}
        }
        // Footer: applicant left, page number right, a rule above.
        let fy = h - 28.0;
        extra.push(Item::Line {
            x1: mx,
            y1: fy - 12.0,
            x2: w - mx,
            y2: fy - 12.0,
            width: 0.5,
            color: GREY,
            dotted: false,
        });
        let who = format!("申请主体：{}", ctx.applicant);
        extra.push(text_item(mx, fy, 9.0, false, GREY, &who));
        let num = format!("第 {} 页 共 {} 页", i + 1, n);
        let nw = m.width(&num, 9.0, false);
        extra.push(text_item(
            w - mx - nw,
            fy,
            9.0,
            false,
            crate::page::BLACK,
            &num,
        ));
        // The watermark goes first so that it lies under everything.
        let (rot, rest): (Vec<Item>, Vec<Item>) = extra
            .into_iter()
            .partition(|it| matches!(it, Item::Rotated { .. }));
        page.items.splice(0..0, rot);
        page.items.extend(rest);
    }
}

fn text_item(x: f32, y: f32, size: f32, bold: bool, color: crate::page::Rgb, text: &str) -> Item {
    Item::Text {
        x,
        y,
        size,
        bold,
        color,
        text: text.to_owned(),
        spacing: 0.0,
    }
}
