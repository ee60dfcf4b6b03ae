//! Shared checks: the workspace round trip, contact pages (one commit and chunked,
//! deleted lists, merged changes), all-or-nothing commits, damaged bytes, settings.

use super::fixtures::{bulk_data, contact_draft, list_draft, seed, snapshot, T0};
use super::Backend;
use crate::domain::{ContactField, PageKey, Workspace, WorkspaceMeta};
use crate::persist::writes::Target;
use crate::persist::StoreError;

pub(crate) async fn commit_then_reload_gives_the_same_workspace(b: &dyn Backend) {
    let store = b.store();
    let empty = store.load().await.expect("load empty");
    assert_eq!(empty.total_contacts(), 0);
    assert_eq!(empty.meta(), &WorkspaceMeta::default());

    let mut ws = Workspace::new();
    seed(store, &mut ws).await;
    let before = snapshot(&ws);
    assert_eq!(before.lists.len(), 2);
    assert_eq!(before.contacts.len(), 2);

    let loaded = b.reload().await.expect("reload");
    assert_eq!(snapshot(&loaded), before);
    let grace = loaded.contact(before.contacts[1].id).expect("grace");
    assert_eq!(grace.data.get(ContactField::LastName), Some("Brewster Hopper"));
    assert_eq!(grace.data.get(ContactField::Mobile).map(str::to_string), Some("393337654321".to_string()));
}

pub(crate) async fn many_pages_round_trip_in_one_commit_and_in_chunks(b: &dyn Backend) {
    let store = b.store();
    let mut ws = Workspace::new();
    let (one, ch) = ws.create_list(&list_draft("Import one"), T0).expect("list");
    store.commit(&ws, &ch).await.expect("commit list");
    let (_, ch) = ws.add_contacts(one, bulk_data(one, 20_000), T0).expect("add");
    assert!(ch.pages_put.len() >= 20_000 / 512, "{} pages", ch.pages_put.len());
    store.commit(&ws, &ch).await.expect("bulk commit");

    let (two, ch) = ws.create_list(&list_draft("Import two"), T0).expect("list");
    store.commit(&ws, &ch).await.expect("commit list");
    let (_, ch) = ws.add_contacts(two, bulk_data(two, 5_000), T0).expect("add");
    store.commit_chunked(&ws, &ch, 3).await.expect("chunked commit");

    let loaded = b.reload().await.expect("reload");
    assert_eq!(loaded.total_contacts(), 25_000);
    assert_eq!(loaded.contact_count(one), 20_000);
    assert_eq!(loaded.contact_count(two), 5_000);
    assert_eq!(snapshot(&loaded), snapshot(&ws));
}

pub(crate) async fn deleting_a_list_removes_its_pages(b: &dyn Backend) {
    let store = b.store();
    let mut ws = Workspace::new();
    let (big, ch) = ws.create_list(&list_draft("Big"), T0).expect("list");
    store.commit(&ws, &ch).await.expect("commit");
    let (_, ch) = ws.add_contacts(big, bulk_data(big, 700), T0).expect("add");
    store.commit(&ws, &ch).await.expect("commit");
    let (small, ch) = ws.create_list(&list_draft("Small"), T0).expect("list");
    store.commit(&ws, &ch).await.expect("commit");
    let (_, ch) = ws.create_contact(&contact_draft(small, "Ada", "Lovelace"), T0).expect("contact");
    store.commit(&ws, &ch).await.expect("commit");
    let keys = b.page_keys().await;
    assert_eq!(keys.iter().filter(|k| k.0 == big.get()).count(), 2, "700 contacts take two pages: {keys:?}");

    let ch = ws.delete_lists(&[big], T0).expect("delete list");
    store.commit(&ws, &ch).await.expect("commit delete");

    let keys = b.page_keys().await;
    assert!(keys.iter().all(|k| k.0 != big.get()), "pages of the deleted list remain: {keys:?}");
    assert!(keys.iter().any(|k| k.0 == small.get()));
    let loaded = b.reload().await.expect("reload");
    assert!(loaded.list(big).is_none());
    assert_eq!(loaded.total_contacts(), 1);
    assert_eq!(snapshot(&loaded), snapshot(&ws));
}

pub(crate) async fn a_merged_change_whose_pages_are_gone_leaves_no_stale_pages(b: &dyn Backend) {
    let store = b.store();
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
    change.merge(ws.delete_lists(&[gone], T0).expect("delete"));
    store.commit(&ws, &change).await.expect("commit merged");

    // A page named in `pages_put` that the workspace no longer has is deleted.
    let stale_key = PageKey { list: keep, page: 9 };
    b.put_raw(Target::Page(stale_key), vec![1, 2, 3]).await;
    assert!(b.page_keys().await.contains(&(keep.get(), 9)));
    let stale = crate::domain::Change { pages_put: vec![stale_key], ..Default::default() };
    store.commit(&ws, &stale).await.expect("commit stale page");

    let keys = b.page_keys().await;
    assert!(keys.iter().all(|k| k.0 == keep.get()) && !keys.contains(&(keep.get(), 9)), "stale pages: {keys:?}");
    let loaded = b.reload().await.expect("reload");
    assert!(loaded.list(gone).is_none());
    assert_eq!(snapshot(&loaded), snapshot(&ws));
}

pub(crate) async fn a_failed_transaction_leaves_the_data_as_it_was(b: &dyn Backend) {
    let store = b.store();
    let mut ws = Workspace::new();
    let (a, bb) = seed(store, &mut ws).await;
    let committed = snapshot(&ws);

    // A change touching every store: delete a list (and its pages), add a list and
    // contacts, which also moves the id counters in meta.
    let mut change = ws.delete_lists(&[a], T0).expect("delete list");
    let (c, ch) = ws.create_list(&list_draft("New"), T0).expect("list");
    change.merge(ch);
    let (_, ch) = ws.add_contacts(c, bulk_data(c, 600), T0).expect("add");
    change.merge(ch);
    let (_, ch) = ws.create_contact(&contact_draft(bb, "Katherine", "Johnson"), T0).expect("contact");
    change.merge(ch);
    assert!(change.meta && !change.lists_deleted.is_empty() && !change.pages_put.is_empty());

    let err = b.commit_failing(&ws, &change).await;
    assert!(matches!(&err, StoreError::Aborted(m) if m.contains("ConstraintError")), "{err:?}");
    let loaded = b.reload().await.expect("reload after failure");
    assert_eq!(snapshot(&loaded), committed, "a failed commit changed stored data");

    // The same change without the failure does land: the check above could fail.
    store.commit(&ws, &change).await.expect("commit");
    let loaded = b.reload().await.expect("reload");
    assert_eq!(snapshot(&loaded), snapshot(&ws));
    assert_ne!(snapshot(&loaded), committed);
}

pub(crate) async fn damaged_records_give_corrupt_not_a_panic(b: &dyn Backend) {
    let mut ws = Workspace::new();
    let (a, _) = seed(b.store(), &mut ws).await;
    let first_page = Target::Page(PageKey { list: a, page: 0 });

    b.put_raw(first_page, vec![0xFF, 0x13, 0x37, 0x00, 0x42]).await;
    match b.reload().await {
        Err(StoreError::Corrupt(m)) => assert!(m.contains(&format!("list {a}")), "{m}"),
        other => panic!("expected Corrupt, got {:?}", other.map(|w| w.total_contacts())),
    }

    b.put_raw(first_page, Vec::new()).await;
    assert!(matches!(b.reload().await, Err(StoreError::Corrupt(_))));

    b.put_raw(Target::Meta, vec![0xFE]).await;
    assert!(matches!(b.reload().await, Err(StoreError::Corrupt(m)) if m.contains("workspace")));
}

pub(crate) async fn settings_round_trip(b: &dyn Backend) {
    let store = b.store();
    assert_eq!(store.setting("page_size").await.expect("get"), None);
    store.put_setting("page_size", "50").await.expect("put");
    store.put_setting("viewing_as", "").await.expect("put empty");
    store.put_setting("page_size", "100").await.expect("overwrite");
    assert_eq!(store.setting("page_size").await.expect("get"), Some("100".to_string()));
    assert_eq!(store.setting("viewing_as").await.expect("get"), Some(String::new()));
    assert_eq!(store.setting("other").await.expect("get"), None);
}
