//! A small RFC 4180 CSV reader: quoted fields, doubled quotes, embedded commas and
//! line breaks. Each record remembers the line it starts on, for error messages.

use crate::{Error, Result};

/// One record: its fields and the 1-based line it starts on.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Every record of `text`. Lines end with `\n` or `\r\n`; a final line break is
/// optional; blank lines between records are skipped; a leading byte-order mark is
/// ignored.
///
/// **Errors** ([`Error::Parse`] on `line N`): a quote inside an unquoted field, text
/// after a closing quote, or a quoted field still open at the end of the text.
pub(crate) fn read_records(text: &str) -> Result<Vec<Record>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1usize;
    loop {
        // Skip blank lines between records.
        while let Some(&ch) = chars.peek() {
            if ch == '\n' {
                line += 1;
                chars.next();
            } else if ch == '\r' {
                chars.next();
            } else {
                break;
            }
        }
        if chars.peek().is_none() {
            return Ok(records);
        }
        let start = line;
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut quoted = false; // inside quotes
        let mut was_quoted = false; // this field started with a quote
        loop {
            let Some(ch) = chars.next() else {
                if quoted {
                    return Err(Error::parse(
                        format!("line {start}"),
                        "a quoted field is never closed; check for a missing \"",
                    ));
                }
                fields.push(field);
                records.push(Record {
                    line: start,
                    fields,
                });
                return Ok(records);
            };
            if quoted {
                match ch {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => quoted = false,
                    '\n' => {
                        line += 1;
                        field.push('\n');
                    }
                    _ => field.push(ch),
                }
                continue;
            }
            match ch {
                ',' => {
                    fields.push(std::mem::take(&mut field));
                    was_quoted = false;
                }
                '\r' if chars.peek() == Some(&'\n') => {}
                '\n' => {
                    line += 1;
                    break;
                }
                '"' if field.is_empty() && !was_quoted => {
                    quoted = true;
                    was_quoted = true;
                }
                '"' => {
                    return Err(Error::parse(
                        format!("line {line}"),
                        "a quote inside an unquoted field; quote the whole field and double the quote (\"\")",
                    ))
                }
                _ if was_quoted => {
                    return Err(Error::parse(
                        format!("line {line}"),
                        format!("text {ch:?} after a closing quote; a quoted field must end at a comma or line end"),
                    ))
                }
                _ => field.push(ch),
            }
        }
        fields.push(field);
        records.push(Record {
            line: start,
            fields,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<Vec<String>> {
        read_records(text)
            .unwrap()
            .into_iter()
            .map(|record| record.fields)
            .collect()
    }

    #[test]
    fn rfc_4180_cases() {
        assert_eq!(fields("a,b\r\n1,2"), [["a", "b"], ["1", "2"]]);
        assert_eq!(
            fields("\"x, y\",\"say \"\"hi\"\"\"\n"),
            [["x, y", "say \"hi\""]]
        );
        assert_eq!(fields("a,,\n"), [["a", "", ""]]);
        assert_eq!(fields("\"\",b"), [["", "b"]]);
    }

    #[test]
    fn embedded_newlines_keep_line_numbers() {
        let records = read_records("h1,h2\n\"two\nlines\",x\n\nlast,y\n").unwrap();
        assert_eq!(records[1].fields[0], "two\nlines");
        assert_eq!(records[1].line, 2);
        assert_eq!(records[2].line, 5);
    }

    #[test]
    fn malformed_quotes_name_the_line() {
        let err = read_records("a,b\nx\"y,z").unwrap_err();
        assert_eq!(err.field(), "line 2");
        let err = read_records("a,b\n\"x\"y,z").unwrap_err();
        assert_eq!(err.field(), "line 2");
        let err = read_records("a,b\n\"open,z\nmore").unwrap_err();
        assert_eq!(err.field(), "line 2");
        assert!(err.reason().contains("never closed"));
    }
}
