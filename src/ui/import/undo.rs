//! "Undo import": removes the contacts one import created (and only those), after a
//! confirmation that says how many.

use leptos::prelude::*;

use crate::domain::{BatchId, BatchStatus};

use crate::ui::app::{AppState, Collection, Command};
use crate::ui::kit::ConfirmDialog;
use crate::ui::kit::plural;

#[component]
pub fn ImportUndoButton(batch: BatchId, #[prop(optional)] id: Option<&'static str>) -> impl IntoView {
    let state = AppState::get();
    let asking = RwSignal::new(false);
    let undoing = Command::new();
    // (can undo, contacts it would remove)
    let undoable = Memo::new(move |_| {
        state.read(&[Collection::Imports], |ws| {
            ws.import(batch)
                .map(|b| (b.undone.is_none() && b.status() != BatchStatus::Running, b.imported()))
                .unwrap_or((false, 0))
        })
    });
    let confirm = Callback::new(move |()| {
        undoing.run(move |ws, now| ws.undo_import(batch, now), move |result| {
            asking.set(false);
            match result {
                Ok(removed) => state.info(format!("Import undone: {} removed.", plural(removed, "contact", "contacts"))),
                Err(err) => state.error(err.to_string()),
            }
        });
    });
    view! {
        <button
            type="button"
            class="btn btn-danger-outline batch-undo"
            id=id
            disabled=move || !undoable.get().0
            on:click=move |_| asking.set(true)
        >
            "Undo import"
        </button>
        <Show when=move || asking.get()>
            <ConfirmDialog
                title="Undo this import?"
                message=format!(
                    "The {} this import created will be deleted (those you already deleted stay deleted). Other contacts are not touched.",
                    plural(undoable.get_untracked().1 as usize, "contact", "contacts")
                )
                confirm_label="Undo import"
                on_confirm=confirm
                on_close=Callback::new(move |()| asking.set(false))
                busy=Signal::derive(move || undoing.pending())
            />
        </Show>
    }
}
