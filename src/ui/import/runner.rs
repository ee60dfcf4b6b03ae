//! Runs one import: reads the file in `Blob.slice` chunks, feeds the domain pipeline,
//! and stores what it hands back as one batch, committing every few thousand rows
//! (each commit is one IndexedDB transaction: the contacts and the batch record land
//! together). The page stays responsive: every chunk is a short task, and reading the
//! next chunk gives the browser its turn. Stop takes effect at the next chunk.

use leptos::prelude::*;

use crate::domain::import::{ImportContext, ImportPlan, ImportRun, Progress, ReadyContact};
use crate::domain::{BatchId, BatchProgress, ImportBatchDraft, TagColour};

use crate::perf::now_ms;
use crate::ui::app::AppState;
use crate::ui::kit::read_slice;
use crate::ui::kit::{sentence, with_stop};

/// Bytes read per chunk: ~2,000 rows of a typical export, a few ms of work in wasm.
const CHUNK_BYTES: f64 = 256.0 * 1024.0;
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
    pub run: ImportRun,
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
    let mut run = state
        .read_now(|ws| {
            let context = ImportContext {
                custom_fields: ws.fields_for(list),
                tags: ws.tags(),
                existing: ws.contacts().filter(|c| c.list_id == list).map(|c| (c.id, &c.data)).collect(),
            };
            ImportRun::new(plan, &context, size as u64)
        })
        .map_err(|e| with_stop(&sentence(&e.to_string())))?;
    let draft = ImportBatchDraft { file_name: file.name(), file_size: size as u64, list, mapping, duplicate_check };
    let batch = state.apply(|ws, now| ws.begin_import(draft, now)).await.map_err(|e| e.to_string())?;

    let mut imported = 0u64;
    let mut pending: Vec<ReadyContact> = Vec::new();
    let mut offset = 0.0;
    let mut error = None;
    let mut stopped = false;
    loop {
        if stop.get_untracked() {
            stopped = true;
            break;
        }
        let chunk = match read_slice(&file, offset, CHUNK_BYTES).await {
            Ok(chunk) => chunk,
            Err(message) => {
                error = Some(message);
                break;
            }
        };
        offset += chunk.len() as f64;
        let at_end = chunk.is_empty() || offset >= size;
        run.feed(&chunk);
        if at_end {
            if let Err(e) = run.finish() {
                error = Some(with_stop(&sentence(&e.to_string())));
            }
        }
        pending.extend(run.take_ready());
        progress.set(run.progress());
        if pending.len() >= COMMIT_ROWS {
            match store(state, batch, std::mem::take(&mut pending), &new_tag_colour, run.progress()).await {
                Ok(n) => imported += n,
                Err(message) => {
                    error = Some(message);
                    break;
                }
            }
        }
        if at_end {
            break;
        }
    }
    // The rest of the file, or the rows read before Stop (they are kept).
    if error.is_none() && !pending.is_empty() {
        match store(state, batch, std::mem::take(&mut pending), &new_tag_colour, run.progress()).await {
            Ok(n) => imported += n,
            Err(message) => error = Some(message),
        }
    }
    let stopped = stopped || error.is_some();
    let counts = batch_progress(run.progress());
    if let Err(e) = state.apply(|ws, now| ws.finish_import(batch, stopped, counts, now)).await {
        error.get_or_insert_with(|| e.to_string());
    }
    progress.set(run.progress());
    Ok(Finished { batch, run, imported, stopped, elapsed_ms: now_ms() - started, error })
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
