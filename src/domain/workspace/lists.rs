//! List commands: create, edit (the name is unique, ignoring case) and delete with
//! their contacts (to the trash).

use super::*;
use crate::domain::text::{self, Lines};
use crate::domain::trash::some_names;

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
        let name = text::cleaned(&draft.name, Lines::One);
        let name = name.trim();
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

    /// Deletes the lists; their contacts go to the trash as one deletion (restoring
    /// one is refused while no list of its id exists). Refused when a contact of these
    /// lists has an open WhatsApp conversation, and for unknown ids, before anything
    /// changes.
    pub fn delete_lists(&mut self, ids: &[ListId], now: Timestamp) -> Result<Change, WorkspaceError> {
        if let Some(missing) = ids.iter().find(|id| !self.lists.contains_key(id)) {
            return Err(WorkspaceError::UnknownList(*missing));
        }
        let doomed: HashSet<ListId> = ids.iter().copied().collect();
        let keys: Vec<PageKey> = self.pages.keys().filter(|k| doomed.contains(&k.list)).copied().collect();
        self.refuse_open_whatsapp(&keys, doomed.len())?;
        let mut change = Change::default();
        let mut removed = Vec::new();
        for key in keys {
            removed.extend(self.pages.remove(&key).unwrap_or_default());
            self.stale.page_deleted(key, &mut change);
        }
        // One pass over the locations, however many pages.
        self.locations.remove_all(&removed.iter().map(|c| c.id).collect());
        self.trash_contacts(removed, now, &mut change);
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

    /// `OpenWhatsApp` naming up to three contacts of these pages (of `lists` lists)
    /// with an open WhatsApp conversation, and how many there are.
    fn refuse_open_whatsapp(&self, keys: &[PageKey], lists: usize) -> Result<(), WorkspaceError> {
        let open: Vec<&Contact> = keys.iter().filter_map(|k| self.pages.get(k)).flatten().filter(|c| c.activity.has_open_whatsapp()).collect();
        let n = open.len();
        if n == 0 {
            return Ok(());
        }
        let names = some_names(open.iter().map(|c| &c.data), n);
        let (what, whose) = if lists == 1 { ("The list was", "its") } else { ("The lists were", "their") };
        let who = if n == 1 { format!("1 of {whose} contacts has") } else { format!("{n} of {whose} contacts have") };
        Err(WorkspaceError::OpenWhatsApp(format!(
            "{what} not deleted: {who} an open WhatsApp conversation: {names}. Close {} first.",
            if n == 1 { "it" } else { "them" }
        )))
    }
}
