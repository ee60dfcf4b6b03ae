//! CSV exports that open safely in Excel: cells that a spreadsheet would run as a
//! formula are neutralised (OWASP CSV injection guidance), UTF-8 with a BOM by default
//! so accents show, `,` or `;` as separator.

use super::custom_field::{CustomField, FieldType};

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

/// A cell a spreadsheet would read as a formula gets a leading apostrophe: first
/// character `=`, `+`, `-`, `@`, tab or CR, also after leading spaces. A plain number
/// such as "-12.5" is left alone (it is data, not a formula).
pub fn neutralise_cell(value: &str) -> std::borrow::Cow<'_, str> {
    let first = value.trim_start_matches(' ').chars().next();
    let risky = matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r'));
    if risky && value.trim().parse::<f64>().is_err() {
        std::borrow::Cow::Owned(format!("'{value}"))
    } else {
        std::borrow::Cow::Borrowed(value)
    }
}

/// Writes a header and rows as CSV bytes, every cell neutralised.
pub fn write_csv<R, C>(options: CsvOptions, header: &[&str], rows: R) -> Vec<u8>
where
    R: IntoIterator<Item = C>,
    C: IntoIterator<Item = String>,
{
    let mut out = Vec::new();
    if options.bom {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut writer = csv::WriterBuilder::new().delimiter(options.separator).from_writer(out);
    // Writing into a Vec cannot fail; a failed record would only be missing.
    let _ = writer.write_record(header.iter().map(|h| neutralise_cell(h)).map(|c| c.into_owned()));
    for row in rows {
        let cells: Vec<String> = row.into_iter().map(|c| neutralise_cell(&c).into_owned()).collect();
        let _ = writer.write_record(&cells);
    }
    writer.into_inner().unwrap_or_default()
}

/// The Global custom fields export: alias, type, choices, required, click to action,
/// status.
pub fn fields_csv(options: CsvOptions, fields: &[&CustomField]) -> Vec<u8> {
    let header = ["Alias", "Type", "Choices", "Required", "Click to action", "Status"];
    let rows = fields.iter().map(|f| {
        let choices = match &f.field_type {
            FieldType::Select(c) => c.join(" | "),
            _ => String::new(),
        };
        let yes_no = |b: bool| if b { "yes" } else { "no" }.to_owned();
        vec![
            f.alias.to_string(),
            f.field_type.name().to_owned(),
            choices,
            yes_no(f.required),
            yes_no(f.click_to_action),
            if f.is_available() { "available" } else { "deleted" }.to_owned(),
        ]
    });
    write_csv(options, &header, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_numbers_kept() {
        for risky in ["=SUM(A1)", "+cmd", "-2+3", "@x", " =1+1", "\t=x", "\r=x"] {
            assert!(neutralise_cell(risky).starts_with('\''), "{risky:?}");
        }
        for safe in ["-12.5", "+39", "393331234567", "Anna", "a=b", ""] {
            assert_eq!(neutralise_cell(safe), safe);
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
}
