//! Reading one contact's journal: the entries in its key range (or the part of it an
//! interval covers), in key order, oldest first, from wherever the journal lives.
//! Decoding and its checks are `persist::decode`, shared with the memory store.

use web_sys::{IdbDatabase, IdbKeyRange, IdbRequest};

use super::error::StoreError;
use super::keys::{journal_range, js_to_bytes};
use super::raw_idb::{js_error, result};
use super::schema::JOURNAL;
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
