//! Social handles, folded away by default: most contacts have none.

use leptos::prelude::*;

use super::field_input::FieldInput;
use crate::domain::{ContactDraft, ContactErrors, ContactField, SocialNetwork};

#[component]
pub fn SocialFields(
    draft: RwSignal<ContactDraft>,
    errors: RwSignal<ContactErrors>,
    /// Open from the start (the edit page, or when a handle is already filled).
    #[prop(optional)]
    open: bool,
) -> impl IntoView {
    let filled = draft.with_untracked(|d| SocialNetwork::ALL.iter().any(|n| !d.value(ContactField::Social(*n)).is_empty()));
    view! {
        <details class="field-group collapsible" open=open || filled>
            <summary>"Social info"</summary>
            <div class="field-grid">
                {SocialNetwork::ALL
                    .into_iter()
                    .map(|n| view! { <FieldInput field=ContactField::Social(n) draft=draft errors=errors /> })
                    .collect_view()}
            </div>
        </details>
    }
}
