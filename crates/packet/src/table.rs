//! Ruled tables that run over pages: the title and the header row are repeated on every page, the
//! title marked 「（续）」 on continuations; a cell's text first shrinks (down to
//! [`crate::page::TABLE_MIN`]) to stay on one line, then wraps.

use crate::page::{Doc, Item, Rgb, BLACK, HEADER_FILL};

/// Horizontal alignment in a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// A column: header text, share of the table width, alignment of its cells.
#[derive(Clone, Debug)]
pub struct Col {
    pub title: &'static str,
    pub weight: f32,
    pub align: Align,
}

pub const fn col(title: &'static str, weight: f32, align: Align) -> Col {
    Col {
        title,
        weight,
        align,
    }
}

/// A table's fixed parts.
pub struct Table<'a> {
    /// Drawn centred above the table, and again with 「（续）」 on each continuation page.
    pub title: &'a str,
    /// Drawn left above the table on every page (e.g. 「填报单位（盖章）：…」).
    pub note_left: &'a str,
    /// Drawn right above the table on every page (e.g. 「金额单位：元」).
    pub note_right: &'a str,
    pub cols: &'a [Col],
    pub size: f32,
    pub min_size: f32,
}

/// One row's cells; `emphasis` rows (totals) are bold on a grey ground.
pub struct Row {
    pub cells: Vec<String>,
    pub emphasis: bool,
}

impl Row {
    pub fn new(cells: Vec<String>) -> Row {
        Row {
            cells,
            emphasis: false,
        }
    }
}

const PAD_X: f32 = 3.0;
const PAD_Y: f32 = 3.5;
const LEADING: f32 = 1.22;

/// A cell's text as it will be drawn.
struct Fitted {
    size: f32,
    lines: Vec<String>,
}

impl Table<'_> {
    fn widths(&self, total: f32) -> Vec<f32> {
        let sum: f32 = self.cols.iter().map(|c| c.weight).sum::<f32>().max(0.0001);
        self.cols.iter().map(|c| c.weight / sum * total).collect()
    }
}

fn fit(doc: &Doc, text: &str, width: f32, size: f32, min_size: f32, bold: bool) -> Fitted {
    let inner = (width - 2.0 * PAD_X).max(1.0);
    if text.is_empty() {
        return Fitted {
            size,
            lines: vec![],
        };
    }
    if !text.contains('\n') {
        let w = doc.m.width(text, 1.0, bold);
        if w * size <= inner {
            return Fitted {
                size,
                lines: vec![text.to_owned()],
            };
        }
        let s = (inner / w * 100.0).floor() / 100.0;
        if s >= min_size {
            return Fitted {
                size: s,
                lines: vec![text.to_owned()],
            };
        }
    }
    Fitted {
        size: min_size,
        lines: doc.m.wrap(text, inner, min_size, bold),
    }
}

fn height(cells: &[Fitted], base: f32) -> f32 {
    let content = cells
        .iter()
        .map(|c| c.lines.len().max(1) as f32 * c.size * LEADING)
        .fold(base * LEADING, f32::max);
    content + 2.0 * PAD_Y
}

/// Draws the fitted cells of one row whose top is at `y`.
#[allow(clippy::too_many_arguments)]
fn draw_row(
    doc: &mut Doc,
    x0: f32,
    y: f32,
    h: f32,
    widths: &[f32],
    cols: &[Col],
    cells: Vec<Fitted>,
    bold: bool,
    header: bool,
    fill: Option<Rgb>,
) {
    if let Some(color) = fill {
        let w: f32 = widths.iter().sum();
        doc.fill(x0, y, w, h, color);
    }
    let mut x = x0;
    for ((cell, &w), col) in cells.into_iter().zip(widths).zip(cols) {
        let lh = cell.size * LEADING;
        let block = cell.lines.len() as f32 * lh;
        // Centre the block vertically; the baseline sits ~0.8 of the size below a line's top.
        let mut baseline = y + (h - block) / 2.0 + cell.size * 0.88 + (lh - cell.size) / 2.0;
        let align = if header { Align::Center } else { col.align };
        for line in cell.lines {
            let lw = doc.m.width(&line, cell.size, bold);
            let tx = match align {
                Align::Left => x + PAD_X,
                Align::Center => x + (w - lw) / 2.0,
                Align::Right => x + w - PAD_X - lw,
            };
            doc.push(Item::Text {
                x: tx,
                y: baseline,
                size: cell.size,
                bold,
                color: BLACK,
                text: line,
                spacing: 0.0,
            });
            baseline += lh;
        }
        x += w;
    }
}

/// Lays out `rows` under `table`'s header, from the cursor on, breaking pages as needed. Returns
/// the number of pages the table touched.
pub fn draw_table<I: IntoIterator<Item = Row>>(doc: &mut Doc, table: &Table, rows: I) -> usize {
    let x0 = doc.left();
    let widths = table.widths(doc.width());
    let head: Vec<Fitted> = table
        .cols
        .iter()
        .zip(&widths)
        .map(|(c, &w)| fit(doc, c.title, w, table.size, table.min_size, true))
        .collect();
    let head_h = height(&head, table.size);
    drop(head);
    let title_h = 16.0 * 1.9;
    // The left note wraps beside the right one.
    let right_w = doc.m.width(table.note_right, table.size, false);
    let note_lines = if table.note_left.is_empty() {
        Vec::new()
    } else {
        doc.m.wrap(
            table.note_left,
            (doc.width() - right_w - 24.0).max(80.0),
            table.size,
            false,
        )
    };
    let note_h = if note_lines.is_empty() && table.note_right.is_empty() {
        0.0
    } else {
        note_lines.len().max(1) as f32 * table.size * 1.4 + table.size * 0.6
    };
    let mut pages = 1;
    let mut seg_top;
    let mut continued = false;

    // Title, notes and header at the cursor; returns the top of the ruled part.
    let start = |doc: &mut Doc, continued: bool| -> f32 {
        let title = if continued {
            format!("{}（续）", table.title)
        } else {
            table.title.to_owned()
        };
        doc.title(&title, 16.0);
        if note_h > 0.0 {
            let y = doc.y + table.size;
            for (i, line) in note_lines.iter().enumerate() {
                let l = doc.left();
                doc.text(l, y + i as f32 * table.size * 1.4, table.size, false, line);
            }
            let r = doc.right();
            doc.text_right(r, y, table.size, false, table.note_right);
            doc.y += note_h;
        }
        let top = doc.y;
        let cells = table
            .cols
            .iter()
            .zip(&widths)
            .map(|(c, &w)| fit(doc, c.title, w, table.size, table.min_size, true))
            .collect();
        draw_row(
            doc,
            x0,
            top,
            head_h,
            &widths,
            table.cols,
            cells,
            true,
            true,
            Some(HEADER_FILL),
        );
        doc.y += head_h;
        doc.line(x0, doc.y, x0 + widths.iter().sum::<f32>(), doc.y, 0.8);
        top
    };

    // Rules of one page's part of the table: outer frame and column lines.
    let close = |doc: &mut Doc, top: f32| {
        let bottom = doc.y;
        let total: f32 = widths.iter().sum();
        let mut x = x0;
        for w in &widths[..widths.len().saturating_sub(1)] {
            x += w;
            doc.line(x, top, x, bottom, 0.5);
        }
        doc.rect(x0, top, total, bottom - top, 1.0);
    };

    if doc.space() < title_h + note_h + head_h + 2.0 * table.size * 2.0 {
        let o = doc.orientation();
        doc.new_page(o);
    }
    seg_top = start(doc, continued);
    let total_w: f32 = widths.iter().sum();

    for row in rows {
        let cells: Vec<Fitted> = row
            .cells
            .iter()
            .zip(&widths)
            .map(|(t, &w)| fit(doc, t, w, table.size, table.min_size, row.emphasis))
            .collect();
        let h = height(&cells, table.size);
        if doc.space() < h {
            close(doc, seg_top);
            let o = doc.orientation();
            doc.new_page(o);
            pages += 1;
            continued = true;
            seg_top = start(doc, continued);
        }
        let y = doc.y;
        let fill = row.emphasis.then_some(HEADER_FILL);
        draw_row(
            doc,
            x0,
            y,
            h,
            &widths,
            table.cols,
            cells,
            row.emphasis,
            false,
            fill,
        );
        doc.y += h;
        doc.line(x0, doc.y, x0 + total_w, doc.y, 0.4);
    }
    close(doc, seg_top);
    doc.y += table.size;
    pages
}
