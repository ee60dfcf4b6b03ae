//! The journal's requests on its object stores, wherever the journal lives: in the
//! commit's own transaction, or in the bucket's database after it.

use wasm_bindgen::JsValue;
use web_sys::{IdbDatabase, IdbKeyRange, IdbObjectStore, IdbTransaction, IdbTransactionMode};

use super::error::StoreError;
use super::keys::{bytes_to_js, journal_key, journal_range, layer_key, layer_range, location, store_name};
use super::raw_idb::{completed, js_error};
use crate::persist::writes::{Shelf, Target, Write};

/// The object stores `writes` need (the journal's own; anything else is skipped).
pub(crate) fn stores_of(writes: &[Write]) -> Vec<&'static str> {
    let mut names = Vec::with_capacity(2);
    for shelf in writes.iter().map(|w| w.target.shelf()) {
        let name = store_name(shelf);
        if matches!(shelf, Shelf::Journal | Shelf::JournalLayers) && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// Issues `writes` (journal requests; anything else is skipped) in `tx`, in order.
pub(crate) fn issue(tx: &IdbTransaction, writes: &[Write]) -> Result<(), StoreError> {
    let mut stores: Vec<(&'static str, IdbObjectStore)> = Vec::with_capacity(2);
    for write in writes {
        let name = store_name(write.target.shelf());
        let store = match stores.iter().find(|(n, _)| *n == name) {
            Some((_, store)) => store.clone(),
            None => {
                let store = tx.object_store(name).map_err(|e| js_error(&e))?;
                stores.push((name, store.clone()));
                store
            }
        };
        let request = match (write.target, &write.bytes) {
            (Target::JournalOf(first, last), _) => {
                let (lower, upper) = journal_range(first, last, None);
                IdbKeyRange::bound(&lower, &upper).and_then(|range| store.delete(&range))
            }
            (Target::Journal(key), Some(bytes)) => store.put_with_key(&bytes_to_js(bytes), &journal_key(key)),
            (Target::Journal(key), None) => store.delete(&journal_key(key)),
            (Target::LayersBefore(key), _) => {
                let Some(last) = key.seq.checked_sub(1) else { continue };
                let (lower, upper) = layer_range(key.page, Some(last));
                IdbKeyRange::bound(&lower, &upper).and_then(|range| store.delete(&range))
            }
            (Target::Layer(key), Some(bytes)) => store.put_with_key(&bytes_to_js(bytes), &layer_key(key)),
            (Target::Layer(key), None) => store.delete(&layer_key(key)),
            (Target::LayerSeq, Some(bytes)) => store.put_with_key(&bytes_to_js(bytes), &location(write.target).1),
            _ => continue,
        };
        // Sent; success or failure reaches us through the transaction.
        request.map_err(|e| js_error(&e))?;
    }
    Ok(())
}

/// A readwrite (or readonly) transaction over the object stores `names` of `db`.
pub(crate) fn transaction(db: &IdbDatabase, names: &[&str], mode: IdbTransactionMode) -> Result<IdbTransaction, StoreError> {
    let list: js_sys::Array = names.iter().map(|n| JsValue::from_str(n)).collect();
    db.transaction_with_str_sequence_and_mode(&list, mode).map_err(|e| js_error(&e))
}

/// Writes `writes` into `db`'s journal in one transaction.
pub(crate) async fn apply(db: &IdbDatabase, writes: &[Write]) -> Result<(), StoreError> {
    let names = stores_of(writes);
    if names.is_empty() {
        return Ok(());
    }
    let tx = transaction(db, &names, IdbTransactionMode::Readwrite)?;
    if let Err(e) = issue(&tx, writes) {
        let _ = tx.abort();
        return Err(e);
    }
    completed(&tx).await
}
