//! Copying a contact into another list (issue 13, part 2): what the copy loses and
//! what it still needs, said before the user confirms, then the copy's data.
//!
//! The command records where the copy came from (a `Duplicated` history event) and
//! should mark the pair in `NotDuplicates`, so the duplicate finder leaves deliberate
//! copies alone.

use std::collections::BTreeMap;

use crate::domain::contact::{ContactData, ContactErrors, PhoneRules};
use crate::domain::custom_field::{CustomField, FieldId};
use crate::domain::journey::EditedField;
use crate::domain::merge::{draft_of, form_order};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

/// A custom value the target list has no field for: listed before confirming.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DroppedValue {
    pub field: FieldId,
    /// The value as a form shows it.
    pub value: String,
}

impl DroppedValue {
    /// The field's name among `fields` (the source list's and the globals); a field
    /// missing there is named by its number.
    pub fn field_name(&self, fields: &[&CustomField]) -> String {
        EditedField::Custom(self.field).label(fields)
    }
}

/// What copying one contact into a list involves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CopyPlan {
    source: ContactData,
    /// The target list's custom fields and the global ones, in form order.
    target_fields: Vec<CustomField>,
    /// Values the copy will not have.
    pub dropped: Vec<DroppedValue>,
    /// Required fields of the target list the contact has no value for: the dialog
    /// asks for them.
    pub to_fill: Vec<FieldId>,
}

impl CopyPlan {
    /// `target_fields`: the custom fields a form of the target list validates against
    /// (its own and the globals).
    pub fn new(source: &ContactData, target_fields: &[&CustomField]) -> CopyPlan {
        let ordered = form_order(target_fields);
        let dropped = source
            .custom_values()
            .iter()
            .filter(|(id, _)| !ordered.iter().any(|f| f.id == *id))
            .map(|(field, value)| DroppedValue { field: *field, value: value.to_text() })
            .collect();
        // An empty switch counts as "off", which satisfies "required": only fields whose
        // empty value is refused need filling.
        let to_fill = ordered
            .iter()
            .filter(|f| source.custom_value(f.id).is_none() && f.parse_value("").is_err())
            .map(|f| f.id)
            .collect();
        Self { source: source.clone(), target_fields: ordered.into_iter().cloned().collect(), dropped, to_fill }
    }

    /// The fields to fill, as definitions (for the dialog's inputs).
    pub fn fields_to_fill(&self) -> impl Iterator<Item = &CustomField> {
        self.target_fields.iter().filter(|f| self.to_fill.contains(&f.id))
    }

    /// The copy's data, as a form of the target list would save it: the source's
    /// values for the target's fields, the `filled` ones (text typed in the dialog,
    /// keyed by field) over them, every value checked against the target's fields and
    /// the values the target lacks dropped. Errors sit at `DraftPath::Custom(field)`.
    pub fn apply(&self, filled: &BTreeMap<FieldId, String>) -> Result<ContactData, ContactErrors> {
        let mut draft = draft_of(&self.source);
        draft.custom.extend(filled.iter().map(|(id, text)| (*id, text.clone())));
        let fields: Vec<&CustomField> = self.target_fields.iter().collect();
        Ok(draft.validate_in(&fields, PhoneRules::asking(None))?.data)
    }
}
