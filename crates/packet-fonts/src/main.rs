//! `fontgen`: cuts Noto Serif SC (OFL-1.1) into the font files the packet worker downloads.
//!
//! The whole font is ≈14.8 MB per weight; a phone must not download 30 MB to print a form. So the
//! font is cut into:
//!
//! - **core** (`NotoSerifSC-Regular.ttf`): the everyday non-Han characters (Latin, digits,
//!   punctuation, full-width forms, the `·` of minority names …; [`is_everyday`]), every
//!   character of this project's own texts (`crates/{packet,rules,model,review}/src`) and of the
//!   reference data any packet may print (`data/counties.csv`, `data/minimum-wage.csv`). Always
//!   downloaded.
//! - **bold** (`NotoSerifSC-Bold.ttf`): only what the packet prints in bold, which is fixed text
//!   (titles, labels): ASCII, full-width forms, CJK punctuation and the characters of the texts
//!   that lay pages out (`crates/packet/src`, the township documents'
//!   `review/src/documents.rs`). User data is never set in bold; a character the bold cut lacks
//!   falls back to the regular face in the layout, so it still prints.
//! - **slices** (`NotoSerifSC-Regular-ext-NN.ttf`): every other character of the font. First the
//!   common ones in order of frequency ([`frequency_order`]: 《现代汉语频率词典》's counts as
//!   Unicode's Unihan database gives them), [`COMMON_SLICE_CHARS`] per file, so the names,
//!   addresses and products of a typical draft need the first few; then everything else (rare
//!   hanzi of GBK, CJK Ext-A such as 䶮, the Ext-B ones it has; Greek, Cyrillic, kana) in
//!   code-point order, [`SLICE_CHARS`] per file. The worker downloads only the slices holding
//!   characters of the draft that the core lacks.
//! - `manifest.json` naming the files, each frequency slice's characters and each other slice's
//!   first and last code point, and `OFL.txt`.
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
//! --stamp FILE --unihan DIR` (DIR holding `Unihan_Readings.txt` and `Unihan_Variants.txt`,
//! from Debian's `unicode-data`).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{subset, CmapTarget, SubsetProfile};

/// Bumped when the cut changes for the same inputs, so old outputs are rebuilt.
const GENERATOR_VERSION: &str = "fontgen-2";
/// Hanzi per slice of the rarer characters: ≈ 450 KB each for Noto Serif SC.
const SLICE_CHARS: usize = 1000;
/// Hanzi per slice of the common characters (in frequency order): small, so a draft downloads
/// little beyond the characters it uses.
const COMMON_SLICE_CHARS: usize = 50;
const SOURCE_PACKAGE: &str = "@expo-google-fonts/noto-serif-sc@0.4.3";
/// The fixed files of the output directory; the slices are named by their number.
const REGULAR_FILE: &str = "NotoSerifSC-Regular.ttf";
const BOLD_FILE: &str = "NotoSerifSC-Bold.ttf";
const LICENCE_FILE: &str = "OFL.txt";
const MANIFEST_FILE: &str = "manifest.json";

struct Args {
    unihan: PathBuf,
    regular: PathBuf,
    bold: PathBuf,
    licence: PathBuf,
    root: PathBuf,
    out: PathBuf,
    stamp: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let (mut regular, mut bold, mut licence, mut root, mut out, mut stamp, mut unihan) =
        (None, None, None, None, None, None, None);
    while let Some(flag) = it.next() {
        let value = it.next().map(PathBuf::from);
        match flag.as_str() {
            "--regular" => regular = value,
            "--bold" => bold = value,
            "--licence" => licence = value,
            "--root" => root = value,
            "--out" => out = value,
            "--stamp" => stamp = value,
            "--unihan" => unihan = value,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let need = |v: Option<PathBuf>, name: &str| v.ok_or_else(|| format!("missing --{name}"));
    Ok(Args {
        unihan: need(unihan, "unihan")?,
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

/// The non-Han characters a Chinese form prints every day: Latin (with accents), general
/// punctuation, letterlike symbols and number forms, arrows, mathematical operators, circled
/// numbers, geometric shapes, CJK symbols and punctuation, full-width forms. The font's other scripts (Greek, Cyrillic, kana, …) go to the
/// slices like rare hanzi: a draft that uses one fetches it.
fn is_everyday(c: u32) -> bool {
    matches!(
        c,
        0x20..=0x24F
            | 0x2000..=0x206F
            | 0x2100..=0x22FF
            | 0x2460..=0x24FF
            | 0x25A0..=0x25FF
            | 0x3000..=0x303F
            | 0xFF00..=0xFFEF
    )
}

/// A hanzi's place in GB 2312 (level 1, the 3,755 常用字 in pinyin order, then level 2 by
/// radical): GBK lead byte 0xB0-0xF7, trail 0xA1-0xFE (row 55 ends at 0xF9). `None` for any
/// other character.
fn gb2312_rank(c: char) -> Option<u32> {
    let mut buf = [0u8; 4];
    let s = c.encode_utf8(&mut buf);
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(s);
    if unmappable || bytes.len() != 2 {
        return None;
    }
    let (b1, b2) = (bytes[0], bytes[1]);
    ((0xB0..=0xF7).contains(&b1) && (0xA1..=0xFE).contains(&b2) && !(b1 == 0xD7 && b2 > 0xF9))
        .then(|| u32::from(b1 - 0xB0) * 94 + u32::from(b2 - 0xA1))
}

/// The hanzi with a count in 《现代汉语频率词典》 (Unihan `kHanyuPinlu`: each reading with its
/// count), most frequent first. The dictionary counts traditional forms too; a traditional
/// form's count is added to its simplified form (`kSimplifiedVariant`), the form a draft uses.
/// Ties are broken by code point, so the order is stable.
fn frequency_order(readings: &str, variants: &str) -> Vec<u32> {
    let code = |field: &str| u32::from_str_radix(field.trim_start_matches("U+"), 16).ok();
    let mut simplified = std::collections::HashMap::new();
    for line in variants.lines().filter(|l| !l.starts_with('#')) {
        let mut f = line.split('\t');
        if let (Some(from), Some("kSimplifiedVariant"), Some(to)) = (f.next(), f.next(), f.next()) {
            // The first simplified form listed.
            if let (Some(from), Some(to)) = (code(from), to.split(' ').next().and_then(code)) {
                simplified.insert(from, to);
            }
        }
    }
    let mut count: std::collections::HashMap<u32, u64> = std::collections::HashMap::new();
    for line in readings.lines().filter(|l| !l.starts_with('#')) {
        let mut f = line.split('\t');
        if let (Some(cp), Some("kHanyuPinlu"), Some(value)) = (f.next(), f.next(), f.next()) {
            let Some(cp) = code(cp) else { continue };
            // "yī(32747) yí(12)": the counts in brackets.
            let n: u64 = value
                .split('(')
                .skip(1)
                .filter_map(|s| s.split(')').next()?.parse::<u64>().ok())
                .sum();
            *count
                .entry(simplified.get(&cp).copied().unwrap_or(cp))
                .or_default() += n;
        }
    }
    let mut order: Vec<(u32, u64)> = count.into_iter().collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    order.into_iter().map(|(c, _)| c).collect()
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
    // What may be set in bold: the packet's and the township documents' own titles and labels
    // (the layout falls back to the regular face for anything else).
    let mut bold_text = BTreeSet::new();
    scan_chars(&a.root.join("crates/packet/src"), "rs", &mut bold_text)?;
    let documents = a.root.join("crates/review/src/documents.rs");
    if let Ok(text) = fs::read_to_string(&documents) {
        bold_text.extend(text.chars().filter(|c| !c.is_control()).map(u32::from));
    }
    // Reference data the packet prints whatever the draft (the titles of the minimum-wage
    // notices, county names in the wage tier's explanation). Not the 1,206 township names: a
    // packet prints only its own, which `draft_chars` names for the worker.
    let mut data_text = BTreeSet::new();
    for name in ["counties.csv", "minimum-wage.csv"] {
        let p = a.root.join("data").join(name);
        let text = fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        data_text.extend(text.chars().filter(|c| !c.is_control()).map(u32::from));
    }
    let unihan = |name: &str| {
        let p = a.unihan.join(name);
        fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))
    };
    let by_frequency = frequency_order(
        &unihan("Unihan_Readings.txt")?,
        &unihan("Unihan_Variants.txt")?,
    );
    if by_frequency.len() < 2500 {
        return Err(format!(
            "Unihan has only {} characters with kHanyuPinlu counts",
            by_frequency.len()
        ));
    }

    let reg_all = cmap_chars(&regular)?;
    let bold_all = cmap_chars(&bold)?;

    let core: BTreeSet<u32> = reg_all
        .iter()
        .copied()
        .filter(|&c| is_everyday(c) || own_text.contains(&c) || data_text.contains(&c))
        .collect();
    // Common hanzi: by frequency, then the rest of GB 2312 in its order (level 1's common
    // characters before level 2's), each slice listing its characters. Then everything else in
    // code-point order (ranges that do not overlap, so a code point names its slice).
    let mut common: Vec<u32> = by_frequency
        .iter()
        .copied()
        .filter(|c| reg_all.contains(c) && !core.contains(c))
        .collect();
    let mut in_common: BTreeSet<u32> = common.iter().copied().collect();
    let mut gb: Vec<(u32, u32)> = reg_all
        .iter()
        .filter(|c| !core.contains(c) && !in_common.contains(c))
        .filter_map(|&c| Some((gb2312_rank(char::from_u32(c)?)?, c)))
        .collect();
    gb.sort_unstable();
    common.extend(gb.iter().map(|&(_, c)| c));
    in_common.extend(gb.iter().map(|&(_, c)| c));
    let other: Vec<u32> = reg_all
        .difference(&core)
        .copied()
        .filter(|c| !in_common.contains(c))
        .collect();
    let bold_set: BTreeSet<u32> = bold_all
        .iter()
        .copied()
        .filter(|&c| {
            (0x20..0x7F).contains(&c)
                || (0x3000..=0x303F).contains(&c)
                || (0xFF01..=0xFF5E).contains(&c)
                || bold_text.contains(&c)
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
    for c in &common {
        fnv(&mut stamp, &c.to_le_bytes());
    }
    fnv(
        &mut stamp,
        format!("{COMMON_SLICE_CHARS}|{SLICE_CHARS}").as_bytes(),
    );
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
    let chunks = common
        .chunks(COMMON_SLICE_CHARS)
        .map(|c| (c, true))
        .chain(other.chunks(SLICE_CHARS).map(|c| (c, false)));
    for (i, (chunk, listed)) in chunks.enumerate() {
        let set: BTreeSet<u32> = chunk.iter().copied().collect();
        let bytes = cut(&regular, &set)?;
        let name = format!("NotoSerifSC-Regular-ext-{:02}.ttf", i + 1);
        write(&name, &bytes)?;
        let mut entry =
            serde_json::json!({ "file": name, "chars": chunk.len(), "bytes": bytes.len() });
        if listed {
            // Not a code-point range: the characters themselves.
            entry["set"] = chunk
                .iter()
                .filter_map(|&c| char::from_u32(c))
                .collect::<String>()
                .into();
        } else {
            entry["first"] = set.first().copied().unwrap_or(0).into();
            entry["last"] = set.last().copied().unwrap_or(0).into();
        }
        slices.push(entry);
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
        "fontgen: core {} chars {} bytes; bold {} chars {} bytes; {} slices: {} common hanzi by frequency and GB 2312 ({} per slice), {} others ({} per slice)",
        core.len(),
        core_bytes.len(),
        bold_set.len(),
        bold_bytes.len(),
        slices.len(),
        common.len(),
        COMMON_SLICE_CHARS,
        other.len(),
        SLICE_CHARS,
    );
    print!("{report}");
    Ok(())
}
