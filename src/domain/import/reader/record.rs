//! What the reader hands out: records borrowed from it, and records that failed, with
//! why in words.

use super::super::format::encoding_label;
use super::MAX_RECORD_BYTES;

/// One record, borrowed from the reader until the callback returns.
#[derive(Clone, Copy, Debug)]
pub struct Record<'a> {
    /// The spreadsheet row: the first line of the file is row 1; blank lines count.
    pub row: u64,
    /// The line the record starts on (a quoted value may span several).
    pub line: u64,
    pub(super) text: &'a str,
    pub(super) ends: &'a [usize],
    pub(super) missing: usize,
}

impl<'a> Record<'a> {
    pub fn len(&self) -> usize {
        self.ends.len()
    }
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
    /// The value of column `i` (from 0), as written (not trimmed).
    pub fn get(&self, i: usize) -> Option<&'a str> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { *self.ends.get(i - 1)? };
        self.text.get(start..end)
    }
    pub fn iter(&self) -> impl Iterator<Item = &'a str> + '_ {
        (0..self.len()).map(|i| self.get(i).unwrap_or(""))
    }
    pub fn to_strings(&self) -> Vec<String> {
        self.iter().map(str::to_owned).collect()
    }
    /// How many values the record lacks to be as wide as the header (or the first
    /// row): 0 for a complete record. The missing ones read as absent (`get` gives None).
    pub fn missing_values(&self) -> usize {
        self.missing
    }
}

/// Why a record could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadProblem {
    /// More values than the header (or first row) has; `header`: the first row is
    /// a header (else it is the first data row).
    WrongCount { values: usize, expected: usize, header: bool },
    /// `lost_lines`: lines after it that were not read again (only in a file with
    /// more unclosed quotes than `MAX_REPLAY_BYTES` allows re-reading).
    UnclosedQuote { line: u64, lost_lines: u64 },
    /// `column` (from 0) is the record's longest value.
    TooLong { bytes: u64, column: usize, column_bytes: u64 },
    /// `column` (from 0) holds bytes the encoding does not allow.
    NotText { column: usize, encoding: &'static str },
}

impl ReadProblem {
    /// The problem in words, naming columns with `column_name` (given an index from 0).
    pub fn describe(&self, column_name: impl Fn(usize) -> String) -> String {
        match self {
            ReadProblem::WrongCount { values, expected, header } => format!(
                "row has {} {}; the {} has {expected}",
                values,
                if *values == 1 { "value" } else { "values" },
                if *header { "header" } else { "first row" }
            ),
            ReadProblem::UnclosedQuote { line, lost_lines: 0 } => format!(
                "the quote opened on line {line} is never closed: reading went on at the next line"
            ),
            ReadProblem::UnclosedQuote { line, lost_lines } => format!(
                "the quote opened on line {line} is never closed, and the {lost_lines} lines after it were not read: this file has too many unclosed quotes"
            ),
            ReadProblem::TooLong { bytes, column, column_bytes } if column_bytes.saturating_mul(2) >= *bytes => format!(
                "the value in {} is {}; the longest row accepted is {}",
                column_name(*column),
                size(*column_bytes),
                size(MAX_RECORD_BYTES as u64)
            ),
            ReadProblem::TooLong { bytes, .. } => {
                format!("the row is {}; the longest accepted is {}", size(*bytes), size(MAX_RECORD_BYTES as u64))
            }
            ReadProblem::NotText { column, encoding } if *encoding == encoding_label(encoding_rs::UTF_8) => format!(
                "the value in {} is not valid UTF-8 text: the file may use another encoding, such as Windows-1252; choose it in the import options",
                column_name(*column)
            ),
            ReadProblem::NotText { column, encoding } => format!(
                "the value in {} has bytes that are not valid in {encoding}: choose another encoding in the import options",
                column_name(*column)
            ),
        }
    }
}

impl std::fmt::Display for ReadProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(|i| format!("column {}", i + 1)))
    }
}

/// "10.0 MB", "512 KB": sizes in words for messages.
pub fn size(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1_048_576.0)
    } else if bytes >= 1_000 {
        format!("{} KB", bytes / 1_024)
    } else {
        format!("{bytes} bytes")
    }
}

/// A record that failed to read, with what could be recovered of its values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FailedRecord {
    pub row: u64,
    pub line: u64,
    pub problem: ReadProblem,
    pub cells: Vec<String>,
}

/// What the reader hands out.
#[derive(Debug)]
pub enum Item<'a> {
    /// The first record of a file whose format says it has a header.
    Header(Record<'a>),
    Record(Record<'a>),
    Failed(FailedRecord),
}

/// The record's values as text, or the first column (from 0) that is not valid UTF-8.
pub(super) fn as_text<'a>(out: &'a [u8], ends: &[usize]) -> Result<&'a str, usize> {
    if let Ok(text) = std::str::from_utf8(out) {
        if ends.iter().all(|&e| text.is_char_boundary(e)) {
            return Ok(text);
        }
    }
    let mut start = 0;
    for (i, &end) in ends.iter().enumerate() {
        if std::str::from_utf8(out.get(start..end).unwrap_or_default()).is_err() {
            return Err(i);
        }
        start = end;
    }
    Err(0)
}

pub(super) fn split_lossy(out: &[u8], ends: &[usize]) -> Vec<String> {
    let mut start = 0;
    ends.iter()
        .map(|&end| {
            let cell = String::from_utf8_lossy(out.get(start..end).unwrap_or_default()).into_owned();
            start = end;
            cell
        })
        .collect()
}
