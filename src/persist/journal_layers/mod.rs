//! The journal stored as layers: the entries of `CONTACTS_PER_PAGE` consecutive contacts
//! (a journal page) that one commit writes are ONE record, a layer, keyed by the page
//! and the commit's sequence number. A page's entries are its layers stacked oldest
//! first: each clears contacts, puts entries and deletes entries, in that order (the
//! order `Change` promises).
//!
//! Why not one record per entry: Chromium's IndexedDB leaves an undo-log tombstone in
//! its LevelDB for every record a transaction writes, and the first open of the
//! database in a session steps over all of them (`LevelDBScopes::Initialize`): 2M
//! interactions written one record each cost ~1 s before the first journey could be
//! read. Layers make that a few thousand records. Reading a journey reads one page's
//! layers and decodes only the contact's entries (`codec::LayerView`); a page with many
//! layers is flattened into one (`flatten`) in its own transaction.
//!
//! Entries written by an older version, one record each ("legacy"), are the oldest
//! layer of their page until flattening moves them into a layer.

mod codec;
mod stack;
// Property tests: proptest is a host-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use codec::{encode_layer, LayerView};
pub use stack::{entries_after, flatten, journal_of, stack};

use std::collections::BTreeMap;

use crate::domain::change::JournalKey;
use crate::domain::codec::encode_journal_entry;
use crate::domain::{Change, ContactId};
use crate::persist::writes::cleared_runs;

/// Contacts per journal page: like a contact page, so an import's contacts (consecutive
/// ids) share few pages.
pub const CONTACTS_PER_PAGE: u64 = 512;

/// A page has this many layers or more when a journey reads it: it is flattened.
pub const FLATTEN_AT: usize = 8;

/// Where a layer is stored: its page, then the sequence number of the commit that
/// wrote it (layers of a page stack in this order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LayerKey {
    pub page: u64,
    pub seq: u64,
}

/// The journal page holding `contact`'s entries.
pub fn page_of(contact: ContactId) -> u64 {
    contact.get() / CONTACTS_PER_PAGE
}

/// The first and last contact ids of `page`.
pub fn contacts_of(page: u64) -> (ContactId, ContactId) {
    let first = page.saturating_mul(CONTACTS_PER_PAGE);
    (ContactId::new(first), ContactId::new(first.saturating_add(CONTACTS_PER_PAGE - 1)))
}

/// What one commit does to one page: contacts whose every entry goes (runs of ids,
/// both ends included), entries put (encoded), entries deleted; applied in this order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layer {
    pub cleared: Vec<(ContactId, ContactId)>,
    pub puts: Vec<(JournalKey, Vec<u8>)>,
    pub deleted: Vec<JournalKey>,
}

impl Layer {
    /// True when the layer clears every contact of `page`: older layers are then
    /// nothing but dead weight.
    pub fn clears_page(&self, page: u64) -> bool {
        let (first, last) = contacts_of(page);
        self.cleared.iter().any(|&(a, b)| a <= first && b >= last)
    }
}

/// The layers of a change, one per page it touches, in page order.
pub fn of_change(change: &Change) -> BTreeMap<u64, Layer> {
    let puts = change.journal_put.iter().map(|e| (JournalKey::of(e), encode_journal_entry(e)));
    layers(&cleared_runs(&change.journal_cleared), puts, &change.journal_deleted)
}

/// Cleared runs (cut at page edges), puts and deletions grouped by page.
pub fn layers(cleared: &[(ContactId, ContactId)], puts: impl IntoIterator<Item = (JournalKey, Vec<u8>)>, deleted: &[JournalKey]) -> BTreeMap<u64, Layer> {
    let mut pages: BTreeMap<u64, Layer> = BTreeMap::new();
    for &(first, last) in cleared {
        for page in page_of(first)..=page_of(last) {
            let (low, high) = contacts_of(page);
            pages.entry(page).or_default().cleared.push((first.max(low), last.min(high)));
        }
    }
    for (key, bytes) in puts {
        pages.entry(page_of(key.contact)).or_default().puts.push((key, bytes));
    }
    for &key in deleted {
        pages.entry(page_of(key.contact)).or_default().deleted.push(key);
    }
    for layer in pages.values_mut() {
        // Stored by key: a reader finds a contact's entries in one run.
        layer.puts.sort_by_key(|(key, _)| *key);
    }
    pages
}
