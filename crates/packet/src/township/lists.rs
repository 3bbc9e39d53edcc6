//! The two lists the township sends out: the 公示 (one or several applicants, no worker's
//! personal data) and the 报送旗县清单 with each application's 材料指纹.

use super::{build, issuer_block};
use crate::fonts::Fonts;
use crate::grid::{self, label, value};
use crate::page::{Doc, Orientation};
use crate::{PacketError, PacketOptions};
use bangfu_review::documents::{PublicNotice, SubmissionList};

/// The 公示 as a PDF (landscape: the table has eight columns).
///
/// # Errors
/// As [`super::opinion_pdf`].
pub fn notice_pdf(
    notice: &PublicNotice,
    fonts: &Fonts,
    opts: &PacketOptions,
) -> Result<Vec<u8>, PacketError> {
    build(
        notice.title,
        &notice.issuer,
        Orientation::Landscape,
        fonts,
        opts,
        |doc| {
            draw_notice(doc, notice);
        },
    )
}

fn draw_notice(doc: &mut Doc, n: &PublicNotice) {
    let size = 12.0;
    let small = 9.5;
    let t = n.title;
    doc.title(t, 18.0);
    doc.y += 6.0;
    doc.paragraph(&n.opening, size, 2.0, 1.7);
    doc.y += 4.0;
    grid::row(
        doc,
        vec![
            label(0.5, "序号"),
            label(2.2, "经营主体名称"),
            label(1.7, "统一社会信用代码"),
            label(1.1, "法定代表人（负责人）"),
            label(2.4, "车间地址"),
            label(1.4, "产品类别"),
            label(0.8, "务工总人数"),
            label(1.1, "吸纳脱贫人口（含监测对象）人数"),
        ],
        30.0,
        small,
        t,
    );
    for (i, l) in n.lines.iter().enumerate() {
        grid::row(
            doc,
            vec![
                label(0.5, &(i + 1).to_string()),
                value(2.2, l.applicant.as_str()),
                value(1.7, l.credit_code.as_str()),
                value(1.1, l.legal_rep.as_str()),
                value(2.4, l.address.as_str()),
                value(1.4, l.products.as_str()),
                label(0.8, &l.workforce.to_string()),
                label(1.1, &l.poverty_employed.to_string()),
            ],
            26.0,
            small,
            t,
        );
    }
    doc.y += 8.0;
    doc.paragraph(&n.period, size, 2.0, 1.7);
    for o in &n.objections {
        doc.paragraph(o, size, 2.0, 1.7);
    }
    issuer_block(doc, &n.issuer, &n.date, size);
}

/// The 报送旗县清单 as a PDF (landscape: the full fingerprint needs the width).
///
/// # Errors
/// As [`super::opinion_pdf`].
pub fn submission_pdf(
    list: &SubmissionList,
    fonts: &Fonts,
    opts: &PacketOptions,
) -> Result<Vec<u8>, PacketError> {
    build(
        list.title,
        &list.issuer,
        Orientation::Landscape,
        fonts,
        opts,
        |doc| {
            draw_submission(doc, list);
        },
    )
}

fn draw_submission(doc: &mut Doc, s: &SubmissionList) {
    let small = 9.5;
    let t = s.title;
    doc.title(t, 18.0);
    doc.y += 8.0;
    grid::row(
        doc,
        vec![
            label(0.5, "序号"),
            label(1.1, "受理编号"),
            label(2.4, "经营主体名称"),
            label(2.0, "统一社会信用代码"),
            label(1.8, "公示期及结果"),
            label(3.4, "材料指纹（SHA-256）"),
        ],
        24.0,
        small,
        t,
    );
    for (i, l) in s.lines.iter().enumerate() {
        grid::row(
            doc,
            vec![
                label(0.5, &(i + 1).to_string()),
                value(1.1, l.number.as_str()),
                value(2.4, l.applicant.as_str()),
                value(2.0, l.credit_code.as_str()),
                value(1.8, l.notice.as_str()),
                value(3.4, l.fingerprint.as_str()),
            ],
            30.0,
            small,
            t,
        );
    }
    doc.y += 8.0;
    doc.paragraph(
        &format!("以上 {} 个经营主体经苏木乡镇初审并公示无异议，现报送认定。材料指纹与所附电子材料一一对应。", s.lines.len()),
        11.0,
        2.0,
        1.7,
    );
    issuer_block(doc, &s.issuer, &s.date, 12.0);
}
