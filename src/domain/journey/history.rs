//! The contact's own history, which the journey's "History" view shows beside its
//! interactions: when the record was created, imported, edited, tagged, merged into
//! or duplicated.

use serde::{Deserialize, Serialize};

use crate::domain::contact::ContactData;
use crate::domain::custom_field::{CustomField, FieldId};
use crate::domain::field::ContactField;
use crate::domain::ids::{ContactId, ListId, Timestamp};
use crate::domain::import_batch::BatchId;
use crate::domain::merge::MergeRecord;
use crate::domain::tag::TagId;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEvent {
    pub contact: ContactId,
    pub at: Timestamp,
    pub kind: HistoryKind,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HistoryKind {
    Created,
    Imported { batch: BatchId },
    /// `fields`: the labels of the fields that changed, as they were named then (a
    /// custom field may be renamed or deleted later).
    Edited { fields: Vec<String> },
    Tagged { added: Vec<TagId>, removed: Vec<TagId> },
    /// Written by no command (merges write `MergedIn`); kept so stored bytes keep
    /// their variant numbers.
    Merged { from: ContactId },
    /// This contact was copied into another list.
    Duplicated { to_list: ListId },
    /// Another contact was merged into this one, with what undoing it needs.
    MergedIn(Box<MergeRecord>),
    /// This contact was copied from `contact`, of `list`.
    CopiedFrom { contact: ContactId, list: ListId },
}

/// A field an edit changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EditedField {
    Default(ContactField),
    AdditionalPhones,
    Custom(FieldId),
}

impl EditedField {
    /// The name people know the field by; a custom field missing from `custom` (deleted
    /// since) is named by its number.
    pub fn label(self, custom: &[&CustomField]) -> String {
        match self {
            EditedField::Default(field) => field.label().to_owned(),
            EditedField::AdditionalPhones => "Additional phones".to_owned(),
            EditedField::Custom(id) => match custom.iter().find(|f| f.id == id) {
                Some(field) => field.alias.to_string(),
                None => format!("Custom field {}", id.get()),
            },
        }
    }
}

/// The fields whose values differ between `before` and `after`: default fields in form
/// order, then additional phones, then custom fields by id. Tags are left out: a tag
/// change is a `Tagged` event of its own.
pub fn edited_fields(before: &ContactData, after: &ContactData) -> Vec<EditedField> {
    let mut out: Vec<EditedField> = ContactField::all().filter(|f| before.get(*f) != after.get(*f)).map(EditedField::Default).collect();
    if before.additional_phones() != after.additional_phones() {
        out.push(EditedField::AdditionalPhones);
    }
    let mut custom: Vec<FieldId> = before.custom_values().iter().chain(after.custom_values()).map(|(id, _)| *id).collect();
    custom.sort();
    custom.dedup();
    out.extend(custom.into_iter().filter(|id| before.custom_value(*id) != after.custom_value(*id)).map(EditedField::Custom));
    out
}

/// `edited_fields` as the labels an `Edited` event keeps.
pub fn edited_field_labels(before: &ContactData, after: &ContactData, custom: &[&CustomField]) -> Vec<String> {
    edited_fields(before, after).into_iter().map(|f| f.label(custom)).collect()
}
