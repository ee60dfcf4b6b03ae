//! One row of the contacts table.

use leptos::prelude::*;

use crate::domain::{Contact, ContactField, CustomField};

use crate::ui::app::AppState;
use crate::ui::app::Route;
use crate::ui::copy::DuplicateRowButton;
use crate::ui::kit::{local_day, RowMenu, SelectRowCell, TruncatedText};

use super::phone_links::PhoneLinks;
use super::view::ContactsView;

#[component]
pub fn ContactRow(contact: Contact, #[prop(into)] columns: Signal<Vec<CustomField>>) -> impl IntoView {
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
    // Dialled through the list's prefix (follows a change of the prefix).
    let tel = move |n: &crate::domain::PhoneNumber| {
        state.lists.with(|ls| ls.iter().find(|l| l.id == list_id).map(|l| l.tel_href(n.as_str()))).unwrap_or_else(|| n.tel_href())
    };
    let activity = contact.activity;
    let custom = data.custom_values().to_vec();
    let (phone_n, mobile_n) = (data.phone().cloned(), data.mobile().cloned());
    let phone = move || phone_n.clone().map(|n| view! { <PhoneLinks tel=tel(&n) number=n /> });
    let mobile = move || mobile_n.clone().map(|n| view! { <PhoneLinks tel=tel(&n) number=n /> });
    view! {
        <tr class:selected=checked>
            <SelectRowCell id=id picked=view.selected label=format!("Select {full_name}") class="row-check" />
            <td class="col-first">
                {data.first_name().to_string()}
                {activity.has_open_whatsapp().then(|| view! {
                    <span class="badge wa-open" title="A WhatsApp conversation is open">"WhatsApp open"</span>
                })}
            </td>
            <td class="col-last">{data.get(ContactField::LastName).unwrap_or("").to_string()}</td>
            <td class="col-phone">{phone}</td>
            <td class="col-mobile">{mobile}</td>
            <td class="col-email"><TruncatedText text=data.get(ContactField::Email).unwrap_or("").to_string() /></td>
            <td class="col-list">{list_name}</td>
            <td class="col-last-contact">{activity.last.map(local_day)}</td>
            {move || columns.get().into_iter().map(|f| {
                let text = custom.iter().find(|(id, _)| *id == f.id).map(|(_, v)| v.to_text()).unwrap_or_default();
                view! { <td class="col-custom">{text}</td> }
            }).collect_view()}
            <td class="col-actions">
                <div class="row-actions">
                    <a class="btn btn-small" href=Route::EditContact(id).to_hash() aria-label=format!("Edit {full_name}")>
                        "Edit"
                    </a>
                    <RowMenu label=format!("More actions for {full_name}")>
                        <DuplicateRowButton id=id name=full_name.clone() />
                    </RowMenu>
                </div>
            </td>
        </tr>
    }
}
