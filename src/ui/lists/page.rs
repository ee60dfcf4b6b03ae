//! Lists: a table with New List, Edit, Show Contacts, Export (a list's contacts, or
//! the selected lists' rows) and Delete (one or many, with a confirmation that counts
//! the contacts that go with them).

use std::collections::HashSet;

use leptos::prelude::*;

use super::agent_picker_dialog::AgentPickerDialog;
use crate::ui::kit::ConfirmDialog;
use crate::ui::export::ExportDialog;
use crate::ui::export::ExportRequest;
use crate::ui::kit::plural;
use super::row::ListRow;
use super::new_dialog::NewListDialog;
use crate::ui::app::{ActionError, AppState};
use crate::domain::{ContactList, ListId};

#[component]
pub fn ListsPage() -> impl IntoView {
    let state = AppState::get();
    let rows = Memo::new(move |_| {
        state.contacts_rev.track();
        let lists = state.lists.get();
        state.read(|ws| lists.into_iter().map(|l| { let n = ws.contact_count(l.id); (l, n) }).collect::<Vec<(ContactList, usize)>>())
    });
    let selected = RwSignal::new(HashSet::<ListId>::new());
    // Drop selections of lists that are gone.
    Effect::new(move |_| {
        let present: HashSet<ListId> = rows.with(|r| r.iter().map(|(l, _)| l.id).collect());
        if selected.with_untracked(|s| s.iter().any(|id| !present.contains(id))) {
            selected.update(|s| s.retain(|id| present.contains(id)));
        }
    });
    let creating = RwSignal::new(false);
    // The list whose agents are being picked.
    let picking = RwSignal::new(None::<ListId>);
    // The lists a pending confirmation would delete.
    let to_delete = RwSignal::new(None::<Vec<ListId>>);
    let deleting = RwSignal::new(false);
    let exporting = RwSignal::new(None::<ExportRequest>);
    let export_list = Callback::new(move |id: ListId| exporting.set(ExportRequest::list(state, id)));
    let export_selected = move |_| {
        let ids: Vec<ListId> = selected.get_untracked().into_iter().collect();
        exporting.set(Some(ExportRequest::Lists(ids)));
    };

    let all_checked = move || {
        let n = rows.with(Vec::len);
        n > 0 && selected.with(|s| s.len()) == n
    };
    let some_checked = move || {
        let n = selected.with(|s| s.len());
        n > 0 && n < rows.with(Vec::len)
    };
    let toggle_all = move |ev: leptos::ev::Event| {
        if event_target_checked(&ev) {
            selected.set(rows.with_untracked(|r| r.iter().map(|(l, _)| l.id).collect()));
        } else {
            selected.update(|s| s.clear());
        }
    };
    let confirm = Callback::new(move |()| {
        let Some(ids) = to_delete.get_untracked() else { return };
        deleting.set(true);
        leptos::task::spawn_local(async move {
            let n = ids.len();
            let gone = ids.clone();
            let result = state.apply(move |ws, _| ws.delete_lists(&ids).map(|c| ((), c))).await;
            deleting.set(false);
            to_delete.set(None);
            match result {
                Ok(()) => {
                    selected.update(|s| s.retain(|id| !gone.contains(id)));
                    state.info(format!("Deleted {}.", plural(n, "list", "lists")));
                }
                Err(ActionError::Storage(_)) => {}
                Err(err) => state.error(err.to_string()),
            }
        });
    });
    let confirm_text = move |ids: &[ListId]| {
        let contacts: usize = rows.with_untracked(|r| r.iter().filter(|(l, _)| ids.contains(&l.id)).map(|(_, n)| n).sum());
        let lists = if ids.len() == 1 {
            rows.with_untracked(|r| r.iter().find(|(l, _)| l.id == ids[0]).map(|(l, _)| format!("the list “{}”", l.name)))
                .unwrap_or_else(|| "1 list".into())
        } else {
            plural(ids.len(), "list", "lists")
        };
        format!(
            "Delete {lists} and {} in {}? This cannot be undone.",
            plural(contacts, "contact", "contacts"),
            if ids.len() == 1 { "it" } else { "them" }
        )
    };

    view! {
        <section class="page">
            <header class="page-head">
                <div>
                    <h1>"Lists"</h1>
                    <p class="page-sub">{move || plural(rows.with(Vec::len), "list", "lists")}</p>
                </div>
                <button type="button" class="btn btn-primary" id="new-list" on:click=move |_| creating.set(true)>
                    <span aria-hidden="true" class="plus">"+"</span>
                    " New List"
                </button>
            </header>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=move || view! {
                    <div class="empty-state" id="no-lists">
                        <h2>"No lists yet"</h2>
                        <p>"A list groups contacts, for a campaign or a team. Create the first one to start adding contacts."</p>
                        <button type="button" class="btn btn-primary" on:click=move |_| creating.set(true)>"New List"</button>
                    </div>
                }
            >
                <div class="toolbar">
                    <div class="toolbar-end">
                        <Show when=move || selected.with(|s| !s.is_empty())>
                            <span class="selection-count">{move || format!("{} selected", selected.with(|s| s.len()))}</span>
                        </Show>
                        <button type="button" class="btn" id="export-lists" disabled=move || selected.with(|s| s.is_empty()) on:click=export_selected>
                            "Export"
                        </button>
                        <button
                            type="button"
                            class="btn btn-danger-outline"
                            id="delete-lists"
                            disabled=move || selected.with(|s| s.is_empty())
                            on:click=move |_| to_delete.set(Some(selected.get_untracked().into_iter().collect()))
                        >
                            "Delete"
                        </button>
                    </div>
                </div>
                <div class="table-wrap">
                    <table id="lists-table" class="data-table">
                        <thead>
                            <tr>
                                <th scope="col" class="col-check">
                                    <input
                                        type="checkbox"
                                        aria-label="Select all lists"
                                        prop:checked=all_checked
                                        prop:indeterminate=some_checked
                                        on:change=toggle_all
                                    />
                                </th>
                                <th scope="col">"Name"</th>
                                <th scope="col" class="col-desc">"Description"</th>
                                <th scope="col" class="col-num">"Contacts"</th>
                                <th scope="col" class="col-date">"Created"</th>
                                <th scope="col" class="col-actions"><span class="visually-hidden">"Actions"</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || rows.get()
                                key=|(l, n)| (l.id, l.updated, *n)
                                children=move |(l, n)| view! {
                                    <ListRow list=l count=n selected=selected on_delete=Callback::new(move |id| to_delete.set(Some(vec![id]))) on_agents=Callback::new(move |id| picking.set(Some(id))) on_export=export_list />
                                }
                            />
                        </tbody>
                    </table>
                </div>
            </Show>
            <Show when=move || creating.get()>
                <NewListDialog on_close=Callback::new(move |()| creating.set(false)) />
            </Show>
            {move || exporting.get().map(|request| view! {
                <ExportDialog request=request on_close=Callback::new(move |()| exporting.set(None)) />
            })}
            {move || picking.get().map(|id| view! {
                <AgentPickerDialog list=id on_close=Callback::new(move |()| picking.set(None)) />
            })}
            <Show when=move || to_delete.with(Option::is_some)>
                {move || {
                    let ids = to_delete.get_untracked().unwrap_or_default();
                    view! {
                        <ConfirmDialog
                            title=if ids.len() == 1 { "Delete list" } else { "Delete lists" }
                            message=confirm_text(&ids)
                            confirm_label="Delete"
                            busy=deleting
                            on_confirm=confirm
                            on_close=Callback::new(move |()| to_delete.set(None))
                        />
                    }
                }}
            </Show>
        </section>
    }
}
