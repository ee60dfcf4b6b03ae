//! IndexedDB keys and values: how domain ids and codec bytes look in storage.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use super::schema::{AGENTS, DISPOSITIONS, FIELDS, IMPORTS, TAGS};
use crate::domain::{ListId, PageKey, RecordKey};

pub(crate) fn list_key(id: ListId) -> JsValue {
    JsValue::from_f64(f64::from(id.get()))
}

/// The object store of a small record and its key there (the record's numeric id).
pub(crate) fn record_location(key: RecordKey) -> (&'static str, JsValue) {
    let (store, id) = match key {
        RecordKey::Field(id) => (FIELDS, id.get()),
        RecordKey::Tag(id) => (TAGS, id.get()),
        RecordKey::Agent(id) => (AGENTS, id.get()),
        RecordKey::Disposition(id) => (DISPOSITIONS, id.get()),
        RecordKey::Import(id) => (IMPORTS, id.get()),
    };
    (store, JsValue::from_f64(f64::from(id)))
}

/// The id a small record is stored under.
pub(crate) fn parse_record_key(js: &JsValue) -> Option<u32> {
    as_u32(js)
}

/// `[list_id, page]`: an array key sorts pages by list, then page number.
pub(crate) fn page_key(key: PageKey) -> JsValue {
    let arr = Array::new_with_length(2);
    arr.set(0, JsValue::from_f64(f64::from(key.list.get())));
    arr.set(1, JsValue::from_f64(f64::from(key.page)));
    arr.into()
}

pub(crate) fn parse_page_key(js: &JsValue) -> Option<PageKey> {
    let arr = js.dyn_ref::<Array>()?;
    if arr.length() != 2 {
        return None;
    }
    Some(PageKey { list: ListId::new(as_u32(&arr.get(0))?), page: as_u32(&arr.get(1))? })
}

fn as_u32(js: &JsValue) -> Option<u32> {
    let n = js.as_f64()?;
    let ok = n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n);
    ok.then_some(n as u32)
}

/// Record values are `Uint8Array`s (structured clone keeps the type).
pub(crate) fn bytes_to_js(bytes: &[u8]) -> JsValue {
    Uint8Array::from(bytes).into()
}

pub(crate) fn js_to_bytes(js: &JsValue) -> Option<Vec<u8>> {
    js.dyn_ref::<Uint8Array>().map(Uint8Array::to_vec)
}
