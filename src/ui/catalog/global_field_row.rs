//! One row of the Global custom fields table: checkbox, the field, its actions
//! (Edit / Delete while available, Restore / Delete permanently once deleted).

use std::collections::HashSet;

use leptos::prelude::*;

use super::field_cells::FieldCells;
use crate::ui::kit::{RowActions, RowButton, SelectRowCell};
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
    let run = move |action: RowAction| Callback::new(move |()| on_action.run(action));
    let actions = if deleted {
        view! {
            <div class="row-actions">
                <RowButton label="Restore" class="field-restore" aria_label=format!("Restore custom field {alias}") on_click=run(RowAction::Restore(id)) />
                <RowButton
                    label="Delete permanently"
                    class="btn-danger-outline field-purge"
                    aria_label=format!("Delete custom field {alias} permanently")
                    on_click=run(RowAction::Purge(id))
                />
            </div>
        }
        .into_any()
    } else {
        view! {
            <RowActions
                noun="custom field"
                name=alias.clone()
                on_edit=run(RowAction::Edit(id))
                on_delete=run(RowAction::Delete(id))
                edit_class="field-edit"
                delete_class="field-delete"
            />
        }
        .into_any()
    };
    view! {
        <tr class:selected=checked class:row-deleted=deleted data-field=id.get().to_string()>
            <SelectRowCell id=id picked=selected label=format!("Select {alias}") />
            <FieldCells field=field />
            <td class="col-status">
                {if deleted {
                    view! { <span class="status-badge status-deleted">"Deleted"</span> }.into_any()
                } else {
                    view! { <span class="status-badge">"Available"</span> }.into_any()
                }}
            </td>
            <td class="col-actions">{actions}</td>
        </tr>
    }
}
