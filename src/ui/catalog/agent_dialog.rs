//! New agent / Edit agent: name, username (unique) and role.

use leptos::prelude::*;

use crate::domain::agent::AgentError;
use crate::domain::workspace::WorkspaceError;
use crate::domain::{Agent, AgentDraft, Role};
use crate::ui::app::{AppState, Command};
use crate::ui::kit::{focus_id, DialogForm, FormTexts, FormField, Select, TextInput};

const FORM: FormTexts = FormTexts { form_id: "agent-form", submit_id: "save-agent", new_title: "New agent", edit_title: "Edit agent", add_label: "Add Agent" };

#[component]
pub fn AgentDialog(
    /// The agent being edited; `None` creates one.
    editing: Option<Agent>,
    on_close: Callback<()>,
) -> impl IntoView {
    let state = AppState::get();
    let save = Command::new();
    let id = editing.as_ref().map(|a| a.id);
    let opened = match &editing {
        Some(a) => AgentDraft { name: a.name.to_string(), username: a.username.to_string(), role: a.role },
        None => AgentDraft { name: String::new(), username: String::new(), role: Role::Agent },
    };
    let draft = RwSignal::new(opened.clone());
    let changed = Signal::derive(move || draft.with(|d| *d != opened));
    let name_error = RwSignal::new(None::<String>);
    let username_error = RwSignal::new(None::<String>);

    let submit = Callback::new(move |()| {
        let current = draft.get_untracked();
        save.run(
            move |ws, _| match id {
                Some(id) => ws.update_agent(id, &current),
                None => ws.create_agent(&current).map(|(_, change)| change),
            },
            move |result| {
                name_error.set(None);
                username_error.set(None);
                match result {
                    Ok(()) => {
                        state.info(if id.is_some() { "Agent saved." } else { "Agent added." });
                        on_close.run(());
                    }
                    Err(WorkspaceError::Agent(e)) => {
                        let on_name = matches!(e, AgentError::NameRequired | AgentError::TooLong("the name"));
                        let (signal, field) = if on_name { (name_error, "agent-name") } else { (username_error, "agent-username") };
                        signal.set(Some(e.to_string()));
                        request_animation_frame(move || focus_id(field));
                    }
                    Err(err) => state.error(err.to_string()),
                }
            },
        );
    });
    let has_role = move |role: Role| move || draft.with(|d| d.role == role);
    let set_role = Callback::new(move |key: String| draft.update(|d| d.role = if key == "admin" { Role::Admin } else { Role::Agent }));

    view! {
        <DialogForm texts=FORM editing=id.is_some() pending=Signal::derive(move || save.pending()) on_submit=submit on_close=on_close changed=changed>
            <FormField id="agent-name" label="Name" required=true error=name_error>
                <TextInput value=Signal::derive(move || draft.with(|d| d.name.clone())) on_input=Callback::new(move |name| draft.update(|d| d.name = name)) />
            </FormField>
            <FormField id="agent-username" label="Username" required=true error=username_error hint="Letters, digits, “.”, “_” and “-”; unique.">
                <TextInput
                    value=Signal::derive(move || draft.with(|d| d.username.clone()))
                    on_input=Callback::new(move |username| draft.update(|d| d.username = username))
                    no_spellcheck=true
                />
            </FormField>
            <FormField id="agent-role" label="Role">
                <Select on_change=set_role>
                    <option value="agent" prop:selected=has_role(Role::Agent)>"Agent: works the lists assigned to them"</option>
                    <option value="admin" prop:selected=has_role(Role::Admin)>"Admin: sees and manages everything"</option>
                </Select>
            </FormField>
        </DialogForm>
    }
}
