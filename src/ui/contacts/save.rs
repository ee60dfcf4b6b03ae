//! What the contact forms do with the outcome of a save: errors go next to their
//! fields (and focus moves to the first), anything else is told in the notice area.

use crate::domain::contact::DraftPath;
use crate::domain::{ContactErrors, WorkspaceError};
use leptos::prelude::*;

use crate::ui::kit::focus_id;
use crate::ui::app::{ActionError, AppState};

/// The element id of the input a draft error belongs to.
pub fn input_id(path: DraftPath) -> String {
    match path {
        DraftPath::List => "field-list".to_string(),
        DraftPath::Field(field) => format!("field-{}", field.key()),
        DraftPath::AdditionalPhone(i) => format!("field-additional_phone-{i}-number"),
        DraftPath::Custom(field) => format!("field-custom-{}", field.get()),
    }
}

/// Shows a failed save. Returns nothing: success is the caller's business.
pub fn show_failure(state: AppState, errors: RwSignal<ContactErrors>, err: ActionError) {
    match err {
        ActionError::Rejected(WorkspaceError::Contact(found)) => {
            if let Some((path, _)) = found.0.first() {
                let id = input_id(*path);
                request_animation_frame(move || focus_id(&id));
            }
            errors.set(found);
        }
        ActionError::Rejected(WorkspaceError::UnknownList(_)) => {
            errors.set(ContactErrors(vec![(DraftPath::List, "that list no longer exists: choose another".to_string())]));
            request_animation_frame(|| focus_id("field-list"));
        }
        // Storage failures were already shown (and the workspace reloaded).
        ActionError::Storage(_) => {}
        other => state.error(other.to_string()),
    }
}
