//! Which requests a `Change` makes and which bytes each writes: the one definition both
//! stores issue (IndexedDB as requests in one transaction, memory into a staged copy).

use crate::domain::change::JournalKey;
use crate::domain::codec::{
    encode_agent, encode_disposition, encode_field, encode_import, encode_journal_entry, encode_list, encode_meta,
    encode_page, encode_page_head, encode_stale_copies, encode_tag, encode_trash_page,
};
use crate::domain::page_head::PageHead;
use crate::domain::trash::TrashKey;
use crate::domain::{Change, ContactId, ListId, PageKey, RecordKey, Workspace};
use crate::persist::journal_layers::{self, encode_layer, LayerKey};

/// A place in storage: the meta record, a list record, a page, a small record, a
/// page of a deletion in the trash, a journal entry or every journal entry of the
/// contacts from one id to another, both included (only ever deleted; how versions
/// before journal layers stored it), a layer of the journal, every layer of a page
/// below one (only ever deleted), or the journal's last sequence number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Meta,
    List(ListId),
    Page(PageKey),
    /// The head of the page at that key (`domain::page_head`), written with the page.
    PageHead(PageKey),
    Record(RecordKey),
    Trash(TrashKey),
    /// The record of the contacts the stored page at that key still holds that left it.
    Stale(PageKey),
    Journal(JournalKey),
    JournalOf(ContactId, ContactId),
    Layer(LayerKey),
    LayersBefore(LayerKey),
    LayerSeq,
}

/// The groups records are stored in (IndexedDB object stores, memory maps).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Shelf {
    Meta,
    Lists,
    Pages,
    PageHeads,
    Fields,
    Tags,
    Agents,
    Dispositions,
    Imports,
    Journal,
    JournalLayers,
    Trash,
    Stale,
}

impl Target {
    pub fn shelf(self) -> Shelf {
        match self {
            Target::Meta => Shelf::Meta,
            Target::List(_) => Shelf::Lists,
            Target::Page(_) => Shelf::Pages,
            Target::PageHead(_) => Shelf::PageHeads,
            Target::Record(RecordKey::Field(_)) => Shelf::Fields,
            Target::Record(RecordKey::Tag(_)) => Shelf::Tags,
            Target::Record(RecordKey::Agent(_)) => Shelf::Agents,
            Target::Record(RecordKey::Disposition(_)) => Shelf::Dispositions,
            Target::Record(RecordKey::Import(_)) => Shelf::Imports,
            Target::Journal(_) | Target::JournalOf(..) => Shelf::Journal,
            Target::Layer(_) | Target::LayersBefore(_) | Target::LayerSeq => Shelf::JournalLayers,
            Target::Trash(_) => Shelf::Trash,
            Target::Stale(_) => Shelf::Stale,
        }
    }
}

/// The numeric id a small record is stored under.
pub fn record_id(key: RecordKey) -> u32 {
    match key {
        RecordKey::Field(id) => id.get(),
        RecordKey::Tag(id) => id.get(),
        RecordKey::Agent(id) => id.get(),
        RecordKey::Disposition(id) => id.get(),
        RecordKey::Import(id) => id.get(),
    }
}

/// One request of a commit: put `bytes` at `target`, or delete it when `None`.
pub struct Write {
    pub target: Target,
    pub bytes: Option<Vec<u8>>,
}

/// How a store keeps its journal: one record per entry (a database opened at a schema
/// before layers), or in layers, the next one written with sequence number `seq`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub enum JournalFormat {
    Entries,
    Layers { seq: u64 },
}

/// Every place a change names outside the journal, in the order its requests are
/// issued (IndexedDB scopes its transaction by them).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn record_places(change: &Change) -> impl Iterator<Item = Target> + '_ {
    record_targets(change).map(|(target, _)| target)
}

/// The places of records read from the workspace with `true` for a put, in the order
/// their requests are issued: meta, lists, pages, their heads, small records, trash pages, records
/// of stale copies; puts
/// before deletions in each (a deletion's page rewritten and deleted in one change
/// is never both: `Change::merge` keeps one fate).
fn record_targets(change: &Change) -> impl Iterator<Item = (Target, bool)> + '_ {
    let meta = change.meta.then_some((Target::Meta, true));
    let named = |put: bool| move |target: Target| (target, put);
    meta.into_iter()
        .chain(change.lists_put.iter().map(|&id| Target::List(id)).map(named(true)))
        .chain(change.lists_deleted.iter().map(|&id| Target::List(id)).map(named(false)))
        .chain(change.pages_put.iter().map(|&key| Target::Page(key)).map(named(true)))
        .chain(change.pages_deleted.iter().map(|&key| Target::Page(key)).map(named(false)))
        .chain(change.pages_put.iter().map(|&key| Target::PageHead(key)).map(named(true)))
        .chain(change.pages_deleted.iter().map(|&key| Target::PageHead(key)).map(named(false)))
        .chain(change.records_put.iter().map(|&key| Target::Record(key)).map(named(true)))
        .chain(change.records_deleted.iter().map(|&key| Target::Record(key)).map(named(false)))
        .chain(change.trash_put.iter().map(|&key| Target::Trash(key)).map(named(true)))
        .chain(change.trash_deleted.iter().map(|&key| Target::Trash(key)).map(named(false)))
        .chain(change.stale_put.iter().map(|&key| Target::Stale(key)).map(named(true)))
        .chain(change.stale_deleted.iter().map(|&key| Target::Stale(key)).map(named(false)))
}

/// The requests of `change`, each encoded only when taken (a store holds one page's
/// bytes at a time). A put of a record the workspace no longer has becomes a deletion:
/// deleted again after being dirtied (a merged change), it must not linger.
pub fn writes<'a>(workspace: &'a Workspace, change: &'a Change, format: JournalFormat) -> impl Iterator<Item = Write> + 'a {
    record_writes(workspace, change).chain(journal_writes(change, format))
}

/// The requests of `change` outside the journal (see `writes`).
pub fn record_writes<'a>(workspace: &'a Workspace, change: &'a Change) -> impl Iterator<Item = Write> + 'a {
    record_targets(change).map(move |(target, put)| Write { target, bytes: if put { encode(workspace, target) } else { None } })
}

/// The journal's requests, after the records'. One record per entry: clears first (a
/// put merged after a clear must survive it), then puts, then deletions. In layers:
/// one layer per page the change touches (older layers of a page it clears whole are
/// deleted first), then the sequence number, when there is any.
pub fn journal_writes(change: &Change, format: JournalFormat) -> Vec<Write> {
    let seq = match format {
        JournalFormat::Layers { seq } => seq,
        JournalFormat::Entries => {
            let cleared = cleared_runs(&change.journal_cleared).into_iter().map(|(first, last)| Write { target: Target::JournalOf(first, last), bytes: None });
            let put = change.journal_put.iter().map(|e| Write { target: Target::Journal(JournalKey::of(e)), bytes: Some(encode_journal_entry(e)) });
            let deleted = change.journal_deleted.iter().map(|&k| Write { target: Target::Journal(k), bytes: None });
            return cleared.chain(put).chain(deleted).collect();
        }
    };
    let mut writes = Vec::new();
    for (page, layer) in journal_layers::of_change(change) {
        let key = LayerKey { page, seq };
        if layer.clears_page(page) {
            writes.push(Write { target: Target::LayersBefore(key), bytes: None });
        }
        writes.push(Write { target: Target::Layer(key), bytes: Some(encode_layer(&layer)) });
    }
    if !writes.is_empty() {
        writes.push(seq_write(seq));
    }
    writes
}

/// The write that stores `seq` as the journal's last sequence number.
pub fn seq_write(seq: u64) -> Write {
    Write { target: Target::LayerSeq, bytes: Some(seq.to_le_bytes().to_vec()) }
}

/// The sequence number stored by a `Target::LayerSeq` write.
pub fn layer_seq(bytes: &[u8]) -> Option<u64> {
    Some(u64::from_le_bytes(bytes.try_into().ok()?))
}

/// Cleared contacts as runs of consecutive ids, one range deletion each: a deleted
/// list of 500,000 imported contacts is a few requests, not 500,000.
pub fn cleared_runs(cleared: &[ContactId]) -> Vec<(ContactId, ContactId)> {
    let mut ids: Vec<u64> = cleared.iter().map(|c| c.get()).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut runs: Vec<(u64, u64)> = Vec::new();
    for id in ids {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == id => *last = id,
            _ => runs.push((id, id)),
        }
    }
    runs.into_iter().map(|(first, last)| (ContactId::new(first), ContactId::new(last))).collect()
}

/// The current bytes of the record at `target`, `None` when the workspace no longer
/// has it.
pub fn encode(workspace: &Workspace, target: Target) -> Option<Vec<u8>> {
    match target {
        Target::Meta => Some(encode_meta(workspace.meta())),
        Target::List(id) => workspace.list(id).map(encode_list),
        Target::Page(key) => workspace.page(key).map(encode_page),
        Target::PageHead(key) => workspace.page(key).map(|page| encode_page_head(&PageHead::of(page))),
        Target::Record(RecordKey::Field(id)) => workspace.field(id).map(encode_field),
        Target::Record(RecordKey::Tag(id)) => workspace.tag(id).map(encode_tag),
        Target::Record(RecordKey::Agent(id)) => workspace.agent(id).map(encode_agent),
        Target::Record(RecordKey::Disposition(id)) => workspace.disposition(id).map(encode_disposition),
        Target::Record(RecordKey::Import(id)) => workspace.import(id).map(encode_import),
        Target::Trash(key) => workspace.trash_page(key).map(encode_trash_page),
        Target::Stale(key) => workspace.stale_copies(key).map(|ids| encode_stale_copies(&ids)),
        // The change carries journal entries itself (`journal_writes`).
        Target::Journal(_) | Target::JournalOf(..) | Target::Layer(_) | Target::LayersBefore(_) | Target::LayerSeq => None,
    }
}

#[cfg(test)]
mod tests {
    use super::cleared_runs;
    use crate::domain::ContactId;

    #[test]
    fn cleared_contacts_become_runs_of_consecutive_ids_and_no_gap_is_swallowed() {
        let ids = [5, 3, 4, 9, 11, 3].map(ContactId::new);
        let runs: Vec<(u64, u64)> = cleared_runs(&ids).into_iter().map(|(a, b)| (a.get(), b.get())).collect();
        assert_eq!(runs, [(3, 5), (9, 9), (11, 11)]);
        assert!(cleared_runs(&[]).is_empty());
    }
}
