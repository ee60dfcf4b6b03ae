//! The required list of a contact (`#field-list`).

use leptos::prelude::*;

use super::options::ListOptions;
use crate::domain::contact::DraftPath;
use crate::domain::{ContactDraft, ContactErrors, ListId};
use crate::ui::kit::{FormField, Select};

#[component]
pub fn ListSelect(draft: RwSignal<ContactDraft>, errors: RwSignal<ContactErrors>) -> impl IntoView {
    let current = Memo::new(move |_| draft.with(|d| d.list_id));
    let error = Memo::new(move |_| errors.with(|e| e.message_for(DraftPath::List).map(str::to_string)));
    let change = Callback::new(move |value: String| {
        let id = value.parse::<u32>().ok().map(ListId::new);
        draft.update(|d| d.list_id = id);
    });
    view! {
        <FormField id="field-list" label="List" required=true error=error error_id="error-list">
            <Select on_change=change>
                <ListOptions current=current />
            </Select>
        </FormField>
    }
}
