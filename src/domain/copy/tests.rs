//! Copying into another list: what is listed before confirming, required fields.

use std::collections::BTreeMap;

use super::*;
use crate::domain::contact::DraftPath;
use crate::domain::custom_field::{FieldScope, FieldType, FieldValue};
use crate::domain::field::ContactField as F;
use crate::domain::ids::ListId;
use crate::domain::merge::tests::{data, field};

const SOURCE: ListId = ListId::new(1);
const TARGET: ListId = ListId::new(2);

struct Lists {
    global: CustomField,
    source_note: CustomField,
    target_code: CustomField,
    target_flag: CustomField,
    target_optional: CustomField,
}

fn lists() -> Lists {
    Lists {
        global: field(1, FieldScope::Global, FieldType::Number, false),
        source_note: field(2, FieldScope::List(SOURCE), FieldType::Text, false),
        target_code: field(3, FieldScope::List(TARGET), FieldType::Number, true),
        // A required switch is satisfied by "off": nothing to ask.
        target_flag: field(4, FieldScope::List(TARGET), FieldType::Switch, true),
        target_optional: field(5, FieldScope::List(TARGET), FieldType::Text, false),
    }
}

fn source(l: &Lists) -> ContactData {
    data(&[(F::FirstName, "Anna"), (F::Phone, "+39 333 123 4567")], &[(1, "2.5"), (2, "met at the fair")], &[&l.global, &l.source_note])
}

#[test]
fn the_plan_lists_dropped_values_and_required_fields_to_fill() {
    let l = lists();
    let target = [&l.global, &l.target_code, &l.target_flag, &l.target_optional];
    let plan = CopyPlan::new(&source(&l), &target);
    assert_eq!(plan.dropped, vec![DroppedValue { field: l.source_note.id, value: "met at the fair".into() }]);
    assert_eq!(plan.dropped[0].field_name(&[&l.source_note]), "Field 2");
    assert_eq!(plan.to_fill, vec![l.target_code.id]);
    assert_eq!(plan.fields_to_fill().map(|f| f.id).collect::<Vec<_>>(), vec![l.target_code.id]);
}

#[test]
fn the_copy_keeps_globals_drops_the_source_lists_values_and_checks_what_was_filled() {
    let l = lists();
    let target = [&l.global, &l.target_code, &l.target_flag];
    let plan = CopyPlan::new(&source(&l), &target);
    let errors = plan.apply(&BTreeMap::new()).expect_err("a required field is empty");
    assert!(errors.message_for(DraftPath::Custom(l.target_code.id)).is_some(), "{errors}");
    let errors = plan.apply(&BTreeMap::from([(l.target_code.id, "many".to_owned())])).expect_err("not a number");
    assert!(errors.message_for(DraftPath::Custom(l.target_code.id)).is_some(), "{errors}");
    let copy = plan.apply(&BTreeMap::from([(l.target_code.id, "42".to_owned())])).expect("valid");
    assert_eq!(copy.first_name(), "Anna");
    assert_eq!(copy.get(F::Phone), Some("393331234567"));
    assert_eq!(copy.custom_value(l.global.id).map(FieldValue::to_text), Some("2.5".to_owned()));
    assert_eq!(copy.custom_value(l.source_note.id), None);
    assert_eq!(copy.custom_value(l.target_code.id).map(FieldValue::to_text), Some("42".to_owned()));
    // What a form of the target list would accept, unchanged.
    let mut draft = crate::domain::merge::draft_of(&copy);
    draft.list_id = Some(TARGET);
    assert_eq!(draft.validate_with(&target).map(|(_, d)| d), Ok(copy));
}

#[test]
fn a_contact_with_every_required_value_copies_without_questions() {
    let l = lists();
    let target = [&l.global, &l.target_optional];
    let plan = CopyPlan::new(&source(&l), &target);
    assert!(plan.to_fill.is_empty());
    let copy = plan.apply(&BTreeMap::new()).expect("valid");
    assert_eq!(copy.custom_values().len(), 1);
}
