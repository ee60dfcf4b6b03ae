//! Reading stored records back, the checks both stores share: a damaged record is
//! named by its kind and key ("tag 3", "page 0 of list 1"), a small record stored
//! under another id than its own is damage too, and the workspace is rebuilt with its
//! query index. Stores only fetch the bytes.

use std::collections::{HashMap, HashSet};

use super::StoreError;
use crate::domain::codec::{
    decode_agent, decode_disposition, decode_field, decode_import, decode_journal_entry, decode_list, decode_meta,
    decode_page, decode_page_head, decode_stale_copies, decode_tag, decode_trash_page, CodecError,
};
use crate::domain::page_head::PageHead;
use crate::domain::trash::TrashKey;
use crate::domain::workspace::PAGE_CAPACITY;
use crate::domain::{
    Agent, Contact, ContactId, ContactList, CustomField, Disposition, ImportBatch, IndexBuilder, JourneyEntry, PageKey,
    StoredRecords, Tag, Workspace, WorkspaceMeta,
};

/// A stored value as a store read it: its bytes, or `None` when it held something else.
pub type StoredValue = Option<Vec<u8>>;

/// A stored key as a store read it: the id, or how the unreadable key looks.
pub type StoredKey<K> = Result<K, String>;

/// The meta record (id counters); a store that never had one starts from the default.
pub fn meta(value: Option<StoredValue>) -> Result<WorkspaceMeta, StoreError> {
    value.map_or(Ok(WorkspaceMeta::default()), |v| named("the workspace record", v, decode_meta))
}

/// The `position`-th list record (from 0) in key order.
pub fn list(position: usize, value: StoredValue) -> Result<ContactList, StoreError> {
    named(&format!("list record #{}", position + 1), value, decode_list)
}

/// A page of contacts without those `stale` names for it (they left it since it was
/// written: `workspace::stale`); each contact also goes into `index` (start-up builds
/// the query index while later pages are still being read).
pub fn page(
    key: StoredKey<PageKey>,
    value: StoredValue,
    stale: &StaleIds,
    index: &mut IndexBuilder,
) -> Result<(PageKey, Vec<Contact>), StoreError> {
    let key = key.map_err(|k| StoreError::Corrupt(format!("a page has an invalid key {k}")))?;
    let mut contacts = named(&format!("page {} of list {}", key.page, key.list), value, decode_page)?;
    if let Some(gone) = stale.get(&key) {
        contacts.retain(|c| !gone.contains(&c.id));
    }
    contacts.iter().for_each(|c| index.push(c));
    Ok((key, contacts))
}

/// The head stored for a page (`domain::page_head`).
pub fn page_head(key: StoredKey<PageKey>, value: StoredValue) -> Result<(PageKey, PageHead), StoreError> {
    let key = key.map_err(|k| StoreError::Corrupt(format!("a page head has an invalid key {k}")))?;
    Ok((key, named(&format!("the head of page {} of list {}", key.page, key.list), value, decode_page_head)?))
}

/// Per page, the ids its stored copy holds that are no longer in it.
pub type StaleIds = HashMap<PageKey, HashSet<ContactId>>;

/// A record of stale copies, stored under its page's key.
pub fn stale_copies(key: StoredKey<PageKey>, value: StoredValue) -> Result<(PageKey, Vec<ContactId>), StoreError> {
    let key = key.map_err(|k| StoreError::Corrupt(format!("a record of stale copies has an invalid key {k}")))?;
    let what = format!("the record of contacts gone from page {} of list {}", key.page, key.list);
    Ok((key, named(&what, value, decode_stale_copies)?))
}

/// The ids to drop from each page while reading it.
pub fn stale_ids(records: &[(PageKey, Vec<ContactId>)]) -> StaleIds {
    records.iter().map(|(key, ids)| (*key, ids.iter().copied().collect())).collect()
}

/// A page of a deletion in the trash (its contacts are not indexed: the trash is not
/// searched).
pub fn trash_page(key: StoredKey<TrashKey>, value: StoredValue) -> Result<(TrashKey, Vec<Contact>), StoreError> {
    let key = key.map_err(|k| StoreError::Corrupt(format!("a page of the trash has an invalid key {k}")))?;
    let what = format!("page {} of deletion {} in the trash", key.page, key.deletion);
    Ok((key, named(&what, value, decode_trash_page)?))
}

/// An entry read from `contact`'s key range, which must be that contact's.
pub fn journal_entry(contact: ContactId, value: StoredValue) -> Result<JourneyEntry, StoreError> {
    let what = format!("a journal entry of contact {contact}");
    let entry = named(&what, value, decode_journal_entry)?;
    if entry.contact() != contact {
        return Err(StoreError::Corrupt(format!("{what} belongs to contact {}", entry.contact())));
    }
    Ok(entry)
}

/// A record kept one per numeric id in its own store.
pub trait SmallRecord: Sized {
    /// How a message names it ("tag 3").
    const KIND: &'static str;
    fn decode(bytes: &[u8]) -> Result<Self, CodecError>;
    fn id(&self) -> u32;
}

/// A small record stored under `key`, which must be its own id.
pub fn small<T: SmallRecord>(key: StoredKey<u32>, value: StoredValue) -> Result<T, StoreError> {
    let kind = T::KIND;
    let id = key.map_err(|k| StoreError::Corrupt(format!("a {kind} has an invalid key {k}")))?;
    let what = format!("{kind} {id}");
    let record = named(&what, value, T::decode)?;
    if record.id() != id {
        return Err(StoreError::Corrupt(format!("{what} holds the record of {kind} {}", record.id())));
    }
    Ok(record)
}

/// Room for the query index up front (growing a 35 MB search text would copy it): at
/// most the contacts the id counter has handed out, and what the pages can hold.
pub fn index_for(meta: &WorkspaceMeta, page_count: usize) -> IndexBuilder {
    let most_contacts = usize::try_from(meta.next_contact_id).unwrap_or(usize::MAX);
    IndexBuilder::with_capacity(most_contacts.min(page_count.saturating_mul(PAGE_CAPACITY)))
}

/// The workspace of every decoded record, adopting the index built while reading.
pub fn rebuild(records: StoredRecords, mut index: IndexBuilder) -> Result<Workspace, StoreError> {
    let workspace = Workspace::from_stored(records).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    // Stores presort after each batch of pages; the contacts of the last one may wait.
    index.presort();
    workspace.adopt_index(index);
    Ok(workspace)
}

fn named<T>(what: &str, value: StoredValue, decode: fn(&[u8]) -> Result<T, CodecError>) -> Result<T, StoreError> {
    let bytes = value.ok_or_else(|| StoreError::Corrupt(format!("{what} is not stored as bytes")))?;
    decode(&bytes).map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}

macro_rules! small_record {
    ($type:ty, $kind:literal, $decode:ident) => {
        impl SmallRecord for $type {
            const KIND: &'static str = $kind;
            fn decode(bytes: &[u8]) -> Result<Self, CodecError> {
                $decode(bytes)
            }
            fn id(&self) -> u32 {
                self.id.get()
            }
        }
    };
}

small_record!(CustomField, "custom field", decode_field);
small_record!(Tag, "tag", decode_tag);
small_record!(Agent, "agent", decode_agent);
small_record!(Disposition, "disposition", decode_disposition);
small_record!(ImportBatch, "import", decode_import);
