//! The contacts view written in the address (`#/contacts?list=3&q=rossi&tag=2&sort=last&desc=1&page=2`),
//! so what the table shows is what the address says: a link that names only a list
//! shows that list unfiltered, and Back, Forward and reload restore search, tag, sort
//! and page. Plain Rust, tested on the host; `view.rs` applies it.

use crate::domain::{ListId, SortKey, TagId};

/// Everything of the view the address holds besides the list (which `Route` reads).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewParams {
    pub search: String,
    pub tag: Option<TagId>,
    pub sort: SortKey,
    pub descending: bool,
    /// Zero-based (the address counts from 1, as the pager does).
    pub page: usize,
}

const SORT_NAMES: [(SortKey, &str); 7] = [
    (SortKey::FirstName, "first"),
    (SortKey::LastName, "last"),
    (SortKey::Phone, "phone"),
    (SortKey::Email, "email"),
    (SortKey::List, "list"),
    (SortKey::Created, "created"),
    (SortKey::Updated, "updated"),
];

impl ViewParams {
    /// Reads the query of a contacts address; anything missing or damaged is the
    /// default (a hand-edited address never fails).
    pub fn from_hash(hash: &str) -> ViewParams {
        let query = hash.split_once('?').map_or("", |(_, q)| q);
        let mut params = ViewParams::default();
        for (key, value) in query.split('&').filter_map(|kv| kv.split_once('=')) {
            match key {
                "q" => params.search = decode(value),
                "tag" => params.tag = value.parse().ok().map(TagId::new),
                "sort" => params.sort = SORT_NAMES.iter().find(|(_, n)| *n == value).map_or(SortKey::default(), |(k, _)| *k),
                "desc" => params.descending = value == "1",
                "page" => params.page = value.parse::<usize>().map_or(0, |p| p.saturating_sub(1)),
                _ => {}
            }
        }
        params
    }

    /// The address of the contacts page showing `list` with these params; defaults are
    /// left out so a plain view has a plain address.
    pub fn to_hash(&self, list: Option<ListId>) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(list) = list {
            parts.push(format!("list={list}"));
        }
        if !self.search.is_empty() {
            parts.push(format!("q={}", encode(&self.search)));
        }
        if let Some(tag) = self.tag {
            parts.push(format!("tag={}", tag.get()));
        }
        if self.sort != SortKey::default() {
            let name = SORT_NAMES.iter().find(|(k, _)| *k == self.sort).map_or("first", |(_, n)| n);
            parts.push(format!("sort={name}"));
        }
        if self.descending {
            parts.push("desc=1".into());
        }
        if self.page > 0 {
            parts.push(format!("page={}", self.page + 1));
        }
        match parts.is_empty() {
            true => "#/contacts".into(),
            false => format!("#/contacts?{}", parts.join("&")),
        }
    }
}

/// Percent-encodes all but unreserved ASCII (what survives any address bar).
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Undoes `encode` (and `+` for a space, as forms write it); a broken escape is kept
/// as typed, invalid UTF-8 replaced.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::app::Route;

    fn full() -> ViewParams {
        ViewParams { search: "Rossi & Söhne +39/06 100%".into(), tag: Some(TagId::new(4)), sort: SortKey::Updated, descending: true, page: 2 }
    }

    #[test]
    fn a_view_reads_back_from_its_address_with_any_text_searched() {
        for list in [None, Some(ListId::new(3))] {
            let hash = full().to_hash(list);
            assert_eq!(ViewParams::from_hash(&hash), full(), "{hash}");
            assert_eq!(Route::parse(&hash), Route::Contacts(list), "{hash}");
        }
        for (key, name) in SORT_NAMES {
            let params = ViewParams { sort: key, ..ViewParams::default() };
            assert_eq!(ViewParams::from_hash(&params.to_hash(None)).sort, key, "{name}");
        }
    }

    #[test]
    fn the_address_holds_only_what_differs_from_the_plain_view() {
        assert_eq!(ViewParams::default().to_hash(None), "#/contacts");
        assert_eq!(ViewParams::default().to_hash(Some(ListId::new(5))), "#/contacts?list=5");
        assert_eq!(full().to_hash(Some(ListId::new(5))), "#/contacts?list=5&q=Rossi%20%26%20S%C3%B6hne%20%2B39%2F06%20100%25&tag=4&sort=updated&desc=1&page=3");
    }

    #[test]
    fn a_link_naming_only_a_list_shows_it_unfiltered() {
        assert_eq!(ViewParams::from_hash("#/contacts?list=5"), ViewParams::default());
        assert_eq!(ViewParams::from_hash("#/contacts"), ViewParams::default());
    }

    #[test]
    fn hand_edited_or_damaged_addresses_fall_back_to_defaults() {
        let params = ViewParams::from_hash("#/contacts?q=a+b%2&tag=x&sort=shoe&desc=yes&page=0&page=-3&junk");
        assert_eq!(params, ViewParams { search: "a b%2".into(), ..ViewParams::default() });
        assert_eq!(ViewParams::from_hash("#/contacts?page=7").page, 6);
        assert_eq!(ViewParams::from_hash("#/contacts?q=%FF%FE").search, "\u{FFFD}\u{FFFD}");
    }
}
