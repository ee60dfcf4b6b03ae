//! Restoring a backup into an empty store: the frames of a file already checked whole
//! (`reader`) are read again; records are decoded with the checks loading does and
//! committed as one workspace, then the journal in batches, then the settings.

use super::format::{BackupCounts, BackupError};
use super::frame::{Frame, Slot};
use crate::domain::change::JournalKey;
use crate::domain::{Change, RecordKey, StoredRecords, Workspace};
use crate::persist::decode::{self, StaleIds};
use crate::persist::{Persistence, StoreError};

/// Pages written per transaction (as an import writes them).
const PAGES_PER_TX: usize = 64;
/// Journal entries written per transaction.
const JOURNAL_PER_TX: usize = 20_000;

#[derive(Debug, thiserror::Error)]
pub enum RestoreError {
    #[error(transparent)]
    File(#[from] BackupError),
    #[error("the backup could not be written into this browser: {0}")]
    Store(#[from] StoreError),
}

/// What a restore wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Restored {
    pub lists: usize,
    pub contacts: usize,
    pub journal: u64,
    pub settings: u64,
}

/// Restores a checked backup into `target` (an empty store), frame batch by frame
/// batch as `next` reads the file again; `expected` is what the check counted.
pub struct Restoring<'a> {
    target: &'a dyn Persistence,
    expected: BackupCounts,
    records: StoredRecords,
    index: Option<crate::domain::IndexBuilder>,
    workspace: Option<Workspace>,
    journal: Vec<crate::domain::JourneyEntry>,
    done: Restored,
}

/// Starts a restore into `target`.
pub fn restore_backup(target: &dyn Persistence, expected: BackupCounts) -> Restoring<'_> {
    Restoring { target, expected, records: StoredRecords::default(), index: None, workspace: None, journal: Vec::new(), done: Restored::default() }
}

impl Restoring<'_> {
    /// Takes the next frames of the file.
    pub async fn take(&mut self, frames: Vec<Frame>) -> Result<(), RestoreError> {
        for frame in frames {
            match frame {
                Frame::Header(_) | Frame::End(_) => {}
                Frame::Record { slot: Slot::Journal(key), bytes } => {
                    self.write_workspace().await?;
                    let entry = decode::journal_entry(key.contact, Some(bytes)).map_err(damaged)?;
                    if JournalKey::of(&entry) != key {
                        return Err(BackupError::Damaged(format!("a journal entry of contact {} is filed under another key", key.contact)).into());
                    }
                    self.journal.push(entry);
                    if self.journal.len() >= JOURNAL_PER_TX {
                        self.write_journal().await?;
                    }
                }
                Frame::Record { slot, bytes } => {
                    if self.workspace.is_some() {
                        return Err(BackupError::Damaged("a record comes after the interactions".into()).into());
                    }
                    self.keep(slot, bytes)?;
                }
                Frame::Setting { name, value } => {
                    self.write_workspace().await?;
                    self.write_journal().await?;
                    self.target.put_setting(&name, &value).await?;
                    self.done.settings += 1;
                }
            }
        }
        Ok(())
    }

    /// After the last frames: writes what is left and says what was restored.
    pub async fn finish(mut self) -> Result<Restored, RestoreError> {
        self.write_workspace().await?;
        self.write_journal().await?;
        if self.done.journal != self.expected.journal || self.done.settings != self.expected.settings {
            return Err(BackupError::Damaged("the file changed while it was being restored".into()).into());
        }
        Ok(self.done)
    }

    fn keep(&mut self, slot: Slot, bytes: Vec<u8>) -> Result<(), RestoreError> {
        let r = &mut self.records;
        let value = Some(bytes);
        match slot {
            Slot::Meta => {
                r.meta = decode::meta(Some(value)).map_err(damaged)?;
                self.index = Some(decode::index_for(&r.meta, self.expected.records as usize));
            }
            Slot::List(id) => {
                let list = decode::list(r.lists.len(), value).map_err(damaged)?;
                if list.id != id {
                    return Err(BackupError::Damaged(format!("list record {id} holds list {}", list.id)).into());
                }
                r.lists.push(list);
            }
            Slot::Page(key) => {
                let index = self.index.get_or_insert_with(Default::default);
                r.pages.push(decode::page(Ok(key), value, &StaleIds::new(), index).map_err(damaged)?);
            }
            Slot::Record(RecordKey::Field(id)) => r.fields.push(decode::small(Ok(id.get()), value).map_err(damaged)?),
            Slot::Record(RecordKey::Tag(id)) => r.tags.push(decode::small(Ok(id.get()), value).map_err(damaged)?),
            Slot::Record(RecordKey::Agent(id)) => r.agents.push(decode::small(Ok(id.get()), value).map_err(damaged)?),
            Slot::Record(RecordKey::Disposition(id)) => r.dispositions.push(decode::small(Ok(id.get()), value).map_err(damaged)?),
            Slot::Record(RecordKey::Import(id)) => r.imports.push(decode::small(Ok(id.get()), value).map_err(damaged)?),
            Slot::Trash(key) => r.trash.push(decode::trash_page(Ok(key), value).map_err(damaged)?),
            Slot::Journal(_) => {}
        }
        Ok(())
    }

    /// Once every record is in (at the first journal entry or setting, or the end):
    /// the workspace they make, checked as loading checks it, committed whole.
    async fn write_workspace(&mut self) -> Result<(), RestoreError> {
        if self.workspace.is_some() {
            return Ok(());
        }
        let records = std::mem::take(&mut self.records);
        let index = self.index.take().unwrap_or_default();
        let workspace = decode::rebuild(records, index).map_err(damaged)?;
        let contacts = workspace.total_contacts();
        if contacts as u64 != self.expected.contacts {
            return Err(BackupError::Damaged(format!("it should hold {} contacts and holds {contacts}", self.expected.contacts)).into());
        }
        self.target.commit_chunked(&workspace, &workspace.whole(), PAGES_PER_TX).await?;
        self.done.lists = workspace.lists().len();
        self.done.contacts = contacts;
        self.workspace = Some(workspace);
        Ok(())
    }

    async fn write_journal(&mut self) -> Result<(), RestoreError> {
        let Some(workspace) = &self.workspace else { return Ok(()) };
        if self.journal.is_empty() {
            return Ok(());
        }
        let change = Change { journal_put: std::mem::take(&mut self.journal), ..Change::default() };
        self.target.commit(workspace, &change).await?;
        self.done.journal += change.journal_put.len() as u64;
        Ok(())
    }
}

/// A record that does not decode: the file is damaged, not the store.
fn damaged(err: StoreError) -> BackupError {
    match err {
        StoreError::Corrupt(why) => BackupError::Damaged(why),
        other => BackupError::Damaged(other.to_string()),
    }
}
