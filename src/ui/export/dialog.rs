//! Export to CSV: says what will be exported, offers the CSV options (remembered),
//! then writes the file with a progress bar and Stop, and offers it for download.

use leptos::prelude::*;

use crate::domain::export::CsvOptions;

use crate::ui::app::AppState;
use crate::ui::app::Setting;
use crate::ui::kit::Dialog;
use crate::ui::kit::{grouped, plural};

use super::options::{remembered_options, ExportOptions};
use super::runner::{run_export, ExportRequest};

#[component]
pub fn ExportDialog(request: ExportRequest, on_close: Callback<()>) -> impl IntoView {
    let state = AppState::get();
    let options = RwSignal::new(CsvOptions::default());
    leptos::task::spawn_local(async move {
        let _ = options.try_set(remembered_options(state).await);
    });
    let rows = request.rows();
    let (noun, nouns) = match &request {
        ExportRequest::Contacts { .. } => ("contact", "contacts"),
        ExportRequest::Lists(_) => ("list", "lists"),
    };
    let summary = match &request {
        ExportRequest::Contacts { what, .. } => format!("Export {what} to CSV: {}.", plural(rows, noun, nouns)),
        ExportRequest::Lists(_) => format!("Export {} to CSV: id, name, description, contacts, agents, created.", plural(rows, noun, nouns)),
    };
    let running = RwSignal::new(false);
    let stop = RwSignal::new(false);
    let progress = RwSignal::new((0usize, rows));
    let request = StoredValue::new(request);

    let start = move |_| {
        if running.get_untracked() {
            return;
        }
        running.set(true);
        let chosen = options.get_untracked();
        state.remember(Setting::ExportOptions(chosen));
        let request = request.get_value();
        leptos::task::spawn_local(async move {
            match run_export(state, request, chosen, progress, stop).await {
                Ok(Some(file)) => {
                    state.info(format!("Exported {} to {file}.", plural(rows, noun, nouns)));
                    on_close.run(());
                }
                Ok(None) => state.info("Export stopped; no file was written."),
                Err(message) => {
                    state.error(message);
                    let _ = running.try_set(false);
                }
            }
        });
    };
    let close = Callback::new(move |()| {
        stop.set(true);
        on_close.run(());
    });
    let progress_text = move || {
        let (done, total) = progress.get();
        format!("{} of {} {nouns} written", grouped(done), grouped(total))
    };

    view! {
        <Dialog title="Export to CSV" on_close=close>
            <div class="dialog-body" id="export-dialog">
                <p id="export-summary">{summary}</p>
                <ExportOptions options=options disabled=running />
                <Show when=move || running.get()>
                    <div class="export-running">
                        <progress
                            id="export-progress"
                            max=move || progress.get().1.max(1)
                            prop:value=move || progress.get().0
                        ></progress>
                        <p id="export-progress-text" role="status" aria-live="polite">{progress_text}</p>
                    </div>
                </Show>
            </div>
            <footer class="dialog-foot">
                <button type="button" class="btn" id="export-cancel" on:click=move |_| close.run(())>
                    {move || if running.get() { "Stop" } else { "Cancel" }}
                </button>
                <button type="button" class="btn btn-primary" id="export-start" disabled=move || running.get() on:click=start>
                    {move || if running.get() { "Exporting…" } else { "Export" }}
                </button>
            </footer>
        </Dialog>
    }
}
