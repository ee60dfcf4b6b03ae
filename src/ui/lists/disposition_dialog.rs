//! Names a disposition: a new one (top level or under a parent) or a rename.

use leptos::prelude::*;

use crate::ui::kit::Dialog;
use crate::ui::kit::sentence;
use crate::ui::app::{ActionError, AppState};
use crate::domain::{DispositionId, ListId, WorkspaceError};

/// What the dialog does.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum NameTarget {
    Add { parent: Option<DispositionId> },
    Rename(DispositionId),
}

#[component]
pub fn DispositionDialog(list: ListId, target: NameTarget, on_close: Callback<()>) -> impl IntoView {
    let state = AppState::get();
    let (title, initial, parent_name) = state.read(|ws| {
        let name_of = |id: DispositionId| ws.disposition(id).map(|d| d.name.to_string()).unwrap_or_default();
        match target {
            NameTarget::Add { parent: None } => ("New disposition".to_string(), String::new(), None),
            NameTarget::Add { parent: Some(p) } => ("New sub-disposition".to_string(), String::new(), Some(name_of(p))),
            NameTarget::Rename(id) => ("Rename disposition".to_string(), name_of(id), None),
        }
    });
    let name = RwSignal::new(initial);
    let error = RwSignal::new(None::<String>);
    let saving = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        saving.set(true);
        let text = name.get_untracked();
        leptos::task::spawn_local(async move {
            let result = match target {
                NameTarget::Add { parent } => state.apply(move |ws, _| ws.create_disposition(list, &text, parent).map(|(_, c)| ((), c))).await,
                NameTarget::Rename(id) => state.apply(move |ws, _| ws.rename_disposition(id, &text).map(|c| ((), c))).await,
            };
            saving.set(false);
            match result {
                Ok(()) => on_close.run(()),
                Err(ActionError::Rejected(WorkspaceError::Disposition(e))) => error.set(Some(e.to_string())),
                Err(ActionError::Storage(_)) => {}
                Err(other) => state.error(other.to_string()),
            }
        });
    };
    view! {
        <Dialog title=title on_close=on_close>
            <form id="disposition-form" novalidate=true on:submit=save>
                <div class="dialog-body">
                    {parent_name.map(|p| view! { <p class="hint">"Under " <strong>{p}</strong></p> })}
                    <div class="field" class:has-error=move || error.with(Option::is_some)>
                        <label for="disposition-name">"Name" <span class="required" aria-hidden="true">" *"</span></label>
                        <input
                            type="text"
                            id="disposition-name"
                            autocomplete="off"
                            aria-required="true"
                            aria-invalid=move || error.with(Option::is_some).then_some("true")
                            prop:value=move || name.get()
                            on:input=move |ev| name.set(event_target_value(&ev))
                        />
                        {move || error.get().map(|m| view! { <p class="field-error" id="error-disposition-name" role="alert">{sentence(&m)}</p> })}
                    </div>
                </div>
                <footer class="dialog-foot">
                    <button type="button" class="btn" on:click=move |_| on_close.run(())>"Cancel"</button>
                    <button type="submit" class="btn btn-primary" id="save-disposition" disabled=move || saving.get()>"Save"</button>
                </footer>
            </form>
        </Dialog>
    }
}
