//! Shared checks of backups: everything a store holds goes out in one file (read with
//! the store's own `journal_after` and `settings`) and comes back the same when the
//! file is restored into an empty store.

use super::fixtures::{catalog, import_slices, seed, snapshot, T0};
use super::Backend;
use crate::domain::{ContactId, InteractionDraft, JourneyEntry, Workspace};
use crate::persist::backup::{restore_backup, write_backup, BackupCounts, BackupHeader, BackupReader};
use crate::persist::{MemoryStore, Persistence};

/// Every kind of record: lists, contacts (edited, tagged, with custom values), fields,
/// tags, agents, dispositions, an import, a deletion in the trash, interactions and
/// history events on several contacts, settings.
pub(crate) async fn fill(store: &dyn Persistence) -> Workspace {
    let mut ws = Workspace::new();
    let (leads, _) = seed(store, &mut ws).await;
    let cat = catalog(store, &mut ws).await;
    import_slices(store, &mut ws, leads, 3, 40).await;
    let ids: Vec<ContactId> = ws.contacts().map(|c| c.id).collect();
    for (n, &contact) in ids.iter().enumerate().take(30) {
        let channel = ["voice", "whatsapp", "email", "sms"][n % 4];
        let draft = InteractionDraft { channel: channel.into(), direction: "inbound".into(), started: format!("2026-0{}-1{}T09:30", 1 + n % 9, n % 10), notes: format!("call «{n}»"), ..InteractionDraft::default() };
        let (_, change) = ws.log_interaction(contact, &draft, 60).expect("logged");
        store.commit(&ws, &change).await.expect("commit the interaction");
    }
    let (_, change) = ws.delete_contacts(&[cat.ann], T0).expect("delete ann");
    store.commit(&ws, &change).await.expect("commit the deletion");
    store.put_setting("page-size", "100").await.expect("setting");
    store.put_setting("import-mapping:First,Last", "First=First name").await.expect("setting");
    ws
}

/// The restored workspace shows what the original did, part by part (a short message
/// when one differs).
fn assert_same(restored: &Workspace, original: &Workspace) {
    let (r, o) = (snapshot(restored), snapshot(original));
    assert_eq!(r.meta, o.meta);
    assert_eq!(r.lists, o.lists);
    assert_eq!(r.counts, o.counts);
    for (rc, oc) in r.contacts.iter().zip(&o.contacts) {
        assert_eq!(rc, oc);
    }
    assert_eq!(r.contacts.len(), o.contacts.len());
    assert_eq!((r.fields, r.tags, r.agents, r.dispositions), (o.fields, o.tags, o.agents, o.dispositions));
    assert_eq!(r.imports, o.imports);
    assert_eq!(restored.deletions(), original.deletions(), "the trash came back");
}

/// Every contact's journal, live and in the trash alike, in key order.
async fn whole_journal(store: &dyn Persistence) -> Vec<JourneyEntry> {
    store.journal_after(None, usize::MAX).await.expect("read the whole journal")
}

/// The backup file of `store` (and `ws`, its workspace).
pub(crate) async fn backup_of(store: &dyn Persistence, ws: &Workspace) -> (Vec<u8>, BackupCounts) {
    let header = BackupHeader { app_version: "test".into(), made_at_ms: T0.millis() };
    let settings = store.settings().await.expect("settings");
    let mut file = Vec::new();
    let mut keep = |parts: Vec<Vec<u8>>| parts.into_iter().for_each(|p| file.extend(p));
    let made = write_backup(|f: &mut dyn FnMut(&Workspace)| f(ws), store, header, settings, &mut keep, &mut |_| Box::pin(async { true }))
        .await
        .expect("write the backup")
        .expect("not stopped");
    made.last_parts.into_iter().for_each(|p| file.extend(p));
    (file, made.counts)
}

/// Restores `file` into `target`, checked first as the app does, fed in odd slices.
pub(crate) async fn restore_into(target: &dyn Persistence, file: &[u8]) {
    let mut check = BackupReader::new();
    for slice in file.chunks(7_777) {
        check.feed(slice).expect("a whole backup reads");
    }
    let checked = check.finish().expect("a whole backup");
    let mut reader = BackupReader::new();
    let mut restoring = restore_backup(target, checked.counts);
    for slice in file.chunks(100_003) {
        let frames = reader.feed(slice).expect("the same file reads again");
        restoring.take(frames).await.expect("restore the frames");
    }
    reader.finish().expect("whole again");
    restoring.finish().await.expect("restore finished");
}

pub(crate) async fn a_backup_of_this_store_restores_the_same_workspace_journal_and_settings(b: &dyn Backend) {
    let store = b.store();
    fill(store).await;
    // As stored (an import in progress in memory is "interrupted" once read back).
    let ws = b.reload().await.expect("reload");
    let journal = whole_journal(store).await;
    let kinds = (journal.iter().filter(|e| e.as_interaction().is_some()).count(), journal.iter().filter(|e| e.as_interaction().is_none()).count());
    assert_eq!(kinds, (30, 1), "30 interactions and one edit to back up");
    let (file, counts) = backup_of(store, &ws).await;
    assert_eq!((counts.contacts as usize, counts.journal as usize, counts.settings), (ws.total_contacts(), journal.len(), 2));

    let copy = MemoryStore::default();
    restore_into(&copy, &file).await;
    let restored = copy.load().await.expect("load the restored store");
    assert_same(&restored, &ws);
    assert_eq!(ws.deletions().len(), 2);
    assert_eq!(whole_journal(&copy).await, journal);
    assert_eq!(copy.settings().await.expect("settings"), store.settings().await.expect("settings"));
}

pub(crate) async fn a_backup_restored_into_this_store_gives_the_same_workspace(b: &dyn Backend) {
    let source = MemoryStore::default();
    fill(&source).await;
    let ws = source.load().await.expect("load the source");
    let (file, _) = backup_of(&source, &ws).await;

    restore_into(b.store(), &file).await;
    let restored = b.reload().await.expect("reload the restored store");
    assert_same(&restored, &ws);
    assert_eq!(whole_journal(b.store()).await, whole_journal(&source).await);
    let mut settings = b.store().settings().await.expect("settings");
    settings.sort();
    assert_eq!(settings, [("import-mapping:First,Last".to_owned(), "First=First name".to_owned()), ("page-size".to_owned(), "100".to_owned())]);
}
