//! Merge two contacts and undo it (issue 13, part 1). The merged contact leaves its
//! page; its journal entries move to the kept contact; the kept contact's history
//! gets a `MergedIn` event holding both contacts as they were, which is all undo
//! needs. Journal entries are not in the workspace: the caller reads them first.

use super::*;
use crate::domain::change::JournalKey;
use crate::domain::journey::{HistoryEvent, HistoryKind, JourneyEntry};
use crate::domain::merge::{check_distinct, merge, MergeChoices, MergeError, MergePreview, MergeRecord};
use crate::domain::trash::contact_name;

impl Workspace {
    /// What merging `other` into `kept` would do, field by field, for the dialog.
    pub fn merge_preview(&self, kept: ContactId, other: ContactId) -> Result<MergePreview, WorkspaceError> {
        check_distinct(kept, other)?;
        let (k, o) = (self.known(kept)?, self.known(other)?);
        Ok(MergePreview::of(&k.data, &o.data, &self.fields_for(k.list_id)))
    }

    /// Merges `other` into `kept` by the merge rule and the user's `choices`.
    /// `other_journal`: every journal entry of `other` (read from storage); they move
    /// to `kept`. Returns the merge's history event (what `undo_merge` takes).
    pub fn merge_contacts(
        &mut self,
        kept: ContactId,
        other: ContactId,
        choices: &MergeChoices,
        other_journal: Vec<JourneyEntry>,
        now: Timestamp,
    ) -> Result<(HistoryEvent, Change), WorkspaceError> {
        check_distinct(kept, other)?;
        let kept_before = self.known(kept)?.clone();
        let data = {
            let other = self.known(other)?;
            let mut data = merge(&kept_before.data, &other.data, choices, &self.fields_for(kept_before.list_id))?;
            let tags = &self.tags;
            data.retain_tags(|t| tags.contains_key(&t));
            data
        };
        let mut change = Change::default();
        let other_contact = self.take_contact(other, &mut change)?;
        let mut moved = Vec::with_capacity(other_journal.len());
        for entry in other_journal.into_iter().filter(|e| e.contact() == other) {
            let key = JournalKey::of(&entry);
            change.journal_deleted.push(key);
            moved.push((key.at, key.id));
            change.journal_put.push(entry.moved_to(kept));
        }
        let key = self.locations.get(kept).ok_or(WorkspaceError::UnknownContact(kept))?;
        let contact = self.contact_mut(key, kept)?;
        contact.data = data;
        contact.updated = now;
        contact.activity.absorb(other_contact.activity);
        self.stale.page_written(key, &mut change);
        let record = MergeRecord { other: other_contact, kept_before, moved };
        let event = HistoryEvent { contact: kept, at: now, kind: HistoryKind::MergedIn(Box::new(record)) };
        change.journal_put.push(JourneyEntry::History(event.clone()));
        self.revision += 1;
        Ok((event, change))
    }

    /// Gives back both contacts of a merge exactly as they were: the kept one as it
    /// was before, the merged one (same id, list, values, activity) at the end of its
    /// list, its journal entries moved back. `kept_journal`: every journal entry of
    /// the kept contact (read from storage). Refused when the kept contact changed
    /// since (undo would not be exact) or the merged one's list is gone.
    pub fn undo_merge(&mut self, merge_event: &HistoryEvent, kept_journal: Vec<JourneyEntry>) -> Result<Change, WorkspaceError> {
        let HistoryKind::MergedIn(record) = &merge_event.kind else {
            return Err(MergeError::CannotUndo("that event is not a merge".into()).into());
        };
        let kept = merge_event.contact;
        let current = self.known(kept)?;
        if current.updated != merge_event.at || current.activity != record.merged_activity() {
            return Err(MergeError::ChangedSince(contact_name(&current.data)).into());
        }
        let other = &record.other;
        if self.locations.contains(other.id) {
            return Err(MergeError::CannotUndo(format!("contact {} exists again", other.id)).into());
        }
        if !self.lists.contains_key(&other.list_id) {
            let reason = format!("{}'s list (number {}) no longer exists", contact_name(&other.data), other.list_id);
            return Err(MergeError::CannotUndo(reason).into());
        }
        let mut change = Change::default();
        let moved: HashSet<(Timestamp, u64)> = record.moved.iter().copied().collect();
        for entry in kept_journal.into_iter().filter(|e| e.contact() == kept) {
            let key = JournalKey::of(&entry);
            if moved.contains(&(key.at, key.id)) {
                change.journal_deleted.push(key);
                change.journal_put.push(entry.moved_to(other.id));
            }
        }
        change.journal_deleted.push(JournalKey::of(&JourneyEntry::History(merge_event.clone())));
        let key = self.locations.get(kept).ok_or(WorkspaceError::UnknownContact(kept))?;
        *self.contact_mut(key, kept)? = record.kept_before.clone();
        self.stale.page_written(key, &mut change);
        self.put_back(vec![other.clone()], &mut change)?;
        self.revision += 1;
        Ok(change)
    }

    fn known(&self, id: ContactId) -> Result<&Contact, WorkspaceError> {
        self.contact(id).ok_or(WorkspaceError::UnknownContact(id))
    }
}
