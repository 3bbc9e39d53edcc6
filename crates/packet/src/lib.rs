//! The 就业帮扶车间认定申请 packet (第八条第（一）项: "书面提出认定申请，提供法人资格、固定场所、
//! 吸纳脱贫人口身份信息、劳务协议、工资发放明细等…相关材料") as an A4 PDF.
//!
//! [`build_packet`] lays out, in order: the cover with its table of contents; the application
//! letter; the application form with empty boxes for the township's preliminary review and the
//! county's on-site check; the self-assessment (the rules' findings, criterion by criterion, and
//! who counts and why not); the roster of poverty-alleviated employees, the full roster, the
//! agreement list and the insurance list; the wage payment tables month by month; the commitment
//! letter and the checklist of attachments. Every page carries 「第 x 页 共 n 页」 and the applicant's
//! name; when the overall verdict is not met every page carries a 「自评未通过」 banner and watermark.
//!
//! The verdicts are the rules' ([`bangfu_rules::Assessment`]): this crate renders them and never
//! decides eligibility itself.
//!
//! Layout is our own (printpdf's HTML layout paginates tables wrongly): [`page`] (pages and the
//! cursor), [`text`] (measuring and line breaking), [`table`] (ruled tables over pages),
//! [`sections`] (the packet's parts), [`content`] (what each page draws, as PDF operators),
//! [`render`] (to PDF). Fonts: [`fonts`]. The township's own documents (审查意见表, 书面说明,
//! 公示, 报送清单) use the same engine: [`township`].

pub mod content;
pub mod facts;
pub mod fonts;
pub mod grid;
pub mod page;
pub mod render;
pub mod sections;
pub mod subset;
pub mod table;
pub mod text;
pub mod township;

use std::fmt;

use bangfu_model::Draft;
use bangfu_rules::{Assessment, Status};
use chrono::NaiveDateTime;

pub use fonts::{draft_chars, missing_chars, where_chars, FontManifest, Fonts};

/// The message for characters no font can print, with where they are in the draft (the person
/// and the field), so the clerk knows what to correct.
pub fn missing_message(draft: &Draft, chars: &[char]) -> String {
    let mut m = PacketError::MissingChars(chars.to_vec()).to_string();
    let places = where_chars(draft, chars, 8);
    if !places.is_empty() {
        m.push_str(&format!("出现在：{}。", places.join("；")));
    }
    m
}

/// What the caller decides: the clock (the packet's date and the PDF's creation date).
#[derive(Clone, Debug)]
pub struct PacketOptions {
    /// Now, local time: printed as the application date and stored as the creation date.
    pub now: NaiveDateTime,
    /// The local time's offset from UTC in minutes (480 for China Standard Time; in a browser
    /// `-new Date().getTimezoneOffset()`), so that the PDF's creation date is the right instant.
    pub utc_offset_minutes: i32,
}

impl PacketOptions {
    /// Options for a clock in China Standard Time (UTC+8).
    pub fn china_time(now: NaiveDateTime) -> PacketOptions {
        PacketOptions {
            now,
            utc_offset_minutes: 480,
        }
    }
}

/// Why no packet was made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PacketError {
    /// A font file is unusable.
    Font(String),
    /// Characters of the draft no font can print (sorted, each once).
    MissingChars(Vec<char>),
    /// The PDF could not be written.
    Pdf(String),
}

impl fmt::Display for PacketError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PacketError::Font(e) => write!(f, "字体文件无法使用：{e}"),
            PacketError::Pdf(e) => write!(f, "PDF 文件生成失败：{e}"),
            PacketError::MissingChars(cs) => {
                let list: String = cs.iter().map(|c| format!("「{c}」")).collect();
                write!(
                    f,
                    "以下字符无法打印（字体中没有）：{list}。请检查是否误输入，或改用常用写法后再生成。"
                )
            }
        }
    }
}

impl std::error::Error for PacketError {}

/// The packet's title, also the PDF title.
pub const TITLE: &str = "就业帮扶车间认定申请材料";

/// Builds the packet.
///
/// `progress(done, total)` is called after layout once per page rendered and once when the file
/// is written; `total` is the page count plus one.
///
/// # Errors
/// [`PacketError::MissingChars`] when some character cannot be printed with `fonts` (nothing is
/// printed as an empty box), [`PacketError::Font`] when a font cannot be embedded.
pub fn build_packet(
    draft: &Draft,
    assessment: &Assessment,
    fonts: &Fonts,
    opts: &PacketOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Vec<u8>, PacketError> {
    let missing = missing_chars(draft, fonts);
    if !missing.is_empty() {
        return Err(PacketError::MissingChars(missing));
    }
    let m = text::Metrics::new(fonts);
    let mut doc = page::Doc::new(&m);
    let ctx = sections::Ctx::new(draft, assessment, opts.now.date());
    sections::lay_out(&mut doc, &ctx);
    sections::decorate(&mut doc, &ctx);

    // Anything the rules wrote that the fonts lack is caught here too.
    let missing = m.missing();
    if !missing.is_empty() {
        return Err(PacketError::MissingChars(missing));
    }
    let subject = match assessment.overall {
        Status::Met => "自评结论：符合认定条件".to_owned(),
        other => format!("自评结论：{}（自评未通过）", other.label()),
    };
    let meta = render::Meta {
        title: TITLE,
        author: &ctx.applicant,
        subject: &subject,
        created_local: opts.now,
        utc_offset_minutes: opts.utc_offset_minutes,
    };
    render::render(&doc.pages, &doc.sections, fonts, &m, &meta, progress)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text the packet sets in bold is in the bold cut (`scripts/fonts.sh` scans this
    /// crate's sources for it); a miss would print that character in the regular weight.
    #[test]
    fn bold_text_is_never_drawn_in_the_regular_weight() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
        let Some(date) = chrono::NaiveDate::from_ymd_opt(2026, 3, 1) else {
            return;
        };
        for n in [3, 12] {
            let draft = bangfu_rules::sample::qualifying_draft(n, 4, date);
            let a = bangfu_rules::assess(&draft, date);
            let fonts = Fonts::load_dir(&dir, &draft_chars(&draft))
                .unwrap_or_else(|e| panic!("{e}: run `bash scripts/fonts.sh` first"));
            let m = text::Metrics::new(&fonts);
            let mut doc = page::Doc::new(&m);
            let ctx = sections::Ctx::new(&draft, &a, date);
            sections::lay_out(&mut doc, &ctx);
            sections::decorate(&mut doc, &ctx);
            assert_eq!(m.bold_fallbacks(), Vec::<char>::new(), "{n} employees");
            assert!(m.missing().is_empty());
        }
    }

    fn lay_out_for_test(draft: &Draft, date: chrono::NaiveDate, check: impl Fn(&page::Doc)) {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
        let a = bangfu_rules::assess(draft, date);
        let fonts = Fonts::load_dir(&dir, &draft_chars(draft))
            .unwrap_or_else(|e| panic!("{e}: run `bash scripts/fonts.sh` first"));
        let m = text::Metrics::new(&fonts);
        let mut doc = page::Doc::new(&m);
        let ctx = sections::Ctx::new(draft, &a, date);
        sections::lay_out(&mut doc, &ctx);
        sections::decorate(&mut doc, &ctx);
        check(&doc);
    }

    /// Long free text (a long company name, address, products, posts) stays inside the page:
    /// no text runs past the paper's edge or into the footer.
    #[test]
    fn long_free_text_stays_inside_the_page() {
        let Some(date) = chrono::NaiveDate::from_ymd_opt(2026, 3, 1) else {
            return;
        };
        let mut draft = bangfu_rules::sample::qualifying_draft(8, 3, date);
        draft.applicant.name = "内蒙古自治区呼和浩特市土默特左旗察素齐镇把什村巧手民族服饰刺绣手工艺品农牧民专业合作社联合社有限责任公司".into();
        draft.applicant.registered_address =
            "内蒙古自治区呼和浩特市土默特左旗察素齐镇团结路18号院内东侧二层".repeat(3);
        draft.site.address = "把什村村委会东侧原村小学院内，".repeat(4);
        draft.site.products = "蒙古族服饰、刺绣手工艺品、毛毡制品、皮具、民族工艺品".repeat(3);
        for e in draft.employees.iter_mut() {
            e.post = "缝纫、熨烫、包装及质检".into();
            e.household_address = "内蒙古自治区呼和浩特市土默特左旗察素齐镇把什村三组".into();
        }
        lay_out_for_test(&draft, date, |doc| {
            for (i, p) in doc.pages.iter().enumerate() {
                let (w, h) = p.orientation.size();
                for item in &p.items {
                    if let page::Item::Text {
                        x,
                        y,
                        size,
                        bold,
                        text,
                        spacing,
                        ..
                    } = item
                    {
                        let tw =
                            doc.m.width(text, *size, *bold) + spacing * text.chars().count() as f32;
                        assert!(
                            *x >= 20.0 && x + tw <= w - 20.0,
                            "page {}: «{text}» runs from {x} to {}",
                            i + 1,
                            x + tw
                        );
                        assert!(
                            *y > 0.0 && *y < h - 10.0,
                            "page {}: «{text}» at y {y}",
                            i + 1
                        );
                    }
                }
            }
        });
    }

    /// A draft with nothing filled in still prints: blanks to fill in by hand, no panic.
    #[test]
    fn an_empty_draft_prints_a_packet_of_blanks() {
        let Some(date) = chrono::NaiveDate::from_ymd_opt(2026, 3, 1) else {
            return;
        };
        let draft = Draft::default();
        lay_out_for_test(&draft, date, |doc| {
            assert_eq!(doc.sections.len(), sections::SECTIONS.len());
            assert!(doc.pages.len() >= sections::SECTIONS.len());
        });
    }
}
