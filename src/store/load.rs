//! Start-up: read every record in one readonly transaction and rebuild the workspace.

use indexed_db_futures::database::Database;
use indexed_db_futures::future::GetAllPrimitiveRequest;
use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use wasm_bindgen::JsValue;

use super::error::StoreError;
use super::keys::{js_to_bytes, parse_record_key};
use super::pages_read::read_pages;
use super::schema::{AGENTS, DISPOSITIONS, FIELDS, IMPORTS, LISTS, META, META_KEY, PAGES, TAGS};
use crate::domain::codec::{
    decode_agent, decode_disposition, decode_field, decode_import, decode_list, decode_meta, decode_tag,
    CodecError,
};
use crate::domain::workspace::PAGE_CAPACITY;
use crate::domain::{IndexBuilder, StoredRecords, Workspace, WorkspaceMeta};

pub(crate) async fn load(db: &Database) -> Result<Workspace, StoreError> {
    let tx = db
        .transaction([META, LISTS, PAGES, FIELDS, TAGS, AGENTS, DISPOSITIONS, IMPORTS])
        .with_mode(TransactionMode::Readonly)
        .build()?;
    let meta_store = tx.object_store(META)?;
    let lists_store = tx.object_store(LISTS)?;
    let pages_store = tx.object_store(PAGES)?;
    let fields_store = tx.object_store(FIELDS)?;
    let tags_store = tx.object_store(TAGS)?;
    let agents_store = tx.object_store(AGENTS)?;
    let dispositions_store = tx.object_store(DISPOSITIONS)?;
    let imports_store = tx.object_store(IMPORTS)?;

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

    let meta = match meta_req.await? {
        None => WorkspaceMeta::default(),
        Some(js) => decode_meta(&bytes(&js, "the workspace record")?)
            .map_err(|e| StoreError::Corrupt(format!("the workspace record: {e}")))?,
    };

    let mut lists = Vec::new();
    for (i, js) in lists_req.await?.enumerate() {
        let what = format!("list record #{}", i + 1);
        let list = decode_list(&bytes(&js?, &what)?)
            .map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))?;
        lists.push(list);
    }

    // Room for the index up front: growing a 35 MB search text would copy it.
    let page_count = usize::try_from(page_count_req.await?).unwrap_or(0);
    let most_contacts = usize::try_from(meta.next_contact_id).unwrap_or(usize::MAX);
    let mut index = IndexBuilder::with_capacity(most_contacts.min(page_count.saturating_mul(PAGE_CAPACITY)));
    let pages = read_pages(&pages_store, &mut index).await?;
    crate::perf::mark("cm:pages-read");

    let fields = fields_req.read("custom field", decode_field, |f| f.id.get()).await?;
    let tags = tags_req.read("tag", decode_tag, |t| t.id.get()).await?;
    let agents = agents_req.read("agent", decode_agent, |a| a.id.get()).await?;
    let dispositions = dispositions_req.read("disposition", decode_disposition, |d| d.id.get()).await?;
    let imports = imports_req.read("import", decode_import, |b| b.id.get()).await?;
    // Readonly: dropping the transaction after the reads is harmless.
    drop(tx);

    let workspace = Workspace::from_stored(StoredRecords { meta, lists, pages, fields, tags, agents, dispositions, imports })
        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    workspace.adopt_index(index);
    Ok(workspace)
}

/// The key and value reads of one store of small records keyed by their numeric id.
struct Pending {
    store: &'static str,
    keys: GetAllPrimitiveRequest<JsValue>,
    values: GetAllPrimitiveRequest<JsValue>,
}

impl Pending {
    fn issue(store: &ObjectStore<'_>, name: &'static str) -> Result<Self, StoreError> {
        Ok(Pending {
            store: name,
            keys: store.get_all_keys::<JsValue>().primitive()?,
            values: store.get_all::<JsValue>().primitive()?,
        })
    }

    /// Decodes every record; a damaged one is named by its kind and key ("tag 3"), and
    /// a record stored under another id than its own is damage too.
    async fn read<T>(
        self,
        kind: &str,
        decode: fn(&[u8]) -> Result<T, CodecError>,
        id_of: fn(&T) -> u32,
    ) -> Result<Vec<T>, StoreError> {
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
            let key = key?;
            let Some(id) = parse_record_key(&key) else {
                return Err(StoreError::Corrupt(format!("a {kind} has an invalid key {key:?}")));
            };
            let what = format!("{kind} {id}");
            let record = decode(&bytes(&value?, &what)?).map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))?;
            if id_of(&record) != id {
                return Err(StoreError::Corrupt(format!("{what} holds the record of {kind} {}", id_of(&record))));
            }
            out.push(record);
        }
        Ok(out)
    }
}

fn bytes(js: &JsValue, what: &str) -> Result<Vec<u8>, StoreError> {
    js_to_bytes(js).ok_or_else(|| StoreError::Corrupt(format!("{what} is not stored as bytes")))
}
