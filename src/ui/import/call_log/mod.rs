//! The call log wizard: a CSV call or message log becomes interactions of the
//! contacts it names. It reads the file as the contacts wizard does (the same
//! `ImportSession` sniffs it and shows the format and preview), then maps the log's
//! columns, runs in slices with Stop, and ends on a summary with the report.

mod file_step;
mod mapping;
mod page;
mod progress;
mod runner;
mod session;
mod setup;
mod summary;

pub(crate) use page::CallLogWizard;
pub(crate) use session::CallLogSession;
