//! The rows an import left out and why, in words, with their original values; kept
//! up to a cap so a file of bad rows cannot exhaust memory (what is not kept is
//! still counted).

use std::collections::HashMap;

use super::dedupe::Origin;

/// Most problem rows kept for the report (the counts go on past it).
pub const MAX_PROBLEM_ROWS: usize = 100_000;
/// Most text kept for problem rows in all.
pub const MAX_PROBLEM_BYTES: usize = 64 << 20;
/// Longest text a spreadsheet cell holds (Excel's limit); longer values are cut.
pub const MAX_CELL_CHARS: usize = 32_767;

/// What kind of failure, for counting ("Email not valid: 1,204 rows").
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FailureKind {
    WrongValueCount,
    UnclosedQuote,
    TooLong,
    NotText,
    /// A required field is empty (its label).
    Required(Box<str>),
    /// A field's value is not valid (its label).
    Invalid(Box<str>),
    UnknownTag,
}

impl std::fmt::Display for FailureKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FailureKind::WrongValueCount => f.write_str("wrong number of values"),
            FailureKind::UnclosedQuote => f.write_str("quote never closed"),
            FailureKind::TooLong => f.write_str("row too long"),
            FailureKind::NotText => f.write_str("text not valid in the chosen encoding"),
            FailureKind::Required(field) => write!(f, "{field} missing"),
            FailureKind::Invalid(field) => write!(f, "{field} not valid"),
            FailureKind::UnknownTag => f.write_str("unknown tag"),
        }
    }
}

/// One reason a row failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The CSV column's header, when one column is at fault.
    pub column: Option<Box<str>>,
    /// The app field's label, when one field is at fault.
    pub field: Option<Box<str>>,
    pub kind: FailureKind,
    pub reason: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.column, &self.field) {
            (Some(column), Some(field)) => write!(f, "{field} (column “{column}”): {}", self.reason),
            (Some(column), None) => write!(f, "column “{column}”: {}", self.reason),
            (None, Some(field)) => write!(f, "{field}: {}", self.reason),
            (None, None) => f.write_str(&self.reason),
        }
    }
}

/// Why a row was not imported.
#[derive(Clone, Debug, PartialEq, Eq)]
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
#[derive(Clone, Debug, PartialEq, Eq)]
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

/// The problem rows kept so far, and counts of all.
#[derive(Debug, Default)]
pub struct ProblemLog {
    rows: Vec<ProblemRow>,
    bytes: usize,
    not_kept: u64,
    kinds: HashMap<FailureKind, u64>,
}

impl ProblemLog {
    /// Notes a problem row; its cells are kept while the caps allow.
    pub fn push<'a>(&mut self, row: u64, line: u64, cells: impl IntoIterator<Item = &'a str>, problem: Problem) {
        if let Problem::Failed(failures) = &problem {
            if let Some(first) = failures.first() {
                *self.kinds.entry(first.kind.clone()).or_insert(0) += 1;
            }
        }
        if self.rows.len() >= MAX_PROBLEM_ROWS || self.bytes >= MAX_PROBLEM_BYTES {
            self.not_kept += 1;
            return;
        }
        let cells: Vec<Box<str>> = cells.into_iter().map(cap_cell).collect();
        self.bytes += cells.iter().map(|c| c.len() + 16).sum::<usize>() + 64;
        self.rows.push(ProblemRow { row, line, cells, problem });
    }

    pub fn rows(&self) -> &[ProblemRow] {
        &self.rows
    }

    /// Problem rows counted but not kept (past the caps).
    pub fn not_kept(&self) -> u64 {
        self.not_kept
    }

    /// Failed rows by the kind of their first failure, most frequent first.
    pub fn failed_by_kind(&self) -> Vec<(FailureKind, u64)> {
        let mut kinds: Vec<(FailureKind, u64)> = self.kinds.iter().map(|(k, n)| (k.clone(), *n)).collect();
        kinds.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        kinds
    }
}
