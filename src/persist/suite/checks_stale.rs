//! Shared checks of stale copies (`domain::workspace::stale`): a bulk delete leaves
//! the stored pages as they were and names who left them; load drops those; the next
//! write of a page replaces it whole and its record goes; a restore comes back once;
//! a purge leaves no byte of the purged contacts in any page; damaged records are
//! `Corrupt`.

use super::fixtures::{bulk_data, contact_draft, list_draft, snapshot, T0, T1, T2};
use super::{pages_contain, Backend};
use crate::domain::{ContactField, ContactId, ListId, PageKey, Workspace};
use crate::persist::writes::{Shelf, Target};
use crate::persist::StoreError;

/// A list of 600 contacts (pages 0 and 1), the 301st named "Zebedee", committed.
async fn six_hundred(b: &dyn Backend, ws: &mut Workspace) -> (ListId, Vec<ContactId>) {
    let store = b.store();
    let (list, ch) = ws.create_list(&list_draft("Many"), T0).expect("list");
    store.commit(ws, &ch).await.expect("commit list");
    let mut data = bulk_data(list, 600);
    let mut draft = contact_draft(list, "Zebedee", "Quill");
    draft.set(ContactField::Company, "Stale & Sons");
    data[300] = draft.validate().expect("valid").1;
    let (ids, ch) = ws.add_contacts(list, data, T0).expect("add");
    store.commit(ws, &ch).await.expect("commit contacts");
    (list, ids)
}

/// Every third contact, Zebedee among them, from both pages.
fn every_third(ids: &[ContactId]) -> Vec<ContactId> {
    ids.iter().copied().step_by(3).collect()
}

pub(crate) async fn a_bulk_delete_leaves_the_stored_pages_and_load_drops_who_left(b: &dyn Backend) {
    let store = b.store();
    let mut ws = Workspace::new();
    let (list, ids) = six_hundred(b, &mut ws).await;
    let pages_before = b.values(Shelf::Pages).await;
    let doomed = every_third(&ids);
    let (_, change) = ws.delete_contacts(&doomed, T1).expect("delete");
    let keys = [0, 1].map(|page| PageKey { list, page });
    assert!(change.pages_put.is_empty(), "no page rewritten: {:?}", change.pages_put);
    assert_eq!(change.stale_put, keys);
    store.commit(&ws, &change).await.expect("commit the deletion");

    assert_eq!(b.values(Shelf::Pages).await, pages_before, "the stored pages are as they were");
    assert_eq!(b.values(Shelf::Stale).await.len(), 2, "a record of who left, per page");
    let loaded = b.reload().await.expect("reload");
    assert_eq!(snapshot(&loaded), snapshot(&ws));
    assert_eq!(loaded.contact_count(list), 400);
    assert!(doomed.iter().all(|id| loaded.contact(*id).is_none()), "no deleted contact is back");
    let found = loaded.query(&crate::domain::ContactQuery { search: "zebedee".into(), ..Default::default() });
    assert_eq!(found.total, 0, "the search index has no stale copy either");
}

pub(crate) async fn the_next_write_of_a_page_replaces_it_and_drops_its_record(b: &dyn Backend) {
    let store = b.store();
    let mut ws = Workspace::new();
    let (list, ids) = six_hundred(b, &mut ws).await;
    let (_, change) = ws.delete_contacts(&every_third(&ids), T1).expect("delete");
    store.commit(&ws, &change).await.expect("commit the deletion");

    // ids[1] is on page 0: editing it writes page 0 whole.
    let change = ws.update_contact(ids[1], &contact_draft(list, "Edited", "Once"), T2).expect("edit");
    let page0 = PageKey { list, page: 0 };
    assert_eq!((change.pages_put.as_slice(), change.stale_deleted.as_slice()), ([page0].as_slice(), [page0].as_slice()));
    store.commit(&ws, &change).await.expect("commit the edit");
    assert_eq!(b.values(Shelf::Stale).await.len(), 1, "page 1's record is left");
    let loaded = b.reload().await.expect("reload");
    assert_eq!(snapshot(&loaded), snapshot(&ws));
}

pub(crate) async fn a_restore_comes_back_once_and_a_purge_leaves_no_bytes(b: &dyn Backend) {
    let store = b.store();
    let mut ws = Workspace::new();
    let (list, ids) = six_hundred(b, &mut ws).await;
    let doomed = every_third(&ids);
    let (outcome, change) = ws.delete_contacts(&doomed, T1).expect("delete");
    store.commit(&ws, &change).await.expect("commit the deletion");
    let (restored, change) = ws.restore_deletion(outcome.deletion.expect("deletion")).expect("restore");
    assert_eq!(restored.restored, doomed.len());
    store.commit(&ws, &change).await.expect("commit the restore");
    // The restored contacts are at the end of the list; their old copies stay stale.
    let loaded = b.reload().await.expect("reload after the restore");
    assert_eq!(snapshot(&loaded), snapshot(&ws));
    assert_eq!(loaded.contact_count(list), 600, "each once");

    // Deleted again (from their new pages), then purged: both copies go.
    let (outcome, change) = ws.delete_contacts(&doomed, T2).expect("delete again");
    store.commit(&ws, &change).await.expect("commit");
    assert!(pages_contain(b, "Zebedee").await, "before the purge a stored page still holds the bytes");
    let change = ws.purge_deletion(outcome.deletion.expect("deletion")).expect("purge");
    store.commit(&ws, &change).await.expect("commit the purge");
    assert!(!pages_contain(b, "Zebedee").await, "no stored page holds a purged contact");
    assert!(b.values(Shelf::Stale).await.is_empty(), "every page holding one was rewritten");
    let loaded = b.reload().await.expect("reload after the purge");
    assert_eq!(snapshot(&loaded), snapshot(&ws));
    assert_eq!(loaded.contact_count(list), 400);
}

pub(crate) async fn damaged_stale_records_give_corrupt_not_a_panic(b: &dyn Backend) {
    let store = b.store();
    let mut ws = Workspace::new();
    let (list, ids) = six_hundred(b, &mut ws).await;
    let (_, change) = ws.delete_contacts(&every_third(&ids), T1).expect("delete");
    store.commit(&ws, &change).await.expect("commit");
    b.put_raw(Target::Stale(PageKey { list, page: 1 }), vec![4, 0xFF, 0xFF, 0xFF]).await;
    match b.reload().await {
        Err(StoreError::Corrupt(m)) => assert!(m.contains("gone from page 1 of list"), "{m}"),
        other => panic!("expected Corrupt, got {:?}", other.map(|w| w.total_contacts())),
    }
}
