//! `Store` as the app's `Persistence`: each method is the inherent one of the same
//! meaning (boot code still calls those directly).

use super::{Store, StoreError};
use crate::domain::first_screen::FirstScreen;
use crate::domain::{AgentId, Change, ContactId, Interval, JourneyEntry, Workspace};
use crate::persist::first_page::FirstPage;
use crate::persist::{LocalBoxFuture, Persistence, SaveFuture};

impl Persistence for Store {
    fn load(&self) -> LocalBoxFuture<'_, Result<Workspace, StoreError>> {
        Box::pin(Store::load(self))
    }

    fn first_page(&self, viewing_as: Option<AgentId>, page_size: usize) -> LocalBoxFuture<'_, Result<Option<FirstPage>, StoreError>> {
        Box::pin(Store::first_page(self, viewing_as, page_size))
    }

    fn commit<'a>(&'a self, workspace: &'a Workspace, change: &'a Change) -> SaveFuture<'a> {
        Box::pin(Store::commit(self, workspace, change))
    }

    fn commit_chunked<'a>(&'a self, workspace: &'a Workspace, change: &'a Change, pages_per_tx: usize) -> SaveFuture<'a> {
        Box::pin(Store::commit_chunked(self, workspace, change, pages_per_tx))
    }

    fn journal(&self, contact: ContactId, interval: Option<Interval>) -> LocalBoxFuture<'_, Result<Vec<JourneyEntry>, StoreError>> {
        Box::pin(Store::journal(self, contact, interval))
    }

    fn journal_after(&self, after: Option<crate::domain::change::JournalKey>, limit: usize) -> LocalBoxFuture<'_, Result<Vec<JourneyEntry>, StoreError>> {
        Box::pin(Store::journal_after(self, after, limit))
    }

    fn settings(&self) -> LocalBoxFuture<'_, Result<Vec<(String, String)>, StoreError>> {
        Box::pin(Store::settings(self))
    }

    fn setting<'a>(&'a self, key: &'a str) -> LocalBoxFuture<'a, Result<Option<String>, StoreError>> {
        Box::pin(Store::get_setting(self, key))
    }

    fn put_setting<'a>(&'a self, key: &'a str, value: &'a str) -> SaveFuture<'a> {
        Box::pin(Store::put_setting(self, key, value))
    }

    fn journal_started(&self, contact: ContactId, interval: Option<Interval>) -> Option<LocalBoxFuture<'static, Result<Vec<JourneyEntry>, StoreError>>> {
        Store::journal_started(self, contact, interval).map(|read| Box::pin(read) as LocalBoxFuture<'static, _>)
    }

    fn first_screen(&self) -> Option<FirstScreen> {
        Store::first_screen(self)
    }

    fn keep_first_screen(&self, screen: &FirstScreen) -> bool {
        Store::keep_first_screen(self, screen)
    }

    fn prepare_journal(&self) -> SaveFuture<'_> {
        Box::pin(Store::prepare_journal(self))
    }
}
