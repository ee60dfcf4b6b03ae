//! The first screen in localStorage: read by name before any database is open, gone
//! with its database, and not kept while a write is under way (it might not land).

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen_test::*;

use super::raw::fresh_name;
use crate::domain::first_screen::{FirstRow, FirstScreen};
use crate::domain::Workspace;
use crate::persist::suite::fixtures::{list_draft, T0};
use crate::store::{first_screen, Store};

fn screen() -> FirstScreen {
    let row = FirstRow { first_name: "Ada".into(), email: "ada@example.com".into(), ..FirstRow::default() };
    FirstScreen { count: 1, page_size: 25, rows: vec![row], ..FirstScreen::default() }
}

#[wasm_bindgen_test]
async fn kept_for_its_database_read_before_opening_and_deleted_with_it() {
    let (name, other) = (fresh_name("first-screen"), fresh_name("first-screen-other"));
    let store = Store::open(&name).await.expect("open");
    assert!(store.keep_first_screen(&screen()));
    assert_eq!(first_screen::read(&name), Some(screen()), "read by name, no database needed");
    assert_eq!(first_screen::read(&other), None, "each database its own");
    store.close();
    Store::delete_database(&name).await.expect("delete db");
    assert_eq!(first_screen::read(&name), None, "deleting the database forgets it");
}

#[wasm_bindgen_test]
async fn none_is_kept_while_a_write_is_under_way() {
    let name = fresh_name("first-screen-writing");
    let store = Rc::new(Store::open(&name).await.expect("open"));
    let mut ws = Workspace::new();
    let (_, change) = ws.create_list(&list_draft("Leads"), T0).expect("list");
    let done = Rc::new(Cell::new(false));
    let (writer, landed) = (Rc::clone(&store), Rc::clone(&done));
    wasm_bindgen_futures::spawn_local(async move {
        writer.commit(&ws, &change).await.expect("commit");
        landed.set(true);
    });
    // The spawned commit has started (its first poll ran in the microtask before this
    // one) and waits for IndexedDB, which answers in a later task.
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL)).await.expect("a microtask");
    assert!(!done.get(), "the commit is still under way");
    assert!(!store.keep_first_screen(&screen()), "refused while the commit is under way");
    while !done.get() {
        gloo_timers::future::TimeoutFuture::new(5).await;
    }
    assert!(store.keep_first_screen(&screen()), "kept once it landed");
    assert_eq!(store.first_screen(), Some(screen()));
    drop(store);
    Store::delete_database(&name).await.expect("delete db");
}
