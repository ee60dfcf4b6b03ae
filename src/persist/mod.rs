//! The persistence boundary: what the app needs of storage ([`Persistence`]), the pure
//! halves every store shares (which bytes a record is, how stored records are decoded
//! and checked, how a big change is cut into transactions), an in-memory store, and
//! the [`Session`] that runs a command, commits its change and reloads on failure.
//!
//! Plain Rust, no browser crates: it builds and is tested on the host. The IndexedDB
//! store (`crate::store`, wasm only) implements [`Persistence`] on the same halves, and
//! one shared suite (`suite`, tests only) checks both.

pub mod backup;
pub(crate) mod chunks;
pub(crate) mod decode;
pub mod first_page;
pub mod journal_layers;
mod error;
mod memory;
// Only the IndexedDB store writes an outbox; on the host only its tests use it.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) mod outbox;
mod session;
pub(crate) mod writes;

#[cfg(test)]
pub(crate) mod block_on;
#[cfg(test)]
pub(crate) mod failing;
#[cfg(test)]
pub(crate) mod suite;

use std::future::Future;
use std::pin::Pin;

pub use crate::domain::change::{Collection, Touched};
pub use error::StoreError;
pub use memory::MemoryStore;
pub use session::{ActionError, Applied, IntoApplied, Reload, Session, StorageFailure};

use crate::domain::change::JournalKey;
use crate::domain::first_screen::FirstScreen;
use crate::domain::{AgentId, Change, ContactId, Interval, JourneyEntry, Workspace};
use first_page::FirstPage;

/// A boxed future that need not be `Send` (the browser is single-threaded and the
/// stores hold `Rc`s).
pub type LocalBoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// A write in flight (a commit, a setting).
pub type SaveFuture<'a> = LocalBoxFuture<'a, Result<(), StoreError>>;

/// What the app needs of storage. Object-safe: the UI holds an `Rc<dyn Persistence>`.
pub trait Persistence {
    /// Reads every record and rebuilds the workspace (with its query index).
    fn load(&self) -> LocalBoxFuture<'_, Result<Workspace, StoreError>>;

    /// The default contacts view's first page (its first `page_size` contacts by first
    /// name, of the lists `viewing_as` sees) and how many the view covers, from the
    /// page heads and the few pages they name: shown while `load` reads the rest.
    /// `None` when the heads cannot tell; then only `load` does.
    fn first_page(&self, viewing_as: Option<AgentId>, page_size: usize) -> LocalBoxFuture<'_, Result<Option<FirstPage>, StoreError>>;

    /// Writes exactly what `change` names, reading the records from `workspace` (the
    /// journal entries it carries itself): all of it lands, or none of it.
    fn commit<'a>(&'a self, workspace: &'a Workspace, change: &'a Change) -> SaveFuture<'a>;

    /// Like `commit`, in the parts of `chunks::plan` (at most `pages_per_tx` pages
    /// each), one after the other: import batches use it. A failure leaves the earlier
    /// parts written.
    fn commit_chunked<'a>(&'a self, workspace: &'a Workspace, change: &'a Change, pages_per_tx: usize) -> SaveFuture<'a>;

    /// A contact's journal entries (interactions and history events), oldest first,
    /// only those within `interval` (both ends included) when given. They are read
    /// per contact, never at start-up.
    fn journal(&self, contact: ContactId, interval: Option<Interval>) -> LocalBoxFuture<'_, Result<Vec<JourneyEntry>, StoreError>>;

    /// The read `journal` would do, already sent to storage when the journal is ready
    /// (storage reads while the caller goes on rendering); `None` when it is not ready
    /// yet, and the caller uses `journal`.
    fn journal_started(&self, contact: ContactId, interval: Option<Interval>) -> Option<LocalBoxFuture<'static, Result<Vec<JourneyEntry>, StoreError>>> {
        let _ = (contact, interval);
        None
    }

    /// Every contact's journal entries in key order (contact, time, id): the first
    /// `limit` after `after`, from the start when `None`. A backup reads the whole
    /// journal this way, a page at a time.
    fn journal_after(&self, after: Option<JournalKey>, limit: usize) -> LocalBoxFuture<'_, Result<Vec<JourneyEntry>, StoreError>>;

    /// Every setting the app stored, by name (not the store's own bookkeeping).
    fn settings(&self) -> LocalBoxFuture<'_, Result<Vec<(String, String)>, StoreError>>;

    /// A UI setting, `None` when never set.
    fn setting<'a>(&'a self, key: &'a str) -> LocalBoxFuture<'a, Result<Option<String>, StoreError>>;

    fn put_setting<'a>(&'a self, key: &'a str, value: &'a str) -> SaveFuture<'a>;

    /// The first screen `keep_first_screen` kept, until the next write forgets it.
    fn first_screen(&self) -> Option<FirstScreen>;

    /// Keeps `screen` (what the default contacts view shows) for the next start to
    /// show while it loads; refused (false) while a write is under way, which might
    /// not land. Every write forgets it.
    fn keep_first_screen(&self, screen: &FirstScreen) -> bool;

    /// Gets the journal ready to be read (opened, an unfinished save applied) before a
    /// journey asks for it. Nothing to do for a store whose journal is always ready.
    fn prepare_journal(&self) -> SaveFuture<'_> {
        Box::pin(async { Ok(()) })
    }
}
