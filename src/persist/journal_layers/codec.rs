//! A layer's bytes: a format byte, the cleared runs, the deleted keys, a directory of
//! the contacts it puts entries for (id, entry count, where their entries start), then
//! the entries, by key: time, id, length and the entry's own codec bytes. Fixed-width
//! little-endian numbers: a reader finds one contact's entries without decoding others.

use crate::domain::change::JournalKey;
use crate::domain::{ContactId, Timestamp};
use crate::persist::StoreError;

use super::Layer;

const FORMAT: u8 = 1;
const RUN: usize = 16;
const KEY: usize = 24;
const DIRECTORY_ROW: usize = 16;
/// Time, id and length before an entry's bytes.
const ENTRY_HEAD: usize = 20;

/// The bytes of `layer` (its puts sorted by key, as `layers` leaves them).
pub fn encode_layer(layer: &Layer) -> Vec<u8> {
    let bodies: usize = layer.puts.iter().map(|(_, b)| ENTRY_HEAD + b.len()).sum();
    let mut out = Vec::with_capacity(16 + layer.cleared.len() * RUN + layer.deleted.len() * KEY + layer.puts.len() * DIRECTORY_ROW + bodies);
    out.push(FORMAT);
    push_len(&mut out, layer.cleared.len());
    for (first, last) in &layer.cleared {
        out.extend_from_slice(&first.get().to_le_bytes());
        out.extend_from_slice(&last.get().to_le_bytes());
    }
    push_len(&mut out, layer.deleted.len());
    for key in &layer.deleted {
        push_key(&mut out, key);
    }
    // The directory: one row per contact, in key (so contact) order.
    let mut rows: Vec<(u64, usize, usize)> = Vec::new();
    let mut offset = 0;
    for (key, bytes) in &layer.puts {
        match rows.last_mut() {
            Some((contact, count, _)) if *contact == key.contact.get() => *count += 1,
            _ => rows.push((key.contact.get(), 1, offset)),
        }
        offset += ENTRY_HEAD + bytes.len();
    }
    push_len(&mut out, rows.len());
    for (contact, count, start) in rows {
        out.extend_from_slice(&contact.to_le_bytes());
        push_len(&mut out, count);
        push_len(&mut out, start);
    }
    for (key, bytes) in &layer.puts {
        out.extend_from_slice(&key.at.millis().to_le_bytes());
        out.extend_from_slice(&key.id.to_le_bytes());
        push_len(&mut out, bytes.len());
        out.extend_from_slice(bytes);
    }
    out
}

fn push_len(out: &mut Vec<u8>, n: usize) {
    // A layer is one commit's part of one page: far below 4 GB.
    out.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
}

fn push_key(out: &mut Vec<u8>, key: &JournalKey) {
    out.extend_from_slice(&key.contact.get().to_le_bytes());
    out.extend_from_slice(&key.at.millis().to_le_bytes());
    out.extend_from_slice(&key.id.to_le_bytes());
}

/// A stored layer, read in place.
#[derive(Debug)]
pub struct LayerView<'a> {
    cleared: &'a [u8],
    deleted: &'a [u8],
    directory: &'a [u8],
    entries: &'a [u8],
}

fn damaged(why: &str) -> StoreError {
    StoreError::Corrupt(format!("a page of the journal is damaged: {why}"))
}

/// Reads `bytes` front to back, refusing to run past the end.
struct Cursor<'a>(&'a [u8]);

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], StoreError> {
        if self.0.len() < n {
            return Err(damaged("it ends too early"));
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn len(&mut self) -> Result<usize, StoreError> {
        let bytes = self.take(4)?;
        Ok(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize)
    }

    /// `count` rows of `width` bytes.
    fn rows(&mut self, width: usize) -> Result<&'a [u8], StoreError> {
        let count = self.len()?;
        self.take(count.checked_mul(width).ok_or_else(|| damaged("a count is impossible"))?)
    }
}

/// The number at `at`: callers pass rows of a fixed width (`chunks_exact`, `take`), so
/// the eight bytes are there.
fn u64_at(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}

fn key_at(bytes: &[u8]) -> JournalKey {
    JournalKey { contact: ContactId::new(u64_at(bytes, 0)), at: Timestamp::from_millis(u64_at(bytes, 8) as i64), id: u64_at(bytes, 16) }
}

impl<'a> LayerView<'a> {
    pub fn parse(bytes: &'a [u8]) -> Result<LayerView<'a>, StoreError> {
        let (&format, body) = bytes.split_first().ok_or_else(|| damaged("it is empty"))?;
        if format > FORMAT {
            return Err(StoreError::NewerVersion);
        }
        if format != FORMAT {
            return Err(damaged(&format!("unknown format {format}")));
        }
        let mut cursor = Cursor(body);
        let cleared = cursor.rows(RUN)?;
        let deleted = cursor.rows(KEY)?;
        let directory = cursor.rows(DIRECTORY_ROW)?;
        Ok(LayerView { cleared, deleted, directory, entries: cursor.0 })
    }

    /// The contacts whose every entry this layer clears, as runs of ids.
    pub fn cleared(&self) -> impl Iterator<Item = (ContactId, ContactId)> + 'a {
        self.cleared.chunks_exact(RUN).map(|run| (ContactId::new(u64_at(run, 0)), ContactId::new(u64_at(run, 8))))
    }

    pub fn deleted(&self) -> impl Iterator<Item = JournalKey> + 'a {
        self.deleted.chunks_exact(KEY).map(key_at)
    }

    /// The entries this layer puts for `contact` (all contacts when `None`), by key,
    /// with their bytes.
    pub fn puts(&self, contact: Option<ContactId>) -> Result<Vec<(JournalKey, &'a [u8])>, StoreError> {
        let mut out = Vec::new();
        for row in self.directory.chunks_exact(DIRECTORY_ROW) {
            let id = ContactId::new(u64_at(row, 0));
            if contact.is_some_and(|c| c != id) {
                continue;
            }
            let count = u32::from_le_bytes([row[8], row[9], row[10], row[11]]) as usize;
            let start = u32::from_le_bytes([row[12], row[13], row[14], row[15]]) as usize;
            let mut cursor = Cursor(self.entries.get(start..).ok_or_else(|| damaged("an entry starts past its end"))?);
            out.reserve(count);
            for _ in 0..count {
                let head = cursor.take(16)?;
                let key = JournalKey { contact: id, at: Timestamp::from_millis(u64_at(head, 0) as i64), id: u64_at(head, 8) };
                let len = cursor.len()?;
                out.push((key, cursor.take(len)?));
            }
        }
        Ok(out)
    }
}
