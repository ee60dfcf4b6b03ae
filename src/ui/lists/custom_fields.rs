//! Edit List → Custom fields: the list's fields with New, Edit and Delete (a list
//! field goes at once with its values, so the warning counts them).

use leptos::prelude::*;

use crate::ui::app::Collection;

use crate::domain::{CustomField, FieldId, FieldScope, ListId};
use crate::ui::app::AppState;
use crate::ui::catalog::{FieldCells, FieldDialog, FieldTableHead};
use crate::ui::kit::{plural, Confirmation, DataTable, Question, RowActions};
use crate::domain::text::quoted;

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
        state.read(&[Collection::Fields, Collection::Lists], |ws| ws.list_fields(list).into_iter().cloned().collect::<Vec<CustomField>>())
    });
    let open = RwSignal::new(None::<Open>);
    let deleting = Confirmation::<FieldId>::new();
    let delete = Callback::new(move |id: FieldId| {
        deleting.run(
            move |ws, now| ws.delete_fields(&[id], now),
            move |result| match result {
                Ok(()) => state.info("Custom field deleted."),
                Err(err) => state.error(err.to_string()),
            },
        );
    });
    let question = move |id: &FieldId| {
        let (alias, n) = state.read(&[Collection::Fields, Collection::Contacts], |ws| (ws.field(*id).map(|f| f.alias.to_string()).unwrap_or_default(), ws.field_value_count(*id)));
        let message = if n == 0 {
            format!("Delete the custom field {}? No contact holds a value for it.", quoted(&alias))
        } else {
            format!("Delete the custom field {}? Its values in {} go too. This cannot be undone.", quoted(&alias), plural(n, "contact", "contacts"))
        };
        Question { title: "Delete custom field", message, confirm_label: "Delete" }
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
            <DataTable id="list-fields-table" head=FieldTableHead>
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
                                    <RowActions
                                        noun="custom field"
                                        name=alias
                                        on_edit=Callback::new(move |()| open.set(Some(Open::Edit(id))))
                                        on_delete=Callback::new(move |()| deleting.ask(id))
                                        edit_class="field-edit"
                                        delete_class="field-delete"
                                    />
                                </td>
                            </tr>
                        }
                    }}
                />
            </DataTable>
        </Show>
        {move || open.get().map(|o| {
            let editing = match o {
                Open::New => None,
                Open::Edit(id) => Some(id),
            };
            view! { <FieldDialog scope=FieldScope::List(list) editing=editing on_close=Callback::new(move |()| open.set(None)) /> }
        })}
        {deleting.view(question, delete)}
    }
}
