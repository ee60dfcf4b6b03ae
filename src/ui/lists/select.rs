//! The required list of a contact (`#field-list`).

use leptos::prelude::*;

use super::options::ListOptions;
use crate::ui::kit::sentence;
use crate::domain::contact::DraftPath;
use crate::domain::{ContactDraft, ContactErrors, ListId};

#[component]
pub fn ListSelect(draft: RwSignal<ContactDraft>, errors: RwSignal<ContactErrors>) -> impl IntoView {
    let current = Memo::new(move |_| draft.with(|d| d.list_id));
    let error = Memo::new(move |_| errors.with(|e| e.message_for(DraftPath::List).map(str::to_string)));
    let change = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev).parse::<u32>().ok().map(ListId::new);
        draft.update(|d| d.list_id = id);
    };
    view! {
        <div class="field" class:has-error=move || error.with(Option::is_some)>
            <label for="field-list">
                "List"
                <span class="required" aria-hidden="true">" *"</span>
                <span class="visually-hidden">" (required)"</span>
            </label>
            <select
                id="field-list"
                aria-required="true"
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                on:change=change
            >
                <ListOptions current=current />
                </select>
            {move || error.get().map(|m| view! { <p class="field-error" id="error-list" role="alert">{sentence(&m)}</p> })}
        </div>
    }
}
