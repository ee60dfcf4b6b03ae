//! Pairs of contacts the user said are not duplicates (or copied on purpose): the
//! finder never puts both in one group.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::domain::ids::ContactId;

/// A set of unordered contact pairs, stored smaller id first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotDuplicates(BTreeSet<(ContactId, ContactId)>);

fn ordered(a: ContactId, b: ContactId) -> (ContactId, ContactId) {
    (a.min(b), a.max(b))
}

impl NotDuplicates {
    /// Remembers the pair; false if it was already there or `a == b`.
    pub fn insert(&mut self, a: ContactId, b: ContactId) -> bool {
        a != b && self.0.insert(ordered(a, b))
    }
    pub fn remove(&mut self, a: ContactId, b: ContactId) -> bool {
        self.0.remove(&ordered(a, b))
    }
    pub fn contains(&self, a: ContactId, b: ContactId) -> bool {
        self.0.contains(&ordered(a, b))
    }
    /// Forgets every pair with `id` (the contact was deleted for good).
    pub fn forget(&mut self, id: ContactId) {
        self.0.retain(|(a, b)| *a != id && *b != id);
    }
    pub fn iter(&self) -> impl Iterator<Item = (ContactId, ContactId)> + '_ {
        self.0.iter().copied()
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
