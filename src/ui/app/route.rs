//! Where the user is, kept in `location.hash` so a static host can serve the app and
//! a reload lands on the same page.

use leptos::prelude::*;

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
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Contacts,
        Section::Lists,
        Section::CustomFields,
        Section::Tags,
        Section::Agents,
        Section::Import,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Section::Contacts => "Contacts",
            Section::Lists => "Lists",
            Section::CustomFields => "Global custom fields",
            Section::Tags => "Tags",
            Section::Agents => "Agents",
            Section::Import => "Import",
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

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The current route as a signal, following `hashchange` (links, back/forward).
#[derive(Clone, Copy)]
pub struct Router {
    pub route: RwSignal<Route>,
}

impl Router {
    pub fn new() -> Self {
        let route = RwSignal::new(Route::parse(&current_hash()));
        // The listener lives as long as the page: the router is created once.
        let _listener = window_event_listener(leptos::ev::hashchange, move |_| {
            route.set(Route::parse(&current_hash()));
        });
        Router { route }
    }

    /// Goes to `to`, adding a history entry so Back works.
    pub fn go(self, to: Route) {
        if let Err(err) = window().location().set_hash(&to.to_hash()) {
            leptos::logging::warn!("could not change the address: {err:?}");
        }
        self.route.set(to);
    }

    pub fn get() -> Self {
        use_context::<Router>().unwrap_or_else(Router::new)
    }
}
