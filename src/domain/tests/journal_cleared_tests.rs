//! Commands that remove contacts for good (purging the trash, undoing an import) name
//! them in `journal_cleared`, so no journal entry outlives its contact; commands that
//! keep a contact (in the trash too) name none.

use crate::domain::{ContactId, ImportBatchDraft, Workspace};

use super::support_tests::{contact, draft, list, T0};

fn sorted(mut ids: Vec<ContactId>) -> Vec<ContactId> {
    ids.sort();
    ids
}

#[test]
fn deleting_contacts_keeps_their_journals_until_they_are_purged() {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "Leads");
    let [a, b, c] = ["Ann", "Bob", "Cy"].map(|name| contact(&mut ws, l, name, "", "", ""));
    let (outcome, change) = ws.delete_contacts(&[c, a, c], T0).expect("delete");
    assert!(change.journal_cleared.is_empty(), "the trash keeps their journals");
    assert!(ws.contact(b).is_some());
    let change = ws.purge_deletion(outcome.deletion.expect("a deletion")).expect("purge");
    assert_eq!(sorted(change.journal_cleared), [a, c], "once each");
}

#[test]
fn deleting_lists_keeps_journals_and_emptying_the_trash_clears_those_of_all_their_contacts_and_no_other() {
    let mut ws = Workspace::new();
    let (gone, kept, also_gone) = (list(&mut ws, "Gone"), list(&mut ws, "Kept"), list(&mut ws, "Also gone"));
    let mut doomed = vec![contact(&mut ws, gone, "Ann", "", "", ""), contact(&mut ws, also_gone, "Bob", "", "", "")];
    let survivor = contact(&mut ws, kept, "Cy", "", "", "");
    doomed.push(contact(&mut ws, gone, "Di", "", "", ""));
    let change = ws.delete_lists(&[gone, also_gone], T0).expect("delete lists");
    assert!(change.journal_cleared.is_empty());
    let change = ws.empty_trash();
    assert_eq!(sorted(change.journal_cleared.clone()), sorted(doomed));
    assert!(!change.journal_cleared.contains(&survivor));
    let empty = list(&mut ws, "Empty");
    let change = ws.delete_lists(&[empty], T0).expect("delete empty");
    assert!(change.journal_cleared.is_empty() && change.trash_put.is_empty());
}

#[test]
fn undoing_an_import_clears_the_journals_of_the_contacts_it_removes() {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "Leads");
    let before = contact(&mut ws, l, "Before", "", "", "");
    let batch_draft = ImportBatchDraft { file_name: "a.csv".into(), file_size: 1, list: l, mapping: Vec::new(), duplicate_check: Vec::new() };
    let (batch, _) = ws.begin_import(batch_draft, T0).expect("begin");
    let rows = ["R1", "R2", "R3"].map(|n| draft(l, n, "", "", "").validate().expect("valid").1).to_vec();
    let (imported, _) = ws.import_contacts(batch, rows, Default::default(), T0).expect("import");
    ws.finish_import(batch, false, Default::default(), T0).expect("finish");
    ws.delete_contacts(&[imported[1]], T0).expect("delete one imported contact");
    let (_, change) = ws.undo_import(batch, T0).expect("undo");
    assert_eq!(sorted(change.journal_cleared), sorted(vec![imported[0], imported[2]]));
    assert!(ws.contact(before).is_some());
}

#[test]
fn moving_or_editing_a_contact_clears_nothing() {
    let mut ws = Workspace::new();
    let (from, to) = (list(&mut ws, "From"), list(&mut ws, "To"));
    let id = contact(&mut ws, from, "Ann", "", "", "");
    let change = ws.update_contact(id, &draft(to, "Ann", "Able", "", ""), T0).expect("move");
    assert!(change.journal_cleared.is_empty() && !change.pages_put.is_empty());
    assert_eq!(ws.contact(id).map(|c| c.list_id), Some(to));
}
