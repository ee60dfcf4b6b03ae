//! IndexedDB keys and values: how domain ids and codec bytes look in storage.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use super::schema::{AGENTS, DISPOSITIONS, FIELDS, IMPORTS, JOURNAL, JOURNAL_LAYERS, LAYER_SEQ_KEY, LISTS, META, META_KEY, PAGES, PAGE_HEADS, STALE, TAGS, TRASH};
use crate::domain::change::JournalKey;
use crate::domain::trash::{DeletionId, TrashKey};
use crate::domain::Timestamp;
use crate::domain::{ContactId, Interval, ListId, PageKey};
use crate::persist::journal_layers::LayerKey;
use crate::persist::writes::{record_id, Shelf, Target};

/// The object store of a shelf.
pub(crate) fn store_name(shelf: Shelf) -> &'static str {
    match shelf {
        Shelf::Meta => META,
        Shelf::Lists => LISTS,
        Shelf::Pages => PAGES,
        Shelf::PageHeads => PAGE_HEADS,
        Shelf::Fields => FIELDS,
        Shelf::Tags => TAGS,
        Shelf::Agents => AGENTS,
        Shelf::Dispositions => DISPOSITIONS,
        Shelf::Imports => IMPORTS,
        Shelf::Journal => JOURNAL,
        Shelf::JournalLayers => JOURNAL_LAYERS,
        Shelf::Trash => TRASH,
        Shelf::Stale => STALE,
    }
}

/// The object store of a record and its key there.
pub(crate) fn location(target: Target) -> (&'static str, JsValue) {
    let key = match target {
        Target::Meta => JsValue::from_str(META_KEY),
        Target::List(id) => list_key(id),
        Target::Page(key) | Target::PageHead(key) | Target::Stale(key) => page_key(key),
        Target::Record(key) => JsValue::from_f64(f64::from(record_id(key))),
        Target::Journal(key) => journal_key(key),
        Target::Trash(key) => trash_key(key),
        // Ranges, not keys: `journal_ops` deletes `journal_range` / `layer_range` for them.
        Target::JournalOf(first, _) => array(&[first.get() as f64]).into(),
        Target::Layer(key) | Target::LayersBefore(key) => layer_key(key),
        Target::LayerSeq => JsValue::from_str(LAYER_SEQ_KEY),
    };
    (store_name(target.shelf()), key)
}

fn list_key(id: ListId) -> JsValue {
    JsValue::from_f64(f64::from(id.get()))
}

/// The id a small record is stored under, or how the unreadable key looks.
pub(crate) fn parse_record_key(js: &JsValue) -> Result<u32, String> {
    as_u32(js).ok_or_else(|| format!("{js:?}"))
}

/// `[list_id, page]`: an array key sorts pages by list, then page number.
pub(crate) fn page_key(key: PageKey) -> JsValue {
    let arr = Array::new_with_length(2);
    arr.set(0, JsValue::from_f64(f64::from(key.list.get())));
    arr.set(1, JsValue::from_f64(f64::from(key.page)));
    arr.into()
}

/// A page key, or how the unreadable key looks.
pub(crate) fn parse_page_key(js: &JsValue) -> Result<PageKey, String> {
    let parse = || {
        let arr = js.dyn_ref::<Array>()?;
        if arr.length() != 2 {
            return None;
        }
        Some(PageKey { list: ListId::new(as_u32(&arr.get(0))?), page: as_u32(&arr.get(1))? })
    };
    parse().ok_or_else(|| format!("{js:?}"))
}

fn as_u32(js: &JsValue) -> Option<u32> {
    let n = js.as_f64()?;
    let ok = n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n);
    ok.then_some(n as u32)
}

/// `[at_millis, deletion_id, page]`: times stay below 2^53, so the numbers are exact.
pub(crate) fn trash_key(key: TrashKey) -> JsValue {
    array(&[key.at.millis() as f64, f64::from(key.deletion.get()), f64::from(key.page)]).into()
}

/// A trash key, or how the unreadable key looks.
pub(crate) fn parse_trash_key(js: &JsValue) -> Result<TrashKey, String> {
    let parse = || {
        let arr = js.dyn_ref::<Array>()?;
        let millis = arr.get(0).as_f64().filter(|n| n.fract() == 0.0 && n.abs() < 2f64.powi(53))?;
        if arr.length() != 3 {
            return None;
        }
        Some(TrashKey { at: Timestamp::from_millis(millis as i64), deletion: DeletionId::new(as_u32(&arr.get(1))?), page: as_u32(&arr.get(2))? })
    };
    parse().ok_or_else(|| format!("{js:?}"))
}

/// `[contact_id, at_millis, entry_id]`. Ids and times stay below 2^53, so the
/// numbers are exact.
pub(crate) fn journal_key(key: JournalKey) -> JsValue {
    array(&[key.contact.get() as f64, key.at.millis() as f64, key.id as f64]).into()
}

/// The lower and upper keys (both included) of the entries of the contacts `first`
/// to `last` within `interval` (all when `None`): `[first]` sorts before any key of
/// `first`, and `[last, []]` after any of `last` (arrays sort after numbers), so no
/// id or time bound has to be guessed.
pub(crate) fn journal_range(first: ContactId, last: ContactId, interval: Option<Interval>) -> (JsValue, JsValue) {
    let (first, last) = (first.get() as f64, last.get() as f64);
    match interval {
        None => (array(&[first]).into(), above(&[last])),
        Some(i) => (array(&[first, i.from().millis() as f64]).into(), above(&[last, i.to().millis() as f64])),
    }
}

/// `[page, seq]`: a page's layers are one key range, in the order they stack.
pub(crate) fn layer_key(key: LayerKey) -> JsValue {
    array(&[key.page as f64, key.seq as f64]).into()
}

/// The layer key a stored one holds, or how the unreadable key looks.
pub(crate) fn parse_layer_key(js: &JsValue) -> Result<LayerKey, String> {
    let parse = || {
        let arr = js.dyn_ref::<Array>()?;
        let number = |i: u32| arr.get(i).as_f64().filter(|n| n.fract() == 0.0 && (0.0..2f64.powi(53)).contains(n)).map(|n| n as u64);
        (arr.length() == 2).then_some(())?;
        Some(LayerKey { page: number(0)?, seq: number(1)? })
    };
    parse().ok_or_else(|| format!("{js:?}"))
}

/// The lower and upper keys (both included) of `page`'s layers with a sequence number
/// up to `last_seq` (all of them when `None`).
pub(crate) fn layer_range(page: u64, last_seq: Option<u64>) -> (JsValue, JsValue) {
    let lower = array(&[page as f64]).into();
    match last_seq {
        Some(seq) => (lower, layer_key(LayerKey { page, seq })),
        None => (lower, above(&[page as f64])),
    }
}

/// The key of a stored legacy journal entry (`[contact, at, id]`).
pub(crate) fn parse_journal_key(js: &JsValue) -> Result<JournalKey, String> {
    let parse = || {
        let arr = js.dyn_ref::<Array>()?;
        let number = |i: u32| arr.get(i).as_f64().filter(|n| n.fract() == 0.0 && n.abs() < 2f64.powi(53));
        (arr.length() == 3).then_some(())?;
        let (contact, at, id) = (number(0)?, number(1)?, number(2)?);
        (contact >= 0.0 && id >= 0.0).then_some(())?;
        Some(JournalKey { contact: ContactId::new(contact as u64), at: Timestamp::from_millis(at as i64), id: id as u64 })
    };
    parse().ok_or_else(|| format!("{js:?}"))
}

fn array(numbers: &[f64]) -> Array {
    numbers.iter().map(|n| JsValue::from_f64(*n)).collect()
}

/// `numbers` followed by an empty array: above every key that starts with them.
fn above(numbers: &[f64]) -> JsValue {
    let arr = array(numbers);
    arr.push(&Array::new());
    arr.into()
}

/// Record values are `Uint8Array`s (structured clone keeps the type).
pub(crate) fn bytes_to_js(bytes: &[u8]) -> JsValue {
    Uint8Array::from(bytes).into()
}

pub(crate) fn js_to_bytes(js: &JsValue) -> Option<Vec<u8>> {
    js.dyn_ref::<Uint8Array>().map(Uint8Array::to_vec)
}
