//! Every default field of a contact, grouped under headings.

use leptos::prelude::*;

use super::field_groups::default_groups;
use super::field_input::FieldInput;
use crate::domain::{ContactDraft, ContactErrors};

#[component]
pub fn DefaultFields(
    draft: RwSignal<ContactDraft>,
    errors: RwSignal<ContactErrors>,
    #[prop(optional)] links: bool,
) -> impl IntoView {
    default_groups()
        .into_iter()
        .map(|(title, fields)| {
            view! {
                <fieldset class="field-group">
                    <legend>{title}</legend>
                    <div class="field-grid">
                        {fields
                            .into_iter()
                            .map(|field| view! { <FieldInput field=field draft=draft errors=errors links=links /> })
                            .collect_view()}
                    </div>
                </fieldset>
            }
        })
        .collect_view()
}
