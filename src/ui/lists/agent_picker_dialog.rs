//! "Add Agents to List": available agents on the left, assigned on the right; `>`
//! assigns the selected, `>>` all shown, `<` and `<<` take them off. Every change is
//! committed at once (there is no Save button) and the status line says so.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::ui::app::Collection;

use super::agent_pane::{matching, AgentPane};
use crate::ui::kit::Dialog;
use crate::ui::app::Route;
use crate::ui::app::{AppState, Command};
use crate::domain::{Agent, AgentId, ListId};
use crate::domain::text::quoted;

/// One side of the picker: the agents shown and those selected.
type Side = (Memo<Vec<Agent>>, RwSignal<HashSet<AgentId>>);

/// What the status line says when no change is being saved.
#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Saved(String),
    Failed(String),
}

#[component]
pub fn AgentPickerDialog(list: ListId, on_close: Callback<()>) -> impl IntoView {
    let state = AppState::get();
    let name = state.lists.with_untracked(|ls| ls.iter().find(|l| l.id == list).map(|l| l.name.to_string())).unwrap_or_default();
    // (available, assigned), following every commit.
    let sides = Memo::new(move |_| {
        state.read(&[Collection::Lists, Collection::Agents], |ws| {
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

    // The agents a move takes from one side: the selected or all; only what is shown
    // counts, so a selection hidden by the search is not moved.
    let moving = |(shown, sel): Side, all: bool| {
        shown.with(|v| v.iter().filter(|a| all || sel.with(|s| s.contains(&a.id))).map(|a| a.id).collect::<Vec<_>>())
    };
    let save = Command::new();
    let commit = move |ids: Vec<AgentId>, assign: bool| {
        if ids.is_empty() {
            return;
        }
        // A failure to save is told in the notice area; the line must not keep
        // claiming the previous change.
        status.set(Status::Idle);
        let n = ids.len();
        let moved = ids.clone();
        save.run(
            move |ws, _| if assign { ws.assign_agents(list, &ids) } else { ws.unassign_agents(list, &ids) },
            move |result| match result {
                Ok(()) => {
                    left_sel.update(|s| s.retain(|a| !moved.contains(a)));
                    right_sel.update(|s| s.retain(|a| !moved.contains(a)));
                    let what = if n == 1 { "1 agent".to_string() } else { format!("{n} agents") };
                    status.set(Status::Saved(if assign { format!("Saved: {what} assigned.") } else { format!("Saved: {what} removed.") }));
                }
                Err(err) => status.set(Status::Failed(err.to_string())),
            },
        );
    };
    let saving = move || save.pending();
    let left_total = Signal::derive(move || sides.with(|(l, _)| l.len()));
    let right_total = Signal::derive(move || sides.with(|(_, r)| r.len()));
    let (left, right): (Side, Side) = ((left_shown, left_sel), (right_shown, right_sel));
    // Moves from the left (available) assign, from the right take off.
    let move_button = move |id: &'static str, title: &'static str, label: &'static str, text: &'static str, from: Side, all: bool| {
        let assign = from.1 == left.1;
        view! {
            <button type="button" class="btn btn-small" id=id title=title aria-label=label
                disabled=move || saving() || moving(from, all).is_empty()
                on:click=move |_| commit(untrack(|| moving(from, all)), assign)>{text}</button>
        }
    };

    view! {
        <Dialog title=format!("Add agents to {}", quoted(&name)) on_close=on_close wide=true>
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
                            {move_button("assign-selected", "Assign the selected", "Assign the selected agents", ">", left, false)}
                            {move_button("assign-all", "Assign all shown", "Assign all shown agents", ">>", left, true)}
                            {move_button("remove-selected", "Remove the selected", "Remove the selected agents", "<", right, false)}
                            {move_button("remove-all", "Remove all shown", "Remove all shown agents", "<<", right, true)}
                        </div>
                        <AgentPane title="Assigned to this list" side="assigned" shown=right_shown total=right_total search=right_search selected=right_sel />
                    </div>
                </Show>
            </div>
            <footer class="dialog-foot picker-foot">
                <p class="save-status" id="picker-status" role="status" aria-live="polite"
                    class:save-error=move || status.with(|s| matches!(s, Status::Failed(_)))>
                    {move || match status.get() {
                        _ if saving() => "Saving…".to_string(),
                        Status::Idle => "Changes are saved as you make them.".to_string(),
                        Status::Saved(t) | Status::Failed(t) => t,
                    }}
                </p>
                <button type="button" class="btn" id="close-picker" on:click=move |_| on_close.run(())>"Done"</button>
            </footer>
        </Dialog>
    }
}
