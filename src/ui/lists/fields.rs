//! Name, description and default country of a list, shared by New List and the
//! Settings tab.

use leptos::prelude::*;

use crate::domain::ListDraft;
use crate::ui::kit::{CountryField, FormField, TextArea, TextInput};

#[component]
pub fn ListFields(draft: RwSignal<ListDraft>, name_error: RwSignal<Option<String>>) -> impl IntoView {
    let name = Memo::new(move |_| draft.with(|d| d.name.clone()));
    let description = Memo::new(move |_| draft.with(|d| d.description.clone()));
    view! {
        <FormField id="list-name" label="Name" required=true error=name_error>
            <TextInput value=name on_input=Callback::new(move |text| draft.update(|d| d.name = text)) />
        </FormField>
        <FormField id="list-description" label="Description">
            <TextArea value=description on_input=Callback::new(move |text| draft.update(|d| d.description = text)) rows=3 />
        </FormField>
        // How numbers written without a country code are read.
        <CountryField
            id="list-country"
            label="Country of numbers without a country code"
            value=Signal::derive(move || draft.with(|d| d.country))
            on_change=Callback::new(move |c| draft.update(|d| d.country = c))
            none_label="None: every number needs its country code"
            hint="A number typed or imported as 02 1000000 or (212) 555-0100 is read as a number of this country and saved with its country code, as WhatsApp needs."
        />
    }
}
