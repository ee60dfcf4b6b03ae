//! What the page asks the engine and what it answers. Both sides are this crate, built
//! twice (the page and the worker), so the types are shared and postcard needs no
//! schema; a message either side cannot decode is an error in words, never a panic.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::domain::import::call_log::{CallLogError, CallLogPlan, CallLogProgress, CallLogReport, ContactIndex, NameBook, ReadyCall};
use crate::domain::import::{
    CheckReport, FileFormat, ImportContext, ImportError, ImportPlan, Preview, ProblemRow, Progress, ReadyContact, RunReport,
    WarningRow,
};

/// A request from the page.
#[derive(Debug, Serialize, Deserialize)]
pub enum Request {
    /// The .xlsx report of an import's rows left out and values left out.
    Report { headers: Vec<String>, problems: Vec<ProblemRow>, warnings: Vec<WarningRow> },
    /// How a file is written, from its first bytes.
    Sniff { sample: Vec<u8> },
    /// The first `rows` rows of `sample` read as `format`.
    Preview { sample: Vec<u8>, format: FileFormat, rows: usize },
    /// The check before Upload: what `plan` would do to `head`, the file's first
    /// bytes (`whole`: all of it).
    Check { plan: ImportPlan, context: ImportContext, head: Vec<u8>, whole: bool },
    /// Starts an import of the file sent with this request (one at a time; a new one
    /// replaces the last).
    Start { plan: ImportPlan, context: ImportContext, total_bytes: u64 },
    /// Starts a call log import of the file sent with this request, matching rows
    /// with `index` and `names` (built by the page from the workspace).
    StartCallLog { plan: CallLogPlan, index: ContactIndex, names: NameBook, total_bytes: u64 },
    /// Reads about `bytes` more of `run`'s file and answers with the rows ready.
    Next { run: Run, bytes: u64 },
    /// Rows of the call log the workspace refused to log, with why: the report lists them.
    Refused { calls: Vec<(ReadyCall, String)> },
    /// Ends `run` (at the end of its file or on Stop) and answers with its report.
    Conclude { run: Run },
}

/// Which import a request is about: a contacts import and a call log may run at once
/// (the import page's two tabs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Run {
    Contacts,
    CallLog,
}

/// `Batch` for a call log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallBatch {
    pub ready: Vec<ReadyCall>,
    pub progress: CallLogProgress,
    pub at_end: bool,
    pub error: Option<String>,
}

/// What the engine answers when it has read more of an import's file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Batch {
    pub ready: Vec<ReadyContact>,
    pub progress: Progress,
    /// The file has been read to its end.
    pub at_end: bool,
    /// Why reading stopped early (the file could not be read, it was empty).
    pub error: Option<String>,
    /// The worker's wasm memory after this batch (for the benchmark's figure).
    pub engine_memory: u64,
}

/// The engine's answer to one `Request`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    /// The workbook's bytes, or why it could not be written.
    Report(Result<Vec<u8>, String>),
    Sniffed(Result<FileFormat, ImportError>),
    Previewed(Preview),
    Checked(Result<CheckReport, ImportError>),
    Started(Result<(), ImportError>),
    Read(Batch),
    Concluded(RunReport),
    CallLogStarted(Result<(), CallLogError>),
    CallLogRead(CallBatch),
    CallLogConcluded(CallLogReport),
    /// `Refused` taken into the report.
    Noted,
    /// `Next`, `Refused` or `Conclude` with no import of that kind running.
    NoImport,
    /// The request could not be read (a page and a worker from different builds).
    Unreadable(String),
}

impl Answer {
    /// The answer's kind, for a message about an answer that was not expected.
    pub fn kind(&self) -> &'static str {
        match self {
            Answer::Report(_) => "a report",
            Answer::Sniffed(_) => "a format",
            Answer::Previewed(_) => "a preview",
            Answer::Checked(_) => "a check",
            Answer::Started(_) => "an import started",
            Answer::Read(_) => "rows read",
            Answer::Concluded(_) => "an import's end",
            Answer::CallLogStarted(_) => "a call log started",
            Answer::CallLogRead(_) => "call log rows read",
            Answer::CallLogConcluded(_) => "a call log's end",
            Answer::Noted => "refused rows noted",
            Answer::NoImport => "no import running",
            Answer::Unreadable(_) => "an unreadable request",
        }
    }
}

/// Why talking to the engine failed, in words for the user.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EngineError {
    #[error("the import engine could not be loaded ({0}); if you are offline, open the app once online so it is kept for offline use")]
    NotLoaded(String),
    #[error("the import engine stopped ({0}); try again")]
    Stopped(String),
    #[error("the import engine's answer could not be read ({0}); reload the page")]
    Garbled(String),
    #[error("the import engine did not understand the request ({0}); reload the page")]
    Misunderstood(String),
}

pub fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, String> {
    postcard::to_allocvec(value).map_err(|e| e.to_string())
}

pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    postcard::from_bytes(bytes).map_err(|e| e.to_string())
}
