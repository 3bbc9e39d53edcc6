//! What kind of file the user picked, from its first bytes (the name can lie: a PDF renamed to
//! `.xlsx`, a CSV saved as `.txt`, an `.xls` that is really an HTML page).

use crate::error::ImportError;

/// A file this crate can read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// An Office Open XML workbook (a zip archive).
    Xlsx,
    /// Delimited text (CSV or tab-separated), any supported encoding.
    Text,
}

/// Decides how to read `bytes`, or why not to.
///
/// # Errors
/// [`ImportError::Empty`], [`ImportError::TooLarge`] or [`ImportError::WrongType`].
pub fn sniff(file: &str, bytes: &[u8]) -> Result<FileKind, ImportError> {
    let file = file.to_owned();
    if bytes.len() > crate::limits::MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            file,
            bytes: bytes.len() as u64,
        });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::Empty { file });
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Ok(FileKind::Xlsx);
    }
    let save_as = "请用 Excel 或 WPS 打开后“另存为” .xlsx 或 .csv 再导入。";
    let wrong = |found: &str, hint: &str| ImportError::WrongType {
        file: file.clone(),
        found: found.to_owned(),
        hint: hint.to_owned(),
    };
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF", "PDF 文档"),
        (b"\x89PNG", "PNG 图片"),
        (b"\xFF\xD8\xFF", "JPEG 图片"),
        (b"GIF8", "GIF 图片"),
        (b"BM", "BMP 图片"),
        (b"RIFF", "图片或音视频文件"),
        (b"Rar!", "RAR 压缩包"),
        (b"7z\xBC\xAF", "7z 压缩包"),
        (b"\x1F\x8B", "gzip 压缩包"),
        (b"{\\rtf", "RTF 文档"),
        (b"SQLite format 3", "数据库文件"),
    ];
    for (magic, found) in SIGNATURES {
        if bytes.starts_with(magic) {
            return Err(wrong(found, "请选择花名册或工资表的 .xlsx 或 .csv 文件。"));
        }
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        // OLE compound file: Excel 97-2003 .xls, WPS .et, Word .doc, or an encrypted .xlsx.
        return Err(wrong(
            "旧版 Excel（.xls）文件或加了密码的 Excel 文件",
            "请在 Excel 或 WPS 中取消密码，并“另存为” .xlsx 或 .csv 后再导入。",
        ));
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<table")
    {
        // Many systems export "Excel" files that are really HTML tables.
        return Err(wrong("网页（HTML）格式的表格", save_as));
    }
    if head.starts_with("<?xml") {
        return Err(wrong("XML 文件（可能是 Excel 2003 XML 表格）", save_as));
    }
    if head.starts_with('{') && head.contains("bangfu-draft") {
        return Err(wrong("本系统的草稿文件", "请使用“打开草稿文件”来打开它。"));
    }
    Ok(FileKind::Text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renamed_pdf_and_png_are_named() {
        for (bytes, found) in [
            (&b"%PDF-1.7\n..."[..], "PDF"),
            (&b"\x89PNG\r\n\x1a\n...."[..], "PNG"),
            (&b"\xFF\xD8\xFF\xE0..JFIF"[..], "JPEG"),
        ] {
            let err = sniff("花名册.xlsx", bytes).unwrap_err();
            assert!(err.to_string().contains(found), "{err}");
        }
    }

    #[test]
    fn old_xls_gets_save_as_advice() {
        let err = sniff("a.xls", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0").unwrap_err();
        assert!(err.to_string().contains("另存为"), "{err}");
    }

    #[test]
    fn html_pretending_to_be_xls_is_named() {
        let err = sniff(
            "导出.xls",
            b"<html><table><tr><td>1</td></tr></table></html>",
        )
        .unwrap_err();
        assert!(err.to_string().contains("HTML"), "{err}");
    }

    #[test]
    fn empty_and_blank_files_are_empty() {
        assert!(matches!(
            sniff("a.csv", b""),
            Err(ImportError::Empty { .. })
        ));
        assert!(matches!(
            sniff("a.csv", b" \r\n\n"),
            Err(ImportError::Empty { .. })
        ));
    }

    #[test]
    fn fifty_megabytes_is_refused_before_parsing() {
        let big = vec![b'a'; 50 * 1024 * 1024];
        assert!(matches!(
            sniff("大.csv", &big),
            Err(ImportError::TooLarge { .. })
        ));
    }

    #[test]
    fn zip_and_text_are_accepted() {
        assert_eq!(sniff("a.xlsx", b"PK\x03\x04rest"), Ok(FileKind::Xlsx));
        assert_eq!(
            sniff("a.csv", "姓名,身份证号".as_bytes()),
            Ok(FileKind::Text)
        );
    }
}
