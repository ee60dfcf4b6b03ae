//! What a merge and its undo need from an open Edit Contact form: whether it holds
//! unsaved changes (then both are refused, so nothing typed is silently replaced; the
//! form's own tracking, `Unsaved`, knows) and a way to show the stored contact again
//! afterwards (the form keeps its own draft from when it was rendered). The Edit page
//! provides it; elsewhere (Find duplicates) there is no form and `find` gives `None`.

use leptos::prelude::*;

use crate::domain::ContactId;
use crate::ui::app::Unsaved;

/// Said when a merge or undo would replace unsaved changes.
pub const UNSAVED_CHANGES: &str = "This form has unsaved changes: save them first (or leave the page to discard them), then merge or undo.";

#[derive(Clone, Copy)]
pub struct EditedForm {
    contact: ContactId,
    unsaved: Unsaved,
    /// Bumped to render the form again from the stored contact.
    generation: RwSignal<u64>,
}

impl EditedForm {
    /// Provides the guard of the form of `contact`.
    pub fn provide(contact: ContactId) -> Self {
        let this = EditedForm { contact, unsaved: Unsaved::get(), generation: RwSignal::new(0) };
        provide_context(this);
        this
    }

    /// The guard of the open form of `contact`, if there is one. Call it while the
    /// component is built (contexts are not reachable from a task).
    pub fn find(contact: ContactId) -> Option<Self> {
        use_context::<EditedForm>().filter(|f| f.contact == contact)
    }

    /// The render key of the form (tracked).
    pub fn generation(self) -> u64 {
        self.generation.get()
    }

    /// `Err` with the words to show when the form holds unsaved changes.
    pub fn check_clean(self) -> Result<(), &'static str> {
        if self.unsaved.any() {
            return Err(UNSAVED_CHANGES);
        }
        Ok(())
    }

    /// Renders the form again from the stored contact (after a merge or an undo): a
    /// new draft, with nothing unsaved.
    pub fn reload(self) {
        self.generation.try_update(|g| *g += 1);
    }
}
