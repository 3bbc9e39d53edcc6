//! 就业帮扶车间认定申请书: the written application to the township (第八条第（一）项
//! "经营主体向所在苏木乡镇人民政府书面提出认定申请"), written from the draft and the rules'
//! findings, with lines for signature and seal.

use bangfu_model::text::parse_hundredths;
use bangfu_model::{Choice, SiteTenure};
use bangfu_rules::Status;

use super::{Ctx, SECTIONS};
use crate::facts;
use crate::page::{Doc, Orientation};

/// The attachments named at the end of the letter: the packet's own parts.
const ATTACHMENTS: [&str; 9] = [
    "就业帮扶车间认定申请表",
    "认定条件自评结果",
    "吸纳脱贫人口就业花名册",
    "员工花名册",
    "劳动合同（劳务协议）签订情况表",
    "参保情况表",
    "工资发放明细表",
    "承诺书",
    "申报材料清单所列证明材料",
];

fn citations(ctx: &Ctx, status: Status) -> String {
    let ids: Vec<_> = ctx
        .a
        .findings
        .iter()
        .filter(|f| f.status == status)
        .map(|f| f.criterion)
        .collect();
    super::join_citations(&ids)
}

pub fn draw(doc: &mut Doc, ctx: &Ctx) {
    doc.start_section(SECTIONS[1], Orientation::Portrait);
    let d = ctx.draft;
    let a = ctx.a;
    let size = 14.0;
    let leading = 1.75;
    doc.y += 20.0;
    doc.title("就业帮扶车间认定申请书", 22.0);
    doc.y += 16.0;

    let left = doc.left();
    let y = doc.y + size;
    doc.text(left, y, size, false, &format!("{}：", ctx.addressee()));
    doc.y += size * leading;

    let name = facts::or_blank(&d.applicant.name);
    let code = facts::or_blank(&d.applicant.credit_code);
    let entity = if d.applicant.entity_type == bangfu_model::EntityType::Unspecified {
        "经营主体".to_owned()
    } else {
        d.applicant.entity_type.label().to_owned()
    };
    let rep = facts::or_blank(&d.applicant.legal_rep);
    let mut p1 = format!(
        "{name}（统一社会信用代码：{code}）系依法登记注册的{entity}，法定代表人（负责人）为{rep}"
    );
    let reg = facts::clean(&d.applicant.registered_address);
    if !reg.is_empty() {
        p1.push_str(&format!("，注册地址为{reg}"));
    }
    p1.push('。');
    doc.paragraph(&p1, size, 2.0, leading);

    let s = &d.site;
    let mut p2 = format!(
        "本单位就业帮扶车间位于{}",
        facts::or_blank(&facts::site_address(s))
    );
    if s.tenure != SiteTenure::Unspecified {
        p2.push_str(&format!("，生产经营场所为{}", s.tenure.label()));
    }
    if parse_hundredths(&s.area_m2).is_ok() {
        p2.push_str(&format!("，面积{}平方米", facts::quantity(&s.area_m2)));
    }
    if s.tenure == SiteTenure::Leased && !s.lease_start.trim().is_empty() {
        p2.push_str(&format!(
            "，租期自{}至{}",
            facts::date(&s.lease_start),
            facts::or_blank(&facts::date(&s.lease_end))
        ));
    }
    let products = facts::clean(&s.products);
    if !products.is_empty() {
        p2.push_str(&format!("，主要从事{products}的生产经营"));
    }
    if s.workshop_form != bangfu_model::WorkshopForm::Unspecified {
        p2.push_str(&format!("，车间形式为{}", s.workshop_form.label()));
    }
    p2.push('。');
    doc.paragraph(&p2, size, 2.0, leading);

    let p3 = format!(
        "截至{}，本单位务工总人数{}人，其中吸纳脱贫人口（含监测对象）{}人，经自评符合第七条第（二）至（四）项条件的{}人，占务工总人数的{}。",
        facts::date_cn(a.date),
        a.total_workforce,
        a.registered,
        a.qualifying,
        bangfu_model::text::format_percent(a.qualifying, a.total_workforce)
    );
    doc.paragraph(&p3, size, 2.0, leading);

    let basis = "对照《内蒙古自治区就业帮扶车间管理办法》（内乡振字〔2022〕17号）第六条、第七条规定的认定标准，本单位逐项进行了自评";
    let p4 = match a.overall {
        Status::Met => format!(
            "{basis}，各项条件均符合（自评结果附后）。现依照该办法第八条规定，申请认定为就业帮扶车间，请予审查。"
        ),
        _ => {
            let mut gaps = Vec::new();
            let not_met = citations(ctx, Status::NotMet);
            if !not_met.is_empty() {
                gaps.push(format!("{not_met}尚不符合"));
            }
            let incomplete = citations(ctx, Status::Incomplete);
            if !incomplete.is_empty() {
                gaps.push(format!("{incomplete}信息尚不完整"));
            }
            format!(
                "{basis}，{}（自评结果附后）。本单位将整改补正，待各项条件符合后再正式提出认定申请。",
                gaps.join("，")
            )
        }
    };
    doc.paragraph(&p4, size, 2.0, leading);
    doc.paragraph(
        "本单位承诺所提供的材料真实、完整、有效，自愿接受审查、实地核查、公示和日常监督管理。",
        size,
        2.0,
        leading,
    );

    doc.y += size * 0.6;
    doc.ensure(size * leading * (ATTACHMENTS.len() as f32 + 1.0));
    let y = doc.y + size;
    doc.text(left + 2.0 * size, y, size, false, "附件：");
    let ax = left + 5.0 * size;
    for (i, item) in ATTACHMENTS.iter().enumerate() {
        let y = doc.y + size;
        doc.text(ax, y, size, false, &format!("{}. {item}", i + 1));
        doc.y += size * 1.5;
    }

    // Signature block, right-aligned.
    doc.y += size * 1.5;
    doc.ensure(size * 9.0);
    let bx = doc.right() - 270.0;
    let mut y = doc.y + size;
    let r = doc.right();
    for line in doc
        .m
        .wrap(&format!("申请单位（盖章）：{name}"), r - bx, size, false)
    {
        doc.text(bx, y, size, false, &line);
        y += size * 1.5;
    }
    y += size * 0.9;
    doc.signature_line(bx, y, "法定代表人（负责人）签字：", 100.0, size);
    y += size * 2.4;
    let contact = [d.applicant.contact_person.trim(), d.applicant.phone.trim()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("  ");
    if contact.is_empty() {
        doc.signature_line(bx, y, "联系人及电话：", 140.0, size);
    } else {
        doc.text(bx, y, size, false, &format!("联系人及电话：{contact}"));
    }
    y += size * 2.4;
    let r = doc.right();
    doc.text_right(r, y, size, false, &facts::date_cn(ctx.today));
    doc.y = y + size;
}
