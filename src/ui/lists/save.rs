//! What the list forms share: the draft, the errors shown next to its fields, and the
//! save. A list error goes under the name, a bad dial prefix under its own field.

use leptos::prelude::*;

use crate::domain::{Change, ListDraft, ListError, Timestamp, Workspace, WorkspaceError};
use crate::ui::app::{AppState, Command, Edited};
use crate::ui::kit::focus_id;

#[derive(Clone, Copy)]
pub struct ListForm {
    pub draft: RwSignal<ListDraft>,
    pub name_error: RwSignal<Option<String>>,
    pub prefix_error: RwSignal<Option<String>>,
    pub save: Command,
    /// The draft beside what is stored.
    pub edited: Edited<ListDraft>,
    state: AppState,
}

impl ListForm {
    pub fn new(initial: ListDraft) -> Self {
        let edited = Edited::new(initial);
        ListForm { draft: edited.draft, name_error: RwSignal::new(None), prefix_error: RwSignal::new(None), save: Command::new(), edited, state: AppState::get() }
    }

    /// Saves the draft with `command`, then `on_saved`.
    pub fn submit(
        self,
        command: impl FnOnce(&mut Workspace, Timestamp, &ListDraft) -> Result<Change, WorkspaceError> + 'static,
        on_saved: impl FnOnce() + 'static,
    ) {
        let current = self.draft.get_untracked();
        let sent = current.clone();
        self.save.run(
            move |ws, now| command(ws, now, &current),
            move |result| match result {
                Ok(()) => {
                    self.edited.stored(sent);
                    self.name_error.set(None);
                    self.prefix_error.set(None);
                    on_saved();
                }
                Err(err) => self.show_failure(err),
            },
        );
    }

    /// Leaving the form while it holds changes asks first; the answer Save submits
    /// with `command`.
    pub fn guard(
        self,
        command: impl Fn(&mut Workspace, Timestamp, &ListDraft) -> Result<Change, WorkspaceError> + Clone + Send + Sync + 'static,
        on_saved: impl Fn() + Clone + Send + Sync + 'static,
    ) {
        self.edited.guard(move |then| {
            let on_saved = on_saved.clone();
            self.submit(command.clone(), move || {
                on_saved();
                then.run(());
            })
        });
    }

    fn show_failure(self, err: WorkspaceError) {
        self.prefix_error.set(None);
        match err {
            WorkspaceError::List(e @ ListError::BadDialPrefix { .. }) => {
                self.name_error.set(None);
                self.prefix_error.set(Some(e.to_string()));
                request_animation_frame(|| focus_id("list-dial-prefix"));
            }
            WorkspaceError::List(e) => {
                self.name_error.set(Some(e.to_string()));
                request_animation_frame(|| focus_id("list-name"));
            }
            other => self.state.error(other.to_string()),
        }
    }
}
