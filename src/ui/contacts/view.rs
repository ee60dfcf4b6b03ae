//! How the user is browsing contacts (search, sort, page, selection). Lives above the
//! pages so it survives opening a contact and coming back.

use std::collections::HashSet;

use leptos::prelude::*;

use super::view_url::ViewParams;
use crate::domain::{ContactId, FieldId, ListId, SortKey};

pub const PAGE_SIZES: [usize; 3] = [25, 50, 100];

#[derive(Clone, Copy)]
pub struct ContactsView {
    pub search: RwSignal<String>,
    pub sort: RwSignal<SortKey>,
    pub descending: RwSignal<bool>,
    /// Zero-based; clamped to the last page by the query.
    pub page: RwSignal<usize>,
    pub page_size: RwSignal<usize>,
    pub selected: RwSignal<HashSet<ContactId>>,
    /// Only contacts with this tag.
    pub tag: RwSignal<Option<crate::domain::TagId>>,
    /// Custom fields shown as extra columns (those not available here are skipped).
    pub columns: RwSignal<Vec<FieldId>>,
    /// The list filter the page, selection and search were last for.
    pub shown_list: StoredValue<Option<Option<ListId>>>,
}

impl ContactsView {
    pub fn new() -> Self {
        ContactsView {
            search: RwSignal::new(String::new()),
            sort: RwSignal::new(SortKey::FirstName),
            descending: RwSignal::new(false),
            page: RwSignal::new(0),
            page_size: RwSignal::new(PAGE_SIZES[0]),
            selected: RwSignal::new(HashSet::new()),
            tag: RwSignal::new(None),
            columns: RwSignal::new(Vec::new()),
            shown_list: StoredValue::new(None),
        }
    }

    /// The view `App` provides; a page outside it is a bug worth failing loudly on.
    pub fn get() -> Self {
        expect_context::<ContactsView>()
    }

    /// A new filter or search: back to the first page, nothing selected that the user
    /// can no longer see.
    pub fn restart(self) {
        self.page.set(0);
        self.selected.update(|s| s.clear());
    }

    /// The filter may also change by a link (Lists -> Show Contacts): start over
    /// then too, so a selection made under another filter cannot be deleted unseen.
    pub fn follow_list(self, list: Option<ListId>) {
        let before = self.shown_list.get_value();
        if before != Some(list) {
            if before.is_some() {
                self.restart();
            }
            self.shown_list.set_value(Some(list));
        }
    }

    /// What the address holds of this view (tracked: an effect re-runs on changes).
    pub fn params(self) -> ViewParams {
        ViewParams {
            search: self.search.get(),
            tag: self.tag.get(),
            sort: self.sort.get(),
            descending: self.descending.get(),
            page: self.page.get(),
        }
    }

    /// Shows what an address says; sets only what differs, so applying the address
    /// this view just wrote changes nothing.
    pub fn apply(self, params: ViewParams) {
        fn set_if<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
            if signal.with_untracked(|v| *v != value) {
                signal.set(value);
            }
        }
        set_if(self.search, params.search);
        set_if(self.tag, params.tag);
        set_if(self.sort, params.sort);
        set_if(self.descending, params.descending);
        set_if(self.page, params.page);
    }

    /// The address of this view over `list` (links back to the table keep the search).
    pub fn href(self, list: Option<ListId>) -> String {
        self.params().to_hash(list)
    }

    /// Clicking a column header: sort by it, or flip the direction if it already is.
    pub fn sort_by(self, key: SortKey) {
        if self.sort.get_untracked() == key {
            self.descending.update(|d| *d = !*d);
        } else {
            self.sort.set(key);
            self.descending.set(false);
        }
        self.page.set(0);
    }
}
