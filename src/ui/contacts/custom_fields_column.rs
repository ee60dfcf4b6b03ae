//! The contact form's custom fields: available global fields, then the list's own.
//! Follows the chosen list (Add Contact lets it change).

use leptos::prelude::*;

use super::custom_field_input::CustomFieldInput;
use crate::domain::workspace::GlobalFilter;
use crate::domain::{ContactDraft, ContactErrors, CustomField, ListId};
use crate::ui::app::{AppState, Collection};

/// The custom fields of a list's contacts (tracked); for no list, the global ones
/// still available.
pub fn fields_of(state: AppState, list: Option<ListId>) -> Vec<CustomField> {
    state.read(&[Collection::Fields, Collection::Lists], |ws| match list {
        Some(id) => ws.fields_for(id).into_iter().cloned().collect(),
        None => ws.global_fields(GlobalFilter::Available).into_iter().cloned().collect(),
    })
}

#[component]
pub fn CustomFieldsColumn(
    draft: RwSignal<ContactDraft>,
    errors: RwSignal<ContactErrors>,
    /// In the Add Contact dialog: a titled group in the form's grid, absent when
    /// there are no fields. Otherwise a column that says how to add fields.
    #[prop(optional)]
    grouped: bool,
) -> impl IntoView {
    let state = AppState::get();
    let list_id = Memo::new(move |_| draft.with(|d| d.list_id));
    let list = Signal::derive(move || {
        let id = list_id.get()?;
        state.lists.with(|ls| ls.iter().find(|l| l.id == id).cloned())
    });
    let fields = Memo::new(move |_| fields_of(state, list_id.get()));
    let inputs = move || {
        view! {
            <For
                each=move || fields.get()
                key=|f| (f.id, f.updated)
                children=move |f| view! { <CustomFieldInput field=f draft=draft errors=errors list=list /> }
            />
        }
    };
    if grouped {
        view! {
            <Show when=move || fields.with(|f| !f.is_empty())>
                <fieldset class="field-group" id="custom-fields">
                    <legend>"Custom fields"</legend>
                    <div class="field-grid">{inputs()}</div>
                </fieldset>
            </Show>
        }
        .into_any()
    } else {
        view! {
            <div class="custom-fields" id="custom-fields">
                <Show
                    when=move || fields.with(|f| !f.is_empty())
                    fallback=|| view! { <p class="hint" id="no-custom-fields">"No custom fields yet: add them under Global custom fields, or in the list's Custom fields tab."</p> }
                >
                    {inputs()}
                </Show>
            </div>
        }
        .into_any()
    }
}
