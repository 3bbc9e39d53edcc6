//! Measuring text with the fonts' own advances, and breaking it into lines the way Chinese is set.
//!
//! Each character is drawn with the first face that has it: for bold text the bold face, then the
//! regular faces; for regular text the core face, then the slices. A character no face has is
//! recorded as missing (the packet then refuses to print rather than show an empty box).
//!
//! Line breaking follows the usual rules for Chinese (GB/T 15834 标点符号用法, 禁则): a line never
//! starts with a closing mark (，。、；：？！）》」”…) and never ends with an opening one
//! (（《「“). Latin words and numbers (ID numbers, amounts, dates) are kept whole unless they are
//! longer than the line.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

use crate::fonts::Fonts;

/// Marks that may not begin a line.
const NO_START: &str = "，。、；：？！）》」』】〕〉”’…—～·%‰,.;:?!)]}";
/// Marks that may not end a line.
const NO_END: &str = "（《「『【〔〈“‘([{";

/// Where a glyph comes from: which face, and its advance in em.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Glyph {
    /// 0 = bold, 1.. = regular faces in [`Fonts`] order.
    pub face: usize,
    /// Glyph id in that face.
    pub gid: u16,
    pub advance_em: f32,
}

/// A hasher for `(char, bool)` keys: the default SipHash showed up in profiles of big packets.
#[derive(Default)]
pub(crate) struct CharHasher(u64);

impl std::hash::Hasher for CharHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(n)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn write_u8(&mut self, n: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(n)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

type CharMap<V> = HashMap<(char, bool), V, std::hash::BuildHasherDefault<CharHasher>>;

/// Text measurement over a set of fonts, with a per-character cache.
pub struct Metrics<'f> {
    /// Bold first, then the regular faces.
    faces: Vec<ttf_parser::Face<'f>>,
    cache: RefCell<CharMap<Option<Glyph>>>,
    missing: RefCell<BTreeSet<char>>,
    /// Characters asked for in bold that only a regular face has (drawn regular).
    bold_fallback: RefCell<BTreeSet<char>>,
}

impl<'f> Metrics<'f> {
    pub fn new(fonts: &'f Fonts) -> Metrics<'f> {
        let mut faces = Vec::new();
        faces.extend(fonts.bold.face());
        faces.extend(fonts.regular.iter().filter_map(|f| f.face()));
        Metrics {
            faces,
            cache: RefCell::new(CharMap::default()),
            missing: RefCell::new(BTreeSet::new()),
            bold_fallback: RefCell::new(BTreeSet::new()),
        }
    }

    /// How many faces there are (bold first, then the regular faces).
    pub(crate) fn face_count(&self) -> usize {
        self.faces.len()
    }

    /// The face and advance for `c`, or `None` (recorded as missing) when no face has it.
    pub(crate) fn glyph(&self, c: char, bold: bool) -> Option<Glyph> {
        if let Some(g) = self.cache.borrow().get(&(c, bold)) {
            return *g;
        }
        let first = if bold { 0 } else { 1 };
        let found = self
            .faces
            .iter()
            .enumerate()
            .skip(first)
            .find_map(|(i, f)| {
                let gid = f.glyph_index(c).filter(|g| g.0 != 0)?;
                let adv = f.glyph_hor_advance(gid).unwrap_or(0);
                Some(Glyph {
                    face: i,
                    gid: gid.0,
                    advance_em: f32::from(adv) / f32::from(f.units_per_em().max(1)),
                })
            });
        if found.is_none() && !c.is_whitespace() {
            self.missing.borrow_mut().insert(c);
        }
        if bold && found.is_some_and(|g| g.face != 0) && !c.is_whitespace() {
            self.bold_fallback.borrow_mut().insert(c);
        }
        self.cache.borrow_mut().insert((c, bold), found);
        found
    }

    /// Advance of one character in em (a missing character counts as 1 em, a space as ¼).
    fn advance(&self, c: char, bold: bool) -> f32 {
        match self.glyph(c, bold) {
            Some(g) => g.advance_em,
            None if c.is_whitespace() => 0.25,
            None => 1.0,
        }
    }

    /// Width of `s` in points at `size` (characters that print as nothing count as nothing).
    pub fn width(&self, s: &str, size: f32, bold: bool) -> f32 {
        s.chars()
            .filter(|c| printable(*c))
            .map(|c| self.advance(c, bold))
            .sum::<f32>()
            * size
    }

    /// Characters asked for in bold that the bold face lacks (they were drawn regular).
    pub fn bold_fallbacks(&self) -> Vec<char> {
        self.bold_fallback.borrow().iter().copied().collect()
    }

    /// Characters asked for that no face has.
    pub fn missing(&self) -> Vec<char> {
        self.missing.borrow().iter().copied().collect()
    }

    /// Breaks `text` into lines no wider than `width` at `size`. Newlines in the text start new
    /// lines; an empty text gives no lines.
    pub fn wrap(&self, text: &str, width: f32, size: f32, bold: bool) -> Vec<String> {
        let mut lines = Vec::new();
        for para in text.split('\n') {
            self.wrap_paragraph(para, width, width, size, bold, &mut lines);
        }
        while lines.last().is_some_and(|l: &String| l.is_empty()) {
            lines.pop();
        }
        lines
    }

    /// As [`Metrics::wrap`] for one paragraph whose first line is `first_width` wide (for a
    /// first-line indent) and the others `width`. A number, code, date or amount is never split
    /// across lines unless it alone is wider than a line.
    pub fn wrap_paragraph(
        &self,
        text: &str,
        first_width: f32,
        width: f32,
        size: f32,
        bold: bool,
        lines: &mut Vec<String>,
    ) {
        let units = units(text);
        let mut line = String::new();
        let mut line_w = 0.0f32;
        let mut limit = first_width;
        for unit in units {
            let uw = self.width(&unit, size, bold);
            let is_space = unit.chars().all(char::is_whitespace);
            if line_w + uw <= limit + 0.01 {
                if !(is_space && line.is_empty()) {
                    line.push_str(&unit);
                    line_w += uw;
                }
                continue;
            }
            if is_space {
                // A break at a space: the space itself is dropped.
                lines.push(std::mem::take(&mut line).trim_end().to_owned());
                line_w = 0.0;
                limit = width;
                continue;
            }
            // A number, code, date or amount moves to the next line whole, even in justified
            // text: 「91150921MA7XK2」 / 「P3QM」 would be misread. Only a unit longer than a whole
            // line is broken, by characters.
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line).trim_end().to_owned());
                line_w = 0.0;
                limit = width;
            }
            if uw <= limit - line_w + 0.01 {
                line.push_str(&unit);
                line_w += uw;
                continue;
            }
            // Break it by characters; a closing mark still never starts a line (it hangs).
            for c in unit.chars() {
                let cw = self.advance(c, bold) * size;
                if line_w + cw > limit + 0.01 && !line.is_empty() && !NO_START.contains(c) {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0.0;
                    limit = width;
                }
                line.push(c);
                line_w += cw;
            }
        }
        lines.push(line.trim_end().to_owned());
    }

    /// The largest size from `size` down to `min_size` at which `text` fits on one line of
    /// `width`; `None` when it does not fit even at `min_size`.
    pub fn shrink_to_fit(&self, text: &str, width: f32, size: f32, min_size: f32) -> Option<f32> {
        let w = self.width(text, 1.0, false);
        if w <= 0.0 || w * size <= width {
            return Some(size);
        }
        let s = (width / w * 100.0).floor() / 100.0;
        (s >= min_size).then_some(s)
    }
}

/// Splits text into unbreakable units: a Latin word or number (an ID number, a credit code, an
/// ISO date, an amount), a date written out in Chinese (「2026年12月2日」, 「2026年3月」), a
/// space, or one CJK character with the closing marks that follow it and the opening marks that
/// precede it.
fn units(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().filter(|c| printable(*c)).collect();
    let mut out: Vec<String> = Vec::new();
    let mut pending_open = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if NO_END.contains(c) {
            pending_open.push(c);
            continue;
        }
        if NO_START.contains(c) && pending_open.is_empty() {
            match out.last_mut() {
                Some(u) if !u.chars().all(char::is_whitespace) => u.push(c),
                _ => out.push(c.to_string()),
            }
            continue;
        }
        let mut unit = std::mem::take(&mut pending_open);
        if c.is_whitespace() {
            if !unit.is_empty() {
                out.push(unit);
            }
            out.push(" ".into());
            continue;
        }
        unit.push(c);
        if is_word_char(c) {
            while i < chars.len() {
                let n = chars[i];
                // 年 and 月 glue digits on both sides; 日 closes a date after a digit.
                let date_mark = chars[i - 1].is_ascii_digit()
                    && (matches!(n, '年' | '月')
                        && chars.get(i + 1).is_some_and(char::is_ascii_digit)
                        || n == '日'
                        || n == '月' && unit.contains('年'));
                if is_word_char(n) || date_mark {
                    unit.push(n);
                    i += 1;
                } else {
                    break;
                }
            }
        }
        out.push(unit);
    }
    if !pending_open.is_empty() {
        out.push(pending_open);
    }
    out
}

/// Whether a character is drawn at all: control characters and the invisible ones pasted with
/// text from chat apps (zero-width spaces, BOM, bidi marks) are dropped, never printed as boxes
/// or reported as missing from the font.
pub fn printable(c: char) -> bool {
    !c.is_control() && !bangfu_model::text::is_invisible(c)
}

/// Characters that make up an unbreakable Latin word, number, date or amount.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '/' | ':' | '@' | '_' | '+' | ',' | '%')
}

#[cfg(test)]
mod tests {
    use super::units;

    #[test]
    fn closing_marks_stay_with_the_character_before_them() {
        assert_eq!(units("甲，乙。"), vec!["甲，", "乙。"]);
        assert_eq!(units("（甲）"), vec!["（甲）"]);
        assert_eq!(
            units("《办法》第七条"),
            vec!["《办", "法》", "第", "七", "条"]
        );
    }

    #[test]
    fn numbers_and_words_are_kept_whole() {
        assert_eq!(
            units("号码11010519491231002X，"),
            vec!["号", "码", "11010519491231002X，"]
        );
        assert_eq!(units("2,270.00 元"), vec!["2,270.00", " ", "元"]);
        assert_eq!(
            units("于2026年12月2日起"),
            vec!["于", "2026年12月2日", "起"]
        );
        assert_eq!(units("2026年3月工资"), vec!["2026年3月", "工", "资"]);
        assert_eq!(units("2023-01-01至"), vec!["2023-01-01", "至"]);
    }
}
