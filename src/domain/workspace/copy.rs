//! Copy a contact into another list (issue 13, part 2): the plan the dialog shows,
//! then the copy, with a history event on each side saying where it went / came from.

use std::collections::BTreeMap;

use super::*;
use crate::domain::copy::CopyPlan;
use crate::domain::journey::{HistoryEvent, HistoryKind, JourneyEntry};

impl Workspace {
    /// What copying `source` into `target` loses and still needs.
    pub fn copy_plan(&self, source: ContactId, target: ListId) -> Result<CopyPlan, WorkspaceError> {
        let contact = self.contact(source).ok_or(WorkspaceError::UnknownContact(source))?;
        if contact.list_id == target {
            return Err(WorkspaceError::SameList);
        }
        if !self.lists.contains_key(&target) {
            return Err(WorkspaceError::UnknownList(target));
        }
        Ok(CopyPlan::new(&contact.data, &self.fields_for(target)))
    }

    /// Adds a copy of `source` to `target`, with `filled` (text typed for the
    /// target's required fields the contact lacks, by field) over its values. The
    /// source's history says `Duplicated`, the copy's `CopiedFrom`.
    pub fn copy_contact(&mut self, source: ContactId, target: ListId, filled: &BTreeMap<FieldId, String>, now: Timestamp) -> Result<(ContactId, Change), WorkspaceError> {
        let from_list = self.contact(source).ok_or(WorkspaceError::UnknownContact(source))?.list_id;
        let mut data = self.copy_plan(source, target)?.apply(filled)?;
        let tags = &self.tags;
        data.retain_tags(|t| tags.contains_key(&t));
        let (ids, mut change) = self.add_contacts(target, vec![data], now)?;
        let copy = ids.first().copied().ok_or_else(|| WorkspaceError::Corrupt("no id was allocated".into()))?;
        let event = |contact, kind| JourneyEntry::History(HistoryEvent { contact, at: now, kind });
        change.journal_put.push(event(source, HistoryKind::Duplicated { to_list: target }));
        change.journal_put.push(event(copy, HistoryKind::CopiedFrom { contact: source, list: from_list }));
        Ok((copy, change))
    }
}
