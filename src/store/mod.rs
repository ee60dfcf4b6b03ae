//! IndexedDB persistence (through indexed_db_futures). Knows the domain, not Leptos.
//!
//! Contacts are stored in pages of up to `PAGE_CAPACITY` per list (README.md, "Why contacts are stored in pages");
//! lists, the workspace meta, custom fields, tags, agents, dispositions and import
//! batches are one record each (schema version 3 added fields, tags, agents and
//! dispositions; version 4 import batches; version 5 the journal; version 6 the trash,
//! deleted contacts by page; version 7 the journal's outbox; version 8 the records of
//! stale copies; version 9 the journal in layers). Every command's `Change`
//! is committed in ONE transaction: all of it lands, or none of it. The journal of a
//! new workspace lives in a storage bucket instead (`journal_home`), reached through
//! the outbox written in that transaction.
//!
//! `Store` implements `persist::Persistence`: which bytes a change writes, how stored
//! records are decoded and checked, and how a big change is cut into transactions are
//! `persist`'s, shared with the memory store; this module only issues the requests.
//!
//! Files: `schema` (versions, migration steps), `open` (upgrade, blocked), `keys`
//! (key/value shapes), `load`, `commit`, `journal` (reading one contact's),
//! `journal_home` (where it lives), `journal_ops` and `journal_outbox` (writing it
//! there), `journal_layers` (flattening a page's layers, moving entries an older
//! version stored one record each into layers), `raw_idb` (IndexedDB without indexed_db_futures, for the bucket), `settings`, `lock` (one active tab),
//! `storage` (quota estimate, persistence), `persistence` (the trait), `tests` (the
//! shared suite on IndexedDB, and what only IndexedDB has: migrations, connections).

mod commit;
pub mod error;
pub mod first_screen;
mod journal;
mod journal_home;
mod journal_layers;
mod journal_ops;
mod journal_outbox;
mod keys;
mod load;
pub mod lock;
mod open;
mod page_heads;
mod pages_read;
mod persistence;
pub(crate) mod raw_idb;
mod schema;
mod settings;
pub mod storage;
#[cfg(test)]
mod tests;

pub use error::StoreError;
pub use lock::{request_handover, LockOutcome, TabLock};
pub use schema::VERSION;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use indexed_db_futures::database::Database;
use indexed_db_futures::internals::SystemRepr;
use wasm_bindgen::prelude::*;

use crate::domain::change::Collection;
use crate::domain::{AgentId, Change, ContactId, Interval, JourneyEntry, Workspace};
use crate::persist::first_page::FirstPage;

/// The default database name. Tests and benchmarks pass their own (the app reads
/// `?db=NAME` from its URL).
pub const DEFAULT_DB_NAME: &str = "contacts-manager";

type Hook = Rc<RefCell<Option<Box<dyn Fn()>>>>;

/// An open database at the current schema version.
pub struct Store {
    db: Database,
    /// The database's name (the first screen kept for it is found by it).
    name: String,
    /// Writes started and not yet ended (`first_screen::Writing`).
    writes_under_way: Rc<Cell<u32>>,
    /// Where the journal lives, found on first use (never at start-up).
    journal: journal_home::Journal,
    /// Set when another tab's upgrade made us close the connection.
    closed: Rc<Cell<bool>>,
    /// Set when the page heads could not be read: the next load writes them all again.
    heads_unreadable: Cell<bool>,
    on_closed: Hook,
    // Kept alive as long as the handler is installed (removed in Drop).
    _on_versionchange: Closure<dyn FnMut(web_sys::Event)>,
}

impl Store {
    /// Opens (creating or migrating as needed) the named database.
    pub async fn open(name: &str) -> Result<Store, StoreError> {
        Self::open_version(name, VERSION).await
    }

    /// Opens the database at an older schema `version` (migration tests only).
    #[cfg(test)]
    pub(crate) async fn open_at_version(name: &str, version: u32) -> Result<Store, StoreError> {
        Self::open_version(name, version).await
    }

    async fn open_version(name: &str, version: u32) -> Result<Store, StoreError> {
        let db = open::open_db(name, version).await?;
        let closed = Rc::new(Cell::new(false));
        let on_closed: Hook = Rc::default();
        // Another tab wants to upgrade the schema: let go at once so it is not blocked,
        // and tell the UI (it should ask the user to reload).
        let on_versionchange = {
            let raw: web_sys::IdbDatabase = db.as_sys().clone().into();
            let closed = Rc::clone(&closed);
            let on_closed = Rc::clone(&on_closed);
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_event| {
                raw.close();
                closed.set(true);
                if let Some(hook) = on_closed.borrow().as_ref() {
                    hook();
                }
            })
        };
        Self::raw(&db).set_onversionchange(Some(on_versionchange.as_ref().unchecked_ref()));
        Ok(Store { db, name: name.to_owned(), writes_under_way: Rc::default(), journal: journal_home::Journal::new(name, version), closed, heads_unreadable: Cell::new(false), on_closed, _on_versionchange: on_versionchange })
    }

    /// Deletes a whole database (tests, benchmarks, "reset"). Close every `Store` on it
    /// first, or the deletion waits for them.
    pub async fn delete_database(name: &str) -> Result<(), StoreError> {
        first_screen::forget(name);
        Database::delete_by_name(name)?.await?;
        journal_home::delete_bucket_journals(name).await
    }

    /// Reads every record and rebuilds the workspace.
    pub async fn load(&self) -> Result<Workspace, StoreError> {
        let (workspace, heads_match) = load::load(self.db()?).await?;
        if !heads_match || self.heads_unreadable.take() {
            // Derived data: without them a start only waits for the whole load.
            if let Err(err) = page_heads::fill(self.db()?, &workspace).await {
                leptos::logging::warn!("the page heads could not be written: {err}");
            }
        }
        Ok(workspace)
    }

    /// The default view's first page from the page heads (`persist::first_page`).
    pub async fn first_page(&self, viewing_as: Option<AgentId>, page_size: usize) -> Result<Option<FirstPage>, StoreError> {
        let read = page_heads::first_page(self.db()?, viewing_as, page_size).await;
        // Damaged heads are derived data: written again by the load, not a failure.
        if let Err(StoreError::Corrupt(_)) = &read {
            self.heads_unreadable.set(true);
        }
        read
    }

    /// Writes exactly what `change` names, reading the records from `workspace`, in
    /// one transaction.
    pub async fn commit(&self, workspace: &Workspace, change: &Change) -> Result<(), StoreError> {
        let _writing = self.writing();
        let change = &self.in_schema(change);
        let home = self.journal_home_for(change).await?;
        commit::commit(self.db()?, self.with_journal(&home), workspace, change, commit::Inject::Nothing).await
    }

    /// `change` as this database's schema can hold it: one opened at a version before
    /// records of stale copies (migration tests) rewrites those pages whole instead.
    fn in_schema<'a>(&self, change: &'a Change) -> std::borrow::Cow<'a, Change> {
        if self.version() >= schema::STALE_VERSION || (change.stale_put.is_empty() && change.stale_deleted.is_empty()) {
            return std::borrow::Cow::Borrowed(change);
        }
        let mut whole = Change { stale_put: Vec::new(), stale_deleted: Vec::new(), ..change.clone() };
        whole.merge(Change { pages_put: change.stale_put.clone(), ..Change::default() });
        std::borrow::Cow::Owned(whole)
    }

    /// Like [`Store::commit`], but a big change is written in several transactions of
    /// at most `pages_per_tx` pages, yielding to the browser between them (progress
    /// can repaint). See `persist::chunks` for what a failure half-way leaves behind.
    pub async fn commit_chunked(
        &self,
        workspace: &Workspace,
        change: &Change,
        pages_per_tx: usize,
    ) -> Result<(), StoreError> {
        let _writing = self.writing();
        let change = &self.in_schema(change);
        let home = self.journal_home_for(change).await?;
        commit::commit_chunked(self.db()?, self.with_journal(&home), workspace, change, pages_per_tx).await
    }

    /// Stages `change` like `commit`, then adds a request that fails (a duplicate key),
    /// so the transaction aborts. Tests use it to prove nothing is half-saved.
    #[cfg(test)]
    pub(crate) async fn commit_with_injected_failure(
        &self,
        workspace: &Workspace,
        change: &Change,
    ) -> Result<(), StoreError> {
        let _writing = self.writing();
        let change = &self.in_schema(change);
        let home = self.journal_home_for(change).await?;
        commit::commit(self.db()?, self.with_journal(&home), workspace, change, commit::Inject::DuplicateKey).await
    }

    /// A contact's journal entries, oldest first, within `interval` when given.
    pub async fn journal(&self, contact: ContactId, interval: Option<Interval>) -> Result<Vec<JourneyEntry>, StoreError> {
        let home = self.journal_home().await?;
        journal::collect(journal::issue(self.journal_db(&home)?, self.journal.shape(), contact, interval)?).await
    }

    /// The read `journal` would do, sent now when the journal is open (`None` when it
    /// is not yet): storage reads while the caller renders.
    pub fn journal_started(&self, contact: ContactId, interval: Option<Interval>) -> Option<impl std::future::Future<Output = Result<Vec<JourneyEntry>, StoreError>> + 'static> {
        let home = self.journal.ready_home()?;
        let read = journal::issue(self.journal_db(&home).ok()?, self.journal.shape(), contact, interval);
        Some(async move { journal::collect(read?).await })
    }

    /// Every contact's journal entries in key order, the `limit` after `after`.
    pub async fn journal_after(&self, after: Option<crate::domain::change::JournalKey>, limit: usize) -> Result<Vec<JourneyEntry>, StoreError> {
        let home = self.journal_home().await?;
        self.move_legacy_entries(&home).await?;
        journal::read_after(self.journal_db(&home)?, self.journal.shape(), after, limit).await
    }

    /// Moves the entries an older version stored one record each into layers (once:
    /// nothing to do in a journal that never had any).
    async fn move_legacy_entries(&self, home: &journal_home::JournalHome) -> Result<(), StoreError> {
        let shape = self.journal.shape();
        if shape.layers && shape.legacy {
            journal_layers::migrate(self.journal_db(home)?).await?;
            self.journal.set_no_legacy();
        }
        Ok(())
    }

    /// Every setting the app stored (not where the journal lives: that is this
    /// browser's own).
    pub async fn settings(&self) -> Result<Vec<(String, String)>, StoreError> {
        settings::all(self.db()?, &[journal_home::SETTING]).await
    }

    /// Opens the journal (and applies a save a closed tab left unfinished) ahead of the
    /// first journey, which then does not wait for it.
    pub async fn prepare_journal(&self) -> Result<(), StoreError> {
        let home = self.journal_home().await?;
        self.move_legacy_entries(&home).await
    }

    async fn journal_home(&self) -> Result<Rc<journal_home::JournalHome>, StoreError> {
        self.journal.home(self.db()?).await
    }

    /// The journal's home when `change` writes to the journal (only then is it needed).
    async fn journal_home_for(&self, change: &Change) -> Result<Option<Rc<journal_home::JournalHome>>, StoreError> {
        if change.touched().contains(Collection::Journal) {
            self.journal_home().await.map(Some)
        } else {
            Ok(None)
        }
    }

    /// The database the journal is in, for tests that look behind the store.
    #[cfg(test)]
    pub(crate) async fn journal_db_for_tests(&self) -> web_sys::IdbDatabase {
        let home = self.journal_home().await.expect("the journal's home");
        self.journal_db(&home).expect("the journal's database").clone()
    }

    fn with_journal<'a>(&'a self, home: &'a Option<Rc<journal_home::JournalHome>>) -> Option<(&'a journal_home::Journal, &'a journal_home::JournalHome)> {
        home.as_deref().map(|home| (&self.journal, home))
    }

    /// The database the journal is in.
    fn journal_db<'a>(&'a self, home: &'a journal_home::JournalHome) -> Result<&'a web_sys::IdbDatabase, StoreError> {
        Ok(home.db(self.db()?))
    }

    /// A UI setting (page size...), `None` when never set.
    pub async fn get_setting(&self, name: &str) -> Result<Option<String>, StoreError> {
        settings::get(self.db()?, name).await
    }

    pub async fn put_setting(&self, name: &str, value: &str) -> Result<(), StoreError> {
        let _writing = self.writing();
        settings::put(self.db()?, name, value).await
    }

    /// Forgets the kept first screen and counts the write under way until dropped.
    fn writing(&self) -> first_screen::Writing {
        first_screen::Writing::begin(&self.name, &self.writes_under_way)
    }

    /// The first screen kept for this database (`first_screen::read` reads it before
    /// one is open).
    pub fn first_screen(&self) -> Option<crate::domain::first_screen::FirstScreen> {
        first_screen::read(&self.name)
    }

    /// Keeps `screen` for the next start; refused while a write is under way.
    pub fn keep_first_screen(&self, screen: &crate::domain::first_screen::FirstScreen) -> bool {
        self.writes_under_way.get() == 0 && first_screen::keep(&self.name, screen)
    }

    /// The schema version of the open database.
    pub fn version(&self) -> u32 {
        self.db.version() as u32
    }

    /// True once another tab's upgrade made this connection close.
    pub fn is_closed(&self) -> bool {
        self.closed.get()
    }

    /// Called when another tab's upgrade makes this connection close.
    pub fn on_closed_by_other_tab(&self, hook: impl Fn() + 'static) {
        *self.on_closed.borrow_mut() = Some(Box::new(hook));
    }

    pub fn close(self) {}

    fn db(&self) -> Result<&Database, StoreError> {
        if self.closed.get() {
            Err(StoreError::Closed)
        } else {
            Ok(&self.db)
        }
    }

    fn raw(db: &Database) -> &web_sys::IdbDatabase {
        db.as_sys()
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        // The closure dies with us: unhook it before the browser could call it.
        Self::raw(&self.db).set_onversionchange(None);
        Self::raw(&self.db).close();
        self.journal.close();
    }
}
