//! New agent / Edit agent: name, username (unique) and role.

use leptos::prelude::*;

use crate::ui::kit::Dialog;
use crate::ui::kit::focus_id;
use crate::ui::kit::sentence;
use crate::ui::app::{ActionError, AppState};
use crate::domain::agent::AgentError;
use crate::domain::workspace::WorkspaceError;
use crate::domain::{Agent, AgentDraft, Role};

#[component]
pub fn AgentDialog(
    /// The agent being edited; `None` creates one.
    editing: Option<Agent>,
    on_close: Callback<()>,
) -> impl IntoView {
    let state = AppState::get();
    let id = editing.as_ref().map(|a| a.id);
    let draft = RwSignal::new(match &editing {
        Some(a) => AgentDraft { name: a.name.to_string(), username: a.username.to_string(), role: a.role },
        None => AgentDraft { name: String::new(), username: String::new(), role: Role::Agent },
    });
    let name_error = RwSignal::new(None::<String>);
    let username_error = RwSignal::new(None::<String>);
    let saving = RwSignal::new(false);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        saving.set(true);
        let current = draft.get_untracked();
        leptos::task::spawn_local(async move {
            let result = state
                .apply(move |ws, _| match id {
                    Some(id) => ws.update_agent(id, &current).map(|c| ((), c)),
                    None => ws.create_agent(&current).map(|(_, c)| ((), c)),
                })
                .await;
            saving.set(false);
            name_error.set(None);
            username_error.set(None);
            match result {
                Ok(()) => {
                    state.info(if id.is_some() { "Agent saved." } else { "Agent added." });
                    on_close.run(());
                }
                Err(ActionError::Rejected(WorkspaceError::Agent(e))) => {
                    let on_name = matches!(e, AgentError::NameRequired | AgentError::TooLong("the name"));
                    let (signal, field) = if on_name { (name_error, "agent-name") } else { (username_error, "agent-username") };
                    signal.set(Some(e.to_string()));
                    request_animation_frame(move || focus_id(field));
                }
                Err(ActionError::Storage(_)) => {}
                Err(err) => state.error(err.to_string()),
            }
        });
    };
    let error_line = |error: RwSignal<Option<String>>, id: &'static str| {
        move || error.get().map(|m| view! { <p class="field-error" id=id role="alert">{sentence(&m)}</p> })
    };

    view! {
        <Dialog title=if id.is_some() { "Edit agent" } else { "New agent" } on_close=on_close>
            <form id="agent-form" novalidate=true on:submit=save>
                <div class="dialog-body">
                    <div class="field" class:has-error=move || name_error.with(Option::is_some)>
                        <label for="agent-name">"Name" <span class="required" aria-hidden="true">" *"</span></label>
                        <input
                            type="text"
                            id="agent-name"
                            autocomplete="off"
                            aria-required="true"
                            aria-invalid=move || name_error.with(Option::is_some).then_some("true")
                            aria-describedby=move || name_error.with(Option::is_some).then_some("error-agent-name")
                            prop:value=move || draft.with(|d| d.name.clone())
                            on:input=move |ev| draft.update(|d| d.name = event_target_value(&ev))
                        />
                        {error_line(name_error, "error-agent-name")}
                    </div>
                    <div class="field" class:has-error=move || username_error.with(Option::is_some)>
                        <label for="agent-username">"Username" <span class="required" aria-hidden="true">" *"</span></label>
                        <input
                            type="text"
                            id="agent-username"
                            autocomplete="off"
                            spellcheck="false"
                            aria-required="true"
                            aria-invalid=move || username_error.with(Option::is_some).then_some("true")
                            aria-describedby=move || username_error.with(Option::is_some).then_some("error-agent-username")
                            prop:value=move || draft.with(|d| d.username.clone())
                            on:input=move |ev| draft.update(|d| d.username = event_target_value(&ev))
                        />
                        {error_line(username_error, "error-agent-username")}
                        <p class="hint">"Letters, digits, “.”, “_” and “-”; unique."</p>
                    </div>
                    <div class="field">
                        <label for="agent-role">"Role"</label>
                        <select
                            id="agent-role"
                            on:change=move |ev| {
                                let role = if event_target_value(&ev) == "admin" { Role::Admin } else { Role::Agent };
                                draft.update(|d| d.role = role);
                            }
                        >
                            <option value="agent" prop:selected=move || draft.with(|d| d.role == Role::Agent)>"Agent: works the lists assigned to them"</option>
                            <option value="admin" prop:selected=move || draft.with(|d| d.role == Role::Admin)>"Admin: sees and manages everything"</option>
                        </select>
                    </div>
                </div>
                <footer class="dialog-foot">
                    <button type="button" class="btn" on:click=move |_| on_close.run(())>"Cancel"</button>
                    <button type="submit" class="btn btn-primary" id="save-agent" disabled=move || saving.get()>
                        {if id.is_some() { "Save" } else { "Add Agent" }}
                    </button>
                </footer>
            </form>
        </Dialog>
    }
}
