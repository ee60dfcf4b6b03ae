//! What an export dialog exports, and the contacts export run in slices of ~10 ms:
//! after each slice the bytes go to the JavaScript side, the progress signal moves,
//! Stop is checked, and the browser gets its turn (`TimeoutFuture::new(0)`), so a
//! list of 500k contacts exports while the page stays responsive.

use leptos::prelude::*;

use crate::domain::export::{csv_file_name, lists_csv, ContactsExport, CsvOptions};
use crate::domain::{ContactId, ListId};

use crate::perf::now_ms;
use crate::ui::app::AppState;
use crate::ui::kit::local_offset;
use crate::ui::kit::{download_bytes, download_parts};
use crate::domain::text::quoted;

/// How long one slice of an export works before yielding to the browser.
const SLICE_MS: f64 = 10.0;
const CSV_MIME: &str = "text/csv;charset=utf-8";

/// What the user asked to export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportRequest {
    /// These contacts, in this order (a list, the table's results, selected rows).
    Contacts { ids: Vec<ContactId>, file_name: String, what: String },
    /// The chosen lists' rows of the lists table.
    Lists(Vec<ListId>),
}

impl ExportRequest {
    /// Every contact of a list, named after the list.
    pub fn list(state: AppState, list: ListId) -> Option<Self> {
        state.read_now(|ws| {
            let l = ws.list(list)?;
            Some(ExportRequest::Contacts {
                ids: ws.list_contact_ids(list),
                file_name: csv_file_name(&l.name),
                what: format!("the contacts of {}", quoted(&l.name)),
            })
        })
    }

    /// How many rows the file will have.
    pub fn rows(&self) -> usize {
        match self {
            ExportRequest::Contacts { ids, .. } => ids.len(),
            ExportRequest::Lists(ids) => ids.len(),
        }
    }
}

/// Writes the file and offers it for download; the file's name, or `None` when
/// stopped. `progress` is (rows written, rows in all).
pub async fn run_export(
    state: AppState,
    request: ExportRequest,
    options: CsvOptions,
    progress: RwSignal<(usize, usize)>,
    stop: RwSignal<bool>,
) -> Result<Option<String>, String> {
    match request {
        ExportRequest::Lists(ids) => {
            let bytes = state.read_now(|ws| lists_csv(options, ws, &ids, local_offset));
            download_bytes("lists.csv", CSV_MIME, &bytes)?;
            Ok(Some("lists.csv".to_owned()))
        }
        ExportRequest::Contacts { ids, file_name, .. } => {
            crate::perf::mark("cm:export-start");
            let _work = state.begin_work();
            let mut export = state.read_now(|ws| ContactsExport::new(ws, ids, options));
            let parts = js_sys::Array::new();
            loop {
                let deadline = now_ms() + SLICE_MS;
                let chunk = state.read_now(|ws| export.next_chunk(ws, || now_ms() >= deadline));
                parts.push(&js_sys::Uint8Array::from(chunk.as_slice()));
                let _ = progress.try_set((export.written(), export.total()));
                if export.is_done() {
                    break;
                }
                gloo_timers::future::TimeoutFuture::new(0).await;
                // A closed dialog (disposed signal) stops too.
                if stop.try_get_untracked().unwrap_or(true) {
                    return Ok(None);
                }
            }
            crate::perf::mark("cm:export-written");
            download_parts(&file_name, CSV_MIME, &parts)?;
            crate::perf::mark("cm:export-done");
            Ok(Some(file_name))
        }
    }
}
