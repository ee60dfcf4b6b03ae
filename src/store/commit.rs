//! Writing a `Change`: every request is issued synchronously inside one readwrite
//! transaction, then `commit().await`. Nothing else is awaited in between (awaiting a
//! non-IndexedDB future would let the browser auto-commit half of it). Which requests
//! and which bytes is `persist::writes`, shared with the memory store.
//!
//! Size: `commit` keeps ONE transaction whatever the size of the change, because "all
//! or nothing" is what the UI promises. Each page is encoded and handed to IndexedDB
//! (which copies it) before the next is encoded, so Rust holds one page at a time and
//! no request futures are kept. Thousands of pages in one transaction are fine for
//! IndexedDB; the cost is that the main thread is busy encoding for the whole batch.
//! Measured in headless Chromium (debug build): 500,000 contacts = 977 pages in one
//! transaction, encode included, 0.74 s; the same as `commit_chunked` with 50 pages
//! per transaction, 0.95 s. `commit_chunked` trades atomicity of the whole for yields
//! between transactions (progress can repaint, a stop button can act).
//!
//! The journal's requests go into the same transaction when the journal lives in the
//! workspace's database; when it lives in a storage bucket (`journal_home`), the
//! transaction carries them as one outbox record, and they are written to the bucket
//! once it committed (`persist::outbox` says why that is safe).

use gloo_timers::future::TimeoutFuture;
use indexed_db_futures::database::Database;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};

use super::error::{from_dom, StoreError};
use super::journal_home::{Journal, JournalHome};
use super::keys::{bytes_to_js, location, store_name};
use super::schema::{META, OUTBOX, PAGE_HEADS};
use super::{journal_ops, journal_outbox};
use crate::domain::{Change, Workspace};
use crate::persist::writes::{journal_writes, record_places, record_writes, Shelf, Target, Write};
use crate::persist::{chunks, outbox};

/// A deliberate failure for tests of the abort path.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Inject {
    Nothing,
    /// Two `add`s of the same key: the second fails with ConstraintError after every
    /// other request was issued, and the browser aborts the transaction.
    #[cfg(test)]
    DuplicateKey,
}

pub(crate) async fn commit(
    db: &Database,
    journal: Option<(&Journal, &JournalHome)>,
    workspace: &Workspace,
    change: &Change,
    inject: Inject,
) -> Result<(), StoreError> {
    let fail = inject != Inject::Nothing;
    // The journal is only given when the change writes to it.
    let journal_writes: Vec<Write> = match journal {
        Some((journal, _)) => journal_writes(change, journal.next_format()),
        None => Vec::new(),
    };
    // A journal in a storage bucket gets the requests through the outbox.
    let bucket = match journal {
        Some((journal, JournalHome::Bucket(bucket))) if !journal_writes.is_empty() => Some((journal, &bucket.db)),
        _ => None,
    };
    let journal_stores = match bucket {
        Some(_) => vec![OUTBOX],
        None => journal_ops::stores_of(&journal_writes),
    };
    // A database opened at a schema before page heads (migration tests) has no store
    // for them: they are derived, and the next start fills them in.
    let heads = db.object_store_names().any(|n| n == PAGE_HEADS);
    let kept = |target: &Target| heads || target.shelf() != Shelf::PageHeads;
    // Only the object stores this change touches are in the transaction's scope.
    let mut stores: Vec<&'static str> = Vec::with_capacity(8);
    let named = record_places(change).filter(kept).map(|target| store_name(target.shelf()));
    for store in named.chain(journal_stores).chain(fail.then_some(META)) {
        if !stores.contains(&store) {
            stores.push(store);
        }
    }
    if stores.is_empty() {
        return Ok(());
    }

    let tx = db.transaction(stores.as_slice()).with_mode(TransactionMode::Readwrite).build()?;
    // On any early return below, dropping `tx` aborts it: nothing is written.
    for write in record_writes(workspace, change).filter(|w| kept(&w.target)) {
        let (name, key) = location(write.target);
        let store = tx.object_store(name)?;
        match write.bytes {
            Some(bytes) => issued(store.put(bytes_to_js(&bytes)).with_key(key).primitive()?),
            None => issued(store.delete(key).primitive()?),
        }
    }
    let outbox_key = match bucket {
        Some((journal, _)) => {
            let key = journal.take_outbox_key();
            let store = tx.object_store(OUTBOX)?;
            issued(store.put(bytes_to_js(&outbox::encode(&journal_writes))).with_key(key).primitive()?);
            Some(key)
        }
        None if !journal_writes.is_empty() => {
            let raw: web_sys::IdbTransaction = tx.as_sys().clone().into();
            journal_ops::issue(&raw, &journal_writes)?;
            None
        }
        None => None,
    };
    crate::perf::mark("cm:commit-issued");
    if fail {
        let store = tx.object_store(META)?;
        for _ in 0..2 {
            issued(store.add(bytes_to_js(&[0])).with_key("injected-failure").primitive()?);
        }
    }
    finish(tx).await?;
    if let (Some((journal, bucket)), Some(key)) = (bucket, outbox_key) {
        // The change is saved (the outbox holds its journal part): a failure from here
        // on, or this future dropped half way, only leaves the outbox record to be
        // applied before the journal is read again.
        let mut pending = ReplayUnlessDone { journal, done: false };
        let applied = match journal_ops::apply(bucket, &journal_writes).await {
            Ok(()) => journal_outbox::remove(db, key).await,
            Err(e) => Err(e),
        };
        match applied {
            Ok(()) => pending.done = true,
            Err(e) => leptos::logging::warn!("the interactions of a save wait to be written: {e}"),
        }
    }
    Ok(())
}

/// Marks the journal's outbox for a replay when dropped before `done`.
struct ReplayUnlessDone<'a> {
    journal: &'a Journal,
    done: bool,
}

impl Drop for ReplayUnlessDone<'_> {
    fn drop(&mut self) {
        if !self.done {
            self.journal.set_replay_due();
        }
    }
}

/// A built request is already sent. Its future is not kept: success or failure reaches
/// us through the transaction (a failed request aborts it), and holding thousands of
/// futures would only cost memory.
pub(crate) fn issued<F: std::future::Future>(request: F) {
    drop(request);
}

/// Commits and reports the transaction's own error when it aborted: a quota failure
/// shows up there (as QuotaExceededError), not on any single request.
pub(crate) async fn finish(tx: Transaction<'_>) -> Result<(), StoreError> {
    let raw: web_sys::IdbTransaction = tx.as_sys().clone().into();
    match tx.commit().await {
        Ok(()) => Ok(()),
        Err(e) => Err(match raw.error() {
            Some(dom) => from_dom(&dom),
            None => e.into(),
        }),
    }
}

/// Writes `change` in the transactions of `chunks::plan` (at most `pages_per_tx` page
/// writes each; see there for what a failure half-way leaves behind), yielding to the
/// browser between them.
pub(crate) async fn commit_chunked(
    db: &Database,
    journal: Option<(&Journal, &JournalHome)>,
    workspace: &Workspace,
    change: &Change,
    pages_per_tx: usize,
) -> Result<(), StoreError> {
    let parts = chunks::plan(change, pages_per_tx);
    let count = parts.len();
    for (i, part) in parts.iter().enumerate() {
        commit(db, journal, workspace, part, Inject::Nothing).await?;
        if i + 1 < count {
            // Outside any transaction: let progress repaint.
            TimeoutFuture::new(0).await;
        }
    }
    Ok(())
}
