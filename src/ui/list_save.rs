//! What the list forms do with a failed save: a list error goes under the name field.

use leptos::prelude::*;

use super::focus::focus_id;
use super::state::{ActionError, AppState};
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
