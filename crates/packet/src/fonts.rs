//! The fonts the packet is printed with, and the check that they cover every character of a draft.
//!
//! Noto Serif SC is cut at build time (`scripts/fonts.sh`, see `crates/packet-fonts`) into a core
//! regular face (all non-Han characters and the project's own texts), a bold face holding only
//! the fixed texts set in bold, and on-demand slices of every hanzi the core lacks (the common
//! ones in order of frequency, a few hundred per slice). `manifest.json` beside them names the files; [`FontManifest::slices_for`] says which
//! slices a draft needs, so a browser downloads only those.
//!
//! A character that no loaded face has is never printed as an empty box: [`missing_chars`] lists
//! them before printing so the UI can tell the user, and [`crate::build_packet`] refuses to print
//! one.

use std::collections::BTreeSet;

use bangfu_model::{Choice, Draft};
use serde::Deserialize;

use crate::PacketError;

/// One font file: its bytes, checked to be a font with a Unicode cmap.
#[derive(Clone, Debug)]
pub struct FontFile {
    bytes: Vec<u8>,
}

impl FontFile {
    /// Checks and keeps the bytes of a TrueType font.
    ///
    /// # Errors
    /// [`PacketError::Font`] when the bytes are not a usable font.
    pub fn new(name: &str, bytes: Vec<u8>) -> Result<FontFile, PacketError> {
        let face = ttf_parser::Face::parse(&bytes, 0)
            .map_err(|e| PacketError::Font(format!("{name}: {e}")))?;
        if face.tables().cmap.is_none() || face.units_per_em() == 0 {
            return Err(PacketError::Font(format!("{name}: 缺少字符映射表")));
        }
        // Packets embed the face cut by crate::subset, which reads TrueType outlines only.
        if face.tables().glyf.is_none() {
            return Err(PacketError::Font(format!(
                "{name}: 只支持 TrueType 轮廓（glyf）字体"
            )));
        }
        Ok(FontFile { bytes })
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    pub(crate) fn face(&self) -> Option<ttf_parser::Face<'_>> {
        ttf_parser::Face::parse(&self.bytes, 0).ok()
    }
}

/// The faces a packet is printed with: regular (core first, then any slices) and bold.
#[derive(Clone, Debug)]
pub struct Fonts {
    pub(crate) regular: Vec<FontFile>,
    pub(crate) bold: FontFile,
}

impl Fonts {
    /// The core regular face and the bold face.
    ///
    /// # Errors
    /// [`PacketError::Font`] when either is not a usable font.
    pub fn new(regular: Vec<u8>, bold: Vec<u8>) -> Result<Fonts, PacketError> {
        Ok(Fonts {
            regular: vec![FontFile::new("regular", regular)?],
            bold: FontFile::new("bold", bold)?,
        })
    }

    /// Adds a regular slice (a fallback face for characters the core lacks).
    ///
    /// # Errors
    /// [`PacketError::Font`] when the bytes are not a usable font.
    pub fn add_regular(&mut self, name: &str, bytes: Vec<u8>) -> Result<(), PacketError> {
        self.regular.push(FontFile::new(name, bytes)?);
        Ok(())
    }

    /// Whether some regular face has a glyph for `c` (whitespace always counts as covered).
    pub fn covers(&self, c: char) -> bool {
        c.is_whitespace()
            || self
                .regular
                .iter()
                .filter_map(FontFile::face)
                .any(|f| f.glyph_index(c).is_some_and(|g| g.0 != 0))
    }

    /// The characters of `chars` that no regular face has.
    pub fn missing<I: IntoIterator<Item = char>>(&self, chars: I) -> Vec<char> {
        let faces: Vec<_> = self.regular.iter().filter_map(FontFile::face).collect();
        let mut out: Vec<char> = chars
            .into_iter()
            .filter(|&c| {
                !c.is_whitespace()
                    && !faces
                        .iter()
                        .any(|f| f.glyph_index(c).is_some_and(|g| g.0 != 0))
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Bytes of all loaded font files.
    pub fn total_bytes(&self) -> usize {
        self.regular.iter().map(|f| f.bytes.len()).sum::<usize>() + self.bold.bytes.len()
    }

    /// Every loaded font file: the regular faces (core, then slices) and the bold face.
    pub fn files(&self) -> impl Iterator<Item = &FontFile> {
        self.regular.iter().chain(std::iter::once(&self.bold))
    }

    /// Number of regular faces (core plus slices).
    pub fn regular_faces(&self) -> usize {
        self.regular.len()
    }
}

/// `manifest.json` written by `fontgen` beside the font files.
#[derive(Clone, Debug, Deserialize)]
pub struct FontManifest {
    pub regular: ManifestFile,
    pub bold: ManifestFile,
    #[serde(default)]
    pub slices: Vec<ManifestSlice>,
    #[serde(default)]
    pub licence: String,
}

/// A font file named by the manifest.
#[derive(Clone, Debug, Deserialize)]
pub struct ManifestFile {
    pub file: String,
    #[serde(default)]
    pub bytes: u64,
}

/// An on-demand slice: the hanzi listed in `set` (common ones, cut in order of frequency), or
/// else those from `first` to `last` (code points) that the core lacks.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ManifestSlice {
    pub file: String,
    #[serde(default)]
    pub set: String,
    #[serde(default)]
    pub first: u32,
    #[serde(default)]
    pub last: u32,
    #[serde(default)]
    pub bytes: u64,
}

impl FontManifest {
    /// Reads `manifest.json`.
    ///
    /// # Errors
    /// [`PacketError::Font`] when the text is not a manifest.
    pub fn parse(json: &str) -> Result<FontManifest, PacketError> {
        serde_json::from_str(json).map_err(|e| PacketError::Font(format!("manifest.json: {e}")))
    }

    /// The slices holding any of `chars` (pass the characters the core face lacks), each once,
    /// in manifest order.
    ///
    /// # Examples
    /// ```
    /// use bangfu_packet::fonts::FontManifest;
    /// let m = FontManifest::parse(r#"{"regular": {"file": "r.ttf"}, "bold": {"file": "b.ttf"},
    ///   "slices": [{"file": "1.ttf", "set": "王李张"}, {"file": "2.ttf", "first": 19968, "last": 40959}]}"#).unwrap();
    /// // 张 is listed; U+5803 (a rare hanzi, escaped so the font cut does not take it for the
    /// // project's own text) falls in the range.
    /// let files: Vec<&str> = m.slices_for("张\u{5803}".chars()).iter().map(|s| s.file.as_str()).collect();
    /// assert_eq!(files, ["1.ttf", "2.ttf"]);
    /// ```
    pub fn slices_for<I: IntoIterator<Item = char>>(&self, chars: I) -> Vec<&ManifestSlice> {
        let listed: std::collections::HashMap<char, usize> = self
            .slices
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.set.chars().map(move |c| (c, i)))
            .collect();
        let mut wanted = vec![false; self.slices.len()];
        for c in chars {
            let cp = u32::from(c);
            let at = listed.get(&c).copied().or_else(|| {
                self.slices
                    .iter()
                    .position(|s| s.set.is_empty() && s.first <= cp && cp <= s.last)
            });
            if let Some(i) = at {
                wanted[i] = true;
            }
        }
        self.slices
            .iter()
            .zip(wanted)
            .filter_map(|(s, w)| w.then_some(s))
            .collect()
    }
}

/// Every character the packet prints from what the user typed (names, addresses, free text),
/// without whitespace and control characters.
pub fn draft_chars(draft: &Draft) -> BTreeSet<char> {
    let mut out = BTreeSet::new();
    let mut add = |s: &str| {
        out.extend(
            s.chars()
                .filter(|c| !c.is_whitespace() && crate::text::printable(*c)),
        );
    };
    let a = &draft.applicant;
    for s in [
        &a.name,
        &a.credit_code,
        &a.legal_rep,
        &a.contact_person,
        &a.phone,
        &a.registered_address,
        &a.established,
    ] {
        add(s);
    }
    add(a.entity_type.label());
    let s = &draft.site;
    for t in [
        &s.township_other,
        &s.village,
        &s.address,
        &s.area_m2,
        &s.lease_start,
        &s.lease_end,
        &s.products,
    ] {
        add(t);
    }
    add(&crate::facts::site_region(s));
    add(&draft.pay_day);
    add(&draft.assessment_date);
    for e in &draft.employees {
        for t in [
            &e.name,
            &e.id_number,
            &e.phone,
            &e.post,
            &e.household_address,
            &e.bank_account,
        ] {
            add(t);
        }
        for st in &e.stints {
            for t in [&st.start, &st.end, &st.leave_date] {
                add(t);
            }
        }
        for i in &e.insurance {
            add(&i.start);
            add(&i.end);
        }
        for w in &e.wages {
            for t in [
                &w.month,
                &w.days_worked,
                &w.hours,
                &w.gross,
                &w.deductions,
                &w.net,
                &w.paid_date,
            ] {
                add(t);
            }
        }
    }
    out
}

/// Where each of `chars` occurs in the draft, named as the form names it:
/// 「第3名员工「王小明」的姓名」. At most `limit` places.
pub fn where_chars(draft: &Draft, chars: &[char], limit: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut look = |what: String, value: &str| {
        if out.len() < limit && value.chars().any(|c| chars.contains(&c)) {
            let found: String = value
                .chars()
                .filter(|c| chars.contains(c))
                .map(|c| format!("「{c}」"))
                .collect();
            out.push(format!("{what}{found}"));
        }
    };
    let a = &draft.applicant;
    for (label, v) in [
        ("经营主体名称", &a.name),
        ("法定代表人（负责人）", &a.legal_rep),
        ("联系人", &a.contact_person),
        ("注册地址", &a.registered_address),
    ] {
        look(format!("申请主体的{label}："), v);
    }
    let s = &draft.site;
    for (label, v) in [
        ("苏木乡镇", &s.township_other),
        ("嘎查村", &s.village),
        ("详细地址", &s.address),
        ("产品类别", &s.products),
    ] {
        look(format!("车间场所的{label}："), v);
    }
    for (i, e) in draft.employees.iter().enumerate() {
        let who = format!("第{}名员工「{}」的", i + 1, e.name.trim());
        for (label, v) in [
            ("姓名", &e.name),
            ("身份证号", &e.id_number),
            ("岗位", &e.post),
            ("户籍地", &e.household_address),
            ("联系电话", &e.phone),
            ("银行卡号", &e.bank_account),
        ] {
            look(format!("{who}{label}："), v);
        }
    }
    out
}

/// The characters of the draft that the fonts cannot print, sorted, each once. Empty when the
/// packet can be printed.
pub fn missing_chars(draft: &Draft, fonts: &Fonts) -> Vec<char> {
    fonts.missing(draft_chars(draft))
}

impl Fonts {
    /// Loads the core, bold and the slices that `chars` need from a directory holding
    /// `manifest.json` (as `scripts/fonts.sh` writes it): what the worker does over HTTP, for
    /// native tests, benches and tools.
    ///
    /// # Errors
    /// [`PacketError::Font`] when the manifest or a file cannot be read.
    #[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
    pub fn load_dir(dir: &std::path::Path, chars: &BTreeSet<char>) -> Result<Fonts, PacketError> {
        let read = |name: &str| {
            std::fs::read(dir.join(name))
                .map_err(|e| PacketError::Font(format!("{}: {e}", dir.join(name).display())))
        };
        let manifest_text = String::from_utf8(read("manifest.json")?)
            .map_err(|e| PacketError::Font(format!("manifest.json: {e}")))?;
        let manifest = FontManifest::parse(&manifest_text)?;
        let mut fonts = Fonts::new(read(&manifest.regular.file)?, read(&manifest.bold.file)?)?;
        let lacking = fonts.missing(chars.iter().copied());
        for slice in manifest.slices_for(lacking) {
            fonts.add_regular(&slice.file, read(&slice.file)?)?;
        }
        Ok(fonts)
    }
}
