//! Email addresses, checked for shape.

use serde::{Deserialize, Serialize};

/// An email address of a plausible shape (local@domain.tld), trimmed.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Email(Box<str>);

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("an email address needs an @ between a name and a domain, like name@example.com")]
    Shape,
}

impl Email {
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let _ = input;
        todo!("domain helper")
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}
