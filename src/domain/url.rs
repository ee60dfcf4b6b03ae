//! Web addresses. `HttpsUrl` (URL custom fields) takes https only; `WebAddress` (a
//! contact's Website) also takes http. Neither lets anything a user types or imports
//! become a `javascript:` or other unsafe link. Both repair a bare host
//! ("www.example.com") to https, as exports often write websites that way.

use serde::{Deserialize, Serialize};
use crate::domain::text::quoted;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct HttpsUrl(Box<str>);

/// A contact's website: `http://` or `https://`, as written (scheme lower-cased).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct WebAddress(Box<str>);

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
    /// The scheme as written, lower-cased, with its colon ("javascript:").
    #[error("only web addresses (http:// or https://) can be saved, not {}", quoted(.0))]
    UnsafeScheme(String),
    /// No scheme, and not a host name either ("n/a", "ann@example.com").
    #[error("this is not a web address: write it like example.com or https://example.com")]
    NotAddress,
}

impl HttpsUrl {
    pub fn parse(input: &str) -> Result<Self, UrlError> {
        match web_parts(input) {
            Ok((Scheme::Https, rest)) => Ok(Self(format!("https://{rest}").into())),
            Ok((Scheme::Http, _)) | Err(UrlError::UnsafeScheme(_)) => Err(UrlError::NotHttps),
            Err(e) => Err(e),
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl WebAddress {
    pub fn parse(input: &str) -> Result<Self, UrlError> {
        let (scheme, rest) = web_parts(input)?;
        let scheme = match scheme {
            Scheme::Https => "https",
            Scheme::Http => "http",
        };
        Ok(Self(format!("{scheme}://{rest}").into()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scheme {
    Http,
    Https,
}

/// The scheme and what follows its "://" (https for a repaired bare host).
fn web_parts(input: &str) -> Result<(Scheme, &str), UrlError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(UrlError::Empty);
    }
    if s.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '\\')) {
        return Err(UrlError::BadCharacter);
    }
    let Some((name, after)) = split_scheme(s) else {
        return if is_bare_host(s) { Ok((Scheme::Https, s)) } else { Err(UrlError::NotAddress) };
    };
    let scheme = if name.eq_ignore_ascii_case("https") {
        Scheme::Https
    } else if name.eq_ignore_ascii_case("http") {
        Scheme::Http
    } else {
        return Err(UrlError::UnsafeScheme(shown_scheme(name)));
    };
    let rest = after.strip_prefix("//").ok_or(UrlError::NoHost)?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("").split(':').next().unwrap_or("");
    if host.is_empty() || host.starts_with('.') {
        return Err(UrlError::NoHost);
    }
    Ok((scheme, rest))
}

/// `scheme:` at the start (RFC 3986: a letter, then letters, digits, `+`, `-`, `.`),
/// unless digits alone follow the colon: "example.com:8080/x" is a host and port.
/// Returns the scheme and what follows its colon.
fn split_scheme(s: &str) -> Option<(&str, &str)> {
    let (name, after) = s.split_once(':')?;
    let mut chars = name.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !valid {
        return None;
    }
    let port = after.split(['/', '?', '#']).next().unwrap_or("");
    let is_port = !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit());
    (!is_port).then_some((name, after))
}

/// "www.example.com", "example.com:8080/path?q=1": dot-separated labels of letters,
/// digits and hyphens, the last one starting with a letter (so "3.14" is not a host),
/// an optional port, then anything. No "user@": that is an email address.
fn is_bare_host(s: &str) -> bool {
    let authority = s.split(['/', '?', '#']).next().unwrap_or("");
    let (host, port) = authority.split_once(':').unwrap_or((authority, ""));
    let port_ok = port.is_empty() || (port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit()));
    let label_ok = |l: &str| {
        !l.is_empty() && !l.starts_with('-') && !l.ends_with('-') && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    let last_ok = host.rsplit('.').next().and_then(|l| l.chars().next()).is_some_and(char::is_alphabetic);
    port_ok && host.contains('.') && last_ok && host.split('.').all(label_ok)
}

/// The scheme for a message: lower-cased, with its colon, cut if absurdly long.
fn shown_scheme(name: &str) -> String {
    let mut shown: String = name.chars().take(24).collect::<String>().to_ascii_lowercase();
    if name.len() > shown.len() {
        shown.push('…');
    }
    shown.push(':');
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn https(s: &str) -> Result<String, UrlError> {
        HttpsUrl::parse(s).map(|u| u.as_str().to_owned())
    }

    fn web(s: &str) -> Result<String, UrlError> {
        WebAddress::parse(s).map(|u| u.as_str().to_owned())
    }

    #[test]
    fn only_https_with_a_host() {
        assert_eq!(https(" HTTPS://example.com/a?b#c "), Ok("https://example.com/a?b#c".into()));
        assert_eq!(HttpsUrl::parse("http://example.com"), Err(UrlError::NotHttps));
        assert_eq!(HttpsUrl::parse("javascript:alert(1)"), Err(UrlError::NotHttps));
        assert_eq!(HttpsUrl::parse("https://"), Err(UrlError::NoHost));
        assert_eq!(HttpsUrl::parse("https:///path"), Err(UrlError::NoHost));
        assert_eq!(HttpsUrl::parse("https://exa mple.com"), Err(UrlError::BadCharacter));
        assert_eq!(HttpsUrl::parse("https://x.com/\"onmouseover=1"), Err(UrlError::BadCharacter));
        assert_eq!(HttpsUrl::parse(""), Err(UrlError::Empty));
    }

    #[test]
    fn https_repairs_a_bare_host() {
        assert_eq!(https("www.example.com"), Ok("https://www.example.com".into()));
        assert_eq!(https("example.com/path?q=1"), Ok("https://example.com/path?q=1".into()));
        assert_eq!(https("example.com:8080/x"), Ok("https://example.com:8080/x".into()));
        assert_eq!(https("HTTP://example.com"), Err(UrlError::NotHttps));
        assert_eq!(https("JaVaScRiPt:alert(1)"), Err(UrlError::NotHttps));
        assert_eq!(https("n/a"), Err(UrlError::NotAddress));
    }

    #[test]
    fn web_address_keeps_http_and_https_as_written() {
        assert_eq!(web("http://example.com/a?b=1#c"), Ok("http://example.com/a?b=1#c".into()));
        assert_eq!(web(" HTTP://Example.com "), Ok("http://Example.com".into()));
        assert_eq!(web("HttpS://example.com"), Ok("https://example.com".into()));
        assert_eq!(web("http://localhost:3000/x"), Ok("http://localhost:3000/x".into()));
        assert_eq!(web("https://user@example.com:8443"), Ok("https://user@example.com:8443".into()));
    }

    #[test]
    fn web_address_repairs_a_bare_host_to_https() {
        assert_eq!(web("www.example.com"), Ok("https://www.example.com".into()));
        assert_eq!(web("example.com/path?q=1"), Ok("https://example.com/path?q=1".into()));
        assert_eq!(web("example.com:8080/x"), Ok("https://example.com:8080/x".into()));
        assert_eq!(web("shop.example.co.uk#top"), Ok("https://shop.example.co.uk#top".into()));
        assert_eq!(web("münchen.de"), Ok("https://münchen.de".into()));
        assert_eq!(web("my-site.example"), Ok("https://my-site.example".into()));
    }

    #[test]
    fn web_address_refuses_other_schemes_without_repairing_them() {
        let unsafe_scheme = |s: &str| Err(UrlError::UnsafeScheme(s.to_owned()));
        assert_eq!(web("javascript:alert(1)"), unsafe_scheme("javascript:"));
        assert_eq!(web("JaVaScRiPt:alert(1)"), unsafe_scheme("javascript:"));
        assert_eq!(web("javascript://%0aalert(1)"), unsafe_scheme("javascript:"));
        assert_eq!(web("data:text/html;base64,PHNjcmlwdD4="), unsafe_scheme("data:"));
        assert_eq!(web("mailto:ann@example.com"), unsafe_scheme("mailto:"));
        assert_eq!(web("ftp://example.com"), unsafe_scheme("ftp:"));
        assert_eq!(web("vbscript:msgbox(1)"), unsafe_scheme("vbscript:"));
        assert_eq!(web("tel:+393331234567"), unsafe_scheme("tel:"));
        assert_eq!(web(&format!("{}:x", "a".repeat(40))), unsafe_scheme(&format!("{}…:", "a".repeat(24))));
        assert_eq!(
            UrlError::UnsafeScheme("javascript:".into()).to_string(),
            "only web addresses (http:// or https://) can be saved, not “\u{2068}javascript:\u{2069}”"
        );
    }

    #[test]
    fn web_address_refuses_what_is_not_an_address() {
        assert_eq!(web(""), Err(UrlError::Empty));
        assert_eq!(web("   "), Err(UrlError::Empty));
        assert_eq!(web("http://"), Err(UrlError::NoHost));
        assert_eq!(web("https:///path"), Err(UrlError::NoHost));
        assert_eq!(web("http://.example.com"), Err(UrlError::NoHost));
        assert_eq!(web("https:example.com"), Err(UrlError::NoHost));
        assert_eq!(web("http://exa mple.com"), Err(UrlError::BadCharacter));
        assert_eq!(web("example.com/<script>"), Err(UrlError::BadCharacter));
        assert_eq!(web("example.com/a\\b"), Err(UrlError::BadCharacter));
        assert_eq!(web("example.com/\u{7}"), Err(UrlError::BadCharacter));
        // No dot, a number, an email, a bad label, a port that is not one.
        for not_host in ["localhost", "localhost:3000", "n/a", "-", "3.14", "ann@example.com", "exa_mple.com", "-x.com", "x..com", ".com", "example.com.", "example.com:123456"] {
            assert_eq!(web(not_host), Err(UrlError::NotAddress), "{not_host}");
        }
    }
}
