//! Import batches through the workspace: history, undo, interrupted imports.

use crate::domain::codec::{self, CodecError};
use crate::domain::workspace::{DELETED_LIST_LABEL, PAGE_CAPACITY};
use crate::domain::{
    BatchError, BatchId, BatchProgress, BatchState, BatchStatus, ContactData, ContactDraft, ContactId, ImportBatch, ImportBatchDraft,
    ListId, RecordKey, StoredRecords, Timestamp, Workspace, WorkspaceError,
};

use super::support_tests::{contact, draft, list, T0};
use super::workspace_tests::{reload, stored_records};

const T1: Timestamp = Timestamp::from_millis(T0.millis() + 60_000);
const T2: Timestamp = Timestamp::from_millis(T0.millis() + 120_000);

fn batch_draft(list: ListId, file: &str) -> ImportBatchDraft {
    ImportBatchDraft {
        file_name: file.into(),
        file_size: 1234,
        list,
        mapping: vec![("Name".into(), "First name".into()), ("Notes".into(), "Do not import".into())],
        duplicate_check: vec!["Phone".into()],
    }
}

fn rows(list: ListId, from: usize, n: usize) -> Vec<ContactData> {
    (from..from + n)
        .map(|i| {
            let d: ContactDraft = draft(list, &format!("Row{i}"), "", "", "");
            d.validate().expect("valid row").1
        })
        .collect()
}

fn progress(rows_read: u64, failed: u64) -> BatchProgress {
    BatchProgress { rows_read, duplicates_in_file: 1, duplicates_in_list: 2, failed }
}

fn range(first: u64, last: u64) -> (ContactId, ContactId) {
    (ContactId::new(first), ContactId::new(last))
}

/// A list with one hand-made contact, and a finished import of `n` rows in slices of
/// `slice` into it.
fn imported(n: usize, slice: usize) -> (Workspace, ListId, BatchId, ContactId) {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "Leads");
    let own = contact(&mut ws, l, "Own", "", "", "");
    let (b, _) = ws.begin_import(batch_draft(l, "leads.csv"), T0).expect("begin");
    let mut done = 0;
    while done < n {
        let take = slice.min(n - done);
        ws.import_contacts(b, rows(l, done, take), progress(done as u64 + take as u64, 0), T0).expect("slice");
        done += take;
    }
    ws.finish_import(b, false, progress(n as u64 + 3, 0), T1).expect("finish");
    (ws, l, b, own)
}

#[test]
fn an_import_in_slices_is_one_batch_with_its_ids_and_counts() {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "Leads");
    let (b, change) = ws.begin_import(batch_draft(l, "leads.csv"), T0).expect("begin");
    assert_eq!(change.records_put, vec![RecordKey::Import(b)]);
    assert_eq!(ws.import(b).map(ImportBatch::status), Some(BatchStatus::Running));

    let (first, change) = ws.import_contacts(b, rows(l, 0, 600), progress(601, 1), T0).expect("slice 1");
    assert_eq!(first.len(), 600);
    // The contacts and the batch record travel together: one transaction.
    assert!(change.meta && change.pages_put.len() == 600usize.div_ceil(PAGE_CAPACITY), "{change:?}");
    assert_eq!(change.records_put, vec![RecordKey::Import(b)]);
    let (second, _) = ws.import_contacts(b, rows(l, 600, 100), progress(702, 1), T1).expect("slice 2");
    // A contact added by hand between two slices is not the import's.
    let by_hand = contact(&mut ws, l, "Hand", "", "", "");
    let (third, _) = ws.import_contacts(b, rows(l, 700, 5), progress(708, 2), T1).expect("slice 3");
    let (none, change) = ws.import_contacts(b, Vec::new(), progress(720, 14), T1).expect("an all-duplicates slice");
    assert!(none.is_empty() && change.records_put == vec![RecordKey::Import(b)]);
    let change = ws.finish_import(b, false, progress(721, 14), T2).expect("finish");
    assert_eq!(change.records_put, vec![RecordKey::Import(b)]);

    let batch = ws.import(b).expect("kept");
    let last = |ids: &[ContactId]| ids.last().map(|id| id.get()).unwrap_or_default();
    assert_eq!(batch.created, vec![range(first[0].get(), last(&second)), range(third[0].get(), last(&third))]);
    assert!(batch.created_contact(first[0]) && !batch.created_contact(by_hand));
    assert_eq!(batch.imported(), 705);
    assert_eq!(batch.progress, progress(721, 14));
    assert_eq!((batch.state, batch.status(), batch.started, batch.finished, batch.undone), (BatchState::Finished, BatchStatus::Finished, T0, Some(T2), None));
    assert_eq!((&*batch.file_name, batch.file_size, batch.list), ("leads.csv", 1234, l));
    assert_eq!(batch.mapping[1], ("Notes".to_string(), "Do not import".to_string()));
    assert_eq!(batch.duplicate_check, vec!["Phone".to_string()]);
    assert_eq!(ws.contact_count(l), 706);

    // Ended: no more slices, no second finish.
    assert_eq!(ws.import_contacts(b, rows(l, 0, 1), progress(1, 0), T2).err(), Some(BatchError::Ended.into()));
    assert_eq!(ws.finish_import(b, true, progress(1, 0), T2).err(), Some(BatchError::Ended.into()));
    assert_eq!(ws.contact_count(l), 706, "a refused slice adds nothing");
}

#[test]
fn history_is_newest_first_and_stopped_imports_say_so() {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "Leads");
    let (a, _) = ws.begin_import(batch_draft(l, "a.csv"), T0).expect("a");
    ws.finish_import(a, false, progress(0, 0), T0).expect("finish a");
    let (b, _) = ws.begin_import(batch_draft(l, "b.csv"), T1).expect("b");
    ws.import_contacts(b, rows(l, 0, 3), progress(3, 0), T1).expect("slice");
    ws.finish_import(b, true, progress(3, 0), T2).expect("stop b");
    let history: Vec<(&str, BatchStatus)> = ws.imports().into_iter().map(|x| (&*x.file_name, x.status())).collect();
    assert_eq!(history, [("b.csv", BatchStatus::Stopped), ("a.csv", BatchStatus::Finished)]);
    assert!(ws.interrupted_imports().is_empty());
    assert_eq!(ws.import(b).map(|x| (x.state, x.finished)), Some((BatchState::Stopped, Some(T2))));
    assert_eq!(BatchStatus::Interrupted.label(), "Interrupted");
}

#[test]
fn commands_refuse_unknown_lists_and_batches() {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "Leads");
    let missing = ListId::new(99);
    assert_eq!(ws.begin_import(batch_draft(missing, "x.csv"), T0).err(), Some(WorkspaceError::UnknownList(missing)));
    assert!(ws.imports().is_empty());
    let nope = BatchId::new(7);
    let unknown = Some(WorkspaceError::Import(BatchError::Unknown(nope)));
    assert_eq!(ws.import_contacts(nope, rows(l, 0, 1), progress(1, 0), T0).err(), unknown);
    assert_eq!(ws.finish_import(nope, false, progress(1, 0), T0).err(), unknown);
    assert_eq!(ws.undo_import(nope, T0).err(), unknown);
    assert_eq!(ws.keep_interrupted_import(nope, T0).err(), unknown);
    assert_eq!(ws.total_contacts(), 0);
    assert!(WorkspaceError::from(BatchError::StillRunning).to_string().contains("stop the import"));
}

#[test]
fn undo_removes_exactly_the_contacts_the_batch_created() {
    let (mut ws, l, b, own) = imported(1_200, 500);
    let before_other = contact(&mut ws, l, "After", "", "", "");
    let other_list = list(&mut ws, "Other");
    let elsewhere = contact(&mut ws, other_list, "Else", "", "", "");
    assert_eq!(ws.contact_count(l), 1_202);

    let (removed, change) = ws.undo_import(b, T2).expect("undo");
    assert_eq!(removed, 1_200);
    assert!(change.records_put.contains(&RecordKey::Import(b)));
    assert!(!change.pages_deleted.is_empty(), "1,200 imported contacts filled whole pages: {change:?}");
    assert_eq!(ws.contact_count(l), 2);
    assert!(ws.contact(own).is_some() && ws.contact(before_other).is_some() && ws.contact(elsewhere).is_some());
    let batch = ws.import(b).expect("history stays");
    assert_eq!((batch.undone, batch.undo_removed, batch.imported()), (Some(T2), 1_200, 1_200));
    assert_eq!(batch.status(), BatchStatus::Finished, "undo does not rewrite how the import ended");
    assert_eq!(ws.undo_import(b, T2).err(), Some(BatchError::AlreadyUndone.into()));
}

#[test]
fn undo_skips_contacts_the_user_deleted_and_follows_moved_ones() {
    let (mut ws, _, b, own) = imported(10, 4);
    let created: Vec<ContactId> = ws.contacts().map(|c| c.id).filter(|id| *id != own).collect();
    assert_eq!(created.len(), 10);
    ws.delete_contacts(&created[..3], T1).expect("user deletes three");
    // One moved to another list by an edit: still a contact the import created.
    let other = list(&mut ws, "Other");
    let moved = created[5];
    let d = draft(other, "Moved", "", "", "");
    ws.update_contact(moved, &d, T1).expect("move");
    assert_eq!(ws.contact(moved).map(|c| c.list_id), Some(other));

    let (removed, _) = ws.undo_import(b, T2).expect("undo");
    assert_eq!(removed, 7);
    assert_eq!(ws.import(b).map(|x| x.undo_removed), Some(7));
    assert_eq!(ws.total_contacts(), 1);
    assert!(ws.contact(own).is_some());
}

#[test]
fn after_its_list_is_deleted_a_batch_stays_in_history_and_undo_removes_nothing() {
    let (mut ws, l, b, _) = imported(30, 30);
    let keep = list(&mut ws, "Keep");
    let kept = contact(&mut ws, keep, "Kept", "", "", "");
    assert_eq!(ws.import(b).map(|x| ws.import_list_name(x)), Some("Leads"));
    ws.delete_lists(&[l], T1).expect("delete list");
    let batch = ws.import(b).expect("history kept");
    assert_eq!(ws.import_list_name(batch), DELETED_LIST_LABEL);
    assert_eq!(DELETED_LIST_LABEL, "deleted list");
    let (removed, change) = ws.undo_import(b, T2).expect("undo does not fail");
    assert_eq!(removed, 0);
    assert!(change.pages_put.is_empty() && change.pages_deleted.is_empty());
    assert_eq!(change.records_put, vec![RecordKey::Import(b)]);
    assert_eq!(ws.import(b).map(|x| (x.undone, x.undo_removed)), Some((Some(T2), 0)));
    assert!(ws.contact(kept).is_some());

    // A running import whose list goes away fails its next slice clearly.
    let (running, _) = ws.begin_import(batch_draft(keep, "k.csv"), T2).expect("begin");
    ws.delete_lists(&[keep], T2).expect("delete keep");
    assert_eq!(ws.import_contacts(running, rows(keep, 0, 1), progress(1, 0), T2).err(), Some(WorkspaceError::UnknownList(keep)));
    assert!(ws.finish_import(running, true, progress(1, 0), T2).is_ok());
}

#[test]
fn a_running_batch_cannot_be_undone() {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "Leads");
    let (b, _) = ws.begin_import(batch_draft(l, "a.csv"), T0).expect("begin");
    ws.import_contacts(b, rows(l, 0, 2), progress(2, 0), T0).expect("slice");
    assert_eq!(ws.undo_import(b, T1).err(), Some(BatchError::StillRunning.into()));
    assert_eq!(ws.keep_interrupted_import(b, T1).err(), Some(BatchError::NotInterrupted.into()));
    assert_eq!(ws.total_contacts(), 2);
}

#[test]
fn a_batch_still_running_in_storage_loads_as_interrupted_with_what_was_committed() {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "Leads");
    let (done, _) = ws.begin_import(batch_draft(l, "done.csv"), T0).expect("begin");
    ws.finish_import(done, false, progress(0, 0), T0).expect("finish");
    let (cut, _) = ws.begin_import(batch_draft(l, "cut.csv"), T0).expect("begin");
    ws.import_contacts(cut, rows(l, 0, 700), progress(703, 3), T1).expect("slice");
    // The tab closes here.
    let mut loaded = reload(&ws);
    let batch = loaded.import(cut).expect("stored");
    assert_eq!((batch.status(), batch.state, batch.imported(), batch.progress, batch.updated), (BatchStatus::Interrupted, BatchState::Running, 700, progress(703, 3), T1));
    assert_eq!(loaded.interrupted_imports().iter().map(|b| b.id).collect::<Vec<_>>(), vec![cut]);
    assert_eq!(loaded.import(done).map(ImportBatch::status), Some(BatchStatus::Finished));
    // It cannot go on...
    assert_eq!(loaded.import_contacts(cut, rows(l, 0, 1), progress(1, 0), T2).err(), Some(BatchError::Interrupted.into()));
    assert_eq!(loaded.finish_import(cut, false, progress(1, 0), T2).err(), Some(BatchError::Interrupted.into()));
    // ...but can be undone, which settles it as stopped at its last commit.
    let mut undone = reload(&ws);
    let (removed, _) = undone.undo_import(cut, T2).expect("undo interrupted");
    assert_eq!(removed, 700);
    let batch = undone.import(cut).expect("kept");
    assert_eq!((batch.status(), batch.finished, batch.undone), (BatchStatus::Stopped, Some(T1), Some(T2)));
    assert!(undone.interrupted_imports().is_empty());
    // Or kept as it is.
    let change = loaded.keep_interrupted_import(cut, T2).expect("keep");
    assert_eq!(change.records_put, vec![RecordKey::Import(cut)]);
    assert_eq!(loaded.import(cut).map(|b| (b.status(), b.finished, b.updated)), Some((BatchStatus::Stopped, Some(T1), T2)));
    assert!(loaded.interrupted_imports().is_empty());
    assert_eq!(loaded.total_contacts(), 700);
    assert_eq!(loaded.keep_interrupted_import(cut, T2).err(), Some(BatchError::NotInterrupted.into()));
    // What was settled stays settled after a reload.
    assert_eq!(reload(&loaded).import(cut).map(ImportBatch::status), Some(BatchStatus::Stopped));
}

#[test]
fn the_next_batch_id_follows_the_stored_batches() {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "Leads");
    let ids: Vec<BatchId> = (0..3).map(|i| ws.begin_import(batch_draft(l, &format!("{i}.csv")), T0).expect("begin").0).collect();
    assert_eq!(ids, [0, 1, 2].map(BatchId::new));
    let mut loaded = reload(&ws);
    let (next, _) = loaded.begin_import(batch_draft(l, "next.csv"), T1).expect("begin");
    assert_eq!(next, BatchId::new(3));

    // Counters come from the batches themselves, whatever their order and gaps.
    let mut records = stored_records(&ws);
    let template = records.imports.first().cloned().expect("a batch");
    records.imports = [9, 4].map(|id| ImportBatch { id: BatchId::new(id), ..template.clone() }).to_vec();
    let mut gaps = Workspace::from_stored(records).expect("loads");
    assert_eq!(gaps.begin_import(batch_draft(l, "x.csv"), T1).expect("begin").0, BatchId::new(10));
}

#[test]
fn stored_batches_that_contradict_themselves_are_corrupt() {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "Leads");
    let (b, _) = ws.begin_import(batch_draft(l, "a.csv"), T0).expect("begin");
    let good = ws.import(b).cloned().expect("batch");
    let load = |imports: Vec<ImportBatch>| Workspace::from_stored(StoredRecords { imports, ..StoredRecords::default() });
    let mut backwards = good.clone();
    backwards.created = vec![range(9, 3)];
    assert!(matches!(load(vec![backwards]), Err(WorkspaceError::Corrupt(m)) if m.contains("import 0")));
    let mut unsorted = good.clone();
    unsorted.created = vec![range(10, 12), range(1, 2)];
    assert!(matches!(load(vec![unsorted]), Err(WorkspaceError::Corrupt(_))));
    assert!(matches!(load(vec![good.clone(), good.clone()]), Err(WorkspaceError::Corrupt(m)) if m.contains("twice")));
    // A batch of a list that no longer exists is history, not damage.
    assert!(load(vec![good]).is_ok());
}

#[test]
fn undo_of_a_batch_with_wide_stored_ranges_walks_the_contacts_instead() {
    let (ws, _, b, own) = imported(5, 5);
    let mut records = stored_records(&ws);
    let first = ws.import(b).map(|x| x.created[0].0).expect("created");
    // Claims far more ids than exist: the undo must not walk them one by one.
    for batch in &mut records.imports {
        batch.created = vec![(first, ContactId::new(u64::MAX - 1))];
    }
    let mut wide = Workspace::from_stored(records).expect("loads");
    assert_eq!(wide.import(b).map(ImportBatch::imported), Some(u64::MAX - first.get()));
    let (removed, _) = wide.undo_import(b, T2).expect("undo");
    assert_eq!(removed, 5);
    assert_eq!(wide.total_contacts(), 1);
    assert!(wide.contact(own).is_some());
}

#[test]
fn batch_records_round_trip_and_keep_their_stored_shape() {
    let (ws, _, b, _) = imported(3, 2);
    let batch = ws.import(b).cloned().expect("batch");
    let bytes = codec::encode_import(&batch);
    let back = codec::decode_import(&bytes).expect("decodes");
    assert_eq!(back, batch);

    // Bytes of format 2 (a batch's shape is the same in format 3). If this fails, the
    // stored shape of a batch changed: bump the format and keep decoding these.
    let golden: &[u8] = &[
        2, 0, 9, 108, 101, 97, 100, 115, 46, 99, 115, 118, 210, 9, 0, 2, 4, 78, 97, 109, 101, 10, 70, 105, 114, 115, 116, 32, 110,
        97, 109, 101, 5, 78, 111, 116, 101, 115, 13, 68, 111, 32, 110, 111, 116, 32, 105, 109, 112, 111, 114, 116, 1, 5, 80,
        104, 111, 110, 101, 6, 1, 2, 0, 128, 160, 171, 254, 249, 98, 192, 201, 178, 254, 249, 98, 1, 192, 201, 178, 254, 249,
        98, 1, 1, 1, 3, 0, 0,
    ];
    assert_eq!((bytes.first(), bytes.get(1..)), (Some(&codec::CURRENT_FORMAT), golden.get(1..)));
    let old = codec::decode_import(golden).expect("format 2 batch decodes");
    assert_eq!(old, batch);
    assert!(matches!(codec::decode_import(&[1, 0]), Err(CodecError::Damaged(_))), "no format-1 batch ever existed");
    assert_eq!(codec::decode_import(&[]), Err(CodecError::Empty));
}
