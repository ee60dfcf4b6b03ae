//! Page heads in IndexedDB (`domain::page_head`): the default view's first page read
//! from them and the few pages they name, and every head written again for a database
//! whose heads do not match its pages (written before they existed).

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use wasm_bindgen::JsValue;

use super::commit::{finish, issued};
use super::error::StoreError;
use super::keys::{bytes_to_js, js_to_bytes, page_key};
use super::load::Pending;
use super::schema::{AGENTS, FIELDS, LISTS, META, META_KEY, PAGES, PAGE_HEADS, STALE, TAGS};
use crate::domain::{AgentId, StoredRecords, Workspace};
use crate::persist::decode;
use crate::persist::first_page::{self, FirstPage, HeadsRead};
use crate::persist::writes::Target;

/// The first page from the heads, in one readonly transaction: the small records and
/// every head in one round of reads, then the pages the heads name in a second.
pub(crate) async fn first_page(db: &Database, viewing_as: Option<AgentId>, page_size: usize) -> Result<Option<FirstPage>, StoreError> {
    if !db.object_store_names().any(|n| n == PAGE_HEADS) {
        return Ok(None);
    }
    let tx = db.transaction([META, LISTS, PAGES, PAGE_HEADS, FIELDS, TAGS, AGENTS, STALE]).with_mode(TransactionMode::Readonly).build()?;
    let pages_store = tx.object_store(PAGES)?;
    let meta_req = tx.object_store(META)?.get::<JsValue, _, _>(META_KEY).primitive()?;
    let lists_req = tx.object_store(LISTS)?.get_all::<JsValue>().primitive()?;
    let page_count_req = pages_store.count().primitive()?;
    let heads_req = Pending::issue(&tx.object_store(PAGE_HEADS)?, PAGE_HEADS)?;
    let fields_req = Pending::issue(&tx.object_store(FIELDS)?, FIELDS)?;
    let tags_req = Pending::issue(&tx.object_store(TAGS)?, TAGS)?;
    let agents_req = Pending::issue(&tx.object_store(AGENTS)?, AGENTS)?;
    let stale_req = Pending::issue(&tx.object_store(STALE)?, STALE)?;

    let meta = decode::meta(meta_req.await?.map(|js| js_to_bytes(&js)))?;
    let mut lists = Vec::new();
    for (i, js) in lists_req.await?.enumerate() {
        lists.push(decode::list(i, js_to_bytes(&js?))?);
    }
    let page_count = usize::try_from(page_count_req.await?).unwrap_or(0);
    let heads = heads_req.read_heads().await?;
    let records = StoredRecords {
        meta,
        lists,
        fields: fields_req.read().await?,
        tags: tags_req.read().await?,
        agents: agents_req.read().await?,
        stale: stale_req.read_stale().await?,
        ..StoredRecords::default()
    };
    let read = HeadsRead { records, heads, page_count };
    let Some(plan) = first_page::plan(&read, viewing_as, page_size)? else { return Ok(None) };

    // Every page asked for before any is awaited: one round of reads.
    let mut requests = Vec::with_capacity(plan.pages.len());
    for key in &plan.pages {
        requests.push((*key, pages_store.get::<JsValue, _, _>(page_key(*key)).primitive()?));
    }
    let mut pages = Vec::with_capacity(requests.len());
    for (key, request) in requests {
        pages.push((Ok(key), request.await?.map(|js| js_to_bytes(&js))));
    }
    first_page::assemble(read, &plan, pages)
}

/// Clears the heads and writes one for every page of `workspace`, in one transaction.
pub(crate) async fn fill(db: &Database, workspace: &Workspace) -> Result<(), StoreError> {
    if !db.object_store_names().any(|n| n == PAGE_HEADS) {
        return Ok(());
    }
    let tx = db.transaction([PAGE_HEADS]).with_mode(TransactionMode::Readwrite).build()?;
    let store = tx.object_store(PAGE_HEADS)?;
    issued(store.clear()?);
    for write in first_page::every_head(workspace) {
        if let (Target::PageHead(key), Some(bytes)) = (write.target, write.bytes) {
            issued(store.put(bytes_to_js(&bytes)).with_key(page_key(key)).primitive()?);
        }
    }
    finish(tx).await
}
