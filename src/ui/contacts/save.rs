//! What the contact forms share: the draft, its errors and the save. A refusal goes
//! next to its fields (and focus moves to the first); success is the form's business.

use leptos::prelude::*;

use crate::domain::contact::DraftPath;
use crate::domain::{Change, ContactDraft, ContactErrors, Timestamp, Workspace, WorkspaceError};
use crate::ui::app::{AppState, Collection, Command, Edited};
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
    /// The draft beside what is stored.
    pub edited: Edited<ContactDraft>,
    state: AppState,
}

impl ContactForm {
    pub fn new(initial: ContactDraft) -> Self {
        let edited = Edited::new(initial);
        let form = ContactForm { draft: edited.draft, errors: RwSignal::new(ContactErrors::default()), save: Command::new(), edited, state: AppState::get() };
        form.clear_errors_when_right();
        form
    }

    /// An error shown after a save goes as soon as its value is right, not at the
    /// next save (no new one appears while typing).
    fn clear_errors_when_right(self) {
        let (draft, errors, state) = (self.draft, self.errors, self.state);
        Effect::new(move |_| {
            draft.track();
            if errors.with_untracked(|e| e.0.is_empty()) {
                return;
            }
            let left = draft.with_untracked(|d| errors.with_untracked(|shown| state.read(&[Collection::Fields, Collection::Lists], |ws| ws.errors_left(d, shown))));
            if errors.with_untracked(|shown| *shown != left) {
                errors.set(left);
            }
        });
    }

    /// The form's save with `command`, then `on_saved`: returns the submit handler;
    /// leaving the form while it holds changes asks first, and its answer Save runs
    /// the same save before going on.
    pub fn saving<C, S>(self, command: C, on_saved: S) -> impl Fn(leptos::ev::SubmitEvent) + 'static
    where
        C: Fn(&mut Workspace, Timestamp, &ContactDraft) -> Result<Change, WorkspaceError> + Clone + Send + Sync + 'static,
        S: Fn() + Clone + Send + Sync + 'static,
    {
        let store = move |then: Option<Callback<()>>| {
            let on_saved = on_saved.clone();
            self.store(command.clone(), move || {
                on_saved();
                if let Some(then) = then {
                    then.run(());
                }
            })
        };
        let asked = store.clone();
        self.edited.guard(move |then| asked(Some(then)));
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            store(None);
        }
    }

    /// Saves the draft with `command`; once stored the form is clean, then `on_saved`.
    fn store(
        self,
        command: impl FnOnce(&mut Workspace, Timestamp, &ContactDraft) -> Result<Change, WorkspaceError> + 'static,
        on_saved: impl FnOnce() + 'static,
    ) {
        let current = self.draft.get_untracked();
        // What is stored is what was sent, even if the user typed on meanwhile.
        let sent = current.clone();
        self.save.run(
            move |ws, now| command(ws, now, &current),
            move |result| match result {
                Ok(()) => {
                    self.edited.stored(sent);
                    on_saved()
                }
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
