//! The journal's outbox: a commit's journal requests as one record, for a store whose
//! journal lives in another database than the pages (IndexedDB's storage bucket).
//!
//! Two databases share no transaction. The outbox record is written in the pages'
//! transaction, so it lands with them or not at all; the journal database is written
//! after, then the record is deleted. A tab closed in between leaves the record, and
//! the next start applies it again before the journal is read. Applying twice is
//! harmless: every request is a put of fixed bytes, a deletion or a cleared range
//! (a layer keeps the sequence number it was given when the record was written).

use serde::{Deserialize, Serialize};

use super::journal_layers::LayerKey;
use super::writes::{layer_seq, seq_write, Target, Write};
use super::StoreError;
use crate::domain::change::JournalKey;
use crate::domain::{ContactId, Timestamp};

/// The format byte of an outbox record (a record of its own kind, not a codec format).
const OUTBOX_FORMAT: u8 = 1;

#[derive(Serialize, Deserialize, Debug, PartialEq)]
enum Op {
    Put { contact: u64, at: i64, id: u64, bytes: Vec<u8> },
    Delete { contact: u64, at: i64, id: u64 },
    /// Every entry of the contacts `first` to `last`, both included.
    Clear { first: u64, last: u64 },
    // Added with journal layers; records written before them decode as they were.
    Layer { page: u64, seq: u64, bytes: Vec<u8> },
    LayersBefore { page: u64, seq: u64 },
    Seq { seq: u64 },
}

/// The outbox record of `writes` (journal requests only; anything else is not a
/// journal request and is left out).
pub fn encode(writes: &[Write]) -> Vec<u8> {
    let ops: Vec<Op> = writes.iter().filter_map(op_of).collect();
    let mut out = vec![OUTBOX_FORMAT];
    // Plain data into a Vec cannot fail; an empty body would be refused when read.
    if let Ok(body) = postcard::to_allocvec(&ops) {
        out.extend_from_slice(&body);
    }
    out
}

/// The journal requests of an outbox record, in their order.
pub fn decode(bytes: &[u8]) -> Result<Vec<Write>, StoreError> {
    let damaged = |why: String| StoreError::Corrupt(format!("an unfinished save of interactions is damaged: {why}"));
    match bytes.split_first() {
        Some((&OUTBOX_FORMAT, body)) => {
            let ops: Vec<Op> = postcard::from_bytes(body).map_err(|e| damaged(e.to_string()))?;
            Ok(ops.into_iter().map(write_of).collect())
        }
        Some((&format, _)) if format > OUTBOX_FORMAT => Err(StoreError::NewerVersion),
        Some((&format, _)) => Err(damaged(format!("unknown format {format}"))),
        None => Err(damaged("empty".into())),
    }
}

fn op_of(write: &Write) -> Option<Op> {
    match (write.target, &write.bytes) {
        (Target::Journal(k), Some(bytes)) => Some(Op::Put { contact: k.contact.get(), at: k.at.millis(), id: k.id, bytes: bytes.clone() }),
        (Target::Journal(k), None) => Some(Op::Delete { contact: k.contact.get(), at: k.at.millis(), id: k.id }),
        (Target::JournalOf(first, last), _) => Some(Op::Clear { first: first.get(), last: last.get() }),
        (Target::Layer(key), Some(bytes)) => Some(Op::Layer { page: key.page, seq: key.seq, bytes: bytes.clone() }),
        (Target::LayersBefore(key), _) => Some(Op::LayersBefore { page: key.page, seq: key.seq }),
        (Target::LayerSeq, Some(bytes)) => layer_seq(bytes).map(|seq| Op::Seq { seq }),
        _ => None,
    }
}

fn write_of(op: Op) -> Write {
    let key = |contact, at, id| JournalKey { contact: ContactId::new(contact), at: Timestamp::from_millis(at), id };
    match op {
        Op::Put { contact, at, id, bytes } => Write { target: Target::Journal(key(contact, at, id)), bytes: Some(bytes) },
        Op::Delete { contact, at, id } => Write { target: Target::Journal(key(contact, at, id)), bytes: None },
        Op::Clear { first, last } => Write { target: Target::JournalOf(ContactId::new(first), ContactId::new(last)), bytes: None },
        Op::Layer { page, seq, bytes } => Write { target: Target::Layer(LayerKey { page, seq }), bytes: Some(bytes) },
        Op::LayersBefore { page, seq } => Write { target: Target::LayersBefore(LayerKey { page, seq }), bytes: None },
        Op::Seq { seq } => seq_write(seq),
    }
}

#[cfg(test)]
mod tests {
    use super::{decode, encode};
    use crate::domain::change::JournalKey;
    use crate::persist::journal_layers::LayerKey;
    use crate::domain::{ContactId, ListId, Timestamp};
    use crate::persist::writes::{Target, Write};
    use crate::persist::StoreError;

    fn key(contact: u64, at: i64, id: u64) -> JournalKey {
        JournalKey { contact: ContactId::new(contact), at: Timestamp::from_millis(at), id }
    }

    #[test]
    fn a_record_gives_back_the_journal_requests_in_order_and_nothing_else() {
        let writes = vec![
            Write { target: Target::JournalOf(ContactId::new(3), ContactId::new(9)), bytes: None },
            Write { target: Target::Journal(key(4, 1_700_000_000_123, 7)), bytes: Some(vec![4, 0, 255]) },
            Write { target: Target::List(ListId::new(1)), bytes: Some(vec![1]) },
            Write { target: Target::Journal(key(5, -1, (1 << 52) + 3)), bytes: None },
            Write { target: Target::LayersBefore(LayerKey { page: 2, seq: 41 }), bytes: None },
            Write { target: Target::Layer(LayerKey { page: 2, seq: 41 }), bytes: Some(vec![1, 0, 0, 0, 0]) },
            Write { target: Target::LayerSeq, bytes: Some(41u64.to_le_bytes().to_vec()) },
        ];
        let back = decode(&encode(&writes)).expect("decode");
        let shape = |w: &Write| (w.target, w.bytes.clone());
        let expected: Vec<_> = writes.iter().filter(|w| !matches!(w.target, Target::List(_))).map(shape).collect();
        assert_eq!(back.iter().map(shape).collect::<Vec<_>>(), expected);
    }

    #[test]
    fn damaged_truncated_and_newer_records_are_refused_in_words() {
        let good = encode(&[Write { target: Target::Journal(key(1, 2, 3)), bytes: Some(vec![9; 40]) }]);
        assert!(matches!(decode(&good[..good.len() - 10]), Err(StoreError::Corrupt(m)) if m.contains("unfinished save")));
        assert!(matches!(decode(&[]), Err(StoreError::Corrupt(_))));
        assert!(matches!(decode(&[0, 1]), Err(StoreError::Corrupt(m)) if m.contains("unknown format 0")));
        assert_eq!(decode(&[2, 0]).err(), Some(StoreError::NewerVersion));
    }
}
