//! The Trash page: each deletion (when, how many, the first names), Restore and
//! Delete permanently per row, Empty trash; both permanent steps are confirmed with
//! how many contacts they remove.

use leptos::prelude::*;

use crate::domain::trash::{some_names, DeletionId, RestoreOutcome};
use crate::domain::Timestamp;
use crate::ui::app::{AppState, Collection, Command};
use crate::ui::kit::{local_time, plural, Confirmation, DataTable, EmptyState, Question, RowButton};

/// What a row shows of a deletion.
#[derive(Clone, PartialEq)]
struct Row {
    id: DeletionId,
    at: Timestamp,
    count: usize,
    names: String,
}

#[component]
pub fn TrashPage() -> impl IntoView {
    let state = AppState::get();
    let rows = Memo::new(move |_| {
        state.read(&[Collection::Trash], |ws| {
            let row = |d: &crate::domain::trash::Deletion| Row {
                id: d.id,
                at: d.at,
                count: d.contacts.len(),
                names: some_names(d.contacts.iter().map(|c| &c.data), d.contacts.len()),
            };
            ws.deletions().into_iter().map(row).collect::<Vec<Row>>()
        })
    });
    let total = move || rows.with(|r| r.iter().map(|r| r.count).sum::<usize>());
    let restoring = Command::new();
    let purging = Confirmation::<(DeletionId, usize)>::new();
    let emptying = Confirmation::<usize>::new();

    let restore = Callback::new(move |id: DeletionId| {
        restoring.run(move |ws, _| ws.restore_deletion(id), move |result| match result {
            Ok(outcome) => state.info(restored_text(&outcome)),
            Err(err) => state.error(err.to_string()),
        });
    });
    let purge = Callback::new(move |(id, count): (DeletionId, usize)| {
        purging.run(move |ws, _| ws.purge_deletion(id), move |result| match result {
            Ok(()) => state.info(format!("Deleted {} permanently.", plural(count, "contact", "contacts"))),
            Err(err) => state.error(err.to_string()),
        });
    });
    let empty = Callback::new(move |count: usize| {
        emptying.run(move |ws, _| Ok(ws.empty_trash()), move |result| match result {
            Ok(()) => state.info(format!("Trash emptied: {} deleted permanently.", plural(count, "contact", "contacts"))),
            Err(err) => state.error(err.to_string()),
        });
    });
    let purge_question = |(_, count): &(DeletionId, usize)| Question {
        title: "Delete permanently",
        message: format!("Delete {} permanently, with their interactions and history? This cannot be undone.", plural(*count, "contact", "contacts")),
        confirm_label: "Delete permanently",
    };
    let empty_question = |count: &usize| Question {
        title: "Empty trash",
        message: format!("Delete the {} in the trash permanently, with their interactions and history? This cannot be undone.", plural(*count, "contact", "contacts")),
        confirm_label: "Empty trash",
    };
    let head = || {
        view! {
            <th scope="col" class="col-date">"Deleted"</th>
            <th scope="col" class="col-num">"Contacts"</th>
            <th scope="col">"Who"</th>
        }
    };

    view! {
        <section class="page" id="trash-page">
            <header class="page-head">
                <div>
                    <h1>"Trash"</h1>
                    <p class="page-sub" id="trash-sub">
                        {move || format!("{} in the trash; kept for 30 days, then deleted permanently.", plural(total(), "contact", "contacts"))}
                    </p>
                </div>
                <button
                    type="button"
                    class="btn btn-danger-outline"
                    id="empty-trash"
                    disabled=move || rows.with(Vec::is_empty)
                    on:click=move |_| emptying.ask(total())
                >
                    "Empty trash"
                </button>
            </header>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=|| view! {
                    <EmptyState id="trash-empty" title="The trash is empty" text="Deleted contacts stay here for 30 days, so a delete can be undone." />
                }
            >
                <DataTable id="trash-table" head=head>
                    <For
                        each=move || rows.get()
                        key=|r| (r.id, r.count)
                        children=move |r| {
                            let (id, count) = (r.id, r.count);
                            view! {
                                <tr class="trash-row">
                                    <td class="col-date">{local_time(r.at)}</td>
                                    <td class="col-num trash-count">{count}</td>
                                    <td class="trash-names">{r.names.clone()}</td>
                                    <td class="col-actions">
                                        <div class="row-actions">
                                            <RowButton label="Restore" class="trash-restore" aria_label=format!("Restore {}", r.names) on_click=Callback::new(move |()| restore.run(id)) />
                                            <RowButton
                                                label="Delete permanently"
                                                class="btn-danger-outline trash-purge"
                                                aria_label=format!("Delete permanently {}", r.names)
                                                on_click=Callback::new(move |()| purging.ask((id, count)))
                                            />
                                        </div>
                                    </td>
                                </tr>
                            }
                        }
                    />
                </DataTable>
            </Show>
            {purging.view(purge_question, purge)}
            {emptying.view(empty_question, empty)}
        </section>
    }
}

/// "Restored 3 contacts." and, for each left in the trash, why.
fn restored_text(outcome: &RestoreOutcome) -> String {
    let mut text = format!("Restored {}.", plural(outcome.restored, "contact", "contacts"));
    for refused in &outcome.refused {
        text.push_str(&format!(" {}.", refused.reason));
    }
    text
}
