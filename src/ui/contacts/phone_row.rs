//! One additional phone number: label, number, its error, and Remove.

use leptos::prelude::*;

use super::phone_reading::PhoneReadingHint;
use crate::domain::contact::{DraftPath, PhoneDraft};
use crate::domain::{ContactDraft, ContactErrors};
use crate::ui::app::AppState;
use crate::ui::kit::{FormField, TextInput};

#[component]
pub fn PhoneRow(
    index: usize,
    draft: RwSignal<ContactDraft>,
    errors: RwSignal<ContactErrors>,
    on_remove: Callback<usize>,
) -> impl IntoView {
    let state = AppState::get();
    let base = format!("field-additional_phone-{index}");
    let number_id = format!("{base}-number");
    let part = move |get: fn(&PhoneDraft) -> &String| {
        Signal::<String>::from(Memo::new(move |_| draft.with(|d| d.additional_phones.get(index).map(|p| get(p).clone()).unwrap_or_default())))
    };
    let edit = move |set: fn(&mut PhoneDraft, String)| {
        Callback::new(move |text: String| {
            draft.update(|d| {
                if let Some(p) = d.additional_phones.get_mut(index) {
                    set(p, text);
                }
            })
        })
    };
    let (label, number) = (part(|p| &p.label), part(|p| &p.number));
    let set_number = edit(|p, t| p.number = t);
    let error = Memo::new(move |_| errors.with(|e| e.message_for(DraftPath::AdditionalPhone(index)).map(str::to_string)));
    let country = Signal::derive(move || state.list_country(draft.with(|d| d.list_id)));
    view! {
        <div class="phone-row" class:has-error=move || error.with(Option::is_some)>
            <FormField id=format!("{base}-label") label=format!("Label {}", index + 1)>
                <TextInput value=label on_input=edit(|p, t| p.label = t) placeholder="Office, Home…" />
            </FormField>
            <FormField id=number_id.clone() label=format!("Number {}", index + 1) error=error error_id=format!("error-additional_phone-{index}")>
                <TextInput value=number on_input=set_number kind="tel" attr:inputmode="tel" />
                <PhoneReadingHint input_id=number_id text=number country=country on_pick=set_number />
            </FormField>
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
