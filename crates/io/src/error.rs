//! Why a file could not be imported, or an export could not be made, in words for the user.
//!
//! A file-level error means nothing was read and nothing changes; problems with single rows are not
//! errors but rejections listed in the [`crate::ImportPlan`].

use std::fmt;

/// Why a whole file was refused. The draft is never touched when this is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Zero bytes, or only blank lines.
    Empty { file: String },
    /// Larger than [`crate::limits::MAX_FILE_BYTES`].
    TooLarge { file: String, bytes: u64 },
    /// Recognisably some other kind of file (PDF, picture, Word, old .xls …).
    WrongType {
        file: String,
        found: String,
        hint: String,
    },
    /// Neither a spreadsheet nor text: binary content.
    NotATable { file: String },
    /// Looks like XLSX but cannot be read.
    Damaged { file: String, detail: String },
    /// No row in the first rows of any sheet looks like the roster or payroll header.
    NoHeader { file: String, sheets: Vec<String> },
    /// The chosen sheet does not exist.
    NoSuchSheet {
        file: String,
        sheet: String,
        available: Vec<String>,
    },
    /// Some lines are UTF-8 and others GBK (rows pasted in from another file): decoding it
    /// either way would garble part of it. `utf8_line` and `gbk_line` are 1-based examples.
    MixedEncoding {
        file: String,
        utf8_line: usize,
        gbk_line: usize,
    },
    /// More rows than [`crate::limits::MAX_ROWS`].
    TooManyRows { file: String, limit: usize },
    /// No file given.
    NoFiles,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty { file } => write!(f, "“{file}”是空文件，没有可导入的内容。"),
            ImportError::TooLarge { file, bytes } => write!(
                f,
                "“{file}”太大（{}），超过了 {} MB 的上限。花名册和工资表通常不到 5 MB；请确认选对了文件，或按年份拆分后分别导入。",
                human_size(*bytes),
                crate::limits::MAX_FILE_BYTES / (1024 * 1024)
            ),
            ImportError::WrongType { file, found, hint } => {
                write!(f, "“{file}”是{found}，不是表格文件。{hint}")
            }
            ImportError::NotATable { file } => write!(
                f,
                "“{file}”的内容不是表格（可能是图片、压缩包或其他程序的文件）。请选择 .xlsx 或 .csv 文件。"
            ),
            ImportError::Damaged { file, detail } => write!(
                f,
                "“{file}”无法读取，文件可能已损坏或不是 .xlsx 格式（{detail}）。请用 Excel 或 WPS 打开后“另存为” .xlsx 再导入。"
            ),
            ImportError::NoHeader { file, sheets } => {
                write!(
                    f,
                    "在“{file}”中没有找到表头：前 {} 行里没有一行同时含有“姓名”“身份证号”等列名",
                    crate::limits::HEADER_SEARCH_ROWS
                )?;
                if sheets.len() > 1 {
                    write!(f, "（已查看工作表：{}）", sheets.join("、"))?;
                }
                write!(f, "。请使用下载的模板，或把列名改成模板中的写法。")
            }
            ImportError::NoSuchSheet {
                file,
                sheet,
                available,
            } => write!(
                f,
                "“{file}”中没有名为“{sheet}”的工作表。现有工作表：{}。",
                available.join("、")
            ),
            ImportError::TooManyRows { file, limit } => write!(
                f,
                "“{file}”的数据超过 {limit} 行，无法一次导入。请按年份或月份拆分后分别导入。"
            ),
            ImportError::MixedEncoding {
                file,
                utf8_line,
                gbk_line,
            } => write!(
                f,
                "“{file}”中混有两种文字编码（如第 {utf8_line} 行是 UTF-8，第 {gbk_line} 行是 GBK），按哪一种读都会有一部分中文变成乱码，因此没有导入。请在 Excel 或 WPS 中打开，检查这些行的文字后“另存为” .xlsx 或 CSV UTF-8 再导入。"
            ),
            ImportError::NoFiles => write!(f, "没有选择文件。"),
        }
    }
}

impl std::error::Error for ImportError {}

/// Why an export could not be written (in practice: a value Excel cannot hold).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportError {
    pub detail: String,
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "生成 Excel 文件失败：{}", self.detail)
    }
}

impl std::error::Error for ExportError {}

impl From<rust_xlsxwriter::XlsxError> for ExportError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        let detail = match e {
            rust_xlsxwriter::XlsxError::MaxStringLengthExceeded => {
                "有单元格内容超过 Excel 允许的 32767 个字符".to_owned()
            }
            other => other.to_string(),
        };
        ExportError { detail }
    }
}

/// `1.5 MB`, `820 KB`, `12 字节`.
pub(crate) fn human_size(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        format!("{}.{} MB", bytes / MB, (bytes % MB) * 10 / MB)
    } else if bytes >= 1024 {
        format!("{} KB", bytes / 1024)
    } else {
        format!("{bytes} 字节")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(human_size(50 * 1024 * 1024), "50.0 MB");
        assert_eq!(human_size(1536 * 1024), "1.5 MB");
        assert_eq!(human_size(2048), "2 KB");
        assert_eq!(human_size(7), "7 字节");
    }

    #[test]
    fn too_large_names_the_limit() {
        let e = ImportError::TooLarge {
            file: "工资.xlsx".into(),
            bytes: 50 * 1024 * 1024,
        };
        let s = e.to_string();
        assert!(s.contains("50.0 MB") && s.contains("20 MB"), "{s}");
    }
}
