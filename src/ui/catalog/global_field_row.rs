//! One row of the Global custom fields table: checkbox, the field, its actions
//! (Edit / Delete while available, Restore / Delete permanently once deleted).

use std::collections::HashSet;

use leptos::prelude::*;

use super::field_cells::FieldCells;
use crate::domain::{CustomField, FieldId};

/// What a row's buttons ask for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum RowAction {
    Edit(FieldId),
    Delete(FieldId),
    Restore(FieldId),
    Purge(FieldId),
}

#[component]
pub fn GlobalFieldRow(field: CustomField, selected: RwSignal<HashSet<FieldId>>, on_action: Callback<RowAction>) -> impl IntoView {
    let id = field.id;
    let alias = field.alias.to_string();
    let deleted = !field.is_available();
    let checked = move || selected.with(|s| s.contains(&id));
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        selected.update(|s| {
            if on {
                s.insert(id);
            } else {
                s.remove(&id);
            }
        });
    };
    let button = move |label: &'static str, class: &'static str, aria: String, action: RowAction| {
        view! { <button type="button" class=format!("btn btn-small {class}") aria-label=aria on:click=move |_| on_action.run(action)>{label}</button> }
    };
    let actions = if deleted {
        view! {
            {button("Restore", "field-restore", format!("Restore custom field {alias}"), RowAction::Restore(id))}
            {button("Delete permanently", "btn-danger-outline field-purge", format!("Delete custom field {alias} permanently"), RowAction::Purge(id))}
        }
        .into_any()
    } else {
        view! {
            {button("Edit", "field-edit", format!("Edit custom field {alias}"), RowAction::Edit(id))}
            {button("Delete", "btn-danger-outline field-delete", format!("Delete custom field {alias}"), RowAction::Delete(id))}
        }
        .into_any()
    };
    view! {
        <tr class:selected=checked class:row-deleted=deleted data-field=id.get().to_string()>
            <td class="col-check">
                <input type="checkbox" aria-label=format!("Select {alias}") prop:checked=checked on:change=toggle />
            </td>
            <FieldCells field=field />
            <td class="col-status">
                {if deleted {
                    view! { <span class="status-badge status-deleted">"Deleted"</span> }.into_any()
                } else {
                    view! { <span class="status-badge">"Available"</span> }.into_any()
                }}
            </td>
            <td class="col-actions"><div class="row-actions">{actions}</div></td>
        </tr>
    }
}
