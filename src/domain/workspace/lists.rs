//! List commands: create, edit (the name is unique, ignoring case) and delete with
//! their contacts.

use super::*;

impl Workspace {
    pub fn create_list(&mut self, draft: &ListDraft, now: Timestamp) -> Result<(ListId, Change), WorkspaceError> {
        let (name, description, dial_prefix) = self.check_list(draft, None)?;
        let id = ListId::new(self.meta.next_list_id);
        self.meta.next_list_id = self.meta.next_list_id.saturating_add(1);
        let list = ContactList { id, name, description, dial_prefix, agents: Vec::new(), country: draft.country, created: now, updated: now };
        self.lists.insert(id, list);
        Ok((id, Change { lists_put: vec![id], meta: true, ..Change::default() }))
    }

    pub fn update_list(&mut self, id: ListId, draft: &ListDraft, now: Timestamp) -> Result<Change, WorkspaceError> {
        let (name, description, dial_prefix) = self.check_list(draft, Some(id))?;
        let list = self.lists.get_mut(&id).ok_or(WorkspaceError::UnknownList(id))?;
        list.name = name;
        list.description = description;
        list.dial_prefix = dial_prefix;
        list.country = draft.country;
        list.updated = now;
        // List names are part of the "List" sort.
        self.revision += 1;
        Ok(Change { lists_put: vec![id], ..Change::default() })
    }

    pub(super) fn check_list(&self, draft: &ListDraft, editing: Option<ListId>) -> Result<CheckedList, ListError> {
        let name = draft.name.trim();
        if name.is_empty() {
            return Err(ListError::NameRequired);
        }
        if name.chars().count() > MAX_LIST_NAME_LEN {
            return Err(ListError::NameTooLong { max: MAX_LIST_NAME_LEN });
        }
        let folded = name.to_lowercase();
        let taken = self.lists.values().any(|l| Some(l.id) != editing && l.name.to_lowercase() == folded);
        if taken {
            return Err(ListError::NameTaken(name.to_owned()));
        }
        let description = draft.description.trim();
        if description.chars().count() > crate::domain::contact::MAX_LONG_TEXT_LEN {
            return Err(ListError::DescriptionTooLong { max: crate::domain::contact::MAX_LONG_TEXT_LEN });
        }
        let description = (!description.is_empty()).then(|| description.into());
        let prefix = draft.dial_prefix.trim();
        if prefix.len() > MAX_DIAL_PREFIX_LEN || !prefix.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ListError::BadDialPrefix { max: MAX_DIAL_PREFIX_LEN });
        }
        let dial_prefix = (!prefix.is_empty()).then(|| prefix.into());
        Ok((name.into(), description, dial_prefix))
    }

    /// Deletes the lists and every contact in them. Unknown ids are refused before
    /// anything changes.
    pub fn delete_lists(&mut self, ids: &[ListId]) -> Result<Change, WorkspaceError> {
        if let Some(missing) = ids.iter().find(|id| !self.lists.contains_key(id)) {
            return Err(WorkspaceError::UnknownList(*missing));
        }
        let mut change = Change::default();
        let doomed: HashSet<ListId> = ids.iter().copied().collect();
        let keys: Vec<PageKey> = self.pages.keys().filter(|k| doomed.contains(&k.list)).copied().collect();
        let mut removed = Vec::new();
        for key in keys {
            if let Some(contacts) = self.pages.remove(&key) {
                removed.extend(contacts.iter().map(|c| c.id));
                let ids = contacts.iter().map(|c| c.id).collect();
                self.locations.remove_all(&ids);
            }
            change.delete_page(key);
        }
        change.clear_journal(removed);
        for id in &doomed {
            self.lists.remove(id);
            self.counts.remove(id);
            change.merge(Change { lists_deleted: vec![*id], ..Change::default() });
        }
        // The lists' own custom fields and dispositions go with them.
        let fields: Vec<FieldId> = self.fields.values().filter(|f| matches!(f.scope, FieldScope::List(l) if doomed.contains(&l))).map(|f| f.id).collect();
        for id in fields {
            self.fields.remove(&id);
            change.delete_record(RecordKey::Field(id));
        }
        let dispositions: Vec<DispositionId> = self.dispositions.values().filter(|d| doomed.contains(&d.list)).map(|d| d.id).collect();
        for id in dispositions {
            self.dispositions.remove(&id);
            change.delete_record(RecordKey::Disposition(id));
        }
        self.revision += 1;
        Ok(change)
    }
}
