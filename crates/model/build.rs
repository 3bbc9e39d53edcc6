//! Packs `data/townships.csv` into the shorter form `region.rs` reads (written to `OUT_DIR`).
//!
//! The 1,206 rows repeat their county's code twice and one of four kinds spelled out in full:
//! 50.8 KB, 13.3 KB gzip in every WebAssembly module that knows the regions (the page, the
//! township workspace, the packet worker). Packed — a line `#<county code>` before each county's
//! townships, then per township the last three digits of its code, the number of its kind in the
//! first line's list, and its name — it is 25.5 KB, 9.8 KB gzip. The CSV stays the source and
//! is what people edit; a row the packed form cannot carry stops the build with its line number.

use std::env;
use std::fs;
use std::path::PathBuf;

fn main() {
    let src = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap_or_default())
        .join("../../data/townships.csv");
    println!("cargo:rerun-if-changed={}", src.display());
    let csv =
        fs::read_to_string(&src).unwrap_or_else(|e| panic!("cannot read {}: {e}", src.display()));
    let packed = pack(&csv).unwrap_or_else(|e| panic!("data/townships.csv: {e}"));
    let dest = PathBuf::from(env::var("OUT_DIR").unwrap_or_default()).join("townships.txt");
    if let Err(e) = fs::write(&dest, packed) {
        panic!("cannot write {}: {e}", dest.display());
    }
}

/// The packed form of the CSV, or what is wrong with which line.
fn pack(csv: &str) -> Result<String, String> {
    let mut lines = csv.lines();
    let header = lines.next().unwrap_or_default().trim_end_matches('\r');
    if header != "code,county_code,name,kind" {
        return Err(format!(
            "header is {header:?}, expected code,county_code,name,kind"
        ));
    }
    let mut kinds: Vec<&str> = Vec::new();
    let mut body = String::new();
    let mut county = "";
    for (n, line) in lines.enumerate() {
        let line_no = n + 2;
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            continue;
        }
        // No quoting in this file: a field with a comma or quote would need the CSV reader.
        let fields: Vec<&str> = line.split(',').collect();
        let [code, county_code, name, kind] = fields[..] else {
            return Err(format!("line {line_no}: expected 4 fields without quotes"));
        };
        let digits = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(code, 9) || !digits(county_code, 6) || !code.starts_with(county_code) {
            return Err(format!(
                "line {line_no}: code {code} is not 9 digits starting with county code {county_code}"
            ));
        }
        if name.is_empty() || name.contains('"') || name.starts_with('#') {
            return Err(format!("line {line_no}: name {name:?} cannot be packed"));
        }
        let k = match kinds.iter().position(|x| *x == kind) {
            Some(k) => k,
            None => {
                kinds.push(kind);
                kinds.len() - 1
            }
        };
        if k > 9 || kind.contains(',') || kind.is_empty() {
            return Err(format!("line {line_no}: kind {kind:?} cannot be packed"));
        }
        if county_code != county {
            county = county_code;
            body.push('#');
            body.push_str(county);
            body.push('\n');
        }
        body.push_str(&code[6..]);
        body.push(char::from(b'0' + k as u8));
        body.push_str(name);
        body.push('\n');
    }
    Ok(format!("{}\n{body}", kinds.join(",")))
}
