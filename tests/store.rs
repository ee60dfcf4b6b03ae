#![cfg(target_arch = "wasm32")]
//! The IndexedDB store in a real browser (headless Chromium). Every test uses its own
//! fresh database. Run with:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test store`

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use contacts_manager::domain::{
    Change, Contact, ContactData, ContactDraft, ContactField, ContactId, ContactList, ListDraft, ListId,
    PageKey, Timestamp, Workspace, WorkspaceMeta,
};
use contacts_manager::store::{request_handover, LockOutcome, Store, StoreError, TabLock, VERSION};
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// ---- helpers ------------------------------------------------------------------------

fn fresh_name(test: &str) -> String {
    format!("test-{test}-{}-{}", js_sys::Date::now(), (js_sys::Math::random() * 1e9) as u64)
}

const T0: Timestamp = Timestamp::from_millis(1_764_000_000_000);

fn list_draft(name: &str) -> ListDraft {
    ListDraft { name: name.into(), description: format!("about {name}"), ..ListDraft::default() }
}

fn contact_draft(list: ListId, first: &str, last: &str) -> ContactDraft {
    let mut d = ContactDraft { list_id: Some(list), ..Default::default() };
    d.set(ContactField::FirstName, first);
    d.set(ContactField::LastName, last);
    d.set(ContactField::Email, format!("{}@example.com", first.to_lowercase()));
    d.set(ContactField::Phone, "+39 333 123 4567");
    d.set(ContactField::City, "Torino");
    d
}

fn bulk_data(list: ListId, n: usize) -> Vec<ContactData> {
    (0..n)
        .map(|i| {
            let mut d = ContactDraft { list_id: Some(list), ..Default::default() };
            d.set(ContactField::FirstName, format!("Person{i}"));
            d.set(ContactField::Company, format!("Company {}", i % 97));
            d.validate().expect("valid bulk draft").1
        })
        .collect()
}

/// Everything a user could see, independent of the workspace's internal layout.
#[derive(Debug, PartialEq)]
struct Snapshot {
    meta: WorkspaceMeta,
    lists: Vec<ContactList>,
    counts: Vec<usize>,
    contacts: Vec<Contact>,
}

fn snapshot(ws: &Workspace) -> Snapshot {
    let meta = ws.meta().clone();
    let lists: Vec<ContactList> = ws.lists().into_iter().cloned().collect();
    let counts = lists.iter().map(|l| ws.contact_count(l.id)).collect();
    let contacts = (0..=meta.next_contact_id).filter_map(|id| ws.contact(ContactId::new(id)).cloned()).collect();
    Snapshot { meta, lists, counts, contacts }
}

async fn reload(name: &str) -> Result<Workspace, StoreError> {
    let store = Store::open(name).await?;
    let ws = store.load().await;
    store.close();
    ws
}

/// A second, plain connection, for looking at or damaging records behind the store.
async fn raw_db(name: &str) -> Database {
    Database::open(name).await.expect("raw open")
}

async fn raw_page_keys(name: &str) -> Vec<(u32, u32)> {
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

async fn raw_put(name: &str, store_name: &str, key: JsValue, value: JsValue) {
    let db = raw_db(name).await;
    let tx = db.transaction(store_name).with_mode(TransactionMode::Readwrite).build().expect("tx");
    let store = tx.object_store(store_name).expect("store");
    drop(store.put(value).with_key(key).primitive().expect("put"));
    tx.commit().await.expect("commit");
    db.close();
}

fn page_key_js(list: ListId, page: u32) -> JsValue {
    Array::of2(&JsValue::from(list.get()), &JsValue::from(page)).into()
}

/// Two lists, three contacts, one edited and one deleted: every kind of record.
async fn seed(store: &Store, ws: &mut Workspace) -> (ListId, ListId) {
    let (a, ch) = ws.create_list(&list_draft("Leads"), T0).expect("list a");
    store.commit(ws, &ch).await.expect("commit list a");
    let (b, ch) = ws.create_list(&list_draft("Customers"), T0).expect("list b");
    store.commit(ws, &ch).await.expect("commit list b");
    let mut ids = Vec::new();
    for (list, first, last) in [(a, "Ada", "Lovelace"), (a, "Alan", "Turing"), (b, "Grace", "Hopper")] {
        let (id, ch) = ws.create_contact(&contact_draft(list, first, last), T0).expect("contact");
        store.commit(ws, &ch).await.expect("commit contact");
        ids.push(id);
    }
    let mut edited = contact_draft(b, "Grace", "Brewster Hopper");
    edited.set(ContactField::Mobile, "0039 333-7654321");
    let ch = ws.update_contact(ids[2], &edited, T0).expect("edit");
    store.commit(ws, &ch).await.expect("commit edit");
    let ch = ws.delete_contacts(&[ids[1]]).expect("delete");
    store.commit(ws, &ch).await.expect("commit delete");
    (a, b)
}

// ---- tests --------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn commit_then_reload_gives_the_same_workspace() {
    let name = fresh_name("roundtrip");
    let store = Store::open(&name).await.expect("open");
    assert_eq!(store.version(), VERSION);
    let empty = store.load().await.expect("load empty");
    assert_eq!(empty.total_contacts(), 0);
    assert_eq!(empty.meta(), &WorkspaceMeta::default());

    let mut ws = Workspace::new();
    seed(&store, &mut ws).await;
    let before = snapshot(&ws);
    assert_eq!(before.lists.len(), 2);
    assert_eq!(before.contacts.len(), 2);
    store.close();

    let loaded = reload(&name).await.expect("reload");
    assert_eq!(snapshot(&loaded), before);
    let grace = loaded.contact(before.contacts[1].id).expect("grace");
    assert_eq!(grace.data.get(ContactField::LastName), Some("Brewster Hopper"));
    assert_eq!(grace.data.get(ContactField::Mobile).map(str::to_string), Some("393337654321".to_string()));
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn many_pages_round_trip_in_one_commit_and_in_chunks() {
    let name = fresh_name("bulk");
    let store = Store::open(&name).await.expect("open");
    let mut ws = Workspace::new();
    let (one, ch) = ws.create_list(&list_draft("Import one"), T0).expect("list");
    store.commit(&ws, &ch).await.expect("commit list");
    let (_, ch) = ws.add_contacts(one, bulk_data(one, 20_000), T0).expect("add");
    assert!(ch.pages_put.len() >= 20_000 / 512, "{} pages", ch.pages_put.len());
    let t = js_sys::Date::now();
    store.commit(&ws, &ch).await.expect("bulk commit");
    console_log!("one transaction: {} pages, 20000 contacts in {} ms", ch.pages_put.len(), js_sys::Date::now() - t);

    let (two, ch) = ws.create_list(&list_draft("Import two"), T0).expect("list");
    store.commit(&ws, &ch).await.expect("commit list");
    let (_, ch) = ws.add_contacts(two, bulk_data(two, 5_000), T0).expect("add");
    let t = js_sys::Date::now();
    store.commit_chunked(&ws, &ch, 3).await.expect("chunked commit");
    console_log!("chunked: {} pages in {} ms", ch.pages_put.len(), js_sys::Date::now() - t);
    store.close();

    let loaded = reload(&name).await.expect("reload");
    assert_eq!(loaded.total_contacts(), 25_000);
    assert_eq!(loaded.contact_count(one), 20_000);
    assert_eq!(loaded.contact_count(two), 5_000);
    assert_eq!(snapshot(&loaded), snapshot(&ws));
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn deleting_a_list_removes_its_pages() {
    let name = fresh_name("delete-list");
    let store = Store::open(&name).await.expect("open");
    let mut ws = Workspace::new();
    let (big, ch) = ws.create_list(&list_draft("Big"), T0).expect("list");
    store.commit(&ws, &ch).await.expect("commit");
    let (_, ch) = ws.add_contacts(big, bulk_data(big, 700), T0).expect("add");
    store.commit(&ws, &ch).await.expect("commit");
    let (small, ch) = ws.create_list(&list_draft("Small"), T0).expect("list");
    store.commit(&ws, &ch).await.expect("commit");
    let (_, ch) = ws.create_contact(&contact_draft(small, "Ada", "Lovelace"), T0).expect("contact");
    store.commit(&ws, &ch).await.expect("commit");
    let keys = raw_page_keys(&name).await;
    assert_eq!(keys.iter().filter(|k| k.0 == big.get()).count(), 2, "700 contacts take two pages: {keys:?}");

    let ch = ws.delete_lists(&[big]).expect("delete list");
    store.commit(&ws, &ch).await.expect("commit delete");
    store.close();

    let keys = raw_page_keys(&name).await;
    assert!(keys.iter().all(|k| k.0 != big.get()), "pages of the deleted list remain: {keys:?}");
    assert!(keys.iter().any(|k| k.0 == small.get()));
    let loaded = reload(&name).await.expect("reload");
    assert!(loaded.list(big).is_none());
    assert_eq!(loaded.total_contacts(), 1);
    assert_eq!(snapshot(&loaded), snapshot(&ws));
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn a_merged_change_whose_pages_are_gone_leaves_no_stale_pages() {
    let name = fresh_name("merged");
    let store = Store::open(&name).await.expect("open");
    let mut ws = Workspace::new();
    let (keep, ch) = ws.create_list(&list_draft("Keep"), T0).expect("list");
    store.commit(&ws, &ch).await.expect("commit");
    let (_, ch) = ws.add_contacts(keep, bulk_data(keep, 3), T0).expect("add");
    store.commit(&ws, &ch).await.expect("commit");

    // Several commands committed together: a list is created, filled and deleted
    // again, so the change names pages the workspace no longer has.
    let (gone, mut change) = ws.create_list(&list_draft("Gone"), T0).expect("list");
    let (_, ch) = ws.add_contacts(gone, bulk_data(gone, 600), T0).expect("add");
    change.merge(ch);
    change.merge(ws.delete_lists(&[gone]).expect("delete"));
    store.commit(&ws, &change).await.expect("commit merged");

    // A page named in `pages_put` that the workspace no longer has is deleted.
    raw_put(&name, "pages", page_key_js(keep, 9), Uint8Array::from(&[1u8, 2, 3][..]).into()).await;
    assert!(raw_page_keys(&name).await.contains(&(keep.get(), 9)));
    let stale = Change { pages_put: vec![PageKey { list: keep, page: 9 }], ..Change::default() };
    store.commit(&ws, &stale).await.expect("commit stale page");
    store.close();

    let keys = raw_page_keys(&name).await;
    assert!(keys.iter().all(|k| k.0 == keep.get()) && !keys.contains(&(keep.get(), 9)), "stale pages: {keys:?}");
    let loaded = reload(&name).await.expect("reload");
    assert!(loaded.list(gone).is_none());
    assert_eq!(snapshot(&loaded), snapshot(&ws));
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn a_version_1_database_migrates_to_the_current_schema() {
    let name = fresh_name("migrate");
    let old = Store::open_at_version(&name, 1).await.expect("open v1");
    assert_eq!(old.version(), 1);
    let mut ws = Workspace::new();
    seed(&old, &mut ws).await;
    // Version 1 has no settings store.
    assert!(old.get_setting("page_size").await.is_err());
    old.close();

    let store = Store::open(&name).await.expect("open current");
    assert_eq!(store.version(), VERSION);
    let loaded = store.load().await.expect("load after migration");
    assert_eq!(snapshot(&loaded), snapshot(&ws));
    assert_eq!(store.get_setting("page_size").await.expect("get"), None);
    store.put_setting("page_size", "50").await.expect("put");
    store.close();

    let store = Store::open(&name).await.expect("reopen");
    assert_eq!(store.get_setting("page_size").await.expect("get"), Some("50".to_string()));
    assert_eq!(snapshot(&store.load().await.expect("load")), snapshot(&ws));
    store.close();
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn a_failed_transaction_leaves_the_data_as_it_was() {
    let name = fresh_name("abort");
    let store = Store::open(&name).await.expect("open");
    let mut ws = Workspace::new();
    let (a, b) = seed(&store, &mut ws).await;
    let committed = snapshot(&ws);

    // A change touching every store: delete a list (and its pages), add a list and
    // contacts, which also moves the id counters in meta.
    let mut change = ws.delete_lists(&[a]).expect("delete list");
    let (c, ch) = ws.create_list(&list_draft("New"), T0).expect("list");
    change.merge(ch);
    let (_, ch) = ws.add_contacts(c, bulk_data(c, 600), T0).expect("add");
    change.merge(ch);
    let (_, ch) = ws.create_contact(&contact_draft(b, "Katherine", "Johnson"), T0).expect("contact");
    change.merge(ch);
    assert!(change.meta && !change.lists_deleted.is_empty() && !change.pages_put.is_empty());

    let err = store.commit_with_injected_failure(&ws, &change).await.expect_err("must fail");
    assert!(matches!(&err, StoreError::Aborted(m) if m.contains("ConstraintError")), "{err:?}");
    store.close();
    let loaded = reload(&name).await.expect("reload after failure");
    assert_eq!(snapshot(&loaded), committed, "a failed commit changed stored data");

    // The same change without the failure does land: the check above could fail.
    let store = Store::open(&name).await.expect("open");
    store.commit(&ws, &change).await.expect("commit");
    store.close();
    let loaded = reload(&name).await.expect("reload");
    assert_eq!(snapshot(&loaded), snapshot(&ws));
    assert_ne!(snapshot(&loaded), committed);
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn damaged_records_give_corrupt_not_a_panic() {
    let name = fresh_name("corrupt");
    let store = Store::open(&name).await.expect("open");
    let mut ws = Workspace::new();
    let (a, _) = seed(&store, &mut ws).await;
    store.close();

    let garbage = Uint8Array::from(&[0xFFu8, 0x13, 0x37, 0x00, 0x42][..]);
    raw_put(&name, "pages", page_key_js(a, 0), garbage.into()).await;
    match reload(&name).await {
        Err(StoreError::Corrupt(m)) => assert!(m.contains(&format!("list {a}")), "{m}"),
        other => panic!("expected Corrupt, got {:?}", other.map(|w| w.total_contacts())),
    }

    raw_put(&name, "pages", page_key_js(a, 0), JsValue::from_str("not bytes")).await;
    assert!(matches!(reload(&name).await, Err(StoreError::Corrupt(m)) if m.contains("not stored as bytes")));

    raw_put(&name, "pages", page_key_js(a, 0), Uint8Array::new_with_length(0).into()).await;
    assert!(matches!(reload(&name).await, Err(StoreError::Corrupt(_))));

    raw_put(&name, "meta", JsValue::from_str("meta"), Uint8Array::from(&[0xFEu8][..]).into()).await;
    assert!(matches!(reload(&name).await, Err(StoreError::Corrupt(m)) if m.contains("workspace")));
    Store::delete_database(&name).await.expect("delete db");
}

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
fn dom_exception_names_map_to_user_errors() {
    assert_eq!(StoreError::from_dom_exception("QuotaExceededError", "full"), StoreError::QuotaExceeded);
    assert_eq!(
        StoreError::from_dom_exception("ConstraintError", "dup"),
        StoreError::Aborted("ConstraintError: dup".into())
    );
}

#[wasm_bindgen_test]
async fn one_tab_holds_the_lock_and_hands_it_over_on_request() {
    let name = fresh_name("lock");
    let first = match TabLock::acquire(&name).await.expect("acquire") {
        LockOutcome::Acquired(lock) => lock,
        LockOutcome::HeldElsewhere => panic!("a fresh lock was held"),
    };
    assert!(first.is_enforced(), "Chromium has Web Locks");
    assert!(matches!(TabLock::acquire(&name).await.expect("second"), LockOutcome::HeldElsewhere));

    // The active "tab" lets go when asked, as the UI will.
    let holder: Rc<RefCell<Option<TabLock>>> = Rc::default();
    let asked = Rc::new(Cell::new(false));
    let mut first = first;
    first
        .on_release_requested({
            let holder = Rc::clone(&holder);
            let asked = Rc::clone(&asked);
            move || {
                asked.set(true);
                let holder = Rc::clone(&holder);
                // Release outside the message handler (it belongs to the lock).
                wasm_bindgen_futures::spawn_local(async move { drop(holder.borrow_mut().take()) });
            }
        })
        .expect("listen");
    *holder.borrow_mut() = Some(first);

    request_handover(&name).expect("ask");
    let second = TabLock::wait_acquire(&name).await.expect("wait");
    assert!(asked.get() && holder.borrow().is_none());
    assert!(matches!(TabLock::acquire(&name).await.expect("third"), LockOutcome::HeldElsewhere));
    second.release_and_wait().await;
    assert!(matches!(TabLock::acquire(&name).await.expect("fourth"), LockOutcome::Acquired(_)));
}

#[wasm_bindgen_test]
async fn storage_helpers_answer() {
    let estimate = contacts_manager::store::storage::storage_estimate().await.expect("estimate");
    assert!(estimate.quota > 0.0);
    let _ = contacts_manager::store::storage::request_persistent().await;
}
