//! The first rows of a file as the chosen format reads them, for the wizard to show
//! before anything is imported, and the column names every later step uses.

use serde::{Deserialize, Serialize};

use std::collections::HashSet;

use super::format::FileFormat;
use super::ImportError;
use super::reader::{Item, RecordReader};
use crate::domain::text::quoted;

/// How much of a file the wizard reads for sniffing and preview. A sample shorter
/// than this is taken to be the whole file.
pub const SAMPLE_BYTES: usize = 64 * 1024;
/// Most read problems listed in a preview's notes.
const MAX_NOTES: usize = 10;
/// Most columns a file may have. Outlook's export, among the widest, has 90; HubSpot
/// exports with every property a few hundred. More is a file that is not a contact
/// list (or a sheet exported sideways), and its mapping would be thousands of rows.
pub const MAX_COLUMNS: usize = 1_000;

/// The file's first rows as text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preview {
    /// One name per column, unique, never empty.
    pub headers: Vec<String>,
    /// Data rows, each as wide as `headers`.
    pub rows: Vec<Vec<String>>,
    /// Things the user should know, in words.
    pub notes: Vec<String>,
    /// Why the file cannot be imported read this way, when it cannot.
    pub problem: Option<ImportError>,
}

/// Column names as the file gives them, made usable: an empty name becomes
/// "Column 3", a repeated one "Email (2)". The notes say what was renamed.
pub fn unique_headers<'a>(names: impl IntoIterator<Item = &'a str>) -> (Vec<String>, Vec<String>) {
    let mut headers: Vec<String> = Vec::new();
    // Lower-cased names taken so far: a wide file costs one lookup per column.
    let mut taken: HashSet<String> = HashSet::new();
    let mut notes = Vec::new();
    for (i, name) in names.into_iter().enumerate() {
        let name = name.trim();
        let mut unique = if name.is_empty() {
            notes.push(format!("Column {} has no name: it is called “Column {}”.", i + 1, i + 1));
            format!("Column {}", i + 1)
        } else {
            name.to_owned()
        };
        if taken.contains(&unique.to_ascii_lowercase()) {
            let base = unique.clone();
            let mut n = 2;
            while taken.contains(&unique.to_ascii_lowercase()) {
                unique = format!("{base} ({n})");
                n += 1;
            }
            notes.push(format!("More than one column is called {}: column {} is called {}.", quoted(&base), i + 1, quoted(&unique)));
        }
        taken.insert(unique.to_ascii_lowercase());
        headers.push(unique);
    }
    (headers, notes)
}

/// "Column 1", "Column 2", … for a file without a header row.
pub fn numbered_headers(width: usize) -> Vec<String> {
    (1..=width).map(|i| format!("Column {i}")).collect()
}

/// Reads up to `max_rows` data rows of `sample` (the file's first `SAMPLE_BYTES`, or
/// all of a smaller file) with `format`.
pub fn preview(sample: &[u8], format: &FileFormat, max_rows: usize) -> Preview {
    let mut preview = Preview::default();
    if let Err(e) = format.check() {
        preview.notes.push(format!("The file cannot be read this way: {e}."));
        return preview;
    }
    let mut problems = Vec::new();
    let mut more_problems = 0usize;
    let mut sink = |item: Item<'_>| match item {
        Item::Header(record) => {
            let (headers, notes) = unique_headers(record.iter());
            preview.headers = headers;
            preview.notes.extend(notes);
        }
        Item::Record(record) if preview.rows.len() < max_rows => preview.rows.push(record.to_strings()),
        Item::Record(_) => {}
        Item::Failed(failed) if problems.len() < MAX_NOTES => {
            problems.push(format!("Row {}: {}.", failed.row, failed.problem));
        }
        Item::Failed(_) => more_problems += 1,
    };
    let mut reader = RecordReader::new(*format);
    reader.feed(sample, &mut sink);
    let whole = sample.len() < SAMPLE_BYTES;
    if whole {
        reader.finish(&mut sink);
    }
    let no_row = preview.rows.is_empty() && problems.is_empty();
    if no_row && !whole {
        let unended = unended_first_record(sample, format);
        if preview.headers.is_empty() {
            preview.problem = Some(unended);
            return preview;
        }
        // The column names were read: the import can run and report the row it cannot read.
        preview.notes.push(format!("The first row after the column names does not end either: {unended}."));
    }
    if preview.headers.is_empty() {
        let width = preview.rows.iter().map(Vec::len).max().unwrap_or(0);
        preview.headers = numbered_headers(width);
    }
    let width = preview.headers.len();
    if width > MAX_COLUMNS {
        preview.problem = Some(ImportError::TooManyColumns { columns: width, max: MAX_COLUMNS });
    }
    for row in &mut preview.rows {
        row.resize(width, String::new());
    }
    preview.notes.extend(problems);
    if more_problems > 0 {
        preview.notes.push(format!("{more_problems} more rows of the preview cannot be read."));
    }
    preview
}

/// Why a full sample holds no whole record: a quote left open (an odd number of quote
/// characters), or a first line longer than the sample.
fn unended_first_record(sample: &[u8], format: &FileFormat) -> ImportError {
    let quotes = sample.iter().filter(|b| **b == format.quote).count();
    let limit_kb = SAMPLE_BYTES / 1024;
    if quotes % 2 == 1 { ImportError::QuoteNeverEnds { limit_kb } } else { ImportError::LineTooLong { limit_kb } }
}
