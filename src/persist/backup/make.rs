//! Making a backup: the workspace's records in slices (the caller keeps the workspace
//! unchanged meanwhile: a modal dialog), then the journal read from storage a page at
//! a time, then the settings, handing each finished part of the file on.

use super::format::{BackupCounts, BackupHeader};
use super::frame::{Frame, Slot};
use super::writer::BackupWriter;
use crate::domain::codec::encode_journal_entry;
use crate::domain::change::JournalKey;
use crate::domain::Workspace;
use crate::persist::writes::{encode, record_places, Target};
use crate::persist::{LocalBoxFuture, Persistence, StoreError};

/// Journal entries read per request.
const JOURNAL_PAGE: usize = 5_000;
/// Records encoded between two pauses.
const RECORDS_PER_SLICE: usize = 64;

/// How far a backup is: records of the workspace written of all, and journal entries
/// written so far.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BackupProgress {
    pub records: usize,
    pub records_total: usize,
    pub journal: u64,
}

/// A finished backup: its last parts (earlier ones went to `on_parts`) and counts.
pub struct MadeBackup {
    pub last_parts: Vec<Vec<u8>>,
    pub counts: BackupCounts,
}

/// Writes the backup of the workspace `read` shows and of `store`'s journal, with
/// `settings`. `pause` runs between slices (the browser's turn, progress) and says
/// whether to go on; `None` when it said stop.
pub async fn write_backup<R>(
    read: R,
    store: &dyn Persistence,
    header: BackupHeader,
    settings: Vec<(String, String)>,
    on_parts: &mut dyn FnMut(Vec<Vec<u8>>),
    pause: &mut dyn FnMut(BackupProgress) -> LocalBoxFuture<'static, bool>,
) -> Result<Option<MadeBackup>, StoreError>
where
    R: Fn(&mut dyn FnMut(&Workspace)),
{
    let mut plan: Vec<Target> = Vec::new();
    let mut counts = BackupCounts::default();
    read(&mut |ws| {
        plan = record_places(&ws.whole()).collect();
        counts.contacts = ws.total_contacts() as u64;
    });
    let mut writer = BackupWriter::new(header);
    let mut progress = BackupProgress { records_total: plan.len(), ..BackupProgress::default() };
    for slice in plan.chunks(RECORDS_PER_SLICE) {
        read(&mut |ws| {
            for &target in slice {
                let (Some(slot), Some(bytes)) = (Slot::of(target), encode(ws, target)) else { continue };
                counts.records += 1;
                counts.lists += u64::from(matches!(slot, Slot::List(_)));
                writer.push(&Frame::Record { slot, bytes });
            }
        });
        progress.records += slice.len();
        on_parts(writer.take_parts());
        if !pause(progress).await {
            return Ok(None);
        }
    }
    let mut after: Option<JournalKey> = None;
    loop {
        let entries = store.journal_after(after, JOURNAL_PAGE).await?;
        for entry in &entries {
            let key = JournalKey::of(entry);
            writer.push(&Frame::Record { slot: Slot::Journal(key), bytes: encode_journal_entry(entry) });
            after = Some(key);
        }
        counts.journal += entries.len() as u64;
        progress.journal = counts.journal;
        on_parts(writer.take_parts());
        if entries.len() < JOURNAL_PAGE {
            break;
        }
        if !pause(progress).await {
            return Ok(None);
        }
    }
    for (name, value) in settings {
        writer.push(&Frame::Setting { name, value });
        counts.settings += 1;
    }
    Ok(Some(MadeBackup { last_parts: writer.finish(counts), counts }))
}
