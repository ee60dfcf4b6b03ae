//! The check before Upload, in words: what the chosen mapping and options would do to
//! the file's first rows ("4,812 rows read: 4,790 would import, 14 with warnings (9
//! Phone, 5 Website), 8 would fail (First name missing)"), with a few examples.

use serde::{Deserialize, Serialize};

use super::problem::{FailureKind, Problem};
use super::run::ImportRun;

/// Examples of each sort shown under the sentence.
const EXAMPLES: usize = 5;

/// What a dry run found, ready to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckReport {
    pub rows_read: u64,
    pub would_import: u64,
    pub with_warnings: u64,
    pub duplicates: u64,
    pub failed: u64,
    /// The rows read are the whole file (else its first rows).
    pub whole_file: bool,
    pub failed_by_kind: Vec<(FailureKind, u64)>,
    pub warned_by_kind: Vec<(FailureKind, u64)>,
    /// "Row 7: Phone (column “Telefono”): the number is too short for its country".
    pub failure_examples: Vec<String>,
    pub warning_examples: Vec<String>,
    /// Tags the file names that do not exist yet.
    pub new_tags: Vec<String>,
}

impl CheckReport {
    pub fn of(run: &ImportRun, whole_file: bool) -> Self {
        let p = run.progress();
        let summary = run.summary(p.ready_so_far);
        let failure_examples = run
            .problems()
            .iter()
            .filter_map(|row| match &row.problem {
                Problem::Failed(_) => Some(format!("Row {}: {}", row.row, row.problem)),
                Problem::Duplicate { .. } => None,
            })
            .take(EXAMPLES)
            .collect();
        let warning_examples = run
            .warnings()
            .iter()
            .flat_map(|row| row.warnings.iter().map(move |w| format!("Row {}: {w}", row.row)))
            .take(EXAMPLES)
            .collect();
        Self {
            rows_read: p.rows_read,
            would_import: p.ready_so_far,
            with_warnings: p.warned,
            duplicates: p.duplicates_in_file + p.duplicates_existing,
            failed: p.failed,
            whole_file,
            failed_by_kind: summary.failed_by_kind,
            warned_by_kind: summary.warned_by_kind,
            failure_examples,
            warning_examples,
            new_tags: run.new_tags().iter().map(|t| t.to_string()).collect(),
        }
    }

    /// No row read would be imported: the mapping (or the file) is wrong.
    pub fn imports_nothing(&self) -> bool {
        self.rows_read > 0 && self.would_import == 0
    }

    /// The whole finding in one sentence.
    pub fn sentence(&self) -> String {
        let read = if self.whole_file {
            format!("{} read", rows(self.rows_read))
        } else {
            format!("The first {} read", rows(self.rows_read))
        };
        let mut parts = vec![format!("{} would import", grouped(self.would_import))];
        if self.with_warnings > 0 {
            parts.push(format!("{} with warnings ({})", grouped(self.with_warnings), kinds(&self.warned_by_kind)));
        }
        if self.duplicates > 0 {
            parts.push(format!("{} {}", grouped(self.duplicates), if self.duplicates == 1 { "duplicate" } else { "duplicates" }));
        }
        if self.failed > 0 {
            parts.push(format!("{} would fail ({})", grouped(self.failed), kinds(&self.failed_by_kind)));
        }
        format!("{read}: {}.", parts.join(", "))
    }
}

/// "9 Phone, 5 Website": a field's invalid values by the field's name, other reasons
/// in words; a single reason needs no count.
fn kinds(counts: &[(FailureKind, u64)]) -> String {
    if let [(kind, _)] = counts {
        return kind.to_string();
    }
    counts
        .iter()
        .map(|(kind, n)| match kind {
            FailureKind::Invalid(field) => format!("{} {field}", grouped(*n)),
            other => format!("{} {other}", grouped(*n)),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn rows(n: u64) -> String {
    format!("{} {}", grouped(n), if n == 1 { "row" } else { "rows" })
}

/// 4812 → "4,812".
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
