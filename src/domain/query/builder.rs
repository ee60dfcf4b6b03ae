//! The search text and record columns of every contact, built one contact at a time.

use std::collections::HashMap;

use super::QueryIndex;
use crate::domain::contact::Contact;
use crate::domain::ids::{ContactId, ListId};

/// Separates fields inside one contact's search text; never typed in a search box.
pub(super) const FIELD_SEP: u8 = 0x1f;
/// Fields of the search text, in order.
pub(super) const F_FIRST: usize = 0;
pub(super) const F_LAST: usize = 1;
pub(super) const F_EMAIL: usize = 2;
pub(super) const F_PHONE: usize = 3;

/// Builds the search text and record columns one contact at a time, in storage
/// order, so start-up can build it while IndexedDB is still reading later pages.
#[derive(Debug, Default)]
pub struct IndexBuilder {
    /// Lowercased "first␟last␟email␟phone␟mobile" of every contact, back to back.
    pub(super) text: Vec<u8>,
    /// Record i is `text[starts[i]..starts[i + 1]]`; one extra entry at the end.
    pub(super) starts: Vec<u32>,
    /// Per record, where fields 1..=4 begin, relative to the record's start.
    pub(super) field_starts: Vec<[u16; 4]>,
    pub(super) ids: Vec<ContactId>,
    pub(super) lists: Vec<ListId>,
    pub(super) created: Vec<i64>,
    pub(super) updated: Vec<i64>,
    /// The sort keys of the default order (first name), sorted in segments as pages
    /// arrive (`presort`), so the first query merges sorted runs instead of sorting.
    pub(super) first_name_keys: Vec<SortEntry>,
    pub(super) presorted: usize,
}

/// A record's place in an order: an 8-byte prefix of the main value, one of the
/// tie-breaker, and the record number (storage order settles the rest).
pub(super) type SortEntry = (u64, u64, u32);

impl IndexBuilder {
    pub fn with_capacity(contacts: usize) -> Self {
        IndexBuilder {
            text: Vec::with_capacity(contacts * 72),
            starts: Vec::with_capacity(contacts + 1),
            field_starts: Vec::with_capacity(contacts),
            ids: Vec::with_capacity(contacts),
            lists: Vec::with_capacity(contacts),
            created: Vec::with_capacity(contacts),
            updated: Vec::with_capacity(contacts),
            first_name_keys: Vec::with_capacity(contacts),
            presorted: 0,
        }
    }

    pub fn push(&mut self, c: &Contact) {
        self.starts.push(self.text.len() as u32);
        let d = &c.data;
        let fields = [
            Some(d.first_name()),
            d.last_name(),
            d.email().map(|e| e.as_str()),
            d.phone().map(|p| p.as_str()),
            d.mobile().map(|p| p.as_str()),
        ];
        let start = self.text.len();
        let mut bounds = [0u16; 4];
        for (i, f) in fields.into_iter().enumerate() {
            if i > 0 {
                self.text.push(FIELD_SEP);
                bounds[i - 1] = u16::try_from(self.text.len() - start).unwrap_or(u16::MAX);
            }
            push_folded(&mut self.text, f.unwrap_or(""));
        }
        self.field_starts.push(bounds);
        self.ids.push(c.id);
        self.lists.push(c.list_id);
        self.created.push(c.created.millis());
        self.updated.push(c.updated.millis());
        let r = self.ids.len() - 1;
        let key = (text_prefix(self.field(r, F_FIRST)), text_prefix(self.field(r, F_LAST)), r as u32);
        self.first_name_keys.push(key);
    }

    /// Sorts the default-order keys of the contacts pushed since the last call (start-up
    /// calls it between IndexedDB reads, while it would otherwise wait).
    pub fn presort(&mut self) {
        if let Some(fresh) = self.first_name_keys.get_mut(self.presorted..) {
            fresh.sort_unstable();
        }
        self.presorted = self.first_name_keys.len();
    }

    pub(super) fn record(&self, r: usize) -> &[u8] {
        let from = self.starts.get(r).map_or(0, |&s| s as usize);
        let to = self.starts.get(r + 1).map_or(self.text.len(), |&s| s as usize);
        self.text.get(from..to).unwrap_or(&[])
    }

    pub(super) fn field(&self, r: usize, k: usize) -> &[u8] {
        let rec = self.record(r);
        let Some(b) = self.field_starts.get(r) else { return &[] };
        let from = if k == 0 { 0 } else { b[k - 1] as usize };
        let to = if k < 4 { (b[k] as usize).saturating_sub(1) } else { rec.len() };
        rec.get(from..to.max(from)).unwrap_or(&[])
    }

    pub(super) fn finish(mut self, revision: u64) -> QueryIndex {
        self.starts.push(self.text.len() as u32);
        QueryIndex { built_for: Some(revision), rec: self, orders: HashMap::new() }
    }
}

/// Appends `s` lowercased, with the field separator and newlines turned into spaces.
pub(super) fn push_folded(out: &mut Vec<u8>, s: &str) {
    if s.is_ascii() {
        out.extend(s.bytes().map(|b| if b == FIELD_SEP || b == b'\n' { b' ' } else { b.to_ascii_lowercase() }));
    } else {
        let lower = s.to_lowercase();
        out.extend(lower.bytes().map(|b| if b == FIELD_SEP || b == b'\n' { b' ' } else { b }));
    }
}

/// A key the default order (first name, then last name, then storage order) never
/// contradicts: `a`'s key below `b`'s means `a` sorts first. Both names folded as the
/// index folds them, 16 bytes of each: the first name's first 8 (the order's own
/// prefix, empty last) and next 8 (zero-padded: a shorter name sorts first), then the
/// same of the last name, or the largest numbers after a first name over 16 bytes (its
/// full text decides first). `true` when the key holds both names whole: then equal
/// keys are equal names, ordered by storage alone. What a page head keeps
/// (`domain::page_head`).
pub(crate) fn head_key(first: &str, last: &str) -> ([u64; 4], bool) {
    let (mut f, mut l) = (Vec::with_capacity(first.len()), Vec::with_capacity(last.len()));
    push_folded(&mut f, first);
    push_folded(&mut l, last);
    let whole = f.len() <= 16 && l.len() <= 16;
    let last_part = match f.len() <= 16 {
        true => [text_prefix(&l), bytes_after_8(&l)],
        false => [u64::MAX; 2],
    };
    ([text_prefix(&f), bytes_after_8(&f), last_part[0], last_part[1]], whole)
}

/// Bytes 8 to 16 of `field` as a big-endian number, zero-padded.
fn bytes_after_8(field: &[u8]) -> u64 {
    let mut buf = [0u8; 8];
    if let Some(rest) = field.get(8..) {
        let n = rest.len().min(8);
        buf[..n].copy_from_slice(&rest[..n]);
    }
    u64::from_be_bytes(buf)
}

/// The first 8 bytes of a lowercased field as a big-endian number; empty fields sort
/// last (0xFF never occurs in UTF-8).
pub(super) fn text_prefix(field: &[u8]) -> u64 {
    if field.is_empty() {
        return u64::MAX;
    }
    let mut buf = [0u8; 8];
    let n = field.len().min(8);
    buf[..n].copy_from_slice(&field[..n]);
    u64::from_be_bytes(buf)
}
