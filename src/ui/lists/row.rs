//! One row of the lists table with its actions.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::ui::kit::local_time;
use crate::ui::kit::grouped;
use crate::ui::app::Route;
use crate::domain::{ContactList, ListId};

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
    view! {
        <tr class:selected=checked>
            <td class="col-check">
                <input type="checkbox" aria-label=format!("Select {name}") prop:checked=checked on:change=toggle />
            </td>
            <td class="col-name">
                <a href=Route::EditList(id).to_hash() class="row-title">{name.clone()}</a>
            </td>
            <td class="col-desc">{list.description.as_deref().unwrap_or("").to_string()}</td>
            <td class="col-num">{grouped(count)}</td>
            <td class="col-date">{local_time(list.created)}</td>
            <td class="col-actions">
                <div class="row-actions">
                    <a class="btn btn-small" href=Route::EditList(id).to_hash() aria-label=format!("Edit list {name}")>
                        "Edit List"
                    </a>
                    <a
                        class="btn btn-small"
                        href=Route::Contacts(Some(id)).to_hash()
                        aria-label=format!("Show contacts of {name}")
                    >
                        "Show Contacts"
                    </a>
                    <button
                        type="button"
                        class="btn btn-small"
                        aria-label=format!("Add agents to list {name}")
                        title="Add Agents to List"
                        on:click=move |_| on_agents.run(id)
                    >
                        // Short, so the row's actions fit beside the columns at 1280px.
                        "Add Agents"
                    </button>
                    <button
                        type="button"
                        class="btn btn-small"
                        aria-label=format!("Export the contacts of {name} to CSV")
                        title="Export to CSV"
                        on:click=move |_| on_export.run(id)
                    >
                        "Export"
                    </button>
                    <button
                        type="button"
                        class="btn btn-small btn-danger-outline"
                        aria-label=format!("Delete list {name}")
                        on:click=move |_| on_delete.run(id)
                    >
                        "Delete"
                    </button>
                </div>
            </td>
        </tr>
    }
}
