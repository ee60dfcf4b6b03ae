//! The in-memory workspace: every list and contact, with the indexes browsing needs.
//! Commands change it and return the `Change` the store must persist.
//!
//! Contacts live in pages of up to `PAGE_CAPACITY`, one list per page, exactly as they
//! are stored; new contacts go to the list's last page.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

mod agents;
mod contacts;
mod copy;
mod dispositions;
mod fields;
mod imports;
mod interactions;
mod lists;
mod merge;
mod stale;
mod tags;
mod trash;
mod whole;

pub use fields::GlobalFilter;
pub use imports::DELETED_LIST_LABEL;
pub use interactions::RefusedInteraction;

use super::agent::{Agent, AgentError, AgentId};
use super::change::{Change, PageKey, RecordKey};
use super::custom_field::{CustomField, FieldId, FieldScope};
use super::disposition::{Disposition, DispositionError, DispositionId};
use super::field_draft::FieldError;
use super::import_batch::{BatchError, BatchId, ImportBatch};
use super::interaction::InteractionError;
use super::tag::{Tag, TagError, TagId};
use super::contact::{Contact, ContactData, ContactDraft, ContactErrors, PhoneRules, Validated};
use super::ids::{ContactId, ListId, Timestamp};
use super::locations::Locations;
use super::list::{ContactList, ListDraft, ListError, MAX_DIAL_PREFIX_LEN, MAX_LIST_NAME_LEN};
use super::query::{ContactQuery, IndexBuilder, QueryIndex, QueryResult};
use super::trash::{Deletion, DeletionId, TrashKey};

/// A list's checked name, description and dial prefix.
type CheckedList = (Box<str>, Option<Box<str>>, Option<Box<str>>);

/// Contacts per storage page (README.md, "Why contacts are stored in pages": ~100x faster).
pub const PAGE_CAPACITY: usize = 512;

/// Id counters, persisted so ids are never reused.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkspaceMeta {
    pub next_list_id: u32,
    pub next_contact_id: u64,
    pub next_field_id: u32,
    pub next_tag_id: u32,
    pub next_agent_id: u32,
    pub next_disposition_id: u32,
    /// Format 4 on.
    pub next_interaction_id: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WorkspaceError {
    #[error("that list no longer exists")]
    UnknownList(ListId),
    #[error("that contact no longer exists")]
    UnknownContact(ContactId),
    #[error(transparent)]
    List(#[from] ListError),
    #[error(transparent)]
    Contact(#[from] ContactErrors),
    #[error(transparent)]
    Field(#[from] FieldError),
    #[error(transparent)]
    Tag(#[from] TagError),
    #[error(transparent)]
    Agent(#[from] AgentError),
    #[error(transparent)]
    Disposition(#[from] DispositionError),
    #[error(transparent)]
    Import(#[from] BatchError),
    #[error(transparent)]
    Interaction(#[from] InteractionError),
    #[error(transparent)]
    Merge(#[from] super::merge::MergeError),
    #[error("the contact is already in that list")]
    SameList,
    #[error("that deletion is no longer in the trash")]
    UnknownDeletion(DeletionId),
    /// A list delete refused: its contacts' open WhatsApp conversations, named.
    #[error("{0}")]
    OpenWhatsApp(String),
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
}

/// Everything storage holds, as decoded records.
#[derive(Debug, Default)]
pub struct StoredRecords {
    pub meta: WorkspaceMeta,
    pub lists: Vec<ContactList>,
    pub pages: Vec<(PageKey, Vec<Contact>)>,
    pub fields: Vec<CustomField>,
    pub tags: Vec<Tag>,
    pub agents: Vec<Agent>,
    pub dispositions: Vec<Disposition>,
    pub imports: Vec<ImportBatch>,
    /// Pages of deletions, in key order.
    pub trash: Vec<(TrashKey, Vec<Contact>)>,
    /// Per stored page, the contacts its stored copy still holds that left it (`stale`):
    /// `pages` come without them.
    pub stale: Vec<(PageKey, Vec<ContactId>)>,
}

#[derive(Debug, Default)]
pub struct Workspace {
    meta: WorkspaceMeta,
    lists: BTreeMap<ListId, ContactList>,
    pages: BTreeMap<PageKey, Vec<Contact>>,
    locations: Locations,
    counts: HashMap<ListId, usize>,
    fields: BTreeMap<FieldId, CustomField>,
    tags: BTreeMap<TagId, Tag>,
    agents: BTreeMap<AgentId, Agent>,
    dispositions: BTreeMap<DispositionId, Disposition>,
    imports: BTreeMap<BatchId, ImportBatch>,
    /// Not in `WorkspaceMeta` (its stored shape stays): derived from the stored batches.
    next_batch_id: u32,
    /// Deleted contacts, by deletion (`workspace/trash.rs`).
    trash: BTreeMap<DeletionId, Deletion>,
    /// Like `next_batch_id`: derived from the stored trash.
    next_deletion_id: u32,
    /// Deletions stored in more pages than they now fill (repaired at load).
    trash_pages_stored: HashMap<DeletionId, u32>,
    /// Contacts stored pages still hold after they left them (`stale`).
    stale: stale::StaleCopies,
    /// Bumped by every contact change; the query index rebuilds when it moves.
    revision: u64,
    index: RefCell<QueryIndex>,
}

impl Workspace {
    pub fn new() -> Self {
        Self::default()
    }

    /// Rebuilds a workspace from stored records. Refuses records that contradict each
    /// other (a page of an unknown list, a contact id twice, a contact in another
    /// list's page).
    pub fn from_records(
        meta: WorkspaceMeta,
        lists: Vec<ContactList>,
        pages: Vec<(PageKey, Vec<Contact>)>,
    ) -> Result<Self, WorkspaceError> {
        Self::from_stored(StoredRecords { meta, lists, pages, ..StoredRecords::default() })
    }

    /// Rebuilds a workspace from every stored record, refusing contradictions (see
    /// `from_records`); id counters behind the data are repaired.
    pub fn from_stored(records: StoredRecords) -> Result<Self, WorkspaceError> {
        let StoredRecords { meta, lists, pages, fields, tags, agents, dispositions, imports, trash, stale } = records;
        let mut ws = Workspace { meta, stale: stale::StaleCopies::from_stored(stale), ..Workspace::default() };
        ws.load_imports(imports)?;
        for f in fields {
            if let FieldScope::List(l) = f.scope {
                if !lists.iter().any(|x| x.id == l) {
                    return Err(WorkspaceError::Corrupt(format!("custom field {} belongs to a missing list {l}", f.alias)));
                }
            }
            ws.meta.next_field_id = ws.meta.next_field_id.max(f.id.get().saturating_add(1));
            ws.fields.insert(f.id, f);
        }
        for t in tags {
            ws.meta.next_tag_id = ws.meta.next_tag_id.max(t.id.get().saturating_add(1));
            ws.tags.insert(t.id, t);
        }
        for a in agents {
            ws.meta.next_agent_id = ws.meta.next_agent_id.max(a.id.get().saturating_add(1));
            ws.agents.insert(a.id, a);
        }
        for d in dispositions {
            ws.meta.next_disposition_id = ws.meta.next_disposition_id.max(d.id.get().saturating_add(1));
            ws.dispositions.insert(d.id, d);
        }
        for list in lists {
            ws.meta.next_list_id = ws.meta.next_list_id.max(list.id.get().saturating_add(1));
            ws.lists.insert(list.id, list);
        }
        let mut locations = Vec::with_capacity(pages.iter().map(|(_, p)| p.len()).sum());
        for (key, contacts) in pages {
            if !ws.lists.contains_key(&key.list) {
                return Err(WorkspaceError::Corrupt(format!("page {} belongs to a missing list {}", key.page, key.list)));
            }
            for c in &contacts {
                if c.list_id != key.list {
                    return Err(WorkspaceError::Corrupt(format!("contact {} is stored in a page of list {}", c.id, key.list)));
                }
                locations.push((c.id, key));
                ws.meta.next_contact_id = ws.meta.next_contact_id.max(c.id.get().saturating_add(1));
            }
            *ws.counts.entry(key.list).or_default() += contacts.len();
            if !contacts.is_empty() && ws.pages.insert(key, contacts).is_some() {
                return Err(WorkspaceError::Corrupt(format!("page {} of list {} is stored twice", key.page, key.list)));
            }
        }
        ws.locations = Locations::from_unsorted(locations)
            .map_err(|id| WorkspaceError::Corrupt(format!("contact {id} is stored twice")))?;
        ws.load_trash(trash)?;
        Ok(ws)
    }

    pub fn meta(&self) -> &WorkspaceMeta {
        &self.meta
    }
    /// All lists, sorted by name (case-insensitive).
    pub fn lists(&self) -> Vec<&ContactList> {
        let mut lists: Vec<&ContactList> = self.lists.values().collect();
        lists.sort_by_cached_key(|l| (l.name.to_lowercase(), l.id));
        lists
    }
    pub fn list(&self, id: ListId) -> Option<&ContactList> {
        self.lists.get(&id)
    }
    pub fn contact_count(&self, list: ListId) -> usize {
        self.counts.get(&list).copied().unwrap_or(0)
    }
    pub fn total_contacts(&self) -> usize {
        self.locations.len()
    }
    pub fn contact(&self, id: ContactId) -> Option<&Contact> {
        let key = self.locations.get(id)?;
        self.pages.get(&key)?.iter().find(|c| c.id == id)
    }
    /// The page a contact is stored in.
    pub fn page_of(&self, id: ContactId) -> Option<PageKey> {
        self.locations.get(id)
    }
    /// The key of every stored page, in key order.
    pub fn page_keys(&self) -> impl Iterator<Item = PageKey> + '_ {
        self.pages.keys().copied()
    }
    /// The contacts stored in one page, for the store to encode.
    pub fn page(&self, key: PageKey) -> Option<&[Contact]> {
        self.pages.get(&key).map(Vec::as_slice)
    }
    /// The contacts the stored copy of the page at `key` holds that are no longer in it
    /// (none it holds now), `None` when there are none (`stale`).
    pub fn stale_copies(&self, key: PageKey) -> Option<Vec<ContactId>> {
        self.stale.of(key, self.page(key).unwrap_or_default())
    }
    /// Every contact, page by page (storage order).
    pub fn contacts(&self) -> impl Iterator<Item = &Contact> {
        self.pages.values().flatten()
    }
    /// Changes whenever any contact is added, edited or removed.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn query(&self, query: &ContactQuery) -> QueryResult {
        self.index.borrow_mut().query(self, query)
    }

    /// Every contact the query matches, in its order, whatever its page (exports).
    pub fn query_ids(&self, query: &ContactQuery) -> Vec<ContactId> {
        self.index.borrow_mut().matching_ids(self, query)
    }

    /// The ids of a list's contacts, in storage order.
    pub fn list_contact_ids(&self, list: ListId) -> Vec<ContactId> {
        let pages = self.pages.range(PageKey { list, page: 0 }..=PageKey { list, page: u32::MAX });
        let mut ids = Vec::with_capacity(self.contact_count(list));
        ids.extend(pages.flat_map(|(_, p)| p.iter().map(|c| c.id)));
        ids
    }

    /// Uses a query index built while the stored pages were read (start-up), instead
    /// of building it on the first query.
    pub fn adopt_index(&self, builder: IndexBuilder) {
        self.index.borrow_mut().adopt(self, builder);
    }
}
