//! Trash pages in storage: a new record kind of format 4 (deleted contacts, exactly as
//! they were). Golden bytes: what this build writes for the page below; if a test
//! here fails, the stored shape of a trashed contact changed: add a format and keep
//! decoding these bytes.

use crate::domain::codec::{decode_trash_page, encode_page, encode_trash_page, CodecError, CURRENT_FORMAT};
use crate::domain::{Activity, Contact, ContactDraft, ContactField, ContactId, ListId, TagId, Timestamp};

const AT: Timestamp = Timestamp::from_millis(1_781_186_400_000);

/// Ada with tags, an email and activity (an open chat); Bo with nothing but a name.
fn golden_trash_page() -> Vec<Contact> {
    let contact = |id: u64, first: &str, email: &str, tags: Vec<TagId>, activity: Activity| {
        let mut d = ContactDraft { list_id: Some(ListId::new(3)), tags, ..ContactDraft::default() };
        d.set(ContactField::FirstName, first);
        d.set(ContactField::Email, email);
        let (list_id, data) = d.validate().expect("a valid draft");
        Contact { id: ContactId::new(id), list_id, created: AT, updated: AT, data, activity }
    };
    let ada = contact(7, "Ada", "ada@example.com", vec![TagId::new(1), TagId::new(4)], Activity { count: 2, last: Some(AT), open_whatsapp: 1 });
    vec![ada, contact(300, "Bo", "", Vec::new(), Activity::default())]
}

/// Format byte, two contacts; Ada: id 7, list 3, created and updated `AT`, "Ada", her
/// email, tags 1 and 4, activity (2, `Some(AT)`, 1 open chat); Bo: id 300 ([172, 2]).
const GOLDEN: &[u8] = &[
    4, 2, 7, 3, 128, 188, 220, 239, 214, 103, 128, 188, 220, 239, 214, 103, 3, 65, 100, 97, 0, 0, 0, 1, 15, 97, 100, 97, 64, 101,
    120, 97, 109, 112, 108, 101, 46, 99, 111, 109, 0, 0, 0, 2, 1, 4, 2, 1, 128, 188, 220, 239, 214, 103, 1, 172, 2, 3, 128, 188,
    220, 239, 214, 103, 128, 188, 220, 239, 214, 103, 2, 66, 111, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
];

#[test]
fn a_trash_page_decodes_from_its_golden_bytes_and_encodes_to_them() {
    let page = golden_trash_page();
    assert_eq!(GOLDEN[0], CURRENT_FORMAT);
    assert_eq!(encode_trash_page(&page), GOLDEN);
    assert_eq!(decode_trash_page(GOLDEN), Ok(page.clone()));
    assert_eq!(encode_trash_page(&page), encode_page(&page), "the body of a page of contacts");
}

#[test]
fn damaged_or_older_trash_bytes_are_errors_not_panics() {
    assert_eq!(decode_trash_page(&[]), Err(CodecError::Empty));
    assert_eq!(decode_trash_page(&[CURRENT_FORMAT + 1]), Err(CodecError::NewerFormat(CURRENT_FORMAT + 1)));
    for older in [1, 2, 3] {
        let old = [&[older], &GOLDEN[1..]].concat();
        assert!(matches!(decode_trash_page(&old), Err(CodecError::Damaged(_))), "no trash page was stored in format {older}");
    }
    for cut in [2, GOLDEN.len() / 2, GOLDEN.len() - 1] {
        assert!(matches!(decode_trash_page(&GOLDEN[..cut]), Err(CodecError::Damaged(_))), "cut at {cut}");
    }
}
