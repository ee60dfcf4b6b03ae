//! The list's dial prefix: digits put in front of a number when dialling from it.

use leptos::prelude::*;

use crate::domain::ListDraft;
use crate::ui::kit::{FieldIds, FormField};

const HINT_ID: &str = "hint-list-dial-prefix";

#[component]
pub fn DialPrefixField(draft: RwSignal<ListDraft>, error: RwSignal<Option<String>>) -> impl IntoView {
    view! {
        <FormField id="list-dial-prefix" label="Dial prefix" error=error>
            <PrefixInput draft=draft />
            <p class="hint" id=HINT_ID>"Digits put in front of every number dialled from this list (for example 0 for an outside line). Leave empty to dial numbers as they are."</p>
        </FormField>
    }
}

/// The input, described by the hint until an error describes it. `TextInput` names
/// only the error line (FormField's `hint` has no id yet), so this one control says
/// its own `aria-describedby`.
#[component]
fn PrefixInput(draft: RwSignal<ListDraft>) -> impl IntoView {
    let ids = FieldIds::get();
    let invalid = ids.invalid();
    let error_id = ids.error.clone();
    let value = Memo::new(move |_| draft.with(|d| d.dial_prefix.clone()));
    view! {
        <input
            type="text"
            id=ids.input.clone()
            inputmode="numeric"
            autocomplete="off"
            maxlength="10"
            placeholder="e.g. 0"
            aria-invalid=invalid.clone()
            aria-describedby=move || if invalid().is_some() { error_id.clone() } else { HINT_ID.to_string() }
            prop:value=move || value.get()
            on:input=move |ev| draft.update(|d| d.dial_prefix = event_target_value(&ev))
        />
    }
}
