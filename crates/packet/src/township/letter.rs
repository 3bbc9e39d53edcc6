//! 不予通过书面说明 (第八条第（五）项): to the applicant, the reasons and what to rectify, and
//! that they may apply again once they have.

use super::{build, issuer_block};
use crate::fonts::Fonts;
use crate::page::{Doc, Orientation};
use crate::{PacketError, PacketOptions};
use bangfu_review::documents::RefusalLetter;

/// The letter as a PDF.
///
/// # Errors
/// As [`super::opinion_pdf`].
pub fn refusal_pdf(
    letter: &RefusalLetter,
    fonts: &Fonts,
    opts: &PacketOptions,
) -> Result<Vec<u8>, PacketError> {
    build(
        letter.title,
        &letter.issuer,
        Orientation::Portrait,
        fonts,
        opts,
        |doc| {
            draw(doc, letter);
        },
    )
}

fn draw(doc: &mut Doc, l: &RefusalLetter) {
    let size = 13.0;
    let leading = 1.75;
    doc.y += 16.0;
    doc.title(l.title, 19.0);
    doc.y += 14.0;
    let left = doc.left();
    doc.text(left, doc.y + size, size, false, &l.to);
    doc.y += size * leading;
    doc.paragraph(&l.opening, size, 2.0, leading);
    if l.reasons.is_empty() {
        doc.paragraph("（原因及整改事项未填写）", size, 2.0, leading);
    }
    for r in &l.reasons {
        doc.paragraph(r, size, 2.0, leading);
    }
    doc.paragraph(&l.closing, size, 2.0, leading);
    issuer_block(doc, &l.issuer, &l.date, size);
}
