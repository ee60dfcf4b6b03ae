//! Import batches: every CSV import is kept in history with what it was asked to do
//! (file, list, mapping), how far it got (counts, the contacts it created) and how it
//! ended, so it can be undone, and so an import cut short by a closed tab shows up as
//! interrupted on the next start.
//!
//! The batch record is rewritten in the same `Change` as every slice of contacts the
//! import commits: what storage holds about a batch always matches the contacts it
//! holds.

use serde::{Deserialize, Serialize};

use super::ids::{ContactId, ListId, Timestamp};

/// Identifies an import batch. Allocated by the workspace, never reused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct BatchId(u32);

impl BatchId {
    pub const fn new(raw: u32) -> Self {
        Self(raw)
    }
    pub const fn get(self) -> u32 {
        self.0
    }
}

/// What storage says about how a batch ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BatchState {
    /// Still importing (or cut short before it could say otherwise).
    Running,
    /// Every row of the file was read.
    Finished,
    /// The user stopped it, or an interrupted import was settled (undone or kept).
    Stopped,
}

/// How a batch reads to the user. `Interrupted`: storage says Running but no import
/// runs it in this session (the tab closed mid-import, or a save failed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BatchStatus {
    Running,
    Finished,
    Stopped,
    Interrupted,
}

impl BatchStatus {
    pub fn label(self) -> &'static str {
        match self {
            BatchStatus::Running => "Running",
            BatchStatus::Finished => "Finished",
            BatchStatus::Stopped => "Stopped",
            BatchStatus::Interrupted => "Interrupted",
        }
    }
}

/// What the import pipeline counted so far (running totals). How many contacts were
/// imported is not part of it: the batch knows the contacts it created
/// ([`ImportBatch::imported`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchProgress {
    pub rows_read: u64,
    /// Rows left out because an earlier row of the same file had the same key.
    pub duplicates_in_file: u64,
    /// Rows left out because the list already had a contact with the same key.
    pub duplicates_in_list: u64,
    /// Rows that could not become a contact (invalid values).
    pub failed: u64,
}

/// What the import wizard knows when the import starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportBatchDraft {
    pub file_name: String,
    pub file_size: u64,
    pub list: ListId,
    /// (CSV column, app field label or "Do not import"), in column order.
    pub mapping: Vec<(String, String)>,
    /// Labels of the fields checked for duplicates.
    pub duplicate_check: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportBatch {
    pub id: BatchId,
    pub file_name: String,
    pub file_size: u64,
    /// The target list; it may since have been deleted (the history stays).
    pub list: ListId,
    pub mapping: Vec<(String, String)>,
    pub duplicate_check: Vec<String>,
    pub progress: BatchProgress,
    pub started: Timestamp,
    /// When the batch record last changed (for an interrupted import: its last commit).
    pub updated: Timestamp,
    /// When it finished or was stopped; `None` while running or when interrupted.
    pub finished: Option<Timestamp>,
    pub state: BatchState,
    /// The ids of the contacts it created, as INCLUSIVE ranges `(first, last)`, sorted,
    /// disjoint, adjacent ranges merged. Kept after an undo (history).
    pub created: Vec<(ContactId, ContactId)>,
    pub undone: Option<Timestamp>,
    /// How many contacts the undo removed (those still existing then).
    pub undo_removed: u64,
    /// An import runs this batch in this session (never stored: a batch read back from
    /// storage is not live).
    #[serde(skip)]
    pub(crate) live: bool,
}

impl ImportBatch {
    pub(crate) fn begin(id: BatchId, draft: ImportBatchDraft, now: Timestamp) -> Self {
        let ImportBatchDraft { file_name, file_size, list, mapping, duplicate_check } = draft;
        ImportBatch {
            id,
            file_name,
            file_size,
            list,
            mapping,
            duplicate_check,
            progress: BatchProgress::default(),
            started: now,
            updated: now,
            finished: None,
            state: BatchState::Running,
            created: Vec::new(),
            undone: None,
            undo_removed: 0,
            live: true,
        }
    }

    pub fn status(&self) -> BatchStatus {
        match self.state {
            BatchState::Running if self.live => BatchStatus::Running,
            BatchState::Running => BatchStatus::Interrupted,
            BatchState::Finished => BatchStatus::Finished,
            BatchState::Stopped => BatchStatus::Stopped,
        }
    }

    /// How many contacts the import created.
    pub fn imported(&self) -> u64 {
        self.created.iter().map(|(first, last)| last.get().saturating_sub(first.get()).saturating_add(1)).fold(0, u64::saturating_add)
    }

    /// Whether the batch created the contact `id`.
    pub fn created_contact(&self, id: ContactId) -> bool {
        // Ranges are sorted and disjoint: the only candidate is the last one starting
        // at or before `id`.
        let at = self.created.partition_point(|(first, _)| *first <= id);
        at > 0 && self.created.get(at - 1).is_some_and(|(_, last)| id <= *last)
    }

    /// Records created ids (any order), keeping the ranges sorted and merged.
    pub(crate) fn record_created(&mut self, ids: &[ContactId]) {
        let mut raw: Vec<u64> = ids.iter().map(|id| id.get()).collect();
        raw.sort_unstable();
        let mut ranges: Vec<(u64, u64)> = self.created.iter().map(|(a, b)| (a.get(), b.get())).collect();
        ranges.extend(raw.into_iter().map(|id| (id, id)));
        ranges.sort_unstable();
        let mut merged: Vec<(ContactId, ContactId)> = Vec::with_capacity(ranges.len().min(16));
        for (first, last) in ranges {
            match merged.last_mut() {
                Some((_, end)) if first <= end.get().saturating_add(1) => {
                    *end = ContactId::new(end.get().max(last));
                }
                _ => merged.push((ContactId::new(first), ContactId::new(last))),
            }
        }
        self.created = merged;
    }

    /// True when `created` is as documented (sorted, disjoint, non-adjacent, each
    /// range first <= last): what storage gave back can be trusted.
    pub(crate) fn ranges_are_well_formed(&self) -> bool {
        self.created.iter().all(|(first, last)| first <= last)
            && self.created.windows(2).all(|w| match w {
                [(_, last), (next, _)] => last.get().saturating_add(1) < next.get(),
                _ => true,
            })
    }

    /// Ends a batch the import can no longer continue: it stopped after its last
    /// commit.
    pub(crate) fn settle(&mut self) {
        if self.state == BatchState::Running {
            self.state = BatchState::Stopped;
            self.finished = Some(self.updated);
        }
        self.live = false;
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BatchError {
    #[error("that import is no longer in the history")]
    Unknown(BatchId),
    #[error("that import has already ended")]
    Ended,
    #[error("that import was interrupted and cannot continue; undo it or keep what it imported")]
    Interrupted,
    #[error("stop the import before undoing it")]
    StillRunning,
    #[error("that import was already undone")]
    AlreadyUndone,
    #[error("that import was not interrupted")]
    NotInterrupted,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch() -> ImportBatch {
        let draft = ImportBatchDraft {
            file_name: "a.csv".into(),
            file_size: 10,
            list: ListId::new(0),
            mapping: Vec::new(),
            duplicate_check: Vec::new(),
        };
        ImportBatch::begin(BatchId::new(1), draft, Timestamp::from_millis(0))
    }

    fn ids(raw: &[u64]) -> Vec<ContactId> {
        raw.iter().copied().map(ContactId::new).collect()
    }

    #[test]
    fn created_ids_become_merged_inclusive_ranges() {
        let mut b = batch();
        b.record_created(&ids(&[5, 6, 7]));
        b.record_created(&ids(&[8, 9]));
        b.record_created(&ids(&[20, 12, 11]));
        b.record_created(&[]);
        let r = |a, z| (ContactId::new(a), ContactId::new(z));
        assert_eq!(b.created, vec![r(5, 9), r(11, 12), r(20, 20)]);
        assert_eq!(b.imported(), 8);
        assert!(b.ranges_are_well_formed());
        assert_eq!(ids(&[4, 5, 9, 10, 11, 13, 20, 21]).into_iter().map(|i| b.created_contact(i)).collect::<Vec<_>>(), [
            false, true, true, false, true, false, true, false
        ]);
        b.record_created(&ids(&[10, 13, 14, 15, 16, 17, 18, 19]));
        assert_eq!(b.created, vec![r(5, 20)]);
        b.created = vec![r(3, 2)];
        assert!(!b.ranges_are_well_formed());
        b.created = vec![r(1, 4), r(5, 6)];
        assert!(!b.ranges_are_well_formed(), "adjacent ranges should have been merged");
    }
}
