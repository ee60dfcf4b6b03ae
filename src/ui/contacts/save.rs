//! What the contact forms share: the draft, its errors and the save. A refusal goes
//! next to its fields (and focus moves to the first); success is the form's business.

use leptos::prelude::*;

use crate::domain::contact::DraftPath;
use crate::domain::{Change, ContactDraft, ContactErrors, Timestamp, Workspace, WorkspaceError};
use crate::ui::app::{AppState, Command};
use crate::ui::kit::focus_id;

/// The element id of the input a draft error belongs to.
pub fn input_id(path: DraftPath) -> String {
    match path {
        DraftPath::List => "field-list".to_string(),
        DraftPath::Field(field) => format!("field-{}", field.key()),
        DraftPath::AdditionalPhone(i) => format!("field-additional_phone-{i}-number"),
        DraftPath::Custom(field) => format!("field-custom-{}", field.get()),
    }
}

#[derive(Clone, Copy)]
pub struct ContactForm {
    pub draft: RwSignal<ContactDraft>,
    pub errors: RwSignal<ContactErrors>,
    pub save: Command,
    state: AppState,
}

impl ContactForm {
    pub fn new(initial: ContactDraft) -> Self {
        ContactForm {
            draft: RwSignal::new(initial),
            errors: RwSignal::new(ContactErrors::default()),
            save: Command::new(),
            state: AppState::get(),
        }
    }

    /// Submitting the form: saves the draft with `command`, then `on_saved`.
    pub fn submit(
        self,
        ev: leptos::ev::SubmitEvent,
        command: impl FnOnce(&mut Workspace, Timestamp, &ContactDraft) -> Result<Change, WorkspaceError> + 'static,
        on_saved: impl FnOnce() + 'static,
    ) {
        ev.prevent_default();
        let current = self.draft.get_untracked();
        self.save.run(
            move |ws, now| command(ws, now, &current),
            move |result| match result {
                Ok(()) => on_saved(),
                Err(err) => self.show_failure(err),
            },
        );
    }

    fn show_failure(self, err: WorkspaceError) {
        match err {
            WorkspaceError::Contact(found) => {
                if let Some((path, _)) = found.0.first() {
                    let id = input_id(*path);
                    request_animation_frame(move || focus_id(&id));
                }
                self.errors.set(found);
            }
            WorkspaceError::UnknownList(_) => {
                self.errors.set(ContactErrors(vec![(DraftPath::List, "that list no longer exists: choose another".to_string())]));
                request_animation_frame(|| focus_id("field-list"));
            }
            other => self.state.error(other.to_string()),
        }
    }
}
