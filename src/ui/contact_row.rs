//! One row of the contacts table.

use leptos::prelude::*;

use super::contacts_view::ContactsView;
use super::phone_links::PhoneLinks;
use super::route::Route;
use super::state::AppState;
use crate::domain::{Contact, ContactField};

#[component]
pub fn ContactRow(contact: Contact) -> impl IntoView {
    let view = ContactsView::get();
    let state = AppState::get();
    let list_id = contact.list_id;
    // Follows renames of the list.
    let list_name = move || {
        state.lists.with(|ls| ls.iter().find(|l| l.id == list_id).map(|l| l.name.to_string())).unwrap_or_default()
    };
    let id = contact.id;
    let data = &contact.data;
    let full_name = [Some(data.first_name()), data.get(ContactField::LastName)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let checked = move || view.selected.with(|s| s.contains(&id));
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        view.selected.update(|s| {
            if on {
                s.insert(id);
            } else {
                s.remove(&id);
            }
        });
    };
    let phone = data.phone().cloned().map(|n| view! { <PhoneLinks number=n /> });
    let mobile = data.mobile().cloned().map(|n| view! { <PhoneLinks number=n /> });
    view! {
        <tr class:selected=checked>
            <td class="col-check">
                <input
                    type="checkbox"
                    class="row-check"
                    aria-label=format!("Select {full_name}")
                    prop:checked=checked
                    on:change=toggle
                />
            </td>
            <td class="col-first">{data.first_name().to_string()}</td>
            <td class="col-last">{data.get(ContactField::LastName).unwrap_or("").to_string()}</td>
            <td class="col-phone">{phone}</td>
            <td class="col-mobile">{mobile}</td>
            <td class="col-email">{data.get(ContactField::Email).unwrap_or("").to_string()}</td>
            <td class="col-list">{list_name}</td>
            <td class="col-actions">
                <a class="btn btn-small" href=Route::EditContact(id).to_hash() aria-label=format!("Edit {full_name}")>
                    "Edit"
                </a>
            </td>
        </tr>
    }
}
