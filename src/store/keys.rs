//! IndexedDB keys and values: how domain ids and codec bytes look in storage.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use super::schema::{AGENTS, DISPOSITIONS, FIELDS, IMPORTS, JOURNAL, LISTS, META, META_KEY, PAGES, STALE, TAGS, TRASH};
use crate::domain::change::JournalKey;
use crate::domain::trash::{DeletionId, TrashKey};
use crate::domain::Timestamp;
use crate::domain::{ContactId, Interval, ListId, PageKey};
use crate::persist::writes::{record_id, Shelf, Target};

/// The object store of a shelf.
pub(crate) fn store_name(shelf: Shelf) -> &'static str {
    match shelf {
        Shelf::Meta => META,
        Shelf::Lists => LISTS,
        Shelf::Pages => PAGES,
        Shelf::Fields => FIELDS,
        Shelf::Tags => TAGS,
        Shelf::Agents => AGENTS,
        Shelf::Dispositions => DISPOSITIONS,
        Shelf::Imports => IMPORTS,
        Shelf::Journal => JOURNAL,
        Shelf::Trash => TRASH,
        Shelf::Stale => STALE,
    }
}

/// The object store of a record and its key there.
pub(crate) fn location(target: Target) -> (&'static str, JsValue) {
    let key = match target {
        Target::Meta => JsValue::from_str(META_KEY),
        Target::List(id) => list_key(id),
        Target::Page(key) | Target::Stale(key) => page_key(key),
        Target::Record(key) => JsValue::from_f64(f64::from(record_id(key))),
        Target::Journal(key) => journal_key(key),
        Target::Trash(key) => trash_key(key),
        // A range, not a key: `commit` deletes `journal_range` for it.
        Target::JournalOf(first, _) => array(&[first.get() as f64]).into(),
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
