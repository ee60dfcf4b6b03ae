//! The list's default country: how numbers written without a country code are read.

use leptos::prelude::*;

use crate::ui::kit::CountrySelect;
use crate::domain::ListDraft;

#[component]
pub fn ListCountryField(draft: RwSignal<ListDraft>) -> impl IntoView {
    let value = Signal::derive(move || draft.with(|d| d.country));
    let on_change = Callback::new(move |c| draft.update(|d| d.country = c));
    view! {
        <div class="field">
            <label for="list-country">"Country of numbers without a country code"</label>
            <CountrySelect
                id="list-country"
                value=value
                on_change=on_change
                none_label="None: every number needs its country code"
                describedby="hint-list-country"
            />
            <p class="hint" id="hint-list-country">
                "A number typed or imported as 02 1000000 or (212) 555-0100 is read as a number of this country and saved with its country code, as WhatsApp needs."
            </p>
        </div>
    }
}
