//! The trash: delete never takes a contact with an open WhatsApp conversation, delete
//! then restore gives back byte-identical contacts with their journal, partial
//! restores, a missing list, purge and expiry; a property over random delete/restore
//! sequences; and a timing run (ignored) for the browser benchmark's baseline.

use std::collections::BTreeSet;

use proptest::prelude::*;

use crate::domain::codec::encode_page;
use crate::domain::trash::{kept_open_whatsapp_sentence, DeletionId, KEEP_DAYS};
use crate::domain::{Contact, ContactId, InteractionDraft, JourneyEntry, ListId, Timestamp, Workspace, WorkspaceError};
use crate::persist::block_on::block_on;
use crate::persist::suite::fixtures::{bulk_data, catalog, seed, T0};
use crate::persist::{MemoryStore, Persistence};

use super::support_tests::{contact, list};

const DAY: i64 = 86_400_000;

fn whatsapp() -> InteractionDraft {
    InteractionDraft { channel: "whatsapp".into(), direction: "outbound".into(), started: "2026-06-01T09:00".into(), ..InteractionDraft::default() }
}

fn voice() -> InteractionDraft {
    InteractionDraft { channel: "voice".into(), direction: "inbound".into(), started: "2026-06-02T10:00".into(), ended: "2026-06-02T10:05".into(), ..InteractionDraft::default() }
}

fn commit(store: &MemoryStore, ws: &Workspace, change: &crate::domain::Change) {
    block_on(store.commit(ws, change)).expect("commit");
}

/// Every live contact, by id, as the codec writes them: equal bytes, equal contacts.
fn live_bytes(ws: &Workspace) -> Vec<u8> {
    let mut all: Vec<Contact> = ws.contacts().cloned().collect();
    all.sort_by_key(|c| c.id);
    encode_page(&all)
}

fn journals(store: &MemoryStore, ids: &[ContactId]) -> Vec<Vec<JourneyEntry>> {
    ids.iter().map(|id| block_on(store.journal(*id, None)).expect("journal")).collect()
}

/// Seeded and catalogued (tags, custom values, lists), then an open WhatsApp chat with
/// Ann and a closed call with Grace, each committed.
fn varied() -> (MemoryStore, Workspace) {
    let (store, mut ws) = (MemoryStore::new(), Workspace::new());
    block_on(seed(&store, &mut ws));
    block_on(catalog(&store, &mut ws));
    let grace = ws.contacts().find(|c| c.data.first_name() == "Grace").map(|c| c.id).expect("grace");
    let ann = ws.contacts().find(|c| c.data.first_name() == "Ann").map(|c| c.id).expect("ann");
    let (_, ch) = ws.log_interaction(ann, &whatsapp(), 0).expect("chat");
    commit(&store, &ws, &ch);
    let (_, ch) = ws.log_interaction(grace, &voice(), 0).expect("call");
    commit(&store, &ws, &ch);
    (store, ws)
}

fn id_of(ws: &Workspace, first: &str) -> ContactId {
    ws.contacts().find(|c| c.data.first_name() == first).map(|c| c.id).unwrap_or_else(|| panic!("{first}"))
}

#[test]
fn delete_never_takes_a_contact_with_an_open_whatsapp_conversation_and_says_which() {
    let (_, mut ws) = varied();
    let all: Vec<ContactId> = ws.contacts().map(|c| c.id).collect();
    let ann = id_of(&ws, "Ann");
    let (outcome, change) = ws.delete_contacts(&all, T0).expect("delete");
    assert_eq!((outcome.deleted, outcome.kept_open_whatsapp.as_slice()), (all.len() - 1, [ann].as_slice()));
    assert!(outcome.deletion.is_some() && !change.trash_put.is_empty());
    assert_eq!(ws.contacts().map(|c| c.id).collect::<Vec<_>>(), [ann]);
    let kept = outcome.kept_open_whatsapp.iter().filter_map(|id| ws.contact(*id)).map(|c| &c.data);
    let sentence = kept_open_whatsapp_sentence(kept, 1);
    assert_eq!(sentence.as_deref(), Some("1 contact was not deleted: it has an open WhatsApp conversation: Ann Able."));

    // Only Ann, twice: nothing is deleted and nothing is written.
    let (outcome, change) = ws.delete_contacts(&[ann, ann], T0).expect("delete ann");
    assert_eq!((outcome.deletion, outcome.deleted, outcome.kept_open_whatsapp), (None, 0, vec![ann]));
    assert!(change.is_empty());
}

#[test]
fn a_list_with_an_open_whatsapp_conversation_is_not_deleted_and_the_refusal_names_its_contacts() {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "Leads");
    let names = ["Ada", "Bea", "Cy", "Di"];
    let ids = names.map(|n| contact(&mut ws, l, n, "Lee", "", ""));
    for id in ids {
        ws.log_interaction(id, &whatsapp(), 0).expect("chat");
    }
    let refused = ws.delete_lists(&[l], T0);
    let expected = "The list was not deleted: 4 of its contacts have an open WhatsApp conversation: Ada Lee, Bea Lee, Cy Lee and 1 more. Close them first.";
    assert_eq!(refused, Err(WorkspaceError::OpenWhatsApp(expected.into())));
    assert_eq!((ws.list(l).is_some(), ws.contact_count(l), ws.deletions().len()), (true, 4, 0), "nothing changed");
    let sentence = kept_open_whatsapp_sentence(ids.iter().filter_map(|id| ws.contact(*id)).map(|c| &c.data), 4);
    assert_eq!(sentence.as_deref(), Some("4 contacts were not deleted: they have an open WhatsApp conversation: Ada Lee, Bea Lee, Cy Lee and 1 more."));
}

#[test]
fn delete_then_restore_gives_back_byte_identical_contacts_and_leaves_the_journal_alone() {
    let (store, mut ws) = varied();
    let before = live_bytes(&ws);
    let ids: Vec<ContactId> = ws.contacts().map(|c| c.id).filter(|id| *id != id_of(&ws, "Ann")).collect();
    let placed: Vec<(ContactId, ListId)> = ids.iter().filter_map(|id| ws.contact(*id)).map(|c| (c.id, c.list_id)).collect();
    let journal_before = journals(&store, &ids);
    assert!(journal_before.iter().any(|j| !j.is_empty()), "someone has a journal");

    let (outcome, change) = ws.delete_contacts(&ids, T0).expect("delete");
    assert!(change.journal_cleared.is_empty() && change.journal_deleted.is_empty());
    commit(&store, &ws, &change);
    let deletion = outcome.deletion.expect("a deletion");
    // Across a reload: the trash is stored.
    let mut ws = block_on(store.load()).expect("reload");
    assert_eq!(ws.deletion(deletion).map(|d| d.contacts.len()), Some(ids.len()));
    assert!(ids.iter().all(|id| ws.contact(*id).is_none()));
    assert_eq!(journals(&store, &ids), journal_before, "the trash keeps the journal");

    let (restored, change) = ws.restore_deletion(deletion).expect("restore");
    assert_eq!((restored.restored, restored.refused.len()), (ids.len(), 0));
    commit(&store, &ws, &change);
    let ws = block_on(store.load()).expect("reload");
    assert_eq!(live_bytes(&ws), before, "byte-identical: ids, lists, tags, custom values, activity");
    let back: Vec<(ContactId, ListId)> = ids.iter().filter_map(|id| ws.contact(*id)).map(|c| (c.id, c.list_id)).collect();
    assert_eq!(back, placed);
    assert!(ws.deletion(deletion).is_none());
    assert_eq!(journals(&store, &ids), journal_before);
}

#[test]
fn a_partial_restore_leaves_the_rest_in_the_same_deletion_and_unknown_ids_are_refused() {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "Leads");
    let (ids, _) = ws.add_contacts(l, bulk_data(l, 1_100), T0).expect("add");
    let (outcome, _) = ws.delete_contacts(&ids, T0).expect("delete");
    let deletion = outcome.deletion.expect("deletion");
    assert_eq!(ws.deletion(deletion).map(|d| d.page_count()), Some(3));

    let back = [ids[3], ids[700]];
    let stranger = ContactId::new(99_999);
    assert_eq!(ws.restore_contacts(deletion, &[ids[3], stranger]).err(), Some(WorkspaceError::UnknownContact(stranger)));
    assert_eq!(ws.total_contacts(), 0, "nothing restored when one id is unknown");
    let (restored, change) = ws.restore_contacts(deletion, &back).expect("partial");
    assert_eq!(restored.restored, 2);
    assert_eq!(ws.deletion(deletion).map(|d| d.contacts.len()), Some(1_098));
    assert!(back.iter().all(|id| ws.contact(*id).is_some()));
    // The deletion still takes three pages: rewritten, none deleted.
    assert_eq!((change.trash_put.len(), change.trash_deleted.len()), (3, 0));
    assert_eq!(ws.restore_contacts(DeletionId::new(77), &back).err(), Some(WorkspaceError::UnknownDeletion(DeletionId::new(77))));
    assert_eq!(ws.restore_contacts(deletion, &back).err(), Some(WorkspaceError::UnknownContact(back[0])), "already restored");

    let most: Vec<ContactId> = ws.deletion(deletion).map(|d| d.contacts[..600].iter().map(|c| c.id).collect()).unwrap_or_default();
    let (_, change) = ws.restore_contacts(deletion, &most).expect("most of the rest");
    assert_eq!((change.trash_put.len(), change.trash_deleted.len()), (1, 2), "one page left, two deleted");
}

#[test]
fn a_contact_whose_list_is_gone_stays_in_the_trash_with_the_reason_and_the_rest_restore() {
    let mut ws = Workspace::new();
    let (gone, kept) = (list(&mut ws, "Gone"), list(&mut ws, "Kept"));
    let ada = contact(&mut ws, gone, "Ada", "Lovelace", "", "");
    let bob = contact(&mut ws, kept, "Bob", "", "", "");
    let (outcome, _) = ws.delete_contacts(&[ada, bob], T0).expect("delete");
    ws.delete_lists(&[gone], T0).expect("delete the emptied list");
    let deletion = outcome.deletion.expect("deletion");
    let (restored, change) = ws.restore_deletion(deletion).expect("restore");
    assert_eq!(restored.restored, 1);
    assert_eq!(restored.refused.len(), 1);
    assert_eq!(restored.refused[0].contact, ada);
    assert_eq!(restored.refused[0].reason, format!("Ada Lovelace was not restored: its list (number {gone}) no longer exists"));
    assert!(ws.contact(bob).is_some() && ws.contact(ada).is_none());
    assert_eq!(ws.deletion(deletion).map(|d| d.contacts.iter().map(|c| c.id).collect::<Vec<_>>()), Some(vec![ada]));
    assert_eq!(change.trash_put.len(), 1);
}

#[test]
fn purging_clears_the_journals_of_exactly_the_purged_contacts() {
    let (store, mut ws) = varied();
    let grace = id_of(&ws, "Grace");
    let bob = id_of(&ws, "Bob");
    let (first, ch) = ws.delete_contacts(&[grace], T0).expect("delete grace");
    commit(&store, &ws, &ch);
    let (second, ch) = ws.delete_contacts(&[bob], T0).expect("delete bob");
    commit(&store, &ws, &ch);
    let (bob_journal, grace_journal) = (journals(&store, &[bob]), journals(&store, &[grace]));
    assert!(!grace_journal[0].is_empty());

    let change = ws.purge_deletion(first.deletion.expect("first")).expect("purge");
    assert_eq!(change.journal_cleared, [grace]);
    commit(&store, &ws, &change);
    assert_eq!(journals(&store, &[grace]), [Vec::new()]);
    assert_eq!(journals(&store, &[bob]), bob_journal, "the other deletion keeps its journal");
    assert_eq!(ws.purge_deletion(first.deletion.expect("first")), Err(WorkspaceError::UnknownDeletion(first.deletion.expect("first"))));
    let reloaded = block_on(store.load()).expect("reload");
    let stored: Vec<DeletionId> = reloaded.deletions().iter().map(|d| d.id).collect();
    assert!(stored.contains(&second.deletion.expect("second")) && !stored.contains(&first.deletion.expect("first")), "{stored:?}");
    let change = ws.empty_trash();
    assert!(change.journal_cleared.contains(&bob) && ws.deletions().is_empty());
}

#[test]
fn the_trash_is_emptied_of_deletions_exactly_thirty_days_old() {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "Leads");
    let [old, young] = ["Old", "Young"].map(|n| contact(&mut ws, l, n, "", "", ""));
    ws.delete_contacts(&[old], T0).expect("old");
    ws.delete_contacts(&[young], Timestamp::from_millis(T0.millis() + 1)).expect("young");
    let thirty_days = Timestamp::from_millis(T0.millis() + KEEP_DAYS * DAY);
    assert!(ws.expire_trash(Timestamp::from_millis(thirty_days.millis() - 1)).is_empty(), "a millisecond early");
    let change = ws.expire_trash(thirty_days);
    assert_eq!((change.journal_cleared.as_slice(), change.trash_deleted.len()), ([old].as_slice(), 1));
    assert_eq!(ws.deletions().iter().flat_map(|d| d.contacts.iter().map(|c| c.id)).collect::<Vec<_>>(), [young]);
    assert_eq!(ws.deletions()[0].at.millis(), T0.millis() + 1);
}

#[test]
fn deletions_are_listed_newest_first_and_ids_follow_the_stored_ones_after_a_reload() {
    let (store, mut ws) = (MemoryStore::new(), Workspace::new());
    let l = list(&mut ws, "Leads");
    let (ids, mut change) = ws.add_contacts(l, bulk_data(l, 4), T0).expect("add");
    change.put_list(l);
    commit(&store, &ws, &change);
    for (i, id) in ids[..3].iter().enumerate() {
        let (_, ch) = ws.delete_contacts(&[*id], Timestamp::from_millis(T0.millis() + i as i64)).expect("delete");
        commit(&store, &ws, &ch);
    }
    let newest_first: Vec<u32> = ws.deletions().iter().map(|d| d.id.get()).collect();
    assert_eq!(newest_first, [2, 1, 0]);
    let mut reloaded = block_on(store.load()).expect("reload");
    assert_eq!(reloaded.deletions().iter().map(|d| d.id.get()).collect::<Vec<_>>(), newest_first);
    let (outcome, _) = reloaded.delete_contacts(&[ids[3]], T0).expect("delete");
    assert_eq!(outcome.deletion, Some(DeletionId::new(3)));
}

#[test]
fn a_chunked_commit_cut_short_loads_each_contact_once_and_its_leftover_pages_go_with_the_deletion() {
    let (store, mut ws) = (MemoryStore::new(), Workspace::new());
    let l = list(&mut ws, "Leads");
    let (ids, mut change) = ws.add_contacts(l, bulk_data(l, 3), T0).expect("add");
    change.put_list(l);
    commit(&store, &ws, &change);
    let (outcome, change) = ws.delete_contacts(&ids[..2], T0).expect("delete");
    commit(&store, &ws, &change);
    let deletion = outcome.deletion.expect("deletion");
    // What a cut-short restore could leave: page 1 of the deletion holding a live
    // contact and one already on page 0.
    let live = ws.contact(ids[2]).cloned().expect("live");
    let twice = ws.deletion(deletion).map(|d| d.contacts[0].clone()).expect("trashed");
    let leftover = crate::domain::trash::TrashKey { at: T0, deletion, page: 1 };
    let bytes = crate::domain::codec::encode_trash_page(&[live, twice]);
    store.shelves().trash.insert(leftover, bytes);

    let mut loaded = block_on(store.load()).expect("load");
    assert_eq!(loaded.deletion(deletion).map(|d| d.contacts.len()), Some(2), "each contact once");
    assert!(loaded.contact(ids[2]).is_some(), "the live one is the truth");
    let change = loaded.purge_deletion(deletion).expect("purge");
    assert_eq!(change.trash_deleted.len(), 2, "the leftover page goes too: {:?}", change.trash_deleted);
    commit(&store, &loaded, &change);
    assert!(store.shelves().trash.is_empty());
}

/// One step of the property (contacts and deletions by index). Purging loses
/// contacts on purpose, so the property covers deleting, restoring and opening chats.
#[derive(Clone, Debug)]
enum Step {
    Delete(Vec<usize>),
    RestoreAll(usize),
    RestoreSome(usize, Vec<usize>),
    OpenChat(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        proptest::collection::vec(0usize..40, 0..12).prop_map(Step::Delete),
        (0usize..8).prop_map(Step::RestoreAll),
        ((0usize..8), proptest::collection::vec(0usize..40, 0..6)).prop_map(|(d, c)| Step::RestoreSome(d, c)),
        (0usize..40).prop_map(Step::OpenChat),
    ]
}

fn everyone(ws: &Workspace) -> BTreeSet<ContactId> {
    let trashed = ws.deletions().into_iter().flat_map(|d| d.contacts.iter().map(|c| c.id));
    let live: Vec<ContactId> = ws.contacts().map(|c| c.id).collect();
    let count = live.len() + ws.deletions().iter().map(|d| d.contacts.len()).sum::<usize>();
    let all: BTreeSet<ContactId> = live.into_iter().chain(trashed).collect();
    assert_eq!(all.len(), count, "no contact is both live and trashed, or trashed twice");
    all
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn deleting_and_restoring_never_loses_or_doubles_a_contact_nor_trashes_an_open_chat(steps in proptest::collection::vec(step(), 1..25)) {
        let mut ws = Workspace::new();
        let (a, b) = (list(&mut ws, "A"), list(&mut ws, "B"));
        let (mut ids, _) = ws.add_contacts(a, bulk_data(a, 20), T0).expect("a");
        ids.extend(ws.add_contacts(b, bulk_data(b, 20), T0).expect("b").0);
        let original: BTreeSet<ContactId> = ids.iter().copied().collect();
        for step in steps {
            match step {
                Step::Delete(picks) => {
                    let chosen: Vec<ContactId> = picks.iter().map(|i| ids[*i]).filter(|id| ws.contact(*id).is_some()).collect();
                    let open: BTreeSet<ContactId> = chosen.iter().copied().filter(|id| ws.contact(*id).is_some_and(|c| c.activity.has_open_whatsapp())).collect();
                    let (outcome, _) = ws.delete_contacts(&chosen, T0).expect("delete");
                    prop_assert_eq!(outcome.kept_open_whatsapp.iter().copied().collect::<BTreeSet<_>>(), open.clone());
                    prop_assert!(open.iter().all(|id| ws.contact(*id).is_some()));
                }
                Step::RestoreAll(d) => {
                    if let Some(id) = ws.deletions().get(d).map(|x| x.id) {
                        ws.restore_deletion(id).expect("restore");
                    }
                }
                Step::RestoreSome(d, picks) => {
                    if let Some(deletion) = ws.deletions().get(d).map(|x| (*x).clone()) {
                        let mut some: Vec<ContactId> = picks.iter().filter_map(|i| deletion.contacts.get(*i % deletion.contacts.len()).map(|c| c.id)).collect();
                        some.sort();
                        some.dedup();
                        ws.restore_contacts(deletion.id, &some).expect("restore some");
                    }
                }
                Step::OpenChat(i) => {
                    if ws.contact(ids[i]).is_some() {
                        ws.log_interaction(ids[i], &whatsapp(), 0).expect("chat");
                    }
                }
            }
            prop_assert_eq!(&everyone(&ws), &original);
            let trashed_open = ws.deletions().iter().flat_map(|d| d.contacts.iter()).any(|c| c.activity.has_open_whatsapp());
            prop_assert!(!trashed_open, "a contact with an open chat is in the trash");
        }
        // And the same after a round trip through storage.
        let store = MemoryStore::new();
        let mut all = crate::domain::Change { meta: true, lists_put: vec![a, b], ..Default::default() };
        ws.contacts().filter_map(|c| ws.page_of(c.id)).for_each(|k| all.put_page(k));
        ws.deletions().iter().flat_map(|d| d.keys()).for_each(|k| all.put_trash(k));
        block_on(store.commit(&ws, &all)).expect("commit");
        let reloaded = block_on(store.load()).expect("reload");
        prop_assert_eq!(everyone(&reloaded), original);
    }
}

/// Host timing of the 100k delete and its restore among 500k contacts, commit into
/// `MemoryStore` included (encoding every page): a baseline for the browser
/// benchmark, not a budget. `cargo test --release --lib trash_timing -- --ignored --nocapture`.
#[test]
#[ignore]
fn trash_timing_delete_and_restore_100k_of_500k() {
    use std::time::Instant;
    let (store, mut ws) = (MemoryStore::new(), Workspace::new());
    let l = list(&mut ws, "Big");
    let (ids, ch) = ws.add_contacts(l, bulk_data(l, 500_000), T0).expect("add");
    let mut all = ch;
    all.put_list(l);
    commit(&store, &ws, &all);
    // Every fifth contact: every page is touched.
    let doomed: Vec<ContactId> = ids.iter().copied().step_by(5).collect();
    let t = Instant::now();
    let (outcome, change) = ws.delete_contacts(&doomed, T0).expect("delete");
    let command = t.elapsed();
    commit(&store, &ws, &change);
    let total = t.elapsed();
    println!(
        "delete 100k of 500k: command {command:?}, with commit {total:?} ({} pages rewritten, {} trash pages)",
        change.pages_put.len(),
        change.trash_put.len()
    );
    let t = Instant::now();
    let (restored, change) = ws.restore_deletion(outcome.deletion.expect("deletion")).expect("restore");
    let command = t.elapsed();
    commit(&store, &ws, &change);
    let total = t.elapsed();
    println!("restore 100k: command {command:?}, with commit {total:?} ({} pages written)", change.pages_put.len());
    assert_eq!((restored.restored, ws.total_contacts()), (100_000, 500_000));
}
