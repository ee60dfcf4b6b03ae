//! Global custom fields: fields every contact has, in every list. A table with a
//! checkbox per row; New, Edit, Delete (soft: the field can be restored), a filter
//! All / Available / Deleted, Restore and Delete permanently for deleted fields, and
//! Export of the selected fields to CSV.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::ui::kit::ConfirmDialog;
use crate::ui::kit::download_bytes;
use crate::ui::export::EXPORT_OPTIONS_SETTING;
use super::field_dialog::FieldDialog;
use super::field_table_head::FieldTableHead;
use crate::ui::kit::plural;
use super::global_field_row::{GlobalFieldRow, RowAction};
use crate::ui::app::{ActionError, AppState};
use crate::domain::export::{fields_csv, CsvOptions};
use crate::domain::workspace::GlobalFilter;
use crate::domain::{CustomField, FieldId, FieldScope};

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
        state.lists_rev.track();
        let f = filter.get();
        state.read(|ws| ws.global_fields(f).into_iter().cloned().collect::<Vec<CustomField>>())
    });
    let selected = RwSignal::new(HashSet::<FieldId>::new());
    // Only what is shown can be selected (and so deleted or exported).
    Effect::new(move |_| {
        let shown: HashSet<FieldId> = rows.with(|r| r.iter().map(|f| f.id).collect());
        if selected.with_untracked(|s| s.iter().any(|id| !shown.contains(id))) {
            selected.update(|s| s.retain(|id| shown.contains(id)));
        }
    });
    let editing = RwSignal::new(None::<Option<FieldId>>);
    let pending = RwSignal::new(None::<Pending>);
    let busy = RwSignal::new(false);

    // The selected fields that are available / deleted.
    let picked = move |deleted: bool| -> Vec<FieldId> {
        let sel = selected.get();
        rows.with(|r| r.iter().filter(|f| sel.contains(&f.id) && f.is_available() != deleted).map(|f| f.id).collect())
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
            selected.set(rows.with_untracked(|r| r.iter().map(|f| f.id).collect()));
        } else {
            selected.update(|s| s.clear());
        }
    };

    let restore = move |ids: Vec<FieldId>| {
        leptos::task::spawn_local(async move {
            let n = ids.len();
            match state.apply(move |ws, now| ws.restore_fields(&ids, now).map(|c| ((), c))).await {
                Ok(()) => state.info(format!("Restored {}.", plural(n, "custom field", "custom fields"))),
                Err(ActionError::Storage(_)) => {}
                Err(err) => state.error(err.to_string()),
            }
        });
    };
    let on_action = Callback::new(move |action: RowAction| match action {
        RowAction::Edit(id) => editing.set(Some(Some(id))),
        RowAction::Delete(id) => pending.set(Some(Pending::Delete(vec![id]))),
        RowAction::Restore(id) => restore(vec![id]),
        RowAction::Purge(id) => pending.set(Some(Pending::Purge(vec![id]))),
    });
    let confirm = Callback::new(move |()| {
        let Some(p) = pending.get_untracked() else { return };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let (ids, purge) = match p {
                Pending::Delete(ids) => (ids, false),
                Pending::Purge(ids) => (ids, true),
            };
            let n = ids.len();
            let gone = ids.clone();
            let result = if purge {
                state.apply(move |ws, _| ws.purge_fields(&ids).map(|c| ((), c))).await
            } else {
                state.apply(move |ws, now| ws.delete_fields(&ids, now).map(|c| ((), c))).await
            };
            busy.set(false);
            pending.set(None);
            match result {
                Ok(()) => {
                    selected.update(|s| s.retain(|id| !gone.contains(id)));
                    let what = plural(n, "custom field", "custom fields");
                    state.info(if purge { format!("Permanently deleted {what}.") } else { format!("Deleted {what}; the Deleted filter can restore them.") });
                }
                Err(ActionError::Storage(_)) => {}
                Err(err) => state.error(err.to_string()),
            }
        });
    });
    let confirm_text = move |p: &Pending| {
        let (ids, purge) = match p {
            Pending::Delete(ids) => (ids, false),
            Pending::Purge(ids) => (ids, true),
        };
        let (names, values) = state.read(|ws| {
            let names: Vec<String> = ids.iter().filter_map(|id| ws.field(*id)).map(|f| format!("“{}”", f.alias)).collect();
            (names, ids.iter().map(|id| ws.field_value_count(*id)).sum::<usize>())
        });
        let what = if ids.len() == 1 { format!("the custom field {}", names.join("")) } else { plural(ids.len(), "custom field", "custom fields") };
        if purge {
            let holders = if values == 1 { "1 contact holds one".to_string() } else { format!("{} hold one", plural(values, "contact", "contacts")) };
            format!("Permanently delete {what}? Its values are erased from every contact ({holders}). This cannot be undone.")
        } else {
            format!("Delete {what}? It disappears from every contact form; its values are kept and the field can be restored from the Deleted filter.")
        }
    };
    // With the CSV options the last export dialog chose (separator, BOM).
    let export = move |_| {
        let sel = selected.get_untracked();
        let chosen: Vec<CustomField> = rows.with_untracked(|r| r.iter().filter(|f| sel.contains(&f.id)).cloned().collect());
        leptos::task::spawn_local(async move {
            let options = state.load_setting(EXPORT_OPTIONS_SETTING).await.map(|s| CsvOptions::from_setting(&s)).unwrap_or_default();
            let bytes = fields_csv(options, &chosen.iter().collect::<Vec<_>>());
            match download_bytes("global-custom-fields.csv", "text/csv;charset=utf-8", &bytes) {
                Ok(()) => state.info(format!("Exported {}.", plural(chosen.len(), "custom field", "custom fields"))),
                Err(message) => state.error(message),
            }
        });
    };

    view! {
        <section class="page">
            <header class="page-head">
                <div>
                    <h1>"Global custom fields"</h1>
                    <p class="page-sub">"Fields every contact has, in every list, shown first in the contact's right-hand column."</p>
                </div>
                <button type="button" class="btn btn-primary" id="new-global-field" on:click=move |_| editing.set(Some(None))>
                    <span aria-hidden="true" class="plus">"+"</span>
                    " New Custom Field"
                </button>
            </header>
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
                        <button type="button" class="btn btn-danger-outline" id="purge-fields" on:click=move |_| pending.set(Some(Pending::Purge(picked(true))))>
                            "Delete permanently"
                        </button>
                    </Show>
                    <button
                        type="button"
                        class="btn btn-danger-outline"
                        id="delete-fields"
                        disabled=move || picked(false).is_empty()
                        on:click=move |_| pending.set(Some(Pending::Delete(picked(false))))
                    >
                        "Delete"
                    </button>
                </div>
            </div>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=move || view! {
                    <div class="empty-state" id="no-global-fields">
                        <h2>{move || if filter.get() == GlobalFilter::Deleted { "No deleted fields" } else { "No global custom fields" }}</h2>
                        <p>"A global custom field shows on every contact, whatever its list: a customer code, a consent switch, a website."</p>
                    </div>
                }
            >
                <div class="table-wrap">
                    <table id="global-fields-table" class="data-table">
                        <thead>
                            <tr>
                                <th scope="col" class="col-check">
                                    <input
                                        type="checkbox"
                                        id="select-all-fields"
                                        aria-label="Select all custom fields"
                                        prop:checked=all_checked
                                        prop:indeterminate=some_checked
                                        on:change=toggle_all
                                    />
                                </th>
                                <FieldTableHead />
                                <th scope="col" class="col-status">"Status"</th>
                                <th scope="col" class="col-actions"><span class="visually-hidden">"Actions"</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || rows.get()
                                key=|f| (f.id, f.updated, f.deleted)
                                children=move |f| view! { <GlobalFieldRow field=f selected=selected on_action=on_action /> }
                            />
                        </tbody>
                    </table>
                </div>
            </Show>
            {move || editing.get().map(|id| view! {
                <FieldDialog scope=FieldScope::Global editing=id on_close=Callback::new(move |()| editing.set(None)) />
            })}
            {move || pending.get().map(|p| {
                let purge = matches!(p, Pending::Purge(_));
                view! {
                    <ConfirmDialog
                        title=if purge { "Delete permanently" } else { "Delete custom fields" }
                        message=confirm_text(&p)
                        confirm_label=if purge { "Delete permanently" } else { "Delete" }
                        busy=busy
                        on_confirm=confirm
                        on_close=Callback::new(move |()| pending.set(None))
                    />
                }
            })}
        </section>
    }
}
