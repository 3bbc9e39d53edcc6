//! Laid-out pages to a PDF with printpdf: per page, backgrounds first, then text, then rules
//! (a fill drawn after a rule would hide it). Text is placed with absolute text matrices; each
//! run of characters from one face becomes one text-showing operation. printpdf subsets every
//! embedded face to the glyphs used (feature `text_layout`).

use printpdf::{
    Codepoint, Color, FontId, Line, LineDashPattern, LinePoint, Op, PaintMode, ParsedFont,
    PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb as PdfRgb, TextItem,
    TextMatrix, WindingOrder,
};

use crate::fonts::Fonts;
use crate::page::{Item, Page, Rgb, Section};
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

fn pt_color(c: Rgb) -> Color {
    Color::Rgb(PdfRgb {
        r: c.0,
        g: c.1,
        b: c.2,
        icc_profile: None,
    })
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    }
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

    // Faces in Metrics order: 0 = bold, 1.. = regular. Parse only those some text uses.
    let mut used = vec![false; 1 + fonts.regular.len()];
    for page in pages {
        for item in &page.items {
            let (text, bold) = match item {
                Item::Text { text, bold, .. } => (text, *bold),
                Item::Rotated { text, .. } => (text, true),
                _ => continue,
            };
            {
                for run in m.runs(text, bold) {
                    if let Some(u) = used.get_mut(run.face) {
                        *u = true;
                    }
                }
            }
        }
    }
    let mut ids: Vec<Option<FontId>> = Vec::with_capacity(used.len());
    for (i, &u) in used.iter().enumerate() {
        if !u {
            ids.push(None);
            continue;
        }
        let file = if i == 0 {
            &fonts.bold
        } else {
            &fonts.regular[i - 1]
        };
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(file.bytes(), 0, &mut warnings)
            .ok_or_else(|| PacketError::Font(format!("字体 {i} 无法解析")))?;
        ids.push(Some(doc.add_font(&parsed)));
    }

    let mut out_pages = Vec::with_capacity(pages.len());
    for (n, page) in pages.iter().enumerate() {
        out_pages.push(page_ops(page, &ids, m));
        progress(n + 1, total);
    }

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
    // Compression is ours: lopdf's `compress` uses zlib level 9, which took most of the time of a
    // big packet; level 6 is several times faster for a few per cent more bytes.
    let opts = PdfSaveOptions {
        optimize: false,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
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

/// Glyph ids with their characters (the characters become the ToUnicode map, so the text can be
/// searched and copied).
fn glyph_items(glyphs: &[(u16, char)]) -> TextItem {
    TextItem::GlyphIds(
        glyphs
            .iter()
            .map(|&(gid, c)| Codepoint::with_cid(gid, 0.0, c.to_string()))
            .collect(),
    )
}

fn page_ops(page: &Page, ids: &[Option<FontId>], m: &Metrics) -> PdfPage {
    let (w, h) = page.orientation.size();
    let mut ops = Vec::with_capacity(page.items.len() * 3);

    // 0. A watermark, under everything else.
    for item in &page.items {
        if let Item::Rotated {
            x,
            y,
            size,
            color,
            ref text,
            angle,
        } = *item
        {
            ops.push(Op::StartTextSection);
            ops.push(Op::SetFillColor {
                col: pt_color(color),
            });
            let mut first = true;
            for run in m.runs(text, true) {
                let Some(Some(id)) = ids.get(run.face) else {
                    continue;
                };
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(id.clone()),
                    size: Pt(size),
                });
                if first {
                    ops.push(Op::SetTextMatrix {
                        matrix: TextMatrix::TranslateRotate(Pt(x), Pt(h - y), angle),
                    });
                    first = false;
                }
                ops.push(Op::ShowText {
                    items: vec![glyph_items(&run.glyphs)],
                });
            }
            ops.push(Op::EndTextSection);
        }
    }

    // 1. Backgrounds.
    let mut fill: Option<Rgb> = None;
    for item in &page.items {
        if let Item::Fill {
            x,
            y,
            w: rw,
            h: rh,
            color,
        } = *item
        {
            if fill != Some(color) {
                ops.push(Op::SetFillColor {
                    col: pt_color(color),
                });
                fill = Some(color);
            }
            ops.push(Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(x),
                    y: Pt(h - y - rh),
                    width: Pt(rw),
                    height: Pt(rh),
                    mode: Some(PaintMode::Fill),
                    winding_order: Some(WindingOrder::NonZero),
                },
            });
        }
    }

    // 2. Text.
    ops.push(Op::StartTextSection);
    let mut cur_font: Option<(usize, f32)> = None;
    let mut cur_spacing = 0.0f32;
    let mut text_fill: Option<Rgb> = None;
    for item in &page.items {
        let Item::Text {
            x,
            y,
            size,
            bold,
            color,
            ref text,
            spacing,
        } = *item
        else {
            continue;
        };
        if text_fill != Some(color) {
            ops.push(Op::SetFillColor {
                col: pt_color(color),
            });
            text_fill = Some(color);
        }
        if cur_spacing != spacing {
            ops.push(Op::SetCharacterSpacing {
                multiplier: spacing,
            });
            cur_spacing = spacing;
        }
        let mut pen = x;
        for run in m.runs(text, bold) {
            let Some(Some(id)) = ids.get(run.face) else {
                continue;
            };
            if cur_font != Some((run.face, size)) {
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(id.clone()),
                    size: Pt(size),
                });
                cur_font = Some((run.face, size));
            }
            ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(pen), Pt(h - y)),
            });
            let n = run.glyphs.len() as f32;
            ops.push(Op::ShowText {
                items: vec![glyph_items(&run.glyphs)],
            });
            pen += run.em * size + spacing * n;
        }
    }
    if cur_spacing != 0.0 {
        ops.push(Op::SetCharacterSpacing { multiplier: 0.0 });
    }
    ops.push(Op::EndTextSection);

    // 3. Rules and check boxes.
    let mut stroke: Option<(Rgb, f32, bool)> = None;
    let mut set_stroke = |ops: &mut Vec<Op>, color: Rgb, width: f32, dotted: bool| {
        let prev = stroke;
        if prev.map(|p| p.0) != Some(color) {
            ops.push(Op::SetOutlineColor {
                col: pt_color(color),
            });
        }
        if prev.map(|p| p.1) != Some(width) {
            ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        }
        if prev.map(|p| p.2) != Some(dotted) {
            ops.push(Op::SetLineDashPattern {
                dash: if dotted {
                    LineDashPattern::new(0.0, &[1.0, 2.0])
                } else {
                    LineDashPattern::default()
                },
            });
        }
        stroke = Some((color, width, dotted));
    };
    for item in &page.items {
        match *item {
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                color,
                dotted,
            } => {
                set_stroke(&mut ops, color, width, dotted);
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![point(x1, h - y1), point(x2, h - y2)],
                        is_closed: false,
                    },
                });
            }
            Item::CheckBox {
                x,
                y,
                size,
                checked,
            } => {
                set_stroke(&mut ops, crate::page::BLACK, 0.7, false);
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![
                            point(x, h - y),
                            point(x + size, h - y),
                            point(x + size, h - y - size),
                            point(x, h - y - size),
                        ],
                        is_closed: true,
                    },
                });
                if checked {
                    set_stroke(&mut ops, crate::page::BLACK, 1.2, false);
                    ops.push(Op::DrawLine {
                        line: Line {
                            points: vec![
                                point(x + size * 0.2, h - y - size * 0.52),
                                point(x + size * 0.42, h - y - size * 0.78),
                                point(x + size * 0.82, h - y - size * 0.2),
                            ],
                            is_closed: false,
                        },
                    });
                }
            }
            _ => {}
        }
    }
    PdfPage::new(printpdf::Mm::from(Pt(w)), printpdf::Mm::from(Pt(h)), ops)
}
