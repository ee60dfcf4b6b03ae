//! The fields an edit changed, for the journey's "Edited" events: default fields,
//! additional phones and custom fields, named as people know them.

use std::collections::BTreeMap;

use crate::domain::contact::PhoneDraft;
use crate::domain::custom_field::{CustomField, FieldScope, FieldType};
use crate::domain::journey::{edited_field_labels, edited_fields, EditedField};
use crate::domain::{ContactData, ContactDraft, ContactField as F, FieldId, ListId, Timestamp};

fn custom(id: u32, alias: &str) -> CustomField {
    let t0 = Timestamp::from_millis(0);
    CustomField { id: FieldId::new(id), scope: FieldScope::Global, alias: alias.into(), field_type: FieldType::Text, required: false, click_to_action: false, deleted: None, created: t0, updated: t0 }
}

fn data(draft: &ContactDraft, fields: &[&CustomField]) -> ContactData {
    draft.validate_with(fields).map(|(_, d)| d).unwrap_or_else(|e| panic!("{e:?}"))
}

fn base() -> ContactDraft {
    let mut d = ContactDraft { list_id: Some(ListId::new(1)), ..ContactDraft::default() };
    d.set(F::FirstName, "Anna");
    d.set(F::Email, "anna@example.it");
    d.custom = BTreeMap::from([(FieldId::new(1), "A-1".to_owned()), (FieldId::new(2), "north".to_owned())]);
    d
}

#[test]
fn nothing_changed_names_no_field() {
    let (code, region) = (custom(1, "Customer code"), custom(2, "Region"));
    let fields = [&code, &region];
    assert_eq!(edited_fields(&data(&base(), &fields), &data(&base(), &fields)), []);
}

#[test]
fn default_and_custom_fields_that_differ_are_named() {
    let (code, region) = (custom(1, "Customer code"), custom(2, "Region"));
    let fields = [&code, &region];
    let before = data(&base(), &fields);
    let mut edited = base();
    edited.set(F::LastName, "Bianchi");
    edited.set(F::Email, "anna@example.com");
    edited.set(F::Social(crate::domain::SocialNetwork::Telegram), "anna_b");
    edited.additional_phones.push(PhoneDraft { label: "Home".into(), number: "+39 06 1234 5678".into() });
    edited.custom.insert(FieldId::new(2), "south".into());
    edited.custom.remove(&FieldId::new(1));
    edited.tags.push(crate::domain::TagId::new(4));
    let after = data(&edited, &fields);
    assert_eq!(
        edited_fields(&before, &after),
        [
            EditedField::Default(F::LastName),
            EditedField::Default(F::Email),
            EditedField::Default(F::Social(crate::domain::SocialNetwork::Telegram)),
            EditedField::AdditionalPhones,
            EditedField::Custom(FieldId::new(1)),
            EditedField::Custom(FieldId::new(2)),
        ],
        "tags are a Tagged event of their own"
    );
    assert_eq!(edited_field_labels(&before, &after, &fields), ["Last name", "Email", "Telegram", "Additional phones", "Customer code", "Region"]);
    // A custom field deleted since is named by its number.
    assert_eq!(EditedField::Custom(FieldId::new(1)).label(&[&region]), "Custom field 1");
    // A value appearing where there was none counts too.
    assert_eq!(edited_fields(&after, &before), edited_fields(&before, &after));
}
