//! A form's submit button that says "Saving…" and waits while the save runs.

use leptos::prelude::*;

#[component]
pub fn SaveButton(
    #[prop(into)] pending: Signal<bool>,
    #[prop(optional)] id: Option<&'static str>,
) -> impl IntoView {
    view! {
        <button type="submit" class="btn btn-primary" id=id disabled=move || pending.get()>
            {move || if pending.get() { "Saving…" } else { "Save" }}
        </button>
    }
}
