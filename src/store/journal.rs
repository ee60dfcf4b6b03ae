//! Reading one contact's journal: the entries in its key range (or the part of it an
//! interval covers), in key order, oldest first. Decoding and its checks are
//! `persist::decode`, shared with the memory store.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use indexed_db_futures::KeyRange;
use wasm_bindgen::JsValue;

use super::error::StoreError;
use super::keys::{journal_range, js_to_bytes};
use super::schema::JOURNAL;
use crate::domain::{ContactId, Interval, JourneyEntry};
use crate::persist::decode;

pub(crate) async fn read_journal(db: &Database, contact: ContactId, interval: Option<Interval>) -> Result<Vec<JourneyEntry>, StoreError> {
    let tx = db.transaction(JOURNAL).with_mode(TransactionMode::Readonly).build()?;
    let store = tx.object_store(JOURNAL)?;
    let (lower, upper) = journal_range(contact, contact, interval);
    let values = store.get_all::<JsValue>().with_query::<JsValue, _>(KeyRange::Bound(lower, false, upper, false)).primitive()?.await?;
    let mut entries = Vec::new();
    for value in values {
        entries.push(decode::journal_entry(contact, js_to_bytes(&value?))?);
    }
    // Readonly: dropping the transaction after the read is harmless.
    drop(tx);
    Ok(entries)
}
