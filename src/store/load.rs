//! Start-up: read every record in one readonly transaction and rebuild the workspace.
//! The decoding and its checks are `persist::decode`, shared with the memory store.

use indexed_db_futures::database::Database;
use indexed_db_futures::future::GetAllPrimitiveRequest;
use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use wasm_bindgen::JsValue;

use super::error::StoreError;
use super::keys::{js_to_bytes, parse_page_key, parse_record_key, parse_trash_key};
use super::pages_read::read_pages;
use super::schema::{AGENTS, DISPOSITIONS, FIELDS, IMPORTS, LISTS, META, META_KEY, PAGES, PAGE_HEADS, STALE, TAGS, TRASH};
use crate::domain::page_head::PageHead;
use crate::domain::trash::TrashKey;
use crate::domain::{Contact, ContactId, PageKey, StoredRecords, Workspace};
use crate::persist::decode::{self, SmallRecord};

/// The workspace, and whether every page has its head (`domain::page_head`): a
/// database written before heads existed has none yet.
pub(crate) async fn load(db: &Database) -> Result<(Workspace, bool), StoreError> {
    let heads = db.object_store_names().any(|n| n == PAGE_HEADS);
    let mut names = vec![META, LISTS, PAGES, FIELDS, TAGS, AGENTS, DISPOSITIONS, IMPORTS, TRASH, STALE];
    names.extend(heads.then_some(PAGE_HEADS));
    let tx = db.transaction(names.as_slice()).with_mode(TransactionMode::Readonly).build()?;
    let meta_store = tx.object_store(META)?;
    let lists_store = tx.object_store(LISTS)?;
    let pages_store = tx.object_store(PAGES)?;
    let fields_store = tx.object_store(FIELDS)?;
    let tags_store = tx.object_store(TAGS)?;
    let agents_store = tx.object_store(AGENTS)?;
    let dispositions_store = tx.object_store(DISPOSITIONS)?;
    let imports_store = tx.object_store(IMPORTS)?;
    let trash_store = tx.object_store(TRASH)?;
    let stale_store = tx.object_store(STALE)?;

    // Issue every request before awaiting any: one round of reads. getAll and
    // getAllKeys both come back in key order, so values and keys pair up.
    let meta_req = meta_store.get::<JsValue, _, _>(META_KEY).primitive()?;
    let lists_req = lists_store.get_all::<JsValue>().primitive()?;
    let page_count_req = pages_store.count().primitive()?;
    let fields_req = Pending::issue(&fields_store, FIELDS)?;
    let tags_req = Pending::issue(&tags_store, TAGS)?;
    let agents_req = Pending::issue(&agents_store, AGENTS)?;
    let dispositions_req = Pending::issue(&dispositions_store, DISPOSITIONS)?;
    let imports_req = Pending::issue(&imports_store, IMPORTS)?;
    // An empty trash is two empty answers in the same round of reads.
    let trash_req = Pending::issue(&trash_store, TRASH)?;
    let stale_req = Pending::issue(&stale_store, STALE)?;
    let head_count_req = match heads {
        true => Some(tx.object_store(PAGE_HEADS)?.count().primitive()?),
        false => None,
    };

    let meta = decode::meta(meta_req.await?.map(|js| js_to_bytes(&js)))?;

    let mut lists = Vec::new();
    for (i, js) in lists_req.await?.enumerate() {
        lists.push(decode::list(i, js_to_bytes(&js?))?);
    }

    // Before the pages: the contacts that left them are dropped while reading.
    let stale = stale_req.read_stale().await?;
    let page_count = usize::try_from(page_count_req.await?).unwrap_or(0);
    let mut index = decode::index_for(&meta, page_count);
    let pages = read_pages(&pages_store, &decode::stale_ids(&stale), &mut index).await?;
    crate::perf::mark("cm:pages-read");

    let fields = fields_req.read().await?;
    let tags = tags_req.read().await?;
    let agents = agents_req.read().await?;
    let dispositions = dispositions_req.read().await?;
    let imports = imports_req.read().await?;
    let trash = trash_req.read_trash().await?;
    let head_count = match head_count_req {
        Some(req) => usize::try_from(req.await?).ok(),
        None => None,
    };
    // Readonly: dropping the transaction after the reads is harmless.
    drop(tx);

    let records = StoredRecords { meta, lists, pages, fields, tags, agents, dispositions, imports, trash, stale };
    Ok((decode::rebuild(records, index)?, head_count == Some(page_count)))
}

/// The key and value reads of one store of records (small ones keyed by their
/// numeric id, stale copies and page heads by their page's key).
pub(crate) struct Pending {
    store: &'static str,
    keys: GetAllPrimitiveRequest<JsValue>,
    values: GetAllPrimitiveRequest<JsValue>,
}

impl Pending {
    pub(crate) fn issue(store: &ObjectStore<'_>, name: &'static str) -> Result<Self, StoreError> {
        Ok(Pending {
            store: name,
            keys: store.get_all_keys::<JsValue>().primitive()?,
            values: store.get_all::<JsValue>().primitive()?,
        })
    }

    /// Every record, decoded and checked by `decode::small`.
    pub(crate) async fn read<T: SmallRecord>(self) -> Result<Vec<T>, StoreError> {
        self.read_with(|key, value| decode::small(parse_record_key(key), js_to_bytes(value))).await
    }

    /// Every page of the trash, decoded by `decode::trash_page`.
    async fn read_trash(self) -> Result<Vec<(TrashKey, Vec<Contact>)>, StoreError> {
        self.read_with(|key, value| decode::trash_page(parse_trash_key(key), js_to_bytes(value))).await
    }

    /// Every record of stale copies, decoded by `decode::stale_copies`.
    pub(crate) async fn read_stale(self) -> Result<Vec<(PageKey, Vec<ContactId>)>, StoreError> {
        self.read_with(|key, value| decode::stale_copies(parse_page_key(key), js_to_bytes(value))).await
    }

    /// Every page head, decoded by `decode::page_head`.
    pub(crate) async fn read_heads(self) -> Result<Vec<(PageKey, PageHead)>, StoreError> {
        self.read_with(|key, value| decode::page_head(parse_page_key(key), js_to_bytes(value))).await
    }

    /// Every key and value, paired, through `decode`.
    async fn read_with<T>(self, decode: impl Fn(&JsValue, &JsValue) -> Result<T, StoreError>) -> Result<Vec<T>, StoreError> {
        let keys = self.keys.await?;
        let values = self.values.await?;
        if keys.len() != values.len() {
            return Err(StoreError::Corrupt(format!(
                "the {} store returned keys and values that do not pair up",
                self.store
            )));
        }
        let mut out = Vec::with_capacity(values.len());
        for (key, value) in keys.zip(values) {
            out.push(decode(&key?, &value?)?);
        }
        Ok(out)
    }
}
