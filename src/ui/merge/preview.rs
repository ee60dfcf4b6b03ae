//! What the merge preview shows, in words: each field's two values and how they
//! compare (`compare`), and what both contacts give together for the user's choices
//! (`united`: additional phones, tags, what cannot be kept).

use crate::domain::journey::EditedField;
use crate::domain::merge::{MergeChoices, MergePreview, MergeWarning, RowOutcome};
use crate::domain::trash::contact_name;
use crate::domain::{Contact, ContactId, FieldKind, Workspace, WorkspaceError};
use crate::ui::kit::phone_display;

/// One field of the preview.
#[derive(Clone, PartialEq)]
pub struct Row {
    pub field: EditedField,
    /// For element ids and tests ("email", "custom-3").
    pub key: String,
    pub label: String,
    pub kept: Option<String>,
    pub other: Option<String>,
    pub outcome: RowOutcome,
}

/// The two contacts side by side.
#[derive(Clone, PartialEq)]
pub struct Compared {
    pub kept_name: String,
    pub other_name: String,
    pub rows: Vec<Row>,
}

/// What both contacts give together, and what is lost, for some choices.
#[derive(Clone, PartialEq, Default)]
pub struct United {
    pub phones: Vec<String>,
    pub tags: Vec<String>,
    pub warnings: Vec<String>,
}

/// The preview of merging `other` into `kept`; refused in words (the same contact, one
/// of them gone).
pub fn compare(ws: &Workspace, kept: ContactId, other: ContactId) -> Result<Compared, WorkspaceError> {
    let preview = ws.merge_preview(kept, other)?;
    let (k, o) = both(ws, kept, other).ok_or(WorkspaceError::UnknownContact(other))?;
    let fields = ws.fields_for(k.list_id);
    let rows = preview
        .rows
        .into_iter()
        .map(|r| {
            let shown = |v: Option<String>| v.map(|v| value_text(r.field, v));
            Row { field: r.field, key: field_key(r.field), label: r.field.label(&fields), kept: shown(r.kept), other: shown(r.other), outcome: r.outcome }
        })
        .collect();
    Ok(Compared { kept_name: contact_name(&k.data), other_name: contact_name(&o.data), rows })
}

/// The united phones and tags and the warnings for `choices`; empty when a contact is gone.
pub fn united(ws: &Workspace, kept: ContactId, other: ContactId, choices: &MergeChoices) -> United {
    let Some((k, o)) = both(ws, kept, other) else { return United::default() };
    let fields = ws.fields_for(k.list_id);
    let preview = MergePreview::with_choices(&k.data, &o.data, choices, &fields);
    let phones = preview.additional_phones.iter().map(|p| format!("{} ({})", phone_display(p.number.as_str()), p.label)).collect();
    let tags = preview.tags.iter().filter_map(|t| ws.tag(*t)).map(|t| t.name.to_string()).collect();
    let (kept_name, other_name) = (contact_name(&k.data), contact_name(&o.data));
    let warnings = preview
        .warnings
        .iter()
        .map(|w| match w {
            MergeWarning::PhonesDropped(numbers) => {
                let numbers = numbers.iter().map(|n| phone_display(n.as_str())).collect::<Vec<_>>().join(", ");
                format!("Not kept: {numbers}. {kept_name} has no room left for more additional phones.")
            }
            MergeWarning::CustomValuesDropped(ids) => {
                let names = ids.iter().map(|id| EditedField::Custom(*id).label(&ws.fields_for(o.list_id))).collect::<Vec<_>>().join(", ");
                format!("Not kept: {other_name}'s {names}. {kept_name}'s list has no such field.")
            }
        })
        .collect();
    United { phones, tags, warnings }
}

fn both(ws: &Workspace, kept: ContactId, other: ContactId) -> Option<(&Contact, &Contact)> {
    Some((ws.contact(kept)?, ws.contact(other)?))
}

/// A stable name of the field for element ids.
fn field_key(field: EditedField) -> String {
    match field {
        EditedField::Default(f) => f.key().to_owned(),
        EditedField::AdditionalPhones => "additional_phones".to_owned(),
        EditedField::Custom(id) => format!("custom-{}", id.get()),
    }
}

/// A value as people read it (phones are stored in WhatsApp form).
fn value_text(field: EditedField, value: String) -> String {
    match field {
        EditedField::Default(f) if f.kind() == FieldKind::Phone => phone_display(&value),
        _ => value,
    }
}
