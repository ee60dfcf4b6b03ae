//! Where each contact is stored: a vector sorted by id. Ids only ever grow, so new
//! contacts are pushed at the end; a lookup is a binary search. Half the memory of a
//! hash map and no hashing on the cold-load path.

use std::collections::HashSet;

use super::change::PageKey;
use super::ids::ContactId;

#[derive(Debug, Default)]
pub(crate) struct Locations(Vec<(ContactId, PageKey)>);

impl Locations {
    /// From entries in any order; `Err(id)` names an id that appears twice.
    pub(crate) fn from_unsorted(mut entries: Vec<(ContactId, PageKey)>) -> Result<Self, ContactId> {
        entries.sort_unstable_by_key(|(id, _)| *id);
        if let Some(w) = entries.windows(2).find(|w| w[0].0 == w[1].0) {
            return Err(w[0].0);
        }
        Ok(Self(entries))
    }

    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }

    pub(crate) fn get(&self, id: ContactId) -> Option<PageKey> {
        self.0.binary_search_by_key(&id, |(i, _)| *i).ok().map(|at| self.0[at].1)
    }

    pub(crate) fn contains(&self, id: ContactId) -> bool {
        self.get(id).is_some()
    }

    /// Records (or moves) a contact.
    pub(crate) fn set(&mut self, id: ContactId, key: PageKey) {
        match self.0.last() {
            Some((last, _)) if *last < id => self.0.push((id, key)),
            None => self.0.push((id, key)),
            _ => match self.0.binary_search_by_key(&id, |(i, _)| *i) {
                Ok(at) => self.0[at].1 = key,
                Err(at) => self.0.insert(at, (id, key)),
            },
        }
    }

    pub(crate) fn remove(&mut self, id: ContactId) -> Option<PageKey> {
        let at = self.0.binary_search_by_key(&id, |(i, _)| *i).ok()?;
        Some(self.0.remove(at).1)
    }

    pub(crate) fn remove_all(&mut self, ids: &HashSet<ContactId>) {
        self.0.retain(|(id, _)| !ids.contains(id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ListId;

    fn key(page: u32) -> PageKey {
        PageKey { list: ListId::new(1), page }
    }

    #[test]
    fn keeps_ids_sorted_whatever_the_order_of_changes() {
        let id = ContactId::new;
        let mut l = Locations::from_unsorted(vec![(id(5), key(0)), (id(2), key(1))]).expect("unique");
        l.set(id(9), key(2));
        l.set(id(3), key(3));
        l.set(id(5), key(4));
        assert_eq!([2, 3, 5, 9].map(|i| l.get(id(i))), [Some(key(1)), Some(key(3)), Some(key(4)), Some(key(2))]);
        assert_eq!(l.remove(id(3)), Some(key(3)));
        assert_eq!(l.remove(id(3)), None);
        l.remove_all(&[id(2), id(9)].into_iter().collect());
        assert_eq!(l.len(), 1);
        assert!(l.contains(id(5)) && !l.contains(id(2)));
        assert_eq!(Locations::from_unsorted(vec![(id(1), key(0)), (id(1), key(1))]).err(), Some(id(1)));
    }
}
