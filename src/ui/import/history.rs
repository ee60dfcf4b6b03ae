//! Every import so far, newest first: what, where, when, how it ended, and Undo. An
//! import cut short by a closed tab shows as interrupted, with what was saved.

use leptos::prelude::*;

use crate::domain::{BatchId, BatchStatus};

use crate::ui::app::{AppState, Collection, Command};
use crate::ui::kit::{grouped, local_time, TruncatedText};

use super::undo::ImportUndoButton;

/// One history row, as shown.
#[derive(Clone, PartialEq)]
struct Row {
    id: BatchId,
    file: String,
    list: String,
    started: String,
    status: BatchStatus,
    imported: u64,
    left_out: u64,
    undone: Option<u64>,
}

#[component]
pub fn ImportHistory() -> impl IntoView {
    let state = AppState::get();
    let rows = Memo::new(move |_| {
        state.read(&[Collection::Imports, Collection::Lists], |ws| {
            ws.imports()
                .into_iter()
                .map(|b| Row {
                    id: b.id,
                    file: b.file_name.clone(),
                    list: ws.import_list_name(b).to_string(),
                    started: local_time(b.started),
                    status: b.status(),
                    imported: b.imported(),
                    left_out: b.progress.duplicates_in_file + b.progress.duplicates_in_list + b.progress.failed,
                    undone: b.undone.map(|_| b.undo_removed),
                })
                .collect::<Vec<_>>()
        })
    });
    let keeping = Command::new();
    let keep = move |batch: BatchId| {
        keeping.run(move |ws, now| ws.keep_interrupted_import(batch, now), move |result| {
            if let Err(err) = result {
                state.error(err.to_string());
            }
        });
    };
    view! {
        <Show when=move || rows.with(|r| !r.is_empty())>
            <section class="card import-history" aria-labelledby="import-history-title">
                <h2 class="card-title" id="import-history-title">"Earlier imports"</h2>
                <div class="table-wrap">
                    <table class="data-table" id="import-history">
                        <thead>
                            <tr>
                                <th scope="col">"File"</th>
                                <th scope="col">"List"</th>
                                <th scope="col">"Started"</th>
                                <th scope="col">"Status"</th>
                                <th scope="col" class="num">"Imported"</th>
                                <th scope="col" class="num">"Not imported"</th>
                                <th scope="col" class="col-actions"><span class="visually-hidden">"Actions"</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || rows.get() key=|r| (r.id, r.status.label(), r.imported, r.undone) let:row>
                                <tr data-batch=row.id.get().to_string()>
                                    <td class="row-title col-file"><TruncatedText text=row.file.clone() /></td>
                                    <td>{row.list.clone()}</td>
                                    <td>{row.started.clone()}</td>
                                    <td class="batch-status">
                                        {row.status.label()}
                                        {row.undone.map(|n| format!(" · undone ({} removed)", grouped(n as usize)))}
                                    </td>
                                    <td class="num">{grouped(row.imported as usize)}</td>
                                    <td class="num">{grouped(row.left_out as usize)}</td>
                                    // A cell stays a table cell: the flex box is inside it.
                                    <td class="col-actions"><div class="row-actions">
                                        {(row.status == BatchStatus::Interrupted)
                                            .then(|| {
                                                let id = row.id;
                                                view! {
                                                    <button type="button" class="btn btn-small batch-keep" on:click=move |_| keep(id)>
                                                        "Keep"
                                                    </button>
                                                }
                                            })}
                                        <ImportUndoButton batch=row.id />
                                    </div></td>
                                </tr>
                            </For>
                        </tbody>
                    </table>
                </div>
            </section>
        </Show>
    }
}
