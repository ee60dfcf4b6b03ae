//! The merge rule: examples, and properties over random pairs of contacts.

use proptest::prelude::*;

use super::*;
use crate::domain::contact::{PhoneDraft, MAX_ADDITIONAL_PHONES};
use crate::domain::custom_field::{FieldId, FieldType, FieldValue};
use crate::domain::field::{ContactField as F, SocialNetwork};
use crate::domain::phone::PhoneNumber;
use crate::domain::tag::TagId;

/// A custom field for tests (shared with the copy tests).
pub(crate) fn field(id: u32, scope: FieldScope, field_type: FieldType, required: bool) -> CustomField {
    let at = Timestamp::from_millis(0);
    CustomField { id: FieldId::new(id), scope, alias: format!("Field {id}").into(), field_type, required, click_to_action: false, deleted: None, created: at, updated: at }
}

/// Valid data from (field, text) pairs and custom values as typed.
pub(crate) fn data(values: &[(F, &str)], custom: &[(u32, &str)], fields: &[&CustomField]) -> ContactData {
    let mut d = ContactDraft { list_id: Some(ListId::new(1)), ..ContactDraft::default() };
    for (f, v) in values {
        d.set(*f, *v);
    }
    d.custom = custom.iter().map(|(id, v)| (FieldId::new(*id), (*v).to_owned())).collect();
    match d.validate_with(fields) {
        Ok((_, data)) => data,
        Err(e) => panic!("test data must be valid: {e}"),
    }
}

fn fields() -> Vec<CustomField> {
    vec![
        field(1, FieldScope::Global, FieldType::Number, false),
        field(2, FieldScope::List(ListId::new(1)), FieldType::Text, false),
        field(3, FieldScope::Global, FieldType::Select(vec!["Gold".into(), "Silver".into()]), true),
    ]
}

#[test]
fn the_preview_lists_agreements_single_values_and_conflicts_in_form_order() {
    let owned = fields();
    let fs: Vec<&CustomField> = owned.iter().collect();
    let kept = data(&[(F::FirstName, "Anna"), (F::Phone, "+39 333 123 4567"), (F::City, "Roma")], &[(1, "5"), (3, "Gold")], &fs);
    let other = data(&[(F::FirstName, "Anna"), (F::LastName, "Rossi"), (F::Phone, "+39 333 765 4321")], &[(2, "note"), (3, "Silver")], &fs);
    let preview = MergePreview::of(&kept, &other, &fs);
    let outcomes: Vec<(EditedField, RowOutcome)> = preview.rows.iter().map(|r| (r.field, r.outcome)).collect();
    assert_eq!(
        outcomes,
        vec![
            (EditedField::Default(F::FirstName), RowOutcome::Agree),
            (EditedField::Default(F::LastName), RowOutcome::Taken(Side::Other)),
            (EditedField::Default(F::Phone), RowOutcome::Conflict),
            (EditedField::Default(F::City), RowOutcome::Taken(Side::Kept)),
            // The list's own field first, then the globals.
            (EditedField::Custom(FieldId::new(2)), RowOutcome::Taken(Side::Other)),
            (EditedField::Custom(FieldId::new(1)), RowOutcome::Taken(Side::Kept)),
            (EditedField::Custom(FieldId::new(3)), RowOutcome::Conflict),
        ]
    );
    assert_eq!(preview.conflicts().count(), 2);
    assert!(preview.warnings.is_empty());
}

#[test]
fn a_lost_phone_conflict_keeps_the_number_among_the_additional_phones() {
    let kept = data(&[(F::FirstName, "Anna"), (F::Phone, "+39 333 123 4567"), (F::Social(SocialNetwork::Telegram), "@anna")], &[], &[]);
    let other = data(&[(F::FirstName, "Ann"), (F::Phone, "+39 333 765 4321"), (F::Social(SocialNetwork::Skype), "ann.r")], &[], &[]);
    let mut choices = MergeChoices::default();
    choices.choose(EditedField::Default(F::Phone), Side::Other);
    let merged = merge(&kept, &other, &choices, &[]).expect("merges");
    assert_eq!(MergePreview::with_choices(&kept, &other, &choices, &[]).additional_phones, merged.additional_phones());
    assert_eq!(merged.first_name(), "Anna", "unchosen conflicts keep the kept value");
    assert_eq!(merged.get(F::Phone), Some("393337654321"));
    let extra: Vec<(&str, &str)> = merged.additional_phones().iter().map(|p| (&*p.label, p.number.as_str())).collect();
    assert_eq!(extra, vec![(LOSING_PHONE_LABEL, "393331234567")]);
    assert_eq!(merged.get(F::Social(SocialNetwork::Telegram)), Some("@anna"));
    assert_eq!(merged.get(F::Social(SocialNetwork::Skype)), Some("ann.r"), "social handles merge as fields");
}

#[test]
fn numbers_beyond_the_maximum_are_named_in_a_warning() {
    let full: Vec<PhoneDraft> = (0..MAX_ADDITIONAL_PHONES).map(|i| PhoneDraft { label: "Office".into(), number: format!("+39 02 {:08}", 1_000 + i) }).collect();
    let mut d = ContactDraft { list_id: Some(ListId::new(1)), additional_phones: full, ..ContactDraft::default() };
    d.set(F::FirstName, "Anna");
    d.set(F::Phone, "+39 333 123 4567");
    let kept = d.validate().map(|(_, data)| data).expect("valid");
    let other = data(&[(F::FirstName, "Anna"), (F::Phone, "+39 333 765 4321")], &[], &[]);
    let preview = MergePreview::of(&kept, &other, &[]);
    let dropped = PhoneNumber::parse("393337654321").expect("valid");
    assert_eq!(preview.warnings, vec![MergeWarning::PhonesDropped(vec![dropped])]);
    let merged = merge(&kept, &other, &MergeChoices::default(), &[]).expect("merges");
    assert_eq!(merged.additional_phones().len(), MAX_ADDITIONAL_PHONES);
}

#[test]
fn values_of_fields_the_kept_list_lacks_are_announced() {
    let owned = fields();
    let fs: Vec<&CustomField> = owned.iter().collect();
    let other = data(&[(F::FirstName, "Anna")], &[(2, "note"), (3, "Gold")], &fs);
    let kept = data(&[(F::FirstName, "Anna")], &[(3, "Gold")], &fs);
    let only_globals = [fs[0], fs[2]];
    let preview = MergePreview::of(&kept, &other, &only_globals);
    assert_eq!(preview.warnings, vec![MergeWarning::CustomValuesDropped(vec![FieldId::new(2)])]);
    let merged = merge(&kept, &other, &MergeChoices::default(), &only_globals).expect("merges");
    assert_eq!(merged.custom_value(FieldId::new(2)), None);
}

#[test]
fn a_contact_is_not_merged_with_itself() {
    assert_eq!(check_distinct(ContactId::new(4), ContactId::new(4)), Err(MergeError::SameContact));
    assert_eq!(check_distinct(ContactId::new(4), ContactId::new(5)), Ok(()));
}

const PHONES: [&str; 4] = ["+39 333 123 4567", "+39 333 765 4321", "+39 02 1234 5678", "+44 20 7183 8750"];

/// Random valid data over small pools, so pairs often agree, differ or miss a value.
fn any_data() -> impl Strategy<Value = ContactData> {
    let opt = |pool: &'static [&'static str]| proptest::option::of(proptest::sample::select(pool));
    (
        proptest::sample::select(&["Anna", "Marco", "José"][..]),
        opt(&["Rossi", "Bianchi"]),
        opt(&PHONES),
        opt(&PHONES),
        opt(&["a@x.io", "b@x.io"]),
        opt(&["Roma", "Milano"]),
        opt(&["@anna", "@marco"]),
        proptest::collection::vec((proptest::sample::select(&["Home", "Office"][..]), proptest::sample::select(&PHONES[..])), 0..3),
        (opt(&["1", "2.5"]), opt(&["note", "other note"]), proptest::sample::select(&["Gold", "Silver"][..])),
        proptest::collection::vec(0u32..4, 0..3),
    )
        .prop_map(|(first, last, phone, mobile, email, city, telegram, extra, (number, text, plan), tags)| {
            let owned = fields();
            let fs: Vec<&CustomField> = owned.iter().collect();
            let pairs = [(F::LastName, last), (F::Phone, phone), (F::Mobile, mobile), (F::Email, email), (F::City, city), (F::Social(SocialNetwork::Telegram), telegram)];
            let mut values: Vec<(F, &str)> = pairs.into_iter().filter_map(|(f, v)| v.map(|v| (f, v))).collect();
            values.push((F::FirstName, first));
            let custom: Vec<(u32, &str)> = [(1, number), (2, text), (3, Some(plan))].into_iter().filter_map(|(id, v)| v.map(|v| (id, v))).collect();
            let mut d = draft_of(&data(&values, &custom, &fs));
            d.additional_phones = extra.into_iter().map(|(label, number)| PhoneDraft { label: label.into(), number: number.into() }).collect();
            d.tags = tags.into_iter().map(TagId::new).collect();
            match d.validate_with(&fs) {
                Ok((_, data)) => data,
                Err(e) => panic!("generated data must be valid: {e}"),
            }
        })
}

/// What the rule says a field of the result holds.
fn expected<T: PartialEq + Clone>(kept: Option<T>, other: Option<T>, side: Side) -> Option<T> {
    match (kept, other) {
        (Some(k), Some(o)) if k != o && side == Side::Other => Some(o),
        (None, o) => o,
        (k, _) => k,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Every filled value survives unless its conflict went the other way; a losing
    /// phone stays as an additional number; phones and tags are united.
    #[test]
    fn no_filled_value_is_lost_but_the_unchosen_side(kept in any_data(), other in any_data(), picks in proptest::collection::vec(any::<bool>(), 32)) {
        let owned = fields();
        let fs: Vec<&CustomField> = owned.iter().collect();
        let preview = MergePreview::of(&kept, &other, &fs);
        let mut choices = MergeChoices::default();
        for (field, pick) in preview.conflicts().zip(&picks) {
            choices.choose(field, if *pick { Side::Other } else { Side::Kept });
        }
        let merged = merge(&kept, &other, &choices, &fs).expect("valid inputs merge");
        for f in F::all() {
            prop_assert_eq!(merged.get(f), expected(kept.get(f), other.get(f), choices.side(EditedField::Default(f))), "{:?}", f);
        }
        for owned in &owned {
            let id = owned.id;
            prop_assert_eq!(merged.custom_value(id), expected(kept.custom_value(id), other.custom_value(id), choices.side(EditedField::Custom(id))));
        }
        let dropped: Vec<PhoneNumber> = MergePreview::with_choices(&kept, &other, &choices, &fs).warnings.into_iter().flat_map(|w| match w {
            MergeWarning::PhonesDropped(numbers) => numbers,
            MergeWarning::CustomValuesDropped(_) => Vec::new(),
        }).collect();
        let mut all_numbers: Vec<&str> = [F::Phone, F::Mobile].iter().flat_map(|f| [kept.get(*f), other.get(*f)]).flatten().collect();
        all_numbers.extend(kept.additional_phones().iter().chain(other.additional_phones()).map(|p| p.number.as_str()));
        for number in all_numbers {
            let kept_somewhere = merged.get(F::Phone) == Some(number) || merged.get(F::Mobile) == Some(number)
                || merged.additional_phones().iter().any(|p| p.number.as_str() == number)
                || dropped.iter().any(|p| p.as_str() == number);
            prop_assert!(kept_somewhere, "{} lost", number);
        }
        prop_assert_eq!(&merged.additional_phones()[..kept.additional_phones().len()], kept.additional_phones());
        for tag in kept.tags().iter().chain(other.tags()) {
            prop_assert!(merged.has_tag(*tag));
        }
        prop_assert_eq!(&preview.tags[..], merged.tags());
        // The result is what a form would save again.
        prop_assert_eq!(draft_of(&merged).validate_with(&fs).map(|(_, d)| d), Ok(merged.clone()));
    }

    #[test]
    fn merging_a_contact_with_its_copy_changes_nothing(a in any_data()) {
        let owned = fields();
        let fs: Vec<&CustomField> = owned.iter().collect();
        prop_assert_eq!(merge(&a, &a, &MergeChoices::default(), &fs), Ok(a.clone()));
        prop_assert!(MergePreview::of(&a, &a, &fs).rows.iter().all(|r| r.outcome == RowOutcome::Agree));
    }
}

#[test]
fn custom_values_follow_the_choices() {
    let owned = fields();
    let fs: Vec<&CustomField> = owned.iter().collect();
    let kept = data(&[(F::FirstName, "Anna")], &[(3, "Gold")], &fs);
    let other = data(&[(F::FirstName, "Anna")], &[(1, "7"), (3, "Silver")], &fs);
    let mut choices = MergeChoices::default();
    choices.choose(EditedField::Custom(FieldId::new(3)), Side::Other);
    let merged = merge(&kept, &other, &choices, &fs).expect("merges");
    assert_eq!(merged.custom_value(FieldId::new(3)), Some(&FieldValue::Choice("Silver".into())));
    assert_eq!(merged.custom_value(FieldId::new(1)).map(FieldValue::to_text), Some("7".to_owned()));
}
