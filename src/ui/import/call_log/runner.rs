//! Runs one call log: reads the file in `Blob.slice` chunks, feeds the domain run,
//! and logs what it hands back through `Workspace::log_interactions`, a slice of a
//! few thousand rows per commit (one IndexedDB transaction each: the interactions
//! and their contacts' activity land together). Stop takes effect at the next chunk;
//! rows read before it are logged.

use chrono::{Datelike, NaiveDateTime, Timelike};
use leptos::prelude::*;

use crate::domain::import::call_log::{CallLogPlan, CallLogProgress, CallLogRun, ReadyCall};
use crate::perf::now_ms;
use crate::ui::app::AppState;
use crate::ui::kit::{read_slice, sentence, with_stop};

/// Bytes read per chunk: a few thousand log rows, a few ms of work in wasm.
const CHUNK_BYTES: f64 = 256.0 * 1024.0;
/// Rows logged per commit.
const COMMIT_ROWS: usize = 5_000;

/// How a run ended.
pub struct CallLogFinished {
    pub run: CallLogRun,
    pub logged: u64,
    pub stopped: bool,
    pub elapsed_ms: f64,
    /// Set when the run ended early on an error (reading the file, saving).
    pub error: Option<String>,
    pub file_name: String,
}

/// The browser's UTC offset at a local date and time (daylight saving included).
fn browser_offset(at: NaiveDateTime) -> i32 {
    let date = js_sys::Date::new_with_year_month_day_hr_min_sec(at.year() as u32, at.month0() as i32, at.day() as i32, at.hour() as i32, at.minute() as i32, at.second() as i32);
    // getTimezoneOffset is minutes *behind* UTC.
    -(date.get_timezone_offset() as i32)
}

/// Runs `plan` over `file` to the end or to Stop. Errs (with a sentence) only when
/// nothing was started.
pub async fn run_call_log(state: AppState, file: web_sys::File, plan: CallLogPlan, progress: RwSignal<CallLogProgress>, stop: RwSignal<bool>) -> Result<CallLogFinished, String> {
    let _work = state.begin_work();
    let started = now_ms();
    let mut run = state
        .read_now(|ws| CallLogRun::new(plan, ws, file.size() as u64, Box::new(browser_offset)))
        .map_err(|e| with_stop(&sentence(&e.to_string())))?;
    let (mut logged, mut offset, mut stopped) = (0u64, 0.0, false);
    let mut pending: Vec<ReadyCall> = Vec::new();
    let outcome: Result<(), String> = async {
        while !stop.get_untracked() {
            let (chunk, at_end) = next_chunk(&file, &mut offset).await?;
            run.feed(&chunk);
            if at_end {
                run.finish().map_err(|e| with_stop(&sentence(&e.to_string())))?;
            }
            pending.extend(run.take_ready());
            logged += log_ready(state, &mut run, &mut pending, at_end).await?;
            progress.set(run.progress());
            if at_end {
                return Ok(());
            }
        }
        // Rows read before Stop are kept.
        stopped = true;
        logged += log_ready(state, &mut run, &mut pending, true).await?;
        Ok(())
    }
    .await;
    progress.set(run.progress());
    let error = outcome.err();
    Ok(CallLogFinished { run, logged, stopped: stopped || error.is_some(), elapsed_ms: now_ms() - started, error, file_name: file.name() })
}

/// The next piece of the file from `offset` (moved past it), and whether it is the last.
async fn next_chunk(file: &web_sys::File, offset: &mut f64) -> Result<(Vec<u8>, bool), String> {
    let chunk = read_slice(file, *offset, CHUNK_BYTES).await?;
    *offset += chunk.len() as f64;
    let last = chunk.is_empty() || *offset >= file.size();
    Ok((chunk, last))
}

/// Logs `pending` a slice of `COMMIT_ROWS` at a time while a whole slice is there, or
/// all of it when `all`; how many were logged.
async fn log_ready(state: AppState, run: &mut CallLogRun, pending: &mut Vec<ReadyCall>, all: bool) -> Result<u64, String> {
    let mut logged = 0;
    while pending.len() >= COMMIT_ROWS || (all && !pending.is_empty()) {
        let rest = pending.split_off(pending.len().min(COMMIT_ROWS));
        logged += log_slice(state, run, std::mem::replace(pending, rest)).await?;
    }
    Ok(logged)
}

/// Logs one slice in one commit; rows the workspace refuses are reported by the
/// run. How many were logged.
async fn log_slice(state: AppState, run: &mut CallLogRun, calls: Vec<ReadyCall>) -> Result<u64, String> {
    let rows: Vec<_> = calls.iter().map(|c| (c.contact, c.draft.clone())).collect();
    let (logged, refused) = state
        .apply(|ws, _now| {
            let (logged, refused, change) = ws.log_interactions(&rows, 0);
            Ok(((logged.len() as u64, refused), change))
        })
        .await
        .map_err(|e| e.to_string())?;
    for refusal in refused {
        if let Some(call) = calls.get(refusal.index) {
            run.refused(call, refusal.error.to_string());
        }
    }
    Ok(logged)
}
