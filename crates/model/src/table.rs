//! The reference tables under `data/` (counties, townships, minimum wages) read as CSV
//! (RFC 4180: a header row, fields separated by commas, a field in double quotes may hold commas,
//! line breaks and `""` for a quote).
//!
//! These files are ours and small; a reader of this size keeps the `csv` crate (≈12 KB of wasm)
//! out of the page, which parses them at start. Spreadsheets users import are read by
//! `bangfu-io` in its own worker, with the `csv` crate.

/// A table: the header row and the data rows, each row's fields in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// Reads CSV text. Line breaks may be `\n` or `\r\n`; blank lines are skipped.
    ///
    /// # Errors
    /// A message naming the line when a quoted field is not closed.
    ///
    /// # Example
    /// ```
    /// use bangfu_model::table::Table;
    /// let t = Table::read("code,name,note\n1501,呼和浩特市,\"a, b\"\n").unwrap();
    /// assert_eq!(t.headers, ["code", "name", "note"]);
    /// assert_eq!(t.rows, [["1501", "呼和浩特市", "a, b"]]);
    /// assert_eq!(t.column("name"), Some(1));
    /// ```
    pub fn read(text: &str) -> Result<Table, String> {
        let mut records: Vec<Vec<String>> = Vec::new();
        let mut record: Vec<String> = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut line = 1;
        let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => {
                    if c == '\n' {
                        line += 1;
                    }
                    field.push(c);
                }
                (false, '"') if field.is_empty() => quoted = true,
                (false, ',') => record.push(std::mem::take(&mut field)),
                (false, '\r') if chars.peek() == Some(&'\n') => {}
                (false, '\n') => {
                    line += 1;
                    record.push(std::mem::take(&mut field));
                    if !(record.len() == 1 && record[0].is_empty()) {
                        records.push(std::mem::take(&mut record));
                    }
                    record.clear();
                }
                (false, c) => field.push(c),
            }
        }
        if quoted {
            return Err(format!("line {line}: a quoted field is not closed"));
        }
        if !field.is_empty() || !record.is_empty() {
            record.push(field);
            records.push(record);
        }
        let mut records = records.into_iter();
        Ok(Table {
            headers: records.next().unwrap_or_default(),
            rows: records.collect(),
        })
    }

    /// Field `column` of `row`, trimmed; empty when the row is shorter.
    pub fn field(row: &[String], column: usize) -> &str {
        row.get(column).map_or("", |f| f.trim())
    }

    /// The index of the column headed `name`.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_commas_line_breaks_and_blank_lines() {
        let t = Table::read("a,b\r\n\"x \"\"y\"\", z\",2\n\n\"two\nlines\",\n3,4").unwrap();
        assert_eq!(t.headers, ["a", "b"]);
        assert_eq!(
            t.rows,
            [
                vec!["x \"y\", z".to_owned(), "2".to_owned()],
                vec!["two\nlines".to_owned(), String::new()],
                vec!["3".to_owned(), "4".to_owned()],
            ]
        );
    }

    #[test]
    fn an_unclosed_quote_is_an_error_naming_the_line() {
        assert_eq!(
            Table::read("a\n\"b\n").unwrap_err(),
            "line 3: a quoted field is not closed"
        );
        assert_eq!(Table::read("").unwrap(), Table::default());
    }
}
