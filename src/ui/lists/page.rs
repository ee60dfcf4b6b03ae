//! Lists: a table with New List, Edit, Show Contacts, Export (a list's contacts, or
//! the selected lists' rows) and Delete (one or many, with a confirmation that counts
//! the contacts that go with them).

use std::collections::HashSet;

use leptos::prelude::*;

use crate::ui::app::Collection;

use super::agent_picker_dialog::AgentPickerDialog;
use super::new_dialog::NewListDialog;
use super::row::ListRow;
use crate::domain::{ContactList, ListId};
use crate::ui::app::AppState;
use crate::ui::export::{ExportDialog, ExportRequest};
use crate::ui::kit::{keep_to_shown, plural, Confirmation, DataTable, EmptyState, PageHead, Question, SelectAllCell};
use crate::domain::text::quoted;

#[component]
pub fn ListsPage() -> impl IntoView {
    let state = AppState::get();
    let rows = Memo::new(move |_| {
        let lists = state.lists.get();
        state.read(&[Collection::Contacts], |ws| lists.into_iter().map(|l| { let n = ws.contact_count(l.id); (l, n) }).collect::<Vec<(ContactList, usize)>>())
    });
    let selected = RwSignal::new(HashSet::<ListId>::new());
    // Drop selections of lists that are gone.
    keep_to_shown(selected, move || rows.with(|r| r.iter().map(|(l, _)| l.id).collect()));
    let ids = Signal::derive(move || rows.with(|r| r.iter().map(|(l, _)| l.id).collect::<Vec<ListId>>()));
    let creating = RwSignal::new(false);
    // The list whose agents are being picked.
    let picking = RwSignal::new(None::<ListId>);
    // The lists a confirmation would delete.
    let deleting = Confirmation::<Vec<ListId>>::new();
    let exporting = RwSignal::new(None::<ExportRequest>);
    let export_list = Callback::new(move |id: ListId| exporting.set(ExportRequest::list(state, id)));
    let export_selected = move |_| {
        let ids: Vec<ListId> = selected.get_untracked().into_iter().collect();
        exporting.set(Some(ExportRequest::Lists(ids)));
    };

    let delete = Callback::new(move |ids: Vec<ListId>| {
        let n = ids.len();
        let gone = ids.clone();
        deleting.run(
            move |ws, now| ws.delete_lists(&ids, now),
            move |result| match result {
                Ok(()) => {
                    selected.update(|s| s.retain(|id| !gone.contains(id)));
                    state.info(format!("Deleted {}.", plural(n, "list", "lists")));
                }
                Err(err) => state.error(err.to_string()),
            },
        );
    });
    let question = move |ids: &Vec<ListId>| {
        let contacts: usize = rows.with_untracked(|r| r.iter().filter(|(l, _)| ids.contains(&l.id)).map(|(_, n)| n).sum());
        let lists = if ids.len() == 1 {
            rows.with_untracked(|r| r.iter().find(|(l, _)| l.id == ids[0]).map(|(l, _)| format!("the list {}", quoted(&l.name))))
                .unwrap_or_else(|| "1 list".into())
        } else {
            plural(ids.len(), "list", "lists")
        };
        Question {
            title: if ids.len() == 1 { "Delete list" } else { "Delete lists" },
            message: format!(
                "Delete {lists} and {} in {}? This cannot be undone.",
                plural(contacts, "contact", "contacts"),
                if ids.len() == 1 { "it" } else { "them" }
            ),
            confirm_label: "Delete",
        }
    };
    let head = move || {
        view! {
            <SelectAllCell shown=ids picked=selected label="Select all lists" />
            <th scope="col">"Name"</th>
            <th scope="col" class="col-desc">"Description"</th>
            <th scope="col" class="col-num">"Contacts"</th>
            <th scope="col" class="col-date">"Created"</th>
        }
    };

    view! {
        <section class="page">
            <PageHead
                title="Lists"
                sub=Signal::derive(move || plural(rows.with(Vec::len), "list", "lists"))
                new_id="new-list"
                new_label="New List"
                on_new=Callback::new(move |()| creating.set(true))
            />
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=move || view! {
                    <EmptyState
                        id="no-lists"
                        title="No lists yet"
                        text="A list groups contacts, for a campaign or a team. Create the first one to start adding contacts."
                    >
                        <button type="button" class="btn btn-primary" on:click=move |_| creating.set(true)>"New List"</button>
                    </EmptyState>
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
                            on:click=move |_| deleting.ask(selected.get_untracked().into_iter().collect())
                        >
                            "Delete"
                        </button>
                    </div>
                </div>
                <DataTable id="lists-table" head=head>
                    <For
                        each=move || rows.get()
                        key=|(l, n)| (l.id, l.updated, *n)
                        children=move |(l, n)| view! {
                            <ListRow list=l count=n selected=selected on_delete=Callback::new(move |id| deleting.ask(vec![id])) on_agents=Callback::new(move |id| picking.set(Some(id))) on_export=export_list />
                        }
                    />
                </DataTable>
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
            {deleting.view(question, delete)}
        </section>
    }
}
