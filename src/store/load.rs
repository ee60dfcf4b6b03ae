//! Start-up: read every record in one readonly transaction and rebuild the workspace.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use wasm_bindgen::JsValue;

use super::error::StoreError;
use super::keys::{js_to_bytes, parse_page_key};
use super::schema::{LISTS, META, META_KEY, PAGES};
use crate::domain::codec::{decode_list, decode_meta, decode_page};
use crate::domain::{Workspace, WorkspaceMeta};

pub(crate) async fn load(db: &Database) -> Result<Workspace, StoreError> {
    let tx = db.transaction([META, LISTS, PAGES]).with_mode(TransactionMode::Readonly).build()?;
    let meta_store = tx.object_store(META)?;
    let lists_store = tx.object_store(LISTS)?;
    let pages_store = tx.object_store(PAGES)?;

    // Issue every request before awaiting any: one round of reads. getAll and
    // getAllKeys both come back in key order, so values and keys pair up.
    let meta_req = meta_store.get::<JsValue, _, _>(META_KEY).primitive()?;
    let lists_req = lists_store.get_all::<JsValue>().primitive()?;
    let page_keys_req = pages_store.get_all_keys::<JsValue>().primitive()?;
    let pages_req = pages_store.get_all::<JsValue>().primitive()?;

    let meta = match meta_req.await? {
        None => WorkspaceMeta::default(),
        Some(js) => decode_meta(&bytes(&js, "the workspace record")?)
            .map_err(|e| StoreError::Corrupt(format!("the workspace record: {e}")))?,
    };

    let mut lists = Vec::new();
    for (i, js) in lists_req.await?.enumerate() {
        let what = format!("list record #{}", i + 1);
        let list = decode_list(&bytes(&js?, &what)?)
            .map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))?;
        lists.push(list);
    }

    let keys = page_keys_req.await?;
    let values = pages_req.await?;
    if keys.len() != values.len() {
        return Err(StoreError::Corrupt("the pages store returned keys and values that do not pair up".into()));
    }
    let mut pages = Vec::new();
    for (key, value) in keys.zip(values) {
        let key = key?;
        let Some(page_key) = parse_page_key(&key) else {
            return Err(StoreError::Corrupt(format!("a page has an invalid key {key:?}")));
        };
        let what = format!("page {} of list {}", page_key.page, page_key.list);
        let contacts = decode_page(&bytes(&value?, &what)?)
            .map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))?;
        pages.push((page_key, contacts));
    }
    // Readonly: dropping the transaction after the reads is harmless.
    drop(tx);

    Workspace::from_records(meta, lists, pages).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn bytes(js: &JsValue, what: &str) -> Result<Vec<u8>, StoreError> {
    js_to_bytes(js).ok_or_else(|| StoreError::Corrupt(format!("{what} is not stored as bytes")))
}
