//! The import report the user downloads: an .xlsx workbook with the rows that were
//! not imported, each with its reason and its original values, so they can be fixed
//! in a spreadsheet and imported again.
//!
//! Every value is written as a string cell: a value like "=HYPERLINK(…)" shows as
//! text and never runs as a formula.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::problem::{cap_cell, ProblemRow, WarningRow};

/// Why the report could not be written (a workbook limit, in practice).
#[derive(Debug, thiserror::Error)]
#[error("the report could not be written: {0}")]
pub struct ReportError(String);

impl From<XlsxError> for ReportError {
    fn from(e: XlsxError) -> Self {
        ReportError(e.to_string())
    }
}

/// Rows a worksheet holds (Excel's limit), the header row included.
const MAX_SHEET_ROWS: usize = 1_048_576;
/// Columns a worksheet holds (Excel's limit).
const MAX_SHEET_COLUMNS: usize = 16_384;

/// A workbook with three sheets: "Failed rows" and "Duplicates" (columns "Row",
/// "Reason", then the file's own columns), and "Warnings": one line per value an
/// imported row was imported without or read one of two ways ("Row", "Column",
/// "Field", "Value", "Problem").
pub fn write_report(headers: &[String], problems: &[ProblemRow], warnings: &[WarningRow]) -> Result<Vec<u8>, ReportError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    for (name, duplicates) in [("Failed rows", false), ("Duplicates", true)] {
        let sheet = workbook.add_worksheet();
        sheet.set_name(name)?;
        let rows = problems.iter().filter(|p| p.problem.is_duplicate() == duplicates);
        write_sheet(sheet, &bold, headers, rows)?;
    }
    let sheet = workbook.add_worksheet();
    sheet.set_name("Warnings")?;
    write_warnings(sheet, &bold, warnings)?;
    Ok(workbook.save_to_buffer()?)
}

fn write_warnings(sheet: &mut Worksheet, bold: &Format, rows: &[WarningRow]) -> Result<(), XlsxError> {
    for (c, (title, width)) in [("Row", 8.0), ("Column", 24.0), ("Field", 20.0), ("Value", 30.0), ("Problem", 70.0)].into_iter().enumerate() {
        sheet.write_string_with_format(0, col(c), title, bold)?;
        sheet.set_column_width(col(c), width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let lines = rows.iter().flat_map(|r| r.warnings.iter().map(move |w| (r.row, w)));
    for (r, (row, warning)) in lines.take(MAX_SHEET_ROWS - 1).enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        sheet.write_number(r, 0, row as f64)?;
        let cells = [warning.column.as_deref().unwrap_or(""), warning.field.as_deref().unwrap_or(""), &warning.value, &warning.reason];
        for (c, text) in cells.into_iter().enumerate() {
            if !text.is_empty() {
                sheet.write_string(r, col(c + 1), &*cap_cell(text))?;
            }
        }
    }
    Ok(())
}

fn write_sheet<'a>(
    sheet: &mut Worksheet,
    bold: &Format,
    headers: &[String],
    rows: impl Iterator<Item = &'a ProblemRow>,
) -> Result<(), XlsxError> {
    let columns = headers.len().min(MAX_SHEET_COLUMNS - 2);
    let titles = ["Row", "Reason"].into_iter().chain(headers.iter().take(columns).map(String::as_str));
    for (c, title) in titles.enumerate() {
        sheet.write_string_with_format(0, col(c), &*cap_cell(title), bold)?;
    }
    sheet.set_column_width(0, 8)?;
    sheet.set_column_width(1, 60)?;
    for (c, h) in headers.iter().take(columns).enumerate() {
        let width = h.chars().count().clamp(12, 40);
        sheet.set_column_width(col(c + 2), width as f64)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (r, problem) in rows.take(MAX_SHEET_ROWS - 1).enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        sheet.write_number(r, 0, problem.row as f64)?;
        sheet.write_string(r, 1, &*cap_cell(&problem.problem.to_string()))?;
        // A row with more values than the header (a failed row) keeps them all,
        // up to the sheet's width.
        for (c, cell) in problem.cells.iter().take(MAX_SHEET_COLUMNS - 2).enumerate() {
            if !cell.is_empty() {
                sheet.write_string(r, col(c + 2), &*cap_cell(cell))?;
            }
        }
    }
    Ok(())
}

/// A column index within the sheet's limit (callers never pass more).
fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}
