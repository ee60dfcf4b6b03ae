//! The engine's answers: plain Rust, so the host tests run every request the worker
//! serves. The worker's glue only reads the file for `Next` and moves bytes.

use super::protocol::{decode, encode, Answer, Batch, CallBatch, Request};
use crate::domain::import::call_log::{CallLogRun, LocalOffset};
use crate::domain::import::{preview, sniff, write_report, CheckReport, ImportRun};

/// The import running: contacts or a call log (one at a time, as the page has one
/// wizard open).
enum Running {
    Contacts(ImportRun),
    CallLog(CallLogRun),
}

/// The engine's state: the import running, if any, and how call logs read local
/// times (the browser's time zone, in the worker).
pub struct Engine {
    run: Option<Running>,
    offset: fn() -> LocalOffset,
}

impl Default for Engine {
    /// Local times read as UTC: the host's tests; the worker gives the browser's zone.
    fn default() -> Self {
        Self::new(|| Box::new(|_| 0))
    }
}

impl Engine {
    pub fn new(offset: fn() -> LocalOffset) -> Self {
        Self { run: None, offset }
    }

    /// Answers `request`; `Next` is answered by `feed` and `batch` once the glue has
    /// read the file.
    pub fn answer(&mut self, request: Request) -> Answer {
        match request {
            Request::Report { headers, problems, warnings } => {
                Answer::Report(write_report(&headers, &problems, &warnings).map_err(|e| e.to_string()))
            }
            Request::Sniff { sample } => Answer::Sniffed(sniff(&sample)),
            Request::Preview { sample, format, rows } => Answer::Previewed(preview(&sample, &format, rows)),
            Request::Check { plan, context, head, whole } => {
                Answer::Checked(ImportRun::dry_run(plan, &context, &head, whole).map(|run| CheckReport::of(&run, whole)))
            }
            Request::Start { plan, context, total_bytes } => {
                self.run = None;
                Answer::Started(ImportRun::new(plan, &context, total_bytes).map(|run| self.run = Some(Running::Contacts(run))))
            }
            Request::StartCallLog { plan, index, names, total_bytes } => {
                self.run = None;
                let run = CallLogRun::with(plan, index, names, total_bytes, (self.offset)());
                Answer::CallLogStarted(run.map(|run| self.run = Some(Running::CallLog(run))))
            }
            Request::Next { .. } => self.batch(false, None),
            Request::Refused { calls } => match self.run.as_mut() {
                Some(Running::CallLog(run)) => {
                    for (call, why) in calls {
                        run.refused(&call, why);
                    }
                    Answer::Noted
                }
                _ => Answer::NoImport,
            },
            Request::Conclude => match self.run.take() {
                Some(Running::Contacts(run)) => Answer::Concluded(run.into_report()),
                Some(Running::CallLog(run)) => Answer::CallLogConcluded(run.into_report()),
                None => Answer::NoImport,
            },
        }
    }

    /// Whether an import is running (a `Next` has a file to read).
    pub fn running(&self) -> bool {
        self.run.is_some()
    }

    /// Reads the next piece of the running import's file.
    pub fn feed(&mut self, chunk: &[u8]) {
        match self.run.as_mut() {
            Some(Running::Contacts(run)) => run.feed(chunk),
            Some(Running::CallLog(run)) => run.feed(chunk),
            None => {}
        }
    }

    /// The rows ready since the last batch; `at_end`: the file has been read whole;
    /// `error`: why it could not be read on.
    pub fn batch(&mut self, at_end: bool, mut error: Option<String>) -> Answer {
        let finish = at_end && error.is_none();
        match self.run.as_mut() {
            Some(Running::Contacts(run)) => {
                if finish {
                    error = run.finish().err().map(|e| e.to_string());
                }
                Answer::Read(Batch { ready: run.take_ready(), progress: run.progress(), at_end, error, engine_memory: 0 })
            }
            Some(Running::CallLog(run)) => {
                if finish {
                    error = run.finish().err().map(|e| e.to_string());
                }
                Answer::CallLogRead(CallBatch { ready: run.take_ready(), progress: run.progress(), at_end, error })
            }
            None => Answer::NoImport,
        }
    }
}

/// A request as the page encoded it, or why it cannot be read (answered as
/// `Answer::Unreadable`).
pub fn read_request(bytes: &[u8]) -> Result<Request, String> {
    decode::<Request>(bytes)
}

/// An answer as the page decodes it.
pub fn answer_bytes(answer: &Answer) -> Vec<u8> {
    // An answer that cannot be encoded says so, in a form that always encodes.
    encode(answer).or_else(|e| encode(&Answer::Unreadable(e))).unwrap_or_default()
}
