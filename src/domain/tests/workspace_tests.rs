use crate::domain::workspace::PAGE_CAPACITY;
use crate::domain::journey::{HistoryEvent, HistoryKind, JourneyEntry};
use crate::domain::{
    codec, Change, ContactField, ContactList, ListDraft, ListError, PageKey, StoredRecords, Timestamp, Workspace, WorkspaceError,
    WorkspaceMeta,
};

use super::support_tests::{contact, draft, list, T0};

/// Encodes every record the workspace holds and builds a new workspace from them,
/// as a reload from storage would.
pub(super) fn reload(ws: &Workspace) -> Workspace {
    Workspace::from_stored(stored_records(ws)).expect("consistent")
}

/// The workspace's lists, pages and import batches, through the codec.
pub(super) fn stored_records(ws: &Workspace) -> StoredRecords {
    let lists: Vec<ContactList> = ws.lists().into_iter().map(|l| codec::decode_list(&codec::encode_list(l)).expect("list")).collect();
    let mut keys: Vec<PageKey> = Vec::new();
    for c in ws.contacts() {
        let key = ws.page_of(c.id).expect("located");
        if keys.last() != Some(&key) {
            keys.push(key);
        }
    }
    let pages = keys
        .into_iter()
        .map(|k| (k, codec::decode_page(&codec::encode_page(ws.page(k).expect("page"))).expect("decodes")))
        .collect();
    let imports = ws.imports().into_iter().map(|b| codec::decode_import(&codec::encode_import(b)).expect("import")).collect();
    StoredRecords { meta: ws.meta().clone(), lists, pages, imports, ..StoredRecords::default() }
}

#[test]
fn list_names_are_required_unique_and_trimmed() {
    let mut ws = Workspace::new();
    let leads = list(&mut ws, "  Leads ");
    assert_eq!(ws.list(leads).map(|l| &*l.name), Some("Leads"));
    let dup = ListDraft { name: "leads".into(), description: String::new(), ..ListDraft::default() };
    assert_eq!(ws.create_list(&dup, T0).err(), Some(WorkspaceError::List(ListError::NameTaken("leads".into()))));
    let empty = ListDraft { name: "  ".into(), description: "x".into(), ..ListDraft::default() };
    assert_eq!(ws.create_list(&empty, T0).err(), Some(WorkspaceError::List(ListError::NameRequired)));
    // Renaming a list to its own name (other case) is fine.
    let rename = ListDraft { name: "LEADS".into(), description: " hot ".into(), ..ListDraft::default() };
    let change = ws.update_list(leads, &rename, Timestamp::from_millis(9)).expect("rename");
    assert_eq!(change, Change { lists_put: vec![leads], ..Change::default() });
    assert_eq!(ws.list(leads).and_then(|l| l.description.as_deref()), Some("hot"));
    assert_eq!(ws.lists().len(), 1);
}

#[test]
fn contacts_fill_pages_and_the_change_names_them() {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "Big");
    let data = crate::domain::sample::generate_contacts(PAGE_CAPACITY + 10, 3);
    let (ids, change) = ws.add_contacts(l, data, T0).expect("added");
    assert_eq!(ids.len(), PAGE_CAPACITY + 10);
    assert_eq!(change.pages_put, vec![PageKey { list: l, page: 0 }, PageKey { list: l, page: 1 }]);
    assert!(change.meta);
    assert_eq!(ws.page(PageKey { list: l, page: 0 }).map(<[_]>::len), Some(PAGE_CAPACITY));
    assert_eq!(ws.contact_count(l), PAGE_CAPACITY + 10);
    // Editing one contact dirties exactly its page.
    let target = ids[3];
    let mut d = crate::domain::ContactDraft::from_contact(ws.contact(target).expect("c"));
    d.set(ContactField::City, "Napoli");
    let change = ws.update_contact(target, &d, Timestamp::from_millis(2)).expect("edit");
    let edited = HistoryEvent { contact: target, at: Timestamp::from_millis(2), kind: HistoryKind::Edited { fields: vec!["City".into()] } };
    let expected = Change { pages_put: vec![PageKey { list: l, page: 0 }], journal_put: vec![JourneyEntry::History(edited)], ..Change::default() };
    assert_eq!(change, expected, "its page, and the edit in its history");
    assert_eq!(ws.contact(target).map(|c| c.updated), Some(Timestamp::from_millis(2)));
}

#[test]
fn moving_a_contact_rewrites_both_pages_and_empty_pages_are_deleted() {
    let mut ws = Workspace::new();
    let a = list(&mut ws, "A");
    let b = list(&mut ws, "B");
    let id = contact(&mut ws, a, "Ann", "Lee", "+39 333 1234567", "");
    let mut d = draft(b, "Ann", "Lee", "+39 333 1234567", "");
    d.set(ContactField::City, "Roma");
    let change = ws.update_contact(id, &d, T0).expect("moved");
    assert_eq!(change.pages_deleted, vec![PageKey { list: a, page: 0 }]);
    assert_eq!(change.pages_put, vec![PageKey { list: b, page: 0 }]);
    assert_eq!((ws.contact_count(a), ws.contact_count(b)), (0, 1));
    assert_eq!(ws.contact(id).map(|c| c.list_id), Some(b));
}

#[test]
fn invalid_edits_and_unknown_ids_change_nothing() {
    let mut ws = Workspace::new();
    let a = list(&mut ws, "A");
    let id = contact(&mut ws, a, "Ann", "", "", "");
    let before = ws.contact(id).cloned();
    let bad = draft(a, "", "", "12", "");
    assert!(matches!(ws.update_contact(id, &bad, T0), Err(WorkspaceError::Contact(_))));
    assert_eq!(ws.contact(id).cloned(), before);
    let missing = crate::domain::ContactId::new(999);
    assert_eq!(ws.delete_contacts(&[id, missing], T0), Err(WorkspaceError::UnknownContact(missing)));
    assert!(ws.contact(id).is_some(), "nothing deleted when one id is unknown");
    let ghost = crate::domain::ListId::new(77);
    assert_eq!(ws.delete_lists(&[a, ghost], T0), Err(WorkspaceError::UnknownList(ghost)));
    assert_eq!(ws.add_contacts(ghost, vec![], T0).err(), Some(WorkspaceError::UnknownList(ghost)));
    let moved = draft(ghost, "Ann", "", "", "");
    assert_eq!(ws.update_contact(id, &moved, T0), Err(WorkspaceError::UnknownList(ghost)));
}

#[test]
fn deleting_a_list_takes_its_contacts_and_pages() {
    let mut ws = Workspace::new();
    let a = list(&mut ws, "A");
    let b = list(&mut ws, "B");
    let keep = contact(&mut ws, b, "Bo", "", "", "");
    let gone = contact(&mut ws, a, "Al", "", "", "");
    let change = ws.delete_lists(&[a], T0).expect("deleted");
    assert_eq!(change.lists_deleted, vec![a]);
    assert_eq!(change.pages_deleted, vec![PageKey { list: a, page: 0 }]);
    assert!(ws.contact(gone).is_none());
    assert!(ws.contact(keep).is_some());
    assert_eq!(ws.total_contacts(), 1);
}

#[test]
fn deleting_contacts_leaves_stale_copies_or_drops_their_pages() {
    let mut ws = Workspace::new();
    let a = list(&mut ws, "A");
    let x = contact(&mut ws, a, "X", "", "", "");
    let y = contact(&mut ws, a, "Y", "", "", "");
    let (_, change) = ws.delete_contacts(&[x], T0).expect("one");
    let page = PageKey { list: a, page: 0 };
    assert_eq!((change.pages_put.as_slice(), change.stale_put.as_slice()), ([].as_slice(), [page].as_slice()));
    assert_eq!(ws.stale_copies(page), Some(vec![x]));
    let (_, change) = ws.delete_contacts(&[y], T0).expect("last");
    assert_eq!((change.pages_deleted.as_slice(), change.stale_deleted.as_slice()), ([page].as_slice(), [page].as_slice()));
    assert_eq!(ws.stale_copies(page), None);
    assert_eq!(ws.contact_count(a), 0);
}

#[test]
fn a_reload_gives_the_same_workspace_and_ids_are_never_reused() {
    let mut ws = Workspace::new();
    let a = list(&mut ws, "A");
    let first = contact(&mut ws, a, "Ann", "Lee", "+39 333 1234567", "ann@example.com");
    let second = contact(&mut ws, a, "Bob", "", "", "");
    ws.delete_contacts(&[second], T0).expect("deleted");
    let mut again = reload(&ws);
    assert_eq!(again.contact(first), ws.contact(first));
    assert_eq!(again.meta(), ws.meta());
    let third = contact(&mut again, a, "Cy", "", "", "");
    assert!(third > second, "a deleted contact's id is not handed out again");
}

#[test]
fn inconsistent_records_are_refused() {
    let mut ws = Workspace::new();
    let a = list(&mut ws, "A");
    contact(&mut ws, a, "Ann", "", "", "");
    let key = PageKey { list: a, page: 0 };
    let page = ws.page(key).expect("page").to_vec();
    let lists: Vec<ContactList> = ws.lists().into_iter().cloned().collect();
    let twice = vec![(key, page.clone()), (PageKey { list: a, page: 1 }, page.clone())];
    assert!(matches!(Workspace::from_records(WorkspaceMeta::default(), lists.clone(), twice), Err(WorkspaceError::Corrupt(_))));
    let orphan = vec![(key, page)];
    assert!(matches!(Workspace::from_records(WorkspaceMeta::default(), vec![], orphan), Err(WorkspaceError::Corrupt(_))));
    // Counters behind the data are repaired rather than trusted.
    let ok = Workspace::from_records(WorkspaceMeta::default(), lists, vec![]).expect("ok");
    assert!(ok.meta().next_list_id > a.get());
}
