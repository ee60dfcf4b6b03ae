//! Name, description and default country of a list, shared by New List and the
//! Settings tab.

use leptos::prelude::*;

use crate::ui::kit::sentence;
use super::country_field::ListCountryField;

use crate::domain::ListDraft;

#[component]
pub fn ListFields(draft: RwSignal<ListDraft>, name_error: RwSignal<Option<String>>) -> impl IntoView {
    let name = Memo::new(move |_| draft.with(|d| d.name.clone()));
    let description = Memo::new(move |_| draft.with(|d| d.description.clone()));
    view! {
        <div class="field" class:has-error=move || name_error.with(Option::is_some)>
            <label for="list-name">
                "Name"
                <span class="required" aria-hidden="true">" *"</span>
                <span class="visually-hidden">" (required)"</span>
            </label>
            <input
                type="text"
                id="list-name"
                autocomplete="off"
                aria-required="true"
                aria-invalid=move || name_error.with(Option::is_some).then_some("true")
                aria-describedby=move || name_error.with(Option::is_some).then_some("error-list-name")
                prop:value=move || name.get()
                on:input=move |ev| draft.update(|d| d.name = event_target_value(&ev))
            />
            {move || name_error.get().map(|m| view! { <p class="field-error" id="error-list-name" role="alert">{sentence(&m)}</p> })}
        </div>
        <div class="field">
            <label for="list-description">"Description"</label>
            <textarea
                id="list-description"
                rows="3"
                prop:value=move || description.get()
                on:input=move |ev| draft.update(|d| d.description = event_target_value(&ev))
            ></textarea>
        </div>
        <ListCountryField draft=draft />
    }
}
