//! The in-memory workspace: every list and contact, with the indexes browsing needs.
//! Commands change it and return the `Change` the store must persist.
//!
//! Contacts live in pages of up to `PAGE_CAPACITY`, one list per page, exactly as they
//! are stored; new contacts go to the list's last page.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

mod agents;
mod dispositions;
mod fields;
mod imports;
mod tags;

pub use fields::GlobalFilter;
pub use imports::DELETED_LIST_LABEL;

use super::agent::{Agent, AgentError, AgentId};
use super::change::{Change, PageKey, RecordKey};
use super::custom_field::{CustomField, FieldId, FieldScope};
use super::disposition::{Disposition, DispositionError, DispositionId};
use super::field_draft::FieldError;
use super::import_batch::{BatchError, BatchId, ImportBatch};
use super::tag::{Tag, TagError, TagId};
use super::contact::{Contact, ContactData, ContactDraft, ContactErrors, PhoneRules, Validated};
use super::ids::{ContactId, ListId, Timestamp};
use super::locations::Locations;
use super::list::{ContactList, ListDraft, ListError, MAX_DIAL_PREFIX_LEN, MAX_LIST_NAME_LEN};
use super::query::{ContactQuery, IndexBuilder, QueryIndex, QueryResult};

/// A list's checked name, description and dial prefix.
type CheckedList = (Box<str>, Option<Box<str>>, Option<Box<str>>);

/// Contacts per storage page (see ARCHITECTURE.md: pages make IndexedDB ~100x faster).
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
        let StoredRecords { meta, lists, pages, fields, tags, agents, dispositions, imports } = records;
        let mut ws = Workspace { meta, ..Workspace::default() };
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
    /// The contacts stored in one page, for the store to encode.
    pub fn page(&self, key: PageKey) -> Option<&[Contact]> {
        self.pages.get(&key).map(Vec::as_slice)
    }
    /// Every contact, page by page (storage order).
    pub fn contacts(&self) -> impl Iterator<Item = &Contact> {
        self.pages.values().flatten()
    }
    /// Changes whenever any contact is added, edited or removed.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn create_list(&mut self, draft: &ListDraft, now: Timestamp) -> Result<(ListId, Change), WorkspaceError> {
        let (name, description, dial_prefix) = self.check_list(draft, None)?;
        let id = ListId::new(self.meta.next_list_id);
        self.meta.next_list_id = self.meta.next_list_id.saturating_add(1);
        let list = ContactList { id, name, description, dial_prefix, agents: Vec::new(), country: draft.country, created: now, updated: now };
        self.lists.insert(id, list);
        Ok((id, Change { lists_put: vec![id], meta: true, ..Change::default() }))
    }

    pub fn update_list(&mut self, id: ListId, draft: &ListDraft, now: Timestamp) -> Result<Change, WorkspaceError> {
        let (name, description, dial_prefix) = self.check_list(draft, Some(id))?;
        let list = self.lists.get_mut(&id).ok_or(WorkspaceError::UnknownList(id))?;
        list.name = name;
        list.description = description;
        list.dial_prefix = dial_prefix;
        list.country = draft.country;
        list.updated = now;
        // List names are part of the "List" sort.
        self.revision += 1;
        Ok(Change { lists_put: vec![id], ..Change::default() })
    }

    fn check_list(&self, draft: &ListDraft, editing: Option<ListId>) -> Result<CheckedList, ListError> {
        let name = draft.name.trim();
        if name.is_empty() {
            return Err(ListError::NameRequired);
        }
        if name.chars().count() > MAX_LIST_NAME_LEN {
            return Err(ListError::NameTooLong { max: MAX_LIST_NAME_LEN });
        }
        let folded = name.to_lowercase();
        let taken = self.lists.values().any(|l| Some(l.id) != editing && l.name.to_lowercase() == folded);
        if taken {
            return Err(ListError::NameTaken(name.to_owned()));
        }
        let description = draft.description.trim();
        if description.chars().count() > super::contact::MAX_LONG_TEXT_LEN {
            return Err(ListError::DescriptionTooLong { max: super::contact::MAX_LONG_TEXT_LEN });
        }
        let description = (!description.is_empty()).then(|| description.into());
        let prefix = draft.dial_prefix.trim();
        if prefix.len() > MAX_DIAL_PREFIX_LEN || !prefix.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ListError::BadDialPrefix { max: MAX_DIAL_PREFIX_LEN });
        }
        let dial_prefix = (!prefix.is_empty()).then(|| prefix.into());
        Ok((name.into(), description, dial_prefix))
    }

    /// Deletes the lists and every contact in them. Unknown ids are refused before
    /// anything changes.
    pub fn delete_lists(&mut self, ids: &[ListId]) -> Result<Change, WorkspaceError> {
        if let Some(missing) = ids.iter().find(|id| !self.lists.contains_key(id)) {
            return Err(WorkspaceError::UnknownList(*missing));
        }
        let mut change = Change::default();
        let doomed: HashSet<ListId> = ids.iter().copied().collect();
        let keys: Vec<PageKey> = self.pages.keys().filter(|k| doomed.contains(&k.list)).copied().collect();
        for key in keys {
            if let Some(contacts) = self.pages.remove(&key) {
                let ids = contacts.iter().map(|c| c.id).collect();
                self.locations.remove_all(&ids);
            }
            change.delete_page(key);
        }
        for id in &doomed {
            self.lists.remove(id);
            self.counts.remove(id);
            change.merge(Change { lists_deleted: vec![*id], ..Change::default() });
        }
        // The lists' own custom fields and dispositions go with them.
        let fields: Vec<FieldId> = self.fields.values().filter(|f| matches!(f.scope, FieldScope::List(l) if doomed.contains(&l))).map(|f| f.id).collect();
        for id in fields {
            self.fields.remove(&id);
            change.delete_record(RecordKey::Field(id));
        }
        let dispositions: Vec<DispositionId> = self.dispositions.values().filter(|d| doomed.contains(&d.list)).map(|d| d.id).collect();
        for id in dispositions {
            self.dispositions.remove(&id);
            change.delete_record(RecordKey::Disposition(id));
        }
        self.revision += 1;
        Ok(change)
    }

    pub fn create_contact(&mut self, draft: &ContactDraft, now: Timestamp) -> Result<(ContactId, Change), WorkspaceError> {
        let (list, data) = self.validate_contact(draft)?;
        let (ids, change) = self.add_contacts(list, vec![data], now)?;
        let id = ids.first().copied().ok_or_else(|| WorkspaceError::Corrupt("no id was allocated".into()))?;
        Ok((id, change))
    }

    /// Saves a draft over an existing contact; a changed list moves the contact.
    pub fn update_contact(&mut self, id: ContactId, draft: &ContactDraft, now: Timestamp) -> Result<Change, WorkspaceError> {
        let (list, mut data) = self.validate_contact(draft)?;
        let key = self.locations.get(id).ok_or(WorkspaceError::UnknownContact(id))?;
        // Values of soft-deleted global fields are not in the form: keep them.
        if let Some(old) = self.contact(id) {
            let fields = &self.fields;
            data.keep_custom_from(&old.data, |f| fields.get(&f).is_some_and(|f| f.scope == FieldScope::Global && !f.is_available()));
        }
        let mut change = Change::default();
        if key.list == list {
            let contact = self
                .pages
                .get_mut(&key)
                .and_then(|p| p.iter_mut().find(|c| c.id == id))
                .ok_or(WorkspaceError::UnknownContact(id))?;
            contact.data = data;
            contact.updated = now;
            change.put_page(key);
        } else {
            let mut contact = self.take_contact(id, &mut change)?;
            contact.list_id = list;
            contact.data = data;
            contact.updated = now;
            self.append(contact, &mut change);
        }
        self.revision += 1;
        Ok(change)
    }

    /// Validates a draft against the custom fields of its list; tags that no longer
    /// exist are dropped.
    fn validate_contact(&self, draft: &ContactDraft) -> Result<(ListId, ContactData), WorkspaceError> {
        let fields = draft.list_id.map(|l| self.fields_for(l)).unwrap_or_default();
        let country = draft.list_id.and_then(|l| self.list(l)).and_then(|l| l.country);
        let Validated { list, data, .. } = draft.validate_in(&fields, PhoneRules::asking(country))?;
        if !self.lists.contains_key(&list) {
            return Err(WorkspaceError::UnknownList(list));
        }
        let mut data = data;
        let tags = &self.tags;
        data.retain_tags(|t| tags.contains_key(&t));
        Ok((list, data))
    }

    /// Applies `edit` to every contact (of `list`, or all) and names the pages whose
    /// contacts it changed (`edit` says whether it changed one).
    fn edit_contacts(&mut self, list: Option<ListId>, mut edit: impl FnMut(&mut ContactData) -> bool) -> Change {
        let mut change = Change::default();
        for (key, page) in self.pages.iter_mut() {
            if list.is_some_and(|l| l != key.list) {
                continue;
            }
            let mut touched = false;
            for c in page.iter_mut() {
                touched |= edit(&mut c.data);
            }
            if touched {
                change.put_page(*key);
            }
        }
        if !change.is_empty() {
            self.revision += 1;
        }
        change
    }

    /// Deletes contacts; unknown ids are refused before anything changes.
    pub fn delete_contacts(&mut self, ids: &[ContactId]) -> Result<Change, WorkspaceError> {
        if let Some(missing) = ids.iter().find(|id| !self.locations.contains(**id)) {
            return Err(WorkspaceError::UnknownContact(*missing));
        }
        let mut change = Change::default();
        let doomed: HashSet<ContactId> = ids.iter().copied().collect();
        let mut keys: Vec<PageKey> = doomed.iter().filter_map(|id| self.locations.get(*id)).collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            let Some(page) = self.pages.get_mut(&key) else { continue };
            let before = page.len();
            page.retain(|c| !doomed.contains(&c.id));
            let removed = before - page.len();
            if let Some(n) = self.counts.get_mut(&key.list) {
                *n = n.saturating_sub(removed);
            }
            if page.is_empty() {
                self.pages.remove(&key);
                change.delete_page(key);
            } else {
                change.put_page(key);
            }
        }
        self.locations.remove_all(&doomed);
        self.revision += 1;
        Ok(change)
    }

    /// Appends already validated contacts to a list (bulk paths: import, benchmark).
    pub fn add_contacts(&mut self, list: ListId, data: Vec<ContactData>, now: Timestamp) -> Result<(Vec<ContactId>, Change), WorkspaceError> {
        if !self.lists.contains_key(&list) {
            return Err(WorkspaceError::UnknownList(list));
        }
        let mut change = Change { meta: true, ..Change::default() };
        let mut ids = Vec::with_capacity(data.len());
        let mut data = data.into_iter().peekable();
        // Fill the last page, then new ones, a page at a time (no per-contact lookups).
        while data.peek().is_some() {
            let key = self.page_with_room(list);
            let page = self.pages.entry(key).or_default();
            let room = PAGE_CAPACITY.saturating_sub(page.len());
            for data in data.by_ref().take(room) {
                let id = ContactId::new(self.meta.next_contact_id);
                self.meta.next_contact_id = self.meta.next_contact_id.saturating_add(1);
                self.locations.set(id, key);
                page.push(Contact { id, list_id: list, created: now, updated: now, data });
                ids.push(id);
            }
            change.put_page(key);
        }
        *self.counts.entry(list).or_default() += ids.len();
        self.revision += 1;
        Ok((ids, change))
    }

    /// The list's last page if it has room, else the next page number.
    fn page_with_room(&self, list: ListId) -> PageKey {
        let last = self.pages.range(PageKey { list, page: 0 }..=PageKey { list, page: u32::MAX }).next_back();
        match last {
            Some((key, page)) if page.len() < PAGE_CAPACITY => *key,
            Some((key, _)) => PageKey { list, page: key.page.saturating_add(1) },
            None => PageKey { list, page: 0 },
        }
    }

    /// Puts a contact on its list's last page, opening a new page when that one is full.
    fn append(&mut self, contact: Contact, change: &mut Change) {
        let key = self.page_with_room(contact.list_id);
        self.locations.set(contact.id, key);
        *self.counts.entry(contact.list_id).or_default() += 1;
        self.pages.entry(key).or_default().push(contact);
        change.put_page(key);
    }

    fn take_contact(&mut self, id: ContactId, change: &mut Change) -> Result<Contact, WorkspaceError> {
        let key = self.locations.remove(id).ok_or(WorkspaceError::UnknownContact(id))?;
        let page = self.pages.get_mut(&key).ok_or(WorkspaceError::UnknownContact(id))?;
        let at = page.iter().position(|c| c.id == id).ok_or(WorkspaceError::UnknownContact(id))?;
        let contact = page.remove(at);
        if page.is_empty() {
            self.pages.remove(&key);
            change.delete_page(key);
        } else {
            change.put_page(key);
        }
        if let Some(n) = self.counts.get_mut(&key.list) {
            *n = n.saturating_sub(1);
        }
        Ok(contact)
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
