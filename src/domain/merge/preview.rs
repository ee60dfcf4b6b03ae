//! The side-by-side preview a merge dialog shows before OK.

use super::apply::{other_values_outside, united_phones};
use super::{form_order, MergeChoices, Side};
use crate::domain::contact::{ContactData, LabeledPhone};
use crate::domain::custom_field::{CustomField, FieldId};
use crate::domain::field::ContactField;
use crate::domain::journey::EditedField;
use crate::domain::phone::PhoneNumber;
use crate::domain::tag::TagId;

/// How one field's values compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowOutcome {
    /// Both hold the same value.
    Agree,
    /// Only this side has a value: it is taken, there is nothing to choose.
    Taken(Side),
    /// Both have a value and they differ: the user picks (the kept one preselected).
    Conflict,
}

/// One field of the preview, with each side's value as stored (phones in WhatsApp
/// form, dates as yyyy-mm-dd, custom values as a form shows them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeRow {
    pub field: EditedField,
    pub kept: Option<String>,
    pub other: Option<String>,
    pub outcome: RowOutcome,
}

/// What the merge cannot keep, said before OK.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeWarning {
    /// Numbers that would go to the additional phones but exceed their maximum
    /// (`MAX_ADDITIONAL_PHONES`): they are not kept.
    PhonesDropped(Vec<PhoneNumber>),
    /// Values of the other contact for custom fields the kept contact's list lacks.
    CustomValuesDropped(Vec<FieldId>),
}

/// Every field either contact has a value for: default fields in form order, then
/// custom fields (the kept contact's list's, then globals); and the warnings for the
/// choices it was made with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergePreview {
    pub rows: Vec<MergeRow>,
    /// The merged additional phones (united, then numbers that lost a conflict).
    pub additional_phones: Vec<LabeledPhone>,
    /// Both contacts' tags, sorted.
    pub tags: Vec<TagId>,
    pub warnings: Vec<MergeWarning>,
}

impl MergePreview {
    /// The preview with every conflict resolved for the kept contact. `fields`: the
    /// custom fields of the kept contact's list and the global ones.
    pub fn of(kept: &ContactData, other: &ContactData, fields: &[&CustomField]) -> Self {
        Self::with_choices(kept, other, &MergeChoices::default(), fields)
    }

    /// The same rows with the warnings for `choices` (a phone conflict decided for the
    /// other side moves the kept number to the additional phones, if there is room).
    pub fn with_choices(kept: &ContactData, other: &ContactData, choices: &MergeChoices, fields: &[&CustomField]) -> Self {
        let defaults = ContactField::all().map(|f| row(EditedField::Default(f), kept.get(f).map(str::to_owned), other.get(f).map(str::to_owned)));
        let custom = form_order(fields).into_iter().map(|f| {
            let text = |data: &ContactData| data.custom_value(f.id).map(|v| v.to_text());
            row(EditedField::Custom(f.id), text(kept), text(other))
        });
        let rows = defaults.chain(custom).flatten().collect();
        let mut warnings = Vec::new();
        let (additional_phones, dropped) = united_phones(kept, other, choices);
        if !dropped.is_empty() {
            warnings.push(MergeWarning::PhonesDropped(dropped));
        }
        let outside = other_values_outside(other, fields);
        if !outside.is_empty() {
            warnings.push(MergeWarning::CustomValuesDropped(outside));
        }
        let mut tags = [kept.tags(), other.tags()].concat();
        tags.sort();
        tags.dedup();
        Self { rows, additional_phones, tags, warnings }
    }

    /// The fields the user may choose for.
    pub fn conflicts(&self) -> impl Iterator<Item = EditedField> + '_ {
        self.rows.iter().filter(|r| r.outcome == RowOutcome::Conflict).map(|r| r.field)
    }
}

/// The row for one field; `None` when neither side has a value.
fn row(field: EditedField, kept: Option<String>, other: Option<String>) -> Option<MergeRow> {
    let outcome = match (&kept, &other) {
        (None, None) => return None,
        (Some(_), None) => RowOutcome::Taken(Side::Kept),
        (None, Some(_)) => RowOutcome::Taken(Side::Other),
        (Some(k), Some(o)) if k == o => RowOutcome::Agree,
        (Some(_), Some(_)) => RowOutcome::Conflict,
    };
    Some(MergeRow { field, kept, other, outcome })
}
