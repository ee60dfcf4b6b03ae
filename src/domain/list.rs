//! Lists: named collections of contacts.

use serde::{Deserialize, Serialize};

use super::agent::AgentId;
use super::country::Country;
use super::ids::{ListId, Timestamp};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactList {
    pub id: ListId,
    pub name: Box<str>,
    pub description: Option<Box<str>>,
    /// Digits put in front of a number when dialling from this list ("0" for an
    /// outside line).
    pub dial_prefix: Option<Box<str>>,
    /// Agents who may work this list, sorted.
    pub agents: Vec<AgentId>,
    /// Where numbers written without a country code are from (`02 1000000` in an
    /// Italian list is +39 02 1000000). `None`: numbers must carry their country code.
    pub country: Option<Country>,
    pub created: Timestamp,
    pub updated: Timestamp,
}

impl ContactList {
    /// The `tel:` link for a number dialled from this list (prefix applied).
    pub fn tel_href(&self, digits: &str) -> String {
        match &self.dial_prefix {
            Some(prefix) => format!("tel:{prefix}{digits}"),
            None => format!("tel:+{digits}"),
        }
    }
}

/// What the New List / Edit List form edits.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListDraft {
    pub name: String,
    pub description: String,
    pub dial_prefix: String,
    pub country: Option<Country>,
}

impl ListDraft {
    /// A draft showing the list's current settings.
    pub fn from_list(list: &ContactList) -> Self {
        Self {
            name: list.name.to_string(),
            description: list.description.as_deref().unwrap_or("").to_owned(),
            dial_prefix: list.dial_prefix.as_deref().unwrap_or("").to_owned(),
            country: list.country,
        }
    }
}

/// Longest dial prefix.
pub const MAX_DIAL_PREFIX_LEN: usize = 10;

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
    #[error("a dial prefix is up to {max} digits (for example 0 for an outside line)")]
    BadDialPrefix { max: usize },
}
