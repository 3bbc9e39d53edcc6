//! `fontgen`: cuts Noto Serif SC (OFL-1.1) into the font files the packet worker downloads.
//!
//! The whole font is ≈14.8 MB per weight; a phone must not download 30 MB to print a form. So the
//! font is cut into:
//!
//! - **core** (`NotoSerifSC-Regular.ttf`): every non-Han character the font has (Latin, digits,
//!   punctuation, full-width forms, the `·` of minority names …), all 6,763 hanzi of GB 2312, and
//!   every character of this project's own texts (`crates/{packet,rules,model,review}/src`) and
//!   reference data (`data/*.csv`, e.g. township names). Always downloaded.
//! - **bold** (`NotoSerifSC-Bold.ttf`): only what the packet prints in bold, which is fixed text
//!   (titles, labels): ASCII, full-width forms, CJK punctuation and the characters of the same
//!   source files. User data is never set in bold; a character the bold cut lacks falls back to
//!   the regular face in the layout, so it still prints.
//! - **slices** (`NotoSerifSC-Regular-ext-NN.ttf`): every other hanzi of the font (GBK, CJK
//!   Ext-A such as 䶮, the Ext-B ones it has), in code-point order, a fixed number per file. The
//!   worker downloads only the slices holding characters of the draft that the core lacks (a
//!   name with 堃 or 喆 costs one slice).
//! - `manifest.json` naming the files and each slice's first and last code point, and `OFL.txt`.
//!
//! Characters the font does not have at all (Mongolian script, emoji, most of Ext-B) are in no
//! file: `bangfu_packet::missing_chars` reports them to the user instead of printing tofu.
//!
//! Idempotent: a stamp of the inputs (source fonts, character sets, this tool's version) is kept in
//! the `--stamp` file and nothing is rewritten when it matches. The stamp lives outside the output
//! directory because Trunk copies that directory whole into the app: it must hold only what the
//! worker fetches and the licence.
//!
//! Usage: `fontgen --regular R.ttf --bold B.ttf --licence LICENSE_FONT --root REPO --out DIR
//! --stamp FILE`

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{subset, CmapTarget, SubsetProfile};

/// Bumped when the cut changes for the same inputs, so old outputs are rebuilt.
const GENERATOR_VERSION: &str = "fontgen-1";
/// Hanzi per on-demand slice: ≈ 450 KB each for Noto Serif SC.
const SLICE_CHARS: usize = 1000;
const SOURCE_PACKAGE: &str = "@expo-google-fonts/noto-serif-sc@0.4.3";
/// The fixed files of the output directory; the slices are named by their number.
const REGULAR_FILE: &str = "NotoSerifSC-Regular.ttf";
const BOLD_FILE: &str = "NotoSerifSC-Bold.ttf";
const LICENCE_FILE: &str = "OFL.txt";
const MANIFEST_FILE: &str = "manifest.json";

struct Args {
    regular: PathBuf,
    bold: PathBuf,
    licence: PathBuf,
    root: PathBuf,
    out: PathBuf,
    stamp: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let (mut regular, mut bold, mut licence, mut root, mut out, mut stamp) =
        (None, None, None, None, None, None);
    while let Some(flag) = it.next() {
        let value = it.next().map(PathBuf::from);
        match flag.as_str() {
            "--regular" => regular = value,
            "--bold" => bold = value,
            "--licence" => licence = value,
            "--root" => root = value,
            "--out" => out = value,
            "--stamp" => stamp = value,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let need = |v: Option<PathBuf>, name: &str| v.ok_or_else(|| format!("missing --{name}"));
    Ok(Args {
        regular: need(regular, "regular")?,
        bold: need(bold, "bold")?,
        licence: need(licence, "licence")?,
        root: need(root, "root")?,
        out: need(out, "out")?,
        stamp: need(stamp, "stamp")?,
    })
}

fn main() -> ExitCode {
    match parse_args().and_then(|a| run(&a)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fontgen: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Han ideographs (unified, Ext-A, compatibility, Ext-B and beyond): the characters that are cut
/// into slices when they are not in the core.
fn is_han(c: u32) -> bool {
    matches!(c, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// The 6,763 hanzi of GB 2312: GBK lead byte 0xB0-0xF7, trail 0xA1-0xFE (row 55 ends at 0xF9).
fn is_gb2312_hanzi(c: char) -> bool {
    let mut buf = [0u8; 4];
    let s = c.encode_utf8(&mut buf);
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(s);
    if unmappable || bytes.len() != 2 {
        return false;
    }
    let (b1, b2) = (bytes[0], bytes[1]);
    (0xB0..=0xF7).contains(&b1) && (0xA1..=0xFE).contains(&b2) && !(b1 == 0xD7 && b2 > 0xF9)
}

/// Every code point the font maps, from its Unicode cmap subtables.
fn cmap_chars(bytes: &[u8]) -> Result<BTreeSet<u32>, String> {
    let face = ttf_parser::Face::parse(bytes, 0).map_err(|e| format!("font: {e}"))?;
    let mut out = BTreeSet::new();
    let cmap = face.tables().cmap.ok_or("font has no cmap")?;
    for sub in cmap.subtables {
        if !sub.is_unicode() {
            continue;
        }
        sub.codepoints(|cp| {
            if sub.glyph_index(cp).is_some_and(|g| g.0 != 0) {
                out.insert(cp);
            }
        });
    }
    Ok(out)
}

fn glyph_ids(bytes: &[u8], chars: &BTreeSet<u32>) -> Result<Vec<u16>, String> {
    let face = ttf_parser::Face::parse(bytes, 0).map_err(|e| format!("font: {e}"))?;
    let mut ids: BTreeSet<u16> = BTreeSet::new();
    for &cp in chars {
        if let Some(g) = char::from_u32(cp).and_then(|c| face.glyph_index(c)) {
            ids.insert(g.0);
        }
    }
    // .notdef first, then the rest in order without duplicates (allsorts requires both).
    Ok(std::iter::once(0)
        .chain(ids.into_iter().filter(|&g| g != 0))
        .collect())
}

fn cut(bytes: &[u8], chars: &BTreeSet<u32>) -> Result<Vec<u8>, String> {
    let ids = glyph_ids(bytes, chars)?;
    let font = ReadScope::new(bytes)
        .read::<FontData<'_>>()
        .map_err(|e| e.to_string())?;
    let provider = font.table_provider(0).map_err(|e| e.to_string())?;
    let out = subset(
        &provider,
        &ids,
        &SubsetProfile::Minimal,
        CmapTarget::Unicode,
    )
    .map_err(|e| format!("subset: {e}"))?;
    // Check the cut: every character asked for must map to a glyph in the result.
    let check = cmap_chars(&out)?;
    if let Some(lost) = chars.iter().find(|c| !check.contains(c)) {
        return Err(format!("subset lost U+{lost:04X}"));
    }
    Ok(out)
}

fn scan_chars(dir: &Path, ext: &str, into: &mut BTreeSet<u32>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            scan_chars(&p, ext, into)?;
        } else if p.extension().is_some_and(|x| x == ext) {
            let text = fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
            into.extend(text.chars().filter(|c| !c.is_control()).map(u32::from));
        }
    }
    Ok(())
}

/// FNV-1a, 64 bit: a stable fingerprint of the inputs for the stamp.
fn fnv(hash: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *hash ^= u64::from(b);
        *hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
}

fn run(a: &Args) -> Result<(), String> {
    let read = |p: &Path| fs::read(p).map_err(|e| format!("{}: {e}", p.display()));
    let regular = read(&a.regular)?;
    let bold = read(&a.bold)?;
    let licence = read(&a.licence)?;

    let mut own_text = BTreeSet::new();
    for dir in [
        "crates/packet/src",
        "crates/rules/src",
        "crates/model/src",
        "crates/review/src",
    ] {
        let d = a.root.join(dir);
        if d.is_dir() {
            scan_chars(&d, "rs", &mut own_text)?;
        }
    }
    let mut data_text = BTreeSet::new();
    scan_chars(&a.root.join("data"), "csv", &mut data_text)?;

    let reg_all = cmap_chars(&regular)?;
    let bold_all = cmap_chars(&bold)?;

    let core: BTreeSet<u32> = reg_all
        .iter()
        .copied()
        .filter(|&c| {
            !is_han(c)
                || char::from_u32(c).is_some_and(is_gb2312_hanzi)
                || own_text.contains(&c)
                || data_text.contains(&c)
        })
        .collect();
    let rest: Vec<u32> = reg_all.difference(&core).copied().collect();
    let bold_set: BTreeSet<u32> = bold_all
        .iter()
        .copied()
        .filter(|&c| {
            (0x20..0x7F).contains(&c)
                || (0x3000..=0x303F).contains(&c)
                || (0xFF01..=0xFF5E).contains(&c)
                || own_text.contains(&c)
        })
        .collect();

    let mut stamp: u64 = 0xcbf2_9ce4_8422_2325;
    fnv(&mut stamp, GENERATOR_VERSION.as_bytes());
    fnv(&mut stamp, &regular);
    fnv(&mut stamp, &bold);
    fnv(&mut stamp, &licence);
    for set in [&core, &bold_set] {
        for c in set {
            fnv(&mut stamp, &c.to_le_bytes());
        }
        fnv(&mut stamp, b"|");
    }
    let stamp = format!("{stamp:016x}\n");
    if fs::read_to_string(&a.stamp).is_ok_and(|s| s == stamp) && a.out.join(MANIFEST_FILE).is_file()
    {
        println!("fontgen: {} is up to date", a.out.display());
        return Ok(());
    }

    fs::create_dir_all(&a.out).map_err(|e| format!("{}: {e}", a.out.display()))?;
    let write = |name: &str, bytes: &[u8]| {
        let p = a.out.join(name);
        fs::write(&p, bytes).map_err(|e| format!("{}: {e}", p.display()))
    };

    let core_bytes = cut(&regular, &core)?;
    write(REGULAR_FILE, &core_bytes)?;
    let bold_bytes = cut(&bold, &bold_set)?;
    write(BOLD_FILE, &bold_bytes)?;
    write(LICENCE_FILE, &licence)?;

    let mut slices = Vec::new();
    for (i, chunk) in rest.chunks(SLICE_CHARS).enumerate() {
        let set: BTreeSet<u32> = chunk.iter().copied().collect();
        let bytes = cut(&regular, &set)?;
        let name = format!("NotoSerifSC-Regular-ext-{:02}.ttf", i + 1);
        write(&name, &bytes)?;
        let (first, last) = (chunk[0], chunk[chunk.len() - 1]);
        slices.push(serde_json::json!({
            "file": name, "first": first, "last": last, "chars": chunk.len(), "bytes": bytes.len(),
        }));
    }
    // Remove what the worker will not fetch: slices of an earlier, longer cut, and files an
    // earlier fontgen kept here (its stamp, a README, a .gitignore), since the app ships this
    // directory as it is.
    if let Ok(entries) = fs::read_dir(&a.out) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let known = slices.iter().any(|s| s["file"] == name.as_str())
                || [REGULAR_FILE, BOLD_FILE, LICENCE_FILE, MANIFEST_FILE].contains(&name.as_str());
            if !known && e.path().is_file() {
                let _ = fs::remove_file(e.path());
            }
        }
    }

    let manifest = serde_json::json!({
        "family": "Noto Serif SC",
        "source": SOURCE_PACKAGE,
        "licence": LICENCE_FILE,
        "regular": { "file": REGULAR_FILE, "chars": core.len(), "bytes": core_bytes.len() },
        "bold": { "file": BOLD_FILE, "chars": bold_set.len(), "bytes": bold_bytes.len() },
        "slices": slices,
    });
    let text = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())?;
    write(MANIFEST_FILE, text.as_bytes())?;
    if let Some(dir) = a.stamp.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::write(&a.stamp, stamp.as_bytes()).map_err(|e| format!("{}: {e}", a.stamp.display()))?;

    let mut report = String::new();
    let _ = writeln!(
        report,
        "fontgen: core {} chars {} bytes; bold {} chars {} bytes; {} slices of ≤{} hanzi ({} chars)",
        core.len(),
        core_bytes.len(),
        bold_set.len(),
        bold_bytes.len(),
        slices.len(),
        SLICE_CHARS,
        rest.len()
    );
    print!("{report}");
    Ok(())
}
