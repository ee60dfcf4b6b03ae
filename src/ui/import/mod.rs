//! The CSV import wizard: file, format, mapping, checks, the sliced run, the summary
//! and report, history and undo; and, in a second tab, the call log wizard built on
//! the same pieces.

mod call_log;
mod check;
mod dedupe;
mod engine;
mod error;
mod file_step;
mod format;
mod history;
mod mapping;
mod page;
mod preview;
mod progress;
mod report;
mod runner;
mod session;
mod setup;
mod summary;
mod target_list;
mod undo;
mod values;

pub(crate) use page::ImportPage;
