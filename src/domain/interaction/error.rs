//! Why an interaction is refused, in words, and the limits that say so.

/// Longest notes, in characters (a long email summary fits).
pub const MAX_NOTES_LEN: usize = 10_000;
/// Most metadata entries on one interaction.
pub const MAX_METADATA_ENTRIES: usize = 50;
/// Longest metadata key, in characters.
pub const MAX_METADATA_KEY_LEN: usize = 100;
/// Longest metadata value, in characters.
pub const MAX_METADATA_VALUE_LEN: usize = 1_000;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InteractionError {
    #[error("\"{0}\" is not a channel: choose voice, WhatsApp, chat, SMS, email, open channel or fax")]
    UnknownChannel(String),
    #[error("\"{0}\" is not a direction: choose inbound or outbound")]
    UnknownDirection(String),
    #[error("enter when the interaction started")]
    StartRequired,
    #[error("the {which} \"{text}\" is not a date and time, like 2026-06-11 14:30")]
    BadTime { which: &'static str, text: String },
    #[error("the end cannot be before the start")]
    EndBeforeStart,
    #[error("notes can be at most {MAX_NOTES_LEN} characters")]
    NotesTooLong,
    #[error("an interaction can have at most {MAX_METADATA_ENTRIES} metadata entries")]
    TooManyMetadata,
    #[error("every metadata value needs a key")]
    MetadataKeyRequired,
    #[error("the metadata key \"{0}\" is longer than {MAX_METADATA_KEY_LEN} characters")]
    MetadataKeyTooLong(String),
    // Metadata is written "key=value; key=value" in exports: these would make it ambiguous.
    #[error("the metadata key \"{0}\" may not contain \"=\" or \";\"")]
    MetadataKeyCharacters(String),
    #[error("the value of \"{0}\" can be at most {MAX_METADATA_VALUE_LEN} characters")]
    MetadataValueTooLong(String),
    #[error("the metadata key \"{0}\" is given twice")]
    DuplicateMetadataKey(String),
    #[error("that disposition is not one of this contact's list")]
    UnknownDisposition,
    #[error("that agent no longer exists")]
    UnknownAgent,
    #[error("this interaction is already closed")]
    AlreadyClosed,
    #[error("{0} is not a valid number for WhatsApp: correct the contact's number first")]
    NotWhatsAppNumber(String),
    #[error("{0} is not one of this contact's numbers")]
    NotContactsNumber(String),
}
