//! The list's dial prefix: digits put in front of a number when dialling from it.

use leptos::prelude::*;

use crate::ui::kit::sentence;
use crate::domain::ListDraft;

#[component]
pub fn DialPrefixField(draft: RwSignal<ListDraft>, error: RwSignal<Option<String>>) -> impl IntoView {
    let value = Memo::new(move |_| draft.with(|d| d.dial_prefix.clone()));
    view! {
        <div class="field" class:has-error=move || error.with(Option::is_some)>
            <label for="list-dial-prefix">"Dial prefix"</label>
            <input
                type="text"
                id="list-dial-prefix"
                inputmode="numeric"
                autocomplete="off"
                maxlength="10"
                placeholder="e.g. 0"
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || if error.with(Option::is_some) { "error-list-dial-prefix" } else { "hint-list-dial-prefix" }
                prop:value=move || value.get()
                on:input=move |ev| draft.update(|d| d.dial_prefix = event_target_value(&ev))
            />
            <p class="hint" id="hint-list-dial-prefix">"Digits put in front of every number dialled from this list (for example 0 for an outside line). Leave empty to dial numbers as they are."</p>
            {move || error.get().map(|m| view! { <p class="field-error" id="error-list-dial-prefix" role="alert">{sentence(&m)}</p> })}
        </div>
    }
}
