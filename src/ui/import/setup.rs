//! Step 2: how the file is read (with a preview), the target list, where each column
//! goes, which fields mark a duplicate, how values are read, and what all that would
//! do to the file's first rows. Upload starts the run.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::import::CheckReport;

use crate::ui::app::AppState;

use super::check::{checked, ImportCheck};
use super::dedupe::ImportDedupe;
use super::error::ImportError;
use super::format::ImportFormat;
use super::mapping::ImportMapping;
use super::preview::ImportPreview;
use super::session::ImportSession;
use super::target_list::ImportTargetList;
use super::values::ImportValues;
use crate::domain::text::quoted;

#[component]
pub fn ImportSetup(session: ImportSession) -> impl IntoView {
    let state = AppState::get();
    // A new reading of the file (format changed) means new columns: map them again.
    let preview = session.preview;
    let check = checked(session, state);
    let imports_nothing = move || check.with(|c| c.as_ref().is_ok_and(CheckReport::imports_nothing));
    Effect::new(move |previous: Option<()>| {
        preview.track();
        if previous.is_some() {
            spawn_local(async move { session.propose_mapping(state).await });
        }
    });
    view! {
        <div class="import-setup">
            <section class="card" aria-labelledby="import-file-title">
                <h2 class="card-title" id="import-file-title">
                    {move || format!("1. Reading {}", quoted(&session.file_name.get()))}
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
            <section class="card" aria-labelledby="import-values-title">
                <h2 class="card-title" id="import-values-title">"4. Reading the values"</h2>
                <ImportValues session=session check=check />
            </section>
            <section class="card" aria-labelledby="import-check-title">
                <h2 class="card-title" id="import-check-title">"5. What would happen"</h2>
                <ImportCheck check=check />
            </section>
            <ImportError session=session />
            <Show when=imports_nothing>
                <p class="form-error" id="import-nothing" role="alert">
                    "With these choices no row would be imported: check the columns chosen above (see “What would happen”)."
                </p>
            </Show>
            <div class="form-actions">
                <button type="button" class="btn" id="import-choose-another" on:click=move |_| session.reset()>"Choose another file"</button>
                <button type="button" class="btn btn-primary" id="import-start" on:click=move |_| session.start(state)>
                    "Upload"
                </button>
            </div>
        </div>
    }
}
