//! The interaction commands of the workspace and the history every command writes:
//! what lands in the change (journal entries, pages, the id counter) and in the
//! contact's activity.

use crate::domain::interaction::WHATSAPP_NUMBER_KEY;
use crate::domain::{
    AgentDraft, ContactField, ContactId, HistoryEvent, HistoryKind, ImportBatchDraft, InteractionDraft,
    InteractionError, JourneyEntry, PhoneNumber, Role, TagDraft, Timestamp, Workspace, WorkspaceError,
};

use super::support_tests::{contact, list, T0};

const LATER: Timestamp = Timestamp::from_millis(1_700_000_360_000);

fn call(started: &str) -> InteractionDraft {
    InteractionDraft { channel: "voice".into(), direction: "inbound".into(), started: started.into(), ..InteractionDraft::default() }
}

fn setup() -> (Workspace, ContactId) {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "Sales");
    let ada = contact(&mut ws, l, "Ada", "Lovelace", "+39 333 123 4567", "ada@example.com");
    (ws, ada)
}

fn interactions(change: &crate::domain::Change) -> Vec<&crate::domain::Interaction> {
    change.journal_put.iter().filter_map(JourneyEntry::as_interaction).collect()
}

#[test]
fn a_logged_interaction_is_journaled_counted_and_takes_a_fresh_id() {
    let (mut ws, ada) = setup();
    let page = ws.page_of(ada).expect("page");
    let (first, change) = ws.log_interaction(ada, &call("2026-06-11 10:00"), 120).expect("logged");
    assert_eq!(interactions(&change), [&first]);
    assert_eq!((change.pages_put.as_slice(), change.meta), ([page].as_slice(), true), "its page (the activity) and the id counter");
    assert_eq!(first.started, super::journey_support::utc("2026-06-11 08:00:00.000"), "read at UTC+2");
    let (second, _) = ws.log_interaction(ada, &call("2026-06-12 10:00"), 0).expect("logged");
    assert_ne!(first.id, second.id);
    assert_eq!(ws.meta().next_interaction_id, second.id.get() + 1);
    let activity = ws.contact(ada).expect("ada").activity;
    assert_eq!((activity.count, activity.last, activity.open_whatsapp), (2, Some(second.started), 0));
}

#[test]
fn a_refused_draft_changes_nothing() {
    let (mut ws, ada) = setup();
    let before = (ws.meta().clone(), ws.contact(ada).cloned());
    let bad = InteractionDraft { channel: "pigeon".into(), ..call("2026-06-11 10:00") };
    assert_eq!(ws.log_interaction(ada, &bad, 0).map(|_| ()), Err(InteractionError::UnknownChannel("pigeon".into()).into()));
    let foreign = InteractionDraft { disposition: Some(crate::domain::DispositionId::new(99)), ..call("2026-06-11 10:00") };
    assert!(matches!(ws.log_interaction(ada, &foreign, 0), Err(WorkspaceError::Interaction(InteractionError::UnknownDisposition))));
    assert!(matches!(ws.log_interaction(ContactId::new(99), &call("2026-06-11 10:00"), 0), Err(WorkspaceError::UnknownContact(_))));
    assert_eq!((ws.meta().clone(), ws.contact(ada).cloned()), before);
}

#[test]
fn a_whatsapp_chat_opens_on_the_contacts_own_number_and_closes_with_a_disposition() {
    let (mut ws, ada) = setup();
    let list = ws.contact(ada).expect("ada").list_id;
    let (won, _) = ws.create_disposition(list, "Won", None).expect("disposition");
    let (agent, _) = ws.create_agent(&AgentDraft { name: "Yuri".into(), username: "yuri".into(), role: Role::Agent }).expect("agent");
    let stranger = PhoneNumber::parse("+44 20 7946 0000").expect("number");
    assert_eq!(
        ws.start_whatsapp(ada, &stranger, None, T0).map(|_| ()),
        Err(InteractionError::NotContactsNumber("442079460000".into()).into())
    );
    let own = ws.contact(ada).and_then(|c| c.data.phone().cloned()).expect("phone");
    let (chat, change) = ws.start_whatsapp(ada, &own, Some(agent), T0).expect("started");
    assert_eq!(chat.link, "https://wa.me/393331234567");
    assert_eq!(interactions(&change), [&chat.interaction]);
    assert_eq!(chat.interaction.metadata, [(WHATSAPP_NUMBER_KEY.into(), "393331234567".into())]);
    assert!(ws.contact(ada).expect("ada").activity.has_open_whatsapp(), "the marker shows");

    let (closed, change) = ws.close_interaction(&chat.interaction, LATER, Some(won), "Sold").expect("closed");
    assert_eq!((closed.ended, closed.disposition, &*closed.notes), (Some(LATER), Some(won), "Sold"));
    assert_eq!(crate::domain::change::JournalKey::of(&change.journal_put[0]), crate::domain::change::JournalKey::of(&JourneyEntry::Interaction(chat.interaction.clone())), "rewritten under the same key");
    let activity = ws.contact(ada).expect("ada").activity;
    assert_eq!((activity.count, activity.open_whatsapp), (1, 0), "closing does not count it again, the marker goes");
    assert!(matches!(ws.close_interaction(&closed, LATER, None, ""), Err(WorkspaceError::Interaction(InteractionError::AlreadyClosed))));
}

#[test]
fn a_bulk_log_keeps_the_good_rows_and_says_which_were_refused() {
    let (mut ws, ada) = setup();
    let rows = vec![
        (ada, call("2026-06-11 10:00")),
        (ContactId::new(404), call("2026-06-11 10:05")),
        (ada, InteractionDraft { started: "tomorrow-ish".into(), ..call("") }),
        (ada, call("2026-06-11 10:10")),
    ];
    let (logged, refused, change) = ws.log_interactions(&rows, 0);
    assert_eq!(logged.len(), 2);
    assert_eq!(refused.iter().map(|r| r.index).collect::<Vec<_>>(), [1, 2]);
    assert!(matches!(refused[0].error, WorkspaceError::UnknownContact(_)));
    assert_eq!(interactions(&change).len(), 2);
    assert_eq!(logged[1].id.get(), logged[0].id.get() + 1, "a refused row takes no id");
    assert_eq!(ws.contact(ada).expect("ada").activity.count, 2);
    let (none, refused, empty) = ws.log_interactions(&rows[1..2], 0);
    assert!(none.is_empty() && refused.len() == 1 && empty.is_empty());
}

#[test]
fn edits_record_the_fields_and_tags_they_changed_and_nothing_when_unchanged() {
    let (mut ws, ada) = setup();
    let (vip, _) = ws.create_tag(&TagDraft { name: "VIP".into(), colour: "#AA0000".into() }).expect("tag");
    let mut draft = crate::domain::ContactDraft::from_contact(ws.contact(ada).expect("ada"));
    let unchanged = ws.update_contact(ada, &draft, LATER).expect("saved");
    assert!(unchanged.journal_put.is_empty(), "{:?}", unchanged.journal_put);
    draft.set(ContactField::City, "Torino");
    draft.set(ContactField::Email, "");
    draft.tags = vec![vip];
    let change = ws.update_contact(ada, &draft, LATER).expect("saved");
    let event = |kind| JourneyEntry::History(HistoryEvent { contact: ada, at: LATER, kind });
    assert_eq!(
        change.journal_put,
        [
            event(HistoryKind::Edited { fields: vec!["Email".into(), "City".into()] }),
            event(HistoryKind::Tagged { added: vec![vip], removed: vec![] })
        ]
    );
    let other = list(&mut ws, "Support");
    draft.list_id = Some(other);
    let moved = ws.update_contact(ada, &draft, LATER).expect("moved");
    assert_eq!(moved.journal_put, [event(HistoryKind::Edited { fields: vec!["List".into()] })]);
}

#[test]
fn the_origin_event_says_created_or_which_import_brought_the_contact() {
    let (mut ws, ada) = setup();
    assert_eq!(ws.origin_event(ada), Some(HistoryEvent { contact: ada, at: T0, kind: HistoryKind::Created }));
    let list = ws.contact(ada).expect("ada").list_id;
    let draft = ImportBatchDraft { file_name: "people.csv".into(), file_size: 10, list, mapping: vec![], duplicate_check: vec![] };
    let (batch, _) = ws.begin_import(draft, LATER).expect("batch");
    let data = ws.contact(ada).map(|c| c.data.clone()).into_iter().collect();
    let (ids, _) = ws.import_contacts(batch, data, Default::default(), LATER).expect("imported");
    assert_eq!(ws.origin_event(ids[0]), Some(HistoryEvent { contact: ids[0], at: LATER, kind: HistoryKind::Imported { batch } }));
    assert_eq!(ws.origin_event(ContactId::new(404)), None);
}
