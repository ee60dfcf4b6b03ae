//! Log interaction: what an agent tells of a conversation that happened (channel,
//! direction, when, agent, disposition, notes). The domain checks it; a refusal shows
//! in words.

use leptos::prelude::*;

use super::close_dialog::FormError;
use super::filters::offset_now;
use super::outcome_fields::{chosen_disposition, OutcomeFields};
use crate::domain::journey::local_datetime;
use crate::domain::{AgentId, Channel, Collection, ContactId, Direction, InteractionDraft, ListId};
use crate::ui::app::{AppState, Command};
use crate::ui::kit::{choice_options, now, DialogForm, FormField, FormTexts, Select, TextInput};

const TEXTS: FormTexts = FormTexts {
    form_id: "journey-log-form",
    submit_id: "journey-log-save",
    new_title: "Log interaction",
    edit_title: "Log interaction",
    add_label: "Log interaction",
};

/// How a datetime-local input writes a moment.
const DATETIME_LOCAL: &str = "%Y-%m-%dT%H:%M";

#[component]
pub fn LogDialog(contact: ContactId, list: ListId, on_close: Callback<()>) -> impl IntoView {
    let state = AppState::get();
    let channel = RwSignal::new(Channel::Voice.key().to_owned());
    let direction = RwSignal::new(Direction::Inbound.key().to_owned());
    let started = RwSignal::new(local_datetime(now(), offset_now()).format(DATETIME_LOCAL).to_string());
    let ended = RwSignal::new(String::new());
    let agent = RwSignal::new(state.viewing_as.get_untracked().map(|a| a.get().to_string()).unwrap_or_default());
    let disposition = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);

    let channels = Channel::ALL.iter().map(|c| (c.key().to_owned(), c.label().to_owned())).collect();
    let directions = Direction::ALL.iter().map(|d| (d.key().to_owned(), d.label().to_owned())).collect();
    let agents = state.read(&[Collection::Agents], |ws| {
        let all = ws.agents().into_iter().map(|a| (a.id.get().to_string(), a.name.to_string()));
        std::iter::once((String::new(), "None".to_owned())).chain(all).collect::<Vec<_>>()
    });

    let save = Command::new();
    let submit = Callback::new(move |()| {
        let draft = InteractionDraft {
            channel: channel.get_untracked(),
            direction: direction.get_untracked(),
            started: started.get_untracked(),
            ended: ended.get_untracked(),
            agent: agent.get_untracked().parse().ok().map(AgentId::new),
            disposition: chosen_disposition(&disposition.get_untracked()),
            notes: notes.get_untracked(),
            metadata: Vec::new(),
        };
        let offset = offset_now();
        save.run(
            move |ws, _| ws.log_interaction(contact, &draft, offset),
            move |result| match result {
                Ok(_) => {
                    state.info("Interaction logged.");
                    on_close.run(());
                }
                Err(e) => error.set(Some(e.to_string())),
            },
        )
    });
    let set = |signal: RwSignal<String>| Callback::new(move |v| signal.set(v));
    view! {
        <DialogForm texts=TEXTS editing=false pending=Signal::derive(move || save.pending()) on_submit=submit on_close=on_close>
            <FormError error=error />
            <div class="field-grid">
                <FormField id="journey-log-channel" label="Channel" required=true>
                    <Select on_change=set(channel)>{choice_options(channels, channel.into())}</Select>
                </FormField>
                <FormField id="journey-log-direction" label="Direction" required=true>
                    <Select on_change=set(direction)>{choice_options(directions, direction.into())}</Select>
                </FormField>
                <FormField id="journey-log-started" label="Started" required=true>
                    <TextInput kind="datetime-local" value=started on_input=set(started) />
                </FormField>
                <FormField id="journey-log-ended" label="Ended">
                    <TextInput kind="datetime-local" value=ended on_input=set(ended) />
                </FormField>
                <FormField id="journey-log-agent" label="Agent">
                    <Select on_change=set(agent)>{choice_options(agents, agent.into())}</Select>
                </FormField>
            </div>
            <OutcomeFields list=list disposition=disposition notes=notes id_prefix="journey-log" />
        </DialogForm>
    }
}
