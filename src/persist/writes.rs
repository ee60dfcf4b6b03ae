//! Which requests a `Change` makes and which bytes each writes: the one definition both
//! stores issue (IndexedDB as requests in one transaction, memory into a staged copy).

use crate::domain::codec::{
    encode_agent, encode_disposition, encode_field, encode_import, encode_list, encode_meta, encode_page, encode_tag,
};
use crate::domain::{Change, ListId, PageKey, RecordKey, Workspace};

/// A place in storage: the meta record, a list record, a page, or a small record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Meta,
    List(ListId),
    Page(PageKey),
    Record(RecordKey),
}

/// The groups records are stored in (IndexedDB object stores, memory maps).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Shelf {
    Meta,
    Lists,
    Pages,
    Fields,
    Tags,
    Agents,
    Dispositions,
    Imports,
}

impl Target {
    pub fn shelf(self) -> Shelf {
        match self {
            Target::Meta => Shelf::Meta,
            Target::List(_) => Shelf::Lists,
            Target::Page(_) => Shelf::Pages,
            Target::Record(RecordKey::Field(_)) => Shelf::Fields,
            Target::Record(RecordKey::Tag(_)) => Shelf::Tags,
            Target::Record(RecordKey::Agent(_)) => Shelf::Agents,
            Target::Record(RecordKey::Disposition(_)) => Shelf::Dispositions,
            Target::Record(RecordKey::Import(_)) => Shelf::Imports,
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

/// Every place a change names with `true` for a put, in the order its requests are
/// issued: meta, lists, pages, small records; puts before deletions in each.
pub fn targets(change: &Change) -> impl Iterator<Item = (Target, bool)> + '_ {
    let meta = change.meta.then_some((Target::Meta, true));
    let named = |put: bool| move |target: Target| (target, put);
    meta.into_iter()
        .chain(change.lists_put.iter().map(|&id| Target::List(id)).map(named(true)))
        .chain(change.lists_deleted.iter().map(|&id| Target::List(id)).map(named(false)))
        .chain(change.pages_put.iter().map(|&key| Target::Page(key)).map(named(true)))
        .chain(change.pages_deleted.iter().map(|&key| Target::Page(key)).map(named(false)))
        .chain(change.records_put.iter().map(|&key| Target::Record(key)).map(named(true)))
        .chain(change.records_deleted.iter().map(|&key| Target::Record(key)).map(named(false)))
}

/// The requests of `change`, each encoded only when taken (a store holds one page's
/// bytes at a time). A put of a record the workspace no longer has becomes a deletion:
/// deleted again after being dirtied (a merged change), it must not linger.
pub fn writes<'a>(workspace: &'a Workspace, change: &'a Change) -> impl Iterator<Item = Write> + 'a {
    targets(change).map(move |(target, put)| Write { target, bytes: if put { encode(workspace, target) } else { None } })
}

/// The current bytes of the record at `target`, `None` when the workspace no longer
/// has it.
pub fn encode(workspace: &Workspace, target: Target) -> Option<Vec<u8>> {
    match target {
        Target::Meta => Some(encode_meta(workspace.meta())),
        Target::List(id) => workspace.list(id).map(encode_list),
        Target::Page(key) => workspace.page(key).map(encode_page),
        Target::Record(RecordKey::Field(id)) => workspace.field(id).map(encode_field),
        Target::Record(RecordKey::Tag(id)) => workspace.tag(id).map(encode_tag),
        Target::Record(RecordKey::Agent(id)) => workspace.agent(id).map(encode_agent),
        Target::Record(RecordKey::Disposition(id)) => workspace.disposition(id).map(encode_disposition),
        Target::Record(RecordKey::Import(id)) => workspace.import(id).map(encode_import),
    }
}
