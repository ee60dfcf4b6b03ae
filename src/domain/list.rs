//! Lists: named collections of contacts.

use serde::{Deserialize, Serialize};

use super::ids::{ListId, Timestamp};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactList {
    pub id: ListId,
    pub name: Box<str>,
    pub description: Option<Box<str>>,
    pub created: Timestamp,
    pub updated: Timestamp,
}

/// What the New List / Edit List form edits.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListDraft {
    pub name: String,
    pub description: String,
}

/// Longest list name.
pub const MAX_LIST_NAME_LEN: usize = 100;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ListError {
    #[error("a list needs a name")]
    NameRequired,
    #[error("a list named \"{0}\" already exists")]
    NameTaken(String),
    #[error("a list name can be at most {max} characters")]
    NameTooLong { max: usize },
    #[error("a description can be at most {max} characters")]
    DescriptionTooLong { max: usize },
}
