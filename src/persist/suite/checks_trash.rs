//! Shared checks of the trash: a deletion lands with the pages it emptied in one
//! commit and survives a reopen, restore and purge land (journal cleared with the
//! purge), a failed commit leaves pages and trash as they were, a big deletion goes
//! through `commit_chunked`, damaged trash bytes are `Corrupt`.

use super::fixtures::{bulk_data, list_draft, seed, snapshot, T0, T1};
use super::Backend;
use crate::domain::trash::TrashKey;
use crate::domain::{ContactId, HistoryEvent, HistoryKind, JourneyEntry, ListId, Workspace};
use crate::persist::writes::{Shelf, Target};
use crate::persist::StoreError;

/// A list of 600 contacts (pages 0 and 1), committed.
async fn six_hundred(b: &dyn Backend, ws: &mut Workspace) -> (ListId, Vec<ContactId>) {
    let store = b.store();
    let (list, ch) = ws.create_list(&list_draft("Many"), T0).expect("list");
    store.commit(ws, &ch).await.expect("commit list");
    let (ids, ch) = ws.add_contacts(list, bulk_data(list, 600), T0).expect("add");
    store.commit(ws, &ch).await.expect("commit contacts");
    (list, ids)
}

fn trashed(ws: &Workspace) -> Vec<ContactId> {
    let mut ids: Vec<ContactId> = ws.deletions().iter().flat_map(|d| d.contacts.iter().map(|c| c.id)).collect();
    ids.sort();
    ids
}

pub(crate) async fn a_deletion_lands_with_the_pages_it_emptied_and_survives_a_reopen(b: &dyn Backend) {
    let store = b.store();
    let mut ws = Workspace::new();
    seed(store, &mut ws).await;
    let (list, ids) = six_hundred(b, &mut ws).await;
    // Page 1 (contacts 512..600) empties; page 0 loses ten.
    let doomed: Vec<ContactId> = ids[500..].to_vec();
    let (outcome, change) = ws.delete_contacts(&doomed, T1).expect("delete");
    assert_eq!(change.pages_deleted, [crate::domain::PageKey { list, page: 1 }]);
    store.commit(&ws, &change).await.expect("commit the deletion");

    assert!(!b.page_keys().await.contains(&(list.get(), 1)), "the emptied page is gone");
    assert_eq!(b.values(Shelf::Trash).await.len(), 2, "the seed's deletion and this one, a page each");
    let loaded = b.reload().await.expect("reopen");
    assert_eq!(snapshot(&loaded), snapshot(&ws));
    let deletion = outcome.deletion.expect("a deletion");
    assert_eq!(loaded.deletion(deletion), ws.deletion(deletion), "contacts exactly as they were");
    assert_eq!(loaded.deletion(deletion).map(|d| d.at), Some(T1));
    assert_eq!(trashed(&loaded), trashed(&ws));
}

pub(crate) async fn restore_and_purge_land_and_the_purge_clears_the_journal(b: &dyn Backend) {
    let store = b.store();
    let mut ws = Workspace::new();
    let (list, ids) = six_hundred(b, &mut ws).await;
    let entry = JourneyEntry::History(HistoryEvent { contact: ids[0], at: T0, kind: HistoryKind::Created });
    store.commit(&ws, &crate::domain::Change { journal_put: vec![entry.clone()], ..Default::default() }).await.expect("journal");
    let (outcome, change) = ws.delete_contacts(&ids, T1).expect("delete all");
    store.commit(&ws, &change).await.expect("commit deletion");
    assert!(b.page_keys().await.iter().all(|k| k.0 != list.get()));
    let deletion = outcome.deletion.expect("deletion");

    let (restored, change) = ws.restore_contacts(deletion, &ids[..100]).expect("restore some");
    assert_eq!(restored.restored, 100);
    store.commit(&ws, &change).await.expect("commit restore");
    let loaded = b.reload().await.expect("reload");
    assert_eq!(snapshot(&loaded), snapshot(&ws));
    assert_eq!(loaded.contact_count(list), 100);
    assert_eq!(loaded.deletion(deletion).map(|d| d.contacts.len()), Some(500));
    assert_eq!(b.values(Shelf::Trash).await.len(), 1, "500 contacts fit one page: the second is deleted");

    let (outcome, change) = ws.delete_contacts(&ids[..1], T1).expect("delete the first again");
    store.commit(&ws, &change).await.expect("commit");
    let change = ws.purge_deletion(outcome.deletion.expect("deletion")).expect("purge");
    store.commit(&ws, &change).await.expect("commit purge");
    assert_eq!(store.journal(ids[0], None).await.expect("journal"), [], "purged with its journal");
    let change = ws.empty_trash();
    store.commit(&ws, &change).await.expect("commit empty");
    assert!(b.values(Shelf::Trash).await.is_empty());
    let loaded = b.reload().await.expect("reload");
    assert!(loaded.deletions().is_empty() && loaded.total_contacts() == 99);
}

pub(crate) async fn a_failed_commit_leaves_pages_and_trash_as_they_were(b: &dyn Backend) {
    let store = b.store();
    let mut ws = Workspace::new();
    let (list, ids) = six_hundred(b, &mut ws).await;
    let (outcome, change) = ws.delete_contacts(&ids[..300], T1).expect("delete");
    let err = b.commit_failing(&ws, &change).await;
    assert!(matches!(err, StoreError::Aborted(_)), "{err:?}");
    let loaded = b.reload().await.expect("reload");
    assert_eq!((loaded.contact_count(list), loaded.deletions().len()), (600, 0), "nothing deleted, nothing trashed");

    store.commit(&ws, &change).await.expect("commit the deletion");
    let (_, change) = ws.restore_deletion(outcome.deletion.expect("deletion")).expect("restore");
    let err = b.commit_failing(&ws, &change).await;
    assert!(matches!(err, StoreError::Aborted(_)), "{err:?}");
    let loaded = b.reload().await.expect("reload");
    assert_eq!((loaded.contact_count(list), trashed(&loaded).len()), (300, 300), "nothing restored");
}

pub(crate) async fn a_deletion_of_thousands_goes_through_commit_chunked(b: &dyn Backend) {
    let store = b.store();
    let mut ws = Workspace::new();
    let (list, ch) = ws.create_list(&list_draft("Big"), T0).expect("list");
    store.commit(&ws, &ch).await.expect("commit list");
    let (ids, ch) = ws.add_contacts(list, bulk_data(list, 5_000), T0).expect("add");
    store.commit_chunked(&ws, &ch, 4).await.expect("commit contacts");
    // Every other contact: every page keeps its stored copy with a record of who left
    // (`workspace::stale`), five trash pages written.
    let doomed: Vec<ContactId> = ids.iter().copied().step_by(2).collect();
    let (_, change) = ws.delete_contacts(&doomed, T1).expect("delete");
    assert_eq!(change.trash_put.len(), 5);
    store.commit_chunked(&ws, &change, 4).await.expect("chunked deletion");
    let loaded = b.reload().await.expect("reload");
    assert_eq!(snapshot(&loaded), snapshot(&ws));
    assert_eq!(trashed(&loaded), doomed);
}

pub(crate) async fn damaged_trash_bytes_give_corrupt_not_a_panic(b: &dyn Backend) {
    let store = b.store();
    let mut ws = Workspace::new();
    let (_, ids) = six_hundred(b, &mut ws).await;
    let (outcome, change) = ws.delete_contacts(&ids[..2], T1).expect("delete");
    store.commit(&ws, &change).await.expect("commit");
    let key = TrashKey { at: T1, deletion: outcome.deletion.expect("deletion"), page: 0 };
    b.put_raw(Target::Trash(key), vec![4, 0xFF, 0xFF, 0xFF]).await;
    match b.reload().await {
        Err(StoreError::Corrupt(m)) => assert!(m.contains("page 0 of deletion 0 in the trash"), "{m}"),
        other => panic!("expected Corrupt, got {:?}", other.map(|w| w.total_contacts())),
    }
}
