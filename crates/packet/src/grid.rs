//! Form grids: rows of ruled cells of different widths, as on a printed application form. A label
//! cell sits on a light grey ground; a value cell holds text (wrapped) or a row of check boxes.

use crate::page::{Doc, Item, BLACK, LABEL_FILL};
use crate::table::Align;

/// What a grid cell holds.
pub enum Content {
    /// A field name, centred on grey.
    Label(String),
    /// A value, wrapped to the cell.
    Text(String),
    /// Options with a box each, ticked when chosen: ☑自有 ☐租赁.
    Checks(Vec<(String, bool)>),
    /// Nothing (room to write by hand, or drawn by the caller).
    Blank,
}

/// A cell: its share of the row width and its content.
pub struct Cell {
    pub frac: f32,
    pub content: Content,
    pub align: Align,
}

pub fn label(frac: f32, text: &str) -> Cell {
    Cell {
        frac,
        content: Content::Label(text.to_owned()),
        align: Align::Center,
    }
}

pub fn value(frac: f32, text: impl Into<String>) -> Cell {
    Cell {
        frac,
        content: Content::Text(text.into()),
        align: Align::Left,
    }
}

pub fn checks(frac: f32, options: Vec<(String, bool)>) -> Cell {
    Cell {
        frac,
        content: Content::Checks(options),
        align: Align::Left,
    }
}

pub fn blank(frac: f32) -> Cell {
    Cell {
        frac,
        content: Content::Blank,
        align: Align::Left,
    }
}

const PAD: f32 = 5.0;
const LEADING: f32 = 1.45;
const BOX_GAP: f32 = 12.0;

/// Where a drawn row ended up: its top, height and the left edge and width of each cell.
pub struct Placed {
    pub top: f32,
    pub height: f32,
    pub cells: Vec<(f32, f32)>,
}

/// Lines of check-box options that fit `width`: each line is a list of (x offset, option).
fn check_lines<'c>(
    doc: &Doc,
    opts: &'c [(String, bool)],
    width: f32,
    size: f32,
) -> Vec<Vec<(f32, &'c (String, bool))>> {
    let mut lines: Vec<Vec<(f32, &(String, bool))>> = vec![vec![]];
    let mut x = 0.0;
    for opt in opts {
        let w = size + 3.0 + doc.m.width(&opt.0, size, false);
        if x > 0.0 && x + w > width {
            lines.push(vec![]);
            x = 0.0;
        }
        if let Some(l) = lines.last_mut() {
            l.push((x, opt));
        }
        x += w + BOX_GAP;
    }
    lines
}

/// Draws one row of cells at the cursor, at least `min_h` high, breaking the page first if it
/// does not fit (then `continued_title` is drawn at the top of the new page).
pub fn row(
    doc: &mut Doc,
    cells: Vec<Cell>,
    min_h: f32,
    size: f32,
    continued_title: &str,
) -> Placed {
    let total = doc.width();
    let sum: f32 = cells.iter().map(|c| c.frac).sum::<f32>().max(0.0001);
    let widths: Vec<f32> = cells.iter().map(|c| c.frac / sum * total).collect();

    // Lay out each cell's lines first to know the row height.
    let lh = size * LEADING;
    let mut heights = Vec::with_capacity(cells.len());
    let mut wrapped: Vec<Vec<String>> = Vec::with_capacity(cells.len());
    for (c, &w) in cells.iter().zip(&widths) {
        let inner = w - 2.0 * PAD;
        let (h, lines) = match &c.content {
            Content::Label(t) | Content::Text(t) => {
                let lines = doc.m.wrap(t, inner, size, false);
                (lines.len().max(1) as f32 * lh, lines)
            }
            Content::Checks(opts) => (
                check_lines(doc, opts, inner, size).len() as f32 * lh,
                vec![],
            ),
            Content::Blank => (0.0, vec![]),
        };
        heights.push(h + 2.0 * PAD);
        wrapped.push(lines);
    }
    let h = heights.iter().copied().fold(min_h, f32::max);
    if doc.ensure(h) && !continued_title.is_empty() {
        doc.title(&format!("{continued_title}（续）"), 16.0);
    }
    let top = doc.y;
    let mut x = doc.left();
    let mut placed = Vec::with_capacity(cells.len());
    for ((c, &w), lines) in cells.iter().zip(&widths).zip(wrapped) {
        placed.push((x, w));
        if matches!(c.content, Content::Label(_)) {
            doc.fill(x, top, w, h, LABEL_FILL);
        }
        let block = match &c.content {
            Content::Checks(opts) => check_lines(doc, opts, w - 2.0 * PAD, size).len() as f32 * lh,
            _ => lines.len() as f32 * lh,
        };
        let mut baseline = top + (h - block) / 2.0 + (lh - size) / 2.0 + size * 0.88;
        match &c.content {
            Content::Checks(opts) => {
                for line in check_lines(doc, opts, w - 2.0 * PAD, size) {
                    for (dx, (text, on)) in line {
                        let bx = x + PAD + dx;
                        doc.checkbox(bx, baseline - size * 0.82, size * 0.9, *on);
                        doc.text(bx + size + 3.0, baseline, size, false, text);
                    }
                    baseline += lh;
                }
            }
            _ => {
                let align = c.align;
                for line in lines {
                    let lw = doc.m.width(&line, size, false);
                    let tx = match align {
                        Align::Left => x + PAD,
                        Align::Center => x + (w - lw) / 2.0,
                        Align::Right => x + w - PAD - lw,
                    };
                    doc.push(Item::Text {
                        x: tx,
                        y: baseline,
                        size,
                        bold: false,
                        color: BLACK,
                        text: line,
                        spacing: 0.0,
                    });
                    baseline += lh;
                }
            }
        }
        doc.rect(x, top, w, h, 0.6);
        x += w;
    }
    doc.y = top + h;
    Placed {
        top,
        height: h,
        cells: placed,
    }
}
