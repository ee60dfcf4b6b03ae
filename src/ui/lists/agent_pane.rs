//! One side of the agent picker: a search box and agents as checkbox rows.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::domain::{Agent, AgentId};

/// Agents whose name or username contains every word of `search`.
pub fn matching(agents: &[Agent], search: &str) -> Vec<Agent> {
    let words: Vec<String> = search.split_whitespace().map(str::to_lowercase).collect();
    agents
        .iter()
        .filter(|a| {
            let hay = format!("{} {}", a.name, a.username).to_lowercase();
            words.iter().all(|w| hay.contains(w.as_str()))
        })
        .cloned()
        .collect()
}

#[component]
pub fn AgentPane(
    #[prop(into)] title: String,
    /// "available" or "assigned": prefixes the element ids.
    side: &'static str,
    /// The agents shown (already filtered by the search).
    #[prop(into)]
    shown: Signal<Vec<Agent>>,
    /// How many there are before the search.
    #[prop(into)]
    total: Signal<usize>,
    search: RwSignal<String>,
    selected: RwSignal<HashSet<AgentId>>,
) -> impl IntoView {
    let heading_id = format!("{side}-title");
    let set_search = move |text: String| {
        search.set(text);
    };
    view! {
        <section class="pane" id=format!("{side}-pane") aria-labelledby=heading_id.clone()>
            <header class="pane-head">
                <h3 id=heading_id.clone()>{title.clone()}</h3>
                <span class="pane-count">{move || format!("{}", total.get())}</span>
            </header>
            <label class="pane-search">
                <span class="visually-hidden">{format!("Search {}", title.to_lowercase())}</span>
                <input
                    type="search"
                    id=format!("{side}-search")
                    placeholder="Search name or username"
                    autocomplete="off"
                    prop:value=move || search.get()
                    on:input=move |ev| set_search(event_target_value(&ev))
                    on:change=move |ev| set_search(event_target_value(&ev))
                />
            </label>
            <ul class="pane-list" id=format!("{side}-list")>
                <For
                    each=move || shown.get()
                    key=|a| (a.id, a.name.clone(), a.username.clone())
                    children=move |a| {
                        let id = a.id;
                        let checked = move || selected.with(|s| s.contains(&id));
                        view! {
                            <li class="pane-row" class:selected=checked>
                                <label>
                                    <input
                                        type="checkbox"
                                        value=id.get().to_string()
                                        prop:checked=checked
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            selected.update(|s| if on { s.insert(id); } else { s.remove(&id); });
                                        }
                                    />
                                    <span class="pane-name">{a.name.to_string()}</span>
                                    <span class="pane-user">{a.username.to_string()}</span>
                                </label>
                            </li>
                        }
                    }
                />
            </ul>
            <Show when=move || shown.with(Vec::is_empty)>
                <p class="hint pane-empty">
                    {move || if total.get() == 0 { "Nobody here." } else { "No agent matches the search." }}
                </p>
            </Show>
        </section>
    }
}
