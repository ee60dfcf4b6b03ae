//! An interaction as a form or a CSV row gives it (text), checked into an
//! `Interaction`. Agent and disposition come as ids: the form picks them from selects,
//! and an import resolves names to ids before making the draft.

use super::{Channel, Choices, Direction, Interaction, InteractionError, InteractionIdentity, Metadata};
use super::error::{MAX_METADATA_ENTRIES, MAX_METADATA_KEY_LEN, MAX_METADATA_VALUE_LEN, MAX_NOTES_LEN};
use crate::domain::agent::AgentId;
use crate::domain::custom_field::parse_datetime;
use crate::domain::disposition::DispositionId;
use crate::domain::ids::Timestamp;
use crate::domain::journey::from_local;
use crate::domain::text::{self, Lines};

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct InteractionDraft {
    /// A channel's key or label ("whatsapp", "SMS").
    pub channel: String,
    /// "inbound" or "outbound", any case.
    pub direction: String,
    /// Local date and time, as a datetime-local input sends it ("2026-06-11T14:30") or
    /// as `parse_datetime` reads it.
    pub started: String,
    /// The same form; empty while the interaction is open.
    pub ended: String,
    pub agent: Option<AgentId>,
    pub disposition: Option<DispositionId>,
    pub notes: String,
    /// Rows with both key and value blank are left out (a form's empty row).
    pub metadata: Vec<(String, String)>,
}

impl InteractionDraft {
    /// The interaction this draft describes, with times read at `offset_minutes` (the
    /// user's UTC offset), or the first thing wrong with it.
    pub fn validate(&self, identity: InteractionIdentity, choices: Choices<'_>, offset_minutes: i32) -> Result<Interaction, InteractionError> {
        let channel = Channel::parse(&self.channel).ok_or_else(|| InteractionError::UnknownChannel(self.channel.trim().to_owned()))?;
        let direction = Direction::parse(&self.direction).ok_or_else(|| InteractionError::UnknownDirection(self.direction.trim().to_owned()))?;
        let started = read_time(&self.started, "start", offset_minutes)?.ok_or(InteractionError::StartRequired)?;
        let ended = read_time(&self.ended, "end", offset_minutes)?;
        check_end(started, ended)?;
        choices.check_agent(self.agent)?;
        choices.check_disposition(self.disposition)?;
        let notes = check_notes(&self.notes)?;
        let metadata = check_metadata(&self.metadata)?;
        let InteractionIdentity { id, contact, list } = identity;
        Ok(Interaction { id, contact, list, channel, direction, started, ended, agent: self.agent, disposition: self.disposition, notes, metadata })
    }
}

/// A local date-time as a timestamp; `None` when blank.
fn read_time(text: &str, which: &'static str, offset_minutes: i32) -> Result<Option<Timestamp>, InteractionError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let local = parse_datetime(text).ok_or_else(|| InteractionError::BadTime { which, text: text.to_owned() })?;
    Ok(Some(from_local(local, offset_minutes)))
}

pub(super) fn check_end(started: Timestamp, ended: Option<Timestamp>) -> Result<(), InteractionError> {
    match ended {
        Some(end) if end < started => Err(InteractionError::EndBeforeStart),
        _ => Ok(()),
    }
}

pub(super) fn check_notes(notes: &str) -> Result<Box<str>, InteractionError> {
    let notes = text::cleaned(notes, Lines::Many);
    let notes = notes.trim();
    if notes.chars().count() > MAX_NOTES_LEN {
        return Err(InteractionError::NotesTooLong);
    }
    Ok(notes.into())
}

fn check_metadata(rows: &[(String, String)]) -> Result<Metadata, InteractionError> {
    let mut out = Metadata::new();
    for (key, value) in rows {
        let (key, value) = (text::cleaned(key, Lines::One), text::cleaned(value, Lines::One));
        let (key, value) = (key.trim(), value.trim());
        if key.is_empty() && value.is_empty() {
            continue;
        }
        if key.is_empty() {
            return Err(InteractionError::MetadataKeyRequired);
        }
        if key.chars().count() > MAX_METADATA_KEY_LEN {
            return Err(InteractionError::MetadataKeyTooLong(key.to_owned()));
        }
        if key.contains(['=', ';']) {
            return Err(InteractionError::MetadataKeyCharacters(key.to_owned()));
        }
        if value.chars().count() > MAX_METADATA_VALUE_LEN {
            return Err(InteractionError::MetadataValueTooLong(key.to_owned()));
        }
        if out.iter().any(|(k, _)| k.to_lowercase() == key.to_lowercase()) {
            return Err(InteractionError::DuplicateMetadataKey(key.to_owned()));
        }
        if out.len() == MAX_METADATA_ENTRIES {
            return Err(InteractionError::TooManyMetadata);
        }
        out.push((key.into(), value.into()));
    }
    Ok(out)
}
