//! Call and message logs from CSV: each row becomes an interaction of the ONE contact
//! it names, through the contacts import's own pieces (sniff, preview, the streaming
//! `RecordReader`, the problem log and the .xlsx report).
//!
//! - `columns`: what a log's columns hold, and a proposal from the headers of real
//!   exports (Twilio, Aircall, RingCentral, Zendesk Talk, WhatsApp Business, Italian
//!   and German sheets);
//! - `when`: dates, times and durations as those exports write them;
//! - `words`: directions and channels in their words;
//! - `contact_index`: phone and email → contacts, built once per run;
//! - `names`: agents and dispositions by name;
//! - `row`: one record → a ready interaction draft, or why not;
//! - `run`: the file fed in chunks, counts, problems and the report.

mod columns;
mod contact_index;
mod names;
mod row;
mod run;
mod when;
mod words;

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod tests;

pub use columns::{propose_call_columns, CallColumn};
pub use contact_index::{ContactIndex, Found};
pub use names::NameBook;
pub use run::{CallLogPlan, CallLogProgress, CallLogReport, CallLogRun, CallLogSummary, LocalOffset, ReadyCall};
pub use when::{read_duration, read_when, When};
pub use words::{read_channel, read_direction};

/// Why a call log cannot be read with the chosen columns, in words for the user.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum CallLogError {
    #[error("the file is empty")]
    Empty,
    #[error("the separator and the quote must be two different characters, and neither a line break")]
    BadFormat,
    #[error("choose the column that holds the contact's number or email (or the From and To columns)")]
    NoContactColumn,
    #[error("choose the column that holds when the call started (a date and time, or a date)")]
    NoStartColumn,
    #[error("{0} is chosen for more than one column: choose it for one only")]
    MappedTwice(Box<str>),
}
