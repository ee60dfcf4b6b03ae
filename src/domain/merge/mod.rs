//! Merging two contacts into the one the user keeps (issue 13, part 1).
//!
//! The rule: every filled value survives unless the user chose the other side of a
//! conflict. `MergePreview::of` lists, field by field, whether the two contacts agree,
//! whether only one has a value (it is taken, no choice) or both differ (a conflict,
//! the kept contact's value preselected); `merge` applies the user's `MergeChoices`.
//! Additional phones and tags are united; a phone that loses a conflict moves to the
//! additional phones ("From merge") so no number is lost, while there is room.
//!
//! Plain data in, data out: moving interactions, history and the merge journal is the
//! command's job, as is refusing to merge a contact with itself (`check_distinct`).

use std::collections::HashMap;

use crate::domain::contact::{Contact, ContactData, ContactDraft, ContactErrors};
use crate::domain::custom_field::{CustomField, FieldScope};
use crate::domain::ids::{ContactId, ListId, Timestamp};
use crate::domain::interaction::Activity;
use crate::domain::journey::EditedField;

mod apply;
mod preview;
mod record;
// Its helpers serve the copy tests too.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod tests;

pub use apply::{merge, LOSING_PHONE_LABEL};
pub use preview::{MergePreview, MergeRow, MergeWarning, RowOutcome};
pub use record::MergeRecord;

/// Which contact a field's value comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Side {
    /// The contact the user keeps (preselected).
    #[default]
    Kept,
    /// The contact merged into it.
    Other,
}

/// The user's pick per conflicting field; a field not chosen keeps the kept contact's
/// value. Choices for fields that are not in conflict change nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeChoices(HashMap<EditedField, Side>);

impl MergeChoices {
    pub fn choose(&mut self, field: EditedField, side: Side) {
        self.0.insert(field, side);
    }
    pub fn side(&self, field: EditedField) -> Side {
        self.0.get(&field).copied().unwrap_or_default()
    }
}

/// Why a merge cannot be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error("a contact cannot be merged with itself")]
    SameContact,
    /// The merged values do not pass the form's checks (e.g. a required custom field
    /// neither contact has).
    #[error("the merged contact is not valid: {0}")]
    Invalid(#[from] ContactErrors),
    /// Undo would no longer be exact: the kept contact was edited, or interactions
    /// were logged or closed on it, after the merge.
    #[error("{0} was changed after the merge, so the merge can no longer be undone")]
    ChangedSince(String),
    #[error("the merge can no longer be undone: {0}")]
    CannotUndo(String),
}

/// The command's first check: two different contacts.
pub fn check_distinct(kept: ContactId, other: ContactId) -> Result<(), MergeError> {
    if kept == other {
        return Err(MergeError::SameContact);
    }
    Ok(())
}

/// The form draft showing `data`, so merged and copied values go through the same
/// validation a form's do (the list is a placeholder: callers keep only the data).
pub(crate) fn draft_of(data: &ContactData) -> ContactDraft {
    let at = Timestamp::from_millis(0);
    let contact = Contact { id: ContactId::new(0), list_id: ListId::new(0), created: at, updated: at, data: data.clone(), activity: Activity::default() };
    ContactDraft::from_contact(&contact)
}

/// Custom fields in the order a form shows them: the list's own first, then globals.
pub(crate) fn form_order<'f>(fields: &[&'f CustomField]) -> Vec<&'f CustomField> {
    let list_first = fields.iter().filter(|f| matches!(f.scope, FieldScope::List(_)));
    list_first.chain(fields.iter().filter(|f| f.scope == FieldScope::Global)).copied().collect()
}
