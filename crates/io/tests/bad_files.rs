//! Files that cannot be imported get a clear Chinese message and change nothing.

mod common;
use bangfu_io::{preview, sheet_names, ImportError, ImportOptions, InputFile};
use common::*;

fn try_import(name: &str, bytes: &[u8]) -> Result<bangfu_io::ImportPlan, ImportError> {
    preview(
        &sample_draft(),
        &[InputFile { name, bytes }],
        &ImportOptions::default(),
    )
}

fn message(name: &str, bytes: &[u8]) -> String {
    match try_import(name, bytes) {
        Ok(plan) => panic!("{name} was accepted: {}", plan.summary()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn empty_file() {
    assert!(message("花名册.csv", b"").contains("空文件"));
    assert!(message("花名册.csv", b"\r\n\r\n  ").contains("空文件"));
    assert!(message("花名册.csv", "\u{feff}".as_bytes()).contains("空文件"));
}

#[test]
fn pdf_and_png_renamed_to_xlsx() {
    assert!(message("花名册.xlsx", b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj").contains("PDF"));
    assert!(message("花名册.xlsx", b"\x89PNG\r\n\x1A\n\0\0\0\rIHDR").contains("PNG 图片"));
}

#[test]
fn word_document_renamed_to_xlsx() {
    // A zip with a Word part and no workbook.
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        z.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        std::io::Write::write_all(&mut z, b"<w:document/>").unwrap();
        z.finish().unwrap();
    }
    assert!(message("花名册.xlsx", buf.get_ref()).contains("Word 文档"));
}

#[test]
fn fifty_megabyte_file_is_refused_before_parsing() {
    let mut big = "姓名,身份证号\n".as_bytes().to_vec();
    big.resize(50 * 1024 * 1024, b'a');
    let started = std::time::Instant::now();
    let m = message("大文件.csv", &big);
    assert!(m.contains("太大") && m.contains("50.0 MB"), "{m}");
    assert!(
        started.elapsed().as_millis() < 500,
        "refused without reading"
    );
}

#[test]
fn no_recognisable_header() {
    let m = message("名单.csv", "序号,名称,数量\n1,苹果,3\n".as_bytes());
    assert!(m.contains("没有找到表头"), "{m}");
    let book = bangfu_io::ledger::ledger_xlsx(&[], "2026-03-01").unwrap();
    assert!(message("台账.xlsx", &book).contains("没有找到表头"));
}

#[test]
fn binary_junk() {
    let mut x: u32 = 0x9E37_79B9;
    let junk: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect();
    assert!(message("花名册.csv", &junk).contains("不是表格"));
}

#[test]
fn truncated_xlsx_is_damaged() {
    let book = bangfu_io::template::roster_xlsx().unwrap();
    let m = message("花名册.xlsx", &book[..book.len() / 2]);
    assert!(m.contains("无法读取") && m.contains("另存为"), "{m}");
    assert!(sheet_names("花名册.xlsx", &book[..100]).is_err());
}

#[test]
fn old_xls_is_refused_with_advice() {
    let m = message(
        "花名册.xls",
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0\0\0\0\0",
    );
    assert!(m.contains(".xls") && m.contains("另存为"), "{m}");
}

#[test]
fn a_draft_file_is_pointed_to_the_right_button() {
    let json = bangfu_model::Envelope::new(sample_draft(), "").to_json();
    assert!(message("草稿.json", json.as_bytes()).contains("打开草稿文件"));
}

#[test]
fn a_bad_file_among_good_ones_stops_the_whole_import() {
    let good = bangfu_io::export::roster_csv(&sample_draft());
    let err = preview(
        &sample_draft(),
        &[
            InputFile {
                name: "好.csv",
                bytes: &good,
            },
            InputFile {
                name: "坏.pdf",
                bytes: b"%PDF-1.4",
            },
        ],
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("坏.pdf"));
    assert!(matches!(
        preview(&sample_draft(), &[], &ImportOptions::default()),
        Err(ImportError::NoFiles)
    ));
}

/// A small .xlsx holding one giant text (300 MB in a 308 KB file was seen; here 40 MB) is
/// refused from its zip directory, in well under a second, instead of exhausting memory.
#[test]
fn a_small_xlsx_with_one_giant_string_is_refused_at_once() {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(false);
        z.start_file("xl/workbook.xml", opts).unwrap();
        std::io::Write::write_all(&mut z, b"<workbook/>").unwrap();
        z.start_file("xl/sharedStrings.xml", opts).unwrap();
        std::io::Write::write_all(&mut z, b"<sst><si><t>").unwrap();
        let chunk = vec![b'a'; 1024 * 1024];
        for _ in 0..40 {
            std::io::Write::write_all(&mut z, &chunk).unwrap();
        }
        std::io::Write::write_all(&mut z, b"</t></si></sst>").unwrap();
        z.finish().unwrap();
    }
    assert!(
        buf.get_ref().len() < 1024 * 1024,
        "compressed to {}",
        buf.get_ref().len()
    );
    let started = std::time::Instant::now();
    let m = message("花名册.xlsx", buf.get_ref());
    assert!(m.contains("异常巨大"), "{m}");
    assert!(
        started.elapsed().as_millis() < 1000,
        "{:?}",
        started.elapsed()
    );
}

/// An absurd amount in every row must not overflow the ledger's wage sum: the average stays right
/// (or is left out), never wraps around.
#[test]
fn the_ledger_wage_level_does_not_overflow_with_absurd_amounts() {
    let mut d = sample_draft();
    for e in &mut d.employees {
        for w in &mut e.wages {
            w.gross = "99999999999.99".into();
        }
    }
    let level = bangfu_io::ledger::wage_level(&d).unwrap_or_default();
    assert!(level.contains("99,999,999,999.99"), "{level}");
}
