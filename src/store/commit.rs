//! Writing a `Change`: every request is issued synchronously inside one readwrite
//! transaction, then `commit().await`. Nothing else is awaited in between (awaiting a
//! non-IndexedDB future would let the browser auto-commit half of it).
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

use gloo_timers::future::TimeoutFuture;
use indexed_db_futures::database::Database;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};

use super::error::StoreError;
use super::keys::{bytes_to_js, list_key, page_key, record_location};
use super::schema::{LISTS, META, META_KEY, PAGES};
use crate::domain::codec::{
    encode_agent, encode_disposition, encode_field, encode_import, encode_list, encode_meta, encode_page, encode_tag,
};
use crate::domain::{Change, RecordKey, Workspace};

/// A deliberate failure for tests of the abort path.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Inject {
    Nothing,
    /// Two `add`s of the same key: the second fails with ConstraintError after every
    /// other request was issued, and the browser aborts the transaction.
    DuplicateKey,
}

pub(crate) async fn commit(
    db: &Database,
    workspace: &Workspace,
    change: &Change,
    inject: Inject,
) -> Result<(), StoreError> {
    let fail = inject == Inject::DuplicateKey;
    let mut stores: Vec<&'static str> = Vec::with_capacity(8);
    if change.meta || fail {
        stores.push(META);
    }
    if !change.lists_put.is_empty() || !change.lists_deleted.is_empty() {
        stores.push(LISTS);
    }
    if !change.pages_put.is_empty() || !change.pages_deleted.is_empty() {
        stores.push(PAGES);
    }
    // Only the record stores this change touches are in the transaction's scope.
    for &key in change.records_put.iter().chain(&change.records_deleted) {
        let (store, _) = record_location(key);
        if !stores.contains(&store) {
            stores.push(store);
        }
    }
    if stores.is_empty() {
        return Ok(());
    }

    let tx = db.transaction(stores.as_slice()).with_mode(TransactionMode::Readwrite).build()?;
    // On any early return below, dropping `tx` aborts it: nothing is written.
    if change.meta {
        let store = tx.object_store(META)?;
        issued(store.put(bytes_to_js(&encode_meta(workspace.meta()))).with_key(META_KEY).primitive()?);
    }
    if stores.contains(&LISTS) {
        stage_lists(&tx.object_store(LISTS)?, workspace, change)?;
    }
    if stores.contains(&PAGES) {
        stage_pages(&tx.object_store(PAGES)?, workspace, change)?;
    }
    stage_records(&tx, workspace, change)?;
    if fail {
        let store = tx.object_store(META)?;
        for _ in 0..2 {
            issued(store.add(bytes_to_js(&[0])).with_key("injected-failure").primitive()?);
        }
    }
    finish(tx).await
}

fn stage_lists(store: &ObjectStore<'_>, workspace: &Workspace, change: &Change) -> Result<(), StoreError> {
    for &id in &change.lists_put {
        match workspace.list(id) {
            Some(list) => issued(store.put(bytes_to_js(&encode_list(list))).with_key(list_key(id)).primitive()?),
            // Deleted again after being dirtied: the record must not linger.
            None => issued(store.delete(list_key(id)).primitive()?),
        }
    }
    for &id in &change.lists_deleted {
        issued(store.delete(list_key(id)).primitive()?);
    }
    Ok(())
}

fn stage_pages(store: &ObjectStore<'_>, workspace: &Workspace, change: &Change) -> Result<(), StoreError> {
    for &key in &change.pages_put {
        match workspace.page(key) {
            Some(contacts) => issued(store.put(bytes_to_js(&encode_page(contacts))).with_key(page_key(key)).primitive()?),
            None => issued(store.delete(page_key(key)).primitive()?),
        }
    }
    for &key in &change.pages_deleted {
        issued(store.delete(page_key(key)).primitive()?);
    }
    Ok(())
}

/// Fields, tags, agents, dispositions and import batches: one record each, in their
/// own stores.
fn stage_records(tx: &Transaction<'_>, workspace: &Workspace, change: &Change) -> Result<(), StoreError> {
    for &key in &change.records_put {
        let (name, js_key) = record_location(key);
        let store = tx.object_store(name)?;
        match encode_record(workspace, key) {
            Some(bytes) => issued(store.put(bytes_to_js(&bytes)).with_key(js_key).primitive()?),
            // Deleted again after being dirtied (a merged change): must not linger.
            None => issued(store.delete(js_key).primitive()?),
        }
    }
    for &key in &change.records_deleted {
        let (name, js_key) = record_location(key);
        issued(tx.object_store(name)?.delete(js_key).primitive()?);
    }
    Ok(())
}

/// The record's current bytes, `None` when the workspace no longer has it.
fn encode_record(workspace: &Workspace, key: RecordKey) -> Option<Vec<u8>> {
    match key {
        RecordKey::Field(id) => workspace.field(id).map(encode_field),
        RecordKey::Tag(id) => workspace.tag(id).map(encode_tag),
        RecordKey::Agent(id) => workspace.agent(id).map(encode_agent),
        RecordKey::Disposition(id) => workspace.disposition(id).map(encode_disposition),
        RecordKey::Import(id) => workspace.import(id).map(encode_import),
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
async fn finish(tx: Transaction<'_>) -> Result<(), StoreError> {
    let raw: web_sys::IdbTransaction = tx.as_sys().clone().into();
    match tx.commit().await {
        Ok(()) => Ok(()),
        Err(e) => Err(match raw.error() {
            Some(dom) => StoreError::from_dom(&dom),
            None => e.into(),
        }),
    }
}

/// Writes `change` in transactions of at most `pages_per_tx` page writes, yielding to
/// the browser between them.
///
/// Order keeps what is stored loadable after a failure half-way: the first
/// transaction carries the meta (id counters), the list records and the written
/// fields, tags, agents and dispositions, so a stored page never belongs to an unknown
/// list and ids are never reused; deletions (lists, pages, records) go in the last
/// one, after the pages that stop referring to them (a purged field's values). A
/// failure leaves the earlier transactions written (like an import that stopped
/// early) and returns the error.
pub(crate) async fn commit_chunked(
    db: &Database,
    workspace: &Workspace,
    change: &Change,
    pages_per_tx: usize,
) -> Result<(), StoreError> {
    let chunks: Vec<_> = change.pages_put.chunks(pages_per_tx.max(1)).collect();
    let count = chunks.len().max(1);
    for i in 0..count {
        let (first, last) = (i == 0, i + 1 == count);
        let part = Change {
            meta: first && change.meta,
            lists_put: if first { change.lists_put.clone() } else { Vec::new() },
            pages_put: chunks.get(i).map(|c| c.to_vec()).unwrap_or_default(),
            pages_deleted: if last { change.pages_deleted.clone() } else { Vec::new() },
            lists_deleted: if last { change.lists_deleted.clone() } else { Vec::new() },
            records_put: if first { change.records_put.clone() } else { Vec::new() },
            records_deleted: if last { change.records_deleted.clone() } else { Vec::new() },
        };
        commit(db, workspace, &part, Inject::Nothing).await?;
        if !last {
            // Outside any transaction: let progress repaint.
            TimeoutFuture::new(0).await;
        }
    }
    Ok(())
}
