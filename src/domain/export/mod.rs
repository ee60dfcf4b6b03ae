//! CSV exports that open safely in Excel: cells that a spreadsheet would run as a
//! formula are neutralised (OWASP CSV injection guidance), UTF-8 with a BOM by default
//! so accents show, `,` or `;` as separator.
//!
//! - `contacts`: a list's contacts (or any chosen contacts), in slices;
//! - `lists`: the lists table;
//! - `fields`: the Global custom fields table.

use std::borrow::Cow;

use super::text::{self, Lines};

pub mod contacts;
pub mod fields;
pub mod lists;

pub use contacts::ContactsExport;
pub use fields::fields_csv;
pub use lists::lists_csv;

/// How an export is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CsvOptions {
    pub separator: u8,
    /// Start with a UTF-8 byte order mark (Excel needs it to read UTF-8).
    pub bom: bool,
}

impl Default for CsvOptions {
    fn default() -> Self {
        Self { separator: b',', bom: true }
    }
}

/// The separators offered.
pub const SEPARATORS: [u8; 2] = [b',', b';'];

impl CsvOptions {
    /// The options as a setting: the separator, then "bom" or "plain" (",bom").
    pub fn to_setting(self) -> String {
        format!("{}{}", self.separator as char, if self.bom { "bom" } else { "plain" })
    }

    /// Reads `to_setting`'s text back; anything else gives the defaults.
    pub fn from_setting(text: &str) -> Self {
        let mut chars = text.chars();
        let separator = chars.next().and_then(|c| u8::try_from(c).ok()).filter(|b| SEPARATORS.contains(b));
        match (separator, chars.as_str()) {
            (Some(separator), "bom") => Self { separator, bom: true },
            (Some(separator), "plain") => Self { separator, bom: false },
            _ => Self::default(),
        }
    }

    /// A CSV writer with these options into `out` (the BOM is the caller's).
    pub(crate) fn writer(self, out: Vec<u8>) -> csv::Writer<Vec<u8>> {
        csv::WriterBuilder::new().delimiter(self.separator).from_writer(out)
    }

    /// The bytes a file starts with: the BOM, or nothing.
    pub(crate) fn preamble(self) -> Vec<u8> {
        if self.bom { "\u{feff}".as_bytes().to_vec() } else { Vec::new() }
    }
}

/// Whether a spreadsheet would run the cell as a formula: first character `=`, `+`,
/// `-`, `@`, tab or CR, also after leading spaces, unless it is a plain number.
fn is_risky(value: &str) -> bool {
    let rest = value.trim_start_matches(' ');
    matches!(rest.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r')) && !is_plain_number(rest.trim_end())
}

/// "-12.5", "+39", "-3,5": a sign, digits and at most one decimal point or comma.
fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    let mut seps = 0;
    !digits.is_empty()
        && digits.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && digits.bytes().all(|b| match b {
            b'0'..=b'9' => true,
            b'.' | b',' => {
                seps += 1;
                seps == 1
            }
            _ => false,
        })
}

/// A cell that `neutralise_cell` protected: an apostrophe before a risky value (or
/// before another protected one, so a value that really starts with "'=" survives).
fn is_protected(value: &str) -> bool {
    value.strip_prefix('\'').is_some_and(|rest| is_risky(rest) || is_protected(rest))
}

/// A cell a spreadsheet would read as a formula gets a leading apostrophe: first
/// character `=`, `+`, `-`, `@`, tab or CR, also after leading spaces. A plain number
/// such as "-12.5" is left alone (it is data, not a formula). `unneutralise_cell`
/// gives the value back exactly. Control and text-reversing characters are left out.
pub fn neutralise_cell(value: &str) -> Cow<'_, str> {
    // Control and direction characters in data stored before they were refused.
    let value = text::cleaned(value, Lines::AsIs);
    if is_risky(&value) || is_protected(&value) {
        Cow::Owned(format!("'{value}"))
    } else {
        value
    }
}

/// The value `neutralise_cell` was given (the import reads exports back with it).
pub fn unneutralise_cell(cell: &str) -> &str {
    if is_protected(cell) { &cell[1..] } else { cell }
}

/// Writes a header and rows as CSV bytes, every cell neutralised.
pub fn write_csv<R, C>(options: CsvOptions, header: &[&str], rows: R) -> Vec<u8>
where
    R: IntoIterator<Item = C>,
    C: IntoIterator<Item = String>,
{
    let mut writer = options.writer(options.preamble());
    write_row(&mut writer, header.iter().copied());
    for row in rows {
        let cells: Vec<String> = row.into_iter().collect();
        write_row(&mut writer, cells.iter().map(String::as_str));
    }
    finish(writer)
}

/// Writes one record, every cell neutralised. Writing into a Vec cannot fail.
pub(crate) fn write_row<'a>(writer: &mut csv::Writer<Vec<u8>>, cells: impl Iterator<Item = &'a str>) {
    let _ = writer.write_record(cells.map(neutralise_cell).map(|c| match c {
        Cow::Borrowed(s) => Cow::Borrowed(s.as_bytes()),
        Cow::Owned(s) => Cow::Owned(s.into_bytes()),
    }));
}

/// The bytes written (a Vec writer cannot fail to flush).
pub(crate) fn finish(writer: csv::Writer<Vec<u8>>) -> Vec<u8> {
    writer.into_inner().unwrap_or_default()
}

/// A file name from a user's name for a thing ("Sales: Q1/2026" -> "Sales Q1 2026.csv"):
/// characters file systems refuse become spaces.
pub fn csv_file_name(name: &str) -> String {
    let cleaned: String = name.chars().map(|c| if c.is_control() || text::is_direction_control(c) || "\\/:*?\"<>|".contains(c) { ' ' } else { c }).collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let stem = words.join(" ");
    let stem = stem.trim_matches('.');
    format!("{}.csv", if stem.is_empty() { "export" } else { stem })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_numbers_kept() {
        for risky in ["=SUM(A1)", "+cmd", "-2+3", "@x", " =1+1", "   @SUM(1)", "\t=x", "\r=x", "-inf", "+NaN", "- 1", "'=x"] {
            assert!(neutralise_cell(risky).starts_with('\''), "{risky:?}");
            assert_eq!(unneutralise_cell(&neutralise_cell(risky)), risky);
        }
        for safe in ["-12.5", "+39", "-3,5", "393331234567", "Anna", "a=b", "", "'quoted'", "'", "it's", "''+1"] {
            assert_eq!(neutralise_cell(safe), safe);
            assert_eq!(unneutralise_cell(safe), safe);
        }
    }

    #[test]
    fn csv_has_bom_separator_quotes_and_safe_cells() {
        let bytes = write_csv(CsvOptions { separator: b';', bom: true }, &["Name", "Note"], [vec!["Zoë".to_owned(), "=HYPERLINK(\"x\")".to_owned()], vec!["A;B".into(), "line\nbreak".into()]]);
        let text = String::from_utf8(bytes).expect("utf8");
        assert_eq!(text, "\u{feff}Name;Note\nZoë;\"'=HYPERLINK(\"\"x\"\")\"\n\"A;B\";\"line\nbreak\"\n");
        let plain = write_csv(CsvOptions { separator: b',', bom: false }, &["A"], [vec!["1".to_owned()]]);
        assert_eq!(plain, b"A\n1\n");
    }

    #[test]
    fn options_are_remembered_as_text() {
        for o in [CsvOptions::default(), CsvOptions { separator: b';', bom: false }, CsvOptions { separator: b',', bom: false }] {
            assert_eq!(CsvOptions::from_setting(&o.to_setting()), o);
        }
        assert_eq!(CsvOptions::from_setting("|bom"), CsvOptions::default());
        assert_eq!(CsvOptions::from_setting(""), CsvOptions::default());
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(csv_file_name("Sales: Q1/2026"), "Sales Q1 2026.csv");
        assert_eq!(csv_file_name("Città"), "Città.csv");
        assert_eq!(csv_file_name(" .. "), "export.csv");
    }
}
