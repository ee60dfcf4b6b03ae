//! One call log import: fed in chunks (the contacts import's `RecordReader`), it
//! matches each row to its contact and hands out the interaction drafts ready to log,
//! in file order; logging them (`Workspace::log_interactions`, a slice at a time) is
//! the caller's job. Every row read is counted once: logged (ready), unmatched,
//! ambiguous or invalid. Problem rows go to the contacts import's problem log and
//! report, so the .xlsx has the same shape.

use super::columns::CallColumn;
use super::contact_index::ContactIndex;
use super::names::NameBook;
use super::row::{RowReader, RowResult};
use super::CallLogError;
use crate::domain::import::format::FileFormat;
use crate::domain::import::preview::{numbered_headers, unique_headers};
use crate::domain::import::problem::{Failure, FailureKind, Problem, ProblemLog, ProblemRow, WarningRow};
use crate::domain::import::reader::{Item, Record, RecordReader};
use crate::domain::import::report::{write_report, ReportError};
use crate::domain::interaction::{Channel, Direction, InteractionDraft};
use crate::domain::ids::ContactId;
use crate::domain::workspace::Workspace;

pub use super::row::LocalOffset;

/// What the user chose in the wizard.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CallLogPlan {
    pub format: FileFormat,
    /// One target per column, in column order (missing ones are details).
    pub columns: Vec<CallColumn>,
    /// For rows (or files) that do not say.
    pub direction: Direction,
    pub channel: Channel,
}

impl CallLogPlan {
    /// A plan needs a way to find the contact and to know when, each target at most
    /// once.
    pub fn check(&self) -> Result<(), CallLogError> {
        self.format.check().map_err(|_| CallLogError::BadFormat)?;
        let has = |targets: &[CallColumn]| self.columns.iter().any(|c| targets.contains(c));
        if !has(&[CallColumn::Number, CallColumn::From, CallColumn::To, CallColumn::Email]) {
            return Err(CallLogError::NoContactColumn);
        }
        if !has(&[CallColumn::Start, CallColumn::Date]) {
            return Err(CallLogError::NoStartColumn);
        }
        for (i, column) in self.columns.iter().enumerate() {
            if !column.repeatable() && self.columns.get(..i).is_some_and(|before| before.contains(column)) {
                return Err(CallLogError::MappedTwice(column.label().into()));
            }
        }
        Ok(())
    }
}

/// A row ready to log, with what the report needs should the workspace refuse it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReadyCall {
    pub row: u64,
    pub line: u64,
    pub cells: Vec<Box<str>>,
    pub contact: ContactId,
    pub draft: InteractionDraft,
}

/// Counts so far.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CallLogProgress {
    pub rows_read: u64,
    pub bytes_read: u64,
    pub total_bytes: u64,
    /// Rows handed out to log (less those the workspace refused).
    pub ready: u64,
    pub unmatched: u64,
    pub ambiguous: u64,
    pub invalid: u64,
    /// Ready rows logged without an agent, a disposition or a detail they named.
    pub warned: u64,
}

impl CallLogProgress {
    /// Share of the file read, 0.0 to 1.0 (empty before the file is known).
    pub fn fraction(&self) -> f64 {
        match self.total_bytes {
            0 => 0.0,
            total => (self.bytes_read as f64 / total as f64).min(1.0),
        }
    }
}

/// The end result: `rows_read = logged + unmatched + ambiguous + invalid + not_saved`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CallLogSummary {
    pub rows_read: u64,
    pub logged: u64,
    pub unmatched: u64,
    pub ambiguous: u64,
    pub invalid: u64,
    pub warned: u64,
    /// Ready rows the caller did not store (it stopped on an error).
    pub not_saved: u64,
    /// Problem rows counted but left out of the report (past its caps).
    pub problems_not_kept: u64,
}

/// What an ended run leaves for its summary and report: plain data, as the import
/// engine's worker sends it back.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CallLogReport {
    pub progress: CallLogProgress,
    pub headers: Vec<String>,
    pub problems: Vec<ProblemRow>,
    pub warnings: Vec<WarningRow>,
    pub problems_not_kept: u64,
}

impl CallLogReport {
    /// What is known of a run whose engine stopped answering: its last counts.
    pub fn from_progress(progress: CallLogProgress) -> Self {
        let p = &progress;
        let problems_not_kept = p.unmatched + p.ambiguous + p.invalid;
        Self { progress, headers: Vec::new(), problems: Vec::new(), warnings: Vec::new(), problems_not_kept }
    }

    /// `logged`: how many interactions the caller stored.
    pub fn summary(&self, logged: u64) -> CallLogSummary {
        summary_of(&self.progress, logged, self.problems_not_kept)
    }
}

fn summary_of(p: &CallLogProgress, logged: u64, problems_not_kept: u64) -> CallLogSummary {
    CallLogSummary {
        rows_read: p.rows_read,
        logged,
        unmatched: p.unmatched,
        ambiguous: p.ambiguous,
        invalid: p.invalid,
        warned: p.warned,
        not_saved: p.ready.saturating_sub(logged),
        problems_not_kept,
    }
}

pub struct CallLogRun {
    reader: RecordReader,
    state: RunState,
}

struct RunState {
    headers: Vec<String>,
    rows: RowReader,
    index: ContactIndex,
    names: NameBook,
    ready: Vec<ReadyCall>,
    progress: CallLogProgress,
    problems: ProblemLog,
    seen_anything: bool,
}

impl CallLogRun {
    /// Checks the plan and reads what matching needs from the workspace (every
    /// contact's numbers and emails, agents, dispositions) once.
    pub fn new(plan: CallLogPlan, ws: &Workspace, total_bytes: u64, offset: LocalOffset) -> Result<Self, CallLogError> {
        Self::with(plan, ContactIndex::build(ws), NameBook::build(ws), total_bytes, offset)
    }

    /// `new` with what it reads from the workspace read already (by the page, which
    /// sends it to the import engine's worker).
    pub fn with(plan: CallLogPlan, index: ContactIndex, names: NameBook, total_bytes: u64, offset: LocalOffset) -> Result<Self, CallLogError> {
        plan.check()?;
        let state = RunState {
            headers: Vec::new(),
            rows: RowReader::new(&plan.columns, plan.direction, plan.channel, offset),
            index,
            names,
            ready: Vec::new(),
            progress: CallLogProgress { total_bytes, ..CallLogProgress::default() },
            problems: ProblemLog::default(),
            seen_anything: false,
        };
        Ok(Self { reader: RecordReader::new(plan.format), state })
    }

    /// Reads the next chunk of the file (any size, cut anywhere).
    pub fn feed(&mut self, chunk: &[u8]) {
        let Self { reader, state } = self;
        state.progress.bytes_read += chunk.len() as u64;
        reader.feed(chunk, &mut |item| state.take(item));
    }

    /// The file has ended. Fails only when it held nothing at all.
    pub fn finish(&mut self) -> Result<(), CallLogError> {
        let Self { reader, state } = self;
        reader.finish(&mut |item| state.take(item));
        if state.seen_anything { Ok(()) } else { Err(CallLogError::Empty) }
    }

    /// The rows ready to log since the last call, in file order.
    pub fn take_ready(&mut self) -> Vec<ReadyCall> {
        std::mem::take(&mut self.state.ready)
    }

    /// The workspace refused a ready row when it was logged: it counts as invalid.
    pub fn refused(&mut self, call: &ReadyCall, reason: String) {
        let state = &mut self.state;
        state.progress.ready = state.progress.ready.saturating_sub(1);
        state.progress.invalid += 1;
        let failure = Failure { column: None, field: Some("Interaction".into()), kind: FailureKind::Invalid("Interaction".into()), reason, value: "".into() };
        state.problems.push(call.row, call.line, call.cells.iter().map(|c| &**c), Problem::Failed(vec![failure]));
    }

    pub fn progress(&self) -> CallLogProgress {
        self.state.progress
    }

    /// The column names (renamed where empty or repeated; "Column N" without a header).
    pub fn headers(&self) -> &[String] {
        &self.state.headers
    }

    /// Unmatched, ambiguous and invalid rows, in file order (up to the caps).
    pub fn problems(&self) -> &[ProblemRow] {
        self.state.problems.rows()
    }

    /// Logged rows that left out an agent, a disposition or a detail.
    pub fn warnings(&self) -> &[WarningRow] {
        self.state.problems.warnings()
    }

    /// `logged`: how many interactions the caller stored.
    pub fn summary(&self, logged: u64) -> CallLogSummary {
        summary_of(&self.state.progress, logged, self.state.problems.not_kept())
    }

    /// The run's end, as data.
    pub fn into_report(self) -> CallLogReport {
        let RunState { headers, progress, problems, .. } = self.state;
        let problems_not_kept = problems.not_kept();
        let (problems, warnings) = problems.into_rows();
        CallLogReport { progress, headers, problems, warnings, problems_not_kept }
    }

    /// The .xlsx report: the rows not logged with their reason, and the warnings.
    pub fn report(&self) -> Result<Vec<u8>, ReportError> {
        write_report(self.headers(), self.problems(), self.warnings())
    }
}

impl RunState {
    fn take(&mut self, item: Item<'_>) {
        let first = !std::mem::replace(&mut self.seen_anything, true);
        match item {
            Item::Header(record) => {
                let (headers, _) = unique_headers(record.iter());
                self.set_headers(headers);
            }
            Item::Record(record) => self.row(&record),
            Item::Failed(failed) => {
                if first {
                    self.set_headers(numbered_headers(failed.cells.len()));
                }
                self.progress.rows_read += 1;
                self.progress.invalid += 1;
                let failure = Failure { column: None, field: None, kind: FailureKind::Invalid("Row".into()), reason: failed.problem.to_string(), value: "".into() };
                self.problems.push(failed.row, failed.line, failed.cells.iter().map(String::as_str), Problem::Failed(vec![failure]));
            }
        }
    }

    fn set_headers(&mut self, headers: Vec<String>) {
        self.rows.set_headers(&headers);
        self.headers = headers;
    }

    fn row(&mut self, record: &Record<'_>) {
        if self.headers.is_empty() {
            self.set_headers(numbered_headers(record.len()));
        }
        self.progress.rows_read += 1;
        let p = &mut self.progress;
        let problem = match self.rows.read(record, &self.index, &self.names) {
            RowResult::Ready { contact, draft, warnings } => {
                p.ready += 1;
                if !warnings.is_empty() {
                    p.warned += 1;
                    self.problems.warn(record.row, record.line, warnings);
                }
                let cells = record.iter().map(Into::into).collect();
                self.ready.push(ReadyCall { row: record.row, line: record.line, cells, contact, draft: *draft });
                return;
            }
            RowResult::Unmatched(failure) => {
                p.unmatched += 1;
                vec![failure]
            }
            RowResult::Ambiguous(failure) => {
                p.ambiguous += 1;
                vec![failure]
            }
            RowResult::Invalid(failures) => {
                p.invalid += 1;
                failures
            }
        };
        self.problems.push(record.row, record.line, record.iter(), Problem::Failed(problem));
    }
}
