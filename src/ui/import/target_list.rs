//! The list the contacts go to: chosen, or created on the spot.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::{ListDraft, ListId};

use crate::ui::app::{AppState, Command};
use crate::ui::lists::ListOptions;

use super::session::ImportSession;

#[component]
pub fn ImportTargetList(session: ImportSession) -> impl IntoView {
    let state = AppState::get();
    let new_name = RwSignal::new(String::new());
    let name_error = RwSignal::new(None::<String>);
    // Another list has other custom fields: map the columns again.
    let chosen = session.list;
    Effect::new(move |previous: Option<()>| {
        chosen.track();
        if previous.is_some() {
            spawn_local(async move { session.propose_mapping(state).await });
        }
    });
    let creating = Command::new();
    let create = move || {
        // The new list keeps the country the wizard reads numbers with.
        let draft = ListDraft { name: new_name.get_untracked(), country: session.country.get_untracked(), ..ListDraft::default() };
        creating.run(move |ws, now| ws.create_list(&draft, now), move |result| match result {
            Ok(id) => {
                name_error.set(None);
                new_name.set(String::new());
                chosen.set(Some(id));
            }
            Err(err) => name_error.set(Some(err.to_string())),
        });
    };
    view! {
        <div class="target-list">
            <label class="field-inline">
                <span>"List" <span class="required" aria-hidden="true">" *"</span></span>
                <select
                    id="import-list"
                    aria-required="true"
                    on:change=move |ev| chosen.set(event_target_value(&ev).parse::<u32>().ok().map(ListId::new))
                >
                    <ListOptions current=chosen />
                </select>
            </label>
            <Show when=move || state.is_admin()>
                <form
                    class="new-list-inline"
                    on:submit=move |ev| {
                        ev.prevent_default();
                        create();
                    }
                >
                    <label class="field-inline">
                        <span>"or a new list"</span>
                        <input
                            type="text"
                            id="import-new-list-name"
                            placeholder="New list name"
                            prop:value=move || new_name.get()
                            on:input=move |ev| new_name.set(event_target_value(&ev))
                        />
                    </label>
                    <button type="submit" class="btn" id="import-create-list" disabled=move || creating.pending()>
                        "Create list"
                    </button>
                </form>
            </Show>
            {move || name_error.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
        </div>
    }
}
