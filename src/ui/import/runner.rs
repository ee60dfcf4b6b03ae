//! Runs one import: the import engine's worker reads the file and turns its rows into
//! contacts (`crate::engine`); the page stores what it hands back as one batch,
//! committing every few thousand rows (each commit is one IndexedDB transaction: the
//! contacts and the batch record land together). The page only decodes and stores, so
//! it stays responsive; Stop takes effect at the next answer.

use leptos::prelude::*;

use crate::domain::import::{ImportContext, ImportPlan, Progress, ReadyContact, RunReport};
use crate::domain::{BatchId, BatchProgress, ImportBatchDraft, TagColour};
use crate::engine::protocol::{Answer, Request, Run};

use crate::perf::now_ms;
use crate::ui::app::AppState;
use crate::ui::kit::{sentence, with_stop};

use super::engine::{ask, ask_about, ask_now, unexpected};

/// Bytes the engine reads per answer: ~14,000 rows of a typical export, a short task
/// for the page to decode.
const READ_BYTES: u64 = 2 * 1024 * 1024;
/// Rows stored per commit: big enough that IndexedDB's per-transaction cost vanishes,
/// small enough that a commit is a short task and a closed tab loses little.
const COMMIT_ROWS: usize = 25_000;

/// What the user chose, ready to run.
pub struct ImportRequest {
    pub file: web_sys::File,
    pub plan: ImportPlan,
    /// (CSV column, app field) in words, for the history.
    pub mapping: Vec<(String, String)>,
    pub duplicate_check: Vec<String>,
    /// The colour of tags the import creates.
    pub new_tag_colour: TagColour,
}

/// How a run ended.
pub struct Finished {
    pub batch: BatchId,
    pub report: RunReport,
    pub imported: u64,
    pub stopped: bool,
    pub elapsed_ms: f64,
    /// Set when the run ended early on an error (reading the file, saving).
    pub error: Option<String>,
}

/// Runs `request` to the end or to Stop, reporting progress. Errs (with a sentence)
/// only when nothing was started; once the batch exists, every ending is `Finished`.
pub async fn run_import(
    state: AppState,
    request: ImportRequest,
    progress: RwSignal<Progress>,
    stop: RwSignal<bool>,
) -> Result<Finished, String> {
    let started = now_ms();
    let _work = state.begin_work();
    let ImportRequest { file, plan, mapping, duplicate_check, new_tag_colour } = request;
    let list = plan.list;
    let size = file.size();
    let context = state.read_now(|ws| ImportContext::for_list(ws, list, &plan.duplicate_fields));
    let start = Request::Start { plan, context, total_bytes: size as u64 };
    match ask_about(&start, &file).await.map_err(|e| with_stop(&sentence(&e.to_string())))? {
        Answer::Started(Ok(())) => {}
        Answer::Started(Err(e)) => return Err(with_stop(&sentence(&e.to_string()))),
        other => return Err(unexpected(&other)),
    }
    let draft = ImportBatchDraft { file_name: file.name(), file_size: size as u64, list, mapping, duplicate_check };
    let batch = state.apply(|ws, now| ws.begin_import(draft, now)).await.map_err(|e| e.to_string())?;

    let mut imported = 0u64;
    let mut pending: Vec<ReadyContact> = Vec::new();
    let mut last = Progress { total_bytes: size as u64, ..Progress::default() };
    let mut error = None;
    let mut stopped = false;
    let mut store_failed = false;
    // One request ahead: the engine reads the next piece while the page stores this one.
    let mut asked = Some(ask_now(&Request::Next { run: Run::Contacts, bytes: READ_BYTES }));
    while let Some(this) = asked.take() {
        let read = match this.answer().await {
            Ok(Answer::Read(read)) => read,
            Ok(other) => {
                error = Some(unexpected(&other));
                break;
            }
            Err(e) => {
                error = Some(with_stop(&sentence(&e.to_string())));
                break;
            }
        };
        pending.extend(read.ready);
        last = read.progress;
        crate::ui::app::diagnostics::note_engine_memory(read.engine_memory);
        progress.set(last);
        if let Some(why) = read.error {
            error = Some(with_stop(&sentence(&why)));
        }
        // Stop takes effect here: the rows of every answer asked for are kept.
        stopped = stop.get_untracked() && !read.at_end && error.is_none();
        let more = !read.at_end && error.is_none() && !stopped;
        if more {
            asked = Some(ask_now(&Request::Next { run: Run::Contacts, bytes: READ_BYTES }));
        }
        if pending.len() >= COMMIT_ROWS || (error.is_some() && !pending.is_empty()) {
            match store(state, batch, std::mem::take(&mut pending), &new_tag_colour, last).await {
                Ok(n) => imported += n,
                Err(message) => {
                    error = Some(message);
                    store_failed = true;
                    break;
                }
            }
        }
    }
    // The rest of the file, or the rows read before Stop or a file that could no
    // longer be read (they are kept); not after a store that failed.
    if !store_failed && !pending.is_empty() {
        match store(state, batch, std::mem::take(&mut pending), &new_tag_colour, last).await {
            Ok(n) => imported += n,
            Err(message) => error = Some(message),
        }
    }
    let report = match ask(&Request::Conclude { run: Run::Contacts }).await {
        Ok(Answer::Concluded(report)) => report,
        // The engine stopped answering: what the last answer said is all there is.
        Ok(other) => {
            error.get_or_insert_with(|| unexpected(&other));
            RunReport::from_progress(last)
        }
        Err(e) => {
            error.get_or_insert_with(|| with_stop(&sentence(&e.to_string())));
            RunReport::from_progress(last)
        }
    };
    let stopped = stopped || error.is_some();
    let counts = batch_progress(report.progress);
    if let Err(e) = state.apply(|ws, now| ws.finish_import(batch, stopped, counts, now)).await {
        error.get_or_insert_with(|| e.to_string());
    }
    progress.set(report.progress);
    Ok(Finished { batch, report, imported, stopped, elapsed_ms: now_ms() - started, error })
}

/// Stores one slice of ready contacts (and the tags they bring) with the batch's
/// counts; how many were stored.
async fn store(state: AppState, batch: BatchId, ready: Vec<ReadyContact>, new_tag_colour: &TagColour, progress: Progress) -> Result<u64, String> {
    if ready.is_empty() {
        return Ok(0);
    }
    let counts = batch_progress(progress);
    let ids = state
        .apply(|ws, now| ws.import_slice(batch, ready, new_tag_colour, counts, now))
        .await
        .map_err(|e| e.to_string())?;
    Ok(ids.len() as u64)
}

fn batch_progress(p: Progress) -> BatchProgress {
    BatchProgress {
        rows_read: p.rows_read,
        duplicates_in_file: p.duplicates_in_file,
        duplicates_in_list: p.duplicates_existing,
        failed: p.failed,
    }
}
