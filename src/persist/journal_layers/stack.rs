//! A page's entries from its layers, oldest first, over the entries an older version
//! stored one record each (`legacy`, older than any layer).

use std::collections::BTreeMap;
use std::ops::Bound;

use super::{encode_layer, Layer, LayerView};
use crate::domain::change::JournalKey;
use crate::domain::{ContactId, Interval, JourneyEntry, Timestamp};
use crate::persist::{decode, StoreError};

/// The page's live entries by key (only `only`'s when given), with their bytes.
pub fn stack<'a>(legacy: &'a [(JournalKey, Vec<u8>)], layers: &'a [Vec<u8>], only: Option<ContactId>) -> Result<BTreeMap<JournalKey, &'a [u8]>, StoreError> {
    let wanted = |key: &JournalKey| only.is_none_or(|c| key.contact == c);
    let mut entries: BTreeMap<JournalKey, &[u8]> = legacy.iter().filter(|(k, _)| wanted(k)).map(|(k, b)| (*k, b.as_slice())).collect();
    for bytes in layers {
        let layer = LayerView::parse(bytes)?;
        for (first, last) in layer.cleared() {
            clear(&mut entries, first, last);
        }
        entries.extend(layer.puts(only)?);
        for key in layer.deleted() {
            entries.remove(&key);
        }
    }
    Ok(entries)
}

/// Removes the entries of the contacts `first` to `last`.
fn clear(entries: &mut BTreeMap<JournalKey, &[u8]>, first: ContactId, last: ContactId) {
    let low = JournalKey { contact: first, at: Timestamp::from_millis(i64::MIN), id: 0 };
    let high = JournalKey { contact: last, at: Timestamp::from_millis(i64::MAX), id: u64::MAX };
    if first > last {
        return;
    }
    let doomed: Vec<JournalKey> = entries.range(low..=high).map(|(k, _)| *k).collect();
    for key in doomed {
        entries.remove(&key);
    }
}

/// `contact`'s entries, oldest first, within `interval` (both ends) when given.
pub fn journal_of(contact: ContactId, interval: Option<Interval>, legacy: &[(JournalKey, Vec<u8>)], layers: &[Vec<u8>]) -> Result<Vec<JourneyEntry>, StoreError> {
    let entries = stack(legacy, layers, Some(contact))?;
    let (from, to) = interval.map_or((Timestamp::from_millis(i64::MIN), Timestamp::from_millis(i64::MAX)), |i| (i.from(), i.to()));
    let within = entries.iter().filter(|(key, _)| from <= key.at && key.at <= to);
    within.map(|(_, bytes)| decode::journal_entry(contact, Some(bytes.to_vec()))).collect()
}

/// Every live entry of the page after `after`, in key order, at most `limit`.
pub fn entries_after(legacy: &[(JournalKey, Vec<u8>)], layers: &[Vec<u8>], after: Option<JournalKey>, limit: usize) -> Result<Vec<JourneyEntry>, StoreError> {
    let entries = stack(legacy, layers, None)?;
    let from = after.map_or(Bound::Unbounded, Bound::Excluded);
    let taken = entries.range((from, Bound::Unbounded)).take(limit);
    taken.map(|(key, bytes)| decode::journal_entry(key.contact, Some(bytes.to_vec()))).collect()
}

/// The page as one layer with nothing but its live entries (no clears or deletions
/// left to apply), `None` when it holds none.
pub fn flatten(legacy: &[(JournalKey, Vec<u8>)], layers: &[Vec<u8>]) -> Result<Option<Vec<u8>>, StoreError> {
    let entries = stack(legacy, layers, None)?;
    if entries.is_empty() {
        return Ok(None);
    }
    let puts = entries.into_iter().map(|(key, bytes)| (key, bytes.to_vec())).collect();
    Ok(Some(encode_layer(&Layer { puts, ..Layer::default() })))
}
