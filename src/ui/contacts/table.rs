//! The contacts table for one page of results: only these rows are in the DOM, keyed
//! by id and last update so an edit re-renders its row.

use leptos::prelude::*;

use super::row::ContactRow;
use super::view::ContactsView;
use crate::ui::kit::SortHeader;
use crate::domain::{Contact, CustomField, SortKey};

#[component]
pub fn ContactsTable(
    #[prop(into)] rows: Signal<Vec<Contact>>,
    /// Custom fields chosen as extra columns (after List, so the phone layout's
    /// hidden columns keep their places).
    #[prop(into)]
    columns: Signal<Vec<CustomField>>,
) -> impl IntoView {
    let view = ContactsView::get();

    // Select-all covers this page only: checked when all are, mixed when some are.
    let selected_here = move || {
        let sel = view.selected.read();
        rows.with(|r| r.iter().filter(|c| sel.contains(&c.id)).count())
    };
    let all_checked = move || {
        let n = rows.with(Vec::len);
        n > 0 && selected_here() == n
    };
    let some_checked = move || {
        let n = selected_here();
        n > 0 && n < rows.with(Vec::len)
    };
    let toggle_all = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        rows.with_untracked(|r| {
            view.selected.update(|s| {
                for c in r {
                    if on {
                        s.insert(c.id);
                    } else {
                        s.remove(&c.id);
                    }
                }
            })
        });
    };

    view! {
        <div class="table-wrap">
            <table id="contacts-table" class="data-table">
                <thead>
                    <tr>
                        <th scope="col" class="col-check">
                            <input
                                type="checkbox"
                                id="select-all-contacts"
                                aria-label="Select all contacts on this page"
                                prop:checked=all_checked
                                prop:indeterminate=some_checked
                                on:change=toggle_all
                            />
                        </th>
                        <SortHeader label="First name" key=SortKey::FirstName />
                        <SortHeader label="Last name" key=SortKey::LastName />
                        <SortHeader label="Phone" key=SortKey::Phone />
                        <th scope="col">"Mobile"</th>
                        <SortHeader label="Email" key=SortKey::Email />
                        <SortHeader label="List" key=SortKey::List />
                        {move || columns.get().into_iter().map(|f| view! {
                            <th scope="col" class="col-custom">{f.alias.to_string()}</th>
                        }).collect_view()}
                        <th scope="col" class="col-actions">
                            <span class="visually-hidden">"Actions"</span>
                        </th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || rows.get()
                        key=|c: &Contact| (c.id, c.updated, c.list_id)
                        children=move |c: Contact| view! { <ContactRow contact=c columns=columns /> }
                    />
                </tbody>
            </table>
        </div>
    }
}
