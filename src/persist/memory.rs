//! A store in memory that keeps what IndexedDB would: the ENCODED bytes of every
//! record, per shelf, so the codecs and the shared load checks run on the host too.

use std::cell::RefCell;
use std::collections::BTreeMap;

use super::decode::{self, StoredValue};
use super::journal_layers::{self, page_of, LayerKey};
use super::writes::{layer_seq, record_id, writes, JournalFormat, Shelf, Target, Write};
use super::first_page::{self, FirstPage, HeadsRead};
use super::{chunks, LocalBoxFuture, Persistence, SaveFuture, StoreError};
use crate::domain::change::JournalKey;
use crate::domain::first_screen::FirstScreen;
use crate::domain::trash::TrashKey;
use crate::domain::{AgentId, Change, ContactId, Interval, JourneyEntry, ListId, PageKey, StoredRecords, Timestamp, Workspace};

/// Every stored record's bytes. Small records are one map per shelf (fields, tags,
/// agents, dispositions, imports), keyed by their numeric id like in IndexedDB.
#[derive(Clone, Debug, Default)]
pub(crate) struct Shelves {
    pub(crate) meta: Option<Vec<u8>>,
    pub(crate) lists: BTreeMap<ListId, Vec<u8>>,
    pub(crate) pages: BTreeMap<PageKey, Vec<u8>>,
    pub(crate) page_heads: BTreeMap<PageKey, Vec<u8>>,
    pub(crate) records: BTreeMap<Shelf, BTreeMap<u32, Vec<u8>>>,
    /// Entries stored one record each, as versions before layers did.
    pub(crate) journal: BTreeMap<JournalKey, Vec<u8>>,
    pub(crate) layers: BTreeMap<LayerKey, Vec<u8>>,
    pub(crate) layer_seq: u64,
    pub(crate) trash: BTreeMap<TrashKey, Vec<u8>>,
    pub(crate) stale: BTreeMap<PageKey, Vec<u8>>,
    pub(crate) settings: BTreeMap<String, String>,
}

/// Stores `bytes` under `key`, or removes the key when there are none (a deletion).
fn put_or_remove<K: Ord>(map: &mut BTreeMap<K, Vec<u8>>, key: K, bytes: Option<Vec<u8>>) {
    match bytes {
        Some(bytes) => {
            map.insert(key, bytes);
        }
        None => {
            map.remove(&key);
        }
    }
}

impl Shelves {
    /// Puts or deletes one record.
    pub(crate) fn write(&mut self, write: Write) {
        let Write { target, bytes } = write;
        match (target, bytes) {
            (Target::Meta, bytes) => self.meta = bytes,
            (Target::List(id), bytes) => put_or_remove(&mut self.lists, id, bytes),
            (Target::Page(key), bytes) => put_or_remove(&mut self.pages, key, bytes),
            (Target::PageHead(key), bytes) => put_or_remove(&mut self.page_heads, key, bytes),
            (Target::Record(key), bytes) => put_or_remove(self.records.entry(target.shelf()).or_default(), record_id(key), bytes),
            (Target::Trash(key), bytes) => put_or_remove(&mut self.trash, key, bytes),
            (Target::Stale(key), bytes) => put_or_remove(&mut self.stale, key, bytes),
            (Target::Journal(key), bytes) => put_or_remove(&mut self.journal, key, bytes),
            (Target::JournalOf(first, last), _) => {
                let (from, to) = (*journal_range(first, None).start(), *journal_range(last, None).end());
                self.journal.retain(|k, _| !(from..=to).contains(k));
            }
            (Target::Layer(key), bytes) => put_or_remove(&mut self.layers, key, bytes),
            (Target::LayersBefore(key), _) => self.layers.retain(|k, _| !(k.page == key.page && k.seq < key.seq)),
            (Target::LayerSeq, bytes) => self.layer_seq = bytes.as_deref().and_then(layer_seq).unwrap_or(0),
        }
    }

    /// The legacy entries and the layers of journal page `page`, as IndexedDB reads them.
    fn page(&self, page: u64) -> (Vec<(JournalKey, Vec<u8>)>, Vec<Vec<u8>>) {
        let (first, last) = journal_layers::contacts_of(page);
        let (from, to) = (*journal_range(first, None).start(), *journal_range(last, None).end());
        let legacy = self.journal.range(from..=to).map(|(k, b)| (*k, b.clone())).collect();
        let layers = self.layers.range(LayerKey { page, seq: 0 }..=LayerKey { page, seq: u64::MAX }).map(|(_, b)| b.clone()).collect();
        (legacy, layers)
    }

    fn journal_after(&self, after: Option<JournalKey>, limit: usize) -> Result<Vec<JourneyEntry>, StoreError> {
        let start = after.map_or(0, |k| page_of(k.contact));
        let mut pages: Vec<u64> = self.layers.keys().map(|k| k.page).chain(self.journal.keys().map(|k| page_of(k.contact))).filter(|p| *p >= start).collect();
        pages.sort_unstable();
        pages.dedup();
        let mut out = Vec::new();
        for page in pages {
            if out.len() >= limit {
                break;
            }
            let (legacy, layers) = self.page(page);
            out.extend(journal_layers::entries_after(&legacy, &layers, after, limit - out.len())?);
        }
        Ok(out)
    }

    fn journal(&self, contact: ContactId, interval: Option<Interval>) -> Result<Vec<JourneyEntry>, StoreError> {
        let (legacy, layers) = self.page(page_of(contact));
        journal_layers::journal_of(contact, interval, &legacy, &layers)
    }

    fn small<T: decode::SmallRecord>(&self, shelf: Shelf) -> Result<Vec<T>, StoreError> {
        let stored = self.records.get(&shelf).into_iter().flatten();
        stored.map(|(&id, bytes)| decode::small(Ok(id), Some(bytes.clone()))).collect()
    }

    fn load(&self) -> Result<Workspace, StoreError> {
        let meta = decode::meta(self.meta.clone().map(Some))?;
        let lists = self.lists.values().enumerate().map(|(i, bytes)| decode::list(i, stored(bytes)));
        let lists = lists.collect::<Result<Vec<_>, _>>()?;
        let stale = self.stale.iter().map(|(&key, bytes)| decode::stale_copies(Ok(key), stored(bytes)));
        let stale = stale.collect::<Result<Vec<_>, _>>()?;
        let gone = decode::stale_ids(&stale);
        let mut index = decode::index_for(&meta, self.pages.len());
        let pages = self.pages.iter().map(|(&key, bytes)| decode::page(Ok(key), stored(bytes), &gone, &mut index));
        let pages = pages.collect::<Result<Vec<_>, _>>()?;
        let records = StoredRecords {
            meta,
            lists,
            pages,
            fields: self.small(Shelf::Fields)?,
            tags: self.small(Shelf::Tags)?,
            agents: self.small(Shelf::Agents)?,
            dispositions: self.small(Shelf::Dispositions)?,
            imports: self.small(Shelf::Imports)?,
            trash: self.trash.iter().map(|(&key, bytes)| decode::trash_page(Ok(key), stored(bytes))).collect::<Result<_, _>>()?,
            stale,
        };
        decode::rebuild(records, index)
    }

    fn first_page(&self, viewing_as: Option<AgentId>, page_size: usize) -> Result<Option<FirstPage>, StoreError> {
        let read = HeadsRead {
            records: StoredRecords {
                meta: decode::meta(self.meta.clone().map(Some))?,
                lists: self.lists.values().enumerate().map(|(i, bytes)| decode::list(i, stored(bytes))).collect::<Result<_, _>>()?,
                fields: self.small(Shelf::Fields)?,
                tags: self.small(Shelf::Tags)?,
                agents: self.small(Shelf::Agents)?,
                stale: self.stale.iter().map(|(&key, bytes)| decode::stale_copies(Ok(key), stored(bytes))).collect::<Result<_, _>>()?,
                ..StoredRecords::default()
            },
            heads: self.page_heads.iter().map(|(&key, bytes)| decode::page_head(Ok(key), stored(bytes))).collect::<Result<_, _>>()?,
            page_count: self.pages.len(),
        };
        let Some(plan) = first_page::plan(&read, viewing_as, page_size)? else { return Ok(None) };
        let pages = plan.pages.iter().map(|key| (Ok(*key), self.pages.get(key).map(|b| stored(b)))).collect();
        first_page::assemble(read, &plan, pages)
    }

    /// After a load: every head again when they do not match the pages or could not be
    /// read (as IndexedDB's store does for pages written before heads existed).
    fn fill_heads(&mut self, workspace: &Workspace, unreadable: bool) {
        if unreadable || self.page_heads.len() != self.pages.len() || !self.page_heads.keys().eq(self.pages.keys()) {
            self.page_heads.clear();
            first_page::every_head(workspace).into_iter().for_each(|w| self.write(w));
        }
    }
}

fn stored(bytes: &[u8]) -> StoredValue {
    Some(bytes.to_vec())
}

/// The keys of `contact`'s entries within `interval` (both ends included), all of them
/// when `None`: the same range IndexedDB reads (`store::keys::journal_range`).
fn journal_range(contact: ContactId, interval: Option<Interval>) -> std::ops::RangeInclusive<JournalKey> {
    let (from, to) = interval.map_or((Timestamp::from_millis(i64::MIN), Timestamp::from_millis(i64::MAX)), |i| (i.from(), i.to()));
    JournalKey { contact, at: from, id: 0 }..=JournalKey { contact, at: to, id: u64::MAX }
}

/// A `Persistence` in memory: tests on the host, and a stand-in wherever no browser
/// storage is wanted.
#[derive(Debug, Default)]
pub struct MemoryStore {
    shelves: RefCell<Shelves>,
    /// Kept until the next write, like the browser store's.
    first_screen: RefCell<Option<FirstScreen>>,
    /// Set when the page heads could not be read: the next load writes them all again.
    heads_unreadable: std::cell::Cell<bool>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// Stages every write of `change` into a copy, and swaps it in only when `keep`
    /// says so: all or nothing.
    fn stage(&self, workspace: &Workspace, change: &Change, keep: bool) {
        self.first_screen.take();
        let mut staged = self.shelves.borrow().clone();
        let format = JournalFormat::Layers { seq: staged.layer_seq + 1 };
        writes(workspace, change, format).for_each(|w| staged.write(w));
        if keep {
            *self.shelves.borrow_mut() = staged;
        }
    }

    /// What a failed transaction does: everything is staged, then dropped.
    #[cfg(all(test, not(target_arch = "wasm32")))]
    pub(crate) fn commit_with_injected_failure(&self, workspace: &Workspace, change: &Change) -> StoreError {
        self.stage(workspace, change, false);
        StoreError::Aborted("ConstraintError: injected failure".into())
    }

    /// The stored bytes, for tests that look at or damage records behind the store.
    #[cfg(all(test, not(target_arch = "wasm32")))]
    pub(crate) fn shelves(&self) -> std::cell::RefMut<'_, Shelves> {
        self.shelves.borrow_mut()
    }
}

impl Persistence for MemoryStore {
    fn load(&self) -> LocalBoxFuture<'_, Result<Workspace, StoreError>> {
        Box::pin(async move {
            let workspace = self.shelves.borrow().load()?;
            self.shelves.borrow_mut().fill_heads(&workspace, self.heads_unreadable.take());
            Ok(workspace)
        })
    }

    fn first_page(&self, viewing_as: Option<AgentId>, page_size: usize) -> LocalBoxFuture<'_, Result<Option<FirstPage>, StoreError>> {
        Box::pin(async move {
            let read = self.shelves.borrow().first_page(viewing_as, page_size);
            // Damaged heads are derived data: written again by the load, not a failure.
            if let Err(StoreError::Corrupt(_)) = &read {
                self.heads_unreadable.set(true);
            }
            read
        })
    }

    fn commit<'a>(&'a self, workspace: &'a Workspace, change: &'a Change) -> SaveFuture<'a> {
        Box::pin(async move {
            self.stage(workspace, change, true);
            Ok(())
        })
    }

    fn commit_chunked<'a>(&'a self, workspace: &'a Workspace, change: &'a Change, pages_per_tx: usize) -> SaveFuture<'a> {
        Box::pin(async move {
            for part in chunks::plan(change, pages_per_tx) {
                self.stage(workspace, &part, true);
            }
            Ok(())
        })
    }

    fn journal(&self, contact: ContactId, interval: Option<Interval>) -> LocalBoxFuture<'_, Result<Vec<JourneyEntry>, StoreError>> {
        Box::pin(async move { self.shelves.borrow().journal(contact, interval) })
    }

    fn journal_after(&self, after: Option<JournalKey>, limit: usize) -> LocalBoxFuture<'_, Result<Vec<JourneyEntry>, StoreError>> {
        Box::pin(async move { self.shelves.borrow().journal_after(after, limit) })
    }

    fn settings(&self) -> LocalBoxFuture<'_, Result<Vec<(String, String)>, StoreError>> {
        Box::pin(async move { Ok(self.shelves.borrow().settings.iter().map(|(k, v)| (k.clone(), v.clone())).collect()) })
    }

    fn journal_started(&self, contact: ContactId, interval: Option<Interval>) -> Option<LocalBoxFuture<'static, Result<Vec<JourneyEntry>, StoreError>>> {
        let read = self.shelves.borrow().journal(contact, interval);
        Some(Box::pin(async move { read }))
    }

    fn setting<'a>(&'a self, key: &'a str) -> LocalBoxFuture<'a, Result<Option<String>, StoreError>> {
        Box::pin(async move { Ok(self.shelves.borrow().settings.get(key).cloned()) })
    }

    fn put_setting<'a>(&'a self, key: &'a str, value: &'a str) -> SaveFuture<'a> {
        Box::pin(async move {
            self.first_screen.take();
            self.shelves.borrow_mut().settings.insert(key.to_owned(), value.to_owned());
            Ok(())
        })
    }

    fn first_screen(&self) -> Option<FirstScreen> {
        self.first_screen.borrow().clone()
    }

    fn keep_first_screen(&self, screen: &FirstScreen) -> bool {
        *self.first_screen.borrow_mut() = Some(screen.clone());
        true
    }
}
