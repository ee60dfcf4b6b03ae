//! Stale copies: contacts a stored page still holds after they left it.
//!
//! Rewriting a page costs its whole encoding and an overwrite in IndexedDB; a bulk
//! delete spread over every page of 500,000 contacts rewrote all of them (2.5 s). So a
//! bulk removal leaves the stored page as it is and writes a small record beside it
//! naming the ids that are no longer there; load drops them. The next write of the
//! page (any edit, a contact added) replaces it whole and the record goes.
//!
//! Purging contacts for good rewrites every page that still holds a copy of them: a
//! contact deleted from the trash leaves no bytes behind.

use std::collections::{HashMap, HashSet};

use crate::domain::change::{Change, PageKey};
use crate::domain::contact::Contact;
use crate::domain::ids::ContactId;

#[derive(Debug, Default)]
pub(crate) struct StaleCopies(HashMap<PageKey, Vec<ContactId>>);

impl StaleCopies {
    pub(crate) fn from_stored(stored: Vec<(PageKey, Vec<ContactId>)>) -> Self {
        StaleCopies(stored.into_iter().filter(|(_, ids)| !ids.is_empty()).collect())
    }

    /// `gone` left the page at `key`; its stored copy stays, with them named stale.
    pub(crate) fn left(&mut self, key: PageKey, gone: impl IntoIterator<Item = ContactId>, change: &mut Change) {
        self.0.entry(key).or_default().extend(gone);
        change.put_stale(key);
    }

    /// The page at `key` is written whole: its stored copy holds no stale contact.
    pub(crate) fn page_written(&mut self, key: PageKey, change: &mut Change) {
        change.put_page(key);
        if self.0.remove(&key).is_some() {
            change.delete_stale(key);
        }
    }

    /// The page at `key` is deleted, and what was stale in it with it.
    pub(crate) fn page_deleted(&mut self, key: PageKey, change: &mut Change) {
        change.delete_page(key);
        if self.0.remove(&key).is_some() {
            change.delete_stale(key);
        }
    }

    /// The pages whose stored copy still holds one of `ids`.
    pub(crate) fn pages_holding(&self, ids: &HashSet<ContactId>) -> Vec<PageKey> {
        let mut keys: Vec<PageKey> = self.0.iter().filter(|(_, stale)| stale.iter().any(|id| ids.contains(id))).map(|(k, _)| *k).collect();
        keys.sort_unstable();
        keys
    }

    /// The ids stale in the page at `key`, without any that `live` (the page as it is
    /// now) holds: a record written from here can never hide a contact that is there.
    pub(crate) fn of(&self, key: PageKey, live: &[Contact]) -> Option<Vec<ContactId>> {
        let stale = self.0.get(&key)?;
        let named: HashSet<ContactId> = stale.iter().copied().collect();
        let here: HashSet<ContactId> = live.iter().map(|c| c.id).filter(|id| named.contains(id)).collect();
        let ids: Vec<ContactId> = stale.iter().copied().filter(|id| !here.contains(id)).collect();
        (!ids.is_empty()).then_some(ids)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::ListId;
    use crate::domain::{ContactDraft, ContactField};

    fn named_draft(list: ListId) -> ContactDraft {
        let mut draft = ContactDraft { list_id: Some(list), ..ContactDraft::default() };
        draft.set(ContactField::FirstName, "Xena");
        draft
    }

    #[test]
    fn a_record_never_names_a_contact_the_page_holds_now() {
        let key = PageKey { list: ListId::new(1), page: 0 };
        let (x, y) = (ContactId::new(1), ContactId::new(2));
        let mut stale = StaleCopies::default();
        let mut change = Change::default();
        stale.left(key, [x, y], &mut change);
        assert_eq!(change.stale_put, [key]);
        assert_eq!(stale.of(key, &[]), Some(vec![x, y]));
        // Were x ever back in the page without a rewrite, the record would not hide it.
        let t = crate::domain::ids::Timestamp::from_millis(0);
        let live = [Contact { id: x, list_id: key.list, created: t, updated: t, data: named_draft(key.list).validate().expect("a valid draft").1, activity: Default::default() }];
        assert_eq!(stale.of(key, &live), Some(vec![y]));
        stale.page_written(key, &mut change);
        assert_eq!((stale.of(key, &[]), change.stale_put.as_slice(), change.stale_deleted.as_slice()), (None, [].as_slice(), [key].as_slice()));
    }
}
