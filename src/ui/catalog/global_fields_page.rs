//! Global custom fields: fields every contact has, in every list. A table with a
//! checkbox per row; New, Edit, Delete (soft: the field can be restored), a filter
//! All / Available / Deleted, Restore and Delete permanently for deleted fields, and
//! Export of the selected fields to CSV.

use std::collections::HashSet;

use leptos::prelude::*;

use super::field_dialog::FieldDialog;
use super::field_table_head::FieldTableHead;
use super::global_field_row::{GlobalFieldRow, RowAction};
use crate::domain::export::fields_csv;
use crate::domain::workspace::GlobalFilter;
use crate::domain::{CustomField, FieldId, FieldScope, WorkspaceError};
use crate::ui::app::{AppState, Collection, Command};
use crate::ui::export::remembered_options;
use crate::ui::kit::{download_bytes, keep_to_shown, plural, Confirmation, DataTable, EmptyState, PageHead, Question, SelectAllCell};
use crate::domain::text::quoted;

/// A destructive step waiting for confirmation.
#[derive(Clone, PartialEq, Eq)]
enum Pending {
    Delete(Vec<FieldId>),
    Purge(Vec<FieldId>),
}

const FILTERS: [(GlobalFilter, &str, &str); 3] = [
    (GlobalFilter::All, "All", "filter-all"),
    (GlobalFilter::Available, "Available", "filter-available"),
    (GlobalFilter::Deleted, "Deleted", "filter-deleted"),
];

#[component]
pub fn GlobalFieldsPage() -> impl IntoView {
    let state = AppState::get();
    let filter = RwSignal::new(GlobalFilter::All);
    let rows = Memo::new(move |_| {
        let f = filter.get();
        state.read(&[Collection::Fields], |ws| ws.global_fields(f).into_iter().cloned().collect::<Vec<CustomField>>())
    });
    let shown = Signal::derive(move || rows.with(|r| r.iter().map(|f| f.id).collect::<Vec<FieldId>>()));
    let selected = RwSignal::new(HashSet::<FieldId>::new());
    // Only what is shown can be selected (and so deleted or exported).
    keep_to_shown(selected, move || shown.with(|s| s.iter().copied().collect()));
    let editing = RwSignal::new(None::<Option<FieldId>>);
    let pending = Confirmation::<Pending>::new();
    let restoring = Command::new();

    // The selected fields that are available / deleted.
    let picked = move |deleted: bool| -> Vec<FieldId> {
        let sel = selected.get();
        rows.with(|r| r.iter().filter(|f| sel.contains(&f.id) && f.is_available() != deleted).map(|f| f.id).collect())
    };

    let restore = move |ids: Vec<FieldId>| {
        let n = ids.len();
        restoring.run(move |ws, now| ws.restore_fields(&ids, now), move |result| match result {
            Ok(()) => state.info(format!("Restored {}.", plural(n, "custom field", "custom fields"))),
            Err(err) => state.error(err.to_string()),
        });
    };
    let on_action = Callback::new(move |action: RowAction| match action {
        RowAction::Edit(id) => editing.set(Some(Some(id))),
        RowAction::Delete(id) => pending.ask(Pending::Delete(vec![id])),
        RowAction::Restore(id) => restore(vec![id]),
        RowAction::Purge(id) => pending.ask(Pending::Purge(vec![id])),
    });
    let confirm = Callback::new(move |p: Pending| {
        let (ids, purge) = match p {
            Pending::Delete(ids) => (ids, false),
            Pending::Purge(ids) => (ids, true),
        };
        let n = ids.len();
        let gone = ids.clone();
        let done = move |result: Result<(), WorkspaceError>| match result {
            Ok(()) => {
                selected.update(|s| s.retain(|id| !gone.contains(id)));
                let what = plural(n, "custom field", "custom fields");
                state.info(if purge { format!("Permanently deleted {what}.") } else { format!("Deleted {what}; the Deleted filter can restore them.") });
            }
            Err(err) => state.error(err.to_string()),
        };
        if purge {
            pending.run(move |ws, _| ws.purge_fields(&ids), done);
        } else {
            pending.run(move |ws, now| ws.delete_fields(&ids, now), done);
        }
    });
    let question = move |p: &Pending| {
        let (ids, purge) = match p {
            Pending::Delete(ids) => (ids, false),
            Pending::Purge(ids) => (ids, true),
        };
        let (names, values) = state.read(&[Collection::Fields, Collection::Contacts], |ws| {
            let names: Vec<String> = ids.iter().filter_map(|id| ws.field(*id)).map(|f| quoted(&f.alias)).collect();
            (names, ids.iter().map(|id| ws.field_value_count(*id)).sum::<usize>())
        });
        let one = ids.len() == 1;
        let what = if one { format!("the custom field {}", names.join("")) } else { plural(ids.len(), "custom field", "custom fields") };
        let (it, its, field) = if one { ("It disappears", "Its", "the field") } else { ("They disappear", "Their", "the fields") };
        let message = if purge {
            let holders = if values == 1 { "1 contact holds one".to_string() } else { format!("{} hold one", plural(values, "contact", "contacts")) };
            format!("Permanently delete {what}? {its} values are erased from every contact ({holders}). This cannot be undone.")
        } else {
            format!("Delete {what}? {it} from every contact form; {} values are kept and {field} can be restored from the Deleted filter.", its.to_lowercase())
        };
        Question {
            title: if purge { "Delete permanently" } else { "Delete custom fields" },
            message,
            confirm_label: if purge { "Delete permanently" } else { "Delete" },
        }
    };
    // With the CSV options the last export dialog chose (separator, BOM).
    let export = move |_| {
        let sel = selected.get_untracked();
        let chosen: Vec<CustomField> = rows.with_untracked(|r| r.iter().filter(|f| sel.contains(&f.id)).cloned().collect());
        leptos::task::spawn_local(async move {
            let options = remembered_options(state).await;
            let bytes = fields_csv(options, &chosen.iter().collect::<Vec<_>>());
            match download_bytes("global-custom-fields.csv", "text/csv;charset=utf-8", &bytes) {
                Ok(()) => state.info(format!("Exported {}.", plural(chosen.len(), "custom field", "custom fields"))),
                Err(message) => state.error(message),
            }
        });
    };

    view! {
        <section class="page">
            <PageHead
                title="Global custom fields"
                sub="Fields every contact has, in every list, shown first in the contact's right-hand column."
                new_id="new-global-field"
                new_label="New Custom Field"
                on_new=Callback::new(move |()| editing.set(Some(None)))
            />
            <div class="toolbar">
                <div class="segmented" role="group" aria-label="Show">
                    {FILTERS
                        .into_iter()
                        .map(|(f, label, id)| view! {
                            <button
                                type="button"
                                class="segment"
                                id=id
                                aria-pressed=move || if filter.get() == f { "true" } else { "false" }
                                on:click=move |_| filter.set(f)
                            >
                                {label}
                            </button>
                        })
                        .collect_view()}
                </div>
                <div class="toolbar-end">
                    <Show when=move || selected.with(|s| !s.is_empty())>
                        <span class="selection-count">{move || format!("{} selected", selected.with(|s| s.len()))}</span>
                    </Show>
                    <button type="button" class="btn" id="export-fields" disabled=move || selected.with(|s| s.is_empty()) on:click=export>
                        "Export"
                    </button>
                    <Show when=move || !picked(true).is_empty()>
                        <button type="button" class="btn" id="restore-fields" on:click=move |_| restore(picked(true))>"Restore"</button>
                        <button type="button" class="btn btn-danger-outline" id="purge-fields" on:click=move |_| pending.ask(Pending::Purge(picked(true)))>
                            "Delete permanently"
                        </button>
                    </Show>
                    <button
                        type="button"
                        class="btn btn-danger-outline"
                        id="delete-fields"
                        disabled=move || picked(false).is_empty()
                        on:click=move |_| pending.ask(Pending::Delete(picked(false)))
                    >
                        "Delete"
                    </button>
                </div>
            </div>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=move || view! {
                    <EmptyState
                        id="no-global-fields"
                        title=Signal::derive(move || if filter.get() == GlobalFilter::Deleted { "No deleted fields" } else { "No global custom fields" }.to_string())
                        text="A global custom field shows on every contact, whatever its list: a customer code, a consent switch, a website."
                    />
                }
            >
                <DataTable
                    id="global-fields-table"
                    head=move || view! {
                        <SelectAllCell shown=shown picked=selected label="Select all custom fields" id="select-all-fields" />
                        <FieldTableHead />
                        <th scope="col" class="col-status">"Status"</th>
                    }
                >
                    <For
                        each=move || rows.get()
                        key=|f| (f.id, f.updated, f.deleted)
                        children=move |f| view! { <GlobalFieldRow field=f selected=selected on_action=on_action /> }
                    />
                </DataTable>
            </Show>
            {move || editing.get().map(|id| view! {
                <FieldDialog scope=FieldScope::Global editing=id on_close=Callback::new(move |()| editing.set(None)) />
            })}
            {pending.view(question, confirm)}
        </section>
    }
}
