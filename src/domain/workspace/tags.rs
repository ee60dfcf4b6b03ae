//! Tag commands. Deleting a tag takes it off every contact.

use super::{Workspace, WorkspaceError};
use crate::domain::change::{Change, RecordKey};
use crate::domain::tag::{Tag, TagDraft, TagError, TagId};

impl Workspace {
    /// Tags sorted by name.
    pub fn tags(&self) -> Vec<&Tag> {
        let mut tags: Vec<&Tag> = self.tags.values().collect();
        tags.sort_by_cached_key(|t| t.name.to_lowercase());
        tags
    }

    pub fn tag(&self, id: TagId) -> Option<&Tag> {
        self.tags.get(&id)
    }

    pub fn create_tag(&mut self, draft: &TagDraft) -> Result<(TagId, Change), WorkspaceError> {
        let (name, colour) = draft.validate(self.tags.values())?;
        let id = TagId::new(self.meta.next_tag_id);
        self.meta.next_tag_id = self.meta.next_tag_id.saturating_add(1);
        self.tags.insert(id, Tag { id, name, colour });
        Ok((id, Change { records_put: vec![RecordKey::Tag(id)], meta: true, ..Change::default() }))
    }

    pub fn update_tag(&mut self, id: TagId, draft: &TagDraft) -> Result<Change, WorkspaceError> {
        if !self.tags.contains_key(&id) {
            return Err(TagError::Unknown.into());
        }
        let (name, colour) = draft.validate(self.tags.values().filter(|t| t.id != id))?;
        self.tags.insert(id, Tag { id, name, colour });
        Ok(Change { records_put: vec![RecordKey::Tag(id)], ..Change::default() })
    }

    pub fn delete_tag(&mut self, id: TagId) -> Result<Change, WorkspaceError> {
        if self.tags.remove(&id).is_none() {
            return Err(TagError::Unknown.into());
        }
        let mut change = self.edit_contacts(None, |data| data.remove_tag(id));
        change.delete_record(RecordKey::Tag(id));
        Ok(change)
    }

    /// How many contacts carry the tag.
    pub fn tag_count(&self, id: TagId) -> usize {
        self.contacts().filter(|c| c.data.has_tag(id)).count()
    }
}
