//! A memory store that fails on demand: the next commit, or the next load.

use std::cell::Cell;

use super::{LocalBoxFuture, MemoryStore, Persistence, SaveFuture, StoreError};
use crate::domain::change::JournalKey;
use crate::domain::{Change, ContactId, Interval, JourneyEntry, Workspace};

#[derive(Default)]
pub(crate) struct FailingStore {
    pub(crate) inner: MemoryStore,
    pub(crate) fail_next_commit: Cell<bool>,
    pub(crate) fail_next_load: Cell<bool>,
    pub(crate) commits: Cell<usize>,
}

fn refused() -> StoreError {
    StoreError::Aborted("QuotaExceededError: failing on purpose".into())
}

impl Persistence for FailingStore {
    fn load(&self) -> LocalBoxFuture<'_, Result<Workspace, StoreError>> {
        if self.fail_next_load.replace(false) {
            return Box::pin(async { Err(StoreError::Corrupt("failing on purpose".into())) });
        }
        self.inner.load()
    }

    fn commit<'a>(&'a self, workspace: &'a Workspace, change: &'a Change) -> SaveFuture<'a> {
        self.commits.set(self.commits.get() + 1);
        if self.fail_next_commit.replace(false) {
            return Box::pin(async { Err(refused()) });
        }
        self.inner.commit(workspace, change)
    }

    fn commit_chunked<'a>(&'a self, workspace: &'a Workspace, change: &'a Change, pages_per_tx: usize) -> SaveFuture<'a> {
        self.commits.set(self.commits.get() + 1);
        self.inner.commit_chunked(workspace, change, pages_per_tx)
    }

    fn journal(&self, contact: ContactId, interval: Option<Interval>) -> LocalBoxFuture<'_, Result<Vec<JourneyEntry>, StoreError>> {
        self.inner.journal(contact, interval)
    }

    fn journal_after(&self, after: Option<JournalKey>, limit: usize) -> LocalBoxFuture<'_, Result<Vec<JourneyEntry>, StoreError>> {
        self.inner.journal_after(after, limit)
    }

    fn settings(&self) -> LocalBoxFuture<'_, Result<Vec<(String, String)>, StoreError>> {
        self.inner.settings()
    }

    fn setting<'a>(&'a self, key: &'a str) -> LocalBoxFuture<'a, Result<Option<String>, StoreError>> {
        self.inner.setting(key)
    }

    fn put_setting<'a>(&'a self, key: &'a str, value: &'a str) -> SaveFuture<'a> {
        self.inner.put_setting(key, value)
    }

    fn first_page(&self, viewing_as: Option<crate::domain::AgentId>, page_size: usize) -> LocalBoxFuture<'_, Result<Option<super::first_page::FirstPage>, StoreError>> {
        self.inner.first_page(viewing_as, page_size)
    }

    fn first_screen(&self) -> Option<crate::domain::first_screen::FirstScreen> {
        self.inner.first_screen()
    }

    fn keep_first_screen(&self, screen: &crate::domain::first_screen::FirstScreen) -> bool {
        self.inner.keep_first_screen(screen)
    }
}
