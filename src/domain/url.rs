//! Web addresses: https only, so nothing a user types or imports can become a
//! `javascript:` or other unsafe link.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct HttpsUrl(Box<str>);

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    #[error("enter a web address")]
    Empty,
    #[error("a web address must start with https://")]
    NotHttps,
    #[error("the web address needs a host name after https://, like https://example.com")]
    NoHost,
    #[error("a web address cannot contain spaces or control characters")]
    BadCharacter,
}

impl HttpsUrl {
    pub fn parse(input: &str) -> Result<Self, UrlError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(UrlError::Empty);
        }
        if s.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '\\')) {
            return Err(UrlError::BadCharacter);
        }
        let scheme_len = "https://".len();
        if s.len() < scheme_len || !s[..scheme_len].eq_ignore_ascii_case("https://") {
            return Err(UrlError::NotHttps);
        }
        let rest = &s[scheme_len..];
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = authority.rsplit('@').next().unwrap_or("").split(':').next().unwrap_or("");
        if host.is_empty() || host.starts_with('.') {
            return Err(UrlError::NoHost);
        }
        Ok(Self(format!("https://{rest}").into()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_with_a_host() {
        assert_eq!(HttpsUrl::parse(" HTTPS://example.com/a?b#c ").map(|u| u.as_str().to_owned()), Ok("https://example.com/a?b#c".into()));
        assert_eq!(HttpsUrl::parse("http://example.com"), Err(UrlError::NotHttps));
        assert_eq!(HttpsUrl::parse("javascript:alert(1)"), Err(UrlError::NotHttps));
        assert_eq!(HttpsUrl::parse("https://"), Err(UrlError::NoHost));
        assert_eq!(HttpsUrl::parse("https:///path"), Err(UrlError::NoHost));
        assert_eq!(HttpsUrl::parse("https://exa mple.com"), Err(UrlError::BadCharacter));
        assert_eq!(HttpsUrl::parse("https://x.com/\"onmouseover=1"), Err(UrlError::BadCharacter));
        assert_eq!(HttpsUrl::parse(""), Err(UrlError::Empty));
    }
}
