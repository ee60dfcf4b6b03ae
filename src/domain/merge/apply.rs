//! Applying the merge rule: the kept contact's draft, with the other contact's values
//! where it has the only one or the user chose it, validated as a form's would be.

use std::collections::HashSet;

use super::{draft_of, MergeChoices, MergeError, Side};
use crate::domain::contact::{ContactData, LabeledPhone, PhoneDraft, PhoneRules, MAX_ADDITIONAL_PHONES};
use crate::domain::custom_field::{CustomField, FieldId};
use crate::domain::field::{ContactField, FieldKind};
use crate::domain::journey::EditedField;
use crate::domain::phone::PhoneNumber;

/// The label of a number that lost a phone conflict and moved to the additional phones.
pub const LOSING_PHONE_LABEL: &str = "From merge";

/// `other` merged into `kept`: every filled value of either survives unless the user
/// chose the other side of its conflict (a losing phone number moves to the additional
/// phones while they have room, see `MergePreview`'s warnings); additional phones and
/// tags united; custom values of `fields` (the kept contact's list's and the globals)
/// by the same rule; the kept contact's values of other fields stay, the other's go.
/// Errors only when the result fails the form's checks, which valid inputs do not
/// unless a required custom field is empty on both sides.
pub fn merge(kept: &ContactData, other: &ContactData, choices: &MergeChoices, fields: &[&CustomField]) -> Result<ContactData, MergeError> {
    let mut draft = draft_of(kept);
    let other_draft = draft_of(other);
    for field in ContactField::all() {
        if side_for(kept.get(field), other.get(field), choices.side(EditedField::Default(field))) == Side::Other {
            draft.set(field, other_draft.value(field));
        }
    }
    let (phones, _) = united_phones(kept, other, choices);
    draft.additional_phones = phones.iter().map(|p| PhoneDraft { label: p.label.to_string(), number: p.number.e164() }).collect();
    draft.tags.extend_from_slice(other.tags());
    // Custom values are copied as they are rather than re-read from text.
    draft.custom.clear();
    let validated = draft.validate_in(&[], PhoneRules::asking(None))?;
    let mut data = validated.data;
    let in_fields = |id: FieldId| fields.iter().any(|f| f.id == id);
    let custom_side = |id: FieldId| side_for(kept.custom_value(id), other.custom_value(id), choices.side(EditedField::Custom(id)));
    data.keep_custom_from(kept, |id| !in_fields(id) || custom_side(id) == Side::Kept);
    data.keep_custom_from(other, |id| in_fields(id) && custom_side(id) == Side::Other);
    Ok(data)
}

/// Whose value a field takes: the only one there is, or the chosen side when both
/// differ (agreeing values are the kept contact's).
fn side_for<T: PartialEq>(kept: Option<T>, other: Option<T>, chosen: Side) -> Side {
    match (kept, other) {
        (None, Some(_)) => Side::Other,
        (Some(k), Some(o)) if k != o => chosen,
        _ => Side::Kept,
    }
}

/// The merged additional phones: the kept contact's as they are, the other's numbers
/// not yet there, then the numbers that lost a phone conflict ("From merge"); with the
/// numbers that did not fit under `MAX_ADDITIONAL_PHONES`.
pub(super) fn united_phones(kept: &ContactData, other: &ContactData, choices: &MergeChoices) -> (Vec<LabeledPhone>, Vec<PhoneNumber>) {
    let mut present: HashSet<String> = HashSet::new();
    let mut losers = Vec::new();
    for field in ContactField::all().filter(|f| f.kind() == FieldKind::Phone) {
        let (k, o) = (kept.get(field), other.get(field));
        let (winner, loser) = match side_for(k, o, choices.side(EditedField::Default(field))) {
            Side::Kept => (k, o),
            Side::Other => (o, k),
        };
        present.extend(winner.map(str::to_owned));
        // Stored numbers are valid WhatsApp digits, which always parse back.
        losers.extend(loser.filter(|l| Some(*l) != winner).and_then(|l| PhoneNumber::parse(l).ok()));
    }
    let mut phones: Vec<LabeledPhone> = kept.additional_phones().to_vec();
    present.extend(phones.iter().map(|p| p.number.as_str().to_owned()));
    let losing = losers.into_iter().map(|number| LabeledPhone { label: LOSING_PHONE_LABEL.into(), number });
    let mut dropped = Vec::new();
    for phone in other.additional_phones().iter().cloned().chain(losing) {
        if !present.insert(phone.number.as_str().to_owned()) {
            continue;
        }
        if phones.len() < MAX_ADDITIONAL_PHONES {
            phones.push(phone);
        } else {
            dropped.push(phone.number);
        }
    }
    (phones, dropped)
}

/// The other contact's custom values for fields outside `fields`: they do not apply to
/// the kept contact's list and are not kept.
pub(super) fn other_values_outside(other: &ContactData, fields: &[&CustomField]) -> Vec<FieldId> {
    other.custom_values().iter().map(|(id, _)| *id).filter(|id| !fields.iter().any(|f| f.id == *id)).collect()
}
