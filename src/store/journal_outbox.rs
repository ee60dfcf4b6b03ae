//! The outbox in the workspace's database (`persist::outbox` says why): the record put
//! in a commit's transaction, removed once its requests are in the bucket, and what a
//! closed tab left behind applied again.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use indexed_db_futures::KeyRange;
use wasm_bindgen::JsValue;
use web_sys::IdbDatabase;

use super::commit::issued;
use super::error::StoreError;
use super::journal_ops;
use super::keys::js_to_bytes;
use super::schema::OUTBOX;
use crate::persist::outbox;

/// Deletes the outbox record `key` (its requests are in the bucket).
pub(crate) async fn remove(main: &Database, key: f64) -> Result<(), StoreError> {
    let tx = main.transaction(OUTBOX).with_mode(TransactionMode::Readwrite).build()?;
    let store = tx.object_store(OUTBOX)?;
    issued(store.delete(key).primitive()?);
    tx.commit().await?;
    Ok(())
}

/// Applies every outbox record to `bucket`, oldest first, in one transaction, then
/// deletes them. Nothing to do (one empty read) in the usual case.
pub(crate) async fn replay(main: &Database, bucket: &IdbDatabase) -> Result<(), StoreError> {
    let tx = main.transaction(OUTBOX).with_mode(TransactionMode::Readonly).build()?;
    let store = tx.object_store(OUTBOX)?;
    let keys = store.get_all_keys::<JsValue>().primitive()?;
    let values = store.get_all::<JsValue>().primitive()?;
    let keys: Vec<f64> = keys.await?.filter_map(|k| k.ok().and_then(|k| k.as_f64())).collect();
    let mut writes = Vec::new();
    for value in values.await? {
        let bytes = js_to_bytes(&value?).ok_or_else(|| StoreError::Corrupt("an unfinished save of interactions is not bytes".into()))?;
        writes.extend(outbox::decode(&bytes)?);
    }
    drop(tx);
    let Some(&last) = keys.last() else { return Ok(()) };
    leptos::logging::log!("applying {} unfinished save(s) of interactions", keys.len());
    journal_ops::apply(bucket, &writes).await?;
    let tx = main.transaction(OUTBOX).with_mode(TransactionMode::Readwrite).build()?;
    let store = tx.object_store(OUTBOX)?;
    issued(store.delete::<JsValue, _>(KeyRange::UpperBound(JsValue::from_f64(last), false)).primitive()?);
    tx.commit().await?;
    Ok(())
}
