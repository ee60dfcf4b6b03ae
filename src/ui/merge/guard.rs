//! What a merge and its undo need from an open Edit Contact form: whether it holds
//! unsaved changes (then both are refused, so nothing typed is silently replaced) and
//! a way to show the stored contact again afterwards (the form keeps its own draft from
//! when it was rendered). The Edit page provides it; elsewhere (Find duplicates) there
//! is no form and `find` gives `None`.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::ContactId;

/// Said when a merge or undo would replace unsaved changes.
pub const UNSAVED_CHANGES: &str = "This form has unsaved changes: save them first (or leave the page to discard them), then merge or undo.";

#[derive(Clone, Copy)]
pub struct EditedForm {
    contact: ContactId,
    dirty: RwSignal<bool>,
    /// Bumped to render the form again from the stored contact.
    generation: RwSignal<u64>,
}

impl EditedForm {
    /// Provides the guard of the form of `contact`.
    pub fn provide(contact: ContactId) -> Self {
        let this = EditedForm { contact, dirty: RwSignal::new(false), generation: RwSignal::new(0) };
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

    /// Called for `input`, `change` and `click` events inside the form: an edit of a
    /// field, or a button that adds or removes a phone or a tag, makes the form dirty.
    /// The head's buttons (Back, Merge…, Save) do not; dialogs opened from the form
    /// live in a portal, outside it.
    pub fn notice_event(self, ev: &web_sys::Event) {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let edits = match ev.type_().as_str() {
            "click" => target.closest(".card button").ok().flatten().is_some(),
            _ => true,
        };
        if edits {
            self.dirty.set(true);
        }
    }

    /// The stored contact changed (a save, a merge, an undo): the form is clean.
    pub fn saved(self) {
        self.dirty.set(false);
    }

    /// `Err` with the words to show when the form holds unsaved changes.
    pub fn check_clean(self) -> Result<(), &'static str> {
        if self.dirty.get_untracked() {
            return Err(UNSAVED_CHANGES);
        }
        Ok(())
    }

    /// Renders the form again from the stored contact (after a merge or an undo).
    pub fn reload(self) {
        self.dirty.try_set(false);
        self.generation.try_update(|g| *g += 1);
    }
}
