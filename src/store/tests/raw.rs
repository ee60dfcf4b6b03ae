//! A second, plain IndexedDB connection, for looking at or damaging records behind the
//! store, and fresh database names.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsValue;

use crate::domain::{ListId, Workspace};
use crate::store::{Store, StoreError};

pub(super) fn fresh_name(test: &str) -> String {
    format!("test-{test}-{}-{}", js_sys::Date::now(), (js_sys::Math::random() * 1e9) as u64)
}

pub(super) async fn reload(name: &str) -> Result<Workspace, StoreError> {
    let store = Store::open(name).await?;
    let ws = store.load().await;
    store.close();
    ws
}

/// A second, plain connection, for looking at or damaging records behind the store.
pub(super) async fn raw_db(name: &str) -> Database {
    Database::open(name).await.expect("raw open")
}

pub(super) async fn raw_page_keys(name: &str) -> Vec<(u32, u32)> {
    let db = raw_db(name).await;
    let tx = db.transaction("pages").with_mode(TransactionMode::Readonly).build().expect("tx");
    let store = tx.object_store("pages").expect("store");
    let keys: Vec<JsValue> =
        store.get_all_keys::<JsValue>().primitive().expect("req").await.expect("keys").map(|k| k.expect("key")).collect();
    drop(tx);
    db.close();
    keys.iter()
        .map(|k| {
            let a = Array::from(k);
            (a.get(0).as_f64().expect("list") as u32, a.get(1).as_f64().expect("page") as u32)
        })
        .collect()
}

pub(super) async fn raw_put(name: &str, store_name: &str, key: JsValue, value: JsValue) {
    let db = raw_db(name).await;
    let tx = db.transaction(store_name).with_mode(TransactionMode::Readwrite).build().expect("tx");
    let store = tx.object_store(store_name).expect("store");
    drop(store.put(value).with_key(key).primitive().expect("put"));
    tx.commit().await.expect("commit");
    db.close();
}

/// The keys of a store of small records (fields, tags, agents, dispositions).
pub(super) async fn raw_record_keys(name: &str, store_name: &str) -> Vec<u32> {
    let db = raw_db(name).await;
    let tx = db.transaction(store_name).with_mode(TransactionMode::Readonly).build().expect("tx");
    let store = tx.object_store(store_name).expect("store");
    let keys: Vec<u32> = store
        .get_all_keys::<JsValue>()
        .primitive()
        .expect("req")
        .await
        .expect("keys")
        .map(|k| k.expect("key").as_f64().expect("numeric key") as u32)
        .collect();
    drop(tx);
    db.close();
    keys
}

/// Every stored value of a store, as bytes.
pub(super) async fn raw_values(name: &str, store_name: &str) -> Vec<Vec<u8>> {
    let db = raw_db(name).await;
    let tx = db.transaction(store_name).with_mode(TransactionMode::Readonly).build().expect("tx");
    let store = tx.object_store(store_name).expect("store");
    let values: Vec<Vec<u8>> = store
        .get_all::<JsValue>()
        .primitive()
        .expect("req")
        .await
        .expect("values")
        .map(|v| Uint8Array::new(&v.expect("value")).to_vec())
        .collect();
    drop(tx);
    db.close();
    values
}

pub(super) async fn raw_store_names(name: &str) -> Vec<String> {
    let db = raw_db(name).await;
    let names = db.object_store_names().collect();
    db.close();
    names
}

pub(super) fn page_key_js(list: ListId, page: u32) -> JsValue {
    Array::of2(&JsValue::from(list.get()), &JsValue::from(page)).into()
}

/// Puts `value` under `key` in `store_name` of an already open database (the journal's
/// own, in a storage bucket).
pub(super) async fn raw_put_in(db: &web_sys::IdbDatabase, store_name: &str, key: &JsValue, value: &JsValue) {
    let tx = db.transaction_with_str_and_mode(store_name, web_sys::IdbTransactionMode::Readwrite).expect("tx");
    tx.object_store(store_name).expect("store").put_with_key(value, key).expect("put");
    crate::store::raw_idb::completed(&tx).await.expect("commit");
}

/// Every value of `store_name` in an already open database, as bytes.
pub(super) async fn raw_values_in(db: &web_sys::IdbDatabase, store_name: &str) -> Vec<Vec<u8>> {
    let tx = db.transaction_with_str(store_name).expect("tx");
    let request = tx.object_store(store_name).expect("store").get_all().expect("getAll");
    let values = crate::store::raw_idb::result(&request).await.expect("values");
    Array::from(&values).iter().map(|v| Uint8Array::new(&v).to_vec()).collect()
}
