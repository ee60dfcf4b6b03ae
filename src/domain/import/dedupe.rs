//! Duplicate checks: a 128-bit key per contact over the fields the user chose, and an
//! index of the keys seen so far (the target list's contacts, then earlier rows).
//!
//! Keys are computed on validated data, so "+39 333 123 4567" and "393331234567"
//! are the same phone, and "Ann@Example.com " the same email as "ann@example.com".
//! A key is a hash, not the text: 500k of them cost ~24 bytes each (~40 with the
//! table's slack). Two different
//! values share a key with odds of about 1 in 10^29 for 500k rows.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use serde::{Deserialize, Serialize};

use crate::domain::contact::ContactData;
use crate::domain::custom_field::{CustomField, FieldId};
use crate::domain::field::{ContactField, FieldKind};
use crate::domain::ids::ContactId;

/// A field a duplicate check compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DedupField {
    Field(ContactField),
    Custom(FieldId),
}

impl DedupField {
    pub fn label(&self, custom_fields: &[&CustomField]) -> String {
        match self {
            DedupField::Field(f) => f.label().to_owned(),
            DedupField::Custom(id) => custom_fields
                .iter()
                .find(|f| f.id == *id)
                .map_or_else(|| format!("Custom field {}", id.get()), |f| f.alias.to_string()),
        }
    }
}

/// What a duplicate row duplicates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    /// A contact already in the list.
    Existing(ContactId),
    /// An earlier row of the file (its spreadsheet row number).
    Row(u64),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Existing(id) => write!(f, "a contact already in the list (contact {id})"),
            Origin::Row(row) => write!(f, "row {row} of this file"),
        }
    }
}

/// The key of `data` over `fields`: values trimmed and case-folded, phones as
/// stored (digits only). `None` when a field is empty: an empty value is never a
/// duplicate of anything. No fields, no key.
pub fn dedupe_key(data: &ContactData, fields: &[DedupField]) -> Option<u128> {
    key_with(data, fields, &mut Vec::new())
}

/// `dedupe_key` with a buffer the caller reuses (one hash of the joined values is
/// several times faster than a streaming hash per field).
fn key_with(data: &ContactData, fields: &[DedupField], buf: &mut Vec<u8>) -> Option<u128> {
    if fields.is_empty() {
        return None;
    }
    buf.clear();
    for field in fields {
        match field {
            DedupField::Field(f) if f.kind() == FieldKind::Phone => push_value(buf, data.get(*f)?),
            DedupField::Field(f) => push_folded(buf, data.get(*f)?)?,
            DedupField::Custom(id) => push_folded(buf, &data.custom_value(*id)?.to_text())?,
        }
    }
    Some(xxhash_rust::xxh3::xxh3_128(buf))
}

/// Length first, so ("ab", "c") and ("a", "bc") differ.
fn push_value(buf: &mut Vec<u8>, value: &str) {
    buf.extend_from_slice(&(value.len() as u64).to_le_bytes());
    buf.extend_from_slice(value.as_bytes());
}

fn push_folded(buf: &mut Vec<u8>, value: &str) -> Option<()> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    if value.is_ascii() {
        // Nearly every email: fold in place, no allocation.
        buf.extend_from_slice(&(value.len() as u64).to_le_bytes());
        let start = buf.len();
        buf.extend_from_slice(value.as_bytes());
        buf.get_mut(start..).unwrap_or_default().make_ascii_lowercase();
    } else {
        push_value(buf, &value.to_lowercase());
    }
    Some(())
}

/// Passes a key's low half through (see `Halves`).
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Origins packed in a u64: the top bit marks a contact id (ids are allocated from 1
/// upwards and never reach 2^63), else a row number.
const EXISTING: u64 = 1 << 63;

fn pack(origin: Origin) -> u64 {
    match origin {
        Origin::Existing(id) => id.get() | EXISTING,
        Origin::Row(row) => row & !EXISTING,
    }
}

fn unpack(packed: u64) -> Origin {
    if packed & EXISTING != 0 {
        Origin::Existing(ContactId::new(packed & !EXISTING))
    } else {
        Origin::Row(packed)
    }
}

/// The keys seen so far and where each was first seen.
/// A key as two halves: a u128 is 16-byte aligned, which would make each entry 32
/// bytes instead of 24. Its hash is its low half as it is (already uniform).
#[derive(Clone, Copy, PartialEq, Eq)]
struct Halves(u64, u64);

impl std::hash::Hash for Halves {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.0);
    }
}

fn halves(key: u128) -> Halves {
    Halves(key as u64, (key >> 64) as u64)
}

/// The target list's contacts as duplicate keys over the chosen fields: all an import
/// needs of them, and small enough (~24 bytes a contact) to send to the import engine.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExistingKeys {
    fields: Vec<DedupField>,
    keys: Vec<(ContactId, u128)>,
}

impl ExistingKeys {
    /// The keys of `contacts` over `fields` (contacts with an empty field have none).
    pub fn of<'a>(fields: &[DedupField], contacts: impl IntoIterator<Item = (ContactId, &'a ContactData)>) -> Self {
        let mut buf = Vec::new();
        let keys = if fields.is_empty() {
            Vec::new()
        } else {
            contacts.into_iter().filter_map(|(id, data)| Some((id, key_with(data, fields, &mut buf)?))).collect()
        };
        Self { fields: fields.to_vec(), keys }
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

pub struct DuplicateIndex {
    fields: Vec<DedupField>,
    seen: HashMap<Halves, u64, BuildHasherDefault<KeyHasher>>,
    buf: Vec<u8>,
}

impl DuplicateIndex {
    /// An index over `fields`, seeded with the target list's contacts; `None` when
    /// their keys are over other fields (an index of them would find nothing).
    pub fn new(fields: Vec<DedupField>, existing: &ExistingKeys) -> Option<Self> {
        if !existing.keys.is_empty() && existing.fields != fields {
            return None;
        }
        let mut index = Self { fields, seen: HashMap::default(), buf: Vec::new() };
        if !index.fields.is_empty() {
            index.seen.reserve(existing.keys.len());
            for &(id, key) in &existing.keys {
                index.seen.entry(halves(key)).or_insert(pack(Origin::Existing(id)));
            }
        }
        Some(index)
    }

    /// Makes room for about `rows` more keys at once (growing step by step rehashes
    /// every key each time).
    pub fn reserve(&mut self, rows: usize) {
        if !self.fields.is_empty() {
            self.seen.reserve(rows);
        }
    }

    pub fn fields(&self) -> &[DedupField] {
        &self.fields
    }

    /// What `data` (read at `row`) duplicates, if anything; a row that duplicates
    /// nothing is remembered, so later rows with its key are its duplicates.
    pub fn check(&mut self, data: &ContactData, row: u64) -> Option<Origin> {
        let key = key_with(data, &self.fields, &mut self.buf)?;
        match self.seen.entry(halves(key)) {
            std::collections::hash_map::Entry::Occupied(e) => Some(unpack(*e.get())),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(pack(Origin::Row(row)));
                None
            }
        }
    }

    /// How many keys the index holds.
    pub fn len(&self) -> usize {
        self.seen.len()
    }
    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }
}
