//! Agents: name, username, role and the lists each works; New, Edit, Delete. Also
//! says what "Viewing as" is (and is not).

use leptos::prelude::*;

use crate::ui::kit::RowActions;
use super::agent_dialog::AgentDialog;
use crate::ui::kit::ConfirmDialog;
use crate::ui::kit::plural;
use crate::ui::app::{ActionError, AppState};
use crate::domain::{Agent, AgentId};

#[derive(Clone, PartialEq)]
enum Editing {
    New,
    Edit(Agent),
}

#[component]
pub fn AgentsPage() -> impl IntoView {
    let state = AppState::get();
    let rows = Memo::new(move |_| {
        state.lists_rev.track();
        state.read(|ws| {
            ws.agents()
                .into_iter()
                .map(|a| {
                    let mut lists: Vec<String> = ws.lists_of_agent(a.id).into_iter().filter_map(|l| ws.list(l).map(|l| l.name.to_string())).collect();
                    lists.sort_by_key(|n| n.to_lowercase());
                    (a.clone(), lists)
                })
                .collect::<Vec<(Agent, Vec<String>)>>()
        })
    });
    let editing = RwSignal::new(None::<Editing>);
    let to_delete = RwSignal::new(None::<(AgentId, String, usize)>);
    let deleting = RwSignal::new(false);
    let confirm = Callback::new(move |()| {
        let Some((id, name, _)) = to_delete.get_untracked() else { return };
        deleting.set(true);
        leptos::task::spawn_local(async move {
            let result = state.apply(move |ws, _| ws.delete_agent(id).map(|c| ((), c))).await;
            deleting.set(false);
            to_delete.set(None);
            match result {
                Ok(()) => {
                    if state.viewing_as.get_untracked() == Some(id) {
                        state.view_as(None);
                    }
                    state.info(format!("Deleted the agent “{name}”."));
                }
                Err(ActionError::Storage(_)) => {}
                Err(err) => state.error(err.to_string()),
            }
        });
    });

    view! {
        <section class="page">
            <header class="page-head">
                <div>
                    <h1>"Agents"</h1>
                    <p class="page-sub">{move || plural(rows.with(Vec::len), "agent", "agents")}</p>
                </div>
                <button type="button" class="btn btn-primary" id="new-agent" on:click=move |_| editing.set(Some(Editing::New))>
                    <span aria-hidden="true" class="plus">"+"</span>
                    " New Agent"
                </button>
            </header>
            <p class="hint about-view" id="about-view">
                "Assign agents to lists with “Add Agents to List” on the Lists page. “Viewing as” in the header shows the app as an agent sees it: only the contacts of their lists, no management. "
                "This app keeps everything in this browser for one person: “Viewing as” is a working view, not a security boundary."
            </p>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=move || view! {
                    <div class="empty-state" id="no-agents">
                        <h2>"No agents yet"</h2>
                        <p>"Agents work the lists assigned to them. Create one, then assign lists from the Lists page."</p>
                    </div>
                }
            >
                <div class="table-wrap">
                    <table id="agents-table" class="data-table">
                        <thead>
                            <tr>
                                <th scope="col">"Name"</th>
                                <th scope="col">"Username"</th>
                                <th scope="col">"Role"</th>
                                <th scope="col" class="col-desc">"Lists assigned"</th>
                                <th scope="col" class="col-actions"><span class="visually-hidden">"Actions"</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || rows.get()
                                key=|(a, l)| (a.id, a.name.clone(), a.username.clone(), a.role.label(), l.clone())
                                children=move |(a, lists)| {
                                    let name = a.name.to_string();
                                    let (edit_agent, del_name, id, n) = (a.clone(), name.clone(), a.id, lists.len());
                                    let shown = if lists.is_empty() { "None".to_string() } else { lists.join(", ") };
                                    view! {
                                        <tr>
                                            <td class="col-name">{name.clone()}</td>
                                            <td><code>{a.username.to_string()}</code></td>
                                            <td><span class="role-badge" class:role-admin=a.role == crate::domain::Role::Admin>{a.role.label()}</span></td>
                                            <td class="col-desc">{shown}</td>
                                            <td class="col-actions">
                                                <RowActions
                                                    noun="agent"
                                                    name=name.clone()
                                                    on_edit=Callback::new(move |()| editing.set(Some(Editing::Edit(edit_agent.clone()))))
                                                    on_delete=Callback::new(move |()| to_delete.set(Some((id, del_name.clone(), n))))
                                                />
                                            </td>
                                        </tr>
                                    }
                                }
                            />
                        </tbody>
                    </table>
                </div>
            </Show>
            {move || editing.get().map(|e| {
                let agent = match e { Editing::New => None, Editing::Edit(a) => Some(a) };
                view! { <AgentDialog editing=agent on_close=Callback::new(move |()| editing.set(None)) /> }
            })}
            {move || to_delete.get().map(|(_, name, n)| view! {
                <ConfirmDialog
                    title="Delete agent"
                    message=format!("Delete the agent “{name}”? They are taken off {}. This cannot be undone.", plural(n, "list", "lists"))
                    confirm_label="Delete"
                    busy=deleting
                    on_confirm=confirm
                    on_close=Callback::new(move |()| to_delete.set(None))
                />
            })}
        </section>
    }
}
