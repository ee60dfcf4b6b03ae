//! UI settings (page size, last filter...): one string record per name.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;

use indexed_db_futures::internals::SystemRepr;

use super::error::StoreError;
use super::raw_idb::{js_error, result};
use super::schema::SETTINGS;

pub(crate) async fn get(db: &Database, name: &str) -> Result<Option<String>, StoreError> {
    let tx = db.transaction(SETTINGS).with_mode(TransactionMode::Readonly).build()?;
    let store = tx.object_store(SETTINGS)?;
    let value: Option<String> = store.get(name).primitive()?.await?;
    Ok(value)
}

pub(crate) async fn put(db: &Database, name: &str, value: &str) -> Result<(), StoreError> {
    let tx = db.transaction(SETTINGS).with_mode(TransactionMode::Readwrite).build()?;
    let store = tx.object_store(SETTINGS)?;
    super::commit::issued(store.put(value).with_key(name).primitive()?);
    tx.commit().await?;
    Ok(())
}

/// Every setting, by name, but the store's own (`except`).
pub(crate) async fn all(db: &Database, except: &[&str]) -> Result<Vec<(String, String)>, StoreError> {
    let raw = db.as_sys();
    let tx = raw.transaction_with_str(SETTINGS).map_err(|e| js_error(&e))?;
    let store = tx.object_store(SETTINGS).map_err(|e| js_error(&e))?;
    let keys = store.get_all_keys().map_err(|e| js_error(&e))?;
    let values = store.get_all().map_err(|e| js_error(&e))?;
    let keys = js_sys::Array::from(&result(&keys).await?);
    let values = js_sys::Array::from(&result(&values).await?);
    let pairs = keys.iter().zip(values.iter()).filter_map(|(k, v)| Some((k.as_string()?, v.as_string()?)));
    Ok(pairs.filter(|(name, _)| !except.contains(&name.as_str())).collect())
}
