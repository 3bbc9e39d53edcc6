//! Laid-out pages to a PDF: printpdf builds the document (font dictionaries with their widths
//! and `/ToUnicode` maps, page tree, outline, metadata), [`crate::subset`] cuts the font programs
//! it embeds, [`crate::content`] writes what is drawn on each page, and the streams are deflated
//! here.

use printpdf::{
    Codepoint, FontMetrics, FontType, Op, ParsedFont, PdfDocument, PdfFontHandle,
    PdfFontMetricsStub, PdfPage, PdfSaveOptions, Pt, TextItem,
};

use crate::content::{self, Codes};
use crate::fonts::Fonts;
use crate::page::{Page, Section};
use crate::text::Metrics;
use crate::PacketError;

/// Document metadata.
pub struct Meta<'a> {
    pub title: &'a str,
    pub author: &'a str,
    pub subject: &'a str,
    /// Creation time, local.
    pub created_local: chrono::NaiveDateTime,
    /// The local time's offset from UTC, in minutes (480 for China Standard Time).
    pub utc_offset_minutes: i32,
}

/// A PDF date string (ISO 32000-1 7.9.4) for a local time and its offset:
/// `D:20261202181500+08'00'`.
fn pdf_date(local: chrono::NaiveDateTime, offset_minutes: i32) -> String {
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let m = offset_minutes.unsigned_abs();
    format!(
        "D:{}{sign}{:02}'{:02}'",
        local.format("%Y%m%d%H%M%S"),
        m / 60,
        m % 60
    )
}

/// Writes the creation and modification dates into the document information dictionary.
/// printpdf writes 1970-01-01 there when built for wasm (it has no clock there), whatever it is
/// given, so the packet made in the browser would claim to be from 1970.
fn stamp_dates(lo: &mut lopdf::Document, meta: &Meta<'_>) -> Result<(), PacketError> {
    let when = pdf_date(meta.created_local, meta.utc_offset_minutes);
    let info = lo
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
        .map_err(|e| PacketError::Pdf(format!("Info: {e}")))?;
    let dict = lo
        .get_dictionary_mut(info)
        .map_err(|e| PacketError::Pdf(format!("Info: {e}")))?;
    for key in ["CreationDate", "ModDate"] {
        dict.set(
            key,
            lopdf::Object::String(when.clone().into_bytes(), lopdf::StringFormat::Literal),
        );
    }
    Ok(())
}

fn date_time(d: chrono::NaiveDateTime) -> printpdf::OffsetDateTime {
    use chrono::{Datelike, Timelike};
    printpdf::OffsetDateTime::new_in_offset(
        printpdf::Date {
            year: d.year(),
            month: u8::try_from(d.month()).unwrap_or(1),
            day: u8::try_from(d.day()).unwrap_or(1),
        },
        printpdf::Time {
            hour: u8::try_from(d.hour()).unwrap_or(0),
            minute: u8::try_from(d.minute()).unwrap_or(0),
            second: u8::try_from(d.second()).unwrap_or(0),
            millisecond: 0,
        },
        printpdf::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    )
}

/// The face printpdf embeds for face number `face` of the packet: `bytes` cut to `glyphs`, with
/// the widths and metrics of its font descriptor. printpdf embeds it whole (its own subsetting is
/// its `text_layout` feature, which this crate leaves out, see [`crate::subset`]), under a
/// subset tag `AAAAAB+…` (ISO 32000-1 §9.6.4) that differs per face.
fn embedded(face: usize, bytes: &[u8], glyphs: &[(u16, char)]) -> Result<ParsedFont, PacketError> {
    let cut = crate::subset::subset(bytes, glyphs)
        .map_err(|e| PacketError::Font(format!("字体 {face}：{e}")))?;
    let mut tag = [b'A'; 6];
    let mut n = face;
    for letter in tag.iter_mut().rev() {
        *letter = b'A' + u8::try_from(n % 26).unwrap_or(0);
        n /= 26;
    }
    let name = cut.postscript_name.as_deref().unwrap_or("NotoSerifSC");
    Ok(ParsedFont {
        font_name: Some(format!("{}+{name}", String::from_utf8_lossy(&tag))),
        font_index: 0,
        codepoint_to_glyph: glyphs
            .iter()
            .zip(1u16..)
            .map(|(&(_, c), code)| (u32::from(c), code))
            .collect(),
        glyph_widths: cut
            .advances
            .iter()
            .copied()
            .zip(0u16..)
            .map(|(w, g)| (g, w))
            .collect(),
        units_per_em: cut.units_per_em,
        font_metrics: FontMetrics {
            ascent: cut.ascent,
            descent: cut.descent,
        },
        font_type: FontType::TrueType,
        pdf_font_metrics: PdfFontMetricsStub {
            units_per_em: cut.units_per_em,
            x_min: cut.bbox[0],
            y_min: cut.bbox[1],
            x_max: cut.bbox[2],
            y_max: cut.bbox[3],
            caret_slope_rise: cut.caret_slope.0,
            caret_slope_run: cut.caret_slope.1,
            us_weight_class: cut.weight_class,
        },
        original_bytes: cut.bytes,
    })
}

/// Writes the PDF. `progress(done, total)` is called once per page and once more when the file
/// is written (total = pages + 1).
///
/// printpdf builds the document: the font dictionaries with their widths and `/ToUnicode` maps,
/// the page tree, outline and metadata. Each face it embeds is already cut to the glyphs the
/// packet uses ([`crate::subset`]); it is given, on the first page, one text operation per face
/// naming every glyph with its character (what printpdf writes `/W` and `/ToUnicode` from); the
/// content stream of every page is then written by [`crate::content`], which is several times
/// faster than printpdf's own operator serialisation.
pub fn render(
    pages: &[Page],
    sections: &[Section],
    fonts: &Fonts,
    m: &Metrics,
    meta: &Meta,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Vec<u8>, PacketError> {
    let total = pages.len() + 1;
    let mut doc = PdfDocument::new(meta.title);

    // Faces in Metrics order: 0 = bold, 1.. = regular. Parse and embed only those some text uses.
    let codes = Codes::collect(pages, m, m.face_count());
    let mut names: Vec<Option<String>> = Vec::with_capacity(m.face_count());
    let mut register = vec![Op::StartTextSection];
    for face in 0..m.face_count() {
        if !codes.face_used(face) {
            names.push(None);
            continue;
        }
        let file = match face {
            0 => &fonts.bold,
            i => fonts
                .regular
                .get(i - 1)
                .ok_or_else(|| PacketError::Font(format!("字体 {i} 不存在")))?,
        };
        let glyphs: Vec<(u16, char)> = codes.glyphs(face).collect();
        let parsed = embedded(face, file.bytes(), &glyphs)?;
        let id = doc.add_font(&parsed);
        names.push(Some(id.0.clone()));
        register.push(Op::SetFont {
            font: PdfFontHandle::External(id),
            size: Pt(1.0),
        });
        // Each glyph with its character: printpdf writes the latter into `/ToUnicode`, which is
        // what makes the text searchable and copyable. Glyph n of the subset is glyph n of
        // `glyphs`, the code the content streams use (crate::content::Codes).
        register.push(Op::ShowText {
            items: vec![TextItem::GlyphIds(
                glyphs
                    .iter()
                    .zip(1u16..)
                    .map(|(&(_, c), code)| Codepoint::with_cid(code, 0.0, c.to_string()))
                    .collect(),
            )],
        });
    }
    register.push(Op::EndTextSection);

    let mut contents = Vec::with_capacity(pages.len());
    for (n, page) in pages.iter().enumerate() {
        contents.push(content::page(page, m, &codes, &names));
        progress(n + 1, total);
    }

    let out_pages = pages
        .iter()
        .enumerate()
        .map(|(n, page)| {
            let (w, h) = page.orientation.size();
            let ops = if n == 0 {
                std::mem::take(&mut register)
            } else {
                Vec::new()
            };
            PdfPage::new(printpdf::Mm::from(Pt(w)), printpdf::Mm::from(Pt(h)), ops)
        })
        .collect();

    doc.metadata.info.author = meta.author.to_owned();
    doc.metadata.info.subject = meta.subject.to_owned();
    doc.metadata.info.creator = "帮扶车间自评申报".into();
    doc.metadata.info.producer = "帮扶车间自评申报 (printpdf)".into();
    doc.metadata.info.keywords = vec!["就业帮扶车间".into(), "认定申请".into()];
    let when = date_time(
        meta.created_local - chrono::Duration::minutes(i64::from(meta.utc_offset_minutes)),
    );
    doc.metadata.info.creation_date = when;
    doc.metadata.info.modification_date = when;
    doc.metadata.info.metadata_date = when;
    for s in sections {
        doc.add_bookmark(&s.title, s.first_page + 1);
    }
    doc.with_pages(out_pages);
    let opts = PdfSaveOptions {
        optimize: false,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    stamp_dates(&mut lo, meta)?;

    // Our content streams in place of printpdf's.
    let page_ids: Vec<lopdf::ObjectId> = lo.get_pages().into_values().collect();
    if page_ids.len() != contents.len() {
        return Err(PacketError::Pdf(format!(
            "页数不一致：排版 {} 页，文件 {} 页",
            contents.len(),
            page_ids.len()
        )));
    }
    for (id, bytes) in page_ids.into_iter().zip(contents) {
        let stream_id = lo
            .get_dictionary(id)
            .and_then(|d| d.get(b"Contents"))
            .and_then(lopdf::Object::as_reference)
            .map_err(|e| PacketError::Pdf(e.to_string()))?;
        lo.objects.insert(
            stream_id,
            lopdf::Object::Stream(lopdf::Stream::new(lopdf::Dictionary::new(), bytes)),
        );
    }

    // Compression is ours too: lopdf's `compress` uses zlib level 9, which took most of the time
    // of a big packet; level 6 is several times faster for a few per cent more bytes.
    for object in lo.objects.values_mut() {
        if let lopdf::Object::Stream(stream) = object {
            if stream.allows_compression && stream.dict.get(b"Filter").is_err() {
                compress(stream);
            }
        }
    }
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| PacketError::Pdf(e.to_string()))?;
    progress(total, total);
    Ok(bytes)
}

/// Deflates a stream (zlib level 6) unless that does not make it smaller.
fn compress(stream: &mut lopdf::Stream) {
    use std::io::Write;
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    if enc.write_all(&stream.content).is_err() {
        return;
    }
    if let Ok(packed) = enc.finish() {
        if packed.len() + 19 < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(packed);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn pdf_dates_carry_the_local_offset() {
        let t = chrono::NaiveDate::from_ymd_opt(2026, 12, 2)
            .and_then(|d| d.and_hms_opt(18, 15, 0))
            .unwrap_or_default();
        assert_eq!(super::pdf_date(t, 480), "D:20261202181500+08'00'");
        assert_eq!(super::pdf_date(t, -210), "D:20261202181500-03'30'");
    }
}
