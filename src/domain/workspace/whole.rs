//! The change that names every record a workspace holds: what a backup writes out,
//! and what a restore commits into an empty store.

use super::Workspace;
use crate::domain::change::{Change, RecordKey};

impl Workspace {
    /// A change putting every record of this workspace (meta, lists, pages, fields,
    /// tags, agents, dispositions, import batches, trash pages). Pages are the
    /// contacts as they are now: no record of stale copies is needed for them.
    pub fn whole(&self) -> Change {
        let records = (self.fields.keys().map(|&id| RecordKey::Field(id)))
            .chain(self.tags.keys().map(|&id| RecordKey::Tag(id)))
            .chain(self.agents.keys().map(|&id| RecordKey::Agent(id)))
            .chain(self.dispositions.keys().map(|&id| RecordKey::Disposition(id)))
            .chain(self.imports.keys().map(|&id| RecordKey::Import(id)))
            .collect();
        Change {
            meta: true,
            lists_put: self.lists.keys().copied().collect(),
            pages_put: self.pages.iter().filter(|(_, contacts)| !contacts.is_empty()).map(|(&key, _)| key).collect(),
            records_put: records,
            trash_put: self.trash.values().flat_map(|deletion| deletion.keys()).collect(),
            ..Change::default()
        }
    }
}
