//! The journal's layers in IndexedDB (`persist::journal_layers` says why layers):
//! what the home needs to know when it opens, flattening a page's layers into one
//! (and with them the entries an older version stored one record each), and moving
//! every such legacy entry into layers.

use wasm_bindgen::JsValue;
use web_sys::{IdbDatabase, IdbKeyRange, IdbObjectStore, IdbRequest, IdbTransactionMode};

use super::error::StoreError;
use super::journal_ops::transaction;
use super::keys::{bytes_to_js, journal_range, js_to_bytes, layer_key, layer_range, parse_journal_key, parse_layer_key};
use super::raw_idb::{completed, js_error, result};
use super::schema::{JOURNAL, JOURNAL_LAYERS, LAYER_SEQ_KEY};
use crate::domain::change::JournalKey;
use crate::domain::ContactId;
use crate::persist::journal_layers::{contacts_of, flatten, page_of, LayerKey};
use crate::persist::writes::layer_seq;

/// The last sequence number a layer was written with (0 before any).
pub(crate) async fn last_seq(db: &IdbDatabase) -> Result<u64, StoreError> {
    let tx = transaction(db, &[JOURNAL_LAYERS], IdbTransactionMode::Readonly)?;
    let store = tx.object_store(JOURNAL_LAYERS).map_err(|e| js_error(&e))?;
    let value = result(&store.get(&JsValue::from_str(LAYER_SEQ_KEY)).map_err(|e| js_error(&e))?).await?;
    if value.is_undefined() {
        return Ok(0);
    }
    js_to_bytes(&value).as_deref().and_then(layer_seq).ok_or_else(|| StoreError::Corrupt("the journal's sequence number is unreadable".into()))
}

/// True when the journal still holds entries stored one record each.
pub(crate) async fn has_legacy(db: &IdbDatabase) -> Result<bool, StoreError> {
    Ok(first_legacy_contact(db).await?.is_some())
}

async fn first_legacy_contact(db: &IdbDatabase) -> Result<Option<ContactId>, StoreError> {
    let tx = transaction(db, &[JOURNAL], IdbTransactionMode::Readonly)?;
    let store = tx.object_store(JOURNAL).map_err(|e| js_error(&e))?;
    let keys = store.get_all_keys_with_key_and_limit(&JsValue::NULL, 1).map_err(|e| js_error(&e))?;
    let keys = js_sys::Array::from(&result(&keys).await?);
    match keys.length() {
        0 => Ok(None),
        _ => parse_journal_key(&keys.get(0)).map(|k| Some(k.contact)).map_err(|k| StoreError::Corrupt(format!("a journal entry has an invalid key {k}"))),
    }
}

/// Sends a read of `page`'s layers on `store`.
pub(crate) fn read_layers(store: &IdbObjectStore, page: u64) -> Result<IdbRequest, StoreError> {
    let (lower, upper) = layer_range(page, None);
    let range = IdbKeyRange::bound(&lower, &upper).map_err(|e| js_error(&e))?;
    store.get_all_with_key(&range).map_err(|e| js_error(&e))
}

/// The bytes of every value a `getAll` returned.
pub(crate) fn values(array: &JsValue, what: &str) -> Result<Vec<Vec<u8>>, StoreError> {
    js_sys::Array::from(array).iter().map(|v| js_to_bytes(&v).ok_or_else(|| StoreError::Corrupt(format!("{what} is not bytes")))).collect()
}

/// Keys and values of legacy entries read together.
pub(crate) fn legacy_pairs(keys: &JsValue, values: &JsValue) -> Result<Vec<(JournalKey, Vec<u8>)>, StoreError> {
    let (keys, values) = (js_sys::Array::from(keys), js_sys::Array::from(values));
    let mut pairs = Vec::with_capacity(values.length() as usize);
    for (key, value) in keys.iter().zip(values.iter()) {
        let key = parse_journal_key(&key).map_err(|k| StoreError::Corrupt(format!("a journal entry has an invalid key {k}")))?;
        let bytes = js_to_bytes(&value).ok_or_else(|| StoreError::Corrupt(format!("a journal entry of contact {} is not bytes", key.contact)))?;
        pairs.push((key, bytes));
    }
    Ok(pairs)
}

/// Rewrites `page` as one layer holding its live entries (with its legacy entries when
/// `legacy`), in one transaction: the layers it read are deleted and the flat one put
/// at the last of their sequence numbers, so a layer written meanwhile (a higher one)
/// still stacks on top.
pub(crate) async fn flatten_page(db: &IdbDatabase, page: u64, legacy: bool) -> Result<(), StoreError> {
    let names: &[&str] = if legacy { &[JOURNAL_LAYERS, JOURNAL] } else { &[JOURNAL_LAYERS] };
    let tx = transaction(db, names, IdbTransactionMode::Readwrite)?;
    let outcome = async {
        let layers = tx.object_store(JOURNAL_LAYERS).map_err(|e| js_error(&e))?;
        let (lower, upper) = layer_range(page, None);
        let range = IdbKeyRange::bound(&lower, &upper).map_err(|e| js_error(&e))?;
        let keys = layers.get_all_keys_with_key(&range).map_err(|e| js_error(&e))?;
        let stacked = layers.get_all_with_key(&range).map_err(|e| js_error(&e))?;
        let (first, last) = contacts_of(page);
        let (legacy_lower, legacy_upper) = journal_range(first, last, None);
        let legacy_range = IdbKeyRange::bound(&legacy_lower, &legacy_upper).map_err(|e| js_error(&e))?;
        let old = match legacy {
            true => {
                let store = tx.object_store(JOURNAL).map_err(|e| js_error(&e))?;
                let keys = store.get_all_keys_with_key(&legacy_range).map_err(|e| js_error(&e))?;
                let values = store.get_all_with_key(&legacy_range).map_err(|e| js_error(&e))?;
                Some((store, keys, values))
            }
            false => None,
        };
        // Awaited inside the transaction: each answer arrives while it is active.
        let keys = js_sys::Array::from(&result(&keys).await?);
        let stacked = values(&result(&stacked).await?, "a page of the journal")?;
        let pairs = match &old {
            Some((_, keys, values)) => legacy_pairs(&result(keys).await?, &result(values).await?)?,
            None => Vec::new(),
        };
        let last_seq = match keys.length() {
            0 => 0,
            n => parse_layer_key(&keys.get(n - 1)).map_err(|k| StoreError::Corrupt(format!("a page of the journal has an invalid key {k}")))?.seq,
        };
        let flat = flatten(&pairs, &stacked)?;
        layers.delete(&range).map_err(|e| js_error(&e))?;
        if let Some((store, _, _)) = &old {
            store.delete(&legacy_range).map_err(|e| js_error(&e))?;
        }
        if let Some(bytes) = flat {
            layers.put_with_key(&bytes_to_js(&bytes), &layer_key(LayerKey { page, seq: last_seq })).map_err(|e| js_error(&e))?;
        }
        Ok::<(), StoreError>(())
    }
    .await;
    if let Err(e) = outcome {
        let _ = tx.abort();
        return Err(e);
    }
    completed(&tx).await
}

/// Moves every legacy entry into layers, a page per transaction (each lands whole or
/// not at all; what is left is read as before).
pub(crate) async fn migrate(db: &IdbDatabase) -> Result<(), StoreError> {
    let mut pages = 0;
    while let Some(contact) = first_legacy_contact(db).await? {
        flatten_page(db, page_of(contact), true).await?;
        pages += 1;
    }
    if pages > 0 {
        leptos::logging::log!("moved the interactions of {pages} journal page(s) into layers");
    }
    Ok(())
}

/// The first page at or after `page` that has layers.
pub(crate) async fn next_page(db: &IdbDatabase, page: u64) -> Result<Option<u64>, StoreError> {
    let tx = transaction(db, &[JOURNAL_LAYERS], IdbTransactionMode::Readonly)?;
    let store = tx.object_store(JOURNAL_LAYERS).map_err(|e| js_error(&e))?;
    let range = IdbKeyRange::lower_bound(&layer_range(page, None).0).map_err(|e| js_error(&e))?;
    let keys = store.get_all_keys_with_key_and_limit(&range, 1).map_err(|e| js_error(&e))?;
    let keys = js_sys::Array::from(&result(&keys).await?);
    match keys.length() {
        0 => Ok(None),
        _ => parse_layer_key(&keys.get(0)).map(|k| Some(k.page)).map_err(|k| StoreError::Corrupt(format!("a page of the journal has an invalid key {k}"))),
    }
}

/// Every layer of `page`, oldest first.
pub(crate) async fn page_layers(db: &IdbDatabase, page: u64) -> Result<Vec<Vec<u8>>, StoreError> {
    let tx = transaction(db, &[JOURNAL_LAYERS], IdbTransactionMode::Readonly)?;
    let store = tx.object_store(JOURNAL_LAYERS).map_err(|e| js_error(&e))?;
    values(&result(&read_layers(&store, page)?).await?, "a page of the journal")
}
