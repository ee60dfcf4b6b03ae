//! One row of the lists table with its actions.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::domain::{ContactList, ListId};
use crate::ui::app::Route;
use crate::ui::kit::{grouped, local_time, RowButton, RowMenu, SelectRowCell, TruncatedText};

#[component]
pub fn ListRow(
    list: ContactList,
    count: usize,
    selected: RwSignal<HashSet<ListId>>,
    on_delete: Callback<ListId>,
    /// Opens "Add Agents to List".
    on_agents: Callback<ListId>,
    /// Opens "Export to CSV" for the list's contacts.
    on_export: Callback<ListId>,
) -> impl IntoView {
    let id = list.id;
    let name = list.name.to_string();
    let checked = move || selected.with(|s| s.contains(&id));
    let on = move |action: Callback<ListId>| Callback::new(move |()| action.run(id));
    view! {
        <tr class:selected=checked>
            <SelectRowCell id=id picked=selected label=format!("Select {name}") />
            <td class="col-name">
                <a href=Route::EditList(id).to_hash() class="row-title"><TruncatedText text=name.clone() /></a>
            </td>
            <td class="col-desc"><TruncatedText text=list.description.as_deref().unwrap_or("").to_string() /></td>
            <td class="col-num">{grouped(count)}</td>
            <td class="col-date">{local_time(list.created)}</td>
            <td class="col-actions">
                <div class="row-actions">
                    <a class="btn btn-small" href=Route::EditList(id).to_hash() aria-label=format!("Edit list {name}")>
                        "Edit List"
                    </a>
                    <RowMenu label=format!("More actions for list {name}")>
                        <a class="btn btn-small" href=Route::Contacts(Some(id)).to_hash() aria-label=format!("Show contacts of {name}")>
                            "Show Contacts"
                        </a>
                        <RowButton label="Add Agents to List" aria_label=format!("Add agents to list {name}") on_click=on(on_agents) />
                        <RowButton label="Export to CSV" aria_label=format!("Export the contacts of {name} to CSV") on_click=on(on_export) />
                        <RowButton label="Delete" class="btn-danger-outline" aria_label=format!("Delete list {name}") on_click=on(on_delete) />
                    </RowMenu>
                </div>
            </td>
        </tr>
    }
}
