//! Duplicate keys on validated data, and the index of keys seen so far.

use crate::domain::import::ExistingKeys;
use crate::domain::custom_field::{FieldId, FieldType};
use crate::domain::import::{dedupe_key, DedupField, DuplicateIndex, Origin};
use crate::domain::{ContactData, ContactField as F, ContactId, ListId};

use super::import_support::custom;
use super::support_tests::draft;

fn data(first: &str, phone: &str, email: &str) -> ContactData {
    draft(ListId::new(1), first, "", phone, email)
        .validate()
        .map(|(_, d)| d)
        .unwrap_or_else(|e| panic!("{first}: {e}"))
}

const EMAIL_PHONE: [DedupField; 2] = [DedupField::Field(F::Email), DedupField::Field(F::Phone)];

#[test]
fn keys_ignore_case_spaces_and_phone_formatting() {
    let a = data("Ann", "+39 333 123 4567", "ann@example.com");
    let b = data("Annie", "0039 333-1234567", " ANN@Example.COM ");
    assert_eq!(dedupe_key(&a, &EMAIL_PHONE), dedupe_key(&b, &EMAIL_PHONE));
    assert!(dedupe_key(&a, &EMAIL_PHONE).is_some());
    let other_phone = data("Ann", "+39 333 123 4568", "ann@example.com");
    assert_ne!(dedupe_key(&a, &EMAIL_PHONE), dedupe_key(&other_phone, &EMAIL_PHONE));
    // Text fields fold case and surrounding spaces, non-ASCII included.
    let names = [DedupField::Field(F::FirstName)];
    assert_eq!(dedupe_key(&data("ZOË", "", ""), &names), dedupe_key(&data("zoë", "", ""), &names));
    // Values are kept apart: ("ab", "c") is not ("a", "bc").
    let both = [DedupField::Field(F::FirstName), DedupField::Field(F::LastName)];
    let ab_c = draft(ListId::new(1), "ab", "c", "", "").validate().map(|(_, d)| d).ok();
    let a_bc = draft(ListId::new(1), "a", "bc", "", "").validate().map(|(_, d)| d).ok();
    let key = |d: &Option<ContactData>| d.as_ref().and_then(|d| dedupe_key(d, &both));
    assert_ne!(key(&ab_c), key(&a_bc));
}

#[test]
fn empty_values_are_never_duplicates() {
    let no_phone = data("Ann", "", "ann@example.com");
    assert_eq!(dedupe_key(&no_phone, &EMAIL_PHONE), None);
    assert_eq!(dedupe_key(&no_phone, &[]), None);
    let keys = ExistingKeys::of(&EMAIL_PHONE, [(ContactId::new(1), &no_phone)]);
    assert!(keys.is_empty(), "no key for a contact without a phone");
    let mut index = DuplicateIndex::new(EMAIL_PHONE.to_vec(), &keys).unwrap_or_else(|| panic!("keys over the index's fields"));
    assert!(index.is_empty());
    assert_eq!(index.check(&no_phone, 2), None);
    assert_eq!(index.check(&no_phone, 3), None);
}

#[test]
fn index_tells_existing_contacts_from_earlier_rows() {
    let stored = data("Ann", "+39 333 123 4567", "ann@example.com");
    let keys = ExistingKeys::of(&EMAIL_PHONE, [(ContactId::new(42), &stored)]);
    assert!(DuplicateIndex::new(EMAIL_PHONE[..1].to_vec(), &keys).is_none(), "keys over other fields are refused");
    let mut index = DuplicateIndex::new(EMAIL_PHONE.to_vec(), &keys).unwrap_or_else(|| panic!("keys over the index's fields"));
    assert_eq!(index.len(), 1);
    assert_eq!(index.check(&data("A", "393331234567", "Ann@example.com"), 2), Some(Origin::Existing(ContactId::new(42))));
    let bob = data("Bob", "+39 333 765 4321", "bob@example.com");
    assert_eq!(index.check(&bob, 3), None);
    assert_eq!(index.check(&bob, 9), Some(Origin::Row(3)));
    assert_eq!(Origin::Row(3).to_string(), "row 3 of this file");
    assert!(Origin::Existing(ContactId::new(42)).to_string().contains("already in the list"));
}

#[test]
fn custom_fields_can_be_compared() {
    let code = custom(3, "Customer code", FieldType::Text, false);
    let mut d = draft(ListId::new(1), "Ann", "", "", "");
    d.custom.insert(FieldId::new(3), " AB-12 ".into());
    let a = d.validate_with(&[&code]).map(|(_, d)| d).ok();
    d.custom.insert(FieldId::new(3), "ab-12".into());
    let b = d.validate_with(&[&code]).map(|(_, d)| d).ok();
    let by_code = [DedupField::Custom(FieldId::new(3))];
    let key = |d: &Option<ContactData>| d.as_ref().and_then(|d| dedupe_key(d, &by_code));
    assert!(key(&a).is_some());
    assert_eq!(key(&a), key(&b));
    assert_eq!(DedupField::Custom(FieldId::new(3)).label(&[&code]), "Customer code");
}
