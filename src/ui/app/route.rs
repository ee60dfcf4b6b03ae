//! Where the user is, kept in `location.hash` so a static host can serve the app and
//! a reload lands on the same page. Plain Rust (the browser side is `router.rs`).

use crate::domain::{ContactId, ListId};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// All contacts, or those of one list.
    Contacts(Option<ListId>),
    EditContact(ContactId),
    Lists,
    EditList(ListId),
    CustomFields,
    Tags,
    Agents,
    /// The import wizard, with the target list preselected when given.
    Import(Option<ListId>),
    /// Deleted contacts, restorable.
    Trash,
    /// Groups of likely duplicates, for a list or all.
    Duplicates,
    /// Where the data is kept: durability, space used.
    Data,
}

/// The entries of the navigation, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Contacts,
    Lists,
    CustomFields,
    Tags,
    Agents,
    Import,
    Duplicates,
    Trash,
    Data,
}

impl Section {
    pub const ALL: [Section; 9] = [
        Section::Contacts,
        Section::Lists,
        Section::CustomFields,
        Section::Tags,
        Section::Agents,
        Section::Import,
        Section::Duplicates,
        Section::Trash,
        Section::Data,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Section::Contacts => "Contacts",
            Section::Lists => "Lists",
            Section::CustomFields => "Global custom fields",
            Section::Tags => "Tags",
            Section::Agents => "Agents",
            Section::Import => "Import",
            Section::Duplicates => "Find duplicates",
            Section::Trash => "Trash",
            Section::Data => "Data",
        }
    }

    pub fn route(self) -> Route {
        match self {
            Section::Contacts => Route::Contacts(None),
            Section::Lists => Route::Lists,
            Section::CustomFields => Route::CustomFields,
            Section::Tags => Route::Tags,
            Section::Agents => Route::Agents,
            Section::Import => Route::Import(None),
            Section::Duplicates => Route::Duplicates,
            Section::Trash => Route::Trash,
            Section::Data => Route::Data,
        }
    }
}

impl Route {
    /// Reads a hash such as `#/contacts?list=3`; anything unknown is the contacts page.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let mut parts = path.split('/').filter(|p| !p.is_empty());
        let head = parts.next().unwrap_or("");
        let id = parts.next();
        match (head, id) {
            ("lists", None) => Route::Lists,
            ("lists", Some(id)) => id.parse().map(|n| Route::EditList(ListId::new(n))).unwrap_or(Route::Lists),
            ("contacts", Some(id)) => id
                .parse()
                .map(|n| Route::EditContact(ContactId::new(n)))
                .unwrap_or(Route::Contacts(None)),
            ("custom-fields", _) => Route::CustomFields,
            ("tags", _) => Route::Tags,
            ("agents", _) => Route::Agents,
            ("import", _) => Route::Import(list_param(query)),
            ("trash", _) => Route::Trash,
            ("duplicates", _) => Route::Duplicates,
            ("data", _) => Route::Data,
            _ => Route::Contacts(list_param(query)),
        }
    }

    pub fn to_hash(self) -> String {
        match self {
            Route::Contacts(None) => "#/contacts".into(),
            Route::Contacts(Some(list)) => format!("#/contacts?list={list}"),
            Route::EditContact(id) => format!("#/contacts/{id}"),
            Route::Lists => "#/lists".into(),
            Route::EditList(id) => format!("#/lists/{id}"),
            Route::CustomFields => "#/custom-fields".into(),
            Route::Tags => "#/tags".into(),
            Route::Agents => "#/agents".into(),
            Route::Import(None) => "#/import".into(),
            Route::Import(Some(list)) => format!("#/import?list={list}"),
            Route::Trash => "#/trash".into(),
            Route::Duplicates => "#/duplicates".into(),
            Route::Data => "#/data".into(),
        }
    }

    /// The page this route shows: the contacts filter is not part of it.
    pub fn page(self) -> Route {
        match self {
            Route::Contacts(_) => Route::Contacts(None),
            other => other,
        }
    }

    pub fn section(self) -> Section {
        match self {
            Route::Contacts(_) | Route::EditContact(_) => Section::Contacts,
            Route::Lists | Route::EditList(_) => Section::Lists,
            Route::CustomFields => Section::CustomFields,
            Route::Tags => Section::Tags,
            Route::Agents => Section::Agents,
            Route::Import(_) => Section::Import,
            Route::Trash => Section::Trash,
            Route::Duplicates => Section::Duplicates,
            Route::Data => Section::Data,
        }
    }
}

fn list_param(query: &str) -> Option<ListId> {
    query
        .split('&')
        .find_map(|kv| kv.strip_prefix("list="))
        .and_then(|v| v.parse().ok())
        .map(ListId::new)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_route() -> Vec<Route> {
        vec![
            Route::Contacts(None),
            Route::Contacts(Some(ListId::new(3))),
            Route::EditContact(ContactId::new(42)),
            Route::Lists,
            Route::EditList(ListId::new(7)),
            Route::CustomFields,
            Route::Tags,
            Route::Agents,
            Route::Import(None),
            Route::Import(Some(ListId::new(9))),
            Route::Trash,
            Route::Duplicates,
            Route::Data,
        ]
    }

    #[test]
    fn every_route_reads_back_from_its_hash() {
        for route in every_route() {
            assert_eq!(Route::parse(&route.to_hash()), route, "{}", route.to_hash());
        }
    }

    #[test]
    fn unknown_or_damaged_addresses_land_somewhere_sensible() {
        assert_eq!(Route::parse(""), Route::Contacts(None));
        assert_eq!(Route::parse("#/nowhere"), Route::Contacts(None));
        assert_eq!(Route::parse("#/lists/abc"), Route::Lists);
        assert_eq!(Route::parse("#/contacts/-1"), Route::Contacts(None));
        assert_eq!(Route::parse("#/contacts?list=x"), Route::Contacts(None));
        assert_eq!(Route::parse("#contacts?sort=name&list=4"), Route::Contacts(Some(ListId::new(4))));
        assert_eq!(Route::parse("/import/?list=2"), Route::Import(Some(ListId::new(2))));
    }

    #[test]
    fn each_section_opens_a_route_of_its_own_section() {
        for section in Section::ALL {
            assert_eq!(section.route().section(), section, "{}", section.label());
        }
        assert_eq!(Route::EditContact(ContactId::new(1)).section(), Section::Contacts);
        assert_eq!(Route::EditList(ListId::new(1)).section(), Section::Lists);
    }

    #[test]
    fn the_contacts_filter_is_not_part_of_the_page() {
        assert_eq!(Route::Contacts(Some(ListId::new(4))).page(), Route::Contacts(None));
        assert_eq!(Route::Import(Some(ListId::new(4))).page(), Route::Import(Some(ListId::new(4))));
        assert_eq!(Route::EditList(ListId::new(2)).page(), Route::EditList(ListId::new(2)));
    }
}
