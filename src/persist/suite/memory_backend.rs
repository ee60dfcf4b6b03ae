//! The shared suite on the host, against `MemoryStore`.

use super::{checks_backup, checks_first_page, checks_first_screen, checks_journal, checks_pages, checks_records, checks_stale, checks_trash, for_each_check, Backend};
use crate::persist::block_on::block_on;
use crate::persist::writes::{Shelf, Target, Write};
use crate::persist::{LocalBoxFuture, MemoryStore, Persistence, StoreError};
use crate::domain::{Change, Workspace};

impl Backend for MemoryStore {
    fn store(&self) -> &dyn Persistence {
        self
    }

    fn reload(&self) -> LocalBoxFuture<'_, Result<Workspace, StoreError>> {
        self.load()
    }

    fn commit_failing<'a>(&'a self, workspace: &'a Workspace, change: &'a Change) -> LocalBoxFuture<'a, StoreError> {
        Box::pin(async move { self.commit_with_injected_failure(workspace, change) })
    }

    fn put_raw(&self, target: Target, bytes: Vec<u8>) -> LocalBoxFuture<'_, ()> {
        self.shelves().write(Write { target, bytes: Some(bytes) });
        Box::pin(async {})
    }

    fn page_keys(&self) -> LocalBoxFuture<'_, Vec<(u32, u32)>> {
        let keys = self.shelves().pages.keys().map(|k| (k.list.get(), k.page)).collect();
        Box::pin(async move { keys })
    }

    fn record_ids(&self, shelf: Shelf) -> LocalBoxFuture<'_, Vec<u32>> {
        let ids = self.shelves().records.get(&shelf).map(|s| s.keys().copied().collect()).unwrap_or_default();
        Box::pin(async move { ids })
    }

    fn values(&self, shelf: Shelf) -> LocalBoxFuture<'_, Vec<Vec<u8>>> {
        let shelves = self.shelves();
        let values = match shelf {
            Shelf::Meta => shelves.meta.iter().cloned().collect(),
            Shelf::Lists => shelves.lists.values().cloned().collect(),
            Shelf::Pages => shelves.pages.values().cloned().collect(),
            Shelf::Trash => shelves.trash.values().cloned().collect(),
            Shelf::Stale => shelves.stale.values().cloned().collect(),
            Shelf::PageHeads => shelves.page_heads.values().cloned().collect(),
            _ => shelves.records.get(&shelf).map(|s| s.values().cloned().collect()).unwrap_or_default(),
        };
        Box::pin(async move { values })
    }
}

macro_rules! on_memory {
    ($module:ident :: $check:ident) => {
        #[test]
        fn $check() {
            block_on($module::$check(&MemoryStore::new()));
        }
    };
}

for_each_check!(on_memory);
