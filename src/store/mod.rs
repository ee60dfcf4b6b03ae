//! IndexedDB persistence (through indexed_db_futures). Knows the domain, not Leptos.
//!
//! Contacts are stored in pages of up to `PAGE_CAPACITY` per list (ARCHITECTURE.md);
//! lists and the workspace meta are one record each. Every command's `Change` is
//! committed in ONE transaction: all of it lands, or none of it.

pub mod error;
pub mod lock;

pub use error::StoreError;

use crate::domain::{Change, Workspace};

/// The default database name. Tests and benchmarks pass their own (the app reads
/// `?db=NAME` from its URL).
pub const DEFAULT_DB_NAME: &str = "contacts-manager";

/// An open database at the current schema version.
pub struct Store {
    _private: (),
}

impl Store {
    /// Opens (creating or migrating as needed) the named database.
    pub async fn open(name: &str) -> Result<Store, StoreError> {
        let _ = name;
        todo!("store helper")
    }
    /// Reads every record and rebuilds the workspace.
    pub async fn load(&self) -> Result<Workspace, StoreError> {
        todo!("store helper")
    }
    /// Writes exactly what `change` names, reading the records from `workspace`, in
    /// one transaction.
    pub async fn commit(&self, workspace: &Workspace, change: &Change) -> Result<(), StoreError> {
        let _ = (workspace, change);
        todo!("store helper")
    }
    pub fn close(self) {}
}
