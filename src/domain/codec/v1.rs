//! Format 1 (first release): the shapes records had then, and how they become today's.
//! Never edit these: they describe bytes already stored in users' browsers.
//! They repeat field lists of today's types on purpose (the `duplicates` tool pairs
//! them; they stay): a change to today's types must not change what old bytes decode to.

use serde::Deserialize;

use crate::domain::contact::{Contact, ContactData, LabeledPhone};
use crate::domain::{ContactField, ContactId, ContactList, Email, ListId, PhoneNumber, Timestamp, WorkspaceMeta};

#[derive(Deserialize)]
pub(super) struct Meta {
    next_list_id: u32,
    next_contact_id: u64,
}

impl From<Meta> for WorkspaceMeta {
    fn from(m: Meta) -> Self {
        WorkspaceMeta { next_list_id: m.next_list_id, next_contact_id: m.next_contact_id, ..WorkspaceMeta::default() }
    }
}

#[derive(Deserialize)]
pub(super) struct List {
    id: ListId,
    name: Box<str>,
    description: Option<Box<str>>,
    created: Timestamp,
    updated: Timestamp,
}

impl From<List> for ContactList {
    fn from(l: List) -> Self {
        ContactList {
            id: l.id,
            name: l.name,
            description: l.description,
            dial_prefix: None,
            agents: Vec::new(),
            country: None,
            created: l.created,
            updated: l.updated,
        }
    }
}

#[derive(Deserialize)]
struct Data {
    first_name: Box<str>,
    last_name: Option<Box<str>>,
    phone: Option<PhoneNumber>,
    mobile: Option<PhoneNumber>,
    email: Option<Email>,
    details: Box<[(ContactField, Box<str>)]>,
    additional_phones: Box<[LabeledPhone]>,
}

#[derive(Deserialize)]
struct V1Contact {
    id: ContactId,
    list_id: ListId,
    created: Timestamp,
    updated: Timestamp,
    data: Data,
}

#[derive(Deserialize)]
#[serde(transparent)]
pub(super) struct Page(Vec<V1Contact>);

impl From<Data> for ContactData {
    fn from(d: Data) -> Self {
        ContactData::from_stored_parts((d.first_name, d.last_name, d.phone, d.mobile, d.email, d.details, d.additional_phones))
    }
}

impl From<Page> for Vec<Contact> {
    fn from(page: Page) -> Self {
        page.0
            .into_iter()
            .map(|c| Contact { id: c.id, list_id: c.list_id, created: c.created, updated: c.updated, data: c.data.into(), activity: Default::default() })
            .collect()
    }
}
