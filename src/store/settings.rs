//! UI settings (page size, last filter...): one string record per name.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;

use super::error::StoreError;
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
