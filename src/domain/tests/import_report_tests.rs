//! The xlsx report, read back with calamine.

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Reader, Xlsx};

use crate::domain::import::{write_report, DedupField, ImportContext};
use crate::domain::ContactField as F;

use super::import_support::import;

fn sheet(bytes: &[u8], name: &str) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap_or_else(|e| panic!("open: {e}"));
    let range = book.worksheet_range(name).unwrap_or_else(|e| panic!("{name}: {e}"));
    range.rows().map(|row| row.iter().map(|c| c.to_string()).collect()).collect()
}

#[test]
fn report_lists_failed_rows_and_duplicates_with_their_values() {
    let csv = "First Name,Email,Phone,Note\n\
               Ann,ann@example.com,+39 333 1234567,=HYPERLINK(\"http://x\")\n\
               Bob,bob@,+39 333 7654321,\n\
               Ann,ANN@example.com,393331234567,again\n";
    let dedupe = [DedupField::Field(F::Email), DedupField::Field(F::Phone)];
    let out = import(csv.as_bytes(), 8, &ImportContext::default(), &dedupe);
    let bytes = write_report(out.run.headers(), out.run.problems(), out.run.warnings()).unwrap_or_else(|e| panic!("{e}"));
    let failed = sheet(&bytes, "Failed rows");
    assert_eq!(failed.first().map(|r| r.join("|")), Some("Row|Reason|First Name|Email|Phone|Note".to_owned()));
    // Bob is imported without his email: not a failed row, a warning.
    assert_eq!(failed.len(), 1, "{failed:?}");
    let warnings = sheet(&bytes, "Warnings");
    let bob = warnings.get(1).map(|r| r.join("|"));
    assert!(bob.as_deref().is_some_and(|r| r.starts_with("3|Email|Email|bob@|")), "{warnings:?}");
    let dups = sheet(&bytes, "Duplicates");
    assert_eq!(dups.len(), 2);
    let ann = dups.get(1).cloned().unwrap_or_default();
    assert_eq!(ann.join("|"), "4|duplicate of row 2 of this file|Ann|ANN@example.com|393331234567|again");
}

#[test]
fn values_stay_text_and_long_values_are_cut_to_a_cell() {
    let long = "y".repeat(40_000);
    let csv = format!("First Name,Note\n,=1+2\n,{long}\n");
    let out = import(csv.as_bytes(), 1 << 20, &ImportContext::default(), &[]);
    let bytes = write_report(out.run.headers(), out.run.problems(), out.run.warnings()).unwrap_or_else(|e| panic!("{e}"));
    let failed = sheet(&bytes, "Failed rows");
    assert_eq!(failed.get(1).and_then(|r| r.get(3)).map(String::as_str), Some("=1+2"));
    assert_eq!(failed.get(2).and_then(|r| r.get(3)).map(String::len), Some(32_767));
    assert_eq!(sheet(&bytes, "Duplicates").len(), 1, "header only");
}
