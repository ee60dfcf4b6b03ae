//! Connections: another tab's upgrade closes ours, an old connection that will not
//! close reports Blocked, a newer schema is refused; and values that are not bytes
//! (only IndexedDB can hold those) are damage, not a panic.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

use super::raw::{fresh_name, page_key_js, raw_db, raw_put, reload};
use crate::domain::Workspace;
use crate::persist::suite::fixtures::{catalog, seed};
use crate::store::{Store, StoreError, VERSION};


#[wasm_bindgen_test]
async fn an_upgrade_in_another_tab_closes_this_connection() {
    let name = fresh_name("versionchange");
    let old = Store::open_at_version(&name, 1).await.expect("open v1");
    let told = Rc::new(Cell::new(false));
    old.on_closed_by_other_tab({
        let told = Rc::clone(&told);
        move || told.set(true)
    });
    let new = Store::open(&name).await.expect("upgrade is not blocked by our own old connection");
    assert_eq!(new.version(), VERSION);
    assert!(old.is_closed() && told.get());
    assert_eq!(old.load().await.err(), Some(StoreError::Closed));
    new.close();
    old.close();
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn an_old_connection_that_will_not_close_reports_blocked() {
    let name = fresh_name("blocked");
    // A connection that ignores versionchange, like an older app version in a tab.
    Store::open_at_version(&name, 1).await.expect("create v1").close();
    let stubborn = raw_db(&name).await;
    assert_eq!(stubborn.version(), 1.0);
    let err = Store::open(&name).await.err();
    assert_eq!(err, Some(StoreError::Blocked));
    stubborn.close();
    // Once it is gone the upgrade completes and the schema is whole.
    let store = Store::open(&name).await.expect("open after the old tab closed");
    assert_eq!(store.version(), VERSION);
    store.put_setting("x", "y").await.expect("settings store exists");
    assert_eq!(store.load().await.expect("load").total_contacts(), 0);
    store.close();
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn data_from_a_newer_app_version_is_refused_clearly() {
    let name = fresh_name("newer");
    Store::open_at_version(&name, VERSION + 1).await.expect("a future schema").close();
    assert_eq!(Store::open(&name).await.err(), Some(StoreError::NewerVersion));
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn values_that_are_not_bytes_give_corrupt() {
    let name = fresh_name("not-bytes");
    let store = Store::open(&name).await.expect("open");
    let mut ws = Workspace::new();
    let (a, _) = seed(&store, &mut ws).await;
    let c = catalog(&store, &mut ws).await;
    store.close();

    raw_put(&name, "pages", page_key_js(a, 0), JsValue::from_str("not bytes")).await;
    assert!(matches!(reload(&name).await, Err(StoreError::Corrupt(m)) if m.contains("not stored as bytes")));

    let store = Store::open(&name).await.expect("reopen");
    let pages = crate::domain::Change { pages_put: vec![crate::domain::PageKey { list: a, page: 0 }], ..Default::default() };
    store.commit(&ws, &pages).await.expect("repair the page");
    store.close();
    let vip_key = JsValue::from_f64(f64::from(c.vip.get()));
    raw_put(&name, "tags", vip_key, JsValue::from_str("not bytes")).await;
    assert!(matches!(reload(&name).await, Err(StoreError::Corrupt(m)) if m.contains("not stored as bytes") && m.contains("tag")));
    Store::delete_database(&name).await.expect("delete db");
}
