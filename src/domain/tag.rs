//! Predefined tags: a name and a colour, picked for contacts in the editor.

use serde::{Deserialize, Serialize};

use super::text::{self, Lines};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TagId(u32);

impl TagId {
    pub const fn new(raw: u32) -> Self {
        Self(raw)
    }
    pub const fn get(self) -> u32 {
        self.0
    }
}

/// A colour as "#rrggbb": only this form is accepted, so it is always safe to put in a
/// style attribute.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TagColour(Box<str>);

impl TagColour {
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let hex = s.strip_prefix('#')?;
        (hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit())).then(|| Self(s.to_ascii_lowercase().into()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    pub id: TagId,
    pub name: Box<str>,
    pub colour: TagColour,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TagDraft {
    pub name: String,
    pub colour: String,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TagError {
    #[error("a tag needs a name")]
    NameRequired,
    #[error("a tag named \"{0}\" already exists")]
    NameTaken(String),
    #[error("a tag name can be at most {0} characters")]
    NameTooLong(usize),
    #[error("choose a colour like #3366cc")]
    BadColour,
    #[error("that tag no longer exists")]
    Unknown,
}

pub const MAX_TAG_NAME_LEN: usize = 50;

impl TagDraft {
    /// Checks the draft against the other tags' names (case-insensitive).
    pub fn validate<'a>(&self, others: impl IntoIterator<Item = &'a Tag>) -> Result<(Box<str>, TagColour), TagError> {
        let name = text::cleaned(&self.name, Lines::One);
        let name = name.trim();
        if name.is_empty() {
            return Err(TagError::NameRequired);
        }
        if name.chars().count() > MAX_TAG_NAME_LEN {
            return Err(TagError::NameTooLong(MAX_TAG_NAME_LEN));
        }
        let folded = name.to_lowercase();
        if others.into_iter().any(|t| t.name.to_lowercase() == folded) {
            return Err(TagError::NameTaken(name.to_owned()));
        }
        let colour = TagColour::parse(&self.colour).ok_or(TagError::BadColour)?;
        Ok((name.into(), colour))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_colours_strict() {
        let vip = Tag { id: TagId::new(1), name: "VIP".into(), colour: TagColour::parse("#FF0000").expect("colour") };
        assert_eq!(vip.colour.as_str(), "#ff0000");
        let d = |n: &str, c: &str| TagDraft { name: n.into(), colour: c.into() };
        assert_eq!(d("vip", "#00ff00").validate([&vip]), Err(TagError::NameTaken("vip".into())));
        assert_eq!(d(" ", "#00ff00").validate([&vip]), Err(TagError::NameRequired));
        assert_eq!(d("Lead", "red; background:url(x)").validate([&vip]), Err(TagError::BadColour));
        assert_eq!(d("Lead", "#12345").validate([&vip]), Err(TagError::BadColour));
        assert!(d(" Lead ", "#00AA11").validate([&vip]).is_ok_and(|(n, _)| &*n == "Lead"));
    }
}
