//! Builders shared by the domain tests.

use crate::domain::{ContactDraft, ContactField, ContactId, ListDraft, ListId, Timestamp, Workspace};

pub const T0: Timestamp = Timestamp::from_millis(1_700_000_000_000);

pub fn list(ws: &mut Workspace, name: &str) -> ListId {
    let draft = ListDraft { name: name.into(), description: String::new(), ..ListDraft::default() };
    ws.create_list(&draft, T0).map(|(id, _)| id).unwrap_or_else(|e| panic!("create list {name}: {e}"))
}

pub fn draft(list: ListId, first: &str, last: &str, phone: &str, email: &str) -> ContactDraft {
    let mut d = ContactDraft { list_id: Some(list), ..ContactDraft::default() };
    d.set(ContactField::FirstName, first);
    d.set(ContactField::LastName, last);
    d.set(ContactField::Phone, phone);
    d.set(ContactField::Email, email);
    d
}

pub fn contact(ws: &mut Workspace, list: ListId, first: &str, last: &str, phone: &str, email: &str) -> ContactId {
    ws.create_contact(&draft(list, first, last, phone, email), T0)
        .map(|(id, _)| id)
        .unwrap_or_else(|e| panic!("create contact {first}: {e}"))
}
