//! What a workspace command dirtied, so the store can persist exactly that in one
//! transaction.

use super::ids::ListId;

/// A page of contacts in storage: list and page number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PageKey {
    pub list: ListId,
    pub page: u32,
}

/// Records to write or delete. The store reads the current contents of every named
/// record from the workspace when it commits.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Change {
    pub lists_put: Vec<ListId>,
    pub lists_deleted: Vec<ListId>,
    pub pages_put: Vec<PageKey>,
    pub pages_deleted: Vec<PageKey>,
    /// The workspace meta record (id counters) changed.
    pub meta: bool,
}

impl Change {
    pub fn is_empty(&self) -> bool {
        self == &Change::default()
    }
    /// Folds another change into this one (used when several commands commit together).
    pub fn merge(&mut self, other: Change) {
        let _ = other;
        todo!("domain helper")
    }
}
