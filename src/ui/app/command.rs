//! The one way a view runs a user action that changes the workspace: `run` it, show
//! `pending` on its button. What every action handles the same way is handled here:
//! a second click while one is running does nothing; a storage failure (already told
//! and the workspace reloaded by `AppState::apply`), "busy" and "closed" end up in the
//! notice area. The caller sees only the value or the domain's refusal.

use leptos::prelude::*;

use crate::domain::{Timestamp, Workspace, WorkspaceError};

use crate::persist::IntoApplied;

use super::state::{ActionError, AppState};

#[derive(Clone, Copy)]
pub struct Command {
    state: AppState,
    pending: RwSignal<bool>,
}

impl Command {
    pub fn new() -> Self {
        Command { state: AppState::get(), pending: RwSignal::new(false) }
    }

    /// True while the action runs (tracked: use it for `disabled`).
    pub fn pending(self) -> bool {
        self.pending.get()
    }

    /// Runs `command` unless this action is still running, then calls `done` with its
    /// value or the domain's refusal.
    pub fn run<O, C, D>(self, command: C, done: D)
    where
        O: IntoApplied + 'static,
        C: FnOnce(&mut Workspace, Timestamp) -> Result<O, WorkspaceError> + 'static,
        D: FnOnce(Result<O::Value, WorkspaceError>) + 'static,
    {
        if self.pending.get_untracked() {
            return;
        }
        self.pending.set(true);
        let state = self.state;
        leptos::task::spawn_local(async move {
            let result = state.apply(command).await;
            // The view that ran it may be gone (its dialog closed meanwhile).
            self.pending.try_set(false);
            match result {
                Ok(value) => done(Ok(value)),
                Err(ActionError::Rejected(err)) => done(Err(err)),
                // Already told, and the workspace reloaded, by `apply`.
                Err(ActionError::Storage(_)) => {}
                Err(other) => state.error(other.to_string()),
            }
        });
    }
}
