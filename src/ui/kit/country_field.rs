//! A country picker as a form field: its label, the select and a hint (with the
//! id `hint-<id>`) that says how numbers without a country code are read.

use leptos::prelude::*;

use super::country_select::CountrySelect;
use super::form_field::FormField;
use crate::domain::Country;

#[component]
pub fn CountryField(
    id: &'static str,
    label: &'static str,
    #[prop(into)] value: Signal<Option<Country>>,
    on_change: Callback<Option<Country>>,
    /// The first option's text (no country chosen).
    none_label: &'static str,
    hint: &'static str,
) -> impl IntoView {
    let hint_id = format!("hint-{id}");
    view! {
        <FormField id=id label=label>
            <CountrySelect id=id value=value on_change=on_change none_label=none_label describedby=hint_id.clone() />
            <p class="hint" id=hint_id>{hint}</p>
        </FormField>
    }
}
