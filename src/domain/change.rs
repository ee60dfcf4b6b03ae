//! What a workspace command dirtied, so the store can persist exactly that in one
//! transaction.

use std::collections::HashSet;

use super::agent::AgentId;
use super::codec::history_entry_id;
use super::custom_field::FieldId;
use super::disposition::DispositionId;
use super::ids::{ContactId, ListId, Timestamp};
use super::import_batch::BatchId;
use super::journey::JourneyEntry;
use super::tag::TagId;
use super::trash::TrashKey;

/// A small record stored one per key (pages and lists have their own fields).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKey {
    Field(FieldId),
    Tag(TagId),
    Agent(AgentId),
    Disposition(DispositionId),
    Import(BatchId),
}

impl RecordKey {
    /// The collection a view shows this record in.
    pub fn collection(self) -> Collection {
        match self {
            RecordKey::Field(_) => Collection::Fields,
            RecordKey::Tag(_) => Collection::Tags,
            RecordKey::Agent(_) => Collection::Agents,
            RecordKey::Disposition(_) => Collection::Dispositions,
            RecordKey::Import(_) => Collection::Imports,
        }
    }
}

/// What views follow: a committed change names the collections it touched, and the
/// views of those refresh. A new collection is one more variant (and its bit).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Collection {
    Lists,
    Contacts,
    Fields,
    Tags,
    Agents,
    Dispositions,
    Imports,
    /// Interactions and history events, read per contact (not held in the workspace).
    Journal,
    /// Deleted contacts kept for restoring.
    Trash,
}

impl Collection {
    pub const ALL: [Collection; 9] = [
        Collection::Lists,
        Collection::Contacts,
        Collection::Fields,
        Collection::Tags,
        Collection::Agents,
        Collection::Dispositions,
        Collection::Imports,
        Collection::Journal,
        Collection::Trash,
    ];

    fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// A set of collections, `Copy` so it can travel in signals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Touched(u16);

impl Touched {
    pub const NONE: Touched = Touched(0);

    pub fn with(self, collection: Collection) -> Touched {
        Touched(self.0 | collection.bit())
    }

    pub fn contains(self, collection: Collection) -> bool {
        self.0 & collection.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn iter(self) -> impl Iterator<Item = Collection> {
        Collection::ALL.into_iter().filter(move |c| self.contains(*c))
    }
}

impl FromIterator<Collection> for Touched {
    fn from_iter<I: IntoIterator<Item = Collection>>(items: I) -> Self {
        items.into_iter().fold(Touched::NONE, Touched::with)
    }
}

/// A page of contacts in storage: list and page number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PageKey {
    pub list: ListId,
    pub page: u32,
}

/// Where a journal entry is stored: a contact's entries are one key range, in time
/// order. `id` is an interaction's id, or a history event's `codec::history_entry_id`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JournalKey {
    pub contact: ContactId,
    pub at: Timestamp,
    pub id: u64,
}

impl JournalKey {
    pub fn of(entry: &JourneyEntry) -> JournalKey {
        let id = match entry {
            JourneyEntry::Interaction(i) => i.id.get(),
            JourneyEntry::History(e) => history_entry_id(e),
        };
        JournalKey { contact: entry.contact(), at: entry.at(), id }
    }
}

/// Records to write or delete. The store reads the current contents of every named
/// record from the workspace when it commits. A record is named at most once.
///
/// Journal entries are not in the workspace, so the change carries them as data. A
/// store applies `journal_cleared` first, then the puts and deletions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Change {
    pub lists_put: Vec<ListId>,
    pub lists_deleted: Vec<ListId>,
    pub pages_put: Vec<PageKey>,
    pub pages_deleted: Vec<PageKey>,
    /// The workspace meta record (id counters) changed.
    pub meta: bool,
    pub records_put: Vec<RecordKey>,
    pub records_deleted: Vec<RecordKey>,
    /// Entries to write (an entry whose time changed: its old key is deleted
    /// explicitly, by the caller).
    pub journal_put: Vec<JourneyEntry>,
    pub journal_deleted: Vec<JournalKey>,
    /// Contacts whose every journal entry goes (purged from the trash, or their
    /// import undone).
    pub journal_cleared: Vec<ContactId>,
    /// Pages of deletions in the trash, read from the workspace like pages.
    pub trash_put: Vec<TrashKey>,
    pub trash_deleted: Vec<TrashKey>,
    /// Records of the contacts stored pages still hold after they left them
    /// (`workspace::stale`), read from the workspace; keyed like the pages.
    pub stale_put: Vec<PageKey>,
    pub stale_deleted: Vec<PageKey>,
}

impl Change {
    pub fn is_empty(&self) -> bool {
        self == &Change::default()
    }

    /// The collections whose records this change names (the meta record alone, id
    /// counters, touches none).
    pub fn touched(&self) -> Touched {
        let lists = (!self.lists_put.is_empty() || !self.lists_deleted.is_empty()).then_some(Collection::Lists);
        let pages = [&self.pages_put, &self.pages_deleted, &self.stale_put, &self.stale_deleted];
        let contacts = pages.iter().any(|keys| !keys.is_empty()).then_some(Collection::Contacts);
        let records = self.records_put.iter().chain(&self.records_deleted).map(|k| k.collection());
        let journal = (!self.journal_put.is_empty() || !self.journal_deleted.is_empty() || !self.journal_cleared.is_empty())
            .then_some(Collection::Journal);
        let trash = (!self.trash_put.is_empty() || !self.trash_deleted.is_empty()).then_some(Collection::Trash);
        lists.into_iter().chain(contacts).chain(records).chain(journal).chain(trash).collect()
    }

    /// Folds a later change into this one (several commands committed together): the
    /// later fate of a record wins.
    pub fn merge(&mut self, later: Change) {
        merge_fates(&mut self.lists_put, &mut self.lists_deleted, later.lists_put, later.lists_deleted);
        merge_fates(&mut self.pages_put, &mut self.pages_deleted, later.pages_put, later.pages_deleted);
        merge_fates(&mut self.records_put, &mut self.records_deleted, later.records_put, later.records_deleted);
        merge_fates(&mut self.trash_put, &mut self.trash_deleted, later.trash_put, later.trash_deleted);
        merge_fates(&mut self.stale_put, &mut self.stale_deleted, later.stale_put, later.stale_deleted);
        self.meta |= later.meta;
        self.merge_journal(later.journal_cleared, later.journal_put, later.journal_deleted);
    }

    /// The journal's part of `merge`, in the order a store applies a change: a clear
    /// drops what this change would write or delete of that contact, then the later
    /// puts and deletions replace this change's ones of the same key.
    fn merge_journal(&mut self, cleared: Vec<ContactId>, put: Vec<JourneyEntry>, deleted: Vec<JournalKey>) {
        if !cleared.is_empty() {
            // Sets: deleting a list clears every one of its (maybe 500,000) contacts.
            let doomed: HashSet<ContactId> = cleared.iter().copied().collect();
            self.journal_put.retain(|e| !doomed.contains(&e.contact()));
            self.journal_deleted.retain(|k| !doomed.contains(&k.contact));
            let mut known: HashSet<ContactId> = self.journal_cleared.iter().copied().collect();
            self.journal_cleared.extend(cleared.into_iter().filter(|c| known.insert(*c)));
        }
        for entry in put {
            let key = JournalKey::of(&entry);
            self.journal_deleted.retain(|d| *d != key);
            self.journal_put.retain(|p| JournalKey::of(p) != key);
            self.journal_put.push(entry);
        }
        for key in deleted {
            self.journal_put.retain(|p| JournalKey::of(p) != key);
            push_unique(&mut self.journal_deleted, key);
        }
    }

    /// Every journal entry of these contacts goes with them.
    pub(crate) fn clear_journal(&mut self, contacts: impl IntoIterator<Item = ContactId>) {
        self.merge_journal(contacts.into_iter().collect(), Vec::new(), Vec::new());
    }

    pub(crate) fn put_record(&mut self, key: RecordKey) {
        self.merge(Change { records_put: vec![key], ..Change::default() });
    }
    pub(crate) fn delete_record(&mut self, key: RecordKey) {
        self.merge(Change { records_deleted: vec![key], ..Change::default() });
    }
    pub(crate) fn put_list(&mut self, id: ListId) {
        self.merge(Change { lists_put: vec![id], ..Change::default() });
    }

    pub(crate) fn put_page(&mut self, key: PageKey) {
        self.merge(Change { pages_put: vec![key], ..Change::default() });
    }
    pub(crate) fn delete_page(&mut self, key: PageKey) {
        self.merge(Change { pages_deleted: vec![key], ..Change::default() });
    }
    pub(crate) fn put_stale(&mut self, key: PageKey) {
        self.merge(Change { stale_put: vec![key], ..Change::default() });
    }
    pub(crate) fn delete_stale(&mut self, key: PageKey) {
        self.merge(Change { stale_deleted: vec![key], ..Change::default() });
    }

    pub(crate) fn put_trash(&mut self, key: TrashKey) {
        self.merge(Change { trash_put: vec![key], ..Change::default() });
    }
    pub(crate) fn delete_trash(&mut self, key: TrashKey) {
        self.merge(Change { trash_deleted: vec![key], ..Change::default() });
    }
}

/// Folds later puts and deletions of one kind of record into this change's: each
/// record's later fate wins.
fn merge_fates<T: PartialEq>(put: &mut Vec<T>, deleted: &mut Vec<T>, later_put: Vec<T>, later_deleted: Vec<T>) {
    for key in later_put {
        deleted.retain(|d| *d != key);
        push_unique(put, key);
    }
    for key in later_deleted {
        put.retain(|p| *p != key);
        push_unique(deleted, key);
    }
}

fn push_unique<T: PartialEq>(items: &mut Vec<T>, item: T) {
    if !items.contains(&item) {
        items.push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(list: u32, page: u32) -> PageKey {
        PageKey { list: ListId::new(list), page }
    }

    #[test]
    fn merge_keeps_the_later_fate_of_each_record() {
        let mut a = Change { pages_put: vec![key(1, 0), key(1, 1)], ..Change::default() };
        a.merge(Change { pages_deleted: vec![key(1, 1)], lists_put: vec![ListId::new(2)], meta: true, ..Change::default() });
        assert_eq!(a.pages_put, vec![key(1, 0)]);
        assert_eq!(a.pages_deleted, vec![key(1, 1)]);
        assert!(a.meta);
        a.put_page(key(1, 1));
        a.put_page(key(1, 1));
        assert_eq!(a.pages_put, vec![key(1, 0), key(1, 1)]);
        assert!(a.pages_deleted.is_empty());
        assert!(!a.is_empty());
        assert!(Change::default().is_empty());
    }

    #[test]
    fn touched_names_the_collections_of_the_changed_records() {
        assert!(Change { meta: true, ..Change::default() }.touched().is_empty());
        let pages = Change { pages_deleted: vec![key(1, 0)], meta: true, ..Change::default() };
        assert_eq!(pages.touched().iter().collect::<Vec<_>>(), [Collection::Contacts]);
        let lists = Change { lists_deleted: vec![ListId::new(1)], ..Change::default() };
        assert_eq!(lists.touched().iter().collect::<Vec<_>>(), [Collection::Lists]);
        let records = Change {
            lists_put: vec![ListId::new(2)],
            records_put: vec![RecordKey::Field(FieldId::new(1)), RecordKey::Tag(TagId::new(1))],
            records_deleted: vec![RecordKey::Import(BatchId::new(3))],
            ..Change::default()
        };
        let touched = records.touched();
        let expected = [Collection::Lists, Collection::Fields, Collection::Tags, Collection::Imports];
        assert_eq!(touched.iter().collect::<Vec<_>>(), expected);
        assert!(!touched.contains(Collection::Contacts) && !touched.contains(Collection::Agents));
        let others = Change {
            records_put: vec![RecordKey::Agent(AgentId::new(0)), RecordKey::Disposition(DispositionId::new(0))],
            ..Change::default()
        };
        assert_eq!(others.touched().iter().collect::<Vec<_>>(), [Collection::Agents, Collection::Dispositions]);
        let journal = Change { journal_cleared: vec![ContactId::new(1)], ..Change::default() };
        assert_eq!(journal.touched().iter().collect::<Vec<_>>(), [Collection::Journal]);
        assert!(!journal.is_empty());
    }

    fn created(contact: u64, at: i64) -> JourneyEntry {
        let kind = crate::domain::journey::HistoryKind::Created;
        JourneyEntry::History(crate::domain::journey::HistoryEvent { contact: ContactId::new(contact), at: Timestamp::from_millis(at), kind })
    }

    #[test]
    fn merge_keeps_the_later_fate_of_each_journal_entry() {
        let (one, two) = (ContactId::new(1), ContactId::new(2));
        let mut a = Change { journal_put: vec![created(1, 10), created(2, 10)], ..Change::default() };
        a.merge(Change { journal_cleared: vec![one], ..Change::default() });
        assert_eq!(a.journal_put, [created(2, 10)], "a clear after a put drops the put");
        a.merge(Change { journal_put: vec![created(1, 20)], journal_cleared: vec![one], ..Change::default() });
        assert_eq!(a.journal_put, [created(2, 10), created(1, 20)], "a put after a clear stays");
        assert_eq!(a.journal_cleared, [one]);
        a.merge(Change { journal_deleted: vec![JournalKey::of(&created(2, 10))], ..Change::default() });
        assert_eq!((a.journal_put.as_slice(), a.journal_deleted.len()), ([created(1, 20)].as_slice(), 1));
        a.merge(Change { journal_put: vec![created(2, 10)], ..Change::default() });
        assert!(a.journal_deleted.is_empty(), "a put after a deletion of its key cancels the deletion");
        a.merge(Change { journal_cleared: vec![two], ..Change::default() });
        assert_eq!((a.journal_put.as_slice(), a.journal_cleared.as_slice()), ([created(1, 20)].as_slice(), [one, two].as_slice()));
    }

    #[test]
    fn journal_keys_are_exact_in_js_numbers_and_history_ids_stay_above_interaction_ids() {
        let key = JournalKey::of(&created(1, 10));
        assert!(key.id >= 1 << 52 && key.id < 1 << 53, "{}", key.id);
        let edited = JourneyEntry::History(crate::domain::journey::HistoryEvent {
            contact: ContactId::new(1),
            at: Timestamp::from_millis(10),
            kind: crate::domain::journey::HistoryKind::Edited { fields: vec!["Phone".into()] },
        });
        assert_ne!(JournalKey::of(&edited), key, "two events at the same millisecond are two records");
        assert_eq!((key.contact, key.at), (ContactId::new(1), Timestamp::from_millis(10)));
    }
}
