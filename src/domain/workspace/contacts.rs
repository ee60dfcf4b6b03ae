//! Contact commands: create, edit, delete (to the trash, or for good when an import is
//! undone) and add many (imports), page by page.

use super::*;
use crate::domain::contact::DraftPath;
use crate::domain::journey::{edited_field_labels, HistoryEvent, HistoryKind, JourneyEntry};
use crate::domain::trash::DeleteOutcome;

impl Workspace {
    pub fn create_contact(&mut self, draft: &ContactDraft, now: Timestamp) -> Result<(ContactId, Change), WorkspaceError> {
        let (list, data) = self.validate_contact(draft)?;
        let (ids, change) = self.add_contacts(list, vec![data], now)?;
        let id = ids.first().copied().ok_or_else(|| WorkspaceError::Corrupt("no id was allocated".into()))?;
        Ok((id, change))
    }

    /// Saves a draft over an existing contact; a changed list moves the contact.
    pub fn update_contact(&mut self, id: ContactId, draft: &ContactDraft, now: Timestamp) -> Result<Change, WorkspaceError> {
        let (list, mut data) = self.validate_contact(draft)?;
        let key = self.locations.get(id).ok_or(WorkspaceError::UnknownContact(id))?;
        // Values of soft-deleted global fields are not in the form: keep them.
        if let Some(old) = self.contact(id) {
            let fields = &self.fields;
            data.keep_custom_from(&old.data, |f| fields.get(&f).is_some_and(|f| f.scope == FieldScope::Global && !f.is_available()));
        }
        let mut change = Change { journal_put: self.edit_events(id, list, &data, now), ..Change::default() };
        if key.list == list {
            let contact = self
                .pages
                .get_mut(&key)
                .and_then(|p| p.iter_mut().find(|c| c.id == id))
                .ok_or(WorkspaceError::UnknownContact(id))?;
            contact.data = data;
            contact.updated = now;
            self.stale.page_written(key, &mut change);
        } else {
            let mut contact = self.take_contact(id, &mut change)?;
            contact.list_id = list;
            contact.data = data;
            contact.updated = now;
            self.append(contact, &mut change);
        }
        self.revision += 1;
        Ok(change)
    }

    /// What an edit of `id` into `data` on `list` adds to the contact's history: the
    /// fields it changed (named as the form names them now), the tags it added and
    /// removed. Nothing when nothing changed.
    fn edit_events(&self, id: ContactId, list: ListId, data: &ContactData, now: Timestamp) -> Vec<JourneyEntry> {
        let Some(old) = self.contact(id) else { return Vec::new() };
        let mut custom = self.fields_for(old.list_id);
        custom.extend(self.fields_for(list));
        let mut fields = edited_field_labels(&old.data, data, &custom);
        if old.list_id != list {
            fields.insert(0, "List".to_owned());
        }
        let added: Vec<TagId> = data.tags().iter().filter(|t| !old.data.has_tag(**t)).copied().collect();
        let removed: Vec<TagId> = old.data.tags().iter().filter(|t| !data.has_tag(**t)).copied().collect();
        let event = |kind| JourneyEntry::History(HistoryEvent { contact: id, at: now, kind });
        let edited = (!fields.is_empty()).then(|| event(HistoryKind::Edited { fields }));
        let tagged = (!added.is_empty() || !removed.is_empty()).then(|| event(HistoryKind::Tagged { added, removed }));
        edited.into_iter().chain(tagged).collect()
    }

    /// The errors of `shown` that `draft` still has, in today's words: a form clears a
    /// field's error as soon as its value is right rather than at the next save, and
    /// shows no new one before that save.
    pub fn errors_left(&self, draft: &ContactDraft, shown: &ContactErrors) -> ContactErrors {
        let found = match self.validate_contact(draft) {
            Err(WorkspaceError::Contact(found)) => found.0,
            _ => Vec::new(),
        };
        // A list deleted meanwhile is only found by a save: its error stays while it is chosen.
        let list_gone = draft.list_id.is_some_and(|l| !self.lists.contains_key(&l));
        let left = shown.0.iter().filter_map(|(path, said)| match found.iter().find(|(p, _)| p == path) {
            Some(now) => Some(now.clone()),
            None if *path == DraftPath::List && list_gone => Some((*path, said.clone())),
            None => None,
        });
        ContactErrors(left.collect())
    }

    /// Validates a draft against the custom fields of its list; tags that no longer
    /// exist are dropped.
    pub(super) fn validate_contact(&self, draft: &ContactDraft) -> Result<(ListId, ContactData), WorkspaceError> {
        let fields = draft.list_id.map(|l| self.fields_for(l)).unwrap_or_default();
        let country = draft.list_id.and_then(|l| self.list(l)).and_then(|l| l.country);
        let Validated { list, data, .. } = draft.validate_in(&fields, PhoneRules::asking(country))?;
        if !self.lists.contains_key(&list) {
            return Err(WorkspaceError::UnknownList(list));
        }
        let mut data = data;
        let tags = &self.tags;
        data.retain_tags(|t| tags.contains_key(&t));
        Ok((list, data))
    }

    /// Applies `edit` to every contact (of `list`, or all) and names the pages whose
    /// contacts it changed (`edit` says whether it changed one).
    pub(super) fn edit_contacts(&mut self, list: Option<ListId>, mut edit: impl FnMut(&mut ContactData) -> bool) -> Change {
        let mut change = Change::default();
        for (key, page) in self.pages.iter_mut() {
            if list.is_some_and(|l| l != key.list) {
                continue;
            }
            let mut touched = false;
            for c in page.iter_mut() {
                touched |= edit(&mut c.data);
            }
            if touched {
                self.stale.page_written(*key, &mut change);
            }
        }
        if !change.is_empty() {
            self.revision += 1;
        }
        change
    }

    /// Moves contacts to the trash as one deletion, exactly as they are (their journal
    /// stays). A contact with an open WhatsApp conversation is never deleted: the
    /// outcome names those kept. Unknown ids are refused before anything changes.
    pub fn delete_contacts(&mut self, ids: &[ContactId], now: Timestamp) -> Result<(DeleteOutcome, Change), WorkspaceError> {
        if let Some(missing) = ids.iter().find(|id| !self.locations.contains(**id)) {
            return Err(WorkspaceError::UnknownContact(*missing));
        }
        let mut doomed: HashSet<ContactId> = ids.iter().copied().collect();
        let pages = self.pages_of(&doomed);
        let asked = pages.iter().filter_map(|k| self.pages.get(k)).flatten().filter(|c| doomed.contains(&c.id));
        let open: HashSet<ContactId> = asked.filter(|c| c.activity.has_open_whatsapp()).map(|c| c.id).collect();
        doomed.retain(|id| !open.contains(id));
        // In the order given, once each.
        let mut named = HashSet::new();
        let kept_open_whatsapp = ids.iter().copied().filter(|id| open.contains(id) && named.insert(*id)).collect();
        let mut change = Change::default();
        let contacts = self.take_many(&doomed, &mut change);
        let deleted = contacts.len();
        let deletion = self.trash_contacts(contacts, now, &mut change);
        Ok((DeleteOutcome { deletion, deleted, kept_open_whatsapp }, change))
    }

    /// Deletes contacts for good, journal included (an undone import); unknown ids
    /// are refused before anything changes.
    pub(super) fn erase_contacts(&mut self, ids: &[ContactId]) -> Result<Change, WorkspaceError> {
        if let Some(missing) = ids.iter().find(|id| !self.locations.contains(**id)) {
            return Err(WorkspaceError::UnknownContact(*missing));
        }
        let mut change = Change::default();
        let erased = ids.iter().copied().collect();
        self.take_many(&erased, &mut change);
        self.forget_stale_copies(&erased, &mut change);
        // In the order given (a set's order would differ between runs), once each.
        change.clear_journal(ids.iter().copied());
        Ok(change)
    }

    /// Rewrites every stored page that still holds a copy of one of `ids` (`stale`):
    /// contacts deleted for good leave no bytes behind.
    pub(super) fn forget_stale_copies(&mut self, ids: &HashSet<ContactId>, change: &mut Change) {
        for key in self.stale.pages_holding(ids) {
            self.stale.page_written(key, change);
        }
    }

    /// The pages holding these contacts, in key order.
    fn pages_of(&self, ids: &HashSet<ContactId>) -> Vec<PageKey> {
        let mut keys: Vec<PageKey> = ids.iter().filter_map(|id| self.locations.get(*id)).collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// Takes these contacts out of their pages, in storage order (bulk: a page is
    /// split once, however many of its contacts go).
    pub(super) fn take_many(&mut self, doomed: &HashSet<ContactId>, change: &mut Change) -> Vec<Contact> {
        let mut taken = Vec::with_capacity(doomed.len());
        for key in self.pages_of(doomed) {
            let Some(page) = self.pages.get_mut(&key) else { continue };
            let (gone, stay): (Vec<Contact>, Vec<Contact>) = std::mem::take(page).into_iter().partition(|c| doomed.contains(&c.id));
            *page = stay;
            if let Some(n) = self.counts.get_mut(&key.list) {
                *n = n.saturating_sub(gone.len());
            }
            if page.is_empty() {
                self.pages.remove(&key);
                self.stale.page_deleted(key, change);
            } else {
                // The stored page stays as it is, its leavers named stale (`stale`).
                self.stale.left(key, gone.iter().map(|c| c.id), change);
            }
            taken.extend(gone);
        }
        if !taken.is_empty() {
            self.locations.remove_all(doomed);
            self.revision += 1;
        }
        taken
    }

    /// Appends already validated contacts to a list (bulk paths: import, benchmark).
    pub fn add_contacts(&mut self, list: ListId, data: Vec<ContactData>, now: Timestamp) -> Result<(Vec<ContactId>, Change), WorkspaceError> {
        if !self.lists.contains_key(&list) {
            return Err(WorkspaceError::UnknownList(list));
        }
        let mut change = Change { meta: true, ..Change::default() };
        let first = self.meta.next_contact_id;
        self.meta.next_contact_id = first.saturating_add(data.len() as u64);
        let contacts = data.into_iter().zip(first..).map(|(data, id)| Contact {
            id: ContactId::new(id),
            list_id: list,
            created: now,
            updated: now,
            data,
            activity: Default::default(),
        });
        let placed = self.fill_pages(list, contacts, &mut change);
        // New ids are above every stored one: each is a push.
        placed.iter().for_each(|(id, key)| self.locations.set(*id, *key));
        self.revision += 1;
        Ok((placed.into_iter().map(|(id, _)| id).collect(), change))
    }

    /// Puts contacts of `list` on its last page, then new ones, a page at a time (no
    /// per-contact lookups); says where each went (`locations` is the caller's).
    pub(super) fn fill_pages(&mut self, list: ListId, contacts: impl Iterator<Item = Contact>, change: &mut Change) -> Vec<(ContactId, PageKey)> {
        let mut placed = Vec::new();
        let mut contacts = contacts.peekable();
        while contacts.peek().is_some() {
            let key = self.page_with_room(list);
            let page = self.pages.entry(key).or_default();
            let room = PAGE_CAPACITY.saturating_sub(page.len());
            for contact in contacts.by_ref().take(room) {
                placed.push((contact.id, key));
                page.push(contact);
            }
            self.stale.page_written(key, change);
        }
        *self.counts.entry(list).or_default() += placed.len();
        placed
    }

    /// The list's last page if it has room, else the next page number.
    pub(super) fn page_with_room(&self, list: ListId) -> PageKey {
        let last = self.pages.range(PageKey { list, page: 0 }..=PageKey { list, page: u32::MAX }).next_back();
        match last {
            Some((key, page)) if page.len() < PAGE_CAPACITY => *key,
            Some((key, _)) => PageKey { list, page: key.page.saturating_add(1) },
            None => PageKey { list, page: 0 },
        }
    }

    /// Puts a contact on its list's last page, opening a new page when that one is full.
    pub(super) fn append(&mut self, contact: Contact, change: &mut Change) {
        let list = contact.list_id;
        for (id, key) in self.fill_pages(list, std::iter::once(contact), change) {
            self.locations.set(id, key);
        }
    }

    pub(super) fn take_contact(&mut self, id: ContactId, change: &mut Change) -> Result<Contact, WorkspaceError> {
        let key = self.locations.remove(id).ok_or(WorkspaceError::UnknownContact(id))?;
        let page = self.pages.get_mut(&key).ok_or(WorkspaceError::UnknownContact(id))?;
        let at = page.iter().position(|c| c.id == id).ok_or(WorkspaceError::UnknownContact(id))?;
        let contact = page.remove(at);
        if page.is_empty() {
            self.pages.remove(&key);
            self.stale.page_deleted(key, change);
        } else {
            self.stale.page_written(key, change);
        }
        if let Some(n) = self.counts.get_mut(&key.list) {
            *n = n.saturating_sub(1);
        }
        Ok(contact)
    }
}
