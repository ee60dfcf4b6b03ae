//! Reading one contact's journal: the entries in its key range (or the part of it an
//! interval covers), in key order, oldest first, from wherever the journal lives.
//! Decoding and its checks are `persist::decode`, shared with the memory store.

use web_sys::{IdbDatabase, IdbKeyRange};

use super::error::StoreError;
use super::keys::{journal_range, js_to_bytes};
use super::raw_idb::{js_error, result};
use super::schema::JOURNAL;
use crate::domain::{ContactId, Interval, JourneyEntry};
use crate::persist::decode;

pub(crate) async fn read_journal(db: &IdbDatabase, contact: ContactId, interval: Option<Interval>) -> Result<Vec<JourneyEntry>, StoreError> {
    let tx = db.transaction_with_str(JOURNAL).map_err(|e| js_error(&e))?;
    let store = tx.object_store(JOURNAL).map_err(|e| js_error(&e))?;
    let (lower, upper) = journal_range(contact, contact, interval);
    let range = IdbKeyRange::bound(&lower, &upper).map_err(|e| js_error(&e))?;
    let request = store.get_all_with_key(&range).map_err(|e| js_error(&e))?;
    let values = js_sys::Array::from(&result(&request).await?);
    let mut entries = Vec::with_capacity(values.length() as usize);
    for value in values.iter() {
        entries.push(decode::journal_entry(contact, js_to_bytes(&value))?);
    }
    Ok(entries)
}
