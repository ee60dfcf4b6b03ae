//! Reading one contact's journal: its page's layers, and (in a database an older
//! version wrote, until they are moved) its legacy entries in its key range (or the
//! part of it an interval covers), from wherever the journal lives. Stacking and
//! decoding are `persist::journal_layers`, shared with the memory store.

use web_sys::{IdbDatabase, IdbKeyRange, IdbRequest, IdbTransactionMode};

use super::error::StoreError;
use super::journal_home::Shape;
use super::journal_layers::{flatten_page, legacy_pairs, next_page, page_layers, read_layers, values};
use super::journal_ops::transaction;
use super::keys::{journal_key, journal_range};
use super::raw_idb::{js_error, result};
use super::schema::{JOURNAL, JOURNAL_LAYERS};
use crate::domain::change::JournalKey;
use crate::domain::{ContactId, Interval, JourneyEntry};
use crate::persist::journal_layers::{entries_after, journal_of, page_of, FLATTEN_AT};

/// A read of one contact's journal, sent.
pub(crate) struct JournalRead {
    db: IdbDatabase,
    contact: ContactId,
    interval: Option<Interval>,
    shape: Shape,
    layers: Option<IdbRequest>,
    legacy: Option<(IdbRequest, IdbRequest)>,
}

/// Sends the read of `contact`'s entries (within `interval`) now: IndexedDB works on
/// it while this thread goes on (a journey's page renders meanwhile).
pub(crate) fn issue(db: &IdbDatabase, shape: Shape, contact: ContactId, interval: Option<Interval>) -> Result<JournalRead, StoreError> {
    crate::perf::mark("cm:journal-open");
    let names: &[&str] = match (shape.layers, shape.legacy) {
        (true, true) => &[JOURNAL_LAYERS, JOURNAL],
        (true, false) => &[JOURNAL_LAYERS],
        (false, _) => &[JOURNAL],
    };
    let tx = transaction(db, names, IdbTransactionMode::Readonly)?;
    let layers = match shape.layers {
        true => Some(read_layers(&tx.object_store(JOURNAL_LAYERS).map_err(|e| js_error(&e))?, page_of(contact))?),
        false => None,
    };
    let legacy = match shape.legacy {
        true => {
            let store = tx.object_store(JOURNAL).map_err(|e| js_error(&e))?;
            let (lower, upper) = journal_range(contact, contact, interval);
            let range = IdbKeyRange::bound(&lower, &upper).map_err(|e| js_error(&e))?;
            let keys = store.get_all_keys_with_key(&range).map_err(|e| js_error(&e))?;
            let values = store.get_all_with_key(&range).map_err(|e| js_error(&e))?;
            Some((keys, values))
        }
        false => None,
    };
    Ok(JournalRead { db: db.clone(), contact, interval, shape, layers, legacy })
}

/// The entries a read sent by `issue` returns, stacked, decoded and checked. A page
/// found with many layers is flattened afterwards, in the background.
pub(crate) async fn collect(read: JournalRead) -> Result<Vec<JourneyEntry>, StoreError> {
    let layers = match &read.layers {
        Some(request) => values(&result(request).await?, "a page of the journal")?,
        None => Vec::new(),
    };
    let legacy = match &read.legacy {
        Some((keys, values)) => legacy_pairs(&result(keys).await?, &result(values).await?)?,
        None => Vec::new(),
    };
    crate::perf::mark("cm:journal-read");
    let entries = journal_of(read.contact, read.interval, &legacy, &layers)?;
    crate::perf::mark("cm:journal-decoded");
    if layers.len() >= FLATTEN_AT {
        let (db, page, legacy) = (read.db.clone(), page_of(read.contact), read.shape.legacy);
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(e) = flatten_page(&db, page, legacy).await {
                leptos::logging::warn!("flattening a page of the journal failed (it stays as it is): {e}");
            }
        });
    }
    Ok(entries)
}

/// Every contact's entries in key order: the first `limit` after `after` (a backup
/// reads the whole journal this way). In layers: a page at a time (legacy entries
/// moved into layers first, by the caller).
pub(crate) async fn read_after(db: &IdbDatabase, shape: Shape, after: Option<JournalKey>, limit: usize) -> Result<Vec<JourneyEntry>, StoreError> {
    if !shape.layers {
        return read_after_legacy(db, after, limit).await;
    }
    let mut out = Vec::new();
    let mut from = after.map_or(0, |k| page_of(k.contact));
    while out.len() < limit {
        let Some(page) = next_page(db, from).await? else { break };
        let layers = page_layers(db, page).await?;
        out.extend(entries_after(&[], &layers, after, limit - out.len())?);
        from = page + 1;
    }
    Ok(out)
}

/// `read_after` in a journal stored one record per entry. Keys and values are read in
/// one transaction, over the same range, so they pair up.
async fn read_after_legacy(db: &IdbDatabase, after: Option<JournalKey>, limit: usize) -> Result<Vec<JourneyEntry>, StoreError> {
    let tx = transaction(db, &[JOURNAL], IdbTransactionMode::Readonly)?;
    let store = tx.object_store(JOURNAL).map_err(|e| js_error(&e))?;
    let range = match after {
        Some(key) => IdbKeyRange::lower_bound_with_open(&journal_key(key), true).map_err(|e| js_error(&e))?.into(),
        None => wasm_bindgen::JsValue::NULL,
    };
    let limit = u32::try_from(limit).unwrap_or(u32::MAX);
    let keys = store.get_all_keys_with_key_and_limit(&range, limit).map_err(|e| js_error(&e))?;
    let values = store.get_all_with_key_and_limit(&range, limit).map_err(|e| js_error(&e))?;
    let pairs = legacy_pairs(&result(&keys).await?, &result(&values).await?)?;
    pairs.into_iter().map(|(key, bytes)| crate::persist::decode::journal_entry(key.contact, Some(bytes))).collect()
}
