//! The default contacts view's first page before the whole workspace has loaded: from
//! the page heads (`domain::page_head`), which few pages to read, then a workspace of
//! just those pages, whose query gives exactly the rows the loaded one will. Both
//! stores read the bytes; this is the part they share.

use super::decode::{self, StoredKey, StoredValue};
use super::writes::{Target, Write};
use super::StoreError;
use crate::domain::codec::encode_page_head;
use crate::domain::page_head::{self, FirstPagePlan, PageHead};
use crate::domain::{AgentId, PageKey, StoredRecords, Workspace};

/// A workspace of the pages that hold the default view's first page (and every list,
/// field, tag and agent), and how many contacts the whole view covers.
#[derive(Debug)]
pub struct FirstPage {
    pub workspace: Workspace,
    pub total: usize,
}

/// What a store reads before choosing pages: the small records a page of contacts is
/// shown with (pages, trash and imports left empty), the stale copies, every page
/// head, and how many pages are stored.
#[derive(Debug, Default)]
pub struct HeadsRead {
    pub records: StoredRecords,
    pub heads: Vec<(PageKey, PageHead)>,
    pub page_count: usize,
}

/// The pages to read for the first `page_size` contacts the lists `viewing_as` sees
/// (every list for the Admin); `None` when the heads cannot tell (some pages have
/// none yet: written before heads existed, and not filled in yet).
pub fn plan(read: &HeadsRead, viewing_as: Option<AgentId>, page_size: usize) -> Result<Option<FirstPagePlan>, StoreError> {
    if read.heads.len() != read.page_count {
        return Ok(None);
    }
    let r = &read.records;
    let shell = StoredRecords { lists: r.lists.clone(), agents: r.agents.clone(), ..StoredRecords::default() };
    let shell = Workspace::from_stored(shell).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let visible = shell.visible_lists(viewing_as);
    let gone = decode::stale_ids(&r.stale);
    Ok(page_head::plan(&read.heads, &gone, visible.as_deref(), page_size))
}

/// The workspace of the pages `plan` named, read in its order; `None` when one of them
/// is not stored (a head without its page: then wait for the full load).
pub fn assemble(
    read: HeadsRead,
    plan: &FirstPagePlan,
    pages: Vec<(StoredKey<PageKey>, Option<StoredValue>)>,
) -> Result<Option<FirstPage>, StoreError> {
    let HeadsRead { mut records, .. } = read;
    let gone = decode::stale_ids(&records.stale);
    let mut index = decode::index_for(&records.meta, pages.len());
    let mut decoded = Vec::with_capacity(pages.len());
    for (key, value) in pages {
        let Some(value) = value else { return Ok(None) };
        decoded.push(decode::page(key, value, &gone, &mut index)?);
    }
    // The pages come without the contacts that left them.
    records.stale = Vec::new();
    records.pages = decoded;
    Ok(Some(FirstPage { workspace: decode::rebuild(records, index)?, total: plan.total }))
}

/// A head for every page of `workspace`: what a store whose heads do not match its
/// pages writes (after clearing its heads) once it has loaded. Each counts the stale
/// copies its stored page still holds, as a head written with the page did.
pub fn every_head(workspace: &Workspace) -> Vec<Write> {
    let head = |key: PageKey| {
        let mut head = PageHead::of(workspace.page(key).unwrap_or_default());
        let stale = workspace.stale_copies(key).map_or(0, |ids| ids.len());
        head.count = head.count.saturating_add(u32::try_from(stale).unwrap_or(u32::MAX));
        Write { target: Target::PageHead(key), bytes: Some(encode_page_head(&head)) }
    };
    workspace.page_keys().map(head).collect()
}
