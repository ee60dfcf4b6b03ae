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
    // Select-all covers this page only.
    let ids = Signal::derive(move || rows.with(|r| r.iter().map(|c| c.id).collect::<Vec<ContactId>>()));
    let aliases = Signal::derive(move || columns.with(|cs| cs.iter().map(|f| f.alias.to_string()).collect::<Vec<String>>()));
    let head = move || contacts_head(ids, aliases);

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

/// The headings before the actions column: select-all (over `ids`), the sortable
/// fields, then the custom-field columns by name.
pub(super) fn contacts_head(ids: Signal<Vec<ContactId>>, columns: Signal<Vec<String>>) -> impl IntoView {
    let view = ContactsView::get();
    view! {
        <SelectAllCell shown=ids picked=view.selected label="Select all contacts on this page" id="select-all-contacts" />
        <SortHeader label="First name" key=SortKey::FirstName />
        <SortHeader label="Last name" key=SortKey::LastName />
        <SortHeader label="Phone" key=SortKey::Phone />
        <th scope="col">"Mobile"</th>
        <SortHeader label="Email" key=SortKey::Email />
        <SortHeader label="List" key=SortKey::List />
        <th scope="col" class="col-last-contact">"Last interaction"</th>
        {move || columns.get().into_iter().map(|alias| view! { <th scope="col" class="col-custom">{alias}</th> }).collect_view()}
    }
}
