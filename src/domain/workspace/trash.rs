//! Trash commands: deleted contacts kept as deletions (`domain::trash`), restored
//! whole or in part, purged (journal included) by the user or after `KEEP_DAYS`.
//! Deleting is `delete_contacts` and `delete_lists`; this file also loads the stored
//! trash.

use super::*;
use crate::domain::trash::{list_gone, RestoreOutcome};

/// Above this many restored contacts the location index is rebuilt once instead of
/// inserting each (an insert below the highest id shifts the whole vector).
const REBUILD_LOCATIONS_FROM: usize = 1_000;

impl Workspace {
    /// Every deletion in the trash, newest first.
    pub fn deletions(&self) -> Vec<&Deletion> {
        let mut all: Vec<&Deletion> = self.trash.values().collect();
        all.sort_by_key(|d| std::cmp::Reverse((d.at, d.id)));
        all
    }

    pub fn deletion(&self, id: DeletionId) -> Option<&Deletion> {
        self.trash.get(&id)
    }

    /// The contacts stored under a trash key, for the store to encode.
    pub fn trash_page(&self, key: TrashKey) -> Option<&[Contact]> {
        self.trash.get(&key.deletion).filter(|d| d.at == key.at)?.page(key.page)
    }

    /// Puts contacts taken out of their pages into the trash as one new deletion;
    /// `None` (and no change) when there are none.
    pub(super) fn trash_contacts(&mut self, contacts: Vec<Contact>, now: Timestamp, change: &mut Change) -> Option<DeletionId> {
        if contacts.is_empty() {
            return None;
        }
        let id = DeletionId::new(self.next_deletion_id);
        self.next_deletion_id = self.next_deletion_id.saturating_add(1);
        let deletion = Deletion { id, at: now, contacts };
        deletion.keys().for_each(|k| change.put_trash(k));
        self.trash.insert(id, deletion);
        Some(id)
    }

    /// Restores every contact of a deletion (see `restore_contacts`).
    pub fn restore_deletion(&mut self, id: DeletionId) -> Result<(RestoreOutcome, Change), WorkspaceError> {
        let all: Vec<ContactId> = self.trash.get(&id).ok_or(WorkspaceError::UnknownDeletion(id))?.contacts.iter().map(|c| c.id).collect();
        self.restore_contacts(id, &all)
    }

    /// Puts these contacts of a deletion back, exactly as they were, at the end of
    /// their lists. A contact whose list no longer exists stays in the trash, with
    /// the reason in the outcome. Ids not in the deletion are refused before anything
    /// changes.
    pub fn restore_contacts(&mut self, id: DeletionId, contacts: &[ContactId]) -> Result<(RestoreOutcome, Change), WorkspaceError> {
        let deletion = self.trash.get(&id).ok_or(WorkspaceError::UnknownDeletion(id))?;
        let wanted: HashSet<ContactId> = contacts.iter().copied().collect();
        let held: HashSet<ContactId> = deletion.contacts.iter().map(|c| c.id).filter(|c| wanted.contains(c)).collect();
        if let Some(missing) = contacts.iter().find(|c| !held.contains(c)) {
            return Err(WorkspaceError::UnknownContact(*missing));
        }
        let Some(deletion) = self.trash.remove(&id) else { return Err(WorkspaceError::UnknownDeletion(id)) };
        let mut change = Change::default();
        self.stored_keys(&deletion).into_iter().for_each(|k| change.delete_trash(k));
        let (back, stay): (Vec<Contact>, Vec<Contact>) =
            deletion.contacts.into_iter().partition(|c| wanted.contains(&c.id) && self.lists.contains_key(&c.list_id));
        let refused = stay.iter().filter(|c| wanted.contains(&c.id)).map(|c| list_gone(c, c.list_id)).collect();
        let outcome = RestoreOutcome { restored: back.len(), refused };
        self.put_back(back, &mut change)?;
        if !stay.is_empty() {
            let rest = Deletion { contacts: stay, ..deletion };
            rest.keys().for_each(|k| change.put_trash(k));
            self.trash.insert(id, rest);
        }
        Ok((outcome, change))
    }

    /// Appends restored contacts to their lists, list by list, in their order.
    pub(super) fn put_back(&mut self, contacts: Vec<Contact>, change: &mut Change) -> Result<(), WorkspaceError> {
        let count = contacts.len();
        let mut by_list: BTreeMap<ListId, Vec<Contact>> = BTreeMap::new();
        contacts.into_iter().for_each(|c| by_list.entry(c.list_id).or_default().push(c));
        let mut placed = Vec::with_capacity(count);
        for (list, contacts) in by_list {
            placed.extend(self.fill_pages(list, contacts.into_iter(), change));
        }
        if count >= REBUILD_LOCATIONS_FROM {
            let all = self.pages.iter().flat_map(|(key, page)| page.iter().map(|c| (c.id, *key))).collect();
            self.locations = Locations::from_unsorted(all).map_err(|id| WorkspaceError::Corrupt(format!("contact {id} is stored twice")))?;
        } else {
            placed.into_iter().for_each(|(id, key)| self.locations.set(id, key));
        }
        if count > 0 {
            self.revision += 1;
        }
        Ok(())
    }

    /// Deletes a deletion's contacts for good, their journal included.
    pub fn purge_deletion(&mut self, id: DeletionId) -> Result<Change, WorkspaceError> {
        let deletion = self.trash.remove(&id).ok_or(WorkspaceError::UnknownDeletion(id))?;
        let mut change = Change::default();
        self.stored_keys(&deletion).into_iter().for_each(|k| change.delete_trash(k));
        change.clear_journal(deletion.contacts.iter().map(|c| c.id));
        self.forget_stale_copies(&deletion.contacts.iter().map(|c| c.id).collect(), &mut change);
        Ok(change)
    }

    /// Purges every deletion.
    pub fn empty_trash(&mut self) -> Change {
        self.purge_where(|_| true)
    }

    /// Purges the deletions `KEEP_DAYS` or more old at `now` (start-up calls it).
    pub fn expire_trash(&mut self, now: Timestamp) -> Change {
        self.purge_where(|d| d.expired(now))
    }

    fn purge_where(&mut self, doomed: impl Fn(&Deletion) -> bool) -> Change {
        let ids: Vec<DeletionId> = self.trash.values().filter(|d| doomed(d)).map(|d| d.id).collect();
        let mut change = Change::default();
        for id in ids {
            if let Ok(purged) = self.purge_deletion(id) {
                change.merge(purged);
            }
        }
        change
    }

    /// Takes the stored trash pages in (from `from_stored`, after the pages), and sets
    /// the next deletion id above the highest stored. A chunked commit that stopped
    /// half-way can leave a contact both live and trashed, or twice in the trash (never
    /// lost: see `persist::chunks`): the live one, else the first, is the truth, and
    /// the stored pages that held the rest are remembered to be deleted with it.
    pub(super) fn load_trash(&mut self, pages: Vec<(TrashKey, Vec<Contact>)>) -> Result<(), WorkspaceError> {
        let mut seen = HashSet::new();
        for (key, contacts) in pages {
            let deletion = self.trash.entry(key.deletion).or_insert_with(|| Deletion { id: key.deletion, at: key.at, contacts: Vec::new() });
            if deletion.at != key.at {
                return Err(WorkspaceError::Corrupt(format!("deletion {} is stored at two times", key.deletion)));
            }
            let locations = &self.locations;
            deletion.contacts.extend(contacts.into_iter().filter(|c| !locations.contains(c.id) && seen.insert(c.id)));
            let stored = self.trash_pages_stored.entry(key.deletion).or_default();
            *stored = (*stored).max(key.page.saturating_add(1));
            self.next_deletion_id = self.next_deletion_id.max(key.deletion.get().saturating_add(1));
        }
        let trash = &self.trash;
        self.trash_pages_stored.retain(|id, stored| trash.get(id).is_some_and(|d| *stored > d.page_count()));
        self.trash.retain(|_, d| !d.contacts.is_empty());
        Ok(())
    }

    /// The keys a deletion's pages are stored under: its pages, and any left over from
    /// a repair at load.
    fn stored_keys(&mut self, deletion: &Deletion) -> Vec<TrashKey> {
        let stored = self.trash_pages_stored.remove(&deletion.id).unwrap_or(0).max(deletion.page_count());
        (0..stored).map(|page| TrashKey { at: deletion.at, deletion: deletion.id, page }).collect()
    }
}
