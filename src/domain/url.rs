//! Web addresses: https only, so nothing a user types or imports can become a
//! `javascript:` or other unsafe link.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct HttpsUrl(Box<str>);

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    #[error("a web address must start with https://")]
    NotHttps,
}

impl HttpsUrl {
    pub fn parse(input: &str) -> Result<Self, UrlError> {
        let _ = input;
        todo!("domain helper")
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}
