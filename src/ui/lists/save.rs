//! What the list forms do with a failed save: a list error goes under the name field.

use leptos::prelude::*;

use crate::ui::kit::focus_id;
use crate::ui::app::{ActionError, AppState};
use crate::domain::WorkspaceError;

pub fn show_failure(state: AppState, name_error: RwSignal<Option<String>>, err: ActionError) {
    match err {
        ActionError::Rejected(WorkspaceError::List(e)) => {
            name_error.set(Some(e.to_string()));
            request_animation_frame(|| focus_id("list-name"));
        }
        ActionError::Storage(_) => {}
        other => state.error(other.to_string()),
    }
}

/// The Settings tab: a bad dial prefix is told next to its own field.
pub fn show_settings_failure(
    state: AppState,
    name_error: RwSignal<Option<String>>,
    prefix_error: RwSignal<Option<String>>,
    err: ActionError,
) {
    prefix_error.set(None);
    match err {
        ActionError::Rejected(WorkspaceError::List(e @ crate::domain::ListError::BadDialPrefix { .. })) => {
            name_error.set(None);
            prefix_error.set(Some(e.to_string()));
            request_animation_frame(|| focus_id("list-dial-prefix"));
        }
        other => show_failure(state, name_error, other),
    }
}
