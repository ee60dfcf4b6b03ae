//! Email addresses, checked for shape (a full RFC 5322 parser would accept addresses no
//! mail system delivers to; the shape check catches the typos people make).

use serde::{Deserialize, Serialize};

/// An email address of a plausible shape (local@domain.tld), trimmed.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Email(Box<str>);

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("enter an email address")]
    Empty,
    #[error("an email address has one @ between a name and a domain, like name@example.com")]
    Shape,
    #[error("an email address cannot contain spaces")]
    Space,
    #[error("the domain after @ needs a dot, like example.com")]
    Domain,
    #[error("an email address can be at most 254 characters")]
    TooLong,
}

impl Email {
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(EmailError::Empty);
        }
        if s.len() > 254 {
            return Err(EmailError::TooLong);
        }
        if s.chars().any(char::is_whitespace) {
            return Err(EmailError::Space);
        }
        let (local, domain) = s.split_once('@').ok_or(EmailError::Shape)?;
        if local.is_empty() || domain.contains('@') || s.chars().any(|c| c.is_control() || matches!(c, '<' | '>' | '"' | ',' | ';')) {
            return Err(EmailError::Shape);
        }
        let labels_ok = domain.split('.').all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'));
        if !domain.contains('.') || !labels_ok {
            return Err(EmailError::Domain);
        }
        Ok(Self(s.into()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// The form duplicate checks compare: case-folded.
    pub fn normalized(&self) -> String {
        self.0.to_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_common_addresses() {
        for ok in ["ann@example.com", " Ann.Lee+work@mail.example.co.uk ", "o'neil@x.io"] {
            assert!(Email::parse(ok).is_ok(), "{ok}");
        }
        assert_eq!(Email::parse(" a@b.it ").map(|e| e.as_str().to_owned()), Ok("a@b.it".into()));
    }

    #[test]
    fn rejects_bad_shapes_with_a_reason() {
        assert_eq!(Email::parse(""), Err(EmailError::Empty));
        assert_eq!(Email::parse("ann.example.com"), Err(EmailError::Shape));
        assert_eq!(Email::parse("@example.com"), Err(EmailError::Shape));
        assert_eq!(Email::parse("a@b@c.com"), Err(EmailError::Shape));
        assert_eq!(Email::parse("ann lee@example.com"), Err(EmailError::Space));
        assert_eq!(Email::parse("ann@localhost"), Err(EmailError::Domain));
        assert_eq!(Email::parse("ann@exa..com"), Err(EmailError::Domain));
        assert_eq!(Email::parse("<script>@x.com"), Err(EmailError::Shape));
    }
}
