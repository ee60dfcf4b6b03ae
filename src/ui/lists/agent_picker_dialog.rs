//! "Add Agents to List": available agents on the left, assigned on the right; `>`
//! assigns the selected, `>>` all shown, `<` and `<<` take them off. Every change is
//! committed at once (there is no Save button) and the status line says so.

use std::collections::HashSet;

use leptos::prelude::*;

use super::agent_pane::{matching, AgentPane};
use crate::ui::kit::Dialog;
use crate::ui::app::Route;
use crate::ui::app::AppState;
use crate::domain::{Agent, AgentId, ListId};

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Saving,
    Saved(String),
    Failed(String),
}

#[component]
pub fn AgentPickerDialog(list: ListId, on_close: Callback<()>) -> impl IntoView {
    let state = AppState::get();
    let name = state.lists.with_untracked(|ls| ls.iter().find(|l| l.id == list).map(|l| l.name.to_string())).unwrap_or_default();
    // (available, assigned), following every commit.
    let sides = Memo::new(move |_| {
        state.lists_rev.track();
        state.read(|ws| {
            let assigned = ws.list(list).map(|l| l.agents.clone()).unwrap_or_default();
            let (left, right): (Vec<Agent>, Vec<Agent>) = ws.agents().into_iter().cloned().partition(|a| !assigned.contains(&a.id));
            (left, right)
        })
    });
    let left_search = RwSignal::new(String::new());
    let right_search = RwSignal::new(String::new());
    let left_sel = RwSignal::new(HashSet::<AgentId>::new());
    let right_sel = RwSignal::new(HashSet::<AgentId>::new());
    let left_shown = Memo::new(move |_| sides.with(|(l, _)| matching(l, &left_search.get())));
    let right_shown = Memo::new(move |_| sides.with(|(_, r)| matching(r, &right_search.get())));
    let status = RwSignal::new(Status::Idle);

    // Only what is shown counts: a selection hidden by the search is not moved.
    let picked = |shown: Memo<Vec<Agent>>, sel: RwSignal<HashSet<AgentId>>| {
        let s = sel.get_untracked();
        shown.with_untracked(|v| v.iter().filter(|a| s.contains(&a.id)).map(|a| a.id).collect::<Vec<_>>())
    };
    let all_of = |shown: Memo<Vec<Agent>>| shown.with_untracked(|v| v.iter().map(|a| a.id).collect::<Vec<_>>());
    let commit = move |ids: Vec<AgentId>, assign: bool| {
        if ids.is_empty() || status.get_untracked() == Status::Saving {
            return;
        }
        status.set(Status::Saving);
        let n = ids.len();
        leptos::task::spawn_local(async move {
            let moved = ids.clone();
            let result = state
                .apply(move |ws, _| {
                    let change = if assign { ws.assign_agents(list, &ids) } else { ws.unassign_agents(list, &ids) };
                    change.map(|c| ((), c))
                })
                .await;
            match result {
                Ok(()) => {
                    left_sel.update(|s| s.retain(|a| !moved.contains(a)));
                    right_sel.update(|s| s.retain(|a| !moved.contains(a)));
                    let what = if n == 1 { "1 agent".to_string() } else { format!("{n} agents") };
                    status.set(Status::Saved(if assign { format!("Saved: {what} assigned.") } else { format!("Saved: {what} removed.") }));
                }
                Err(err) => status.set(Status::Failed(err.to_string())),
            }
        });
    };
    let saving = move || status.with(|s| *s == Status::Saving);
    let left_total = Signal::derive(move || sides.with(|(l, _)| l.len()));
    let right_total = Signal::derive(move || sides.with(|(_, r)| r.len()));

    view! {
        <Dialog title=format!("Add agents to “{name}”") on_close=on_close wide=true>
            <div class="dialog-body">
                <Show
                    when=move || sides.with(|(l, r)| !l.is_empty() || !r.is_empty())
                    fallback=|| view! {
                        <p class="hint" id="no-agents-to-pick">
                            "There are no agents yet. Create them in the "
                            <a href=Route::Agents.to_hash()>"Agents"</a>
                            " section first."
                        </p>
                    }
                >
                    <div class="picker">
                        <AgentPane title="Available agents" side="available" shown=left_shown total=left_total search=left_search selected=left_sel />
                        <div class="picker-moves" role="group" aria-label="Move agents">
                            <button type="button" class="btn btn-small" id="assign-selected" title="Assign the selected"
                                aria-label="Assign the selected agents"
                                disabled=move || saving() || left_shown.with(|v| !v.iter().any(|a| left_sel.with(|s| s.contains(&a.id))))
                                on:click=move |_| commit(picked(left_shown, left_sel), true)>">"</button>
                            <button type="button" class="btn btn-small" id="assign-all" title="Assign all shown"
                                aria-label="Assign all shown agents"
                                disabled=move || saving() || left_shown.with(Vec::is_empty)
                                on:click=move |_| commit(all_of(left_shown), true)>">>"</button>
                            <button type="button" class="btn btn-small" id="remove-selected" title="Remove the selected"
                                aria-label="Remove the selected agents"
                                disabled=move || saving() || right_shown.with(|v| !v.iter().any(|a| right_sel.with(|s| s.contains(&a.id))))
                                on:click=move |_| commit(picked(right_shown, right_sel), false)>"<"</button>
                            <button type="button" class="btn btn-small" id="remove-all" title="Remove all shown"
                                aria-label="Remove all shown agents"
                                disabled=move || saving() || right_shown.with(Vec::is_empty)
                                on:click=move |_| commit(all_of(right_shown), false)>"<<"</button>
                        </div>
                        <AgentPane title="Assigned to this list" side="assigned" shown=right_shown total=right_total search=right_search selected=right_sel />
                    </div>
                </Show>
            </div>
            <footer class="dialog-foot picker-foot">
                <p class="save-status" id="picker-status" role="status" aria-live="polite"
                    class:save-error=move || status.with(|s| matches!(s, Status::Failed(_)))>
                    {move || match status.get() {
                        Status::Idle => "Changes are saved as you make them.".to_string(),
                        Status::Saving => "Saving…".to_string(),
                        Status::Saved(t) | Status::Failed(t) => t,
                    }}
                </p>
                <button type="button" class="btn" id="close-picker" on:click=move |_| on_close.run(())>"Done"</button>
            </footer>
        </Dialog>
    }
}
