//! One group of likely duplicates: why they matched, its members (the name opens the
//! contact; phones, email, list), "Not duplicates", and Merge… on every member but
//! the first, which is the one kept.

use leptos::prelude::*;

use crate::domain::duplicates::DuplicateGroup;
use crate::domain::trash::contact_name;
use crate::domain::{Contact, ContactId, ContactList, Workspace};
use crate::ui::app::Route;
use crate::ui::kit::{phone_display, plural, RowButton};

use super::merge_action::open_merge;
use super::shown_group::reason_words;

/// The members' columns; on a phone each value is labelled with its column instead.
const COLUMNS: [&str; 4] = ["Name", "Phone", "Email", "List"];

/// A member as the card shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Member {
    pub id: ContactId,
    pub name: String,
    pub phones: String,
    pub email: String,
    pub list: String,
}

impl Member {
    fn of(contact: &Contact, lists: &[ContactList]) -> Self {
        let data = &contact.data;
        let mut phones: Vec<String> = Vec::new();
        let numbers = data.phone().into_iter().chain(data.mobile()).chain(data.additional_phones().iter().map(|p| &p.number));
        for shown in numbers.map(|n| phone_display(n.as_str())) {
            if !phones.contains(&shown) {
                phones.push(shown);
            }
        }
        Member {
            id: contact.id,
            name: contact_name(data),
            phones: phones.join(", "),
            email: data.email().map(|e| e.as_str().to_owned()).unwrap_or_default(),
            list: lists.iter().find(|l| l.id == contact.list_id).map(|l| l.name.to_string()).unwrap_or_default(),
        }
    }
}

/// A group with its members as they are now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownGroup {
    pub group: DuplicateGroup,
    pub members: Vec<Member>,
}

impl ShownGroup {
    /// `group` must hold only contacts that exist (`shown_group::remaining`).
    pub fn read(ws: &Workspace, lists: &[ContactList], group: DuplicateGroup) -> Self {
        let members = group.members.iter().filter_map(|id| ws.contact(*id)).map(|c| Member::of(c, lists)).collect();
        ShownGroup { group, members }
    }

    fn name_of(&self, id: ContactId) -> String {
        self.members.iter().find(|m| m.id == id).map(|m| m.name.clone()).unwrap_or_default()
    }

    /// Why they matched: the reasons for a pair; for more, each link's, with its two names.
    fn why(&self) -> Vec<String> {
        match self.group.links.as_slice() {
            [only] => vec![reason_words(&only.reasons)],
            links => links.iter().map(|l| format!("{} and {}: {}", self.name_of(l.a), self.name_of(l.b), reason_words(&l.reasons))).collect(),
        }
    }
}

#[component]
pub fn GroupCard(shown: ShownGroup, on_apart: Callback<DuplicateGroup>) -> impl IntoView {
    let kept = shown.members.first().map(|m| (m.id, m.name.clone()));
    let heading = format!("dup-group-{}", kept.as_ref().map_or(0, |k| k.0.get()));
    let title = format!("{}, {}% match", plural(shown.members.len(), "contact", "contacts"), shown.group.score);
    let names = shown.members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>().join(", ");
    let why = shown.why();
    let labelled_by = heading.clone();
    let group = shown.group.clone();
    let rows = shown
        .members
        .into_iter()
        .enumerate()
        .map(|(i, member)| {
            // Merging keeps the first member: the others offer to merge into it.
            let into = kept.clone().filter(|_| i > 0);
            view! { <MemberRow member=member into=into /> }
        })
        .collect_view();
    view! {
        <li class="card dup-group" aria-labelledby=labelled_by>
            <div class="dup-group-head">
                <h2 class="dup-group-title" id=heading>{title}</h2>
                <RowButton
                    label="Not duplicates"
                    class="dup-apart"
                    aria_label=format!("Not duplicates: {names}")
                    on_click=Callback::new(move |()| on_apart.run(group.clone()))
                />
            </div>
            {match why.as_slice() {
                [line] => view! { <p class="dup-why"><strong>"Matched on: "</strong>{line.clone()}</p> }.into_any(),
                lines => view! {
                    <p class="dup-why"><strong>"Matched on:"</strong></p>
                    <ul class="dup-links">{lines.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}</ul>
                }
                .into_any(),
            }}
            <table class="dup-table">
                <thead>
                    <tr>
                        {COLUMNS.map(|c| view! { <th scope="col">{c}</th> }).collect_view()}
                        <th scope="col"><span class="visually-hidden">"Merge"</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </li>
    }
}

/// One member; `into`: the contact it would be merged into (none for the kept one).
#[component]
fn MemberRow(member: Member, into: Option<(ContactId, String)>) -> impl IntoView {
    let Member { id, name, phones, email, list } = member;
    // Empty values take no line on a phone.
    let (no_phone, no_email, kept) = (phones.is_empty(), email.is_empty(), into.is_none());
    let merge = into.map(|(kept, kept_name)| {
        view! {
            <RowButton
                label="Merge…"
                class="dup-merge"
                aria_label=format!("Merge {name} into {kept_name}")
                on_click=Callback::new(move |()| open_merge(kept, id))
            />
        }
    });
    view! {
        <tr class="dup-member" data-contact=id.to_string()>
            <td data-label="Name"><a class="dup-name" href=Route::EditContact(id).to_hash()>{name.clone()}</a></td>
            <td class="dup-phones" class:dup-blank=no_phone data-label="Phone">{phones}</td>
            <td class="dup-email" class:dup-blank=no_email data-label="Email">{email}</td>
            <td class="dup-list" data-label="List">{list}</td>
            <td class="dup-action" class:dup-blank=kept>{merge}</td>
        </tr>
    }
}
