//! "Viewing as" in the header: Admin, or one of the agents. An Agent-role agent sees
//! only the contacts of their lists and no management; an Admin-role agent sees all.

use leptos::prelude::*;

use crate::domain::Collection;
use crate::domain::{Agent, AgentId};

use crate::ui::kit::close_on_escape;

use super::state::AppState;

#[component]
pub fn ViewingAsSwitch() -> impl IntoView {
    let state = AppState::get();
    let agents = Memo::new(move |_| {
        state.read(&[Collection::Agents], |ws| ws.agents().into_iter().cloned().collect::<Vec<Agent>>())
    });
    let current = state.viewing_as;
    let change = move |ev: leptos::ev::Event| {
        state.view_as(event_target_value(&ev).parse::<u32>().ok().map(AgentId::new));
    };
    view! {
        <div class="viewing-as">
            <label class="field-inline">
                <span>"Viewing as"</span>
                <select id="viewing-as" on:change=change aria-describedby="viewing-as-about">
                    <option value="" prop:selected=move || current.get().is_none()>"Admin"</option>
                    {move || agents.get().into_iter().map(|a| {
                        let id = a.id;
                        view! {
                            <option value=id.get().to_string() prop:selected=move || current.get() == Some(id)>
                                {viewer_label(&a)}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </label>
            <AboutThisView />
        </div>
    }
}

/// How "Viewing as" names an agent.
pub fn viewer_label(agent: &Agent) -> String {
    format!("{} ({})", agent.name, agent.role.label())
}

/// "Viewing as" while the first screen kept from the last visit shows: the view it
/// was kept in, still (the switch acts once the workspace has loaded).
#[component]
pub fn KeptViewingAs(label: Option<String>) -> impl IntoView {
    view! {
        <div class="viewing-as">
            <label class="field-inline">
                <span>"Viewing as"</span>
                <select id="viewing-as" disabled aria-describedby="viewing-as-about">
                    <option selected>{label.unwrap_or_else(|| "Admin".into())}</option>
                </select>
            </label>
            <AboutThisView />
        </div>
    }
}

#[component]
fn AboutThisView() -> impl IntoView {
    view! {
        <details class="about-view-note" on:keydown=close_on_escape>
            <summary aria-label="About this view">"?"</summary>
            <p id="viewing-as-about" role="note">
                "About this view: an agent sees and edits only the contacts of the lists assigned to them and cannot manage lists, fields, tags or agents. "
                "Everything is stored in this browser for a single user, so this is a working view, not a security boundary."
            </p>
        </details>
    }
}
