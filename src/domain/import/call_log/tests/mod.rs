//! Call log import: column proposals, dates and words, matching, whole runs over the
//! fixtures in tests/fixtures/call_logs, the report and a timing.

mod columns_tests;
mod matching_tests;
mod run_tests;
pub(crate) mod support;
mod when_tests;
