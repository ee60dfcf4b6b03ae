//! Runs one call log: the import engine's worker reads the file and matches each row
//! to its contact (`crate::engine`); the page logs what it hands back through
//! `Workspace::log_interactions`, a slice of a few thousand rows per commit (one
//! IndexedDB transaction each: the interactions and their contacts' activity land
//! together). Rows the workspace refuses go back to the engine for the report. Stop
//! takes effect at the next answer; rows read before it are logged.

use leptos::prelude::*;

use crate::domain::import::call_log::{CallLogPlan, CallLogProgress, CallLogReport, ContactIndex, NameBook, ReadyCall};
use crate::engine::protocol::{Answer, Request, Run};
use crate::perf::now_ms;
use crate::ui::app::AppState;
use crate::ui::kit::{sentence, with_stop};

use super::super::engine::{ask, ask_about, unexpected};

/// Bytes the engine reads per answer: some thousands of log rows.
const READ_BYTES: u64 = 1024 * 1024;
/// Rows logged per commit.
const COMMIT_ROWS: usize = 5_000;

/// How a run ended.
pub struct CallLogFinished {
    pub report: CallLogReport,
    pub logged: u64,
    pub stopped: bool,
    pub elapsed_ms: f64,
    /// Set when the run ended early on an error (reading the file, saving).
    pub error: Option<String>,
    pub file_name: String,
}

/// Runs `plan` over `file` to the end or to Stop. Errs (with a sentence) only when
/// nothing was started.
pub async fn run_call_log(state: AppState, file: web_sys::File, plan: CallLogPlan, progress: RwSignal<CallLogProgress>, stop: RwSignal<bool>) -> Result<CallLogFinished, String> {
    let _work = state.begin_work();
    let started = now_ms();
    let words = |e: &dyn std::fmt::Display| with_stop(&sentence(&e.to_string()));
    let (index, names) = state.read_now(|ws| (ContactIndex::build(ws), NameBook::build(ws)));
    let start = Request::StartCallLog { plan, index, names, total_bytes: file.size() as u64 };
    match ask_about(&start, &file).await.map_err(|e| words(&e))? {
        Answer::CallLogStarted(Ok(())) => {}
        Answer::CallLogStarted(Err(e)) => return Err(words(&e)),
        other => return Err(unexpected(&other)),
    }
    let mut last = CallLogProgress { total_bytes: file.size() as u64, ..CallLogProgress::default() };
    let (mut logged, mut stopped) = (0u64, false);
    let mut pending: Vec<ReadyCall> = Vec::new();
    let outcome: Result<(), String> = async {
        while !stop.get_untracked() {
            let read = match ask(&Request::Next { run: Run::CallLog, bytes: READ_BYTES }).await.map_err(|e| words(&e))? {
                Answer::CallLogRead(read) => read,
                other => return Err(unexpected(&other)),
            };
            pending.extend(read.ready);
            last = read.progress;
            let end = read.at_end || read.error.is_some();
            // Rows read before a file that could no longer be read are logged too.
            logged += log_ready(state, &mut pending, end).await?;
            progress.set(last);
            if let Some(why) = read.error {
                return Err(words(&why));
            }
            if read.at_end {
                return Ok(());
            }
        }
        // Rows read before Stop are kept.
        stopped = true;
        logged += log_ready(state, &mut pending, true).await?;
        Ok(())
    }
    .await;
    let mut error = outcome.err();
    let report = match ask(&Request::Conclude { run: Run::CallLog }).await {
        Ok(Answer::CallLogConcluded(report)) => report,
        // The engine stopped answering: what the last answer said is all there is.
        Ok(other) => {
            error.get_or_insert_with(|| unexpected(&other));
            CallLogReport::from_progress(last)
        }
        Err(e) => {
            error.get_or_insert_with(|| words(&e));
            CallLogReport::from_progress(last)
        }
    };
    progress.set(report.progress);
    Ok(CallLogFinished { report, logged, stopped: stopped || error.is_some(), elapsed_ms: now_ms() - started, error, file_name: file.name() })
}

/// Logs `pending` a slice of `COMMIT_ROWS` at a time while a whole slice is there, or
/// all of it when `all`; how many were logged.
async fn log_ready(state: AppState, pending: &mut Vec<ReadyCall>, all: bool) -> Result<u64, String> {
    let mut logged = 0;
    while pending.len() >= COMMIT_ROWS || (all && !pending.is_empty()) {
        let rest = pending.split_off(pending.len().min(COMMIT_ROWS));
        logged += log_slice(state, std::mem::replace(pending, rest)).await?;
    }
    Ok(logged)
}

/// Logs one slice in one commit; rows the workspace refuses are sent to the engine
/// for the report. How many were logged.
async fn log_slice(state: AppState, calls: Vec<ReadyCall>) -> Result<u64, String> {
    let rows: Vec<_> = calls.iter().map(|c| (c.contact, c.draft.clone())).collect();
    let (logged, refused) = state
        .apply(|ws, _now| {
            let (logged, refused, change) = ws.log_interactions(&rows, 0);
            Ok(((logged.len() as u64, refused), change))
        })
        .await
        .map_err(|e| e.to_string())?;
    if !refused.is_empty() {
        let calls = refused.into_iter().filter_map(|r| Some((calls.get(r.index)?.clone(), r.error.to_string()))).collect();
        match ask(&Request::Refused { calls }).await {
            Ok(Answer::Noted) => {}
            Ok(other) => return Err(unexpected(&other)),
            Err(e) => return Err(with_stop(&sentence(&e.to_string()))),
        }
    }
    Ok(logged)
}
