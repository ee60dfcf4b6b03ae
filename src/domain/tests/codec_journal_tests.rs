//! Journal entries in storage: a new record kind of format 3 (interactions and history
//! events). Golden bytes: what this build writes for the entries below; if a test here
//! fails, the stored shape of a journal entry changed: add a format and keep decoding
//! these bytes.

use crate::domain::codec::{decode_journal_entry, encode_journal_entry, CodecError, CURRENT_FORMAT};
use crate::domain::interaction::{Channel, Direction, Interaction};
use crate::domain::journey::{HistoryEvent, HistoryKind, JourneyEntry};
use crate::domain::{AgentId, BatchId, ContactId, DispositionId, ListId, TagId, Timestamp};

use super::journey_support::{interaction, CONTACT};

const AT: Timestamp = Timestamp::from_millis(1_781_186_400_000);

/// An open outbound WhatsApp chat with every optional part set, a closed inbound call
/// with none, and one history event of each kind.
fn golden_entries() -> Vec<JourneyEntry> {
    let chat = Interaction {
        channel: Channel::WhatsApp,
        direction: Direction::Outbound,
        ended: None,
        agent: Some(AgentId::new(2)),
        disposition: Some(DispositionId::new(5)),
        notes: "Asked for a quote".into(),
        metadata: vec![("number".into(), "393331234567".into()), ("queue".into(), "sales".into())],
        ..interaction(12, Channel::WhatsApp, AT)
    };
    let event = |kind| JourneyEntry::History(HistoryEvent { contact: CONTACT, at: AT, kind });
    vec![
        JourneyEntry::Interaction(chat),
        JourneyEntry::Interaction(interaction(13, Channel::Voice, AT)),
        event(HistoryKind::Created),
        event(HistoryKind::Imported { batch: BatchId::new(4) }),
        event(HistoryKind::Edited { fields: vec!["Phone".into(), "Tier".into()] }),
        event(HistoryKind::Tagged { added: vec![TagId::new(1)], removed: vec![TagId::new(2), TagId::new(3)] }),
        event(HistoryKind::Merged { from: ContactId::new(9) }),
        event(HistoryKind::Duplicated { to_list: ListId::new(6) }),
    ]
}

/// The bytes of `golden_entries`, in order, as format 3 wrote them. Postcard writes enums by variant index:
/// reordering `Channel`, `Direction` or `HistoryKind` would change them (and fail here).
const GOLDEN: [&[u8]; 8] = [
    &[
        3, 0, 12, 7, 3, 1, 1, 128, 188, 220, 239, 214, 103, 0, 1, 2, 1, 5, 17, 65, 115, 107, 101, 100, 32, 102, 111, 114, 32, 97, 32,
        113, 117, 111, 116, 101, 2, 6, 110, 117, 109, 98, 101, 114, 12, 51, 57, 51, 51, 51, 49, 50, 51, 52, 53, 54, 55, 5, 113, 117,
        101, 117, 101, 5, 115, 97, 108, 101, 115,
    ],
    &[3, 0, 13, 7, 3, 0, 0, 128, 188, 220, 239, 214, 103, 1, 128, 188, 220, 239, 214, 103, 0, 0, 0, 0],
    &[3, 1, 7, 128, 188, 220, 239, 214, 103, 0],
    &[3, 1, 7, 128, 188, 220, 239, 214, 103, 1, 4],
    &[3, 1, 7, 128, 188, 220, 239, 214, 103, 2, 2, 5, 80, 104, 111, 110, 101, 4, 84, 105, 101, 114],
    &[3, 1, 7, 128, 188, 220, 239, 214, 103, 3, 1, 1, 2, 2, 3],
    &[3, 1, 7, 128, 188, 220, 239, 214, 103, 4, 9],
    &[3, 1, 7, 128, 188, 220, 239, 214, 103, 5, 6],
];

/// The shape did not change in format 4 (contacts and meta did): this build writes
/// the same bodies under format byte 4, and still reads the format-3 bytes.
#[test]
fn journal_entries_decode_from_their_golden_bytes_and_encode_to_them() {
    for (entry, bytes) in golden_entries().iter().zip(GOLDEN) {
        assert_eq!(bytes[0], 3);
        assert_eq!(decode_journal_entry(bytes).as_ref(), Ok(entry), "{bytes:?}");
        let v4 = [&[4], &bytes[1..]].concat();
        assert_eq!((CURRENT_FORMAT, decode_journal_entry(&v4).as_ref()), (4, Ok(entry)));
        assert_eq!(encode_journal_entry(entry), v4, "{entry:?}");
    }
}

#[test]
fn damaged_journal_bytes_are_errors_not_panics() {
    let good = encode_journal_entry(&golden_entries()[0]);
    assert_eq!(decode_journal_entry(&[]), Err(CodecError::Empty));
    assert_eq!(decode_journal_entry(&[CURRENT_FORMAT + 1]), Err(CodecError::NewerFormat(CURRENT_FORMAT + 1)));
    for older in [1, 2] {
        let mut old = good.clone();
        old[0] = older;
        assert!(matches!(decode_journal_entry(&old), Err(CodecError::Damaged(_))), "no journal entry was stored in format {older}");
    }
    assert!(matches!(decode_journal_entry(&good[..good.len() / 2]), Err(CodecError::Damaged(_))));
    assert!(matches!(decode_journal_entry(&[CURRENT_FORMAT, 7]), Err(CodecError::Damaged(_))), "an unknown entry kind");
}
