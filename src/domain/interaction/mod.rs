//! Interactions: one conversation of a contact with the organisation on one channel
//! (a call, a WhatsApp chat, an email...), open until it is closed with an end time and
//! usually a disposition. This app has no telephony or messaging server, so they come
//! from an agent logging them (`InteractionDraft`), from the app's own actions
//! (`WhatsAppChat`) or from an imported call log (drafts too).
//!
//! - `channel`: the channels and directions;
//! - `error`: why a draft or a close is refused, in words, and the limits;
//! - `draft`: text from a form or a CSV row checked into an `Interaction`;
//! - `close`: closing an open interaction;
//! - `whatsapp`: starting a WhatsApp chat from a contact's number;
//! - `activity`: a contact's interactions in brief (count, last, open WhatsApp).

use serde::{Deserialize, Serialize};

use super::agent::AgentId;
use super::disposition::DispositionId;
use super::ids::{ContactId, ListId, Timestamp};

mod activity;
mod channel;
mod close;
mod draft;
mod error;
mod whatsapp;

pub use activity::Activity;
pub use channel::{Channel, Direction};
pub use draft::InteractionDraft;
pub use error::{InteractionError, MAX_METADATA_ENTRIES, MAX_METADATA_KEY_LEN, MAX_METADATA_VALUE_LEN, MAX_NOTES_LEN};
pub use whatsapp::{WhatsAppChat, WHATSAPP_NUMBER_KEY};

/// Identifies an interaction. Allocated by the store, never reused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct InteractionId(u64);

impl InteractionId {
    pub const fn new(raw: u64) -> Self {
        Self(raw)
    }
    pub const fn get(self) -> u64 {
        self.0
    }
}

impl std::fmt::Display for InteractionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A checked interaction. Only `InteractionDraft::validate`, `WhatsAppChat::start`,
/// `Interaction::close` (and later the storage codec) make one, so `ended` is never
/// before `started`, metadata keys are unique and texts are within their limits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interaction {
    pub id: InteractionId,
    pub contact: ContactId,
    /// The contact's list when the interaction happened: its dispositions apply.
    pub list: ListId,
    pub channel: Channel,
    pub direction: Direction,
    pub started: Timestamp,
    /// `None` while the interaction is open.
    pub ended: Option<Timestamp>,
    pub agent: Option<AgentId>,
    pub disposition: Option<DispositionId>,
    pub notes: Box<str>,
    /// Free key/value pairs (a call's queue, a chat's session id), keys unique, in the
    /// order given.
    pub metadata: Metadata,
}

/// An interaction's key/value pairs.
pub type Metadata = Vec<(Box<str>, Box<str>)>;

impl Interaction {
    pub fn is_open(&self) -> bool {
        self.ended.is_none()
    }
}

/// Who an interaction being made belongs to: its new id, the contact and the
/// contact's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InteractionIdentity {
    pub id: InteractionId,
    pub contact: ContactId,
    pub list: ListId,
}

/// What an interaction may refer to: the agents that exist and the dispositions of the
/// contact's list (slices, so the domain needs no workspace to check them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Choices<'a> {
    pub agents: &'a [AgentId],
    pub dispositions: &'a [DispositionId],
}

impl Choices<'_> {
    pub(crate) fn check_agent(&self, agent: Option<AgentId>) -> Result<(), InteractionError> {
        match agent {
            Some(a) if !self.agents.contains(&a) => Err(InteractionError::UnknownAgent),
            _ => Ok(()),
        }
    }

    pub(crate) fn check_disposition(&self, disposition: Option<DispositionId>) -> Result<(), InteractionError> {
        match disposition {
            Some(d) if !self.dispositions.contains(&d) => Err(InteractionError::UnknownDisposition),
            _ => Ok(()),
        }
    }
}
