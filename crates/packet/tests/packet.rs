//! The application packet read back: contents, page numbers, fonts, verdicts, banner.

mod common;

use std::collections::BTreeMap;

use bangfu_model::text::format_fen;
use bangfu_packet::page::A4_SHORT;
use bangfu_packet::sections::SECTIONS;
use bangfu_rules::Status;
use common::*;

#[test]
fn small_packet_lists_every_employee_name_and_id() {
    let b = build(qualifying(12));
    let text = squash(&page_texts(&b.pdf).concat());
    for e in &b.draft.employees {
        assert!(text.contains(&squash(&e.name)), "name {} missing", e.name);
        assert!(text.contains(&e.id_number), "ID {} missing", e.id_number);
        // 工资发放明细表, 发放方式/银行卡号: printed in groups of four (6228 4800 …), which the
        // whitespace-free text joins back into the card number.
        assert_eq!(e.bank_account.len(), 19);
        assert!(
            text.contains(&format!("银行代发{}", e.bank_account)),
            "card {} missing",
            e.bank_account
        );
    }
    assert!(text.contains("发放方式/银行卡号"));
    assert!(text.contains(&squash(&b.draft.applicant.name)));
    assert!(text.contains(&b.draft.applicant.credit_code));
}

#[test]
fn packet_of_300_employees_lists_everyone_under_1_mb() {
    let b = build(qualifying(300));
    assert!(b.pdf.len() <= 1_000_000, "{} bytes", b.pdf.len());
    let pages = page_texts(&b.pdf);
    let text = squash(&pages.concat());
    for e in &b.draft.employees {
        assert!(text.contains(&squash(&e.name)), "name {} missing", e.name);
        assert!(text.contains(&e.id_number), "ID {} missing", e.id_number);
    }
    // Long tables continue over pages with their title marked （续） and the header repeated.
    let roster = SECTIONS[5];
    let roster_pages: Vec<&String> = pages
        .iter()
        .filter(|t| {
            t.contains(roster.trim_start_matches("五、")) && squash(t).contains("评估日在岗")
        })
        .collect();
    assert!(
        roster_pages.len() >= 3,
        "roster spans {} pages",
        roster_pages.len()
    );
    let continued = pages
        .iter()
        .filter(|t| squash(t).contains("员工花名册（续）"))
        .count();
    assert_eq!(continued, roster_pages.len() - 1);
    for t in roster_pages {
        assert!(squash(t).contains("身份证号"), "header not repeated");
    }
}

/// Reads the table of contents on page 1: section title → page number.
fn table_of_contents(page1: &str) -> BTreeMap<String, usize> {
    let text = squash(page1);
    let mut toc = BTreeMap::new();
    for title in SECTIONS.iter().skip(1) {
        let Some(at) = text.find(&squash(title)) else {
            continue;
        };
        let digits: String = text[at + squash(title).len()..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if let Ok(n) = digits.parse() {
            toc.insert((*title).to_owned(), n);
        }
    }
    toc
}

#[test]
fn page_numbers_match_the_table_of_contents() {
    for n in [12, 300] {
        let b = build(qualifying(n));
        let pages = page_texts(&b.pdf);
        let total = pages.len();
        let toc = table_of_contents(&pages[0]);
        assert_eq!(toc.len(), SECTIONS.len() - 1, "contents: {toc:?}");
        let mut last = 1;
        for (i, title) in SECTIONS.iter().enumerate().skip(1) {
            let p = toc[*title];
            assert!(p > last && p <= total, "{title} on page {p}");
            last = p;
            // The running header names the section on its first page, and the page before
            // belongs to the previous section.
            assert!(
                squash(&pages[p - 1]).contains(&squash(title)),
                "{title} not on page {p}"
            );
            if i > 1 {
                assert!(!squash(&pages[p - 2]).contains(&squash(title)));
            }
        }
        for (i, t) in pages.iter().enumerate() {
            let want = format!("第{}页共{}页", i + 1, total);
            assert!(squash(t).contains(&want), "page {} lacks «{want}»", i + 1);
            assert!(squash(t).contains(&squash(&b.draft.applicant.name)));
        }
        // Progress went page by page up to pages + 1.
        assert_eq!(b.progress.last(), Some(&(total + 1, total + 1)));
        assert_eq!(b.progress.len(), total + 1);
    }
}

#[test]
fn fonts_are_embedded_and_subset() {
    let b = build(qualifying(12));
    let doc = lopdf::Document::load_mem(&b.pdf).expect("parses");
    let mut fonts = 0;
    for (_, obj) in doc.objects.iter() {
        let Ok(dict) = obj.as_dict() else { continue };
        if dict.get(b"Type").and_then(|t| t.as_name()).ok() != Some(b"FontDescriptor") {
            continue;
        }
        fonts += 1;
        let name = dict
            .get(b"FontName")
            .and_then(|n| n.as_name())
            .expect("font name");
        let name = String::from_utf8_lossy(name);
        let (tag, family) = name.split_once('+').expect("subset tag");
        assert!(
            tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "{name}"
        );
        assert!(family.starts_with("NotoSerifSC"), "{name}");
        let file = dict
            .get(b"FontFile2")
            .and_then(|f| f.as_reference())
            .expect("FontFile2");
        let stream = doc
            .get_object(file)
            .and_then(|o| o.as_stream())
            .expect("stream");
        // Cut to the glyphs used: far smaller than the core face (433 KB) it comes from.
        let program = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone());
        assert!(program.len() < 250_000, "{name}: {}", program.len());
        let face = ttf_parser::Face::parse(&program, 0).expect("the program is a font");
        assert!(face.number_of_glyphs() > 20, "{name}");
    }
    assert_eq!(fonts, 2, "regular and bold");
}

/// The packet is plain PDF, not PDF/X: printpdf writes its CMYK colour profile only for an output
/// intent, and the build blanks that profile out of the packet worker (scripts/postbuild.mjs).
#[test]
fn no_output_intent_and_no_colour_profile() {
    let b = build(qualifying(6));
    let doc = lopdf::Document::load_mem(&b.pdf).expect("parses");
    let catalog = doc.catalog().expect("catalog");
    assert!(catalog.get(b"OutputIntents").is_err());
    for (_, obj) in doc.objects.iter() {
        if let Ok(stream) = obj.as_stream() {
            assert!(stream.dict.get(b"N").is_err(), "an ICC profile stream");
        }
    }
}

#[test]
fn metadata_names_the_applicant_and_the_clock() {
    let b = build(qualifying(6));
    let doc = lopdf::Document::load_mem(&b.pdf).expect("parses");
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|i| i.as_reference())
        .and_then(|r| doc.get_dictionary(r))
        .expect("info");
    let text = |k: &[u8]| match info.get(k) {
        Ok(lopdf::Object::String(bytes, _)) => lopdf::decode_text_string(&lopdf::Object::String(
            bytes.clone(),
            lopdf::StringFormat::Literal,
        ))
        .unwrap_or_default(),
        _ => String::new(),
    };
    assert_eq!(text(b"Title"), bangfu_packet::TITLE);
    assert_eq!(text(b"Author"), b.draft.applicant.name);
    // 09:30:15 in China, with its offset (written by the packet itself: printpdf writes 1970
    // there when built for the browser).
    assert_eq!(text(b"CreationDate"), "D:20260301093015+08'00'");
    assert_eq!(text(b"ModDate"), "D:20260301093015+08'00'");
}

#[test]
fn verdict_text_matches_the_rules_findings() {
    for draft in [qualifying(12), qualifying(3)] {
        let b = build(draft);
        let pages = page_texts(&b.pdf);
        let start = table_of_contents(&pages[0])[SECTIONS[3]];
        let end = table_of_contents(&pages[0])[SECTIONS[4]];
        let section = squash(&pages[start - 1..end - 1].concat());
        let overall = format!("自评结论：{}", b.assessment.overall.label());
        assert!(section.contains(&overall), "{overall}");
        for f in &b.assessment.findings {
            let head = squash(&format!(
                "{}{}{}",
                f.criterion.citation(),
                f.criterion.title(),
                f.status.label()
            ));
            assert!(section.contains(&head), "{head}");
            for part in [&f.summary, &f.actual, &f.required, &f.shortfall, &f.method] {
                assert!(section.contains(&squash(part)), "{part}");
            }
        }
        // Totals of the first wage month add up the rows as typed.
        let first = bangfu_packet::facts::wage_months(&b.draft.employees)[0];
        let sum: i64 = b
            .draft
            .employees
            .iter()
            .flat_map(|e| e.wages.iter())
            .filter(|w| bangfu_model::text::parse_month(&w.month).ok() == Some(first))
            .filter_map(|w| bangfu_model::text::parse_money_fen(&w.gross).ok())
            .sum();
        assert!(squash(&pages.concat()).contains(&format_fen(sum)));
    }
}

#[test]
fn failing_self_assessment_marks_every_page_and_passing_marks_none() {
    let failing = build(qualifying(3));
    assert_ne!(failing.assessment.overall, Status::Met);
    for (i, t) in page_texts(&failing.pdf).iter().enumerate() {
        assert!(t.contains("自评未通过"), "page {} has no banner", i + 1);
    }
    let letter = squash(&page_texts(&failing.pdf)[1]);
    assert!(letter.contains("待各项条件符合后再正式提出认定申请"));

    let passing = build(qualifying(12));
    assert_eq!(passing.assessment.overall, Status::Met);
    for t in page_texts(&passing.pdf) {
        assert!(!t.contains("自评未通过"));
    }
}

#[test]
fn qpdf_finds_no_errors() {
    if !which("qpdf") {
        eprintln!("SKIPPED: qpdf is not installed (Debian package qpdf)");
        return;
    }
    let b = build(qualifying(40));
    let path = std::env::temp_dir().join(format!("bangfu-qpdf-{}.pdf", std::process::id()));
    std::fs::write(&path, &b.pdf).expect("write");
    let out = std::process::Command::new("qpdf")
        .arg("--check")
        .arg(&path)
        .output()
        .expect("qpdf runs");
    let _ = std::fs::remove_file(&path);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("No syntax or stream encoding errors"),
        "{stdout}"
    );
}

/// Share of dark pixels in a greyscale PGM (P5) image.
fn ink(pgm: &[u8]) -> f64 {
    // Header: "P5\n<w> <h>\n<max>\n" then w*h bytes.
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 && i < pgm.len() {
        while i < pgm.len() && pgm[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while i < pgm.len() && !pgm[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&pgm[start..i]).into_owned());
    }
    let pixels = &pgm[(i + 1).min(pgm.len())..];
    let dark = pixels.iter().filter(|&&p| p < 160).count();
    dark as f64 / pixels.len().max(1) as f64
}

#[test]
fn first_page_of_every_section_renders_visibly() {
    if !which("pdftoppm") {
        eprintln!("SKIPPED: pdftoppm is not installed (Debian package poppler-utils); CI has it");
        return;
    }
    let b = build(qualifying(12));
    let pages = page_texts(&b.pdf);
    let toc = table_of_contents(&pages[0]);
    let dir = std::env::temp_dir().join(format!("bangfu-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let pdf = dir.join("packet.pdf");
    std::fs::write(&pdf, &b.pdf).expect("write");
    let mut firsts: Vec<usize> = vec![1];
    firsts.extend(SECTIONS.iter().skip(1).map(|t| toc[*t]));
    for p in firsts {
        let prefix = dir.join(format!("p{p}"));
        let status = std::process::Command::new("pdftoppm")
            .args([
                "-gray",
                "-r",
                "30",
                "-singlefile",
                "-f",
                &p.to_string(),
                "-l",
                &p.to_string(),
            ])
            .arg(&pdf)
            .arg(&prefix)
            .status()
            .expect("pdftoppm runs");
        assert!(status.success());
        let img = std::fs::read(prefix.with_extension("pgm")).expect("image");
        let share = ink(&img);
        assert!(share > 0.004, "page {p} looks blank ({share:.4} dark)");
    }
    let _ = std::fs::remove_dir_all(&dir);
    let _ = A4_SHORT;
}
