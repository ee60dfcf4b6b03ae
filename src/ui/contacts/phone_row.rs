//! One additional phone number: label, number, its error, and Remove.

use leptos::prelude::*;

use crate::ui::kit::sentence;
use super::phone_reading::PhoneReadingHint;
use crate::domain::contact::{DraftPath, PhoneDraft};
use crate::domain::{ContactDraft, ContactErrors};

#[component]
pub fn PhoneRow(
    index: usize,
    draft: RwSignal<ContactDraft>,
    errors: RwSignal<ContactErrors>,
    on_remove: Callback<usize>,
) -> impl IntoView {
    let base = format!("field-additional_phone-{index}");
    let label_id = format!("{base}-label");
    let number_id = format!("{base}-number");
    let error_id = format!("error-additional_phone-{index}");
    let described = error_id.clone();
    let label = Memo::new(move |_| draft.with(|d| d.additional_phones.get(index).map(|p| p.label.clone()).unwrap_or_default()));
    let number = Memo::new(move |_| draft.with(|d| d.additional_phones.get(index).map(|p| p.number.clone()).unwrap_or_default()));
    let error = Memo::new(move |_| errors.with(|e| e.message_for(DraftPath::AdditionalPhone(index)).map(str::to_string)));
    let state = crate::ui::app::AppState::get();
    let country = Signal::derive(move || state.list_country(draft.with(|d| d.list_id)));
    let reading_id = number_id.clone();
    let edit = move |f: fn(&mut PhoneDraft, String), text: String| {
        draft.update(|d| {
            if let Some(p) = d.additional_phones.get_mut(index) {
                f(p, text);
            }
        })
    };
    view! {
        <div class="phone-row" class:has-error=move || error.with(Option::is_some)>
            <div class="field">
                <label for=label_id.clone()>{format!("Label {}", index + 1)}</label>
                <input
                    type="text"
                    id=label_id
                    placeholder="Office, Home…"
                    prop:value=move || label.get()
                    on:input=move |ev| edit(|p, t| p.label = t, event_target_value(&ev))
                />
            </div>
            <div class="field">
                <label for=number_id.clone()>{format!("Number {}", index + 1)}</label>
                <input
                    type="tel"
                    id=number_id
                    inputmode="tel"
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby=move || error.with(Option::is_some).then(|| described.clone())
                    prop:value=move || number.get()
                    on:input=move |ev| edit(|p, t| p.number = t, event_target_value(&ev))
                />
                <PhoneReadingHint
                    input_id=reading_id
                    text=number
                    country=country
                    on_pick=Callback::new(move |text: String| edit(|p, t| p.number = t, text))
                />
            </div>
            {move || error.get().map(|m| view! { <p class="field-error" id=error_id.clone() role="alert">{sentence(&m)}</p> })}
            <button
                type="button"
                class="btn btn-small btn-ghost"
                aria-label=format!("Remove phone number {}", index + 1)
                on:click=move |_| on_remove.run(index)
            >
                "Remove"
            </button>
        </div>
    }
}
