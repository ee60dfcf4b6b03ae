//! The rows an import left out and why, and the values it left out of rows it did
//! import (warnings), in words, with their original text; kept up to a cap so a file
//! of bad rows cannot exhaust memory (what is not kept is still counted).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::dedupe::Origin;
use crate::domain::text::quoted;

/// Most problem rows kept for the report (the counts go on past it).
pub const MAX_PROBLEM_ROWS: usize = 100_000;
/// Most text kept for problem rows in all.
pub const MAX_PROBLEM_BYTES: usize = 64 << 20;
/// Longest text a spreadsheet cell holds (Excel's limit); longer values are cut.
pub const MAX_CELL_CHARS: usize = 32_767;

/// What kind of problem, for counting ("Email not valid: 1,204 rows").
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FailureKind {
    WrongValueCount,
    /// Fewer values than columns: the missing cells were read as empty.
    ShortRow,
    UnclosedQuote,
    TooLong,
    NotText,
    /// A required field is empty (its label).
    Required(Box<str>),
    /// A field's value is not valid (its label).
    Invalid(Box<str>),
    UnknownTag,
    /// Digits valid both as a national and an international number (its field's label).
    AmbiguousPhone(Box<str>),
}

impl std::fmt::Display for FailureKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FailureKind::WrongValueCount => f.write_str("more values than columns"),
            FailureKind::ShortRow => f.write_str("fewer values than columns"),
            FailureKind::UnclosedQuote => f.write_str("quote never closed"),
            FailureKind::TooLong => f.write_str("row too long"),
            FailureKind::NotText => f.write_str("text not valid in the chosen encoding"),
            FailureKind::Required(field) => write!(f, "{field} missing"),
            FailureKind::Invalid(field) => write!(f, "{field} not valid"),
            FailureKind::UnknownTag => f.write_str("unknown tag"),
            FailureKind::AmbiguousPhone(field) => write!(f, "{field} read as a national number"),
        }
    }
}

/// One reason a row failed, or one value left out of (or read differently in) a row
/// that was imported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failure {
    /// The CSV column's header, when one column is at fault.
    pub column: Option<Box<str>>,
    /// The app field's label, when one field is at fault.
    pub field: Option<Box<str>>,
    pub kind: FailureKind,
    pub reason: String,
    /// The text the file held for that field (empty when no single value is at fault).
    pub value: Box<str>,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.column, &self.field) {
            (Some(column), Some(field)) => write!(f, "{field} (column {}): {}", quoted(column), self.reason),
            (Some(column), None) => write!(f, "column {}: {}", quoted(column), self.reason),
            (None, Some(field)) => write!(f, "{field}: {}", self.reason),
            (None, None) => f.write_str(&self.reason),
        }
    }
}

/// Why a row was not imported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    /// Every reason, in column order (never empty).
    Failed(Vec<Failure>),
    Duplicate { of: Origin },
}

impl Problem {
    pub fn is_duplicate(&self) -> bool {
        matches!(self, Problem::Duplicate { .. })
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Failed(failures) => {
                for (i, failure) in failures.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{failure}")?;
                }
                Ok(())
            }
            Problem::Duplicate { of } => write!(f, "duplicate of {of}"),
        }
    }
}

/// A row left out, with its values as the file had them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemRow {
    pub row: u64,
    pub line: u64,
    pub cells: Vec<Box<str>>,
    pub problem: Problem,
}

/// A value cut to what a spreadsheet cell holds.
pub fn cap_cell(value: &str) -> Box<str> {
    match value.char_indices().nth(MAX_CELL_CHARS) {
        Some((cut, _)) => value.get(..cut).unwrap_or_default().into(),
        None => value.into(),
    }
}

/// A row that was imported without some of its values (or with a value read one of
/// two possible ways): every such value, with its column, text and reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarningRow {
    pub row: u64,
    pub line: u64,
    /// Never empty.
    pub warnings: Vec<Failure>,
}

/// The problem and warning rows kept so far, and counts of all.
#[derive(Debug, Default)]
pub struct ProblemLog {
    rows: Vec<ProblemRow>,
    bytes: usize,
    not_kept: u64,
    /// Failed rows per reason: a row with two reasons counts under both.
    kinds: HashMap<FailureKind, u64>,
    warnings: Vec<WarningRow>,
    warning_rows: u64,
    warnings_not_kept: u64,
    /// Imported rows per warning reason: a row counts once under each of its reasons.
    warning_kinds: HashMap<FailureKind, u64>,
}

impl ProblemLog {
    /// Notes a problem row; its cells are kept while the caps allow.
    pub fn push<'a>(&mut self, row: u64, line: u64, cells: impl IntoIterator<Item = &'a str>, problem: Problem) {
        if let Problem::Failed(failures) = &problem {
            count_kinds(&mut self.kinds, failures);
        }
        if self.rows.len() >= MAX_PROBLEM_ROWS || self.bytes >= MAX_PROBLEM_BYTES {
            self.not_kept += 1;
            return;
        }
        let cells: Vec<Box<str>> = cells.into_iter().map(cap_cell).collect();
        self.bytes += cells.iter().map(|c| c.len() + 16).sum::<usize>() + 64;
        self.rows.push(ProblemRow { row, line, cells, problem });
    }

    /// Notes the warnings of a row that was imported (`warnings` not empty).
    pub fn warn(&mut self, row: u64, line: u64, warnings: Vec<Failure>) {
        if warnings.is_empty() {
            return;
        }
        self.warning_rows += 1;
        count_kinds(&mut self.warning_kinds, &warnings);
        if self.warnings.len() >= MAX_PROBLEM_ROWS || self.bytes >= MAX_PROBLEM_BYTES {
            self.warnings_not_kept += 1;
            return;
        }
        let warnings: Vec<Failure> = warnings.into_iter().map(|w| Failure { value: cap_cell(&w.value), ..w }).collect();
        self.bytes += warnings.iter().map(|w| w.value.len() + w.reason.len() + 64).sum::<usize>();
        self.warnings.push(WarningRow { row, line, warnings });
    }

    pub fn rows(&self) -> &[ProblemRow] {
        &self.rows
    }

    /// Imported rows with warnings, in file order (up to the caps).
    pub fn warnings(&self) -> &[WarningRow] {
        &self.warnings
    }

    /// The rows kept: problems, then warnings.
    pub fn into_rows(self) -> (Vec<ProblemRow>, Vec<WarningRow>) {
        (self.rows, self.warnings)
    }

    /// Problem rows counted but not kept (past the caps).
    pub fn not_kept(&self) -> u64 {
        self.not_kept
    }

    /// Warning rows counted but not kept (past the caps).
    pub fn warnings_not_kept(&self) -> u64 {
        self.warnings_not_kept
    }

    /// Imported rows that have at least one warning.
    pub fn warning_rows(&self) -> u64 {
        self.warning_rows
    }

    /// Failed rows by reason, most frequent first (a row counts under each reason).
    pub fn failed_by_kind(&self) -> Vec<(FailureKind, u64)> {
        sorted_counts(&self.kinds)
    }

    /// Rows imported with warnings by reason, most frequent first.
    pub fn warned_by_kind(&self) -> Vec<(FailureKind, u64)> {
        sorted_counts(&self.warning_kinds)
    }
}

/// Adds one to each distinct kind among `problems` (one row's).
fn count_kinds(counts: &mut HashMap<FailureKind, u64>, problems: &[Failure]) {
    for (i, p) in problems.iter().enumerate() {
        if !problems[..i].iter().any(|q| q.kind == p.kind) {
            *counts.entry(p.kind.clone()).or_insert(0) += 1;
        }
    }
}

fn sorted_counts(counts: &HashMap<FailureKind, u64>) -> Vec<(FailureKind, u64)> {
    let mut kinds: Vec<(FailureKind, u64)> = counts.iter().map(|(k, n)| (k.clone(), *n)).collect();
    kinds.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    kinds
}
