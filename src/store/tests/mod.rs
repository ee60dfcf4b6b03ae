//! The store in a real browser (headless Chromium, `cargo test --target
//! wasm32-unknown-unknown --lib`): the shared persistence suite on IndexedDB, then
//! what only IndexedDB has (schema migrations from the bytes older versions wrote,
//! connections closed or blocked by other tabs, values that are not bytes). Every
//! test uses its own fresh database.

mod connections;
mod first_screen;
mod journal_bucket;
mod migrations;
mod old_formats;
mod raw;
mod tab_lock;

use wasm_bindgen_test::*;

use self::raw::{fresh_name, raw_page_keys, raw_put, raw_put_in, raw_record_keys, raw_values, raw_values_in, reload};
use super::keys::{bytes_to_js, location, store_name};
use super::{Store, StoreError, VERSION};
use crate::domain::{Change, Workspace};
use crate::persist::suite::{checks_backup, checks_first_page, checks_first_screen, checks_journal, checks_pages, checks_records, checks_stale, checks_trash, for_each_check, Backend};
use crate::persist::writes::{Shelf, Target};
use crate::persist::{LocalBoxFuture, Persistence};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh database and the store open on it.
struct IndexedDb {
    name: String,
    store: Store,
}

impl IndexedDb {
    async fn fresh(test: &str) -> Self {
        let name = fresh_name(test);
        let store = Store::open(&name).await.expect("open");
        assert_eq!(store.version(), VERSION);
        IndexedDb { name, store }
    }

    async fn delete(self) {
        self.store.close();
        Store::delete_database(&self.name).await.expect("delete db");
    }
}

impl Backend for IndexedDb {
    fn store(&self) -> &dyn Persistence {
        &self.store
    }

    fn reload(&self) -> LocalBoxFuture<'_, Result<Workspace, StoreError>> {
        Box::pin(reload(&self.name))
    }

    fn commit_failing<'a>(&'a self, workspace: &'a Workspace, change: &'a Change) -> LocalBoxFuture<'a, StoreError> {
        Box::pin(async move {
            self.store.commit_with_injected_failure(workspace, change).await.expect_err("must fail")
        })
    }

    fn put_raw(&self, target: Target, bytes: Vec<u8>) -> LocalBoxFuture<'_, ()> {
        let (store, key) = location(target);
        Box::pin(async move {
            // The journal may live in its own database (a storage bucket).
            if matches!(target.shelf(), Shelf::Journal | Shelf::JournalLayers) {
                raw_put_in(&self.store.journal_db_for_tests().await, store, &key, &bytes_to_js(&bytes)).await;
            } else {
                raw_put(&self.name, store, key, bytes_to_js(&bytes)).await;
            }
        })
    }

    fn page_keys(&self) -> LocalBoxFuture<'_, Vec<(u32, u32)>> {
        Box::pin(raw_page_keys(&self.name))
    }

    fn record_ids(&self, shelf: Shelf) -> LocalBoxFuture<'_, Vec<u32>> {
        Box::pin(raw_record_keys(&self.name, store_name(shelf)))
    }

    fn values(&self, shelf: Shelf) -> LocalBoxFuture<'_, Vec<Vec<u8>>> {
        Box::pin(async move {
            if shelf == Shelf::Journal {
                raw_values_in(&self.store.journal_db_for_tests().await, store_name(shelf)).await
            } else {
                raw_values(&self.name, store_name(shelf)).await
            }
        })
    }
}

macro_rules! on_indexed_db {
    ($module:ident :: $check:ident) => {
        #[wasm_bindgen_test]
        async fn $check() {
            let db = IndexedDb::fresh(stringify!($check)).await;
            $module::$check(&db).await;
            db.delete().await;
        }
    };
}

for_each_check!(on_indexed_db);
