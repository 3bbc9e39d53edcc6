//! The township's documents as A4 PDFs, with the packet's engine and fonts: the 初审审查意见表,
//! the 不予通过书面说明, the 公示 and the 报送旗县清单. What they say is built by
//! `bangfu_review::documents`; this module only lays it out. Every page is marked 「参考格式」
//! (no official template is published) and numbered.

mod letter;
mod lists;
mod opinion;
pub mod request;

pub use letter::refusal_pdf;
pub use lists::{notice_pdf, submission_pdf};
pub use opinion::opinion_pdf;

use crate::fonts::Fonts;
use crate::page::{Doc, Item, Orientation, GREY, RED};
use crate::text::Metrics;
use crate::{render, PacketError, PacketOptions};
use bangfu_review::documents::REFERENCE;

/// Lays out one document with `draw` and writes it; characters no font has are refused, as for
/// the packet.
fn build(
    title: &str,
    author: &str,
    orientation: Orientation,
    fonts: &Fonts,
    opts: &PacketOptions,
    draw: impl FnOnce(&mut Doc),
) -> Result<Vec<u8>, PacketError> {
    let m = Metrics::new(fonts);
    let mut doc = Doc::new(&m);
    doc.start_section(title, orientation);
    draw(&mut doc);
    footer(&mut doc);
    let missing = m.missing();
    if !missing.is_empty() {
        return Err(PacketError::MissingChars(missing));
    }
    let meta = render::Meta {
        title,
        author,
        subject: REFERENCE,
        created_local: opts.now,
        utc_offset_minutes: opts.utc_offset_minutes,
    };
    render::render(&doc.pages, &doc.sections, fonts, &m, &meta, &mut |_, _| {})
}

/// 「参考格式」 at the top right and 「第 x 页 共 n 页」 at the foot of every page.
fn footer(doc: &mut Doc) {
    let n = doc.pages.len();
    let m = doc.m;
    for (i, page) in doc.pages.iter_mut().enumerate() {
        let (w, h) = page.orientation.size();
        let mx = page.orientation.margin_x();
        let size = 9.0;
        let mark = format!("（{REFERENCE}）");
        page.items.push(Item::Text {
            x: w - mx - m.width(&mark, size, false),
            y: 36.0,
            size,
            bold: false,
            color: GREY,
            text: mark,
            spacing: 0.0,
        });
        let foot = format!("第 {} 页 共 {n} 页", i + 1);
        page.items.push(Item::Text {
            x: (w - m.width(&foot, size, false)) / 2.0,
            y: h - 28.0,
            size,
            bold: false,
            color: GREY,
            text: foot,
            spacing: 0.0,
        });
    }
}

/// A red warning box listing what is unfinished (a sheet printed before the review is complete
/// must not pass for a finished one).
fn unfinished(doc: &mut Doc, problems: &[String]) {
    if problems.is_empty() {
        return;
    }
    let size = 9.5;
    let text = format!(
        "审查尚未完成，本表不能作为审查意见：{}",
        problems.join("；")
    );
    let lines = doc.m.wrap(&text, doc.width() - 16.0, size, false);
    let h = lines.len() as f32 * size * 1.45 + 10.0;
    doc.ensure(h);
    let (x, y, w) = (doc.left(), doc.y, doc.width());
    doc.fill(x, y, w, h, crate::page::RED_FILL);
    for (i, l) in lines.iter().enumerate() {
        doc.text_colored(
            x + 8.0,
            y + 5.0 + size + i as f32 * size * 1.45,
            size,
            false,
            RED,
            l,
        );
    }
    doc.y += h + 8.0;
}

/// The issuer and the date, right-aligned, with room for the seal.
fn issuer_block(doc: &mut Doc, issuer: &str, date: &str, size: f32) {
    doc.ensure(size * 6.0);
    doc.y += size * 2.0;
    let right = doc.right();
    doc.text_right(
        right,
        doc.y + size,
        size,
        false,
        &format!("{issuer}（盖章）"),
    );
    doc.y += size * 1.8;
    if date.trim().is_empty() || date.contains("____") {
        doc.blank_date(right, doc.y + size, size);
    } else {
        doc.text_right(right, doc.y + size, size, false, date);
    }
    doc.y += size * 2.0;
}
