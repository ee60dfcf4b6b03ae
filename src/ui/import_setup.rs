//! Step 2: how the file is read (with a preview), the target list, where each column
//! goes, and which fields mark a duplicate. Upload starts the run.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::import_dedupe::ImportDedupe;
use super::import_error::ImportError;
use super::import_format::ImportFormat;
use super::import_mapping::ImportMapping;
use super::import_preview::ImportPreview;
use super::import_session::ImportSession;
use super::import_target_list::ImportTargetList;
use super::state::AppState;

#[component]
pub fn ImportSetup(session: ImportSession) -> impl IntoView {
    let state = AppState::get();
    // A new reading of the file (format changed) means new columns: map them again.
    let format = session.format;
    Effect::new(move |previous: Option<()>| {
        format.track();
        if previous.is_some() {
            spawn_local(async move { session.propose_mapping(state).await });
        }
    });
    view! {
        <div class="import-setup">
            <section class="card" aria-labelledby="import-file-title">
                <h2 class="card-title" id="import-file-title">
                    {move || format!("1. Reading “{}”", session.file_name.get())}
                </h2>
                <ImportFormat session=session />
                <ImportPreview session=session />
            </section>
            <section class="card" aria-labelledby="import-map-title">
                <h2 class="card-title" id="import-map-title">"2. Where the contacts go"</h2>
                <ImportTargetList session=session />
                <ImportMapping session=session />
            </section>
            <section class="card" aria-labelledby="import-dedupe-title">
                <h2 class="card-title" id="import-dedupe-title">"3. Check duplicates"</h2>
                <ImportDedupe session=session />
            </section>
            <ImportError session=session />
            <div class="form-actions">
                <button type="button" class="btn" on:click=move |_| session.reset()>"Choose another file"</button>
                <button type="button" class="btn btn-primary" id="import-start" on:click=move |_| session.start(state)>
                    "Upload"
                </button>
            </div>
        </div>
    }
}
