//! The engine's answers: plain Rust, so the host tests run every request the worker
//! serves. The worker's glue only reads the file for `Next` and moves bytes.

use super::protocol::{decode, encode, Answer, Batch, CallBatch, Request, Run};
use crate::domain::import::call_log::{CallLogRun, LocalOffset};
use crate::domain::import::{preview, sniff, write_report, CheckReport, ImportRun};

/// The engine's state: the imports running (a contacts import and a call log may run
/// at once, one in each of the import page's tabs), and how call logs read local
/// times (the browser's time zone, in the worker).
pub struct Engine {
    contacts: Option<ImportRun>,
    call_log: Option<CallLogRun>,
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
        Self { contacts: None, call_log: None, offset }
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
                self.contacts = None;
                Answer::Started(ImportRun::new(plan, &context, total_bytes).map(|run| self.contacts = Some(run)))
            }
            Request::StartCallLog { plan, index, names, total_bytes } => {
                self.call_log = None;
                let run = CallLogRun::with(plan, index, names, total_bytes, (self.offset)());
                Answer::CallLogStarted(run.map(|run| self.call_log = Some(run)))
            }
            Request::Next { run, .. } => self.batch(run, false, None),
            Request::Refused { calls } => match self.call_log.as_mut() {
                Some(log) => {
                    for (call, why) in calls {
                        log.refused(&call, why);
                    }
                    Answer::Noted
                }
                None => Answer::NoImport,
            },
            Request::Conclude { run: Run::Contacts } => match self.contacts.take() {
                Some(run) => Answer::Concluded(run.into_report()),
                None => Answer::NoImport,
            },
            Request::Conclude { run: Run::CallLog } => match self.call_log.take() {
                Some(log) => Answer::CallLogConcluded(log.into_report()),
                None => Answer::NoImport,
            },
        }
    }

    /// Whether `run` is running (a `Next` has a file to read).
    pub fn running(&self, run: Run) -> bool {
        match run {
            Run::Contacts => self.contacts.is_some(),
            Run::CallLog => self.call_log.is_some(),
        }
    }

    /// Reads the next piece of `run`'s file.
    pub fn feed(&mut self, run: Run, chunk: &[u8]) {
        match run {
            Run::Contacts => self.contacts.iter_mut().for_each(|r| r.feed(chunk)),
            Run::CallLog => self.call_log.iter_mut().for_each(|r| r.feed(chunk)),
        }
    }

    /// `run`'s rows ready since its last batch; `at_end`: the file has been read
    /// whole; `error`: why it could not be read on.
    pub fn batch(&mut self, run: Run, at_end: bool, mut error: Option<String>) -> Answer {
        let finish = at_end && error.is_none();
        match run {
            Run::Contacts => {
                let Some(run) = self.contacts.as_mut() else { return Answer::NoImport };
                if finish {
                    error = run.finish().err().map(|e| e.to_string());
                }
                Answer::Read(Batch { ready: run.take_ready(), progress: run.progress(), at_end, error, engine_memory: 0 })
            }
            Run::CallLog => {
                let Some(log) = self.call_log.as_mut() else { return Answer::NoImport };
                if finish {
                    error = log.finish().err().map(|e| e.to_string());
                }
                Answer::CallLogRead(CallBatch { ready: log.take_ready(), progress: log.progress(), at_end, error })
            }
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
