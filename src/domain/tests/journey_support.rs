//! Builders shared by the interaction and journey tests.

use chrono::NaiveDateTime;

use crate::domain::interaction::{Channel, Direction, Interaction, InteractionId};
use crate::domain::{ContactId, ListId, Timestamp};

pub const CONTACT: ContactId = ContactId::new(7);
pub const LIST: ListId = ListId::new(3);

/// The UTC timestamp of "2026-06-11 12:00:00.000".
pub fn utc(text: &str) -> Timestamp {
    let t = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.3f").unwrap_or_else(|e| panic!("{text}: {e}"));
    Timestamp::from_millis(t.and_utc().timestamp_millis())
}

/// A closed inbound interaction of `CONTACT` on `channel` started at `started`.
pub fn interaction(id: u64, channel: Channel, started: Timestamp) -> Interaction {
    Interaction {
        id: InteractionId::new(id),
        contact: CONTACT,
        list: LIST,
        channel,
        direction: Direction::Inbound,
        started,
        ended: Some(started),
        agent: None,
        disposition: None,
        notes: "".into(),
        metadata: Vec::new(),
    }
}
