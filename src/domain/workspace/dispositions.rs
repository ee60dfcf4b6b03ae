//! Disposition commands (per list, up to three levels).

use super::{Workspace, WorkspaceError};
use crate::domain::change::{Change, RecordKey};
use crate::domain::disposition::{check_disposition, subtree, Disposition, DispositionError, DispositionId};
use crate::domain::ids::ListId;

impl Workspace {
    /// A list's dispositions in tree order (each followed by its children), with depth
    /// (1 = top level).
    pub fn dispositions(&self, list: ListId) -> Vec<(usize, &Disposition)> {
        let mine: Vec<&Disposition> = self.dispositions.values().filter(|d| d.list == list).collect();
        let mut out = Vec::with_capacity(mine.len());
        fn walk<'a>(all: &[&'a Disposition], parent: Option<DispositionId>, depth: usize, out: &mut Vec<(usize, &'a Disposition)>) {
            let mut children: Vec<&&Disposition> = all.iter().filter(|d| d.parent == parent).collect();
            children.sort_by_cached_key(|d| d.name.to_lowercase());
            for d in children {
                out.push((depth, *d));
                walk(all, Some(d.id), depth + 1, out);
            }
        }
        walk(&mine, None, 1, &mut out);
        out
    }

    pub fn disposition(&self, id: DispositionId) -> Option<&Disposition> {
        self.dispositions.get(&id)
    }

    pub fn create_disposition(&mut self, list: ListId, name: &str, parent: Option<DispositionId>) -> Result<(DispositionId, Change), WorkspaceError> {
        if !self.lists.contains_key(&list) {
            return Err(WorkspaceError::UnknownList(list));
        }
        let mine: Vec<&Disposition> = self.dispositions.values().filter(|d| d.list == list).collect();
        let name = check_disposition(&mine, name, parent, None)?;
        let id = DispositionId::new(self.meta.next_disposition_id);
        self.meta.next_disposition_id = self.meta.next_disposition_id.saturating_add(1);
        self.dispositions.insert(id, Disposition { id, list, name, parent });
        Ok((id, Change { records_put: vec![RecordKey::Disposition(id)], meta: true, ..Change::default() }))
    }

    pub fn rename_disposition(&mut self, id: DispositionId, name: &str) -> Result<Change, WorkspaceError> {
        let current = self.dispositions.get(&id).ok_or(DispositionError::Unknown)?;
        let (list, parent) = (current.list, current.parent);
        let mine: Vec<&Disposition> = self.dispositions.values().filter(|d| d.list == list).collect();
        let name = check_disposition(&mine, name, parent, Some(id))?;
        if let Some(d) = self.dispositions.get_mut(&id) {
            d.name = name;
        }
        Ok(Change { records_put: vec![RecordKey::Disposition(id)], ..Change::default() })
    }

    /// Deletes a disposition with everything below it.
    pub fn delete_disposition(&mut self, id: DispositionId) -> Result<Change, WorkspaceError> {
        let list = self.dispositions.get(&id).ok_or(DispositionError::Unknown)?.list;
        let mine: Vec<&Disposition> = self.dispositions.values().filter(|d| d.list == list).collect();
        let doomed = subtree(&mine, id);
        let mut change = Change::default();
        for d in doomed {
            self.dispositions.remove(&d);
            change.delete_record(RecordKey::Disposition(d));
        }
        Ok(change)
    }
}
