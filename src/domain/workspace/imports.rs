//! Import batch commands: begin, commit slices of contacts, finish or stop, undo, and
//! settle an import a closed tab interrupted.
//!
//! Every command puts the batch record in the `Change` it returns, next to the pages
//! it dirtied, so one transaction stores both: storage never holds contacts a batch
//! does not know it created, nor a batch claiming contacts that were not saved.

use std::collections::HashMap;

use super::{Workspace, WorkspaceError};
use crate::domain::change::{Change, RecordKey};
use crate::domain::contact::ContactData;
use crate::domain::import::ReadyContact;
use crate::domain::tag::{Tag, TagColour, TagId};
use crate::domain::ids::{ContactId, Timestamp};
use crate::domain::import_batch::{BatchError, BatchId, BatchProgress, BatchState, BatchStatus, ImportBatch, ImportBatchDraft};

/// Shown for the list of a batch whose list has been deleted since.
pub const DELETED_LIST_LABEL: &str = "deleted list";

impl Workspace {
    /// Every import batch, newest first.
    pub fn imports(&self) -> Vec<&ImportBatch> {
        self.imports.values().rev().collect()
    }

    pub fn import(&self, id: BatchId) -> Option<&ImportBatch> {
        self.imports.get(&id)
    }

    /// Batches a closed tab (or a failed save) cut short that the user has not yet
    /// undone or kept, newest first.
    pub fn interrupted_imports(&self) -> Vec<&ImportBatch> {
        self.imports.values().rev().filter(|b| b.status() == BatchStatus::Interrupted).collect()
    }

    /// The name of the batch's list, or "deleted list".
    pub fn import_list_name(&self, batch: &ImportBatch) -> &str {
        self.list(batch.list).map_or(DELETED_LIST_LABEL, |l| &*l.name)
    }

    /// Starts a batch (Running, live in this session) into an existing list.
    pub fn begin_import(&mut self, draft: ImportBatchDraft, now: Timestamp) -> Result<(BatchId, Change), WorkspaceError> {
        if self.list(draft.list).is_none() {
            return Err(WorkspaceError::UnknownList(draft.list));
        }
        let id = BatchId::new(self.next_batch_id);
        self.next_batch_id = self.next_batch_id.saturating_add(1);
        self.imports.insert(id, ImportBatch::begin(id, draft, now));
        Ok((id, Change { records_put: vec![RecordKey::Import(id)], ..Change::default() }))
    }

    /// Adds a slice of import rows: creates the tags they name that do not exist yet
    /// (in `new_tag_colour`), then stores them as `import_contacts` does, in the same
    /// change.
    pub fn import_slice(
        &mut self,
        batch: BatchId,
        ready: Vec<ReadyContact>,
        new_tag_colour: &TagColour,
        progress: BatchProgress,
        now: Timestamp,
    ) -> Result<(Vec<ContactId>, Change), WorkspaceError> {
        self.live_batch(batch)?;
        let mut change = Change::default();
        let mut data = Vec::with_capacity(ready.len());
        // Tag names, lower-cased: built once a slice, only when a contact needs it.
        let mut by_name: Option<HashMap<String, TagId>> = None;
        for contact in ready {
            let mut contact_data = contact.data;
            if !contact.new_tags.is_empty() {
                let names = by_name.get_or_insert_with(|| self.tags.values().map(|t| (t.name.to_lowercase(), t.id)).collect());
                let mut ids = Vec::with_capacity(contact.new_tags.len());
                for name in &contact.new_tags {
                    let key = name.to_lowercase();
                    let id = match names.get(&key) {
                        Some(id) => *id,
                        None => {
                            let id = self.create_imported_tag(name, new_tag_colour, &mut change);
                            names.insert(key, id);
                            id
                        }
                    };
                    ids.push(id);
                }
                contact_data.add_tags(&ids);
            }
            data.push(contact_data);
        }
        let (ids, stored) = self.import_contacts(batch, data, progress, now)?;
        change.merge(stored);
        Ok((ids, change))
    }

    /// Adds a slice of validated contacts to the batch's list and records them on the
    /// batch with the pipeline's running totals. The change holds the new pages, the
    /// id counter and the batch record: commit it in one transaction.
    pub fn import_contacts(
        &mut self,
        batch: BatchId,
        data: Vec<ContactData>,
        progress: BatchProgress,
        now: Timestamp,
    ) -> Result<(Vec<ContactId>, Change), WorkspaceError> {
        let list = self.live_batch(batch)?.list;
        let (ids, mut change) = self.add_contacts(list, data, now)?;
        let b = self.batch_mut(batch)?;
        b.record_created(&ids);
        b.progress = progress;
        b.updated = now;
        change.put_record(RecordKey::Import(batch));
        Ok((ids, change))
    }

    /// Ends a running batch: Finished when every row was read, Stopped when the user
    /// stopped it.
    pub fn finish_import(
        &mut self,
        batch: BatchId,
        stopped: bool,
        progress: BatchProgress,
        now: Timestamp,
    ) -> Result<Change, WorkspaceError> {
        self.live_batch(batch)?;
        let b = self.batch_mut(batch)?;
        b.state = if stopped { BatchState::Stopped } else { BatchState::Finished };
        b.finished = Some(now);
        b.progress = progress;
        b.updated = now;
        b.live = false;
        Ok(Change { records_put: vec![RecordKey::Import(batch)], ..Change::default() })
    }

    /// Removes the contacts the batch created that still exist (wherever they are
    /// now); contacts deleted since, and every other contact, are left alone. Returns
    /// how many were removed: 0 when its list was deleted. A running batch must be
    /// finished or stopped first; an interrupted one is settled as stopped.
    pub fn undo_import(&mut self, batch: BatchId, now: Timestamp) -> Result<(usize, Change), WorkspaceError> {
        let b = self.imports.get(&batch).ok_or(BatchError::Unknown(batch))?;
        if b.undone.is_some() {
            return Err(BatchError::AlreadyUndone.into());
        }
        if b.status() == BatchStatus::Running {
            return Err(BatchError::StillRunning.into());
        }
        let doomed = self.existing_created(b);
        let mut change = if doomed.is_empty() { Change::default() } else { self.erase_contacts(&doomed)? };
        let b = self.batch_mut(batch)?;
        b.settle();
        b.undone = Some(now);
        b.undo_removed = doomed.len() as u64;
        b.updated = now;
        change.put_record(RecordKey::Import(batch));
        Ok((doomed.len(), change))
    }

    /// Keeps what an interrupted batch imported: it reads as stopped at its last
    /// commit from now on.
    pub fn keep_interrupted_import(&mut self, batch: BatchId, now: Timestamp) -> Result<Change, WorkspaceError> {
        let b = self.batch_mut(batch)?;
        if b.status() != BatchStatus::Interrupted {
            return Err(BatchError::NotInterrupted.into());
        }
        b.settle();
        b.updated = now;
        Ok(Change { records_put: vec![RecordKey::Import(batch)], ..Change::default() })
    }

    /// Takes the stored batches in (from `from_stored`): none is live, and the next
    /// batch id follows the highest stored one (batches are never deleted, so ids are
    /// never reused).
    pub(super) fn load_imports(&mut self, imports: Vec<ImportBatch>) -> Result<(), WorkspaceError> {
        for b in imports {
            if !b.ranges_are_well_formed() {
                return Err(WorkspaceError::Corrupt(format!("import {} lists the contacts it created out of order", b.id.get())));
            }
            self.next_batch_id = self.next_batch_id.max(b.id.get().saturating_add(1));
            if let Some(twice) = self.imports.insert(b.id, b) {
                return Err(WorkspaceError::Corrupt(format!("import {} is stored twice", twice.id.get())));
            }
        }
        Ok(())
    }

    /// A tag an import names that did not exist.
    fn create_imported_tag(&mut self, name: &str, colour: &TagColour, change: &mut Change) -> TagId {
        let id = TagId::new(self.meta.next_tag_id);
        self.meta.next_tag_id = self.meta.next_tag_id.saturating_add(1);
        self.tags.insert(id, Tag { id, name: name.trim().into(), colour: colour.clone() });
        change.put_record(RecordKey::Tag(id));
        change.meta = true;
        id
    }

    /// The batch, if an import in this session is still running it.
    fn live_batch(&self, batch: BatchId) -> Result<&ImportBatch, WorkspaceError> {
        let b = self.imports.get(&batch).ok_or(BatchError::Unknown(batch))?;
        match b.status() {
            BatchStatus::Running => Ok(b),
            BatchStatus::Interrupted => Err(BatchError::Interrupted.into()),
            BatchStatus::Finished | BatchStatus::Stopped => Err(BatchError::Ended.into()),
        }
    }

    fn batch_mut(&mut self, batch: BatchId) -> Result<&mut ImportBatch, WorkspaceError> {
        Ok(self.imports.get_mut(&batch).ok_or(BatchError::Unknown(batch))?)
    }

    /// The batch's contacts that still exist. Walks whichever is shorter: the batch's
    /// id ranges or every contact (stored ranges may be wide).
    fn existing_created(&self, b: &ImportBatch) -> Vec<ContactId> {
        if b.imported() <= self.total_contacts() as u64 {
            b.created
                .iter()
                .flat_map(|(first, last)| (first.get()..=last.get()).map(ContactId::new))
                .filter(|id| self.locations.contains(*id))
                .collect()
        } else {
            self.contacts().map(|c| c.id).filter(|id| b.created_contact(*id)).collect()
        }
    }
}
