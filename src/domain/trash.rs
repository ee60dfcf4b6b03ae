//! The trash: deleted contacts kept exactly as they were (list, tags, custom values,
//! activity, ids), one `Deletion` per delete, so a delete is one undoable step. Their
//! journal stays in storage until they are purged (by the user, or after
//! `KEEP_DAYS`). The commands are `workspace/trash.rs`; storage keys each page of a
//! deletion by time first, so what expired is one key range.

use super::contact::{Contact, ContactData};
use super::ids::{ContactId, ListId, Timestamp};
use super::workspace::PAGE_CAPACITY;

/// Deletions older than this many days are purged (`Workspace::expire_trash`).
pub const KEEP_DAYS: i64 = 30;

const DAY_MILLIS: i64 = 86_400_000;

/// Identifies a deletion. Derived from the stored trash at start-up (the meta record
/// keeps its shape): an id may come back once its deletion is purged, never while it
/// is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DeletionId(u32);

impl DeletionId {
    pub const fn new(raw: u32) -> Self {
        Self(raw)
    }
    pub const fn get(self) -> u32 {
        self.0
    }
}

impl std::fmt::Display for DeletionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Where a page of a deletion is stored: time first (expiry is one key range), then
/// the deletion, then the page number. Field order is the sort order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TrashKey {
    pub at: Timestamp,
    pub deletion: DeletionId,
    pub page: u32,
}

/// Contacts deleted together, as they were, in storage order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deletion {
    pub id: DeletionId,
    pub at: Timestamp,
    pub contacts: Vec<Contact>,
}

impl Deletion {
    /// How many storage pages it takes (up to `PAGE_CAPACITY` contacts each).
    pub fn page_count(&self) -> u32 {
        u32::try_from(self.contacts.len().div_ceil(PAGE_CAPACITY)).unwrap_or(u32::MAX)
    }

    /// The storage keys of its pages.
    pub fn keys(&self) -> impl Iterator<Item = TrashKey> + '_ {
        (0..self.page_count()).map(|page| TrashKey { at: self.at, deletion: self.id, page })
    }

    /// The contacts of one of its pages, `None` past the last.
    pub fn page(&self, page: u32) -> Option<&[Contact]> {
        let from = usize::try_from(page).ok()?.checked_mul(PAGE_CAPACITY)?;
        (from < self.contacts.len()).then(|| &self.contacts[from..(from + PAGE_CAPACITY).min(self.contacts.len())])
    }

    /// True once `now` is `KEEP_DAYS` or more after it.
    pub fn expired(&self, now: Timestamp) -> bool {
        now.millis().saturating_sub(self.at.millis()) >= KEEP_DAYS * DAY_MILLIS
    }
}

/// What a delete did: the contacts it moved to the trash, and those it kept because a
/// WhatsApp conversation with them is open (the UI says which and why).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteOutcome {
    /// `None` when nothing was deleted.
    pub deletion: Option<DeletionId>,
    pub deleted: usize,
    pub kept_open_whatsapp: Vec<ContactId>,
}

/// A contact a restore left in the trash, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusedRestore {
    pub contact: ContactId,
    pub reason: String,
}

/// What a restore did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RestoreOutcome {
    pub restored: usize,
    pub refused: Vec<RefusedRestore>,
}

/// How messages name a contact: first and last name.
pub fn contact_name(data: &ContactData) -> String {
    match data.last_name() {
        Some(last) => format!("{} {last}", data.first_name()),
        None => data.first_name().to_owned(),
    }
}

/// The reason a contact whose list is gone stays in the trash.
pub(crate) fn list_gone(contact: &Contact, list: ListId) -> RefusedRestore {
    let name = contact_name(&contact.data);
    let reason = format!("{name} was not restored: its list (number {list}) no longer exists");
    RefusedRestore { contact: contact.id, reason }
}

/// "Ada Lovelace, Bea Rossi, Carl Benz and 4 more": up to three names, then how many
/// others.
pub fn some_names<'a>(names: impl IntoIterator<Item = &'a ContactData>, count: usize) -> String {
    let shown: Vec<String> = names.into_iter().take(3).map(contact_name).collect();
    let more = count.saturating_sub(shown.len());
    let mut text = shown.join(", ");
    if more > 0 {
        text.push_str(&format!(" and {more} more"));
    }
    text
}

/// What a delete tells about the contacts it kept: "2 contacts were not deleted: they
/// have an open WhatsApp conversation: Ada Lovelace, Bea Rossi." `None` when none was
/// kept.
pub fn kept_open_whatsapp_sentence<'a>(kept: impl IntoIterator<Item = &'a ContactData>, count: usize) -> Option<String> {
    let names = some_names(kept, count);
    match count {
        0 => None,
        1 => Some(format!("1 contact was not deleted: it has an open WhatsApp conversation: {names}.")),
        n => Some(format!("{n} contacts were not deleted: they have an open WhatsApp conversation: {names}.")),
    }
}
