//! Names a disposition: a new one (top level or under a parent) or a rename.

use leptos::prelude::*;

use crate::domain::{DispositionId, ListId, WorkspaceError};
use crate::ui::app::{AppState, Command};
use crate::ui::kit::{DialogForm, FormField, FormTexts, TextInput};

/// What the dialog does.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum NameTarget {
    Add { parent: Option<DispositionId> },
    Rename(DispositionId),
}

#[component]
pub fn DispositionDialog(list: ListId, target: NameTarget, on_close: Callback<()>) -> impl IntoView {
    let state = AppState::get();
    let (new_title, initial, parent_name) = state.read_now(|ws| {
        let name_of = |id: DispositionId| ws.disposition(id).map(|d| d.name.to_string()).unwrap_or_default();
        match target {
            NameTarget::Add { parent: None } => ("New disposition", String::new(), None),
            NameTarget::Add { parent: Some(p) } => ("New sub-disposition", String::new(), Some(name_of(p))),
            NameTarget::Rename(id) => ("", name_of(id), None),
        }
    });
    // Saving says "Save" whether it adds or renames.
    let texts = FormTexts {
        form_id: "disposition-form",
        submit_id: "save-disposition",
        new_title,
        edit_title: "Rename disposition",
        add_label: "Save",
    };
    let name = RwSignal::new(initial.clone());
    let changed = Signal::derive(move || name.with(|n| *n != initial));
    let error = RwSignal::new(None::<String>);
    let save = Command::new();
    let submit = Callback::new(move |()| {
        let text = name.get_untracked();
        save.run(
            move |ws, _| match target {
                NameTarget::Add { parent } => ws.create_disposition(list, &text, parent).map(|(_, change)| change),
                NameTarget::Rename(id) => ws.rename_disposition(id, &text),
            },
            move |result| match result {
                Ok(()) => on_close.run(()),
                Err(WorkspaceError::Disposition(e)) => error.set(Some(e.to_string())),
                Err(other) => state.error(other.to_string()),
            },
        )
    });
    view! {
        <DialogForm
            texts=texts
            editing=matches!(target, NameTarget::Rename(_))
            pending=Signal::derive(move || save.pending())
            on_submit=submit
            on_close=on_close
            changed=changed
        >
            {parent_name.map(|p| view! { <p class="hint">"Under " <strong>{p}</strong></p> })}
            <FormField id="disposition-name" label="Name" required=true error=error>
                <TextInput value=name on_input=Callback::new(move |text| name.set(text)) />
            </FormField>
        </DialogForm>
    }
}
