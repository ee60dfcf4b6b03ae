//! Agents: name, username, role and the lists each works; New, Edit, Delete. Also
//! says what "Viewing as" is (and is not).

use leptos::prelude::*;

use super::agent_dialog::AgentDialog;
use crate::domain::{Agent, AgentId, Change, Role, Workspace, WorkspaceError};
use crate::ui::app::{AppState, Collection};
use crate::ui::kit::{plural, Question, Record, RecordPage, RecordTexts};
use crate::domain::text::quoted;

const TEXTS: RecordTexts = RecordTexts {
    title: "Agents",
    one: "agent",
    many: "agents",
    new_id: "new-agent",
    new_label: "New Agent",
    empty_id: "no-agents",
    empty_title: "No agents yet",
    empty_text: "Agents work the lists assigned to them. Create one, then assign lists from the Lists page.",
    table_id: "agents-table",
    columns: &[("Name", None), ("Username", None), ("Role", None), ("Lists assigned", Some("col-desc"))],
};

#[component]
pub fn AgentsPage() -> impl IntoView {
    let state = AppState::get();
    let rows = Memo::new(move |_| {
        state.read(&[Collection::Agents, Collection::Lists], |ws| {
            ws.agents()
                .into_iter()
                .map(|a| {
                    let mut lists: Vec<String> = ws.lists_of_agent(a.id).into_iter().filter_map(|l| ws.list(l).map(|l| l.name.to_string())).collect();
                    lists.sort_by_key(|n| n.to_lowercase());
                    AgentRow { agent: a.clone(), lists }
                })
                .collect::<Vec<_>>()
        })
    });
    let on_deleted = Callback::new(move |row: AgentRow| {
        if state.viewing_as.get_untracked() == Some(row.agent.id) {
            state.view_as(None);
        }
        state.info(format!("Deleted the agent {}.", quoted(&row.agent.name)));
    });
    let dialog = |row: Option<AgentRow>, on_close| view! { <AgentDialog editing=row.map(|r| r.agent) on_close=on_close /> }.into_any();
    view! {
        <RecordPage texts=TEXTS rows=rows dialog=dialog on_deleted=on_deleted>
            <p class="hint about-view" id="about-view">
                "Assign agents to lists with “Add Agents to List” on the Lists page. “Viewing as” in the header shows the app as an agent sees it: only the contacts of their lists, no management. "
                "This app keeps everything in this browser for one person: “Viewing as” is a working view, not a security boundary."
            </p>
        </RecordPage>
    }
}

/// An agent and the names of the lists they work, sorted.
#[derive(Clone, PartialEq)]
struct AgentRow {
    agent: Agent,
    lists: Vec<String>,
}

impl Record for AgentRow {
    type Key = (AgentId, Box<str>, Box<str>, &'static str, Vec<String>);

    fn key(&self) -> Self::Key {
        let a = &self.agent;
        (a.id, a.name.clone(), a.username.clone(), a.role.label(), self.lists.clone())
    }

    fn name(&self) -> String {
        self.agent.name.to_string()
    }

    fn cells(&self) -> AnyView {
        let a = &self.agent;
        let shown = if self.lists.is_empty() { "None".to_string() } else { self.lists.join(", ") };
        view! {
            <td class="col-name">{a.name.to_string()}</td>
            <td><code>{a.username.to_string()}</code></td>
            <td><span class="role-badge" class:role-admin=a.role == Role::Admin>{a.role.label()}</span></td>
            <td class="col-desc">{shown}</td>
        }
        .into_any()
    }

    fn question(&self) -> Question {
        let message = format!("Delete the agent {}? They are taken off {}. This cannot be undone.", quoted(&self.agent.name), plural(self.lists.len(), "list", "lists"));
        Question { title: "Delete agent", message, confirm_label: "Delete" }
    }

    fn delete(&self, ws: &mut Workspace) -> Result<Change, WorkspaceError> {
        ws.delete_agent(self.agent.id)
    }
}
