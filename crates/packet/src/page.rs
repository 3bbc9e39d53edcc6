//! Pages as lists of things to draw, and the cursor that fills them from top to bottom.
//!
//! Layout works in points with y growing downwards from the top edge; [`crate::render`] turns the
//! pages into PDF operations. Nothing here knows the page count: the footer (「第 x 页 共 n 页」)
//! and the table of contents' page numbers ([`Item::PageRef`]) are filled in when rendering.

use crate::text::Metrics;

/// A4 in points.
pub const A4_SHORT: f32 = 595.28;
pub const A4_LONG: f32 = 841.89;

/// Body text size (小四).
pub const BODY: f32 = 12.0;
/// Table text size (小五 is 9 pt; 9.5 reads better on a form).
pub const TABLE: f32 = 9.5;
/// The smallest size a table cell shrinks to before it wraps.
pub const TABLE_MIN: f32 = 7.5;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orientation {
    Portrait,
    Landscape,
}

impl Orientation {
    pub fn size(self) -> (f32, f32) {
        match self {
            Orientation::Portrait => (A4_SHORT, A4_LONG),
            Orientation::Landscape => (A4_LONG, A4_SHORT),
        }
    }

    /// Left and right margin.
    pub fn margin_x(self) -> f32 {
        match self {
            Orientation::Portrait => 62.0,
            Orientation::Landscape => 42.0,
        }
    }

    /// First baseline area of content (below the running header / banner).
    pub fn content_top(self) -> f32 {
        match self {
            Orientation::Portrait => 78.0,
            Orientation::Landscape => 66.0,
        }
    }

    /// Content must end above this (the footer is below).
    pub fn content_bottom(self) -> f32 {
        self.size().1 - 52.0
    }
}

/// An RGB colour, each channel 0-1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

pub const BLACK: Rgb = Rgb(0.0, 0.0, 0.0);
pub const GREY: Rgb = Rgb(0.35, 0.35, 0.35);
pub const RULE: Rgb = Rgb(0.0, 0.0, 0.0);
pub const HEADER_FILL: Rgb = Rgb(0.91, 0.91, 0.91);
pub const LABEL_FILL: Rgb = Rgb(0.955, 0.955, 0.955);
pub const RED: Rgb = Rgb(0.75, 0.05, 0.05);
pub const RED_FILL: Rgb = Rgb(0.99, 0.93, 0.93);
pub const WATERMARK: Rgb = Rgb(0.88, 0.88, 0.88);

/// Something drawn on a page. Coordinates: points from the top-left corner; text at its baseline.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A filled rectangle (drawn first).
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    /// A line of text (drawn second). `spacing` is extra space after each character (justified
    /// lines).
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: Rgb,
        text: String,
        spacing: f32,
    },
    /// Text turned by `angle` degrees (counter-clockwise) about its start: the watermark.
    Rotated {
        x: f32,
        y: f32,
        size: f32,
        color: Rgb,
        text: String,
        angle: f32,
    },
    /// The first page number of section `section`, right-aligned at `x_right` (table of contents).
    PageRef {
        section: usize,
        x_right: f32,
        y: f32,
        size: f32,
    },
    /// A straight rule (drawn last).
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: Rgb,
        dotted: bool,
    },
    /// A check box ☐ with its top-left corner at (x, y); `checked` draws a tick in it (☑).
    CheckBox {
        x: f32,
        y: f32,
        size: f32,
        checked: bool,
    },
}

/// One page.
#[derive(Clone, Debug)]
pub struct Page {
    pub orientation: Orientation,
    pub section: usize,
    pub items: Vec<Item>,
}

/// A section of the packet: its title in the table of contents and its first page (0-based).
#[derive(Clone, Debug)]
pub struct Section {
    pub title: String,
    pub first_page: usize,
}

/// The pages laid out so far and the cursor on the last one.
pub struct Doc<'m, 'f> {
    pub m: &'m Metrics<'f>,
    pub pages: Vec<Page>,
    pub sections: Vec<Section>,
    /// Top of the free space on the current page.
    pub y: f32,
}

impl<'m, 'f> Doc<'m, 'f> {
    pub fn new(m: &'m Metrics<'f>) -> Self {
        Doc {
            m,
            pages: Vec::new(),
            sections: Vec::new(),
            y: 0.0,
        }
    }

    /// Starts a section on a new page.
    pub fn start_section(&mut self, title: &str, orientation: Orientation) -> usize {
        self.sections.push(Section {
            title: title.to_owned(),
            first_page: self.pages.len(),
        });
        self.new_page(orientation);
        self.sections.len() - 1
    }

    /// Starts a new page in the current section.
    pub fn new_page(&mut self, orientation: Orientation) {
        self.pages.push(Page {
            orientation,
            section: self.sections.len().saturating_sub(1),
            items: Vec::new(),
        });
        self.y = orientation.content_top();
    }

    pub fn orientation(&self) -> Orientation {
        self.pages
            .last()
            .map_or(Orientation::Portrait, |p| p.orientation)
    }

    pub fn left(&self) -> f32 {
        self.orientation().margin_x()
    }

    pub fn right(&self) -> f32 {
        self.orientation().size().0 - self.orientation().margin_x()
    }

    pub fn width(&self) -> f32 {
        self.right() - self.left()
    }

    pub fn bottom(&self) -> f32 {
        self.orientation().content_bottom()
    }

    /// Space left below the cursor.
    pub fn space(&self) -> f32 {
        self.bottom() - self.y
    }

    /// Breaks the page unless `h` points are left; true when it broke.
    pub fn ensure(&mut self, h: f32) -> bool {
        if self.space() < h {
            let o = self.orientation();
            self.new_page(o);
            true
        } else {
            false
        }
    }

    pub fn push(&mut self, item: Item) {
        if let Some(p) = self.pages.last_mut() {
            p.items.push(item);
        }
    }

    /// Text at a baseline.
    pub fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, text: &str) {
        self.text_colored(x, y, size, bold, BLACK, text);
    }

    pub fn text_colored(&mut self, x: f32, y: f32, size: f32, bold: bool, color: Rgb, text: &str) {
        let text: String = text
            .chars()
            .filter(|c| crate::text::printable(*c))
            .collect();
        if text.is_empty() {
            return;
        }
        self.push(Item::Text {
            x,
            y,
            size,
            bold,
            color,
            text,
            spacing: 0.0,
        });
    }

    /// Text centred on `cx`.
    pub fn text_centered(&mut self, cx: f32, y: f32, size: f32, bold: bool, text: &str) {
        let w = self.m.width(text, size, bold);
        self.text(cx - w / 2.0, y, size, bold, text);
    }

    /// Text ending at `xr`.
    pub fn text_right(&mut self, xr: f32, y: f32, size: f32, bold: bool, text: &str) {
        let w = self.m.width(text, size, bold);
        self.text(xr - w, y, size, bold, text);
    }

    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32) {
        self.push(Item::Line {
            x1,
            y1,
            x2,
            y2,
            width,
            color: RULE,
            dotted: false,
        });
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, width: f32) {
        self.line(x, y, x + w, y, width);
        self.line(x, y + h, x + w, y + h, width);
        self.line(x, y, x, y + h, width);
        self.line(x + w, y, x + w, y + h, width);
    }

    pub fn fill(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        self.push(Item::Fill { x, y, w, h, color });
    }

    pub fn checkbox(&mut self, x: f32, y: f32, size: f32, checked: bool) {
        self.push(Item::CheckBox {
            x,
            y,
            size,
            checked,
        });
    }

    /// A section title: centred, bold, with space below.
    pub fn title(&mut self, text: &str, size: f32) {
        let cx = (self.left() + self.right()) / 2.0;
        let y = self.y + size;
        self.text_centered(cx, y, size, true, text);
        self.y = y + size * 0.9;
    }

    /// A paragraph of body text with a first-line indent of `indent` characters, justified except
    /// for its last line, flowing over pages.
    pub fn paragraph(&mut self, text: &str, size: f32, indent: f32, leading: f32) {
        let (left, width) = (self.left(), self.width());
        let first_indent = indent * size;
        let mut lines = Vec::new();
        self.m
            .wrap_paragraph(text, width - first_indent, width, size, false, &mut lines);
        let n = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            self.ensure(size * leading);
            let x = if i == 0 { left + first_indent } else { left };
            let avail = if i == 0 { width - first_indent } else { width };
            let natural = self.m.width(&line, size, false);
            let count = line.chars().count();
            // Justify full lines (not the last) by spreading the gap between characters.
            let spacing = if i + 1 < n && count > 1 && natural < avail {
                (avail - natural) / (count - 1) as f32
            } else {
                0.0
            };
            let y = self.y + size;
            self.push(Item::Text {
                x,
                y,
                size,
                bold: false,
                color: BLACK,
                text: line,
                spacing: spacing.min(size * 0.5),
            });
            self.y += size * leading;
        }
    }

    /// A label followed by a line to write on, e.g. `法定代表人（签字）：________`.
    pub fn signature_line(&mut self, x: f32, y: f32, label: &str, line_len: f32, size: f32) {
        self.text(x, y, size, false, label);
        let lx = x + self.m.width(label, size, false) + 2.0;
        self.line(lx, y + 2.5, lx + line_len, y + 2.5, 0.6);
    }

    /// 「年 月 日」 with room to write the date by hand, ending at `xr`.
    pub fn blank_date(&mut self, xr: f32, y: f32, size: f32) {
        let gap = size * 2.2;
        let parts = ["年", "月", "日"];
        let mut x = xr - (size + gap) * 3.0 + gap;
        for p in parts {
            self.text(x, y, size, false, p);
            x += size + gap;
        }
    }
}
