//! Page content streams (PDF 32000-1:2008 §8–9 operators), written straight from laid-out pages.
//!
//! printpdf turns a list of `Op`s into a stream by building a `lopdf::content::Operation` per
//! operator, an object per glyph and formatting every number through `core::fmt`; for a
//! 300-employee packet (≈ 40,000 table cells) that was over half the time of the whole packet, and
//! more in the browser's wasm. This writer emits the same drawing with one pass over each page
//! into a byte buffer: numbers rounded to 0.01 pt (0.001 for colours) and written by hand, a run
//! of text as one hexadecimal string of 2-byte codes, rules of one style stroked as one path.
//!
//! The codes are the glyph ids of the subset fonts [`crate::subset`] cuts (see [`Codes`]); the
//! font resource names are printpdf's. Drawing order is backgrounds, then text, then rules (a fill
//! drawn after a rule would hide it), with the watermark under everything.

use crate::page::{Item, Page, Rgb, BLACK};
use crate::text::Metrics;

/// Which glyphs each face uses, and the code each gets in the embedded subset.
///
/// The used glyphs of a face are numbered by their position in `[0] ++ sorted used glyph ids`:
/// [`crate::subset::subset`] is given them in that order ([`Codes::glyphs`]) and makes them glyphs
/// 1, 2, … of the embedded font, and printpdf writes `/W` and `/ToUnicode` for those numbers. The
/// package tests read the text back through `/ToUnicode`, which fails if the numbering here ever
/// drifts from the font's.
pub struct Codes {
    /// Per face: the character each used glyph stands for (0 = unused), indexed by glyph id.
    used: Vec<Vec<char>>,
    /// Per face: the subset code of each used glyph, indexed by glyph id.
    code: Vec<Vec<u16>>,
}

impl Codes {
    /// Marks every glyph the pages draw. `faces` is the number of faces in `m`.
    pub fn collect(pages: &[Page], m: &Metrics, faces: usize) -> Codes {
        let mut used: Vec<Vec<char>> = vec![Vec::new(); faces];
        for page in pages {
            for item in &page.items {
                let (text, bold) = match item {
                    Item::Text { text, bold, .. } => (text, *bold),
                    Item::Rotated { text, .. } => (text, true),
                    _ => continue,
                };
                for c in text.chars() {
                    let Some(g) = m.glyph(c, bold) else { continue };
                    let Some(face) = used.get_mut(g.face) else {
                        continue;
                    };
                    let i = usize::from(g.gid);
                    if face.len() <= i {
                        face.resize(i + 1, '\0');
                    }
                    if face[i] == '\0' {
                        face[i] = c;
                    }
                }
            }
        }
        let code = used
            .iter()
            .map(|chars| {
                let mut next = 1u16; // 0 is .notdef
                chars
                    .iter()
                    .map(|&c| {
                        if c == '\0' {
                            0
                        } else {
                            let n = next;
                            next = next.saturating_add(1);
                            n
                        }
                    })
                    .collect()
            })
            .collect();
        Codes { used, code }
    }

    /// Whether face `face` draws anything.
    pub fn face_used(&self, face: usize) -> bool {
        self.used
            .get(face)
            .is_some_and(|f| f.iter().any(|&c| c != '\0'))
    }

    /// The used glyphs of `face` as (glyph id, character), ascending by glyph id.
    pub fn glyphs(&self, face: usize) -> impl Iterator<Item = (u16, char)> + '_ {
        self.used
            .get(face)
            .into_iter()
            .flat_map(|f| f.iter().enumerate())
            .filter(|(_, &c)| c != '\0')
            .filter_map(|(gid, &c)| Some((u16::try_from(gid).ok()?, c)))
    }

    fn code(&self, face: usize, gid: u16) -> u16 {
        self.code
            .get(face)
            .and_then(|f| f.get(usize::from(gid)))
            .copied()
            .unwrap_or(0)
    }
}

/// A content stream being written.
#[derive(Default)]
pub struct Writer {
    pub buf: Vec<u8>,
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

impl Writer {
    fn raw(&mut self, s: &[u8]) {
        self.buf.extend_from_slice(s);
    }

    fn uint(&mut self, mut n: u64) {
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.buf.extend_from_slice(&digits[i..]);
    }

    /// `v` rounded to `1/scale` (scale = 10^places), without trailing zeros, then a space.
    fn fixed(&mut self, v: f32, scale: u32, places: usize) {
        let scaled = (f64::from(v) * f64::from(scale)).round();
        // Page coordinates are a few thousand points at most; anything else is a layout bug
        // that should still give a valid (if wrong) number rather than garbage.
        let scaled = scaled.clamp(-1e15, 1e15) as i64;
        if scaled < 0 {
            self.buf.push(b'-');
        }
        let a = scaled.unsigned_abs();
        let (int, mut frac) = (a / u64::from(scale), a % u64::from(scale));
        self.uint(int);
        if frac != 0 {
            self.buf.push(b'.');
            let mut digits = [b'0'; 6];
            for d in digits[..places].iter_mut().rev() {
                *d = b'0' + (frac % 10) as u8;
                frac /= 10;
            }
            let mut end = places;
            while end > 0 && digits[end - 1] == b'0' {
                end -= 1;
            }
            self.buf.extend_from_slice(&digits[..end]);
        }
        self.buf.push(b' ');
    }

    /// A length or coordinate in points.
    fn pt(&mut self, v: f32) {
        self.fixed(v, 100, 2);
    }

    fn color(&mut self, c: Rgb, op: &[u8]) {
        for v in [c.0, c.1, c.2] {
            self.fixed(v, 1000, 3);
        }
        self.raw(op);
    }

    fn font(&mut self, face: usize, size: f32, names: &[Option<String>]) {
        if let Some(Some(name)) = names.get(face) {
            self.buf.push(b'/');
            self.raw(name.as_bytes());
            self.buf.push(b' ');
            self.pt(size);
            self.raw(b"Tf\n");
        }
    }

    fn matrix(&mut self, m: [f32; 6]) {
        for (i, v) in m.into_iter().enumerate() {
            if i < 4 {
                self.fixed(v, 10000, 4);
            } else {
                self.pt(v);
            }
        }
        self.raw(b"Tm\n");
    }
}

/// One piece of text to show: where it starts (PDF space: `x`, baseline `y`) and how.
struct Show<'t> {
    text: &'t str,
    bold: bool,
    size: f32,
    /// Extra space after each character (`Tc`, already set by the caller).
    spacing: f32,
    x: f32,
    y: f32,
    /// `(cos, sin)` of the watermark's angle; `None` for upright text.
    rotation: Option<(f32, f32)>,
}

/// What text is drawn with: the faces' metrics, their subset codes and resource names, and the
/// font last selected in this stream.
struct Pen<'a, 'f> {
    m: &'a Metrics<'f>,
    codes: &'a Codes,
    names: &'a [Option<String>],
    font: Option<(usize, f32)>,
}

impl Pen<'_, '_> {
    /// One `Tj` per run of one face, each run placed at its own start so that positions are
    /// exactly the layout's.
    fn show(&mut self, w: &mut Writer, s: &Show) {
        let mut pen = s.x;
        let mut open: Option<usize> = None;
        for c in s.text.chars() {
            let Some(g) = self.m.glyph(c, s.bold) else {
                continue;
            };
            if open != Some(g.face) {
                if open.is_some() {
                    w.raw(b"> Tj\n");
                }
                if self.font != Some((g.face, s.size)) {
                    w.font(g.face, s.size, self.names);
                    self.font = Some((g.face, s.size));
                }
                match s.rotation {
                    // The watermark is one run; a face change inside it continues from the
                    // viewer's pen, which is where the layout put it too.
                    Some((cos, sin)) if open.is_none() => {
                        w.matrix([cos, sin, -sin, cos, pen, s.y]);
                    }
                    Some(_) => {}
                    None => w.matrix([1.0, 0.0, 0.0, 1.0, pen, s.y]),
                }
                w.buf.push(b'<');
                open = Some(g.face);
            }
            let code = self.codes.code(g.face, g.gid);
            for shift in [12, 8, 4, 0] {
                w.buf.push(HEX[usize::from((code >> shift) & 0xF)]);
            }
            pen += g.advance_em * s.size + s.spacing;
        }
        if open.is_some() {
            w.raw(b"> Tj\n");
        }
    }
}

/// Writes the content stream of one page. `names[face]` is the font resource name of each face
/// that is embedded.
pub fn page(page: &Page, m: &Metrics, codes: &Codes, names: &[Option<String>]) -> Vec<u8> {
    let (_, h) = page.orientation.size();
    let mut w = Writer {
        buf: Vec::with_capacity(page.items.len() * 40),
    };
    let mut pen = Pen {
        m,
        codes,
        names,
        font: None,
    };

    // 0. The watermark, under everything else.
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
            let (sin, cos) = angle.to_radians().sin_cos();
            w.raw(b"BT\n");
            w.color(color, b"rg\n");
            let show = Show {
                text,
                bold: true,
                size,
                spacing: 0.0,
                x,
                y: h - y,
                rotation: Some((cos, sin)),
            };
            pen.show(&mut w, &show);
            w.raw(b"ET\n");
        }
    }

    // 1. Backgrounds: rectangles of one colour filled together.
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
                if fill.is_some() {
                    w.raw(b"f\n");
                }
                w.color(color, b"rg\n");
                fill = Some(color);
            }
            w.pt(x);
            w.pt(h - y - rh);
            w.pt(rw);
            w.pt(rh);
            w.raw(b"re\n");
        }
    }
    if fill.is_some() {
        w.raw(b"f\n");
    }

    // 2. Text.
    let mut any_text = false;
    let mut spacing_now = 0.0f32;
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
        if !any_text {
            w.raw(b"BT\n");
            any_text = true;
        }
        if text_fill != Some(color) {
            w.color(color, b"rg\n");
            text_fill = Some(color);
        }
        if spacing_now != spacing {
            w.pt(spacing);
            w.raw(b"Tc\n");
            spacing_now = spacing;
        }
        let show = Show {
            text,
            bold,
            size,
            spacing,
            x,
            y: h - y,
            rotation: None,
        };
        pen.show(&mut w, &show);
    }
    if any_text {
        w.raw(b"ET\n");
    }

    // 3. Rules and check boxes: consecutive segments of one style form one stroked path.
    let mut stroke: Option<(Rgb, f32, bool)> = None;
    let mut pending = false;
    let mut style = |w: &mut Writer, pending: &mut bool, color: Rgb, width: f32, dotted: bool| {
        if stroke == Some((color, width, dotted)) {
            return;
        }
        if *pending {
            w.raw(b"S\n");
            *pending = false;
        }
        let prev = stroke;
        if prev.map(|p| p.0) != Some(color) {
            w.color(color, b"RG\n");
        }
        if prev.map(|p| p.1) != Some(width) {
            w.pt(width);
            w.raw(b"w\n");
        }
        if prev.map_or(dotted, |p| p.2 != dotted) {
            w.raw(if dotted { b"[1 2] 0 d\n" } else { b"[] 0 d\n" });
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
                style(&mut w, &mut pending, color, width, dotted);
                w.pt(x1);
                w.pt(h - y1);
                w.raw(b"m ");
                w.pt(x2);
                w.pt(h - y2);
                w.raw(b"l\n");
                pending = true;
            }
            Item::CheckBox {
                x,
                y,
                size,
                checked,
            } => {
                style(&mut w, &mut pending, BLACK, 0.7, false);
                w.pt(x);
                w.pt(h - y - size);
                w.pt(size);
                w.pt(size);
                w.raw(b"re\n");
                pending = true;
                if checked {
                    style(&mut w, &mut pending, BLACK, 1.2, false);
                    w.pt(x + size * 0.2);
                    w.pt(h - y - size * 0.52);
                    w.raw(b"m ");
                    w.pt(x + size * 0.42);
                    w.pt(h - y - size * 0.78);
                    w.raw(b"l ");
                    w.pt(x + size * 0.82);
                    w.pt(h - y - size * 0.2);
                    w.raw(b"l\n");
                    pending = true;
                }
            }
            _ => {}
        }
    }
    if pending {
        w.raw(b"S\n");
    }
    w.buf
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::Fonts;
    use crate::page::{Orientation, BLACK, HEADER_FILL};

    fn fonts() -> Fonts {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
        Fonts::load_dir(&dir, &std::collections::BTreeSet::new())
            .unwrap_or_else(|e| panic!("{e}: run `bash scripts/fonts.sh` first"))
    }

    fn line(x1: f32, y: f32, x2: f32, width: f32) -> Item {
        Item::Line {
            x1,
            y1: y,
            x2,
            y2: y,
            width,
            color: BLACK,
            dotted: false,
        }
    }

    fn text(x: f32, y: f32, bold: bool, text: &str) -> Item {
        Item::Text {
            x,
            y,
            size: 9.5,
            bold,
            color: BLACK,
            text: text.into(),
            spacing: 0.0,
        }
    }

    #[test]
    fn backgrounds_then_text_then_rules_each_drawn_in_batches() {
        let fonts = fonts();
        let m = Metrics::new(&fonts);
        let fill = |x: f32| Item::Fill {
            x,
            y: 100.0,
            w: 50.0,
            h: 20.0,
            color: HEADER_FILL,
        };
        let p = Page {
            orientation: Orientation::Portrait,
            section: 0,
            items: vec![
                line(60.0, 100.0, 300.0, 0.5),
                text(62.0, 115.0, false, "姓名 A1"),
                fill(60.0),
                fill(110.0),
                Item::CheckBox {
                    x: 60.0,
                    y: 130.0,
                    size: 9.0,
                    checked: true,
                },
                line(60.0, 120.0, 300.0, 0.5),
            ],
        };
        let codes = Codes::collect(std::slice::from_ref(&p), &m, m.face_count());
        let names: Vec<Option<String>> = (0..m.face_count())
            .map(|f| codes.face_used(f).then(|| format!("F{f}")))
            .collect();
        let out = String::from_utf8(page(&p, &m, &codes, &names)).unwrap_or_default();
        // Two rectangles of one colour, one fill; then the text; then the rules.
        assert_eq!(out.matches("\nf\n").count(), 1, "{out}");
        let (fill_at, text_at, rule_at) = (
            out.find("\nf\n").unwrap_or(usize::MAX),
            out.find("BT\n").unwrap_or(usize::MAX),
            out.find(" m ").unwrap_or(usize::MAX),
        );
        assert!(fill_at < text_at && text_at < rule_at, "{out}");
        // The regular face at 9.5 pt, placed at the layout's point (y from the bottom edge).
        assert!(out.contains("/F1 9.5 Tf\n1 0 0 1 62 726.89 Tm\n<"), "{out}");
        // A rule, the box (0.7 pt), the tick (1.2 pt), the second rule: four strokes.
        assert_eq!(out.matches("S\n").count(), 4, "{out}");
        assert!(out.contains("0.7 w\n") && out.contains("1.2 w\n"), "{out}");
    }

    #[test]
    fn subset_codes_number_the_used_glyphs_from_1_in_glyph_order() {
        let fonts = fonts();
        let m = Metrics::new(&fonts);
        let p = Page {
            orientation: Orientation::Portrait,
            section: 0,
            items: vec![text(0.0, 10.0, false, "申请申请表 2026")],
        };
        let codes = Codes::collect(&[p], &m, m.face_count());
        let glyphs: Vec<(u16, char)> = codes.glyphs(1).collect();
        // 申 请 表 space 2 0 6: each glyph once, ascending by glyph id.
        assert_eq!(glyphs.len(), 7, "{glyphs:?}");
        assert!(glyphs.windows(2).all(|w| w[0].0 < w[1].0));
        let numbered: Vec<u16> = glyphs.iter().map(|&(g, _)| codes.code(1, g)).collect();
        assert_eq!(numbered, (1..=7).collect::<Vec<u16>>());
        assert!(!codes.face_used(0), "no bold text, no bold face");
    }

    fn written(f: impl FnOnce(&mut Writer)) -> String {
        let mut w = Writer::default();
        f(&mut w);
        String::from_utf8(w.buf).unwrap_or_default()
    }

    #[test]
    fn numbers_are_rounded_to_a_hundredth_without_trailing_zeros() {
        let cases: &[(f32, &str)] = &[
            (0.0, "0 "),
            (1.0, "1 "),
            (12.5, "12.5 "),
            (841.89, "841.89 "),
            (-3.004, "-3 "),
            (-0.25, "-0.25 "),
            (0.006, "0.01 "),
            (595.28, "595.28 "),
            (100.999, "101 "),
        ];
        for &(v, want) in cases {
            assert_eq!(written(|w| w.pt(v)), want, "{v}");
        }
    }

    #[test]
    fn colours_keep_three_places() {
        assert_eq!(
            written(|w| w.color(Rgb(0.955, 0.0, 1.0), b"rg")),
            "0.955 0 1 rg"
        );
    }

    #[test]
    fn integers_of_any_size_are_written_whole() {
        assert_eq!(written(|w| w.uint(0)), "0");
        assert_eq!(written(|w| w.uint(u64::MAX)), u64::MAX.to_string());
    }
}
