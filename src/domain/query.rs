//! Browsing contacts: filter by list, search, sort, page.

use super::contact::Contact;
use super::ids::ListId;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    #[default]
    FirstName,
    LastName,
    Phone,
    Email,
    List,
    Created,
    Updated,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContactQuery {
    /// `None`: every list.
    pub list: Option<ListId>,
    /// Matched, case-insensitively, against first name, last name, email and phone
    /// (also mobile; digits typed with spaces or "+" still find a phone).
    pub search: String,
    pub sort: SortKey,
    pub descending: bool,
    /// Zero-based.
    pub page: usize,
    pub page_size: usize,
}

impl Default for ContactQuery {
    fn default() -> Self {
        Self {
            list: None,
            search: String::new(),
            sort: SortKey::default(),
            descending: false,
            page: 0,
            page_size: 25,
        }
    }
}

/// One page of results and how many matched in all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryResult {
    pub total: usize,
    pub rows: Vec<Contact>,
}
