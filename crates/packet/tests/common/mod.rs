//! Shared by the packet tests: fonts from `crates/packet/fonts` (made by `scripts/fonts.sh`),
//! sample drafts from the rules crate, and reading a PDF back with lopdf.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use bangfu_model::Draft;
use bangfu_packet::{build_packet, draft_chars, Fonts, PacketOptions};
use bangfu_rules::Assessment;
use chrono::{NaiveDate, NaiveDateTime};

pub fn font_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts")
}

/// The fonts a draft needs (core, bold, its slices). The font files are build outputs: run
/// `bash scripts/fonts.sh` first (scripts/test.sh does).
pub fn fonts_for(draft: &Draft) -> Fonts {
    let dir = font_dir();
    assert!(
        dir.join("manifest.json").is_file(),
        "no fonts in {}: run `bash scripts/fonts.sh` first",
        dir.display()
    );
    Fonts::load_dir(&dir, &draft_chars(draft)).expect("fonts load")
}

pub fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 1).expect("date")
}

pub fn now() -> NaiveDateTime {
    date().and_hms_opt(9, 30, 15).expect("time")
}

/// A workshop that meets every criterion, with `n` employees and 6 wage months.
pub fn qualifying(n: usize) -> Draft {
    bangfu_rules::sample::qualifying_draft(n, 6, date())
}

pub struct Built {
    pub draft: Draft,
    pub assessment: Assessment,
    pub pdf: Vec<u8>,
    pub progress: Vec<(usize, usize)>,
}

pub fn build(draft: Draft) -> Built {
    let assessment = bangfu_rules::assess(&draft, date());
    let fonts = fonts_for(&draft);
    let mut progress = Vec::new();
    let pdf = build_packet(
        &draft,
        &assessment,
        &fonts,
        &PacketOptions::china_time(now()),
        &mut |d, t| progress.push((d, t)),
    )
    .expect("packet builds");
    Built {
        draft,
        assessment,
        pdf,
        progress,
    }
}

/// The text of each page (index 0 = page 1), as lopdf extracts it.
pub fn page_texts(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).expect("PDF parses");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    pages
        .iter()
        .map(|&p| doc.extract_text(&[p]).expect("text extracts"))
        .collect()
}

/// Text without any whitespace, for matching phrases that may be broken over lines.
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

pub fn which(tool: &str) -> bool {
    std::process::Command::new(tool).arg("-v").output().is_ok()
}
