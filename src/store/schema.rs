//! The database schema and its numbered migration steps.
//!
//! Step N takes a database from version N-1 to version N. Opening a database at
//! version K < VERSION runs steps K+1..=VERSION only, inside the browser's
//! `upgradeneeded` transaction: they all land or none do. Steps are append-only: never
//! edit a released step, add the next one.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;

/// The schema version this build writes.
pub const VERSION: u32 = 10;

/// Workspace meta (id counters): one record under key [`META_KEY`].
pub(crate) const META: &str = "meta";
pub(crate) const META_KEY: &str = "meta";
/// One record per list, key = list id (a number).
pub(crate) const LISTS: &str = "lists";
/// Contact pages, key = `[list_id, page_number]`.
pub(crate) const PAGES: &str = "pages";
/// UI settings (page size...), key = setting name, value = string. Added in version 2.
pub(crate) const SETTINGS: &str = "settings";
/// Custom field definitions (list and global), key = field id. Added in version 3.
pub(crate) const FIELDS: &str = "fields";
/// Predefined tags, key = tag id. Added in version 3.
pub(crate) const TAGS: &str = "tags";
/// Agents, key = agent id. Added in version 3.
pub(crate) const AGENTS: &str = "agents";
/// Dispositions of every list, key = disposition id. Added in version 3.
pub(crate) const DISPOSITIONS: &str = "dispositions";
/// Import batches (history, undo, interrupted imports), key = batch id. Added in
/// version 4.
pub(crate) const IMPORTS: &str = "imports";
/// Every contact's interactions and history events, one record per entry, key =
/// `[contact_id, at_millis, entry_id]` (a contact's journal is one key range, in time
/// order). Never read at start-up. Added in version 5.
pub(crate) const JOURNAL: &str = "journal";
/// Deleted contacts, a page of up to `PAGE_CAPACITY` of one deletion per record, key =
/// `[at_millis, deletion_id, page]` (time first: what expired is one key range).
/// Added in version 6.
pub(crate) const TRASH: &str = "trash";

/// A commit's journal requests waiting to reach a journal kept in a storage bucket
/// (`journal_home`, `persist::outbox`), key = a number, in commit order. Empty but for
/// a tab closed mid-save. Added in version 7.
pub(crate) const OUTBOX: &str = "journal_outbox";

/// Per page, the ids of contacts its stored copy still holds after they left it
/// (`domain::workspace::stale`), key = the page's key. Added in version 8.
pub(crate) const STALE: &str = "stale_copies";
pub(crate) const STALE_VERSION: u32 = 8;

/// The journal in layers (`persist::journal_layers`), key = `[page, seq]`, and its last
/// sequence number under the key `"seq"`. The `journal` store keeps what older versions
/// wrote until it is moved here. Added in version 9 (and version 2 of a journal's own
/// database in a storage bucket).
pub(crate) const JOURNAL_LAYERS: &str = "journal_layers";
pub(crate) const LAYERS_VERSION: u32 = 9;
pub(crate) const LAYER_SEQ_KEY: &str = "seq";

/// Per page, its head (`domain::page_head`), key = the page's key, written in the
/// same transaction as the page. Added in version 10; a start fills it in for pages
/// written before (`store::page_heads`).
pub(crate) const PAGE_HEADS: &str = "page_heads";

/// Runs the steps from `old` (exclusive) to `new` (inclusive).
pub(crate) fn upgrade(db: &Database, old: u32, new: u32) -> indexed_db_futures::Result<()> {
    for version in old.saturating_add(1)..=new {
        step(db, version)?;
    }
    Ok(())
}

fn step(db: &Database, version: u32) -> indexed_db_futures::Result<()> {
    match version {
        1 => {
            // Out-of-line keys everywhere: values are opaque bytes from the codec.
            db.create_object_store(META).build()?;
            db.create_object_store(LISTS).build()?;
            db.create_object_store(PAGES).build()?;
        }
        2 => {
            db.create_object_store(SETTINGS).build()?;
        }
        3 => {
            // One record each, key = the record's numeric id, value = codec bytes.
            db.create_object_store(FIELDS).build()?;
            db.create_object_store(TAGS).build()?;
            db.create_object_store(AGENTS).build()?;
            db.create_object_store(DISPOSITIONS).build()?;
        }
        4 => {
            db.create_object_store(IMPORTS).build()?;
        }
        5 => {
            db.create_object_store(JOURNAL).build()?;
        }
        6 => {
            db.create_object_store(TRASH).build()?;
        }
        7 => {
            db.create_object_store(OUTBOX).build()?;
        }
        8 => {
            db.create_object_store(STALE).build()?;
        }
        9 => {
            db.create_object_store(JOURNAL_LAYERS).build()?;
        }
        10 => {
            db.create_object_store(PAGE_HEADS).build()?;
        }
        // Unknown steps cannot happen: `open` never asks for more than VERSION.
        _ => {}
    }
    Ok(())
}
