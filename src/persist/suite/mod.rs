//! ONE suite of persistence checks for every store: each check takes a [`Backend`] (a
//! fresh, empty store and a way to look at its bytes behind its back). The host runs
//! them on `MemoryStore` (below); the browser runs them on IndexedDB (`store/tests`).
//! IndexedDB-only matters (migrations, connections, the tab lock) are tested there.

pub(crate) mod checks_backup;
pub(crate) mod checks_first_page;
pub(crate) mod checks_first_screen;
pub(crate) mod checks_journal;
pub(crate) mod checks_pages;
pub(crate) mod checks_records;
pub(crate) mod checks_stale;
pub(crate) mod checks_trash;
pub(crate) mod fixtures;
#[cfg(not(target_arch = "wasm32"))]
mod memory_backend;

use super::writes::{Shelf, Target};
use super::{LocalBoxFuture, Persistence, StoreError};
use crate::domain::{Change, Workspace};

/// A fresh store under test, and raw access to what it stored.
pub(crate) trait Backend {
    fn store(&self) -> &dyn Persistence;
    /// Everything read back (IndexedDB: through a second connection).
    fn reload(&self) -> LocalBoxFuture<'_, Result<Workspace, StoreError>>;
    /// Stages every write of `change`, then the transaction fails: the error.
    fn commit_failing<'a>(&'a self, workspace: &'a Workspace, change: &'a Change) -> LocalBoxFuture<'a, StoreError>;
    /// Writes `bytes` at `target` behind the store's back.
    fn put_raw(&self, target: Target, bytes: Vec<u8>) -> LocalBoxFuture<'_, ()>;
    /// The stored page keys, as (list, page).
    fn page_keys(&self) -> LocalBoxFuture<'_, Vec<(u32, u32)>>;
    /// The ids stored on a shelf of small records.
    fn record_ids(&self, shelf: Shelf) -> LocalBoxFuture<'_, Vec<u32>>;
    /// Every stored value of a shelf, in key order.
    fn values(&self, shelf: Shelf) -> LocalBoxFuture<'_, Vec<Vec<u8>>>;
}

/// Calls `$wrap!(check)` for every shared check: each store's runner lists them once.
macro_rules! for_each_check {
    ($wrap:ident) => {
        $wrap!(checks_pages::commit_then_reload_gives_the_same_workspace);
        $wrap!(checks_pages::many_pages_round_trip_in_one_commit_and_in_chunks);
        $wrap!(checks_pages::deleting_a_list_removes_its_pages);
        $wrap!(checks_pages::a_merged_change_whose_pages_are_gone_leaves_no_stale_pages);
        $wrap!(checks_pages::a_failed_transaction_leaves_the_data_as_it_was);
        $wrap!(checks_pages::damaged_records_give_corrupt_not_a_panic);
        $wrap!(checks_pages::settings_round_trip);
        $wrap!(checks_first_screen::every_write_forgets_the_first_screen);
        $wrap!(checks_first_page::the_first_page_read_early_is_the_loaded_one);
        $wrap!(checks_records::fields_tags_agents_and_dispositions_round_trip);
        $wrap!(checks_records::deleting_a_tag_and_purging_a_global_field_erase_them_from_storage);
        $wrap!(checks_records::records_the_workspace_no_longer_has_are_deleted);
        $wrap!(checks_records::damaged_catalog_records_give_corrupt_naming_the_record);
        $wrap!(checks_records::an_import_batch_is_stored_with_its_contacts_and_can_be_undone_after_reopen);
        $wrap!(checks_records::a_failed_import_commit_stores_neither_the_contacts_nor_the_batch_update);
        $wrap!(checks_records::an_import_cut_short_shows_as_interrupted_on_the_next_start);
        $wrap!(checks_journal::journal_entries_come_back_per_contact_in_time_order_and_by_interval);
        $wrap!(checks_journal::a_purged_contacts_journal_goes_in_the_same_transaction_as_its_trash_page);
        $wrap!(checks_journal::a_deleted_lists_contacts_keep_their_journal_until_the_trash_is_emptied_in_chunks);
        $wrap!(checks_journal::journal_deleted_removes_one_entry_and_a_failed_commit_writes_none);
        $wrap!(checks_journal::damaged_journal_bytes_give_corrupt_not_a_panic);
        $wrap!(checks_journal::many_commits_across_a_page_edge_read_back_as_written);
        $wrap!(checks_journal::a_logged_interaction_and_its_contacts_activity_land_together);
        $wrap!(checks_trash::a_deletion_lands_with_the_pages_it_emptied_and_survives_a_reopen);
        $wrap!(checks_trash::restore_and_purge_land_and_the_purge_clears_the_journal);
        $wrap!(checks_trash::a_failed_commit_leaves_pages_and_trash_as_they_were);
        $wrap!(checks_trash::a_deletion_of_thousands_goes_through_commit_chunked);
        $wrap!(checks_trash::damaged_trash_bytes_give_corrupt_not_a_panic);
        $wrap!(checks_stale::a_bulk_delete_leaves_the_stored_pages_and_load_drops_who_left);
        $wrap!(checks_stale::the_next_write_of_a_page_replaces_it_and_drops_its_record);
        $wrap!(checks_stale::a_restore_comes_back_once_and_a_purge_leaves_no_bytes);
        $wrap!(checks_stale::damaged_stale_records_give_corrupt_not_a_panic);
        $wrap!(checks_backup::a_backup_of_this_store_restores_the_same_workspace_journal_and_settings);
        $wrap!(checks_backup::a_backup_restored_into_this_store_gives_the_same_workspace);
    };
}
pub(crate) use for_each_check;

/// True when some stored page holds `text` (postcard writes strings as plain UTF-8).
pub(crate) async fn pages_contain(b: &dyn Backend, text: &str) -> bool {
    let needle = text.as_bytes();
    b.values(Shelf::Pages).await.iter().any(|page| page.windows(needle.len()).any(|w| w == needle))
}
