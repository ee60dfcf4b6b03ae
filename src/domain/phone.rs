//! Phone numbers in the WhatsApp form: the international country code followed by the
//! national number, digits only, no "+" ("393331234567").

use serde::{Deserialize, Serialize};

/// A phone number that is valid as an international number, held in WhatsApp form.
/// It can only be made by `PhoneNumber::parse` (or read back from storage).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PhoneNumber(Box<str>);

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    // Variants are filled in by the implementation; each message says why in words.
    #[error("enter a phone number")]
    Empty,
}

impl PhoneNumber {
    /// Parses "+39 333 123 4567", "0039 333-1234567" or "393331234567" into
    /// "393331234567". Rejects what cannot be a valid international number, saying why.
    pub fn parse(input: &str) -> Result<Self, PhoneError> {
        let _ = input;
        todo!("domain helper")
    }

    /// The WhatsApp form: digits only, country code first.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `tel:+393331234567`, for click-to-call links.
    pub fn tel_href(&self) -> String {
        format!("tel:+{}", self.0)
    }

    /// `https://wa.me/393331234567`.
    pub fn whatsapp_href(&self) -> String {
        format!("https://wa.me/{}", self.0)
    }
}

impl std::fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
