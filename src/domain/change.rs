//! What a workspace command dirtied, so the store can persist exactly that in one
//! transaction.

use super::agent::AgentId;
use super::custom_field::FieldId;
use super::disposition::DispositionId;
use super::import_batch::BatchId;
use super::ids::ListId;
use super::tag::TagId;

/// A small record stored one per key (pages and lists have their own fields).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKey {
    Field(FieldId),
    Tag(TagId),
    Agent(AgentId),
    Disposition(DispositionId),
    Import(BatchId),
}

/// A page of contacts in storage: list and page number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PageKey {
    pub list: ListId,
    pub page: u32,
}

/// Records to write or delete. The store reads the current contents of every named
/// record from the workspace when it commits. A record is named at most once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Change {
    pub lists_put: Vec<ListId>,
    pub lists_deleted: Vec<ListId>,
    pub pages_put: Vec<PageKey>,
    pub pages_deleted: Vec<PageKey>,
    /// The workspace meta record (id counters) changed.
    pub meta: bool,
    pub records_put: Vec<RecordKey>,
    pub records_deleted: Vec<RecordKey>,
}

impl Change {
    pub fn is_empty(&self) -> bool {
        self == &Change::default()
    }

    /// Folds a later change into this one (several commands committed together): the
    /// later fate of a record wins.
    pub fn merge(&mut self, later: Change) {
        for id in later.lists_put {
            self.lists_deleted.retain(|d| *d != id);
            push_unique(&mut self.lists_put, id);
        }
        for id in later.lists_deleted {
            self.lists_put.retain(|p| *p != id);
            push_unique(&mut self.lists_deleted, id);
        }
        for key in later.pages_put {
            self.pages_deleted.retain(|d| *d != key);
            push_unique(&mut self.pages_put, key);
        }
        for key in later.pages_deleted {
            self.pages_put.retain(|p| *p != key);
            push_unique(&mut self.pages_deleted, key);
        }
        for key in later.records_put {
            self.records_deleted.retain(|d| *d != key);
            push_unique(&mut self.records_put, key);
        }
        for key in later.records_deleted {
            self.records_put.retain(|p| *p != key);
            push_unique(&mut self.records_deleted, key);
        }
        self.meta |= later.meta;
    }

    pub(crate) fn put_record(&mut self, key: RecordKey) {
        self.merge(Change { records_put: vec![key], ..Change::default() });
    }
    pub(crate) fn delete_record(&mut self, key: RecordKey) {
        self.merge(Change { records_deleted: vec![key], ..Change::default() });
    }
    pub(crate) fn put_list(&mut self, id: ListId) {
        self.merge(Change { lists_put: vec![id], ..Change::default() });
    }

    pub(crate) fn put_page(&mut self, key: PageKey) {
        self.merge(Change { pages_put: vec![key], ..Change::default() });
    }
    pub(crate) fn delete_page(&mut self, key: PageKey) {
        self.merge(Change { pages_deleted: vec![key], ..Change::default() });
    }
}

fn push_unique<T: PartialEq>(items: &mut Vec<T>, item: T) {
    if !items.contains(&item) {
        items.push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(list: u32, page: u32) -> PageKey {
        PageKey { list: ListId::new(list), page }
    }

    #[test]
    fn merge_keeps_the_later_fate_of_each_record() {
        let mut a = Change { pages_put: vec![key(1, 0), key(1, 1)], ..Change::default() };
        a.merge(Change { pages_deleted: vec![key(1, 1)], lists_put: vec![ListId::new(2)], meta: true, ..Change::default() });
        assert_eq!(a.pages_put, vec![key(1, 0)]);
        assert_eq!(a.pages_deleted, vec![key(1, 1)]);
        assert!(a.meta);
        a.put_page(key(1, 1));
        a.put_page(key(1, 1));
        assert_eq!(a.pages_put, vec![key(1, 0), key(1, 1)]);
        assert!(a.pages_deleted.is_empty());
        assert!(!a.is_empty());
        assert!(Change::default().is_empty());
    }
}
