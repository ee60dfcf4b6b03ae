//! Step 1: pick a call or message log, or drop one on the card.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::app::AppState;

use super::session::CallLogSession;

/// The first file of a picker or a drop.
fn first_file(files: Option<web_sys::FileList>) -> Option<web_sys::File> {
    files.and_then(|list| list.get(0))
}

#[component]
pub fn CallLogFileStep(session: CallLogSession) -> impl IntoView {
    let state = AppState::get();
    let over = RwSignal::new(false);
    let take = move |file: Option<web_sys::File>| {
        if let Some(file) = file {
            session.choose(state, file);
        }
    };
    view! {
        <div
            class="card drop-zone"
            id="call-log-drop"
            class:dragging=move || over.get()
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                over.set(true);
            }
            on:dragleave=move |_| over.set(false)
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                over.set(false);
                take(first_file(ev.data_transfer().and_then(|dt| dt.files())));
            }
        >
            <p class="drop-title">"Drop a call or message log here"</p>
            <p class="hint">
                "A CSV export of Twilio, Aircall, RingCentral, Zendesk Talk or WhatsApp Business, or your own sheet: each row is matched to one contact by phone number or email, and logged in that contact's journey."
            </p>
            <label class="btn btn-primary file-button">
                "Choose a log file…"
                <input
                    type="file"
                    id="call-log-file"
                    accept=".csv,.txt,text/csv"
                    class="visually-hidden"
                    on:change=move |ev| {
                        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
                        take(first_file(input.as_ref().and_then(|i| i.files())));
                        // Choosing the same file again must fire `change` again.
                        if let Some(input) = input {
                            input.set_value("");
                        }
                    }
                />
            </label>
        </div>
    }
}
