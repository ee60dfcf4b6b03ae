//! Closes an open interaction now, with a disposition and notes (prefilled with what it
//! has).

use leptos::prelude::*;

use super::outcome_fields::{chosen_disposition, OutcomeFields};
use crate::domain::Interaction;
use crate::ui::app::{AppState, Command};
use crate::ui::kit::{sentence, with_stop, DialogForm, FormTexts};

const TEXTS: FormTexts = FormTexts {
    form_id: "journey-close-form",
    submit_id: "journey-close-save",
    new_title: "Close interaction",
    edit_title: "Close interaction",
    add_label: "Close interaction",
};

#[component]
pub fn CloseDialog(open: Interaction, on_close: Callback<()>) -> impl IntoView {
    let state = AppState::get();
    let list = open.list;
    let disposition = RwSignal::new(open.disposition.map(|d| d.get().to_string()).unwrap_or_default());
    let notes = RwSignal::new(open.notes.to_string());
    let error = RwSignal::new(None::<String>);
    let save = Command::new();
    let submit = Callback::new(move |()| {
        let (open, notes) = (open.clone(), notes.get_untracked());
        let chosen = chosen_disposition(&disposition.get_untracked());
        save.run(
            move |ws, now| ws.close_interaction(&open, now, chosen, &notes),
            move |result| match result {
                Ok(_) => {
                    state.info("Interaction closed.");
                    on_close.run(());
                }
                Err(e) => error.set(Some(e.to_string())),
            },
        )
    });
    view! {
        <DialogForm texts=TEXTS editing=false pending=Signal::derive(move || save.pending()) on_submit=submit on_close=on_close>
            <p class="hint">"It ends now."</p>
            <FormError error=error />
            <OutcomeFields list=list disposition=disposition notes=notes id_prefix="journey-close" />
        </DialogForm>
    }
}

/// The domain's refusal, in words, at the top of a journey dialog.
#[component]
pub fn FormError(error: RwSignal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|m| {
            view! { <p class="field-error journey-form-error" role="alert">{with_stop(&sentence(&m))}</p> }
        })
    }
}
