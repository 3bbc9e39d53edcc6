//! Cuts a TrueType face down to the glyphs a packet draws: the font program embedded in the PDF
//! (ISO 32000-1 §9.6.4, font subsets; §9.9, embedded font programs).
//!
//! Why our own: printpdf subsets through its `text_layout` feature, which links azul's layout
//! engine and allsorts' shaping, WOFF 2 and legacy-encoding tables into the packet worker (about
//! 1 MB of wasm that every first packet downloads) to do what, for the glyph-outline fonts
//! `fontgen` cuts, is copying bytes. Here the face is read with ttf-parser (which checks every face
//! the packet loads anyway): the glyphs in use are copied with any they are composed of,
//! renumbered, and written back with their metrics; nothing is shaped, hinted or decompressed.
//!
//! Glyph numbering is the contract with [`crate::content::Codes`]: glyph 0 is `.notdef`, then the
//! glyphs asked for **in the order given** (glyph 1, 2, …), then the components of composite
//! glyphs that were not asked for. The content streams write those numbers as the codes of an
//! `Identity-H` font whose CIDs are glyph ids.

use std::collections::BTreeMap;

/// A subset font program and the facts a PDF font descriptor needs about it.
#[derive(Clone, Debug)]
pub struct Subset {
    /// The sfnt: `glyf`/`loca`/`hmtx` of the kept glyphs, `cmap` for the characters asked for,
    /// `head`/`hhea`/`maxp` adjusted, `post` without glyph names, `OS/2` and `name` as they were.
    pub bytes: Vec<u8>,
    /// Advance width of each glyph of the subset (index = new glyph id), in font units.
    pub advances: Vec<u16>,
    pub units_per_em: u16,
    /// The face's bounding box (`head`), font units.
    pub bbox: [i16; 4],
    /// `hhea` ascender and descender, font units.
    pub ascent: i16,
    pub descent: i16,
    /// `hhea` caret slope (rise, run): upright is (1, 0).
    pub caret_slope: (i16, i16),
    /// `OS/2` usWeightClass, 0 when the face has no `OS/2`.
    pub weight_class: u16,
    /// The PostScript name (`name` id 6), if the face has one in ASCII.
    pub postscript_name: Option<String>,
}

/// Why a face could not be cut.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubsetError(pub String);

impl std::fmt::Display for SubsetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn err(what: &str) -> SubsetError {
    SubsetError(format!("字体结构不完整：{what}"))
}

/// Cuts `font` (a TrueType sfnt with `glyf` outlines) down to `.notdef` and `glyphs`, each given
/// as (glyph id in `font`, the character it stands for).
///
/// # Errors
/// [`SubsetError`] when the font lacks a table a subset needs, a table is shorter than its
/// header says, or a glyph id is not in the font.
///
/// # Example
/// ```
/// # fn demo(font: &[u8]) -> Result<(), bangfu_packet::subset::SubsetError> {
/// // Glyph 36 of the face draws "A": in the subset it is glyph 1.
/// let s = bangfu_packet::subset::subset(font, &[(36, 'A')])?;
/// assert_eq!(s.advances.len(), 2);
/// # Ok(()) }
/// ```
pub fn subset(font: &[u8], glyphs: &[(u16, char)]) -> Result<Subset, SubsetError> {
    // ttf-parser (which `crate::fonts` already checks every face with) reads the face; only the
    // tables that are copied or rewritten are taken as bytes.
    let face =
        ttf_parser::Face::parse(font, 0).map_err(|e| SubsetError(format!("字体无法读取：{e}")))?;
    if face.tables().glyf.is_none() {
        return Err(SubsetError("只支持 TrueType 轮廓（glyf）字体".into()));
    }
    let raw = face.raw_face();
    let table = |tag: &[u8; 4]| raw.table(ttf_parser::Tag::from_bytes(tag));
    let required = |tag: &[u8; 4]| {
        table(tag)
            .ok_or_else(|| SubsetError(format!("字体缺少 {} 表", String::from_utf8_lossy(tag))))
    };
    let (head, hhea, maxp, glyf) = (
        required(b"head")?,
        required(b"hhea")?,
        required(b"maxp")?,
        required(b"glyf")?,
    );
    // Glyph ranges are read here, not with ttf-parser's `loca`, which reports an empty glyph
    // (a space) like a malformed one.
    let loca = required(b"loca")?;
    let long_loca = face.tables().head.index_to_location_format
        == ttf_parser::head::IndexToLocationFormat::Long;
    let count = face.number_of_glyphs();
    let outline = |gid: u16| -> Result<&[u8], SubsetError> {
        if gid >= count {
            return Err(SubsetError(format!("字体没有字形 {gid}")));
        }
        let g = usize::from(gid);
        let (start, end) = if long_loca {
            (
                u32_at(loca, 4 * g)? as usize,
                u32_at(loca, 4 * g + 4)? as usize,
            )
        } else {
            (
                2 * usize::from(u16_at(loca, 2 * g)?),
                2 * usize::from(u16_at(loca, 2 * g + 2)?),
            )
        };
        glyf.get(start..end).ok_or_else(|| err("glyf"))
    };

    // The kept glyphs in their new order, and each old id's new one.
    let mut order: Vec<u16> = vec![0];
    let mut new_id: BTreeMap<u16, u16> = BTreeMap::from([(0, 0)]);
    let mut keep = |gid: u16, order: &mut Vec<u16>| -> Result<(), SubsetError> {
        if let std::collections::btree_map::Entry::Vacant(slot) = new_id.entry(gid) {
            slot.insert(u16::try_from(order.len()).map_err(|_| err("字形过多"))?);
            order.push(gid);
        }
        Ok(())
    };
    for &(gid, _) in glyphs {
        outline(gid)?;
        keep(gid, &mut order)?;
    }
    // Components of composite glyphs, and theirs, after everything asked for.
    let mut i = 0;
    while i < order.len() {
        for component in components(outline(order[i])?)? {
            keep(component, &mut order)?;
        }
        i += 1;
    }

    let metric = |gid: u16| -> Result<(u16, i16), SubsetError> {
        let g = ttf_parser::GlyphId(gid);
        face.glyph_hor_advance(g)
            .zip(face.glyph_hor_side_bearing(g))
            .ok_or_else(|| err("hmtx"))
    };

    let mut new_glyf = Vec::new();
    let mut new_loca = Vec::with_capacity(4 * (order.len() + 1));
    let mut new_hmtx = Vec::with_capacity(4 * order.len());
    let mut advances = Vec::with_capacity(order.len());
    for &gid in &order {
        put_u32(&mut new_loca, len_u32(new_glyf.len())?);
        let data = outline(gid)?;
        let start = new_glyf.len();
        new_glyf.extend_from_slice(data);
        renumber_components(&mut new_glyf[start..], &new_id)?;
        while new_glyf.len() % 4 != 0 {
            new_glyf.push(0);
        }
        let (advance, lsb) = metric(gid)?;
        advances.push(advance);
        put_u16(&mut new_hmtx, advance);
        put_u16(&mut new_hmtx, lsb as u16);
    }
    put_u32(&mut new_loca, len_u32(new_glyf.len())?);
    let n = u16::try_from(order.len()).map_err(|_| err("字形过多"))?;

    let mut new_head = head.to_vec();
    set_u32(&mut new_head, 8, 0)?; // checkSumAdjustment, set once the file is written
    set_u16(&mut new_head, 50, 1)?; // indexToLocFormat: long offsets
    let mut new_hhea = hhea.to_vec();
    set_u16(&mut new_hhea, 34, n)?;
    let mut new_maxp = maxp.to_vec();
    set_u16(&mut new_maxp, 4, n)?;

    let mut out: Vec<([u8; 4], Vec<u8>)> = vec![
        (*b"cmap", cmap(glyphs)),
        (*b"glyf", new_glyf),
        (*b"head", new_head),
        (*b"hhea", new_hhea),
        (*b"hmtx", new_hmtx),
        (*b"loca", new_loca),
        (*b"maxp", new_maxp),
    ];
    // `post` format 3: no glyph names (format 2's would name the old glyph ids).
    if let Some(header) = table(b"post").and_then(|post| post.get(..32)) {
        let mut p = header.to_vec();
        set_u32(&mut p, 0, 0x0003_0000)?;
        out.push((*b"post", p));
    }
    // Whole-face tables that do not index glyphs; the instruction tables in case outlines are
    // hinted (the glyphs' own instructions call into them).
    for tag in [b"OS/2", b"name", b"cvt ", b"fpgm", b"prep", b"gasp"] {
        if let Some(t) = table(tag) {
            out.push((*tag, t.to_vec()));
        }
    }
    let bytes = write_sfnt(out)?;

    let t = face.tables();
    let bbox = face.global_bounding_box();
    Ok(Subset {
        bytes,
        advances,
        units_per_em: face.units_per_em(),
        bbox: [bbox.x_min, bbox.y_min, bbox.x_max, bbox.y_max],
        ascent: t.hhea.ascender,
        descent: t.hhea.descender,
        // ttf-parser does not expose hhea's caret slope.
        caret_slope: (i16_at(hhea, 18)?, i16_at(hhea, 20)?),
        weight_class: t.os2.map_or(0, |os2| os2.weight().to_number()),
        postscript_name: postscript_name(&face),
    })
}

// Composite glyph flags (OpenType `glyf`, composite glyph description).
const ARG_1_AND_2_ARE_WORDS: u16 = 0x0001;
const WE_HAVE_A_SCALE: u16 = 0x0008;
const MORE_COMPONENTS: u16 = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE: u16 = 0x0040;
const WE_HAVE_A_TWO_BY_TWO: u16 = 0x0080;

/// The byte offsets of the glyph-index fields of a composite glyph's components (none for a
/// simple or empty glyph).
fn component_fields(glyph: &[u8]) -> Result<Vec<usize>, SubsetError> {
    if glyph.is_empty() || i16_at(glyph, 0)? >= 0 {
        return Ok(Vec::new());
    }
    let mut fields = Vec::new();
    let mut at = 10;
    loop {
        let flags = u16_at(glyph, at)?;
        fields.push(at + 2);
        at += 4 + if flags & ARG_1_AND_2_ARE_WORDS != 0 {
            4
        } else {
            2
        };
        at += if flags & WE_HAVE_A_SCALE != 0 {
            2
        } else if flags & WE_HAVE_AN_X_AND_Y_SCALE != 0 {
            4
        } else if flags & WE_HAVE_A_TWO_BY_TWO != 0 {
            8
        } else {
            0
        };
        if flags & MORE_COMPONENTS == 0 {
            return Ok(fields);
        }
    }
}

fn components(glyph: &[u8]) -> Result<Vec<u16>, SubsetError> {
    component_fields(glyph)?
        .into_iter()
        .map(|at| u16_at(glyph, at))
        .collect()
}

fn renumber_components(glyph: &mut [u8], new_id: &BTreeMap<u16, u16>) -> Result<(), SubsetError> {
    for at in component_fields(glyph)? {
        let old = u16_at(glyph, at)?;
        let new = *new_id.get(&old).ok_or_else(|| err("组合字形"))?;
        set_u16(glyph, at, new)?;
    }
    Ok(())
}

/// A `cmap` with one format 12 subtable (Windows, Unicode full repertoire) mapping each character
/// asked for to its new glyph. PDF readers draw an `Identity-H` TrueType font by glyph id; the map
/// is there for tools that inspect the font program on its own.
fn cmap(glyphs: &[(u16, char)]) -> Vec<u8> {
    let mut pairs: Vec<(u32, u32)> = glyphs
        .iter()
        .zip(1u32..)
        .map(|(&(_, c), new)| (u32::from(c), new))
        .collect();
    pairs.sort_unstable();
    pairs.dedup_by_key(|p| p.0);
    // Runs of consecutive characters on consecutive glyphs share a group.
    let mut groups: Vec<(u32, u32, u32)> = Vec::new();
    for (c, g) in pairs {
        match groups.last_mut() {
            Some(last) if last.1 + 1 == c && last.2 + (c - last.0) == g => last.1 = c,
            _ => groups.push((c, c, g)),
        }
    }
    let mut t = Vec::with_capacity(28 + 12 * groups.len());
    put_u16(&mut t, 0); // version
    put_u16(&mut t, 1); // one encoding record
    put_u16(&mut t, 3); // Windows
    put_u16(&mut t, 10); // Unicode full repertoire
    put_u32(&mut t, 12); // subtable offset
    put_u16(&mut t, 12); // format
    put_u16(&mut t, 0);
    let length = 16 + 12 * groups.len();
    put_u32(&mut t, u32::try_from(length).unwrap_or(u32::MAX));
    put_u32(&mut t, 0); // language
    put_u32(&mut t, u32::try_from(groups.len()).unwrap_or(u32::MAX));
    for (start, end, glyph) in groups {
        put_u32(&mut t, start);
        put_u32(&mut t, end);
        put_u32(&mut t, glyph);
    }
    t
}

/// The PostScript name (`name` record 6), when it is one a PDF name can hold: printable ASCII
/// without delimiters (ISO 32000-1 §7.3.5).
fn postscript_name(face: &ttf_parser::Face<'_>) -> Option<String> {
    face.names()
        .into_iter()
        .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .filter_map(|n| n.to_string())
        .find(|s| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_graphic() && !"()<>[]{}/%#".contains(c))
        })
}

/// Writes an sfnt with `tables` (any order), 4-byte aligned, with table checksums and `head`'s
/// checkSumAdjustment.
fn write_sfnt(mut tables: Vec<([u8; 4], Vec<u8>)>) -> Result<Vec<u8>, SubsetError> {
    tables.sort_by_key(|t| t.0);
    let count = u16::try_from(tables.len()).map_err(|_| err("表过多"))?;
    let mut pow = 1u16;
    let mut log = 0u16;
    while pow * 2 <= count {
        pow *= 2;
        log += 1;
    }
    let mut out = Vec::new();
    put_u32(&mut out, 0x0001_0000);
    put_u16(&mut out, count);
    put_u16(&mut out, pow * 16);
    put_u16(&mut out, log);
    put_u16(&mut out, count * 16 - pow * 16);
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, data) in &tables {
        if tag == b"head" {
            head_at = Some(offset);
        }
        out.extend_from_slice(tag);
        put_u32(&mut out, checksum(data));
        put_u32(&mut out, len_u32(offset)?);
        put_u32(&mut out, len_u32(data.len())?);
        offset += data.len().div_ceil(4) * 4;
    }
    for (_, data) in &tables {
        out.extend_from_slice(data);
        out.resize(out.len().div_ceil(4) * 4, 0);
    }
    if let Some(at) = head_at {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        set_u32(&mut out, at + 8, adjustment)?;
    }
    Ok(out)
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, c| {
        let mut word = [0u8; 4];
        word[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

fn u16_at(b: &[u8], at: usize) -> Result<u16, SubsetError> {
    b.get(at..at + 2)
        .map(|s| u16::from_be_bytes([s[0], s[1]]))
        .ok_or_else(|| err("表长度"))
}

fn u32_at(b: &[u8], at: usize) -> Result<u32, SubsetError> {
    b.get(at..at + 4)
        .map(|s| u32::from_be_bytes([s[0], s[1], s[2], s[3]]))
        .ok_or_else(|| err("表长度"))
}

fn i16_at(b: &[u8], at: usize) -> Result<i16, SubsetError> {
    u16_at(b, at).map(|v| v as i16)
}

fn set_u16(b: &mut [u8], at: usize, v: u16) -> Result<(), SubsetError> {
    b.get_mut(at..at + 2)
        .ok_or_else(|| err("表长度"))?
        .copy_from_slice(&v.to_be_bytes());
    Ok(())
}

fn set_u32(b: &mut [u8], at: usize, v: u32) -> Result<(), SubsetError> {
    b.get_mut(at..at + 4)
        .ok_or_else(|| err("表长度"))?
        .copy_from_slice(&v.to_be_bytes());
    Ok(())
}

fn put_u16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_be_bytes());
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_be_bytes());
}

fn len_u32(n: usize) -> Result<u32, SubsetError> {
    u32::try_from(n).map_err(|_| err("字体过大"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(b: &[u8], at: usize) -> u32 {
        u32_at(b, at).expect("four bytes")
    }

    /// A table of an sfnt, as bytes.
    fn table<'a>(font: &'a [u8], tag: &[u8; 4]) -> &'a [u8] {
        ttf_parser::RawFace::parse(font, 0)
            .expect("directory")
            .table(ttf_parser::Tag::from_bytes(tag))
            .expect("table")
    }

    fn core() -> Vec<u8> {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/NotoSerifSC-Regular.ttf");
        std::fs::read(&path).unwrap_or_else(|e| panic!("{e}: run `bash scripts/fonts.sh` first"))
    }

    /// The outline of a glyph as drawing commands, to compare glyphs across fonts.
    #[derive(Default)]
    struct Path(Vec<String>);
    impl ttf_parser::OutlineBuilder for Path {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.push(format!("M{x} {y}"));
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0.push(format!("L{x} {y}"));
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            self.0.push(format!("Q{x1} {y1} {x} {y}"));
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            self.0.push(format!("C{x1} {y1} {x2} {y2} {x} {y}"));
        }
        fn close(&mut self) {
            self.0.push("Z".into());
        }
    }

    fn outline(face: &ttf_parser::Face<'_>, gid: u16) -> Vec<String> {
        let mut p = Path::default();
        face.outline_glyph(ttf_parser::GlyphId(gid), &mut p);
        p.0
    }

    #[test]
    fn the_glyphs_asked_for_keep_their_outlines_and_widths_numbered_in_the_order_given() {
        let font = core();
        let face = ttf_parser::Face::parse(&font, 0).expect("core font");
        // Out of glyph order on purpose, a space (no outline) among them.
        let chars = ['请', '申', ' ', '2', '表', 'A'];
        let glyphs: Vec<(u16, char)> = chars
            .iter()
            .map(|&c| (face.glyph_index(c).expect("in the core").0, c))
            .collect();
        let s = subset(&font, &glyphs).expect("subset");
        let cut = ttf_parser::Face::parse(&s.bytes, 0).expect("the subset is a font");
        assert_eq!(cut.number_of_glyphs() as usize, s.advances.len());
        assert!(
            s.bytes.len() * 20 < font.len(),
            "{} of {}",
            s.bytes.len(),
            font.len()
        );
        for (i, &(gid, c)) in glyphs.iter().enumerate() {
            let new = u16::try_from(i + 1).expect("few glyphs");
            assert_eq!(cut.glyph_index(c), Some(ttf_parser::GlyphId(new)), "{c}");
            assert_eq!(outline(&cut, new), outline(&face, gid), "{c}");
            assert_eq!(
                cut.glyph_hor_advance(ttf_parser::GlyphId(new)),
                face.glyph_hor_advance(ttf_parser::GlyphId(gid))
            );
            assert_eq!(
                Some(s.advances[i + 1]),
                face.glyph_hor_advance(ttf_parser::GlyphId(gid))
            );
        }
        assert_eq!(outline(&cut, 0), outline(&face, 0), ".notdef stays glyph 0");
        assert_eq!(s.units_per_em, face.units_per_em());
        assert_eq!(s.ascent, face.ascender());
        assert_eq!(s.postscript_name.as_deref(), Some("NotoSerifSC-Regular"));
    }

    #[test]
    fn the_file_checksum_is_the_sfnt_magic_and_each_table_checksum_matches() {
        let font = core();
        let face = ttf_parser::Face::parse(&font, 0).expect("core font");
        let g = face.glyph_index('车').expect("in the core").0;
        let s = subset(&font, &[(g, '车')]).expect("subset");
        assert_eq!(checksum(&s.bytes), 0xB1B0_AFBA);
        let records = ttf_parser::RawFace::parse(&s.bytes, 0)
            .expect("directory")
            .table_records;
        for (i, record) in records.into_iter().enumerate() {
            let stored = word(&s.bytes, 12 + 16 * i + 4);
            let (offset, length) = (record.offset as usize, record.length as usize);
            let mut data = s.bytes[offset..offset + length].to_vec();
            if &record.tag.to_bytes() == b"head" {
                data[8..12].fill(0);
            }
            assert_eq!(checksum(&data), stored, "{}", record.tag);
        }
    }

    #[test]
    fn composite_glyphs_bring_their_components_renumbered_after_the_glyphs_asked_for() {
        // A composite glyph "B" made of glyph 1 ("A"), built by hand: head, hhea, maxp, hmtx,
        // loca, glyf.
        let simple: Vec<u8> = {
            let mut g = Vec::new();
            for v in [1u16, 0, 0, 100, 100, 3] {
                put_u16(&mut g, v); // one contour, bbox, end point 3
            }
            put_u16(&mut g, 0); // no instructions
            g.extend_from_slice(&[1, 1, 1, 1]); // four on-curve points, full-size coordinates
            for _ in 0..8 {
                put_u16(&mut g, 0);
            }
            g
        };
        let composite: Vec<u8> = {
            let mut g = Vec::new();
            for v in [u16::MAX, 0, 0, 100, 100] {
                put_u16(&mut g, v);
            }
            put_u16(&mut g, ARG_1_AND_2_ARE_WORDS);
            put_u16(&mut g, 1);
            put_u16(&mut g, 10);
            put_u16(&mut g, 20);
            g
        };
        let mut head = vec![0u8; 54];
        set_u32(&mut head, 0, 0x0001_0000).unwrap();
        set_u32(&mut head, 12, 0x5F0F_3CF5).unwrap();
        set_u16(&mut head, 18, 1000).unwrap();
        let mut hhea = vec![0u8; 36];
        set_u32(&mut hhea, 0, 0x0001_0000).unwrap();
        set_u16(&mut hhea, 34, 3).unwrap();
        let mut maxp = vec![0u8; 6];
        set_u32(&mut maxp, 0, 0x0000_5000).unwrap();
        set_u16(&mut maxp, 4, 3).unwrap();
        let mut hmtx = Vec::new();
        for w in [500u16, 600, 700] {
            put_u16(&mut hmtx, w);
            put_u16(&mut hmtx, 0);
        }
        let mut glyf = Vec::new();
        let mut loca = Vec::new();
        for g in [&Vec::new(), &simple, &composite] {
            put_u32(&mut loca, len_u32(glyf.len()).unwrap());
            glyf.extend_from_slice(g);
        }
        put_u32(&mut loca, len_u32(glyf.len()).unwrap());
        set_u16(&mut head, 50, 1).unwrap();
        let font = write_sfnt(vec![
            (*b"head", head),
            (*b"hhea", hhea),
            (*b"maxp", maxp),
            (*b"hmtx", hmtx),
            (*b"loca", loca),
            (*b"glyf", glyf),
        ])
        .unwrap();

        let s = subset(&font, &[(2, 'B')]).expect("subset");
        assert_eq!(
            s.advances,
            vec![500, 700, 600],
            ".notdef, B, then its component A"
        );
        let loca = table(&s.bytes, b"loca");
        let glyf = table(&s.bytes, b"glyf");
        let b = &glyf[word(loca, 4) as usize..word(loca, 8) as usize];
        assert_eq!(
            components(b).unwrap(),
            vec![2],
            "B now points at A's new number"
        );
        let a = &glyf[word(loca, 8) as usize..word(loca, 12) as usize];
        assert_eq!(&a[..simple.len()], &simple[..]);
    }

    #[test]
    fn a_glyph_the_font_lacks_or_a_font_of_another_kind_is_an_error() {
        let font = core();
        assert!(subset(&font, &[(u16::MAX, 'x')]).is_err());
        assert!(subset(b"OTTO\0\0\0\0", &[]).is_err());
        assert!(subset(b"", &[]).is_err());
    }
}
