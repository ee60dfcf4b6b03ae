//! Additional phone numbers: label + number rows the user adds and removes.

use leptos::prelude::*;

use crate::ui::kit::focus_id;
use super::phone_row::PhoneRow;
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
