//! Reading every page at start-up, in batches: while IndexedDB fetches the next batch
//! (in the browser's storage process), this thread decodes the one it has and adds it
//! to the query index, so reading, decoding and indexing overlap instead of adding up.

use indexed_db_futures::future::GetAllPrimitiveRequest;
use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use indexed_db_futures::KeyRange;
use wasm_bindgen::JsValue;

use super::error::StoreError;
use super::keys::{js_to_bytes, parse_page_key};
use crate::domain::{Contact, IndexBuilder, PageKey};
use crate::persist::decode;

/// Pages per request: ~3.5 MB, small enough to overlap, few enough round trips.
const PAGES_PER_READ: u32 = 64;

type Batch = (GetAllPrimitiveRequest<JsValue>, GetAllPrimitiveRequest<JsValue>);

/// Every page in key order (list, then page number), decoded and checked by
/// `decode::page`, without the contacts `stale` names; each contact also goes into `index` (the query index is built while
/// IndexedDB reads).
pub(crate) async fn read_pages(
    store: &ObjectStore<'_>,
    stale: &decode::StaleIds,
    index: &mut IndexBuilder,
) -> Result<Vec<(PageKey, Vec<Contact>)>, StoreError> {
    let mut pages = Vec::new();
    let mut next = Some(issue(store, None)?);
    while let Some((keys_req, values_req)) = next.take() {
        let keys = keys_req.await?.collect::<Result<Vec<JsValue>, _>>()?;
        let values = values_req.await?.collect::<Result<Vec<JsValue>, _>>()?;
        if keys.len() != values.len() {
            return Err(StoreError::Corrupt("the pages store returned keys and values that do not pair up".into()));
        }
        // Ask for the next batch before decoding this one: that is the overlap.
        if keys.len() == PAGES_PER_READ as usize {
            if let Some(last) = keys.last() {
                next = Some(issue(store, Some(last.clone()))?);
            }
        }
        for (key, value) in keys.iter().zip(&values) {
            pages.push(decode::page(parse_page_key(key), js_to_bytes(value), stale, index)?);
        }
        index.presort();
    }
    Ok(pages)
}

/// The keys and values of the next batch after `after` (from the start when `None`).
fn issue(store: &ObjectStore<'_>, after: Option<JsValue>) -> Result<Batch, StoreError> {
    Ok(match after {
        None => (
            store.get_all_keys::<JsValue>().with_limit(PAGES_PER_READ).primitive()?,
            store.get_all::<JsValue>().with_limit(PAGES_PER_READ).primitive()?,
        ),
        Some(key) => (
            store
                .get_all_keys::<JsValue>()
                .with_query::<JsValue, _>(KeyRange::LowerBound(key.clone(), true))
                .with_limit(PAGES_PER_READ)
                .primitive()?,
            store
                .get_all::<JsValue>()
                .with_query::<JsValue, _>(KeyRange::LowerBound(key, true))
                .with_limit(PAGES_PER_READ)
                .primitive()?,
        ),
    })
}
