//! Merge Contact (issue 13, part 1): Edit Contact's "Merge…" opens `MergeDialog`
//! (pick the contact to merge, see both side by side, choose, Merge); a merge in the
//! kept contact's history offers "Undo merge" (`UndoMergeButton`). Neither runs while
//! the contact's open form holds unsaved changes (`EditedForm`).
//!
//! - `pick`: the filter and the matches; `preview` / `table`: the two contacts side
//!   by side; `dialog`: the steps and the merge; `undo`; `journal`: what both read
//!   first; `guard`: the open form.

mod dialog;
mod guard;
mod journal;
mod pick;
mod preview;
mod table;
mod undo;

use leptos::portal::Portal;
use leptos::prelude::*;

use crate::domain::{Contact, ContactId};
use crate::ui::app::AppState;

pub(crate) use dialog::MergeDialog;
pub(crate) use guard::EditedForm;
pub(crate) use undo::UndoMergeButton;

/// Edit Contact's "Merge…" (the spec's Merge Contact). Refused with a notice while the
/// form holds unsaved changes, which the merged values would replace.
#[component]
pub fn MergeButton(id: ContactId, contact: Memo<Option<Contact>>) -> impl IntoView {
    let state = AppState::get();
    let form = EditedForm::find(id);
    let open = RwSignal::new(false);
    let click = move |_| match form.map(EditedForm::check_clean) {
        Some(Err(unsaved)) => state.error(unsaved),
        _ => open.set(true),
    };
    let close = Callback::new(move |()| open.set(false));
    view! {
        <button type="button" class="btn" id="merge-contact" aria-haspopup="dialog" disabled=move || contact.with(Option::is_none) on:click=click>
            "Merge…"
        </button>
        // In `<body>`: inside the Edit form the dialog's submit would be the form's.
        <Portal>
            <Show when=move || open.get()>
                <MergeDialog kept=id other=None on_close=close />
            </Show>
        </Portal>
    }
}
