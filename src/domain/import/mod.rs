//! CSV import: the plain-Rust pipeline behind the import wizard.
//!
//! sniff (encoding, separator, quote, header) → preview → map columns to fields →
//! read the whole file in chunks → turn each record into a validated contact →
//! leave out duplicates → report the rows that failed or were left out.
//! Nothing here knows the browser: the UI feeds `Blob.slice` chunks to an
//! `ImportRun` and stores what `take_ready` hands back.

use serde::{Deserialize, Serialize};

pub mod call_log;
pub mod cells;
pub mod check;
pub mod dedupe;
pub mod format;
pub mod mapping;
pub mod preview;
pub mod problem;
pub mod reader;
pub mod report;
pub mod row;
pub mod run;
mod scan;
pub mod sniff;

pub use check::{grouped, CheckReport};
pub use dedupe::{dedupe_key, DedupField, DuplicateIndex, ExistingKeys, Origin};
pub use format::{encoding_label, EncodingChoice, FileFormat, DELIMITERS, ENCODINGS};
pub use mapping::{decode_mapping, encode_mapping, header_signature, propose, Target};
pub use preview::{preview, Preview, SAMPLE_BYTES};
pub use problem::{Failure, FailureKind, Problem, ProblemRow, WarningRow};
pub use reader::{FailedRecord, Item, ReadProblem, Record, RecordReader, MAX_RECORD_BYTES};
pub use report::{write_report, ReportError};
pub use row::{ImportOptions, InvalidValues, UnknownTags};
pub use run::{ImportContext, ImportPlan, ImportRun, ImportSummary, Progress, ReadyContact, RunReport};
pub use sniff::sniff;

/// Why a file cannot be imported at all, in words for the user.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error("this is not a CSV file: it looks like {0}. Save it as CSV (comma or semicolon separated) and choose that file")]
    NotCsv(Box<str>),
    #[error("the separator and the quote must be two different characters, and neither a line break")]
    BadFormat,
    #[error("choose the column that holds the first name: every contact needs one")]
    FirstNameNotMapped,
    #[error("{0} is chosen for more than one column: choose it for one only")]
    MappedTwice(String),
    #[error("the custom field {0} is required: choose the column that holds it")]
    RequiredNotMapped(String),
    #[error("a chosen custom field no longer exists: choose the columns again")]
    UnknownField,
    #[error("the duplicate check changed while the import was starting: choose Upload again")]
    DuplicateCheckChanged,
    #[error("its first line does not end in its first {limit_kb} KB. A contact file has one contact per line and a header of column names, far shorter: check that this is the file you meant")]
    LineTooLong { limit_kb: usize },
    #[error("a quoted value in its first rows does not end in its first {limit_kb} KB: a quote mark (\") is probably missing its pair. Check the file, or choose another quote character under Format")]
    QuoteNeverEnds { limit_kb: usize },
    #[error("it has {columns} columns; at most {max} can be imported. Delete the columns you do not need (in Excel or Sheets) and save it again")]
    TooManyColumns { columns: usize, max: usize },
}
