//! The merge and copy commands through a real (memory) store: the merged contact's
//! journal moves to the kept one, undo gives back byte-identical contacts and
//! journals (also as a property over random pairs and choices), undo is refused once
//! it could not be exact; a copy fills the target's required fields and records where
//! it came from.

use std::collections::BTreeMap;

use proptest::prelude::*;

use crate::domain::codec::encode_page;
use crate::domain::field::ContactField as F;
use crate::domain::journey::{EditedField, HistoryKind};
use crate::domain::merge::{MergeChoices, MergeError, RowOutcome, Side};
use crate::domain::{Contact, ContactId, InteractionDraft, JourneyEntry, Timestamp, Workspace, WorkspaceError};
use crate::persist::block_on::block_on;
use crate::persist::suite::fixtures::{catalog, contact_draft, seed, Catalog, T0};
use crate::persist::{MemoryStore, Persistence};

const LATER: Timestamp = Timestamp::from_millis(T0.millis() + 86_400_000);

fn commit(store: &MemoryStore, ws: &Workspace, change: &crate::domain::Change) {
    block_on(store.commit(ws, change)).expect("commit");
}

fn journal(store: &MemoryStore, id: ContactId) -> Vec<JourneyEntry> {
    block_on(store.journal(id, None)).expect("journal")
}

fn bytes(ws: &Workspace) -> Vec<u8> {
    let mut all: Vec<Contact> = ws.contacts().cloned().collect();
    all.sort_by_key(|c| c.id);
    encode_page(&all)
}

fn id_of(ws: &Workspace, first: &str) -> ContactId {
    ws.contacts().find(|c| c.data.first_name() == first).map(|c| c.id).unwrap_or_else(|| panic!("{first}"))
}

fn call(day: u32) -> InteractionDraft {
    let started = format!("2026-06-{day:02}T10:00");
    InteractionDraft { channel: "voice".into(), direction: "inbound".into(), started, ..InteractionDraft::default() }
}

fn whatsapp() -> InteractionDraft {
    InteractionDraft { channel: "whatsapp".into(), direction: "outbound".into(), started: "2026-06-03T09:00".into(), ..InteractionDraft::default() }
}

/// Seeded and catalogued; Ann (Campaign) has a call and an open WhatsApp chat and an
/// edit in her history; Bob (Campaign) has a call.
fn workspace() -> (MemoryStore, Workspace, Catalog) {
    let (store, mut ws) = (MemoryStore::new(), Workspace::new());
    block_on(seed(&store, &mut ws));
    let cat = block_on(catalog(&store, &mut ws));
    let (ann, bob) = (id_of(&ws, "Ann"), id_of(&ws, "Bob"));
    for (who, draft) in [(ann, call(1)), (ann, whatsapp()), (bob, call(2))] {
        let (_, ch) = ws.log_interaction(who, &draft, 0).expect("log");
        commit(&store, &ws, &ch);
    }
    let mut d = crate::domain::ContactDraft::from_contact(ws.contact(ann).expect("ann"));
    d.set(F::Company, "Able & Co");
    let ch = ws.update_contact(ann, &d, T0).expect("edit ann");
    commit(&store, &ws, &ch);
    (store, ws, cat)
}

fn merge(store: &MemoryStore, ws: &mut Workspace, kept: ContactId, other: ContactId, choices: &MergeChoices) -> crate::domain::HistoryEvent {
    let (event, ch) = ws.merge_contacts(kept, other, choices, journal(store, other), LATER).expect("merge");
    commit(store, ws, &ch);
    event
}

fn undo(store: &MemoryStore, ws: &mut Workspace, event: &crate::domain::HistoryEvent) -> Result<(), WorkspaceError> {
    let ch = ws.undo_merge(event, journal(store, event.contact))?;
    commit(store, ws, &ch);
    Ok(())
}

#[test]
fn merge_moves_the_journal_to_the_kept_contact_and_undo_gives_both_back_exactly() {
    let (store, mut ws, _) = workspace();
    let (ann, bob) = (id_of(&ws, "Ann"), id_of(&ws, "Bob"));
    let (before, ann_journal, bob_journal) = (bytes(&ws), journal(&store, ann), journal(&store, bob));
    assert_eq!((ann_journal.len(), bob_journal.len()), (3, 1), "two interactions and an edit; one call");

    let mut choices = MergeChoices::default();
    choices.choose(EditedField::Default(F::FirstName), Side::Other);
    let event = merge(&store, &mut ws, bob, ann, &choices);

    assert!(ws.contact(ann).is_none() && journal(&store, ann).is_empty());
    let kept = ws.contact(bob).expect("bob");
    assert_eq!(kept.data.first_name(), "Ann", "the chosen side");
    assert_eq!(kept.data.get(F::Company), Some("Able & Co"), "only Ann had a company: kept");
    assert_eq!((kept.activity.count, kept.activity.open_whatsapp), (3, 1));
    let moved = journal(&store, bob);
    assert_eq!(moved.len(), 5, "Bob's call, Ann's three entries, the merge: {moved:?}");
    assert!(moved.iter().all(|e| e.contact() == bob));
    assert!(moved.iter().any(|e| matches!(e, JourneyEntry::History(h) if matches!(h.kind, HistoryKind::MergedIn(_)))));

    // Stored as well as in memory: a reload gives the merged workspace.
    let reloaded = block_on(store.load()).expect("load");
    assert_eq!(bytes(&reloaded), bytes(&ws));

    undo(&store, &mut ws, &event).expect("undo");
    assert_eq!(bytes(&ws), before, "both contacts byte for byte");
    assert_eq!((journal(&store, ann), journal(&store, bob)), (ann_journal, bob_journal));
    assert_eq!(bytes(&block_on(store.load()).expect("load")), before);
}

#[test]
fn undo_is_refused_once_the_kept_contact_changed_or_the_merged_ones_list_is_gone() {
    let (store, mut ws, cat) = workspace();
    let (ann, bob, ada) = (id_of(&ws, "Ann"), id_of(&ws, "Bob"), id_of(&ws, "Ada"));
    let event = merge(&store, &mut ws, bob, ann, &MergeChoices::default());
    let (_, ch) = ws.log_interaction(bob, &call(9), 0).expect("log");
    commit(&store, &ws, &ch);
    let refused = ws.undo_merge(&event, journal(&store, bob));
    assert!(matches!(refused, Err(WorkspaceError::Merge(MergeError::ChangedSince(ref name))) if name == "Bob Baker"), "{refused:?}");
    assert_eq!(refused.map(|_| ()).unwrap_err().to_string(), "Bob Baker was changed after the merge, so the merge can no longer be undone");

    // Ada's list (Leads) deleted after Ada was merged into Grace: undo cannot put her back.
    let grace = id_of(&ws, "Grace");
    let event = merge(&store, &mut ws, grace, ada, &MergeChoices::default());
    let leads = ws.lists().into_iter().find(|l| &*l.name == "Leads").map(|l| l.id).expect("leads");
    let ch = ws.delete_lists(&[leads], T0).expect("delete list");
    commit(&store, &ws, &ch);
    let refused = ws.undo_merge(&event, journal(&store, grace));
    assert!(matches!(refused, Err(WorkspaceError::Merge(MergeError::CannotUndo(_)))), "{refused:?}");
    assert!(ws.contact(grace).is_some() && cat.list != leads);
}

#[test]
fn a_contact_is_not_merged_with_itself_nor_with_one_that_is_gone() {
    let (store, mut ws, _) = workspace();
    let bob = id_of(&ws, "Bob");
    let itself = ws.merge_contacts(bob, bob, &MergeChoices::default(), Vec::new(), LATER);
    assert!(matches!(itself, Err(WorkspaceError::Merge(MergeError::SameContact))));
    let gone = ws.merge_contacts(bob, ContactId::new(999), &MergeChoices::default(), Vec::new(), LATER);
    assert!(matches!(gone, Err(WorkspaceError::UnknownContact(_))));
    assert_eq!(journal(&store, bob).len(), 1, "nothing written");
}

#[test]
fn a_copy_fills_the_target_lists_required_field_and_records_where_it_came_from() {
    let (store, mut ws, cat) = workspace();
    let grace = id_of(&ws, "Grace");
    let plan = ws.copy_plan(grace, cat.list).expect("plan");
    assert_eq!(plan.to_fill, vec![cat.tier], "Campaign requires a tier Grace lacks");
    let unfilled = ws.copy_contact(grace, cat.list, &BTreeMap::new(), LATER);
    assert!(matches!(unfilled, Err(WorkspaceError::Contact(_))), "{unfilled:?}");
    let count = ws.contact_count(cat.list);

    let filled = BTreeMap::from([(cat.tier, "gold".to_owned())]);
    let (copy, ch) = ws.copy_contact(grace, cat.list, &filled, LATER).expect("copy");
    commit(&store, &ws, &ch);
    assert_eq!(ws.contact_count(cat.list), count + 1);
    let copied = ws.contact(copy).expect("copy");
    assert_eq!((copied.data.first_name(), copied.list_id), ("Grace", cat.list));
    assert_eq!(copied.data.custom_value(cat.tier).map(|v| v.to_text()).as_deref(), Some("Gold"));
    let kinds = |id| journal(&store, id).into_iter().filter_map(|e| match e { JourneyEntry::History(h) => Some(h.kind), _ => None }).collect::<Vec<_>>();
    assert!(kinds(grace).contains(&HistoryKind::Duplicated { to_list: cat.list }));
    let from = ws.contact(grace).map(|c| c.list_id).expect("grace");
    assert_eq!(kinds(copy), vec![HistoryKind::CopiedFrom { contact: grace, list: from }]);
    assert!(matches!(ws.copy_plan(copy, cat.list), Err(WorkspaceError::SameList)));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Any two contacts, any choice on each conflict: merge then undo gives back every
    /// contact and both journals byte for byte.
    #[test]
    fn merge_then_undo_is_exact(kept in 0usize..8, other in 0usize..8, picks in proptest::collection::vec(any::<bool>(), 24)) {
        let (store, mut ws, cat) = workspace();
        for (i, first) in ["Cleo", "Dan", "Eve"].into_iter().enumerate() {
            let mut d = contact_draft(cat.list, first, if i == 1 { "Able" } else { "Baker" });
            d.custom.insert(cat.tier, if i == 0 { "Gold" } else { "Silver" }.into());
            d.set(F::Mobile, format!("+39 347 000 00{i}{i}"));
            let (_, ch) = ws.create_contact(&d, T0).expect("contact");
            commit(&store, &ws, &ch);
        }
        let ids: Vec<ContactId> = ws.contacts().map(|c| c.id).collect();
        let (kept, other) = (ids[kept % ids.len()], ids[other % ids.len()]);
        prop_assume!(kept != other);
        let preview = ws.merge_preview(kept, other).expect("preview");
        let mut choices = MergeChoices::default();
        for (row, pick) in preview.rows.iter().filter(|r| r.outcome == RowOutcome::Conflict).zip(picks) {
            choices.choose(row.field, if pick { Side::Other } else { Side::Kept });
        }
        let (before, journals) = (bytes(&ws), (journal(&store, kept), journal(&store, other)));
        let Ok((event, ch)) = ws.merge_contacts(kept, other, &choices, journal(&store, other), LATER) else {
            // Only a required field empty on both sides refuses, and then nothing changed.
            prop_assert_eq!(bytes(&ws), before);
            return Ok(());
        };
        commit(&store, &ws, &ch);
        prop_assert!(ws.contact(other).is_none());
        undo(&store, &mut ws, &event).expect("undo");
        prop_assert_eq!(bytes(&ws), before);
        prop_assert_eq!((journal(&store, kept), journal(&store, other)), journals);
    }
}
