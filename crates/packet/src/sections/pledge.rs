//! 承诺书 (the commitments practice adds to 第八条's materials, see the domain guide) with a box
//! per commitment for the signer to tick by hand, and 申报材料清单: the attachments to bring, each
//! with a box to tick when it is in the folder.

use bangfu_model::{PovertyStatus, SiteTenure};
use bangfu_rules::materials;

use super::{Ctx, SECTIONS};
use crate::facts;
use crate::grid::{self, label, Cell, Content};
use crate::page::{Doc, Orientation};
use crate::table::Align;

/// The commitments, in the order of the domain guide.
const COMMITMENTS: [&str; 8] = [
    "所提交的申请材料及所填信息真实、完整、有效，无虚报、瞒报、伪造。",
    "按时足额发放工资，工资不低于当地最低工资标准，不拖欠、克扣劳动者工资。",
    "与吸纳就业的脱贫人口（含监测对象）依法签订劳动合同或劳务协议。",
    "依据岗位工种需要，按规定为脱贫人口缴纳工伤保险或人身意外伤害保险。",
    "安全生产、劳动纪律、车间管理等制度健全并落实，生产经营稳定。",
    "未从事违法、污染环境及对人体身心健康有害的生产经营活动。",
    "自愿接受苏木乡镇人民政府和旗县（市、区）相关部门的审查、实地核查、公示和日常监督管理，如实报送有关情况。",
    "如有虚假，自愿承担相应责任，接受取消就业帮扶车间资格等处理。",
];

pub fn draw_commitment(doc: &mut Doc, ctx: &Ctx) {
    doc.start_section(SECTIONS[9], Orientation::Portrait);
    let size = 14.0;
    let leading = 1.8;
    doc.y += 20.0;
    doc.title("承　诺　书", 22.0);
    doc.y += 16.0;
    let left = doc.left();
    let y = doc.y + size;
    doc.text(left, y, size, false, &format!("{}：", ctx.addressee()));
    doc.y += size * leading;
    doc.paragraph(
        &format!(
            "本单位{}申请认定就业帮扶车间，已知悉《内蒙古自治区就业帮扶车间管理办法》（内乡振字〔2022〕17号）的规定，现郑重承诺如下：",
            ctx.applicant
        ),
        size,
        2.0,
        leading,
    );
    let box_x = left + size * 2.0;
    let text_x = box_x + size * 1.4;
    let width = doc.right() - text_x;
    for (i, c) in COMMITMENTS.iter().enumerate() {
        let text = format!("{}. {c}", i + 1);
        let lines = doc.m.wrap(&text, width, size, false);
        doc.ensure(lines.len() as f32 * size * leading);
        let first = doc.y + size;
        doc.checkbox(box_x, first - size * 0.85, size * 0.9, false);
        for line in lines {
            let y = doc.y + size;
            doc.text(text_x, y, size, false, &line);
            doc.y += size * leading;
        }
    }
    doc.y += size * 0.5;
    let y = doc.y + 11.0;
    doc.text(
        left + size * 2.0,
        y,
        11.0,
        false,
        "（请逐项阅读，在方框内打“√”后签字盖章。）",
    );
    doc.y += 11.0 * 2.0;

    doc.ensure(size * 8.0);
    let bx = doc.right() - 270.0;
    let mut y = doc.y + size * 1.5;
    for line in doc.m.wrap(
        &format!("承诺单位（盖章）：{}", ctx.applicant),
        doc.right() - bx,
        size,
        false,
    ) {
        doc.text(bx, y, size, false, &line);
        y += size * 1.5;
    }
    y += size * 0.9;
    doc.signature_line(bx, y, "法定代表人（负责人）签字：", 100.0, size);
    y += size * 2.4;
    doc.blank_date(doc.right(), y, size);
    doc.y = y + size;
}

pub fn draw_checklist(doc: &mut Doc, ctx: &Ctx) {
    doc.start_section(SECTIONS[10], Orientation::Portrait);
    const TITLE: &str = "申报材料清单";
    doc.title(TITLE, 20.0);
    let d = ctx.draft;
    let poor = d
        .employees
        .iter()
        .filter(|e| {
            matches!(
                e.poverty_status,
                PovertyStatus::Alleviated | PovertyStatus::Monitored
            )
        })
        .count();
    let agreements: usize = d.employees.iter().map(|e| e.stints.len()).sum();
    let months = facts::wage_months(&d.employees).len();
    let site_proof = match d.site.tenure {
        SiteTenure::Leased => "租赁合同（协议）复印件",
        SiteTenure::Owned => "房屋（场地）产权证明复印件",
        SiteTenure::FreeUse => "无偿使用协议或村（嘎查）集体证明",
        SiteTenure::Unspecified => "产权证明或租赁合同复印件",
    };
    let items: Vec<(String, String)> = vec![
        (
            materials::LICENCE.name.into(),
            "加盖公章；核对统一社会信用代码".into(),
        ),
        (materials::LEGAL_REP_ID.name.into(), String::new()),
        (
            materials::SITE.name.into(),
            format!("{site_proof}；车间照片"),
        ),
        (materials::POVERTY_IDS.name.into(), format!("共 {poor} 人")),
        (
            materials::AGREEMENTS.name.into(),
            format!("共 {agreements} 份（见第六部分）"),
        ),
        (
            materials::WAGES.name.into(),
            format!("共 {months} 个月（见第八部分）"),
        ),
        (materials::INSURANCE.name.into(), "见第七部分".into()),
        (materials::RULES.name.into(), "加盖公章".into()),
        (materials::APPLICATION.name.into(), "签字、盖章齐全".into()),
    ];
    let size = 10.5;
    grid::row(
        doc,
        vec![
            label(0.8, "序号"),
            label(5.2, "材料名称"),
            label(3.0, "说明"),
            label(1.0, "已备"),
        ],
        26.0,
        size,
        TITLE,
    );
    for (i, (name, note)) in items.into_iter().enumerate() {
        let placed = grid::row(
            doc,
            vec![
                Cell {
                    frac: 0.8,
                    content: Content::Text((i + 1).to_string()),
                    align: Align::Center,
                },
                grid::value(5.2, name),
                grid::value(3.0, note),
                grid::blank(1.0),
            ],
            30.0,
            size,
            TITLE,
        );
        let (x, w) = placed.cells[3];
        let bs = size * 1.1;
        doc.checkbox(
            x + (w - bs) / 2.0,
            placed.top + (placed.height - bs) / 2.0,
            bs,
            false,
        );
    }
    doc.y += 12.0;
    let l = doc.left();
    let width = doc.width();
    for line in doc.m.wrap(
        "注：复印件请注明“与原件一致”并加盖公章；原件备查。材料按本清单顺序装订。",
        width,
        size,
        false,
    ) {
        let y = doc.y + size;
        doc.text(l, y, size, false, &line);
        doc.y += size * 1.6;
    }
}
