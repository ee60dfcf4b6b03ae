//! Reading one contact's journal: the entries in its key range (or the part of it an
//! interval covers), in key order, oldest first, from wherever the journal lives.
//! Decoding and its checks are `persist::decode`, shared with the memory store.

use web_sys::{IdbDatabase, IdbKeyRange, IdbRequest};

use super::error::StoreError;
use super::keys::{journal_key, journal_range, js_to_bytes};
use super::raw_idb::{js_error, result};
use super::schema::JOURNAL;
use crate::domain::change::JournalKey;
use crate::domain::{ContactId, Interval, JourneyEntry};
use crate::persist::decode;

pub(crate) async fn read_journal(db: &IdbDatabase, contact: ContactId, interval: Option<Interval>) -> Result<Vec<JourneyEntry>, StoreError> {
    let request = issue(db, contact, interval)?;
    collect(request, contact).await
}

/// Sends the read of `contact`'s entries (within `interval`) now: IndexedDB works on
/// it while this thread goes on (a journey's page renders meanwhile).
pub(crate) fn issue(db: &IdbDatabase, contact: ContactId, interval: Option<Interval>) -> Result<IdbRequest, StoreError> {
    crate::perf::mark("cm:journal-open");
    let tx = db.transaction_with_str(JOURNAL).map_err(|e| js_error(&e))?;
    let store = tx.object_store(JOURNAL).map_err(|e| js_error(&e))?;
    let (lower, upper) = journal_range(contact, contact, interval);
    let range = IdbKeyRange::bound(&lower, &upper).map_err(|e| js_error(&e))?;
    store.get_all_with_key(&range).map_err(|e| js_error(&e))
}

/// The entries a read sent by `issue` returns, decoded and checked.
pub(crate) async fn collect(request: IdbRequest, contact: ContactId) -> Result<Vec<JourneyEntry>, StoreError> {
    let values = js_sys::Array::from(&result(&request).await?);
    crate::perf::mark("cm:journal-read");
    let mut entries = Vec::with_capacity(values.length() as usize);
    for value in values.iter() {
        entries.push(decode::journal_entry(contact, js_to_bytes(&value))?);
    }
    crate::perf::mark("cm:journal-decoded");
    Ok(entries)
}

/// Every contact's entries in key order: the first `limit` after `after` (a backup
/// reads the whole journal this way). Keys and values are read in one transaction,
/// over the same range, so they pair up.
pub(crate) async fn read_after(db: &IdbDatabase, after: Option<JournalKey>, limit: usize) -> Result<Vec<JourneyEntry>, StoreError> {
    let tx = db.transaction_with_str(JOURNAL).map_err(|e| js_error(&e))?;
    let store = tx.object_store(JOURNAL).map_err(|e| js_error(&e))?;
    let range = match after {
        Some(key) => IdbKeyRange::lower_bound_with_open(&journal_key(key), true).map_err(|e| js_error(&e))?.into(),
        None => wasm_bindgen::JsValue::NULL,
    };
    let limit = u32::try_from(limit).unwrap_or(u32::MAX);
    let keys = store.get_all_keys_with_key_and_limit(&range, limit).map_err(|e| js_error(&e))?;
    let values = store.get_all_with_key_and_limit(&range, limit).map_err(|e| js_error(&e))?;
    let keys = js_sys::Array::from(&result(&keys).await?);
    let values = js_sys::Array::from(&result(&values).await?);
    let mut entries = Vec::with_capacity(values.length() as usize);
    for (key, value) in keys.iter().zip(values.iter()) {
        // The key is [contact, at, id]: the contact the entry must belong to.
        let contact = js_sys::Array::from(&key).get(0).as_f64().filter(|c| *c >= 0.0);
        let contact = contact.ok_or_else(|| StoreError::Corrupt(format!("a journal entry has an invalid key {key:?}")))?;
        entries.push(decode::journal_entry(ContactId::new(contact as u64), js_to_bytes(&value))?);
    }
    Ok(entries)
}
