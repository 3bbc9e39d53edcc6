//! Parsers never panic, whatever the bytes: random input and mutations of valid files for the CSV
//! reader, the XLSX reader (both the zip container and the XML inside it) and the draft-JSON
//! reader. Case counts are bounded so the whole file runs in a few seconds in CI.

mod common;
use bangfu_io::{export, preview, sheet_names, template, ImportOptions, InputFile};
use bangfu_model::{envelope, Envelope};
use proptest::prelude::*;
use std::io::{Cursor, Read, Write};
use std::sync::OnceLock;

fn import(name: &str, bytes: &[u8]) {
    let draft = common::sample_draft();
    let files = [InputFile { name, bytes }];
    if let Ok(plan) = preview(&draft, &files, &ImportOptions::default()) {
        // Whatever was accepted must also apply cleanly and summarise.
        let _ = bangfu_io::apply(&plan, &draft);
        let _ = plan.summary();
    }
    let _ = sheet_names(name, bytes);
}

fn book() -> &'static [u8] {
    static BOOK: OnceLock<Vec<u8>> = OnceLock::new();
    BOOK.get_or_init(|| export::workbook_xlsx(&common::sample_draft()).unwrap_or_default())
}

fn csv_export() -> &'static [u8] {
    static CSV: OnceLock<Vec<u8>> = OnceLock::new();
    CSV.get_or_init(|| export::roster_csv(&common::sample_draft()))
}

fn draft_json() -> &'static str {
    static JSON: OnceLock<String> = OnceLock::new();
    JSON.get_or_init(|| Envelope::new(common::sample_draft(), "2026-03-01T00:00:00Z").to_json())
}

/// The parts of an XLSX file, to mutate one and zip them again with correct checksums, so the
/// mutation reaches the XML parser instead of stopping at the zip CRC.
fn parts(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let Ok(mut z) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return out;
    };
    for i in 0..z.len() {
        if let Ok(mut f) = z.by_index(i) {
            let name = f.name().map(|n| n.to_string()).unwrap_or_default();
            let mut data = Vec::new();
            if f.read_to_end(&mut data).is_ok() {
                out.push((name, data));
            }
        }
    }
    out
}

fn rezip(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut buf = Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        for (name, data) in parts {
            let opts = zip::write::SimpleFileOptions::default();
            if z.start_file(name.as_str(), opts).is_ok() {
                let _ = z.write_all(data);
            }
        }
        let _ = z.finish();
    }
    buf.into_inner()
}

fn mutate(bytes: &mut Vec<u8>, edits: &[(prop::sample::Index, u8, u8)]) {
    for (at, value, op) in edits {
        if bytes.is_empty() {
            bytes.push(*value);
            continue;
        }
        let i = at.index(bytes.len());
        match op % 4 {
            0 => bytes[i] = *value,
            1 => bytes.insert(i, *value),
            2 => {
                bytes.remove(i);
            }
            _ => bytes.truncate(i),
        }
    }
}

fn edits() -> impl Strategy<Value = Vec<(prop::sample::Index, u8, u8)>> {
    prop::collection::vec(
        (any::<prop::sample::Index>(), any::<u8>(), any::<u8>()),
        1..12,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_as_csv_xlsx_or_draft(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        import("随机.csv", &bytes);
        let mut zipped = b"PK\x03\x04".to_vec();
        zipped.extend_from_slice(&bytes);
        import("随机.xlsx", &zipped);
        let _ = envelope::read(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn mutated_csv(edits in edits()) {
        let mut bytes = csv_export().to_vec();
        mutate(&mut bytes, &edits);
        import("花名册.csv", &bytes);
    }

    #[test]
    fn mutated_xlsx_container(edits in edits()) {
        let mut bytes = book().to_vec();
        mutate(&mut bytes, &edits);
        import("导出.xlsx", &bytes);
    }

    #[test]
    fn mutated_xml_inside_a_valid_xlsx(part in 0usize..64, edits in edits()) {
        let mut p = parts(book());
        if !p.is_empty() {
            let i = part % p.len();
            mutate(&mut p[i].1, &edits);
        }
        import("导出.xlsx", &rezip(&p));
    }

    #[test]
    fn mutated_draft_json(edits in edits()) {
        let mut bytes = draft_json().as_bytes().to_vec();
        mutate(&mut bytes, &edits);
        let _ = envelope::read(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn mutating_the_sheet_xml_reaches_the_parser() {
    // Guard for the test above: the rezipped, unmutated parts read back as the same workbook.
    let p = parts(book());
    assert!(p.iter().any(|(n, _)| n == "xl/worksheets/sheet1.xml"));
    let again = rezip(&p);
    assert_eq!(
        sheet_names("a.xlsx", &again).unwrap(),
        ["员工花名册", "工资发放明细"]
    );
    let _ = template::roster_xlsx();
}
