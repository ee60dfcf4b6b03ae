//! The contacts table for one page of results: only these rows are in the DOM, keyed
//! by id and last update so an edit re-renders its row.

use leptos::prelude::*;

use super::row::ContactRow;
use super::view::ContactsView;
use crate::domain::{Contact, ContactId, CustomField, SortKey};
use crate::ui::kit::{DataTable, SelectAllCell, SortHeader};

#[component]
pub fn ContactsTable(
    #[prop(into)] rows: Signal<Vec<Contact>>,
    /// Custom fields chosen as extra columns (after List, so the phone layout's
    /// hidden columns keep their places).
    #[prop(into)]
    columns: Signal<Vec<CustomField>>,
) -> impl IntoView {
    let view = ContactsView::get();
    // Select-all covers this page only.
    let ids = Signal::derive(move || rows.with(|r| r.iter().map(|c| c.id).collect::<Vec<ContactId>>()));
    let head = move || {
        view! {
            <SelectAllCell shown=ids picked=view.selected label="Select all contacts on this page" id="select-all-contacts" />
            <SortHeader label="First name" key=SortKey::FirstName />
            <SortHeader label="Last name" key=SortKey::LastName />
            <SortHeader label="Phone" key=SortKey::Phone />
            <th scope="col">"Mobile"</th>
            <SortHeader label="Email" key=SortKey::Email />
            <SortHeader label="List" key=SortKey::List />
            <th scope="col" class="col-last-contact">"Last interaction"</th>
            {move || columns.get().into_iter().map(|f| view! {
                <th scope="col" class="col-custom">{f.alias.to_string()}</th>
            }).collect_view()}
        }
    };

    view! {
        <DataTable id="contacts-table" head=head>
            <For
                each=move || rows.get()
                key=|c: &Contact| (c.id, c.updated, c.list_id, c.activity)
                children=move |c: Contact| view! { <ContactRow contact=c columns=columns /> }
            />
        </DataTable>
    }
}
