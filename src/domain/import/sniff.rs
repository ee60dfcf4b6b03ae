//! Guessing a file's format from its first bytes: encoding, separator, quote and
//! header row; and refusing what is not a CSV file at all (a workbook, a PDF, an
//! image) with a message that says what it looks like.

use std::cmp::Reverse;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::Encoding;

use super::format::{FileFormat, DELIMITERS};
use super::mapping::is_known_header;
use super::reader::{Item, RecordReader};
use super::ImportError;

/// Records looked at for the separator and the header.
const SNIFF_RECORDS: usize = 50;

/// The format the sample most likely has.
pub fn sniff(sample: &[u8]) -> Result<FileFormat, ImportError> {
    if sample.is_empty() {
        return Err(ImportError::Empty);
    }
    if let Some(kind) = binary_kind(sample) {
        return Err(ImportError::NotCsv(kind.into()));
    }
    let encoding = detect_encoding(sample);
    let (text, _) = encoding.decode_with_bom_removal(sample);
    if !looks_like_text(&text) {
        return Err(ImportError::NotCsv("a binary file, not text".into()));
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let lines = sample_records(&text);
    let delimiter = detect_delimiter(&lines);
    let quote = detect_quote(&lines, delimiter);
    let mut format = FileFormat { encoding, delimiter, quote, has_header: false };
    format.has_header = detect_header(&text, format);
    Ok(format)
}

/// Files people pick by mistake, by their first bytes.
fn binary_kind(sample: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"PK\x03\x04", "an Excel workbook (.xlsx) or another zip archive"),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an Excel 97-2003 workbook (.xls) or another Office document"),
        (b"%PDF", "a PDF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"7z\xBC\xAF", "a 7-Zip archive"),
        (b"Rar!", "a RAR archive"),
        (b"{\\rtf", "a Word (RTF) document"),
        (b"SQLite format 3", "a database file"),
    ];
    MAGIC.iter().find(|(magic, _)| sample.starts_with(magic)).map(|(_, kind)| *kind)
}

/// BOM, then UTF-16 without BOM (zero bytes in every other place), then UTF-8 if
/// the bytes are valid UTF-8, else the detector's best legacy guess.
fn detect_encoding(sample: &[u8]) -> &'static Encoding {
    if let Some((encoding, _)) = Encoding::for_bom(sample) {
        return encoding;
    }
    if let Some(encoding) = utf16_without_bom(sample) {
        return encoding;
    }
    match std::str::from_utf8(sample) {
        Ok(_) => return encoding_rs::UTF_8,
        // Cut inside the last character: the sample ends mid-file.
        Err(e) if e.error_len().is_none() => return encoding_rs::UTF_8,
        Err(_) => {}
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(sample, true);
    detector.guess(None, Utf8Detection::Deny)
}

/// Mostly-ASCII UTF-16 has a zero in every other byte.
fn utf16_without_bom(sample: &[u8]) -> Option<&'static Encoding> {
    let pairs = sample.len().min(4096) / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even_zero, mut odd_zero) = (0usize, 0usize);
    for pair in sample.chunks_exact(2).take(pairs) {
        even_zero += usize::from(pair.first() == Some(&0));
        odd_zero += usize::from(pair.get(1) == Some(&0));
    }
    let many = (pairs * 2 / 5).max(1);
    let few = pairs / 20;
    if odd_zero >= many && even_zero <= few {
        Some(encoding_rs::UTF_16LE)
    } else if even_zero >= many && odd_zero <= few {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Text has hardly any control characters: a stray NUL is a bad character of its row
/// (removed with a warning), many are a binary file.
fn looks_like_text(text: &str) -> bool {
    let mut chars = 0usize;
    let mut controls = 0usize;
    for c in text.chars() {
        chars += 1;
        if (c.is_control() && !matches!(c, '\t' | '\r' | '\n')) || c == '\u{FFFD}' {
            controls += 1;
        }
    }
    controls <= 8 || controls * 100 <= chars
}

/// The sample's first records as raw lines (a quoted line break stays inside its
/// record); the last one is dropped when the sample may have cut it.
fn sample_records(text: &str) -> Vec<&str> {
    let mut records = Vec::new();
    let mut in_quotes = false;
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\n' if !in_quotes => {
                let line = text.get(start..i).unwrap_or_default().trim_end_matches('\r');
                if !line.trim().is_empty() {
                    records.push(line);
                }
                start = i + 1;
                if records.len() >= SNIFF_RECORDS {
                    return records;
                }
            }
            _ => {}
        }
    }
    let last = text.get(start..).unwrap_or_default();
    if !last.trim().is_empty() && (records.is_empty() || !in_quotes) {
        records.push(last);
    }
    if records.len() > 2 && !text.ends_with('\n') {
        records.pop();
    }
    records
}

/// How a record splits on a separator (outside double quotes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Split {
    /// Values in the record.
    values: usize,
    /// Values up to the last non-empty one (at least 1): the reader drops empty
    /// values past the header's width, so only these can make a row too long.
    kept: usize,
}

/// Quote-aware, as the reader splits (a quoted separator is text).
fn split(record: &str, delimiter: u8) -> Split {
    let (mut in_quotes, mut values, mut kept, mut filled) = (false, 1usize, 1usize, false);
    for b in record.bytes() {
        if b == b'"' {
            in_quotes = !in_quotes;
        }
        if b == delimiter && !in_quotes {
            values += 1;
            filled = false;
        } else if !filled {
            filled = true;
            kept = values;
        }
    }
    Split { values, kept }
}

/// Separators from the one ties go to last to the one they go to first: a comma is
/// the likeliest to sit inside a value (a decimal, an address, "Acme, Inc."), a tab
/// the least.
const TIE_ORDER: [u8; 4] = [b',', b'|', b';', b'\t'];

/// The separator that splits the first record (the header, or the first row) into
/// two or more values and the most later records into as many; ties go to fewer
/// records that would be too long, then to more columns, then by `TIE_ORDER`. A
/// separator merely common in the rows (decimal commas) does not count unless the
/// header has it too. When none splits the first record the file has one column:
/// the separator that cuts the fewest records, comma when none cuts any.
fn detect_delimiter(records: &[&str]) -> u8 {
    let Some((first, rest)) = records.split_first() else { return b',' };
    let mut best = None;
    let mut one_column = (usize::MAX, b',');
    for &(delimiter, _) in DELIMITERS {
        let width = split(first, delimiter).values;
        let (mut same_width, mut too_long) = (0usize, 0usize);
        for s in rest.iter().map(|r| split(r, delimiter)) {
            same_width += usize::from(s.values >= width && s.kept <= width);
            too_long += usize::from(s.kept > width);
        }
        if width < 2 {
            // Strictly fewer: ties keep the first seen, comma.
            if too_long < one_column.0 {
                one_column = (too_long, delimiter);
            }
            continue;
        }
        let rank = TIE_ORDER.iter().position(|&d| d == delimiter);
        let key = (same_width, Reverse(too_long), width, rank);
        if best.as_ref().is_none_or(|(k, _)| key > *k) {
            best = Some((key, delimiter));
        }
    }
    best.map_or(one_column.1, |(_, delimiter)| delimiter)
}

/// `'` when values are wrapped in single quotes and never in double ones.
fn detect_quote(records: &[&str], delimiter: u8) -> u8 {
    let (mut single, mut double) = (0usize, 0usize);
    for record in records {
        for cell in record.split(char::from(delimiter)) {
            let cell = cell.trim();
            if cell.len() >= 2 && cell.starts_with('\'') && cell.ends_with('\'') {
                single += 1;
            }
            if cell.starts_with('"') {
                double += 1;
            }
        }
    }
    if single >= 2 && double == 0 {
        b'\''
    } else {
        b'"'
    }
}

/// Whether the first record names the columns. It does not when it holds an email,
/// a phone number, a number or a date, nor when none of its names is a known field
/// name and one of them comes back as a value further down its column. A file that
/// gives no sign either way most often has a header: yes.
fn detect_header(text: &str, format: FileFormat) -> bool {
    let utf8 = FileFormat { encoding: encoding_rs::UTF_8, has_header: false, ..format };
    let mut records: Vec<Vec<String>> = Vec::new();
    let mut reader = RecordReader::new(utf8);
    let mut sink = |item: Item<'_>| {
        if let Item::Record(r) = item {
            if records.len() < SNIFF_RECORDS {
                records.push(r.to_strings());
            }
        }
    };
    reader.feed(text.as_bytes(), &mut sink);
    reader.finish(&mut sink);
    let Some((first, rest)) = records.split_first() else { return true };
    if first.iter().any(|c| looks_like_data(c)) {
        return false;
    }
    if first.iter().any(|c| is_known_header(c)) {
        return true;
    }
    let repeats_below = first.iter().enumerate().any(|(i, name)| {
        !name.trim().is_empty() && rest.iter().any(|row| row.get(i).is_some_and(|v| v.trim() == name.trim()))
    });
    !repeats_below
}

/// An email, a phone number, a number or a date: what a header never is.
fn looks_like_data(cell: &str) -> bool {
    let cell = cell.trim();
    if cell.is_empty() {
        return false;
    }
    let digits = cell.bytes().filter(u8::is_ascii_digit).count();
    let is_email = cell.contains('@') && cell.contains('.') && !cell.contains(' ');
    let is_phone = digits >= 6 && cell.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c));
    let is_number = cell.replace(',', ".").parse::<f64>().is_ok();
    let is_date = digits >= 4 && cell.chars().all(|c| c.is_ascii_digit() || "-/. :T".contains(c));
    is_email || is_phone || is_number || is_date
}
