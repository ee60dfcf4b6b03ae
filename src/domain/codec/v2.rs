//! Format 2: the shapes of records that changed in format 3, and how they become
//! today's. Never edit these: they describe bytes already stored in users' browsers.
//! They repeat field lists of today's types on purpose (the `duplicates` tool pairs
//! them; they stay): a change to today's types must not change what old bytes decode to.

use serde::Deserialize;

use crate::domain::agent::AgentId;
use crate::domain::{ContactList, ListId, Timestamp};

/// A list before it had a default country.
#[derive(Deserialize)]
pub(super) struct List {
    id: ListId,
    name: Box<str>,
    description: Option<Box<str>>,
    dial_prefix: Option<Box<str>>,
    agents: Vec<AgentId>,
    created: Timestamp,
    updated: Timestamp,
}

impl From<List> for ContactList {
    fn from(l: List) -> Self {
        ContactList {
            id: l.id,
            name: l.name,
            description: l.description,
            dial_prefix: l.dial_prefix,
            agents: l.agents,
            country: None,
            created: l.created,
            updated: l.updated,
        }
    }
}
