//! Journal entries (a contact's interactions and history events), stored one per
//! record under `[contact, at, id]`. They came with format 3 as a new record kind: no
//! older shape of them exists, so format-1 and format-2 bytes are damage.

use super::{decode, encode, CodecError, NeverStored};
use crate::domain::journey::{HistoryEvent, JourneyEntry};

/// History events carry no id of their own (the journey's types were settled before
/// storage), so their key's id is a hash of what happened, kept in `[2^52, 2^53)`:
/// above every interaction id (a counter) and still exact as a JS number. The same
/// event of the same contact at the same millisecond is one record.
const HISTORY_IDS_FROM: u64 = 1 << 52;

pub fn encode_journal_entry(entry: &JourneyEntry) -> Vec<u8> {
    encode(entry)
}

pub fn decode_journal_entry(bytes: &[u8]) -> Result<JourneyEntry, CodecError> {
    decode::<_, NeverStored, NeverStored, JourneyEntry>(bytes)
}

/// The id part of a history event's journal key: FNV-1a over the postcard bytes of
/// its kind (stable for the life of a stored record, which is never rewritten).
pub fn history_entry_id(event: &HistoryEvent) -> u64 {
    let body = postcard::to_allocvec(&event.kind).unwrap_or_default();
    let hash = body.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3));
    HISTORY_IDS_FROM | (hash & (HISTORY_IDS_FROM - 1))
}
