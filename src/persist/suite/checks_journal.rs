//! Shared checks of the journal (interactions and history events, read per contact):
//! order and intervals, contacts kept apart, cleared with their contact in the same
//! transaction, deletions, failed commits, damaged bytes.

use chrono::NaiveDate;

use super::fixtures::{bulk_data, list_draft, seed, voice_call, T0};
use super::Backend;
use crate::domain::change::JournalKey;
use crate::domain::interaction::{Choices, Interaction, InteractionDraft, InteractionId, InteractionIdentity};
use crate::domain::{Change, ContactId, HistoryEvent, HistoryKind, Interval, JourneyEntry, ListId, Timestamp, Workspace};
use crate::persist::journal_layers::{encode_layer, page_of, Layer, LayerKey};
use crate::persist::writes::Target;
use crate::persist::{Persistence, StoreError};

/// 2026-06-01 00:00:00.000 UTC.
const JUNE_1: i64 = 1_780_272_000_000;
const DAY: i64 = 86_400_000;

fn at(ms: i64) -> Timestamp {
    Timestamp::from_millis(ms)
}

/// A closed voice call of `contact` started at `started` (checked by the domain's own
/// draft validation, then moved to the millisecond).
fn call(id: u64, contact: ContactId, started: Timestamp) -> JourneyEntry {
    let draft = InteractionDraft { notes: format!("call {id}"), ..voice_call("2026-06-01T09:00") };
    let identity = InteractionIdentity { id: InteractionId::new(id), contact, list: ListId::new(1) };
    let checked = draft.validate(identity, Choices::default(), 0).expect("a valid draft");
    JourneyEntry::Interaction(Interaction { started, ended: Some(started), ..checked })
}

fn event(contact: ContactId, when: Timestamp, kind: HistoryKind) -> JourneyEntry {
    JourneyEntry::History(HistoryEvent { contact, at: when, kind })
}

async fn journal(store: &dyn Persistence, contact: ContactId, interval: Option<Interval>) -> Vec<JourneyEntry> {
    store.journal(contact, interval).await.expect("read the journal")
}

async fn put(store: &dyn Persistence, entries: Vec<JourneyEntry>) {
    let change = Change { journal_put: entries, ..Change::default() };
    store.commit(&Workspace::new(), &change).await.expect("commit journal entries");
}

pub(crate) async fn journal_entries_come_back_per_contact_in_time_order_and_by_interval(b: &dyn Backend) {
    let store = b.store();
    let (a, next, far) = (ContactId::new(5), ContactId::new(6), ContactId::new(50));
    let june_3_last_ms = JUNE_1 + 3 * DAY - 1;
    let in_interval = [
        event(a, at(JUNE_1), HistoryKind::Created),
        call(3, a, at(JUNE_1 + DAY + 36_000_000)),
        event(a, at(JUNE_1 + DAY + 36_000_000), HistoryKind::Edited { fields: vec!["Phone".into()] }),
        call(1, a, at(june_3_last_ms)),
    ];
    let before = event(a, at(JUNE_1 - 1), HistoryKind::Imported { batch: crate::domain::BatchId::new(2) });
    let after = call(2, a, at(june_3_last_ms + 1));
    // Written out of order, next to the entries of neighbouring contacts.
    let mut all = vec![after.clone(), call(4, next, at(JUNE_1)), call(9, far, at(JUNE_1 - DAY)), before.clone()];
    all.extend(in_interval.iter().rev().cloned());
    put(store, all).await;

    let june = |d| NaiveDate::from_ymd_opt(2026, 6, d).expect("a June day");
    let interval = Interval::from_dates(june(1), june(3), 0).expect("interval");
    assert_eq!(journal(store, a, Some(interval)).await, in_interval, "both ends included, oldest first");
    let mut whole = vec![before];
    whole.extend(in_interval.iter().cloned());
    whole.push(after);
    assert_eq!(journal(store, a, None).await, whole);
    assert_eq!(journal(store, next, None).await, [call(4, next, at(JUNE_1))]);
    assert_eq!(journal(store, far, Some(interval)).await, [], "far's only entry is before June");
    assert_eq!(journal(store, ContactId::new(7), None).await, []);
}

pub(crate) async fn a_purged_contacts_journal_goes_in_the_same_transaction_as_its_trash_page(b: &dyn Backend) {
    let store = b.store();
    let mut ws = Workspace::new();
    seed(store, &mut ws).await;
    let ids: Vec<ContactId> = ws.contacts().map(|c| c.id).collect();
    let (ada, grace) = (ids[0], ids[1]);
    put(store, vec![call(1, ada, at(JUNE_1)), event(ada, at(JUNE_1), HistoryKind::Created), call(2, grace, at(JUNE_1))]).await;
    // The seed's edit of grace is in her history too.
    let graces = journal(store, grace, None).await;
    assert!(graces.contains(&call(2, grace, at(JUNE_1))) && graces.len() == 2, "{graces:?}");

    let (outcome, change) = ws.delete_contacts(&[ada], at(JUNE_1)).expect("delete ada");
    store.commit(&ws, &change).await.expect("commit the deletion");
    assert_eq!(journal(store, ada, None).await.len(), 2, "the trash keeps the journal");
    let change = ws.purge_deletion(outcome.deletion.expect("a deletion")).expect("purge");
    assert_eq!(change.journal_cleared, [ada]);
    let err = b.commit_failing(&ws, &change).await;
    assert!(matches!(err, StoreError::Aborted(_)), "{err:?}");
    assert_eq!(journal(store, ada, None).await.len(), 2, "a failed commit cleared the journal");
    assert_eq!(b.reload().await.expect("reload").deletions().len(), 2, "a failed commit purged the trash");

    store.commit(&ws, &change).await.expect("commit the purge");
    assert_eq!(journal(store, ada, None).await, []);
    assert_eq!(b.reload().await.expect("reload").deletions().len(), 1, "the seed's own deletion stays");
    assert_eq!(journal(store, grace, None).await, graces, "a neighbour keeps her journal");

    // A put merged after a clear of the same contact survives it.
    let mut change = Change { journal_cleared: vec![grace], ..Change::default() };
    change.merge(Change { journal_put: vec![call(3, grace, at(JUNE_1 + DAY))], ..Change::default() });
    store.commit(&ws, &change).await.expect("commit clear then put");
    assert_eq!(journal(store, grace, None).await, [call(3, grace, at(JUNE_1 + DAY))]);
}

pub(crate) async fn a_deleted_lists_contacts_keep_their_journal_until_the_trash_is_emptied_in_chunks(b: &dyn Backend) {
    let store = b.store();
    let mut ws = Workspace::new();
    let (doomed, ch) = ws.create_list(&list_draft("Doomed"), T0).expect("list");
    store.commit(&ws, &ch).await.expect("commit list");
    let (ids, ch) = ws.add_contacts(doomed, bulk_data(doomed, 1_100), T0).expect("add");
    store.commit(&ws, &ch).await.expect("commit contacts");
    let (kept, ch) = ws.create_list(&list_draft("Kept"), T0).expect("list");
    store.commit(&ws, &ch).await.expect("commit list");
    let (neighbour, ch) = ws.add_contacts(kept, bulk_data(kept, 1), T0).expect("add");
    store.commit(&ws, &ch).await.expect("commit neighbour");
    let neighbour = neighbour[0];
    assert_eq!(neighbour.get(), ids[ids.len() - 1].get() + 1, "the neighbour's id follows the doomed ones");
    let marked = [ids[0], ids[550], ids[1_099]];
    let mut entries: Vec<JourneyEntry> = marked.iter().map(|&c| call(c.get(), c, at(JUNE_1))).collect();
    entries.push(call(7, neighbour, at(JUNE_1)));
    put(store, entries).await;

    let change = ws.delete_lists(&[doomed], T0).expect("delete list");
    store.commit_chunked(&ws, &change, 1).await.expect("chunked commit");
    assert_eq!(journal(store, marked[1], None).await.len(), 1, "in the trash, the journal stays");
    let change = ws.empty_trash();
    assert_eq!(change.journal_cleared.len(), 1_100);
    store.commit_chunked(&ws, &change, 1).await.expect("chunked commit");
    for c in marked {
        assert_eq!(journal(store, c, None).await, [], "contact {c}");
    }
    assert_eq!(journal(store, neighbour, None).await, [call(7, neighbour, at(JUNE_1))]);
    assert!(b.reload().await.expect("reload").deletions().is_empty());
}

pub(crate) async fn journal_deleted_removes_one_entry_and_a_failed_commit_writes_none(b: &dyn Backend) {
    let store = b.store();
    let c = ContactId::new(3);
    let (first, second) = (call(1, c, at(JUNE_1)), event(c, at(JUNE_1), HistoryKind::Merged { from: ContactId::new(4) }));
    put(store, vec![first.clone(), second.clone()]).await;
    let change = Change { journal_deleted: vec![JournalKey::of(&first)], ..Change::default() };
    store.commit(&Workspace::new(), &change).await.expect("commit deletion");
    assert_eq!(journal(store, c, None).await, [second.clone()]);

    let change = Change { journal_put: vec![call(2, c, at(JUNE_1 + 1))], journal_deleted: vec![JournalKey::of(&second)], ..Change::default() };
    let err = b.commit_failing(&Workspace::new(), &change).await;
    assert!(matches!(err, StoreError::Aborted(_)), "{err:?}");
    assert_eq!(journal(store, c, None).await, [second], "a failed commit wrote to the journal");
}

pub(crate) async fn damaged_journal_bytes_give_corrupt_not_a_panic(b: &dyn Backend) {
    let store = b.store();
    let c = ContactId::new(8);
    let entry = call(1, c, at(JUNE_1));
    put(store, vec![entry.clone()]).await;
    // A layer above the stored one (a later sequence number) that is not a layer.
    let top = Target::Layer(LayerKey { page: page_of(c), seq: 1 << 40 });
    b.put_raw(top, vec![1, 0xFF, 0xFF, 0xFF]).await;
    match store.journal(c, None).await {
        Err(StoreError::Corrupt(m)) => assert!(m.contains("page of the journal is damaged"), "{m}"),
        other => panic!("expected Corrupt, got {other:?}"),
    }
    // An entry of another contact filed under this one is damage too.
    let other = call(2, ContactId::new(9), at(JUNE_1));
    let bytes = crate::domain::codec::encode_journal_entry(&other);
    let layer = Layer { puts: vec![(JournalKey::of(&entry), bytes)], ..Layer::default() };
    b.put_raw(top, encode_layer(&layer)).await;
    assert!(matches!(store.journal(c, None).await, Err(StoreError::Corrupt(m)) if m.contains("journal entry of contact 8 belongs to contact 9")));
}

/// Many commits on contacts either side of a journal page's edge (more than a page
/// keeps as separate layers before a read flattens it): each journey, read twice (the
/// second after any flattening), and the whole journal in key order are what was written.
pub(crate) async fn many_commits_across_a_page_edge_read_back_as_written(b: &dyn Backend) {
    let store = b.store();
    let contacts: Vec<ContactId> = (510..516).map(ContactId::new).collect();
    let mut expected: Vec<Vec<JourneyEntry>> = vec![Vec::new(); contacts.len()];
    for round in 0..12u64 {
        let mut change = Change::default();
        for (i, &c) in contacts.iter().enumerate() {
            let entry = call(round * 10 + i as u64 + 1, c, at(JUNE_1 + round as i64 * DAY));
            change.journal_put.push(entry.clone());
            expected[i].push(entry);
        }
        if round == 5 {
            // Contact 511 (last of page 0) and 512 (first of page 1) lose everything so far.
            change.journal_put.retain(|e| ![511, 512].contains(&e.contact().get()));
            change.journal_cleared = vec![ContactId::new(511), ContactId::new(512)];
            expected[1].clear();
            expected[2].clear();
        }
        if round == 8 {
            let gone = expected[4].remove(3);
            change.journal_deleted.push(JournalKey::of(&gone));
        }
        store.commit(&Workspace::new(), &change).await.expect("commit");
    }
    for pass in 0..2 {
        for (i, &c) in contacts.iter().enumerate() {
            assert_eq!(journal(store, c, None).await, expected[i], "contact {c}, read {pass}");
        }
    }
    let everything: Vec<JourneyEntry> = expected.concat();
    assert_eq!(store.journal_after(None, usize::MAX).await.expect("all"), everything);
    let after = JournalKey::of(&expected[0][11]);
    let next = store.journal_after(Some(after), 3).await.expect("after");
    assert_eq!(next, everything[12..15], "resumes after a key, across the page edge");
}

/// Logging and closing through the workspace: the interaction, the contact's activity
/// (in its page) and the id counter land in one commit and survive a reopen; a failed
/// commit leaves neither the entry nor the activity.
pub(crate) async fn a_logged_interaction_and_its_contacts_activity_land_together(b: &dyn Backend) {
    let store = b.store();
    let mut ws = Workspace::new();
    seed(store, &mut ws).await;
    let ada = ws.contacts().map(|c| c.id).next().expect("a contact");
    let draft = InteractionDraft { channel: "whatsapp".into(), direction: "outbound".into(), started: "2026-06-01T09:00".into(), ..InteractionDraft::default() };

    let (lost, change) = ws.log_interaction(ada, &draft, 0).expect("logged");
    let err = b.commit_failing(&ws, &change).await;
    assert!(matches!(err, StoreError::Aborted(_)), "{err:?}");
    let mut ws = b.reload().await.expect("reload");
    assert_eq!((journal(store, ada, None).await.iter().filter(|e| e.as_interaction().is_some()).count(), ws.contact(ada).map(|c| c.activity.count)), (0, Some(0)));

    let (open, change) = ws.log_interaction(ada, &draft, 0).expect("logged again");
    assert_eq!(open.id, lost.id, "the failed commit's id was never stored, so it is free");
    store.commit(&ws, &change).await.expect("commit");
    let (closed, change) = ws.close_interaction(&open, at(JUNE_1 + DAY), None, "done").expect("closed");
    store.commit(&ws, &change).await.expect("commit the close");

    let reopened = b.reload().await.expect("reload");
    let activity = reopened.contact(ada).map(|c| c.activity).expect("ada");
    assert_eq!((activity.count, activity.open_whatsapp, activity.last), (1, 0, Some(open.started)));
    assert_eq!(reopened.meta().next_interaction_id, open.id.get() + 1);
    let stored: Vec<JourneyEntry> = journal(store, ada, None).await.into_iter().filter(|e| e.as_interaction().is_some()).collect();
    assert_eq!(stored, [JourneyEntry::Interaction(closed)], "the close replaced the open entry");
}
