//! The "version N migrates" tests fill an old schema with the bytes older app versions
//! really wrote, not with today's encoder. Each set is `seed` (and `catalog`) as that
//! version stored it: every record its `commit` would have written, printed by its
//! `codec::encode_*` (a checkout of the commit, the commands of `seed` and `catalog` run
//! on a workspace, every meta, list, page, field, tag, agent and disposition record
//! encoded). Never regenerate them from today's code: they stand for data in users'
//! browsers. Format 1: commit de2156c (the last writing format 1; the first release wrote
//! the same shapes). Format 2: commit 23b4e98 (the last writing format 2).

use js_sys::Uint8Array;
use wasm_bindgen::JsValue;

use super::raw::{page_key_js, raw_put, raw_values};
use crate::domain::ListId;

/// Where an old record lives: the meta record, a record under its numeric id (list,
/// field, tag, agent, disposition), or page `.1` of list `.0`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum OldKey {
    Meta,
    Id(u32),
    Page(u32, u32),
}

impl OldKey {
    fn to_js(self) -> JsValue {
        match self {
            OldKey::Meta => JsValue::from_str("meta"),
            OldKey::Id(id) => JsValue::from_f64(f64::from(id)),
            OldKey::Page(list, page) => page_key_js(ListId::new(list), page),
        }
    }
}

/// One record as an older app version stored it: object store, key, value bytes.
pub(super) type OldRecord = (&'static str, OldKey, &'static [u8]);

/// The list record of `list` or one of its pages.
pub(super) fn of_list(record: &OldRecord, list: ListId) -> bool {
    matches!((record.0, record.1), ("lists", OldKey::Id(l)) | ("pages", OldKey::Page(l, _)) if l == list.get())
}

/// Writes the records behind the store's back, as the older version left them.
pub(super) async fn put_old_records<'a>(name: &str, records: impl IntoIterator<Item = &'a OldRecord>) {
    for &(store, key, bytes) in records {
        raw_put(name, store, key.to_js(), Uint8Array::from(bytes).into()).await;
    }
}

/// The format byte of every stored record of these object stores, sorted.
pub(super) async fn stored_formats(name: &str, stores: &[&str]) -> Vec<u8> {
    let mut formats = Vec::new();
    for store in stores {
        formats.extend(raw_values(name, store).await.iter().map(|v| v[0]));
    }
    formats.sort_unstable();
    formats
}

/// `seed` as format 1 stored it: meta, the lists Leads (0) and Customers (1), a page each.
pub(super) const SEED_FORMAT_1: &[OldRecord] = &[
    ("meta", OldKey::Meta, &[1, 2, 3]),
    ("lists", OldKey::Id(0), &[
        1, 0, 5, 76, 101, 97, 100, 115, 1, 11, 97, 98, 111, 117, 116, 32, 76, 101, 97, 100, 115, 128, 160, 191, 233,
        214, 102, 128, 160, 191, 233, 214, 102,
    ]),
    ("lists", OldKey::Id(1), &[
        1, 1, 9, 67, 117, 115, 116, 111, 109, 101, 114, 115, 1, 15, 97, 98, 111, 117, 116, 32, 67, 117, 115, 116, 111,
        109, 101, 114, 115, 128, 160, 191, 233, 214, 102, 128, 160, 191, 233, 214, 102,
    ]),
    ("pages", OldKey::Page(0, 0), &[
        1, 1, 0, 0, 128, 160, 191, 233, 214, 102, 128, 160, 191, 233, 214, 102, 3, 65, 100, 97, 1, 8, 76, 111, 118,
        101, 108, 97, 99, 101, 1, 12, 51, 57, 51, 51, 51, 49, 50, 51, 52, 53, 54, 55, 0, 1, 15, 97, 100, 97, 64, 101,
        120, 97, 109, 112, 108, 101, 46, 99, 111, 109, 1, 10, 6, 84, 111, 114, 105, 110, 111, 0,
    ]),
    ("pages", OldKey::Page(1, 0), &[
        1, 1, 2, 1, 128, 160, 191, 233, 214, 102, 128, 160, 191, 233, 214, 102, 5, 71, 114, 97, 99, 101, 1, 15, 66,
        114, 101, 119, 115, 116, 101, 114, 32, 72, 111, 112, 112, 101, 114, 1, 12, 51, 57, 51, 51, 51, 49, 50, 51, 52,
        53, 54, 55, 1, 12, 51, 57, 51, 51, 51, 55, 54, 53, 52, 51, 50, 49, 1, 17, 103, 114, 97, 99, 101, 64, 101, 120,
        97, 109, 112, 108, 101, 46, 99, 111, 109, 1, 10, 6, 84, 111, 114, 105, 110, 111, 0,
    ]),
];

/// `seed` as format 2 stored it.
pub(super) const SEED_FORMAT_2: &[OldRecord] = &[
    ("meta", OldKey::Meta, &[2, 2, 3, 0, 0, 0, 0]),
    ("lists", OldKey::Id(0), &[
        2, 0, 5, 76, 101, 97, 100, 115, 1, 11, 97, 98, 111, 117, 116, 32, 76, 101, 97, 100, 115, 0, 0, 128, 160, 191,
        233, 214, 102, 128, 160, 191, 233, 214, 102,
    ]),
    ("lists", OldKey::Id(1), &[
        2, 1, 9, 67, 117, 115, 116, 111, 109, 101, 114, 115, 1, 15, 97, 98, 111, 117, 116, 32, 67, 117, 115, 116, 111,
        109, 101, 114, 115, 0, 0, 128, 160, 191, 233, 214, 102, 128, 160, 191, 233, 214, 102,
    ]),
    ("pages", OldKey::Page(0, 0), &[
        2, 1, 0, 0, 128, 160, 191, 233, 214, 102, 128, 160, 191, 233, 214, 102, 3, 65, 100, 97, 1, 8, 76, 111, 118,
        101, 108, 97, 99, 101, 1, 12, 51, 57, 51, 51, 51, 49, 50, 51, 52, 53, 54, 55, 0, 1, 15, 97, 100, 97, 64, 101,
        120, 97, 109, 112, 108, 101, 46, 99, 111, 109, 1, 10, 6, 84, 111, 114, 105, 110, 111, 0, 0, 0,
    ]),
    ("pages", OldKey::Page(1, 0), &[
        2, 1, 2, 1, 128, 160, 191, 233, 214, 102, 128, 160, 191, 233, 214, 102, 5, 71, 114, 97, 99, 101, 1, 15, 66,
        114, 101, 119, 115, 116, 101, 114, 32, 72, 111, 112, 112, 101, 114, 1, 12, 51, 57, 51, 51, 51, 49, 50, 51, 52,
        53, 54, 55, 1, 12, 51, 57, 51, 51, 51, 55, 54, 53, 52, 51, 50, 49, 1, 17, 103, 114, 97, 99, 101, 64, 101, 120,
        97, 109, 112, 108, 101, 46, 99, 111, 109, 1, 10, 6, 84, 111, 114, 105, 110, 111, 0, 0, 0,
    ]),
];

/// What `catalog` added to `SEED_FORMAT_2` (and the meta record it moved on).
pub(super) const CATALOG_FORMAT_2: &[OldRecord] = &[
    ("meta", OldKey::Meta, &[2, 3, 5, 4, 2, 3, 4]),
    ("lists", OldKey::Id(2), &[
        2, 2, 8, 67, 97, 109, 112, 97, 105, 103, 110, 1, 14, 97, 98, 111, 117, 116, 32, 67, 97, 109, 112, 97, 105, 103,
        110, 1, 1, 48, 2, 0, 1, 128, 160, 191, 233, 214, 102, 128, 160, 191, 233, 214, 102,
    ]),
    ("pages", OldKey::Page(2, 0), &[
        2, 2, 3, 2, 128, 160, 191, 233, 214, 102, 128, 160, 191, 233, 214, 102, 3, 65, 110, 110, 1, 4, 65, 98, 108,
        101, 1, 12, 51, 57, 51, 51, 51, 49, 50, 51, 52, 53, 54, 55, 0, 1, 15, 97, 110, 110, 64, 101, 120, 97, 109, 112,
        108, 101, 46, 99, 111, 109, 1, 10, 6, 84, 111, 114, 105, 110, 111, 0, 4, 0, 5, 19, 104, 116, 116, 112, 115, 58,
        47, 47, 97, 110, 110, 46, 101, 120, 97, 109, 112, 108, 101, 1, 0, 11, 78, 111, 114, 116, 104, 109, 97, 114,
        107, 101, 114, 2, 1, 6, 83, 105, 108, 118, 101, 114, 3, 0, 10, 48, 49, 49, 53, 53, 53, 49, 50, 51, 52, 2, 0, 1,
        4, 2, 128, 160, 191, 233, 214, 102, 128, 160, 191, 233, 214, 102, 3, 66, 111, 98, 1, 5, 66, 97, 107, 101, 114,
        1, 12, 51, 57, 51, 51, 51, 49, 50, 51, 52, 53, 54, 55, 0, 1, 15, 98, 111, 98, 64, 101, 120, 97, 109, 112, 108,
        101, 46, 99, 111, 109, 1, 10, 6, 84, 111, 114, 105, 110, 111, 0, 1, 2, 1, 4, 71, 111, 108, 100, 1, 0,
    ]),
    ("fields", OldKey::Id(0), &[
        2, 0, 0, 4, 83, 105, 116, 101, 5, 0, 0, 0, 128, 160, 191, 233, 214, 102, 128, 160, 191, 233, 214, 102,
    ]),
    ("fields", OldKey::Id(1), &[
        2, 1, 0, 6, 82, 101, 103, 105, 111, 110, 0, 0, 0, 0, 128, 160, 191, 233, 214, 102, 128, 160, 191, 233, 214,
        102,
    ]),
    ("fields", OldKey::Id(2), &[
        2, 2, 1, 2, 4, 84, 105, 101, 114, 1, 2, 4, 71, 111, 108, 100, 6, 83, 105, 108, 118, 101, 114, 1, 0, 0, 128,
        160, 191, 233, 214, 102, 128, 160, 191, 233, 214, 102,
    ]),
    ("fields", OldKey::Id(3), &[
        2, 3, 1, 2, 5, 78, 111, 116, 101, 115, 0, 0, 1, 0, 128, 160, 191, 233, 214, 102, 128, 160, 191, 233, 214, 102,
    ]),
    ("tags", OldKey::Id(0), &[2, 0, 3, 86, 73, 80, 7, 35, 97, 97, 48, 48, 48, 48]),
    ("tags", OldKey::Id(1), &[2, 1, 4, 76, 101, 97, 100, 7, 35, 48, 48, 97, 97, 48, 48]),
    ("agents", OldKey::Id(0), &[2, 0, 4, 88, 101, 110, 97, 4, 120, 101, 110, 97, 1]),
    ("agents", OldKey::Id(1), &[2, 1, 4, 89, 117, 114, 105, 4, 121, 117, 114, 105, 1]),
    ("agents", OldKey::Id(2), &[2, 2, 3, 90, 111, 101, 3, 122, 111, 101, 0]),
    ("dispositions", OldKey::Id(0), &[2, 0, 2, 4, 83, 97, 108, 101, 0]),
    ("dispositions", OldKey::Id(1), &[2, 1, 2, 6, 85, 112, 115, 101, 108, 108, 1, 0]),
    ("dispositions", OldKey::Id(2), &[2, 2, 2, 7, 80, 114, 101, 109, 105, 117, 109, 1, 1]),
    ("dispositions", OldKey::Id(3), &[2, 3, 2, 9, 78, 111, 32, 97, 110, 115, 119, 101, 114, 0]),
];
