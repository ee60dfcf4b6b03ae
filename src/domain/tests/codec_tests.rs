//! The storage codec: records round-trip, pages stay compact, format-1 and format-2
//! bytes still decode, and bad bytes are errors (the goldens of every record kind are
//! in `codec_golden_tests.rs`).

use crate::domain::codec::{self, CodecError, CURRENT_FORMAT};
use crate::domain::agent::AgentId;
use crate::domain::sample::sample_draft;
use crate::domain::{Contact, ContactField, ContactId, ContactList, Country, ListId, Timestamp, WorkspaceMeta};

fn contacts(n: usize) -> Vec<Contact> {
    (0..n)
        .map(|i| {
            let (list_id, data) = sample_draft(1, i, ListId::new(4)).validate().expect("sample is valid");
            Contact { id: ContactId::new(i as u64), list_id, created: Timestamp::from_millis(5), updated: Timestamp::from_millis(6), data, activity: Default::default() }
        })
        .collect()
}

#[test]
fn records_round_trip() {
    let page = contacts(512);
    assert_eq!(codec::decode_page(&codec::encode_page(&page)), Ok(page));
    let list = ContactList {
        id: ListId::new(9),
        name: "Leads".into(),
        description: Some("Q4".into()),
        dial_prefix: Some("0".into()),
        agents: vec![AgentId::new(3)],
        country: Country::from_code("IT"),
        created: Timestamp::from_millis(1),
        updated: Timestamp::from_millis(2),
    };
    assert_eq!(codec::decode_list(&codec::encode_list(&list)), Ok(list));
    let meta = WorkspaceMeta { next_list_id: 10, next_contact_id: 1 << 40, next_tag_id: 7, ..WorkspaceMeta::default() };
    assert_eq!(codec::decode_meta(&codec::encode_meta(&meta)), Ok(meta));
}

#[test]
fn pages_are_compact() {
    let bytes = codec::encode_page(&contacts(512));
    // ~130 bytes a contact keeps a 500k-contact workspace near 65 MB on disk.
    assert!(bytes.len() < 512 * 200, "{} bytes", bytes.len());
}

/// Bytes written by format 1 (the very bytes commit de2156c, the last writing format 1,
/// writes for these records). If this test fails, the stored format changed: add a new
/// format number and keep decoding this one.
#[test]
fn format_1_bytes_still_decode() {
    let list_v1: &[u8] = &[1, 9, 5, 76, 101, 97, 100, 115, 1, 2, 81, 52, 2, 4];
    let list = codec::decode_list(list_v1).expect("format 1 list decodes");
    assert_eq!((list.id.get(), &*list.name, list.description.as_deref(), list.created.millis(), list.updated.millis()), (9, "Leads", Some("Q4"), 1, 2));
    let page_v1: &[u8] = &[
        1, 1, 0, 4, 10, 12, 4, 83, 97, 114, 97, 1, 7, 74, 111, 104, 110, 115, 111, 110, 1, 12, 51, 57, 51, 54, 50, 48, 56,
        53, 56, 54, 49, 55, 0, 1, 25, 115, 97, 114, 97, 46, 106, 111, 104, 110, 115, 111, 110, 48, 64, 101, 120, 97, 109,
        112, 108, 101, 46, 111, 114, 103, 3, 7, 7, 73, 110, 105, 116, 101, 99, 104, 10, 7, 66, 111, 108, 111, 103, 110, 97,
        14, 3, 14, 115, 97, 114, 97, 45, 106, 111, 104, 110, 115, 111, 110, 45, 48, 0,
    ];
    let page = codec::decode_page(page_v1).expect("format 1 page decodes");
    let c = &page[0];
    assert!(c.data.custom_values().is_empty() && c.data.tags().is_empty(), "format 1 had no custom values or tags");
    let meta_v1: &[u8] = &[1, 4, 200, 1];
    assert_eq!(codec::decode_meta(meta_v1), Ok(WorkspaceMeta { next_list_id: 4, next_contact_id: 200, ..WorkspaceMeta::default() }));
    assert_eq!(list.dial_prefix, None);
    assert!(list.agents.is_empty());
    assert_eq!((c.data.first_name(), c.data.get(ContactField::Phone), c.data.get(ContactField::City)), ("Sara", Some("393620858617"), Some("Bologna")));
}

/// A list as format 2 wrote it (before lists had a default country). If this test
/// fails, the stored shape of a list changed again: add a format and keep this one.
#[test]
fn format_2_lists_still_decode_without_a_country() {
    let list_v2: &[u8] = &[2, 9, 5, 76, 101, 97, 100, 115, 1, 2, 81, 52, 1, 1, 48, 1, 3, 2, 4];
    let list = codec::decode_list(list_v2).expect("format 2 list decodes");
    assert_eq!((list.id.get(), &*list.name, list.description.as_deref(), list.dial_prefix.as_deref()), (9, "Leads", Some("Q4"), Some("0")));
    assert_eq!((list.agents.as_slice(), list.country, list.created.millis(), list.updated.millis()), ([AgentId::new(3)].as_slice(), None, 1, 2));
    // Records whose shape did not change read the same in format 2 and 3.
    let meta_v2: &[u8] = &[2, 4, 200, 1, 0, 0, 0, 0];
    assert!(codec::decode_meta(meta_v2).is_ok_and(|m| m.next_list_id == 4 && m.next_contact_id == 200));
    // A stored country that is not a known code is damage, not a panic.
    let mut bad = codec::encode_list(&ContactList { country: Country::from_code("IT"), ..list });
    let at = bad.len() - 4;
    bad[at..at + 2].copy_from_slice(b"ZZ");
    assert!(matches!(codec::decode_list(&bad), Err(CodecError::Damaged(_))), "{:?}", codec::decode_list(&bad));
}

#[test]
fn bad_bytes_are_errors_not_panics() {
    assert_eq!(codec::decode_page(&[]), Err(CodecError::Empty));
    assert_eq!(codec::decode_page(&[CURRENT_FORMAT + 1, 0]), Err(CodecError::NewerFormat(CURRENT_FORMAT + 1)));
    assert!(matches!(codec::decode_page(&[0, 1]), Err(CodecError::Damaged(_))));
    assert!(matches!(codec::decode_page(&[1, 200, 200, 200]), Err(CodecError::Damaged(_))));
    let mut good = codec::encode_page(&contacts(3));
    good.truncate(good.len() / 2);
    assert!(matches!(codec::decode_page(&good), Err(CodecError::Damaged(_))));
}
