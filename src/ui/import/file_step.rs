//! Step 1: pick a CSV file, or drop one on the page.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::app::AppState;

use super::session::ImportSession;

#[component]
pub fn ImportFileStep(session: ImportSession) -> impl IntoView {
    let state = AppState::get();
    let dragging = RwSignal::new(false);
    let picked = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            session.choose(state, file);
        }
        // Choosing the same file again must fire `change` again.
        input.set_value("");
    };
    let dropped = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev.data_transfer().and_then(|dt| dt.files()).and_then(|files| files.get(0)) {
            session.choose(state, file);
        }
    };
    view! {
        <div
            class="card drop-zone"
            id="import-drop"
            class:dragging=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=dropped
        >
            <p class="drop-title">"Drop a CSV file here"</p>
            <p class="hint">
                "Exports from Google Contacts, Outlook, Excel and other CRMs work: comma, semicolon or tab separated, any common encoding, up to 60 MB."
            </p>
            <label class="btn btn-primary file-button">
                "Choose a CSV file…"
                <input type="file" id="import-file" accept=".csv,.txt,text/csv" class="visually-hidden" on:change=picked />
            </label>
        </div>
    }
}
