//! Edit List → Custom fields: the list's fields with New, Edit and Delete (a list
//! field goes at once with its values, so the warning counts them).

use leptos::prelude::*;

use crate::ui::kit::ConfirmDialog;
use crate::ui::catalog::FieldCells;
use crate::ui::catalog::FieldDialog;
use crate::ui::catalog::FieldTableHead;
use crate::ui::kit::plural;
use crate::ui::app::{ActionError, AppState};
use crate::domain::{CustomField, FieldId, FieldScope, ListId};

/// Which dialog is open.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    New,
    Edit(FieldId),
}

#[component]
pub fn ListCustomFields(list: ListId) -> impl IntoView {
    let state = AppState::get();
    let fields = Memo::new(move |_| {
        state.lists_rev.track();
        state.read(|ws| ws.list_fields(list).into_iter().cloned().collect::<Vec<CustomField>>())
    });
    let open = RwSignal::new(None::<Open>);
    let to_delete = RwSignal::new(None::<FieldId>);
    let deleting = RwSignal::new(false);

    let confirm = Callback::new(move |()| {
        let Some(id) = to_delete.get_untracked() else { return };
        deleting.set(true);
        leptos::task::spawn_local(async move {
            let result = state.apply(move |ws, now| ws.delete_fields(&[id], now).map(|c| ((), c))).await;
            deleting.set(false);
            to_delete.set(None);
            match result {
                Ok(()) => state.info("Custom field deleted."),
                Err(ActionError::Storage(_)) => {}
                Err(err) => state.error(err.to_string()),
            }
        });
    });
    let confirm_text = move |id: FieldId| {
        let (alias, n) = state.read(|ws| (ws.field(id).map(|f| f.alias.to_string()).unwrap_or_default(), ws.field_value_count(id)));
        if n == 0 {
            format!("Delete the custom field “{alias}”? No contact holds a value for it.")
        } else {
            format!("Delete the custom field “{alias}”? Its values in {} go too. This cannot be undone.", plural(n, "contact", "contacts"))
        }
    };

    view! {
        <div class="tab-head">
            <p class="hint">"Fields that contacts of this list have, shown after the global custom fields."</p>
            <button type="button" class="btn btn-primary" id="new-list-field" on:click=move |_| open.set(Some(Open::New))>
                <span aria-hidden="true" class="plus">"+"</span>
                " New Custom Field"
            </button>
        </div>
        <Show
            when=move || fields.with(|f| !f.is_empty())
            fallback=|| view! { <p class="empty-inline" id="no-list-fields">"No custom fields yet."</p> }
        >
            <div class="table-wrap">
                <table class="data-table" id="list-fields-table">
                    <thead>
                        <tr>
                            <FieldTableHead />
                            <th scope="col" class="col-actions"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || fields.get()
                            key=|f| (f.id, f.updated)
                            children={move |f| {
                                let id = f.id;
                                let alias = f.alias.to_string();
                                view! {
                                    <tr data-field=id.get().to_string()>
                                        <FieldCells field=f />
                                        <td class="col-actions">
                                            <div class="row-actions">
                                                <button type="button" class="btn btn-small field-edit" aria-label=format!("Edit custom field {alias}") on:click=move |_| open.set(Some(Open::Edit(id)))>
                                                    "Edit"
                                                </button>
                                                <button type="button" class="btn btn-small btn-danger-outline field-delete" aria-label=format!("Delete custom field {alias}") on:click=move |_| to_delete.set(Some(id))>
                                                    "Delete"
                                                </button>
                                            </div>
                                        </td>
                                    </tr>
                                }
                            }}
                        />
                    </tbody>
                </table>
            </div>
        </Show>
        {move || open.get().map(|o| {
            let editing = match o {
                Open::New => None,
                Open::Edit(id) => Some(id),
            };
            view! { <FieldDialog scope=FieldScope::List(list) editing=editing on_close=Callback::new(move |()| open.set(None)) /> }
        })}
        {move || to_delete.get().map(|id| view! {
            <ConfirmDialog
                title="Delete custom field"
                message=confirm_text(id)
                confirm_label="Delete"
                busy=deleting
                on_confirm=confirm
                on_close=Callback::new(move |()| to_delete.set(None))
            />
        })}
    }
}
