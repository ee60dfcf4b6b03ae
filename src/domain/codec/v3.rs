//! Format 3: the shapes of records that changed in format 4 (contacts gained their
//! activity, the meta record an interaction id counter), and how they become today's.
//! Never edit these: they describe bytes already stored in users' browsers.

use serde::Deserialize;

use crate::domain::contact::{Contact, ContactData};
use crate::domain::{ContactId, ListId, Timestamp, WorkspaceMeta};

/// A contact before it carried its activity (formats 2 and 3).
#[derive(Deserialize)]
struct V3Contact {
    id: ContactId,
    list_id: ListId,
    created: Timestamp,
    updated: Timestamp,
    data: ContactData,
}

#[derive(Deserialize)]
#[serde(transparent)]
pub(super) struct Page(Vec<V3Contact>);

impl From<Page> for Vec<Contact> {
    fn from(page: Page) -> Self {
        page.0
            .into_iter()
            .map(|c| Contact { id: c.id, list_id: c.list_id, created: c.created, updated: c.updated, data: c.data, activity: Default::default() })
            .collect()
    }
}

/// The id counters before interactions (formats 2 and 3).
#[derive(Deserialize)]
pub(super) struct Meta {
    next_list_id: u32,
    next_contact_id: u64,
    next_field_id: u32,
    next_tag_id: u32,
    next_agent_id: u32,
    next_disposition_id: u32,
}

impl From<Meta> for WorkspaceMeta {
    fn from(m: Meta) -> Self {
        WorkspaceMeta {
            next_list_id: m.next_list_id,
            next_contact_id: m.next_contact_id,
            next_field_id: m.next_field_id,
            next_tag_id: m.next_tag_id,
            next_agent_id: m.next_agent_id,
            next_disposition_id: m.next_disposition_id,
            next_interaction_id: 0,
        }
    }
}
