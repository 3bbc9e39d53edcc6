//! Laid-out pages to a PDF: printpdf builds the document (subset fonts, page tree, outline,
//! metadata; feature `text_layout` is what subsets), [`crate::content`] writes what is drawn on
//! each page, and the streams are deflated here.

use printpdf::{
    Codepoint, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Pt, TextItem,
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
    /// Creation time in UTC (printpdf writes the offset as +00'00' whatever it is given).
    pub created_utc: chrono::NaiveDateTime,
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

/// Writes the PDF. `progress(done, total)` is called once per page and once more when the file
/// is written (total = pages + 1).
///
/// printpdf builds the document: the embedded subset fonts with their widths and `/ToUnicode`
/// maps, the page tree, outline and metadata. It is given, on the first page, one text operation
/// per face naming every glyph the packet uses (that is what decides the subset); the content
/// stream of every page is then written by [`crate::content`], which is several times faster than
/// printpdf's own operator serialisation.
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
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(file.bytes(), 0, &mut warnings)
            .ok_or_else(|| PacketError::Font(format!("字体 {face} 无法解析")))?;
        let id = doc.add_font(&parsed);
        names.push(Some(id.0.clone()));
        register.push(Op::SetFont {
            font: PdfFontHandle::External(id),
            size: Pt(1.0),
        });
        // Each glyph with its character: printpdf writes the latter into `/ToUnicode`, which is
        // what makes the text searchable and copyable.
        register.push(Op::ShowText {
            items: vec![TextItem::GlyphIds(
                codes
                    .glyphs(face)
                    .map(|(gid, c)| Codepoint::with_cid(gid, 0.0, c.to_string()))
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
    let when = date_time(meta.created_utc);
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
