//! Text files to `String`: UTF-8 with or without BOM, UTF-16 (Excel's "Unicode 文本"), and
//! GBK/GB18030, which Chinese Excel and WPS write when saving "CSV (逗号分隔)".
//!
//! Detection: a BOM decides; otherwise text that is valid UTF-8 is UTF-8 (GBK text with Chinese
//! characters is almost never valid UTF-8), and anything else is decoded as GB18030, the superset
//! of GBK — unless some of its lines are UTF-8 with Chinese in them and others are not UTF-8
//! (rows pasted in from a file of the other encoding): that file is refused, naming a line of
//! each kind, because either reading would garble part of it. Binary content is refused rather
//! than imported as mojibake.

use crate::error::ImportError;
use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};

/// The encoding a text file was read in, for the preview ("按 GBK 编码读取").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16,
    Gb18030,
}

impl TextEncoding {
    /// How the preview names it.
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8（带 BOM）",
            TextEncoding::Utf16 => "UTF-16（Unicode 文本）",
            TextEncoding::Gb18030 => "GBK/GB18030（简体中文 Excel 默认）",
        }
    }
}

/// Decodes a text file.
///
/// # Errors
/// [`ImportError::NotATable`] when the bytes are not text in any supported encoding (NUL bytes,
/// many control characters, or many undecodable sequences), [`ImportError::Empty`] when the text
/// is blank.
pub fn decode(file: &str, bytes: &[u8]) -> Result<(String, TextEncoding), ImportError> {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (
            String::from_utf8_lossy(rest).into_owned(),
            TextEncoding::Utf8Bom,
        )
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (decode_with(UTF_16LE, rest), TextEncoding::Utf16)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (decode_with(UTF_16BE, rest), TextEncoding::Utf16)
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_owned(), TextEncoding::Utf8),
            Err(_) => {
                if let Some((utf8_line, gbk_line)) = mixed_lines(bytes) {
                    return Err(ImportError::MixedEncoding {
                        file: file.to_owned(),
                        utf8_line,
                        gbk_line,
                    });
                }
                (decode_with(GB18030, bytes), TextEncoding::Gb18030)
            }
        }
    };
    if looks_binary(&text) {
        return Err(ImportError::NotATable {
            file: file.to_owned(),
        });
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty {
            file: file.to_owned(),
        });
    }
    Ok((text, encoding))
}

/// For text that is not UTF-8 as a whole: the first line that is UTF-8 with non-ASCII characters
/// and the first that is not UTF-8, when both exist (1-based).
fn mixed_lines(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut utf8 = None;
    let mut other = None;
    for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
        if line.is_ascii() {
            continue;
        }
        match std::str::from_utf8(line) {
            Ok(_) => utf8 = utf8.or(Some(i + 1)),
            Err(_) => other = other.or(Some(i + 1)),
        }
        if let (Some(u), Some(o)) = (utf8, other) {
            return Some((u, o));
        }
    }
    None
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> String {
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// NUL bytes, or more than 1 in 50 characters being control characters or replacement
/// characters: not a text table.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars() {
        total += 1;
        match c {
            '\0' => return true,
            '\t' | '\n' | '\r' | '\u{c}' => {}
            c if c.is_control() || c == '\u{FFFD}' => bad += 1,
            _ => {}
        }
    }
    bad * 50 > total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let (t, e) = decode("a", "姓名,身份证号".as_bytes()).unwrap();
        assert_eq!((t.as_str(), e), ("姓名,身份证号", TextEncoding::Utf8));
        let (t, e) = decode("a", "\u{feff}姓名".as_bytes()).unwrap();
        assert_eq!((t.as_str(), e), ("姓名", TextEncoding::Utf8Bom));
    }

    #[test]
    fn gbk_is_detected() {
        let (bytes, _, _) = GB18030.encode("姓名,身份证号\n张三,11010519491231002X\n");
        let (t, e) = decode("a", &bytes).unwrap();
        assert_eq!(e, TextEncoding::Gb18030);
        assert!(t.starts_with("姓名,身份证号\n张三"));
    }

    #[test]
    fn utf16_unicode_text_is_read() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "姓名\t身份证号".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let (t, e) = decode("a", &bytes).unwrap();
        assert_eq!((t.as_str(), e), ("姓名\t身份证号", TextEncoding::Utf16));
    }

    #[test]
    fn binary_junk_is_refused() {
        let junk: Vec<u8> = (0..2000u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert!(matches!(
            decode("x", &junk),
            Err(ImportError::NotATable { .. })
        ));
    }
}
