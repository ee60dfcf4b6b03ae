//! Additional phone numbers: label + number rows the user adds and removes.

use leptos::prelude::*;

use super::focus::focus_id;
use super::format::sentence;
use crate::domain::contact::{DraftPath, PhoneDraft};
use crate::domain::{ContactDraft, ContactErrors};

#[component]
pub fn AdditionalPhones(draft: RwSignal<ContactDraft>, errors: RwSignal<ContactErrors>) -> impl IntoView {
    // Rows are re-rendered only when their number changes, not on every keystroke.
    let count = Memo::new(move |_| draft.with(|d| d.additional_phones.len()));
    let add = move |_| {
        draft.update(|d| d.additional_phones.push(PhoneDraft::default()));
        let index = count.get_untracked().saturating_sub(1);
        request_animation_frame(move || focus_id(&format!("field-additional_phone-{index}-label")));
    };
    let remove = move |index: usize| {
        draft.update(|d| {
            if index < d.additional_phones.len() {
                d.additional_phones.remove(index);
            }
        });
        // Errors are by position: after a removal they would point at the wrong row.
        errors.update(|e| e.0.retain(|(p, _)| !matches!(p, DraftPath::AdditionalPhone(_))));
    };

    view! {
        <fieldset class="field-group">
            <legend>"Additional phone numbers"</legend>
            {move || {
                let n = count.get();
                if n == 0 {
                    return view! { <p class="hint">"None yet."</p> }.into_any();
                }
                (0..n).map(|i| view! { <PhoneRow index=i draft=draft errors=errors on_remove=Callback::new(remove) /> }).collect_view().into_any()
            }}
            <button type="button" class="btn btn-small" id="add-phone" on:click=add>
                "+ Add phone number"
            </button>
        </fieldset>
    }
}

#[component]
fn PhoneRow(
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
