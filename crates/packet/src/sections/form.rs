//! 就业帮扶车间认定申请表: the applicant, the site, the workforce and the declarations as a ruled
//! form, then empty boxes for the township's preliminary review (审查组 of at least 3, 第八条第（二）项,
//! and the public notice dates) and the county's on-site check (第八条第（三）项).

use bangfu_model::{Choice, EmploymentForm, InsuranceKind, PovertyStatus, SiteTenure};
use bangfu_rules::declarations;

use super::{Ctx, SECTIONS};
use crate::facts;
use crate::grid::{self, blank, checks, label, value, Cell};
use crate::page::{Doc, Orientation};

const SIZE: f32 = 10.5;
const ROW: f32 = 26.0;
const TITLE: &str = "就业帮扶车间认定申请表";

fn row(doc: &mut Doc, cells: Vec<Cell>) {
    grid::row(doc, cells, ROW, SIZE, TITLE);
}

fn options<T: Choice>(chosen: T) -> Vec<(String, bool)> {
    T::ALL
        .iter()
        .skip(1)
        .map(|&v| (v.label().to_owned(), v == chosen))
        .collect()
}

pub fn draw(doc: &mut Doc, ctx: &Ctx) {
    doc.start_section(SECTIONS[2], Orientation::Portrait);
    let d = ctx.draft;
    let a = ctx.a;
    doc.title(TITLE, 20.0);
    let y = doc.y + SIZE;
    let r = doc.right();
    let l = doc.left();
    doc.text(
        l,
        y,
        SIZE,
        false,
        &format!("填表日期：{}", facts::date_cn(ctx.today)),
    );
    doc.text_right(r, y, SIZE, false, "编号：____________");
    doc.y += SIZE * 1.9;

    let app = &d.applicant;
    row(
        doc,
        vec![
            label(2.4, "经营主体名称"),
            value(7.6, facts::clean(&app.name)),
        ],
    );
    row(
        doc,
        vec![
            label(2.4, "统一社会信用代码"),
            value(3.0, facts::clean(&app.credit_code)),
            label(1.6, "成立日期"),
            value(3.2, facts::date(&app.established)),
        ],
    );
    row(
        doc,
        vec![
            label(2.4, "主体类型"),
            checks(7.6, options(app.entity_type)),
        ],
    );
    row(
        doc,
        vec![
            label(2.4, "法定代表人（负责人）"),
            value(3.0, facts::clean(&app.legal_rep)),
            label(1.6, "联系人及电话"),
            value(
                3.2,
                [app.contact_person.trim(), app.phone.trim()]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join("  "),
            ),
        ],
    );
    row(
        doc,
        vec![
            label(2.4, "注册地址"),
            value(7.6, facts::clean(&app.registered_address)),
        ],
    );

    let s = &d.site;
    row(
        doc,
        vec![label(2.4, "车间地址"), value(7.6, facts::site_address(s))],
    );
    row(
        doc,
        vec![
            label(2.4, "场所权属"),
            checks(3.0, options(s.tenure)),
            label(1.6, "场所面积"),
            value(
                3.2,
                if s.area_m2.trim().is_empty() {
                    String::new()
                } else {
                    format!("{} 平方米", facts::quantity(&s.area_m2))
                },
            ),
        ],
    );
    if s.tenure == SiteTenure::Leased || !s.lease_start.trim().is_empty() {
        let term = format!(
            "{} 至 {}",
            facts::date(&s.lease_start),
            facts::date(&s.lease_end)
        );
        row(doc, vec![label(2.4, "租赁期限"), value(7.6, term)]);
    }
    row(
        doc,
        vec![
            label(2.4, "产品类别（主要产品）"),
            value(7.6, facts::clean(&s.products)),
        ],
    );
    row(
        doc,
        vec![
            label(2.4, "车间形式"),
            checks(7.6, options(s.workshop_form)),
        ],
    );

    // Workforce, from the rules' counts; the split by form/agreement/insurance is descriptive.
    let employed: Vec<&bangfu_model::Employee> = d
        .employees
        .iter()
        .filter(|e| {
            ctx.employee(e.key)
                .is_none_or(|f| f.employed_on_assessment_date)
        })
        .collect();
    let poor: Vec<&&bangfu_model::Employee> = employed
        .iter()
        .filter(|e| {
            matches!(
                e.poverty_status,
                PovertyStatus::Alleviated | PovertyStatus::Monitored
            )
        })
        .collect();
    row(
        doc,
        vec![
            label(2.4, "务工总人数"),
            value(
                3.0,
                format!("{} 人（截至{}）", a.total_workforce, facts::date_cn(a.date)),
            ),
            label(1.6, "吸纳脱贫人口"),
            value(
                3.2,
                format!(
                    "登记 {} 人，符合条件 {} 人，占务工总人数 {}",
                    a.registered,
                    a.qualifying,
                    bangfu_model::text::format_percent(a.qualifying, a.total_workforce)
                ),
            ),
        ],
    );
    let forms = facts::count_labels(
        employed.iter().map(|e| {
            facts::current_stint(e).map_or(EmploymentForm::Unspecified, |s| s.employment_form)
        }),
        "人",
    );
    row(doc, vec![label(2.4, "用工形式"), value(7.6, forms)]);
    let agreements = facts::count_labels(
        employed.iter().map(|e| {
            facts::current_stint(e).map_or(bangfu_model::AgreementType::Unspecified, |s| {
                s.agreement_type
            })
        }),
        "人",
    );
    row(
        doc,
        vec![
            label(2.4, "劳动合同（劳务协议）签订"),
            value(7.6, agreements),
        ],
    );
    let insurance = facts::count_labels(
        poor.iter().map(|e| {
            e.insurance
                .iter()
                .map(|i| i.kind)
                .find(|k| *k != InsuranceKind::NoInsurance && *k != InsuranceKind::Unspecified)
                .unwrap_or(InsuranceKind::NoInsurance)
        }),
        "人",
    );
    row(
        doc,
        vec![
            label(2.4, "脱贫人口参保情况"),
            value(
                7.6,
                if insurance.is_empty() {
                    "无脱贫人口".into()
                } else {
                    insurance
                },
            ),
        ],
    );
    // The boxes in the rules' words (one list for the form, the criteria and the screen).
    for (title, group) in [
        ("制度与经营", declarations::Group::Rules),
        ("申请主体声明", declarations::Group::Declarations),
    ] {
        let boxes = declarations::in_group(group)
            .map(|b| (b.label.to_owned(), (b.get)(d)))
            .collect();
        row(doc, vec![label(2.4, title), checks(7.8, boxes)]);
    }
    row(
        doc,
        vec![
            label(2.4, "自评结论"),
            value(
                7.8,
                format!(
                    "{}（自评基准日{}，逐项结果见“认定条件自评结果”）",
                    a.overall.label(),
                    facts::date_cn(a.date)
                ),
            ),
        ],
    );

    // The applicant's signature.
    let p = grid::row(
        doc,
        vec![label(2.4, "申请主体意见"), blank(7.6)],
        92.0,
        SIZE,
        TITLE,
    );
    let (x, w) = p.cells[1];
    let t = p.top;
    doc.text(
        x + 8.0,
        t + 20.0,
        SIZE,
        false,
        "本单位申请认定为就业帮扶车间，所填内容及所附材料真实、完整。",
    );
    doc.signature_line(x + 8.0, t + 52.0, "法定代表人（负责人）签字：", 80.0, SIZE);
    doc.text_right(x + w - 12.0, t + 52.0, SIZE, false, "申请主体（盖章）");
    doc.blank_date(x + w - 12.0, t + 80.0, SIZE);

    // 苏木乡镇初审意见 (第八条第（二）项): review group of at least 3, public notice of at least 5
    // working days.
    let p = grid::row(
        doc,
        vec![label(2.4, "苏木乡镇初审意见"), blank(7.6)],
        210.0,
        SIZE,
        TITLE,
    );
    let (x, w) = p.cells[1];
    let t = p.top;
    doc.text(x + 8.0, t + 20.0, SIZE, false, "审查意见：");
    doc.signature_line(
        x + 8.0,
        t + 104.0,
        "审查组成员（签字，不少于3人）：",
        0.0,
        SIZE,
    );
    let sx = x + 8.0 + doc.m.width("审查组成员（签字，不少于3人）：", SIZE, false) + 4.0;
    let seg = (x + w - 12.0 - sx - 16.0) / 3.0;
    for k in 0..3 {
        let lx = sx + k as f32 * (seg + 8.0);
        doc.line(lx, t + 106.5, lx + seg, t + 106.5, 0.6);
    }
    doc.text(
        x + 8.0,
        t + 130.0,
        SIZE,
        false,
        "公示时间：　　　年　　月　　日至　　　年　　月　　日",
    );
    doc.text(x + 8.0, t + 150.0, SIZE, false, "公示结果：");
    let bx = x + 8.0 + doc.m.width("公示结果：", SIZE, false);
    doc.checkbox(bx, t + 150.0 - SIZE * 0.82, SIZE * 0.9, false);
    doc.text(bx + SIZE + 3.0, t + 150.0, SIZE, false, "无异议");
    let bx2 = bx + SIZE + 3.0 + doc.m.width("无异议", SIZE, false) + 14.0;
    doc.checkbox(bx2, t + 150.0 - SIZE * 0.82, SIZE * 0.9, false);
    doc.text(bx2 + SIZE + 3.0, t + 150.0, SIZE, false, "有异议");
    doc.text(
        x + w - 150.0,
        t + 176.0,
        SIZE,
        false,
        "苏木乡镇人民政府（盖章）",
    );
    doc.blank_date(x + w - 12.0, t + 198.0, SIZE);

    // 旗县核查意见 (第八条第（三）项): 乡村振兴 with 人力资源和社会保障.
    let p = grid::row(
        doc,
        vec![label(2.4, "旗县（市、区）核查意见"), blank(7.6)],
        170.0,
        SIZE,
        TITLE,
    );
    let (x, w) = p.cells[1];
    let t = p.top;
    doc.text(x + 8.0, t + 20.0, SIZE, false, "核查意见：");
    doc.signature_line(x + 8.0, t + 96.0, "核查组成员（签字）：", 0.0, SIZE);
    let sx = x + 8.0 + doc.m.width("核查组成员（签字）：", SIZE, false) + 4.0;
    let seg = (x + w - 12.0 - sx - 16.0) / 3.0;
    for k in 0..3 {
        let lx = sx + k as f32 * (seg + 8.0);
        doc.line(lx, t + 98.5, lx + seg, t + 98.5, 0.6);
    }
    let half = w / 2.0;
    doc.text(x + 8.0, t + 130.0, SIZE, false, "乡村振兴部门（盖章）");
    doc.text(
        x + half + 4.0,
        t + 130.0,
        SIZE,
        false,
        "人力资源和社会保障部门（盖章）",
    );
    doc.blank_date(x + half - 12.0, t + 156.0, SIZE);
    doc.blank_date(x + w - 12.0, t + 156.0, SIZE);
    doc.y = p.top + p.height + 8.0;
    let l = doc.left();
    let y = doc.y + 9.0;
    doc.text(
        l,
        y,
        9.0,
        false,
        "注：“苏木乡镇初审意见”“旗县（市、区）核查意见”栏由审查、核查单位填写，申请主体请勿填写。",
    );
    doc.y += 14.0;
}
